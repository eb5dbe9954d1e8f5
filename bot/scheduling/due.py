"""What is due: a pure function of the clock, a schedule, the school calendar and the periods
already recorded. Nothing here reads the database or the wall clock, so every rule (holidays,
breaks, biweekly cycles, daylight saving, catch-up after downtime) is tested with plain values.

A schedule is generic: check-ins and peer-group prompts share it; `kind` says which use case
acts on a due occurrence.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.scheduling.calendar import SchoolCalendar

ON_BREAK = ("skip", "shift")
KINDS = ("checkin", "prompt")
# Who a schedule reaches: a prompt goes to each student privately or to the group's chat; a
# check-in goes to every student ("private") or only to those at a risk point that day.
AUDIENCES = ("private", "chat", "risk_points")
# How far back a schedule is ever examined; a bot down longer than this has bigger problems,
# and the rounds it missed are still recorded from the last one it knows.
MAX_LOOKBACK = timedelta(days=400)

Verdict = Literal["send", "skip", "missed", "superseded"]


class ScheduleError(ValueError):
    """A schedule that cannot be valid; the message names the field."""


def parse_hhmm(text: str) -> time:
    """'9.00', '09:00' or '9' -> 09:00; raises ScheduleError otherwise."""
    cleaned = text.strip().replace(".", ":")
    hours, _, minutes = cleaned.partition(":")
    try:
        value = time(int(hours), int(minutes or 0))
    except ValueError:
        raise ScheduleError(f"time must look like 09:00, not {text!r}") from None
    if not hours.isdigit() or (minutes and not minutes.isdigit()) or len(minutes) not in (0, 2):
        raise ScheduleError(f"time must look like 09:00, not {text!r}")
    return value


def parse_weekdays(text: str) -> tuple[int, ...]:
    """'0,2' (Monday = 0) -> (0, 2)."""
    try:
        days = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise ScheduleError(f"weekdays must be numbers 0-6, not {text!r}") from None
    if not days or days[0] < 0 or days[-1] > 6:
        raise ScheduleError(f"weekdays must be numbers 0-6, not {text!r}")
    return days


@dataclass(frozen=True)
class Schedule:
    id: int
    group_id: int
    flow_id: str
    weekdays: tuple[int, ...]  # Monday = 0
    at_time: time
    starts_on: date
    created_at: datetime
    timezone: str = "Europe/Helsinki"
    every_weeks: int = 1
    ends_on: date | None = None
    on_break: str = "skip"
    kind: str = "checkin"
    audience: str = "private"
    active: bool = True

    def __post_init__(self) -> None:
        if not self.weekdays or any(not 0 <= d <= 6 for d in self.weekdays):
            raise ScheduleError("weekdays must be 0 (Monday) … 6 (Sunday)")
        if not 1 <= self.every_weeks <= 8:
            raise ScheduleError("every_weeks must be 1-8")
        if self.on_break not in ON_BREAK:
            raise ScheduleError(f"on_break must be one of {ON_BREAK}")
        if self.kind not in KINDS:
            raise ScheduleError(f"kind must be one of {KINDS}")
        if self.audience not in AUDIENCES:
            raise ScheduleError(f"audience must be one of {AUDIENCES}")
        if self.audience == "risk_points" and self.kind != "checkin":
            raise ScheduleError("only a check-in schedule can ask students at a risk point")
        if self.ends_on is not None and self.ends_on < self.starts_on:
            raise ScheduleError("the schedule ends before it starts")
        try:
            ZoneInfo(self.timezone)
        except (ValueError, KeyError) as exc:
            raise ScheduleError(f"unknown time zone {self.timezone!r}") from exc

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Occurrence:
    period_key: str
    day: date  # the nominal local date
    nominal: datetime  # the nominal moment, UTC
    due_at: datetime  # when it goes out, UTC (later than nominal when shifted past a break)
    blocked_kind: str | None = None  # 'holiday' or 'break' when one moved or cancelled it
    blocked_name: str | None = None
    skip: bool = False
    reason: str | None = None  # why it is skipped: 'holiday', 'break', 'shift-collides'


@dataclass(frozen=True)
class Decision:
    occurrence: Occurrence
    verdict: Verdict


def local_moment(day: date, at: time, tz: ZoneInfo) -> datetime:
    """`day` at `at` in `tz`, as UTC. A time that does not exist (the hour skipped when clocks
    go forward in March) moves forward by the gap; a time that occurs twice (October) is the
    first of the two."""
    # fold=0 reads a missing wall time with the offset in force before the change, which
    # lands after the gap (03:30 on the spring-forward night is 04:30 summer time), and an
    # ambiguous one as its first occurrence.
    return datetime.combine(day, at).replace(tzinfo=tz, fold=0).astimezone(UTC)


def period_key(schedule: Schedule, day: date) -> str:
    """The period one occurrence serves: the ISO week ('2026-W48') when the schedule runs once a
    week; the week and weekday ('2026-W48-1', Monday = 1) when it runs on several days."""
    year, week, weekday = day.isocalendar()
    base = f"{year}-W{week:02d}"
    # A risk-point check-in comes on top of the weekly one: its period is its day, so a student
    # who answered Monday's check-in still gets Thursday's extra one.
    once_a_week = len(schedule.weekdays) == 1 and schedule.audience != "risk_points"
    return base if once_a_week else f"{base}-{weekday}"


def day_of_period(schedule: Schedule, key: str) -> date | None:
    """The nominal date a period key stands for (inverse of `period_key`)."""
    try:
        year_text, _, rest = key.partition("-W")
        week_text, _, weekday_text = rest.partition("-")
        weekday = int(weekday_text) if weekday_text else schedule.weekdays[0] + 1
        return date.fromisocalendar(int(year_text), int(week_text), weekday)
    except ValueError:
        return None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def nominal_days(schedule: Schedule, first: date, last: date) -> Iterator[date]:
    """The schedule's dates in [first, last]: its weekdays, in its week cycle, in its range."""
    start = max(first, schedule.starts_on)
    end = min(last, schedule.ends_on) if schedule.ends_on else last
    anchor = _monday(schedule.starts_on)
    day = start
    while day <= end:
        if day.weekday() in schedule.weekdays:
            week_index = (_monday(day) - anchor).days // 7
            if week_index % schedule.every_weeks == 0:
                yield day
        day += timedelta(days=1)


