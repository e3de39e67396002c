"""One stylesheet for the whole site instead of three.

Material links its main and palette stylesheets and then each of `extra_css`:
three render-blocking requests, and on a phone network each costs a round trip
before the first paint. Joined, they are one request, under a name that
changes with the content so that browsers never keep a stale copy.

One of Material's rules is left out (DROPPED_RULES says why); if a new version
of the theme no longer has it, the build stops and says so.
"""
from __future__ import annotations

import hashlib
import re

# Material's own sheets, content-hashed by its build: main, then palette.
MATERIAL_STYLESHEET = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css")
_CHARSET = re.compile(r'@charset\s+"[^"]*";\s*', re.I)

# Material's rules left out of the joined sheet, each with the reason.
DROPPED_RULES = {
    "[data-md-color-switching] *,[data-md-color-switching] :after,"
    "[data-md-color-switching] :before{transition-duration:0s!important}":
        # Material sets and removes data-md-color-switching on <body> as every page
        # loads; this rule makes each change restyle every element of the page
        # (twice 1,650 elements on the sources page). Without it, switching the
        # palette fades the colours for a quarter of a second instead of snapping.
        "restyles the whole page twice on every load",
}


def without_dropped_rules(css: str) -> str:
    for rule, reason in DROPPED_RULES.items():
        if rule not in css:
            raise ValueError(f"Material's stylesheet no longer has the rule {rule!r} that "
                             f"sitedata/assets.py leaves out ({reason}); update DROPPED_RULES")
        css = css.replace(rule, "")
    return css


def joined_stylesheet(parts: list[str]) -> tuple[str, str]:
    """The parts' text in order, as (path, text). A @charset rule is only valid
    at the very start of a sheet, so the parts' own are dropped for one there."""
    text = '@charset "UTF-8";\n' + "\n".join(_CHARSET.sub("", part).strip() for part in parts) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"assets/stylesheets/site.{digest}.css", text


def site_stylesheet(material: dict[str, str], ours: list[str]) -> tuple[str, str]:
    """The site's one stylesheet, as (path, text): Material's main sheet and its
    palette sheet (less the dropped rules), then ours in order. `material` maps
    the theme's stylesheet paths to their text."""
    kinds = {MATERIAL_STYLESHEET.fullmatch(path).group(1): text for path, text in material.items()}
    if sorted(kinds) != ["main", "palette"] or len(material) != 2:
        raise ValueError("expected Material's main and palette stylesheets among the theme's "
                         f"files, found {sorted(material)}; check the theme version")
    theme = without_dropped_rules(kinds["main"].rstrip() + "\n" + kinds["palette"])
    return joined_stylesheet([theme, *ours])
