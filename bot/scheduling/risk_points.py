"""Risk points on the study path (riskipisteet): the times a student is most likely to drift
away — the first weeks of studies, the first weeks of an on-the-job learning period, and the
return from a break. A check-in schedule for "students at a risk point" asks only them, so the
school can ask more often exactly when it matters (README: "Risk points").

Pure: dates in, a reason out. The school sets the windows (RISK_POINT_* settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from bot.scheduling.calendar import BREAK, ON_THE_JOB, SchoolCalendar

START = "start"
WORK_LEARNING = "work_learning"
RETURN = "return"


@dataclass(frozen=True)
class RiskPointRules:
    start_weeks: int = 6  # the first weeks of studies
    work_learning_days: int = 21  # the first days of an on-the-job learning period
    return_days: int = 14  # the days after a break


def risk_point(
    day: date,
    group_id: int | None,
    study_started_on: date | None,
    calendar: SchoolCalendar,
    rules: RiskPointRules,
) -> str | None:
    """Why `day` is a risk point for a student of `group_id` (first match wins), or None."""
    if study_started_on is not None and (
        study_started_on <= day < study_started_on + timedelta(weeks=rules.start_weeks)
    ):
        return START
    for period in calendar.periods(group_id, ON_THE_JOB):
        started = period.starts_on
        if started <= day <= period.ends_on and day < started + timedelta(
            days=rules.work_learning_days
        ):
            return WORK_LEARNING
    for period in calendar.periods(group_id, BREAK):
        if period.ends_on < day <= period.ends_on + timedelta(days=rules.return_days):
            return RETURN
    return None
