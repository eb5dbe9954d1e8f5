"""Every row about one person, found from the schema itself.

Export and erasure use the same search, so what a student downloads is exactly what is deleted.
The search starts from the `persons` row and follows every foreign key that points at a row
already found (sessions → answers, concerns → contacts, …), discovered with PRAGMA
foreign_key_list, so a table another feature adds later is covered without changing this file.
Places that hold a person without a foreign key are matched too: Telegram ids (`tg_user_id`,
`actor_tg_id`, a private chat's `chat_id`), id columns named like `student_id`/`subject_id`
(a staff message's `subject_id` is the one student it is about), and button payloads that
name the person. Nothing is ever matched by name: names share prefixes ("Aino Mäki" is in
"Aino Mäkinen"), and a message listing several students belongs to none of them. On erasure,
the name is blotted out of the messages about others that remain (`redact_name`).
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.clock import from_db
from bot.services.privacy.outbox import forget_rows
from bot.storage.db import Reads, Tx

# Columns that hold a person's id without a declared foreign key.
PERSON_ID_COLUMNS = ("person_id", "student_id", "subject_id", "actor_id")
TG_ID_COLUMNS = ("tg_user_id", "actor_tg_id")
# JSON keys in payloads, audit details and contexts that name a person, a session or a concern.
PAYLOAD_PERSON_KEYS = ("student", "person", "subject")
PAYLOAD_SESSION_KEYS = ("session",)
PAYLOAD_CONCERN_KEYS = ("concern",)
JSON_COLUMNS = ("payload", "detail", "context")


@dataclass(frozen=True)
class ForeignKey:
    table: str
    column: str
    target: str


@dataclass
class Found:
    """Rows about the person, table by table, in the order found (parents before children)."""

    rows: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)

    def add(self, table: str, row: sqlite3.Row) -> bool:
        found = self.rows.setdefault(table, {})
        rowid = int(row["_rowid"])
        if rowid in found:
            return False
        data = dict(row)
        data.pop("_rowid")
        found[rowid] = data
        return True

    def ids(self, table: str) -> set[int]:
        return {
            int(r["id"]) for r in self.rows.get(table, {}).values() if isinstance(r.get("id"), int)
        }

    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


async def tables(db: Reads) -> list[str]:
    rows = await db.fetchall(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name"
    )
    return [str(r["name"]) for r in rows]


async def columns(db: Reads, table: str) -> list[str]:
    return [str(r["name"]) for r in await db.fetchall(f'PRAGMA table_info("{table}")')]


async def foreign_keys(db: Reads) -> list[ForeignKey]:
    found = []
    for table in await tables(db):
        for row in await db.fetchall(f'PRAGMA foreign_key_list("{table}")'):
            found.append(ForeignKey(table, str(row["from"]), str(row["table"])))
    return found


ERASED_NAME = "–"


def _name_forms(name: str) -> list[str]:
    """How a display name can appear inside a stored JSON message payload."""
    forms = {name, html.escape(name, quote=False), html.escape(name, quote=True)}
    return sorted({json.dumps(form, ensure_ascii=False)[1:-1] for form in forms}, key=len)[::-1]


def _whole_name(forms: Sequence[str]) -> re.Pattern[str]:
    """The name as a whole: not inside a longer name that starts or ends the same way."""
    alternatives = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


async def redact_name(tx: Tx, name: str) -> int:
    """Blot an erased student's name out of the outbox rows that remain (a coach's list of
    students, a digest): those rows are about others and stay, the name does not. Call it
    after the person's row is gone: a message about another student of the same name is
    theirs, and keeps it."""
    if not name.strip():
        return 0
    forms = _name_forms(name)
    pattern = _whole_name(forms)
    conditions = " OR ".join("instr(payload, ?) > 0" for _ in forms)
    namesakes = "SELECT id FROM persons WHERE display_name = ?"
    changed = 0
    for row in await tx.fetchall(
        f"SELECT id, payload FROM outbox WHERE ({conditions})"
        f" AND (subject_id IS NULL OR subject_id NOT IN ({namesakes}))",
        (*forms, name),
    ):
        redacted = pattern.sub(ERASED_NAME, row["payload"])
        if redacted != row["payload"]:
            await tx.execute("UPDATE outbox SET payload = ? WHERE id = ?", (redacted, row["id"]))
            changed += 1
    return changed


def _mentions(value: Any, keys: tuple[str, ...], ids: set[int]) -> bool:
    """Whether a JSON payload holds one of `ids` under a key naming one of `keys`."""
    if isinstance(value, dict):
        for key, item in value.items():
            named = any(k in str(key).lower() for k in keys)
            if named and isinstance(item, int) and item in ids:
                return True
            if (
                named
                and isinstance(item, list)
                and any(i in ids for i in item if isinstance(i, int))
            ):
                return True
            if _mentions(item, keys, ids):
                return True
    elif isinstance(value, list):
        return any(_mentions(item, keys, ids) for item in value)
    return False


async def rows_about(db: Reads, person_id: int, tg_user_id: int | None) -> Found:
    found = Found()
    person = await db.fetchone("SELECT rowid AS _rowid, * FROM persons WHERE id = ?", (person_id,))
    if person is not None:
        found.add("persons", person)
    fks = await foreign_keys(db)
    all_tables = await tables(db)
    await _follow_foreign_keys(db, found, fks)

    session_ids, concern_ids = found.ids("sessions"), found.ids("concerns")
    declared = {(fk.table, fk.column) for fk in fks}
    for table in all_tables:
        cols = await columns(db, table)
        await _add_by_id_columns(db, found, table, cols, declared, person_id, tg_user_id)
        # (The outbox is matched above by chat and subject; its own links go through session_id.)
        for col in (c for c in cols if c in JSON_COLUMNS and table != "outbox"):
            await _add_by_json(db, found, table, col, person_id, session_ids, concern_ids)
    return found


async def _follow_foreign_keys(db: Reads, found: Found, fks: list[ForeignKey]) -> None:
    """Follow foreign keys until nothing new turns up."""
    changed = True
    while changed:
        changed = False
        for fk in fks:
            ids = found.ids(fk.target)
            if not ids:
                continue
            marks = ",".join("?" * len(ids))
            rows = await db.fetchall(
                f'SELECT rowid AS _rowid, * FROM "{fk.table}" WHERE "{fk.column}" IN ({marks})',
                tuple(sorted(ids)),
            )
            for row in rows:
                changed |= found.add(fk.table, row)


async def _add_by_id_columns(
    db: Reads,
    found: Found,
    table: str,
    cols: list[str],
    declared: set[tuple[str, str]],
    person_id: int,
    tg_user_id: int | None,
) -> None:
    """Rows that name the person in a column without a declared foreign key, or by their
    Telegram id (and the outbox's messages to their private chat)."""
    conditions: list[str] = []
    params: list[Any] = []
    for col in cols:
        if col in PERSON_ID_COLUMNS and (table, col) not in declared and table != "persons":
            conditions.append(f'"{col}" = ?')
            params.append(person_id)
        if col in TG_ID_COLUMNS and tg_user_id is not None:
            conditions.append(f'"{col}" = ?')
            params.append(tg_user_id)
    if table == "outbox" and tg_user_id is not None:
        conditions.append("chat_id = ?")  # their private chat
        params.append(tg_user_id)
    if conditions:
        rows = await db.fetchall(
            f'SELECT rowid AS _rowid, * FROM "{table}" WHERE ' + " OR ".join(conditions),
            tuple(params),
        )
        for row in rows:
            found.add(table, row)


async def _add_by_json(
    db: Reads,
    found: Found,
    table: str,
    col: str,
    person_id: int,
    session_ids: set[int],
    concern_ids: set[int],
) -> None:
    """Buttons, pending inputs, audit details: JSON that names the person or a record of
    theirs. SQL narrows the rows to those that could (the id's digits, or a session/concern
    key); Python then reads the JSON for certain."""
    candidates = await db.fetchall(
        f'SELECT rowid AS _rowid, * FROM "{table}" WHERE instr("{col}", ?) > 0'
        f' OR instr("{col}", \'"session\') > 0 OR instr("{col}", \'"concern\') > 0',
        (str(person_id),),
    )
    for row in candidates:
        try:
            value = json.loads(row[col] or "{}")
        except (TypeError, ValueError):
            continue
        if (
            _mentions(value, PAYLOAD_PERSON_KEYS, {person_id})
            or _mentions(value, PAYLOAD_SESSION_KEYS, session_ids)
            or _mentions(value, PAYLOAD_CONCERN_KEYS, concern_ids)
        ):
            found.add(table, row)


# Telegram lets a bot delete its own message for 48 hours after sending; the margin keeps a
# delete that waits in the queue for a while inside that window.
DELETABLE_FOR = timedelta(hours=47)


def staff_messages_to_delete(
    found: Found, own_chat: int | None, now: datetime
) -> list[tuple[int, int]]:
    """(chat, message id) of the messages about the person that Telegram still lets the bot
    delete from other people's chats (alerts, case prompts): sent within DELETABLE_FOR."""
    out: dict[tuple[int, int], None] = {}
    for row in found.rows.get("outbox", {}).values():
        chat, message_id, sent_at = row.get("chat_id"), row.get("message_id"), row.get("sent_at")
        if not chat or chat == own_chat or message_id is None or sent_at is None:
            continue
        if from_db(sent_at) >= now - DELETABLE_FOR:
            out[(int(chat), int(message_id))] = None
    return list(out)


async def delete_found(tx: Tx, found: Found, now: datetime) -> int:
    """Delete every row found, children before parents (the reverse of the order found).
    Outbox rows are forgotten the outbox's way (see privacy_outbox.forget_rows)."""
    deleted = 0
    for table in reversed(list(found.rows)):
        rowids = sorted(found.rows[table])
        for start in range(0, len(rowids), 500):
            chunk = rowids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            if table == "outbox":
                deleted += await forget_rows(tx, f"rowid IN ({marks})", chunk, now)
                continue
            deleted += await tx.execute(
                f'DELETE FROM "{table}" WHERE rowid IN ({marks})', tuple(chunk)
            )
    return deleted


async def repoint_person(tx: Tx, old_id: int, new_id: int) -> None:
    """Move every reference from one person row to another (a placeholder staff row created
    at invite time, merged into the person who opened the link), then drop the old row."""
    for fk in await foreign_keys(tx):
        if fk.target != "persons":
            continue
        await tx.execute(
            f'UPDATE OR IGNORE "{fk.table}" SET "{fk.column}" = ? WHERE "{fk.column}" = ?',
            (new_id, old_id),
        )
    await tx.execute("DELETE FROM persons WHERE id = ?", (old_id,))
