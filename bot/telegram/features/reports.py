"""/raportti, /ilmiot, /oma_kehitys; phenomenon cards, the plan dialog and plan reminders.

The handlers are module-level functions that take the switchboard `h` and the report service
first; `register` only wires them. The three presses share `staff_press`, the two clock jobs
`tick`.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from bot.services.audit import audit
from bot.services.container import Outcome
from bot.services.messaging.callbacks import Callback, CallbackRefused
from bot.services.reports.plans import ACTION_PLAN
from bot.services.reports.service import ACTION_REPORT, ReportService
from bot.services.reports.watch import ACTION_PHEN
from bot.telegram.handlers import Typed

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from bot.services.unit import UnitOfWork
    from bot.telegram.handlers import Handlers, Turn

    # a staff member's press: (service, caller, callback, index, message id) -> committed
    StaffPress = Callable[[ReportService, Turn, Callback, int, int], Awaitable[Outcome]]

log = logging.getLogger(__name__)


def key(c: Turn, what: str) -> str:
    return c.key(f"{c.chat_id}:{what}")


# -- commands ---------------------------------------------------------------------------------


async def report(h: Handlers, service: ReportService, c: Turn) -> None:
    assert c.person is not None  # staff only, checked before this runs
    outcome = await service.scope_prompt(c, c.person, c.chat_id, key(c, "report"))
    if outcome is None:
        now = c.now
        person_id = c.person.id
        await c.run(
            lambda tx: audit(
                tx,
                now,
                "role_refused",
                actor_id=person_id,
                actor_tg_id=c.tg_user_id,
                what="report",
            )
        )
        await h.say_text(c, "report-no-groups")
        return


async def phenomena(service: ReportService, c: Turn) -> None:
    assert c.person is not None  # coordinators only
    await service.watch.overview(c, c.person, c.chat_id, key(c, "phenomena"))


async def my_trend(service: ReportService, c: Turn) -> None:
    assert c.person is not None  # students only
    await service.my_trend(c, c.person, c.chat_id, key(c, "trend"))


# -- buttons ----------------------------------------------------------------------------------


async def staff_press(
    service: ReportService,
    run: StaffPress,
    c: Turn,
    callback: Callback,
    index: int,
    message_id: int,
) -> str | None:
    if c.person is None or not c.person.is_staff:
        raise CallbackRefused("callback-not-yours", hostile=True)
    outcome = await run(service, c, callback, index, message_id)
    return outcome.toast


async def report_press(
    service: ReportService, c: Turn, cb: Callback, index: int, message_id: int
) -> Outcome:
    assert c.person is not None
    return await service.press(c, c.person, cb, index, c.chat_id, message_id)


async def phen_press(
    service: ReportService, c: Turn, cb: Callback, index: int, message_id: int
) -> Outcome:
    assert c.person is not None
    return await service.watch.phen_press(c, c.person, cb, index, c.chat_id, message_id)


async def plan_press(
    service: ReportService, c: Turn, cb: Callback, index: int, message_id: int
) -> Outcome:
    assert c.person is not None
    if not c.person.is_staff:  # the token is bound to its staff member
        raise CallbackRefused("callback-not-yours", hostile=True)
    return await service.watch.plans.press(c, c.person, cb, index, c.chat_id, message_id)


# -- typed text and the clock -----------------------------------------------------------------


async def plan_text(service: ReportService, c: Turn, text: str) -> bool:
    """A typed answer to a pending plan step (its coordinator, or the plan's owner)."""
    if c.person is None or not c.private or not c.person.is_staff:
        return False
    outcome = await service.watch.plans.typed(c, c.person, c.chat_id, text, key(c, "plan"))
    return outcome is not None


async def tick(h: Handlers, name: str, run: Callable[[UnitOfWork], Awaitable[Outcome]]) -> None:
    try:
        await run(h.rt.svc.unit(name))
    except Exception:  # a failing report job must not stop the clock for others
        log.exception("%s failed", name)


def register(h: Handlers) -> None:
    service = ReportService(h.rt.svc)
    h.rt.features["reports"] = service
    h.commands.update(
        report=partial(report, h, service),
        phenomena=partial(phenomena, service),
        my_trend=partial(my_trend, service),
    )
    h.actions[ACTION_REPORT] = partial(staff_press, service, report_press)
    h.actions[ACTION_PHEN] = partial(staff_press, service, phen_press)
    h.actions[ACTION_PLAN] = partial(staff_press, service, plan_press)
    h.on_typed(Typed.AWAITED, partial(plan_text, service))
    h.rt.tickers.append(partial(tick, h, "phenomenon scan", service.watch.scan_phenomena))
    h.rt.tickers.append(partial(tick, h, "plan reminders", service.watch.remind_plans))
