"""``python -m bot.standin``: run the stand-in on its own (the CLI's ``standin`` does the same)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
from pathlib import Path

from bot.standin.server import FloodLimits, serve_forever


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m bot.standin", description="Local Telegram Bot API stand-in."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--record", type=Path, help="append every Bot API call to this file")
    parser.add_argument("--no-flood-limits", action="store_true", help="never answer 429")
    parser.add_argument("--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
    limits = FloodLimits(enabled=not args.no_flood_limits)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(args.host, args.port, limits, args.record))


if __name__ == "__main__":
    main()
