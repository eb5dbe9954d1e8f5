"""Child protection through the stand-in: a student who tells of violence, sexual violence or
nowhere safe to be gets a reply of its own (not the suicide script: it says they did nothing
wrong and gives the lines that fit), and the coach's urgent alert reminds of the duty to report."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, MATTI, SANNA, STRANGER

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


async def test_the_schools_own_help_is_in_apua_and_in_every_crisis_reply(
    school: Harness,
) -> None:
    h = school
    h.overrides["local_help"] = "Kuraattori Liisa <ma–pe 8–16>, p. 040 123 4567"
    await h.restart()
    await h.say(AINO, "/apua")
    help_text = await h.last_text(AINO)
    assert "Koulusi ja lähialueen apu" in help_text
    assert "Kuraattori Liisa <ma–pe 8–16>, p. 040 123 4567" in help_text  # as written
    await h.say(AINO, DISCLOSURE)
    assert "040 123 4567" in await h.last_text(AINO)
    await h.say(EETU, "mä haluun vaan kuolla")
    reply = await h.last_text(EETU)
    assert "09 2525 0111" in reply and "040 123 4567" in reply
