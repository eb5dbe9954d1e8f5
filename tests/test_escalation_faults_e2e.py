"""A human is reached every time, and the student is told only what is true (issue 16), through
the stand-in: further crisis messages ring the coach again (one notification per burst), an
alert nobody can receive goes on at once, writing to the bot again clears "unreachable", and
alerts queued for a case that changed are withdrawn."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services import people
from bot.services.demo import DEMO_PERSONAS, seed_demo
from bot.storage.db import Tx
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA
from tests.support import buttons, inbox, weekly

ROOPE = 2005  # a second coordinator
CRISIS = "Oli ihan ok viikko. Mut välillä mietin et haluun tappaa itteni."


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    for user in (MATTI, KAISA, SANNA, AINO, EETU, LINNEA):
        await school.say(user, "/start")
    yield school
    refused = [r for r in await school.client.requests() if r["status"] == 400]
    assert refused == []


async def notifications(h: Harness, user: int) -> int:
    """New messages Telegram delivered to the user (a phone rings for these, not for edits)."""
    return sum(
        1
        for r in await h.client.requests()
        if r["method"] == "sendMessage"
        and r["status"] == 200
        and int(r["params"]["chat_id"]) == user
    )


async def add_coordinator(h: Harness) -> None:
    now = h.rt.clock.now()

    async def add(tx: Tx) -> int:
        return await people.create_person(
            tx, now, "Roope Rehtori", roles=("coordinator",), tg_user_id=ROOPE
        )

    await h.rt.db.transaction(add)
    await h.client.create_user(ROOPE, "Roope", last_name="Rehtori")
    await h.say(ROOPE, "/start")


# -- 1. every further crisis message rings again, once per burst --------------------------------


async def test_a_further_crisis_message_is_a_new_alert_asking_to_acknowledge_again(
    h: Harness,
) -> None:
    await h.say(AINO, CRISIS)
    matti, kaisa = await notifications(h, MATTI), await notifications(h, KAISA)
    await h.advance(timedelta(minutes=20))  # e.g. the next evening, or twenty minutes later
    await h.say(AINO, "en jaksa enää elää")
    # Nobody acknowledged: the coach and the backup each get a new message, not an edit.
    assert await notifications(h, MATTI) == matti + 1
    assert await notifications(h, KAISA) == kaisa + 1
    again = (await inbox(h, MATTI))[-1]
    assert "Uusi kriisiviesti" in again["text"]
    assert "en jaksa enää elää" in again["text"]
    assert "✋ Otan yhteyttä" in buttons(again)

    # Matti acknowledges; a new crisis message asks him (the holder) again, not the backup.
    await h.press(MATTI, "Otan yhteyttä")
    kaisa = await notifications(h, KAISA)
    await h.advance(timedelta(minutes=20))
    await h.say(AINO, "haluun kuolla")
    assert await notifications(h, MATTI) == matti + 2
    assert await notifications(h, KAISA) == kaisa
    again = (await inbox(h, MATTI))[-1]
    assert "haluun kuolla" in again["text"]
    assert "✋ Otan yhteyttä" in buttons(again)
    concern = await h.rt.db.fetchone("SELECT status, ack_deadline FROM concerns")
    assert concern is not None
    assert concern["status"] == "open"
    assert concern["ack_deadline"] is not None  # unacknowledged, it goes on to the coordinator
    await h.press(MATTI, "Otan yhteyttä")
    assert "Matti on nähnyt, mitä kerroit" in await h.last_text(AINO)


async def test_a_burst_of_crisis_messages_makes_one_new_alert_with_all_of_them(
    h: Harness,
) -> None:
    await h.say(AINO, CRISIS)
    first = await notifications(h, MATTI)
    for text in ("haluun kuolla", "en jaksa enää elää", "mä satutan itteeni"):
        await h.advance(timedelta(seconds=40))
        await h.say(AINO, text)
    assert await notifications(h, MATTI) == first  # within the window: the alert is updated
    assert "mä satutan itteeni" in (await inbox(h, MATTI))[0]["text"]
    await h.advance(timedelta(minutes=5))
    assert await notifications(h, MATTI) == first + 1  # then one new message with them all
    again = (await inbox(h, MATTI))[-1]["text"]
    assert "haluun kuolla" in again
    assert "mä satutan itteeni" in again


# -- 5. a queued alert of a case that changed is withdrawn ---------------------------------------


async def test_an_alert_waiting_for_its_window_is_withdrawn_once_acknowledged(h: Harness) -> None:
    await h.say(AINO, CRISIS)
    await h.advance(timedelta(minutes=10))
    await h.say(AINO, "haluun kuolla")  # a new alert at once
    await h.advance(timedelta(seconds=30))
    await h.say(AINO, "en jaksa enää elää")  # waits for the end of the window
    matti, kaisa = await notifications(h, MATTI), await notifications(h, KAISA)
    await h.press(KAISA, "Otan yhteyttä")
    await h.advance(timedelta(minutes=10))
    assert await notifications(h, MATTI) == matti  # nothing delivered as if still open
    assert await notifications(h, KAISA) == kaisa


# -- 3. any update proves a person is reachable -------------------------------------------------


async def test_staff_marked_unreachable_before_their_first_message_get_alerts_once_they_write(
    school: Harness,
) -> None:
    h = school
    await h.say(KAISA, "/start")  # Matti has not opened his chat with the bot yet
    await h.say(EETU, "/jutellaan")
    await h.press(EETU, "Puhelimessa")
    assert await notifications(h, MATTI) == 0  # Telegram refused: he never started the bot
    assert await notifications(h, KAISA) == 2  # the greeting, and the alert went to the backup
    await h.say(MATTI, "/start")
    await h.say(AINO, "/jutellaan")
    await h.press(AINO, "Puhelimessa")
    alert = (await inbox(h, MATTI))[-1]["text"]
    assert "Aino Laine" in alert


# -- 4. an alert nobody can receive goes on at once; the student hears only what is true ---------


async def test_an_undeliverable_crisis_alert_goes_on_at_once_and_the_student_hears_the_truth(
    h: Harness,
) -> None:
    await add_coordinator(h)
    await h.client.deactivate(MATTI)
    await h.client.deactivate(KAISA)
    await h.say(EETU, "mä haluun vaan kuolla")  # no clock move: "at once"
    [alert] = await inbox(h, ROOPE)
    assert "KRIISI" in alert["text"]
    assert "Eetu Nieminen" in alert["text"]
    reply = (await inbox(h, EETU))[0]["text"]
    assert "saanut tiedon" not in reply
    assert "lähtee heti" in reply
    await h.press(ROOPE, "Otan yhteyttä")
    assert "Roope Rehtori koulultasi on nähnyt, mitä kerroit" in await h.last_text(EETU)


# -- 7. the digest's day and time, and same-day alerts, are school settings ---------------------


@contextlib.asynccontextmanager
async def school_with(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, **env: str
) -> AsyncIterator[Harness]:
    """The demo school with the staff's chats open, under the given RISK_ settings."""
    for name, value in env.items():
        monkeypatch.setenv(f"RISK_{name.upper()}", value)
    h = Harness(tmp_path / "kohtaamo.sqlite3", clock=clock)
    await h.start()
    try:
        await seed_demo(h.rt.db, clock.now())
        for persona in DEMO_PERSONAS:
            first, last = persona.name.split()
            await h.client.create_user(persona.tg_user_id, first, last_name=last)
        for user in (MATTI, KAISA, SANNA):
            await h.say(user, "/start")
        yield h
    finally:
        await h.stop()


