"""Read a YAML data file, keeping the line of every record and field."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataError, Problem


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict


# libyaml's parser when present: about ten times faster on the data files.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


# Dates stay as text: the loader, not PyYAML, decides what a date is.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (a YAML mapping may hold each key once)",
                key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, label: str):
    """Parse `path`; a syntax error becomes a DataError naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(label, None, "file not found; create it (see data/README.md)")])
    return parse_yaml(text, label)


def parse_yaml(text: str, label: str):
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError([Problem(label, line, f"malformed YAML: {exc.problem or exc}; "
                                 "fix the syntax (indentation, quoting of ':' and '#')")])
