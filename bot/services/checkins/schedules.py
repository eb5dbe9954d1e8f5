"""Managing schedules (coordinator, or the group's group coach): who may, adding and removing
with an audit row, and the words that show a schedule and its delivery reports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot import dates
from bot.i18n import Translator
from bot.scheduling import store
from bot.scheduling.calendar import BREAK, SchoolCalendar
from bot.scheduling.due import AUDIENCES as SCHEDULE_AUDIENCES
from bot.scheduling.due import (
    Schedule,
    ScheduleError,
    day_of_period,
    next_send,
    parse_hhmm,
    upcoming,
)
from bot.services.audit import audit
from bot.services.checkins.rounds import clock_text, when_text
from bot.services.container import Services
from bot.services.messaging.delivery import RoundReport, recent_rounds
from bot.services.peer.groups import THEME_PREFIX
from bot.services.peer.library import PromptLibrary
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

# A flow offered in the schedule dialog for students at a risk point only (risk_points.py).
RISK_POINTS_PREFIX = "riskpoints:"
SUMMER_BREAK_DAYS = 30  # a school-wide break this long ends the school year
PROMPT_SHOWN = 40  # characters of a single prompt's text shown in a schedule's line


@dataclass
class Draft:
    """A schedule being made in the dialog; travels in button payloads, so keys are short."""

    group_id: int
    flow_id: str | None = None
    weekdays: tuple[int, ...] = ()
    at_time: str | None = None
    every_weeks: int = 1
    starts_on: str | None = None
    ends_on: str | None = None
    on_break: str = "skip"
    kind: str = "checkin"  # or 'prompt': flow_id is then 'theme:<id>' (or one prompt's id)
    audience: str = "private"  # a prompt schedule: 'chat' or 'private'

    def to_json(self) -> dict[str, object]:
        return {
            "g": self.group_id,
            "f": self.flow_id,
            "d": list(self.weekdays),
            "t": self.at_time,
            "n": self.every_weeks,
            "s": self.starts_on,
            "e": self.ends_on,
            "b": self.on_break,
            "k": self.kind,
            "a": self.audience,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Draft:
        days = data.get("d") or []
        assert isinstance(days, list)
        return cls(
            group_id=int(str(data["g"])),
            flow_id=str(data["f"]) if data.get("f") else None,
            weekdays=tuple(int(d) for d in days),
            at_time=str(data["t"]) if data.get("t") else None,
            every_weeks=int(str(data.get("n") or 1)),
            starts_on=str(data["s"]) if data.get("s") else None,
            ends_on=str(data["e"]) if data.get("e") else None,
            on_break=str(data.get("b") or "skip"),
            kind=str(data.get("k") or "checkin"),
            audience=str(data.get("a") or "private"),
        )


# -- who may ----------------------------------------------------------------------------------


async def manageable_groups(db: Reads, person: Person) -> list[tuple[int, str]]:
    """(id, name) of the groups whose schedules this person manages, from the database."""
    if person.has("coordinator"):
        rows = await db.fetchall("SELECT id, name FROM groups ORDER BY name")
    elif person.has("group_coach"):
        rows = await db.fetchall(
            "SELECT g.id, g.name FROM groups g JOIN group_coaches gc ON gc.group_id = g.id"
            " WHERE gc.person_id = ? ORDER BY g.name",
            (person.id,),
        )
    else:
        return []
    return [(int(r["id"]), str(r["name"])) for r in rows]


async def may_manage(db: Reads, person: Person, group_id: int) -> bool:
    return any(gid == group_id for gid, _ in await manageable_groups(db, person))


async def group_name(db: Reads, group_id: int) -> str:
    return str(await db.fetchval("SELECT name FROM groups WHERE id = ?", (group_id,)) or "?")


async def group_chat(db: Reads, group_id: int) -> int | None:
    """The group's linked Telegram chat, if any (`/liita`)."""
    value = await db.fetchval("SELECT chat_id FROM groups WHERE id = ?", (group_id,))
    return None if value is None else int(value)


