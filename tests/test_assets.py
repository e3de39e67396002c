"""The site's one stylesheet (sitedata/assets.py)."""
import pytest

from sitedata.assets import DROPPED_RULES, MATERIAL_STYLESHEET, joined_stylesheet, site_stylesheet

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
