"""The real data: valid, large enough, and consistent with the generated files."""
import re
from pathlib import Path

import pytest

from conftest import ROOT
from sitedata.build import read_pages, stale_abbreviations
from sitedata.dataset import load
from sitedata.dates import parse_iso

SEED = ROOT.parent / "shared" / "seed" / "source-page.txt"


@pytest.fixture(scope="module")
def data():
    return load(ROOT / "data", set(read_pages(ROOT / "docs")))


def test_record_counts_meet_the_minimums(data):
    assert len(data.events) >= 80
    assert len(data.people) >= 30
    assert len(data.places) >= 15
    assert len(data.glossary) >= 40
    assert len(data.sources) >= 25


def test_the_main_line_runs_from_1878_to_1940(data):
    years = {data.date(e, "date").year for e in data.events.values()}
    assert min(years) <= 1879 and max(years) >= 1940


def test_every_event_has_a_real_source_and_a_summary_of_our_own(data):
    seed = SEED.read_text(encoding="utf-8") if SEED.exists() else ""
    for event in data.events.values():
        assert event.sources
        sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", event.summary) if len(s) > 60]
        copied = [s for s in sentences if s in seed]
        assert not copied, f"{event.id} copies the seed: {copied}"


def test_contested_dates_carry_variants(data):
    assert any(e.get("variants") for e in data.events.values())


def test_abbreviations_file_is_up_to_date(data):
    assert stale_abbreviations(ROOT, data) is None


def test_every_source_is_cited_somewhere(data):
    cited = {s for e in data.events.values() for s in e.sources}
    cited |= {s for p in data.people.values() for s in p.sources}
    cited |= {s for t in data.glossary.values() for s in t.get("sources", [])}
    pages = read_pages(ROOT / "docs")
    cited |= {m for text in pages.values() for m in re.findall(r":cite\[([a-z0-9-]+)", text)}
    assert set(data.sources) - cited == set()


def test_primary_sources_exist(data):
    assert sum(s.kind == "primary" for s in data.sources.values()) >= 5


def test_russian_places_use_the_julian_calendar_and_others_do_not(data):
    for place in data.places.values():
        if place.get("old_style"):
            assert "Russian Empire" in place.country["then"] or "Soviet" in place.country["then"], place.id
