"""Shared fixtures: the real bot running against the local Bot API stand-in, on a fake clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo

# Monday 23 Nov 2026, 10:00 in Helsinki.
START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
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
