"""MkDocs glue for everything but the data layer: everything it calls is plain Python.

One stylesheet for the site, small touches to each page's HTML, the page's
suggested citation, and the last pass over the written site.
"""
from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path; make the package importable beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from sitedata.assets import MATERIAL_STYLESHEET, site_stylesheet  # noqa: E402
from sitedata.build import is_print_build  # noqa: E402
from sitedata.cite import citation  # noqa: E402
from sitedata.content import (external_links_marked, first_use_only,  # noqa: E402
                              footnotes_out_of_search, labels_not_tooltips,
                              previews_on_chapter_links,
                              see_also_out_of_search, without_abbreviations)
from sitedata.postbuild import finish_site  # noqa: E402
from sitedata.render import GLOSSARY  # noqa: E402
from sitedata.scripts import hint_material_bundle  # noqa: E402

_serving = False
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"


# ---- Hooks

# `mkdocs serve` injects an inline live-reload script that a policy would block.
def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


# The settings one edition needs: the offline plugin adds its search shim from
# unpkg.com (use the vendored copy); the print build has no instant navigation.
def on_config(config):
    polyfills = config.extra.get("polyfills", [])
    config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]
    # The print build is only read by Chromium, with the site's scripts off, to
    # make the PDF (sitedata/pdf.py). Without instant navigation its links stay
    # relative, as the PDF's internal links need: main.html resolves links
    # early for instant navigation, in an inline script that would still run.
    if is_print_build(config):
        config.theme["features"] = [feature for feature in config.theme["features"]
                                    if not feature.startswith("navigation.instant")]
    return config


# One stylesheet: Material's two and our extra_css joined (see sitedata/assets.py);
# main.html links it. Sheets that are not site files (a plugin's) stay as they are.
def on_files(files, config):
    material = [f for f in files.media_files() if MATERIAL_STYLESHEET.fullmatch(f.src_uri)]
    ours = [f for f in map(files.get_file_from_path, config.extra_css) if f is not None]
    try:
        path, text = site_stylesheet({f.src_uri: f.content_string for f in material},
                                     [f.content_string for f in ours])
    except ValueError as exc:
        raise PluginError(str(exc))
    # The joined sheet replaces them: nothing links the parts (or their source maps).
    maps = [files.get_file_from_path(f.src_uri + ".map") for f in material]
    for f in material + ours + [m for m in maps if m is not None]:
        files.remove(f)
    files.append(File.generated(config, path, content=text))
    config.extra_css = [p for p in config.extra_css if p not in {f.src_uri for f in ours}]
    config.extra["stylesheet"] = path
    return files


# A glossary tooltip on each term's first use in the page, not on every use
# (and none on the glossary itself); footnotes (the bibliography again) and See
# also lists kept out of the search index; names instead of tooltips on the ¶
# and ↩ links; previews on links between chapters; links off the site marked
# for the print sheet.
def on_page_content(html, page, config, files):
    terms = without_abbreviations if page.file.src_uri == GLOSSARY else first_use_only
    html = see_also_out_of_search(footnotes_out_of_search(terms(html)))
    html = external_links_marked(labels_not_tooltips(html))
    return previews_on_chapter_links(html, page.url)


# The page's suggested citation, from its title, URL and last-updated date.
def on_page_context(context, page, config, nav):
    updated = page.meta.get("git_revision_date_localized_raw_iso_date")
    context["citation"] = citation(page.title or config.site_name, config.site_name,
                                   page.canonical_url or config.site_url, updated)
    return context


# The written site's last pass: the stylesheet keeps only the rules the pages and
# scripts use, every page is minified (unless extra.minify is false) and gets a
# Content-Security-Policy admitting only the site's own scripts. No policy while
# serving (live reload is an inline script), nor offline: on file:// pages
# Chromium matches no URL against 'self'. Material's script is marked to be
# compiled as it downloads.
def on_post_build(config):
    try:
        hint_material_bundle(config.site_dir)
    except ValueError as exc:
        raise PluginError(str(exc))
    finish_site(config.site_dir, config.extra.get("stylesheet"),
                policy=not _serving and config.use_directory_urls,
                minify=config.extra["minify"])
