"""The bot as its own process (`python -m bot run`) against an in-process stand-in, so a test
can kill it with SIGKILL at a moment of its choosing — a real crash, not a polite stop."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import signal
import sqlite3
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

from bot.harness import STANDIN_TOKEN
from bot.standin.server import StandinServer

ROOT = Path(__file__).resolve().parent.parent
RUNNING = "Kohtaamo is running as"


async def eventually(
    check: Callable[[], Awaitable[object]] | Callable[[], object],
    timeout: float = 30.0,
    what: str = "condition",
    *,
    every: float = 0.02,
) -> None:
    """Wait for a condition (never a fixed sleep); fail with `what` if it does not come.

    The condition is state another component holds (the database, the stand-in, a process),
    with no event to wait on, so it is polled: every `every` seconds, 0 for each turn of the
    event loop. `check` may be a plain or an async function; its result is read as a bool."""

    async def holds() -> bool:
        result = check()
        return bool(await result if inspect.isawaitable(result) else result)

    try:
        async with asyncio.timeout(timeout):
            while not await holds():  # noqa: ASYNC110 -- no event to wait on (see above)
                await asyncio.sleep(every)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


class BotProcess:
    """`kohtaamo run` on `database`, talking to `server`; its log goes to `log_path`."""

    def __init__(
        self,
        server: StandinServer,
        database: Path,
        log_path: Path,
        **settings: str,
    ) -> None:
        self.server = server
        self.database = database
        self.log_path = log_path
        self.settings = settings
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONUNBUFFERED": "1",
            "TELEGRAM_BOT_TOKEN": STANDIN_TOKEN,
            "BOT_API_BASE_URL": self.server.base_url,
            "BOT_API_FILE_URL": self.server.base_file_url,
            "DATABASE_PATH": str(self.database),
            "LOG_LEVEL": "INFO",
            **self.settings,
        }

    async def start(self, *, wait: bool = True, timeout: float = 60.0) -> None:
        with self.log_path.open("ab") as log:
            log.write(f"--- start {self.starts + 1}\n".encode())
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=ROOT,
                env=self.env(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self.starts += 1
        if wait:
            await self.wait_running(timeout)

    async def wait_running(self, timeout: float = 60.0) -> None:
        """Until this start has logged that it runs (it polls from then on)."""

        async def running() -> bool:
            assert self.process is not None
            if self.process.returncode is not None:
                raise AssertionError(f"the bot exited ({self.process.returncode}): {self.tail()}")
            return self.log_text().count(RUNNING) >= self.starts

        await eventually(running, timeout, "the bot to start")

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed — as a power cut would leave it."""
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGKILL)

    async def wait_dead(self) -> None:
        if self.process is not None:
            await self.process.wait()

    async def stop(self, timeout: float = 20.0) -> int | None:
        if self.process is None:
            return None
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(timeout):
                    await self.process.wait()
            except TimeoutError:
                self.kill()
                await self.process.wait()
        return self.process.returncode

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


@contextlib.contextmanager
def database_held_busy(database: Path) -> Iterator[sqlite3.Connection]:
    """Another process-like writer holds the database's write lock: every write of the bot
    waits (and, after its busy timeout, fails) until the block ends."""
    conn = sqlite3.connect(database, isolation_level=None, timeout=30)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        conn.close()


def requests_since(server: StandinServer, start: int, method: str) -> list[dict[str, Any]]:
    wanted = method.lower()
    return [e for e in server.log.entries()[start:] if e["method"].lower() == wanted]
