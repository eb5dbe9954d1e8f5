"""A protected report as words: the chat summary (Telegram HTML) and the CSV.

Both read only `Report.value` / `Report.share`, which return None for anything hidden, so a
hidden number cannot slip into either. No student-written text exists in a report at all.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from bot.config import base_language
from bot.csv_safe import SafeWriter
from bot.engine.model import Flow
from bot.i18n import Translator
from bot.reports.aggregate import (
    BUCKETS,
    HANDLED,
    LEVELS,
    OTHER_REASON,
    PATH,
    RECOVERY,
    SCHOOL,
    SHARE_OF,
    STUDYING,
    Report,
    ScopeInfo,
)
from bot.reports.anonymity import Cell
from bot.reports.period import Period, Term, week_number

LOCK = "🔒"
NO_DATA = "–"


@dataclass(frozen=True)
class Words:
    """Numbers and labels in one language."""

    tr: Translator
    lang: str
    flows: tuple[Flow, ...] = ()

    def t(self, msg_id: str, **args: object) -> str:
        return self.tr.plain(self.lang, msg_id, None, **args)

    def number(self, value: float, digits: int = 1) -> str:
        text = f"{value:.{digits}f}"
        if digits and text.endswith("0" * digits):
            text = text[: -(digits + 1)]  # 4.0 → 4
        return text.replace(".", ",") if base_language(self.lang) in ("fi", "sv") else text

    def percent(self, value: float) -> str:
        return self.t("report-percent", n=self.number(value, 0))

    def hours(self, value: float) -> str:
        if value < 48:
            return self.t("report-hours", n=self.number(value, 1 if value < 10 else 0))
        return self.t("report-days", n=self.number(value / 24, 1))

    def date(self, day: date) -> str:
        return f"{day.day}.{day.month}.{day.year}"

    def period(self, period: Period) -> str:
        first, last = period.first, period.last
        start = f"{first.day}.{first.month}." if first.year == last.year else self.date(first)
        return self.t("report-period", first=start, last=self.date(last), weeks=len(period.weeks()))

    def scope(self, scope: ScopeInfo) -> str:
        return scope.name if scope.name is not None else self.t("report-school")

    def measure(self, measure: str) -> str:
        return self.t("report-measure", measure=measure)

    def cue(self, category: str) -> str:
        return self.t("report-cue", category=category)

    def level(self, level: str) -> str:
        return self.t("report-level", level=level)

    def reason(self, code: str) -> str:
        if code == OTHER_REASON:
            return self.t("report-reason-other")
        for candidate in (f"closure-{code}", f"closure-{code.replace('_', '-')}"):
            if self.tr.has(self.lang, candidate):
                return self.t(candidate)
        return code.replace("_", " ")

    def option(self, measure: str, option: str) -> str:
        for flow in self.flows:
            for q in flow.questions.values():
                if q.measures == measure and option in q.options:
                    return self.tr.plain(self.lang, q.text, option)
        return option.replace("_", " ")

    def week(self, key: str) -> str:
        return self.t("report-week", n=week_number(key))

    def term(self, term: Term) -> str:
        # Years as text: Fluent would group a number's digits ("2 026").
        return self.t("report-term", kind=term.kind, year=str(term.year), next=str(term.year + 1))


def _shown(cell: Cell | None) -> bool:
    return cell is not None and cell.shown


def fmt(w: Words, report: Report, scope: str, stat: str, cat: str = "", week: str = "") -> str:
    """One number as shown: the value, 🔒 when hidden, – when there is nothing to show."""
    cell = report.cell(scope, stat, cat, week)
    if cell is None:
        return NO_DATA
    if not cell.shown:
        return LOCK
    if cell.value is None:
        return NO_DATA
    if cell.unit in ("count", "students"):
        return w.number(cell.value, 0)
    if cell.unit == "mean":
        return w.number(cell.value, 1)
    return w.hours(cell.value)


def fmt_share(w: Words, report: Report, scope: str, stat: str, cat: str = "") -> str:
    cell = report.cell(scope, stat, cat)
    if cell is None:
        return NO_DATA
    if not cell.shown:
        return LOCK
    share = report.share(scope, stat, cat)
    if share is None:
        total = _total_cell(report, scope, stat, cat)
        return LOCK if total is not None and not total.shown else NO_DATA
    return w.percent(share)


def _total_cell(report: Report, scope: str, stat: str, cat: str) -> Cell | None:
    total_cat = cat.split(":")[0] if stat in ("bucket", "option", "route") else ""
    return report.cell(scope, SHARE_OF[stat], total_cat)


# -- the chat summary -------------------------------------------------------------------------


def summary(w: Words, report: Report, scope: ScopeInfo) -> str:
    """The report of one scope as Telegram HTML (the sender splits it at paragraphs)."""
    s = scope.id
    e = html.escape
    parts: list[str] = [
        f"📊 <b>{e(w.t('report-title', scope=w.scope(scope)))}</b>\n{e(w.period(report.period))}"
    ]

    lines = [
        f"{e(w.t('report-l-enrolled'))}: {fmt(w, report, s, 'enrolled')}",
        f"{e(w.t('report-l-sent'))}: {fmt(w, report, s, 'sent')}",
        f"{e(w.t('report-l-rate'))}: {fmt_share(w, report, s, 'answered')}",
    ]
    parts.append(_section(w, "report-section-input", lines))

    lines = []
    for m in report.measures:
        dist = " · ".join(
            f"{w.t('report-bucket', bucket=b)} {fmt_share(w, report, s, 'bucket', f'{m}:{b}')}"
            for b in BUCKETS
        )
        lines.append(
            f"<b>{e(w.measure(m))}</b>: {e(w.t('report-mean'))} {fmt(w, report, s, 'mean', m)}"
            f" · {e(dist)} ({e(w.t('report-answers', n=fmt(w, report, s, 'answers', m)))})"
        )
    for m, opts in report.options.items():
        chosen = ", ".join(
            f"{e(w.option(m, o))} {fmt_share(w, report, s, 'option', f'{m}:{o}')}" for o in opts
        )
        lines.append(f"{e(w.t('report-l-options', measure=w.measure(m)))}: {chosen}")
    if report.cues:
        cues = ", ".join(f"{e(w.cue(c))} {fmt(w, report, s, 'cue', c)}" for c in report.cues)
        lines.append(f"{e(w.t('report-l-cues'))}: {cues}")
    if not lines:
        lines.append(e(w.t("report-no-answers")))
    parts.append(_section(w, "report-section-situation", lines))

    levels = ", ".join(f"{e(w.level(lvl))} {fmt(w, report, s, 'level', lvl)}" for lvl in LEVELS)
    handled = ", ".join(
        f"{e(w.t('report-handled', state=h))} {fmt_share(w, report, s, 'handled', h)}"
        for h in HANDLED
    )
    path = ", ".join(
        f"{e(w.t('report-path', point=p))} {fmt(w, report, s, 'path', p)}" for p in PATH
    )
    lines = [
        f"{e(w.t('report-l-concerns'))}: {fmt(w, report, s, 'concerns')} ({levels})",
        f"{e(w.t('report-l-path'))}: {path}",
        f"{e(w.t('report-l-handled'))}: {handled}",
        f"{e(w.t('report-l-ack'))}: " + _timing(w, report, s, "ack"),
        f"{e(w.t('report-l-contact'))}: " + _timing(w, report, s, "contact"),
    ]
    if report.closures:
        reasons = ", ".join(
            f"{e(w.reason(r))} {fmt(w, report, s, 'closure', r)}" for r in report.closures
        )
        lines.append(f"{e(w.t('report-l-closures'))}: {reasons}")
    parts.append(_section(w, "report-section-output", lines))

    recovered = fmt_share(w, report, s, "recovery", "recovered")
    lines = [
        f"{e(w.t('report-l-recovery', weeks=report.recovery_weeks))}: {recovered}"
        f" ({e(w.t('report-followed', n=fmt(w, report, s, 'followed')))})"
    ]
    if report.routes:
        routes = ", ".join(
            f"{e(w.reason(r))} {fmt_share(w, report, s, 'route', f'{r}:recovered')}"
            for r in report.routes
        )
        lines.append(f"{e(w.t('report-l-routes'))}: {routes}")
    parts.append(_section(w, "report-section-outcome", lines))

    studying = fmt_share(w, report, s, "outcome_studying", "studying")
    lines = [f"{e(w.t('report-l-studying'))}: {studying}"]
    parts.append(_section(w, "report-section-impact", lines))

    if scope.id == SCHOOL and len(report.scopes) > 1:
        lines = [_group_line(w, report, g) for g in report.scopes if g.id != SCHOOL]
        parts.append(_section(w, "report-section-groups", lines))

    parts.append(
        "\n".join(
            e(w.t(msg, k=report.k))
            for msg in (
                "report-footer-anon",
                "report-footer-weeks",
                "report-footer-text",
                "report-footer-national",
            )
        )
    )
    return "\n\n".join(parts)


def side_by_side(
    w: Words,
    scope: ScopeInfo,
    terms: list[tuple[Term, Report | None]],
    years: list[tuple[Term, Report | None]],
    k: int,
) -> str:
    """Terms and school years next to each other: the headline figures of each, from its own
    protected report (– where nothing of it has ended). Each is combined from the published
    weeks like any report (`bot.reports.published`), so side by side they tell nothing that
    the week tables a viewer may already ask for do not."""
    e = html.escape
    s = scope.id

    def rows(columns: list[tuple[Term, Report | None]]) -> list[str]:
        reports = [r for _t, r in columns]

        def line(label: str, value: Callable[[Report], str]) -> str:
            values = " · ".join(NO_DATA if r is None else value(r) for r in reports)
            return f"{e(label)}: {e(values)}"

        measures: list[str] = []
        for r in reports:
            measures += [m for m in (r.measures if r else []) if m not in measures]
        out = [
            "<b>" + e(" · ".join(w.term(t) for t, _r in columns)) + "</b>",
            line(w.t("report-l-rate"), lambda r: fmt_share(w, r, s, "answered")),
        ]

        def mean(measure: str) -> Callable[[Report], str]:
            return lambda r: fmt(w, r, s, "mean", measure) if measure in r.measures else NO_DATA

        out += [line(f"{w.measure(m)}, {w.t('report-mean')}", mean(m)) for m in measures]
        out.append(line(w.t("report-l-concerns"), lambda r: fmt(w, r, s, "concerns")))
        weeks = next((r.recovery_weeks for r in reports if r is not None), 0)
        out.append(
            line(
                w.t("report-l-recovery", weeks=weeks),
                lambda r: fmt_share(w, r, s, "recovery", "recovered"),
            )
        )
        out.append(
            line(
                w.t("report-l-studying"),
                lambda r: fmt_share(w, r, s, "outcome_studying", "studying"),
            )
        )
        return out

    parts = [
        f"📊 <b>{e(w.t('report-compare-title', scope=w.scope(scope)))}</b>",
        "\n".join(rows(terms)),
        "\n".join(rows(years)),
        "\n".join(
            e(w.t(msg, k=k))
            for msg in ("report-footer-anon", "report-footer-weeks", "report-footer-compare")
        ),
    ]
    return "\n\n".join(parts)


def _section(w: Words, title_id: str, lines: list[str]) -> str:
    return f"<b>{html.escape(w.t(title_id))}</b>\n" + "\n".join(lines)


def _timing(w: Words, report: Report, scope: str, what: str) -> str:
    return w.t(
        "report-timing",
        median=fmt(w, report, scope, f"{what}_median"),
        p90=fmt(w, report, scope, f"{what}_p90"),
    )


def _group_line(w: Words, report: Report, group: ScopeInfo) -> str:
    s = group.id
    return html.escape(
        w.t(
            "report-group-line",
            group=w.scope(group),
            rate=fmt_share(w, report, s, "answered"),
            wellbeing=fmt(w, report, s, "mean", "wellbeing"),
            concerns=fmt(w, report, s, "concerns"),
        )
    )


# -- CSV --------------------------------------------------------------------------------------


def csv_text(w: Words, report: Report, scopes: Iterable[ScopeInfo]) -> str:
    """One row per number, for the scopes given. Finnish and Swedish use ';' and a decimal
    comma (what Excel expects there); English uses ',' and a point. Hidden numbers are empty
    cells with the status 'hidden' — never the number."""
    out = io.StringIO()
    delimiter = ";" if base_language(w.lang) in ("fi", "sv") else ","
    writer = SafeWriter(out, delimiter=delimiter)
    columns = (
        "section",
        "scope",
        "stat",
        "category",
        "week",
        "value",
        "unit",
        "share",
        "students",
        "status",
    )
    writer.writerow([w.tr.plain(w.lang, "report-csv", c) for c in columns])
    for scope in scopes:
        for section, stat, cat, week in rows(report):
            cell = report.cell(scope.id, stat, cat, week)
            if cell is None:
                continue
            shown = cell.shown
            value = "" if not shown or cell.value is None else _csv_number(w, cell)
            share = report.share(scope.id, stat, cat) if stat in _SHARES and not week else None
            writer.writerow(
                [
                    w.t("report-section-name", section=section),
                    w.scope(scope),
                    w.t("report-stat", stat=stat),
                    _category(w, stat, cat),
                    w.week(week) if week else "",
                    value,
                    w.t("report-unit", unit=cell.unit),
                    w.number(share, 1) if shown and share is not None else "",
                    str(cell.n) if shown else "",
                    w.t("report-status", status="shown" if shown else "hidden"),
                ]
            )
    return out.getvalue()


def _csv_number(w: Words, cell: Cell) -> str:
    assert cell.value is not None
    return w.number(cell.value, 0 if cell.unit in ("count", "students") else 2)


_SHARES = {
    "path",
    "answered",
    "unanswered",
    "bucket",
    "option",
    "level",
    "handled",
    "closure",
    "recovery",
    "route",
    "outcome_studying",
}


def rows(report: Report) -> list[tuple[str, str, str, str]]:
    """(section, stat, category, week) in reading order."""
    out: list[tuple[str, str, str, str]] = [
        ("input", "enrolled", "", ""),
        ("input", "sent", "", ""),
        ("input", "answered", "", ""),
        ("input", "unanswered", "", ""),
    ]
    for m in report.measures:
        out += [("situation", "answers", m, ""), ("situation", "mean", m, "")]
        out += [("situation", "bucket", f"{m}:{b}", "") for b in BUCKETS]
        out += [("situation", "week_mean", m, wk) for wk in report.weeks]
    for m, opts in report.options.items():
        out.append(("situation", "option_base", m, ""))
        out += [("situation", "option", f"{m}:{o}", "") for o in opts]
    out += [("situation", "cue", c, "") for c in report.cues]
    out.append(("output", "concerns", "", ""))
    out += [("output", "level", lvl, "") for lvl in LEVELS]
    out += [("output", "path", p, "") for p in PATH]
    out.append(("output", "actionable", "", ""))
    out += [("output", "handled", h, "") for h in HANDLED]
    out += [
        ("output", stat, "", "")
        for stat in (
            "ack_median",
            "ack_p90",
            "contact_median",
            "contact_p90",
            "closure_median",
            "closure_p90",
        )
    ]
    out.append(("output", "closed", "", ""))
    out += [("output", "closure", r, "") for r in report.closures]
    out.append(("outcome", "followed", "", ""))
    out += [("outcome", "recovery", r, "") for r in RECOVERY]
    for r in report.routes:
        out.append(("outcome", "route_followed", r, ""))
        out += [("outcome", "route", f"{r}:{x}", "") for x in RECOVERY]
    out.append(("impact", "concerned", "", ""))
    out += [("impact", "outcome_studying", x, "") for x in STUDYING]
    return out


def _category(w: Words, stat: str, cat: str) -> str:
    if not cat:
        return ""
    if stat in ("answers", "mean", "week_mean", "option_base"):
        return w.measure(cat)
    if stat == "bucket":
        m, b = cat.split(":")
        return f"{w.measure(m)} {w.t('report-bucket', bucket=b)}"
    if stat == "option":
        m, o = cat.split(":")
        return f"{w.measure(m)}: {w.option(m, o)}"
    if stat == "cue":
        return w.cue(cat)
    if stat == "level":
        return w.level(cat)
    if stat == "path":
        return w.t("report-path", point=cat)
    if stat == "handled":
        return w.t("report-handled", state=cat)
    if stat in ("closure", "route_followed"):
        return w.reason(cat)
    if stat == "route":
        r, x = cat.split(":")
        return f"{w.reason(r)}: {w.t('report-recovery-state', state=x)}"
    if stat == "recovery":
        return w.t("report-recovery-state", state=cat)
    if stat == "outcome_studying":
        return w.t("report-studying-state", state=cat)
    return cat
