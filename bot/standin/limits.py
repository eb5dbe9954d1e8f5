"""Telegram's flood limits, so the bot's own rate limiting is tested against something real.

Three limits apply to every message send: an overall rate (token bucket), a per private chat
token bucket (Telegram tolerates a short burst, then about one message a second) and a sliding
one-minute window per group. A send is refused as a whole: nothing is consumed unless all three
allow it, so a refused send costs the bot nothing but the wait.

A refusal (429) asks the bot to wait `retry_after` seconds, and the wait is enforced: every
send until then is refused too — a bot that keeps sending to other chats during a flood wait
is counted, as Telegram would punish it.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from typing import Any

GROUP_WINDOW_SECONDS = 60.0


@dataclass
class FloodLimits:
    overall_per_second: float = 30.0
    per_chat_per_second: float = 1.0
    per_chat_burst: int = 3
    per_group_per_minute: int = 20
    enabled: bool = True

    def __post_init__(self) -> None:
        if self.overall_per_second <= 0 or self.per_chat_per_second <= 0:
            raise ValueError("flood rates must be positive")
        if self.per_chat_burst < 1 or self.per_group_per_minute < 1:
            raise ValueError("per_chat_burst and per_group_per_minute must be at least 1")

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FloodLimits:
        known = {field.name for field in fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown flood limit fields: {sorted(unknown)}")
        return cls(**data)


@dataclass
class _Bucket:
    tokens: float
    updated: float

    def refill(self, now: float, rate: float, capacity: float) -> None:
        self.tokens = min(capacity, self.tokens + (now - self.updated) * rate)
        self.updated = now

    def wait(self, rate: float) -> float:
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / rate


class FloodLimiter:
    def __init__(
        self, limits: FloodLimits | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._clock = clock
        self.limits = limits or FloodLimits()
        self._overall = _Bucket(self._overall_capacity, clock())
        self._chats: dict[int, _Bucket] = {}
        self._groups: dict[int, deque[float]] = {}
        self._penalty_until = 0.0

    @property
    def limits(self) -> FloodLimits:
        return self._limits

    @limits.setter
    def limits(self, limits: FloodLimits) -> None:
        # Counters survive a change, so a test can tighten limits in the middle of a burst.
        self._limits = limits

    @property
    def _overall_capacity(self) -> float:
        return max(1.0, self._limits.overall_per_second)

    def reset(self, limits: FloodLimits) -> None:
        self._limits = limits
        self._overall = _Bucket(self._overall_capacity, self._clock())
        self._chats.clear()
        self._groups.clear()
        self._penalty_until = 0.0

    def penalize(self, retry_after: float) -> None:
        """A 429 was answered: every send is refused until its retry_after has passed."""
        if self._limits.enabled:
            self._penalty_until = max(self._penalty_until, self._clock() + retry_after)

    def acquire(self, chat_id: int, *, is_group: bool) -> int | None:
        """Takes one send for the chat and returns None, or returns retry_after seconds."""
        if not self._limits.enabled:
            return None
        now = self._clock()
        if now < self._penalty_until:
            return max(1, math.ceil(self._penalty_until - now))
        limits = self._limits
        self._overall.refill(now, limits.overall_per_second, self._overall_capacity)
        waits = [self._overall.wait(limits.overall_per_second)]
        bucket: _Bucket | None = None
        window: deque[float] | None = None
        if is_group:
            window = self._groups.setdefault(chat_id, deque())
            while window and window[0] <= now - GROUP_WINDOW_SECONDS:
                window.popleft()
            if len(window) >= limits.per_group_per_minute:
                oldest = window[len(window) - limits.per_group_per_minute]
                waits.append(oldest + GROUP_WINDOW_SECONDS - now)
        else:
            bucket = self._chats.setdefault(chat_id, _Bucket(float(limits.per_chat_burst), now))
            bucket.refill(now, limits.per_chat_per_second, float(limits.per_chat_burst))
            waits.append(bucket.wait(limits.per_chat_per_second))
        longest = max(waits)
        if longest > 0:
            retry_after = max(1, math.ceil(longest))
            self.penalize(retry_after)
            return retry_after
        self._overall.tokens -= 1.0
        if bucket is not None:
            bucket.tokens -= 1.0
        if window is not None:
            window.append(now)
        return None
