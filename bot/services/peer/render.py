"""What peer prompts, broadcasts and poll results look like, per language. Knows no Telegram.

A piece of content is either a prompt from the library or the group coach's own text; the
coach's text becomes a native poll when it is written as a question followed by two or more
lines starting with "-".
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from bot.i18n import Translator
from bot.services.peer.library import MAX_OPTION, MAX_OPTIONS, MAX_QUESTION, Prompt

CUSTOM = "oma"  # polls.prompt_id of a poll the group coach wrote
MAX_CUSTOM_TEXT = 3500
BAR_WIDTH = 10
OPTION_MARKS = ("-", "•", "*", "–")


@dataclass(frozen=True)
class CustomPoll:
    question: str
    options: tuple[str, ...]


class ComposeError(Exception):
    """`reason` is a locale id explaining what to fix; `args` fill it in."""

    def __init__(self, reason: str, **args: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.args_ = args


def parse_custom(text: str) -> CustomPoll | None:
    """A question (a first line ending in "?") followed only by option lines ("- yes") is a
    poll; anything else is a message, so an announcement with a bulleted list stays one.
    Raises ComposeError for a poll Telegram would refuse."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if (
        len(lines) < 2
        or not lines[0].endswith("?")
        or not all(line[:1] in OPTION_MARKS for line in lines[1:])
    ):
        return None
    question = lines[0]
    options = tuple(line[1:].strip() for line in lines[1:])
    if len(options) < 2:
        raise ComposeError("peer-compose-poll-options", most=MAX_OPTIONS)
    if len(options) > MAX_OPTIONS:
        raise ComposeError("peer-compose-poll-options", most=MAX_OPTIONS)
    if len(question) > MAX_QUESTION:
        raise ComposeError("peer-compose-poll-question", most=MAX_QUESTION)
    if any(not 1 <= len(o) <= MAX_OPTION for o in options):
        raise ComposeError("peer-compose-poll-option-length", most=MAX_OPTION)
    if len(set(options)) != len(options):
        raise ComposeError("peer-compose-poll-twins")
    return CustomPoll(question, options)


def check_custom(text: str) -> None:
    if not text.strip():
        raise ComposeError("peer-compose-empty")
    if len(text) > MAX_CUSTOM_TEXT:
        raise ComposeError("peer-compose-too-long", length=len(text), most=MAX_CUSTOM_TEXT)
    parse_custom(text)


@dataclass(frozen=True)
class Content:
    """What is sent: a library prompt, or the coach's own text (a message or a poll)."""

    prompt: Prompt | None = None
    custom: str | None = None

    @property
    def poll(self) -> CustomPoll | None:
        return parse_custom(self.custom) if self.custom else None

    @property
    def is_poll(self) -> bool:
        return self.prompt.is_poll if self.prompt else self.poll is not None

    @property
    def prompt_id(self) -> str:
        return self.prompt.id if self.prompt else CUSTOM


class PeerTexts:
    """Renders content for one reader's language."""

    def __init__(self, tr: Translator) -> None:
        self.tr = tr

    # -- prompts and the coach's messages -----------------------------------------------------

    def poll_question(self, lang: str, content: Content) -> str:
        if content.prompt is not None:
            return self.tr.plain(lang, content.prompt.text)
        poll = content.poll
        return poll.question if poll else ""

    def poll_options(self, lang: str, content: Content) -> list[str]:
        if content.prompt is not None:
            return [self.tr.plain(lang, content.prompt.text, o) for o in content.prompt.options]
        poll = content.poll
        return list(poll.options) if poll else []

    def poll_kwargs(self, lang: str, content: Content, *, private: bool) -> dict[str, Any]:
        """sendPoll parameters. A private copy is always anonymous and final: its one vote is
        added to the group's total and the copy forgotten (see peer.py, ballots)."""
        prompt = content.prompt
        kwargs: dict[str, Any] = {
            "question": self.poll_question(lang, content),
            "options": self.poll_options(lang, content),
            "is_anonymous": True if private or prompt is None else prompt.anonymous,
        }
        if prompt is not None and prompt.type == "quiz":
            kwargs["type"] = "quiz"
            kwargs["correct_option_ids"] = sorted(prompt.options.index(o) for o in prompt.correct)
            if prompt.explanation:
                kwargs["explanation"] = self.tr.plain(lang, prompt.explanation)
        if prompt is not None and prompt.multiple:
            kwargs["allows_multiple_answers"] = True
        if private:
            kwargs["allows_revoting"] = False
        return kwargs

    def body(self, lang: str, content: Content) -> str:
        """The HTML body of a text prompt or of the coach's own message."""
        if content.prompt is not None:
            return self.tr.html(lang, content.prompt.text)
        return html.escape(content.custom or "", quote=False)

    def chat_text(
        self, lang: str, content: Content, *, theme_title: str | None, sender: str | None
    ) -> str:
        if content.prompt is not None:
            head = self.tr.html(lang, "peer-chat-prompt-header", theme=theme_title or "")
        else:
            head = self.tr.html(lang, "peer-chat-custom-header", name=sender or "")
        return f"{head}\n\n{self.body(lang, content)}"

    def private_text(
        self,
        lang: str,
        content: Content,
        *,
        group: str,
        theme_title: str | None,
        sender: str | None,
    ) -> str:
        if content.prompt is not None:
            head = self.tr.html(
                lang, "peer-private-prompt-header", group=group, theme=theme_title or ""
            )
            foot = self.tr.html(lang, "peer-private-prompt-footer")
        else:
            head = self.tr.html(lang, "peer-private-custom-header", name=sender or "", group=group)
            foot = self.tr.html(lang, "peer-private-custom-footer")
        return f"{head}\n\n{self.body(lang, content)}\n\n{foot}"

    def private_poll_intro(
        self, lang: str, content: Content, *, group: str, plan_least: int | None = None
    ) -> str:
        """Who asks and who sees what. A plan's poll (`plan_least` set) is the school's
        welfare work asking; its totals are shown only from `plan_least` answers up."""
        if plan_least is not None:
            return self.tr.html(lang, "peer-plan-poll-intro", group=group, least=plan_least)
        quiz = content.prompt is not None and content.prompt.type == "quiz"
        return self.tr.html(
            lang, "peer-private-poll-intro", group=group, kind="quiz" if quiz else "poll"
        )

    def short_label(self, lang: str, prompt: Prompt, limit: int = 48) -> str:
        """A library button: an icon for the kind, then the start of the text."""
        icon = {"text": "💬", "poll": "📊", "quiz": "🧠"}[prompt.type]
        text = " ".join(_strip_tags(self.tr.plain(lang, prompt.text)).split())
        if len(text) > limit:
            text = text[: limit - 1].rstrip() + "…"
        return f"{icon} {text}"

    # -- poll results ----------------------------------------------------------------------

    def result_lines(
        self,
        labels: list[str],
        votes: list[int],
        voters: int,
        correct: set[int],
    ) -> list[str]:
        total = max(voters, 1)
        lines = []
        for index, (label, count) in enumerate(zip(labels, votes, strict=False)):
            share = count / total
            filled = round(share * BAR_WIDTH)
            bar = "▰" * filled + "▱" * (BAR_WIDTH - filled)
            mark = " ✅" if index in correct else ""
            lines.append(
                f"{html.escape(label, quote=False)}{mark}\n{bar} {count} ({round(share * 100)} %)"
            )
        return lines


def _strip_tags(text: str) -> str:
    out, inside = [], False
    for char in text:
        if char == "<":
            inside = True
        elif char == ">" and inside:
            inside = False
        elif not inside:
            out.append(char)
    return html.unescape("".join(out))
