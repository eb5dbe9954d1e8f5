"""/hallinta: the coordinator's setup in Telegram — groups, staff invites, coach assignments,
student links and roster import (the CSV pasted as messages or sent as a file; the result
comes back as a CSV document and a ZIP of QR codes). The use cases live in
bot/services/admin/school.py and bot/services/enrolment/roster.py; the command line
(`kohtaamo admin …`) calls the same ones.

Every press re-checks the coordinator role from the database. Pickers keep their list in the
button's server-side payload; the button itself carries only a random token and an index.

The handlers are module-level functions that take the switchboard `h` first; `register` only
wires them. A press is routed by the `op` in its payload through `OPS`, a typed answer by the
awaited kind through `INPUTS`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.services.admin import inputs as admin_inputs
from bot.services.admin import school as admin
from bot.services.admin.school import AdminError
from bot.services.enrolment.access import student_status
from bot.services.enrolment.invites import clean_name, invite_link
from bot.services.enrolment.roster import (
    RosterResult,
    day_formatter,
    import_roster,
    qr_files,
    qr_png,
    qr_zip,
    result_csv,
    summary,
)
from bot.services.enrolment.text import local_day_text, role_text
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, required
from bot.services.messaging.outbox import Button, OutMessage
from bot.services.privacy import offboarding
from bot.telegram.features.privacy import reply_privately
from bot.telegram.handlers import Typed
from bot.telegram.picker import CANCEL, NONE, Choices, Picker, chosen

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from telegram import Document

    from bot.telegram.handlers import Handlers, Turn

    # a press: (h, caller, callback, button index, message id)
    Op = Callable[[Handlers, Turn, Callback, int, int], Awaitable[None]]
    # a typed answer: (h, caller, text, what the awaited input holds)
    TypedInput = Callable[[Handlers, Turn, str, dict[str, Any]], Awaitable[None]]
    # a menu entry that shows a view: (h, caller, message id)
    MenuView = Callable[[Handlers, Turn, int], Awaitable[None]]

ACTION_ADMIN = "admin"


@dataclass(frozen=True, kw_only=True)
class AdminStep(Choices, action=ACTION_ADMIN):
    """/hallinta's buttons: `op` says which step a press answers (OPS); the rest is what
    that step carries (most steps only some of it) and, on a list, the picker's choices."""

    op: str
    group: int | None = None
    purpose: str | None = None  # a group list for viewing, or for the group coach ("gc")
    students: list[int] = field(default_factory=list)
    student: int | None = None
    coach: int | None = None
    leaving: int | None = None  # the staff member being offboarded
    to: int | None = None  # their successor
    name: str | None = None  # a new group's name


INPUT_GROUP = "admin:group_name"
INPUT_STAFF = "admin:staff_name"
INPUT_ROSTER = "admin:roster"
INPUT_TTL = timedelta(minutes=30)
ROSTER_TTL = timedelta(hours=2)
MAX_ROSTER_CHARS = 400_000
ROSTER_MIME_TYPES = frozenset({"text/csv", "text/plain", "application/vnd.ms-excel"})
PAGE = 10
# Presses that change something: a second press of the same button is refused.
SINGLE_USE = frozenset({"new_group", "backup", "roster_go", "offboard_go", "study"})
MENU = (
    "admin-menu-groups",
    "admin-menu-new-group",
    "admin-menu-invite-coach",
    "admin-menu-invite-group-coach",
    "admin-menu-roster",
    "admin-menu-invite-coordinator",
    "admin-menu-invite-welfare",
    "admin-menu-staff",
    "admin-menu-offboard",
)


# -- plumbing ---------------------------------------------------------------------------------


def link_for(h: Handlers, token: str) -> str:
    return invite_link(h.rt.app.bot.username or "KohtaamoBot", token)


def plain(h: Handlers, c: Turn, msg_id: str, attribute: str | None = None) -> str:
    return h.rt.svc.tr.plain(c.lang, msg_id, attribute)


