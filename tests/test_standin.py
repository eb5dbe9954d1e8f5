"""The local Bot API stand-in, driven over real HTTP: raw calls for Telegram's exact error
shapes, python-telegram-bot's own Bot for compatibility, and the control client."""

from __future__ import annotations

import asyncio
import json
import logging
import struct
import time
import zlib
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Conflict, Forbidden, RetryAfter, TimedOut

from bot.standin.client import StandinClient, StandinError
from bot.standin.html import HtmlParseError, parse_html, utf16_len
from bot.standin.limits import FloodLimiter
from bot.standin.server import FloodLimits, StandinServer
from bot.standin.webhook import SECRET_HEADER

TOKEN = "123456:TEST-secret_TOKEN"
AINO = 1001
GROUP = -5001


class RawApi:
    """Bot API calls without PTB, to check status codes and bodies byte for byte."""

    def __init__(self, base_url: str, session: aiohttp.ClientSession) -> None:
        self._base_url = base_url
        self._session = session

    async def call(self, method: str, token: str = TOKEN, **params: Any) -> tuple[int, Any]:
        # Form-encoded like PTB: nested objects as JSON text.
        form = {
            name: value if isinstance(value, str) else json.dumps(value)
            for name, value in params.items()
        }
        url = f"{self._base_url}{token}/{method}"
        async with self._session.post(url, data=form) as response:
            return response.status, await response.json()

    async def call_json(self, method: str, body: dict[str, Any]) -> tuple[int, Any]:
        async with self._session.post(f"{self._base_url}{TOKEN}/{method}", json=body) as response:
            return response.status, await response.json()

    async def call_get(self, method: str, **query: str) -> tuple[int, Any]:
        url = f"{self._base_url}{TOKEN}/{method}"
        async with self._session.get(url, params=query) as response:
            return response.status, await response.json()


@pytest.fixture
async def server() -> AsyncIterator[StandinServer]:
    standin_server = StandinServer(limits=FloodLimits(enabled=False))
    await standin_server.start()
    yield standin_server
    await standin_server.stop()


@pytest.fixture
async def standin(server: StandinServer) -> AsyncIterator[StandinClient]:
    async with StandinClient(server.control_url) as client:
        yield client


@pytest.fixture
async def api(server: StandinServer) -> AsyncIterator[RawApi]:
    async with aiohttp.ClientSession() as session:
        yield RawApi(server.base_url, session)


@pytest.fixture
async def bot(server: StandinServer) -> AsyncIterator[Bot]:
    async with Bot(TOKEN, base_url=server.base_url, base_file_url=server.base_file_url) as ptb:
        yield ptb


@pytest.fixture
async def aino(standin: StandinClient) -> int:
    """A student who has started the bot, so her private chat exists."""
    await standin.create_user(AINO, "Aino", username="aino")
    await standin.send_text(AINO, "/start")
    return AINO


@pytest.fixture
async def group(standin: StandinClient, aino: int) -> int:
    await standin.create_group(GROUP, "Ryhmä 1A")
    await standin.add_member(GROUP, aino)
    await standin.add_bot(GROUP, by_user_id=aino)
    return GROUP


async def say(standin: StandinClient, user_id: int, text: str, **kwargs: Any) -> int:
    """A user writes something the bot must receive; returns the update id."""
    update_id = await standin.send_text(user_id, text, **kwargs)
    assert update_id is not None, f"the bot did not get {text!r}"
    return update_id


async def drain(bot: Bot, standin: StandinClient) -> None:
    """Confirms every pending update, so the next getUpdates shows only what follows."""
    last = (await standin.state())["last_update_id"]
    await bot.get_updates(offset=last + 1)


def bad_request(reason: str) -> dict[str, Any]:
    return {"ok": False, "error_code": 400, "description": f"Bad Request: {reason}"}


def forbidden(reason: str) -> dict[str, Any]:
    return {"ok": False, "error_code": 403, "description": f"Forbidden: {reason}"}


def tiny_png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# -- the bot and the wire ------------------------------------------------------------------


async def test_get_me_describes_a_privacy_mode_bot(bot: Bot) -> None:
    me = await bot.get_me()
    assert me.username == "KohtaamoBot"
    assert me.is_bot
    assert me.can_join_groups is True
    assert me.can_read_all_group_messages is False
    assert me.supports_inline_queries is False


