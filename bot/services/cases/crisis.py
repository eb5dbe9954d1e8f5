"""Crisis response: every private text of a student (and of anyone not yet enrolled) is read
for crisis cues before anything else happens with it.

A crisis gets, at once and in the writer's language: a short caring reply, the crisis contacts,
and — for an enrolled student — word that a human has been told (outside school hours, that
the coach may only see it the next school day and which line is open now). In the same
transaction a `crisis` concern alerts the coach and the backup coach. Of the text itself only
the categories (cue_hits) and the matching sentence (in the concern) are kept.
"""

from __future__ import annotations

import asyncio
import html
import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.clock import to_db
from bot.i18n import Translator
from bot.risk.cues import CueDetector, CueResult, default_detector
from bot.risk.lexicon import SAFETY_CATEGORIES
from bot.risk.reading import Reading, read
from bot.risk.rules import Signal
from bot.scheduling.calendar import SchoolCalendar
from bot.services.cases.concerns import ConcernService, Raised, Recipient, event
from bot.services.cases.safety_check import SafetyChecks
from bot.services.cases.text import CHILD_PROTECTION_REASON
from bot.services.checkins.sessions import CONTEXT_CRISIS, CheckinService
from bot.services.container import Services
from bot.services.messaging.outbox import (
    PRIORITY_CRISIS,
    OutboxRow,
    OutMessage,
    enqueue,
    send_after,
    written,
)
from bot.services.people import Person, Student, student
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

RULE_CRISIS_MESSAGE = "crisis-message"
REASON_CRISIS = "r-crisis-text"
REASON_CHILD = CHILD_PROTECTION_REASON  # its alert reminds of the duty to report, by age
# What a danger is about: self-harm/suicide, child protection (violence, sexual violence,
# grooming, nowhere safe to be), or both in one message.
KIND_CRISIS, KIND_CHILD, KIND_BOTH = "crisis", "child_protection", "both"


def local_help_text(tr: Translator, lang: str, local_help: str | None) -> str:
    """The school's own help (setting LOCAL_HELP) under its heading, or "" when not set."""
    if not local_help or not local_help.strip():
        return ""
    return tr.html(lang, "crisis-local-heading") + "\n" + html.escape(local_help.strip())


def _kind(reading: Reading) -> str:
    """What a message that calls for the crisis protocol or a question is about."""
    kinds = reading.safety_kinds
    if len(kinds) == 2:
        return KIND_BOTH
    return KIND_CHILD if kinds == ("child_protection",) else KIND_CRISIS


def contacts_text(tr: Translator, lang: str, kind: str) -> str:
    """The contacts that fit what the student told (crisis.ftl): the crisis line for self-harm,
    the lines for violence and abuse for child protection, and both when both were told."""
    if kind == KIND_CHILD:
        return tr.html(lang, "child-contacts")
    text = tr.html(lang, "crisis-now")
    if kind == KIND_BOTH:
        text += "\n" + tr.html(lang, "crisis-violence-line")
    return text


def _also_words(tr: Translator, lang: str, others: Sequence[Recipient]) -> str:
    words = [
        tr.plain(
            lang,
            "risk-who-welfare" if r.role == "welfare" else "risk-who-coordinator",
            name=r.person.display_name,
        )
        for r in others
    ]
    return ", ".join(words)


@dataclass
class Screened:
    crisis: bool = False
    reply_rows: list[OutboxRow] = field(default_factory=list)  # to the writer: first
    staff_rows: list[OutboxRow] = field(default_factory=list)  # alerts: after the reply
    continue_to_checkin: bool = False  # the text is also the answer an open check-in awaits
    toast: str | None = None  # for a button press: the short answer on the button


