"""One chat's updates are handled one at a time, in order, however many wait (issue 18 review);
a chat with many waiting updates holds one concurrency slot, not all of them (issue 18.7).

These drive the update processor directly: the interleavings they need (a third update
arriving just as the first finishes) cannot be produced on purpose through HTTP."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.telegram.processing import PerChatUpdateProcessor
from tests.support import eventually


def text_update(update_id: int, chat_id: int) -> Update:
    update = Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 1_790_000_000,
                "chat": {"id": chat_id, "type": "private", "first_name": "A"},
                "from": {"id": chat_id, "is_bot": False, "first_name": "A"},
                "text": f"message {update_id}",
            },
        },
        None,
    )
    assert update is not None
    return update


class Recorder:
    """Handlers that wait until released, recording which ran at the same time."""

    def __init__(self) -> None:
        self.running: set[int] = set()
        self.overlaps: list[tuple[int, ...]] = []
        self.started: list[int] = []
        self.release: dict[int, asyncio.Event] = {}

    async def handle(self, update_id: int) -> None:
        self.started.append(update_id)
        self.running.add(update_id)
        if len(self.running) > 1:
            self.overlaps.append(tuple(sorted(self.running)))
        await self.release.setdefault(update_id, asyncio.Event()).wait()
        self.running.discard(update_id)

    def let_go(self, update_id: int) -> None:
        self.release.setdefault(update_id, asyncio.Event()).set()


async def test_a_third_update_waits_for_the_second_in_the_same_chat() -> None:
    processor = PerChatUpdateProcessor(16)
    r = Recorder()
    chat = 1001

    def submit(update_id: int) -> asyncio.Task[None]:
        update = text_update(update_id, chat)
        return asyncio.create_task(processor.process_update(update, r.handle(update_id)))

    first, second = submit(1), submit(2)
    await eventually(lambda: r.started == [1], 5, "the first to start", every=0)
    for _ in range(5):
        await asyncio.sleep(0)  # the second is now waiting for the chat
    r.let_go(1)
    await first  # the first is done; the second was woken but may not have run yet
    third = submit(3)
    await eventually(lambda: 2 in r.started, 5, "the second to start", every=0)
    for _ in range(5):
        await asyncio.sleep(0)
    assert r.started == [1, 2]  # the third waits while the second runs
    r.let_go(2)
    r.let_go(3)
    await asyncio.gather(second, third)
    assert r.started == [1, 2, 3]
    assert r.overlaps == []


async def test_a_busy_chat_holds_one_slot_and_others_are_not_held_up() -> None:
    processor = PerChatUpdateProcessor(2)
    r = Recorder()
    flood = [
        asyncio.create_task(processor.process_update(text_update(i, 1001), r.handle(i)))
        for i in range(1, 21)
    ]
    await eventually(lambda: r.started == [1], 5, "the flood's first update to start", every=0)
    other = asyncio.create_task(processor.process_update(text_update(100, 1002), r.handle(100)))
    await eventually(lambda: 100 in r.started, 5, "another student's update to start", every=0)
    r.let_go(100)
    await other
    for i in range(1, 21):
        r.let_go(i)
    await asyncio.gather(*flood)
    assert r.started == [1, 100, *range(2, 21)]
