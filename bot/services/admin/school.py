"""The coordinator's use cases: groups, staff invites, coach assignments, student links.

Used by /hallinta in Telegram and by `kohtaamo admin …` on the command line, so both do exactly
the same thing. Each use case is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bot.clock import to_db
from bot.config import Settings
from bot.i18n import Translator
from bot.services import people
from bot.services.audit import audit
from bot.services.enrolment.access import StudentStatus, group_students
from bot.services.enrolment.invites import (
    GROUP_LIMIT,
    clean_name,
    create_invite,
    group_key,
    name_key,
    revoke_open_invites,
)
from bot.services.enrolment.roster import ResultRow, RosterResult, coach_change_notices
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutboxRow, OutMessage
from bot.services.privacy.offboarding import move_open_cases
from bot.services.privacy.outbox import enqueue_ephemeral
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

STAFF_INVITE_ROLES = ("coach", "group_coach", "coordinator", "welfare")


class AdminError(Exception):
    """A refusal the coordinator should read; `msg_id` is a locale id."""

    def __init__(self, msg_id: str, **args: str | int) -> None:
        super().__init__(msg_id)
        self.msg_id = msg_id
        self.args_ = args


@dataclass(frozen=True)
class Group:
    id: int
    name: str
    active: int = 0
    invited: int = 0
    declined: int = 0
    group_coaches: str = ""


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    roles: frozenset[str]
    joined: bool


@dataclass
class StaffInvite:
    status: str  # link | already | added
    name: str
    person_id: int
    token: str | None = None
    expires: datetime | None = None
    rows: list[OutboxRow] = field(default_factory=list)


# -- groups -----------------------------------------------------------------------------------


async def create_group(unit: UnitOfWork, raw_name: str, actor_id: int | None) -> str:
    """Returns the group's name; AdminError when it exists or looks like an existing one."""
    now = unit.now
    name, _ = clean_name(raw_name, 10_000)
    if not name or len(name) > GROUP_LIMIT:
        raise AdminError("admin-group-invalid", limit=GROUP_LIMIT)

    async def work(tx: Tx) -> str:
        for row in await tx.fetchall("SELECT name FROM groups"):
            if group_key(row["name"]) == group_key(name):
                raise AdminError("admin-group-exists", name=str(row["name"]))
        await people.create_group(tx, now, name)
        await audit(tx, now, "group_created", actor_id=actor_id, group=name)
        return name

    return await unit.run(work)


async def groups(db: Reads) -> list[Group]:
    rows = await db.fetchall(
        "SELECT g.id, g.name,"
        " (SELECT COUNT(*) FROM students s WHERE s.group_id = g.id AND s.status = 'active') AS a,"
        " (SELECT COUNT(*) FROM students s WHERE s.group_id = g.id AND s.status = 'invited') AS i,"
        " (SELECT COUNT(*) FROM students s WHERE s.group_id = g.id AND s.status = 'declined')"
        " AS d,"
        " (SELECT group_concat(p.display_name, ', ') FROM group_coaches gc JOIN persons p"
        "  ON p.id = gc.person_id WHERE gc.group_id = g.id) AS gcs"
        " FROM groups g ORDER BY g.name COLLATE NOCASE"
    )
    return [Group(r["id"], r["name"], r["a"], r["i"], r["d"], r["gcs"] or "") for r in rows]


async def coached_groups_linked(db: Reads, person_id: int) -> dict[int, bool]:
    """The groups a group coach coaches: group id -> whether its group chat is linked."""
    rows = await db.fetchall(
        "SELECT g.id, g.chat_id FROM groups g JOIN group_coaches gc ON gc.group_id = g.id"
        " WHERE gc.person_id = ?",
        (person_id,),
    )
    return {int(r["id"]): r["chat_id"] is not None for r in rows}


async def move_group_chat(tx: Tx, old_chat_id: int, new_chat_id: int) -> None:
    """A group chat became a supergroup: its group follows it to the new chat id — unless a
    group already has that id."""
    if await tx.fetchval("SELECT 1 FROM groups WHERE chat_id = ?", (new_chat_id,)) is None:
        await tx.execute(
            "UPDATE groups SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id)
        )


async def group_by_name(db: Reads, name: str) -> Group | None:
    for group in await groups(db):
        if group_key(group.name) == group_key(name):
            return group
    return None


