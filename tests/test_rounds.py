"""Scheduled rounds through the stand-in on a fake clock: on time, once per period, in the
right hour, around pauses, blocks and downtime, and across restarts at every step."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from bot.clock import to_db
from bot.harness import Harness
from bot.scheduling import store
from bot.scheduling.calendar import SchoolCalendar
from bot.services import people
from bot.services.checkins.schedules import report_text
from bot.storage.db import Tx
from tests.conftest import (
    AINO,
    EETU,
    HELSINKI,
    KAISA,
    LINNEA,
    MATTI,
    SANNA,
    moved,
    moved_text,
    week_key,
)
from tests.support import (
    STUDENTS,
    add_schedule,
    advance_to,
    at,
    checkins_received,
    enrol,
    group_id,
    hard_kill,
    open_chats,
    restart,
    round_rows,
    rounds,
    sessions_per_student,
)


def next_round() -> datetime:
    """09:00 on the Monday of the weekly round after the one on 30 Nov 2026: normally 7 Dec.
    In a year whose Monday is a public holiday (Independence Day on 6 Dec 2027) the schedule
    skips that round, so the next one is a week later."""
    day = moved(date(2026, 12, 7))
    while SchoolCalendar([]).blocked(day) is not None:
        day += timedelta(weeks=1)
    return datetime.combine(day, time(9, 0), HELSINKI).astimezone(UTC)


@pytest.fixture
async def weekly(school: Harness) -> Harness:
    """The demo school with a weekly check-in on Mondays at 9, everyone's chat open. The
    clock stands at Monday 23 Nov 10:00, so the first round is Monday 30 Nov."""
    await open_chats(school, *STUDENTS, MATTI, SANNA, KAISA)
    await add_schedule(school)
    return school


# -- on time, once ------------------------------------------------------------------------------


async def test_each_student_gets_the_weekly_check_in_once_at_nine(weekly: Harness) -> None:
    h = weekly
    await advance_to(h, at(2026, 11, 30, 8, 59))
    assert await checkins_received(h) == Counter()
    await advance_to(h, at(2026, 11, 30, 9, 0))
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    assert "Moi Aino!" in await h.last_text(AINO)
    assert "Hej Linnea!" in await h.last_text(LINNEA)
    for _ in range(3):  # later ticks the same day and week send nothing more
        await h.advance(timedelta(hours=5))
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    await advance_to(h, next_round())
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 2))
    periods = await sessions_per_student(h)
    assert set(periods.values()) == {1}
    assert len(periods) == 6
    assert {k for _, k in periods} == {week_key(at(2026, 11, 30)), week_key(next_round())}
    # the check-in works like any other: the student answers from the round's message
    await h.press(AINO, "Tosi hyvä")
    assert "Miten opiskelu on sujunut tällä viikolla?" in await h.last_text(AINO)


async def test_skipped_students_are_counted_and_the_coach_hears_of_a_block_once(
    weekly: Harness,
) -> None:
    h = weekly
    eetu = await h.rt.db.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (EETU,))
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "UPDATE students SET paused_until = ? WHERE person_id = ?",
            (to_db(at(2026, 12, 5, 0, 0)), eetu),
        )
    )
    now = h.rt.clock.now()
    gid = await group_id(h)

    async def invite(tx: Tx) -> None:
        pid = await people.create_person(tx, now, "Ville Kutsuttu")
        await people.add_student(tx, now, pid, group_id=gid, coach_id=None)

    await h.rt.db.transaction(invite)
    await h.client.block(LINNEA)  # Telegram tells the bot at once (my_chat_member)
    await h.settle()
    note = await h.last_text(MATTI)
    assert "Linnea Berg (SÄH23A)" in note
    assert "estänyt" in note

    await advance_to(h, at(2026, 11, 30, 9, 0))
    assert await checkins_received(h) == Counter({AINO: 1})
    [recorded] = await round_rows(h)
    assert recorded["status"] == "sent"
    assert recorded["note"]["counts"] == {
        "queued": 1,
        "already": 0,
        "in_progress": 0,
        "paused": 1,
        "unreachable": 1,
        "inactive": 1,
    }
    # a week later Eetu's pause is over and Linnea has unblocked the bot
    await h.client.unblock(LINNEA)
    await h.settle()
    await advance_to(h, next_round())
    assert await checkins_received(h) == Counter({AINO: 2, EETU: 1, LINNEA: 1})
    notes = [m for m in await h.bot_messages(MATTI) if "estänyt" in m["text"]]
    assert len(notes) == 1


async def test_a_deactivated_account_fails_once_and_the_coach_is_told_once(
    weekly: Harness,
) -> None:
    h = weekly
    await h.client.deactivate(EETU)  # no update: the bot learns it from a refused send
    await advance_to(h, at(2026, 11, 30, 9, 0))
    assert await checkins_received(h) == Counter({AINO: 1, LINNEA: 1})
    unreachable = await h.rt.db.fetchval(
        "SELECT unreachable_at FROM persons WHERE tg_user_id = ?", (EETU,)
    )
    assert unreachable is not None
    await advance_to(h, next_round())  # the next round skips him: no new refusal
    refused = [
        r
        for r in await h.client.requests()
        if r["status"] == 403 and r["params"]["chat_id"] == str(EETU)
    ]
    assert len(refused) == 1
    notes = [
        m for m in await h.bot_messages(MATTI) if "Eetu Nieminen" in m["text"] and "📵" in m["text"]
    ]
    assert len(notes) == 1, [n["text"] for n in notes]
    assert "SÄH23A" in notes[0]["text"], notes[0]["text"]


async def test_quiet_hours_hold_the_message_until_they_end(weekly: Harness) -> None:
    h = weekly
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "UPDATE students SET quiet_start = '22:00', quiet_end = '06:30'"
            " WHERE person_id = (SELECT id FROM persons WHERE tg_user_id = ?)",
            (EETU,),
        )
    )
    await add_schedule(h, flow_id="aloituskysely", weekdays=(1,), at_time="07:00")
    await advance_to(h, at(2026, 12, 1, 7, 0))  # Tuesday 07:00: Eetu's quiet hours are over
    started = [m for m in await h.bot_messages(EETU) if "Tervetuloa opiskelemaan" in m["text"]]
    assert len(started) == 1
    for student in (AINO, LINNEA):  # quiet until 08:00
        texts = [m["text"] for m in await h.bot_messages(student)]
        assert not [t for t in texts if "Tervetuloa" in t or "Välkommen" in t]
    assert (
        await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions WHERE flow_id = 'aloituskysely'") == 3
    )
    await advance_to(h, at(2026, 12, 1, 7, 59))
    assert "Tervetuloa" not in await h.last_text(AINO)
    await advance_to(h, at(2026, 12, 1, 8, 0))
    assert "Tervetuloa opiskelemaan" in await h.last_text(AINO)
    assert "Välkommen" in await h.last_text(LINNEA)


# -- downtime -------------------------------------------------------------------------------


async def test_a_round_missed_within_the_grace_window_is_caught_up(weekly: Harness) -> None:
    h = weekly
    await advance_to(h, at(2026, 11, 29, 18, 0))
    await restart(h, at_moment=at(2026, 11, 30, 14, 30))
    await h.advance(timedelta(seconds=30))
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    [recorded] = await round_rows(h)
    assert recorded["status"] == "sent"
    assert recorded["note"]["late_minutes"] == 330


async def test_a_round_missed_beyond_the_grace_window_is_skipped_and_staff_told_once(
    weekly: Harness,
) -> None:
    h = weekly
    await advance_to(h, at(2026, 11, 29, 18, 0))
    await restart(h, at_moment=at(2026, 12, 1, 10, 0))
    await h.advance(timedelta(seconds=30))
    assert await checkins_received(h) == Counter()
    [recorded] = await round_rows(h)
    assert recorded["status"] == "missed"
    assert recorded["period_key"] == week_key(at(2026, 11, 30))
    for staff in (KAISA, SANNA):  # the coordinator and the group's group coach
        note = await h.last_text(staff)
        assert "Kyselyjä jäi lähettämättä" in note
        assert moved_text("SÄH23A: Viikon kuulumiset, ma 30.11. klo 9.00") in note
    assert not [m for m in await h.bot_messages(MATTI) if "lähettämättä" in m["text"]]
    await restart(h)
    await h.advance(timedelta(hours=1))
    for staff in (KAISA, SANNA):
        assert len([m for m in await h.bot_messages(staff) if "lähettämättä" in m["text"]]) == 1
    await advance_to(h, next_round())  # the next round goes out as usual
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))


async def test_the_grace_window_is_configurable(weekly: Harness) -> None:
    h = weekly
    rounds(h).grace = timedelta(minutes=30)
    await advance_to(h, at(2026, 11, 30, 8, 0))
    await restart(h, at_moment=at(2026, 11, 30, 9, 45))
    rounds(h).grace = timedelta(minutes=30)
    await h.advance(timedelta(seconds=30))
    assert [r["status"] for r in await round_rows(h)] == ["missed"]


# -- restarts at every step of a round ----------------------------------------------------------


async def test_killed_after_the_round_commits_but_before_sending(weekly: Harness) -> None:
    h = weekly
    await h.rt.sender.stop(grace=0)  # the process dies: nothing more leaves it
    h.clock.set(at(2026, 11, 30, 9, 0))  # type: ignore[attr-defined]
    await h.rt.tick()
    assert await checkins_received(h) == Counter()
    assert len(await round_rows(h)) == 1
    await restart(h)
    await h.settle()
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    await h.advance(timedelta(minutes=1))
    assert len(await round_rows(h)) == 1
    assert set((await sessions_per_student(h)).values()) == {1}


async def test_a_crash_inside_the_round_leaves_nothing_and_the_next_start_does_it_once(
    weekly: Harness,
) -> None:
    h = weekly
    service = rounds(h)
    original = service.handlers["checkin"]

    async def crash_half_way(tx: Tx, ctx: Any) -> Any:
        await original(tx, ctx)  # sessions and outbox rows written …
        raise RuntimeError("power cut")  # … and then the process dies before the commit

    service.handlers["checkin"] = crash_half_way
    await advance_to(h, at(2026, 11, 30, 9, 0))
    assert await round_rows(h) == []
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions") == 0
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM outbox WHERE round_id IS NOT NULL") == 0
    await restart(h)
    await h.advance(timedelta(seconds=30))
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    assert len(await round_rows(h)) == 1


async def test_killed_after_telegram_accepted_but_before_the_send_was_recorded(
    weekly: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one window Telegram's missing idempotency key leaves: the repeat is that one
    message, once, and the student still has exactly one session for the period."""
    h = weekly
    frozen = asyncio.Event()

    async def freeze(_self: Any, _row: Any, _sent: Any) -> None:  # Sender._mark_sent's
        frozen.set()
        await asyncio.Event().wait()  # the process stops here, before the commit

    from bot.telegram.sender import Sender

    monkeypatch.setattr(Sender, "_mark_sent", freeze)
    h.clock.set(at(2026, 11, 30, 9, 0))  # type: ignore[attr-defined]
    await h.rt.tick()
    await asyncio.wait_for(frozen.wait(), 5)
    await h.rt.sender.stop(grace=0)  # kill
    monkeypatch.undo()
    assert await checkins_received(h) == Counter(dict.fromkeys(STUDENTS, 1))
    await restart(h)
    await h.settle()
    received = await checkins_received(h)
    assert received == Counter(dict.fromkeys(STUDENTS, 2))  # each repeated once, no more
    assert set((await sessions_per_student(h)).values()) == {1}
    await h.press(AINO, "Hyvä")  # either copy answers the one session
    await restart(h)
    await h.settle()
    assert await checkins_received(h) == received


