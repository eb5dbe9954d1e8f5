"""A small demo school for the playground: one of each kind of person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
