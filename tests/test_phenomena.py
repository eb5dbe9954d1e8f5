"""Phenomena: detection against a group's own baseline (fires on a rise, not on noise, never
below k students), the coordinator's card, a plan made through the dialog (surviving a
restart), the reminder on the evaluation date with the before/after view, and the evaluation."""

from __future__ import annotations

import json
import math
import random
import struct
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.harness import Harness
from bot.reports.phenomena import (
    Series,
    before_after,
    binomial_tail,
    detect,
    full_weeks,
    scan,
)
from bot.services import people
from bot.services.reports.plans import parse_date
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, moved, moved_text, week_key
from tests.support import buttons, checkin, cue, students

HELSINKI = ZoneInfo("Europe/Helsinki")
TODAY = date(2026, 11, 23)
WEEKS = full_weeks(TODAY, 11)  # 2026-W37 … 2026-W47
RECENT, BASELINE = WEEKS[-3:], WEEKS[:-3]


def series(cases: list[set[int]], population: list[set[int]], scope: str = "g1") -> Series:
    return Series(
        scope,
        "cue:loneliness",
        tuple(WEEKS),
        tuple(frozenset(c) for c in cases),
        tuple(frozenset(p) for p in population),
    )


def everyone(n: int) -> list[set[int]]:
    return [set(range(n)) for _ in WEEKS]


# -- detection (pure) -------------------------------------------------------------------------


def test_fires_on_a_clear_rise_with_enough_students() -> None:
    # 12 students; one lonely student every other baseline week, six every recent week.
    cases = [{0} if i % 2 == 0 else set() for i in range(8)] + [set(range(6))] * 3
    found = detect(series(cases, everyone(12)), k=5, recent=RECENT, baseline=BASELINE)
    assert found is not None
    assert found.since == "2026-W45"
    assert found.students == 6
    assert found.baseline == pytest.approx(4 / 96)
    assert found.current == pytest.approx(18 / 36)
    assert found.p_value < 0.001


def test_does_not_fire_below_k_students_however_steep() -> None:
    # Four students, lonely every recent week: 100 % — but only four people.
    cases = [set()] * 8 + [set(range(4))] * 3
    assert detect(series(cases, everyone(20)), k=5, recent=RECENT, baseline=BASELINE) is None


def test_does_not_fire_when_a_few_answered_even_if_many_had_the_signal() -> None:
    cases = [set()] * 8 + [set(range(4))] * 3
    assert (
        detect(series(cases, [set(range(4))] * 11), k=5, recent=RECENT, baseline=BASELINE) is None
    )


def test_noise_around_a_steady_rate_does_not_fire() -> None:
    """2000 random schools and groups whose rate never changed: no phenomenon."""
    alarms = 0
    for seed in range(2000):
        rng = random.Random(seed)
        n = rng.choice([8, 12, 20, 30, 60, 200])
        p = rng.choice([0.05, 0.1, 0.15, 0.3, 0.5])
        population = [{i for i in range(n) if rng.random() < 0.85} for _ in WEEKS]
        cases = [{i for i in pop if rng.random() < p} for pop in population]
        alarms += (
            detect(series(cases, population), k=5, recent=RECENT, baseline=BASELINE) is not None
        )
    assert alarms == 0


def test_a_steady_high_rate_is_not_a_rise() -> None:
    cases = [set(range(8))] * 11  # 40 % all the time: a situation, not a new phenomenon
    assert detect(series(cases, everyone(20)), k=5, recent=RECENT, baseline=BASELINE) is None


def test_a_school_card_is_not_sent_when_one_group_explains_the_rise() -> None:
    """School minus the reported group would single out the few students elsewhere."""
    group_cases = [set()] * 8 + [set(range(6))] * 3
    elsewhere = [set()] * 8 + [{100, 101}] * 3  # two students in another group
    school_cases = [g | e for g, e in zip(group_cases, elsewhere, strict=True)]
    school_pop = [set(range(12)) | set(range(100, 110)) for _ in WEEKS]
    found = scan(
        {
            ("g1", "cue:loneliness"): series(group_cases, everyone(12), "g1"),
            ("school", "cue:loneliness"): series(school_cases, school_pop, "school"),
        },
        k=5,
        recent=RECENT,
        baseline=BASELINE,
    )
    assert [f.scope for f in found] == ["g1"]


def test_before_and_after_are_shown_only_with_enough_students() -> None:
    before = [{0, 1, 2}] * 4 + [set()] * 7
    s = series(before, everyone(12))
    eased = before_after(s, WEEKS[:4], WEEKS[4:], k=5)
    assert (eased.before, eased.after, eased.verdict) == (pytest.approx(0.25), 0.0, "eased")
    few = before_after(series(before, [set(range(3))] * 11), WEEKS[:4], WEEKS[4:], k=5)
    assert (few.before, few.after, few.verdict) == (None, None, "unknown")


