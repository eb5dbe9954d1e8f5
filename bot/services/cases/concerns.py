"""Concerns: raise (or update) one per student, alert the named coach, acknowledge, log a first
contact, and escalate to the backup coach and the coordinator when nobody acknowledges in time.

Rules of the house kept here:
* one open concern per student — a new signal updates it, raises its level if higher, and
  alerts again only when the level rose (at most one alert message per recipient per level);
* the student hears what is shared before the coach does (`student_rows` go out first);
* `info` never alerts anyone: it waits for the coach's weekly digest;
* every step is a row in `concern_events`; every alert is an audited disclosure.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.clock import from_db, to_db
from bot.engine.conditions import LEVELS
from bot.risk.policy import (
    STAGE_BACKUP,
    STAGE_COACH,
    STAGE_COORDINATOR,
    RiskPolicy,
    higher,
    level_rank,
)
from bot.risk.rules import Signal
from bot.scheduling.calendar import SchoolCalendar, next_outside_quiet, next_within_hours
from bot.services.audit import audit
from bot.services.cases.lifecycle import ACKNOWLEDGE, REOPEN, move
from bot.services.cases.text import CHILD_PROTECTION_REASON, ConcernText, ConcernView
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_CRISIS,
    PRIORITY_INTERACTIVE,
    PRIORITY_NORMAL,
    PRIORITY_URGENT,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    send_after,
    written,
)
from bot.services.people import Person, Student, person_by_id, student
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

log = logging.getLogger(__name__)

ACTION_CONCERN = "concern"  # alert buttons: index 0 acknowledge, 1 log contact, 2 hand over


@dataclass(frozen=True)
class AlertPress(Payload, action=ACTION_CONCERN):
    concern: int


BUTTON_ACK, BUTTON_LOG, BUTTON_HANDOVER = 0, 1, 2
INDEX_CANCEL = -1
OPEN = ("open", "acknowledged", "contacted", "followup")
ALERT_TTL_DAYS = 60


@dataclass
class Raised:
    """What raising signals caused. Deliver `student_rows` first, then `staff_rows`."""

    concern_id: int | None = None
    level: str | None = None
    new: bool = False
    alerted: bool = False  # a new alert went out (new concern or higher level)
    student_rows: list[OutboxRow] = field(default_factory=list)
    staff_rows: list[OutboxRow] = field(default_factory=list)
    informed: list[Person] = field(default_factory=list)  # staff who have this concern


@dataclass(frozen=True)
class Recipient:
    person: Person
    role: str  # coach, backup, backup-crisis, coordinator, fallback, on-call, welfare…


def priority_for(level: str) -> int:
    return {"crisis": PRIORITY_CRISIS, "urgent": PRIORITY_URGENT}.get(level, PRIORITY_NORMAL)


async def event(
    tx: Tx, concern_id: int, now: datetime, kind: str, *, actor_id: int | None = None, **detail: Any
) -> int:
    return await tx.execute(
        "INSERT INTO concern_events (concern_id, at, actor_id, kind, detail) VALUES (?,?,?,?,?)",
        (concern_id, to_db(now), actor_id, kind, json.dumps(detail, ensure_ascii=False)),
    )


async def load_concern(db: Reads, concern_id: int) -> ConcernView | None:
    row = await db.fetchone("SELECT * FROM concerns WHERE id = ?", (concern_id,))
    return None if row is None else ConcernView.from_row(row)


async def cases_of(db: Reads, student_id: int) -> list[ConcernView]:
    """A student's concerns above "info" (their cases), newest first."""
    rows = await db.fetchall(
        "SELECT * FROM concerns WHERE student_id = ? AND level != 'info' ORDER BY id DESC",
        (student_id,),
    )
    return [ConcernView.from_row(r) for r in rows]


async def open_concern(db: Reads, student_id: int) -> ConcernView | None:
    row = await db.fetchone(
        "SELECT * FROM concerns WHERE student_id = ? AND status != 'closed'"
        " ORDER BY id DESC LIMIT 1",
        (student_id,),
    )
    return None if row is None else ConcernView.from_row(row)


