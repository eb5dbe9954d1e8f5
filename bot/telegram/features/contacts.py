"""The contact log on the Telegram side: /seuranta (my open cases, most urgent first),
/kirjaa (log a contact: choose the student), /historia (a student's case history), /tapaukset
(the coordinator's CSV export), the one-tap case buttons, replying to an alert to log a contact,
and the follow-up ticks.

Every list, card and history names students: each is one audit row per student shown, and the
messages are ephemeral outbox rows (forgotten once delivered).

The handlers are module-level functions that take the switchboard `h` and the feature's shared
parts `k` (`Cases`) first; `register` builds the parts and only wires the handlers. A press on a
case's one-tap buttons is routed by its button index through `CASE_PROMPTS`."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from bot.dates import parse_day
from bot.services.audit import audit
from bot.services.cases.concerns import ConcernService, cases_of, load_concern
from bot.services.cases.contact_log import (
    ACTION_CLOSE,
    ACTION_POSTPONE,
    ACTION_SWITCH,
    FLOW_ID,
    ContactLog,
)
from bot.services.cases.followups import (
    ACTION_CASE,
    CASE_CARD,
    CASE_CLOSE,
    CASE_HANDOVER,
    CASE_LOG,
    CASE_POSTPONE,
    CasePress,
    FollowupService,
    open_cases,
)
from bot.services.cases.handover import HandoverService
from bot.services.cases.history import CaseTexts, export_cases
from bot.services.checkins.sessions import has_open_session
from bot.services.container import Outcome
from bot.services.enrolment.access import loggable_students
from bot.services.enrolment.invites import name_key
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import Button, OutMessage
from bot.services.messaging.outbox_store import key_of_message
from bot.services.people import Person, student
from bot.services.privacy.outbox import enqueue_replies
from bot.storage.db import Tx
from bot.telegram.features.risk import staff, staff_press
from bot.telegram.handlers import Typed
from bot.telegram.picker import CANCEL, Choices, Picker, chosen, label

if TYPE_CHECKING:
    from bot.services.cases.followups import CaseLine
    from bot.services.cases.history import Export
    from bot.telegram.handlers import Handlers, Turn

    # a one-tap case button: (h, parts, staff member, concern id, chat id) -> what it committed
    CasePrompt = Callable[[Handlers, "Cases", Turn, Person, int], Awaitable[Outcome]]

ACTION_LIST = "case-list"  # 2k: log contact on case k, 2k+1: open case k; NEXT_PAGE: more
ACTION_PICK_LOG = "contact-pick"  # index: the student to log a contact with
ACTION_PICK_HISTORY = "history-pick"  # index: the student whose history to show
PAGE = 8
NEXT_PAGE = 10_000


@dataclass(frozen=True, kw_only=True)
class PickToLog(Choices, action=ACTION_PICK_LOG):
    """/kirjaa: whom to log a contact with."""


@dataclass(frozen=True, kw_only=True)
class PickHistory(Choices, action=ACTION_PICK_HISTORY):
    """/historia: whose contact history to show."""


# A coach's students, two to a row: twelve a page fits a phone's screen.
PICKERS: dict[str, Picker[Choices]] = {
    kind.action: Picker(kind, page_size=12, columns=2, ttl=timedelta(days=1))
    for kind in (PickToLog, PickHistory)
}
LIST_TTL = timedelta(days=1)
_ALERT_KEY = re.compile(r"^c(\d+):")


@dataclass(frozen=True)
class Cases:
    """The feature's shared parts, built once by `register`."""

    concerns: ConcernService
    log: ContactLog
    followups: FollowupService
    texts: CaseTexts


def cases_for(h: Handlers) -> Cases:
    svc = h.rt.svc
    concerns: ConcernService = h.rt.features["concerns"]
    log = ContactLog(concerns, h.rt.checkins)
    texts = CaseTexts(
        svc.tr,
        concerns.text,
        svc.settings.tz,
        log.reason_label,
        svc.clock.now,
        svc.settings.report.recovery_weeks,
    )
    return Cases(concerns, log, FollowupService(concerns), texts)


