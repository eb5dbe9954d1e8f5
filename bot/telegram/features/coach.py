"""/opiskelijat (a coach's own students and their status) and /ryhmat (groups, counts only).

Every list and card that names a student is a staff read: one audit row per student shown,
which the student sees in /omat_tiedot. A coach sees their own students, and a backup coach a
student only while holding an open case about them — checked again at every press.

The handlers are module-level functions that take the switchboard `h` first; `register` only
wires them. /ryhmat builds one section per role the caller holds, through `GROUP_SECTIONS`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from bot.services.admin.school import coached_groups_linked
from bot.services.admin.school import groups as all_groups
from bot.services.audit import audit
from bot.services.container import Outcome
from bot.services.enrolment.access import (
    StudentStatus,
    can_see,
    checkins_since,
    open_concern_levels,
    own_group_counts,
    student_names,
    student_status,
    visible_students,
)
from bot.services.enrolment.invites import name_key
from bot.services.enrolment.text import day_text, local_day_text
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import Button, OutMessage
from bot.services.privacy.outbox import enqueue_replies
from bot.services.privacy.service import last_paused_day
from bot.storage.db import Tx

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Sequence

    from bot.services.admin.school import Group
    from bot.telegram.handlers import Handlers, Turn

    # one role's section of /ryhmat: (h, caller, every group) -> its lines joined
    GroupSection = Callable[[Handlers, Turn, Sequence[Group]], Awaitable[str]]

ACTION_STUDENT = "student_card"


@dataclass(frozen=True)
class StudentCard(Payload, action=ACTION_STUDENT):
    students: list[int]  # the students listed, by button index


MAX_BUTTONS = 60
LABEL_LIMIT = 40
# a student who is not (or no longer) active: one word instead of the check-in status
NOT_ACTIVE = {
    "invited": "coach-st-invited",
    "declined": "coach-st-declined",
    "left": "coach-st-left",
}


def label(name: str) -> str:
    return name if len(name) <= LABEL_LIMIT else name[: LABEL_LIMIT - 1] + "…"


def plain(h: Handlers, c: Turn, msg_id: str, attribute: str | None = None, **args: object) -> str:
    return h.rt.svc.tr.plain(c.lang, msg_id, attribute, **args)


# -- a student's line, list and card ----------------------------------------------------------


def status_line(h: Handlers, c: Turn, s: StudentStatus, now: datetime) -> str:
    not_active = NOT_ACTIVE.get(s.status)
    parts = [plain(h, c, not_active)] if not_active else active_parts(h, c, s, now)
    if s.open_concerns:
        parts.append(plain(h, c, "coach-st-concerns", count=s.open_concerns))
    return f"• <b>{html.escape(s.name, quote=False)}</b> — " + html.escape(
        " · ".join(parts), quote=False
    )


def active_parts(h: Handlers, c: Turn, s: StudentStatus, now: datetime) -> list[str]:
    """An active student's last check-in, pause and reachability."""
    parts: list[str] = []
    if s.last_checkin is not None:
        last = local_day_text(s.last_checkin, h.rt.svc.settings.tz)
        parts.append(plain(h, c, "coach-st-last", date=last))
    else:
        parts.append(plain(h, c, "coach-st-never"))
    if s.paused_until is not None and s.paused(now):
        until = day_text(last_paused_day(h.rt.svc, s.paused_until))
        parts.append(plain(h, c, "coach-st-paused", date=until))
    if s.unreachable:
        parts.append(plain(h, c, "coach-st-unreachable"))
    return parts


async def reply_audited(
    c: Turn, action: str, shown: list[StudentStatus], *messages: OutMessage
) -> None:
    """The audit rows and the messages commit together; the messages name students, so
    they are not kept in the outbox after delivery."""
    assert c.person is not None
    actor = c.person.id

    async def work(tx: Tx) -> Outcome:
        now = c.now
        for s in shown:
            await audit(tx, now, action, actor_id=actor, subject_id=s.person_id)
        key = c.key()
        return Outcome(rows=await enqueue_replies(tx, key, messages, now=now))

    await c.run(work)


