"""Peer groups (ryhmävalmennus ja vertaistuki): linking group chats, sending prompts to a
group (its chat, or each student privately), scheduled prompts and muting. Knows nothing of
Telegram. Broadcasts with delivery reports live in `peer_broadcast`, poll totals and results
in `peer_polls`, the prompt library in `peer_library`, the wording in `peer_render`.

Rules the peer modules keep:
- Only a group's group coach (group_coaches) or a coordinator links, sends or reads results
  for a group; that is decided from the database on every step, and audited.
- Nothing about an individual student is ever posted in a group chat.
- Poll answers are kept only as totals (`polls.counts`, see `peer_polls`).

Storage (no tables of its own):
- `broadcasts`: a coach's broadcast. A draft has `confirmed_at` NULL; `text` '' means the
  bot is waiting for the coach to write the message.
- `outbox` rows are the delivery record. Keys: `peer:<dispatch>|g<group>|<target>|<attempt>`,
  where dispatch is `b<broadcast id>` or `s<group>.<audience>.<period>.<prompt>` (a scheduled
  occurrence) and target `chat` or `p<person id>`; a private poll's intro adds `|i`.
- `polls`: a totals row `peer:<dispatch>|g<group>` per poll sent to a group, and ballots.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import to_db
from bot.i18n import Translator
from bot.scheduling.calendar import next_outside_quiet
from bot.services.audit import audit
from bot.services.checkins.rounds import RoundContext, RoundError, RoundResult
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, Options
from bot.services.messaging.outbox import (
    PRIORITY_BULK,
    PRIORITY_INTERACTIVE,
    PRIORITY_NORMAL,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    written,
)
from bot.services.peer.library import AUDIENCES, Prompt, PromptLibrary
from bot.services.peer.render import ComposeError, Content, PeerTexts, check_custom
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

log = logging.getLogger(__name__)

ACTION_LINK = "peer_link"
ACTION_SEND = "peer_send"
ACTION_REPORT = "peer_report"
ACTION_RESULTS = "peer_results"
ACTION_MUTE = "peer_mute"
TRACK_POLL = "peer_poll"  # OutMessage.track key: the totals row a sent poll belongs to
UI_TTL = timedelta(days=1)


@dataclass(frozen=True, kw_only=True)
class LinkChoice(Options, action=ACTION_LINK):
    """/liita's private question: which of the coach's groups a chat is ("g:<id>", "cancel")."""

    chat: int
    title: str


@dataclass(frozen=True, kw_only=True)
class PollResults(Options, action=ACTION_RESULTS):
    """/kysely_tulokset: a poll to show ("show:<id>"), refresh or back to the list."""


@dataclass(frozen=True, kw_only=True)
class MuteToggle(Options, action=ACTION_MUTE):
    """/vertaistuki: the student's one button, mute or unmute the group's prompts."""


THEME_PREFIX = "theme:"  # schedules.flow_id of a prompt schedule that rotates a theme


@dataclass(frozen=True)
class Group:
    id: int
    name: str
    chat_id: int | None


def key_range(prefix: str) -> tuple[str, str]:
    """Bounds for `key >= ? AND key < ?`: every key starting with `prefix` (index-friendly,
    unlike LIKE). The prefixes used here end in '|' or ':'."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def totals_id(dispatch: str, group_id: int) -> str:
    return f"peer:{dispatch}|g{group_id}"


class Replies:
    """Collects the messages one use case causes, with idempotency keys derived from the
    update that caused them (a repeated update sends nothing twice)."""

    def __init__(self, tx: Tx, now: datetime, ukey: str) -> None:
        self.tx = tx
        self.now = now
        self.ukey = ukey
        self.rows: list[OutboxRow] = []
        self._n = 0

    async def add(
        self,
        message: OutMessage,
        *,
        key: str | None = None,
        priority: int = PRIORITY_INTERACTIVE,
        person_id: int | None = None,
    ) -> None:
        self._n += 1
        row = await enqueue(
            self.tx,
            key or f"{self.ukey}:{self._n}",
            message,
            now=self.now,
            priority=priority,
            person_id=person_id,
        )
        if row is not None:
            self.rows.append(row)

    async def edit(
        self, chat_id: int, message_id: int, text: str, buttons: list[list[Button]] | None = None
    ) -> None:
        await self.add(
            OutMessage(chat_id, text, op="edit", message_id=message_id, buttons=buttons or [])
        )

    def outcome(self, toast: str | None = None) -> Outcome:
        return Outcome(rows=self.rows, toast=toast)


