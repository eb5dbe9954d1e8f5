"""The coach's weekly digest, Monday morning: how many of their students answered last week's
check-ins (and who did not), the `info` items of the week, open cases and overdue follow-ups.

Sent once per coach per ISO week (the outbox idempotency key), at the coach's working hours.
`info` items are closed once they have been reported: they were never alerts, and the next
week starts clean. Every student named in a digest gets an audit row (a staff read).
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from datetime import date, datetime, timedelta

from bot.clock import to_db
from bot.scheduling.calendar import next_within_hours
from bot.services.audit import audit
from bot.services.cases.concerns import ConcernService, event
from bot.services.cases.contact import close_concern
from bot.services.cases.text import ConcernView, short_date
from bot.services.container import Outcome
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutMessage
from bot.services.people import Person, person_by_id
from bot.services.privacy.outbox import enqueue_ephemeral
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

CATCH_UP = timedelta(hours=36)  # a digest missed while the bot was down, late but not stale
INFO_CLOSED_REASON = "info-digest"


def week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class DigestService:
    def __init__(self, concerns: ConcernService) -> None:
        self.concerns = concerns
        self.svc = concerns.svc

    def due_moment(self, now: datetime) -> datetime:
        """This week's digest moment (local), e.g. Monday 07:30."""
        tz = self.svc.settings.tz
        local = now.astimezone(tz)
        monday = local.date() - timedelta(days=local.weekday())
        day = monday + timedelta(days=self.concerns.policy.digest_weekday)
        return datetime.combine(day, self.concerns.policy.digest_clock(), tzinfo=tz)

    async def send_due(self, unit: UnitOfWork) -> Outcome:
        now = unit.now
        moment = self.due_moment(now)
        if not moment <= now < moment + CATCH_UP:
            return Outcome()
        key_week = week_key(moment.date())
        coaches = await unit.reads.fetchall(
            "SELECT DISTINCT p.id FROM persons p JOIN person_roles r ON r.person_id = p.id"
            " WHERE r.role = 'coach' AND p.tg_user_id IS NOT NULL AND p.unreachable_at IS NULL"
            # a coach's first digest comes after their first week, not on their first day
            " AND p.created_at < ?"
            " AND (EXISTS (SELECT 1 FROM students s WHERE s.coach_id = p.id)"
            " OR EXISTS (SELECT 1 FROM concerns c WHERE c.coach_id = p.id"
            " AND c.status != 'closed'))",
            (to_db(moment),),
        )
        outcome = Outcome()
        for row in coaches:
            if await self._sent(unit.reads, int(row["id"]), key_week):
                continue
            outcome.extend(await self._send_one(unit, int(row["id"]), key_week, moment))
        return outcome

    @staticmethod
    async def _sent(db: Reads, coach_id: int, week: str) -> bool:
        """The digest row itself is forgotten once delivered (a staff view naming students
        does not stay in the outbox); the audit log remembers that it went."""
        found = await db.fetchval(
            "SELECT 1 FROM audit_log WHERE actor_id = ? AND action = 'digest_sent' AND detail = ?",
            (coach_id, json.dumps({"week": week})),
        )
        return found is not None

    async def _send_one(
        self, unit: UnitOfWork, coach_id: int, week: str, moment: datetime
    ) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            coach = await person_by_id(tx, coach_id)
            if coach is None or coach.tg_user_id is None or await self._sent(tx, coach_id, week):
                return Outcome()
            text, mentioned = await self.compose(tx, coach, moment, now)
            hours = await tx.fetchone(
                "SELECT work_start, work_end FROM persons WHERE id = ?", (coach_id,)
            )
            not_before = (
                next_within_hours(now, self.svc.settings.tz, hours["work_start"], hours["work_end"])
                if hours
                else now
            )
            row = await enqueue_ephemeral(
                tx,
                f"digest:{coach_id}:{week}",
                OutMessage(coach.tg_user_id, text),
                now=now,
                priority=PRIORITY_NORMAL,
                not_before=not_before,
            )
            if row is None:
                return Outcome()
            await audit(tx, now, "digest_sent", actor_id=coach.id, week=week)
            for student_id in sorted(mentioned):
                await audit(tx, now, "digest", actor_id=coach.id, subject_id=student_id)
            return Outcome(rows=[row] if not_before <= now else [])

        return await unit.run(work)

    async def compose(
        self, tx: Tx, coach: Person, moment: datetime, now: datetime
    ) -> tuple[str, set[int]]:
        """The digest text for `coach` and the students it names. Closes reported info items."""
        tr, lang, text = self.svc.tr, coach.language, self.concerns.text
        tz = self.svc.settings.tz
        mentioned: set[int] = set()
        students = await tx.fetchall(
            "SELECT s.person_id, p.display_name FROM students s JOIN persons p"
            " ON p.id = s.person_id WHERE s.coach_id = ? AND s.status = 'active'"
            " ORDER BY p.display_name",
            (coach.id,),
        )
        names = {r["person_id"]: r["display_name"] for r in students}
        week = moment.astimezone(tz).isocalendar()[1]
        parts = [tr.html(lang, "risk-digest-title", week=week, count=len(students))]

        # Last week's scheduled check-ins: answered or not.
        this_monday = moment.astimezone(tz).date() - timedelta(days=moment.astimezone(tz).weekday())
        start = datetime.combine(this_monday - timedelta(days=7), datetime.min.time(), tzinfo=tz)
        end = datetime.combine(this_monday, datetime.min.time(), tzinfo=tz)
        sessions = await tx.fetchall(
            "SELECT s.person_id, s.status FROM sessions s JOIN students st"
            " ON st.person_id = s.person_id WHERE st.coach_id = ? AND st.status = 'active'"
            " AND s.subject_id IS NULL AND s.period_key NOT LIKE 'adhoc-%'"
            " AND s.started_at >= ? AND s.started_at < ? AND s.status != 'cancelled'",
            (coach.id, to_db(start), to_db(end)),
        )
        per_student: dict[int, list[str]] = defaultdict(list)
        for s in sessions:
            per_student[s["person_id"]].append(s["status"])
        total = sum(len(v) for v in per_student.values())
        answered = sum(v.count("completed") for v in per_student.values())
        if total:
            percent = round(100 * answered / total)
            response = [
                tr.html(
                    lang, "risk-digest-response", answered=answered, total=total, percent=percent
                )
            ]
            silent = [pid for pid, v in per_student.items() if "completed" not in v]
            if silent:
                mentioned |= set(silent)
                shown = ", ".join(sorted(names.get(pid, "?") for pid in silent))
                response.append(tr.html(lang, "risk-digest-missing", names=shown))
            parts.append("\n".join(response))
        else:
            parts.append(tr.html(lang, "risk-digest-response-none"))

        # Open cases, most urgent first.
        rows = await tx.fetchall(
            "SELECT c.*, p.display_name FROM concerns c JOIN persons p ON p.id = c.student_id"
            " WHERE c.coach_id = ? AND c.status != 'closed' AND c.level != 'info'",
            (coach.id,),
        )
        open_lines = []
        order = {"crisis": 0, "urgent": 1, "concern": 2}
        for row in sorted(rows, key=lambda r: (order.get(r["level"], 3), r["created_at"])):
            concern = ConcernView.from_row(row)
            mentioned.add(concern.student_id)
            line = tr.html(
                lang,
                "risk-digest-open-line",
                badge=text.badge(lang, concern.level),
                student=row["display_name"],
                reason=html.unescape(text.first_reason(lang, concern)),
                status=text.status(lang, concern.status),
                since=short_date(concern.created_at.astimezone(tz).date()),
            )
            # Past its deadline, already moved on to the backup, or past everyone.
            first_stage = 1 if concern.level == "crisis" else 0
            late = (
                concern.ack_deadline is None
                or concern.ack_deadline < now
                or concern.stage > first_stage
            )
            if concern.status == "open" and late:
                line += " " + tr.html(lang, "risk-digest-overdue")
            open_lines.append("• " + line)
        parts.append(
            tr.html(lang, "risk-digest-open")
            + "\n"
            + ("\n".join(open_lines) if open_lines else tr.html(lang, "risk-digest-open-none"))
        )

        # Info items: reported once, then closed.
        infos = await tx.fetchall(
            "SELECT c.*, p.display_name FROM concerns c JOIN persons p ON p.id = c.student_id"
            " WHERE c.coach_id = ? AND c.status != 'closed' AND c.level = 'info'"
            " ORDER BY p.display_name, c.id",
            (coach.id,),
        )
        info_lines = []
        for row in infos:
            concern = ConcernView.from_row(row)
            mentioned.add(concern.student_id)
            lines = await text.reason_lines(tx, lang, concern.reasons, digest=True)
            info_lines.append(f"<b>{html.escape(row['display_name'])}</b>\n" + "\n".join(lines))
            await close_concern(tx, now, concern.id, reason=INFO_CLOSED_REASON, closed_by=None)
            await event(tx, concern.id, now, "digested", to=coach.id)
        parts.append(
            tr.html(lang, "risk-digest-info")
            + "\n"
            + ("\n\n".join(info_lines) if info_lines else tr.html(lang, "risk-digest-info-none"))
        )

        # Overdue follow-ups (agreed in the contact log).
        today = now.astimezone(tz).date()
        followups = await tx.fetchall(
            "SELECT f.due_on, f.what, c.student_id, p.display_name FROM followups f"
            " JOIN concerns c ON c.id = f.concern_id JOIN persons p ON p.id = c.student_id"
            " WHERE c.coach_id = ? AND f.done_at IS NULL AND f.due_on < ? ORDER BY f.due_on",
            (coach.id, today.isoformat()),
        )
        if followups:
            lines = []
            for f in followups:
                mentioned.add(f["student_id"])
                what = f["what"] or tr.plain(lang, "risk-digest-followup-nothing")
                due = short_date(date.fromisoformat(str(f["due_on"])[:10]))
                lines.append(
                    "• "
                    + tr.html(
                        lang,
                        "risk-digest-followup-line",
                        student=f["display_name"],
                        what=what,
                        due=due,
                    )
                )
            parts.append(tr.html(lang, "risk-digest-followups") + "\n" + "\n".join(lines))
        parts.append(tr.html(lang, "risk-digest-footer"))
        return "\n\n".join(parts), mentioned
