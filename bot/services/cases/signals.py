"""Where signals come from: a completed check-in (the flow's rules), a missed scheduled check-in
(silence), and the student's own request to talk (/jutellaan). Each becomes a concern through
ConcernService, in the same transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.clock import from_db, to_db
from bot.engine.conditions import AnswerValue
from bot.engine.model import Flow
from bot.risk import rules
from bot.risk.cues import CueDetector, default_detector
from bot.risk.rules import Signal
from bot.scheduling.calendar import SchoolCalendar
from bot.services.cases.concerns import INDEX_CANCEL, ConcernService, Raised
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_INTERACTIVE,
    OutboxRow,
    OutMessage,
    choice_rows,
    enqueue,
    send_after,
)
from bot.services.people import Person, Student, student
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

log = logging.getLogger(__name__)

ACTION_TALK = "talk"


@dataclass(frozen=True)
class TalkChoice(Payload, action=ACTION_TALK):
    """/jutellaan: the index is the channel (TALK_CHANNELS); the token is all it needs."""


TALK_CHANNELS = ("kasvokkain", "puhelu", "viesti")
# Expired check-ins older than this are not looked at again (the bot was down for weeks).
SILENCE_WINDOW = timedelta(days=14)


@dataclass
class Delivery:
    """Rows to deliver in order: the student's first, then the staff's."""

    student_rows: list[OutboxRow] = field(default_factory=list)
    staff_rows: list[OutboxRow] = field(default_factory=list)
    toast: str | None = None


class SignalService:
    def __init__(
        self,
        svc: Services,
        concerns: ConcernService,
        detector: Callable[[], CueDetector] = default_detector,
    ) -> None:
        self.svc = svc
        self.concerns = concerns
        self.detector = detector

    # -- a completed check-in -----------------------------------------------------------------

    async def on_completed(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        flow: Flow,
        session_id: int,
        answers: Mapping[str, AnswerValue],
    ) -> Raised:
        """Runs inside the transaction that completes the check-in."""
        if flow.kind != "checkin" or not flow.escalation or not person.is_student:
            return Raised()
        who = await student(tx, person.id)
        if who is None or who.status != "active":
            return Raised()
        signals, _ = await rules.signals_for_completed(
            tx, flow, session_id, person.id, answers, self.detector(), self.svc.settings.tz
        )
        return await self.concerns.raise_signals(tx, now, who, signals)

    # -- silence ------------------------------------------------------------------------------

    async def check_missed(self, unit: UnitOfWork) -> Outcome:
        """Each newly expired scheduled check-in is looked at once for the silence rules."""
        now = unit.now
        rows = await self.svc.db.fetchall(
            "SELECT id FROM sessions WHERE status = 'expired' AND updated_at >= ?"
            " AND subject_id IS NULL AND period_key NOT LIKE 'adhoc-%'"
            " AND json_extract(context, '$.risk_checked') IS NULL ORDER BY id LIMIT 500",
            (to_db(now - SILENCE_WINDOW),),
        )
        outcome = Outcome()
        for row in rows:
            outcome.extend(await self._check_one(unit, int(row["id"])))
        return outcome

    async def _check_one(self, unit: UnitOfWork, session_id: int) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            row = await tx.fetchone(
                "SELECT person_id, flow_id, flow_version, started_at FROM sessions WHERE id = ?"
                " AND json_extract(context, '$.risk_checked') IS NULL",
                (session_id,),
            )
            if row is None:
                return Outcome()
            who = await student(tx, row["person_id"])
            calendar = await SchoolCalendar.load(tx)
            tz, expiry = self.svc.settings.tz, self.svc.settings.checkin_expiry_hours
            excused = who is not None and rules.excused(
                from_db(row["started_at"]),
                calendar,
                tz,
                expiry_hours=expiry,
                group_id=who.group_id,
                paused_until=who.paused_until,
            )
            # The verdict is kept: a pause is cleared when it ends, the silence it excused isn't.
            await tx.execute(
                "UPDATE sessions SET context = json_set(context, '$.risk_checked', ?,"
                " '$.risk_excused', ?) WHERE id = ?",
                (to_db(now), int(excused), session_id),
            )
            flow = await self.svc.flows.version(tx, row["flow_id"], row["flow_version"])
            if who is None or who.status != "active" or flow is None or excused:
                return Outcome()
            missed = await rules.missed_checkins(
                tx,
                who.person.id,
                calendar,
                tz,
                expiry_hours=expiry,
                group_id=who.group_id,
                paused_until=who.paused_until,
            )
            signals = rules.signals_for_missed(flow, missed)
            raised = await self.concerns.raise_signals(tx, now, who, signals, tell=False)
            return Outcome(rows=raised.staff_rows)

        return await unit.run(work)

    # -- /jutellaan ---------------------------------------------------------------------------

    async def talk_prompt(self, unit: UnitOfWork, person: Person, chat_id: int) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            who = await student(tx, person.id)
            tr, lang = self.svc.tr, person.language
            if who is None or who.status != "active" or person.tg_user_id is None:
                row = await enqueue(
                    tx,
                    f"talk:{person.id}:{now.timestamp()}",
                    OutMessage(chat_id, tr.html(lang, "not-enrolled")),
                    now=now,
                )
                return Outcome.of(row)
            token = await callbacks.issue(tx, now, person.tg_user_id, TalkChoice())
            buttons = choice_rows(
                token,
                [tr.plain(lang, "risk-talk-channel", c) for c in TALK_CHANNELS],
                tr.plain(lang, "button-cancel"),
            )
            text = tr.html(lang, "risk-talk-ask", who=self.who_word(who, lang))
            row = await enqueue(
                tx,
                f"talk:{token}",
                OutMessage(chat_id, text, buttons=buttons),
                now=now,
                priority=PRIORITY_INTERACTIVE,
                person_id=person.id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def talk_choose(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Delivery:
        if index != INDEX_CANCEL and not 0 <= index < len(TALK_CHANNELS):
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> Delivery:
            now = unit.now
            tr, lang = self.svc.tr, person.language
            used = await tx.fetchval(
                "SELECT used_at FROM callbacks WHERE token = ?", (callback.token,)
            )
            if used is not None:
                return Delivery(toast=tr.plain(lang, "checkin-already-answered"))
            await tx.execute(
                "UPDATE callbacks SET used_at = ? WHERE token = ?", (to_db(now), callback.token)
            )
            who = await student(tx, person.id)
            if who is None or who.status != "active":
                raise CallbackRefused("callback-invalid", hostile=False)
            if index == INDEX_CANCEL:
                edit = await self._edit(tx, now, chat_id, message_id, callback.token, lang, None)
                return Delivery(student_rows=[edit] if edit else [])
            channel = TALK_CHANNELS[index]
            signal = Signal(
                rule="talk-request",
                level="concern",
                reason="risk-r-talk",
                detail={"channel": channel},
            )
            # The student's own words come first: what they chose and who will hear it.
            edit = await self._edit(tx, now, chat_id, message_id, callback.token, lang, channel)
            told = await enqueue(
                tx,
                f"talk:{callback.token}:told",
                OutMessage(
                    chat_id,
                    tr.html(
                        lang,
                        "risk-talk-told",
                        who=self.who_word(who, lang),
                        how=tr.plain(lang, "risk-talk-how", channel),
                    ),
                ),
                now=now,
                priority=PRIORITY_INTERACTIVE,
                person_id=person.id,
            )
            raised = await self.concerns.raise_signals(tx, now, who, [signal], told_already=True)
            rows = [r for r in (edit, told) if r]
            staff_rows = await send_after(tx, rows, raised.staff_rows, now=now)
            return Delivery(student_rows=rows, staff_rows=staff_rows)

        return await unit.run(work)

    async def _edit(
        self,
        tx: Tx,
        now: datetime,
        chat_id: int,
        message_id: int,
        token: str,
        lang: str,
        channel: str | None,
    ) -> OutboxRow | None:
        tr = self.svc.tr
        if channel is None:
            text = tr.html(lang, "risk-talk-cancelled")
        else:
            how = tr.plain(lang, "risk-talk-channel", channel)
            text = tr.html(lang, "risk-talk-done", how=how)
        return await enqueue(
            tx,
            f"talk:{token}:edit",
            OutMessage(chat_id, text, op="edit", message_id=message_id),
            now=now,
            priority=PRIORITY_INTERACTIVE,
        )

    def who_word(self, who: Student, lang: str) -> str:
        """ "your coach Matti" in the student's language, or "the staff at your school"."""
        tr = self.svc.tr
        if who.coach_name:
            return tr.plain(lang, "risk-who-coach", name=who.coach_name.split()[0])
        return tr.plain(lang, "risk-who-school")
