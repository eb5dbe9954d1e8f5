"""What the tests share, in one place: no test module imports from another (conftest holds the
fixtures and the demo school's people).

- waiting (`eventually`) and the bot as its own process (`BotProcess`, killed with SIGKILL at
  a moment of a test's choosing — a real crash, not a polite stop);
- reading back what the bot sent (`texts`, `buttons`, `keyboard`, `inbox`, `last` …);
- the people, enrolment and escalation steps the end-to-end tests repeat;
- crafted report data written straight into the tables (`students`, `checkin`, `cue`, …);
- check-in rounds on the fake clock (`at`, `advance_to`, `restart`, `hard_kill` …);
- the webhook's raw HTTP side (`post`, `update`, `free_port`)."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import inspect
import io
import json
import os
import random
import re
import signal
import socket
import sqlite3
import sys
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

import aiohttp

from bot import admin_cli
from bot.cli import build_parser
from bot.clock import FakeClock, to_db
from bot.config import PROJECT_ROOT, load_settings
from bot.harness import STANDIN_TOKEN, Harness
from bot.i18n import Translator
from bot.reports.anonymity import Key, Table
from bot.scheduling import store
from bot.scheduling.due import Schedule
from bot.services import people
from bot.services.checkins.rounds import RoundService
from bot.services.container import Services
from bot.services.demo import DEMO_PERSONAS, seed_demo
from bot.services.flows import FlowRegistry
from bot.standin.server import StandinServer
from bot.storage.db import Database, Tx
from bot.telegram.runtime import RateLimits
from tests.conftest import AINO, EETU, KAISA, LINNEA, MATTI, SANNA, START, helsinki, moved

ROOT = Path(__file__).resolve().parent.parent
RUNNING = "Kohtaamo is running as"


async def eventually(
    check: Callable[[], Awaitable[object]] | Callable[[], object],
    timeout: float = 30.0,
    what: str = "condition",
    *,
    every: float = 0.02,
) -> None:
    """Wait for a condition (never a fixed sleep); fail with `what` if it does not come.

    The condition is state another component holds (the database, the stand-in, a process),
    with no event to wait on, so it is polled: every `every` seconds, 0 for each turn of the
    event loop. `check` may be a plain or an async function; its result is read as a bool."""

    async def holds() -> bool:
        result = check()
        return bool(await result if inspect.isawaitable(result) else result)

    try:
        async with asyncio.timeout(timeout):
            while not await holds():  # noqa: ASYNC110 -- no event to wait on (see above)
                await asyncio.sleep(every)
    except TimeoutError:
        raise AssertionError(f"timed out waiting for {what}") from None


class BotProcess:
    """`kohtaamo run` on `database`, talking to `server`; its log goes to `log_path`."""

    def __init__(
        self,
        server: StandinServer,
        database: Path,
        log_path: Path,
        **settings: str,
    ) -> None:
        self.server = server
        self.database = database
        self.log_path = log_path
        self.settings = settings
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "PYTHONUNBUFFERED": "1",
            "TELEGRAM_BOT_TOKEN": STANDIN_TOKEN,
            "BOT_API_BASE_URL": self.server.base_url,
            "BOT_API_FILE_URL": self.server.base_file_url,
            "DATABASE_PATH": str(self.database),
            "LOG_LEVEL": "INFO",
            **self.settings,
        }

    async def start(self, *, wait: bool = True, timeout: float = 60.0) -> None:
        with self.log_path.open("ab") as log:
            log.write(f"--- start {self.starts + 1}\n".encode())
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "run",
                cwd=ROOT,
                env=self.env(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        self.starts += 1
        if wait:
            await self.wait_running(timeout)

    async def wait_running(self, timeout: float = 60.0) -> None:
        """Until this start has logged that it runs (it polls from then on)."""

        async def running() -> bool:
            assert self.process is not None
            if self.process.returncode is not None:
                raise AssertionError(f"the bot exited ({self.process.returncode}): {self.tail()}")
            return self.log_text().count(RUNNING) >= self.starts

        await eventually(running, timeout, "the bot to start")

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed — as a power cut would leave it."""
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGKILL)

    async def wait_dead(self) -> None:
        if self.process is not None:
            await self.process.wait()

    async def stop(self, timeout: float = 20.0) -> int | None:
        if self.process is None:
            return None
        if self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(timeout):
                    await self.process.wait()
            except TimeoutError:
                self.kill()
                await self.process.wait()
        return self.process.returncode

    def tail(self, lines: int = 30) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


