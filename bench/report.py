"""The one table `make bench` prints: median of the runs, their spread, the target."""

from __future__ import annotations

import os
import platform
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


@dataclass
class Row:
    scenario: str
    measure: str
    values: list[float] = field(default_factory=list)
    fmt: str = "{:.0f}"
    unit: str = ""
    target: str = ""
    # applied to the median; None when there is no target
    ok: Callable[[float], bool] | None = None
    text: str | None = None  # a row of words instead of numbers (e.g. CPU split)

    @property
    def median(self) -> float:
        return statistics.median(self.values) if self.values else float("nan")

    def cells(self) -> list[str]:
        if self.text is not None:
            return [self.scenario, self.measure, self.text, "", self.target, ""]
        if not self.values:
            return [self.scenario, self.measure, "n/a", "", self.target, ""]
        unit = f" {self.unit}" if self.unit else ""
        median = self.fmt.format(self.median) + unit
        spread = ""
        if len(self.values) > 1:
            spread = f"{self.fmt.format(min(self.values))}–{self.fmt.format(max(self.values))}"
        verdict = "" if self.ok is None else ("yes" if self.ok(self.median) else "NO")
        return [self.scenario, self.measure, median, spread, self.target, verdict]


HEADER = ["scenario", "measure", "median", "spread (min–max)", "target", "met"]


def render(rows: Sequence[Row]) -> str:
    table = [HEADER, *[row.cells() for row in rows]]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    out = []
    for n, line in enumerate(table):
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(line)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ram = "?"
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            total_kb = int(fh.readline().split()[1])
        ram = f"{total_kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    python = f"{platform.python_implementation()} {sys.version.split()[0]}"
    return f"nproc {len(os.sched_getaffinity(0))} ({cpu}), {ram} RAM, {python}, {platform.system()}"
