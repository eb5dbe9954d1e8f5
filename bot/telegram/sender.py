"""Delivers the outbox through the Bot API.

- Order: messages to one chat go out one at a time, in order; different chats go out
  concurrently. A crisis or urgent row jumps its chat's queue and its chat jumps the others.
  When a row must wait (flood control, a network error), only the later rows of the same chat
  *and stream* wait behind it (outbox.stream_of: the check-ins, one concern, one update's
  replies…), so a student never gets question 3 before question 2 — while a failing export
  holds back neither the next question, /apua, nor an alert.
- Retries run at their own time: a deferred row sets a wake-up for its `not_before` (on the
  injected clock), so a 2-second backoff is 2 seconds, not "the next 30-second tick".
- Give-up times fit the message: a check-in question is tried while its check-in is open;
  anything else for a day (crisis replies and urgent alerts back off at most 10 s).
- Limits: flood.FloodControl (overall, per chat, per group; a 429 pauses every send, kept
  across restarts) sits under every call; what it gives up on is retried here.
- Failures: RetryAfter and network errors (5xx, timeouts) are retried with backoff; Forbidden
  (blocked, deactivated) marks the person unreachable and tells a student's coach once; a group
  that became a supergroup gets its new chat id stored and the message is sent there.
- Exactly once: a row is marked sent in the database right after Telegram accepts it. The
  only window in which a crash can repeat a message (Telegram has no idempotency key) is
  between Telegram's answer and that commit: at most the one message per chat in flight.
  A graceful stop lets in-flight sends finish and commit first, so it repeats nothing.
  Edits (no tracking) are the exception that proves it: the chat's next row does not wait for
  an accepted edit's commit, since repeating an edit changes nothing. Records commit in the
  order the rows were sent (one commit queue), so what a crash leaves unrecorded is the tail
  of each chat: a few edits and at most one message. A restart re-applies those edits in
  order — "not modified", or the same final state — and repeats at most that one message.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
import logging
import math
import re
import sqlite3
import warnings
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot, InputFile, Message
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.warnings import PTBUserWarning

from bot.clock import from_db, sleep_until
from bot.services import people
from bot.services.admin import school as admin
from bot.services.checkins import sessions as checkins
from bot.services.container import Services
from bot.services.messaging import delivery, outbox_store
from bot.services.messaging.outbox import PRIORITY_URGENT, OutboxRow, OutMessage, stream_of
from bot.storage.db import Tx

log = logging.getLogger(__name__)
MAX_TEXT = 4096
MAX_BACKOFF_SECONDS = 300.0
URGENT_MAX_BACKOFF_SECONDS = 10.0  # a crisis reply or an urgent alert is tried again soon
GIVE_UP_AFTER = timedelta(hours=24)  # a message this old that still cannot go is failed
SCAN_LIMIT = 5000
# Sends in flight at once: enough to keep the rate limit busy over a slow connection (rate x
# this many seconds of round trip), and no more — a crash can repeat exactly those in flight.
IN_FLIGHT_SECONDS = 0.3
MIN_WORKERS, MAX_WORKERS = 4, 64
_FINISHED_MEMORY = 50_000
# Repeating these changes nothing on Telegram ("message is not modified"), so the chat's next
# message need not wait for their "sent" commit.
_REPEATABLE_OPS = frozenset({"edit", "edit_markup"})
_TAG = re.compile(r"<[^>]+>")

# Texts, edits and keyboards, the bulk of what goes out, are posted with Bot.do_api_request
# and their answer is read as plain JSON: building a Message object from every answer and an
# InlineKeyboardMarkup for every keyboard took a fifth of the bot's CPU in a 1,000 msg/s round
# (bench "fan-out", py-spy), and the outbox needs only the message id. Same request, same
# errors, same flood control; PTB only suggests its typed method instead.
warnings.filterwarnings(
    "ignore",
    message=r"Please use 'Bot\.(sendMessage|editMessageText|editMessageReplyMarkup)' instead",
    category=PTBUserWarning,
)


@dataclass(frozen=True)
class Sent:
    """What Telegram answered to a call, as far as the outbox records it."""

    message_id: int | None = None
    poll_id: str | None = None

    @classmethod
    def of(cls, answer: object) -> Sent:
        if isinstance(answer, Message):
            return cls(answer.message_id, answer.poll.id if answer.poll else None)
        if isinstance(answer, dict):
            message_id = answer.get("message_id")
            poll = answer.get("poll")
            poll_id = poll.get("id") if isinstance(poll, dict) else None
            return cls(message_id if isinstance(message_id, int) else None, poll_id)
        return cls()  # True: an edit of an inline message, a deletion


# What a sent message means to a feature, recorded in the same transaction that marks the row
# sent: OutMessage.track key -> tracker(tx, the track value, message id, poll id).
Tracker = Callable[[Tx, Any, int | None, str | None], Awaitable[None]]
TRACKERS: dict[str, Tracker] = {}


def markup(message: OutMessage) -> dict[str, Any] | None:
    """The message's inline keyboard as the Bot API's JSON (None: no keyboard)."""
    if not message.buttons:
        return None
    return {
        "inline_keyboard": [
            [
                {"text": b.text, "url": b.url}
                if b.url
                else {"text": b.text, "callback_data": b.data}
                for b in row
            ]
            for row in message.buttons
        ]
    }


def _text(text: str, parse_mode: str | None) -> dict[str, Any]:
    return {"text": text} if parse_mode is None else {"text": text, "parse_mode": parse_mode}


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


def plain_text(text: str) -> str:
    """The text of an HTML message without its markup, for when Telegram cannot parse it."""
    return html.unescape(_TAG.sub("", text))


def workers_for(rate_per_second: float) -> int:
    """How many sends may be in flight at once for an overall rate limit."""
    return max(MIN_WORKERS, min(MAX_WORKERS, math.ceil(rate_per_second * IN_FLIGHT_SECONDS)))


def _row(r: sqlite3.Row) -> OutboxRow:
    until = r["after_until"]
    return OutboxRow(
        r["id"],
        r["chat_id"],
        r["priority"],
        OutMessage.from_json(r["payload"]),
        r["person_id"],
        r["idem_key"],
        r["after_id"],
        None if until is None else from_db(until),
    )


class Sender:
    def __init__(self, bot: Bot, svc: Services, *, workers: int = MAX_WORKERS) -> None:
        self.bot = bot
        self.svc = svc
        # Per-call timeouts for the Bot API (e.g. {"read_timeout": 10}); PTB's defaults if empty.
        self.timeouts: dict[str, float] = {}
        self._workers_count = workers
        self._chats: dict[int, deque[OutboxRow]] = {}
        self._ready: asyncio.PriorityQueue[tuple[int, int, int]] = asyncio.PriorityQueue()
        self._active: set[int] = set()  # chats waiting in _ready or being worked on
        self._working: set[int] = set()  # chats a worker is sending to right now
        self._in_flight: set[int] = set()  # row ids queued here or being sent
        self._recording: set[int] = set()  # repeatable rows sent, their commit still running
        self._background: set[asyncio.Task[None]] = set()
        # Rows sent or failed lately: a scan that read the outbox just before their commit
        # must not hand them out again.
        self._finished: OrderedDict[int, None] = OrderedDict()
        # (chat, stream) -> the id of its row waiting for a retry; later ordinary rows of the
        # same chat and stream wait (outbox.stream_of); the chat's other rows go on.
        self._held: dict[tuple[int, str], int] = {}
        self._held_changes = 0
        self._released: set[int] = set()  # held rows going now: the rows behind follow them
        # row id -> the rows waiting for it to be handled (outbox.send_after), and their ids
        self._waiting: dict[int, list[OutboxRow]] = {}
        self._parked: set[int] = set()
        self._parts_sent: dict[int, int] = {}  # row -> parts of a long message accepted so far
        self._order = itertools.count()
        self._workers: list[asyncio.Task[None]] = []
        self._wake: asyncio.Task[None] | None = None  # sleeps until the next retry is due
        self._wake_at: datetime | None = None
        self._delivering = 0
        self._quiet = asyncio.Event()
        self._quiet.set()
        self._stopping = False
        self.sent = 0
        self.failed = 0
        self.deferred = 0

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        self._stopping = False
        self._workers = [
            asyncio.create_task(self._work(), name=f"sender-{i}")
            for i in range(self._workers_count)
        ]
        await self.scan()
        await self._wake_for_next()

    async def stop(self, grace: float = 10.0) -> None:
        """Stop sending. In-flight sends get `grace` seconds to finish and be recorded, so a
        graceful stop repeats nothing; rows not started stay in the outbox for the next start.
        `grace=0` stops at once, as a crash would."""
        self._stopping = True
        if grace > 0 and self._delivering:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(grace):
                    await self._quiet.wait()
        wake = [self._wake] if self._wake is not None else []
        for task in [*self._workers, *self._background, *wake]:
            task.cancel()
        await asyncio.gather(*self._workers, *self._background, *wake, return_exceptions=True)
        self._workers = []
        self._wake = self._wake_at = None
        self._waiting.clear()  # they stay in the outbox, with their order, for the next start
        self._parked.clear()

    # -- queueing -------------------------------------------------------------------------

    def submit(self, rows: list[OutboxRow]) -> None:
        """Queue committed rows that are due now (rows due later are found by `scan`). The
        database hands every committed transaction's rows here (Database.on_commit)."""
        if self._stopping:
            return
        # A row and the row it waits for can come together (one transaction, or a scan after
        # a restart): the one waited for is queued first.
        for row in sorted(rows, key=lambda r: r.after is not None):
            if not self._waits(row):
                self._queue(row)

    def _waits(self, row: OutboxRow) -> bool:
        """Park a row whose predecessor (`send_after`) is still on its way. It goes once that
        one is handled (`_finish`), or at its `after_until` (a wake-up scan) at the latest."""
        if row.after is None or row.after_until is None:
            return False
        if row.after_until <= self.svc.clock.now():
            self._parked.discard(row.id)
            return False
        after = row.after
        on_its_way = (
            after in self._in_flight or after in self._recording or after in self._held.values()
        )
        if not on_its_way:
            return False
        if row.id not in self._parked:
            self._parked.add(row.id)
            self._waiting.setdefault(after, []).append(row)
            self._wake_for(row.after_until)
        return True

    def _queue(self, row: OutboxRow) -> None:
        if row.id in self._in_flight or row.id in self._finished or row.id in self._recording:
            return
        line = (row.chat_id, row.stream)
        held = self._held.get(line)
        if held == row.id:
            del self._held[line]  # the waiting row itself goes now, first
            self._released.add(row.id)
        elif held is not None and row.id > held and row.priority > PRIORITY_URGENT:
            return  # stays in the outbox until the row before it has gone
        self._in_flight.add(row.id)
        queue = self._chats.setdefault(row.chat_id, deque())
        if row.priority <= PRIORITY_URGENT:
            # ahead of ordinary rows, behind earlier urgent ones (crisis texts keep order)
            position = sum(1 for _ in itertools.takewhile(_urgent, queue))
            queue.insert(position, row)
        else:
            queue.append(row)
        if row.chat_id not in self._active:
            self._active.add(row.chat_id)
            self._ready.put_nowait((row.priority, next(self._order), row.chat_id))
        elif row.priority <= PRIORITY_URGENT and row.chat_id not in self._working:
            # the chat already waits in line with an ordinary priority: move it up
            self._ready.put_nowait((row.priority, next(self._order), row.chat_id))

    async def _due_rows(self, limit: int) -> list[sqlite3.Row]:
        now = self.svc.clock.now()
        changes = self._held_changes
        held: dict[tuple[int, str], int] = {}
        for r in await outbox_store.retrying_rows(self.svc.db, now):
            held.setdefault((r["chat_id"], stream_of(r["idem_key"])), r["id"])
        rows = await outbox_store.due_rows(self.svc.db, now, limit)
        if changes == self._held_changes:
            self._held = held  # the outbox is the truth; a deferral since then is kept
        else:
            self._held.update(held)
        return [
            r
            for r in rows
            if r["priority"] <= PRIORITY_URGENT
            or r["id"] <= held.get((r["chat_id"], stream_of(r["idem_key"])), r["id"])
        ]

    async def scan(self, limit: int = SCAN_LIMIT) -> int:
        """Pick up due rows from the database (after a restart, or once a retry is due)."""
        if self._stopping:
            return 0
        rows = [
            r
            for r in await self._due_rows(limit)
            if r["id"] not in self._in_flight
            and r["id"] not in self._finished
            and r["id"] not in self._recording
        ]
        # urgent first; otherwise in creation order, which keeps each chat's order
        rows.sort(key=lambda r: (r["priority"] > PRIORITY_URGENT, r["id"]))
        before = len(self._in_flight)
        self.submit([_row(r) for r in rows])
        return len(self._in_flight) - before

    # -- retries at their own time -----------------------------------------------------------

    def _wake_for(self, when: datetime) -> None:
        """Scan the outbox at `when` (a retry, or a row scheduled for later) — unless a wake-up
        at or before it is already set."""
        if self._stopping or (self._wake_at is not None and self._wake_at <= when):
            return
        if self._wake is not None:
            self._wake.cancel()
        self._wake_at = when
        self._wake = asyncio.create_task(self._wake_then_scan(when), name="sender-wake")

    async def _wake_then_scan(self, when: datetime) -> None:
        await sleep_until(self.svc.clock, when)
        self._wake = self._wake_at = None
        try:
            await self.scan()
            await self._wake_for_next()
        except Exception:  # the housekeeping tick scans too; log and let it
            log.exception("the outbox scan after a wake-up failed")

    async def _wake_for_next(self) -> None:
        """Set the wake-up for the earliest row that is waiting for a later time."""
        later = await outbox_store.next_due_at(self.svc.db, self.svc.clock.now())
        if later is not None:
            self._wake_for(later)

    async def idle(self) -> bool:
        """Nothing queued, nothing being sent, nothing due in the outbox — a row parked until
        a retry of the row it follows, or until its `after_until`, waits for a time, not for
        work, like a row due later."""
        if self._in_flight or self._recording:
            return False
        due = await self._due_rows(1000)
        return not [r for r in due if r["id"] not in self._finished and r["id"] not in self._parked]

    # -- working --------------------------------------------------------------------------

    async def _work(self) -> None:
        while True:
            _, _, chat_id = await self._ready.get()
            queue = self._chats.get(chat_id)
            if chat_id in self._working or not queue:
                continue  # a stale entry: the chat was moved up the line or is done
            self._working.add(chat_id)
            try:
                while queue and not self._stopping:
                    row = queue.popleft()
                    self._delivering += 1
                    self._quiet.clear()
                    try:
                        await self._deliver(row)
                        if row.id in self._released:
                            self._released.discard(row.id)
                            await self.scan()  # what waited behind it goes now
                    except Exception:  # one bad row must not stop the chat's queue
                        log.exception("outbox row %s could not be delivered", row.id)
                    finally:
                        self._in_flight.discard(row.id)
                        self._delivering -= 1
                        if not self._delivering:
                            self._quiet.set()
            finally:
                self._working.discard(chat_id)
                if not queue:
                    self._chats.pop(chat_id, None)
                    self._active.discard(chat_id)
                elif not self._stopping:
                    self._ready.put_nowait((queue[0].priority, next(self._order), chat_id))

    async def _deliver(self, row: OutboxRow, *, migrations: int = 0) -> None:
        try:
            sent = await self._call(row.chat_id, row.message, row_id=row.id, priority=row.priority)
        except RetryAfter as exc:
            wait = exc.retry_after  # a timedelta: bot/telegram/__init__.py opts into PTB_TIMEDELTA
            seconds = wait.total_seconds() if isinstance(wait, timedelta) else float(wait)
            await self._defer(row, seconds, f"flood: retry after {seconds:g}s", warn=False)
            return
        except ChatMigrated as exc:
            if migrations >= 2:
                await self._mark_failed(row, f"migrated again: {exc}", unreachable=False)
                return
            await self._migrated(row, int(exc.new_chat_id), migrations)
            return
        except Forbidden as exc:
            await self._mark_failed(row, f"Forbidden: {exc}", unreachable=True)
            return
        except BadRequest as exc:  # before NetworkError: BadRequest is a subclass of it
            await self._refused(row, exc)
            return
        except (NetworkError, TelegramError) as exc:
            # 5xx, timeouts, a dropped connection: the message may or may not have arrived.
            # Retrying is the only way not to lose it (a possible repeat, counted in tests).
            await self._network_error(row, exc)
            return
        except Exception as exc:  # a bug (e.g. an unknown op): fail the row, don't loop on it
            log.exception("outbox row %s cannot be sent", row.id)
            await self._mark_failed(row, f"error: {exc!r}", unreachable=False)
            return
        if row.message.op in _REPEATABLE_OPS and not row.message.track:
            self._record_in_background(row, sent)
            # One turn of the loop: the record task enqueues its transaction now, ahead of
            # anything the chat's next row commits, so records commit in the order sent.
            await asyncio.sleep(0)
            return
        await self._mark_sent(row, sent)

    def _record_in_background(self, row: OutboxRow, sent: Sent) -> None:
        """An accepted edit is recorded without holding up the chat's next message: after a
        crash a repeated edit changes nothing, so waiting for its commit bought no safety —
        only a commit's latency before every next question (bench/README.md)."""
        self._recording.add(row.id)
        self._delivering += 1
        self._quiet.clear()

        async def record() -> None:
            try:
                await self._mark_sent(row, sent)
            except Exception:
                log.exception("outbox row %s was sent but could not be recorded", row.id)
            finally:
                self._recording.discard(row.id)
                self._delivering -= 1
                if not self._delivering:
                    self._quiet.set()

        task = asyncio.create_task(record(), name=f"record-{row.id}")
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _refused(self, row: OutboxRow, exc: BadRequest) -> None:
        text = str(exc).lower()
        if (
            "not modified" in text
            or "message to edit not found" in text
            or (row.message.op == "delete" and "delete" in text)  # gone already, or too old
        ):
            await self._mark_sent(row, Sent())  # nothing left to do
        elif "can't parse entities" in text and row.message.op in ("send", "edit"):
            log.error("Telegram could not parse outbox row %s; sending it as plain text", row.id)
            try:
                sent = await self._call(row.chat_id, row.message, plain=True, priority=row.priority)
            except TelegramError as again:
                await self._mark_failed(row, f"BadRequest: {again}", unreachable=False)
            else:
                await self._mark_sent(row, sent)
        elif "chat not found" in text and row.chat_id > 0:
            await self._mark_failed(row, f"chat not found: {exc}", unreachable=True)
        else:
            log.error("Telegram refused outbox row %s: %s", row.id, exc)
            await self._mark_failed(row, f"BadRequest: {exc}", unreachable=False)

    def _kwargs(self) -> dict[str, Any]:
        return dict(self.timeouts)

    async def _call(
        self,
        chat_id: int,
        m: OutMessage,
        *,
        plain: bool = False,
        row_id: int | None = None,
        priority: int | None = None,
    ) -> Sent:
        parse_mode = None if plain else ParseMode.HTML
        text = plain_text(m.text) if plain else m.text
        extra = self._kwargs()
        if priority is not None:
            extra["rate_limit_args"] = priority  # its place in flood control's line
        if m.op == "send":
            chunks = split_text(text)
            # A long message goes in parts; a retry after a failed part starts from that part,
            # so what Telegram already accepted is not sent again (in this process's memory).
            start = self._parts_sent.get(row_id, 0) if row_id is not None else 0
            for n in range(start, len(chunks) - 1):
                await self._post("sendMessage", chat_id, _text(chunks[n], parse_mode), None, extra)
                if row_id is not None:
                    self._parts_sent[row_id] = n + 1
            last = _text(chunks[-1], parse_mode)
            sent = await self._post("sendMessage", chat_id, last, markup(m), extra)
            if row_id is not None:
                self._parts_sent.pop(row_id, None)
            return sent
        if m.op == "edit":
            fields = {"message_id": m.message_id, **_text(split_text(text)[0], parse_mode)}
            return await self._post("editMessageText", chat_id, fields, markup(m), extra)
        if m.op == "delete":
            return Sent.of(await self.bot.delete_message(chat_id, m.message_id or 0, **extra))
        if m.op == "edit_markup":
            fields = {"message_id": m.message_id}
            return await self._post("editMessageReplyMarkup", chat_id, fields, markup(m), extra)
        if m.op in ("document", "photo"):
            data = bytes.fromhex(m.file_hex or "")
            upload = InputFile(data, filename=m.file_name)
            caption = m.text[:1024] or None
            if m.op == "photo":
                return Sent.of(
                    await self.bot.send_photo(
                        chat_id, upload, caption=caption, parse_mode=ParseMode.HTML, **extra
                    )
                )
            return Sent.of(
                await self.bot.send_document(
                    chat_id, upload, caption=caption, parse_mode=ParseMode.HTML, **extra
                )
            )
        if m.op == "poll" and m.poll is not None:
            return Sent.of(await self.bot.send_poll(chat_id, **m.poll, **extra))
        raise ValueError(f"unknown outbox operation {m.op!r}")

    async def _post(
        self,
        endpoint: str,
        chat_id: int,
        fields: dict[str, Any],
        keyboard: dict[str, Any] | None,
        extra: dict[str, Any],
    ) -> Sent:
        """A text, an edit or a keyboard, with the answer read as JSON (see the warning filter
        above). Telegram's refusals raise the same TelegramError subclasses as the typed call."""
        api_kwargs: dict[str, Any] = {"chat_id": chat_id, **fields}
        if keyboard is not None:
            api_kwargs["reply_markup"] = keyboard
        return Sent.of(await self.bot.do_api_request(endpoint, api_kwargs=api_kwargs, **extra))

    # -- recording --------------------------------------------------------------------------

    def _finish(self, row: OutboxRow) -> None:
        self._parts_sent.pop(row.id, None)
        self._finished[row.id] = None
        while len(self._finished) > _FINISHED_MEMORY:
            self._finished.popitem(last=False)
        for waited in self._waiting.pop(row.id, []):  # e.g. the coach's alert: it goes now
            if not self._stopping and waited.id in self._parked:
                self._parked.discard(waited.id)
                self._queue(waited)

    async def _mark_sent(self, row: OutboxRow, sent: Sent) -> None:
        now = self.svc.clock.now()
        track = row.message.track or {}
        message_id, poll_id = sent.message_id, sent.poll_id

        async def work(tx: Tx) -> None:
            await outbox_store.mark_sent(tx, row.id, message_id, now)
            if "session" in track and message_id is not None:
                await outbox_store.record_session_message(tx, track["session"], message_id)
            if "poll" in track and row.message.poll is not None:
                await outbox_store.record_poll_message(tx, track["poll"], message_id)
            for key, value in track.items():
                tracker = TRACKERS.get(key)
                if tracker is not None:
                    await tracker(tx, value, message_id, poll_id)

        await self.svc.db.transaction(work)
        self._finish(row)
        self.sent += 1

    async def _network_error(self, row: OutboxRow, exc: TelegramError) -> None:
        found = await outbox_store.retry_state(self.svc.db, row.id)
        if found is None:
            return  # erased meanwhile (the student left)
        tried, created_at = found
        attempts = tried + 1
        age = self.svc.clock.now() - created_at
        asks = (row.message.track or {}).get("session")  # a check-in question
        session_status = None
        if asks is not None:
            session_status = await checkins.session_status(self.svc.db, asks)
        useless = _no_longer_useful(age, session_status)
        if useless:
            log.error(
                "giving up on outbox row %s after %s attempts (%s): %s",
                row.id,
                attempts,
                useless,
                exc,
            )
            await self._mark_failed(row, f"network: {exc} ({useless})", unreachable=False)
            return
        cap = URGENT_MAX_BACKOFF_SECONDS if row.priority <= PRIORITY_URGENT else MAX_BACKOFF_SECONDS
        backoff = min(2.0 ** min(attempts, 16), cap)
        await self._defer(row, backoff, f"network: {exc}")

    async def _defer(
        self, row: OutboxRow, seconds: float, error: str, *, warn: bool = True
    ) -> None:
        """Try again at its own time (a timer, not the housekeeping tick); the later ordinary
        rows of the same chat and stream wait behind this one, the chat's others go on."""
        due = self.svc.clock.now() + timedelta(seconds=max(seconds, 1.0))
        when = await self.svc.db.transaction(lambda tx: outbox_store.defer(tx, row.id, due, error))
        self.deferred += 1
        self._held_changes += 1
        line = (row.chat_id, row.stream)
        current = self._held.get(line)
        self._held[line] = row.id if current is None else min(current, row.id)
        self._wake_for(when)
        queue = self._chats.get(row.chat_id)
        if queue:
            waiting = [r for r in queue if r.priority > PRIORITY_URGENT and r.stream == row.stream]
            for r in waiting:
                queue.remove(r)
                self._in_flight.discard(r.id)
        (log.warning if warn else log.info)(
            "outbox row %s deferred %.0fs: %s", row.id, seconds, error[:200]
        )

    async def _mark_failed(self, row: OutboxRow, error: str, *, unreachable: bool) -> None:
        now = self.svc.clock.now()

        async def work(tx: Tx) -> list[OutboxRow]:
            await outbox_store.mark_failed(tx, row.id, error, now)
            notes: list[OutboxRow] = []
            if unreachable and row.person_id is not None:
                owner = await people.tg_user_id_of(tx, row.person_id)
                # e.g. a group message about someone: the group, not them, refused
                if owner == row.chat_id:
                    notes += await delivery.mark_unreachable(
                        tx, self.svc.tr, now, row.person_id, error
                    )
            if self.svc.on_undeliverable:
                key = await outbox_store.idem_key(tx, row.id)
                for hook in self.svc.on_undeliverable:  # e.g. an alert goes on to the backup
                    notes += await hook(tx, row.id, str(key), now)
            return notes

        notes = await self.svc.db.transaction(work)
        self._finish(row)
        self.failed += 1
        line = (row.chat_id, row.stream)
        if self._held.get(line) == row.id:
            del self._held[line]
            await self.scan()  # the rows that waited behind it go now
        self.submit(notes)

    async def _migrated(self, row: OutboxRow, new_chat_id: int, migrations: int) -> None:
        """A group became a supergroup: store the new id everywhere and send again."""
        log.info("chat %s migrated to %s", row.chat_id, new_chat_id)

        async def work(tx: Tx) -> None:
            await admin.move_group_chat(tx, row.chat_id, new_chat_id)
            await outbox_store.move_unsent(tx, row.chat_id, new_chat_id)

        await self.svc.db.transaction(work)
        row.message.chat_id = new_chat_id
        moved = replace(row, chat_id=new_chat_id)
        await self._deliver(moved, migrations=migrations + 1)


def _urgent(row: OutboxRow) -> bool:
    return row.priority <= PRIORITY_URGENT


def _no_longer_useful(age: timedelta, asks_in: str | None) -> str | None:
    """Why a message that keeps failing is given up now, or None to keep trying. Give-up
    times fit the message: a check-in question (`asks_in`: its check-in's status) is tried as
    long as its check-in is open, and not a moment longer; anything else for a day."""
    if asks_in is not None:
        return None if asks_in == "open" else f"its check-in is {asks_in}"
    if age > GIVE_UP_AFTER:
        return "older than a day"
    return None
