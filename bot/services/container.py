"""What every use case needs, built once at start-up."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.clock import Clock
from bot.config import Settings
from bot.engine.runner import Engine
from bot.i18n import Translator
from bot.services.flows import FlowRegistry
from bot.services.messaging.outbox import OutboxRow
from bot.services.unit import UnitOfWork
from bot.storage.db import Database, Tx

# Runs in the transaction that records a message Telegram will not deliver (the row's id and
# idempotency key, now); returns what must go out instead (e.g. the alert to the backup).
FailureHook = Callable[[Tx, int, str, datetime], Awaitable[list[OutboxRow]]]


@dataclass
class Outcome:
    """What a use case committed: outbox rows to deliver now, and a short toast for a press."""

    rows: list[OutboxRow] = field(default_factory=list)
    toast: str | None = None

    @classmethod
    def of(cls, row: OutboxRow | None) -> Outcome:
        """The outcome of one `enqueue` (None when its key was already used)."""
        return cls(rows=[] if row is None else [row])

    def extend(self, other: Outcome) -> Outcome:
        self.rows += other.rows
        self.toast = other.toast or self.toast
        return self


@dataclass
class Services:
    settings: Settings
    db: Database
    clock: Clock
    tr: Translator
    flows: FlowRegistry
    engine: Engine = field(default_factory=Engine)
    on_undeliverable: list[FailureHook] = field(default_factory=list)

    def unit(self, prefix: str) -> UnitOfWork:
        """A unit of work for something the bot starts itself (a clock tick, a command-line
        run), at this moment; `prefix` keys what it writes."""
        return UnitOfWork(self.db, self.clock.now(), prefix)

    def today(self) -> date:
        return self.clock.now().astimezone(self.settings.tz).date()