@pytest.mark.parametrize("step", ["before-due", "committed", "half-sent", "all-sent"])
async def test_restart_at_each_step_gives_one_session_and_at_most_one_repeat(
    weekly: Harness, step: str
) -> None:
    h = weekly
    extra = await enrol(h, 12)
    everyone = [*STUDENTS, *extra]
    if step == "before-due":
        await advance_to(h, at(2026, 11, 30, 8, 59))
    elif step == "committed":
        await h.rt.sender.stop(grace=0)
        h.clock.set(at(2026, 11, 30, 9, 0))  # type: ignore[attr-defined]
        await h.rt.tick()
    elif step == "half-sent":
        # six sends reach Telegram but their answers are slow: the kill lands among them
        await h.client.inject_fault("sendMessage", status=200, hang_seconds=1.0, count=6)
        h.clock.set(at(2026, 11, 30, 9, 0))  # type: ignore[attr-defined]
        await h.rt.tick()
        await asyncio.sleep(0.5)
        await hard_kill(h)
    else:
        await advance_to(h, at(2026, 11, 30, 9, 0))
    await restart(h)
    await advance_to(h, at(2026, 11, 30, 9, 30))
    received = await checkins_received(h)
    assert set(received) == set(everyone)
    assert all(1 <= received[s] <= 2 for s in everyone)
    assert len(await round_rows(h)) == 1
    periods = await sessions_per_student(h)
    assert {periods[(s, week_key(at(2026, 11, 30)))] for s in everyone} == {1}


