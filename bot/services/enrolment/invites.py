"""Invite links and the names they carry.

A token is random (192 bits), travels only in the deep link and is stored only as its sha256,
so a copy of the database cannot be turned into working links. Each invite is single-use and
expires after `invite_ttl_days`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import from_db, to_db
from bot.storage.db import Reads, Tx

TOKEN_BYTES = 24  # 192 bits; 32 URL-safe characters, well inside Telegram's 64 for /start
TOKEN_SHAPE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
NAME_LIMIT = 80  # a display name longer than this is clipped at import
GROUP_LIMIT = 32


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def invite_link(bot_username: str, token: str) -> str:
    return f"https://t.me/{bot_username}?start={token}"


def clean_name(raw: str, limit: int = NAME_LIMIT) -> tuple[str, bool]:
    """A display name as stored: NFC, control characters and runs of white space collapsed to
    one space, clipped to `limit` characters (with an ellipsis). Everything else — markup
    characters, emoji, right-to-left marks — is kept and always rendered escaped."""
    text = unicodedata.normalize("NFC", raw)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)
    text = " ".join(text.split())
    if len(text) > limit:
        return text[: limit - 1].rstrip() + "…", True
    return text, False


def name_key(name: str) -> str:
    """How names are compared: case and spacing do not matter."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def group_key(name: str) -> str:
    """Near-identical group names (case, spaces, dashes, diacritics) share a key, so
    "sah 23a" is caught as a likely typo of "SÄH23A" instead of becoming a second group."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


@dataclass(frozen=True)
class Invite:
    id: int
    role: str
    person_id: int | None
    group_id: int | None
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None

    def state(self, now: datetime) -> str:
        if self.used_at is not None:
            return "used"
        if self.expires_at <= now:
            return "expired"
        return "ok"

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Invite:
        return cls(
            id=row["id"],
            role=row["role"],
            person_id=row["person_id"],
            group_id=row["group_id"],
            created_at=from_db(row["created_at"]),
            expires_at=from_db(row["expires_at"]),
            used_at=from_db(row["used_at"]) if row["used_at"] else None,
        )


async def create_invite(
    tx: Tx,
    now: datetime,
    ttl_days: int,
    role: str,
    *,
    person_id: int | None = None,
    group_id: int | None = None,
    created_by: int | None = None,
) -> tuple[str, datetime]:
    """A fresh invite; returns the token (shown once, never stored) and its expiry."""
    token = new_token()
    expires = now + timedelta(days=ttl_days)
    await tx.execute(
        "INSERT INTO invites (token_hash, role, person_id, group_id, created_by, created_at,"
        " expires_at) VALUES (?,?,?,?,?,?,?)",
        (token_hash(token), role, person_id, group_id, created_by, to_db(now), to_db(expires)),
    )
    return token, expires


async def find_invite(db: Reads, token: str) -> Invite | None:
    if not TOKEN_SHAPE.match(token):
        return None
    row = await db.fetchone("SELECT * FROM invites WHERE token_hash = ?", (token_hash(token),))
    return None if row is None else Invite.from_row(row)


async def invite_by_id(db: Reads, invite_id: int) -> Invite | None:
    row = await db.fetchone("SELECT * FROM invites WHERE id = ?", (invite_id,))
    return None if row is None else Invite.from_row(row)


async def open_invite_for(db: Reads, person_id: int, now: datetime) -> Invite | None:
    """The person's newest unused, unexpired invite, if any."""
    row = await db.fetchone(
        "SELECT * FROM invites WHERE person_id = ? AND used_at IS NULL AND expires_at > ?"
        " ORDER BY expires_at DESC LIMIT 1",
        (person_id, to_db(now)),
    )
    return None if row is None else Invite.from_row(row)


async def revoke_open_invites(tx: Tx, person_id: int, now: datetime) -> int:
    """Unused invites of a person stop working (a new link replaces them); opening an old one
    then says it has expired, which is what its holder needs to know."""
    return await tx.execute(
        "UPDATE invites SET expires_at = ? WHERE person_id = ? AND used_at IS NULL"
        " AND expires_at > ?",
        (to_db(now), person_id, to_db(now)),
    )
