"""Reading the stand-in's request record (JSON lines with `at` timestamps).

Latency is the time from a user's action reaching the stand-in to the bot's first resulting
message request (editMessageText / editMessageReplyMarkup / sendMessage) in that chat, and to
the next question (sendMessage). The action's time is when the harness sent it, a fraction of a
millisecond before the stand-in received it, so latencies are if anything slightly high.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.load import Action

MESSAGE_METHODS = frozenset({"sendMessage", "editMessageText", "editMessageReplyMarkup"})


@dataclass(frozen=True)
class Call:
    at: float
    method: str
    status: int
    chat_id: int | None


def read(path: Path, since: float = 0.0) -> list[Call]:
    calls = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                entry: dict[str, Any] = json.loads(line)
            except ValueError:
                continue  # a line cut short by a stopped stand-in
            at = float(entry.get("at", 0.0))
            if at < since:
                continue
            chat = entry.get("params", {}).get("chat_id")
            try:
                chat_id = int(chat) if chat is not None else None
            except (TypeError, ValueError):
                chat_id = None
            calls.append(Call(at, entry["method"], int(entry["status"]), chat_id))
    return calls


def by_chat(calls: list[Call], methods: frozenset[str]) -> dict[int, list[Call]]:
    found: dict[int, list[Call]] = defaultdict(list)
    for call in calls:
        if call.method in methods and call.chat_id is not None and call.status == 200:
            found[call.chat_id].append(call)
    for chat_calls in found.values():
        chat_calls.sort(key=lambda c: c.at)
    return found


def latencies(actions: list[Action], calls: list[Call]) -> tuple[list[float], list[float]]:
    """(first reaction, next question) latencies in seconds, one per action that got one."""
    chats = by_chat(calls, MESSAGE_METHODS)
    per_chat: dict[int, list[Action]] = defaultdict(list)
    for action in actions:
        per_chat[action.chat_id].append(action)
    first: list[float] = []
    question: list[float] = []
    for chat_id, chat_actions in per_chat.items():
        chat_actions.sort(key=lambda a: a.t_send)
        chat_calls = chats.get(chat_id, [])
        times = [c.at for c in chat_calls]
        for n, action in enumerate(chat_actions):
            until = chat_actions[n + 1].t_send if n + 1 < len(chat_actions) else float("inf")
            i = bisect.bisect_left(times, action.t_send)
            window = [c for c in chat_calls[i:] if c.at < until]
            if window:
                first.append(window[0].at - action.t_send)
            sends = [c for c in window if c.method == "sendMessage"]
            if sends and action.kind != "toggle":
                question.append(sends[0].at - action.t_send)
    return first, question


@dataclass(frozen=True)
class Delivery:
    delivered: int  # chats that got the message
    lost: int  # expected chats that got nothing
    duplicates: int  # extra copies beyond one per chat
    refused: int  # non-200 answers (e.g. 429 flood control) to sendMessage
    first_at: float
    last_at: float


def delivery(calls: list[Call], expected: set[int]) -> Delivery:
    sends = [c for c in calls if c.method == "sendMessage" and c.chat_id in expected]
    ok = [c for c in sends if c.status == 200]
    counts = Counter(c.chat_id for c in ok)
    return Delivery(
        delivered=len(counts),
        lost=len(expected - set(counts)),
        duplicates=sum(n - 1 for n in counts.values()),
        refused=len(sends) - len(ok),
        first_at=min((c.at for c in ok), default=0.0),
        last_at=max((c.at for c in ok), default=0.0),
    )
