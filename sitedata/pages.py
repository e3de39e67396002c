"""Read the chapters' front matter and the ids their shortcodes use."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import DataError, Problem
from .yamlfile import parse_yaml

# Inline roles, e.g. :person[trotsky], :date[1905-01-09 O.S.], :cite[deutscher-1954, p. 12]
ROLE = re.compile(r"(`+)[^`]*?\1|:(?P<role>[a-z]+)\[(?P<arg>[^\]\n]*)\]")
ROLES = ("cite", "date", "event", "person", "place", "term")
# Block shortcodes in the style of Material's docs: <!-- md:timeline person=trotsky -->
BLOCK = re.compile(r"^<!--\s*md:(?P<name>[a-z-]+)(?P<args>[^>]*?)\s*-->\s*$")
BLOCKS = ("chronology", "chronology-periods", "people", "person", "places", "glossary", "sources", "timeline", "factions-table",
          "alliance-chart", "congress-table", "exile-table", "exile-comparison", "exile-map", "turning-points")
FENCE = re.compile(r"^\s*(```|~~~)")
# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE).
_FRONT = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


@dataclass
class PageInfo:
    src: str                        # path under docs/
    title: str
    description: str
    meta: dict
    body_offset: int                # lines taken by the front matter
    uses: dict[str, dict[str, int]] = field(default_factory=dict)   # role -> id -> line
    blocks: list[tuple[str, dict[str, str], int]] = field(default_factory=list)  # name, args, line

    def ids(self, role: str) -> dict[str, int]:
        return self.uses.setdefault(role, {})


def split_front_matter(text: str, label: str) -> tuple[dict, str, int]:
    match = _FRONT.match(text)
    if not match:
        return {}, text, 0
    meta = parse_yaml(match.group(1), label)
    if not isinstance(meta, dict):
        raise DataError([Problem(label, 2, "front matter must be a YAML mapping of fields")])
    # MkDocs also drops the blank lines after the front matter.
    body = text[match.end():].lstrip("\n")
    return meta, body, text.count("\n") - body.count("\n")


def code_free_lines(text: str):
    """Yield (line number, line) outside fenced code blocks."""
    fenced = None
    for number, line in enumerate(text.split("\n"), 1):
        fence = FENCE.match(line)
        if fence:
            if fenced is None:
                fenced = fence.group(1)
            elif fence.group(1) == fenced:
                fenced = None
            continue
        if fenced is None:
            yield number, line


def parse_args(text: str) -> dict[str, str]:
    args = {}
    for token in text.split():
        key, sep, value = token.partition("=")
        args[key] = value if sep else "true"
    return args


def scan_page(src: str, text: str) -> PageInfo:
    """Front matter and the ids a page refers to; syntax errors name the line."""
    label = f"docs/{src}"
    try:
        meta, body, offset = split_front_matter(text, label)
    except DataError as exc:
        # Front matter starts on line 2 of the page.
        raise DataError([Problem(p.file, (p.line or 0) + 1, p.message) for p in exc.problems])
    problems = []
    for name in ("title", "description"):
        if not isinstance(meta.get(name), str) or not meta[name].strip():
            problems.append(Problem(label, 1, f"front matter lacks '{name}'; add "
                                    f"'{name}: ...' between the '---' lines"))
    description = meta.get("description", "")
    if isinstance(description, str) and len(description) > 160:
        problems.append(Problem(label, 1, f"description is {len(description)} characters; "
                                "keep it to 160 (it is the meta description)"))
    if isinstance(description, str) and '"' in description:
        problems.append(Problem(label, 1, 'description contains a straight double quote, which '
                                "the theme prints unescaped into a meta tag; use typographic "
                                "quotes (“ ”) instead"))
    info = PageInfo(src, str(meta.get("title", "")), str(description), meta, offset)
    for role, key in (("person", "people"), ("cite", "sources")):
        value = meta.get(key, [])
        if not isinstance(value, list):
            problems.append(Problem(label, 1, f"front matter '{key}' must be a list of ids"))
            continue
        line = getattr(meta, "key_lines", {}).get(key, 0) + 1
        for record_id in value:
            info.ids(role).setdefault(str(record_id), line)
    for number, line in code_free_lines(body):
        for match in ROLE.finditer(line):
            if not match.group("role"):
                continue
            role, arg = match.group("role"), match.group("arg")
            if role not in ROLES:
                problems.append(Problem(label, number + offset, f"unknown shortcode ':{role}[...]'; "
                                        f"use one of {', '.join(':' + r for r in ROLES)}"))
            elif role != "date":
                record_id = arg.split("|")[0].split(",")[0].strip()
                info.ids(role).setdefault(record_id, number + offset)
        block = BLOCK.match(line)
        if block and block.group("name") in BLOCKS:
            info.blocks.append((block.group("name"), parse_args(block.group("args")), number + offset))
        elif block:
            problems.append(Problem(label, number + offset, f"unknown shortcode "
                                    f"'md:{block.group('name')}'; use one of "
                                    f"{', '.join('md:' + b for b in BLOCKS)}"))
    if problems:
        raise DataError(problems)
    return info
