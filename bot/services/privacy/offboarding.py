"""A staff member leaves (or changes job): their access ends at once, and nobody is dropped.

One transaction, used by `kohtaamo admin offboard` and /hallinta alike: every staff role is
taken away, their students and open cases move to a successor (the students are told who
their coach is now, the successor what they got), their unused invites, live buttons, typed
inputs and unfinished contact logs stop working, and messages still waiting for them are
withdrawn. Their name stays on what they did (contacts, case events): that is the school's
record. Reassigning a student moves the student's open cases with them (`move_open_cases`),
so a former coach keeps no access through an old case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.clock import to_db
from bot.i18n import Translator
from bot.services import people
from bot.services.audit import audit
from bot.services.cases.concerns import event
from bot.services.enrolment.roster import coach_change_notices
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutboxRow, OutMessage
from bot.services.privacy.outbox import enqueue_ephemeral, forget_rows
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

STAFF_ROLES = ("coach", "group_coach", "coordinator", "welfare")
SUCCESSOR_ROLES = ("coach", "coordinator")
OPEN = "status != 'closed'"


class OffboardRefused(Exception):
    """Why the offboarding cannot be done as asked; `msg_id` is a locale id."""

    def __init__(self, msg_id: str, **args: str | int) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.args_ = args


@dataclass
class Offboarded:
    name: str
    roles: list[str]
    successor: str | None
    students: int
    cases: int
    rows: list[OutboxRow] = field(default_factory=list)


@dataclass(frozen=True)
class Workload:
    name: str
    students: int  # whom they coach
    cases: int  # open cases they hold


async def workload(db: Reads, person_id: int) -> Workload:
    """What would have to move if the person left."""
    person = await people.person_by_id(db, person_id)
    students = await db.fetchval(
        "SELECT COUNT(*) FROM students WHERE coach_id = ? AND status != 'left'", (person_id,)
    )
    cases = await db.fetchval(
        f"SELECT COUNT(*) FROM concerns WHERE coach_id = ? AND {OPEN}", (person_id,)
    )
    return Workload(person.display_name if person else "–", int(students), int(cases))


async def move_open_cases(
    tx: Tx, now: datetime, student_ids: Sequence[int], coach_id: int, actor_id: int | None
) -> list[int]:
    """The students' open cases go to their new coach; returns the cases moved."""
    moved: list[int] = []
    for student_id in student_ids:
        rows = await tx.fetchall(
            f"SELECT id, coach_id FROM concerns WHERE student_id = ? AND {OPEN}"
            " AND (coach_id IS NULL OR coach_id != ?)",
            (student_id, coach_id),
        )
        for row in rows:
            await tx.execute("UPDATE concerns SET coach_id = ? WHERE id = ?", (coach_id, row["id"]))
            await event(
                tx,
                row["id"],
                now,
                "reassigned",
                actor_id=actor_id,
                old=row["coach_id"],
                new=coach_id,
            )
            moved.append(int(row["id"]))
    return moved


