"""A case's life in one table: what each event does to a concern's status, and from where.

    open ──acknowledge──▶ acknowledged ──contact (reached)──▶ contacted
      │  └─contact (not reached)──▶ acknowledged                  │
      └──────────── a follow-up agreed, from any open status ──▶ followup
    followup ──follow-up held──▶ contacted (the student was reached once) / acknowledged
    any open status ──close──▶ closed;   a higher level or a new crisis ──reopen──▶ open

Every status change of a case goes through `move`, so the rules live here and nowhere else:
an event that does not apply to the case's status (acknowledging a closed case, closing it
twice) changes nothing. The table is a `transitions` state machine, read once into a lookup;
no model object is made per case.
"""

from __future__ import annotations

from datetime import datetime

from transitions import Machine

from bot.clock import to_db
from bot.storage.db import Tx

OPEN, ACKNOWLEDGED, CONTACTED, FOLLOWUP, CLOSED = (
    "open",
    "acknowledged",
    "contacted",
    "followup",
    "closed",
)
STATUSES = (OPEN, ACKNOWLEDGED, CONTACTED, FOLLOWUP, CLOSED)
ACTIVE = [OPEN, ACKNOWLEDGED, CONTACTED, FOLLOWUP]

# the events
ACKNOWLEDGE = "acknowledge"  # "I'll get in touch" on an alert
CONTACT_REACHED = "contact_reached"  # a logged contact that reached the student
CONTACT_NOT_REACHED = "contact_not_reached"  # a logged try that did not
FOLLOWUP_AGREED = "followup_agreed"
FOLLOWUP_HELD_REACHED = "followup_held_reached"  # held; the student has been reached before
FOLLOWUP_HELD_NOT_REACHED = "followup_held_not_reached"  # held; never reached yet
REOPEN = "reopen"  # the level rose, or a crisis came again
CLOSE = "close"

# (event, from, to); to None: the status stays as it is
TRANSITIONS: list[dict[str, object]] = [
    {"trigger": ACKNOWLEDGE, "source": OPEN, "dest": ACKNOWLEDGED},
    {"trigger": CONTACT_REACHED, "source": [OPEN, ACKNOWLEDGED], "dest": CONTACTED},
    {"trigger": CONTACT_REACHED, "source": [CONTACTED, FOLLOWUP], "dest": None},
    {"trigger": CONTACT_NOT_REACHED, "source": OPEN, "dest": ACKNOWLEDGED},
    {"trigger": CONTACT_NOT_REACHED, "source": [ACKNOWLEDGED, CONTACTED, FOLLOWUP], "dest": None},
    {"trigger": FOLLOWUP_AGREED, "source": ACTIVE, "dest": FOLLOWUP},
    {"trigger": FOLLOWUP_HELD_REACHED, "source": FOLLOWUP, "dest": CONTACTED},
    {"trigger": FOLLOWUP_HELD_NOT_REACHED, "source": FOLLOWUP, "dest": ACKNOWLEDGED},
    {"trigger": REOPEN, "source": [ACKNOWLEDGED, CONTACTED, FOLLOWUP], "dest": OPEN},
    {"trigger": REOPEN, "source": OPEN, "dest": None},
    {"trigger": CLOSE, "source": ACTIVE, "dest": CLOSED},
]
EVENTS = tuple(dict.fromkeys(str(t["trigger"]) for t in TRANSITIONS))


def _table() -> dict[tuple[str, str], str]:
    machine = Machine(
        model=None,
        states=list(STATUSES),
        transitions=TRANSITIONS,
        initial=OPEN,
        auto_transitions=False,
    )
    table: dict[tuple[str, str], str] = {}
    for event in EVENTS:
        for status in STATUSES:
            found = machine.get_transitions(event, status)
            if found:
                (transition,) = found  # one way out per event and status
                table[(event, status)] = transition.dest or status
    return table


_NEXT = _table()


def after(status: str, event: str) -> str | None:
    """The status a case in `status` has after `event`; None when the event does not apply."""
    if event not in EVENTS:
        raise ValueError(f"unknown case event {event!r}")
    return _NEXT.get((event, status))


async def move(tx: Tx, concern_id: int, event: str, now: datetime) -> str | None:
    """Apply `event` to the case and return its status after it, or None when the event does
    not apply to the status it has (nothing is written then)."""
    current = await tx.fetchval("SELECT status FROM concerns WHERE id = ?", (concern_id,))
    if current is None:
        return None
    status = after(str(current), event)
    if status is not None and status != current:
        await tx.execute(
            "UPDATE concerns SET status = ?, updated_at = ? WHERE id = ?",
            (status, to_db(now), concern_id),
        )
    return status
