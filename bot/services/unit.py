"""The unit of work a use case runs in.

Whatever starts a use case — an update from Telegram (`bot.telegram.handlers.Turn`), a clock
tick, the admin command line — hands it one `UnitOfWork`: the moment it happens (`now`, read
once), the idempotency-key prefix of what it writes, a read-only view of committed data, and
its one way to write (`run`). A use case never gets the database itself, so it cannot open a
transaction the caller does not know of; every outbox row a `run` writes goes to the sender
when that transaction commits (`Database.on_commit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from typing import TypeVar

from bot.storage.db import Database, Reads, Work

T = TypeVar("T")


@dataclass(frozen=True)
class UnitOfWork:
    database: Database  # reached through `reads` and `run` only
    now: datetime
    prefix: str

    def today(self, tz: tzinfo) -> date:
        """The school's date at this unit's moment."""
        return self.now.astimezone(tz).date()

    @property
    def reads(self) -> Reads:
        """Committed data, read without taking the write lock."""
        return self.database

    def key(self, what: object | None = None) -> str:
        """An idempotency key for something this unit writes: running the same unit again
        (after a crash, or Telegram sending an update again) writes nothing twice."""
        return self.prefix if what is None else f"{self.prefix}:{what}"

    async def run(self, work: Work[T]) -> T:
        """`work` in one write transaction; returns once it is durably committed."""
        return await self.database.transaction(work)
