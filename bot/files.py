"""Output files of the command-line commands. Blocking file I/O: an async command runs it in a
thread (`await asyncio.to_thread(write_files, ...)`), so the event loop never waits on a disk."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def write_files(directory: Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    """Writes each (name, content) into `directory`, created if missing; the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files:
        path = directory / name
        path.write_bytes(content)
        written.append(path)
    return written
