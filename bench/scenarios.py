"""One run of each scenario. Every run starts its own processes on a fresh database, so runs
are independent; `bench.__main__` repeats them and prints the table."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import record
from bench.load import Action, ActionLog, Pacer, Pump, buttons, echo_user, student
from bench.procs import (
    ROOT,
    Proc,
    machine_busy_seconds,
    quiet_machine,
    self_cpu_seconds,
    start_aiogram_echo,
    start_echo,
    start_kohtaamo,
    start_kohtaamo_cli,
    start_standin,
)
from bench.report import percentile
from bench.seed import FIRST_STUDENT_ID, FLOW, meet_bot, seed_school
from bot.standin.client import StandinClient

# The dialog scenario measures what the bot can do, not Telegram's limits: the stand-in's
# flood limits are off and both bots' AIORateLimiter is set out of the way (it still runs).
UNLIMITED_RATE = 100_000.0
GROUP = "BENCH"
ADMIN = 1  # the user who tells the bare bot to broadcast


@dataclass
class CpuWindow:
    """CPU seconds each process used during a measured window, and the window's length."""

    wall: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)

    def share(self, name: str) -> float:
        """CPU used as a fraction of one core; "others": everything else on the machine."""
        if not self.wall:
            return 0.0
        if name == "others":
            ours = sum(v for k, v in self.cpu.items() if k != "machine")
            return max(0.0, self.cpu.get("machine", 0.0) - ours) / self.wall
        return self.cpu.get(name, 0.0) / self.wall


# Where to write the latency phase's actions (for a closer look at a run), or None.
DUMP_ACTIONS: Path | None = None

# Before each measured window: wait up to this long for the machine to be idle (0: don't).
QUIET_WAIT = 0.0

# `--profile DIR`: py-spy (pip-install it into the venv yourself; it is no dependency) records
# the bot process during each measured window, as raw folded stacks and a flame graph.
PROFILE_DIR: Path | None = None


