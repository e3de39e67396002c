"""The chapter syntax: dates, people, places, events, terms, citations, timelines."""
import shutil
from pathlib import Path

import pytest

from sitedata.dataset import load
from sitedata.errors import DataError
from sitedata.pages import scan_page
from sitedata.build import load_site, nav_with_person_pages
from sitedata.content import (external_links_marked, first_use_only,
                              footnotes_out_of_search, labels_not_tooltips,
                              previews_on_chapter_links, see_also_out_of_search,
                              without_abbreviations)
from sitedata.render import Renderer, abbreviations, distinct_names, gloss

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
    assert '[Leon Trotsky](../people/trotsky.md "Lev Davidovich Bronstein (1879–1940)")' in out
    assert "[Koba](../people/stalin.md " in out


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


@pytest.mark.parametrize("definition, tooltip", [
    ("The party's paid officials. Trotsky attacked them.", "The party's paid officials."),
    ("Met in St. Petersburg in 1905. Later banned.", "Met in St. Petersburg in 1905."),
    ("A term used in 1917 O.S. by the left", "A term used in 1917 O.S. by the left."),
    ("One sentence\n  over two lines.", "One sentence over two lines."),
])
def test_tooltip_is_the_first_sentence_of_the_definition(definition, tooltip):
    assert gloss(definition) == tooltip


def test_glossary_tooltip_only_on_first_use():
    html = ('<p><abbr title="The paid officials.">apparatus</abbr> and the '
            '<abbr title="Central Committee.">CC</abbr> met the '
            '<abbr title="The paid officials.">apparatus</abbr>.</p>')
    assert first_use_only(html) == ('<p><abbr title="The paid officials.">apparatus</abbr> and the '
                                    '<abbr title="Central Committee.">CC</abbr> met the apparatus.</p>')


def test_the_glossary_page_has_no_glossary_tooltips():
    html = '<p><abbr title="Three rulers.">troika</abbr> and <abbr title="A.">NEP</abbr>.</p>'
    assert without_abbreviations(html) == "<p>troika and NEP.</p>"


def test_pilcrow_and_backlink_get_a_name_not_a_tooltip():
    html = ('<h2 id="a">A<a class="headerlink" href="#a" title="Link to this section">¶</a></h2>'
            '<a class="footnote-backref" href="#fnref:ts-1" title="Jump back to footnote 1">↩</a>'
            '<a href="../x/" title="Leon Trotsky (1879–1940)">Trotsky</a>')
    out = labels_not_tooltips(html)
    assert 'class="headerlink" href="#a" aria-label="Link to this section"' in out
    assert 'href="#fnref:ts-1" aria-label="Jump back to footnote 1"' in out
    assert 'title="Leon Trotsky (1879–1940)"' in out  # a person link keeps its tooltip


@pytest.mark.parametrize("page_url, html, previewed", [
    # A chapter's links to other chapters, with or without an anchor.
    ("factions/left-opposition/", '<a href="../new-opposition/">', True),
    ("factions/left-opposition/", '<a href="../../ideas/permanent-revolution/#origins">', True),
    ("", '<a href="overview/">', True),
    # The page itself, data pages, links with a tooltip, other sites.
    ("factions/left-opposition/", '<a href="./">', False),
    ("factions/left-opposition/", '<a href="../../people/trotsky/">', False),
    ("factions/left-opposition/", '<a href="../../chronology/1923-1927/#x">', False),
    ("factions/left-opposition/", '<a href="../new-opposition/" title="t">', False),
    ("factions/left-opposition/", '<a href="https://example.org/factions/">', False),
    # Data pages link to chapters by the hundred: no previews there.
    ("sources/", '<a href="../factions/left-opposition/">', False),
    # The offline edition's file URLs.
    ("factions/left-opposition.html", '<a href="new-opposition.html">', True),
    ("factions/left-opposition.html", '<a href="left-opposition.html">', False),
])
def test_links_between_chapters_get_previews(page_url, html, previewed):
    out = previews_on_chapter_links(html + "X</a>", page_url)
    assert ("data-preview" in out) is previewed, out


@pytest.mark.parametrize("html, external", [
    ('<a href="https://www.marxists.org/archive/trotsky/">', True),
    ('<a href="http://example.org/a" data-search-exclude>', True),
    ('<a href="../../people/trotsky/">', False),
    ('<a href="#fn:1">', False),
    ('<a href="mailto:editor@example.org">', False),
    ('<a href="https://example.org/" rel="noopener">', False),   # has its own rel
])
def test_links_off_the_site_are_marked_for_print(html, external):
    out = external_links_marked(html + "X</a>")
    assert ('rel="external"' in out) is external, out
    assert out.count("rel=") <= 1, out


