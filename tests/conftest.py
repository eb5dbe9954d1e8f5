"""Shared fixtures: the real bot running against the local Bot API stand-in, on a fake clock."""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings as hypothesis_settings

from bot.clock import FakeClock
from bot.config import NESTED, Settings
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo


def _ignore_the_schools_own_settings() -> None:
    """A school's `.env` or exported settings (e.g. RISK_ACK_URGENT_DAYS=2) must not change
    what the tests see: no `.env` is read, and the settings' variables are taken away."""
    os.environ["KOHTAAMO_ENV_FILE"] = ""
    names = {name.upper() for name in Settings.model_fields}
    prefixes = tuple(prefix for _, prefix in NESTED.values())
    for name in list(os.environ):
        if name.upper() in names or name.upper().startswith(prefixes):
            del os.environ[name]


_ignore_the_schools_own_settings()


def _start_of_fake_time() -> datetime:
    """Where the harness's fake clock starts: a Monday, 10:00 in Helsinki.

    One setting for the whole suite. KOHTAAMO_TEST_START=YYYY-MM-DD (a Monday) moves every
    harness test to another week, e.g. a year ahead, which proves that no test depends on the
    day it was written (no code or test reads the wall clock for domain time: ruff's TID251).
    """
    day = date.fromisoformat(os.environ.get("KOHTAAMO_TEST_START", "2026-11-23"))
    if day.weekday() != 0:
        raise ValueError(f"KOHTAAMO_TEST_START must be a Monday, not {day:%A %Y-%m-%d}")
    return datetime.combine(day, time(10, 0), ZoneInfo("Europe/Helsinki")).astimezone(UTC)


START = _start_of_fake_time()

# The Monday the suite's calendar dates are written against. Tests name days as they fell in
# that week ("Monday 30 Nov 2026 at 09:00") and `moved` shifts them by the same whole number
# of weeks as START, so weekdays and times of day stay what the test says.
WRITTEN_FOR = date(2026, 11, 23)
SHIFT = START.date() - WRITTEN_FOR
HELSINKI = ZoneInfo("Europe/Helsinki")


def moved(day: date) -> date:
    """A date written in the 2026 calendar, in the week the suite really runs in."""
    return day + SHIFT


def helsinki(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Helsinki wall-clock moment written in the 2026 calendar, moved with START (as UTC)."""
    local = datetime.combine(moved(date(year, month, day)), time(hour, minute), HELSINKI)
    return local.astimezone(UTC)


_FI_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})?")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def moved_text(text: str) -> str:
    """A text with dates written for the 2026 calendar ("ti 24.11.", "23.12.2026",
    "2026-11-23"), with each date moved with START. A date without a year is taken from the
    school year around WRITTEN_FOR (August–December 2026, January–July 2027)."""

    def finnish(match: re.Match[str]) -> str:
        day, month, year = int(match[1]), int(match[2]), match[3]
        try:
            written = date(int(year) if year else (2026 if month >= 8 else 2027), month, day)
        except ValueError:
            return match[0]  # not a real date (e.g. 31.2.): left as the test wrote it
        new = moved(written)
        return dmy(new) if year else dm(new)

    def iso(match: re.Match[str]) -> str:
        try:
            written = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return moved(written).isoformat()

    return _ISO_DATE.sub(iso, _FI_DATE.sub(finnish, text))


def dmy(day: date | datetime) -> str:
    """A date as the Finnish texts print it in full: 23.12.2026."""
    return f"{day.day}.{day.month}.{day.year}"


def dm(day: date | datetime) -> str:
    """A date as the Finnish texts print it without the year: 23.12."""
    return f"{day.day}.{day.month}."


def week_key(day: date | datetime) -> str:
    """The check-in period key of a weekly round (its week in Helsinki): 2026-W49."""
    if isinstance(day, datetime):
        day = day.astimezone(HELSINKI).date()
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# Property tests: bounded, derandomised and without a per-example deadline under CI, where a
# busy 2-core machine must not turn a slow example into a failure.
hypothesis_settings.register_profile("dev", max_examples=60, deadline=None)
hypothesis_settings.register_profile(
    "ci", max_examples=40, derandomize=True, deadline=None, print_blob=True
)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")
AINO, EETU, LINNEA, MATTI, SANNA, KAISA = (p.tg_user_id for p in DEMO_PERSONAS)
STRANGER = 9999


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
async def harness(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Harness]:
    h = Harness(tmp_path / "kohtaamo.sqlite3", clock=clock)
    await h.start()
    try:
        yield h
    finally:
        await h.stop()


@pytest.fixture
async def school(harness: Harness, clock: FakeClock) -> Harness:
    """The demo school: students Aino, Eetu (fi) and Linnea (sv); coach Matti; and others."""
    await seed_demo(harness.rt.db, clock.now())
    for persona in DEMO_PERSONAS:
        first, last = persona.name.split()
        await harness.client.create_user(persona.tg_user_id, first, last_name=last)
    await harness.client.create_user(STRANGER, "Vieras", language_code="fi")
    return harness


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    """The demo school, with the staff having opened their chat with the bot (a bot cannot
    write first to someone who never started it). Afterwards: Telegram refused nothing (the
    stand-in checks every message's HTML)."""
    for user in (MATTI, KAISA, SANNA):
        await school.say(user, "/start")
    yield school
    refused = [r for r in await school.client.requests() if r["status"] == 400]
    assert refused == []
