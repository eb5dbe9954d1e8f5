"""/aikataulu: check-in and peer prompt schedules for the coordinator and a group's group
coach — a guided dialog (group, flow or prompt theme and audience, weekdays, time, every n
weeks, date range, break policy), the list with remove, and each schedule's delivery report.
Also wires the rounds into the clock tick and keeps `persons.unreachable_at` in step with a
student blocking or unblocking the bot.

The dialog keeps its state in the buttons' server-side payloads (and, for typed times and
dates, in a pending input), so it survives a restart and every step re-checks who may act.

The handlers are module-level functions that take the switchboard `h` first; `register` only
wires them. A press is routed by the `step` in its payload: the group list, the menu and a
schedule's report or removal through `LIST_STEPS`, a step of the new schedule's dialog through
`DRAFT_STEPS`; a typed time or date range through `TYPED_STEPS`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.scheduling import store
from bot.scheduling.calendar import ON_THE_JOB, SchoolCalendar
from bot.scheduling.due import Schedule, ScheduleError, next_send, parse_hhmm
from bot.services import people
from bot.services.admin import inputs as admin_inputs
from bot.services.checkins import schedules
from bot.services.checkins.rounds import DEFAULT_GRACE, RoundService, clock_text, when_text
from bot.services.checkins.schedules import RISK_POINTS_PREFIX, Draft, day_text
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload, required
from bot.services.messaging.delivery import private_chat_changed
from bot.services.messaging.outbox import Button, OutMessage
from bot.services.peer.groups import THEME_PREFIX
from bot.services.peer.library import PromptLibrary
from bot.telegram.handlers import Typed

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Sequence

    from bot.telegram.handlers import Handlers, Turn

    # a press on the group list, the menu or one schedule: (h, caller, callback, index, message)
    ListStep = Callable[[Handlers, Turn, Callback, int, int], Awaitable[str | None]]
    # a press in the new schedule's dialog: (h, caller, callback, draft, index, message)
    DraftStep = Callable[[Handlers, Turn, Callback, Draft, int, int], Awaitable[str | None]]
    # a typed answer: (h, caller, text, draft) -> the next view, or None when it was refused
    TypedStep = Callable[[Handlers, Turn, str, Draft], Awaitable["View | None"]]

log = logging.getLogger(__name__)
ACTION = "schedule"


@dataclass(frozen=True, kw_only=True)
class ScheduleStep(Payload, action=ACTION):
    """/aikataulu's buttons: `step` routes a press (LIST_STEPS, DRAFT_STEPS); the rest is what
    that step's buttons stand for."""

    step: str
    g: int | None = None  # the group whose schedules the menu shows
    ids: list[int] = field(default_factory=list)  # groups or schedules listed, by index
    many: bool = False  # the coach manages several groups: "back" goes to the group list
    sid: int | None = None  # the schedule a report or a removal is about
    draft: dict[str, Any] | None = None  # the new schedule so far (Draft.to_json)
    flows: list[str] = field(default_factory=list)
    auds: list[str] = field(default_factory=list)
    ranges: list[list[str | None]] = field(default_factory=list)  # [first day, last or None]


PENDING_TIME = "schedule-time"
PENDING_RANGE = "schedule-range"
TIMES = ("08:00", "08:30", "09:00", "10:00", "12:00", "14:00")
# button indexes
DONE, CANCEL, TYPED, BACK, NEW = 100, 101, 99, 102, 103
REPORT, REMOVE = 200, 300  # + the schedule's position in the list

View = tuple[str, list[list[Button]]]


# -- rounds on the clock tick -------------------------------------------------------------------


def round_service(h: Handlers) -> RoundService:
    settings = h.rt.settings
    grace_hours = getattr(settings, "round_grace_hours", None)
    grace = timedelta(hours=grace_hours) if grace_hours is not None else DEFAULT_GRACE
    rounds = RoundService(h.rt.svc, grace=grace)
    return rounds


async def tick(rounds: RoundService) -> None:
    try:
        await rounds.tick(rounds.svc.unit("tick:rounds"))
    except Exception:  # the other tickers and the outbox scan must still run
        log.exception("scheduled rounds failed this tick")


