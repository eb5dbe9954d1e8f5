"""Phenomena (ilmiöt): a signal rising in a group or the whole school against its own baseline.

A signal is something a student-week either has or not:
- `cue:<category>`: a free-text cue of that category (loneliness, money, sleep, …);
- `low:<measure>`: an answer of 1–2 on that measure (wellbeing, belonging, …);
- `option:<measure>:<option>`: a declared everyday difficulty chosen (money, sleep, housing).

Its rate is (student-weeks with the signal) / (student-weeks that answered), so windows of
different lengths compare fairly. The rule — all must hold:
- at least k different students had the signal in the recent window (default 3 full weeks),
  and at least k students answered both in the recent window and in the baseline (the
  8 full weeks before it);
- the rate rose by at least 10 percentage points and to at least 1.5 × the baseline;
- the rise is unlikely to be chance: given all the student-weeks with the signal, the chance
  that at least this many fell in the recent window if the rate had stayed the same (an exact
  conditional binomial test, which also allows for a baseline that was quiet by luck) is at
  most 0.001.

"Since" is the first week of the unbroken run of recent weeks above the midpoint between the
baseline and the 10-point threshold.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.reports.aggregate import NOGROUP, SCHOOL, bucket, group_scope
from bot.reports.data import AnswerRow, Dataset
from bot.reports.period import local_week, week_key

CUE_SIGNALS = ("loneliness", "bullying", "money", "sleep", "absence", "detachment", "crisis")
LOW_SIGNALS = ("wellbeing", "studies", "belonging", "absence", "quitting", "workplace")
# Options that mean "nothing is hard" or are too vague to be a phenomenon.
NEUTRAL_OPTIONS = frozenset({"kaikki_hyvin", "ei_mitaan", "en_tieda", "muu"})
MIN_RISE = 0.10
MIN_RATIO = 1.5
ALPHA = 0.001


@dataclass(frozen=True)
class Series:
    scope: str
    signal: str
    weeks: tuple[str, ...]  # ascending ISO week keys
    cases: tuple[frozenset[int], ...]  # students with the signal, per week
    population: tuple[frozenset[int], ...]  # students who could have had it, per week

    def window(self, weeks: Iterable[str]) -> tuple[int, int, frozenset[int], frozenset[int]]:
        """(student-weeks with the signal, student-weeks answered, students with it,
        students who answered) over the given weeks."""
        wanted = set(weeks)
        x = n = 0
        cases: set[int] = set()
        population: set[int] = set()
        for week, c, p in zip(self.weeks, self.cases, self.population, strict=True):
            if week in wanted:
                x += len(c)
                n += len(p)
                cases |= c
                population |= p
        return x, n, frozenset(cases), frozenset(population)

    def rate(self, week: str) -> float | None:
        i = self.weeks.index(week)
        return len(self.cases[i]) / len(self.population[i]) if self.population[i] else None


@dataclass(frozen=True)
class Finding:
    scope: str
    signal: str
    since: str  # ISO week key
    baseline: float
    current: float
    students: int  # different students with the signal in the recent window
    p_value: float


def full_weeks(today: date, count: int) -> list[str]:
    """The `count` full ISO weeks before the week of `today`, oldest first."""
    monday = today - timedelta(days=today.weekday())
    return [week_key(monday - timedelta(weeks=n)) for n in range(count, 0, -1)]


def binomial_tail(x: int, n: int, p: float) -> float:
    """P(X ≥ x) for X ~ Binomial(n, p), summed in log space (n may be thousands)."""
    if x <= 0:
        return 1.0
    if x > n:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    total = 0.0
    for i in range(x, n + 1):
        log_term = (
            math.lgamma(n + 1)
            - math.lgamma(i + 1)
            - math.lgamma(n - i + 1)
            + i * log_p
            + (n - i) * log_q
        )
        total += math.exp(log_term)
    return min(1.0, total)


def detect(
    series: Series,
    *,
    k: int,
    recent: list[str],
    baseline: list[str],
    min_rise: float = MIN_RISE,
    min_ratio: float = MIN_RATIO,
    alpha: float = ALPHA,
) -> Finding | None:
    xb, nb, _cases_b, pop_b = series.window(baseline)
    xr, nr, cases_r, pop_r = series.window(recent)
    if len(cases_r) < k or len(pop_r) < k or len(pop_b) < k or not nb or not nr:
        return None
    base_rate, rate = xb / nb, xr / nr
    if rate - base_rate < min_rise or rate < min_ratio * base_rate:
        return None
    # Exact conditional test: if the rate had not changed, each of the xb + xr cases would
    # fall in the recent window with probability nr / (nb + nr). This counts the baseline's own
    # chance variation too (a quiet baseline by luck is not a rise).
    p_value = binomial_tail(xr, xb + xr, nr / (nb + nr))
    if p_value > alpha:
        return None
    threshold = base_rate + min_rise / 2
    above = [w for w in recent if (series.rate(w) or 0.0) > threshold]
    since = above[0] if above else recent[0]
    run_start = None
    for w in reversed(recent):
        if (series.rate(w) or 0.0) <= threshold:
            break
        run_start = w
    since = run_start or since
    return Finding(series.scope, series.signal, since, base_rate, rate, len(cases_r), p_value)


@dataclass
class _Collected:
    scope_of: dict[int, str]
    cases: dict[tuple[str, str, str], set[int]]  # (scope, signal, week)
    population: dict[tuple[str, str, str], set[int]]  # (scope, population key, week)
    names: set[str]

    def scopes(self, student: int) -> tuple[str, str]:
        """The school and the student's group (or NOGROUP)."""
        return (SCHOOL, self.scope_of.get(student, NOGROUP))