class Measure:
    def __init__(self, procs: dict[str, Proc], profile: str | None = None) -> None:
        self.procs = procs
        self.window = CpuWindow()
        self._profile = profile
        self._spy: subprocess.Popen[bytes] | None = None

    def _now(self) -> dict[str, float]:
        found = {name: proc.cpu() for name, proc in self.procs.items()}
        found["load generator"] = self_cpu_seconds()
        found["machine"] = machine_busy_seconds()
        return found

    async def __aenter__(self) -> Measure:
        if QUIET_WAIT > 0:
            await quiet_machine(QUIET_WAIT)
        self._start_profile()
        self._t0 = time.time()
        self._cpu0 = self._now()
        return self

    async def __aexit__(self, *exc: object) -> None:
        cpu1 = self._now()
        self.window = CpuWindow(time.time() - self._t0, {k: cpu1[k] - self._cpu0[k] for k in cpu1})
        if self._spy is not None:
            self._spy.send_signal(signal.SIGINT)  # py-spy writes its output on SIGINT
            await asyncio.to_thread(self._spy.wait, 30)

    def _start_profile(self) -> None:
        spy = Path(sys.executable).with_name("py-spy")
        if PROFILE_DIR is None or self._profile is None or not spy.exists():
            return
        target = self.procs[self._profile]
        out = PROFILE_DIR / f"{self._profile}-{target.pid}"
        self._spy = subprocess.Popen(
            [
                str(spy),
                "record",
                "-p",
                str(target.pid),
                "-r",
                "200",
                "-f",
                "raw",
                "-o",
                f"{out}.txt",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


@contextlib.asynccontextmanager
async def standin(
    work: Path, *, limits: bool, overall: float | None = None
) -> AsyncIterator[tuple[Proc, str, Path, StandinClient]]:
    proc, base, record_path = await start_standin(work, limits=limits, overall=overall)
    client = StandinClient(f"{base}/control")
    try:
        yield proc, base, record_path, client
    finally:
        await client.close()
        await proc.stop()


@contextlib.asynccontextmanager
async def pumping(client: StandinClient, chats: list[int]) -> AsyncIterator[Pump]:
    pump = Pump(client, await client.seq())
    for chat in chats:
        pump.inbox(chat)
    pump.start()
    try:
        yield pump
    finally:
        await pump.stop()


async def run_round(bot: Proc, period: str, group: str = GROUP) -> dict[str, Any]:
    return await bot.send({"op": "round", "group": group, "flow": FLOW, "period": period})


async def first_questions(
    pump: Pump, students: list[int], timeout: float = 120.0
) -> dict[int, dict[str, Any]]:
    """Each student's first question of a new check-in (anything else in the chat is skipped)."""

    async def one(uid: int) -> tuple[int, dict[str, Any]]:
        inbox = pump.inbox(uid)
        while True:
            event = await inbox.get()
            if event["kind"] == "send" and buttons(event["message"]):
                return uid, event

    async with asyncio.timeout(timeout):
        return dict(await asyncio.gather(*(one(uid) for uid in students)))


def drain(pump: Pump, chats: list[int]) -> None:
    for chat in chats:
        inbox = pump.inbox(chat)
        while not inbox.empty():
            inbox.get_nowait()


# -- 1. dialog throughput and latency ---------------------------------------------------------


@dataclass
class DialogResult:
    answers: int = 0
    updates: int = 0
    elapsed: float = 0.0
    cpu: CpuWindow = field(default_factory=CpuWindow)
    answers_in_db: int = 0
    commits: int = 0
    latency_rate: float = 0.0  # answers/s offered in the latency phase
    latency_actions: int = 0  # actions sent in the latency phase
    # the bot's event loop during the latency phase: stalls and garbage-collector pauses
    loop_lag_p99_ms: float = 0.0
    loop_lag_max_ms: float = 0.0
    gc_pause_ms_per_s: float = 0.0
    commit_p99_ms: float = 0.0  # COMMIT (fsync) durations in the latency phase
    commit_max_ms: float = 0.0
    first_ms: list[float] = field(default_factory=list)
    question_ms: list[float] = field(default_factory=list)

    @property
    def per_second(self) -> float:
        return self.answers / self.elapsed if self.elapsed else 0.0


async def kohtaamo_dialog(
    work: Path,
    students: int,
    *,
    latency_fraction: float | None = 0.5,
    latency_actions: int | None = 2000,
) -> DialogResult:
    """`students` students answer the weekly check-in at once (button presses, one multichoice
    toggle, one typed answer); then, on a second check-in, the same at `latency_fraction` of
    the measured answer rate, open loop, for latency (the first `latency_actions` actions)."""
    database = work / "kohtaamo.sqlite3"
    school = await seed_school(database, {GROUP: students})
    ids = school.students
    result = DialogResult()
    async with standin(work, limits=False) as (sproc, base, record_path, client):
        await meet_bot(client, base, ids)
        bot = await start_kohtaamo(work, base, database, UNLIMITED_RATE)
        try:
            async with pumping(client, ids) as pump:
                await run_round(bot, "bench-1")
                firsts = await first_questions(pump, ids)
                commits0 = (await bot.send({"op": "stats"}))["commits"]
                log = ActionLog()
                procs = {"bot": bot, "stand-in": sproc}
                async with Measure(procs, "bot") as measure:
                    counts = await asyncio.gather(
                        *(student(client, u, pump.inbox(u), firsts[u], log) for u in ids)
                    )
                stats = await bot.send({"op": "stats"})
                result.answers, result.updates = sum(counts), len(log.actions)
                result.elapsed, result.cpu = measure.window.wall, measure.window
                result.commits = int(stats["commits"]) - int(commits0)
                if latency_fraction:
                    await _latency_phase(
                        bot, pump, ids, record_path, result, latency_fraction, latency_actions
                    )
        finally:
            await bot.stop()
    result.answers_in_db = await _count_answers(database)
    return result


async def _latency_phase(
    bot: Proc,
    pump: Pump,
    ids: list[int],
    record_path: Path,
    result: DialogResult,
    fraction: float,
    limit: int | None,
) -> None:
    drain(pump, ids)
    await run_round(bot, "bench-2")
    firsts = await first_questions(pump, ids)
    result.latency_rate = result.per_second * fraction
    # the pacer paces actions; a check-in has a few more actions (toggles) than answers
    pacer = Pacer(result.latency_rate * result.updates / max(result.answers, 1), limit)
    await bot.send({"op": "stats"})  # resets the bot's loop watch
    since = time.time()
    client = pump.client
    fired = await _paced(
        pacer,
        lambda log: [student(client, u, pump.inbox(u), firsts[u], log, pacer.act) for u in ids],
    )
    watch = await bot.send({"op": "stats"})
    result.loop_lag_p99_ms = float(watch["loop_lag_p99_ms"])
    result.loop_lag_max_ms = float(watch["loop_lag_max_ms"])
    result.commit_p99_ms = float(watch["commit_p99_ms"])
    result.commit_max_ms = float(watch["commit_max_ms"])
    result.gc_pause_ms_per_s = float(watch["gc_pause_total_ms"]) / (time.time() - since)
    await _latencies(result, fired, record_path, since)


async def _paced(
    pacer: Pacer, users: Callable[[ActionLog], list[Coroutine[Any, Any, int]]]
) -> list[Action]:
    """Runs the simulated users with every action paced by `pacer` until it has sent its
    actions (and a second for the last replies); returns the actions that went out."""
    log = ActionLog()
    pacer.start()

    async def everyone() -> None:
        await asyncio.gather(*users(log))

    everyone_task = asyncio.create_task(everyone())
    exhausted = asyncio.create_task(pacer.exhausted.wait())
    try:
        await asyncio.wait([everyone_task, exhausted], return_when=asyncio.FIRST_COMPLETED)
        if not everyone_task.done():
            await asyncio.sleep(1.0)  # the last actions' replies
            everyone_task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await everyone_task
    finally:
        exhausted.cancel()
        await pacer.stop()
    return [a for a in log.actions if a.t_send > 0]


async def _latencies(
    result: DialogResult, fired: list[Action], record_path: Path, since: float
) -> None:
    await asyncio.sleep(0.2)  # the record file is flushed per line; this is only for safety
    result.latency_actions = len(fired)
    if DUMP_ACTIONS is not None:
        DUMP_ACTIONS.write_text(json.dumps([vars(a) for a in fired]))
    first, question = record.latencies(fired, record.read(record_path, since - 1.0))
    result.first_ms = [x * 1000 for x in first]
    result.question_ms = [x * 1000 for x in question]


async def _count_answers(database: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0])
    finally:
        conn.close()


async def echo_dialog(
    work: Path,
    users: int,
    messages: int,
    *,
    latency_fraction: float | None = 0.5,
    latency_actions: int | None = 2000,
    aiogram: Path | None = None,
) -> DialogResult:
    """The bare echo bot under the same shape of load: each user writes, waits for the echo,
    writes again; then the same open loop at `latency_fraction` of its rate, for the latency
    floor of this machine and harness (action → echo). With `aiogram` (the interpreter of its
    environment) the bare aiogram echo bot takes the PTB one's place."""
    ids = list(range(FIRST_STUDENT_ID, FIRST_STUDENT_ID + users))
    result = DialogResult()
    async with standin(work, limits=False) as (sproc, base, record_path, client):
        for uid in ids:
            await client.create_user(uid, "Echo", language_code="fi")
        if aiogram is not None:
            echo = await start_aiogram_echo(work, base, aiogram)
        else:
            echo = await start_echo(work, base, UNLIMITED_RATE)
        try:
            async with pumping(client, ids) as pump:
                warm = ActionLog()
                await asyncio.gather(*(echo_user(client, u, pump.inbox(u), 1, warm) for u in ids))
                log = ActionLog()
                async with Measure({"bot": echo, "stand-in": sproc}) as measure:
                    counts = await asyncio.gather(
                        *(echo_user(client, u, pump.inbox(u), messages, log) for u in ids)
                    )
                result.answers = result.updates = sum(counts)
                result.elapsed, result.cpu = measure.window.wall, measure.window
                if latency_fraction:
                    drain(pump, ids)
                    result.latency_rate = result.per_second * latency_fraction
                    pacer = Pacer(result.latency_rate, latency_actions)
                    since = time.time()
                    fired = await _paced(
                        pacer,
                        lambda log: [
                            echo_user(client, u, pump.inbox(u), messages, log, pacer.act)
                            for u in ids
                        ],
                    )
                    await _latencies(result, fired, record_path, since)
        finally:
            await echo.stop()
    return result


# -- 2. fan-out -------------------------------------------------------------------------------


@dataclass
class FanoutResult:
    students: int = 0
    rate: float = 0.0
    elapsed: float = 0.0  # round started -> last message accepted by the stand-in
    commit_seconds: float = 0.0  # round started -> its rows committed
    delivery: record.Delivery | None = None
    cpu: CpuWindow = field(default_factory=CpuWindow)
    path: str = ""

    @property
    def ideal(self) -> float:
        return self.students / self.rate

    @property
    def efficiency(self) -> float:
        return self.ideal / self.elapsed if self.elapsed else 0.0


async def _wait_sends(client: StandinClient, seq0: int, count: int, timeout: float) -> None:
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout):
            while await client.seq() - seq0 < count:
                await asyncio.sleep(0.05)


