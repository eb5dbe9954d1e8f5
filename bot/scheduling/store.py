"""Schedules in SQLite (never in APScheduler's memory): read, add, remove."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime

from bot.clock import from_db, to_db
from bot.scheduling.due import MAX_LOOKBACK, Schedule, ScheduleError, parse_hhmm, parse_weekdays
from bot.storage.db import Reads, Tx


def schedule_from_row(row: sqlite3.Row) -> Schedule:
    return Schedule(
        id=row["id"],
        group_id=row["group_id"],
        flow_id=row["flow_id"],
        weekdays=parse_weekdays(row["weekdays"]),
        at_time=parse_hhmm(row["at_time"]),
        starts_on=date.fromisoformat(row["starts_on"]),
        created_at=from_db(row["created_at"]),
        timezone=row["timezone"],
        every_weeks=row["every_weeks"],
        ends_on=date.fromisoformat(row["ends_on"]) if row["ends_on"] else None,
        on_break=row["on_break"],
        kind=row["kind"],
        audience="risk_points" if row["risk_points_only"] else row["audience"],
        active=bool(row["active"]),
    )


async def active_schedules(db: Reads) -> list[Schedule]:
    rows = await db.fetchall("SELECT * FROM schedules WHERE active = 1 ORDER BY id")
    return [schedule_from_row(r) for r in rows]


async def group_schedules(db: Reads, group_id: int) -> list[Schedule]:
    rows = await db.fetchall(
        "SELECT * FROM schedules WHERE group_id = ? AND active = 1 ORDER BY id", (group_id,)
    )
    return [schedule_from_row(r) for r in rows]


async def get_schedule(db: Reads, schedule_id: int) -> Schedule | None:
    row = await db.fetchone("SELECT * FROM schedules WHERE id = ?", (schedule_id,))
    return None if row is None else schedule_from_row(row)


async def add_schedule(
    tx: Tx,
    now: datetime,
    *,
    group_id: int,
    flow_id: str,
    weekdays: Sequence[int],
    at_time: str,
    starts_on: date,
    ends_on: date | None = None,
    every_weeks: int = 1,
    on_break: str = "skip",
    timezone: str = "Europe/Helsinki",
    kind: str = "checkin",
    audience: str = "private",
    created_by: int | None = None,
) -> Schedule:
    """Validate and store a schedule. One active schedule per group and flow: the period keys
    (one check-in per student, flow and week) would make a second one send nothing anyway."""
    at = parse_hhmm(at_time)
    draft = Schedule(
        id=0,
        group_id=group_id,
        flow_id=flow_id,
        weekdays=tuple(sorted(set(weekdays))),
        at_time=at,
        starts_on=starts_on,
        created_at=now,
        timezone=timezone,
        every_weeks=every_weeks,
        ends_on=ends_on,
        on_break=on_break,
        kind=kind,
        audience=audience,
    )
    if await tx.fetchval("SELECT 1 FROM groups WHERE id = ?", (group_id,)) is None:
        raise ScheduleError(f"no group with id {group_id}")
    # A risk-point schedule of a flow sits beside the flow's schedule for everyone: its
    # periods are its own days (due.period_key).
    risk_only = int(audience == "risk_points")
    clash = await tx.fetchval(
        "SELECT id FROM schedules WHERE group_id = ? AND flow_id = ? AND kind = ? AND active = 1"
        " AND risk_points_only = ?",
        (group_id, flow_id, kind, risk_only),
    )
    if clash is not None:
        raise ScheduleError(
            f"the group already has schedule {clash} for {flow_id}; remove it first"
        )
    schedule_id = await tx.execute(
        "INSERT INTO schedules (group_id, kind, flow_id, weekdays, at_time, timezone,"
        " every_weeks, starts_on, ends_on, on_break, audience, risk_points_only, created_by,"
        " created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            group_id,
            kind,
            flow_id,
            ",".join(str(d) for d in draft.weekdays),
            at.strftime("%H:%M"),
            timezone,
            every_weeks,
            starts_on.isoformat(),
            ends_on.isoformat() if ends_on else None,
            on_break,
            "private" if risk_only else audience,
            risk_only,
            created_by,
            to_db(now),
        ),
    )
    stored = await get_schedule(tx, schedule_id)
    assert stored is not None
    return stored


async def deactivate(tx: Tx, schedule_id: int) -> bool:
    """Stop a schedule. Its rounds stay, so their delivery reports remain readable."""
    changed = await tx.execute(
        "UPDATE schedules SET active = 0 WHERE id = ? AND active = 1", (schedule_id,)
    )
    return changed > 0


async def recorded_periods(
    db: Reads, now: datetime, schedule_ids: Sequence[int] | None = None
) -> dict[int, set[str]]:
    """Period keys already recorded (sent, skipped or missed) per schedule."""
    since = to_db(now - MAX_LOOKBACK)
    rows = await db.fetchall(
        "SELECT r.schedule_id, r.period_key FROM rounds r JOIN schedules s ON s.id = r.schedule_id"
        " WHERE s.active = 1 AND r.due_at >= ?",
        (since,),
    )
    wanted = set(schedule_ids) if schedule_ids is not None else None
    found: dict[int, set[str]] = {}
    for row in rows:
        if wanted is None or row["schedule_id"] in wanted:
            found.setdefault(row["schedule_id"], set()).add(row["period_key"])
    return found
