"""The chapter syntax: dates, people, places, events, terms, citations, timelines."""
import shutil
from pathlib import Path

import pytest

from sitedata.dataset import load
from sitedata.errors import DataError
from sitedata.pages import scan_page
from sitedata.build import load_site
from sitedata.render import Renderer, abbreviations

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PAGE = """---
title: A chapter
description: A test chapter.
sources: [deutscher-1954]
---

{body}
"""


def renderer(body: str, src: str = "factions/test.md") -> tuple[Renderer, str]:
    text = PAGE.format(body=body)
    info = scan_page(src, text)
    data = load(FIXTURES / "data", schema_dir=ROOT / "data")
    return Renderer(data, {src: info}, ROOT / "overrides" / "sitedata"), info


def expand(body: str, src: str = "factions/test.md") -> str:
    r, info = renderer(body, src)
    return r.expand(src, body, info.body_offset)


def test_golden_chapter():
    """A chapter using every shortcode renders exactly as the golden file says."""
    source = (FIXTURES / "chapter.md").read_text(encoding="utf-8")
    expected = (FIXTURES / "chapter.expected.md").read_text(encoding="utf-8")
    assert expand(source) == expected


def test_date_in_old_style_shows_new_style():
    out = expand("On :date[1905-01-09 O.S.] troops fired.")
    assert '<time class="ts-date" datetime="1905-01-22">9 January 1905 <small>O.S.</small></time>' in out
    assert "(22 January <small>N.S.</small>)" in out


def test_person_link_is_relative_with_tooltip():
    out = expand(":person[trotsky] and :person[stalin|Koba]")
    assert '[Leon Trotsky](../people/index.md#trotsky "Lev Davidovich Bronstein (1879–1940), Revolutionary")' in out
    assert "[Koba](../people/index.md#stalin " in out


def test_citations_become_numbered_footnotes_reused_for_the_same_locator():
    out = expand("A.:cite[deutscher-1954, p. 1] B.:cite[trotsky-1930] C.:cite[deutscher-1954, p. 1]")
    assert out.count("[^ts-1]") == 3 and out.count("[^ts-2]") == 2
    assert "[^ts-1]: Isaac Deutscher, *The Prophet Armed: Trotsky, 1879–1921* (Oxford University Press, 1954), p. 1." in out


def test_code_is_left_alone():
    body = "Write `:person[nobody]` like this.\n\n```\n:date[1905-01-09]\n```"
    assert expand(body) == body


def test_timeline_lists_selected_events_in_order():
    out = expand("<!-- md:timeline person=trotsky -->")
    assert out.index("soviet-arrested") < out.index("trotsky-dies")
    assert "bloody-sunday" not in out


def test_timeline_by_ids():
    out = expand("<!-- md:timeline ids=trotsky-dies,bloody-sunday -->")
    assert out.index("bloody-sunday") < out.index("trotsky-dies") and "soviet-arrested" not in out
    with pytest.raises(DataError, match="unknown event id 'nothing' in md:timeline"):
        expand("<!-- md:timeline ids=bloody-sunday,nothing -->")


@pytest.fixture
def fixture_root(tmp_path) -> Path:
    """A project root holding the fixture data, for the same check the build runs."""
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    for schema in (ROOT / "data").glob("*.schema.json"):
        shutil.copy(schema, tmp_path / "data")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides")
    (tmp_path / "includes").mkdir()
    data = load(tmp_path / "data")
    (tmp_path / "includes" / "abbreviations.md").write_text(abbreviations(data), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("body, message", [
    (":person[trotzky]", "docs/factions/test.md:7: unknown person id 'trotzky'"),
    ("\n\n:place[mexico]", "docs/factions/test.md:9: unknown place id 'mexico'"),
    (":cite[carr-1958]", "docs/factions/test.md:7: unknown cite id 'carr-1958'"),
    (":event[nothing]", "docs/factions/test.md:7: unknown event id 'nothing'"),
    (":term[nothing]", "docs/factions/test.md:7: unknown term id 'nothing'"),
])
def test_unknown_ids_stop_with_file_and_line(fixture_root, body, message):
    with pytest.raises(DataError, match=message):
        load_site(fixture_root, {"factions/test.md": PAGE.format(body=body)})


def test_unknown_id_in_front_matter(fixture_root):
    page = PAGE.format(body="Text").replace("sources: [deutscher-1954]", "sources: [nobody-2000]")
    with pytest.raises(DataError, match="docs/factions/test.md:4: unknown cite id 'nobody-2000'"):
        load_site(fixture_root, {"factions/test.md": page})


def test_stale_abbreviations_stop_the_build(fixture_root):
    (fixture_root / "includes" / "abbreviations.md").write_text("*[old]: stale\n")
    with pytest.raises(DataError, match="includes/abbreviations.md: is out of date.*make generate"):
        load_site(fixture_root, {"factions/test.md": PAGE.format(body="Text")})


@pytest.mark.parametrize("body, message", [
    ("Text\n:date[1905-02-30 O.S.]", r"docs/factions/test.md:8: .*February 1905 O.S. has 28 days"),
    (":date[1905-01-09]", r"docs/factions/test.md:7: .*mark the calendar"),
    (":person[nobody]", r"docs/factions/test.md:7: unknown person id 'nobody'"),
    ("<!-- md:timeline category=nothing -->", r"docs/factions/test.md:7: unknown category 'nothing'"),
    ("<!-- md:timeline person=nobody -->", r"docs/factions/test.md:7: unknown person id 'nobody'"),
])
def test_expand_errors_name_file_and_line(body, message):
    with pytest.raises(DataError, match=message):
        expand(body)


@pytest.mark.parametrize("body, message", [
    (":persn[trotsky]", "docs/factions/test.md:7: unknown shortcode ':persn"),
    ("<!-- md:timelines -->", "docs/factions/test.md:7: unknown shortcode 'md:timelines'"),
])
def test_unknown_shortcodes(body, message):
    with pytest.raises(DataError, match=message):
        scan_page("factions/test.md", PAGE.format(body=body))


def test_malformed_front_matter_names_the_line():
    with pytest.raises(DataError, match=r"docs/x.md:3: malformed YAML"):
        scan_page("x.md", "---\ntitle: A\ndescription: a: b\n---\n\nText\n")


def test_missing_description():
    with pytest.raises(DataError, match="docs/x.md:1: front matter lacks 'description'"):
        scan_page("x.md", "---\ntitle: A\n---\n\nText\n")


def test_overlong_description():
    with pytest.raises(DataError, match="description is 161 characters"):
        scan_page("x.md", f"---\ntitle: A\ndescription: {'x' * 161}\n---\n")


def test_front_matter_ids_are_collected_with_their_line():
    info = scan_page("x.md", "---\ntitle: A\ndescription: B\npeople: [trotsky]\n---\n:person[lenin]\n")
    assert info.ids("person") == {"trotsky": 4, "lenin": 6}


def test_straight_quotes_in_description_are_refused():
    with pytest.raises(DataError, match="straight double quote"):
        scan_page("x.md", '---\ntitle: A\ndescription: the "Left"\n---\n')
