"""Feature modules. Each exposes `register(h: Handlers)`. Who a typed text is for does not
depend on this order: `Handlers.on_typed` asks in `Typed` order, the crisis screen first."""

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
    risk.register,
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