async def kohtaamo_fanout(
    work: Path, students: int, rate: float, *, settle: float = 1.5
) -> FanoutResult:
    """A round to `students` students; the stand-in enforces `rate` msg/s overall and the bot's
    rate limiter is set to the same."""
    database = work / "kohtaamo.sqlite3"
    school = await seed_school(database, {GROUP: students})
    ids = school.students
    result = FanoutResult(students=students, rate=rate)
    async with standin(work, limits=True, overall=rate) as (sproc, base, record_path, client):
        await meet_bot(client, base, ids)
        bot = await start_kohtaamo(work, base, database, rate)
        try:
            await asyncio.sleep(settle)  # past the first clock tick, so it does not land mid-round
            seq0 = await client.seq()
            async with Measure({"bot": bot, "stand-in": sproc}, "bot") as measure:
                reply = await run_round(bot, "bench-1")
                await _wait_sends(client, seq0, students, timeout=result.ideal * 3 + 40)
            result.path = str(reply["path"])
            t0 = float(reply["t0"])
            result.commit_seconds = float(reply["t_committed"]) - t0
            result.cpu = measure.window
            await asyncio.sleep(0.5)  # a duplicate would show up now
            result.delivery = record.delivery(record.read(record_path, t0 - 1.0), set(ids))
            result.elapsed = result.delivery.last_at - t0
        finally:
            await bot.stop()
    return result


