"""Peer prompt schedules that rotate a theme: made by a group coach in /aikataulu, sent to
the students (privately or in the linked group chat), the rotation order, who may not, and
`kohtaamo schedule add --theme`."""

from __future__ import annotations

import asyncio
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.harness import Harness
from bot.scheduling import store
from bot.services.demo import seed_demo
from bot.storage.db import Database, Tx
from tests.conftest import AINO, EETU, LINNEA, MATTI, SANNA, START, moved, moved_text
from tests.support import CHAT, STUDENTS, advance_to, at, buttons, last, link, open_chats

PARAS = "Mikä oli tämän viikon paras hetki?"  # ryhma-viikon-paras, the theme's first prompt
AAMU = "Oletko aamu- vai iltaihminen?"  # ryhma-aamu-ilta, a poll: the next one in private


async def received(h: Harness, chat_id: int) -> list[str]:
    """What a chat was sent: message texts and poll questions."""
    return [
        str(m["poll"]["question"]) if "poll" in m else str(m.get("text", ""))
        for m in await h.bot_messages(chat_id)
    ]


async def prompt_schedules(h: Harness) -> list[dict[str, Any]]:
    rows = await h.rt.db.fetchall("SELECT * FROM schedules WHERE kind = 'prompt' AND active = 1")
    return [dict(r) for r in rows]


async def make_weekly_theme_schedule(h: Harness, audience_button: str) -> dict[str, Any]:
    """Sanna: /aikataulu → new → 💬 Ryhmäytyminen → audience → Wednesdays 12.00, every week,
    from now on, skip breaks. Returns the confirm step's message (before saving)."""
    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    await h.press(SANNA, "💬 Ryhmäytyminen")
    await h.press(SANNA, audience_button)
    await h.press(SANNA, "ke")
    await h.press(SANNA, "Valmis")
    await h.press(SANNA, "12.00")
    await h.press(SANNA, "Joka viikko")
    await h.press(SANNA, "toistaiseksi")
    await h.press(SANNA, "Jätetään väliin")
    return await last(h, SANNA)


async def test_group_coach_schedules_a_theme_privately_and_each_week_brings_the_next_prompt(
    school: Harness,
) -> None:
    h = school
    await open_chats(h, *STUDENTS)
    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    first = await last(h, SANNA)
    assert "Mikä kysely lähetetään?" in first["text"]
    assert "keskustelunaiheita" in first["text"]
    offered = buttons(first)
    assert "Viikon kuulumiset" in offered
    assert "💬 Ryhmäytyminen" in offered
    await h.press(SANNA, "💬 Ryhmäytyminen")
    ask = await last(h, SANNA)
    assert "Minne keskustelunaiheet lähetetään?" in ask["text"]
    # no linked chat: only privately, and Sanna is told how to link one
    assert buttons(ask) == ["👤 Jokaiselle yksityisesti", "✖️ Peruuta"]
    assert "/liita" in ask["text"]
    await h.press(SANNA, "Peru")

    confirm = await make_weekly_theme_schedule(h, "Jokaiselle yksityisesti")
    assert (
        moved_text(
            "💬 Ryhmäytyminen · jokaiselle yksityisesti · ke klo 12.00 · joka viikko"
            " · 23.11.2026 alkaen · lomalla ei viestiä"
        )
    ) in confirm["text"]
    assert moved_text("• ke 25.11. klo 12.00\n• ke 2.12. klo 12.00") in confirm["text"]
    await h.press(SANNA, "Tallenna")
    assert moved_text("Ensimmäinen kysely lähtee ke 25.11. klo 12.00") in await h.last_text(SANNA)
    [stored] = await prompt_schedules(h)
    assert (stored["flow_id"], stored["audience"]) == ("theme:ryhmaytyminen", "private")
    audit = await h.rt.db.fetchone("SELECT * FROM audit_log WHERE action = 'schedule_created'")
    assert audit is not None
    assert json.loads(audit["detail"])["kind"] == "prompt"

    before = {s: len(await received(h, s)) for s in STUDENTS}
    await advance_to(h, at(2026, 11, 25, 12, 0))
    week1 = {s: (await received(h, s))[before[s] :] for s in STUDENTS}
    await advance_to(h, at(2026, 12, 2, 12, 0))
    week2 = {s: (await received(h, s))[before[s] + len(week1[s]) :] for s in STUDENTS}
    for student in (AINO, EETU):  # Finnish speakers
        assert len(week1[student]) == 1
        assert PARAS in week1[student][0]
        assert "Ryhmäytyminen" in week1[student][0]  # the theme's name heads the prompt
        assert week2[student][-1] == AAMU  # an intro, then the poll itself
        assert not any(PARAS in t for t in week2[student])
    assert week1[LINNEA]
    assert week2[LINNEA]
    assert week1[LINNEA] != week2[LINNEA]
    notes = [
        json.loads(r["note"])["flow"]
        for r in await h.rt.db.fetchall("SELECT note FROM rounds ORDER BY period_key")
    ]
    assert notes == ["ryhma-viikon-paras", "ryhma-aamu-ilta"]

    await h.say(SANNA, "/aikataulu")
    menu = await h.last_text(SANNA)
    assert "1. 💬 Ryhmäytyminen · jokaiselle yksityisesti · ke klo 12.00" in menu
    assert moved_text("Seuraava: ke 9.12. klo 12.00") in menu
    await h.press(SANNA, "Raportti 1")
    assert "Raportti: 💬 Ryhmäytyminen · SÄH23A" in await h.last_text(SANNA)


