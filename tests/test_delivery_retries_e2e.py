"""Retries at their own time and failures that stay in their lane (issue 17.2, 17.3).

- A send that failed is tried again when its backoff is over — not when the 30-second
  housekeeping tick happens to come. These tests move the fake clock without ticking.
- A message that keeps failing holds back only what must follow it (the rest of its own
  conversation); the next question, /apua, and alerts go on.
- A check-in question is tried while its check-in is open and given up when it closes.
"""

from __future__ import annotations

from datetime import timedelta

from bot.harness import Harness
from bot.services.messaging.outbox import OutMessage, enqueue
from tests.conftest import AINO, KAISA, MATTI
from tests.support import eventually, texts

CRISIS = "Mä en jaksa enää. Haluun tappaa itteni."


async def test_a_failed_crisis_reply_is_retried_at_its_own_time_not_on_the_tick(
    h: Harness,
) -> None:
    await h.client.inject_fault("sendMessage", status=502, count=1)
    await h.say(AINO, CRISIS)
    assert not [t for t in await texts(h, AINO) if "112" in t]  # the one send failed

    h.clock.advance(timedelta(seconds=2))  # its backoff is over; no housekeeping tick runs
    await h.settle()

    async def all_told() -> bool:
        aino = [t for t in await texts(h, AINO) if "112" in t]
        matti = [t for t in await texts(h, MATTI) if "KRIISI" in t]
        kaisa = [t for t in await texts(h, KAISA) if "KRIISI" in t]
        return len(aino) == 1 and len(matti) == 1 and len(kaisa) == 1

    await eventually(all_told, timeout=10, what="the crisis reply and both alerts")


async def test_a_document_that_keeps_failing_does_not_hold_back_the_rest_of_the_chat(
    h: Harness,
) -> None:
    await h.say(AINO, "/start")
    await h.client.inject_fault("sendDocument", status=502, count=1000)
    await h.say(AINO, "/vie")  # her data as a file: Telegram keeps refusing it
    await h.say(AINO, "/apua")
    assert any("Näin Kohtaamo toimii" in t for t in await texts(h, AINO))
    await h.say(AINO, "/kuulumiset")
    assert "Millainen viikko sinulla on ollut?" in (await texts(h, AINO))[-1]
    failing = await h.rt.db.fetchone(
        'SELECT attempts, sent_at FROM outbox WHERE payload LIKE \'%"op":"document"%\''
    )
    assert failing is not None
    assert failing["sent_at"] is None
    assert failing["attempts"] >= 1


async def test_an_alert_does_not_wait_behind_a_failing_message_to_the_coach(h: Harness) -> None:
    """The coach's own export keeps failing; a student's request to talk (an ordinary alert,
    not a crisis one, which jumps every queue anyway) reaches him at once."""
    await h.client.inject_fault("sendDocument", status=502, count=1000)
    now = h.clock.now()
    export = OutMessage(MATTI, op="document", file_name="tapaukset.csv", file_hex=b"a;b".hex())
    row = await h.rt.db.transaction(lambda tx: enqueue(tx, "cases-export:1", export, now=now))
    assert row is not None
    h.rt.sender.submit([row])
    await h.settle()
    await h.say(AINO, "/jutellaan")
    await h.press(AINO, "Puhelimessa")
    assert any("Opiskelija pyysi itse juttelua" in t for t in await texts(h, MATTI))


async def test_a_question_that_cannot_be_sent_is_given_up_when_its_check_in_expires(
    h: Harness,
) -> None:
    await h.say(AINO, "/start")
    await h.client.inject_fault("sendMessage", status=502, count=1000)
    await h.say(AINO, "/kuulumiset")
    for _ in range(4):  # tried again and again while the check-in is open
        await h.advance(timedelta(minutes=10))
    question = await h.rt.db.fetchone(
        "SELECT id, attempts, failed_at FROM outbox WHERE payload LIKE '%Millainen viikko%'"
    )
    assert question is not None
    assert question["attempts"] >= 4
    assert question["failed_at"] is None
    await h.advance(timedelta(hours=80))  # the check-in expired meanwhile
    await h.advance(timedelta(minutes=10))
    await h.client.clear_faults()
    await h.advance(timedelta(minutes=10))
    assert not [t for t in await texts(h, AINO) if "Millainen viikko" in t]  # never sent late
    failed = await h.rt.db.fetchval(
        "SELECT error FROM outbox WHERE id = ? AND failed_at IS NOT NULL", (question["id"],)
    )
    assert failed is not None
    assert "expired" in failed


async def test_a_timed_out_send_repeats_at_most_the_one_part_in_flight(h: Harness) -> None:
    """Telegram accepted a send but its answer came too late: the retry repeats that message
    (Telegram has no idempotency key) — and only that one: of a long message sent in parts,
    the parts accepted before it are not sent again (issue 17.8)."""
    await h.say(AINO, "/start")
    h.rt.sender.timeouts = {"read_timeout": 0.3}
    first = "Ensimmäinen osa. " * 200  # two messages' worth (Telegram takes 4096 characters)
    second = "Toinen osa. " * 100
    await h.client.inject_fault("sendMessage", status=200, hang_seconds=0.01)  # part 1: fine
    await h.client.inject_fault("sendMessage", status=200, hang_seconds=0.6)  # part 2: late
    now = h.clock.now()
    long = OutMessage(AINO, f"{first.strip()}\n\n{second.strip()}")
    row = await h.rt.db.transaction(lambda tx: enqueue(tx, "long:1", long, now=now))
    assert row is not None
    h.rt.sender.submit([row])
    await h.settle()
    await h.advance(timedelta(seconds=5))
    said = await texts(h, AINO)
    assert len([t for t in said if t.startswith("Ensimmäinen osa.")]) == 1
    assert 1 <= len([t for t in said if t.startswith("Toinen osa.")]) <= 2
