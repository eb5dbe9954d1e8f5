"""The running bot: storage, services, the PTB application, the sender and the clock tick."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder

from bot.clock import Clock, SystemClock
from bot.config import BASE_LANGUAGE, LANGUAGES, ConfigError, Settings
from bot.i18n import Translator
from bot.services.cases import contact_log
from bot.services.checkins.sessions import CheckinService
from bot.services.container import Services
from bot.services.flows import FlowRegistry
from bot.services.messaging import callbacks, flood_pause, inbox
from bot.storage.db import Database, Tx, cannot_write
from bot.storage.lock import InstanceLock
from bot.telegram.commands import menu
from bot.telegram.flood import FloodControl
from bot.telegram.http import AiohttpRequest
from bot.telegram.outage import Outage
from bot.telegram.processing import PerChatUpdateProcessor
from bot.telegram.receiving import STALE_AFTER, InboxQueue, Receiver
from bot.telegram.sender import Sender, workers_for

log = logging.getLogger(__name__)
TICK_SECONDS = 30


@dataclass(frozen=True)
class RateLimits:
    overall_per_second: float = 30.0
    group_per_minute: int = 20
    max_retries: int = 3
    # Telegram: about one message a second in a private chat, short bursts tolerated. None
    # turns per-chat pacing off (tests against a stand-in without limits).
    per_chat_per_second: float | None = 1.0
    per_chat_burst: int = 3
    # One person's updates (bot/telegram/pace.py): a burst, then this many a second. None
    # turns it off (tests that act faster than any person).
    per_user_per_second: float | None = 0.5
    per_user_burst: int = 20


class TokenFilter(logging.Filter):
    """httpx logs request URLs, and a Bot API URL contains the token: never let it through."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if self.token in message:
            record.msg = message.replace(self.token, "<token>")
            record.args = None
        return True


def protect_token_in_logs(token: str) -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    token_filter = TokenFilter(token)
    for handler in logging.getLogger().handlers:
        handler.addFilter(token_filter)
    for name in ("httpx", "aiohttp", "telegram", "telegram.ext", "apscheduler"):
        logging.getLogger(name).addFilter(token_filter)


def freeze_startup_heap() -> None:
    """What is loaded by now (code, flows, locales, the cue lexicon) lives as long as the
    process: take it out of the garbage collector's sight. Otherwise every full collection
    walks it all again — measured under load (bench/): 100–185 ms pauses of the whole bot
    every second or two, the main source of slow replies; frozen, a few milliseconds."""
    from bot.risk import other_languages
    from bot.risk.cues import default_detector

    default_detector()  # loaded on the first free text anyway; load it now, frozen with the rest
    other_languages.load_model()  # the Swedish and English one too
    gc.collect()
    gc.freeze()