async def group_by_id(db: Reads, group_id: int) -> Group | None:
    return next((g for g in await groups(db) if g.id == group_id), None)


# -- staff ------------------------------------------------------------------------------------


async def staff(db: Reads, roles: tuple[str, ...] = STAFF_INVITE_ROLES) -> list[StaffMember]:
    marks = ",".join("?" * len(roles))
    rows = await db.fetchall(
        "SELECT p.id, p.display_name, p.tg_user_id, group_concat(r2.role) AS roles"
        " FROM persons p JOIN person_roles r2 ON r2.person_id = p.id"
        f" WHERE p.id IN (SELECT person_id FROM person_roles WHERE role IN ({marks}))"
        " AND r2.role != 'student'"
        " GROUP BY p.id ORDER BY p.display_name COLLATE NOCASE",
        roles,
    )
    return [
        StaffMember(
            r["id"],
            r["display_name"],
            frozenset(r["roles"].split(",")),
            r["tg_user_id"] is not None,
        )
        for r in rows
    ]


async def invite_staff(
    unit: UnitOfWork,
    settings: Settings,
    tr: Translator,
    role: str,
    raw_name: str,
    actor_id: int | None,
    *,
    group_id: int | None = None,
) -> StaffInvite:
    """A deep link for a named coach, group coach, coordinator or welfare contact (kuraattori).

    The name is recorded now, so a roster can already name a coach who has not opened their
    link yet. A person of that name who has already joined gets the role (or the group) at
    once instead of a link."""
    now = unit.now
    if role not in STAFF_INVITE_ROLES:
        raise ValueError(role)
    if role == "group_coach" and group_id is None:
        raise AdminError("admin-group-required")
    name, _ = clean_name(raw_name)
    if not name:
        raise AdminError("admin-name-invalid")

    async def work(tx: Tx) -> StaffInvite:
        candidates = [
            m for m in await staff(tx, STAFF_INVITE_ROLES) if name_key(m.name) == name_key(name)
        ]
        if len(candidates) > 1:
            raise AdminError("admin-name-ambiguous", name=name)
        if candidates and candidates[0].joined:
            found = candidates[0]
            result = StaffInvite("already", found.name, found.id)
            if role == "group_coach" and group_id is not None:
                added = await tx.execute(
                    "INSERT OR IGNORE INTO group_coaches (group_id, person_id) VALUES (?, ?)",
                    (group_id, found.id),
                )
                await people.grant_role(tx, now, found.id, role)
                if added:
                    result.status = "added"
                    result.rows = await _tell_group_coach(tx, now, tr, found.id, group_id)
            elif role not in found.roles:
                # Joined, but not in this role: the role needs the person's own link press.
                result.status = "link"
            if result.status != "link":
                await audit(tx, now, "staff_" + result.status, actor_id=actor_id, role=role)
                return result
        if candidates:
            person_id = candidates[0].id
        else:
            person_id = await people.create_person(
                tx, now, name, roles=(role,), language=settings.default_language
            )
        await revoke_open_invites(tx, person_id, now)
        token, expires = await create_invite(
            tx,
            now,
            settings.invite_ttl_days,
            role,
            person_id=person_id,
            group_id=group_id,
            created_by=actor_id,
        )
        await audit(tx, now, "staff_invited", actor_id=actor_id, role=role)
        shown = candidates[0].name if candidates else name
        return StaffInvite("link", shown, person_id, token, expires)

    return await unit.run(work)


async def invite_coordinator(
    unit: UnitOfWork,
    settings: Settings,
    tr: Translator,
    raw_name: str | None,
    actor_id: int | None,
) -> tuple[str, datetime]:
    """The bootstrap link. Without a name, the person's Telegram name is used when they join."""
    now = unit.now
    if raw_name:
        invite = await invite_staff(unit, settings, tr, "coordinator", raw_name, actor_id)
        if invite.token is None or invite.expires is None:
            raise AdminError("admin-already-coordinator", name=invite.name)
        return invite.token, invite.expires

    async def work(tx: Tx) -> tuple[str, datetime]:
        result = await create_invite(
            tx, now, settings.invite_ttl_days, "coordinator", created_by=actor_id
        )
        await audit(tx, now, "staff_invited", actor_id=actor_id, role="coordinator")
        return result

    return await unit.run(work)