async def test_bad_token_unknown_method_and_case_insensitive_names(api: RawApi) -> None:
    assert await api.call("getMe", token="not-a-token") == (
        401,
        {"ok": False, "error_code": 401, "description": "Unauthorized"},
    )
    not_found = (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert await api.call("sendTelepathy") == not_found
    assert await api.call("getMe", token="") == not_found
    status, body = await api.call("GETME")
    assert status == 200
    assert body["result"]["username"] == "KohtaamoBot"


async def test_params_are_read_from_json_and_query_string(api: RawApi, aino: int) -> None:
    status, body = await api.call_json(
        "sendMessage",
        {"chat_id": aino, "text": "<b>JSON</b>", "parse_mode": "HTML", "protect_content": True},
    )
    assert status == 200
    assert body["result"]["entities"] == [{"type": "bold", "offset": 0, "length": 4}]
    status, body = await api.call_get("sendMessage", chat_id=str(aino), text="query")
    assert status == 200
    assert body["result"]["text"] == "query"


# -- updates -------------------------------------------------------------------------------


async def test_long_poll_returns_when_a_user_writes_and_offset_confirms(
    server: StandinServer, bot: Bot, standin: StandinClient
) -> None:
    await standin.create_user(AINO, "Aino")
    poll = asyncio.create_task(bot.get_updates(timeout=20))
    assert await server.world.changed.wait_until(lambda: server.bot_api.waiting_polls == 1, 5)
    started = time.monotonic()
    update_id = await say(standin, AINO, "moi")
    updates = await asyncio.wait_for(poll, 5)
    assert time.monotonic() - started < 2
    assert [update.update_id for update in updates] == [update_id]
    assert updates[0].message is not None
    assert updates[0].message.text == "moi"
    assert updates[0].message.chat.id == AINO

    # Not confirmed yet, so it comes again; an offset past it confirms it.
    assert [update.update_id for update in await bot.get_updates()] == [update_id]
    assert await bot.get_updates(offset=update_id + 1) == ()
    state = await standin.state()
    assert state["confirmed_update_id"] == update_id
    assert state["pending_updates"] == 0


async def test_negative_offset_keeps_only_the_newest_and_limit_caps(
    bot: Bot, standin: StandinClient, aino: int
) -> None:
    ids = [await say(standin, aino, f"viesti {n}") for n in range(3)]
    assert [u.update_id for u in await bot.get_updates(limit=2)] == [ids[0] - 1, ids[0]]
    assert [u.update_id for u in await bot.get_updates(offset=-1)] == [ids[2]]
    assert (await standin.state())["pending_updates"] == 1


async def test_a_second_long_poll_terminates_the_first(server: StandinServer, api: RawApi) -> None:
    first = asyncio.create_task(api.call("getUpdates", timeout=20))
    assert await server.world.changed.wait_until(lambda: server.bot_api.waiting_polls == 1, 5)
    assert await api.call("getUpdates") == (200, {"ok": True, "result": []})
    status, body = await asyncio.wait_for(first, 5)
    assert status == 409
    assert body["description"].startswith("Conflict: terminated by other getUpdates request")


async def test_allowed_updates_filters_new_updates(
    bot: Bot, standin: StandinClient, aino: int
) -> None:
    last = (await standin.state())["last_update_id"]
    await bot.get_updates(offset=last + 1, allowed_updates=["callback_query"])
    assert await standin.send_text(aino, "ohitetaan") is None
    assert await bot.get_updates() == ()


# -- text and HTML -------------------------------------------------------------------------


async def test_text_limits_count_utf16_after_parsing(api: RawApi, aino: int) -> None:
    assert (await api.call("sendMessage", chat_id=aino, text="😀" * 2048))[0] == 200
    assert await api.call("sendMessage", chat_id=aino, text="😀" * 2049) == (
        400,
        bad_request("message is too long"),
    )
    # Markup does not count, only the text it leaves.
    tagged = "<b>" + "a" * 4096 + "</b>"
    assert (await api.call("sendMessage", chat_id=aino, text=tagged, parse_mode="HTML"))[0] == 200
    for empty in ("", "  \n ", "<b></b>"):
        assert await api.call("sendMessage", chat_id=aino, text=empty, parse_mode="HTML") == (
            400,
            bad_request("message text is empty"),
        )


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("<p>kappale</p>", 'Unsupported start tag "p" at byte offset 0'),
        ("<b>auki", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Unmatched end tag at byte offset 7, expected "</i>", found "</b>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("&nbsp;", 'Unsupported HTML entity "&nbsp;" at byte offset 0'),
        ('<span class="x">s</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
        (
            "<a href>x</a>",
            'Expected equal sign in declaration of an attribute of the tag "a" at byte offset 0',
        ),
        ("ä<b", "Unclosed start tag at byte offset 2"),
    ],
)
def test_html_parser_rejects_what_telegram_rejects(html: str, reason: str) -> None:
    with pytest.raises(HtmlParseError) as error:
        parse_html(html)
    assert str(error.value) == reason


def test_html_parser_builds_entities_in_utf16() -> None:
    text, entities = parse_html(
        '😀 <B>lihava</B> <a href="https://x.fi/?a=1&amp;b=2">linkki</a> &lt;3 &#x41;&#66; '
        '<tg-spoiler>s</tg-spoiler> <pre><code class="language-python">x = 1</code></pre>'
        "<blockquote expandable>lainaus</blockquote> Q&A"
    )
    assert text == "😀 lihava linkki <3 AB s x = 1lainaus Q&A"
    assert utf16_len("😀") == 2
    assert entities == [
        {"type": "bold", "offset": 3, "length": 6},
        {"type": "text_link", "offset": 10, "length": 6, "url": "https://x.fi/?a=1&b=2"},
        {"type": "spoiler", "offset": 23, "length": 1},
        {"type": "pre", "offset": 25, "length": 5, "language": "python"},
        {"type": "expandable_blockquote", "offset": 30, "length": 7},
    ]


async def test_bad_html_is_refused_and_good_html_gives_entities(
    api: RawApi, bot: Bot, standin: StandinClient, aino: int
) -> None:
    status, body = await api.call("sendMessage", chat_id=aino, text="1 < 2", parse_mode="HTML")
    assert (status, body) == (
        400,
        bad_request('can\'t parse entities: Unsupported start tag "" at byte offset 2'),
    )
    assert await api.call("sendMessage", chat_id=aino, text="x", parse_mode="Bogus") == (
        400,
        bad_request("unsupported parse_mode"),
    )
    message = await bot.send_message(
        aino, "  Hei <b>Aino</b>, <i>mitä kuuluu?</i>\n\n", parse_mode=ParseMode.HTML
    )
    assert message.text == "Hei Aino, mitä kuuluu?"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [
        ("bold", 4, 4),
        ("italic", 10, 12),
    ]
    assert message.parse_entities() == {
        message.entities[0]: "Aino",
        message.entities[1]: "mitä kuuluu?",
    }
    # Only the valid message reached the chat.
    sent = [m for m in await standin.messages(aino) if m["from_bot"]]
    assert [m["text"] for m in sent] == ["Hei Aino, mitä kuuluu?"]


# -- keyboards and callbacks ---------------------------------------------------------------


async def test_inline_keyboard_validation(api: RawApi, aino: int) -> None:
    def keyboard(**button: Any) -> dict[str, Any]:
        return {"inline_keyboard": [[{"text": "Nappi", **button}]]}

    cases = [
        (keyboard(callback_data="x" * 65), bad_request("BUTTON_DATA_INVALID")),
        (keyboard(callback_data="ä" * 33), bad_request("BUTTON_DATA_INVALID")),
        (
            keyboard(),
            bad_request(
                "can't parse inline keyboard button: Text buttons are unallowed in the inline "
                "keyboard"
            ),
        ),
        (keyboard(url="javascript:alert(1)"), bad_request("BUTTON_URL_INVALID")),
    ]
    for markup, expected in cases:
        assert await api.call("sendMessage", chat_id=aino, text="x", reply_markup=markup) == (
            400,
            expected,
        )
    assert (
        await api.call(
            "sendMessage", chat_id=aino, text="ok", reply_markup=keyboard(callback_data="ä" * 32)
        )
    )[0] == 200
    reply_keyboard = {"keyboard": [["Kyllä", {"text": "Ei"}]], "one_time_keyboard": True}
    status, body = await api.call(
        "sendMessage", chat_id=aino, text="r", reply_markup=reply_keyboard
    )
    assert status == 200
    assert "reply_markup" not in body["result"]  # only inline keyboards belong to a message


async def test_press_answer_and_answering_twice(
    bot: Bot, standin: StandinClient, aino: int
) -> None:
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("😀 Hyvä", callback_data="mood:4")],
            [InlineKeyboardButton("Ohje", url="https://example.org/ohje")],
        ]
    )
    sent = await bot.send_message(aino, "Miten menee?", reply_markup=markup)

    with pytest.raises(StandinError, match="no button with callback_data 'mood:9'"):
        await standin.press(aino, sent.message_id, "mood:9")
    forged = await standin.press(aino, sent.message_id, "admin:1", force=True)
    await drain(bot, standin)
    query_id = await standin.press_button(aino, "Hyvä")
    (update,) = await bot.get_updates()
    query = update.callback_query
    assert query is not None
    assert (query.id, query.data, query.from_user.id) == (query_id, "mood:4", aino)
    assert query.message is not None
    assert query.message.message_id == sent.message_id

    assert await standin.callback_answer(query_id) is None
    assert await bot.answer_callback_query(query_id, text="Kiitos!")
    assert await standin.callback_answer(query_id) == {
        "text": "Kiitos!",
        "show_alert": False,
        "url": None,
        "cache_time": 0,
    }
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(query_id)
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await bot.answer_callback_query(forged, text="x" * 201)


