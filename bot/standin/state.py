"""The simulated Telegram world and everything users do in it.

`World` holds users, chats, messages, polls and callback queries, the bot's update queue and
the event log of what the bot did. Bot API methods (methods.py) and the control API
(control.py) both act on it; user actions raise ControlError, checks made for the bot raise
ApiError. Everything runs on one event loop, so each method here is atomic.
"""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

from bot.standin.errors import (
    CHAT_NOT_FOUND,
    ApiError,
    bad_request,
    control_bad_request,
    control_conflict,
    control_not_found,
    forbidden,
)
from bot.standin.files import StoredFile
from bot.standin.formatting import command_entities
from bot.standin.html import utf16_len
from bot.standin.markup import ReplyMarkup, inline_buttons
from bot.standin.model import (
    GROUP,
    JSON,
    KICKED,
    LEFT,
    MEMBER,
    PRIVATE,
    SUPERGROUP,
    CallbackQuery,
    Chat,
    Message,
    Poll,
    User,
    Webhook,
    unix_now,
)
from bot.standin.updates import EventLog, Signal, UpdateQueue

MAX_USER_TEXT = 4096


class World:
    def __init__(self, bot_username: str, bot_id: int) -> None:
        first_name = bot_username.removesuffix("Bot").removesuffix("_bot") or bot_username
        self.bot = User(bot_id, first_name, username=bot_username, is_bot=True)
        self.changed = Signal()
        self.updates = UpdateQueue()
        self.events = EventLog()
        # Ids stay unique across reset(), so a bot that outlives a reset is never confused.
        self._serial = itertools.count(1)
        self.users: dict[int, User] = {}
        self.chats: dict[int, Chat] = {}
        self.polls: dict[str, Poll] = {}
        self.callbacks: dict[str, CallbackQuery] = {}
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[tuple[str, str], list[JSON]] = {}
        self.webhook: Webhook | None = None

    def reset(self) -> None:
        self.users.clear()
        self.chats.clear()
        self.polls.clear()
        self.callbacks.clear()
        self.files.clear()
        self.commands.clear()
        self.webhook = None
        self.updates.drop_pending()
        self.updates.allowed_updates = []
        self.events.clear()
        self.changed.notify()

    def summary(self) -> JSON:
        return {
            "last_update_id": self.updates.last_update_id,
            "confirmed_update_id": self.updates.confirmed_update_id,
            "pending_updates": self.updates.pending_count,
            "webhook_url": self.webhook.url if self.webhook else None,
            "seq": self.events.seq,
        }

    def next_serial(self) -> int:
        return next(self._serial)

    # -- shared plumbing ---------------------------------------------------------------

    def push_update(self, kind: str, payload: JSON) -> int | None:
        update_id = self.updates.push(kind, payload)
        self.changed.notify()
        return update_id

    def record_event(self, kind: str, chat_id: int, **details: Any) -> None:
        self.events.record(kind, chat_id, **details)
        self.changed.notify()

    def chat_instance(self, chat_id: int) -> str:
        digest = hashlib.sha256(f"{self.bot.id}:{chat_id}".encode()).digest()
        return str(int.from_bytes(digest[:8], "big", signed=True))

    def _new_message(
        self,
        chat: Chat,
        sender: User | None,
        content: JSON,
        *,
        from_bot: bool = False,
        reply_to: Message | None = None,
        markup: ReplyMarkup | None = None,
        poll: Poll | None = None,
    ) -> Message:
        chat.last_message_id += 1
        message = Message(
            chat=chat,
            message_id=chat.last_message_id,
            date=unix_now(),
            sender=sender,
            from_bot=from_bot,
            content=content,
            inline_markup=markup.inline if markup else None,
            reply_keyboard=markup.other if markup else None,
            poll=poll,
            reply_to=reply_to,
        )
        chat.messages[message.message_id] = message
        return message

    # -- what the bot may do -------------------------------------------------------------

    def chat_for_bot(self, chat_ref: int | str, *, reading: bool = False) -> Chat:
        """The chat a Bot API call addresses, or the error Telegram gives the bot for it.

        `reading` is for getChat and getChatMember, which still work when a user has
        blocked the bot.
        """
        if isinstance(chat_ref, str):
            raise bad_request(CHAT_NOT_FOUND)  # no public @usernames in the stand-in
        chat = self.chats.get(chat_ref)
        if chat is None:
            user = self.users.get(chat_ref)
            if user is None or reading:
                raise bad_request(CHAT_NOT_FOUND)
            if user.deactivated:
                raise forbidden("user is deactivated")
            raise forbidden("bot can't initiate conversation with a user")
        if chat.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": chat.migrated_to},
            )
        if chat.user is not None:
            if chat.user.deactivated:
                raise forbidden("user is deactivated")
            if chat.user.blocked and not reading:
                raise forbidden("bot was blocked by the user")
        elif chat.bot_status != MEMBER:
            kind = "group" if chat.type == GROUP else "supergroup"
            if chat.bot_status == KICKED:
                raise forbidden(f"bot was kicked from the {kind} chat")
            raise forbidden(f"bot is not a member of the {kind} chat")
        return chat

    def send_bot_message(
        self,
        chat: Chat,
        content: JSON,
        markup: ReplyMarkup,
        reply_to: Message | None,
        poll: Poll | None = None,
    ) -> Message:
        message = self._new_message(
            chat, self.bot, content, from_bot=True, reply_to=reply_to, markup=markup, poll=poll
        )
        if poll is not None:
            poll.chat_id, poll.message_id = chat.id, message.message_id
            self.polls[poll.id] = poll
        self.record_event(
            "send", chat.id, message_id=message.message_id, message=message.snapshot()
        )
        return message

    def edit_bot_message(
        self, message: Message, content: JSON | None, inline_markup: JSON | None
    ) -> None:
        message.history.append(message.version())
        if content is not None:
            message.content = content
        message.inline_markup = inline_markup
        message.edit_date = unix_now()
        self.record_event(
            "edit", message.chat.id, message_id=message.message_id, message=message.snapshot()
        )

    def delete_message(self, message: Message) -> None:
        message.deleted = True
        self.record_event(
            "delete", message.chat.id, message_id=message.message_id, message=message.snapshot()
        )

    def stop_poll(self, message: Message, poll: Poll, inline_markup: JSON | None) -> None:
        poll.is_closed = True
        message.inline_markup = inline_markup
        self.record_event(
            "stop_poll", message.chat.id, message_id=message.message_id, message=message.snapshot()
        )
        # Bots get `poll` updates for their own polls, a stop included.
        self.push_update("poll", poll.to_api())

    def answer_callback(self, query: CallbackQuery, answer: JSON) -> None:
        query.answer = answer
        self.record_event(
            "answer",
            query.chat_id,
            message_id=query.message_id,
            callback_query_id=query.id,
            answer=dict(answer),
        )

    def store_file(
        self,
        kind: str,
        filename: str,
        mime_type: str,
        data: bytes,
        size: tuple[int, int] = (0, 0),
    ) -> StoredFile:
        serial = self.next_serial()
        prefix = "AgAC" if kind == "photo" else "BQAC"
        stored = StoredFile(
            file_id=f"{prefix}{serial:012d}",
            file_unique_id=f"AQAD{serial:08d}",
            kind=kind,
            filename=filename,
            mime_type=mime_type,
            data=data,
            width=size[0],
            height=size[1],
        )
        self.files[stored.file_id] = stored
        return stored

    # -- what users do (control API) ------------------------------------------------------

    def create_user(
        self,
        user_id: int,
        first_name: str,
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
        opened: bool = False,
    ) -> User:
        """`opened`: the user started the bot before (e.g. staff after their invite link), so
        the bot may write to them first; the earlier messages are not in the stand-in."""
        if user_id <= 0:
            raise control_bad_request("user ids are positive")
        if user_id == self.bot.id:
            raise control_bad_request(f"{user_id} is the bot's own id")
        if not first_name.strip():
            raise control_bad_request("first_name must not be empty")
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = User(user_id, first_name)
        # Creating again updates the profile, so fixtures can be re-run safely.
        user.first_name = first_name
        user.last_name = last_name
        user.username = username
        user.language_code = language_code
        if opened:
            self._chat_for_user(user, None)
        return user

    def user(self, user_id: int) -> User:
        user = self.users.get(user_id)
        if user is None:
            raise control_not_found(f"unknown user {user_id}; create it with create_user first")
        return user

    def _active_user(self, user_id: int) -> User:
        user = self.user(user_id)
        if user.deactivated:
            raise control_conflict(f"user {user_id} is deactivated")
        return user

    def _chat_for_user(self, user: User, chat_id: int | None) -> Chat:
        if chat_id is None or chat_id == user.id:
            if user.blocked:
                raise control_conflict(f"user {user.id} has blocked the bot; unblock them first")
            chat = self.chats.get(user.id)
            if chat is None:
                chat = self.chats[user.id] = Chat(user.id, PRIVATE, user=user, bot_status=MEMBER)
            return chat
        chat = self.chats.get(chat_id)
        if chat is None:
            raise control_not_found(f"unknown chat {chat_id}")
        if chat.type == PRIVATE:
            raise control_bad_request(f"user {user.id} can't write in another user's chat")
        if chat.migrated_to is not None:
            raise control_conflict(f"chat {chat_id} was migrated to {chat.migrated_to}")
        if user.id not in chat.members:
            raise control_conflict(f"user {user.id} is not a member of chat {chat_id}")
        return chat

    def _existing_message(self, chat: Chat, message_id: int) -> Message:
        message = chat.messages.get(message_id)
        if message is None or message.deleted:
            raise control_not_found(f"chat {chat.id} has no message {message_id}")
        return message

    def _group(self, chat_id: int) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None or not chat.is_group:
            raise control_not_found(f"unknown group {chat_id}")
        if chat.migrated_to is not None:
            raise control_conflict(f"chat {chat_id} was migrated to {chat.migrated_to}")
        return chat

    def _member_of(self, chat: Chat, user_id: int) -> User:
        user = self._active_user(user_id)
        if user_id not in chat.members:
            raise control_conflict(f"user {user_id} is not a member of chat {chat.id}")
        return user

    def _visible_to_bot(self, message: Message) -> bool:
        """Privacy mode: in groups the bot sees commands, replies to it and service messages."""
        text = message.content.get("text")
        if text is None:
            return True
        if message.reply_to is not None and message.reply_to.from_bot:
            return True
        for entity in message.content.get("entities", []):
            if entity["type"] == "bot_command" and entity["offset"] == 0:
                _, _, addressee = text[: entity["length"]].partition("@")
                return not addressee or addressee.lower() == (self.bot.username or "").lower()
        return False

    def _deliver(self, message: Message) -> int | None:
        chat = message.chat
        if chat.is_group and (chat.bot_status != MEMBER or not self._visible_to_bot(message)):
            return None
        return self.push_update("message", message.to_api())

    def user_sends_text(
        self,
        user_id: int,
        text: str,
        *,
        chat_id: int | None = None,
        reply_to_message_id: int | None = None,
    ) -> tuple[int | None, Message]:
        """The user writes; returns the update id (None when the bot does not get it)."""
        user = self._active_user(user_id)
        chat = self._chat_for_user(user, chat_id)
        if not text.strip():
            raise control_bad_request("text must not be empty")
        if utf16_len(text) > MAX_USER_TEXT:
            raise control_bad_request(f"text is longer than {MAX_USER_TEXT} characters")
        reply_to = None
        if reply_to_message_id is not None:
            reply_to = self._existing_message(chat, reply_to_message_id)
        content: JSON = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        message = self._new_message(chat, user, content, reply_to=reply_to)
        return self._deliver(message), message

    def user_sends_document(
        self,
        user_id: int,
        file_name: str,
        data: bytes,
        *,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> tuple[int | None, Message]:
        """The user sends a file (e.g. a CSV); the bot can fetch it with getFile."""
        user = self._active_user(user_id)
        chat = self._chat_for_user(user, chat_id)
        if not file_name.strip():
            raise control_bad_request("file_name must not be empty")
        stored = self.store_file("document", file_name, mime_type, data)
        content: JSON = {"document": stored.document()}
        if caption:
            content["caption"] = caption
        message = self._new_message(chat, user, content)
        return self._deliver(message), message

    def user_sends_media(
        self,
        user_id: int,
        kind: str,
        data: bytes,
        *,
        caption: str | None = None,
        chat_id: int | None = None,
    ) -> tuple[int | None, Message]:
        """The user sends a photo or a voice message, with a caption if given (a voice
        message can carry one too)."""
        user = self._active_user(user_id)
        chat = self._chat_for_user(user, chat_id)
        content: JSON
        if kind == "photo":
            stored = self.store_file("photo", "photo.jpg", "image/jpeg", data, (640, 480))
            content = {"photo": [stored.photo_size()]}
        elif kind == "voice":
            stored = self.store_file("voice", "voice.ogg", "audio/ogg", data)
            voice = {k: v for k, v in stored.file().items() if k != "file_path"}
            content = {"voice": {**voice, "duration": 3, "mime_type": "audio/ogg"}}
        else:
            raise control_bad_request("kind must be photo or voice")
        if caption:
            content["caption"] = caption
        message = self._new_message(chat, user, content)
        return self._deliver(message), message

    def press(
        self,
        user_id: int,
        message_id: int,
        callback_data: str,
        *,
        chat_id: int | None = None,
        force: bool = False,
    ) -> tuple[str, int | None]:
        """Presses an inline button; returns the callback query id and its update id."""
        user = self._active_user(user_id)
        chat = self._chat_for_user(user, chat_id)
        if chat.is_group and chat.bot_status != MEMBER:
            raise control_conflict(f"the bot is not a member of chat {chat.id}")
        message = self._existing_message(chat, message_id)
        if not message.from_bot:
            raise control_bad_request(f"message {message_id} was not sent by the bot")
        buttons = inline_buttons(message.inline_markup)
        if not force and not any(b.get("callback_data") == callback_data for b in buttons):
            raise control_bad_request(
                f"message {message_id} has no button with callback_data {callback_data!r}; "
                f"its buttons: {_describe_buttons(buttons)} (pass force=True to forge data)"
            )
        query = CallbackQuery(
            id=f"{self.bot.id}{self.next_serial():09d}",
            user_id=user.id,
            chat_id=chat.id,
            message_id=message_id,
            data=callback_data,
        )
        self.callbacks[query.id] = query
        update_id = self.push_update(
            "callback_query",
            {
                "id": query.id,
                "from": user.to_api(),
                "message": message.to_api(),
                "chat_instance": self.chat_instance(chat.id),
                "data": callback_data,
            },
        )
        return query.id, update_id

    def press_button(
        self, user_id: int, text_contains: str, *, chat_id: int | None = None
    ) -> tuple[str, int | None]:
        """Presses the first matching callback button of the newest bot message that has one."""
        user = self._active_user(user_id)
        chat = self._chat_for_user(user, chat_id)
        seen: list[str] = []
        for message in reversed(chat.messages.values()):
            if message.deleted or not message.from_bot:
                continue
            for button in inline_buttons(message.inline_markup):
                if "callback_data" not in button:
                    continue
                if text_contains in button["text"]:
                    return self.press(
                        user.id, message.message_id, button["callback_data"], chat_id=chat.id
                    )
                seen.append(button["text"])
        raise control_not_found(
            f"no bot message in chat {chat.id} has a button containing {text_contains!r}; "
            f"buttons there: {seen[:20]}"
        )

    def set_blocked(self, user_id: int, blocked: bool) -> None:
        user = self.user(user_id)
        if user.blocked == blocked:
            return
        user.blocked = blocked
        chat = self.chats.get(user_id)
        if chat is not None:
            # Telegram tells the bot about blocks through my_chat_member in the private chat.
            old, new = (MEMBER, KICKED) if blocked else (KICKED, MEMBER)
            self._push_my_chat_member(chat, user, old, new)

    def deactivate(self, user_id: int) -> None:
        self.user(user_id).deactivated = True

    def create_group(self, chat_id: int, title: str, *, supergroup: bool = False) -> Chat:
        if chat_id >= 0:
            raise control_bad_request("group chat ids are negative")
        if chat_id in self.chats:
            raise control_conflict(f"chat {chat_id} already exists")
        if not title.strip():
            raise control_bad_request("title must not be empty")
        chat = Chat(chat_id, SUPERGROUP if supergroup else GROUP, title=title)
        self.chats[chat_id] = chat
        return chat

    def add_member(self, chat_id: int, user_id: int) -> None:
        chat = self._group(chat_id)
        user = self._active_user(user_id)
        if user_id in chat.members:
            raise control_conflict(f"user {user_id} is already a member of chat {chat_id}")
        chat.members[user_id] = user
        self._service_message(chat, user, {"new_chat_members": [user.to_api()]})

    def remove_member(self, chat_id: int, user_id: int) -> None:
        chat = self._group(chat_id)
        user = self._member_of(chat, user_id)
        del chat.members[user_id]
        self._service_message(chat, user, {"left_chat_member": user.to_api()})

    def add_bot(self, chat_id: int, by_user_id: int) -> None:
        chat = self._group(chat_id)
        actor = self._member_of(chat, by_user_id)
        if chat.bot_status == MEMBER:
            raise control_conflict(f"the bot is already a member of chat {chat_id}")
        old = chat.bot_status
        chat.bot_status = MEMBER
        self._push_my_chat_member(chat, actor, old, MEMBER)
        self._service_message(chat, actor, {"new_chat_members": [self.bot.to_api()]})

    def remove_bot(self, chat_id: int, by_user_id: int) -> None:
        chat = self._group(chat_id)
        actor = self._member_of(chat, by_user_id)
        if chat.bot_status != MEMBER:
            raise control_conflict(f"the bot is not a member of chat {chat_id}")
        chat.bot_status = KICKED
        self._push_my_chat_member(chat, actor, MEMBER, KICKED)

    def bot_leaves(self, chat: Chat) -> None:
        chat.bot_status = LEFT
        self._push_my_chat_member(chat, self.bot, MEMBER, LEFT)

    def migrate_group(self, chat_id: int) -> int:
        chat = self._group(chat_id)
        if chat.type != GROUP:
            raise control_bad_request(f"chat {chat_id} is already a supergroup")
        new_id = int(f"-100{abs(chat_id)}")
        while new_id in self.chats:
            new_id -= 1
        supergroup = Chat(
            new_id,
            SUPERGROUP,
            title=chat.title,
            members=dict(chat.members),
            bot_status=chat.bot_status,
        )
        self.chats[new_id] = supergroup
        actor = next(iter(chat.members.values()), None)
        self._service_message(chat, actor, {"migrate_to_chat_id": new_id})
        chat.migrated_to = new_id
        self._service_message(supergroup, actor, {"migrate_from_chat_id": chat_id})
        return new_id

    def answer_poll(self, user_id: int, poll_id: str, option_ids: list[int]) -> None:
        user = self._active_user(user_id)
        poll = self.polls.get(poll_id)
        if poll is None:
            raise control_not_found(f"unknown poll {poll_id}")
        if poll.is_closed:
            raise control_conflict(f"poll {poll_id} is closed")
        chat = self.chats[poll.chat_id]
        can_see = user.id == chat.id if chat.type == PRIVATE else user.id in chat.members
        if not can_see:
            raise control_conflict(f"user {user_id} is not in chat {chat.id} of poll {poll_id}")
        if chat.messages[poll.message_id].deleted:
            raise control_conflict(f"the message of poll {poll_id} was deleted")
        if len(set(option_ids)) != len(option_ids) or not all(
            0 <= option_id < len(poll.options) for option_id in option_ids
        ):
            raise control_bad_request(f"option ids must be distinct, 0..{len(poll.options) - 1}")
        if len(option_ids) > 1 and not poll.allows_multiple_answers:
            raise control_bad_request(f"poll {poll_id} allows one answer only")
        previous = poll.votes.get(user.id)
        if previous is not None and not poll.allows_revoting:
            raise control_conflict(f"poll {poll_id} does not allow changing an answer")
        if not option_ids and previous is None:
            raise control_bad_request("an empty answer retracts a vote, and there is none")
        if option_ids:
            poll.votes[user.id] = list(option_ids)
        else:
            del poll.votes[user.id]
        if not poll.is_anonymous:
            self.push_update(
                "poll_answer",
                {
                    "poll_id": poll.id,
                    "user": user.to_api(),
                    "option_ids": list(option_ids),
                    "option_persistent_ids": [
                        poll.options[option_id]["persistent_id"] for option_id in option_ids
                    ],
                },
            )
        self.push_update("poll", poll.to_api())

    def _service_message(self, chat: Chat, actor: User | None, content: JSON) -> None:
        self._deliver(self._new_message(chat, actor, content))

    def _push_my_chat_member(self, chat: Chat, actor: User, old: str, new: str) -> None:
        self.push_update(
            "my_chat_member",
            {
                "chat": chat.to_api(),
                "from": actor.to_api(),
                "date": unix_now(),
                "old_chat_member": self.member_info(self.bot, old),
                "new_chat_member": self.member_info(self.bot, new),
            },
        )

    @staticmethod
    def member_info(user: User, status: str) -> JSON:
        info: JSON = {"status": status, "user": user.to_api()}
        if status == KICKED:
            info["until_date"] = 0
        return info


def _describe_buttons(buttons: list[JSON]) -> str:
    described = [f"{b['text']!r}->{b.get('callback_data', b.get('url'))!r}" for b in buttons]
    return "[" + ", ".join(described) + "]" if described else "none"
