"""Small pieces of text shared by enrolment, privacy and admin: dates, periods, roles."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.i18n import Translator


def day_text(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def local_day(when: datetime, tz: ZoneInfo) -> date:
    return when.astimezone(tz).date()


def local_day_text(when: datetime, tz: ZoneInfo) -> str:
    return day_text(local_day(when, tz))


def when_text(tr: Translator, lang: str, when: datetime, tz: ZoneInfo) -> str:
    local = when.astimezone(tz)
    return tr.plain(lang, "when-at", date=day_text(local.date()), time=local.strftime("%H.%M"))


def period_text(tr: Translator, lang: str, days: int) -> str:
    """730 → "2 vuotta", 180 → "6 kuukautta", 45 → "45 päivää"."""
    if days % 365 == 0:
        return tr.plain(lang, "period-years", n=days // 365)
    if days % 30 == 0:
        return tr.plain(lang, "period-months", n=days // 30)
    return tr.plain(lang, "period-days", n=days)


def role_text(tr: Translator, lang: str, role: str) -> str:
    return tr.plain(lang, "role-name", role.replace("_", "-"))
