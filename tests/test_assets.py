"""The joined stylesheet (sitedata/assets.py)."""
from sitedata.assets import MATERIAL_STYLESHEET, joined_stylesheet, material_order


def test_stylesheets_are_joined_in_order_under_a_content_hash():
    path, text = joined_stylesheet(['@charset "UTF-8";a{b:c}', "d{e:f}", "/* ours */ g{h:i}"])
    assert text.startswith('@charset "UTF-8";\n') and text.count("@charset") == 1
    assert text.index("a{b:c}") < text.index("d{e:f}") < text.index("g{h:i}")
    assert MATERIAL_STYLESHEET.fullmatch(path) is None and path.startswith("assets/stylesheets/site.")
    assert joined_stylesheet(["a{b:d}"])[0] != joined_stylesheet(["a{b:c}"])[0]


def test_material_main_sheet_comes_before_its_palette():
    names = ["assets/stylesheets/palette.fb2fffe2.min.css", "assets/stylesheets/main.57a0d79d.min.css"]
    assert sorted(names, key=material_order)[0].endswith("main.57a0d79d.min.css")
