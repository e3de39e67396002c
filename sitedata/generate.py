"""Write the generated files that are committed: `python -m sitedata.generate`."""
from __future__ import annotations

import sys

from .build import ABBREVIATIONS, ROOT
from .dataset import load
from .errors import DataError
from .render import abbreviations


def main() -> int:
    try:
        data = load(ROOT / "data")
    except DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    target = ROOT / ABBREVIATIONS
    target.parent.mkdir(exist_ok=True)
    target.write_text(abbreviations(data), encoding="utf-8")
    print(f"wrote {ABBREVIATIONS} ({len(data.glossary)} terms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
