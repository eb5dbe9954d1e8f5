"""The coordinator's setup and the coach's view through the stand-in: roster import (checked
whole, idempotent, line-numbered errors), links and QR codes, coach assignment, group coaches,
the command line, and who may see which student."""

from __future__ import annotations

import json
import zipfile
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from bot.clock import FakeClock, to_db
from bot.harness import Harness
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, dmy, moved
from tests.support import (
    buttons,
    cli,
    csv_rows,
    documents,
    import_pasted,
    join,
    last_csv,
    last_text,
    texts,
    token_in,
)

NEW1, NEW2, ULLA = 6001, 6002, 6003


async def started(h: Harness, *tgs: int) -> None:
    for tg in tgs:
        await h.say(tg, "/start")


async def counts(h: Harness) -> tuple[int, int, int]:
    db = h.rt.db
    return (
        await db.fetchval("SELECT COUNT(*) FROM persons"),
        await db.fetchval("SELECT COUNT(*) FROM groups"),
        await db.fetchval("SELECT COUNT(*) FROM invites"),
    )


# -- roster import --------------------------------------------------------------------------------


async def test_a_bad_roster_is_reported_line_by_line_and_nothing_is_imported(
    school: Harness,
) -> None:
    h = school
    before = await counts(h)
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Tuo opiskelijalista")
    await h.say(
        KAISA,
        "nimi;ryhmä;omavalmentaja\n"
        "Olli Oppilas;SÄH23A;Matti Virtanen\n"
        ";SÄH23A;Matti Virtanen\n"
        "Pekka Puro;SÄH23A\n"
        "Pekka Puro;SÄH23A;Tuntematon Tyyppi\n"
        "olli  oppilas;säh23a;matti virtanen\n"
        "Rami Raami;SÄH23A;Matti Virtanen;Ei Ketään",
    )
    await h.press(KAISA, "Tarkista")
    report = await last_text(h, KAISA)
    assert "mitään ei tuotu" in report
    for expected in (
        "Rivi 3: nimi puuttuu",
        "Rivi 4: odotin 3–6 saraketta",
        "Rivi 5: omavalmentajaa ”Tuntematon Tyyppi” ei löydy",
        "Rivi 6: sama opiskelija samassa ryhmässä kuin rivillä 2",
        "Rivi 7: varavalmentajaa ”Ei Ketään” ei löydy",
        "Tunnetut omavalmentajat: Matti Virtanen",
    ):
        assert expected in report, expected
    assert await counts(h) == before
    # Fixed and pasted again: now it goes in.
    await h.say(KAISA, "Olli Oppilas;SÄH23A;Matti Virtanen\nPekka Puro;SÄH23A;Matti Virtanen")
    await h.press(KAISA, "Tarkista")
    assert "Lista on kunnossa" in await last_text(h, KAISA)
    await h.press(KAISA, "✅ Tuo")
    assert "uusia 2" in await last_text(h, KAISA) or "uusia 2" in "\n".join(await texts(h, KAISA))
    assert [r["nimi"] for r in await last_csv(h, KAISA)] == ["Olli Oppilas", "Pekka Puro"]


async def test_re_import_is_idempotent_and_links_are_renewed_only_when_needed(
    school: Harness,
) -> None:
    h = school
    roster = "Olli Oppilas;SÄH23A;Matti Virtanen\nPekka Puro;SÄH23A;Matti Virtanen"
    await import_pasted(h, KAISA, roster)
    first = await last_csv(h, KAISA)
    olli_token, pekka_token = token_in(first[0]["linkki"]), token_in(first[1]["linkki"])
    persons = await h.rt.db.fetchval("SELECT COUNT(*) FROM persons")

    await import_pasted(h, KAISA, roster)  # the same file again
    again = await last_csv(h, KAISA)
    assert [(r["linkki"], r["tila"]) for r in again] == [("", "aiempi linkki voimassa")] * 2
    assert again[0]["voimassa"] == dmy(moved(date(2026, 12, 23)))
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons") == persons

    await h.client.create_user(NEW1, "Olli")
    await join(h, NEW1, olli_token)
    await h.advance(timedelta(days=31))  # Pekka's link has expired meanwhile
    await import_pasted(h, KAISA, roster)
    third = await last_csv(h, KAISA)
    assert third[0]["tila"] == "mukana"
    assert third[0]["linkki"] == ""
    assert third[1]["tila"] == "uusi linkki"
    assert third[1]["linkki"]
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons") == persons

    # On request, everyone who has not joined gets a new link, and the old one stops working.
    await import_pasted(h, KAISA, roster, relink=True)
    fourth = await last_csv(h, KAISA)
    renewed = token_in(fourth[1]["linkki"])
    await h.client.create_user(NEW2, "Pekka")
    await h.say(NEW2, f"/start {token_in(third[1]['linkki'])}")
    assert "vanheni" in await last_text(h, NEW2)
    await h.say(NEW2, f"/start {pekka_token}")
    assert "vanheni" in await last_text(h, NEW2)
    await join(h, NEW2, renewed)
    assert "Tervetuloa mukaan, Pekka!" in await last_text(h, NEW2)