async def test_edit_not_modified_and_edit_history(
    api: RawApi, bot: Bot, standin: StandinClient, aino: int
) -> None:
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Kyllä", callback_data="yes")]])
    sent = await bot.send_message(aino, "<b>Kysymys</b>", parse_mode="HTML", reply_markup=markup)
    status, body = await api.call(
        "editMessageText",
        chat_id=aino,
        message_id=sent.message_id,
        text="<b>Kysymys</b>",
        parse_mode="HTML",
        reply_markup=markup.to_dict(),
    )
    assert (status, body) == (
        400,
        bad_request(
            "message is not modified: specified new message content and reply markup are exactly "
            "the same as a current content and reply markup of the message"
        ),
    )
    assert await api.call("editMessageText", chat_id=aino, message_id=999, text="x") == (
        400,
        bad_request("message to edit not found"),
    )
    # Leaving reply_markup out removes the keyboard, as on Telegram.
    edited = await bot.edit_message_text("✅ Kyllä", chat_id=aino, message_id=sent.message_id)
    assert isinstance(edited, Message)
    assert edited.reply_markup is None
    assert edited.edit_date is not None
    last = await standin.last_message(aino)
    assert last["text"] == "✅ Kyllä"
    assert [version["text"] for version in last["edits"]] == ["Kysymys"]
    assert last["edits"][0]["reply_markup"] == markup.to_dict()

    assert await bot.delete_message(aino, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(aino, sent.message_id)
    assert [m["deleted"] for m in await standin.messages(aino)] == [False, True]


# -- who the bot may write to --------------------------------------------------------------


async def test_chat_access_errors(api: RawApi, standin: StandinClient, aino: int) -> None:
    assert await api.call("sendMessage", chat_id=424242, text="x") == (
        400,
        bad_request("chat not found"),
    )
    await standin.create_user(2002, "Eero")
    assert await api.call("sendMessage", chat_id=2002, text="x") == (
        403,
        forbidden("bot can't initiate conversation with a user"),
    )
    await standin.block(aino)
    assert await api.call("sendMessage", chat_id=aino, text="x") == (
        403,
        forbidden("bot was blocked by the user"),
    )
    with pytest.raises(StandinError, match="has blocked the bot"):
        await standin.send_text(aino, "hei")
    await standin.unblock(aino)
    assert (await api.call("sendMessage", chat_id=aino, text="x"))[0] == 200
    await standin.deactivate(aino)
    assert await api.call("sendMessage", chat_id=aino, text="x") == (
        403,
        forbidden("user is deactivated"),
    )


async def test_blocking_is_reported_as_my_chat_member(
    bot: Bot, standin: StandinClient, aino: int
) -> None:
    await drain(bot, standin)
    await standin.block(aino)
    (update,) = await bot.get_updates()
    member_update = update.my_chat_member
    assert member_update is not None
    assert (member_update.old_chat_member.status, member_update.new_chat_member.status) == (
        "member",
        "kicked",
    )
    with pytest.raises(Forbidden, match="blocked"):
        await bot.send_message(aino, "x")


# -- groups --------------------------------------------------------------------------------


async def test_privacy_mode_delivers_only_commands_and_replies(
    bot: Bot, standin: StandinClient, group: int, aino: int
) -> None:
    assert await standin.send_text(aino, "moi kaikki", chat_id=group) is None
    assert await standin.send_text(aino, "/apua@MuuBot", chat_id=group) is None
    delivered = [
        await say(standin, aino, "/kuulumiset", chat_id=group),
        await say(standin, aino, "/kuulumiset@KohtaamoBot nyt", chat_id=group),
    ]
    sent = await bot.send_message(group, "Kirjoita vastaus tähän viestiin")
    delivered.append(
        await say(standin, aino, "vastaus", chat_id=group, reply_to_message_id=sent.message_id)
    )
    updates = {u.update_id: u for u in await bot.get_updates()}
    first = updates[delivered[0]].message
    assert first is not None
    assert [(e.type, e.offset, e.length) for e in first.entities] == [("bot_command", 0, 11)]
    reply = updates[delivered[2]].message
    assert reply is not None
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.message_id == sent.message_id
    # Every group message is still visible to tests.
    assert len([m for m in await standin.messages(group) if not m["from_bot"]]) >= 5


async def test_bot_added_and_kicked(bot: Bot, standin: StandinClient, aino: int) -> None:
    await standin.create_group(GROUP, "Ryhmä")
    await standin.add_member(GROUP, aino)
    with pytest.raises(Forbidden, match="bot is not a member of the group chat"):
        await bot.send_message(GROUP, "x")
    await drain(bot, standin)
    await standin.add_bot(GROUP, by_user_id=aino)
    kinds = [
        (
            u.my_chat_member.new_chat_member.status if u.my_chat_member else None,
            bool(u.message and u.message.new_chat_members),
        )
        for u in await bot.get_updates()
    ]
    assert kinds == [("member", False), (None, True)]
    await bot.send_message(GROUP, "Hei ryhmä!")
    await standin.remove_bot(GROUP, by_user_id=aino)
    with pytest.raises(Forbidden, match="bot was kicked from the group chat"):
        await bot.send_message(GROUP, "x")


async def test_migrated_group_answers_with_the_new_id(
    api: RawApi, bot: Bot, standin: StandinClient, group: int
) -> None:
    await drain(bot, standin)
    new_id = await standin.migrate_group(group)
    assert str(new_id).startswith("-100")
    assert await api.call("sendMessage", chat_id=group, text="x") == (
        400,
        {
            "ok": False,
            "error_code": 400,
            "description": "Bad Request: group chat was upgraded to a supergroup chat",
            "parameters": {"migrate_to_chat_id": new_id},
        },
    )
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(group, "x")
    assert migrated.value.new_chat_id == new_id
    assert (await bot.send_message(new_id, "Uusi ryhmä")).chat.type == "supergroup"
    messages = [u.message for u in await bot.get_updates() if u.message]
    assert [(m.chat.id, m.migrate_to_chat_id, m.migrate_from_chat_id) for m in messages[-2:]] == [
        (group, new_id, None),
        (new_id, None, group),
    ]


# -- flood limits --------------------------------------------------------------------------


# PTB's RetryAfter warns about its own int/timedelta transition while being constructed.
async def test_flood_private_chat_burst_then_retry_after(
    api: RawApi, bot: Bot, standin: StandinClient, aino: int
) -> None:
    await standin.set_limits(FloodLimits(per_chat_per_second=1.0, per_chat_burst=3))
    for n in range(3):
        assert (await api.call("sendMessage", chat_id=aino, text=f"{n}"))[0] == 200
    assert await api.call("sendMessage", chat_id=aino, text="liikaa") == (
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        },
    )
    with pytest.raises(RetryAfter) as flood:
        await bot.send_message(aino, "liikaa")
    assert flood.value.retry_after == timedelta(seconds=1)
    # Edits and answers do not count, and a refused send left nothing behind.
    first_id = next(m for m in await standin.messages(aino) if m["from_bot"])["message_id"]
    await bot.edit_message_text("muokattu", chat_id=aino, message_id=first_id)
    assert len([m for m in await standin.messages(aino) if m["from_bot"]]) == 3


