"""One list-of-choices widget for every menu that picks a person or a group: a page of buttons,
◀️ ▶️ between pages, an optional "none of these" row and the shared ✖️ Peruuta. The ids and
labels stay server-side in the button's payload (bot/services/messaging/callbacks.py); a
button carries only a token and an index, so nobody can pick an id they were not offered.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING, Generic, TypeVar

from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import Button, OutMessage

if TYPE_CHECKING:
    from bot.telegram.handlers import Turn

# Button indexes beyond any page's choices.
PREV, NEXT, NONE, CANCEL = 1000, 1001, 999, 998
LABEL_LIMIT = 40

# How a feature writes its replies (admin: not kept once delivered; contacts: audited).
Send = Callable[["Turn", OutMessage], Awaitable[None]]


def label(text: str) -> str:
    """A button label short enough for a phone's screen."""
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"


@dataclass(frozen=True, kw_only=True)
class Choices(Payload):
    """A picker's part of a button's payload: what is on offer, by index. An action whose
    buttons include a picker subclasses this with its own fields (what the choice is for)."""

    ids: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    page: int = 0
    none_label: str | None = None
    cancel_label: str = "✖️"


P = TypeVar("P", bound=Choices)


@dataclass(frozen=True)
class Picker(Generic[P]):
    payload: type[P]  # its presses' payload, and so the action they are routed by
    page_size: int = 10
    columns: int = 1
    ttl: timedelta = timedelta(minutes=30)

    async def show(
        self,
        c: Turn,
        choice: P,
        ids: Sequence[int],
        labels: Sequence[str],
        *,
        cancel_label: str,
        page: int = 0,
        none_label: str | None = None,
    ) -> list[list[Button]]:
        """The buttons of page `page`; `choice` says what the choice is for and rides along
        with the ids and labels on offer."""
        stored = replace(
            choice,
            ids=list(ids),
            labels=list(labels),
            page=page,
            none_label=none_label,
            cancel_label=cancel_label,
        )
        now, user, ttl = c.now, c.tg_user_id, self.ttl
        token = await c.run(lambda tx: callbacks.issue(tx, now, user, stored, ttl=ttl))
        return self._buttons(token, labels, page, none_label, cancel_label)

    def _buttons(
        self,
        token: str,
        labels: Sequence[str],
        page: int,
        none_label: str | None,
        cancel_label: str,
    ) -> list[list[Button]]:
        start = page * self.page_size
        shown = [
            Button(label(name), callbacks.button_data(token, i))
            for i, name in list(enumerate(labels))[start : start + self.page_size]
        ]
        rows = [shown[i : i + self.columns] for i in range(0, len(shown), self.columns)]
        nav = []
        if page > 0:
            nav.append(Button("◀️", callbacks.button_data(token, PREV)))
        if start + self.page_size < len(labels):
            nav.append(Button("▶️", callbacks.button_data(token, NEXT)))
        if nav:
            rows.append(nav)
        if none_label:
            rows.append([Button(none_label, callbacks.button_data(token, NONE))])
        rows.append([Button(cancel_label, callbacks.button_data(token, CANCEL))])
        return rows

    async def turn_page(
        self, c: Turn, cb: Callback, index: int, message_id: int, send: Send
    ) -> bool:
        """A press of ◀️ or ▶️ shows the other page in the same message; True when it was
        one."""
        if index not in (PREV, NEXT):
            return False
        p = self.payload.of(cb)
        buttons = await self.show(
            c,
            p,
            p.ids,
            p.labels,
            cancel_label=p.cancel_label,
            page=max(0, p.page + (1 if index == NEXT else -1)),
            none_label=p.none_label,
        )
        await send(
            c, OutMessage(c.chat_id, op="edit_markup", message_id=message_id, buttons=buttons)
        )
        return True


def chosen(choice: Choices, index: int) -> int:
    """The id a press picked; an index the picker never offered is a forged press."""
    if not 0 <= index < len(choice.ids):
        raise CallbackRefused("callback-invalid", hostile=True)
    return choice.ids[index]
