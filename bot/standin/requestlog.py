"""The log of Bot API calls: in memory for the control API, and optionally a JSON-lines file.

Only the method name and parameters are kept; the token is part of the URL path and never
reaches this module. Each entry carries `at`, the wall-clock time (time.time()) the call was
answered, so benchmarks can measure how long the bot took to react to a user's action.
"""

from __future__ import annotations

import json
import time
from collections import deque
from pathlib import Path
from typing import IO, Any

# Enough for any test or benchmark run, bounded so a long playground session cannot grow forever.
MAX_ENTRIES = 20_000


class RequestLog:
    def __init__(self, record_path: Path | None = None) -> None:
        self._record_path = record_path
        self._record: IO[str] | None = None
        self._entries: deque[dict[str, Any]] = deque(maxlen=MAX_ENTRIES)

    def open(self) -> None:
        if self._record_path is not None and self._record is None:
            self._record = self._record_path.open("a", encoding="utf-8")

    def close(self) -> None:
        if self._record is not None:
            self._record.close()
            self._record = None

    def append(
        self,
        method: str,
        params: dict[str, Any],
        status: int,
        error: str | None,
        *,
        started: float | None = None,
        message_id: int | None = None,
    ) -> None:
        """`at` is when the answer went out, `started` when the request came in (they differ by
        an injected hang); `message_id` is the id of the message the call created or changed,
        so a test can tell a message the bot recorded from one it sent and lost track of."""
        at = time.time()  # noqa: TID251 -- compared with other processes' clocks by bench/
        self._entries.append(
            {
                "method": method,
                "params": params,
                "status": status,
                "error": error,
                "at": at,
                "started": at if started is None else started,
                "message_id": message_id,
            }
        )
        if self._record is not None:
            line = json.dumps(
                {"method": method, "params": params, "status": status, "at": at},
                ensure_ascii=False,
                default=str,
            )
            self._record.write(line + "\n")
            # One line per call, flushed, so a crashed run still leaves a readable record.
            self._record.flush()

    def entries(self) -> list[dict[str, Any]]:
        return list(self._entries)

    def recent_errors(self, limit: int = 10) -> list[dict[str, Any]]:
        errors = [entry for entry in self._entries if entry["status"] != 200]
        return errors[-limit:]

    def clear(self) -> None:
        self._entries.clear()
