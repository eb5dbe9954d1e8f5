"""Report settings (REPORT_*), validated with all other settings (bot.config: settings.report).

Kept beside the reports so the feature is self-contained:
- REPORT_MIN_STUDENTS (k): the smallest number of students any shown number may describe.
  Default 5; values below 3 are refused, because a "group" of one or two is a person.
- REPORT_RECOVERY_WEEKS (N): how long after the first contact a triggering measure may take to
  recover and still count as recovered.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_K = 3


class ReportSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file_encoding="utf-8", env_prefix="REPORT_", extra="ignore"
    )

    min_students: int = Field(default=5, ge=MIN_K, le=100)
    recovery_weeks: int = Field(default=4, ge=1, le=26)
    # Phenomena: the recent window is compared with the baseline weeks just before it.
    recent_weeks: int = Field(default=3, ge=1, le=8)
    baseline_weeks: int = Field(default=8, ge=2, le=26)
