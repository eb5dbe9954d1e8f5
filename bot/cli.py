"""`kohtaamo` — the command line: run the bot, the playground, the stand-in, and admin tools."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import ConfigError, Settings, load_settings


def _settings() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(2) from None


def _logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


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
    _logging(settings.log_level)
    from bot.storage.lock import AlreadyRunning

    try:
        asyncio.run(_run_until_signal(settings))
    except (AlreadyRunning, ConfigError) as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def cmd_playground(args: argparse.Namespace) -> int:
    from bot.playground import run_playground

    path = Path(getattr(args, "db", None) or "kohtaamo-playground.sqlite3")
    return asyncio.run(run_playground(path, fresh=bool(getattr(args, "fresh", False))))


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

            async def migrate() -> list[str]:
                db = await Database.open(path, migrate=False)
                try:
                    return await db.migrate()
                finally:
                    await db.close()

            applied = asyncio.run(migrate())
            print("applied: " + ", ".join(applied) if applied else "database is up to date")
        elif args.db_command == "backup":
            backup(path, Path(args.file))
            lines = integrity_check(Path(args.file))
            print(f"backup written to {args.file} (integrity: {', '.join(lines)})")
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
    from bot.services.flows import FlowRegistry

    settings = _settings()
    flows_dir = Path(args.dir or settings.flows_dir)
    translator = Translator(settings.locales_dir, settings.default_language)
    registry, problems = FlowRegistry.load(flows_dir, translator)
    if args.flows_command == "check":
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
    play.add_argument("--fresh", action="store_true", help="start from an empty demo school")
    play.set_defaults(func=cmd_playground)

    standin = sub.add_parser("standin", help="run the local Telegram Bot API stand-in")
    standin.add_argument("--host", default="127.0.0.1")
    standin.add_argument("--port", type=int, default=8081)
    standin.add_argument("--record", help="write every Bot API request as JSON lines to FILE")
    standin.add_argument("--no-limits", action="store_true", help="turn flood limits off")
    standin.add_argument("--overall", type=float, help="overall messages per second limit")
    standin.set_defaults(func=cmd_standin)

    db = sub.add_parser("db", help="database tools")
    db.add_argument("--database", help="database file (default: DATABASE_PATH)")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("migrate", help="apply pending migrations")
    backup = db_sub.add_parser("backup", help="online backup, safe while the bot runs")
    backup.add_argument("file", help="new file to write the backup to")
    db_sub.add_parser("check", help="run SQLite's integrity and foreign key checks")
    db.set_defaults(func=cmd_db)

    flows = sub.add_parser("flows", help="check or draw the dialog flows")
    flows.add_argument("--dir", help="flows directory (default: FLOWS_DIR)")
    flows_sub = flows.add_subparsers(dest="flows_command", required=True)
    flows_sub.add_parser("check", help="validate every flow; non-zero exit on problems")
    diagram = flows_sub.add_parser("diagram", help="print a Mermaid state diagram of a flow")
    diagram.add_argument("name")
    flows.set_defaults(func=cmd_flows)

    cues = sub.add_parser("cues", help="show the free-text cues found in Finnish text (JSON)")
    cues.add_argument("text", nargs="?", help="the text to analyse")
    cues.add_argument("--file", help="one text per line; prints one JSON object per line")
    cues.set_defaults(func=cmd_cues)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