@contextlib.contextmanager
def database_held_busy(database: Path) -> Iterator[sqlite3.Connection]:
    """Another process-like writer holds the database's write lock: every write of the bot
    waits (and, after its busy timeout, fails) until the block ends."""
    conn = sqlite3.connect(database, isolation_level=None, timeout=30)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        conn.close()


def requests_since(server: StandinServer, start: int, method: str) -> list[dict[str, Any]]:
    wanted = method.lower()
    return [e for e in server.log.entries()[start:] if e["method"].lower() == wanted]


# -- admin, contact log, delivery ----------------------------------------------------------


async def last_csv(h: Harness, tg: int) -> list[dict[str, str]]:
    csvs = [data for name, data in await documents(h, tg) if name.endswith(".csv")]
    return csv_rows(csvs[-1])


async def log_contact(
    h: Harness,
    coach: int,
    *,
    how: str = "Puhelimessa",
    tried: str | None = None,
    note: str | None = "Sovittiin, että Eetu tulee maanantaina työpajalle.",
    then: str = "Sovitaan seuranta",
    when: str = "päivän päästä",
    reason: str = "Ohjattu kuraattorille",
) -> None:
    """The guided contact-log dialog, answered by buttons and typing. `tried`: the student
    was not reached, and this is how the coach tried."""
    if "Milloin olit yhteydessä" in await h.last_text(coach):  # started with /kirjaa
        await h.press(coach, "Tänään")
    if tried is None:
        await h.press(coach, how)
    else:
        await h.press(coach, "Yritin, en tavoittanut")
        await h.press(coach, tried)
    await h.press(coach, then)
    if then == "Sovitaan seuranta":
        await h.press(coach, when)
    elif then == "Tapaus voidaan sulkea":
        await h.press(coach, reason)
    if note is None:
        await h.press(coach, "Ohita")
    else:
        await h.say(coach, note)


@contextlib.asynccontextmanager
async def demo_school(path: Path, clock: FakeClock, *, rate: float) -> AsyncIterator[Harness]:
    """The demo school, chats open, on a harness whose rate limiter does not retry by itself,
    so every flood-control answer reaches the sender's own retry on the fake clock."""
    h = Harness(path, clock=clock, rate_limits=RateLimits(overall_per_second=rate, max_retries=0))
    await h.start()
    try:
        await seed_demo(h.rt.db, clock.now())
        for persona in DEMO_PERSONAS:
            first, last = persona.name.split()
            await h.client.create_user(persona.tg_user_id, first, last_name=last)
        await open_chats(h, *STUDENTS, MATTI, SANNA, KAISA)
        yield h
    finally:
        await h.stop()


# -- enrolment and reading back what the bot sent ------------------------------------------

BOT = "KohtaamoBot"


LINK = re.compile(r"https://t\.me/KohtaamoBot\?start=([A-Za-z0-9_-]+)")


COORD, COACH, STUDENT, OTHER = 5001, 5002, 5003, 5004


async def cli(h: Harness, clock: FakeClock, *argv: str) -> tuple[int, str, str]:
    """Runs `kohtaamo admin …` for real, on the harness's database, at the fake clock's time."""
    args = build_parser().parse_args(
        ["admin", "--database", str(h.database_path), "--bot-username", BOT, *argv]
    )
    out, err = io.StringIO(), io.StringIO()
    code = await asyncio.to_thread(admin_cli.run, args, out, err, clock)
    await h.rt.sender.scan()  # what the command queued, as the running bot's next tick would
    await h.settle()
    return code, out.getvalue(), err.getvalue()


def token_in(text: str) -> str:
    match = LINK.search(text)
    assert match, f"no invite link in {text!r}"
    return match.group(1)


