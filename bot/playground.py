"""A terminal chat with the bot: no Telegram account needed.

The bot runs for real against the local stand-in; you type as one of the demo school's people.
What a phone would show is shown here too: new messages, edits of earlier ones (with their
current buttons, so the numbers you type always match), removed messages, photos and documents
(saved to a folder, path printed) and polls (vote with their numbers).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
import signal
import sys
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from bot.clock import SystemClock
from bot.harness import Harness
from bot.services.demo import DEMO_GROUP, DEMO_PERSONAS, Persona, seed_demo_school

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
TAG = re.compile(r"<(/?)(b|strong|i|em|u|s|code|pre|a|blockquote)[^>]*>")
TICK_SECONDS = 30  # as the real bot: what fell due is run this often while you type
HELP = f"""{BOLD}Kohtaamo playground{RESET} – demo school, group {DEMO_GROUP}.
  type text            sent as the current person (commands too: /kuulumiset, /apua, /kieli)
  a number (1, 2 …)    presses that button of the latest message with buttons,
                       or votes in the latest poll (several answers: 1,3)
  'text                sends the text as it is, even a number or a leading ':'
  :as NAME             switch person: {", ".join(p.key for p in DEMO_PERSONAS)}
  :time +2h / +1d      move the clock forward and run what became due
                       (the clock runs on by itself too; the move is kept over restarts)
  :help  :quit         (Ctrl-C and Ctrl-D quit too)
"""


def terminal_text(text: str) -> str:
    def tag(match: re.Match[str]) -> str:
        closing, name = match.group(1), match.group(2)
        if name in ("b", "strong"):
            return RESET if closing else BOLD
        if name in ("i", "em"):
            return RESET if closing else DIM
        return ""

    return html.unescape(TAG.sub(tag, text))


def _buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


def _open_poll(message: dict[str, Any]) -> dict[str, Any] | None:
    poll = message.get("poll")
    return poll if poll and not poll.get("is_closed") else None


def _interactive(message: dict[str, Any]) -> bool:
    return not message.get("deleted") and bool(_buttons(message) or _open_poll(message))


def _short(message: dict[str, Any]) -> str:
    text = str(message.get("text") or message.get("caption") or "")
    if not text and message.get("poll"):
        text = str(message["poll"].get("question", ""))
    plain = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", text))).strip()
    return plain[:60] + ("…" if len(plain) > 60 else "")


class PlaygroundClock:
    """Real time plus an offset that `:time` moves; the offset is kept in a file beside the
    database, so a restart continues where the school's data left off."""

    def __init__(self, offset_file: Path | None = None) -> None:
        self.offset_file = offset_file
        self.offset = timedelta(0)
        if offset_file is not None and offset_file.exists():
            with contextlib.suppress(ValueError, KeyError, TypeError):
                seconds = json.loads(offset_file.read_text())["offset_seconds"]
                self.offset = timedelta(seconds=float(seconds))

    def now(self) -> datetime:
        return SystemClock().now() + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta
        if self.offset_file is not None:
            self.offset_file.write_text(
                json.dumps({"offset_seconds": self.offset.total_seconds()}) + "\n"
            )


@dataclass
class _Seen:
    """What was already shown of a chat: message id → (number of edits, deleted)."""

    messages: dict[int, tuple[int, bool]] = field(default_factory=dict)


