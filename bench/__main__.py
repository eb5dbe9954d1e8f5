"""`make bench` / `python -m bench`: Kohtaamo against a bare python-telegram-bot and Telegram's
limits, printed as one table.

Each scenario runs `--runs` times (default 3) in fresh processes on a fresh database; the table
shows the median and the spread (min–max). The bare echo bot runs in the same session,
interleaved with Kohtaamo's runs, and Kohtaamo's dialog rate is shown as a ratio to it, so a
slower or busier machine still gives comparable numbers. Benchmarks are not tests: nothing
here fails on a missed target; the table says which targets were met.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import aiogram_env, procs
from bench import scenarios as sc
from bench.report import Row, machine, percentile, render

SECONDS = "{:.2f}"


def _cpu_text(windows: list[sc.CpuWindow]) -> str:
    names = {"bot": "bot", "stand-in": "stand-in", "load generator": "load", "others": "others"}
    parts = []
    for name, label in names.items():
        shares = [w.share(name) for w in windows if w.wall]
        if shares:
            parts.append(f"{label} {statistics.median(shares) * 100:.0f}%")
    return " ".join(parts)


def _run_dir(base: Path, name: str) -> Path:
    path = base / f"{name}-{time.monotonic_ns()}"
    path.mkdir(parents=True)
    return path


async def dialog(base: Path, runs: int, students: int, log: Callable[[str], None]) -> list[Row]:
    kohtaamo: list[sc.DialogResult] = []
    echo: list[sc.DialogResult] = []
    aiogram: list[sc.DialogResult] = []
    aiogram_python, why_not = aiogram_env.ensure()
    if aiogram_python is None:
        log(f"aiogram baseline unavailable: {why_not}")
    for n in range(runs):
        echo.append(await sc.echo_dialog(_run_dir(base, "echo"), students, 9))
        e = echo[-1]
        log(
            f"dialog run {n + 1}: echo {e.per_second:.0f} updates/s;"
            f" latency p99 {percentile(e.first_ms, 99):.1f} ms"
        )
        if aiogram_python is not None:
            run_dir = _run_dir(base, "aiogram")
            aiogram.append(await sc.echo_dialog(run_dir, students, 9, aiogram=aiogram_python))
            a = aiogram[-1]
            log(
                f"dialog run {n + 1}: aiogram echo {a.per_second:.0f} updates/s;"
                f" latency p99 {percentile(a.first_ms, 99):.1f} ms"
            )
        kohtaamo.append(await sc.kohtaamo_dialog(_run_dir(base, "dialog"), students))
        k = kohtaamo[-1]
        log(
            f"dialog run {n + 1}: kohtaamo {k.per_second:.0f} answers/s"
            f" ({k.answers} answers, {k.answers_in_db} in the database, {k.commits} commits);"
            f" latency p99 {percentile(k.question_ms, 99):.1f} ms"
        )
    name = f"1 dialog, {students} students"
    ratios = [k.per_second / e.per_second for k, e in zip(kohtaamo, echo, strict=True)]
    per_commit = [k.updates / k.commits for k in kohtaamo if k.commits]
    versus_aiogram = [k.per_second / a.per_second for k, a in zip(kohtaamo, aiogram, strict=False)]
    aiogram_rows = (
        [
            Row(
                name,
                f"bare aiogram {aiogram_env.version()} echo bot",
                [a.per_second for a in aiogram],
                unit="updates/s",
            ),
            Row(
                name,
                "Kohtaamo ÷ aiogram echo",
                versus_aiogram,
                fmt="{:.2f}",
                target="≥ 0.80",
                ok=lambda v: v >= 0.8,
            ),
            Row(
                name,
                "aiogram echo p50 / p99 at half its rate",
                text=(
                    f"{statistics.median(percentile(a.first_ms, 50) for a in aiogram):.1f} ms /"
                    f" {statistics.median(percentile(a.first_ms, 99) for a in aiogram):.1f} ms"
                ),
            ),
            Row(name, "CPU, aiogram echo runs", text=_cpu_text([a.cpu for a in aiogram])),
        ]
        if aiogram
        else [Row(name, "bare aiogram echo bot", text=f"not run: {why_not}")]
    )
    return [
        Row(name, "bare PTB echo bot", [e.per_second for e in echo], unit="updates/s"),
        Row(name, "Kohtaamo answers (durable)", [k.per_second for k in kohtaamo], unit="/s"),
        Row(
            name,
            "Kohtaamo ÷ echo",
            ratios,
            fmt="{:.2f}",
            target="≥ 0.60",
            ok=lambda v: v >= 0.6,
        ),
        *aiogram_rows,
        Row(name, "updates per fsync commit", per_commit, fmt="{:.1f}"),
        Row(name, "CPU, echo runs", text=_cpu_text([e.cpu for e in echo])),
        Row(name, "CPU, Kohtaamo runs", text=_cpu_text([k.cpu for k in kohtaamo])),
        Row(
            name,
            "latency load (half of rate)",
            [k.latency_rate for k in kohtaamo],
            unit="answers/s",
        ),
        Row(
            name,
            "latency p50, action → first reply",
            [percentile(k.first_ms, 50) for k in kohtaamo],
            fmt="{:.1f}",
            unit="ms",
        ),
        Row(
            name,
            "latency p99, action → first reply",
            [percentile(k.first_ms, 99) for k in kohtaamo],
            fmt="{:.1f}",
            unit="ms",
            target="≤ 30 ms",
            ok=lambda v: v <= 30,
        ),
        Row(
            name,
            "echo p50 / p99 at half its rate (floor)",
            text=(
                f"{statistics.median(percentile(e.first_ms, 50) for e in echo):.1f} ms /"
                f" {statistics.median(percentile(e.first_ms, 99) for e in echo):.1f} ms"
                f" at {statistics.median(e.latency_rate for e in echo):.0f} updates/s"
            ),
        ),
        Row(
            name,
            "bot event-loop stall p99 / GC pauses",
            text=(
                f"{statistics.median(k.loop_lag_p99_ms for k in kohtaamo):.1f} ms /"
                f" {statistics.median(k.gc_pause_ms_per_s for k in kohtaamo):.0f} ms per s"
            ),
        ),
        Row(
            name,
            "bot COMMIT (fsync) p99 / slowest",
            text=(
                f"{statistics.median(k.commit_p99_ms for k in kohtaamo):.1f} ms /"
                f" {max(k.commit_max_ms for k in kohtaamo):.1f} ms"
            ),
        ),
        Row(
            name,
            "latency p50, action → next question",
            [percentile(k.question_ms, 50) for k in kohtaamo],
            fmt="{:.1f}",
            unit="ms",
        ),
        Row(
            name,
            "latency p99, action → next question",
            [percentile(k.question_ms, 99) for k in kohtaamo],
            fmt="{:.1f}",
            unit="ms",
            target="≤ 30 ms",
            ok=lambda v: v <= 30,
        ),
    ]


async def fanout(
    base: Path, runs: int, students: int, rate: float, log: Callable[[str], None]
) -> list[Row]:
    kohtaamo: list[sc.FanoutResult] = []
    bare: list[sc.FanoutResult] = []
    for n in range(runs):
        bare.append(await sc.bare_fanout(_run_dir(base, "bare"), students, rate))
        kohtaamo.append(await sc.kohtaamo_fanout(_run_dir(base, "fanout"), students, rate))
        k, b = kohtaamo[-1], bare[-1]
        assert k.delivery is not None
        assert b.delivery is not None
        log(
            f"fan-out {students} @ {rate:g}/s run {n + 1}: kohtaamo {k.elapsed:.2f} s"
            f" ({k.path}; committed in {k.commit_seconds:.2f} s; lost {k.delivery.lost},"
            f" duplicates {k.delivery.duplicates}, refused {k.delivery.refused});"
            f" bare PTB {b.elapsed:.2f} s"
        )
    name = f"2 fan-out, {students} @ {rate:g} msg/s"
    ideal = students / rate

    def delivery(attr: str) -> list[float]:
        return [float(getattr(k.delivery, attr)) for k in kohtaamo if k.delivery is not None]

    slower = [k.elapsed / b.elapsed for k, b in zip(kohtaamo, bare, strict=True) if b.elapsed]
    return [
        Row(name, "bare PTB (gathered sends)", [b.elapsed for b in bare], fmt=SECONDS, unit="s"),
        Row(name, "Kohtaamo round, start → last", [k.elapsed for k in kohtaamo], SECONDS, "s"),
        Row(
            name,
            f"efficiency (ideal {ideal:g} s ÷ time)",
            [k.efficiency for k in kohtaamo],
            fmt="{:.2f}",
            target="≥ 0.95",
            ok=lambda v: v >= 0.95,
        ),
        Row(name, "Kohtaamo ÷ bare PTB (time)", slower, fmt="{:.2f}"),
        Row(name, "lost", delivery("lost"), target="0", ok=lambda v: v == 0),
        Row(name, "duplicates", delivery("duplicates"), target="0", ok=lambda v: v == 0),
        Row(name, "refused by flood control (429)", delivery("refused")),
        Row(name, "CPU, Kohtaamo runs", text=_cpu_text([k.cpu for k in kohtaamo])),
    ]


async def monday(
    base: Path, runs: int, bulk: int, active: int, log: Callable[[str], None]
) -> list[Row]:
    """Issue 22's busy Monday: the round must not starve the students who talk, nor they it."""
    rate = 30.0
    results: list[sc.MondayResult] = []
    for n in range(runs):
        r = await sc.busy_monday(_run_dir(base, "monday"), bulk, active, rate)
        results.append(r)
        assert r.delivery is not None
        log(
            f"busy Monday run {n + 1}: round {r.round_seconds:.1f} s (ideal {r.ideal:.1f} s,"
            f" {r.sends_during_round} sends meanwhile); next question p99"
            f" {percentile(r.question_ms, 99):.0f} ms over {len(r.question_ms)} answers; crisis"
            f" reply {r.crisis_ms:.0f} ms; refused {r.refused}; lost {r.delivery.lost},"
            f" duplicates {r.delivery.duplicates}; answers {r.answers_given} sent,"
            f" {r.answers_in_db} stored"
        )
    name = f"7 busy Monday: {bulk} @ 30 msg/s + {active} answering"
    return [
        Row(name, "bulk round, start → last", [r.round_seconds for r in results], SECONDS, "s"),
        Row(
            name,
            f"round ÷ ideal ({bulk} ÷ 30 = {bulk / rate:g} s)",
            [r.round_seconds / r.ideal for r in results],
            fmt="{:.3f}",
            target="≤ 1.03",
            ok=lambda v: v <= 1.03,
        ),
        Row(
            name,
            "round ÷ (all sends and edits meanwhile ÷ 30)",
            [r.round_seconds / r.budget_ideal for r in results if r.budget_ideal],
            fmt="{:.3f}",
        ),
        Row(
            name,
            "p99 answer → next question",
            [percentile(r.question_ms, 99) for r in results],
            fmt="{:.0f}",
            unit="ms",
            target="≤ 1500 ms",
            ok=lambda v: v <= 1500,
        ),
        Row(
            name,
            "crisis message → reply",
            [r.crisis_ms for r in results],
            fmt="{:.0f}",
            unit="ms",
            target="≤ 1000 ms",
            ok=lambda v: v <= 1000,
        ),
        Row(
            name,
            "refused by flood control (429)",
            [float(r.refused) for r in results],
            target="0",
            ok=lambda v: v == 0,
        ),
        Row(
            name,
            "bulk lost",
            [float(r.delivery.lost) for r in results if r.delivery],
            target="0",
            ok=lambda v: v == 0,
        ),
        Row(
            name,
            "bulk duplicates",
            [float(r.delivery.duplicates) for r in results if r.delivery],
            target="0",
            ok=lambda v: v == 0,
        ),
        Row(
            name,
            "answers sent − stored",
            [float(r.answers_given - r.answers_in_db) for r in results],
            target="0",
            ok=lambda v: v == 0,
        ),
    ]


