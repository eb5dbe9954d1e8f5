"""How a concern reads to staff: the alert, its reasons and facts, the weekly digest lines.

Everything is rendered in the reader's language at the moment it is shown. A concern stores
references to the answers behind it (session + question), not copies, so the only student text
that can appear is a crisis sentence kept on purpose (and, in the digest only, a free-text
answer an `info` rule named and the student was told the coach would see).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.clock import from_db
from bot.engine.model import Flow, Question
from bot.i18n import Translator
from bot.services import render
from bot.services.flows import FlowRegistry
from bot.storage.db import Reads

DIGEST_TEXT_LIMIT = 300
# An alert quotes the newest crisis sentences only: a student who writes fifty messages must not
# turn the alert into a wall of text split over several messages. The case card (/seuranta) and
# the digest keep every one.
ALERT_QUOTES = 5
# The reason of a child-protection crisis (violence, sexual violence, grooming, nowhere safe to
# be): its alert reminds staff of the duty to report.
CHILD_PROTECTION_REASON = "r-child-protection"
_QUESTION_SENTENCE = re.compile(r"[^.?!]*\?")


@dataclass
class ConcernView:
    id: int
    student_id: int
    coach_id: int | None
    level: str
    status: str
    reasons: list[dict[str, Any]]
    stage: int
    ack_deadline: datetime | None
    created_at: datetime
    updated_at: datetime
    acknowledged_by: int | None

    @classmethod
    def from_row(cls, row: Any) -> ConcernView:
        return cls(
            id=row["id"],
            student_id=row["student_id"],
            coach_id=row["coach_id"],
            level=row["level"],
            status=row["status"],
            reasons=json.loads(row["reasons"]),
            stage=row["escalation_stage"],
            ack_deadline=from_db(row["ack_deadline"]) if row["ack_deadline"] else None,
            created_at=from_db(row["created_at"]),
            updated_at=from_db(row["updated_at"]),
            acknowledged_by=row["acknowledged_by"],
        )


class ConcernText:
    def __init__(self, tr: Translator, flows: FlowRegistry, tz: ZoneInfo) -> None:
        self.tr = tr
        self.flows = flows
        self.tz = tz

    # -- small pieces -----------------------------------------------------------------------

    def badge(self, lang: str, level: str) -> str:
        return self.tr.plain(lang, "risk-level", level)

    def when(self, lang: str, moment: datetime) -> str:
        local = moment.astimezone(self.tz)
        return self.tr.plain(
            lang,
            "risk-when",
            day=self.tr.plain(lang, "risk-weekday", f"d{local.weekday()}"),
            date=short_date(local.date()),
            hh=f"{local.hour:02d}",
            mm=f"{local.minute:02d}",
        )

    def duty_to_report(self, lang: str, student: str, under_18: bool | None) -> str:
        """The child-welfare duty to report (lastensuojeluilmoitus): for a student under 18;
        when the birth date is not known, phrased on that condition; for an adult, what to do
        instead."""
        which = {True: "minor", False: "adult", None: "unknown"}[under_18]
        return self.tr.html(lang, f"risk-alert-duty-{which}", student=student)

    def status(self, lang: str, status: str) -> str:
        return self.tr.plain(lang, "risk-status", status)

    def head(self, lang: str, level: str, student: str, group: str | None) -> str:
        text = self.tr.html(lang, "risk-alert-head", badge=self.badge(lang, level), student=student)
        if group:
            text += " · " + self.tr.html(lang, "risk-alert-group", group=group)
        return text

    def first_reason(self, lang: str, concern: ConcernView) -> str:
        strongest = max(
            concern.reasons, key=lambda r: _rank(str(r.get("level", "info"))), default=None
        )
        return self.tr.html(lang, str(strongest["reason"])) if strongest else ""

    # -- reasons and facts ----------------------------------------------------------------------

    async def reason_lines(
        self, db: Reads, lang: str, reasons: Sequence[Mapping[str, Any]], *, digest: bool
    ) -> list[str]:
        """One bullet per distinct reason (the newest signal of it), its facts indented."""
        latest: dict[str, Mapping[str, Any]] = {}
        for reason in reasons:
            latest.pop(str(reason["reason"]), None)
            latest[str(reason["reason"])] = reason
        ordered = sorted(latest.values(), key=lambda r: -_rank(str(r.get("level", "info"))))
        lines: list[str] = []
        sentences_seen: set[str] = set()
        for reason in ordered:
            lines.append(f"• <b>{self.tr.html(lang, str(reason['reason']))}</b>")
            for fact in await self.fact_lines(db, lang, reason, digest=digest):
                lines.append(f"   {fact}")
            quotes: list[str] = []
            for reason_any in reasons:  # every crisis sentence of this reason, once
                if reason_any["reason"] != reason["reason"]:
                    continue
                for sentence in reason_any.get("sentences", []):
                    if sentence in sentences_seen:
                        continue
                    sentences_seen.add(sentence)
                    quotes.append(str(sentence))
            earlier = 0 if digest else max(0, len(quotes) - ALERT_QUOTES)
            if earlier:
                lines.append("   " + self.tr.html(lang, "risk-quote-earlier", count=earlier))
            lines += ["   " + self.tr.html(lang, "risk-quote", text=q) for q in quotes[earlier:]]
        return lines

    async def fact_lines(
        self, db: Reads, lang: str, reason: Mapping[str, Any], *, digest: bool
    ) -> list[str]:
        tr = self.tr
        out: list[str] = []
        flow = await self._flow_of(db, reason)
        history: Mapping[str, list[Mapping[str, Any]]] = reason.get("history") or {}
        shown_measures: set[str] = set()
        for measure, points in history.items():
            question = _question_for_measure(flow, measure)
            if not points:
                continue
            label = self.label(lang, question, measure)
            displays = [
                self._display(lang, question, p.get("value"), p.get("score")) for p in points
            ]
            if len(set(displays)) == 1 and len(points) > 1:
                out.append(
                    tr.html(
                        lang, "risk-fact-same", label=label, answer=displays[0], count=len(points)
                    )
                )
            else:
                trail = " → ".join(
                    f"{d} ({short_date(date.fromisoformat(p['at']))})" if p.get("at") else d
                    for d, p in zip(displays, points, strict=True)
                )
                out.append(tr.html(lang, "risk-fact-trend", label=label, answers=trail))
            shown_measures.add(measure)
        session_id = reason.get("session")
        for qid in reason.get("facts", []):
            question = flow.questions.get(str(qid)) if flow else None
            if question is None or session_id is None:
                continue
            if question.measures and question.measures in shown_measures:
                continue
            row = await db.fetchone(
                "SELECT value, score FROM answers WHERE session_id = ? AND question_id = ?",
                (session_id, qid),
            )
            if row is None:
                continue
            value = json.loads(row["value"])
            if value in (None, "", []):
                continue
            if question.type == "text":
                if not digest:
                    continue  # free text reaches an alert only as a crisis sentence
                shown = str(value)
                if len(shown) > DIGEST_TEXT_LIMIT:
                    shown = shown[: DIGEST_TEXT_LIMIT - 1] + "…"
                out.append(
                    tr.html(
                        lang,
                        "risk-fact-question",
                        label=self.label(lang, question, None),
                        answer=shown,
                    )
                )
                continue
            answer = self._display(lang, question, value, row["score"])
            measured = bool(question.measures) and tr.has(lang, "risk-measure", question.measures)
            out.append(
                tr.html(
                    lang,
                    "risk-fact-answer" if measured else "risk-fact-question",
                    label=self.label(lang, question, question.measures),
                    answer=answer,
                )
            )
        detail: Mapping[str, Any] = reason.get("detail") or {}
        if "missed" in detail:
            out.append(tr.html(lang, "risk-fact-missed", count=int(detail["missed"])))
        if "channel" in detail:
            how = tr.plain(lang, "risk-talk-how", str(detail["channel"]))
            out.append(tr.html(lang, "risk-fact-channel", how=how))
        return out

    def label(self, lang: str, question: Question | None, measure: str | None) -> str:
        if measure and self.tr.has(lang, "risk-measure", measure):
            return self.tr.plain(lang, "risk-measure", measure)
        if question is None:
            return measure or ""
        text = self.tr.plain(lang, question.text)
        found = _QUESTION_SENTENCE.search(text)
        return (found.group(0) if found else text.split(".")[0]).strip()

    def _display(self, lang: str, question: Question | None, value: Any, score: Any) -> str:
        if question is None or question.type == "scale5":
            return f"{float(score):g}/5" if score is not None else "–"
        if value is None:
            return self.tr.plain(lang, "answer-skipped")
        if question.type in ("choice", "yesno", "multichoice"):
            values = value if isinstance(value, list) else [value]
            if not values:
                return self.tr.plain(lang, "answer-none-chosen")
            return ", ".join(render.option_label(self.tr, lang, question, str(v)) for v in values)
        return html.unescape(render.answer_display(self.tr, lang, question, value))

    async def _flow_of(self, db: Reads, reason: Mapping[str, Any]) -> Flow | None:
        flow_id = reason.get("flow")
        if not flow_id:
            return None
        session_id = reason.get("session")
        if session_id is not None:
            row = await db.fetchone(
                "SELECT flow_id, flow_version FROM sessions WHERE id = ?", (session_id,)
            )
            if row is not None:
                return await self.flows.version(db, row["flow_id"], row["flow_version"])
        return self.flows.current(str(flow_id))


def short_date(day: date) -> str:
    return f"{day.day}.{day.month}."


def _question_for_measure(flow: Flow | None, measure: str) -> Question | None:
    if flow is None:
        return None
    return next((q for q in flow.questions.values() if q.measures == measure), None)


def _rank(level: str) -> int:
    order = ("info", "concern", "urgent", "crisis")
    return order.index(level) if level in order else 0