def test_binomial_tail_matches_the_direct_sum() -> None:
    for n, p in ((10, 0.3), (25, 0.05)):
        for x in range(n + 1):
            direct = sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(x, n + 1))
            assert binomial_tail(x, n, p) == pytest.approx(direct, rel=1e-9, abs=1e-15)


def test_evaluation_dates_are_read_kindly() -> None:
    assert parse_date("4.1.2027", TODAY) == date(2027, 1, 4)
    assert parse_date("4.1.", TODAY) == date(2027, 1, 4)  # the next 4 January
    assert parse_date("2027-01-04", TODAY) == date(2027, 1, 4)
    for bad in ("31.2.2027", "23.11.2026", "1.1.2030", "huomenna"):
        assert parse_date(bad, TODAY) is None


# -- end to end -------------------------------------------------------------------------------


def monday(week: str, hour: int = 10) -> datetime:
    year, number = week.split("-W")
    day = date.fromisocalendar(int(year), int(number), 1)
    return datetime(day.year, day.month, day.day, hour, tzinfo=HELSINKI)


async def seed_rise(h: Harness) -> list[int]:
    """SÄH23A (the demo students and nine more) and ICT24B (8) answer every Monday from W37
    on, into January; in SÄH23A one student writes about loneliness every other week until
    W44, six students every week W45–W47, nobody after that."""
    db, now = h.rt.db, h.rt.clock.now()
    demo = [
        p.id
        for p in [await people.person_by_tg(db, tg) for tg in (AINO, EETU, LINNEA)]
        if p is not None
    ]
    sah = demo + await students(db, now, "SÄH23A", 9)
    ict = await students(db, now, "ICT24B", 8)
    # The eleven full weeks before the harness's "now" and the seven after it.
    today = moved(TODAY)
    weeks = full_weeks(today, 11)
    later = [week_key(today + timedelta(weeks=n)) for n in range(1, 8)]
    recent, baseline = weeks[-3:], weeks[:-3]
    for n, week in enumerate(weeks + later):
        at = monday(week)
        for sid in sah + ict:
            await checkin(db, sid, at, {"wellbeing": 4})
        lonely = sah[:6] if week in recent else sah[:1] if week in baseline and n % 2 == 0 else []
        for sid in lonely:
            await cue(db, sid, at + timedelta(minutes=5), "loneliness")
    return sah


def texts(messages: list[dict[str, Any]]) -> list[str]:
    return [m.get("text") or m.get("caption") or "" for m in messages]