def buttons(message: dict[str, Any]) -> list[str]:
    markup = message.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


async def texts(h: Harness, chat_id: int) -> list[str]:
    return [str(m.get("text") or m.get("caption") or "") for m in await h.bot_messages(chat_id)]


async def last_text(h: Harness, chat_id: int) -> str:
    return (await texts(h, chat_id))[-1]


async def documents(h: Harness, chat_id: int) -> list[tuple[str, bytes]]:
    found = []
    for m in await h.bot_messages(chat_id):
        if "document" in m:
            doc = m["document"]
            found.append((doc["file_name"], await h.client.file(doc["file_id"])))
    return found


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


async def refused(h: Harness) -> list[dict[str, Any]]:
    """Bot API calls Telegram refused (a restart's overlapping getUpdates aside)."""
    return [
        r for r in await h.client.requests() if r["status"] != 200 and r["method"] != "getUpdates"
    ]


async def join(h: Harness, user_id: int, token: str, language: str = "Suomi") -> None:
    """Open the link, pick the language, accept."""
    await h.say(user_id, f"/start {token}")
    await h.press(user_id, language)
    accept = next(b for b in buttons((await h.bot_messages(user_id))[-1]) if "✅" in b)
    await h.press(user_id, accept)


async def import_pasted(h: Harness, user_id: int, *chunks: str, relink: bool = False) -> str:
    """The coordinator pastes a roster (possibly in several messages), checks and imports."""
    await h.say(user_id, "/hallinta")
    await h.press(user_id, "Tuo opiskelijalista")
    for chunk in chunks:
        await h.say(user_id, chunk)
    await h.press(user_id, "Tarkista")
    await h.press(user_id, "Tuo ja tee" if relink else "✅ Tuo")
    return await last_text(h, user_id)


# -- escalation ----------------------------------------------------------------------------

OLLI = 2004  # a second coach, for hand-over


async def inbox(h: Harness, user: int) -> list[dict[str, Any]]:
    """What the bot sent a staff member after their /start greeting."""
    return (await h.bot_messages(user))[1:]


async def add_staff(h: Harness, tg: int, name: str, role: str, language: str = "fi") -> int:
    now = h.rt.clock.now()

    async def work(tx: Tx) -> int:
        return await people.create_person(
            tx, now, name, roles=(role,), language=language, tg_user_id=tg
        )

    person_id = await h.rt.db.transaction(work)
    first, last = name.split()
    await h.client.create_user(tg, first, last_name=last)
    await h.say(tg, "/start")
    return person_id


async def weekly(
    h: Harness,
    user: int,
    *,
    mood: str = "Hyvä",
    studies: str = "Hyvin",
    absences: str = "Ei jäänyt",
    quitting: str = "Ei",
    talk: str | None = "Ei",
    text: str | None = None,
) -> None:
    """One weekly check-in in Finnish, by buttons (this week's rotating items answered
    neutrally: they raise nothing)."""
    await h.checkin(
        user,
        {
            "jaksaminen": mood,
            "tuki": "Pärjään itse",
            "opinnot": studies,
            "poissaolot": absences,
            "merkitys": "Tärkeää",
            "ryhma": "Joskus",
            "aikuinen": "Kyllä",
            "yksinaisyys": "Harvoin",
            "arki": ["Ei mikään näistä"],
            "alanvaihto": "Ei",
            "ajatukset": quitting,
            "jutellaanko": talk,
            "vapaa": text,
        },
    )


async def person_id(h: Harness, tg: int) -> int:
    person = await people.person_by_tg(h.rt.db, tg)
    assert person is not None
    return person.id


async def concerns(h: Harness) -> list[dict[str, Any]]:
    rows = await h.rt.db.fetchall("SELECT * FROM concerns ORDER BY id")
    return [dict(r) for r in rows]


# -- peer groups ---------------------------------------------------------------------------

CHAT = -4001


