"""Python client for the stand-in's control API.

    async with StandinClient(server.control_url) as standin:
        await standin.create_user(1001, "Aino")
        seq = await standin.seq()
        await standin.send_text(1001, "/start")
        events = await standin.wait_events(1001, after_seq=seq)

Refusals (a 4xx from the control API) raise StandinError, a ValueError; a wait that runs out
raises TimeoutError whose message lists what did arrive.
"""

from __future__ import annotations

import base64
from dataclasses import asdict
from types import TracebackType
from typing import Any

import aiohttp

from bot.standin.limits import FloodLimits

_HTTP_SLACK_SECONDS = 10.0
_DEFAULT_TIMEOUT = aiohttp.ClientTimeout(total=30.0)


class StandinError(ValueError):
    """The control API refused a request; `status` is its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class StandinClient:
    def __init__(self, control_url: str) -> None:
        self._url = control_url.rstrip("/")
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> StandinClient:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _http(self) -> aiohttp.ClientSession:
        # Created lazily so the session belongs to the event loop that uses it.
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=_DEFAULT_TIMEOUT)
        return self._session

    async def _post(
        self, endpoint: str, body: dict[str, Any] | None = None, *, wait: float = 0.0
    ) -> Any:
        timeout = aiohttp.ClientTimeout(total=wait + _HTTP_SLACK_SECONDS)
        async with self._http().post(
            f"{self._url}/{endpoint}", json=body or {}, timeout=timeout
        ) as response:
            return _result(response.status, await response.json())

    async def _get(self, endpoint: str, **query: str | int) -> Any:
        async with self._http().get(f"{self._url}/{endpoint}", params=query) as response:
            return _result(response.status, await response.json())

    # -- users -----------------------------------------------------------------------------

    async def create_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = "fi",
        opened: bool = False,
    ) -> None:
        """`opened=True`: the user has started the bot before, so the bot may write first."""
        await self._post(
            "create_user",
            {
                "user_id": user_id,
                "first_name": first_name,
                "last_name": last_name,
                "username": username,
                "language_code": language_code,
                "opened": opened,
            },
        )

    async def send_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> int | None:
        """The user writes; returns the update id, or None when the bot does not get the
        message (privacy mode in a group, or the bot is not in it)."""
        result = await self._post(
            "send_text",
            {
                "user_id": user_id,
                "text": text,
                "chat_id": chat_id,
                "reply_to_message_id": reply_to_message_id,
            },
        )
        update_id: int | None = result["update_id"]
        return update_id

    async def send_document(
        self,
        user_id: int,
        file_name: str,
        data: bytes,
        *,
        mime_type: str = "text/csv",
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> int | None:
        """The user sends a file; returns the update id (None when the bot does not get it)."""
        result = await self._post(
            "send_document",
            {
                "user_id": user_id,
                "file_name": file_name,
                "data_base64": base64.b64encode(data).decode("ascii"),
                "mime_type": mime_type,
                "caption": caption,
                "chat_id": chat_id,
            },
        )
        update_id: int | None = result["update_id"]
        return update_id

    async def send_media(
        self, user_id: int, kind: str, *, caption: str | None = None, chat_id: int | None = None
    ) -> int | None:
        """The user sends a photo or a voice message ("photo" / "voice"), perhaps captioned;
        returns the update id (None when the bot does not get it)."""
        result = await self._post(
            "send_media",
            {"user_id": user_id, "kind": kind, "caption": caption, "chat_id": chat_id},
        )
        update_id: int | None = result["update_id"]
        return update_id

    async def press(
        self,
        user_id: int,
        message_id: int,
        callback_data: str,
        *,
        chat_id: int | None = None,
        force: bool = False,
    ) -> str:
        """Presses an inline button and returns the callback query id. Only buttons the
        message has now can be pressed, unless `force` forges the callback data."""
        result = await self._post(
            "press",
            {
                "user_id": user_id,
                "message_id": message_id,
                "callback_data": callback_data,
                "chat_id": chat_id,
                "force": force,
            },
        )
        return str(result["callback_query_id"])

    async def press_update(
        self, user_id: int, message_id: int, callback_data: str, *, chat_id: int | None = None
    ) -> tuple[str, int]:
        """`press`, returning the callback query id and the id of the update the bot gets."""
        result = await self._post(
            "press",
            {
                "user_id": user_id,
                "message_id": message_id,
                "callback_data": callback_data,
                "chat_id": chat_id,
                "force": False,
            },
        )
        return str(result["callback_query_id"]), int(result["update_id"])

    async def press_button(
        self, user_id: int, text_contains: str, *, chat_id: int | None = None
    ) -> str:
        """Presses the first button whose text contains `text_contains` on the newest bot
        message in the chat that has such a button."""
        result = await self._post(
            "press_button",
            {"user_id": user_id, "text_contains": text_contains, "chat_id": chat_id},
        )
        return str(result["callback_query_id"])

    async def block(self, user_id: int) -> None:
        await self._post("block", {"user_id": user_id})

    async def unblock(self, user_id: int) -> None:
        await self._post("unblock", {"user_id": user_id})

    async def deactivate(self, user_id: int) -> None:
        await self._post("deactivate", {"user_id": user_id})

    # -- groups ----------------------------------------------------------------------------

    async def create_group(self, chat_id: int, title: str, *, supergroup: bool = False) -> None:
        await self._post(
            "create_group", {"chat_id": chat_id, "title": title, "supergroup": supergroup}
        )

    async def add_member(self, chat_id: int, user_id: int) -> None:
        await self._post("add_member", {"chat_id": chat_id, "user_id": user_id})

    async def remove_member(self, chat_id: int, user_id: int) -> None:
        await self._post("remove_member", {"chat_id": chat_id, "user_id": user_id})

    async def add_bot(self, chat_id: int, by_user_id: int) -> None:
        await self._post("add_bot", {"chat_id": chat_id, "by_user_id": by_user_id})

    async def remove_bot(self, chat_id: int, by_user_id: int) -> None:
        await self._post("remove_bot", {"chat_id": chat_id, "by_user_id": by_user_id})

    async def migrate_group(self, chat_id: int) -> int:
        """Upgrades a group to a supergroup and returns the new chat id."""
        return int(await self._post("migrate_group", {"chat_id": chat_id}))

    async def answer_poll(self, user_id: int, poll_id: str, option_ids: list[int]) -> None:
        """Votes (an empty list retracts the vote)."""
        await self._post(
            "answer_poll", {"user_id": user_id, "poll_id": poll_id, "option_ids": option_ids}
        )

    # -- what the bot did ------------------------------------------------------------------

    async def callback_answer(self, query_id: str) -> dict[str, Any] | None:
        """The bot's answer (text, show_alert, url, cache_time), or None if not answered yet."""
        result: dict[str, Any] | None = await self._get("callback_answer", query_id=query_id)
        return result

    async def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Every message in the chat, oldest first, bot's and users' (see `from_bot`), each in
        its current state with `deleted` and `edits` (previous versions)."""
        result: list[dict[str, Any]] = await self._get("messages", chat_id=chat_id)
        return result

    async def last_message(self, chat_id: int) -> dict[str, Any]:
        """The newest message the bot sent to the chat that has not been deleted."""
        result: dict[str, Any] = await self._get("last_message", chat_id=chat_id)
        return result

    async def seq(self) -> int:
        """The global counter of bot actions (send, edit, delete, answer, stop_poll)."""
        return int(await self._get("seq"))

    async def wait_events(
        self, chat_id: int | None, *, after_seq: int, count: int = 1, timeout: float = 5.0
    ) -> list[dict[str, Any]]:
        """Waits until at least `count` bot events with seq > after_seq happened in the chat
        (any chat when None) and returns them all; TimeoutError says what did arrive."""
        result: list[dict[str, Any]] = await self._post(
            "wait_events",
            {"chat_id": chat_id, "after_seq": after_seq, "count": count, "timeout": timeout},
            wait=timeout,
        )
        return result

    async def requests(self) -> list[dict[str, Any]]:
        """The Bot API request log: method, params, status, error."""
        result: list[dict[str, Any]] = await self._get("requests")
        return result

    async def file(self, file_id: str) -> bytes:
        async with self._http().get(f"{self._url}/file/{file_id}") as response:
            if response.status != 200:
                _result(response.status, await response.json())
            return await response.read()

    async def commands(
        self, language_code: str = "", scope: str = "default"
    ) -> list[dict[str, Any]]:
        """Commands set for a scope key: default, all_private_chats, all_group_chats,
        all_chat_administrators, chat:<id>, chat_administrators:<id>,
        chat_member:<chat_id>:<user_id>."""
        result: list[dict[str, Any]] = await self._get(
            "commands", language_code=language_code, scope=scope
        )
        return result

    async def state(self) -> dict[str, Any]:
        result: dict[str, Any] = await self._get("state")
        return result

    # -- knobs -----------------------------------------------------------------------------

    async def set_limits(self, limits: FloodLimits) -> None:
        await self._post("set_limits", asdict(limits))

    async def inject_fault(
        self,
        method: str,
        *,
        status: int = 500,
        count: int = 1,
        hang_seconds: float = 0.0,
        retry_after: int = 1,
    ) -> None:
        """The next `count` calls of `method` fail with `status` after `hang_seconds`;
        status 200 with hang_seconds makes them succeed at once but answer late; a 429 asks
        to wait `retry_after` seconds (with limits on, every send meanwhile is refused)."""
        await self._post(
            "inject_fault",
            {
                "method": method,
                "status": status,
                "count": count,
                "hang_seconds": hang_seconds,
                "retry_after": retry_after,
            },
        )

    async def clear_faults(self) -> None:
        """Telegram is well again: no injected failure is left."""
        await self._post("clear_faults")

    async def reset(self) -> None:
        """Forgets users, chats, messages, updates, files, commands, the log and faults, and
        restores the limits the server started with. Ids keep counting up."""
        await self._post("reset")


def _result(status: int, body: Any) -> Any:
    if isinstance(body, dict) and body.get("ok") is True:
        return body.get("result")
    message = body.get("error", str(body)) if isinstance(body, dict) else str(body)
    if status == 408:
        raise TimeoutError(message)
    raise StandinError(status, message)
