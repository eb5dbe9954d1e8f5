"""A student's export and erasure find their rows by id, never by name (issue 18.3–18.4).

Names share prefixes: "Eetu Niemi" is the start of "Eetu Nieminen". What one of them
downloads or erases must never include or touch the other's alerts, notes or cases, and a
coach's message that lists several students belongs to none of them. What erasure cannot take
back (messages already in staff chats for more than two days, backups) is said before it."""

from __future__ import annotations

import json
import logging
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.harness import Harness
from bot.services.privacy.data import (
    PERSON_ID_COLUMNS,
    TG_ID_COLUMNS,
    columns,
    foreign_keys,
    rows_about,
    tables,
)
from bot.services.privacy.service import OWN_DATA_NOT_SHOWN, OWN_DATA_SHOWN
from tests.conftest import AINO, EETU, MATTI, STRANGER
from tests.support import documents, log_contact, person_id, weekly

NOTE = "Sovittiin, että hän tulee maanantaina työpajalle."
# Aino is renamed so that her whole name is the start of Eetu's ("Eetu Nieminen").
PREFIX_NAME = "Eetu Niemi"


async def rename(h: Harness, tg: int, name: str) -> None:
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "UPDATE persons SET display_name = ? WHERE tg_user_id = ?", (name, tg)
        )
    )


async def export_of(h: Harness, tg: int) -> tuple[str, dict[str, Any]]:
    await h.say(tg, "/vie")
    _, data = (await documents(h, tg))[-1]
    return data.decode("utf-8"), json.loads(data)


async def eetu_alerted_and_logged(h: Harness) -> None:
    """Eetu says he is thinking of quitting: Matti is alerted, takes it and logs a call."""
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Otan yhteyttä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, note=NOTE)


async def staff_rows_about(h: Harness, pid: int) -> list[dict[str, Any]]:
    rows = await h.rt.db.fetchall(
        "SELECT * FROM outbox WHERE subject_id = ? AND chat_id = ?", (pid, MATTI)
    )
    return [dict(r) for r in rows]


async def test_a_name_that_starts_another_never_pulls_in_the_others_rows(h: Harness) -> None:
    await rename(h, AINO, PREFIX_NAME)
    await eetu_alerted_and_logged(h)
    eetu = await person_id(h, EETU)
    about_eetu = await staff_rows_about(h, eetu)
    assert any("Eetu Nieminen" in r["payload"] for r in about_eetu)  # the alert names him

    # Aino's download holds nothing of Eetu's: not his alert, not Matti's note about him.
    text, export = await export_of(h, AINO)
    assert "Nieminen" not in text
    assert "työpajalle" not in text
    assert all(r["chat_id"] != MATTI for r in export["tables"].get("outbox", []))

    # Eetu's download holds the alert about him and the coach's note of the call.
    text, export = await export_of(h, EETU)
    assert "työpajalle" in text
    assert {r["id"] for r in about_eetu} <= {r["id"] for r in export["tables"]["outbox"]}

    # Aino erases herself: every row about Eetu is still there, and so is his alert in
    # Matti's chat.
    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")
    await h.advance(timedelta(minutes=1))
    assert await staff_rows_about(h, eetu) == about_eetu
    assert await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM concerns WHERE student_id = ? AND status != 'closed'", (eetu,)
    )
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM contacts WHERE student_id = ?", (eetu,))
    in_matti_chat = [m["text"] for m in await h.bot_messages(MATTI)]
    assert any("Eetu Nieminen" in t for t in in_matti_chat)


async def test_a_coach_message_listing_students_belongs_to_none_of_them(h: Harness) -> None:
    """Matti's Monday digest names Aino and Eetu. It waits for his working hours (from 10
    today), and meanwhile Aino downloads and erases her data."""
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "UPDATE persons SET work_start = '10:00' WHERE tg_user_id = ?", (MATTI,)
        )
    )
    await weekly(h, AINO, mood="Huono")
    await weekly(h, EETU, quitting="Kyllä")
    await h.advance(timedelta(days=6, hours=22))  # Monday 08:00: the digest is written
    [queued] = await h.rt.db.fetchall(
        "SELECT payload FROM outbox WHERE payload LIKE '%Viikkokooste%' AND sent_at IS NULL"
    )
    assert "Aino Laine" in queued["payload"]
    assert "Eetu Nieminen" in queued["payload"]

    text, _ = await export_of(h, AINO)
    assert "Viikkokooste" not in text
    assert "Eetu Nieminen" not in text

    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")
    await h.advance(timedelta(hours=2, minutes=1))  # Matti's working day begins
    [digest] = [m["text"] for m in await h.bot_messages(MATTI) if "Viikkokooste" in m["text"]]
    assert "Eetu Nieminen" in digest
    assert "Aino Laine" not in digest
    assert "Aino" not in digest


