"""A deliberately broken copy of the project stops the strict build, naming the file."""
import pytest

from conftest import mkdocs_build

REFERENCE = "docs/reference/index.md"


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BREAKAGES = {
    "broken link": (lambda p: append(p / REFERENCE, "\n[Gone](../nowhere/index.md)\n"),
                    ["reference/index.md", "nowhere/index.md"]),
    "missing anchor": (lambda p: append(p / REFERENCE, "\n[Gone](../people/index.md#nobody)\n"),
                       ["reference/index.md", "#nobody"]),
    "absolute link": (lambda p: append(p / REFERENCE, "\n[Abs](/people/)\n"),
                      ["reference/index.md", "absolute link '/people/'"]),
    "page not in nav": (lambda p: (p / "docs/reference/orphan.md").write_text(
        "---\ntitle: Orphan\ndescription: Not in nav.\n---\n\nText.\n"),
        ["reference/orphan.md", "not included in the \"nav\""]),
    "malformed front matter": (lambda p: replace(p / REFERENCE, "title: Reference",
                                                 "title: Reference: the layer"),
                               ["docs/reference/index.md:2", "malformed YAML"]),
    "unknown snippet": (lambda p: append(p / REFERENCE, '\n--8<-- "missing.md"\n'),
                        ["reference/index.md", "missing.md"]),
    "unknown person": (lambda p: append(p / REFERENCE, "\nSee :person[trotzky].\n"),
                       ["docs/reference/index.md:", "unknown person id 'trotzky'"]),
    "impossible date in prose": (lambda p: append(p / REFERENCE, "\nOn :date[1905-02-30 O.S.].\n"),
                                 ["docs/reference/index.md:", "February 1905 O.S. has 28 days"]),
    "bad data file": (lambda p: replace(p / "data/events.yml", "category: life", "category: biography"),
                      ["data/events.yml:", "field 'category'", "'biography'"]),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_broken_copy_fails_with_a_message_naming_the_file(project_copy, tmp_path_factory, breakage):
    damage, expected = BREAKAGES[breakage]
    damage(project_copy)
    result = mkdocs_build(project_copy, tmp_path_factory.mktemp("broken"))
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{breakage}: the build passed"
    for fragment in expected:
        assert fragment in output, f"{breakage}: {fragment!r} not in:\n{output[-3000:]}"


def test_unbroken_copy_builds(project_copy, tmp_path_factory):
    """The copy itself is sound, so the failures above come from the damage."""
    result = mkdocs_build(project_copy, tmp_path_factory.mktemp("sound"))
    assert result.returncode == 0, result.stderr[-3000:]