class ConcernService:
    def __init__(self, svc: Services, policy: RiskPolicy | None = None) -> None:
        self.svc = svc
        self.policy = policy or svc.settings.risk
        self.text = ConcernText(svc.tr, svc.flows, svc.settings.tz)

    @property
    def tz(self) -> Any:
        return self.svc.settings.tz

    # -- raising ------------------------------------------------------------------------------

    async def raise_signals(
        self,
        tx: Tx,
        now: datetime,
        who: Student,
        signals: Sequence[Signal],
        *,
        tell: bool = True,
        told_already: bool = False,
    ) -> Raised:
        """Create or update the student's open concern from `signals`, in `tx`.

        `tell`: tell the student (the rules' `tell_student` texts) before anything is shared.
        `told_already`: the caller told the student itself (the crisis reply); the reasons
        are marked told so a later rule does not repeat it.
        """
        if not signals:
            return Raised()
        level = LEVELS[max(level_rank(s.level) for s in signals)]
        incoming = [s.to_json(now) for s in signals]
        current = await open_concern(tx, who.person.id)
        raised = Raised()
        if current is None:
            for reason in incoming:
                reason["told"] = told_already
            concern_id = await tx.execute(
                "INSERT INTO concerns (student_id, coach_id, level, status, reasons, measure,"
                " escalation_stage, created_at, updated_at) VALUES (?,?,?,'open',?,?,0,?,?)",
                (
                    who.person.id,
                    who.coach_id,
                    level,
                    json.dumps(incoming, ensure_ascii=False),
                    _measure_of(signals),
                    to_db(now),
                    to_db(now),
                ),
            )
            event_id = await event(
                tx, concern_id, now, "raised", level=level, rules=[s.rule for s in signals]
            )
            raised.new = raised.alerted = level != "info" or self.policy.same_day(level)
            previous: list[dict[str, Any]] = []
            added = incoming
        else:
            concern_id = current.id
            previous = current.reasons
            added = [r for r in incoming if not any(_same(r, p) for p in previous)]
            for reason in added:
                reason["told"] = told_already
            new_level = higher(level, current.level)
            rose = new_level != current.level
            if not added and not rose:  # nothing new: nothing to record, tell or send
                raised.concern_id, raised.level = concern_id, current.level
                raised.informed = await self._informed(tx, current)
                return raised
            if rose:  # a higher level is a new alert: the case is open again
                await move(tx, concern_id, REOPEN, now)
            await tx.execute(
                "UPDATE concerns SET level = ?, reasons = ?, updated_at = ?,"
                " escalation_stage = CASE WHEN ? THEN 0 ELSE escalation_stage END WHERE id = ?",
                (
                    new_level,
                    json.dumps(previous + added, ensure_ascii=False),
                    to_db(now),
                    int(rose),
                    concern_id,
                ),
            )
            kind = "level_raised" if rose else "updated"
            event_id = await event(
                tx,
                concern_id,
                now,
                kind,
                level=new_level,
                previous=current.level,
                rules=[s.rule for s in signals],
            )
            raised.alerted = rose
            level = new_level
        raised.concern_id, raised.level = concern_id, level
        concern = await load_concern(tx, concern_id)
        assert concern is not None
        if tell and not told_already:
            row = await self._tell_student(tx, now, concern, who, previous, added, event_id)
            raised.student_rows += written(row)
            concern = await load_concern(tx, concern_id) or concern  # now marked told
        if raised.alerted:
            raised.staff_rows += await self._alert_first(tx, now, concern, who)
        elif added and level == "crisis" and _new_crisis_words(added, previous):
            raised.staff_rows += await self._crisis_again(tx, now, concern, who, event_id)
        elif added and (level != "info" or self.policy.same_day(level)):
            raised.staff_rows += await self.edit_alerts(tx, now, concern, who, event_id)
        raised.informed = await self._informed(tx, concern)
        raised.staff_rows = await send_after(tx, raised.student_rows, raised.staff_rows, now=now)
        return raised

    async def _tell_student(
        self,
        tx: Tx,
        now: datetime,
        concern: ConcernView,
        who: Student,
        previous: Sequence[dict[str, Any]],
        added: Sequence[dict[str, Any]],
        event_id: int,
    ) -> OutboxRow | None:
        told_before = {p["reason"] for p in previous if p.get("told")}
        texts: list[str] = []
        coach_name = await self._coach_word(tx, who, concern.coach_id)
        if coach_name is None:
            return None  # nobody to tell about: the student is not promised a contact
        lang = who.person.language
        # When the coach will see it: today (their working hours) or in the next digest.
        same_day = self.policy.same_day(concern.level)
        seer = await person_by_id(tx, concern.coach_id or who.coach_id or 0)
        digest = self.policy.next_digest(now, self.tz)
        if seer is not None:
            digest = await self._working(tx, seer, digest)
        moment = digest
        if same_day:
            moment = await self._working(tx, seer, now) if seer else now
        when = self.text.when(lang, moment)
        telling: list[dict[str, Any]] = []
        for reason in added:
            tell = reason.get("tell")
            if not tell or reason["reason"] in told_before:
                continue
            told_before.add(reason["reason"])
            text = self.svc.tr.html(
                lang, str(tell), coach=coach_name, when=when, sameday="yes" if same_day else "no"
            )
            if text not in texts:
                texts.append(text)
                telling.append(reason)
        if not texts or who.person.tg_user_id is None:
            return None
        if len(texts) > 1:
            texts = [self._combined_tell(lang, coach_name, telling, self.text.when(lang, digest))]
        await self._mark_told(tx, concern.id, [str(r["reason"]) for r in added if r.get("tell")])
        await event(tx, concern.id, now, "student_told", reasons=[r["reason"] for r in added])
        return await enqueue(
            tx,
            f"c{concern.id}:tell:{event_id}",
            OutMessage(who.person.tg_user_id, "\n\n".join(texts)),
            now=now,
            priority=PRIORITY_CRISIS if concern.level == "crisis" else PRIORITY_INTERACTIVE,
            person_id=who.person.id,
        )

    def _combined_tell(
        self, lang: str, coach: str, reasons: Sequence[dict[str, Any]], digest_when: str
    ) -> str:
        """Several things shared at once: one message that says what the coach is told now,
        what they see in Monday's summary, and when they will get in touch — not one paragraph
        per rule. A text without a short `.what` form is shown whole."""
        tr = self.svc.tr

        def what(reason: dict[str, Any]) -> str:
            tell = str(reason["tell"])
            return (
                "• " + html.escape(tr.plain(lang, tell, "what"), quote=False)
                if tr.has(lang, tell, "what")
                else tr.html(lang, tell, coach=coach, when=digest_when, sameday="no")
            )

        now = [r for r in reasons if r.get("level") != "info"]
        later = [r for r in reasons if r.get("level") == "info"]
        parts: list[str] = []
        if now:
            top = LEVELS[max(level_rank(str(r.get("level"))) for r in now)]
            head = tr.html(lang, "share-combined-now", coach=coach)
            when = tr.html(lang, "share-combined-when", level=top)
            parts.append("\n".join([head, *map(what, now), when]))
        if later:
            head = "share-combined-digest" if now else "share-combined-digest-only"
            parts.append(
                "\n".join([tr.html(lang, head, coach=coach, when=digest_when), *map(what, later)])
            )
        return "\n\n".join(parts)

    async def _mark_told(self, tx: Tx, concern_id: int, reason_ids: Sequence[str]) -> None:
        concern = await load_concern(tx, concern_id)
        assert concern is not None
        for reason in concern.reasons:
            if reason["reason"] in reason_ids:
                reason["told"] = True
        await tx.execute(
            "UPDATE concerns SET reasons = ? WHERE id = ?",
            (json.dumps(concern.reasons, ensure_ascii=False), concern_id),
        )

    async def _coach_word(self, tx: Tx, who: Student, case_coach: int | None) -> str | None:
        """The name the student's share texts use: their coach, else whoever gets alerts."""
        for person_id in (case_coach, who.coach_id, who.backup_coach_id):
            if person_id is not None:
                person = await person_by_id(tx, person_id)
                if person is not None:
                    return person.first_name
        coordinators = await self.coordinators(tx, exclude=set())
        return coordinators[0].first_name if coordinators else None

    # -- alerts -------------------------------------------------------------------------------

    async def reachable(self, tx: Tx, person_id: int | None) -> Person | None:
        if person_id is None:
            return None
        row = await tx.fetchone(
            "SELECT unreachable_at, tg_user_id FROM persons WHERE id = ?", (person_id,)
        )
        if row is None or row["tg_user_id"] is None or row["unreachable_at"] is not None:
            return None
        return await person_by_id(tx, person_id)

    async def on_call(self, tx: Tx, now: datetime, who: Student) -> Person | None:
        """The school's after-hours person, when it is outside school hours and they can be
        reached; None otherwise."""
        if self.policy.after_hours_tg_id is None:
            return None
        calendar = await SchoolCalendar.load(tx)
        if calendar.within_school_hours(now, self.tz, who.group_id):
            return None
        row = await tx.fetchone(
            "SELECT id FROM persons WHERE tg_user_id = ?", (self.policy.after_hours_tg_id,)
        )
        return await self.reachable(tx, row["id"]) if row is not None else None

    async def coordinators(self, tx: Tx, exclude: set[int]) -> list[Person]:
        rows = await tx.fetchall(
            "SELECT p.id FROM persons p JOIN person_roles r ON r.person_id = p.id"
            " WHERE r.role = 'coordinator' AND p.tg_user_id IS NOT NULL"
            " AND p.unreachable_at IS NULL ORDER BY p.id"
        )
        people = [await person_by_id(tx, r["id"]) for r in rows if r["id"] not in exclude]
        return [p for p in people if p is not None]

    async def _alerted(self, tx: Tx, concern_id: int, level: str | None = None) -> dict[int, str]:
        """person id -> role, for everyone alerted about the concern (at `level`)."""
        rows = await tx.fetchall(
            "SELECT detail FROM concern_events WHERE concern_id = ? AND kind = 'alerted'"
            " ORDER BY id",
            (concern_id,),
        )
        out: dict[int, str] = {}
        for row in rows:
            detail = json.loads(row["detail"])
            if level is None or detail.get("level") == level:
                out[int(detail["to"])] = str(detail["role"])
        return out

    async def _informed(self, tx: Tx, concern: ConcernView) -> list[Person]:
        people = [await person_by_id(tx, pid) for pid in await self._alerted(tx, concern.id)]
        return [p for p in people if p is not None]

    async def _alert_first(
        self, tx: Tx, now: datetime, concern: ConcernView, who: Student
    ) -> list[OutboxRow]:
        # The case's coach: the named coach, or whoever accepted a hand-over of the case.
        coach = await self.reachable(tx, concern.coach_id or who.coach_id)
        backup = await self.reachable(tx, who.backup_coach_id)
        if backup is not None and coach is not None and backup.id == coach.id:
            backup = None
        recipients: list[Recipient] = []
        if concern.level == "crisis":
            if coach:
                recipients.append(Recipient(coach, "coach"))
            if backup:
                recipients.append(Recipient(backup, "backup-crisis" if coach else "fallback"))
            on_call = await self.on_call(tx, now, who)
            if on_call is not None and on_call.id not in {r.person.id for r in recipients}:
                recipients.append(Recipient(on_call, "on-call"))
            stage = STAGE_BACKUP
        elif coach:
            recipients, stage = [Recipient(coach, "coach")], STAGE_COACH
        elif backup:
            recipients, stage = [Recipient(backup, "fallback")], STAGE_BACKUP
        else:
            stage = STAGE_COORDINATOR
        if not recipients:
            stage = STAGE_COORDINATOR
            recipients = [Recipient(p, "fallback") for p in await self.coordinators(tx, set())]
        if not recipients:
            log.error(
                "concern %s has nobody to alert (no coach, backup or coordinator)", concern.id
            )
            await event(tx, concern.id, now, "nobody_to_alert")
        return await self._alert(tx, now, concern, who, recipients, stage)

    async def _alert(
        self,
        tx: Tx,
        now: datetime,
        concern: ConcernView,
        who: Student,
        recipients: Sequence[Recipient],
        stage: int,
    ) -> list[OutboxRow]:
        calendar = await SchoolCalendar.load(tx)
        deadline = self.policy.ack_deadline(
            concern.level, stage, now, calendar, self.tz, who.group_id
        )
        await tx.execute(
            "UPDATE concerns SET escalation_stage = ?, ack_deadline = ? WHERE id = ?",
            (stage, to_db(deadline) if deadline else None, concern.id),
        )
        concern.stage, concern.ack_deadline = stage, deadline
        rows: list[OutboxRow] = []
        for recipient in recipients:
            row = await self._send_alert(tx, now, concern, who, recipient)
            rows += written(row)
        return rows

    async def _send_alert(
        self, tx: Tx, now: datetime, concern: ConcernView, who: Student, to: Recipient
    ) -> OutboxRow | None:
        person = to.person
        assert person.tg_user_id is not None
        key = f"c{concern.id}:alert:{concern.level}:{person.id}"
        text = await self.alert_text(tx, concern, who, person.language, to.role)
        buttons = await self.alert_buttons(
            tx, now, concern, person, (BUTTON_ACK, BUTTON_LOG, BUTTON_HANDOVER)
        )
        not_before = now if concern.level == "crisis" else await self._working(tx, person, now)
        row = await enqueue(
            tx,
            key,
            OutMessage(person.tg_user_id, text, buttons=buttons),
            now=now,
            priority=priority_for(concern.level),
            person_id=person.id,
            not_before=not_before,
        )
        if row is None:
            return None  # this recipient already has this level's alert
        await event(
            tx,
            concern.id,
            now,
            "alerted",
            to=person.id,
            role=to.role,
            level=concern.level,
            stage=concern.stage,
            key=key,
        )
        await audit(
            tx,
            now,
            "concern_alert",
            actor_id=person.id,
            subject_id=concern.student_id,
            concern=concern.id,
            level=concern.level,
            role=to.role,
        )
        return row if not_before <= now else None  # a later one is picked up when due

    async def _working(self, tx: Tx, person: Person, now: datetime) -> datetime:
        row = await tx.fetchone(
            "SELECT work_start, work_end FROM persons WHERE id = ?", (person.id,)
        )
        if row is None:
            return now
        return next_within_hours(now, self.tz, row["work_start"], row["work_end"])

    async def alert_buttons(
        self, tx: Tx, now: datetime, concern: ConcernView, person: Person, which: Sequence[int]
    ) -> list[list[Button]]:
        assert person.tg_user_id is not None
        token = await callbacks.issue(
            tx,
            now,
            person.tg_user_id,
            AlertPress(concern.id),
            ttl=timedelta(days=ALERT_TTL_DAYS),
        )
        tr, lang = self.svc.tr, person.language
        labels = {
            BUTTON_ACK: tr.plain(lang, "risk-button-ack"),
            BUTTON_LOG: tr.plain(lang, "risk-button-log"),
            BUTTON_HANDOVER: tr.plain(lang, "risk-button-handover"),
        }
        made = [Button(labels[i], callbacks.button_data(token, i)) for i in which]
        return [[button] for button in made]  # one per row: the labels are whole phrases

    async def alert_text(
        self, db: Reads, concern: ConcernView, who: Student, lang: str, role: str
    ) -> str:
        tr, text = self.svc.tr, self.text
        parts = [text.head(lang, concern.level, who.person.display_name, who.group_name)]
        case_coach = await person_by_id(db, concern.coach_id) if concern.coach_id else None
        coach_name = case_coach.display_name if case_coach else tr.plain(lang, "risk-alert-nobody")
        intro = {
            "backup": tr.html(lang, "risk-alert-backup", coach=coach_name),
            "backup-crisis": tr.html(lang, "risk-alert-backup-crisis"),
            "coordinator": tr.html(lang, "risk-alert-coordinator", coach=coach_name),
            "fallback": tr.html(lang, "risk-alert-fallback"),
            "on-call": tr.html(lang, "risk-alert-on-call"),
            "welfare": tr.html(lang, "risk-alert-welfare", coach=coach_name),
            "welfare-coordinator": tr.html(
                lang, "risk-alert-welfare-coordinator", coach=coach_name
            ),
        }.get(role)
        if intro:
            parts.append(intro)
        lines = await text.reason_lines(db, lang, concern.reasons, digest=False)
        parts.append("\n".join(lines))
        closing = []
        if concern.level == "crisis":
            closing.append(tr.html(lang, "risk-alert-crisis-do"))
        if any(r.get("reason") == CHILD_PROTECTION_REASON for r in concern.reasons):
            minor = who.under_18(self.svc.today())
            closing.append(text.duty_to_report(lang, who.person.first_name, minor))
        if concern.ack_deadline is not None:
            closing.append(
                tr.html(lang, "risk-alert-deadline", when=text.when(lang, concern.ack_deadline))
            )
        if any(r.get("told") for r in concern.reasons):
            closing.append(tr.html(lang, "risk-alert-student-knows", student=who.person.first_name))
        if closing:
            parts.append("\n".join(closing))
        return "\n\n".join(parts)

    async def edit_alerts(
        self,
        tx: Tx,
        now: datetime,
        concern: ConcernView,
        who: Student,
        event_id: int,
        *,
        footer: Callable[[Person], str] | None = None,
        buttons_for: Callable[[Person], Sequence[int]] | None = None,
    ) -> list[OutboxRow]:
        """Re-render the alerts of the concern's current level in place (no new message)."""
        rows: list[OutboxRow] = []
        for person_id, role in (await self._alerted(tx, concern.id, concern.level)).items():
            person = await person_by_id(tx, person_id)
            key = f"c{concern.id}:alert:{concern.level}:{person_id}"
            sent = await tx.fetchone(
                "SELECT chat_id, message_id, sent_at FROM outbox WHERE idem_key = ?", (key,)
            )
            if person is None or sent is None:
                continue
            if sent["message_id"] is None:
                if footer is not None and sent["sent_at"] is None:
                    # acknowledged before this one went out: it would only confuse
                    await tx.execute(
                        "UPDATE outbox SET failed_at = ?, error = 'superseded' WHERE idem_key = ?"
                        " AND sent_at IS NULL",
                        (to_db(now), key),
                    )
                continue
            body = await self.alert_text(tx, concern, who, person.language, role)
            if footer is not None:
                body += "\n\n" + footer(person)
            else:
                body += "\n\n" + self.svc.tr.html(
                    person.language, "risk-alert-updated", when=self.text.when(person.language, now)
                )
            which = (
                buttons_for(person) if buttons_for else (BUTTON_ACK, BUTTON_LOG, BUTTON_HANDOVER)
            )
            if concern.status != "open":
                which = [i for i in which if i != BUTTON_ACK]
            buttons = await self.alert_buttons(tx, now, concern, person, which) if which else []
            row = await enqueue(
                tx,
                f"c{concern.id}:edit:{event_id}:{person_id}",
                OutMessage(
                    sent["chat_id"], body, op="edit", message_id=sent["message_id"], buttons=buttons
                ),
                now=now,
                priority=PRIORITY_INTERACTIVE,
                person_id=person_id,
            )
            rows += written(row)
        return rows

    async def _crisis_again(
        self, tx: Tx, now: datetime, concern: ConcernView, who: Student, event_id: int
    ) -> list[OutboxRow]:
        """A further crisis message: phones do not ring for an edited message, so whoever must
        act gets a new one and is asked to acknowledge again — the case's holder once it was
        acknowledged, else everyone alerted about the crisis. A burst of messages makes one
        notification per `crisis_notify_minutes`: the next one waits for the window's end and
        takes in everything written meanwhile. The old alerts are updated in place too."""
        rows = await self.edit_alerts(tx, now, concern, who, event_id)
        alerted = await self._alerted(tx, concern.id, "crisis")
        if concern.status != "open":
            holder = concern.coach_id if concern.coach_id in alerted else None
            targets = {holder: alerted[holder]} if holder is not None else alerted
            calendar = await SchoolCalendar.load(tx)
            deadline = self.policy.ack_deadline(
                "crisis", STAGE_BACKUP, now, calendar, self.tz, who.group_id
            )
            await move(tx, concern.id, REOPEN, now)
            await tx.execute(
                "UPDATE concerns SET escalation_stage = ?, ack_deadline = ? WHERE id = ?",
                (STAGE_BACKUP, to_db(deadline) if deadline else None, concern.id),
            )
            concern.status, concern.stage, concern.ack_deadline = "open", STAGE_BACKUP, deadline
            await event(tx, concern.id, now, "reopened", level="crisis", to=list(targets))
        else:
            targets = alerted
        window = timedelta(minutes=self.policy.crisis_notify_minutes)
        for person_id, role in targets.items():
            person = await self.reachable(tx, person_id)
            if person is None or person.tg_user_id is None:
                continue
            body = await self.alert_text(tx, concern, who, person.language, role)
            body = (
                self.svc.tr.html(
                    person.language, "risk-alert-again", when=self.text.when(person.language, now)
                )
                + "\n\n"
                + body
            )
            buttons = await self.alert_buttons(
                tx, now, concern, person, (BUTTON_ACK, BUTTON_LOG, BUTTON_HANDOVER)
            )
            message = OutMessage(person.tg_user_id, body, buttons=buttons)
            prefix = f"c{concern.id}:"
            pending = await tx.fetchone(
                "SELECT id FROM outbox WHERE idem_key LIKE ? AND sent_at IS NULL"
                " AND failed_at IS NULL AND not_before > ? ORDER BY id DESC LIMIT 1",
                (f"{prefix}again:%:{person_id}", to_db(now)),
            )
            if pending is not None:  # the window's notification is waiting: it takes this too
                await tx.execute(
                    "UPDATE outbox SET payload = ? WHERE id = ?", (message.to_json(), pending["id"])
                )
                continue
            last = await tx.fetchval(
                "SELECT MAX(not_before) FROM outbox WHERE (idem_key LIKE ? OR idem_key LIKE ?)"
                " AND (error IS NULL OR error NOT IN ('superseded', 'withdrawn'))",
                (f"{prefix}alert:crisis:{person_id}", f"{prefix}again:%:{person_id}"),
            )
            due = now if last is None else max(now, from_db(last) + window)
            key = f"{prefix}again:{event_id}:{person_id}"
            row = await enqueue(
                tx,
                key,
                message,
                now=now,
                priority=PRIORITY_CRISIS,
                person_id=person_id,
                not_before=due,
            )
            if row is None:
                continue
            await event(
                tx, concern.id, now, "realerted", to=person_id, role=role, key=key, due=to_db(due)
            )
            await audit(
                tx,
                now,
                "concern_alert",
                actor_id=person_id,
                subject_id=concern.student_id,
                concern=concern.id,
                level="crisis",
                role=role,
            )
            rows += [row] if due <= now else []
        return rows

    async def on_undeliverable(  # a FailureHook: the sender passes every argument
        self, tx: Tx, _outbox_id: int, key: str, now: datetime
    ) -> list[OutboxRow]:
        """Telegram will not deliver an alert (blocked, deleted, never started the bot): when
        nobody at this stage can see it, it goes on to the next person at once."""
        if not key.startswith("c") or (":alert:" not in key and ":again:" not in key):
            return []
        head = key.split(":", 1)[0][1:]
        if not head.isdigit():
            return []
        concern = await load_concern(tx, int(head))
        if concern is None or concern.status != "open" or concern.ack_deadline is None:
            return []
        if not await self._all_alerts_failed(tx, concern):
            return []
        log.warning("concern %s: no alert could be delivered; escalating now", concern.id)
        return (await self._escalate(tx, now, concern.id, early=True)).rows

    # -- child protection: the school's welfare contact ---------------------------------------

    async def alert_welfare(
        self, tx: Tx, now: datetime, concern_id: int, who: Student
    ) -> tuple[list[OutboxRow], list[Recipient]]:
        """Child protection (violence, sexual violence, grooming, nowhere safe to be): the
        school's welfare contacts (role 'welfare', the kuraattori) get the alert at once, with
        the coach. When the school has named none who can be reached, the coordinators get it
        in their place — someone from the welfare side must know the same day. Returns the
        rows to send and everyone who has it this way (alerted now or before)."""
        concern = await load_concern(tx, concern_id)
        if concern is None:
            return [], []
        recipients = [Recipient(p, "welfare") for p in await self.welfare_contacts(tx)]
        if not recipients:
            coordinators = await self.coordinators(tx, exclude=set())
            recipients = [Recipient(p, "welfare-coordinator") for p in coordinators]
        alerted = await self._alerted(tx, concern.id, concern.level)
        rows: list[OutboxRow] = []
        for recipient in recipients:
            if recipient.person.id in alerted:
                continue  # already has this alert (e.g. the coach is also the kuraattori)
            row = await self._send_alert(tx, now, concern, who, recipient)
            rows += written(row)
        return rows, recipients

    async def welfare_contacts(self, tx: Tx) -> list[Person]:
        rows = await tx.fetchall(
            "SELECT p.id FROM persons p JOIN person_roles r ON r.person_id = p.id"
            " WHERE r.role = 'welfare' AND p.tg_user_id IS NOT NULL"
            " AND p.unreachable_at IS NULL ORDER BY p.id"
        )
        people = [await person_by_id(tx, r["id"]) for r in rows]
        return [p for p in people if p is not None]

    # -- after hours -------------------------------------------------------------------------

    async def after_hours_report_due(self, unit: UnitOfWork) -> Outcome:
        """On a school morning, every coordinator gets the crises that came in since school
        hours last ended — each with who acknowledged it and when, or that nobody has."""
        now = unit.now
        calendar = await SchoolCalendar.load(self.svc.db)
        if not calendar.within_school_hours(now, self.tz):
            return Outcome()
        today = now.astimezone(self.tz).date()
        since = calendar.previous_closing(today, self.tz)
        opened = calendar.next_opening(since + timedelta(minutes=1), self.tz)
        crises = await self.svc.db.fetchall(
            "SELECT DISTINCT c.id FROM concerns c JOIN concern_events e ON e.concern_id = c.id"
            " WHERE e.kind IN ('raised', 'level_raised')"
            " AND json_extract(e.detail, '$.level') = 'crisis' AND e.at >= ? AND e.at < ?"
            " ORDER BY c.id",
            (to_db(since), to_db(opened)),
        )
        if not crises:
            return Outcome()
        ids = [int(r["id"]) for r in crises]

        async def work(tx: Tx) -> Outcome:
            rows: list[OutboxRow] = []
            for coordinator in await self.coordinators(tx, set()):
                assert coordinator.tg_user_id is not None
                text = await self._after_hours_text(tx, coordinator.language, ids)
                row = await enqueue(
                    tx,
                    f"afterhours:{today.isoformat()}:{coordinator.id}",
                    OutMessage(coordinator.tg_user_id, text),
                    now=now,
                    priority=PRIORITY_URGENT,
                    person_id=coordinator.id,
                )
                if row is None:
                    continue
                rows.append(row)
                for concern_id in ids:
                    concern = await load_concern(tx, concern_id)
                    if concern is not None:
                        await audit(
                            tx,
                            now,
                            "after_hours_report",
                            actor_id=coordinator.id,
                            subject_id=concern.student_id,
                            concern=concern_id,
                        )
            return Outcome(rows=rows)

        return await unit.run(work)

    async def _after_hours_text(self, tx: Tx, lang: str, concern_ids: Sequence[int]) -> str:
        tr, lines = self.svc.tr, []
        for concern_id in concern_ids:
            concern = await load_concern(tx, concern_id)
            who = await student(tx, concern.student_id) if concern else None
            if concern is None or who is None:
                continue
            raised = await tx.fetchval(
                "SELECT MIN(at) FROM concern_events WHERE concern_id = ?"
                " AND kind IN ('raised', 'level_raised')"
                " AND json_extract(detail, '$.level') = 'crisis'",
                (concern_id,),
            )
            name = who.person.display_name + (f" ({who.group_name})" if who.group_name else "")
            at = self.text.when(lang, from_db(raised)) if raised else "–"
            ack = await tx.fetchone(
                "SELECT actor_id, at FROM concern_events WHERE concern_id = ?"
                " AND kind = 'acknowledged' AND at >= ? ORDER BY id LIMIT 1",
                (concern_id, raised or ""),
            )
            acker = await person_by_id(tx, ack["actor_id"]) if ack is not None else None
            if acker is not None and ack is not None:
                lines.append(
                    tr.html(
                        lang,
                        "risk-after-hours-acked",
                        student=name,
                        at=at,
                        name=acker.display_name,
                        when=self.text.when(lang, from_db(ack["at"])),
                    )
                )
            else:
                lines.append(tr.html(lang, "risk-after-hours-open", student=name, at=at))
        return tr.html(lang, "risk-after-hours-head") + "\n\n" + "\n".join(lines)

    # -- acting on an alert -------------------------------------------------------------------

    async def check_allowed(
        self, tx: Tx, person: Person, concern: ConcernView | None
    ) -> ConcernView:
        """The caller may act on the concern: its coach, someone it was escalated to, or a
        coordinator. A former coach who handed it over gets a kind no."""
        if concern is None:
            raise CallbackRefused("callback-invalid", hostile=True)
        if concern.status == "closed":
            raise CallbackRefused("risk-case-closed", hostile=False)
        if concern.coach_id == person.id or person.has("coordinator"):
            return concern
        role = (await self._alerted(tx, concern.id)).get(person.id)
        if role is None:
            raise CallbackRefused("risk-not-your-case", hostile=True)
        if role == "coach":
            raise CallbackRefused("risk-case-moved", hostile=False)
        return concern

    async def acknowledge(self, unit: UnitOfWork, person: Person, concern_id: int) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            concern = await self.check_allowed(tx, person, await load_concern(tx, concern_id))
            tr, lang = self.svc.tr, person.language
            if concern.status != "open":
                by = await person_by_id(tx, concern.acknowledged_by or 0)
                name = by.display_name if by else "—"
                return Outcome(toast=tr.plain(lang, "risk-already-acked", name=name))
            # Whoever says "I'll get in touch" holds the case from now on (the backup or a
            # coordinator when the coach did not answer in time); the named coach keeps
            # their student, and the case's history stays with it.
            holder = concern.coach_id
            await move(tx, concern.id, ACKNOWLEDGE, now)
            await tx.execute(
                "UPDATE concerns SET ack_deadline = NULL,"
                " acknowledged_at = COALESCE(acknowledged_at, ?), acknowledged_by = ?,"
                " coach_id = ? WHERE id = ?",
                (to_db(now), person.id, person.id, concern.id),
            )
            event_id = await event(
                tx,
                concern.id,
                now,
                "acknowledged",
                actor_id=person.id,
                level=concern.level,
                holder_before=holder,
            )
            await audit(
                tx,
                now,
                "concern_acknowledged",
                actor_id=person.id,
                subject_id=concern.student_id,
                concern=concern.id,
            )
            concern.status, concern.acknowledged_by, concern.ack_deadline = (
                "acknowledged",
                person.id,
                None,
            )
            concern.coach_id = person.id
            who = await student(tx, concern.student_id)
            assert who is not None
            rows = await self._student_ack(tx, now, concern, who, person, holder)
            rows += await self.edit_alerts(
                tx,
                now,
                concern,
                who,
                event_id,
                footer=lambda p: self._acked_line(p, person, now),
                buttons_for=lambda p: (BUTTON_LOG, BUTTON_HANDOVER) if p.id == person.id else (),
            )
            await withdraw_queued(tx, now, concern.id)
            return Outcome(rows=rows, toast=tr.plain(lang, "risk-acked-toast"))

        return await unit.run(work)

    def _acked_line(self, reader: Person, acker: Person, now: datetime) -> str:
        tr, lang = self.svc.tr, reader.language
        when = self.text.when(lang, now)
        if reader.id == acker.id:
            return tr.html(lang, "risk-alert-acked-you", when=when)
        return tr.html(lang, "risk-alert-acked-other", name=acker.display_name, when=when)

    async def _student_ack(
        self,
        tx: Tx,
        now: datetime,
        concern: ConcernView,
        who: Student,
        acker: Person,
        holder: int | None,
    ) -> list[OutboxRow]:
        chat = who.person.tg_user_id
        if chat is None or concern.level == "info":
            return []
        tr, lang = self.svc.tr, who.person.language
        name = acker.first_name if acker.id == who.coach_id else acker.display_name
        if not any(r.get("told") for r in concern.reasons):
            text = tr.html(
                lang, "risk-student-ack-silence", student=who.person.first_name, name=name
            )
        elif acker.id in (who.coach_id, holder):  # their coach, or whom the case went to
            text = tr.html(lang, "risk-student-ack", name=name)
        else:
            text = tr.html(lang, "risk-student-ack-other", name=name)
        not_before = now
        if concern.level != "crisis":
            not_before = next_outside_quiet(now, self.tz, who.quiet_start, who.quiet_end)
        # Each time a further crisis message re-opened the case, its acknowledgement is news.
        reopened = await tx.fetchval(
            "SELECT COUNT(*) FROM concern_events WHERE concern_id = ? AND kind = 'reopened'",
            (concern.id,),
        )
        row = await enqueue(
            tx,
            f"c{concern.id}:ack:{concern.level}" + (f":{reopened}" if reopened else ""),
            OutMessage(chat, text),
            now=now,
            priority=PRIORITY_CRISIS if concern.level == "crisis" else PRIORITY_INTERACTIVE,
            person_id=who.person.id,
            not_before=not_before,
        )
        if row is None:
            return []
        await event(tx, concern.id, now, "student_told_ack", actor_id=acker.id)
        return [row] if not_before <= now else []

    # -- deadlines ----------------------------------------------------------------------------

    async def escalate_due(self, unit: UnitOfWork) -> Outcome:
        """Alerts not acknowledged by their deadline go to the next person in the chain."""
        now = unit.now
        due = await self.svc.db.fetchall(
            "SELECT id FROM concerns WHERE status = 'open' AND ack_deadline IS NOT NULL"
            " AND ack_deadline <= ? ORDER BY ack_deadline LIMIT 200",
            (to_db(now),),
        )
        # An alert Telegram refused (the coach blocked the bot, left, …) cannot be seen:
        # waiting for its deadline would only waste the student's time.
        undeliverable = await self.svc.db.fetchall(
            "SELECT DISTINCT c.id FROM concerns c JOIN concern_events e ON e.concern_id = c.id"
            " JOIN outbox o ON o.idem_key = json_extract(e.detail, '$.key')"
            " WHERE c.status = 'open' AND c.ack_deadline > ? AND e.kind = 'alerted'"
            " AND json_extract(e.detail, '$.stage') = c.escalation_stage"
            " AND json_extract(e.detail, '$.level') = c.level AND o.failed_at IS NOT NULL"
            " LIMIT 200",
            (to_db(now),),
        )
        outcome = Outcome()
        for row in due:
            outcome.extend(await self._escalate_one(unit, int(row["id"]), early=False))
        for row in undeliverable:
            outcome.extend(await self._escalate_one(unit, int(row["id"]), early=True))
        return outcome

    async def _escalate_one(self, unit: UnitOfWork, concern_id: int, *, early: bool) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            return await self._escalate(tx, unit.now, concern_id, early=early)

        return await unit.run(work)

    async def _all_alerts_failed(self, tx: Tx, concern: ConcernView) -> bool:
        rows = await tx.fetchall(
            "SELECT o.failed_at FROM concern_events e JOIN outbox o"
            " ON o.idem_key = json_extract(e.detail, '$.key') WHERE e.concern_id = ?"
            " AND e.kind = 'alerted' AND json_extract(e.detail, '$.stage') = ?"
            " AND json_extract(e.detail, '$.level') = ?",
            (concern.id, concern.stage, concern.level),
        )
        return bool(rows) and all(r["failed_at"] is not None for r in rows)

    async def _escalate(
        self, tx: Tx, now: datetime, concern_id: int, *, early: bool = False
    ) -> Outcome:
        concern = await load_concern(tx, concern_id)
        if concern is None or concern.status != "open" or concern.ack_deadline is None:
            return Outcome()  # acknowledged meanwhile
        if concern.ack_deadline > now and not (
            early and await self._all_alerts_failed(tx, concern)
        ):
            return Outcome()
        who = await student(tx, concern.student_id)
        if who is None:
            return Outcome()
        already = await self._alerted(tx, concern.id, concern.level)
        recipients: list[Recipient] = []
        stage = concern.stage
        if stage < STAGE_BACKUP:
            backup = await self.reachable(tx, who.backup_coach_id)
            if backup is not None and backup.id not in already:
                recipients, stage = [Recipient(backup, "backup")], STAGE_BACKUP
        if not recipients:
            stage = STAGE_COORDINATOR
            recipients = [
                Recipient(p, "coordinator") for p in await self.coordinators(tx, set(already))
            ]
        if not recipients or concern.stage >= STAGE_COORDINATOR:
            await tx.execute(
                "UPDATE concerns SET ack_deadline = NULL, escalation_stage = ? WHERE id = ?",
                (STAGE_COORDINATOR, concern.id),
            )
            await event(tx, concern.id, now, "escalation_exhausted", level=concern.level)
            log.warning("concern %s: nobody left to escalate to", concern.id)
            return Outcome()
        await event(
            tx,
            concern.id,
            now,
            "escalated",
            stage=stage,
            level=concern.level,
            missed_deadline=to_db(concern.ack_deadline),
            undeliverable=early,
            to=[r.person.id for r in recipients],
        )
        return Outcome(rows=await self._alert(tx, now, concern, who, recipients, stage))