async def test_flood_group_minute_window(api: RawApi, standin: StandinClient, group: int) -> None:
    await standin.set_limits(FloodLimits(per_group_per_minute=2))
    for n in range(2):
        assert (await api.call("sendMessage", chat_id=group, text=f"{n}"))[0] == 200
    status, body = await api.call("sendMessage", chat_id=group, text="liikaa")
    assert status == 429
    assert 55 <= body["parameters"]["retry_after"] <= 60


def test_flood_limiter_refills_and_slides_with_time() -> None:
    now = [100.0]
    limiter = FloodLimiter(
        FloodLimits(
            overall_per_second=5, per_chat_per_second=1, per_chat_burst=2, per_group_per_minute=3
        ),
        clock=lambda: now[0],
    )
    assert limiter.acquire(1, is_group=False) is None
    assert limiter.acquire(1, is_group=False) is None
    assert limiter.acquire(1, is_group=False) == 1
    now[0] += 1.0
    assert limiter.acquire(1, is_group=False) is None
    for _ in range(3):
        assert limiter.acquire(-1, is_group=True) is None
        now[0] += 0.5  # stay under the overall rate
    assert limiter.acquire(-1, is_group=True) == 59
    now[0] += 59.0
    assert limiter.acquire(-1, is_group=True) is None
    # The overall bucket holds one second's worth of sends.
    now[0] += 1.0
    results = [limiter.acquire(chat, is_group=False) for chat in range(10, 16)]
    assert results[:5] == [None] * 5
    assert results[5] == 1
    limiter.limits = FloodLimits(enabled=False)
    assert limiter.acquire(10, is_group=False) is None


