"""Invalid configuration fails at start with one line naming the setting."""

from __future__ import annotations

import pytest

from bot.config import ConfigError, load_settings


def test_defaults() -> None:
    settings = load_settings(_env_file=None)
    assert settings.timezone == "Europe/Helsinki"
    assert settings.default_language == "fi"
    assert settings.telegram_bot_token is None


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"timezone": "Mars/Olympus"}, "TIMEZONE"),
        ({"default_language": "de"}, "DEFAULT_LANGUAGE"),
        ({"telegram_bot_token": "not-a-token"}, "TELEGRAM_BOT_TOKEN"),
        ({"webhook_port": 70000}, "WEBHOOK_PORT"),
        ({"webhook_secret": "spaces are not allowed"}, "WEBHOOK_SECRET"),
    ],
)
def test_bad_setting_is_named_in_one_line(overrides: dict[str, object], named: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None, **overrides)
    message = str(caught.value)
    assert named in message
    assert "\n" not in message


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMEZONE", "Europe/Stockholm")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    settings = load_settings(_env_file=None)
    assert settings.timezone == "Europe/Stockholm"
    assert settings.telegram_bot_token == "123:abc"
