"""What is due, as a pure function of the clock: weekly and biweekly cycles, several weekdays,
holidays and breaks (skip or shift), daylight saving in March and October, a round missed
while the bot was down (grace window), and schedules that owe nothing from before they
existed. No database, no sleeping."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.config import PROJECT_ROOT
from bot.scheduling.calendar import Break, SchoolCalendar
from bot.scheduling.calendar_file import parse_calendar
from bot.scheduling.commands import parse_days
from bot.scheduling.due import (
    Decision,
    Schedule,
    ScheduleError,
    day_of_period,
    decide,
    local_moment,
    next_send,
    parse_hhmm,
    period_key,
    upcoming,
)
from bot.services.checkins.schedules import parse_range, parse_time

HKI = ZoneInfo("Europe/Helsinki")
PROJECT_CALENDAR = PROJECT_ROOT / "calendar" / "koulukalenteri.yaml"
GRACE = timedelta(hours=12)
NO_BREAKS = SchoolCalendar()


def hki(*args: int) -> datetime:
    return datetime(*args, tzinfo=HKI).astimezone(UTC)  # type: ignore[misc]


def weekly(**overrides: object) -> Schedule:
    fields: dict[str, object] = {
        "id": 1,
        "group_id": 7,
        "flow_id": "viikkokysely",
        "weekdays": (0,),
        "at_time": time(9, 0),
        "starts_on": date(2026, 8, 10),
        "created_at": hki(2026, 8, 1, 12, 0),
    }
    fields.update(overrides)
    return Schedule(**fields)  # type: ignore[arg-type]


def run(
    schedule: Schedule,
    calendar: SchoolCalendar,
    moments: list[datetime],
    done: set[str] | None = None,
) -> list[Decision]:
    """Tick at each moment, recording what each tick decided (as the rounds service does);
    the schedule exists from the first tick on."""
    done = set() if done is None else done
    schedule = replace(schedule, created_at=moments[0])
    found = []
    for now in moments:
        for decision in decide(schedule, calendar, now, done, GRACE):
            done.add(decision.occurrence.period_key)
            found.append(decision)
    return found


def sends(decisions: list[Decision]) -> list[tuple[str, datetime]]:
    return [
        (d.occurrence.period_key, d.occurrence.due_at) for d in decisions if d.verdict == "send"
    ]


def every_half_hour(start: datetime, end: datetime) -> list[datetime]:
    moments, now = [], start
    while now <= end:
        moments.append(now)
        now += timedelta(minutes=30)
    return moments


# -- the basic cycle ----------------------------------------------------------------------------


def test_a_weekly_round_is_due_at_its_time_and_only_once() -> None:
    schedule = weekly()
    assert decide(schedule, NO_BREAKS, hki(2026, 11, 23, 8, 59), {"2026-W47"}, GRACE) == []
    due = decide(schedule, NO_BREAKS, hki(2026, 11, 23, 9, 0), {"2026-W47"}, GRACE)
    assert [(d.verdict, d.occurrence.period_key) for d in due] == [("send", "2026-W48")]
    assert due[0].occurrence.due_at == hki(2026, 11, 23, 9, 0)
    # recorded: later ticks that week find nothing more
    assert (
        decide(schedule, NO_BREAKS, hki(2026, 11, 26, 9, 0), {"2026-W47", "2026-W48"}, GRACE) == []
    )


def test_ticking_every_half_hour_for_a_term_gives_one_round_per_week() -> None:
    decisions = run(
        weekly(), NO_BREAKS, every_half_hour(hki(2026, 11, 2, 0, 0), hki(2026, 11, 30, 23, 0))
    )
    assert [key for key, _ in sends(decisions)] == [
        "2026-W45",
        "2026-W46",
        "2026-W47",
        "2026-W48",
        "2026-W49",
    ]
    assert all(d.verdict == "send" for d in decisions)


def test_several_weekdays_have_a_period_each() -> None:
    schedule = weekly(weekdays=(0, 3))
    decisions = run(
        schedule, NO_BREAKS, every_half_hour(hki(2026, 11, 23, 0, 0), hki(2026, 11, 29, 23, 0))
    )
    assert sends(decisions) == [
        ("2026-W48-1", hki(2026, 11, 23, 9, 0)),
        ("2026-W48-4", hki(2026, 11, 26, 9, 0)),
    ]
    assert day_of_period(schedule, "2026-W48-4") == date(2026, 11, 26)
    assert day_of_period(weekly(), "2026-W48") == date(2026, 11, 23)


def test_biweekly_counts_weeks_from_the_first_day() -> None:
    schedule = weekly(every_weeks=2, starts_on=date(2026, 11, 18))  # a Wednesday in W47
    decisions = run(
        schedule, NO_BREAKS, every_half_hour(hki(2026, 11, 18, 0, 0), hki(2026, 12, 31, 23, 0))
    )
    assert [d for _, d in sends(decisions)] == [
        hki(2026, 11, 30, 9, 0),  # W49: W47 has no Monday on or after the 18th
        hki(2026, 12, 14, 9, 0),
        hki(2026, 12, 28, 9, 0),
    ]


def test_the_date_range_bounds_the_rounds() -> None:
    schedule = weekly(starts_on=date(2026, 11, 24), ends_on=date(2026, 12, 8))
    decisions = run(
        schedule, NO_BREAKS, every_half_hour(hki(2026, 11, 16, 0, 0), hki(2026, 12, 31, 0, 0))
    )
    assert [k for k, _ in sends(decisions)] == ["2026-W49", "2026-W50"]


def test_a_new_schedule_owes_nothing_from_before_it_existed() -> None:
    schedule = weekly(created_at=hki(2026, 11, 23, 10, 0))  # an hour after this week's slot
    assert decide(schedule, NO_BREAKS, hki(2026, 11, 23, 10, 0), set(), GRACE) == []
    first = next_send(schedule, NO_BREAKS, hki(2026, 11, 23, 10, 0))
    assert first is not None
    assert first.due_at == hki(2026, 11, 30, 9, 0)


# -- holidays and breaks ------------------------------------------------------------------


def test_a_round_on_a_public_holiday_is_skipped_or_shifted_to_the_next_school_day() -> None:
    easter_monday = hki(2027, 3, 29, 9, 0)
    skip = decide(weekly(), NO_BREAKS, easter_monday, {"2027-W12"}, GRACE)
    assert [(d.verdict, d.occurrence.reason) for d in skip] == [("skip", "holiday")]
    assert skip[0].occurrence.blocked_name == "Toinen pääsiäispäivä"

    shifting = weekly(on_break="shift")
    assert decide(shifting, NO_BREAKS, easter_monday, {"2027-W12"}, GRACE) == []
    moved = decide(shifting, NO_BREAKS, hki(2027, 3, 30, 9, 0), {"2027-W12"}, GRACE)
    assert [(d.verdict, d.occurrence.period_key) for d in moved] == [("send", "2027-W13")]
    assert moved[0].occurrence.due_at == hki(2027, 3, 30, 9, 0)  # Tuesday, same period


def test_a_break_skips_its_rounds_and_a_shift_never_collides_with_the_next_round() -> None:
    calendar = SchoolCalendar([Break("joululoma", date(2026, 12, 21), date(2027, 1, 6))])
    ticks = every_half_hour(hki(2026, 12, 14, 0, 0), hki(2027, 1, 12, 0, 0))
    skipped = run(weekly(), calendar, ticks)
    assert [(d.occurrence.period_key, d.verdict) for d in skipped] == [
        ("2026-W51", "send"),
        ("2026-W52", "skip"),
        ("2026-W53", "skip"),
        ("2027-W01", "skip"),
        ("2027-W02", "send"),
    ]
    assert skipped[1].occurrence.blocked_name == "joululoma"

    # shifting a Monday in a two-week break would land on the next round: skipped instead;
    # the last Monday of the break moves to Thursday 7 January, the first school day.
    shifted = run(weekly(on_break="shift"), calendar, ticks)
    assert [(d.occurrence.period_key, d.verdict, d.occurrence.reason) for d in shifted] == [
        ("2026-W51", "send", None),
        ("2026-W52", "skip", "shift-collides"),
        ("2026-W53", "skip", "shift-collides"),
        ("2027-W01", "send", None),
        ("2027-W02", "send", None),
    ]
    assert shifted[3].occurrence.due_at == hki(2027, 1, 7, 9, 0)


def test_a_group_break_applies_to_that_group_only() -> None:
    calendar = SchoolCalendar([Break("leirikoulu", date(2026, 11, 30), date(2026, 12, 1), 7)])
    mine = decide(weekly(group_id=7), calendar, hki(2026, 11, 30, 9, 0), {"2026-W48"}, GRACE)
    other = decide(weekly(group_id=8), calendar, hki(2026, 11, 30, 9, 0), {"2026-W48"}, GRACE)
    assert [d.verdict for d in mine] == ["skip"]
    assert [d.verdict for d in other] == ["send"]


def test_on_the_job_learning_is_not_a_break() -> None:
    period = Break(
        "Työssäoppiminen 1", date(2027, 1, 11), date(2027, 2, 19), 7, "work_based_learning"
    )
    calendar = SchoolCalendar([period])
    assert calendar.is_school_day(date(2027, 1, 11), 7)
    assert calendar.on_the_job(date(2027, 1, 11), 7) == period
    assert calendar.on_the_job(date(2027, 1, 11), 8) is None
    due = decide(weekly(group_id=7), calendar, hki(2027, 1, 11, 9, 0), {"2027-W01"}, GRACE)
    assert [d.verdict for d in due] == ["send"]


# -- daylight saving --------------------------------------------------------------------------


def test_the_march_change_keeps_the_local_time() -> None:
    # 28 March 2027: clocks go from 03:00 to 04:00 in Helsinki (and it is Easter).
    decisions = run(
        weekly(), NO_BREAKS, every_half_hour(hki(2027, 3, 15, 0, 0), hki(2027, 4, 6, 0, 0))
    )
    times = [d.astimezone(UTC).time() for _, d in sends(decisions)]
    assert times == [time(7, 0), time(7, 0), time(6, 0)]  # 22 Mar, (29 Mar holiday), 5 Apr
    # a time that does not exist on the night of the change (29 March 2026) goes out just
    # after the gap, once
    night = weekly(weekdays=(6,), at_time=time(3, 30), starts_on=date(2026, 1, 1))
    assert local_moment(date(2026, 3, 29), time(3, 30), HKI) == hki(2026, 3, 29, 4, 30)
    start = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)
    ticks = [start + timedelta(minutes=10 * n) for n in range(60)]
    assert sends(run(night, NO_BREAKS, ticks, {"2026-W12"})) == [
        ("2026-W13", datetime(2026, 3, 29, 1, 30, tzinfo=UTC))
    ]


def test_the_october_change_sends_a_repeated_hour_once() -> None:
    # 25 October 2026: 04:00 becomes 03:00 again, so 03:30 happens twice.
    night = weekly(weekdays=(6,), at_time=time(3, 30))
    ticks = [
        datetime(2026, 10, 24, 22, 0, tzinfo=UTC) + timedelta(minutes=10 * n) for n in range(40)
    ]
    assert sends(run(night, NO_BREAKS, ticks, {"2026-W42"})) == [
        ("2026-W43", datetime(2026, 10, 25, 0, 30, tzinfo=UTC))  # the first 03:30 (EEST)
    ]
    monday = run(
        weekly(), NO_BREAKS, every_half_hour(hki(2026, 10, 19, 0, 0), hki(2026, 10, 27, 0, 0))
    )
    assert [d.astimezone(UTC).time() for _, d in sends(monday)] == [time(6, 0), time(7, 0)]


# -- downtime and the grace window -----------------------------------------------------------


def test_a_late_round_is_caught_up_within_the_grace_window() -> None:
    late = decide(weekly(), NO_BREAKS, hki(2026, 11, 23, 20, 59), {"2026-W47"}, GRACE)
    assert [d.verdict for d in late] == ["send"]


def test_a_round_later_than_the_grace_window_is_missed_not_sent() -> None:
    late = decide(weekly(), NO_BREAKS, hki(2026, 11, 23, 21, 1), {"2026-W47"}, GRACE)
    assert [(d.verdict, d.occurrence.period_key) for d in late] == [("missed", "2026-W48")]


def test_after_a_long_outage_each_round_is_recorded_once_and_only_the_newest_is_sent() -> None:
    schedule = weekly(weekdays=(0, 2))  # Monday and Wednesday
    back = hki(2026, 12, 2, 10, 0)  # down since the weekend before; back Wednesday 10:00
    decisions = decide(schedule, NO_BREAKS, back, {"2026-W48-3"}, timedelta(days=3))
    assert [(d.occurrence.period_key, d.verdict) for d in decisions] == [
        ("2026-W49-1", "superseded"),
        ("2026-W49-3", "send"),
    ]
    done = {"2026-W48-3", "2026-W49-1", "2026-W49-3"}
    assert decide(schedule, NO_BREAKS, back + timedelta(hours=1), done, timedelta(days=3)) == []


def test_an_inactive_schedule_is_never_due() -> None:
    assert decide(weekly(active=False), NO_BREAKS, hki(2026, 11, 23, 9, 0), set(), GRACE) == []


# -- showing what is coming ---------------------------------------------------------------------


def test_upcoming_shows_skipped_rounds_with_their_reason() -> None:
    calendar = SchoolCalendar([Break("joululoma", date(2026, 12, 21), date(2027, 1, 6))])
    coming = upcoming(weekly(), calendar, hki(2026, 12, 8, 12, 0), count=3)
    assert [(o.day, o.skip, o.blocked_name) for o in coming] == [
        (date(2026, 12, 14), False, None),
        (date(2026, 12, 21), True, "joululoma"),
        (date(2026, 12, 28), True, "joululoma"),
    ]
    nxt = next_send(weekly(), calendar, hki(2026, 12, 14, 12, 0))
    assert nxt is not None
    assert nxt.day == date(2027, 1, 11)


def test_period_keys_follow_iso_weeks_across_the_new_year() -> None:
    assert period_key(weekly(), date(2026, 12, 28)) == "2026-W53"
    assert period_key(weekly(), date(2027, 1, 4)) == "2027-W01"


# -- input ------------------------------------------------------------------------------------


def test_bad_schedules_are_refused() -> None:
    with pytest.raises(ScheduleError):
        weekly(weekdays=())
    with pytest.raises(ScheduleError):
        weekly(every_weeks=9)
    with pytest.raises(ScheduleError):
        weekly(ends_on=date(2026, 1, 1))
    with pytest.raises(ScheduleError):
        weekly(timezone="Mars/Olympus")
    with pytest.raises(ScheduleError):
        parse_hhmm("25.00")
    with pytest.raises(ScheduleError):
        parse_days("ma,someday")


def test_typed_times_days_and_ranges() -> None:
    today = date(2026, 11, 23)
    assert parse_time("7.45") == "07:45"
    assert parse_time("16:05") == "16:05"
    assert parse_time("9") == "09:00"
    assert parse_time("9.5") is None
    assert parse_time("klo") is None
    assert parse_days("ma, to") == (0, 3)
    assert parse_days("mon,wed") == (0, 2)
    assert parse_days("mån,fre") == (0, 4)
    assert parse_range("1.12.2026–31.5.2027", today) == (date(2026, 12, 1), date(2027, 5, 31))
    assert parse_range("1.12.-31.5.", today) == (date(2026, 12, 1), date(2027, 5, 31))
    assert parse_range("1.12.2026", today) == (date(2026, 12, 1), None)
    assert parse_range("2026-12-01 - 2027-05-31", today) == (date(2026, 12, 1), date(2027, 5, 31))
    assert parse_range("31.5.2027–1.12.2026", today) is None
    assert parse_range("joskus", today) is None


# -- the calendar file ------------------------------------------------------------------------


def test_the_example_calendar_file_is_valid() -> None:
    parsed = parse_calendar(PROJECT_CALENDAR.read_text(encoding="utf-8"))
    assert parsed.problems == []
    names = {p.name for p in parsed.periods}
    assert {"syysloma", "joululoma", "talviloma", "kesäloma"} <= names
    assert any(p.kind == "work_based_learning" and p.group == "SÄH23A" for p in parsed.periods)


def test_calendar_file_mistakes_are_named() -> None:
    parsed = parse_calendar(
        "breaks:\n"
        "  - {name: syysloma, from: 2026-10-19, to: 2026-10-12}\n"
        "  - {name: talviloma, from: 2027-02-22, too: 2027-02-26}\n"
        "  - {name: kesäloma, from: 2027-06-01, to: 2062-08-10}\n"
        "groups:\n"
        "  SÄH23A: {holidays: []}\n"
        "extra: 1\n"
    )
    text = "\n".join(parsed.problems)
    assert "breaks[1] (syysloma): ends 2026-10-12 before it starts" in text
    assert "breaks[2]: unknown key(s) too" in text
    assert "breaks[2].to" in text
    assert "a typo?" in text
    assert "groups.SÄH23A: unknown key(s) holidays" in text
    assert "unknown key(s) extra" in text
    assert parse_calendar("- just a list").problems
