"""A Content-Security-Policy meta tag for every built page.

Material puts a few small inline scripts in each page (scope, storage helpers,
palette). Rather than allowing all inline script, the policy lists the SHA-256
hash of every inline script found anywhere in the site: instant navigation
swaps pages without reloading, so one page's policy must admit the others'.
"""
from __future__ import annotations

import base64
import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
# Quoted or not: minified pages drop the quotes where HTML allows.
_TYPE = re.compile(r"""\btype=(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Types a browser executes as script; JSON config blocks are data, not script.
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}

POLICY = (
    "default-src 'self'; "
    "script-src 'self' {hashes}; "
    # Material sets style attributes from its JavaScript (progress bar, sidebars,
    # tooltips positioning); without 'unsafe-inline' those are blocked.
    "style-src 'self' 'unsafe-inline'; "
    # The theme's icons are data: URIs in its stylesheet.
    "img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if re.search(r"\bsrc=", attrs):
            continue
        kind = _TYPE.search(attrs)
        script_type = next(v for v in kind.groups() if v is not None) if kind else ""
        if script_type.lower() not in _JS_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return hashes


def policy(hashes: set[str]) -> str:
    return POLICY.format(hashes=" ".join(sorted(hashes)))


def add_policy(html: str, text: str) -> str:
    """Insert the policy right after <meta charset>, before any script runs."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    match = _CHARSET.search(html)
    if not match:
        raise ValueError("page has no <meta charset>; cannot place the policy before scripts")
    return html[: match.end()] + tag + html[match.end():]
