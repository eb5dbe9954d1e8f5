"""/raportti through the stand-in: who sees which scope, the summary, the charts (PNG read back
from the stand-in) and the CSV, the audit trail, and refused or forged presses."""

from __future__ import annotations

import csv
import io
import json
import struct
from datetime import timedelta

from bot.harness import Harness
from bot.services import people
from tests.conftest import AINO, KAISA, MATTI, SANNA, moved_text
from tests.support import WEEK44, checkin, keyboard, report_messages, seed, students


async def test_coordinator_gets_the_school_report_with_charts_and_csv(school: Harness) -> None:
    h = school
    await seed(h)
    await h.say(KAISA, "/raportti")
    prompt = (await h.bot_messages(KAISA))[-1]
    assert "Mistä haluat raportin?" in prompt["text"]
    assert [b["text"] for b in keyboard(prompt)] == ["Koko koulu", "ICT24B", "SÄH23A"]

    await h.press(KAISA, "Koko koulu")
    asked = (await h.bot_messages(KAISA))[-1]
    assert asked["message_id"] == prompt["message_id"]  # the same message, edited
    assert [b["text"] for b in keyboard(asked)] == [
        "Edelliset 4 viikkoa",
        "Edellinen kuukausi",
        "Tämä lukukausi",
        "Lukukaudet ja lukuvuodet rinnakkain",
    ]
    before = len(await h.bot_messages(KAISA))
    query = await h.press(KAISA, "Edelliset 4 viikkoa")
    assert (await h.client.callback_answer(query) or {}).get("text") == "Kokoan raporttia…"
    sent = await report_messages(h, KAISA, before)

    text = next(m["text"] for m in sent if m.get("text", "").startswith("📊 Raportti"))
    assert "Raportti: Koko koulu" in text
    assert moved_text("26.10.–22.11.2026 (4 vk)") in text
    # 10 + 6 students, 64 check-ins of which five missed → 59/64 = 92 %.
    assert "Opiskelijoita: 16" in text
    assert "Vastausprosentti: 92 %" in text
    # SÄH23A: 35/40 answered; wellbeing (3 × (4·2 + 6·4) + 5·4) / 35 = 116/35; one crisis: 🔒
    assert "SÄH23A: vastaus 88 % · jaksaminen 3,3 · huolia 🔒" in text
    assert "ICT24B: vastaus 100 % · jaksaminen 5 · huolia 0" in text
    assert "yksinäisyys 5" in text
    assert "Pekka" not in json.dumps(sent, ensure_ascii=False)  # free text never in a report

    photos = [m for m in sent if m.get("photo")]
    assert len(photos) >= 3
    for m in photos:
        size = m["photo"][-1]
        data = await h.client.file(size["file_id"])
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", data[16:24]) == (1000, 600) == (size["width"], size["height"])
        assert moved_text("26.10.–22.11.2026") in m["caption"]
    document = next(m for m in sent if m.get("document"))
    assert document["document"]["file_name"].endswith(".csv")
    raw = (await h.client.file(document["document"]["file_id"])).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw), delimiter=";"))
    assert {r["ryhmä"] for r in rows} == {"Koko koulu", "ICT24B", "SÄH23A"}
    rate = next(
        r for r in rows if r["ryhmä"] == "Koko koulu" and r["tieto"] == "vastattuja kyselyjä"
    )
    assert (rate["arvo"], rate["osuus %"]) == ("59", "92,2")  # the same number as the text
    crisis = next(r for r in rows if r["ryhmä"] == "SÄH23A" and r["luokka"] == "kriisi")
    assert (crisis["arvo"], crisis["tila"]) == ("", "piilotettu")

    kaisa = await people.person_by_tg(h.rt.db, KAISA)
    assert kaisa is not None
    audit = await h.rt.db.fetchall(
        "SELECT * FROM audit_log WHERE action = 'report_viewed' AND actor_id = ?", (kaisa.id,)
    )
    assert len(audit) == 1
    detail = json.loads(audit[0]["detail"])
    assert detail["scope"] == "school"
    assert detail["first"] == moved_text("2026-10-26")
    assert detail["last"] == moved_text("2026-11-22")
    assert detail["via"] == "telegram"
    assert [r for r in await h.client.requests() if r["status"] != 200] == []


