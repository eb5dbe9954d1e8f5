"""Feature modules. Each exposes `register(h: Handlers)`; the order here is the order their
text filters run in (crisis detection must come first once it exists)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.telegram.features import (
    admin,
    basics,
    checkin,
    coach,
    contacts,
    enrolment,
    peer,
    privacy,
    reports,
    risk,
    schedule,
)

if TYPE_CHECKING:
    from bot.telegram.handlers import Handlers

FEATURES: list[Callable[[Handlers], None]] = [
    risk.register,  # first: a crisis message is answered before anything else
    basics.register,
    checkin.register,
    schedule.register,
    enrolment.register,
    privacy.register,
    coach.register,
    contacts.register,
    admin.register,
    reports.register,
    peer.register,
]
