"""MkDocs glue for the data layer: everything it calls is plain Python.

The site's other glue (one stylesheet, HTML touches, the citation, the final
pass) is in page_hooks.py, so that a build without the data layer keeps it.
"""
from __future__ import annotations

import sys
from pathlib import Path

# MkDocs loads hooks by path; make the package importable beside it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from sitedata.build import ROOT, is_print_build, load_site, nav_with_person_pages  # noqa: E402
from sitedata.errors import DataError  # noqa: E402

_site = None


# ---- Hooks

# Validate the data and scan every page once, before any page is rendered;
# add the pages made from the data (one per person). The print edition takes
# its pages from the navigation, so there the person pages join it.
def on_files(files, config):
    global _site
    texts = {f.src_uri: f.content_string for f in files.documentation_pages()}
    try:
        _site = load_site(ROOT, texts, config.use_directory_urls)
        if is_print_build(config):
            config.nav = nav_with_person_pages(config.nav, list(_site.generated))
    except DataError as exc:
        raise PluginError(f"the data layer found {len(exc.problems)} problem(s):\n{exc}")
    for src, text in _site.generated.items():
        files.append(File.generated(config, src, content=text))
    return files


# Expand the shortcodes of one page (dates, people, citations, data blocks).
def on_page_markdown(markdown, page, config, files):
    info = _site.pages[page.file.src_uri]
    try:
        return _site.renderer.expand(page.file.src_uri, markdown, info.body_offset)
    except DataError as exc:
        raise PluginError(str(exc))