async def test_group_coach_sees_only_their_own_group(school: Harness) -> None:
    h = school
    await seed(h)
    await h.say(SANNA, "/raportti")
    prompt = (await h.bot_messages(SANNA))[-1]
    assert [b["text"] for b in keyboard(prompt)] == ["SÄH23A"]
    await h.press(SANNA, "SÄH23A")
    before = len(await h.bot_messages(SANNA))
    await h.press(SANNA, "Edelliset 4 viikkoa")
    sent = await report_messages(h, SANNA, before)
    text = next(m["text"] for m in sent if m.get("text", "").startswith("📊 Raportti"))
    assert "Raportti: SÄH23A" in text
    assert "Koko koulu" not in text
    assert "ICT24B" not in text
    assert "Vastausprosentti: 88 %" in text
    document = next(m for m in sent if m.get("document"))
    raw = (await h.client.file(document["document"]["file_id"])).decode("utf-8-sig")
    assert {r["ryhmä"] for r in csv.DictReader(io.StringIO(raw), delimiter=";")} == {"SÄH23A"}


async def test_others_cannot_get_a_report(school: Harness) -> None:
    h = school
    await seed(h)
    # A coach without a group: told kindly, and the attempt is audited.
    await h.say(MATTI, "/raportti")
    assert "Sinulla ei ole ryhmää" in await h.last_text(MATTI)
    matti = await people.person_by_tg(h.rt.db, MATTI)
    assert matti is not None
    refused = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'role_refused' AND actor_id = ?",
        (matti.id,),
    )
    assert refused == 1
    # A student: the command is for staff.
    await h.say(AINO, "/raportti")
    assert "ei ole käytössäsi" in await h.last_text(AINO)

    # A group coach replaying the coordinator's "whole school" button (forged data on her own
    # prompt): refused as not hers, audited, and no report.
    await h.say(KAISA, "/raportti")
    school_button = keyboard((await h.bot_messages(KAISA))[-1])[0]
    await h.say(SANNA, "/raportti")
    own = (await h.bot_messages(SANNA))[-1]
    before = len(await h.bot_messages(SANNA))
    query = await h.client.press(
        SANNA, own["message_id"], school_button["callback_data"], force=True
    )
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun" in str(answer.get("text"))
    assert len(await h.bot_messages(SANNA)) == before
    assert (
        await h.rt.db.fetchval("SELECT COUNT(*) FROM audit_log WHERE action = 'callback_refused'")
        == 1
    )


async def test_a_group_taken_away_before_the_press_is_not_reported(school: Harness) -> None:
    h = school
    await seed(h)
    await h.say(SANNA, "/raportti")
    await h.rt.db.transaction(lambda tx: tx.execute("DELETE FROM group_coaches"))
    before = len(await h.bot_messages(SANNA))
    query = await h.press(SANNA, "SÄH23A")
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei enää löydy" in str(answer.get("text"))
    assert len(await h.bot_messages(SANNA)) == before


def test_matplotlib_is_imported_only_when_a_chart_is_drawn() -> None:
    """Start-up time and memory are benchmarked: the bot with every feature loaded must not
    pull in matplotlib before somebody asks for a chart. (numpy is loaded at start: the cue
    detector's linear model needs it for every message.)"""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import bot.cli, bot.telegram.runtime, bot.telegram.handlers, bot.telegram.features\n"
        "import bot.services.reports.service, bot.services.reports.watch\n"
        "print('matplotlib' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "False"


