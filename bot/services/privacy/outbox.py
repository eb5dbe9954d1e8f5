"""Messages that must not outlive their delivery.

The outbox keeps every message it delivered. That is right for check-in questions, but not for
a message carrying an invite link (a working secret), an export of a student's data, or a
staff view naming a student: such rows are enqueued with an `eph:` key and forgotten (see
`forget_rows`) as soon as they are sent or have failed for good, so the outbox never becomes a
second copy of them. Erasure and retention forget outbox rows the same way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.clock import to_db
from bot.services.admin import inputs as admin_inputs
from bot.services.messaging.outbox import (
    PRIORITY_INTERACTIVE,
    OutboxRow,
    OutMessage,
    enqueue,
    written,
)
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

EPHEMERAL_PREFIX = "eph:"
# An undeliverable ephemeral row is dropped after this long even if it never went out.
EPHEMERAL_MAX_AGE = timedelta(days=2)
SCRUBBED = '{"chat_id":0}'


async def enqueue_ephemeral(
    tx: Tx,
    key: str,
    message: OutMessage,
    *,
    now: datetime,
    priority: int = PRIORITY_INTERACTIVE,
    not_before: datetime | None = None,
    subject_id: int | None = None,
) -> OutboxRow | None:
    """Like `enqueue`, but the row is purged once delivered. No person_id is recorded: the
    row must not tie a student to the recipient's chat once it is gone. `subject_id` (the
    one student a staff view is about) lets that student's erasure forget it while queued."""
    return await enqueue(
        tx,
        EPHEMERAL_PREFIX + key,
        message,
        now=now,
        priority=priority,
        not_before=not_before,
        subject_id=subject_id,
    )


async def forget_rows(tx: Tx, where: str, params: Sequence[Any], now: datetime) -> int:
    """Remove outbox rows matching `where`, leaving nothing of their content.

    The row holding the highest id is scrubbed instead of deleted: SQLite hands out
    max(id) + 1 for the next row, so deleting the top row would let a new message reuse an
    id the sender has already seen as delivered — and that message would never go out.
    A scrubbed row that was never sent is marked failed, so nobody tries to send it."""
    top = await tx.fetchval("SELECT MAX(id) FROM outbox")
    if top is None:
        return 0
    deleted = await tx.execute(f"DELETE FROM outbox WHERE ({where}) AND id < ?", (*params, top))
    scrubbed = await tx.execute(
        "UPDATE outbox SET idem_key = ?, chat_id = 0, person_id = NULL, subject_id = NULL,"
        " session_id = NULL,"
        " round_id = NULL, payload = ?, error = NULL,"
        " failed_at = CASE WHEN sent_at IS NULL THEN COALESCE(failed_at, ?) END"
        f" WHERE ({where}) AND id = ?",
        (f"{EPHEMERAL_PREFIX}gone:{top}", SCRUBBED, to_db(now), *params, top),
    )
    return deleted + scrubbed


async def purge_ephemeral(tx: Tx, now: datetime) -> int:
    return await forget_rows(
        tx,
        "idem_key >= ? AND idem_key < ?"
        " AND (sent_at IS NOT NULL OR failed_at IS NOT NULL OR created_at < ?)",
        (EPHEMERAL_PREFIX, EPHEMERAL_PREFIX[:-1] + ";", to_db(now - EPHEMERAL_MAX_AGE)),
        now,
    )


async def enqueue_replies(
    tx: Tx, key: str, messages: Sequence[OutMessage], *, now: datetime
) -> list[OutboxRow]:
    """Several ephemeral messages in order. The key gets a digest of the content, so a repeated
    update sends nothing twice while two different replies to one update both go out."""
    digest = hashlib.sha256("".join(m.to_json() for m in messages).encode()).hexdigest()[:10]
    rows = []
    for n, message in enumerate(messages):
        row = await enqueue_ephemeral(tx, f"{key}:{digest}:{n}", message, now=now)
        rows += written(row)
    return rows


async def purge_short_lived(unit: UnitOfWork) -> None:
    """The clock's housekeeping: delivered messages that carried personal data or live links
    (`enqueue_replies`), and typed inputs nobody gave in time."""
    now = unit.now

    async def work(tx: Tx) -> None:
        await purge_ephemeral(tx, now)
        await admin_inputs.purge_expired(tx, now)

    await unit.run(work)
