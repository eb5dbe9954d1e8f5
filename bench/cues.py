"""Benchmark of the cue detector, read as the bot reads a message (bot/risk/reading.py: the
Finnish detector, then the Swedish and English phrases).

    python -m bench.cues                 # from the repository root
    python -m bench.cues --misses dev    # also list the dev part's errors (never the test part)

Measures on the independent evaluation corpus (bench/data/cues_eval_{test,dev}.tsv, written
without looking at the detector; see bench/data/README.md) and on the old small labelled set
(tests/data/cues_fi.tsv):

* the three safety outcomes against issue 15's targets: gold crisis messages (crisis or
  child_protection) -> "yes" or "ask" (recall >= 0.95) and "yes" alone (>= 0.75); other
  messages -> "yes" (<= 3 %) and "ask" (<= 10 %);
* per-category precision / recall (target for the everyday categories: recall >= 0.8,
  precision >= 0.85);
* speed per message (p50 / p99, warm; target p99 <= 20 ms), the detector's load time and the
  RSS it adds (target <= 150 MB).

The test part is only ever scored here; the detector is tuned on the dev part alone.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = {
    "test": ROOT / "bench" / "data" / "cues_eval_test.tsv",
    "dev": ROOT / "bench" / "data" / "cues_eval_dev.tsv",
}
OLD_SET = ROOT / "tests" / "data" / "cues_fi.tsv"
SAFETY = ("crisis", "child_protection")
EVERYDAY = ("detachment", "absence", "loneliness", "money", "sleep", "positive")
CONCERN = ("eating", "substance", "bullying", "hopelessness")


@dataclass(frozen=True)
class Row:
    text: str
    gold: frozenset[str]
    gold_crisis: bool
    kind: str = ""
    register: str = ""


def read_corpus(path: Path) -> list[Row]:
    """The evaluation corpus: text, gold_crisis, categories, kind, register (TSV, header)."""
    rows: list[Row] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        if not line.strip():
            continue
        rec = dict(zip(header, line.split("\t"), strict=True))
        gold = frozenset(c for c in rec["categories"].split(",") if c)
        rows.append(
            Row(rec["text"], gold, rec["gold_crisis"] == "yes", rec["kind"], rec["register"])
        )
    return rows


def read_old_set(path: Path = OLD_SET) -> list[Row]:
    rows: list[Row] = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            text, cats, _split = line.split("\t")
            gold = frozenset(c for c in cats.split(",") if c)
            rows.append(Row(text, gold, bool(gold & set(SAFETY))))
    return rows


def rss_mb() -> float:
    """Current resident set size from /proc (falls back to the peak from getrusage)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass(frozen=True)
class Prediction:
    categories: frozenset[str]
    crisis: str  # yes / ask / no


def scores(
    rows: Sequence[Row], predicted: Sequence[Prediction], categories: Sequence[str]
) -> dict[str, tuple[float, float, int, int]]:
    """category -> (precision, recall, support, predicted count)."""
    out: dict[str, tuple[float, float, int, int]] = {}
    for cat in categories:
        pairs = list(zip(rows, predicted, strict=True))
        tp = sum(1 for r, p in pairs if cat in r.gold and cat in p.categories)
        fp = sum(1 for r, p in pairs if cat not in r.gold and cat in p.categories)
        fn = sum(1 for r, p in pairs if cat in r.gold and cat not in p.categories)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        out[cat] = (precision, recall, tp + fn, tp + fp)
    return out


@dataclass(frozen=True)
class Outcomes:
    n_crisis: int
    n_other: int
    recall_yes_or_ask: float
    recall_yes: float
    other_yes: float
    other_ask: float

    def targets(self) -> list[tuple[str, float, str, bool]]:
        return [
            ("crisis messages -> yes or ask (recall)", self.recall_yes_or_ask, ">= 0.95",
             self.recall_yes_or_ask >= 0.95),
            ("crisis messages -> yes alone (recall)", self.recall_yes, ">= 0.75",
             self.recall_yes >= 0.75),
            ("other messages -> yes (false alarms)", self.other_yes, "<= 0.03",
             self.other_yes <= 0.03),
            ("other messages -> ask", self.other_ask, "<= 0.10", self.other_ask <= 0.10),
        ]  # fmt: skip


def outcomes(rows: Sequence[Row], predicted: Sequence[Prediction]) -> Outcomes:
    crisis = [p.crisis for r, p in zip(rows, predicted, strict=True) if r.gold_crisis]
    other = [p.crisis for r, p in zip(rows, predicted, strict=True) if not r.gold_crisis]

    def share(values: list[str], wanted: set[str]) -> float:
        return sum(1 for v in values if v in wanted) / len(values) if values else float("nan")

    return Outcomes(
        n_crisis=len(crisis),
        n_other=len(other),
        recall_yes_or_ask=share(crisis, {"yes", "ask"}),
        recall_yes=share(crisis, {"yes"}),
        other_yes=share(other, {"yes"}),
        other_ask=share(other, {"ask"}),
    )


def _yes(ok: bool) -> str:
    return "yes" if ok else "NO"


