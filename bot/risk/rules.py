"""Evaluating a flow's escalation rules for one student.

The rules themselves are declared in the flows (`escalation:`) and parsed into typed conditions
(bot/engine/conditions.py). This module builds what those conditions look at:

* history — the student's scores of a measure in their completed check-ins, newest last;
* silence — consecutive missed scheduled check-ins, not counting paused periods and breaks;
* cues — the categories the Finnish cue detector finds in this check-in's free-text answers.

and turns every rule that holds into a `Signal` for the concern service. A signal carries
references to the answers behind it (session + question ids), never copies of free text; the
only text it may carry is the matching sentence of a crisis cue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import from_db, to_db
from bot.engine.conditions import (
    AnswerValue,
    Condition,
    MeasureAtMost,
    MeasureDrop,
    MissedCheckins,
    walk,
)
from bot.engine.model import EscalationRule, Flow
from bot.risk.cues import CueDetector, CueMatch
from bot.scheduling.calendar import SchoolCalendar
from bot.storage.db import Reads

ADHOC_PREFIX = "adhoc-"
# How far back a silence chain is followed; a student silent for longer is long since known.
SILENCE_LOOKBACK = 30


@dataclass(frozen=True)
class HistoryPoint:
    session_id: int
    at: str  # local date of the check-in, ISO
    score: float | None
    value: Any  # the option id or number (never free text)


@dataclass(frozen=True)
class Signal:
    """One reason to contact a student, ready for the concern service."""

    rule: str
    level: str
    reason: str  # locale id, shown to the coach
    tell_student: str | None = None  # locale id, told to the student before anything is shared
    flow: str | None = None
    session_id: int | None = None
    facts: tuple[str, ...] = ()  # question ids of `session_id` whose answers the coach may see
    history: Mapping[str, tuple[HistoryPoint, ...]] = field(default_factory=dict)
    sentences: tuple[str, ...] = ()  # crisis / review-note sentences only
    detail: Mapping[str, Any] = field(default_factory=dict)  # e.g. {"missed": 2}

    def to_json(self, now: datetime) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "level": self.level,
            "reason": self.reason,
            "tell": self.tell_student,
            "flow": self.flow,
            "session": self.session_id,
            "facts": list(self.facts),
            "history": {
                m: [{"s": p.session_id, "at": p.at, "score": p.score, "value": p.value} for p in ps]
                for m, ps in self.history.items()
            },
            "sentences": list(self.sentences),
            "detail": dict(self.detail),
            "at": to_db(now),
        }


@dataclass(frozen=True)
class CueScan:
    categories: frozenset[str]
    crisis_sentences: tuple[str, ...]
    review_notes: tuple[CueMatch, ...]  # negated crisis matches: a note for the coach


@dataclass
class RuleContext:
    """Implements bot.engine.conditions.Context over data loaded from storage."""

    answers: Mapping[str, AnswerValue]
    history: Mapping[str, Sequence[HistoryPoint]] = field(default_factory=dict)
    missed: int = 0
    cues: frozenset[str] = frozenset()

    def measure_history(self, measure: str, checkins: int) -> Sequence[float | None]:
        return [p.score for p in self.history.get(measure, ())][-checkins:]

    def missed_checkins(self) -> int:
        return self.missed

    def cue_categories(self) -> frozenset[str]:
        return self.cues


# -- what the rules need ---------------------------------------------------------------------


def history_needs(rules: Iterable[EscalationRule]) -> dict[str, int]:
    """measure -> how many check-ins back any rule looks."""
    needs: dict[str, int] = {}
    for rule in rules:
        for node in walk(rule.condition):
            if isinstance(node, MeasureAtMost | MeasureDrop):
                needs[node.measure] = max(needs.get(node.measure, 0), node.checkins)
    return needs


def uses_silence(condition: Condition) -> bool:
    return any(isinstance(node, MissedCheckins) for node in walk(condition))


async def measure_history(
    db: Reads,
    person_id: int,
    current_session: int,
    needs: Mapping[str, int],
    tz: ZoneInfo,
) -> dict[str, list[HistoryPoint]]:
    """Scores per measure over the student's completed check-ins, newest (this one) last.

    A measure the current check-in did not ask about has no history: an old answer must not
    fire a rule again on a check-in that said nothing about it.
    """
    out: dict[str, list[HistoryPoint]] = {}
    for measure, n in needs.items():
        rows = await db.fetchall(
            "SELECT s.id, s.finished_at, a.value, a.score FROM answers a"
            " JOIN sessions s ON s.id = a.session_id"
            " WHERE s.person_id = ? AND a.measure = ?"
            " AND (s.status = 'completed' OR s.id = ?)"
            " ORDER BY COALESCE(s.finished_at, s.updated_at) DESC, s.id DESC LIMIT ?",
            (person_id, measure, current_session, n),
        )
        points = [
            HistoryPoint(
                r["id"],
                from_db(r["finished_at"]).astimezone(tz).date().isoformat()
                if r["finished_at"]
                else "",
                r["score"],
                _plain_value(r["value"]),
            )
            for r in reversed(rows)
        ]
        out[measure] = points if points and points[-1].session_id == current_session else []
    return out


def _plain_value(raw: str) -> Any:
    import json

    value = json.loads(raw)
    # Only numbers and option ids are kept in a concern; free text never is.
    return value if isinstance(value, int | float) or value is None else str(value)[:40]


def scan_text_answers(
    flow: Flow, answers: Mapping[str, AnswerValue], detector: CueDetector
) -> CueScan:
    categories: set[str] = set()
    sentences: list[str] = []
    notes: list[CueMatch] = []
    for qid, answer in answers.items():
        question = flow.questions.get(qid)
        if question is None or question.type != "text" or not isinstance(answer.value, str):
            continue
        result = detector.detect(answer.value)
        categories |= set(result.categories)
        for match in result.matches:
            if match.category != "crisis":
                continue
            if match.negated:
                notes.append(match)
            elif match.sentence not in sentences:
                sentences.append(match.sentence)
    if "crisis" in categories:
        notes = []  # a real crisis says it all; the negated mention adds nothing
    return CueScan(frozenset(categories), tuple(sentences), tuple(notes))


async def missed_checkins(
    db: Reads,
    person_id: int,
    calendar: SchoolCalendar,
    tz: ZoneInfo,
    *,
    expiry_hours: int,
    group_id: int | None,
    paused_until: str | None,
) -> int:
    """Consecutive missed scheduled check-ins, newest first, until one was answered.

    Not counted (neither missed nor breaking the chain): ad-hoc check-ins the student started
    themselves, and check-ins excused by a pause or a school break (see `excused`). A check-in
    already looked at keeps the verdict it got when it expired (`risk_excused` in its
    context), because a pause is cleared once it ends.
    """
    rows = await db.fetchall(
        "SELECT status, period_key, started_at,"
        " json_extract(context, '$.risk_checked') AS checked,"
        " json_extract(context, '$.risk_excused') AS was_excused"
        " FROM sessions WHERE person_id = ? AND subject_id IS NULL"
        " ORDER BY started_at DESC, id DESC LIMIT ?",
        (person_id, SILENCE_LOOKBACK),
    )
    count = 0
    for row in rows:
        if row["status"] == "completed":
            break
        if row["status"] != "expired" or str(row["period_key"]).startswith(ADHOC_PREFIX):
            continue
        if row["checked"] is not None:
            skip = bool(row["was_excused"])
        else:
            skip = excused(
                from_db(row["started_at"]),
                calendar,
                tz,
                expiry_hours=expiry_hours,
                group_id=group_id,
                paused_until=paused_until,
            )
        if not skip:
            count += 1
    return count


def excused(
    started: datetime,
    calendar: SchoolCalendar,
    tz: ZoneInfo,
    *,
    expiry_hours: int,
    group_id: int | None,
    paused_until: str | None,
) -> bool:
    """A check-in is not "missed" if its answer window touched a school break, or if it began
    before the end of a pause the student has set (choosing to pause is itself a reply)."""
    pause_end = _pause_end(paused_until, tz)
    if pause_end is not None and started < pause_end:
        return True
    window = _days(started, started + timedelta(hours=expiry_hours), tz)
    return any(calendar.break_on(day, group_id) is not None for day in window)


def _pause_end(paused_until: str | None, tz: ZoneInfo) -> datetime | None:
    if not paused_until:
        return None
    text = paused_until.strip()
    try:
        if len(text) == 10:  # a date: paused through that whole day
            day = date.fromisoformat(text) + timedelta(days=1)
            return datetime(day.year, day.month, day.day, tzinfo=tz)
        return from_db(text)
    except ValueError:
        return None


def _days(start: datetime, end: datetime, tz: ZoneInfo) -> list[date]:
    first, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


# -- evaluation --------------------------------------------------------------------------------


def evaluate(
    flow: Flow,
    ctx: RuleContext,
    *,
    session_id: int | None,
    scan: CueScan | None = None,
    only: Iterable[EscalationRule] | None = None,
) -> list[Signal]:
    """Every rule of `flow` that holds, as signals (rule order kept)."""
    signals: list[Signal] = []
    for rule in only if only is not None else flow.escalation:
        if not rule.condition.evaluate(ctx):
            continue
        history: dict[str, tuple[HistoryPoint, ...]] = {}
        detail: dict[str, Any] = {}
        for node in walk(rule.condition):
            if isinstance(node, MeasureAtMost | MeasureDrop):
                history[node.measure] = tuple(ctx.history.get(node.measure, ()))[-node.checkins :]
            if isinstance(node, MissedCheckins):
                detail["missed"] = ctx.missed
        texts = frozenset(q for q, question in flow.questions.items() if question.type == "text")
        sentences = scan.crisis_sentences if scan and rule.level == "crisis" else ()
        answered = [
            f
            for f in rule.facts
            if f in ctx.answers
            and ctx.answers[f].value not in (None, "", [])
            # free text reaches an alert only as the matching crisis sentence
            and (f not in texts or rule.level == "info")
        ]
        signals.append(
            Signal(
                rule=rule.id,
                level=rule.level,
                reason=rule.reason,
                tell_student=rule.tell_student,
                flow=flow.id,
                session_id=session_id,
                facts=tuple(answered),
                history=history,
                sentences=tuple(sentences),
                detail=detail,
            )
        )
    if scan and scan.review_notes and not any(s.level == "crisis" for s in signals):
        signals.append(
            Signal(
                rule="review-note",
                level="info",
                reason="risk-r-review-note",
                tell_student="risk-share-review-note",
                flow=flow.id,
                session_id=session_id,
                sentences=tuple(dict.fromkeys(m.sentence for m in scan.review_notes)),
            )
        )
    return signals


async def signals_for_completed(
    db: Reads,
    flow: Flow,
    session_id: int,
    person_id: int,
    answers: Mapping[str, AnswerValue],
    detector: CueDetector,
    tz: ZoneInfo,
) -> tuple[list[Signal], CueScan]:
    """The rules of a check-in that just completed. Silence is zero: the student answered."""
    scan = scan_text_answers(flow, answers, detector)
    history = await measure_history(db, person_id, session_id, history_needs(flow.escalation), tz)
    ctx = RuleContext(answers=answers, history=history, missed=0, cues=scan.categories)
    return evaluate(flow, ctx, session_id=session_id, scan=scan), scan


def signals_for_missed(flow: Flow, missed: int) -> list[Signal]:
    """A scheduled check-in expired: only the silence rules are asked. Answers left in an
    unfinished check-in are never shared — stopping half-way is the student's choice."""
    silence_rules = [rule for rule in flow.escalation if uses_silence(rule.condition)]
    ctx = RuleContext(answers={}, missed=missed)
    return evaluate(flow, ctx, session_id=None, only=silence_rules)
