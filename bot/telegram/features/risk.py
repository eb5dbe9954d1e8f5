"""Risk and crisis on the Telegram side: the crisis text filter (first of all filters), the
escalation rules at the end of a check-in, the alert buttons, hand-over, /jutellaan, and the
ticks for silence, deadlines and the weekly digest.

The handlers are module-level functions that take the switchboard `h` and the feature's services
`r` (`Risk`) first; `register` builds the services and only wires the handlers, the crisis
screen first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from bot.engine.model import Flow
from bot.risk.cues import default_detector
from bot.services.cases import concerns as concern_mod
from bot.services.cases import handover as handover_mod
from bot.services.cases.concerns import AlertPress, ConcernService
from bot.services.cases.contact_log import ContactLog
from bot.services.cases.crisis import CrisisService
from bot.services.cases.digest import DigestService
from bot.services.cases.handover import HandoverService
from bot.services.cases.safety_check import ACTION_SAFETY
from bot.services.cases.signals import ACTION_TALK, SignalService
from bot.services.checkins.sessions import SessionRow
from bot.services.container import Outcome
from bot.services.messaging.callbacks import Callback, CallbackRefused
from bot.services.messaging.outbox import OutboxRow
from bot.services.people import Person
from bot.storage.db import Tx
from bot.telegram.handlers import Typed

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable
    from datetime import datetime

    from bot.services.unit import UnitOfWork
    from bot.telegram.handlers import Handlers, Turn

    # a staff member's press answered by one use case:
    # (the press's unit of work, staff, callback, index, chat, message id) -> committed
    StaffUseCase = Callable[[UnitOfWork, Person, Callback, int, int, int], Awaitable[Outcome]]
    # an alert button: (h, r, caller, the staff member, concern id) -> committed
    ConcernButton = Callable[[Handlers, "Risk", Turn, Person, int], Awaitable[Outcome]]


@dataclass(frozen=True)
class Risk:
    """The feature's services, built once by `register`."""

    concerns: ConcernService
    signals: SignalService
    crisis: CrisisService
    handover: HandoverService
    digest: DigestService


# -- every private text: crisis first ---------------------------------------------------------


async def screen(r: Risk, c: Turn, text: str) -> bool:
    if not c.private:
        return False
    person = c.person
    if person is not None and person.is_staff:
        noted = await r.handover.note(c, person, c.chat_id, text)  # a hand-over note being typed
        if noted is not None:
            return True
    screened = await r.crisis.screen(c, person, c.chat_id, text, c.update.update_id, c.lang)
    if not screened.crisis:
        return False
    # An open check-in waiting for free text still gets the text as its answer.
    return not screened.continue_to_checkin


# -- the end of a check-in --------------------------------------------------------------------


async def on_finish(
    r: Risk, tx: Tx, now: datetime, person: Person, flow: Flow, session: SessionRow
) -> list[OutboxRow]:
    raised = await r.signals.on_completed(tx, now, person, flow, session.id, session.answers)
    return raised.student_rows


# -- alert buttons ----------------------------------------------------------------------------


def staff(c: Turn) -> Person:
    if c.person is None or not c.person.is_staff:
        raise CallbackRefused("risk-not-your-case", hostile=True)
    return c.person


async def acknowledge(_h: Handlers, r: Risk, c: Turn, person: Person, concern_id: int) -> Outcome:
    return await r.concerns.acknowledge(c, person, concern_id)


async def log_contact(h: Handlers, _r: Risk, c: Turn, person: Person, concern_id: int) -> Outcome:
    # the contact-log dialog (features/contacts.py)
    contact_log: ContactLog = h.rt.features["contact_log"]
    return await contact_log.start_for_concern(c, person, concern_id, c.chat_id)


async def start_handover(
    _h: Handlers, r: Risk, c: Turn, person: Person, concern_id: int
) -> Outcome:
    return await r.handover.start(c, person, concern_id, c.chat_id)


# The alert's buttons by index.
CONCERN_BUTTONS: dict[int, ConcernButton] = {
    concern_mod.BUTTON_ACK: acknowledge,
    concern_mod.BUTTON_LOG: log_contact,
    concern_mod.BUTTON_HANDOVER: start_handover,
}


async def concern_button(
    h: Handlers, r: Risk, c: Turn, cb: Callback, index: int, _message_id: int
) -> str | None:
    person = staff(c)
    concern_id = AlertPress.of(cb).concern
    button = CONCERN_BUTTONS.get(index)
    if button is None:
        raise CallbackRefused("callback-invalid", hostile=True)
    outcome = await button(h, r, c, person, concern_id)
    return outcome.toast


async def staff_press(
    use_case: StaffUseCase, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    """A staff member's press answered by one use case (the hand-over dialog here, the contact
    log's choices in contacts.py); its toast answers the press."""
    outcome = await use_case(c, staff(c), cb, index, c.chat_id, message_id)
    return outcome.toast


# -- /jutellaan -------------------------------------------------------------------------------


async def talk(r: Risk, c: Turn) -> None:
    assert c.person is not None  # the command is for students only
    await r.signals.talk_prompt(c, c.person, c.chat_id)


async def talk_button(r: Risk, c: Turn, cb: Callback, index: int, message_id: int) -> str | None:
    if c.person is None or not c.person.is_student:
        raise CallbackRefused("callback-not-yours", hostile=True)
    delivery = await r.signals.talk_choose(c, c.person, cb, index, c.chat_id, message_id)
    return delivery.toast


# -- "are you safe right now?" (the detector was unsure) --------------------------------------


async def safety_button(r: Risk, c: Turn, cb: Callback, index: int, message_id: int) -> str | None:
    if c.person is None or not c.person.is_student:
        raise CallbackRefused("callback-not-yours", hostile=True)
    answered = await r.crisis.checks.press(c, c.person, cb, index, c.chat_id, message_id)
    return answered.toast


# -- the clock: silence, deadlines, the Monday digest -----------------------------------------


async def tick(r: Risk) -> None:
    unit = r.concerns.svc.unit("tick:risk")
    await r.crisis.checks.expire_due(unit)
    await r.signals.check_missed(unit)
    await r.concerns.escalate_due(unit)
    await r.concerns.after_hours_report_due(unit)
    await r.digest.send_due(unit)


def register(h: Handlers) -> None:
    svc = h.rt.svc
    concerns = ConcernService(svc)
    svc.on_undeliverable.append(concerns.on_undeliverable)
    signals = SignalService(svc, concerns)
    crisis = CrisisService(svc, concerns, checkins=h.rt.checkins)
    handover = HandoverService(concerns)
    r = Risk(concerns, signals, crisis, handover, DigestService(concerns))
    h.rt.features.update(
        concerns=concerns,
        signals=signals,
        crisis=crisis,
        handover=handover,
    )
    default_detector()  # load the lexicon now, not while a student waits for a crisis reply
    h.on_typed(Typed.CRISIS, partial(screen, r))
    h.rt.checkins.finish_hooks.append(partial(on_finish, r))
    h.actions.update(
        {
            concern_mod.ACTION_CONCERN: partial(concern_button, h, r),
            handover_mod.ACTION_PICK: partial(staff_press, handover.pick),
            handover_mod.ACTION_SEND: partial(staff_press, handover.send_choice),
            handover_mod.ACTION_ANSWER: partial(staff_press, handover.answer),
        }
    )
    h.commands["talk"] = partial(talk, r)
    h.actions[ACTION_TALK] = partial(talk_button, r)
    h.actions[ACTION_SAFETY] = partial(safety_button, r)
    h.rt.tickers.append(partial(tick, r))