# -- webhook -------------------------------------------------------------------------------


async def test_webhook_delivers_in_order_with_secret_and_retries(
    api: RawApi, bot: Bot, standin: StandinClient
) -> None:
    received: list[tuple[int, str | None]] = []
    answers = [500]  # the first delivery fails once
    arrived = asyncio.Event()

    async def receive(request: web.Request) -> web.Response:
        update = await request.json()
        received.append((update["update_id"], request.headers.get(SECRET_HEADER)))
        arrived.set()
        return web.Response(status=answers.pop(0) if answers else 200)

    app = web.Application()
    app.router.add_post("/hook", receive)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        await standin.create_user(AINO, "Aino")
        assert await bot.set_webhook(f"http://127.0.0.1:{port}/hook", secret_token="s3cr3t")
        assert await api.call("getUpdates") == (
            409,
            {
                "ok": False,
                "error_code": 409,
                "description": "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            },
        )
        with pytest.raises(Conflict):
            await bot.get_updates()
        first = await standin.send_text(AINO, "yksi")
        second = await standin.send_text(AINO, "kaksi")
        while len(received) < 3:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 5)
        assert received == [(first, "s3cr3t"), (first, "s3cr3t"), (second, "s3cr3t")]
        info = await bot.get_webhook_info()
        assert info.url.endswith("/hook")
        assert (
            info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
        )
        assert await bot.delete_webhook()
        assert await bot.get_updates() == ()
    finally:
        await runner.cleanup()


