"""/laheta: a group coach's broadcast — choose groups, where it goes (the group chat or each
student privately), a library prompt or an own message (or poll), a preview, then send; and
afterwards a delivery report (delivered / blocked / failed / waiting) with a retry.

The wizard's state is the `broadcasts` row (a draft until confirmed) and the buttons'
server-side payloads, so it survives a restart; every step re-checks from the database that
the coach still has the groups.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.clock import from_db, to_db
from bot.services.audit import audit
from bot.services.checkins.rounds import clock_text
from bot.services.container import Outcome
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, Options
from bot.services.messaging.outbox import PRIORITY_NORMAL, Button, OutboxRow, OutMessage, enqueue
from bot.services.peer.groups import (
    ACTION_REPORT,
    ACTION_SEND,
    UI_TTL,
    Group,
    PeerPart,
    PeerService,
    Replies,
    key_range,
)
from bot.services.peer.polls import PeerPolls, plan_poll_least
from bot.services.peer.render import ComposeError, check_custom
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

REPORT_TTL = timedelta(days=14)


@dataclass(frozen=True, kw_only=True)
class BroadcastStep(Options, action=ACTION_SEND):
    """/laheta's wizard: the draft and the options of the step on screen ("kind:value")."""

    draft: int


@dataclass(frozen=True, kw_only=True)
class ReportChoice(Options, action=ACTION_REPORT):
    """A broadcast's delivery report: retry, results and the like."""

    b: int  # the broadcast


DRAFT_AGE = timedelta(days=1)  # a draft older than this is forgotten
REPORT_WINDOW = timedelta(days=3)  # delivery reports are sent for broadcasts this recent
SAMPLE_NAMES = 10  # names listed in a delivery report per line


@dataclass
class Draft:
    id: int
    created_by: int | None
    group_ids: list[int]
    audience: str
    prompt_id: str | None
    text: str | None
    created_at: datetime
    confirmed_at: datetime | None
    plan_id: int | None = None  # a welfare plan's poll to the students it concerns


@dataclass
class _Press:
    """One press of the /laheta wizard, inside its transaction, after the draft and the coach's
    groups have been checked."""

    tx: Tx
    now: datetime
    out: Replies
    person: Person
    tg_user_id: int
    chat_id: int
    message_id: int
    draft: Draft
    groups: list[Group]

    @property
    def lang(self) -> str:
        return self.person.language


@dataclass
class Delivery:
    """Where one dispatch stands: counts per state, names of whom it did not reach."""

    delivered: int = 0
    sending: int = 0
    waiting: int = 0
    waiting_until: datetime | None = None
    skipped: int = 0
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    retry: list[tuple[int, str]] = field(default_factory=list)  # (group id, target)
    attempt: int = 1

    @property
    def settled(self) -> bool:
        return self.sending == 0

    def add(self, other: Delivery) -> None:
        self.delivered += other.delivered
        self.sending += other.sending
        self.waiting += other.waiting
        if other.waiting_until and (
            self.waiting_until is None or other.waiting_until > self.waiting_until
        ):
            self.waiting_until = other.waiting_until
        self.skipped += other.skipped
        self.blocked += other.blocked
        self.failed += other.failed
        self.retry += other.retry
        self.attempt = max(self.attempt, other.attempt)


def _names(names: list[str]) -> str:
    shown = sorted(names)[:SAMPLE_NAMES]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" +{more}" if more > 0 else "")


