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
    """Whole ISO weeks (reports are made of whole weeks that have ended, see
    `bot.reports.published`): weeks4: the four weeks before this one; last_month: the weeks
    whose Thursday is in the previous calendar month (as ISO weeks belong to years); term: from
    the week of the term's start (1 Aug or 1 Jan) to the last week that has ended."""
    monday = today - timedelta(days=today.weekday())
    if name == "weeks4":
        return Period(monday - timedelta(weeks=4), monday - timedelta(days=1))
    if name == "last_month":
        last_prev = today.replace(day=1) - timedelta(days=1)
        return month_weeks(last_prev.year, last_prev.month)
    if name == "term":
        start = date(today.year, 8, 1) if today.month >= 8 else date(today.year, 1, 1)
        first = start - timedelta(days=start.weekday())
        return Period(first, max(monday - timedelta(days=1), first + timedelta(days=6)))
    raise ValueError(f"unknown period {name!r}")


def month_weeks(year: int, month: int) -> Period:
    """The ISO weeks whose Thursday falls in the month."""
    first = date(year, month, 1)
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    following = date(year + month // 12, month % 12 + 1, 1)
    last_thursday = following - timedelta(days=1)
    last_thursday -= timedelta(days=(last_thursday.weekday() - 3) % 7)
    return Period(thursday - timedelta(days=3), last_thursday + timedelta(days=3))


# -- terms and school years -------------------------------------------------------------------
# A Finnish school year runs from August to July: the autumn term from 1 August, the spring
# term from 1 January. A term or year is made of the ISO weeks whose Thursday falls inside it,
# as a month is (`month_weeks`), so no week belongs to two terms.

TERM_KINDS = ("autumn", "spring", "year")


@dataclass(frozen=True)
class Term:
    kind: str  # autumn, spring or year (a whole school year)
    year: int  # the calendar year it starts in
    period: Period

    @property
    def key(self) -> str:
        return f"{self.kind}-{self.year}"


def thursday_weeks(first: date, last: date) -> Period:
    """The ISO weeks whose Thursday falls in [first, last]."""
    thursday = first + timedelta(days=(3 - first.weekday()) % 7)
    last_thursday = last - timedelta(days=(last.weekday() - 3) % 7)
    return Period(thursday - timedelta(days=3), last_thursday + timedelta(days=3))


def term(kind: str, year: int) -> Term:
    if kind == "autumn":
        return Term(kind, year, thursday_weeks(date(year, 8, 1), date(year, 12, 31)))
    if kind == "spring":
        return Term(kind, year, thursday_weeks(date(year, 1, 1), date(year, 7, 31)))
    if kind == "year":
        return Term(kind, year, thursday_weeks(date(year, 8, 1), date(year + 1, 7, 31)))
    raise ValueError(f"unknown term kind {kind!r}")


def term_of(day: date) -> Term:
    """The term a day's ISO week belongs to."""
    thursday = day - timedelta(days=day.weekday()) + timedelta(days=3)
    return term("autumn" if thursday.month >= 8 else "spring", thursday.year)


def terms_back(today: date, count: int) -> list[Term]:
    """The newest `count` terms that have begun, oldest first (today's term last)."""
    current = term_of(today)
    out = [current]
    while len(out) < count:
        t = out[0]
        out.insert(0, term("spring", t.year) if t.kind == "autumn" else term("autumn", t.year - 1))
    return out


def school_years_back(today: date, count: int) -> list[Term]:
    """The newest `count` school years that have begun, oldest first."""
    current = term_of(today)
    start = current.year if current.kind == "autumn" else current.year - 1
    return [term("year", y) for y in range(start - count + 1, start + 1)]
