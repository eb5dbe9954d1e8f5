"""/omat_tiedot, /vie, /poista, /tauko: the student's own data and control over it.

The handlers are module-level functions that take the switchboard `h` and the privacy service
first; `register` only wires them. A /tauko press is routed by its menu's step and the button's
index through `PAUSE_STEPS`: "off" (no pause: how long?), "on" (paused: resume or change) and
"change" (the same choices as "off", moving the end of the pause that is on).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from bot.dates import parse_day
from bot.services.admin import inputs as admin_inputs
from bot.services.checkins.sessions import has_open_session
from bot.services.enrolment.text import day_text
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import Button, OutMessage
from bot.services.privacy.outbox import enqueue_replies
from bot.services.privacy.service import MAX_PAUSE_DAYS, PrivacyService
from bot.telegram.handlers import Typed

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from bot.services.people import Person
    from bot.telegram.handlers import Handlers, Turn

    # a /tauko press: (h, privacy, caller, the student, button index, message id, idem key)
    PauseStep = Callable[[Handlers, PrivacyService, Turn, Person, int, int, str], Awaitable[None]]

ACTION_ERASE = "erase"
ACTION_PAUSE = "pause"


@dataclass(frozen=True)
class EraseConfirm(Payload, action=ACTION_ERASE):
    """/poista: 1 erase everything, 0 cancel."""


@dataclass(frozen=True)
class PauseMenu(Payload, action=ACTION_PAUSE):
    step: str  # which /tauko menu the buttons are on (PAUSE_STEPS)


PENDING_PAUSE_DATE = "privacy:pause_date"
ERASE_TTL = timedelta(minutes=15)
PAUSE_WEEK, PAUSE_TWO_WEEKS, PAUSE_DATE, PAUSE_CANCEL = 0, 1, 2, 3
RESUME_NOW, CHANGE_PAUSE = 0, 1
PAUSE_DAYS = {PAUSE_WEEK: 7, PAUSE_TWO_WEEKS: 14}
PAUSE_LENGTHS = ("pause-week", "pause-two-weeks", "pause-pick-date")


async def reply_privately(c: Turn, *messages: OutMessage) -> None:
    """Replies that carry personal data or live links are not kept in the outbox once sent."""
    now = c.now
    key = c.key()
    await c.run(lambda tx: enqueue_replies(tx, key, messages, now=now))


def student(c: Turn) -> bool:
    return c.person is not None and c.person.is_student


def button_row(h: Handlers, c: Turn, msg_id: str, token: str, index: int) -> list[Button]:
    """A row of one button labelled with `msg_id`."""
    return [Button(h.rt.svc.tr.plain(c.lang, msg_id), callbacks.button_data(token, index))]


# -- /omat_tiedot and /vie ----------------------------------------------------------------------


async def my_data(privacy: PrivacyService, c: Turn) -> None:
    assert c.person is not None
    await reply_privately(c, OutMessage(c.chat_id, await privacy.own_data(c.person)))


async def export(h: Handlers, privacy: PrivacyService, c: Turn) -> None:
    assert c.person is not None
    data = await privacy.export(c.person)
    name = f"kohtaamo-{h.today(c).isoformat()}.json"
    caption = h.text(c, "export-caption")
    await reply_privately(
        c, OutMessage(c.chat_id, caption, op="document", file_name=name, file_hex=data.hex())
    )


# -- /poista ------------------------------------------------------------------------------------


async def erase(h: Handlers, c: Turn) -> None:
    assert c.person is not None
    if c.person.is_staff:
        await h.say_text(c, "erase-staff")
        return
    now = c.now
    token = await c.run(
        lambda tx: callbacks.issue(tx, now, c.tg_user_id, EraseConfirm(), ttl=ERASE_TTL)
    )
    buttons = [button_row(h, c, "erase-yes", token, 1), button_row(h, c, "erase-no", token, 0)]
    await h.say(c, OutMessage(c.chat_id, h.text(c, "erase-ask"), buttons=buttons))


async def erase_press(
    h: Handlers, privacy: PrivacyService, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    if not student(c) or c.person is None or c.person.is_staff:
        raise CallbackRefused("callback-not-yours", hostile=True)
    if index == 0:
        await h.say(
            c,
            OutMessage(c.chat_id, h.text(c, "erase-cancelled"), op="edit", message_id=message_id),
        )
        return None
    if index != 1:
        raise CallbackRefused("callback-invalid", hostile=True)
    await admin_inputs.consume(c, cb)
    await privacy.erase(c, c.person, message_id)
    await h.rt.set_chat_menu(c.chat_id, c.lang, frozenset())
    return None


# -- /tauko -------------------------------------------------------------------------------------


async def pause(h: Handlers, privacy: PrivacyService, c: Turn) -> None:
    assert c.person is not None
    await h.say(c, await pause_menu(h, privacy, c))


async def pause_menu(h: Handlers, privacy: PrivacyService, c: Turn) -> OutMessage:
    """While paused: resume now or change; otherwise: a week, two, a date of one's own."""
    assert c.person is not None
    until = await privacy.paused_until(c.person)
    if until is not None:
        token = await pause_token(c, c.now, "on")
        buttons = [
            button_row(h, c, "pause-resume", token, RESUME_NOW),
            button_row(h, c, "pause-change", token, CHANGE_PAUSE),
        ]
        return OutMessage(c.chat_id, h.text(c, "pause-on", date=day_text(until)), buttons=buttons)
    return await lengths_menu(h, c, "off", h.text(c, "pause-ask"), "pause-cancel")


