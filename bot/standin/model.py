"""The things Telegram keeps: users, chats, messages, polls, callback queries.

Each knows how to render itself as the Bot API object PTB deserialises. Messages keep their
previous versions and a deleted flag, which Telegram does not show the bot but tests need.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]

PRIVATE = "private"
GROUP = "group"
SUPERGROUP = "supergroup"

# The bot's membership of a group, as ChatMember.status values.
MEMBER = "member"
LEFT = "left"
KICKED = "kicked"


def unix_now() -> int:
    # Telegram's own clock stamps messages; the stand-in plays Telegram, so it reads the real one.
    return int(time.time())  # noqa: TID251


@dataclass(eq=False)
class User:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    is_bot: bool = False
    blocked: bool = False
    deactivated: bool = False

    def to_api(self) -> JSON:
        data: JSON = {"id": self.id, "is_bot": self.is_bot, "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        if self.language_code is not None:
            data["language_code"] = self.language_code
        return data


@dataclass(eq=False)
class Chat:
    id: int
    type: str
    title: str | None = None
    user: User | None = None  # the other side of a private chat
    members: dict[int, User] = field(default_factory=dict, repr=False)
    bot_status: str = LEFT
    migrated_to: int | None = None
    messages: dict[int, Message] = field(default_factory=dict, repr=False)
    last_message_id: int = 0

    @property
    def is_group(self) -> bool:
        return self.type != PRIVATE

    def to_api(self) -> JSON:
        if self.user is None:
            return {"id": self.id, "type": self.type, "title": self.title or ""}
        data: JSON = {"id": self.id, "type": PRIVATE, "first_name": self.user.first_name}
        if self.user.last_name is not None:
            data["last_name"] = self.user.last_name
        if self.user.username is not None:
            data["username"] = self.user.username
        return data

    def to_full_info(self) -> JSON:
        """ChatFullInfo with the fields getChat must always carry."""
        return {
            **self.to_api(),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }


@dataclass(eq=False)
class Poll:
    id: str
    question: str
    options: list[JSON]  # {"text", "persistent_id"[, "text_entities"]}
    is_anonymous: bool
    type: str
    allows_multiple_answers: bool
    allows_revoting: bool
    question_entities: list[JSON] = field(default_factory=list)
    correct_option_ids: list[int] = field(default_factory=list)
    explanation: str | None = None
    explanation_entities: list[JSON] = field(default_factory=list)
    open_period: int | None = None
    close_date: int | None = None
    is_closed: bool = False
    chat_id: int = 0
    message_id: int = 0
    votes: dict[int, list[int]] = field(default_factory=dict)

    def voter_counts(self) -> list[int]:
        counts = [0] * len(self.options)
        for chosen in self.votes.values():
            for option_id in chosen:
                counts[option_id] += 1
        return counts

    def to_api(self) -> JSON:
        options = [
            {**copy.deepcopy(option), "voter_count": count}
            for option, count in zip(self.options, self.voter_counts(), strict=True)
        ]
        data: JSON = {
            "id": self.id,
            "question": self.question,
            "options": options,
            "total_voter_count": len(self.votes),
            "is_closed": self.is_closed,
            "is_anonymous": self.is_anonymous,
            "type": self.type,
            "allows_multiple_answers": self.allows_multiple_answers,
            "allows_revoting": self.allows_revoting,
            "members_only": False,
        }
        if self.question_entities:
            data["question_entities"] = copy.deepcopy(self.question_entities)
        if self.correct_option_ids:
            data["correct_option_ids"] = list(self.correct_option_ids)
        if self.explanation:
            data["explanation"] = self.explanation
            if self.explanation_entities:
                data["explanation_entities"] = copy.deepcopy(self.explanation_entities)
        if self.open_period is not None:
            data["open_period"] = self.open_period
        if self.close_date is not None:
            data["close_date"] = self.close_date
        return data


@dataclass(eq=False)
class Message:
    chat: Chat = field(repr=False)
    message_id: int
    date: int
    sender: User | None
    from_bot: bool
    content: JSON  # text/entities, caption, photo, document, service fields...
    inline_markup: JSON | None = None
    reply_keyboard: JSON | None = None  # reply keyboard / removal / force_reply, control only
    poll: Poll | None = None
    reply_to: Message | None = field(default=None, repr=False)
    edit_date: int | None = None
    deleted: bool = False
    history: list[JSON] = field(default_factory=list, repr=False)

    def to_api(self, *, with_reply: bool = True) -> JSON:
        data: JSON = {"message_id": self.message_id, "date": self.date, "chat": self.chat.to_api()}
        if self.sender is not None:
            data["from"] = self.sender.to_api()
        if with_reply and self.reply_to is not None:
            # Telegram nests one level only.
            data["reply_to_message"] = self.reply_to.to_api(with_reply=False)
        if self.edit_date is not None:
            data["edit_date"] = self.edit_date
        data.update(copy.deepcopy(self.content))
        if self.poll is not None:
            data["poll"] = self.poll.to_api()
        if self.inline_markup is not None:
            data["reply_markup"] = copy.deepcopy(self.inline_markup)
        return data

    def version(self) -> JSON:
        """The editable part of the message, kept in `history` when an edit replaces it."""
        previous = copy.deepcopy(self.content)
        previous["reply_markup"] = copy.deepcopy(self.inline_markup)
        previous["edit_date"] = self.edit_date
        return previous

    def snapshot(self) -> JSON:
        """The message as the control API shows it: current state plus what happened to it."""
        data = self.to_api()
        data["from_bot"] = self.from_bot
        data["deleted"] = self.deleted
        data["edits"] = copy.deepcopy(self.history)
        if self.reply_keyboard is not None:
            data["reply_keyboard"] = copy.deepcopy(self.reply_keyboard)
        return data


@dataclass(eq=False)
class CallbackQuery:
    id: str
    user_id: int
    chat_id: int
    message_id: int
    data: str
    answer: JSON | None = None


@dataclass(eq=False)
class Webhook:
    url: str
    secret_token: str | None
    max_connections: int
    last_error_date: int | None = None
    last_error_message: str | None = None