async def test_erasure_says_what_stays_and_takes_back_recent_staff_messages(
    h: Harness,
) -> None:
    await h.say(AINO, "/poista")
    ask = await h.last_text(AINO)
    assert "kahden viime vuorokauden" in ask
    assert "varmuuskopio" in ask
    await h.press(AINO, "Ei sittenkään")

    # An old alert (three days ago) and a fresh one, both about Aino, in Matti's chat.
    await weekly(h, AINO, quitting="Kyllä")
    [old_alert] = [m for m in await h.bot_messages(MATTI) if "Aino Laine" in m["text"]]
    await h.advance(timedelta(days=3))
    await h.say(AINO, "Mietin et haluun tappaa itteni.")
    fresh = [
        m
        for m in await h.bot_messages(MATTI)
        if "Aino Laine" in m["text"] and m["message_id"] != old_alert["message_id"]
    ]
    assert fresh

    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")
    await h.advance(timedelta(minutes=1))
    everything = {m["message_id"]: m for m in await h.client.messages(MATTI)}
    assert all(everything[m["message_id"]]["deleted"] for m in fresh)
    assert not everything[old_alert["message_id"]]["deleted"]  # Telegram's 48 h have passed
    # The coach is told she left; that note is not taken back.
    assert "lähti Kohtaamosta" in await h.last_text(MATTI)


# -- /omat_tiedot covers every table (issue 18.5) ---------------------------------------------


async def test_every_table_that_names_a_person_is_shown_or_says_why_not(h: Harness) -> None:
    fk_to_persons = {fk.table for fk in await foreign_keys(h.rt.db) if fk.target == "persons"}
    with_person = set(fk_to_persons)
    for table in await tables(h.rt.db):
        cols = set(await columns(h.rt.db, table))
        if cols & {*PERSON_ID_COLUMNS, *TG_ID_COLUMNS, "chat_id"}:
            with_person.add(table)
    accounted = set(OWN_DATA_SHOWN) | set(OWN_DATA_NOT_SHOWN)
    assert with_person - accounted == set(), "add these to OWN_DATA_SHOWN or OWN_DATA_NOT_SHOWN"


async def test_my_data_shows_follow_ups_safety_questions_and_what_was_noticed(h: Harness) -> None:
    await eetu_alerted_and_logged(h)  # a case, Matti's call with a note, a follow-up agreed
    await h.say(EETU, "en jaksa enää")  # unsure: the bot asks whether he is safe
    await h.press(EETU, "Olen turvassa")
    await h.press(EETU, "Ei tarvitse")
    eetu = await person_id(h, EETU)
    found = await rows_about(h.rt.db, eetu, EETU)
    for table in ("followups", "safety_checks", "cue_hits", "contacts", "concerns"):
        assert found.rows.get(table), table  # the scenario reaches every kind
    assert set(found.rows) <= set(OWN_DATA_SHOWN) | set(OWN_DATA_NOT_SHOWN)

    await h.say(EETU, "/omat_tiedot")
    shown = await h.last_text(EETU)
    [followup] = await h.rt.db.fetchall(
        "SELECT f.due_on FROM followups f JOIN concerns c ON c.id = f.concern_id"
        " WHERE c.student_id = ?",
        (eetu,),
    )
    due = date.fromisoformat(followup["due_on"])
    assert f"Seuraava yhteydenotto sovittu {due.day}.{due.month}." in shown
    assert "tulossa" in shown
    assert NOTE in shown  # the coach's note, as the coach was told it would be
    assert "vastasit olevasi turvassa" in shown
    assert "et halunnut kertoa" in shown
    assert "Mitä huomasin viesteistäsi" in shown
    assert "kuraattori" in shown  # who sees concerns, truthfully
    # Everything shown there is in the download too.
    _, export = await export_of(h, EETU)
    for table in ("followups", "safety_checks", "cue_hits", "contacts", "concerns"):
        assert export["tables"].get(table), table


# -- audit rows (issue 18.10) -------------------------------------------------------------------


async def audit_rows(h: Harness) -> list[dict[str, Any]]:
    return [dict(r) for r in await h.rt.db.fetchall("SELECT * FROM audit_log ORDER BY id")]


