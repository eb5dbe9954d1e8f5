"""Thin handlers: Telegram in, a domain call, Telegram out.

`Handlers` is the switchboard. Each feature module in `bot/telegram/features/` registers its
commands, button actions, text filters, clock ticks and check-in hooks through `register(h)`,
so features stay in their own files.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date
from enum import IntEnum
from typing import TypeVar

from telegram import CallbackQuery, Document, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    PollAnswerHandler,
    PollHandler,
    TypeHandler,
    filters,
)

from bot.services import people
from bot.services.audit import audit
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused
from bot.services.messaging.delivery import mark_reachable
from bot.services.messaging.outbox import OutMessage, enqueue_each
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.telegram.commands import BY_NAME
from bot.telegram.pace import UserPace
from bot.telegram.runtime import Runtime

log = logging.getLogger(__name__)
T = TypeVar("T")
# Telegram never sends a longer text; anything longer did not come from it and is cut before
# it is read (a forged update must not buy minutes of analysis).
MAX_TEXT = 4096
# Someone not enrolled is answered at most this often, directly: nothing of theirs is stored.
STRANGER_REPLY_EVERY = 600.0


@dataclass(frozen=True)
class Turn(UnitOfWork):
    """One update's unit of work: who is talking — decided from the database, never from the
    update's claims beyond the Telegram user id itself —, the moment it is handled (`now`, read
    once), the idempotency key its replies are written under (`u<update id>`), and its one way
    to write (`run`). Every outbox row a `run` writes goes to the sender when it commits
    (Database.on_commit), so no handler delivers anything itself."""

    update: Update
    tg_user_id: int
    chat_id: int
    private: bool
    person: Person | None
    lang: str
    args: list[str]

    @property
    def roles(self) -> frozenset[str]:
        return self.person.roles if self.person else frozenset()

    def key(self, what: object | None = None) -> str:
        """Replies go under `u<update id>:<chat>` unless told what else they are."""
        return super().key(self.chat_id if what is None else what)


class Typed(IntEnum):
    """Who a private text is for, asked in this order: a crisis first, whatever else the text
    is; then an answer the bot asked for (a date, a name, a broadcast, a plan step); then the
    open dialog (a check-in, a contact log); then the default reply."""

    CRISIS = 0
    AWAITED = 1


CommandHandler = Callable[[Turn], Awaitable[None]]
# (caller, callback, button index, message id) -> toast text for the press, or None
ActionHandler = Callable[[Turn, Callback, int, int], Awaitable[str | None]]
# (caller, text) -> True when the text was fully handled
TextFilter = Callable[[Turn, str], Awaitable[bool]]
DocumentFilter = Callable[[Turn, Document], Awaitable[bool]]
UpdateHandler = Callable[[Update], Awaitable[None]]


class Handlers:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.commands: dict[str, CommandHandler] = {}
        self.actions: dict[str, ActionHandler] = {}
        # Asked in `Typed` order on every private text before the open dialog and the default
        # (`on_typed`); e.g. the crisis check first (it replies at once but may let the text
        # go on to the check-in as its answer).
        self._typed: list[tuple[Typed, int, TextFilter]] = []
        # Files a person sends (a coordinator's roster CSV); the first filter that takes it wins.
        self.document_filters: list[DocumentFilter] = []
        self.start_payload: Callable[[Turn, str], Awaitable[None]] | None = None
        self.membership: list[UpdateHandler] = []  # my_chat_member / migrations in groups
        self.polls: list[UpdateHandler] = []  # poll and poll_answer updates
        self._stranger_replies: dict[int, float] = {}  # Telegram id -> when last answered

    # -- plumbing ---------------------------------------------------------------------------

    def on_typed(self, precedence: Typed, text_filter: TextFilter) -> None:
        """Ask `text_filter` about every private text, in `precedence` order; within one
        precedence in the order registered (they wait for different things, so at most one
        of them takes a text)."""
        self._typed.append((precedence, len(self._typed), text_filter))
        self._typed.sort(key=lambda entry: entry[:2])

    async def caller(self, update: Update, args: list[str] | None = None) -> Turn | None:
        user, chat = update.effective_user, update.effective_chat
        if user is None or chat is None or user.is_bot:
            return None
        if chat.type == ChatType.PRIVATE and chat.id != user.id:
            # A private chat is the sender's own: an update claiming otherwise is forged (e.g.
            # POSTed to the webhook) and would answer someone's data into another chat.
            log.warning("dropped update %s: private chat is not the sender's", update.update_id)
            return None
        person = await people.person_by_tg(self.rt.db, user.id)
        if person is not None and person.unreachable:
            # Whoever writes or presses a button can be reached again. The flag came with the
            # lookup every update makes anyway, so a clear flag costs nothing extra.
            person = await self._reachable_again(person)
        lang = (
            person.language
            if person
            else await people.language_for(self.rt.db, user.id, user.language_code)
        )
        return Turn(
            self.rt.db,
            self.rt.clock.now(),
            f"u{update.update_id}",
            update,
            user.id,
            chat.id,
            chat.type == ChatType.PRIVATE,
            person,
            self.rt.svc.tr.language(lang),
            args or [],
        )

    async def _reachable_again(self, person: Person) -> Person:
        person_id = person.id
        await self.rt.db.transaction(lambda tx: mark_reachable(tx, person_id))
        return replace(person, unreachable=False)

    def unit(self, update: Update) -> UnitOfWork:
        """The unit of work of an update that has no caller to answer (a membership change,
        a poll's vote): keyed by the update like a `Turn`."""
        return self.rt.svc.unit(f"u{update.update_id}")

    def today(self, c: Turn) -> date:
        """The school's date when this update is handled."""
        return c.today(self.rt.svc.settings.tz)

    def text(self, c: Turn, msg_id: str, **args: object) -> str:
        return self.rt.svc.tr.html(c.lang, msg_id, **args)

    async def say(self, c: Turn, *messages: OutMessage) -> None:
        """Plain replies also go through the outbox, keyed by the update, so a repeated
        update never answers twice and replies keep their order with everything else."""

        await c.run(lambda tx: enqueue_each(tx, c.key(), messages, now=c.now))

    async def say_text(self, c: Turn, msg_id: str, **args: object) -> None:
        await self.say(c, OutMessage(c.chat_id, self.text(c, msg_id, **args)))

    async def say_unstored(self, c: Turn, msg_id: str, **args: object) -> None:
        """A reply to someone not enrolled: sent directly, not through the outbox (nothing of
        theirs is stored), and at most once per STRANGER_REPLY_EVERY — answering a stranger
        costs one Bot API call, however much they write."""
        now = time.monotonic()
        if now - self._stranger_replies.get(c.tg_user_id, -STRANGER_REPLY_EVERY) < (
            STRANGER_REPLY_EVERY
        ):
            return
        if len(self._stranger_replies) > 10_000:
            self._stranger_replies = {
                u: t for u, t in self._stranger_replies.items() if now - t < STRANGER_REPLY_EVERY
            }
        self._stranger_replies[c.tg_user_id] = now
        try:
            await self.rt.app.bot.send_message(
                c.chat_id, self.text(c, msg_id, **args), parse_mode="HTML"
            )
        except TelegramError as exc:
            log.info("could not answer someone not enrolled: %s", exc)

    async def refuse(self, c: Turn, refused: CallbackRefused) -> None:
        """A forged, foreign or replayed button: nothing changes, and a hostile one is audited."""
        if not refused.hostile:
            return
        now = c.now
        actor_id = c.person.id if c.person else None
        await c.run(
            lambda tx: audit(
                tx,
                now,
                "callback_refused",
                actor_id=actor_id,
                actor_tg_id=c.tg_user_id,
                reason=refused.reason,
            )
        )

    async def refuse_role(self, c: Turn, what: str) -> None:
        """A command or button the caller's role does not allow: a kind no, and an audit row."""
        now = c.now
        actor_id = c.person.id if c.person else None
        await c.run(
            lambda tx: audit(
                tx, now, "role_refused", actor_id=actor_id, actor_tg_id=c.tg_user_id, what=what
            )
        )
        await self.say_text(c, "not-allowed")

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
        handler = self.commands.get(command.key) if command else None
        if command is None or handler is None:
            if c.private:
                await self.say_text(c, "unknown-command", command=f"/{name[:32]}")
            return
        if not c.private and not command.in_groups:
            await self.say_text(c, "group-use-private")
            return
        if not command.allowed(c.roles):
            await self.refuse_role(c, command.key)
            return
        await handler(c)

    async def on_text(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        c = await self.caller(update)
        if c is None or message is None or not c.private:
            return
        if await self.typed_text(c, (message.text or "")[:MAX_TEXT]):
            return
        if c.person is None:
            await self.say_unstored(c, "not-enrolled")
        elif c.person.is_student:
            await self.say_text(c, "text-no-checkin", name=c.person.first_name)
        else:
            await self.say_text(c, "staff-text-help")

    async def typed_text(self, c: Turn, text: str) -> bool:
        """What a person wrote, offered in `Typed` order and then to their open dialog (a
        student's check-in, a coach's contact log); True when one of them took it."""
        for _, _, text_filter in self._typed:
            if await text_filter(c, text):
                return True
        if c.person is None:
            return False
        outcome = await self.rt.checkins.typed(c, c.person, c.chat_id, text, c.update.update_id)
        return outcome is not None

    async def on_other_message(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        c = await self.caller(update)
        if c is None or not c.private:
            return
        message = update.effective_message
        if message is not None and message.document is not None:
            for document_filter in self.document_filters:
                if await document_filter(c, message.document):
                    return
        # A photo's or a voice message's caption is the student's own words: a crisis said
        # there is met like a typed one, and an open question takes it as its answer.
        caption = (message.caption or "")[:MAX_TEXT] if message is not None else ""
        if caption.strip() and await self.typed_text(c, caption):
            return
        # Pictures and voice stay unread: the reply says so, and where to turn right now.
        await self.say_text(c, "unsupported-message")

    async def on_callback(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        c = await self.caller(update)
        if c is None:
            await _toast(query)
            return
        message_id = query.message.message_id if query.message else 0
        try:
            callback, index = await callbacks.resolve(
                self.rt.db, self.rt.clock.now(), c.tg_user_id, query.data or ""
            )
            action = self.actions.get(callback.action)
            if action is None:
                raise CallbackRefused("callback-invalid", hostile=True)
            toast = await action(c, callback, index, message_id)
        except CallbackRefused as refused:
            await self.refuse(c, refused)
            await _toast(query, self.rt.svc.tr.plain(c.lang, refused.reason))
            return
        await _toast(query, toast)

    async def on_membership(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        for handler in self.membership:
            await handler(update)

    async def on_poll(self, update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        for handler in self.polls:
            await handler(update)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        failed = context.error
        if isinstance(update, Update) and failed and await self.rt.handling_failed(update, failed):
            log.warning("update %s waits for the database: %s", update.update_id, failed)
            return
        log.error("update handling failed: %s", context.error, exc_info=context.error)
        if not isinstance(update, Update):
            return
        c = await self.caller(update)
        if c is None:
            return
        if update.callback_query is not None:
            try:
                await update.callback_query.answer(
                    self.rt.svc.tr.plain(c.lang, "error-generic-short")
                )
            except Exception:  # the query may already be answered
                log.debug("could not answer the failed callback", exc_info=True)
        if c.private:
            await self.say_text(c, "error-generic")


async def _toast(query: CallbackQuery, text: str | None = None) -> None:
    """The short answer on a pressed button. The action is already committed by now: if the
    toast cannot be shown (a dropped connection, a query too old), the action still stands —
    it must not be reported as a failure ("something went wrong, try again")."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        log.info("could not show the toast of a press (the action stands): %s", exc)


def register(app: Application, rt: Runtime) -> Handlers:  # type: ignore[type-arg]
    from bot.telegram.features import FEATURES

    h = Handlers(rt)
    for feature in FEATURES:
        feature(h)
    limits = rt.rate_limits
    if limits.per_user_per_second:
        pace = UserPace(rt, burst=limits.per_user_burst, rate=limits.per_user_per_second)
        rt.features["pace"] = pace
        app.add_handler(TypeHandler(Update, pace.guard), group=-1)
    app.add_handler(MessageHandler(filters.COMMAND, h.on_command))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, h.on_text))
    app.add_handler(CallbackQueryHandler(h.on_callback))
    app.add_handler(ChatMemberHandler(h.on_membership, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, h.on_membership))
    app.add_handler(PollHandler(h.on_poll))
    app.add_handler(PollAnswerHandler(h.on_poll))
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL,
            h.on_other_message,
        )
    )
    app.add_error_handler(h.on_error)
    return h
