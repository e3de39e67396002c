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
    """Like GitHub Pages: text served gzip-compressed, cached for ten minutes.

    Each file is compressed once and the bytes kept, as a CDN keeps them. The
    server shares the machine's CPUs with the browser under test: compressing
    on every request (the search index alone takes Python about 20 ms) ran
    during the page's own start-up and lengthened its tasks in Lighthouse's
    trace, which a reader's phone, served from a CDN's cache, never pays."""
    TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
    _compressed: dict[tuple[str, int, str], bytes] = {}   # (path, mtime_ns, origin) -> gzip

    def do_GET(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or path.suffix not in self.TEXT):
            return super().do_GET()
        body = self.compressed(path, self.origin())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    @classmethod
    def compressed(cls, path: Path, origin: str) -> bytes:
        key = (str(path.resolve()), path.stat().st_mtime_ns, origin)
        if key not in cls._compressed:
            body = path.read_bytes()
            if path.name == "sitemap.xml":   # with this server's origin, as _Handler does
                body = body.replace(SITE_ORIGIN.encode(), origin.encode())
            cls._compressed[key] = gzip.compress(body, compresslevel=6)
        return cls._compressed[key]


def lighthouse(site: Path, pages: list[str], mobile_runs: int = 1, desktop_runs: int = 1) -> list[dict]:
    """Lighthouse 12 scores (0-100) for each page, mobile and desktop (bench/lighthouse.mjs);
    with several runs of a form factor, each score is the median of its runs."""
    script = ROOT / "bench" / "lighthouse.mjs"
    with serve(site, SUBPATH, _Compressing) as base:
        origin = base[:-len(SUBPATH)]
        for path in site.rglob("*"):   # every page starts with all of it compressed
            if path.is_file() and path.suffix in _Compressing.TEXT:
                _Compressing.compressed(path, origin)
        run = subprocess.run(["node", str(script), chromium_path(), str(mobile_runs), str(desktop_runs),
                              *(base + p for p in pages)],
                             cwd=ROOT / "bench", capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise SystemExit(f"Lighthouse failed:\n{run.stderr[-3000:]}")
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    if len(rows) != 2 * len(pages):
        raise SystemExit(f"Lighthouse scored {len(rows)} runs, not {2 * len(pages)}:\n"
                         f"{run.stderr[-3000:]}")
    for row in rows:
        row["page"] = row.pop("url")[len(base):]
        row["performance_runs"] = row["performance"]
        for category in LIGHTHOUSE_CATEGORIES:   # every run's score -> their median
            scores = row[category]
            row[category] = None if None in scores else statistics.median(scores)
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


# Keystroke to results, query by query. Material reads the field on keyup and
# posts the query to its search worker in the same task; the worker answers in
# order, and Material renders the first results while handling the answer. So
# each answer is matched with the oldest unanswered query, and its latency runs
# from that query's keyup until Material's handler for the answer has run (our
# listener is added after Material's, at the first query, and runs after it).
# (Timing from a keydown to the next change of the list, as before, counted a
# keystroke whose answer came after the next key as that key's.)
_LATENCY_PROBE = """
window.__latencies = [];
let keyup = 0;
const pending = [];
addEventListener("keyup", () => { keyup = performance.now(); }, true);
const post = Worker.prototype.postMessage;
Worker.prototype.postMessage = function (message) {
  if (message && message.type === QUERY) {
    const now = performance.now();
    pending.push([message.data, now - keyup < 20 ? keyup : now]);
    if (!this.__timed) {
      this.__timed = true;
      this.addEventListener("message", event => {
        if (event.data && event.data.type === RESULT && pending.length) {
          const [query, start] = pending.shift();
          window.__latencies.push([query, performance.now() - start]);
        }
      });
    }
  }
  return post.call(this, message);
};
""".replace("QUERY", "2").replace("RESULT", "3")   # Material's SearchMessageType


def search_latency(site: Path) -> dict:
    """Keystroke-to-results times in milliseconds over SEARCH_QUERIES, typed a key
    at a time: the median, the 95th percentile and the slowest query."""
    from playwright.sync_api import sync_playwright

    with serve(site, SUBPATH) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(_LATENCY_PROBE)
        tab = context.new_page()
        tab.goto(base, wait_until="networkidle")
        tab.keyboard.press("/")
        tab.wait_for_selector(".md-search__input:focus")
        # The index is ready once the worker has answered a first query.
        tab.keyboard.type("a")
        tab.wait_for_function("""() => { const m = document.querySelector('.md-search-result__meta');
                                         return m && !/Initializing/.test(m.textContent); }""",
                              timeout=30000)
        tab.wait_for_timeout(300)
        tab.evaluate("window.__latencies = []")
        keystrokes = 0
        for query in SEARCH_QUERIES:
            tab.fill(".md-search__input", "")
            tab.keyboard.press("End")
            tab.wait_for_timeout(200)
            tab.keyboard.type(query, delay=120)
            tab.wait_for_timeout(400)
            keystrokes += len(query)
        samples = tab.evaluate("window.__latencies")
        browser.close()
    # The typed queries only: clearing the field between queries asks for nothing.
    typed = [(query, ms) for query, ms in samples if query]
    if len(typed) < keystrokes * 0.9:
        raise SystemExit(f"only {len(typed)} search answers for {keystrokes} keystrokes")
    ordered = sorted(typed, key=lambda s: s[1])
    return {"search_keystrokes": keystrokes, "search_samples": len(typed),
            "search_latency_median_ms": round(statistics.median(t for _, t in ordered), 1),
            "search_latency_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))][1], 1),
            "search_latency_max_ms": round(ordered[-1][1], 1),
            "search_slowest_query": ordered[-1][0]}


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    print(search_latency(site))
    print(first_loads(site, ["", "factions/left-opposition/", "chronology/1923-1927/"]))
