"""Kohtaamo's bot process for the benchmarks.

It is `kohtaamo run`: settings from the environment, the same `Runtime` (long polling, the
system clock, the 30-second tick, the rate limiter at RATE_LIMIT_PER_SECOND). The only
addition is a line protocol so the harness can do what a schedule or an operator would:

    stdin  {"op": "round", "group": "BENCH", "flow": "viikkokysely", "period": "bench-1"}
    stdout {"event": "round", "path": "rounds", "queued": 5000, "t0": …, "t_committed": …}
    stdin  {"op": "stats"}   -> counters of the database, the sender, the update processor,
                                and the event loop's stalls and GC pauses since the last stats
    stdin  {"op": "cues"}    -> makes sure the cue detector is loaded

Everything else (answers, delivery) reaches it through the stand-in, as in production.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import json
import logging
import os
import signal
import sys
import time
from typing import Any

from bench.procs import cpu_seconds, memory_mb
from bot.config import load_settings
from bot.services.messaging.outbox import PRIORITY_BULK
from bot.services.people import person_by_id
from bot.telegram.runtime import Runtime

LAG_PROBE_SECONDS = 0.01


def emit(data: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


class LoopWatch:
    """How long the event loop was stalled (a 10 ms sleep that took longer) and how long the
    garbage collector paused the process: both delay every reply at once."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self.gc_pauses: list[float] = []
        self.commits: list[float] = []
        self._gc_started = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self, rt: Runtime) -> None:
        gc.callbacks.append(self._on_gc)
        self._task = asyncio.create_task(self._probe())
        self._time_commits(rt)

    def _time_commits(self, rt: Runtime) -> None:
        """Times each COMMIT (the fsync, on the writer's thread, invisible to the loop probe):
        a slow disk shows here, not as a stall."""
        writer = rt.db._writer  # measurement only: wraps the one call that commits
        execute = writer.execute

        async def timed(sql: str, params: Any = ()) -> None:
            started = time.perf_counter()
            try:
                await execute(sql, params)
            finally:
                if sql == "COMMIT":
                    self.commits.append(time.perf_counter() - started)

        writer.execute = timed  # type: ignore[method-assign]

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self.gc_pauses.append(time.perf_counter() - self._gc_started)

    async def _probe(self) -> None:
        while True:
            started = time.perf_counter()
            await asyncio.sleep(LAG_PROBE_SECONDS)
            self.lags.append(time.perf_counter() - started - LAG_PROBE_SECONDS)

    def take(self) -> dict[str, float]:
        lags, pauses, commits = sorted(self.lags), self.gc_pauses, sorted(self.commits)
        self.lags, self.gc_pauses, self.commits = [], [], []
        p99 = lags[int(0.99 * (len(lags) - 1))] if lags else 0.0
        return {
            "commit_p99_ms": (commits[int(0.99 * (len(commits) - 1))] if commits else 0.0) * 1000,
            "commit_max_ms": (commits[-1] if commits else 0.0) * 1000,
            "loop_lag_p99_ms": p99 * 1000,
            "loop_lag_max_ms": (lags[-1] if lags else 0.0) * 1000,
            "gc_pause_total_ms": sum(pauses) * 1000,
            "gc_pause_max_ms": max(pauses, default=0.0) * 1000,
        }


async def start_round(rt: Runtime, group: str, flow_id: str, period: str) -> dict[str, Any]:
    """A round to every student of `group`: through the rounds service when it exists
    (batched chunks, each sent as it commits: the scheduler's own code path), else one
    `CheckinService.start` per student (the path a round used before there was a rounds
    service)."""
    t0 = time.time()
    group_id = await rt.db.fetchval("SELECT id FROM groups WHERE name = ?", (group,))
    try:
        from bot.services.checkins.rounds import RoundService
    except ImportError:  # rounds are another feature's work; fall back to per-student starts
        RoundService = None  # type: ignore[assignment, misc]
    schedule_id = await rt.db.fetchval(
        "SELECT id FROM schedules WHERE group_id = ? AND flow_id = ? AND active = 1",
        (group_id, flow_id),
    )
    if RoundService is not None and schedule_id is not None:
        rounds = rt.features.get("rounds")
        if not isinstance(rounds, RoundService):
            rounds = RoundService(rt.svc)
        outcome = await rounds.create_round(
            rt.svc.unit("bench:round"), int(schedule_id), period=period
        )
        t_committed = time.time()
        return {
            "event": "round",
            "path": "rounds",
            # The rows of all but the last chunk went to the sender as each chunk committed.
            "queued": int(outcome.counts.get("queued", len(outcome.rows))),
            "counts": outcome.counts,
            "t0": t0,
            "t_committed": t_committed,
        }
    ids = [
        r[0]
        for r in await rt.db.fetchall(
            "SELECT person_id FROM students WHERE group_id = ? AND status = 'active'", (group_id,)
        )
    ]
    queued = 0

    async def one(person_id: int) -> None:
        nonlocal queued
        person = await person_by_id(rt.db, person_id)
        assert person is not None
        assert person.tg_user_id is not None
        outcome = await rt.checkins.start(
            rt.svc.unit("bench:round"),
            person,
            person.tg_user_id,
            flow_id,
            period_key=period,
            priority=PRIORITY_BULK,
        )
        queued += len(outcome.rows)

    await asyncio.gather(*(one(i) for i in ids))
    return {
        "event": "round",
        "path": "checkins.start",
        "queued": queued,
        "t0": t0,
        "t_committed": time.time(),
    }


async def stats(rt: Runtime, watch: LoopWatch) -> dict[str, Any]:
    pid = os.getpid()
    return {
        "event": "stats",
        "commits": rt.db.commits,
        "sent": rt.sender.sent,
        "failed": rt.sender.failed,
        "processed": rt.processor.processed,
        "idle": await rt.sender.idle(),
        "cpu": cpu_seconds(pid),
        **memory_mb(pid),
        **watch.take(),
    }


async def main() -> None:
    settings = load_settings()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    rt = Runtime(settings)
    await rt.start()
    watch = LoopWatch()
    watch.start(rt)
    emit({"event": "ready", "t": time.time()})
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)

    async def serve() -> None:
        while line := await reader.readline():
            command = json.loads(line)
            op = command.get("op")
            if op == "round":
                emit(await start_round(rt, command["group"], command["flow"], command["period"]))
            elif op == "stats":
                emit(await stats(rt, watch))
            elif op == "cues":
                from bot.risk.cues import default_detector

                started = time.perf_counter()
                default_detector().detect("koulu on ihan ok")
                emit({"event": "cues", "seconds": time.perf_counter() - started})
            else:
                emit({"event": "error", "error": f"unknown op {op!r}"})
        stop.set()  # the harness went away

    server = asyncio.create_task(serve())
    await stop.wait()
    server.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await server
    await rt.stop()


if __name__ == "__main__":
    asyncio.run(main())
