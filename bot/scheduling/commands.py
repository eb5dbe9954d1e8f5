"""The logic behind `kohtaamo calendar …` and `kohtaamo schedule …`: plain functions over a
Database that return the lines to print (English: an admin tool), or raise ScheduleError."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.scheduling import store
from bot.scheduling.calendar import BREAK, ON_THE_JOB, SchoolCalendar
from bot.scheduling.calendar_file import import_calendar, parse_calendar
from bot.scheduling.due import Schedule, ScheduleError, next_send
from bot.services.unit import UnitOfWork
from bot.storage.db import Database, Reads, Tx

DAY_NAMES = {
    name: index
    for index, names in enumerate(
        (
            ("ma", "mon", "mån", "maanantai", "monday", "måndag"),
            ("ti", "tue", "tis", "tiistai", "tuesday", "tisdag"),
            ("ke", "wed", "ons", "keskiviikko", "wednesday", "onsdag"),
            ("to", "thu", "tors", "torstai", "thursday", "torsdag"),
            ("pe", "fri", "fre", "perjantai", "friday", "fredag"),
            ("la", "sat", "lör", "lauantai", "saturday", "lördag"),
            ("su", "sun", "sön", "sunnuntai", "sunday", "söndag"),
        )
    )
    for name in names
}
SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def parse_days(text: str) -> tuple[int, ...]:
    """'ma,to' / 'mon,thu' / 'mån,tors' -> (0, 3)."""
    days = []
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        if part.lower() not in DAY_NAMES:
            raise ScheduleError(f"unknown weekday {part!r}; use e.g. ma,ke or mon,wed")
        days.append(DAY_NAMES[part.lower()])
    if not days:
        raise ScheduleError("name at least one weekday, e.g. --days ma")
    return tuple(sorted(set(days)))


async def calendar_import(unit: UnitOfWork, path: Path) -> tuple[list[str], list[str]]:
    """(problems, summary lines)."""
    parsed = parse_calendar(await asyncio.to_thread(path.read_text, encoding="utf-8"))
    problems = await import_calendar(unit, parsed)
    if problems:
        return problems, []
    breaks = [p for p in parsed.periods if p.kind == BREAK]
    on_job = [p for p in parsed.periods if p.kind == ON_THE_JOB]
    lines = [f"imported {len(breaks)} break(s) and {len(on_job)} on-the-job learning period(s)"]
    lines += [
        f"  {p.starts_on} – {p.ends_on}  {p.name}"
        + (f"  [{p.group}]" if p.group else "")
        + ("  (on-the-job learning)" if p.kind == ON_THE_JOB else "")
        for p in sorted(parsed.periods, key=lambda p: (p.starts_on, p.name))
    ]
    return [], lines


async def calendar_show(db: Database, today: date, days: int = 365) -> list[str]:
    calendar = await SchoolCalendar.load(db)
    names = {r["id"]: r["name"] for r in await db.fetchall("SELECT id, name FROM groups")}
    lines = ["breaks and periods:"]
    for b in sorted(calendar.breaks, key=lambda b: (b.starts_on, b.name)):
        where = f"  [{names.get(b.group_id, b.group_id)}]" if b.group_id else ""
        kind = "  (on-the-job learning)" if b.kind == ON_THE_JOB else ""
        lines.append(f"  {b.starts_on} – {b.ends_on}  {b.name}{where}{kind}")
    lines.append(f"public holidays on weekdays in the next {days} days:")
    for offset in range(days):
        day = today + timedelta(days=offset)
        name = calendar.holiday_name(day, "fi")
        if name and day.weekday() < 5:
            lines.append(f"  {day} {SHORT[day.weekday()]}  {name}")
    return lines


async def _group_id(db: Reads, name: str) -> int:
    found = await db.fetchval("SELECT id FROM groups WHERE name = ?", (name,))
    if found is None:
        raise ScheduleError(f"no group named {name!r}")
    return int(found)


async def schedule_add(
    unit: UnitOfWork,
    *,
    group: str,
    flow_id: str,
    days: str,
    at_time: str,
    known_flows: Sequence[str] | None,
    every_weeks: int = 1,
    starts_on: date | None = None,
    ends_on: date | None = None,
    on_break: str = "skip",
    timezone: str = "Europe/Helsinki",
    kind: str = "checkin",
    audience: str = "private",
) -> list[str]:
    if kind == "checkin" and known_flows is not None and flow_id not in known_flows:
        raise ScheduleError(f"no check-in flow {flow_id!r}; known: {', '.join(known_flows)}")
    weekdays = parse_days(days)
    now = unit.now
    first = starts_on or now.astimezone(ZoneInfo(timezone)).date()

    async def work(tx: Tx) -> Schedule:
        return await store.add_schedule(
            tx,
            now,
            group_id=await _group_id(tx, group),
            flow_id=flow_id,
            weekdays=weekdays,
            at_time=at_time,
            starts_on=first,
            ends_on=ends_on,
            every_weeks=every_weeks,
            on_break=on_break,
            timezone=timezone,
            kind=kind,
            audience=audience,
        )

    schedule = await unit.run(work)
    calendar = await SchoolCalendar.load(unit.reads)
    occ = next_send(schedule, calendar, now)
    when = _local(occ.due_at, schedule.tz) if occ else "none while it is in force"
    return [f"added schedule {schedule.id}: {describe(schedule, group)}", f"next: {when}"]


def _local(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{SHORT[local.weekday()]} {local:%Y-%m-%d %H:%M} ({tz.key})"


def describe(schedule: Schedule, group: str) -> str:
    days = ",".join(SHORT[d] for d in schedule.weekdays)
    every = "every week" if schedule.every_weeks == 1 else f"every {schedule.every_weeks} weeks"
    until = f" until {schedule.ends_on}" if schedule.ends_on else ""
    return (
        f"{group} · {schedule.kind} {schedule.flow_id} · {days} {schedule.at_time:%H:%M}"
        f" · {every} · from {schedule.starts_on}{until} · on breaks: {schedule.on_break}"
        + (f" · to {schedule.audience}" if schedule.kind == "prompt" else "")
    )


async def schedule_list(db: Database, clock: Clock, group: str | None = None) -> list[str]:
    now = clock.now()
    names = {r["id"]: r["name"] for r in await db.fetchall("SELECT id, name FROM groups")}
    found = await store.active_schedules(db)
    if group is not None:
        gid = await _group_id(db, group)
        found = [s for s in found if s.group_id == gid]
    if not found:
        return ["no schedules"]
    calendar = await SchoolCalendar.load(db)
    done = await store.recorded_periods(db, now)
    lines = []
    for s in found:
        occ = next_send(s, calendar, now, done.get(s.id, set()))
        nxt = _local(occ.due_at, s.tz) if occ else "-"
        lines.append(f"{s.id:>4}  {describe(s, names.get(s.group_id, '?'))}  next: {nxt}")
    return lines


async def schedule_remove(unit: UnitOfWork, schedule_id: int) -> list[str]:
    removed = await unit.run(lambda tx: store.deactivate(tx, schedule_id))
    if not removed:
        raise ScheduleError(f"no active schedule {schedule_id}")
    return [f"removed schedule {schedule_id} (its rounds and reports are kept)"]
