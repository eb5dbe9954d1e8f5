"""A school for the benchmarks, seeded through the same people services enrolment uses.

Students have no quiet hours, so a benchmark run at night still sends at once. Each group has
a weekly check-in schedule that is never due on its own (it starts next year): the harness
runs its rounds explicitly, through the rounds service.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import aiohttp

from bench.procs import TOKEN
from bot.clock import SystemClock
from bot.services import people
from bot.standin.client import StandinClient
from bot.storage.db import Database, Tx

FLOW = "viikkokysely"
FIRST_STUDENT_ID = 100_000
FIRST_NAMES = ("Aino", "Eetu", "Helmi", "Onni", "Venla", "Leo", "Iida", "Elias", "Sofia", "Väinö")


@dataclass(frozen=True)
class School:
    groups: dict[str, list[int]]  # group name -> students' Telegram user ids

    @property
    def students(self) -> list[int]:
        return [uid for ids in self.groups.values() for uid in ids]


async def seed_school(path: Path, group_sizes: dict[str, int]) -> School:
    """Groups of students (each with a coach and a schedule for the weekly check-in)."""
    try:
        from bot.scheduling import store
    except ImportError:  # schedules belong to another feature; rounds fall back without them
        store = None  # type: ignore[assignment]
    clock = SystemClock()
    now = clock.now()
    db = await Database.open(path)
    groups: dict[str, list[int]] = {}
    next_id = FIRST_STUDENT_ID

    async def work(tx: Tx) -> None:
        nonlocal next_id
        for n, (name, size) in enumerate(group_sizes.items()):
            group_id = await people.create_group(tx, now, name)
            coach = await people.create_person(
                tx, now, f"Valmentaja {n}", roles=("coach",), tg_user_id=10_000 + n
            )
            ids = groups.setdefault(name, [])
            for _ in range(size):
                uid = next_id
                next_id += 1
                person_id = await people.create_person(
                    tx, now, f"{FIRST_NAMES[uid % 10]} Opiskelija{uid}", tg_user_id=uid
                )
                await people.add_student(
                    tx, now, person_id, group_id=group_id, coach_id=coach, active=True
                )
                ids.append(uid)
            if store is not None:
                await store.add_schedule(
                    tx,
                    now,
                    group_id=group_id,
                    flow_id=FLOW,
                    weekdays=[0],
                    at_time="09:00",
                    starts_on=(now + timedelta(days=366)).date(),
                )
        await tx.execute("UPDATE students SET quiet_start = '00:00', quiet_end = '00:00'")

    try:
        await db.transaction(work)
    finally:
        await db.close()
    return School(groups)


async def meet_bot(client: StandinClient, base: str, user_ids: list[int]) -> None:
    """Every student has talked to the bot before (so it may write to them); the /start
    updates this leaves are confirmed away, as a long-running bot would have done."""
    limit = asyncio.Semaphore(50)

    async def one(uid: int) -> None:
        async with limit:
            await client.create_user(uid, FIRST_NAMES[uid % 10], language_code="fi")
            await client.send_text(uid, "/start")

    await asyncio.gather(*(one(uid) for uid in user_ids))
    await drop_pending_updates(client, base)


async def drop_pending_updates(client: StandinClient, base: str) -> None:
    state = await client.state()
    offset = int(state["last_update_id"]) + 1
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{base}/bot{TOKEN}/getUpdates", params={"offset": offset, "timeout": 0}) as r,
    ):
        await r.read()
