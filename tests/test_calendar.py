"""School time: holidays, breaks, school-hour deadlines, quiet hours, across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.scheduling.calendar import Break, SchoolCalendar, next_outside_quiet

HKI = ZoneInfo("Europe/Helsinki")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=HKI)  # type: ignore[misc]


def test_weekends_public_holidays_and_breaks_are_not_school_days() -> None:
    cal = SchoolCalendar([Break("joululoma", date(2026, 12, 21), date(2027, 1, 6))])
    assert cal.is_school_day(date(2026, 11, 23))  # Monday
    assert not cal.is_school_day(date(2026, 11, 28))  # Saturday
    assert cal.is_school_day(date(2026, 12, 7))  # the Monday after Independence Day
    assert not cal.is_school_day(date(2026, 12, 22))  # in the break
    assert cal.holiday_name(date(2026, 12, 6)) is not None
    assert cal.next_school_day(date(2026, 12, 19)) == date(2027, 1, 7)


def test_group_breaks_apply_to_that_group_only() -> None:
    cal = SchoolCalendar([Break("leirikoulu", date(2026, 11, 24), date(2026, 11, 24), group_id=7)])
    assert not cal.is_school_day(date(2026, 11, 24), group_id=7)
    assert cal.is_school_day(date(2026, 11, 24), group_id=8)


def test_school_hour_deadlines_skip_nights_and_weekends() -> None:
    cal = SchoolCalendar()
    friday_afternoon = local(2026, 11, 27, 15, 0)
    deadline = cal.add_school_hours(friday_afternoon, 8, HKI)
    assert deadline.astimezone(HKI) == local(2026, 11, 30, 15, 0)  # Monday
    assert cal.add_school_days(local(2026, 11, 23, 10), 3, HKI).astimezone(HKI) == local(
        2026, 11, 26, 10
    )
    evening = local(2026, 11, 23, 20, 0)
    assert cal.add_school_hours(evening, 1, HKI).astimezone(HKI) == local(2026, 11, 24, 9, 0)


def test_quiet_hours_across_the_dst_changes() -> None:
    # 29 March 2026: clocks go from 03:00 to 04:00 in Helsinki.
    night = local(2026, 3, 29, 2, 30).astimezone(UTC)
    assert next_outside_quiet(night, HKI, "21:00", "08:00") == local(2026, 3, 29, 8, 0)
    # 25 October 2026: clocks go back from 04:00 to 03:00.
    night = local(2026, 10, 25, 1, 0).astimezone(UTC)
    ends = next_outside_quiet(night, HKI, "21:00", "08:00")
    assert ends == local(2026, 10, 25, 8, 0)
    assert ends.astimezone(UTC).hour == 6  # UTC+2 again after the change
    day = local(2026, 10, 26, 12, 0).astimezone(UTC)
    assert next_outside_quiet(day, HKI, "21:00", "08:00") == day
