"""A flow edited while students are mid-check-in: open sessions keep their version; a session
whose version can no longer be found ends kindly; nothing crashes."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FakeClock
from bot.config import PROJECT_ROOT
from bot.harness import Harness
from bot.services.demo import DEMO_PERSONAS, seed_demo
from tests.conftest import AINO

SHORT_V2 = """\
flow: viikkokysely
version: 4
kind: checkin
title: flow-viikkokysely
first: jaksaminen
questions:
  jaksaminen: {text: q-viikko-jaksaminen, type: scale5, scale: mood, measures: wellbeing}
transitions:
  - {from: jaksaminen, to: end}
on_crisis: {closing: checkin-close-after-crisis}
closing:
  - {text: close-viikko}
"""


@pytest.fixture
async def editable(tmp_path: Path, clock: FakeClock) -> AsyncIterator[tuple[Harness, Path]]:
    flows = tmp_path / "flows"
    shutil.copytree(PROJECT_ROOT / "flows", flows)
    h = Harness(tmp_path / "k.sqlite3", clock=clock, settings={"flows_dir": flows})
    await h.start()
    await seed_demo(h.rt.db, clock.now())
    for p in DEMO_PERSONAS:
        await h.client.create_user(p.tg_user_id, p.name.split()[0])
    try:
        yield h, flows
    finally:
        await h.stop()


async def test_open_check_in_keeps_its_version_after_the_flow_changes(
    editable: tuple[Harness, Path],
) -> None:
    h, flows = editable
    await h.say(AINO, "/kuulumiset")
    await h.press(AINO, "Tosi hyvä")
    assert "Miten opiskelu on sujunut" in await h.last_text(AINO)

    (flows / "viikkokysely.yaml").write_text(SHORT_V2, encoding="utf-8")
    await h.restart()
    await h.say(AINO, "4")  # still version 3: opinnot is answered, poissaolot comes next
    assert "tunteja väliin" in await h.last_text(AINO)
    versions = await h.rt.db.fetchall("SELECT flow_version, status FROM sessions")
    assert [tuple(v) for v in versions] == [(3, "open")]

    for _ in range(6):
        await h.press(AINO, "Ohita")
    assert (await h.rt.db.fetchval("SELECT status FROM sessions")) == "completed"
    await h.say(AINO, "/kuulumiset")  # a new check-in uses version 4
    await h.press(AINO, "Hyvä")
    rows = await h.rt.db.fetchall("SELECT flow_version, status FROM sessions ORDER BY id")
    assert [tuple(r) for r in rows] == [(3, "completed"), (4, "completed")]


async def test_a_session_whose_version_is_gone_ends_kindly(
    editable: tuple[Harness, Path],
) -> None:
    h, flows = editable
    await h.say(AINO, "/kuulumiset")
    await h.press(AINO, "Hyvä")
    (flows / "viikkokysely.yaml").write_text(SHORT_V2, encoding="utf-8")
    await h.rt.db.transaction(
        lambda tx: tx.execute("DELETE FROM flow_versions WHERE flow_id = 'viikkokysely'")
    )
    await h.restart()  # stores version 4 only; version 3's source is gone
    await h.say(AINO, "3")
    assert "Kysely on päivittynyt" in await h.last_text(AINO)
    assert await h.rt.db.fetchval("SELECT status FROM sessions") == "superseded"
    # (a long poll cut off by the restart answers 409 to nobody; only the bot's sends matter)
    refused = [r for r in await h.client.requests() if r["status"] != 200]
    assert [r for r in refused if r["method"] != "getUpdates"] == []