def test_footnotes_are_kept_out_of_the_search_index():
    html = ('<p>Text<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>'
            '<div class="footnote"><ol><li>Book.</li></ol></div>')
    out = footnotes_out_of_search(html)
    assert '<div class="footnote" data-search-exclude>' in out
    assert '<sup data-search-exclude id="fnref:1">' in out


def test_glossary_shows_each_alias_once_whatever_its_capitals():
    assert distinct_names("troika", ["Troika", "triumvirate", "Triumvirate", "тройка"]) == [
        "triumvirate", "тройка"]


def test_see_also_lists_are_kept_out_of_the_search_index():
    html = ('<h2 id="see-also">See also<a class="headerlink" href="#see-also">¶</a></h2>\n'
            '<ul>\n<li><a href="../x/">X</a></li>\n</ul>\n<h2 id="sources">Sources</h2>\n<ul>')
    out = see_also_out_of_search(html)
    assert out.count("data-search-exclude") == 1 and '</h2>\n<ul data-search-exclude>' in out


def chronology_pages(*ranges: str) -> dict[str, str]:
    return {f"chronology/p{n}.md": PAGE.format(body=f"<!-- md:chronology {r} -->")
            for n, r in enumerate(ranges)}


def test_events_link_to_their_period_page(fixture_root):
    site = load_site(fixture_root, chronology_pages("from=1900 to=1923", "from=1924 to=1940"))
    out = site.renderer.expand("factions/test.md", ":event[trotsky-dies] :event[bloody-sunday]")
    assert "(../chronology/p1.md#trotsky-dies " in out and "(../chronology/p0.md#bloody-sunday " in out
    period = site.renderer.expand("chronology/p0.md", "<!-- md:chronology from=1900 to=1923 -->")
    assert 'id="bloody-sunday"' in period and 'id="trotsky-dies"' not in period


@pytest.mark.parametrize("ranges, message", [
    (("from=1900 to=1930", "from=1925 to=1940"),
     r"docs/chronology/p1.md:7: md:chronology from=1925 overlaps the period of docs/chronology/p0.md"),
    (("from=1900 to=1930",),
     r"data/events.yml:\d+: record 'trotsky-dies', field 'date': year 1940 falls in no chronology page"),
    (("from=1930 to=1900",), r"docs/chronology/p0.md:7: md:chronology needs two years"),
    (("from=19x0 to=1940",), r"docs/chronology/p0.md:7: md:chronology needs two years"),
])
def test_chronology_periods_must_cover_every_event_once(fixture_root, ranges, message):
    with pytest.raises(DataError, match=message):
        load_site(fixture_root, chronology_pages(*ranges))


def test_every_person_gets_a_generated_page(fixture_root):
    site = load_site(fixture_root, {})
    assert "people/trotsky.md" in site.generated
    page = site.generated["people/trotsky.md"]
    assert page.startswith('---\ntitle: "Leon Trotsky"\n') and "<!-- md:person id=trotsky -->" in page
    out = site.renderer.expand("people/trotsky.md", "<!-- md:person id=trotsky -->")
    assert "Лев" in out and 'href="../../chronology/#soviet-arrested"' in out


def test_person_pages_come_in_surname_order_and_join_the_print_navigation(fixture_root):
    site = load_site(fixture_root, {})
    assert list(site.generated) == ["people/lenin.md", "people/stalin.md", "people/trotsky.md"]
    nav = [{"Home": "index.md"}, {"Reference": ["reference/index.md", {"People": "people/index.md"},
                                                {"Places": "places/index.md"}]}]
    assert nav_with_person_pages(nav, list(site.generated)) == [
        {"Home": "index.md"},
        {"Reference": ["reference/index.md",
                       {"People": ["people/index.md", "people/lenin.md", "people/stalin.md",
                                   "people/trotsky.md"]},
                       {"Places": "places/index.md"}]}]


@pytest.mark.parametrize("nav", [[{"Home": "index.md"}],
                                 [{"People": "people/index.md"}, {"All": [{"Everyone": "people/index.md"}]}]])
def test_print_navigation_needs_the_people_index_once(nav):
    with pytest.raises(DataError, match=r"mkdocs.yml: the nav lists people/index.md [02] times"):
        nav_with_person_pages(nav, ["people/lenin.md"])


def test_a_hand_written_page_cannot_shadow_a_generated_one(fixture_root):
    with pytest.raises(DataError, match="docs/people/trotsky.md: is generated from data/people.yml"):
        load_site(fixture_root, {"people/trotsky.md": PAGE.format(body="Text")})
