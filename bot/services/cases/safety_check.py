"""When the cue detector is unsure whether a student's message is a crisis ("ask"), the bot
checks with the student instead of staying silent or sounding the alarm.

One short question with two buttons: "I'm not safe / I'm thinking of hurting myself" starts
the full crisis protocol; "I'm safe" is thanked, offered /jutellaan, and asked whether the coach
may be told (concern level, only with the student's yes). No answer by the deadline
(RISK_ASK_TIMEOUT_MINUTES) and the coach is told at concern level — the question says so, so
nothing happens behind the student's back.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.clock import to_db
from bot.risk.rules import Signal
from bot.services.cases.concerns import ConcernService, Raised
from bot.services.container import Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_CRISIS,
    PRIORITY_INTERACTIVE,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    send_after,
    written,
)
from bot.services.people import Person, Student, student
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

if TYPE_CHECKING:
    from bot.services.cases.crisis import CrisisService, Screened

ACTION_SAFETY = "safety"  # a press on the question or on the follow-up
STEP_ASK, STEP_SHARE = "ask", "share"


@dataclass(frozen=True)
class SafetyAnswer(Payload, action=ACTION_SAFETY):
    check: int
    step: str  # STEP_ASK (safe or not) or STEP_SHARE (may the coach see the sentences)


UNSAFE, SAFE = 0, 1  # button indexes of the question
SHARE_YES, SHARE_NO = 0, 1  # button indexes of the follow-up
RULE_ASK_SHARED = "safety-check-shared"
RULE_ASK_UNANSWERED = "safety-check-unanswered"
REASON_SHARED = "r-safety-shared"
REASON_UNANSWERED = "r-safety-unanswered"
# A student who answered "safe" is not asked again about every message for a while.
QUIET_AFTER_SAFE = timedelta(hours=12)


class SafetyChecks:
    def __init__(self, svc: Services, concerns: ConcernService, crisis: CrisisService) -> None:
        self.svc = svc
        self.concerns = concerns
        self.crisis = crisis

    @property
    def timeout(self) -> timedelta:
        return timedelta(minutes=self.concerns.policy.ask_timeout_minutes)

    # -- asking -------------------------------------------------------------------------------

    async def ask(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        chat_id: int,
        update_id: int,
        kind: str,
        sentences: tuple[str, ...],
    ) -> list[OutboxRow]:
        """The question, in `tx`; no rows when the student already has one open (or just
        answered that they are safe)."""
        assert person.tg_user_id is not None
        recent = await tx.fetchval(
            "SELECT 1 FROM safety_checks WHERE person_id = ? AND (answer IS NULL"
            " OR (answer = 'safe' AND answered_at >= ?)) LIMIT 1",
            (person.id, to_db(now - QUIET_AFTER_SAFE)),
        )
        if recent:
            return []
        check_id = await tx.execute(
            "INSERT INTO safety_checks (person_id, chat_id, kind, sentences, asked_at, due_at)"
            " VALUES (?,?,?,?,?,?)",
            (
                person.id,
                chat_id,
                kind,
                json.dumps(list(sentences), ensure_ascii=False),
                to_db(now),
                to_db(now + self.timeout),
            ),
        )
        tr, lang = self.svc.tr, person.language
        token = await callbacks.issue(
            tx,
            now,
            person.tg_user_id,
            SafetyAnswer(check_id, STEP_ASK),
            ttl=timedelta(days=7),
        )
        who = await student(tx, person.id)
        enrolled = who is not None and who.status == "active"
        text = tr.html(
            lang,
            "safety-ask-child" if kind == "child_protection" else "safety-ask",
            name=person.first_name,
        )
        # Asking must not delay help for someone who is in danger: the line open now, and 112.
        text += "\n\n" + tr.html(
            lang, "child-line-now" if kind == "child_protection" else "crisis-line-now"
        )
        if enrolled:
            text += "\n\n" + tr.html(
                lang,
                "safety-ask-deadline",
                who=self._who(who, lang),
                minutes=self.concerns.policy.ask_timeout_minutes,
            )
        buttons = [
            [
                Button(
                    tr.plain(lang, f"safety-button-unsafe-{kind}"),
                    callbacks.button_data(token, UNSAFE),
                )
            ],
            [Button(tr.plain(lang, "safety-button-safe"), callbacks.button_data(token, SAFE))],
        ]
        row = await enqueue(
            tx,
            f"safety:{chat_id}:{update_id}",
            OutMessage(chat_id, text, buttons=buttons),
            now=now,
            priority=PRIORITY_CRISIS,
            person_id=person.id,
        )
        return written(row)

    # -- the student's answers ----------------------------------------------------------------

    async def press(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Screened:
        from bot.services.cases.crisis import Screened

        press = SafetyAnswer.of(callback)
        if press.step not in (STEP_ASK, STEP_SHARE) or index not in (0, 1):
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> Screened:
            now = unit.now
            tr, lang = self.svc.tr, person.language
            check = await tx.fetchone(
                "SELECT * FROM safety_checks WHERE id = ? AND person_id = ?",
                (press.check, person.id),
            )
            if check is None:
                raise CallbackRefused("callback-invalid", hostile=True)
            used = await tx.fetchval(
                "SELECT used_at FROM callbacks WHERE token = ?", (callback.token,)
            )
            if used is not None:
                return Screened(toast=tr.plain(lang, "checkin-already-answered"))
            await tx.execute(
                "UPDATE callbacks SET used_at = ? WHERE token = ?", (to_db(now), callback.token)
            )
            sentences = tuple(json.loads(check["sentences"]))
            if press.step == STEP_ASK:
                return await self._answer(
                    tx, now, person, check, index, chat_id, message_id, sentences
                )
            return await self._share(tx, now, person, check, index, chat_id, message_id, sentences)

        return await unit.run(work)

    async def _answer(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        check: sqlite3.Row,
        index: int,
        chat_id: int,
        message_id: int,
        sentences: tuple[str, ...],
    ) -> Screened:
        from bot.services.cases.crisis import Screened

        row = check
        tr, lang = self.svc.tr, person.language
        already = row["answer"]
        if already == "timeout" and index == SAFE:
            # The coach was told already because the answer came late: say so honestly.
            edit = await self._edit(tx, now, chat_id, message_id, lang, "safety-answered-safe")
            reply = await self._reply(
                tx, now, person, chat_id, row["id"], "late", "safety-late-safe"
            )
            return Screened(reply_rows=[*edit, *reply])
        answer = "unsafe" if index == UNSAFE else "safe"
        await tx.execute(
            "UPDATE safety_checks SET answer = ?, answered_at = ? WHERE id = ?",
            (answer, to_db(now), row["id"]),
        )
        if index == UNSAFE:
            edit = await self._edit(
                tx, now, chat_id, message_id, lang, f"safety-answered-unsafe-{row['kind']}"
            )
            screened = await self.crisis.protocol(
                tx, now, person, chat_id, f"safety:{row['id']}:unsafe", sentences, kind=row["kind"]
            )
            screened.reply_rows = [*edit, *screened.reply_rows]
            return screened
        edit = await self._edit(tx, now, chat_id, message_id, lang, "safety-answered-safe")
        who = await student(tx, person.id)
        if who is None or who.status != "active" or person.tg_user_id is None:
            reply = await self._reply(
                tx, now, person, chat_id, row["id"], "safe", "safety-safe-anon"
            )
            return Screened(reply_rows=[*edit, *reply])
        token = await callbacks.issue(
            tx,
            now,
            person.tg_user_id,
            SafetyAnswer(row["id"], STEP_SHARE),
            ttl=timedelta(days=7),
        )
        buttons = [
            [
                Button(
                    tr.plain(lang, "safety-button-share", who=self._who(who, lang)),
                    callbacks.button_data(token, SHARE_YES),
                )
            ],
            [Button(tr.plain(lang, "safety-button-keep"), callbacks.button_data(token, SHARE_NO))],
        ]
        text = tr.html(lang, "safety-safe", who=self._who(who, lang))
        message = await enqueue(
            tx,
            f"safety:{row['id']}:safe",
            OutMessage(chat_id, text, buttons=buttons),
            now=now,
            priority=PRIORITY_INTERACTIVE,
            person_id=person.id,
        )
        return Screened(reply_rows=[*edit, *([message] if message else [])])

    async def _share(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        check: sqlite3.Row,
        index: int,
        chat_id: int,
        message_id: int,
        sentences: tuple[str, ...],
    ) -> Screened:
        from bot.services.cases.crisis import Screened

        row = check
        lang = person.language
        share = index == SHARE_YES
        await tx.execute(
            "UPDATE safety_checks SET shared = ? WHERE id = ?",
            ("yes" if share else "no", row["id"]),
        )
        who = await student(tx, person.id)
        if not share or who is None or who.status != "active":
            edit = await self._edit(tx, now, chat_id, message_id, lang, "safety-kept")
            return Screened(reply_rows=edit)
        raised = await self._tell_coach(tx, now, who, RULE_ASK_SHARED, REASON_SHARED, sentences)
        if raised.informed:
            edit = await self._edit(
                tx, now, chat_id, message_id, lang, "safety-shared", who=self._who(who, lang)
            )
        else:
            edit = await self._edit(tx, now, chat_id, message_id, lang, "safety-shared-nobody")
        return Screened(
            reply_rows=edit, staff_rows=await send_after(tx, edit, raised.staff_rows, now=now)
        )

    # -- no answer in time ----------------------------------------------------------------------

    async def expire_due(self, unit: UnitOfWork) -> tuple[list[OutboxRow], list[OutboxRow]]:
        """Checks nobody answered in time: the coach is told at concern level. Returns the
        (student, staff) rows; the student was told in the question that this would happen."""

        async def work(tx: Tx) -> tuple[list[OutboxRow], list[OutboxRow]]:
            now = unit.now
            due = await tx.fetchall(
                "SELECT * FROM safety_checks WHERE answer IS NULL AND due_at <= ?"
                " ORDER BY due_at LIMIT 100",
                (to_db(now),),
            )
            staff: list[OutboxRow] = []
            for row in due:
                await tx.execute(
                    "UPDATE safety_checks SET answer = 'timeout', answered_at = ? WHERE id = ?",
                    (to_db(now), row["id"]),
                )
                who = await student(tx, row["person_id"])
                if who is None or who.status != "active":
                    continue
                sentences = tuple(json.loads(row["sentences"]))
                raised = await self._tell_coach(
                    tx, now, who, RULE_ASK_UNANSWERED, REASON_UNANSWERED, sentences
                )
                staff += raised.staff_rows
            return [], staff

        return await unit.run(work)

    # -- helpers ------------------------------------------------------------------------------

    async def _tell_coach(
        self,
        tx: Tx,
        now: datetime,
        who: Student,
        rule: str,
        reason: str,
        sentences: tuple[str, ...],
    ) -> Raised:
        signal = Signal(rule=rule, level="concern", reason=reason, sentences=sentences)
        return await self.concerns.raise_signals(tx, now, who, [signal], told_already=True)

    def _who(self, who: Student | None, lang: str) -> str:
        tr = self.svc.tr
        if who is not None and who.coach_name:
            return tr.plain(lang, "risk-who-coach", name=who.coach_name.split()[0])
        return tr.plain(lang, "risk-who-school")

    async def _edit(
        self,
        tx: Tx,
        now: datetime,
        chat_id: int,
        message_id: int,
        lang: str,
        message: str,
        **args: str,
    ) -> list[OutboxRow]:
        """The pressed message keeps its text's place but loses its buttons: what was chosen."""
        row = await enqueue(
            tx,
            f"safety-edit:{chat_id}:{message_id}:{message}",
            OutMessage(
                chat_id, self.svc.tr.html(lang, message, **args), op="edit", message_id=message_id
            ),
            now=now,
            priority=PRIORITY_CRISIS,
        )
        return written(row)

    async def _reply(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        chat_id: int,
        check_id: int,
        step: str,
        message: str,
    ) -> list[OutboxRow]:
        row = await enqueue(
            tx,
            f"safety:{check_id}:{step}",
            OutMessage(chat_id, self.svc.tr.html(person.language, message)),
            now=now,
            priority=PRIORITY_INTERACTIVE,
            person_id=person.id,
        )
        return written(row)