def population_key(signal: str) -> str:
    """Who could have had a signal: everyone who answered or wrote (cues), who answered the
    option question (options), or who answered the measure (low answers)."""
    if signal.startswith("cue:"):
        return "answered"
    if signal.startswith("option:"):
        return f"options:{signal.split(':')[1]}"
    return signal


def _collect(ds: Dataset, tz: ZoneInfo) -> _Collected:
    scope_of = {
        sid: group_scope(s.group_id) if s.group_id is not None else NOGROUP
        for sid, s in ds.students.items()
    }
    got = _Collected(scope_of, defaultdict(set), defaultdict(set), set())
    answered: dict[tuple[str, str], set[int]] = defaultdict(set)  # (scope, week)
    for a in ds.answers:
        week = local_week(a.at, tz)
        for scope in got.scopes(a.student_id):
            answered[(scope, week)].add(a.student_id)
        _add_answer(got, a, week)
    for cue in ds.cues:
        if cue.category not in CUE_SIGNALS:
            continue
        week = local_week(cue.at, tz)
        got.names.add(f"cue:{cue.category}")
        for scope in got.scopes(cue.student_id):
            got.cases[(scope, f"cue:{cue.category}", week)].add(cue.student_id)
            answered[(scope, week)].add(cue.student_id)  # a cue is a sign of life too
    for (scope, week), who in answered.items():
        got.population[(scope, "answered", week)] = who
    return got


def _add_answer(got: _Collected, a: AnswerRow, week: str) -> None:
    """A low answer on a measure, or the options chosen in an option question."""
    if a.score is not None and a.measure in LOW_SIGNALS:
        signal = f"low:{a.measure}"
        got.names.add(signal)
        for scope in got.scopes(a.student_id):
            got.population[(scope, signal, week)].add(a.student_id)
            if bucket(a.score) == "low":
                got.cases[(scope, signal, week)].add(a.student_id)
    elif a.score is None:
        for option in a.options:
            if option not in NEUTRAL_OPTIONS:
                got.names.add(f"option:{a.measure}:{option}")
        for scope in got.scopes(a.student_id):
            got.population[(scope, f"options:{a.measure}", week)].add(a.student_id)
            for option in a.options:
                got.cases[(scope, f"option:{a.measure}:{option}", week)].add(a.student_id)


def build_series(
    ds: Dataset, tz: ZoneInfo, weeks: list[str], *, signals: set[str] | None = None
) -> dict[tuple[str, str], Series]:
    """Every signal's weekly series in the school and in each group."""
    got = _collect(ds, tz)
    all_scopes = {SCHOOL} | {got.scope_of[s] for s in ds.students} - {NOGROUP}
    out: dict[tuple[str, str], Series] = {}
    for signal in sorted(got.names if signals is None else got.names & signals):
        key = population_key(signal)
        for scope in sorted(all_scopes):
            out[(scope, signal)] = Series(
                scope,
                signal,
                tuple(weeks),
                tuple(frozenset(got.cases.get((scope, signal, w), ())) for w in weeks),
                tuple(frozenset(got.population.get((scope, key, w), ())) for w in weeks),
            )
    return out


