"""Published weeks: the only numbers a report is ever made of.

Suppression inside one report cannot stop differencing over time: the whole school's report
taken before and after one student answers gives n₂·m₂ − n₁·m₁ = that student's score. So:

1. Time is cut into ISO weeks in the school's time zone. A week can be reported only after it
   has ended, and the first report that needs it *publishes* it: its k-protected table (every
   scope at once, see `anonymity.protect`) is computed once and stored, and never computed
   again. Nothing that happens later — an answer, a case update, an erasure, a move between
   groups — changes a published week.
2. A report's period is a run of whole published weeks. Each of its numbers is made from the
   same number of every week in it: a sum for counts (a student counted in two weeks counts
   twice: student-weeks), the weighted mean for means, the pooled values for medians and
   percentiles, the last week for a headcount. It is shown only when the number is shown in
   every one of those weeks; otherwise it is hidden.

So everything any sequence of reports shows is a function of the published weeks' shown
numbers, each of which is protected on its own and fixed for ever; two overlapping periods
differ by whole published weeks, never by one student's answer.

The stored body holds no person ids: per cell its status, the number of students, and for
shown cells the value (with the count of values behind a mean, and the values a median is
taken from — response times of staff, in hours).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from bot.reports import aggregate, anonymity
from bot.reports.aggregate import NOGROUP, SCHOOL, Report, ScopeInfo, percentile
from bot.reports.anonymity import COMPLEMENT, HIDDEN, SHOWN, SMALL, Cell, Key, Table
from bot.reports.period import Period, week_key, week_start
from bot.reports.phenomena import population_key

FORMAT = 1


def last_closed_week(today: date) -> str:
    """The week before the one `today` is in: the newest week that has ended."""
    return week_key(today - timedelta(days=today.weekday() + 7))


def week_period(key: str) -> Period:
    monday = week_start(key)
    return Period(monday, monday + timedelta(days=6))


def snap(period: Period, today: date) -> Period | None:
    """The whole weeks covering `period`, cut at the last week that has ended; None when no
    week of it has ended yet."""
    first = period.first - timedelta(days=period.first.weekday())
    last = period.last + timedelta(days=6 - period.last.weekday())
    newest = week_period(last_closed_week(today)).last
    last = min(last, newest)
    if last < first:
        return None
    return Period(first, last)


@dataclass(frozen=True)
class WeekTable:
    """One published week as stored."""

    week: str
    published_at: datetime
    body: dict[str, Any]

    def cells(self) -> dict[Key, dict[str, Any]]:
        return {tuple(c["key"]): c for c in self.body["cells"]}

    def signal(self, scope: str, signal: str) -> tuple[int, int]:
        """(students with the signal, students who could have had it) in the week."""
        counts = self.body.get("signals", {})
        x = counts.get("cases", {}).get(f"{scope}|{signal}", 0)
        n = counts.get("populations", {}).get(f"{scope}|{population_key(signal)}", 0)
        return int(x), int(n)


def freeze(report: Report, signals: dict[str, dict[str, int]] | None = None) -> dict[str, Any]:
    """A one-week report as a JSON-able body without person ids; `signals`: the week's
    phenomenon counts (`phenomena.weekly_counts`), which a plan's before/after view reads."""
    cells = []
    for key, cell in report.table.cells.items():
        if cell.status == HIDDEN and key[0] != NOGROUP:
            continue
        entry: dict[str, Any] = {"key": list(key), "status": cell.status, "n": cell.n}
        if cell.shown:
            entry["value"] = cell.value
            entry["weight"] = cell.weight
            if cell.sample:
                entry["sample"] = list(cell.sample)
        cells.append(entry)
    return {
        "format": FORMAT,
        "k": report.k,
        "groups": [s.group_id for s in report.scopes if s.group_id is not None],
        "measures": report.measures,
        "options": report.options,
        "cues": report.cues,
        "closures": report.closures,
        "routes": report.routes,
        "cells": cells,
        "signals": signals or {},
    }


def dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _union(lists: Iterable[list[str]], order: tuple[str, ...] = ()) -> list[str]:
    return aggregate.ordered({x for items in lists for x in items}, order)


