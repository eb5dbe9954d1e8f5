"""The sender under Telegram's bad days, through the stand-in: 429 storms, 5xx, timeouts,
blocked and deleted accounts, a group that became a supergroup, per-chat order when a
message must wait, the priority lane, graceful and hard stops — and the measured window in
which a crash can repeat a message."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import random
from collections import Counter
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import FakeClock, to_db
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo
from bot.services.messaging.outbox import (
    PRIORITY_CRISIS,
    PRIORITY_NORMAL,
    Button,
    OutMessage,
    enqueue,
)
from bot.standin.limits import FloodLimits
from bot.storage.db import Tx
from bot.telegram.runtime import RateLimits
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, moved, week_key
from tests.support import (
    STUDENTS,
    add_schedule,
    advance_to,
    at,
    checkins_received,
    demo_school,
    enrol,
    eventually,
    hard_kill,
    open_chats,
    restart,
    round_rows,
    rounds,
    sessions_per_student,
)


@pytest.fixture
async def bare(tmp_path: Path, clock: FakeClock) -> AsyncIterator[Harness]:
    async with demo_school(tmp_path / "kohtaamo.sqlite3", clock, rate=1000) as h:
        yield h


async def send_now(h: Harness, chat_id: int, *texts: str, priority: int = PRIORITY_NORMAL) -> None:
    """Messages a use case committed, handed to the sender as the handlers do."""
    now = h.rt.clock.now()

    async def work(tx: Tx) -> list[Any]:
        rows = []
        for text in texts:
            row = await enqueue(
                tx, f"test:{chat_id}:{text}", OutMessage(chat_id, text), now=now, priority=priority
            )
            rows.append(row)
        return rows

    h.rt.sender.submit(await h.rt.db.transaction(work))


async def texts(h: Harness, chat_id: int) -> list[str]:
    return [str(m["text"]) for m in await h.bot_messages(chat_id)]


def reminders(messages: list[str]) -> list[str]:
    return [t for t in messages if "odottaa vielä" in t or "väntar fortfarande" in t]


def duplicates(received: Counter[int]) -> int:
    return sum(n - 1 for n in received.values() if n > 1)


# -- order and priority -------------------------------------------------------------------------


async def test_a_message_that_must_wait_holds_back_the_rest_of_its_chat(bare: Harness) -> None:
    h = bare
    await h.client.inject_fault("sendMessage", status=502, count=1)
    await send_now(h, AINO, "eka", "toka", "kolmas")
    await h.settle()
    await send_now(h, EETU, "muille menee silti")
    await h.settle()
    assert "muille menee silti" in await texts(h, EETU)
    assert not [t for t in await texts(h, AINO) if t in ("eka", "toka", "kolmas")]
    await send_now(h, AINO, "neljäs")  # a new message to the held chat waits its turn too
    await h.settle()
    assert not [t for t in await texts(h, AINO) if t == "neljäs"]
    await h.advance(timedelta(seconds=5))  # the retry is due: all of them, in order
    assert [t for t in await texts(h, AINO) if t in ("eka", "toka", "kolmas", "neljäs")] == [
        "eka",
        "toka",
        "kolmas",
        "neljäs",
    ]


def backlog(h: Harness, chat_id: int, label: str, urgent: str) -> Any:
    """A unit of work writing three ordinary messages and then one crisis message."""

    async def work(tx: Tx) -> list[Any]:
        now = h.clock.now()
        rows = [
            await enqueue(
                tx, f"{label}{n}", OutMessage(chat_id, f"{label} {n}"), now=now, priority=7
            )
            for n in range(3)
        ]
        crisis = OutMessage(chat_id, urgent)
        return [*rows, await enqueue(tx, urgent, crisis, now=now, priority=PRIORITY_CRISIS)]

    return work


async def test_a_crisis_message_jumps_the_queue(bare: Harness) -> None:
    h = bare
    h.rt.sender.submit(await h.rt.db.transaction(backlog(h, AINO, "tavallinen", "KRIISI")))
    await h.settle()
    shown = [t for t in await texts(h, AINO) if t.startswith(("tavallinen", "KRIISI"))]
    assert shown[0] == "KRIISI"
    assert len(shown) == 4
    # a backlog read back from the outbox after a restart keeps the priority too
    await h.rt.sender.stop(grace=0)
    await h.rt.db.transaction(backlog(h, EETU, "myöhemmin", "KIIRE"))
    await restart(h)
    await h.settle()
    shown = [t for t in await texts(h, EETU) if t.startswith(("myöhemmin", "KIIRE"))]
    assert shown[0] == "KIIRE"
    assert len(shown) == 4


# -- Telegram's bad days --------------------------------------------------------------------


async def test_429_storm_5xx_and_timeouts_still_give_everyone_exactly_one_check_in(
    bare: Harness,
) -> None:
    h = bare
    extra = await enrol(h, 30)
    await add_schedule(h)
    h.rt.sender.timeouts = {"read_timeout": 0.3}
    await h.client.block(extra[0])
    await h.client.block(extra[1])
    await h.settle()
    await h.client.deactivate(extra[2])
    for status, count, hang in ((429, 6, 0.0), (502, 4, 0.0), (500, 2, 0.6), (200, 3, 0.6)):
        await h.client.inject_fault("sendMessage", status=status, count=count, hang_seconds=hang)
    await advance_to(h, at(2026, 11, 30, 9, 0))
    for _ in range(8):  # retries come due on the fake clock (backoff, Retry-After)
        await h.advance(timedelta(minutes=1))
    reachable = [*STUDENTS, *extra[3:]]
    received = await checkins_received(h)
    assert set(received) == set(reachable)
    # only a send that reached Telegram but whose answer timed out can repeat (3 injected)
    assert duplicates(received) <= 3
    periods = await sessions_per_student(h)
    assert all(periods[(s, week_key(at(2026, 11, 30)))] == 1 for s in reachable)
    unreachable = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM persons WHERE unreachable_at IS NOT NULL"
    )
    assert unreachable == 3
    notes = [t for t in await texts(h, MATTI) if "📵" in t]
    assert len(notes) == 3  # one per student, never repeated
    [recorded] = await round_rows(h)
    assert recorded["note"]["counts"]["queued"] == len(reachable) + 1  # + the deactivated one
    assert recorded["note"]["counts"]["unreachable"] == 2


async def test_the_real_flood_limits_are_respected_without_losing_or_repeating(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The production setup: the bot paces itself at the configured rate (a stingy 15 msg/s
    here, as RATE_LIMIT_PER_SECOND would say) and per chat; the stand-in enforces the same
    limits and never has to push back."""
    limits = FloodLimits(overall_per_second=15, per_chat_burst=3, enabled=True)
    h = Harness(
        tmp_path / "k.sqlite3",
        clock=clock,
        limits=limits,
        rate_limits=RateLimits(overall_per_second=15),
    )
    await h.start()
    try:
        await seed_demo(h.rt.db, clock.now())
        for persona in DEMO_PERSONAS:
            first, last = persona.name.split()
            await h.client.create_user(persona.tg_user_id, first, last_name=last)
        await open_chats(h, *STUDENTS, MATTI, SANNA, KAISA)
        extra = await enrol(h, 40)
        await add_schedule(h)
        h.clock.set(at(2026, 11, 30, 9, 0))  # type: ignore[attr-defined]
        await h.rt.tick()
        await h.settle(timeout=60)
        for _ in range(5):
            await h.advance(timedelta(minutes=1))
        received = await checkins_received(h)
        assert received == Counter(dict.fromkeys([*STUDENTS, *extra], 1))
        assert [r for r in await h.client.requests() if r["status"] == 429] == []
    finally:
        await h.stop()


