"""`kohtaamo calendar import/show` and `kohtaamo schedule add/list/remove` on a real database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.services.demo import seed_demo
from bot.storage.db import Database

CALENDAR = PROJECT_ROOT / "calendar" / "koulukalenteri.yaml"


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "school.sqlite3"

    async def seed() -> None:
        db = await Database.open(path)
        try:
            await seed_demo(db, datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
        finally:
            await db.close()

    asyncio.run(seed())
    return path


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    async def read() -> list[tuple[object, ...]]:
        db = await Database.open(path)
        try:
            return [tuple(r) for r in await db.fetchall(sql)]
        finally:
            await db.close()

    return asyncio.run(read())


def run(path: Path, *args: str) -> int:
    command, *rest = args
    return main([command, "--database", str(path), *rest])


def test_calendar_import_replaces_the_breaks_and_show_lists_them(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(database, "calendar", "import", str(CALENDAR)) == 0
    out = capsys.readouterr().out
    assert "imported 4 break(s) and 2 on-the-job learning period(s)" in out
    assert "2026-12-21 – 2027-01-06  joululoma" in out
    assert run(database, "calendar", "import", str(CALENDAR)) == 0  # again: replaced, not added
    assert len(rows(database, "SELECT * FROM school_breaks")) == 6
    assert run(database, "calendar", "show") == 0
    shown = capsys.readouterr().out
    assert "Työssäoppiminen 1  [SÄH23A]  (on-the-job learning)" in shown


def test_a_calendar_with_mistakes_changes_nothing(
    database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "breaks:\n  - {name: syysloma, from: 2026-10-12, to: 2026-10-18}\n"
        "groups:\n  EI-OLE:\n    breaks: [{name: leiri, from: 2026-11-02, to: 2026-11-03}]\n",
        encoding="utf-8",
    )
    assert run(database, "calendar", "import", str(bad)) == 1
    assert "no such group: EI-OLE" in capsys.readouterr().err
    assert rows(database, "SELECT * FROM school_breaks") == []


def test_schedule_add_list_and_remove(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = run(
        database,
        "schedule",
        "add",
        "--group",
        "SÄH23A",
        "--flow",
        "viikkokysely",
        "--days",
        "ma,to",
        "--time",
        "9.15",
        "--every",
        "2",
        "--on-break",
        "shift",
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "added schedule 1: SÄH23A · checkin viikkokysely · Mon,Thu 09:15 · every 2 weeks" in out
    assert "on breaks: shift" in out
    assert "next: " in out
    assert run(database, "schedule", "list") == 0
    assert "   1  SÄH23A · checkin viikkokysely" in capsys.readouterr().out

    again = ("schedule", "add", "--group", "SÄH23A", "--flow", "viikkokysely")
    assert run(database, *again, "--days", "ti", "--time", "10:00") == 2
    assert "already has schedule 1" in capsys.readouterr().err
    assert run(database, *again[:-1], "ei-kyselya", "--days", "ti", "--time", "10") == 2
    assert "no check-in flow 'ei-kyselya'" in capsys.readouterr().err
    assert run(database, *again, "--days", "someday", "--time", "10") == 2
    assert "unknown weekday" in capsys.readouterr().err

    assert run(database, "schedule", "remove", "1") == 0
    assert run(database, "schedule", "remove", "1") == 2
    assert run(database, "schedule", "list") == 0
    assert "no schedules" in capsys.readouterr().out