# -- polls ---------------------------------------------------------------------------------


async def test_poll_answers_update_counts(
    api: RawApi, bot: Bot, standin: StandinClient, group: int, aino: int
) -> None:
    await standin.create_user(2002, "Eero")
    await standin.add_member(group, 2002)
    sent = await bot.send_poll(
        group, "Miten viikko meni?", ["Hyvin", "Ihan ok", "Huonosti"], is_anonymous=False
    )
    assert sent.poll is not None
    poll_id = sent.poll.id
    await drain(bot, standin)
    await standin.answer_poll(aino, poll_id, [0])
    await standin.answer_poll(2002, poll_id, [2])
    updates = await bot.get_updates()
    assert [bool(u.poll_answer) for u in updates] == [True, False, True, False]
    answers = [u.poll_answer for u in updates if u.poll_answer]
    assert [(a.user.id if a.user else None, a.option_ids) for a in answers] == [
        (aino, (0,)),
        (2002, (2,)),
    ]
    last_state = [u.poll for u in updates if u.poll][-1]
    assert [o.voter_count for o in last_state.options] == [1, 0, 1]
    assert last_state.total_voter_count == 2

    stopped = await bot.stop_poll(group, sent.message_id)
    assert stopped.is_closed
    with pytest.raises(StandinError, match="closed"):
        await standin.answer_poll(aino, poll_id, [1])

    anonymous = await bot.send_poll(aino, "Nimetön?", ["Kyllä", "Ei"])
    assert anonymous.poll is not None
    await drain(bot, standin)
    await standin.answer_poll(aino, anonymous.poll.id, [1])
    (update,) = await bot.get_updates()  # the new counts, but not who voted
    assert update.poll is not None
    assert [o.voter_count for o in update.poll.options] == [0, 1]

    assert await api.call("sendPoll", chat_id=aino, question="Yksi?", options=["vain"]) == (
        400,
        bad_request("poll must have at least 2 option"),
    )
    status, _ = await api.call(
        "sendPoll", chat_id=aino, question="Visa", options=["a", "b"], type="quiz"
    )
    assert status == 400
    quiz = await bot.send_poll(aino, "Visa", ["a", "b"], type="quiz", correct_option_ids=[1])
    assert quiz.poll is not None
    assert quiz.poll.correct_option_ids == (1,)


