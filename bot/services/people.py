"""People, roles, groups and students: the lookups every use case starts from."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from bot.clock import to_db
from bot.config import BASE_LANGUAGE, LANGUAGES
from bot.services.unit import UnitOfWork
from bot.storage.db import Database, Reads, Tx

ROLES = ("student", "coach", "group_coach", "coordinator", "welfare")
# 'welfare': the school's welfare contact (kuraattori), alerted with the coach when a student
# tells of violence, abuse or nowhere safe to be (child protection).
STAFF_ROLES = ("coach", "group_coach", "coordinator", "welfare")


@dataclass(frozen=True)
class Person:
    id: int
    tg_user_id: int | None
    display_name: str
    language: str
    roles: frozenset[str]
    unreachable: bool = False  # Telegram refused our last message to them

    @property
    def first_name(self) -> str:
        return self.display_name.split()[0] if self.display_name.strip() else self.display_name

    @property
    def is_student(self) -> bool:
        return "student" in self.roles

    @property
    def is_staff(self) -> bool:
        return bool(self.roles & set(STAFF_ROLES))

    def has(self, role: str) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class Student:
    person: Person
    status: str
    group_id: int | None
    group_name: str | None
    coach_id: int | None
    coach_name: str | None
    backup_coach_id: int | None
    paused_until: str | None
    quiet_start: str
    quiet_end: str
    birth_date: date | None = None  # from the roster, when the school gave it

    def under_18(self, today: date) -> bool | None:
        """Whether the student is a minor today; None when the birth date is not known."""
        if self.birth_date is None:
            return None
        born = self.birth_date
        had_birthday = (today.month, today.day) >= (born.month, born.day)
        return today.year - born.year - (0 if had_birthday else 1) < 18


async def _person_from_row(db_or_tx: Reads, row: sqlite3.Row) -> Person:
    rows = await db_or_tx.fetchall(
        "SELECT role FROM person_roles WHERE person_id = ?",
        (row["id"],),
    )
    return Person(
        id=row["id"],
        tg_user_id=row["tg_user_id"],
        display_name=row["display_name"],
        language=row["language"],
        roles=frozenset(r["role"] for r in rows),
        unreachable=row["unreachable_at"] is not None,
    )


async def person_by_tg(db: Reads, tg_user_id: int) -> Person | None:
    row = await db.fetchone("SELECT * FROM persons WHERE tg_user_id = ?", (tg_user_id,))
    return None if row is None else await _person_from_row(db, row)


async def person_by_id(db: Reads, person_id: int) -> Person | None:
    row = await db.fetchone("SELECT * FROM persons WHERE id = ?", (person_id,))
    return None if row is None else await _person_from_row(db, row)


async def tg_user_id_of(db: Reads, person_id: int) -> int | None:
    """The person's Telegram user id, if they have joined."""
    found = await db.fetchval("SELECT tg_user_id FROM persons WHERE id = ?", (person_id,))
    return None if found is None else int(found)


async def reachable_coordinators(db: Reads) -> list[sqlite3.Row]:
    """Coordinators Telegram can reach (id, tg_user_id, language), by id."""
    return await db.fetchall(
        "SELECT p.id, p.tg_user_id, p.language FROM persons p"
        " JOIN person_roles r ON r.person_id = p.id AND r.role = 'coordinator'"
        " WHERE p.tg_user_id IS NOT NULL AND p.unreachable_at IS NULL ORDER BY p.id"
    )


async def student(db: Reads, person_id: int) -> Student | None:
    row = await db.fetchone(
        "SELECT s.*, g.name AS group_name, c.display_name AS coach_name FROM students s"
        " LEFT JOIN groups g ON g.id = s.group_id LEFT JOIN persons c ON c.id = s.coach_id"
        " WHERE s.person_id = ?",
        (person_id,),
    )
    person = await person_by_id(db, person_id)
    if row is None or person is None:
        return None
    return Student(
        person=person,
        status=row["status"],
        group_id=row["group_id"],
        group_name=row["group_name"],
        coach_id=row["coach_id"],
        coach_name=row["coach_name"],
        backup_coach_id=row["backup_coach_id"],
        paused_until=row["paused_until"],
        quiet_start=row["quiet_start"],
        quiet_end=row["quiet_end"],
        birth_date=date.fromisoformat(row["birth_date"]) if row["birth_date"] else None,
    )


