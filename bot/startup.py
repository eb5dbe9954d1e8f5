"""One readable line when Kohtaamo cannot start, instead of a traceback.

Every start-up problem a person can fix (a bad setting, a missing folder, no network, a second
instance) is raised as `StartupError` (or `ConfigError`) with a message that names the fix;
`kohtaamo` prints it as one line on stderr and exits with status 2 — or 75 (EX_TEMPFAIL) when
trying again later may help (no network yet), so a service manager restarts only then
(deploy/kohtaamo.service: RestartPreventExitStatus=2).
"""

from __future__ import annotations

import logging
import sys
from typing import NoReturn, TextIO

EXIT_STARTUP = 2
EXIT_TEMPORARY = 75


class StartupError(Exception):
    """Kohtaamo cannot start; the message is one line saying what to do. `temporary`: it may
    work later by itself (the network), so a service manager should try again."""

    def __init__(self, message: str, *, temporary: bool = False) -> None:
        super().__init__(message)
        self.temporary = temporary


def one_line(message: object) -> str:
    """The message folded to one line (a multi-line report keeps its first line)."""
    text = " ".join(str(message).split("\n", 1)[0].split())
    return text or "Kohtaamo could not start"


def report(message: object, stream: TextIO | None = None) -> int:
    """Print `kohtaamo: <message>` as one line on stderr; return the exit status."""
    print(f"kohtaamo: {one_line(message)}", file=stream or sys.stderr)
    return EXIT_TEMPORARY if getattr(message, "temporary", False) else EXIT_STARTUP


def fail(message: object) -> NoReturn:
    raise SystemExit(report(message))


# Libraries that narrate every step at INFO: `transitions` logs each state change of every
# check-in (16 lines per check-in), drowning what a school's IT person needs to see.
CHATTY_LOGGERS = ("transitions",)


def configure_logging(level: str) -> None:
    """Log lines as `time LEVEL logger: message`; chatty libraries only from WARNING up
    (all of them at LOG_LEVEL=DEBUG)."""
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if level == "DEBUG" else logging.WARNING)