async def lengths_menu(
    h: Handlers, c: Turn, step: str, text: str, cancel: str, edit: int | None = None
) -> OutMessage:
    """A week, two weeks (today included), a day of one's own, or `cancel`."""
    token = await pause_token(c, c.now, step)
    labels = (*PAUSE_LENGTHS, cancel)
    buttons = [button_row(h, c, label, token, i) for i, label in enumerate(labels)]
    op, mid = ("edit", edit) if edit else ("send", None)
    return OutMessage(c.chat_id, text, op=op, message_id=mid, buttons=buttons)


async def pause_token(c: Turn, now: datetime, step: str) -> str:
    return await c.run(lambda tx: callbacks.issue(tx, now, c.tg_user_id, PauseMenu(step)))


async def pause_press(
    h: Handlers, privacy: PrivacyService, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    if not student(c) or c.person is None:
        raise CallbackRefused("callback-not-yours", hostile=True)
    key = f"pause:{cb.token}:{index}"
    pause_step = PAUSE_STEPS.get((PauseMenu.of(cb).step, index))
    if pause_step is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    await pause_step(h, privacy, c, c.person, index, message_id, key)
    return None


async def resume_now(
    _h: Handlers,
    privacy: PrivacyService,
    c: Turn,
    person: Person,
    _index: int,
    mid: int,
    key: str,
) -> None:
    await privacy.resume(c, person, c.chat_id, key, mid)


async def change_pause(
    h: Handlers, privacy: PrivacyService, c: Turn, person: Person, _index: int, mid: int, _k: str
) -> None:
    """The pause's menu becomes the first pause's choices, which move its end."""
    until = await privacy.paused_until(person)
    if until is None:  # the pause ended after this menu was shown
        await say_no_pause(h, c, person, mid)
        return
    text = h.text(c, "pause-change-ask", date=day_text(until))
    await h.say(c, await lengths_menu(h, c, "change", text, "pause-keep", edit=mid))


async def say_no_pause(h: Handlers, c: Turn, person: Person, mid: int) -> None:
    text = h.text(c, "pause-none", name=person.first_name)
    await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=mid))


async def pause_for_days(
    h: Handlers,
    privacy: PrivacyService,
    c: Turn,
    person: Person,
    index: int,
    mid: int,
    key: str,
    *,
    moving: bool = False,
) -> None:
    """A week or two, today included."""
    last_day = h.today(c) + timedelta(days=PAUSE_DAYS[index] - 1)
    await privacy.pause(c, person, last_day, c.chat_id, key, mid, moving=moving)