async def bare_fanout(work: Path, students: int, rate: float) -> FanoutResult:
    """The bare PTB bot sends the same number of messages (gathered sends)."""
    ids = list(range(FIRST_STUDENT_ID, FIRST_STUDENT_ID + students))
    result = FanoutResult(students=students, rate=rate, path="bare PTB")
    async with standin(work, limits=True, overall=rate) as (sproc, base, record_path, client):
        await meet_bot(client, base, ids)
        await client.create_user(ADMIN, "Admin", language_code="fi")
        echo = await start_echo(work, base, rate)
        try:
            await asyncio.sleep(1.5)
            seq0 = await client.seq()
            async with Measure({"bot": echo, "stand-in": sproc}) as measure:
                t0 = time.time()
                await client.send_text(ADMIN, f"/broadcast {ids[0]} {students}")
                await _wait_sends(client, seq0, students, timeout=result.ideal * 3 + 40)
            result.cpu = measure.window
            await asyncio.sleep(0.5)
            result.delivery = record.delivery(record.read(record_path, t0 - 1.0), set(ids))
            result.elapsed = result.delivery.last_at - t0
        finally:
            await echo.stop()
    return result


# -- 3./4. memory and cold start --------------------------------------------------------------


@dataclass
class MemoryResult:
    rss_mb: list[float] = field(default_factory=list)
    peak_mb: list[float] = field(default_factory=list)
    cold_start_s: list[float] = field(default_factory=list)
    ready_s: list[float] = field(default_factory=list)
    students: int = 0
    open_checkins: int = 0
    db_mb: float = 0.0


