"""Nothing a student writes is lost in a crash (issue 17.1): an update is stored before it is
confirmed to Telegram, so a bot killed between receiving and handling handles it on restart.

The bot runs as its own process and is killed with SIGKILL. Another writer holds the database
busy meanwhile, which widens the window between "received" and "stored" from microseconds to
seconds — the window in which a bot that confirms first would lose the message.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock, SystemClock
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo
from bot.services.messaging import inbox
from bot.standin.client import StandinClient
from bot.standin.server import FloodLimits, StandinServer
from bot.storage.db import Database
from tests.conftest import AINO, KAISA, MATTI
from tests.support import (
    SECRET,
    BotProcess,
    database_held_busy,
    eventually,
    free_port,
    post,
    requests_since,
    update,
)

CRISIS = "Mä en jaksa enää. Haluun tappaa itteni."


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[tuple[StandinServer, StandinClient, BotProcess]]:
    server = StandinServer(limits=FloodLimits(enabled=False))
    await server.start()
    client = StandinClient(server.control_url)
    await client.__aenter__()
    database = tmp_path / "kohtaamo.sqlite3"
    db = await Database.open(database)
    await seed_demo(db, SystemClock().now())
    await db.close()
    for persona in DEMO_PERSONAS:
        first, last = persona.name.split()
        await client.create_user(persona.tg_user_id, first, last_name=last)
    bot = BotProcess(server, database, tmp_path / "bot.log")
    try:
        yield server, client, bot
    finally:
        await bot.stop()
        await client.__aexit__(None, None, None)
        await server.stop()


async def texts(client: StandinClient, chat_id: int) -> list[str]:
    return [str(m.get("text", "")) for m in await client.messages(chat_id) if m.get("from_bot")]


async def test_a_crisis_message_survives_a_kill_while_the_database_is_busy(
    world: tuple[StandinServer, StandinClient, BotProcess],
) -> None:
    server, client, bot = world
    await bot.start()
    for user in (MATTI, KAISA):  # staff opened their chats with the bot
        await client.send_text(user, "/start")
    for user in (MATTI, KAISA):
        await eventually(lambda u=user: _has_reply(client, u), what="the staff's /start reply")

    log_start = len(server.log.entries())
    with database_held_busy(bot.database):
        update_id = await client.send_text(AINO, CRISIS)

        async def fetched() -> bool:  # a getUpdates answered with the crisis message in it
            return bool(requests_since(server, log_start, "getUpdates"))

        await eventually(fetched, what="the bot to fetch the message")

        # A bot that confirms before it stores does so at once, with its next getUpdates: give
        # it the time to (one that stores first cannot confirm while the database is held).
        async def confirmed() -> bool:
            return int((await client.state())["confirmed_update_id"]) >= int(update_id or 0)

        with contextlib.suppress(AssertionError):
            await eventually(confirmed, timeout=3.0, what="the update to be confirmed")
        bot.kill()
        await bot.wait_dead()

    await bot.start()

    async def answered() -> bool:
        aino = await texts(client, AINO)
        kaisa = await texts(client, KAISA)
        return (
            any("112" in t for t in aino)
            and len(await texts(client, MATTI)) >= 2
            and any("KRIISI" in t for t in kaisa)
        )

    # The student's reply, the coach's alert and the second alert go out one after another.
    await eventually(answered, what="the crisis reply and both alerts after the restart")
    aino = await texts(client, AINO)
    assert len([t for t in aino if "112" in t]) == 1  # answered once
    alerts = [t for t in await texts(client, MATTI) if "KRIISI" in t]
    assert len(alerts) == 1
    assert "Haluun tappaa itteni" in alerts[0]
    assert len([t for t in await texts(client, KAISA) if "KRIISI" in t]) == 1
    db = await Database.open(bot.database, migrate=False)
    try:
        concerns = await db.fetchval("SELECT COUNT(*) FROM concerns WHERE level = 'crisis'")
        waiting = await db.fetchval("SELECT COUNT(*) FROM inbox WHERE done_at IS NULL")
        kept = await db.fetchval("SELECT COUNT(*) FROM inbox WHERE payload IS NOT NULL")
    finally:
        await db.close()
    assert concerns == 1
    assert waiting == 0
    assert kept == 0


async def _has_reply(client: StandinClient, user: int) -> bool:
    return bool(await texts(client, user))


async def test_an_answer_handled_again_after_a_crash_is_not_taken_twice(
    h: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bot died after a typed answer was applied but before the update was marked done:
    the next start handles the update again, and it must not answer the next question too."""
    await h.say(AINO, "/kuulumiset")
    asked = len(await h.bot_messages(AINO))
    done = inbox.finish

    async def died_before_done(*_args: object, **_kwargs: object) -> None:
        return None  # the process is gone before this commit

    monkeypatch.setattr(inbox, "finish", died_before_done)
    await h.say(AINO, "4")  # the first question, typed
    monkeypatch.setattr(inbox, "finish", done)
    waiting = await h.rt.db.fetchval("SELECT COUNT(*) FROM inbox WHERE done_at IS NULL")
    assert waiting == 1
    after_answer = await h.bot_messages(AINO)
    assert len(after_answer) == asked + 1  # the second question

    await h.restart()
    await h.settle()
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM inbox WHERE done_at IS NULL") == 0
    answers = await h.rt.db.fetchall(
        "SELECT a.question_id FROM answers a JOIN sessions s ON s.id = a.session_id"
    )
    assert len(answers) == 1  # the second question is still waiting for Aino
    assert await h.bot_messages(AINO) == after_answer  # and nothing more was said


async def test_the_webhook_says_200_only_once_the_update_is_stored(
    tmp_path: Path, clock: FakeClock
) -> None:
    """The same path for webhooks: while the update cannot be stored the webhook answers an
    error (Telegram delivers it again later); a 200 means stored, and a repeat is dropped."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    h = Harness(
        tmp_path / "k.sqlite3",
        clock=clock,
        settings={
            "webhook_url": url,
            "webhook_listen": "127.0.0.1",
            "webhook_port": port,
            "webhook_secret": SECRET,
        },
    )
    await h.start()
    try:
        await seed_demo(h.rt.db, clock.now())
        await h.client.create_user(AINO, "Aino")
        await h.say(AINO, "/start")
        before = len(await h.bot_messages(AINO))
        with database_held_busy(h.database_path):
            assert await post(url, update(910_001, "/apua"), SECRET) != 200
        assert await post(url, update(910_001, "/apua"), SECRET) == 200  # Telegram again
        assert await post(url, update(910_001, "/apua"), SECRET) == 200  # and once more
        await h.settle()
        sent = await h.bot_messages(AINO)
        assert len(sent) == before + 1
        assert "Näin Kohtaamo toimii" in sent[-1]["text"]
    finally:
        await h.stop()
