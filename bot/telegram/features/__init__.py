"""Feature modules. Each exposes `register(h: Handlers)`; the order here is the order their
text filters run in (crisis detection must come first once it exists)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot.telegram.features import basics, checkin

if TYPE_CHECKING:
    from bot.telegram.handlers import Handlers

FEATURES: list[Callable[[Handlers], None]] = [
    basics.register,
    checkin.register,
]
