"""Turns flow questions and answers into messages (text + buttons). Knows no Telegram."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from bot.config import LANGUAGES
from bot.engine.model import Flow, Question
from bot.engine.runner import SKIP
from bot.i18n import Translator
from bot.services.messaging.callbacks import button_data
from bot.services.messaging.outbox import Button

INDEX_SKIP = -1
INDEX_DONE = 100
SHOWN_TEXT_LIMIT = 300  # an answered free-text question shows at most this much of the answer


def option_label(tr: Translator, lang: str, question: Question, option: str) -> str:
    if question.type == "scale5":
        return tr.plain(lang, f"scale-{question.scale}", f"s{option}")
    if question.type == "yesno":
        return tr.plain(lang, "answer-yesno", option)
    return tr.plain(lang, question.text, option)


def date_label(tr: Translator, lang: str, offset: int, today: date) -> str:
    day = today + timedelta(days=offset)
    names = {0: "today", -1: "yesterday", 1: "tomorrow"}
    shown = f"{day.day}.{day.month}."
    if offset in names:
        return tr.plain(lang, "date-choice", names[offset], date=shown)
    attribute = "later" if offset > 0 else "earlier"
    return tr.plain(lang, "date-choice", attribute, days=abs(offset), date=shown)


def question_text(
    tr: Translator, lang: str, flow: Flow, question: Question, *, name: str, intro: bool
) -> str:
    parts = []
    if intro and flow.intro:
        parts.append(tr.html(lang, flow.intro, name=name))
    parts.append(f"<b>{tr.html(lang, question.text, name=name)}</b>")
    if question.type == "text":
        parts.append(tr.html(lang, "hint-type-answer", limit=question.max_length))
    elif question.type == "multichoice":
        parts.append(tr.html(lang, "hint-multichoice"))
    elif question.type == "date":
        parts.append(tr.html(lang, "hint-date"))
    return "\n\n".join(parts)


def question_buttons(
    tr: Translator,
    lang: str,
    question: Question,
    token: str,
    *,
    selection: Sequence[str] = (),
    today: date,
) -> list[list[Button]]:
    rows: list[list[Button]] = []
    if question.type == "date":
        rows = [
            [Button(date_label(tr, lang, off, today), button_data(token, i))]
            for i, off in enumerate(question.offsets)
        ]
    elif question.type != "text":
        for index, option in enumerate(question.option_ids()):
            label = option_label(tr, lang, question, option)
            if question.type == "multichoice":
                label = ("✅ " if option in selection else "▫️ ") + label
            rows.append([Button(label, button_data(token, index))])
        if question.type == "yesno":
            rows = [[row[0] for row in rows]]
    if question.type == "multichoice":
        rows.append([Button(tr.plain(lang, "button-done"), button_data(token, INDEX_DONE))])
    if question.skippable:
        rows.append([Button(tr.plain(lang, "button-skip"), button_data(token, INDEX_SKIP))])
    return rows


def answer_display(tr: Translator, lang: str, question: Question, value: Any) -> str:
    """How a given answer reads under the question once answered (HTML)."""
    if value is None or value == SKIP:
        return tr.html(lang, "answer-skipped")
    if question.type == "text":
        shown = str(value)
        if len(shown) > SHOWN_TEXT_LIMIT:
            shown = shown[: SHOWN_TEXT_LIMIT - 1] + "…"
        return html.escape(shown, quote=False)
    if question.type == "date":
        day = date.fromisoformat(str(value))
        return f"{day.day}.{day.month}.{day.year}"
    if question.type == "multichoice":
        if not value:
            return tr.html(lang, "answer-none-chosen")
        return ", ".join(html.escape(option_label(tr, lang, question, o)) for o in value)
    return html.escape(option_label(tr, lang, question, str(value)), quote=False)


def typed_labels(tr: Translator, question: Question) -> dict[str, list[str]]:
    """Every label a student might type for each option, in all languages, plus the extra
    words a locale accepts (e.g. "joo" for yes)."""
    labels: dict[str, list[str]] = {}
    for option in question.option_ids():
        words = labels.setdefault(option, [])
        for lang in LANGUAGES:
            label = option_label(tr, lang, question, option)
            words.append(label)
            if question.type == "yesno":
                extra = tr.plain(lang, "answer-words", option)
                words += [w.strip() for w in extra.split(",") if w.strip()]
    return labels
