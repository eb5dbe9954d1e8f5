"""Opaque callback data. A button carries `<token>.<index>`: the token is random (96 bits),
stored server-side with the one user allowed to press it, an action, a payload and an expiry.
No database id ever travels in a button, so a student cannot change one."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from bot.clock import from_db, to_db
from bot.storage.db import Database, Tx

DEFAULT_TTL = timedelta(days=14)


@dataclass(frozen=True)
class Callback:
    token: str
    tg_user_id: int
    action: str
    payload: dict[str, Any]
    expires_at: datetime
    used: bool


class CallbackRefused(Exception):
    """`reason` is a locale id; `audit` says whether the press looked hostile."""

    def __init__(self, reason: str, *, hostile: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hostile = hostile


async def issue(
    tx: Tx,
    now: datetime,
    tg_user_id: int,
    action: str,
    payload: dict[str, Any],
    ttl: timedelta = DEFAULT_TTL,
) -> str:
    token = secrets.token_urlsafe(12)
    await tx.execute(
        "INSERT INTO callbacks (token, tg_user_id, action, payload, created_at, expires_at)"
        " VALUES (?,?,?,?,?,?)",
        (token, tg_user_id, action, json.dumps(payload), to_db(now), to_db(now + ttl)),
    )
    return token


def button_data(token: str, index: int = 0) -> str:
    return f"{token}.{index}"


def split_data(data: str) -> tuple[str, int]:
    token, sep, index = data.rpartition(".")
    if not sep or not token or len(data) > 64:
        raise CallbackRefused("callback-invalid", hostile=True)
    try:
        return token, int(index)
    except ValueError:
        raise CallbackRefused("callback-invalid", hostile=True) from None


async def resolve(db: Database, now: datetime, tg_user_id: int, data: str) -> tuple[Callback, int]:
    """The callback behind a press, or CallbackRefused (forged, foreign or expired)."""
    token, index = split_data(data)
    row = await db.fetchone("SELECT * FROM callbacks WHERE token = ?", (token,))
    if row is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    if row["tg_user_id"] != tg_user_id:
        raise CallbackRefused("callback-not-yours", hostile=True)
    expires_at = from_db(row["expires_at"])
    if expires_at <= now:
        raise CallbackRefused("callback-expired", hostile=False)
    callback = Callback(
        token,
        tg_user_id,
        row["action"],
        json.loads(row["payload"]),
        expires_at,
        row["used_at"] is not None,
    )
    return callback, index


async def purge_expired(tx: Tx, now: datetime) -> int:
    return await tx.execute("DELETE FROM callbacks WHERE expires_at < ?", (to_db(now),))


def chosen_option(payload: dict[str, Any], index: int) -> str:
    """The option a press picked from the `opts` its button's payload offered; an index the
    payload never offered is a forged press."""
    opts = payload.get("opts", [])
    if not isinstance(opts, list) or not 0 <= index < len(opts):
        raise CallbackRefused("callback-invalid", hostile=True)
    return str(opts[index])
