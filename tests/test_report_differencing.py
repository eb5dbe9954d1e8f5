"""Issue 18 #1: no sequence of reports reveals one student's answer.

The attack: take the whole-school report just before and just after one student answers;
n₂·m₂ − n₁·m₁ is that student's score. Also: two overlapping periods ([W44..W47] and
[W45..W48]) differ by W44 vs W48 — nothing may be calculated from that difference that the
published weeks do not already show; and an erasure after a week was published must not
change the week (before/after the erasure would give the erased student's answers).

Through the stand-in (/raportti) and through `kohtaamo report --format csv`.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest

from bot.clock import to_db
from bot.harness import Harness
from bot.reports.aggregate import SCHOOL, UNITS, Report
from bot.reports.anonymity import derivable_violations
from bot.reports.period import Period, preset
from bot.services import people
from bot.services.reports.service import ReportService, cli_report
from tests.conftest import AINO, KAISA, START
from tests.support import WEEK44, checkin, report_messages, seed, students


async def school_report(h: Harness, preset_label: str) -> tuple[str, str]:
    """Kaisa (coordinator) asks /raportti for the whole school: (summary text, CSV text)."""
    await h.say(KAISA, "/raportti")
    await h.press(KAISA, "Koko koulu")
    before = len(await h.bot_messages(KAISA))
    await h.press(KAISA, preset_label)
    sent = await report_messages(h, KAISA, before)
    text = next(m["text"] for m in sent if m.get("text", "").startswith("📊 Raportti"))
    document = next(m for m in sent if m.get("document"))
    raw = (await h.client.file(document["document"]["file_id"])).decode("utf-8-sig")
    return text, raw


def rows(raw: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw), delimiter=";"))


def cell(raw: str, scope: str, stat: str, category: str = "") -> dict[str, str]:
    return next(
        r
        for r in rows(raw)
        if r["ryhmä"] == scope and r["tieto"] == stat and r["luokka"] == category
    )


async def aino_answers_wellbeing_1(h: Harness) -> None:
    await h.say(AINO, "/kuulumiset")
    await h.press(AINO, "Tosi huono")  # jaksaminen 1: stored at once
    aino = await people.person_by_tg(h.rt.db, AINO)
    assert aino is not None
    stored = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM answers a JOIN sessions s ON s.id = a.session_id"
        " WHERE s.person_id = ? AND a.measure = 'wellbeing' AND a.answered_at >= ?",
        (aino.id, to_db(START)),
    )
    assert stored == 1


async def test_raportti_before_and_after_one_answer_is_the_same_report(h: Harness) -> None:
    await seed(h)
    await h.advance(timedelta(hours=2))  # Monday of week 48, 12:00
    text_1, csv_1 = await school_report(h, "Tämä lukukausi")  # the term: until today, once
    assert cell(csv_1, "Koko koulu", "keskiarvo", "Jaksaminen")["arvo"] != ""

    await aino_answers_wellbeing_1(h)
    text_2, csv_2 = await school_report(h, "Tämä lukukausi")
    # The term report still ends with week 47 (the last that has ended): the answer is in no
    # report yet, so n₂·m₂ − n₁·m₁ = 0 tells nothing.
    assert (text_2, csv_2) == (text_1, csv_1)
    for preset_label in ("Edelliset 4 viikkoa", "Edellinen kuukausi"):
        assert await school_report(h, preset_label) == await school_report(h, preset_label)

    # Week 48 ends. Aino was its only answer: the week's wellbeing numbers describe one student
    # and are hidden — and so is every period's number that includes week 48, so the term's
    # wellbeing figures before and after week 48 cannot be subtracted.
    await h.advance(timedelta(days=7))
    text_3, csv_3 = await school_report(h, "Tämä lukukausi")
    for scope in ("Koko koulu", "SÄH23A"):
        for stat in ("vastauksia", "keskiarvo"):
            got = cell(csv_3, scope, stat, "Jaksaminen")
            assert (got["arvo"], got["tila"]) == ("", "piilotettu"), (scope, stat)
    assert "Jaksaminen: ka 🔒" in text_3


async def cli_csv(h: Harness, capsys: pytest.CaptureFixture[str], period: Period) -> str:
    settings = h.rt.svc.settings
    capsys.readouterr()
    code = await cli_report(
        settings,
        group=None,
        first=period.first,
        last=period.last,
        fmt="csv",
        lang="fi",
        out="-",
        clock=h.clock,
    )
    assert code == 0
    return capsys.readouterr().out


async def test_cli_csv_before_and_after_one_answer_is_the_same(
    h: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    await seed(h)
    today = h.clock.now().date()
    # Asked up to today: only whole weeks that have ended are reported, and stderr says so.
    asked = Period(preset("term", today).first, today)
    first = await cli_csv(h, capsys, asked)
    assert cell(first, "Koko koulu", "keskiarvo", "Jaksaminen")["arvo"] != ""
    await aino_answers_wellbeing_1(h)
    assert await cli_csv(h, capsys, asked) == first
    capsys.readouterr()
    await cli_report(
        h.rt.svc.settings, group=None, first=asked.first, last=asked.last, fmt="csv",
        lang="fi", out="-", clock=h.clock,
    )  # fmt: skip
    assert "whole weeks that have ended" in capsys.readouterr().err
    # A period of the current week alone: nothing has ended, nothing is shown.
    monday = today - timedelta(days=today.weekday())
    capsys.readouterr()
    code = await cli_report(
        h.rt.svc.settings, group=None, first=monday, last=today, fmt="csv", lang="fi",
        out="-", clock=h.clock,
    )  # fmt: skip
    assert code == 2
    assert "no week of this period has ended" in capsys.readouterr().err


def shown_numbers(report: Report) -> dict[tuple[str, str, str], float]:
    return {
        (key[0], key[1], key[2]): c.value
        for key, c in report.table.cells.items()
        if c.shown and c.value is not None and not key[3] and UNITS[key[1]] == "count"
    }


async def test_overlapping_periods_differ_only_by_published_weeks(
    h: Harness, capsys: pytest.CaptureFixture[str]
) -> None:
    """[W44..W47] and [W45..W48]: a student of LOG22C answered alone in week 44. Whatever both
    periods show, their difference equals week 48 minus week 44 as published on their own —
    and week 44's LOG22C numbers (one student) are hidden, so are the first period's."""
    await seed(h)
    db, now = h.rt.db, h.clock.now()
    log = await students(db, now, "LOG22C", 6)
    await checkin(db, log[0], WEEK44 + timedelta(hours=1), {"wellbeing": 1})
    for n in range(1, 5):  # weeks 45..48 (48 is the harness's current week)
        for sid in log:
            await checkin(db, sid, WEEK44 + timedelta(weeks=n, hours=1), {"wellbeing": 3})
    await h.advance(timedelta(days=7))  # week 48 has ended
    service: ReportService = h.rt.features["reports"]
    week44 = Period(WEEK44.date(), WEEK44.date() + timedelta(days=6))
    week48 = Period(week44.first + timedelta(weeks=4), week44.last + timedelta(weeks=4))
    a = Period(week44.first, week44.last + timedelta(weeks=3))
    b = Period(week44.first + timedelta(weeks=1), week48.last)

    csv_a = await cli_csv(h, capsys, a)
    csv_b = await cli_csv(h, capsys, b)
    for stat in ("vastauksia", "keskiarvo"):
        assert cell(csv_a, "LOG22C", stat, "Jaksaminen")["tila"] == "piilotettu"
        assert cell(csv_b, "LOG22C", stat, "Jaksaminen")["tila"] == "näytetty"
    assert cell(csv_b, "LOG22C", "keskiarvo", "Jaksaminen")["arvo"] == "3"
    # The school's week 44 would be the other groups plus LOG22C's one answer: hidden too.
    assert cell(csv_a, "Koko koulu", "keskiarvo", "Jaksaminen")["tila"] == "piilotettu"

    unit = h.rt.svc.unit("test")
    ra, rb = await service.build(unit, a), await service.build(unit, b)
    w44, w48 = await service.build(unit, week44), await service.build(unit, week48)
    na, nb = shown_numbers(ra), shown_numbers(rb)

    def alone(week: Report, key: tuple[str, str, str]) -> float:
        """The week's own published number: shown, or nobody (the category did not occur)."""
        got = week.cell(*key)
        if got is None:
            return 0.0
        assert got.shown, key
        assert got.value is not None, key
        return got.value

    compared = 0
    for key in na.keys() & nb.keys():
        # Both shown: so weeks 44 and 48 are shown on their own, and the difference is theirs
        assert nb[key] - na[key] == pytest.approx(alone(w48, key) - alone(w44, key)), key
        compared += 1
    assert compared > 50
    for r in (ra, rb, w44, w48):
        assert derivable_violations(r.table, service.k) == []