async def memory_and_cold_start(
    work: Path, students: int, open_checkins: int, runs: int, group_size: int = 25
) -> MemoryResult:
    """A school of `students`, `open_checkins` of them with a check-in delivered and not yet
    answered. Each run starts the bot on that database, loads the cue detector, lets a few
    students answer and reads the bot's RSS; then `kohtaamo run` is cold-started `runs` times
    with an answer waiting, and timed to the reaction."""
    database = work / "kohtaamo.sqlite3"
    groups = {f"G{n:04d}": group_size for n in range(students // group_size)}
    school = await seed_school(database, groups)
    open_groups = list(groups)[: max(1, open_checkins // group_size)]
    open_ids = [uid for g in open_groups for uid in school.groups[g]]
    result = MemoryResult(students=len(school.students), open_checkins=len(open_ids))
    async with standin(work, limits=False) as (_sproc, base, _record, client):
        await meet_bot(client, base, open_ids)
        questions: dict[int, dict[str, Any]] = {}
        bot = await start_kohtaamo(work, base, database, UNLIMITED_RATE)
        try:
            async with pumping(client, open_ids) as pump:
                for group in open_groups:
                    await run_round(bot, "bench-open", group)
                questions = await first_questions(pump, open_ids, timeout=300)
        finally:
            await bot.stop()
        result.db_mb = database.stat().st_size / 1e6
        answering = iter(open_ids)
        for _ in range(runs):
            rss, peak = await _memory_run(work, base, database, client, answering, questions)
            result.rss_mb.append(rss)
            result.peak_mb.append(peak)
        for _ in range(runs):
            cold, ready = await _cold_start(work, base, database, client, answering, questions)
            result.cold_start_s.append(cold)
            result.ready_s.append(ready)
    return result


async def _memory_run(
    work: Path,
    base: str,
    database: Path,
    client: StandinClient,
    answering: Any,
    questions: dict[int, dict[str, Any]],
    answers: int = 100,
) -> tuple[float, float]:
    bot = await start_kohtaamo(work, base, database, UNLIMITED_RATE)
    try:
        await bot.send({"op": "cues"})
        chosen = [next(answering) for _ in range(answers)]
        async with pumping(client, chosen) as pump:

            async def answer(uid: int) -> None:
                event = questions[uid]
                await client.press(uid, int(event["message_id"]), buttons(event["message"])[3][1])
                while (await pump.inbox(uid).get())["kind"] != "send":
                    pass

            async with asyncio.timeout(60):
                await asyncio.gather(*(answer(uid) for uid in chosen))
        stats = await bot.send({"op": "stats"})
        return float(stats["VmRSS"]), float(stats["VmHWM"])
    finally:
        await bot.stop()


async def _cold_start(
    work: Path,
    base: str,
    database: Path,
    client: StandinClient,
    answering: Any,
    questions: dict[int, dict[str, Any]],
) -> tuple[float, float]:
    """An answer waits at the stand-in; `python -m bot run` starts; the clock stops at the
    bot's first message request in that chat. Also returns the time to its first getUpdates."""
    uid = next(answering)
    event = questions[uid]
    if QUIET_WAIT > 0:
        await quiet_machine(QUIET_WAIT)
    seq0 = await client.seq()
    await client.press(uid, int(event["message_id"]), buttons(event["message"])[3][1])
    bot = await start_kohtaamo_cli(work, base, database, UNLIMITED_RATE)
    try:
        reaction = await client.wait_events(uid, after_seq=seq0, timeout=30.0)
        reacted_at = time.time()
        del reaction
        ready = await _first_poll_at(client, bot.started_at)
        return reacted_at - bot.started_at, ready
    finally:
        await bot.stop()


async def _first_poll_at(client: StandinClient, since: float) -> float:
    """Seconds from `since` to the bot's first getUpdates (it is polling: the start is done)."""
    for entry in await client.requests():
        if entry["method"] == "getUpdates" and float(entry.get("at", 0.0)) >= since:
            return float(entry["at"]) - since
    return float("nan")


# -- 5. cue detection (bench/cues.py) -----------------------------------------------------------


@dataclass
class CueResult:
    sentences_per_s: float = float("nan")
    detector_mb: float = float("nan")
    load_ms: float = float("nan")
    p99_ms: float = float("nan")


async def cue_figures() -> CueResult:
    """Runs bench/cues.py in its own process (a clean RSS) and reads its figures."""
    if QUIET_WAIT > 0:
        await quiet_machine(QUIET_WAIT)
    out = await asyncio.to_thread(_run_cues)

    def number(label: str) -> float:
        match = re.search(re.escape(label) + r"\s+([\d.]+)", out)
        return float(match.group(1)) if match else float("nan")

    return CueResult(
        sentences_per_s=number("throughput, warm"),
        detector_mb=number("detector RSS delta after load"),
        load_ms=number("detector load (cold, incl. imports)"),
        p99_ms=number("latency p99 per message"),
    )


def _run_cues() -> str:
    return subprocess.run(
        [sys.executable, "-m", "bench.cues"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    ).stdout


# -- 6. engine ------------------------------------------------------------------------------


async def engine_steps(seconds: float = 2.0) -> float:
    """Steps/s of the weekly check-in through the engine alone: no database, no Telegram."""
    from datetime import date

    from bot.config import load_settings
    from bot.engine.conditions import AnswerValue
    from bot.engine.model import END
    from bot.engine.runner import Engine, value_from_button
    from bot.i18n import Translator
    from bot.services.flows import FlowRegistry

    if QUIET_WAIT > 0:
        await quiet_machine(QUIET_WAIT)
    settings = load_settings(_env_file=None)
    flows, _ = FlowRegistry.load(settings.flows_dir, Translator(settings.locales_dir))
    flow = flows.current(FLOW)
    assert flow is not None
    engine = Engine()
    today = date(2026, 11, 23)
    picks = {"scale5": 3, "choice": 0, "yesno": 1, "multichoice": 4}
    steps = 0
    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    while time.perf_counter() < deadline:
        state = flow.first
        answers: dict[str, AnswerValue] = {}
        while state != END:
            question = flow.questions[state]
            if question.type == "text":
                value: Any = "Ihan hyvä viikko"
            elif question.type == "multichoice":
                value = [question.option_ids()[-1]]
            else:
                value = value_from_button(question, picks.get(question.type, 0), today)
            step = await engine.step(flow, state, answers, value)
            answers = {**answers, state: step.answer}
            state = step.next_state
            steps += 1
    return steps / (time.perf_counter() - started)


def summary(result: Any) -> str:
    """A JSON line per run, kept next to the table for whoever wants the raw numbers."""

    def plain(value: Any) -> Any:
        if hasattr(value, "__dataclass_fields__"):
            return {k: plain(getattr(value, k)) for k in value.__dataclass_fields__}
        if isinstance(value, list) and len(value) > 20:
            return f"[{len(value)} values]"
        return value

    return json.dumps(plain(result), default=str)


__all__ = [
    "CueResult",
    "DialogResult",
    "FanoutResult",
    "MemoryResult",
    "bare_fanout",
    "cue_figures",
    "echo_dialog",
    "engine_steps",
    "kohtaamo_dialog",
    "kohtaamo_fanout",
    "memory_and_cold_start",
    "percentile",
]


# -- 7. busy Monday: a big round while students talk --------------------------------------------

BULK = "BULK"
COACH_IDS = 10_000  # bench.seed gives group n's coach the Telegram id 10 000 + n
CRISIS_TEXT = "en jaksa enää, haluun vaan kuolla"


@dataclass
class MondayResult:
    bulk: int = 0
    active: int = 0
    rate: float = 0.0
    round_seconds: float = 0.0  # the bulk round: started -> its last message accepted
    sends_during_round: int = 0  # messages and edits the stand-in accepted meanwhile (all chats)
    question_ms: list[float] = field(default_factory=list)  # action -> next question, in round
    crisis_ms: float = 0.0  # the crisis message -> its reply
    delivery: record.Delivery | None = None  # the bulk round's messages
    refused: int = 0  # 429s to any send during the round
    answers_in_db: int = 0  # answers stored (both rounds' check-ins)
    answers_given: int = 0  # answers the students sent (presses and typed, not toggles)
    actions: list[Action] = field(default_factory=list)  # what the students did, for a closer look

    @property
    def ideal(self) -> float:
        """The bulk round alone at the overall limit (issue 22's target)."""
        return self.bulk / self.rate

    @property
    def budget_ideal(self) -> float:
        """Everything sent during the round at the overall limit: no schedule can beat it."""
        return self.sends_during_round / self.rate


async def _wait_delivered(path: Path, since: float, chats: set[int], timeout: float) -> None:
    """Until every chat in `chats` got a message (read from the stand-in's record file)."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout):
            while record.delivery(record.read(path, since), chats).lost:
                await asyncio.sleep(1.0)


async def busy_monday(
    work: Path, bulk: int, active: int, rate: float, *, pace: float = 2.0
) -> MondayResult:
    """A Monday morning: a `bulk`-student round at `rate` msg/s (the stand-in enforces the
    overall and the per-chat limits) while `active` students answer their check-ins, paced at
    `pace` actions/s, and one of them writes a crisis message 10 s into the round."""
    database = work / "kohtaamo.sqlite3"
    school = await seed_school(database, {GROUP: active + 1, BULK: bulk})
    talking = school.groups[GROUP][:active]
    writer = school.groups[GROUP][active]
    bulk_ids = school.groups[BULK]
    result = MondayResult(bulk=bulk, active=active, rate=rate)
    async with standin(work, limits=True, overall=rate) as (_proc, base, record_path, client):
        coaches = [COACH_IDS, COACH_IDS + 1]  # seed_school's coaches: they get the crisis alert
        await meet_bot(client, base, [*coaches, *talking, writer, *bulk_ids])
        bot = await start_kohtaamo(work, base, database, rate)
        try:
            async with pumping(client, [*talking, writer]) as pump:
                await run_round(bot, "bench-1", GROUP)
                firsts = await first_questions(pump, [*talking, writer], timeout=600)
                await asyncio.sleep(2.0)  # the active round's last sends are out
                since = time.time()
                reply = await run_round(bot, "bench-1", BULK)
                t0 = float(reply["t0"])
                pacer = Pacer(pace)
                crisis_at = 0.0

                async def crisis() -> None:
                    nonlocal crisis_at
                    await asyncio.sleep(10.0)
                    crisis_at = time.time()
                    await client.send_text(writer, CRISIS_TEXT)

                crisis_task = asyncio.create_task(crisis())
                pacer.start()
                log = ActionLog()
                users = asyncio.gather(
                    *(student(client, u, pump.inbox(u), firsts[u], log, pacer.act) for u in talking)
                )
                await _wait_delivered(record_path, since, set(bulk_ids), result.ideal * 4 + 120)
                round_end = time.time()
                await crisis_task
                await pacer.stop()  # no more actions; the students still waiting give up
                users.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await users
                await asyncio.sleep(2.0)  # the last answers are handled
            result.answers_given = sum(
                1 for a in log.actions if a.t_send > 0 and a.kind != "toggle"
            )
            calls = record.read(record_path, since - 1.0)
            in_round = [c for c in calls if t0 <= c.at <= round_end]
            # Sends and edits: both spend the overall budget (bot/telegram/flood.py).
            result.sends_during_round = sum(
                1 for c in in_round if c.status == 200 and c.method in record.MESSAGE_METHODS
            )
            result.refused = sum(
                1 for c in in_round if c.status == 429 and c.method == "sendMessage"
            )
            result.delivery = record.delivery(calls, set(bulk_ids))
            result.round_seconds = result.delivery.last_at - t0
            fired = [a for a in log.actions if a.t_send > 0 and a.t_send <= result.delivery.last_at]
            result.actions = [a for a in log.actions if a.t_send > 0]
            _first, question = record.latencies(fired, calls)
            result.question_ms = [x * 1000 for x in question]
            replies = [
                c.at
                for c in calls
                if c.chat_id == writer
                and c.method == "sendMessage"
                and c.status == 200
                and c.at >= crisis_at
            ]
            result.crisis_ms = (min(replies) - crisis_at) * 1000 if replies else float("inf")
        finally:
            await bot.stop()
    result.answers_in_db = await _count_answers(database)
    return result