async def test_a_small_group_does_not_hide_another_group_from_its_own_coach(
    school: Harness,
) -> None:
    """Issue 23 #12: a group of four made the complementary suppression hide the smallest
    other group entirely — from its own group coach. What goes now is what costs least: the
    school total (the coordinator still reads every group), and headcounts are never hidden."""
    h = school
    found = await seed(h)
    db, now = h.rt.db, h.rt.clock.now()
    small = await students(db, now, "LOG22C", 4)
    for n in range(4):
        for sid in small:
            await checkin(db, sid, WEEK44 + timedelta(weeks=n), {"wellbeing": 1, "belonging": 1})
    sanna = await people.person_by_tg(db, SANNA)
    assert sanna is not None
    ict_group = await db.fetchval(
        "SELECT group_id FROM students WHERE person_id = ?", (found["ict"][0],)
    )
    await db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO group_coaches (group_id, person_id) VALUES (?, ?)",
            (ict_group, sanna.id),
        )
    )
    await h.say(SANNA, "/raportti")
    await h.press(SANNA, "ICT24B")
    before = len(await report_messages(h, SANNA, 0))
    await h.press(SANNA, "Edelliset 4 viikkoa")
    sent = await report_messages(h, SANNA, before)
    text = next(m["text"] for m in sent if m.get("text", "").startswith("📊 Raportti"))
    assert "Raportti: ICT24B" in text
    assert "Opiskelijoita: 6" in text
    assert "Vastausprosentti: 100 %" in text
    assert "Jaksaminen: ka 5" in text
    # The coordinator: LOG22C's answers hidden, and the school's totals with them.
    await h.say(KAISA, "/raportti")
    await h.press(KAISA, "Koko koulu")
    before = len(await report_messages(h, KAISA, 0))
    await h.press(KAISA, "Edelliset 4 viikkoa")
    sent = await report_messages(h, KAISA, before)
    text = next(m["text"] for m in sent if m.get("text", "").startswith("📊 Raportti"))
    assert "Opiskelijoita: 20" in text
    assert "Jaksaminen: ka 🔒" in text
    assert "LOG22C: vastaus 🔒 · jaksaminen 🔒" in text
    assert "ICT24B: vastaus 100 % · jaksaminen 5 · huolia 0" in text
    assert "SÄH23A: vastaus 88 % · jaksaminen 3,3 · huolia 🔒" in text


async def test_terms_and_school_years_side_by_side(school: Harness) -> None:
    """Issue 23, point 5: /raportti shows the last four terms and two school years next to
    each other, each from its own protected report; a group coach sees only their group."""
    h = school
    ids = await seed(h)  # four autumn weeks before the harness's Monday
    spring = WEEK44 - timedelta(weeks=26)  # a Monday in the spring term before
    for n in range(2):
        for sid in ids["sah"] + ids["ict"]:
            await checkin(h.rt.db, sid, spring + timedelta(weeks=n), {"wellbeing": 5})
    autumn_year = WEEK44.year
    await h.say(KAISA, "/raportti")
    await h.press(KAISA, "Koko koulu")
    before = len(await h.bot_messages(KAISA))
    await h.press(KAISA, "Lukukaudet ja lukuvuodet rinnakkain")
    sent = (await h.bot_messages(KAISA))[before:]
    text = next(m["text"] for m in sent if "rinnakkain" in m.get("text", "") and "\n" in m["text"])
    y0, y1 = autumn_year - 1, autumn_year
    assert f"kevät {y0} · syksy {y0} · kevät {y1} · syksy {y1}" in text
    assert f"lukuvuosi {y0}–{y1} · lukuvuosi {y1}–{y1 + 1}" in text
    lines = text.split("\n")
    wellbeing = [line for line in lines if line.startswith("Jaksaminen, ka:")]
    assert len(wellbeing) == 2  # terms, then years
    terms = wellbeing[0].removeprefix("Jaksaminen, ka: ").split(" · ")
    assert terms[:2] == ["–", "–"]
    assert terms[2] == "5"
    assert terms[3] not in ("–", "5", "🔒")  # the autumn weeks' own mean
    years = wellbeing[1].removeprefix("Jaksaminen, ka: ").split(" · ")
    assert years[0] == "5"
    assert years[1] == terms[3]
    assert "ICT24B" not in text
    assert "Opiskelija" not in text
    viewed = await h.rt.db.fetchone(
        "SELECT detail FROM audit_log WHERE action = 'report_viewed' ORDER BY id DESC LIMIT 1"
    )
    assert viewed is not None
    assert f"spring-{y1}" in json.loads(viewed["detail"])["compared"]

    await h.say(SANNA, "/raportti")
    await h.press(SANNA, "SÄH23A")
    await h.press(SANNA, "rinnakkain")
    mine = await h.last_text(SANNA)
    assert "SÄH23A: lukukaudet ja lukuvuodet rinnakkain" in mine
    assert "Koko koulu" not in mine
