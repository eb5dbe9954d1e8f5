"""Child protection through the stand-in: a student who tells of violence, sexual violence or
nowhere safe to be gets a reply of its own (not the suicide script: it says they did nothing
wrong and gives the lines that fit), and the coach's urgent alert reminds of the duty to report."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.harness import Harness
from tests.conftest import AINO, KAISA, MATTI, SANNA, STRANGER

DISCLOSURE = "mut raiskattiin bileissä"  # tests/test_cues.py keeps this child protection


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    for user in (MATTI, KAISA, SANNA, AINO):
        await school.say(user, "/start")
    yield school
    refused = [r for r in await school.client.requests() if r["status"] == 400]
    assert refused == []


async def test_a_disclosure_gets_its_own_reply_and_the_coach_is_reminded_to_report(
    h: Harness,
) -> None:
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(AINO, DISCLOSURE)
    reply = await h.last_text(AINO)
    assert "ei ole sinun syytäsi" in reply and "et ole tehnyt mitään väärää" in reply
    assert "112" in reply and "Nollalinja 080 005 005" in reply and "116 111" in reply
    assert "itsemurha" not in reply  # not the suicide script
    assert "Matti saa viestin" in reply and "saanut tiedon" not in reply  # true right now
    [alert] = (await h.bot_messages(MATTI))[matti_before:]
    assert "KRIISI" in alert["text"] and "Aino Laine" in alert["text"]
    assert "lastensuojeluilmoitus" in alert["text"]
    assert DISCLOSURE in alert["text"]


async def test_someone_not_enrolled_gets_the_same_reply_without_alerts(h: Harness) -> None:
    await h.say(STRANGER, DISCLOSURE)
    reply = await h.last_text(STRANGER)
    assert "ei ole sinun syytäsi" in reply and "Nollalinja" in reply