def theme_audiences(library: PromptLibrary, theme_id: str, has_chat: bool) -> list[str]:
    """Where a theme's prompts can go for this group: the chat only when one is linked, and
    only audiences that some prompt of the theme fits."""
    wanted = ("chat", "private") if has_chat else ("private",)
    return [a for a in wanted if library.in_theme(theme_id, a)]


def prompt_themes(library: PromptLibrary, has_chat: bool) -> list[str]:
    """The themes a prompt schedule for this group can rotate, in library order."""
    return [t for t in library.themes if theme_audiences(library, t, has_chat)]


# -- changes ----------------------------------------------------------------------------------


async def create(
    svc: Services, unit: UnitOfWork, person: Person, draft: Draft, token: str | None
) -> Schedule:
    """Store the draft as a schedule (one transaction with its audit row). `token` is the
    callback that confirmed it: used once, so a double press saves once."""
    if not (draft.flow_id and draft.weekdays and draft.at_time and draft.starts_on):
        raise ScheduleError("the draft is incomplete")
    if draft.kind not in ("checkin", "prompt") or draft.audience not in SCHEDULE_AUDIENCES:
        raise ScheduleError("the draft is not valid")

    async def work(tx: Tx) -> Schedule:
        now = unit.now
        if token is not None:
            used = await tx.execute(
                "UPDATE callbacks SET used_at = ? WHERE token = ? AND used_at IS NULL",
                (now.isoformat(), token),
            )
            if not used:
                raise AlreadyDone()
        if not await may_manage(tx, person, draft.group_id):
            raise PermissionError(draft.group_id)
        schedule = await store.add_schedule(
            tx,
            now,
            group_id=draft.group_id,
            flow_id=draft.flow_id or "",
            weekdays=draft.weekdays,
            at_time=draft.at_time or "",
            starts_on=date.fromisoformat(draft.starts_on or ""),
            ends_on=date.fromisoformat(draft.ends_on) if draft.ends_on else None,
            every_weeks=draft.every_weeks,
            on_break=draft.on_break,
            timezone=svc.settings.timezone,
            kind=draft.kind,
            audience=draft.audience,
            created_by=person.id,
        )
        await audit(
            tx,
            now,
            "schedule_created",
            actor_id=person.id,
            schedule=schedule.id,
            group=draft.group_id,
            flow=schedule.flow_id,
            kind=schedule.kind,
            audience=schedule.audience,
            weekdays=list(schedule.weekdays),
            at=draft.at_time,
        )
        return schedule

    return await unit.run(work)


async def remove(unit: UnitOfWork, person: Person, schedule_id: int) -> bool:
    async def work(tx: Tx) -> bool:
        schedule = await store.get_schedule(tx, schedule_id)
        if schedule is None or not schedule.active:
            return False
        if not await may_manage(tx, person, schedule.group_id):
            raise PermissionError(schedule.group_id)
        await store.deactivate(tx, schedule_id)
        now = unit.now
        await audit(
            tx,
            now,
            "schedule_removed",
            actor_id=person.id,
            schedule=schedule_id,
            group=schedule.group_id,
        )
        return True

    return await unit.run(work)


class AlreadyDone(Exception):
    """The confirming button was pressed before."""


# -- parsing what staff type --------------------------------------------------------------


def parse_day(text: str, today: date, *, not_before: date | None = None) -> date | None:
    """A typed day (bot/dates.py); without a year, the next such day from `not_before`."""
    return dates.parse_day(text, today, not_before=not_before)


def parse_range(text: str, today: date) -> tuple[date, date | None] | None:
    """'1.12.2026–31.5.2027', '1.12.–31.5.', '1.12.2026-' or '1.12.2026' (no end)."""
    text = text.strip()
    iso = re.findall(r"\d{4}-\d{2}-\d{2}", text)
    parts = iso if iso else re.split(r"\s*[–—-]\s*", text, maxsplit=1)
    first = parse_day(parts[0], today)
    if first is None:
        return None
    if len(parts) == 1 or not parts[1].strip():
        return first, None
    last = parse_day(parts[1], today, not_before=first)
    if last is None or last < first:
        return None
    return first, last


def parse_time(text: str) -> str | None:
    try:
        return parse_hhmm(text).strftime("%H:%M")
    except ScheduleError:
        return None