async def test_a_group_that_became_a_supergroup_gets_its_new_id_and_the_message(
    bare: Harness,
) -> None:
    h = bare
    old = -4242
    await h.client.create_group(old, "SÄH23A ryhmä")
    await h.client.add_member(old, SANNA)
    await h.client.add_bot(old, SANNA)
    await h.settle()
    await h.rt.db.transaction(
        lambda tx: tx.execute("UPDATE groups SET chat_id = ? WHERE name = 'SÄH23A'", (old,))
    )
    await h.rt.sender.stop(grace=0)  # a message is committed, and the bot goes down …
    await send_now(h, old, "Tervetuloa ryhmään!")
    await h.stop_bot()
    new = await h.client.migrate_group(old)  # … while the group becomes a supergroup
    before = len(await h.client.requests())
    await h.start_bot()  # the send to the old id comes before the news of the migration
    h.rt.processor.highest_update_id = (await h.client.state())["last_update_id"]
    await h.settle()
    assert "Tervetuloa ryhmään!" in [m.get("text") for m in await h.client.messages(new)]
    stored = await h.rt.db.fetchval("SELECT chat_id FROM groups WHERE name = 'SÄH23A'")
    assert stored == new
    log = (await h.client.requests())[before:]
    to_old = [r for r in log if r["params"].get("chat_id") == str(old)]
    assert [r["status"] for r in to_old if r["method"] == "sendMessage"] == [400]


