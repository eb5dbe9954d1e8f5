"""What staff read about cases: the /seuranta list, a case card, a student's case history, and
the coordinator's CSV export with response times per level.

Everything here only composes text and files; the callers write the audit rows (every read of
a student's case is a staff read) and send the messages as ephemeral rows.
"""

from __future__ import annotations

import html
import io
import json
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import from_db, to_db
from bot.config import base_language
from bot.csv_safe import SafeWriter
from bot.i18n import Translator
from bot.reports.aggregate import recovery
from bot.reports.data import AnswerRow, ConcernRow
from bot.services.cases.followups import OVERDUE, CaseLine
from bot.services.cases.text import ConcernText, ConcernView, short_date
from bot.storage.db import Reads


def esc(text: str) -> str:
    return html.escape(text, quote=False)


class CaseTexts:
    def __init__(
        self,
        tr: Translator,
        text: ConcernText,
        tz: ZoneInfo,
        reason_label: Callable[[str, str], str],
        now: Callable[[], datetime],
        recovery_weeks: int,
    ) -> None:
        self.now = now
        self.recovery_weeks = recovery_weeks
        self.tr = tr
        self.text = text
        self.tz = tz
        self.reason_label = reason_label

    def contact_line(self, lang: str, t: Any) -> str:
        """• 23.11. Puhelu · tavoitettu · Opiskelija, Huoltaja · Matti Virtanen"""
        tr = self.tr
        parts = [
            short_date(date.fromisoformat(t["contacted_on"])),
            tr.plain(lang, "q-yht-miten", t["channel"])
            if tr.has(lang, "q-yht-miten", t["channel"])
            else t["channel"],
            tr.plain(lang, "case-reached" if t["reached"] else "case-not-reached"),
        ]
        who = [
            tr.plain(lang, "q-yht-keta", p)
            for p in json.loads(t["participants"] or "[]")
            if tr.has(lang, "q-yht-keta", p)
        ]
        if who:
            parts.append(", ".join(who))
        if t["coach"]:
            parts.append(t["coach"])
        return "• " + esc(" · ".join(parts))

    # -- /seuranta ----------------------------------------------------------------------------

    def list_line(self, lang: str, n: int, case: CaseLine, today: date, *, coach: bool) -> str:
        tr = self.tr
        badge = tr.plain(lang, "risk-level", case.level).split(" ")[0]
        where = f" ({esc(case.group)})" if case.group else ""
        urgency = case.urgency(today)
        if urgency == OVERDUE and case.due_on is not None:
            state = tr.plain(
                lang,
                "case-st-overdue",
                days=(today - case.due_on).days,
                date=short_date(case.due_on),
            )
        elif case.status == "open":
            state = tr.plain(lang, "case-st-unacked", date=short_date(case.created_at.date()))
        elif case.due_on == today:
            state = tr.plain(lang, "case-st-today")
        elif case.due_on is not None:
            state = tr.plain(lang, "case-st-due", date=short_date(case.due_on))
        else:
            state = (
                tr.plain(lang, "risk-status", case.status)
                + " · "
                + tr.plain(lang, "case-st-no-step")
            )
        line = f"{n}. {badge} <b>{esc(case.student_name)}</b>{where} — {esc(state)}"
        if coach and case.coach_name:
            line += " · " + esc(tr.plain(lang, "case-coach", name=case.coach_name))
        return line

    # -- a case card and a student's history --------------------------------------------------

    async def case_block(self, db: Reads, lang: str, concern: ConcernView, *, full: bool) -> str:
        """One case: level, status, dates, why, contacts with notes, next step, closure."""
        tr = self.tr
        row = await db.fetchone(
            "SELECT c.closed_at, c.closure_reason, c.source, k.display_name AS coach"
            " FROM concerns c LEFT JOIN persons k ON k.id = c.coach_id WHERE c.id = ?",
            (concern.id,),
        )
        assert row is not None
        opened = short_date(concern.created_at.astimezone(self.tz).date())
        head = tr.plain(lang, "risk-level", concern.level)
        lines = [
            f"<b>{esc(head)}</b> · "
            + esc(tr.plain(lang, "case-opened", date=opened))
            + " · "
            + esc(tr.plain(lang, "risk-status", concern.status))
        ]
        if row["coach"]:
            lines.append(esc(tr.plain(lang, "case-coach", name=row["coach"])))
        if full or row["source"] == "coach":
            lines += await self.text.reason_lines(db, lang, concern.reasons, digest=True)
        contacts = await db.fetchall(
            "SELECT t.contacted_on, t.channel, t.participants, t.note, t.reached,"
            " p.display_name AS coach FROM contacts t LEFT JOIN persons p ON p.id = t.coach_id"
            " WHERE t.concern_id = ? ORDER BY t.contacted_on, t.id",
            (concern.id,),
        )
        for t in contacts:
            lines.append(self.contact_line(lang, t))
            if t["note"]:
                lines.append("   " + tr.html(lang, "case-note", text=str(t["note"])))
        recovered = await self.recovery_line(db, lang, concern.id)
        if recovered:
            lines.append(recovered)
        followup = await db.fetchone(
            "SELECT due_on, what FROM followups WHERE concern_id = ? AND done_at IS NULL"
            " ORDER BY id DESC LIMIT 1",
            (concern.id,),
        )
        if followup is not None:
            due = short_date(date.fromisoformat(followup["due_on"]))
            lines.append(esc(tr.plain(lang, "case-next", date=due)))
            if followup["what"]:
                lines.append("   " + tr.html(lang, "case-note", text=str(followup["what"])))
        if row["closed_at"]:
            closed = short_date(from_db(row["closed_at"]).astimezone(self.tz).date())
            reason = self.reason_label(lang, str(row["closure_reason"] or ""))
            lines.append(esc(tr.plain(lang, "case-closed-line", date=closed, reason=reason)))
        return "\n".join(lines)

    async def recovery_line(self, db: Reads, lang: str, concern_id: int) -> str | None:
        """Did the measure that raised the case recover after the first contact? The same rule
        as the reports' impact row (`bot.reports.aggregate.recovery`), for the coach's own
        student: the last answer before the case against the answers since the contact."""
        row = await db.fetchone(
            "SELECT c.id, c.student_id, c.level, c.measure, c.created_at, c.acknowledged_at,"
            " c.first_contact_at, c.closed_at, c.closure_reason, c.source,"
            " (SELECT MIN(k.created_at) FROM contacts k WHERE k.concern_id = c.id"
            " AND k.reached = 1) AS first_logged FROM concerns c WHERE c.id = ?",
            (concern_id,),
        )
        if row is None or not row["measure"]:
            return None
        first = row["first_contact_at"] or row["first_logged"]
        if first is None:
            return None
        concern = ConcernRow(
            id=row["id"],
            student_id=row["student_id"],
            level=row["level"],
            measure=row["measure"],
            created_at=from_db(row["created_at"]),
            acknowledged_at=None,
            first_contact_at=from_db(first),
            closed_at=None,
            closure_reason=None,
        )
        answers = [
            AnswerRow(
                concern.student_id,
                concern.measure or "",
                float(a["score"]),
                (),
                from_db(a["answered_at"]),
            )
            for a in await db.fetchall(
                "SELECT a.score, a.answered_at FROM answers a JOIN sessions s"
                " ON s.id = a.session_id WHERE s.person_id = ? AND a.measure = ?"
                " AND a.score IS NOT NULL ORDER BY a.answered_at",
                (concern.student_id, concern.measure),
            )
        ]
        before = [a.score for a in answers if a.at <= concern.created_at and a.score is not None]
        start = concern.first_contact_at
        assert start is not None
        since = [a.score for a in answers if a.at > start and a.score is not None]
        state = recovery(
            concern,
            {(concern.student_id, concern.measure or ""): answers},
            weeks=self.recovery_weeks,
            now=self.now(),
        )
        return self.tr.html(
            lang,
            "case-recovery",
            measure=self.tr.plain(lang, "report-measure", measure=concern.measure or ""),
            before=_score(before[-1]) if before else "–",
            after=_score(since[-1]) if since else "–",
            state=state or ("waiting" if since else "none"),
            weeks=self.recovery_weeks,
        )

    async def history(
        self, db: Reads, lang: str, name: str, concerns: Sequence[ConcernView]
    ) -> str:
        parts = [self.tr.html(lang, "history-title", name=name)]
        if not concerns:
            parts.append(self.tr.html(lang, "history-none"))
        for concern in concerns:
            parts.append(await self.case_block(db, lang, concern, full=True))
        loose = await db.fetchall(
            "SELECT t.contacted_on, t.channel, t.participants, t.note, t.reached,"
            " p.display_name AS coach FROM contacts t LEFT JOIN persons p ON p.id = t.coach_id"
            " WHERE t.student_id = ? AND t.concern_id IS NULL ORDER BY t.contacted_on",
            (concerns[0].student_id if concerns else 0,),
        )
        if loose:
            parts.append("\n".join(self.contact_line(lang, t) for t in loose))
        return "\n\n".join(parts)


