"""When the detector is unsure whether a message is a crisis, the bot asks the student whether
they are safe — through the stand-in: "not safe" starts the crisis protocol, "safe" is thanked
and the coach is told only with the student's yes, and no answer in time tells the coach at
concern level (as the question said it would)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, STRANGER
from tests.support import buttons

UNSURE = "en jaksa enää"  # tests/test_cues.py keeps this an "ask" for the detector


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    for user in (MATTI, KAISA, SANNA, AINO, EETU, LINNEA):
        await school.say(user, "/start")
    yield school
    refused = [r for r in await school.client.requests() if r["status"] == 400]
    assert refused == []  # every message was valid Telegram HTML


async def new_messages(h: Harness, user: int, since: int) -> list[dict[str, Any]]:
    return (await h.bot_messages(user))[since:]


async def ask(h: Harness, text: str = UNSURE) -> tuple[int, dict[str, Any]]:
    """Aino writes something the detector is unsure of; returns Matti's message count before
    it and the question Aino got."""
    matti_before = len(await h.bot_messages(MATTI))
    aino_before = len(await h.bot_messages(AINO))
    await h.say(AINO, text)
    [question] = await new_messages(h, AINO, aino_before)  # the question, and nothing else
    return matti_before, question


async def test_unsure_message_gets_one_warm_question_and_nobody_is_told_yet(h: Harness) -> None:
    matti_before, question = await ask(h)
    assert "oletko turvassa juuri nyt?" in question["text"]
    assert "Aino, kiitos, että kirjoitit" in question["text"]
    assert "Jos et vastaa 60 minuutin sisällä" in question["text"]
    assert "omavalmentajasi Matti kysyy, miten voit" in question["text"]
    assert buttons(question) == ["😟 En ole turvassa / mietin sitä", "🙂 Olen turvassa"]
    assert "Luin viestisi" not in question["text"]
    assert len(await h.bot_messages(MATTI)) == matti_before  # no alarm for a maybe
    # A second unsure message while the question waits does not ask again.
    await h.say(AINO, "en kestä enää")
    assert (await h.bot_messages(AINO))[-1]["message_id"] != question["message_id"]
    assert "oletko turvassa" not in await h.last_text(AINO)


async def test_not_safe_starts_the_crisis_protocol(h: Harness) -> None:
    matti_before, _ = await ask(h)
    aino_before = len(await h.bot_messages(AINO))
    await h.press(AINO, "En ole turvassa")
    reply = await h.last_text(AINO)
    assert "112" in reply
    assert "09 2525 0111" in reply
    assert "Matti saa viestin" in reply
    assert "saanut tiedon" not in reply
    edited = (await h.bot_messages(AINO))[aino_before - 1]
    assert "Vastasit, ettet ole turvassa" in edited["text"]
    assert buttons(edited) == []
    alerts = await new_messages(h, MATTI, matti_before)
    assert len(alerts) == 1
    assert "KRIISI" in alerts[0]["text"]
    assert "en jaksa enää" in alerts[0]["text"]  # what made the bot ask
    assert any("KRIISI" in m["text"] for m in await h.bot_messages(KAISA))  # the backup too


async def test_safe_and_agreeing_to_tell_reaches_the_coach_at_concern_level(h: Harness) -> None:
    matti_before, _ = await ask(h)
    await h.press(AINO, "Olen turvassa")
    follow_up = (await h.bot_messages(AINO))[-1]
    assert "Hyvä kuulla" in follow_up["text"]
    assert "/jutellaan" in follow_up["text"]
    assert "Saako omavalmentajasi Matti tietää" in follow_up["text"]
    assert len(await h.bot_messages(MATTI)) == matti_before  # nothing before the yes
    await h.press(AINO, "Kyllä, saa kertoa")
    assert "omavalmentajasi Matti saa tiedon" in await h.last_text(AINO)
    [alert] = await new_messages(h, MATTI, matti_before)
    assert "Huoli" in alert["text"]
    assert "KRIISI" not in alert["text"]
    assert "halusi, että saat tiedon" in alert["text"]


async def test_safe_and_keeping_it_tells_nobody(h: Harness) -> None:
    matti_before, _ = await ask(h)
    await h.press(AINO, "Olen turvassa")
    await h.press(AINO, "Ei tarvitse")
    assert "en kerro tästä kenellekään" in await h.last_text(AINO)
    await h.advance(timedelta(hours=2))  # and the deadline passing changes nothing
    assert len(await h.bot_messages(MATTI)) == matti_before
    assert not [m for m in await h.bot_messages(KAISA) if "Aino" in m.get("text", "")]


async def test_no_answer_in_time_tells_the_coach_at_concern_level(h: Harness) -> None:
    matti_before, _ = await ask(h)
    aino_count = len(await h.bot_messages(AINO))
    await h.advance(timedelta(minutes=59))
    assert len(await h.bot_messages(MATTI)) == matti_before
    await h.advance(timedelta(minutes=2))
    [alert] = await new_messages(h, MATTI, matti_before)
    assert "Huoli" in alert["text"]
    assert "eikä vastannut" in alert["text"]
    assert len(await h.bot_messages(AINO)) == aino_count  # she was told this in the question
    # A late "safe" is answered honestly: the coach was already asked to check on her.
    await h.press(AINO, "Olen turvassa")
    assert "pyysin jo" in await h.last_text(AINO)
    assert len(await h.bot_messages(MATTI)) == matti_before + 1


async def test_someone_not_enrolled_gets_the_crisis_contacts(h: Harness) -> None:
    await h.say(STRANGER, UNSURE)
    reply = await h.last_text(STRANGER)
    assert "112" in reply
    assert "09 2525 0111" in reply


async def test_only_the_student_can_answer_their_question(h: Harness) -> None:
    _, question = await ask(h)
    data = question["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    matti_before = len(await h.bot_messages(MATTI))
    own = (await h.bot_messages(EETU))[-1]  # any message of the bot in Eetu's chat to press on
    query = await h.client.press(EETU, own["message_id"], data, force=True)
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert answer.get("text")
    assert len(await h.bot_messages(MATTI)) == matti_before
    assert buttons((await h.bot_messages(AINO))[-1]) != []  # Aino can still answer


async def test_not_safe_during_a_check_in_stops_it_without_the_cheerful_closing(
    h: Harness,
) -> None:
    await h.say(AINO, "/kuulumiset")
    await h.press(AINO, "🙂 Hyvä")
    await h.say(AINO, UNSURE)  # typed while a button question waits
    assert "oletko turvassa juuri nyt?" in await h.last_text(AINO)
    await h.press(AINO, "En ole turvassa")
    texts = [m["text"] for m in await h.bot_messages(AINO)]
    crisis_at = next(i for i, t in enumerate(texts) if "09 2525 0111" in t)
    assert [t for t in texts[crisis_at + 1 :]] == [
        "Kiitos vastauksistasi, Aino. Lopetetaan kysely tähän – nyt tärkeintä on, että saat"
        " tukea. Avun yhteystiedot ovat yllä, ja /apua näyttää ne uudelleen."
    ]
    status = await h.rt.db.fetchval("SELECT status FROM sessions ORDER BY id DESC LIMIT 1")
    assert status == "completed"