class Runtime:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        jobs: bool = True,
        rate_limits: RateLimits | None = None,
        concurrency: int = 256,
        poll_timeout: int = 10,
    ) -> None:
        if not settings.telegram_bot_token:
            raise ConfigError("Invalid setting TELEGRAM_BOT_TOKEN: missing")
        self.settings = settings
        self.clock = clock or SystemClock()
        self.jobs = jobs
        self.rate_limits = rate_limits or RateLimits(settings.rate_limit_per_second)
        self.concurrency = concurrency
        self.poll_timeout = poll_timeout
        self.lock = InstanceLock(settings.database_path)
        self._stopped = asyncio.Event()
        self._tick_lock = asyncio.Lock()
        # Features add what must run when the clock moves (rounds, deadlines, reminders).
        self.tickers: list[Callable[[], Awaitable[None]]] = []
        # Feature services by name, created in each feature's register(h).
        self.features: dict[str, Any] = {}

    # -- lifecycle --------------------------------------------------------------------------

    async def start(self) -> None:
        token = self.settings.telegram_bot_token
        assert token is not None
        protect_token_in_logs(token)
        self.lock.acquire()
        try:
            await self._start()
        except BaseException:
            await self._close_after_failed_start()
            self.lock.release()
            raise

    async def _close_after_failed_start(self) -> None:
        """A start that failed half-way (e.g. no network) leaves no open sessions or files."""
        for request in getattr(self, "_requests", ()):
            with contextlib.suppress(Exception):
                await request.shutdown()
        if hasattr(self, "db"):
            with contextlib.suppress(Exception):
                await self.db.close()

    async def _start(self) -> None:
        settings = self.settings
        self.db = await Database.open(settings.database_path)
        translator = Translator(settings.locales_dir, settings.default_language)
        if translator.syntax_errors:
            raise ConfigError("locale files have errors: " + "; ".join(translator.syntax_errors))
        flows, problems = FlowRegistry.load(settings.flows_dir, translator)
        problems += contact_log.flows_problems(flows, settings.flows_dir)
        if problems:
            # The first problem on the first line: `kohtaamo run` prints that line alone.
            shown = "\n".join(str(p) for p in problems[1:20])
            raise ConfigError(
                f"flows have {len(problems)} problem(s), run `kohtaamo flows check`;"
                f" the first: {problems[0]}\n{shown}"
            )
        await flows.sync(self.db, self.clock.now())
        self.svc = Services(settings, self.db, self.clock, translator, flows)
        self.checkins = CheckinService(self.svc)
        self.flood = FloodControl(
            overall_per_second=self.rate_limits.overall_per_second,
            per_chat_per_second=self.rate_limits.per_chat_per_second,
            per_chat_burst=self.rate_limits.per_chat_burst,
            group_per_minute=self.rate_limits.group_per_minute,
            max_retries=self.rate_limits.max_retries,
            on_penalty=self._penalty,
        )
        # A penalty Telegram gave before a restart is still running: wait it out first.
        self.flood.pause(await flood_pause.remaining(self.db, self.clock.now()))
        self.processor = PerChatUpdateProcessor(self.concurrency, self._finished)
        self.updates = InboxQueue()
        self.app = self._build_application()
        self.receiver = Receiver(
            self.app.bot,
            self.db,
            self.clock,
            self.updates,
            allowed_updates=ALLOWED_UPDATES,
            poll_timeout=self.poll_timeout,
            on_unstored=self._unstored,
            on_stored_again=self._stored_again,
        )
        self.outage = Outage(self)
        from bot.telegram import handlers

        self.handlers = handlers.register(self.app, self)
        await self.app.initialize()
        self.sender = Sender(
            self.app.bot, self.svc, workers=workers_for(self.rate_limits.overall_per_second)
        )
        await self.sender.start()
        # From now on every committed outbox row goes straight to the sender: no use case
        # has to hand its rows over, and none can forget to.
        self.db.on_commit = self.sender.submit
        await self.app.start()
        await self._set_command_menus()
        # What was stored but not handled when the bot last stopped (a crash) goes first.
        await self.receiver.resume()
        if settings.webhook_url:
            await self._start_webhook()
        else:
            await self.receiver.start_polling()
        if self.jobs and self.app.job_queue is not None:
            self.app.job_queue.run_repeating(
                self._tick_job, interval=TICK_SECONDS, first=1, name="tick"
            )
        freeze_startup_heap()
        log.info("Kohtaamo is running as @%s", self.app.bot.username)

    def _build_application(self) -> Application:  # type: ignore[type-arg]
        settings = self.settings
        self._requests = (
            AiohttpRequest(connection_pool_size=128, pool_timeout=30.0),
            AiohttpRequest(connection_pool_size=1),
        )
        builder = (
            ApplicationBuilder()
            .token(settings.telegram_bot_token or "")
            .concurrent_updates(self.processor)
            .update_queue(self.updates)
            .rate_limiter(self.flood)  # bot/telegram/flood.py
            # aiohttp instead of PTB's default httpx pool, whose per-request bookkeeping grows
            # with the pool and cost more CPU than the bot's own work (bot/telegram/http.py)
            .request(self._requests[0])
            .get_updates_request(self._requests[1])
        )
        if settings.bot_api_base_url:
            builder = builder.base_url(settings.bot_api_base_url)
            builder = builder.base_file_url(
                settings.bot_api_file_url or settings.bot_api_base_url.replace("/bot", "/file/bot")
            )
        return builder.build()

    async def _start_webhook(self) -> None:
        settings = self.settings
        assert self.app.updater is not None
        assert settings.webhook_url is not None
        path = urlparse(settings.webhook_url).path.strip("/")
        await self.app.updater.start_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES,
        )

    async def stop(self) -> None:
        try:
            await self.receiver.stop_polling()
            if self.app.updater is not None and self.app.updater.running:
                await self.app.updater.stop()
            if self.app.running:
                await self.app.stop()
            self.db.on_commit = None
            await self.sender.stop()
            await self.app.shutdown()
            await self.db.close()
        finally:
            gc.unfreeze()  # a stopped runtime's objects may be collected again (tests restart)
            self.lock.release()
            self._stopped.set()

    async def _set_command_menus(self) -> None:
        tr = self.svc.tr
        for lang in LANGUAGES:
            if lang in BASE_LANGUAGE:  # Telegram's language_code is ISO 639-1: no variants
                continue
            commands = [
                BotCommand(name, tr.plain(lang, desc))
                for name, desc in menu(lang, frozenset({"student"}))
            ]
            try:
                await self.app.bot.set_my_commands(commands, language_code=lang)
                if lang == self.settings.default_language:
                    await self.app.bot.set_my_commands(commands)
            except TelegramError as exc:
                log.warning("could not set the %s command menu: %s", lang, exc)

    def available_commands(self) -> set[str]:
        return set(self.handlers.commands)

    async def set_chat_menu(self, chat_id: int, lang: str, roles: frozenset[str]) -> None:
        """A person's own menu follows the language they chose in the bot, not their app's."""
        tr = self.svc.tr
        commands = [
            BotCommand(name, tr.plain(lang, desc))
            for name, desc in menu(lang, roles, self.available_commands())
        ]
        try:
            await self.app.bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id))
        except TelegramError as exc:
            log.warning("could not set a chat's command menu: %s", exc)

    # -- time -------------------------------------------------------------------------------

    async def _tick_job(self, _context: object) -> None:
        await self.tick()

    async def tick(self) -> None:
        """Everything that is due at `clock.now()`: reminders, expiry, retries."""
        async with self._tick_lock:
            await self.checkins.remind_and_expire(self.svc.unit("tick:sessions"))
            for ticker in self.tickers:
                await ticker()
            await self.sender.scan()
            await self.receiver.resume(older_than=STALE_AFTER)
            try:
                await self._purge()
            except Exception as exc:
                if not cannot_write(exc):
                    raise
                self.outage.began(exc)
            else:
                await self.outage.ended()  # writes work (again)

    async def _purge(self) -> None:
        now = self.clock.now()

        async def work(tx: Tx) -> None:
            await callbacks.purge_expired(tx, now)
            await inbox.purge(tx, now)

        await self.db.transaction(work)

    async def _penalty(self, seconds: float) -> None:
        await flood_pause.save(self.svc.unit("flood"), seconds)

    async def _finished(self, update_id: int) -> None:
        await self.receiver.finished(update_id)

    async def _unstored(self, updates: list[Update], exc: BaseException) -> None:
        if cannot_write(exc):  # not a moment's lock: people hear it directly, once
            await self.outage.tell(updates, exc)

    async def _stored_again(self) -> None:
        await self.outage.ended()

    async def handling_failed(self, update: Update, exc: BaseException) -> bool:
        """A handler failed. True when it was because the database cannot be written: the
        person has been told directly and the update will be handled again later."""
        if not cannot_write(exc):
            return False
        self.receiver.redo_later(update.update_id)
        await self.outage.tell([update], exc)
        return True

    async def wait_stopped(self) -> None:
        await self._stopped.wait()


ALLOWED_UPDATES = [
    "message",
    "edited_message",
    "callback_query",
    "my_chat_member",
    "chat_member",
    "poll",
    "poll_answer",
]
