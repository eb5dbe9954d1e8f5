"""The inbox: what people send is stored before Telegram is told it arrived.

Telegram keeps an update until the bot confirms it (the next getUpdates offset, or a webhook's
200). Confirming first and handling later loses the update — a crisis message too — if the bot
dies in between. So every update is committed here first, confirmed second, handled third and
marked done last. An update found not done (the bot died while handling it) is handled again;
a repeated delivery of an update already stored is recognised by its id and dropped.

What a person wrote stays here only while it waits: marking it done erases the payload. Plain
data and SQL; the Telegram side turns updates into `Received` and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import to_db
from bot.storage.db import Database, Tx

KEEP_IDS_FOR = timedelta(days=14)  # longer than Telegram keeps an unconfirmed update (24 h)


@dataclass(frozen=True)
class Received:
    update_id: int
    chat_id: int | None
    user_id: int | None
    payload: str  # the update as JSON


async def receive(db: Database, now: datetime, updates: list[Received]) -> set[int]:
    """Store updates in one durable commit; returns the ids that were new (the rest were
    delivered before and are either done or still being handled)."""
    if not updates:
        return set()
    stamp = to_db(now)

    async def work(tx: Tx) -> set[int]:
        new: set[int] = set()
        for update in updates:
            await tx.execute(
                "INSERT INTO inbox (update_id, chat_id, user_id, payload, received_at)"
                " VALUES (?,?,?,?,?) ON CONFLICT(update_id) DO NOTHING",
                (update.update_id, update.chat_id, update.user_id, update.payload, stamp),
            )
            if await tx.fetchval("SELECT changes()") == 1:
                new.add(update.update_id)
        return new

    return await db.transaction(work)


async def finish(db: Database, now: datetime, update_ids: list[int]) -> None:
    """Handled: done, and neither what the person wrote nor who they are is kept here (the
    bare id stays, to recognise a repeated delivery)."""
    if not update_ids:
        return
    stamp = to_db(now)
    await db.transaction(
        lambda tx: tx.executemany(
            "UPDATE inbox SET done_at = ?, payload = NULL, chat_id = NULL, user_id = NULL"
            " WHERE update_id = ? AND done_at IS NULL",
            [(stamp, update_id) for update_id in update_ids],
        )
    )


async def waiting(db: Database, *, received_before: datetime | None = None) -> list[Received]:
    """Updates stored but not done, oldest first (a chat's order is the order of its ids)."""
    sql = "SELECT update_id, chat_id, user_id, payload FROM inbox WHERE done_at IS NULL"
    params: tuple[str, ...] = ()
    if received_before is not None:
        sql += " AND received_at < ?"
        params = (to_db(received_before),)
    rows = await db.fetchall(sql + " ORDER BY update_id", params)
    return [Received(r["update_id"], r["chat_id"], r["user_id"], r["payload"]) for r in rows]


async def purge(tx: Tx, now: datetime) -> None:
    await tx.execute(
        "DELETE FROM inbox WHERE done_at IS NOT NULL AND done_at < ?",
        (to_db(now - KEEP_IDS_FOR),),
    )
