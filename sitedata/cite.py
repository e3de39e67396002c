"""A suggested citation for every page, in Chicago, MLA and BibTeX form.

The access date is left as a placeholder that site.js replaces with the
reader's date; without JavaScript the placeholder stays.
"""
from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace

ACCESSED = "[date accessed]"
MLA_MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.",
               "Oct.", "Nov.", "Dec."]


def _bibtex_key(url: str, year: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", url.rstrip("/").rsplit("/", 1)[-1].lower()).strip("-")
    return f"trotskystalin{year}{slug or 'home'}".replace("-", "")


def citation(title: str, site: str, url: str, updated: str | None) -> SimpleNamespace:
    """The three citations; `updated` is the page's last-updated ISO date."""
    day = dt.date.fromisoformat(updated) if updated else None
    chicago_updated = f"Last modified {day:%B} {day.day}, {day.year}. " if day else ""
    mla_updated = f"{day.day} {MLA_MONTHS[day.month - 1]} {day.year}, " if day else ""
    year = day.year if day else dt.date.today().year
    bib_title = title.replace("{", "").replace("}", "")
    return SimpleNamespace(
        chicago=f"“{title}.” {site}. {chicago_updated}Accessed {ACCESSED}. {url}.",
        mla=f"“{title}.” <i>{site}</i>, {mla_updated}{url}. Accessed {ACCESSED}.",
        bibtex="\n".join([
            f"@misc{{{_bibtex_key(url, year)},",
            f"  title = {{{{{bib_title}}}}},",
            f"  author = {{{{{site}}}}},",
            f"  howpublished = {{\\url{{{url}}}}},",
            f"  year = {{{year}}},",
            f"  note = {{Last modified {updated or 'unknown'}}},",
            f"  urldate = {{{ACCESSED}}}",
            "}"]),
        accessed=ACCESSED)
