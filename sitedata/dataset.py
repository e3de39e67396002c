"""Load the five data files, validate them and resolve their cross-references."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from .dates import BadDate, PartialDate, parse_iso
from .errors import DataError, Problem
from .yamlfile import LineDict, load_yaml

KINDS = ("sources", "places", "people", "glossary", "events", "exiles", "factions")
CATEGORIES = ("faction", "congress", "exile", "ideas", "power", "life")


@dataclass
class Record:
    """One YAML record: its fields, plus where it stands in its file."""

    table: str             # which file: events, people, ...
    data: dict
    file: str
    line: int
    key_lines: dict

    @property
    def id(self) -> str:
        return self.data["id"]

    def __getattr__(self, name):
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None

    def get(self, name, default=None):
        return self.data.get(name, default)

    def line_of(self, name: str | None) -> int:
        return self.key_lines.get(name, self.line) if name else self.line


@dataclass
class Dataset:
    sources: dict[str, Record] = field(default_factory=dict)
    places: dict[str, Record] = field(default_factory=dict)
    people: dict[str, Record] = field(default_factory=dict)
    glossary: dict[str, Record] = field(default_factory=dict)
    events: dict[str, Record] = field(default_factory=dict)
    exiles: dict[str, Record] = field(default_factory=dict)
    factions: dict[str, Record] = field(default_factory=dict)
    # Parsed dates, keyed by (kind, id, field path).
    dates: dict[tuple, PartialDate] = field(default_factory=dict)

    def date(self, record: Record, path: str) -> PartialDate:
        return self.dates[(record.table, record.id, path)]

    def events_sorted(self) -> list[Record]:
        return sorted(self.events.values(),
                      key=lambda e: (self.date(e, "date").sort_key, e.id))

    @staticmethod
    def surname(person: Record) -> str:
        """The last word of a person's name: what the people index shows and sorts by."""
        return person.name.split()[-1]

    def people_by_surname(self) -> list[Record]:
        return sorted(self.people.values(), key=self.surname)

    def is_russian(self, event: Record) -> bool:
        return bool(self.places[event.place].get("old_style"))


def _schema(data_dir: Path, kind: str) -> dict:
    return json.loads((data_dir / f"{kind}.schema.json").read_text(encoding="utf-8"))


def _schema_problems(kind: str, label: str, items, schema: dict) -> list[Problem]:
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(items), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        line, record_id, field_name = None, None, None
        if path:
            item = items[path[0]]
            if isinstance(item, LineDict):
                line = item.line
                record_id = item.get("id") if isinstance(item.get("id"), str) else f"#{path[0] + 1}"
                if len(path) > 1:
                    field_name = ".".join(str(p) for p in path[1:])
                    line = item.key_lines.get(path[1], line)
        message = error.message
        if error.validator == "additionalProperties":
            message += "; see data/README.md for the fields of " + kind
        elif error.validator == "required":
            message += "; add it (see data/README.md)"
        elif error.validator == "enum":
            message += f" (got {error.instance!r})"
        elif error.validator == "pattern" and "description" in error.schema:
            message += "; write it as: " + error.schema["description"]
        problems.append(Problem(label, line, message, record_id, field_name))
    return problems


def _date_fields(kind: str, record: Record):
    """The (path, text, line) of every date in a record."""
    data = record.data
    if kind == "events":
        for name in ("date", "end"):
            if name in data:
                yield name, data[name], record.line_of(name)
        for i, variant in enumerate(data.get("variants", [])):
            yield f"variants.{i}.date", variant["date"], getattr(variant, "line", record.line)
    if kind in ("exiles", "factions"):
        for name in ("from", "to"):
            if name in data:
                yield name, data[name], record.line_of(name)
    if kind == "people":
        for name in ("born", "died"):
            if name in data:
                yield f"{name}.date", data[name]["date"], record.line_of(name)


def _normalise_dates(items) -> None:
    # `date: 1903` parses as an integer; the data dictionary allows it.
    def fix(mapping, key):
        if isinstance(mapping, dict) and isinstance(mapping.get(key), int):
            mapping[key] = str(mapping[key])
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        for key in ("date", "end", "from", "to"):
            fix(item, key)
        for key in ("born", "died"):
            fix(item.get(key), "date")
        for variant in item.get("variants") or []:
            fix(variant, "date")