class PeerBroadcasts(PeerPart):
    def __init__(self, core: PeerService, polls: PeerPolls) -> None:
        super().__init__(core)
        self.polls = polls

    # -- broadcast wizard (/laheta) --------------------------------------------------------

    async def _draft(self, db: Reads, draft_id: int) -> Draft | None:
        row = await db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (draft_id,))
        if row is None:
            return None
        return Draft(
            id=row["id"],
            created_by=row["created_by"],
            group_ids=[int(g) for g in json.loads(row["group_ids"])],
            audience=row["audience"],
            prompt_id=row["prompt_id"],
            text=row["text"],
            created_at=from_db(row["created_at"]),
            confirmed_at=from_db(row["confirmed_at"]) if row["confirmed_at"] else None,
            plan_id=row["plan_id"],
        )

    async def _save(self, tx: Tx, d: Draft) -> None:
        await tx.execute(
            "UPDATE broadcasts SET group_ids = ?, audience = ?, prompt_id = ?, text = ?"
            " WHERE id = ?",
            (json.dumps(d.group_ids), d.audience, d.prompt_id, d.text, d.id),
        )

    async def start_broadcast(
        self, unit: UnitOfWork, person: Person, tg_user_id: int, chat_id: int
    ) -> Outcome:
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            groups = await self.core.managed_groups(tx, person.id)
            if not groups:
                await audit(tx, now, "peer_broadcast_no_groups", actor_id=person.id)
                await out.add(OutMessage(chat_id, self.tr.html(person.language, "peer-no-groups")))
                return out.outcome()
            await tx.execute(
                "DELETE FROM broadcasts WHERE created_by = ? AND confirmed_at IS NULL",
                (person.id,),
            )
            chosen = [groups[0].id] if len(groups) == 1 else []
            draft_id = await tx.execute(
                "INSERT INTO broadcasts (created_by, group_ids, audience, created_at)"
                " VALUES (?,?,'private',?)",
                (person.id, json.dumps(chosen), to_db(now)),
            )
            draft = await self._draft(tx, draft_id)
            assert draft is not None
            step = "audience" if chosen else "groups"
            text, buttons = await self._step(tx, now, person, tg_user_id, draft, step, groups)
            await out.add(OutMessage(chat_id, text, buttons=buttons))
            return out.outcome()

        return await unit.run(work)

    async def _step(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        tg_user_id: int,
        draft: Draft,
        step: str,
        groups: list[Group],
        theme_id: str | None = None,
    ) -> tuple[str, list[list[Button]]]:
        """Text and buttons of one wizard step; the buttons' meaning stays server-side."""
        lang = person.language
        rows: list[tuple[str, str]] = []  # (label, option) — one button per row
        chosen = [g for g in groups if g.id in draft.group_ids]
        names = ", ".join(g.name for g in chosen)
        back: str | None = None
        if step == "groups":
            text = self.tr.html(lang, "peer-send-choose-groups")
            for g in groups:
                mark = "✅" if g.id in draft.group_ids else "▫️"
                rows.append((f"{mark} {g.name}", f"g:{g.id}"))
            rows.append((self.tr.plain(lang, "peer-button-next"), "next"))
        elif step == "audience":
            missing = [g.name for g in chosen if g.chat_id is None]
            students = sum([await self.core.active_students(tx, g.id) for g in chosen])
            text = self.tr.html(lang, "peer-send-choose-audience", groups=names)
            if missing:
                text += "\n\n" + self.tr.html(lang, "peer-send-no-chat", groups=", ".join(missing))
            else:
                rows.append((self.tr.plain(lang, "peer-button-to-chat"), "aud:chat"))
            rows.append(
                (self.tr.plain(lang, "peer-button-to-private", count=students), "aud:private")
            )
            back = "back:groups" if len(groups) > 1 else None
        elif step == "content":
            text = self.tr.html(
                lang, "peer-send-choose-content", groups=names, audience=draft.audience
            )
            rows.append((self.tr.plain(lang, "peer-button-library"), "library"))
            rows.append((self.tr.plain(lang, "peer-button-compose"), "compose"))
            back = "back:audience"
        elif step == "themes":
            text = self.tr.html(lang, "peer-send-choose-theme")
            for theme in self.library.themes.values():
                count = len(self.library.in_theme(theme.id, draft.audience))
                if count:
                    label = f"{self.tr.plain(lang, theme.title)} ({count})"
                    rows.append((label, f"theme:{theme.id}"))
            back = "back:content"
        elif step == "prompts":
            chosen_theme = self.library.theme(theme_id or "")
            title = self.tr.plain(lang, chosen_theme.title) if chosen_theme else ""
            text = self.tr.html(lang, "peer-send-choose-prompt", theme=title)
            for prompt in self.library.in_theme(theme_id or "", draft.audience):
                rows.append((self.texts.short_label(lang, prompt), f"prompt:{prompt.id}"))
            back = "back:themes"
        elif step == "compose":
            text = self.tr.html(lang, "peer-send-compose", audience=draft.audience)
            back = "back:content"
        else:
            raise ValueError(step)
        if back:
            rows.append((self.tr.plain(lang, "button-back"), back))
        rows.append((self.tr.plain(lang, "button-cancel"), "cancel"))
        opts = [option for _, option in rows]
        token = await callbacks.issue(
            tx, now, tg_user_id, BroadcastStep(draft=draft.id, opts=opts), UI_TTL
        )
        buttons = [
            [Button(label, callbacks.button_data(token, i))] for i, (label, _) in enumerate(rows)
        ]
        return text, buttons

    async def send_press(
        self,
        unit: UnitOfWork,
        person: Person,
        tg_user_id: int,
        chat_id: int,
        callback: Callback,
        index: int,
        message_id: int,
    ) -> Outcome:
        press = BroadcastStep.of(callback)
        kind, _, value = press.chosen(index).partition(":")
        draft_id = press.draft
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            lang = person.language
            draft = await self._draft(tx, draft_id)
            if draft is None or draft.created_by != person.id:
                return out.outcome(toast=self.tr.plain(lang, "peer-draft-gone"))
            if draft.confirmed_at is not None:
                return out.outcome(toast=self.tr.plain(lang, "peer-already-sent"))
            groups = await self.core.managed_groups(tx, person.id)
            if await self._lost(tx, now, person, draft, groups):
                await out.edit(chat_id, message_id, self.tr.html(lang, "peer-not-your-group"))
                return out.outcome()
            if kind in ("back", "library", "change") and draft.text == "":
                draft.text = None  # no longer waiting for the coach to write
                await self._save(tx, draft)
            handler = _PRESSES.get(kind)
            if handler is None:
                raise callbacks.CallbackRefused("callback-invalid", hostile=True)
            press = _Press(tx, now, out, person, tg_user_id, chat_id, message_id, draft, groups)
            return await handler(self, press, value)

        return await unit.run(work)

    # One handler per wizard button (the option's kind before the colon; its value after).

    async def _show(self, p: _Press, step: str, theme_id: str | None = None) -> None:
        text, buttons = await self._step(
            p.tx, p.now, p.person, p.tg_user_id, p.draft, step, p.groups, theme_id
        )
        await p.out.edit(p.chat_id, p.message_id, text, buttons)

    async def _press_cancel(self, p: _Press, _value: str) -> Outcome:
        await p.tx.execute("DELETE FROM broadcasts WHERE id = ?", (p.draft.id,))
        await p.out.edit(p.chat_id, p.message_id, self.tr.html(p.lang, "peer-send-cancelled"))
        return p.out.outcome()

    async def _press_group(self, p: _Press, value: str) -> Outcome:
        """Toggle one of the coach's groups."""
        group_id = int(value)
        if group_id not in {g.id for g in p.groups}:
            raise callbacks.CallbackRefused("callback-invalid", hostile=True)
        if group_id in p.draft.group_ids:
            p.draft.group_ids.remove(group_id)
        else:
            p.draft.group_ids.append(group_id)
        await self._save(p.tx, p.draft)
        await self._show(p, "groups")
        return p.out.outcome()

    async def _press_next(self, p: _Press, _value: str) -> Outcome:
        if not p.draft.group_ids:
            return p.out.outcome(toast=self.tr.plain(p.lang, "peer-choose-a-group"))
        await self._show(p, "audience")
        return p.out.outcome()

    async def _press_audience(self, p: _Press, value: str) -> Outcome:
        chosen = [g for g in p.groups if g.id in p.draft.group_ids]
        if value == "chat" and any(g.chat_id is None for g in chosen):
            return p.out.outcome(toast=self.tr.plain(p.lang, "peer-chat-not-linked"))
        p.draft.audience = value
        await self._save(p.tx, p.draft)
        await self._show(p, "content")
        return p.out.outcome()

    async def _press_library(self, p: _Press, _value: str) -> Outcome:
        await self._show(p, "themes")
        return p.out.outcome()

    async def _press_theme(self, p: _Press, value: str) -> Outcome:
        await self._show(p, "prompts", value)
        return p.out.outcome()

    async def _press_compose(self, p: _Press, _value: str) -> Outcome:
        """An own message: the draft waits for the coach's text (`compose`)."""
        p.draft.prompt_id, p.draft.text = None, ""
        await self._save(p.tx, p.draft)
        await self._show(p, "compose")
        return p.out.outcome()

    async def _press_back(self, p: _Press, value: str) -> Outcome:
        await self._show(p, value)
        return p.out.outcome()

    async def _press_prompt(self, p: _Press, value: str) -> Outcome:
        prompt = self.library.get(value)
        if prompt is None:
            return p.out.outcome(toast=self.tr.plain(p.lang, "peer-prompt-gone"))
        p.draft.prompt_id, p.draft.text = prompt.id, None
        await self._save(p.tx, p.draft)
        label = self.texts.short_label(p.lang, prompt, 200)
        await p.out.edit(
            p.chat_id, p.message_id, self.tr.html(p.lang, "peer-send-picked", prompt=label)
        )
        await self._preview(
            p.tx, p.now, p.out, p.person, p.tg_user_id, p.chat_id, p.draft, p.groups
        )
        return p.out.outcome()

    async def _press_change(self, p: _Press, _value: str) -> Outcome:
        await self._show(p, "content")
        return p.out.outcome()

    async def _press_send(self, p: _Press, _value: str) -> Outcome:
        await self._confirm(
            p.tx, p.now, p.out, p.person, p.chat_id, p.message_id, p.draft, p.groups
        )
        return p.out.outcome()

    async def compose(
        self, unit: UnitOfWork, person: Person, tg_user_id: int, chat_id: int, text: str
    ) -> Outcome | None:
        """The group coach's own message, typed while the wizard waits for it; None when the
        coach has no draft waiting for text (the text is then not ours to handle)."""
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome | None:
            row = await tx.fetchone(
                "SELECT id FROM broadcasts WHERE created_by = ? AND confirmed_at IS NULL"
                " AND text = '' AND created_at >= ? ORDER BY id DESC LIMIT 1",
                (person.id, to_db(now - DRAFT_AGE)),
            )
            if row is None:
                return None
            draft = await self._draft(tx, row["id"])
            assert draft is not None
            out = Replies(tx, now, ukey)
            lang = person.language
            try:
                check_custom(text)
            except ComposeError as problem:
                await out.add(
                    OutMessage(chat_id, self.tr.html(lang, problem.reason, **problem.args_))
                )
                return out.outcome()
            groups = await self.core.managed_groups(tx, person.id)
            if await self._lost(tx, now, person, draft, groups):
                await out.add(OutMessage(chat_id, self.tr.html(lang, "peer-not-your-group")))
                return out.outcome()
            draft.text = text
            await self._save(tx, draft)
            await self._preview(tx, now, out, person, tg_user_id, chat_id, draft, groups)
            return out.outcome()

        return await unit.run(work)

    async def _lost(
        self, tx: Tx, now: datetime, person: Person, draft: Draft, groups: list[Group]
    ) -> bool:
        """The coach no longer has every chosen group (a role or group taken away mid-way):
        the draft is dropped and the attempt audited."""
        if set(draft.group_ids) <= {g.id for g in groups}:
            return False
        await audit(tx, now, "peer_broadcast_refused", actor_id=person.id, groups=draft.group_ids)
        await tx.execute("DELETE FROM broadcasts WHERE id = ?", (draft.id,))
        return True

    async def _recipients(
        self, tx: Tx, draft: Draft, groups: list[Group], now: datetime
    ) -> tuple[int, int]:
        """(students who will get it privately, students who will not: muted or pausing)."""
        receiving = skipped = 0
        for g in groups:
            if g.id not in draft.group_ids:
                continue
            targets = len(await self.core.private_targets(tx, g.id, now))
            receiving += targets
            skipped += await self.core.active_students(tx, g.id) - targets
        return receiving, skipped

    async def _preview(
        self,
        tx: Tx,
        now: datetime,
        out: Replies,
        person: Person,
        tg_user_id: int,
        chat_id: int,
        draft: Draft,
        groups: list[Group],
    ) -> None:
        """Exactly what the students will see, in the coach's language, then send / change /
        cancel. A poll is previewed as a real, closed poll."""
        lang = person.language
        content = self.core.content_of(draft.prompt_id, draft.text)
        assert content is not None
        chosen = [g for g in groups if g.id in draft.group_ids]
        names = ", ".join(g.name for g in chosen)
        if draft.audience == "chat":
            where = self.tr.html(lang, "peer-preview-to-chat", groups=names)
        else:
            receiving, skipped = await self._recipients(tx, draft, groups, now)
            where = self.tr.html(
                lang, "peer-preview-to-private", groups=names, count=receiving, skipped=skipped
            )
        parts = [self.tr.html(lang, "peer-preview-title"), where]
        private = draft.audience == "private"
        if content.is_poll:
            if private:
                parts.append(
                    self.tr.html(lang, "peer-preview-poll-private")
                    + "\n\n"
                    + self.texts.private_poll_intro(lang, content, group=chosen[0].name)
                )
            else:
                parts.append(self.tr.html(lang, "peer-preview-poll-chat"))
            kwargs = self.texts.poll_kwargs(lang, content, private=private)
            kwargs["is_closed"] = True  # a preview nobody can vote in
            await out.add(OutMessage(chat_id, op="poll", poll=kwargs))
        else:
            title = self.core.theme_title(lang, content)
            sender = person.display_name
            shown = (
                self.texts.private_text(
                    lang, content, group=chosen[0].name, theme_title=title, sender=sender
                )
                if private
                else self.texts.chat_text(lang, content, theme_title=title, sender=sender)
            )
            parts.append(self.tr.html(lang, "peer-preview-looks") + "\n\n" + shown)
        if content.prompt is not None and content.prompt.tip:
            parts.append(
                self.tr.html(lang, "peer-preview-tip", tip=self.tr.plain(lang, content.prompt.tip))
            )
        opts = ["send", "change", "cancel"]
        token = await callbacks.issue(
            tx, now, tg_user_id, BroadcastStep(draft=draft.id, opts=opts), UI_TTL
        )
        labels = ["peer-button-send", "peer-button-change", "button-cancel"]
        buttons = [
            [Button(self.tr.plain(lang, label), callbacks.button_data(token, i))]
            for i, label in enumerate(labels)
        ]
        await out.add(OutMessage(chat_id, "\n\n".join(parts), buttons=buttons))

    async def _confirm(
        self,
        tx: Tx,
        now: datetime,
        out: Replies,
        person: Person,
        chat_id: int,
        message_id: int,
        draft: Draft,
        groups: list[Group],
    ) -> None:
        lang = person.language
        content = self.core.content_of(draft.prompt_id, draft.text)
        chosen = [g for g in groups if g.id in draft.group_ids]
        if content is None or not chosen:
            await out.edit(chat_id, message_id, self.tr.html(lang, "peer-prompt-gone"))
            return
        if draft.audience == "chat" and any(g.chat_id is None for g in chosen):
            await out.edit(chat_id, message_id, self.tr.html(lang, "peer-chat-not-linked"))
            return
        await tx.execute(
            "UPDATE broadcasts SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL",
            (to_db(now), draft.id),
        )
        queued = 0
        for group in chosen:
            rows = await self.core.dispatch(
                tx,
                now,
                f"b{draft.id}",
                group,
                content,
                draft.audience,
                sender=person.display_name,
            )
            out.rows += rows
            queued += await self.core.targets(tx, f"b{draft.id}", group.id)
        await audit(
            tx,
            now,
            "peer_broadcast_sent",
            actor_id=person.id,
            broadcast_id=draft.id,
            groups=draft.group_ids,
            audience=draft.audience,
            prompt_id=content.prompt_id,
            recipients=queued,
        )
        await out.edit(
            chat_id,
            message_id,
            self.tr.html(lang, "peer-sent", count=queued, audience=draft.audience),
        )

    # -- delivery reports --------------------------------------------------------------------

    async def delivery(
        self, db: Reads, now: datetime, dispatch: str, group: Group, audience: str
    ) -> Delivery:
        """Where a dispatch to one group stands at `now`, from its outbox rows (latest attempt
        per target). Students who were not sent it (muted, pausing) count as skipped."""
        low, high = key_range(f"peer:{dispatch}|g{group.id}|")
        rows = await db.fetchall(
            "SELECT o.idem_key, o.sent_at, o.failed_at, o.error, o.not_before, o.attempts,"
            " p.display_name FROM outbox o LEFT JOIN persons p"
            " ON p.id = o.person_id WHERE o.idem_key >= ? AND o.idem_key < ?",
            (low, high),
        )
        latest: dict[str, tuple[int, Any]] = {}
        for row in rows:
            parts = row["idem_key"].split("|")
            if len(parts) != 4:
                continue  # a poll's intro, or a note
            target, attempt = parts[2], int(parts[3])
            if target not in latest or attempt > latest[target][0]:
                latest[target] = (attempt, row)
        d = Delivery()
        for target, (attempt, row) in latest.items():
            d.attempt = max(d.attempt, attempt)
            name = row["display_name"] or group.name
            if row["sent_at"]:
                d.delivered += 1
            elif row["failed_at"]:
                error = (row["error"] or "").lower()
                if target != "chat" and ("forbidden" in error or "blocked" in error):
                    d.blocked.append(name)
                else:
                    d.failed.append(name)
                d.retry.append((group.id, target))
            elif from_db(row["not_before"]) > now and not row["attempts"]:
                d.waiting += 1  # held back until the student's quiet hours end
                until = from_db(row["not_before"])
                d.waiting_until = max(d.waiting_until or until, until)
            else:
                d.sending += 1
        if audience == "private":
            persons = sum(1 for t in latest if t != "chat")
            d.skipped = max(await self.core.active_students(db, group.id) - persons, 0)
        return d

    async def broadcast_delivery(
        self, db: Reads, now: datetime, broadcast_id: int
    ) -> tuple[Delivery, Draft] | None:
        draft = await self._draft(db, broadcast_id)
        if draft is None:
            return None
        total = Delivery()
        for group_id in draft.group_ids:
            group = await self.core.group(db, int(group_id))
            if group is not None:
                total.add(await self.delivery(db, now, f"b{draft.id}", group, draft.audience))
        return total, draft

    def _report_text(self, lang: str, d: Delivery, draft: Draft, group_names: str) -> str:
        content = self.core.content_of(draft.prompt_id, draft.text)
        if content is not None and content.prompt is not None:
            what = self.texts.short_label(lang, content.prompt, 60)
        elif draft.plan_id is not None and content is not None and content.poll is not None:
            what = self.tr.plain(lang, "peer-report-plan-poll", question=content.poll.question)
        else:
            what = self.tr.plain(lang, "peer-report-own-message")
        lines = [
            self.tr.html(
                lang, "peer-report-title", what=what, groups=group_names, audience=draft.audience
            ),
            self.tr.html(lang, "peer-report-delivered", count=d.delivered),
        ]
        if d.blocked:
            lines.append(
                self.tr.html(
                    lang, "peer-report-blocked", count=len(d.blocked), names=_names(d.blocked)
                )
            )
        if d.failed:
            lines.append(
                self.tr.html(
                    lang, "peer-report-failed", count=len(d.failed), names=_names(d.failed)
                )
            )
        if d.waiting:
            until = d.waiting_until.astimezone(self.svc.settings.tz) if d.waiting_until else None
            lines.append(
                self.tr.html(
                    lang,
                    "peer-report-waiting",
                    count=d.waiting,
                    time=clock_text(lang, until.hour, until.minute) if until else "",
                )
            )
        if d.sending:
            lines.append(self.tr.html(lang, "peer-report-sending", count=d.sending))
        if d.skipped:
            lines.append(self.tr.html(lang, "peer-report-skipped", count=d.skipped))
        if d.blocked:
            lines.append(self.tr.html(lang, "peer-report-blocked-hint"))
        return "\n".join(lines)

    async def _report_message(
        self, tx: Tx, now: datetime, broadcast_id: int, person_id: int
    ) -> OutMessage | None:
        found = await self.broadcast_delivery(tx, now, broadcast_id)
        person = await tx.fetchone(
            "SELECT tg_user_id, language FROM persons WHERE id = ?", (person_id,)
        )
        if found is None or person is None or person["tg_user_id"] is None:
            return None
        d, draft = found
        lang = self.tr.language(person["language"])
        names = await tx.fetchall(
            f"SELECT name FROM groups WHERE id IN ({','.join('?' * len(draft.group_ids))})"
            " ORDER BY name",
            tuple(draft.group_ids),
        )
        text = self._report_text(lang, d, draft, ", ".join(r["name"] for r in names))
        opts = ["refresh"]
        labels = [self.tr.plain(lang, "peer-button-refresh")]
        if d.retry:
            opts.append("retry")
            labels.append(self.tr.plain(lang, "peer-button-retry", count=len(d.retry)))
        content = self.core.content_of(draft.prompt_id, draft.text)
        if content is not None and content.is_poll:
            opts.append("results")
            labels.append(self.tr.plain(lang, "peer-button-results"))
        token = await callbacks.issue(
            tx,
            now,
            person["tg_user_id"],
            ReportChoice(b=broadcast_id, opts=opts),
            REPORT_TTL,
        )
        buttons = [
            [Button(label, callbacks.button_data(token, i))] for i, label in enumerate(labels)
        ]
        return OutMessage(person["tg_user_id"], text, buttons=buttons)

    async def report_tick(self, unit: UnitOfWork) -> Outcome:
        """Send each recent broadcast's delivery report once nothing due is still on its way
        (a second, final one if some messages were waiting for quiet hours to end)."""
        now, db = unit.now, unit.reads
        recent = await db.fetchall(
            "SELECT id, created_by FROM broadcasts WHERE confirmed_at >= ?"
            " AND created_by IS NOT NULL",
            (to_db(now - REPORT_WINDOW),),
        )
        outcome = Outcome()
        for b in recent:
            found = await self.broadcast_delivery(db, now, b["id"])
            if found is None or not found[0].settled:
                continue
            d = found[0]
            phase = "waiting" if d.waiting else "final"
            key = f"peer-report:b{b['id']}:{d.attempt}:{phase}"
            if await db.fetchval("SELECT 1 FROM outbox WHERE idem_key = ?", (key,)):
                continue

            async def work(
                tx: Tx, b_id: int = b["id"], who: int = b["created_by"], k: str = key
            ) -> Outcome:
                message = await self._report_message(tx, now, b_id, who)
                if message is None:
                    return Outcome()
                row = await enqueue(
                    tx, k, message, now=now, priority=PRIORITY_NORMAL, person_id=who
                )
                return Outcome.of(row)

            outcome.extend(await unit.run(work))
        return outcome

    async def report_press(
        self,
        unit: UnitOfWork,
        person: Person,
        tg_user_id: int,
        chat_id: int,
        callback: Callback,
        index: int,
        message_id: int,
    ) -> Outcome:
        press = ReportChoice.of(callback)
        choice, broadcast_id = press.chosen(index), press.b
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            lang = person.language
            found = await self.broadcast_delivery(tx, now, broadcast_id)
            if found is None:
                return out.outcome(toast=self.tr.plain(lang, "peer-draft-gone"))
            d, draft = found
            managed = {g.id: g for g in await self.core.managed_groups(tx, person.id)}
            if not set(draft.group_ids) <= set(managed):
                await audit(
                    tx, now, "peer_report_refused", actor_id=person.id, broadcast_id=broadcast_id
                )
                return out.outcome(toast=self.tr.plain(lang, "peer-not-your-group"))
            if choice == "retry":
                rows = await self._retry(tx, now, draft, d, managed)
                out.rows += rows
                await audit(
                    tx,
                    now,
                    "peer_broadcast_retried",
                    actor_id=person.id,
                    broadcast_id=broadcast_id,
                    targets=len(d.retry),
                )
                await out.edit(
                    chat_id, message_id, self.tr.html(lang, "peer-retrying", count=len(d.retry))
                )
                return out.outcome()
            if choice == "results":
                await self.polls.results_for(
                    tx, now, out, person, tg_user_id, chat_id, broadcast_id
                )
                return out.outcome()
            message = await self._report_message(tx, now, broadcast_id, person.id)
            if message is not None:
                await out.edit(chat_id, message_id, message.text, message.buttons)
            return out.outcome(toast=self.tr.plain(lang, "peer-refreshed"))

        return await unit.run(work)

    async def _retry(
        self,
        tx: Tx,
        now: datetime,
        draft: Draft,
        d: Delivery,
        managed: dict[int, Group],
    ) -> list[OutboxRow]:
        content = self.core.content_of(draft.prompt_id, draft.text)
        if content is None:
            return []
        sender = await tx.fetchval(
            "SELECT display_name FROM persons WHERE id = ?", (draft.created_by,)
        )
        rows: list[OutboxRow] = []
        for group_id in {g for g, _ in d.retry}:
            only = {t for g, t in d.retry if g == group_id}
            rows += await self.core.dispatch(
                tx,
                now,
                f"b{draft.id}",
                managed[group_id],
                content,
                draft.audience,
                sender=sender,
                attempt=d.attempt + 1,
                only=only,
                plan_least=plan_poll_least(self.svc.settings) if draft.plan_id else None,
            )
        return rows


_Handler = Callable[[PeerBroadcasts, _Press, str], Awaitable[Outcome]]
# The wizard's buttons by the kind of their option (`kind:value`).
_PRESSES: dict[str, _Handler] = {
    "cancel": PeerBroadcasts._press_cancel,
    "g": PeerBroadcasts._press_group,
    "next": PeerBroadcasts._press_next,
    "aud": PeerBroadcasts._press_audience,
    "library": PeerBroadcasts._press_library,
    "theme": PeerBroadcasts._press_theme,
    "compose": PeerBroadcasts._press_compose,
    "back": PeerBroadcasts._press_back,
    "prompt": PeerBroadcasts._press_prompt,
    "change": PeerBroadcasts._press_change,
    "send": PeerBroadcasts._press_send,
}
