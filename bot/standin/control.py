"""The control API: tests, the playground and benchmarks act as users and read what the bot did.

Every endpoint speaks JSON and answers ``{"ok": true, "result": ...}`` or
``{"ok": false, "error": "..."}`` with a 4xx status. Endpoints are named after the
StandinClient methods that call them, so ``GET /control`` lists them all.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.standin.errors import ControlError, control_bad_request, control_not_found
from bot.standin.faults import FaultInjector
from bot.standin.limits import FloodLimiter, FloodLimits
from bot.standin.methods import BotApi
from bot.standin.model import JSON, Chat
from bot.standin.requestlog import RequestLog
from bot.standin.state import World

Endpoint = Callable[[web.Request], Awaitable[Any]]
MAX_WAIT_SECONDS = 300.0


class _Body:
    """Typed fields of a control request, with errors that name the field."""

    def __init__(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise control_bad_request("the request body must be a JSON object")
        self._data: dict[str, Any] = data

    def _get(self, name: str, types: tuple[type, ...], label: str, default: Any) -> Any:
        value = self._data.get(name)
        if value is None:
            return default
        # bool is an int in Python, but true is no user id and 1 is no flag.
        if isinstance(value, bool) != (bool in types) or not isinstance(value, types):
            raise control_bad_request(f"{name} must be {label}")
        return value

    def required_int(self, name: str) -> int:
        value = self.optional_int(name)
        if value is None:
            raise control_bad_request(f"{name} is required")
        return value

    def optional_int(self, name: str) -> int | None:
        value: int | None = self._get(name, (int,), "an integer", None)
        return value

    def required_str(self, name: str) -> str:
        value = self.optional_str(name)
        if value is None:
            raise control_bad_request(f"{name} is required")
        return value

    def optional_str(self, name: str) -> str | None:
        value: str | None = self._get(name, (str,), "a string", None)
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        value: bool = self._get(name, (bool,), "true or false", default)
        return value

    def number(self, name: str, default: float) -> float:
        value: int | float = self._get(name, (int, float), "a number", default)
        return float(value)

    def int_list(self, name: str) -> list[int]:
        value = self._data.get(name)
        if not isinstance(value, list) or not all(
            isinstance(item, int) and not isinstance(item, bool) for item in value
        ):
            raise control_bad_request(f"{name} must be a list of integers")
        return value

    def raw(self) -> dict[str, Any]:
        return dict(self._data)


async def _body(request: web.Request) -> _Body:
    if not request.can_read_body:
        return _Body({})
    try:
        return _Body(await request.json())
    except json.JSONDecodeError:
        raise control_bad_request("the request body is not valid JSON") from None


def _query_int(request: web.Request, name: str) -> int:
    try:
        return int(request.query[name])
    except KeyError:
        raise control_bad_request(f"query parameter {name} is required") from None
    except ValueError:
        raise control_bad_request(f"query parameter {name} must be an integer") from None


def _endpoint(handler: Endpoint) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def wrapped(request: web.Request) -> web.StreamResponse:
        try:
            result = await handler(request)
        except ControlError as error:
            body = {"ok": False, "error": error.message, **error.extra}
            return web.json_response(body, status=error.status)
        if isinstance(result, web.StreamResponse):
            return result
        return web.json_response({"ok": True, "result": result})

    return wrapped


class ControlApi:
    def __init__(
        self,
        world: World,
        bot_api: BotApi,
        limiter: FloodLimiter,
        faults: FaultInjector,
        log: RequestLog,
        default_limits: FloodLimits,
    ) -> None:
        self._world = world
        self._bot_api = bot_api
        self._limiter = limiter
        self._faults = faults
        self._log = log
        self._default_limits = default_limits

    def add_routes(self, app: web.Application, prefix: str = "/control") -> None:
        posts: dict[str, Endpoint] = {
            "create_user": self.create_user,
            "send_text": self.send_text,
            "send_document": self.send_document,
            "send_media": self.send_media,
            "press": self.press,
            "press_button": self.press_button,
            "block": self.block,
            "unblock": self.unblock,
            "deactivate": self.deactivate,
            "create_group": self.create_group,
            "add_member": self.add_member,
            "remove_member": self.remove_member,
            "add_bot": self.add_bot,
            "remove_bot": self.remove_bot,
            "migrate_group": self.migrate_group,
            "answer_poll": self.answer_poll,
            "set_limits": self.set_limits,
            "inject_fault": self.inject_fault,
            "clear_faults": self.clear_faults,
            "wait_events": self.wait_events,
            "reset": self.reset,
        }
        gets: dict[str, Endpoint] = {
            "callback_answer": self.callback_answer,
            "messages": self.messages,
            "last_message": self.last_message,
            "seq": self.seq,
            "requests": self.requests,
            "commands": self.commands,
            "state": self.state,
            "limits": self.limits,
            "faults": self.faults,
            "file/{file_id}": self.file,
        }
        index = {"POST": sorted(posts), "GET": sorted(gets)}

        async def list_endpoints(_request: web.Request) -> JSON:
            return index

        app.router.add_get(prefix, _endpoint(list_endpoints))
        for name, handler in posts.items():
            app.router.add_post(f"{prefix}/{name}", _endpoint(handler))
        for name, handler in gets.items():
            app.router.add_get(f"{prefix}/{name}", _endpoint(handler))

    # -- users ---------------------------------------------------------------------------

    async def create_user(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.create_user(
            body.required_int("user_id"),
            body.required_str("first_name"),
            last_name=body.optional_str("last_name"),
            username=body.optional_str("username"),
            language_code=body.optional_str("language_code"),
            opened=body.flag("opened"),
        )

    async def send_text(self, request: web.Request) -> JSON:
        body = await _body(request)
        update_id, message = self._world.user_sends_text(
            body.required_int("user_id"),
            body.required_str("text"),
            chat_id=body.optional_int("chat_id"),
            reply_to_message_id=body.optional_int("reply_to_message_id"),
        )
        return {"update_id": update_id, "message_id": message.message_id}

    async def send_document(self, request: web.Request) -> JSON:
        body = await _body(request)
        try:
            data = base64.b64decode(body.required_str("data_base64"), validate=True)
        except binascii.Error:
            raise control_bad_request("data_base64 must be base64") from None
        update_id, message = self._world.user_sends_document(
            body.required_int("user_id"),
            body.required_str("file_name"),
            data,
            mime_type=body.optional_str("mime_type") or "application/octet-stream",
            caption=body.optional_str("caption"),
            chat_id=body.optional_int("chat_id"),
        )
        return {"update_id": update_id, "message_id": message.message_id}

    async def send_media(self, request: web.Request) -> JSON:
        body = await _body(request)
        update_id, message = self._world.user_sends_media(
            body.required_int("user_id"),
            body.required_str("kind"),
            b"\xff\xd8 stand-in media",
            caption=body.optional_str("caption"),
            chat_id=body.optional_int("chat_id"),
        )
        return {"update_id": update_id, "message_id": message.message_id}

    async def press(self, request: web.Request) -> JSON:
        body = await _body(request)
        query_id, update_id = self._world.press(
            body.required_int("user_id"),
            body.required_int("message_id"),
            body.required_str("callback_data"),
            chat_id=body.optional_int("chat_id"),
            force=body.flag("force"),
        )
        return {"callback_query_id": query_id, "update_id": update_id}

    async def press_button(self, request: web.Request) -> JSON:
        body = await _body(request)
        query_id, update_id = self._world.press_button(
            body.required_int("user_id"),
            body.required_str("text_contains"),
            chat_id=body.optional_int("chat_id"),
        )
        return {"callback_query_id": query_id, "update_id": update_id}

    async def block(self, request: web.Request) -> None:
        self._world.set_blocked((await _body(request)).required_int("user_id"), True)

    async def unblock(self, request: web.Request) -> None:
        self._world.set_blocked((await _body(request)).required_int("user_id"), False)

    async def deactivate(self, request: web.Request) -> None:
        self._world.deactivate((await _body(request)).required_int("user_id"))

    # -- groups --------------------------------------------------------------------------

    async def create_group(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.create_group(
            body.required_int("chat_id"),
            body.required_str("title"),
            supergroup=body.flag("supergroup"),
        )

    async def add_member(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.add_member(body.required_int("chat_id"), body.required_int("user_id"))

    async def remove_member(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.remove_member(body.required_int("chat_id"), body.required_int("user_id"))

    async def add_bot(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.add_bot(body.required_int("chat_id"), body.required_int("by_user_id"))

    async def remove_bot(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.remove_bot(body.required_int("chat_id"), body.required_int("by_user_id"))

    async def migrate_group(self, request: web.Request) -> int:
        return self._world.migrate_group((await _body(request)).required_int("chat_id"))

    async def answer_poll(self, request: web.Request) -> None:
        body = await _body(request)
        self._world.answer_poll(
            body.required_int("user_id"), body.required_str("poll_id"), body.int_list("option_ids")
        )

    # -- what the bot did ----------------------------------------------------------------

    async def callback_answer(self, request: web.Request) -> JSON | None:
        query_id = request.query.get("query_id", "")
        query = self._world.callbacks.get(query_id)
        if query is None:
            raise control_not_found(f"unknown callback query {query_id!r}")
        return dict(query.answer) if query.answer is not None else None

    async def messages(self, request: web.Request) -> list[JSON]:
        chat = self._chat(request)
        return [message.snapshot() for message in chat.messages.values()]

    async def last_message(self, request: web.Request) -> JSON:
        """The newest message the bot sent to the chat that is still there."""
        chat = self._chat(request)
        for message in reversed(chat.messages.values()):
            if message.from_bot and not message.deleted:
                return message.snapshot()
        raise control_not_found(f"the bot has no message in chat {chat.id}")

    async def seq(self, _request: web.Request) -> int:
        return self._world.events.seq

    async def wait_events(self, request: web.Request) -> list[JSON]:
        body = await _body(request)
        chat_id = body.optional_int("chat_id")
        after_seq = body.required_int("after_seq")
        count = body.optional_int("count") or 1
        timeout = min(max(body.number("timeout", 5.0), 0.0), MAX_WAIT_SECONDS)
        events = self._world.events
        await self._world.changed.wait_until(
            lambda: len(events.after(after_seq, chat_id)) >= count, timeout
        )
        arrived = events.after(after_seq, chat_id)
        if len(arrived) >= count:
            return arrived
        raise ControlError(
            408,
            self._describe_timeout(chat_id, after_seq, count, timeout, arrived),
            {"events": arrived},
        )

    def _describe_timeout(
        self, chat_id: int | None, after_seq: int, count: int, timeout: float, arrived: list[JSON]
    ) -> str:
        where = "any chat" if chat_id is None else f"chat {chat_id}"
        lines = [
            f"waited {timeout:g} s for {count} bot event(s) in {where} after seq {after_seq}, "
            f"got {len(arrived)}:"
        ]
        lines += [f"  {_describe_event(event)}" for event in arrived] or ["  (nothing)"]
        if chat_id is not None:
            elsewhere = self._world.events.after(after_seq, None)[-10:]
            if elsewhere:
                lines.append("meanwhile in any chat:")
                lines += [f"  {_describe_event(event)}" for event in elsewhere]
        errors = self._log.recent_errors(5)
        if errors:
            lines.append("recent failed Bot API calls:")
            lines += [
                f"  {entry['method']} {entry['status']}: {entry['error']}" for entry in errors
            ]
        pending = self._world.updates.pending_count
        lines.append(f"updates not yet fetched by the bot: {pending}")
        return "\n".join(lines)

    async def requests(self, _request: web.Request) -> list[JSON]:
        return self._log.entries()

    async def commands(self, request: web.Request) -> list[JSON]:
        language_code = request.query.get("language_code", "")
        scope = request.query.get("scope", "default")
        return [dict(command) for command in self._world.commands.get((scope, language_code), [])]

    async def file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["file_id"]
        stored = self._world.files.get(file_id)
        if stored is None:
            raise control_not_found(f"unknown file {file_id!r}")
        return web.Response(body=stored.data, content_type=stored.mime_type)

    async def state(self, _request: web.Request) -> JSON:
        return self._world.summary()

    # -- knobs ---------------------------------------------------------------------------

    async def limits(self, _request: web.Request) -> JSON:
        return self._limiter.limits.to_json()

    async def set_limits(self, request: web.Request) -> JSON:
        body = await _body(request)
        try:
            limits = FloodLimits.from_json({**self._limiter.limits.to_json(), **body.raw()})
        except (TypeError, ValueError) as error:
            raise control_bad_request(str(error)) from None
        self._limiter.limits = limits
        return limits.to_json()

    async def inject_fault(self, request: web.Request) -> None:
        body = await _body(request)
        method = body.required_str("method")
        resolved = self._bot_api.resolve(method)
        if resolved is None:
            raise control_bad_request(f"unknown Bot API method {method!r}")
        try:
            self._faults.add(
                resolved[0],
                status=body.optional_int("status") or 500,
                count=body.optional_int("count") or 1,
                hang_seconds=body.number("hang_seconds", 0.0),
                retry_after=body.optional_int("retry_after") or 1,
            )
        except ValueError as error:
            raise control_bad_request(str(error)) from None

    async def faults(self, _request: web.Request) -> list[JSON]:
        return self._faults.pending()

    async def clear_faults(self, _request: web.Request) -> None:
        self._faults.clear()

    async def reset(self, _request: web.Request) -> None:
        self._world.reset()
        self._limiter.reset(self._default_limits)
        self._faults.clear()
        self._log.clear()

    def _chat(self, request: web.Request) -> Chat:
        chat_id = _query_int(request, "chat_id")
        chat = self._world.chats.get(chat_id)
        if chat is None:
            raise control_not_found(f"unknown chat {chat_id}")
        return chat


def _describe_event(event: JSON) -> str:
    head = f"#{event['seq']} {event['kind']} chat {event['chat_id']}"
    if event["kind"] == "answer":
        return f"{head}: answered callback {event['callback_query_id']} {event['answer']}"
    message = event.get("message", {})
    shown = message.get("text") or message.get("caption") or ""
    if "poll" in message:
        shown = f"poll {message['poll']['question']!r}"
    elif "document" in message:
        shown = f"document {message['document'].get('file_name')!r} {shown}"
    elif "photo" in message:
        shown = f"photo {shown}"
    if len(shown) > 80:
        shown = shown[:77] + "..."
    return f"{head} msg {event.get('message_id')}: {shown!r}"
