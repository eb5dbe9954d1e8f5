"""The communal welfare loop: the daily phenomenon scan and its cards to coordinators, the
/ilmiot list, plans (their dialog lives in `plans.py`), the reminder on a plan's evaluation
date and the before/after view of the plan's signal in its place.

Reads happen before the transaction; each use case then writes its audit row and its messages
in one transaction. Charts are drawn in a worker thread.
"""

from __future__ import annotations

import asyncio
import html
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from bot.clock import from_db, to_db
from bot.reports import charts, data, phenomena, published, render
from bot.reports.aggregate import SCHOOL
from bot.reports.period import Term, term_of, week_key, week_number, week_start
from bot.reports.render import Words
from bot.reports.settings import ReportSettings
from bot.scheduling.calendar import next_within_hours
from bot.services.audit import audit
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_NORMAL,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    enqueue_each,
    written,
)
from bot.services.people import Person
from bot.services.reports.plans import PlanDialog, participants_text, scope_label, signal_label
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

ACTION_PHEN = "phen"  # buttons on phenomenon cards, the /ilmiot list and reminders


@dataclass(frozen=True, kw_only=True)
class PhenomenonAction(Payload, action=ACTION_PHEN):
    """Buttons on a phenomenon card, the /ilmiot list and plan reminders: by index, what to do
    ("open", "dismiss", "join", "view", "ask", "evaluate") with which phenomenon or plan."""

    items: list[list[str | int]]
    join: list[int] = field(default_factory=list)  # the phenomena a group coach would join

    def item(self, index: int) -> tuple[str, int]:
        if not 0 <= index < len(self.items):
            raise CallbackRefused("callback-invalid", hostile=True)
        match self.items[index]:
            case [str(what), int(target)]:
                return what, target
        raise CallbackRefused("callback-invalid", hostile=True)


SCAN_FROM_HOUR = 7  # the daily phenomenon scan runs on the first tick after 07:00
COOLDOWN_WEEKS = 6  # the same signal in the same place is not reported again sooner
LIST_LIMIT = 6


@dataclass(frozen=True)
class Recipient:
    person_id: int
    chat_id: int
    language: str
    work_start: str
    work_end: str


