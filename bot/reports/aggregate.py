"""From rows to a protected report: every number per scope (school, each group) and period,
in the model's input → output → outcome → impact shape.

- input (panos): check-ins sent and answered (response rate);
- situation (tilannekuva): each measure's mean, distribution (1–2 / 3 / 4–5) and weekly trend;
  declared everyday options chosen; free-text cue categories (students, never text);
- output (tuotos): concerns by level; where on the study path they arose (the first weeks of
  studies, on-the-job learning, the return from a break); contacted / closed without contact /
  still open; time to acknowledgement and to first contact (median, 90th percentile); closure
  reasons;
- outcome (tulos): did the triggering measure recover within N weeks of the first contact,
  overall and by support route (closure reason);
- impact (vaikutus): students who had a concern and are still studying.

Cells are keyed (scope, stat, category, week) and protected by `anonymity.protect`.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.reports.anonymity import Cell, Key, Table, protect
from bot.reports.data import AnswerRow, ConcernRow, Dataset
from bot.reports.period import Period, local_week

SCHOOL = "school"
NOGROUP = "nogroup"  # students without a group: a part of the school that is never shown
LEVELS = ("info", "concern", "urgent", "crisis")
ACTIONABLE = ("concern", "urgent", "crisis")  # info goes to a digest, not to a contact
BUCKETS = ("low", "mid", "high")
HANDLED = ("contacted", "closed_no_contact", "pending")
RECOVERY = ("recovered", "not_recovered")
STUDYING = ("studying", "left")
# Risk points on the study path, first match wins (the model's "riskipisteet").
PATH = ("start", "work_learning", "return", "other")
START_WEEKS = 6  # "the first weeks of studies"
RETURN_DAYS = 14  # "the return from a break"
MEASURE_ORDER = (
    "wellbeing",
    "studies",
    "belonging",
    "absence",
    "quitting",
    "workplace",
    "guidance",
    "safety",
    "workload",
    "start",
    "help_known",
)
CUE_ORDER = (
    "crisis",
    "detachment",
    "absence",
    "loneliness",
    "bullying",
    "money",
    "sleep",
    "positive",
)
# Closure reasons are codes from a fixed list; anything else (e.g. typed text) is never shown.
_REASON_CODE = re.compile(r"[a-z][a-z0-9_]{0,39}")
OTHER_REASON = "other"
# Info items the weekly digest closed on its own: no one chose a route, so they are kept out of
# the closure reasons (they would bury the real routes under "other").
DIGEST_REASON = "info-digest"
# Headcounts are roster facts every viewer of a scope can already list: never suppressed.
HEADCOUNT = "enrolled"

# How each stat turns its collected values into one number.
UNITS: dict[str, str] = {
    "enrolled": "students",
    "sent": "count",
    "answered": "count",
    "unanswered": "count",
    "answers": "count",
    "mean": "mean",
    "bucket": "count",
    "week_mean": "mean",
    "option_base": "students",
    "option": "students",
    "cue": "students",
    "concerns": "count",
    "level": "count",
    "path": "count",
    "actionable": "count",
    "handled": "count",
    "ack_median": "median",
    "ack_p90": "p90",
    "contact_median": "median",
    "contact_p90": "p90",
    "closure_median": "median",
    "closure_p90": "p90",
    "closed": "count",
    "closure": "count",
    "followed": "count",
    "recovery": "count",
    "route_followed": "count",
    "route": "count",
    "concerned": "students",
    "outcome_studying": "students",
}
# A part's share is shown against this total (both must be shown).
SHARE_OF: dict[str, str] = {
    "answered": "sent",
    "unanswered": "sent",
    "bucket": "answers",
    "option": "option_base",
    "level": "concerns",
    "path": "concerns",
    "handled": "actionable",
    "closure": "closed",
    "recovery": "followed",
    "route": "route_followed",
    "outcome_studying": "concerned",
}


def group_scope(group_id: int) -> str:
    return f"g{group_id}"


def bucket(score: float) -> str:
    return "low" if score <= 2 else "high" if score >= 4 else "mid"


def reason_code(reason: str | None) -> str:
    text = (reason or "").strip()
    return text if _REASON_CODE.fullmatch(text) else OTHER_REASON


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: the smallest value with at least q of the values at or below."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q * len(ordered)))
    return ordered[rank - 1]


def ordered(items: Iterable[str], order: tuple[str, ...]) -> list[str]:
    found = set(items)
    return [i for i in order if i in found] + sorted(found - set(order))


@dataclass(frozen=True)
class ScopeInfo:
    id: str
    name: str | None  # None for the school
    group_id: int | None = None


@dataclass
class Report:
    period: Period
    k: int
    recovery_weeks: int
    generated_at: datetime
    scopes: list[ScopeInfo]  # school first, then groups by name
    table: Table
    measures: list[str] = field(default_factory=list)
    options: dict[str, list[str]] = field(default_factory=dict)
    cues: list[str] = field(default_factory=list)
    closures: list[str] = field(default_factory=list)
    routes: list[str] = field(default_factory=list)
    weeks: list[str] = field(default_factory=list)

    def cell(self, scope: str, stat: str, cat: str = "", week: str = "") -> Cell | None:
        return self.table.get((scope, stat, cat, week))

    def value(self, scope: str, stat: str, cat: str = "", week: str = "") -> float | None:
        """The number if it may be shown, else None."""
        cell = self.cell(scope, stat, cat, week)
        return cell.value if cell is not None and cell.shown else None

    def share(self, scope: str, stat: str, cat: str = "") -> float | None:
        """A part as a percentage of its total, when both may be shown."""
        total_stat = SHARE_OF[stat]
        total_cat = cat.split(":")[0] if stat in ("bucket", "option", "route") else ""
        part = self.value(scope, stat, cat)
        total = self.value(scope, total_stat, total_cat)
        if part is None or not total:
            return None
        return 100.0 * part / total

    def scope(self, scope_id: str) -> ScopeInfo:
        return next(s for s in self.scopes if s.id == scope_id)

    def only(self, scope_ids: Iterable[str]) -> Report:
        """The same protected numbers, limited to the scopes a viewer may see."""
        allowed = set(scope_ids)
        return Report(
            self.period,
            self.k,
            self.recovery_weeks,
            self.generated_at,
            [s for s in self.scopes if s.id in allowed],
            self.table,
            self.measures,
            self.options,
            self.cues,
            self.closures,
            self.routes,
            self.weeks,
        )


class _Collector:
    """Values and students per cell key, for a row's group scope and the school at once."""

    def __init__(self, scope_of: dict[int, str]) -> None:
        self.scope_of = scope_of
        self.values: dict[Key, list[float]] = defaultdict(list)
        self.students: dict[Key, set[int]] = defaultdict(set)

    def add(
        self, student: int, stat: str, cat: str = "", week: str = "", value: float = 1.0
    ) -> None:
        for scope in (SCHOOL, self.scope_of.get(student, NOGROUP)):
            key = (scope, stat, cat, week)
            self.values[key].append(value)
            self.students[key].add(student)