class CrisisService:
    def __init__(
        self,
        svc: Services,
        concerns: ConcernService,
        detector: Callable[[], CueDetector] = default_detector,
        checkins: CheckinService | None = None,
    ) -> None:
        self.svc = svc
        self.concerns = concerns
        self.detector = detector
        self.checkins = checkins or CheckinService(svc)
        self.checks = SafetyChecks(svc, concerns, self)

    async def screen(
        self,
        unit: UnitOfWork,
        person: Person | None,
        chat_id: int,
        text: str,
        update_id: int,
        lang: str,
    ) -> Screened:
        """Read one private text. Staff texts are not screened (they write about students)."""
        if person is not None and not person.is_student:
            return Screened()
        # In a worker thread (both readers are thread-safe): a long message must not stall
        # the other chats while it is read.
        reading = await asyncio.to_thread(read, text, self.detector())
        if not reading.finnish.matches and not reading.other:
            return Screened()
        kind = _kind(reading)
        if person is None:
            # Someone not enrolled: nothing of theirs is stored, so there is no question to
            # follow up; when unsure, they get the crisis contacts all the same.
            if reading.crisis == "no":
                return Screened()
            return await unit.run(
                lambda tx: self._reply_unknown(tx, unit.now, chat_id, update_id, lang, kind)
            )
        return await unit.run(
            lambda tx: self._student(tx, unit.now, person, chat_id, update_id, reading, kind)
        )

    async def _reply_unknown(
        self, tx: Tx, now: datetime, chat_id: int, update_id: int, lang: str, kind: str
    ) -> Screened:
        tr = self.svc.tr
        child = kind != KIND_CRISIS
        opening = tr.html(lang, "risk-child-reply-anon" if child else "risk-crisis-reply-anon")
        contacts = contacts_text(tr, lang, kind)
        local = local_help_text(tr, lang, self.svc.settings.local_help)
        parts = [opening, contacts, *([local] if local else []), tr.html(lang, "crisis-more")]
        text = "\n\n".join(parts)
        row = await enqueue(
            tx,
            f"crisis:{chat_id}:{update_id}",
            OutMessage(chat_id, text),
            now=now,
            priority=PRIORITY_CRISIS,
        )
        return Screened(crisis=True, reply_rows=written(row))

    async def _student(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        chat_id: int,
        update_id: int,
        reading: Reading,
        kind: str,
    ) -> Screened:
        """A Swedish or English finding that is only a possible crisis (a joke, a film, a means
        named with an intent, the model's suspicion, words the Finnish reading judged no crisis)
        is asked about like an unsure Finnish reading."""
        result, extra = reading.finnish, reading.other_sentences
        who = await student(tx, person.id)
        active = who is not None and who.status == "active"
        open_session = await tx.fetchone(
            "SELECT id, flow_id, flow_version, state FROM sessions WHERE person_id = ?"
            " AND status = 'open' ORDER BY updated_at DESC, id DESC LIMIT 1",
            (person.id,),
        )
        if active:
            # A Swedish or English phrase counts as the kind it was (no Finnish match made it).
            other = reading.safety_kinds if extra else ()
            await self._store_cues(tx, now, person.id, open_session, result, other)
        continues = False
        if open_session is not None:
            flow = await self.svc.flows.version(
                tx, open_session["flow_id"], open_session["flow_version"]
            )
            question = flow.questions.get(open_session["state"]) if flow else None
            continues = question is not None and question.type == "text"
        if reading.crisis == "no":
            return Screened()
        if reading.crisis == "ask":
            # Not sure: ask the student instead of staying silent or sounding the alarm.
            sentences = extra or tuple(m.sentence for m in result.ask_matches if not m.negated)
            rows = await self.checks.ask(tx, now, person, chat_id, update_id, kind, sentences)
            if not rows:
                return Screened()  # already asked and waiting: the text goes on as usual
            return Screened(crisis=True, reply_rows=rows, continue_to_checkin=continues)
        found = [
            m.sentence for m in result.matches if m.category in SAFETY_CATEGORIES and not m.negated
        ]
        sentences = tuple(dict.fromkeys([*found, *extra]))
        key = f"crisis:{chat_id}:{update_id}"
        screened = await self.protocol(
            tx, now, person, chat_id, key, sentences, kind=kind, checkin_answer=continues
        )
        screened.continue_to_checkin = continues
        return screened

    async def protocol(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        chat_id: int,
        key: str,
        sentences: tuple[str, ...],
        *,
        kind: str = "crisis",
        checkin_answer: bool = False,
    ) -> Screened:
        """The crisis protocol, in `tx`: a crisis concern alerts the coach and the backup,
        and the student gets the crisis reply at once (keyed `key`). `kind` KIND_CHILD
        (violence, sexual violence, grooming, nowhere safe to sleep) gets its own reply — not
        the suicide script — alerts the school's welfare contact too, and reminds staff of the
        duty to report; KIND_BOTH gets both kinds' contacts.

        An open check-in stops (its flow's `on_crisis`): at once, after the reply, or — when
        the crisis text is itself the answer the check-in waits for (`checkin_answer`) — as
        soon as that answer is stored."""
        who = await student(tx, person.id)
        active = who is not None and who.status == "active"
        if checkin_answer:
            await self._mark_open_checkin(tx, person.id)
        raised = Raised()
        also: list[Recipient] = []
        if active:
            assert who is not None
            reasons = {
                KIND_CRISIS: [REASON_CRISIS],
                KIND_CHILD: [REASON_CHILD],
                KIND_BOTH: [REASON_CHILD, REASON_CRISIS],
            }[kind]
            signals = [
                Signal(rule=RULE_CRISIS_MESSAGE, level="crisis", reason=r, sentences=sentences)
                for r in reasons
            ]
            raised = await self.concerns.raise_signals(tx, now, who, signals, told_already=True)
            if kind != KIND_CRISIS and raised.concern_id is not None:
                # Child protection: the school's welfare contact (kuraattori) is alerted too.
                rows, also = await self.concerns.alert_welfare(tx, now, raised.concern_id, who)
                raised.staff_rows += rows
        text = await self._reply_text(tx, now, person, who if active else None, raised, kind, also)
        row = await enqueue(
            tx,
            key,
            OutMessage(chat_id, text),
            now=now,
            priority=PRIORITY_CRISIS,
            person_id=person.id,
        )
        if raised.concern_id is not None:
            await event(tx, raised.concern_id, now, "crisis_reply", informed=len(raised.informed))
        stopped = [] if checkin_answer else await self.checkins.stop_for_crisis(tx, now, person)
        reply_rows = written(row) + stopped
        return Screened(
            crisis=True,
            reply_rows=reply_rows,
            staff_rows=await send_after(tx, reply_rows, raised.staff_rows, now=now),
        )

    async def _mark_open_checkin(self, tx: Tx, person_id: int) -> None:
        """The crisis text is the answer an open check-in waits for: it ends as soon as that
        answer is stored, with its `on_crisis` closing (checkins.CONTEXT_CRISIS)."""
        open_session = await tx.fetchone(
            "SELECT id, context FROM sessions WHERE person_id = ? AND status = 'open'"
            " ORDER BY updated_at DESC, id DESC LIMIT 1",
            (person_id,),
        )
        if open_session is None:
            return
        context = json.loads(open_session["context"] or "{}")
        context[CONTEXT_CRISIS] = True
        await tx.execute(
            "UPDATE sessions SET context = ? WHERE id = ?",
            (json.dumps(context), open_session["id"]),
        )

    async def _store_cues(
        self,
        tx: Tx,
        now: datetime,
        person_id: int,
        session: sqlite3.Row | None,
        result: CueResult,
        other: tuple[str, ...],
    ) -> None:
        session_id = session["id"] if session is not None else None
        # An ask-level match is only a possible crisis: it is not counted as a crisis cue.
        kinds = sorted({(m.category, int(m.negated)) for m in result.matches if m.level == "yes"})
        kinds += [(category, 0) for category in other if (category, 0) not in kinds]
        for category, negated in kinds:
            await tx.execute(
                "INSERT INTO cue_hits (person_id, session_id, category, negated, detected_at)"
                " VALUES (?,?,?,?,?)",
                (person_id, session_id, category, negated, to_db(now)),
            )

    async def _reply_text(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        who: Student | None,
        raised: Raised,
        kind: str = KIND_CRISIS,
        also: Sequence[Recipient] = (),
    ) -> str:
        tr, lang = self.svc.tr, person.language
        child = kind != KIND_CRISIS
        opening = tr.html(
            lang, "risk-child-reply" if child else "risk-crisis-reply", name=person.first_name
        )
        # Crisis-work order: thanks → danger now (112) → the crisis line → not alone → who is
        # told and when; the rest of the services are behind /apua. The numbers live in one
        # file per language (crisis.ftl).
        contacts = contacts_text(tr, lang, kind)
        local = local_help_text(tr, lang, self.svc.settings.local_help)
        contacts += f"\n\n{local}" if local else ""
        more = tr.html(lang, "crisis-more")
        line_now = tr.html(lang, "child-line-now" if kind == KIND_CHILD else "crisis-line-now")
        if who is None or not raised.informed:
            # Nobody can be told (not enrolled yet, or no staff): the contacts, kindly.
            return "\n\n".join([opening, contacts, more])
        informed_ids = {p.id for p in raised.informed}
        if who.coach_id in informed_ids and who.coach_name:
            who_word = tr.plain(lang, "risk-who-coach", name=who.coach_name.split()[0])
        else:
            who_word = tr.plain(lang, "risk-who-school")
        calendar = await SchoolCalendar.load(tx)
        after_hours = not calendar.within_school_hours(now, self.svc.settings.tz, who.group_id)
        if await self._replied_recently(tx, raised.concern_id, now):
            # The whole list was just sent: a short reply with the numbers that matter now.
            return tr.html(lang, "risk-crisis-again", who=who_word) + " " + line_now
        told = [tr.html(lang, "risk-crisis-told", who=who_word)]
        others = [r for r in also if r.person.id != who.coach_id]
        if others:
            # Child protection: who else has it, by name (the student always knows who sees).
            told.append(tr.html(lang, "risk-crisis-told-also", who=_also_words(tr, lang, others)))
        parts = [opening, contacts, " ".join(told)]
        if after_hours:
            # Honest about when a person at school will see it, and who sees it now.
            school_opens = calendar.next_opening(now, self.svc.settings.tz, who.group_id)
            when = self.concerns.text.when(lang, school_opens)
            parts.append(
                tr.html(lang, "risk-crisis-after-hours", who=who_word, when=when) + " " + line_now
            )
            on_call_id = await self._on_call_id(tx)
            on_call = next((p for p in raised.informed if p.id == on_call_id), None)
            if on_call is not None:
                parts.append(tr.html(lang, "risk-crisis-on-call", name=on_call.display_name))
            service = self.concerns.policy.after_hours_service
            if service:
                parts.append(tr.html(lang, "risk-crisis-service", service=service))
        return "\n\n".join([*parts, more])

    async def _on_call_id(self, tx: Tx) -> int | None:
        tg_id = self.concerns.policy.after_hours_tg_id
        if tg_id is None:
            return None
        found = await tx.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (tg_id,))
        return int(found) if found is not None else None

    async def _replied_recently(self, tx: Tx, concern_id: int | None, now: datetime) -> bool:
        minutes = self.concerns.policy.crisis_repeat_minutes
        if concern_id is None or minutes <= 0:
            return False
        since = to_db(now - timedelta(minutes=minutes))
        found = await tx.fetchval(
            "SELECT 1 FROM concern_events WHERE concern_id = ? AND kind = 'crisis_reply'"
            " AND at >= ? LIMIT 1",
            (concern_id, since),
        )
        return found is not None