def button_row(h: Handlers, c: Turn, msg_id: str, token: str, index: int) -> list[Button]:
    """A row of one button labelled with `msg_id`."""
    return [Button(plain(h, c, msg_id), callbacks.button_data(token, index))]


def cancel_row(h: Handlers, c: Turn, token: str) -> list[Button]:
    return button_row(h, c, "button-cancel", token, CANCEL)


async def send(c: Turn, *messages: OutMessage) -> None:
    """Admin replies name people and carry live links: not kept once delivered."""
    await reply_privately(c, *messages)


async def say_error(h: Handlers, c: Turn, err: AdminError) -> None:
    await send(c, OutMessage(c.chat_id, h.text(c, err.msg_id, **err.args_)))


async def token_for(c: Turn, step: AdminStep, ttl: timedelta = INPUT_TTL) -> str:
    now = c.now
    return await c.run(lambda tx: callbacks.issue(tx, now, c.tg_user_id, step, ttl=ttl))


async def expect(c: Turn, kind: str, payload: dict[str, Any], ttl: timedelta) -> None:
    now = c.now
    await c.run(lambda tx: admin_inputs.expect(tx, now, c.tg_user_id, kind, payload, ttl))


async def clear(c: Turn) -> None:
    await c.run(lambda tx: admin_inputs.clear(tx, c.tg_user_id, "admin:"))


def edit(
    c: Turn, text: str, message_id: int, buttons: list[list[Button]] | None = None
) -> OutMessage:
    return OutMessage(c.chat_id, text, op="edit", message_id=message_id, buttons=buttons or [])


def is_coordinator(c: Turn) -> bool:
    return c.person is not None and "coordinator" in c.roles


# -- the picker: one page of choices, with paging ----------------------------------------------


ADMIN_PICKER = Picker(AdminStep, page_size=PAGE, ttl=INPUT_TTL)


async def picker(
    h: Handlers,
    c: Turn,
    step: AdminStep,
    ids: Sequence[int],
    labels: Sequence[str],
    page: int,
    none_label: str | None = None,
) -> list[list[Button]]:
    """A page of choices (bot/telegram/picker.py); the step's `op` routes the press."""
    return await ADMIN_PICKER.show(
        c,
        step,
        ids,
        labels,
        cancel_label=plain(h, c, "button-cancel"),
        page=page,
        none_label=none_label,
    )


