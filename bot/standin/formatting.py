"""Text as Telegram stores it: parse_mode applied, whitespace trimmed, limits checked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.standin.errors import bad_request
from bot.standin.html import Entity, HtmlParseError, parse_html, utf16_len

# Telegram drops leading and trailing whitespace of every text it stores.
_TRIMMED = " \t\n\r"
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@/])")
_ENTITY_TYPES = frozenset(
    {
        "mention",
        "hashtag",
        "cashtag",
        "bot_command",
        "url",
        "email",
        "phone_number",
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "blockquote",
        "expandable_blockquote",
        "code",
        "pre",
        "text_link",
        "text_mention",
        "custom_emoji",
        "date_time",
    }
)


@dataclass(frozen=True)
class FormattedText:
    text: str
    entities: list[Entity] = field(default_factory=list)


@dataclass(frozen=True)
class TextRules:
    """Limits and Telegram's wording for one kind of text (message, caption, poll question...)."""

    limit: int
    empty_error: str | None
    too_long_error: str


MESSAGE_TEXT = TextRules(4096, "message text is empty", "message is too long")
CAPTION = TextRules(1024, None, "message caption is too long")
POLL_QUESTION = TextRules(
    300, "poll question must be non-empty", "poll question length must not exceed 300"
)
POLL_OPTION = TextRules(
    100, "poll options must be non-empty", "poll option length must not exceed 100"
)
EXPLANATION = TextRules(200, None, "explanation is too long")


def format_text(
    text: str, parse_mode: str | None, entities: Any, rules: TextRules
) -> FormattedText:
    """Applies parse_mode (or explicit entities, which win as on Telegram) and the limits."""
    if entities is not None:
        formatted = FormattedText(text, _checked_entities(entities, text))
    elif parse_mode:
        formatted = _parse(text, parse_mode)
    else:
        formatted = FormattedText(text)
    formatted = _trim(formatted)
    if not formatted.text and rules.empty_error is not None:
        raise bad_request(rules.empty_error)
    if utf16_len(formatted.text) > rules.limit:
        raise bad_request(rules.too_long_error)
    return formatted


def command_entities(text: str) -> list[Entity]:
    """The bot_command entities Telegram adds to what a user writes."""
    return [
        {"type": "bot_command", "offset": utf16_len(text[: match.start()]), "length": len(match[0])}
        for match in _COMMAND.finditer(text)
    ]


def _parse(text: str, parse_mode: str) -> FormattedText:
    mode = parse_mode.lower()
    if mode == "html":
        try:
            plain, parsed = parse_html(text)
        except HtmlParseError as error:
            raise bad_request(f"can't parse entities: {error}") from None
        return FormattedText(plain, parsed)
    if mode in ("markdown", "markdownv2"):
        raise bad_request(f"parse_mode {parse_mode} is unsupported in stand-in; use HTML")
    raise bad_request("unsupported parse_mode")


def _checked_entities(value: Any, text: str) -> list[Entity]:
    if not isinstance(value, list):
        raise bad_request("can't parse entities JSON object")
    total = utf16_len(text)
    checked: list[Entity] = []
    for entity in value:
        if not isinstance(entity, dict) or entity.get("type") not in _ENTITY_TYPES:
            raise bad_request("can't parse MessageEntity: wrong entity type")
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            raise bad_request("can't parse MessageEntity: offset and length must be integers")
        if offset < 0 or length < 0 or offset + length > total:
            raise bad_request("entity beginning or end is out of the text")
        if length > 0:
            checked.append(dict(entity))
    checked.sort(key=lambda entity: (entity["offset"], -entity["length"]))
    return checked


def _trim(formatted: FormattedText) -> FormattedText:
    text = formatted.text
    stripped = text.strip(_TRIMMED)
    if stripped == text:
        return formatted
    start = utf16_len(text[: len(text) - len(text.lstrip(_TRIMMED))])
    end = start + utf16_len(stripped)
    entities: list[Entity] = []
    for entity in formatted.entities:
        entity_start = max(entity["offset"], start)
        entity_end = min(entity["offset"] + entity["length"], end)
        if entity_end > entity_start:
            entities.append(
                {**entity, "offset": entity_start - start, "length": entity_end - entity_start}
            )
    return FormattedText(stripped, entities)
