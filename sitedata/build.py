"""One pass over data and pages, shared by the MkDocs glue, the CLI and tests."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import dataset as dataset_module
from .errors import DataError, Problem
from .pages import PageInfo, scan_page
from .render import Renderer, abbreviations

ROOT = Path(__file__).resolve().parent.parent
ABBREVIATIONS = Path("includes/abbreviations.md")


@dataclass
class Site:
    renderer: Renderer
    pages: dict[str, PageInfo]


def load_site(root: Path, page_texts: dict[str, str], directory_urls: bool = True) -> Site:
    """Validate the data and scan every page; raise DataError with every problem."""
    problems: list[Problem] = []
    pages: dict[str, PageInfo] = {}
    for src, text in sorted(page_texts.items()):
        try:
            pages[src] = scan_page(src, text)
        except DataError as exc:
            problems.extend(exc.problems)
    try:
        data = dataset_module.load(root / "data", set(page_texts))
    except DataError as exc:
        problems.extend(exc.problems)
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
    stale = stale_abbreviations(root, data)
    if stale:
        problems.append(stale)
    if problems:
        raise DataError(problems)
    return Site(Renderer(data, pages, root / "overrides" / "sitedata", directory_urls), pages)


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
