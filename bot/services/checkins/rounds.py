"""Rounds: what the schedules make happen when their time comes.

On every clock tick `RoundService.tick()` asks the pure due calculation (`bot.scheduling.due`)
what is due now, and records each answer as a `rounds` row, UNIQUE(schedule_id, period_key):

- a due round writes one session and one outbox row per student, in chunks of ROUND_CHUNK
  students: the first chunk in the SAME transaction that records the round (marked `pending`),
  each further chunk in its own short transaction, handed to the sender as it commits — so a
  round to thousands starts sending at once, and replies to others are not held behind one
  long write. A crash before the first commit leaves nothing, and the next tick does it all; a
  crash between chunks leaves a pending round that the next tick resumes: it writes only the
  students without a session of the period (sessions are UNIQUE(person_id, flow_id,
  period_key)), so nobody gets two. After a commit, the sender delivers from the outbox, even
  after a restart. A period never gets a second round.
- a round on a holiday or break is recorded as skipped (or shifted by the due calculation);
- a round that is more than the grace window late (the bot was down) is recorded as missed,
  logged, and the coordinators and the group's group coaches are told, once.

Students who are paused, unreachable, not joined yet, or already have this period's check-in
are not messaged; the round counts them for its delivery report. Quiet hours move a student's
message to the end of their quiet hours.

The same machinery serves peer-group prompts: `handlers[kind]` decides what a due round of a
kind does; kinds without a handler are left alone (not recorded) until one is registered.
"""

from __future__ import annotations

import html
import json
import logging
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from bot.clock import from_db, to_db
from bot.engine.model import Flow
from bot.i18n import Translator
from bot.scheduling import store
from bot.scheduling.calendar import SchoolCalendar, next_outside_quiet, paused_on
from bot.scheduling.due import Decision, Occurrence, Schedule, decide, period_key
from bot.scheduling.risk_points import risk_point
from bot.services import render
from bot.services.checkins.sessions import Answer
from bot.services.container import Outcome, Services
from bot.services.messaging.callbacks import DEFAULT_TTL
from bot.services.messaging.outbox import (
    PRIORITY_BULK,
    PRIORITY_NORMAL,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    send_on_commit,
    written,
)
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

log = logging.getLogger(__name__)
DEFAULT_GRACE = timedelta(hours=12)
ROUND_CHUNK = 500  # students written per transaction (about 50 ms of work on a small VM)
# Rendered once per language, then the student's name and button token are put in: a round
# for thousands of students must not format the same Fluent message thousands of times.
_NAME = "\u2063name\u2063"
_TOKEN = "TOKEN-PLACEHOLDER"