def occurrence(
    schedule: Schedule, calendar: SchoolCalendar, day: date, following: date | None
) -> Occurrence:
    """One nominal date with the calendar applied. `following` is the schedule's next nominal
    date: a shift past a break never reaches it, because that round serves the students then."""
    tz = schedule.tz
    nominal = local_moment(day, schedule.at_time, tz)
    plain = Occurrence(period_key(schedule, day), day, nominal, nominal)
    blocked = calendar.blocked(day, schedule.group_id)
    if blocked is None:
        return plain
    plain = replace(plain, blocked_kind=blocked.kind, blocked_name=blocked.name)
    if schedule.on_break == "skip":
        return replace(plain, skip=True, reason=blocked.kind)
    target = calendar.next_school_day(day + timedelta(days=1), schedule.group_id)
    if (following is not None and target >= following) or (
        schedule.ends_on is not None and target > schedule.ends_on
    ):
        return replace(plain, skip=True, reason="shift-collides")
    return replace(plain, due_at=local_moment(target, schedule.at_time, tz))


def occurrences(
    schedule: Schedule, calendar: SchoolCalendar, first: date, last: date
) -> Iterator[Occurrence]:
    """Occurrences whose nominal date is in [first, last], calendar applied."""
    horizon = last + timedelta(days=7 * schedule.every_weeks + 7)
    days = list(nominal_days(schedule, first, horizon))
    for index, day in enumerate(days):
        if day > last:
            return
        following = days[index + 1] if index + 1 < len(days) else None
        yield occurrence(schedule, calendar, day, following)


def decide(
    schedule: Schedule,
    calendar: SchoolCalendar,
    now: datetime,
    done: Collection[str],
    grace: timedelta,
) -> list[Decision]:
    """Every occurrence that needs recording at `now`, oldest first:

    - `send`: due, not yet recorded, at most `grace` late;
    - `skip`: falls on a holiday or break (policy skip, or a shift that would collide);
    - `missed`: due more than `grace` ago (the bot was down): recorded, never sent;
    - `superseded`: within grace, but a newer occurrence is due too: only the newest is sent.

    A schedule owes nothing from before it was created. `done` holds the period keys already
    recorded; the result never repeats one of them, so calling this again after recording its
    answer yields nothing new.
    """
    if not schedule.active:
        return []
    tz = schedule.tz
    today = now.astimezone(tz).date()
    first = max(
        schedule.starts_on,
        schedule.created_at.astimezone(tz).date(),
        (now - MAX_LOOKBACK).astimezone(tz).date(),
    )
    known = [d for d in (day_of_period(schedule, k) for k in done) if d is not None]
    if known:
        first = max(first, max(known))
    decisions: list[Decision] = []
    for occ in occurrences(schedule, calendar, first, today):
        if occ.period_key in done or occ.nominal < schedule.created_at:
            continue
        if occ.skip:
            if occ.nominal <= now:
                decisions.append(Decision(occ, "skip"))
            continue
        if occ.due_at > now:
            continue
        decisions.append(Decision(occ, "send" if now - occ.due_at <= grace else "missed"))
    sends = [i for i, d in enumerate(decisions) if d.verdict == "send"]
    for index in sends[:-1]:
        decisions[index] = Decision(decisions[index].occurrence, "superseded")
    return decisions


def upcoming(
    schedule: Schedule,
    calendar: SchoolCalendar,
    now: datetime,
    count: int = 3,
    done: Collection[str] = (),
) -> list[Occurrence]:
    """The next `count` occurrences not yet due (skipped ones included, with their reason),
    for showing a schedule to the person who made it."""
    if not schedule.active:
        return []
    tz = schedule.tz
    found: list[Occurrence] = []
    first = max(now.astimezone(tz).date() - timedelta(days=14), schedule.starts_on)
    last = now.astimezone(tz).date() + timedelta(days=400)
    for occ in occurrences(schedule, calendar, first, last):
        if occ.period_key in done or occ.nominal < schedule.created_at:
            continue
        if (occ.skip and occ.nominal <= now) or (not occ.skip and occ.due_at <= now):
            continue
        found.append(occ)
        if len(found) >= count:
            break
    return found


def next_send(
    schedule: Schedule, calendar: SchoolCalendar, now: datetime, done: Collection[str] = ()
) -> Occurrence | None:
    """The next occurrence that will actually go out."""
    for occ in upcoming(schedule, calendar, now, count=60, done=done):
        if not occ.skip:
            return occ
    return None
