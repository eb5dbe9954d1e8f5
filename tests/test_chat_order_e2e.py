"""What a student sees comes in the order it was meant (issue 17.3 with 17.2): a message that
has to be retried holds back what follows it in the same conversation — and every check-in of
a chat is one conversation, so a new check-in's first question never overtakes the closing
words of the last one."""

from __future__ import annotations

from datetime import timedelta

from bot.harness import Harness
from tests.conftest import AINO


async def open_question(h: Harness, tg: int) -> str | None:
    row = await h.rt.db.fetchone(
        "SELECT s.state FROM sessions s JOIN persons p ON p.id = s.person_id"
        " WHERE p.tg_user_id = ? AND s.status = 'open'",
        (tg,),
    )
    return None if row is None else str(row["state"])


async def test_a_closing_that_failed_once_still_comes_before_the_next_check_in(
    h: Harness,
) -> None:
    await h.say(AINO, "/kuulumiset")
    while (state := await open_question(h, AINO)) is not None:
        if state == "vapaa":  # the last question: its closing words will fail once
            await h.client.inject_fault("sendMessage", status=502)
        labels = [
            b["text"]
            for row in ((await h.bot_messages(AINO))[-1].get("reply_markup") or {}).get(
                "inline_keyboard", []
            )
            for b in row
        ]
        await h.press(AINO, "Ohita" if "Ohita" in " ".join(labels) else labels[0])
    await h.say(AINO, "/kuulumiset")  # at once: the closing is still waiting for its retry
    await h.advance(timedelta(seconds=30))
    texts = [str(m.get("text")) for m in await h.bot_messages(AINO)]
    closing = max(i for i, t in enumerate(texts) if "Kiitos vastauksista" in t)
    first_question = max(i for i, t in enumerate(texts) if "Mitä kuuluu" in t)
    assert closing < first_question, texts[-3:]