async def test_a_big_round_is_written_in_chunks_each_student_once(weekly: Harness) -> None:
    """Issue 22.3: a round is written ROUND_CHUNK students per transaction and each chunk is
    handed to the sender as it commits; the round's counts are the whole round's."""
    h = weekly
    extra = await enrol(h, 12)
    service = rounds(h)
    service.chunk = 4  # 15 students: four chunks
    original = service.handlers["checkin"]
    calls: list[int] = []

    async def counting(tx: Tx, ctx: Any) -> Any:
        calls.append(ctx.round_id)
        return await original(tx, ctx)

    service.handlers["checkin"] = counting
    await advance_to(h, at(2026, 11, 30, 9, 0))
    await h.settle()
    assert len(calls) == 4
    assert len(set(calls)) == 1
    assert await checkins_received(h) == Counter(dict.fromkeys([*STUDENTS, *extra], 1))
    (row,) = await round_rows(h)
    assert row["pending"] == 0
    assert row["note"]["counts"]["queued"] == 15


async def test_a_crash_between_chunks_and_the_next_start_resumes_the_round_once(
    weekly: Harness,
) -> None:
    """Issue 22.3: the power goes in the third of four chunks, after two have committed (and
    gone out): a pending round is left; the next start writes only the students still
    without a session — one session and one question each, and the round's counts whole."""
    h = weekly
    extra = await enrol(h, 12)
    everyone = [*STUDENTS, *extra]
    service = rounds(h)
    service.chunk = 4
    original = service.handlers["checkin"]

    async def power_cut_in_the_third_chunk(tx: Tx, ctx: Any) -> Any:
        result = await original(tx, ctx)  # sessions and outbox rows written …
        if await tx.fetchval("SELECT COUNT(*) FROM sessions") > 8:
            raise RuntimeError("power cut")  # … and the process dies before this commit
        return result

    service.handlers["checkin"] = power_cut_in_the_third_chunk
    await advance_to(h, at(2026, 11, 30, 9, 0))
    await h.settle()
    (row,) = await round_rows(h)
    assert row["pending"] == 1
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions") == 8  # two chunks landed
    first_two = await checkins_received(h)
    assert sum(first_two.values()) == 8  # and went out without waiting for the rest

    await restart(h)
    await advance_to(h, at(2026, 11, 30, 9, 30))
    assert await checkins_received(h) == Counter(dict.fromkeys(everyone, 1))
    periods = await sessions_per_student(h)
    assert {periods[(s, week_key(at(2026, 11, 30)))] for s in everyone} == {1}
    (row,) = await round_rows(h)
    assert row["pending"] == 0
    assert row["note"]["counts"]["queued"] == 15


