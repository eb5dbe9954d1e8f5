"""Report use cases: who may see which scope, a report as chat messages or files (and from the
command line), and the student's own trend. Phenomena and plans: `watch.py` beside it.

Reads happen before the transaction; each use case then writes its audit row and its messages
in one transaction. Charts are drawn in a worker thread so the bot keeps answering meanwhile.
"""

from __future__ import annotations

import asyncio
import html
import json
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bot.clock import Clock, from_db, to_db
from bot.reports import aggregate, charts, data, phenomena, published, render
from bot.reports.aggregate import SCHOOL, Report, ScopeInfo, group_scope
from bot.reports.anonymity import protect
from bot.reports.period import (
    PRESETS,
    Period,
    Term,
    preset,
    school_years_back,
    terms_back,
    week_start,
)
from bot.reports.render import Words
from bot.reports.settings import ReportSettings
from bot.reports.trend import notice, own_series
from bot.services.audit import audit
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload, required
from bot.services.messaging.outbox import (
    Button,
    OutMessage,
    enqueue,
    enqueue_each,
)
from bot.services.people import Person
from bot.services.reports.watch import PhenomenonWatch
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

log = logging.getLogger(__name__)

COMPARED_TERMS = 4  # two school years of terms side by side
COMPARED_YEARS = 2
ACTION_REPORT = "report"  # /raportti: choose a scope, then a period


@dataclass(frozen=True, kw_only=True)
class ReportStep(Payload, action=ACTION_REPORT):
    """/raportti's buttons: first the scopes on offer ("scope", by index), then the periods
    of the one chosen ("period", PRESETS by index and one for the comparison)."""

    step: str
    scopes: list[str] = field(default_factory=list)
    scope: str | None = None


OWN_TREND_WEEKS = 26


class NothingPublished(LookupError):
    """No week of the period has ended yet: there is nothing a report may show."""

    def __init__(self, period: Period) -> None:
        super().__init__(period.key())
        self.period = period


