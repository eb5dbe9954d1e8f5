"""Shared fixtures: the real bot running against the local Bot API stand-in, on a fake clock."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings as hypothesis_settings

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo


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
