"""Dates: ISO parsing, the Julian/Gregorian calendars and their display.

Russia kept the Julian calendar ("Old Style") until 31 January 1918 O.S.,
which was followed by 14 February 1918 N.S.; dates before that are shown in
both calendars wherever Russia's calendar applied.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from convertdate import julian

GREGORIAN_SWITCH = dt.date(1918, 2, 14)
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadDate(ValueError):
    """A date that is malformed or does not exist; the message says which."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A Gregorian date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if self.month:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)


def parse_iso(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a real Gregorian date."""
    match = _ISO.match(str(text).strip())
    if not match:
        raise BadDate(f"'{text}' is not an ISO date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is not None and not 1 <= month <= 12:
        raise BadDate(f"'{text}' has no month {month}; expected a month from 01 to 12")
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            raise BadDate(f"'{text}' is not a real calendar date; "
                          f"{MONTHS[month - 1]} {year} has no day {day}")
    return PartialDate(year, month, day)


def julian_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert a Julian (Old Style) date, refusing one the Julian calendar lacks."""
    if not 1 <= month <= 12:
        raise BadDate(f"'{year:04d}-{month:02d}-{day:02d}' has no month {month}")
    if not 1 <= day <= julian.month_length(year, month):
        raise BadDate(f"'{year:04d}-{month:02d}-{day:02d}' is not a real Julian date; "
                      f"{MONTHS[month - 1]} {year} O.S. has {julian.month_length(year, month)} days")
    return dt.date(*julian.to_gregorian(year, month, day))


def gregorian_to_julian(date: dt.date) -> tuple[int, int, int]:
    return julian.from_gregorian(date.year, date.month, date.day)


def russia_used_julian(date: PartialDate) -> bool:
    """True when a Russian date falls before the switch of February 1918."""
    return date.first_day < GREGORIAN_SWITCH


@dataclass(frozen=True)
class DateView:
    """What a template prints for one date: the texts are computed here."""

    iso: str               # the Gregorian ISO date, for <time datetime>
    text: str              # the date as the author gave it
    label: str             # "O.S.", "N.S." or "" (after Feb 1918 or abroad)
    other_text: str        # the same day in the other calendar, or ""
    other_label: str


def _text(year: int, month: int | None, day: int | None) -> str:
    if day:
        return f"{day} {MONTHS[month - 1]} {year}"
    if month:
        return f"{MONTHS[month - 1]} {year}"
    return str(year)


def _short(year: int, month: int, day: int, beside_year: int) -> str:
    # "(22 January N.S.)" when the year is the same, else the full date.
    return f"{day} {MONTHS[month - 1]}" + ("" if year == beside_year else f" {year}")


def gregorian_view(date: PartialDate, russian: bool) -> DateView:
    """A data date (always Gregorian); the Julian one is added for Russia pre-1918."""
    text = _text(date.year, date.month, date.day)
    if russian and date.day and russia_used_julian(date):
        jy, jm, jd = gregorian_to_julian(date.first_day)
        return DateView(date.iso, text, "N.S.", _short(jy, jm, jd, date.year), "O.S.")
    return DateView(date.iso, text, "", "", "")


def prose_view(spec: str) -> DateView:
    """A date written in prose: `1905-01-09 O.S.`, `1905-01-22 N.S.`, `1929-02-12`,
    or `1915-09-05 abroad` (a Gregorian date outside Russia before 1918)."""
    parts = spec.split()
    if not parts or len(parts) > 2:
        raise BadDate(f"'{spec}' is not a date; write e.g. '1905-01-09 O.S.' or '1927-11-12'")
    marker = parts[1].upper().replace(".", "") if len(parts) == 2 else ""
    if marker not in ("", "OS", "NS", "ABROAD"):
        raise BadDate(f"'{parts[1]}' is not a calendar mark; use O.S., N.S. or abroad")
    match = _ISO.match(parts[0])
    if not match:
        raise BadDate(f"'{parts[0]}' is not an ISO date; expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    if marker == "OS":
        if day is None:
            if month is not None and not 1 <= month <= 12:
                raise BadDate(f"'{parts[0]}' has no month {month}")
            # A month or year alone cannot be converted: shown as given.
            return DateView(f"{year:04d}", _text(year, month, None) + "", "O.S.", "", "")
        gregorian = julian_to_gregorian(year, month, day)
        if gregorian >= GREGORIAN_SWITCH:
            raise BadDate(f"'{spec}' is after Russia's switch to the Gregorian calendar "
                          "(14 February 1918 N.S.); drop the O.S. mark")
        return DateView(gregorian.isoformat(), _text(year, month, day), "O.S.",
                        _short(gregorian.year, gregorian.month, gregorian.day, year), "N.S.")
    date = parse_iso(parts[0])
    before_switch = russia_used_julian(date)
    if marker == "NS":
        if not before_switch:
            raise BadDate(f"'{spec}' is after 14 February 1918, when Russia used N.S. only; "
                          "drop the N.S. mark")
        return gregorian_view(date, russian=True) if date.day else DateView(
            date.iso, _text(date.year, date.month, None), "N.S.", "", "")
    if marker == "" and before_switch and date.day:
        raise BadDate(f"'{spec}' is before 14 February 1918: mark the calendar the source uses "
                      f"('{parts[0]} O.S.' or '{parts[0]} N.S.'), or 'abroad' for a date "
                      "outside Russia")
    return gregorian_view(date, russian=False)
