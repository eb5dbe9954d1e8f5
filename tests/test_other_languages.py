"""Swedish and English crisis phrases (bot/risk/other_languages.py): the kinds issue 15 lists
for Finnish — wishes with any verb, passive wishes, methods, preparations, self-harm by any
means, violence at home, sexual violence, grooming and sextortion — also in the other two
languages the bot speaks, without taking figurative talk, accidents or films for a crisis."""

from __future__ import annotations

import pytest

from bot.harness import Harness
from bot.risk.other_languages import find, looks_swedish_or_english
from tests.conftest import KAISA, LINNEA, MATTI
from tests.support import buttons

CRISIS = [
    # wishes and passive wishes
    "jag vill dö",
    "ja vill int leva mer",
    "orkar inte leva längre",
    "önskar att jag var död",
    "skulle va bättre utan mig",
    "vill försvinna för alltid",
    "i wanna die",
    "i dont want to wake up tomorrow or ever",
    "honestly i wish i was never born",
    "everyone would be better off without me",
    "no reason to live anymore",
    "i just want to disappear forever",
    # methods and plans
    "tänker hoppa från bron ikväll",
    "kastar mig framför tåget",
    "ska ta alla tabletter på en gång",
    "thinking about jumping off the roof",
    "gonna step in front of a train",
    "i took all my pills at once",
    "planning to hang myself",
    # preparations and goodbyes
    "har skrivit ett avskedsbrev",
    "ger bort alla mina saker",
    "wrote a goodbye letter to mom",
    "this is my last message, thank you for everything",
    "gave away all my stuff to my sister",
    # self-harm by any means
    "skar mig igen ikväll",
    "bränner mig själv med tändaren",
    "i cut myself again",
    "burned myself with a lighter on purpose",
    "i keep hitting myself when i fail",
    "starving myself as punishment",
    "kms",
]
CHILD = [
    "pappa slår mig när han dricker",
    "styvpappa hotade mig med kniven",
    "jag vågar inte gå hem",
    "morsan kastade ut mig, har ingenstans att sova",
    "blev våldtagen på festen",
    "en vuxen man vill ha nakenbilder av mig",
    "han hotar att sprida mina bilder",
    "my dad hits me",
    "my stepdad beat me last night",
    "im scared to go home",
    "i got raped at a party",
    "a 30 year old guy keeps asking for nudes",
    "he threatened to leak my pics if i dont send more",
    "they kicked me out, nowhere to sleep tonight",
]
NOT_CRISIS = [
    "jag dör av skratt",
    "den här matteprovet dödar mig",
    "skar mig i fingret när jag lagade mat",
    "hoppar av bussen vid skolan",
    "vi hade hälsokunskap idag",
    "this exam is killing me",
    "i'm gonna die of boredom",
    "i cut myself while cooking lol",
    "i hurt myself at football practice",
    "ending things with my gf, it's fine",
    "i won't be here tomorrow, dentist",
    "we read a book about a girl who was bullied",
    "I don't want to die",
    "i never wanted to kill myself, i'm ok",
    "jag vill inte dö",
    "dad picked me up from practice",
]


@pytest.mark.parametrize("text", CRISIS)
def test_a_self_harm_or_suicide_phrase_is_found(text: str) -> None:
    assert find(text).crisis, text


@pytest.mark.parametrize("text", CHILD)
def test_a_violence_or_abuse_phrase_is_found(text: str) -> None:
    assert find(text).child, text


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_figurative_accidental_and_negated_talk_is_not(text: str) -> None:
    assert not find(text), text


def test_a_phrase_marked_as_a_joke_is_only_a_possible_crisis() -> None:
    assert find("i wanna die lol 😂").unsure
    assert find("vill dö haha").unsure
    assert not find("i wanna die. lol the bus was late").unsure  # the joke is elsewhere
    assert not find("i wanna die").unsure


@pytest.mark.parametrize(
    "text",
    ["mun sisko self harmaa", "my cousin self harms again", "mun veli on taas self harmannu"],
)
def test_somebody_elses_self_harm_is_only_a_possible_crisis(text: str) -> None:
    found = find(text)
    assert found.crisis, text
    assert found.unsure, text


@pytest.mark.parametrize(
    "text",
    ["mun sisko tietää et mä self harmaan", "my sister knows i self harm", "my dad hits me"],
)
def test_the_writer_beside_a_relative_is_still_the_writer(text: str) -> None:
    found = find(text)
    assert found, text
    assert not found.unsure, text


def test_the_model_reads_only_swedish_or_english() -> None:
    """Finnish is the Finnish detector's: a Finnish message never reaches this model."""
    assert looks_swedish_or_english("har kollat hur högt de e från bron")
    assert looks_swedish_or_english("i dont see any future for me")
    assert not looks_swedish_or_english("mä en jaksa enää mitään")
    assert not looks_swedish_or_english("koulussa oli ihan ok päivä")


def test_shipped_model_is_built_from_the_committed_data() -> None:
    from bot.risk import build_other_languages

    assert build_other_languages.main(["--check"]) == 0


@pytest.fixture
async def h(school: Harness) -> Harness:
    for user in (MATTI, KAISA, LINNEA):
        await school.say(user, "/start")
    return school


async def test_a_swedish_farewell_starts_the_crisis_protocol(h: Harness) -> None:
    await h.say(LINNEA, "vill int vakna mer. ja har redan skrivit ett avskedsbrev")
    reply = await h.last_text(LINNEA)
    assert "tack för att du berättade det här för mig" in reply
    assert "112" in reply
    alert = (await h.bot_messages(MATTI))[-1]["text"]
    assert "avskedsbrev" in alert


async def test_an_english_wish_marked_as_a_joke_is_asked_about_first(h: Harness) -> None:
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(LINNEA, "i kinda want to die lol 😂")
    question = (await h.bot_messages(LINNEA))[-1]
    assert "är du trygg just nu?" in question["text"]
    assert buttons(question)[0].startswith("😟 Jag är inte trygg")
    assert len(await h.bot_messages(MATTI)) == matti_before  # no alarm for a maybe


async def test_figurative_swedish_gets_no_crisis_reply(h: Harness) -> None:
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(LINNEA, "jag dör av tristess på mattelektionen")
    assert "112" not in await h.last_text(LINNEA)
    assert len(await h.bot_messages(MATTI)) == matti_before


async def test_what_only_the_model_suspects_is_asked_about(h: Harness) -> None:
    """No phrase names it, but the model reads danger at home: a question, not the protocol."""
    finding = find("my dad gets drunk and i hide in my room")
    assert finding.child
    assert finding.unsure
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(LINNEA, "my dad gets drunk and i hide in my room")
    question = (await h.bot_messages(LINNEA))[-1]
    assert "Har någon skadat eller hotat dig?" in question["text"]
    assert len(await h.bot_messages(MATTI)) == matti_before


@pytest.mark.parametrize(
    "text",
    [
        "honestly it'd be nice to just not be here anymore",
        "would be so peaceful if i could just disappear",
        "i cant imagine myself alive at 20",
        "don't think i'll be alive by summer tbh",
    ],
)
def test_no_future_alive_is_a_possible_crisis_and_asked_about(text: str) -> None:
    found = find(text)
    assert found.crisis, text
    assert found.unsure, text


@pytest.mark.parametrize(
    "text",
    [
        "would be nice to not wake up at 6 every day",
        "i can't see myself working in retail",
        "easier to disappear from the group chat for a while",
    ],
)
def test_an_ordinary_wish_to_sleep_in_or_change_jobs_is_not(text: str) -> None:
    assert not find(text), text
