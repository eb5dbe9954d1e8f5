"""/aikataulu: check-in and peer prompt schedules for the coordinator and a group's group
coach — a guided dialog (group, flow or prompt theme and audience, weekdays, time, every n
weeks, date range, break policy), the list with remove, and each schedule's delivery report.
Also wires the rounds into the clock tick and keeps `persons.unreachable_at` in step with a
student blocking or unblocking the bot.

The dialog keeps its state in the buttons' server-side payloads (and, for typed times and
dates, in a pending input), so it survives a restart and every step re-checks who may act.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.scheduling import store
from bot.scheduling.calendar import ON_THE_JOB, SchoolCalendar
from bot.scheduling.due import Schedule, ScheduleError, next_send, parse_hhmm
from bot.services import admin_inputs, callbacks, people, schedules
from bot.services.callbacks import Callback, CallbackRefused
from bot.services.container import Outcome
from bot.services.delivery import mark_reachable, mark_unreachable
from bot.services.outbox import Button, OutMessage
from bot.services.peer import THEME_PREFIX
from bot.services.peer_library import PromptLibrary
from bot.services.rounds import DEFAULT_GRACE, RoundService, clock_text, when_text
from bot.services.schedules import RISK_POINTS_PREFIX, Draft, day_text
from bot.storage.db import Tx

if TYPE_CHECKING:
    from bot.telegram.handlers import Caller, Handlers

log = logging.getLogger(__name__)
ACTION = "schedule"
PENDING_TIME = "schedule-time"
PENDING_RANGE = "schedule-range"
TIMES = ("08:00", "08:30", "09:00", "10:00", "12:00", "14:00")
# button indexes
DONE, CANCEL, TYPED, BACK, NEW = 100, 101, 99, 102, 103
REPORT, REMOVE = 200, 300  # + the schedule's position in the list

View = tuple[str, list[list[Button]]]


def register(h: Handlers) -> None:
    settings = h.rt.settings
    grace_hours = getattr(settings, "round_grace_hours", None)
    grace = timedelta(hours=grace_hours) if grace_hours is not None else DEFAULT_GRACE
    rounds = RoundService(h.rt.svc, grace=grace)
    rounds.deliver = lambda rows: h.rt.deliver(Outcome(rows=rows))  # a big round's chunks
    h.rt.features["rounds"] = rounds
    svc = h.rt.svc

    async def tick() -> None:
        try:
            h.rt.deliver(await rounds.tick())
        except Exception:  # the other tickers and the outbox scan must still run
            log.exception("scheduled rounds failed this tick")

    h.rt.tickers.append(tick)

    # -- blocked / unblocked --------------------------------------------------------------

    async def private_membership(update: Update) -> None:
        """Telegram says a user blocked (kicked) or unblocked the bot in their private chat."""
        change = update.my_chat_member
        if change is None or change.chat.type != ChatType.PRIVATE:
            return
        person = await people.person_by_tg(h.rt.db, change.chat.id)
        if person is None:
            return
        status = change.new_chat_member.status
        now = h.rt.clock.now()

        async def work(tx: Tx) -> Outcome:
            if status in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT):
                rows = await mark_unreachable(tx, svc.tr, now, person.id, "blocked the bot")
                return Outcome(rows=rows)
            if status == ChatMemberStatus.MEMBER:
                await mark_reachable(tx, person.id)
            return Outcome()

        h.rt.deliver(await h.rt.db.transaction(work))

    h.membership.append(private_membership)

    def library() -> PromptLibrary | None:
        """The peer prompt library (the peer feature registers after this one)."""
        peer = h.rt.features.get("peer")
        return peer.library if peer is not None else None

    # -- views ----------------------------------------------------------------------------

    async def token(c: Caller, payload: dict[str, Any]) -> str:
        now = h.rt.clock.now()
        return await h.rt.db.transaction(
            lambda tx: callbacks.issue(tx, now, c.tg_user_id, ACTION, payload)
        )

    def button(c: Caller, attribute: str, tok: str, index: int, **args: object) -> Button:
        label = svc.tr.plain(c.lang, "schedule-button", attribute, **args)
        return Button(label, callbacks.button_data(tok, index))

    async def groups_view(c: Caller, groups: list[tuple[int, str]]) -> View:
        tok = await token(c, {"step": "group", "ids": [gid for gid, _ in groups]})
        rows = [[Button(name, callbacks.button_data(tok, i))] for i, (_, name) in enumerate(groups)]
        return h.text(c, "schedule-choose-group"), rows

    async def menu_view(c: Caller, group_id: int, several: bool) -> View:
        found = await store.group_schedules(h.rt.db, group_id)
        name = await schedules.group_name(h.rt.db, group_id)
        lines = [h.text(c, "schedule-menu-title", group=name), ""]
        if not found:
            lines.append(h.text(c, "schedule-menu-empty"))
        for n, schedule in enumerate(found, start=1):
            lines.append(f"{n}. " + schedules.describe(svc, c.lang, schedule, library()))
            lines.append("    " + await schedules.next_text(svc, c.lang, schedule))
        payload = {"step": "menu", "g": group_id, "ids": [s.id for s in found], "many": several}
        tok = await token(c, payload)
        rows = [[button(c, "new", tok, NEW)]]
        for n, _ in enumerate(found):
            rows.append(
                [
                    button(c, "report", tok, REPORT + n, n=n + 1),
                    button(c, "remove", tok, REMOVE + n, n=n + 1),
                ]
            )
        if several:
            rows.append([button(c, "groups", tok, BACK)])
        return "\n".join(lines), rows

    async def draft_view(
        c: Caller,
        step: str,
        draft: Draft,
        extra: dict[str, Any],
        labels: list[str] | None = None,
    ) -> View:
        name = await schedules.group_name(h.rt.db, draft.group_id)
        head = h.text(c, "schedule-new-title", group=name) + "\n\n"
        tok = await token(c, {"step": step, "draft": draft.to_json(), **extra})
        cancel = [button(c, "cancel", tok, CANCEL)]
        if step == "flow":
            flows = extra["flows"]
            rows = [
                [Button(flow_label(c, f), callbacks.button_data(tok, i))]
                for i, f in enumerate(flows)
            ]
            ask = h.text(c, "schedule-ask-flow")
            if any(f.startswith(RISK_POINTS_PREFIX) for f in flows):
                ask += "\n" + h.text(c, "schedule-ask-flow-risk-points", **risk_windows())
            if any(f.startswith(THEME_PREFIX) for f in flows):
                ask += "\n" + h.text(c, "schedule-ask-flow-themes")
            return head + ask, [*rows, cancel]
        if step == "audience":
            rows = [[button(c, a, tok, i)] for i, a in enumerate(extra["auds"])]
            ask = h.text(c, "schedule-ask-audience")
            if "chat" not in extra["auds"]:
                ask += "\n\n" + h.text(c, "schedule-audience-no-chat")
            return head + ask, [*rows, cancel]
        if step == "days":
            labels = [
                ("✅ " if d in draft.weekdays else "")
                + svc.tr.plain(c.lang, "schedule-weekday", f"d{d + 1}")
                for d in range(7)
            ]
            rows = [
                [Button(labels[d], callbacks.button_data(tok, d)) for d in range(5)],
                [Button(labels[d], callbacks.button_data(tok, d)) for d in (5, 6)],
                [button(c, "done", tok, DONE)],
            ]
            return head + h.text(c, "schedule-ask-days"), [*rows, cancel]
        if step == "time":
            shown = [
                Button(_clock(c.lang, t), callbacks.button_data(tok, i))
                for i, t in enumerate(TIMES)
            ]
            rows = [shown[:3], shown[3:], [button(c, "type-time", tok, TYPED)]]
            return head + h.text(c, "schedule-ask-time"), [*rows, cancel]
        if step == "every":
            rows = [
                [
                    Button(
                        svc.tr.plain(c.lang, "schedule-every", n=n).capitalize(),
                        callbacks.button_data(tok, n),
                    )
                ]
                for n in (1, 2, 3, 4)
            ]
            return head + h.text(c, "schedule-ask-every"), [*rows, cancel]
        if step == "range":
            rows = [[button(c, "open-range", tok, 0)]]
            for i, label in enumerate(labels or []):
                rows.append([Button(label, callbacks.button_data(tok, i + 1))])
            rows.append([button(c, "type-range", tok, TYPED)])
            return head + h.text(c, "schedule-ask-range"), [*rows, cancel]
        if step == "break":
            rows = [[button(c, "skip", tok, 0)], [button(c, "shift", tok, 1)]]
            return head + h.text(c, "schedule-ask-break"), [*rows, cancel]
        # confirm
        preview = schedule_of(draft)
        calendar = await SchoolCalendar.load(h.rt.db)
        lines = [
            head + h.text(c, "schedule-confirm"),
            schedules.describe(svc, c.lang, draft, library()),
            "",
            h.text(c, "schedule-upcoming"),
            *schedules.preview_lines(svc, c.lang, preview, calendar),
        ]
        rows = [[button(c, "save", tok, 0)], cancel]
        return "\n".join(lines), rows

    def schedule_of(draft: Draft) -> Schedule:
        return Schedule(
            id=0,
            group_id=draft.group_id,
            flow_id=draft.flow_id or "",
            weekdays=draft.weekdays or (0,),
            at_time=parse_hhmm(draft.at_time or "09:00"),
            starts_on=date.fromisoformat(draft.starts_on or svc.today().isoformat()),
            created_at=h.rt.clock.now(),
            timezone=settings.timezone,
            every_weeks=draft.every_weeks,
            ends_on=date.fromisoformat(draft.ends_on) if draft.ends_on else None,
            on_break=draft.on_break,
            kind=draft.kind,
            audience=draft.audience,
        )

    def flow_label(c: Caller, flow_id: str) -> str:
        if flow_id.startswith(THEME_PREFIX):
            return schedules.schedule_title(svc, c.lang, "prompt", flow_id, library())
        if flow_id.startswith(RISK_POINTS_PREFIX):
            title = schedules.flow_title(svc, c.lang, flow_id[len(RISK_POINTS_PREFIX) :])
            return svc.tr.plain(c.lang, "schedule-risk-points-flow", flow=title)
        return schedules.flow_title(svc, c.lang, flow_id)

    async def range_view(c: Caller, draft: Draft) -> View:
        """Ready-made date ranges: open-ended, the school year, the group's on-the-job
        learning periods (e.g. for the on-the-job learning check-in)."""
        today = svc.today()
        calendar = await SchoolCalendar.load(h.rt.db)
        ranges: list[list[str | None]] = [[today.isoformat(), None]]
        labels: list[tuple[str, str, str | None]] = []
        end = schedules.school_year_end(calendar, today)
        if end is not None:
            label = svc.tr.plain(c.lang, "schedule-button", "school-year", date=day_text(end))
            labels.append((label, today.isoformat(), end.isoformat()))
        for period in calendar.periods(draft.group_id, ON_THE_JOB, ending_after=today)[:4]:
            first = max(period.starts_on, today)
            label = f"🛠 {period.name}: {day_text(first)}–{day_text(period.ends_on)}"
            labels.append((label, first.isoformat(), period.ends_on.isoformat()))
        ranges += [[start, stop] for _, start, stop in labels]
        shown = [label for label, _, _ in labels]
        return await draft_view(c, "range", draft, {"ranges": ranges}, shown)

    def risk_windows() -> dict[str, int]:
        rules = svc.settings.risk_points
        return {
            "start": rules.start_weeks,
            "work": rules.work_learning_days,
            "back": rules.return_days,
        }

    async def flow_view(c: Caller, draft: Draft) -> View:
        """Check-in flows, then the peer prompt themes this group's schedule could rotate."""
        flows = [f.id for f in svc.flows.all() if f.kind == "checkin"]
        flows += [RISK_POINTS_PREFIX + f for f in flows]  # the same, for risk points only
        lib = library()
        if lib is not None:
            has_chat = await schedules.group_chat(h.rt.db, draft.group_id) is not None
            flows += [THEME_PREFIX + t for t in schedules.prompt_themes(lib, has_chat)]
        return await draft_view(c, "flow", draft, {"flows": flows})

    async def audience_view(c: Caller, draft: Draft) -> View:
        lib = library()
        has_chat = await schedules.group_chat(h.rt.db, draft.group_id) is not None
        theme_id = (draft.flow_id or "")[len(THEME_PREFIX) :]
        auds = schedules.theme_audiences(lib, theme_id, has_chat) if lib else []
        return await draft_view(c, "audience", draft, {"auds": auds})

    # -- entry points ---------------------------------------------------------------------

    async def edit(c: Caller, message_id: int, view: View) -> None:
        text, rows = view
        await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=message_id, buttons=rows))

    async def send(c: Caller, view: View) -> None:
        text, rows = view
        await h.say(c, OutMessage(c.chat_id, text, buttons=rows))

    async def command(c: Caller) -> None:
        assert c.person is not None  # the command is for staff only
        groups = await schedules.manageable_groups(h.rt.db, c.person)
        if not groups:
            await h.say_text(c, "schedule-no-groups")
        elif len(groups) == 1:
            await send(c, await menu_view(c, groups[0][0], several=False))
        else:
            await send(c, await groups_view(c, groups))

    async def allowed(c: Caller, group_id: int) -> None:
        if c.person is None or not await schedules.may_manage(h.rt.db, c.person, group_id):
            raise CallbackRefused("schedule-not-yours", hostile=True)

    async def press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        if c.person is None:
            raise CallbackRefused("callback-not-yours", hostile=True)
        step = str(cb.payload.get("step"))
        if step == "group":
            ids = cb.payload["ids"]
            if not 0 <= index < len(ids):
                raise CallbackRefused("callback-invalid", hostile=True)
            await allowed(c, int(ids[index]))
            await edit(c, message_id, await menu_view(c, int(ids[index]), several=True))
            return None
        if step == "menu":
            return await menu_press(c, cb, index, message_id)
        if step in ("report", "remove"):
            return await schedule_press(c, cb, index, message_id)
        draft = Draft.from_json(cb.payload["draft"])
        await allowed(c, draft.group_id)
        if index == CANCEL:
            await edit(c, message_id, (h.text(c, "schedule-cancelled"), []))
            return None
        if step == "flow":
            flows = cb.payload["flows"]
            if not 0 <= index < len(flows):
                raise CallbackRefused("callback-invalid", hostile=True)
            draft.flow_id = str(flows[index])
            if draft.flow_id.startswith(RISK_POINTS_PREFIX):
                draft.flow_id = draft.flow_id[len(RISK_POINTS_PREFIX) :]
                draft.kind, draft.audience = "checkin", "risk_points"
                await edit(c, message_id, await draft_view(c, "days", draft, {}))
            elif draft.flow_id.startswith(THEME_PREFIX):
                draft.kind = "prompt"
                await edit(c, message_id, await audience_view(c, draft))
            else:
                draft.kind, draft.audience = "checkin", "private"
                await edit(c, message_id, await draft_view(c, "days", draft, {}))
        elif step == "audience":
            auds = cb.payload["auds"]
            if draft.kind != "prompt" or not 0 <= index < len(auds):
                raise CallbackRefused("callback-invalid", hostile=True)
            draft.audience = str(auds[index])
            await edit(c, message_id, await draft_view(c, "days", draft, {}))
        elif step == "days":
            if index == DONE:
                if not draft.weekdays:
                    return svc.tr.plain(c.lang, "schedule-days-needed")
                await edit(c, message_id, await draft_view(c, "time", draft, {}))
                return None
            if not 0 <= index <= 6:
                raise CallbackRefused("callback-invalid", hostile=True)
            chosen = set(draft.weekdays) ^ {index}
            draft.weekdays = tuple(sorted(chosen))
            await edit(c, message_id, await draft_view(c, "days", draft, {}))
        elif step == "time":
            if index == TYPED:
                await expect(c, PENDING_TIME, draft)
                await edit(c, message_id, (h.text(c, "schedule-ask-time-typed"), []))
                return None
            if not 0 <= index < len(TIMES):
                raise CallbackRefused("callback-invalid", hostile=True)
            draft.at_time = TIMES[index]
            await edit(c, message_id, await draft_view(c, "every", draft, {}))
        elif step == "every":
            if index not in (1, 2, 3, 4):
                raise CallbackRefused("callback-invalid", hostile=True)
            draft.every_weeks = index
            await edit(c, message_id, await range_view(c, draft))
        elif step == "range":
            if index == TYPED:
                await expect(c, PENDING_RANGE, draft)
                await edit(c, message_id, (h.text(c, "schedule-ask-range-typed"), []))
                return None
            ranges = cb.payload["ranges"]
            if not 0 <= index < len(ranges):
                raise CallbackRefused("callback-invalid", hostile=True)
            draft.starts_on, draft.ends_on = ranges[index]
            await edit(c, message_id, await draft_view(c, "break", draft, {}))
        elif step == "break":
            if index not in (0, 1):
                raise CallbackRefused("callback-invalid", hostile=True)
            draft.on_break = ("skip", "shift")[index]
            await edit(c, message_id, await draft_view(c, "confirm", draft, {}))
        elif step == "confirm":
            if index != 0:
                raise CallbackRefused("callback-invalid", hostile=True)
            return await save(c, cb, draft, message_id)
        else:
            raise CallbackRefused("callback-invalid", hostile=True)
        return None

    async def save(c: Caller, cb: Callback, draft: Draft, message_id: int) -> str | None:
        assert c.person is not None
        try:
            schedule = await schedules.create(svc, c.person, draft, cb.token)
        except schedules.AlreadyDone:
            return svc.tr.plain(c.lang, "schedule-saved-already")
        except PermissionError:
            raise CallbackRefused("schedule-not-yours", hostile=True) from None
        except ScheduleError:
            await edit(c, message_id, (h.text(c, "schedule-exists"), []))
            return None
        text = await schedules.next_text(svc, c.lang, schedule)
        saved = schedules.describe(svc, c.lang, schedule, library()) + "\n" + text
        tok = await token(c, {"step": "menu", "g": draft.group_id, "ids": [], "many": False})
        first = await first_send_text(c, schedule)
        await edit(
            c,
            message_id,
            (first + "\n\n" + saved, [[button(c, "back", tok, BACK)]]),
        )
        return None

    async def first_send_text(c: Caller, schedule: Schedule) -> str:
        calendar = await SchoolCalendar.load(h.rt.db)
        occ = next_send(schedule, calendar, h.rt.clock.now())
        if occ is None:
            return h.text(c, "schedule-saved-none")
        return h.text(c, "schedule-saved", when=when_text(svc.tr, c.lang, occ.due_at, schedule))

    async def menu_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        group_id = int(cb.payload["g"])
        await allowed(c, group_id)
        assert c.person is not None
        ids = [int(i) for i in cb.payload.get("ids", [])]
        if index == BACK:
            groups = await schedules.manageable_groups(h.rt.db, c.person)
            if len(groups) > 1:
                await edit(c, message_id, await groups_view(c, groups))
            else:
                await edit(c, message_id, await menu_view(c, group_id, several=False))
            return None
        if index == NEW:
            await edit(c, message_id, await flow_view(c, Draft(group_id)))
            return None
        position = index - REPORT if index < REMOVE else index - REMOVE
        if not 0 <= position < len(ids):
            raise CallbackRefused("callback-invalid", hostile=True)
        schedule = await store.get_schedule(h.rt.db, ids[position])
        if schedule is None or not schedule.active or schedule.group_id != group_id:
            return svc.tr.plain(c.lang, "schedule-gone")
        tok = await token(
            c,
            {
                "step": "report" if index < REMOVE else "remove",
                "sid": schedule.id,
                "g": group_id,
                "many": bool(cb.payload.get("many")),
            },
        )
        if index < REMOVE:
            text = await schedules.report_text(svc, c.lang, schedule, library=library())
            await edit(c, message_id, (text, [[button(c, "back", tok, BACK)]]))
        else:
            text = (
                h.text(c, "schedule-remove-confirm")
                + "\n\n"
                + schedules.describe(svc, c.lang, schedule, library())
            )
            rows = [[button(c, "confirm-remove", tok, 0)], [button(c, "back", tok, BACK)]]
            await edit(c, message_id, (text, rows))
        return None

    async def schedule_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        group_id = int(cb.payload["g"])
        await allowed(c, group_id)
        assert c.person is not None
        several = bool(cb.payload.get("many"))
        if index == BACK:
            await edit(c, message_id, await menu_view(c, group_id, several))
            return None
        if cb.payload["step"] != "remove" or index != 0:
            raise CallbackRefused("callback-invalid", hostile=True)
        try:
            removed = await schedules.remove(svc, c.person, int(cb.payload["sid"]))
        except PermissionError:
            raise CallbackRefused("schedule-not-yours", hostile=True) from None
        if not removed:
            return svc.tr.plain(c.lang, "schedule-gone")
        tok = await token(c, {"step": "menu", "g": group_id, "ids": [], "many": several})
        await edit(c, message_id, (h.text(c, "schedule-removed"), [[button(c, "back", tok, BACK)]]))
        return None

    # -- typed time and dates -------------------------------------------------------------

    async def expect(c: Caller, kind: str, draft: Draft) -> None:
        now = h.rt.clock.now()
        await h.rt.db.transaction(
            lambda tx: admin_inputs.expect(tx, now, c.tg_user_id, kind, {"draft": draft.to_json()})
        )

    async def typed(c: Caller, text: str) -> bool:
        if c.person is None or not c.person.is_staff:
            return False
        waiting = await admin_inputs.pending(h.rt.db, h.rt.clock.now(), c.tg_user_id)
        if waiting is None or waiting.kind not in (PENDING_TIME, PENDING_RANGE):
            return False
        draft = Draft.from_json(waiting.payload["draft"])
        if not await schedules.may_manage(h.rt.db, c.person, draft.group_id):
            await h.rt.db.transaction(lambda tx: admin_inputs.clear(tx, c.tg_user_id, "schedule"))
            return False
        today = svc.today()
        if waiting.kind == PENDING_TIME:
            at = schedules.parse_time(text)
            if at is None:
                await h.say_text(c, "schedule-bad-time")
                return True
            draft.at_time = at
            view = await draft_view(c, "every", draft, {})
        else:
            parsed = schedules.parse_range(text, today)
            if parsed is None:
                await h.say_text(c, "schedule-bad-range")
                return True
            first, last = parsed
            if last is not None and last < today:
                await h.say_text(c, "schedule-range-past")
                return True
            draft.starts_on, draft.ends_on = first.isoformat(), last.isoformat() if last else None
            view = await draft_view(c, "break", draft, {})
        await h.rt.db.transaction(lambda tx: admin_inputs.clear(tx, c.tg_user_id, "schedule"))
        await send(c, view)
        return True

    h.commands["schedule"] = command
    h.actions[ACTION] = press
    h.text_filters.append(typed)


def _clock(lang: str, hhmm: str) -> str:
    hours, minutes = hhmm.split(":")
    return clock_text(lang, int(hours), int(minutes))
