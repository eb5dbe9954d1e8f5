"""A communal plan for a phenomenon, in the spirit of phenomenon-based communal welfare:
who is responsible, who takes part (students, guardians, professionals), what is done and
when, and when it is evaluated.

The coordinator answers a short dialog. Its state is the payload of the newest unused
`plan` callback token of that coordinator: bound to them, expiring, server-side — so a typed
answer finds its step, a button cannot be replayed into another step, and a restart resumes.

A plan reaches the students it concerns through the peer-group channel: the coordinator writes
a question with options, and it goes privately, as an anonymous poll, to every student of the
affected group(s) (peer_polls.py keeps only totals). The totals join the plan's before/after
view from REPORT_MIN_STUDENTS answers up. Every step of a plan is kept in `plan_events`, so its
history can be read across terms.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.clock import from_db, to_db
from bot.dates import IN_TEXT, parse_day
from bot.reports.render import Words
from bot.services.audit import audit
from bot.services.container import Outcome, Services
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import (
    PRIORITY_INTERACTIVE,
    Button,
    OutboxRow,
    OutMessage,
    enqueue,
    written,
)
from bot.services.peer.groups import Group, key_range
from bot.services.peer.polls import plan_poll_least, poll_state
from bot.services.peer.render import ComposeError, Content, PeerTexts, check_custom, parse_custom
from bot.services.people import Person
from bot.services.unit import UnitOfWork
from bot.storage.db import Reads, Tx

if TYPE_CHECKING:
    from bot.services.peer.groups import PeerService

ACTION_PLAN = "plan"  # a step of the plan dialog


@dataclass(frozen=True)
class PlanStep(Payload, action=ACTION_PLAN):
    """The plan dialog's state so far (the step on screen, what was chosen and typed): each
    step adds to it, and `_prompt`, `_buttons` and the presses read it by step."""

    state: dict[str, Any]


PARTICIPANTS = ("students", "guardians", "welfare", "teachers", "partners")
EVALUATE_WEEKS = (4, 6, 8, 12)
LIMITS = {"responsible": 300, "actions": 1500, "evaluation": 1000}
TEXT_STEPS = ("responsible", "actions", "evaluate", "evaluation", "poll")
INDEX_DONE = 90
INDEX_SAVE = 91
INDEX_AGAIN = 92  # the plan's previous poll question, asked again for comparison
INDEX_SEND = 93
INDEX_CANCEL = 99
EVENT_KINDS = ("created", "evaluated", "continued", "closed", "asked")
DIALOG_TTL = timedelta(hours=24)


def parse_date(text: str, today: date) -> date | None:
    """A typed day (bot/dates.py; without a year the next such day); only future days within
    a year are accepted."""
    day = parse_day(text, today)
    if day is None or day <= today or day > today + timedelta(days=366):
        return None
    return day


def dated_actions(text: str, today: date) -> list[tuple[str, date]]:
    """The actions written with a date ('Ryhmäytyspäivä 3.12.'), one per line or ';'-part:
    each becomes a reminder on that day (the first readable future date of the part)."""
    out: list[tuple[str, date]] = []
    for part in re.split(r"[\n;]+", text):
        part = part.strip()
        for match in IN_TEXT.finditer(part):
            day = parse_date(match[0], today)
            if day is not None:
                out.append((part, day))
                break
    return out


def signal_label(w: Words, signal: str) -> str:
    kind, _, rest = signal.partition(":")
    if kind == "cue":
        return w.t("phen-signal-cue", category=rest)
    if kind == "low":
        return w.t("phen-signal-low", measure=rest)
    if kind == "option":
        measure, _, option = rest.partition(":")
        return w.t("phen-signal-option", option=w.option(measure, option))
    return signal


async def scope_label(db: Any, w: Words, scope: str) -> str:
    if scope == "school":
        return w.t("report-school")
    name = await db.fetchval("SELECT name FROM groups WHERE id = ?", (int(scope.split(":")[1]),))
    return str(name) if name else "?"


def participants_text(w: Words, codes: list[str]) -> str:
    return ", ".join(w.t("plan-participant", who=c) for c in codes)


async def record(tx: Tx, now: datetime, plan_id: int, kind: str, detail: str = "") -> None:
    """One step of a plan's history (`plan_events`)."""
    assert kind in EVENT_KINDS
    await tx.execute(
        "INSERT INTO plan_events (plan_id, at, kind, detail) VALUES (?,?,?,?)",
        (plan_id, to_db(now), kind, detail),
    )


