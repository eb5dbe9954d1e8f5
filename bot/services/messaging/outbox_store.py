"""The outbox's rows in the database: every statement the sender and the adapters need to find
what is due and to record what became of it. `outbox.enqueue` writes the rows; this module reads
them and marks them sent, deferred, failed or moved. No Telegram here: the sender
(bot/telegram/sender.py) decides when, and calls these."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from bot.clock import from_db, to_db
from bot.services.messaging.outbox import OutboxRow
from bot.storage.db import Reads, Tx

MAX_ERROR = 300  # characters of an error kept on its row


# -- what is due ----------------------------------------------------------------------------


async def retrying_rows(db: Reads, now: datetime) -> list[sqlite3.Row]:
    """Rows that failed once and wait for a retry later than `now` (id, chat_id, idem_key),
    oldest first: each holds back the later rows of its chat and stream."""
    return await db.fetchall(
        "SELECT id, chat_id, idem_key FROM outbox WHERE sent_at IS NULL"
        " AND failed_at IS NULL AND attempts > 0 AND not_before > ? ORDER BY id",
        (to_db(now),),
    )


async def due_rows(db: Reads, now: datetime, limit: int) -> list[sqlite3.Row]:
    """Unsent rows due at `now` (id, chat_id, priority, payload, person_id, idem_key), most
    urgent first, then in creation order."""
    return await db.fetchall(
        "SELECT id, chat_id, priority, payload, person_id, idem_key, after_id, after_until"
        " FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL AND not_before <= ?"
        " ORDER BY priority, id LIMIT ?",
        (to_db(now), limit),
    )


async def next_due_at(db: Reads, now: datetime) -> datetime | None:
    """When the earliest unsent row that waits for a time after `now` falls due."""
    later = await db.fetchval(
        "SELECT MIN(not_before) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
        " AND not_before > ?",
        (to_db(now),),
    )
    return None if later is None else from_db(later)


async def retry_state(db: Reads, row_id: int) -> tuple[int, datetime] | None:
    """(attempts so far, created at) of a row; None if it is gone (erased meanwhile)."""
    found = await db.fetchone("SELECT attempts, created_at FROM outbox WHERE id = ?", (row_id,))
    if found is None:
        return None
    return int(found["attempts"]), from_db(found["created_at"])


async def idem_key(db: Reads, row_id: int) -> str | None:
    """A row's idempotency key."""
    key = await db.fetchval("SELECT idem_key FROM outbox WHERE id = ?", (row_id,))
    return None if key is None else str(key)


async def key_of_message(db: Reads, chat_id: int, message_id: int) -> str | None:
    """The idempotency key of the row that became this Telegram message, if one did."""
    key = await db.fetchval(
        "SELECT idem_key FROM outbox WHERE chat_id = ? AND message_id = ?",
        (chat_id, message_id),
    )
    return None if key is None else str(key)


# -- rows handed on in order (an alert after the reply that caused it) ------------------------


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


async def count_committed(db: Reads, ids: Sequence[int]) -> int:
    """How many of these row ids are in the outbox (their transaction has committed)."""
    found = await db.fetchval(f"SELECT COUNT(*) FROM outbox WHERE id IN ({_marks(ids)})", ids)
    return int(found or 0)


async def count_unsettled(db: Reads, ids: Sequence[int]) -> int:
    """How many of these rows are neither sent nor failed yet."""
    waiting = await db.fetchval(
        f"SELECT COUNT(*) FROM outbox WHERE id IN ({_marks(ids)})"
        " AND sent_at IS NULL AND failed_at IS NULL",
        ids,
    )
    return int(waiting or 0)


async def still_due(db: Reads, rows: Sequence[OutboxRow], now: datetime) -> list[OutboxRow]:
    """Those of `rows` that are unsent and due at `now` — the same id with the same message:
    never a row of a rolled-back transaction's successor."""
    by_id = {r.id: r for r in rows}
    found = await db.fetchall(
        f"SELECT id, payload FROM outbox WHERE id IN ({_marks(list(by_id))}) AND sent_at IS NULL"
        " AND failed_at IS NULL AND not_before <= ?",
        [*by_id, to_db(now)],
    )
    return [by_id[r["id"]] for r in found if r["payload"] == by_id[r["id"]].message.to_json()]


# -- what became of a row ---------------------------------------------------------------------


async def mark_sent(tx: Tx, row_id: int, message_id: int | None, now: datetime) -> None:
    """Telegram accepted the row (as `message_id`, if it made a message)."""
    await tx.execute(
        "UPDATE outbox SET sent_at = ?, message_id = ?, attempts = attempts + 1 WHERE id = ?",
        (to_db(now), message_id, row_id),
    )


async def record_session_message(tx: Tx, session_id: int, message_id: int) -> None:
    """The message a check-in session's question went out as (its buttons are edited there)."""
    await tx.execute("UPDATE sessions SET message_id = ? WHERE id = ?", (message_id, session_id))


async def record_poll_message(tx: Tx, poll_id: str, message_id: int | None) -> None:
    """The message a poll went out as."""
    await tx.execute("UPDATE polls SET message_id = ? WHERE poll_id = ?", (message_id, poll_id))


async def defer(tx: Tx, row_id: int, not_before: datetime, error: str) -> datetime:
    """Try the row again at `not_before`; returns that time as stored (to the second)."""
    when = to_db(not_before)
    await tx.execute(
        "UPDATE outbox SET attempts = attempts + 1, not_before = ?, error = ? WHERE id = ?",
        (when, error[:MAX_ERROR], row_id),
    )
    return from_db(when)


async def mark_failed(tx: Tx, row_id: int, error: str, now: datetime) -> None:
    """The row will not be sent: given up, or refused for good."""
    await tx.execute(
        "UPDATE outbox SET failed_at = ?, error = ?, attempts = attempts + 1 WHERE id = ?",
        (to_db(now), error[:MAX_ERROR], row_id),
    )


async def move_unsent(tx: Tx, old_chat_id: int, new_chat_id: int) -> None:
    """A chat got a new id (a group became a supergroup): its unsent rows go there."""
    await tx.execute(
        "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND sent_at IS NULL AND failed_at IS NULL",
        (new_chat_id, old_chat_id),
    )
