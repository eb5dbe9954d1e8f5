"""Benchmark of the Finnish cue detector.

    python -m bench.cues            # from the repository root

Prints per-category precision / recall / F1 on the labelled set (tests/data/cues_fi.tsv) for
the dev split, the holdout split and all sentences; throughput; the detector's load time and
RSS cost; and, for comparison, the RSS cost of loading simplemma's Finnish dictionary (measured
in a child process so that it does not pollute the detector's numbers).
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASET = ROOT / "tests" / "data" / "cues_fi.tsv"


@dataclass(frozen=True)
class Row:
    text: str
    gold: frozenset[str]
    split: str


def read_dataset(path: Path = DATASET) -> list[Row]:
    rows: list[Row] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:  # header: text, categories, split
        if not line.strip():
            continue
        text, cats, split = line.split("\t")
        rows.append(Row(text, frozenset(c for c in cats.split(",") if c), split))
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


def scores(
    rows: Sequence[Row], predicted: Sequence[frozenset[str]], categories: Sequence[str]
) -> dict[str, tuple[float, float, float, int]]:
    out: dict[str, tuple[float, float, float, int]] = {}
    for cat in categories:
        tp = sum(1 for r, p in zip(rows, predicted, strict=True) if cat in r.gold and cat in p)
        fp = sum(1 for r, p in zip(rows, predicted, strict=True) if cat not in r.gold and cat in p)
        fn = sum(1 for r, p in zip(rows, predicted, strict=True) if cat in r.gold and cat not in p)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[cat] = (precision, recall, f1, tp + fn)
    return out


_SIMPLEMMA_PROBE = """
import json, time
def rss():
    for line in open('/proc/self/status'):
        if line.startswith('VmRSS:'):
            return int(line.split()[1]) / 1024
    return 0.0
before = rss()
t0 = time.perf_counter()
import simplemma
simplemma.lemmatize('koulussa', lang='fi')
print(json.dumps({'rss': rss() - before, 'seconds': time.perf_counter() - t0}))
"""


def simplemma_cost() -> tuple[float, float] | None:
    try:
        proc = subprocess.run(
            [sys.executable, "-c", _SIMPLEMMA_PROBE],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        data = json.loads(proc.stdout.strip().splitlines()[-1])
        return float(data["rss"]), float(data["seconds"])
    except (subprocess.SubprocessError, ValueError, KeyError, IndexError, OSError):
        return None


def main() -> int:
    gc.collect()
    rss_before = rss_mb()
    t0 = time.perf_counter()
    from bot.risk.cues import CATEGORIES, CueDetector

    detector = CueDetector.load()
    load_s = time.perf_counter() - t0
    rss_detector = rss_mb() - rss_before

    rows = read_dataset()
    t1 = time.perf_counter()
    predicted = [frozenset(detector.detect(r.text).categories) for r in rows]
    cold_s = time.perf_counter() - t1
    repeats = 20
    t2 = time.perf_counter()
    for _ in range(repeats):
        for row in rows:
            detector.detect(row.text)
    warm_s = time.perf_counter() - t2
    rss_after_run = rss_mb() - rss_before

    print("Kohtaamo cue detector benchmark (tests/data/cues_fi.tsv)")
    print()
    for split in ("dev", "holdout", "all"):
        idx = [i for i, r in enumerate(rows) if split == "all" or r.split == split]
        sub_rows = [rows[i] for i in idx]
        sub_pred = [predicted[i] for i in idx]
        exact = sum(1 for r, p in zip(sub_rows, sub_pred, strict=True) if r.gold == p)
        print(f"[{split}] {len(sub_rows)} sentences, exact label-set match {exact}/{len(sub_rows)}")
        print(f"  {'category':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
        for cat, (p, r, f, n) in scores(sub_rows, sub_pred, CATEGORIES).items():
            print(f"  {cat:<12} {p:>9.3f} {r:>7.3f} {f:>6.3f} {n:>8}")
        print()

    n = len(rows)
    print("Speed and memory")
    print(f"  {'detector load (cold, incl. imports)':<44} {load_s * 1000:>8.1f} ms")
    print(f"  {'detector RSS delta after load':<44} {rss_detector:>8.1f} MB")
    print(f"  {'detector RSS delta after benchmark':<44} {rss_after_run:>8.1f} MB")
    print(f"  {'throughput, first pass (cold caches)':<44} {n / cold_s:>8.0f} sentences/s")
    print(f"  {'throughput, warm':<44} {n * repeats / warm_s:>8.0f} sentences/s")
    cost = simplemma_cost()
    if cost is None:
        print(f"  {'simplemma fi (for comparison)':<44} {'n/a':>8}")
    else:
        print(f"  {'simplemma fi RSS delta (child process)':<44} {cost[0]:>8.1f} MB")
        print(f"  {'simplemma fi load time':<44} {cost[1] * 1000:>8.1f} ms")
    imported = "yes" if "simplemma" in sys.modules else "no"
    print(f"  {'simplemma imported by detector':<44} {imported:>8}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