# -- plumbing ---------------------------------------------------------------------------------


async def reply_audited(
    c: Turn,
    action: str,
    student_ids: list[int],
    *messages: OutMessage,
    **detail: Any,
) -> None:
    assert c.person is not None
    actor = c.person.id

    async def work(tx: Tx) -> Outcome:
        now = c.now
        for student_id in student_ids:
            await audit(tx, now, action, actor_id=actor, subject_id=student_id, **detail)
        key = c.key(f"{c.chat_id}:{action}")
        return Outcome(rows=await enqueue_replies(tx, key, messages, now=now))

    await c.run(work)


async def send_edit(c: Turn, message: OutMessage) -> None:
    """A list's other page, or its "cancelled": names are not kept once delivered, as in
    every reply of this feature."""
    key = c.key(f"{c.chat_id}:edit")
    await c.run(lambda tx: enqueue_replies(tx, key, [message], now=c.now))


def edit_text(c: Turn, text: str, message_id: int) -> OutMessage:
    return OutMessage(c.chat_id, text, op="edit", message_id=message_id, buttons=[])


@dataclass(frozen=True)
class CaseList(Payload, action=ACTION_LIST):
    cases: list[int]  # the concerns listed, in order
    page: int


async def token_for(c: Turn, payload: Payload) -> str:
    now = c.now
    return await c.run(lambda tx: callbacks.issue(tx, now, c.tg_user_id, payload, ttl=LIST_TTL))


# -- /seuranta ----------------------------------------------------------------------------------


async def case_list(h: Handlers, k: Cases, c: Turn, page: int = 0) -> None:
    person = staff(c)
    today = h.today(c)
    cases = await open_cases(c.reads, person, today)
    if not cases:
        await h.say_text(c, "case-list-empty")
        return
    shown = cases[page * PAGE : (page + 1) * PAGE]
    coordinator = person.has("coordinator")
    lines = [h.text(c, "case-list-title", count=len(cases))]
    lines += [
        k.texts.list_line(c.lang, page * PAGE + n + 1, case, today, coach=coordinator)
        for n, case in enumerate(shown)
    ]
    lines.append("\n" + h.text(c, "case-list-hint"))
    token = await token_for(c, CaseList([x.concern_id for x in cases], page))
    buttons = case_list_buttons(h, c, token, cases, page)
    await reply_audited(
        c,
        "cases_list",
        [x.student_id for x in shown],
        OutMessage(c.chat_id, "\n".join(lines), buttons=buttons),
    )


def case_list_buttons(
    h: Handlers, c: Turn, token: str, cases: list[CaseLine], page: int
) -> list[list[Button]]:
    """Per case shown, "log a contact" and "open"; then "more" when there is a next page."""
    tr = h.rt.svc.tr
    buttons: list[list[Button]] = []
    for n, case in enumerate(cases[page * PAGE : (page + 1) * PAGE]):
        k = page * PAGE + n
        buttons.append(
            [
                Button(
                    label(tr.plain(c.lang, "case-list-log", n=k + 1, name=case.student_name)),
                    callbacks.button_data(token, 2 * k),
                ),
                Button(
                    tr.plain(c.lang, "case-list-open", n=k + 1),
                    callbacks.button_data(token, 2 * k + 1),
                ),
            ]
        )
    if len(cases) > (page + 1) * PAGE:
        buttons.append(
            [
                Button(
                    tr.plain(c.lang, "case-list-more"),
                    callbacks.button_data(token, NEXT_PAGE + page + 1),
                )
            ]
        )
    return buttons


async def followups_command(h: Handlers, k: Cases, c: Turn) -> None:
    await case_list(h, k, c)


