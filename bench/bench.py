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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def config_without_data_layer(directory: Path) -> Path:
    """mkdocs.yml with the hooks removed: the same pages, shortcodes left unexpanded."""
    config = directory / "mkdocs-nodata.yml"
    # Paths in a config are relative to its file: point them back at the project.
    config.write_text(f"INHERIT: {ROOT / 'mkdocs.yml'}\nhooks: []\nstrict: false\nwatch: []\n"
                      f"docs_dir: {ROOT / 'docs'}\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n",
                      encoding="utf-8")
    return config


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
        nodata = config_without_data_layer(tmp)
        with_data, without = [], []
        for _ in range(RUNS):
            with_data.append(build(ROOT / "mkdocs.yml", site))
            without.append(build(nodata, tmp / "site-nodata"))
        # Rebuild after editing one page (a fresh process, as `mkdocs serve` rebuilds all pages).
        rebuild = build(ROOT / "mkdocs.yml", site)
        pages = sorted(site.rglob("*.html"))
        index = site / "search" / "search_index.json"
        critical, requests = first_load(site, CHAPTER)
        results = {
            "runs": RUNS,
            "clean_build_median_s": round(statistics.median(with_data), 2),
            "clean_build_without_data_layer_median_s": round(statistics.median(without), 2),
            "rebuild_s": round(rebuild, 2),
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