async def test_html_telegram_cannot_parse_is_sent_as_plain_text(bare: Harness) -> None:
    h = bare
    await send_now(h, AINO, "Huomio <b>tärkeää</i> &amp; kiireellistä")
    await h.settle()
    assert "Huomio tärkeää & kiireellistä" in await texts(h, AINO)


# -- stopping -------------------------------------------------------------------------------


async def test_a_graceful_stop_lets_slow_sends_finish_and_repeats_nothing(bare: Harness) -> None:
    h = bare
    await add_schedule(h)
    await h.client.inject_fault("sendMessage", status=200, hang_seconds=0.5, count=3)
    h.clock.set(at(2026, 11, 30, 9, 0))  # type: ignore[attr-defined]
    await h.rt.tick()
    await asyncio.sleep(0.1)  # the three sends are out, their answers not yet back
    await restart(h)  # graceful: waits for them and records them
    await h.settle()
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))


@pytest.mark.parametrize("kill", ["at-a-random-moment", "in-the-middle-of-a-burst"])
async def test_measured_duplicate_window_over_many_crashes(
    tmp_path: Path, clock: FakeClock, kill: str
) -> None:
    """Kill the process (no further send, no further commit) during a round, again and
    again: every student always has exactly one session per period, and the repeats are the
    sends in flight at the crash — at most one per chat and at most the sender's concurrency.
    The numbers are printed (pytest -s); the report quotes them."""
    async with demo_school(tmp_path / "kohtaamo.sqlite3", clock, rate=100) as h:
        extra = await enrol(h, 57)
        everyone = [*STUDENTS, *extra]
        schedule = await add_schedule(h)
        workers = h.rt.sender._workers_count
        rng = random.Random(20261123)
        crashes, repeated, worst = 6, 0, 0
        for n in range(crashes):
            await h.rt.db.transaction(
                lambda tx: tx.execute(
                    "UPDATE sessions SET status = 'expired' WHERE status = 'open'"
                )
            )
            before = len(await h.client.requests())
            await rounds(h).create_round(h.rt.svc.unit("test"), schedule.id, period=f"crash-{n}")
            if kill == "at-a-random-moment":
                await asyncio.sleep(rng.uniform(0, len(everyone) / 100))
            else:  # the worst case: right after Telegram accepted a burst
                target = before + rng.randrange(1, len(everyone))
                await eventually(
                    lambda: len(h.server.log._entries) >= target,  # noqa: B023 -- awaited here
                    10,
                    "Telegram to accept the burst",
                    every=0,
                )
            await hard_kill(h)
            await restart(h)
            await h.settle()
            log = (await h.client.requests())[before:]
            got = Counter(
                int(r["params"]["chat_id"])
                for r in log
                if r["method"] == "sendMessage" and r["status"] == 200
            )
            assert set(got) == set(everyone)  # nothing lost
            assert max(got.values()) <= 2  # at most the one in-flight message per chat
            repeats = duplicates(got)
            assert repeats <= workers
            repeated += repeats
            worst = max(worst, repeats)
            periods = await sessions_per_student(h)
            assert all(periods[(s, f"crash-{n}")] == 1 for s in everyone)
        print(
            f"\nduplicate window, kill {kill}: {crashes} crashes during rounds to"
            f" {len(everyone)} students at 100 msg/s ({workers} sends in flight at most):"
            f" {repeated} repeated messages of {crashes * len(everyone)}"
            f" ({repeated / crashes:.1f} per crash, worst {worst}); nothing lost; exactly one"
            " session per student and period"
        )


