"""Delivers the outbox through the Bot API.

Messages to one chat go out in order; different chats go out concurrently; a crisis or urgent
row lets its chat jump the queue. A row is marked sent in the database right after Telegram
accepts it — the only window in which a crash could repeat a message (Telegram has no
idempotency key), kept as small as one commit.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections import deque
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter

from bot.clock import to_db
from bot.services.container import Services
from bot.services.outbox import OutboxRow, OutMessage
from bot.storage.db import Tx

log = logging.getLogger(__name__)
MAX_TEXT = 4096
MAX_ATTEMPTS = 8


def markup(message: OutMessage) -> InlineKeyboardMarkup | None:
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.text, callback_data=b.data, url=b.url) for b in row]
            for row in message.buttons
        ]
    )


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split at paragraph breaks so no message exceeds Telegram's limit; our HTML never spans
    paragraphs, so tags stay balanced. A single over-long paragraph is cut at a line break."""
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for paragraph in text.split("\n\n"):
        while len(paragraph) > limit:
            cut = paragraph.rfind("\n", 0, limit)
            cut = cut if cut > 0 else limit
            chunks.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip("\n")
        candidate = f"{current}\n\n{paragraph}" if current else paragraph
        if len(candidate) > limit:
            chunks.append(current)
            current = paragraph
        else:
            current = candidate
    if current:
        chunks.append(current)
    return chunks


