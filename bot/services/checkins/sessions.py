"""Check-in use cases: start, answer by button or by typing, remind, expire.

Each use case is one transaction: the answer, the session's new state and the messages it
causes (outbox rows) commit together before anything is sent.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.clock import from_db, to_db
from bot.engine.conditions import AnswerValue
from bot.engine.model import END, Flow, Question
from bot.engine.runner import AnswerError, Step, toggle, value_from_button, value_from_text
from bot.scheduling.calendar import SchoolCalendar, next_outside_quiet, paused_on
from bot.services import render
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutboxRow, OutMessage, enqueue, written
from bot.services.people import Person, person_by_id
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

ACTION_ANSWER = "answer"


@dataclass(frozen=True)
class Answer(Payload, action=ACTION_ANSWER):
    """A check-in question's buttons: the index is the option."""

    session: int
    question: str


log = logging.getLogger(__name__)
# Set in a session's context when a crisis came up during it (see crisis.py): the check-in ends
# with the flow's `on_crisis` closing instead of its usual one. CLOSING_AFTER_CRISIS is for a
# stored flow version from before `on_crisis` existed.
CONTEXT_CRISIS = "crisis"
# The update id of the typed answer last applied, so a repeated delivery is not applied twice.
CONTEXT_TYPED_UPDATE = "typed_update"
CLOSING_AFTER_CRISIS = "checkin-close-after-crisis"


def crisis_closing(flow: Flow) -> str:
    return flow.on_crisis.closing if flow.on_crisis is not None else CLOSING_AFTER_CRISIS


@dataclass
class SessionRow:
    id: int
    person_id: int
    flow_id: str
    flow_version: int
    state: str
    status: str
    chat_id: int | None
    message_id: int | None
    context: dict[str, Any]
    subject_id: int | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    started_at: str = ""

    @property
    def turn(self) -> int:
        """The flow's rotation turn: the ISO week the session started in (the same for every
        student of a round, so a week's aggregates compare like with like)."""
        return date.fromisoformat(self.started_at[:10]).isocalendar().week if self.started_at else 0

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> SessionRow:
        return cls(
            id=row["id"],
            person_id=row["person_id"],
            flow_id=row["flow_id"],
            flow_version=row["flow_version"],
            state=row["state"],
            status=row["status"],
            chat_id=row["chat_id"],
            message_id=row["message_id"],
            context=json.loads(row["context"]),
            subject_id=row["subject_id"],
            started_at=str(row["started_at"] or ""),
        )


async def _typed_already(tx: Tx, person_id: int, update_id: int) -> bool:
    """Was this typed message (or a later one) already applied to the person's latest
    check-in? Telegram's update ids only grow."""
    context = await tx.fetchval(
        "SELECT context FROM sessions WHERE person_id = ? ORDER BY updated_at DESC, id DESC"
        " LIMIT 1",
        (person_id,),
    )
    applied = json.loads(context or "{}").get(CONTEXT_TYPED_UPDATE)
    return isinstance(applied, int) and applied >= update_id


async def load_session(tx: Tx, session_id: int) -> SessionRow | None:
    row = await tx.fetchone("SELECT * FROM sessions WHERE id = ?", (session_id,))
    if row is None:
        return None
    session = SessionRow.from_row(row)
    for a in await tx.fetchall(
        "SELECT question_id, value, score FROM answers WHERE session_id = ?", (session_id,)
    ):
        session.answers[a["question_id"]] = AnswerValue(json.loads(a["value"]), a["score"])
    return session


async def session_status(db: Reads, session_id: int) -> str | None:
    """A session's status ("open", "completed", …); None if it is gone."""
    status = await db.fetchval("SELECT status FROM sessions WHERE id = ?", (session_id,))
    return None if status is None else str(status)


