"""Every place that reads a typed day reads it the same way (bot/dates.py, issue 21.5)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dates import parse_day

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    "text",
    [
        "14.12.2026",
        "14.12.26",
        "14/12/26",
        "14-12-2026",
        "2026-12-14",
        " 14 . 12 . 2026 ",
        "14.12.",
    ],
)
def test_every_way_a_finn_writes_a_day(text: str) -> None:
    assert parse_day(text, TODAY) == date(2026, 12, 14)


def test_a_day_without_a_year_means_what_the_caller_says() -> None:
    assert parse_day("1.11.", TODAY) == date(2027, 11, 1)  # the next 1 November
    assert parse_day("1.11.", TODAY, without_year="this") == date(2026, 11, 1)
    assert parse_day("1.11.", TODAY, without_year="refuse") is None
    assert parse_day("1.11.2026", TODAY, without_year="refuse") == date(2026, 11, 1)
    # A range's end counts from its start, not from today.
    assert parse_day("5.1.", TODAY, not_before=date(2027, 2, 1)) == date(2028, 1, 5)
    assert parse_day("23.11.", TODAY) == TODAY  # today is not "already passed"


@pytest.mark.parametrize("text", ["31.2.2026", "32.1.", "1.13.", "huomenna", "", "1.1.1", "12"])
def test_what_names_no_day_is_none(text: str) -> None:
    assert parse_day(text, TODAY) is None