async def memory(
    base: Path, runs: int, students: int, open_checkins: int, log: Callable[[str], None]
) -> list[Row]:
    result = await sc.memory_and_cold_start(_run_dir(base, "memory"), students, open_checkins, runs)
    log(
        f"memory: RSS {result.rss_mb} MB (peak {result.peak_mb}); cold start {result.cold_start_s}"
        f" s; database {result.db_mb:.0f} MB"
    )
    name3 = f"3 memory, {result.students} students, {result.open_checkins} open"
    name4 = "4 cold start, same database"
    return [
        Row(
            name3,
            "bot RSS, cue detector loaded",
            result.rss_mb,
            unit="MB",
            target="≤ 150 MB",
            ok=lambda v: v <= 150,
        ),
        Row(name3, "bot peak RSS (VmHWM)", result.peak_mb, unit="MB"),
        Row(name4, "process start → polling", result.ready_s, fmt=SECONDS, unit="s"),
        Row(
            name4,
            "process start → first update handled",
            result.cold_start_s,
            fmt=SECONDS,
            unit="s",
            target="≤ 3 s",
            ok=lambda v: v <= 3,
        ),
    ]


async def cues(runs: int, log: Callable[[str], None]) -> list[Row]:
    results = [await sc.cue_figures() for _ in range(runs)]
    log(f"cues: {[round(r.sentences_per_s) for r in results]} sentences/s")
    name = "5 cue detection (bench/cues.py)"
    return [
        Row(name, "sentences/s (warm)", [r.sentences_per_s for r in results], unit="/s"),
        Row(name, "detector RSS", [r.detector_mb for r in results], fmt="{:.1f}", unit="MB"),
        Row(name, "detector load", [r.load_ms for r in results], unit="ms"),
        Row(
            name,
            "latency p99 per message",
            [r.p99_ms for r in results],
            fmt="{:.2f}",
            unit="ms",
            target="≤ 20 ms",
            ok=lambda v: v <= 20,
        ),
    ]


