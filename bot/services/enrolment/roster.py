"""Roster import: `name;group;coach[;backup coach[;study start[;birth date]]]` lines →
students with personal invite links. The birth date, when the school gives it, only tells
staff whether the duty to report (lastensuojeluilmoitus) applies to a child-protection alert.

The whole file is checked before anything is written; any problem is reported with its line
number and nothing is imported. Re-importing is idempotent: the same name in the same group is
the same student. A student who has not joined yet gets a new link only when the old one was
used or has expired, or when new links are asked for; a student who joined gets none.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import segno

from bot.clock import to_db
from bot.config import Settings
from bot.csv_safe import SafeWriter
from bot.dates import parse_day
from bot.i18n import Translator
from bot.services import people
from bot.services.audit import audit
from bot.services.enrolment.invites import (
    GROUP_LIMIT,
    clean_name,
    create_invite,
    group_key,
    name_key,
    open_invite_for,
    revoke_open_invites,
)
from bot.services.enrolment.text import local_day_text
from bot.services.messaging.outbox import PRIORITY_NORMAL, OutboxRow, OutMessage
from bot.services.privacy.outbox import enqueue_ephemeral
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

MAX_ROWS = 3000
MAX_PROBLEMS_SHOWN = 30
HEADER_WORDS = frozenset({"name", "nimi", "namn", "opiskelija", "student", "studerande"})
COACH_ROLES = ("coach",)
BACKUP_ROLES = ("coach", "coordinator")


@dataclass(frozen=True)
class Problem:
    line: int | None
    msg_id: str
    args: dict[str, str | int] = field(default_factory=dict)

    def text(self, tr: Translator, lang: str, *, html: bool = True) -> str:
        body = (
            tr.html(lang, self.msg_id, **self.args)
            if html
            else tr.plain(lang, self.msg_id, None, **self.args)
        )
        if self.line is None:
            return body
        return tr.plain(lang, "roster-line", line=self.line) + " " + body


@dataclass(frozen=True)
class RosterLine:
    line: int
    name: str
    group: str
    coach: str
    backup: str | None
    clipped: bool
    started_on: date | None = None  # study start: the risk point "first weeks of studies"
    born_on: date | None = None  # birth date: is the student under 18 (duty to report)?


def parse_start(text: str) -> date | None:
    """A full date ('1.8.2026', '2026-08-01'): a roster has no "this year" to assume."""
    return parse_day(text, date.min, without_year="refuse")


@dataclass
class ResultRow:
    line: int
    name: str
    group: str
    coach: str
    status: str  # new | new-link | link-valid | joined
    token: str | None = None
    expires: datetime | None = None
    coach_changed: bool = False


@dataclass
class RosterResult:
    problems: list[Problem] = field(default_factory=list)
    rows: list[ResultRow] = field(default_factory=list)
    new_groups: list[str] = field(default_factory=list)
    clipped: list[int] = field(default_factory=list)
    notices: list[OutboxRow] = field(default_factory=list)
    written: bool = False

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def links(self) -> int:
        return sum(1 for r in self.rows if r.token)


# -- parsing (pure) ---------------------------------------------------------------------------


def _delimiter(lines: list[str]) -> str:
    first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    for candidate in (";", "\t", ","):
        if candidate in first:
            return candidate
    return ";"


def parse(text: str) -> tuple[list[RosterLine], list[Problem]]:
    lines = text.lstrip("\ufeff").splitlines()
    delimiter = _delimiter(lines)
    rows: list[RosterLine] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    header_checked = False
    for number, cells in enumerate(csv.reader(lines, delimiter=delimiter), start=1):
        cells = [c.strip() for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if not cells or cells[0].startswith("#"):
            continue
        if not header_checked:
            header_checked = True
            if cells[0].casefold() in HEADER_WORDS:
                continue
        row = _roster_line(number, cells, problems)
        if row is None:
            continue
        key = (name_key(row.name), group_key(row.group))
        if key in seen:
            problems.append(Problem(number, "roster-error-duplicate", {"first": seen[key]}))
            continue
        seen[key] = number
        rows.append(row)
    if not rows and not problems:
        problems.append(Problem(None, "roster-error-empty"))
    if len(rows) > MAX_ROWS:
        problems.append(Problem(None, "roster-error-too-many", {"limit": MAX_ROWS}))
    return rows, problems


def _roster_line(number: int, cells: list[str], problems: list[Problem]) -> RosterLine | None:
    """One student's line, or None when it has a problem (noted in `problems`)."""
    if not 3 <= len(cells) <= 6:
        problems.append(Problem(number, "roster-error-columns", {"found": len(cells)}))
        return None
    name, clipped = clean_name(cells[0])
    group, _ = clean_name(cells[1], 10_000)
    coach, _ = clean_name(cells[2])
    backup = clean_name(cells[3])[0] if len(cells) >= 4 else ""
    dates = _line_dates(number, cells, problems)
    if dates is None:
        return None
    missing = _name_problems(number, name, group, coach)
    if missing:
        problems.extend(missing)
        return None
    started, born = dates
    return RosterLine(number, name, group, coach, backup or None, clipped, started, born)


