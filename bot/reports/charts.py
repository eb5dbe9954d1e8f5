"""Charts as PNG bytes (matplotlib, Agg canvas).

matplotlib is imported inside the functions only: the bot starts and idles without it, and
pays for it the first time somebody asks for a chart. No pyplot: each chart is its own
`Figure` drawn on its own Agg canvas, so charts can be drawn in a worker thread.

Every chart has a title, the period (or what it covers), axis labels, and a note when numbers
were hidden. Hidden numbers are never drawn: a hidden week is a gap, a hidden bar is an empty
hatched outline marked "piilotettu".
"""

from __future__ import annotations

import functools
import io
import math
import textwrap
import threading
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from bot.reports.aggregate import BUCKETS, HANDLED, LEVELS, SCHOOL, Report, ScopeInfo
from bot.reports.render import Words

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DPI = 100
REPORT_SIZE = (10.0, 6.0)  # inches → 1000 × 600 px
SMALL_SIZE = (8.0, 4.0)  # 800 × 400 px
TREND_SIZE = (9.0, 5.0)  # 900 × 500 px

P = ParamSpec("P")
R = TypeVar("R")
# matplotlib's font cache and text layout are shared by all figures: charts drawn from worker
# threads take turns (a chart takes a fraction of a second).
_DRAWING = threading.Lock()


