"""The contact log through the stand-in: an alert is acknowledged, the contact is logged with the
guided dialog, the coach is reminded on the agreed day, and the case is closed with a reason;
overdue follow-ups reach the coordinator; /seuranta puts the most urgent first; only the case's
coach (or a coordinator) can act; a restart in the middle of logging resumes."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from bot.harness import Harness
from tests.conftest import EETU, MATTI
from tests.test_escalation_e2e import (
    buttons,
    concerns,
    inbox,
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


async def log_contact(
    h: Harness,
    coach: int,
    *,
    how: str = "Puhelu",
    reached: str = "Kyllä",
    who: tuple[str, ...] = ("Opiskelija",),
    note: str | None = "Sovittiin, että Eetu tulee maanantaina työpajalle.",
    then: str = "Sovitaan seuranta",
    when: str = "päivän päästä",
    what: str | None = "Soitan ja kysyn, miten työpaja alkoi.",
    reason: str = "Ohjattu kuraattorille",
) -> None:
    """The guided contact-log dialog, answered by buttons and typing."""
    await h.press(coach, "Tänään")
    await h.press(coach, how)
    await h.press(coach, reached)
    if reached == "Kyllä":
        for person in who:
            await h.press(coach, person)
        await h.press(coach, "Valmis")
    if note is None:
        await h.press(coach, "Ohita")
    else:
        await h.say(coach, note)
    await h.press(coach, then)
    if then == "Sovitaan seuranta":
        await h.press(coach, when)
        if what is None:
            await h.press(coach, "Ohita")
        else:
            await h.say(coach, what)
    elif then == "Tapaus voidaan sulkea":
        await h.press(coach, reason)


async def test_alert_to_contact_to_reminder_to_closure(h: Harness) -> None:
    await weekly(h, EETU, quitting="Kyllä")  # urgent: Matti is alerted
    await h.press(MATTI, "Otan yhteyttä")
    await h.press(MATTI, "Kirjaa yhteydenotto")
    first = await h.last_text(MATTI)
    assert "Opiskelija: Eetu Nieminen" in first and "Milloin olit yhteydessä" in first

    await h.press(MATTI, "Tänään")
    await h.press(MATTI, "Puhelu")
    await h.press(MATTI, "Kyllä")
    await h.press(MATTI, "Opiskelija")
    await h.press(MATTI, "Huoltaja")
    await h.press(MATTI, "Valmis")
    assert "Älä kirjaa tähän terveystietoja" in await h.last_text(MATTI)
    await h.say(MATTI, "Sovittiin, että Eetu tulee maanantaina työpajalle.")
    await h.press(MATTI, "Sovitaan seuranta")
    await h.press(MATTI, "3 päivän päästä")
    await h.say(MATTI, "Soitan ja kysyn, miten työpaja alkoi.")
    assert "Muistutan sinua seurannasta" in await h.last_text(MATTI)

    [contact] = await contacts(h)
    assert contact["channel"] == "puhelu" and contact["reached"] == 1
    assert json.loads(contact["participants"]) == ["opiskelija", "huoltaja"]
    assert contact["note"] == "Sovittiin, että Eetu tulee maanantaina työpajalle."
    assert contact["contacted_on"] == "2026-11-23"
    [followup] = await followups(h)
    assert followup["due_on"] == "2026-11-26" and followup["done_at"] is None
    [case] = await concerns(h)
    assert case["status"] == "followup" and case["first_contact_at"] is not None

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
    assert case["status"] == "closed" and case["closure_reason"] == "kuraattori"
    assert [f["done_at"] is not None for f in await followups(h)] == [True]
    assert len(await contacts(h)) == 2
    await h.say(MATTI, "/seuranta")
    assert "Sinulla ei ole avoimia tapauksia" in await h.last_text(MATTI)