async def test_the_group_chat_is_offered_once_linked_and_the_round_posts_there(
    school: Harness,
) -> None:
    h = school
    await link(h)
    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    await h.press(SANNA, "💬 Ryhmäytyminen")
    ask = await last(h, SANNA)
    assert buttons(ask) == ["💬 Ryhmän chattiin", "👤 Jokaiselle yksityisesti", "✖️ Peruuta"]
    assert "/liita" not in ask["text"]
    await h.press(SANNA, "Peru")

    confirm = await make_weekly_theme_schedule(h, "Ryhmän chattiin")
    assert "💬 Ryhmäytyminen · ryhmän chattiin · ke klo 12.00" in confirm["text"]
    await h.press(SANNA, "Tallenna")
    [stored] = await prompt_schedules(h)
    assert stored["audience"] == "chat"
    before = len(await received(h, CHAT))
    await advance_to(h, at(2026, 11, 25, 12, 0))
    posted = (await received(h, CHAT))[before:]
    assert len(posted) == 1
    assert posted[0].startswith("💬 Ryhmäytyminen")
    assert PARAS in posted[0]
    await advance_to(h, at(2026, 12, 2, 12, 0))
    # the chat gets the theme's second prompt, a chat-only one
    assert "Kaksi totta ja yksi valhe" in (await received(h, CHAT))[-1]


async def test_a_plain_coach_or_a_forged_or_late_button_changes_nothing(school: Harness) -> None:
    h = school
    await h.say(MATTI, "/aikataulu")  # a coach, not a group coach
    assert "ei ole käytössäsi" in await h.last_text(MATTI)

    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    step = await last(h, SANNA)
    theme_data = next(
        b["callback_data"]
        for row in step["reply_markup"]["inline_keyboard"]
        for b in row
        if "Ryhmäytyminen" in b["text"]
    )
    forged = await h.client.press(MATTI, step["message_id"], theme_data, force=True)
    await h.settle()
    assert "ei ole sinun" in ((await h.client.callback_answer(forged)) or {}).get("text", "")

    confirm = await make_weekly_theme_schedule(h, "Jokaiselle yksityisesti")
    save = next(
        b["callback_data"]
        for row in confirm["reply_markup"]["inline_keyboard"]
        for b in row
        if "Tallenna" in b["text"]
    )
    # Sanna stops being the group's group coach before she saves: the save is refused
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "DELETE FROM group_coaches WHERE person_id ="
            " (SELECT id FROM persons WHERE tg_user_id = ?)",
            (SANNA,),
        )
    )
    late = await h.client.press(SANNA, confirm["message_id"], save, force=True)
    await h.settle()
    answer = ((await h.client.callback_answer(late)) or {}).get("text", "")
    assert "Et voi hallita tämän ryhmän aikatauluja" in answer
    assert await prompt_schedules(h) == []
    assert (
        await h.rt.db.fetchval("SELECT COUNT(*) FROM audit_log WHERE action = 'schedule_created'")
        == 0
    )


# -- the rotation ------------------------------------------------------------------------


