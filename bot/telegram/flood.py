"""Telegram's flood control, across the board (issue 17.4).

Every Bot API call that puts something in a chat goes through `FloodControl`:

- Overall: a token bucket at the configured rate (RATE_LIMIT_PER_SECOND, Telegram's ~30/s),
  with a burst of a tenth of a second's worth — a whole second's worth at once is refused.
- Per private chat: about one message a second with a short burst (Telegram tolerates a few
  at once, then ~1/s). Paced slightly below Telegram's rate so network jitter cannot make two
  sends land closer than allowed. Edits count overall, not per chat.
- Per group: at most 20 a minute (a sliding window, with a second's margin).
- A 429 pauses *every* send until its retry_after has passed — not only the chat that got it
  (PTB's AIORateLimiter let the next finished request clear the pause). The penalty is saved
  (`on_penalty`), so a restarted bot waits out the rest (`pause`). The refused call is tried
  again after the pause, up to `max_retries` times; then the sender's own retry takes over.

Waiting happens here, before the call; the sender keeps its own structure (order per chat,
priorities) above it. The overall budget is handed out in a line, not to whichever waiting call
wakes first: by the row's priority (the sender passes the outbox priority as
`rate_limit_args`: a crisis reply, then the next question, then alerts, then a round), and in
arrival order within a priority. Without the line, a student's next question waited behind a
round's sends by chance — seconds at the p90 (bench "busy Monday"). A call that waits for its
own chat's or group's limit does not hold a place in the line meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

# Calls that put a message in a chat (counted overall, per chat and per group) …
SENDS = frozenset({"sendMessage", "sendPhoto", "sendDocument", "sendPoll", "copyMessage"})
# … and calls that change one (counted overall).
CHANGES = frozenset(
    {"editMessageText", "editMessageReplyMarkup", "editMessageCaption", "deleteMessage", "stopPoll"}
)
PER_CHAT_MARGIN = 0.9  # of Telegram's per-chat rate
GROUP_WINDOW_SECONDS = 61.0  # Telegram's minute, and a second for jitter
_FORGET_CHATS_AFTER = 600.0
DEFAULT_PRIORITY = 2  # a call the sender did not rank (outbox.PRIORITY_INTERACTIVE)
_LOOK_AGAIN_SECONDS = 0.1


@dataclass
class _Bucket:
    tokens: float
    updated: float

    def refill(self, now: float, rate: float, capacity: float) -> None:
        self.tokens = min(capacity, self.tokens + (now - self.updated) * rate)
        self.updated = now

    def wait(self, rate: float) -> float:
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / rate


class FloodControl(BaseRateLimiter[int]):
    def __init__(
        self,
        *,
        overall_per_second: float,
        per_chat_per_second: float | None = 1.0,
        per_chat_burst: int = 3,
        group_per_minute: int = 20,
        max_retries: int = 3,
        on_penalty: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.overall_rate = overall_per_second
        self.overall_burst = max(1.0, overall_per_second / 10)
        self.chat_rate = per_chat_per_second * PER_CHAT_MARGIN if per_chat_per_second else None
        self.chat_burst = float(per_chat_burst)
        self.group_per_minute = group_per_minute
        self.max_retries = max_retries
        self.on_penalty = on_penalty
        now = time.monotonic()
        self._overall = _Bucket(self.overall_burst, now)
        self._chats: dict[int, _Bucket] = {}
        self._groups: dict[int, deque[float]] = {}
        self._paused_until = 0.0
        self._forgot_at = now
        self.penalties = 0  # 429s seen
        # Calls ready to go but for the overall budget: (priority, arrival), smallest first.
        self._line: list[tuple[int, int]] = []
        self._arrivals = itertools.count()
        # The calls in the line that sleep until they are first, by place.
        self._waiting: dict[tuple[int, int], asyncio.Future[None]] = {}

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def pause(self, seconds: float) -> None:
        """No send until `seconds` from now (a 429, or one saved before a restart)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)

    @property
    def paused_for(self) -> float:
        return max(0.0, self._paused_until - time.monotonic())

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if endpoint not in SENDS and endpoint not in CHANGES:
            return await callback(*args, **kwargs)
        chat_id = _chat_id(data.get("chat_id"))
        priority = DEFAULT_PRIORITY if rate_limit_args is None else rate_limit_args
        retries = self.max_retries
        for attempt in range(retries + 1):
            await self._turn(endpoint in SENDS, chat_id, priority)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = _seconds(exc.retry_after)
                self.penalties += 1
                self.pause(seconds)
                if self.on_penalty is not None:
                    with contextlib.suppress(Exception):  # pausing matters more than saving
                        await self.on_penalty(seconds)
                if attempt == retries:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    async def _turn(self, send: bool, chat_id: int | None, priority: int) -> None:
        """Wait until this call may go, then take its share of every limit that applies."""
        place: tuple[int, int] | None = None
        try:
            while True:
                now = time.monotonic()
                own = [self._paused_until - now]
                chat: _Bucket | None = None
                window: deque[float] | None = None
                if send and chat_id is not None and chat_id < 0:
                    window = self._groups.setdefault(chat_id, deque())
                    while window and window[0] <= now - GROUP_WINDOW_SECONDS:
                        window.popleft()
                    if len(window) >= self.group_per_minute:
                        oldest = window[len(window) - self.group_per_minute]
                        own.append(oldest + GROUP_WINDOW_SECONDS - now)
                elif send and chat_id is not None and self.chat_rate:
                    chat = self._chats.setdefault(chat_id, _Bucket(self.chat_burst, now))
                    chat.refill(now, self.chat_rate, self.chat_burst)
                    own.append(chat.wait(self.chat_rate))
                if max(own) > 0:  # its chat, its group or a 429 holds it: not in the line
                    self._leave(place)
                    place = None
                    await asyncio.sleep(max(own))
                    continue
                if place is None:
                    place = (priority, next(self._arrivals))
                    heapq.heappush(self._line, place)
                self._overall.refill(now, self.overall_rate, self.overall_burst)
                wait = self._overall.wait(self.overall_rate)
                first = self._line[0] == place
                if wait <= 0 and first:
                    heapq.heappop(self._line)
                    place = None
                    self._overall.tokens -= 1.0
                    if chat is not None:
                        chat.tokens -= 1.0
                    if window is not None:
                        window.append(now)
                    self._forget_idle(now)
                    self._wake_first()
                    return
                if first:
                    await asyncio.sleep(wait)  # the next token
                else:
                    await self._wait_to_be_first(place)
        finally:
            self._leave(place)

    async def _wait_to_be_first(self, place: tuple[int, int]) -> None:
        """Sleep until the call ahead in the line goes or leaves it. (Every waiting call
        looking again every quarter of a token cost a tenth of the bot's CPU at 1,000 msg/s;
        the timer only guards against a wake-up this code failed to give.)"""
        loop = asyncio.get_running_loop()
        woken: asyncio.Future[None] = loop.create_future()
        self._waiting[place] = woken
        guard = loop.call_later(_LOOK_AGAIN_SECONDS, _release, woken)
        try:
            await woken
        finally:
            guard.cancel()
            self._waiting.pop(place, None)

    def _wake_first(self) -> None:
        if self._line:
            woken = self._waiting.get(self._line[0])
            if woken is not None:
                _release(woken)

    def _leave(self, place: tuple[int, int] | None) -> None:
        if place is not None and place in self._line:
            was_first = self._line[0] == place
            self._line.remove(place)
            heapq.heapify(self._line)
            if was_first:
                self._wake_first()

    def _forget_idle(self, now: float) -> None:
        """Buckets of chats quiet for long are full again: drop them (bounded memory)."""
        if now - self._forgot_at < _FORGET_CHATS_AFTER:
            return
        self._forgot_at = now
        self._chats = {c: b for c, b in self._chats.items() if now - b.updated < 60}
        self._groups = {g: w for g, w in self._groups.items() if w and now - w[-1] < 61}


def _release(woken: asyncio.Future[None]) -> None:
    if not woken.done():
        woken.set_result(None)


def _chat_id(value: object) -> int | None:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError):
        return None  # "@channel" names: counted overall only


def _seconds(value: object) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, int | float) else 1.0