# -- blocked / unblocked ------------------------------------------------------------------------


async def private_membership(h: Handlers, update: Update) -> None:
    """Telegram says a user blocked (kicked) or unblocked the bot in their private chat."""
    change = update.my_chat_member
    if change is None or change.chat.type != ChatType.PRIVATE:
        return
    unit = h.unit(update)
    person = await people.person_by_tg(unit.reads, change.chat.id)
    if person is None:
        return
    status = change.new_chat_member.status
    if status not in (ChatMemberStatus.BANNED, ChatMemberStatus.LEFT, ChatMemberStatus.MEMBER):
        return
    blocked = status != ChatMemberStatus.MEMBER
    await private_chat_changed(unit, h.rt.svc.tr, person.id, blocked=blocked)


# -- helpers ------------------------------------------------------------------------------------


def library(h: Handlers) -> PromptLibrary | None:
    """The peer prompt library (the peer feature registers after this one)."""
    peer = h.rt.features.get("peer")
    return peer.library if peer is not None else None


async def token(c: Turn, payload: ScheduleStep) -> str:
    now = c.now
    return await c.run(lambda tx: callbacks.issue(tx, now, c.tg_user_id, payload))


# leaving and stepping back read the same on every menu of the bot
SHARED_BUTTONS = {"cancel": "button-cancel", "back": "button-back"}


def button(h: Handlers, c: Turn, attribute: str, tok: str, index: int, **args: object) -> Button:
    tr = h.rt.svc.tr
    shared = SHARED_BUTTONS.get(attribute)
    if shared:
        label = tr.plain(c.lang, shared)
    else:
        label = tr.plain(c.lang, "schedule-button", attribute, **args)
    return Button(label, callbacks.button_data(tok, index))


def picked(choices: Sequence[Any], index: int) -> Any:
    """The choice a button of a list stands for; an index outside the list is forged."""
    if not 0 <= index < len(choices):
        raise CallbackRefused("callback-invalid", hostile=True)
    return choices[index]


async def edit(h: Handlers, c: Turn, message_id: int, view: View) -> None:
    text, rows = view
    await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=message_id, buttons=rows))


async def send(h: Handlers, c: Turn, view: View) -> None:
    text, rows = view
    await h.say(c, OutMessage(c.chat_id, text, buttons=rows))


async def allowed(c: Turn, group_id: int) -> None:
    if c.person is None or not await schedules.may_manage(c.reads, c.person, group_id):
        raise CallbackRefused("schedule-not-yours", hostile=True)


# -- views --------------------------------------------------------------------------------------


async def groups_view(h: Handlers, c: Turn, groups: list[tuple[int, str]]) -> View:
    tok = await token(c, ScheduleStep(step="group", ids=[gid for gid, _ in groups]))
    rows = [[Button(name, callbacks.button_data(tok, i))] for i, (_, name) in enumerate(groups)]
    return h.text(c, "schedule-choose-group"), rows


async def menu_view(h: Handlers, c: Turn, group_id: int, several: bool) -> View:
    svc = h.rt.svc
    found = await store.group_schedules(c.reads, group_id)
    name = await schedules.group_name(c.reads, group_id)
    lines = [h.text(c, "schedule-menu-title", group=name), ""]
    if not found:
        lines.append(h.text(c, "schedule-menu-empty"))
    for n, schedule in enumerate(found, start=1):
        lines.append(f"{n}. " + schedules.describe(svc, c.lang, schedule, library(h)))
        lines.append("    " + await schedules.next_text(svc, c.lang, schedule))
    tok = await token(
        c, ScheduleStep(step="menu", g=group_id, ids=[s.id for s in found], many=several)
    )
    rows = [[button(h, c, "new", tok, NEW)]]
    for n, _ in enumerate(found):
        rows.append(
            [
                button(h, c, "report", tok, REPORT + n, n=n + 1),
                button(h, c, "remove", tok, REMOVE + n, n=n + 1),
            ]
        )
    if several:
        rows.append([button(h, c, "groups", tok, BACK)])
    return "\n".join(lines), rows