async def test_card_plan_reminder_and_evaluation(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/start")  # the coordinator uses the bot (it cannot write first)
    await seed_rise(h)
    await h.advance(timedelta(minutes=1))  # the first tick of the day scans

    messages = await h.bot_messages(KAISA)
    cards = [m for m in messages if "Ilmiö:" in (m.get("text") or "")]
    assert len(cards) == 1  # the group's card; the school's would only repeat it
    card = cards[0]["text"]
    assert "Ilmiö: yksinäisyyttä kuvaavat maininnat" in card
    since_week = moved(date(2026, 11, 2)).isocalendar()[1]
    assert "Missä: SÄH23A" in card
    assert f"Mistä lähtien: viikosta {since_week}" in card
    assert "Viimeiset 3 viikkoa: 50 % vastanneista (vertailu: 4 %" in card
    assert "Mukana 6 opiskelijaa." in card
    assert buttons(cards[0]) == ["📋 Avaa suunnitelma", "Ei nyt"]
    photo = next(m for m in messages if m.get("photo"))
    data = await h.client.file(photo["photo"][-1]["file_id"])
    assert data.startswith(b"\x89PNG")
    assert struct.unpack(">II", data[16:24]) == (800, 400)
    row = await h.rt.db.fetchone("SELECT * FROM phenomena")
    assert row is not None
    assert row["signal"] == "cue:loneliness"
    assert row["scope"].startswith("group:")
    assert row["since"] == moved_text("2026-11-02")
    assert row["students"] == 6

    # The same rise is not reported again the next day, nor after a restart.
    await h.advance(timedelta(days=1))
    await h.restart()
    await h.say(KAISA, "/apua")  # the new process has seen an update (the harness waits on it)
    await h.advance(timedelta(minutes=1))
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM phenomena") == 1
    assert len([t for t in texts(await h.bot_messages(KAISA)) if "Ilmiö:" in t]) == 1

    # The plan, step by step.
    await h.press(KAISA, "Avaa suunnitelma")
    assert "Suunnitelma: Yksinäisyyttä kuvaavat maininnat – SÄH23A" in await h.last_text(KAISA)
    assert "Kuka vastaa?" in await h.last_text(KAISA)
    await h.say(KAISA, "kuraattori Liisa ja ryhmävalmentaja Sanna")
    assert "Kuka omistaa suunnitelman?" in await h.last_text(KAISA)
    # People in the system: the group's coach first, then coordinators, then coaches.
    assert buttons((await h.bot_messages(KAISA))[-1]) == [
        "Sanna Korhonen",
        "Kaisa Mäkelä",
        "Matti Virtanen",
        "✖️ Peruuta",
    ]
    await h.press(KAISA, "Kaisa Mäkelä")
    assert "Keitä otetaan mukaan?" in await h.last_text(KAISA)
    await h.press(KAISA, "Opiskelijat")
    await h.press(KAISA, "Huoltajat")
    assert buttons((await h.bot_messages(KAISA))[-1])[:3] == [
        "✅ Opiskelijat",
        "✅ Huoltajat",
        "▫️ Opiskeluhuolto",
    ]
    await h.restart()  # the dialog lives in the database: a restart changes nothing
    await h.press(KAISA, "Valmis")
    assert "Mitä tehdään ja milloin?" in await h.last_text(KAISA)
    await h.say(KAISA, "Ryhmäytyspäivä 3.12. ja kuraattorin avoimet tunnit <tiistaisin>")
    assert "Milloin arvioidaan" in await h.last_text(KAISA)
    await h.say(KAISA, "31.2.2027")
    assert "En tunnistanut päivää" in await h.last_text(KAISA)
    await h.press(KAISA, "6 viikon päästä")
    confirm = await h.last_text(KAISA)
    assert "Mukana: Opiskelijat, Huoltajat" in confirm
    assert "&lt;tiistaisin&gt;" not in confirm
    assert "<tiistaisin>" in confirm
    await h.press(KAISA, "Tallenna")
    assert moved_text("Muistutan sinua arvioinnista 5.1.2027") in await h.last_text(KAISA)
    plan = await h.rt.db.fetchone("SELECT * FROM plans")
    assert plan is not None
    assert plan["responsible"] == "kuraattori Liisa ja ryhmävalmentaja Sanna"
    assert json.loads(plan["participants"]) == ["students", "guardians"]
    assert plan["starts_on"] == moved_text("2026-11-24")
    assert plan["evaluate_on"] == moved_text("2027-01-05")
    assert plan["phenomenon_id"] == row["id"]

    # /ilmiot lists the phenomenon (planned) and the plan, waiting for its evaluation.
    await h.say(KAISA, "/ilmiot")
    listing = (await h.bot_messages(KAISA))[-1]
    assert "suunnitelma tehty" in listing["text"]
    assert "Arvio odottaa." in listing["text"]
    assert any(b.startswith("📈 Ennen ja jälkeen") for b in buttons(listing))

    # Nothing before the evaluation date; on it, one reminder with the before/after view.
    before = len(await h.bot_messages(KAISA))
    await h.advance(timedelta(days=41))  # Mon 4.1.2027
    assert not any("Arvioinnin aika" in t for t in texts((await h.bot_messages(KAISA))[before:]))
    await h.advance(timedelta(days=1))  # Tue 5.1.2027, the evaluation date
    new = (await h.bot_messages(KAISA))[before:]
    reminder = next(m for m in new if "Arvioinnin aika" in (m.get("text") or ""))
    text = reminder["text"]
    assert moved_text("Suunnitelma alkoi 24.11.2026") in text
    assert "Ennen: 50 % vastanneista (3 viikkoa ennen alkua)" in text  # W45–W47: 18 of 36
    assert "Jälkeen: 0 % vastanneista" in text
    assert "Näyttää helpottaneen" in text
    assert buttons(reminder) == ["✍️ Kirjaa arvio"]
    chart = next(m for m in new if m.get("photo"))
    data = await h.client.file(chart["photo"][-1]["file_id"])
    assert struct.unpack(">II", data[16:24]) == (800, 400)

    await h.press(KAISA, "Kirjaa arvio")
    await h.say(KAISA, "Yksinäisyys väheni. Jatketaan ryhmäytystä keväällä.")
    assert "Jatketaanko suunnitelmaa vai suljetaanko se?" in await h.last_text(KAISA)
    await h.press(KAISA, "Suljetaan")
    assert "Suunnitelma suljettu" in await h.last_text(KAISA)
    plan = await h.rt.db.fetchone("SELECT * FROM plans")
    assert plan is not None
    assert plan["evaluation"].startswith("Yksinäisyys väheni")
    assert plan["reminded_at"] is not None
    assert plan["status"] == "closed"

    count = len(await h.bot_messages(KAISA))
    await h.advance(timedelta(days=1))
    assert not any("Arvioinnin aika" in t for t in texts((await h.bot_messages(KAISA))[count:]))
    await h.say(KAISA, "/ilmiot")
    assert "Arvio: Yksinäisyys väheni." in await h.last_text(KAISA)
    assert "Tila: suljettu · Omistaja: Kaisa Mäkelä\n" in await h.last_text(KAISA) + "\n"
    kaisa = await people.person_by_tg(h.rt.db, KAISA)
    assert kaisa is not None
    actions = {
        r["action"]
        for r in await h.rt.db.fetchall(
            "SELECT action FROM audit_log WHERE actor_id = ?", (kaisa.id,)
        )
    }
    assert {"phenomenon_card", "plan_created", "phenomena_viewed", "plan_evaluated"} <= actions


async def test_only_a_coordinator_can_act_on_a_card(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/start")
    await seed_rise(h)
    await h.advance(timedelta(minutes=1))
    card = next(m for m in await h.bot_messages(KAISA) if "Ilmiö:" in (m.get("text") or ""))
    data = card["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await h.say(SANNA, "/raportti")  # any message of the bot in Sanna's chat to press on
    own = (await h.bot_messages(SANNA))[-1]
    query = await h.client.press(SANNA, own["message_id"], data, force=True)
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun" in str(answer.get("text"))
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM plans") == 0


async def test_no_card_without_a_rise(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/start")
    db, now = h.rt.db, h.rt.clock.now()
    group = await students(db, now, "SÄH23A", 12)
    rng = random.Random(3)
    for week in WEEKS:
        for sid in group:
            await checkin(db, sid, monday(week), {"wellbeing": rng.choice([2, 3, 4, 5])})
            if rng.random() < 0.15:
                await cue(db, sid, monday(week), "loneliness")
    await h.advance(timedelta(minutes=1))
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM phenomena") == 0
    assert not any("Ilmiö:" in t for t in texts(await h.bot_messages(KAISA)))


async def seed_two_signals_in_group_and_school(h: Harness) -> list[int]:
    """One rise seen four ways on the same Monday: in SÄH23A six students write about
    loneliness and answer their wellbeing low for three weeks, and so do six students
    without a group — so each signal is found for the group and for the school."""
    db, now = h.rt.db, h.rt.clock.now()
    sah = await students(db, now, "SÄH23A", 12)
    loose = await students(db, now, None, 12)
    today = moved(TODAY)
    weeks = full_weeks(today, 11)
    recent = weeks[-3:]
    for week in weeks:
        at = monday(week)
        struck = sah[:6] + loose[:6] if week in recent else []
        for sid in sah + loose:
            await checkin(db, sid, at, {"wellbeing": 1 if sid in struck else 4})
        for sid in struck:
            await cue(db, sid, at + timedelta(minutes=5), "loneliness")
    return sah


async def test_ilmiot_buttons_name_the_place_and_differ(school: Harness) -> None:
    """Issue 23, point 10: the same signal found for a group and for the school gave two
    identical buttons in /ilmiot."""
    h = school
    await h.say(KAISA, "/start")
    await seed_two_signals_in_group_and_school(h)
    await h.advance(timedelta(minutes=1))
    scopes = {
        (r["scope"].split(":")[0], r["signal"])
        for r in await h.rt.db.fetchall("SELECT scope, signal FROM phenomena")
    }
    assert scopes == {
        (place, signal)
        for place in ("group", "school")
        for signal in ("cue:loneliness", "low:wellbeing")
    }
    await h.say(KAISA, "/ilmiot")
    names = [b for b in buttons((await h.bot_messages(KAISA))[-1]) if b.startswith("📋")]
    assert len(names) == 4
    assert len(set(names)) == 4
    assert sum(b.startswith("📋 Suunnitelma: SÄH23A: ") for b in names) == 2
    assert sum(b.startswith("📋 Suunnitelma: Koko koulu: ") for b in names) == 2
    await h.press(KAISA, next(b for b in names if "Koko koulu" in b and "yksinäis" in b))
    assert "Yksinäisyyttä kuvaavat maininnat – Koko koulu" in await h.last_text(KAISA)


async def test_one_rise_seen_four_ways_makes_one_card(school: Harness) -> None:
    """Issue 23, point 6: two signals × group and school gave four cards on one Monday; now
    one card names all four, with a plan button for each."""
    h = school
    await h.say(KAISA, "/start")
    await seed_two_signals_in_group_and_school(h)
    await h.advance(timedelta(minutes=1))
    messages = await h.bot_messages(KAISA)
    cards = [m for m in messages if "🔎" in (m.get("text") or "")]
    assert len(cards) == 1
    assert len([m for m in messages if m.get("photo")]) == 1
    card = cards[0]["text"]
    assert "4 toisiinsa liittyvää ilmiötä" in card
    for name in ("yksinäisyyttä kuvaavat maininnat", "heikko jaksaminen (1–2)"):
        assert f"{name} – SÄH23A" in card
        assert f"{name} – Koko koulu" in card
    assert "Mukana 6 opiskelijaa." in card
    assert "Mukana 12 opiskelijaa." in card
    names = buttons(cards[0])
    assert len(names) == 5
    assert len(set(names)) == 5
    assert names[-1] == "Ei nyt"
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM phenomena") == 4

    await h.press(KAISA, next(b for b in names if "SÄH23A" in b and "jaksaminen" in b))
    assert "Heikko jaksaminen (1–2) – SÄH23A" in await h.last_text(KAISA)
    # The next day's scan does not send the same findings again.
    await h.advance(timedelta(days=1))
    later = [m for m in await h.bot_messages(KAISA) if "🔎" in (m.get("text") or "")]
    assert len(later) == 1


async def make_plan(
    h: Harness, responsible: str = "kuraattori Liisa", owner: str = "Kaisa Mäkelä"
) -> None:
    await h.press(KAISA, "Avaa suunnitelma")
    await h.say(KAISA, responsible)
    await h.press(KAISA, owner)
    await h.press(KAISA, "Opiskelijat")
    await h.press(KAISA, "Valmis")
    await h.say(KAISA, "Ryhmäytyspäivä 3.12.")
    await h.press(KAISA, "6 viikon päästä")
    await h.press(KAISA, "Tallenna")


async def test_group_coach_hears_of_their_group_and_joins_the_plan(school: Harness) -> None:
    """Issue 23, point 4: the group coach is told (figures only, never who) and can join."""
    h = school
    for user in (KAISA, SANNA, MATTI):
        await h.say(user, "/start")
    await seed_rise(h)
    await h.advance(timedelta(minutes=1))
    told = [m for m in await h.bot_messages(SANNA) if "Ryhmässäsi SÄH23A" in (m.get("text") or "")]
    assert len(told) == 1
    text = told[0]["text"]
    assert "yksinäisyyttä kuvaavat maininnat" in text
    assert "Mukana 6 opiskelijaa." in text
    assert "50 %" in text
    assert "Aino" not in text
    assert "Eetu" not in text
    assert buttons(told[0]) == ["🙋 Mukaan"]
    assert not any("🔎" in t for t in texts(await h.bot_messages(MATTI)))  # not his group

    # Another staff member cannot join with Sanna's button.
    data = told[0]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    own = (await h.bot_messages(MATTI))[-1]
    query = await h.client.press(MATTI, own["message_id"], data, force=True)
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun" in str(answer.get("text"))

    await h.press(SANNA, "Mukaan")
    assert "Olet mukana" in await h.last_text(SANNA)
    await make_plan(h)
    shared = await h.last_text(SANNA)
    assert "Suunnitelma, jossa olet mukana: Yksinäisyyttä kuvaavat maininnat – SÄH23A" in shared
    assert "Vastuu: kuraattori Liisa" in shared
    assert "Ryhmäytyspäivä 3.12." in shared
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM phenomenon_members") == 1


async def test_a_plan_owned_by_the_group_coach_is_evaluated_continued_and_closed(
    school: Harness,
) -> None:
    """Issue 23, point 1: the owner is a person in the system, reminded on the evaluation date;
    the plan's status moves open → evaluating → continued (a new date) → closed."""
    h = school
    for user in (KAISA, SANNA):
        await h.say(user, "/start")
    await seed_rise(h)
    await h.advance(timedelta(minutes=1))
    await make_plan(h, owner="Sanna Korhonen")
    assert "Arvio: " in (confirm := (await h.bot_messages(KAISA))[-2]["text"])
    reminder = "\nOmistaja: Sanna Korhonen\nMuistutukset:\n• Ryhmäytyspäivä 3.12. → Sanna Korhonen"
    assert reminder in confirm
    assert confirm.endswith("\n\nTallennetaanko?")
    assert "Suunnitelma, jossa olet mukana" in await h.last_text(SANNA)
    plan = await h.rt.db.fetchone("SELECT * FROM plans")
    assert plan is not None
    assert plan["status"] == "open"
    await h.say(KAISA, "/ilmiot")
    assert "Tila: käynnissä · Omistaja: Sanna Korhonen · seuraava arvio" in await h.last_text(KAISA)

    # The dated action reminds its owner on its day, once.
    action = await h.rt.db.fetchone("SELECT * FROM plan_actions")
    assert action is not None
    assert action["what"] == "Ryhmäytyspäivä 3.12."
    due = date.fromisoformat(action["due_on"])
    assert (due.day, due.month) == (3, 12)
    days = (due - h.rt.clock.now().date()).days
    await h.advance(timedelta(days=days - 1))
    assert not any("📌" in t for t in texts(await h.bot_messages(SANNA)))
    await h.advance(timedelta(days=1))
    nudges = [t for t in texts(await h.bot_messages(SANNA)) if "📌" in t]
    assert nudges == [
        "📌 Tänään suunnitelmassa Yksinäisyyttä kuvaavat maininnat – SÄH23A\nRyhmäytyspäivä 3.12."
    ]
    await h.advance(timedelta(days=1))
    assert len([t for t in texts(await h.bot_messages(SANNA)) if "📌" in t]) == 1

    await h.advance(timedelta(weeks=6, days=-days - 1))  # the evaluation date
    for user in (SANNA, KAISA):  # the owner and the maker
        assert any("Arvioinnin aika" in t for t in texts(await h.bot_messages(user)))
    assert await h.rt.db.fetchval("SELECT status FROM plans") == "evaluating"
    await h.press(SANNA, "Kirjaa arvio")
    await h.say(SANNA, "Vähän parempi, jatketaan tammikuuhun.")
    await h.press(SANNA, "Jatketaan")
    assert "Suunnitelma jatkuu" in await h.last_text(SANNA)
    plan = await h.rt.db.fetchone("SELECT * FROM plans")
    assert plan is not None
    assert plan["status"] == "continued"
    assert plan["evaluate_on"] == (h.rt.clock.now().date() + timedelta(weeks=6)).isoformat()

    before = len(await h.bot_messages(SANNA))
    await h.advance(timedelta(weeks=6))  # the next evaluation: reminded again
    assert any("Arvioinnin aika" in t for t in texts((await h.bot_messages(SANNA))[before:]))
    await h.press(SANNA, "Kirjaa arvio")
    await h.say(SANNA, "Helpotti. Suljetaan.")
    await h.press(SANNA, "Suljetaan")
    assert await h.rt.db.fetchval("SELECT status FROM plans") == "closed"
    before = len(await h.bot_messages(SANNA))
    await h.advance(timedelta(weeks=7))
    assert not any("Arvioinnin aika" in t for t in texts((await h.bot_messages(SANNA))[before:]))


LIISA = 6102  # the school's kuraattori (welfare role)


async def test_welfare_professionals_take_part_in_a_plan_with_figures_only(
    school: Harness,
) -> None:
    """Issue 23, point 3: when a plan names student welfare among its participants, the
    school's welfare professionals become members: they see the plan and, at its evaluation,
    the aggregate before/after figures — never a student, every read audited."""
    h = school
    now = h.rt.clock.now()

    async def kuraattori(tx: Any) -> int:
        return await people.create_person(
            tx, now, "Liisa Lahti", roles=("welfare",), tg_user_id=LIISA
        )

    liisa = await h.rt.db.transaction(kuraattori)
    await h.client.create_user(LIISA, "Liisa", last_name="Lahti")
    for user in (KAISA, SANNA, LIISA):
        await h.say(user, "/start")
    await seed_rise(h)
    await h.advance(timedelta(minutes=1))

    await h.press(KAISA, "Avaa suunnitelma")
    await h.say(KAISA, "kuraattori Liisa ja ryhmävalmentaja Sanna")
    owners = (await h.bot_messages(KAISA))[-1]
    assert "Liisa Lahti" in buttons(owners)  # a welfare professional can own a plan
    await h.press(KAISA, "Kaisa Mäkelä")
    await h.press(KAISA, "Opiskelijat")
    await h.press(KAISA, "Opiskeluhuolto")
    await h.press(KAISA, "Valmis")
    await h.say(KAISA, "Ryhmäytyspäivä 3.12.")
    await h.press(KAISA, "6 viikon päästä")
    await h.press(KAISA, "Tallenna")

    shared = await h.last_text(LIISA)
    assert "Suunnitelma, jossa olet mukana: Yksinäisyyttä kuvaavat maininnat – SÄH23A" in shared
    assert not any(name in shared for name in ("Aino", "Eetu", "Linnea"))
    assert await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'plan_shared' AND actor_id = ?", (liisa,)
    )

    await h.advance(timedelta(weeks=6))  # the evaluation date
    evaluation = [
        m for m in await h.bot_messages(LIISA) if "Suunnitelman arviointi" in texts([m])[0]
    ]
    assert len(evaluation) == 1
    assert "%" in evaluation[0]["text"]
    assert buttons(evaluation[0]) == []
    assert any("Arvioinnin aika" in t for t in texts(await h.bot_messages(KAISA)))  # she decides
    assert not any(name in evaluation[0]["text"] for name in ("Aino", "Eetu", "Linnea"))

    await h.say(LIISA, "/ilmiot")  # the coordinator's overview is not hers
    assert "ei ole käytössäsi" in await h.last_text(LIISA)


async def test_each_dated_action_reminds_the_person_its_line_names(school: Harness) -> None:
    """Issue 23, point 1: an action's owner is the staff member its line names (else the
    plan's owner); the maker sees who is reminded of what before saving, and each is reminded
    on their own action's day only."""
    h = school
    for user in (KAISA, SANNA):
        await h.say(user, "/start")
    await seed_rise(h)
    await h.advance(timedelta(minutes=1))
    await h.press(KAISA, "Avaa suunnitelma")
    await h.say(KAISA, "kuraattori Liisa")
    await h.press(KAISA, "Kaisa Mäkelä")
    await h.press(KAISA, "Opiskelijat")
    await h.press(KAISA, "Valmis")
    await h.say(KAISA, "Ryhmäytyspäivä 3.12. Sanna\nVanhempainilta 10.12.")
    await h.press(KAISA, "6 viikon päästä")
    confirm = (await h.bot_messages(KAISA))[-1]["text"]
    assert "Muistutukset:" in confirm
    assert "• Ryhmäytyspäivä 3.12. Sanna → Sanna Korhonen, " in confirm  # typed, not moved
    assert "• Vanhempainilta 10.12. → Kaisa Mäkelä, " in confirm
    await h.press(KAISA, "Tallenna")

    def nudges(messages: list[dict[str, Any]]) -> list[str]:
        return [t for t in texts(messages) if "📌" in t]

    first = date.fromisoformat(str(await h.rt.db.fetchval("SELECT MIN(due_on) FROM plan_actions")))
    await h.advance(timedelta(days=(first - h.rt.clock.now().date()).days))
    assert [n.split("\n")[1] for n in nudges(await h.bot_messages(SANNA))] == [
        "Ryhmäytyspäivä 3.12. Sanna"
    ]
    assert nudges(await h.bot_messages(KAISA)) == []
    await h.advance(timedelta(days=7))
    assert [n.split("\n")[1] for n in nudges(await h.bot_messages(KAISA))] == [
        "Vanhempainilta 10.12."
    ]
    assert len(nudges(await h.bot_messages(SANNA))) == 1


async def reachable(h: Harness, person_ids: list[int], first_tg: int) -> list[int]:
    """Give generated students a Telegram account that has opened the bot."""
    users = []
    for n, pid in enumerate(person_ids):
        tg = first_tg + n
        await h.rt.db.transaction(
            lambda tx, tg=tg, pid=pid: tx.execute(
                "UPDATE persons SET tg_user_id = ? WHERE id = ?", (tg, pid)
            )
        )
        await h.client.create_user(tg, f"Opiskelija{n}", opened=True)
        users.append(tg)
    return users


async def plan_view(h: Harness) -> dict[str, Any]:
    await h.say(KAISA, "/ilmiot")
    await h.press(KAISA, "📈 Ennen ja jälkeen")
    return (await h.bot_messages(KAISA))[-1]


async def test_a_plan_asks_its_students_anonymously_and_the_totals_join_its_evaluation(
    school: Harness,
) -> None:
    """Issue 23, point 2: a plan reaches the students it concerns without exposing anyone:
    an anonymous poll goes privately to the affected group only; nothing stores who answered;
    its totals join the plan's view and evaluation only from k answers up."""
    h = school
    for user in (KAISA, SANNA, AINO, EETU, LINNEA):
        await h.say(user, "/start")
    sah = await seed_rise(h)
    extra = await reachable(h, sah[3:7], 7100)  # SÄH23A: 3 demo students + 4 = 7 reachable
    ict = await h.rt.db.fetchval(
        "SELECT s.person_id FROM students s JOIN groups g ON g.id = s.group_id"
        " WHERE g.name = 'ICT24B' LIMIT 1"
    )
    (outsider,) = await reachable(h, [ict], 7200)  # another group: must not be asked
    await h.advance(timedelta(minutes=1))
    await make_plan(h)

    view = await plan_view(h)
    assert buttons(view) == ["📊 Kysy opiskelijoilta"]
    await h.press(KAISA, "Kysy opiskelijoilta")
    ask = await h.last_text(KAISA)
    assert "SÄH23A; tavoitettavissa nyt: 7" in ask
    assert "vähintään 5" in ask
    await h.say(KAISA, "Miten teillä menee")  # not a poll
    assert "vähintään kaksi vaihtoehtoa" in await h.last_text(KAISA)
    await h.say(KAISA, "Onko koulussa joku, jolle voit jutella?\n- Kyllä\n- Ei ole")
    confirm = await h.last_text(KAISA)
    assert "Lähetetäänkö tämä kysely?" in confirm
    assert "• Kyllä\n• Ei ole" in confirm
    await h.restart()  # the dialog is in the database
    await h.press(KAISA, "📤 Lähetä")
    assert "Kysely lähtee 7 opiskelijalle" in await h.last_text(KAISA)
    await h.advance(timedelta(minutes=1))  # the sender's delivery report, as for a broadcast
    report = await h.last_text(KAISA)
    assert "Lähetysraportti: suunnitelman kysely ”Onko koulussa joku" in report
    assert "✅ Perillä: 7" in report

    polls: dict[int, str] = {}
    for user in (AINO, EETU, LINNEA, *extra):
        messages = await h.bot_messages(user)
        intro, poll = messages[-2]["text"], messages[-1]["poll"]
        assert "Kysely ryhmälle SÄH23A" in intro or "Enkät för gruppen SÄH23A" in intro
        assert "kukaan ei näe, mitä sinä vastasit" in intro or "ingen ser vad du" in intro
        assert poll["is_anonymous"]
        assert not poll["allows_revoting"]
        assert [o["text"] for o in poll["options"]] == ["Kyllä", "Ei ole"]
        polls[user] = poll["id"]
    assert not any("poll" in m for m in await h.bot_messages(outsider))

    for user, choice in zip((AINO, EETU, LINNEA, extra[0]), (0, 0, 1, 0), strict=True):
        await h.client.answer_poll(user, polls[user], [choice])
    await h.settle()
    early = (await plan_view(h))["text"]
    assert "Opiskelijoiden vastaukset" in early
    assert "vastanneita 4, kysely tavoitti 7" in early
    assert "🔒 Vastaukset näytetään, kun niitä on vähintään 5." in early
    assert "(75 %)" not in early
    # The group coach's own poll results keep the same threshold.
    await h.say(SANNA, "/kysely_tulokset")
    await h.press(SANNA, "Onko koulussa")
    assert "alle 5" in await h.last_text(SANNA)

    await h.client.answer_poll(extra[1], polls[extra[1]], [1])
    await h.settle()
    shown = (await plan_view(h))["text"]
    assert "vastanneita 5, kysely tavoitti 7" in shown
    assert "Kyllä\n▰▰▰▰▰▰▱▱▱▱ 3 (60 %)" in shown
    assert "Ei ole\n▰▰▰▰▱▱▱▱▱▱ 2 (40 %)" in shown
    # Only totals exist: no row tells who answered (each private ballot is gone once counted).
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM polls WHERE counts = '[]'") == 2
    assert not any(
        name in shown for name in ("Aino", "Eetu", "Linnea", "Opiskelija0", "Opiskelija1")
    )

    # Asked again a few weeks later with the same question, for comparison.
    await h.advance(timedelta(weeks=3))
    await plan_view(h)
    await h.press(KAISA, "Kysy opiskelijoilta")
    await h.press(KAISA, "Sama kysymys uudelleen")
    assert "Onko koulussa joku, jolle voit jutella?" in await h.last_text(KAISA)
    await h.press(KAISA, "📤 Lähetä")
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM broadcasts WHERE plan_id IS NOT NULL") == 2

    # The evaluation reminder carries the students' answers beside the before/after figures.
    await h.advance(timedelta(weeks=3))
    reminder = next(
        m for m in await h.bot_messages(KAISA) if "Arvioinnin aika" in (m.get("text") or "")
    )
    assert "Opiskelijoiden vastaukset" in reminder["text"]
    assert "3 (60 %)" in reminder["text"]
    assert "vastanneita 0, kysely tavoitti 7" in reminder["text"]
    sent = await h.rt.db.fetchall("SELECT detail FROM audit_log WHERE action = 'plan_poll_sent'")
    assert len(sent) == 2
    assert json.loads(sent[0]["detail"])["recipients"] == 7
    history = await h.rt.db.fetchall("SELECT kind FROM plan_events ORDER BY id")
    assert [r["kind"] for r in history] == ["created", "asked", "asked"]

    # Issue 23, point 5: the plan's history across terms. Evaluated in January, continued.
    await h.press(KAISA, "Kirjaa arvio")
    await h.say(KAISA, "Moni löysi juttukaverin. Jatketaan keväällä.")
    await h.press(KAISA, "Jatketaan")
    await h.advance(timedelta(weeks=2))  # spring weeks have ended
    text = (await plan_view(h))["text"]
    autumn, spring = moved(date(2026, 11, 24)).year, moved(date(2027, 1, 5)).year
    history = text[text.index("Suunnitelman vaiheet lukukausittain") :]
    lines = history.split("\n")
    assert lines[1] == f"<b>syksy {autumn}</b>" or lines[1] == f"syksy {autumn}"
    assert lines[2].endswith("suunnitelma avattiin")
    assert lines[3].endswith("kysyttiin opiskelijoilta: Onko koulussa joku, jolle voit jutella?")
    assert lines[5] in (f"<b>kevät {spring}</b>", f"kevät {spring}")
    assert lines[6].endswith("arvioitiin: Moni löysi juttukaverin. Jatketaan keväällä.")
    assert lines[7].endswith("päätettiin jatkaa")
    levels = lines[8]
    assert levels.startswith("Ilmiön taso lukukausittain (osuus vastanneista): ")
    assert f"syksy {autumn} " in levels
    assert f"kevät {spring} 0 %" in levels