async def test_a_changed_coach_in_a_re_import_is_told_to_the_student(
    school: Harness, clock: FakeClock
) -> None:
    h = school
    code, out, _ = await cli(h, clock, "invite-coach", "Ulla Uusi")
    assert code == 0
    await h.client.create_user(ULLA, "Ulla")
    await join(h, ULLA, token_in(out))
    await started(h, AINO)
    await import_pasted(h, KAISA, "Aino Laine;SÄH23A;Ulla Uusi;Kaisa Mäkelä")
    assert (await last_csv(h, KAISA))[0]["tila"] == "mukana"
    assert "Valmentaja vaihtui 1 opiskelijalla" in "\n".join(await texts(h, KAISA))
    assert "Omavalmentajasi on nyt Ulla Uusi" in await last_text(h, AINO)
    assert "1 uutta opiskelijaa" not in await last_text(h, ULLA)  # (re-import tells the student)
    await h.say(ULLA, "/opiskelijat")
    assert "Aino Laine" in await last_text(h, ULLA)


async def test_roster_import_from_the_command_line_writes_links_and_qr_codes(
    school: Harness, clock: FakeClock, tmp_path: Path
) -> None:
    h = school
    source = tmp_path / "lista.csv"
    source.write_text(
        "\ufeffnimi;ryhmä;omavalmentaja\nOlli Oppilas;TVT24;Matti Virtanen\n"
        '=HYPERLINK("x");TVT24;Matti Virtanen\n',
        encoding="utf-8",
    )
    out_csv, qr_dir = tmp_path / "kutsut.csv", tmp_path / "qr"
    code, _, err = await cli(
        h, clock, "import-roster", str(source), "--out", str(out_csv), "--qr-dir", str(qr_dir)
    )
    assert code == 0, err
    assert "New groups: TVT24" in err
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: Excel shows ä right
    rows = raw.decode("utf-8-sig").splitlines()
    assert rows[0] == "name;group;link;valid until;coach;status"
    assert rows[1].startswith("Olli Oppilas;TVT24;https://t.me/KohtaamoBot?start=")
    formula = csv_rows(raw)[1]["name"]
    assert formula == '\'=HYPERLINK("x")'  # never a formula in the coordinator's Excel
    pngs = sorted(qr_dir.iterdir())
    assert len(pngs) == 2
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)

    bad = tmp_path / "bad.csv"
    bad.write_text("Olli;TVT24\n", encoding="utf-8")
    code, _, err = await cli(h, clock, "import-roster", str(bad))
    assert code == 1
    assert "Line 1: expected 3 to 6 columns" in err
    assert "Nothing was imported" in err


async def test_the_coordinator_gets_a_csv_and_a_zip_of_qr_codes_in_telegram(
    school: Harness,
) -> None:
    h = school
    await import_pasted(h, KAISA, "Olli Oppilas;SÄH23A;Matti Virtanen")
    files = dict(await documents(h, KAISA))
    (zip_name,) = [n for n in files if n.endswith(".zip")]
    with zipfile.ZipFile(BytesIO(files[zip_name])) as archive:
        (png,) = archive.namelist()
        assert png.endswith("SAH23A-Olli-Oppilas.png")
        assert archive.read(png)[:4] == b"\x89PNG"
    # Links are live secrets: once delivered, no copy stays in the outbox.
    await h.advance(timedelta(minutes=1))
    assert (
        await h.rt.db.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE payload LIKE '%start=%'"
            " OR payload LIKE '%file_hex\":\"ef%'"
        )
        == 0
    )


# -- coordinator: groups, coaches, links ----------------------------------------------------------


