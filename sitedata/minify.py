"""Pages written without the whitespace and quotes a browser does not need.

MkDocs and Material indent their templates, so a page carries runs of spaces
and newlines between tags; with the attribute quotes a parser can do without,
that is 18% of the site's HTML (9% of the longest page, the sources).
minify-html removes them knowing which whitespace shows: between inline
elements and inside <pre> and <textarea> it keeps what the reader would see.

Kept: closing tags and the <html> and <head> tags (optional in HTML, but the
tools that read the pages, the tests among them, expect them); comments (the
Font Awesome icons carry their licence in one); and the code of inline
scripts and styles, of which only the surrounding whitespace goes (the
Content-Security-Policy hashes the scripts after this).
"""
from __future__ import annotations

import minify_html


def minified(html: str) -> str:
    return minify_html.minify(
        html,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        keep_comments=True,
        minify_js=False,
        minify_css=False,
    )