async def withdraw_queued(tx: Tx, now: datetime, concern_id: int, *, closed: bool = False) -> int:
    """The case changed (acknowledged, handed over, closed): alerts — and once it is closed,
    reminders — still waiting for their time would only say something no longer true."""
    kinds = ["alert", "again"] + (["followup", "overdue", "idle"] if closed else [])
    marks = " OR ".join("idem_key LIKE ?" for _ in kinds)
    return await tx.execute(
        "UPDATE outbox SET failed_at = ?, error = 'withdrawn' WHERE sent_at IS NULL"
        f" AND failed_at IS NULL AND ({marks})",
        (to_db(now), *(f"c{concern_id}:{kind}:%" for kind in kinds)),
    )


def _new_crisis_words(added: Sequence[dict[str, Any]], previous: Sequence[dict[str, Any]]) -> bool:
    """A further crisis rings the coach again only with something new: a check-in's crisis rule
    restating the message the crisis protocol has just handled is no new message."""
    known = {s for p in previous for s in p.get("sentences", [])}
    return any(
        r["level"] == "crisis" and (not r.get("sentences") or set(r["sentences"]) - known)
        for r in added
    )


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    keys = ("rule", "session", "sentences", "detail")
    return all(a.get(k) == b.get(k) for k in keys)


def _measure_of(signals: Sequence[Signal]) -> str | None:
    for signal in sorted(signals, key=lambda s: -level_rank(s.level)):
        if signal.history:
            return next(iter(signal.history))
    return None
