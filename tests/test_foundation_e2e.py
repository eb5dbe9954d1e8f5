"""Foundation, end to end through the stand-in over HTTP: start, language, bad input, restart,
one instance, the token never in logs, and the bot never sending what Telegram would refuse."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.harness import STANDIN_TOKEN, Harness
from bot.services.messaging.outbox import OutMessage, enqueue
from bot.storage.lock import AlreadyRunning
from bot.telegram.runtime import Runtime
from tests.conftest import AINO, STRANGER


async def refused_requests(h: Harness) -> list[dict[str, object]]:
    return [r for r in await h.client.requests() if r["status"] != 200]


async def test_start_then_language_switch_replies_in_swedish(school: Harness) -> None:
    h = school
    await h.say(STRANGER, "/start")
    welcome = (await h.bot_messages(STRANGER))[-1]
    assert "Kohtaamo" in welcome["text"]
    assert "kutsulinkin" in welcome["text"]
    labels = [b["text"] for row in welcome["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["Suomi", "Svenska", "English", "Selkosuomi (helppo suomi)"]

    await h.press(STRANGER, "Svenska")
    assert "svenska" in (await h.last_text(STRANGER))
    await h.say(STRANGER, "/hjalp")
    assert "Om du behöver hjälp genast" in await h.last_text(STRANGER)
    await h.say(STRANGER, "hej")
    assert "inte med i Kohtaamo" in await h.last_text(STRANGER)
    assert await refused_requests(h) == []


async def test_language_choice_of_an_enrolled_student_changes_their_menu(school: Harness) -> None:
    h = school
    await h.say(AINO, "/kieli")
    await h.press(AINO, "English")
    assert "English" in await h.last_text(AINO)
    commands = await h.client.commands(scope=f"chat:{AINO}")
    assert "checkin" in [c["command"] for c in commands]
    await h.say(AINO, "/help")
    assert "How Kohtaamo works" in await h.last_text(AINO)


async def test_command_menus_are_set_for_every_language(school: Harness) -> None:
    h = school
    fi = [c["command"] for c in await h.client.commands(language_code="fi")]
    sv = [c["command"] for c in await h.client.commands(language_code="sv")]
    en = [c["command"] for c in await h.client.commands(language_code="en")]
    assert "kuulumiset" in fi
    assert "hurmardu" in sv
    assert "checkin" in en
    assert fi == [c["command"] for c in await h.client.commands()]  # Finnish is the default


async def test_unknown_command_gets_kind_help_and_changes_nothing(school: Harness) -> None:
    h = school
    before = await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions")
    await h.say(AINO, "/lentokone <b>")
    text = await h.last_text(AINO)
    assert "En tunne komentoa /lentokone" in text
    assert "/apua" in text
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM sessions") == before
    assert await refused_requests(h) == []


async def test_stickers_and_other_messages_get_a_kind_answer(school: Harness) -> None:
    h = school
    await h.say(STRANGER, "/start")
    await h.say(STRANGER, "x" * 4096)  # the longest text Telegram lets a user send
    assert "Et ole vielä mukana" in await h.last_text(STRANGER)


async def test_the_bot_never_sends_a_message_longer_than_telegram_allows(school: Harness) -> None:
    h = school
    await h.say(AINO, "/start")
    paragraph = ("Pitkä kappale " * 200).strip()  # ~2,800 characters
    long_text = "\n\n".join([paragraph] * 4)  # ~11,000 characters
    message = OutMessage(AINO, long_text)
    now = h.clock.now()
    await h.rt.db.transaction(lambda tx: enqueue(tx, "long-reply", message, now=now))
    await h.settle()
    sent = await h.bot_messages(AINO)
    tail = sent[-4:]
    assert all(len(m["text"]) <= 4096 for m in sent)
    assert "".join(m["text"] for m in tail).replace("\n", "") == long_text.replace("\n", "")
    assert await refused_requests(h) == []


async def test_restart_on_the_same_database_keeps_data(school: Harness) -> None:
    h = school
    await h.say(AINO, "/kieli")
    await h.press(AINO, "Svenska")
    await h.restart()
    await h.say(AINO, "/start")
    assert "Kul att se dig igen" in await h.last_text(AINO)


async def test_a_second_instance_on_the_same_database_refuses_to_start(
    harness: Harness, clock: FakeClock
) -> None:
    second = Runtime(harness.settings(), clock=clock, jobs=False)
    with pytest.raises(AlreadyRunning, match="already running"):
        await second.start()
    # and the first one still works
    await harness.client.create_user(STRANGER, "Vieras")
    await harness.say(STRANGER, "/start")
    assert "Kohtaamo" in await harness.last_text(STRANGER)


async def test_token_never_appears_in_logs(
    tmp_path: Path, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    h = Harness(tmp_path / "k.sqlite3", clock=clock)
    await h.start()
    try:
        await h.client.create_user(STRANGER, "Vieras")
        await h.say(STRANGER, "/start")
        await h.say(STRANGER, "/apua")
    finally:
        await h.stop()
    secret = STANDIN_TOKEN.split(":", 1)[1]
    assert caplog.records, "expected the bot to log something at DEBUG"
    assert all(secret not in record.getMessage() for record in caplog.records)
    assert any("getUpdates" in record.getMessage() for record in caplog.records)
