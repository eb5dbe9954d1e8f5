"""What a person sees when something underneath fails (issue 17.5–17.7): a failed toast is
not a failed action; a database that cannot be written is said plainly, once."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo
from tests.conftest import AINO, KAISA, MATTI
from tests.support import eventually, requests_since


async def texts(h: Harness, chat_id: int) -> list[str]:
    return [str(m.get("text") or "") for m in await h.bot_messages(chat_id)]


async def test_a_toast_that_cannot_be_shown_is_not_reported_as_a_failed_action(
    h: Harness,
) -> None:
    await h.say(AINO, "/jutellaan")
    await h.press(AINO, "Puhelimessa")
    before = await texts(h, MATTI)
    await h.client.inject_fault("answerCallbackQuery", status=502, count=5)
    await h.press(MATTI, "Otan yhteyttä")  # saved; then the toast's connection drops
    acknowledged = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM concerns WHERE acknowledged_at IS NOT NULL"
    )
    assert acknowledged == 1
    said = (await texts(h, MATTI))[len(before) :]
    assert not [t for t in said if "Hups" in t or "pieleen" in t]


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """The file cannot be written even by root (as on a read-only mount); the test is skipped
    where the file system or the user cannot mark it so."""
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)


def test_a_database_that_cannot_be_written_stops_the_start_with_one_line(tmp_path: Path) -> None:
    database = tmp_path / "kohtaamo.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with immutable(database):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            cwd=tmp_path,
            env={
                "PATH": os.environ.get("PATH", ""),
                "HOME": str(tmp_path),
                "LANG": "C.UTF-8",
                "TELEGRAM_BOT_TOKEN": "123456:AAH-secret-token-value",
                "BOT_API_BASE_URL": "http://127.0.0.1:9/bot",  # never reached
                "DATABASE_PATH": str(database),
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("kohtaamo: ")
    assert str(database) in line
    assert "cannot be written" in line
    assert "mode 0" in line
    assert "owner" in line
    assert "Traceback" not in result.stderr


@contextlib.contextmanager
def small_disk(where: Path, megabytes: int) -> Iterator[Path]:
    """A file system of its own, small enough to fill (a tmpfs); skipped where mounting is
    not allowed."""
    where.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m,mode=0700", "tmpfs", str(where)]
    if subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small file system here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def fill(disk: Path) -> Path:
    """Take every free byte of the disk; returns the filler, whose removal frees it."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    os.write(fd, b"\0" * size)
    finally:
        os.close(fd)
    return filler


async def test_a_full_disk_is_told_to_the_person_once_and_the_coordinator_after_it(
    tmp_path: Path, clock: FakeClock
) -> None:
    with small_disk(tmp_path / "disk", 16) as disk:
        h = Harness(disk / "kohtaamo.sqlite3", clock=clock)
        await h.start()
        try:
            await seed_demo(h.rt.db, clock.now())
            for persona in DEMO_PERSONAS:
                first, last = persona.name.split()
                await h.client.create_user(persona.tg_user_id, first, last_name=last)
            for user in (AINO, KAISA):
                await h.say(user, "/start")
            before = {user: len(await texts(h, user)) for user in (AINO, KAISA)}
            # The WAL is emptied so that the next write must grow it, then the disk is filled.
            with contextlib.closing(sqlite3.connect(h.database_path)) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            filler = fill(disk)

            await h.client.send_text(AINO, "moi")

            async def told() -> bool:
                return any("en pysty juuri nyt tallentamaan" in t for t in await texts(h, AINO))

            await eventually(told, what="Aino to be told directly")
            log_start = len(h.server.log.entries())
            await h.client.send_text(AINO, "onko kukaan siellä?")

            async def tried_again() -> bool:  # the bot fetched the new message, still unstored
                return len(requests_since(h.server, log_start, "getUpdates")) >= 2

            await eventually(tried_again, what="the bot to try storing again")
            aino = (await texts(h, AINO))[before[AINO] :]
            assert len(aino) == 1  # told once, however many messages come meanwhile

            filler.unlink()  # space again

            async def recovered() -> bool:
                aino = (await texts(h, AINO))[before[AINO] :]
                kaisa = (await texts(h, KAISA))[before[KAISA] :]
                return len(aino) >= 3 and any("ei pystynyt tallentamaan" in t for t in kaisa)

            await eventually(recovered, what="both messages answered and the coordinator told")

            async def all_handled() -> bool:
                # A reply goes out when its transaction commits; the update is marked done
                # just after, so the mark may trail the reply the test has already seen.
                left = await h.rt.db.fetchval("SELECT COUNT(*) FROM inbox WHERE done_at IS NULL")
                return left == 0

            await eventually(all_handled, what="every stored update to be marked handled")
        finally:
            await h.stop()
