"""Who may see which student, decided from the database, and the status a coach sees.

A coach sees their own students (students.coach_id). Anyone else — a backup coach, a
coordinator acting as backup — sees a student only while they hold an open case about them
(concerns.coach_id says who holds it). Other features should ask `can_see` before showing a
student to staff.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from bot.clock import from_db, to_db
from bot.storage.db import Reads

OPEN_CONCERN = "status != 'closed'"

_STATUS_SQL = f"""
SELECT s.person_id, p.display_name, g.name AS grp, s.status, s.coach_id, s.backup_coach_id,
       s.paused_until, s.consent_at, p.unreachable_at, p.tg_user_id,
       c.display_name AS coach_name, b.display_name AS backup_name,
       (SELECT MAX(se.finished_at) FROM sessions se
         WHERE se.person_id = s.person_id AND se.status = 'completed') AS last_checkin,
       (SELECT COUNT(*) FROM concerns k
         WHERE k.student_id = s.person_id AND k.{OPEN_CONCERN}) AS open_concerns
FROM students s
JOIN persons p ON p.id = s.person_id
LEFT JOIN groups g ON g.id = s.group_id
LEFT JOIN persons c ON c.id = s.coach_id
LEFT JOIN persons b ON b.id = s.backup_coach_id
"""


@dataclass(frozen=True)
class StudentStatus:
    person_id: int
    name: str
    group: str | None
    status: str  # invited | active | declined | left
    coach_id: int | None
    coach_name: str | None
    backup_name: str | None
    consent_at: datetime | None
    paused_until: datetime | None
    unreachable: bool
    last_checkin: datetime | None
    open_concerns: int
    handed_over: bool = False  # visible only through a case this coach holds

    @property
    def first_name(self) -> str:
        return self.name.split(" ")[0] if self.name.strip() else self.name

    def paused(self, now: datetime) -> bool:
        return self.paused_until is not None and self.paused_until > now

    @classmethod
    def from_row(cls, row: sqlite3.Row, viewer_id: int | None = None) -> StudentStatus:
        def when(value: str | None) -> datetime | None:
            return from_db(value) if value else None

        return cls(
            person_id=row["person_id"],
            name=row["display_name"],
            group=row["grp"],
            status=row["status"],
            coach_id=row["coach_id"],
            coach_name=row["coach_name"],
            backup_name=row["backup_name"],
            consent_at=when(row["consent_at"]),
            paused_until=when(row["paused_until"]),
            unreachable=row["unreachable_at"] is not None,
            last_checkin=when(row["last_checkin"]),
            open_concerns=int(row["open_concerns"]),
            handed_over=viewer_id is not None and row["coach_id"] != viewer_id,
        )


async def can_see(db: Reads, staff_id: int, student_id: int) -> bool:
    row = await db.fetchone(
        "SELECT 1 FROM students WHERE person_id = ? AND coach_id = ?"
        f" UNION SELECT 1 FROM concerns WHERE student_id = ? AND coach_id = ? AND {OPEN_CONCERN}",
        (student_id, staff_id, student_id, staff_id),
    )
    return row is not None


async def visible_students(db: Reads, staff_id: int) -> list[StudentStatus]:
    rows = await db.fetchall(
        _STATUS_SQL + " WHERE s.coach_id = ? OR s.person_id IN (SELECT student_id FROM"
        f" concerns WHERE coach_id = ? AND {OPEN_CONCERN})"
        " ORDER BY g.name, p.display_name COLLATE NOCASE",
        (staff_id, staff_id),
    )
    return [StudentStatus.from_row(r, staff_id) for r in rows]


async def student_status(db: Reads, student_id: int) -> StudentStatus | None:
    row = await db.fetchone(_STATUS_SQL + " WHERE s.person_id = ?", (student_id,))
    return None if row is None else StudentStatus.from_row(row)


async def group_students(db: Reads, group_id: int) -> list[StudentStatus]:
    rows = await db.fetchall(
        _STATUS_SQL + " WHERE s.group_id = ? ORDER BY p.display_name COLLATE NOCASE",
        (group_id,),
    )
    return [StudentStatus.from_row(r) for r in rows]


async def student_names(db: Reads) -> list[tuple[int, str]]:
    """(person id, name) of every student, whoever coaches them."""
    rows = await db.fetchall(
        "SELECT p.id, p.display_name FROM students s JOIN persons p ON p.id = s.person_id"
    )
    return [(int(r["id"]), str(r["display_name"])) for r in rows]


async def own_group_counts(db: Reads, coach_id: int) -> list[sqlite3.Row]:
    """Per group of a coach's own students (name, a = active, i = invited, d = declined),
    counted from those students; a student without a group under the name None."""
    return await db.fetchall(
        "SELECT g.name, SUM(s.status = 'active') AS a, SUM(s.status = 'invited') AS i,"
        " SUM(s.status = 'declined') AS d FROM students s"
        " LEFT JOIN groups g ON g.id = s.group_id WHERE s.coach_id = ?"
        " GROUP BY g.name ORDER BY g.name",
        (coach_id,),
    )


async def loggable_students(
    db: Reads, staff_id: int, *, coordinator: bool
) -> list[tuple[int, str, bool]]:
    """(student id, name, has an open case) a staff member may log contacts for or read the
    history of, open cases first: a coordinator every active student; anyone else their own
    students and those whose open case they hold."""
    params: tuple[int, ...] = ()
    if coordinator:
        where = "st.status = 'active'"
    else:
        where = (
            "st.coach_id = ? OR st.person_id IN (SELECT student_id FROM concerns"
            " WHERE coach_id = ? AND status != 'closed')"
        )
        params = (staff_id, staff_id)
    rows = await db.fetchall(
        "SELECT p.id, p.display_name, EXISTS (SELECT 1 FROM concerns c"
        " WHERE c.student_id = p.id AND c.status != 'closed' AND c.level != 'info') AS open"
        f" FROM students st JOIN persons p ON p.id = st.person_id WHERE {where}"
        " ORDER BY open DESC, p.display_name COLLATE NOCASE",
        params,
    )
    return [(int(r["id"]), str(r["display_name"]), bool(r["open"])) for r in rows]


async def checkins_since(db: Reads, student_id: int, since: datetime) -> int:
    return int(
        await db.fetchval(
            "SELECT COUNT(*) FROM sessions WHERE person_id = ? AND status = 'completed'"
            " AND finished_at >= ?",
            (student_id, to_db(since)),
        )
        or 0
    )


async def open_concern_levels(db: Reads, student_id: int) -> list[str]:
    rows = await db.fetchall(
        f"SELECT level FROM concerns WHERE student_id = ? AND {OPEN_CONCERN} ORDER BY created_at",
        (student_id,),
    )
    return [str(r["level"]) for r in rows]
