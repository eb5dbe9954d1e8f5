"""/kuulumiset and the check-in's answer buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.services.checkins.sessions import ACTION_ANSWER
from bot.services.messaging.callbacks import Callback, CallbackRefused

if TYPE_CHECKING:
    from bot.telegram.handlers import Handlers, Turn

WEEKLY_FLOW = "viikkokysely"


def register(h: Handlers) -> None:
    async def checkin(c: Turn) -> None:
        assert c.person is not None  # the command is for students only
        await h.rt.checkins.start(c, c.person, c.chat_id, WEEKLY_FLOW)

    async def answer(c: Turn, callback: Callback, index: int, message_id: int) -> str | None:
        if c.person is None:
            raise CallbackRefused("callback-not-yours", hostile=True)
        outcome = await h.rt.checkins.press(c, c.person, callback, index, c.chat_id, message_id)
        return outcome.toast

    h.commands["checkin"] = checkin
    h.actions[ACTION_ANSWER] = answer