def weekly_counts(ds: Dataset, tz: ZoneInfo, week: str) -> dict[str, dict[str, int]]:
    """One week's counts as published with the week (`bot.reports.published`), no ids:
    'cases': 'scope|signal' → students with the signal; 'populations': 'scope|population key'
    → students who could have had it (see `population_key`)."""
    got = _collect(ds, tz)
    cases = {
        f"{scope}|{signal}": len(who)
        for (scope, signal, w), who in got.cases.items()
        if w == week and who and scope != NOGROUP
    }
    populations = {
        f"{scope}|{key}": len(who)
        for (scope, key, w), who in got.population.items()
        if w == week and who and scope != NOGROUP
    }
    return {"cases": dict(sorted(cases.items())), "populations": dict(sorted(populations.items()))}


def scan(
    series: dict[tuple[str, str], Series],
    *,
    k: int,
    recent: list[str],
    baseline: list[str],
) -> list[Finding]:
    """Findings to report. A school finding is kept only when the rise is wider than the
    groups already reported for the same signal by at least k students — otherwise it would
    repeat them, or (school minus group) reveal a handful of students elsewhere."""
    found = [
        f
        for s in series.values()
        if (f := detect(s, k=k, recent=recent, baseline=baseline)) is not None
    ]
    groups = [f for f in found if f.scope != SCHOOL]
    kept = list(groups)
    for f in found:
        if f.scope != SCHOOL:
            continue
        school_cases = series[(SCHOOL, f.signal)].window(recent)[2]
        covered: set[int] = set()
        for g in groups:
            if g.signal == f.signal:
                covered |= series[(g.scope, g.signal)].window(recent)[2]
        if not covered or len(school_cases - covered) >= k:
            kept.append(f)
    return sorted(kept, key=lambda f: (f.scope != SCHOOL, f.scope, f.signal))


def db_scope(scope: str) -> str:
    """The phenomena table's scope: 'school' or 'group:<id>'."""
    return "school" if scope == SCHOOL else f"group:{scope.removeprefix('g')}"


def from_db_scope(scope: str) -> str:
    return SCHOOL if scope == "school" else group_scope(int(scope.split(":")[1]))


@dataclass(frozen=True)
class BeforeAfter:
    before: float | None  # None: fewer than k students answered
    after: float | None
    verdict: str  # eased, same, rose, unknown


def before_after(series: Series, before: list[str], after: list[str], *, k: int) -> BeforeAfter:
    xb, nb, _, pop_b = series.window(before)
    xa, na, _, pop_a = series.window(after)
    rate_b = xb / nb if len(pop_b) >= k and nb else None
    rate_a = xa / na if len(pop_a) >= k and na else None
    if rate_b is None or rate_a is None:
        return BeforeAfter(rate_b, rate_a, "unknown")
    return BeforeAfter(rate_b, rate_a, _verdict(rate_b, rate_a))


def _verdict(rate_b: float, rate_a: float) -> str:
    if rate_a <= rate_b * 0.8 and rate_b - rate_a >= 0.05:
        return "eased"
    if rate_a >= rate_b * 1.2 and rate_a - rate_b >= 0.05:
        return "rose"
    return "same"


def published_rate(counts: tuple[int, int], *, k: int) -> float | None:
    """A week's rate, drawn only when at least k students could have had the signal."""
    x, n = counts
    return x / n if n >= k else None


def published_window(
    counts: dict[str, tuple[int, int]], weeks: list[str], *, k: int
) -> float | None:
    """The pooled rate of a run of published weeks, shown only when each of its weeks is
    (nobody, or at least k students): two runs that share weeks then differ only by weeks that
    are shown on their own."""
    parts = [counts.get(w, (0, 0)) for w in weeks]
    if not parts or any(0 < n < k for _, n in parts):
        return None
    x, n = sum(p[0] for p in parts), sum(p[1] for p in parts)
    return x / n if n >= k else None


def published_before_after(
    counts: dict[str, tuple[int, int]], before: list[str], after: list[str], *, k: int
) -> BeforeAfter:
    """`before_after` over published weeks (week → (x, n)), each window by published_window."""

    rate_b, rate_a = published_window(counts, before, k=k), published_window(counts, after, k=k)
    if rate_b is None or rate_a is None:
        return BeforeAfter(rate_b, rate_a, "unknown")
    return BeforeAfter(rate_b, rate_a, _verdict(rate_b, rate_a))
