"""Update processing: concurrent across chats, in order within one chat.

Two quick typed answers from one student must be applied in the order they were written, or
the second could land on the wrong question; different students never wait for each other.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(
        self,
        max_concurrent_updates: int,
        is_duplicate: Callable[[int], Awaitable[bool]] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._is_duplicate = is_duplicate
        self.in_progress = 0
        self.highest_update_id = 0
        self.processed = 0
        self.changed = asyncio.Event()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        self.in_progress += 1
        try:
            if isinstance(update, Update):
                self.highest_update_id = max(self.highest_update_id, update.update_id)
                if self._is_duplicate is not None and await self._is_duplicate(update.update_id):
                    if asyncio.iscoroutine(coroutine):
                        coroutine.close()
                    return
            key = _chat_key(update)
            lock = self._locks.setdefault(key, asyncio.Lock())
            async with lock:
                await coroutine
            if not lock.locked():
                self._locks.pop(key, None)
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
