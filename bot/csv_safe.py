"""One CSV writer for every export: a cell a spreadsheet would run as a formula is neutralised.

A contact note or a name that starts with "=", "+", "-", "@", a tab or a carriage return
becomes a formula in Excel or LibreOffice (CSV injection). Such a cell gets a leading
apostrophe, which spreadsheets show as text; plain numbers ("-3", "2,5") stay numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer with every cell passed through `neutralise`."""

    def __init__(self, out: IO[str], *, delimiter: str = ";", lineterminator: str = "\r\n") -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)
