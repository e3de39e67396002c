"""Pages written without the whitespace and quotes a browser does not need.

MkDocs and Material indent their templates, so a page carries runs of spaces
and newlines between tags; with the attribute quotes a parser can do without,
that is a sixth of the site's HTML (a tenth of the longest page, the sources).
minify-html removes them knowing which whitespace shows: between inline
elements and inside <pre> and <textarea> it keeps what the reader would see.

The options keep what a reader, a tool or a test of the site can notice:
closing tags and the <html> and <head> tags (the HTML checker and instant
navigation's head comparison see the same document), comments (the Font
Awesome icons carry their licence in one), `type="text"` on inputs, and the
code of inline scripts and styles (only the whitespace around it goes; the
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
        keep_input_type_text_attr=True,
        minify_js=False,
        minify_css=False,
    )
