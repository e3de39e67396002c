"""Joining separately printed parts of the PDF edition (sitedata.pdf), without a browser."""
from __future__ import annotations

import io

import pypdf
import pytest
from pypdf.annotations import Link

from sitedata.pdf import ELSEWHERE, Entry, add_outline, join, page_numbers_html


def part(pages: int, links: tuple[str, ...] = (), destinations: tuple[str, ...] = ()) -> bytes:
    """A small PDF: blank A4 pages, links to ELSEWHERE#target on page 1, named destinations."""
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    for target in links:
        writer.add_annotation(0, Link(rect=(50, 50, 150, 70), url=ELSEWHERE + target))
    for name in destinations:
        writer.add_named_destination(name, pages - 1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_links_between_parts_become_internal_links_to_the_right_page():
    writer, places = join([part(2, links=("chapter-two",)), part(3, destinations=("chapter-two",))])
    assert len(writer.pages) == 5
    assert places["chapter-two"][0] == 4          # last page of the second part
    link = writer.pages[0]["/Annots"][0].get_object()
    assert "/A" not in link and link["/Dest"] == "/chapter-two"
    dests = writer._root_object["/Dests"]
    assert dests["/chapter-two"][0] == writer.pages[4].indirect_reference


def test_a_link_to_nowhere_stops_the_join_and_names_the_page():
    with pytest.raises(ValueError, match=r"page 1: a link points to #missing"):
        join([part(1, links=("missing",)), part(1, destinations=("present",))])


def test_outline_follows_contents_and_rejects_an_unknown_target():
    writer, places = join([part(1, destinations=("index",)), part(2, destinations=("sources",))])
    contents = [Entry("Home", "index"), Entry("Reference", "sources", [Entry("Sources", "sources")])]
    assert add_outline(writer, places, contents) == 3
    with pytest.raises(ValueError, match="'Glossary' links to #glossary"):
        add_outline(writer, places, [Entry("Glossary", "glossary")])


def test_page_numbers_leave_the_cover_blank():
    sheets = page_numbers_html(3)
    assert sheets.count('class="sheet"') == 3
    assert "1 / 3" not in sheets and "2 / 3" in sheets and "3 / 3" in sheets
