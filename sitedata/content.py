"""Small touches to a page's rendered HTML, before the search index reads it.

Glossary tooltips on a term's first use in a page only: Markdown's abbr extension wraps every occurrence of every glossary term; in a
long chapter that underlines the same word dozens of times and repeats its
definition in the HTML each time. Style guides define a term once, at first
use: keep the first <abbr> of each term and unwrap the rest.
"""
from __future__ import annotations

import posixpath
import re

# The abbr extension writes exactly this form: a title, then plain text.
_ABBR = re.compile(r'<abbr title="[^"]*">([^<]*)</abbr>')


def without_abbreviations(html: str) -> str:
    """The glossary page defines every term in full: no tooltips repeating it."""
    return _ABBR.sub(lambda match: match.group(1), html)


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


# Material mounts a tooltip on every element with a title as the page loads,
# dozens per chapter for the ¶ and ↩ links alone. Those links need a name
# (for screen readers), not a tooltip: give them aria-label instead.
_NAMED_BY_TITLE = re.compile(r'(<a class="(?:headerlink|footnote-backref)" href="[^"]*") title=')


def labels_not_tooltips(html: str) -> str:
    return _NAMED_BY_TITLE.sub(r"\1 aria-label=", html)


# A link off the site, unless it already names its relation.
_EXTERNAL_LINK = re.compile(r'<a href="https?://[^"]*"(?![^>]*\brel=)')


def external_links_marked(html: str) -> str:
    """Mark links that leave the site `rel="external"`, for the print sheet.

    Printed, such a link shows where it leads. The sheet cannot tell by the
    address: Material's instant navigation rewrites every relative link of the
    page to an absolute http(s) one as it loads."""
    return _EXTERNAL_LINK.sub(lambda m: m.group(0) + ' rel="external"', html)


# Sections whose pages are prose chapters: a link to one shows a preview of it.
CHAPTER_SECTIONS = ("factions", "congresses", "exile", "ideas", "overview", "historiography")
# A plain prose link: a relative href and nothing else (no title, so no tooltip).
_PLAIN_LINK = re.compile(r'<a href="(?P<href>[^":#]+)(?P<anchor>#[^"]*)?">')


def previews_on_chapter_links(html: str, page_url: str) -> str:
    """Mark links to other chapters for Material's instant preview (`data-preview`).

    Material's site-wide preview feature mounts a component on every link of a
    page as it loads; marking the few cross-references between chapters keeps
    the previews where they help and the load light. Only chapters and the home
    page get them: the data pages (sources, people...) link to chapters by the
    hundred. Person, place, term and event links keep their tooltips instead."""
    # A page's links are relative to its directory: 'a/b/' (or 'a/b.html' offline).
    here = page_url.rstrip("/") if page_url.endswith("/") else posixpath.dirname(page_url)
    itself = {posixpath.normpath(here or "."), posixpath.normpath(page_url or ".")}
    if page_url and page_url.split("/")[0] not in CHAPTER_SECTIONS:
        return html

    def mark(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(here, match.group("href")))
        section = target.split("/")[0]
        if section not in CHAPTER_SECTIONS or target in itself:
            return match.group(0)
        return match.group(0)[:-1] + " data-preview>"

    return _PLAIN_LINK.sub(mark, html)
