"""Logging a contact on a concern, and closing one.

`record_contact` and `close_concern` are the building blocks the contact-log dialog (the
contact-log feature, flows/yhteydenotto.yaml) calls. Until that dialog is plugged in through
`ContactStep.starter`, the alert's "Kirjaa yhteydenotto" button offers a minimal one-tap step:
how the contact happened, logged for today.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime

from bot.clock import to_db
from bot.services import callbacks
from bot.services.callbacks import Callback, CallbackRefused
from bot.services.concern_text import short_date
from bot.services.concerns import INDEX_CANCEL, ConcernService, event, load_concern
from bot.services.container import Outcome
from bot.services.outbox import Button, OutMessage, enqueue
from bot.services.people import Person, student
from bot.storage.db import Tx

ACTION_CONTACT = "concern-contact"  # the minimal contact log: index = channel, -1 cancel
CONTACT_CHANNELS = ("kasvokkain", "puhelu", "viesti", "wilma")

# (coach, concern id, chat id) -> what starting the contact-log dialog sends.
ContactStarter = Callable[[Person, int, int], Awaitable[Outcome]]


async def record_contact(
    tx: Tx,
    now: datetime,
    concern_id: int,
    *,
    coach_id: int,
    channel: str,
    contacted_on: date,
    participants: Sequence[str] = ("opiskelija",),
    note: str = "",
    reached: bool = True,
) -> int:
    """Log a contact on a concern: the contacts row, the concern's first contact, and the
    event. Logging a contact also acknowledges an unacknowledged concern. For the contact-log
    dialog (issue 6) to call; returns the contact id."""
    concern = await load_concern(tx, concern_id)
    if concern is None:
        raise ValueError(f"no concern {concern_id}")
    contact_id = await tx.execute(
        "INSERT INTO contacts (concern_id, student_id, coach_id, contacted_on, channel,"
        " participants, note, created_at) VALUES (?,?,?,?,?,?,?,?)",
        (
            concern_id,
            concern.student_id,
            coach_id,
            contacted_on.isoformat(),
            channel,
            json.dumps(list(participants)),
            note,
            to_db(now),
        ),
    )
    status = concern.status
    if reached and status in ("open", "acknowledged"):
        status = "contacted"
    elif status == "open":
        status = "acknowledged"
    await tx.execute(
        "UPDATE concerns SET status = ?, ack_deadline = NULL, updated_at = ?,"
        " acknowledged_at = COALESCE(acknowledged_at, ?),"
        " acknowledged_by = COALESCE(acknowledged_by, ?),"
        " first_contact_at = CASE WHEN ? THEN COALESCE(first_contact_at, ?)"
        " ELSE first_contact_at END WHERE id = ?",
        (status, to_db(now), to_db(now), coach_id, int(reached), to_db(now), concern_id),
    )
    await event(
        tx,
        concern_id,
        now,
        "contact_logged",
        actor_id=coach_id,
        contact=contact_id,
        channel=channel,
        reached=reached,
    )
    return contact_id


async def close_concern(
    tx: Tx, now: datetime, concern_id: int, *, reason: str, closed_by: int | None
) -> None:
    """Close with an explicit reason ("closed" is never "contacted")."""
    await tx.execute(
        "UPDATE concerns SET status = 'closed', closed_at = ?, closed_by = ?, closure_reason = ?,"
        " ack_deadline = NULL, updated_at = ? WHERE id = ? AND status != 'closed'",
        (to_db(now), closed_by, reason, to_db(now), concern_id),
    )
    await event(tx, concern_id, now, "closed", actor_id=closed_by, reason=reason)


class ContactStep:
    def __init__(self, concerns: ConcernService) -> None:
        self.concerns = concerns
        self.svc = concerns.svc
        # The contact-log feature sets this to start its dialog from the alert's button.
        self.starter: ContactStarter | None = None

    async def prompt(self, person: Person, concern_id: int, chat_id: int) -> Outcome:
        if self.starter is not None:

            async def check(tx: Tx) -> None:
                await self.concerns.check_allowed(tx, person, await load_concern(tx, concern_id))

            await self.svc.db.transaction(check)
            return await self.starter(person, concern_id, chat_id)

        async def work(tx: Tx) -> Outcome:
            now = self.svc.clock.now()
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            who = await student(tx, concern.student_id)
            assert who is not None and person.tg_user_id is not None
            token = await callbacks.issue(
                tx, now, person.tg_user_id, ACTION_CONTACT, {"concern": concern.id}
            )
            tr, lang = self.svc.tr, person.language
            buttons = [
                [Button(tr.plain(lang, "risk-contact-channel", c), callbacks.button_data(token, i))]
                for i, c in enumerate(CONTACT_CHANNELS)
            ]
            buttons.append(
                [
                    Button(
                        tr.plain(lang, "risk-button-cancel"),
                        callbacks.button_data(token, INDEX_CANCEL),
                    )
                ]
            )
            text = tr.html(lang, "risk-contact-ask", student=who.person.display_name)
            row = await enqueue(
                tx,
                f"c{concern.id}:contact-ask:{token}",
                OutMessage(chat_id, text, buttons=buttons),
                now=now,
                person_id=person.id,
            )
            return Outcome(rows=[row] if row else [])

        return await self.svc.db.transaction(work)

    async def choose(
        self, person: Person, callback: Callback, index: int, chat_id: int, message_id: int
    ) -> Outcome:
        concern_id = int(callback.payload["concern"])

        async def work(tx: Tx) -> Outcome:
            now = self.svc.clock.now()
            concern = await self.concerns.check_allowed(
                tx, person, await load_concern(tx, concern_id)
            )
            tr, lang = self.svc.tr, person.language
            if callback.used:
                return Outcome(toast=tr.plain(lang, "checkin-already-answered"))
            await tx.execute(
                "UPDATE callbacks SET used_at = ? WHERE token = ?", (to_db(now), callback.token)
            )
            if index == INDEX_CANCEL:
                text = tr.html(lang, "risk-contact-cancelled")
            elif 0 <= index < len(CONTACT_CHANNELS):
                channel = CONTACT_CHANNELS[index]
                today = self.svc.today()
                await record_contact(
                    tx, now, concern.id, coach_id=person.id, channel=channel, contacted_on=today
                )
                how = tr.plain(lang, "risk-contact-channel", channel)
                text = tr.html(lang, "risk-contact-logged", how=how, date=short_date(today))
            else:
                raise CallbackRefused("callback-invalid", hostile=True)
            row = await enqueue(
                tx,
                f"c{concern.id}:contact-done:{callback.token}",
                OutMessage(chat_id, text, op="edit", message_id=message_id),
                now=now,
                person_id=person.id,
            )
            return Outcome(rows=[row] if row else [])

        return await self.svc.db.transaction(work)