# -- files ---------------------------------------------------------------------------------


async def test_document_and_photo_round_trip(
    api: RawApi, bot: Bot, standin: StandinClient, aino: int
) -> None:
    content = "opiskelija;vointi\nÄäkkönen;4\n".encode()
    sent = await bot.send_document(
        aino, content, filename="raportti.csv", caption="Viikon raportti"
    )
    document = sent.document
    assert document is not None
    assert (document.file_name, document.mime_type, document.file_size) == (
        "raportti.csv",
        "text/csv",
        len(content),
    )
    assert await standin.file(document.file_id) == content
    downloaded = await (await bot.get_file(document.file_id)).download_as_bytearray()
    assert bytes(downloaded) == content
    # A file id can be sent again without uploading.
    again = await bot.send_document(aino, document.file_id)
    assert again.document is not None
    assert again.document.file_unique_id == document.file_unique_id

    photo = await bot.send_photo(aino, tiny_png(3, 2), caption="<i>kaavio</i>", parse_mode="HTML")
    assert [(size.width, size.height) for size in photo.photo] == [(3, 2)]
    assert photo.caption == "kaavio"
    assert (await standin.last_message(aino))["photo"][0]["width"] == 3
    status, body = await api.call("sendPhoto", chat_id=aino, photo="BQAC-not-a-file")
    assert (status, body) == (400, bad_request("wrong file identifier/HTTP URL specified"))
    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await bot.send_photo(aino, b"not an image")


# -- commands, chats -----------------------------------------------------------------------


@pytest.mark.usefixtures("group")
async def test_commands_per_scope_and_language(
    api: RawApi, bot: Bot, standin: StandinClient
) -> None:
    from telegram import BotCommand, BotCommandScopeAllGroupChats

    assert await bot.set_my_commands([BotCommand("kuulumiset", "Kerro kuulumisesi")])
    assert await bot.set_my_commands(
        [BotCommand("hur_mar_du", "Berätta hur du mår")], language_code="sv"
    )
    assert await bot.set_my_commands(
        [BotCommand("ryhma", "Ryhmän komennot")], scope=BotCommandScopeAllGroupChats()
    )
    assert [c.command for c in await bot.get_my_commands()] == ["kuulumiset"]
    assert [c.command for c in await bot.get_my_commands(language_code="sv")] == ["hur_mar_du"]
    assert await standin.commands("sv") == [
        {"command": "hur_mar_du", "description": "Berätta hur du mår"}
    ]
    assert await standin.commands(scope="all_group_chats") == [
        {"command": "ryhma", "description": "Ryhmän komennot"}
    ]
    status, body = await api.call(
        "setMyCommands", commands=[{"command": "Omat-Tiedot", "description": "x"}]
    )
    assert (status, body) == (400, bad_request("BOT_COMMAND_INVALID"))
    assert await bot.delete_my_commands(language_code="sv")
    assert await bot.get_my_commands(language_code="sv") == ()


async def test_get_chat_member_and_leave(bot: Bot, group: int, aino: int) -> None:
    chat = await bot.get_chat(group)
    assert (chat.type, chat.title) == ("group", "Ryhmä 1A")
    assert (await bot.get_chat_member(group, aino)).status == "member"
    assert (await bot.get_chat_member(group, bot.id)).status == "member"
    assert (await bot.get_chat(aino)).first_name == "Aino"
    assert await bot.send_chat_action(aino, "typing")
    assert await bot.leave_chat(group)
    with pytest.raises(Forbidden, match="not a member"):
        await bot.send_message(group, "x")


# -- control API ---------------------------------------------------------------------------