async def draft_view(
    h: Handlers,
    c: Turn,
    step: str,
    draft: Draft,
    *,
    flows: list[str] | None = None,
    auds: list[str] | None = None,
    ranges: list[list[str | None]] | None = None,
    labels: list[str] | None = None,
) -> View:
    """One step of the new schedule's dialog: its question, its buttons and a cancel button."""
    name = await schedules.group_name(c.reads, draft.group_id)
    head = h.text(c, "schedule-new-title", group=name) + "\n\n"
    payload = ScheduleStep(
        step=step, draft=draft.to_json(), flows=flows or [], auds=auds or [], ranges=ranges or []
    )
    tok = await token(c, payload)
    cancel = [button(h, c, "cancel", tok, CANCEL)]
    if step == "flow":
        ask, rows = flow_question(h, c, tok, payload.flows)
    elif step == "audience":
        ask, rows = audience_question(h, c, tok, payload.auds)
    elif step == "days":
        ask, rows = h.text(c, "schedule-ask-days"), days_buttons(h, c, tok, draft)
    elif step == "time":
        ask, rows = h.text(c, "schedule-ask-time"), time_buttons(h, c, tok)
    elif step == "every":
        ask, rows = h.text(c, "schedule-ask-every"), every_buttons(h, c, tok)
    elif step == "range":
        ask, rows = h.text(c, "schedule-ask-range"), range_buttons(h, c, tok, labels or [])
    elif step == "break":
        rows = [[button(h, c, "skip", tok, 0)], [button(h, c, "shift", tok, 1)]]
        ask = h.text(c, "schedule-ask-break")
    else:  # confirm
        return await confirm_view(h, c, draft, head, [[button(h, c, "save", tok, 0)], cancel])
    return head + ask, [*rows, cancel]


def flow_question(
    h: Handlers, c: Turn, tok: str, flows: list[str]
) -> tuple[str, list[list[Button]]]:
    rows = [
        [Button(flow_label(h, c, f), callbacks.button_data(tok, i))] for i, f in enumerate(flows)
    ]
    ask = h.text(c, "schedule-ask-flow")
    if any(f.startswith(RISK_POINTS_PREFIX) for f in flows):
        ask += "\n" + h.text(c, "schedule-ask-flow-risk-points", **risk_windows(h))
    if any(f.startswith(THEME_PREFIX) for f in flows):
        ask += "\n" + h.text(c, "schedule-ask-flow-themes")
    return ask, rows


def audience_question(
    h: Handlers, c: Turn, tok: str, auds: list[str]
) -> tuple[str, list[list[Button]]]:
    rows = [[button(h, c, a, tok, i)] for i, a in enumerate(auds)]
    ask = h.text(c, "schedule-ask-audience")
    if "chat" not in auds:
        ask += "\n\n" + h.text(c, "schedule-audience-no-chat")
    return ask, rows


def days_buttons(h: Handlers, c: Turn, tok: str, draft: Draft) -> list[list[Button]]:
    labels = [
        ("✅ " if d in draft.weekdays else "")
        + h.rt.svc.tr.plain(c.lang, "schedule-weekday", f"d{d + 1}")
        for d in range(7)
    ]
    return [
        [Button(labels[d], callbacks.button_data(tok, d)) for d in range(5)],
        [Button(labels[d], callbacks.button_data(tok, d)) for d in (5, 6)],
        [button(h, c, "done", tok, DONE)],
    ]


def time_buttons(h: Handlers, c: Turn, tok: str) -> list[list[Button]]:
    shown = [Button(_clock(c.lang, t), callbacks.button_data(tok, i)) for i, t in enumerate(TIMES)]
    return [shown[:3], shown[3:], [button(h, c, "type-time", tok, TYPED)]]


def every_buttons(h: Handlers, c: Turn, tok: str) -> list[list[Button]]:
    return [
        [
            Button(
                h.rt.svc.tr.plain(c.lang, "schedule-every", n=n).capitalize(),
                callbacks.button_data(tok, n),
            )
        ]
        for n in (1, 2, 3, 4)
    ]


