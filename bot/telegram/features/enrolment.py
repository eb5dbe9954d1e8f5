"""`/start <token>`: opening a personal invite link, consent, joining; and the housekeeping
ticker that purges delivered ephemeral messages and expired pending inputs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.services.admin import inputs as admin_inputs
from bot.services.enrolment.joining import (
    ACCEPT,
    ACTION_INVITE,
    DECLINE,
    STEP_CONSENT,
    EnrolmentService,
    Joining,
)
from bot.services.messaging.callbacks import Callback, CallbackRefused
from bot.services.privacy.outbox import purge_short_lived

if TYPE_CHECKING:
    from bot.telegram.handlers import Handlers, Turn


def telegram_name(c: Turn) -> str:
    user = c.update.effective_user
    if user is None:
        return ""
    return " ".join(part for part in (user.first_name, user.last_name) if part)


def register(h: Handlers) -> None:
    service = EnrolmentService(h.rt.svc)
    h.rt.features["enrolment"] = service

    async def start_payload(c: Turn, payload: str) -> None:
        if not c.private:
            await h.say_text(c, "group-use-private")
            return
        key = c.key("invite")
        await service.open(c, c.tg_user_id, c.chat_id, c.person, payload, key, c.lang)

    async def press(c: Turn, callback: Callback, index: int, message_id: int) -> str | None:
        if not c.private:
            raise CallbackRefused("callback-invalid", hostile=True)
        if Joining.of(callback).step == STEP_CONSENT and index in (ACCEPT, DECLINE):
            await admin_inputs.consume(c, callback)
        joined = await service.press(
            c, c.tg_user_id, c.chat_id, c.person, callback, index, message_id, telegram_name(c)
        )
        if joined.menu is not None:
            await h.rt.set_chat_menu(c.chat_id, joined.lang, joined.menu)
        return joined.outcome.toast

    async def housekeeping() -> None:
        await purge_short_lived(h.rt.svc.unit("tick:housekeeping"))

    h.start_payload = start_payload
    h.actions[ACTION_INVITE] = press
    h.rt.tickers.append(housekeeping)
