"""Hostile names — markup, entities, Markdown characters, right-to-left overrides, 5,000
characters — render literally everywhere a name is shown, and never break a message: the
stand-in parses every HTML message as Telegram does and refuses what Telegram would refuse."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from bot.clock import FakeClock
from bot.harness import Harness
from tests.conftest import KAISA, MATTI
from tests.support import (
    COORD,
    buttons,
    cli,
    csv_rows,
    documents,
    import_pasted,
    join,
    last_text,
    refused,
    texts,
    token_in,
)

HOSTILE = [
    "<b>Bold</b> Kid",
    "&<3 Heart &copy &",
    "_*[ Mark ](x)",
    "\u202eevil\u202c Name",
    "Z" * 5000,
]
BOLD, HEART, MARK, RTL, LONG = 7001, 7002, 7003, 7004, 7005


async def test_hostile_names_render_literally_everywhere(
    school: Harness, clock: FakeClock, tmp_path: Path
) -> None:
    h = school
    for tg in (MATTI, KAISA):
        await h.say(tg, "/start")
    # A coach with a hostile name, invited in Telegram.
    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Kutsu omavalmentaja")
    await h.say(KAISA, "<i>Coach</i> & <Co>")
    assert "Kutsulinkki: <i>Coach</i> & <Co> (omavalmentaja)" in await last_text(h, KAISA)
    await h.client.create_user(8001, "Coach")
    await join(h, 8001, token_in(await last_text(h, KAISA)))

    roster = "\n".join(
        f"{name};<i>G</i>&1;{'<i>Coach</i> & <Co>' if n % 2 else 'Matti Virtanen'}"
        for n, name in enumerate(HOSTILE)
    )
    # A 5,000-character line does not fit in one Telegram message: it comes from a file.
    source, out = tmp_path / "roster.csv", tmp_path / "links.csv"
    source.write_text(roster, encoding="utf-8")
    code, _, err = await cli(h, clock, "import-roster", str(source), "--out", str(out))
    assert code == 0, err
    assert "shortened on lines: 5" in err
    rows = [
        {"nimi": r["name"], "ryhmä": r["group"], "linkki": r["link"]}
        for r in csv_rows(out.read_bytes())
    ]
    names = [r["nimi"] for r in rows]
    assert names[:4] == HOSTILE[:4]
    assert len(names[4]) == 80
    assert names[4].endswith("…")
    assert rows[0]["ryhmä"] == "<i>G</i>&1"
    stored = await h.rt.db.fetchval("SELECT MAX(LENGTH(display_name)) FROM persons")
    assert stored == 80

    for tg, row in zip((BOLD, HEART, MARK, RTL, LONG), rows, strict=True):
        await h.client.create_user(tg, "Opiskelija")
        await h.say(tg, f"/start {token_in(row['linkki'])}")
        await h.press(tg, "Suomi")
        consent = await last_text(h, tg)
        assert f"Hei {row['nimi'].split(' ')[0]}!" in consent
        assert ("<i>Coach</i> & <Co>" in consent) or ("Matti Virtanen" in consent)
        assert "(<i>G</i>&1)" in consent
        await h.press(tg, "Hyväksyn")
        assert "Tervetuloa mukaan" in await last_text(h, tg)

    await h.say(MATTI, "/opiskelijat")
    listing = await last_text(h, MATTI)
    assert "<i>G</i>&1" in listing
    for name in (HOSTILE[0], HOSTILE[2], names[4]):
        assert name in listing
    labels = buttons((await h.bot_messages(MATTI))[-1])
    assert all(len(label) <= 40 for label in labels)
    await h.press(MATTI, "<b>Bold</b> Kid")
    assert "<b>Bold</b> Kid" in await last_text(h, MATTI)

    await h.say(8001, "/opiskelijat")
    assert HOSTILE[1] in await last_text(h, 8001)
    assert HOSTILE[3] in await last_text(h, 8001)

    await h.say(KAISA, "/hallinta")
    await h.press(KAISA, "Ryhmät ja opiskelijat")
    await h.press(KAISA, "<i>G</i>&1")
    view = await last_text(h, KAISA)
    assert "<i>G</i>&1 – mukana 5" in view
    assert HOSTILE[1] in view

    await h.say(BOLD, "/omat_tiedot")
    assert "Nimi: <b>Bold</b> Kid" in await last_text(h, BOLD)
    await h.say(BOLD, "/vie")
    ((_, data),) = await documents(h, BOLD)
    assert json.loads(data)["tables"]["persons"][0]["display_name"] == HOSTILE[0]
    await h.say(HEART, "/tauko")
    await h.press(HEART, "1 viikko")
    assert f"{HOSTILE[1]} (<i>G</i>&1) pitää tauon" in await last_text(h, 8001)
    await h.say(RTL, "/poista")
    await h.press(RTL, "Kyllä, poista kaikki")
    assert f"{HOSTILE[3]} (<i>G</i>&1) lähti Kohtaamosta" in await last_text(h, 8001)
    # Pasted in Telegram, a long name is clipped the same way.
    await import_pasted(h, KAISA, "Y" * 4000 + ";<i>G</i>&1;Matti Virtanen")
    assert "Liian pitkät nimet lyhennettiin riveillä: 1" in "\n".join(await texts(h, KAISA))
    assert len(csv_rows((await documents(h, KAISA))[-2][1])[0]["nimi"]) == 80
    await h.advance(timedelta(minutes=1))
    assert await refused(h) == []


async def test_a_hostile_telegram_name_becomes_a_safe_coordinator_name(
    harness: Harness, clock: FakeClock
) -> None:
    h = harness
    await h.client.create_user(COORD, "<b>&" + "x" * 60, last_name="_*[" + "y" * 61)
    code, out, _ = await cli(h, clock, "invite-coordinator")
    assert code == 0
    await join(h, COORD, token_in(out))
    assert "Tervetuloa, <b>&" in await last_text(h, COORD)
    name = await h.rt.db.fetchval("SELECT display_name FROM persons WHERE tg_user_id = ?", (COORD,))
    assert name.startswith("<b>&x")
    assert len(name) == 80
    await h.say(COORD, "/hallinta")
    await h.press(COORD, "Henkilökunta")
    assert "<b>&x" in await last_text(h, COORD)
    assert await refused(h) == []
