"""`kohtaamo cues` glue: print the bot's reading of a message as JSON lines.

python -m bot.risk.cues_cli "mä haluun vaan kuolla"
python -m bot.risk.cues_cli --file messages.txt

Each object has `categories`, `crisis` ("yes" = act at once, "ask" = check with the student,
"no"), `child_protection` (the yes/ask is about abuse, violence at home, grooming, sextortion or
nowhere safe to sleep) and the `matches` behind them. It is the bot's own reading
(bot/risk/reading.py): the Finnish detector, then the Swedish and English phrases, whose
findings are listed with pattern_id "other_language".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bot.risk.cues import CueDetector, default_detector
from bot.risk.reading import read


def _dump(detector: CueDetector, text: str) -> str:
    return json.dumps(read(text, detector).to_json(), ensure_ascii=False)


def _lines(path: Path) -> Iterator[str]:
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\r\n")


def run(text: str | None, file: Path | None, out: TextIO) -> int:
    """One text -> one JSON object on one line; a file -> one JSON object per input line.

    Every input line gets an output line (an empty one gives empty lists) so that output line
    N always belongs to input line N. Returns a process exit code.
    """
    if (text is None) == (file is None):
        print("give either a text or --file", file=sys.stderr)
        return 2
    detector = default_detector()
    if text is not None:
        out.write(_dump(detector, text) + "\n")
        return 0
    assert file is not None
    try:
        for line in _lines(file):
            out.write(_dump(detector, line) + "\n")
    except OSError as exc:
        print(f"cannot read {file}: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kohtaamo cues", description=__doc__)
    parser.add_argument("text", nargs="?", help="a student's message")
    parser.add_argument("--file", type=Path, help="UTF-8 file, one message per line")
    args = parser.parse_args(argv)
    return run(args.text, args.file, sys.stdout)


if __name__ == "__main__":
    raise SystemExit(main())
