"""Webhook mode: updates arrive by POST with the secret header; a wrong or missing secret is
refused with 403 and nothing is processed; a repeated update_id is processed once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.harness import Harness
from bot.services.demo import seed_demo
from tests.conftest import AINO
from tests.support import SECRET, free_port, post, update


@pytest.fixture
async def webhook_bot(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[Harness, str]]:
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
    await seed_demo(h.rt.db, clock.now())
    await h.client.create_user(AINO, "Aino")
    try:
        yield h, url
    finally:
        await h.stop()


async def test_updates_arrive_through_the_webhook(webhook_bot: tuple[Harness, str]) -> None:
    h, _ = webhook_bot
    assert (await h.client.state())["webhook_url"] is not None
    await h.say(AINO, "/start")
    assert "Kiva nähdä taas" in await h.last_text(AINO)


async def test_wrong_or_missing_secret_is_refused_and_nothing_happens(
    webhook_bot: tuple[Harness, str],
) -> None:
    h, url = webhook_bot
    assert await post(url, update(900_001, "/start"), "wrong-secret") == 403
    assert await post(url, update(900_002, "/start"), None) == 403
    await h.settle()
    sent = [r for r in await h.client.requests() if r["method"].lower() == "sendmessage"]
    assert sent == []
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM inbox") == 0


async def test_a_repeated_update_is_processed_once(webhook_bot: tuple[Harness, str]) -> None:
    h, url = webhook_bot
    await h.say(AINO, "/start")  # Telegram's own delivery first, so the chat exists
    before = len(await h.bot_messages(AINO))
    for _ in range(3):
        assert await post(url, update(900_010, "/apua"), SECRET) == 200
    await h.settle()
    sent = await h.bot_messages(AINO)
    assert len(sent) == before + 1
    assert "Näin Kohtaamo toimii" in sent[-1]["text"]


async def test_a_forged_private_update_is_never_answered_into_another_chat(
    webhook_bot: tuple[Harness, str],
) -> None:
    """An update that claims Aino as the sender but another private chat (an attacker's) is
    dropped: nothing of hers is sent anywhere, and nothing changes."""
    h, url = webhook_bot
    await h.say(AINO, "/start")
    before = [r for r in await h.client.requests() if r["method"].lower() == "sendmessage"]
    forged = update(900_020, "/omat_tiedot")
    forged["message"]["chat"] = {"id": 6666, "type": "private", "first_name": "X"}  # type: ignore[index]
    assert await post(url, forged, SECRET) == 200
    await h.settle()
    after = [r for r in await h.client.requests() if r["method"].lower() == "sendmessage"]
    assert after == before


def test_the_webhook_listens_on_this_machine_only_by_default() -> None:
    from bot.config import load_settings

    settings = load_settings(
        _env_file=None, webhook_url="https://kohtaamo.example.fi/tg", webhook_secret="s3cret-x"
    )
    assert settings.webhook_listen == "127.0.0.1"
