"""Peer poll totals and results for the group coach.

Poll answers are kept only as totals (`polls.counts` = {"votes": [...], "voters": n}). A
group-chat poll is one Telegram poll whose totals Telegram reports. A poll sent privately goes
out as one Telegram poll per student; each copy is a *ballot*: a row keyed by the copy's
Telegram poll id that points to the group's totals (in `prompt_id`), carries no chat, no person
and no send time, and sits in a random row order. The copy is final (no re-voting), so its one
vote is added to the totals and the ballot deleted — afterwards nothing in the database holds
what anyone answered. Private totals are shown only once enough students have answered.
"""

from __future__ import annotations

import json
import secrets
from datetime import datetime
from typing import Any

from bot.clock import from_db
from bot.config import Settings
from bot.services.audit import audit
from bot.services.container import Outcome
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback
from bot.services.messaging.outbox import Button, OutMessage
from bot.services.peer.groups import UI_TTL, PeerPart, PollResults, Replies, key_range
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

MIN_PRIVATE_VOTERS = 3  # fewer private answers are not shown: one could be told apart
RESULTS_LISTED = 10


def plan_poll_least(settings: Settings) -> int:
    """A welfare plan's poll is shown from this many answers, to everyone who may see it: the
    reports' k (REPORT_MIN_STUDENTS), never fewer than any private poll needs."""
    return max(MIN_PRIVATE_VOTERS, settings.report.min_students)


async def plan_poll_least_for(db: Reads, settings: Settings, totals: str) -> int:
    """The least number of answers a poll's totals are shown from (see plan_poll_least)."""
    dispatch = totals.removeprefix("peer:").split("|")[0]
    if dispatch.startswith("b") and dispatch[1:].isdigit():
        plan = await db.fetchval(
            "SELECT plan_id FROM broadcasts WHERE id = ?", (int(dispatch[1:]),)
        )
        if plan is not None:
            return plan_poll_least(settings)
    return MIN_PRIVATE_VOTERS


async def track_sent_poll(tx: Tx, totals: Any, message_id: int | None, poll_id: str | None) -> None:
    """Sender tracker: a peer poll is out and Telegram gave it an id. Register the ballot; a
    group-chat poll also records its message (to find it in the chat)."""
    if not poll_id or not isinstance(totals, str):
        return
    row = await tx.fetchone(
        "SELECT poll_id, group_id, chat_id, sent_at FROM polls WHERE poll_id = ?", (totals,)
    )
    if row is None:
        return
    if row["chat_id"] is not None:
        await tx.execute("UPDATE polls SET message_id = ? WHERE poll_id = ?", (message_id, totals))
    # A random rowid, so the order ballots were stored in does not follow the send order.
    await tx.execute(
        "INSERT INTO polls (rowid, poll_id, group_id, prompt_id, sent_at, options, counts)"
        " VALUES (?,?,?,?,?,'[]','[]') ON CONFLICT DO NOTHING",
        (secrets.randbits(62), poll_id, row["group_id"], totals, row["sent_at"]),
    )


def poll_state(text: str) -> dict[str, Any]:
    state = json.loads(text or "{}")
    if not isinstance(state, dict):
        state = {"votes": list(state), "voters": 0}
    return {"votes": list(state.get("votes", [])), "voters": int(state.get("voters", 0))}