# -- the coordinator's export -----------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    cases_csv: bytes
    contacts_csv: bytes
    cases: int
    contacts: int
    students: list[int]  # whose data the export holds: one audit row each
    summary: dict[str, dict[str, Any]]  # level -> counts and median hours


CASE_COLUMNS = (
    "case_id",
    "student",
    "group",
    "coach",
    "level",
    "source",
    "status",
    "created_at",
    "acknowledged_at",
    "first_contact_at",
    "closed_at",
    "closure_reason",
    "hours_to_acknowledgement",
    "hours_to_first_contact",
    "hours_to_closure",
    "contacts",
    "attempts_not_reached",
)
CONTACT_COLUMNS = (
    "contact_id",
    "case_id",
    "student",
    "coach",
    "contacted_on",
    "channel",
    "reached",
    "participants",
)


def _score(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def _hours(later: str | None, earlier: str) -> float | None:
    if not later:
        return None
    return round((from_db(later) - from_db(earlier)).total_seconds() / 3600, 1)


async def export_cases(
    db: Reads, start: datetime, end: datetime, *, with_notes: bool, lang: str = "fi"
) -> Export:
    """Cases opened in [start, end) and every contact logged on them, as two CSV files
    (UTF-8 with BOM, so Excel opens Finnish letters right; ';' and a decimal comma in Finnish
    and Swedish, as the school report). Notes only when asked for."""
    delimiter = ";" if base_language(lang) in ("fi", "sv") else ","

    def number(value: float | None) -> str:
        if value is None:
            return ""
        return str(value).replace(".", ",") if delimiter == ";" else str(value)

    cases = await db.fetchall(
        "SELECT c.*, p.display_name AS student, g.name AS grp, k.display_name AS coach,"
        " (SELECT COUNT(*) FROM contacts t WHERE t.concern_id = c.id AND t.reached = 1) AS n_ok,"
        " (SELECT COUNT(*) FROM contacts t WHERE t.concern_id = c.id AND t.reached = 0) AS n_try"
        " FROM concerns c JOIN persons p ON p.id = c.student_id"
        " LEFT JOIN students s ON s.person_id = c.student_id"
        " LEFT JOIN groups g ON g.id = s.group_id LEFT JOIN persons k ON k.id = c.coach_id"
        " WHERE c.level != 'info' AND c.created_at >= ? AND c.created_at < ? ORDER BY c.id",
        (to_db(start), to_db(end)),
    )
    ids = [int(c["id"]) for c in cases]
    marks = ",".join("?" * len(ids)) or "NULL"
    contacts = await db.fetchall(
        "SELECT t.*, p.display_name AS student, k.display_name AS coach FROM contacts t"
        " JOIN persons p ON p.id = t.student_id LEFT JOIN persons k ON k.id = t.coach_id"
        f" WHERE t.concern_id IN ({marks}) ORDER BY t.concern_id, t.contacted_on, t.id",
        ids,
    )
    case_out = io.StringIO()
    writer = SafeWriter(case_out, delimiter=delimiter)
    writer.writerow(CASE_COLUMNS)
    by_level: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for c in cases:
        ack = _hours(c["acknowledged_at"], c["created_at"])
        first = _hours(c["first_contact_at"], c["created_at"])
        closed = _hours(c["closed_at"], c["created_at"])
        writer.writerow(
            [
                c["id"],
                c["student"],
                c["grp"] or "",
                c["coach"] or "",
                c["level"],
                c["source"],
                c["status"],
                c["created_at"],
                c["acknowledged_at"] or "",
                c["first_contact_at"] or "",
                c["closed_at"] or "",
                c["closure_reason"] or "",
                number(ack),
                number(first),
                number(closed),
                c["n_ok"],
                c["n_try"],
            ]
        )
        level = str(c["level"])
        counts[level]["cases"] += 1
        counts[level]["contacted"] += int(c["first_contact_at"] is not None)
        counts[level]["closed"] += int(c["closed_at"] is not None)
        if c["source"] != "signal":  # opened by a coach at the contact: no response time
            counts[level]["by_coach"] += 1
            continue
        for name, value in (("ack", ack), ("contact", first), ("closure", closed)):
            if value is not None:
                by_level[level][name].append(value)
    contact_out = io.StringIO()
    writer = SafeWriter(contact_out, delimiter=delimiter)
    writer.writerow([*CONTACT_COLUMNS, *(("note",) if with_notes else ())])
    for t in contacts:
        participants = ";".join(json.loads(t["participants"] or "[]"))
        row = [
            t["id"],
            t["concern_id"],
            t["student"],
            t["coach"] or "",
            t["contacted_on"],
            t["channel"],
            "yes" if t["reached"] else "no",
            participants,
        ]
        writer.writerow([*row, *((t["note"],) if with_notes else ())])
    summary: dict[str, dict[str, Any]] = {}
    for level, numbers in counts.items():
        summary[level] = dict(numbers)
        for name, values in by_level[level].items():
            summary[level][f"{name}_median_h"] = round(statistics.median(values), 1)
    return Export(
        cases_csv=("\ufeff" + case_out.getvalue()).encode(),
        contacts_csv=("\ufeff" + contact_out.getvalue()).encode(),
        cases=len(cases),
        contacts=len(contacts),
        students=sorted({int(c["student_id"]) for c in cases}),
        summary=summary,
    )
