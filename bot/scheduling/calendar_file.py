"""The school's own calendar as a YAML file: breaks for the whole school and, per group, its own
breaks and on-the-job learning periods. Public holidays come from the `holidays` package and
are not listed. See `calendar/koulukalenteri.yaml`.

Importing replaces every stored break and period in one transaction, so the file is the one
place to edit and re-importing it is always safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from bot.scheduling.calendar import BREAK, ON_THE_JOB
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

TOP_KEYS = {"school_year", "breaks", "groups"}
GROUP_KEYS = {"breaks", "on_the_job_learning"}
PERIOD_KEYS = {"name", "from", "to"}
LONGEST_PERIOD_DAYS = 200  # a typo in a year (2062) must not silence a group for decades


@dataclass(frozen=True)
class Period:
    name: str
    starts_on: date
    ends_on: date
    kind: str = BREAK
    group: str | None = None  # group name; None for the whole school


@dataclass
class CalendarFile:
    periods: list[Period] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _date(value: Any, where: str, problems: list[str]) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    problems.append(f"{where}: {value!r} is not a date (write it as 2026-10-19)")
    return None


def _periods(
    items: Any, kind: str, group: str | None, where: str, problems: list[str]
) -> list[Period]:
    if items is None:
        return []
    if not isinstance(items, list):
        problems.append(f"{where}: expected a list of {{name, from, to}}")
        return []
    found = []
    for n, item in enumerate(items, start=1):
        here = f"{where}[{n}]"
        if not isinstance(item, dict):
            problems.append(f"{here}: expected {{name, from, to}}")
            continue
        unknown = set(item) - PERIOD_KEYS
        if unknown:
            problems.append(f"{here}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        name = str(item.get("name") or "").strip()
        if not name:
            problems.append(f"{here}: a name is needed")
        starts = _date(item.get("from"), f"{here}.from", problems)
        ends = _date(item.get("to"), f"{here}.to", problems)
        if starts is None or ends is None or not name:
            continue
        if ends < starts:
            problems.append(f"{here} ({name}): ends {ends} before it starts {starts}")
            continue
        if (ends - starts).days > LONGEST_PERIOD_DAYS:
            problems.append(f"{here} ({name}): longer than {LONGEST_PERIOD_DAYS} days; a typo?")
            continue
        found.append(Period(name, starts, ends, kind, group))
    return found


def parse_calendar(text: str) -> CalendarFile:
    """Parse and check a calendar file; problems are readable lines naming the place."""
    result = CalendarFile()
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        result.problems.append(f"not valid YAML: {exc}")
        return result
    if not isinstance(data, dict):
        result.problems.append("expected keys school_year, breaks and groups")
        return result
    unknown = set(data) - TOP_KEYS
    if unknown:
        result.problems.append(f"unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    result.periods += _periods(data.get("breaks"), BREAK, None, "breaks", result.problems)
    groups = data.get("groups") or {}
    if not isinstance(groups, dict):
        result.problems.append("groups: expected a group name with its breaks and periods")
        groups = {}
    for name, spec in groups.items():
        where = f"groups.{name}"
        if not isinstance(spec, dict):
            result.problems.append(f"{where}: expected breaks and/or on_the_job_learning")
            continue
        unknown = set(spec) - GROUP_KEYS
        if unknown:
            result.problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        result.periods += _periods(
            spec.get("breaks"), BREAK, str(name), f"{where}.breaks", result.problems
        )
        result.periods += _periods(
            spec.get("on_the_job_learning"),
            ON_THE_JOB,
            str(name),
            f"{where}.on_the_job_learning",
            result.problems,
        )
    return result


async def import_calendar(unit: UnitOfWork, parsed: CalendarFile) -> list[str]:
    """Replace the stored calendar with the file's; returns problems (nothing is changed when
    there are any, e.g. a group the school does not have)."""
    if parsed.problems:
        return parsed.problems

    async def work(tx: Tx) -> list[str]:
        rows = await tx.fetchall("SELECT id, name FROM groups")
        ids = {r["name"]: r["id"] for r in rows}
        unknown = sorted({p.group for p in parsed.periods if p.group and p.group not in ids})
        if unknown:
            return [f"no such group: {name}" for name in unknown]
        await tx.execute("DELETE FROM school_breaks")
        await tx.executemany(
            "INSERT INTO school_breaks (name, starts_on, ends_on, group_id, kind)"
            " VALUES (?,?,?,?,?)",
            [
                (
                    p.name,
                    p.starts_on.isoformat(),
                    p.ends_on.isoformat(),
                    ids[p.group] if p.group else None,
                    p.kind,
                )
                for p in parsed.periods
            ],
        )
        return []

    return await unit.run(work)