def _finish(unit: str, values: list[float], students: set[int]) -> float | None:
    if unit == "count":
        return float(len(values))
    if unit == "students":
        return float(len(students))
    if not values:
        return None
    if unit == "mean":
        return statistics.fmean(values)
    if unit == "median":
        return float(statistics.median(values))
    if unit == "p90":
        return percentile(values, 0.9)
    raise ValueError(unit)


def _hours(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / 3600.0


def build(
    ds: Dataset,
    period: Period,
    tz: ZoneInfo,
    *,
    k: int,
    recovery_weeks: int,
    now: datetime,
) -> Report:
    scope_of = {
        sid: group_scope(s.group_id) if s.group_id is not None else NOGROUP
        for sid, s in ds.students.items()
    }
    col = _Collector(scope_of)
    weeks = period.weeks()
    in_period = [a for a in ds.answers if ds.start <= a.at < ds.end]

    # -- input ------------------------------------------------------------------------------
    for sid, s in ds.students.items():
        if s.status == "active":
            col.add(sid, "enrolled")
    for session in ds.sessions:
        if session.status == "open":
            continue  # still running: neither answered nor missed yet
        col.add(session.student_id, "sent")
        done = session.status == "completed"
        col.add(session.student_id, "answered" if done else "unanswered")

    # -- situation --------------------------------------------------------------------------
    measures: set[str] = set()
    options: dict[str, set[str]] = defaultdict(set)
    for a in in_period:
        if a.score is not None:
            measures.add(a.measure)
            col.add(a.student_id, "answers", a.measure)
            col.add(a.student_id, "mean", a.measure, value=a.score)
            col.add(a.student_id, "bucket", f"{a.measure}:{bucket(a.score)}")
            col.add(a.student_id, "week_mean", a.measure, local_week(a.at, tz), a.score)
        else:
            col.add(a.student_id, "option_base", a.measure)
            for option in a.options:
                options[a.measure].add(option)
                col.add(a.student_id, "option", f"{a.measure}:{option}")
    cues: set[str] = set()
    for cue in ds.cues:
        cues.add(cue.category)
        col.add(cue.student_id, "cue", cue.category)

    # -- output, outcome, impact ----------------------------------------------------------
    closures, routes = _concerns(col, ds, tz, recovery_weeks=recovery_weeks, now=now)

    with_students = {s.group_id for s in ds.students.values()}
    groups = sorted(
        (ScopeInfo(group_scope(gid), name, gid) for gid, name in ds.groups.items()),
        key=lambda s: (s.name or "").casefold(),
    )
    scopes = [ScopeInfo(SCHOOL, None), *(g for g in groups if g.group_id in with_students)]
    report = Report(
        period,
        k,
        recovery_weeks,
        now,
        scopes,
        Table(),
        measures=ordered(measures, MEASURE_ORDER),
        options={m: sorted(o) for m, o in options.items()},
        cues=ordered(cues, CUE_ORDER),
        closures=ordered(closures, ()),
        routes=ordered(routes, ()),
        weeks=weeks,
    )
    _fill(report, col)
    protect(report.table, k, audience=audience, exempt=exempt)
    return report


def audience(key: Key) -> int:
    """For how many kinds of viewer a cell is their only view: a group's numbers are all its
    group coach sees of the group; the coordinator reading the school also reads every group."""
    return 0 if key[0] == SCHOOL else 1


def exempt(key: Key) -> bool:
    return key[1] == HEADCOUNT


def _concerns(
    col: _Collector, ds: Dataset, tz: ZoneInfo, *, recovery_weeks: int, now: datetime
) -> tuple[set[str], set[str]]:
    by_measure: dict[tuple[int, str], list[AnswerRow]] = defaultdict(list)
    for a in ds.answers:
        if a.score is not None:
            by_measure[(a.student_id, a.measure)].append(a)
    closures: set[str] = set()
    routes: set[str] = set()
    concerned: set[int] = set()
    for c in ds.concerns:
        sid = c.student_id
        col.add(sid, "concerns")
        col.add(sid, "level", c.level)
        col.add(sid, "path", path_point(ds, sid, c.created_at.astimezone(tz).date()))
        if c.closed_at is not None and c.closure_reason != DIGEST_REASON:
            code = reason_code(c.closure_reason)
            closures.add(code)
            col.add(sid, "closed")
            col.add(sid, "closure", code)
        if c.level not in ACTIONABLE:
            continue
        concerned.add(sid)
        col.add(sid, "actionable")
        handled = (
            "contacted"
            if c.contacted
            else "closed_no_contact"
            if c.closed_at is not None
            else "pending"
        )
        col.add(sid, "handled", handled)
        # Response times measure how fast an alert was answered: a case a coach opened
        # when logging a contact has none.
        timed = c.source == "signal"
        if timed and c.acknowledged_at is not None:
            hours = max(0.0, _hours(c.acknowledged_at, c.created_at))
            col.add(sid, "ack_median", value=hours)
            col.add(sid, "ack_p90", value=hours)
        if timed and c.first_contact_at is not None:
            hours = max(0.0, _hours(c.first_contact_at, c.created_at))
            col.add(sid, "contact_median", value=hours)
            col.add(sid, "contact_p90", value=hours)
        if timed and c.closed_at is not None:
            hours = max(0.0, _hours(c.closed_at, c.created_at))
            col.add(sid, "closure_median", value=hours)
            col.add(sid, "closure_p90", value=hours)
        result = recovery(c, by_measure, weeks=recovery_weeks, now=now)
        if result is None:
            continue
        col.add(sid, "followed")
        col.add(sid, "recovery", result)
        if c.closed_at is not None:
            code = reason_code(c.closure_reason)
            routes.add(code)
            col.add(sid, "route_followed", code)
            col.add(sid, "route", f"{code}:{result}")
    for sid in concerned:
        col.add(sid, "concerned")
        left = ds.students[sid].left_studies
        col.add(sid, "outcome_studying", "left" if left else "studying")
    # Students who erased their data after a concern: anonymous (no id, no group), so they
    # count under "no group" (and so the school) as made-up ids no real student has.
    for n, (_, left) in enumerate(ds.erased_outcomes, start=1):
        col.add(-n, "concerned")
        col.add(-n, "outcome_studying", "left" if left else "studying")
    return closures, routes


def path_point(ds: Dataset, student_id: int, day: date) -> str:
    """Where on the study path a concern arose: the first weeks of studies, an on-the-job
    learning period, the first two weeks back from a break, or elsewhere."""
    student = ds.students.get(student_id)
    group_id = student.group_id if student else None
    started = student.study_started_on if student else None
    if started is not None and started <= day < started + timedelta(weeks=START_WEEKS):
        return "start"
    mine = [b for b in ds.breaks if b.group_id is None or b.group_id == group_id]
    if any(b.kind != "break" and b.starts_on <= day <= b.ends_on for b in mine):
        return "work_learning"
    if any(
        b.kind == "break" and b.ends_on < day <= b.ends_on + timedelta(days=RETURN_DAYS)
        for b in mine
    ):
        return "return"
    return "other"


def recovery(
    concern: ConcernRow,
    by_measure: dict[tuple[int, str], list[AnswerRow]],
    *,
    weeks: int,
    now: datetime,
) -> str | None:
    """'recovered' when an answer of the triggering measure within `weeks` of the first contact
    is at least 3 and better than the last answer before the concern; 'not_recovered' when the
    window has passed with answers but none recovered; None when it cannot be told (no contact,
    no measure, no answers, or the window is still open without a recovery)."""
    if concern.measure is None or concern.first_contact_at is None:
        return None
    series = by_measure.get((concern.student_id, concern.measure), [])
    before = [a.score for a in series if a.at <= concern.created_at and a.score is not None]
    baseline = before[-1] if before else None
    start = concern.first_contact_at
    end = start + timedelta(weeks=weeks)
    after = [a.score for a in series if start < a.at <= end and a.score is not None]
    need = max(3.0, baseline + 1) if baseline is not None else 3.0
    if any(score >= need for score in after):
        return "recovered"
    if end <= now and after:
        return "not_recovered"
    return None


def structure(report: Report) -> list[tuple[str, str, str]]:
    """Every (stat, category, week) the report has, whether or not a scope has data for it,
    so each relation is complete in every scope."""
    keys: list[tuple[str, str, str]] = [
        ("enrolled", "", ""),
        ("sent", "", ""),
        ("answered", "", ""),
        ("unanswered", "", ""),
        ("concerns", "", ""),
        *(("level", lvl, "") for lvl in LEVELS),
        *(("path", p, "") for p in PATH),
        ("actionable", "", ""),
        *(("handled", h, "") for h in HANDLED),
        ("ack_median", "", ""),
        ("ack_p90", "", ""),
        ("contact_median", "", ""),
        ("contact_p90", "", ""),
        ("closure_median", "", ""),
        ("closure_p90", "", ""),
        ("closed", "", ""),
        *(("closure", r, "") for r in report.closures),
        ("followed", "", ""),
        *(("recovery", r, "") for r in RECOVERY),
        ("concerned", "", ""),
        *(("outcome_studying", s, "") for s in STUDYING),
    ]
    for m in report.measures:
        keys += [("answers", m, ""), ("mean", m, "")]
        keys += [("bucket", f"{m}:{b}", "") for b in BUCKETS]
        keys += [("week_mean", m, w) for w in report.weeks]
    for m, opts in report.options.items():
        keys.append(("option_base", m, ""))
        keys += [("option", f"{m}:{o}", "") for o in opts]
    keys += [("cue", c, "") for c in report.cues]
    for r in report.routes:
        keys.append(("route_followed", r, ""))
        keys += [("route", f"{r}:{x}", "") for x in RECOVERY]
    return keys


def _fill(report: Report, col: _Collector) -> None:
    table = report.table
    scope_ids = [s.id for s in report.scopes] + [NOGROUP]
    keys = structure(report)
    for scope in scope_ids:
        for stat, cat, week in keys:
            key = (scope, stat, cat, week)
            students = col.students.get(key, set())
            values = col.values.get(key, [])
            unit = UNITS[stat]
            value = _finish(unit, values, students)
            sample = tuple(sorted(values)) if unit in ("median", "p90") else ()
            cell = Cell(key, frozenset(students), value, unit, weight=len(values), sample=sample)
            table.add(cell, hidden=scope == NOGROUP)
    relate(report, keys)


def relate(report: Report, keys: list[tuple[str, str, str]]) -> None:
    """The sums an attacker can use: the hierarchy and each table's categories."""
    table = report.table
    scope_ids = [s.id for s in report.scopes] + [NOGROUP]
    groups = [s for s in scope_ids if s != SCHOOL]
    for stat, cat, week in keys:
        if stat == HEADCOUNT:
            continue  # shown as it is; not a part of any sum that protects an answer
        # The hierarchy: the school is its groups plus the students without a group.
        table.relate((SCHOOL, stat, cat, week), [(g, stat, cat, week) for g in groups])
    for scope in scope_ids:

        def at(stat: str, cat: str = "", s: str = scope) -> Key:
            return (s, stat, cat, "")

        table.relate(at("sent"), [at("answered"), at("unanswered")])
        table.relate(at("concerns"), [at("level", lvl) for lvl in LEVELS])
        table.relate(at("concerns"), [at("path", p) for p in PATH])
        table.relate(at("actionable"), [at("level", lvl) for lvl in ACTIONABLE])
        table.relate(at("actionable"), [at("handled", h) for h in HANDLED])
        table.relate(at("closed"), [at("closure", r) for r in report.closures])
        table.relate(at("followed"), [at("recovery", r) for r in RECOVERY])
        table.relate(at("concerned"), [at("outcome_studying", x) for x in STUDYING])
        for m in report.measures:
            table.relate(at("answers", m), [at("bucket", f"{m}:{b}") for b in BUCKETS])
        for r in report.routes:
            table.relate(at("route_followed", r), [at("route", f"{r}:{x}") for x in RECOVERY])
