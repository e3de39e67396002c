"""Turn the dataset into page content: views computed here, printed by Jinja.

Output is Markdown (with md_in_html blocks), so MkDocs still checks every
link and anchor it contains.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import defaultdict
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from types import SimpleNamespace

import jinja2

from .dataset import CATEGORIES, Dataset, Record
from .dates import BadDate, DateView, gregorian_view, prose_view
from .errors import DataError, Problem
from .geo import exile_map_view
from .names import ordinal_names, roman
from .pages import BLOCK, ROLE, FENCE, PageInfo, parse_args

# People have a page each (see person_page()), listed on PEOPLE.
CHRONOLOGY, PEOPLE, PLACES, GLOSSARY, SOURCES = (
    "chronology/index.md", "people/index.md", "places/index.md", "glossary/index.md",
    "sources/index.md")
# Block shortcodes drawn by methods of their own (the rest are whole data pages).
FIGURES = {"factions-table": "factions_table", "alliance-chart": "alliance_chart",
           "congress-table": "congress_table", "exile-table": "exile_table",
           "exile-comparison": "exile_comparison", "exile-map": "exile_map",
           "turning-points": "turning_points"}
KIND_TITLES = {"primary": "Primary sources", "secondary": "Secondary works",
               "reference": "Reference works"}


@lru_cache(maxsize=None)
def relative(src: str, target: str, anchor: str = "") -> str:
    """A Markdown link target from page `src` to page `target` (both under docs/)."""
    path = posixpath.relpath(target, posixpath.dirname(src) or ".")
    return f"{path}#{anchor}" if anchor else path


def page_url(src: str) -> str:
    """The directory URL a page gets (use_directory_urls): 'a/b.md' -> 'a/b/'."""
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


@lru_cache(maxsize=None)
def relative_url(src: str, target: str, anchor: str = "", directory_urls: bool = True) -> str:
    """An HTML href from page `src` to page `target`, for raw HTML blocks."""
    if not directory_urls:
        # Files, as the offline edition is read: 'a/b.md' -> 'a/b.html'.
        path = posixpath.relpath(target[: -len(".md")] + ".html", posixpath.dirname(src) or ".")
        if target == src:
            return f"#{anchor}" if anchor else posixpath.basename(path)
        return f"{path}#{anchor}" if anchor else path
    path = posixpath.relpath(page_url(target) or ".", page_url(src) or ".")
    path = "" if path == "." else path + "/"
    return f"{path}#{anchor}" if anchor else (path or "./")


def distinct_names(name: str, aliases: list[str]) -> list[str]:
    """Aliases as a reader needs them: the tooltips list each capitalisation
    ("Troika", "troika"), the page shows each name once."""
    seen, out = {name.casefold()}, []
    for alias in aliases:
        if alias.casefold() not in seen:
            seen.add(alias.casefold())
            out.append(alias)
    return out


def person_page(person_id: str) -> str:
    """Every person has a page of their own, generated from the data."""
    return f"people/{person_id}.md"


def _plain(text: str) -> str:
    # Link titles are quoted in Markdown: keep them free of quotes.
    return text.replace('"', "'").replace("\n", " ")


class Renderer:
    def __init__(self, dataset: Dataset, pages: dict[str, PageInfo], templates: Path,
                 directory_urls: bool = True):
        self.ds = dataset
        self.directory_urls = directory_urls
        self.pages = pages
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates)), undefined=jinja2.StrictUndefined,
            autoescape=False, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
        self.macros = self.env.get_template("macros.html").module
        self.env.globals["macros"] = self.macros
        self.events_by_person = defaultdict(list)
        self.events_by_place = defaultdict(list)
        # Counted once here: every :cite footnote asks for its source's view.
        self.event_count_by_source = defaultdict(int)
        for event in dataset.events_sorted():
            for source in event.sources:
                self.event_count_by_source[source] += 1
            for person in event.get("people", []):
                self.events_by_person[person].append(event)
            self.events_by_place[event.place].append(event)
        # Data pages are printed as HTML (fast, compact); prose gets Markdown links.
        self.html = False
        # The chronology is split into period pages: find the page of each event.
        self.periods = sorted(
            (SimpleNamespace(src=info.src, title=info.title, first=int(args["from"]),
                             last=int(args["to"]))
             for info in pages.values() for name, args, _ in info.blocks
             if name == "chronology" and "from" in args and "to" in args),
            key=lambda p: p.first)
        self.event_page = {}
        for event in dataset.events_sorted():
            year = dataset.date(event, "date").year
            self.event_page[event.id] = next(
                (p.src for p in self.periods if p.first <= year <= p.last), CHRONOLOGY)
        self.pages_by = {role: defaultdict(list) for role in ("person", "cite")}
        for info in sorted(pages.values(), key=lambda p: p.src):
            for role, index in self.pages_by.items():
                for record_id in info.ids(role):
                    index[record_id].append(info)

    # ---- Views: what templates print

    def href(self, src: str, target: str, anchor: str = "") -> str:
        if self.html:
            return relative_url(src, target, anchor, self.directory_urls)
        return relative(src, target, anchor)

    def date(self, record: Record, path: str = "date") -> DateView:
        russian = record.table == "events" and self.ds.is_russian(record)
        if record.table == "people":
            place = record.data[path.split(".")[0]].get("place")
            russian = bool(place and self.ds.places[place].get("old_style"))
        return gregorian_view(self.ds.date(record, path), russian)

    def person_link(self, src: str, person_id: str, text: str | None = None):
        person = self.ds.people[person_id]
        life = self.ds.date(person, "born.date").year
        died = f"{self.ds.date(person, 'died.date').year}" if "died" in person.data else ""
        tooltip = _plain(f"{person.full_name} ({life}–{died})")
        return SimpleNamespace(text=text or person.name, href=self.href(src, person_page(person.id)),
                               tooltip=tooltip, id=person.id)

    def place_link(self, src: str, place_id: str, text: str | None = None):
        place = self.ds.places[place_id]
        tooltip = _plain(f"{place.name}: today {', '.join([place.country['now']])}")
        return SimpleNamespace(text=text or place.name, href=self.href(src, PLACES, place.id),
                               tooltip=tooltip)

    def source_link(self, src: str, source_id: str):
        source = self.ds.sources[source_id]
        surname = source.authors[0].split()[-1]
        return SimpleNamespace(text=f"{surname} {source.year}", href=self.href(src, SOURCES, source.id),
                               tooltip=_plain(source.title))

    def source_view(self, src: str, source: Record):
        pages = [SimpleNamespace(text=p.title, href=self.href(src, p.src))
                 for p in self.pages_by["cite"].get(source.id, [])]
        events = self.event_count_by_source[source.id]
        return SimpleNamespace(id=source.id, href=self.href(src, SOURCES, source.id),
                               authors=", ".join(source.authors), title=source.title,
                               year=source.year, where=source.get("publisher") or source.get("site"),
                               url=source.get("url"), note=source.get("note"), pages=pages,
                               events=events, events_noun="event" if events == 1 else "events")

    def event_view(self, src: str, event: Record):
        page = event.get("page")
        return SimpleNamespace(
            id=event.id, title=event.title, summary=event.summary, category=event.category,
            date=self.date(event), end=self.date(event, "end") if "end" in event.data else None,
            href=self.href(src, self.event_page[event.id], event.id),
            people=[self.person_link(src, p) for p in event.get("people", [])],
            people_ids=" ".join(event.get("people", [])),
            place=self.place_link(src, event.place),
            sources=[self.source_link(src, s) for s in event.sources],
            variants=[SimpleNamespace(date=gregorian_view(self.ds.date(event, f"variants.{i}.date"),
                                                          self.ds.is_russian(event)),
                                      source=self.source_link(src, v["source"]), note=v["note"])
                      for i, v in enumerate(event.get("variants", []))],
            page=SimpleNamespace(text=self.pages[page].title, href=self.href(src, page))
            if page in self.pages else None,
            names=" · ".join(ordinal_names(event.ordinal, event.get("body", "congress")))
            if "ordinal" in event.data else "")

    def event_link(self, src: str, event: Record):
        """Title, year and link: enough for the lists on the people and places pages."""
        return SimpleNamespace(title=event.title, year=self.ds.date(event, "date").year,
                               href=self.href(src, self.event_page[event.id], event.id))

    def person_view(self, src: str, person: Record):
        def life(name):
            if name not in person.data:
                return None
            place = person.data[name].get("place")
            return SimpleNamespace(date=self.date(person, f"{name}.date"),
                                   place=self.place_link(src, place) if place else None,
                                   note=person.data[name].get("note"))
        return SimpleNamespace(
            id=person.id, name=person.name, full_name=person.full_name, name_ru=person.name_ru,
            aliases=", ".join(person.aliases), roles="; ".join(person.roles), bio=person.bio,
            born=life("born"), died=life("died"),
            events=[self.event_link(src, e) for e in self.events_by_person.get(person.id, [])],
            pages=[SimpleNamespace(text=p.title, href=self.href(src, p.src))
                   for p in self.pages_by["person"].get(person.id, [])],
            sources=[self.source_link(src, s) for s in person.sources])

    # ---- Blocks: whole sections rendered from the data

    def block(self, src: str, name: str, args: dict[str, str]) -> str:
        if name == "timeline":
            return self.timeline(src, args)
        self.html = True
        try:
            if name in FIGURES:
                return getattr(self, FIGURES[name])(src, args)
            return self._data_page(src, name, args)
        finally:
            self.html = False

    def _data_page(self, src: str, name: str, args: dict[str, str]) -> str:
        template = self.env.get_template(f"{name}.html")
        if name == "chronology-periods":
            return template.render(periods=[SimpleNamespace(
                href=self.href(src, p.src), title=p.title, first=p.first, last=p.last,
                count=sum(1 for page in self.event_page.values() if page == p.src),
                years=[SimpleNamespace(year=y, href=self.href(src, p.src, f"year-{y}"))
                       for y in sorted({self.ds.date(e, "date").year
                                        for e in self.ds.events.values()
                                        if self.event_page[e.id] == p.src})])
                for p in self.periods])
        if name == "chronology":
            chosen = [e for e in self.ds.events_sorted() if self.event_page[e.id] == src
                      or ("from" not in args and "to" not in args)]
            years = [SimpleNamespace(year=year, events=[self.event_view(src, e) for e in events])
                     for year, events in groupby(chosen, key=lambda e: self.ds.date(e, "date").year)]
            people = sorted({p: self.ds.people[p] for e in chosen
                             for p in e.get("people", [])}.values(), key=lambda p: p.name)
            return template.render(years=years, categories=CATEGORIES,
                                   people=[SimpleNamespace(id=p.id, name=p.name) for p in people])
        if name == "people":
            people = self.ds.people_by_surname()
            return template.render(people=[SimpleNamespace(
                link=self.person_link(src, p.id), name_ru=p.name_ru, role=p.roles[0],
                surname=self.ds.surname(p),
                born=self.ds.date(p, "born.date").year,
                died=self.ds.date(p, "died.date").year if "died" in p.data else "")
                for p in people])
        if name == "person":
            if args.get("id") not in self.ds.people:
                raise KeyError(f"unknown person id '{args.get('id')}' in md:person")
            return template.render(p=self.person_view(src, self.ds.people[args["id"]]))
        if name == "places":
            places = sorted(self.ds.places.values(), key=lambda p: p.name)
            return template.render(places=[SimpleNamespace(
                id=p.id, name=p.name, other_names=", ".join(p.get("other_names", [])),
                then=p.country["then"], now=p.country["now"], lat=p.lat, lon=p.lon,
                events=[self.event_link(src, e) for e in self.events_by_place.get(p.id, [])])
                for p in places])
        if name == "glossary":
            terms = sorted(self.ds.glossary.values(), key=lambda t: t.term.casefold())
            return template.render(terms=[SimpleNamespace(
                id=t.id, term=t.term, aliases=", ".join(distinct_names(t.term, t.get("aliases", []))),
                definition=t.definition,
                sources=[self.source_link(src, s) for s in t.get("sources", [])]) for t in terms])
        if name == "sources":
            groups = []
            for kind in ("primary", "secondary", "reference"):
                records = sorted((s for s in self.ds.sources.values() if s.kind == kind),
                                 key=lambda s: (s.authors[0].split()[-1], s.year, s.id))
                groups.append(SimpleNamespace(kind=kind, title=KIND_TITLES[kind],
                                              sources=[self.source_view(src, s) for s in records]))
            return template.render(groups=groups)
        raise KeyError(name)

    def span(self, record: Record) -> SimpleNamespace:
        """From and to of an exile or faction, as printable dates."""
        russian = record.table == "exiles" and bool(
            self.ds.places[record.place].get("old_style"))
        start = self.ds.date(record, "from")
        end = self.ds.date(record, "to") if "to" in record.data else None
        return SimpleNamespace(start=gregorian_view(start, russian),
                               end=gregorian_view(end, russian) if end else None,
                               start_key=start.iso, end_key=end.iso if end else "")

    def _record_page(self, src: str, record: Record):
        page = record.get("page")
        if not page:
            return None
        target, _, anchor = page.partition("#")
        return SimpleNamespace(text=self.pages[target].title, href=self.href(src, target, anchor))

    def factions_table(self, src: str, args: dict[str, str]) -> str:
        rows = [SimpleNamespace(id=f.id, name=f.name, kind=f.kind, span=self.span(f),
                                members=[self.person_link(src, m) for m in f.members],
                                stood_for=f.stood_for, ended=f.ended,
                                page=self._record_page(src, f),
                                sources=[self.source_link(src, s) for s in f.sources])
                for f in sorted(self.ds.factions.values(),
                                key=lambda f: (self.ds.date(f, "from").sort_key, f.id))]
        return self.env.get_template("factions-table.html").render(rows=rows)

    def alliance_chart(self, src: str, args: dict[str, str]) -> str:
        first, last = int(args.get("from", 1922)), int(args.get("to", 1929))
        start, end = dt.date(first, 1, 1), dt.date(last + 1, 1, 1)
        total = (end - start).days

        def percent(day: dt.date) -> float:
            return round(100 * (min(max(day, start), end) - start).days / total, 2)

        records = [f for f in sorted(self.ds.factions.values(),
                                     key=lambda f: (self.ds.date(f, "from").sort_key, f.id))
                   if self.ds.date(f, "from").first_day < end
                   and self.ds.date(f, "to").last_day >= start]
        colour = {f.id: i % 8 + 1 for i, f in enumerate(records)}
        rows: dict[str, list] = {}
        for f in records:
            for member in f.members:
                rows.setdefault(member, []).append(f)
        people = []
        for person_id, groups in rows.items():
            lanes: list[list] = []
            for f in groups:
                begin, finish = self.ds.date(f, "from").first_day, self.ds.date(f, "to").last_day
                bar = SimpleNamespace(id=f.id, name=f.name, colour=colour[f.id],
                                      left=percent(begin),
                                      # The bar covers its last day too.
                                      width=round(percent(finish + dt.timedelta(days=1))
                                                  - percent(begin), 2),
                                      begin=begin, finish=finish,
                                      label=f"{f.name}, {self.span(f).start.text} – "
                                            f"{self.span(f).end.text}")
                # Overlapping memberships stack in lanes rather than hide each other.
                for lane in lanes:
                    # One that starts the month another ends (a merger) shares its lane.
                    if all(bar.left >= other.left + other.width - 1.5
                           or bar.left + bar.width <= other.left + 1.5 for other in lane):
                        lane.append(bar)
                        break
                else:
                    lanes.append([bar])
            people.append(SimpleNamespace(person=self.person_link(src, person_id), lanes=lanes))
        ticks = [SimpleNamespace(year=y, left=percent(dt.date(y, 1, 1)))
                 for y in range(first, last + 1)]
        legend = [SimpleNamespace(id=f.id, name=f.name, colour=colour[f.id]) for f in records]
        return self.env.get_template("alliance-chart.html").render(
            people=people, ticks=ticks, legend=legend, first=first, last=last)

    def congress_table(self, src: str, args: dict[str, str]) -> str:
        body = args.get("body", "congress")
        if body not in ("congress", "conference", "comintern"):
            raise ValueError(f"md:congress-table body must be congress, conference or comintern, "
                             f"not '{body}'")
        events = sorted((e for e in self.ds.events.values() if "ordinal" in e.data
                         and e.get("body", "congress") == body),
                        key=lambda e: (e.ordinal, self.ds.date(e, "date").sort_key))
        if not events:
            raise ValueError(f"md:congress-table finds no event with body '{body}' and an ordinal")
        rows = []
        for e in events:
            view = self.event_view(src, e)
            rows.append(SimpleNamespace(
                ordinal=e.ordinal, roman=roman(e.ordinal), event=view,
                sort_key=self.ds.date(e, "date").iso, outcome=e.get("outcome", ""),
                link=view.page or SimpleNamespace(text="Chronology", href=view.href)))
        return self.env.get_template("congress-table.html").render(rows=rows, body=body)

    def _exile_rows(self, src: str, person: str | None = None):
        records = sorted((x for x in self.ds.exiles.values() if person in (None, x.person)),
                         key=lambda x: (self.ds.date(x, "from").sort_key, x.id))
        rows = []
        for x in records:
            place = self.ds.places[x.place]
            start, end = self.ds.date(x, "from"), (self.ds.date(x, "to") if "to" in x.data
                                                   else None)
            days = (end.last_day - start.first_day).days + 1 if end else None
            rows.append(SimpleNamespace(
                id=x.id, person=self.person_link(src, x.person), kind=x.kind,
                place=self.place_link(src, x.place), other_names=", ".join(
                    place.get("other_names", [])[:3]), span=self.span(x),
                length=_length(days, start, end),
                imposed_by=x.imposed_by, ended=x.ended, page=self._record_page(src, x),
                sources=[self.source_link(src, s) for s in x.sources]))
        return rows

    def _dated_days(self, person: str) -> int:
        """Days spent away, counting only periods dated to the month at both ends,
        and each day once where periods overlap (a prison within an exile)."""
        spans = sorted((self.ds.date(x, "from").first_day, self.ds.date(x, "to").last_day)
                       for x in self.ds.exiles.values()
                       if x.person == person and "to" in x.data
                       and self.ds.date(x, "from").month and self.ds.date(x, "to").month)
        total, current = 0, None
        for begin, end in spans:
            if current and begin <= current[1]:
                current = (current[0], max(current[1], end))
                continue
            if current:
                total += (current[1] - current[0]).days + 1
            current = (begin, end)
        if current:
            total += (current[1] - current[0]).days + 1
        return total

    def exile_table(self, src: str, args: dict[str, str]) -> str:
        return self.env.get_template("exile-table.html").render(rows=self._exile_rows(src))

    def exile_comparison(self, src: str, args: dict[str, str]) -> str:
        sides = []
        for person in ("stalin", "trotsky"):
            rows = self._exile_rows(src, person)
            sides.append(SimpleNamespace(person=self.person_link(src, person), rows=rows,
                                         count=len(rows),
                                         places=len({r.place.text for r in rows}),
                                         years=_years(self._dated_days(person))))
        return self.env.get_template("exile-comparison.html").render(sides=sides)

    def turning_points(self, src: str, args: dict[str, str]) -> str:
        ids = [i for i in args.get("ids", "").split(",") if i]
        unknown = [i for i in ids if i not in self.ds.events]
        if not ids or unknown:
            raise ValueError("md:turning-points needs ids=event,event,... of known events"
                             + (f"; unknown: {', '.join(unknown)}" if unknown else ""))
        missing = [i for i in ids if "page" not in self.ds.events[i].data]
        if missing:
            raise ValueError(f"turning points need a chapter: give {', '.join(missing)} a "
                             "`page` in data/events.yml")
        return self.env.get_template("turning-points.html").render(
            events=[self.event_view(src, self.ds.events[i]) for i in ids])

    def exile_map(self, src: str, args: dict[str, str]) -> str:
        return self.env.get_template("exile-map.html").render(
            map=exile_map_view(self))

    def timeline(self, src: str, args: dict[str, str]) -> str:
        unknown = set(args) - {"ids", "category", "person", "place", "from", "to"}
        if unknown:
            raise ValueError(f"md:timeline takes ids, category, person, place, from and to, "
                             f"not {', '.join(sorted(unknown))}")
        chosen = [i for i in args.get("ids", "").split(",") if i]
        for event_id in chosen:
            if event_id not in self.ds.events:
                raise ValueError(f"unknown event id '{event_id}' in md:timeline; add it to "
                                 "data/events.yml or correct the id")
        for key, table in (("person", self.ds.people), ("place", self.ds.places)):
            if key in args and args[key] not in table:
                raise ValueError(f"unknown {key} id '{args[key]}' in md:timeline")
        if "category" in args and args["category"] not in CATEGORIES:
            raise ValueError(f"unknown category '{args['category']}'; use one of "
                             f"{', '.join(CATEGORIES)}")
        first = int(args.get("from", 0))
        last = int(args.get("to", 9999))
        events = [e for e in self.ds.events_sorted()
                  if first <= self.ds.date(e, "date").year <= last
                  and (not chosen or e.id in chosen)
                  and ("category" not in args or e.category == args["category"])
                  and ("person" not in args or args["person"] in e.get("people", []))
                  and ("place" not in args or e.place == args["place"])]
        if not events:
            raise ValueError("md:timeline selects no event; widen its filters")
        return self.env.get_template("timeline.html").render(
            events=[self.event_view(src, e) for e in events])

    # ---- Chapters: expand the shortcodes of one page

    def expand(self, src: str, markdown: str, line_offset: int = 0) -> str:
        label = f"docs/{src}"
        problems: list[Problem] = []
        footnotes: dict[str, int] = {}
        out = []
        fenced = None
        for number, line in enumerate(markdown.split("\n"), 1 + line_offset):
            fence = FENCE.match(line)
            if fence:
                fenced = fence.group(1) if fenced is None else (None if fence.group(1) == fenced
                                                                else fenced)
            if fenced or fence:
                out.append(line)
                continue
            block = BLOCK.match(line)
            if block:
                try:
                    out.append(self.block(src, block.group("name"), parse_args(block.group("args"))))
                except (ValueError, KeyError) as exc:
                    problems.append(Problem(label, number, str(exc)))
                continue

            def role(match):
                if not match.group("role"):
                    return match.group(0)
                try:
                    return self._role(src, match.group("role"), match.group("arg"), footnotes)
                except (ValueError, KeyError, BadDate) as exc:
                    problems.append(Problem(label, number, str(exc).strip("'\"")))
                    return match.group(0)
            out.append(ROLE.sub(role, line))
        if problems:
            raise DataError(problems)
        if footnotes:
            out.append("")
            for text, number in footnotes.items():
                out.append(f"[^ts-{number}]: {text}")
        return "\n".join(out)

    def _role(self, src: str, role: str, arg: str, footnotes: dict[str, int]) -> str:
        record_id, _, text = arg.partition("|")
        record_id = record_id.strip()
        tables = {"person": self.ds.people, "place": self.ds.places, "event": self.ds.events,
                  "term": self.ds.glossary, "cite": self.ds.sources}
        if role == "date":
            return self.macros.date(prose_view(arg))
        if role == "cite":
            source_id, _, locator = arg.partition(",")
            source_id = source_id.strip()
            if source_id not in self.ds.sources:
                raise KeyError(f"unknown source id '{source_id}' in :cite[...]; add it to "
                               "data/sources.yml or correct the id")
            note = self.macros.reference(self.source_view(src, self.ds.sources[source_id]),
                                         locator.strip()).strip()
            number = footnotes.setdefault(note, len(footnotes) + 1)
            return f"[^ts-{number}]"
        if record_id not in tables[role]:
            kind = {"person": "people", "place": "places", "event": "events",
                    "term": "glossary"}[role]
            raise KeyError(f"unknown {role} id '{record_id}' in :{role}[...]; add it to "
                           f"data/{kind}.yml or correct the id")
        text = text.strip() or None
        if role == "person":
            return self.macros.link(self.person_link(src, record_id, text))
        if role == "place":
            return self.macros.link(self.place_link(src, record_id, text))
        if role == "event":
            event = self.event_view(src, self.ds.events[record_id])
            date = event.date
            when = " ".join(filter(None, [date.text, date.label] + (
                [f"({date.other_text} {date.other_label})"] if date.other_text else [])))
            return self.macros.link(SimpleNamespace(text=text or event.title, href=event.href,
                                                    tooltip=_plain(when)))
        term = self.ds.glossary[record_id]
        return self.macros.link(SimpleNamespace(text=text or term.term,
                                                href=self.href(src, GLOSSARY, term.id),
                                                tooltip=_plain(gloss(term.definition))))


def _length(days: int | None, start, end) -> str:
    """A duration in words, as precise as the dates allow."""
    if days is None:
        return "unknown"
    if start.day and end.day and days < 62:
        return f"{days} days"
    months = round(days / 30.44)
    if months < 24:
        return f"about {months} months" if not (start.day and end.day) else f"{months} months"
    return f"about {round(days / 365.25)} years"


def _years(days: int) -> str:
    return f"about {days / 365.25:.1f} years"


# The end of a sentence: a full stop after a word (not St., Dr., Mr.), before a capital.
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”’])(?<!\bSt)(?<!\bDr)(?<!\bMr)\.\s+(?=[A-Z“‘(])")


def gloss(definition: str) -> str:
    """The first sentence of a definition: the tooltip. The glossary page has the rest."""
    first = _SENTENCE_END.split(" ".join(definition.split()), maxsplit=1)[0]
    return first if first.endswith(".") else first + "."


def abbreviations(dataset: Dataset) -> str:
    """The glossary's first sentences as Markdown abbreviations, appended to every page.
    (Whole definitions made every tooltip a paragraph and added kilobytes to each page.)"""
    # One block per abbreviation: a single long block makes Markdown's block
    # parser quadratic (it re-tests the rest of the block after each line).
    lines = ["<!-- Generated from data/glossary.yml by `make generate`; do not edit. -->"]
    for term in sorted(dataset.glossary.values(), key=lambda t: t.term.casefold()):
        for name in [term.term, *term.get("aliases", [])]:
            lines.append(f"*[{name}]: {gloss(term.definition)}")
    return "\n\n".join(lines) + "\n"
