"""Benchmark figures measured in Chromium: each page's first load, and search latency.

Uses the test suite's server (the site under /trotsky-stalin/) and Debian's chromium.
"""
from __future__ import annotations

import gzip
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM_FLAGS, SITE_ORIGIN, _Handler, chromium_path, serve  # noqa: E402

SUBPATH = "/trotsky-stalin/"
LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CRITICAL_TYPES = {"document", "stylesheet", "script", "font"}
# Fetched after the page is usable, for search only: not on the critical path.
SEARCH_FILES = ("/search/search_index.json", "/workers/search.")
# Typed a key at a time; every keystroke is one latency sample.
SEARCH_QUERIES = ("Trotsky", "permanent revolution", "Zinovyev", "XV Congress", "Alma-Ata",
                  "Thermidor", "Koba", "socialism in one country", "Prinkipo", "Left Opposition")


class _Compressing(_Handler):
    """Like GitHub Pages: text gzip-compressed on request, cached for ten minutes."""
    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or path.suffix not in self.TEXT):
            return super().do_GET()
        body = path.read_bytes()
        if path.name == "sitemap.xml":   # with this server's origin, as _Handler does
            origin = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
            body = body.replace(SITE_ORIGIN.encode(), origin.encode())
        body = gzip.compress(body, compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)


def lighthouse(site: Path, pages: list[str]) -> list[dict]:
    """Lighthouse 12 scores (0-100) for each page, mobile and desktop (bench/lighthouse.mjs)."""
    script = ROOT / "bench" / "lighthouse.mjs"
    with serve(site, SUBPATH, _Compressing) as base:
        run = subprocess.run(["node", str(script), chromium_path(), *(base + p for p in pages)],
                             cwd=ROOT / "bench", capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"Lighthouse failed:\n{run.stderr[-3000:]}")
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    if len(rows) != 2 * len(pages):
        raise SystemExit(f"Lighthouse scored {len(rows)} runs, not {2 * len(pages)}:\n"
                         f"{run.stderr[-3000:]}")
    for row in rows:
        row["page"] = row.pop("url")[len(base):]
    return rows


def _gzip_size(site: Path, url: str, base: str) -> int:
    path = url.split("#")[0].split("?")[0][len(base):]
    file = site / path
    if path == "" or path.endswith("/"):
        file = file / "index.html"
    return len(gzip.compress(file.read_bytes(), compresslevel=9))


def first_loads(site: Path, pages: list[str]) -> list[dict]:
    """For each page (a path such as "factions/left-opposition/"), load it with a cold
    cache and sum the compressed bytes and requests: critical (HTML, CSS, JS, fonts)
    and the rest (images, the search worker and its index)."""
    from playwright.sync_api import sync_playwright

    rows = []
    with serve(site, SUBPATH) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for page in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            requests = []
            context.on("requestfinished", lambda request: requests.append(request))
            tab = context.new_page()
            tab.goto(base + page, wait_until="networkidle")
            row = {"page": page, "critical_gzip_kb": 0.0, "critical_requests": 0,
                   "rest_gzip_kb": 0.0, "rest_requests": 0}
            for request in requests:
                if not request.url.startswith(base):
                    raise SystemExit(f"{page} requested {request.url}: not the site's own")
                kind = ("rest" if any(s in request.url for s in SEARCH_FILES)
                        or request.resource_type not in CRITICAL_TYPES else "critical")
                row[f"{kind}_gzip_kb"] += _gzip_size(site, request.url, base) / 1024
                row[f"{kind}_requests"] += 1
            row["critical_gzip_kb"] = round(row["critical_gzip_kb"], 1)
            row["rest_gzip_kb"] = round(row["rest_gzip_kb"], 1)
            rows.append(row)
            context.close()
        browser.close()
    return rows


# Time from each keydown in the search field to the next change of the results.
_LATENCY_PROBE = """() => {
  window.__latencies = [];
  let start = null;
  document.querySelector(".md-search__input").addEventListener(
    "keydown", () => { start = performance.now(); }, true);
  new MutationObserver(() => {
    if (start !== null) { window.__latencies.push(performance.now() - start); start = null; }
  }).observe(document.querySelector(".md-search-result"),
             {childList: true, subtree: true, characterData: true});
}"""


def search_latency(site: Path) -> dict:
    """Keystroke-to-results times in milliseconds over SEARCH_QUERIES, typed a key at a time."""
    from playwright.sync_api import sync_playwright

    with serve(site, SUBPATH) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.goto(base, wait_until="networkidle")
        tab.keyboard.press("/")
        tab.wait_for_selector(".md-search__input:focus")
        # The index is ready once the worker has answered a first query.
        tab.keyboard.type("a")
        tab.wait_for_function("""() => { const m = document.querySelector('.md-search-result__meta');
                                         return m && !/Initializing/.test(m.textContent); }""",
                              timeout=30000)
        tab.evaluate(_LATENCY_PROBE)
        keystrokes = 0
        for query in SEARCH_QUERIES:
            tab.fill(".md-search__input", "")
            tab.keyboard.press("End")
            tab.wait_for_timeout(200)
            tab.keyboard.type(query, delay=120)
            tab.wait_for_timeout(300)
            keystrokes += len(query) + 1
        samples = tab.evaluate("window.__latencies")
        browser.close()
    if len(samples) < keystrokes // 2:
        raise SystemExit(f"only {len(samples)} search updates for {keystrokes} keystrokes")
    ordered = sorted(samples)
    return {"search_keystrokes": keystrokes, "search_samples": len(samples),
            "search_latency_median_ms": round(statistics.median(ordered), 1),
            "search_latency_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "search_latency_max_ms": round(ordered[-1], 1)}


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    print(search_latency(site))
    print(first_loads(site, ["", "factions/left-opposition/", "chronology/1923-1927/"]))
