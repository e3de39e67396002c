"""Material's bundle carries V8's compile hint (sitedata/scripts.py)."""
import json
from pathlib import Path

import material
import pytest

from sitedata.scripts import HINT, hint_material_bundle, source_map_one_line_down, with_compile_hint

THEME_SCRIPTS = Path(material.__file__).parent / "templates" / "assets" / "javascripts"


def fake_site(root: Path, name: str = "bundle.0123abcd.min.js") -> Path:
    scripts = root / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    (scripts / name).write_text('"use strict";\nrun()\n//# sourceMappingURL=' + name + ".map")
    (scripts / (name + ".map")).write_text(json.dumps({"version": 3, "sources": ["a.ts"],
                                                       "names": [], "mappings": "AAAA;AACA"}))
    return scripts / name


def test_the_hint_is_the_first_line_and_added_once():
    script = with_compile_hint('"use strict";run()')
    assert script == HINT + '"use strict";run()'
    assert with_compile_hint(script) == script


def test_the_source_map_moves_down_one_line_and_keeps_the_rest():
    moved = json.loads(source_map_one_line_down('{"version":3,"sources":["a.ts"],"mappings":"AAAA;AACA"}'))
    assert moved == {"version": 3, "sources": ["a.ts"], "mappings": ";AAAA;AACA"}


def test_the_sites_bundle_and_its_map_are_changed_once(tmp_path):
    bundle = fake_site(tmp_path)
    assert hint_material_bundle(tmp_path) == bundle
    assert hint_material_bundle(tmp_path) == bundle   # mkdocs serve rebuilds over the same files
    assert bundle.read_text().startswith(HINT + '"use strict";') and bundle.read_text().count(HINT) == 1
    assert json.loads(bundle.with_name(bundle.name + ".map").read_text())["mappings"] == ";AAAA;AACA"


@pytest.mark.parametrize("names", [[], ["bundle.js"], ["bundle.0123abcd.min.js", "bundle.4567cdef.min.js"]])
def test_a_bundle_not_where_expected_stops_the_build(tmp_path, names):
    scripts = tmp_path / "assets" / "javascripts"
    scripts.mkdir(parents=True)
    for name in names:
        (scripts / name).write_text("run()")
    with pytest.raises(ValueError, match="expected one Material bundle.*update MATERIAL_BUNDLE"):
        hint_material_bundle(tmp_path)


def test_the_built_sites_bundle_is_the_themes_with_the_hint_above(built_site):
    [theme_bundle] = THEME_SCRIPTS.glob("bundle.*.min.js")
    site_bundle = built_site / "assets" / "javascripts" / theme_bundle.name
    assert site_bundle.read_text(encoding="utf-8") == HINT + theme_bundle.read_text(encoding="utf-8")
    theme_map = json.loads(theme_bundle.with_name(theme_bundle.name + ".map").read_text(encoding="utf-8"))
    site_map = json.loads(site_bundle.with_name(site_bundle.name + ".map").read_text(encoding="utf-8"))
    assert site_map == {**theme_map, "mappings": ";" + theme_map["mappings"]}