def combine(
    weeks: list[WeekTable],
    period: Period,
    groups: dict[int, str],
    *,
    k: int,
    recovery_weeks: int,
    now: datetime,
) -> Report:
    """The report of a run of published weeks (see the module text for each number's rule)."""
    bodies = [w.body for w in weeks]
    group_ids = {g for b in bodies for g in b["groups"] if g in groups}
    scopes = [
        ScopeInfo(SCHOOL, None),
        *sorted(
            (ScopeInfo(aggregate.group_scope(g), groups[g], g) for g in group_ids),
            key=lambda s: (s.name or "").casefold(),
        ),
    ]
    options: dict[str, list[str]] = {}
    for b in bodies:
        for m, opts in b["options"].items():
            options[m] = sorted(set(options.get(m, [])) | set(opts))
    report = Report(
        period,
        k,
        recovery_weeks,
        now,
        scopes,
        Table(),
        measures=_union((b["measures"] for b in bodies), aggregate.MEASURE_ORDER),
        options=dict(sorted(options.items())),
        cues=_union((b["cues"] for b in bodies), aggregate.CUE_ORDER),
        closures=_union(b["closures"] for b in bodies),
        routes=_union(b["routes"] for b in bodies),
        weeks=[w.week for w in weeks],
    )
    structure = aggregate.structure(report)
    per_week = [
        w.cells() if int(w.body.get("k", k)) >= k else _reprotected(w, groups, k, now)
        for w in weeks
    ]
    for scope in [s.id for s in scopes] + [NOGROUP]:
        for stat, cat, wk in structure:
            key = (scope, stat, cat, wk)
            if wk:  # one week's number (a weekly mean): that week's own `mean` cell
                i = report.weeks.index(wk)
                parts = [per_week[i].get((scope, "mean", cat, ""))]
            elif stat == aggregate.HEADCOUNT:
                parts = [per_week[-1].get(key)] if per_week else []
            else:
                parts = [cells.get(key) for cells in per_week]
            report.table.add(_cell(key, aggregate.UNITS[stat], parts), hidden=scope == NOGROUP)
    aggregate.relate(report, structure)
    return report


def _reprotected(week: WeekTable, groups: dict[int, str], k: int, now: datetime) -> dict[Key, Any]:
    """A week published under a smaller k, protected again with today's k: its stored table,
    primary and complementary suppression once more (deterministic, so every report agrees)."""
    alone = combine(
        [WeekTable(week.week, week.published_at, {**week.body, "k": k})],
        week_period(week.week),
        groups,
        k=k,
        recovery_weeks=0,
        now=now,
    )
    anonymity.protect(alone.table, k, audience=aggregate.audience, exempt=aggregate.exempt)
    out: dict[Key, Any] = {}
    for key, c in alone.table.cells.items():
        if key[3]:  # a weekly mean: combine reads the week's own mean
            continue
        entry: dict[str, Any] = {"status": c.status, "n": c.n}
        if c.shown:
            entry.update(value=c.value, weight=c.weight, sample=list(c.sample))
        out[key] = entry
    return out


def _cell(key: Key, unit: str, parts: list[dict[str, Any] | None]) -> Cell:
    present = [p for p in parts if p is not None]  # a week without the category: nobody
    people = sum(int(p["n"]) for p in present)
    hidden = [p["status"] for p in present if p["status"] != SHOWN]
    if hidden:
        status = SMALL if SMALL in hidden else COMPLEMENT
        return Cell(key, frozenset(), None, unit, status=status, people=people)
    weight = sum(int(p.get("weight", 0)) for p in present)
    values = [float(p["value"]) for p in present if p.get("value") is not None]
    sample = tuple(sorted(float(x) for p in present for x in p.get("sample", [])))
    value: float | None
    if unit in ("count", "students"):
        value = float(sum(values))
    elif unit == "mean":
        total = sum(
            float(p["value"]) * int(p["weight"]) for p in present if p.get("value") is not None
        )
        value = total / weight if weight else None
    else:
        if not sample:
            value = None
        elif unit == "median":
            value = float(statistics.median(sample))
        else:
            value = percentile(list(sample), 0.9)
    return Cell(key, frozenset(), value, unit, people=people, weight=weight, sample=sample)
