"""The bot wired to the local Bot API stand-in in one process.

Used by the end-to-end tests, the playground and the benchmarks: it starts a stand-in, runs the
real PTB application against it over HTTP, and can wait until everything the bot was given
has been handled and delivered (`settle`) — a condition, never a sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from bot.clock import Clock, FakeClock
from bot.config import Settings, load_settings
from bot.standin.client import StandinClient, StandinError
from bot.standin.server import FloodLimits, StandinServer
from bot.telegram.runtime import RateLimits, Runtime

STANDIN_TOKEN = "123456:STANDIN-playground"


class Harness:
    def __init__(
        self,
        database_path: Path,
        *,
        clock: Clock,
        limits: FloodLimits | None = None,
        rate_limits: RateLimits | None = None,
        settings: dict[str, Any] | None = None,
        record_path: Path | None = None,
    ) -> None:
        self.database_path = database_path
        self.clock = clock
        self.limits = limits or FloodLimits(enabled=False)
        # The stand-in's flood limits are off unless a test turns them on: pacing per chat
        # would only slow the tests down. Tests of flood control pass production limits.
        self.rate_limits = rate_limits or RateLimits(
            overall_per_second=1000,
            max_retries=3,
            per_chat_per_second=None,
            per_user_per_second=None,
        )
        self.overrides = settings or {}
        self.record_path = record_path
        self.server = StandinServer(limits=self.limits, record_path=record_path)
        self.runtime: Runtime | None = None

    async def start(self) -> Harness:
        await self.server.start()
        self.client = StandinClient(self.server.control_url)
        await self.client.__aenter__()
        await self.start_bot()
        return self

    def settings(self) -> Settings:
        return load_settings(
            telegram_bot_token=STANDIN_TOKEN,
            database_path=self.database_path,
            bot_api_base_url=self.server.base_url,
            bot_api_file_url=self.server.base_file_url,
            **self.overrides,
        )

    async def start_bot(self) -> Runtime:
        # Updates the previous instance already confirmed were handled by it (stop() drains
        # them); settle() must not wait for this instance to see them again.
        self._handled_before = int((await self.client.state())["confirmed_update_id"])
        self.runtime = Runtime(
            self.settings(),
            clock=self.clock,
            jobs=False,
            rate_limits=self.rate_limits,
            poll_timeout=5,
        )
        await self.runtime.start()
        return self.runtime

    async def stop_bot(self) -> None:
        if self.runtime is not None:
            await self.runtime.stop()
            self.runtime = None

    async def restart(self) -> Runtime:
        await self.stop_bot()
        return await self.start_bot()

    async def stop(self) -> None:
        await self.stop_bot()
        await self.client.__aexit__(None, None, None)
        await self.server.stop()

    @property
    def rt(self) -> Runtime:
        assert self.runtime is not None, "the bot is not running"
        return self.runtime

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until every update the stand-in holds is handled and the outbox is idle."""
        async with asyncio.timeout(timeout):
            while True:
                state = await self.client.state()
                processor = self.rt.processor
                seen = max(processor.highest_update_id, self._handled_before)
                handled = seen >= state["last_update_id"] and not self.rt.receiver.handling
                if handled and processor.in_progress == 0 and await self.rt.sender.idle():
                    # Sending can produce nothing new for the bot, but one more look costs little.
                    await asyncio.sleep(0)
                    if (
                        processor.in_progress == 0
                        and not self.rt.receiver.handling
                        and await self.rt.sender.idle()
                    ):
                        return
                processor.changed.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(processor.changed.wait(), 0.02)

    async def advance(self, delta: timedelta) -> None:
        """Move the fake clock and run what became due."""
        assert isinstance(self.clock, FakeClock)
        self.clock.advance(delta)
        await self.rt.tick()
        await self.settle()

    # -- acting as people ---------------------------------------------------------------------

    async def say(self, user_id: int, text: str, *, chat_id: int | None = None) -> None:
        await self.client.send_text(user_id, text, chat_id=chat_id)
        await self.settle()

    async def press(self, user_id: int, text_contains: str, *, chat_id: int | None = None) -> str:
        query_id = await self.client.press_button(user_id, text_contains, chat_id=chat_id)
        await self.settle()
        return query_id

    async def checkin(
        self,
        user_id: int,
        answers: Mapping[str, str | list[str] | None],
        *,
        command: str = "/kuulumiset",
    ) -> list[str]:
        """Answer a check-in the way a student would, question by question: `answers` maps a
        question id to the button label to press (a list for a multichoice, then "Valmis"),
        or to the text to type for a text question; a missing or None answer is skipped.
        Returns the ids of the questions asked, in order — flows rotate items by week."""
        await self.say(user_id, command)
        asked: list[str] = []
        for _ in range(40):
            row = await self.rt.db.fetchone(
                "SELECT s.flow_id, s.flow_version, s.state FROM sessions s"
                " JOIN persons p ON p.id = s.person_id"
                " WHERE p.tg_user_id = ? AND s.status = 'open' AND s.subject_id IS NULL"
                " ORDER BY s.id DESC LIMIT 1",
                (user_id,),
            )
            if row is None:
                return asked
            flow = self.rt.svc.flows.current(str(row["flow_id"]))
            question = flow.questions.get(str(row["state"])) if flow else None
            if question is None:
                raise AssertionError(f"no question {row['state']} in flow {row['flow_id']}")
            asked.append(question.id)
            answer = answers.get(question.id)
            if answer is None:
                await self.press(user_id, "Ohita")
            elif isinstance(answer, list):
                for label in answer:
                    await self.press(user_id, label)
                await self.press(user_id, "Valmis")
            elif question.type == "text":
                await self.say(user_id, answer)
            else:
                await self.press(user_id, answer)
        raise AssertionError(f"the check-in did not end: {asked}")

    async def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """What the bot has sent to a chat ([] while the person has not written yet)."""
        try:
            messages = await self.client.messages(chat_id)
        except StandinError as exc:
            if exc.status == 404:
                return []
            raise
        return [m for m in messages if m.get("from_bot")]

    async def last_text(self, chat_id: int) -> str:
        messages = await self.bot_messages(chat_id)
        return str(messages[-1]["text"]) if messages else ""