async def make_chat(h: Harness, chat_id: int = CHAT) -> None:
    await h.say(SANNA, "/start")  # the group coach has a private chat with the bot
    await h.client.create_group(chat_id, "SÄH23A porukka")
    for user in (SANNA, AINO, EETU, LINNEA):
        await h.client.add_member(chat_id, user)
    await h.client.add_bot(chat_id, SANNA)
    await h.settle()


async def link(h: Harness, chat_id: int = CHAT) -> None:
    await make_chat(h, chat_id)
    await h.say(SANNA, "/liita", chat_id=chat_id)
    await h.press(SANNA, "SÄH23A")


# -- reports: crafted data -----------------------------------------------------------------

REPORT_START = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # Mon 23.11.2026 10:00 in Helsinki


REPORT_WEEK44 = datetime(2026, 10, 26, 8, 0, tzinfo=UTC)  # Mon 26.10. 10:00 local (after DST)


FREE_TEXTS = ("Mua kiusataan, Pekka lyö", "Soitin äidille", "Pekka muutti Ouluun", "<b>puhelimeen")


def week(n: int, hours: float = 0) -> datetime:
    return REPORT_WEEK44 + timedelta(weeks=n, hours=hours)


async def seed_school(svc: Services) -> dict[str, list[int]]:
    db, now = svc.db, svc.clock.now()
    s = await students(db, now, "SÄH23A", 15)
    ict = await students(db, now, "ICT24B", 6)
    for i, sid in enumerate(s):
        if i < 3:
            values = [3, 2, 4, 4, 4]
        elif i in (6, 7):
            values = [3, 2, 2, 2, 2]
        elif i == 9:
            values = [2, 1, 1, 1, 1]
        else:
            values = [4, 4, 4, 4, 4]
        for n, value in enumerate(values):
            everyday = (["raha"] if i < 6 else ["kaikki_hyvin"]) if n == 1 else None
            text = FREE_TEXTS[0] if (i == 0 and n == 1) else None
            await checkin(
                db, sid, week(n - 1), {"wellbeing": value}, everyday=everyday, free_text=text
            )
        if i < 5:
            await checkin(db, sid, week(0, 1), status="expired", flow="aloituskysely")
    for sid in ict:
        for n in range(4):
            await checkin(db, sid, week(n), {"wellbeing": 5})

    # Cues: loneliness for three, a negated one (not counted), money and crisis for one each.
    for sid in s[:3]:
        await cue(db, sid, week(1, 2), "loneliness")
    await cue(db, s[3], week(1, 2), "loneliness", negated=True)
    await cue(db, s[4], week(1, 2), "money")
    await cue(db, s[9], week(1, 2), "crisis")

    # Concerns, all created Mon 26.10. 14:00 local (after that day's answers): the first
    # Monday after the autumn break, and for s0–s2 the third week of their studies.
    t0 = week(0, 4)
    await db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO school_breaks (name, starts_on, ends_on) VALUES (?,?,?)",
            ("syysloma", "2026-10-19", "2026-10-23"),
        )
    )
    for sid in s[:3]:
        await db.transaction(
            lambda tx, sid=sid: tx.execute(
                "UPDATE students SET study_started_on = '2026-10-12' WHERE person_id = ?", (sid,)
            )
        )

    def h(hours: float) -> datetime:
        return t0 + timedelta(hours=hours)

    plan = {  # level, ack h, first contact h (None: none), logged contact h, closed h, reason
        0: ("concern", 1, 24, None, 72, "tavoitettu"),
        1: ("concern", 2, 12, None, 72, "tavoitettu"),
        2: ("concern", 3, 48, None, 72, "tavoitettu"),
        3: ("concern", 4, None, None, 48, "Soitin äidille, kaikki ok"),
        4: ("concern", 5, None, None, 48, "Pekka muutti Ouluun"),
        5: ("concern", 6, None, None, None, None),
        6: ("urgent", 7, 6, None, 96, "ohjattu_kuraattori"),
        7: ("urgent", 8, None, 30, 96, "ohjattu_kuraattori"),
        8: ("urgent", 9, None, None, 48, "Ei vastannut <b>puhelimeen</b>"),
        9: ("crisis", 10, 72, None, 120, "ohjattu_kuraattori"),
        10: ("crisis", 11, None, None, None, None),
        11: ("crisis", 30, None, None, None, None),
    }
    for i, (level, ack, contact, logged, closed, reason) in plan.items():
        await concern(
            db,
            s[i],
            level,
            t0,
            acknowledged=h(ack),
            first_contact=h(contact) if contact is not None else None,
            logged_contact=h(logged) if logged is not None else None,
            closed=h(closed) if closed is not None else None,
            reason=reason,
        )
    for i in (12, 13, 14):
        await concern(db, s[i], "info", t0, measure=None)
    for i in (5, 10, 11):  # three who had a concern have left their studies
        await db.transaction(
            lambda tx, sid=s[i]: tx.execute(
                "UPDATE students SET status = 'left' WHERE person_id = ?", (sid,)
            )
        )
    return {"sah": s, "ict": ict}


