"""Figures and blocks generated from data: chart, tables, map, citation, policy."""
import base64
import hashlib
import re
from pathlib import Path

import pytest

from sitedata.cite import citation
from sitedata.csp import add_policy, inline_script_hashes
from sitedata.postbuild import finish_site
from sitedata.errors import DataError
from test_chapters import expand


def test_alliance_chart_draws_a_bar_per_membership():
    out = expand("<!-- md:alliance-chart from=1917 to=1918 -->")
    bars = re.findall(r'class="ts-chart__bar[^"]*" href="#faction-test-alliance" '
                      r'style="left: ([\d.]+)%; width: ([\d.]+)%"', out)
    assert len(bars) == 2                     # trotsky and lenin
    for left, width in bars:
        assert float(left) == 0 and float(width) == 100.0
    assert 'href="../../people/trotsky/"' in out and "table of factions" in out


def test_factions_table_lists_members_and_fate():
    out = expand("<!-- md:factions-table -->")
    assert 'id="faction-test-alliance"' in out and "A test." in out
    assert out.count("<tr") == 2


def test_congress_table_gives_roman_and_arabic_numbers():
    out = expand("<!-- md:congress-table body=congress -->")
    assert '<span class="ts-roman">XV</span> (15)' in out
    assert 'data-sort="1927-12-02"' in out and "../../chronology/#fifteenth-congress" in out


def test_congress_table_refuses_an_empty_body():
    with pytest.raises(DataError, match="finds no event with body 'comintern'"):
        expand("<!-- md:congress-table body=comintern -->")


def test_exile_table_and_comparison():
    table = expand("<!-- md:exile-table -->")
    assert 'id="exile-trotsky-verkholensk"' in table and "escaped" in table
    comparison = expand("<!-- md:exile-comparison -->")
    assert "1 periods in 1 places" in comparison and "about 0.0 years" in comparison


def test_exile_map_plots_places_on_the_land():
    out = expand("<!-- md:exile-map -->")
    assert re.search(r'<path class="ts-map__land" d="M[\d,L]+Z', out)
    circle = re.search(r'<circle class="ts-map__dot ts-map__dot--trotsky" cx="([\d.]+)"', out)
    assert circle and 0 <= float(circle.group(1)) <= 1000
    label = re.search(r'style="left: ([\d.]+)%; top: ([\d.]+)%"><span title="([^"]+)">', out)
    assert label and 0 <= float(label.group(1)) <= 100 and label.group(3).startswith("Coyoac")
    # Names, not links: clustered, they could not be touch targets of a usable size.
    assert "<a " not in out.split('class="ts-map__labels"')[1].split("</ul>")[0]
    assert "table of exiles" in out


def test_turning_points_need_a_chapter():
    with pytest.raises(DataError, match="give bloody-sunday a `page`"):
        expand("<!-- md:turning-points ids=bloody-sunday -->")


def test_citations_in_three_styles():
    c = citation("Exile", "Trotsky and Stalin", "https://example.org/exile/", "2026-11-25")
    assert c.chicago == ("“Exile.” Trotsky and Stalin. Last modified November 25, 2026. "
                         "Accessed [date accessed]. https://example.org/exile/.")
    assert c.mla == ("“Exile.” <i>Trotsky and Stalin</i>, 25 Nov. 2026, "
                     "https://example.org/exile/. Accessed [date accessed].")
    assert "@misc{trotskystalin2026exile," in c.bibtex and "urldate = {[date accessed]}" in c.bibtex


def test_csp_hashes_only_executable_inline_scripts():
    html = ('<meta charset="utf-8"><script>var a=1</script><script src="x.js"></script>'
            '<script type="application/json">{"a":1}</script><script type=application/ld+json>'
            '{}</script><script type=module>var a=1</script>')
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(b"var a=1").digest()).decode() + "'"
    assert inline_script_hashes(html) == {expected}
    out = add_policy(html, "default-src 'self'")
    assert out.index("Content-Security-Policy") < out.index("<script>")


def test_csp_needs_a_charset_to_stand_before():
    with pytest.raises(ValueError, match="no <meta charset>"):
        add_policy("<script>x</script>", "default-src 'self'")


def test_csp_admits_every_page_s_scripts_on_every_page(tmp_path):
    (tmp_path / "a.html").write_text('<meta charset="utf-8"><script>one()</script>')
    (tmp_path / "b.html").write_text('<meta charset="utf-8"><script>two()</script>')
    finish_site(tmp_path, None, policy=True, minify=False)
    for page in ("a.html", "b.html"):
        text = (tmp_path / page).read_text()
        assert text.count("sha256-") == 2
