"""Follow-up: remind the coach on the agreed day, tell the coordinator when a follow-up is
overdue, bring back cases left without a next step, and list a coach's open cases most urgent
first (/seuranta).

Reminders respect the coach's working hours (the message waits in the outbox until then); the
coordinator's overdue notice the coordinator's. Each reminder is sent once per follow-up date
(the outbox key names the date), so moving the date reminds again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from bot.clock import from_db, to_db
from bot.risk.policy import level_rank
from bot.scheduling.calendar import SchoolCalendar, next_within_hours
from bot.services.cases.concerns import ConcernService, event
from bot.services.container import Outcome
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Payload
from bot.services.messaging.outbox import (
    PRIORITY_NORMAL,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    written,
)
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

ACTION_CASE = "case"  # the one-tap actions on a case: see CASE_* below


@dataclass(frozen=True)
class CasePress(Payload, action=ACTION_CASE):
    concern: int


CASE_LOG, CASE_POSTPONE, CASE_CLOSE, CASE_HANDOVER, CASE_CARD = 0, 1, 2, 3, 4
OPEN_STATUSES = "('open', 'acknowledged', 'contacted', 'followup')"
BATCH = 200

# Sort groups of /seuranta: overdue follow-ups, then alerts nobody acknowledged, then today's.
OVERDUE, UNACKNOWLEDGED, DUE_TODAY, OTHER = 0, 1, 2, 3


@dataclass(frozen=True)
class CaseLine:
    concern_id: int
    student_id: int
    student_name: str
    group: str | None
    coach_id: int | None
    coach_name: str | None
    level: str
    status: str
    source: str
    created_at: datetime
    due_on: date | None
    due_what: str
    last_contact: date | None

    def urgency(self, today: date) -> int:
        if self.due_on is not None and self.due_on < today:
            return OVERDUE
        if self.status == "open":
            return UNACKNOWLEDGED
        if self.due_on == today:
            return DUE_TODAY
        return OTHER

    def sort_key(self, today: date) -> tuple[Any, ...]:
        group = self.urgency(today)
        return (
            group,
            self.due_on or date.max if group == OVERDUE else date.min,
            -level_rank(self.level),
            self.due_on or date.max,
            self.created_at,
        )


_CASES_SQL = (
    "SELECT c.id, c.student_id, p.display_name AS student_name, g.name AS grp, c.coach_id,"
    " k.display_name AS coach_name, c.level, c.status, c.source, c.created_at,"
    " (SELECT f.due_on FROM followups f WHERE f.concern_id = c.id AND f.done_at IS NULL"
    "  ORDER BY f.id DESC LIMIT 1) AS due_on,"
    " (SELECT f.what FROM followups f WHERE f.concern_id = c.id AND f.done_at IS NULL"
    "  ORDER BY f.id DESC LIMIT 1) AS due_what,"
    " (SELECT MAX(t.contacted_on) FROM contacts t WHERE t.concern_id = c.id) AS last_contact"
    " FROM concerns c JOIN persons p ON p.id = c.student_id"
    " LEFT JOIN students s ON s.person_id = c.student_id"
    " LEFT JOIN groups g ON g.id = s.group_id LEFT JOIN persons k ON k.id = c.coach_id"
    f" WHERE c.status IN {OPEN_STATUSES} AND c.level != 'info'"
)


def _line(row: Any) -> CaseLine:
    return CaseLine(
        concern_id=row["id"],
        student_id=row["student_id"],
        student_name=row["student_name"],
        group=row["grp"],
        coach_id=row["coach_id"],
        coach_name=row["coach_name"],
        level=row["level"],
        status=row["status"],
        source=row["source"],
        created_at=from_db(row["created_at"]),
        due_on=date.fromisoformat(row["due_on"]) if row["due_on"] else None,
        due_what=row["due_what"] or "",
        last_contact=date.fromisoformat(row["last_contact"]) if row["last_contact"] else None,
    )


async def open_cases(db: Reads, viewer: Person, today: date) -> list[CaseLine]:
    """The viewer's open cases, most urgent first; a coordinator sees every open case."""
    if viewer.has("coordinator"):
        rows = await db.fetchall(_CASES_SQL)
    else:
        rows = await db.fetchall(_CASES_SQL + " AND c.coach_id = ?", (viewer.id,))
    return sorted((_line(r) for r in rows), key=lambda c: c.sort_key(today))


