"""A staff member leaves: `kohtaamo admin offboard` ends their access at once, and their
students and open cases move to a successor in the same step (issue 18.6). Reassigning a
student moves the student's open case too, so a former coach keeps no way in."""

from __future__ import annotations

from bot.clock import FakeClock
from bot.harness import Harness
from tests.conftest import EETU, KAISA, MATTI
from tests.support import OLLI, add_staff, cli, inbox, weekly


async def open_case_coach(h: Harness) -> str:
    row = await h.rt.db.fetchone(
        "SELECT p.display_name FROM concerns c JOIN persons p ON p.id = c.coach_id"
        " WHERE c.status != 'closed' AND c.student_id ="
        " (SELECT id FROM persons WHERE tg_user_id = ?)",
        (EETU,),
    )
    assert row is not None
    return str(row["display_name"])


async def test_a_leaving_coach_loses_access_at_once_and_nobody_is_dropped(
    h: Harness, clock: FakeClock
) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")  # an open urgent case; Matti has its alert
    [alert] = await inbox(h, MATTI)

    # Without a successor nothing happens: Matti's students would be left without a coach.
    code, _, err = await cli(h, clock, "offboard", "Matti Virtanen")
    assert code == 1
    assert "Say who takes them over" in err
    assert "Matti" in await open_case_coach(h)

    code, out, err = await cli(h, clock, "offboard", "Matti Virtanen", "--to", "Olli Opettaja")
    assert code == 0, err
    assert "Olli Opettaja got 3 students and one open case" in out

    # Matti: told, and every way in is closed — the old alert's buttons, his commands.
    assert "Roolisi Kohtaamon henkilökunnassa on päättynyt" in await h.last_text(MATTI)
    log_button = alert["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    query = await h.client.press(MATTI, alert["message_id"], log_button)
    await h.settle()
    assert (await h.client.callback_answer(query)) is not None  # a kind no, nothing more
    case = await h.rt.db.fetchone("SELECT status, acknowledged_by FROM concerns")
    assert case is not None
    assert case["status"] == "open"
    assert case["acknowledged_by"] is None
    for command in ("/opiskelijat", "/seuranta", "/historia Eetu", "/kirjaa Eetu"):
        await h.say(MATTI, command)
        assert "Eetu" not in await h.last_text(MATTI), command
    assert (
        await h.rt.db.fetchval(
            "SELECT COUNT(*) FROM person_roles WHERE person_id ="
            " (SELECT id FROM persons WHERE tg_user_id = ?)",
            (MATTI,),
        )
        == 0
    )

    # Olli has the students and the open case, and is told so; the students are told too.
    assert await open_case_coach(h) == "Olli Opettaja"
    told = await h.last_text(OLLI)
    assert "Matti Virtanen on lähtenyt Kohtaamosta" in told
    assert "/seuranta" in told
    await h.say(OLLI, "/seuranta")
    assert "Eetu Nieminen" in await h.last_text(OLLI)
    assert "Olli Opettaja" in await h.last_text(EETU)
    # The step is audited, and Eetu sees in /omat_tiedot that his coach was changed.
    actions = [r["action"] for r in await h.rt.db.fetchall("SELECT action FROM audit_log")]
    assert "staff_offboarded" in actions
    await h.say(EETU, "/omat_tiedot")
    assert "Omavalmentaja: Olli Opettaja" in await h.last_text(EETU)


async def test_the_only_coordinator_cannot_be_removed(h: Harness, clock: FakeClock) -> None:
    code, _, err = await cli(h, clock, "offboard", "Kaisa Mäkelä")
    assert code == 1
    assert "only coordinator" in err
    assert (
        await h.rt.db.fetchval("SELECT COUNT(*) FROM person_roles WHERE role = 'coordinator'") == 1
    )


async def test_reassigning_a_student_moves_the_open_case_and_the_old_coach_loses_it(
    h: Harness, clock: FakeClock
) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    code, _, err = await cli(
        h,
        clock,
        "assign-coach",
        "--group",
        "SÄH23A",
        "--student",
        "Eetu Nieminen",
        "--coach",
        "Olli Opettaja",
    )
    assert code == 0, err
    assert await open_case_coach(h) == "Olli Opettaja"
    await h.say(MATTI, "/historia Eetu")
    assert "ei löytynyt" in await h.last_text(MATTI)
    await h.say(MATTI, "/seuranta")
    assert "Eetu" not in await h.last_text(MATTI)
    await h.say(OLLI, "/seuranta")
    assert "Eetu Nieminen" in await h.last_text(OLLI)


async def test_the_coordinator_offboards_in_hallinta_in_four_taps(h: Harness) -> None:
    await add_staff(h, OLLI, "Olli Opettaja", "coach")
    await weekly(h, EETU, quitting="Kyllä")
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Henkilökunnan jäsen lähtee")
    await h.press(KAISA, "Matti Virtanen")
    ask = await h.last_text(KAISA)
    assert "3 opiskelijan omavalmentaja" in ask
    assert "yksi avoin tapaus" in ask
    await h.press(KAISA, "Olli Opettaja")
    confirm = await h.last_text(KAISA)
    assert "Päätetäänkö henkilön Matti Virtanen pääsy" in confirm
    assert "Matti" in await open_case_coach(h)  # nothing yet
    await h.press(KAISA, "Kyllä, päätä pääsy")
    assert "Matti Virtanen ei ole enää Kohtaamon henkilökuntaa" in await h.last_text(KAISA)
    assert await open_case_coach(h) == "Olli Opettaja"
    await h.say(MATTI, "/opiskelijat")
    assert "Eetu" not in await h.last_text(MATTI)
    offboarded = await h.rt.db.fetchone(
        "SELECT actor_id FROM audit_log WHERE action = 'staff_offboarded'"
    )
    assert offboarded is not None
    assert offboarded["actor_id"] is not None
