"""Scheduled backups with rotation, and restoring one (`kohtaamo db backup --dir`, `db restore`).

A backup is SQLite's online backup of the live database (safe while the bot writes), checked
with integrity_check before it counts. Restoring refuses while the bot runs on the database,
checks the backup first, and keeps the current database aside instead of deleting it.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import datetime
from pathlib import Path

from bot.storage.db import StorageError, backup, integrity_check
from bot.storage.lock import AlreadyRunning, InstanceLock

PREFIX = "kohtaamo-"
SUFFIX = ".sqlite3"
_NAME = re.compile(rf"^{PREFIX}\d{{8}}-\d{{6}}-\d{{6}}{re.escape(SUFFIX)}$")


def backup_into(
    database: Path, folder: Path, now: datetime, keep: int | None
) -> tuple[Path, list[Path]]:
    """A new, checked backup in `folder`; then only the newest `keep` of ours are kept.
    Returns the new file and the removed ones. Files not named by us are never touched."""
    if not database.exists():
        raise StorageError(f"no database at {database}")
    if not folder.is_dir():
        raise StorageError(f"backup folder {folder} does not exist: create it (mkdir -m 700)")
    if keep is not None and keep < 1:
        raise StorageError("--keep must be at least 1")
    target = folder / f"{PREFIX}{now:%Y%m%d-%H%M%S-%f}{SUFFIX}"
    backup(database, target)
    _single_file(target)
    problems = integrity_check(target)
    if problems != ["ok"]:
        target.unlink()
        raise StorageError(f"the backup failed its integrity check: {'; '.join(problems)}")
    target.chmod(0o600)
    removed: list[Path] = []
    if keep is not None:
        ours = sorted(p for p in folder.iterdir() if _NAME.match(p.name))
        for old in ours[: max(0, len(ours) - keep)]:
            for extra in (Path(f"{old}-wal"), Path(f"{old}-shm")):
                extra.unlink(missing_ok=True)
            old.unlink()
            removed.append(old)
    return target, removed


def _single_file(path: Path) -> None:
    """A backup is one self-contained file (the live database's WAL mode is not copied along:
    it would leave -wal/-shm files beside every backup)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def restore(backup_file: Path, database: Path, now: datetime) -> Path | None:
    """Put `backup_file` in place of `database`. The bot must be stopped. The current database
    (if any) is moved aside, never deleted; returns where it went."""
    if not backup_file.is_file():
        raise StorageError(f"no backup at {backup_file}")
    try:
        problems = integrity_check(backup_file)
    except sqlite3.DatabaseError as exc:  # not a database at all
        raise StorageError(f"{backup_file} is not a readable database: {exc}") from None
    if problems != ["ok"]:
        raise StorageError(f"{backup_file} failed its integrity check: {'; '.join(problems)}")
    lock = InstanceLock(database)
    try:
        lock.acquire()
    except AlreadyRunning:
        raise StorageError(
            "Kohtaamo is running on this database: stop it first (systemctl stop kohtaamo)"
        ) from None
    try:
        aside: Path | None = None
        if database.exists():
            aside = database.with_name(f"{database.name}.before-restore-{now:%Y%m%d-%H%M%S}")
            database.rename(aside)
            for suffix in ("-wal", "-shm"):
                extra = Path(f"{database}{suffix}")
                if extra.exists():
                    extra.rename(Path(f"{aside}{suffix}"))
        backup(backup_file, database)
        database.chmod(0o600)
        return aside
    finally:
        lock.release()
