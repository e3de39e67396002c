"""The calendars: parsing, conversion and display, with property-based checks."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

from sitedata.dates import (BadDate, GREGORIAN_SWITCH, gregorian_to_julian, gregorian_view,
                            julian_to_gregorian, parse_iso, prose_view)


def julian_day_number(year: int, month: int, day: int) -> int:
    """Julian-calendar date to Julian Day Number (Meeus), independent of convertdate."""
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def expected_gap(gregorian: dt.date) -> int:
    """Days the Julian calendar runs behind: 11 in the 1700s after 1700-02-28 O.S., etc."""
    gap = 10
    for century in (1700, 1800, 1900):
        # The Julian leap day of a century year widens the gap the day after it.
        if gregorian >= dt.date(century, 3, 1) + dt.timedelta(days=gap):
            gap += 1
    return gap


gregorian_days = st.dates(min_value=dt.date(1700, 3, 12), max_value=dt.date(1918, 2, 13))


@given(gregorian_days)
def test_round_trip_through_julian(day):
    assert julian_to_gregorian(*gregorian_to_julian(day)) == day


@given(gregorian_days)
def test_conversion_agrees_with_julian_day_numbers(day):
    jy, jm, jd = gregorian_to_julian(day)
    # Python counts 0001-01-01 (Gregorian) as day 1; its Julian Day Number is 1721426.
    assert julian_day_number(jy, jm, jd) == day.toordinal() + 1721425


@given(gregorian_days)
def test_gap_is_eleven_twelve_or_thirteen_days(day):
    jy, jm, jd = gregorian_to_julian(day)
    julian_as_if_gregorian = dt.date(jy, jm, jd) if not (jm == 2 and jd == 29) else None
    if julian_as_if_gregorian is not None:
        assert (day - julian_as_if_gregorian).days == expected_gap(day)


@pytest.mark.parametrize("julian, gregorian", [
    ((1800, 2, 28), dt.date(1800, 3, 11)),
    ((1800, 2, 29), dt.date(1800, 3, 12)),   # a leap day in Julian only
    ((1800, 3, 1), dt.date(1800, 3, 13)),    # the gap becomes 12
    ((1900, 2, 28), dt.date(1900, 3, 12)),
    ((1900, 2, 29), dt.date(1900, 3, 13)),
    ((1900, 3, 1), dt.date(1900, 3, 14)),    # the gap becomes 13
    ((1905, 1, 9), dt.date(1905, 1, 22)),    # Bloody Sunday
    ((1917, 10, 25), dt.date(1917, 11, 7)),  # the October Revolution
    ((1918, 1, 31), dt.date(1918, 2, 13)),   # the last Julian day
])
def test_known_conversions(julian, gregorian):
    assert julian_to_gregorian(*julian) == gregorian


def test_prose_old_style_shows_both_calendars():
    view = prose_view("1905-01-09 O.S.")
    assert (view.iso, view.text, view.label, view.other_text, view.other_label) == (
        "1905-01-22", "9 January 1905", "O.S.", "22 January", "N.S.")


def test_prose_new_style_shows_old_style_beside_it():
    view = prose_view("1917-11-07 N.S.")
    assert (view.text, view.other_text, view.other_label) == ("7 November 1917", "25 October", "O.S.")


def test_year_boundary_prints_the_other_year():
    assert prose_view("1905-12-25 O.S.").other_text == "7 January 1906"


def test_after_the_switch_there_is_one_calendar():
    view = prose_view("1927-11-12")
    assert (view.label, view.other_text) == ("", "")


def test_gregorian_view_only_for_russia_before_the_switch():
    assert gregorian_view(parse_iso("1915-09-05"), russian=False).other_text == ""
    assert gregorian_view(parse_iso("1915-09-05"), russian=True).other_text == "23 August"
    assert gregorian_view(parse_iso(GREGORIAN_SWITCH.isoformat()), russian=True).other_text == ""


@pytest.mark.parametrize("spec, message", [
    ("1905-02-30", "February 1905 has no day 30"),
    ("1927-13-01", "no month 13"),
    ("1900-02-29 N.S.", "February 1900 has no day 29"),
    ("1905-02-29 O.S.", "February 1905 O.S. has 28 days"),
    ("1905-01-09", "mark the calendar the source uses"),
    ("1918-03-01 O.S.", "drop the O.S. mark"),
    ("1927-11-12 N.S.", "drop the N.S. mark"),
    ("1905-01-09 julian", "not a calendar mark"),
    ("9 January 1905", "not a date"),
    ("1905/01/09 O.S.", "not an ISO date"),
])
def test_impossible_or_unmarked_dates_are_refused(spec, message):
    with pytest.raises(BadDate, match=message):
        prose_view(spec)


def test_the_julian_leap_day_of_1900_exists():
    assert prose_view("1900-02-29 O.S.").iso == "1900-03-13"
