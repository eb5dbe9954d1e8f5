"""The bot wired to the local Bot API stand-in in one process.

Used by the end-to-end tests, the playground and the benchmarks: it starts a stand-in, runs the
real PTB application against it over HTTP, and can wait until everything the bot was given
has been handled and delivered (`settle`) — a condition, never a sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
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
        self.rate_limits = rate_limits or RateLimits(overall_per_second=1000, max_retries=3)
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
                handled = seen >= state["last_update_id"]
                if handled and processor.in_progress == 0 and await self.rt.sender.idle():
                    # Sending can produce nothing new for the bot, but one more look costs little.
                    await asyncio.sleep(0)
                    if processor.in_progress == 0 and await self.rt.sender.idle():
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
