"""Storage: migrations, durability settings, group commit, backup while writing, one instance."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.storage.db import Database, StorageError, Tx, backup, integrity_check, migration_files
from bot.storage.lock import AlreadyRunning, InstanceLock
from tests.support import eventually


async def test_empty_database_migrates_to_latest(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "k.sqlite3")
    try:
        latest = migration_files()[-1][0]
        assert await db.schema_version() == latest
        tables = set(await db.tables())
        assert {"persons", "students", "sessions", "answers", "outbox", "audit_log"} <= tables
        assert await db.migrate() == []  # idempotent
    finally:
        await db.close()


async def test_durability_settings_are_in_force(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "k.sqlite3")
    try:
        assert await db.fetchval("PRAGMA journal_mode") == "wal"
        assert await db.fetchval("PRAGMA foreign_keys") == 1
        assert await db.fetchval("PRAGMA synchronous") == 2  # FULL
        # deleted text is zeroed in the file, and the WAL is cut back after checkpoints
        assert await db.fetchval("PRAGMA secure_delete") == 1
        assert await db.fetchval("PRAGMA journal_size_limit") == 64 * 1024 * 1024
    finally:
        await db.close()


async def test_a_failing_unit_rolls_back_alone_in_a_shared_commit(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "k.sqlite3")

    async def good(name: str) -> int:
        return await db.transaction(
            lambda tx: tx.execute("INSERT INTO groups (name, created_at) VALUES (?, 'x')", (name,))
        )

    async def bad(tx: Tx) -> None:
        await tx.execute("INSERT INTO groups (name, created_at) VALUES ('BAD', 'x')")
        raise RuntimeError("boom")

    try:
        results = await asyncio.gather(
            good("A"), db.transaction(bad), good("B"), return_exceptions=True
        )
        assert isinstance(results[1], RuntimeError)
        names = [r[0] for r in await db.fetchall("SELECT name FROM groups ORDER BY name")]
        assert names == ["A", "B"]
    finally:
        await db.close()


async def test_committed_data_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    db = await Database.open(path)
    await db.transaction(
        lambda tx: tx.execute("INSERT INTO groups (name, created_at) VALUES ('KEEP', 'x')")
    )
    await db.close()
    again = await Database.open(path)
    try:
        assert await again.fetchval("SELECT name FROM groups") == "KEEP"
    finally:
        await again.close()


async def test_backup_while_writing_restores_and_passes_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    db = await Database.open(path)
    stop = asyncio.Event()

    async def writer() -> int:
        n = 0
        while not stop.is_set():
            await db.transaction(
                lambda tx, n=n: tx.execute(
                    "INSERT INTO groups (name, created_at) VALUES (?, 'x')", (f"G{n}",)
                )
            )
            n += 1
        return n

    async def fifty_written() -> bool:
        return bool(await db.fetchval("SELECT COUNT(*) FROM groups") >= 50)

    task = asyncio.create_task(writer())
    await eventually(fifty_written, 60, "50 groups written", every=0)
    target = tmp_path / "backup.sqlite3"
    await asyncio.to_thread(backup, path, target)
    stop.set()
    written = await task
    await db.close()
    assert integrity_check(target) == ["ok"]
    conn = sqlite3.connect(target)
    copied = conn.execute("SELECT COUNT(*) FROM groups").fetchone()[0]
    conn.close()
    assert 50 <= copied <= written
    with pytest.raises(StorageError):
        backup(path, target)  # never overwrites an existing file


def test_second_instance_on_the_same_database_is_refused(tmp_path: Path) -> None:
    first = InstanceLock(tmp_path / "k.sqlite3")
    first.acquire()
    try:
        with pytest.raises(AlreadyRunning, match="already running"):
            InstanceLock(tmp_path / "k.sqlite3").acquire()
    finally:
        first.release()
    InstanceLock(tmp_path / "k.sqlite3").acquire()  # free again once the first one stopped
