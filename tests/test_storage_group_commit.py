"""Group commit with statements on the event loop: batching, waiting for another writer without
stalling the loop, and reads that are offloaded."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from bot.storage.db import Database, Tx


async def test_concurrent_units_share_commits_and_all_land(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "k.sqlite3")
    try:

        async def add(n: int) -> int:
            return await db.transaction(
                lambda tx: tx.execute(
                    "INSERT INTO groups (name, created_at) VALUES (?, 'x')", (f"G{n}",)
                )
            )

        before = db.commits
        ids = await asyncio.gather(*(add(n) for n in range(200)))
        assert len(set(ids)) == 200
        assert await db.fetchval("SELECT COUNT(*) FROM groups") == 200
        assert db.commits - before < 200  # one fsync served many units
    finally:
        await db.close()


async def test_a_writer_elsewhere_makes_us_wait_without_stalling_the_loop(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    db = await Database.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # e.g. an admin tool writing to the same file
        write = asyncio.create_task(
            db.transaction(
                lambda tx: tx.execute("INSERT INTO groups (name, created_at) VALUES ('W', 'x')")
            )
        )
        ticks = 0
        for _ in range(20):  # the loop keeps running while our commit waits for the lock
            await asyncio.sleep(0.01)
            ticks += 1
        assert ticks == 20
        assert not write.done()
        other.execute("COMMIT")
        await asyncio.wait_for(write, 5)
        assert await db.fetchval("SELECT name FROM groups") == "W"
    finally:
        other.close()
        await db.close()


async def test_offloaded_read_sees_committed_data(tmp_path: Path) -> None:
    db = await Database.open(tmp_path / "k.sqlite3")
    try:

        async def work(tx: Tx) -> None:
            await tx.executemany(
                "INSERT INTO groups (name, created_at) VALUES (?, 'x')",
                [(f"R{n}",) for n in range(50)],
            )

        await db.transaction(work)
        rows = await db.fetchall_offloaded("SELECT name FROM groups ORDER BY name")
        assert [r["name"] for r in rows][:2] == ["R0", "R1"]
        assert len(rows) == 50
    finally:
        await db.close()
