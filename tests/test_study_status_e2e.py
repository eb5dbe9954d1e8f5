"""How a student's studies end, and why impact can now show a drop-out (issue 23.7).

The coordinator records that a student interrupted, moved to another programme or graduated
(`kohtaamo admin study-status`, /hallinta → a student → Opintojen tila): check-ins stop, the
student is told once, and the impact row counts an interruption or a transfer as having left.
A student who had a concern and then erases their data leaves behind only an anonymous
outcome (the week of the concern, whether they had left), so the impact row does not lose
exactly the students who left."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.harness import Harness
from bot.reports import aggregate, data
from bot.reports.aggregate import SCHOOL
from bot.reports.period import Period, week_key
from tests.conftest import EETU, KAISA
from tests.support import cli, person_id, weekly


async def impact(h: Harness) -> dict[str, float | None]:
    """The impact row of this week as computed, before suppression (the demo school is three
    students: a real report hides these numbers, which tests/test_report_* cover)."""
    tz = h.rt.settings.tz
    today = h.rt.clock.now().astimezone(tz).date()
    monday = today - timedelta(days=today.weekday())
    period = Period(monday, monday + timedelta(days=6))
    start, end = period.bounds(tz)
    ds = await data.load(
        h.rt.db, h.rt.svc.flows.all(), start, end, answers_from=start, answers_to=end
    )
    report = aggregate.build(ds, period, tz, k=3, recovery_weeks=4, now=h.rt.clock.now())
    cells = report.table.cells
    return {
        x: (cells[key].value if (key := (SCHOOL, "outcome_studying", x, "")) in cells else None)
        for x in ("studying", "left")
    }


async def test_an_interruption_stops_check_ins_tells_the_student_and_counts_as_left(
    h: Harness, clock: FakeClock
) -> None:
    await weekly(h, EETU, quitting="Kyllä")  # an urgent concern: Eetu is in the impact row
    assert (await impact(h))["left"] in (None, 0.0)
    await h.say(EETU, "/kuulumiset")
    question = (await h.bot_messages(EETU))[-1]

    code, _, err = await cli(
        h, clock, "study-status", "Eetu Nieminen", "--group", "SÄH23A", "--status", "interrupted"
    )
    assert code == 0, err
    told = await h.last_text(EETU)
    assert "opintosi ovat keskeytyneet" in told
    assert "/poista" in told
    # The check-in that was open is over: its buttons say so.
    label = question["reply_markup"]["inline_keyboard"][0][0]["text"]
    await h.press(EETU, label)
    assert (await impact(h))["left"] == 1.0

    # He still sees his data, including who recorded the change, and can erase it.
    await h.say(EETU, "/omat_tiedot")
    assert "merkitsi opintojesi tilan" in await h.last_text(EETU)
    eetu = await person_id(h, EETU)
    await h.say(EETU, "/poista")
    await h.press(EETU, "Kyllä, poista kaikki")
    assert "Tietosi on nyt poistettu" in await h.last_text(EETU)
    assert not await h.rt.db.fetchval("SELECT COUNT(*) FROM students WHERE person_id = ?", (eetu,))
    [kept] = await h.rt.db.fetchall("SELECT * FROM erased_outcomes")
    assert dict(kept) == {
        "id": kept["id"],
        "concern_week": week_key(h.rt.clock.now().astimezone(h.rt.settings.tz).date()),
        "left_studies": 1,
    }
    # The drop-out still counts in the school's impact row, as nobody in particular.
    assert (await impact(h))["left"] == 1.0


async def test_graduating_is_not_leaving_and_studying_again_resumes(
    h: Harness, clock: FakeClock
) -> None:
    await weekly(h, EETU, quitting="Kyllä")
    code, _, err = await cli(
        h, clock, "study-status", "Eetu Nieminen", "--group", "SÄH23A", "--status", "graduated"
    )
    assert code == 0, err
    assert "Onnea valmistumisesta" in await h.last_text(EETU)
    after = await impact(h)
    assert after["studying"] == 1.0
    assert after["left"] in (None, 0.0)
    code, _, err = await cli(
        h, clock, "study-status", "Eetu Nieminen", "--group", "SÄH23A", "--status", "studying"
    )
    assert code == 0, err
    assert "Olet taas mukana" in await h.last_text(EETU)
    status = await h.rt.db.fetchone(
        "SELECT status, left_reason FROM students WHERE person_id = ?",
        (await person_id(h, EETU),),
    )
    assert status is not None
    assert tuple(status) == ("active", None)


async def test_the_coordinator_records_it_in_hallinta(h: Harness) -> None:
    await h.say(EETU, "/start")
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Ryhmät ja opiskelijat")
    await h.press(KAISA, "SÄH23A")
    await h.press(KAISA, "Valitse opiskelija")
    await h.press(KAISA, "Eetu Nieminen")
    await h.press(KAISA, "Opintojen tila")
    await h.press(KAISA, "Siirtyi toiseen koulutukseen")
    assert "Eetu Nieminen: Siirtyi toiseen koulutukseen" in await h.last_text(KAISA)
    assert "siirryit toiseen koulutukseen" in await h.last_text(EETU)
    audit = await h.rt.db.fetchone("SELECT * FROM audit_log WHERE action = 'study_status_set'")
    assert audit is not None
    assert audit["actor_id"] is not None
