"""Start-up mistakes a school's IT person can make end in one line that names the fix.

Run as a person runs it: `kohtaamo run` in a fresh process, in a folder of its own, with the
settings in the environment or in that folder's `.env`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, load_settings
from bot.harness import Harness
from bot.standin.client import StandinClient
from bot.standin.server import StandinServer
from bot.startup import configure_logging
from tests.conftest import AINO

TOKEN = "123456:AAH-secret-token-value"


def kohtaamo(cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": str(cwd), "LANG": "C.UTF-8"}
    clean["PYTHONPATH"] = os.environ.get("PYTHONPATH", "")  # a checkout run from elsewhere
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str], status: int = 2) -> str:
    assert result.returncode == status, (result.returncode, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stdout + result.stderr
    assert TOKEN.split(":")[1] not in result.stdout + result.stderr
    return lines[0]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends


def test_no_network_is_one_line(tmp_path: Path) -> None:
    result = kohtaamo(
        tmp_path,
        "run",
        TELEGRAM_BOT_TOKEN=TOKEN,
        BOT_API_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot",
        DATABASE_PATH=str(tmp_path / "kohtaamo.sqlite3"),
        LOG_LEVEL="WARNING",  # at INFO the first start also logs the migrations it applied
    )
    line = one_line_error(result, status=75)  # EX_TEMPFAIL: a service manager tries again
    assert "cannot reach Telegram" in line
    assert "network" in line
    assert "Unclosed" not in result.stderr


def test_database_in_a_missing_folder_is_one_line_with_the_command(tmp_path: Path) -> None:
    missing = tmp_path / "data" / "kohtaamo"
    result = kohtaamo(
        tmp_path, "run", TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(missing / "k.sqlite3")
    )
    line = one_line_error(result)
    assert "DATABASE_PATH" in line
    assert f"mkdir -p -m 700 {missing}" in line
    assert not missing.exists()  # a mistyped path does not start an empty school elsewhere


def test_a_contact_log_flow_missing_a_question_the_bot_reads_is_one_line(tmp_path: Path) -> None:
    """A school renamed `sulkemissyy`: refused at start-up, not a KeyError at a coach's close."""
    flows = tmp_path / "flows"
    shutil.copytree(PROJECT_ROOT / "flows", flows)
    edited = flows / "yhteydenotto.yaml"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(r"(?<!-)\bsulkemissyy\b", "syy", text), encoding="utf-8")
    result = kohtaamo(
        tmp_path,
        "run",
        TELEGRAM_BOT_TOKEN=TOKEN,
        BOT_API_BASE_URL=f"http://127.0.0.1:{closed_port()}/bot",  # the flows fail first
        DATABASE_PATH=str(tmp_path / "kohtaamo.sqlite3"),
        FLOWS_DIR=str(flows),
        LOG_LEVEL="WARNING",
    )
    line = one_line_error(result)
    assert "kohtaamo flows check" in line
    assert f"{edited}:" in line
    assert "no question 'sulkemissyy'" in line
    assert "reasons a case is closed with" in line


@pytest.mark.parametrize(
    "command", [["db", "migrate"], ["admin", "create-group", "SÄH23A"], ["run"]]
)
def test_every_command_that_writes_the_database_names_the_missing_folder(
    tmp_path: Path, command: list[str]
) -> None:
    missing = tmp_path / "nope"
    result = kohtaamo(
        tmp_path, *command, TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_PATH=str(missing / "k.sqlite3")
    )
    assert f"mkdir -p -m 700 {missing}" in one_line_error(result)


@pytest.mark.parametrize(
    ("dotenv", "named"),
    [
        ("RISK_ACK_URGENT_DAYS=-1", "RISK_ACK_URGENT_DAYS"),
        ("RISK_DIGEST_TIME=half past seven", "RISK_DIGEST_TIME"),
        ("REPORT_MIN_STUDENTS=2", "REPORT_MIN_STUDENTS"),
        ("REPORT_BASELINE_WEEKS=many", "REPORT_BASELINE_WEEKS"),
        ("TIMEZONE=Mars/Olympus", "TIMEZONE"),
    ],
)
def test_a_bad_setting_in_dotenv_is_one_line_naming_it(
    tmp_path: Path, dotenv: str, named: str
) -> None:
    (tmp_path / ".env").write_text(f"TELEGRAM_BOT_TOKEN={TOKEN}\n{dotenv}\n")
    line = one_line_error(kohtaamo(tmp_path, "run"))
    assert line.startswith(f"kohtaamo: Invalid setting {named}:")