class ReportService:
    def __init__(self, svc: Services, settings: ReportSettings | None = None) -> None:
        self.svc = svc
        self.settings = settings or svc.settings.report
        self.k = self.settings.min_students
        self.watch = PhenomenonWatch(svc, self.settings, self.words, self.publish)

    def words(self, lang: str) -> Words:
        return Words(self.svc.tr, self.svc.tr.language(lang), tuple(self.svc.flows.all()))

    # -- who sees what ----------------------------------------------------------------------

    async def scopes_for(self, db: Reads, person: Person) -> list[ScopeInfo]:
        """Coordinator: the school and every group; group coach: their own groups (from the
        database, at the moment of asking); anyone else: nothing."""
        if person.has("coordinator"):
            rows = await db.fetchall(
                "SELECT DISTINCT g.id, g.name FROM groups g JOIN students s ON s.group_id = g.id"
            )
            groups = [ScopeInfo(group_scope(r["id"]), r["name"], r["id"]) for r in rows]
            return [ScopeInfo(SCHOOL, None), *sorted(groups, key=lambda s: str(s.name).casefold())]
        if person.has("group_coach"):
            rows = await db.fetchall(
                "SELECT g.id, g.name FROM groups g JOIN group_coaches c ON c.group_id = g.id"
                " WHERE c.person_id = ? ORDER BY g.name",
                (person.id,),
            )
            return [ScopeInfo(group_scope(r["id"]), r["name"], r["id"]) for r in rows]
        return []

    # -- building ---------------------------------------------------------------------------

    async def build(self, unit: UnitOfWork, period: Period) -> Report:
        """The whole school's protected report over the published weeks covering `period`
        (whole weeks that have ended: see `bot.reports.published`). Suppression is decided on
        every scope at once and only then limited to what a viewer may see, so no two viewers
        can combine views. Raises NothingPublished when no week of the period has ended."""
        now = unit.now
        snapped = published.snap(period, now.astimezone(self.svc.settings.tz).date())
        if snapped is None:
            raise NothingPublished(period)
        weeks = await self.publish(unit, snapped.weeks())
        _students, groups = await data.load_students(unit.reads)

        def combine() -> Report:
            report = published.combine(
                weeks,
                snapped,
                groups,
                k=self.k,
                recovery_weeks=self.settings.recovery_weeks,
                now=now,
            )
            # Each week was protected when it was published; this only matters if k has been
            # raised since (a week's number above the old k but below the new one).
            protect(report.table, self.k, audience=aggregate.audience, exempt=aggregate.exempt)
            return report

        return await asyncio.to_thread(combine)

    async def publish(self, unit: UnitOfWork, weeks: list[str]) -> list[published.WeekTable]:
        """The stored tables of `weeks` (all ended), publishing the ones not stored yet. A
        published week is never computed again: see `bot.reports.published`."""
        db, now = unit.reads, unit.now
        newest = published.last_closed_week(now.astimezone(self.svc.settings.tz).date())
        if any(week_start(w) > week_start(newest) for w in weeks):
            raise ValueError("only weeks that have ended can be published")
        stored = await self._stored(db, weeks)
        missing = [w for w in weeks if w not in stored]
        if missing:
            tz = self.svc.settings.tz
            n_weeks = self.settings.recovery_weeks
            start = published.week_period(missing[0]).bounds(tz)[0]
            end = published.week_period(missing[-1]).bounds(tz)[1]
            ds = await data.load(
                db,
                self.svc.flows.all(),
                start,
                end,
                answers_from=start - timedelta(weeks=12),
                answers_to=end + timedelta(weeks=n_weeks),
            )

            def freeze_all() -> list[tuple[str, str]]:
                out = []
                for week in missing:
                    period = published.week_period(week)
                    w_start, w_end = period.bounds(tz)
                    week_ds = data.week_slice(ds, w_start, w_end)
                    report = aggregate.build(
                        week_ds, period, tz, k=self.k, recovery_weeks=n_weeks, now=now
                    )
                    signals = phenomena.weekly_counts(
                        data.week_slice(week_ds, w_start, w_end, answers=True), tz, week
                    )
                    out.append((week, published.dumps(published.freeze(report, signals))))
                return out

            # Pure CPU (suppression solves each week's sums): off the event loop.
            bodies = await asyncio.to_thread(freeze_all)

            async def store(tx: Tx) -> None:
                for week, body in bodies:
                    await tx.execute(
                        "INSERT OR IGNORE INTO report_weeks (week, published_at, body)"
                        " VALUES (?,?,?)",
                        (week, to_db(now), body),
                    )

            await unit.run(store)
            stored = await self._stored(db, weeks)  # another request may have published first
        return [stored[w] for w in weeks]

    async def _stored(self, db: Reads, weeks: list[str]) -> dict[str, published.WeekTable]:
        marks = ",".join("?" for _ in weeks)
        rows = await db.fetchall(
            f"SELECT week, published_at, body FROM report_weeks WHERE week IN ({marks})", weeks
        )
        return {
            r["week"]: published.WeekTable(
                r["week"], from_db(r["published_at"]), json.loads(r["body"])
            )
            for r in rows
        }

    async def files(
        self, report: Report, scope: ScopeInfo, lang: str, *, csv_scopes: list[ScopeInfo]
    ) -> list[tuple[str, bytes, str]]:
        """(file name, bytes, kind 'photo'|'document') for one scope: charts then the CSV."""
        w = self.words(lang)
        slug = self._slug(w, scope, report.period)

        def draw() -> list[tuple[str, bytes, str]]:
            out: list[tuple[str, bytes, str]] = []
            made = [
                ("trends", charts.trend_chart(w, report, scope)),
                ("distribution", charts.distribution_chart(w, report, scope)),
                ("concerns", charts.concerns_chart(w, report, scope)),
            ]
            if scope.id == SCHOOL:
                made.append(("groups", charts.groups_chart(w, report)))
            for name, png in made:
                if png is not None:
                    part = self.svc.tr.plain(w.lang, "report-file", name)
                    out.append((f"{slug}_{part}.png", png, "photo"))
            return out

        out = await asyncio.to_thread(draw)
        text = "\ufeff" + render.csv_text(w, report, csv_scopes)  # BOM: Excel reads UTF-8
        out.append((f"{slug}.csv", text.encode("utf-8"), "document"))
        return out

    @staticmethod
    def _slug(w: Words, scope: ScopeInfo, period: Period) -> str:
        name = "".join(ch if ch.isalnum() else "_" for ch in w.scope(scope))
        prefix = w.t("report-file")
        return f"{prefix}_{name}_{period.first.isoformat()}_{period.last.isoformat()}"

    # -- /raportti --------------------------------------------------------------------------

    async def scope_prompt(
        self, unit: UnitOfWork, person: Person, chat_id: int, key: str
    ) -> Outcome | None:
        """The scope buttons; None when the person has no scope (the caller says so)."""
        scopes = await self.scopes_for(unit.reads, person)
        if not scopes:
            return None
        assert person.tg_user_id is not None
        w = self.words(person.language)
        tg_user_id = person.tg_user_id
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            payload = ReportStep(step="scope", scopes=[s.id for s in scopes])
            token = await callbacks.issue(tx, now, tg_user_id, payload)
            labels = [
                Button(w.scope(s), callbacks.button_data(token, i)) for i, s in enumerate(scopes)
            ]
            rows = [labels[i : i + 2] for i in range(0, len(labels), 2)]
            message = OutMessage(
                chat_id, self.svc.tr.html(w.lang, "report-choose-scope"), buttons=rows
            )
            row = await enqueue(tx, key, message, now=now, person_id=person.id)
            return Outcome.of(row)

        return await unit.run(work)

    async def press(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        """A scope button (→ period buttons) or a period button (→ the report)."""
        payload = ReportStep.of(callback)
        allowed = {s.id: s for s in await self.scopes_for(unit.reads, person)}
        w = self.words(person.language)
        if payload.step == "scope":
            ids = payload.scopes
            if not 0 <= index < len(ids):
                raise CallbackRefused("callback-invalid", hostile=True)
            scope = allowed.get(ids[index])
            if scope is None:
                raise CallbackRefused("report-scope-gone", hostile=False)
            return await self._period_prompt(unit, person, scope, chat_id, message_id, w)
        if payload.step == "period":
            scope = allowed.get(required(payload.scope))
            if scope is None:
                raise CallbackRefused("report-scope-gone", hostile=False)
            if index == len(PRESETS):  # terms and years side by side
                outcome = await self.send_comparison(
                    unit, person, scope, chat_id, message_id, key=f"report:{callback.token}"
                )
                outcome.toast = self.svc.tr.plain(w.lang, "report-making")
                return outcome
            if not 0 <= index < len(PRESETS):
                raise CallbackRefused("callback-invalid", hostile=True)
            period = preset(PRESETS[index], unit.now.astimezone(self.svc.settings.tz).date())
            outcome = await self.send_report(
                unit, person, scope, period, chat_id, message_id, key=f"report:{callback.token}"
            )
            outcome.toast = self.svc.tr.plain(w.lang, "report-making")
            return outcome
        raise CallbackRefused("callback-invalid", hostile=True)

    async def _period_prompt(
        self,
        unit: UnitOfWork,
        person: Person,
        scope: ScopeInfo,
        chat_id: int,
        message_id: int,
        w: Words,
    ) -> Outcome:
        assert person.tg_user_id is not None
        tg_user_id = person.tg_user_id
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            payload = ReportStep(step="period", scope=scope.id)
            token = await callbacks.issue(tx, now, tg_user_id, payload)
            buttons = [
                [Button(w.t("report-preset", preset=p), callbacks.button_data(token, i))]
                for i, p in enumerate(PRESETS)
            ]
            compare = w.t("report-preset", preset="compare")
            buttons.append([Button(compare, callbacks.button_data(token, len(PRESETS)))])
            text = self.svc.tr.html(w.lang, "report-choose-period", scope=w.scope(scope))
            row = await enqueue(
                tx,
                f"report:{token}:period",
                OutMessage(chat_id, text, op="edit", message_id=message_id, buttons=buttons),
                now=now,
            )
            return Outcome.of(row)

        return await unit.run(work)

    async def send_report(
        self,
        unit: UnitOfWork,
        person: Person,
        scope: ScopeInfo,
        period: Period,
        chat_id: int,
        message_id: int | None,
        *,
        key: str,
    ) -> Outcome:
        """The summary, the charts and the CSV of one scope, and the audit row of the read."""
        try:
            full = await self.build(unit, period)
        except NothingPublished:
            return await self._nothing_yet(unit, person, chat_id, message_id, key=key)
        period = full.period  # whole weeks that have ended
        allowed = [s.id for s in await self.scopes_for(unit.reads, person)]
        report = full.only(allowed)
        w = self.words(person.language)
        csv_scopes = report.scopes if scope.id == SCHOOL else [scope]
        files = await self.files(report, scope, w.lang, csv_scopes=csv_scopes)
        summary = render.summary(w, report, scope)
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            await audit(
                tx,
                now,
                "report_viewed",
                actor_id=person.id,
                scope=scope.id,
                scope_name=w.scope(scope),
                first=period.first.isoformat(),
                last=period.last.isoformat(),
                via="telegram",
            )
            messages: list[OutMessage] = []
            if message_id is not None:
                header = f"📊 {w.scope(scope)} · {w.period(period)}"
                messages.append(
                    OutMessage(chat_id, html.escape(header), op="edit", message_id=message_id)
                )
            messages.append(OutMessage(chat_id, summary))
            for name, blob, kind in files:
                caption = (
                    w.t("report-caption-csv")
                    if kind == "document"
                    else w.t("report-caption-chart", title=w.scope(scope), period=w.period(period))
                )
                messages.append(
                    OutMessage(
                        chat_id,
                        html.escape(caption),
                        op=kind,
                        file_name=name,
                        file_hex=blob.hex(),
                    )
                )
            rows = await enqueue_each(tx, key, messages, now=now, person_id=person.id)
            return Outcome(rows=rows)

        return await unit.run(work)

    async def send_comparison(
        self,
        unit: UnitOfWork,
        person: Person,
        scope: ScopeInfo,
        chat_id: int,
        message_id: int,
        *,
        key: str,
    ) -> Outcome:
        """The last four terms and two school years side by side (render.side_by_side)."""
        now = unit.now
        today = now.astimezone(self.svc.settings.tz).date()
        allowed = [s.id for s in await self.scopes_for(unit.reads, person)]

        async def column(term: Term) -> tuple[Term, Report | None]:
            try:
                return term, (await self.build(unit, term.period)).only(allowed)
            except NothingPublished:
                return term, None

        terms = [await column(t) for t in terms_back(today, COMPARED_TERMS)]
        years = [await column(t) for t in school_years_back(today, COMPARED_YEARS)]
        w = self.words(person.language)
        text = render.side_by_side(w, scope, terms, years, self.k)
        shown = [t for t, r in terms + years if r is not None]

        async def work(tx: Tx) -> Outcome:
            await audit(
                tx,
                now,
                "report_viewed",
                actor_id=person.id,
                scope=scope.id,
                scope_name=w.scope(scope),
                first=min((t.period.first for t in shown), default=today).isoformat(),
                last=max((t.period.last for t in shown), default=today).isoformat(),
                compared=[t.key for t in shown],
                via="telegram",
            )
            header = html.escape(f"📊 {w.scope(scope)} · {w.t('report-preset', preset='compare')}")
            messages = [
                OutMessage(chat_id, header, op="edit", message_id=message_id),
                OutMessage(chat_id, text),
            ]
            rows = await enqueue_each(tx, key, messages, now=now, person_id=person.id)
            return Outcome(rows=rows)

        return await unit.run(work)

    async def _nothing_yet(
        self, unit: UnitOfWork, person: Person, chat_id: int, message_id: int | None, *, key: str
    ) -> Outcome:
        text = self.svc.tr.html(self.words(person.language).lang, "report-nothing-ended")

        async def work(tx: Tx) -> Outcome:
            message = (
                OutMessage(chat_id, text, op="edit", message_id=message_id)
                if message_id is not None
                else OutMessage(chat_id, text)
            )
            row = await enqueue(tx, f"{key}:0", message, now=unit.now)
            return Outcome.of(row)

        return await unit.run(work)

    async def export(
        self,
        unit: UnitOfWork,
        *,
        group: str | None,
        period: Period,
        fmt: str,
        lang: str,
        actor: str,
    ) -> tuple[Period, list[tuple[str, bytes]]]:
        """For `kohtaamo report`: the period reported (whole weeks that have ended) and the
        files of the school (no group) or one group, audited as a read by the operating-system
        user who ran it. Raises NothingPublished, or LookupError for an unknown group."""
        report = await self.build(unit, period)
        period = report.period
        if group is None:
            scope = report.scope(SCHOOL)
        else:
            found = [s for s in report.scopes if s.name == group]
            if not found:
                raise LookupError(group)
            scope = found[0]
        csv_scopes = report.scopes if scope.id == SCHOOL else [scope]
        files = await self.files(report, scope, lang, csv_scopes=csv_scopes)
        wanted = "document" if fmt == "csv" else "photo"
        chosen = [(name, blob) for name, blob, kind in files if kind == wanted]

        async def work(tx: Tx) -> None:
            await audit(
                tx,
                unit.now,
                "report_viewed",
                scope=scope.id,
                scope_name=scope.name or "school",
                first=period.first.isoformat(),
                last=period.last.isoformat(),
                via="cli",
                format=fmt,
                os_user=actor,
            )

        await unit.run(work)
        return period, chosen

    # -- /oma_kehitys -----------------------------------------------------------------------

    async def my_trend(self, unit: UnitOfWork, person: Person, chat_id: int, key: str) -> Outcome:
        """The student's own answers only: the query is bound to their person id."""
        now = unit.now
        tz = self.svc.settings.tz
        answers = await data.load_answers(
            unit.reads,
            self.svc.flows.all(),
            now - timedelta(weeks=OWN_TREND_WEEKS),
            now + timedelta(seconds=1),
            student_id=person.id,
        )
        series = own_series(answers, tz)
        w = self.words(person.language)
        tr, lang = self.svc.tr, w.lang
        message: OutMessage
        if not series:
            message = OutMessage(chat_id, tr.html(lang, "trend-none"))
        else:
            count = await unit.reads.fetchval(
                "SELECT COUNT(*) FROM sessions WHERE person_id = ? AND status = 'completed'",
                (person.id,),
            )
            seen = notice(series)
            if seen.kind == "rose":
                line = tr.html(lang, "trend-rose", measure=seen.measure or "")
            elif seen.kind == "steady":
                line = tr.html(lang, "trend-steady", measure=seen.measure or "")
            else:
                line = tr.html(lang, "trend-thanks", count=max(1, int(count or 0)))
            first = min(d for points in series.values() for d, _ in points)
            subtitle = f"{w.date(first)}–{w.date(now.astimezone(tz).date())}"
            png = await asyncio.to_thread(charts.my_trend_chart, w, series, subtitle)
            caption = f"{line}\n\n{tr.html(lang, 'trend-privacy')}"
            message = OutMessage(
                chat_id, caption, op="photo", file_name="oma_kehitys.png", file_hex=png.hex()
            )

        async def work(tx: Tx) -> Outcome:
            row = await enqueue(tx, key, message, now=now, person_id=person.id)
            return Outcome.of(row)

        return await unit.run(work)


async def cli_report(
    settings: Any,
    *,
    group: str | None,
    first: date | None,
    last: date | None,
    fmt: str,
    lang: str | None,
    out: str,
    clock: Clock | None = None,
) -> int:
    """`kohtaamo report`: write the charts (png) or the table (csv) of the school or one group
    to a directory ('-' prints the CSV). The same protected numbers as in the chat, over the
    whole weeks of the period that have ended (a note says so when the period was widened or
    cut), and the read is audited under the operating-system user's name."""
    import getpass
    import sys
    from pathlib import Path

    from bot.clock import SystemClock
    from bot.files import write_files
    from bot.i18n import Translator
    from bot.services.flows import FlowRegistry
    from bot.storage.db import Database

    clock = clock or SystemClock()
    today = clock.now().astimezone(settings.tz).date()
    default = preset("weeks4", today)
    try:
        period = Period(first or default.first, last or (default.last if first is None else today))
    except ValueError as exc:
        print(f"kohtaamo report: {exc}", file=sys.stderr)
        return 2
    if not await asyncio.to_thread(Path(settings.database_path).exists):
        print(f"kohtaamo report: no database at {settings.database_path}", file=sys.stderr)
        return 2
    translator = Translator(settings.locales_dir, settings.default_language)
    flows, _problems = FlowRegistry.load(settings.flows_dir, translator)
    db = await Database.open(Path(settings.database_path))
    try:
        svc = Services(settings, db, clock, translator, flows)
        service = ReportService(svc)
        try:
            reported, files = await service.export(
                svc.unit("cli:report"),
                group=group,
                period=period,
                fmt=fmt,
                lang=translator.language(lang or settings.default_language),
                actor=getpass.getuser(),
            )
        except NothingPublished:
            print(
                "kohtaamo report: no week of this period has ended yet; reports show whole"
                " weeks that have ended",
                file=sys.stderr,
            )
            return 2
        except LookupError:
            print(f"kohtaamo report: no group named {group!r}", file=sys.stderr)
            return 2
    finally:
        await db.close()
    if reported != period:
        print(
            f"kohtaamo report: reports show whole weeks that have ended:"
            f" {reported.first.isoformat()} – {reported.last.isoformat()}",
            file=sys.stderr,
        )
    if fmt == "csv" and out == "-":
        sys.stdout.write(files[0][1].decode("utf-8-sig"))
        return 0
    for path in await asyncio.to_thread(write_files, Path(out), files):
        print(path)
    if not files:
        print("kohtaamo report: nothing to draw for this period", file=sys.stderr)
    return 0
