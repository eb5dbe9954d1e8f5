"""/aikataulu on the group coach's and coordinator's phone, through the stand-in: the guided
dialog, list, delivery report and removal — and who may not."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from bot.config import PROJECT_ROOT
from bot.harness import Harness
from bot.scheduling.calendar_file import import_calendar, parse_calendar
from bot.services import people
from bot.storage.db import Tx
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, moved_text
from tests.support import (
    STUDENTS,
    advance_to,
    answer_all,
    at,
    buttons,
    checkins_received,
    last,
    open_chats,
)

CALENDAR = PROJECT_ROOT / "calendar" / "koulukalenteri.yaml"


async def active_schedules(h: Harness) -> list[dict[str, Any]]:
    return [dict(r) for r in await h.rt.db.fetchall("SELECT * FROM schedules WHERE active = 1")]


async def test_group_coach_makes_a_biweekly_schedule_step_by_step(school: Harness) -> None:
    h = school
    # the school-year calendar, its dates moved with the suite's fake time
    calendar = moved_text(CALENDAR.read_text(encoding="utf-8"))
    await import_calendar(h.rt.svc.unit("test"), parse_calendar(calendar))
    await open_chats(h, *STUDENTS)
    await h.say(SANNA, "/aikataulu")
    menu = await last(h, SANNA)
    assert "Kyselyjen aikataulut: SÄH23A" in menu["text"]
    assert "ei ole vielä aikatauluja" in menu["text"]
    assert buttons(menu) == ["➕ Uusi aikataulu"]

    await h.press(SANNA, "Uusi aikataulu")
    step = await last(h, SANNA)
    assert "Mikä kysely lähetetään?" in step["text"]
    assert {"Viikon kuulumiset", "Opintojen alku"} <= set(buttons(step))
    await h.press(SANNA, "Viikon kuulumiset")
    assert "Minä viikonpäivinä?" in (await last(h, SANNA))["text"]
    await h.press(SANNA, "Valmis")  # nothing chosen yet: a toast, no step forward
    assert "Minä viikonpäivinä?" in (await last(h, SANNA))["text"]
    await h.press(SANNA, "ma")
    await h.press(SANNA, "to")
    assert buttons(await last(h, SANNA))[:5] == ["✅ ma", "ti", "ke", "✅ to", "pe"]
    await h.press(SANNA, "Valmis")
    assert "Mihin aikaan" in (await last(h, SANNA))["text"]

    await h.press(SANNA, "Muu aika")
    assert "Kirjoita kellonaika" in (await last(h, SANNA))["text"]
    await h.say(SANNA, "puoli kahdeksan")
    assert "En tunnistanut kellonaikaa" in (await last(h, SANNA))["text"]
    await h.say(SANNA, "7.45")
    assert "Kuinka usein?" in (await last(h, SANNA))["text"]
    await h.press(SANNA, "Joka toinen viikko")

    step = await last(h, SANNA)
    assert "Milloin aikataulu on voimassa?" in step["text"]
    assert moved_text("Lukuvuoden loppuun (31.5.2027)") in buttons(step)
    assert moved_text("🛠 Työssäoppiminen 1: 11.1.2027–19.2.2027") in buttons(step)
    await h.press(SANNA, "Kirjoita päivät")
    await h.say(SANNA, moved_text("1.12.2026–31.5.2027"))
    assert "osuu lomalle" in (await last(h, SANNA))["text"]
    await h.press(SANNA, "Siirretään")

    summary = await last(h, SANNA)
    assert (
        moved_text(
            "Viikon kuulumiset · ma, to klo 7.45 · joka toinen viikko · 1.12.2026–31.5.2027"
            " · lomalta siirto seuraavaan koulupäivään"
        )
    ) in summary["text"]
    assert (
        moved_text("Seuraavat kyselyt:\n• to 3.12. klo 7.45\n• ma 14.12. klo 7.45")
        in summary["text"]
    )
    save = next(
        b["callback_data"]
        for row in summary["reply_markup"]["inline_keyboard"]
        for b in row
        if "Tallenna" in b["text"]
    )
    await h.press(SANNA, "Tallenna")
    saved = await last(h, SANNA)
    assert (
        moved_text("Aikataulu on tallennettu. Ensimmäinen kysely lähtee to 3.12. klo 7.45")
        in saved["text"]
    )
    again = await h.client.press(SANNA, saved["message_id"], save, force=True)  # double press
    await h.settle()
    assert "jo tallennettu" in ((await h.client.callback_answer(again)) or {}).get("text", "")

    [stored] = await active_schedules(h)
    assert (stored["weekdays"], stored["at_time"], stored["every_weeks"]) == ("0,3", "07:45", 2)
    assert (stored["starts_on"], stored["ends_on"], stored["on_break"]) == (
        moved_text("2026-12-01"),
        moved_text("2027-05-31"),
        "shift",
    )
    audit = await h.rt.db.fetchone("SELECT * FROM audit_log WHERE action = 'schedule_created'")
    assert audit is not None
    assert json.loads(audit["detail"])["weekdays"] == [0, 3]

    # the schedule runs: Thursday 07:45 is quiet hours, so the check-ins arrive at 08:00
    await advance_to(h, at(2026, 12, 3, 7, 45))
    assert await checkins_received(h) == {}
    await advance_to(h, at(2026, 12, 3, 8, 0))
    assert set(await checkins_received(h)) == set(STUDENTS)


async def test_the_list_shows_the_delivery_report_and_removes_a_schedule(school: Harness) -> None:
    h = school
    await open_chats(h, AINO, EETU)  # Linnea has not started the bot yet
    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    await h.press(SANNA, "Viikon kuulumiset")
    await h.press(SANNA, "ti")
    await h.press(SANNA, "Valmis")
    await h.press(SANNA, "9.00")
    await h.press(SANNA, "Joka viikko")
    await h.press(SANNA, "toistaiseksi")
    await h.press(SANNA, "Jätetään väliin")
    await h.press(SANNA, "Tallenna")
    await advance_to(h, at(2026, 11, 24, 9, 0))
    await answer_all(h, AINO)

    await h.say(SANNA, "/aikataulu")
    menu = await last(h, SANNA)
    assert "1. Viikon kuulumiset · ti klo 9.00 · joka viikko" in menu["text"]
    assert moved_text("Seuraava: ti 1.12. klo 9.00") in menu["text"]
    await h.press(SANNA, "Raportti 1")
    report = (await last(h, SANNA))["text"]
    assert "Raportti: Viikon kuulumiset · SÄH23A" in report
    assert moved_text("ti 24.11. klo 9.00") in report
    assert "Lähetetty 2/3 · vastannut 1" in report
    assert "Ei tavoitettavissa (estänyt botin): 1" in report  # Linnea: Telegram refused
    assert "Linnea" not in report
    assert "Aino" not in report

    await h.press(SANNA, "Takaisin")
    await h.press(SANNA, "Poista 1")
    assert "Poistetaanko" in (await last(h, SANNA))["text"]
    await h.press(SANNA, "Kyllä, poista")
    assert "Aikataulu on poistettu" in (await last(h, SANNA))["text"]
    assert await active_schedules(h) == []
    await advance_to(h, at(2026, 12, 1, 9, 0))
    assert await checkins_received(h) == {AINO: 1, EETU: 1}
    removed = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'schedule_removed'"
    )
    assert removed == 1


async def test_only_the_groups_own_staff_may_schedule(school: Harness) -> None:
    h = school
    await h.say(AINO, "/aikataulu")
    assert "ei ole käytössäsi" in await h.last_text(AINO)
    await h.say(MATTI, "/aikataulu")  # a coach, not a group coach
    assert "ei ole käytössäsi" in await h.last_text(MATTI)

    # another group with its own group coach, Olli
    now = h.rt.clock.now()

    async def other_group(tx: Tx) -> None:
        gid = await people.create_group(tx, now, "TVT24")
        olli = await people.create_person(
            tx, now, "Olli Ojala", roles=("group_coach",), tg_user_id=2010
        )
        await tx.execute(
            "INSERT INTO group_coaches (group_id, person_id) VALUES (?, ?)", (gid, olli)
        )

    await h.rt.db.transaction(other_group)
    await h.client.create_user(2010, "Olli")
    await h.say(2010, "/aikataulu")
    assert "Kyselyjen aikataulut: TVT24" in await h.last_text(2010)
    await h.say(KAISA, "/aikataulu")  # the coordinator manages every group
    assert buttons(await last(h, KAISA)) == ["SÄH23A", "TVT24"]

    await h.say(SANNA, "/aikataulu")
    sanna_menu = await last(h, SANNA)
    data = sanna_menu["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await h.say(2010, "/start")
    olli_message = await last(h, 2010)
    forged = await h.client.press(2010, olli_message["message_id"], data, force=True)
    await h.settle()
    assert "ei ole sinun" in ((await h.client.callback_answer(forged)) or {}).get("text", "")

    # Sanna stops being SÄH23A's group coach while her dialog is open: her buttons stop working
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "DELETE FROM group_coaches WHERE person_id ="
            " (SELECT id FROM persons WHERE tg_user_id = ?)",
            (SANNA,),
        )
    )
    query = await h.client.press_button(SANNA, "Uusi aikataulu")
    await h.settle()
    answer = ((await h.client.callback_answer(query)) or {}).get("text", "")
    assert "Et voi hallita tämän ryhmän aikatauluja" in answer
    refused = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'callback_refused'"
    )
    assert refused == 2
    assert await active_schedules(h) == []


async def test_the_dialog_speaks_swedish_and_survives_a_restart(school: Harness) -> None:
    h = school
    await h.say(SANNA, "/kieli")
    await h.press(SANNA, "Svenska")
    await h.say(SANNA, "/schema")
    await h.press(SANNA, "Nytt schema")
    await h.press(SANNA, "Veckans läge")  # the weekly check-in's Swedish title
    await h.press(SANNA, "ons")
    await h.press(SANNA, "Klar")
    await h.press(SANNA, "Annan tid")
    await h.restart()
    await h.say(SANNA, "14.30")  # the typed time is still expected after the restart
    assert "Hur ofta?" in await h.last_text(SANNA)
    await h.press(SANNA, "Varannan vecka")
    await h.press(SANNA, "tills vidare")
    await h.press(SANNA, "Hoppa över")
    summary = await h.last_text(SANNA)
    assert (
        moved_text("ons kl. 14.30 · varannan vecka · från 23.11.2026 · ingen enkät under lov")
        in summary
    )
    await h.press(SANNA, "Spara")
    assert moved_text("Schemat är sparat. Den första enkäten skickas ons 25.11. kl. 14.30.") in (
        await h.last_text(SANNA)
    )
    await open_chats(h, LINNEA)
    await h.advance(timedelta(days=2, hours=4, minutes=30))
    assert await checkins_received(h) == {LINNEA: 1}  # the others have not started the bot
