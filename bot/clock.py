"""Time source. Everything that asks "what time is it" takes a Clock, so tests move time by hand."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._sleepers: list[tuple[datetime, asyncio.Future[None]]] = []

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        self._wake()
        return self._now

    def set(self, when: datetime) -> None:
        self._now = when.astimezone(UTC)
        self._wake()

    async def reached(self, when: datetime) -> None:
        """Returns once the clock has been moved to `when` or past it."""
        if self._now >= when:
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._sleepers.append((when, future))
        try:
            await future
        finally:
            self._sleepers = [(w, f) for w, f in self._sleepers if f is not future]

    def _wake(self) -> None:
        for when, future in self._sleepers:
            if when <= self._now and not future.done():
                future.set_result(None)


async def sleep_until(clock: Clock, when: datetime) -> None:
    """Wait until `clock` shows `when`: real seconds for a real clock; for a FakeClock, until a
    test moves it there (so work scheduled "in 2 s" runs when the test's time says so)."""
    if isinstance(clock, FakeClock):
        await clock.reached(when)
        return
    seconds = (when - clock.now()).total_seconds()
    if seconds > 0:
        await asyncio.sleep(seconds)


def to_db(when: datetime) -> str:
    """UTC ISO string; the only format times are stored in."""
    return when.astimezone(UTC).isoformat(timespec="seconds")


def from_db(text: str) -> datetime:
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
