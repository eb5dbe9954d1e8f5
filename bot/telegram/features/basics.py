"""/start, /apua, /kieli: what everyone can do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.config import LANGUAGES
from bot.services import people
from bot.services.cases.crisis import local_help_text
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import Button, OutMessage

if TYPE_CHECKING:
    from bot.telegram.handlers import Handlers, Turn

ACTION_LANGUAGE = "language"


@dataclass(frozen=True)
class LanguageChoice(Payload, action=ACTION_LANGUAGE):
    """/kieli: the index is the language (people.language_rows)."""


def register(h: Handlers) -> None:
    async def start(c: Turn) -> None:
        if c.args and h.start_payload is not None:
            await h.start_payload(c, c.args[0])
            return
        if c.person is not None:
            await h.say_text(c, "start-welcome-back", name=c.person.first_name)
            return
        await h.say(c, await language_prompt(c, h.text(c, "start-welcome")))

    async def help_(c: Turn) -> None:
        key = "help-staff" if c.roles - {"student"} else "help-student"
        text = h.text(c, key) + "\n\n" + h.text(c, "help-crisis")
        local = local_help_text(h.rt.svc.tr, c.lang, h.rt.settings.local_help)
        await h.say(c, OutMessage(c.chat_id, text + (f"\n\n{local}" if local else "")))

    async def language(c: Turn) -> None:
        await h.say(c, await language_prompt(c, h.text(c, "language-choose")))

    async def language_prompt(c: Turn, text: str) -> OutMessage:
        now = c.now
        token = await c.run(lambda tx: callbacks.issue(tx, now, c.tg_user_id, LanguageChoice()))
        buttons = [
            [
                Button(h.rt.svc.tr.plain(lang, "language-name"), callbacks.button_data(token, i))
                for i, lang in row
            ]
            for row in people.language_rows()
        ]
        return OutMessage(c.chat_id, text, buttons=buttons)

    async def choose_language(c: Turn, _cb: Callback, index: int, message_id: int) -> str | None:
        if not 0 <= index < len(LANGUAGES):
            raise CallbackRefused("callback-invalid", hostile=True)
        lang = LANGUAGES[index]
        await people.set_language(c, c.tg_user_id, lang)
        await h.rt.set_chat_menu(c.chat_id, lang, c.roles)
        done = h.rt.svc.tr.html(lang, "language-set")
        await h.say(c, OutMessage(c.chat_id, done, op="edit", message_id=message_id))
        return None

    h.commands.update(start=start, help=help_, language=language)
    h.actions[ACTION_LANGUAGE] = choose_language
