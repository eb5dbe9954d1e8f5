"""Flood control hands out the overall budget in a line: by priority, then by arrival (issue
22.1). Order is asserted, not timing: speed is measured in bench/ ("busy Monday")."""

from __future__ import annotations

import asyncio

import pytest

from bot.services.messaging.outbox import PRIORITY_BULK, PRIORITY_CRISIS, PRIORITY_INTERACTIVE
from bot.telegram import flood as flood_module
from bot.telegram.flood import FloodControl


async def test_a_crisis_reply_and_a_next_question_overtake_a_waiting_round() -> None:
    flood = FloodControl(overall_per_second=20.0, per_chat_per_second=None)
    sent: list[str] = []

    def call(name: str, priority: int, chat_id: int) -> asyncio.Task[object]:
        async def callback() -> bool:
            sent.append(name)
            return True

        return asyncio.create_task(
            flood.process_request(callback, (), {}, "sendMessage", {"chat_id": chat_id}, priority)
        )

    # A round: twelve messages, more than the burst, waiting for the overall budget.
    round_ = [call(f"round {n}", PRIORITY_BULK, 1000 + n) for n in range(12)]
    await asyncio.sleep(0)  # they are in line before the others arrive
    question = call("question", PRIORITY_INTERACTIVE, 1)
    crisis = call("crisis", PRIORITY_CRISIS, 2)
    await asyncio.gather(*round_, question, crisis)
    assert sorted(sent) == sorted([*(f"round {n}" for n in range(12)), "question", "crisis"])
    first_round = [s for s in sent if s.startswith("round")]
    assert first_round == [f"round {n}" for n in range(12)]  # the round keeps its own order
    # The two overtake every round message still waiting: at most the burst went first.
    assert sent.index("crisis") < sent.index("question") <= flood.overall_burst + 1


async def test_a_call_waiting_for_its_own_chat_does_not_hold_up_the_line() -> None:
    flood = FloodControl(overall_per_second=50.0, per_chat_per_second=1.0, per_chat_burst=1)
    sent: list[str] = []

    async def send(name: str, chat_id: int, priority: int) -> None:
        async def callback() -> bool:
            sent.append(name)
            return True

        await flood.process_request(callback, (), {}, "sendMessage", {"chat_id": chat_id}, priority)

    await send("first to chat 7", 7, PRIORITY_INTERACTIVE)
    # Chat 7 must now wait about a second; the round's messages to other chats need not.
    await asyncio.gather(
        send("second to chat 7", 7, PRIORITY_CRISIS),
        *(send(f"round {n}", 100 + n, PRIORITY_BULK) for n in range(3)),
    )
    assert sent[-1] == "second to chat 7"


async def test_the_line_moves_on_when_calls_go_or_leave_without_looking_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Waiting calls sleep until the one ahead goes or leaves; with the safety timer off, a
    # missed wake-up would hang this test instead of costing a tenth of a second.
    monkeypatch.setattr(flood_module, "_LOOK_AGAIN_SECONDS", 3600.0)
    flood = FloodControl(overall_per_second=200.0, per_chat_per_second=None)
    sent: list[int] = []

    def call(n: int) -> asyncio.Task[object]:
        async def callback() -> bool:
            sent.append(n)
            return True

        return asyncio.create_task(
            flood.process_request(
                callback, (), {}, "sendMessage", {"chat_id": 1000 + n}, PRIORITY_BULK
            )
        )

    calls = [call(n) for n in range(60)]
    await asyncio.sleep(0)
    # Calls leave the line while waiting in it, one of them first in line by then.
    burst = int(flood.overall_burst)  # these went at once; the next one is first in line
    assert sent == list(range(burst))
    leaving = calls[burst : burst + 5]
    for task in leaving:
        task.cancel()
    await asyncio.wait_for(asyncio.gather(*calls, return_exceptions=True), timeout=10)
    gone = {calls.index(t) for t in leaving}
    assert sent == [n for n in range(60) if n not in gone]  # all the others, in arrival order