async def test_a_published_week_never_changes_after_an_erasure(h: Harness) -> None:
    """Before/after an erasure would otherwise be the erased student's answers; before/after
    a status change, whether one student with a concern is still studying (the impact row)."""
    found = await seed(h)
    service: ReportService = h.rt.features["reports"]
    period = preset("weeks4", h.clock.now().date())
    before = await service.build(h.rt.svc.unit("test"), period)
    gone = found["ict"][0]
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "DELETE FROM answers WHERE session_id IN (SELECT id FROM sessions WHERE person_id = ?)",
            (gone,),
        )
    )
    # ... and a student with a concern leaving their studies (the impact row) after it too.
    await h.rt.db.transaction(
        lambda tx: tx.execute(
            "UPDATE students SET status = 'left' WHERE person_id = ?", (found["sah"][0],)
        )
    )
    after = await service.build(h.rt.svc.unit("test"), period)
    assert shown_numbers(after) == shown_numbers(before)
    assert after.value(SCHOOL, "enrolled") == before.value(SCHOOL, "enrolled") == 16
    ict = next(s.id for s in after.scopes if s.name == "ICT24B")
    assert after.value(ict, "answers", "wellbeing") == 24  # still six students × four weeks
    assert after.value(SCHOOL, "mean", "wellbeing") == before.value(SCHOOL, "mean", "wellbeing")


