"""Telegram's flood control, across the board (issue 17.4), against a stand-in that enforces
Telegram's limits: ~30 messages/s overall, ~1/s per private chat after a short burst, 20/min
per group — and a 429's retry_after for every send (a bot that keeps sending meanwhile is
refused again and counted).

The bot runs with the production limits (RateLimits()); these tests take a few real seconds,
since pacing is real time."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo
from bot.services.messaging.outbox import OutboxRow, OutMessage, enqueue
from bot.standin.limits import FloodLimits
from bot.storage.db import Tx
from bot.telegram.runtime import RateLimits
from tests.conftest import AINO, EETU, LINNEA, MATTI
from tests.support import (
    add_schedule,
    advance_to,
    at,
    checkins_received,
    enrol,
    eventually,
    hard_kill,
)
from tests.support import restart as restart_bot

TELEGRAM = FloodLimits()  # Telegram's limits, enforced


@contextlib.asynccontextmanager
async def school_at_telegrams_limits(
    path: Path, clock: FakeClock, limits: FloodLimits = TELEGRAM
) -> AsyncIterator[Harness]:
    h = Harness(path, clock=clock, limits=limits, rate_limits=RateLimits())
    await h.start()
    try:
        await seed_demo(h.rt.db, clock.now())
        for persona in DEMO_PERSONAS:
            first, last = persona.name.split()
            await h.client.create_user(persona.tg_user_id, first, last_name=last)
        for user in (AINO, EETU, LINNEA, MATTI):
            await h.client.send_text(user, "/start")
        await h.settle(timeout=30)
        yield h
    finally:
        await h.stop()


async def commit(h: Harness, *messages: tuple[int, str]) -> list[OutboxRow]:
    """Messages a use case committed, handed to the sender as the handlers do."""
    now = h.clock.now()

    async def work(tx: Tx) -> list[OutboxRow]:
        rows = []
        for n, (chat_id, text) in enumerate(messages):
            row = await enqueue(
                tx, f"flood:{chat_id}:{n}:{text}", OutMessage(chat_id, text), now=now
            )
            assert row is not None
            rows.append(row)
        return rows

    rows = await h.rt.db.transaction(work)
    h.rt.sender.submit(rows)
    return rows


async def refusals(h: Harness) -> list[dict[str, Any]]:
    return [r for r in await h.client.requests() if r["status"] == 429]


async def sent_to(h: Harness, chat_id: int, prefix: str) -> list[str]:
    return [
        str(m["text"]) for m in await h.bot_messages(chat_id) if str(m["text"]).startswith(prefix)
    ]


async def test_a_round_and_a_burst_to_one_coach_get_no_flood_refusals(
    tmp_path: Path, clock: FakeClock
) -> None:
    async with school_at_telegrams_limits(tmp_path / "k.sqlite3", clock) as h:
        extra = await enrol(h, 40)
        await add_schedule(h)
        # Eight alerts for one coach at once: a burst Telegram allows only ~1/s after the first.
        await commit(h, *((MATTI, f"hälytys {n}") for n in range(8)))
        await advance_to(h, at(2026, 11, 30, 9, 0))
        await h.settle(timeout=60)
        received = await checkins_received(h)
        assert set(received) >= {*extra}
        assert max(received.values()) == 1
        assert len(await sent_to(h, MATTI, "hälytys")) == 8
        assert await refusals(h) == []


async def test_a_429_pauses_every_send_not_only_its_chat(tmp_path: Path, clock: FakeClock) -> None:
    """A slow upload finishes while the bot waits out a 429: that must not end the wait for
    everyone else (it did with PTB's AIORateLimiter, whose pause any finished call lifted)."""
    async with school_at_telegrams_limits(tmp_path / "k.sqlite3", clock) as h:
        await h.client.inject_fault("sendDocument", status=200, hang_seconds=1.0)
        await h.client.inject_fault("sendMessage", status=429, retry_after=3)
        now = h.clock.now()
        upload = OutMessage(LINNEA, op="document", file_name="vienti.json", file_hex=b"{}".hex())
        row = await h.rt.db.transaction(lambda tx: enqueue(tx, "export:linnea", upload, now=now))
        assert row is not None
        h.rt.sender.submit([row])
        await commit(h, (AINO, "eka"))  # refused: wait 3 s
        await eventually(lambda: refusals(h), 10, "Telegram to refuse a send", every=0.01)
        await commit(h, (EETU, "toka"), (MATTI, "kolmas"))  # during the wait
        await h.settle(timeout=30)
        for _ in range(3):  # the refused one comes due again on the sender's clock
            await h.advance(timedelta(seconds=5))
        for user, text in ((AINO, "eka"), (EETU, "toka"), (MATTI, "kolmas")):
            assert await sent_to(h, user, text) == [text]
        assert len(await refusals(h)) == 1  # the injected one; nothing was sent into its wait


async def test_a_restarted_bot_waits_out_the_penalty_it_was_given(
    tmp_path: Path, clock: FakeClock
) -> None:
    async with school_at_telegrams_limits(tmp_path / "k.sqlite3", clock) as h:
        await h.client.inject_fault("sendMessage", status=429, retry_after=4)
        await commit(h, (AINO, "ennen kaatumista"))
        await eventually(lambda: refusals(h), 10, "Telegram to refuse a send", every=0.01)
        # The penalty is written just after the refusal arrives; a kill in between costs one
        # more 429 after the restart (Telegram answers it alike). Here it was written first.
        await eventually(
            lambda: h.rt.db.fetchval("SELECT until FROM flood_pauses"),
            10,
            "the penalty to be stored",
            every=0.01,
        )
        await hard_kill(h)  # killed while waiting out Telegram's retry_after
        await restart_bot(h)
        await commit(h, (EETU, "heti käynnistyksen jälkeen"))
        await h.settle(timeout=30)
        for _ in range(3):
            await h.advance(timedelta(seconds=5))
        assert await sent_to(h, AINO, "ennen kaatumista") == ["ennen kaatumista"]
        assert await sent_to(h, EETU, "heti") == ["heti käynnistyksen jälkeen"]
        assert len(await refusals(h)) == 1  # the new process did not send into the penalty
