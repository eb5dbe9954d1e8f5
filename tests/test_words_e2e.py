"""Issue 19 end to end: what a student is told is true, in one piece, in the right form.

- one combined message after a hard week: what the coach is told now, what they see in
  Monday's summary, and when they will get in touch (19.6);
- thinking of changing field is not thinking of quitting: only quitting raises an alert (19.11);
- bullying in the student's own words is a concern the coach must act on, not a digest line
  (19.12);
- a count of one reads "1 kerran", never "1 kertaa" (19.16).
"""

from __future__ import annotations

from datetime import timedelta

from bot.harness import Harness
from tests.conftest import AINO, MATTI
from tests.support import inbox, to_turn

CALM = {
    "jaksaminen": "Hyvä",
    "opinnot": "Hyvin",
    "poissaolot": "Ei jäänyt",
    "merkitys": "Tärkeää",
    "ryhma": "Usein",
    "aikuinen": "Kyllä",
    "yksinaisyys": "Harvoin",
    "arki": ["Ei mikään näistä"],
    "alanvaihto": "Ei",
    "ajatukset": "Ei",
    "jutellaanko": "Ei",
}


async def texts_since(h: Harness, user: int, count: int) -> list[str]:
    return [str(m.get("text") or m.get("caption") or "") for m in await h.bot_messages(user)][
        count:
    ]


async def test_a_hard_week_is_told_in_one_message_with_what_and_when(h: Harness) -> None:
    await to_turn(h, 2)  # the week with everyday life: money is an info item for the digest
    before = len(await h.bot_messages(AINO))
    coach_before = len(await inbox(h, MATTI))  # weekly digests while the weeks went by
    await h.checkin(
        AINO,
        CALM
        | {
            "jaksaminen": "Tosi huono",
            "tuki": "Apua tai joustoa opintoihin",
            "poissaolot": "Päivä tai enemmän",
            "arki": ["Raha"],
            "ajatukset": "Kyllä",
        },
    )
    told = [t for t in await texts_since(h, AINO, before) if "Matti" in t]
    assert len(told) == 1, told  # one message, not one paragraph per rule
    [message] = told
    assert "Omavalmentajasi Matti saa tiedon, että" in message
    for what in (
        "olet miettinyt opiskelun lopettamista",
        "toivot apua tai joustoa opintoihin",
        "sinulta on jäänyt tällä viikolla paljon tunteja väliin",
    ):
        assert f"• {what}" in message
    # when: the most urgent reason decides it
    assert "Hän ottaa sinuun yhteyttä yleensä seuraavana koulupäivänä." in message
    assert "Viikkoyhteenvedosta ma" in message
    assert "hän näkee lisäksi, että" in message
    assert "• jotkin arjen asiat ovat sinulle nyt vaikeita" in message
    assert message.count("ottaa sinuun yhteyttä") == 1
    # the closing thanks without repeating who gets in touch
    closing = (await texts_since(h, AINO, before))[-1]
    assert closing.startswith("Kiitos")
    assert "ottaa sinuun yhteyttä" not in closing
    alerts = (await inbox(h, MATTI))[coach_before:]
    assert len(alerts) == 1
    assert "Kiireellinen" in alerts[0]["text"]


async def test_thinking_of_changing_field_is_not_an_alert_but_quitting_is(h: Harness) -> None:
    await to_turn(h, 2)  # the week that asks about changing field
    coach_before = len(await inbox(h, MATTI))
    asked = await h.checkin(AINO, CALM | {"alanvaihto": "Kyllä"})
    assert asked.index("alanvaihto") < asked.index("ajatukset")  # two separate questions
    assert (await inbox(h, MATTI))[coach_before:] == []  # no alert: often a healthy plan
    texts = await texts_since(h, AINO, 0)
    assert any(
        "viikkoyhteenvedosta ma" in t and "että mietit alan tai koulun vaihtoa" in t for t in texts
    )
    concern = await h.rt.db.fetchone("SELECT level FROM concerns")
    assert concern is not None
    assert concern["level"] == "info"

    await h.advance(timedelta(days=1))
    await h.checkin(AINO, CALM | {"ajatukset": "Kyllä"})
    [alert] = (await inbox(h, MATTI))[coach_before:]
    assert "Kiireellinen" in alert["text"]
    assert "lopettamista" in alert["text"]


async def test_bullying_in_own_words_is_a_concern_the_coach_is_alerted_to(h: Harness) -> None:
    await h.checkin(AINO, CALM | {"vapaa": "mua kiusataan joka päivä välitunnilla"})
    [alert] = await inbox(h, MATTI)
    assert "kiusaamisesta" in alert["text"]
    concern = await h.rt.db.fetchone("SELECT level FROM concerns")
    assert concern is not None
    assert concern["level"] == "concern"
    texts = await texts_since(h, AINO, 0)
    assert any("Kiusaaminen ei ole koskaan sinun vikasi" in t for t in texts)


async def test_one_answer_is_thanked_as_one_time_not_one_times(h: Harness) -> None:
    await h.checkin(AINO, CALM)
    before = len(await h.bot_messages(AINO))
    await h.say(AINO, "/oma_kehitys")
    [caption] = await texts_since(h, AINO, before)
    assert "olet vastannut jo 1 kerran." in caption
    assert "1 kertaa" not in caption
