"""Pure time calculations in local school time: quiet hours, working hours."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


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
