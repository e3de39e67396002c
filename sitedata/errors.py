"""Errors that name the file, the line, the record, the field and the fix."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = []
        if self.record:
            what.append(f"record '{self.record}'")
        if self.field:
            what.append(f"field '{self.field}'")
        prefix = f"{where}: " + (", ".join(what) + ": " if what else "")
        return prefix + self.message


class DataError(Exception):
    """One or more problems; the build stops and prints them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