class Playground:
    def __init__(
        self,
        harness: Harness,
        *,
        files_dir: Path,
        out: TextIO | None = None,
    ) -> None:
        self.h = harness
        self.files_dir = files_dir
        self.out = out or sys.stdout
        self.persona: Persona = DEMO_PERSONAS[0]
        self.seen: dict[int, _Seen] = {}
        self.busy = asyncio.Lock()

    def say(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    # -- showing what the phone shows ---------------------------------------------------------

    async def show_new(self) -> bool:
        """Print what changed in the current person's chat; True if anything was printed."""
        chat = self.persona.tg_user_id
        messages = await self.h.bot_messages(chat)
        seen = self.seen.setdefault(chat, _Seen()).messages
        last_printed: int | None = None
        printed = False
        for message in messages:
            mid = int(message["message_id"])
            now = (len(message.get("edits") or []), bool(message.get("deleted")))
            before = seen.get(mid)
            seen[mid] = now
            if before == now or (before is None and now[1]):
                continue
            if now[1]:
                self.say(f"\n{DIM}🗑 (the bot removed a message: {_short(message)}){RESET}")
                last_printed, printed = None, True
                continue
            await self._print_message(message, edited=before is not None)
            last_printed, printed = mid, True
        current = self._current(messages)
        if current is not None and printed and current["message_id"] != last_printed:
            # The numbers belong to an earlier message: show its buttons again.
            self.say(f"{DIM}   buttons now, of “{_short(current)}”:{RESET}")
            self._print_choices(current)
        return printed

    async def _print_message(self, message: dict[str, Any], *, edited: bool) -> None:
        head = (
            f"{BOLD}Kohtaamo ✎{RESET} {DIM}(edited){RESET}"
            if edited
            else f"{BOLD}Kohtaamo ▸{RESET}"
        )
        text = message.get("text")
        if text:
            self.say(f"\n{head} {terminal_text(str(text))}")
        else:
            self.say(f"\n{head}")
        if message.get("photo") or message.get("document"):
            path = await self._save_file(message)
            kind = "🖼 photo" if message.get("photo") else "📄 document"
            self.say(f"   {kind} saved: {path}")
            if message.get("caption"):
                self.say(f"   {terminal_text(str(message['caption']))}")
        self._print_choices(message)

    def _print_choices(self, message: dict[str, Any]) -> None:
        poll = message.get("poll")
        if poll:
            several = " (several answers: 1,3)" if poll.get("allows_multiple_answers") else ""
            state = "closed" if poll.get("is_closed") else f"vote with a number{several}"
            self.say(f"   📊 {terminal_text(str(poll.get('question', '')))}  {DIM}({state}){RESET}")
            for n, option in enumerate(poll.get("options", []), 1):
                votes = option.get("voter_count", 0)
                self.say(f"   ({n}) {option.get('text', '')}  {DIM}{votes} vote(s){RESET}")
        for n, button in enumerate(_buttons(message), 1):
            self.say(f"   [{n}] {button['text']}")

    async def _save_file(self, message: dict[str, Any]) -> Path:
        if message.get("photo"):
            file_id = str(message["photo"][-1]["file_id"])
            name = ""
        else:
            file_id = str(message["document"]["file_id"])
            name = str(message["document"].get("file_name") or "")
        data = await self.h.client.file(file_id)
        if not name:
            name = "photo.png" if data.startswith(b"\x89PNG") else "photo.jpg"
        safe = re.sub(r"[^\w.\-]+", "_", name)
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path = self.files_dir / f"{self.persona.key}-{message['message_id']}-{safe}"
        path.write_bytes(data)
        return path

    def _current(self, messages: list[dict[str, Any]]) -> dict[str, Any] | None:
        """The message the numbers refer to: the latest with buttons or an open poll."""
        return next((m for m in reversed(messages) if _interactive(m)), None)

    async def hint_others(self) -> None:
        """Tell which other people got something (an alert to a coach, say)."""
        for persona in DEMO_PERSONAS:
            if persona is self.persona:
                continue
            seen = self.seen.get(persona.tg_user_id, _Seen()).messages
            messages = await self.h.bot_messages(persona.tg_user_id)
            fresh = sum(
                1
                for m in messages
                if not m.get("deleted")
                and seen.get(int(m["message_id"])) != (len(m.get("edits") or []), False)
            )
            if fresh:
                self.say(f"{DIM}📱 {persona.name}: {fresh} new (:as {persona.key}){RESET}")

    # -- acting ---------------------------------------------------------------------------

    async def handle(self, line: str) -> bool:
        async with self.busy:
            keep_going = await self._handle(line)
            if keep_going:
                await self.hint_others()
            return keep_going

    async def _handle(self, line: str) -> bool:
        user = self.persona.tg_user_id
        if line in (":quit", ":q", ":exit"):
            return False
        if line in (":help", ":h", ":?"):
            self.say(HELP)
        elif line.startswith(":as"):
            key = line[3:].strip().lower()
            found = [p for p in DEMO_PERSONAS if p.key == key]
            if not found:
                self.say("who? " + ", ".join(p.key for p in DEMO_PERSONAS))
            else:
                self.persona = found[0]
                self.say(f"you are now {self.persona.name} ({self.persona.role})")
                await self.show_new()
        elif line.startswith(":time"):
            match = re.fullmatch(r":time\s*\+(\d+)([hdm])", line)
            if not match:
                self.say("usage: :time +2h  (h = hours, d = days, m = minutes)")
            else:
                unit = {"h": "hours", "d": "days", "m": "minutes"}[match[2]]
                await self.advance(timedelta(**{unit: int(match[1])}))
                self.say(f"{DIM}clock: {self.h.clock.now():%Y-%m-%d %H:%M} UTC{RESET}")
                await self.show_new()
        elif line.startswith(":"):
            self.say(f"unknown playground command {line.split()[0]!r}\n")
            self.say(HELP)
        elif re.fullmatch(r"\d+(\s*,\s*\d+)*", line) and (
            current := self._current(await self.h.bot_messages(user))
        ):
            await self._choose(current, [int(n) for n in line.split(",")])
        elif line:
            await self.h.say(user, line[1:] if line.startswith("'") else line)
            await self.show_new()
        return True

    async def _choose(self, message: dict[str, Any], numbers: list[int]) -> None:
        user = self.persona.tg_user_id
        poll = _open_poll(message)
        choices = poll["options"] if poll else _buttons(message)
        if not all(1 <= n <= len(choices) for n in numbers) or (not poll and len(numbers) > 1):
            self.say(f"choose 1–{len(choices)}")
            return
        if poll:
            if len(numbers) > 1 and not poll.get("allows_multiple_answers"):
                self.say("this poll takes one answer")
                return
            await self.h.client.answer_poll(user, str(poll["id"]), [n - 1 for n in numbers])
            await self.h.settle()
            self.say(f"{DIM}(voted){RESET}")
        else:
            button = choices[numbers[0] - 1]
            query = await self.h.client.press(user, message["message_id"], button["callback_data"])
            await self.h.settle()
            answer = await self.h.client.callback_answer(query)
            if answer and answer.get("text"):
                self.say(f"{DIM}({answer['text']}){RESET}")
        await self.show_new()

    async def advance(self, delta: timedelta) -> None:
        """Move the clock and run what became due (reminders, rounds, escalations)."""
        advance = getattr(self.h.clock, "advance")  # noqa: B009 – FakeClock or PlaygroundClock
        advance(delta)
        await self.tick()

    async def tick(self) -> None:
        await self.h.rt.tick()
        await self.h.settle()

    async def tick_and_show(self) -> bool:
        async with self.busy:
            await self.tick()
            shown = await self.show_new()
            await self.hint_others()
            return shown


async def _meet_the_bot(harness: Harness) -> None:
    """The demo people have opened the bot, as real staff have after their invite link, so
    alerts reach a coach who has not typed anything in this session."""
    for persona in DEMO_PERSONAS:
        await harness.client.create_user(
            persona.tg_user_id,
            persona.name.split()[0],
            last_name=persona.name.split()[-1],
            language_code="sv" if persona.key == "linnea" else "fi",
            opened=True,
        )


def _start_reading_lines(queue: asyncio.Queue[str | None]) -> None:
    """stdin in a daemon thread: a quit never waits for a line that will not come."""
    loop = asyncio.get_running_loop()

    def read() -> None:
        while True:
            try:
                line = input()
            except (EOFError, OSError, ValueError):
                loop.call_soon_threadsafe(queue.put_nowait, None)
                return
            loop.call_soon_threadsafe(queue.put_nowait, line)

    threading.Thread(target=read, name="playground-input", daemon=True).start()


def playground_paths(database_path: Path) -> tuple[Path, Path]:
    """The clock offset file and the folder for photos and documents, beside the database."""
    return Path(f"{database_path}.clock"), database_path.with_name(f"{database_path.stem}-files")


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


async def open_playground(database_path: Path, *, fresh: bool) -> Harness:
    """The bot on the stand-in with the demo school, its people having opened the bot."""
    clock_file, _ = playground_paths(database_path)
    if fresh:
        stale = [Path(f"{database_path}{suffix}") for suffix in ("", "-wal", "-shm")]
        await asyncio.to_thread(_remove, [*stale, clock_file])
    harness = Harness(database_path, clock=PlaygroundClock(clock_file))
    await harness.start()
    try:
        if await seed_demo_school(harness.rt.db, harness.clock.now()):
            print(f"{DIM}seeded a demo school into {database_path}{RESET}")
        await _meet_the_bot(harness)
    except BaseException:
        await harness.stop()
        raise
    return harness


async def run_web_playground(database_path: Path, *, fresh: bool = False, port: int = 8765) -> int:
    """Both phones in a browser page on http://127.0.0.1:PORT/ until Ctrl-C."""
    from bot.webplayground import WebPlayground

    harness = await open_playground(database_path, fresh=fresh)
    web = WebPlayground(harness, port=port)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        url = await web.start()
        print(f"{BOLD}Kohtaamo web playground:{RESET} open {url} in a browser (Ctrl-C ends)")
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), TICK_SECONDS)
            if not stop.is_set():
                await web.tick()  # the clock runs on: reminders arrive
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await web.stop()
        await harness.stop()
    print("\nbye!", file=sys.stderr)
    return 0


async def run_playground(database_path: Path, *, fresh: bool = False) -> int:
    _, files_dir = playground_paths(database_path)
    harness = await open_playground(database_path, fresh=fresh)
    loop = asyncio.get_running_loop()
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lines.put_nowait, None)  # Ctrl-C is :quit
    pg = Playground(harness, files_dir=files_dir)
    try:
        print(HELP)
        await pg.handle("/start")
        _start_reading_lines(lines)
        prompt = True
        while True:
            if prompt:
                print(f"\n[{pg.persona.key}] › ", end="", flush=True)
            try:
                line = await asyncio.wait_for(lines.get(), TICK_SECONDS)
            except TimeoutError:
                prompt = await pg.tick_and_show()  # the clock runs on: reminders arrive
                continue
            if line is None or not await pg.handle(line.strip()):
                break
            prompt = True
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await harness.stop()
    print("\nbye!", file=sys.stderr)
    return 0
