"""Report periods in the school's local dates, and the ISO weeks inside them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

PRESETS = ("weeks4", "last_month", "term")


@dataclass(frozen=True)
class Period:
    """Local dates, both inclusive."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError("the period ends before it starts")

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes: local midnight to the midnight after `last`."""
        start = datetime.combine(self.first, time(0), tzinfo=tz)
        end = datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=tz)
        return start, end

    def weeks(self) -> list[str]:
        """ISO week keys ('2026-W48') touched by the period, in order."""
        keys: list[str] = []
        day = self.first - timedelta(days=self.first.weekday())
        while day <= self.last:
            keys.append(week_key(day))
            day += timedelta(days=7)
        return keys

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def key(self) -> str:
        return f"{self.first.isoformat()}_{self.last.isoformat()}"


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_start(key: str) -> date:
    year, week = key.split("-W")
    return date.fromisocalendar(int(year), int(week), 1)


def week_number(key: str) -> int:
    return int(key.split("-W")[1])


def local_week(when: datetime, tz: ZoneInfo) -> str:
    return week_key(when.astimezone(tz).date())


def preset(name: str, today: date) -> Period:
    """weeks4: the four full weeks before this one; last_month: the previous calendar month;
    term: from the start of this term (1 Aug or 1 Jan) to today."""
    if name == "weeks4":
        monday = today - timedelta(days=today.weekday())
        return Period(monday - timedelta(weeks=4), monday - timedelta(days=1))
    if name == "last_month":
        first_this = today.replace(day=1)
        last_prev = first_this - timedelta(days=1)
        return Period(last_prev.replace(day=1), last_prev)
    if name == "term":
        start = date(today.year, 8, 1) if today.month >= 8 else date(today.year, 1, 1)
        return Period(start, today)
    raise ValueError(f"unknown period {name!r}")
