"""Peer groups through the stand-in: linking the group chat, broadcasts with preview and
delivery reports, polls and their totals, migration and removal, refusals, muting."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, STRANGER, moved, moved_text
from tests.support import CHAT, buttons, link, make_chat

PEKKA = 2050  # a group coach of another group


async def texts(h: Harness, chat_id: int) -> list[str]:
    return [str(m.get("text", "")) for m in await h.bot_messages(chat_id)]


async def audits(h: Harness, action: str) -> list[dict[str, Any]]:
    rows = await h.rt.db.fetchall("SELECT * FROM audit_log WHERE action = ?", (action,))
    return [dict(r) for r in rows]


async def group_chat(h: Harness) -> int | None:
    value = await h.rt.db.fetchval("SELECT chat_id FROM groups WHERE name = 'SÄH23A'")
    return None if value is None else int(value)


async def sent_requests(
    h: Harness, method: str, chat_id: int | None = None
) -> list[dict[str, Any]]:
    return [
        r
        for r in await h.client.requests()
        if r["method"] == method
        and r["status"] == 200
        and (chat_id is None or int(r["params"]["chat_id"]) == chat_id)
    ]


@pytest.fixture
async def linked(school: Harness) -> Harness:
    await link(school)
    assert await group_chat(school) == CHAT
    return school


async def test_group_coach_links_the_chat_after_confirming_privately(school: Harness) -> None:
    h = school
    await make_chat(h)
    hello = await texts(h, CHAT)
    assert any("/liita" in t for t in hello)  # the bot says how to link it when added

    await h.say(SANNA, "/liita", chat_id=CHAT)
    assert "yksityisviestillä" in (await texts(h, CHAT))[-1]
    ask = (await h.bot_messages(SANNA))[-1]
    assert "SÄH23A porukka" in ask["text"]
    assert buttons(ask) == ["SÄH23A", "✖️ Peruuta"]
    assert await group_chat(h) is None  # nothing linked before the confirmation

    await h.press(SANNA, "SÄH23A")
    assert await group_chat(h) == CHAT
    assert "Valmista" in await h.last_text(SANNA)
    welcome = (await texts(h, CHAT))[-1]
    assert "ryhmän SÄH23A" in welcome
    assert "Kenenkään kuulumiskyselyn vastauksia en näytä" in welcome
    assert len(await audits(h, "peer_chat_linked")) == 1
    assert [r for r in await h.client.requests() if r["status"] != 200] == []


# -- broadcasts --------------------------------------------------------------------------


async def report_of(h: Harness) -> str:
    """Reports come on the next clock tick once everything due has been delivered."""
    await h.advance(timedelta(seconds=30))
    return next(t for t in reversed(await texts(h, SANNA)) if "Lähetysraportti" in t)


async def test_library_prompt_to_the_group_chat_with_preview_then_a_report(linked: Harness) -> None:
    h = linked
    before = len(await texts(h, CHAT))
    await h.say(SANNA, "/laheta")
    first = (await h.bot_messages(SANNA))[-1]
    # One group: straight to where it goes; each student privately counts three students.
    assert buttons(first) == ["💬 Ryhmän chattiin", "👤 Jokaiselle yksityisesti (3)", "✖️ Peruuta"]
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Valmis keskustelunaihe")
    await h.press(SANNA, "Ryhmäytyminen")
    await h.press(SANNA, "Mikä oli tämän viikon paras")
    preview = await h.last_text(SANNA)
    assert "Esikatselu" in preview
    assert "Mikä oli tämän viikon paras hetki?" in preview
    assert "Vinkki ohjaajalle" in preview  # the facilitation tip, for the coach only
    assert len(await texts(h, CHAT)) == before  # nothing sent before the confirmation

    await h.press(SANNA, "✅ Lähetä")
    sent = (await texts(h, CHAT))[-1]
    assert sent.startswith("💬 Ryhmäytyminen")
    assert "paras hetki" in sent
    assert "Vinkki" not in sent
    assert "Lähetetty ryhmän chattiin" in await h.last_text(SANNA)

    report = await report_of(h)
    assert "Perillä: 1" in report
    assert "Ryhmäytyminen" not in report.split("\n")[0][:5]
    assert len(await sent_requests(h, "sendMessage", CHAT)) == before + 1
    logged = await audits(h, "peer_broadcast_sent")
    assert len(logged) == 1
    assert json.loads(logged[0]["detail"])["audience"] == "chat"

    # Pressing send again (a double tap) sends nothing more.
    await h.client.press_button(SANNA, "Päivitä")
    await h.settle()
    assert len(await sent_requests(h, "sendMessage", CHAT)) == before + 1


async def test_own_message_to_each_student_privately_reports_the_blocked_and_retries(
    linked: Harness,
) -> None:
    h = linked
    for student in (AINO, EETU, LINNEA):
        await h.say(student, "/start")
    await h.client.block(EETU)
    await h.settle()
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Jokaiselle yksityisesti")
    await h.press(SANNA, "Kirjoitan oman viestin")
    own = "Muistakaa huominen <tapaaminen> klo 12 & ottakaa eväät!"
    await h.say(SANNA, own)
    preview = await h.last_text(SANNA)
    assert "Esikatselu" in preview
    assert own in preview
    assert "3 opiskelijaa" in preview
    assert own not in (await texts(h, AINO))[-1]

    await h.press(SANNA, "✅ Lähetä")
    aino = (await texts(h, AINO))[-1]
    assert own in aino
    assert "Sanna Korhonen" in aino
    assert "ryhmävalmentaja" in aino
    linnea = (await texts(h, LINNEA))[-1]
    assert own in linnea
    assert "gruppcoach" in linnea
    assert all(own not in t for t in await texts(h, CHAT))  # nothing in the group chat

    report = await report_of(h)
    assert "Perillä: 2" in report
    assert "estetty: 1 (Eetu Nieminen)" in report
    delivered = [
        r
        for r in await sent_requests(h, "sendMessage")
        if "&lt;tapaaminen&gt; klo 12 &amp; ottakaa" in str(r["params"].get("text"))
        and int(r["params"]["chat_id"]) != SANNA
    ]
    refused = [
        r
        for r in await h.client.requests()
        if r["method"] == "sendMessage"
        and r["status"] == 403
        and int(r["params"]["chat_id"]) in (AINO, EETU, LINNEA)
    ]
    assert len(delivered) == 2
    assert len(refused) == 1
    assert {int(r["params"]["chat_id"]) for r in delivered} == {AINO, LINNEA}

    # Eetu opens the bot again; the group coach retries just for him.
    await h.client.unblock(EETU)
    await h.settle()
    await h.press(SANNA, "Yritä uudelleen (1)")
    assert own in (await texts(h, EETU))[-1]
    assert [t for t in await texts(h, AINO) if own in t] == [aino]  # Aino gets it once
    again = await report_of(h)
    assert "Perillä: 3" in again
    assert "estetty" not in again
    assert len(await audits(h, "peer_broadcast_retried")) == 1


async def test_private_poll_keeps_only_totals_and_shows_them_once_enough_answered(
    linked: Harness,
) -> None:
    h = linked
    for student in (AINO, EETU, LINNEA):
        await h.say(student, "/start")
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Jokaiselle yksityisesti")
    await h.press(SANNA, "Valmis keskustelunaihe")
    await h.press(SANNA, "Jaksaminen ja stressi")
    await h.press(SANNA, "Miltä tämä viikko on tuntunut")
    preview_poll = next(m for m in reversed(await h.bot_messages(SANNA)) if "poll" in m)
    assert preview_poll["poll"]["is_closed"]  # a preview nobody can vote in
    assert "yhteenvedon" in await h.last_text(SANNA)
    await h.press(SANNA, "✅ Lähetä")

    polls: dict[int, str] = {}
    for student in (AINO, EETU, LINNEA):
        messages = await h.bot_messages(student)
        assert "kukaan ei näe, mitä sinä vastasit" in messages[-2]["text"] or (
            "ingen ser vad du svarade" in messages[-2]["text"]
        )
        poll = messages[-1]["poll"]
        assert poll["is_anonymous"]
        assert not poll["allows_revoting"]
        polls[student] = poll["id"]
    linnea_poll = (await h.bot_messages(LINNEA))[-1]["poll"]
    assert linnea_poll["options"][0]["text"] == "🪶 Lätt"  # in her own language

    await h.client.answer_poll(AINO, polls[AINO], [2])
    await h.client.answer_poll(EETU, polls[EETU], [2])
    await h.settle()
    await h.say(SANNA, "/kysely_tulokset")
    await h.press(SANNA, "Miltä tämä viikko")
    early = await h.last_text(SANNA)
    assert "Vastanneita: 2/3" in early
    assert "alle 3" in early
    assert "Raskaalta" not in early

    await h.client.answer_poll(LINNEA, polls[LINNEA], [0])
    await h.settle()
    await h.press(SANNA, "Päivitä")
    result = await h.last_text(SANNA)
    assert "Vastanneita: 3/3" in result
    assert "🏋️ Raskaalta\n▰▰▰▰▰▰▰▱▱▱ 2 (67 %)" in result
    assert "🪶 Kevyeltä\n▰▰▰▱▱▱▱▱▱▱ 1 (33 %)" in result
    assert len(await audits(h, "peer_poll_results_viewed")) == 2

    # Only the group's totals remain: no ballot, and no Telegram poll id of a student's copy
    # anywhere in the database.
    rows = await h.rt.db.fetchall("SELECT poll_id, prompt_id, chat_id, counts FROM polls")
    assert [(r["prompt_id"], r["chat_id"]) for r in rows] == [("jaksaminen-viikko", None)]
    assert json.loads(rows[0]["counts"]) == {"votes": [1, 0, 2, 0], "voters": 3}
    for table in ("polls", "outbox", "audit_log", "callbacks", "broadcasts"):
        dump = json.dumps([list(r) for r in await h.rt.db.fetchall(f"SELECT * FROM {table}")])
        assert not any(poll_id in dump for poll_id in polls.values()), table


async def test_quiz_in_the_group_chat_shows_the_right_answer_in_the_results(
    linked: Harness,
) -> None:
    h = linked
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Valmis keskustelunaihe")
    await h.press(SANNA, "Raha-asiat")
    await h.press(SANNA, "Mistä opintotukea haetaan")
    await h.press(SANNA, "✅ Lähetä")
    message = (await h.bot_messages(CHAT))[-1]
    poll = message["poll"]
    assert poll["type"] == "quiz"
    assert poll["correct_option_ids"] == [0]
    await h.client.answer_poll(AINO, poll["id"], [0])
    await h.client.answer_poll(EETU, poll["id"], [3])
    await h.settle()
    await h.say(SANNA, "/kysely_tulokset")
    await h.press(SANNA, "Mistä opintotukea")
    result = await h.last_text(SANNA)
    assert "Vastanneita: 2" in result
    assert "ryhmän chatissa" in result
    assert "Kelasta ✅\n▰▰▰▰▰▱▱▱▱▱ 1 (50 %)" in result
    assert "Pankista\n▰▰▰▰▰▱▱▱▱▱ 1 (50 %)" in result
    stored = await h.rt.db.fetchone(
        "SELECT chat_id, message_id, counts FROM polls WHERE poll_id LIKE 'peer:%'"
    )
    assert stored is not None
    assert stored["chat_id"] == CHAT
    assert stored["message_id"] == message["message_id"]


async def test_own_poll_written_as_lines_becomes_a_native_poll(linked: Harness) -> None:
    h = linked
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Kirjoitan oman viestin")
    await h.say(SANNA, "Missä pidetään seuraava tapaaminen?\n- Koululla")
    assert "2–10 vaihtoehtoa" in await h.last_text(SANNA)  # still waiting for a good one
    await h.say(SANNA, "Missä pidetään seuraava tapaaminen?\n- Koululla\n- Kahvilassa")
    await h.press(SANNA, "✅ Lähetä")
    poll = (await h.bot_messages(CHAT))[-1]["poll"]
    assert poll["question"] == "Missä pidetään seuraava tapaaminen?"
    assert [o["text"] for o in poll["options"]] == ["Koululla", "Kahvilassa"]
    await h.client.answer_poll(LINNEA, poll["id"], [1])
    await h.settle()
    await h.say(SANNA, "/kysely_tulokset")
    await h.press(SANNA, "Missä pidetään")
    assert "Kahvilassa\n▰▰▰▰▰▰▰▰▰▰ 1 (100 %)" in await h.last_text(SANNA)


async def test_private_messages_wait_for_quiet_hours(linked: Harness) -> None:
    h = linked
    for student in (AINO, EETU, LINNEA):
        await h.say(student, "/start")
    await h.advance(timedelta(hours=12))  # Monday 22:00 in Helsinki
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Jokaiselle yksityisesti")
    await h.press(SANNA, "Valmis keskustelunaihe")
    await h.press(SANNA, "Ryhmäytyminen")
    await h.press(SANNA, "Mitä sellaista osaat")
    await h.press(SANNA, "✅ Lähetä")
    assert all("Mitä sellaista osaat" not in t for t in await texts(h, AINO))
    waiting = await report_of(h)
    assert "hiljaisten tuntien loppumista (klo 8.00): 3" in waiting
    await h.advance(timedelta(hours=10))  # Tuesday 08:00
    assert "Mitä sellaista osaat" in (await texts(h, AINO))[-1]
    final = await report_of(h)  # a second, final report once the waiting ones are out
    assert "Perillä: 3" in final
    assert "Odottaa" not in final


# -- the chat's life: migration and removal -----------------------------------------------


async def test_group_becoming_a_supergroup_keeps_the_link_and_tells_the_coach(
    linked: Harness,
) -> None:
    h = linked
    new_id = await h.client.migrate_group(CHAT)
    await h.settle()
    assert await group_chat(h) == new_id
    told = [t for t in await texts(h, SANNA) if "superryhmäksi" in t]
    assert len(told) == 1  # both service messages arrive; the coach hears it once
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Kirjoitan oman viestin")
    await h.say(SANNA, "Hei superryhmä!")
    await h.press(SANNA, "✅ Lähetä")
    assert "Hei superryhmä!" in (await texts(h, new_id))[-1]
    assert len(await audits(h, "peer_chat_migrated")) == 1


async def test_removing_the_bot_unlinks_the_chat_and_tells_the_coach(linked: Harness) -> None:
    h = linked
    await h.client.remove_bot(CHAT, AINO)
    await h.settle()
    assert await group_chat(h) is None
    assert "poistettiin ryhmän SÄH23A chatista" in await h.last_text(SANNA)
    await h.say(SANNA, "/laheta")
    offer = (await h.bot_messages(SANNA))[-1]
    assert "ei ole liitettyä chattia" in offer["text"]
    assert "💬 Ryhmän chattiin" not in buttons(offer)
    assert len(await audits(h, "peer_chat_removed")) == 1


# -- who may do what ----------------------------------------------------------------------


async def add_pekka(h: Harness) -> None:
    """A group coach of another group, who is also in the SÄH23A chat."""
    now = h.clock.now()

    async def work(tx: Any) -> None:
        from bot.services import people

        other = await people.create_group(tx, now, "LOG24B")
        pekka = await people.create_person(
            tx, now, "Pekka Lahti", roles=("group_coach",), tg_user_id=PEKKA
        )
        await tx.execute(
            "INSERT INTO group_coaches (group_id, person_id) VALUES (?, ?)", (other, pekka)
        )

    await h.rt.db.transaction(work)
    await h.client.create_user(PEKKA, "Pekka", last_name="Lahti")
    await h.say(PEKKA, "/start")


async def test_students_and_other_coaches_cannot_link_send_or_read(school: Harness) -> None:
    h = school
    await make_chat(h)
    await add_pekka(h)
    await h.client.add_member(CHAT, PEKKA)
    await h.say(AINO, "/start")

    await h.say(AINO, "/liita", chat_id=CHAT)
    assert "ei ole käytössäsi" in (await texts(h, CHAT))[-1]
    await h.say(AINO, "/laheta")
    assert "ei ole käytössäsi" in await h.last_text(AINO)
    await h.say(STRANGER, "/kysely_tulokset")
    assert "ei ole käytössäsi" in await h.last_text(STRANGER)
    refused = {json.loads(a["detail"])["what"] for a in await audits(h, "role_refused")}
    assert {"link", "broadcast", "poll_results"} <= refused

    # A group coach of another group sees only their own group, and cannot take this chat
    # once it belongs to SÄH23A.
    await h.say(PEKKA, "/liita", chat_id=CHAT)
    assert buttons((await h.bot_messages(PEKKA))[-1]) == ["LOG24B", "✖️ Peruuta"]
    await h.say(SANNA, "/liita", chat_id=CHAT)
    await h.press(SANNA, "SÄH23A")
    query = await h.press(PEKKA, "LOG24B")
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun ryhmäsi" in str(answer["text"])
    assert await group_chat(h) == CHAT
    assert len(await audits(h, "peer_link_refused")) == 1
    await h.say(PEKKA, "/kysely_tulokset")
    assert "ei ole vielä lähetetty" in await h.last_text(PEKKA)
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "DELETE FROM group_coaches WHERE group_id ="
            " (SELECT id FROM groups WHERE name = 'LOG24B')"
        )
    )
    await h.say(PEKKA, "/laheta")
    assert "Sinulla ei ole vielä ryhmiä" in await h.last_text(PEKKA)

    # Aino forges Sanna's link button: refused, audited, nothing changes.
    await h.rt.db.transaction(lambda tx: tx.execute("UPDATE groups SET chat_id = NULL"))
    await h.say(SANNA, "/liita", chat_id=CHAT)
    ask = (await h.bot_messages(SANNA))[-1]
    data = ask["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    own = (await h.bot_messages(AINO))[-1]
    query = await h.client.press(AINO, own["message_id"], data, force=True)
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun" in str(answer["text"])
    assert await group_chat(h) is None
    assert any(
        json.loads(a["detail"])["reason"] == "callback-not-yours"
        for a in await audits(h, "callback_refused")
    )


async def test_a_coach_who_lost_the_group_mid_way_is_refused_at_send(linked: Harness) -> None:
    h = linked
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Kirjoitan oman viestin")
    await h.say(SANNA, "Tätä ei pitäisi lähettää")
    before = len(await texts(h, CHAT))
    await h.rt.db.transaction(lambda tx: tx.execute("DELETE FROM group_coaches"))
    await h.press(SANNA, "✅ Lähetä")
    assert "ei ole sinun ryhmäsi" in await h.last_text(SANNA)
    assert len(await texts(h, CHAT)) == before
    assert len(await audits(h, "peer_broadcast_refused")) == 1


async def test_coordinator_can_send_to_any_group(linked: Harness) -> None:
    h = linked
    await h.say(KAISA, "/start")
    await h.say(KAISA, "/laheta")
    await h.press(KAISA, "Ryhmän chattiin")
    await h.press(KAISA, "Kirjoitan oman viestin")
    await h.say(KAISA, "Terveisiä koordinaattorilta")
    await h.press(KAISA, "✅ Lähetä")
    assert "Terveisiä koordinaattorilta" in (await texts(h, CHAT))[-1]
    await h.say(MATTI, "/laheta")  # a coach without the group coach role
    assert "ei ole käytössäsi" in await h.last_text(MATTI)


# -- a student's own choice ---------------------------------------------------------------


async def test_student_mutes_private_group_prompts_but_check_ins_continue(
    linked: Harness,
) -> None:
    h = linked
    for student in (AINO, EETU, LINNEA):
        await h.say(student, "/start")
    await h.say(AINO, "/ryhmaviestit")
    assert "päällä" in await h.last_text(AINO)
    query = await h.press(AINO, "Ota ryhmäviestit pois")
    assert "pois päältä" in await h.last_text(AINO)
    assert "pois" in str((await h.client.callback_answer(query) or {}).get("text"))

    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Jokaiselle yksityisesti")
    await h.press(SANNA, "Kirjoitan oman viestin")
    await h.say(SANNA, "Hyvää viikonloppua kaikille!")
    assert "2 opiskelijaa – 1 on ottanut ryhmäviestit pois" in await h.last_text(SANNA)
    await h.press(SANNA, "✅ Lähetä")
    assert all("Hyvää viikonloppua" not in t for t in await texts(h, AINO))
    assert "Hyvää viikonloppua" in (await texts(h, EETU))[-1]
    report = await report_of(h)
    assert "Perillä: 2" in report
    assert "ryhmäviestit pois tai tauko): 1" in report

    await h.say(AINO, "/kuulumiset")  # check-ins still come
    assert "Millainen viikko sinulla on ollut?" in await h.last_text(AINO)
    await h.say(AINO, "/ryhmaviestit")
    await h.press(AINO, "Ota ryhmäviestit takaisin")
    assert "päällä" in await h.last_text(AINO)


async def test_draft_survives_a_restart(linked: Harness) -> None:
    h = linked
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Kirjoitan oman viestin")
    await h.restart()
    await h.say(SANNA, "Kirjoitettu uudelleenkäynnistyksen jälkeen")
    assert "Esikatselu" in await h.last_text(SANNA)
    await h.press(SANNA, "✅ Lähetä")
    assert "uudelleenkäynnistyksen" in (await texts(h, CHAT))[-1]


# -- scheduled prompts --------------------------------------------------------------------


async def add_prompt_schedule(h: Harness, prompt_id: str, audience: str) -> None:
    from datetime import date

    from bot.scheduling import store

    now = h.clock.now()

    async def work(tx: Any) -> None:
        group_id = await tx.fetchval("SELECT id FROM groups WHERE name = 'SÄH23A'")
        await store.add_schedule(
            tx,
            now,
            group_id=group_id,
            flow_id=prompt_id,
            weekdays=[2],  # Wednesdays
            at_time="12:00",
            starts_on=moved(date(2026, 11, 23)),
            kind="prompt",
            audience=audience,
        )
        # The next week is a break for this school: 30 November – 4 December 2026.
        await tx.execute(
            "INSERT INTO school_breaks (name, starts_on, ends_on) VALUES (?,?,?)",
            ("itsenäisyyspäivän viikko", *map(moved_text, ("2026-11-30", "2026-12-04"))),
        )

    await h.rt.db.transaction(work)


async def test_scheduled_prompt_arrives_on_wednesday_at_noon_and_not_in_a_break(
    linked: Harness,
) -> None:
    h = linked
    await add_prompt_schedule(h, "ryhma-viikon-paras", "chat")
    before = len(await texts(h, CHAT))
    await h.advance(timedelta(days=2, hours=1, minutes=59))  # Wednesday 11:59
    assert len(await texts(h, CHAT)) == before
    await h.advance(timedelta(minutes=1))  # Wednesday 12:00
    assert "paras hetki" in (await texts(h, CHAT))[-1]
    assert len(await texts(h, CHAT)) == before + 1

    await h.advance(timedelta(hours=1))  # later ticks send nothing more
    await h.advance(timedelta(days=7))  # next Wednesday falls in the break
    assert len(await texts(h, CHAT)) == before + 1
    statuses = [
        r["status"] for r in await h.rt.db.fetchall("SELECT status FROM rounds ORDER BY period_key")
    ]
    assert statuses == ["sent", "skipped"]
    await h.advance(timedelta(days=7))  # and the week after, again
    assert len(await texts(h, CHAT)) == before + 2


async def test_scheduled_private_poll_goes_to_each_student_once(linked: Harness) -> None:
    h = linked
    for student in (AINO, EETU, LINNEA):
        await h.say(student, "/start")
    await add_prompt_schedule(h, "jaksaminen-viikko", "private")
    await h.advance(timedelta(days=2, hours=2))  # Wednesday 12:00
    await h.restart()  # a restart after the round changes nothing
    await h.say(SANNA, "/apua")  # (the harness settles on updates the new instance handled)
    await h.advance(timedelta(minutes=30))
    for student in (AINO, EETU, LINNEA):
        polls = [m for m in await h.bot_messages(student) if "poll" in m]
        assert len(polls) == 1
        assert polls[0]["poll"]["is_anonymous"]
    note = json.loads(
        await h.rt.db.fetchval("SELECT note FROM rounds WHERE status = 'sent'") or "{}"
    )
    assert note["counts"] == {"queued": 3}


async def test_scheduled_chat_prompt_without_a_chat_tells_the_coach(school: Harness) -> None:
    h = school
    await h.say(SANNA, "/start")
    await add_prompt_schedule(h, "ryhma-viikon-paras", "chat")
    await h.advance(timedelta(days=2, hours=2))
    assert "ei ole liitettyä chattia" in await h.last_text(SANNA)


async def test_send_prompt_is_once_per_period(linked: Harness) -> None:
    h = linked
    peer = h.rt.features["peer"]
    now = h.clock.now()
    group_id = await h.rt.db.fetchval("SELECT id FROM groups WHERE name = 'SÄH23A'")

    async def send(tx: Any) -> int:
        rows = await peer.send_prompt(tx, now, group_id, "ryhma-fiilis", "private", "2026-W48")
        return len(rows)

    assert await h.rt.db.transaction(send) == 6  # an intro and a poll for each of three
    assert await h.rt.db.transaction(send) == 0
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM polls") == 1  # one totals row


async def test_a_scheduled_prompt_gone_from_the_library_is_a_missed_round(
    linked: Harness,
) -> None:
    h = linked
    await add_prompt_schedule(h, "poistettu-aihe", "chat")
    before = len(await texts(h, CHAT))
    await h.advance(timedelta(days=2, hours=2))
    assert len(await texts(h, CHAT)) == before
    assert await h.rt.db.fetchval("SELECT status FROM rounds") == "missed"
    assert any("poistettu-aihe" in t for t in await texts(h, SANNA))  # the coach is told


async def test_who_answered_a_sign_up_poll_is_never_stored(linked: Harness) -> None:
    h = linked
    await h.say(SANNA, "/laheta")
    await h.press(SANNA, "Ryhmän chattiin")
    await h.press(SANNA, "Valmis keskustelunaihe")
    await h.press(SANNA, "Yhteinen tekeminen")
    await h.press(SANNA, "Kuka lähtee mukaan")
    assert "ryhmä näkee, kuka vastasi mitä" in await h.last_text(SANNA)  # the coach is told
    await h.press(SANNA, "✅ Lähetä")
    poll = (await h.bot_messages(CHAT))[-1]["poll"]
    assert not poll["is_anonymous"]  # a sign-up: the group sees who is coming
    await h.client.answer_poll(AINO, poll["id"], [0])
    await h.client.answer_poll(EETU, poll["id"], [0])
    await h.settle()
    totals = await h.rt.db.fetchval("SELECT counts FROM polls WHERE poll_id LIKE 'peer:%'")
    assert json.loads(totals) == {"votes": [2, 0, 0], "voters": 2}
    aino = await h.rt.db.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (AINO,))
    for table in ("polls", "audit_log"):
        for row in await h.rt.db.fetchall(f"SELECT * FROM {table}"):
            assert str(AINO) not in json.dumps(list(row))
            if table == "audit_log":
                assert row["subject_id"] != aino
                assert row["actor_id"] != aino
