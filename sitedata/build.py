"""One pass over data and pages, shared by the MkDocs glue, the CLI and tests."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from . import dataset as dataset_module
from .errors import DataError, Problem
from .pages import PageInfo, scan_page
from .render import PEOPLE, Renderer, abbreviations, person_page

ROOT = Path(__file__).resolve().parent.parent
ABBREVIATIONS = Path("includes/abbreviations.md")


@dataclass
class Site:
    renderer: Renderer
    pages: dict[str, PageInfo]
    generated: dict[str, str]       # the person pages, in surname order: path under docs/ -> Markdown


def person_pages(data) -> dict[str, str]:
    """A page per person, written from the data, in surname order (the order of
    the people index); the glue adds them to the site."""
    pages = {}
    for person in data.people_by_surname():
        life = f"{data.date(person, 'born.date').year}–" + (
            f"{data.date(person, 'died.date').year}" if "died" in person.data else "")
        summary = f"{person.full_name} ({life}), {person.roles[0]}"
        if len(summary) > 110:
            summary = summary[:109].rsplit(" ", 1)[0] + "…"
        description = (f"{summary}: names, life, events and sources.").replace('"', "”")
        pages[person_page(person.id)] = (
            f"---\ntitle: {json.dumps(person.name, ensure_ascii=False)}\n"
            f"description: {json.dumps(description, ensure_ascii=False)}\n---\n\n"
            f"<!-- md:person id={person.id} -->\n")
    return pages


def is_print_build(config) -> bool:
    """Whether this MkDocs build is the print edition's (`make pdf` sets PDF=true,
    which enables mkdocs-print-site-plugin)."""
    plugin = config.plugins.get("print-site")
    return bool(plugin and plugin.config.get("enabled"))


def nav_with_person_pages(nav: list, person_srcs: list[str]) -> list:
    """`nav` (mkdocs.yml's) with the person pages under the people index's entry,
    which becomes a section: for the print edition, whose pages are the
    navigation's. (The site lists them on the index and links them everywhere.)"""
    found = 0

    def visit(items: list) -> list:
        nonlocal found
        out = []
        for item in items:
            if isinstance(item, dict):
                (title, value), = item.items()
                if value == PEOPLE:
                    found += 1
                    value = [PEOPLE, *person_srcs]
                elif isinstance(value, list):
                    value = visit(value)
                item = {title: value}
            out.append(item)
        return out

    result = visit(nav)
    if found != 1:
        raise DataError([Problem("mkdocs.yml", None, f"the nav lists {PEOPLE} {found} times; "
                                 f"list it once, as `People: {PEOPLE}`, for the print edition "
                                 "to put the person pages under it")])
    return result


def load_site(root: Path, page_texts: dict[str, str], directory_urls: bool = True) -> Site:
    """Validate the data and scan every page; raise DataError with every problem."""
    problems: list[Problem] = []
    pages: dict[str, PageInfo] = {}
    try:
        data = dataset_module.load(root / "data", set(page_texts))
    except DataError as exc:
        data, problems = None, list(exc.problems)
    generated = person_pages(data) if data else {}
    for src in sorted(set(generated) & set(page_texts)):
        problems.append(Problem(f"docs/{src}", None, "is generated from data/people.yml; "
                                "remove the file (edit the person's record instead)"))
    for src, text in sorted({**page_texts, **generated}.items()):
        try:
            pages[src] = scan_page(src, text)
        except DataError as exc:
            problems.extend(exc.problems)
    if data is None:
        raise DataError(problems)
    tables = {"person": data.people, "place": data.places, "event": data.events,
              "term": data.glossary, "cite": data.sources}
    for info in pages.values():
        for role, table in tables.items():
            for record_id, line in sorted(info.ids(role).items()):
                if record_id in table:
                    continue
                problems.append(Problem(f"docs/{info.src}", line,
                                        f"unknown {role} id '{record_id}' (in the text or the "
                                        "front matter); add the record under data/ or correct the id"))
    problems.extend(chronology_periods(pages, data))
    stale = stale_abbreviations(root, data)
    if stale:
        problems.append(stale)
    if problems:
        raise DataError(problems)
    return Site(Renderer(data, pages, root / "overrides" / "sitedata", directory_urls), pages,
                generated)


def chronology_periods(pages: dict[str, PageInfo], data) -> list[Problem]:
    """The chronology's period pages (`md:chronology from=YYYY to=YYYY`) must not
    overlap, and once there are any, every event must fall in exactly one."""
    problems, periods = [], []
    for info in pages.values():
        for name, args, line in info.blocks:
            if name != "chronology" or ("from" not in args and "to" not in args):
                continue
            first, last = args.get("from", ""), args.get("to", "")
            if not (first.isdigit() and last.isdigit() and int(first) <= int(last)):
                problems.append(Problem(f"docs/{info.src}", line, "md:chronology needs two years, "
                                        "from=YYYY to=YYYY, the first not after the second"))
                continue
            periods.append((int(first), int(last), info.src, line))
    periods.sort()
    for (_, last, src, _), (first, _, other, line) in zip(periods, periods[1:]):
        if first <= last:
            problems.append(Problem(f"docs/{other}", line, f"md:chronology from={first} overlaps "
                                    f"the period of docs/{src}; make the ranges meet, not overlap"))
    if periods and not problems:
        for event in data.events.values():
            year = data.date(event, "date").year
            if not any(first <= year <= last for first, last, _, _ in periods):
                problems.append(Problem(event.file, event.line_of("date"), f"year {year} falls in "
                                        "no chronology page; widen a `md:chronology from= to=` "
                                        "range or add a period page", event.id, "date"))
    return problems


def stale_abbreviations(root: Path, data) -> Problem | None:
    path = root / ABBREVIATIONS
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if current != abbreviations(data):
        return Problem(str(ABBREVIATIONS), None, "is out of date with data/glossary.yml; "
                       "run `make generate` and commit the result")
    return None


def read_pages(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(docs.rglob("*.md"))}