class PhenomenonWatch:
    def __init__(
        self,
        svc: Services,
        settings: ReportSettings,
        words: Callable[[str], Words],
        publish: Callable[[UnitOfWork, list[str]], Awaitable[list[published.WeekTable]]],
    ) -> None:
        self.svc = svc
        self.publish = publish  # the stored tables of ended weeks (ReportService.publish)
        self.settings = settings
        self.k = settings.min_students
        self.words = words
        self.plans = PlanDialog(svc, words)
        self._scanned_on: date | None = None

    # -- the daily scan --------------------------------------------------------------------------

    async def coordinators(self, tx: Any) -> list[Recipient]:
        rows = await tx.fetchall(
            "SELECT p.id, p.tg_user_id, p.language, p.work_start, p.work_end FROM persons p"
            " JOIN person_roles r ON r.person_id = p.id AND r.role = 'coordinator'"
            " WHERE p.tg_user_id IS NOT NULL ORDER BY p.id"
        )
        return [
            Recipient(r["id"], r["tg_user_id"], r["language"], r["work_start"], r["work_end"])
            for r in rows
        ]

    def _windows(self, today: date) -> tuple[list[str], list[str]]:
        weeks = phenomena.full_weeks(
            today, self.settings.baseline_weeks + self.settings.recent_weeks
        )
        return weeks[: -self.settings.recent_weeks], weeks[-self.settings.recent_weeks :]

    async def scan_phenomena(self, unit: UnitOfWork, *, force: bool = False) -> Outcome:
        """Once a day: compare each signal's recent weeks with its own baseline in the school and
        in every group, store what rose, and send each coordinator a card."""
        now, db = unit.now, unit.reads
        tz = self.svc.settings.tz
        local = now.astimezone(tz)
        today = local.date()
        if not force and (self._scanned_on == today or local.hour < SCAN_FROM_HOUR):
            return Outcome()
        self._scanned_on = today
        baseline, recent = self._windows(today)
        weeks = baseline + recent
        start = datetime.combine(week_start(weeks[0]), datetime.min.time(), tzinfo=tz)
        end = datetime.combine(
            week_start(weeks[-1]) + timedelta(days=7), datetime.min.time(), tzinfo=tz
        )
        ds = await data.load_signals(db, self.svc.flows.all(), start, end)
        series = await asyncio.to_thread(phenomena.build_series, ds, tz, weeks)
        findings = phenomena.scan(series, k=self.k, recent=recent, baseline=baseline)
        fresh = [f for f in findings if not await self._recently_seen(db, f, now)]
        if not fresh:
            return Outcome()
        cards = await self._cards(db, fresh, series, weeks, ds.groups)

        async def work(tx: Tx) -> Outcome:
            rows: list[OutboxRow] = []
            recipients = await self.coordinators(tx)
            for cluster in related(cards):
                stored: list[tuple[int, phenomena.Finding, dict[str, bytes]]] = []
                for finding, images in cluster:
                    if await self._recently_seen(tx, finding, now):
                        continue  # another tick got here first
                    phenomenon_id = await tx.execute(
                        "INSERT INTO phenomena (scope, signal, detected_at, since, baseline,"
                        " current, students) VALUES (?,?,?,?,?,?,?)",
                        (
                            phenomena.db_scope(finding.scope),
                            finding.signal,
                            to_db(now),
                            week_start(finding.since).isoformat(),
                            finding.baseline,
                            finding.current,
                            finding.students,
                        ),
                    )
                    stored.append((phenomenon_id, finding, images))
                if not stored:
                    continue
                for r in recipients:
                    rows += await self._card(tx, now, r, stored, ds.groups)
                rows += await self._tell_group_coaches(tx, now, stored, ds.groups)
            return Outcome(rows=rows)

        return await unit.run(work)

    async def _recently_seen(self, db: Reads, f: phenomena.Finding, now: datetime) -> bool:
        since = to_db(now - timedelta(weeks=COOLDOWN_WEEKS))
        today = now.astimezone(self.svc.settings.tz).date()
        scope = phenomena.db_scope(f.scope)
        seen = await db.fetchval(
            "SELECT 1 FROM phenomena WHERE scope = ? AND signal = ? AND detected_at >= ?",
            (scope, f.signal, since),
        )
        ongoing = await db.fetchval(
            "SELECT 1 FROM plans p JOIN phenomena ph ON ph.id = p.phenomenon_id"
            " WHERE ph.scope = ? AND ph.signal = ? AND p.evaluate_on >= ?",
            (scope, f.signal, today.isoformat()),
        )
        return bool(seen or ongoing)

    def _weekly_rates(self, s: phenomena.Series) -> list[float | None]:
        """A week's rate is drawn only when at least k students answered that week."""
        return [
            len(c) / len(p) if len(p) >= self.k else None
            for c, p in zip(s.cases, s.population, strict=True)
        ]

    async def _cards(
        self,
        db: Reads,
        findings: list[phenomena.Finding],
        series: dict[tuple[str, str], phenomena.Series],
        weeks: list[str],
        groups: dict[int, str],
    ) -> list[tuple[phenomena.Finding, dict[str, bytes]]]:
        languages = sorted({r.language for r in await self.coordinators(db)} or {"fi"})

        def draw() -> list[tuple[phenomena.Finding, dict[str, bytes]]]:
            out = []
            for f in findings:
                images = {}
                for lang in languages:
                    w = self.words(lang)
                    scope = self._scope_name(w, f.scope, groups)
                    title = f"{signal_label(w, f.signal)} – {scope}"
                    subtitle = f"{w.week(weeks[0])}–{w.week(weeks[-1])}"
                    images[lang] = charts.rate_chart(
                        w,
                        title[:1].upper() + title[1:],
                        subtitle,
                        weeks,
                        self._weekly_rates(series[(f.scope, f.signal)]),
                        baseline=f.baseline,
                    )
                out.append((f, images))
            return out

        return await asyncio.to_thread(draw)

    @staticmethod
    def _scope_name(w: Words, scope: str, groups: dict[int, str]) -> str:
        if scope == SCHOOL:
            return w.t("report-school")
        return groups.get(int(scope.removeprefix("g")), "?")

    async def _card(
        self,
        tx: Tx,
        now: datetime,
        r: Recipient,
        stored: list[tuple[int, phenomena.Finding, dict[str, bytes]]],
        groups: dict[int, str],
    ) -> list[OutboxRow]:
        """One card for related findings of one scan (the same signal in a group and in the
        school, several signals in one place): the first one's chart, every finding's
        figures, a plan button for each."""
        w = self.words(r.language)
        tr = self.svc.tr
        when = next_within_hours(now, self.svc.settings.tz, r.work_start, r.work_end)
        first_id, _first, images = stored[0]
        items: list[list[Any]] = [["open", pid] for pid, _f, _i in stored]
        token = await callbacks.issue(
            tx,
            now,
            r.chat_id,
            PhenomenonAction(items=[*items, ["dismiss", first_id]]),
            ttl=timedelta(weeks=COOLDOWN_WEEKS),
        )

        def figures(message: str, f: phenomena.Finding) -> str:
            return tr.html(
                w.lang,
                message,
                signal=signal_label(w, f.signal),
                scope=self._scope_name(w, f.scope, groups),
                week=week_number(f.since),
                recent=self.settings.recent_weeks,
                current=w.percent(100 * f.current),
                baseline=w.percent(100 * f.baseline),
                baseline_weeks=self.settings.baseline_weeks,
                students=f.students,
            )

        not_now = Button(tr.plain(w.lang, "phen-not-now"), callbacks.button_data(token, len(items)))
        if len(stored) == 1:
            text = figures("phen-card", stored[0][1])
            open_plan = Button(tr.plain(w.lang, "phen-open-plan"), callbacks.button_data(token, 0))
            buttons = [[open_plan, not_now]]
        else:
            parts = [tr.html(w.lang, "phen-card-many", count=len(stored))]
            parts += [figures("phen-card-entry", f) for _pid, f, _i in stored]
            parts.append(tr.html(w.lang, "phen-card-many-end"))
            text = "\n\n".join(parts)
            names = [
                finding_short(signal_label(w, f.signal), self._scope_name(w, f.scope, groups))
                for _pid, f, _i in stored
            ]
            buttons = [
                [
                    Button(
                        tr.plain(w.lang, "phen-button-open", short=name),
                        callbacks.button_data(token, n),
                    )
                ]
                for n, name in enumerate(names)
            ] + [[not_now]]
        png = images.get(w.lang) or next(iter(images.values()))
        messages = [
            OutMessage(r.chat_id, "", op="photo", file_name="ilmio.png", file_hex=png.hex()),
            OutMessage(r.chat_id, text, buttons=buttons),
        ]
        for pid, _f, _i in stored:
            await audit(tx, now, "phenomenon_card", actor_id=r.person_id, phenomenon=pid)
        return await enqueue_each(
            tx,
            f"phen:{first_id}:{r.person_id}",
            messages,
            now=now,
            priority=PRIORITY_NORMAL,
            person_id=r.person_id,
            not_before=when,
        )

    async def _tell_group_coaches(
        self,
        tx: Tx,
        now: datetime,
        stored: list[tuple[int, phenomena.Finding, dict[str, bytes]]],
        groups: dict[int, str],
    ) -> list[OutboxRow]:
        """The group coach of a group where something rose hears of it: the same aggregate
        figures as the coordinator (each found only with at least k students), never who,
        and a button to join the work. Coordinators already have the card."""
        rows: list[OutboxRow] = []
        by_group: dict[int, list[tuple[int, phenomena.Finding]]] = {}
        for pid, f, _images in stored:
            if f.scope != SCHOOL:
                by_group.setdefault(int(f.scope.removeprefix("g")), []).append((pid, f))
        for group_id, found in by_group.items():
            coaches = await tx.fetchall(
                "SELECT p.id, p.tg_user_id, p.language, p.work_start, p.work_end FROM persons p"
                " JOIN group_coaches gc ON gc.person_id = p.id AND gc.group_id = ?"
                " WHERE p.tg_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person_roles r"
                " WHERE r.person_id = p.id AND r.role = 'coordinator') ORDER BY p.id",
                (group_id,),
            )
            ids = [pid for pid, _f in found]
            for c in coaches:
                w = self.words(c["language"])
                tr = self.svc.tr
                token = await callbacks.issue(
                    tx,
                    now,
                    c["tg_user_id"],
                    PhenomenonAction(items=[["join", ids[0]]], join=ids),
                    ttl=timedelta(weeks=COOLDOWN_WEEKS),
                )
                entries = [
                    tr.html(
                        w.lang,
                        "phen-card-entry",
                        signal=signal_label(w, f.signal),
                        scope=groups.get(group_id, "?"),
                        week=week_number(f.since),
                        recent=self.settings.recent_weeks,
                        current=w.percent(100 * f.current),
                        baseline=w.percent(100 * f.baseline),
                        baseline_weeks=self.settings.baseline_weeks,
                        students=f.students,
                    )
                    for _pid, f in found
                ]
                text = "\n\n".join(
                    [
                        tr.html(w.lang, "phen-coach-card", group=groups.get(group_id, "?")),
                        *entries,
                        tr.html(w.lang, "phen-coach-card-end"),
                    ]
                )
                join = Button(tr.plain(w.lang, "phen-join"), callbacks.button_data(token, 0))
                when = next_within_hours(now, self.svc.settings.tz, c["work_start"], c["work_end"])
                for pid in ids:
                    await audit(tx, now, "phenomenon_card", actor_id=c["id"], phenomenon=pid)
                row = await enqueue(
                    tx,
                    f"phen:{ids[0]}:coach:{c['id']}",
                    OutMessage(c["tg_user_id"], text, buttons=[[join]]),
                    now=now,
                    priority=PRIORITY_NORMAL,
                    person_id=c["id"],
                    not_before=when,
                )
                rows += written(row)
        return rows

    async def _join_outcome(
        self, tx: Tx, now: datetime, person: Person, callback: Callback, chat_id: int
    ) -> Outcome:
        return Outcome(rows=await self._join(tx, now, person, callback, chat_id))

    async def _join(
        self, tx: Tx, now: datetime, person: Person, callback: Callback, chat_id: int
    ) -> list[OutboxRow]:
        """A group coach joins the work on their group's phenomenon (and its plan, if any)."""
        ids = PhenomenonAction.of(callback).join
        allowed = await tx.fetchval(
            "SELECT COUNT(*) FROM phenomena ph JOIN group_coaches gc"
            " ON ph.scope = 'group:' || gc.group_id AND gc.person_id = ?"
            f" WHERE ph.id IN ({','.join('?' * len(ids))})",
            (person.id, *ids),
        )
        if not ids or allowed != len(ids):
            raise CallbackRefused("callback-not-yours", hostile=True)
        for pid in ids:
            await tx.execute(
                "INSERT OR IGNORE INTO phenomenon_members (phenomenon_id, person_id, joined_at)"
                " VALUES (?,?,?)",
                (pid, person.id, to_db(now)),
            )
            await audit(tx, now, "phenomenon_joined", actor_id=person.id, phenomenon=pid)
        plans = await tx.fetchall(
            f"SELECT title FROM plans WHERE phenomenon_id IN ({','.join('?' * len(ids))})"
            " ORDER BY id",
            tuple(ids),
        )
        tr, lang = self.svc.tr, person.language
        text = (
            tr.html(lang, "phen-joined-plan", title=", ".join(p["title"] for p in plans))
            if plans
            else tr.html(lang, "phen-joined")
        )
        row = await enqueue(tx, f"phen:{callback.token}:joined", OutMessage(chat_id, text), now=now)
        return written(row)

    # -- /ilmiot and its buttons ------------------------------------------------------------

    async def overview(self, unit: UnitOfWork, person: Person, chat_id: int, key: str) -> Outcome:
        assert person.tg_user_id is not None
        tg_user_id = person.tg_user_id
        w = self.words(person.language)
        tr, lang = self.svc.tr, w.lang
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            found = await tx.fetchall(
                "SELECT ph.*, (SELECT COUNT(*) FROM plans p WHERE p.phenomenon_id = ph.id)"
                " AS planned FROM phenomena ph WHERE ph.detected_at >= ?"
                " ORDER BY ph.detected_at DESC, ph.id DESC LIMIT ?",
                (to_db(now - timedelta(weeks=26)), LIST_LIMIT * 2),
            )
            plans = await tx.fetchall(
                "SELECT p.*, o.display_name AS owner_name FROM plans p"
                " LEFT JOIN persons o ON o.id = p.owner_id"
                " ORDER BY p.evaluate_on DESC, p.id DESC LIMIT ?",
                (LIST_LIMIT,),
            )
            await audit(tx, now, "phenomena_viewed", actor_id=person.id)
            if not found and not plans:
                row = await enqueue(
                    tx, key, OutMessage(chat_id, tr.html(lang, "phen-list-empty")), now=now
                )
                return Outcome.of(row)
            parts = [tr.html(lang, "phen-list-title")]
            items: list[list[Any]] = []
            buttons: list[str] = []
            shorts: set[str] = set()
            if found:
                lines = [tr.html(lang, "phen-list-phenomena")]
                for r in found:
                    msg = "phen-item-planned" if r["planned"] else "phen-item"
                    label = signal_label(w, r["signal"])
                    lines.append(
                        tr.html(
                            lang,
                            msg,
                            signal=label,
                            scope=await scope_label(tx, w, r["scope"]),
                            baseline=w.percent(100 * r["baseline"]),
                            current=w.percent(100 * r["current"]),
                            date=w.date(
                                from_db(r["detected_at"]).astimezone(self.svc.settings.tz).date()
                            ),
                        )
                    )
                    if not r["planned"] and len(items) < LIST_LIMIT:
                        items.append(["open", r["id"]])
                        short = finding_short(label, await scope_label(tx, w, r["scope"]))
                        if short in shorts:  # the same signal, place and label seen earlier
                            detected = from_db(r["detected_at"]).astimezone(self.svc.settings.tz)
                            short = f"{short} ({w.date(detected.date())})"
                        shorts.add(short)
                        buttons.append(tr.plain(lang, "phen-button-open", short=short))
                parts.append("\n".join(lines))
            if plans:
                lines = [tr.html(lang, "phen-list-plans")]
                for p in plans:
                    lines.append(self._plan_text(w, p))
                    items.append(["view", p["id"]])
                    buttons.append(tr.plain(lang, "phen-button-view", short=_short(p["title"])))
                    if p["status"] == "evaluating":
                        items.append(["evaluate", p["id"]])
                        buttons.append(
                            f"{tr.plain(lang, 'plan-evaluate-button')}: {_short(p['title'])}"
                        )
                parts.append("\n\n".join(lines))
            token = await callbacks.issue(tx, now, tg_user_id, PhenomenonAction(items=items))
            keyboard = [
                [Button(label, callbacks.button_data(token, i))] for i, label in enumerate(buttons)
            ]
            row = await enqueue(
                tx, key, OutMessage(chat_id, "\n\n".join(parts), buttons=keyboard), now=now
            )
            return Outcome.of(row)

        return await unit.run(work)

    def _plan_text(self, w: Words, p: Any) -> str:
        tr, lang = self.svc.tr, w.lang
        try:
            codes = [c for c in json.loads(p["participants"] or "[]") if isinstance(c, str)]
        except ValueError:
            codes = []
        text = tr.html(
            lang,
            "plan-item",
            title=p["title"],
            responsible=p["responsible"],
            participants=participants_text(w, codes),
            actions=p["actions"],
            start=w.date(date.fromisoformat(p["starts_on"])),
            evaluate=w.date(date.fromisoformat(p["evaluate_on"])),
        )
        tail = (
            tr.html(lang, "plan-item-evaluated", evaluation=p["evaluation"])
            if p["evaluation"]
            else tr.html(lang, "plan-item-waiting")
        )
        status = [tr.html(lang, "plan-item-status", status=p["status"])]
        if p["owner_name"]:
            status.append(tr.html(lang, "plan-owner", owner=p["owner_name"]))
        if p["status"] != "closed":
            when = w.date(date.fromisoformat(p["evaluate_on"]))
            status.append(tr.html(lang, "plan-item-next", date=when))
        return f"{text}\n{tail}\n{' · '.join(status)}"

    async def phen_press(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        what, target = PhenomenonAction.of(callback).item(index)
        now = unit.now
        if what == "join":  # a group coach, checked against the group inside
            return await unit.run(lambda tx: self._join_outcome(tx, now, person, callback, chat_id))
        owns = what == "evaluate" and await unit.reads.fetchval(
            "SELECT 1 FROM plans WHERE id = ? AND owner_id = ?", (target, person.id)
        )
        if not person.has("coordinator") and not owns:
            raise CallbackRefused("callback-not-yours", hostile=True)
        if what == "view":
            return await self.plan_view(
                unit, person, chat_id, target, key=f"phen:{callback.token}:{index}"
            )
        tr, lang = self.svc.tr, person.language

        async def work(tx: Tx) -> Outcome:
            if what == "dismiss":
                row = await enqueue(
                    tx,
                    f"phen:{callback.token}:dismiss",
                    OutMessage(
                        chat_id,
                        tr.html(lang, "phen-not-now-done"),
                    ),
                    now=now,
                )
                off = await enqueue(
                    tx,
                    f"phen:{callback.token}:off",
                    OutMessage(chat_id, op="edit_markup", message_id=message_id),
                    now=now,
                )
                return Outcome(rows=[r for r in (off, row) if r])
            if what == "open":
                return Outcome(rows=await self.plans.start(tx, now, person, chat_id, target))
            if what == "evaluate":
                return Outcome(
                    rows=await self.plans.start_evaluation(tx, now, person, chat_id, target)
                )
            if what == "ask":
                return Outcome(rows=await self.plans.start_poll(tx, now, person, chat_id, target))
            raise CallbackRefused("callback-invalid", hostile=True)

        return await unit.run(work)

    # -- plans: the evaluation date and the before/after view -------------------------------

    async def before_after(
        self, unit: UnitOfWork, plan: Any
    ) -> (
        tuple[phenomena.BeforeAfter, list[str], list[float | None], str, dict[str, tuple[int, int]]]
        | None
    ):
        """The plan's signal in its scope: the level when the plan started (the last `recent`
        weeks before it — the rise that led to it) against the weeks since, up to the last
        week that has ended. The chart also shows the quieter baseline weeks before, for
        context. Read from the published weeks (`bot.reports.published`): asking again after
        a student answers, or after an erasure, shows the same numbers."""
        if plan["phenomenon_id"] is None:
            return None
        ph = await unit.reads.fetchone(
            "SELECT scope, signal FROM phenomena WHERE id = ?", (plan["phenomenon_id"],)
        )
        if ph is None:
            return None
        started = date.fromisoformat(plan["starts_on"])
        start_week = week_key(started)
        monday = week_start(start_week)
        shown_before = [
            week_key(monday - timedelta(weeks=n))
            for n in range(self.settings.baseline_weeks, 0, -1)
        ]
        before = shown_before[-self.settings.recent_weeks :]
        today = unit.now.astimezone(self.svc.settings.tz).date()
        newest = week_start(published.last_closed_week(today))
        after = []
        day = monday
        while day <= newest:
            after.append(week_key(day))
            day += timedelta(weeks=1)
        weeks = shown_before + after
        scope = phenomena.from_db_scope(ph["scope"])
        tables = await self.publish(unit, weeks)
        counts = {t.week: t.signal(scope, ph["signal"]) for t in tables}
        result = phenomena.published_before_after(counts, before, after, k=self.k)
        rates = [phenomena.published_rate(counts[w], k=self.k) for w in weeks]
        return result, weeks, rates, start_week, counts

    async def _before_after_messages(
        self,
        unit: UnitOfWork,
        plan: Any,
        lang: str,
        chat_id: int,
        header: str,
        buttons: list[list[Button]],
        *,
        history: bool = False,
    ) -> list[OutMessage]:
        """The chart (when the plan has a phenomenon), then the words with the buttons; with
        `history`, the plan's steps and its signal's level term by term."""
        w = self.words(lang)
        tr = self.svc.tr
        found = await self.before_after(unit, plan)
        text = header
        messages: list[OutMessage] = []
        levels: list[str] = []
        if found is not None:
            result, weeks, rates, start_week, counts = found
            by_term: dict[Term, list[str]] = {}
            for week in weeks:
                by_term.setdefault(term_of(week_start(week)), []).append(week)
            for term, term_weeks in by_term.items():
                level = phenomena.published_window(counts, term_weeks, k=self.k)
                shown = render.LOCK if level is None else w.percent(100 * level)
                levels.append(f"{w.term(term)} {shown}")

            def pct(value: float | None) -> str:
                return render.LOCK if value is None else w.percent(100 * value)

            text += "\n\n" + tr.html(
                w.lang,
                "plan-before-after",
                before=pct(result.before),
                after=pct(result.after),
                before_weeks=self.settings.recent_weeks,
                verdict=tr.plain(w.lang, "plan-verdict", verdict=result.verdict, k=self.k),
            )
            png = await asyncio.to_thread(
                charts.rate_chart,
                w,
                plan["title"],
                f"{w.week(weeks[0])}–{w.week(weeks[-1])}",
                weeks,
                rates,
                marker_week=start_week,
                marker_label=w.t("chart-plan-start"),
            )
            messages.append(
                OutMessage(
                    chat_id, "", op="photo", file_name="ennen_jalkeen.png", file_hex=png.hex()
                )
            )
        polls = await self.plans.poll_results(unit.reads, w.lang, plan["id"])
        if polls:
            text += "\n\n" + "\n\n".join([tr.html(w.lang, "plan-poll-results-title"), *polls])
        if history:
            text += "\n\n" + await self._history(unit.reads, plan, w, levels)
        messages.append(OutMessage(chat_id, text, buttons=buttons))
        return messages

    async def _history(self, db: Reads, plan: Any, w: Words, levels: list[str]) -> str:
        """The plan's steps grouped by term (a plan often runs from one term into the next),
        then its signal's level in each term of the chart (🔒 where too few students)."""
        tr, tz = self.svc.tr, self.svc.settings.tz
        events = await db.fetchall(
            "SELECT at, kind, detail FROM plan_events WHERE plan_id = ? ORDER BY at, id",
            (plan["id"],),
        )
        lines = [tr.html(w.lang, "plan-history-title")]
        shown_term: Term | None = None
        for e in events:
            day = from_db(e["at"]).astimezone(tz).date()
            term = term_of(day)
            if term != shown_term:
                lines.append(f"<b>{html.escape(w.term(term))}</b>")
                shown_term = term
            detail = e["detail"] if len(e["detail"]) <= 160 else e["detail"][:159] + "…"
            lines.append(
                tr.html(
                    w.lang,
                    "plan-event",
                    kind=e["kind"],
                    date=f"{day.day}.{day.month}.",
                    detail=detail,
                )
            )
        if levels:
            lines.append(tr.html(w.lang, "plan-term-levels", levels=" · ".join(levels)))
        return "\n".join(lines)

    async def plan_view(
        self, unit: UnitOfWork, person: Person, chat_id: int, plan_id: int, *, key: str
    ) -> Outcome:
        plan = await unit.reads.fetchone("SELECT * FROM plans WHERE id = ?", (plan_id,))
        if plan is None:
            raise CallbackRefused("phen-gone", hostile=False)
        header = self.svc.tr.html(person.language, "plan-view-title", title=plan["title"])
        # The coordinator can ask the students the plan concerns, while the plan is open.
        can_ask = (
            person.has("coordinator")
            and plan["status"] != "closed"
            and bool(await self.plans.poll_groups(unit.reads, plan))
        )
        ask = [[Button(self.svc.tr.plain(person.language, "plan-poll-button"), "")]]
        messages = await self._before_after_messages(
            unit, plan, person.language, chat_id, header, ask if can_ask else [], history=True
        )
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            await audit(tx, now, "plan_viewed", actor_id=person.id, plan=plan_id)
            if can_ask:
                assert person.tg_user_id is not None
                token = await callbacks.issue(
                    tx, now, person.tg_user_id, PhenomenonAction(items=[["ask", plan_id]])
                )
                last = messages[-1]
                messages[-1] = OutMessage(
                    last.chat_id,
                    last.text,
                    buttons=[[Button(ask[0][0].text, callbacks.button_data(token, 0))]],
                )
            rows = await enqueue_each(tx, key, messages, now=now, person_id=person.id)
            return Outcome(rows=rows)

        return await unit.run(work)

    async def remind_plans(self, unit: UnitOfWork) -> Outcome:
        """On (or after) a plan's evaluation date: remind its maker — or, if they are no longer
        a coordinator, every coordinator — with the before/after view, once."""
        db = unit.reads
        today = unit.now.astimezone(self.svc.settings.tz).date().isoformat()
        due = await db.fetchall(
            "SELECT * FROM plans WHERE reminded_at IS NULL AND status != 'closed'"
            " AND evaluate_on <= ? ORDER BY id",
            (today,),
        )
        outcome = Outcome()
        for plan in due:
            everyone = await self.coordinators(db)
            owner = await self._person(db, plan["owner_id"])
            maker = [r for r in everyone if r.person_id == plan["created_by"]]
            recipients = ([owner] if owner else []) + [
                r for r in maker if owner is None or r.person_id != owner.person_id
            ] or everyone
            prepared = []
            for r in recipients:
                header = self.svc.tr.html(
                    r.language,
                    "plan-reminder",
                    title=plan["title"],
                    start=self.words(r.language).date(date.fromisoformat(plan["starts_on"])),
                )
                label = self.svc.tr.plain(r.language, "plan-evaluate-button")
                # The button's token is issued with the reminder; its place is marked here.
                marker = [[Button(label, "?")]]
                messages = await self._before_after_messages(
                    unit, plan, r.language, r.chat_id, header, marker
                )
                prepared.append((r, messages))
            told = {r.person_id for r in recipients}
            for member in await self._plan_members(db, plan, told):
                # The plan's members (the group's coach, welfare professionals) see how it
                # went — the same aggregate figures, no evaluation button.
                header = self.svc.tr.html(
                    member.language,
                    "plan-reminder-member",
                    title=plan["title"],
                    start=self.words(member.language).date(date.fromisoformat(plan["starts_on"])),
                )
                messages = await self._before_after_messages(
                    unit, plan, member.language, member.chat_id, header, []
                )
                prepared.append((member, messages))
            outcome.extend(await self._send_reminder(unit, plan["id"], prepared))
        outcome.extend(await self.remind_actions(unit))
        return outcome

    async def _plan_members(self, db: Reads, plan: Any, told: set[int]) -> list[Recipient]:
        if plan["phenomenon_id"] is None:
            return []
        ids = await db.fetchall(
            "SELECT person_id FROM phenomenon_members WHERE phenomenon_id = ? ORDER BY person_id",
            (plan["phenomenon_id"],),
        )
        found = [await self._person(db, int(r[0])) for r in ids if int(r[0]) not in told]
        return [r for r in found if r is not None]

    async def remind_actions(self, unit: UnitOfWork) -> Outcome:
        """On an action's day: remind its owner, once (not for a closed plan)."""
        now = unit.now
        today = now.astimezone(self.svc.settings.tz).date().isoformat()
        if not await unit.reads.fetchval(
            "SELECT 1 FROM plan_actions WHERE reminded_at IS NULL AND due_on <= ? LIMIT 1",
            (today,),
        ):
            return Outcome()

        async def work(tx: Tx) -> Outcome:
            due = await tx.fetchall(
                "SELECT a.id, a.what, a.plan_id, p.title, o.id AS owner, o.tg_user_id,"
                " o.language, o.work_start, o.work_end FROM plan_actions a"
                " JOIN plans p ON p.id = a.plan_id JOIN persons o ON o.id = a.owner_id"
                " WHERE a.reminded_at IS NULL AND a.due_on <= ? AND p.status != 'closed'"
                " AND o.tg_user_id IS NOT NULL ORDER BY a.id",
                (today,),
            )
            rows: list[OutboxRow] = []
            for a in due:
                await tx.execute(
                    "UPDATE plan_actions SET reminded_at = ? WHERE id = ?", (to_db(now), a["id"])
                )
                await audit(tx, now, "plan_action_reminded", actor_id=a["owner"], plan=a["plan_id"])
                text = self.svc.tr.html(
                    a["language"], "plan-action-reminder", title=a["title"], what=a["what"]
                )
                when = next_within_hours(now, self.svc.settings.tz, a["work_start"], a["work_end"])
                row = await enqueue(
                    tx,
                    f"plan-action:{a['id']}",
                    OutMessage(a["tg_user_id"], text),
                    now=now,
                    priority=PRIORITY_NORMAL,
                    person_id=a["owner"],
                    not_before=when,
                )
                rows += written(row)
            return Outcome(rows=rows)

        return await unit.run(work)

    async def _person(self, db: Reads, person_id: int | None) -> Recipient | None:
        row = await db.fetchone(
            "SELECT id, tg_user_id, language, work_start, work_end FROM persons"
            " WHERE id = ? AND tg_user_id IS NOT NULL",
            (person_id,),
        )
        if row is None:
            return None
        return Recipient(
            row["id"], row["tg_user_id"], row["language"], row["work_start"], row["work_end"]
        )

    async def _send_reminder(
        self, unit: UnitOfWork, plan_id: int, prepared: list[tuple[Recipient, list[OutMessage]]]
    ) -> Outcome:
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            marked = await tx.execute(
                "UPDATE plans SET reminded_at = ?, status = 'evaluating'"
                " WHERE id = ? AND reminded_at IS NULL",
                (to_db(now), plan_id),
            )
            if not marked:
                return Outcome()
            rows: list[OutboxRow] = []
            for r, messages in prepared:
                when = next_within_hours(now, self.svc.settings.tz, r.work_start, r.work_end)
                token = ""
                if any(m.buttons for m in messages):  # who evaluates; members only read
                    token = await callbacks.issue(
                        tx,
                        now,
                        r.chat_id,
                        PhenomenonAction(items=[["evaluate", plan_id]]),
                        ttl=timedelta(weeks=8),
                    )
                messages = [
                    OutMessage(
                        m.chat_id,
                        m.text,
                        op=m.op,
                        file_name=m.file_name,
                        file_hex=m.file_hex,
                        buttons=[
                            [Button(b.text, callbacks.button_data(token, 0)) for b in row]
                            for row in m.buttons
                        ],
                    )
                    for m in messages
                ]
                await audit(tx, now, "plan_reminded", actor_id=r.person_id, plan=plan_id)
                rows += await enqueue_each(
                    tx,
                    f"plan:{plan_id}:remind:{now.date()}:{r.person_id}",
                    messages,
                    now=now,
                    priority=PRIORITY_NORMAL,
                    person_id=r.person_id,
                    not_before=when,
                )
            return Outcome(rows=rows)

        return await unit.run(work)


Drawn = tuple[phenomena.Finding, dict[str, bytes]]


def related(cards: list[Drawn]) -> list[list[Drawn]]:
    """Findings that belong on one card: linked by the same place or the same signal (a rise
    in a group is often the school's rise too, and one group's low answers and lonely words
    are one story). Group findings come first, so the card opens with the closest view."""
    parent = list(range(len(cards)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (a, _) in enumerate(cards):
        for j in range(i):
            b = cards[j][0]
            if a.scope == b.scope or a.signal == b.signal:
                parent[root(i)] = root(j)
    clusters: dict[int, list[Drawn]] = {}
    for i, card in enumerate(cards):
        clusters.setdefault(root(i), []).append(card)
    return [
        sorted(c, key=lambda d: (d[0].scope == SCHOOL, d[0].scope, d[0].signal))
        for c in clusters.values()
    ]


def finding_short(signal: str, scope: str) -> str:
    """A button's name for a finding: the place in full (the same signal is often found for a
    group and for the whole school), then as much of the signal as fits."""
    return f"{scope}: {_short(signal, max(16, 40 - len(scope)))}"


def _short(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