async def offboard_staff(
    unit: UnitOfWork,
    tr: Translator,
    person_id: int,
    successor_id: int | None,
    actor_id: int | None,
) -> Offboarded:
    now = unit.now

    async def work(tx: Tx) -> Offboarded:
        person = await people.person_by_id(tx, person_id)
        roles = sorted(person.roles & set(STAFF_ROLES)) if person else []
        if person is None or not roles:
            raise OffboardRefused("offboard-not-staff")
        name = person.display_name
        if "coordinator" in roles:
            others = await tx.fetchval(
                "SELECT COUNT(*) FROM person_roles WHERE role = 'coordinator' AND person_id != ?",
                (person_id,),
            )
            if not others:
                raise OffboardRefused("offboard-last-coordinator", name=name)
        students = [
            int(r["person_id"])
            for r in await tx.fetchall(
                "SELECT person_id FROM students WHERE coach_id = ? AND status != 'left'",
                (person_id,),
            )
        ]
        cases = await tx.fetchval(
            f"SELECT COUNT(*) FROM concerns WHERE coach_id = ? AND {OPEN}", (person_id,)
        )
        successor = await people.person_by_id(tx, successor_id) if successor_id else None
        if successor_id is not None and (
            successor is None
            or successor_id == person_id
            or not successor.roles & set(SUCCESSOR_ROLES)
        ):
            raise OffboardRefused("offboard-bad-successor", name=name)
        if (students or cases) and successor is None:
            raise OffboardRefused(
                "offboard-needs-successor", name=name, students=len(students), cases=cases
            )

        moved_cases: list[int] = []
        if successor is not None:
            await tx.execute(
                "UPDATE students SET coach_id = ? WHERE coach_id = ?", (successor.id, person_id)
            )
            # The successor cannot be their own backup.
            await tx.execute(
                "UPDATE students SET backup_coach_id = NULL WHERE backup_coach_id = coach_id"
            )
            open_students = [
                int(r["student_id"])
                for r in await tx.fetchall(
                    f"SELECT DISTINCT student_id FROM concerns WHERE coach_id = ? AND {OPEN}",
                    (person_id,),
                )
            ]
            moved_cases = await move_open_cases(tx, now, open_students, successor.id, actor_id)
            for student_id in students:
                await audit(tx, now, "coach_assigned", actor_id=actor_id, subject_id=student_id)
        await tx.execute(
            "UPDATE students SET backup_coach_id = NULL WHERE backup_coach_id = ?", (person_id,)
        )
        await tx.execute(
            "DELETE FROM person_roles WHERE person_id = ? AND role != 'student'", (person_id,)
        )
        await tx.execute("DELETE FROM group_coaches WHERE person_id = ?", (person_id,))
        await tx.execute(
            "UPDATE invites SET expires_at = ? WHERE person_id = ? AND used_at IS NULL"
            " AND expires_at > ?",
            (to_db(now), person_id, to_db(now)),
        )
        await tx.execute(
            "UPDATE sessions SET status = 'superseded', finished_at = ?, updated_at = ?"
            " WHERE person_id = ? AND status = 'open'",
            (to_db(now), to_db(now), person_id),
        )
        rows: list[OutboxRow] = []
        tg = person.tg_user_id
        if tg is not None:
            # Old buttons and half-typed inputs stop working at once; nothing about students
            # that was still waiting to reach them goes out.
            await tx.execute("DELETE FROM callbacks WHERE tg_user_id = ?", (tg,))
            await tx.execute("DELETE FROM pending_inputs WHERE tg_user_id = ?", (tg,))
            await forget_rows(
                tx, "chat_id = ? AND sent_at IS NULL AND failed_at IS NULL", (tg,), now
            )
            bye = await enqueue_ephemeral(
                tx,
                f"offboarded:{person_id}:{now.timestamp()}",
                OutMessage(tg, tr.html(person.language, "offboard-you")),
                now=now,
                priority=PRIORITY_NORMAL,
            )
            rows += [bye] if bye else []
        await audit(
            tx,
            now,
            "staff_offboarded",
            actor_id=actor_id,
            person=person_id,
            roles=roles,
            successor=successor.id if successor else None,
            students=len(students),
            cases=len(moved_cases),
        )
        if successor is not None:
            rows += await coach_change_notices(tx, now, tr, students)
            if successor.tg_user_id is not None and (students or moved_cases):
                text = tr.html(
                    successor.language,
                    "offboard-successor",
                    name=name,
                    students=len(students),
                    cases=len(moved_cases),
                )
                told = await enqueue_ephemeral(
                    tx,
                    f"offboarded:{person_id}:to:{successor.id}:{now.timestamp()}",
                    OutMessage(successor.tg_user_id, text),
                    now=now,
                    priority=PRIORITY_NORMAL,
                )
                rows += [told] if told else []
        return Offboarded(
            name,
            roles,
            successor.display_name if successor else None,
            len(students),
            len(moved_cases),
            rows,
        )

    return await unit.run(work)