def range_buttons(h: Handlers, c: Turn, tok: str, labels: list[str]) -> list[list[Button]]:
    rows = [[button(h, c, "open-range", tok, 0)]]
    for i, label in enumerate(labels):
        rows.append([Button(label, callbacks.button_data(tok, i + 1))])
    rows.append([button(h, c, "type-range", tok, TYPED)])
    return rows


async def confirm_view(
    h: Handlers, c: Turn, draft: Draft, head: str, rows: list[list[Button]]
) -> View:
    svc = h.rt.svc
    preview = schedule_of(h, c, draft)
    calendar = await SchoolCalendar.load(c.reads)
    lines = [
        head + h.text(c, "schedule-confirm"),
        schedules.describe(svc, c.lang, draft, library(h)),
        "",
        h.text(c, "schedule-upcoming"),
        *schedules.preview_lines(svc, c.lang, preview, calendar),
    ]
    return "\n".join(lines), rows


def schedule_of(h: Handlers, c: Turn, draft: Draft) -> Schedule:
    return Schedule(
        id=0,
        group_id=draft.group_id,
        flow_id=draft.flow_id or "",
        weekdays=draft.weekdays or (0,),
        at_time=parse_hhmm(draft.at_time or "09:00"),
        starts_on=date.fromisoformat(draft.starts_on or h.today(c).isoformat()),
        created_at=c.now,
        timezone=h.rt.settings.timezone,
        every_weeks=draft.every_weeks,
        ends_on=date.fromisoformat(draft.ends_on) if draft.ends_on else None,
        on_break=draft.on_break,
        kind=draft.kind,
        audience=draft.audience,
    )


def flow_label(h: Handlers, c: Turn, flow_id: str) -> str:
    svc = h.rt.svc
    if flow_id.startswith(THEME_PREFIX):
        return schedules.schedule_title(svc, c.lang, "prompt", flow_id, library(h))
    if flow_id.startswith(RISK_POINTS_PREFIX):
        title = schedules.flow_title(svc, c.lang, flow_id[len(RISK_POINTS_PREFIX) :])
        return svc.tr.plain(c.lang, "schedule-risk-points-flow", flow=title)
    return schedules.flow_title(svc, c.lang, flow_id)


async def range_view(h: Handlers, c: Turn, draft: Draft) -> View:
    """Ready-made date ranges: open-ended, the school year, the group's on-the-job
    learning periods (e.g. for the on-the-job learning check-in)."""
    svc = h.rt.svc
    today = h.today(c)
    calendar = await SchoolCalendar.load(c.reads)
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
    return await draft_view(h, c, "range", draft, ranges=ranges, labels=shown)


def risk_windows(h: Handlers) -> dict[str, int]:
    rules = h.rt.svc.settings.risk_points
    return {
        "start": rules.start_weeks,
        "work": rules.work_learning_days,
        "back": rules.return_days,
    }


async def flow_view(h: Handlers, c: Turn, draft: Draft) -> View:
    """Check-in flows, then the peer prompt themes this group's schedule could rotate."""
    flows = [f.id for f in h.rt.svc.flows.all() if f.kind == "checkin"]
    flows += [RISK_POINTS_PREFIX + f for f in flows]  # the same, for risk points only
    lib = library(h)
    if lib is not None:
        has_chat = await schedules.group_chat(c.reads, draft.group_id) is not None
        flows += [THEME_PREFIX + t for t in schedules.prompt_themes(lib, has_chat)]
    return await draft_view(h, c, "flow", draft, flows=flows)


async def audience_view(h: Handlers, c: Turn, draft: Draft) -> View:
    lib = library(h)
    has_chat = await schedules.group_chat(c.reads, draft.group_id) is not None
    theme_id = (draft.flow_id or "")[len(THEME_PREFIX) :]
    auds = schedules.theme_audiences(lib, theme_id, has_chat) if lib else []
    return await draft_view(h, c, "audience", draft, auds=auds)