K = 5


def solvable(table: Table) -> set[Key]:
    """Cells whose value an attacker can pin down exactly from every shown value and every
    published sum — solving all of them at once over the rationals (reduced row echelon form):
    a stronger attacker than a chain of single subtractions, written independently of the
    production code (which works over a prime field)."""
    unknown = sorted(key for key, cell in table.cells.items() if not cell.shown)
    index = {key: i for i, key in enumerate(unknown)}
    equations: list[dict[int, Fraction]] = []
    for relation in table.relations:
        row: dict[int, Fraction] = {}
        for member, sign in ((relation.total, 1), *((p, -1) for p in relation.parts)):
            if member in index:  # a shown member only moves the constant
                row[index[member]] = row.get(index[member], Fraction(0)) + sign
        row = {c: v for c, v in row.items() if v}
        if row:
            equations.append(row)
    # Gauss–Jordan elimination on sparse rows.
    pivots: dict[int, dict[int, Fraction]] = {}
    for row in equations:
        for col, prow in pivots.items():
            if col in row:
                factor = row[col]
                for c, v in prow.items():
                    row[c] = row.get(c, Fraction(0)) - factor * v
                row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        col = min(row)
        row = {c: v / row[col] for c, v in row.items()}
        for other_col, prow in list(pivots.items()):
            if col in prow:
                factor = prow[col]
                merged = {
                    c: prow.get(c, Fraction(0)) - factor * row.get(c, Fraction(0))
                    for c in set(prow) | set(row)
                }
                pivots[other_col] = {c: v for c, v in merged.items() if v}
        pivots[col] = row
    # In reduced form a variable is determined when its pivot row has no other column.
    return {unknown[col] for col, row in pivots.items() if set(row) == {col}}


def exposed(table: Table, k: int = K) -> list[Key]:
    """Small cells a full linear attacker can solve."""
    return sorted(key for key in solvable(table) if table.cells[key].small(k))


WEEK44 = START - timedelta(weeks=4)  # the Monday four weeks before the harness starts


async def seed(h: Harness) -> dict[str, list[int]]:
    """SÄH23A: the three demo students and seven more; ICT24B: six students. Four weekly
    check-ins each in the four weeks before Mon 23.11.; five of SÄH23A missed the last one.

    (Ten in SÄH23A, not eight: a report is made of published weeks, and a period's number is
    shown only when every week's is — with eight, the last week's three answers would hide
    SÄH23A's four-week rate and mean, see test_report_differencing.py.)"""
    db, now = h.rt.db, h.rt.clock.now()
    demo = [
        p.id
        for p in [await people.person_by_tg(db, tg) for tg in (AINO, EETU, LINNEA)]
        if p is not None
    ]
    sah = demo + await students(db, now, "SÄH23A", 7)
    ict = await students(db, now, "ICT24B", 6)
    for n in range(4):
        at = WEEK44 + timedelta(weeks=n)
        for i, sid in enumerate(sah):
            missed = i < 5 and n == 3
            await checkin(
                db,
                sid,
                at,
                None if missed else {"wellbeing": 2 if i < 4 else 4, "belonging": 3},
                status="expired" if missed else "completed",
                free_text=None if missed else "En jaksa, Pekka kiusaa",
            )
        for sid in ict:
            await checkin(db, sid, at, {"wellbeing": 5, "belonging": 4})
    for sid in sah[:5]:
        await cue(db, sid, WEEK44 + timedelta(days=2), "loneliness")
    await concern(db, sah[0], "crisis", WEEK44 + timedelta(hours=3), acknowledged=WEEK44)
    return {"sah": sah, "ict": ict}