async def _tell_group_coach(
    tx: Tx, now: datetime, tr: Translator, person_id: int, group_id: int
) -> list[OutboxRow]:
    row = await tx.fetchone(
        "SELECT p.tg_user_id, p.language, g.name FROM persons p, groups g"
        " WHERE p.id = ? AND g.id = ?",
        (person_id, group_id),
    )
    if row is None or row["tg_user_id"] is None:
        return []
    text = tr.html(row["language"], "admin-you-are-group-coach", group=row["name"])
    sent = await enqueue_ephemeral(
        tx,
        f"gc:{person_id}:{group_id}",
        OutMessage(row["tg_user_id"], text),
        now=now,
        priority=PRIORITY_NORMAL,
    )
    return [sent] if sent else []


# -- students ---------------------------------------------------------------------------------


async def assign_coach(
    unit: UnitOfWork,
    tr: Translator,
    student_ids: list[int],
    coach_id: int,
    backup_id: int | None,
    actor_id: int | None,
) -> list[OutboxRow]:
    """Set the coach and backup coach of students; joined students whose coach changed are
    told the new name, and the new coach hears how many students they got."""
    now = unit.now
    if backup_id == coach_id:
        raise AdminError("admin-backup-same")

    async def work(tx: Tx) -> list[OutboxRow]:
        coach = await people.person_by_id(tx, coach_id)
        if coach is None or not coach.has("coach"):
            raise AdminError("admin-not-a-coach")
        if backup_id is not None:
            backup = await people.person_by_id(tx, backup_id)
            if backup is None or not (backup.has("coach") or backup.has("coordinator")):
                raise AdminError("admin-not-a-coach")
        changed, assigned = [], 0
        for student_id in student_ids:
            row = await tx.fetchone(
                "SELECT coach_id FROM students WHERE person_id = ?", (student_id,)
            )
            if row is None:
                continue
            await tx.execute(
                "UPDATE students SET coach_id = ?, backup_coach_id = ? WHERE person_id = ?",
                (coach_id, backup_id, student_id),
            )
            assigned += 1
            if row["coach_id"] != coach_id:
                changed.append(student_id)
            await audit(tx, now, "coach_assigned", actor_id=actor_id, subject_id=student_id)
        # Their open cases go with them: the former coach keeps no access through a case.
        await move_open_cases(tx, now, changed, coach_id, actor_id)
        rows = await coach_change_notices(tx, now, tr, changed)
        if changed and coach.tg_user_id is not None:
            text = tr.html(coach.language, "admin-coach-got-students", count=len(changed))
            sent = await enqueue_ephemeral(
                tx,
                f"assigned:{coach_id}:{now.timestamp()}:{len(changed)}",
                OutMessage(coach.tg_user_id, text),
                now=now,
                priority=PRIORITY_NORMAL,
            )
            rows += [sent] if sent else []
        if not assigned:
            raise AdminError("admin-no-students")
        return rows

    return await unit.run(work)


# -- how studies end ----------------------------------------------------------------------------

STUDY_STATUSES = ("studying", "interrupted", "transferred", "graduated")


