"""A coordinator sends the roster as a CSV file in Telegram (saved from Excel), not only pasted:
read in UTF-8 or Excel's Windows-1252, checked whole, imported after the same presses."""

from __future__ import annotations

from bot.harness import Harness
from tests.conftest import AINO, KAISA
from tests.support import last_csv, last_text

ROSTER = (
    "nimi;ryhmä;omavalmentaja\n"
    "Örjan Öhman;SÄH23A;Matti Virtanen\n"
    "Pekka Puro;SÄH23A;Matti Virtanen\n"
)


async def send_roster(h: Harness, data: bytes, name: str = "opiskelijat.csv") -> None:
    await h.client.send_document(KAISA, name, data, mime_type="text/csv")
    await h.settle()


async def test_an_excel_csv_file_is_checked_and_imported(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/start")
    persons = await h.rt.db.fetchval("SELECT COUNT(*) FROM persons")
    # Excel in Finland saves "CSV (semicolon delimited)" in Windows-1252.
    await send_roster(h, ROSTER.replace("\n", "\r\n").encode("cp1252"))
    assert "Sain yhteensä 3 riviä" in await last_text(h, KAISA)
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons") == persons  # nothing yet
    await h.press(KAISA, "Tarkista")
    assert "Lista on kunnossa" in await last_text(h, KAISA)
    await h.press(KAISA, "✅ Tuo")
    assert [r["nimi"] for r in await last_csv(h, KAISA)] == ["Örjan Öhman", "Pekka Puro"]
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons") == persons + 2


async def test_a_utf8_file_with_bom_after_the_menu_and_a_bad_line_is_reported(
    school: Harness,
) -> None:
    h = school
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Tuo opiskelijalista")
    bad = ROSTER + "Rami Raami;SÄH23A\n"
    await send_roster(h, "\ufeff".encode() + bad.encode("utf-8"))
    await h.press(KAISA, "Tarkista")
    report = await last_text(h, KAISA)
    assert "Rivi 4: odotin 3–6 saraketta" in report
    assert "mitään ei tuotu" in report
    assert "Örjan Öhman" not in [
        r["display_name"] for r in await h.rt.db.fetchall("SELECT display_name FROM persons")
    ]


async def test_a_file_that_is_not_text_gets_a_kind_answer(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/start")
    await send_roster(h, b"PK\x03\x04\x00\x00binary xlsx", name="opiskelijat.csv")
    assert "En saanut tiedostoa luettua" in await last_text(h, KAISA)


async def test_a_student_sending_a_file_imports_nothing(school: Harness) -> None:
    h = school
    await h.say(AINO, "/start")
    persons = await h.rt.db.fetchval("SELECT COUNT(*) FROM persons")
    await h.client.send_document(AINO, "opiskelijat.csv", ROSTER.encode(), mime_type="text/csv")
    await h.settle()
    assert "Sain yhteensä" not in await last_text(h, AINO)
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons") == persons


async def test_the_roster_carries_the_study_start_date(school: Harness) -> None:
    """Issue 23, point 8: a fifth column fills the study start date (the risk point "first
    weeks of studies"); a date that cannot be read is reported and nothing is imported."""
    h = school
    await h.say(KAISA, "/start")
    bad = (
        "nimi;ryhmä;omavalmentaja;varavalmentaja;aloitus\n"
        "Örjan Öhman;SÄH23A;Matti Virtanen;;32.8.2026\n"
    )
    await send_roster(h, bad.encode())
    await h.press(KAISA, "Tarkista")
    assert "opintojen alkupäivää (5. sarake) en tunnistanut" in await last_text(h, KAISA)
    good = (
        "nimi;ryhmä;omavalmentaja;varavalmentaja;aloitus\n"
        "Örjan Öhman;SÄH23A;Matti Virtanen;;1.8.2026\n"
        "Pekka Puro;SÄH23A;Matti Virtanen\n"
    )
    await send_roster(h, good.encode())
    await h.press(KAISA, "Tarkista")
    assert "Lista on kunnossa" in await last_text(h, KAISA)
    await h.press(KAISA, "✅ Tuo")
    started = {
        r["display_name"]: r["study_started_on"]
        for r in await h.rt.db.fetchall(
            "SELECT p.display_name, s.study_started_on FROM students s"
            " JOIN persons p ON p.id = s.person_id WHERE p.display_name IN (?, ?)",
            ("Örjan Öhman", "Pekka Puro"),
        )
    }
    assert started == {"Örjan Öhman": "2026-08-01", "Pekka Puro": None}