def test_a_bad_risk_setting_in_the_environment_is_one_line(tmp_path: Path) -> None:
    result = kohtaamo(tmp_path, "run", TELEGRAM_BOT_TOKEN=TOKEN, RISK_BACKUP_DAYS="0")
    assert "RISK_BACKUP_DAYS" in one_line_error(result)


@pytest.mark.parametrize(
    "token", ["123456:AAH-secret token-value", " 123456:AAH-secret-token-value\tx", "abc:def"]
)
def test_a_malformed_token_is_refused_without_printing_it(tmp_path: Path, token: str) -> None:
    result = kohtaamo(tmp_path, "run", TELEGRAM_BOT_TOKEN=token)
    line = one_line_error(result)
    assert "TELEGRAM_BOT_TOKEN" in line
    assert "secret" not in line


def test_the_schools_own_dotenv_does_not_change_the_tests(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """conftest keeps a school's `.env` and exported settings away from the suite."""
    (tmp_path / ".env").write_text("RISK_ACK_URGENT_DAYS=2\nREPORT_MIN_STUDENTS=9\n")
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert settings.risk.ack_urgent_days == 1.0
    assert settings.report.min_students == 5


def test_settings_from_dotenv_reach_the_policy_and_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the school writes in `.env` is what the bot uses, in one validated Settings."""
    (tmp_path / ".env").write_text("RISK_ACK_URGENT_DAYS=2\nREPORT_MIN_STUDENTS=9\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KOHTAAMO_ENV_FILE", ".env")
    settings = load_settings()
    assert settings.risk.ack_urgent_days == 2.0
    assert settings.report.min_students == 9


async def test_a_checkin_at_info_level_does_not_log_every_state_change(
    h: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    configure_logging("INFO")
    caplog.set_level(logging.INFO)
    await h.say(AINO, "/kuulumiset")
    await h.press(AINO, "Hyvä")
    await h.press(AINO, "Hyvin")
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM answers") == 2  # the flow did run
    assert [r for r in caplog.records if r.name.startswith("transitions")] == []


def test_webhook_mode_without_a_secret_refuses_to_start(tmp_path: Path) -> None:
    """Without the secret header anyone who finds the URL could post updates as any user."""
    result = kohtaamo(
        tmp_path, "run", TELEGRAM_BOT_TOKEN=TOKEN, WEBHOOK_URL="https://kohtaamo.example.fi/tg"
    )
    line = one_line_error(result)
    assert "WEBHOOK_SECRET is required" in line
    assert "token_urlsafe" in line


def test_the_database_and_its_folder_are_the_owners_only_whatever_the_umask(
    tmp_path: Path,
) -> None:
    """The database holds students' answers: with the usual umask 022 other local users could
    read it. Kohtaamo makes its files 0600 and tightens older ones."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    older = folder / "kohtaamo.sqlite3-wal"
    older.write_bytes(b"")
    older.chmod(0o644)  # e.g. left by an older version
    clean = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "db", "migrate"],
        cwd=tmp_path,
        env={**clean, "DATABASE_PATH": str(folder / "kohtaamo.sqlite3")},
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),  # the shell's usual umask
        check=False,
    )
    assert result.returncode == 0, result.stderr
    made = [p for p in folder.iterdir() if p.name.startswith("kohtaamo.sqlite3")]
    assert made
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in made), [
        (p.name, oct(p.stat().st_mode)) for p in made
    ]


async def test_a_token_the_server_refuses_is_one_line_without_the_token(tmp_path: Path) -> None:
    """A well-formed token answered with 401 (revoked at @BotFather, or a self-hosted Bot API
    server that has not logged the bot in yet): one line naming the server, never the token."""
    server = StandinServer()
    await server.start()
    try:
        async with StandinClient(server.control_url) as client:
            await client.inject_fault("getMe", status=401, count=100)
            clean = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "LANG": "C.UTF-8"}
            clean["PYTHONPATH"] = os.environ.get("PYTHONPATH", "")
            proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=tmp_path,
                env={
                    **clean,
                    "TELEGRAM_BOT_TOKEN": TOKEN,
                    "BOT_API_BASE_URL": server.base_url,
                    "DATABASE_PATH": str(tmp_path / "kohtaamo.sqlite3"),
                    "LOG_LEVEL": "WARNING",  # at INFO the first start logs its migrations
                },
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    finally:
        await server.stop()
    result = subprocess.CompletedProcess([], proc.returncode or 0, out.decode(), err.decode())
    line = one_line_error(result)
    assert "refused TELEGRAM_BOT_TOKEN (401)" in line
    assert server.base_url.split("/bot")[0] in line
    assert "logged the bot in" in line