async def has_open_session(db: Reads, person_id: int, flow_id: str | None = None) -> bool:
    """Whether the person has an open session (of `flow_id`, if given): a check-in, a log…"""
    if flow_id is None:
        found = await db.fetchval(
            "SELECT 1 FROM sessions WHERE person_id = ? AND status = 'open'", (person_id,)
        )
    else:
        found = await db.fetchval(
            "SELECT 1 FROM sessions WHERE person_id = ? AND flow_id = ? AND status = 'open'",
            (person_id, flow_id),
        )
    return bool(found)


# Runs inside the transaction that completes a check-in (e.g. the risk rules). Rows it returns
# are delivered before the closing message, so the student hears what will be shared first.
FinishHook = Callable[[Tx, datetime, Person, Flow, "SessionRow"], Awaitable[list[OutboxRow]]]


class CheckinService:
    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self.finish_hooks: list[FinishHook] = []

    # -- starting ---------------------------------------------------------------------------

    async def start(
        self,
        unit: UnitOfWork,
        person: Person,
        chat_id: int,
        flow_id: str,
        *,
        period_key: str | None = None,
        priority: int = PRIORITY_NORMAL,
        round_id: int | None = None,
        subject_id: int | None = None,
        context: dict[str, Any] | None = None,
        first: str | None = None,
    ) -> Outcome:
        """Start (or, if one is open, resume) a dialog. With a period key, at most one
        session per person, flow and period ever exists. Staff dialogs (e.g. logging a
        contact) name the student they are about in `subject_id` and carry `context`, and
        may skip ahead to a later `first` question (its answers before it then default)."""
        flow = self.svc.flows.current(flow_id)
        if flow is None:
            raise ValueError(f"unknown flow {flow_id!r}")
        start = first if first in flow.questions else flow.first

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            open_id = await tx.fetchval(
                "SELECT id FROM sessions WHERE person_id = ? AND flow_id = ? AND status = 'open'",
                (person.id, flow_id),
            )
            if open_id is not None:
                session = await load_session(tx, int(open_id))
                assert session is not None
                return await self._resend_current(tx, now, person, session, chat_id)
            key = period_key or await self._adhoc_key(tx, person.id, flow_id, now)
            exists = await tx.fetchval(
                "SELECT id FROM sessions WHERE person_id = ? AND flow_id = ? AND period_key = ?",
                (person.id, flow_id, key),
            )
            if exists is not None:
                return Outcome()  # this period's check-in was already had: never a second
            session_id = await tx.execute(
                "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state,"
                " chat_id, started_at, updated_at, subject_id, context)"
                " VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    person.id,
                    flow.id,
                    flow.version,
                    key,
                    start,
                    chat_id,
                    to_db(now),
                    to_db(now),
                    subject_id,
                    json.dumps(context or {}),
                ),
            )
            row = await self._send_question(
                tx,
                now,
                person,
                flow,
                flow.questions[start],
                session_id,
                chat_id,
                intro=True,
                priority=priority,
                round_id=round_id,
                subject_id=subject_id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def _adhoc_key(self, tx: Tx, person_id: int, flow_id: str, now: datetime) -> str:
        base = "adhoc-" + now.astimezone(self.svc.settings.tz).strftime("%Y-%m-%dT%H:%M")
        taken = await tx.fetchval(
            "SELECT COUNT(*) FROM sessions WHERE person_id = ? AND flow_id = ?"
            " AND period_key LIKE ?",
            (person_id, flow_id, base + "%"),
        )
        return base if not taken else f"{base}-{taken + 1}"

    async def _send_question(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        flow: Flow,
        question: Question,
        session_id: int,
        chat_id: int,
        *,
        intro: bool = False,
        priority: int = PRIORITY_NORMAL,
        round_id: int | None = None,
        resend: int = 0,
        selection: list[str] | None = None,
        subject_id: int | None = None,
    ) -> OutboxRow | None:
        assert person.tg_user_id is not None
        tr, lang = self.svc.tr, person.language
        token = await callbacks.issue(
            tx,
            now,
            person.tg_user_id,
            Answer(session_id, question.id),
        )
        text = render.question_text(tr, lang, flow, question, name=person.first_name, intro=intro)
        subject = await person_by_id(tx, subject_id) if subject_id is not None else None
        if subject is not None and flow.kind == "staff":  # whom this staff dialog is about
            text = tr.html(lang, "flow-about", name=subject.display_name) + "\n\n" + text
        buttons = render.question_buttons(
            tr, lang, question, token, selection=selection or [], today=self.svc.today()
        )
        message = OutMessage(
            chat_id, text, buttons=buttons, track={"session": session_id, "token": token}
        )
        suffix = f":r{resend}" if resend else ""
        return await enqueue(
            tx,
            f"s{session_id}:{question.id}:q{suffix}",
            message,
            now=now,
            priority=priority,
            person_id=person.id,
            session_id=session_id,
            round_id=round_id,
        )

    async def _resend_current(
        self, tx: Tx, now: datetime, person: Person, session: SessionRow, chat_id: int
    ) -> Outcome:
        flow = await self.svc.flows.version(tx, session.flow_id, session.flow_version)
        if flow is None or session.state not in flow.questions:
            return await self._supersede(tx, now, person, session, chat_id)
        resend = int(session.context.get("resends", 0)) + 1
        session.context["resends"] = resend
        await tx.execute(
            "UPDATE sessions SET context = ?, updated_at = ? WHERE id = ?",
            (json.dumps(session.context), to_db(now), session.id),
        )
        rows: list[OutboxRow] = []
        note = await enqueue(
            tx,
            f"s{session.id}:continue:{resend}",
            OutMessage(chat_id, self.svc.tr.html(person.language, "checkin-continue")),
            now=now,
            person_id=person.id,
        )
        question = await self._send_question(
            tx,
            now,
            person,
            flow,
            flow.questions[session.state],
            session.id,
            chat_id,
            resend=resend,
            selection=session.context.get("selection"),
            subject_id=session.subject_id,
        )
        rows += [r for r in (note, question) if r]
        return Outcome(rows=rows)

    async def _supersede(
        self, tx: Tx, now: datetime, person: Person, session: SessionRow, chat_id: int
    ) -> Outcome:
        """The flow changed under an open session and its question is gone: end it kindly."""
        await tx.execute(
            "UPDATE sessions SET status = 'superseded', finished_at = ?, updated_at = ?"
            " WHERE id = ?",
            (to_db(now), to_db(now), session.id),
        )
        row = await enqueue(
            tx,
            f"s{session.id}:superseded",
            OutMessage(chat_id, self.svc.tr.html(person.language, "checkin-superseded")),
            now=now,
            person_id=person.id,
        )
        return Outcome.of(row)

    # -- answering --------------------------------------------------------------------------

    async def press(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        press = Answer.of(callback)
        session_id, question_id = press.session, press.question

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            session = await load_session(tx, session_id)
            if session is None or session.person_id != person.id:
                raise CallbackRefused("callback-not-yours", hostile=True)
            tr, lang = self.svc.tr, person.language
            if session.status != "open" or session.state != question_id:
                await self._refuse_forged(tx, session, question_id, index)
                answered = question_id in session.answers
                key = "checkin-already-answered" if answered else "checkin-closed"
                return Outcome(toast=tr.plain(lang, key))
            flow = await self.svc.flows.version(tx, session.flow_id, session.flow_version)
            if flow is None or session.state not in flow.questions:
                return await self._supersede(tx, now, person, session, chat_id)
            question = flow.questions[session.state]
            session.message_id = message_id
            if question.type == "multichoice" and index not in (
                render.INDEX_DONE,
                render.INDEX_SKIP,
            ):
                return await self._toggle(tx, now, person, question, session, index, callback.token)
            if question.type == "multichoice" and index == render.INDEX_DONE:
                value: Any = list(session.context.get("selection", []))
            else:
                try:
                    value = value_from_button(question, index, unit.today(self.svc.settings.tz))
                except AnswerError as exc:
                    raise CallbackRefused(exc.reason, hostile=True) from None
            return await self._apply(tx, now, person, flow, session, value)

        return await unit.run(work)

    async def _refuse_forged(
        self, tx: Tx, session: SessionRow, question_id: str, index: int
    ) -> None:
        """A press on a question already answered or closed changes nothing, but one with an
        index its buttons never had is forged: refused as hostile, so it is audited."""
        flow = await self.svc.flows.version(tx, session.flow_id, session.flow_version)
        question = flow.questions.get(question_id) if flow else None
        if question is None:
            return
        try:
            if question.type == "multichoice":
                if index not in (render.INDEX_DONE, render.INDEX_SKIP):
                    toggle(question, [], index)
            else:
                value_from_button(question, index, self.svc.today())
        except AnswerError:
            raise CallbackRefused("callback-invalid", hostile=True) from None

    async def _toggle(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        question: Question,
        session: SessionRow,
        index: int,
        token: str,
    ) -> Outcome:
        """A multichoice option pressed: the same message's buttons are redrawn, with the token
        they already carry (the pressed one)."""
        try:
            selection = toggle(question, session.context.get("selection", []), index)
        except AnswerError:
            raise CallbackRefused("callback-invalid", hostile=True) from None
        toggles = int(session.context.get("toggles", 0)) + 1
        session.context.update(selection=selection, toggles=toggles)
        await tx.execute(
            "UPDATE sessions SET context = ?, updated_at = ? WHERE id = ?",
            (json.dumps(session.context), to_db(now), session.id),
        )
        buttons = render.question_buttons(
            self.svc.tr,
            person.language,
            question,
            token,
            selection=selection,
            today=self.svc.today(),
        )
        assert session.chat_id is not None
        row = await enqueue(
            tx,
            f"s{session.id}:{question.id}:t{toggles}",
            OutMessage(
                session.chat_id, op="edit_markup", buttons=buttons, message_id=session.message_id
            ),
            now=now,
            person_id=person.id,
        )
        return Outcome.of(row)

    async def typed(
        self,
        unit: UnitOfWork,
        person: Person,
        chat_id: int,
        text: str,
        update_id: int | None = None,
    ) -> Outcome | None:
        """A typed message while a check-in waits for an answer; None when none is open.
        `update_id` makes it idempotent: the same message handled again after a crash (it was
        applied, but not yet marked done) is not taken as the answer to the next question."""

        async def work(tx: Tx) -> Outcome | None:
            now = unit.now
            if update_id is not None and await _typed_already(tx, person.id, update_id):
                return Outcome()
            open_id = await tx.fetchval(
                "SELECT id FROM sessions WHERE person_id = ? AND status = 'open'"
                " ORDER BY updated_at DESC, id DESC LIMIT 1",
                (person.id,),
            )
            if open_id is None:
                return None
            session = await load_session(tx, int(open_id))
            assert session is not None
            flow = await self.svc.flows.version(tx, session.flow_id, session.flow_version)
            if flow is None or session.state not in flow.questions:
                return await self._supersede(tx, now, person, session, chat_id)
            question = flow.questions[session.state]
            labels = render.typed_labels(self.svc.tr, question)
            try:
                value = value_from_text(question, text, labels, unit.today(self.svc.settings.tz))
            except AnswerError as exc:
                hint = self.svc.tr.html(person.language, exc.reason, **exc.args_for_message)
                row = await enqueue(
                    tx,
                    f"s{session.id}:{question.id}:hint:{now.timestamp()}:{len(text)}",
                    OutMessage(chat_id, hint),
                    now=now,
                    person_id=person.id,
                )
                return Outcome.of(row)
            if update_id is not None:
                session.context[CONTEXT_TYPED_UPDATE] = update_id
            return await self._apply(tx, now, person, flow, session, value)

        return await unit.run(work)

    async def _apply(
        self, tx: Tx, now: datetime, person: Person, flow: Flow, session: SessionRow, value: Any
    ) -> Outcome:
        question = flow.questions[session.state]
        step: Step = await self.svc.engine.step(
            flow, session.state, session.answers, value, session.turn
        )
        await tx.execute(
            "INSERT INTO answers (session_id, question_id, value, measure, score, answered_at)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(session_id, question_id) DO UPDATE SET"
            " value = excluded.value, score = excluded.score, answered_at = excluded.answered_at",
            (
                session.id,
                question.id,
                json.dumps(step.answer.value, ensure_ascii=False),
                question.measures,
                step.answer.score,
                to_db(now),
            ),
        )
        # A crisis came up during this check-in (crisis.CrisisService.protocol marks it): the
        # rest of it stops here, with a closing that fits — no cheerful "see you next week".
        after_crisis = bool(session.context.get(CONTEXT_CRISIS))
        finished = step.next_state == END or after_crisis
        if after_crisis:
            step = replace(step, next_state=END, closing=crisis_closing(flow))
        session.context.pop("selection", None)
        await tx.execute(
            "UPDATE sessions SET state = ?, status = ?, context = ?, updated_at = ?,"
            " finished_at = ? WHERE id = ?",
            (
                step.next_state,
                "completed" if finished else "open",
                json.dumps(session.context),
                to_db(now),
                to_db(now) if finished else None,
                session.id,
            ),
        )
        rows: list[OutboxRow] = []
        chat_id = session.chat_id
        assert chat_id is not None
        tr, lang = self.svc.tr, person.language
        if session.message_id is not None:
            shown = render.question_text(
                tr, lang, flow, question, name=person.first_name, intro=False
            ).split("\n\n")[0]
            answered = f"{shown}\n\n✅ <i>{render.answer_display(tr, lang, question, value)}</i>"
            edit = await enqueue(
                tx,
                f"s{session.id}:{question.id}:edit",
                OutMessage(chat_id, answered, op="edit", message_id=session.message_id),
                now=now,
                person_id=person.id,
            )
            rows += [edit] if edit else []
        if finished:
            session.answers[question.id] = step.answer
            rows += await self._finish(tx, now, person, flow, session, step.closing)
        else:
            nxt = await self._send_question(
                tx,
                now,
                person,
                flow,
                flow.questions[step.next_state],
                session.id,
                chat_id,
                subject_id=session.subject_id,
            )
            rows += [nxt] if nxt else []
        return Outcome(rows=rows, toast=tr.plain(lang, "checkin-answer-saved"))

    async def stop_for_crisis(self, tx: Tx, now: datetime, person: Person) -> list[OutboxRow]:
        """A crisis came up while a check-in waits for a button (the crisis protocol calls this
        after the crisis reply, in its transaction): the questions left are not asked — the
        waiting question loses its buttons — what was answered is kept and its rules run, and
        the check-in ends with the flow's `on_crisis` closing. No reminder follows."""
        open_id = await tx.fetchval(
            "SELECT id FROM sessions WHERE person_id = ? AND status = 'open'"
            " ORDER BY updated_at DESC, id DESC LIMIT 1",
            (person.id,),
        )
        session = await load_session(tx, int(open_id)) if open_id is not None else None
        if session is None or session.chat_id is None:
            return []
        flow = await self.svc.flows.version(tx, session.flow_id, session.flow_version)
        if flow is None or flow.kind != "checkin":
            return []
        session.context[CONTEXT_CRISIS] = True
        session.context.pop("selection", None)
        await tx.execute(
            "UPDATE sessions SET status = 'completed', context = ?, updated_at = ?,"
            " finished_at = ? WHERE id = ?",
            (json.dumps(session.context), to_db(now), to_db(now), session.id),
        )
        # A question still waiting in the outbox is not sent at all ...
        await tx.execute(
            "UPDATE outbox SET failed_at = ?, error = 'withdrawn' WHERE session_id = ?"
            " AND sent_at IS NULL AND failed_at IS NULL AND idem_key LIKE ?",
            (to_db(now), session.id, f"s{session.id}:%:q%"),
        )
        rows: list[OutboxRow] = []
        if session.message_id is not None:
            # ... and a sent one loses its buttons: they would only invite the student back.
            edit = await enqueue(
                tx,
                f"s{session.id}:{session.state}:stopped",
                OutMessage(session.chat_id, op="edit_markup", message_id=session.message_id),
                now=now,
                person_id=person.id,
            )
            rows += [edit] if edit else []
        return rows + await self._finish(tx, now, person, flow, session, crisis_closing(flow))

    async def _finish(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        flow: Flow,
        session: SessionRow,
        closing: str | None,
    ) -> list[OutboxRow]:
        assert session.chat_id is not None
        rows: list[OutboxRow] = []
        for hook in self.finish_hooks:  # e.g. escalation rules: what will be shared comes first
            rows += await hook(tx, now, person, flow, session)
        text = self.svc.tr.html(
            person.language, closing or "checkin-thanks", name=person.first_name
        )
        row = await enqueue(
            tx,
            f"s{session.id}:closing",
            OutMessage(session.chat_id, text),
            now=now,
            person_id=person.id,
        )
        return rows + written(row)

    # -- reminders and expiry ---------------------------------------------------------------

    async def remind_and_expire(self, unit: UnitOfWork) -> Outcome:
        """One gentle reminder after `checkin_reminder_hours`; expiry (a missed check-in)
        after `checkin_expiry_hours`. Staff dialogs never expire this way.

        The reminder is due only once the check-in itself has reached the student (its
        message is recorded as sent) and only when a message is welcome: outside the
        student's quiet hours, not while paused or unreachable, not during the group's school
        break. Until then it simply stays due, and a later tick sends it — so a check-in
        answered at 07:30 never gets an 08:00 "still waiting"."""
        settings = self.svc.settings
        tz = settings.tz

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            outcome = Outcome()
            expire_before = to_db(now - timedelta(hours=settings.checkin_expiry_hours))
            remind_before = to_db(now - timedelta(hours=settings.checkin_reminder_hours))
            expired = await tx.execute(
                "UPDATE sessions SET status = 'expired', finished_at = ?, updated_at = ?"
                " WHERE status = 'open' AND started_at < ?"
                " AND person_id IN (SELECT person_id FROM students)",
                (to_db(now), to_db(now), expire_before),
            )
            if expired:
                log.info("%s unanswered check-in(s) expired", expired)
            rows = await tx.fetchall(
                "SELECT s.id, s.chat_id, s.person_id, st.quiet_start, st.quiet_end,"
                " st.paused_until, st.group_id FROM sessions s"
                " JOIN students st ON st.person_id = s.person_id"
                " JOIN persons p ON p.id = s.person_id"
                " WHERE s.status = 'open' AND s.started_at < ? AND s.reminded_at IS NULL"
                " AND s.chat_id IS NOT NULL AND s.message_id IS NOT NULL"
                " AND p.unreachable_at IS NULL",
                (remind_before,),
            )
            calendar: SchoolCalendar | None = None
            for row in rows:
                if paused_on(row["paused_until"], now, tz):
                    continue
                if next_outside_quiet(now, tz, row["quiet_start"], row["quiet_end"]) > now:
                    continue
                calendar = calendar or await SchoolCalendar.load(tx)
                if calendar.break_on(now.astimezone(tz).date(), row["group_id"]) is not None:
                    continue
                person = await person_by_id(tx, row["person_id"])
                if person is None:
                    continue
                await tx.execute(
                    "UPDATE sessions SET reminded_at = ? WHERE id = ?", (to_db(now), row["id"])
                )
                sent = await enqueue(
                    tx,
                    f"s{row['id']}:reminder",
                    OutMessage(
                        row["chat_id"],
                        self.svc.tr.html(
                            person.language, "checkin-reminder", name=person.first_name
                        ),
                    ),
                    now=now,
                    person_id=person.id,
                    priority=PRIORITY_NORMAL,
                )
                outcome.rows += [sent] if sent else []
            return outcome

        return await unit.run(work)


def session_started(row: sqlite3.Row) -> datetime:
    return from_db(row["started_at"])
