"""Thin handlers: Telegram in, a domain call, Telegram out."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.config import LANGUAGES
from bot.services import callbacks, people
from bot.services.audit import audit
from bot.services.callbacks import CallbackRefused
from bot.services.checkins import ACTION_ANSWER
from bot.services.outbox import Button, OutMessage
from bot.services.people import Person
from bot.telegram.commands import BY_NAME
from bot.telegram.runtime import Runtime

log = logging.getLogger(__name__)
ACTION_LANGUAGE = "language"
Handler = Callable[["Caller"], Awaitable[None]]


@dataclass(frozen=True)
class Caller:
    """Who is talking to the bot, decided from the database — never from the update's claims
    beyond the Telegram user id itself."""

    update: Update
    tg_user_id: int
    chat_id: int
    private: bool
    person: Person | None
    lang: str
    args: list[str]


class Handlers:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.commands: dict[str, Handler] = {
            "start": self.start,
            "help": self.help,
            "language": self.language,
            "checkin": self.checkin,
        }

    # -- plumbing ---------------------------------------------------------------------------

    async def caller(self, update: Update, args: list[str] | None = None) -> Caller | None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None or user.is_bot:
            return None
        person = await people.person_by_tg(self.rt.db, user.id)
        lang = (
            person.language
            if person
            else await people.language_for(self.rt.db, user.id, user.language_code)
        )
        return Caller(
            update,
            user.id,
            chat.id,
            chat.type == ChatType.PRIVATE,
            person,
            self.rt.svc.tr.language(lang),
            args or [],
        )

    def text(self, c: Caller, msg_id: str, **args: object) -> str:
        return self.rt.svc.tr.html(c.lang, msg_id, **args)

    async def say(self, c: Caller, *messages: OutMessage) -> None:
        await self.rt.reply(c.update.update_id, c.chat_id, *messages)

    async def say_text(self, c: Caller, msg_id: str, **args: object) -> None:
        await self.say(c, OutMessage(c.chat_id, self.text(c, msg_id, **args)))

    # -- entry points -------------------------------------------------------------------------

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or not message.text:
            return
        head, *args = message.text.split()
        name, _, addressee = head[1:].partition("@")
        if addressee and addressee.lower() != (context.bot.username or "").lower():
            return  # a command for another bot in a group
        c = await self.caller(update, args)
        if c is None:
            return
        command = BY_NAME.get(name.lower())
        if command is None:
            await self.say_text(c, "unknown-command", command=f"/{name[:32]}")
            return
        if not c.private and command.key not in ("start", "help"):
            await self.say_text(c, "group-use-private")
            return
        await self.commands[command.key](c)

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        c = await self.caller(update)
        if c is None or message is None or not c.private:
            return
        if c.person is None:
            await self.say_text(c, "not-enrolled")
            return
        if c.person.is_student:
            outcome = await self.rt.checkins.typed(c.person, c.chat_id, message.text or "")
            if outcome is not None:
                self.rt.deliver(outcome)
                return
            await self.say_text(c, "text-no-checkin", name=c.person.first_name)
            return
        await self.say_text(c, "staff-text-help")

    async def on_other_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        c = await self.caller(update)
        if c is not None and c.private:
            await self.say_text(c, "unsupported-message")

    async def on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        c = await self.caller(update)
        if c is None:
            await query.answer()
            return
        now = self.rt.clock.now()
        try:
            callback, index = await callbacks.resolve(
                self.rt.db, now, c.tg_user_id, query.data or ""
            )
            toast = await self.dispatch(
                c, callback, index, query.message.message_id if query.message else 0
            )
        except CallbackRefused as refused:
            await self.refuse(c, refused)
            await query.answer(self.rt.svc.tr.plain(c.lang, refused.reason), show_alert=False)
            return
        await query.answer(toast)

    async def refuse(self, c: Caller, refused: CallbackRefused) -> None:
        """A forged, foreign or replayed button: nothing changes, and a hostile one is audited."""
        if not refused.hostile:
            return
        now = self.rt.clock.now()
        actor_id = c.person.id if c.person else None
        await self.rt.db.transaction(
            lambda tx: audit(
                tx,
                now,
                "callback_refused",
                actor_id=actor_id,
                actor_tg_id=c.tg_user_id,
                reason=refused.reason,
            )
        )

    async def dispatch(
        self, c: Caller, callback: callbacks.Callback, index: int, message_id: int
    ) -> str | None:
        if callback.action == ACTION_ANSWER:
            if c.person is None:
                raise CallbackRefused("callback-not-yours", hostile=True)
            outcome = await self.rt.checkins.press(c.person, callback, index, c.chat_id, message_id)
            self.rt.deliver(outcome)
            return outcome.toast
        if callback.action == ACTION_LANGUAGE:
            return await self.choose_language(c, index, message_id)
        raise CallbackRefused("callback-invalid", hostile=True)

    # -- commands -----------------------------------------------------------------------------

    async def start(self, c: Caller) -> None:
        if c.person is not None:
            await self.say_text(c, "start-welcome-back", name=c.person.first_name)
            return
        await self.say(c, await self.language_prompt(c, self.text(c, "start-welcome")))

    async def help(self, c: Caller) -> None:
        roles = c.person.roles if c.person else frozenset()
        key = "help-staff" if roles - {"student"} else "help-student"
        await self.say(
            c, OutMessage(c.chat_id, self.text(c, key) + "\n\n" + self.text(c, "help-crisis"))
        )

    async def language(self, c: Caller) -> None:
        await self.say(c, await self.language_prompt(c, self.text(c, "language-choose")))

    async def language_prompt(self, c: Caller, text: str) -> OutMessage:
        token = await self.rt.db.transaction(
            lambda tx: callbacks.issue(tx, self.rt.clock.now(), c.tg_user_id, ACTION_LANGUAGE, {})
        )
        buttons = [
            [
                Button(self.rt.svc.tr.plain(lang, "language-name"), callbacks.button_data(token, i))
                for i, lang in enumerate(LANGUAGES)
            ]
        ]
        return OutMessage(c.chat_id, text, buttons=buttons)

    async def choose_language(self, c: Caller, index: int, message_id: int) -> str | None:
        if not 0 <= index < len(LANGUAGES):
            raise CallbackRefused("callback-invalid", hostile=True)
        lang = LANGUAGES[index]
        await people.set_language(self.rt.db, self.rt.clock.now(), c.tg_user_id, lang)
        roles = c.person.roles if c.person else frozenset()
        await self.rt.set_chat_menu(c.chat_id, lang, roles)
        done = self.rt.svc.tr.html(lang, "language-set")
        await self.say(c, OutMessage(c.chat_id, done, op="edit", message_id=message_id))
        return None

    async def checkin(self, c: Caller) -> None:
        if c.person is None or not c.person.is_student:
            await self.say_text(c, "students-only")
            return
        self.rt.deliver(await self.rt.checkins.start(c.person, c.chat_id, "viikkokysely"))

    # -- errors -------------------------------------------------------------------------------

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        log.error("update handling failed: %s", context.error, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat and update.effective_user:
            c = await self.caller(update)
            if c is not None:
                if update.callback_query is not None:
                    try:
                        await update.callback_query.answer(
                            self.rt.svc.tr.plain(c.lang, "error-generic-short")
                        )
                    except Exception:  # the query may already be answered
                        log.debug("could not answer the failed callback", exc_info=True)
                if c.private:
                    await self.say_text(c, "error-generic")


def register(app: Application, rt: Runtime) -> None:  # type: ignore[type-arg]
    h = Handlers(rt)
    app.add_handler(MessageHandler(filters.COMMAND, h.on_command))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, h.on_text))
    app.add_handler(CallbackQueryHandler(h.on_callback))
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, h.on_other_message
        )
    )
    app.add_error_handler(h.on_error)