def _line_dates(
    number: int, cells: list[str], problems: list[Problem]
) -> tuple[date | None, date | None] | None:
    """The optional study start and birth date; None when one is given but is no full date."""
    start_text = cells[4] if len(cells) >= 5 else ""
    started = parse_start(start_text) if start_text else None
    if start_text and started is None:
        problems.append(Problem(number, "roster-error-start-date"))
        return None
    born = parse_start(cells[5]) if len(cells) == 6 else None
    if len(cells) == 6 and (born is None or born.year < 1900):
        problems.append(Problem(number, "roster-error-birth-date"))
        return None
    return started, born


def _name_problems(number: int, name: str, group: str, coach: str) -> list[Problem]:
    """Name, group and coach are required, and a group name has a length limit."""
    found: list[Problem] = []
    if not name:
        found.append(Problem(number, "roster-error-empty-name"))
    if not group:
        found.append(Problem(number, "roster-error-empty-group"))
    elif len(group) > GROUP_LIMIT:
        found.append(Problem(number, "roster-error-group-long", {"limit": GROUP_LIMIT}))
    if not coach:
        found.append(Problem(number, "roster-error-empty-coach"))
    return found


# -- resolving names against the database ------------------------------------------------------


async def staff_by_name(db: Reads, roles: tuple[str, ...]) -> dict[str, list[int]]:
    marks = ",".join("?" * len(roles))
    rows = await db.fetchall(
        "SELECT DISTINCT p.id, p.display_name FROM persons p JOIN person_roles r"
        f" ON r.person_id = p.id WHERE r.role IN ({marks})",
        roles,
    )
    found: dict[str, list[int]] = {}
    for row in rows:
        found.setdefault(name_key(row["display_name"]), []).append(int(row["id"]))
    return found


def _pick(
    by_name: dict[str, list[int]], name: str, line: int, kind: str, problems: list[Problem]
) -> int | None:
    ids = by_name.get(name_key(name), [])
    if len(ids) == 1:
        return ids[0]
    msg = "roster-error-ambiguous-coach" if ids else "roster-error-unknown-coach"
    problems.append(Problem(line, msg, {"name": name, "kind": kind}))
    return None


async def _known_coaches(tx: Tx) -> str:
    rows = await tx.fetchall(
        "SELECT DISTINCT p.display_name FROM persons p JOIN person_roles r ON r.person_id = p.id"
        " WHERE r.role = 'coach' ORDER BY p.display_name LIMIT 12"
    )
    return ", ".join(r["display_name"] for r in rows) or "–"


# -- importing ----------------------------------------------------------------------------------


