"""The Bot API methods our bot uses, checked as strictly as Telegram checks them.

Every method validates everything first and changes the world only at the end, so a refused
call leaves no trace except its entry in the request log. The flood limiter is consulted last,
right before the message is stored, so an invalid send never uses up the bot's quota.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from bot.standin.errors import (
    MESSAGE_NOT_MODIFIED,
    QUERY_TOO_OLD,
    bad_request,
    conflict,
    too_many_requests,
)
from bot.standin.files import (
    MAX_DOCUMENT_BYTES,
    MAX_PHOTO_BYTES,
    StoredFile,
    image_size,
    mime_type_for,
)
from bot.standin.formatting import (
    CAPTION,
    EXPLANATION,
    MESSAGE_TEXT,
    POLL_OPTION,
    POLL_QUESTION,
    FormattedText,
    format_text,
)
from bot.standin.html import utf16_len
from bot.standin.limits import FloodLimiter
from bot.standin.markup import ReplyMarkup, parse_reply_markup
from bot.standin.model import JSON, MEMBER, PRIVATE, Chat, Message, Poll, Webhook
from bot.standin.params import Params, UploadedFile
from bot.standin.state import World

Handler = Callable[[Params], Awaitable[Any]]

WEBHOOK_ACTIVE = (
    "can't use getUpdates method while webhook is active; use deleteWebhook to delete the "
    "webhook first"
)
MAX_CALLBACK_ANSWER = 200
MAX_COMMANDS = 100
MIN_POLL_OPTIONS = 2
MAX_POLL_OPTIONS = 12
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_LANGUAGE_CODE = re.compile(r"[a-z]{2}")
_SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")
_SCOPES_WITHOUT_CHAT = (
    "default",
    "all_private_chats",
    "all_group_chats",
    "all_chat_administrators",
)
_SCOPES_WITH_CHAT = ("chat", "chat_administrators", "chat_member")
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_UPDATE_TYPES = frozenset(
    {
        "message",
        "edited_message",
        "channel_post",
        "edited_channel_post",
        "business_connection",
        "business_message",
        "edited_business_message",
        "deleted_business_messages",
        "guest_message",
        "message_reaction",
        "message_reaction_count",
        "inline_query",
        "chosen_inline_result",
        "callback_query",
        "shipping_query",
        "pre_checkout_query",
        "purchased_paid_media",
        "poll",
        "poll_answer",
        "my_chat_member",
        "chat_member",
        "chat_join_request",
        "chat_boost",
        "removed_chat_boost",
        "managed_bot",
    }
)


class BotApi:
    def __init__(self, world: World, limiter: FloodLimiter) -> None:
        self._world = world
        self._limiter = limiter
        self._poll_generation = 0
        self.waiting_polls = 0  # long polls in flight, so tests can wait for one to start
        self.closing = False
        handlers: dict[str, Handler] = {
            "getMe": self.get_me,
            "getUpdates": self.get_updates,
            "setWebhook": self.set_webhook,
            "deleteWebhook": self.delete_webhook,
            "getWebhookInfo": self.get_webhook_info,
            "setMyCommands": self.set_my_commands,
            "getMyCommands": self.get_my_commands,
            "deleteMyCommands": self.delete_my_commands,
            "sendMessage": self.send_message,
            "editMessageText": self.edit_message_text,
            "editMessageReplyMarkup": self.edit_message_reply_markup,
            "deleteMessage": self.delete_message,
            "answerCallbackQuery": self.answer_callback_query,
            "sendPoll": self.send_poll,
            "stopPoll": self.stop_poll,
            "sendPhoto": self.send_photo,
            "sendDocument": self.send_document,
            "sendChatAction": self.send_chat_action,
            "getChat": self.get_chat,
            "getChatMember": self.get_chat_member,
            "leaveChat": self.leave_chat,
            "getFile": self.get_file,
        }
        # Telegram matches method names case-insensitively.
        self._handlers = {name.lower(): (name, handler) for name, handler in handlers.items()}

    def resolve(self, method: str) -> tuple[str, Handler] | None:
        """The canonical method name and its handler, or None for an unknown method."""
        return self._handlers.get(method.lower())

    # -- bot and updates -----------------------------------------------------------------

    async def get_me(self, _params: Params) -> JSON:
        return {
            **self._world.bot.to_api(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,  # privacy mode, as our bot runs
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def get_updates(self, params: Params) -> list[JSON]:
        world = self._world
        if world.webhook is not None:
            raise conflict(WEBHOOK_ACTIVE)
        offset = params.integer("offset") or 0
        limit = min(max(params.integer("limit") or 100, 1), 100)
        timeout = max(params.number("timeout") or 0.0, 0.0)
        allowed = params.json("allowed_updates")
        if allowed is not None:
            world.updates.allowed_updates = _allowed_updates(allowed)
        world.updates.confirm(offset)
        self._poll_generation += 1
        if timeout > 0:
            await self._long_poll(self._poll_generation, timeout)
        else:
            world.changed.notify()  # an older long poll wakes up and answers 409
        return world.updates.peek(limit)

    async def _long_poll(self, generation: int, timeout: float) -> None:
        world = self._world
        self.waiting_polls += 1
        world.changed.notify()  # an older long poll wakes up and answers 409
        try:
            await world.changed.wait_until(
                lambda: (
                    world.updates.pending_count > 0
                    or generation != self._poll_generation
                    or world.webhook is not None
                    or self.closing
                ),
                timeout,
            )
        finally:
            self.waiting_polls -= 1
        if generation != self._poll_generation:
            raise conflict(
                "terminated by other getUpdates request; make sure that only one bot "
                "instance is running"
            )
        if world.webhook is not None:
            raise conflict("terminated by setWebhook request")

    async def set_webhook(self, params: Params) -> bool:
        url = params.string("url") or ""
        if not url:
            return await self.delete_webhook(params)
        parts = urlsplit(url)
        # Telegram insists on HTTPS; the stand-in also takes plain HTTP for local bots.
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise bad_request("bad webhook: invalid webhook URL specified")
        secret = params.string("secret_token")
        if secret is not None and not _SECRET_TOKEN.fullmatch(secret):
            raise bad_request("secret token contains unallowed characters")
        max_connections = params.integer("max_connections") or 40
        if not 1 <= max_connections <= 100:
            raise bad_request("bad webhook: max_connections must be between 1 and 100")
        allowed = params.json("allowed_updates")
        world = self._world
        if allowed is not None:
            world.updates.allowed_updates = _allowed_updates(allowed)
        if params.boolean("drop_pending_updates"):
            world.updates.drop_pending()
        world.webhook = Webhook(url, secret or None, max_connections)
        world.changed.notify()
        return True

    async def delete_webhook(self, params: Params) -> bool:
        world = self._world
        if params.boolean("drop_pending_updates"):
            world.updates.drop_pending()
        world.webhook = None
        world.changed.notify()
        return True

    async def get_webhook_info(self, _params: Params) -> JSON:
        world = self._world
        hook = world.webhook
        info: JSON = {
            "url": hook.url if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": world.updates.pending_count,
        }
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if hook.last_error_date is not None:
                info["last_error_date"] = hook.last_error_date
                info["last_error_message"] = hook.last_error_message
        if world.updates.allowed_updates:
            info["allowed_updates"] = list(world.updates.allowed_updates)
        return info

    # -- commands --------------------------------------------------------------------------

    async def set_my_commands(self, params: Params) -> bool:
        commands = params.json("commands")
        if commands is None:
            raise bad_request("commands is empty")
        if not isinstance(commands, list):
            raise bad_request("can't parse commands JSON object")
        if len(commands) > MAX_COMMANDS:
            raise bad_request("BOT_COMMANDS_TOO_MUCH")
        checked: list[JSON] = []
        for command in commands:
            if not isinstance(command, dict):
                raise bad_request("can't parse BotCommand JSON object")
            name, description = command.get("command"), command.get("description")
            if not isinstance(name, str) or not _COMMAND.fullmatch(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not isinstance(description, str) or not 1 <= len(description.strip()) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
            checked.append({"command": name, "description": description})
        key = (self._scope_key(params), _language_code(params))
        if checked:
            self._world.commands[key] = checked
        else:
            self._world.commands.pop(key, None)
        return True

    async def get_my_commands(self, params: Params) -> list[JSON]:
        key = (self._scope_key(params), _language_code(params))
        return [dict(command) for command in self._world.commands.get(key, [])]

    async def delete_my_commands(self, params: Params) -> bool:
        self._world.commands.pop((self._scope_key(params), _language_code(params)), None)
        return True

    def _scope_key(self, params: Params) -> str:
        """The scope as a short key: "default", "all_group_chats", "chat:-42", ..."""
        scope = params.json("scope")
        if scope is None:
            return "default"
        if not isinstance(scope, dict):
            raise bad_request("can't parse BotCommandScope JSON object")
        scope_type = scope.get("type")
        if scope_type in _SCOPES_WITHOUT_CHAT:
            return str(scope_type)
        if scope_type not in _SCOPES_WITH_CHAT:
            raise bad_request("wrong BotCommandScope type specified")
        chat_ref = Params({"chat_id": scope.get("chat_id")}).chat_id()
        assert chat_ref is not None
        chat = self._world.chat_for_bot(chat_ref, reading=True)
        if scope_type != "chat_member":
            return f"{scope_type}:{chat.id}"
        user_id = scope.get("user_id")
        if not isinstance(user_id, int) or user_id not in self._world.users:
            raise bad_request("user not found")
        return f"chat_member:{chat.id}:{user_id}"

    # -- messages ----------------------------------------------------------------------------

    async def send_message(self, params: Params) -> JSON:
        chat = self._chat(params)
        text = params.string("text")
        if text is None:
            raise bad_request("message text is empty")
        formatted = format_text(
            text, params.string("parse_mode"), params.json("entities"), MESSAGE_TEXT
        )
        markup = _markup(params)
        reply_to = _reply_target(chat, params)
        content = _with_text({}, "text", "entities", formatted)
        if params.boolean("protect_content"):
            content["has_protected_content"] = True
        self._take_flood_slot(chat)
        return self._world.send_bot_message(chat, content, markup, reply_to).to_api()

    async def edit_message_text(self, params: Params) -> JSON:
        message = self._editable_message(params)
        if "text" not in message.content:
            raise bad_request("there is no text in the message to edit")
        text = params.string("text")
        if text is None:
            raise bad_request("message text is empty")
        formatted = format_text(
            text, params.string("parse_mode"), params.json("entities"), MESSAGE_TEXT
        )
        # Leaving reply_markup out removes the keyboard, exactly as on Telegram.
        inline = _markup(params, inline_only=True).inline
        content = _with_text(message.content, "text", "entities", formatted)
        if content == message.content and inline == message.inline_markup:
            raise bad_request(MESSAGE_NOT_MODIFIED)
        self._world.edit_bot_message(message, content, inline)
        return message.to_api()

    async def edit_message_reply_markup(self, params: Params) -> JSON:
        message = self._editable_message(params)
        inline = _markup(params, inline_only=True).inline
        if inline == message.inline_markup:
            raise bad_request(MESSAGE_NOT_MODIFIED)
        self._world.edit_bot_message(message, None, inline)
        return message.to_api()

    async def delete_message(self, params: Params) -> bool:
        chat = self._chat(params)
        message_id = _message_id(params)
        message = chat.messages.get(message_id)
        if message is None or message.deleted:
            raise bad_request("message to delete not found")
        if not message.from_bot and chat.is_group:
            raise bad_request("message can't be deleted")  # the bot is no group admin
        self._world.delete_message(message)
        return True

    async def answer_callback_query(self, params: Params) -> bool:
        query = self._world.callbacks.get(params.string("callback_query_id") or "")
        if query is None or query.answer is not None:
            raise bad_request(QUERY_TOO_OLD)
        text = params.string("text") or ""
        if utf16_len(text) > MAX_CALLBACK_ANSWER:
            raise bad_request("MESSAGE_TOO_LONG")
        answer: JSON = {
            "text": text or None,
            "show_alert": params.boolean("show_alert"),
            "url": params.string("url"),
            "cache_time": params.integer("cache_time") or 0,
        }
        self._world.answer_callback(query, answer)
        return True

    # -- polls -------------------------------------------------------------------------------

    async def send_poll(self, params: Params) -> JSON:
        chat = self._chat(params)
        question_text = params.string("question")
        if question_text is None:
            raise bad_request("poll question must be non-empty")
        question = format_text(
            question_text,
            params.string("question_parse_mode"),
            params.json("question_entities"),
            POLL_QUESTION,
        )
        options = _poll_options(params)
        poll_type = params.string("type") or "regular"
        if poll_type not in ("regular", "quiz"):
            raise bad_request("wrong poll type specified")
        multiple = params.boolean("allows_multiple_answers")
        correct = _correct_option_ids(params, len(options), poll_type, multiple)
        explanation = _explanation(params, poll_type)
        markup = _markup(params)
        reply_to = _reply_target(chat, params)
        self._take_flood_slot(chat)
        poll = Poll(
            id=f"5{self._world.next_serial():018d}",
            question=question.text,
            question_entities=question.entities,
            options=options,
            is_anonymous=params.boolean("is_anonymous", default=True),
            type=poll_type,
            allows_multiple_answers=multiple,
            # Telegram's defaults: regular polls allow changing a vote, quizzes do not.
            allows_revoting=params.boolean("allows_revoting", default=poll_type == "regular"),
            correct_option_ids=correct,
            explanation=explanation.text if explanation else None,
            explanation_entities=explanation.entities if explanation else [],
            open_period=params.integer("open_period"),
            close_date=params.integer("close_date"),
            is_closed=params.boolean("is_closed"),
        )
        return self._world.send_bot_message(chat, {}, markup, reply_to, poll).to_api()

    async def stop_poll(self, params: Params) -> JSON:
        chat = self._chat(params)
        message = chat.messages.get(_message_id(params))
        if message is None or message.deleted or message.poll is None or not message.from_bot:
            raise bad_request("message with poll to stop not found")
        if message.poll.is_closed:
            raise bad_request("poll has already been closed")
        inline = _markup(params, inline_only=True).inline
        self._world.stop_poll(message, message.poll, inline)
        return message.poll.to_api()

    # -- files -------------------------------------------------------------------------------

    async def send_photo(self, params: Params) -> JSON:
        chat = self._chat(params)
        store = self._file_source(params.file("photo"), "photo")
        caption = _caption(params)
        markup = _markup(params)
        reply_to = _reply_target(chat, params)
        self._take_flood_slot(chat)
        photo = store().photo_size()
        content = _with_text({"photo": [photo]}, "caption", "caption_entities", caption)
        return self._world.send_bot_message(chat, content, markup, reply_to).to_api()

    async def send_document(self, params: Params) -> JSON:
        chat = self._chat(params)
        store = self._file_source(params.file("document"), "document")
        caption = _caption(params)
        markup = _markup(params)
        reply_to = _reply_target(chat, params)
        self._take_flood_slot(chat)
        document = store().document()
        content = _with_text({"document": document}, "caption", "caption_entities", caption)
        return self._world.send_bot_message(chat, content, markup, reply_to).to_api()

    async def get_file(self, params: Params) -> JSON:
        stored = self._world.files.get(params.string("file_id") or "")
        if stored is None:
            raise bad_request("invalid file_id")
        return stored.file()

    # -- chats -------------------------------------------------------------------------------

    async def send_chat_action(self, params: Params) -> bool:
        self._chat(params)
        if params.string("action") not in _CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    async def get_chat(self, params: Params) -> JSON:
        return self._chat(params, reading=True).to_full_info()

    async def get_chat_member(self, params: Params) -> JSON:
        chat = self._chat(params, reading=True)
        user_id = params.integer("user_id")
        world = self._world
        if user_id == world.bot.id:
            return world.member_info(world.bot, chat.bot_status if chat.is_group else MEMBER)
        user = world.users.get(user_id) if user_id is not None else None
        if user is None or (chat.type == PRIVATE and user.id != chat.id):
            raise bad_request("user not found")
        is_member = chat.type == PRIVATE or user.id in chat.members
        return world.member_info(user, MEMBER if is_member else "left")

    async def leave_chat(self, params: Params) -> bool:
        chat = self._chat(params)
        if not chat.is_group:
            raise bad_request("chat member status can't be changed in private chats")
        self._world.bot_leaves(chat)
        return True

    # -- helpers -----------------------------------------------------------------------------

    def _chat(self, params: Params, *, reading: bool = False) -> Chat:
        chat_ref = params.chat_id()
        assert chat_ref is not None
        return self._world.chat_for_bot(chat_ref, reading=reading)

    def _editable_message(self, params: Params) -> Message:
        if params.string("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")  # the stand-in sends no inline messages
        chat = self._chat(params)
        message = chat.messages.get(_message_id(params))
        if message is None or message.deleted:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return message

    def _file_source(self, value: UploadedFile | str | None, kind: str) -> Callable[[], StoredFile]:
        """Checks an upload or a file id now; the returned function stores or reuses the file,
        to be called only once the send is certain to happen."""
        if value is None:
            raise bad_request(f"there is no {kind} in the request")
        if isinstance(value, str):
            stored = self._world.files.get(value)
            if stored is None:
                raise bad_request("wrong file identifier/HTTP URL specified")
            if stored.kind != kind:
                raise bad_request(f"can't use file of type {stored.kind.title()} as {kind.title()}")
            return lambda: stored
        if len(value.data) > (MAX_PHOTO_BYTES if kind == "photo" else MAX_DOCUMENT_BYTES):
            raise bad_request("file is too big")
        size = (0, 0)
        if kind == "photo":
            measured = image_size(value.data)
            if measured is None:
                raise bad_request("IMAGE_PROCESS_FAILED")
            size = measured
        mime_type = mime_type_for(value.filename, value.content_type)
        return lambda: self._world.store_file(kind, value.filename, mime_type, value.data, size)

    def _take_flood_slot(self, chat: Chat) -> None:
        retry_after = self._limiter.acquire(chat.id, is_group=chat.is_group)
        if retry_after is not None:
            raise too_many_requests(retry_after)


def _allowed_updates(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise bad_request("can't parse allowed_updates JSON object")
    # Telegram ignores names it does not know.
    return [item for item in value if item in _UPDATE_TYPES]


def _language_code(params: Params) -> str:
    code = params.string("language_code") or ""
    if code and not _LANGUAGE_CODE.fullmatch(code):
        raise bad_request("LANG_CODE_INVALID")
    return code


def _message_id(params: Params) -> int:
    message_id = params.integer("message_id")
    if message_id is None:
        raise bad_request("message identifier is not specified")
    return message_id


def _markup(params: Params, *, inline_only: bool = False) -> ReplyMarkup:
    return parse_reply_markup(params.json("reply_markup"), inline_only=inline_only)


def _reply_target(chat: Chat, params: Params) -> Message | None:
    reply = params.json("reply_parameters")
    if reply is None:
        message_id = params.integer("reply_to_message_id")
        allow_without = params.boolean("allow_sending_without_reply")
    else:
        if not isinstance(reply, dict) or not isinstance(reply.get("message_id"), int):
            raise bad_request("can't parse reply parameters JSON object")
        if reply.get("chat_id") not in (None, chat.id):
            raise bad_request("replies to another chat are unsupported in stand-in")
        message_id = reply["message_id"]
        allow_without = bool(reply.get("allow_sending_without_reply", False))
    if message_id is None:
        return None
    target = chat.messages.get(message_id)
    if target is None or target.deleted:
        if allow_without:
            return None
        raise bad_request("message to be replied not found")
    return target


def _with_text(base: JSON, text_key: str, entities_key: str, formatted: FormattedText) -> JSON:
    content = {key: value for key, value in base.items() if key not in (text_key, entities_key)}
    if formatted.text:
        content[text_key] = formatted.text
    if formatted.entities:
        content[entities_key] = formatted.entities
    return content


def _caption(params: Params) -> FormattedText:
    return format_text(
        params.string("caption") or "",
        params.string("parse_mode"),
        params.json("caption_entities"),
        CAPTION,
    )


def _explanation(params: Params, poll_type: str) -> FormattedText | None:
    text = params.string("explanation")
    if text is None:
        return None
    if poll_type != "quiz":
        raise bad_request("explanation can be specified only for quizzes")
    return format_text(
        text,
        params.string("explanation_parse_mode"),
        params.json("explanation_entities"),
        EXPLANATION,
    )


def _poll_options(params: Params) -> list[JSON]:
    raw = params.json("options")
    if raw is None:
        raw = []
    if not isinstance(raw, list):
        raise bad_request("can't parse options JSON object")
    if len(raw) < MIN_POLL_OPTIONS:
        raise bad_request("poll must have at least 2 option")
    if len(raw) > MAX_POLL_OPTIONS:
        raise bad_request(f"poll can't have more than {MAX_POLL_OPTIONS} options")
    options: list[JSON] = []
    for index, item in enumerate(raw):
        # Options come as plain strings or as InputPollOption objects (what PTB 22 sends).
        if isinstance(item, str):
            text, parse_mode, entities = item, None, None
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            text = item["text"]
            parse_mode, entities = item.get("text_parse_mode"), item.get("text_entities")
        else:
            raise bad_request("can't parse InputPollOption JSON object")
        mode = parse_mode if isinstance(parse_mode, str) else None
        formatted = format_text(text, mode, entities, POLL_OPTION)
        option: JSON = {"text": formatted.text, "persistent_id": str(index)}
        if formatted.entities:
            option["text_entities"] = formatted.entities
        options.append(option)
    texts = [option["text"] for option in options]
    if len(set(texts)) != len(texts):
        raise bad_request("POLL_OPTION_DUPLICATE")
    return options


def _correct_option_ids(
    params: Params, option_count: int, poll_type: str, multiple: bool
) -> list[int]:
    ids = params.json("correct_option_ids")
    single = params.integer("correct_option_id")
    if ids is None:
        ids = [single] if single is not None else []
    if not isinstance(ids, list) or not all(
        isinstance(item, int) and not isinstance(item, bool) for item in ids
    ):
        raise bad_request("can't parse correct_option_ids JSON object")
    if poll_type != "quiz":
        if ids:
            raise bad_request("correct option IDs can be specified only for quizzes")
        return []
    if not ids:
        raise bad_request("the correct option must be specified for quiz polls")
    if len(set(ids)) != len(ids) or not all(0 <= item < option_count for item in ids):
        raise bad_request("wrong correct option ID specified")
    if len(ids) > 1 and not multiple:
        raise bad_request("a quiz with a single answer must have exactly one correct option")
    return list(ids)