async def test_the_student_is_told_when_the_digest_goes_on_the_schools_day(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with school_with(
        tmp_path, clock, monkeypatch, digest_weekday="3", digest_time="14:00"
    ) as h:
        await weekly(h, AINO, mood="Huono")
        told = [m["text"] for m in await h.bot_messages(AINO) if "yhteenvedosta" in m["text"]]
        assert told
        assert "näkee viikkoyhteenvedosta to" in told[0]
        assert "klo 14.00" in told[0]
        assert await inbox(h, MATTI) == []
        await h.advance(timedelta(days=3, hours=3, minutes=30))  # Thursday 13:30
        assert await inbox(h, MATTI) == []
        await h.advance(timedelta(minutes=31))  # Thursday 14:01, as told
        [digest] = await inbox(h, MATTI)
        assert "Viikkokooste" in digest["text"]
        assert "Aino Laine" in digest["text"]


async def test_a_school_can_have_every_hard_week_reach_the_coach_the_same_day(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with school_with(tmp_path, clock, monkeypatch, same_day_from="info") as h:
        await weekly(h, AINO, mood="Huono")
        [alert] = await inbox(h, MATTI)  # Monday 10:00: the same day, not next Monday
        assert "Aino Laine" in alert["text"]
        told = await h.bot_messages(AINO)
        assert any("Matti näkee jo ma" in m["text"] for m in told)
        assert not any("yhteenvedosta" in m["text"] for m in told)


# -- 6. after hours, honestly ------------------------------------------------------------------

SATURDAY_0012 = timedelta(days=4, hours=14, minutes=12)  # from Monday 10:00


async def test_after_hours_the_student_hears_when_school_opens_and_monday_shows_the_night(
    h: Harness,
) -> None:
    await h.advance(SATURDAY_0012)
    await h.say(EETU, "mä haluun vaan kuolla")
    reply = (await inbox(h, EETU))[0]["text"]
    assert "seuraavaa koulupäivää, joka alkaa ma" in reply
    assert "klo 08.00" in reply
    await h.advance(timedelta(hours=9))  # Saturday 09:12: Matti happens to look
    await h.press(MATTI, "Otan yhteyttä")
    await h.say(AINO, "haluun tappaa itteni")  # Sunday night: nobody acknowledges this one
    kaisa = len(await inbox(h, KAISA))
    await h.advance(timedelta(days=1, hours=22, minutes=40))  # Monday 07:52: not yet
    assert len(await inbox(h, KAISA)) == kaisa
    await h.advance(timedelta(minutes=10))  # Monday 08:02: school is open
    report = (await inbox(h, KAISA))[-1]["text"]
    assert "Koulupäivän ulkopuolella tulleet kriisiviestit" in report
    assert "Eetu Nieminen (SÄH23A), la" in report
    assert "kuittasi Matti Virtanen la" in report
    assert "Aino Laine (SÄH23A), la" in report
    assert "ei vielä kuitattu" in report
    await h.advance(timedelta(hours=2))
    assert len(await inbox(h, KAISA)) == kaisa + 1  # once per morning


async def test_a_school_on_call_person_gets_crises_outside_hours_and_the_student_knows(
    tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with school_with(
        tmp_path,
        clock,
        monkeypatch,
        after_hours_tg_id=str(ROOPE),
        after_hours_service="Sosiaalipäivystys 0800 12345",
    ) as h:
        now = h.rt.clock.now()

        async def add(tx: Tx) -> int:
            return await people.create_person(
                tx, now, "Roope Rehtori", roles=("coach",), tg_user_id=ROOPE
            )

        await h.rt.db.transaction(add)
        await h.client.create_user(ROOPE, "Roope", last_name="Rehtori")
        await h.say(ROOPE, "/start")
        await h.say(AINO, "haluun kuolla")  # Monday 10:00: school hours, no on-call
        assert await inbox(h, ROOPE) == []
        await h.advance(SATURDAY_0012)
        await h.say(EETU, "mä haluun vaan kuolla")
        [alert] = await inbox(h, ROOPE)
        assert "Eetu Nieminen" in alert["text"]
        assert "päivystäjänä" in alert["text"]
        reply = next(m["text"] for m in await h.bot_messages(EETU) if "kiitos" in m["text"])
        assert "päivystäjälle: Roope Rehtori" in reply
        assert "Sosiaalipäivystys 0800 12345" in reply
        await h.press(ROOPE, "Otan yhteyttä")
        assert "Roope Rehtori" in await h.last_text(EETU)


async def test_an_alert_held_for_working_hours_is_withdrawn_when_the_case_is_closed(
    h: Harness,
) -> None:
    await h.advance(timedelta(days=5, hours=2))  # Saturday 12:00
    await weekly(h, EETU, quitting="Kyllä")  # urgent: Matti's alert waits for Monday 08:00
    assert await inbox(h, MATTI) == []
    await h.say(KAISA, "/seuranta")  # the coordinator closes the case on Saturday
    await h.press(KAISA, "🗂️ 1.")
    await h.press(KAISA, "Sulje tapaus")
    await h.press(KAISA, "Siirtynyt toiseen koulutukseen")
    assert "Tapaus suljettu" in await h.last_text(KAISA)
    await h.advance(timedelta(days=2))  # Monday 12:00
    assert [m for m in await inbox(h, MATTI) if "Eetu Nieminen" in m["text"]] == []