async def import_roster(
    unit: UnitOfWork,
    settings: Settings,
    tr: Translator,
    text: str,
    *,
    created_by: int | None,
    new_links: bool = False,
    dry_run: bool = False,
) -> RosterResult:
    """Check everything, then (unless `dry_run` or there are problems) import in one
    transaction. Tokens in the result are shown once and never stored."""
    now = unit.now
    lines, parse_problems = parse(text)

    async def work(tx: Tx) -> RosterResult:
        result, resolved = await _check(tx, lines, parse_problems)
        if result.problems:
            return result
        groups = {
            group_key(g["name"]): (int(g["id"]), str(g["name"]))
            for g in await tx.fetchall("SELECT id, name FROM groups")
        }
        planned_new: dict[str, str] = {}
        for r, _, _ in resolved:
            gk = group_key(r.group)
            if gk not in groups and gk not in planned_new:
                planned_new[gk] = r.group
        result.new_groups = list(planned_new.values())
        students = await _students_by_name(tx, now)
        if dry_run:
            for r, _, _ in resolved:
                result.rows.append(_planned_row(r, groups, students, new_links))
            return result

        for gk, name in planned_new.items():
            groups[gk] = (await people.create_group(tx, now, name), name)
        coach_names = {
            int(row["id"]): str(row["display_name"])
            for row in await tx.fetchall("SELECT id, display_name FROM persons")
        }
        writer = _Writer(tx, now, settings, created_by, new_links, groups, students, coach_names)
        for r, coach_id, backup_id in resolved:
            result.rows.append(await writer.write(r, coach_id, backup_id))
        result.notices = await coach_change_notices(tx, now, tr, writer.changed)
        await audit(
            tx,
            now,
            "roster_import",
            actor_id=created_by,
            rows=len(result.rows),
            links=result.links,
            new_groups=len(result.new_groups),
        )
        result.written = True
        return result

    return await unit.run(work)


async def _check(
    tx: Tx, lines: list[RosterLine], parse_problems: list[Problem]
) -> tuple[RosterResult, list[tuple[RosterLine, int, int | None]]]:
    """Every problem of the file at once, in line order: format and names alike; and each
    line with its coach's and backup coach's id."""
    result = RosterResult(clipped=[r.line for r in lines if r.clipped])
    coaches = await staff_by_name(tx, COACH_ROLES)
    backups = await staff_by_name(tx, BACKUP_ROLES)
    resolved: list[tuple[RosterLine, int, int | None]] = []
    for r in lines:
        coach_id = _pick(coaches, r.coach, r.line, "coach", result.problems)
        backup_id = (
            _pick(backups, r.backup, r.line, "backup", result.problems) if r.backup else None
        )
        if coach_id is not None:
            resolved.append((r, coach_id, backup_id))
    unknown = any(p.msg_id == "roster-error-unknown-coach" for p in result.problems)
    result.problems = sorted(
        parse_problems + result.problems, key=lambda p: (p.line is None, p.line or 0)
    )
    if unknown:
        result.problems.append(
            Problem(None, "roster-known-coaches", {"names": await _known_coaches(tx)})
        )
    return result, resolved


async def _students_by_name(tx: Tx, now: datetime) -> dict[tuple[str, int], dict[str, object]]:
    """Every student by (name key, group id), with whether an unused link is still open."""
    students: dict[tuple[str, int], dict[str, object]] = {}
    for s in await tx.fetchall(
        "SELECT s.person_id, s.group_id, s.status, s.coach_id, s.backup_coach_id,"
        " p.display_name, p.tg_user_id, p.language FROM students s"
        " JOIN persons p ON p.id = s.person_id"
    ):
        students[(name_key(s["display_name"]), s["group_id"])] = dict(s)
    with_link = {
        int(r["person_id"])
        for r in await tx.fetchall(
            "SELECT DISTINCT person_id FROM invites WHERE role = 'student'"
            " AND used_at IS NULL AND expires_at > ? AND person_id IS NOT NULL",
            (to_db(now),),
        )
    }
    for student_row in students.values():
        student_row["has_link"] = student_row["person_id"] in with_link
    return students


