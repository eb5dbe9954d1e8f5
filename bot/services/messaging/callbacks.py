"""Opaque callback data. A button carries `<token>.<index>`: the token is random (96 bits),
stored server-side with the one user allowed to press it, an action, a payload and an expiry.
No database id ever travels in a button, so a student cannot change one."""

from __future__ import annotations

import json
import secrets
import types
from dataclasses import MISSING, dataclass, fields
from datetime import datetime, timedelta
from typing import Any, ClassVar, Self, TypeVar, Union, get_args, get_origin, get_type_hints

from bot.clock import from_db, to_db
from bot.storage.db import Database, Tx

DEFAULT_TTL = timedelta(days=14)


@dataclass(frozen=True)
class Callback:
    token: str
    tg_user_id: int
    action: str
    payload: dict[str, Any]
    expires_at: datetime
    used: bool


class CallbackRefused(Exception):
    """`reason` is a locale id; `audit` says whether the press looked hostile."""

    def __init__(self, reason: str, *, hostile: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hostile = hostile


class Payload:
    """What a button stands for, typed per action: each action declares a frozen dataclass
    subclass (`class AlertPress(Payload, action=ACTION_CONCERN): concern: int`), `issue`
    stores it and `of` reads it back. A payload is written by the bot itself, but a token
    lives for days and can outlast a deploy that changed the shape: a stored payload that no
    longer fits is refused like a forged press ("callback-invalid"), never a KeyError halfway
    through a use case."""

    action: ClassVar[str]

    def __init_subclass__(cls, *, action: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if action is not None:
            cls.action = action

    def as_json(self) -> dict[str, Any]:
        # Shallow: the fields are JSON values already (a round writes thousands of these).
        return {f.name: getattr(self, f.name) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def of(cls, callback: Callback) -> Self:
        if callback.action != cls.action:
            raise CallbackRefused("callback-invalid", hostile=True)
        hints = _hints(cls)
        values: dict[str, Any] = {}
        for field in fields(cls):  # type: ignore[arg-type]  # subclasses are dataclasses
            if field.name not in callback.payload:
                if field.default is not MISSING or field.default_factory is not MISSING:
                    continue
                if not _optional(hints[field.name]):
                    raise CallbackRefused("callback-invalid", hostile=True)
                values[field.name] = None
                continue
            value = callback.payload[field.name]
            if not _fits(value, hints[field.name]):
                raise CallbackRefused("callback-invalid", hostile=True)
            values[field.name] = value
        return cls(**values)


T = TypeVar("T")


def required(value: T | None) -> T:
    """A payload field this step needs though the action's other steps go without: missing,
    the press is refused like a forged one."""
    if value is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def _fits(value: Any, hint: Any) -> bool:
    """Whether a JSON value has the declared type (ints are not bools, lists are checked item
    by item)."""
    if hint is Any:
        return True
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(_fits(value, arm) for arm in get_args(hint))
    if hint is type(None):
        return value is None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint in (str, bool):
        return isinstance(value, hint)
    if origin is list:
        (item,) = get_args(hint) or (Any,)
        return isinstance(value, list) and all(_fits(v, item) for v in value)
    if origin is dict or hint is dict:
        return isinstance(value, dict)
    return False


async def issue(
    tx: Tx, now: datetime, tg_user_id: int, payload: Payload, ttl: timedelta = DEFAULT_TTL
) -> str:
    """A new token for buttons only `tg_user_id` may press, standing for `payload`."""
    token = secrets.token_urlsafe(12)
    await tx.execute(
        "INSERT INTO callbacks (token, tg_user_id, action, payload, created_at, expires_at)"
        " VALUES (?,?,?,?,?,?)",
        (
            token,
            tg_user_id,
            payload.action,
            json.dumps(payload.as_json()),
            to_db(now),
            to_db(now + ttl),
        ),
    )
    return token


def button_data(token: str, index: int = 0) -> str:
    return f"{token}.{index}"


def split_data(data: str) -> tuple[str, int]:
    token, sep, index = data.rpartition(".")
    if not sep or not token or len(data) > 64:
        raise CallbackRefused("callback-invalid", hostile=True)
    try:
        return token, int(index)
    except ValueError:
        raise CallbackRefused("callback-invalid", hostile=True) from None


async def resolve(db: Database, now: datetime, tg_user_id: int, data: str) -> tuple[Callback, int]:
    """The callback behind a press, or CallbackRefused (forged, foreign or expired)."""
    token, index = split_data(data)
    row = await db.fetchone("SELECT * FROM callbacks WHERE token = ?", (token,))
    if row is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    if row["tg_user_id"] != tg_user_id:
        raise CallbackRefused("callback-not-yours", hostile=True)
    expires_at = from_db(row["expires_at"])
    if expires_at <= now:
        raise CallbackRefused("callback-expired", hostile=False)
    callback = Callback(
        token,
        tg_user_id,
        row["action"],
        json.loads(row["payload"]),
        expires_at,
        row["used_at"] is not None,
    )
    return callback, index


async def purge_expired(tx: Tx, now: datetime) -> int:
    return await tx.execute("DELETE FROM callbacks WHERE expires_at < ?", (to_db(now),))


@dataclass(frozen=True, kw_only=True)
class Options(Payload):
    """Buttons that each stand for one option string, by index."""

    opts: list[str]

    def chosen(self, index: int) -> str:
        """The option a press picked; an index never offered is a forged press."""
        if not 0 <= index < len(self.opts):
            raise CallbackRefused("callback-invalid", hostile=True)
        return self.opts[index]
