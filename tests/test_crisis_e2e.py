"""Crisis response through the stand-in: a crisis message anywhere is answered at once with the
crisis contacts — before anything else — and the coach and the backup coach are alerted."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.harness import Harness
from bot.services import people
from bot.storage.db import Tx
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, STRANGER
from tests.support import inbox

ROOPE = 2005  # a second coordinator

CRISIS = "Oli ihan ok viikko. Mut välillä mietin et haluun tappaa itteni."
CRISIS_SENTENCE = "Mut välillä mietin et haluun tappaa itteni."


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    for user in (MATTI, KAISA, SANNA, AINO, EETU, LINNEA):
        await school.say(user, "/start")
    yield school
    refused = [r for r in await school.client.requests() if r["status"] == 400]
    assert refused == []  # every message was valid Telegram HTML


async def sends(h: Harness) -> list[tuple[int, str]]:
    """(chat id, text) of every sendMessage the bot made, in the order Telegram got them."""
    return [
        (int(r["params"]["chat_id"]), str(r["params"].get("text", "")))
        for r in await h.client.requests()
        if r["method"] == "sendMessage" and r["status"] == 200
    ]


async def test_crisis_message_is_answered_first_then_coach_and_backup_are_alerted(
    h: Harness,
) -> None:
    before = len(await sends(h))
    await h.say(AINO, CRISIS)
    log = (await sends(h))[before:]
    chats = [chat for chat, _ in log]
    assert chats[0] == AINO  # the student first
    assert set(chats[1:3]) == {MATTI, KAISA}  # then the coach and the backup, at once
    reply = log[0][1]
    assert "Aino, kiitos, että kerroit tämän" in reply
    # In crisis-work order: thanks, danger now (112), the crisis line, not alone, who is told.
    order = ["kiitos, että kerroit", "112", "09 2525 0111", "Älä jää nyt yksin", "lähtee heti"]
    places = [reply.index(part) for part in order]
    assert places == sorted(places)
    assert "/apua" in reply  # the rest of the services are one command away
    # True at this moment: the alert is on its way, nobody has seen it yet.
    assert "omavalmentajasi Matti saa viestin" in reply
    assert "saanut tiedon" not in reply
    assert "koulupäivän ulkopuolinen" not in reply  # Monday 10:00 is school time
    assert len(await h.bot_messages(AINO)) == 2  # no "Luin viestisi" default reply after it

    [alert] = await inbox(h, MATTI)
    assert "🔴 KRIISI" in alert["text"]
    assert "Aino Laine" in alert["text"]
    assert f"Opiskelija kirjoitti: ”{CRISIS_SENTENCE}”" in alert["text"]
    assert "Oli ihan ok viikko" not in alert["text"]  # only the matching sentence
    assert "Ota yhteyttä heti" in alert["text"]
    [backup] = await inbox(h, KAISA)
    assert "varavalmentajana, koska kyse on kriisistä" in backup["text"]

    concern = await h.rt.db.fetchone("SELECT * FROM concerns")
    assert concern is not None
    assert concern["level"] == "crisis"
    assert CRISIS_SENTENCE in concern["reasons"]
    assert "Oli ihan ok" not in concern["reasons"]
    # Only categories are kept of the message (no text column exists in cue_hits).
    cues = await h.rt.db.fetchall("SELECT category, negated FROM cue_hits")
    assert [(r["category"], r["negated"]) for r in cues] == [("crisis", 0)]


async def test_outside_school_hours_the_reply_points_to_the_24_7_line(h: Harness) -> None:
    await h.advance(timedelta(days=5, hours=12))  # Saturday 22:00
    await h.say(EETU, "en jaksa enää elää")
    reply = (await h.bot_messages(EETU))[-1]["text"]
    assert "koulupäivän ulkopuolinen aika" in reply
    assert "ei ehkä näe viestiä ennen seuraavaa koulupäivää" in reply
    assert "MIELI Kriisipuhelimeen 09 2525 0111 – se päivystää aina" in reply
    # The alert still goes out at once, whatever the hour.
    assert len(await inbox(h, MATTI)) == 1
    assert len(await inbox(h, KAISA)) == 1


async def test_crisis_typed_as_a_check_in_answer_is_stored_and_alerted_once(h: Harness) -> None:
    await h.say(AINO, "/kuulumiset")
    for _ in range(7):
        await h.press(AINO, "Ohita")
    assert "Onko mielessäsi vielä jotain" in await h.last_text(AINO)
    await h.say(AINO, CRISIS)
    texts = [m["text"] for m in await h.bot_messages(AINO)]
    crisis_at = next(i for i, t in enumerate(texts) if "09 2525 0111" in t)
    closing_at = next(i for i, t in enumerate(texts) if "Lopetetaan kysely tähän" in t)
    assert crisis_at < closing_at
    assert not [t for t in texts[crisis_at:] if "Nähdään" in t]  # no cheerful closing
    # The student was told once that the coach knows; the rule did not repeat it.
    assert sum("saa heti tiedon" in t for t in texts) == 0
    answer = await h.rt.db.fetchval("SELECT value FROM answers WHERE question_id = 'vapaa'")
    assert json.loads(answer) == CRISIS  # the answer itself is kept with the check-in
    assert len(await inbox(h, MATTI)) == 1
    assert len(await inbox(h, KAISA)) == 1
    # One message, one notification: the check-in's own crisis rule on the same words does not
    # ring the coach again a few minutes later.
    await h.advance(timedelta(minutes=30))
    assert len(await inbox(h, MATTI)) == 1
    assert len(await inbox(h, KAISA)) == 1
    concern = await h.rt.db.fetchone("SELECT * FROM concerns")
    assert concern is not None
    rules = [r["rule"] for r in json.loads(concern["reasons"])]
    assert rules == ["crisis-message", "crisis-text"]


async def test_crisis_while_a_button_answer_is_awaited_stops_the_check_in_at_once(
    h: Harness,
) -> None:
    await h.say(EETU, "/kuulumiset")
    await h.press(EETU, "🙂 Hyvä")
    question = (await h.bot_messages(EETU))[-1]
    assert question.get("reply_markup")  # a question waits for a button
    await h.say(EETU, "mä haluun vaan kuolla")
    texts = [m["text"] for m in await h.bot_messages(EETU)]
    crisis_at = next(i for i, t in enumerate(texts) if "09 2525 0111" in t)
    assert not [t for t in texts if "En ihan saanut kiinni" in t]  # no confused hint
    # The rest of the check-in stops now, after the crisis reply, kindly: no more questions,
    # no cheerful closing, and the waiting question's buttons are gone.
    closing = texts[crisis_at + 1 :]
    assert len(closing) == 1
    assert "Lopetetaan kysely tähän" in closing[0]
    assert "Nähdään" not in closing[0]
    [waiting] = [m for m in await h.bot_messages(EETU) if m["message_id"] == question["message_id"]]
    assert not waiting.get("reply_markup", {}).get("inline_keyboard")
    row = await h.rt.db.fetchone("SELECT id, status FROM sessions ORDER BY id DESC LIMIT 1")
    assert row is not None
    assert row["status"] == "completed"
    answered = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM answers WHERE session_id = ?", (row["id"],)
    )
    assert answered == 1  # what was answered is kept
    # No "remember to answer" reminder follows a crisis the next day.
    count = len(await h.bot_messages(EETU))
    await h.advance(timedelta(days=1, hours=2))
    assert not [m for m in (await h.bot_messages(EETU))[count:] if "kysely" in m["text"]]


@pytest.mark.parametrize(
    "text",
    ["En ole ajatellut itsemurhaa", "koulu on tappavan tylsää", "kuolen nauruun tolle videolle"],
)
async def test_negations_and_figures_of_speech_do_not_fire(h: Harness, text: str) -> None:
    await h.say(AINO, text)
    assert "09 2525 0111" not in await h.last_text(AINO)
    assert "enkä välitä tätä viestiä kenellekään" in await h.last_text(AINO)
    assert await inbox(h, MATTI) == []
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM concerns") == 0


async def test_negated_crisis_in_a_check_in_is_a_review_note_for_the_digest(h: Harness) -> None:
    await h.say(AINO, "/kuulumiset")
    for _ in range(7):
        await h.press(AINO, "Ohita")
    await h.say(AINO, "En oo ajatellu itsemurhaa mut väsyttää")
    assert await inbox(h, MATTI) == []  # no alert ...
    concern = await h.rt.db.fetchone("SELECT * FROM concerns")
    assert concern is not None
    assert concern["level"] == "info"
    assert "En oo ajatellu itsemurhaa" in concern["reasons"]
    texts = [m["text"] for m in await h.bot_messages(AINO)]
    assert any("näkee viikon yhteenvedosta, mitä kirjoitit" in t for t in texts)
    negated = await h.rt.db.fetchval("SELECT COUNT(*) FROM cue_hits WHERE negated = 1")
    assert negated == 1


async def test_someone_not_enrolled_gets_the_contacts_and_nothing_is_kept(h: Harness) -> None:
    await h.say(STRANGER, "haluun kuolla")
    reply = await h.last_text(STRANGER)
    assert "Kiitos, että kerroit tämän" in reply
    assert "09 2525 0111" in reply
    assert "lähtee heti eteenpäin" not in reply  # nobody can be told: no promise
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM cue_hits") == 0
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM concerns") == 0


async def test_staff_messages_are_not_screened(h: Harness) -> None:
    await h.say(MATTI, "Aino puhui itsemurhasta, mitä teen?")
    assert "09 2525 0111" not in await h.last_text(MATTI)
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM concerns") == 0


async def test_swedish_student_gets_the_swedish_reply_also_for_swedish_text(h: Harness) -> None:
    await h.say(LINNEA, "jag vill inte leva längre")
    reply = await h.last_text(LINNEA)
    assert "Linnea, tack för att du berättade det här" in reply
    assert "09 2525 0112" in reply
    assert "din coach Matti får meddelandet" in reply
    [alert] = await inbox(h, MATTI)
    assert "jag vill inte leva längre" in alert["text"]


async def test_a_second_crisis_message_gets_a_short_reply_and_updates_the_alert(
    h: Harness,
) -> None:
    await h.say(AINO, CRISIS)
    await h.advance(timedelta(minutes=5))
    await h.say(AINO, "en jaksa enää elää")
    reply = await h.last_text(AINO)
    assert "välitän senkin eteenpäin" in reply
    assert "116 111" not in reply
    matti = await inbox(h, MATTI)
    # The first alert shows both; the coach's phone rings again with a new message for it.
    assert "en jaksa enää elää" in matti[0]["text"]
    assert CRISIS_SENTENCE in matti[0]["text"]
    assert len(matti) == 2
    assert "Uusi kriisiviesti" in matti[1]["text"]


async def test_crisis_raises_an_acknowledged_concern_and_alerts_again(h: Harness) -> None:
    await h.say(AINO, "/jutellaan")
    await h.press(AINO, "Puhelimessa")
    await h.press(MATTI, "Otan yhteyttä")
    assert len(await inbox(h, KAISA)) == 0
    await h.say(AINO, "haluun kuolla")
    concern = await h.rt.db.fetchone("SELECT * FROM concerns")
    assert concern is not None
    assert concern["level"] == "crisis"
    assert concern["status"] == "open"
    assert "🔴 KRIISI" in (await inbox(h, MATTI))[-1]["text"]
    assert len(await inbox(h, KAISA)) == 1


async def test_unacknowledged_crisis_reaches_the_coordinator_within_an_hour(h: Harness) -> None:
    now = h.rt.clock.now()

    async def add(tx: Tx) -> int:
        return await people.create_person(
            tx, now, "Roope Rehtori", roles=("coordinator",), tg_user_id=ROOPE
        )

    await h.rt.db.transaction(add)
    await h.client.create_user(ROOPE, "Roope", last_name="Rehtori")
    await h.say(ROOPE, "/start")
    await h.say(EETU, "mä haluun vaan kuolla")
    await h.advance(timedelta(minutes=50))
    assert await inbox(h, ROOPE) == []
    await h.advance(timedelta(minutes=15))
    [alert] = await inbox(h, ROOPE)
    assert "Kukaan ei ole kuitannut tätä ajoissa" in alert["text"]
    assert "KRIISI" in alert["text"]
    # Acknowledging tells the student at once (crisis: no quiet hours).
    await h.press(MATTI, "Otan yhteyttä")
    assert "Matti on nähnyt, mitä kerroit, ja ottaa sinuun yhteyttä" in await h.last_text(EETU)


async def test_erasing_the_student_leaves_nothing_of_the_crisis(h: Harness) -> None:
    await h.say(AINO, CRISIS)
    await h.press(MATTI, "Otan yhteyttä")
    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")
    for table in ("concerns", "concern_events", "cue_hits", "contacts"):
        assert await h.rt.db.fetchval(f"SELECT COUNT(*) FROM {table}") == 0, table
    payloads = [r["payload"] for r in await h.rt.db.fetchall("SELECT payload FROM outbox")]
    # (The only message left naming her is the privacy feature's note that she left.)
    assert not [p for p in payloads if "KRIISI" in p or "tappaa itteni" in p]
    details = [r["detail"] for r in await h.rt.db.fetchall("SELECT detail FROM audit_log")]
    assert not [d for d in details if '"concern"' in d]


async def test_a_crisis_at_the_end_of_a_very_long_message_is_still_found(h: Harness) -> None:
    await h.say(EETU, "x" * 4000 + " mä haluun vaan kuolla")  # 4,022 characters
    assert "09 2525 0111" in await h.last_text(EETU)
    [alert] = await inbox(h, MATTI)
    assert "mä haluun vaan kuolla" in alert["text"]
    assert "xxxx" not in alert["text"]


async def test_many_crisis_messages_keep_the_alert_one_readable_message(h: Harness) -> None:
    """A student in a bad night may write dozens of messages: every one is kept, but the alert
    quotes the newest five and points to the case card, where all of them are."""
    written = [f"en jaksa enää elää, tää on viesti numero {n}" for n in range(1, 10)]
    for text in written:
        await h.say(AINO, text)
        await h.advance(timedelta(minutes=20))  # each one past the notification window
    matti = await inbox(h, MATTI)
    latest = matti[-1]["text"]
    assert "Uusi kriisiviesti" in latest
    assert all(text in latest for text in written[-5:])
    assert not any(f"{text}”" in latest for text in written[:4])
    assert "4 aiempaa viestiä näkyy tapauksen tiedoissa: /seuranta" in latest
    assert all(len(m["text"]) < 4096 for m in matti)  # never split into parts
    await h.say(MATTI, "/seuranta")
    await h.press(MATTI, "🗂️ 1.")
    card = await h.last_text(MATTI)
    assert all(text in card for text in written)