@dataclass
class Pending:
    token: str
    payload: dict[str, Any]


class PlanDialog:
    def __init__(self, svc: Services, words: Any) -> None:
        self.svc = svc
        self.words = words  # lang -> Words
        # The peer-group channel, set by the peer feature (it owns the prompt library); a
        # plan asks its students through it.
        self.peer: PeerService | None = None

    # -- state ------------------------------------------------------------------------------

    async def pending(self, tx: Tx, tg_user_id: int, now: datetime) -> Pending | None:
        row = await tx.fetchone(
            "SELECT token, payload FROM callbacks WHERE tg_user_id = ? AND action = ?"
            " AND used_at IS NULL AND expires_at > ? ORDER BY created_at DESC, rowid DESC"
            " LIMIT 1",
            (tg_user_id, ACTION_PLAN, to_db(now)),
        )
        if row is None:
            return None
        state = json.loads(row["payload"]).get("state")
        return Pending(row["token"], state if isinstance(state, dict) else {})

    async def _close_all(self, tx: Tx, tg_user_id: int, now: datetime) -> None:
        await tx.execute(
            "UPDATE callbacks SET used_at = ? WHERE tg_user_id = ? AND action = ?"
            " AND used_at IS NULL",
            (to_db(now), tg_user_id, ACTION_PLAN),
        )

    async def _ask(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, payload: dict[str, Any]
    ) -> list[OutboxRow]:
        """Close the previous step and ask the next one, with a new token for its buttons."""
        assert person.tg_user_id is not None
        await self._close_all(tx, person.tg_user_id, now)
        token = await callbacks.issue(tx, now, person.tg_user_id, PlanStep(payload), ttl=DIALOG_TTL)
        w: Words = self.words(person.language)
        message = OutMessage(
            chat_id, self._prompt(w, payload), buttons=self._buttons(w, token, payload)
        )
        row = await enqueue(
            tx,
            f"plan:{token}:ask",
            message,
            now=now,
            priority=PRIORITY_INTERACTIVE,
            person_id=person.id,
        )
        return written(row)

    def _prompt(self, w: Words, p: dict[str, Any]) -> str:
        tr, lang = self.svc.tr, w.lang
        step = p["step"]
        if step == "responsible":
            return tr.html(lang, "plan-ask-responsible", title=p["title"])
        if step == "owner":
            return tr.html(lang, "plan-ask-owner")
        if step == "decide":
            return tr.html(lang, "plan-ask-decide")
        if step == "participants":
            return tr.html(lang, "plan-ask-participants")
        if step == "actions":
            return tr.html(lang, "plan-ask-actions")
        if step == "evaluate":
            return tr.html(lang, "plan-ask-evaluate")
        if step == "evaluation":
            return tr.html(lang, "plan-ask-evaluation", max=LIMITS["evaluation"])
        if step == "poll":
            return tr.html(
                lang,
                "plan-ask-poll",
                title=p["title"],
                groups=p["group_names"],
                count=p["reach"],
                least=plan_poll_least(self.svc.settings),
            )
        if step == "poll_confirm":
            poll = parse_custom(p["poll"])
            assert poll is not None  # checked when typed
            return tr.html(
                lang,
                "plan-poll-confirm",
                question=poll.question,
                options="\n".join(f"• {o}" for o in poll.options),
                groups=p["group_names"],
                count=p["reach"],
                least=plan_poll_least(self.svc.settings),
            )
        confirm = tr.html(
            lang,
            "plan-confirm",
            title=p["title"],
            responsible=p["responsible"],
            participants=participants_text(w, p["participants"]),
            actions=p["actions"],
            evaluate=w.date(date.fromisoformat(p["evaluate_on"])),
        )
        # The owner and who is reminded of what go with the plan's facts, before the question.
        facts, _, question = confirm.rpartition("\n\n")
        extra = [tr.html(lang, "plan-owner", owner=p.get("owner_name", "?"))]
        reminders = p.get("reminders") or []
        if reminders:
            extra.append(tr.html(lang, "plan-reminders"))
            extra += [
                tr.html(
                    lang,
                    "plan-reminder-line",
                    what=what,
                    owner=name,
                    date=w.date(date.fromisoformat(due)),
                )
                for what, due, _owner_id, name in reminders
            ]
        added = "\n".join(extra)
        return f"{facts}\n{added}\n\n{question}" if facts else f"{confirm}\n{added}"

    def _buttons(self, w: Words, token: str, p: dict[str, Any]) -> list[list[Button]]:
        tr, lang = self.svc.tr, w.lang
        cancel = [
            Button(tr.plain(lang, "button-cancel"), callbacks.button_data(token, INDEX_CANCEL))
        ]
        step = p["step"]
        if step == "owner":
            people_ = [
                [Button(str(name), callbacks.button_data(token, i))]
                for i, (_pid, name) in enumerate(p.get("staff", []))
            ]
            return [*people_, cancel]
        if step == "decide":
            again = self.svc.today() + timedelta(weeks=EVALUATE_WEEKS[1])
            return [
                [
                    Button(
                        tr.plain(lang, "plan-continue", date=w.date(again)),
                        callbacks.button_data(token, 0),
                    )
                ],
                [Button(tr.plain(lang, "plan-close"), callbacks.button_data(token, 1))],
            ]
        if step == "participants":
            chosen = set(p.get("participants", []))
            rows = [
                [
                    Button(
                        ("✅ " if code in chosen else "▫️ ") + w.t("plan-participant", who=code),
                        callbacks.button_data(token, i),
                    )
                ]
                for i, code in enumerate(PARTICIPANTS)
            ]
            done = Button(tr.plain(lang, "plan-done"), callbacks.button_data(token, INDEX_DONE))
            return [*rows, [done, cancel[0]]]
        if step == "evaluate":
            today = self.svc.today()
            rows = [
                [
                    Button(
                        tr.plain(
                            lang,
                            "plan-evaluate-in",
                            weeks=weeks,
                            date=w.date(today + timedelta(weeks=weeks)),
                        ),
                        callbacks.button_data(token, i),
                    )
                ]
                for i, weeks in enumerate(EVALUATE_WEEKS)
            ]
            return [*rows, cancel]
        if step == "confirm":
            save = Button(tr.plain(lang, "plan-save"), callbacks.button_data(token, INDEX_SAVE))
            return [[save, cancel[0]]]
        if step == "poll" and p.get("last"):
            same = Button(
                tr.plain(lang, "plan-poll-again"), callbacks.button_data(token, INDEX_AGAIN)
            )
            return [[same], cancel]
        if step == "poll_confirm":
            send = Button(
                tr.plain(lang, "plan-poll-send"), callbacks.button_data(token, INDEX_SEND)
            )
            return [[send, cancel[0]]]
        return [cancel]

    # -- use cases --------------------------------------------------------------------------

    async def start(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, phenomenon_id: int
    ) -> list[OutboxRow]:
        row = await tx.fetchone("SELECT * FROM phenomena WHERE id = ?", (phenomenon_id,))
        if row is None:
            raise CallbackRefused("phen-gone", hostile=False)
        w: Words = self.words(person.language)
        title = f"{signal_label(w, row['signal'])} – {await scope_label(tx, w, row['scope'])}"
        title = title[:1].upper() + title[1:]
        payload = {"step": "responsible", "ph": phenomenon_id, "title": title, "chat": chat_id}
        return await self._ask(tx, now, person, chat_id, payload)

    async def start_evaluation(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, plan_id: int
    ) -> list[OutboxRow]:
        title = await tx.fetchval("SELECT title FROM plans WHERE id = ?", (plan_id,))
        if title is None:
            raise CallbackRefused("phen-gone", hostile=False)
        payload = {"step": "evaluation", "plan": plan_id, "title": title, "chat": chat_id}
        return await self._ask(tx, now, person, chat_id, payload)

    async def start_poll(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, plan_id: int
    ) -> list[OutboxRow]:
        """Ask the students the plan concerns: first the question and its options."""
        plan = await tx.fetchone("SELECT * FROM plans WHERE id = ?", (plan_id,))
        if plan is None:
            raise CallbackRefused("phen-gone", hostile=False)
        groups = await self.poll_groups(tx, plan)
        if self.peer is None or not groups:
            raise CallbackRefused("plan-poll-no-groups", hostile=False)
        reach = 0
        for group in groups:
            reach += len(await self.peer.private_targets(tx, group.id, now))
        last = await tx.fetchval(
            "SELECT text FROM broadcasts WHERE plan_id = ? AND confirmed_at IS NOT NULL"
            " ORDER BY id DESC LIMIT 1",
            (plan_id,),
        )
        payload = {
            "step": "poll",
            "plan": plan_id,
            "title": plan["title"],
            "chat": chat_id,
            "group_names": ", ".join(g.name for g in groups),
            "reach": reach,
            "last": last,
        }
        return await self._ask(tx, now, person, chat_id, payload)

    async def poll_groups(self, db: Reads, plan: Any) -> list[Group]:
        """The groups a plan concerns: its phenomenon's group, or every group with active
        students when the phenomenon is the whole school's."""
        if plan["phenomenon_id"] is None:
            return []
        scope = await db.fetchval(
            "SELECT scope FROM phenomena WHERE id = ?", (plan["phenomenon_id"],)
        )
        if scope is None:
            return []
        args: tuple[int, ...] = ()
        where = "1"
        if str(scope).startswith("group:"):
            where, args = "g.id = ?", (int(str(scope).split(":")[1]),)
        rows = await db.fetchall(
            f"SELECT g.id, g.name, g.chat_id FROM groups g WHERE {where} AND EXISTS"
            " (SELECT 1 FROM students s WHERE s.group_id = g.id AND s.status = 'active')"
            " ORDER BY g.name",
            args,
        )
        return [Group(r["id"], r["name"], r["chat_id"]) for r in rows]

    async def poll_results(self, db: Reads, lang: str, plan_id: int) -> list[str]:
        """Each poll the plan sent its students, oldest first: the question, how many of
        those it reached answered, and the totals — only from plan_poll_least answers up,
        added over all the groups it went to (nothing per group, nothing per student)."""
        tr = self.svc.tr
        least = plan_poll_least(self.svc.settings)
        sent = await db.fetchall(
            "SELECT id, text, group_ids, confirmed_at FROM broadcasts WHERE plan_id = ?"
            " AND confirmed_at IS NOT NULL ORDER BY confirmed_at, id",
            (plan_id,),
        )
        out: list[str] = []
        for b in sent:
            poll = parse_custom(b["text"] or "")
            if poll is None:
                continue
            low, high = key_range(f"peer:b{b['id']}|")
            votes, voters = [0] * len(poll.options), 0
            for t in await db.fetchall(
                "SELECT counts FROM polls WHERE poll_id >= ? AND poll_id < ?", (low, high)
            ):
                state = poll_state(t["counts"])
                votes = [
                    a + b for a, b in zip(votes, state["votes"] + [0] * len(votes), strict=False)
                ]
                voters += state["voters"]
            reached = 0
            if self.peer is not None:
                for group_id in json.loads(b["group_ids"]):
                    reached += await self.peer.targets(db, f"b{b['id']}", int(group_id), sent=True)
            day = from_db(b["confirmed_at"]).astimezone(self.svc.settings.tz).date()
            head = tr.html(
                lang,
                "plan-poll-result-head",
                question=poll.question,
                date=self.words(lang).date(day),
                voters=voters,
                reached=reached,
            )
            if voters < least:
                body = tr.html(lang, "plan-poll-result-too-few", least=least)
            else:
                body = "\n".join(
                    PeerTexts(tr).result_lines(list(poll.options), votes, voters, set())
                )
            out.append(f"{head}\n{body}")
        return out

    async def typed(
        self, unit: UnitOfWork, person: Person, chat_id: int, text: str, key: str
    ) -> Outcome | None:
        """A typed answer to the pending step; None (not consumed) when nothing is pending."""
        assert person.tg_user_id is not None
        tg_user_id = person.tg_user_id
        now = unit.now
        today = now.astimezone(self.svc.settings.tz).date()

        async def work(tx: Tx) -> Outcome | None:
            pending = await self.pending(tx, tg_user_id, now)
            if pending is None or pending.payload.get("step") not in TEXT_STEPS:
                return None
            p = dict(pending.payload)
            step = p["step"]
            text_ = text.strip()
            hint: str | None = None
            if step == "poll":
                try:
                    check_custom(text_)
                    if parse_custom(text_) is None:
                        hint = self.svc.tr.html(person.language, "plan-poll-format")
                    else:
                        p.update(step="poll_confirm", poll=text_)
                except ComposeError as error:
                    hint = self.svc.tr.html(person.language, error.reason, **error.args_)
            elif step == "evaluate":
                day = parse_date(text_, today)
                if day is None:
                    example = self.words(person.language).date(today + timedelta(weeks=6))
                    hint = self.svc.tr.html(person.language, "plan-bad-date", example=example)
                else:
                    p.update(step="confirm", evaluate_on=day.isoformat())
            elif len(text_) > LIMITS[step]:
                hint = self.svc.tr.html(person.language, "plan-too-long", max=LIMITS[step])
            elif len(text_) < 3:
                hint = self.svc.tr.html(person.language, "plan-too-short")
            if hint is not None:
                row = await enqueue(tx, f"{key}:hint", OutMessage(chat_id, hint), now=now)
                return Outcome.of(row)
            if step == "responsible":
                staff = await self._staff(tx, p.get("ph"))
                p.update(step="owner", responsible=text_, participants=[], staff=staff)
            elif step == "actions":
                reminders = await self._reminders(tx, text_, p, person)
                p.update(step="evaluate", actions=text_, reminders=reminders)
            elif step == "evaluation":
                return await self._save_evaluation(tx, now, person, chat_id, p, text_)
            return Outcome(rows=await self._ask(tx, now, person, chat_id, p))

        return await unit.run(work)

    async def press(
        self,
        unit: UnitOfWork,
        person: Person,
        callback: Callback,
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        now = unit.now
        today = now.astimezone(self.svc.settings.tz).date()

        async def work(tx: Tx) -> Outcome:
            used = await tx.fetchval(
                "SELECT used_at FROM callbacks WHERE token = ?", (callback.token,)
            )
            tr, lang = self.svc.tr, person.language
            if used is not None:
                return Outcome(toast=tr.plain(lang, "plan-step-gone"))
            p = dict(PlanStep.of(callback).state)
            step = p.get("step")
            if step == "participants" and 0 <= index < len(PARTICIPANTS):
                return await self._toggle(tx, now, person, callback, p, index, chat_id, message_id)
            if step == "participants" and index == INDEX_DONE and not p.get("participants"):
                return Outcome(toast=tr.plain(lang, "plan-need-participants"))
            # The step is over: its buttons go, so an old message cannot be pressed again.
            off = await enqueue(
                tx,
                f"plan:{callback.token}:off",
                OutMessage(chat_id, op="edit_markup", message_id=message_id),
                now=now,
            )
            rows = [off] if off else []
            if index == INDEX_CANCEL:
                await self._close_all(tx, callback.tg_user_id, now)
                bye = await enqueue(
                    tx,
                    f"plan:{callback.token}:cancel",
                    OutMessage(chat_id, tr.html(lang, "plan-cancelled")),
                    now=now,
                )
                return Outcome(rows=rows + ([bye] if bye else []))
            if step == "owner" and 0 <= index < len(p.get("staff", [])):
                owner_id, owner_name = p["staff"][index]
                p.update(step="participants", owner=owner_id, owner_name=owner_name)
            elif step == "decide" and index in (0, 1):
                return Outcome(rows=rows + await self._decide(tx, now, person, chat_id, p, index))
            elif step == "participants" and index == INDEX_DONE:
                p["step"] = "actions"
            elif step == "evaluate" and 0 <= index < len(EVALUATE_WEEKS):
                day = today + timedelta(weeks=EVALUATE_WEEKS[index])
                p.update(step="confirm", evaluate_on=day.isoformat())
            elif step == "confirm" and index == INDEX_SAVE:
                return Outcome(rows=rows + await self._save(tx, now, person, chat_id, p))
            elif step == "poll" and index == INDEX_AGAIN and p.get("last"):
                p.update(step="poll_confirm", poll=p["last"])
            elif step == "poll_confirm" and index == INDEX_SEND:
                return Outcome(rows=rows + await self._send_poll(tx, now, person, chat_id, p))
            else:
                raise CallbackRefused("callback-invalid", hostile=True)
            return Outcome(rows=rows + await self._ask(tx, now, person, chat_id, p))

        return await unit.run(work)

    async def _toggle(
        self,
        tx: Tx,
        now: datetime,
        person: Person,
        callback: Callback,
        p: dict[str, Any],
        index: int,
        chat_id: int,
        message_id: int,
    ) -> Outcome:
        chosen = list(p.get("participants", []))
        code = PARTICIPANTS[index]
        chosen = [c for c in chosen if c != code] if code in chosen else [*chosen, code]
        p["participants"] = [c for c in PARTICIPANTS if c in chosen]
        p["toggles"] = int(p.get("toggles", 0)) + 1
        await tx.execute(
            "UPDATE callbacks SET payload = ? WHERE token = ?",
            (json.dumps(PlanStep(p).as_json()), callback.token),
        )
        w: Words = self.words(person.language)
        row = await enqueue(
            tx,
            f"plan:{callback.token}:t{p['toggles']}",
            OutMessage(
                chat_id,
                op="edit_markup",
                message_id=message_id,
                buttons=self._buttons(w, callback.token, p),
            ),
            now=now,
        )
        return Outcome.of(row)

    async def _save(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, p: dict[str, Any]
    ) -> list[OutboxRow]:
        assert person.tg_user_id is not None
        await self._close_all(tx, person.tg_user_id, now)
        plan_id = await tx.execute(
            "INSERT INTO plans (phenomenon_id, title, responsible, participants, actions,"
            " starts_on, evaluate_on, created_by, created_at, owner_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                p.get("ph"),
                p["title"],
                p["responsible"],
                json.dumps(p["participants"]),
                p["actions"],
                self.svc.today().isoformat(),
                p["evaluate_on"],
                person.id,
                to_db(now),
                p.get("owner"),
            ),
        )
        await audit(tx, now, "plan_created", actor_id=person.id, plan=plan_id)
        await record(tx, now, plan_id, "created")
        if _with_welfare(p) and p.get("ph"):
            # The welfare professionals take part in the work on the phenomenon: they see the
            # plan now and its before/after figures at the evaluation (watch.remind_plans).
            for (welfare_id,) in await tx.fetchall(
                "SELECT person_id FROM person_roles WHERE role = 'welfare' AND person_id != ?",
                (person.id,),
            ):
                added = await tx.execute(
                    "INSERT OR IGNORE INTO phenomenon_members (phenomenon_id, person_id,"
                    " joined_at) VALUES (?,?,?)",
                    (p["ph"], welfare_id, to_db(now)),
                )
                if added:
                    await audit(
                        tx,
                        now,
                        "phenomenon_member_added",
                        actor_id=person.id,
                        member=welfare_id,
                        phenomenon=p["ph"],
                    )
        reminders = p.get("reminders")
        if reminders is None:  # a dialog begun before actions had owners
            reminders = [
                [what, day.isoformat(), p.get("owner") or person.id, ""]
                for what, day in dated_actions(p["actions"], self.svc.today())
            ]
        for what, due, owner_id, _name in reminders:
            await tx.execute(
                "INSERT INTO plan_actions (plan_id, what, due_on, owner_id) VALUES (?,?,?,?)",
                (plan_id, what, due, owner_id or p.get("owner") or person.id),
            )
        w: Words = self.words(person.language)
        text = self.svc.tr.html(
            person.language, "plan-saved", date=w.date(date.fromisoformat(p["evaluate_on"]))
        )
        row = await enqueue(tx, f"plan:{plan_id}:saved", OutMessage(chat_id, text), now=now)
        shared = await self._tell_members(tx, now, plan_id, {**p, "by": person.id})
        return written(row) + shared

    async def _tell_members(
        self, tx: Tx, now: datetime, plan_id: int, p: dict[str, Any]
    ) -> list[OutboxRow]:
        """Staff who joined the phenomenon (its group's coach), the plan's owner and — when
        the plan names student welfare among its participants — the school's welfare
        professionals see the plan they are part of: the plan and, at its evaluation, its
        aggregate figures; never a student (each read audited)."""
        members = await tx.fetchall(
            "SELECT p.id, p.tg_user_id, p.language FROM phenomenon_members m"
            " JOIN persons p ON p.id = m.person_id"
            " WHERE m.phenomenon_id = ? AND p.tg_user_id IS NOT NULL"
            " UNION SELECT id, tg_user_id, language FROM persons WHERE id = ? AND id != ?"
            " AND tg_user_id IS NOT NULL"
            " UNION SELECT p.id, p.tg_user_id, p.language FROM persons p"
            " JOIN person_roles r ON r.person_id = p.id AND r.role = 'welfare'"
            " WHERE ? AND p.id != ? AND p.tg_user_id IS NOT NULL ORDER BY 1",
            (p.get("ph"), p.get("owner"), p.get("by"), _with_welfare(p), p.get("by")),
        )
        rows: list[OutboxRow] = []
        for m in members:
            w: Words = self.words(m["language"])
            text = self.svc.tr.html(
                w.lang,
                "plan-for-member",
                title=p["title"],
                responsible=p["responsible"],
                actions=p["actions"],
                evaluate=w.date(date.fromisoformat(p["evaluate_on"])),
            )
            await audit(tx, now, "plan_shared", actor_id=m["id"], plan=plan_id)
            row = await enqueue(
                tx,
                f"plan:{plan_id}:member:{m['id']}",
                OutMessage(m["tg_user_id"], text),
                now=now,
                person_id=m["id"],
            )
            rows += written(row)
        return rows

    async def _save_evaluation(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, p: dict[str, Any], text: str
    ) -> Outcome:
        """The evaluation is kept at once; then: continue (a new date) or close."""
        await tx.execute("UPDATE plans SET evaluation = ? WHERE id = ?", (text, p["plan"]))
        await audit(tx, now, "plan_evaluated", actor_id=person.id, plan=p["plan"])
        await record(tx, now, p["plan"], "evaluated", text)
        p = {**p, "step": "decide"}
        return Outcome(rows=await self._ask(tx, now, person, chat_id, p))

    async def _decide(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, p: dict[str, Any], index: int
    ) -> list[OutboxRow]:
        assert person.tg_user_id is not None
        await self._close_all(tx, person.tg_user_id, now)
        w: Words = self.words(person.language)
        if index == 0:
            again = self.svc.today() + timedelta(weeks=EVALUATE_WEEKS[1])
            await tx.execute(
                "UPDATE plans SET status = 'continued', evaluate_on = ?, reminded_at = NULL"
                " WHERE id = ?",
                (again.isoformat(), p["plan"]),
            )
            text = self.svc.tr.html(person.language, "plan-continued", date=w.date(again))
        else:
            await tx.execute("UPDATE plans SET status = 'closed' WHERE id = ?", (p["plan"],))
            text = self.svc.tr.html(person.language, "plan-closed")
        await audit(
            tx, now, "plan_decided", actor_id=person.id, plan=p["plan"], continued=index == 0
        )
        await record(tx, now, p["plan"], "continued" if index == 0 else "closed")
        row = await enqueue(
            tx, f"plan:{p['plan']}:decided:{now.timestamp()}", OutMessage(chat_id, text), now=now
        )
        return written(row)

    async def _send_poll(
        self, tx: Tx, now: datetime, person: Person, chat_id: int, p: dict[str, Any]
    ) -> list[OutboxRow]:
        """The poll goes privately to every student of the plan's groups, as a broadcast
        marked with the plan (its delivery report comes to the sender like any broadcast)."""
        assert person.tg_user_id is not None
        await self._close_all(tx, person.tg_user_id, now)
        plan = await tx.fetchone("SELECT * FROM plans WHERE id = ?", (p["plan"],))
        groups = [] if plan is None else await self.poll_groups(tx, plan)
        if self.peer is None or not groups:
            raise CallbackRefused("plan-poll-no-groups", hostile=False)
        least = plan_poll_least(self.svc.settings)
        broadcast_id = await tx.execute(
            "INSERT INTO broadcasts (created_by, group_ids, audience, prompt_id, text,"
            " created_at, confirmed_at, plan_id) VALUES (?,?,'private',NULL,?,?,?,?)",
            (
                person.id,
                json.dumps([g.id for g in groups]),
                p["poll"],
                to_db(now),
                to_db(now),
                p["plan"],
            ),
        )
        content = Content(custom=p["poll"])
        rows: list[OutboxRow] = []
        queued = 0
        for group in groups:
            rows += await self.peer.dispatch(
                tx,
                now,
                f"b{broadcast_id}",
                group,
                content,
                "private",
                sender=None,
                plan_least=least,
            )
            queued += await self.peer.targets(tx, f"b{broadcast_id}", group.id)
        poll = parse_custom(p["poll"])
        await record(tx, now, p["plan"], "asked", poll.question if poll else "")
        await audit(
            tx,
            now,
            "plan_poll_sent",
            actor_id=person.id,
            plan=p["plan"],
            broadcast_id=broadcast_id,
            groups=[g.id for g in groups],
            recipients=queued,
        )
        text = self.svc.tr.html(person.language, "plan-poll-sent", count=queued, least=least)
        row = await enqueue(
            tx, f"plan:{p['plan']}:poll:{broadcast_id}", OutMessage(chat_id, text), now=now
        )
        return rows + written(row)

    async def _reminders(
        self, tx: Tx, actions: str, p: dict[str, Any], person: Person
    ) -> list[list[Any]]:
        """Each dated action and who is reminded of it on its day: the staff member the line
        names (full name, or a first name no one else on the staff has), else the plan's owner.
        [what, ISO date, person id, name] — shown before saving, so the maker sees it."""
        staff = await tx.fetchall(
            "SELECT p.id, p.display_name FROM persons p WHERE p.tg_user_id IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id"
            " AND r.role IN ('coach', 'group_coach', 'coordinator', 'welfare'))"
        )
        firsts: dict[str, list[Any]] = {}
        for r in staff:
            firsts.setdefault(r["display_name"].split()[0].casefold(), []).append(r)
        default_id = p.get("owner") or person.id
        default_name = p.get("owner_name") or person.display_name
        out: list[list[Any]] = []
        for what, day in dated_actions(actions, self.svc.today()):
            words = set(re.findall(r"\w+", what.casefold()))
            named = [r for r in staff if r["display_name"].casefold() in what.casefold()]
            if not named:
                named = [
                    rows[0] for first, rows in firsts.items() if first in words and len(rows) == 1
                ]
            if len(named) == 1:
                out.append([what, day.isoformat(), named[0]["id"], named[0]["display_name"]])
            else:
                out.append([what, day.isoformat(), default_id, default_name])
        return out

    async def _staff(self, tx: Tx, phenomenon_id: int | None) -> list[list[Any]]:
        """Who can own a plan: staff in the system — the affected group's coaches first (those
        who joined the phenomenon before them), then coordinators, then coaches."""
        rows = await tx.fetchall(
            "SELECT p.id, p.display_name,"
            " EXISTS (SELECT 1 FROM phenomenon_members m WHERE m.person_id = p.id"
            "   AND m.phenomenon_id = ?) AS joined,"
            " EXISTS (SELECT 1 FROM phenomena ph JOIN group_coaches gc"
            "   ON ph.scope = 'group:' || gc.group_id WHERE ph.id = ? AND gc.person_id = p.id)"
            "   AS in_group,"
            " EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id"
            "   AND r.role = 'coordinator') AS coordinator"
            " FROM persons p WHERE EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id"
            "   AND r.role IN ('coach', 'group_coach', 'coordinator', 'welfare'))"
            " AND p.tg_user_id IS NOT NULL"
            " ORDER BY joined DESC, in_group DESC, coordinator DESC, p.display_name LIMIT 8",
            (phenomenon_id, phenomenon_id),
        )
        return [[r["id"], r["display_name"]] for r in rows]


def _with_welfare(p: dict[str, Any]) -> bool:
    """The plan names student welfare (kuraattori, psykologi, terveydenhoitaja) as taking part."""
    return "welfare" in (p.get("participants") or [])