async def test_assigning_a_coach_and_backup_to_a_whole_group(
    school: Harness, clock: FakeClock
) -> None:
    h = school
    _, out, _ = await cli(h, clock, "invite-coach", "Ulla Uusi")
    await h.client.create_user(ULLA, "Ulla")
    await join(h, ULLA, token_in(out))
    await started(h, MATTI, AINO, EETU, LINNEA)
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Ryhmät ja opiskelijat")
    await h.press(KAISA, "SÄH23A")
    view = await last_text(h, KAISA)
    assert "Aino Laine — mukana · Matti Virtanen" in view
    await h.press(KAISA, "Vaihda valmentaja koko ryhmälle")
    assert "3 opiskelijan omavalmentaja" in await last_text(h, KAISA)
    await h.press(KAISA, "Ulla Uusi")
    await h.press(KAISA, "Matti Virtanen")  # backup
    assert "Valmis: 3 opiskelijaa, omavalmentaja Ulla Uusi, varavalmentaja Matti Virtanen" in (
        await last_text(h, KAISA)
    )
    assert "Omavalmentajasi on nyt Ulla Uusi" in await last_text(h, AINO)
    assert "Din coach är nu Ulla Uusi" in await last_text(h, LINNEA)
    assert "Sinulle on merkitty 3 uutta opiskelijaa" in await last_text(h, ULLA)
    await h.say(MATTI, "/opiskelijat")
    assert "Sinulle ei ole vielä merkitty opiskelijoita" in await last_text(h, MATTI)
    coach_changes = await h.rt.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'coach_assigned'"
    )
    assert coach_changes == 3


async def test_a_new_link_for_one_student_with_its_qr_code(school: Harness) -> None:
    h = school
    await import_pasted(h, KAISA, "Olli Oppilas;SÄH23A;Matti Virtanen")
    old = token_in((await last_csv(h, KAISA))[0]["linkki"])
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Ryhmät ja opiskelijat")
    await h.press(KAISA, "SÄH23A")
    await h.press(KAISA, "Valitse opiskelija")
    await h.press(KAISA, "Olli Oppilas")
    assert "Tila: kutsuttu, ei vielä liittynyt" in await last_text(h, KAISA)
    await h.press(KAISA, "Uusi kutsulinkki")
    messages = await h.bot_messages(KAISA)
    link_text = next(
        m["text"] for m in reversed(messages) if "Uusi kutsulinkki:" in str(m.get("text"))
    )
    assert "photo" in messages[-1]
    assert "Olli Oppilas" in messages[-1]["caption"]
    await h.client.create_user(NEW1, "Olli")
    await h.say(NEW1, f"/start {old}")
    assert "vanheni" in await last_text(h, NEW1)
    await join(h, NEW1, token_in(link_text))
    assert "Tervetuloa mukaan, Olli!" in await last_text(h, NEW1)


