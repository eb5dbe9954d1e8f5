"""The transactional outbox: messages are written in the same transaction as the state change
that caused them, and a sender delivers them afterwards. Plain data; no Telegram here."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from typing import Any

from bot.clock import to_db
from bot.services.messaging.callbacks import button_data
from bot.storage.db import Tx

PRIORITY_CRISIS = 0
PRIORITY_URGENT = 1
PRIORITY_INTERACTIVE = 2
PRIORITY_NORMAL = 5
PRIORITY_BULK = 7
# How long a row waits for the row it must follow (`send_after`): a coach's alert for the
# student's own reply. Bounded, so a slow student chat never holds an alert back for long.
ORDER_WAIT = timedelta(seconds=5)


@dataclass(frozen=True)
class Button:
    text: str
    data: str | None = None
    url: str | None = None


def choice_rows(token: str, labels: Sequence[str], cancel: str | None = None) -> list[list[Button]]:
    """One button a row per label, pressed as its position; with `cancel`, a last row whose
    press is index -1."""
    rows = [[Button(label, button_data(token, i))] for i, label in enumerate(labels)]
    if cancel is not None:
        rows.append([Button(cancel, button_data(token, -1))])
    return rows


@dataclass
class OutMessage:
    """One Bot API call: send / edit / edit_markup / delete / document / photo / poll."""

    chat_id: int
    text: str = ""
    op: str = "send"
    buttons: list[list[Button]] = field(default_factory=list)
    message_id: int | None = None  # for edits and deletes
    file_name: str | None = None
    file_hex: str | None = None  # documents/photos are small (CSV, JSON export, PNG chart)
    poll: dict[str, Any] | None = None
    track: dict[str, Any] | None = None  # what to record once sent (e.g. a session's message)

    def to_json(self) -> str:
        # The same object `asdict` makes, without its deep copy of every value: a round
        # writes one per student (bench/README.md).
        raw = {name: getattr(self, name) for name in _MESSAGE_FIELDS}
        raw["buttons"] = [
            [{"text": b.text, "data": b.data, "url": b.url} for b in row] for row in self.buttons
        ]
        return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> OutMessage:
        raw = json.loads(text)
        raw["buttons"] = [[Button(**b) for b in row] for row in raw.get("buttons", [])]
        return cls(**raw)


_MESSAGE_FIELDS = tuple(f.name for f in fields(OutMessage))


@dataclass(frozen=True)
class OutboxRow:
    id: int
    chat_id: int
    priority: int
    message: OutMessage
    person_id: int | None = None
    key: str = ""  # the idempotency key
    # Goes only once row `after` was handled (sent or failed), or at `after_until` at the
    # latest (`send_after`).
    after: int | None = None
    after_until: datetime | None = None

    @property
    def stream(self) -> str:
        return stream_of(self.key)


_SUBJECT_STREAMS = {
    "c": "SELECT student_id FROM concerns WHERE id = ?",
    "s": "SELECT subject_id FROM sessions WHERE id = ?",
}
_STREAM_ID = re.compile(r"([cs])(\d+)")
_SESSION_KEY = re.compile(r"s\d+")


async def _stream_subject(tx: Tx, stream: str) -> int | None:
    """The student a concern's or a session's messages ("c7", "s12") are about (`enqueue`)."""
    found = _STREAM_ID.fullmatch(stream)
    if found is None:
        return None
    value = await tx.fetchval(_SUBJECT_STREAMS[found.group(1)], (int(found.group(2)),))
    return None if value is None else int(value)


def stream_of(key: str) -> str:
    """The conversation a message belongs to, for ordering: the first part of its key —
    "c7" a concern, "u301" one update's replies, "crisis", … — except that all check-in
    sessions of a chat ("s12", "s13") are one conversation: a new check-in's first question
    must never overtake the closing words of the last one. Within a chat, a message that must
    be retried holds back only the later messages of its own stream; the others have no
    reason to wait for it."""
    head = key.split(":", 1)[0]
    return "s" if _SESSION_KEY.fullmatch(head) else head


def written(*rows: OutboxRow | None) -> list[OutboxRow]:
    """The rows `enqueue` wrote, leaving out its None for a key already used."""
    return [row for row in rows if row is not None]


async def enqueue(
    tx: Tx,
    key: str,
    message: OutMessage,
    *,
    now: datetime,
    priority: int = PRIORITY_INTERACTIVE,
    person_id: int | None = None,
    subject_id: int | None = None,
    session_id: int | None = None,
    round_id: int | None = None,
    not_before: datetime | None = None,
) -> OutboxRow | None:
    """Insert once per idempotency key; a repeated key returns None and sends nothing.

    `person_id` is the recipient; `subject_id` the one student a staff message is about (an
    alert, a case's prompt): a student's export and erasure find staff messages by it. A
    concern's messages (its stream, keys "c<id>:…") are about the concern's student, and a
    session's ("s<id>:…") about the student the session is about (a coach's contact log),
    unless told otherwise — so no alert, edit, handover or note can be left out."""
    if subject_id is None:
        subject_id = await _stream_subject(tx, key.split(":", 1)[0])
    row_id = await tx.execute(
        "INSERT INTO outbox (idem_key, priority, chat_id, person_id, subject_id, payload,"
        " round_id, session_id, not_before, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT(idem_key) DO NOTHING",
        (
            key,
            priority,
            message.chat_id,
            person_id,
            subject_id,
            message.to_json(),
            round_id,
            session_id,
            to_db(not_before or now),
            to_db(now),
        ),
    )
    if not row_id or await tx.fetchval("SELECT changes()") == 0:
        return None
    row = OutboxRow(row_id, message.chat_id, priority, message, person_id, key)
    if not_before is None or not_before <= now:
        send_on_commit(tx, [row])  # a row for later is found by the sender's scan then
    return row


def send_on_commit(tx: Tx, rows: Sequence[OutboxRow]) -> None:
    """Rows due now that `tx` wrote without `enqueue` (a round's bulk insert): the sender
    gets them as soon as the transaction commits, like every enqueued row."""
    for row in rows:
        tx.outgoing[row.id] = row


async def enqueue_each(
    tx: Tx,
    key: str,
    messages: Sequence[OutMessage],
    *,
    now: datetime,
    priority: int = PRIORITY_INTERACTIVE,
    person_id: int | None = None,
    not_before: datetime | None = None,
) -> list[OutboxRow]:
    """Several messages in order, keyed "<key>:0", "<key>:1", … (the rest as for `enqueue`).
    Returns the rows written: a key already used writes nothing."""
    rows: list[OutboxRow] = []
    for n, message in enumerate(messages):
        row = await enqueue(
            tx,
            f"{key}:{n}",
            message,
            now=now,
            priority=priority,
            person_id=person_id,
            not_before=not_before,
        )
        rows += written(row)
    return rows


async def send_after(
    tx: Tx, first: Sequence[OutboxRow], then: Sequence[OutboxRow], *, now: datetime
) -> list[OutboxRow]:
    """`then` goes only after the last of `first` was handled — sent, or given up — and
    ORDER_WAIT after `now` at the latest. The order is stored with the rows, so a restart
    keeps it: a coach's alert never arrives before the student's own reply, and a slow
    student chat never holds the alert back for long. Returns `then` as it will be sent."""
    if not first or not then:
        return list(then)
    last = max(r.id for r in first)
    until = now + ORDER_WAIT
    waiting = [replace(r, after=last, after_until=until) for r in then]
    await tx.executemany(
        "UPDATE outbox SET after_id = ?, after_until = ? WHERE id = ?",
        [(last, to_db(until), r.id) for r in waiting],
    )
    for r in waiting:
        if r.id in tx.outgoing:
            tx.outgoing[r.id] = r
    return waiting