class RoundError(Exception):
    """The round cannot run (e.g. its flow no longer exists); `reason` is recorded."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class RoundContext:
    now: datetime
    schedule: Schedule
    occurrence: Occurrence
    round_id: int
    calendar: SchoolCalendar
    limit: int | None = None  # at most this many new recipients now; the rest in later chunks


@dataclass
class RoundResult:
    counts: dict[str, int] = field(default_factory=dict)
    rows: list[OutboxRow] = field(default_factory=list)  # due now; later ones wait in the outbox
    flow_id: str | None = None
    more: bool = False  # recipients are left for another chunk (see RoundContext.limit)


@dataclass
class RoundOutcome(Outcome):
    round_id: int | None = None  # None: this period already had its round
    counts: dict[str, int] = field(default_factory=dict)


RoundHandler = Callable[[Tx, RoundContext], Awaitable[RoundResult]]


def first_name(display_name: str) -> str:
    parts = display_name.split()
    return parts[0] if parts else display_name


class RoundService:
    def __init__(self, svc: Services, *, grace: timedelta = DEFAULT_GRACE) -> None:
        self.svc = svc
        self.grace = grace
        self.handlers: dict[str, RoundHandler] = {"checkin": self.checkin_round}
        self.chunk = ROUND_CHUNK

    # -- the clock tick ---------------------------------------------------------------------

    async def tick(self, unit: UnitOfWork) -> Outcome:
        """Record every round that is due at the tick's moment; returns the messages to send
        now."""
        db, now = unit.reads, unit.now
        schedules = [s for s in await store.active_schedules(db) if s.kind in self.handlers]
        outcome = Outcome()
        if not schedules:
            return outcome
        calendar = await SchoolCalendar.load(db)
        done = await store.recorded_periods(db, now)
        unsent: list[tuple[Schedule, Decision, str]] = []
        due: list[tuple[Schedule, Occurrence]] = []
        for schedule in schedules:
            for decision in decide(
                schedule, calendar, now, done.get(schedule.id, set()), self.grace
            ):
                if decision.verdict == "send":
                    due.append((schedule, decision.occurrence))
                else:
                    reason = decision.occurrence.reason or "skipped"
                    if decision.verdict in ("missed", "superseded"):
                        reason = "late" if decision.verdict == "missed" else "superseded"
                    unsent.append((schedule, decision, reason))
        if unsent:
            outcome.rows += await self._record_unsent(unit, unsent)
        for schedule, occ, round_id in await self._pending(db, schedules):
            try:  # a round a restart interrupted between its chunks
                result = await self._run(unit, schedule, occ, calendar, resume=round_id)
            except Exception:
                log.exception("resuming round %s of schedule %s failed", round_id, schedule.id)
                continue
            outcome.rows += result.rows
        for schedule, occ in due:
            try:
                result = await self._run(unit, schedule, occ, calendar)
            except Exception:
                # Nothing of this round was committed; the next tick tries again (and records
                # it as missed once the grace window has passed). Other schedules go on.
                log.exception("round %s of schedule %s failed", occ.period_key, schedule.id)
                continue
            outcome.rows += result.rows
        return outcome

    async def create_round(
        self, unit: UnitOfWork, schedule_id: int, *, period: str | None = None
    ) -> RoundOutcome:
        """Run a schedule's round right now (for the benchmarks and for tests): the period is
        `period`, or the current one. Returns the round id and its counts."""
        schedule = await store.get_schedule(unit.reads, schedule_id)
        if schedule is None:
            raise ValueError(f"no schedule {schedule_id}")
        now = unit.now
        today = now.astimezone(schedule.tz).date()
        occ = Occurrence(period or period_key(schedule, today), today, now, now)
        calendar = await SchoolCalendar.load(unit.reads)
        return await self._run(unit, schedule, occ, calendar)

    async def _pending(
        self, db: Reads, schedules: list[Schedule]
    ) -> list[tuple[Schedule, Occurrence, int]]:
        """Rounds left half-written by a restart, with their occurrence as first recorded."""
        by_id = {s.id: s for s in schedules}
        out = []
        for r in await db.fetchall(
            "SELECT id, schedule_id, period_key, due_at, note FROM rounds WHERE pending = 1"
        ):
            schedule = by_id.get(r["schedule_id"])
            if schedule is None:
                continue
            due_at = from_db(r["due_at"])
            note = json.loads(r["note"] or "{}")
            occ = Occurrence(
                r["period_key"],
                due_at.astimezone(schedule.tz).date(),
                due_at,
                due_at,
                blocked_kind=note.get("blocked"),
                blocked_name=note.get("name"),
            )
            out.append((schedule, occ, r["id"]))
        return out

    async def _run(
        self,
        unit: UnitOfWork,
        schedule: Schedule,
        occ: Occurrence,
        calendar: SchoolCalendar,
        *,
        resume: int | None = None,
    ) -> RoundOutcome:
        """Record the round and write it chunk by chunk (module docstring); `resume` goes on
        with a pending round. Returns the rows not yet handed to `deliver`."""
        handler, now = self.handlers[schedule.kind], unit.now

        async def chunk(tx: Tx, *, round_id: int | None) -> tuple[RoundOutcome, bool]:
            if round_id is None:
                round_id = await _insert_round(tx, now, schedule, occ, "sent", None)
                if round_id is None:
                    # recorded already (another tick or before a restart)
                    return RoundOutcome(), False
            context = RoundContext(now, schedule, occ, round_id, calendar, limit=self.chunk)
            result = await handler(tx, context)
            late = max(0, int((now - occ.due_at).total_seconds() // 60))
            note = {"flow": result.flow_id, "counts": result.counts, "late_minutes": late}
            if occ.blocked_name:
                note.update(reason="shifted", name=occ.blocked_name, blocked=occ.blocked_kind)
            await tx.execute(
                "UPDATE rounds SET note = ?, pending = ? WHERE id = ?",
                (json.dumps(note, ensure_ascii=False), int(result.more), round_id),
            )
            done = RoundOutcome(rows=result.rows, round_id=round_id, counts=result.counts)
            return done, result.more

        rows: list[OutboxRow] = []
        round_id = resume
        try:
            while True:
                part, more = await unit.run(partial(chunk, round_id=round_id))
                if part.round_id is None:
                    return part
                round_id = part.round_id
                # each chunk's messages go to the sender as it commits (Database.on_commit):
                # sending starts while the rest is written
                rows += part.rows
                if not more:
                    break
            outcome = RoundOutcome(rows=rows, round_id=round_id, counts=part.counts)
        except RoundError as exc:
            log.error(
                "round %s of schedule %s cannot run: %s", occ.period_key, schedule.id, exc.reason
            )
            if round_id is not None:  # chunks went out before the flow went missing: stop here
                await unit.run(
                    lambda tx: tx.execute("UPDATE rounds SET pending = 0 WHERE id = ?", (round_id,))
                )
                return RoundOutcome(rows=rows, round_id=round_id)
            rows = await self._record_unsent(
                unit, [(schedule, Decision(occ, "missed"), exc.reason)]
            )
            return RoundOutcome(rows=rows)
        if outcome.round_id is not None:
            log.info(
                "round %s of schedule %s (group %s, %s): %s",
                occ.period_key,
                schedule.id,
                schedule.group_id,
                schedule.flow_id,
                outcome.counts,
            )
        return outcome

    # -- check-in rounds --------------------------------------------------------------------

    async def checkin_round(self, tx: Tx, ctx: RoundContext) -> RoundResult:
        """One check-in session and one outbox row per reachable student of the group, written
        with a handful of batched statements."""
        schedule, now = ctx.schedule, ctx.now
        flow = self.svc.flows.current(schedule.flow_id)
        if flow is None or flow.kind != "checkin":
            raise RoundError("flow-missing")
        key = ctx.occurrence.period_key
        tz = self.svc.settings.tz
        students = await tx.fetchall(
            "SELECT s.person_id, s.status, s.paused_until, s.quiet_start, s.quiet_end,"
            " s.study_started_on, p.tg_user_id, p.display_name, p.language, p.unreachable_at"
            " FROM students s JOIN persons p ON p.id = s.person_id"
            " WHERE s.group_id = ? AND s.status IN ('active', 'invited') ORDER BY s.person_id",
            (schedule.group_id,),
        )
        counts = dict.fromkeys(
            ("queued", "already", "in_progress", "paused", "unreachable", "inactive"), 0
        )
        if schedule.audience == "risk_points":
            # Only the students at a risk point today; the others are counted, not asked.
            day = ctx.occurrence.due_at.astimezone(schedule.tz).date()  # the day it goes out
            rules = self.svc.settings.risk_points
            at_point = [
                st
                for st in students
                if risk_point(
                    day, schedule.group_id, _day(st["study_started_on"]), ctx.calendar, rules
                )
            ]
            counts["not_at_risk_point"] = len(students) - len(at_point)
            students = at_point
        had = {
            r[0]
            for r in await tx.fetchall(
                "SELECT person_id FROM sessions WHERE flow_id = ? AND period_key = ?"
                " AND person_id IN (SELECT person_id FROM students WHERE group_id = ?)",
                (flow.id, key, schedule.group_id),
            )
        }
        # Written by this round's earlier chunks: counted as queued, not written again.
        mine = {
            r[0]
            for r in await tx.fetchall(
                "SELECT person_id FROM outbox WHERE round_id = ? AND person_id IS NOT NULL",
                (ctx.round_id,),
            )
        }
        open_now = {
            r[0]
            for r in await tx.fetchall(
                "SELECT person_id FROM sessions WHERE flow_id = ? AND status = 'open'"
                " AND person_id IN (SELECT person_id FROM students WHERE group_id = ?)",
                (flow.id, schedule.group_id),
            )
        }
        recipients: list[Any] = []
        more = False
        for st in students:
            if st["person_id"] in mine:
                outcome = "queued"
            elif st["status"] != "active" or st["tg_user_id"] is None:
                outcome = "inactive"
            elif st["person_id"] in had:
                outcome = "already"
            elif st["person_id"] in open_now:
                outcome = "in_progress"  # mid-way through this flow: no second one on top
            elif paused_on(st["paused_until"], now, tz):
                outcome = "paused"
            elif st["unreachable_at"] is not None:
                outcome = "unreachable"
            else:
                outcome = "queued"
                if ctx.limit is None or len(recipients) < ctx.limit:
                    recipients.append(st)
                else:
                    more = True  # counted now, written by the next chunk
            counts[outcome] += 1
        if not recipients:
            return RoundResult(counts, [], flow.id)

        stamp = to_db(now)
        await tx.executemany(
            "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, chat_id,"
            " started_at, updated_at) VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    st["person_id"],
                    flow.id,
                    flow.version,
                    key,
                    flow.first,
                    st["tg_user_id"],
                    stamp,
                    stamp,
                )
                for st in recipients
            ],
        )
        # This chunk's sessions only: a round's earlier chunks share its period and stamp.
        session_of = {
            r["person_id"]: r["id"]
            for r in await tx.fetchall(
                "SELECT id, person_id FROM sessions WHERE flow_id = ? AND period_key = ?"
                " AND started_at = ? AND person_id IN (SELECT value FROM json_each(?))",
                (flow.id, key, stamp, json.dumps([st["person_id"] for st in recipients])),
            )
        }
        templates: dict[str, tuple[str, list[list[Button]]]] = {}
        callbacks_rows = []
        outbox_rows = []
        due_now: set[int] = set()
        expires = to_db(now + DEFAULT_TTL)
        for st in recipients:
            session_id = session_of[st["person_id"]]
            lang = self.svc.tr.language(st["language"])
            if lang not in templates:
                templates[lang] = self._template(flow, lang)
            text, buttons = templates[lang]
            token = secrets.token_urlsafe(12)
            answer = Answer(session_id, flow.first)
            callbacks_rows.append(
                (
                    token,
                    st["tg_user_id"],
                    answer.action,
                    json.dumps(answer.as_json()),
                    stamp,
                    expires,
                )
            )
            name = html.escape(first_name(st["display_name"]), quote=False)
            message = OutMessage(
                st["tg_user_id"],
                text.replace(_NAME, name),
                buttons=[
                    [
                        Button(b.text, (b.data or "").replace(_TOKEN, token) or None, b.url)
                        for b in row
                    ]
                    for row in buttons
                ],
                track={"session": session_id, "token": token},
            )
            not_before = next_outside_quiet(now, tz, st["quiet_start"], st["quiet_end"])
            if not_before <= now:
                due_now.add(session_id)
            outbox_rows.append(
                (
                    f"s{session_id}:{flow.first}:q",  # the same key CheckinService.start uses
                    PRIORITY_BULK,
                    st["tg_user_id"],
                    st["person_id"],
                    message.to_json(),
                    ctx.round_id,
                    session_id,
                    to_db(not_before),
                    stamp,
                )
            )
        await tx.executemany(
            "INSERT INTO callbacks (token, tg_user_id, action, payload, created_at, expires_at)"
            " VALUES (?,?,?,?,?,?)",
            callbacks_rows,
        )
        await tx.executemany(
            "INSERT INTO outbox (idem_key, priority, chat_id, person_id, payload, round_id,"
            " session_id, not_before, created_at) VALUES (?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(idem_key) DO NOTHING",
            outbox_rows,
        )
        rows = [
            OutboxRow(
                r["id"],
                r["chat_id"],
                r["priority"],
                OutMessage.from_json(r["payload"]),
                r["person_id"],
                r["idem_key"],
            )
            for r in await tx.fetchall(
                "SELECT id, chat_id, priority, payload, person_id, idem_key FROM outbox"
                " WHERE round_id = ? AND session_id IN (SELECT value FROM json_each(?))"
                " ORDER BY id",
                (ctx.round_id, json.dumps(sorted(due_now))),
            )
        ]
        send_on_commit(tx, rows)
        return RoundResult(counts, rows, flow.id, more=more)

    def _template(self, flow: Flow, lang: str) -> tuple[str, list[list[Button]]]:
        tr, question = self.svc.tr, flow.questions[flow.first]
        text = render.question_text(tr, lang, flow, question, name=_NAME, intro=True)
        buttons = render.question_buttons(
            tr, lang, question, _TOKEN, selection=[], today=self.svc.today()
        )
        return text, buttons

    # -- skipped and missed rounds ----------------------------------------------------------

    async def _record_unsent(
        self, unit: UnitOfWork, items: list[tuple[Schedule, Decision, str]]
    ) -> list[OutboxRow]:
        """Record skipped and missed rounds in one transaction; missed ones are logged and the
        coordinators and group coaches are told in the same transaction — so exactly once."""
        now = unit.now

        async def work(tx: Tx) -> list[OutboxRow]:
            missed: list[tuple[Schedule, Occurrence, str, int]] = []
            for schedule, decision, reason in items:
                occ = decision.occurrence
                status = "skipped" if decision.verdict == "skip" else "missed"
                note: dict[str, object] = {
                    "flow": schedule.flow_id,
                    "reason": reason,
                    "name": occ.blocked_name,
                    "blocked": occ.blocked_kind,
                }
                if status == "missed":
                    late = max(0, int((now - occ.due_at).total_seconds() // 60))
                    note["late_minutes"] = late
                round_id = await _insert_round(tx, now, schedule, occ, status, note)
                if round_id is None:
                    continue
                if status == "skipped":
                    log.info(
                        "round %s of schedule %s skipped: %s %s",
                        occ.period_key,
                        schedule.id,
                        reason,
                        occ.blocked_name or "",
                    )
                    continue
                log.warning(
                    "round %s of schedule %s (group %s) was due %s and is NOT sent: %s (grace %s)",
                    occ.period_key,
                    schedule.id,
                    schedule.group_id,
                    to_db(occ.due_at),
                    reason,
                    self.grace,
                )
                missed.append((schedule, occ, reason, round_id))
            return await self._tell_missed(tx, now, missed)

        return await unit.run(work)

    async def _tell_missed(
        self, tx: Tx, now: datetime, missed: list[tuple[Schedule, Occurrence, str, int]]
    ) -> list[OutboxRow]:
        if not missed:
            return []
        groups = {s.group_id for s, _, _, _ in missed}
        marks = ",".join("?" * len(groups))
        names = {
            r["id"]: r["name"]
            for r in await tx.fetchall(
                f"SELECT id, name FROM groups WHERE id IN ({marks})", list(groups)
            )
        }
        people = await tx.fetchall(
            "SELECT p.id, p.tg_user_id, p.language, NULL AS group_id FROM persons p"
            " JOIN person_roles r ON r.person_id = p.id AND r.role = 'coordinator'"
            " WHERE p.tg_user_id IS NOT NULL"
            " UNION SELECT p.id, p.tg_user_id, p.language, gc.group_id FROM persons p"
            f" JOIN group_coaches gc ON gc.person_id = p.id AND gc.group_id IN ({marks})"
            " WHERE p.tg_user_id IS NOT NULL",
            list(groups),
        )
        audience: dict[int, tuple[int, str, set[int] | None]] = {}
        for p in people:
            chat, lang, seen = audience.get(p["id"], (p["tg_user_id"], p["language"], set()))
            if p["group_id"] is None or seen is None:
                seen = None  # a coordinator hears about every group
            else:
                seen.add(p["group_id"])
            audience[p["id"]] = (chat, lang, seen)
        first_id = min(round_id for _, _, _, round_id in missed)
        rows = []
        tr = self.svc.tr
        for person_id, (chat, lang, seen) in sorted(audience.items()):
            lines = [
                self._missed_line(lang, names.get(s.group_id, "?"), s, occ, reason)
                for s, occ, reason, _ in missed
                if seen is None or s.group_id in seen
            ]
            if not lines:
                continue
            text = "\n".join(
                [
                    tr.html(lang, "rounds-missed-intro"),
                    "",
                    *lines,
                    "",
                    tr.html(lang, "rounds-missed-outro"),
                ]
            )
            row = await enqueue(
                tx,
                f"rounds-missed:{first_id}:{person_id}",
                OutMessage(chat, text),
                now=now,
                priority=PRIORITY_NORMAL,
                person_id=person_id,
            )
            rows += written(row)
        return rows

    def _missed_line(
        self, lang: str, group: str, schedule: Schedule, occ: Occurrence, reason: str
    ) -> str:
        tr = self.svc.tr
        line = tr.html(
            lang,
            "rounds-missed-line",
            group=group,
            flow=self.flow_title(lang, schedule.flow_id),
            when=when_text(tr, lang, occ.due_at, schedule),
        )
        if reason == "superseded":
            line += " " + tr.html(lang, "rounds-missed-superseded")
        elif reason == "flow-missing":
            line += " " + tr.html(lang, "rounds-missed-flow-missing")
        else:
            hours = max(1, round(self.grace.total_seconds() / 3600))
            line += " " + tr.html(lang, "rounds-missed-late", hours=hours)
        return line

    def flow_title(self, lang: str, flow_id: str) -> str:
        flow = self.svc.flows.current(flow_id)
        return self.svc.tr.plain(lang, flow.title) if flow is not None else flow_id


async def _insert_round(
    tx: Tx,
    now: datetime,
    schedule: Schedule,
    occ: Occurrence,
    status: str,
    note: dict[str, object] | None,
) -> int | None:
    """The round's row; None when the period already has one (UNIQUE(schedule_id,
    period_key)): never a second round."""
    round_id = await tx.execute(
        "INSERT INTO rounds (schedule_id, period_key, due_at, created_at, status, note)"
        " VALUES (?,?,?,?,?,?) ON CONFLICT(schedule_id, period_key) DO NOTHING",
        (
            schedule.id,
            occ.period_key,
            to_db(occ.due_at),
            to_db(now),
            status,
            json.dumps(note, ensure_ascii=False) if note else None,
        ),
    )
    if not round_id or await tx.fetchval("SELECT changes()") == 0:
        return None
    return round_id


def when_text(tr: Translator, lang: str, moment: datetime, schedule: Schedule) -> str:
    """'ma 23.11. klo 9.00' in the schedule's time zone, in the reader's language."""
    local = moment.astimezone(schedule.tz)
    return tr.plain(
        lang,
        "schedule-when",
        weekday=tr.plain(lang, "schedule-weekday", f"d{local.isoweekday()}"),
        date=f"{local.day}.{local.month}.",
        time=clock_text(lang, local.hour, local.minute),
    )


def clock_text(lang: str, hour: int, minute: int) -> str:
    """Finnish and Finland-Swedish write 9.00; English 9:00."""
    return f"{hour}:{minute:02d}" if lang == "en" else f"{hour}.{minute:02d}"


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
