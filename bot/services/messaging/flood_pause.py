"""Telegram's flood control penalty, kept across restarts: a bot restarted during a 429's
retry_after must not send into it (issue 17.4)."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.clock import from_db, to_db
from bot.services.unit import UnitOfWork
from bot.storage.db import Database, Tx

SCOPE_ALL = "all"


async def save(unit: UnitOfWork, seconds: float) -> None:
    now = unit.now
    until = to_db(now + timedelta(seconds=seconds))

    async def work(tx: Tx) -> None:
        await tx.execute(
            "INSERT INTO flood_pauses (scope, until) VALUES (?, ?)"
            " ON CONFLICT(scope) DO UPDATE SET until = MAX(until, excluded.until)",
            (SCOPE_ALL, until),
        )

    await unit.run(work)


async def remaining(db: Database, now: datetime) -> float:
    """Seconds of the penalty still to wait (0 when none)."""
    until = await db.fetchval("SELECT until FROM flood_pauses WHERE scope = ?", (SCOPE_ALL,))
    if until is None:
        return 0.0
    return max(0.0, (from_db(until) - now).total_seconds())
