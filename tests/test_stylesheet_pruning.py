"""The pruned stylesheet styles the site as Material's whole one does.

sitedata/assets.py drops every rule whose classes no page or script uses. The
rules it dropped are found by comparing the site's sheet with the whole one;
then, on every page and in the states a reader brings about (search open, a
note, a copied citation, the phone's drawer), none of those rules may match an
element. A rule that matches nothing styles nothing, so the two sheets draw the
same. (Each dropped selector is checked without its pseudo-classes, which only
widens it: :hover, :not(), ::before and the like.)
"""
import re
from pathlib import Path

import pytest
import tinycss2
from playwright import sync_api as playwright_api

from browser import CHROMIUM_FLAGS, chromium_path, serve
from conftest import ROOT, SUBPATH
from sitedata.assets import site_stylesheet, split_selectors

pytestmark = pytest.mark.browser
_PSEUDO = re.compile(r"::?[A-Za-z-]+(\((?:[^()]|\([^()]*\))*\))?")


def selectors(css: str) -> set[str]:
    """Every selector of the sheet, with the @media or @supports it sits in."""
    found = set()

    def walk(rules, context=""):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update((context, selector.strip())
                             for selector in split_selectors(tinycss2.serialize(rule.prelude)))
            elif rule.type == "at-rule" and rule.content is not None and \
                    rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, skip_whitespace=True, skip_comments=True),
                     context + "@" + tinycss2.serialize(rule.prelude).strip())

    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return found


@pytest.fixture(scope="module")
def dropped(built_site):
    import material
    sheets_dir = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    sheets = {f"assets/stylesheets/{p.name}": p.read_text("utf-8") for p in sheets_dir.glob("*.min.css")}
    _, whole = site_stylesheet(sheets, [(ROOT / "docs/assets/stylesheets/extra.css").read_text("utf-8")])
    [pruned] = (built_site / "assets" / "stylesheets").glob("site.*.css")
    gone = selectors(whole) - selectors(pruned.read_text("utf-8"))
    assert len(gone) > 300, "expected the sheet to be pruned"
    # Widened: without pseudo-classes and pseudo-elements; "*" where nothing is left.
    return sorted({_PSEUDO.sub("", s).strip() or "*" for _, s in gone} - {"*"})


def states(tab, base, path, phone):
    def load():
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
    load()
    yield "page"
    if path != "factions/left-opposition/":
        return
    tab.keyboard.press("/")
    tab.keyboard.type("Trotsky")
    tab.wait_for_selector(".md-search-result__item")
    yield "search"
    load()
    tab.locator(".md-content a.footnote-ref >> nth=3").focus()
    tab.wait_for_selector(".md-tooltip2--active")
    yield "note"
    tab.locator(".md-content a[href*='people/'] >> nth=0").focus()
    tab.wait_for_selector(".md-tooltip2--active[role=tooltip]")
    yield "tooltip"
    load()
    tab.click("#cite-this-page summary")
    tab.click("button[data-clipboard-target='#ts-cite-chicago']")
    tab.wait_for_selector(".md-dialog--active")
    yield "copied"
    tab.evaluate("scrollTo(0, document.body.scrollHeight / 2)")
    tab.evaluate("scrollBy(0, -200)")
    tab.wait_for_timeout(500)
    yield "scrolled"
    if phone:
        load()
        tab.click(".md-header label[for=__drawer]")
        tab.wait_for_function("document.getElementById('__drawer').checked")
        yield "drawer"


_MATCHING = """selectors => selectors.filter(s => {
  try { return document.querySelector(s) !== null; } catch (e) { return false; } })"""


# Classes do not depend on the window's width: every page at desktop width, and
# at phone width the pages whose states differ there (the drawer).
@pytest.mark.parametrize("width", [1280, 360])
def test_no_dropped_rule_matches_anything_on_any_page(built_site, dropped, width):
    page_paths = sorted(p.relative_to(built_site).as_posix()[: -len("index.html")]
                        for p in built_site.rglob("index.html"))
    if width < 600:
        page_paths = ["", "factions/left-opposition/", "chronology/1923-1927/", "people/trotsky/"]
    matched = []
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": width, "height": 800},
                                      permissions=["clipboard-read", "clipboard-write"])
        tab = context.new_page()
        with serve(built_site, SUBPATH) as base:
            for path in page_paths + ["404.html"] * (width > 600):
                for state in states(tab, base, path, phone=width < 600):
                    matched += [f"{path or '/'} {state}: {s}" for s in tab.evaluate(_MATCHING, dropped)]
        browser.close()
    assert not matched, matched[:20]
