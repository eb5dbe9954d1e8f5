"""One person cannot stall the bot for everyone (issue 18.7): hundreds of long messages from a
student, and from someone who never enrolled, while others use the bot.

- The flooder is told once, kindly, to slow down; what is over the limit is not handled (not
  stored, not answered) — except a crisis, which is answered and alerted as always.
- Someone not enrolled is answered without storing anything: no outbox row, no text kept.
- The others are answered (how fast is measured in bench/, not asserted here).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo
from bot.telegram.runtime import RateLimits
from tests.conftest import AINO, EETU, KAISA, MATTI, STRANGER

LONG = ("Tänään oli ihan tavallinen päivä koulussa, ei mitään erikoista. " * 60)[:3500]
CRISIS = "Mä en jaksa enää, haluun tappaa itteni. " + LONG
BURST, RATE = 20, 0.5


@pytest.fixture
async def paced(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Harness]:
    limits = RateLimits(
        overall_per_second=1000,
        per_chat_per_second=None,
        per_user_per_second=RATE,
        per_user_burst=BURST,
    )
    h = Harness(tmp_path / "k.sqlite3", clock=clock, rate_limits=limits)
    await h.start()
    try:
        await seed_demo(h.rt.db, clock.now())
        for persona in DEMO_PERSONAS:
            first, last = persona.name.split()
            await h.client.create_user(persona.tg_user_id, first, last_name=last)
        await h.client.create_user(STRANGER, "Vieras", language_code="fi")
        for user in (MATTI, KAISA, AINO, EETU):
            await h.say(user, "/start")
        yield h
    finally:
        await h.stop()


async def texts(h: Harness, chat_id: int) -> list[str]:
    return [str(m.get("text") or "") for m in await h.bot_messages(chat_id)]


async def test_a_flood_is_slowed_kindly_and_a_crisis_in_it_still_gets_through(
    paced: Harness,
) -> None:
    h = paced
    before = len(await texts(h, AINO))
    started = time.monotonic()
    for n in range(200):
        await h.client.send_text(AINO, CRISIS if n == 150 else LONG)
        if n % 50 == 0:
            await h.client.send_text(STRANGER, LONG)
    await h.client.send_text(EETU, "/apua")
    await h.settle(timeout=120)
    elapsed = time.monotonic() - started

    aino = (await texts(h, AINO))[before:]
    assert len([t for t in aino if "tulee nyt tosi tiuhaan" in t]) == 1  # told once
    assert len([t for t in aino if "112" in t and "MIELI" in t and "tiuhaan" not in t]) == 1
    assert len([t for t in await texts(h, MATTI) if "KRIISI" in t]) == 1
    # Answered at most what the allowance gives in the time it took, plus the two above.
    assert len(aino) <= BURST + RATE * elapsed + 3
    assert any("Näin Kohtaamo toimii" in t for t in await texts(h, EETU))


async def test_a_crisis_in_a_photo_caption_gets_through_a_flood(paced: Harness) -> None:
    h = paced
    for _ in range(BURST + 5):
        await h.client.send_text(AINO, LONG)  # over the allowance: later texts are dropped
    await h.client.send_media(AINO, "photo", caption="mun ranteet, viiltelin taas ja haluun kuolla")
    await h.settle(timeout=60)
    aino = await texts(h, AINO)
    assert any("tiuhaan" in t for t in aino)  # the flood was slowed
    assert len([t for t in aino if "kiitos, että kerroit" in t and "tiuhaan" not in t]) == 1
    assert len([t for t in await texts(h, MATTI) if "KRIISI" in t]) == 1


async def test_someone_not_enrolled_is_answered_without_storing_anything(
    paced: Harness,
) -> None:
    h = paced
    for _ in range(30):
        await h.client.send_text(STRANGER, LONG)
    await h.settle(timeout=60)
    said = await texts(h, STRANGER)
    assert len([t for t in said if "Et ole vielä mukana" in t]) == 1
    stored = await h.rt.db.fetchval("SELECT COUNT(*) FROM outbox WHERE chat_id = ?", (STRANGER,))
    assert stored == 0
    kept = await h.rt.db.fetchval("SELECT COUNT(*) FROM inbox WHERE payload IS NOT NULL")
    assert kept == 0
