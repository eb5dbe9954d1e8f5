"""Logging a contact on a concern, and closing one: the two state changes the contact-log
dialog (bot/services/cases/contact_log.py, flows/yhteydenotto.yaml) makes."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from datetime import date, datetime

from bot.clock import to_db
from bot.services.cases.concerns import event, load_concern, withdraw_queued
from bot.services.cases.lifecycle import (
    CLOSE,
    CLOSED,
    CONTACT_NOT_REACHED,
    CONTACT_REACHED,
    move,
)
from bot.services.container import Outcome
from bot.services.people import Person
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
    event. Logging a contact also acknowledges an unacknowledged concern. Returns its id."""
    concern = await load_concern(tx, concern_id)
    if concern is None:
        raise ValueError(f"no concern {concern_id}")
    contact_id = await tx.execute(
        "INSERT INTO contacts (concern_id, student_id, coach_id, contacted_on, channel,"
        " participants, note, reached, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            concern_id,
            concern.student_id,
            coach_id,
            contacted_on.isoformat(),
            channel,
            json.dumps(list(participants)),
            note,
            int(reached),
            to_db(now),
        ),
    )
    await move(tx, concern_id, CONTACT_REACHED if reached else CONTACT_NOT_REACHED, now)
    await tx.execute(
        "UPDATE concerns SET ack_deadline = NULL, updated_at = ?,"
        " acknowledged_at = COALESCE(acknowledged_at, ?),"
        " acknowledged_by = COALESCE(acknowledged_by, ?),"
        " first_contact_at = CASE WHEN ? THEN COALESCE(first_contact_at, ?)"
        " ELSE first_contact_at END WHERE id = ?",
        (to_db(now), to_db(now), coach_id, int(reached), to_db(now), concern_id),
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
    if await move(tx, concern_id, CLOSE, now) == CLOSED:
        await tx.execute(
            "UPDATE concerns SET closed_at = ?, closed_by = ?, closure_reason = ?,"
            " ack_deadline = NULL WHERE id = ?",
            (to_db(now), closed_by, reason, concern_id),
        )
    await event(tx, concern_id, now, "closed", actor_id=closed_by, reason=reason)
    await withdraw_queued(tx, now, concern_id, closed=True)
