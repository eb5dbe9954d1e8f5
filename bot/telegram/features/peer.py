"""Peer groups in Telegram: /liita in a group chat, /laheta, /kysely_tulokset, /ryhmaviestit,
the bot's membership in group chats (added, removed, migrated) and poll updates.

Thin: Telegram in, a call into the peer services (what they commit goes out on its own).
Authority is decided in the service from the database on every step.

The handlers are module-level functions that take the switchboard `h` and the feature's services
`p` (`Peer`) first; `register` builds the services and only wires the handlers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType

from bot.config import ConfigError
from bot.services import people
from bot.services.messaging.callbacks import Callback, CallbackRefused
from bot.services.peer.broadcast import PeerBroadcasts
from bot.services.peer.groups import (
    ACTION_LINK,
    ACTION_MUTE,
    ACTION_REPORT,
    ACTION_RESULTS,
    ACTION_SEND,
    TRACK_POLL,
    PeerService,
)
from bot.services.peer.library import PROMPTS_DIR, PromptLibrary, load_checked
from bot.services.peer.polls import PeerPolls, track_sent_poll
from bot.telegram.handlers import Typed
from bot.telegram.sender import TRACKERS

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from telegram import ChatMemberUpdated, Message

    from bot.services.container import Outcome
    from bot.services.unit import UnitOfWork
    from bot.telegram.handlers import Handlers, Turn

    # a press answered by a broadcast or poll use case:
    # (unit, person, Telegram user, chat, the press's callback, index, message id) -> committed
    PressUseCase = Callable[
        [UnitOfWork, people.Person, int, int, Callback, int, int], Awaitable[Outcome]
    ]

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


@dataclass(frozen=True)
class Peer:
    """The feature's services, built once by `register`."""

    service: PeerService
    polls: PeerPolls
    broadcasts: PeerBroadcasts


# -- commands ---------------------------------------------------------------------------------


async def link(h: Handlers, p: Peer, c: Turn) -> None:
    chat = c.update.effective_chat
    if c.private or chat is None or c.person is None:
        await h.say_text(c, "peer-link-in-group")
        return
    await p.service.link_request(c, c.person, c.tg_user_id, c.chat_id, chat.title or "")


async def broadcast(p: Peer, c: Turn) -> None:
    assert c.person is not None  # the command is for group coaches and coordinators
    await p.broadcasts.start_broadcast(c, c.person, c.tg_user_id, c.chat_id)


async def poll_results(p: Peer, c: Turn) -> None:
    assert c.person is not None
    await p.polls.results_list(c, c.person, c.tg_user_id, c.chat_id)


async def peer_prompts(p: Peer, c: Turn) -> None:
    assert c.person is not None  # students only
    await p.service.mute_view(c, c.person, c.tg_user_id, c.chat_id)


# -- buttons ----------------------------------------------------------------------------------


def person_of(c: Turn) -> people.Person:
    if c.person is None:
        raise CallbackRefused("callback-not-yours", hostile=True)
    return c.person


async def link_press(p: Peer, c: Turn, cb: Callback, index: int, message_id: int) -> str | None:
    outcome = await p.service.link_press(c, person_of(c), c.tg_user_id, cb, index, message_id)
    return outcome.toast


async def pressed(
    use_case: PressUseCase, c: Turn, cb: Callback, index: int, message_id: int
) -> str | None:
    """/laheta's steps, a broadcast's report and /kysely_tulokset: one shape of use case."""
    outcome = await use_case(c, person_of(c), c.tg_user_id, c.chat_id, cb, index, message_id)
    return outcome.toast


async def mute_press(p: Peer, c: Turn, _cb: Callback, _index: int, message_id: int) -> str | None:
    outcome = await p.service.mute_press(c, person_of(c), c.tg_user_id, c.chat_id, message_id)
    return outcome.toast


# -- the coach's own message while /laheta waits for it ---------------------------------------


async def compose(p: Peer, c: Turn, text: str) -> bool:
    if c.person is None or not c.person.is_staff:
        return False
    outcome = await p.broadcasts.compose(c, c.person, c.tg_user_id, c.chat_id, text)
    return outcome is not None


# -- the bot in group chats, and polls --------------------------------------------------------


async def membership(h: Handlers, p: Peer, update: Update) -> None:
    change = update.my_chat_member
    if change is not None:
        await bot_membership(p, h.unit(update), change)
        return
    message = update.effective_message
    if message is not None:
        await chat_migration(p, h.unit(update), message)


async def bot_membership(p: Peer, unit: UnitOfWork, change: ChatMemberUpdated) -> None:
    """The bot added to or removed from a group chat."""
    if change.chat.type not in GROUP_CHATS:
        return  # a student blocking the bot is the sender's business, not ours
    if change.new_chat_member.status in GONE:
        await p.service.bot_removed(unit, change.chat.id)
    elif change.old_chat_member.status in GONE:
        adder = await people.person_by_tg(unit.reads, change.from_user.id)
        await p.service.bot_added(unit, change.chat.id, adder)


async def chat_migration(p: Peer, unit: UnitOfWork, message: Message) -> None:
    """A group chat became a supergroup: its id changes."""
    if message.migrate_to_chat_id:
        await p.service.chat_migrated(unit, message.chat.id, message.migrate_to_chat_id)
    elif message.migrate_from_chat_id:
        await p.service.chat_migrated(unit, message.migrate_from_chat_id, message.chat.id)


async def poll_state(h: Handlers, p: Peer, update: Update) -> None:
    # poll_answer updates (who answered what, for polls that show it) are never stored.
    poll = update.poll
    if poll is not None:
        await p.polls.poll_update(
            h.unit(update),
            poll.id,
            [option.voter_count for option in poll.options],
            poll.total_voter_count,
            poll.is_closed,
        )


async def tick(h: Handlers, p: Peer) -> None:
    await p.broadcasts.report_tick(h.rt.svc.unit("peer-report"))


def register(h: Handlers) -> None:
    service = PeerService(h.rt.svc, load_library(h))
    polls = PeerPolls(service)
    p = Peer(service, polls, PeerBroadcasts(service, polls))
    h.rt.features["peer"] = service
    TRACKERS[TRACK_POLL] = track_sent_poll
    rounds = h.rt.features.get("rounds")  # the schedule feature registers before this one
    if rounds is not None:
        rounds.handlers["prompt"] = service.prompt_round
    reports = h.rt.features.get("reports")  # so does the reports feature: a plan's polls
    if reports is not None:
        reports.watch.plans.peer = service
    h.commands.update(
        link=partial(link, h, p),
        broadcast=partial(broadcast, p),
        poll_results=partial(poll_results, p),
        peer_prompts=partial(peer_prompts, p),
    )
    h.actions.update(
        {
            ACTION_LINK: partial(link_press, p),
            ACTION_SEND: partial(pressed, p.broadcasts.send_press),
            ACTION_REPORT: partial(pressed, p.broadcasts.report_press),
            ACTION_RESULTS: partial(pressed, p.polls.results_press),
            ACTION_MUTE: partial(mute_press, p),
        }
    )
    h.on_typed(Typed.AWAITED, partial(compose, p))
    h.membership.append(partial(membership, h, p))
    h.polls.append(partial(poll_state, h, p))
    h.rt.tickers.append(partial(tick, h, p))
