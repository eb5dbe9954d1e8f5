"""Running Kohtaamo for real: the systemd files are valid and do what README says, scheduled
backups rotate, and a backup restores a damaged database so the bot knows everyone again."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser
from bot.config import PROJECT_ROOT
from bot.harness import Harness
from tests.conftest import AINO

DEPLOY = PROJECT_ROOT / "deploy"


def unit(name: str) -> dict[str, list[str]]:
    """A systemd unit as key → values (a key may repeat)."""
    values: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "[")) and "=" in line:
            key, value = line.split("=", 1)
            values.setdefault(key, []).append(value)
    return values


def kohtaamo_args(exec_start: str) -> list[str]:
    words = shlex.split(exec_start)
    assert words[0] == "/opt/kohtaamo/.venv/bin/kohtaamo"
    return words[1:]


def test_the_service_restarts_on_failure_as_its_own_user_with_a_private_database() -> None:
    service = unit("kohtaamo.service")
    assert service["User"] == ["kohtaamo"]
    assert service["Group"] == ["kohtaamo"]
    assert service["Restart"] == ["on-failure"]
    assert service["RestartPreventExitStatus"] == ["2"]  # a bad setting: no restart loop
    assert service["StateDirectory"] == ["kohtaamo"]
    assert service["StateDirectoryMode"] == ["0700"]
    assert service["UMask"] == ["0077"]
    for key, value in {
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "NoNewPrivileges": "yes",
        "PrivateTmp": "yes",
    }.items():
        assert service[key] == [value], key
    args = build_parser().parse_args(kohtaamo_args(service["ExecStart"][0]))
    assert args.command == "run"


def test_the_backup_timer_runs_a_rotating_backup_every_night() -> None:
    backup = unit("kohtaamo-backup.service")
    args = build_parser().parse_args(kohtaamo_args(backup["ExecStart"][0]))
    assert (args.command, args.db_command) == ("db", "backup")
    assert args.dir == "/var/backups/kohtaamo"
    assert args.keep == 14
    assert "/var/backups/kohtaamo" in backup["ReadWritePaths"]
    timer = unit("kohtaamo-backup.timer")
    assert timer["Persistent"] == ["true"]
    assert timer["OnCalendar"]


def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed here")
    names = ["kohtaamo.service", "kohtaamo-backup.service", "kohtaamo-backup.timer"]
    binary = str(Path(sys.executable).parent / "kohtaamo")
    for name in names:
        text = (DEPLOY / name).read_text().replace("/opt/kohtaamo/.venv/bin/kohtaamo", binary)
        (tmp_path / name).write_text(text)
    result = subprocess.run(
        [analyze, "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def cli(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "KOHTAAMO_ENV_FILE": "",
        "DATABASE_PATH": str(database),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "db", *args],
        cwd=database.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


async def test_backup_rotates_and_a_restore_brings_a_damaged_database_back(
    h: Harness, tmp_path: Path
) -> None:
    database = h.database_path
    await h.say(AINO, "/kuulumiset")
    await h.press(AINO, "Hyvä")  # Aino's answer is in the database
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "notes.txt").write_text("not ours")
    made = []
    for _ in range(3):  # while the bot runs
        result = cli(database, "backup", "--dir", str(folder), "--keep", "2")
        assert result.returncode == 0, result.stderr
        made.append(Path(result.stdout.split("backup written to ")[1].split(" ")[0]))
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted([made[1].name, made[2].name, "notes.txt"])
    assert oct(made[2].stat().st_mode & 0o777) == "0o600"

    refused = cli(database, "restore", str(made[2]))
    assert refused.returncode == 2
    assert "stop it first" in refused.stderr
    assert len(refused.stderr.splitlines()) == 1

    await h.stop_bot()
    with database.open("r+b") as damaged:  # a broken disk, a bad copy …
        damaged.write(b"\0" * 8192)
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    assert cli(database, "check").returncode != 0

    result = cli(database, "restore", str(made[2]))
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout  # the damaged file is kept aside, not deleted
    assert cli(database, "check").stdout.strip() == "ok"

    await h.start_bot()
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM answers") == 1
    await h.say(AINO, "/start")
    assert "Aino" in await h.last_text(AINO)  # the bot knows her again


def test_restore_refuses_a_file_that_is_no_database(tmp_path: Path) -> None:
    bogus = tmp_path / "backup.sqlite3"
    bogus.write_bytes(b"this is not a database" * 100)
    result = cli(tmp_path / "kohtaamo.sqlite3", "restore", str(bogus))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "kohtaamo.sqlite3").exists()