async def create_person(
    tx: Tx,
    now: datetime,
    name: str,
    *,
    roles: tuple[str, ...] = (),
    language: str = "fi",
    tg_user_id: int | None = None,
) -> int:
    person_id = await tx.execute(
        "INSERT INTO persons (tg_user_id, display_name, language, created_at) VALUES (?,?,?,?)",
        (tg_user_id, name, language, to_db(now)),
    )
    for role in roles:
        await grant_role(tx, now, person_id, role)
    return person_id


async def grant_role(tx: Tx, now: datetime, person_id: int, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    await tx.execute(
        "INSERT OR IGNORE INTO person_roles (person_id, role, granted_at) VALUES (?,?,?)",
        (person_id, role, to_db(now)),
    )


async def create_group(tx: Tx, now: datetime, name: str) -> int:
    existing = await tx.fetchval("SELECT id FROM groups WHERE name = ?", (name,))
    if existing is not None:
        return int(existing)
    return await tx.execute(
        "INSERT INTO groups (name, created_at) VALUES (?, ?)", (name, to_db(now))
    )


async def add_student(
    tx: Tx,
    now: datetime,
    person_id: int,
    *,
    group_id: int | None,
    coach_id: int | None,
    backup_coach_id: int | None = None,
    active: bool = False,
) -> None:
    await grant_role(tx, now, person_id, "student")
    await tx.execute(
        "INSERT INTO students (person_id, group_id, coach_id, backup_coach_id, status, consent_at)"
        " VALUES (?,?,?,?,?,?) ON CONFLICT(person_id) DO UPDATE SET group_id=excluded.group_id,"
        " coach_id=excluded.coach_id, backup_coach_id=excluded.backup_coach_id",
        (
            person_id,
            group_id,
            coach_id,
            backup_coach_id,
            "active" if active else "invited",
            to_db(now) if active else None,
        ),
    )


def language_rows() -> list[list[tuple[int, str]]]:
    """The language buttons as rows of (index in LANGUAGES, language): the full languages on one
    row, each variant (selkosuomi, with a longer label) on its own row below. Callbacks carry the
    index, so LANGUAGES only ever grows at the end."""
    full = [(i, lang) for i, lang in enumerate(LANGUAGES) if lang not in BASE_LANGUAGE]
    return [full] + [[(i, lang)] for i, lang in enumerate(LANGUAGES) if lang in BASE_LANGUAGE]


async def language_for(db: Database, tg_user_id: int, telegram_hint: str | None) -> str | None:
    """A person's chosen language, else a visitor's choice, else Telegram's app language."""
    chosen = await db.fetchval("SELECT language FROM persons WHERE tg_user_id = ?", (tg_user_id,))
    if chosen is None:
        chosen = await db.fetchval(
            "SELECT language FROM visitors WHERE tg_user_id = ?", (tg_user_id,)
        )
    if chosen is None and telegram_hint:
        hint = telegram_hint.split("-")[0].lower()
        chosen = hint if hint in LANGUAGES else None
    return str(chosen) if chosen else None


async def set_language(unit: UnitOfWork, tg_user_id: int, language: str) -> None:
    now = unit.now
    if language not in LANGUAGES:
        raise ValueError(language)

    async def work(tx: Tx) -> None:
        updated = await tx.execute(
            "UPDATE persons SET language = ? WHERE tg_user_id = ?", (language, tg_user_id)
        )
        if not updated:
            await tx.execute(
                "INSERT INTO visitors (tg_user_id, language, updated_at) VALUES (?,?,?)"
                " ON CONFLICT(tg_user_id) DO UPDATE SET language = excluded.language,"
                " updated_at = excluded.updated_at",
                (tg_user_id, language, to_db(now)),
            )

    await unit.run(work)