class PeerService:
    def __init__(self, svc: Services, library: PromptLibrary) -> None:
        self.svc = svc
        self.library = library
        self.texts = PeerTexts(svc.tr)

    @property
    def tr(self) -> Translator:
        return self.svc.tr

    # -- who may do what -------------------------------------------------------------------

    async def managed_groups(self, db: Reads, person_id: int) -> list[Group]:
        """The groups a person may link, send to and read results of, from the database."""
        roles = {
            r["role"]
            for r in await db.fetchall(
                "SELECT role FROM person_roles WHERE person_id = ?", (person_id,)
            )
        }
        if "coordinator" in roles:
            rows = await db.fetchall("SELECT id, name, chat_id FROM groups ORDER BY name")
        elif "group_coach" in roles:
            rows = await db.fetchall(
                "SELECT g.id, g.name, g.chat_id FROM groups g JOIN group_coaches c"
                " ON c.group_id = g.id WHERE c.person_id = ? ORDER BY g.name",
                (person_id,),
            )
        else:
            rows = []
        return [Group(r["id"], r["name"], r["chat_id"]) for r in rows]

    async def group(self, db: Reads, group_id: int) -> Group | None:
        row = await db.fetchone("SELECT id, name, chat_id FROM groups WHERE id = ?", (group_id,))
        return Group(row["id"], row["name"], row["chat_id"]) if row else None

    async def group_language(self, db: Reads, group_id: int) -> str:
        """A group chat is addressed in the language most of its students chose."""
        default = self.svc.settings.default_language
        value = await db.fetchval(
            "SELECT p.language FROM students s JOIN persons p ON p.id = s.person_id"
            " WHERE s.group_id = ? AND s.status = 'active' GROUP BY p.language"
            " ORDER BY COUNT(*) DESC, p.language = ? DESC, p.language LIMIT 1",
            (group_id, default),
        )
        return self.tr.language(value) if value else default

    async def coaches(self, tx: Tx, group_id: int) -> list[tuple[int, int, str]]:
        rows = await tx.fetchall(
            "SELECT p.id, p.tg_user_id, p.language FROM group_coaches c JOIN persons p"
            " ON p.id = c.person_id WHERE c.group_id = ? AND p.tg_user_id IS NOT NULL",
            (group_id,),
        )
        return [(r["id"], r["tg_user_id"], r["language"]) for r in rows]

    # -- linking a group chat --------------------------------------------------------------

    async def link_request(
        self, unit: UnitOfWork, person: Person, tg_user_id: int, chat_id: int, title: str
    ) -> Outcome:
        """/liita in a group chat: ask the group coach privately which group this chat is."""
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            groups = await self.managed_groups(tx, person.id)
            await audit(
                tx, now, "peer_link_requested", actor_id=person.id, chat_id=chat_id, title=title
            )
            lang = person.language
            if not groups:
                await out.add(OutMessage(tg_user_id, self.tr.html(lang, "peer-link-no-groups")))
            else:
                opts = [f"g:{g.id}" for g in groups] + ["cancel"]
                token = await callbacks.issue(
                    tx,
                    now,
                    tg_user_id,
                    LinkChoice(chat=chat_id, title=title, opts=opts),
                    UI_TTL,
                )
                buttons = [
                    [
                        Button(
                            self.tr.plain(
                                lang,
                                "peer-link-group-button",
                                name=g.name,
                                linked="yes" if g.chat_id not in (None, chat_id) else "no",
                            ),
                            callbacks.button_data(token, i),
                        )
                    ]
                    for i, g in enumerate(groups)
                ]
                buttons.append(
                    [
                        Button(
                            self.tr.plain(lang, "button-cancel"),
                            callbacks.button_data(token, len(groups)),
                        )
                    ]
                )
                text = self.tr.html(lang, "peer-link-choose", title=title)
                await out.add(OutMessage(tg_user_id, text, buttons=buttons))
            chat_lang = await self._chat_language(tx, chat_id, lang)
            await out.add(OutMessage(chat_id, self.tr.html(chat_lang, "peer-link-check-private")))
            return out.outcome()

        return await unit.run(work)

    async def _chat_language(self, tx: Tx, chat_id: int, fallback: str) -> str:
        group_id = await tx.fetchval("SELECT id FROM groups WHERE chat_id = ?", (chat_id,))
        return await self.group_language(tx, int(group_id)) if group_id else fallback

    async def link_press(
        self,
        unit: UnitOfWork,
        person: Person,
        tg_user_id: int,
        callback: Callback,
        index: int,
        message_id: int,
    ) -> Outcome:
        press = LinkChoice.of(callback)
        choice, chat_id, title = press.chosen(index), press.chat, press.title
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            lang = person.language
            if choice == "cancel":
                await out.edit(tg_user_id, message_id, self.tr.html(lang, "peer-link-cancelled"))
                return out.outcome()
            group_id = int(choice.split(":", 1)[1])
            managed = {g.id: g for g in await self.managed_groups(tx, person.id)}
            group = managed.get(group_id)
            current = await tx.fetchone("SELECT id, name FROM groups WHERE chat_id = ?", (chat_id,))
            if group is None or (current is not None and current["id"] not in managed):
                await audit(
                    tx,
                    now,
                    "peer_link_refused",
                    actor_id=person.id,
                    group_id=group_id,
                    chat_id=chat_id,
                )
                return out.outcome(toast=self.tr.plain(lang, "peer-not-your-group"))
            if group.chat_id == chat_id:
                await out.edit(
                    tg_user_id,
                    message_id,
                    self.tr.html(lang, "peer-link-already", title=title, group=group.name),
                )
                return out.outcome()
            if current is not None:
                await tx.execute(
                    "UPDATE groups SET chat_id = NULL, chat_linked_at = NULL WHERE id = ?",
                    (current["id"],),
                )
            await tx.execute(
                "UPDATE groups SET chat_id = ?, chat_linked_at = ? WHERE id = ?",
                (chat_id, to_db(now), group.id),
            )
            await audit(
                tx,
                now,
                "peer_chat_linked",
                actor_id=person.id,
                group_id=group.id,
                chat_id=chat_id,
                replaced_chat=group.chat_id,
                moved_from_group=current["id"] if current else None,
            )
            await out.edit(
                tg_user_id,
                message_id,
                self.tr.html(
                    lang,
                    "peer-link-done",
                    title=title,
                    group=group.name,
                    replaced="yes" if group.chat_id else "no",
                ),
            )
            chat_lang = await self.group_language(tx, group.id)
            await out.add(
                OutMessage(chat_id, self.tr.html(chat_lang, "peer-linked-chat", group=group.name)),
                priority=PRIORITY_NORMAL,
            )
            return out.outcome()

        return await unit.run(work)

    async def bot_added(self, unit: UnitOfWork, chat_id: int, adder: Person | None) -> Outcome:
        """The bot was added to a group chat: say hello and how to link it."""
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            if await tx.fetchval("SELECT id FROM groups WHERE chat_id = ?", (chat_id,)):
                return out.outcome()
            lang = adder.language if adder else self.svc.settings.default_language
            await out.add(
                OutMessage(chat_id, self.tr.html(lang, "peer-hello-chat")), priority=PRIORITY_NORMAL
            )
            return out.outcome()

        return await unit.run(work)

    async def bot_removed(self, unit: UnitOfWork, chat_id: int) -> Outcome:
        """The bot was removed from (or left) a group chat: unlink it, stop what was queued
        for it, and tell the group's coaches how to link again."""
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            group = await tx.fetchone("SELECT id, name FROM groups WHERE chat_id = ?", (chat_id,))
            if group is None:
                return out.outcome()
            await tx.execute(
                "UPDATE groups SET chat_id = NULL, chat_linked_at = NULL WHERE id = ?",
                (group["id"],),
            )
            await tx.execute(
                "UPDATE outbox SET failed_at = ?, error = ? WHERE chat_id = ?"
                " AND sent_at IS NULL AND failed_at IS NULL",
                (to_db(now), "Forbidden: the bot is no longer in the chat", chat_id),
            )
            await audit(tx, now, "peer_chat_removed", group_id=group["id"], chat_id=chat_id)
            for coach_id, coach_tg, lang in await self.coaches(tx, group["id"]):
                await out.add(
                    OutMessage(
                        coach_tg, self.tr.html(lang, "peer-chat-removed", group=group["name"])
                    ),
                    key=f"peer:removed:{chat_id}:{to_db(now)}:{coach_id}",
                    priority=PRIORITY_NORMAL,
                )
            return out.outcome()

        return await unit.run(work)

    async def chat_migrated(self, unit: UnitOfWork, old_chat_id: int, new_chat_id: int) -> Outcome:
        """A group became a supergroup: keep the link on the new chat id and tell the group's
        coaches once (the sender may have stored the new id already, on a failed send)."""
        now = unit.now

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, "peer:migrated")
            group = await tx.fetchone(
                "SELECT id, name, chat_id FROM groups WHERE chat_id IN (?, ?)",
                (old_chat_id, new_chat_id),
            )
            if group is None:
                return out.outcome()
            if group["chat_id"] == old_chat_id:
                await tx.execute(
                    "UPDATE groups SET chat_id = ? WHERE id = ?", (new_chat_id, group["id"])
                )
                await audit(
                    tx,
                    now,
                    "peer_chat_migrated",
                    group_id=group["id"],
                    old_chat_id=old_chat_id,
                    chat_id=new_chat_id,
                )
            await tx.execute(
                "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND sent_at IS NULL",
                (new_chat_id, old_chat_id),
            )
            await tx.execute(
                "UPDATE polls SET chat_id = ? WHERE chat_id = ?", (new_chat_id, old_chat_id)
            )
            for coach_id, coach_tg, lang in await self.coaches(tx, group["id"]):
                await out.add(
                    OutMessage(
                        coach_tg, self.tr.html(lang, "peer-chat-migrated", group=group["name"])
                    ),
                    key=f"peer:migrated:{old_chat_id}:{new_chat_id}:{coach_id}",
                    priority=PRIORITY_NORMAL,
                )
            return out.outcome()

        return await unit.run(work)

    # -- sending: one dispatch to one group ------------------------------------------------

    def content_of(self, prompt_id: str | None, text: str | None) -> Content | None:
        if prompt_id:
            prompt = self.library.get(prompt_id)
            return Content(prompt=prompt) if prompt else None
        if text:
            try:
                check_custom(text)
            except ComposeError:
                return None
            return Content(custom=text)
        return None

    def theme_title(self, lang: str, content: Content) -> str | None:
        if content.prompt is None:
            return None
        theme = self.library.theme(content.prompt.theme)
        return self.tr.plain(lang, theme.title) if theme else None

    async def private_targets(
        self, tx: Tx, group_id: int, now: datetime
    ) -> list[tuple[int, int, str, str, str]]:
        """(person id, chat id, language, quiet start, quiet end) of the students who get
        private peer prompts: active, reachable by Telegram, not muted, not pausing."""
        rows = await tx.fetchall(
            "SELECT p.id, p.tg_user_id, p.language, s.quiet_start, s.quiet_end FROM students s"
            " JOIN persons p ON p.id = s.person_id WHERE s.group_id = ? AND s.status = 'active'"
            " AND s.peer_muted = 0 AND p.tg_user_id IS NOT NULL"
            " AND (s.paused_until IS NULL OR s.paused_until <= ?) ORDER BY p.id",
            (group_id, to_db(now)),
        )
        return [
            (r["id"], r["tg_user_id"], r["language"], r["quiet_start"], r["quiet_end"])
            for r in rows
        ]

    async def active_students(self, db: Reads, group_id: int) -> int:
        return int(
            await db.fetchval(
                "SELECT COUNT(*) FROM students s JOIN persons p ON p.id = s.person_id"
                " WHERE s.group_id = ? AND s.status = 'active' AND p.tg_user_id IS NOT NULL",
                (group_id,),
            )
        )

    async def dispatch(
        self,
        tx: Tx,
        now: datetime,
        dispatch: str,
        group: Group,
        content: Content,
        audience: str,
        *,
        sender: str | None,
        attempt: int = 1,
        only: set[str] | None = None,
        round_id: int | None = None,
        plan_least: int | None = None,
    ) -> list[OutboxRow]:
        """Queue one piece of content for one group, to its chat or to each student privately.
        Idempotent: the same dispatch, group, target and attempt is queued once. Returns the
        rows due now (rows waiting for a student's quiet hours go out on a later tick).
        `plan_least` marks a welfare plan's poll (its intro says who asks and sees what)."""
        rows: list[OutboxRow] = []
        base = f"peer:{dispatch}|g{group.id}"
        totals = totals_id(dispatch, group.id) if content.is_poll else None
        if audience == "chat":
            if group.chat_id is None or (only is not None and "chat" not in only):
                return []
            lang = await self.group_language(tx, group.id)
            if totals is not None:
                await self._create_totals(tx, now, totals, group, content, lang, group.chat_id)
                message = OutMessage(
                    group.chat_id,
                    op="poll",
                    poll=self.texts.poll_kwargs(lang, content, private=False),
                    track={TRACK_POLL: totals},
                )
            else:
                title = self.theme_title(lang, content)
                text = self.texts.chat_text(lang, content, theme_title=title, sender=sender)
                message = OutMessage(group.chat_id, text)
            row = await enqueue(
                tx,
                f"{base}|chat|{attempt}",
                message,
                now=now,
                priority=PRIORITY_NORMAL,
                round_id=round_id,
            )
            return written(row)
        if totals is not None:
            await self._create_totals(
                tx, now, totals, group, content, self.svc.settings.default_language, None
            )
        for person_id, chat_id, lang, quiet_start, quiet_end in await self.private_targets(
            tx, group.id, now
        ):
            target = f"p{person_id}"
            if only is not None and target not in only:
                continue
            lang = self.tr.language(lang)
            when = next_outside_quiet(now, self.svc.settings.tz, quiet_start, quiet_end)
            messages: list[tuple[str, OutMessage]] = []
            if totals is not None:
                intro = self.texts.private_poll_intro(
                    lang, content, group=group.name, plan_least=plan_least
                )
                messages.append((f"{base}|{target}|{attempt}|i", OutMessage(chat_id, intro)))
                poll = self.texts.poll_kwargs(lang, content, private=True)
                messages.append(
                    (
                        f"{base}|{target}|{attempt}",
                        OutMessage(chat_id, op="poll", poll=poll, track={TRACK_POLL: totals}),
                    )
                )
            else:
                title = self.theme_title(lang, content)
                text = self.texts.private_text(
                    lang, content, group=group.name, theme_title=title, sender=sender
                )
                messages.append((f"{base}|{target}|{attempt}", OutMessage(chat_id, text)))
            for key, message in messages:
                row = await enqueue(
                    tx,
                    key,
                    message,
                    now=now,
                    priority=PRIORITY_BULK,
                    person_id=person_id,
                    not_before=when,
                    round_id=round_id,
                )
                if row is not None and when <= now:
                    rows.append(row)
        return rows

    async def _create_totals(
        self,
        tx: Tx,
        now: datetime,
        totals: str,
        group: Group,
        content: Content,
        lang: str,
        chat_id: int | None,
    ) -> None:
        options = self.texts.poll_options(lang, content)
        await tx.execute(
            "INSERT INTO polls (poll_id, group_id, prompt_id, chat_id, sent_at, options, counts)"
            " VALUES (?,?,?,?,?,?,?) ON CONFLICT(poll_id) DO NOTHING",
            (
                totals,
                group.id,
                content.prompt_id,
                chat_id,
                to_db(now),
                json.dumps(options, ensure_ascii=False),
                json.dumps({"votes": [0] * len(options), "voters": 0}),
            ),
        )

    async def send_prompt(
        self,
        tx: Tx,
        now: datetime,
        group_id: int,
        prompt_id: str,
        audience: str,
        period_key: str,
        *,
        round_id: int | None = None,
    ) -> list[OutboxRow]:
        """One scheduled occurrence of a library prompt to a group; at most once per period.
        Runs inside the caller's transaction (the round that records the occurrence). A chat
        prompt for a group without a linked chat tells the group's coaches instead."""
        group = await self.group(tx, group_id)
        prompt = self.library.get(prompt_id)
        if group is None or audience not in AUDIENCES:
            return []
        dispatch = f"s{group_id}.{audience}.{period_key}.{prompt_id}"
        if prompt is None or (audience == "chat" and group.chat_id is None):
            reason = "peer-scheduled-unknown-prompt" if prompt is None else "peer-scheduled-no-chat"
            log.warning(
                "scheduled prompt %s for group %s not sent: %s", prompt_id, group_id, reason
            )
            out = Replies(tx, now, f"peer:{dispatch}|note")
            for coach_id, coach_tg, lang in await self.coaches(tx, group_id):
                text = self.tr.html(lang, reason, group=group.name, prompt=prompt_id)
                await out.add(
                    OutMessage(coach_tg, text),
                    key=f"peer:{dispatch}|note|{coach_id}",
                    priority=PRIORITY_NORMAL,
                )
            return out.rows
        rows = await self.dispatch(
            tx,
            now,
            dispatch,
            group,
            Content(prompt=prompt),
            audience,
            sender=None,
            round_id=round_id,
        )
        await audit(
            tx,
            now,
            "peer_prompt_sent",
            group_id=group_id,
            prompt_id=prompt_id,
            audience=audience,
            period=period_key,
        )
        return rows

    async def prompt_round(self, tx: Tx, ctx: RoundContext) -> RoundResult:
        """The rounds machinery's handler for `schedules.kind = 'prompt'`: the schedule's
        `flow_id` names the prompt, or `theme:<id>` a theme whose prompts go out in turn. A
        prompt or theme gone from the library (or a theme with nothing for the audience) makes
        the round 'missed' (the rounds machinery tells the coordinator and the group's coaches)."""
        schedule = ctx.schedule
        prompt_id = schedule.flow_id
        if prompt_id.startswith(THEME_PREFIX):
            counts = await self.prompt_counts(tx, schedule.group_id)
            chosen = self.next_in_theme(prompt_id[len(THEME_PREFIX) :], schedule.audience, counts)
            if chosen is None:
                raise RoundError("flow-missing")
            prompt_id = chosen.id
        elif self.library.get(prompt_id) is None:
            raise RoundError("flow-missing")
        period = ctx.occurrence.period_key
        rows = await self.send_prompt(
            tx,
            ctx.now,
            schedule.group_id,
            prompt_id,
            schedule.audience,
            period,
            round_id=ctx.round_id,
        )
        dispatch = f"s{schedule.group_id}.{schedule.audience}.{period}.{prompt_id}"
        queued = await self.targets(tx, dispatch, schedule.group_id)
        # The round's note keeps the prompt it sent: that is the group's history for rotation.
        return RoundResult({"queued": queued}, rows, prompt_id)

    def next_in_theme(self, theme_id: str, audience: str, counts: dict[str, int]) -> Prompt | None:
        """The theme's prompt (fitting the audience) the group has had least often; ties go
        to library order, so a weekly schedule walks through the theme and then starts over."""
        fitting = self.library.in_theme(theme_id, audience)
        return min(fitting, key=lambda p: counts.get(p.id, 0)) if fitting else None

    async def prompt_counts(self, db: Reads, group_id: int) -> dict[str, int]:
        """How many times the group has had each library prompt: scheduled rounds that
        queued it to someone (the prompt is in the round's note) and confirmed broadcasts.
        The outbox is pruned, so it is not the record."""
        counts: dict[str, int] = {}
        rounds = await db.fetchall(
            "SELECT r.note FROM rounds r JOIN schedules s ON s.id = r.schedule_id"
            " WHERE s.group_id = ? AND s.kind = 'prompt' AND r.status = 'sent'",
            (group_id,),
        )
        for row in rounds:
            note = json.loads(row["note"] or "{}")
            prompt_id = note.get("flow")
            if isinstance(prompt_id, str) and (note.get("counts") or {}).get("queued"):
                counts[prompt_id] = counts.get(prompt_id, 0) + 1
        sent = await db.fetchall(
            "SELECT group_ids, prompt_id FROM broadcasts"
            " WHERE confirmed_at IS NOT NULL AND prompt_id IS NOT NULL"
        )
        for row in sent:
            if group_id in json.loads(row["group_ids"] or "[]"):
                counts[row["prompt_id"]] = counts.get(row["prompt_id"], 0) + 1
        return counts

    # -- muting (/ryhmaviestit) --------------------------------------------------------------

    async def mute_view(
        self, unit: UnitOfWork, person: Person, tg_user_id: int, chat_id: int
    ) -> Outcome:
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            text, buttons = await self._mute_message(tx, now, person, tg_user_id)
            await out.add(OutMessage(chat_id, text, buttons=buttons))
            return out.outcome()

        return await unit.run(work)

    async def _mute_message(
        self, tx: Tx, now: datetime, person: Person, tg_user_id: int
    ) -> tuple[str, list[list[Button]]]:
        lang = person.language
        row = await tx.fetchone(
            "SELECT s.peer_muted, g.name FROM students s LEFT JOIN groups g ON g.id = s.group_id"
            " WHERE s.person_id = ?",
            (person.id,),
        )
        if row is None or row["name"] is None:
            return self.tr.html(lang, "peer-mute-no-group"), []
        muted = bool(row["peer_muted"])
        text = self.tr.html(
            lang, "peer-mute-state", group=row["name"], muted="yes" if muted else "no"
        )
        token = await callbacks.issue(tx, now, tg_user_id, MuteToggle(opts=["toggle"]))
        label = self.tr.plain(lang, "peer-button-unmute" if muted else "peer-button-mute")
        return text, [[Button(label, callbacks.button_data(token, 0))]]

    async def mute_press(
        self, unit: UnitOfWork, person: Person, tg_user_id: int, chat_id: int, message_id: int
    ) -> Outcome:
        now, ukey = unit.now, unit.key("peer")

        async def work(tx: Tx) -> Outcome:
            out = Replies(tx, now, ukey)
            changed = await tx.execute(
                "UPDATE students SET peer_muted = 1 - peer_muted WHERE person_id = ?", (person.id,)
            )
            if not changed:
                return out.outcome()
            muted = await tx.fetchval(
                "SELECT peer_muted FROM students WHERE person_id = ?", (person.id,)
            )
            text, buttons = await self._mute_message(tx, now, person, tg_user_id)
            await out.edit(chat_id, message_id, text, buttons)
            toast = "peer-muted-toast" if muted else "peer-unmuted-toast"
            return out.outcome(toast=self.tr.plain(person.language, toast))

        return await unit.run(work)

    async def targets(self, db: Reads, dispatch: str, group_id: int, *, sent: bool = False) -> int:
        """How many chats or students a dispatch was queued for (or, with `sent`, reached)."""
        low, high = key_range(f"peer:{dispatch}|g{group_id}|")
        rows = await db.fetchall(
            "SELECT idem_key, sent_at FROM outbox WHERE idem_key >= ? AND idem_key < ?",
            (low, high),
        )
        return len(
            {
                r["idem_key"].split("|")[2]
                for r in rows
                if r["idem_key"].count("|") == 3 and (r["sent_at"] or not sent)
            }
        )


class PeerPart:
    """A part of the peer feature (broadcasts, polls) working with the core's services."""

    def __init__(self, core: PeerService) -> None:
        self.core = core
        self.svc: Services = core.svc
        self.tr: Translator = core.svc.tr
        self.library: PromptLibrary = core.library
        self.texts: PeerTexts = core.texts
