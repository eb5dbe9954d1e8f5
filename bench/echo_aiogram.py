"""A second, stronger baseline: a bare aiogram 3 echo bot (aiohttp transport), long polling.

aiogram is the fastest common Python framework for the Bot API; beside the bare
python-telegram-bot echo bot (bench/echo_bot.py) it shows how much of Kohtaamo's cost is its
own and how much is the framework's. It echoes every text and nothing else, handling updates
concurrently as tasks (aiogram's default), against the same stand-in and load.

It runs in its own virtual environment (bench/aiogram_env.py makes it), because aiogram pins
an older pydantic than Kohtaamo uses. This file imports nothing from the project. Run:
TELEGRAM_BOT_TOKEN=… BOT_API_BASE=http://127.0.0.1:P .venv-aiogram/bin/python bench/echo_aiogram.py
"""

from __future__ import annotations

import asyncio
import os

from aiogram import Bot, Dispatcher, F
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

dispatcher = Dispatcher()


@dispatcher.message(F.text)
async def echo(message: Message) -> None:
    await message.answer(message.text or "")


async def main() -> None:
    server = TelegramAPIServer.from_base(os.environ["BOT_API_BASE"])
    session = AiohttpSession(api=server, limit=128)  # the same pool size as the PTB echo bot
    bot = Bot(os.environ["TELEGRAM_BOT_TOKEN"], session=session)
    await dispatcher.start_polling(
        bot, polling_timeout=10, allowed_updates=["message"], handle_signals=True
    )


if __name__ == "__main__":
    asyncio.run(main())
