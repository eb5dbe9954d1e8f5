"""Configuration from the environment and `.env` (pydantic-settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

LANGUAGES = ("fi", "sv", "en")
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(Exception):
    """Raised with one readable line naming the bad setting."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", env_prefix="", extra="ignore"
    )

    telegram_bot_token: str | None = Field(default=None, description="Bot token from @BotFather")
    database_path: Path = Path("kohtaamo.sqlite3")
    bot_api_base_url: str | None = Field(
        default=None, description="e.g. http://localhost:8081/bot for a self-hosted Bot API server"
    )
    bot_api_file_url: str | None = None
    timezone: str = "Europe/Helsinki"
    default_language: Literal["fi", "sv", "en"] = "fi"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    webhook_url: str | None = Field(default=None, description="public HTTPS URL; enables webhooks")
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    webhook_secret: str | None = None
    invite_ttl_days: int = Field(default=30, ge=1, le=365)
    retention_days: int = Field(default=730, ge=30)
    checkin_reminder_hours: int = Field(default=24, ge=1)
    checkin_expiry_hours: int = Field(default=72, ge=2)
    round_grace_hours: int = Field(default=12, ge=0, le=168)
    # Bot API messages per second over all chats (PTB's AIORateLimiter). Telegram allows about
    # 30; raise it only for a bot with paid broadcasts (up to 1000) or a local Bot API server.
    rate_limit_per_second: float = Field(default=30.0, gt=0, le=100_000)
    flows_dir: Path = PROJECT_ROOT / "flows"
    locales_dir: Path = PROJECT_ROOT / "locales"

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
        if not (sep and head.isdigit() and tail):
            raise ValueError("does not look like a bot token (expected 123456:ABC…)")
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

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load_settings(**overrides: object) -> Settings:
    """Build settings; turn pydantic's multi-line report into one line naming the setting."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(part) for part in first["loc"]).upper() or "configuration"
        raise ConfigError(f"Invalid setting {name}: {first['msg']}") from None