def _one_at_a_time(draw: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(draw)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with _DRAWING:
            return draw(*args, **kwargs)

    return wrapper


# Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000")
BUCKET_COLOURS = {"low": "#D55E00", "mid": "#BBBBBB", "high": "#0072B2"}
HIDDEN_COLOUR = "#F2F2F2"


def plain(text: str) -> str:
    """Chart fonts have no emoji: drop symbols and joiners, keep letters like ä, ö, å."""
    kept = [
        ch
        for ch in text
        if unicodedata.category(ch) not in ("So", "Cs", "Cn", "Mn") and ch not in "\u200d\ufe0f"
    ]
    return " ".join("".join(kept).split())


def _figure(size: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=size, dpi=DPI, layout="constrained")


def _png(fig: Figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def _titles(fig: Figure, title: str, period: str, note: str = "") -> None:
    """Title and period on top (both must be readable at a glance), a note at the bottom."""
    fig.suptitle(f"{plain(title)}\n{plain(period)}", fontsize=14, fontweight="bold")
    if note:
        fig.supxlabel(plain(note), fontsize=9, color="#444444")


def _hidden_bar(ax: Any, x: float, height: float, *, horizontal: bool = False) -> None:
    kwargs = {"color": HIDDEN_COLOUR, "edgecolor": "#888888", "hatch": "//", "linewidth": 0.8}
    if horizontal:
        ax.barh(x, height, **kwargs)
    else:
        ax.bar(x, height, **kwargs)


def _note(w: Words, report: Report) -> str:
    return w.t("chart-hidden-note", k=report.k)


# -- report charts ----------------------------------------------------------------------------


@_one_at_a_time
def trend_chart(w: Words, report: Report, scope: ScopeInfo) -> bytes | None:
    """Weekly mean of each measure; hidden weeks are gaps. None when nothing can be shown."""
    series: list[tuple[str, list[float]]] = []
    for m in report.measures:
        points = [report.value(scope.id, "week_mean", m, wk) for wk in report.weeks]
        values = [p if p is not None else math.nan for p in points]
        if any(not math.isnan(v) for v in values):
            series.append((m, values))
    if not series:
        return None
    fig = _figure(REPORT_SIZE)
    ax = fig.add_subplot()
    xs = list(range(len(report.weeks)))
    for n, (m, values) in enumerate(series[:7]):
        ax.plot(
            xs,
            values,
            marker="o",
            linewidth=2,
            color=COLOURS[n % len(COLOURS)],
            label=plain(w.measure(m)),
        )
    step = 1 if len(xs) <= 12 else 2  # a term has ~20 weeks: label every other one
    ax.set_xticks(xs[::step], [plain(w.week(wk)) for wk in report.weeks][::step])
    ax.set_ylim(1, 5.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xlabel(plain(w.t("chart-week-x")))
    ax.set_ylabel(plain(w.t("chart-trend-y")))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left", fontsize=9, ncols=2)
    _titles(
        fig,
        w.t("chart-trend-title", scope=w.scope(scope)),
        w.period(report.period),
        _note(w, report),
    )
    return _png(fig)


@_one_at_a_time
def distribution_chart(w: Words, report: Report, scope: ScopeInfo) -> bytes | None:
    """Each measure as a 100 % bar: 1–2, 3, 4–5; what is hidden is one hatched grey block."""
    measures = [m for m in report.measures if report.value(scope.id, "answers", m)]
    if not measures:
        return None
    fig = _figure(REPORT_SIZE)
    ax = fig.add_subplot()
    ys = list(range(len(measures)))[::-1]
    for y, m in zip(ys, measures, strict=True):
        left = 0.0
        for b in BUCKETS:
            share = report.share(scope.id, "bucket", f"{m}:{b}")
            if share is None:
                continue
            ax.barh(y, share, left=left, height=0.6, color=BUCKET_COLOURS[b], edgecolor="white")
            if share >= 7:
                label = f"{w.number(share, 0)} %"
                ax.text(left + share / 2, y, label, ha="center", va="center", fontsize=9)
            left += share
        if left < 99.5:
            ax.barh(
                y,
                100 - left,
                left=left,
                height=0.6,
                color=HIDDEN_COLOUR,
                edgecolor="#888888",
                hatch="//",
                linewidth=0.8,
            )
            ax.text(
                left + (100 - left) / 2,
                y,
                plain(w.t("chart-hidden")),
                ha="center",
                va="center",
                fontsize=8,
                color="#555555",
            )
    ax.set_yticks(ys, [plain(w.measure(m)) for m in measures])
    ax.set_ylim(-0.6, len(measures) - 0.4)
    ax.set_xlim(0, 100)
    ax.set_xlabel(plain(w.t("chart-dist-x")))
    handles = [_patch(BUCKET_COLOURS[b], plain(w.t("report-bucket", bucket=b))) for b in BUCKETS]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=3)
    _titles(
        fig,
        w.t("chart-dist-title", scope=w.scope(scope)),
        w.period(report.period),
        _note(w, report),
    )
    return _png(fig)


def _patch(colour: str, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, label=label)


@_one_at_a_time
def concerns_chart(w: Words, report: Report, scope: ScopeInfo) -> bytes | None:
    """Concerns by level, and how the actionable ones were handled. None when there were no
    concerns (or their number is hidden)."""
    if not report.value(scope.id, "concerns"):
        return None
    values = [report.value(scope.id, "level", lvl) for lvl in LEVELS] + [
        report.value(scope.id, "handled", h) for h in HANDLED
    ]
    if all(v is None for v in values):
        return None  # every bar would be hidden: the text already says so
    fig = _figure(REPORT_SIZE)
    left, right = fig.subplots(1, 2, gridspec_kw={"width_ratios": [4, 3]})
    _bars(
        left,
        [(plain(w.level(lvl)), report.value(scope.id, "level", lvl)) for lvl in LEVELS],
        w,
        COLOURS[0],
    )
    left.set_title(plain(w.t("chart-concerns-levels")))
    left.set_ylabel(plain(w.t("chart-concerns-y")))
    handled = [
        (plain(w.t("report-handled", state=h)), report.value(scope.id, "handled", h))
        for h in HANDLED
    ]
    _bars(right, handled, w, COLOURS[2])
    right.set_title(plain(w.t("chart-concerns-handled")))
    _titles(
        fig,
        w.t("chart-concerns-title", scope=w.scope(scope)),
        w.period(report.period),
        _note(w, report),
    )
    return _png(fig)


def _bars(ax: Any, bars: Sequence[tuple[str, float | None]], w: Words, colour: str) -> None:
    top = max([v for _, v in bars if v is not None] + [1.0])
    for x, (_label, value) in enumerate(bars):
        if value is None:
            _hidden_bar(ax, x, top * 0.25)
            ax.text(x, top * 0.27, plain(w.t("chart-hidden")), ha="center", fontsize=8)
        else:
            ax.bar(x, value, color=colour)
            ax.text(x, value + top * 0.02, f"{value:.0f}", ha="center", fontsize=10)
    labels = [textwrap.fill(label, 16) for label, _ in bars]
    ax.set_xticks(range(len(bars)), labels, fontsize=9)
    ax.set_ylim(0, top * 1.15)
    ax.grid(axis="y", alpha=0.3)


@_one_at_a_time
def groups_chart(w: Words, report: Report) -> bytes | None:
    """The school's groups side by side: response rate and mean wellbeing."""
    groups = [s for s in report.scopes if s.id != SCHOOL]
    if len(groups) < 2:
        return None
    fig = _figure(REPORT_SIZE)
    rate_ax, wb_ax = fig.subplots(1, 2, sharey=True)
    ys = list(range(len(groups)))[::-1]
    names = [plain(w.scope(g)) for g in groups]
    for y, g in zip(ys, groups, strict=True):
        rate = report.share(g.id, "answered")
        wellbeing = report.value(g.id, "mean", "wellbeing")
        for ax, value, full in ((rate_ax, rate, 100.0), (wb_ax, wellbeing, 5.0)):
            if value is None:
                _hidden_bar(ax, y, full * 0.3, horizontal=True)
                ax.text(full * 0.31, y, plain(w.t("chart-hidden")), va="center", fontsize=8)
            else:
                ax.barh(y, value, color=COLOURS[0] if full == 100 else COLOURS[2])
                text = f"{value:.0f}" if full == 100 else w.number(value, 1)
                ax.text(value + full * 0.01, y, text, va="center", fontsize=9)
    rate_ax.set_yticks(ys, names)
    rate_ax.set_xlim(0, 110)
    wb_ax.set_xlim(1, 5.5)
    rate_ax.set_xlabel(plain(w.t("chart-groups-rate")))
    wb_ax.set_xlabel(plain(w.t("chart-groups-wellbeing")))
    for ax in (rate_ax, wb_ax):
        ax.grid(axis="x", alpha=0.3)
    _titles(fig, w.t("chart-groups-title"), w.period(report.period), _note(w, report))
    return _png(fig)


# -- phenomena and plans ----------------------------------------------------------------------


@_one_at_a_time
def rate_chart(
    w: Words,
    title: str,
    subtitle: str,
    weeks: Sequence[str],
    rates: Sequence[float | None],
    *,
    baseline: float | None = None,
    marker_week: str | None = None,
    marker_label: str = "",
) -> bytes:
    """Weekly share (%) of a signal: bars, hidden weeks left empty, an optional baseline line
    and an optional vertical marker (e.g. where a plan started)."""
    fig = _figure(SMALL_SIZE)
    ax = fig.add_subplot()
    xs = list(range(len(weeks)))
    for x, rate in zip(xs, rates, strict=True):
        if rate is not None:
            ax.bar(x, 100 * rate, color=COLOURS[0])
    top = max([100 * r for r in rates if r is not None] + [10.0])
    if baseline is not None:
        ax.axhline(100 * baseline, color=COLOURS[5], linestyle="--", linewidth=1.5)
        ax.text(
            -0.45,
            100 * baseline + top * 0.01,
            plain(w.t("chart-baseline")),
            color=COLOURS[5],
            va="bottom",
            ha="left",
            fontsize=9,
        )
    if marker_week is not None and marker_week in weeks:
        at = weeks.index(marker_week) - 0.5
        ax.axvline(at, color="#444444", linewidth=1.2)
        ax.text(at, top * 1.05, f" {plain(marker_label)}", fontsize=9, va="top")
    ax.set_xticks(xs, [plain(w.week(wk)) for wk in weeks], fontsize=8)
    ax.set_ylim(0, top * 1.15)
    ax.set_xlabel(plain(w.t("chart-week-x")))
    ax.set_ylabel(plain(w.t("chart-share-y")))
    ax.grid(axis="y", alpha=0.3)
    _titles(fig, title, subtitle)
    return _png(fig)


def _day_label(x: float, _pos: int | None = None) -> str:
    day = date.fromordinal(max(1, round(x)))
    return f"{day.day}.{day.month}."


# -- the student's own trend ------------------------------------------------------------------


@_one_at_a_time
def my_trend_chart(w: Words, series: dict[str, list[tuple[date, float]]], subtitle: str) -> bytes:
    """One student's own answers over time, one line per measure."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    fig = _figure(TREND_SIZE)
    ax = fig.add_subplot()
    for n, (measure, points) in enumerate(series.items()):
        ax.plot(
            [d.toordinal() for d, _ in points],
            [s for _, s in points],
            marker="o",
            linewidth=2,
            color=COLOURS[n % len(COLOURS)],
            label=plain(w.t("trend-measure", measure=measure)),
        )
    # Days as ordinals, labelled d.m. — no dependence on matplotlib's date epoch.
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(_day_label))
    ax.set_ylim(0.8, 5.2)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_xlabel(plain(w.t("chart-day-x")))
    ax.set_ylabel(plain(w.t("chart-mytrend-y")))
    ax.grid(axis="y", alpha=0.3)
    ax.legend(loc="lower left", fontsize=9, ncols=2)
    _titles(fig, w.t("chart-mytrend-title"), subtitle)
    return _png(fig)