def _planned_row(
    r: RosterLine,
    groups: dict[str, tuple[int, str]],
    students: dict[tuple[str, int], dict[str, object]],
    new_links: bool,
) -> ResultRow:
    """What importing the line would do (a dry run writes nothing)."""
    gid = groups.get(group_key(r.group), (None, ""))[0]
    seen = students.get((name_key(r.name), gid)) if gid is not None else None
    status = "new" if seen is None else _planned_status(seen, new_links)
    return ResultRow(r.line, r.name, r.group, r.coach, status)


@dataclass
class _Writer:
    """Writes the checked lines of one import, inside its transaction."""

    tx: Tx
    now: datetime
    settings: Settings
    created_by: int | None
    new_links: bool
    groups: dict[str, tuple[int, str]]
    students: dict[tuple[str, int], dict[str, object]]
    coach_names: dict[int, str]
    changed: list[int] = field(default_factory=list)  # joined students whose coach changed

    async def write(self, r: RosterLine, coach_id: int, backup_id: int | None) -> ResultRow:
        group_id, group_name = self.groups[group_key(r.group)]
        coach = self.coach_names.get(coach_id, r.coach)
        row = ResultRow(r.line, r.name, group_name, coach, "new")
        known = self.students.get((name_key(r.name), group_id))
        if known is None:
            person_id = await self._add(r, group_id, coach_id, backup_id)
        else:
            person_id = await self._update(known, row, coach_id, backup_id)
        if r.started_on is not None:
            await self.tx.execute(
                "UPDATE students SET study_started_on = ? WHERE person_id = ?",
                (r.started_on.isoformat(), person_id),
            )
        if r.born_on is not None:
            await self.tx.execute(
                "UPDATE students SET birth_date = ? WHERE person_id = ?",
                (r.born_on.isoformat(), person_id),
            )
        await self._link(row, person_id, group_id)
        return row

    async def _add(self, r: RosterLine, group_id: int, coach_id: int, backup_id: int | None) -> int:
        person_id = await people.create_person(
            self.tx, self.now, r.name, language=self.settings.default_language
        )
        await people.add_student(
            self.tx,
            self.now,
            person_id,
            group_id=group_id,
            coach_id=coach_id,
            backup_coach_id=backup_id,
        )
        return person_id

    async def _update(
        self, known: dict[str, object], row: ResultRow, coach_id: int, backup_id: int | None
    ) -> int:
        """A student already on the roster: new coaches are written, and a changed coach is
        told to the student (`changed`)."""
        person_id = int(str(known["person_id"]))
        if (known["coach_id"], known["backup_coach_id"]) != (coach_id, backup_id):
            await self.tx.execute(
                "UPDATE students SET coach_id = ?, backup_coach_id = ? WHERE person_id = ?",
                (coach_id, backup_id, person_id),
            )
            row.coach_changed = True
            if known["coach_id"] != coach_id:
                self.changed.append(person_id)
        row.status = _planned_status(known, self.new_links)
        return person_id

    async def _link(self, row: ResultRow, person_id: int, group_id: int) -> None:
        """A new invite link when one is due; otherwise when the open one expires."""
        if row.status in ("new", "new-link"):
            await revoke_open_invites(self.tx, person_id, self.now)
            row.token, row.expires = await create_invite(
                self.tx,
                self.now,
                self.settings.invite_ttl_days,
                "student",
                person_id=person_id,
                group_id=group_id,
                created_by=self.created_by,
            )
        elif row.status == "link-valid":
            invite = await open_invite_for(self.tx, person_id, self.now)
            row.expires = invite.expires_at if invite else None


def _planned_status(known: dict[str, object], new_links: bool) -> str:
    if known["status"] == "active":
        return "joined"
    if new_links or not known["has_link"]:
        return "new-link"
    return "link-valid"