async def ask_pause_date(
    h: Handlers,
    _privacy: PrivacyService,
    c: Turn,
    _p: Person,
    _index: int,
    mid: int,
    _key: str,
    *,
    moving: bool = False,
) -> None:
    today = h.today(c)
    now = c.now
    payload = {"moving": moving}
    await c.run(
        lambda tx: admin_inputs.expect(
            tx, now, c.tg_user_id, PENDING_PAUSE_DATE, payload, ttl=timedelta(minutes=15)
        )
    )
    text = h.text(c, "pause-type-date", example=day_text(today + timedelta(days=10)))
    await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=mid))


async def cancel_pause(
    h: Handlers, _privacy: PrivacyService, c: Turn, _p: Person, _index: int, mid: int, _key: str
) -> None:
    text = h.text(c, "pause-cancelled")
    await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=mid))


async def keep_pause(
    h: Handlers, privacy: PrivacyService, c: Turn, person: Person, _index: int, mid: int, _k: str
) -> None:
    """The change menu's "keep the day": the pause stays as it is (if it is still on)."""
    until = await privacy.paused_until(person)
    if until is None:
        await say_no_pause(h, c, person, mid)
        return
    text = h.text(c, "pause-kept", date=day_text(until))
    await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=mid))


# (the menu's step, the button's index) -> what the press does
PAUSE_STEPS: dict[tuple[str, int], PauseStep] = {
    ("on", RESUME_NOW): resume_now,
    ("on", CHANGE_PAUSE): change_pause,
    ("off", PAUSE_WEEK): pause_for_days,
    ("off", PAUSE_TWO_WEEKS): pause_for_days,
    ("off", PAUSE_DATE): ask_pause_date,
    ("off", PAUSE_CANCEL): cancel_pause,
    ("change", PAUSE_WEEK): partial(pause_for_days, moving=True),
    ("change", PAUSE_TWO_WEEKS): partial(pause_for_days, moving=True),
    ("change", PAUSE_DATE): partial(ask_pause_date, moving=True),
    ("change", PAUSE_CANCEL): keep_pause,
}


async def typed_date(h: Handlers, privacy: PrivacyService, c: Turn, text: str) -> bool:
    """A text filter: the last day of a pause, typed after "pick a date"."""
    if not student(c) or c.person is None:
        return False
    now = c.now
    waiting = await admin_inputs.pending(c.reads, now, c.tg_user_id)
    if waiting is None or waiting.kind != PENDING_PAUSE_DATE:
        return False
    today = h.today(c)
    day = parse_day(text, today)
    if day is None:
        return await not_a_date(h, c, c.person, today)
    if not today <= day <= today + timedelta(days=MAX_PAUSE_DAYS):
        await h.say_text(
            c, "pause-date-range", last=day_text(today + timedelta(days=MAX_PAUSE_DAYS))
        )
        return True
    key = c.key("pause")
    moving = waiting.payload.get("moving") is True
    await privacy.pause(c, c.person, day, c.chat_id, key, moving=moving)
    return True


async def not_a_date(h: Handlers, c: Turn, person: Person, today: date) -> bool:
    """Text that is no date while one is awaited: a hint, or let a check-in's answer through."""
    open_checkin = await has_open_session(c.reads, person.id)
    if open_checkin:
        # Probably an answer to the check-in that arrived meanwhile: let it through.
        await c.run(lambda tx: admin_inputs.clear(tx, c.tg_user_id))
        return False
    await h.say_text(c, "pause-date-hint", example=day_text(today + timedelta(days=10)))
    return True


async def end_pauses(privacy: PrivacyService) -> None:
    await privacy.end_pauses(privacy.svc.unit("tick:pauses"))


async def retention(privacy: PrivacyService) -> None:
    await privacy.enforce_retention(privacy.svc.unit("tick:retention"))


def register(h: Handlers) -> None:
    privacy = PrivacyService(h.rt.svc)
    h.rt.features["privacy"] = privacy
    h.commands.update(
        my_data=partial(my_data, privacy),
        export=partial(export, h, privacy),
        erase=partial(erase, h),
        pause=partial(pause, h, privacy),
    )
    h.actions[ACTION_ERASE] = partial(erase_press, h, privacy)
    h.actions[ACTION_PAUSE] = partial(pause_press, h, privacy)
    h.on_typed(Typed.AWAITED, partial(typed_date, h, privacy))
    h.rt.tickers += [partial(end_pauses, privacy), partial(retention, privacy)]
