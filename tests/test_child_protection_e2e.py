"""Child protection through the stand-in: a student who tells of violence, sexual violence or
nowhere safe to be gets a reply of its own (not the suicide script: it says they did nothing
wrong and gives the lines that fit), and the coach's urgent alert reminds of the duty to report."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta

import pytest

from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, STRANGER, dmy, moved
from tests.support import import_pasted, join, token_in

DISCLOSURE = "mut raiskattiin bileissä"  # tests/test_cues.py keeps this child protection


@pytest.fixture
async def h(school: Harness) -> AsyncIterator[Harness]:
    for user in (MATTI, KAISA, SANNA, AINO, EETU):
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
    assert "ei ole sinun syytäsi" in reply
    assert "et ole tehnyt mitään väärää" in reply
    assert "112" in reply
    assert "Nollalinja 080 005 005" in reply
    assert "116 111" in reply
    assert "itsemurha" not in reply  # not the suicide script
    assert "Matti saa viestin" in reply
    assert "saanut tiedon" not in reply
    [alert] = (await h.bot_messages(MATTI))[matti_before:]
    assert "KRIISI" in alert["text"]
    assert "Aino Laine" in alert["text"]
    assert "lastensuojeluilmoitus" in alert["text"]
    assert DISCLOSURE in alert["text"]


async def test_someone_not_enrolled_gets_the_same_reply_without_alerts(h: Harness) -> None:
    await h.say(STRANGER, DISCLOSURE)
    reply = await h.last_text(STRANGER)
    assert "ei ole sinun syytäsi" in reply
    assert "Nollalinja" in reply
    # Unsure, but about danger at home: the same kind of help, not the suicide lines.
    await h.say(STRANGER, "mutsi tappaa mut jos se näkee tän todistuksen")
    reply = await h.last_text(STRANGER)
    assert "ei ole sinun syytäsi" in reply
    assert "Nollalinja" in reply
    assert "Kriisipuhelin" not in reply


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
    assert "09 2525 0111" in reply
    assert "040 123 4567" in reply


# -- the school's welfare contact (kuraattori) and the duty to report -----------------------------

LIISA = 6101  # the school's kuraattori, invited by the coordinator


async def invite_kuraattori(h: Harness) -> None:
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Kutsu kuraattori")
    await h.say(KAISA, "Liisa Lahti")
    token = token_in(await h.last_text(KAISA))
    await h.client.create_user(LIISA, "Liisa", last_name="Lahti")
    await join(h, LIISA, token)
    assert "Olet nyt koulun kuraattori" in await h.last_text(LIISA)


async def new_messages(h: Harness, user: int, since: int) -> list[str]:
    return [m["text"] for m in (await h.bot_messages(user))[since:]]


async def test_the_kuraattori_is_alerted_with_the_coach_and_the_student_is_told_by_name(
    h: Harness,
) -> None:
    await invite_kuraattori(h)
    liisa_before, matti_before = len(await h.bot_messages(LIISA)), len(await h.bot_messages(MATTI))
    await h.say(AINO, DISCLOSURE)
    reply = await h.last_text(AINO)
    assert "omavalmentajasi Matti saa viestin" in reply
    assert "Viestin saa myös koulusi kuraattori Liisa Lahti" in reply
    [alert] = await new_messages(h, LIISA, liisa_before)
    assert "KRIISI" in alert
    assert "Aino Laine" in alert
    assert DISCLOSURE in alert
    assert "Saat tämän heti koulun kuraattorina" in alert
    # No birth date in Kohtaamo: the duty to report is reminded, on that condition.
    assert "Kohtaamossa ei ole opiskelijan syntymäaikaa. Jos Aino on alle 18-vuotias" in alert
    assert "lastensuojeluilmoitus" in alert
    [coach_alert] = await new_messages(h, MATTI, matti_before)
    assert "Jos Aino on alle 18-vuotias, tee lastensuojeluilmoitus" in coach_alert
    # The kuraattori may act on it: "I'll get in touch" holds the case and tells Aino.
    await h.press(LIISA, "Otan yhteyttä")
    assert "Liisa Lahti koulultasi on nähnyt, mitä kerroit" in await h.last_text(AINO)
    # A suicide crisis is the coach's (and backup's), not the kuraattori's.
    liisa_now = len(await h.bot_messages(LIISA))
    await h.say(EETU, "tahtoisin vaan kuolla")
    assert "koulusi kuraattori" not in await h.last_text(EETU)
    assert len(await h.bot_messages(LIISA)) == liisa_now


async def test_without_a_kuraattori_the_coordinator_is_alerted_in_their_place(
    h: Harness,
) -> None:
    # Aino's backup coach is removed (a roster line without one), so Kaisa, the coordinator,
    # would otherwise see it only when nobody acknowledges in time.
    await import_pasted(h, KAISA, "Aino Laine;SÄH23A;Matti Virtanen")
    kaisa_before = len(await h.bot_messages(KAISA))
    await h.say(AINO, DISCLOSURE)
    assert "Viestin saa myös koulusi koordinaattori Kaisa Mäkelä" in await h.last_text(AINO)
    [alert] = await new_messages(h, KAISA, kaisa_before)
    assert (
        "Saat tämän heti koordinaattorina, koska Kohtaamossa ei ole tavoitettavaa kuraattoria"
        in alert
    )
    assert "Aino Laine" in alert
    assert "lastensuojeluilmoitus" in alert


async def test_the_duty_to_report_follows_the_birth_date_on_the_roster(h: Harness) -> None:
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Tuo opiskelijalista")
    await h.say(KAISA, "Aino Laine;SÄH23A;Matti Virtanen;Kaisa Mäkelä;;30.2.2010")
    await h.press(KAISA, "Tarkista")
    report = await h.last_text(KAISA)
    assert "Rivi 1: syntymäaikaa (6. sarake) en tunnistanut" in report
    assert "mitään ei tuotu" in report
    minor, adult = moved(date(2010, 3, 14)), moved(date(2007, 1, 5))
    await import_pasted(
        h,
        KAISA,
        f"Aino Laine;SÄH23A;Matti Virtanen;Kaisa Mäkelä;;{dmy(minor)}\n"
        f"Eetu Nieminen;SÄH23A;Matti Virtanen;Kaisa Mäkelä;;{dmy(adult)}",
    )
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(AINO, DISCLOSURE)
    [alert] = await new_messages(h, MATTI, matti_before)
    assert "Aino on alle 18-vuotias. Tee lastensuojeluilmoitus viipymättä" in alert
    assert "ilmoita myös poliisille" in alert
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(EETU, "en uskalla mennä kotiin")
    [alert] = await new_messages(h, MATTI, matti_before)
    assert "Eetu on täysi-ikäinen, joten hänestä ei tehdä lastensuojeluilmoitusta" in alert
    assert "Jos samassa kodissa asuu alle 18-vuotiaita, tee ilmoitus heistä" in alert
    assert "Jos Eetu on alle 18-vuotias" not in alert
    # What the school gave is the student's to see.
    await h.say(AINO, "/omat_tiedot")
    assert f"Syntymäaika: {dmy(minor)} (koulun listasta" in "\n".join(
        m["text"] for m in await h.bot_messages(AINO)
    )


async def test_violence_and_a_wish_to_die_in_one_message_get_both_kinds_of_help(
    h: Harness,
) -> None:
    await invite_kuraattori(h)
    matti_before = len(await h.bot_messages(MATTI))
    await h.say(AINO, "isä hakkaa mua ja haluun kuolla")
    reply = await h.last_text(AINO)
    assert "ei ole sinun syytäsi" in reply  # the child-protection opening
    assert "09 2525 0111" in reply
    assert "Nollalinja 080 005 005" in reply
    assert "koulusi kuraattori Liisa Lahti" in reply
    [alert] = await new_messages(h, MATTI, matti_before)
    assert "ettei opiskelija ole turvassa" in alert
    assert "lastensuojeluilmoitus" in alert
    assert any("KRIISI" in m for m in await new_messages(h, LIISA, 0))


async def test_swedish_reply_gives_the_swedish_lines(h: Harness) -> None:
    await h.say(LINNEA, "/start")
    await h.say(LINNEA, "pappa slår mig när han är full")
    reply = await h.last_text(LINNEA)
    assert "Det som har hänt dig är inte ditt fel" in reply
    assert "Nollinjen 080 005 005" in reply
    assert "på svenska" in reply.lower()
    # MLL's Swedish-language line, not the Finnish-only 116 111.
    assert "0800 96 116" in reply
    assert "116 111" not in reply
    assert "självmord" not in reply  # not the suicide script
    alert = (await h.bot_messages(MATTI))[-1]["text"]
    assert "pappa slår mig" in alert
    assert "lastensuojeluilmoitus" in alert


async def test_unsure_about_danger_at_home_asks_first_and_not_safe_brings_the_kuraattori(
    h: Harness,
) -> None:
    await invite_kuraattori(h)
    liisa_before = len(await h.bot_messages(LIISA))
    # tests/test_cues.py's lexicon keeps this an "ask" about child protection.
    await h.say(AINO, "mutsi tappaa mut jos se näkee tän todistuksen")
    question = await h.last_text(AINO)
    assert "oletko turvassa juuri nyt?" in question
    assert "Onko joku satuttanut" in question
    assert len(await h.bot_messages(LIISA)) == liisa_before  # nobody is told a maybe
    await h.press(AINO, "En ole turvassa")
    reply = await h.last_text(AINO)
    assert "ei ole sinun syytäsi" in reply
    assert "Nollalinja 080 005 005" in reply
    assert "koulusi kuraattori Liisa Lahti" in reply
    [alert] = await new_messages(h, LIISA, liisa_before)
    assert "KRIISI" in alert
    assert "lastensuojeluilmoitus" in alert


async def test_at_night_the_reply_says_when_school_sees_it_and_which_line_is_open(
    h: Harness,
) -> None:
    await invite_kuraattori(h)
    await h.advance(timedelta(days=5, hours=12))  # Saturday 22:00
    await h.say(AINO, "en uskalla mennä kotiin")
    reply = await h.last_text(AINO)
    assert "koulupäivän ulkopuolinen aika" in reply
    assert "soita Nollalinjaan 080 005 005 – se päivystää aina" in reply
    assert "Kriisipuhelimeen" not in reply  # the line that fits, not the suicide line
    assert any("KRIISI" in m for m in await new_messages(h, LIISA, 0))  # sent at once
