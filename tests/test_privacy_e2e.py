"""A student's own data through the stand-in: see it (and who looked), download it, erase it
— leaving nothing anywhere, also after a restart — and pause check-ins."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

from bot.clock import to_db
from bot.harness import Harness
from bot.risk.cues import default_detector
from bot.services.privacy.data import PERSON_ID_COLUMNS, TG_ID_COLUMNS, foreign_keys
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, helsinki, moved_text
from tests.support import (
    add_schedule,
    advance_to,
    at,
    buttons,
    checkins_received,
    documents,
    last_text,
    open_chats,
    person_id,
    refused,
    texts,
)

AINO_NAME = "Aino Laine"


async def complete_checkin(h: Harness, tg: int, free_text: str = "Ihan hyvä viikko") -> None:
    await h.say(tg, "/kuulumiset")
    for _ in range(12):  # answer whatever comes: the first button, or text
        message = (await h.bot_messages(tg))[-1]
        labels = buttons(message)
        if not labels:
            if "Kiitos" in str(message.get("text")):
                return
            await h.say(tg, free_text)
            continue
        done = [label for label in labels if "Valmis" in label]
        await h.press(tg, done[0] if done else labels[0])
    raise AssertionError("the check-in did not end")


async def staff_started(h: Harness) -> None:
    """Telegram lets a bot write only to people who have opened a chat with it."""
    for tg in (MATTI, KAISA):
        await h.say(tg, "/start")


async def rich_history(h: Harness) -> int:
    """Aino has answered, has a concern with a contact, and staff have looked at her."""
    await staff_started(h)
    aino, matti = await person_id(h, AINO), await person_id(h, MATTI)
    await complete_checkin(h, AINO)
    now = to_db(h.clock.now())

    async def work(tx: Any) -> None:
        concern = await tx.execute(
            "INSERT INTO concerns (student_id, coach_id, level, reasons, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?)",
            (aino, matti, "concern", json.dumps([{"reason": "r-student-asked"}]), now, now),
        )
        await tx.execute(
            "INSERT INTO concern_events (concern_id, at, actor_id, kind) VALUES (?,?,?,?)",
            (concern, now, matti, "acknowledged"),
        )
        await tx.execute(
            "INSERT INTO contacts (concern_id, student_id, coach_id, contacted_on, channel, note,"
            " created_at) VALUES (?,?,?,?,?,?,?)",
            (concern, aino, matti, moved_text("2026-11-23"), "met", "Juteltiin kahvilla", now),
        )

    await h.rt.db.transaction(work)
    await h.say(MATTI, "/opiskelijat")  # a staff read: audited
    await h.press(MATTI, "Aino")  # the card: audited, and the button payload names her
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Ryhmät ja opiskelijat")
    await h.press(KAISA, "SÄH23A")  # the coordinator's roster view: audited
    return aino


async def references_to(h: Harness, pid: int, tg: int, name: str) -> list[str]:
    """Every place in the whole schema that still points at the person, by id, Telegram id or
    name — found independently of the erasure code, from the schema and the raw values."""
    found = []
    fk_columns = {
        (fk.table, fk.column) for fk in await foreign_keys(h.rt.db) if fk.target == "persons"
    }
    tg_pattern = re.compile(rf"(?<!\d){tg}(?!\d)")
    for table in await h.rt.db.tables():
        for row in await h.rt.db.fetchall(f'SELECT * FROM "{table}"'):
            for column, value in dict(row).items():
                person_column = (
                    (table, column) in fk_columns
                    or column in PERSON_ID_COLUMNS
                    or (table == "persons" and column == "id")
                )
                if person_column and value == pid:
                    found.append(f"{table}.{column} = person {pid}")
                if (column in TG_ID_COLUMNS or column == "chat_id") and value == tg:
                    found.append(f"{table}.{column} = telegram {tg}")
                if isinstance(value, str) and (name in value or tg_pattern.search(value)):
                    found.append(f"{table}.{column} mentions them: {value[:80]!r}")
                if isinstance(value, str) and value.startswith(("{", "[")):
                    try:
                        parsed = json.loads(value)
                    except ValueError:
                        continue
                    if _holds(parsed, pid):
                        found.append(f"{table}.{column} payload holds {pid}: {value[:80]!r}")
    return found


def _holds(value: Any, pid: int) -> bool:
    if isinstance(value, dict):
        return any(
            (any(k in str(key) for k in ("student", "person", "subject")) and _has_id(item, pid))
            or _holds(item, pid)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return any(_holds(item, pid) for item in value)
    return False


def _has_id(value: Any, pid: int) -> bool:
    return value == pid or (isinstance(value, list) and pid in value)


# -- /omat_tiedot ---------------------------------------------------------------------------------


async def test_my_data_shows_everything_held_and_who_looked(school: Harness) -> None:
    h = school
    await rich_history(h)
    await h.say(AINO, "/omat_tiedot")
    shown = "\n".join((await texts(h, AINO))[-3:])
    for part in (
        "Tämän tiedän sinusta, Aino",
        "Nimi: Aino Laine",
        "Ryhmä: SÄH23A",
        "Omavalmentaja: Matti Virtanen",
        "Varavalmentaja: Kaisa Mäkelä",
        "Kuulumiskyselyt (1)",
        "Viikon kuulumiset",
        "Millainen viikko sinulla on ollut?",
        "huoli (avoin, Matti Virtanen)",
        "Juteltiin kahvilla",
        "Kuka on käsitellyt tietojasi",
        # An alert only queued for the coach is said to be just that (issue 19.5).
        "Matti Virtanen – hänelle lähetettiin ilmoitus, jotta hän ottaisi sinuun yhteyttä",
        "Matti Virtanen – katsoi opiskelijalistaansa",
        "Matti Virtanen – avasi tietosi",
        "Kaisa Mäkelä – katsoi ryhmän nimilistaa",
        moved_text("23.11.2026 klo 10.00"),
        "Telegram-tunnus: 1001",
    ):
        assert part in shown, part
    assert "katsoi tietojasi" not in shown  # no vague label for what was not a look
    # Her own look is not a staff read, and what she saw is not kept in the outbox.
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM audit_log WHERE actor_id = subject_id") == 0
    await h.advance(timedelta(minutes=1))
    assert (
        await h.rt.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE payload LIKE '%Tämän tiedän sinusta%'"
        )
        == 0
    )
    assert await refused(h) == []


async def test_swedish_student_sees_her_data_in_swedish(school: Harness) -> None:
    h = school
    await h.say(LINNEA, "/mina_uppgifter")
    text = await last_text(h, LINNEA)
    assert "Det här vet jag om dig, Linnea" in text
    assert "Coach: Matti Virtanen" in text


# -- /vie -----------------------------------------------------------------------------------------


async def test_export_is_valid_json_with_every_row_about_the_student(school: Harness) -> None:
    h = school
    aino = await rich_history(h)
    await h.say(AINO, "/vie")
    ((name, data),) = await documents(h, AINO)
    assert name.endswith(".json")
    export = json.loads(data)
    tables = export["tables"]
    assert export["kohtaamo_export"]["person_id"] == aino
    for table in (
        "persons",
        "person_roles",
        "students",
        "sessions",
        "answers",
        "concerns",
        "concern_events",
        "contacts",
        "audit_log",
        "outbox",
        "callbacks",
    ):
        assert tables.get(table), table
    assert tables["persons"][0]["display_name"] == AINO_NAME
    answered = {a["question_id"] for a in tables["answers"]}
    assert "jaksaminen" in answered
    assert all("token_hash" not in r for r in tables.get("invites", []))
    assert all("token" not in r for r in tables["callbacks"])
    # every row that erasure would delete is in the export, and nothing else
    assert {a["subject_id"] for a in tables["audit_log"]} <= {aino, None}


# -- /poista --------------------------------------------------------------------------------------


async def test_erase_asks_first_and_cancelling_keeps_everything(school: Harness) -> None:
    h = school
    await h.say(AINO, "/poista")
    ask = (await h.bot_messages(AINO))[-1]
    assert "Tätä" not in ask["text"]
    assert "Poistetaanko kaikki tietosi" in ask["text"]
    assert buttons(ask) == ["🗑️ Kyllä, poista kaikki", "Ei sittenkään"]
    await h.press(AINO, "Ei sittenkään")
    assert "mitään ei poistettu" in await last_text(h, AINO)
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons WHERE tg_user_id = ?", (AINO,)) == 1


async def test_erase_leaves_no_row_anywhere_about_the_student(school: Harness) -> None:
    h = school
    aino = await rich_history(h)
    await h.say(AINO, "/tauko")
    await h.press(AINO, "Valitsen päivän")  # a pending input keyed by her Telegram id
    before = await references_to(h, aino, AINO, AINO_NAME)
    for place in (
        "sessions.person_id",
        "contacts.student_id",
        "audit_log.subject_id",
        "pending_inputs.tg_user_id",
        "callbacks.payload",
    ):
        assert any(place in found for found in before), place  # the scan sees what is there
    detector = default_detector()
    read = detector.detect("tämä on Ainon viesti")
    assert detector.detect("tämä on Ainon viesti") is read  # kept for a second reading
    await h.say(AINO, "/poista")
    await h.press(AINO, "Kyllä, poista kaikki")

    assert "Tietosi on nyt poistettu" in await last_text(h, AINO)
    assert detector.detect("tämä on Ainon viesti") is not read  # nor does memory keep it
    coach_note = await last_text(h, MATTI)
    assert "Aino Laine (SÄH23A) lähti Kohtaamosta ja poisti tietonsa" in coach_note
    assert "Juteltiin" not in coach_note
    assert "jaksanut" not in coach_note
    await h.advance(timedelta(minutes=1))  # the next tick forgets the delivered notes
    assert await references_to(h, aino, AINO, AINO_NAME) == []
    # The erasure itself is accounted for without naming anyone.
    erased = await h.rt.db.fetchone("SELECT * FROM audit_log WHERE action = 'student_erased'")
    assert erased is not None
    assert erased["subject_id"] is None
    assert erased["actor_id"] is None

    await h.restart()
    assert await references_to(h, aino, AINO, AINO_NAME) == []
    await h.say(AINO, "Hei taas")
    assert "Et ole vielä mukana" in await last_text(h, AINO)
    menu = [c["command"] for c in await h.client.commands(scope=f"chat:{AINO}")]
    assert "omat_tiedot" not in menu
    # the others are untouched
    await h.say(MATTI, "/opiskelijat")
    listing = await last_text(h, MATTI)
    assert "Eetu Nieminen" in listing
    assert "Aino" not in listing
    assert await refused(h) == []


async def test_someone_else_pressing_the_erase_button_is_refused_and_audited(
    school: Harness,
) -> None:
    h = school
    await h.say(AINO, "/poista")
    data = (await h.bot_messages(AINO))[-1]["reply_markup"]["inline_keyboard"][0][0][
        "callback_data"
    ]
    await h.say(EETU, "/apua")
    eetu_message = (await h.bot_messages(EETU))[-1]
    query = await h.client.press(EETU, eetu_message["message_id"], data, force=True)
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun" in str(answer["text"])
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons WHERE tg_user_id = ?", (AINO,)) == 1
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons WHERE tg_user_id = ?", (EETU,)) == 1
    audited = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'callback_refused' AND actor_tg_id = ?",
        (EETU,),
    )
    assert audited == 1


# -- /tauko ---------------------------------------------------------------------------------------


async def paused_until(h: Harness, tg: int) -> str | None:
    value = await h.rt.db.fetchval(
        "SELECT s.paused_until FROM students s JOIN persons p ON p.id = s.person_id"
        " WHERE p.tg_user_id = ?",
        (tg,),
    )
    return None if value is None else str(value)


async def test_pause_for_a_week_tells_the_coach_and_can_end_early(school: Harness) -> None:
    h = school
    await staff_started(h)
    await h.say(AINO, "/tauko")
    assert buttons((await h.bot_messages(AINO))[-1]) == [
        "1 viikko",
        "2 viikkoa",
        "📅 Valitsen päivän",
        "Ei taukoa",
    ]
    await h.press(AINO, "1 viikko")
    assert moved_text(
        "Tauko on päällä 29.11.2026 asti. Kyselyt jatkuvat 30.11.2026"
    ) in await last_text(h, AINO)
    # resumes at local midnight after the last paused day (Helsinki time)
    assert await paused_until(h, AINO) == to_db(helsinki(2026, 11, 30, 0, 0))
    assert moved_text(
        "Aino Laine (SÄH23A) pitää tauon kuulumiskyselyistä 29.11.2026 asti"
    ) in await last_text(h, MATTI)
    await h.say(MATTI, "/opiskelijat")
    assert moved_text("tauolla 29.11.2026 asti") in await last_text(h, MATTI)

    await h.say(AINO, "/tauko")
    assert moved_text("Pidät taukoa kyselyistä 29.11.2026 asti") in await last_text(h, AINO)
    await h.press(AINO, "Jatka kyselyjä nyt")
    assert "Tervetuloa takaisin" in await last_text(h, AINO)
    assert await paused_until(h, AINO) is None


async def test_pause_until_a_typed_date_and_the_welcome_back(school: Harness) -> None:
    h = school
    await h.say(AINO, "/tauko")
    await h.press(AINO, "Valitsen päivän")
    assert "Mihin päivään asti" in await last_text(h, AINO)
    await h.say(AINO, "ensi viikolla?")
    assert "En tunnistanut päivää" in await last_text(h, AINO)
    await h.say(AINO, moved_text("1.6.2027"))
    assert moved_text("tästä päivästä 21.2.2027 asti") in await last_text(h, AINO)
    await h.say(AINO, moved_text("2.12."))
    assert moved_text("Tauko on päällä 2.12.2026 asti") in await last_text(h, AINO)
    await h.say(AINO, "moi")  # the pending date question is gone: ordinary text again
    assert "enkä välitä tätä viestiä kenellekään" in await last_text(h, AINO)

    await h.advance(timedelta(days=9, hours=15))  # Thu 3.12. 01:00 local: quiet hours
    assert await paused_until(h, AINO) is None
    assert "Taukosi päättyi" not in await last_text(h, AINO)
    await h.advance(timedelta(hours=7))  # 08:00: outside quiet hours
    assert "Hei Aino! Taukosi päättyi" in await last_text(h, AINO)


async def test_changing_the_day_moves_the_end_of_the_pause(school: Harness) -> None:
    """Paused for a week, Aino moves the end to Wednesday 9 Dec: the weekly check-ins of the
    Mondays in between stay away (the old end, 29 Nov, no longer counts), the next one comes."""
    h = school
    await staff_started(h)
    await open_chats(h, AINO, EETU)
    await add_schedule(h)  # Mondays at 9
    await h.say(AINO, "/tauko")
    await h.press(AINO, "1 viikko")
    await h.say(AINO, "/tauko")
    await h.press(AINO, "Muuta päivää")
    menu = (await h.bot_messages(AINO))[-1]
    assert moved_text("Taukosi on nyt päällä 29.11.2026 asti") in menu["text"]
    assert buttons(menu) == ["1 viikko", "2 viikkoa", "📅 Valitsen päivän", "Pidä päivä ennallaan"]
    await h.press(AINO, "Valitsen päivän")
    assert "Mihin päivään asti" in await last_text(h, AINO)
    await h.say(AINO, moved_text("9.12."))
    assert moved_text(
        "Päivä vaihdettu: tauko on nyt päällä 9.12.2026 asti, ja kyselyt jatkuvat 10.12.2026"
    ) in await last_text(h, AINO)
    assert await paused_until(h, AINO) == to_db(helsinki(2026, 12, 10, 0, 0))
    assert moved_text(
        "Aino Laine (SÄH23A) pitää tauon kuulumiskyselyistä 9.12.2026 asti"
    ) in await last_text(h, MATTI)
    await h.say(AINO, "/tauko")
    assert moved_text("Pidät taukoa kyselyistä 9.12.2026 asti") in await last_text(h, AINO)

    await advance_to(h, at(2026, 11, 30, 9, 30))  # the first round after the old end
    received = await checkins_received(h)
    assert received[EETU] == 1
    assert received[AINO] == 0
    await advance_to(h, at(2026, 12, 7, 9, 30))
    assert (await checkins_received(h))[AINO] == 0
    assert not any("Taukosi päättyi" in text for text in await texts(h, AINO))
    await advance_to(h, at(2026, 12, 10, 8, 0))
    assert "Hei Aino! Taukosi päättyi" in await last_text(h, AINO)
    await advance_to(h, at(2026, 12, 14, 9, 30))
    assert (await checkins_received(h))[AINO] == 1


async def test_keeping_the_day_and_a_stale_change_menu(school: Harness) -> None:
    h = school
    await staff_started(h)
    await h.say(AINO, "/tauko")
    await h.press(AINO, "2 viikkoa")
    before = await paused_until(h, AINO)
    await h.say(AINO, "/tauko")
    await h.press(AINO, "Muuta päivää")
    await h.press(AINO, "Pidä päivä ennallaan")
    assert moved_text("päivä pysyy samana: tauko on päällä 6.12.2026 asti") in await last_text(
        h, AINO
    )
    assert await paused_until(h, AINO) == before

    await h.say(AINO, "/tauko")
    await h.press(AINO, "Muuta päivää")
    stale = (await h.bot_messages(AINO))[-1]["message_id"]
    await h.say(AINO, "/tauko")
    await h.press(AINO, "Jatka kyselyjä nyt")  # she resumes from a newer menu …
    assert await paused_until(h, AINO) is None
    await h.press(AINO, "1 viikko")  # … then presses the older one: no pause to move
    [answer] = [m for m in await h.bot_messages(AINO) if m["message_id"] == stale]
    assert "Sinulla ei ole taukoa päällä, Aino" in answer["text"]
    assert await paused_until(h, AINO) is None
    assert await refused(h) == []


async def test_a_typed_answer_to_an_open_check_in_is_not_taken_for_a_date(school: Harness) -> None:
    h = school
    await h.say(AINO, "/tauko")
    await h.press(AINO, "Valitsen päivän")
    await h.say(AINO, "/kuulumiset")
    await h.say(AINO, "4")  # "4" is not a date: it answers the open question
    assert await paused_until(h, AINO) is None
    answers = await h.rt.db.fetchval("SELECT COUNT(*) FROM answers")
    assert answers == 1


# -- retention ------------------------------------------------------------------------------------


async def test_answers_older_than_the_retention_period_are_deleted(school: Harness) -> None:
    h = school
    await complete_checkin(h, AINO)
    await h.advance(timedelta(days=729))
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM answers") > 0
    await h.advance(timedelta(days=2))
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM answers") == 0
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions") == 0
