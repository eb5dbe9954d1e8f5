"""School time: holidays, breaks, school-hour deadlines, quiet hours, across DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.scheduling.calendar import (
    ON_THE_JOB,
    Blocked,
    Break,
    SchoolCalendar,
    next_outside_quiet,
    paused_on,
)

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


def test_blocked_days_name_the_holiday_or_break_in_the_readers_language() -> None:
    cal = SchoolCalendar([Break("syysloma", date(2026, 10, 12), date(2026, 10, 18))])
    assert cal.blocked(date(2026, 12, 7)) is None  # a Monday at school
    assert cal.blocked(date(2026, 11, 28)) is None  # weekends are not "blocked": no policy
    assert cal.blocked(date(2027, 12, 6)) == Blocked("holiday", "Itsenäisyyspäivä")
    assert cal.blocked(date(2027, 12, 6), lang="sv") == Blocked("holiday", "Självständighetsdagen")
    assert cal.blocked(date(2027, 1, 6), lang="en") == Blocked("holiday", "Epiphany")
    assert cal.blocked(date(2026, 10, 14)) == Blocked("break", "syysloma")


def test_on_the_job_periods_are_listed_per_group_and_are_school_days() -> None:
    job = Break("Työssäoppiminen 1", date(2027, 1, 11), date(2027, 2, 19), 7, ON_THE_JOB)
    school_wide = Break("talviloma", date(2027, 2, 22), date(2027, 2, 28))
    cal = SchoolCalendar([school_wide, job])
    assert cal.periods(7, ON_THE_JOB) == [job]
    assert cal.periods(8, ON_THE_JOB) == []
    assert cal.periods(7, "break") == [school_wide]
    assert cal.periods(7, ON_THE_JOB, ending_after=date(2027, 3, 1)) == []
    assert cal.is_school_day(date(2027, 1, 12), 7)
    assert cal.on_the_job(date(2027, 1, 12), 7)


def test_a_pause_is_a_moment_or_a_whole_last_day() -> None:
    now = local(2026, 11, 30, 23, 30).astimezone(UTC)
    assert paused_on("2026-12-01T00:00:00+00:00", now, HKI)  # until 02:00 local
    assert not paused_on("2026-11-30T21:00:00+00:00", now, HKI)
    assert paused_on("2026-11-30", now, HKI)  # through the whole local day
    assert not paused_on("2026-11-29", now, HKI)
    assert not paused_on(None, now, HKI)
    assert not paused_on("", now, HKI)