async def report_messages(h: Harness, user: int, since: int) -> list[dict[str, Any]]:
    return (await h.bot_messages(user))[since:]


# Question ids of the weekly check-in, by measure.
QUESTION = {
    "wellbeing": "jaksaminen",
    "studies": "opinnot",
    "belonging": "ryhma",
    "absence": "poissaolot",
    "quitting": "ajatukset",
    "everyday": "arki",
}


_counter = iter(range(1, 10**9))


async def services(path: Path, clock: FakeClock) -> Services:
    """The bot's services without Telegram, on a fresh database."""
    settings = load_settings(telegram_bot_token="1:x", database_path=path)
    db = await Database.open(path)
    tr = Translator(PROJECT_ROOT / "locales")
    flows, problems = FlowRegistry.load(PROJECT_ROOT / "flows", tr)
    assert problems == []
    await flows.sync(db, clock.now())
    return Services(settings, db, clock, tr, flows)


async def students(
    db: Database,
    now: datetime,
    group: str | None,
    count: int,
    *,
    prefix: str = "Opiskelija",
    status: str = "active",
) -> list[int]:
    async def work(tx: Tx) -> list[int]:
        group_id = await people.create_group(tx, now, group) if group else None
        ids = []
        for _ in range(count):
            pid = await people.create_person(tx, now, f"{prefix} {next(_counter)}")
            await people.add_student(tx, now, pid, group_id=group_id, coach_id=None, active=True)
            if status != "active":
                await tx.execute(
                    "UPDATE students SET status = ? WHERE person_id = ?", (status, pid)
                )
            ids.append(pid)
        return ids

    return await db.transaction(work)


async def checkin(
    db: Database,
    student: int,
    at: datetime,
    scores: dict[str, float | None] | None = None,
    *,
    status: str = "completed",
    flow: str = "viikkokysely",
    everyday: list[str] | None = None,
    free_text: str | None = None,
) -> int:
    """One check-in session with its answers (score per measure; options for `arki`)."""

    async def work(tx: Tx) -> int:
        session = await tx.execute(
            "INSERT INTO sessions (person_id, flow_id, flow_version, period_key, state, status,"
            " started_at, updated_at, finished_at) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                student,
                flow,
                1,
                f"seed-{next(_counter)}",
                "end" if status == "completed" else "jaksaminen",
                status,
                to_db(at),
                to_db(at),
                to_db(at),
            ),
        )
        for measure, score in (scores or {}).items():
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score,"
                " answered_at) VALUES (?,?,?,?,?,?)",
                (session, QUESTION[measure], json.dumps(score), measure, score, to_db(at)),
            )
        if everyday is not None:
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score,"
                " answered_at) VALUES (?,?,?,?,?,?)",
                (session, "arki", json.dumps(everyday), "everyday", None, to_db(at)),
            )
        if free_text is not None:
            await tx.execute(
                "INSERT INTO answers (session_id, question_id, value, measure, score,"
                " answered_at) VALUES (?,?,?,?,?,?)",
                (session, "vapaa", json.dumps(free_text), None, None, to_db(at)),
            )
        return session

    return await db.transaction(work)


async def cue(
    db: Database, student: int, at: datetime, category: str, *, negated: bool = False
) -> None:
    await db.transaction(
        lambda tx: tx.execute(
            "INSERT INTO cue_hits (person_id, category, negated, detected_at) VALUES (?,?,?,?)",
            (student, category, int(negated), to_db(at)),
        )
    )


