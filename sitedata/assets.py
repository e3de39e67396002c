"""One stylesheet for the whole site instead of three.

Material links its main and palette stylesheets and then each of `extra_css`:
three render-blocking requests, and on a phone network each costs a round trip
before the first paint. Joined, they are one request, under a name that
changes with the content so that browsers never keep a stale copy.
"""
from __future__ import annotations

import hashlib
import re

# Material's own sheets, content-hashed by its build: main, then palette.
MATERIAL_STYLESHEET = re.compile(r"assets/stylesheets/(main|palette)\.[0-9a-f]{8}\.min\.css")
_CHARSET = re.compile(r'@charset\s+"[^"]*";\s*', re.I)


def material_order(path: str) -> int:
    """Main before palette, as Material's template links them."""
    return 0 if MATERIAL_STYLESHEET.fullmatch(path).group(1) == "main" else 1


def joined_stylesheet(parts: list[str]) -> tuple[str, str]:
    """The parts' text in order, as (path, text). A @charset rule is only valid
    at the very start of a sheet, so the parts' own are dropped for one there."""
    text = '@charset "UTF-8";\n' + "\n".join(_CHARSET.sub("", part).strip() for part in parts) + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return f"assets/stylesheets/site.{digest}.css", text