async def test_wait_events_returns_bot_actions_or_explains_the_timeout(
    bot: Bot, standin: StandinClient, aino: int
) -> None:
    seq = await standin.seq()

    async def bot_replies() -> None:
        await bot.send_message(aino, "Hei!")
        await bot.send_message(aino, "Mitä kuuluu?")

    task = asyncio.create_task(bot_replies())
    events = await standin.wait_events(aino, after_seq=seq, count=2)
    await task
    assert [(e["kind"], e["message"]["text"]) for e in events] == [
        ("send", "Hei!"),
        ("send", "Mitä kuuluu?"),
    ]
    assert await standin.seq() == seq + 2

    with pytest.raises(TimeoutError) as timeout:
        await standin.wait_events(aino, after_seq=seq, count=3, timeout=0.05)
    assert "got 2" in str(timeout.value)
    assert "Mitä kuuluu?" in str(timeout.value)


async def test_fault_injection(api: RawApi, bot: Bot, standin: StandinClient, aino: int) -> None:
    await standin.inject_fault("sendMessage", status=500)
    assert await api.call("sendMessage", chat_id=aino, text="x") == (
        500,
        {"ok": False, "error_code": 500, "description": "Internal Server Error"},
    )
    assert (await api.call("sendMessage", chat_id=aino, text="y"))[0] == 200
    assert [m["text"] for m in await standin.messages(aino) if m["from_bot"]] == ["y"]

    await standin.inject_fault("getMe", status=502, count=2)
    for _ in range(2):
        assert await api.call("getMe") == (
            502,
            {"ok": False, "error_code": 502, "description": "Bad Gateway"},
        )
    assert (await api.call("getMe"))[0] == 200

    # A hang longer than the client waits: the message is sent, the answer is lost.
    await standin.inject_fault("sendMessage", status=200, hang_seconds=5)
    with pytest.raises(TimedOut):
        await bot.send_message(aino, "perillä silti", read_timeout=0.1)
    assert (await standin.last_message(aino))["text"] == "perillä silti"
    with pytest.raises(StandinError, match="unknown Bot API method"):
        await standin.inject_fault("sendTelepathy")

    sends = [e for e in await standin.requests() if e["method"] == "sendMessage"]
    assert [(e["method"], e["status"]) for e in sends[:2]] == [
        ("sendMessage", 500),
        ("sendMessage", 200),
    ]


async def test_record_file_and_logs_never_contain_the_token(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    record = tmp_path / "calls.jsonl"
    caplog.set_level(logging.DEBUG)
    server = StandinServer(record_path=record)
    await server.start()
    try:
        async with (
            StandinClient(server.control_url) as standin,
            Bot(TOKEN, base_url=server.base_url) as ptb,
        ):
            await standin.create_user(AINO, "Aino")
            await standin.send_text(AINO, "/start")
            await ptb.send_message(AINO, "<b>Tervetuloa</b>", parse_mode="HTML")
            await ptb.send_document(AINO, b"12345", filename="a.txt")
            with pytest.raises(BadRequest):
                await ptb.send_message(424242, "x")
    finally:
        await server.stop()
    text = record.read_text(encoding="utf-8")
    secret = TOKEN.split(":")[1]
    assert secret not in text
    # httpx (the bot's HTTP client) logs full URLs itself; only our side is checked here.
    ours = [r for r in caplog.records if r.name.startswith(("bot.standin", "aiohttp"))]
    assert ours
    assert not [r for r in ours if secret in r.getMessage()]
    lines = [json.loads(line) for line in text.splitlines()]
    assert [(line["method"], line["status"]) for line in lines] == [
        ("getMe", 200),
        ("sendMessage", 200),
        ("sendDocument", 200),
        ("sendMessage", 400),
    ]
    assert lines[1]["params"]["text"] == "<b>Tervetuloa</b>"
    assert lines[2]["params"]["document"] == {"filename": "a.txt", "size": 5}


async def test_reset_forgets_everything_but_keeps_ids_growing(
    api: RawApi, bot: Bot, standin: StandinClient, aino: int
) -> None:
    await standin.set_limits(FloodLimits(per_chat_burst=1))
    last = (await standin.state())["last_update_id"]
    await standin.reset()
    assert await standin.requests() == []
    assert await api.call("sendMessage", chat_id=aino, text="x") == (
        400,
        bad_request("chat not found"),
    )
    await standin.create_user(AINO, "Aino")
    assert (await standin.send_text(AINO, "taas")) == last + 1
    # The server's own limits (disabled here) are back.
    for n in range(3):
        await bot.send_message(AINO, str(n))
