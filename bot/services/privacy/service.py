"""A student's own data: see it, download it, erase it, pause check-ins; and retention.

`/omat_tiedot` shows everything held in readable form, with who on staff has looked and when;
`/vie` sends the same rows as JSON; `/poista` deletes every row about the student (found from
the schema, see privacy_data) and tells the coach only that the student left. A pause is
stored as `students.paused_until`: the UTC instant check-ins may start again (local midnight
after the last paused day). Rounds and silence rules skip a student while now < paused_until.
"""

from __future__ import annotations

import contextlib
import html
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import from_db, to_db
from bot.reports.aggregate import ACTIONABLE
from bot.reports.period import week_key
from bot.risk.cues import forget_recent_texts
from bot.scheduling.calendar import next_outside_quiet
from bot.services.audit import audit
from bot.services.container import Outcome, Services
from bot.services.enrolment.access import StudentStatus, student_status
from bot.services.enrolment.text import day_text, local_day_text, when_text
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutboxRow, OutMessage, enqueue, written
from bot.services.people import Person
from bot.services.privacy.data import (
    Found,
    delete_found,
    redact_name,
    rows_about,
    staff_messages_to_delete,
)
from bot.services.privacy.outbox import enqueue_ephemeral, forget_rows
from bot.services.render import answer_display
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

MAX_PAUSE_DAYS = 90
CHECKINS_SHOWN = 10
AUDIT_SHOWN = 20
RETENTION_EVERY = timedelta(hours=1)
# Someone never enrolled leaves only security traces (a refused command or button, their
# language): kept this long for looking into an attack, then deleted.
STRANGER_TRACE_DAYS = 30
# Columns left out of an export: secrets, or bulky copies of files already sent.
EXPORT_HIDDEN = {("invites", "token_hash"), ("callbacks", "token")}


@dataclass(frozen=True)
class Paused:
    until: date  # the last paused day
    resumes_at: datetime


def pause_bounds(svc: Services, last_day: date) -> Paused:
    resume_day = last_day + timedelta(days=1)
    resumes = datetime.combine(resume_day, time(0, 0), tzinfo=svc.settings.tz)
    return Paused(last_day, resumes)


def last_paused_day(svc: Services, paused_until: datetime) -> date:
    return paused_until.astimezone(svc.settings.tz).date() - timedelta(days=1)


# Every table that can hold a row about a person, and where /omat_tiedot shows it — or why it
# does not. tests/test_privacy_by_id_e2e.py fails when a table with a person column is in
# neither, so a new table cannot be left out of what a student is shown.
OWN_DATA_SHOWN: dict[str, str] = {
    "persons": "basics",
    "students": "basics",
    "person_roles": "basics",
    "sessions": "check-ins",
    "answers": "check-ins",
    "cue_hits": "what the bot noticed",
    "safety_checks": "when the bot asked whether they were safe",
    "concerns": "concerns and contacts",
    "concern_events": "concerns and contacts (their status)",
    "contacts": "concerns and contacts",
    "followups": "concerns and contacts",
    "audit_log": "who has handled the data",
}
OWN_DATA_NOT_SHOWN: dict[str, str] = {
    "outbox": "the messages themselves: in the chat, and every one in /vie",
    "callbacks": "button tokens (technical): in /vie",
    "pending_inputs": "what the bot waits for the person to type (technical): in /vie",
    "invites": "the invitation used to join: in /vie, never its token",
    "inbox": "updates not handled yet: their text is erased once handled",
    "visitors": "someone who never enrolled: no /omat_tiedot",
    "groups": "a group's own chat, not a person",
    "polls": "a group chat's poll: counts only, never who answered",
    "group_coaches": "staff: which groups they coach",
    "broadcasts": "staff: who sent a broadcast",
    "schedules": "staff: who made a schedule",
    "plans": "staff: the welfare team's plans, about the community",
    "plan_actions": "staff: who does what in a plan",
    "phenomenon_members": "staff: who works on a phenomenon",
    "plan_events": "staff: a plan's history (its evaluations and questions), about the community",
}


