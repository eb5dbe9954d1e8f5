"""The playground shows what a phone would show, and the numbers a person types press the
buttons they see. Driven through its classes (the real bot on the stand-in) and, for quitting,
as a process in a terminal would run it."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.harness import Harness
from bot.playground import (
    HELP,
    Playground,
    PlaygroundClock,
    _buttons,
    _meet_the_bot,
    playground_paths,
)
from bot.services.demo import MORE_STUDENTS, seed_demo_school
from tests.conftest import MATTI

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Screen:
    """What the person has seen so far, without colours."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()

    @property
    def text(self) -> str:
        return ANSI.sub("", self.buffer.getvalue())

    def since(self, mark: int) -> str:
        return self.text[mark:]

    def last_buttons(self) -> list[str]:
        """The last numbered buttons on screen: what typing 1, 2 … means to the person."""
        lines = self.text.splitlines()
        block: list[str] = []
        for line in reversed(lines):
            match = re.fullmatch(r"   \[(\d+)\] (.*)", line)
            if match:
                block.insert(0, match[2])
                if match[1] == "1":
                    break
            elif block:
                break
        return block


async def playground(harness: Harness, tmp_path: Path) -> tuple[Playground, Screen]:
    await seed_demo_school(harness.rt.db, harness.clock.now())
    await _meet_the_bot(harness)
    screen = Screen()
    return Playground(harness, files_dir=tmp_path / "files", out=screen.buffer), screen


async def current_buttons(pg: Playground) -> list[str]:
    messages = await pg.h.bot_messages(pg.persona.tg_user_id)
    current = pg._current(messages)
    return [b["text"] for b in _buttons(current)] if current else []


async def test_every_step_of_a_checkin_shows_the_buttons_a_number_presses(
    harness: Harness, tmp_path: Path
) -> None:
    pg, screen = await playground(harness, tmp_path)
    await pg.handle("/kuulumiset")
    steps = 0
    while (now := await current_buttons(pg)) and steps < 20:
        assert screen.last_buttons() == now  # the screen and the phone agree
        mark = len(screen.text)
        await pg.handle("1")
        assert screen.since(mark).strip(), "a press changed nothing on screen"
        steps += 1
    assert steps >= 5
    assert "(edited)" in screen.text  # answered questions are edited, and that is shown


async def test_an_alert_reaches_a_coach_who_has_not_typed_and_its_edit_is_shown(
    harness: Harness, tmp_path: Path
) -> None:
    pg, screen = await playground(harness, tmp_path)
    await pg.handle("/jutellaan")
    await pg.handle("1")
    assert "📱 Matti Virtanen: 1 new (:as matti)" in screen.text
    await pg.handle(":as matti")
    assert "Opiskelija pyysi itse juttelua" in screen.text
    assert screen.last_buttons() == await current_buttons(pg)
    ack = screen.last_buttons().index(next(b for b in screen.last_buttons() if "Otan" in b))
    mark = len(screen.text)
    await pg.handle(str(ack + 1))
    after = screen.since(mark)
    assert "(edited)" in after
    assert "✅ Kuittasit" in after
    assert screen.last_buttons() == ["📝 Kirjaa yhteydenotto", "🔁 Anna toiselle valmentajalle"]
    await pg.handle("1")  # the number means what the screen says: log a contact
    assert "Miten olit yhteydessä?" in screen.since(mark)  # today's contact, from the alert
    refused = [r for r in await harness.client.requests() if r["status"] >= 400]
    assert refused == []
    assert pg.persona.tg_user_id == MATTI


async def test_report_charts_are_saved_and_the_demo_school_is_big_enough(
    harness: Harness, tmp_path: Path
) -> None:
    pg, screen = await playground(harness, tmp_path)
    await pg.handle(":as kaisa")
    await pg.handle("/raportti")
    await pg.handle("1")  # the whole school
    await pg.handle("1")  # the last four weeks
    saved = re.findall(r"🖼 photo saved: (\S+)", screen.text)
    assert saved, screen.text[-2000:]
    for path in saved:
        assert Path(path).read_bytes().startswith(b"\x89PNG")
        assert Path(path).parent == tmp_path / "files"
    assert re.search(r"📄 document saved: \S+\.csv", screen.text)
    # Enough students and weeks of history for real numbers, not everything behind 🔒.
    assert all(len(names) >= 5 for names in MORE_STUDENTS.values())
    students = re.search(r"Opiskelijoita: (\d+)", screen.text)
    assert students
    assert int(students[1]) >= 10
    concerns = re.search(r"Huolia: (\d+)", screen.text)
    assert concerns
    assert int(concerns[1]) >= 5
    assert re.search(r"Jaksaminen: ka \d", screen.text)


async def test_a_poll_is_shown_and_a_number_votes(harness: Harness, tmp_path: Path) -> None:
    pg, screen = await playground(harness, tmp_path)
    from bot.services.messaging.outbox import OutMessage, enqueue

    chat = pg.persona.tg_user_id

    async def send(tx: Any) -> Any:
        poll = {"question": "Mikä auttaa jaksamaan?", "options": ["Uni", "Liikunta", "Kaverit"]}
        poll |= {"is_anonymous": False, "allows_multiple_answers": True}
        message = OutMessage(chat, op="poll", poll=poll)
        return await enqueue(tx, "demo-poll", message, now=harness.clock.now())

    row = await harness.rt.db.transaction(send)
    harness.rt.sender.submit([row])
    await harness.settle()
    await pg.show_new()
    assert "📊 Mikä auttaa jaksamaan?" in screen.text
    assert "(1) Uni" in screen.text
    assert "(3) Kaverit" in screen.text
    await pg.handle("1,3")
    [message] = [m for m in await harness.bot_messages(chat) if m.get("poll")]
    votes = [o["voter_count"] for o in message["poll"]["options"]]
    assert votes == [1, 0, 1]


async def test_unknown_command_gets_the_playground_help(harness: Harness, tmp_path: Path) -> None:
    pg, screen = await playground(harness, tmp_path)
    assert await pg.handle(":tiem +1d")
    assert "unknown playground command ':tiem'" in screen.text
    assert ANSI.sub("", HELP).splitlines()[1] in screen.text
    # Nothing was sent to the bot as text.
    assert await harness.client.messages(pg.persona.tg_user_id) == []


def test_the_clock_offset_is_kept_beside_the_database(tmp_path: Path) -> None:
    clock_file, files = playground_paths(tmp_path / "kohtaamo-playground.sqlite3")
    assert clock_file.parent == tmp_path
    assert files.parent == tmp_path
    clock = PlaygroundClock(clock_file)
    clock.advance(timedelta(days=3))
    again = PlaygroundClock(clock_file)
    assert again.offset == timedelta(days=3)
    # It runs: two readings a moment apart are not the same frozen time.
    first = again.now()
    time.sleep(0.01)
    assert again.now() > first


def test_ctrl_c_quits_cleanly_like_quit(tmp_path: Path) -> None:
    env = {**os.environ, "KOHTAAMO_ENV_FILE": ""}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "playground", "--db", str(tmp_path / "p.sqlite3")],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    seen = bytearray()
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        while chunk := os.read(proc.stdout.fileno(), 4096):
            seen.extend(chunk)
            if b"[aino] \xe2\x80\xba" in seen:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert ready.wait(120), seen.decode(errors="replace")
        proc.send_signal(signal.SIGINT)  # stdin stays open: no Enter comes
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    assert b"Traceback" not in err
    assert b"bye!" in err
    assert (tmp_path / "p.sqlite3").exists()