class PeerPolls(PeerPart):
    # -- poll totals -------------------------------------------------------------------------

    async def poll_update(
        self, unit: UnitOfWork, poll_id: str, votes: list[int], voters: int, closed: bool
    ) -> None:
        """Telegram's new state of a poll we sent. Only totals are kept (module docstring)."""

        async def work(tx: Tx) -> None:
            low, high = key_range("peer:")
            ballot = await tx.fetchval(
                "SELECT prompt_id FROM polls WHERE poll_id = ?"
                " AND prompt_id >= ? AND prompt_id < ?",
                (poll_id, low, high),
            )
            if ballot is None:
                return
            totals = await tx.fetchone(
                "SELECT chat_id, counts FROM polls WHERE poll_id = ?", (ballot,)
            )
            if totals is None:
                await tx.execute("DELETE FROM polls WHERE poll_id = ?", (poll_id,))
                return
            state: dict[str, Any]
            if totals["chat_id"] is not None:
                state = {"votes": list(votes), "voters": voters}
            else:
                if voters == 0:
                    return  # a retracted vote; private copies allow none, so nothing to undo
                state = poll_state(totals["counts"])
                padded = votes + [0] * len(state["votes"])
                state["votes"] = [a + b for a, b in zip(state["votes"], padded, strict=False)]
                state["voters"] += 1
                await tx.execute("DELETE FROM polls WHERE poll_id = ?", (poll_id,))
            await tx.execute(
                "UPDATE polls SET counts = ?, closed = MAX(closed, ?) WHERE poll_id = ?",
                (json.dumps(state), int(closed and totals["chat_id"] is not None), ballot),
            )

        await unit.run(work)

    async def results_list(
        self, unit: UnitOfWork, person: Person, tg_user_id: int, chat_id: int
    ) -> Outcome:
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            text, buttons = await self._results_menu(tx, now, person, tg_user_id)
            await out.add(OutMessage(chat_id, text, buttons=buttons))
            return out.outcome()

        return await unit.run(work)

    async def _results_menu(
        self, tx: Tx, now: datetime, person: Person, tg_user_id: int
    ) -> tuple[str, list[list[Button]]]:
        lang = person.language
        groups = {g.id: g for g in await self.core.managed_groups(tx, person.id)}
        if not groups:
            return self.tr.html(lang, "peer-no-groups"), []
        low, high = key_range("peer:")
        rows = await tx.fetchall(
            "SELECT poll_id, group_id, prompt_id, sent_at FROM polls WHERE poll_id >= ?"
            f" AND poll_id < ? AND group_id IN ({','.join('?' * len(groups))})"
            " ORDER BY sent_at DESC, poll_id DESC LIMIT ?",
            (low, high, *groups, RESULTS_LISTED),
        )
        if not rows:
            return self.tr.html(lang, "peer-results-none"), []
        opts = [f"show:{r['poll_id']}" for r in rows]
        token = await callbacks.issue(tx, now, tg_user_id, PollResults(opts=opts), UI_TTL)
        buttons = []
        for i, r in enumerate(rows):
            day = from_db(r["sent_at"]).astimezone(self.svc.settings.tz)
            question = await self._question(tx, lang, r["poll_id"], r["prompt_id"])
            if len(question) > 40:
                question = question[:39].rstrip() + "…"
            label = f"📊 {day.day}.{day.month}. {groups[r['group_id']].name} · {question}"
            buttons.append([Button(label, callbacks.button_data(token, i))])
        return self.tr.html(lang, "peer-results-choose"), buttons

    async def _question(self, db: Reads, lang: str, totals: str, prompt_id: str) -> str:
        prompt = self.library.get(prompt_id)
        if prompt is not None:
            return str(self.tr.plain(lang, prompt.text))
        dispatch = totals.removeprefix("peer:").split("|")[0]
        if dispatch.startswith("b") and dispatch[1:].isdigit():
            text = await db.fetchval(
                "SELECT text FROM broadcasts WHERE id = ?", (int(dispatch[1:]),)
            )
            content = self.core.content_of(None, text)
            if content is not None and content.poll is not None:
                return content.poll.question
        return prompt_id

    async def results_press(
        self,
        unit: UnitOfWork,
        person: Person,
        tg_user_id: int,
        chat_id: int,
        callback: Callback,
        index: int,
        message_id: int,
    ) -> Outcome:
        kind, _, value = PollResults.of(callback).chosen(index).partition(":")
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            if kind == "list":
                text, buttons = await self._results_menu(tx, now, person, tg_user_id)
                await out.edit(chat_id, message_id, text, buttons)
                return out.outcome()
            shown = await self._result(tx, now, person, tg_user_id, value)
            if shown is None:
                return out.outcome(toast=self.tr.plain(person.language, "peer-not-your-group"))
            await out.edit(chat_id, message_id, *shown)
            return out.outcome(
                toast=self.tr.plain(person.language, "peer-refreshed")
                if kind == "refresh"
                else None
            )

        return await unit.run(work)

    async def results_for(
        self,
        tx: Tx,
        now: datetime,
        out: Replies,
        person: Person,
        tg_user_id: int,
        chat_id: int,
        broadcast_id: int,
    ) -> None:
        low, high = key_range(f"peer:b{broadcast_id}|")
        rows = await tx.fetchall(
            "SELECT poll_id FROM polls WHERE poll_id >= ? AND poll_id < ? ORDER BY poll_id",
            (low, high),
        )
        for r in rows:
            shown = await self._result(tx, now, person, tg_user_id, r["poll_id"])
            if shown is not None:
                await out.add(OutMessage(chat_id, shown[0], buttons=shown[1]))

    async def _result(
        self, tx: Tx, now: datetime, person: Person, tg_user_id: int, totals: str
    ) -> tuple[str, list[list[Button]]] | None:
        """One poll's totals for its group coach; audited. Private answers are shown only once
        enough students have answered that no one's answer can be told apart."""
        lang = person.language
        row = await tx.fetchone("SELECT * FROM polls WHERE poll_id = ?", (totals,))
        if row is None:
            return None
        managed = {g.id: g for g in await self.core.managed_groups(tx, person.id)}
        group = managed.get(row["group_id"])
        if group is None:
            await audit(tx, now, "peer_results_refused", actor_id=person.id, poll=totals)
            return None
        await audit(tx, now, "peer_poll_results_viewed", actor_id=person.id, poll=totals)
        state = poll_state(row["counts"])
        prompt = self.library.get(row["prompt_id"])
        stored = json.loads(row["options"])
        if prompt is not None and len(prompt.options) == len(stored):
            labels = [self.tr.plain(lang, prompt.text, o) for o in prompt.options]
            correct = {prompt.options.index(o) for o in prompt.correct}
        else:
            labels, correct = [str(o) for o in stored], set()
        private = row["chat_id"] is None
        day = from_db(row["sent_at"]).astimezone(self.svc.settings.tz)
        question = await self._question(tx, lang, totals, row["prompt_id"])
        dispatch = totals.removeprefix("peer:").split("|")[0]
        sent = await self.core.targets(tx, dispatch, group.id, sent=True) if private else 0
        head = self.tr.html(
            lang,
            "peer-results-head",
            question=question,
            group=group.name,
            date=f"{day.day}.{day.month}.{day.year}",
            audience="private" if private else "chat",
            voters=state["voters"],
            sent=sent,
        )
        least = await plan_poll_least_for(tx, self.svc.settings, totals)
        if private and state["voters"] < least:
            body = self.tr.html(lang, "peer-results-too-few", least=least)
        else:
            body = "\n\n".join(
                self.texts.result_lines(labels, state["votes"], state["voters"], correct)
            )
            if prompt is not None and prompt.multiple:
                body += "\n\n" + self.tr.html(lang, "peer-results-multiple")
        opts = [f"refresh:{totals}", "list:"]
        token = await callbacks.issue(tx, now, tg_user_id, PollResults(opts=opts), UI_TTL)
        buttons = [
            [Button(self.tr.plain(lang, "peer-button-refresh"), callbacks.button_data(token, 0))],
            [Button(self.tr.plain(lang, "peer-button-all-polls"), callbacks.button_data(token, 1))],
        ]
        return f"{head}\n\n{body}", buttons