async def plan_before_after(h: Harness) -> str:
    await h.say(KAISA, "/ilmiot")
    before = len(await h.bot_messages(KAISA))
    await h.press(KAISA, "Ennen ja jälkeen")
    new = (await h.bot_messages(KAISA))[before:]
    return next(m["text"] for m in new if "Jälkeen:" in (m.get("text") or ""))


async def test_a_plans_before_after_view_does_not_move_with_one_answer(h: Harness) -> None:
    """The plan's "after" window used to run to today: asked before and after one answer,
    its rate moved by that answer. It now ends with the last week that has ended, read from
    the published weeks."""
    found = await seed(h)
    db, now = h.rt.db, h.clock.now()
    group = await db.fetchval(
        "SELECT group_id FROM students WHERE person_id = ?", (found["sah"][0],)
    )
    started = (WEEK44 + timedelta(weeks=2)).date()  # Monday of week 46

    async def plan(tx: Any) -> None:
        phenomenon = await tx.execute(
            "INSERT INTO phenomena (scope, signal, detected_at, since, baseline, current,"
            " students) VALUES (?,?,?,?,?,?,?)",
            (f"group:{group}", "low:wellbeing", to_db(now), started.isoformat(), 0.1, 0.5, 5),
        )
        await tx.execute(
            "INSERT INTO plans (phenomenon_id, title, responsible, starts_on, evaluate_on,"
            " created_at) VALUES (?,?,?,?,?,?)",
            (
                phenomenon,
                "Jaksaminen SÄH23A",
                "Kaisa",
                started.isoformat(),
                (started + timedelta(weeks=6)).isoformat(),
                to_db(now),
            ),
        )

    await db.transaction(plan)
    first = await plan_before_after(h)
    assert "Jälkeen: 🔒" not in first
    await aino_answers_wellbeing_1(h)  # a low answer: the signal itself
    assert await plan_before_after(h) == first
