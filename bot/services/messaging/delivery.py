"""What happened to a round's messages, and who cannot be reached.

- `mark_unreachable` runs inside the transaction that records a refused send (or Telegram's
  news that a student blocked the bot) and tells the student's coach once per episode.
- `round_reports` counts, per round: sent (and answered), waiting, failed, unreachable, and
  the students the round did not message (already answered, paused, unreachable, not joined).
  Counts only: a report never lists who answered what.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime

from bot.clock import from_db, to_db
from bot.i18n import Translator
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutboxRow, OutMessage, enqueue
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

log = logging.getLogger(__name__)
UNREACHABLE_ERRORS = ("forbidden", "unreachable", "chat not found")


async def mark_unreachable(
    tx: Tx, tr: Translator, now: datetime, person_id: int, reason: str
) -> list[OutboxRow]:
    """Record that Telegram will not deliver to this person (blocked the bot, deactivated
    account). A student's coach (or, without one, the backup coach) hears it once per episode:
    the note's key is the moment the episode began."""
    began = await tx.fetchval("SELECT unreachable_at FROM persons WHERE id = ?", (person_id,))
    if began is not None:
        return []
    stamp = to_db(now)
    await tx.execute("UPDATE persons SET unreachable_at = ? WHERE id = ?", (stamp, person_id))
    row = await tx.fetchone(
        "SELECT p.display_name, g.name AS group_name, COALESCE(s.coach_id, s.backup_coach_id)"
        " AS coach_id FROM students s JOIN persons p ON p.id = s.person_id"
        " LEFT JOIN groups g ON g.id = s.group_id WHERE s.person_id = ?"
        " AND s.status IN ('active', 'invited')",
        (person_id,),
    )
    log.info("person %s is unreachable: %s", person_id, reason[:100])
    if row is None or row["coach_id"] is None:
        return []
    coach = await tx.fetchone(
        "SELECT id, tg_user_id, language FROM persons WHERE id = ? AND unreachable_at IS NULL",
        (row["coach_id"],),
    )
    if coach is None or coach["tg_user_id"] is None:
        return []
    who = row["display_name"] + (f" ({row['group_name']})" if row["group_name"] else "")
    note = await enqueue(
        tx,
        f"unreachable:{person_id}:{stamp}",
        OutMessage(
            coach["tg_user_id"], tr.html(coach["language"], "delivery-unreachable-coach", name=who)
        ),
        now=now,
        priority=PRIORITY_NORMAL,
        person_id=coach["id"],
        subject_id=person_id,
    )
    return [note] if note else []


async def mark_reachable(tx: Tx, person_id: int) -> bool:
    """The person is back (unblocked the bot): rounds include them again."""
    changed = await tx.execute(
        "UPDATE persons SET unreachable_at = NULL WHERE id = ? AND unreachable_at IS NOT NULL",
        (person_id,),
    )
    return changed > 0


# -- delivery reports -------------------------------------------------------------------------


@dataclass
class RoundReport:
    round_id: int
    schedule_id: int | None
    period_key: str
    due_at: datetime
    status: str  # 'sent', 'skipped' or 'missed'
    flow_id: str | None
    reason: str | None = None  # why skipped/missed: holiday, break, shift-collides, late, …
    reason_name: str | None = None  # e.g. the break's name
    blocked: str | None = None  # 'holiday' or 'break' when one skipped or moved the round
    sent: int = 0
    answered: int = 0
    waiting: int = 0
    failed: int = 0
    unreachable: int = 0  # at round time, plus those Telegram refused during the round
    already: int = 0  # had this period's check-in already, or one in progress
    paused: int = 0
    inactive: int = 0  # invited but not joined yet
    not_at_risk_point: int = 0  # a risk-point check-in: students not at a risk point that day
    refused: int = 0  # messages Telegram refused because the student is unreachable

    @property
    def messages(self) -> int:
        """Check-ins this round wrote for students."""
        return self.sent + self.waiting + self.failed + self.refused


def _note(text: str | None) -> dict[str, object]:
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {"reason": text}
    return data if isinstance(data, dict) else {}


async def round_reports(db: Reads, round_ids: list[int]) -> list[RoundReport]:
    """Reports for the given rounds, in the given order."""
    if not round_ids:
        return []
    marks = ",".join("?" * len(round_ids))
    rounds = await db.fetchall(
        f"SELECT r.*, s.flow_id FROM rounds r LEFT JOIN schedules s ON s.id = r.schedule_id"
        f" WHERE r.id IN ({marks})",
        round_ids,
    )
    by_id: dict[int, RoundReport] = {}
    for r in rounds:
        note = _note(r["note"])
        counts = note.get("counts") if isinstance(note.get("counts"), dict) else {}
        assert isinstance(counts, dict)
        report = RoundReport(
            round_id=r["id"],
            schedule_id=r["schedule_id"],
            period_key=r["period_key"],
            due_at=from_db(r["due_at"]),
            status=r["status"],
            flow_id=str(note.get("flow") or r["flow_id"] or "") or None,
            reason=str(note["reason"]) if note.get("reason") else None,
            reason_name=str(note["name"]) if note.get("name") else None,
            blocked=str(note["blocked"]) if note.get("blocked") else None,
            already=int(counts.get("already", 0)) + int(counts.get("in_progress", 0)),
            paused=int(counts.get("paused", 0)),
            unreachable=int(counts.get("unreachable", 0)),
            inactive=int(counts.get("inactive", 0)),
            not_at_risk_point=int(counts.get("not_at_risk_point", 0)),
        )
        by_id[report.round_id] = report
    rows = await db.fetchall(
        f"SELECT o.round_id, o.sent_at, o.failed_at, o.error, se.status AS session_status"
        f" FROM outbox o LEFT JOIN sessions se ON se.id = o.session_id"
        f" WHERE o.round_id IN ({marks})",
        round_ids,
    )
    for row in rows:
        report = by_id[row["round_id"]]
        if row["sent_at"] is not None:
            report.sent += 1
            report.answered += row["session_status"] == "completed"
        elif row["failed_at"] is not None:
            error = (row["error"] or "").lower()
            if any(marker in error for marker in UNREACHABLE_ERRORS):
                report.refused += 1
                report.unreachable += 1
            else:
                report.failed += 1
        else:
            report.waiting += 1
    return [by_id[i] for i in round_ids if i in by_id]


async def recent_rounds(db: Reads, schedule_id: int, limit: int = 4) -> list[RoundReport]:
    ids = [
        int(r["id"])
        for r in await db.fetchall(
            "SELECT id FROM rounds WHERE schedule_id = ? ORDER BY due_at DESC, id DESC LIMIT ?",
            (schedule_id, limit),
        )
    ]
    return await round_reports(db, ids)


async def private_chat_changed(
    unit: UnitOfWork, tr: Translator, person_id: int, *, blocked: bool
) -> None:
    """Telegram says the person blocked the bot (`blocked`) or unblocked it: they are left out
    of rounds, and a student's coach is told (`mark_unreachable`), or they are included again."""
    now = unit.now

    async def work(tx: Tx) -> None:
        if blocked:
            await mark_unreachable(tx, tr, now, person_id, "blocked the bot")
        else:
            await mark_reachable(tx, person_id)

    await unit.run(work)
