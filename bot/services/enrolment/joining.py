"""Joining Kohtaamo through a personal invite link: language → consent → accept or decline.

Students get a plain consent screen that names their coach; staff get a short note on what
their role sees. Nothing is stored when someone only opens a link: the language they pick
travels in the button payload, and a decline removes even that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import to_db
from bot.config import BASE_LANGUAGE, LANGUAGES
from bot.services import people
from bot.services.audit import audit
from bot.services.container import Outcome, Services
from bot.services.enrolment.invites import Invite, clean_name, find_invite, invite_by_id
from bot.services.enrolment.text import local_day_text, period_text, role_text
from bot.services.messaging import callbacks
from bot.services.messaging.callbacks import Callback, CallbackRefused, Payload
from bot.services.messaging.outbox import PRIORITY_NORMAL, Button, OutboxRow, OutMessage, written
from bot.services.people import Person
from bot.services.privacy.data import repoint_person
from bot.services.privacy.outbox import enqueue_ephemeral, forget_rows
from bot.services.unit import UnitOfWork
from bot.storage.db import Tx

ACTION_INVITE = "invite"
CONSENT_VERSION = "2026-11"  # bump when the consent wording changes in substance
STEP_LANGUAGE = "lang"
STEP_CONSENT = "consent"
ACCEPT, DECLINE, CHANGE_LANGUAGE = 0, 1, 2


@dataclass(frozen=True)
class Joining(Payload, action=ACTION_INVITE):
    """An invite's buttons: first the language (`step` STEP_LANGUAGE, index into LANGUAGES),
    then the consent in that language (STEP_CONSENT: ACCEPT, DECLINE, CHANGE_LANGUAGE)."""

    invite: int
    step: str
    lang: str | None = None


@dataclass(frozen=True)
class InviteView:
    """What an invite is for, as the person opening it will be told."""

    invite: Invite
    name: str | None
    group: str | None
    coach: str | None
    backup: str | None
    student_status: str | None


@dataclass
class Joined:
    outcome: Outcome
    menu: frozenset[str] | None = None  # roles for the chat's command menu, once joined
    lang: str = "fi"


async def describe(tx: Tx, invite: Invite) -> InviteView:
    row = None
    if invite.person_id is not None:
        row = await tx.fetchone(
            "SELECT p.display_name AS name, g.name AS grp, c.display_name AS coach,"
            " b.display_name AS backup, s.status FROM persons p"
            " LEFT JOIN students s ON s.person_id = p.id"
            " LEFT JOIN groups g ON g.id = COALESCE(s.group_id, ?)"
            " LEFT JOIN persons c ON c.id = s.coach_id"
            " LEFT JOIN persons b ON b.id = s.backup_coach_id WHERE p.id = ?",
            (invite.group_id, invite.person_id),
        )
    group = row["grp"] if row else None
    if group is None and invite.group_id is not None:
        group = await tx.fetchval("SELECT name FROM groups WHERE id = ?", (invite.group_id,))
    return InviteView(
        invite,
        row["name"] if row else None,
        group,
        row["coach"] if row else None,
        row["backup"] if row else None,
        row["status"] if row else None,
    )


def buttons_ttl(invite: Invite, now: datetime) -> timedelta:
    """Invite buttons outlive the invite by a day, so a late press hears that the link has
    expired instead of meeting a dead button."""
    return max(invite.expires_at - now, timedelta(0)) + timedelta(days=1)


class EnrolmentService:
    def __init__(self, svc: Services) -> None:
        self.svc = svc

    # -- opening the link -------------------------------------------------------------------

    async def open(
        self,
        unit: UnitOfWork,
        tg_user_id: int,
        chat_id: int,
        person: Person | None,
        token: str,
        key: str,
        lang: str,
    ) -> Outcome:
        """`/start <token>`: explain a bad link kindly (in `lang`, the caller's language so
        far), or ask for the language."""

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            invite = await find_invite(tx, token)
            if invite is None:
                await audit(tx, now, "invite_refused", actor_tg_id=tg_user_id, reason="unknown")
                text = self.svc.tr.html(lang, "invite-unknown")
                return await self._reply(tx, now, key, chat_id, text)
            problem = await self._problem(tx, now, invite, person, lang)
            if problem is not None:
                return await self._reply(tx, now, key, chat_id, problem)
            ttl = buttons_ttl(invite, now)
            text, buttons = await self._language_prompt(tx, now, tg_user_id, invite.id, ttl)
            return await self._reply(tx, now, key, chat_id, text, buttons)

        return await unit.run(work)

    async def _language_prompt(
        self, tx: Tx, now: datetime, tg_user_id: int, invite_id: int, ttl: timedelta
    ) -> tuple[str, list[list[Button]]]:
        """Hello in every language at once: the choice comes before any other text."""
        tr = self.svc.tr
        token = await callbacks.issue(tx, now, tg_user_id, Joining(invite_id, STEP_LANGUAGE), ttl)
        # A variant's hello would repeat its base language's; its button says what it is.
        hellos = [tr.html(lang, "invite-hello") for lang in LANGUAGES if lang not in BASE_LANGUAGE]
        buttons = [
            [
                Button(tr.plain(lang, "language-name"), callbacks.button_data(token, i))
                for i, lang in row
            ]
            for row in people.language_rows()
        ]
        text = "\n".join(hellos)
        return text, buttons

    async def _problem(
        self, tx: Tx, now: datetime, invite: Invite, person: Person | None, lang: str
    ) -> str | None:
        """Why this link cannot be used by this person right now (HTML), or None."""
        tr, tz = self.svc.tr, self.svc.settings.tz
        state = invite.state(now)
        if state == "used":
            if person is not None and invite.person_id == person.id:
                return tr.html(lang, "invite-already-joined", name=person.first_name)
            return tr.html(lang, "invite-used")
        if state == "expired":
            return tr.html(lang, "invite-expired", date=local_day_text(invite.expires_at, tz))
        if invite.role == "student":
            view = await describe(tx, invite)
            if view.name is None or view.student_status not in ("invited", "declined", "left"):
                return tr.html(lang, "invite-unknown")
            if person is not None and person.is_student:
                return tr.html(lang, "invite-already-student", name=person.display_name)
            if person is not None:
                return tr.html(lang, "invite-student-link-for-staff")
        else:
            if person is not None and person.is_student:
                return tr.html(lang, "invite-staff-link-for-student")
            owner = None
            if invite.person_id is not None:
                owner = await tx.fetchval(
                    "SELECT tg_user_id FROM persons WHERE id = ?", (invite.person_id,)
                )
            if owner is not None and (person is None or person.id != invite.person_id):
                # A new role for someone already in: only their own account may take it.
                return tr.html(lang, "invite-not-for-you")
        return None

    # -- the buttons -----------------------------------------------------------------------

    async def press(
        self,
        unit: UnitOfWork,
        tg_user_id: int,
        chat_id: int,
        person: Person | None,
        callback: Callback,
        index: int,
        message_id: int,
        tg_name: str,
    ) -> Joined:
        press = Joining.of(callback)
        if press.step == STEP_LANGUAGE:
            if not 0 <= index < len(LANGUAGES):
                raise CallbackRefused("callback-invalid", hostile=True)
            return Joined(
                await self._consent(
                    unit, tg_user_id, chat_id, person, callback, LANGUAGES[index], message_id
                )
            )
        if press.step == STEP_CONSENT:
            lang = press.lang
            if lang not in LANGUAGES:
                raise CallbackRefused("callback-invalid", hostile=True)
            if index == CHANGE_LANGUAGE:
                return Joined(
                    await self._relanguage(unit, tg_user_id, chat_id, callback, message_id)
                )
            if index == ACCEPT:
                return await self._accept(
                    unit, tg_user_id, chat_id, person, callback, lang, message_id, tg_name
                )
            if index == DECLINE:
                return Joined(
                    await self._decline(
                        unit, tg_user_id, chat_id, person, callback, lang, message_id
                    )
                )
        raise CallbackRefused("callback-invalid", hostile=True)

    async def _relanguage(
        self, unit: UnitOfWork, tg_user_id: int, chat_id: int, callback: Callback, message_id: int
    ) -> Outcome:
        async def work(tx: Tx) -> Outcome:
            now = unit.now
            ttl = max(callback.expires_at - now, timedelta(minutes=1))
            invite_id = Joining.of(callback).invite
            text, buttons = await self._language_prompt(tx, now, tg_user_id, invite_id, ttl)
            key = f"inv:{callback.token}:relang"
            return await self._reply(tx, now, key, chat_id, text, buttons, edit=message_id)

        return await unit.run(work)

    async def _usable(
        self, tx: Tx, now: datetime, callback: Callback, person: Person | None, lang: str
    ) -> tuple[Invite | None, str | None]:
        invite = await invite_by_id(tx, Joining.of(callback).invite)
        if invite is None:
            return None, self.svc.tr.html(lang, "invite-unknown")
        return invite, await self._problem(tx, now, invite, person, lang)

    async def _consent(
        self,
        unit: UnitOfWork,
        tg_user_id: int,
        chat_id: int,
        person: Person | None,
        callback: Callback,
        lang: str,
        message_id: int,
    ) -> Outcome:
        tr = self.svc.tr

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            key = f"inv:{callback.token}:{lang}"
            invite, problem = await self._usable(tx, now, callback, person, lang)
            if invite is None or problem is not None:
                return await self._reply(tx, now, key, chat_id, problem or "", edit=message_id)
            view = await describe(tx, invite)
            token = await callbacks.issue(
                tx,
                now,
                tg_user_id,
                Joining(invite.id, STEP_CONSENT, lang),
                ttl=buttons_ttl(invite, now),
            )
            if invite.role == "student":
                text = self.consent_text(lang, view)
                labels = ("consent-accept", "consent-decline")
            else:
                text = self.staff_text(lang, view)
                labels = ("invite-staff-accept", "invite-staff-decline")
            buttons = [
                [Button(tr.plain(lang, labels[0]), callbacks.button_data(token, ACCEPT))],
                [Button(tr.plain(lang, labels[1]), callbacks.button_data(token, DECLINE))],
                [
                    Button(
                        tr.plain(lang, "consent-change-language"),
                        callbacks.button_data(token, CHANGE_LANGUAGE),
                    )
                ],
            ]
            return await self._reply(tx, now, key, chat_id, text, buttons, edit=message_id)

        return await unit.run(work)

    def consent_text(self, lang: str, view: InviteView) -> str:
        tr, settings = self.svc.tr, self.svc.settings
        coach = view.coach or tr.plain(lang, "consent-coach-unknown")
        parts = [
            tr.html(lang, "consent-title", name=(view.name or "").split(" ")[0]),
            tr.html(lang, "consent-intro", coach=coach),
            tr.html(lang, "consent-collected", group=view.group or "–"),
            " ".join(
                [tr.html(lang, "consent-who", coach=coach)]
                + ([tr.html(lang, "consent-backup", backup=view.backup)] if view.backup else [])
                + [tr.html(lang, "consent-others", k=settings.report.min_students)]
            ),
            tr.html(lang, "consent-never"),
            tr.html(
                lang, "consent-retention", period=period_text(tr, lang, settings.retention_days)
            ),
            tr.html(lang, "consent-control"),
            tr.html(lang, "consent-under-18"),
            tr.html(lang, "consent-bot"),
        ]
        return "\n\n".join(parts)

    def staff_text(self, lang: str, view: InviteView) -> str:
        tr = self.svc.tr
        role = view.invite.role.replace("_", "-")
        name = view.name or ""
        intro = (
            tr.html(lang, f"invite-staff-{role}", name=name, group=view.group or "–")
            if name
            else tr.html(lang, f"invite-staff-{role}-noname", group=view.group or "–")
        )
        return intro + "\n\n" + tr.html(lang, "invite-staff-terms")

    # -- accept -----------------------------------------------------------------------------

    async def _accept(
        self,
        unit: UnitOfWork,
        tg_user_id: int,
        chat_id: int,
        person: Person | None,
        callback: Callback,
        lang: str,
        message_id: int,
        tg_name: str,
    ) -> Joined:
        tr, tz = self.svc.tr, self.svc.settings.tz

        async def work(tx: Tx) -> Joined:
            now = unit.now
            key = f"inv:{callback.token}:accept"
            invite, problem = await self._usable(tx, now, callback, person, lang)
            if invite is None or problem is not None:
                return Joined(
                    await self._reply(tx, now, key, chat_id, problem or "", edit=message_id)
                )
            used = await tx.execute(
                "UPDATE invites SET used_at = ? WHERE id = ? AND used_at IS NULL"
                " AND expires_at > ?",
                (to_db(now), invite.id, to_db(now)),
            )
            if not used:  # someone else accepted the same link a moment earlier
                text = tr.html(lang, "invite-used")
                return Joined(await self._reply(tx, now, key, chat_id, text, edit=message_id))
            view = await describe(tx, invite)
            if invite.role == "student":
                person_id, rows = await self._enrol_student(tx, now, invite, view, tg_user_id, lang)
                shown = self.consent_text(lang, view)
            else:
                person_id, rows = await self._join_staff(
                    tx, now, invite, view, person, tg_user_id, lang, tg_name
                )
                shown = self.staff_text(lang, view)
            await tx.execute("DELETE FROM visitors WHERE tg_user_id = ?", (tg_user_id,))
            joined = await people.person_by_id(tx, person_id)
            assert joined is not None
            stamp = tr.html(lang, "consent-accepted", date=local_day_text(now, tz))
            edit = await self._reply(tx, now, key, chat_id, f"{shown}\n\n{stamp}", edit=message_id)
            welcome = await self._welcome(tx, now, key, chat_id, joined, invite, view, lang)
            outcome = Outcome(rows=edit.rows + welcome.rows + rows)
            return Joined(outcome, joined.roles, lang)

        return await unit.run(work)

    async def _enrol_student(
        self, tx: Tx, now: datetime, invite: Invite, view: InviteView, tg_user_id: int, lang: str
    ) -> tuple[int, list[OutboxRow]]:
        assert invite.person_id is not None
        person_id = invite.person_id
        await tx.execute(
            "UPDATE persons SET tg_user_id = ?, language = ?, unreachable_at = NULL WHERE id = ?",
            (tg_user_id, lang, person_id),
        )
        await tx.execute(
            "UPDATE students SET status = 'active', consent_at = ?, consent_version = ?"
            " WHERE person_id = ?",
            (to_db(now), CONSENT_VERSION, person_id),
        )
        # Any other link made for the same student stops working now.
        await tx.execute(
            "UPDATE invites SET expires_at = ? WHERE person_id = ? AND used_at IS NULL",
            (to_db(now), person_id),
        )
        coach = await tx.fetchone(
            "SELECT c.tg_user_id, c.language FROM students s JOIN persons c ON c.id = s.coach_id"
            " WHERE s.person_id = ?",
            (person_id,),
        )
        rows: list[OutboxRow] = []
        if coach is not None and coach["tg_user_id"] is not None:
            text = self.svc.tr.html(
                coach["language"],
                "coach-student-joined",
                name=view.name or "",
                group=view.group or "–",
            )
            row = await enqueue_ephemeral(
                tx,
                f"joined:{invite.id}:coach",
                OutMessage(coach["tg_user_id"], text),
                now=now,
                priority=PRIORITY_NORMAL,
            )
            rows += written(row)
        return person_id, rows

    async def _join_staff(
        self,
        tx: Tx,
        now: datetime,
        invite: Invite,
        view: InviteView,
        person: Person | None,
        tg_user_id: int,
        lang: str,
        tg_name: str,
    ) -> tuple[int, list[OutboxRow]]:
        if person is not None:
            person_id = person.id
            if invite.person_id is not None and invite.person_id != person.id:
                # The school named a placeholder at invite time; the opener already exists
                # (say a coordinator who is also a coach): one person, all the references.
                await repoint_person(tx, invite.person_id, person.id)
        elif invite.person_id is not None:
            person_id = invite.person_id
            await tx.execute(
                "UPDATE persons SET tg_user_id = ?, language = ? WHERE id = ?",
                (tg_user_id, lang, person_id),
            )
        else:
            name, _ = clean_name(tg_name or "?")
            person_id = await people.create_person(
                tx, now, name or "?", language=lang, tg_user_id=tg_user_id
            )
            await tx.execute(
                "UPDATE invites SET person_id = ? WHERE id = ?", (person_id, invite.id)
            )
        await people.grant_role(tx, now, person_id, invite.role)
        if invite.role == "group_coach" and invite.group_id is not None:
            await tx.execute(
                "INSERT OR IGNORE INTO group_coaches (group_id, person_id) VALUES (?, ?)",
                (invite.group_id, person_id),
            )
        # The coordinator who made the link hears that it worked.
        inviter = await tx.fetchone(
            "SELECT p.tg_user_id, p.language, p.id FROM invites i JOIN persons p"
            " ON p.id = i.created_by WHERE i.id = ?",
            (invite.id,),
        )
        rows: list[OutboxRow] = []
        if inviter is not None and inviter["tg_user_id"] is not None and inviter["id"] != person_id:
            name = await tx.fetchval("SELECT display_name FROM persons WHERE id = ?", (person_id,))
            ilang = inviter["language"]
            text = self.svc.tr.html(
                ilang,
                "admin-staff-joined",
                name=str(name),
                role=role_text(self.svc.tr, ilang, invite.role),
                group=view.group or "–",
            )
            row = await enqueue_ephemeral(
                tx,
                f"joined:{invite.id}:inviter",
                OutMessage(inviter["tg_user_id"], text),
                now=now,
                priority=PRIORITY_NORMAL,
            )
            rows += written(row)
        return person_id, rows

    async def _welcome(
        self,
        tx: Tx,
        now: datetime,
        key: str,
        chat_id: int,
        joined: Person,
        invite: Invite,
        view: InviteView,
        lang: str,
    ) -> Outcome:
        tr = self.svc.tr
        if invite.role == "student":
            if view.coach:
                text = tr.html(lang, "welcome-student", name=joined.first_name, coach=view.coach)
            else:
                text = tr.html(lang, "welcome-student-no-coach", name=joined.first_name)
        else:
            role = invite.role.replace("_", "-")
            text = tr.html(lang, f"welcome-{role}", name=joined.first_name, group=view.group or "–")
        return await self._reply(tx, now, key + ":welcome", chat_id, text)

    # -- decline ----------------------------------------------------------------------------

    async def _decline(
        self,
        unit: UnitOfWork,
        tg_user_id: int,
        chat_id: int,
        person: Person | None,
        callback: Callback,
        lang: str,
        message_id: int,
    ) -> Outcome:
        tr, tz = self.svc.tr, self.svc.settings.tz

        async def work(tx: Tx) -> Outcome:
            now = unit.now
            key = f"inv:{callback.token}:decline"
            invite, problem = await self._usable(tx, now, callback, person, lang)
            if invite is None or problem is not None:
                return await self._reply(tx, now, key, chat_id, problem or "", edit=message_id)
            until = local_day_text(invite.expires_at, tz)
            if invite.role == "student":
                await tx.execute(
                    "UPDATE students SET status = 'declined' WHERE person_id = ?"
                    " AND status IN ('invited', 'declined', 'left')",
                    (invite.person_id,),
                )
                text = tr.html(lang, "decline-student", date=until)
            else:
                text = tr.html(lang, "decline-staff", date=until)
            if person is None:
                await self.forget_visitor(tx, tg_user_id, now)
            edit = await enqueue_ephemeral(
                tx,
                key + ":edit",
                OutMessage(
                    chat_id, tr.html(lang, "decline-done"), op="edit", message_id=message_id
                ),
                now=now,
            )
            note = await enqueue_ephemeral(tx, key, OutMessage(chat_id, text), now=now)
            return Outcome(rows=[r for r in (edit, note) if r])

        return await unit.run(work)

    @staticmethod
    async def forget_visitor(tx: Tx, tg_user_id: int, now: datetime) -> None:
        """Someone who is not (or no longer) a person: nothing keyed by their Telegram id
        remains — their language choice, their buttons, what is typed next, messages queued
        or kept for their chat."""
        for sql in (
            "DELETE FROM visitors WHERE tg_user_id = ?",
            "DELETE FROM callbacks WHERE tg_user_id = ?",
            "DELETE FROM pending_inputs WHERE tg_user_id = ?",
        ):
            await tx.execute(sql, (tg_user_id,))
        await forget_rows(tx, "chat_id = ?", (tg_user_id,), now)

    # -- helpers ----------------------------------------------------------------------------

    async def _reply(
        self,
        tx: Tx,
        now: datetime,
        key: str,
        chat_id: int,
        text: str,
        buttons: list[list[Button]] | None = None,
        *,
        edit: int | None = None,
    ) -> Outcome:
        # Ephemeral: a visitor's chat keeps nothing in the outbox once delivered.
        message = OutMessage(
            chat_id,
            text,
            op="edit" if edit else "send",
            message_id=edit,
            buttons=buttons or [],
        )
        row = await enqueue_ephemeral(tx, key, message, now=now)
        return Outcome.of(row)
