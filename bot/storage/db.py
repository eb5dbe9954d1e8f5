"""SQLite storage: connection settings, migrations, group-committed write transactions.

Writes go through `Database.transaction(work)`. Concurrent units of work are batched into one
`BEGIN IMMEDIATE … COMMIT` (group commit), each inside its own SAVEPOINT so one failing unit
rolls back alone. Every caller resumes only after the commit that holds its work is durable
(`synchronous=FULL`), so "committed before acknowledged" holds while one fsync serves many.
Reads use a second connection and therefore only ever see committed data.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

log = logging.getLogger(__name__)
T = TypeVar("T")
Params = Sequence[Any] | dict[str, Any]
MAX_BATCH = 256
BUSY_TIMEOUT_MS = 5000


class StorageError(Exception):
    pass


def migration_files() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every numbered migration, in order."""
    found = []
    for entry in resources.files("bot.storage").joinpath("migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [number for number, _, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise StorageError(f"migrations must be numbered 0001.. without gaps, found {numbers}")
    return found


async def _configure(conn: aiosqlite.Connection) -> None:
    conn.row_factory = sqlite3.Row
    await conn.execute("PRAGMA journal_mode=WAL")
    await conn.execute("PRAGMA synchronous=FULL")
    await conn.execute("PRAGMA foreign_keys=ON")
    await conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


async def _pragma(conn: aiosqlite.Connection, name: str) -> Any:
    async with conn.execute(f"PRAGMA {name}") as cursor:
        row = await cursor.fetchone()
    return None if row is None else row[0]


class Tx:
    """The handle a unit of work gets inside a write transaction."""

    def __init__(self, conn: aiosqlite.Connection) -> None:
        self._conn = conn

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns lastrowid (for INSERT) or rowcount."""
        async with self._conn.execute(sql, params) as cursor:
            if sql.lstrip()[:6].upper() == "INSERT":
                return int(cursor.lastrowid or 0)
            return int(cursor.rowcount)

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        await self._conn.executemany(sql, rows)

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        async with self._conn.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        async with self._conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


Work = Callable[[Tx], Awaitable[T]]


class Database:
    def __init__(self, path: Path, writer: aiosqlite.Connection, reader: aiosqlite.Connection):
        self.path = path
        self._writer = writer
        self._reader = reader
        self._queue: asyncio.Queue[tuple[Work[Any], asyncio.Future[Any]]] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self.commits = 0  # how many fsyncing commits ran; benchmarks report units per commit

    @classmethod
    async def open(cls, path: Path, *, migrate: bool = True) -> Database:
        path = Path(path)
        writer = await aiosqlite.connect(path, isolation_level=None)
        reader = await aiosqlite.connect(path, isolation_level=None)
        for conn in (writer, reader):
            await _configure(conn)
        db = cls(path, writer, reader)
        await db.assert_settings()
        if migrate:
            await db.migrate()
        return db

    async def close(self) -> None:
        if self._worker is not None:
            await self._queue.join()
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
            self._worker = None
        await self._writer.close()
        await self._reader.close()

    async def assert_settings(self) -> None:
        """Refuse to run on a connection that silently lost a durability setting."""
        expected = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1}
        for conn in (self._writer, self._reader):
            for name, want in expected.items():
                got = await _pragma(conn, name)
                if got != want:
                    raise StorageError(f"PRAGMA {name} is {got!r}, expected {want!r}")
            if await _pragma(conn, "busy_timeout") != BUSY_TIMEOUT_MS:
                raise StorageError("PRAGMA busy_timeout not set")

    async def schema_version(self) -> int:
        return int(await _pragma(self._writer, "user_version"))

    async def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; returns the names applied."""
        applied = []
        current = await self.schema_version()
        for number, name, sql in migration_files():
            if number <= current:
                continue
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={number};\nCOMMIT;"
            try:
                await self._writer.executescript(script)
            except sqlite3.Error as exc:
                if self._writer.in_transaction:
                    await self._writer.execute("ROLLBACK")
                raise StorageError(f"migration {name} failed: {exc}") from exc
            log.info("applied migration %s", name)
            applied.append(name)
        return applied

    # -- writes ---------------------------------------------------------------------------

    async def transaction(self, work: Work[T]) -> T:
        """Run `work` in a write transaction; return once it is durably committed."""
        if self._worker is None:
            self._worker = asyncio.create_task(self._commit_loop(), name="db-group-commit")
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        await self._queue.put((work, future))
        return await future

    async def _commit_loop(self) -> None:
        while True:
            batch = [await self._queue.get()]
            while not self._queue.empty() and len(batch) < MAX_BATCH:
                batch.append(self._queue.get_nowait())
            try:
                await self._run_batch(batch)
            finally:
                for _ in batch:
                    self._queue.task_done()

    async def _run_batch(self, batch: list[tuple[Work[Any], asyncio.Future[Any]]]) -> None:
        outcomes: list[tuple[bool, Any]] = []
        tx = Tx(self._writer)
        try:
            await self._writer.execute("BEGIN IMMEDIATE")
            for work, _ in batch:
                await self._writer.execute("SAVEPOINT unit")
                try:
                    result = await work(tx)
                except BaseException as exc:  # the unit's own failure: undo only this unit
                    await self._writer.execute("ROLLBACK TO unit")
                    await self._writer.execute("RELEASE unit")
                    outcomes.append((False, exc))
                else:
                    await self._writer.execute("RELEASE unit")
                    outcomes.append((True, result))
            await self._writer.execute("COMMIT")
            self.commits += 1
        except Exception as exc:
            if self._writer.in_transaction:
                await self._writer.execute("ROLLBACK")
            for _, future in batch:
                if not future.done():
                    future.set_exception(StorageError(f"commit failed: {exc}"))
            return
        for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    # -- reads ----------------------------------------------------------------------------

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        async with self._reader.execute(sql, params) as cursor:
            row: sqlite3.Row | None = await cursor.fetchone()
            return row

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        async with self._reader.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]

    async def tables(self) -> list[str]:
        rows = await self.fetchall(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
        return [row[0] for row in rows]


def backup(source: Path, target: Path) -> None:
    """Online backup (SQLite backup API): safe while the bot is writing."""
    if target.exists():
        raise StorageError(f"{target} already exists; choose a new file name")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        src.backup(dst, pages=1024)
    finally:
        dst.close()
        src.close()


def integrity_check(path: Path) -> list[str]:
    """Returns SQLite's integrity_check lines plus foreign key problems; ['ok'] when healthy."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        lines = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        lines += [f"foreign key problem: table {r[0]} rowid {r[1]} -> {r[2]}" for r in fk]
        return lines
    finally:
        conn.close()