async def concern(
    db: Database,
    student: int,
    level: str,
    created: datetime,
    *,
    measure: str | None = "wellbeing",
    acknowledged: datetime | None = None,
    first_contact: datetime | None = None,
    logged_contact: datetime | None = None,
    closed: datetime | None = None,
    reason: str | None = None,
) -> int:
    async def work(tx: Tx) -> int:
        concern_id = await tx.execute(
            "INSERT INTO concerns (student_id, level, status, measure, created_at, updated_at,"
            " acknowledged_at, first_contact_at, closed_at, closure_reason)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                student,
                level,
                "closed" if closed else "open",
                measure,
                to_db(created),
                to_db(created),
                to_db(acknowledged) if acknowledged else None,
                to_db(first_contact) if first_contact else None,
                to_db(closed) if closed else None,
                reason,
            ),
        )
        if logged_contact is not None:
            await tx.execute(
                "INSERT INTO contacts (concern_id, student_id, contacted_on, channel, note,"
                " created_at) VALUES (?,?,?,?,?,?)",
                (
                    concern_id,
                    student,
                    logged_contact.date().isoformat(),
                    "puhelu",
                    "Äiti kertoi, että poika on ollut sairaana",  # never in a report
                    to_db(logged_contact),
                ),
            )
        return concern_id

    return await db.transaction(work)


# -- check-in rounds on the fake clock -----------------------------------------------------

FIRST_QUESTION = ("Millainen viikko sinulla on ollut?", "Hurdan vecka har du haft?")  # fi, sv