async def coach_change_notices(
    tx: Tx, now: datetime, tr: Translator, student_ids: list[int]
) -> list[OutboxRow]:
    """A student who has joined is told, by name, who their coach is now: the consent they
    gave named a person, so a change must never happen silently."""
    rows: list[OutboxRow] = []
    for student_id in student_ids:
        row = await tx.fetchone(
            "SELECT p.tg_user_id, p.language, p.display_name, c.display_name AS coach"
            " FROM students s JOIN persons p ON p.id = s.person_id"
            " LEFT JOIN persons c ON c.id = s.coach_id"
            " WHERE s.person_id = ? AND s.status = 'active'",
            (student_id,),
        )
        if row is None or row["tg_user_id"] is None or row["coach"] is None:
            continue
        first = str(row["display_name"]).split(" ")[0]
        text = tr.html(row["language"], "student-coach-changed", name=first, coach=row["coach"])
        sent = await enqueue_ephemeral(
            tx,
            f"coach-changed:{student_id}:{to_db(now)}",
            OutMessage(row["tg_user_id"], text),
            now=now,
            priority=PRIORITY_NORMAL,
        )
        rows += [sent] if sent else []
    return rows


# -- output ---------------------------------------------------------------------------------------


def safe_cell(value: str) -> str:
    """Spreadsheet programs run a cell that starts with = + - @ as a formula; a name must
    never do that on the coordinator's computer."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def result_csv(
    result: RosterResult,
    link_for: Callable[[str], str],
    tr: Translator,
    lang: str,
    tz_day: Callable[[datetime], str],
) -> bytes:
    out = io.StringIO()
    writer = SafeWriter(out, delimiter=";")
    writer.writerow(
        [
            tr.plain(lang, "roster-csv", col)
            for col in ("name", "group", "link", "expires", "coach", "status")
        ]
    )
    for r in result.rows:
        writer.writerow(
            [
                safe_cell(r.name),
                safe_cell(r.group),
                link_for(r.token) if r.token else "",
                tz_day(r.expires) if r.expires else "",
                safe_cell(r.coach),
                tr.plain(lang, "roster-status", r.status),
            ]
        )
    # UTF-8 with a byte order mark, so Excel shows ä and ö right when the file is opened.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def slug(name: str, limit: int = 40) -> str:
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_).strip("-")[:limit] or "opiskelija"


def qr_png(link: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=3)
    return buffer.getvalue()


def qr_files(result: RosterResult, link_for: Callable[[str], str]) -> dict[str, bytes]:
    """One PNG per new link, named so the files sort in roster order."""
    return {
        f"{r.line:04d}-{slug(r.group)}-{slug(r.name)}.png": qr_png(link_for(r.token))
        for r in result.rows
        if r.token
    }


def qr_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def summary(result: RosterResult, tr: Translator, lang: str, *, preview: bool) -> str:
    """What the coordinator reads after checking or importing (HTML)."""
    if result.problems:
        shown = result.problems[:MAX_PROBLEMS_SHOWN]
        lines = [p.text(tr, lang) for p in shown]
        more = len(result.problems) - len(shown)
        if more > 0:
            lines.append(tr.html(lang, "roster-more-problems", count=more))
        return (
            tr.html(lang, "roster-problems", count=len(result.problems))
            + "\n"
            + "\n".join("• " + line for line in lines)
        )
    key = "roster-preview" if preview else "roster-done"
    parts = [
        tr.html(
            lang,
            key,
            rows=len(result.rows),
            new=result.count("new"),
            relinked=result.count("new-link"),
            valid=result.count("link-valid"),
            joined=result.count("joined"),
            links=result.links,
        )
    ]
    if result.new_groups:
        parts.append(tr.html(lang, "roster-new-groups", groups=", ".join(result.new_groups)))
    changed = sum(1 for r in result.rows if r.coach_changed)
    if changed:
        parts.append(tr.html(lang, "roster-coach-changes", count=changed))
    if result.clipped:
        parts.append(
            tr.html(lang, "roster-clipped", lines=", ".join(str(n) for n in result.clipped[:20]))
        )
    return "\n\n".join(parts)


def day_formatter(settings: Settings) -> Callable[[datetime], str]:
    return lambda when: local_day_text(when, settings.tz)