def print_part(name: str, rows: Sequence[Row], predicted: Sequence[Prediction]) -> None:
    from bot.risk.cues import CATEGORIES

    o = outcomes(rows, predicted)
    print(
        f"[{name}] {len(rows)} messages: {o.n_crisis} crisis (gold_crisis=yes), {o.n_other} other"
    )
    print(f"  {'safety outcome':<44} {'value':>7} {'target':>8} {'met':>4}")
    for label, value, target, ok in o.targets():
        print(f"  {label:<44} {value:>7.3f} {target:>8} {_yes(ok):>4}")
    print(f"  {'category':<16} {'precision':>9} {'recall':>7} {'support':>8} {'target met':>11}")
    for cat, (p, r, n, _) in scores(rows, predicted, CATEGORIES).items():
        if cat in EVERYDAY or cat in CONCERN:
            met = _yes(p >= 0.85 and r >= 0.8) if n else "-"
        else:
            met = ""  # the safety kinds are judged by the three outcomes above
        print(f"  {cat:<16} {p:>9.3f} {r:>7.3f} {n:>8} {met:>11}")
    print()


def print_misses(rows: Sequence[Row], predicted: Sequence[Prediction]) -> None:
    """Dev-part error analysis: crisis misses, false alarms and category errors."""
    for r, p in zip(rows, predicted, strict=True):
        wrong = []
        if r.gold_crisis and p.crisis != "yes":
            wrong.append(f"CRISIS->{p.crisis}")
        if not r.gold_crisis and p.crisis != "no":
            wrong.append(f"FALSE-{p.crisis}")
        missing = sorted(r.gold - p.categories - set(SAFETY))
        extra = sorted(p.categories - r.gold - set(SAFETY))
        if missing:
            wrong.append("miss:" + ",".join(missing))
        if extra:
            wrong.append("extra:" + ",".join(extra))
        if wrong:
            print(f"  {' '.join(wrong):<40} {r.kind:<24} {r.text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cues", description=__doc__)
    parser.add_argument("--misses", choices=["dev", "old"], help="list one part's errors")
    args = parser.parse_args(argv)

    gc.collect()
    rss_before = rss_mb()
    t0 = time.perf_counter()
    from bot.risk import other_languages
    from bot.risk.cues import CueDetector
    from bot.risk.reading import read

    detector = CueDetector.load()
    detector.detect("lämmittely")  # loads anything loaded lazily
    other_languages.load_model()
    load_s = time.perf_counter() - t0
    rss_detector = rss_mb() - rss_before

    def predict(rows: Sequence[Row]) -> list[Prediction]:
        out = []
        for row in rows:
            res = read(row.text, detector)
            out.append(Prediction(frozenset(res.categories), res.crisis))
        return out

    parts: dict[str, list[Row]] = {}
    for name, path in CORPUS.items():
        if path.exists():
            parts[name] = read_corpus(path)
    parts["old set"] = read_old_set()
    predicted = {name: predict(rows) for name, rows in parts.items()}

    if args.misses:
        name = "dev" if args.misses == "dev" else "old set"
        print_misses(parts[name], predicted[name])
        print()

    print("Kohtaamo cue detector benchmark")
    print()
    for name, rows in parts.items():
        print_part(name, rows, predicted[name])

    texts = [r.text for rows in parts.values() for r in rows]
    timer: Callable[[], float] = time.perf_counter
    latencies: list[float] = []
    repeats = 5
    # The detector keeps the results of its latest RESULT_CACHE_SIZE texts; cycling through
    # more distinct texts than that never hits it, so these are the figures of a fresh read.
    from bot.risk.cues import RESULT_CACHE_SIZE

    if len(set(texts)) <= RESULT_CACHE_SIZE:
        raise SystemExit("too few distinct texts: the timing would read the detector's cache")
    t2 = timer()
    for _ in range(repeats):
        for text in texts:
            a = timer()
            read(text, detector)
            latencies.append((timer() - a) * 1000)
    warm_s = timer() - t2
    rss_after_run = rss_mb() - rss_before
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]

    print(f"Speed and memory ({len(texts)} messages x {repeats}, warm)")
    print(f"  {'detector load (cold, incl. imports)':<44} {load_s * 1000:>8.1f} ms")
    print(f"  {'detector RSS delta after load':<44} {rss_detector:>8.1f} MB")
    print(f"  {'detector RSS delta after benchmark':<44} {rss_after_run:>8.1f} MB")
    print(f"  {'throughput, warm':<44} {len(latencies) / warm_s:>8.0f} sentences/s")
    print(f"  {'latency p50 per message':<44} {p50:>8.2f} ms")
    print(f"  {'latency p99 per message':<44} {p99:>8.2f} ms   target <= 20 ms: {_yes(p99 <= 20)}")
    print(f"  {'latency max per message':<44} {latencies[-1]:>8.2f} ms")
    print(
        f"  {'added RSS target <= 150 MB':<44} {rss_after_run:>8.1f} MB   met: "
        f"{_yes(rss_after_run <= 150)}"
    )
    imported = [m for m in ("simplemma", "sklearn", "torch") if m in sys.modules]
    print(f"  {'heavy modules imported by the detector':<44} {', '.join(imported) or 'none':>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
