"""Crafted data for the report, phenomenon and trend tests, written straight into the tables
the other features fill (the schema of 0001_core.sql). No tests here: helpers only."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from bot.clock import FakeClock, to_db
from bot.config import PROJECT_ROOT, load_settings
from bot.i18n import Translator
from bot.services import people
from bot.services.container import Services
from bot.services.flows import FlowRegistry
from bot.storage.db import Database, Tx

# Question ids of the weekly check-in, by measure.
QUESTION = {
    "wellbeing": "jaksaminen",
    "studies": "opinnot",
    "belonging": "ryhma",
    "absence": "poissaolot",
    "quitting": "ajatukset",
    "everyday": "arki",
}
_counter = iter(range(1, 10**9))


async def services(path: Path, clock: FakeClock) -> Services:
    """The bot's services without Telegram, on a fresh database."""
    settings = load_settings(telegram_bot_token="1:x", database_path=path)
    db = await Database.open(path)
    tr = Translator(PROJECT_ROOT / "locales")
    flows, problems = FlowRegistry.load(PROJECT_ROOT / "flows", tr)
    assert problems == []
    await flows.sync(db, clock.now())
    return Services(settings, db, clock, tr, flows)


async def students(
    db: Database,
    now: datetime,
    group: str | None,
    count: int,
    *,
    prefix: str = "Opiskelija",
    status: str = "active",
) -> list[int]:
    async def work(tx: Tx) -> list[int]:
        group_id = await people.create_group(tx, now, group) if group else None
        ids = []
        for _ in range(count):
            pid = await people.create_person(tx, now, f"{prefix} {next(_counter)}")
            await people.add_student(tx, now, pid, group_id=group_id, coach_id=None, active=True)
            if status != "active":
                await tx.execute(
                    "UPDATE students SET status = ? WHERE person_id = ?", (status, pid)
                )
            ids.append(pid)
        return ids

    return await db.transaction(work)


async def checkin(
    db: Database,
    student: int,
    at: datetime,
    scores: dict[str, float | None] | None = None,
    *,
    status: str = "completed",
    flow: str = "viikkokysely",
    everyday: list[str] | None = None,
    free_text: str | None = None,
) -> int:
    """One check-in session with its answers (score per measure; options for `arki`)."""

    async def work(tx: Tx) -> int:
        session = await tx.execute(
            "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, status,"
            " started_at, updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                student,
                flow,
                1,
                f"seed-{next(_counter)}",
                "end" if status == "completed" else "jaksaminen",
                status,
                to_db(at),
                to_db(at),
                to_db(at),
            ),
        )
        for measure, score in (scores or {}).items():
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score,"
                " answered_at) VALUES (?,?,?,?,?,?)",
                (session, QUESTION[measure], json.dumps(score), measure, score, to_db(at)),
            )
        if everyday is not None:
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score,"
                " answered_at) VALUES (?,?,?,?,?,?)",
                (session, "arki", json.dumps(everyday), "everyday", None, to_db(at)),
            )
        if free_text is not None:
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score,"
                " answered_at) VALUES (?,?,?,?,?,?)",
                (session, "vapaa", json.dumps(free_text), None, None, to_db(at)),
            )
        return session

    return await db.transaction(work)


async def cue(
    db: Database, student: int, at: datetime, category: str, *, negated: bool = False
) -> None:
    await db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO cue_hits (person_id, category, negated, detected_at) VALUES (?,?,?,?)",
            (student, category, int(negated), to_db(at)),
        )
    )


async def concern(
    db: Database,
    student: int,
    level: str,
    created: datetime,
    *,
    measure: str | None = "wellbeing",
    acknowledged: datetime | None = None,
    first_contact: datetime | None = None,
    logged_contact: datetime | None = None,
    closed: datetime | None = None,
    reason: str | None = None,
) -> int:
    async def work(tx: Tx) -> int:
        concern_id = await tx.execute(
            "INSERT INTO concerns (student_id, level, status, measure, created_at, updated_at,"
            " acknowledged_at, first_contact_at, closed_at, closure_reason)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                student,
                level,
                "closed" if closed else "open",
                measure,
                to_db(created),
                to_db(created),
                to_db(acknowledged) if acknowledged else None,
                to_db(first_contact) if first_contact else None,
                to_db(closed) if closed else None,
                reason,
            ),
        )
        if logged_contact is not None:
            await tx.execute(
                "INSERT INTO contacts (concern_id, student_id, contacted_on, channel, note,"
                " created_at) VALUES (?,?,?,?,?,?)",
                (
                    concern_id,
                    student,
                    logged_contact.date().isoformat(),
                    "puhelu",
                    "Äiti kertoi, että poika on ollut sairaana",  # never in a report
                    to_db(logged_contact),
                ),
            )
        return concern_id

    return await db.transaction(work)
