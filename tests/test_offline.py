"""The offline edition: `make offline` builds a zip that works from file://."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from browser import CHROMIUM_FLAGS, chromium_path
from conftest import ROOT
from htmlcheck import read_page

VENV = Path(sys.executable).parent.parent
ZIP = ROOT / "build" / "trotsky-stalin-offline.zip"


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory):
    # VENV relative to the repository, like the deploy workflow's default (.venv),
    # so that a recipe which changes directory is tried as the workflow runs it.
    venv = os.path.relpath(VENV, ROOT) if VENV.is_relative_to(ROOT) else VENV
    result = subprocess.run(["make", "offline", f"VENV={venv}", "-o", f"{VENV}/bin/.build-installed"],
                            cwd=ROOT, capture_output=True, text=True, timeout=900,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(ZIP) as archive:
        names = archive.namelist()
        assert "trotsky-stalin-offline/index.html" in names
        assert "trotsky-stalin-offline/search/search_index.js" in names
        archive.extractall(target)
    return target / "trotsky-stalin-offline"


def test_offline_pages_link_to_files_and_load_no_cdn(unzipped):
    home = read_page(unzipped / "index.html")
    assert "chronology/index.html" in home.links
    assert "unpkg.com" not in home.path.read_text(encoding="utf-8")
    assert any(url.endswith("iframe-worker-shim.js") for url in home.loads)
    assert "../people/trotsky.html" in read_page(unzipped / "chronology" / "1923-1927.html").links


@pytest.mark.browser
def test_offline_edition_navigates_and_searches_from_file(unzipped):
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(),
                                    args=CHROMIUM_FLAGS)
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((unzipped / "index.html").as_uri())
        page.locator(".md-tabs__link", has_text="Reference").first.click()
        page.wait_for_url("**/reference/index.html")
        page.keyboard.press("/")
        page.wait_for_timeout(500)
        field = page.locator(".md-search__input")
        field.fill("Bronstein")
        field.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert "people/trotsky.html" in " ".join(
            page.eval_on_selector_all(".md-search-result__item a", "a => a.map(x => x.href)"))
        # site.js's query fix reaches the worker through the iframe shim too: with
        # its dangling hyphen, "Alma-" would match every page.
        field.fill("Alma-")
        field.press("End")
        page.wait_for_function("""() => { const a = document.querySelector(
            '.md-search-result__item a'); return a && a.href.includes('alma-ata-1928'); }""",
                               timeout=15000)
        assert not errors, errors
        browser.close()
