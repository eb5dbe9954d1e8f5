"""Escalation rules, unit by unit: every rule kind (answers, levels over the last check-ins,
falling trends, silence across pauses and breaks, free-text cues), the facts a signal may carry,
and the acknowledgement deadlines in school time."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import to_db
from bot.config import PROJECT_ROOT
from bot.engine.conditions import AnswerValue, parse_condition
from bot.engine.loader import load_flow_dir
from bot.engine.model import Flow
from bot.risk import rules
from bot.risk.cues import default_detector
from bot.risk.other_languages import find_phrases
from bot.risk.policy import STAGE_BACKUP, STAGE_COACH, STAGE_COORDINATOR, RiskPolicy
from bot.risk.rules import HistoryPoint, RuleContext
from bot.scheduling.calendar import Break, SchoolCalendar
from bot.storage.db import Database, Tx

HKI = ZoneInfo("Europe/Helsinki")
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki


def flows() -> dict[str, Flow]:
    found, problems = load_flow_dir(PROJECT_ROOT / "flows")
    assert problems == []
    return found


def weekly() -> Flow:
    return flows()["viikkokysely"]


def scores(*values: float | None) -> list[HistoryPoint]:
    return [HistoryPoint(i, f"2026-11-{10 + i:02d}", v, v) for i, v in enumerate(values)]


def holds(raw: object, **ctx: object) -> bool:
    condition = parse_condition(raw, allow_history=True)
    return condition.evaluate(RuleContext(**ctx))  # type: ignore[arg-type]


def answers(**values: object) -> dict[str, AnswerValue]:
    flow = weekly()
    return {q: AnswerValue(v, flow.questions[q].score_of(v)) for q, v in values.items()}


# -- rule kinds ---------------------------------------------------------------------------------


def test_answer_rules() -> None:
    assert holds({"answer": {"ajatukset": "kylla"}}, answers=answers(ajatukset="kylla"))
    assert not holds({"answer": {"ajatukset": "kylla"}}, answers=answers(ajatukset="ei"))
    assert not holds({"answer": {"ajatukset": "kylla"}}, answers=answers(ajatukset=None))
    assert holds({"answer": {"arki": ["raha", "asuminen"]}}, answers=answers(arki=["uni", "raha"]))
    assert holds({"answer_at_most": {"jaksaminen": 2}}, answers=answers(jaksaminen=2))
    assert not holds({"answer_at_most": {"jaksaminen": 2}}, answers=answers(jaksaminen=3))


def test_measure_at_most_needs_every_one_of_the_last_checkins() -> None:
    rule = {"measure_at_most": {"measure": "wellbeing", "value": 2, "checkins": 2}}
    assert holds(rule, answers={}, history={"wellbeing": scores(4, 2, 1)})
    assert not holds(rule, answers={}, history={"wellbeing": scores(2, 3)})
    assert not holds(rule, answers={}, history={"wellbeing": scores(2)})  # only one so far
    assert not holds(rule, answers={}, history={"wellbeing": scores(2, None)})  # skipped
    assert not holds(rule, answers={}, history={})


def test_measure_drop_is_a_falling_trend() -> None:
    rule = {"measure_drop": {"measure": "studies", "by": 2, "checkins": 3}}
    assert holds(rule, answers={}, history={"studies": scores(5, 4, 2)})
    assert holds(rule, answers={}, history={"studies": scores(1, 4, 3, 2)})  # 4 -> 2
    assert not holds(rule, answers={}, history={"studies": scores(3, 3, 2)})
    assert not holds(rule, answers={}, history={"studies": scores(2, 4, 5)})  # rising
    assert not holds(rule, answers={}, history={"studies": scores(4)})
    assert holds(rule, answers={}, history={"studies": scores(4, None, 2)})  # a skip in between


def test_silence_and_cue_rules() -> None:
    assert holds({"missed_checkins": 2}, answers={}, missed=2)
    assert holds({"missed_checkins": 2}, answers={}, missed=3)
    assert not holds({"missed_checkins": 2}, answers={}, missed=1)
    assert holds({"text_cue": "crisis"}, answers={}, cues=frozenset({"crisis", "sleep"}))
    assert not holds({"text_cue": "loneliness"}, answers={}, cues=frozenset({"sleep"}))


def test_combined_rules() -> None:
    rule = {
        "all": [
            {"answer_at_most": {"jaksaminen": 2}},
            {"not": {"measure_at_most": {"measure": "wellbeing", "value": 2, "checkins": 2}}},
        ]
    }
    assert holds(rule, answers=answers(jaksaminen=2), history={"wellbeing": scores(4, 2)})
    assert not holds(rule, answers=answers(jaksaminen=2), history={"wellbeing": scores(2, 2)})


# -- signals from the real weekly flow ----------------------------------------------------------


def test_weekly_flow_signals_carry_only_the_facts_that_were_answered() -> None:
    flow = weekly()
    given = answers(jaksaminen=1, tuki="valmentaja", ajatukset="kylla", poissaolot="paljon")
    ctx = RuleContext(answers=given, history={"wellbeing": scores(2, 1)})
    found = {s.rule: s for s in rules.evaluate(flow, ctx, session_id=7)}
    assert set(found) == {"quitting", "student-asked", "absences", "low-wellbeing"}
    assert found["quitting"].level == "urgent"
    assert found["quitting"].facts == ("ajatukset",)
    assert found["student-asked"].facts == ("tuki",)  # jutellaanko was not asked
    assert found["low-wellbeing"].history["wellbeing"][-1].score == 1
    assert found["low-wellbeing"].tell_student == "share-low-wellbeing"
    assert all(s.session_id == 7 and s.sentences == () for s in found.values())


def test_crisis_signal_carries_the_sentence_and_never_the_free_text_answer() -> None:
    flow = weekly()
    text = "Viikko meni ok. Välillä mietin et haluun tappaa itteni."
    given = answers(jaksaminen=3, vapaa=text)
    scan = rules.scan_text_answers(flow, given, default_detector())
    assert scan.categories >= {"crisis"}
    ctx = RuleContext(answers=given, cues=scan.categories)
    [crisis] = [
        s for s in rules.evaluate(flow, ctx, session_id=1, scan=scan) if s.level == "crisis"
    ]
    assert crisis.sentences == ("Välillä mietin et haluun tappaa itteni.",)
    assert crisis.facts == ()  # the free-text answer itself is not a fact of the alert
    assert "Viikko meni ok" not in json.dumps(crisis.to_json(MONDAY), ensure_ascii=False)


def test_negated_crisis_becomes_an_info_review_note() -> None:
    flow = weekly()
    given = answers(jaksaminen=4, vapaa="En oo ajatellu itsemurhaa.")
    scan = rules.scan_text_answers(flow, given, default_detector())
    assert "crisis" not in scan.categories
    assert len(scan.review_notes) == 1
    signals = rules.evaluate(flow, RuleContext(answers=given), session_id=1, scan=scan)
    [note] = [s for s in signals if s.rule == "review-note"]
    assert note.level == "info"
    assert note.sentences == ("En oo ajatellu itsemurhaa.",)


def test_a_missed_check_in_asks_only_the_silence_rules() -> None:
    flow = weekly()
    [silence] = rules.signals_for_missed(flow, 2)
    assert silence.rule == "silence"
    assert silence.detail == {"missed": 2}
    assert silence.tell_student is None
    assert rules.signals_for_missed(flow, 1) == []


def test_other_languages_clear_crisis_phrases() -> None:
    assert find_phrases("jag vill dö").crisis == ("jag vill dö",)
    assert find_phrases("I want to kill myself.").crisis == ("I want to kill myself.",)
    assert find_phrases("I don't want to live anymore").crisis != ()
    assert find_phrases("Jag har aldrig tänkt på självmord").crisis == ()
    assert find_phrases("this homework is killing me").crisis == ()
    assert find_phrases("I don't want to die").crisis == ()


# -- history and silence from storage ---------------------------------------------------------


@pytest.fixture
async def db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "rules.sqlite3")
    await database.transaction(
        lambda tx: tx.execute(
            "INSERT INTO persons (id, display_name, created_at) VALUES (1, 'Aino', ?)",
            (to_db(MONDAY),),
        )
    )
    yield database
    await database.close()


async def add_session(
    db: Database,
    started: datetime,
    status: str,
    *,
    period: str | None = None,
    wellbeing: float | None = None,
    context: dict[str, object] | None = None,
) -> int:
    async def work(tx: Tx) -> int:
        key = period or f"p-{started.isoformat()}"
        session_id = await tx.execute(
            "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, status,"
            " context, started_at, updated_at, finished_at)"
            " VALUES (1, 'viikkokysely', 1, ?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                "end",
                status,
                json.dumps(context or {}),
                to_db(started),
                to_db(started),
                to_db(started + timedelta(hours=1)) if status == "completed" else None,
            ),
        )
        if wellbeing is not None or status == "completed":
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score, answered_at)"
                " VALUES (?,?,?,?,?,?)",
                (
                    session_id,
                    "jaksaminen",
                    json.dumps(wellbeing),
                    "wellbeing",
                    wellbeing,
                    to_db(started),
                ),
            )
        return session_id

    return await db.transaction(work)


async def test_history_comes_from_completed_check_ins_newest_last(db: Database) -> None:
    week = timedelta(weeks=1)
    await add_session(db, MONDAY - 3 * week, "completed", wellbeing=4)
    await add_session(db, MONDAY - 2 * week, "expired", wellbeing=1)  # not completed: not shared
    await add_session(db, MONDAY - week, "completed", wellbeing=2)
    current = await add_session(db, MONDAY, "completed", wellbeing=1)
    history = await rules.measure_history(db, 1, current, {"wellbeing": 3}, HKI)
    assert [p.score for p in history["wellbeing"]] == [4, 2, 1]
    assert history["wellbeing"][-1].at == "2026-11-23"


async def test_no_history_when_this_check_in_did_not_ask(db: Database) -> None:
    await add_session(db, MONDAY - timedelta(weeks=1), "completed", wellbeing=1)
    current = await add_session(db, MONDAY, "open")
    history = await rules.measure_history(db, 1, current, {"wellbeing": 2}, HKI)
    assert history == {"wellbeing": []}


async def missed(db: Database, cal: SchoolCalendar, paused_until: str | None = None) -> int:
    return await rules.missed_checkins(
        db, 1, cal, HKI, expiry_hours=72, group_id=None, paused_until=paused_until
    )


async def test_silence_counts_consecutive_missed_scheduled_check_ins(db: Database) -> None:
    week = timedelta(weeks=1)
    cal = SchoolCalendar()
    await add_session(db, MONDAY - 4 * week, "expired", period="2026-W44")
    await add_session(db, MONDAY - 3 * week, "completed", period="2026-W45")
    await add_session(db, MONDAY - 2 * week, "expired", period="2026-W46")
    await add_session(db, MONDAY - week - timedelta(days=2), "expired", period="adhoc-x")
    await add_session(db, MONDAY - week, "expired", period="2026-W47")
    await add_session(db, MONDAY, "open", period="2026-W48")
    # W47 and W46 are missed; the ad-hoc one the student began neither counts nor breaks it;
    # the answered W45 ends the chain.
    assert await missed(db, cal) == 2


async def test_silence_across_a_school_break_does_not_count(db: Database) -> None:
    week = timedelta(weeks=1)
    autumn = Break("syysloma", date(2026, 11, 9), date(2026, 11, 13))
    await add_session(db, MONDAY - 3 * week, "completed", period="2026-W45")
    await add_session(db, MONDAY - 2 * week, "expired", period="2026-W46")  # in the break
    await add_session(db, MONDAY - week, "expired", period="2026-W47")
    assert await missed(db, SchoolCalendar([autumn])) == 1
    assert await missed(db, SchoolCalendar()) == 2
    on_the_job = Break(
        "työssäoppiminen", date(2026, 11, 9), date(2026, 11, 13), kind="work_based_learning"
    )
    assert await missed(db, SchoolCalendar([on_the_job])) == 2  # not a break: check-ins go on


async def test_silence_during_a_pause_does_not_count(db: Database) -> None:
    week = timedelta(weeks=1)
    cal = SchoolCalendar()
    await add_session(db, MONDAY - 3 * week, "completed", period="2026-W45")
    await add_session(db, MONDAY - 2 * week, "expired", period="2026-W46")
    await add_session(db, MONDAY - week, "expired", period="2026-W47")
    # Paused until the end of last week (as /tauko stores it: the UTC instant it ends).
    pause_end = to_db(datetime(2026, 11, 22, 22, 0, tzinfo=UTC))
    assert await missed(db, cal, paused_until=pause_end) == 0
    assert await missed(db, cal, paused_until="2026-11-15") == 1  # a bare date: through it


async def test_a_stored_verdict_survives_the_end_of_the_pause(db: Database) -> None:
    week = timedelta(weeks=1)
    cal = SchoolCalendar()
    await add_session(db, MONDAY - 3 * week, "completed", period="2026-W45")
    excused = {"risk_checked": "x", "risk_excused": 1}
    await add_session(db, MONDAY - 2 * week, "expired", period="2026-W46", context=excused)
    counted = {"risk_checked": "x", "risk_excused": 0}
    await add_session(db, MONDAY - week, "expired", period="2026-W47", context=counted)
    assert await missed(db, cal, paused_until=None) == 1


def test_excused_windows() -> None:
    cal = SchoolCalendar([Break("joululoma", date(2026, 12, 21), date(2027, 1, 6))])
    friday = datetime(2026, 12, 18, 7, 0, tzinfo=UTC)  # the window reaches into the break
    assert rules.excused(friday, cal, HKI, expiry_hours=72, group_id=None, paused_until=None)
    assert not rules.excused(MONDAY, cal, HKI, expiry_hours=72, group_id=None, paused_until=None)


# -- deadlines in school time ------------------------------------------------------------------


def local(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HKI)


@pytest.mark.parametrize(
    ("level", "stage", "start", "deadline"),
    [
        ("crisis", STAGE_BACKUP, local(2026, 11, 23, 10, 0), local(2026, 11, 23, 11, 0)),
        ("crisis", STAGE_BACKUP, local(2026, 11, 27, 22, 0), local(2026, 11, 30, 9, 0)),
        ("urgent", STAGE_COACH, local(2026, 11, 23, 10, 0), local(2026, 11, 24, 10, 0)),
        ("urgent", STAGE_COACH, local(2026, 11, 27, 15, 0), local(2026, 11, 30, 15, 0)),
        ("concern", STAGE_COACH, local(2026, 11, 23, 10, 0), local(2026, 11, 26, 10, 0)),
        # Independence Day (Sun 6.12.) is a weekend; Christmas Eve and Day (Thu-Fri) are not.
        ("concern", STAGE_COACH, local(2026, 12, 22, 10, 0), local(2026, 12, 29, 10, 0)),
        ("concern", STAGE_BACKUP, local(2026, 11, 26, 10, 0), local(2026, 11, 27, 10, 0)),
    ],
)
def test_acknowledgement_deadlines(
    level: str, stage: int, start: datetime, deadline: datetime
) -> None:
    got = RiskPolicy().ack_deadline(level, stage, start, SchoolCalendar(), HKI, None)
    assert got == deadline


def test_no_deadline_for_info_or_after_the_coordinator() -> None:
    policy, cal = RiskPolicy(), SchoolCalendar()
    assert policy.ack_deadline("info", STAGE_COACH, MONDAY, cal, HKI, None) is None
    assert policy.ack_deadline("urgent", STAGE_COORDINATOR, MONDAY, cal, HKI, None) is None


def test_deadlines_are_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RISK_ACK_CONCERN_DAYS", "1")
    got = RiskPolicy().ack_deadline(
        "concern", STAGE_COACH, local(2026, 11, 23, 10, 0), SchoolCalendar(), HKI, None
    )
    assert got == local(2026, 11, 24, 10, 0)


# -- how facts read to the coach ----------------------------------------------------------------


async def test_facts_read_as_the_coach_needs_them(db: Database) -> None:
    from bot.i18n import Translator
    from bot.services.cases.text import ConcernText
    from bot.services.flows import FlowRegistry

    tr = Translator(PROJECT_ROOT / "locales")
    registry, problems = FlowRegistry.load(PROJECT_ROOT / "flows", tr)
    assert problems == []
    text = ConcernText(tr, registry, HKI)

    def reason(history: list[float], **extra: object) -> dict[str, object]:
        points = [
            {"s": i, "at": f"2026-11-{16 + 7 * i}", "score": v, "value": v}
            for i, v in enumerate(history)
        ]
        return {
            "reason": "r-low-wellbeing",
            "flow": "viikkokysely",
            "session": None,
            "history": {"wellbeing": points},
            "facts": [],
            **extra,
        }

    same = await text.fact_lines(db, "fi", reason([1, 1]), digest=False)
    assert same == ["jaksaminen 1/5 kahdesti peräkkäin"]
    falling = await text.fact_lines(db, "fi", reason([2, 1]), digest=False)
    assert falling == ["jaksaminen: 2/5 (16.11.) → 1/5 (23.11.)"]
    swedish = await text.fact_lines(db, "sv", reason([1, 1]), digest=False)
    assert swedish == ["ork 1/5 två gånger i rad"]
    missed = await text.fact_lines(
        db, "en", {"reason": "r-silence", "detail": {"missed": 3}}, digest=False
    )
    assert missed == ["3 check-ins in a row unanswered (pauses and breaks do not count)"]
    lines = await text.reason_lines(
        db,
        "fi",
        [{"reason": "r-crisis-text", "level": "crisis", "sentences": ["<b>apua</b>"]}],
        digest=False,
    )
    assert lines[1] == "   Opiskelija kirjoitti: <i>”&lt;b&gt;apua&lt;/b&gt;”</i>"  # escaped
