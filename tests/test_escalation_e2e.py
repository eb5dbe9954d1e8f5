"""Escalation through the stand-in: answers and trends become concerns, the named coach gets an
alert with buttons, the student hears first, deadlines move the alert on to the backup coach and
the coordinator, and nothing is alerted twice."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from bot.clock import to_db
from bot.config import PROJECT_ROOT
from bot.engine.loader import parse_yaml
from bot.harness import Harness
from bot.services import people
from bot.storage.db import Tx
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, moved, moved_text, week_key
from tests.support import OLLI, add_staff, buttons, concerns, inbox, person_id, weekly

ROOPE = 2005  # a second coordinator

WEEKLY_VERSION = int(
    parse_yaml((PROJECT_ROOT / "flows" / "viikkokysely.yaml").read_text())["version"]
)


async def events(h: Harness, concern_id: int) -> list[str]:
    rows = await h.rt.db.fetchall(
        "SELECT kind FROM concern_events WHERE concern_id = ? ORDER BY id", (concern_id,)
    )
    return [r["kind"] for r in rows]


async def test_low_wellbeing_twice_alerts_the_named_coach_after_telling_the_student(
    h: Harness,
) -> None:
    await weekly(h, AINO, mood="Huono")
    # One hard week is an info item for the digest: the student is told, no alert is sent.
    assert await inbox(h, MATTI) == []
    texts = [m["text"] for m in await h.bot_messages(AINO)]
    assert any("näkee viikkoyhteenvedosta ma" in t and "Matti" in t for t in texts)
    [info] = await concerns(h)
    assert info["level"] == "info"
    assert info["ack_deadline"] is None

    await h.advance(timedelta(days=7))  # Monday: the info item went in Matti's digest
    digest = await inbox(h, MATTI)
    assert len(digest) == 1
    assert "Viikkokooste" in digest[0]["text"]
    await weekly(h, AINO, mood="Tosi huono")
    [info, concern] = await concerns(h)
    assert info["status"] == "closed"
    assert info["closure_reason"] == "info-digest"
    assert concern["level"] == "concern"
    assert concern["status"] == "open"
    [_, alert] = await inbox(h, MATTI)
    text = alert["text"]
    assert "🟡 Huoli" in text
    assert "Aino Laine" in text
    assert "SÄH23A" in text
    assert "Heikko jaksaminen kahdessa kyselyssä peräkkäin" in text
    assert moved_text("jaksaminen: 2/5 (23.11.) → 1/5 (30.11.)") in text
    assert moved_text("Kuittaa viimeistään to 3.12. klo 10.00") in text  # three school days
    assert "Aino tietää" in text
    assert buttons(alert) == [
        "✋ Otan yhteyttä",
        "📝 Kirjaa yhteydenotto",
        "🔁 Anna toiselle valmentajalle",
    ]
    assert await inbox(h, KAISA) == []  # the backup only when the deadline passes
    assert await h.bot_messages(EETU) == []
    assert await inbox(h, SANNA) == []

    # The student heard what is shared before the coach got the alert (request log order).
    log = [r for r in await h.client.requests() if r["method"] == "sendMessage"]
    told = max(
        i
        for i, r in enumerate(log)
        if r["params"].get("chat_id") == str(AINO)
        and "kahdessa viime kyselyssä" in r["params"]["text"]
    )
    alerted = next(
        i
        for i, r in enumerate(log)
        if r["params"].get("chat_id") == str(MATTI) and "Huoli" in r["params"]["text"]
    )
    assert told < alerted
    # Nothing of the student's answers but the facts; the audit records the disclosure.
    audited = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'concern_alert'"
    )
    assert audited == 1


async def test_acknowledging_tells_the_student_and_edits_the_alert(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")  # thoughts of quitting: urgent
    [alert] = await inbox(h, MATTI)
    assert "🟠 Kiireellinen" in alert["text"]
    assert "Eetu Nieminen" in alert["text"]
    assert "keskeyttämisajatukset: Kyllä" in alert["text"]
    assert moved_text("Kuittaa viimeistään ti 24.11. klo 10.00") in alert["text"]  # one school day

    await h.press(MATTI, "Otan yhteyttä")
    assert "Matti on nähnyt, mitä kerroit, ja ottaa sinuun yhteyttä" in await h.last_text(EETU)
    edited = (await inbox(h, MATTI))[0]
    assert "✅ Kuittasit" in edited["text"]
    assert buttons(edited) == ["📝 Kirjaa yhteydenotto", "🔁 Anna toiselle valmentajalle"]
    [concern] = await concerns(h)
    assert concern["status"] == "acknowledged"
    assert concern["acknowledged_at"] is not None

    # No escalation after an acknowledgement, however long it takes.
    await h.advance(timedelta(days=5))
    assert await inbox(h, KAISA) == []

    # Logging a contact: the guided dialog (tests/test_contact_log_e2e.py has the details).
    await h.press(MATTI, "Kirjaa yhteydenotto")
    assert "Miten olit yhteydessä?" in await h.last_text(MATTI)
    await h.press(MATTI, "Puhelimessa")
    await h.press(MATTI, "Jätetään auki")
    await h.press(MATTI, "Ohita")
    [concern] = await concerns(h)
    assert concern["status"] == "contacted"
    assert concern["first_contact_at"] is not None
    contact = await h.rt.db.fetchone("SELECT * FROM contacts")
    assert contact is not None
    assert contact["channel"] == "puhelu"
    assert await events(h, concern["id"]) == [
        "raised",
        "student_told",
        "alerted",
        "acknowledged",
        "student_told_ack",
        "contact_logged",
    ]


async def test_no_acknowledgement_goes_to_the_backup_then_the_coordinator(
    h: Harness,
) -> None:
    await add_staff(h, ROOPE, "Roope Rehtori", "coordinator")
    await weekly(h, EETU, quitting="Kyllä")  # urgent: one school day
    assert len(await inbox(h, MATTI)) == 1
    await h.advance(timedelta(hours=23))  # Tue 09:00: still within the school day
    assert await inbox(h, KAISA) == []
    await h.advance(timedelta(hours=2))  # Tue 11:00: the deadline (Tue 10:00) has passed
    [backup] = await inbox(h, KAISA)
    assert "Omavalmentaja Matti Virtanen ei ole kuitannut tätä ajoissa" in backup["text"]
    assert "✋ Otan yhteyttä" in buttons(backup)
    assert len(await inbox(h, MATTI)) == 1  # no reminder storm to the coach
    [concern] = await concerns(h)
    assert concern["escalation_stage"] == 1
    # The backup's window is one school day more; then the other coordinator.
    await h.advance(timedelta(days=1))
    [coordinator] = await inbox(h, ROOPE)
    assert "Kukaan ei ole kuitannut tätä ajoissa" in coordinator["text"]
    # Kaisa (the backup) acknowledges: everybody's alert says so, the student hears her name.
    await h.press(KAISA, "Otan yhteyttä")
    assert "Kaisa Mäkelä koulultasi on nähnyt, mitä kerroit" in await h.last_text(EETU)
    assert "Kaisa Mäkelä kuittasi" in (await inbox(h, MATTI))[0]["text"]
    assert buttons((await inbox(h, ROOPE))[0]) == []
    [concern] = await concerns(h)
    assert concern["coach_id"] == await person_id(h, KAISA)  # she holds the case now
    kinds = await events(h, concern["id"])
    assert kinds.count("escalated") == 2
    assert kinds[-2:] == ["acknowledged", "student_told_ack"]


async def test_deadlines_count_school_days_not_weekends(h: Harness) -> None:
    await h.advance(timedelta(days=4, hours=5))  # Friday 15:00
    await weekly(h, EETU, quitting="Kyllä")
    [alert] = await inbox(h, MATTI)
    assert moved_text("Kuittaa viimeistään ma 30.11. klo 15.00") in alert["text"]
    await h.advance(timedelta(days=2, hours=20))  # Monday 11:00: not late yet
    assert await inbox(h, KAISA) == []


async def test_a_new_signal_updates_the_open_concern_without_a_new_alert(h: Harness) -> None:
    await weekly(h, AINO, talk="Kyllä")  # the student wants to talk: concern
    assert len(await inbox(h, MATTI)) == 1
    await h.advance(timedelta(days=1))
    await weekly(h, AINO, absences="Päivä tai enemmän")  # many absences: same level
    [concern] = await concerns(h)
    assert concern["level"] == "concern"
    matti = await inbox(h, MATTI)
    assert len(matti) == 1  # still one alert message, edited in place
    assert "Paljon poissaoloja" in matti[0]["text"]
    assert "Päivitetty" in matti[0]["text"]
    # A higher level is a new alert (one per level), to the same coach.
    await h.advance(timedelta(days=1))
    await weekly(h, AINO, quitting="Kyllä")
    assert len(await inbox(h, MATTI)) == 2
    [concern] = await concerns(h)
    assert concern["level"] == "urgent"
    assert concern["status"] == "open"
    assert "Kiireellinen" in (await inbox(h, MATTI))[-1]["text"]
    # The same signal in a later check-in: the alert is updated, the student is not told twice.
    await h.advance(timedelta(days=1))
    await weekly(h, AINO, quitting="Kyllä")
    assert len(await inbox(h, MATTI)) == 2
    told = [
        m for m in await h.bot_messages(AINO) if "miettinyt opiskelun lopettamista" in m["text"]
    ]
    assert len(told) == 1


async def test_another_coachs_button_is_refused_and_audited(h: Harness) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    [alert] = await inbox(h, MATTI)
    data = alert["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    # A modified client can send Matti's button data from another coach's or the student's chat.
    olli_message = (await h.bot_messages(OLLI))[-1]
    eetu_message = (await h.bot_messages(EETU))[-1]
    by_olli = await h.client.press(OLLI, olli_message["message_id"], data, force=True)
    by_eetu = await h.client.press(EETU, eetu_message["message_id"], data, force=True)
    await h.settle()
    for query in (by_olli, by_eetu):
        answer = await h.client.callback_answer(query)
        assert answer is not None
        assert "ei ole sinun" in answer["text"]
    [concern] = await concerns(h)
    assert concern["status"] == "open"
    assert concern["acknowledged_at"] is None
    refused = await h.rt.db.fetchall(
        "SELECT actor_tg_id FROM audit_log WHERE action = 'callback_refused'"
    )
    assert sorted(r["actor_tg_id"] for r in refused) == [EETU, OLLI]
    assert "Matti on nähnyt" not in await h.last_text(EETU)


async def test_hand_over_needs_the_receiving_coach_to_accept(h: Harness) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    [alert] = await inbox(h, MATTI)
    ack_data = alert["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await h.press(MATTI, "Anna toiselle valmentajalle")
    assert "Kenelle siirrät tapauksen" in await h.last_text(MATTI)
    await h.press(MATTI, "Olli Opettaja")
    assert "lyhyt saate" in await h.last_text(MATTI)
    await h.say(MATTI, "Eetu tuntee sinut <b>työpajalta</b>, soita iltapäivällä.")
    assert "Siirtopyyntö lähetetty: Olli Opettaja" in await h.last_text(MATTI)
    [request] = await inbox(h, OLLI)
    assert "Matti Virtanen pyytää sinua" in request["text"]
    assert "Eetu Nieminen" in request["text"]
    assert "<b>työpajalta</b>" in request["text"]  # the note shown literally
    [concern] = await concerns(h)
    assert concern["coach_id"] != concern["student_id"]
    matti_id = concern["coach_id"]

    await h.press(OLLI, "Otan vastaan")
    [concern] = await concerns(h)
    assert concern["coach_id"] != matti_id
    assert concern["status"] == "acknowledged"
    assert "Asiaasi hoitaa nyt Olli Opettaja" in await h.last_text(EETU)
    assert "Olli Opettaja otti tapauksen Eetu Nieminen vastaan" in await h.last_text(MATTI)
    assert buttons((await inbox(h, OLLI))[0]) == [
        "📝 Kirjaa yhteydenotto",
        "🔁 Anna toiselle valmentajalle",
    ]
    # Matti's alert now says where the case went, and no longer acts on it.
    old = (await inbox(h, MATTI))[0]
    assert "Tapaus siirtyi: Olli Opettaja" in old["text"]
    assert buttons(old) == []
    query = await h.client.press(MATTI, old["message_id"], ack_data, force=True)
    await h.settle()
    assert "siirretty toiselle" in ((await h.client.callback_answer(query)) or {})["text"]
    [concern] = await concerns(h)
    assert concern["acknowledged_by"] != matti_id


async def test_declined_hand_over_keeps_the_case(h: Harness) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    await h.press(MATTI, "Anna toiselle valmentajalle")
    await h.press(MATTI, "Olli Opettaja")
    await h.press(MATTI, "Lähetä ilman saatetta")
    await h.press(OLLI, "En voi ottaa")
    assert "ei voinut ottaa tapausta Eetu Nieminen" in await h.last_text(MATTI)
    [concern] = await concerns(h)
    matti = await people.person_by_tg(h.rt.db, MATTI)
    assert matti is not None
    assert concern["coach_id"] == matti.id


async def test_swedish_coach_reads_the_alert_in_swedish(h: Harness) -> None:
    await h.say(MATTI, "/kieli")
    await h.press(MATTI, "Svenska")
    await h.say(LINNEA, "/hurmardu")
    await h.press(LINNEA, "Bra")
    for _ in range(7):
        await h.press(LINNEA, "Hoppa över")
    await h.say(LINNEA, "/prata")
    assert "Hur vill du att din coach Matti" in await h.last_text(LINNEA)
    await h.press(LINNEA, "Per telefon")
    assert "vill prata per telefon" in await h.last_text(LINNEA)
    alert = (await inbox(h, MATTI))[-1]
    assert "🟡 Oro" in alert["text"]
    assert "Linnea Berg" in alert["text"]
    assert "önskar kontakt: per telefon" in alert["text"]
    assert "✋ Jag tar kontakt" in buttons(alert)


@pytest.mark.parametrize("channel", ["Kasvokkain", "Puhelimessa", "Viestillä"])
async def test_jutellaan_lets_the_student_choose_how(h: Harness, channel: str) -> None:
    await h.say(AINO, "/jutellaan")
    assert "Miten toivoisit, että omavalmentajasi Matti" in await h.last_text(AINO)
    await h.press(AINO, channel)
    told = await h.last_text(AINO)
    assert "omavalmentajasi Matti saa tiedon" in told
    alert = (await inbox(h, MATTI))[-1]
    assert "Opiskelija pyysi itse juttelua" in alert["text"]
    assert "toivoo yhteydenottoa: " + channel.lower() in alert["text"]
    # Asking again while the case is open: no second alert.
    await h.say(AINO, "/jutellaan")
    await h.press(AINO, channel)
    assert len(await inbox(h, MATTI)) == 1


async def test_coach_weekly_digest_on_monday_morning(h: Harness) -> None:
    await weekly(h, AINO, mood="Huono")  # info
    await weekly(h, EETU, quitting="Kyllä")  # urgent, open
    assert len(await inbox(h, MATTI)) == 1
    # This week's scheduled check-ins: Aino answered, Eetu did not; and a follow-up Matti
    # agreed on for Friday is still not done.
    now = h.rt.clock.now()
    ids = {tg: await person_id(h, tg) for tg in (AINO, EETU)}

    async def seed(tx: Tx) -> None:
        for tg, status in ((AINO, "completed"), (EETU, "expired")):
            await tx.execute(
                "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state,"
                " status, started_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    ids[tg],
                    "viikkokysely",
                    WEEKLY_VERSION,
                    week_key(now),
                    "end",
                    status,
                    to_db(now),
                    to_db(now),
                ),
            )
        concern_id = await tx.fetchval("SELECT id FROM concerns WHERE student_id = ?", (ids[EETU],))
        await tx.execute(
            "INSERT INTO followups (concern_id, due_on, what, created_at) VALUES (?,?,?,?)",
            (concern_id, moved_text("2026-11-27"), "Soita <Eetulle>", to_db(now)),
        )

    await h.rt.db.transaction(seed)
    await h.advance(timedelta(days=6, hours=22))  # next Monday 08:00
    [digest] = [m["text"] for m in await inbox(h, MATTI) if "Viikkokooste" in m["text"]]
    _, next_week, _ = moved(date(2026, 11, 30)).isocalendar()
    assert f"Viikkokooste, viikko {next_week}" in digest
    assert "Vastaukset viime viikon kyselyihin: 1/2 (50 %)" in digest
    assert "Ei vastannut: Eetu Nieminen" in digest
    assert "Raskas viikko: jaksaminen heikko" in digest
    assert "Aino Laine" in digest
    assert "Eetu Nieminen" in digest
    assert "kuittaus myöhässä" in digest
    assert "Myöhässä olevat seurannat" in digest
    assert moved_text("Soita <Eetulle> (sovittu 27.11.)") in digest
    # Once per week per coach, and the reported info item is closed.
    await h.advance(timedelta(hours=3))
    assert [m["text"] for m in await inbox(h, MATTI) if "Viikkokooste" in m["text"]] == [digest]
    rows = await concerns(h)
    assert [r["status"] for r in rows if r["level"] == "info"] == ["closed"]
    digest_audits = await h.rt.db.fetchval("SELECT COUNT(*) FROM audit_log WHERE action = 'digest'")
    assert digest_audits == 2


async def test_silence_two_missed_scheduled_check_ins_alerts_the_coach(h: Harness) -> None:
    await h.say(AINO, "/start")  # Aino has talked to the bot before, just not lately
    aino = await people.person_by_tg(h.rt.db, AINO)
    assert aino is not None
    now = h.rt.clock.now()

    async def sent(tx: Tx, weeks_ago: int, status: str) -> None:
        started = now - timedelta(weeks=weeks_ago)
        await tx.execute(
            "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, status,"
            " started_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            (
                aino.id,
                "viikkokysely",
                WEEKLY_VERSION,
                f"2026-W{48 - weeks_ago}",
                "jaksaminen",
                status,
                started.isoformat(),
                started.isoformat(),
            ),
        )

    await h.rt.db.transaction(lambda tx: sent(tx, 2, "completed"))
    await h.rt.db.transaction(lambda tx: sent(tx, 1, "expired"))
    await h.rt.db.transaction(lambda tx: sent(tx, 0, "open"))
    await h.advance(timedelta(days=4))  # this week's expires too: two in a row
    [alert] = await inbox(h, MATTI)
    assert "Ei ole vastannut kahteen viimeiseen kyselyyn" in alert["text"]
    assert "2 kyselyä peräkkäin vastaamatta" in alert["text"]
    # The student was not told beforehand (nothing they said is shared) ...
    assert len(await h.bot_messages(AINO)) == 1  # only the /start greeting
    # ... but hears kindly when the coach acknowledges.
    await h.press(MATTI, "Otan yhteyttä")
    assert "ottaa sinuun pian yhteyttä ja kysyy, mitä sinulle kuuluu" in await h.last_text(AINO)
    details = json.loads(str((await concerns(h))[0]["reasons"]))
    assert details[0]["detail"] == {"missed": 2}


async def test_an_alert_the_coach_cannot_receive_goes_to_the_backup_at_once(h: Harness) -> None:
    await h.client.deactivate(MATTI)  # Matti's account is gone; the bot is not told
    await weekly(h, EETU, quitting="Kyllä")
    [backup] = await inbox(h, KAISA)  # at once: not the next tick, nor the next school day
    assert "Eetu Nieminen" in backup["text"]
    matti = await people.person_by_tg(h.rt.db, MATTI)
    unreachable = await h.rt.db.fetchval(
        "SELECT unreachable_at FROM persons WHERE id = ?", (matti.id if matti else 0,)
    )
    assert unreachable is not None
    # Later concerns skip the unreachable coach and go straight to the backup.
    await h.say(AINO, "/jutellaan")
    await h.press(AINO, "Puhelimessa")
    assert "Aino Laine" in (await inbox(h, KAISA))[-1]["text"]


async def test_deadlines_survive_a_restart(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    await h.restart()
    await h.say(EETU, "/apua")  # the new process has seen an update (the harness waits on it)
    await h.advance(timedelta(days=1, hours=1))
    assert len(await inbox(h, KAISA)) == 1
    # The alert's buttons still work after the restart.
    await h.press(MATTI, "Otan yhteyttä")
    assert "Matti on nähnyt, mitä kerroit" in await h.last_text(EETU)


async def test_the_backup_who_took_the_case_can_hand_it_over(h: Harness) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    await h.advance(timedelta(days=1, hours=1))  # Matti did not acknowledge: Kaisa has it
    await h.press(KAISA, "Otan yhteyttä")
    await h.press(KAISA, "Anna toiselle valmentajalle")
    await h.press(KAISA, "Olli Opettaja")
    await h.press(KAISA, "Lähetä ilman saatetta")
    await h.press(OLLI, "Otan vastaan")
    [concern] = await concerns(h)
    assert concern["coach_id"] == await person_id(h, OLLI)
    assert "Olli Opettaja otti tapauksen" in await h.last_text(KAISA)
    assert "Asiaasi hoitaa nyt Olli Opettaja" in await h.last_text(EETU)
    kinds = await events(h, concern["id"])
    assert kinds[-3:] == ["handover_draft", "handover_requested", "handover_accepted"]
