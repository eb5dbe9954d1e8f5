"""Simulated users: load injected through the stand-in's control API.

One pump long-polls the stand-in for everything the bot did (`wait_events` across all chats)
and hands each event to the user whose chat it is, so a thousand users cost one poll, not a
thousand. Users act as a student would: read the question, press a button or type, wait for
the next question. Every action is logged with the wall-clock time it was sent, so latency can
be measured against the stand-in's request log.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from bot.standin.client import StandinClient

TEXT_ANSWER = "Ihan hyvä viikko, kiitos kysymästä."
INDEX_DONE = "100"  # bot.services.render.INDEX_DONE: the multichoice "done" button
INDEX_SKIP = "-1"


@dataclass
class Action:
    chat_id: int
    kind: str  # press | toggle | text | echo
    t_send: float = 0.0
    t_ack: float = 0.0
    ref: Any = None  # what the stand-in answered (callback query id, update id)


@dataclass
class ActionLog:
    actions: list[Action] = field(default_factory=list)


class Pump:
    """Routes the stand-in's bot events to per-chat queues."""

    def __init__(self, client: StandinClient, after_seq: int) -> None:
        self.client = client
        self.seq = after_seq
        self.inboxes: dict[int, asyncio.Queue[dict[str, Any]]] = {}
        self._task: asyncio.Task[None] | None = None

    def inbox(self, chat_id: int) -> asyncio.Queue[dict[str, Any]]:
        return self.inboxes.setdefault(chat_id, asyncio.Queue())

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                events = await self.client.wait_events(None, after_seq=self.seq, timeout=2.0)
            except TimeoutError:
                continue
            for event in events:
                self.seq = max(self.seq, int(event["seq"]))
                queue = self.inboxes.get(int(event["chat_id"]))
                if queue is not None:
                    queue.put_nowait(event)


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    markup = message.get("reply_markup") or {}
    return [
        (b["text"], b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
    ]


def _index(data: str) -> str:
    return data.rpartition(".")[2]


def choose(message: dict[str, Any]) -> tuple[str, str]:
    """What a content student answers: ('text', words) or ('press'|'toggle', callback_data).
    A good week, so no escalation path: scale 4, "no" to quitting and to a talk, no absences,
    everyday life fine, a few words at the end."""
    options = [(label, data) for label, data in buttons(message) if _index(data) != INDEX_SKIP]
    if not options:
        return "text", TEXT_ANSWER
    done = [data for _, data in options if _index(data) == INDEX_DONE]
    if done:
        if any(label.startswith("✅") for label, _ in options):
            return "press", done[0]
        choices = [data for _, data in options if _index(data) != INDEX_DONE]
        return "toggle", choices[-1]  # "everything is fine"
    if len(options) == 5:
        return "press", options[3][1]  # scale: good
    for label, data in options:
        if label.split()[0] in ("Ei", "Nej", "No"):
            return "press", data
    return "press", options[0][1]


Call = Callable[[], Awaitable[Any]]
Act = Callable[[Action, Call], Awaitable[None]]


async def act_now(action: Action, call: Callable[[], Awaitable[Any]]) -> None:
    action.t_send = time.time()
    action.ref = await call()
    action.t_ack = time.time()


class Pacer:
    """Open-loop load: actions go out at a fixed rate, whoever is ready goes next; after
    `limit` actions no more go out and `exhausted` is set."""

    def __init__(self, rate: float, limit: int | None = None) -> None:
        self.rate = rate
        self.limit = limit
        self.exhausted = asyncio.Event()
        self._ready: asyncio.Queue[tuple[Action, Call, asyncio.Future[None]]] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None
        self._pending: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def act(self, action: Action, call: Callable[[], Awaitable[Any]]) -> None:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._ready.put_nowait((action, call, done))
        await done

    async def _run(self) -> None:
        start = time.monotonic()
        n = 0
        while True:
            if self.limit is not None and n >= self.limit:
                await asyncio.gather(*self._pending, return_exceptions=True)
                self.exhausted.set()
                return
            action, call, done = await self._ready.get()
            due = start + n / self.rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            elif delay < -1.0:
                start += -delay  # the generator fell behind; don't burst to catch up
            n += 1

            async def fire(
                action: Action = action,
                call: Callable[[], Awaitable[Any]] = call,
                done: asyncio.Future[None] = done,
            ) -> None:
                try:
                    await act_now(action, call)
                finally:
                    if not done.done():
                        done.set_result(None)

            task = asyncio.create_task(fire())
            self._pending.add(task)
            task.add_done_callback(self._pending.discard)


async def _next(inbox: asyncio.Queue[dict[str, Any]], kinds: tuple[str, ...]) -> dict[str, Any]:
    while True:
        event = await inbox.get()
        if event["kind"] in kinds:
            return event


async def student(
    client: StandinClient,
    user_id: int,
    inbox: asyncio.Queue[dict[str, Any]],
    first: dict[str, Any],
    log: ActionLog,
    act: Act = act_now,
) -> int:
    """Answers the check-in whose first question is `first`; returns the answers given."""
    message = first["message"]
    answers = 0
    while True:
        kind, value = choose(message)
        action = Action(user_id, kind)
        log.actions.append(action)
        message_id = int(message["message_id"])
        if kind == "text":
            await act(action, functools.partial(client.send_text, user_id, value))
        else:
            await act(action, functools.partial(client.press, user_id, message_id, value))
        if kind == "toggle":
            while True:
                event = await _next(inbox, ("edit",))
                if int(event["message_id"]) == message_id:
                    message = event["message"]
                    break
            continue
        answers += 1
        event = await _next(inbox, ("send",))
        if not buttons(event["message"]):
            return answers  # the closing message: the check-in is done
        message = event["message"]


async def echo_user(
    client: StandinClient,
    user_id: int,
    inbox: asyncio.Queue[dict[str, Any]],
    messages: int,
    log: ActionLog,
    act: Act = act_now,
) -> int:
    for n in range(messages):
        action = Action(user_id, "echo")
        log.actions.append(action)
        await act(action, functools.partial(client.send_text, user_id, f"viesti {n}"))
        await _next(inbox, ("send",))
    return messages
