"""`kohtaamo report --group G --from --to --format png|csv`: files with the same protected
numbers as the chat, and an audited read."""

from __future__ import annotations

import csv
import io
import json
import struct
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import FakeClock
from bot.storage.db import Database
from tests.support import REPORT_START, seed_school, services


@pytest.fixture
async def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "school.sqlite3"
    svc = await services(path, FakeClock(REPORT_START))
    await seed_school(svc)
    await svc.db.close()
    monkeypatch.setenv("DATABASE_PATH", str(path))
    monkeypatch.setenv("REPORT_MIN_STUDENTS", "3")
    monkeypatch.setenv("REPORT_RECOVERY_WEEKS", "2")
    return path


async def audit_rows(path: Path) -> list[dict[str, object]]:
    db = await Database.open(path)
    try:
        rows = await db.fetchall("SELECT * FROM audit_log WHERE action = 'report_viewed'")
        return [json.loads(r["detail"]) for r in rows]
    finally:
        await db.close()


def run(*argv: str) -> int:
    # main() runs its own event loop: give it a thread of its own, as from a shell.
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(main, list(argv)).result()


async def test_csv_of_one_group_for_a_period(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = run(
        "report", "--group", "SÄH23A", "--from", "2026-10-26", "--to", "2026-11-22",
        "--format", "csv", "--out", str(out),
    )  # fmt: skip
    assert code == 0
    [path] = list(out.iterdir())
    assert path.name == "raportti_SÄH23A_2026-10-26_2026-11-22.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig")), delimiter=";"))
    assert {r["ryhmä"] for r in rows} == {"SÄH23A"}
    mean = next(r for r in rows if r["tieto"] == "keskiarvo" and r["luokka"] == "Jaksaminen")
    assert mean["arvo"] == "3,43"  # 206/60, as in the hand calculation
    [detail] = await audit_rows(database)
    assert detail["via"] == "cli"
    assert detail["format"] == "csv"
    assert detail["scope_name"] == "SÄH23A"
    assert detail["first"] == "2026-10-26"
    assert detail["os_user"]


@pytest.mark.usefixtures("database")
async def test_png_charts_of_the_school(tmp_path: Path) -> None:
    out = tmp_path / "charts"
    code = run(
        "report", "--from", "2026-10-26", "--to", "2026-11-22", "--format", "png",
        "--out", str(out), "--lang", "en",
    )  # fmt: skip
    assert code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        f"report_Whole_school_2026-10-26_2026-11-22_{chart}.png"
        for chart in ("concerns", "distribution", "groups", "trends")
    ]
    for p in out.iterdir():
        data = p.read_bytes()
        assert data.startswith(b"\x89PNG")
        assert struct.unpack(">II", data[16:24]) == (1000, 600)


async def test_mistakes_are_told_plainly(
    database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("report", "--group", "EI-OLE", "--format", "csv", "--out", "-") == 2
    assert "no group named 'EI-OLE'" in capsys.readouterr().err
    assert run("report", "--from", "26.10.2026") == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert run("report", "--from", "2026-11-22", "--to", "2026-10-26") == 2
    assert await audit_rows(database) == []  # nothing was read


async def test_cases_export_writes_two_csv_files_and_audits_each_student(
    database: Path, tmp_path: Path
) -> None:
    out = tmp_path / "cases"
    code = run(
        "cases", "export", "--from", "2026-10-26", "--to", "2026-11-22", "--out", str(out),
    )  # fmt: skip
    assert code == 0
    cases_file = out / "tapaukset_2026-10-26_2026-11-22.csv"
    contacts_file = out / "yhteydenotot_2026-10-26_2026-11-22.csv"
    cases = list(csv.DictReader(io.StringIO(cases_file.read_text("utf-8-sig")), delimiter=";"))
    contacts = list(
        csv.DictReader(io.StringIO(contacts_file.read_text("utf-8-sig")), delimiter=";")
    )
    assert cases
    assert all(c["level"] != "info" for c in cases)
    assert {c["case_id"] for c in contacts} <= {c["case_id"] for c in cases}
    assert contacts
    assert "note" not in contacts[0]
    db = await Database.open(database)
    try:
        audited = await db.fetchval(
            "SELECT COUNT(DISTINCT subject_id) FROM audit_log WHERE action = 'cases_export'"
        )
    finally:
        await db.close()
    assert audited == len({c["student"] for c in cases})
    assert run("cases", "export", "--from", "2026-11-22", "--to", "2026-10-26") == 2
