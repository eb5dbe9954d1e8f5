"""Configuration from the environment and `.env` (pydantic-settings).

All settings are validated together at start, in one `Settings`: the bot's own (no prefix),
the escalation policy (`settings.risk`, variables RISK_*) and the reports (`settings.report`,
variables REPORT_*). A feature's group keeps its own prefix and its own class next to the code
that uses it; `NESTED` lists them. `.env` is read from the working directory unless
KOHTAAMO_ENV_FILE names another file (empty: none — the test suite's choice).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.reports.settings import ReportSettings
from bot.risk.policy import RiskPolicy
from bot.scheduling.risk_points import RiskPointRules

# The order is the order of the language buttons' callback indexes: add new languages at the end.
LANGUAGES = ("fi", "sv", "en", "fi-x-selko")
# A variant of a language (fi-x-selko: selkosuomi, plain Finnish) is written for students: a
# message only staff ever see is shown in the base language (bot/i18n.py, STAFF_ONLY), and
# command names, holiday names and number formats are the base language's.
BASE_LANGUAGE: dict[str, str] = {"fi-x-selko": "fi"}
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def base_language(lang: str) -> str:
    """The full language a variant is written in ("fi-x-selko" → "fi"); a language is its own."""
    return BASE_LANGUAGE.get(lang, lang)


class ConfigError(Exception):
    """Raised with one readable line naming the bad setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="", extra="ignore"
    )

    telegram_bot_token: str | None = Field(default=None, description="Bot token from @BotFather")
    # The bot's @username for invite links in `kohtaamo admin`; asked from Telegram when unset.
    bot_username: str | None = None
    database_path: Path = Path("kohtaamo.sqlite3")
    bot_api_base_url: str | None = Field(
        default=None, description="e.g. http://localhost:8081/bot for a self-hosted Bot API server"
    )
    bot_api_file_url: str | None = None
    timezone: str = "Europe/Helsinki"
    default_language: Literal["fi", "sv", "en"] = "fi"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    webhook_url: str | None = Field(default=None, description="public HTTPS URL; enables webhooks")
    # Behind the reverse proxy that terminates HTTPS: only this machine talks to the bot.
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: str | None = None
    invite_ttl_days: int = Field(default=30, ge=1, le=365)
    retention_days: int = Field(default=730, ge=30)
    checkin_reminder_hours: int = Field(default=24, ge=1)
    checkin_expiry_hours: int = Field(default=72, ge=2)
    round_grace_hours: int = Field(default=12, ge=0, le=168)
    # Risk points (bot/scheduling/risk_points.py): who a "students at a risk point" check-in
    # schedule asks — the first weeks of studies, the first days of on-the-job learning, the
    # days after a break.
    risk_point_start_weeks: int = Field(default=6, ge=1, le=26)
    risk_point_work_learning_days: int = Field(default=21, ge=1, le=120)
    risk_point_return_days: int = Field(default=14, ge=1, le=60)
    # Bot API messages per second over all chats (bot/telegram/flood.py). Telegram allows about
    # 30; raise it only for a bot with paid broadcasts (up to 1000) or a local Bot API server.
    rate_limit_per_second: float = Field(default=30.0, gt=0, le=100_000)
    # The school's own and local help (the kuraattori's hours, a city's youth crisis point):
    # shown under /apua and in every crisis reply, as written (HTML-escaped). National lines
    # are in locales/*/crisis.ftl.
    local_help: str | None = Field(default=None, max_length=1000)
    flows_dir: Path = PROJECT_ROOT / "flows"
    locales_dir: Path = PROJECT_ROOT / "locales"
    # Filled by load_settings from RISK_* and REPORT_* (see NESTED); defaults otherwise.
    risk: RiskPolicy = Field(default_factory=RiskPolicy)
    report: ReportSettings = Field(default_factory=ReportSettings)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_shape(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        assert value is not None
        head, sep, tail = value.partition(":")
        if not (sep and head.isdigit() and tail) or any(c.isspace() for c in value):
            raise ValueError("does not look like a bot token (expected 123456:ABC…, no spaces)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: str | None) -> str | None:
        if value is None:
            return None
        allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
        if not 1 <= len(value) <= 256 or set(value) - allowed:
            raise ValueError("must be 1-256 characters A-Z a-z 0-9 _ -")
        return value

    @model_validator(mode="after")
    def _webhook_needs_a_secret(self) -> Settings:
        # Without the secret header anyone who finds the URL could post updates as any user.
        if self.webhook_url and not self.webhook_secret:
            raise ValueError(
                "WEBHOOK_SECRET is required with WEBHOOK_URL: set a long random one, e.g."
                " python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        return self

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def risk_points(self) -> RiskPointRules:
        return RiskPointRules(
            start_weeks=self.risk_point_start_weeks,
            work_learning_days=self.risk_point_work_learning_days,
            return_days=self.risk_point_return_days,
        )


# Settings groups read with their own prefix: field of Settings -> (class, variable prefix).
NESTED: dict[str, tuple[type[BaseSettings], str]] = {
    "risk": (RiskPolicy, "RISK_"),
    "report": (ReportSettings, "REPORT_"),
}
_DEFAULT = object()


def env_file() -> str | None:
    """The `.env` file to read: KOHTAAMO_ENV_FILE if set (empty: none), else ./.env."""
    chosen = os.environ.get("KOHTAAMO_ENV_FILE", ".env")
    return chosen or None


def load_settings(_env_file: object = _DEFAULT, **overrides: object) -> Settings:
    """Build and validate every setting; a bad one is reported in one line naming it."""
    source = env_file() if _env_file is _DEFAULT else _env_file
    for field, (group, prefix) in NESTED.items():
        if field not in overrides:
            overrides[field] = _build(group, prefix, _env_file=source)
    return _build(Settings, "", _env_file=source, **overrides)  # type: ignore[return-value]


def _build(cls: type[BaseSettings], prefix: str, **values: object) -> BaseSettings:
    try:
        return cls(**values)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = prefix + ".".join(str(part) for part in first["loc"]).upper()
        raise ConfigError(f"Invalid setting {name or 'configuration'}: {first['msg']}") from None
