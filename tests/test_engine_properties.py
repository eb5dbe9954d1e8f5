"""Property: any sequence of presses (current, stale or forged), typed text and restarts never
crashes, never loses a committed answer, and never leaves two open check-ins of one flow."""

from __future__ import annotations

import asyncio
import json
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.clock import FakeClock
from bot.config import PROJECT_ROOT, load_settings
from bot.i18n import Translator
from bot.services import people
from bot.services.checkins.sessions import CheckinService
from bot.services.container import Services
from bot.services.flows import FlowRegistry
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import CallbackRefused
from bot.services.unit import UnitOfWork
from bot.storage.db import Database
from tests.conftest import START

TG_ID = 1001
FLOWS = ("viikkokysely", "aloituskysely")

action = st.one_of(
    st.tuples(st.just("start"), st.sampled_from(FLOWS)),
    st.tuples(st.just("press"), st.integers(-1, 6), st.integers(0, 3)),
    st.tuples(st.just("forge"), st.integers(-5, 200)),
    st.tuples(st.just("text"), st.sampled_from(["3", "kyllä", "ei", "", "x" * 700, "hei 😀", "9"])),
    st.tuples(st.just("restart")),
)


class World:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.clock = FakeClock(START)
        self.settings = load_settings(_env_file=None, database_path=path)
        self.tr = Translator(PROJECT_ROOT / "locales")
        self.flows, problems = FlowRegistry.load(PROJECT_ROOT / "flows", self.tr)
        assert problems == []

    async def open(self) -> None:
        self.db = await Database.open(self.path)
        self.service = CheckinService(
            Services(self.settings, self.db, self.clock, self.tr, self.flows)
        )

    def unit(self) -> UnitOfWork:
        return self.service.svc.unit("property")

    async def person(self) -> people.Person:
        found = await people.person_by_tg(self.db, TG_ID)
        assert found is not None
        return found

    async def tokens(self) -> list[str]:
        """Button data of every question message ever queued, newest last."""
        rows = await self.db.fetchall("SELECT payload FROM outbox ORDER BY id")
        data = []
        for row in rows:
            for line in json.loads(row["payload"]).get("buttons", []):
                data += [b["data"] for b in line if b.get("data")]
        return data

    async def answers(self) -> dict[tuple[int, str], Any]:
        rows = await self.db.fetchall("SELECT session_id, question_id, value FROM answers")
        return {(r["session_id"], r["question_id"]): r["value"] for r in rows}


async def run(actions: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = World(Path(tmp) / "k.sqlite3")
        await world.open()
        await world.db.transaction(lambda tx: _seed(tx, world.clock.now()))
        seen: dict[tuple[int, str], Any] = {}
        try:
            for step in actions:
                person = await world.person()
                kind = step[0]
                if kind == "start":
                    await world.service.start(world.unit(), person, TG_ID, step[1])
                elif kind in ("press", "forge"):
                    data = await world.tokens()
                    if not data:
                        continue
                    if kind == "press":
                        token = data[-1 - min(step[2], len(data) - 1)].split(".")[0]
                        chosen = f"{token}.{step[1]}"
                    else:
                        chosen = f"{data[-1].split('.')[0]}.{step[1]}"
                    try:
                        callback, index = await callbacks.resolve(
                            world.db, world.clock.now(), TG_ID, chosen
                        )
                        await world.service.press(world.unit(), person, callback, index, TG_ID, 1)
                    except CallbackRefused:
                        pass
                elif kind == "text":
                    await world.service.typed(world.unit(), person, TG_ID, step[1])
                elif kind == "restart":
                    await world.db.close()
                    await world.open()
                now = await world.answers()
                for key, value in seen.items():
                    assert now.get(key) == value, "a committed answer was lost or changed"
                seen = now
                open_per_flow = await world.db.fetchall(
                    "SELECT flow_id, COUNT(*) AS n FROM sessions WHERE status = 'open'"
                    " GROUP BY flow_id"
                )
                assert all(row["n"] == 1 for row in open_per_flow)
        finally:
            await world.db.close()


async def _seed(tx: Any, now: datetime) -> None:
    person_id = await people.create_person(tx, now, "Aino Laine", tg_user_id=TG_ID)
    await people.add_student(tx, now, person_id, group_id=None, coach_id=None, active=True)


@settings(suppress_health_check=[HealthCheck.too_slow])  # examples: the profile in conftest
@given(st.lists(action, max_size=25))
def test_any_sequence_of_inputs_keeps_answers_and_one_open_check_in(
    actions: list[tuple[Any, ...]],
) -> None:
    asyncio.run(run(actions))


def test_the_property_driver_really_answers() -> None:
    """Guards the property above against passing vacuously: presses do store answers."""

    async def scenario() -> int:
        with tempfile.TemporaryDirectory() as tmp:
            world = World(Path(tmp) / "k.sqlite3")
            await world.open()
            try:
                await world.db.transaction(lambda tx: _seed(tx, world.clock.now()))
                person = await world.person()
                await world.service.start(world.unit(), person, TG_ID, "viikkokysely")
                for index in (4, 3):
                    data = (await world.tokens())[-1].split(".")[0]
                    callback, _ = await callbacks.resolve(
                        world.db, world.clock.now(), TG_ID, f"{data}.{index}"
                    )
                    await world.service.press(world.unit(), person, callback, index, TG_ID, 1)
                await world.service.typed(world.unit(), person, TG_ID, "3")
                return len(await world.answers())
            finally:
                await world.db.close()

    assert asyncio.run(scenario()) == 3
