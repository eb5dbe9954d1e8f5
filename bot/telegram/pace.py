"""One person cannot stall the bot for everyone (issue 18.7).

Each person's updates go through a token bucket: a burst of `BURST` (a student answering a
check-in quickly, or typing in several short messages), then one every `1 / RATE` seconds.
Beyond that, an update is not handled:

- The person hears once (per `NOTICE_EVERY`) a kind message to slow down — with the crisis
  numbers, since someone typing fast may be in distress. Sent directly: nothing is stored.
- A text over the limit is still read for a crisis (its first `SCREEN_CHARS` characters): if
  it is one, or might be, it is handled like any other message. Safety before fairness.
- Everything else over the limit is dropped: not stored, not answered.

Together with the per-chat line in processing.py (a flood holds one concurrency slot) and the
cap on a text's length before analysis (handlers.MAX_TEXT), a flood costs the others little.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from bot.risk.reading import read
from bot.services import people

if TYPE_CHECKING:
    from bot.telegram.runtime import Runtime

log = logging.getLogger(__name__)
BURST = 20
RATE = 0.5  # updates a second, once the burst is used
NOTICE_EVERY = 600.0  # seconds between two "slow down" notices to one person
SCREEN_CHARS = 500
_FORGET_AFTER = 3600.0


@dataclass
class _Allowance:
    tokens: float
    updated: float
    noticed: float = -NOTICE_EVERY


class UserPace:
    def __init__(self, rt: Runtime, *, burst: int = BURST, rate: float = RATE) -> None:
        self.rt = rt
        self.burst = float(burst)
        self.rate = rate
        self._people: dict[int, _Allowance] = {}
        self._forgot_at = time.monotonic()
        self.dropped = 0

    def admit(self, user_id: int) -> bool:
        now = time.monotonic()
        allowance = self._people.get(user_id)
        if allowance is None:
            allowance = self._people[user_id] = _Allowance(self.burst, now)
        allowance.tokens = min(self.burst, allowance.tokens + (now - allowance.updated) * self.rate)
        allowance.updated = now
        self._forget_idle(now)
        if allowance.tokens >= 1.0:
            allowance.tokens -= 1.0
            return True
        return False

    def _forget_idle(self, now: float) -> None:
        if now - self._forgot_at < _FORGET_AFTER:
            return
        self._forgot_at = now
        full_after = self.burst / self.rate
        self._people = {
            u: a
            for u, a in self._people.items()
            if now - a.updated < full_after or now - a.noticed < NOTICE_EVERY
        }

    async def guard(self, update: object, _context: ContextTypes.DEFAULT_TYPE) -> None:
        """First of all handlers (group -1): lets an update on, or stops it here."""
        if not isinstance(update, Update):
            return
        user = update.effective_user
        if user is None or user.is_bot:
            return
        if update.message is None and update.callback_query is None:
            return  # membership, polls: not something a person can flood with
        if self.admit(user.id):
            return
        message = update.message
        words = message.text or message.caption if message is not None else None
        if words and await _might_be_crisis(words):
            return  # over the limit, but possibly a crisis (typed or a caption): handled
        self.dropped += 1
        if update.callback_query is not None:
            with contextlib.suppress(TelegramError):
                await update.callback_query.answer()
        chat = update.effective_chat
        if chat is not None and chat.type == ChatType.PRIVATE and chat.id == user.id:
            await self._notice(user.id, user.language_code)
        raise ApplicationHandlerStop

    async def _notice(self, user_id: int, language_code: str | None) -> None:
        allowance = self._people[user_id]
        now = time.monotonic()
        if now - allowance.noticed < NOTICE_EVERY:
            return
        allowance.noticed = now
        log.info("a person sends faster than the bot answers; told to slow down")
        lang = await people.language_for(self.rt.db, user_id, language_code)
        text = self.rt.svc.tr.html(lang, "rate-limited")
        try:
            await self.rt.app.bot.send_message(user_id, text, parse_mode="HTML")
        except TelegramError as exc:
            log.info("could not tell a person to slow down: %s", exc)


async def _might_be_crisis(text: str) -> bool:
    return await asyncio.to_thread(_read, text[:SCREEN_CHARS])


def _read(head: str) -> bool:
    return read(head).crisis != "no"
