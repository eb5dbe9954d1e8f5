"""SQLite storage: connection settings, migrations, group-committed write transactions.

Writes go through `Database.transaction(work)`. Concurrent units of work are batched into one
`BEGIN IMMEDIATE … COMMIT` (group commit), each inside its own SAVEPOINT so one failing unit
rolls back alone. Every caller resumes only after the commit that holds its work is durable
(`synchronous=FULL`), so "committed before acknowledged" holds while one fsync serves many.
Reads use a second connection and therefore only ever see committed data.

Statements run on the event loop's own thread: an indexed SQLite statement takes microseconds,
while handing it to a worker thread (as aiosqlite does) costs a thread round trip and, on a
busy loop, a wait for the GIL of up to the interpreter's 5 ms switch interval — per statement.
Under load that made every unit of work wait milliseconds per statement and capped the bot at
a few dozen answers a second (bench/README.md). What can block — BEGIN IMMEDIATE (busy_timeout)
and COMMIT (the fsync) — runs on one writer thread, once per batch, so the loop keeps serving
updates while the disk flushes and the next batch gathers. (BEGIN is first tried inline without
waiting; only when another process holds the write lock does it wait on the thread.) Long
analytic reads that should not hold the loop can use `fetchall_offloaded`.

WAL checkpoints run on a connection and thread of their own (PASSIVE: they never block a
writer), not inside a COMMIT: SQLite's automatic checkpoint copies the WAL into the database
and fsyncs it as part of whichever commit crosses 1,000 pages, and on a busy disk that commit
took up to half a second — and every answer in its batch, and every batch behind it, waited
(bench/README.md).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import pwd
import sqlite3
import stat
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
Params = Sequence[Any] | dict[str, Any]
MAX_BATCH = 256
BUSY_TIMEOUT_MS = 5000
WAL_SIZE_LIMIT = 64 * 1024 * 1024  # bytes the WAL is truncated to after a checkpoint
# At most this often a PASSIVE checkpoint after commits; a busy bot writes a few hundred WAL
# pages a second, so the WAL stays around SQLite's own 1,000-page threshold.
CHECKPOINT_INTERVAL_SECONDS = 1.0


class StorageError(Exception):
    pass


class DatabaseNotWritable(StorageError):
    """The database (or its folder, or its -wal/-shm file) cannot be written by this process:
    the message is one line naming the file and its permissions."""


_CANNOT_WRITE = ("disk is full", "readonly", "read-only", "disk i/o error", "unable to open")


def cannot_write(exc: BaseException | None) -> bool:
    """Is this the database refusing writes (disk full, read-only, I/O error) — as opposed to
    a bug or a moment's lock? Looks through the causes a transaction wraps it in."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.Error | StorageError):
            text = str(exc).lower()
            if any(marker in text for marker in _CANNOT_WRITE):
                return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _describe(path: Path) -> str:
    try:
        info = path.stat()
    except OSError:
        return "missing"
    try:
        owner = pwd.getpwuid(info.st_uid).pw_name
    except KeyError:
        owner = str(info.st_uid)
    return f"mode {stat.S_IMODE(info.st_mode):04o}, owner {owner}"


def _user() -> str:
    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:
        return str(os.geteuid())


def check_writable(path: Path) -> None:
    """Refuse a database this process cannot write, before anything is opened: otherwise the
    bot starts, polls, and every write fails later ("something went wrong" to each student).
    A real write is tried (and rolled back), since permission bits do not tell the whole
    story (root, read-only mounts, immutable files)."""
    folder = path.resolve().parent
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if not candidate.exists():
            continue
        try:
            os.close(os.open(candidate, os.O_RDWR))
        except OSError as exc:
            raise DatabaseNotWritable(
                f"the database file {candidate} cannot be written by user {_user()}"
                f" ({_describe(candidate)}; {exc.strerror}): fix its owner or permissions"
                f" (chown {_user()} {candidate}; chmod 600 {candidate})"
            ) from None
    if not path.exists():
        return  # a new database: the folder was checked by whoever chose the path
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA user_version={int(version)}")  # a write that changes nothing
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise DatabaseNotWritable(
                f"the database {path} cannot be written by user {_user()} (file: "
                f"{_describe(path)}; folder {folder}: {_describe(folder)}): fix the owner or "
                f"permissions of the file and its folder, or DATABASE_PATH"
            ) from None
        if "locked" not in text and "busy" not in text:
            raise
    finally:
        conn.close()


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


class _Connection:
    """A sqlite3 connection used from the event loop (`run`, inline: microseconds) and from
    its own single thread (`execute`: what may block — BEGIN IMMEDIATE, COMMIT, ROLLBACK).
    The thread runs one call at a time, in order, so a COMMIT in flight and a later ROLLBACK
    never overlap."""

    def __init__(self, path: Path, name: str) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"sqlite-{name}")

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def run(self, sql: str, params: Params = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    async def execute(self, sql: str, params: Params = ()) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._thread, _execute_and_close, self.conn, sql, params)

    def try_begin_immediate(self) -> bool:
        """BEGIN IMMEDIATE without waiting: False if another connection holds the write lock
        (then the caller waits for it off the loop, under busy_timeout)."""
        self.conn.execute("PRAGMA busy_timeout=0")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            return True
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return False
            raise
        finally:
            self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")

    async def call(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._thread, fn, self.conn)

    async def close(self) -> None:
        await self.call(lambda conn: conn.close())
        self._thread.shutdown(wait=True)