async def theme_schedule(h: Harness, flow_id: str, audience: str = "private") -> int:
    now = h.clock.now()

    async def work(tx: Tx) -> int:
        group_id = await tx.fetchval("SELECT id FROM groups WHERE name = 'SÄH23A'")
        schedule = await store.add_schedule(
            tx,
            now,
            group_id=group_id,
            flow_id=flow_id,
            weekdays=[2],
            at_time="12:00",
            starts_on=moved(date(2026, 11, 23)),
            kind="prompt",
            audience=audience,
        )
        return schedule.id

    return await h.rt.db.transaction(work)


async def test_after_the_whole_theme_it_starts_again_from_the_least_sent(school: Harness) -> None:
    h = school
    await open_chats(h, *STUDENTS)
    now = h.clock.now()

    async def broadcast(tx: Tx) -> None:  # the coach already sent one of the theme's prompts
        group_id = await tx.fetchval("SELECT id FROM groups WHERE name = 'SÄH23A'")
        await tx.execute(
            "INSERT INTO broadcasts (group_ids, audience, prompt_id, created_at, confirmed_at)"
            " VALUES (?, 'private', 'ryhma-taito', ?, ?)",
            (json.dumps([group_id]), now.isoformat(), now.isoformat()),
        )

    await h.rt.db.transaction(broadcast)
    schedule_id = await theme_schedule(h, "theme:ryhmaytyminen")
    rounds = h.rt.features["rounds"]
    sent = []
    for week in range(48, 55):
        outcome = await rounds.create_round(
            h.rt.svc.unit("test"), schedule_id, period=f"2026-W{week}"
        )
        assert outcome.counts == {"queued": 3}
        note = await h.rt.db.fetchval("SELECT note FROM rounds WHERE id = ?", (outcome.round_id,))
        sent.append(json.loads(note)["flow"])
    # private prompts in library order: viikon-paras, aamu-ilta, taito, fiilis, tapaaminen
    assert sent == [
        "ryhma-viikon-paras",
        "ryhma-aamu-ilta",
        "ryhma-fiilis",
        "ryhma-tapaaminen",  # now every prompt has gone out once
        "ryhma-viikon-paras",  # so again from the first of the least sent
        "ryhma-aamu-ilta",
        "ryhma-taito",
    ]


async def test_a_theme_missing_from_the_library_is_a_missed_round(school: Harness) -> None:
    h = school
    await h.say(SANNA, "/start")
    schedule_id = await theme_schedule(h, "theme:poistettu-teema")
    await h.rt.features["rounds"].create_round(
        h.rt.svc.unit("test"), schedule_id, period="2026-W48"
    )
    row = await h.rt.db.fetchone("SELECT status, note FROM rounds")
    assert row is not None
    assert row["status"] == "missed"
    assert json.loads(row["note"])["reason"] == "flow-missing"
    await h.settle()
    assert "Kyselyjä jäi lähettämättä" in await h.last_text(SANNA)


# -- the command line --------------------------------------------------------------------


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "school.sqlite3"

    async def seed() -> None:
        db = await Database.open(path)
        try:
            await seed_demo(db, START)
        finally:
            await db.close()

    asyncio.run(seed())
    return path


def schedule_rows(path: Path) -> list[tuple[object, ...]]:
    async def read() -> list[tuple[object, ...]]:
        db = await Database.open(path)
        try:
            sql = "SELECT kind, flow_id, audience FROM schedules ORDER BY id"
            return [tuple(r) for r in await db.fetchall(sql)]
        finally:
            await db.close()

    return asyncio.run(read())


def test_cli_adds_a_theme_or_a_single_prompt_schedule(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    common = ["--group", "SÄH23A", "--days", "ke", "--time", "12:00", "--audience", "chat"]
    base = ["schedule", "--database", str(database), "add"]
    assert main([*base, "--theme", "ryhmaytyminen", *common]) == 0
    assert "prompt theme:ryhmaytyminen" in capsys.readouterr().out
    assert main([*base, "--prompt", "jaksaminen-viikko", *common]) == 0
    assert main([*base, "--theme", "ei-ole", *common]) == 2
    assert "no prompt theme 'ei-ole'" in capsys.readouterr().err
    assert schedule_rows(database) == [
        ("prompt", "theme:ryhmaytyminen", "chat"),
        ("prompt", "jaksaminen-viikko", "chat"),
    ]