async def keep_anonymous_outcome(tx: Tx, student_id: int, tz: ZoneInfo) -> None:
    """Before a student who had a concern is erased: the week of their last concern and
    whether they had left their studies, with nothing that tells who (see erased_outcomes)."""
    row = await tx.fetchone(
        "SELECT MAX(c.created_at) AS last, s.status, s.left_reason FROM concerns c"
        " JOIN students s ON s.person_id = c.student_id WHERE c.student_id = ?"
        f" AND c.level IN ({','.join('?' * len(ACTIONABLE))})",
        (student_id, *ACTIONABLE),
    )
    if row is None or row["last"] is None:
        return
    left = row["status"] == "left" and row["left_reason"] != "graduated"
    await tx.execute(
        "INSERT INTO erased_outcomes (concern_week, left_studies) VALUES (?, ?)",
        (week_key(from_db(row["last"]).astimezone(tz).date()), int(left)),
    )


class PrivacyService:
    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self._retention_ran: datetime | None = None

    # -- /omat_tiedot -------------------------------------------------------------------------

    async def own_data(self, person: Person) -> str:
        tr, lang = self.svc.tr, person.language
        status = await student_status(self.svc.db, person.id)
        parts = [tr.html(lang, "mydata-title", name=person.first_name)]
        born = await self.svc.db.fetchval(
            "SELECT birth_date FROM students WHERE person_id = ?", (person.id,)
        )
        parts.append(self._basics(person, status, str(born) if born else None))
        parts += await self._checkins(person)
        parts.append(await self._noticed(person))
        parts.append(await self._safety_checks(person))
        parts.append(await self._concerns(person))
        parts.append(await self._who_looked(person))
        parts.append(tr.html(lang, "mydata-footer"))
        return "\n\n".join(p for p in parts if p)

    def _basics(self, person: Person, status: StudentStatus | None, born: str | None) -> str:
        tr, lang, tz = self.svc.tr, person.language, self.svc.settings.tz
        dash = "–"
        lines = [tr.html(lang, "mydata-basics-title")]
        lines.append(tr.html(lang, "mydata-name", name=person.display_name))
        if status is not None:
            lines.append(tr.html(lang, "mydata-group", group=status.group or dash))
            lines.append(tr.html(lang, "mydata-coach", coach=status.coach_name or dash))
            lines.append(tr.html(lang, "mydata-backup", backup=status.backup_name or dash))
            joined = local_day_text(status.consent_at, tz) if status.consent_at else dash
            lines.append(tr.html(lang, "mydata-joined", date=joined))
            if born:  # from the school's roster; kept only for the duty-to-report check
                lines.append(tr.html(lang, "mydata-born", date=day_text(date.fromisoformat(born))))
            now = self.svc.clock.now()
            if status.paused_until is not None and status.paused(now):
                until = day_text(last_paused_day(self.svc, status.paused_until))
                lines.append(tr.html(lang, "mydata-paused", date=until))
            else:
                lines.append(tr.html(lang, "mydata-not-paused"))
        lines.append(tr.html(lang, "mydata-language", language=tr.plain(lang, "language-name")))
        lines.append(tr.html(lang, "mydata-telegram", id=str(person.tg_user_id or dash)))
        return "\n".join(lines)

    async def _checkins(self, person: Person) -> list[str]:
        svc, tr, lang, tz = self.svc, self.svc.tr, person.language, self.svc.settings.tz
        sessions = await svc.db.fetchall(
            "SELECT id, flow_id, flow_version, status, started_at, finished_at FROM sessions"
            " WHERE person_id = ? ORDER BY started_at DESC, id DESC",
            (person.id,),
        )
        if not sessions:
            return [tr.html(lang, "mydata-checkins-none")]
        parts = [tr.html(lang, "mydata-checkins-title", count=len(sessions))]
        for s in sessions[:CHECKINS_SHOWN]:
            flow = await svc.flows.version(svc.db, s["flow_id"], s["flow_version"])
            title = tr.html(lang, flow.title) if flow else html.escape(s["flow_id"])
            day = local_day_text(from_db(s["started_at"]), tz)
            state = tr.plain(lang, "mydata-session-status", s["status"])
            lines = [f"<b>{day} · {title}</b> ({html.escape(state)})"]
            answers = await svc.db.fetchall(
                "SELECT question_id, value FROM answers WHERE session_id = ? ORDER BY answered_at",
                (s["id"],),
            )
            for a in answers:
                question = flow.questions.get(a["question_id"]) if flow else None
                value: Any = json.loads(a["value"])
                if question is None:
                    shown_q, shown_a = html.escape(a["question_id"]), html.escape(str(value))
                else:
                    shown_q = tr.html(lang, question.text, name=person.first_name)
                    shown_a = answer_display(tr, lang, question, value)
                lines.append(f"• {shown_q} → {shown_a}")
            parts.append("\n".join(lines))
        if len(sessions) > CHECKINS_SHOWN:
            parts.append(
                tr.html(lang, "mydata-checkins-more", count=len(sessions) - CHECKINS_SHOWN)
            )
        return parts

    async def _concerns(self, person: Person) -> str:
        tr, lang, tz = self.svc.tr, person.language, self.svc.settings.tz
        rows = await self.svc.db.fetchall(
            "SELECT c.level, c.status, c.reasons, c.created_at, h.display_name AS holder"
            " FROM concerns c LEFT JOIN persons h ON h.id = c.coach_id"
            " WHERE c.student_id = ? ORDER BY c.created_at DESC",
            (person.id,),
        )
        contacts = await self.svc.db.fetchall(
            "SELECT k.contacted_on, k.channel, k.note, c.display_name AS coach FROM contacts k"
            " LEFT JOIN persons c ON c.id = k.coach_id WHERE k.student_id = ?"
            " ORDER BY k.contacted_on DESC",
            (person.id,),
        )
        followups = await self.svc.db.fetchall(
            "SELECT f.due_on, f.what, f.done_at FROM followups f"
            " JOIN concerns c ON c.id = f.concern_id WHERE c.student_id = ?"
            " ORDER BY f.due_on DESC",
            (person.id,),
        )
        if not rows and not contacts and not followups:
            return tr.html(lang, "mydata-concerns-none")
        lines = [tr.html(lang, "mydata-concerns-title")]
        for r in rows:
            reasons = []
            for reason in json.loads(r["reasons"] or "[]"):
                rid = reason.get("reason") if isinstance(reason, dict) else None
                if isinstance(rid, str) and self.svc.tr.has(lang, rid):
                    reasons.append(tr.html(lang, rid))
            lines.append(
                tr.html(
                    lang,
                    "mydata-concern",
                    date=local_day_text(from_db(r["created_at"]), tz),
                    level=tr.plain(lang, "mydata-level", r["level"]),
                    status=tr.plain(lang, "mydata-concern-status", r["status"]),
                    holder=r["holder"] or "–",
                )
                + (": " + "; ".join(reasons) if reasons else "")
            )
        for f in followups:
            lines.append(
                tr.html(
                    lang,
                    "mydata-followup",
                    date=day_text(date.fromisoformat(str(f["due_on"])[:10])),
                    done="yes" if f["done_at"] else "no",
                )
                + (f" – <i>{html.escape(str(f['what']), quote=False)}</i>" if f["what"] else "")
            )
        for k in contacts:
            note = html.escape(str(k["note"] or ""), quote=False)
            lines.append(
                tr.html(
                    lang,
                    "mydata-contact",
                    date=day_text(date.fromisoformat(str(k["contacted_on"])[:10])),
                    channel=str(k["channel"]),
                    coach=k["coach"] or "–",
                )
                + (f" – <i>{note}</i>" if note else "")
            )
        return "\n".join(lines)

    async def _noticed(self, person: Person) -> str:
        """What the bot noticed in the student's own words (cue_hits): topics and counts."""
        tr, lang = self.svc.tr, person.language
        rows = await self.svc.db.fetchall(
            "SELECT category, COUNT(*) AS n, MIN(detected_at) AS first FROM cue_hits"
            " WHERE person_id = ? AND negated = 0 GROUP BY category ORDER BY n DESC, category",
            (person.id,),
        )
        if not rows:
            return ""
        topics = ", ".join(
            tr.plain(
                lang,
                "mydata-noticed-topic",
                topic=tr.plain(lang, "report-cue", category=r["category"]),
                count=r["n"],
            )
            for r in rows
        )
        return tr.html(lang, "mydata-noticed", topics=topics)

    async def _safety_checks(self, person: Person) -> str:
        """Each time the bot asked whether the student was safe, and what came of it."""
        tr, lang, tz = self.svc.tr, person.language, self.svc.settings.tz
        rows = await self.svc.db.fetchall(
            "SELECT asked_at, answer, shared FROM safety_checks WHERE person_id = ?"
            " ORDER BY asked_at DESC",
            (person.id,),
        )
        if not rows:
            return ""
        lines = [tr.html(lang, "mydata-safety-title")]
        for r in rows:
            lines.append(
                tr.html(
                    lang,
                    "mydata-safety-row",
                    date=local_day_text(from_db(r["asked_at"]), tz),
                    answer=r["answer"] or "open",
                    shared=r["shared"] or "none",
                )
            )
        return "\n".join(lines)

    async def _who_looked(self, person: Person) -> str:
        tr, lang, tz = self.svc.tr, person.language, self.svc.settings.tz
        rows = await self.svc.db.fetchall(
            "SELECT a.at, a.action, p.display_name FROM audit_log a"
            " LEFT JOIN persons p ON p.id = a.actor_id"
            " WHERE a.subject_id = ? AND (a.actor_id IS NULL OR a.actor_id != ?)"
            " ORDER BY a.at DESC, a.id DESC",
            (person.id, person.id),
        )
        if not rows:
            return tr.html(lang, "mydata-audit-none")
        lines = [tr.html(lang, "mydata-audit-title")]
        for r in rows[:AUDIT_SHOWN]:
            action = str(r["action"])
            what = (
                tr.plain(lang, "audit-what", action)
                if tr.has(lang, "audit-what", action)
                else tr.plain(lang, "audit-what")
            )
            lines.append(
                tr.html(
                    lang,
                    "mydata-audit-row",
                    when=when_text(tr, lang, from_db(r["at"]), tz),
                    who=r["display_name"] or tr.plain(lang, "mydata-audit-someone"),
                    what=what,
                )
            )
        if len(rows) > AUDIT_SHOWN:
            lines.append(tr.html(lang, "mydata-audit-more", count=len(rows) - AUDIT_SHOWN))
        return "\n".join(lines)

    # -- /vie -----------------------------------------------------------------------------------

    async def export(self, person: Person) -> bytes:
        now = self.svc.clock.now()
        found = await rows_about(self.svc.db, person.id, person.tg_user_id)
        document = {
            "kohtaamo_export": {
                "version": 1,
                "exported_at": to_db(now),
                "person_id": person.id,
                "about": self.svc.tr.plain(person.language, "export-about"),
            },
            "tables": self._export_tables(found),
        }
        return json.dumps(document, ensure_ascii=False, indent=2, default=str).encode("utf-8")

    @staticmethod
    def _export_tables(found: Found) -> dict[str, list[dict[str, Any]]]:
        tables: dict[str, list[dict[str, Any]]] = {}
        for table, rows in sorted(found.rows.items()):
            out = []
            for row in rows.values():
                clean = {k: v for k, v in row.items() if (table, k) not in EXPORT_HIDDEN}
                for key in ("payload", "detail", "context", "reasons", "value", "participants"):
                    if isinstance(clean.get(key), str):
                        with contextlib.suppress(ValueError):
                            clean[key] = json.loads(clean[key])
                if table == "outbox" and isinstance(clean.get("payload"), dict):
                    clean["payload"].pop("file_hex", None)  # the files themselves are large
                out.append(clean)
            tables[table] = out
        return tables

    # -- /poista --------------------------------------------------------------------------------

    async def erase(
        self, unit: UnitOfWork, person: Person, confirm_message_id: int | None = None
    ) -> Outcome:
        """Delete every row about the student. The farewell and the coach's note are sent
        from rows that are purged once delivered."""
        svc, tr = self.svc, self.svc.tr

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            status = await student_status(tx, person.id)
            told = await tx.fetchall(
                "SELECT DISTINCT p.id, p.tg_user_id, p.language FROM persons p"
                " WHERE p.tg_user_id IS NOT NULL AND (p.id = (SELECT coach_id FROM students"
                " WHERE person_id = ?) OR p.id IN (SELECT coach_id FROM concerns"
                " WHERE student_id = ? AND status != 'closed'))",
                (person.id, person.id),
            )
            await keep_anonymous_outcome(tx, person.id, svc.settings.tz)
            found = await rows_about(tx, person.id, person.tg_user_id)
            withdrawn = staff_messages_to_delete(found, person.tg_user_id, now)
            deleted = await delete_found(tx, found, now)
            await redact_name(tx, person.display_name)
            await tx.execute("DELETE FROM persons WHERE id = ?", (person.id,))
            # Accountability without a trace of who: how much went, nothing that identifies.
            await audit(tx, now, "student_erased", rows=deleted)
            rows: list[OutboxRow] = []
            assert person.tg_user_id is not None
            nonce = secrets.token_hex(8)  # keys must not name the person who is gone
            if confirm_message_id is not None:
                rows += await self._say(
                    tx,
                    now,
                    f"erased:{nonce}:edit",
                    person.tg_user_id,
                    tr.html(person.language, "erase-confirmed"),
                    confirm_message_id,
                )
            bye = await enqueue_ephemeral(
                tx,
                f"erased:{nonce}:bye",
                OutMessage(person.tg_user_id, tr.html(person.language, "erase-done")),
                now=now,
            )
            rows += [bye] if bye else []
            for n, (chat, message_id) in enumerate(withdrawn):
                gone = await enqueue_ephemeral(
                    tx,
                    f"erased:{nonce}:delete:{n}",
                    OutMessage(chat, op="delete", message_id=message_id),
                    now=now,
                    priority=PRIORITY_NORMAL,
                )
                rows += [gone] if gone else []
            for staff in told:
                text = tr.html(
                    staff["language"],
                    "erase-coach-note",
                    name=person.display_name,
                    group=(status.group if status else None) or "–",
                )
                note = await enqueue_ephemeral(
                    tx,
                    f"erased:{nonce}:{staff['id']}",
                    OutMessage(staff["tg_user_id"], text),
                    now=now,
                    priority=PRIORITY_NORMAL,
                )
                rows += [note] if note else []
            return Outcome(rows=rows)

        outcome = await unit.run(work)
        # What the student wrote must not linger in the WAL's old page images either, nor in
        # the detector's memory of recent texts.
        try:
            await svc.db.scrub_wal()
        finally:
            forget_recent_texts()
        return outcome

    # -- /tauko ---------------------------------------------------------------------------------

    async def pause(
        self,
        unit: UnitOfWork,
        person: Person,
        last_day: date,
        chat_id: int,
        key: str,
        edit: int | None = None,
        *,
        moving: bool = False,
    ) -> Outcome:
        """Pause check-ins through `last_day`; the student gets the confirmation and the coach
        a short note, so the silence that follows is not read as drifting away.

        `moving`: the end of a pause that is on moves to `last_day`, told and noted the same
        way. If that pause has ended meanwhile (a stale menu), nothing starts: the student is
        told there is no pause."""
        svc, tr = self.svc, self.svc.tr
        today = unit.today(svc.settings.tz)
        if not today <= last_day <= today + timedelta(days=MAX_PAUSE_DAYS):
            raise ValueError("pause out of range")
        bounds = pause_bounds(svc, last_day)

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            sql = "UPDATE students SET paused_until = ? WHERE person_id = ?"
            params: list[object] = [to_db(bounds.resumes_at), person.id]
            if moving:  # only a pause still on moves: one that has ended stays ended
                sql += " AND paused_until > ?"
                params.append(to_db(now))
            changed = await tx.execute(sql, params)
            await tx.execute(
                "DELETE FROM pending_inputs WHERE tg_user_id = ?", (person.tg_user_id,)
            )
            if moving and not changed:
                text = tr.html(person.language, "pause-none", name=person.first_name)
                return Outcome(rows=await self._say(tx, now, key, chat_id, text, edit))
            text = tr.html(
                person.language,
                "pause-moved" if moving else "pause-set",
                date=day_text(last_day),
                resume=day_text(last_day + timedelta(days=1)),
            )
            rows = await self._say(tx, now, key, chat_id, text, edit)
            coach = await tx.fetchone(
                "SELECT c.id, c.tg_user_id, c.language, g.name AS grp FROM students s"
                " JOIN persons c ON c.id = s.coach_id LEFT JOIN groups g ON g.id = s.group_id"
                " WHERE s.person_id = ?",
                (person.id,),
            )
            if coach is not None and coach["tg_user_id"] is not None:
                text = tr.html(
                    coach["language"],
                    "pause-coach-note",
                    name=person.display_name,
                    group=coach["grp"] or "–",
                    date=day_text(last_day),
                )
                note = await enqueue_ephemeral(
                    tx,
                    f"{key}:coach",
                    OutMessage(coach["tg_user_id"], text),
                    now=now,
                    priority=PRIORITY_NORMAL,
                )
                rows += [note] if note else []
            return Outcome(rows=rows)

        return await unit.run(work)

    async def resume(
        self, unit: UnitOfWork, person: Person, chat_id: int, key: str, edit: int | None
    ) -> Outcome:
        """End a pause now."""

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            ended = await tx.execute(
                "UPDATE students SET paused_until = NULL WHERE person_id = ? AND paused_until > ?",
                (person.id, to_db(now)),
            )
            text = self.svc.tr.html(
                person.language, "pause-resumed" if ended else "pause-none", name=person.first_name
            )
            return Outcome(rows=await self._say(tx, now, key, chat_id, text, edit))

        return await unit.run(work)

    @staticmethod
    async def _say(
        tx: Tx, now: datetime, key: str, chat_id: int, text: str, edit: int | None
    ) -> list[OutboxRow]:
        message = OutMessage(chat_id, text, op="edit" if edit else "send", message_id=edit)
        row = await enqueue_ephemeral(tx, key, message, now=now)
        return written(row)

    async def paused_until(self, person: Person) -> date | None:
        value = await self.svc.db.fetchval(
            "SELECT paused_until FROM students WHERE person_id = ?", (person.id,)
        )
        if not value or from_db(value) <= self.svc.clock.now():
            return None
        return last_paused_day(self.svc, from_db(value))

    async def end_pauses(self, unit: UnitOfWork) -> Outcome:
        """Ticker: a pause that has run out is cleared, and the student is welcomed back
        (outside their quiet hours)."""
        svc, tr = self.svc, self.svc.tr

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            due = await tx.fetchall(
                "SELECT s.person_id, s.paused_until, s.quiet_start, s.quiet_end, p.tg_user_id,"
                " p.language, p.display_name FROM students s JOIN persons p ON p.id = s.person_id"
                " WHERE s.paused_until IS NOT NULL AND s.paused_until <= ?",
                (to_db(now),),
            )
            rows: list[OutboxRow] = []
            for r in due:
                await tx.execute(
                    "UPDATE students SET paused_until = NULL WHERE person_id = ?",
                    (r["person_id"],),
                )
                if r["tg_user_id"] is None:
                    continue
                when = next_outside_quiet(now, svc.settings.tz, r["quiet_start"], r["quiet_end"])
                first = str(r["display_name"]).split(" ")[0]
                row = await enqueue(
                    tx,
                    f"pause-end:{r['person_id']}:{r['paused_until']}",
                    OutMessage(r["tg_user_id"], tr.html(r["language"], "pause-ended", name=first)),
                    now=now,
                    priority=PRIORITY_NORMAL,
                    person_id=r["person_id"],
                    not_before=when,
                )
                # Due later (quiet hours): the sender's scan picks it up when it is due.
                rows += [row] if row and when <= now else []
            return Outcome(rows=rows)

        return await unit.run(work)

    # -- retention ------------------------------------------------------------------------------

    async def enforce_retention(self, unit: UnitOfWork) -> int:
        """Ticker (hourly): check-in answers, free-text cue hits, closed cases, answered safety
        questions and delivered messages older than `retention_days` are deleted, as the
        consent screen promised; the traces of people never enrolled after 30 days."""
        now = unit.now
        if self._retention_ran is not None and now - self._retention_ran < RETENTION_EVERY:
            return 0
        self._retention_ran = now
        cutoff = to_db(now - timedelta(days=self.svc.settings.retention_days))

        async def work(tx: Tx) -> int:
            deleted = 0
            for sql in (
                "DELETE FROM sessions WHERE status != 'open' AND updated_at < ?",
                "DELETE FROM cue_hits WHERE detected_at < ?",
                "DELETE FROM concerns WHERE status = 'closed' AND closed_at < ?",
                "DELETE FROM safety_checks WHERE answer IS NOT NULL AND asked_at < ?",
            ):
                deleted += await tx.execute(sql, (cutoff,))
            strangers = to_db(now - timedelta(days=STRANGER_TRACE_DAYS))
            deleted += await tx.execute(
                "DELETE FROM audit_log WHERE actor_id IS NULL AND subject_id IS NULL"
                " AND actor_tg_id IS NOT NULL AND at < ? AND actor_tg_id NOT IN"
                " (SELECT tg_user_id FROM persons WHERE tg_user_id IS NOT NULL)",
                (strangers,),
            )
            deleted += await tx.execute("DELETE FROM visitors WHERE updated_at < ?", (strangers,))
            old = "sent_at IS NOT NULL AND sent_at < ?"
            return deleted + await forget_rows(tx, old, (cutoff,), now)

        return await unit.run(work)
