"""Risk points change what the bot does (issue 23.8): a check-in schedule "only students at a
risk point" asks, on top of the weekly check-in, just the students in their first weeks of
studies, the first days of on-the-job learning or just back from a break — through the
group coach's /aikataulu on the stand-in, on the fake clock."""

from __future__ import annotations

from datetime import date, timedelta

from bot.harness import Harness
from bot.scheduling.calendar import BREAK, ON_THE_JOB, Break, SchoolCalendar
from bot.scheduling.risk_points import RETURN, START, WORK_LEARNING, RiskPointRules, risk_point
from bot.storage.db import Tx
from tests.conftest import AINO, EETU, LINNEA, SANNA, moved
from tests.support import advance_to, answer_all, at, buttons, checkins_received, last, open_chats


async def make_schedule(h: Harness, flow_button: str, day: str, time: str) -> None:
    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    await h.press(SANNA, flow_button)
    await h.press(SANNA, day)
    await h.press(SANNA, "Valmis")
    await h.press(SANNA, time)
    await h.press(SANNA, "Joka viikko")
    await h.press(SANNA, "toistaiseksi")
    await h.press(SANNA, "Jätetään väliin")
    await h.press(SANNA, "Tallenna")


async def test_new_students_get_an_extra_check_in_on_top_of_the_weekly_one(
    school: Harness,
) -> None:
    h = school
    await open_chats(h, AINO, EETU, LINNEA)
    started = moved(date(2026, 11, 16))  # Aino began her studies last week (the roster says)

    async def roster(tx: Tx) -> None:
        await tx.execute(
            "UPDATE students SET study_started_on = ? WHERE person_id ="
            " (SELECT id FROM persons WHERE tg_user_id = ?)",
            (started.isoformat(), AINO),
        )

    await h.rt.db.transaction(roster)

    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Uusi aikataulu")
    step = await last(h, SANNA)
    assert "Viikon kuulumiset – vain riskikohdassa oleville" in buttons(step)
    assert "viimeisen 6 viikon aikana" in step["text"]  # the school's window, said plainly
    await h.press(SANNA, "Peru")
    await make_schedule(h, "Viikon kuulumiset", "ti", "9.00")
    await make_schedule(h, "Viikon kuulumiset – vain riskikohdassa", "to", "14.00")

    await advance_to(h, at(2026, 11, 24, 9, 0))  # Tuesday: the weekly check-in, everyone
    assert await checkins_received(h) == {AINO: 1, EETU: 1, LINNEA: 1}
    await answer_all(h, AINO)
    await advance_to(h, at(2026, 11, 26, 14, 0))  # Thursday: only Aino, though she answered
    assert await checkins_received(h) == {AINO: 2, EETU: 1, LINNEA: 1}

    await h.say(SANNA, "/aikataulu")
    menu = await last(h, SANNA)
    assert "2. Viikon kuulumiset – vain riskikohdassa oleville · to klo 14.00" in menu["text"]
    await h.press(SANNA, "Raportti 2")
    report = (await last(h, SANNA))["text"]
    assert "Lähetetty 1/1" in report
    assert "Ei riskikohdassa, joten ei kysytty: 2" in report
    assert "Aino" not in report  # counts only

    # Eight weeks after her start Aino is past the risk point: the extra check-in asks nobody.
    await advance_to(h, at(2027, 1, 14, 15, 0))
    await h.say(SANNA, "/aikataulu")
    await h.press(SANNA, "Raportti 2")
    report = (await last(h, SANNA))["text"]
    assert "Ei riskikohdassa, joten ei kysytty: 3" in report


RULES = RiskPointRules(start_weeks=6, work_learning_days=21, return_days=14)
DAY = date(2027, 1, 20)


def test_a_risk_point_is_the_first_weeks_the_start_of_work_learning_or_the_return() -> None:
    calendar = SchoolCalendar(
        [
            Break("Joululoma", date(2026, 12, 21), date(2027, 1, 6), kind=BREAK),
            Break("TOP 1", date(2027, 1, 11), date(2027, 2, 19), group_id=1, kind=ON_THE_JOB),
        ]
    )
    assert risk_point(DAY, 2, DAY - timedelta(weeks=5), calendar, RULES) == START
    assert risk_point(DAY, 1, None, calendar, RULES) == WORK_LEARNING  # its tenth day
    assert risk_point(date(2027, 1, 31), 1, None, calendar, RULES) == WORK_LEARNING
    assert risk_point(date(2027, 2, 1), 1, None, calendar, RULES) is None  # three weeks on
    assert risk_point(date(2027, 1, 7), 2, None, calendar, RULES) == RETURN  # first day back
    assert risk_point(date(2027, 1, 21), 2, None, calendar, RULES) is None  # 15 days back
    later = date(2027, 3, 10)
    assert risk_point(later, 2, later - timedelta(weeks=6), calendar, RULES) is None
    assert risk_point(later, 2, later + timedelta(days=1), calendar, RULES) is None  # not begun