def school_year_end(calendar: SchoolCalendar, today: date) -> date | None:
    """The day before the next long school-wide break (the summer break), if the calendar
    has one."""
    for period in calendar.periods(None, BREAK, ending_after=today):
        long_enough = (period.ends_on - period.starts_on).days >= SUMMER_BREAK_DAYS
        if period.group_id is None and long_enough and period.starts_on > today:
            return period.starts_on - timedelta(days=1)
    return None


# -- words --------------------------------------------------------------------------------


def day_text(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def flow_title(svc: Services, lang: str, flow_id: str) -> str:
    flow = svc.flows.current(flow_id)
    return svc.tr.plain(lang, flow.title) if flow is not None else flow_id


def schedule_title(
    svc: Services, lang: str, kind: str, flow_id: str, library: PromptLibrary | None
) -> str:
    """What a schedule sends: a check-in's title, or a peer prompt theme (or one prompt)."""
    if kind != "prompt":
        return flow_title(svc, lang, flow_id)
    tr = svc.tr
    if flow_id.startswith(THEME_PREFIX):
        theme = library.theme(flow_id[len(THEME_PREFIX) :]) if library else None
        name = tr.plain(lang, theme.title) if theme else flow_id[len(THEME_PREFIX) :]
        return tr.plain(lang, "schedule-prompt-theme", theme=name)
    prompt = library.get(flow_id) if library else None
    theme = library.theme(prompt.theme) if library and prompt else None
    if prompt is None or theme is None:
        return tr.plain(lang, "schedule-prompt-theme", theme=flow_id)
    text = tr.plain(lang, prompt.text)
    short = text if len(text) <= PROMPT_SHOWN else text[: PROMPT_SHOWN - 1].rstrip() + "…"
    return tr.plain(lang, "schedule-prompt-one", theme=tr.plain(lang, theme.title), prompt=short)


def weekdays_text(tr: Translator, lang: str, weekdays: tuple[int, ...]) -> str:
    return ", ".join(tr.plain(lang, "schedule-weekday", f"d{d + 1}") for d in weekdays)


def describe(
    svc: Services,
    lang: str,
    schedule: Schedule | Draft,
    library: PromptLibrary | None = None,
) -> str:
    """One line: flow (a prompt schedule: theme · audience) · days at time · every n weeks ·
    date range · break policy. `library` names the prompt themes."""
    tr = svc.tr
    if isinstance(schedule, Schedule):
        flow_id, days, at = schedule.flow_id, schedule.weekdays, schedule.at_time
        starts, ends = schedule.starts_on, schedule.ends_on
        every, policy = schedule.every_weeks, schedule.on_break
    else:
        flow_id, days, at = (
            schedule.flow_id or "",
            schedule.weekdays,
            parse_hhmm(schedule.at_time or "0:00"),
        )
        starts = date.fromisoformat(schedule.starts_on or "2000-01-01")
        ends = date.fromisoformat(schedule.ends_on) if schedule.ends_on else None
        every, policy = schedule.every_weeks, schedule.on_break
    if ends is None:
        range_text = tr.plain(lang, "schedule-range-open", **{"from": day_text(starts)})
    else:
        range_text = tr.plain(
            lang, "schedule-range", **{"from": day_text(starts), "to": day_text(ends)}
        )
    if schedule.kind == "prompt":
        return tr.html(
            lang,
            "schedule-line-prompt",
            flow=schedule_title(svc, lang, "prompt", flow_id, library),
            audience=tr.plain(lang, "schedule-audience", schedule.audience),
            days=weekdays_text(tr, lang, days),
            time=clock_text(lang, at.hour, at.minute),
            every=tr.plain(lang, "schedule-every", n=every),
            range=range_text,
            policy=tr.plain(lang, "schedule-policy-prompt", policy),
        )
    flow = flow_title(svc, lang, flow_id)
    if schedule.audience == "risk_points":
        flow = tr.plain(lang, "schedule-risk-points-flow", flow=flow)
    return tr.html(
        lang,
        "schedule-line",
        flow=flow,
        days=weekdays_text(tr, lang, days),
        time=clock_text(lang, at.hour, at.minute),
        every=tr.plain(lang, "schedule-every", n=every),
        range=range_text,
        policy=tr.plain(lang, "schedule-policy", policy),
    )


async def next_text(svc: Services, lang: str, schedule: Schedule) -> str:
    calendar = await SchoolCalendar.load(svc.db)
    done = (await store.recorded_periods(svc.db, svc.clock.now(), [schedule.id])).get(
        schedule.id, set()
    )
    occ = next_send(schedule, calendar, svc.clock.now(), done)
    if occ is None:
        return svc.tr.html(lang, "schedule-next-none")
    return svc.tr.html(lang, "schedule-next", when=when_text(svc.tr, lang, occ.due_at, schedule))


def preview_lines(
    svc: Services, lang: str, schedule: Schedule, calendar: SchoolCalendar, count: int = 4
) -> list[str]:
    """The next occurrences of a draft schedule, skipped ones with the reason."""
    tr = svc.tr
    lines = []
    for occ in upcoming(schedule, calendar, svc.clock.now(), count):
        when = when_text(tr, lang, occ.due_at, schedule)
        if occ.skip:
            name = occ.blocked_name or ""
            blocked = calendar.blocked(occ.day, schedule.group_id, lang)
            lines.append(
                "• "
                + tr.html(
                    lang,
                    "schedule-upcoming-skip",
                    when=when,
                    name=blocked.name if blocked else name,
                )
            )
        else:
            lines.append("• " + when)
    return lines


def report_lines(
    svc: Services,
    lang: str,
    schedule: Schedule,
    report: RoundReport,
    calendar: SchoolCalendar | None = None,
) -> list[str]:
    """A round's delivery report: counts only. A holiday is named in the reader's language."""
    tr = svc.tr
    day = day_of_period(schedule, report.period_key)
    if calendar is not None and report.blocked == "holiday" and day is not None:
        report.reason_name = calendar.holiday_name(day, lang) or report.reason_name
    lines = [
        tr.html(lang, "schedule-report-head", when=when_text(tr, lang, report.due_at, schedule))
    ]
    if report.status == "skipped":
        if report.reason == "shift-collides":
            lines.append(tr.html(lang, "schedule-report-collides"))
        else:
            lines.append(tr.html(lang, "schedule-report-skipped", name=report.reason_name or ""))
        return lines
    if report.status == "missed":
        key = {
            "superseded": "schedule-report-superseded",
            "flow-missing": "schedule-report-broken",
        }.get(report.reason or "", "schedule-report-missed")
        lines.append(tr.html(lang, key))
        return lines
    total = (
        report.messages
        + report.already
        + report.paused
        + report.inactive
        + (report.unreachable - report.refused)
    )
    lines.append(
        tr.html(
            lang,
            "schedule-report-sent",
            sent=report.sent,
            total=total,
            answered=report.answered,
        )
    )
    if report.reason == "shifted" and report.reason_name:
        lines.append(tr.html(lang, "schedule-report-shifted", name=report.reason_name))
    for key, count in (
        ("schedule-report-waiting", report.waiting),
        ("schedule-report-failed", report.failed),
        ("schedule-report-unreachable", report.unreachable),
        ("schedule-report-already", report.already),
        ("schedule-report-paused", report.paused),
        ("schedule-report-inactive", report.inactive),
        ("schedule-report-not-at-risk-point", report.not_at_risk_point),
    ):
        if count:
            lines.append(tr.html(lang, key, count=count))
    return lines


async def report_text(
    svc: Services,
    lang: str,
    schedule: Schedule,
    limit: int = 4,
    library: PromptLibrary | None = None,
) -> str:
    tr = svc.tr
    head = tr.html(
        lang,
        "schedule-report-title",
        flow=schedule_title(svc, lang, schedule.kind, schedule.flow_id, library),
        group=await group_name(svc.db, schedule.group_id),
    )
    reports = await recent_rounds(svc.db, schedule.id, limit)
    if not reports:
        return head + "\n\n" + tr.html(lang, "schedule-report-none")
    calendar = await SchoolCalendar.load(svc.db)
    blocks = ["\n".join(report_lines(svc, lang, schedule, r, calendar)) for r in reports]
    return head + "\n\n" + "\n\n".join(blocks)
