"""/raportti, /ilmiot, /oma_kehitys; phenomenon cards, the plan dialog and plan reminders."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.reports.plans import ACTION_PLAN
from bot.reports.watch import ACTION_PHEN
from bot.services.audit import audit
from bot.services.callbacks import Callback, CallbackRefused
from bot.services.container import Outcome
from bot.services.reports import ACTION_REPORT, ReportService

if TYPE_CHECKING:
    from bot.telegram.handlers import Caller, Handlers

log = logging.getLogger(__name__)


def register(h: Handlers) -> None:
    service = ReportService(h.rt.svc)
    h.rt.features["reports"] = service

    def key(c: Caller, what: str) -> str:
        return f"u{c.update.update_id}:{c.chat_id}:{what}"

    async def report(c: Caller) -> None:
        assert c.person is not None  # staff only, checked before this runs
        outcome = await service.scope_prompt(c.person, c.chat_id, key(c, "report"))
        if outcome is None:
            now = h.rt.clock.now()
            person_id = c.person.id
            await h.rt.db.transaction(
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
        h.rt.deliver(outcome)

    async def phenomena(c: Caller) -> None:
        assert c.person is not None  # coordinators only
        h.rt.deliver(await service.watch.overview(c.person, c.chat_id, key(c, "phenomena")))

    async def my_trend(c: Caller) -> None:
        assert c.person is not None  # students only
        h.rt.deliver(await service.my_trend(c.person, c.chat_id, key(c, "trend")))

    def staff_action(
        run: Callable[[Caller, Callback, int, int], Awaitable[Outcome]],
    ) -> Callable[[Caller, Callback, int, int], Awaitable[str | None]]:
        async def action(c: Caller, callback: Callback, index: int, message_id: int) -> str | None:
            if c.person is None or not c.person.is_staff:
                raise CallbackRefused("callback-not-yours", hostile=True)
            outcome = await run(c, callback, index, message_id)
            h.rt.deliver(outcome)
            return outcome.toast

        return action

    async def report_press(c: Caller, cb: Callback, index: int, message_id: int) -> Outcome:
        assert c.person is not None
        return await service.press(c.person, cb, index, c.chat_id, message_id)

    async def phen_press(c: Caller, cb: Callback, index: int, message_id: int) -> Outcome:
        assert c.person is not None
        return await service.watch.phen_press(c.person, cb, index, c.chat_id, message_id)

    async def plan_press(c: Caller, cb: Callback, index: int, message_id: int) -> Outcome:
        assert c.person is not None
        if not c.person.is_staff:  # the token is bound to its staff member
            raise CallbackRefused("callback-not-yours", hostile=True)
        return await service.watch.plans.press(c.person, cb, index, c.chat_id, message_id)

    async def plan_text(c: Caller, text: str) -> bool:
        """A typed answer to a pending plan step (its coordinator, or the plan's owner)."""
        if c.person is None or not c.private or not c.person.is_staff:
            return False
        outcome = await service.watch.plans.typed(c.person, c.chat_id, text, key(c, "plan"))
        if outcome is None:
            return False
        h.rt.deliver(outcome)
        return True

    def ticker(name: str, run: Callable[[], Awaitable[Outcome]]) -> Callable[[], Awaitable[None]]:
        async def tick() -> None:
            try:
                h.rt.deliver(await run())
            except Exception:  # a failing report job must not stop the clock for others
                log.exception("%s failed", name)

        return tick

    h.commands.update(report=report, phenomena=phenomena, my_trend=my_trend)
    h.actions[ACTION_REPORT] = staff_action(report_press)
    h.actions[ACTION_PHEN] = staff_action(phen_press)
    h.actions[ACTION_PLAN] = staff_action(plan_press)
    h.text_filters.append(plan_text)
    h.rt.tickers.append(ticker("phenomenon scan", service.watch.scan_phenomena))
    h.rt.tickers.append(ticker("plan reminders", service.watch.remind_plans))
