"""Update processing: concurrent across chats, in order within one chat.

Two quick typed answers from one student must be applied in the order they were written, or
the second could land on the wrong question; different students never wait for each other.

- A chat's updates wait in line for the chat (a FIFO lock) *before* they take one of the
  concurrency slots: a student who sends hundreds of messages holds one slot, not all of them.
- The chat's line is forgotten only when nobody is in it or waiting for it; forgetting it while
  an update still waited let a third update start beside the second (issue 18).
- After an update's handlers ran, `finished` is told (the inbox marks it done).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# PTB's own semaphore is taken before our chat lock could be; ours is taken after it.
_UNLIMITED = 1 << 30


@dataclass
class _Line:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    members: int = 0  # updates running or waiting in this chat's line


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int,
        finished: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(_UNLIMITED)
        self.slots = max_concurrent_updates
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._lines: dict[int, _Line] = {}
        self._finished = finished
        self.in_progress = 0
        self.highest_update_id = 0
        self.processed = 0
        self.changed = asyncio.Event()

    @property
    def chats_waiting(self) -> int:
        return len(self._lines)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self.in_progress += 1
        try:
            if isinstance(update, Update):
                self.highest_update_id = max(self.highest_update_id, update.update_id)
            key = _chat_key(update)
            line = self._lines.setdefault(key, _Line())
            line.members += 1
            try:
                async with line.lock, self._slots:
                    await coroutine
            finally:
                line.members -= 1
                if line.members == 0:
                    del self._lines[key]
            if isinstance(update, Update) and self._finished is not None:
                await self._finished(update.update_id)
        finally:
            self.in_progress -= 1
            self.processed += 1
            self.changed.set()

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


def _chat_key(update: object) -> int:
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
    return 0