async def test_inviting_a_group_coach_in_telegram(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Uusi ryhmä")
    await h.say(KAISA, "LOG24")
    assert "Luodaanko ryhmä LOG24?" in await last_text(h, KAISA)
    await h.press(KAISA, "Luo ryhmä")
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Uusi ryhmä")
    await h.say(KAISA, "log 24")
    await h.press(KAISA, "Luo ryhmä")
    assert "Ryhmä LOG24 on jo olemassa" in await last_text(h, KAISA)

    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Kutsu ryhmävalmentaja")
    await h.press(KAISA, "LOG24")
    await h.say(KAISA, "Reijo Ryhmä")
    token = token_in(await last_text(h, KAISA))
    await h.client.create_user(NEW1, "Reijo")
    await h.say(NEW1, f"/start {token}")
    await h.press(NEW1, "Suomi")
    assert "ryhmän LOG24 ryhmävalmentajaksi nimellä Reijo Ryhmä" in await last_text(h, NEW1)
    await h.press(NEW1, "Liity")
    assert "Olet nyt ryhmän LOG24 ryhmävalmentaja" in await last_text(h, NEW1)
    await h.say(NEW1, "/ryhmat")
    assert "LOG24" in await last_text(h, NEW1)

    # Sanna, already in, is added to the group at once, no link needed.
    await started(h, SANNA)
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Kutsu ryhmävalmentaja")
    await h.press(KAISA, "LOG24")
    await h.say(KAISA, "sanna korhonen")
    assert "Sanna Korhonen on nyt myös ryhmän LOG24 ryhmävalmentaja" in await last_text(h, KAISA)
    assert "ryhmän LOG24 ryhmävalmentajaksi" in await last_text(h, SANNA)
    await h.say(SANNA, "/ryhmat")
    shown = await last_text(h, SANNA)
    assert "LOG24" in shown
    assert "SÄH23A" in shown


async def test_groups_overview_for_the_coordinator_shows_counts_only(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/ryhmat")
    shown = await last_text(h, KAISA)
    assert "SÄH23A — mukana 3, kutsuttu 0, ei halunnut 0" in shown
    assert "Aino" not in shown
    await h.say(MATTI, "/ryhmat")
    assert "Omien opiskelijoidesi ryhmät" in await last_text(h, MATTI)


async def test_the_staff_list_shows_who_has_not_opened_their_invite(
    school: Harness, clock: FakeClock
) -> None:
    h = school
    await cli(h, clock, "invite-coach", "Ulla Uusi")
    await h.say(KAISA, "/hallinta")
    assert "joista 1 ei ole vielä avannut kutsuaan" in await last_text(h, KAISA)
    await h.press(KAISA, "Henkilökunta")
    staff = await last_text(h, KAISA)
    assert "Ulla Uusi — omavalmentaja · ✉️ ei vielä avannut kutsua" in staff
    assert "Matti Virtanen — omavalmentaja · mukana" in staff


# -- who may see which student --------------------------------------------------------------------


async def test_a_coach_sees_own_students_only_and_tries_at_others_are_audited(
    school: Harness, clock: FakeClock
) -> None:
    h = school
    _, out, _ = await cli(h, clock, "invite-coach", "Ulla Uusi")
    await h.client.create_user(ULLA, "Ulla")
    await join(h, ULLA, token_in(out))
    await cli(
        h,
        clock,
        "assign-coach",
        "--group",
        "SÄH23A",
        "--student",
        "Eetu Nieminen",
        "--coach",
        "Ulla Uusi",
    )
    await h.say(MATTI, "/opiskelijat")
    listing = await last_text(h, MATTI)
    assert "Omat opiskelijasi (2)" in listing
    assert "Aino Laine" in listing
    assert "Eetu" not in listing
    audit = await h.rt.db.fetchall(
        "SELECT a.subject_id FROM audit_log a WHERE a.action = 'students_list'"
    )
    assert len(audit) == 2  # one row per student shown

    await h.say(MATTI, "/opiskelijat eetu")
    assert "Omista opiskelijoistasi ei löytynyt nimeä ”eetu”" in await last_text(h, MATTI)
    eetu = await h.rt.db.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (EETU,))
    refused_rows = await h.rt.db.fetchall(
        "SELECT * FROM audit_log WHERE action = 'student_access_refused' AND subject_id = ?",
        (eetu,),
    )
    assert len(refused_rows) == 1
    assert json.loads(refused_rows[0]["detail"])["how"] == "search"

    # A button from before a reassignment no longer opens the student.
    await h.say(MATTI, "/opiskelijat")
    await cli(
        h,
        clock,
        "assign-coach",
        "--group",
        "SÄH23A",
        "--student",
        "Aino Laine",
        "--coach",
        "Ulla Uusi",
    )
    query = await h.press(MATTI, "Aino Laine")
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun opiskelijasi" in str(answer["text"])
    assert "Aino Laine" not in await last_text(h, MATTI) or "Ryhmä:" not in await last_text(
        h, MATTI
    )
    assert (
        await h.rt.db.fetchval(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'student_access_refused'"
            " AND json_extract(detail, '$.how') = 'button'"
        )
        == 1
    )


async def test_a_student_pressing_a_coach_button_is_refused_and_audited(school: Harness) -> None:
    h = school
    await h.say(MATTI, "/opiskelijat")
    data = (await h.bot_messages(MATTI))[-1]["reply_markup"]["inline_keyboard"][0][0][
        "callback_data"
    ]
    await h.say(AINO, "/apua")
    own = (await h.bot_messages(AINO))[-1]
    query = await h.client.press(AINO, own["message_id"], data, force=True)
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "ei ole sinun" in str(answer["text"])
    assert "Ryhmä:" not in await last_text(h, AINO)
    assert (
        await h.rt.db.fetchval(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'callback_refused' AND actor_tg_id = ?",
            (AINO,),
        )
        == 1
    )
    # and a coordinator-only button forged by a coach is refused too
    await h.say(KAISA, "/hallinta")
    admin_data = (await h.bot_messages(KAISA))[-1]["reply_markup"]["inline_keyboard"][0][0][
        "callback_data"
    ]
    mine = (await h.bot_messages(MATTI))[-1]
    query = await h.client.press(MATTI, mine["message_id"], admin_data, force=True)
    await h.settle()
    assert "ei ole sinun" in str((await h.client.callback_answer(query) or {}).get("text"))


async def test_replayed_buttons_do_nothing_twice(school: Harness) -> None:
    h = school
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Tuo opiskelijalista")
    await h.say(KAISA, "Olli Oppilas;SÄH23A;Matti Virtanen")
    await h.press(KAISA, "Tarkista")
    go = (await h.bot_messages(KAISA))[-1]
    data = go["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    await h.press(KAISA, "✅ Tuo")
    persons = await h.rt.db.fetchval("SELECT COUNT(*) FROM persons")
    invites = await h.rt.db.fetchval("SELECT COUNT(*) FROM invites")
    query = await h.client.press(KAISA, go["message_id"], data, force=True)  # again
    await h.settle()
    answer = await h.client.callback_answer(query)
    assert answer is not None
    assert "jo painettu" in str(answer["text"])
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM persons") == persons
    assert await h.rt.db.fetchval("SELECT COUNT(*) FROM invites") == invites
    replays = await h.rt.db.fetchall(
        "SELECT detail FROM audit_log WHERE action = 'callback_refused' AND actor_tg_id = ?",
        (KAISA,),
    )
    assert [json.loads(r["detail"])["reason"] for r in replays] == ["callback-used"]


async def test_a_backup_coach_sees_a_student_only_while_holding_their_case(
    school: Harness,
) -> None:
    h = school
    await h.say(KAISA, "/opiskelijat")
    assert "Sinulle ei ole vielä merkitty opiskelijoita" in await last_text(h, KAISA)
    aino = await h.rt.db.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (AINO,))
    kaisa = await h.rt.db.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (KAISA,))
    now = to_db(h.clock.now())
    concern = await h.rt.db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO concerns (student_id, coach_id, level, escalation_stage, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?)",
            (aino, kaisa, "urgent", 1, now, now),
        )
    )
    await h.say(KAISA, "/opiskelijat")
    shown = await last_text(h, KAISA)
    assert "Sinulle siirretyt tapaukset" in shown
    assert "Aino Laine" in shown
    await h.press(KAISA, "Aino Laine")
    card = await last_text(h, KAISA)
    assert "Avoimet huolet: kiireellinen" in card
    assert "siirretty sinulle" in card
    await h.rt.db.transaction(
        lambda tx: tx.execute("UPDATE concerns SET status = 'closed' WHERE id = ?", (concern,))
    )
    query = await h.press(KAISA, "Aino Laine")
    assert "ei ole sinun" in str((await h.client.callback_answer(query) or {}).get("text"))