async def student_list(
    h: Handlers, c: Turn, students: list[StudentStatus], title: str
) -> OutMessage:
    now = c.now
    own = [s for s in students if not s.handed_over]
    handed = [s for s in students if s.handed_over]
    lines = [title]
    current_group: str | None = None
    for s in own:
        if s.group != current_group:
            current_group = s.group
            lines.append(f"\n<b>{html.escape(s.group or '–', quote=False)}</b>")
        lines.append(status_line(h, c, s, now))
    if handed:
        lines.append("\n" + h.text(c, "coach-handed-title"))
        lines += [status_line(h, c, s, now) for s in handed]
    lines.append("\n" + h.text(c, "coach-list-hint"))
    buttons: list[list[Button]] = []
    if 0 < len(students) <= MAX_BUTTONS:
        buttons = await student_buttons(c, students, now)
    return OutMessage(c.chat_id, "\n".join(lines), buttons=buttons)


async def student_buttons(
    c: Turn, students: list[StudentStatus], now: datetime
) -> list[list[Button]]:
    """One button per student, two to a row; the ids stay server-side in the payload."""
    token = await c.run(
        lambda tx: callbacks.issue(
            tx,
            now,
            c.tg_user_id,
            StudentCard([s.person_id for s in students]),
            ttl=timedelta(days=1),
        )
    )
    flat = [Button(label(s.name), callbacks.button_data(token, i)) for i, s in enumerate(students)]
    return [flat[i : i + 2] for i in range(0, len(flat), 2)]


async def card(h: Handlers, c: Turn, s: StudentStatus) -> OutMessage:
    now = c.now
    tz = h.rt.svc.settings.tz
    dash = "–"
    levels = await open_concern_levels(c.reads, s.person_id)
    recent = await checkins_since(c.reads, s.person_id, now - timedelta(days=28))
    lines = [
        f"<b>{html.escape(s.name, quote=False)}</b>",
        h.text(c, "coach-card-group", group=s.group or dash),
        h.text(c, "coach-card-status", status=plain(h, c, "coach-card-st", s.status)),
        h.text(
            c,
            "coach-card-joined",
            date=local_day_text(s.consent_at, tz) if s.consent_at else dash,
        ),
        h.text(c, "coach-card-coaches", coach=s.coach_name or dash, backup=s.backup_name or dash),
        h.text(
            c,
            "coach-card-checkins",
            last=local_day_text(s.last_checkin, tz) if s.last_checkin else dash,
            recent=recent,
        ),
    ]
    lines += card_notes(h, c, s, now, levels)
    return OutMessage(c.chat_id, "\n".join(lines))


def card_notes(
    h: Handlers, c: Turn, s: StudentStatus, now: datetime, levels: list[str]
) -> list[str]:
    """The card's lines that only some students have: open cases, a pause, unreachable,
    handed over."""
    lines: list[str] = []
    if levels:
        shown = ", ".join(plain(h, c, "mydata-level", level) for level in levels)
        lines.append(h.text(c, "coach-card-concerns", levels=shown))
    if s.paused_until is not None and s.paused(now):
        until = day_text(last_paused_day(h.rt.svc, s.paused_until))
        lines.append(h.text(c, "coach-card-paused", date=until))
    if s.unreachable:
        lines.append(h.text(c, "coach-card-unreachable"))
    if s.handed_over:
        lines.append(h.text(c, "coach-card-handed"))
    return lines


async def refuse_student(c: Turn, student_ids: list[int], how: str) -> None:
    assert c.person is not None
    actor = c.person.id
    now = c.now

    async def work(tx: Tx) -> None:
        for student_id in student_ids:
            await audit(
                tx,
                now,
                "student_access_refused",
                actor_id=actor,
                subject_id=student_id,
                how=how,
            )

    await c.run(work)


# -- /opiskelijat and a student's button ------------------------------------------------------


async def students(h: Handlers, c: Turn) -> None:
    assert c.person is not None
    visible = await visible_students(c.reads, c.person.id)
    if c.args:
        matches = await named(h, c, visible)
        if matches is None:
            return
        visible = matches
    if not visible:
        await h.say_text(c, "coach-no-students")
        return
    title = h.text(c, "coach-list-title", count=len(visible))
    await reply_audited(c, "students_list", visible, await student_list(h, c, visible, title))


