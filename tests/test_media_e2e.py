"""Photos and voice messages through the stand-in. The bot cannot see a picture or hear a
voice message, but a caption is the student's own words: a crisis written there is met at
once like a typed one. Media without words gets a reply that says the bot could not read it
and where to turn right now — never silence."""

from __future__ import annotations

import pytest

from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, MATTI
from tests.support import inbox


@pytest.fixture
async def h(school: Harness) -> Harness:
    for user in (MATTI, KAISA, AINO, EETU):
        await school.say(user, "/start")
    return school


async def send_media(h: Harness, user: int, kind: str, caption: str | None = None) -> None:
    await h.client.send_media(user, kind, caption=caption)
    await h.settle()


@pytest.mark.parametrize("kind", ["photo", "voice"])
async def test_a_crisis_in_a_caption_gets_the_crisis_reply_and_alerts_the_coach(
    h: Harness, kind: str
) -> None:
    await send_media(h, AINO, kind, "tässä mun ranteet, viiltelin taas eilen illalla")
    reply = (await h.bot_messages(AINO))[-1]["text"]
    assert "kiitos, että kerroit" in reply
    assert "112" in reply
    assert "En näe kuvia" not in reply  # the words were read, so no "I cannot read this"
    [alert] = await inbox(h, MATTI)
    assert "Aino" in alert["text"]
    concern = await h.rt.db.fetchone("SELECT level FROM concerns")
    assert concern is not None
    assert concern["level"] == "crisis"


@pytest.mark.parametrize("kind", ["photo", "voice"])
async def test_media_without_a_caption_is_answered_with_where_to_turn(
    h: Harness, kind: str
) -> None:
    before = len(await h.bot_messages(EETU))
    await send_media(h, EETU, kind)
    [reply] = (await h.bot_messages(EETU))[before:]
    assert "En näe kuvia enkä kuule ääniviestejä" in reply["text"]
    assert "kirjoita se minulle tai soita 112" in reply["text"]
    assert await inbox(h, MATTI) == []  # nothing was read, so nobody is alerted
    assert await h.rt.db.fetchone("SELECT id FROM concerns") is None


async def test_a_harmless_caption_gets_the_same_honest_reply(h: Harness) -> None:
    before = len(await h.bot_messages(EETU))
    await send_media(h, EETU, "photo", "kato mun uus mopo 😎")
    [reply] = (await h.bot_messages(EETU))[before:]
    assert "En näe kuvia" in reply["text"]
    assert await inbox(h, MATTI) == []
    assert await inbox(h, KAISA) == []


async def open_question(h: Harness, user: int) -> tuple[int, str] | None:
    """The (session id, question id) of the user's open check-in, or None."""
    row = await h.rt.db.fetchone(
        "SELECT s.id, s.flow_id, s.state FROM sessions s JOIN persons p ON p.id = s.person_id"
        " WHERE p.tg_user_id = ? AND s.status = 'open' ORDER BY s.id DESC LIMIT 1",
        (user,),
    )
    return None if row is None else (int(row["id"]), str(row["state"]))


async def test_a_captioned_photo_answers_an_open_check_in_question(h: Harness) -> None:
    """A student who answers the check-in's open question with a photo and words: the words
    are the answer, as if typed, and the check-in goes on."""
    await h.say(EETU, "/kuulumiset")
    for _ in range(40):
        state = await open_question(h, EETU)
        assert state is not None, "the check-in ended without an open question"
        row = await h.rt.db.fetchone("SELECT flow_id FROM sessions WHERE id = ?", (state[0],))
        assert row is not None
        flow = h.rt.svc.flows.current(str(row["flow_id"]))
        assert flow is not None
        if flow.questions[state[1]].type == "text":
            break
        await h.press(EETU, "Ohita")
    before = len(await h.bot_messages(EETU))
    await send_media(h, EETU, "photo", "tässä mun tän päivän duuni, meni tosi hyvin")
    replies = (await h.bot_messages(EETU))[before:]
    assert replies
    assert all("En näe kuvia" not in r["text"] for r in replies)
    assert await open_question(h, EETU) != state  # the question was answered
