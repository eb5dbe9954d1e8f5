"""A coach never hears of a student's crisis before the student has their own reply — and the
order is kept in the outbox, so a crash in between does not undo it. The wait is bounded:
when the student's chat keeps failing, the alerts go anyway after a few seconds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.harness import Harness
from bot.services.messaging.outbox import ORDER_WAIT
from tests.conftest import AINO, KAISA, MATTI
from tests.support import hard_kill, restart

CRISIS = "en jaksa enää mitään, mietin et haluun kuolla"


@pytest.fixture
async def h(school: Harness) -> Harness:
    for user in (MATTI, KAISA, AINO):
        await school.say(user, "/start")
    return school


async def sent_to(h: Harness, since: int) -> list[int]:
    """The chats Telegram accepted a sendMessage for since request `since`, in order."""
    return [
        int(r["params"]["chat_id"])
        for r in (await h.client.requests())[since:]
        if r["method"] == "sendMessage" and r["status"] == 200
    ]


async def test_the_alerts_wait_for_the_students_reply_across_a_crash(h: Harness) -> None:
    before = len(await h.client.requests())
    await h.client.inject_fault("sendMessage", status=502)  # the crisis reply fails once
    await h.say(AINO, CRISIS)
    assert await sent_to(h, before) == []  # the reply waits for its retry, the alerts for it

    await hard_kill(h)
    await restart(h)
    await h.settle()
    assert await sent_to(h, before) == []  # the order is in the outbox, not in memory

    await h.advance(timedelta(seconds=3))  # the reply's retry is due
    chats = await sent_to(h, before)
    assert chats[0] == AINO
    assert sorted(chats[1:]) == sorted([MATTI, KAISA])


async def test_a_failing_student_chat_holds_the_alerts_back_only_briefly(h: Harness) -> None:
    before = len(await h.client.requests())
    await h.client.inject_fault("sendMessage", status=502, count=2)  # the reply, and its retry
    await h.say(AINO, CRISIS)
    assert await sent_to(h, before) == []

    await h.advance(ORDER_WAIT + timedelta(seconds=1))
    assert sorted(await sent_to(h, before)) == sorted([MATTI, KAISA])  # no longer waiting

    await h.advance(timedelta(seconds=10))  # the reply's next retry
    assert (await sent_to(h, before))[2:] == [AINO]  # and the student still gets it
