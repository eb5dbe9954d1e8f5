"""Append-only audit log of staff reads of student data and of refused actions."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.clock import to_db
from bot.storage.db import Tx


async def audit(
    tx: Tx,
    now: datetime,
    action: str,
    *,
    actor_id: int | None = None,
    actor_tg_id: int | None = None,
    subject_id: int | None = None,
    **detail: Any,
) -> None:
    await tx.execute(
        "INSERT INTO audit_log (at, actor_id, actor_tg_id, subject_id, action, detail)"
        " VALUES (?,?,?,?,?,?)",
        (to_db(now), actor_id, actor_tg_id, subject_id, action, json.dumps(detail)),
    )