# -- /aikataulu ---------------------------------------------------------------------------------


async def command(h: Handlers, c: Turn) -> None:
    assert c.person is not None  # the command is for staff only
    groups = await schedules.manageable_groups(c.reads, c.person)
    if not groups:
        await h.say_text(c, "schedule-no-groups")
    elif len(groups) == 1:
        await send(h, c, await menu_view(h, c, groups[0][0], several=False))
    else:
        await send(h, c, await groups_view(h, c, groups))


# -- presses ------------------------------------------------------------------------------------


async def press(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> str | None:
    if c.person is None:
        raise CallbackRefused("callback-not-yours", hostile=True)
    step = ScheduleStep.of(cb)
    list_step = LIST_STEPS.get(step.step)
    if list_step is not None:
        return await list_step(h, c, cb, index, message_id)
    draft = Draft.from_json(required(step.draft))
    await allowed(c, draft.group_id)
    if index == CANCEL:
        await edit(h, c, message_id, (h.text(c, "schedule-cancelled"), []))
        return None
    draft_step = DRAFT_STEPS.get(step.step)
    if draft_step is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    return await draft_step(h, c, cb, draft, index, message_id)


# the group list, the menu and one schedule ------------------------------------------------------


async def group_press(
    h: Handlers, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    group_id = int(picked(ScheduleStep.of(cb).ids, index))
    await allowed(c, group_id)
    await edit(h, c, message_id, await menu_view(h, c, group_id, several=True))
    return None


async def menu_press(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> str | None:
    p = ScheduleStep.of(cb)
    group_id = required(p.g)
    await allowed(c, group_id)
    assert c.person is not None
    ids = p.ids
    if index == BACK:
        groups = await schedules.manageable_groups(c.reads, c.person)
        if len(groups) > 1:
            await edit(h, c, message_id, await groups_view(h, c, groups))
        else:
            await edit(h, c, message_id, await menu_view(h, c, group_id, several=False))
        return None
    if index == NEW:
        await edit(h, c, message_id, await flow_view(h, c, Draft(group_id)))
        return None
    position = index - REPORT if index < REMOVE else index - REMOVE
    schedule = await store.get_schedule(c.reads, picked(ids, position))
    if schedule is None or not schedule.active or schedule.group_id != group_id:
        return h.rt.svc.tr.plain(c.lang, "schedule-gone")
    step = "report" if index < REMOVE else "remove"
    tok = await token(c, ScheduleStep(step=step, sid=schedule.id, g=group_id, many=p.many))
    if step == "report":
        await edit(h, c, message_id, await report_view(h, c, schedule, tok))
    else:
        await edit(h, c, message_id, remove_view(h, c, schedule, tok))
    return None


async def report_view(h: Handlers, c: Turn, schedule: Schedule, tok: str) -> View:
    text = await schedules.report_text(h.rt.svc, c.lang, schedule, library=library(h))
    return text, [[button(h, c, "back", tok, BACK)]]


def remove_view(h: Handlers, c: Turn, schedule: Schedule, tok: str) -> View:
    text = (
        h.text(c, "schedule-remove-confirm")
        + "\n\n"
        + schedules.describe(h.rt.svc, c.lang, schedule, library(h))
    )
    rows = [[button(h, c, "confirm-remove", tok, 0)], [button(h, c, "back", tok, BACK)]]
    return text, rows


async def schedule_press(
    h: Handlers, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    p = ScheduleStep.of(cb)
    group_id = required(p.g)
    await allowed(c, group_id)
    assert c.person is not None
    several = p.many
    if index == BACK:
        await edit(h, c, message_id, await menu_view(h, c, group_id, several))
        return None
    if p.step != "remove" or index != 0:
        raise CallbackRefused("callback-invalid", hostile=True)
    try:
        removed = await schedules.remove(c, c.person, required(p.sid))
    except PermissionError:
        raise CallbackRefused("schedule-not-yours", hostile=True) from None
    if not removed:
        return h.rt.svc.tr.plain(c.lang, "schedule-gone")
    tok = await token(c, ScheduleStep(step="menu", g=group_id, many=several))
    back = [[button(h, c, "back", tok, BACK)]]
    await edit(h, c, message_id, (h.text(c, "schedule-removed"), back))
    return None


# the new schedule's dialog ----------------------------------------------------------------------


async def flow_press(
    h: Handlers, c: Turn, cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    draft.flow_id = str(picked(ScheduleStep.of(cb).flows, index))
    if draft.flow_id.startswith(RISK_POINTS_PREFIX):
        draft.flow_id = draft.flow_id[len(RISK_POINTS_PREFIX) :]
        draft.kind, draft.audience = "checkin", "risk_points"
        await edit(h, c, message_id, await draft_view(h, c, "days", draft))
    elif draft.flow_id.startswith(THEME_PREFIX):
        draft.kind = "prompt"
        await edit(h, c, message_id, await audience_view(h, c, draft))
    else:
        draft.kind, draft.audience = "checkin", "private"
        await edit(h, c, message_id, await draft_view(h, c, "days", draft))
    return None


async def audience_press(
    h: Handlers, c: Turn, cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    auds = ScheduleStep.of(cb).auds
    if draft.kind != "prompt" or not 0 <= index < len(auds):
        raise CallbackRefused("callback-invalid", hostile=True)
    draft.audience = str(auds[index])
    await edit(h, c, message_id, await draft_view(h, c, "days", draft))
    return None


async def days_press(
    h: Handlers, c: Turn, _cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    if index == DONE:
        if not draft.weekdays:
            return h.rt.svc.tr.plain(c.lang, "schedule-days-needed")
        await edit(h, c, message_id, await draft_view(h, c, "time", draft))
        return None
    if not 0 <= index <= 6:
        raise CallbackRefused("callback-invalid", hostile=True)
    chosen = set(draft.weekdays) ^ {index}
    draft.weekdays = tuple(sorted(chosen))
    await edit(h, c, message_id, await draft_view(h, c, "days", draft))
    return None


async def time_press(
    h: Handlers, c: Turn, _cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    if index == TYPED:
        await expect(c, PENDING_TIME, draft)
        await edit(h, c, message_id, (h.text(c, "schedule-ask-time-typed"), []))
        return None
    draft.at_time = picked(TIMES, index)
    await edit(h, c, message_id, await draft_view(h, c, "every", draft))
    return None


async def every_press(
    h: Handlers, c: Turn, _cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    if index not in (1, 2, 3, 4):
        raise CallbackRefused("callback-invalid", hostile=True)
    draft.every_weeks = index
    await edit(h, c, message_id, await range_view(h, c, draft))
    return None


async def range_press(
    h: Handlers, c: Turn, cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    if index == TYPED:
        await expect(c, PENDING_RANGE, draft)
        await edit(h, c, message_id, (h.text(c, "schedule-ask-range-typed"), []))
        return None
    draft.starts_on, draft.ends_on = picked(ScheduleStep.of(cb).ranges, index)
    await edit(h, c, message_id, await draft_view(h, c, "break", draft))
    return None


async def break_press(
    h: Handlers, c: Turn, _cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    if index not in (0, 1):
        raise CallbackRefused("callback-invalid", hostile=True)
    draft.on_break = ("skip", "shift")[index]
    await edit(h, c, message_id, await draft_view(h, c, "confirm", draft))
    return None


async def confirm_press(
    h: Handlers, c: Turn, cb: Callback, draft: Draft, index: int, message_id: int
) -> str | None:
    if index != 0:
        raise CallbackRefused("callback-invalid", hostile=True)
    return await save(h, c, cb, draft, message_id)


async def save(h: Handlers, c: Turn, cb: Callback, draft: Draft, message_id: int) -> str | None:
    assert c.person is not None
    svc = h.rt.svc
    try:
        schedule = await schedules.create(svc, c, c.person, draft, cb.token)
    except schedules.AlreadyDone:
        return svc.tr.plain(c.lang, "schedule-saved-already")
    except PermissionError:
        raise CallbackRefused("schedule-not-yours", hostile=True) from None
    except ScheduleError:
        await edit(h, c, message_id, (h.text(c, "schedule-exists"), []))
        return None
    text = await schedules.next_text(svc, c.lang, schedule)
    saved = schedules.describe(svc, c.lang, schedule, library(h)) + "\n" + text
    tok = await token(c, ScheduleStep(step="menu", g=draft.group_id))
    first = await first_send_text(h, c, schedule)
    await edit(
        h,
        c,
        message_id,
        (first + "\n\n" + saved, [[button(h, c, "back", tok, BACK)]]),
    )
    return None


async def first_send_text(h: Handlers, c: Turn, schedule: Schedule) -> str:
    calendar = await SchoolCalendar.load(c.reads)
    occ = next_send(schedule, calendar, c.now)
    if occ is None:
        return h.text(c, "schedule-saved-none")
    return h.text(c, "schedule-saved", when=when_text(h.rt.svc.tr, c.lang, occ.due_at, schedule))


# -- typed time and dates -----------------------------------------------------------------------


async def expect(c: Turn, kind: str, draft: Draft) -> None:
    now = c.now
    await c.run(
        lambda tx: admin_inputs.expect(tx, now, c.tg_user_id, kind, {"draft": draft.to_json()})
    )


async def clear(c: Turn) -> None:
    await c.run(lambda tx: admin_inputs.clear(tx, c.tg_user_id, "schedule"))


async def typed(h: Handlers, c: Turn, text: str) -> bool:
    if c.person is None or not c.person.is_staff:
        return False
    waiting = await admin_inputs.pending(c.reads, c.now, c.tg_user_id)
    if waiting is None or waiting.kind not in (PENDING_TIME, PENDING_RANGE):
        return False
    draft = Draft.from_json(waiting.payload["draft"])
    if not await schedules.may_manage(c.reads, c.person, draft.group_id):
        await clear(c)
        return False
    view = await TYPED_STEPS[waiting.kind](h, c, text, draft)
    if view is None:
        return True
    await clear(c)
    await send(h, c, view)
    return True


async def typed_time(h: Handlers, c: Turn, text: str, draft: Draft) -> View | None:
    at = schedules.parse_time(text)
    if at is None:
        await h.say_text(c, "schedule-bad-time")
        return None
    draft.at_time = at
    return await draft_view(h, c, "every", draft)


async def typed_range(h: Handlers, c: Turn, text: str, draft: Draft) -> View | None:
    today = h.today(c)
    parsed = schedules.parse_range(text, today)
    if parsed is None:
        await h.say_text(c, "schedule-bad-range")
        return None
    first, last = parsed
    if last is not None and last < today:
        await h.say_text(c, "schedule-range-past")
        return None
    draft.starts_on, draft.ends_on = first.isoformat(), last.isoformat() if last else None
    return await draft_view(h, c, "break", draft)


# -- routing ------------------------------------------------------------------------------------

LIST_STEPS: dict[str, ListStep] = {
    "group": group_press,
    "menu": menu_press,
    "report": schedule_press,
    "remove": schedule_press,
}
DRAFT_STEPS: dict[str, DraftStep] = {
    "flow": flow_press,
    "audience": audience_press,
    "days": days_press,
    "time": time_press,
    "every": every_press,
    "range": range_press,
    "break": break_press,
    "confirm": confirm_press,
}
TYPED_STEPS: dict[str, TypedStep] = {
    PENDING_TIME: typed_time,
    PENDING_RANGE: typed_range,
}


def register(h: Handlers) -> None:
    rounds = round_service(h)
    h.rt.features["rounds"] = rounds
    h.rt.tickers.append(partial(tick, rounds))
    h.membership.append(partial(private_membership, h))
    h.commands["schedule"] = partial(command, h)
    h.actions[ACTION] = partial(press, h)
    h.on_typed(Typed.AWAITED, partial(typed, h))


def _clock(lang: str, hhmm: str) -> str:
    hours, minutes = hhmm.split(":")
    return clock_text(lang, int(hours), int(minutes))
