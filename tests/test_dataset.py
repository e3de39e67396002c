"""The data layer refuses bad input with file, line, record, field and fix."""
import shutil
from pathlib import Path

import pytest

from sitedata.dataset import load
from sitedata.errors import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "data"


@pytest.fixture
def data_dir(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES, target)
    return target


def load_fixture(data_dir, pages=None):
    return load(data_dir, pages, schema_dir=ROOT / "data")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems(data_dir, pages=None) -> str:
    with pytest.raises(DataError) as info:
        load_fixture(data_dir, pages)
    return str(info.value)


def test_fixture_is_valid(data_dir):
    data = load_fixture(data_dir)
    assert len(data.events) == 6 and len(data.people) == 3
    assert data.date(data.events["bloody-sunday"], "date").iso == "1905-01-22"


def test_malformed_yaml_names_file_and_line(data_dir):
    events = data_dir / "events.yml"
    replace(events, "title: Bloody Sunday", "title: [Bloody Sunday")
    message = problems(data_dir)
    assert "data/events.yml:" in message and "malformed YAML" in message


def test_duplicate_key_is_malformed(data_dir):
    replace(data_dir / "places.yml", "  lat: 59.94", "  lat: 59.94\n  lat: 59.95")
    assert "duplicate key 'lat'" in problems(data_dir)


def test_missing_required_field(data_dir):
    events = data_dir / "events.yml"
    line = line_of(events, "id: trotsky-dies")
    replace(events, "  summary: Trotsky dies of his wounds.\n", "")
    message = problems(data_dir)
    assert f"data/events.yml:{line}: record 'trotsky-dies'" in message
    assert "'summary' is a required property" in message


def test_unknown_category(data_dir):
    events = data_dir / "events.yml"
    replace(events, "category: power", "category: politics")
    line = line_of(events, "category: politics")
    message = problems(data_dir)
    assert f"data/events.yml:{line}: record 'bloody-sunday', field 'category'" in message
    assert "'politics'" in message and "faction" in message


@pytest.mark.parametrize("bad, expected", [
    ("1905-02-30", "not a real calendar date; February 1905 has no day 30"),
    ("1927-13-01", "has no month 13"),
])
def test_impossible_dates(data_dir, bad, expected):
    events = data_dir / "events.yml"
    replace(events, "date: 1905-01-22", f"date: {bad}")
    line = line_of(events, f"date: {bad}")
    message = problems(data_dir)
    assert f"data/events.yml:{line}: record 'bloody-sunday', field 'date': '{bad}' " in message
    assert expected in message


def test_malformed_date_fails_the_schema(data_dir):
    replace(data_dir / "events.yml", "date: 1905-01-22", "date: 22 January 1905")
    message = problems(data_dir)
    assert "record 'bloody-sunday', field 'date'" in message and "does not match" in message


def test_straight_quote_in_a_title_names_the_fix(data_dir):
    events = data_dir / "events.yml"
    replace(events, "title: Bloody Sunday", "title: \"'Bloody' Sunday\"")
    line = line_of(events, "'Bloody' Sunday")
    message = problems(data_dir)
    assert f"data/events.yml:{line}: record 'bloody-sunday', field 'title'" in message
    assert "typographic quotes" in message


def test_end_before_start(data_dir):
    events = data_dir / "events.yml"
    replace(events, "end: 1927-12-19", "end: 1927-11-19")
    line = line_of(events, "end: 1927-11-19")
    message = problems(data_dir)
    assert f"data/events.yml:{line}: record 'fifteenth-congress', field 'end'" in message
    assert "before date 1927-12-02" in message


def test_duplicate_id(data_dir):
    events = data_dir / "events.yml"
    replace(events, "id: trotsky-dies", "id: bloody-sunday")
    line = line_of(events, "title: Trotsky dies") - 2
    message = problems(data_dir)
    assert f"data/events.yml:{line}: record 'bloody-sunday', field 'id': duplicate id" in message


def test_same_date_and_title(data_dir):
    replace(data_dir / "events.yml", "title: The Soviet is arrested", "title: Bloody Sunday")
    replace(data_dir / "events.yml", "date: 1905-12-16", "date: 1905-01-22")
    assert "another event has the same date and title (id 'bloody-sunday')" in problems(data_dir)


@pytest.mark.parametrize("old, new, kind, field", [
    ("people: [trotsky]", "people: [trotzky]", "people", "people"),
    ("place: coyoacan\n  sources", "place: mexico\n  sources", "places", "place"),
    ("sources: [deutscher-1954, trotsky-1930]", "sources: [deutscher-1955]", "sources", "sources"),
    ("source: trotsky-1930", "source: trotsky-1931", "sources", "variants.0.source"),
])
def test_unknown_ids_in_events(data_dir, old, new, kind, field):
    replace(data_dir / "events.yml", old, new)
    message = problems(data_dir)
    assert f"field '{field}': unknown {kind} id" in message
    assert f"add it to data/{kind}.yml" in message


def test_unknown_source_in_people(data_dir):
    people = data_dir / "people.yml"
    replace(people, "sources: [deutscher-1954]", "sources: [carr-1958]")
    assert "record 'trotsky', field 'sources': unknown sources id 'carr-1958'" in problems(data_dir)


def test_unknown_page(data_dir):
    replace(data_dir / "events.yml", "  category: power\n", "  category: power\n  page: nowhere/index.md\n")
    message = problems(data_dir, pages={"index.md"})
    assert "record 'bloody-sunday', field 'page': no page docs/nowhere/index.md" in message


def test_known_page_passes(data_dir):
    replace(data_dir / "events.yml", "  category: power\n", "  category: power\n  page: index.md\n")
    assert load_fixture(data_dir, pages={"index.md"}).events["bloody-sunday"].page == "index.md"


def test_alias_shared_by_two_people(data_dir):
    people = data_dir / "people.yml"
    replace(people, "aliases: [Ulyanov]", "aliases: [Ulyanov, Bronstein]")
    message = problems(data_dir)
    assert "record 'lenin', field 'aliases': 'Bronstein' also names 'trotsky'" in message


def test_unknown_field_is_refused(data_dir):
    replace(data_dir / "places.yml", "  lat: 59.94", "  latitude: 59.94\n  lat: 59.94")
    message = problems(data_dir)
    assert "record 'petrograd'" in message and "'latitude' was unexpected" in message


def test_every_problem_is_reported_at_once(data_dir):
    replace(data_dir / "events.yml", "category: power", "category: politics")
    replace(data_dir / "places.yml", "lat: 19.35", "lat: 190.35")
    message = problems(data_dir)
    assert "data/events.yml" in message and "data/places.yml" in message
