"""Logging a contact on a case with the `yhteydenotto` dialog, and the case actions around it:
close with a reason, move the follow-up date.

The dialog is an ordinary flow run by the check-in engine for the coach; its session names the
student (`subject_id`) and the case (`context.concern`). When the last answer commits, the
finish hook turns the answers into a contact, a follow-up or a closure — in that same
transaction, so a logged contact is never half-recorded.

A coach may log a contact with one of their students who has no open case (/kirjaa): the case
is opened then, by the coach (`source = 'coach'`), already acknowledged and never alerted.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.clock import to_db
from bot.engine.loader import FlowProblem, LineMap, parse_yaml
from bot.engine.model import Flow, Question
from bot.engine.runner import SKIP
from bot.services.audit import audit
from bot.services.cases.concerns import (
    INDEX_CANCEL,
    ConcernService,
    event,
    load_concern,
    open_concern,
)
from bot.services.cases.contact import close_concern, record_contact
from bot.services.cases.lifecycle import (
    FOLLOWUP_AGREED,
    FOLLOWUP_HELD_NOT_REACHED,
    FOLLOWUP_HELD_REACHED,
    move,
)
from bot.services.cases.text import ConcernView, short_date
from bot.services.checkins.sessions import CheckinService, SessionRow
from bot.services.container import Outcome
from bot.services.enrolment.access import can_see
from bot.services.flows import FlowRegistry
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_INTERACTIVE,
    OutboxRow,
    OutMessage,
    choice_rows,
    enqueue,
)
from bot.services.people import Person, person_by_id
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

FLOW_ID = "yhteydenotto"
ACTION_SWITCH = "contact-switch"  # 0 continue the unfinished log, 1 drop it and start anew
ACTION_POSTPONE = "case-postpone"  # index into POSTPONE_DAYS, -1 cancel
ACTION_CLOSE = "case-close"  # index into the flow's closure reasons, -1 cancel


@dataclass(frozen=True)
class SwitchLog(Payload, action=ACTION_SWITCH):
    session: int  # the unfinished log
    student: int  # whom the new one is about
    concern: int | None


@dataclass(frozen=True)
class CaseChoice(Payload):
    concern: int


@dataclass(frozen=True)
class Postpone(CaseChoice, action=ACTION_POSTPONE):
    pass


@dataclass(frozen=True)
class Close(CaseChoice, action=ACTION_CLOSE):
    reasons: list[str]  # the flow's closure reasons when asked, by index


POSTPONE_DAYS = (1, 3, 7, 14)
CHOICE_TTL = timedelta(days=2)


# -- what this module needs of flows/yhteydenotto.yaml ------------------------------------------
# A school may edit the flow (README: "The contact log"); these questions and option values are
# what the code below reads, so `kohtaamo flows check` and the start-up check them
# (`contract_problems`) instead of a KeyError in front of a coach.


@dataclass(frozen=True)
class Needed:
    """A question of the contact-log flow that the code reads, as the flow must define it."""

    id: str
    type: str
    purpose: str  # what the contact log needs it for, as said in a problem
    options: Mapping[str, str] = field(default_factory=dict)  # value branched on → what for
    required: bool = True  # False: the log does without it (its answer is read with .get)
    answered: bool = False  # read whenever asked, without a default: it may not be skippable


NOT_REACHED = "ei_tavoitettu"  # "how": tried, did not reach; "yritys" then says how
NEXT_FOLLOWUP = "seuranta"
NEXT_CLOSE = "sulje"

WHEN = Needed("milloin", "date", "the day of the contact (today if not asked)", required=False)
HOW = Needed(
    "miten",
    "choice",
    "how the contact was made (a log of today's contact starts at it)",
    options={NOT_REACHED: "a try that did not reach the student"},
    answered=True,
)
TRIED = Needed(
    "yritys", "choice", "how a try that did not reach the student was made", answered=True
)
WHO = Needed("keta", "multichoice", "who took part", required=False)
NOTE = Needed("muistiinpano", "text", "the contact's note", required=False)
NEXT = Needed(
    "seuraavaksi",
    "choice",
    "the next step after the contact",
    options={NEXT_FOLLOWUP: "setting a follow-up date", NEXT_CLOSE: "closing the case"},
)
FOLLOWUP_DAY = Needed("seuranta_pvm", "date", "the follow-up date", answered=True)
FOLLOWUP_WHAT = Needed("seuranta_mita", "text", "what the follow-up is for", required=False)
CLOSE_REASON = Needed(
    "sulkemissyy",
    "choice",
    "the reasons a case is closed with (its options are the school's list)",
    answered=True,
)
CONTRACT = (WHEN, HOW, TRIED, WHO, NOTE, NEXT, FOLLOWUP_DAY, FOLLOWUP_WHAT, CLOSE_REASON)
TODAY_FIRST = HOW.id  # the question after the day: where a log of today's contact starts


def contract_problems(flow: Flow) -> list[FlowProblem]:
    """Every way `flow` falls short of `CONTRACT`, one sentence each, on the line to fix."""
    top = parse_yaml(flow.source) if flow.source else None
    top = top if isinstance(top, LineMap) else LineMap()
    questions = top.get("questions")
    questions = questions if isinstance(questions, LineMap) else LineMap()
    problems = []
    for needed in CONTRACT:
        spec = questions.get(needed.id)
        line = questions.lines.get(needed.id, top.line_of("questions"))
        for key, message in _shortfalls(flow, needed):
            at = spec.lines.get(key, line) if isinstance(spec, LineMap) else line
            problems.append(FlowProblem(flow.path, at, message))
    return problems


def _shortfalls(flow: Flow, needed: Needed) -> list[tuple[str, str]]:
    """(the key of the question to fix, the sentence) for each way it falls short."""
    question = flow.questions.get(needed.id)
    if question is None:
        if not needed.required:
            return []
        return [
            (
                "",
                f"the flow has no question '{needed.id}': the contact log needs it as a"
                f" {needed.type} question for {needed.purpose}",
            )
        ]
    if question.type != needed.type:
        return [
            (
                "type",
                f"question '{needed.id}' is a {question.type} question, but the contact log"
                f" needs a {needed.type} question for {needed.purpose}",
            )
        ]
    found = [
        (
            "options",
            f"question '{needed.id}' has no option '{value}', which the contact log needs for"
            f" {meaning}",
        )
        for value, meaning in needed.options.items()
        if value not in question.options
    ]
    if needed.answered and question.skippable:
        found.append(
            (
                "skippable",
                f"question '{needed.id}' needs 'skippable: false': the contact log needs its"
                f" answer for {needed.purpose}",
            )
        )
    return found


def flows_problems(flows: FlowRegistry, directory: Path) -> list[FlowProblem]:
    """What the contact log needs of the flows in force: its flow, fitting `CONTRACT`."""
    flow = flows.current(FLOW_ID)
    if flow is None:
        return [
            FlowProblem(
                str(directory / f"{FLOW_ID}.yaml"),
                0,
                f"there is no valid flow '{FLOW_ID}': the contact log (Kirjaa yhteydenotto,"
                " /kirjaa, closing a case) runs it",
            )
        ]
    return contract_problems(flow)


@dataclass(frozen=True)
class Target:
    """What a new log is about: a student, and their open case if they have one."""

    student_id: int
    concern_id: int | None


class ContactLog:
    def __init__(self, concerns: ConcernService, checkins: CheckinService) -> None:
        self.concerns = concerns
        self.checkins = checkins
        self.svc = concerns.svc

    # -- starting the dialog ------------------------------------------------------------------

    async def start_for_concern(
        self, unit: UnitOfWork, person: Person, concern_id: int, chat_id: int
    ) -> Outcome:
        async def check(tx: Tx) -> Target:
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            return Target(concern.student_id, concern.id)

        # From an alert or a case card the contact is today's: start at "how", one tap fewer.
        target = await unit.run(check)
        return await self._start(unit, person, target, chat_id, first=TODAY_FIRST)

    async def start_for_student(
        self, unit: UnitOfWork, person: Person, student_id: int, chat_id: int
    ) -> Outcome:
        """/kirjaa: the student's open case, or a new one opened when the log is saved."""

        async def check(tx: Tx) -> Target:
            if not (person.has("coordinator") or await can_see(tx, person.id, student_id)):
                raise CallbackRefused("coach-not-your-student", hostile=True)
            concern = await open_concern(tx, student_id)
            if concern is not None:
                await self.concerns.check_allowed(tx, person, concern)
            # Opening a student's log shows their name and case: a staff read, like a card.
            await audit(
                tx,
                unit.now,
                "contact_log_opened",
                actor_id=person.id,
                subject_id=student_id,
                concern=concern.id if concern else None,
            )
            return Target(student_id, concern.id if concern else None)

        return await self._start(unit, person, await unit.run(check), chat_id)

    async def _start(
        self,
        unit: UnitOfWork,
        person: Person,
        target: Target,
        chat_id: int,
        first: str | None = None,
    ) -> Outcome:
        unfinished = await self._unfinished(person)
        if unfinished is not None and unfinished.subject_id != target.student_id:
            return await self._offer_switch(unit, person, unfinished, target, chat_id)
        return await self.checkins.start(
            unit,
            person,
            chat_id,
            FLOW_ID,
            priority=PRIORITY_INTERACTIVE,
            subject_id=target.student_id,
            context={"concern": target.concern_id},
            first=first,
        )

    async def _unfinished(self, person: Person) -> SessionRow | None:
        row = await self.svc.db.fetchone(
            "SELECT * FROM sessions WHERE person_id = ? AND flow_id = ? AND status = 'open'",
            (person.id, FLOW_ID),
        )
        return None if row is None else SessionRow.from_row(row)

    async def _offer_switch(
        self, unit: UnitOfWork, person: Person, unfinished: SessionRow, target: Target, chat_id: int
    ) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            assert person.tg_user_id is not None
            old = await person_by_id(tx, unfinished.subject_id or 0)
            new = await person_by_id(tx, target.student_id)
            token = await callbacks.issue(
                tx,
                now,
                person.tg_user_id,
                SwitchLog(unfinished.id, target.student_id, target.concern_id),
                ttl=CHOICE_TTL,
            )
            tr, lang = self.svc.tr, person.language
            old_name = old.display_name if old else "—"
            new_name = new.display_name if new else "—"
            buttons = choice_rows(
                token,
                [
                    tr.plain(lang, "log-switch-continue", name=old_name),
                    tr.plain(lang, "log-switch-new", name=new_name),
                ],
            )
            text = tr.html(lang, "log-switch-ask", old=old_name, new=new_name)
            row = await enqueue(
                tx,
                f"log-switch:{token}",
                OutMessage(chat_id, text, buttons=buttons),
                now=now,
                person_id=person.id,
                subject_id=target.student_id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def switch(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        _message_id: int,
    ) -> Outcome:  # a ChoiceUseCase: the button handler passes every argument
        press = SwitchLog.of(callback)
        session_id, target = press.session, Target(press.student, press.concern)
        if index not in (0, 1):
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> SessionRow | None:
            now = unit.now
            if callback.used:
                return None
            await callbacks_used(tx, now, callback)
            row = await tx.fetchone(
                "SELECT * FROM sessions WHERE id = ? AND person_id = ? AND status = 'open'",
                (session_id, person.id),
            )
            if row is None:
                return None
            if index == 1:
                await tx.execute(
                    "UPDATE sessions SET status = 'cancelled', finished_at = ?, updated_at = ?"
                    " WHERE id = ?",
                    (to_db(now), to_db(now), session_id),
                )
            return SessionRow.from_row(row)

        old = await unit.run(work)
        if old is None:
            return Outcome(toast=self.svc.tr.plain(person.language, "checkin-already-answered"))
        if index == 0:
            return await self.checkins.start(
                unit, person, chat_id, FLOW_ID, subject_id=old.subject_id, context=old.context
            )
        # Authority again, now: the case may have moved since the question was asked.
        if target.concern_id is not None:
            return await self.start_for_concern(unit, person, int(target.concern_id), chat_id)
        return await self.start_for_student(unit, person, target.student_id, chat_id)

    # -- the end of the dialog ----------------------------------------------------------------

    async def on_finish(
        self, tx: Tx, now: datetime, person: Person, flow: Flow, session: SessionRow
    ) -> list[OutboxRow]:
        """The answers become the contact, then a follow-up, a closure or an open case."""
        if flow.id != FLOW_ID or session.subject_id is None:
            return []
        answers = answers_of(session)
        concern = await self._case_for(tx, now, person, session)
        day = answers.get(WHEN.id)
        contacted_on = date.fromisoformat(str(day)) if day else self.svc.today()
        reached = answers[HOW.id] != NOT_REACHED
        channel = answers[TRIED.id] if not reached else answers[HOW.id]
        contact_id = await record_contact(
            tx,
            now,
            concern.id,
            coach_id=person.id,
            channel=str(channel),
            contacted_on=contacted_on,
            participants=list(answers.get(WHO.id) or ([] if not reached else ["opiskelija"])),
            note=str(answers.get(NOTE.id) or ""),
            reached=reached,
        )
        await tx.execute(
            "UPDATE followups SET done_at = ? WHERE concern_id = ? AND done_at IS NULL",
            (to_db(now), concern.id),
        )
        # the follow-up was had; a new one is set below if agreed
        reached_once = await tx.fetchval(
            "SELECT first_contact_at IS NOT NULL FROM concerns WHERE id = ?", (concern.id,)
        )
        held = FOLLOWUP_HELD_REACHED if reached_once else FOLLOWUP_HELD_NOT_REACHED
        await move(tx, concern.id, held, now)
        if concern.coach_id is None:
            await tx.execute(
                "UPDATE concerns SET coach_id = ? WHERE id = ?", (person.id, concern.id)
            )
        await audit(
            tx,
            now,
            "contact_logged",
            actor_id=person.id,
            subject_id=concern.student_id,
            concern=concern.id,
            contact=contact_id,
        )
        next_step = answers.get(NEXT.id)
        if next_step == NEXT_FOLLOWUP:
            await self.set_followup(
                tx,
                now,
                person,
                concern.id,
                date.fromisoformat(str(answers[FOLLOWUP_DAY.id])),
                # what was agreed: the note (older flow versions asked it separately)
                str(answers.get(FOLLOWUP_WHAT.id) or answers.get(NOTE.id) or ""),
            )
        elif next_step == NEXT_CLOSE:
            await self._close(tx, now, person, concern.id, str(answers[CLOSE_REASON.id]))
        return []

    async def _case_for(
        self, tx: Tx, now: datetime, person: Person, session: SessionRow
    ) -> ConcernView:
        """The case the dialog was started on; if it was closed meanwhile (or there was none),
        the student's open case; else a new one, opened by the coach."""
        assert session.subject_id is not None
        wanted = session.context.get("concern")
        concern = await load_concern(tx, int(wanted)) if wanted else None
        if concern is None or concern.status == "closed":
            concern = await open_concern(tx, session.subject_id)
        if concern is not None and concern.level == "info":
            # A digest item a coach acted on is a case now: it is followed and closed as one,
            # not closed by the next digest.
            await tx.execute(
                "UPDATE concerns SET level = 'concern', updated_at = ? WHERE id = ?",
                (to_db(now), concern.id),
            )
            await event(tx, concern.id, now, "level_raised", level="concern", previous="info")
            concern.level = "concern"
        if concern is not None:
            return concern
        reason: dict[str, Any] = {
            "rule": "coach",
            "level": "concern",
            "reason": "risk-r-coach",
            "tell": None,
            "told": True,
            "flow": None,
            "session": None,
            "facts": [],
            "history": {},
            "sentences": [],
            "detail": {},
            "at": to_db(now),
        }
        concern_id = await tx.execute(
            "INSERT INTO concerns (student_id, coach_id, level, status, reasons, source,"
            " created_at, updated_at, acknowledged_at, acknowledged_by)"
            " VALUES (?,?,'concern','acknowledged',?,'coach',?,?,?,?)",
            (
                session.subject_id,
                person.id,
                json.dumps([reason]),
                to_db(now),
                to_db(now),
                to_db(now),
                person.id,
            ),
        )
        await event(tx, concern_id, now, "opened_by_coach", actor_id=person.id)
        created = await load_concern(tx, concern_id)
        assert created is not None
        return created

    # -- follow-up dates ----------------------------------------------------------------------

    async def set_followup(
        self, tx: Tx, now: datetime, person: Person, concern_id: int, due: date, what: str
    ) -> int:
        """One pending follow-up per case: a new date replaces the pending one."""
        pending = await tx.fetchval(
            "SELECT id FROM followups WHERE concern_id = ? AND done_at IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (concern_id,),
        )
        if pending is not None:
            await tx.execute(
                "UPDATE followups SET due_on = ?, what = CASE WHEN ? != '' THEN ? ELSE what END,"
                " reminded_at = NULL, escalated_at = NULL WHERE id = ?",
                (due.isoformat(), what, what, pending),
            )
            followup_id = int(pending)
        else:
            followup_id = await tx.execute(
                "INSERT INTO followups (concern_id, due_on, what, created_at, created_by)"
                " VALUES (?,?,?,?,?)",
                (concern_id, due.isoformat(), what, to_db(now), person.id),
            )
        await move(tx, concern_id, FOLLOWUP_AGREED, now)
        await event(
            tx,
            concern_id,
            now,
            "followup_set",
            actor_id=person.id,
            due=due.isoformat(),
            followup=followup_id,
        )
        return followup_id

    async def postpone_prompt(
        self, unit: UnitOfWork, person: Person, concern_id: int, chat_id: int
    ) -> Outcome:
        tr, lang, today = self.svc.tr, person.language, unit.today(self.svc.settings.tz)
        labels = [
            tr.plain(
                lang,
                "case-postpone-option",
                days=days,
                date=short_date(today + timedelta(days=days)),
            )
            for days in POSTPONE_DAYS
        ]
        return await self._ask(unit, person, Postpone(concern_id), chat_id, labels, "postpone")

    async def postpone(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        concern_id = Postpone.of(callback).concern

        async def apply(tx: Tx, now: datetime) -> str:
            due = unit.today(self.svc.settings.tz) + timedelta(days=POSTPONE_DAYS[index])
            await self.set_followup(tx, now, person, concern_id, due, "")
            return self.svc.tr.html(person.language, "case-postponed", date=short_date(due))

        return await self._choose(
            unit,
            person,
            callback,
            concern_id,
            index,
            chat_id,
            message_id,
            len(POSTPONE_DAYS),
            apply,
        )

    # -- closing ------------------------------------------------------------------------------

    def _close_reason_question(self) -> Question:
        flow = self.svc.flows.current(FLOW_ID)
        assert flow is not None  # checked at start-up: flows_problems
        return flow.questions[CLOSE_REASON.id]

    def closure_reasons(self) -> Sequence[str]:
        """The school's closure reasons: the options of the contact-log flow's closing question,
        so editing the flow changes both."""
        return self._close_reason_question().options

    def reason_label(self, lang: str, reason: str) -> str:
        question = self._close_reason_question()
        if reason in question.options:
            return self.svc.tr.plain(lang, question.text, reason)
        return reason

    async def close_prompt(
        self, unit: UnitOfWork, person: Person, concern_id: int, chat_id: int
    ) -> Outcome:
        reasons = list(self.closure_reasons())
        labels = [self.reason_label(person.language, r) for r in reasons]
        return await self._ask(unit, person, Close(concern_id, reasons), chat_id, labels, "close")

    async def close(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        press = Close.of(callback)
        concern_id, reasons = press.concern, press.reasons

        async def apply(tx: Tx, now: datetime) -> str:
            reason = str(reasons[index])
            await self._close(tx, now, person, concern_id, reason)
            label = self.reason_label(person.language, reason)
            return self.svc.tr.html(person.language, "case-closed", reason=label)

        return await self._choose(
            unit, person, callback, concern_id, index, chat_id, message_id, len(reasons), apply
        )

    # -- one-tap choices on a case ------------------------------------------------------------

    async def _ask(
        self,
        unit: UnitOfWork,
        person: Person,
        payload: CaseChoice,
        chat_id: int,
        labels: Sequence[str],
        what: str,
    ) -> Outcome:
        """A question about the case with one button per label and a cancel button."""
        concern_id = payload.concern

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            assert person.tg_user_id is not None
            token = await callbacks.issue(
                tx,
                now,
                person.tg_user_id,
                payload,
                ttl=CHOICE_TTL,
            )
            tr, lang = self.svc.tr, person.language
            buttons = choice_rows(token, labels, tr.plain(lang, "button-cancel"))
            row = await enqueue(
                tx,
                f"case-{what}:{token}",
                OutMessage(chat_id, tr.html(lang, f"case-{what}-ask"), buttons=buttons),
                now=now,
                person_id=person.id,
                subject_id=concern.student_id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def _choose(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        concern_id: int,
        index: int,
        chat_id: int,
        message_id: int,
        options: int,
        apply: Callable[[Tx, datetime], Awaitable[str]],
    ) -> Outcome:
        """The answer to `_ask`: once, by someone who may act on the case; the question's
        message is edited to say what was done."""
        if index != INDEX_CANCEL and not 0 <= index < options:
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            tr, lang = self.svc.tr, person.language
            if callback.used:
                return Outcome(toast=tr.plain(lang, "checkin-already-answered"))
            await callbacks_used(tx, now, callback)
            if index == INDEX_CANCEL:
                text = tr.html(lang, "case-action-cancelled")
            else:
                text = await apply(tx, now)
            row = await enqueue(
                tx,
                f"{callback.action}:{callback.token}:done",
                OutMessage(chat_id, text, op="edit", message_id=message_id),
                now=now,
                person_id=person.id,
                subject_id=concern.student_id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def _close(
        self, tx: Tx, now: datetime, person: Person, concern_id: int, reason: str
    ) -> None:
        await close_concern(tx, now, concern_id, reason=reason, closed_by=person.id)
        await tx.execute(
            "UPDATE followups SET done_at = ? WHERE concern_id = ? AND done_at IS NULL",
            (to_db(now), concern_id),
        )
        concern = await load_concern(tx, concern_id)
        assert concern is not None
        await audit(
            tx,
            now,
            "concern_closed",
            actor_id=person.id,
            subject_id=concern.student_id,
            concern=concern_id,
            reason=reason,
        )


async def callbacks_used(tx: Tx, now: datetime, callback: Callback) -> None:
    await tx.execute(
        "UPDATE callbacks SET used_at = ? WHERE token = ?", (to_db(now), callback.token)
    )


def answers_of(session: SessionRow) -> dict[str, Any]:
    return {q: a.value for q, a in session.answers.items() if a.value != SKIP}
