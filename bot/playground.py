"""A terminal chat with the bot: no Telegram account needed.

The bot runs for real against the local stand-in; you type as one of the demo school's people.
"""

from __future__ import annotations

import asyncio
import html
import re
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.clock import FakeClock, SystemClock
from bot.harness import Harness
from bot.services.demo import DEMO_GROUP, DEMO_PERSONAS, Persona, seed_demo

BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
TAG = re.compile(r"<(/?)(b|strong|i|em|u|s|code|pre|a|blockquote)[^>]*>")
HELP = f"""{BOLD}Kohtaamo playground{RESET} – demo school, group {DEMO_GROUP}.
  type text            sent as the current person (commands too: /kuulumiset, /apua, /kieli)
  a number (1, 2 …)    presses that button of the latest message with buttons
  'text                sends the text as it is, even a number
  :as NAME             switch person: {", ".join(p.key for p in DEMO_PERSONAS)}
  :time +2h / +1d      move the clock forward and run what became due
  :help  :quit
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


class Playground:
    def __init__(self, harness: Harness) -> None:
        self.h = harness
        self.persona: Persona = DEMO_PERSONAS[0]
        self.seen: dict[int, int] = {}

    async def show_new(self) -> None:
        chat = self.persona.tg_user_id
        messages = await self.h.bot_messages(chat)
        start = self.seen.get(chat, 0)
        for message in messages[start:]:
            print(f"\n{BOLD}Kohtaamo ▸{RESET} {terminal_text(str(message.get('text') or ''))}")
            for n, button in enumerate(_buttons(message), 1):
                print(f"   [{n}] {button['text']}")
        self.seen[chat] = len(messages)

    async def latest_buttons(self) -> list[dict[str, Any]]:
        for message in reversed(await self.h.bot_messages(self.persona.tg_user_id)):
            if _buttons(message):
                return _buttons(message)
        return []

    async def handle(self, line: str) -> bool:
        user = self.persona.tg_user_id
        if line in (":quit", ":q", ":exit"):
            return False
        if line == ":help":
            print(HELP)
        elif line.startswith(":as"):
            key = line[3:].strip().lower()
            found = [p for p in DEMO_PERSONAS if p.key == key]
            if not found:
                print("who? " + ", ".join(p.key for p in DEMO_PERSONAS))
            else:
                self.persona = found[0]
                print(f"you are now {self.persona.name} ({self.persona.role})")
                await self.show_new()
        elif line.startswith(":time"):
            match = re.fullmatch(r":time\s*\+(\d+)([hdm])", line)
            if not match:
                print("usage: :time +2h  (h = hours, d = days, m = minutes)")
            else:
                unit = {"h": "hours", "d": "days", "m": "minutes"}[match[2]]
                await self.h.advance(timedelta(**{unit: int(match[1])}))
                print(f"{DIM}clock: {self.h.clock.now():%Y-%m-%d %H:%M} UTC{RESET}")
                await self.show_new()
        elif line.isdigit() and (buttons := await self.latest_buttons()):
            index = int(line) - 1
            if not 0 <= index < len(buttons):
                print(f"choose 1–{len(buttons)}")
                return True
            message = next(m for m in reversed(await self.h.bot_messages(user)) if _buttons(m))
            query = await self.h.client.press(
                user, message["message_id"], buttons[index]["callback_data"]
            )
            await self.h.settle()
            answer = await self.h.client.callback_answer(query)
            if answer and answer.get("text"):
                print(f"{DIM}({answer['text']}){RESET}")
            await self.show_new()
        elif line:
            await self.h.say(user, line[1:] if line.startswith("'") else line)
            await self.show_new()
        return True


async def run_playground(database_path: Path, *, fresh: bool = False) -> int:
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database_path}{suffix}").unlink(missing_ok=True)
    # The playground starts at the real time and moves only when told (:time).
    clock = FakeClock(SystemClock().now())
    harness = Harness(database_path, clock=clock)
    await harness.start()
    try:
        if await seed_demo(harness.rt.db, clock.now()):
            print(f"{DIM}seeded a demo school into {database_path}{RESET}")
        for persona in DEMO_PERSONAS:
            await harness.client.create_user(
                persona.tg_user_id,
                persona.name.split()[0],
                last_name=persona.name.split()[-1],
                language_code="fi",
            )
        print(HELP)
        pg = Playground(harness)
        await pg.handle("/start")
        loop = asyncio.get_running_loop()
        while True:
            try:
                line = await loop.run_in_executor(None, input, f"\n[{pg.persona.key}] › ")
            except (EOFError, KeyboardInterrupt):
                break
            if not await pg.handle(line.strip()):
                break
    finally:
        await harness.stop()
    print("bye!", file=sys.stderr)
    return 0
