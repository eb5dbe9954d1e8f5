"""The weekly check-in on a student's phone, through the stand-in: buttons, typing, restarts,
stale and forged buttons."""

from __future__ import annotations

import json
from typing import Any

from bot.harness import Harness
from tests.conftest import AINO, EETU, LINNEA
from tests.support import keyboard, to_turn


async def answers_of(h: Harness, user_id: int) -> dict[str, Any]:
    rows = await h.rt.db.fetchall(
        "SELECT a.question_id, a.value FROM answers a JOIN sessions s ON s.id = a.session_id"
        " JOIN persons p ON p.id = s.person_id WHERE p.tg_user_id = ?",
        (user_id,),
    )
    return {r["question_id"]: json.loads(r["value"]) for r in rows}


async def session_of(h: Harness, user_id: int) -> dict[str, Any]:
    row = await h.rt.db.fetchone(
        "SELECT s.* FROM sessions s JOIN persons p ON p.id = s.person_id"
        " WHERE p.tg_user_id = ? ORDER BY s.id DESC LIMIT 1",
        (user_id,),
    )
    assert row is not None
    return dict(row)


async def test_student_completes_the_weekly_check_in_with_buttons_and_text(
    school: Harness,
) -> None:
    h = school
    await to_turn(h, 2)  # the week that asks about everyday life and changing field
    await h.say(AINO, "/kuulumiset")
    first = (await h.bot_messages(AINO))[-1]
    assert "Moi Aino!" in first["text"]
    assert "Millainen viikko sinulla on ollut?" in first["text"]
    assert [b["text"] for b in keyboard(first)][-1] == "Ohita"

    await h.press(AINO, "Tosi hyvä")  # jaksaminen 5
    answered = next(m for m in await h.bot_messages(AINO) if m["message_id"] == first["message_id"])
    assert "✅ 😄 Tosi hyvä" in answered["text"]
    assert not keyboard(answered)

    await h.say(AINO, "4")  # opinnot typed
    await h.press(AINO, "Ei jäänyt")  # poissaolot
    await h.press(AINO, "Uni")  # arki: toggle
    labels = [b["text"] for b in keyboard((await h.bot_messages(AINO))[-1])]
    assert labels[:2] == ["✅ 😴 Uni tai väsymys", "▫️ 💶 Raha"]
    # "None of these" cannot be ticked together with a difficulty: each clears the other.
    await h.press(AINO, "Ei mikään näistä")
    labels = [b["text"] for b in keyboard((await h.bot_messages(AINO))[-1])]
    assert "▫️ 😴 Uni tai väsymys" in labels
    assert "✅ 👍 Ei mikään näistä" in labels
    await h.press(AINO, "Uni")
    await h.press(AINO, "Raha")
    labels = [b["text"] for b in keyboard((await h.bot_messages(AINO))[-1])]
    assert "▫️ 👍 Ei mikään näistä" in labels
    await h.press(AINO, "Valmis")
    await h.press(AINO, "Ei")  # alanvaihto
    await h.say(AINO, "ei")  # ajatukset (quitting) typed
    await h.press(AINO, "Ei")  # jutellaanko
    await h.say(AINO, "Kiitos kysymästä <3 & hyvää viikkoa")  # vapaa

    assert await answers_of(h, AINO) == {
        "jaksaminen": 5,
        "opinnot": 4,
        "poissaolot": "ei",
        "arki": ["uni", "raha"],
        "alanvaihto": "ei",
        "ajatukset": "ei",
        "jutellaanko": "ei",
        "vapaa": "Kiitos kysymästä <3 & hyvää viikkoa",
    }
    session = await session_of(h, AINO)
    assert session["status"] == "completed"
    closing = await h.last_text(AINO)
    assert closing.startswith("Kiitos")
    texts = [m["text"] for m in await h.bot_messages(AINO)]
    assert any("Kiitos kysymästä <3 & hyvää viikkoa" in t for t in texts)  # shown literally
    to_aino = [r for r in await h.client.requests() if r["params"].get("chat_id") == str(AINO)]
    assert [r for r in to_aino if r["status"] != 200] == []


async def test_swedish_student_gets_the_check_in_in_swedish(school: Harness) -> None:
    h = school
    await h.say(LINNEA, "/hurmardu")
    assert "Hurdan vecka har du haft?" in await h.last_text(LINNEA)
    await h.say(LINNEA, "ja")  # not a valid answer to a scale question: a kind hint
    assert "siffra" in await h.last_text(LINNEA)


async def test_restart_mid_check_in_resumes_at_the_same_question(school: Harness) -> None:
    h = school
    await h.say(EETU, "/kuulumiset")
    await h.press(EETU, "Ihan ok")
    await h.say(EETU, "2")
    waiting = await session_of(h, EETU)
    await h.restart()
    assert (await session_of(h, EETU))["state"] == waiting["state"] == "poissaolot"
    await h.press(EETU, "Muutama tunti")  # the button sent before the restart still works
    assert (await answers_of(h, EETU))["poissaolot"] == "vahan"
    await h.say(EETU, "/kuulumiset")  # asking again resumes, never a second session
    assert "Jatketaan siitä, mihin jäit" in (await h.bot_messages(EETU))[-2]["text"]
    count = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM sessions s JOIN persons p ON p.id = s.person_id"
        " WHERE p.tg_user_id = ? AND s.status = 'open'",
        (EETU,),
    )
    assert count == 1


