"""Benchmark: build time, the data layer's overhead, and page weight, with budgets.

Run with `make bench`. Writes bench/results/latest.json, prints a table and
exits non-zero when a budget is broken. Not a test: timings vary by machine.
"""
from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import shutil
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from sitedata.build import load_site, read_pages  # noqa: E402
from sitedata.pages import split_front_matter  # noqa: E402
MKDOCS = Path(sys.executable).parent / "mkdocs"
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
CHAPTER = "factions/left-opposition/index.html"   # a typical chapter
BUDGETS = {
    "data_layer_overhead_percent": 20.0,
    "largest_page_html_kb": 150.0,
    "search_index_gzip_kb": 200.0,
    "chapter_critical_gzip_kb": 80.0,
    "chapter_critical_requests": 10,
}


def build(config: Path, site: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([str(MKDOCS), "build", "--quiet", "-f", str(config), "-d", str(site)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def prerendered_docs(directory: Path) -> Path:
    """The same site without the data layer: every page as the data layer expands it,
    written out as static Markdown, as if editors maintained it by hand."""
    docs = directory / "docs-static"
    shutil.copytree(ROOT / "docs", docs)
    texts = read_pages(ROOT / "docs")
    site = load_site(ROOT, texts)
    for src, text in {**texts, **site.generated}.items():
        _, body, offset = split_front_matter(text, src)
        expanded = site.renderer.expand(src, body, offset)
        (docs / src).write_text(text[: len(text) - len(body)] + expanded, encoding="utf-8")
    return docs


def config_without_data_layer(directory: Path, docs: Path) -> Path:
    """mkdocs.yml without the hooks, building the pre-rendered pages."""
    config = directory / "mkdocs-nodata.yml"
    # Paths in a config are relative to its file: point them back at the project.
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nhooks: []\nwatch: []\n"
                      f"docs_dir: {docs}\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n",
                      encoding="utf-8")
    return config


def rebuild_after_edit(directory: Path) -> float:
    """Build a copy of the project, append a sentence to one chapter, build again.
    (`mkdocs serve` rebuilds every page after an edit, so a full build is the cost.)"""
    copy = directory / "project"
    for name in ("docs", "data", "includes", "overrides", "sitedata"):
        shutil.copytree(ROOT / name, copy / name)
    shutil.copy(ROOT / "mkdocs.yml", copy)
    build(copy / "mkdocs.yml", copy / "site")
    page = copy / "docs" / CHAPTER.replace("/index.html", ".md")
    page.write_text(page.read_text(encoding="utf-8") + "\nAn edited sentence.\n", encoding="utf-8")
    return build(copy / "mkdocs.yml", copy / "site")


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def first_load(site: Path, page: str) -> tuple[int, int]:
    """Compressed bytes and requests of the critical path: HTML, CSS, JS, fonts."""
    html = (site / page).read_bytes()
    text = html.decode("utf-8")
    refs = re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', text)
    total, requests = gz(html), 1
    base = (site / page).parent
    for ref in refs:
        path = (base / ref.split("?")[0]).resolve()
        if path.is_file():
            total += gz(path.read_bytes())
            requests += 1
    return total, requests


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        nodata = config_without_data_layer(tmp, prerendered_docs(tmp))
        with_data, without = [], []
        for _ in range(RUNS):
            with_data.append(build(ROOT / "mkdocs.yml", site))
            without.append(build(nodata, tmp / "site-nodata"))
        rebuild = rebuild_after_edit(tmp)
        pages = sorted(site.rglob("*.html"))
        index = site / "search" / "search_index.json"
        critical, requests = first_load(site, CHAPTER)
        results = {
            "runs": RUNS,
            "clean_build_median_s": round(statistics.median(with_data), 2),
            "clean_build_without_data_layer_median_s": round(statistics.median(without), 2),
            "rebuild_after_edit_s": round(rebuild, 2),
            # Against the same pages pre-rendered to static Markdown (see prerendered_docs).
            "data_layer_overhead_percent": round(
                100 * (statistics.median(with_data) / statistics.median(without) - 1), 1),
            "site_size_kb": round(sum(f.stat().st_size for f in site.rglob("*") if f.is_file()) / 1024),
            "pages": len(pages),
            "largest_page": str(max(pages, key=lambda p: p.stat().st_size).relative_to(site)),
            "largest_page_html_kb": round(max(p.stat().st_size for p in pages) / 1024, 1),
            "search_index_kb": round(index.stat().st_size / 1024, 1),
            "search_index_gzip_kb": round(gz(index.read_bytes()) / 1024, 1),
            "chapter_page": CHAPTER,
            "chapter_critical_gzip_kb": round(critical / 1024, 1),
            "chapter_critical_requests": requests,
        }
    broken = [f"{key}: {results[key]} > {limit}" for key, limit in BUDGETS.items()
              if results[key] > limit]
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps({**results, "budgets": BUDGETS,
                                                 "broken": broken}, indent=2) + "\n")
    width = max(map(len, results))
    for key, value in results.items():
        limit = f"  (budget {BUDGETS[key]})" if key in BUDGETS else ""
        print(f"{key:<{width}}  {value}{limit}")
    for line in broken:
        print(f"BUDGET BROKEN: {line}", file=sys.stderr)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
