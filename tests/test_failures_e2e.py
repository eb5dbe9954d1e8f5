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

from bot.harness import Harness
from tests.conftest import AINO, MATTI


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
    assert line.startswith("kohtaamo: ") and str(database) in line
    assert "cannot be written" in line and "mode 0" in line and "owner" in line
    assert "Traceback" not in result.stderr
