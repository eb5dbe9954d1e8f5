"""When the database cannot be written (disk full, read-only): tell people directly, once.

Every reply normally goes through the outbox — a database write — so on a full disk even the
apology could not be sent and a student got no answer at all. Here:

- Whoever writes while the database cannot take writes is told once per outage, with a direct
  Bot API call (no outbox): the message arrived, it will be handled once the fault is fixed,
  and where to get help now.
- Their update is not lost: when the inbox could not store it, it was not confirmed and
  Telegram keeps it; when a handler's write failed, it stays waiting in the inbox. Both are
  handled once writes work again.
- When writes work again, every coordinator gets a note (through the outbox, now that it
  works) with the time the outage began and ended; the log has both too.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError

from bot.clock import to_db
from bot.services import people
from bot.services.container import Outcome
from bot.services.messaging.outbox import PRIORITY_URGENT, OutMessage, enqueue, written
from bot.storage.db import Tx

if TYPE_CHECKING:
    from bot.telegram.runtime import Runtime

log = logging.getLogger(__name__)


class Outage:
    def __init__(self, rt: Runtime) -> None:
        self.rt = rt
        self.since: datetime | None = None
        self.told: set[int] = set()

    @property
    def active(self) -> bool:
        return self.since is not None

    def began(self, exc: BaseException) -> None:
        if self.since is None:
            self.since = self.rt.clock.now()
            log.error("the database cannot be written (%s): people are told directly", exc)

    async def tell(self, updates: list[Update], exc: BaseException) -> None:
        """Each person in a private chat hears it once per outage; groups are not spammed."""
        self.began(exc)
        for update in updates:
            user, chat = update.effective_user, update.effective_chat
            if user is None or chat is None or chat.type != ChatType.PRIVATE or user.is_bot:
                continue
            if chat.id != user.id or user.id in self.told:
                continue
            self.told.add(user.id)
            try:
                lang = await people.language_for(self.rt.db, user.id, user.language_code)
            except Exception:  # reading usually works on a full disk; if not, the default
                lang = user.language_code
            text = self.rt.svc.tr.html(lang, "storage-down")
            try:
                await self.rt.app.bot.send_message(chat.id, text, parse_mode="HTML")
            except TelegramError as err:
                log.warning("could not tell a person about the outage directly: %s", err)

    async def ended(self) -> None:
        """Writes work again: coordinators hear when it began and ended; what waited is
        handled now."""
        if self.since is None:
            return
        since, until = self.since, self.rt.clock.now()
        self.since, self.told = None, set()
        log.warning("the database takes writes again (it could not from %s)", to_db(since))
        tz = self.rt.svc.settings.tz

        async def work(tx: Tx) -> Outcome:
            rows = []
            for r in await people.reachable_coordinators(tx):
                text = self.rt.svc.tr.html(
                    r["language"],
                    "storage-recovered-coordinator",
                    **{"from": f"{since.astimezone(tz):%d.%m. %H:%M}"},
                    to=f"{until.astimezone(tz):%d.%m. %H:%M}",
                )
                row = await enqueue(
                    tx,
                    f"storage-recovered:{to_db(since)}:{r['id']}",
                    OutMessage(r["tg_user_id"], text),
                    now=until,
                    priority=PRIORITY_URGENT,
                    person_id=r["id"],
                )
                rows += written(row)
            return Outcome(rows=rows)

        try:
            await self.rt.db.transaction(work)
        except Exception as exc:  # not over after all
            self.began(exc)
            return
        await self.rt.receiver.resume()
