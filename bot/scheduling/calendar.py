"""Time in school terms: quiet hours, working hours, holidays, breaks and school days."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from bot.storage.db import Reads


def _parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_window(local: time, start: time, end: time) -> bool:
    """Is `local` inside [start, end)? A window may wrap midnight (21:00–08:00)."""
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def next_outside_quiet(now: datetime, tz: ZoneInfo, quiet_start: str, quiet_end: str) -> datetime:
    """`now` if it is outside the quiet hours, else the moment they end (DST-safe)."""
    start, end = _parse_hhmm(quiet_start), _parse_hhmm(quiet_end)
    local = now.astimezone(tz)
    if start == end or not in_window(local.time(), start, end):
        return now
    day = local.date() if local.time() < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=tz).astimezone(now.tzinfo)


def next_within_hours(now: datetime, tz: ZoneInfo, work_start: str, work_end: str) -> datetime:
    """`now` during working hours on a weekday, else the next working-hours start."""
    start, end = _parse_hhmm(work_start), _parse_hhmm(work_end)
    local = now.astimezone(tz)
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        opening = datetime.combine(day, start, tzinfo=tz)
        closing = datetime.combine(day, end, tzinfo=tz)
        if offset == 0 and opening <= local < closing:
            return now
        if local < opening:
            return opening.astimezone(now.tzinfo)
    return now


def paused_on(paused_until: str | None, now: datetime, tz: ZoneInfo) -> bool:
    """Is a student's pause in force at `now`? A stored moment pauses until that moment; a
    bare date pauses through that whole day (local)."""
    if not paused_until:
        return False
    text = paused_until.strip()
    if len(text) == 10:
        return now.astimezone(tz).date() <= date.fromisoformat(text)
    until = datetime.fromisoformat(text)
    return now < (until if until.tzinfo else until.replace(tzinfo=UTC))  # stored times are UTC


@dataclass(frozen=True)
class Break:
    name: str
    starts_on: date
    ends_on: date  # inclusive
    group_id: int | None = None  # None: the whole school
    kind: str = "break"  # 'break' or 'work_based_learning'

    def covers(self, day: date, group_id: int | None) -> bool:
        applies = self.group_id is None or self.group_id == group_id
        return applies and self.starts_on <= day <= self.ends_on


# The `holidays` package names Finnish holidays in these languages; ours map onto them.
HOLIDAY_LANGUAGES = {"fi": "fi", "sv": "sv_FI", "en": "en_US", "fi-x-selko": "fi"}
BREAK = "break"
ON_THE_JOB = "work_based_learning"


@dataclass(frozen=True)
class Blocked:
    """Why a date has no school: a public holiday or a school break (weekends are not blocked:
    a schedule names its weekdays on purpose)."""

    kind: str  # 'holiday' or 'break'
    name: str


class SchoolCalendar:
    """Finnish public holidays (the `holidays` package), weekends and the school's own breaks.

    Pure: built from data, answers questions about dates. `load()` reads breaks from storage.
    """

    def __init__(
        self,
        breaks: Sequence[Break] = (),
        *,
        school_start: str = "08:00",
        school_end: str = "16:00",
    ) -> None:
        self.breaks = tuple(breaks)
        self.school_start = school_start
        self.school_end = school_end
        self._holidays = holidays.country_holidays("FI")
        self._named: dict[str, holidays.HolidayBase] = {}

    @classmethod
    async def load(cls, db: Reads) -> SchoolCalendar:
        rows = await db.fetchall(
            "SELECT name, starts_on, ends_on, group_id, kind FROM school_breaks"
        )
        return cls(
            [
                Break(
                    r["name"],
                    date.fromisoformat(r["starts_on"]),
                    date.fromisoformat(r["ends_on"]),
                    r["group_id"],
                    r["kind"],
                )
                for r in rows
            ]
        )

    def holiday_name(self, day: date, lang: str | None = None) -> str | None:
        """The public holiday on `day`, named in `lang` (fi/sv/en) when given."""
        if day not in self._holidays:
            return None
        if lang is None:
            return str(self._holidays.get(day))
        named = self._named.get(lang)
        if named is None:
            named = holidays.country_holidays("FI", language=HOLIDAY_LANGUAGES.get(lang, "fi"))
            self._named[lang] = named
        return str(named.get(day))

    def blocked(self, day: date, group_id: int | None = None, lang: str = "fi") -> Blocked | None:
        """The holiday or break that keeps school closed on `day` for the group, if any."""
        name = self.holiday_name(day, lang)
        if name is not None:
            return Blocked("holiday", name)
        found = self.break_on(day, group_id)
        return Blocked("break", found.name) if found else None

    def on_the_job(self, day: date, group_id: int | None) -> Break | None:
        """The group's on-the-job learning period covering `day` (not a break: students work
        and study at a workplace, and check-ins go on)."""
        return next(
            (b for b in self.breaks if b.kind == ON_THE_JOB and b.covers(day, group_id)), None
        )

    def periods(
        self, group_id: int | None, kind: str, *, ending_after: date | None = None
    ) -> list[Break]:
        """The group's own and the school-wide periods of a kind, in date order."""
        return sorted(
            (
                b
                for b in self.breaks
                if b.kind == kind
                and (b.group_id is None or b.group_id == group_id)
                and (ending_after is None or b.ends_on >= ending_after)
            ),
            key=lambda b: (b.starts_on, b.ends_on, b.name),
        )

    def break_on(self, day: date, group_id: int | None = None) -> Break | None:
        """The school break covering `day` (on-the-job learning periods are not breaks)."""
        return next((b for b in self.breaks if b.kind == BREAK and b.covers(day, group_id)), None)

    def is_school_day(self, day: date, group_id: int | None = None) -> bool:
        return (
            day.weekday() < 5 and day not in self._holidays and self.break_on(day, group_id) is None
        )

    def next_school_day(self, day: date, group_id: int | None = None) -> date:
        """`day` itself if it is a school day, else the next one (within a year)."""
        for offset in range(366):
            candidate = day + timedelta(days=offset)
            if self.is_school_day(candidate, group_id):
                return candidate
        return day

    def add_school_hours(
        self, start: datetime, hours: float, tz: ZoneInfo, group_id: int | None = None
    ) -> datetime:
        """`start` plus `hours` of school time (school days, school hours only): a deadline
        set on Friday afternoon runs on Monday morning, not over the weekend."""
        opening, closing = _parse_hhmm(self.school_start), _parse_hhmm(self.school_end)
        remaining = timedelta(hours=hours)
        local = start.astimezone(tz)
        for _ in range(400):
            day = local.date()
            if self.is_school_day(day, group_id):
                day_open = datetime.combine(day, opening, tzinfo=tz)
                day_close = datetime.combine(day, closing, tzinfo=tz)
                begin = max(local, day_open)
                if begin < day_close:
                    available = day_close - begin
                    if remaining <= available:
                        return (begin + remaining).astimezone(start.tzinfo)
                    remaining -= available
            local = datetime.combine(day + timedelta(days=1), opening, tzinfo=tz)
        return start + timedelta(hours=hours)

    def add_school_days(
        self, start: datetime, days: int, tz: ZoneInfo, group_id: int | None = None
    ) -> datetime:
        """A deadline `days` school days later, at the same school-time position."""
        length = datetime.combine(date.min, _parse_hhmm(self.school_end)) - datetime.combine(
            date.min, _parse_hhmm(self.school_start)
        )
        return self.add_school_hours(start, days * length.total_seconds() / 3600, tz, group_id)

    def next_opening(self, when: datetime, tz: ZoneInfo, group_id: int | None = None) -> datetime:
        """`when` itself within school hours, else when school hours next begin."""
        if self.within_school_hours(when, tz, group_id):
            return when
        local = when.astimezone(tz)
        opening = _parse_hhmm(self.school_start)
        day = local.date()
        if local.time() >= opening:
            day += timedelta(days=1)
        day = self.next_school_day(day, group_id)
        return datetime.combine(day, opening, tzinfo=tz).astimezone(when.tzinfo)

    def previous_closing(self, day: date, tz: ZoneInfo, group_id: int | None = None) -> datetime:
        """When school hours last ended before `day` (the previous school day's end)."""
        closing = _parse_hhmm(self.school_end)
        for back in range(1, 60):
            candidate = day - timedelta(days=back)
            if self.is_school_day(candidate, group_id):
                return datetime.combine(candidate, closing, tzinfo=tz)
        return datetime.combine(day - timedelta(days=1), closing, tzinfo=tz)

    def within_school_hours(
        self, when: datetime, tz: ZoneInfo, group_id: int | None = None
    ) -> bool:
        local = when.astimezone(tz)
        return self.is_school_day(local.date(), group_id) and in_window(
            local.time(), _parse_hhmm(self.school_start), _parse_hhmm(self.school_end)
        )