class Sender:
    def __init__(self, bot: Bot, svc: Services, *, workers: int = 64) -> None:
        self.bot = bot
        self.svc = svc
        self._workers_count = workers
        self._chats: dict[int, deque[OutboxRow]] = {}
        self._ready: asyncio.PriorityQueue[tuple[int, int, int]] = asyncio.PriorityQueue()
        self._active: set[int] = set()
        self._in_flight: set[int] = set()
        self._order = itertools.count()
        self._workers: list[asyncio.Task[None]] = []
        self.sent = 0
        self.failed = 0

    async def start(self) -> None:
        self._workers = [
            asyncio.create_task(self._work(), name=f"sender-{i}")
            for i in range(self._workers_count)
        ]
        await self.scan()

    async def stop(self) -> None:
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []

    def submit(self, rows: list[OutboxRow]) -> None:
        for row in rows:
            if row.id in self._in_flight:
                continue
            self._in_flight.add(row.id)
            queue = self._chats.setdefault(row.chat_id, deque())
            if row.priority <= 1:
                queue.appendleft(row)
            else:
                queue.append(row)
            if row.chat_id not in self._active:
                self._active.add(row.chat_id)
                self._ready.put_nowait((row.priority, next(self._order), row.chat_id))

    async def scan(self, limit: int = 5000) -> int:
        """Pick up due rows from the database (after a restart, or once a retry is due)."""
        now = to_db(self.svc.clock.now())
        rows = await self.svc.db.fetchall(
            "SELECT id, chat_id, priority, payload, person_id FROM outbox"
            " WHERE sent_at IS NULL AND failed_at IS NULL AND not_before <= ?"
            " ORDER BY priority, id LIMIT ?",
            (now, limit),
        )
        fresh = [
            OutboxRow(
                r["id"],
                r["chat_id"],
                r["priority"],
                OutMessage.from_json(r["payload"]),
                r["person_id"],
            )
            for r in rows
            if r["id"] not in self._in_flight
        ]
        self.submit(fresh)
        return len(fresh)

    async def idle(self) -> bool:
        if self._in_flight:
            return False
        due = await self.svc.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL"
            " AND not_before <= ?",
            (to_db(self.svc.clock.now()),),
        )
        return not due

    async def _work(self) -> None:
        while True:
            _, _, chat_id = await self._ready.get()
            queue = self._chats.get(chat_id)
            try:
                while queue:
                    row = queue.popleft()
                    try:
                        await self._deliver(row)
                    except Exception:  # one bad row must not stop the chat's queue
                        log.exception("outbox row %s could not be delivered", row.id)
                    finally:
                        self._in_flight.discard(row.id)
            finally:
                self._chats.pop(chat_id, None)
                self._active.discard(chat_id)

    async def _deliver(self, row: OutboxRow) -> None:
        try:
            sent = await self._call(row.chat_id, row.message)
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            await self._retry_later(row, seconds, f"flood: retry after {seconds}s")
            return
        except ChatMigrated as exc:
            await self._migrated(row, exc.new_chat_id)
            return
        except Forbidden as exc:
            await self._mark_failed(row, str(exc), unreachable=True)
            return
        except BadRequest as exc:
            text = str(exc).lower()
            if "not modified" in text or "message to edit not found" in text:
                await self._mark_sent(row, None)
            else:
                log.error("Telegram refused outbox row %s: %s", row.id, exc)
                await self._mark_failed(row, str(exc), unreachable=False)
            return
        except NetworkError as exc:
            attempts = await self._attempts(row)
            if attempts >= MAX_ATTEMPTS:
                await self._mark_failed(row, f"network: {exc}", unreachable=False)
            else:
                await self._retry_later(row, min(2.0**attempts, 300.0), f"network: {exc}")
            return
        await self._mark_sent(row, sent.message_id if isinstance(sent, Message) else None)

    async def _call(self, chat_id: int, m: OutMessage) -> Message | bool:
        reply_markup = markup(m)
        if m.op == "send":
            chunks = split_text(m.text)
            for chunk in chunks[:-1]:
                await self.bot.send_message(chat_id, chunk, parse_mode=ParseMode.HTML)
            return await self.bot.send_message(
                chat_id,
                chunks[-1],
                parse_mode=ParseMode.HTML,
                reply_markup=reply_markup,
                link_preview_options=None,
            )
        if m.op == "edit":
            return await self.bot.edit_message_text(
                split_text(m.text)[0],
                chat_id=chat_id,
                message_id=m.message_id,
                parse_mode=ParseMode.HTML,
                reply_markup=reply_markup,
            )
        if m.op == "edit_markup":
            return await self.bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=m.message_id, reply_markup=reply_markup
            )
        if m.op in ("document", "photo"):
            data = bytes.fromhex(m.file_hex or "")
            upload = InputFile(data, filename=m.file_name)
            caption = m.text[:1024] or None
            if m.op == "photo":
                return await self.bot.send_photo(
                    chat_id, upload, caption=caption, parse_mode=ParseMode.HTML
                )
            return await self.bot.send_document(
                chat_id, upload, caption=caption, parse_mode=ParseMode.HTML
            )
        if m.op == "poll" and m.poll is not None:
            return await self.bot.send_poll(chat_id, **m.poll)
        raise ValueError(f"unknown outbox operation {m.op!r}")

    async def _mark_sent(self, row: OutboxRow, message_id: int | None) -> None:
        now = to_db(self.svc.clock.now())
        track = row.message.track or {}

        async def work(tx: Tx) -> None:
            await tx.execute(
                "UPDATE outbox SET sent_at = ?, message_id = ?, attempts = attempts + 1"
                " WHERE id = ?",
                (now, message_id, row.id),
            )
            if "session" in track and message_id is not None:
                await tx.execute(
                    "UPDATE sessions SET message_id = ? WHERE id = ?",
                    (message_id, track["session"]),
                )
            if "poll" in track and row.message.poll is not None:
                await tx.execute(
                    "UPDATE polls SET message_id = ? WHERE poll_id = ?",
                    (message_id, track["poll"]),
                )

        await self.svc.db.transaction(work)
        self.sent += 1

    async def _attempts(self, row: OutboxRow) -> int:
        value = await self.svc.db.fetchval("SELECT attempts FROM outbox WHERE id = ?", (row.id,))
        return int(value or 0) + 1

    async def _retry_later(self, row: OutboxRow, seconds: float, error: str) -> None:
        when = to_db(self.svc.clock.now() + timedelta(seconds=max(seconds, 1.0)))
        await self.svc.db.transaction(
            lambda tx: tx.execute(
                "UPDATE outbox SET attempts = attempts + 1, not_before = ?, error = ? WHERE id = ?",
                (when, error, row.id),
            )
        )

    async def _mark_failed(self, row: OutboxRow, error: str, *, unreachable: bool) -> None:
        now = to_db(self.svc.clock.now())

        async def work(tx: Tx) -> None:
            await tx.execute(
                "UPDATE outbox SET failed_at = ?, error = ?, attempts = attempts + 1 WHERE id = ?",
                (now, error[:300], row.id),
            )
            if unreachable and row.person_id is not None:
                await tx.execute(
                    "UPDATE persons SET unreachable_at = COALESCE(unreachable_at, ?) WHERE id = ?",
                    (now, row.person_id),
                )

        await self.svc.db.transaction(work)
        self.failed += 1

    async def _migrated(self, row: OutboxRow, new_chat_id: int) -> None:
        """A group became a supergroup: store the new id everywhere and send again."""

        async def work(tx: Tx) -> None:
            await tx.execute(
                "UPDATE groups SET chat_id = ? WHERE chat_id = ?", (new_chat_id, row.chat_id)
            )
            await tx.execute(
                "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND sent_at IS NULL",
                (new_chat_id, row.chat_id),
            )

        await self.svc.db.transaction(work)
        row.message.chat_id = new_chat_id
        await self._deliver(
            OutboxRow(row.id, new_chat_id, row.priority, row.message, row.person_id)
        )