def load(data_dir: Path, pages: set[str] | None = None, schema_dir: Path | None = None) -> Dataset:
    """Load and validate everything; raise DataError listing every problem.

    `pages` is the set of documentation pages (paths under docs/); when given,
    an event's `page` must be one of them. Schemas are read from `schema_dir`
    (default: beside the data).
    """
    data_dir = Path(data_dir)
    schema_dir = Path(schema_dir or data_dir)
    problems: list[Problem] = []
    dataset = Dataset()
    for kind in KINDS:
        label = f"data/{kind}.yml"
        try:
            items = load_yaml(data_dir / f"{kind}.yml", label)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        if items is None:
            items = []
        _normalise_dates(items)
        schema_problems = _schema_problems(kind, label, items, _schema(schema_dir, kind))
        problems.extend(schema_problems)
        if schema_problems:
            continue
        table = getattr(dataset, kind)
        for item in items:
            record = Record(kind, item, label, item.line, item.key_lines)
            if record.id in table:
                problems.append(Problem(label, record.line, f"duplicate id; the same id is already "
                                        f"used at line {table[record.id].line}; choose a new id",
                                        record.id, "id"))
                continue
            table[record.id] = record
            for path, text, line in _date_fields(kind, record):
                try:
                    dataset.dates[(kind, record.id, path)] = parse_iso(text)
                except BadDate as exc:
                    problems.append(Problem(label, line, str(exc), record.id, path))
    if not problems:
        problems.extend(_cross_reference_problems(dataset, pages))
    if problems:
        raise DataError(problems)
    return dataset


def _cross_reference_problems(ds: Dataset, pages: set[str] | None) -> list[Problem]:
    problems: list[Problem] = []

    def check(record: Record, field_name: str, ids, table: dict, kind: str):
        for ref in [ids] if isinstance(ids, str) else ids:
            if ref not in table:
                problems.append(Problem(record.file, record.line_of(field_name.split(".")[0]),
                                        f"unknown {kind} id '{ref}'; add it to data/{kind}.yml "
                                        "or correct the id", record.id, field_name))

    for person in ds.people.values():
        check(person, "sources", person.sources, ds.sources, "sources")
        for name in ("born", "died"):
            if name in person.data and "place" in person.data[name]:
                check(person, f"{name}.place", person.data[name]["place"], ds.places, "places")
    for term in ds.glossary.values():
        check(term, "sources", term.get("sources", []), ds.sources, "sources")
    seen_titles: dict[tuple, Record] = {}
    for event in ds.events.values():
        check(event, "people", event.get("people", []), ds.people, "people")
        check(event, "place", event.place, ds.places, "places")
        check(event, "sources", event.sources, ds.sources, "sources")
        for i, variant in enumerate(event.get("variants", [])):
            check(event, f"variants.{i}.source", variant["source"], ds.sources, "sources")
        if "end" in event.data:
            start, end = ds.date(event, "date"), ds.date(event, "end")
            if end.last_day < start.first_day:
                problems.append(Problem(event.file, event.line_of("end"),
                                        f"end {end.iso} is before date {start.iso}; "
                                        "swap them or correct one", event.id, "end"))
        key = (event.date, event.title.strip().lower())
        if key in seen_titles:
            problems.append(Problem(event.file, event.line, "another event has the same date and "
                                    f"title (id '{seen_titles[key].id}'); merge the two",
                                    event.id, "title"))
        seen_titles[key] = event
        if pages is not None and "page" in event.data and event.page not in pages:
            problems.append(Problem(event.file, event.line_of("page"),
                                    f"no page docs/{event.page}; give a path under docs/ "
                                    "such as 'factions/index.md'", event.id, "page"))
    for record in [*ds.exiles.values(), *ds.factions.values()]:
        people = [record.person] if record.table == "exiles" else record.members
        check(record, "person" if record.table == "exiles" else "members", people, ds.people,
              "people")
        if record.table == "exiles":
            check(record, "place", record.place, ds.places, "places")
        check(record, "sources", record.sources, ds.sources, "sources")
        if "to" in record.data and ds.date(record, "to").last_day < ds.date(record, "from").first_day:
            problems.append(Problem(record.file, record.line_of("to"), f"to {record.to} is before "
                                    f"from {record.data['from']}; swap them or correct one",
                                    record.id, "to"))
        page = record.get("page", "").split("#")[0]
        if pages is not None and page and page not in pages:
            problems.append(Problem(record.file, record.line_of("page"), f"no page docs/{page}; "
                                    "give a path under docs/", record.id, "page"))
    problems.extend(_alias_problems(ds))
    return problems


def _alias_problems(ds: Dataset) -> list[Problem]:
    """An alias must lead to one person (or one term) only."""
    problems = []
    for kind, names in (("people", ("name", "full_name", "name_ru", "aliases")),
                        ("glossary", ("term", "aliases"))):
        owner: dict[str, Record] = {}
        for record in getattr(ds, kind).values():
            for name in names:
                values = record.get(name, [])
                for value in [values] if isinstance(values, str) else values:
                    key = value.casefold()
                    other = owner.get(key)
                    if other is not None and other.id != record.id:
                        problems.append(Problem(record.file, record.line_of(name),
                                                f"'{value}' also names '{other.id}' (line "
                                                f"{other.line}); an alias must lead to one record",
                                                record.id, name))
                    owner[key] = record
    return problems