async def list_button(
    h: Handlers, k: Cases, c: Turn, cb: Callback, index: int, _message_id: int
) -> str | None:
    person = staff(c)
    ids = CaseList.of(cb).cases
    if index >= NEXT_PAGE:
        page = index - NEXT_PAGE
        if not 0 < page <= len(ids) // PAGE:
            raise CallbackRefused("callback-invalid", hostile=True)
        await case_list(h, k, c, page)
        return None
    if not 0 <= index < 2 * len(ids):
        raise CallbackRefused("callback-invalid", hostile=True)
    concern_id = ids[index // 2]
    if index % 2 == 0:
        await k.log.start_for_concern(c, person, concern_id, c.chat_id)
    else:
        await case_card(k, c, person, concern_id)
    return None


# -- a case card and the one-tap actions ------------------------------------------------------


async def case_card(k: Cases, c: Turn, person: Person, concern_id: int) -> None:
    async def work(tx: Tx) -> Outcome:
        now = c.now
        concern = await k.concerns.check_allowed(tx, person, await load_concern(tx, concern_id))
        who = await student(tx, concern.student_id)
        assert who is not None
        head = k.concerns.text.head(c.lang, concern.level, who.person.display_name, who.group_name)
        body = head + "\n\n" + await k.texts.case_block(tx, c.lang, concern, full=True)
        buttons = await k.followups.case_buttons(tx, now, person, concern.id, card=True)
        await audit(
            tx,
            now,
            "case_card",
            actor_id=person.id,
            subject_id=who.person.id,
            concern=concern.id,
        )
        key = f"card:{concern.id}:{c.update.update_id}"
        message = OutMessage(c.chat_id, body, buttons=buttons)
        return Outcome(rows=await enqueue_replies(tx, key, [message], now=now))

    await c.run(work)


# The one-tap buttons other than "open the card": each starts a use case on the case.


async def log_prompt(_h: Handlers, k: Cases, c: Turn, person: Person, concern_id: int) -> Outcome:
    return await k.log.start_for_concern(c, person, concern_id, c.chat_id)


async def postpone_prompt(
    _h: Handlers, k: Cases, c: Turn, person: Person, concern_id: int
) -> Outcome:
    return await k.log.postpone_prompt(c, person, concern_id, c.chat_id)


async def close_prompt(_h: Handlers, k: Cases, c: Turn, person: Person, concern_id: int) -> Outcome:
    return await k.log.close_prompt(c, person, concern_id, c.chat_id)


async def handover_prompt(
    h: Handlers, _k: Cases, c: Turn, person: Person, concern_id: int
) -> Outcome:
    """The handover service belongs to the risk feature (registered first)."""
    handover: HandoverService = h.rt.features["handover"]
    return await handover.start(c, person, concern_id, c.chat_id)


CASE_PROMPTS: dict[int, CasePrompt] = {
    CASE_LOG: log_prompt,
    CASE_POSTPONE: postpone_prompt,
    CASE_CLOSE: close_prompt,
    CASE_HANDOVER: handover_prompt,
}


async def case_button(
    h: Handlers, k: Cases, c: Turn, cb: Callback, index: int, _message_id: int
) -> str | None:
    person = staff(c)
    concern_id = CasePress.of(cb).concern
    if index == CASE_CARD:
        await case_card(k, c, person, concern_id)
        return None
    prompt = CASE_PROMPTS.get(index)
    if prompt is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    outcome = await prompt(h, k, c, person, concern_id)
    return outcome.toast


# -- choosing a student: /kirjaa and /historia ------------------------------------------------


async def choosable(c: Turn, person: Person) -> list[tuple[int, str, bool]]:
    """(student id, name, has an open case) the person may log or read; open cases first."""
    return await loggable_students(c.reads, person.id, coordinator=person.has("coordinator"))


async def pick_student(
    h: Handlers, k: Cases, c: Turn, action: str, title: str, audit_action: str
) -> None:
    person = staff(c)
    people = await choosable(c, person)
    if c.args:
        wanted = name_key(" ".join(c.args))
        people = [p for p in people if wanted in name_key(p[1])]
        if len(people) == 1:
            await picked_by_name(h, k, c, person, action, people[0][0])
            return
        if not people:
            await h.say_text(c, "coach-no-match", name=" ".join(c.args)[:64])
            return
    if not people:
        await h.say_text(c, "coach-no-students")
        return
    picker = PICKERS[action]
    buttons = await picker.show(
        c,
        picker.payload(),
        [p[0] for p in people],
        [("📂 " if is_open else "") + name for _, name, is_open in people],
        cancel_label=h.rt.svc.tr.plain(c.lang, "button-cancel"),
    )
    # The names on the list are a read of those students: audited, every one of them.
    await reply_audited(
        c,
        audit_action,
        [p[0] for p in people],
        OutMessage(c.chat_id, h.text(c, title), buttons=buttons),
    )


async def picked_by_name(
    h: Handlers, k: Cases, c: Turn, person: Person, action: str, student_id: int
) -> None:
    """The one student a typed name matched: no list, straight on."""
    try:
        await picked(k, c, person, action, student_id)
    except CallbackRefused as refused:  # e.g. the case was handed over
        await h.say_text(c, refused.reason)


async def picked(k: Cases, c: Turn, person: Person, action: str, student_id: int) -> None:
    if action == ACTION_PICK_LOG:
        await k.log.start_for_student(c, person, student_id, c.chat_id)
    else:
        await show_history(k, c, student_id)


async def pick_button(
    h: Handlers, k: Cases, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    person = staff(c)
    picker = PICKERS.get(cb.action)
    if picker is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    if await picker.turn_page(c, cb, index, message_id, send_edit):
        return None
    if index == CANCEL:
        await send_edit(c, edit_text(c, h.text(c, "case-action-cancelled"), message_id))
        return None
    allowed = {p[0] for p in await choosable(c, person)}
    student_id = chosen(picker.payload.of(cb), index)
    if student_id not in allowed:  # moved to another coach since the list was shown
        raise CallbackRefused("coach-not-your-student", hostile=False)
    await picked(k, c, person, cb.action, student_id)
    return None


async def log_command(h: Handlers, k: Cases, c: Turn) -> None:
    await pick_student(h, k, c, ACTION_PICK_LOG, "log-pick-title", "contact_pick_list")


async def history_command(h: Handlers, k: Cases, c: Turn) -> None:
    await pick_student(h, k, c, ACTION_PICK_HISTORY, "history-pick-title", "history_pick_list")


async def show_history(k: Cases, c: Turn, student_id: int) -> None:
    who = await student(c.reads, student_id)
    if who is None:
        raise CallbackRefused("coach-student-gone", hostile=False)
    views = await cases_of(c.reads, student_id)
    text = await k.texts.history(c.reads, c.lang, who.person.display_name, views)
    await reply_audited(c, "case_history", [student_id], OutMessage(c.chat_id, text))


# -- /tapaukset: the coordinator's export -----------------------------------------------------


async def export_command(h: Handlers, c: Turn) -> None:
    person = staff(c)
    try:
        start, end, with_notes = parse_export_args(c.args, h.today(c))
    except ValueError:
        await h.say_text(c, "export-cases-usage")
        return
    tz = h.rt.svc.settings.tz
    begin = datetime.combine(start, time(0), tzinfo=tz)
    finish = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz)
    result = await export_cases(c.reads, begin, finish, with_notes=with_notes, lang=c.lang)
    span = f"{start.isoformat()}_{end.isoformat()}"
    messages = [
        OutMessage(c.chat_id, "\n\n".join(export_lines(h, c, result, start, end, with_notes))),
        OutMessage(
            c.chat_id,
            op="document",
            file_name=f"tapaukset_{span}.csv",
            file_hex=result.cases_csv.hex(),
        ),
        OutMessage(
            c.chat_id,
            op="document",
            file_name=f"yhteydenotot_{span}.csv",
            file_hex=result.contacts_csv.hex(),
        ),
    ]
    await reply_audited(
        c,
        "cases_export",
        result.students,
        *messages,
        notes=with_notes,
        start=start.isoformat(),
        end=end.isoformat(),
        by=person.id,
    )


def export_lines(
    h: Handlers, c: Turn, result: Export, start: date, end: date, with_notes: bool
) -> list[str]:
    """The export's summary: the totals, one line per level with cases, and the notes' note."""
    lines = [
        h.text(
            c,
            "export-cases-done",
            start=f"{start.day}.{start.month}.{start.year}",
            end=f"{end.day}.{end.month}.{end.year}",
            cases=result.cases,
            contacts=result.contacts,
        )
    ]
    for level in ("crisis", "urgent", "concern"):
        numbers = result.summary.get(level)
        if not numbers:
            continue
        lines.append(
            h.text(
                c,
                "export-cases-level",
                level=h.rt.svc.tr.plain(c.lang, "risk-level", level),
                cases=numbers.get("cases", 0),
                contacted=numbers.get("contacted", 0),
                closed=numbers.get("closed", 0),
                ack=_hours_text(numbers.get("ack_median_h")),
                contact=_hours_text(numbers.get("contact_median_h")),
                closure=_hours_text(numbers.get("closure_median_h")),
            )
        )
    lines.append(h.text(c, "export-cases-notes" if with_notes else "export-cases-no-notes"))
    return lines


# -- replying to an alert or a reminder logs a contact ----------------------------------------


async def reply_to_case(h: Handlers, k: Cases, c: Turn, _text: str) -> bool:
    """A text filter: a staff member's private reply to an alert starts a contact log."""
    concern_id = await replied_case(c)
    if concern_id is None:
        return False
    assert c.person is not None
    open_log = await has_open_session(c.reads, c.person.id, FLOW_ID)
    if open_log:  # a reply while logging: the text is the answer, not a new log
        return False
    try:
        await k.log.start_for_concern(c, c.person, concern_id, c.chat_id)
    except CallbackRefused as refused:
        await h.say_text(c, refused.reason)
        return True
    return True


async def replied_case(c: Turn) -> int | None:
    """The case whose alert a staff member replied to in private, if that is what this is."""
    message = c.update.message
    replied = message.reply_to_message if message is not None else None
    if replied is None or c.person is None or not c.person.is_staff or not c.private:
        return None
    key = await key_of_message(c.reads, c.chat_id, replied.message_id)
    found = _ALERT_KEY.match(str(key or ""))
    return None if found is None else int(found.group(1))


async def tick(k: Cases) -> None:
    await k.followups.tick(k.followups.svc.unit("tick:followups"))


def register(h: Handlers) -> None:
    k = cases_for(h)
    h.rt.checkins.finish_hooks.append(k.log.on_finish)
    h.rt.features.update(contact_log=k.log, followups=k.followups)
    h.on_typed(Typed.AWAITED, partial(reply_to_case, h, k))
    h.rt.tickers.append(partial(tick, k))
    h.commands.update(
        followups=partial(followups_command, h, k),
        log_contact=partial(log_command, h, k),
        history=partial(history_command, h, k),
        cases_export=partial(export_command, h),
    )
    h.actions.update(
        {
            ACTION_LIST: partial(list_button, h, k),
            ACTION_CASE: partial(case_button, h, k),
            ACTION_POSTPONE: partial(staff_press, k.log.postpone),
            ACTION_CLOSE: partial(staff_press, k.log.close),
            ACTION_SWITCH: partial(staff_press, k.log.switch),
            ACTION_PICK_LOG: partial(pick_button, h, k),
            ACTION_PICK_HISTORY: partial(pick_button, h, k),
        }
    )


def _hours_text(hours: float | None) -> str:
    return "–" if hours is None else f"{hours:.0f} h"


def parse_export_args(args: list[str], today: date) -> tuple[date, date, bool]:
    """[start] [end] [notes]: dates as 1.8.2026; the default is this school year so far."""
    with_notes = False
    dates: list[date] = []
    for arg in args:
        if arg.casefold() in ("muistiinpanot", "anteckningar", "notes"):
            with_notes = True
            continue
        day = parse_day(arg, today, without_year="refuse")
        if day is None:
            raise ValueError(arg)
        dates.append(day)
    if len(dates) > 2:
        raise ValueError("too many dates")
    school_year = date(today.year if today.month >= 8 else today.year - 1, 8, 1)
    start = dates[0] if dates else school_year
    end = dates[1] if len(dates) > 1 else today
    if end < start:
        raise ValueError("end before start")
    return start, end, with_notes
