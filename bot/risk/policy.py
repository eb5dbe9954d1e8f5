"""Escalation policy: levels, acknowledgement deadlines and the digest time.

Deadlines are counted in school time (school days, school hours; weekends, public holidays and
breaks do not count), so a concern raised on Friday afternoon is not "late" on Saturday. The
numbers are settings a school can change in `.env` (prefix RISK_), e.g. RISK_ACK_URGENT_DAYS=2.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.engine.conditions import LEVELS
from bot.scheduling.calendar import SchoolCalendar

# Escalation stages of a concern: who has been alerted so far.
STAGE_COACH, STAGE_BACKUP, STAGE_COORDINATOR = 0, 1, 2


def level_rank(level: str) -> int:
    return LEVELS.index(level)


def higher(a: str, b: str) -> str:
    return a if level_rank(a) >= level_rank(b) else b


class RiskPolicy(BaseSettings):
    # Read and validated with all other settings by bot.config.load_settings (settings.risk).
    model_config = SettingsConfigDict(env_file_encoding="utf-8", env_prefix="RISK_", extra="ignore")

    ack_crisis_hours: float = Field(default=1.0, gt=0, description="school hours")
    ack_urgent_days: float = Field(default=1.0, gt=0, description="school days")
    ack_concern_days: float = Field(default=3.0, gt=0, description="school days")
    # After the backup coach has the alert, how long before the coordinator gets it.
    backup_days: float = Field(default=1.0, gt=0, description="school days")
    # A second crisis message within this many minutes gets a short reply, not the whole list.
    crisis_repeat_minutes: int = Field(default=60, ge=0)
    # Further crisis messages reach the coach as a new message (phones do not ring for edits):
    # at most one per this many minutes; what is written meanwhile goes in the next one.
    crisis_notify_minutes: int = Field(default=5, ge=0)
    # When the detector is unsure, the bot asks the student whether they are safe; with no
    # answer in this many minutes the coach is told at concern level (the question says so).
    ask_timeout_minutes: int = Field(default=60, ge=5, le=24 * 60)
    # A follow-up not logged this many school days after its date reaches the coordinator.
    followup_overdue_days: int = Field(default=2, ge=0, description="school days")
    # A case with no next step agreed is brought back to its coach after this many school days.
    idle_case_days: int = Field(default=5, ge=1, description="school days")
    digest_weekday: int = Field(default=0, ge=0, le=6, description="0 = Monday")
    digest_time: str = Field(default="07:30", pattern=r"^\d{2}:\d{2}$")
    # Concerns at or above this level reach the coach the same day (within their working
    # hours) as an alert; lower ones wait for the weekly digest. "info" sends every hard week
    # the same day; "crisis" keeps everything but crises for the digest and the deadlines.
    same_day_from: str = Field(default="concern", pattern=r"^(info|concern|urgent|crisis)$")

    def ack_deadline(
        self,
        level: str,
        stage: int,
        start: datetime,
        calendar: SchoolCalendar,
        tz: ZoneInfo,
        group_id: int | None,
    ) -> datetime | None:
        """When the alert at `stage` must have been acknowledged; None when nobody is left."""
        if level == "info" or stage >= STAGE_COORDINATOR:
            return None
        if level == "crisis":  # the coach and the backup already have it: next is coordinator
            return calendar.add_school_hours(start, self.ack_crisis_hours, tz, group_id)
        if stage == STAGE_BACKUP:
            days = min(self.backup_days, self._days(level))
        else:
            days = self._days(level)
        return calendar.add_school_hours(start, days * _school_day_hours(calendar), tz, group_id)

    def _days(self, level: str) -> float:
        return self.ack_urgent_days if level == "urgent" else self.ack_concern_days

    # Outside school hours a crisis also goes to this on-call person (their Telegram id; they
    # must be staff in Kohtaamo), and/or the student is pointed to this service (name and
    # number, as the school writes it). Neither by default: the student is told honestly that
    # nobody at school sees it before the next school morning.
    after_hours_tg_id: int | None = Field(default=None)
    after_hours_service: str = Field(default="", max_length=200)

    def same_day(self, level: str) -> bool:
        return level_rank(level) >= level_rank(self.same_day_from)

    def next_digest(self, now: datetime, tz: ZoneInfo) -> datetime:
        """The next digest moment at or after `now` (local weekday and time)."""
        local = now.astimezone(tz)
        monday = local.date() - timedelta(days=local.weekday())
        moment = datetime.combine(
            monday + timedelta(days=self.digest_weekday), self.digest_clock(), tzinfo=tz
        )
        return moment if moment >= now else moment + timedelta(days=7)

    def digest_clock(self) -> time:
        hours, minutes = self.digest_time.split(":")
        return time(int(hours), int(minutes))


def _school_day_hours(calendar: SchoolCalendar) -> float:
    def minutes(text: str) -> int:
        hours, mins = text.split(":")
        return int(hours) * 60 + int(mins)

    return (minutes(calendar.school_end) - minutes(calendar.school_start)) / 60
