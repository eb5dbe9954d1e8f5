"""The demo school: one of each kind of person (`seed_demo`, the tests' school) and, for the
playground, two groups of students with weeks of history (`seed_demo_school`)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import to_db
from bot.services import people
from bot.storage.db import Database, Tx


@dataclass(frozen=True)
class Persona:
    key: str
    name: str
    role: str
    tg_user_id: int


DEMO_PERSONAS = (
    Persona("aino", "Aino Laine", "student", 1001),
    Persona("eetu", "Eetu Nieminen", "student", 1002),
    Persona("linnea", "Linnea Berg", "student", 1003),
    Persona("matti", "Matti Virtanen", "coach", 2001),
    Persona("sanna", "Sanna Korhonen", "group_coach", 2002),
    Persona("kaisa", "Kaisa Mäkelä", "coordinator", 2003),
)
DEMO_GROUP = "SÄH23A"


async def seed_demo(db: Database, now: datetime) -> bool:
    """Seed once; returns False when the school already exists."""
    if await db.fetchval("SELECT COUNT(*) FROM persons"):
        return False

    async def work(tx: Tx) -> None:
        group_id = await people.create_group(tx, now, DEMO_GROUP)
        ids = {}
        for p in DEMO_PERSONAS:
            language = "sv" if p.key == "linnea" else "fi"
            roles: tuple[str, ...] = () if p.role == "student" else (p.role,)
            ids[p.key] = await people.create_person(
                tx, now, p.name, roles=roles, language=language, tg_user_id=p.tg_user_id
            )
        await tx.execute(
            "INSERT INTO group_coaches (group_id, person_id) VALUES (?, ?)",
            (group_id, ids["sanna"]),
        )
        for key in ("aino", "eetu", "linnea"):
            await people.add_student(
                tx,
                now,
                ids[key],
                group_id=group_id,
                coach_id=ids["matti"],
                backup_coach_id=ids["kaisa"],
                active=True,
            )

    await db.transaction(work)
    return True


# The demo school of the playground: big enough for reports (at least REPORT_MIN_STUDENTS in a
# group), with weeks of answers, so /raportti, phenomena and trends show something real.
HISTORY_WEEKS = 8
_FIRST_NAMES = (
    "Oona", "Veeti", "Emilia", "Joona", "Ella", "Niko", "Aada", "Eelis", "Helmi", "Leevi",
    "Venla", "Onni", "Iida", "Aleksi", "Sofia", "Elias", "Pihla", "Eino", "Lumi", "Otto",
    "Siiri", "Aaro", "Kerttu", "Luka", "Nelli", "Vilho", "Minea", "Rasmus", "Alisa", "Topias",
    "Jenna", "Kasper", "Milla", "Santeri", "Vilma", "Juho", "Ronja", "Daniel", "Amira", "Ahmed",
    "Maria", "Ivan", "Sara", "Mohamed", "Linh",
)  # fmt: skip
_LAST_NAMES = (
    "Heikkinen", "Koskinen", "Järvinen", "Lehtonen", "Salo", "Rantanen", "Hämäläinen",
    "Laitinen", "Ahonen", "Mustonen", "Peltonen", "Karjalainen", "Lindholm", "Tuominen",
    "Savolainen", "Kinnunen", "Aalto", "Hakala", "Koivisto", "Leinonen", "Nurmi", "Saarinen",
    "Turunen", "Heino", "Miettinen", "Ojala", "Lahtinen", "Kettunen", "Vainio", "Harju",
)  # fmt: skip
_PER_GROUP = 15


def _names(offset: int) -> tuple[str, ...]:
    """Fifteen distinct made-up names, the same on every machine."""
    return tuple(
        f"{_FIRST_NAMES[(offset + n) % len(_FIRST_NAMES)]}"
        f" {_LAST_NAMES[(offset * 7 + n * 11) % len(_LAST_NAMES)]}"
        for n in range(_PER_GROUP)
    )


# Three groups of fifteen: a real school reports only on whole, ended weeks in which every
# figure concerns at least REPORT_MIN_STUDENTS students (README, "Report anonymity"), so a
# demo with a handful of students would show little but 🔒.
MORE_STUDENTS = {DEMO_GROUP: _names(0), "LOG24B": _names(15), "ICT25A": _names(30)}
# In LOG24B sleep gets worse in the last three weeks: a phenomenon for the coordinator to see.
TIRED_GROUP = "LOG24B"


async def seed_demo_school(db: Database, now: datetime) -> bool:
    """The demo people (`seed_demo`) plus three groups of students with eight weeks of weekly
    check-ins, a few closed cases and their contacts. Seeds once; False when already there."""
    if not await seed_demo(db, now):
        return False
    rng = random.Random(2026)  # the same school on every machine

    async def work(tx: Tx) -> None:
        matti = await _person_id(tx, "matti")
        kaisa = await _person_id(tx, "kaisa")
        sanna = await _person_id(tx, "sanna")
        flow_version = await tx.fetchval(
            "SELECT MAX(version) FROM flow_versions WHERE flow_id = 'viikkokysely'"
        )
        history_start = now - timedelta(weeks=HISTORY_WEEKS + 1)
        for group, names in MORE_STUDENTS.items():
            group_id = await tx.fetchval("SELECT id FROM groups WHERE name = ?", (group,))
            if group_id is None:
                group_id = await people.create_group(tx, history_start, group)
                await tx.execute(
                    "INSERT INTO group_coaches (group_id, person_id) VALUES (?, ?)",
                    (group_id, sanna),
                )
            for n, name in enumerate(names):
                student = await people.create_person(tx, history_start, name, language="fi")
                await people.add_student(
                    tx,
                    history_start,
                    student,
                    group_id=group_id,
                    coach_id=matti,
                    backup_coach_id=kaisa,
                    active=True,
                )
                for weeks_ago in range(HISTORY_WEEKS, 0, -1):
                    at = now - timedelta(weeks=weeks_ago) + timedelta(minutes=rng.randint(0, 600))
                    if rng.random() < 0.15:  # not everyone answers every week
                        await _unanswered(tx, student, at, int(flow_version or 1), weeks_ago)
                        continue
                    tired = group == TIRED_GROUP and weeks_ago <= 3
                    await _checkin(
                        tx, rng, student, at, int(flow_version or 1), weeks_ago, tired=tired
                    )
                if n % 3 != 2:  # two in three had a case, spread over the last four weeks
                    await _closed_case(tx, rng, student, matti, now, weeks_ago=1 + n % 4)

    await db.transaction(work)
    return True


async def _person_id(tx: Tx, key: str) -> int:
    persona = next(p for p in DEMO_PERSONAS if p.key == key)
    return int(
        await tx.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (persona.tg_user_id,))
    )


async def _checkin(
    tx: Tx,
    rng: random.Random,
    student: int,
    at: datetime,
    version: int,
    weeks_ago: int,
    *,
    tired: bool,
) -> None:
    session = await tx.execute(
        "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, status,"
        " started_at, updated_at, finished_at) VALUES (?, 'viikkokysely', ?, ?, 'end',"
        " 'completed', ?, ?, ?)",
        (student, version, f"demo-{weeks_ago}-weeks-ago", to_db(at), to_db(at), to_db(at)),
    )
    low = 1 if tired else 0
    scores = {
        ("jaksaminen", "wellbeing"): rng.choice((3, 4, 4, 5)) - low - rng.choice((0, 0, low)),
        ("opinnot", "studies"): rng.choice((2, 3, 4, 4, 5)),
        ("ryhma", "belonging"): rng.choice((3, 4, 4, 5)),
    }
    absence = rng.choice(("ei", "ei", "ei", "vahan"))
    everyday = (
        ["uni"]
        if tired and rng.random() < 0.7
        else [rng.choice(("kaikki_hyvin",) * 4 + ("uni", "raha"))]
    )
    rows: list[tuple[str, object, str, float | None]] = [
        (question, value, measure, float(value)) for (question, measure), value in scores.items()
    ]
    rows.append(("poissaolot", absence, "absence", {"ei": 5.0, "vahan": 3.0}[absence]))
    rows.append(("arki", everyday, "everyday", None))
    rows.append(("ajatukset", "ei", "quitting", 5.0))
    for question, value, measure, score in rows:
        await tx.execute(
            "INSERT INTO answers (session_id, question_id, value, measure, score, answered_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (session, question, json.dumps(value), measure, score, to_db(at)),
        )
    if "uni" in everyday and rng.random() < 0.3:
        await tx.execute(
            "INSERT INTO cue_hits (person_id, category, negated, detected_at) VALUES (?,?,0,?)",
            (student, "sleep", to_db(at)),
        )


async def _unanswered(tx: Tx, student: int, at: datetime, version: int, weeks_ago: int) -> None:
    await tx.execute(
        "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, status,"
        " started_at, updated_at, finished_at) VALUES (?, 'viikkokysely', ?, ?, 'jaksaminen',"
        " 'expired', ?, ?, ?)",
        (student, version, f"demo-{weeks_ago}-weeks-ago", to_db(at), to_db(at), to_db(at)),
    )


async def _closed_case(
    tx: Tx, rng: random.Random, student: int, coach: int, now: datetime, *, weeks_ago: int
) -> None:
    opened = now - timedelta(weeks=weeks_ago) + timedelta(days=rng.randint(0, 3), hours=2)
    contacted = opened + timedelta(hours=rng.randint(3, 40))
    closed = contacted + timedelta(days=rng.randint(3, 12))
    concern = await tx.execute(
        "INSERT INTO concerns (student_id, coach_id, level, status, measure, created_at,"
        " updated_at, acknowledged_at, acknowledged_by, first_contact_at, closed_at, closed_by,"
        " closure_reason) VALUES (?, ?, ?, 'closed', 'wellbeing', ?, ?, ?, ?, ?, ?, ?,"
        " 'tilanne_kunnossa')",
        (
            student,
            coach,
            rng.choice(("concern", "concern", "urgent")),
            to_db(opened),
            to_db(closed),
            to_db(opened + timedelta(hours=2)),
            coach,
            to_db(contacted),
            to_db(closed),
            coach,
        ),
    )
    await tx.execute(
        "INSERT INTO contacts (concern_id, student_id, coach_id, contacted_on, channel, note,"
        " created_at) VALUES (?, ?, ?, ?, 'kasvokkain', 'Juteltiin viikosta.', ?)",
        (concern, student, coach, contacted.date().isoformat(), to_db(contacted)),
    )