async def turn_page(_h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> bool:
    """A press of ◀️ or ▶️ on a picker shows its other page; True when it was one."""
    return await ADMIN_PICKER.turn_page(c, cb, index, message_id, send)


# -- /hallinta ----------------------------------------------------------------------------------


async def menu_message(h: Handlers, c: Turn) -> OutMessage:
    groups = await admin.groups(c.reads)
    staff = await admin.staff(c.reads)
    text = h.text(
        c,
        "admin-overview",
        groups=len(groups),
        active=sum(g.active for g in groups),
        invited=sum(g.invited for g in groups),
        declined=sum(g.declined for g in groups),
        staff=len(staff),
        waiting=sum(1 for m in staff if not m.joined),
    )
    token = await token_for(c, AdminStep(op="menu"))
    buttons = [button_row(h, c, item, token, i) for i, item in enumerate(MENU)]
    return OutMessage(c.chat_id, text, buttons=buttons)


async def hallinta(h: Handlers, c: Turn) -> None:
    await clear(c)
    await send(c, await menu_message(h, c))


# -- presses ------------------------------------------------------------------------------------


async def press(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> str | None:
    if not is_coordinator(c):
        raise CallbackRefused("callback-not-yours", hostile=True)
    op = AdminStep.of(cb).op
    if index == CANCEL:
        await clear(c)
        await send(c, edit(c, h.text(c, "admin-cancelled"), message_id))
        return None
    handler = OPS.get(str(op))
    if handler is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    if op in SINGLE_USE:
        await admin_inputs.consume(c, cb)
    try:
        await handler(h, c, cb, index, message_id)
    except AdminError as err:
        await say_error(h, c, err)
    return None


# the menu ---------------------------------------------------------------------------------------

# Menu entries that ask for a typed answer: what is awaited (with its payload, for how long) and
# the question.
MENU_ASKS: dict[str, tuple[str, dict[str, Any], timedelta, str]] = {
    "admin-menu-new-group": (INPUT_GROUP, {}, INPUT_TTL, "admin-ask-group-name"),
    "admin-menu-invite-coach": (
        INPUT_STAFF,
        {"role": "coach"},
        INPUT_TTL,
        "admin-ask-coach-name",
    ),
    "admin-menu-invite-coordinator": (
        INPUT_STAFF,
        {"role": "coordinator"},
        INPUT_TTL,
        "admin-ask-coordinator-name",
    ),
    "admin-menu-invite-welfare": (
        INPUT_STAFF,
        {"role": "welfare"},
        INPUT_TTL,
        "admin-ask-welfare-name",
    ),
    "admin-menu-roster": (INPUT_ROSTER, {"text": ""}, ROSTER_TTL, "admin-roster-howto"),
}


async def on_menu(h: Handlers, c: Turn, _cb: Callback, index: int, message_id: int) -> None:
    if not 0 <= index < len(MENU):
        raise CallbackRefused("callback-invalid", hostile=True)
    item = MENU[index]
    if item in MENU_ASKS:
        kind, payload, ttl, question = MENU_ASKS[item]
        await expect(c, kind, dict(payload), ttl)
        await send(c, edit(c, h.text(c, question), message_id))
        return
    await MENU_VIEWS[item](h, c, message_id)


async def show_groups(h: Handlers, c: Turn, message_id: int) -> None:
    await group_picker(h, c, "view", message_id)


async def pick_group_for_coach(h: Handlers, c: Turn, message_id: int) -> None:
    await group_picker(h, c, "gc", message_id)


async def show_staff(h: Handlers, c: Turn, message_id: int) -> None:
    await send(c, edit(c, await staff_text(h, c), message_id))


async def staff_text(h: Handlers, c: Turn) -> str:
    tr = h.rt.svc.tr
    members = await admin.staff(c.reads)
    if not members:
        return h.text(c, "admin-staff-none")
    lines = [h.text(c, "admin-staff-title", count=len(members))]
    for m in members:
        roles = ", ".join(role_text(tr, c.lang, r) for r in sorted(m.roles))
        state = plain(h, c, "admin-staff-state", "joined" if m.joined else "waiting")
        lines.append(
            f"• <b>{html.escape(m.name, quote=False)}</b> — {html.escape(roles)} · {state}"
        )
    return "\n".join(lines)


# a staff member leaves ------------------------------------------------------------------------


async def offboard_picker(h: Handlers, c: Turn, message_id: int) -> None:
    members = [m for m in await admin.staff(c.reads) if c.person and m.id != c.person.id]
    if not members:
        raise AdminError("admin-staff-none")
    buttons = await picker(
        h, c, AdminStep(op="offboard"), [m.id for m in members], [m.name for m in members], 0
    )
    await send(c, edit(c, h.text(c, "admin-offboard-pick"), message_id, buttons))


async def on_offboard(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    if await turn_page(h, c, cb, index, message_id):
        return
    leaving = chosen(AdminStep.of(cb), index)
    load = await offboarding.workload(c.reads, leaving)
    successors = [
        m
        for m in await admin.staff(c.reads, offboarding.SUCCESSOR_ROLES)
        if m.id != leaving and m.roles & set(offboarding.SUCCESSOR_ROLES)
    ]
    if not (load.students or load.cases):
        await confirm_offboard(h, c, leaving, None, message_id)
        return
    buttons = await picker(
        h,
        c,
        AdminStep(op="offboard_to", leaving=leaving),
        [m.id for m in successors],
        [m.name for m in successors],
        0,
    )
    text = h.text(
        c, "admin-offboard-successor", name=load.name, students=load.students, cases=load.cases
    )
    await send(c, edit(c, text, message_id, buttons))


async def on_offboard_to(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    if await turn_page(h, c, cb, index, message_id):
        return
    step = AdminStep.of(cb)
    await confirm_offboard(h, c, required(step.leaving), chosen(step, index), message_id)


async def confirm_offboard(
    h: Handlers, c: Turn, leaving: int, successor: int | None, message_id: int
) -> None:
    load = await offboarding.workload(c.reads, leaving)
    names = {m.id: m.name for m in await admin.staff(c.reads)}
    token = await token_for(c, AdminStep(op="offboard_go", leaving=leaving, to=successor))
    buttons = [button_row(h, c, "admin-offboard-yes", token, 0), cancel_row(h, c, token)]
    text = h.text(
        c,
        "admin-offboard-confirm",
        name=load.name,
        successor=names.get(successor or 0, "–"),
        students=load.students,
        cases=load.cases,
    )
    await send(c, edit(c, text, message_id, buttons))


async def on_offboard_go(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    if index != 0:
        raise CallbackRefused("callback-invalid", hostile=True)
    step = AdminStep.of(cb)
    try:
        done = await offboarding.offboard_staff(
            c, h.rt.svc.tr, required(step.leaving), step.to, c.person.id
        )
    except offboarding.OffboardRefused as refused:
        await send(c, edit(c, h.text(c, refused.msg_id, **refused.args_), message_id))
        return
    text = h.text(
        c,
        "offboard-done",
        name=done.name,
        successor=done.successor or "–",
        students=done.students,
        cases=done.cases,
    )
    await send(c, edit(c, text, message_id))


# groups ---------------------------------------------------------------------------------------


async def group_picker(h: Handlers, c: Turn, purpose: str, message_id: int) -> None:
    groups = await admin.groups(c.reads)
    if not groups:
        await send(c, edit(c, h.text(c, "admin-no-groups"), message_id))
        return
    buttons = await picker(
        h,
        c,
        AdminStep(op="groups", purpose=purpose),
        [g.id for g in groups],
        [g.name for g in groups],
        0,
    )
    key = "admin-pick-group-gc" if purpose == "gc" else "admin-pick-group"
    await send(c, edit(c, h.text(c, key), message_id, buttons))


async def on_groups(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    if await turn_page(h, c, cb, index, message_id):
        return
    group_id = chosen(AdminStep.of(cb), index)
    if AdminStep.of(cb).purpose == "gc":
        group = await admin.group_by_id(c.reads, group_id)
        assert group is not None
        await expect(c, INPUT_STAFF, {"role": "group_coach", "group": group_id}, INPUT_TTL)
        await send(
            c, edit(c, h.text(c, "admin-ask-group-coach-name", group=group.name), message_id)
        )
        return
    await group_view(h, c, group_id, message_id)


async def group_view(h: Handlers, c: Turn, group_id: int, message_id: int) -> None:
    assert c.person is not None
    group = await admin.group_by_id(c.reads, group_id)
    if group is None:
        raise AdminError("admin-group-gone")
    students = await admin.roster_of_group(c, group_id, c.person.id)
    lines = [
        h.text(
            c,
            "admin-group-title",
            name=group.name,
            active=group.active,
            invited=group.invited,
            declined=group.declined,
        )
    ]
    for s in students:
        state = plain(h, c, "coach-card-st", s.status)
        coach = s.coach_name or "–"
        lines.append(
            f"• {html.escape(s.name, quote=False)} — {html.escape(state)} · "
            + html.escape(coach, quote=False)
        )
    if not students:
        lines.append(h.text(c, "admin-group-empty"))
    ids = [s.person_id for s in students]
    token = await token_for(c, AdminStep(op="group", group=group_id, students=ids))
    labels = ("admin-group-pick-student", "admin-group-assign-all", "admin-group-new-links")
    buttons = (
        [button_row(h, c, item, token, i) for i, item in enumerate(labels)] if students else []
    )
    buttons.append(cancel_row(h, c, token))
    await send(c, edit(c, "\n".join(lines), message_id, buttons))


async def on_group(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    step = AdminStep.of(cb)
    group_id, students = required(step.group), step.students
    if index == 0:
        await student_picker(h, c, students, message_id)
    elif index == 1:
        await coach_picker(h, c, students, message_id)
    elif index == 2:
        result = await admin.new_links_for_group(c, h.rt.svc.settings, group_id, c.person.id)
        await send_links(h, c, result, message_id)
    else:
        raise CallbackRefused("callback-invalid", hostile=True)


# students -------------------------------------------------------------------------------------


async def student_picker(h: Handlers, c: Turn, students: list[int], message_id: int) -> None:
    names = []
    for sid in students:
        s = await student_status(c.reads, sid)
        names.append(s.name if s else "?")
    buttons = await picker(h, c, AdminStep(op="students"), students, names, 0)
    await send(c, edit(c, h.text(c, "admin-pick-student"), message_id, buttons))


async def on_students(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    if await turn_page(h, c, cb, index, message_id):
        return
    student_id = chosen(AdminStep.of(cb), index)
    s = await student_status(c.reads, student_id)
    if s is None:
        raise AdminError("admin-student-gone")
    text = h.text(
        c,
        "admin-student-view",
        name=s.name,
        group=s.group or "–",
        status=plain(h, c, "coach-card-st", s.status),
        coach=s.coach_name or "–",
        backup=s.backup_name or "–",
    )
    token = await token_for(c, AdminStep(op="student", student=student_id))
    buttons = []
    if s.status != "active":
        buttons.append(button_row(h, c, "admin-student-new-link", token, 0))
    buttons.append(button_row(h, c, "admin-student-change-coach", token, 1))
    buttons.append(button_row(h, c, "admin-student-study", token, 2))
    buttons.append(cancel_row(h, c, token))
    await send(c, edit(c, text, message_id, buttons))


async def on_student(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    student_id = required(AdminStep.of(cb).student)
    if index == 1:
        await coach_picker(h, c, [student_id], message_id)
    elif index == 2:
        await study_picker(h, c, student_id, message_id)
    elif index == 0:
        await new_student_link(h, c, student_id, message_id)
    else:
        raise CallbackRefused("callback-invalid", hostile=True)


async def new_student_link(h: Handlers, c: Turn, student_id: int, message_id: int) -> None:
    assert c.person is not None
    settings = h.rt.svc.settings
    s = await student_status(c.reads, student_id)
    if s is None:
        raise AdminError("admin-student-gone")
    token, expires = await admin.new_student_link(c, settings, student_id, c.person.id)
    link = link_for(h, token)
    text = h.text(
        c,
        "admin-student-link",
        name=s.name,
        group=s.group or "–",
        date=local_day_text(expires, settings.tz),
        link=link,
    )
    png = qr_png(link)
    await send(
        c,
        edit(c, text, message_id),
        OutMessage(
            c.chat_id,
            h.text(c, "admin-qr-caption", name=s.name),
            op="photo",
            file_name="kutsu.png",
            file_hex=png.hex(),
        ),
    )


async def study_picker(h: Handlers, c: Turn, student_id: int, message_id: int) -> None:
    token = await token_for(c, AdminStep(op="study", student=student_id))
    buttons = [
        [Button(plain(h, c, "admin-study", status), callbacks.button_data(token, i))]
        for i, status in enumerate(admin.STUDY_STATUSES)
    ]
    buttons.append(cancel_row(h, c, token))
    await send(c, edit(c, h.text(c, "admin-study-pick"), message_id, buttons))


async def on_study(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    if not 0 <= index < len(admin.STUDY_STATUSES):
        raise CallbackRefused("callback-invalid", hostile=True)
    student_id = required(AdminStep.of(cb).student)
    status = admin.STUDY_STATUSES[index]
    await admin.set_study_status(c, h.rt.svc.tr, student_id, status, c.person.id)
    s = await student_status(c.reads, student_id)
    text = h.text(
        c,
        "admin-study-set",
        name=s.name if s else "–",
        status=plain(h, c, "admin-study", status),
    )
    await send(c, edit(c, text, message_id))


# coaches --------------------------------------------------------------------------------------


async def coach_picker(h: Handlers, c: Turn, students: list[int], message_id: int) -> None:
    coaches = [m for m in await admin.staff(c.reads, ("coach",)) if "coach" in m.roles]
    if not coaches:
        raise AdminError("admin-no-coaches")
    buttons = await picker(
        h,
        c,
        AdminStep(op="coach", students=list(students)),
        [m.id for m in coaches],
        [m.name for m in coaches],
        0,
    )
    await send(c, edit(c, h.text(c, "admin-pick-coach", count=len(students)), message_id, buttons))


async def on_coach(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    if await turn_page(h, c, cb, index, message_id):
        return
    coach_id = chosen(AdminStep.of(cb), index)
    backups = [m for m in await admin.staff(c.reads, ("coach", "coordinator")) if m.id != coach_id]
    none_label = plain(h, c, "admin-no-backup")
    buttons = await picker(
        h,
        c,
        AdminStep(op="backup", students=AdminStep.of(cb).students, coach=coach_id),
        [m.id for m in backups],
        [m.name for m in backups],
        0,
        none_label,
    )
    await send(c, edit(c, h.text(c, "admin-pick-backup"), message_id, buttons))


async def on_backup(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    if await turn_page(h, c, cb, index, message_id):
        return
    step = AdminStep.of(cb)
    backup_id = None if index == NONE else chosen(step, index)
    coach_id, students = required(step.coach), step.students
    await admin.assign_coach(c, h.rt.svc.tr, students, coach_id, backup_id, c.person.id)
    names = {m.id: m.name for m in await admin.staff(c.reads)}
    text = h.text(
        c,
        "admin-assigned",
        count=len(students),
        coach=names.get(coach_id, "?"),
        backup=names.get(backup_id, "–") if backup_id else "–",
    )
    await send(c, edit(c, text, message_id))


# a new group ----------------------------------------------------------------------------------


async def typed_group(h: Handlers, c: Turn, text: str, _payload: dict[str, Any]) -> None:
    name, _ = clean_name(text, 10_000)
    await clear(c)
    token = await token_for(c, AdminStep(op="new_group", name=name))
    buttons = [button_row(h, c, "admin-create-group", token, 0), cancel_row(h, c, token)]
    await send(
        c,
        OutMessage(c.chat_id, h.text(c, "admin-confirm-group", name=name), buttons=buttons),
    )


async def on_new_group(h: Handlers, c: Turn, cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    if index != 0:
        raise CallbackRefused("callback-invalid", hostile=True)
    name = await admin.create_group(c, required(AdminStep.of(cb).name), c.person.id)
    await send(c, edit(c, h.text(c, "admin-group-created", name=name), message_id))


# staff invites --------------------------------------------------------------------------------


async def typed_staff(h: Handlers, c: Turn, text: str, payload: dict[str, Any]) -> None:
    assert c.person is not None
    tr, settings = h.rt.svc.tr, h.rt.svc.settings
    role = str(payload.get("role"))
    group_id = payload.get("group")
    await clear(c)
    invite = await admin.invite_staff(
        c,
        settings,
        tr,
        role,
        text,
        c.person.id,
        group_id=int(group_id) if group_id is not None else None,
    )
    group = await admin.group_by_id(c.reads, int(group_id)) if group_id is not None else None
    role_name = role_text(tr, c.lang, role)
    if invite.token is None:
        key = "admin-staff-added" if invite.status == "added" else "admin-staff-already"
        group_name = group.name if group else "–"
        reply = h.text(c, key, name=invite.name, role=role_name, group=group_name)
        await send(c, OutMessage(c.chat_id, reply))
        return
    assert invite.expires is not None
    message = h.text(
        c,
        "admin-staff-link",
        name=invite.name,
        role=role_name,
        date=local_day_text(invite.expires, settings.tz),
        link=link_for(h, invite.token),
    )
    await send(c, OutMessage(c.chat_id, message))


# the roster -----------------------------------------------------------------------------------


async def typed_roster(h: Handlers, c: Turn, text: str, payload: dict[str, Any]) -> None:
    collected = (str(payload.get("text", "")) + "\n" + text).strip("\n")
    if len(collected) > MAX_ROSTER_CHARS:
        raise AdminError("admin-roster-too-long")
    await expect(c, INPUT_ROSTER, {"text": collected}, ROSTER_TTL)
    lines = sum(1 for line in collected.splitlines() if line.strip())
    token = await token_for(c, AdminStep(op="roster"), ROSTER_TTL)
    buttons = [button_row(h, c, "admin-roster-check", token, 0), cancel_row(h, c, token)]
    await send(
        c,
        OutMessage(c.chat_id, h.text(c, "admin-roster-received", lines=lines), buttons=buttons),
    )


async def sent_file(h: Handlers, c: Turn, document: Document) -> bool:
    """A coordinator's roster as a CSV file (e.g. saved from Excel): read like pasted lines,
    then checked whole and imported only after the same two presses."""
    if not is_coordinator(c):
        return False
    name = (document.file_name or "").lower()
    if not name.endswith((".csv", ".txt")) and document.mime_type not in ROSTER_MIME_TYPES:
        return False
    try:
        if (document.file_size or 0) > MAX_ROSTER_CHARS:
            raise AdminError("admin-roster-too-long")
        data = bytes(await (await document.get_file()).download_as_bytearray())
        text = roster_file_text(data)
        now = c.now
        waiting = await admin_inputs.pending(c.reads, now, c.tg_user_id)
        pasted = waiting is not None and waiting.kind == INPUT_ROSTER
        await typed_roster(h, c, text, waiting.payload if pasted and waiting else {"text": ""})
    except AdminError as err:
        await say_error(h, c, err)
    return True


async def roster_text(c: Turn) -> str:
    waiting = await admin_inputs.pending(c.reads, c.now, c.tg_user_id)
    if waiting is None or waiting.kind != INPUT_ROSTER or not waiting.payload.get("text"):
        raise AdminError("admin-roster-expired")
    return str(waiting.payload["text"])


async def on_roster(h: Handlers, c: Turn, _cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    tr = h.rt.svc.tr
    if index != 0:
        raise CallbackRefused("callback-invalid", hostile=True)
    text = await roster_text(c)
    result = await import_roster(
        c,
        h.rt.svc.settings,
        tr,
        text,
        created_by=c.person.id,
        dry_run=True,
    )
    shown = summary(result, tr, c.lang, preview=True)
    if result.problems:
        # Nothing was imported; the pasted lines are dropped so a fixed list starts clean.
        await expect(c, INPUT_ROSTER, {"text": ""}, ROSTER_TTL)
        await send(c, edit(c, shown + "\n\n" + h.text(c, "admin-roster-fix"), message_id))
        return
    token = await token_for(c, AdminStep(op="roster_go"), ROSTER_TTL)
    buttons = [
        button_row(h, c, "admin-roster-import", token, 0),
        button_row(h, c, "admin-roster-import-relink", token, 1),
        cancel_row(h, c, token),
    ]
    await send(c, edit(c, shown, message_id, buttons))


async def on_roster_go(h: Handlers, c: Turn, _cb: Callback, index: int, message_id: int) -> None:
    assert c.person is not None
    if index not in (0, 1):
        raise CallbackRefused("callback-invalid", hostile=True)
    text = await roster_text(c)
    result = await import_roster(
        c,
        h.rt.svc.settings,
        h.rt.svc.tr,
        text,
        created_by=c.person.id,
        new_links=index == 1,
    )
    if result.written:
        await clear(c)
    await send_links(h, c, result, message_id)


async def send_links(h: Handlers, c: Turn, result: RosterResult, message_id: int) -> None:
    tr, settings = h.rt.svc.tr, h.rt.svc.settings
    today = h.today(c).isoformat()
    messages = [edit(c, summary(result, tr, c.lang, preview=False), message_id)]
    if result.written and result.rows:
        link = partial(link_for, h)
        data = result_csv(result, link, tr, c.lang, day_formatter(settings))
        messages.append(
            OutMessage(
                c.chat_id,
                h.text(c, "admin-roster-csv-caption", links=result.links),
                op="document",
                file_name=f"kohtaamo-kutsut-{today}.csv",
                file_hex=data.hex(),
            )
        )
        files = qr_files(result, link)
        if files:
            messages.append(
                OutMessage(
                    c.chat_id,
                    h.text(c, "admin-roster-qr-caption"),
                    op="document",
                    file_name=f"kohtaamo-qr-{today}.zip",
                    file_hex=qr_zip(files).hex(),
                )
            )
    await send(c, *messages)


def roster_file_text(data: bytes) -> str:
    """The text of a roster file: UTF-8 (with or without Excel's BOM), else Windows-1252, the
    encoding Excel in Finland uses for "CSV (semicolon delimited)"."""
    if b"\0" in data:
        raise AdminError("admin-roster-file-unreadable")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            raise AdminError("admin-roster-file-unreadable") from None


# typed input ----------------------------------------------------------------------------------


async def typed(h: Handlers, c: Turn, text: str) -> bool:
    if not is_coordinator(c):
        return False
    now = c.now
    waiting = await admin_inputs.pending(c.reads, now, c.tg_user_id)
    if waiting is None or not waiting.kind.startswith("admin:"):
        return False
    handler = INPUTS.get(waiting.kind)
    try:
        if handler is not None:
            await handler(h, c, text, waiting.payload)
    except AdminError as err:
        await say_error(h, c, err)
    return True


# -- routing -------------------------------------------------------------------------------------

MENU_VIEWS: dict[str, MenuView] = {
    "admin-menu-groups": show_groups,
    "admin-menu-invite-group-coach": pick_group_for_coach,
    "admin-menu-staff": show_staff,
    "admin-menu-offboard": offboard_picker,
}
OPS: dict[str, Op] = {
    "menu": on_menu,
    "groups": on_groups,
    "group": on_group,
    "students": on_students,
    "student": on_student,
    "coach": on_coach,
    "backup": on_backup,
    "new_group": on_new_group,
    "roster": on_roster,
    "roster_go": on_roster_go,
    "offboard": on_offboard,
    "offboard_to": on_offboard_to,
    "offboard_go": on_offboard_go,
    "study": on_study,
}
INPUTS: dict[str, TypedInput] = {
    INPUT_GROUP: typed_group,
    INPUT_STAFF: typed_staff,
    INPUT_ROSTER: typed_roster,
}


def register(h: Handlers) -> None:
    h.commands["admin"] = partial(hallinta, h)
    h.actions[ACTION_ADMIN] = partial(press, h)
    h.on_typed(Typed.AWAITED, partial(typed, h))
    h.document_filters.append(partial(sent_file, h))


async def fetch_bot_username(settings: Settings) -> str | None:
    """The bot's @username from Telegram (getMe), for the command line's invite links."""
    from telegram import Bot
    from telegram.error import TelegramError

    assert settings.telegram_bot_token is not None
    bot = Bot(
        settings.telegram_bot_token,
        base_url=settings.bot_api_base_url or "https://api.telegram.org/bot",
    )
    try:
        async with bot:
            return bot.username
    except TelegramError:
        return None
