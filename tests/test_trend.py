"""/oma_kehitys: a student's own answers as a chart, a line that notices what went well, and
nothing about anyone else."""

from __future__ import annotations

import struct
from datetime import date, timedelta

from bot.harness import Harness
from bot.reports import data
from bot.reports.trend import Notice, notice
from tests.conftest import AINO, EETU, KAISA, LINNEA, START
from tests.support import checkin, person_id

FIRST = START - timedelta(weeks=7)  # a Monday, seven weeks before "now"


async def answer_weeks(h: Harness, tg: int, weeks: list[dict[str, float | None]]) -> None:
    pid = await person_id(h, tg)
    for n, scores in enumerate(weeks):
        await checkin(h.rt.db, pid, FIRST + timedelta(weeks=n), scores)


async def my_chart(h: Harness, tg: int) -> tuple[str, bytes]:
    await h.say(tg, "/oma_kehitys")
    message = (await h.bot_messages(tg))[-1]
    assert message.get("photo"), message
    return message["caption"], await h.client.file(message["photo"][-1]["file_id"])


async def test_a_rising_trend_is_noticed_warmly(school: Harness) -> None:
    h = school
    await answer_weeks(
        h,
        AINO,
        [{"wellbeing": w, "studies": 3, "belonging": 4} for w in (2, 2, 2, 3, 4, 5)],
    )
    caption, png = await my_chart(h, AINO)
    assert "Viikkosi ovat olleet viime aikoina parempia kuin ennen. Hienoa!" in caption
    assert "Kukaan muu ei näe tätä kaaviota" in caption
    assert png.startswith(b"\x89PNG")
    assert struct.unpack(">II", png[16:24]) == (900, 500)


async def test_another_students_answers_never_appear(school: Harness) -> None:
    h = school
    await answer_weeks(h, AINO, [{"wellbeing": 4, "studies": 4} for _ in range(5)])
    _, before = await my_chart(h, AINO)
    # Eetu answers very differently, more often and later: Aino's chart does not change a bit.
    await answer_weeks(h, EETU, [{"wellbeing": 1, "studies": 1, "belonging": 1} for _ in range(7)])
    caption, after = await my_chart(h, AINO)
    assert after == before
    assert "Sinulla on ollut hyviä viikkoja jo pitkään" in caption
    aino = await person_id(h, AINO)
    rows = await data.load_answers(
        h.rt.db,
        h.rt.svc.flows.all(),
        FIRST - timedelta(days=1),
        FIRST + timedelta(weeks=10),
        student_id=aino,
    )
    assert rows
    assert {r.student_id for r in rows} == {aino}
    _, eetu_png = await my_chart(h, EETU)
    assert eetu_png != before


async def test_without_answers_there_is_a_kind_word_and_no_chart(school: Harness) -> None:
    h = school
    await h.say(AINO, "/oma_kehitys")
    last = (await h.bot_messages(AINO))[-1]
    assert not last.get("photo")
    assert "Et ole vielä vastannut kuulumiskyselyihin" in last["text"]


async def test_in_swedish_and_only_for_students(school: Harness) -> None:
    h = school
    await answer_weeks(h, LINNEA, [{"belonging": b} for b in (2, 2, 2, 4, 4)])
    await h.say(LINNEA, "/min_utveckling")
    caption = (await h.bot_messages(LINNEA))[-1]["caption"]
    assert "Du känner dig oftare som en del av gänget" in caption
    await h.say(KAISA, "/oma_kehitys")
    assert "ei ole käytössäsi" in await h.last_text(KAISA)


def series(**measures: list[float]) -> dict[str, list[tuple[date, float]]]:
    start = date(2026, 10, 5)
    return {
        m: [(start + timedelta(weeks=n), s) for n, s in enumerate(scores)]
        for m, scores in measures.items()
    }


def test_what_is_noticed() -> None:
    # The biggest clear rise wins.
    found = notice(series(wellbeing=[2, 2, 3, 4], studies=[1, 1, 1, 4, 5]))
    assert found == Notice("rose", "studies")
    # A steady good level is appreciated too.
    assert notice(series(belonging=[4, 5, 4, 4])) == Notice("steady", "belonging")
    # A fall is never pointed out: the student is thanked for answering.
    assert notice(series(wellbeing=[5, 5, 4, 2, 1])) == Notice("thanks")
    # Too few answers to say anything about a trend.
    assert notice(series(wellbeing=[1, 5])) == Notice("thanks")
