"""Injected failures: the next calls of a method fail or stall, as Telegram sometimes does."""

from __future__ import annotations

from collections import deque
from dataclasses import asdict, dataclass
from http import HTTPStatus
from typing import Any

from bot.standin.errors import ApiError, too_many_requests

# 200 means "succeed, but only after hang_seconds": the send happens at once and only the
# answer is late, which is how a real timeout can still deliver a message. 401 is a token
# Telegram no longer accepts (revoked), or a self-hosted Bot API server not yet logged in.
SUPPORTED_STATUSES = frozenset({200, 401, 429, 500, 502, 503, 504})


@dataclass
class Fault:
    method: str
    status: int
    remaining: int
    hang_seconds: float
    retry_after: int = 1  # for 429

    def error(self) -> ApiError | None:
        if self.status == 200:
            return None
        if self.status == 429:
            return too_many_requests(self.retry_after)
        return ApiError(self.status, HTTPStatus(self.status).phrase)


class FaultInjector:
    def __init__(self) -> None:
        self._faults: dict[str, deque[Fault]] = {}

    def add(
        self, method: str, *, status: int, count: int, hang_seconds: float, retry_after: int = 1
    ) -> None:
        if status not in SUPPORTED_STATUSES:
            raise ValueError(f"status must be one of {sorted(SUPPORTED_STATUSES)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        if hang_seconds < 0:
            raise ValueError("hang_seconds must not be negative")
        if status == 200 and hang_seconds == 0:
            raise ValueError("status 200 is a delay and needs hang_seconds > 0")
        if retry_after < 1:
            raise ValueError("retry_after must be at least 1")
        fault = Fault(method, status, count, hang_seconds, retry_after)
        self._faults.setdefault(method.lower(), deque()).append(fault)

    def take(self, method: str) -> Fault | None:
        """The fault for this call, if one is armed; each call uses up one."""
        queue = self._faults.get(method.lower())
        if not queue:
            return None
        fault = queue[0]
        fault.remaining -= 1
        if fault.remaining == 0:
            queue.popleft()
        return fault

    def clear(self) -> None:
        self._faults.clear()

    def pending(self) -> list[dict[str, Any]]:
        return [asdict(fault) for queue in self._faults.values() for fault in queue]
