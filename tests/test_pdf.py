"""The PDF edition: built with `make pdf`, checked for pages, outline, links and page numbers."""
from __future__ import annotations

import re
import subprocess

import pypdf
import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.browser   # Chromium prints it


@pytest.fixture(scope="module")
def pdf() -> pypdf.PdfReader:
    made = subprocess.run(["make", "pdf"], cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-4000:]
    return pypdf.PdfReader(ROOT / "build" / "trotsky-stalin.pdf")


def test_pdf_has_cover_contents_and_numbered_pages(pdf):
    assert len(pdf.pages) > 150
    assert "Factions, congresses and exiles" in pdf.pages[0].extract_text()
    assert "Contents" in pdf.pages[1].extract_text()
    # "n / total" at the foot of every page but the cover.
    last = len(pdf.pages)
    assert not re.search(rf"\b1 / {last}\b", pdf.pages[0].extract_text())
    for n in (2, 10, last):
        assert re.search(rf"\b{n} / {last}\b", pdf.pages[n - 1].extract_text()), n


def _titles(outline) -> list[str]:
    titles = []
    for item in outline:
        titles += _titles(item) if isinstance(item, list) else [item.title]
    return titles


def test_pdf_outline_follows_the_contents(pdf):
    top = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert top[:6] == ["Home", "Overview", "Factions", "Congresses", "Exile", "Ideas"], top
    titles = _titles(pdf.outline)
    for title in ("The Left Opposition, 1923–1925", "Chronology", "Glossary", "Sources"):
        assert title in titles, (title, titles)
    # Each bookmark opens at the page holding its heading.
    destination = next(item for item in pdf.outline if not isinstance(item, list)
                       and item.title == "Overview")
    page = pdf.get_destination_page_number(destination)
    assert "Overview" in pdf.pages[page].extract_text()


def _children(outline, title) -> list:
    """The bookmarks under the one titled `title` at this level of the outline."""
    i = next(i for i, item in enumerate(outline) if not isinstance(item, list) and item.title == title)
    return outline[i + 1] if i + 1 < len(outline) and isinstance(outline[i + 1], list) else []


def test_pdf_holds_every_person_s_page_after_the_people_index(pdf):
    reference = _children(pdf.outline, "Reference")
    people = [item.title for item in _children(reference, "People") if not isinstance(item, list)]
    assert people[0] == "People" and people.index("Stalin") < people.index("Trotsky"), people
    assert len(people) == 1 + len(yaml.safe_load((ROOT / "data" / "people.yml").read_text("utf-8")))
    # A person link in a chapter now leads to the person's page in the PDF.
    assert "/people-trotsky" in pdf.named_destinations


def test_pdf_outline_opens_each_chapter_at_its_sections(pdf):
    # The printed contents stop at the chapters; the bookmarks go on to their sections.
    factions = _children(pdf.outline, "Factions")
    chapter = next(i for i in factions if not isinstance(i, list)
                   and i.title == "The Left Opposition, 1923–1925")
    sections = _children(factions, chapter.title)
    titles = [item.title for item in sections]
    assert titles[:3] == ["The crisis of 1923", "Trotsky’s letter of 8 October",
                          "The Declaration of the 46"], titles
    chapter_start = pdf.get_destination_page_number(chapter)
    pages = [pdf.get_destination_page_number(item) for item in sections]
    assert pages == sorted(pages) and pages[0] >= chapter_start
    for item, page in zip(sections, pages):
        text = " ".join(pdf.pages[page].extract_text().split())
        assert item.title in text, (item.title, page)


def _internal_links(page):
    """(link, destination name) of each link on the page to a place in the PDF."""
    for annotation in page.get("/Annots") or []:
        link = annotation.get_object()
        if link.get("/Subtype") != "/Link":
            continue
        action = link.get("/A")
        if action is not None and action.get("/S") == "/URI":
            continue
        yield link, str(link.get("/Dest", action.get("/D") if action is not None else None))


def test_every_internal_link_in_the_pdf_resolves(pdf):
    destinations = pdf.named_destinations
    internal, broken = 0, []
    for number, page in enumerate(pdf.pages, 1):
        for _, target in _internal_links(page):
            internal += 1
            if target not in destinations:
                broken.append((number, target))
    assert internal > 5000 and not broken, broken[:10]


def test_links_to_other_parts_of_the_pdf_were_made_internal(pdf):
    """Parts are printed one at a time; no placeholder URL may survive the join."""
    for number, page in enumerate(pdf.pages, 1):
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get("/S") == "/URI":
                assert "elsewhere.invalid" not in action["/URI"], number
                assert not action["/URI"].startswith("http://127.0.0.1"), number


def test_pages_carry_no_page_label_but_their_own(pdf):
    # The print plugin's running "Page n" restarts in each part the PDF script
    # prints (sheet 11 read "Page 3"); only the stamped "n / total" numbers a page.
    labelled = [n for n, page in enumerate(pdf.pages, 1)
                if re.search(r"\bPage \d+\b", page.extract_text())]
    assert not labelled, labelled[:10]


def _footnote_marker_boxes(page) -> list[tuple[float, float, float]]:
    """(baseline, left, right) of each link to a footnote on the page."""
    boxes = []
    for link, target in _internal_links(page):
        if re.search(r"(^|-)fn:", target.lstrip("/")):
            left, bottom, right, _ = (float(v) for v in link["/Rect"])
            boxes.append((round(bottom, 1), left, right))
    return sorted(boxes)


def test_footnote_markers_side_by_side_are_kept_apart(pdf):
    # Markers for notes 1 and 3 printed touching read as note 13: a comma goes
    # between them (about 3 pt); touching, the gap is under 1 pt.
    side_by_side, touching = 0, []
    for number, page in enumerate(pdf.pages, 1):
        boxes = _footnote_marker_boxes(page)
        for (line, _, right), (next_line, left, _) in zip(boxes, boxes[1:]):
            if line == next_line and -1 < left - right < 6:
                side_by_side += 1
                if left - right < 1.5:
                    touching.append((number, round(left - right, 1)))
    assert side_by_side > 50 and not touching, (side_by_side, touching[:10])