async def test_old_button_and_double_press_change_nothing(school: Harness) -> None:
    h = school
    await h.say(AINO, "/kuulumiset")
    first = (await h.bot_messages(AINO))[-1]
    data = keyboard(first)[1]["callback_data"]
    q1 = await h.client.press(AINO, first["message_id"], data, force=True)
    q2 = await h.client.press(AINO, first["message_id"], data, force=True)  # double press
    await h.settle()
    assert (await answers_of(h, AINO)) == {"jaksaminen": 2}
    answers = [await h.client.callback_answer(q) for q in (q1, q2)]
    assert answers[1] is not None
    assert "jo vastattu" in answers[1]["text"]
    # pressing a different option of the already answered question is just as harmless
    other = keyboard(first)[4]["callback_data"]
    await h.client.press(AINO, first["message_id"], other, force=True)
    await h.settle()
    assert (await answers_of(h, AINO)) == {"jaksaminen": 2}


async def test_forged_and_foreign_buttons_are_refused_and_audited(school: Harness) -> None:
    h = school
    await h.say(AINO, "/kuulumiset")
    first = (await h.bot_messages(AINO))[-1]
    token = keyboard(first)[0]["callback_data"].split(".")[0]
    forged = await h.client.press(AINO, first["message_id"], f"{token}.77", force=True)
    await h.say(EETU, "/start")
    eetu_message = (await h.bot_messages(EETU))[-1]
    # Eetu's own message, but with Aino's token in the data (a modified client can send that)
    foreign = await h.client.press(EETU, eetu_message["message_id"], f"{token}.0", force=True)
    garbage = await h.client.press(AINO, first["message_id"], "1", force=True)
    await h.settle()
    texts = [
        (await h.client.callback_answer(q) or {}).get("text", "")
        for q in (forged, foreign, garbage)
    ]
    assert "vaihtoehtoa ei ole" in texts[0]
    assert "ei ole sinun" in texts[1]
    assert "ei toimi" in texts[2]
    assert await answers_of(h, AINO) == {}
    audited = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'callback_refused'"
    )
    assert audited == 3


async def test_a_button_whose_stored_meaning_no_longer_fits_is_refused_kindly(
    school: Harness,
) -> None:
    """A token lives for days and can outlast an update that changed what a button carries:
    such a press gets the same kind "this button does not work" as a forged one, and changes
    nothing (not a crash halfway through, not the generic error)."""
    h = school
    await h.say(AINO, "/kuulumiset")
    first = (await h.bot_messages(AINO))[-1]
    data = keyboard(first)[0]["callback_data"]
    token = data.split(".")[0]
    for stale in ('{"session": "1", "question": "jaksaminen"}', '{"question": "jaksaminen"}'):
        await h.rt.db.transaction(
            lambda tx, stale=stale: tx.execute(
                "UPDATE callbacks SET payload = ? WHERE token = ?", (stale, token)
            )
        )
        press = await h.client.press(AINO, first["message_id"], data, force=True)
        await h.settle()
        assert "ei toimi" in ((await h.client.callback_answer(press)) or {}).get("text", "")
    assert await answers_of(h, AINO) == {}
    assert not any("meni pieleen" in m["text"] for m in await h.bot_messages(AINO))


async def test_oversize_text_answer_is_refused_kindly_and_not_stored(school: Harness) -> None:
    h = school
    await h.say(AINO, "/kuulumiset")
    for _ in range(7):  # the seven questions before the open one
        await h.press(AINO, "Ohita")
    assert "Onko mielessäsi vielä jotain" in await h.last_text(AINO)
    await h.say(AINO, "ä" * 900)
    assert "liian pitkä (900 merkkiä)" in await h.last_text(AINO)
    assert "vapaa" not in await answers_of(h, AINO)
    await h.say(AINO, "Lyhyempi versio.")
    assert (await answers_of(h, AINO))["vapaa"] == "Lyhyempi versio."


async def test_unanswered_check_in_gets_one_reminder_then_expires(school: Harness) -> None:
    from datetime import timedelta

    h = school
    await h.say(AINO, "/kuulumiset")
    await h.advance(timedelta(hours=25))
    assert "odottaa vielä" in await h.last_text(AINO)
    count = len(await h.bot_messages(AINO))
    await h.advance(timedelta(hours=25))
    assert len(await h.bot_messages(AINO)) == count  # only one reminder
    await h.advance(timedelta(hours=25))
    assert (await session_of(h, AINO))["status"] == "expired"
    query = await h.client.press_button(AINO, "Hyvä")
    await h.settle()
    assert "jo päättynyt" in ((await h.client.callback_answer(query)) or {}).get("text", "")
