"""One stylesheet for the whole site instead of three.

Material links its main and palette stylesheets and then each of `extra_css`:
three render-blocking requests, and on a phone network each costs a round trip
before the first paint. Joined, they are one request, under a name that
changes with the content so that browsers never keep a stale copy.

One of Material's rules is left out (DROPPED_RULES says why); if a new version
of the theme no longer has it, the build stops and says so.

Material's sheet styles every feature of the theme: tabs, admonitions, blog
posts, code annotations, cookie consent... Once the site is written, the sheet
keeps only the rules whose classes and ids the pages or the scripts can use
(a third of the rules and of the bytes go).
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import tinycss2

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


# ---- Unused rules

_CLASS_OR_ID_ATTRIBUTE = re.compile(r"""\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_WORD = re.compile(r"[A-Za-z0-9_-]+")
# Inside these, a class need not be present for the selector to match something.
_LENIENT_PSEUDO = re.compile(r":(?:not|is|where|has)\(")
_NAMES_IN_SELECTOR = re.compile(r"[.#](-?[A-Za-z_][A-Za-z0-9_-]*)")


def names_used(pages: Iterable[str], scripts: Iterable[str]) -> set[str]:
    """Class and id names the site can use: those in the pages' class and id
    attributes, and every word of the scripts (which add classes as they run;
    a word that is no class only keeps a rule that could have gone)."""
    names: set[str] = set()
    for html in pages:
        for match in _CLASS_OR_ID_ATTRIBUTE.finditer(html):
            names.update((match.group(1) or match.group(2) or match.group(3) or "").split())
    for script in scripts:
        names.update(_WORD.findall(script))
    return names


def _required_names(selector: str) -> list[str]:
    """The class and id names an element must have for `selector` to match it
    (those inside :not(), :is(), :where(), :has() and attribute selectors aside)."""
    plain, depth, i = [], 0, 0
    while i < len(selector):
        match = _LENIENT_PSEUDO.match(selector, i)
        if match:
            depth, i = depth + 1, match.end()
            continue
        char = selector[i]
        if depth and char == "(":
            depth += 1
        elif depth and char == ")":
            depth -= 1
        elif not depth:
            plain.append(char)
        i += 1
    return _NAMES_IN_SELECTOR.findall(re.sub(r"\[[^\]]*\]|\"[^\"]*\"|'[^']*'", "", "".join(plain)))


def unused_rules_removed(css: str, used: set[str]) -> str:
    """`css` without the selectors that need a class or id not in `used`, and
    without the rules left with no selector; at-rules are kept as they are,
    except that @media and @supports blocks are pruned in the same way."""
    def prune(rules) -> list[str]:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = [s.strip() for s in split_selectors(tinycss2.serialize(rule.prelude))]
                kept = [s for s in selectors if all(n in used for n in _required_names(s))]
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content) + "}")
            elif rule.type == "at-rule" and rule.content is not None and \
                    rule.lower_at_keyword in ("media", "supports"):
                inner = prune(tinycss2.parse_rule_list(rule.content, skip_whitespace=True,
                                                       skip_comments=True))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
            elif rule.type == "at-rule":
                out.append(tinycss2.serialize([rule]))
        return out

    rules = tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True)
    return "".join(prune(rules)) + "\n"


def split_selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas (not those inside parentheses)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(prelude):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and not depth:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return parts


def content_name(path: str, text: str) -> str:
    """`assets/stylesheets/site.<hash>.css` for the sheet's final text."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return re.sub(r"\.[0-9a-f]{8}\.css$", f".{digest}.css", path)