async def named(h: Handlers, c: Turn, visible: list[StudentStatus]) -> list[StudentStatus] | None:
    """The visible students the typed name matches; None when this already answered (the one
    match's card, or no match)."""
    wanted = name_key(" ".join(c.args))
    matches = [s for s in visible if wanted in name_key(s.name)]
    if len(matches) == 1:
        await reply_audited(c, "student_card", matches, await card(h, c, matches[0]))
        return None
    if not matches:
        # Someone else's student, or nobody: the same answer, but a try at someone
        # else's student is written down.
        others = await student_names(c.reads)
        foreign = [person_id for person_id, name in others if wanted in name_key(name)]
        if foreign:
            await refuse_student(c, foreign, "search")
        await h.say_text(c, "coach-no-match", name=" ".join(c.args)[:64])
        return None
    return matches


async def open_card(h: Handlers, c: Turn, cb: Callback, index: int, _message_id: int) -> str | None:
    ids = StudentCard.of(cb).students
    if c.person is None or not 0 <= index < len(ids):
        raise CallbackRefused("callback-invalid", hostile=True)
    student_id = ids[index]
    # Authority now, from the database: the student may have moved to another coach.
    if not await can_see(c.reads, c.person.id, student_id):
        await refuse_student(c, [student_id], "button")
        raise CallbackRefused("coach-not-your-student", hostile=False)
    s = await student_status(c.reads, student_id)
    if s is None:
        raise CallbackRefused("coach-student-gone", hostile=False)
    if s.coach_id != c.person.id:
        s = replace(s, handed_over=True)
    await reply_audited(c, "student_card", [s], await card(h, c, s))
    return None


# -- /ryhmat ----------------------------------------------------------------------------------


async def groups(h: Handlers, c: Turn) -> None:
    assert c.person is not None
    roles = c.roles
    everything = await all_groups(c.reads)
    sections = [
        await section(h, c, everything) for role, section in GROUP_SECTIONS if role in roles
    ]
    await h.say(c, OutMessage(c.chat_id, "\n\n".join(sections) or h.text(c, "groups-none")))


async def all_groups_section(h: Handlers, c: Turn, everything: Sequence[Group]) -> str:
    """The coordinator's: every group, with its group coaches."""
    lines = [h.text(c, "groups-all-title", count=len(everything))]
    for g in everything:
        lines.append(group_line(h, c, g.name, g.active, g.invited, g.declined, g.group_coaches))
    return "\n".join(lines)


async def coached_groups_section(h: Handlers, c: Turn, everything: Sequence[Group]) -> str:
    """A group coach's: their groups, and whether each has its group chat linked."""
    assert c.person is not None
    linked = await coached_groups_linked(c.reads, c.person.id)
    lines = [h.text(c, "groups-coached-title")]
    for g in everything:
        if g.id in linked:
            chat = plain(h, c, "groups-chat", "yes" if linked[g.id] else "no")
            lines.append(
                group_line(h, c, g.name, g.active, g.invited, g.declined, "") + f" · {chat}"
            )
    if len(lines) == 1:
        lines.append(h.text(c, "groups-none"))
    return "\n".join(lines)


async def own_groups_section(h: Handlers, c: Turn, _everything: Sequence[Group]) -> str:
    """A coach's: the groups of their own students, counted from those students."""
    assert c.person is not None
    rows = await own_group_counts(c.reads, c.person.id)
    lines = [h.text(c, "groups-mine-title")]
    lines += [group_line(h, c, r["name"] or "–", r["a"], r["i"], r["d"], "") for r in rows]
    if not rows:
        lines.append(h.text(c, "groups-none"))
    return "\n".join(lines)


# in the order the sections are shown
GROUP_SECTIONS: tuple[tuple[str, GroupSection], ...] = (
    ("coordinator", all_groups_section),
    ("group_coach", coached_groups_section),
    ("coach", own_groups_section),
)


def group_line(
    h: Handlers, c: Turn, name: str, active: int, invited: int, declined: int, coaches: str
) -> str:
    line = f"• <b>{html.escape(name, quote=False)}</b> — " + h.text(
        c, "groups-counts", active=active, invited=invited, declined=declined
    )
    if coaches:
        line += " · " + h.text(c, "groups-group-coaches", names=coaches)
    return line


def register(h: Handlers) -> None:
    h.commands.update(students=partial(students, h), groups=partial(groups, h))
    h.actions[ACTION_STUDENT] = partial(open_card, h)
