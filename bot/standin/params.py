"""Typed access to Bot API parameters, whatever encoding the client chose.

Clients send the same call as a query string, a form, JSON or multipart. In every encoding but
JSON each value is a string: PTB form-encodes booleans as ``true``/``false``, numbers as their
digits and nested objects (reply_markup, entities, options) as JSON text. So the types cannot be
read off the wire; each method asks for the type it expects and gets a Telegram-style 400 when
the value does not fit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from bot.standin.errors import ApiError, bad_request

_INTEGER = re.compile(r"^[+-]?\d{1,19}$")
_ATTACH_PREFIX = "attach://"


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    filename: str
    content_type: str
    data: bytes


class Params:
    """The parameters of one Bot API call."""

    def __init__(
        self, values: dict[str, Any], files: dict[str, UploadedFile] | None = None
    ) -> None:
        self._values = values
        self._files = files or {}

    def __contains__(self, name: str) -> bool:
        return name in self._values or name in self._files

    def raw(self, name: str) -> Any:
        return self._values.get(name)

    def string(self, name: str) -> str | None:
        value = self._values.get(name)
        if value is None:
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float | str):
            return str(value)
        raise _wrong_type(name, "String")

    def integer(self, name: str) -> int | None:
        value = self._values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise _wrong_type(name, "Integer")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and _INTEGER.match(value.strip()):
            return int(value.strip())
        raise _wrong_type(name, "Integer")

    def number(self, name: str) -> float | None:
        value = self._values.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise _wrong_type(name, "Float")
        if isinstance(value, int | float):
            return float(value)
        if isinstance(value, str):
            try:
                return float(value)
            except ValueError:
                pass
        raise _wrong_type(name, "Float")

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self._values.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str) and value.lower() in ("true", "1", "false", "0"):
            return value.lower() in ("true", "1")
        raise _wrong_type(name, "Boolean")

    def json(self, name: str) -> Any:
        """A nested object or array: decoded from JSON text unless the body was JSON already."""
        value = self._values.get(name)
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except ValueError:
            raise bad_request(f"can't parse {name} JSON object") from None

    def chat_id(self, name: str = "chat_id", *, required: bool = True) -> int | str | None:
        value = self._values.get(name)
        if value is None or value == "":
            if required:
                raise bad_request(f"{name} is empty")
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str):
            stripped = value.strip()
            if _INTEGER.match(stripped):
                return int(stripped)
            if stripped.startswith("@"):
                return stripped
        raise bad_request("chat not found")

    def file(self, name: str) -> UploadedFile | str | None:
        """An uploaded file, or the string (file_id or URL) sent in its place."""
        if name in self._files:
            return self._files[name]
        value = self.string(name)
        if value is not None and value.startswith(_ATTACH_PREFIX):
            attached = self._files.get(value.removeprefix(_ATTACH_PREFIX))
            if attached is None:
                raise bad_request(f"file for {name} was not attached")
            return attached
        return value

    def for_log(self) -> dict[str, Any]:
        """The parameters as received, with file contents replaced by their name and size."""
        logged: dict[str, Any] = dict(self._values)
        for name, uploaded in self._files.items():
            logged[name] = {"filename": uploaded.filename, "size": len(uploaded.data)}
        return logged


def _wrong_type(name: str, type_name: str) -> ApiError:
    return bad_request(f'field "{name}" must be of type {type_name}')
