"""One reading for the bot, `kohtaamo cues` and the benchmark (bot/risk/reading.py): the Finnish
detector, then the Swedish and English phrases. What the command prints is what the bot does."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from bot.harness import Harness
from bot.risk.cues_cli import run
from bot.risk.reading import OTHER_LANGUAGE_PATTERN, read
from tests.conftest import AINO, MATTI


def cli(text: str) -> dict[str, Any]:
    buf = io.StringIO()
    assert run(text, None, buf) == 0
    data: dict[str, Any] = json.loads(buf.getvalue())
    return data


MIXED_CRISIS = "i punch myself kun en jaksa ketään"  # the English half carries the danger


def test_the_command_reads_english_inside_finnish_as_the_bot_does() -> None:
    data = cli(MIXED_CRISIS)
    assert data["crisis"] == "yes"
    assert "crisis" in data["categories"]
    found = [m for m in data["matches"] if m["pattern_id"] == OTHER_LANGUAGE_PATTERN]
    assert found
    assert found[0]["sentence"] == MIXED_CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "doing a project about self-harm for health class",
        "mun essay on about self harm awareness, tarviin statistiikkaa suomesta",
        "skriver en uppsats om självmord till hälsokunskapen",
        "used to self harm, mut nyt oon ollu clean kaks vuotta",
        "ei enää self harmia, clean 8 months",  # a Finnish "no more"
        "en oo ikinä halunnu kill myself",  # a Finnish "never"
    ],
)
def test_schoolwork_about_it_and_a_past_that_is_over_start_nothing(text: str) -> None:
    assert cli(text)["crisis"] == "no", text


@pytest.mark.parametrize(
    "text",
    [
        "i used to cut myself and now i started again",  # the past is back
        "im suicidal and i have to write this essay",  # the essay is not the topic
        "my project is about how i self harm",  # the writer's own
        "clean 3 months but today i cut myself",  # the streak is over, not the harm
    ],
)
def test_the_writers_own_harm_beside_schoolwork_or_the_past_still_counts(text: str) -> None:
    assert cli(text)["crisis"] == "yes", text


WEIGHED = "meidän ryhmätyö: self-harm ja nuoret"  # group work on the subject


def test_words_the_finnish_reading_judged_no_crisis_are_asked_about_not_alarmed() -> None:
    """The Finnish reading read the words in their context (group work); the English phrase
    alone cannot. Between the two the bot checks with the student instead of alarming."""
    reading = read(WEIGHED)
    assert reading.finnish.crisis == "no"
    assert reading.finnish_weighed_it
    assert reading.other.crisis  # the phrase is there
    assert reading.crisis == "ask"


@pytest.fixture
async def h(school: Harness) -> Harness:
    for user in (MATTI, AINO):
        await school.say(user, "/start")
    return school


async def test_the_bot_starts_the_protocol_for_what_the_command_calls_yes(h: Harness) -> None:
    await h.say(AINO, MIXED_CRISIS)
    assert "112" in await h.last_text(AINO)
    alert = (await h.bot_messages(MATTI))[-1]["text"]
    assert "i punch myself" in alert


async def test_the_bot_asks_about_what_the_command_calls_ask(h: Harness) -> None:
    text = WEIGHED
    assert cli(text)["crisis"] == "ask"
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(AINO, text)
    assert "oletko turvassa juuri nyt?" in await h.last_text(AINO)
    assert len(await h.bot_messages(MATTI)) == matti_before  # no alarm for a maybe


async def test_the_bot_stays_quiet_about_schoolwork_the_command_calls_no(h: Harness) -> None:
    text = "doing a project about self-harm for health class"
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(AINO, text)
    reply = await h.last_text(AINO)
    assert "112" not in reply
    assert "oletko turvassa" not in reply
    assert len(await h.bot_messages(MATTI)) == matti_before


async def test_a_student_told_to_die_is_asked_whether_they_are_safe(h: Harness) -> None:
    # The conventions call somebody else's "you should die" bullying: not the protocol at
    # once, but never silence either. The student is asked, and the coach is not alarmed yet.
    text = "luokan jätkät kirjotti ryhmächattiin et mun pitäis tappaa itteni"
    assert cli(text)["crisis"] == "ask"
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(AINO, text)
    assert "oletko turvassa juuri nyt?" in await h.last_text(AINO)
    assert len(await h.bot_messages(MATTI)) == matti_before