async def set_study_status(
    unit: UnitOfWork,
    tr: Translator,
    student_id: int,
    study_status: str,
    actor_id: int | None,
) -> list[OutboxRow]:
    """The coordinator records how a student's studies ended (or that they study again).
    One who has left gets no more check-ins (an open one is cancelled) and is told so once,
    with where their data is and how to erase it; reports count an interruption or a
    transfer as having left, graduating not. Audited; the student sees it in /omat_tiedot."""
    now = unit.now
    if study_status not in STUDY_STATUSES:
        raise AdminError("admin-study-status-unknown")

    async def work(tx: Tx) -> list[OutboxRow]:
        row = await tx.fetchone(
            "SELECT s.status, s.consent_at, p.tg_user_id, p.language, p.display_name"
            " FROM students s JOIN persons p ON p.id = s.person_id WHERE s.person_id = ?",
            (student_id,),
        )
        if row is None:
            raise AdminError("admin-student-gone")
        stamp = to_db(now)
        if study_status == "studying":
            back = "active" if row["consent_at"] else "invited"
            await tx.execute(
                "UPDATE students SET status = ?, left_reason = NULL, left_on = NULL"
                " WHERE person_id = ?",
                (back, student_id),
            )
        else:
            await tx.execute(
                "UPDATE students SET status = 'left', left_reason = ?, left_on = ?"
                " WHERE person_id = ?",
                (study_status, stamp[:10], student_id),
            )
            await tx.execute(
                "UPDATE sessions SET status = 'cancelled', finished_at = ?, updated_at = ?"
                " WHERE person_id = ? AND status = 'open'",
                (stamp, stamp, student_id),
            )
        await audit(
            tx, now, "study_status_set", actor_id=actor_id, subject_id=student_id, to=study_status
        )
        joined = row["status"] == "active" or (row["status"] == "left" and row["consent_at"])
        if not joined or row["tg_user_id"] is None:
            return []
        text = tr.html(
            row["language"],
            f"student-study-{study_status}",
            name=str(row["display_name"]).split(" ")[0],
        )
        told = await enqueue_ephemeral(
            tx,
            f"study-status:{student_id}:{study_status}:{now.timestamp()}",
            OutMessage(row["tg_user_id"], text),
            now=now,
            priority=PRIORITY_NORMAL,
        )
        return [told] if told else []

    return await unit.run(work)


async def new_student_link(
    unit: UnitOfWork, settings: Settings, student_id: int, actor_id: int | None
) -> tuple[str, datetime]:
    """A fresh personal link for a student who has not joined (the old one stops working)."""
    now = unit.now

    async def work(tx: Tx) -> tuple[str, datetime]:
        row = await tx.fetchone(
            "SELECT status, group_id FROM students WHERE person_id = ?", (student_id,)
        )
        if row is None:
            raise AdminError("admin-student-gone")
        if row["status"] == "active":
            raise AdminError("admin-student-joined")
        await revoke_open_invites(tx, student_id, now)
        result = await create_invite(
            tx,
            now,
            settings.invite_ttl_days,
            "student",
            person_id=student_id,
            group_id=row["group_id"],
            created_by=actor_id,
        )
        await audit(tx, now, "student_link", actor_id=actor_id, subject_id=student_id)
        return result

    return await unit.run(work)


async def roster_of_group(unit: UnitOfWork, group_id: int, actor_id: int) -> list[StudentStatus]:
    """Names and enrolment status of a group, for setting it up. It names students, so it is
    a staff read: each student will see it in /omat_tiedot."""
    now = unit.now
    students = await group_students(unit.reads, group_id)

    async def work(tx: Tx) -> None:
        for s in students:
            await audit(tx, now, "roster_view", actor_id=actor_id, subject_id=s.person_id)

    await unit.run(work)
    return students


async def find_students(db: Reads, name: str, group: str | None) -> list[int]:
    """Students whose name matches exactly (case and spacing aside), optionally in a group."""
    rows = await db.fetchall(
        "SELECT s.person_id, p.display_name, g.name AS grp FROM students s"
        " JOIN persons p ON p.id = s.person_id LEFT JOIN groups g ON g.id = s.group_id"
    )
    return [
        int(r["person_id"])
        for r in rows
        if name_key(r["display_name"]) == name_key(name)
        and (group is None or group_key(r["grp"] or "") == group_key(group))
    ]


async def new_links_for_group(
    unit: UnitOfWork, settings: Settings, group_id: int, actor_id: int | None
) -> RosterResult:
    """Fresh links for everyone in a group who has not joined (old links stop working)."""
    now = unit.now

    async def work(tx: Tx) -> RosterResult:
        result = RosterResult(written=True)
        for n, s in enumerate(await group_students(tx, group_id), start=1):
            if s.status == "active":
                continue
            await revoke_open_invites(tx, s.person_id, now)
            token, expires = await create_invite(
                tx,
                now,
                settings.invite_ttl_days,
                "student",
                person_id=s.person_id,
                group_id=group_id,
                created_by=actor_id,
            )
            result.rows.append(
                ResultRow(n, s.name, s.group or "", s.coach_name or "", "new-link", token, expires)
            )
            await audit(tx, now, "student_link", actor_id=actor_id, subject_id=s.person_id)
        return result

    return await unit.run(work)
