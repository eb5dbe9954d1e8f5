"""Handing a case over to another coach ("Siirrä"): choose the coach, add a short note, and the
case moves only when the receiving coach accepts. Until then it stays with the sender; the
deadlines keep running. The student is told who handles their matter now."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import to_db
from bot.scheduling.calendar import next_outside_quiet
from bot.services.admin import inputs as admin_inputs
from bot.services.audit import audit
from bot.services.cases.concerns import (
    BUTTON_HANDOVER,
    BUTTON_LOG,
    INDEX_CANCEL,
    ConcernService,
    event,
    load_concern,
    withdraw_queued,
)
from bot.services.cases.lifecycle import ACKNOWLEDGE, move
from bot.services.container import Outcome
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_INTERACTIVE,
    Button,
    OutboxRow,
    OutMessage,
    choice_rows,
    enqueue,
)
from bot.services.people import Person, person_by_id, student
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

ACTION_PICK = "handover-pick"  # index: candidate; -1 cancel
ACTION_SEND = "handover-send"  # 0 send without a note; -1 cancel
ACTION_ANSWER = "handover-answer"  # 0 accept; 1 decline


@dataclass(frozen=True)
class PickSuccessor(Payload, action=ACTION_PICK):
    concern: int
    to: list[int]  # the candidates, by index


@dataclass(frozen=True)
class SendHandover(Payload, action=ACTION_SEND):
    concern: int
    draft: int


@dataclass(frozen=True)
class AnswerHandover(Payload, action=ACTION_ANSWER):
    concern: int
    request: int


NOTE_LIMIT = 500
DRAFT_TTL = timedelta(minutes=15)
NOTE_INPUT = "handover-note"
MAX_CANDIDATES = 30
ANSWER_TTL = timedelta(days=30)


class HandoverService:
    def __init__(self, concerns: ConcernService) -> None:
        self.concerns = concerns
        self.svc = concerns.svc

    async def start(
        self, unit: UnitOfWork, person: Person, concern_id: int, chat_id: int
    ) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            who = await student(tx, concern.student_id)
            assert who is not None
            assert person.tg_user_id is not None
            tr, lang = self.svc.tr, person.language
            rows = await tx.fetchall(
                "SELECT p.id, p.display_name FROM persons p JOIN person_roles r"
                " ON r.person_id = p.id WHERE r.role = 'coach' AND p.id != ?"
                " AND p.tg_user_id IS NOT NULL AND p.unreachable_at IS NULL"
                " ORDER BY p.display_name LIMIT ?",
                (person.id, MAX_CANDIDATES),
            )
            if not rows:
                text, buttons = tr.html(lang, "risk-handover-nobody"), []
            else:
                token = await callbacks.issue(
                    tx,
                    now,
                    person.tg_user_id,
                    PickSuccessor(concern.id, [r["id"] for r in rows]),
                )
                buttons = choice_rows(
                    token,
                    [r["display_name"] for r in rows],
                    tr.plain(lang, "button-cancel"),
                )
                text = tr.html(lang, "risk-handover-pick", student=who.person.display_name)
            row = await enqueue(
                tx,
                f"c{concern.id}:handover-pick:{person.id}:{now.timestamp()}",
                OutMessage(chat_id, text, buttons=buttons),
                now=now,
                priority=PRIORITY_INTERACTIVE,
                person_id=person.id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def pick(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        press = PickSuccessor.of(callback)
        concern_id, candidates = press.concern, press.to
        if index != INDEX_CANCEL and not 0 <= index < len(candidates):
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            tr, lang = self.svc.tr, person.language
            assert person.tg_user_id is not None
            if index == INDEX_CANCEL:
                text, buttons = tr.html(lang, "risk-handover-cancelled"), []
            else:
                target = await person_by_id(tx, candidates[index])
                if target is None or not target.has("coach"):
                    raise CallbackRefused("risk-handover-stale", hostile=False)
                draft = await event(
                    tx, concern.id, now, "handover_draft", actor_id=person.id, to=target.id
                )
                # The coach's next typed message is the note (one pending input per user:
                # starting something else that waits for text replaces this).
                await admin_inputs.expect(
                    tx,
                    now,
                    person.tg_user_id,
                    NOTE_INPUT,
                    {"concern": concern.id, "draft": draft},
                    ttl=DRAFT_TTL,
                )
                token = await callbacks.issue(
                    tx,
                    now,
                    person.tg_user_id,
                    SendHandover(concern.id, draft),
                    ttl=DRAFT_TTL,
                )
                text = tr.html(lang, "risk-handover-note", name=target.display_name)
                buttons = [
                    [
                        Button(
                            tr.plain(lang, "risk-handover-send-plain"),
                            callbacks.button_data(token, 0),
                        )
                    ],
                    [
                        Button(
                            tr.plain(lang, "button-cancel"),
                            callbacks.button_data(token, INDEX_CANCEL),
                        )
                    ],
                ]
            row = await enqueue(
                tx,
                f"c{concern.id}:handover-picked:{callback.token}:{index}",
                OutMessage(chat_id, text, op="edit", message_id=message_id, buttons=buttons),
                now=now,
                priority=PRIORITY_INTERACTIVE,
                person_id=person.id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def note(
        self, unit: UnitOfWork, person: Person, chat_id: int, text: str
    ) -> Outcome | None:
        """A typed message from a coach who is writing a hand-over note; None otherwise."""
        now = unit.now
        if person.tg_user_id is None:
            return None
        waiting = await admin_inputs.pending(self.svc.db, now, person.tg_user_id)
        if waiting is None or waiting.kind != NOTE_INPUT:
            return None
        draft = {"id": int(waiting.payload["draft"]), "concern_id": int(waiting.payload["concern"])}
        note = text.strip()
        if len(note) > NOTE_LIMIT:

            async def too_long(tx: Tx) -> Outcome:
                message = self.svc.tr.html(
                    person.language,
                    "risk-handover-note-too-long",
                    length=len(note),
                    limit=NOTE_LIMIT,
                )
                row = await enqueue(
                    tx,
                    f"handover-long:{draft['id']}:{now.timestamp()}",
                    OutMessage(chat_id, message),
                    now=now,
                    person_id=person.id,
                )
                return Outcome.of(row)

            return await unit.run(too_long)
        return await self._send(
            unit, person, int(draft["concern_id"]), int(draft["id"]), note, chat_id
        )

    async def send_choice(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        press = SendHandover.of(callback)
        concern_id, draft = press.concern, press.draft
        if index == 0:
            return await self._send(unit, person, concern_id, draft, "", chat_id, message_id)
        if index != INDEX_CANCEL:
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            await event(tx, concern_id, now, "handover_cancelled", actor_id=person.id, draft=draft)
            if person.tg_user_id is not None:
                await admin_inputs.clear(tx, person.tg_user_id, NOTE_INPUT)
            text = self.svc.tr.html(person.language, "risk-handover-cancelled")
            row = await enqueue(
                tx,
                f"c{concern_id}:handover-cancel:{draft}",
                OutMessage(chat_id, text, op="edit", message_id=message_id),
                now=now,
                person_id=person.id,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def _send(
        self,
        unit: UnitOfWork,
        person: Person,
        concern_id: int,
        draft_id: int,
        note: str,
        chat_id: int,
        message_id: int | None = None,
    ) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            tr = self.svc.tr
            draft = await tx.fetchone(
                "SELECT detail FROM concern_events WHERE id = ? AND concern_id = ?"
                " AND kind = 'handover_draft' AND actor_id = ?",
                (draft_id, concern.id, person.id),
            )
            done = await tx.fetchval(
                "SELECT 1 FROM concern_events WHERE concern_id = ? AND kind IN"
                " ('handover_requested', 'handover_cancelled')"
                " AND json_extract(detail, '$.draft') = ?",
                (concern.id, draft_id),
            )
            assert person.tg_user_id is not None
            await admin_inputs.clear(tx, person.tg_user_id, NOTE_INPUT)
            if draft is None or done is not None:
                return Outcome(toast=tr.plain(person.language, "risk-handover-stale"))
            target = await person_by_id(tx, int(json.loads(draft["detail"])["to"]))
            who = await student(tx, concern.student_id)
            if target is None or target.tg_user_id is None or who is None:
                return Outcome(toast=tr.plain(person.language, "risk-handover-stale"))
            request = await event(
                tx,
                concern.id,
                now,
                "handover_requested",
                actor_id=person.id,
                draft=draft_id,
                to=target.id,
                note=note,
                case_coach=concern.coach_id,
            )
            await audit(
                tx,
                now,
                "handover_request",
                actor_id=target.id,
                subject_id=concern.student_id,
                concern=concern.id,
                requested_by=person.id,
            )
            token = await callbacks.issue(
                tx,
                now,
                target.tg_user_id,
                AnswerHandover(concern.id, request),
                ttl=ANSWER_TTL,
            )
            lang = target.language
            parts = [
                tr.html(lang, "risk-handover-request", **{"from": person.display_name}),
                await self.concerns.alert_text(tx, concern, who, lang, "handover"),
            ]
            if note:
                parts.append(tr.html(lang, "risk-handover-note-shown", note=note))
            buttons = [
                [
                    Button(tr.plain(lang, "risk-button-accept"), callbacks.button_data(token, 0)),
                    Button(tr.plain(lang, "risk-button-decline"), callbacks.button_data(token, 1)),
                ]
            ]
            rows: list[OutboxRow | None] = []
            rows.append(
                await enqueue(
                    tx,
                    f"c{concern.id}:handover-request:{request}",
                    OutMessage(target.tg_user_id, "\n\n".join(parts), buttons=buttons),
                    now=now,
                    priority=PRIORITY_INTERACTIVE,
                    person_id=target.id,
                )
            )
            sent_text = tr.html(person.language, "risk-handover-sent", name=target.display_name)
            confirm = OutMessage(chat_id, sent_text)
            if message_id is not None:
                confirm = OutMessage(chat_id, sent_text, op="edit", message_id=message_id)
            rows.append(
                await enqueue(
                    tx,
                    f"c{concern.id}:handover-sent:{request}",
                    confirm,
                    now=now,
                    priority=PRIORITY_INTERACTIVE,
                    person_id=person.id,
                )
            )
            return Outcome(rows=[r for r in rows if r])

        return await unit.run(work)

    async def answer(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        press = AnswerHandover.of(callback)
        concern_id, request_id = press.concern, press.request
        if index not in (0, 1):
            raise CallbackRefused("callback-invalid", hostile=True)

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            tr, lang = self.svc.tr, person.language
            concern = await load_concern(tx, concern_id)
            request = await tx.fetchone(
                "SELECT actor_id, detail FROM concern_events WHERE id = ? AND concern_id = ?"
                " AND kind = 'handover_requested'",
                (request_id, concern_id),
            )
            if concern is None or request is None:
                raise CallbackRefused("callback-invalid", hostile=True)
            if int(json.loads(request["detail"])["to"]) != person.id:  # never: token-bound
                raise CallbackRefused("risk-not-your-case", hostile=True)
            answered = await tx.fetchval(
                "SELECT 1 FROM concern_events WHERE concern_id = ? AND kind IN"
                " ('handover_accepted', 'handover_declined')"
                " AND json_extract(detail, '$.request') = ?",
                (concern_id, request_id),
            )
            requester = await person_by_id(tx, int(request["actor_id"]))
            detail = json.loads(request["detail"])
            # Stale if the case changed hands since the request was made.
            moved = concern.coach_id != detail.get("case_coach")
            if answered or concern.status == "closed" or requester is None or moved:
                return Outcome(toast=tr.plain(lang, "risk-handover-stale"))
            who = await student(tx, concern.student_id)
            assert who is not None
            if index == 1:
                await event(
                    tx, concern_id, now, "handover_declined", actor_id=person.id, request=request_id
                )
                return Outcome(
                    rows=await self._declined(
                        tx,
                        now,
                        person,
                        requester,
                        who.person,
                        chat_id,
                        message_id,
                        request_id,
                        concern_id,
                    )
                )
            return Outcome(
                rows=await self._accept(
                    tx, now, person, requester, concern_id, request_id, chat_id, message_id
                )
            )

        return await unit.run(work)

    async def _declined(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        requester: Person,
        student_person: Person,
        chat_id: int,
        message_id: int,
        request_id: int,
        concern_id: int,
    ) -> list[OutboxRow]:
        tr = self.svc.tr
        rows = [
            await enqueue(
                tx,
                f"c{concern_id}:handover-declined:{request_id}:you",
                OutMessage(
                    chat_id,
                    tr.html(
                        person.language,
                        "risk-handover-declined-you",
                        **{"from": requester.display_name},
                    ),
                    op="edit",
                    message_id=message_id,
                ),
                now=now,
                person_id=person.id,
            )
        ]
        if requester.tg_user_id is not None:
            rows.append(
                await enqueue(
                    tx,
                    f"c{concern_id}:handover-declined:{request_id}",
                    OutMessage(
                        requester.tg_user_id,
                        tr.html(
                            requester.language,
                            "risk-handover-declined",
                            name=person.display_name,
                            student=student_person.display_name,
                        ),
                    ),
                    now=now,
                    priority=PRIORITY_INTERACTIVE,
                    person_id=requester.id,
                )
            )
        return [r for r in rows if r]

    async def _accept(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        requester: Person,
        concern_id: int,
        request_id: int,
        chat_id: int,
        message_id: int,
    ) -> list[OutboxRow]:
        tr = self.svc.tr
        # taking a case nobody had taken yet acknowledges it; its deadline is met
        taken = await move(tx, concern_id, ACKNOWLEDGE, now) is not None
        await tx.execute(
            "UPDATE concerns SET coach_id = ?, updated_at = ?,"
            " ack_deadline = CASE WHEN ? THEN NULL ELSE ack_deadline END,"
            " acknowledged_at = COALESCE(acknowledged_at, ?),"
            " acknowledged_by = COALESCE(acknowledged_by, ?)"
            " WHERE id = ?",
            (person.id, to_db(now), int(taken), to_db(now), person.id, concern_id),
        )
        await withdraw_queued(tx, now, concern_id)
        accepted = await event(
            tx,
            concern_id,
            now,
            "handover_accepted",
            actor_id=person.id,
            request=request_id,
            previous=requester.id,
        )
        concern = await load_concern(tx, concern_id)
        who = await student(tx, concern.student_id) if concern else None
        assert concern is not None
        assert who is not None
        await audit(
            tx,
            now,
            "handover_accepted",
            actor_id=person.id,
            subject_id=who.person.id,
            concern=concern_id,
        )
        lang = person.language
        body = await self.concerns.alert_text(tx, concern, who, lang, "handover")
        body += "\n\n" + tr.html(lang, "risk-handover-accepted-you")
        buttons = await self.concerns.alert_buttons(
            tx, now, concern, person, (BUTTON_LOG, BUTTON_HANDOVER)
        )
        rows: list[OutboxRow | None] = [
            await enqueue(
                tx,
                f"c{concern_id}:handover-accepted:{request_id}:you",
                OutMessage(chat_id, body, op="edit", message_id=message_id, buttons=buttons),
                now=now,
                person_id=person.id,
            )
        ]
        if requester.tg_user_id is not None:
            rows.append(
                await enqueue(
                    tx,
                    f"c{concern_id}:handover-accepted:{request_id}",
                    OutMessage(
                        requester.tg_user_id,
                        tr.html(
                            requester.language,
                            "risk-handover-accepted",
                            name=person.display_name,
                            student=who.person.display_name,
                        ),
                    ),
                    now=now,
                    priority=PRIORITY_INTERACTIVE,
                    person_id=requester.id,
                )
            )
        if who.person.tg_user_id is not None:
            not_before = next_outside_quiet(
                now, self.svc.settings.tz, who.quiet_start, who.quiet_end
            )
            told = await enqueue(
                tx,
                f"c{concern_id}:handover-student:{request_id}",
                OutMessage(
                    who.person.tg_user_id,
                    tr.html(who.person.language, "risk-student-handover", name=person.display_name),
                ),
                now=now,
                priority=PRIORITY_INTERACTIVE,
                person_id=who.person.id,
                not_before=not_before,
            )
            rows.append(told if not_before <= now else None)
        # Earlier alerts lose their buttons and say where the case went.
        rows += await self.concerns.edit_alerts(
            tx,
            now,
            concern,
            who,
            accepted,
            footer=lambda p: tr.html(
                p.language,
                "risk-alert-moved",
                name=person.display_name,
                when=self.concerns.text.when(p.language, now),
            ),
            buttons_for=lambda _p: (),
        )
        return [r for r in rows if r]