# -- reminders ------------------------------------------------------------------------------


async def test_the_reminder_waits_for_quiet_hours_to_end(bare: Harness) -> None:
    h = bare
    await add_schedule(h, at_time="21:30")
    await advance_to(h, at(2026, 11, 30, 21, 30))  # quiet: the check-in itself waits
    assert await checkins_received(h) == Counter()
    await advance_to(h, at(2026, 12, 1, 8, 0))
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    await h.press(EETU, "Hyvä")  # Eetu has begun; Aino and Linnea have not
    await advance_to(h, at(2026, 12, 1, 21, 30))  # 24 h after the round, but quiet hours
    assert not [t for t in await texts(h, AINO) if "odottaa vielä" in t]
    await advance_to(h, at(2026, 12, 2, 7, 59))
    assert not [t for t in await texts(h, AINO) if "odottaa vielä" in t]
    await advance_to(h, at(2026, 12, 2, 8, 0))
    assert len([t for t in await texts(h, AINO) if "odottaa vielä" in t]) == 1
    assert len([t for t in await texts(h, EETU) if "odottaa vielä" in t]) == 1  # not finished
    await advance_to(h, at(2026, 12, 2, 12, 0))
    assert len([t for t in await texts(h, AINO) if "odottaa vielä" in t]) == 1


async def test_no_reminder_for_an_answered_paused_or_unsent_check_in(bare: Harness) -> None:
    h = bare
    await add_schedule(h)
    await advance_to(h, at(2026, 11, 30, 9, 0))
    for _ in range(12):  # Aino skips through to the end
        await h.press(AINO, "Ohita")
        done = await h.rt.db.fetchval(
            "SELECT status FROM sessions WHERE person_id = (SELECT id FROM persons"
            " WHERE tg_user_id = ?)",
            (AINO,),
        )
        if done == "completed":
            break
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "UPDATE students SET paused_until = ?"
            " WHERE person_id = (SELECT id FROM persons WHERE tg_user_id = ?)",
            (to_db(at(2026, 12, 20, 2, 0)), EETU),
        )
    )
    await advance_to(h, at(2026, 12, 1, 10, 0))
    reminded = {s for s in STUDENTS if reminders(await texts(h, s))}
    assert reminded == {LINNEA}
    await advance_to(h, at(2026, 12, 3, 10, 0))  # 72 h: the open ones expire as missed
    statuses = Counter(r["status"] for r in await h.rt.db.fetchall("SELECT status FROM sessions"))
    assert statuses == Counter({"expired": 2, "completed": 1})


async def test_no_reminder_during_the_groups_break(bare: Harness) -> None:
    h = bare
    await add_schedule(h)
    await advance_to(h, at(2026, 11, 30, 9, 0))
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO school_breaks (name, starts_on, ends_on) VALUES (?,?,?)",
            (
                "syysloma",
                moved(date(2026, 12, 1)).isoformat(),
                moved(date(2026, 12, 6)).isoformat(),
            ),
        )
    )
    await advance_to(h, at(2026, 12, 1, 10, 0))
    await advance_to(h, at(2026, 12, 2, 10, 0))
    assert not [s for s in STUDENTS if reminders(await texts(h, s))]


@pytest.mark.parametrize(
    "message",
    [
        OutMessage(
            5,
            "Moi <b>Äinö</b> 👋",
            buttons=[[Button("😊", "t:0"), Button("Lue", None, "https://example.org")]],
            track={"session": 3, "token": "abc"},
        ),
        OutMessage(5, op="edit", message_id=9, text="ok"),
        OutMessage(5, op="document", file_name="raportti.csv", file_hex="6869"),
        OutMessage(5, op="poll", poll={"question": "Mitä?", "options": ["a", "b"]}),
    ],
)
def test_an_outbox_row_reads_back_as_written_and_as_older_versions_wrote_it(
    message: OutMessage,
) -> None:
    # Rows already queued when the bot is upgraded (or rolled back) are read by the other
    # version: the stored JSON is exactly the dataclass's fields.
    stored = message.to_json()
    assert OutMessage.from_json(stored) == message
    assert json.loads(stored) == dataclasses.asdict(message)