async def test_student_card_shows_status_for_the_coach(school: Harness) -> None:
    h = school
    await h.say(AINO, "/tauko")
    await h.press(AINO, "2 viikkoa")
    await h.rt.db.transaction(  # as the sender records it when Telegram says "blocked"
        lambda tx: tx.execute(
            "UPDATE persons SET unreachable_at = ? WHERE tg_user_id = ?",
            (to_db(h.clock.now()), EETU),
        )
    )
    await h.say(MATTI, "/opiskelijat")
    listing = await last_text(h, MATTI)
    assert "Aino Laine</b>" not in listing  # rendered, not raw HTML
    pause_end = dmy(moved(date(2026, 12, 6)))
    assert f"Aino Laine — ei vielä vastauksia · ⏸️ tauolla {pause_end} asti" in listing
    assert "Eetu Nieminen — ei vielä vastauksia · 📵 ei tavoitettavissa Telegramissa" in listing
    await h.say(MATTI, "/opiskelijat aino")
    card = await last_text(h, MATTI)
    assert "Ryhmä: SÄH23A" in card
    assert f"Tauolla kyselyistä {pause_end} asti" in card
    assert "Omavalmentaja: Matti Virtanen · varavalmentaja: Kaisa Mäkelä" in card
    assert buttons((await h.bot_messages(MATTI))[-1]) == []


async def test_long_lists_are_paged(school: Harness) -> None:
    h = school
    from bot.services.admin import school as admin

    for n in range(1, 13):
        await admin.create_group(h.rt.svc.unit("test"), f"RYH{n:02d}", None)
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Ryhmät ja opiskelijat")
    first = buttons((await h.bot_messages(KAISA))[-1])
    assert first[:2] == ["RYH01", "RYH02"]
    assert "▶️" in first
    assert "SÄH23A" not in first
    await h.press(KAISA, "▶️")
    second = buttons((await h.bot_messages(KAISA))[-1])
    assert "◀️" in second
    assert "SÄH23A" in second
    assert "RYH01" not in second
    await h.press(KAISA, "SÄH23A")
    assert "SÄH23A – mukana 3" in await last_text(h, KAISA)