STUDENTS = (AINO, EETU, LINNEA)


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A Helsinki wall-clock moment written in the 2026 calendar (see conftest.moved)."""
    return helsinki(year, month, day, hour, minute)


async def advance_to(h: Harness, moment: datetime) -> None:
    assert isinstance(h.clock, FakeClock)
    await h.advance(moment - h.clock.now())


async def restart(h: Harness, *, at_moment: datetime | None = None) -> None:
    """Stop the bot and start a new one on the same database (optionally after the clock
    moved while it was down). The new instance is told which updates the old one already
    confirmed, so `settle()` does not wait for updates that will never come again."""
    await h.stop_bot()
    if at_moment is not None:
        assert isinstance(h.clock, FakeClock)
        h.clock.set(at_moment)
    await h.start_bot()
    state = await h.client.state()
    processor = h.rt.processor
    processor.highest_update_id = max(processor.highest_update_id, state["confirmed_update_id"])


async def hard_kill(h: Harness) -> None:
    """What `kill -9` does to the running bot: no further send leaves it and no further
    commit lands — whatever Telegram accepted but the database did not yet record stays
    unrecorded. (The rest of the runtime is then shut down so a new one can start.)"""
    db = h.rt.db
    writer = db._worker
    for task in [*h.rt.sender._workers, *([writer] if writer else [])]:
        task.cancel()
    await h.rt.sender.stop(grace=0)
    if writer is not None:
        await asyncio.gather(writer, return_exceptions=True)
        db._worker = None
    while not db._queue.empty():  # units of work that never reached the disk
        _, future = db._queue.get_nowait()
        future.cancel()
        db._queue.task_done()
    if db._writer.in_transaction:
        await db._writer.execute("ROLLBACK")


async def group_id(h: Harness, name: str = "SÄH23A") -> int:
    return int(await h.rt.db.fetchval("SELECT id FROM groups WHERE name = ?", (name,)))


async def add_schedule(h: Harness, **fields: Any) -> Schedule:
    values: dict[str, Any] = {
        "group_id": await group_id(h),
        "flow_id": "viikkokysely",
        "weekdays": (0,),
        "at_time": "09:00",
        "starts_on": moved(date(2026, 11, 23)),
    }
    values.update(fields)
    now = h.rt.clock.now()
    return await h.rt.db.transaction(lambda tx: store.add_schedule(tx, now, **values))


async def open_chats(h: Harness, *user_ids: int) -> None:
    """People start the bot first: Telegram lets a bot write only to those who have."""
    for user_id in user_ids:
        await h.client.send_text(user_id, "/start")
    await h.settle()


async def checkins_received(h: Harness) -> Counter[int]:
    """How many times each chat was sent the first question, from the Bot API log."""
    got: Counter[int] = Counter()
    for entry in await h.client.requests():
        params = entry["params"]
        text = str(params.get("text", ""))
        sent = entry["method"] == "sendMessage" and entry["status"] == 200
        if sent and any(q in text for q in FIRST_QUESTION):
            got[int(params["chat_id"])] += 1
    return got


async def sessions_per_student(h: Harness) -> dict[tuple[int, str], int]:
    rows = await h.rt.db.fetchall(
        "SELECT p.tg_user_id, s.period_key, COUNT(*) AS n FROM sessions s"
        " JOIN persons p ON p.id = s.person_id GROUP BY p.tg_user_id, s.period_key"
    )
    return {(r["tg_user_id"], r["period_key"]): r["n"] for r in rows}


def rounds(h: Harness) -> RoundService:
    service: RoundService = h.rt.features["rounds"]
    return service


async def round_rows(h: Harness) -> list[dict[str, Any]]:
    rows = await h.rt.db.fetchall("SELECT * FROM rounds ORDER BY id")
    return [dict(r) | {"note": json.loads(r["note"] or "{}")} for r in rows]


async def enrol(h: Harness, count: int, *, first_tg: int = 50_000) -> list[int]:
    """`count` more active students in SÄH23A, each with a Telegram account and a chat."""
    gid = await group_id(h)
    now = h.rt.clock.now()
    matti = await h.rt.db.fetchval("SELECT id FROM persons WHERE tg_user_id = ?", (MATTI,))
    ids = [first_tg + n for n in range(count)]

    async def work(tx: Tx) -> None:
        for tg in ids:
            pid = await people.create_person(tx, now, f"Opiskelija{tg} Testi", tg_user_id=tg)
            await people.add_student(tx, now, pid, group_id=gid, coach_id=matti, active=True)

    await h.rt.db.transaction(work)
    for tg in ids:
        await h.client.create_user(tg, f"Opiskelija{tg}")
    await open_chats(h, *ids)
    return ids


async def last(h: Harness, chat_id: int) -> dict[str, Any]:
    return (await h.bot_messages(chat_id))[-1]


async def answer_all(h: Harness, user_id: int) -> None:
    """The student skips through the whole check-in."""
    for _ in range(12):
        await h.press(user_id, "Ohita")
        status = await h.rt.db.fetchval(
            "SELECT s.status FROM sessions s JOIN persons p ON p.id = s.person_id"
            " WHERE p.tg_user_id = ? ORDER BY s.id DESC LIMIT 1",
            (user_id,),
        )
        if status == "completed":
            return
    raise AssertionError("the check-in did not end")


# -- the webhook ---------------------------------------------------------------------------

SECRET = "kohtaamo-test-secret_123"


def free_port() -> int:
    """A port for a server a test starts later. It is taken below the range the kernel hands
    out for outgoing connections: a port from that range (bind to 0) can become some client's
    source port before the server binds it ("Address already in use", seen in CI)."""
    first_ephemeral = 32768
    with contextlib.suppress(OSError, ValueError):
        text = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text(encoding="utf-8")
        first_ephemeral = int(text.split()[0])
    candidates = list(range(10_000, first_ephemeral))
    random.shuffle(candidates)
    for port in candidates[:200]:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:  # nothing free below the range: let the kernel choose
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def update(update_id: int, text: str) -> dict[str, object]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 1_790_000_000,
            "chat": {"id": AINO, "type": "private", "first_name": "Aino"},
            "from": {"id": AINO, "is_bot": False, "first_name": "Aino"},
            "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": len(text)}],
        },
    }


async def post(url: str, body: dict[str, object], secret: str | None) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(url, json=body, headers=headers) as response,
    ):
        return response.status


# -- check-ins -----------------------------------------------------------------------------


def keyboard(message: dict[str, Any]) -> list[dict[str, Any]]:
    markup = message.get("reply_markup") or {}
    return [b for row in markup.get("inline_keyboard", []) for b in row]


async def to_turn(h: Harness, turn: int) -> None:
    """Move to the next week whose rotation turn (ISO week modulo 3) is `turn`."""
    while h.rt.clock.now().isocalendar().week % 3 != turn:
        await h.advance(timedelta(weeks=1))
