"""The processes a benchmark runs: the stand-in, Kohtaamo's bot, the bare echo bot.

Each runs in its own OS process, as in production. CPU time and memory are read from
/proc/<pid>/ (no psutil): utime + stime include every thread (SQLite's writer and
checkpoint threads too).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:BENCH-token"
_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (all its threads) so far."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
        # The command name may contain spaces; the fields after it are fixed.
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS  # fields 14 and 15 of stat(5)


def memory_mb(pid: int) -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak) in MB."""
    found: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            key = line.split(":", 1)[0]
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(line.split()[1]) / 1024
    return found


def machine_busy_seconds() -> float:
    """CPU seconds all processes on the machine used so far (from /proc/stat), so a run can
    show how much of the machine others took meanwhile."""
    with open("/proc/stat", encoding="ascii") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    return (sum(values[:8]) - idle) / _TICKS


async def quiet_machine(max_wait: float, busy_below: float = 0.3) -> float:
    """Waits (at most `max_wait` s) until the machine is nearly idle — under `busy_below`
    cores busy over a second — so a run is not measured while something else hogs the CPU.
    Returns the cores busy in the last second looked at."""
    deadline = time.monotonic() + max_wait
    while True:
        before = machine_busy_seconds()
        await asyncio.sleep(1.0)
        busy = machine_busy_seconds() - before
        if busy < busy_below or time.monotonic() >= deadline:
            return busy


def self_cpu_seconds() -> float:
    return cpu_seconds(os.getpid())


@dataclass
class Proc:
    """A child process with a log file and, for the bot, a JSON line protocol on stdin/stdout."""

    name: str
    process: asyncio.subprocess.Process
    log_path: Path
    started_at: float
    lines: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    _reader: asyncio.Task[None] | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def cpu(self) -> float:
        return cpu_seconds(self.pid)

    def memory(self) -> dict[str, float]:
        return memory_mb(self.pid)

    def follow_stdout(self) -> None:
        async def read() -> None:
            assert self.process.stdout is not None
            while line := await self.process.stdout.readline():
                text = line.decode("utf-8", "replace").strip()
                if text.startswith("{"):
                    with contextlib.suppress(ValueError):
                        self.lines.put_nowait(json.loads(text))

        self._reader = asyncio.create_task(read())

    async def send(self, command: dict[str, Any], timeout: float = 120.0) -> dict[str, Any]:
        """One request/response exchange with bench.botproc."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(command) + "\n").encode())
        await self.process.stdin.drain()
        async with asyncio.timeout(timeout):
            return await self.lines.get()

    async def expect(self, event: str, timeout: float = 60.0) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            while True:
                if self.process.returncode is not None:
                    raise RuntimeError(f"{self.name} exited early; see {self.log_path}")
                try:
                    async with asyncio.timeout(0.5):
                        line = await self.lines.get()
                except TimeoutError:
                    continue
                if line.get("event") == event:
                    return line

    async def stop(self, timeout: float = 15.0) -> None:
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(timeout):
                    await self.process.wait()
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    self.process.kill()
                await self.process.wait()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader


async def _spawn(
    name: str,
    args: list[str],
    log_path: Path,
    env: dict[str, str] | None = None,
    *,
    pipe: bool,
    python: Path | None = None,
    pin: bool = False,
) -> Proc:
    log = log_path.open("ab")
    full_env = {**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})}
    started = time.time()
    process = await asyncio.create_subprocess_exec(
        str(python) if python else sys.executable,
        *args,
        cwd=ROOT,
        env=full_env,
        stdin=asyncio.subprocess.PIPE if pipe else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE if pipe else log,
        stderr=log,
    )
    log.close()
    if pin and PIN_CPUS:
        # The bot's threads (writer, HTTP pool) are made later and inherit the mask.
        os.sched_setaffinity(process.pid, PIN_CPUS)
    proc = Proc(name, process, log_path, started)
    if pipe:
        proc.follow_stdout()
    return proc


# `--pin-bots CPU`: the bots under test (Kohtaamo and the bare baselines) on these CPUs only,
# as on the smallest VM a school has (issue 22.5); the stand-in and the load stay unpinned.
PIN_CPUS: set[int] = set()


async def wait_http(url: str, timeout: float = 20.0) -> None:
    async with aiohttp.ClientSession() as http, asyncio.timeout(timeout):
        while True:
            with contextlib.suppress(aiohttp.ClientError):
                async with http.get(url) as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.05)


async def start_standin(
    workdir: Path, *, limits: bool, overall: float | None = None
) -> tuple[Proc, str, Path]:
    """`kohtaamo standin` in its own process (bench/standin_proc.py: without full garbage
    collections); returns it, its base URL and its record file."""
    port = free_port()
    record = workdir / f"standin-{port}.jsonl"
    args = ["-m", "bench.standin_proc", "standin", "--port", str(port), "--record", str(record)]
    if not limits:
        args.append("--no-limits")
    if overall is not None:
        args += ["--overall", str(overall)]
    proc = await _spawn("stand-in", args, workdir / "standin.log", pipe=False)
    base = f"http://127.0.0.1:{port}"
    await wait_http(f"{base}/control/seq")
    return proc, base, record


def bot_env(base: str, database: Path, rate: float) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "BOT_API_BASE_URL": f"{base}/bot",
        "BOT_API_FILE_URL": f"{base}/file/bot",
        "DATABASE_PATH": str(database),
        "LOG_LEVEL": "WARNING",
        "RATE_LIMIT_PER_SECOND": f"{rate:g}",
    }


async def start_kohtaamo(workdir: Path, base: str, database: Path, rate: float) -> Proc:
    """Kohtaamo's runtime as `kohtaamo run` runs it, plus the benchmark's stdin protocol."""
    proc = await _spawn(
        "kohtaamo",
        ["-m", "bench.botproc"],
        workdir / "kohtaamo.log",
        bot_env(base, database, rate),
        pipe=True,
        pin=True,
    )
    await proc.expect("ready")
    return proc


async def start_kohtaamo_cli(workdir: Path, base: str, database: Path, rate: float) -> Proc:
    """Exactly `python -m bot run` (for the cold start)."""
    return await _spawn(
        "kohtaamo run",
        ["-m", "bot", "run"],
        workdir / "kohtaamo-run.log",
        bot_env(base, database, rate),
        pipe=False,
        pin=True,
    )


async def start_echo(workdir: Path, base: str, rate: float) -> Proc:
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": f"{base}/bot", "ECHO_RATE": f"{rate:g}"}
    log = workdir / "echo.log"
    return await _spawn("echo bot", ["-m", "bench.echo_bot"], log, env, pipe=False, pin=True)


async def start_aiogram_echo(workdir: Path, base: str, python: Path) -> Proc:
    """The bare aiogram echo bot (bench/echo_aiogram.py) in its own environment."""
    env = {"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_API_BASE": base}
    script = str(Path(__file__).with_name("echo_aiogram.py"))
    log = workdir / "aiogram.log"
    return await _spawn("aiogram echo bot", [script], log, env, pipe=False, python=python, pin=True)
