"""One reading of a typed day, for everyone who types one (issue 21.5).

Students, coaches and coordinators type days the way Finns write them: "14.12.2026",
"14.12.", "14.12", "14/12/26", "14-12-2026" — or ISO "2026-12-14". Every place that reads a
typed day uses `parse_day`, so the same text means the same day everywhere; only what a day
*without a year* means differs, and the caller says it:

- ``without_year="next"``: the next such day from `not_before` (default today) — a pause's
  last day, an evaluation, a schedule's start;
- ``without_year="this"``: this calendar year — a contact had on some day (usually past);
- ``without_year="refuse"``: a year is required — a study start or a birth date in a roster,
  the bounds of an export.

Domain time comes from the caller's `today` (the injected clock), never from the wall clock.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

WithoutYear = Literal["next", "this", "refuse"]

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_TYPED = re.compile(r"^\s*(\d{1,2})\s*[./-]\s*(\d{1,2})\s*(?:[./-]\s*(\d{4}|\d{2})?)?\s*$")
# A day inside running text ("Ryhmäytyspäivä 3.12.", "palaveri 4.1.2027"): dots only.
IN_TEXT = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})?")


def parse_day(
    text: str,
    today: date,
    *,
    without_year: WithoutYear = "next",
    not_before: date | None = None,
) -> date | None:
    """The day `text` names, or None when it names none (or a day that does not exist)."""
    iso = _ISO.match(text)
    try:
        if iso:
            return date(int(iso[1]), int(iso[2]), int(iso[3]))
        typed = _TYPED.match(text)
        if typed is None:
            return None
        day, month, year = int(typed[1]), int(typed[2]), typed[3]
        if year is not None:
            return date(int(year) + (2000 if len(year) == 2 else 0), month, day)
        if without_year == "refuse":
            return None
        if without_year == "this":
            return date(today.year, month, day)
        base = not_before or today
        guess = date(base.year, month, day)
        return guess if guess >= base else date(base.year + 1, month, day)
    except ValueError:
        return None