async def test_a_break_skips_or_shifts_the_round_and_the_report_says_why(weekly: Harness) -> None:
    h = weekly
    gid = await group_id(h)
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO school_breaks (name, starts_on, ends_on, group_id) VALUES (?,?,?,?)",
            (
                "leirikoulu",
                moved(date(2026, 11, 30)).isoformat(),
                moved(date(2026, 11, 30)).isoformat(),
                gid,
            ),
        )
    )
    later = await add_schedule(h, flow_id="aloituskysely", on_break="shift")
    await advance_to(h, at(2026, 11, 30, 9, 0))
    assert await checkins_received(h) == Counter()  # the weekly one is skipped
    await advance_to(h, at(2026, 12, 1, 9, 0))  # the shifted one goes on Tuesday
    started = [m for m in await h.bot_messages(AINO) if "Tervetuloa opiskelemaan" in m["text"]]
    assert len(started) == 1
    statuses = {(r["schedule_id"], r["status"]) for r in await round_rows(h)}
    assert statuses == {(later.id - 1, "skipped"), (later.id, "sent")}

    weekly_schedule = await store.get_schedule(h.rt.db, later.id - 1)
    assert weekly_schedule is not None
    assert later is not None
    skipped = await report_text(h.rt.svc, "fi", weekly_schedule)
    assert moved_text("<b>ma 30.11. klo 9.00</b>\nEi kyselyä: leirikoulu") in skipped
    shifted = await report_text(h.rt.svc, "fi", later)
    assert moved_text("<b>ti 1.12. klo 9.00</b>\nLähetetty 3/3 · vastannut 0") in shifted
    assert "Siirretty loman vuoksi: leirikoulu" in shifted
