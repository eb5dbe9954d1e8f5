"""Reads what reports are made of. The only module in `bot/reports` that touches storage.

Only numbers and declared option ids leave this module: an answer's value is kept when it is an
option the flow declares (e.g. 'raha'), never when it is something a student typed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.clock import from_db, to_db
from bot.engine.model import Flow
from bot.reports.period import week_start
from bot.storage.db import Reads


@dataclass(frozen=True)
class StudentRow:
    id: int
    group_id: int | None
    status: str
    study_started_on: date | None = None
    left_reason: str | None = None

    @property
    def left_studies(self) -> bool:
        """Left without finishing: interrupted or transferred (graduating is no drop-out)."""
        return self.status == "left" and self.left_reason != "graduated"


@dataclass(frozen=True)
class BreakRow:
    """A school break or an on-the-job learning period (group None: the whole school)."""

    starts_on: date
    ends_on: date
    group_id: int | None
    kind: str


@dataclass(frozen=True)
class AnswerRow:
    student_id: int
    measure: str
    score: float | None
    options: tuple[str, ...]  # declared option ids chosen (multichoice / choice without score)
    at: datetime


@dataclass(frozen=True)
class SessionRow:
    student_id: int
    status: str
    started_at: datetime


@dataclass(frozen=True)
class CueRow:
    student_id: int
    category: str
    at: datetime


@dataclass(frozen=True)
class ConcernRow:
    id: int
    student_id: int
    level: str
    measure: str | None
    created_at: datetime
    acknowledged_at: datetime | None
    first_contact_at: datetime | None  # the concern's own field, else the first logged contact
    closed_at: datetime | None
    closure_reason: str | None
    source: str = "signal"  # 'coach': opened by a coach when logging a contact

    @property
    def contacted(self) -> bool:
        return self.first_contact_at is not None


@dataclass
class Dataset:
    start: datetime
    end: datetime
    students: dict[int, StudentRow]
    groups: dict[int, str]
    answers: list[AnswerRow] = field(default_factory=list)  # a wider window: see load()
    sessions: list[SessionRow] = field(default_factory=list)
    cues: list[CueRow] = field(default_factory=list)
    concerns: list[ConcernRow] = field(default_factory=list)
    breaks: list[BreakRow] = field(default_factory=list)
    # Students who erased their data after a concern: (the Monday of the concern's week,
    # whether they had left their studies) — nothing else is kept of them.
    erased_outcomes: list[tuple[date, bool]] = field(default_factory=list)


def checkin_flow_ids(flows: Iterable[Flow]) -> list[str]:
    return sorted(f.id for f in flows if f.kind == "checkin")


def option_questions(flows: Iterable[Flow]) -> dict[tuple[str, str], frozenset[str]]:
    """(flow, question) → declared option ids, for measured questions without scores."""
    found: dict[tuple[str, str], frozenset[str]] = {}
    for flow in flows:
        for q in flow.questions.values():
            if q.measures and q.type in ("multichoice", "choice") and not q.scores:
                found[(flow.id, q.id)] = frozenset(q.option_ids())
    return found


def _opt_dt(text: str | None) -> datetime | None:
    return from_db(text) if text else None


def _placeholders(items: list[str]) -> str:
    return ",".join("?" for _ in items) or "NULL"


async def load_students(db: Reads) -> tuple[dict[int, StudentRow], dict[int, str]]:
    students = {
        r["person_id"]: StudentRow(
            r["person_id"],
            r["group_id"],
            r["status"],
            date.fromisoformat(r["study_started_on"]) if r["study_started_on"] else None,
            r["left_reason"],
        )
        for r in await db.fetchall(
            "SELECT person_id, group_id, status, study_started_on, left_reason FROM students"
        )
    }
    groups = {r["id"]: r["name"] for r in await db.fetchall("SELECT id, name FROM groups")}
    return students, groups


async def load_answers(
    db: Reads,
    flows: Iterable[Flow],
    start: datetime,
    end: datetime,
    *,
    student_id: int | None = None,
) -> list[AnswerRow]:
    flows = list(flows)
    flow_ids = checkin_flow_ids(flows)
    declared = option_questions(flows)
    params: list[object] = [*flow_ids, to_db(start), to_db(end)]
    only = ""
    if student_id is not None:
        only = " AND s.person_id = ?"
        params.append(student_id)
    rows = await db.fetchall(
        "SELECT s.person_id, s.flow_id, a.question_id, a.value, a.measure, a.score,"
        " a.answered_at FROM answers a JOIN sessions s ON s.id = a.session_id"
        " JOIN students st ON st.person_id = s.person_id"
        f" WHERE a.measure IS NOT NULL AND s.flow_id IN ({_placeholders(flow_ids)})"
        f" AND a.answered_at >= ? AND a.answered_at < ?{only}"
        " ORDER BY a.answered_at, s.person_id",
        params,
    )
    out: list[AnswerRow] = []
    for r in rows:
        options: tuple[str, ...] = ()
        allowed = declared.get((r["flow_id"], r["question_id"]))
        if r["score"] is None and allowed:
            raw = json.loads(r["value"])
            chosen = raw if isinstance(raw, list) else [raw]
            options = tuple(sorted({c for c in chosen if isinstance(c, str) and c in allowed}))
        if r["score"] is None and not options:
            continue  # skipped, or not a number nor a declared option: nothing to count
        score = float(r["score"]) if r["score"] is not None else None
        out.append(
            AnswerRow(r["person_id"], r["measure"], score, options, from_db(r["answered_at"]))
        )
    return out


async def load_cues(db: Reads, start: datetime, end: datetime) -> list[CueRow]:
    """Detected (not negated) cue categories; the text they came from is never read here."""
    return [
        CueRow(r["person_id"], r["category"], from_db(r["detected_at"]))
        for r in await db.fetchall(
            "SELECT c.person_id, c.category, c.detected_at FROM cue_hits c"
            " JOIN students st ON st.person_id = c.person_id"
            " WHERE c.negated = 0 AND c.detected_at >= ? AND c.detected_at < ?",
            (to_db(start), to_db(end)),
        )
    ]


async def load(
    db: Reads,
    flows: Iterable[Flow],
    start: datetime,
    end: datetime,
    *,
    answers_from: datetime,
    answers_to: datetime,
) -> Dataset:
    """Sessions, cues and concerns of [start, end); answers of [answers_from, answers_to)
    (wider: the recovery of a measure is followed after the period)."""
    flows = list(flows)
    students, groups = await load_students(db)
    ds = Dataset(start, end, students, groups)
    ds.answers = await load_answers(db, flows, answers_from, answers_to)
    flow_ids = checkin_flow_ids(flows)
    span = (to_db(start), to_db(end))
    ds.sessions = [
        SessionRow(r["person_id"], r["status"], from_db(r["started_at"]))
        for r in await db.fetchall(
            "SELECT s.person_id, s.status, s.started_at FROM sessions s"
            " JOIN students st ON st.person_id = s.person_id"
            f" WHERE s.flow_id IN ({_placeholders(flow_ids)})"
            " AND s.started_at >= ? AND s.started_at < ?",
            [*flow_ids, *span],
        )
    ]
    ds.cues = await load_cues(db, start, end)
    ds.breaks = [
        BreakRow(
            date.fromisoformat(r["starts_on"]),
            date.fromisoformat(r["ends_on"]),
            r["group_id"],
            r["kind"],
        )
        for r in await db.fetchall("SELECT starts_on, ends_on, group_id, kind FROM school_breaks")
    ]
    ds.concerns = [
        ConcernRow(
            id=r["id"],
            student_id=r["student_id"],
            level=r["level"],
            measure=r["measure"],
            created_at=from_db(r["created_at"]),
            acknowledged_at=_opt_dt(r["acknowledged_at"]),
            first_contact_at=_opt_dt(r["first_contact_at"] or r["first_logged"]),
            closed_at=_opt_dt(r["closed_at"]),
            closure_reason=r["closure_reason"],
            source=r["source"],
        )
        for r in await db.fetchall(
            "SELECT c.id, c.student_id, c.level, c.measure, c.created_at, c.acknowledged_at,"
            " c.first_contact_at, c.closed_at, c.closure_reason, c.source,"
            " (SELECT MIN(k.created_at) FROM contacts k WHERE k.concern_id = c.id"
            " AND k.reached = 1)"
            " AS first_logged FROM concerns c JOIN students st ON st.person_id = c.student_id"
            " WHERE c.created_at >= ? AND c.created_at < ?",
            span,
        )
    ]
    ds.erased_outcomes = [
        (monday, bool(r["left_studies"]))
        for r in await db.fetchall("SELECT concern_week, left_studies FROM erased_outcomes")
        if start.date() <= (monday := week_start(r["concern_week"])) < end.date()
    ]
    return ds


async def load_signals(db: Reads, flows: Iterable[Flow], start: datetime, end: datetime) -> Dataset:
    """Answers and cues of [start, end) for phenomena: no sessions, no concerns."""
    flows = list(flows)
    students, groups = await load_students(db)
    ds = Dataset(start, end, students, groups)
    ds.answers = await load_answers(db, flows, start, end)
    ds.cues = await load_cues(db, start, end)
    return ds


def week_slice(ds: Dataset, start: datetime, end: datetime, *, answers: bool = False) -> Dataset:
    """The part of `ds` that happened in [start, end). Answers stay whole unless `answers`
    (a concern's recovery is followed after its week)."""
    return Dataset(
        start,
        end,
        ds.students,
        ds.groups,
        answers=[a for a in ds.answers if start <= a.at < end] if answers else ds.answers,
        sessions=[s for s in ds.sessions if start <= s.started_at < end],
        cues=[c for c in ds.cues if start <= c.at < end],
        concerns=[c for c in ds.concerns if start <= c.created_at < end],
        breaks=ds.breaks,
        erased_outcomes=[o for o in ds.erased_outcomes if start.date() <= o[0] < end.date()],
    )
