"""The baseline: a bare python-telegram-bot 22 bot, long polling, nothing else.

It echoes every text, and `/broadcast FIRST COUNT` sends one message to each of COUNT users
from FIRST on (the bare-PTB way to fan out: gather the sends, 64 at a time, and let
AIORateLimiter pace them).
It gets the same treatment as Kohtaamo in each scenario — the same stand-in, concurrent update
handling, AIORateLimiter at ECHO_RATE messages/s — so Kohtaamo's numbers can be printed as
ratios to it. Run: TELEGRAM_BOT_TOKEN=… BOT_API_BASE_URL=http://127.0.0.1:P/bot python -m
bench.echo_bot
"""

from __future__ import annotations

import asyncio
import os

from telegram import Update
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None and message.text:
        await context.bot.send_message(message.chat_id, message.text)


async def broadcast(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    first, count = (int(arg) for arg in context.args or ())
    in_flight = asyncio.Semaphore(64)  # thousands at once would only queue in the HTTP pool

    async def send(chat_id: int) -> None:
        async with in_flight:
            await context.bot.send_message(chat_id, "Moi! Mitä kuuluu?")

    chats = range(first, first + count)
    await asyncio.gather(*(send(chat) for chat in chats), return_exceptions=True)


def main() -> None:
    app = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["BOT_API_BASE_URL"])
        .concurrent_updates(256)
        .rate_limiter(AIORateLimiter(overall_max_rate=float(os.environ.get("ECHO_RATE", "30"))))
        .connection_pool_size(128)
        .pool_timeout(30.0)
        .build()
    )
    app.add_handler(CommandHandler("broadcast", broadcast))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.run_polling(timeout=10, allowed_updates=["message"])


if __name__ == "__main__":
    main()
