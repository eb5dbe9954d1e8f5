"""Peer groups in Telegram: /liita in a group chat, /laheta, /kysely_tulokset, /ryhmaviestit,
the bot's membership in group chats (added, removed, migrated) and poll updates.

Thin: Telegram in, a call into the peer services, the outcome delivered. Authority is decided in the
service from the database on every step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.config import ConfigError
from bot.services import people
from bot.services.callbacks import Callback, CallbackRefused
from bot.services.peer import (
    ACTION_LINK,
    ACTION_MUTE,
    ACTION_REPORT,
    ACTION_RESULTS,
    ACTION_SEND,
    TRACK_POLL,
    PeerService,
)
from bot.services.peer_broadcast import PeerBroadcasts
from bot.services.peer_library import PROMPTS_DIR, PromptLibrary, load_checked
from bot.services.peer_polls import PeerPolls, track_sent_poll
from bot.telegram.sender import TRACKERS

if TYPE_CHECKING:
    from bot.telegram.handlers import Caller, Handlers

GROUP_CHATS = (ChatType.GROUP, ChatType.SUPERGROUP)
GONE = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


def load_library(h: Handlers) -> PromptLibrary:
    """The prompt library, strictly checked: a broken file stops start-up, as a broken flow
    does, with the problems to fix (`kohtaamo prompts check` lists them all)."""
    library, problems = load_checked(h.rt.settings.flows_dir / PROMPTS_DIR, h.rt.svc.tr)
    if problems:
        shown = "\n".join(str(p) for p in problems[:20])
        raise ConfigError(f"peer prompts have problems (run `kohtaamo prompts check`):\n{shown}")
    return library


def register(h: Handlers) -> None:
    service = PeerService(h.rt.svc, load_library(h))
    polls = PeerPolls(service)
    broadcasts = PeerBroadcasts(service, polls)
    h.rt.features["peer"] = service
    TRACKERS[TRACK_POLL] = track_sent_poll
    rounds = h.rt.features.get("rounds")  # the schedule feature registers before this one
    if rounds is not None:
        rounds.handlers["prompt"] = service.prompt_round
    reports = h.rt.features.get("reports")  # so does the reports feature: a plan's polls
    if reports is not None:
        reports.watch.plans.peer = service

    def ukey(c: Caller) -> str:
        return f"u{c.update.update_id}:peer"

    # -- commands ------------------------------------------------------------------------

    async def link(c: Caller) -> None:
        chat = c.update.effective_chat
        if c.private or chat is None or c.person is None:
            await h.say_text(c, "peer-link-in-group")
            return
        outcome = await service.link_request(
            c.person, c.tg_user_id, c.chat_id, chat.title or "", ukey(c)
        )
        h.rt.deliver(outcome)

    async def broadcast(c: Caller) -> None:
        assert c.person is not None  # the command is for group coaches and coordinators
        h.rt.deliver(await broadcasts.start_broadcast(c.person, c.tg_user_id, c.chat_id, ukey(c)))

    async def poll_results(c: Caller) -> None:
        assert c.person is not None
        h.rt.deliver(await polls.results_list(c.person, c.tg_user_id, c.chat_id, ukey(c)))

    async def peer_prompts(c: Caller) -> None:
        assert c.person is not None  # students only
        h.rt.deliver(await service.mute_view(c.person, c.tg_user_id, c.chat_id, ukey(c)))

    h.commands.update(
        link=link, broadcast=broadcast, poll_results=poll_results, peer_prompts=peer_prompts
    )

    # -- buttons -------------------------------------------------------------------------

    def person_of(c: Caller) -> people.Person:
        if c.person is None:
            raise CallbackRefused("callback-not-yours", hostile=True)
        return c.person

    async def link_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        outcome = await service.link_press(
            person_of(c), c.tg_user_id, cb.payload, index, message_id, ukey(c)
        )
        h.rt.deliver(outcome)
        return outcome.toast

    async def send_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        outcome = await broadcasts.send_press(
            person_of(c), c.tg_user_id, c.chat_id, cb.payload, index, message_id, ukey(c)
        )
        h.rt.deliver(outcome)
        return outcome.toast

    async def report_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        outcome = await broadcasts.report_press(
            person_of(c), c.tg_user_id, c.chat_id, cb.payload, index, message_id, ukey(c)
        )
        h.rt.deliver(outcome)
        return outcome.toast

    async def results_press(c: Caller, cb: Callback, index: int, message_id: int) -> str | None:
        outcome = await polls.results_press(
            person_of(c), c.tg_user_id, c.chat_id, cb.payload, index, message_id, ukey(c)
        )
        h.rt.deliver(outcome)
        return outcome.toast

    async def mute_press(c: Caller, _cb: Callback, _index: int, message_id: int) -> str | None:
        outcome = await service.mute_press(
            person_of(c), c.tg_user_id, c.chat_id, message_id, ukey(c)
        )
        h.rt.deliver(outcome)
        return outcome.toast

    h.actions.update(
        {
            ACTION_LINK: link_press,
            ACTION_SEND: send_press,
            ACTION_REPORT: report_press,
            ACTION_RESULTS: results_press,
            ACTION_MUTE: mute_press,
        }
    )

    # -- the coach's own message while /laheta waits for it --------------------------------

    async def compose(c: Caller, text: str) -> bool:
        if c.person is None or not c.person.is_staff:
            return False
        outcome = await broadcasts.compose(c.person, c.tg_user_id, c.chat_id, text, ukey(c))
        if outcome is None:
            return False
        h.rt.deliver(outcome)
        return True

    h.text_filters.append(compose)

    # -- the bot in group chats, and polls -------------------------------------------------

    async def membership(update: Update) -> None:
        key = f"u{update.update_id}:peer"
        change = update.my_chat_member
        if change is not None:
            if change.chat.type not in GROUP_CHATS:
                return  # a student blocking the bot is the sender's business, not ours
            if change.new_chat_member.status in GONE:
                h.rt.deliver(await service.bot_removed(change.chat.id, key))
            elif change.old_chat_member.status in GONE:
                adder = await people.person_by_tg(h.rt.db, change.from_user.id)
                h.rt.deliver(await service.bot_added(change.chat.id, adder, key))
            return
        message = update.effective_message
        if message is None:
            return
        if message.migrate_to_chat_id:
            h.rt.deliver(await service.chat_migrated(message.chat.id, message.migrate_to_chat_id))
        elif message.migrate_from_chat_id:
            h.rt.deliver(await service.chat_migrated(message.migrate_from_chat_id, message.chat.id))

    async def poll_state(update: Update) -> None:
        # poll_answer updates (who answered what, for polls that show it) are never stored.
        poll = update.poll
        if poll is not None:
            await polls.poll_update(
                poll.id,
                [option.voter_count for option in poll.options],
                poll.total_voter_count,
                poll.is_closed,
            )

    h.membership.append(membership)
    h.polls.append(poll_state)

    async def tick() -> None:
        h.rt.deliver(await broadcasts.report_tick())

    h.rt.tickers.append(tick)
