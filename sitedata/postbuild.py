"""The last pass over the written site, once every page is on disk.

The stylesheet keeps only the rules the pages and scripts can use, and takes a
name from its new content; every page links it under that name, loses the
whitespace and quotes a browser does not need, and gets its
Content-Security-Policy (which must admit every inline script of the site:
instant navigation swaps pages without reloading).
"""
from __future__ import annotations

from pathlib import Path

from . import csp
from .assets import content_name, names_used, unused_rules_removed
from .minify import minified


def finish_site(site_dir: Path, stylesheet: str | None, policy: bool, minify: bool) -> None:
    """`stylesheet`: the joined sheet's path in the site (None: leave the styles);
    `policy`: whether to add the Content-Security-Policy; `minify`: whether to
    minify the pages (before the policy hashes their inline scripts)."""
    site_dir = Path(site_dir)
    pages = {page: page.read_text(encoding="utf-8") for page in sorted(site_dir.rglob("*.html"))}
    if stylesheet:
        sheet = site_dir / stylesheet
        # The scripts that run in the page (the search worker and its stemmers do not).
        scripts = [s.read_text(encoding="utf-8") for s in sorted(site_dir.rglob("*.js"))
                   if not {"lunr", "workers"} & set(s.relative_to(site_dir).parts)]
        text = unused_rules_removed(sheet.read_text(encoding="utf-8"),
                                    names_used(pages.values(), scripts))
        renamed = content_name(stylesheet, text)
        sheet.unlink()
        (site_dir / renamed).write_text(text, encoding="utf-8")
        old, new = Path(stylesheet).name, Path(renamed).name
        pages = {page: html.replace(old, new) for page, html in pages.items()}
    if minify:
        pages = {page: minified(html) for page, html in pages.items()}
    if policy:
        text = csp.policy(set().union(*map(csp.inline_script_hashes, pages.values())))
        pages = {page: csp.add_policy(html, text) for page, html in pages.items()}
    for page, html in pages.items():
        page.write_text(html, encoding="utf-8")
