"""The student's own trend (/oma_kehitys): their answers over time and a line that notices
what went well. Only ever built from one student's own rows."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from bot.reports.data import AnswerRow

# Scale questions a student recognises as "how am I doing"; yes/no items (thoughts of quitting)
# are left out on purpose: a falling line of those would read as a verdict, not a picture.
TREND_MEASURES = ("wellbeing", "studies", "belonging", "workplace")
RISE = 1.0  # points on the 1–5 scale between the earlier and the latest answers
GOOD = 4.0


@dataclass(frozen=True)
class Notice:
    kind: str  # 'rose', 'steady' or 'thanks'
    measure: str | None = None


def own_series(answers: list[AnswerRow], tz: ZoneInfo) -> dict[str, list[tuple[date, float]]]:
    """Measure → [(local date, score)] in time order, for the trend measures only."""
    series: dict[str, list[tuple[date, float]]] = defaultdict(list)
    for a in sorted(answers, key=lambda a: a.at):
        if a.measure in TREND_MEASURES and a.score is not None:
            series[a.measure].append((a.at.astimezone(tz).date(), a.score))
    return {m: series[m] for m in TREND_MEASURES if series.get(m)}


def notice(series: dict[str, list[tuple[date, float]]]) -> Notice:
    """A clear rise (the latest two answers at least a point above the three before them)
    beats a steady good level (the latest three at 4 or above); otherwise thanks for answering.
    Never a comparison with anyone else, never a remark about a fall."""
    best: tuple[float, str] | None = None
    for measure in TREND_MEASURES:
        scores = [s for _, s in series.get(measure, [])]
        if len(scores) < 3:
            continue
        latest = statistics.fmean(scores[-2:])
        earlier = statistics.fmean(scores[-5:-2])
        rise = latest - earlier
        if rise >= RISE and (best is None or rise > best[0]):
            best = (rise, measure)
    if best is not None:
        return Notice("rose", best[1])
    for measure in TREND_MEASURES:
        scores = [s for _, s in series.get(measure, [])]
        if len(scores) >= 3 and all(s >= GOOD for s in scores[-3:]):
            return Notice("steady", measure)
    return Notice("thanks")