async def test_opening_a_students_log_by_name_is_audited_and_shown_to_them(h: Harness) -> None:
    eetu = await person_id(h, EETU)
    await h.say(MATTI, "/kirjaa Eetu")
    assert "Eetu Nieminen" in await h.last_text(MATTI)
    opened = [r for r in await audit_rows(h) if r["action"] == "contact_log_opened"]
    assert [r["subject_id"] for r in opened] == [eetu]
    await h.say(EETU, "/omat_tiedot")
    assert "aloitti sinua koskevan yhteydenoton kirjaamisen" in await h.last_text(EETU)


async def test_a_strangers_traces_are_deleted_after_30_days_staff_reads_are_not(
    h: Harness,
) -> None:
    await h.say(STRANGER, "/kieli")  # their language choice is kept for them
    await h.press(STRANGER, "Svenska")
    await h.say(STRANGER, "/raportti")  # a staff command from someone never enrolled
    told = (await h.bot_messages(STRANGER))[-1]
    await h.client.press(STRANGER, told["message_id"], "forged-token.3", force=True)
    await h.settle()
    await h.say(MATTI, "/kirjaa Eetu")
    strangers = [r for r in await audit_rows(h) if r["actor_tg_id"] == STRANGER]
    assert strangers, "refused attempts are audited"
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM visitors WHERE tg_user_id = ?", (STRANGER,))
    await h.advance(timedelta(days=29))
    assert [r for r in await audit_rows(h) if r["actor_tg_id"] == STRANGER] == strangers
    await h.advance(timedelta(days=2))
    assert [r for r in await audit_rows(h) if r["actor_tg_id"] == STRANGER] == []
    assert not await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM visitors WHERE tg_user_id = ?", (STRANGER,)
    )
    assert [r for r in await audit_rows(h) if r["action"] == "contact_log_opened"]


async def test_logs_at_info_and_above_hold_no_message_text(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    words = "Kirjoitan salaisuuden tähän: mietin et haluun tappaa itteni"
    await h.say(AINO, words)
    await h.say(EETU, "/kuulumiset")
    await h.say(EETU, "Tämäkin on salaisuus")
    await h.say(MATTI, "/kirjaa Eetu")
    assert "salaisuu" not in caplog.text
    assert "tappaa" not in caplog.text
    assert "Tämäkin" not in caplog.text


# -- nothing left on disk (issue 18.4) ----------------------------------------------------------


async def test_after_erasure_the_students_words_are_nowhere_on_disk(h: Harness) -> None:
    words = "Lempivärini on kuulemma ultramariininsininen"
    await h.say(AINO, "/kuulumiset")
    await h.say(AINO, words)  # a typed answer, or a message beside the check-in
    await h.say(AINO, "Mietin et haluun tappaa itteni, " + words)  # alert text to Matti too
    files = [Path(f"{h.database_path}{suffix}") for suffix in ("", "-wal")]

    def on_disk() -> bool:
        needle = b"ultramariini"
        return any(f.exists() and needle in f.read_bytes() for f in files)

    assert on_disk()  # the scan sees it while it is kept
    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")
    await h.advance(timedelta(minutes=1))
    assert not on_disk()


async def test_a_forged_press_on_an_answered_question_is_audited_a_repeat_is_not(
    h: Harness,
) -> None:
    await h.say(AINO, "/kuulumiset")
    question = (await h.bot_messages(AINO))[-1]
    data = question["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await h.press(AINO, question["reply_markup"]["inline_keyboard"][0][0]["text"])
    refused = "SELECT COUNT(*) FROM audit_log WHERE action = 'callback_refused'"
    # Pressed again (a double tap): a kind word, and nothing to audit.
    again = await h.client.press(AINO, question["message_id"], data, force=True)
    await h.settle()
    assert "jo vastattu" in str(((await h.client.callback_answer(again)) or {}).get("text"))
    assert await h.rt.db.fetchval(refused) == 0
    # The same token with an index its buttons never had: forged, audited.
    token = data.rpartition(".")[0]
    await h.client.press(AINO, question["message_id"], f"{token}.77", force=True)
    await h.settle()
    assert await h.rt.db.fetchval(refused) == 1


async def test_erasure_leaves_a_namesakes_messages_alone(h: Harness) -> None:
    await rename(h, EETU, "Aino Laine")  # two students of the same name
    await weekly(h, EETU, quitting="Kyllä")  # an alert to Matti about the other Aino Laine
    eetu = await person_id(h, EETU)
    before = await staff_rows_about(h, eetu)
    assert any("Aino Laine" in r["payload"] for r in before)
    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")
    await h.advance(timedelta(minutes=1))
    assert await staff_rows_about(h, eetu) == before
