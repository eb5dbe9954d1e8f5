"""reply_markup validation, with Telegram's error wording.

Only inline keyboards belong to a message (they come back in Message.reply_markup and can be
pressed); reply keyboards, keyboard removal and force_reply are instructions to the user's
client, so they are kept apart for the control API only.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from bot.standin.errors import ApiError, bad_request

Keyboard = dict[str, Any]

MAX_CALLBACK_DATA_BYTES = 64
MAX_BUTTONS = 100
_INLINE_ACTIONS = (
    "callback_data",
    "url",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_BUTTON_DECORATIONS = ("style", "icon_custom_emoji_id")
_URL_SCHEMES = ("http", "https", "tg")


@dataclass(frozen=True)
class ReplyMarkup:
    inline: Keyboard | None = None
    other: Keyboard | None = None


def parse_reply_markup(value: Any, *, inline_only: bool = False) -> ReplyMarkup:
    """Validates a decoded reply_markup; None (absent) gives an empty ReplyMarkup."""
    if value is None:
        return ReplyMarkup()
    if not isinstance(value, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in value:
        return ReplyMarkup(inline=_inline_keyboard(value["inline_keyboard"]))
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in value:
        _reply_keyboard(value["keyboard"])
    elif "remove_keyboard" in value:
        if value["remove_keyboard"] is not True:
            raise bad_request(
                'can\'t parse reply keyboard markup: field "remove_keyboard" must be true'
            )
    elif "force_reply" in value:
        if value["force_reply"] is not True:
            raise bad_request(
                'can\'t parse reply keyboard markup: field "force_reply" must be true'
            )
    else:
        raise bad_request("can't parse reply keyboard markup JSON object")
    return ReplyMarkup(other=copy.deepcopy(value))


def inline_buttons(keyboard: Keyboard | None) -> list[Keyboard]:
    if keyboard is None:
        return []
    return [button for row in keyboard["inline_keyboard"] for button in row]


def _inline_keyboard(rows: Any) -> Keyboard | None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse inline keyboard: field "inline_keyboard" must be an Array of Arrays'
        )
    checked = [[_inline_button(button) for button in row] for row in rows]
    checked = [row for row in checked if row]
    if sum(len(row) for row in checked) > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    # An empty inline keyboard is no keyboard, as on Telegram.
    return {"inline_keyboard": checked} if checked else None


def _button_error(reason: str) -> ApiError:
    return bad_request(f"can't parse inline keyboard button: {reason}")


def _inline_button(button: Any) -> Keyboard:
    if not isinstance(button, dict):
        raise _button_error("InlineKeyboardButton must be an Object")
    text = button.get("text")
    if not isinstance(text, str):
        raise _button_error('Field "text" must be of type String')
    if not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [name for name in _INLINE_ACTIONS if button.get(name) is not None]
    if not actions:
        raise _button_error("Text buttons are unallowed in the inline keyboard")
    if len(actions) > 1:
        raise _button_error(f"exactly one action field is allowed, found {', '.join(actions)}")
    action = actions[0]
    if action == "callback_data":
        data = button["callback_data"]
        if (
            not isinstance(data, str)
            or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES
        ):
            raise bad_request("BUTTON_DATA_INVALID")
    elif action == "url":
        url = button["url"]
        if not isinstance(url, str) or not _valid_url(url):
            raise bad_request("BUTTON_URL_INVALID")
    checked: Keyboard = {"text": text, action: copy.deepcopy(button[action])}
    for name in _BUTTON_DECORATIONS:
        if name in button:
            checked[name] = button[name]
    return checked


def _valid_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in _URL_SCHEMES and bool(parts.netloc or parts.path)


def _reply_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(
            'can\'t parse reply keyboard markup: field "keyboard" must be an Array of Arrays'
        )
    for row in rows:
        for button in row:
            text = button.get("text") if isinstance(button, dict) else button
            if not isinstance(text, str) or not text.strip():
                raise bad_request(
                    'can\'t parse keyboard button: Field "text" must be of type String'
                )
