"""`kohtaamo admin …`: the coordinator's setup for IT people, on the same use cases as /hallinta.

Invite links need the bot's @username. The command line has no running bot, so it takes, in
order: --bot-username, the BOT_USERNAME setting, or asks Telegram
(getMe) when TELEGRAM_BOT_TOKEN is set. Without any of them it prints the /start payload and a
link with <BOT_USERNAME> in it, to be completed by hand.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

from bot.clock import Clock, SystemClock
from bot.config import ConfigError, Settings, load_settings
from bot.files import write_files
from bot.i18n import Translator
from bot.services.admin import school as admin
from bot.services.admin.school import AdminError
from bot.services.enrolment import roster
from bot.services.enrolment.access import group_students
from bot.services.enrolment.invites import invite_link, name_key
from bot.services.enrolment.text import local_day_text
from bot.services.privacy.offboarding import (
    STAFF_ROLES,
    SUCCESSOR_ROLES,
    OffboardRefused,
    offboard_staff,
)
from bot.services.unit import UnitOfWork
from bot.storage.db import Database

CLI_LANGUAGE = "en"
PLACEHOLDER = "<BOT_USERNAME>"


def add_parser(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        "admin", help="set up the school: coordinators, groups, coaches, roster"
    )
    parser.add_argument("--database", help="database file (default: DATABASE_PATH)")
    parser.add_argument("--bot-username", help="the bot's @username, for invite links")
    cmds = parser.add_subparsers(dest="admin_command", required=True)
    p = cmds.add_parser("invite-coordinator", help="print a one-time link that makes a coordinator")
    p.add_argument("--name", help="their name (default: their Telegram name)")
    p = cmds.add_parser("create-group", help="create a group, e.g. SÄH23A")
    p.add_argument("name", help="the group's name as the school uses it, e.g. SÄH23A")
    p = cmds.add_parser("invite-coach", help="print a personal invite link for a coach")
    p.add_argument("name", help="full name as students know them")
    p = cmds.add_parser(
        "invite-welfare",
        help="print an invite link for the school's welfare contact (kuraattori): they get"
        " child-protection alerts with the coach",
    )
    p.add_argument("name", help="full name as students know them")
    for alias in ("invite-group-coach",):
        p = cmds.add_parser(alias, help="print an invite link for a group's group coach")
        p.add_argument("name", help="full name of the group coach")
        p.add_argument("--group", required=True, help="the group they lead, e.g. SÄH23A")
    p = cmds.add_parser(
        "import-roster", help="import name;group;coach[;backup[;study start[;birth date]]] lines"
    )
    p.add_argument("file", help="CSV file (UTF-8, ';' separated); '-' reads standard input")
    p.add_argument("--out", help="write name;group;link;… CSV here (default: standard output)")
    p.add_argument("--qr-dir", help="write one QR code PNG per new link into this directory")
    p.add_argument("--new-links", action="store_true", help="new links for all who have not joined")
    p.add_argument("--dry-run", action="store_true", help="check only; write nothing")
    p = cmds.add_parser("assign-coach", help="set the coach (and backup) of a student or group")
    p.add_argument("--group", required=True, help="the students' group, e.g. SÄH23A")
    p.add_argument("--student", help="one student's full name (default: the whole group)")
    p.add_argument("--coach", required=True, help="the coach's full name")
    p.add_argument("--backup", help="backup coach's name")
    p = cmds.add_parser(
        "study-status",
        help="record how a student's studies ended (check-ins stop), or that they study again",
    )
    p.add_argument("name", help="the student's full name")
    p.add_argument("--group", required=True, help="the student's group, e.g. SÄH23A")
    p.add_argument(
        "--status",
        required=True,
        choices=admin.STUDY_STATUSES,
        help="studying, or how they ended: interrupted, transferred, graduated",
    )
    p = cmds.add_parser(
        "offboard",
        help="end a staff member's access at once: every staff role goes, their students and"
        " open cases move to a successor (audited)",
    )
    p.add_argument("name", help="the staff member's full name")
    p.add_argument("--to", help="the successor's full name (a coach or coordinator)")
    return parser


def run(
    args: argparse.Namespace,
    out: TextIO = sys.stdout,
    err: TextIO = sys.stderr,
    clock: Clock | None = None,
) -> int:
    try:
        settings = load_settings()
    except ConfigError as exc:
        print(exc, file=err)
        return 2
    if args.database:
        settings = settings.model_copy(update={"database_path": Path(args.database)})
    return asyncio.run(_run(args, settings, out, err, clock or SystemClock()))


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


async def bot_username(args: argparse.Namespace, settings: Settings) -> str | None:
    if args.bot_username:
        return str(args.bot_username).lstrip("@")
    if settings.bot_username:
        return settings.bot_username.lstrip("@")
    if settings.telegram_bot_token:
        from bot.telegram.features.admin import fetch_bot_username

        return await fetch_bot_username(settings)
    return None


async def _run(
    args: argparse.Namespace, settings: Settings, out: TextIO, err: TextIO, clock: Clock
) -> int:
    tr = Translator(settings.locales_dir, settings.default_language)
    db = await Database.open(settings.database_path)
    try:
        username = None
        if args.admin_command not in ("create-group", "assign-coach", "offboard", "study-status"):
            username = await bot_username(args, settings)
            if username is None:
                print(
                    "note: no bot username (use --bot-username or BOT_USERNAME); links below say"
                    f" {PLACEHOLDER}",
                    file=err,
                )

        def link_for(token: str) -> str:
            return invite_link(username or PLACEHOLDER, token)

        try:
            context = Context(args, settings, tr, db, link_for, clock.now(), out, err)
            return await COMMANDS[args.admin_command](context)
        except AdminError as exc:
            print(plain(tr.plain(CLI_LANGUAGE, exc.msg_id, None, **exc.args_)), file=err)
            return 1
    finally:
        await db.close()


@dataclass(frozen=True)
class Context:
    args: argparse.Namespace
    settings: Settings
    tr: Translator
    db: Database
    link: Callable[[str], str]
    now: datetime
    out: TextIO
    err: TextIO

    @property
    def unit(self) -> UnitOfWork:
        """One command is one unit of work, keyed by its moment."""
        return UnitOfWork(self.db, self.now, f"cli:{self.now.isoformat()}")


async def _invite_coordinator(x: Context) -> int:
    token, expires = await admin.invite_coordinator(x.unit, x.settings, x.tr, x.args.name, None)
    until = local_day_text(expires, x.settings.tz)
    print(f"Coordinator invite (works once, valid until {until}):", file=x.out)
    print(x.link(token), file=x.out)
    return 0


async def _create_group(x: Context) -> int:
    name = await admin.create_group(x.unit, x.args.name, None)
    print(f"Group {name} created.", file=x.out)
    return 0


async def _invite_staff(x: Context) -> int:
    role = {"invite-group-coach": "group_coach", "invite-welfare": "welfare"}.get(
        x.args.admin_command, "coach"
    )
    group_id = None
    if role == "group_coach":
        group = await admin.group_by_name(x.db, x.args.group)
        if group is None:
            print(f"No group called {x.args.group!r}.", file=x.err)
            return 1
        group_id = group.id
    invite = await admin.invite_staff(
        x.unit, x.settings, x.tr, role, x.args.name, None, group_id=group_id
    )
    if invite.token is None or invite.expires is None:
        print(
            f"{invite.name} is already in Kohtaamo ({invite.status}); no link needed.", file=x.out
        )
        return 0
    until = local_day_text(invite.expires, x.settings.tz)
    print(f"Invite for {invite.name} (works once, valid until {until}):", file=x.out)
    print(x.link(invite.token), file=x.out)
    return 0


async def _import_roster(x: Context) -> int:
    args, tr, err = x.args, x.tr, x.err
    if args.file == "-":
        text = sys.stdin.read()
    else:
        text = await asyncio.to_thread(Path(args.file).read_text, encoding="utf-8-sig")
    result = await roster.import_roster(
        x.unit,
        x.settings,
        tr,
        text,
        created_by=None,
        new_links=args.new_links,
        dry_run=args.dry_run,
    )
    for problem in result.problems:
        print(problem.text(tr, CLI_LANGUAGE, html=False), file=err)
    if result.problems:
        print("Nothing was imported.", file=err)
        return 1
    print(plain(roster.summary(result, tr, CLI_LANGUAGE, preview=args.dry_run)), file=err)
    if not result.written:
        return 0
    data = roster.result_csv(result, x.link, tr, CLI_LANGUAGE, roster.day_formatter(x.settings))
    if args.out:
        await asyncio.to_thread(Path(args.out).write_bytes, data)
        print(f"Links written to {args.out}", file=err)
    else:
        x.out.write(data.decode("utf-8-sig"))
    if args.qr_dir:
        directory = Path(args.qr_dir)
        await asyncio.to_thread(write_files, directory, roster.qr_files(result, x.link).items())
        print(f"QR codes written to {directory}", file=err)
    return 0


async def _assign_coach(x: Context) -> int:
    args, err = x.args, x.err
    group = await admin.group_by_name(x.db, args.group)
    if group is None:
        print(f"No group called {args.group!r}.", file=err)
        return 1
    coach = _one(await roster.staff_by_name(x.db, roster.COACH_ROLES), args.coach, "coach", err)
    backup = None
    if args.backup:
        backups = await roster.staff_by_name(x.db, roster.BACKUP_ROLES)
        backup = _one(backups, args.backup, "backup coach", err)
        if backup is None:
            return 1
    if coach is None:
        return 1
    if args.student:
        students = await admin.find_students(x.db, args.student, group.name)
    else:
        students = [st.person_id for st in await group_students(x.db, group.id)]
    if not students:
        print("No such student in that group.", file=err)
        return 1
    rows = await admin.assign_coach(x.unit, x.tr, students, coach, backup, None)
    print(f"{len(students)} student(s) in {group.name}: coach {args.coach}.", file=x.out)
    if rows:
        print(f"{len(rows)} message(s) queued; the running bot sends them.", file=x.out)
    return 0


def _one(by_name: dict[str, list[int]], name: str, what: str, err: TextIO) -> int | None:
    ids = by_name.get(name_key(name), [])
    if len(ids) != 1:
        print(f"{'More than one' if ids else 'No'} {what} called {name!r}.", file=err)
        return None
    return ids[0]


async def _study_status(x: Context) -> int:
    args, err = x.args, x.err
    students = await admin.find_students(x.db, args.name, args.group)
    if len(students) != 1:
        found = "No such student" if not students else "More than one student by that name"
        print(f"{found} in {args.group}.", file=err)
        return 1
    rows = await admin.set_study_status(x.unit, x.tr, students[0], args.status, None)
    print(f"{args.name}: {args.status}.", file=x.out)
    if rows:
        print(f"{len(rows)} message(s) queued; the running bot sends them.", file=x.out)
    return 0


async def _offboard(x: Context) -> int:
    args, err = x.args, x.err
    everyone = await roster.staff_by_name(x.db, STAFF_ROLES)
    person = _one(everyone, args.name, "staff member", err)
    if person is None:
        return 1
    successor = None
    if args.to:
        successor = _one(
            await roster.staff_by_name(x.db, SUCCESSOR_ROLES), args.to, "successor", err
        )
        if successor is None:
            return 1
    try:
        done = await offboard_staff(x.unit, x.tr, person, successor, None)
    except OffboardRefused as exc:
        print(plain(x.tr.plain(CLI_LANGUAGE, exc.msg_id, None, **exc.args_)), file=err)
        return 1
    print(
        plain(
            x.tr.plain(
                CLI_LANGUAGE,
                "offboard-done",
                name=done.name,
                successor=done.successor or "–",
                students=done.students,
                cases=done.cases,
            )
        ),
        file=x.out,
    )
    if done.rows:
        print(f"{len(done.rows)} message(s) queued; the running bot sends them.", file=x.out)
    return 0


COMMANDS = {
    "offboard": _offboard,
    "study-status": _study_status,
    "invite-coordinator": _invite_coordinator,
    "create-group": _create_group,
    "invite-coach": _invite_staff,
    "invite-group-coach": _invite_staff,
    "invite-welfare": _invite_staff,
    "import-roster": _import_roster,
    "assign-coach": _assign_coach,
}