async def engine(runs: int, log: Callable[[str], None]) -> list[Row]:
    values = [await sc.engine_steps() for _ in range(runs)]
    log(f"engine: {[round(v) for v in values]} steps/s")
    name = "6 engine, weekly check-in"
    return [Row(name, "steps/s (no database, no Telegram)", values, unit="/s")]


SCENARIOS = ("dialog", "fanout", "monday", "memory", "cues", "engine")


async def main_async(args: argparse.Namespace) -> int:
    def log(line: str) -> None:
        print(f"  … {line}", file=sys.stderr, flush=True)

    wanted = set(args.only.split(",")) if args.only else set(SCENARIOS)
    unknown = wanted - set(SCENARIOS)
    if unknown:
        print(f"unknown scenario(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    base = Path(tempfile.mkdtemp(prefix="kohtaamo-bench-"))
    rows: list[Row] = []
    started = time.time()
    try:
        if "dialog" in wanted:
            rows += await dialog(base, args.runs, args.students, log)
        if "fanout" in wanted:
            rows += await fanout(base, args.runs, args.fanout, args.fanout_rate, log)
            if args.slow_fanout > 0:  # 0 skips the round at Telegram's real rate
                rows += await fanout(base, args.runs, args.slow_fanout, 30.0, log)
        if "monday" in wanted:
            rows += await monday(base, args.runs, args.monday_bulk, args.monday_active, log)
        if "memory" in wanted:
            rows += await memory(base, args.runs, args.memory_students, args.open, log)
        if "cues" in wanted:
            rows += await cues(args.runs, log)
        if "engine" in wanted:
            rows += await engine(args.runs, log)
    finally:
        if args.keep:
            print(f"work files kept in {base}", file=sys.stderr)
        else:
            shutil.rmtree(base, ignore_errors=True)
    print()
    print(f"Kohtaamo benchmarks — {machine()}")
    pinned = f"; bots pinned to CPU {args.pin_bots}" if args.pin_bots else ""
    print(f"{args.runs} run(s) per scenario, {time.time() - started:.0f} s in all{pinned}")
    print()
    print(render(rows))
    print()
    print(
        "CPU: % of one core during the measured window (load = the simulated users; others ="
        " the rest of the machine). Ratios are per run, then the median."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help=f"comma-separated: {','.join(SCENARIOS)}")
    parser.add_argument("--students", type=int, default=1000, help="dialog scenario")
    parser.add_argument("--fanout", type=int, default=5000, help="students in the fast round")
    parser.add_argument("--fanout-rate", type=float, default=1000.0)
    parser.add_argument("--slow-fanout", type=int, default=300, help="students at 30 msg/s")
    parser.add_argument("--monday-bulk", type=int, default=5000, help="busy Monday's round")
    parser.add_argument("--monday-active", type=int, default=200, help="students answering")
    parser.add_argument("--memory-students", type=int, default=20_000)
    parser.add_argument("--open", type=int, default=2000, help="open check-ins (memory)")
    parser.add_argument("--keep", action="store_true", help="keep databases, logs and records")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=60.0,
        help="before each measured run, wait up to this many seconds for an idle machine",
    )
    parser.add_argument("--profile", type=Path, help="py-spy the bot into DIR (if installed)")
    parser.add_argument(
        "--pin-bots",
        metavar="CPUS",
        help="run the bots under test on these CPUs only, e.g. 0 (a one-core school VM)",
    )
    args = parser.parse_args(argv)
    if args.pin_bots:
        procs.PIN_CPUS.update(int(c) for c in args.pin_bots.split(","))
    logging.basicConfig(level=logging.WARNING)
    sc.QUIET_WAIT = args.quiet_wait
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
        sc.PROFILE_DIR = args.profile.resolve()
    return asyncio.run(main_async(args))


if __name__ == "__main__":
    raise SystemExit(main())