def _execute_and_close(conn: sqlite3.Connection, sql: str, params: Params) -> None:
    conn.execute(sql, params).close()


def _checkpoint_passive(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").close()


def _checkpoint_truncate(conn: sqlite3.Connection) -> bool:
    """Whether the checkpoint was kept from finishing (SQLITE_BUSY)."""
    cursor = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    row = cursor.fetchone()
    cursor.close()
    return bool(row and row[0])


def _run_script(conn: sqlite3.Connection, *, script: str) -> None:
    conn.executescript(script).close()


def _owner_only(path: Path) -> None:
    """Files made before Kohtaamo set its umask (or by hand) are tightened to 0600 too."""
    for suffix in ("", "-wal", "-shm"):
        found = Path(f"{path}{suffix}")
        if found.exists() and found.stat().st_mode & 0o077:
            found.chmod(0o600)


def _configure(conn: _Connection) -> None:
    conn.run("PRAGMA journal_mode=WAL")
    conn.run("PRAGMA synchronous=FULL")
    conn.run("PRAGMA foreign_keys=ON")
    conn.run(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # Erased or expired text must not linger in free pages of the database file: SQLite
    # overwrites deleted content with zeros. The WAL is truncated back to WAL_SIZE_LIMIT after
    # checkpoints; an erasure empties the WAL at once (Database.scrub_wal).
    conn.run("PRAGMA secure_delete=ON")
    conn.run(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")


def _pragma(conn: _Connection, name: str) -> Any:
    row = conn.run(f"PRAGMA {name}").fetchone()
    return None if row is None else row[0]


class Reads:
    """fetchone / fetchall / fetchval over whatever connection `_cursor` reads from: the write
    transaction's (Tx) or the committed-data reader's (Database)."""

    def _cursor(self, sql: str, params: Params) -> sqlite3.Cursor:
        raise NotImplementedError

    async def fetchone(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        cursor = self._cursor(sql, params)
        try:
            row: sqlite3.Row | None = cursor.fetchone()
            return row
        finally:
            cursor.close()

    async def fetchall(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        return self._cursor(sql, params).fetchall()

    async def fetchval(self, sql: str, params: Params = ()) -> Any:
        row = await self.fetchone(sql, params)
        return None if row is None else row[0]


class Tx(Reads):
    """The handle a unit of work gets inside a write transaction."""

    def __init__(self, conn: _Connection) -> None:
        self._conn = conn.conn
        # Outbox rows this transaction wrote that are due now, by id: handed to
        # `Database.on_commit` once they are durable, so no use case has to remember to.
        self.outgoing: dict[int, Any] = {}

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; returns lastrowid (for INSERT) or rowcount."""
        cursor = self._conn.execute(sql, params)
        try:
            if sql.lstrip()[:6].upper() == "INSERT":
                return int(cursor.lastrowid or 0)
            return int(cursor.rowcount)
        finally:
            cursor.close()

    async def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self._conn.executemany(sql, rows).close()

    def _cursor(self, sql: str, params: Params) -> sqlite3.Cursor:
        return self._conn.execute(sql, params)


Work = Callable[[Tx], Awaitable[T]]


class Database(Reads):
    def __init__(self, path: Path, writer: _Connection, reader: _Connection):
        self.path = path
        self._writer = writer
        self._reader = reader
        self._offload: _Connection | None = None  # opened by the first fetchall_offloaded
        self._checkpointer: _Connection | None = None  # opened by the first checkpoint
        self._checkpoint: asyncio.Task[None] | None = None
        self._checkpointed_at = 0.0
        self._queue: asyncio.Queue[tuple[Work[Any], asyncio.Future[Any]]] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self.commits = 0  # how many fsyncing commits ran; benchmarks report units per commit
        # Gets every committed transaction's outgoing rows (Tx.outgoing): the running bot's
        # sender. None in the CLI: the rows wait in the outbox for the bot's next scan.
        self.on_commit: Callable[[list[Any]], None] | None = None

    @classmethod
    async def open(cls, path: Path, *, migrate: bool = True) -> Database:
        path = Path(path)
        check_writable(path)
        _owner_only(path)
        writer = _Connection(path, "writer")
        reader = _Connection(path, "reader")
        for conn in (writer, reader):
            _configure(conn)
        writer.run("PRAGMA wal_autocheckpoint=0")  # checkpoints run beside commits, not in them
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
        if self._checkpoint is not None:
            await asyncio.gather(self._checkpoint, return_exceptions=True)
            self._checkpoint = None
        # the last connection to close checkpoints the rest of the WAL
        for conn in (self._checkpointer, self._offload, self._reader, self._writer):
            if conn is not None:
                await conn.close()
        self._offload = self._checkpointer = None

    async def assert_settings(self) -> None:
        """Refuse to run on a connection that silently lost a durability setting."""
        expected = {
            "journal_mode": "wal",
            "synchronous": 2,
            "foreign_keys": 1,
            "secure_delete": 1,
            "journal_size_limit": WAL_SIZE_LIMIT,
        }
        for conn in (self._writer, self._reader):
            for name, want in expected.items():
                got = _pragma(conn, name)
                if got != want:
                    raise StorageError(f"PRAGMA {name} is {got!r}, expected {want!r}")
            if _pragma(conn, "busy_timeout") != BUSY_TIMEOUT_MS:
                raise StorageError("PRAGMA busy_timeout not set")

    async def schema_version(self) -> int:
        return int(_pragma(self._writer, "user_version"))

    async def migrate(self) -> list[str]:
        """Apply pending migrations, each in its own transaction; returns the names applied."""
        applied = []
        current = await self.schema_version()
        for number, name, sql in migration_files():
            if number <= current:
                continue
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={number};\nCOMMIT;"
            try:
                await self._writer.call(functools.partial(_run_script, script=script))
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
        writer = self._writer
        tx = Tx(writer)
        try:
            if not writer.try_begin_immediate():  # the usual case: nobody else writes
                await writer.execute("BEGIN IMMEDIATE")  # another process does: wait off-loop
            for work, _ in batch:
                writer.run("SAVEPOINT unit")
                written = len(tx.outgoing)
                try:
                    result = await work(tx)
                except BaseException as exc:  # the unit's own failure: undo only this unit
                    writer.run("ROLLBACK TO unit")
                    writer.run("RELEASE unit")
                    for row_id in list(tx.outgoing)[written:]:
                        del tx.outgoing[row_id]
                    outcomes.append((False, exc))
                else:
                    writer.run("RELEASE unit")
                    outcomes.append((True, result))
            await writer.execute("COMMIT")  # the fsync, off-loop; the next batch gathers
            self.commits += 1
            self._start_checkpoint()
        except Exception as exc:
            if self._writer.in_transaction:
                await self._writer.execute("ROLLBACK")
            for _, future in batch:
                if not future.done():
                    future.set_exception(StorageError(f"commit failed: {exc}"))
            return
        self._hand_over(list(tx.outgoing.values()))
        for (_, future), (ok, value) in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if ok:
                future.set_result(value)
            else:
                future.set_exception(value)

    def _hand_over(self, rows: list[Any]) -> None:
        if not rows or self.on_commit is None:
            return
        try:
            self.on_commit(rows)
        except Exception:  # committed all the same: the sender's next scan finds them
            log.exception("committed outbox rows could not be handed to the sender")

    def _start_checkpoint(self) -> None:
        """A PASSIVE checkpoint in the background, unless one ran lately or still runs."""
        now = time.monotonic()
        running = self._checkpoint is not None and not self._checkpoint.done()
        if running or now - self._checkpointed_at < CHECKPOINT_INTERVAL_SECONDS:
            return
        self._checkpointed_at = now
        self._checkpoint = asyncio.create_task(self._run_checkpoint(), name="db-checkpoint")

    async def _run_checkpoint(self) -> None:
        try:
            if self._checkpointer is None:
                self._checkpointer = _Connection(self.path, "checkpoint")
                _configure(self._checkpointer)
            await self._checkpointer.call(_checkpoint_passive)
        except sqlite3.Error:  # the next one tries again; the WAL only grows meanwhile
            log.warning("WAL checkpoint failed", exc_info=True)

    async def scrub_wal(self, attempts: int = 5) -> bool:
        """Copy the WAL into the database and empty it (a TRUNCATE checkpoint), so the page
        images of erased rows that the WAL still holds are gone from disk too; with
        secure_delete the database file keeps none either. Returns whether the WAL was
        emptied (readers or writers in the way are waited for, then tried again)."""
        if self._checkpoint is not None:
            await asyncio.gather(self._checkpoint, return_exceptions=True)
        if self._checkpointer is None:
            self._checkpointer = _Connection(self.path, "checkpoint")
            _configure(self._checkpointer)
        for _ in range(attempts):
            try:
                busy = await self._checkpointer.call(_checkpoint_truncate)
            except sqlite3.Error:
                busy = True
            if not busy:
                return True
            await asyncio.sleep(0.05)
        log.warning("the WAL could not be emptied after an erasure; the next checkpoints will")
        return False

    # -- reads ----------------------------------------------------------------------------

    def _cursor(self, sql: str, params: Params) -> sqlite3.Cursor:
        return self._reader.run(sql, params)

    async def fetchall_offloaded(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """For a read that scans much (a report over a whole school): it runs on a connection
        of its own in its own thread, so the bot keeps answering meanwhile."""
        if self._offload is None:
            self._offload = _Connection(self.path, "reports")
            _configure(self._offload)
        rows: list[sqlite3.Row] = await self._offload.call(
            lambda conn: conn.execute(sql, params).fetchall()
        )
        return rows

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
