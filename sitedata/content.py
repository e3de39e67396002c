"""Small touches to a page's rendered HTML, before the search index reads it.

Glossary tooltips on a term's first use in a page only: Markdown's abbr extension wraps every occurrence of every glossary term; in a
long chapter that underlines the same word dozens of times and repeats its
definition in the HTML each time. Style guides define a term once, at first
use: keep the first <abbr> of each term and unwrap the rest.
"""
from __future__ import annotations

import re

# The abbr extension writes exactly this form: a title, then plain text.
_ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def first_use_only(html: str) -> str:
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        term = match.group(1)
        if term in seen:
            return term
        seen.add(term)
        return match.group(0)

    return _ABBR.sub(keep_first, html)


def footnotes_out_of_search(html: str) -> str:
    """Footnotes repeat the bibliography's references on every chapter; searching for
    a book should find the sources page, not fifty footnotes (and the index stays small).
    Their markers, too, would only scatter numbers through the indexed text."""
    html = html.replace('<sup id="fnref', '<sup data-search-exclude id="fnref')
    return html.replace('<div class="footnote">', '<div class="footnote" data-search-exclude>')


# A chapter's closing "See also" list only repeats page titles found in the navigation.
_SEE_ALSO = re.compile(r'(<h2 id="see-also">.*?</h2>\s*<ul)>', re.S)


def see_also_out_of_search(html: str) -> str:
    return _SEE_ALSO.sub(r"\1 data-search-exclude>", html)
