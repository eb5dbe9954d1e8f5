"""/omat_tiedot, /vie, /poista, /tauko: the student's own data and control over it."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from bot.dates import parse_day
from bot.services import admin_inputs, callbacks
from bot.services.callbacks import Callback, CallbackRefused
from bot.services.container import Outcome
from bot.services.enrol_text import day_text
from bot.services.outbox import Button, OutMessage
from bot.services.privacy import MAX_PAUSE_DAYS, PrivacyService
from bot.services.privacy_outbox import enqueue_replies

if TYPE_CHECKING:
    from bot.telegram.handlers import Caller, Handlers

ACTION_ERASE = "erase"
ACTION_PAUSE = "pause"
PENDING_PAUSE_DATE = "privacy:pause_date"
ERASE_TTL = timedelta(minutes=15)
PAUSE_WEEK, PAUSE_TWO_WEEKS, PAUSE_DATE, PAUSE_CANCEL = 0, 1, 2, 3
RESUME_NOW, CHANGE_PAUSE = 0, 1


async def reply_privately(h: Handlers, c: Caller, *messages: OutMessage) -> None:
    """Replies that carry personal data or live links are not kept in the outbox once sent."""
    now = h.rt.clock.now()
    key = f"u{c.update.update_id}:{c.chat_id}"
    rows = await h.rt.db.transaction(lambda tx: enqueue_replies(tx, key, messages, now=now))
    h.rt.deliver(Outcome(rows=rows))


def register(h: Handlers) -> None:
    service = PrivacyService(h.rt.svc)
    h.rt.features["privacy"] = service
    tr = h.rt.svc.tr

    def student(c: Caller) -> bool:
        return c.person is not None and c.person.is_student

    # -- /omat_tiedot and /vie ----------------------------------------------------------------

    async def my_data(c: Caller) -> None:
        assert c.person is not None
        await reply_privately(h, c, OutMessage(c.chat_id, await service.own_data(c.person)))

    async def export(c: Caller) -> None:
        assert c.person is not None
        data = await service.export(c.person)
        name = f"kohtaamo-{h.rt.svc.today().isoformat()}.json"
        caption = h.text(c, "export-caption")
        await reply_privately(
            h, c, OutMessage(c.chat_id, caption, op="document", file_name=name, file_hex=data.hex())
        )

    # -- /poista ------------------------------------------------------------------------------

    async def erase(c: Caller) -> None:
        assert c.person is not None
        if c.person.is_staff:
            await h.say_text(c, "erase-staff")
            return
        now = h.rt.clock.now()
        token = await h.rt.db.transaction(
            lambda tx: callbacks.issue(tx, now, c.tg_user_id, ACTION_ERASE, {}, ttl=ERASE_TTL)
        )
        buttons = [
            [Button(tr.plain(c.lang, "erase-yes"), callbacks.button_data(token, 1))],
            [Button(tr.plain(c.lang, "erase-no"), callbacks.button_data(token, 0))],
        ]
        await h.say(c, OutMessage(c.chat_id, h.text(c, "erase-ask"), buttons=buttons))

    async def erase_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        if not student(c) or c.person is None or c.person.is_staff:
            raise CallbackRefused("callback-not-yours", hostile=True)
        if index == 0:
            await h.say(
                c,
                OutMessage(
                    c.chat_id, h.text(c, "erase-cancelled"), op="edit", message_id=message_id
                ),
            )
            return None
        if index != 1:
            raise CallbackRefused("callback-invalid", hostile=True)
        await admin_inputs.consume(h.rt.db, h.rt.clock.now(), cb)
        h.rt.deliver(await service.erase(c.person, message_id))
        await h.rt.set_chat_menu(c.chat_id, c.lang, frozenset())
        return None

    # -- /tauko -------------------------------------------------------------------------------

    async def pause(c: Caller) -> None:
        assert c.person is not None
        await h.say(c, await pause_menu(c))

    async def pause_menu(c: Caller, edit: int | None = None) -> OutMessage:
        assert c.person is not None
        now = h.rt.clock.now()
        until = await service.paused_until(c.person)
        op, mid = ("edit", edit) if edit else ("send", None)
        if until is not None:
            token = await h.rt.db.transaction(
                lambda tx: callbacks.issue(tx, now, c.tg_user_id, ACTION_PAUSE, {"step": "on"})
            )
            buttons = [
                [
                    Button(
                        tr.plain(c.lang, "pause-resume"), callbacks.button_data(token, RESUME_NOW)
                    )
                ],
                [
                    Button(
                        tr.plain(c.lang, "pause-change"), callbacks.button_data(token, CHANGE_PAUSE)
                    )
                ],
            ]
            text = h.text(c, "pause-on", date=day_text(until))
            return OutMessage(c.chat_id, text, op=op, message_id=mid, buttons=buttons)
        token = await h.rt.db.transaction(
            lambda tx: callbacks.issue(tx, now, c.tg_user_id, ACTION_PAUSE, {"step": "off"})
        )
        labels = ("pause-week", "pause-two-weeks", "pause-pick-date", "pause-cancel")
        buttons = [
            [Button(tr.plain(c.lang, label), callbacks.button_data(token, i))]
            for i, label in enumerate(labels)
        ]
        return OutMessage(c.chat_id, h.text(c, "pause-ask"), op=op, message_id=mid, buttons=buttons)

    async def pause_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        if not student(c) or c.person is None:
            raise CallbackRefused("callback-not-yours", hostile=True)
        person, today = c.person, h.rt.svc.today()
        key = f"pause:{cb.token}:{index}"
        step = cb.payload.get("step")
        if step == "on" and index == RESUME_NOW:
            h.rt.deliver(await service.resume(person, c.chat_id, key, message_id))
        elif step == "on" and index == CHANGE_PAUSE:
            await h.say(c, await pause_menu(c))
        elif step == "off" and index in (PAUSE_WEEK, PAUSE_TWO_WEEKS):
            days = 7 if index == PAUSE_WEEK else 14
            last_day = today + timedelta(days=days - 1)
            h.rt.deliver(await service.pause(person, last_day, c.chat_id, key, message_id))
        elif step == "off" and index == PAUSE_DATE:
            now = h.rt.clock.now()
            await h.rt.db.transaction(
                lambda tx: admin_inputs.expect(
                    tx, now, c.tg_user_id, PENDING_PAUSE_DATE, ttl=timedelta(minutes=15)
                )
            )
            text = h.text(c, "pause-type-date", example=day_text(today + timedelta(days=10)))
            await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=message_id))
        elif step == "off" and index == PAUSE_CANCEL:
            text = h.text(c, "pause-cancelled")
            await h.say(c, OutMessage(c.chat_id, text, op="edit", message_id=message_id))
        else:
            raise CallbackRefused("callback-invalid", hostile=True)
        return None

    async def typed_date(c: Caller, text: str) -> bool:
        if not student(c) or c.person is None:
            return False
        now = h.rt.clock.now()
        waiting = await admin_inputs.pending(h.rt.db, now, c.tg_user_id)
        if waiting is None or waiting.kind != PENDING_PAUSE_DATE:
            return False
        today = h.rt.svc.today()
        day = parse_day(text, today)
        if day is None:
            open_checkin = await h.rt.db.fetchval(
                "SELECT 1 FROM sessions WHERE person_id = ? AND status = 'open'", (c.person.id,)
            )
            if open_checkin:
                # Probably an answer to the check-in that arrived meanwhile: let it through.
                await h.rt.db.transaction(lambda tx: admin_inputs.clear(tx, c.tg_user_id))
                return False
            await h.say_text(c, "pause-date-hint", example=day_text(today + timedelta(days=10)))
            return True
        if not today <= day <= today + timedelta(days=MAX_PAUSE_DAYS):
            await h.say_text(
                c, "pause-date-range", last=day_text(today + timedelta(days=MAX_PAUSE_DAYS))
            )
            return True
        key = f"u{c.update.update_id}:pause"
        h.rt.deliver(await service.pause(c.person, day, c.chat_id, key))
        return True

    async def end_pauses() -> None:
        h.rt.deliver(await service.end_pauses())

    async def retention() -> None:
        await service.enforce_retention()

    h.commands.update(my_data=my_data, export=export, erase=erase, pause=pause)
    h.actions[ACTION_ERASE] = erase_press
    h.actions[ACTION_PAUSE] = pause_press
    h.text_filters.append(typed_date)
    h.rt.tickers += [end_pauses, retention]
