"""Receiving updates durably: stored in the inbox before Telegram is told they arrived.

PTB's `Updater` confirms a batch (moves the getUpdates offset on) as soon as it has put the
updates into the application's queue — before any handler ran — so a crash right after loses
them. Here the same path serves polling and webhooks:

    Telegram ──getUpdates / webhook POST──► Receiver.accept ──commit──► confirm ──► handle ──► done

- Polling: our own loop. A batch is committed to the inbox in one transaction; only then does
  the next getUpdates carry the new offset. If the commit fails, the offset stays where it was
  and Telegram keeps the updates for the next try.
- Webhook: PTB's webhook handler puts each update into the application's queue and answers 200
  when `put` returns; `InboxQueue.put` commits to the inbox first, so 200 means stored. When the
  commit fails the handler answers 500 and Telegram delivers the update again later.
- Done: the update processor marks an update done after its handlers ran (`finished`). An update
  stored but not done is handled again on the next start, and, while running, when it has waited
  longer than `STALE_AFTER` (its handling failed to record, e.g. the disk was full).
- Repeats: an update id already in the inbox is not handled a second time.

When the inbox cannot be written at all (disk full, read-only), `on_unstored` is told, so the
person can hear it directly (no database needed) — see runtime.Runtime.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram import Bot, Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut

from bot.clock import Clock
from bot.services.messaging import inbox
from bot.services.messaging.inbox import Received
from bot.storage.db import Database

log = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=1)
MAX_POLL_BACKOFF_SECONDS = 30.0

Unstored = Callable[[list[Update], BaseException], Awaitable[None]]


def received(update: Update) -> Received:
    chat, user = update.effective_chat, update.effective_user
    return Received(
        update.update_id,
        chat.id if chat is not None else None,
        user.id if user is not None else None,
        json.dumps(update.to_dict(), ensure_ascii=False, separators=(",", ":")),
    )


class InboxQueue(asyncio.Queue[object]):
    """The application's update queue. `put` (PTB's webhook handler calls it before answering
    Telegram) stores the update first; `dispatch` hands an already stored update on."""

    receiver: Receiver | None = None

    async def put(self, item: object) -> None:
        if isinstance(item, Update) and self.receiver is not None:
            await self.receiver.accept([item])  # raises when not stored: the webhook says 500
            return
        await super().put(item)

    def dispatch(self, item: object) -> None:
        self.put_nowait(item)


class Receiver:
    def __init__(
        self,
        bot: Bot,
        db: Database,
        clock: Clock,
        queue: InboxQueue,
        *,
        allowed_updates: list[str],
        poll_timeout: int,
        on_unstored: Unstored | None = None,
        on_stored_again: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.bot = bot
        self.db = db
        self.clock = clock
        self.queue = queue
        self.allowed_updates = allowed_updates
        self.poll_timeout = poll_timeout
        self.on_unstored = on_unstored
        self.on_stored_again = on_stored_again
        self.offset = 0
        self.handling: set[int] = set()  # dispatched in this process, not done yet
        self._redo: set[int] = set()  # handling failed to write: leave waiting, redo later
        self.changed = asyncio.Event()
        self._unstored_since: BaseException | None = None
        self._polling: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        queue.receiver = self

    # -- receiving ------------------------------------------------------------------------

    async def accept(self, updates: list[Update]) -> None:
        """Store, then hand on the new ones. Raises when they could not be stored."""
        if not updates:
            return
        try:
            new = await inbox.receive(self.db, self.clock.now(), [received(u) for u in updates])
        except Exception as exc:
            await self._unstored(updates, exc)
            raise
        if self._unstored_since is not None:
            self._unstored_since = None
            log.warning("incoming updates are stored again")
            if self.on_stored_again is not None:
                await self.on_stored_again()
        for update in updates:
            if update.update_id in new:
                self._dispatch(update)

    async def _unstored(self, updates: list[Update], exc: BaseException) -> None:
        if self._unstored_since is None:
            log.error("incoming updates cannot be stored (kept at Telegram for now): %s", exc)
        self._unstored_since = exc
        if self.on_unstored is not None:
            try:
                await self.on_unstored(updates, exc)
            except Exception:
                log.exception("could not tell the sender that their message waits")

    def _dispatch(self, update: Update) -> None:
        self.handling.add(update.update_id)
        self.changed.set()
        self.queue.dispatch(update)

    def redo_later(self, update_id: int) -> None:
        """The update's handling could not be written: it stays waiting in the inbox and is
        handled again once the database takes writes (see `resume`)."""
        self._redo.add(update_id)

    async def finished(self, update_id: int) -> None:
        """Called by the update processor once an update's handlers have run."""
        if update_id in self._redo:
            self._redo.discard(update_id)
            self.handling.discard(update_id)
            self.changed.set()
            return
        try:
            await inbox.finish(self.db, self.clock.now(), [update_id])
        except Exception:  # stays waiting; handled again when the database takes writes
            log.exception("update %s was handled but could not be marked done", update_id)
        finally:
            self.handling.discard(update_id)
            self.changed.set()

    async def resume(self, *, older_than: timedelta | None = None) -> int:
        """Hand on stored updates that are not done (after a crash, or whose handling failed
        to record); returns how many."""
        before = self.clock.now() - older_than if older_than is not None else None
        count = 0
        for row in await inbox.waiting(self.db, received_before=before):
            if row.update_id in self.handling:
                continue
            update = Update.de_json(json.loads(row.payload), self.bot) if row.payload else None
            if update is None:
                continue
            self._dispatch(update)
            count += 1
        if count:
            log.info("handling %d stored update(s) again", count)
        return count

    # -- polling --------------------------------------------------------------------------

    async def start_polling(self) -> None:
        await self.bot.delete_webhook()  # getUpdates is refused while a webhook is set
        self._stopping.clear()
        self._polling = asyncio.create_task(self._poll(), name="receiver-polling")

    async def stop_polling(self) -> None:
        if self._polling is None:
            return
        self._stopping.set()
        self._polling.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._polling
        self._polling = None
        # Confirm what was stored, so the next start is not sent it again (it would be
        # recognised, but this saves the round trip).
        with contextlib.suppress(TelegramError):
            await self.bot.get_updates(offset=self.offset, timeout=0, limit=1)

    async def _poll(self) -> None:
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                updates = await self.bot.get_updates(
                    offset=self.offset,
                    timeout=self.poll_timeout,
                    allowed_updates=self.allowed_updates,
                )
                await self.accept(list(updates))
            except asyncio.CancelledError:
                raise
            except InvalidToken:
                log.error("Telegram refused the bot token; polling stopped")
                return
            except RetryAfter as exc:
                await self._wait(_seconds(exc.retry_after))
                continue
            except TimedOut:
                continue  # a long poll that took too long: ask again at once
            except Conflict as exc:
                log.error("another process polls with this token: %s", exc)
                await self._wait(backoff)
                backoff = min(backoff * 2, MAX_POLL_BACKOFF_SECONDS)
                continue
            except Exception as exc:  # network trouble, or the inbox could not be written
                log.warning("polling for updates failed, trying again: %s", exc)
                await self._wait(backoff)
                backoff = min(backoff * 2, MAX_POLL_BACKOFF_SECONDS)
                continue
            backoff = 1.0
            if updates:
                # Stored: the next getUpdates confirms them to Telegram.
                self.offset = updates[-1].update_id + 1

    async def _wait(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)


def _seconds(value: object) -> float:
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(value) if isinstance(value, int | float) else 1.0
