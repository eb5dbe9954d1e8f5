"""What a user's next typed message is for (a pause date, a group name, a pasted roster).

One pending input per user, stored with an expiry so a message typed much later is never
mistaken for an answer to an old prompt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import to_db
from bot.services.messaging.callbacks import Callback, CallbackRefused
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

DEFAULT_TTL = timedelta(minutes=30)


@dataclass(frozen=True)
class PendingInput:
    kind: str
    payload: dict[str, Any]


async def expect(
    tx: Tx,
    now: datetime,
    tg_user_id: int,
    kind: str,
    payload: dict[str, Any] | None = None,
    ttl: timedelta = DEFAULT_TTL,
) -> None:
    await tx.execute(
        "INSERT INTO pending_inputs (tg_user_id, kind, payload, created_at, expires_at)"
        " VALUES (?,?,?,?,?) ON CONFLICT(tg_user_id) DO UPDATE SET kind = excluded.kind,"
        " payload = excluded.payload, created_at = excluded.created_at,"
        " expires_at = excluded.expires_at",
        (
            tg_user_id,
            kind,
            json.dumps(payload or {}, ensure_ascii=False),
            to_db(now),
            to_db(now + ttl),
        ),
    )


async def pending(db: Reads, now: datetime, tg_user_id: int) -> PendingInput | None:
    row = await db.fetchone(
        "SELECT kind, payload FROM pending_inputs WHERE tg_user_id = ? AND expires_at > ?",
        (tg_user_id, to_db(now)),
    )
    return None if row is None else PendingInput(row["kind"], json.loads(row["payload"]))


async def clear(tx: Tx, tg_user_id: int, kind_prefix: str = "") -> None:
    await tx.execute(
        "DELETE FROM pending_inputs WHERE tg_user_id = ? AND kind LIKE ?",
        (tg_user_id, kind_prefix + "%"),
    )


async def purge_expired(tx: Tx, now: datetime) -> int:
    return await tx.execute("DELETE FROM pending_inputs WHERE expires_at <= ?", (to_db(now),))


async def consume(unit: UnitOfWork, callback: Callback) -> None:
    """Mark a single-use button used; a replay of it is refused (and, being hostile or a
    double tap, audited by the switchboard) instead of doing the thing twice."""
    now = unit.now

    async def work(tx: Tx) -> int:
        return await tx.execute(
            "UPDATE callbacks SET used_at = ? WHERE token = ? AND used_at IS NULL",
            (to_db(now), callback.token),
        )

    if not await unit.run(work):
        raise CallbackRefused("callback-used", hostile=True)
