"""The bot's update queue, the log of what the bot did, and the signal that wakes waiters."""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import Callable
from typing import Any

from bot.standin.model import JSON

# Update types Telegram leaves out unless allowed_updates asks for them.
_NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
MAX_EVENTS = 50_000


class Signal:
    """Wakes every waiter on any change; each waiter re-checks its own condition."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def notify(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    async def wait_until(self, condition: Callable[[], bool], timeout: float) -> bool:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not condition():
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a cancel that
            # arrives together with the event, and the caller would never stop.
            try:
                async with asyncio.timeout(remaining):
                    await self._event.wait()
            except TimeoutError:
                return condition()
        return True


class UpdateQueue:
    """Updates waiting for the bot, with Telegram's confirmation-by-offset semantics."""

    def __init__(self) -> None:
        self._pending: deque[JSON] = deque()
        self.last_update_id = 0
        self.confirmed_update_id = 0
        self.allowed_updates: list[str] = []  # empty: Telegram's default set

    def allows(self, kind: str) -> bool:
        if not self.allowed_updates:
            return kind not in _NOT_BY_DEFAULT
        return kind in self.allowed_updates

    def push(self, kind: str, payload: JSON) -> int | None:
        # Like Telegram, updates the bot did not ask for are never stored at all.
        if not self.allows(kind):
            return None
        self.last_update_id += 1
        self._pending.append({"update_id": self.last_update_id, kind: payload})
        return self.last_update_id

    @property
    def pending_count(self) -> int:
        return len(self._pending)

    def first(self) -> JSON | None:
        return self._pending[0] if self._pending else None

    def peek(self, limit: int) -> list[JSON]:
        return list(itertools.islice(self._pending, limit))

    def confirm(self, offset: int) -> None:
        """offset > 0 confirms every update below it; offset < 0 keeps only the last -offset."""
        if offset > 0:
            while self._pending and self._pending[0]["update_id"] < offset:
                self._drop_first()
        elif offset < 0:
            while len(self._pending) > -offset:
                self._drop_first()

    def acknowledge_first(self) -> None:
        if self._pending:
            self._drop_first()

    def drop_pending(self) -> None:
        while self._pending:
            self._drop_first()

    def _drop_first(self) -> None:
        update = self._pending.popleft()
        self.confirmed_update_id = max(self.confirmed_update_id, update["update_id"])


class EventLog:
    """What the bot did (send, edit, delete, answer, stop_poll), numbered by a global seq."""

    def __init__(self) -> None:
        self.seq = 0
        self._events: deque[JSON] = deque(maxlen=MAX_EVENTS)

    def record(self, kind: str, chat_id: int, **details: Any) -> None:
        self.seq += 1
        self._events.append({"seq": self.seq, "kind": kind, "chat_id": chat_id, **details})

    def after(self, seq: int, chat_id: int | None) -> list[JSON]:
        found: list[JSON] = []
        for event in reversed(self._events):
            if event["seq"] <= seq:
                break
            if chat_id is None or event["chat_id"] == chat_id:
                found.append(event)
        found.reverse()
        return found

    def clear(self) -> None:
        self._events.clear()