async def case_line(db: Reads, concern_id: int) -> CaseLine | None:
    row = await db.fetchone(_CASES_SQL + " AND c.id = ?", (concern_id,))
    return None if row is None else _line(row)


class FollowupService:
    def __init__(self, concerns: ConcernService) -> None:
        self.concerns = concerns
        self.svc = concerns.svc
        self.policy = concerns.policy

    @property
    def tz(self) -> Any:
        return self.svc.settings.tz

    async def case_buttons(
        self, tx: Tx, now: datetime, person: Person, concern_id: int, *, card: bool = False
    ) -> list[list[Button]]:
        assert person.tg_user_id is not None
        token = await callbacks.issue(tx, now, person.tg_user_id, CasePress(concern_id))
        tr, lang = self.svc.tr, person.language

        def button(key: str, index: int) -> Button:
            return Button(tr.plain(lang, key), callbacks.button_data(token, index))

        rows = [
            [button("case-button-log", CASE_LOG)],
            [
                button("case-button-postpone", CASE_POSTPONE),
                button("case-button-close", CASE_CLOSE),
            ],
        ]
        if card:
            rows.append([button("risk-button-handover", CASE_HANDOVER)])
        else:
            rows[1].append(button("case-button-card", CASE_CARD))
        return rows

    async def tick(self, unit: UnitOfWork) -> Outcome:
        """Reminders on the agreed day, overdue cases to the coordinator, idle cases back to
        the coach: each step one transaction of the tick's unit."""
        outcome = Outcome()
        for step in (self._remind_due, self._escalate_overdue, self._bring_back_idle):
            outcome.extend(Outcome(rows=await unit.run(partial(step, now=unit.now))))
        return outcome

    # -- the agreed day -----------------------------------------------------------------------

    async def _remind_due(self, tx: Tx, *, now: datetime) -> list[OutboxRow]:
        today = now.astimezone(self.svc.settings.tz).date()
        due = await tx.fetchall(
            "SELECT f.id, f.concern_id, f.due_on, f.what FROM followups f"
            " JOIN concerns c ON c.id = f.concern_id"
            f" WHERE f.done_at IS NULL AND f.reminded_at IS NULL AND f.due_on <= ?"
            f" AND c.status IN {OPEN_STATUSES} ORDER BY f.due_on LIMIT {BATCH}",
            (today.isoformat(),),
        )
        rows: list[OutboxRow] = []
        for f in due:
            line = await case_line(tx, f["concern_id"])
            if line is None:
                continue
            await tx.execute(
                "UPDATE followups SET reminded_at = ? WHERE id = ?", (to_db(now), f["id"])
            )
            to = await self._holder(tx, line)
            for person in to:
                row = await self._notice(
                    tx,
                    now,
                    person,
                    line,
                    f"c{line.concern_id}:followup:{f['id']}:{f['due_on']}:{person.id}",
                    "case-reminder",
                    what=f["what"],
                )
                rows += written(row)
            await event(tx, line.concern_id, now, "followup_reminded", followup=f["id"])
        return rows

    async def _escalate_overdue(self, tx: Tx, *, now: datetime) -> list[OutboxRow]:
        today = now.astimezone(self.svc.settings.tz).date()
        pending = await tx.fetchall(
            "SELECT f.id, f.concern_id, f.due_on, f.what FROM followups f"
            " JOIN concerns c ON c.id = f.concern_id"
            " WHERE f.done_at IS NULL AND f.escalated_at IS NULL AND f.reminded_at IS NOT NULL"
            f" AND f.due_on < ? AND c.status IN {OPEN_STATUSES} ORDER BY f.due_on LIMIT {BATCH}",
            (today.isoformat(),),
        )
        if not pending:
            return []
        calendar = await SchoolCalendar.load(tx)
        rows: list[OutboxRow] = []
        for f in pending:
            due_on = date.fromisoformat(f["due_on"])
            if _school_days_between(calendar, due_on, today) < self.policy.followup_overdue_days:
                continue
            line = await case_line(tx, f["concern_id"])
            if line is None:
                continue
            await tx.execute(
                "UPDATE followups SET escalated_at = ? WHERE id = ?", (to_db(now), f["id"])
            )
            for person in await self.concerns.coordinators(tx, exclude=set()):
                row = await self._notice(
                    tx,
                    now,
                    person,
                    line,
                    f"c{line.concern_id}:overdue:{f['id']}:{f['due_on']}:{person.id}",
                    "case-overdue",
                    what=f["what"],
                )
                rows += written(row)
            await event(tx, line.concern_id, now, "followup_overdue", followup=f["id"])
        return rows

    # -- cases left without a next step -------------------------------------------------------

    async def _bring_back_idle(self, tx: Tx, *, now: datetime) -> list[OutboxRow]:
        today = now.astimezone(self.svc.settings.tz).date()
        candidates = await tx.fetchall(
            "SELECT c.id, c.updated_at, (SELECT MAX(e.at) FROM concern_events e"
            " WHERE e.concern_id = c.id AND e.kind = 'idle_reminded') AS reminded"
            " FROM concerns c WHERE c.status IN ('acknowledged', 'contacted')"
            " AND c.level != 'info' AND NOT EXISTS (SELECT 1 FROM followups f"
            " WHERE f.concern_id = c.id AND f.done_at IS NULL)"
            f" ORDER BY c.updated_at LIMIT {BATCH}"
        )
        if not candidates:
            return []
        calendar = await SchoolCalendar.load(tx)
        rows: list[OutboxRow] = []
        for c in candidates:
            since = max(from_db(c["updated_at"]), from_db(c["reminded"] or c["updated_at"]))
            quiet_days = _school_days_between(calendar, since.astimezone(self.tz).date(), today)
            if quiet_days < self.policy.idle_case_days:
                continue
            line = await case_line(tx, c["id"])
            if line is None:
                continue
            await event(tx, line.concern_id, now, "idle_reminded")
            for person in await self._holder(tx, line):
                row = await self._notice(
                    tx,
                    now,
                    person,
                    line,
                    f"c{line.concern_id}:idle:{today.isoformat()}:{person.id}",
                    "case-idle",
                    days=quiet_days,
                )
                rows += written(row)
        return rows

    # -- shared -------------------------------------------------------------------------------

    async def _holder(self, tx: Tx, line: CaseLine) -> list[Person]:
        """The case's coach; the coordinators when the coach cannot be reached."""
        coach = await self.concerns.reachable(tx, line.coach_id)
        if coach is not None:
            return [coach]
        return await self.concerns.coordinators(tx, exclude=set())

    async def _notice(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        line: CaseLine,
        key: str,
        text_id: str,
        **args: Any,
    ) -> OutboxRow | None:
        assert person.tg_user_id is not None
        tr, lang = self.svc.tr, person.language
        text = tr.html(
            lang,
            text_id,
            student=line.student_name,
            group=line.group or "–",
            coach=line.coach_name or "–",
            date=f"{line.due_on.day}.{line.due_on.month}." if line.due_on else "–",
            **{k: v for k, v in args.items() if k != "what"},
        )
        what = str(args.get("what") or "")
        if what:
            text += "\n" + tr.html(lang, "case-agreed", what=what)
        hours = await tx.fetchone(
            "SELECT work_start, work_end FROM persons WHERE id = ?", (person.id,)
        )
        not_before = (
            next_within_hours(now, self.tz, hours["work_start"], hours["work_end"])
            if hours
            else now
        )
        buttons = await self.case_buttons(tx, now, person, line.concern_id)
        row = await enqueue(
            tx,
            key,
            OutMessage(person.tg_user_id, text, buttons=buttons),
            now=now,
            priority=PRIORITY_NORMAL,
            person_id=person.id,
            not_before=not_before,
        )
        return row if row is not None and not_before <= now else None


def _school_days_between(calendar: SchoolCalendar, start: date, end: date) -> int:
    """School days after `start` up to and including `end`."""
    days, day = 0, start
    while day < end and days < 366:
        day += timedelta(days=1)
        if calendar.is_school_day(day):
            days += 1
    return days
