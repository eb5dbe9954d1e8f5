"""A strict checker for Telegram's ``parse_mode=HTML``.

It turns HTML into plain text plus MessageEntity dicts the way Telegram does, and fails with
Telegram's reasons where Telegram fails. It follows the shape of Telegram's own parser: no
auto-closing and no guessing, and tag names are case-insensitive. It is stricter than Telegram
in one place on purpose: an unknown named entity such as ``&nbsp;`` is an error here, because
Telegram would show it to the student as literal text, which is always a bug in our rendering.
A bare ``&`` that starts no entity stays literal, as on Telegram.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

Entity = dict[str, Any]

_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "span": "spoiler",
    "tg-spoiler": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));")
_SPACES = " \t\n\r\f\v"
_MAX_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


class HtmlParseError(ValueError):
    """The reason Telegram gives after "can't parse entities: "."""


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's offsets and limits."""
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def parse_html(source: str) -> tuple[str, list[Entity]]:
    """Plain text and its entities (offsets in UTF-16), or HtmlParseError."""
    return _Parser(source).parse()


@dataclass
class _OpenTag:
    name: str
    start: int
    byte_offset: int
    attributes: dict[str, str]
    order: int
    expandable: bool = False
    language: str | None = field(default=None)


class _Parser:
    def __init__(self, source: str) -> None:
        self._src = source
        self._pos = 0
        self._out: list[str] = []
        self._offset = 0
        self._stack: list[_OpenTag] = []
        self._opened = 0
        # (order the tag was opened, entity): outer entities sort before inner ones.
        self._entities: list[tuple[int, Entity]] = []

    def parse(self) -> tuple[str, list[Entity]]:
        src = self._src
        while self._pos < len(src):
            char = src[self._pos]
            if char == "<":
                if src.startswith("</", self._pos):
                    self._end_tag()
                else:
                    self._start_tag()
            elif char == "&":
                decoded, self._pos = self._entity_at(self._pos)
                self._emit(decoded)
            else:
                end = self._next_special(self._pos)
                self._emit(src[self._pos : end])
                self._pos = end
        if self._stack:
            raise HtmlParseError(
                f'Can\'t find end tag corresponding to start tag "{self._stack[-1].name}"'
            )
        self._entities.sort(key=lambda item: (item[1]["offset"], -item[1]["length"], item[0]))
        return "".join(self._out), [entity for _, entity in self._entities]

    def _next_special(self, pos: int) -> int:
        candidates = [i for i in (self._src.find("<", pos), self._src.find("&", pos)) if i >= 0]
        return min(candidates) if candidates else len(self._src)

    def _emit(self, text: str) -> None:
        self._out.append(text)
        self._offset += utf16_len(text)

    def _byte_offset(self, pos: int) -> int:
        return len(self._src[:pos].encode("utf-8"))

    def _entity_at(self, pos: int) -> tuple[str, int]:
        match = _ENTITY.match(self._src, pos)
        if match is None:
            return "&", pos + 1
        decimal, hexadecimal, name = match.groups()
        if name is not None:
            if name not in _NAMED_ENTITIES:
                raise HtmlParseError(
                    f'Unsupported HTML entity "{match.group(0)}" at byte offset '
                    f"{self._byte_offset(pos)}"
                )
            return _NAMED_ENTITIES[name], match.end()
        code_point = int(decimal) if decimal is not None else int(hexadecimal, 16)
        if code_point == 0 or code_point > _MAX_CODE_POINT or code_point in _SURROGATES:
            raise HtmlParseError(
                f'Invalid HTML entity "{match.group(0)}" at byte offset {self._byte_offset(pos)}'
            )
        return chr(code_point), match.end()

    def _skip_spaces(self, pos: int) -> int:
        while pos < len(self._src) and self._src[pos] in _SPACES:
            pos += 1
        return pos

    def _start_tag(self) -> None:
        src = self._src
        begin = self._pos
        pos = begin + 1
        while pos < len(src) and src[pos] not in _SPACES and src[pos] != ">":
            pos += 1
        name = src[begin + 1 : pos].lower()
        if name not in _ENTITY_TYPES:
            raise HtmlParseError(
                f'Unsupported start tag "{name}" at byte offset {self._byte_offset(begin)}'
            )
        self._opened += 1
        tag = _OpenTag(name, self._offset, self._byte_offset(begin), {}, self._opened)
        self._pos = self._attributes(tag, pos)
        if name == "span" and tag.attributes.get("class") != "tg-spoiler":
            raise HtmlParseError(
                f'Tag "span" must have class "tg-spoiler" at byte offset {tag.byte_offset}'
            )
        if name == "tg-emoji" and not tag.attributes.get("emoji-id"):
            raise HtmlParseError(
                f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {tag.byte_offset}'
            )
        if name == "code":
            css_class = tag.attributes.get("class", "")
            if css_class.startswith("language-"):
                tag.language = css_class.removeprefix("language-")
        self._stack.append(tag)

    def _attributes(self, tag: _OpenTag, pos: int) -> int:
        """Reads attributes up to and including the closing ``>``; returns the next position."""
        src = self._src
        unclosed = HtmlParseError(f"Unclosed start tag at byte offset {tag.byte_offset}")
        while True:
            pos = self._skip_spaces(pos)
            if pos >= len(src):
                raise unclosed
            if src[pos] == ">":
                return pos + 1
            name_start = pos
            while pos < len(src) and src[pos] not in _SPACES and src[pos] not in "=>":
                pos += 1
            attribute = src[name_start:pos].lower()
            if not attribute:
                raise HtmlParseError(
                    f'Empty attribute name in the tag "{tag.name}" at byte offset {tag.byte_offset}'
                )
            pos = self._skip_spaces(pos)
            if pos >= len(src):
                raise unclosed
            if src[pos] != "=":
                if tag.name == "blockquote" and attribute == "expandable":
                    tag.expandable = True
                    continue
                raise HtmlParseError(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{tag.name}" at byte offset {tag.byte_offset}'
                )
            pos = self._skip_spaces(pos + 1)
            if pos >= len(src):
                raise unclosed
            value, pos = self._attribute_value(pos, unclosed)
            tag.attributes[attribute] = value
            if tag.name == "blockquote" and attribute == "expandable":
                tag.expandable = True

    def _attribute_value(self, pos: int, unclosed: HtmlParseError) -> tuple[str, int]:
        src = self._src
        quote = src[pos]
        if quote in "'\"":
            end = src.find(quote, pos + 1)
            if end < 0:
                raise unclosed
            start, end_of_raw, after = pos + 1, end, end + 1
        else:
            end = pos
            while end < len(src) and src[end] not in _SPACES and src[end] != ">":
                end += 1
            start, end_of_raw, after = pos, end, end
        return self._decode_entities(start, end_of_raw), after

    def _decode_entities(self, start: int, end: int) -> str:
        # Decoding in place keeps error offsets pointing into the original source.
        parts: list[str] = []
        pos = start
        while pos < end:
            amp = self._src.find("&", pos, end)
            if amp < 0:
                parts.append(self._src[pos:end])
                break
            parts.append(self._src[pos:amp])
            decoded, pos = self._entity_at(amp)
            parts.append(decoded)
        return "".join(parts)

    def _end_tag(self) -> None:
        src = self._src
        begin = self._pos
        pos = begin + 2
        while pos < len(src) and src[pos] not in _SPACES and src[pos] != ">":
            pos += 1
        name = src[begin + 2 : pos].lower()
        if not self._stack:
            raise HtmlParseError(f"Unexpected end tag at byte offset {self._byte_offset(begin)}")
        if name not in _ENTITY_TYPES:
            raise HtmlParseError(
                f'Unsupported end tag "{name}" at byte offset {self._byte_offset(begin)}'
            )
        pos = self._skip_spaces(pos)
        if pos >= len(src) or src[pos] != ">":
            raise HtmlParseError(f"Unclosed end tag at byte offset {self._byte_offset(begin)}")
        tag = self._stack[-1]
        if name != tag.name:
            raise HtmlParseError(
                f"Unmatched end tag at byte offset {self._byte_offset(begin)}, "
                f'expected "</{tag.name}>", found "</{name}>"'
            )
        self._stack.pop()
        self._pos = pos + 1
        self._close(tag)

    def _close(self, tag: _OpenTag) -> None:
        parent = self._stack[-1] if self._stack else None
        if tag.name == "code" and parent is not None and parent.name == "pre":
            # <pre><code class="language-x"> is one pre entity with a language, as on Telegram.
            if tag.start == parent.start and tag.language:
                parent.language = tag.language
            return
        length = self._offset - tag.start
        if length == 0:
            return
        entity: Entity = {"type": _ENTITY_TYPES[tag.name], "offset": tag.start, "length": length}
        if tag.name == "a":
            href = tag.attributes.get("href", "")
            if not href:
                return
            entity["url"] = href
        elif tag.name == "pre" and tag.language:
            entity["language"] = tag.language
        elif tag.name == "blockquote" and tag.expandable:
            entity["type"] = "expandable_blockquote"
        elif tag.name == "tg-emoji":
            entity["custom_emoji_id"] = tag.attributes["emoji-id"]
        self._entities.append((tag.order, entity))
