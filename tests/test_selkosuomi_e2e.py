"""Selkosuomi (plain Finnish, issue 19.15) end to end through the stand-in: a student picks it
with /kieli, gets the check-in and the crisis reply in plain Finnish — with the same helplines
as Finnish — while the coach's alert stays in standard Finnish."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.harness import Harness
from tests.conftest import AINO, KAISA, MATTI, SANNA, STRANGER
from tests.support import buttons, inbox

SELKO = "Selkosuomi (helppo suomi)"
CRISIS = "Mut välillä mietin et haluun tappaa itteni."


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    for user in (MATTI, KAISA, SANNA, AINO):
        await school.say(user, "/start")
    yield school
    refused = [r for r in await school.client.requests() if r["status"] != 200]
    assert [r for r in refused if r["method"] != "getUpdates"] == []


async def test_selkosuomi_is_offered_on_its_own_row_under_the_languages(h: Harness) -> None:
    await h.say(STRANGER, "/start")
    rows = (await h.bot_messages(STRANGER))[-1]["reply_markup"]["inline_keyboard"]
    assert [[b["text"] for b in row] for row in rows] == [
        ["Suomi", "Svenska", "English"],
        [SELKO],
    ]
    await h.press(STRANGER, SELKO)
    assert "Puhun sinulle nyt helppoa suomea." in await h.last_text(STRANGER)
    await h.say(STRANGER, "hei")
    assert "Et ole vielä mukana Kohtaamossa." in await h.last_text(STRANGER)


async def test_a_student_in_selkosuomi_gets_the_check_in_and_the_crisis_reply_in_it(
    h: Harness,
) -> None:
    await h.say(AINO, "/kieli")
    assert SELKO in buttons((await h.bot_messages(AINO))[-1])
    await h.press(AINO, SELKO)
    assert "Puhun sinulle nyt helppoa suomea." in await h.last_text(AINO)
    language = await h.rt.db.fetchval("SELECT language FROM persons WHERE tg_user_id = ?", (AINO,))
    assert language == "fi-x-selko"
    # Her menu: the Finnish command names, described in plain Finnish.
    menu = {c["command"]: c["description"] for c in await h.client.commands(scope=f"chat:{AINO}")}
    assert menu["kuulumiset"] == "Kerro, mitä sinulle kuuluu"
    assert menu["omat_tiedot"] == "Katso sinun tietosi"

    await h.say(AINO, "/kuulumiset")
    first = (await h.bot_messages(AINO))[-1]
    assert "Moi Aino!" in first["text"]
    assert "Millainen viikko sinulla oli?" in first["text"]
    assert buttons(first)[:5] == [
        "😣 Tosi huono", "🙁 Huono", "😐 Ihan ok", "🙂 Hyvä", "😄 Tosi hyvä",
    ]  # fmt: skip
    assert buttons(first)[-1] == "Ohita"
    await h.press(AINO, "Tosi hyvä")
    assert "Miten opiskelu meni tällä viikolla?" in await h.last_text(AINO)
    await h.say(AINO, "4")  # a typed answer is understood as in Finnish
    poissaolot = (await h.bot_messages(AINO))[-1]
    assert "Olitko tällä viikolla pois tunneilta ilman lupaa?" in poissaolot["text"]
    assert buttons(poissaolot)[:3] == ["En ollut", "Muutaman tunnin", "1 päivän tai enemmän"]

    before = len(await h.bot_messages(AINO))
    await h.say(AINO, CRISIS)
    reply = (await h.bot_messages(AINO))[before]["text"]
    assert "Aino, kiitos, että kerroit tämän minulle." in reply
    assert "Oletko vaarassa nyt? Soita 112." in reply
    # The same facts as in Finnish, in crisis-work order: 112, the crisis line, not alone.
    order = ["112", "MIELI Kriisipuhelin 09 2525 0111", "Sekasin-chat", "Älä ole nyt yksin"]
    places = [reply.index(part) for part in order]
    assert places == sorted(places)
    assert "omavalmentaja Matti saa viestin" in reply  # who is told, truthfully and now

    # The coach reads the alert in standard Finnish, as every staff-only message.
    [alert] = await inbox(h, MATTI)
    assert "🔴 KRIISI" in alert["text"]
    assert "Ota yhteyttä heti" in alert["text"]


async def test_help_and_my_data_in_selkosuomi_say_who_sees_what(h: Harness) -> None:
    await h.say(AINO, "/kieli")
    await h.press(AINO, SELKO)
    await h.say(AINO, "/apua")
    help_text = await h.last_text(AINO)
    assert "Omavalmentaja näkee sinun vastauksesi." in help_text
    for number in ("112", "09 2525 0111", "080 005 005", "116 111", "0800 94884"):
        assert number in help_text, number
    await h.say(AINO, "/omat_tiedot")
    mine = await h.last_text(AINO)
    assert "Nämä tiedot minulla on sinusta, Aino" in mine
    assert "Kieli: Selkosuomi (helppo suomi)" in mine
