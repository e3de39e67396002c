"""The site's one stylesheet (sitedata/assets.py)."""
import pytest

from sitedata.assets import (DROPPED_RULES, MATERIAL_STYLESHEET, joined_stylesheet, names_used,
                             site_stylesheet, unused_rules_removed)
from sitedata.postbuild import finish_site

MAIN = "assets/stylesheets/main.57a0d79d.min.css"
PALETTE = "assets/stylesheets/palette.fb2fffe2.min.css"
SWITCHING = next(iter(DROPPED_RULES))


def test_stylesheets_are_joined_in_order_under_a_content_hash():
    path, text = joined_stylesheet(['@charset "UTF-8";a{b:c}', "d{e:f}", "/* ours */ g{h:i}"])
    assert text.startswith('@charset "UTF-8";\n') and text.count("@charset") == 1
    assert text.index("a{b:c}") < text.index("d{e:f}") < text.index("g{h:i}")
    assert MATERIAL_STYLESHEET.fullmatch(path) is None and path.startswith("assets/stylesheets/site.")
    assert joined_stylesheet(["a{b:d}"])[0] != joined_stylesheet(["a{b:c}"])[0]


def test_site_sheet_is_main_then_palette_then_ours_less_the_dropped_rule():
    _, text = site_stylesheet({PALETTE: f"p{{q:r}}{SWITCHING}x{{y:z}}", MAIN: "m{n:o}"}, ["s{t:u}"])
    assert SWITCHING not in text
    assert text.index("m{n:o}") < text.index("p{q:r}") < text.index("x{y:z}") < text.index("s{t:u}")


def test_a_theme_without_the_dropped_rule_stops_the_build():
    with pytest.raises(ValueError, match="no longer has the rule .*update DROPPED_RULES"):
        site_stylesheet({MAIN: "m{n:o}", PALETTE: "p{q:r}"}, [])


def test_both_of_materials_sheets_are_needed():
    with pytest.raises(ValueError, match="expected Material's main and palette stylesheets"):
        site_stylesheet({MAIN: SWITCHING}, [])


def test_names_used_come_from_class_and_id_attributes_and_script_words():
    names = names_used(['<p class="a b" id="c">d e</p>', "<i class='f'>"], ['x.classList.add("g")'])
    assert {"a", "b", "c", "f", "g", "classList"} <= names and not {"d", "e", "p"} & names


def test_rules_needing_an_unused_class_go():
    css = ('@charset "UTF-8";.a{x:1}.b,.c{y:2}@media (min-width:1px){.b{z:3}.a .d{w:4}}'
           "@media print{.a{v:5}}@keyframes k{0%{o:1}}:root{--v:1}a:not(.zz){c:1}"
           ':is(.zz,.a) p{q:1}.a[data-x=".zz"]{r:1}#i{s:1}')
    out = unused_rules_removed(css, {"a", "c"})
    assert ".a{x:1}" in out and ".c{y:2}" in out and ".b" not in out and ".d" not in out
    assert "@media print{.a{v:5}}" in out and "min-width" not in out  # emptied block gone
    assert "@keyframes k" in out and ":root{--v:1}" in out
    # Names inside :not(), :is() and attribute values are not required.
    assert "a:not(.zz){c:1}" in out and ":is(.zz,.a) p{q:1}" in out and '.a[data-x=".zz"]' in out
    assert "#i" not in out and "#i{s:1}" in unused_rules_removed(css, {"i"})


def test_finishing_the_site_prunes_and_renames_the_sheet_and_relinks_every_page(tmp_path):
    sheet = "assets/stylesheets/site.00000000.css"
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / sheet).write_text(".used{a:1}.unused{b:2}.scripted{c:3}")
    (tmp_path / "s.js").write_text('el.classList.add("scripted")')
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text(f'<meta charset="utf-8"><link rel="stylesheet" href="{sheet}">'
                                     f'<p class="used">{name}</p><script>one()</script>')
    finish_site(tmp_path, sheet, policy=True, minify=False)
    [renamed] = (tmp_path / "assets" / "stylesheets").iterdir()
    assert renamed.name != "site.00000000.css"
    assert renamed.read_text() == ".used{a:1}.scripted{c:3}\n"
    for name in ("a.html", "b.html"):
        html = (tmp_path / name).read_text()
        assert f'href="assets/stylesheets/{renamed.name}"' in html and "sha256-" in html
