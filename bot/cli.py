"""`kohtaamo` — the command line: run the bot, the playground, the stand-in, and admin tools."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError, Settings, load_settings
from bot.startup import StartupError, configure_logging, report

if TYPE_CHECKING:
    from bot.storage.db import Database


def _settings() -> Settings:
    return load_settings()  # a ConfigError is printed as one line by main()


def check_database_folder(path: Path) -> None:
    """The database's folder must exist and be writable. It is not created: a mistyped
    DATABASE_PATH would otherwise start an empty school somewhere else, and the data would
    seem lost. Creating it is one command, which the message gives."""
    folder = path.resolve().parent
    if not folder.is_dir():
        raise StartupError(
            f"the folder of DATABASE_PATH ({folder}) does not exist: create it "
            f"(mkdir -p -m 700 {folder}) or fix DATABASE_PATH"
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StartupError(
            f"the folder of DATABASE_PATH ({folder}) is not writable by this user: "
            "fix its owner or permissions, or DATABASE_PATH"
        )


def _logging(level: str) -> None:
    configure_logging(level)


async def _run_until_signal(settings: Settings) -> None:
    from bot.telegram.runtime import Runtime

    runtime = Runtime(settings)
    await runtime.start()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    logging.getLogger("bot").info("stopping…")
    await runtime.stop()


def cmd_run(args: argparse.Namespace) -> int:
    settings = _settings()
    if not settings.telegram_bot_token:
        print("No TELEGRAM_BOT_TOKEN set: starting the local playground instead.\n")
        return cmd_playground(args)
    check_database_folder(settings.database_path)
    _logging(settings.log_level)
    from telegram.error import InvalidToken, NetworkError

    from bot.storage.db import DatabaseNotWritable
    from bot.storage.lock import AlreadyRunning

    try:
        asyncio.run(_run_until_signal(settings))
    except (AlreadyRunning, DatabaseNotWritable) as exc:
        raise StartupError(str(exc)) from None
    except InvalidToken:
        if settings.bot_api_base_url:  # a self-hosted Bot API server may not have logged in yet
            raise StartupError(
                f"the Bot API server at {_without_token(settings.bot_api_base_url, settings)}"
                " refused TELEGRAM_BOT_TOKEN (401): a self-hosted server answers so until it has"
                " logged the bot in (see its log), or the token is wrong (copy it again from"
                " @BotFather)"
            ) from None
        raise StartupError(
            "Telegram refused TELEGRAM_BOT_TOKEN (401): copy the token again from @BotFather"
        ) from None
    except NetworkError as exc:  # also TimedOut
        where = settings.bot_api_base_url or "api.telegram.org"
        raise StartupError(
            f"cannot reach Telegram at {where} ({_without_token(str(exc), settings)}): "
            "check the network connection, firewall or proxy, and BOT_API_BASE_URL",
            temporary=True,
        ) from None
    return 0


def _without_token(text: str, settings: Settings) -> str:
    token = settings.telegram_bot_token
    return text.replace(token, "<token>") if token else text


def cmd_playground(args: argparse.Namespace) -> int:
    from bot.playground import run_playground, run_web_playground

    path = Path(getattr(args, "db", None) or "kohtaamo-playground.sqlite3")
    fresh = bool(getattr(args, "fresh", False))
    if getattr(args, "web", False):
        return asyncio.run(run_web_playground(path, fresh=fresh, port=args.port))
    return asyncio.run(run_playground(path, fresh=fresh))


def cmd_standin(args: argparse.Namespace) -> int:
    from bot.standin.server import FloodLimits, serve_forever

    _logging("INFO")
    limits = FloodLimits(enabled=not args.no_limits)
    if args.overall is not None:
        limits.overall_per_second = args.overall
    record = Path(args.record) if args.record else None
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(args.host, args.port, limits, record))
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    from bot.storage.db import Database, StorageError, backup, integrity_check

    settings = _settings()
    path = Path(args.database or settings.database_path)
    try:
        if args.db_command == "migrate":
            check_database_folder(path)

            async def migrate() -> list[str]:
                db = await Database.open(path, migrate=False)
                try:
                    return await db.migrate()
                finally:
                    await db.close()

            applied = asyncio.run(migrate())
            print("applied: " + ", ".join(applied) if applied else "database is up to date")
        elif args.db_command == "backup" and args.dir:
            from bot.clock import SystemClock
            from bot.storage.backups import backup_into

            written, removed = backup_into(path, Path(args.dir), SystemClock().now(), args.keep)
            print(f"backup written to {written} (integrity: ok)")
            for old in removed:
                print(f"removed old backup {old}")
        elif args.db_command == "backup":
            if not args.file:
                raise StorageError("give a FILE to write, or --dir DIR [--keep N]")
            backup(path, Path(args.file))
            lines = integrity_check(Path(args.file))
            print(f"backup written to {args.file} (integrity: {', '.join(lines)})")
        elif args.db_command == "restore":
            from bot.clock import SystemClock
            from bot.storage.backups import restore

            aside = restore(Path(args.file), path, SystemClock().now())
            if aside is not None:
                print(f"the previous database was kept as {aside}")
            print(f"restored {args.file} to {path}; start Kohtaamo again (migrations run at start)")
        elif args.db_command == "check":
            if not path.exists():
                print(f"no database at {path}", file=sys.stderr)
                return 2
            lines = integrity_check(path)
            print("\n".join(lines))
            return 0 if lines == ["ok"] else 1
    except StorageError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def cmd_flows(args: argparse.Namespace) -> int:
    from bot.engine.diagram import mermaid
    from bot.i18n import Translator
    from bot.services.cases import contact_log
    from bot.services.flows import FlowRegistry

    settings = _settings()
    flows_dir = Path(args.dir or settings.flows_dir)
    translator = Translator(settings.locales_dir, settings.default_language)
    registry, problems = FlowRegistry.load(flows_dir, translator)
    if args.flows_command == "check":
        problems += contact_log.flows_problems(registry, flows_dir)
        for line in translator.syntax_errors:
            print(line)
        for problem in problems:
            print(problem)
        names = ", ".join(f"{f.id} v{f.version}" for f in registry.all())
        if problems or translator.syntax_errors:
            print(f"{len(problems) + len(translator.syntax_errors)} problem(s) found")
            return 1
        print(f"all flows are valid: {names}")
        return 0
    flow = registry.current(args.name)
    if flow is None:
        print(f"no valid flow named {args.name!r}", file=sys.stderr)
        return 2
    print(mermaid(flow), end="")
    return 0


def cmd_cues(args: argparse.Namespace) -> int:
    from bot.risk.cues_cli import run

    return run(args.text, Path(args.file) if args.file else None, sys.stdout)


def cmd_calendar(args: argparse.Namespace) -> int:
    from bot.clock import SystemClock
    from bot.scheduling import commands
    from bot.services.unit import UnitOfWork

    settings = _settings()
    path = Path(args.database or settings.database_path)

    async def run() -> tuple[list[str], list[str]]:
        db = await _open_db(path)
        try:
            if args.calendar_command == "import":
                unit = UnitOfWork(db, SystemClock().now(), "cli:calendar")
                return await commands.calendar_import(unit, Path(args.file))
            today = SystemClock().now().astimezone(settings.tz).date()
            return [], await commands.calendar_show(db, today)
        finally:
            await db.close()

    problems, lines = asyncio.run(run())
    for line in problems:
        print(line, file=sys.stderr)
    print("\n".join(lines))
    return 1 if problems else 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from datetime import date

    from bot.clock import SystemClock
    from bot.scheduling import commands
    from bot.scheduling.due import ScheduleError
    from bot.services.unit import UnitOfWork

    settings = _settings()
    path = Path(args.database or settings.database_path)
    clock = SystemClock()

    async def run() -> list[str]:
        db = await _open_db(path)
        try:
            if args.schedule_command == "add":
                flow_id, kind = args.flow, args.kind
                if args.prompt or args.theme:
                    # --prompt: the same library prompt every round; --theme: its prompts in turn
                    _check_prompt_or_theme(settings, args.prompt, args.theme)
                    flow_id, kind = args.prompt or f"theme:{args.theme}", "prompt"
                return await commands.schedule_add(
                    UnitOfWork(db, clock.now(), "cli:schedule"),
                    group=args.group,
                    flow_id=flow_id,
                    days=args.days,
                    at_time=args.time,
                    known_flows=_checkin_flows(settings) if kind == "checkin" else None,
                    every_weeks=args.every,
                    starts_on=date.fromisoformat(args.start) if args.start else None,
                    ends_on=date.fromisoformat(args.until) if args.until else None,
                    on_break=args.on_break,
                    timezone=args.timezone or settings.timezone,
                    kind=kind,
                    audience=args.audience,
                )
            if args.schedule_command == "remove":
                return await commands.schedule_remove(
                    UnitOfWork(db, clock.now(), "cli:schedule"), args.id
                )
            return await commands.schedule_list(db, clock, args.group)
        finally:
            await db.close()

    try:
        print("\n".join(asyncio.run(run())))
    except (ScheduleError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def _check_prompt_or_theme(settings: Settings, prompt: str | None, theme: str | None) -> None:
    from bot.scheduling.due import ScheduleError
    from bot.services.peer.library import PROMPTS_DIR, PromptLibrary

    library, _ = PromptLibrary.load(settings.flows_dir / PROMPTS_DIR)
    if theme is not None and library.theme(theme) is None:
        raise ScheduleError(f"no prompt theme {theme!r}; known: {', '.join(library.themes)}")
    if prompt is not None and library.get(prompt) is None:
        raise ScheduleError(f"no prompt {prompt!r}; see `kohtaamo prompts list`")


def cmd_prompts(args: argparse.Namespace) -> int:
    from bot.i18n import Translator
    from bot.services.peer.library import PROMPTS_DIR, describe, load_checked

    settings = _settings()
    directory = Path(args.dir) if args.dir else settings.flows_dir / PROMPTS_DIR
    translator = Translator(settings.locales_dir, settings.default_language)
    library, problems = load_checked(directory, translator)
    if args.prompts_command == "list":
        print("\n".join(describe(library, translator, settings.default_language)))
        return 0
    for line in translator.syntax_errors:
        print(line)
    for problem in problems:
        print(problem)
    if problems or translator.syntax_errors:
        print(f"{len(problems) + len(translator.syntax_errors)} problem(s) found")
        return 1
    print(f"all prompts are valid: {len(library.prompts)} in {len(library.themes)} themes")
    return 0


async def _open_db(path: Path) -> Database:
    from bot.storage.db import Database

    if not await asyncio.to_thread(path.exists):
        raise SystemExit(f"no database at {path}")
    return await Database.open(path)


def _checkin_flows(settings: Settings) -> list[str]:
    from bot.i18n import Translator
    from bot.services.flows import FlowRegistry

    registry, _ = FlowRegistry.load(settings.flows_dir, Translator(settings.locales_dir))
    return [f.id for f in registry.all() if f.kind == "checkin"]


def cmd_admin(args: argparse.Namespace) -> int:
    from bot.admin_cli import run

    check_database_folder(Path(args.database or _settings().database_path))
    return run(args)


def cmd_report(args: argparse.Namespace) -> int:
    from datetime import date

    from bot.services.reports.service import cli_report

    settings = _settings()
    if args.database:
        settings = settings.model_copy(update={"database_path": Path(args.database)})
    try:
        first = date.fromisoformat(args.first) if args.first else None
        last = date.fromisoformat(args.last) if args.last else None
    except ValueError as exc:
        print(f"kohtaamo report: {exc} (use YYYY-MM-DD)", file=sys.stderr)
        return 2
    return asyncio.run(
        cli_report(
            settings,
            group=args.group,
            first=first,
            last=last,
            fmt=args.format,
            lang=args.lang,
            out=args.out,
        )
    )


def cmd_cases(args: argparse.Namespace) -> int:
    from datetime import date

    settings = _settings()
    path = Path(args.database) if args.database else settings.database_path
    try:
        first = date.fromisoformat(args.first)
        last = date.fromisoformat(args.last)
    except ValueError as exc:
        print(f"kohtaamo cases: {exc} (use YYYY-MM-DD)", file=sys.stderr)
        return 2
    if last < first:
        print("kohtaamo cases: --to is before --from", file=sys.stderr)
        return 2
    return asyncio.run(_export_cases(settings, path, first, last, args.notes, Path(args.out)))


async def _export_cases(
    settings: Settings, path: Path, first: Any, last: Any, notes: bool, out: Path
) -> int:
    from datetime import datetime, time, timedelta

    from bot.clock import SystemClock
    from bot.files import write_files
    from bot.services.audit import audit
    from bot.services.cases.history import export_cases
    from bot.services.unit import UnitOfWork

    tz = settings.tz
    db = await _open_db(path)
    try:
        start = datetime.combine(first, time(0), tzinfo=tz)
        end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
        result = await export_cases(
            db, start, end, with_notes=notes, lang=settings.default_language
        )
        span = f"{first.isoformat()}_{last.isoformat()}"
        files = [
            (f"tapaukset_{span}.csv", result.cases_csv),
            (f"yhteydenotot_{span}.csv", result.contacts_csv),
        ]
        written = await asyncio.to_thread(write_files, out, files)
        now = SystemClock().now()

        async def log(tx: Any) -> None:
            for student_id in result.students:
                await audit(tx, now, "cases_export", subject_id=student_id, notes=notes, via="cli")

        await UnitOfWork(db, now, "cli:export").run(log)
    finally:
        await db.close()
    for file in written:
        print(file)
    print(f"{result.cases} cases, {result.contacts} contacts", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kohtaamo",
        description="Kohtaamo: scheduled check-ins, early support and follow-up for schools.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot (without a token: the local playground)")
    run.set_defaults(func=cmd_run)

    play = sub.add_parser("playground", help="talk to the bot in this terminal, no Telegram needed")
    play.add_argument("--db", help="playground database (default kohtaamo-playground.sqlite3)")
    play.add_argument("--fresh", action="store_true", help="start from a new demo school")
    play.add_argument(
        "--web",
        action="store_true",
        help="a student's and a coach's phone side by side in a browser, on 127.0.0.1",
    )
    play.add_argument("--port", type=int, default=8765, help="port of --web (default 8765)")
    play.set_defaults(func=cmd_playground)

    standin = sub.add_parser("standin", help="run the local Telegram Bot API stand-in")
    standin.add_argument("--host", default="127.0.0.1", help="address to listen on")
    standin.add_argument("--port", type=int, default=8081, help="port (default 8081)")
    standin.add_argument("--record", help="write every Bot API request as JSON lines to FILE")
    standin.add_argument("--no-limits", action="store_true", help="turn flood limits off")
    standin.add_argument("--overall", type=float, help="overall messages per second limit")
    standin.set_defaults(func=cmd_standin)

    db = sub.add_parser("db", help="database tools")
    db.add_argument("--database", help="database file (default: DATABASE_PATH)")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("migrate", help="apply pending migrations")
    backup = db_sub.add_parser("backup", help="online backup, safe while the bot runs")
    backup.add_argument("file", nargs="?", help="new file to write the backup to")
    backup.add_argument(
        "--dir", help="write kohtaamo-<date>-<time>.sqlite3 into this folder instead of FILE"
    )
    backup.add_argument(
        "--keep", type=int, help="with --dir: keep only the newest N backups (e.g. 14)"
    )
    restore = db_sub.add_parser(
        "restore", help="put a backup in place of the database (the bot must be stopped)"
    )
    restore.add_argument("file", help="the backup file to restore")
    db_sub.add_parser("check", help="run SQLite's integrity and foreign key checks")
    db.set_defaults(func=cmd_db)

    flows = sub.add_parser("flows", help="check or draw the dialog flows")
    flows.add_argument("--dir", help="flows directory (default: FLOWS_DIR)")
    flows_sub = flows.add_subparsers(dest="flows_command", required=True)
    flows_sub.add_parser("check", help="validate every flow; non-zero exit on problems")
    diagram = flows_sub.add_parser("diagram", help="print a Mermaid state diagram of a flow")
    diagram.add_argument("name", help="flow id, e.g. viikkokysely")
    flows.set_defaults(func=cmd_flows)

    cues = sub.add_parser("cues", help="show the free-text cues found in Finnish text (JSON)")
    cues.add_argument("text", nargs="?", help="the text to analyse")
    cues.add_argument("--file", help="one text per line; prints one JSON object per line")
    cues.set_defaults(func=cmd_cues)
    calendar = sub.add_parser("calendar", help="the school calendar: breaks and periods")
    calendar.add_argument("--database", help="database file (default: DATABASE_PATH)")
    calendar_sub = calendar.add_subparsers(dest="calendar_command", required=True)
    calendar_import = calendar_sub.add_parser(
        "import", help="replace breaks and on-the-job periods with a YAML file's"
    )
    calendar_import.add_argument("file", help="e.g. calendar/koulukalenteri.yaml")
    calendar_sub.add_parser("show", help="list breaks, periods and coming public holidays")
    calendar.set_defaults(func=cmd_calendar)

    prompts = sub.add_parser("prompts", help="check or list the peer-group prompt library")
    prompts.add_argument("--dir", help="prompt directory (default: FLOWS_DIR/vertaistuki)")
    prompts_sub = prompts.add_subparsers(dest="prompts_command", required=True)
    prompts_sub.add_parser("check", help="validate every prompt file; non-zero exit on problems")
    prompts_sub.add_parser("list", help="list the prompts by theme (ids for schedules)")
    prompts.set_defaults(func=cmd_prompts)

    schedule = sub.add_parser("schedule", help="check-in and prompt schedules of groups")
    schedule.add_argument("--database", help="database file (default: DATABASE_PATH)")
    schedule_sub = schedule.add_subparsers(dest="schedule_command", required=True)
    add = schedule_sub.add_parser("add", help="add a schedule to a group")
    add.add_argument("--group", required=True, help="group name, e.g. SÄH23A")
    what = add.add_mutually_exclusive_group(required=True)
    what.add_argument("--flow", help="check-in flow id (or prompt id with --kind prompt)")
    what.add_argument("--prompt", help="peer prompt id: the same prompt every round")
    what.add_argument("--theme", help="peer prompt theme id: the theme's prompts in turn")
    add.add_argument("--days", required=True, help="weekdays, e.g. ma,to or mon,thu")
    add.add_argument("--time", required=True, help="local time, e.g. 09:00")
    add.add_argument("--every", type=int, default=1, help="every n weeks (default 1)")
    add.add_argument("--from", dest="start", help="first day YYYY-MM-DD (default today)")
    add.add_argument("--until", help="last day YYYY-MM-DD (default: no end)")
    add.add_argument(
        "--on-break",
        choices=("skip", "shift"),
        default="skip",
        help="a round on a break day: skip it, or shift it to the next school day",
    )
    add.add_argument("--timezone", help="default: TIMEZONE")
    add.add_argument(
        "--kind",
        choices=("checkin", "prompt"),
        default="checkin",
        help="a check-in flow or a peer prompt (default checkin)",
    )
    add.add_argument(
        "--audience",
        choices=("private", "chat"),
        default="private",
        help="each student privately, or the group's linked chat (prompts)",
    )
    listing = schedule_sub.add_parser("list", help="list active schedules and their next round")
    listing.add_argument("--group", help="only this group")
    remove = schedule_sub.add_parser("remove", help="stop a schedule (its reports are kept)")
    remove.add_argument("id", type=int, help="schedule id, from `schedule list`")
    schedule.set_defaults(func=cmd_schedule)
    from bot.admin_cli import add_parser as add_admin_parser

    add_admin_parser(sub).set_defaults(func=cmd_admin)
    report = sub.add_parser(
        "report", help="k-anonymous report of the school or a group: PNG charts or CSV (audited)"
    )
    report.add_argument("--database", help="database file (default: DATABASE_PATH)")
    report.add_argument("--group", help="group name (default: the whole school)")
    report.add_argument(
        "--from", dest="first", help="first day, YYYY-MM-DD (widened to its week's Monday)"
    )
    report.add_argument(
        "--to",
        dest="last",
        help="last day, YYYY-MM-DD (widened to its week's Sunday, cut at the last ended week)",
    )
    report.add_argument(
        "--format", choices=("png", "csv"), default="csv", help="PNG charts or CSV (default)"
    )
    report.add_argument("--out", default=".", help="directory to write to; '-' prints the CSV")
    report.add_argument("--lang", choices=("fi", "sv", "en"), help="language of the texts")
    report.set_defaults(func=cmd_report)
    cases = sub.add_parser("cases", help="cases and contacts as CSV files (audited)")
    cases_sub = cases.add_subparsers(dest="cases_command", required=True)
    export = cases_sub.add_parser(
        "export", help="cases opened in a date range and their contacts; no notes unless --notes"
    )
    export.add_argument("--database", help="database file (default: DATABASE_PATH)")
    export.add_argument("--from", dest="first", required=True, help="first day, YYYY-MM-DD")
    export.add_argument("--to", dest="last", required=True, help="last day, YYYY-MM-DD")
    export.add_argument("--notes", action="store_true", help="include the contact notes")
    export.add_argument("--out", default=".", help="directory to write the two files to")
    cases.set_defaults(func=cmd_cases)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever the shell's umask: the database, its -wal/-shm, backups and exported CSV files
    # hold students' data and are readable by Kohtaamo's own user only (folders 0700).
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except (ConfigError, StartupError) as exc:
        return report(exc)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
