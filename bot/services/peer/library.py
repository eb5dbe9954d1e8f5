"""The peer prompt library: discussion starters and polls for group coaches, as data.

One YAML file per theme under `flows/vertaistuki/`; schools add their own files (and their
texts in `locales/<lang>/*.ftl`). Loading is strict, like the flow loader: every problem names
the file, the line and what to fix, and a library with problems is not used.

    theme: jaksaminen-ja-stressi
    title: vp-theme-jaksaminen          # locale id of the theme's name
    prompts:
      - id: jaksaminen-viikko            # unique across all files; schedules refer to it
        type: poll                       # text | poll | quiz
        text: vp-jaksaminen-viikko       # the prompt, or the poll's question
        options: [kevyt, sopiva, raskas] # poll/quiz: attributes of the text id
        multiple: false                  # poll: several answers allowed
        anonymous: true                  # default; false only for group-chat polls
        correct: [sopiva]                # quiz: the right option(s)
        explanation: vp-...-selitys      # quiz: shown after answering (≤ 200 characters)
        tip: vp-...-vinkki               # a facilitation tip shown to the group coach
        audience: [chat, private]        # where it fits (default both)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.config import LANGUAGES
from bot.engine.loader import IDENT, FlowProblem, LineMap, _Duplicate, parse_yaml
from bot.i18n import Translator

PROMPTS_DIR = "vertaistuki"  # under FLOWS_DIR
PROMPT_TYPES = ("text", "poll", "quiz")
AUDIENCES = ("chat", "private")
THEME_KEYS = {"theme", "title", "description", "prompts"}
PROMPT_KEYS = {"id", "type", "text", "options", "multiple", "anonymous", "correct"}
PROMPT_KEYS |= {"explanation", "tip", "audience"}
# Telegram's limits (Bot API sendPoll / sendMessage), checked for every language.
MAX_OPTIONS = 10
MAX_QUESTION = 300
MAX_OPTION = 100
MAX_EXPLANATION = 200
MAX_TEXT_PROMPT = 3500  # leaves room for the header and footer within 4096
_TAG = re.compile(r"<[a-zA-Z/][^>]*>|&[a-z]+;|&#\d+;")

# (lang, message id, attribute) -> the plain text, or None when it does not exist
Lookup = Callable[[str, str, str | None], str | None]


@dataclass(frozen=True)
class Prompt:
    id: str
    theme: str
    type: str  # 'text', 'poll' or 'quiz'
    text: str  # locale id: the prompt, or the poll's question
    options: tuple[str, ...] = ()
    multiple: bool = False
    anonymous: bool = True
    correct: tuple[str, ...] = ()
    explanation: str | None = None
    tip: str | None = None
    audiences: tuple[str, ...] = AUDIENCES
    path: str = ""
    line: int = 0

    @property
    def is_poll(self) -> bool:
        return self.type in ("poll", "quiz")

    def fits(self, audience: str) -> bool:
        return audience in self.audiences


@dataclass(frozen=True)
class Theme:
    id: str
    title: str  # locale id
    prompts: tuple[Prompt, ...]
    path: str


class PromptLibrary:
    def __init__(self, themes: list[Theme]) -> None:
        self.themes = {t.id: t for t in themes}
        self.prompts = {p.id: p for t in themes for p in t.prompts}

    def get(self, prompt_id: str) -> Prompt | None:
        return self.prompts.get(prompt_id)

    def theme(self, theme_id: str) -> Theme | None:
        return self.themes.get(theme_id)

    def in_theme(self, theme_id: str, audience: str) -> list[Prompt]:
        theme = self.themes.get(theme_id)
        return [p for p in theme.prompts if p.fits(audience)] if theme else []

    @classmethod
    def load(cls, directory: Path) -> tuple[PromptLibrary, list[FlowProblem]]:
        """Every `*.yaml` in `directory`; only valid themes are kept, all problems returned."""
        themes: list[Theme] = []
        problems: list[FlowProblem] = []
        seen_prompts: dict[str, str] = {}
        seen_themes: dict[str, str] = {}
        for path in sorted(directory.glob("*.yaml")) if directory.is_dir() else []:
            theme, found = parse_theme(path.read_text(encoding="utf-8"), str(path))
            problems += found
            if theme is None:
                continue
            clash = False
            if theme.id in seen_themes:
                problems.append(
                    FlowProblem(
                        str(path),
                        1,
                        f"theme '{theme.id}' is already defined in {seen_themes[theme.id]}",
                    )
                )
                clash = True
            for prompt in theme.prompts:
                if prompt.id in seen_prompts:
                    problems.append(
                        FlowProblem(
                            str(path),
                            prompt.line,
                            f"prompt id '{prompt.id}' is already used in "
                            f"{seen_prompts[prompt.id]} (duplicate id)",
                        )
                    )
                    clash = True
            if clash:
                continue
            seen_themes[theme.id] = str(path)
            seen_prompts.update({p.id: str(path) for p in theme.prompts})
            themes.append(theme)
        return cls(themes), problems


def _problem(file: str, line: int, message: str) -> FlowProblem:
    return FlowProblem(file, line, message)


def parse_theme(text: str, file: str = "<prompts>") -> tuple[Theme | None, list[FlowProblem]]:
    """Parse one theme file. Returns the theme (None if unusable) and every problem found."""
    problems: list[FlowProblem] = []

    def add(line: int, message: str) -> None:
        problems.append(_problem(file, line, message))

    try:
        raw = parse_yaml(text)
    except _Duplicate as dup:
        add(dup.line, f"{dup} (duplicate key)")
        return None, problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        add(mark.line + 1 if mark else 0, f"not valid YAML: {getattr(exc, 'problem', exc)}")
        return None, problems
    if not isinstance(raw, LineMap):
        add(1, "a prompt file must be a mapping with keys theme, title and prompts")
        return None, problems
    _unknown(raw, THEME_KEYS, "the theme", add)
    for key in ("theme", "title", "prompts"):
        if key not in raw:
            add(raw.line, f"missing required key '{key}'")
    theme_id = str(raw.get("theme", ""))
    if "theme" in raw and not IDENT.match(theme_id):
        add(raw.line_of("theme"), f"theme id '{theme_id}' must be letters, digits, - or _")
    title = raw.get("title")
    if "title" in raw and not _is_id(title):
        add(raw.line_of("title"), "title must be a locale message id")
    prompts = _parse_prompts(raw, theme_id, file, add) if "prompts" in raw else []
    if problems:
        return None, problems
    return Theme(theme_id, str(title), tuple(prompts), file), []


def _parse_prompts(
    raw: LineMap, theme_id: str, file: str, add: Callable[[int, str], None]
) -> list[Prompt]:
    """The theme's valid prompts; broken ones and repeated ids are reported and left out."""
    entries = raw.get("prompts")
    if not isinstance(entries, list) or not entries:
        add(raw.line_of("prompts"), "prompts must be a non-empty list")
        return []
    prompts: list[Prompt] = []
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, LineMap):
            add(raw.line_of("prompts"), "every prompt must be a mapping (id, type, text …)")
            continue
        prompt = _parse_prompt(entry, theme_id, file, add)
        if prompt is None:
            continue
        if prompt.id in seen:
            add(entry.line, f"prompt id '{prompt.id}' is used twice (duplicate id)")
            continue
        seen.add(prompt.id)
        prompts.append(prompt)
    return prompts


def _unknown(raw: LineMap, allowed: set[str], where: str, add: Callable[[int, str], None]) -> None:
    for key in raw:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            add(raw.line_of(key), f"unknown key '{key}' in {where} (allowed: {known})")


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(IDENT.match(value))


def _flag(entry: LineMap, key: str, default: bool, add: Callable[[int, str], None]) -> bool:
    value = entry.get(key, default)
    if not isinstance(value, bool):
        add(entry.line_of(key), f"'{key}' must be true or false")
        return default
    return value


def _id_list(
    entry: LineMap, key: str, add: Callable[[int, str], None], where: str
) -> tuple[str, ...] | None:
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(_is_id(v) for v in value):
        add(entry.line_of(key), f"'{key}' of {where} must be a list of ids (letters, digits, - _)")
        return None
    if len(set(value)) != len(value):
        add(entry.line_of(key), f"'{key}' of {where} lists the same id twice")
        return None
    return tuple(str(v) for v in value)


def _parse_prompt(
    entry: LineMap, theme: str, file: str, add: Callable[[int, str], None]
) -> Prompt | None:
    before = _Counter(add)
    add = before.add
    _unknown(entry, PROMPT_KEYS, "a prompt", add)
    prompt_id = entry.get("id")
    if not _is_id(prompt_id):
        add(entry.line, "a prompt needs an id (letters, digits, - or _)")
        return None
    where = f"prompt '{prompt_id}'"
    ptype = entry.get("type")
    if ptype not in PROMPT_TYPES:
        add(entry.line_of("type"), f"{where}: type must be one of {', '.join(PROMPT_TYPES)}")
        return None
    if not _is_id(entry.get("text")):
        add(entry.line_of("text"), f"{where} needs a text (a locale message id)")
    options = _prompt_options(entry, str(ptype), where, add)
    multiple = _flag(entry, "multiple", False, add)
    anonymous = _flag(entry, "anonymous", True, add)
    correct = _prompt_correct(entry, str(ptype), options, multiple, where, add)
    for key in ("explanation", "tip"):
        if key in entry and not _is_id(entry[key]):
            add(entry.line_of(key), f"{where}: '{key}' must be a locale message id")
    audiences = _prompt_audiences(entry, where, add)
    if not anonymous and audiences != ("chat",):
        # Privately sent polls are always anonymous: results are only ever kept in aggregate.
        add(
            entry.line_of("anonymous"),
            f"{where}: a poll that shows who answered fits only the group chat "
            "(add 'audience: [chat]')",
        )
    if before.count:
        return None
    return Prompt(
        id=str(prompt_id),
        theme=theme,
        type=str(ptype),
        text=str(entry["text"]),
        options=options,
        multiple=multiple,
        anonymous=anonymous,
        correct=correct,
        explanation=str(entry["explanation"]) if entry.get("explanation") else None,
        tip=str(entry["tip"]) if entry.get("tip") else None,
        audiences=audiences,
        path=file,
        line=entry.line,
    )


def _prompt_options(
    entry: LineMap, ptype: str, where: str, add: Callable[[int, str], None]
) -> tuple[str, ...]:
    """A poll's or quiz's options; a text prompt takes none of the poll keys."""
    if ptype == "text":
        for key in ("options", "multiple", "correct", "explanation", "anonymous"):
            if key in entry:
                add(entry.line_of(key), f"{where}: '{key}' is only for polls and quizzes")
        return ()
    if "options" not in entry:
        add(entry.line, f"{where}: a {ptype} needs options")
        return ()
    options = _id_list(entry, "options", add, where) or ()
    if options and not 2 <= len(options) <= MAX_OPTIONS:
        add(entry.line_of("options"), f"{where}: a {ptype} needs 2–{MAX_OPTIONS} options")
    return options


def _prompt_correct(
    entry: LineMap,
    ptype: str,
    options: tuple[str, ...],
    multiple: bool,
    where: str,
    add: Callable[[int, str], None],
) -> tuple[str, ...]:
    """A quiz's right option(s), among its options; a poll takes no answer key."""
    if ptype != "quiz":
        for key in ("correct", "explanation"):
            if key in entry and ptype == "poll":
                add(entry.line_of(key), f"{where}: '{key}' is only for quizzes")
        return ()
    if "correct" not in entry:
        add(entry.line, f"{where}: a quiz needs 'correct' (the right option id)")
        return ()
    correct = _id_list(entry, "correct", add, where) or ()
    for option in correct:
        if option not in options:
            add(entry.line_of("correct"), f"{where}: correct option '{option}' is not an option")
    if len(correct) > 1 and not multiple:
        add(entry.line_of("correct"), f"{where}: several correct options need 'multiple: true'")
    return correct


def _prompt_audiences(
    entry: LineMap, where: str, add: Callable[[int, str], None]
) -> tuple[str, ...]:
    if "audience" not in entry:
        return AUDIENCES
    audiences = _id_list(entry, "audience", add, where) or AUDIENCES
    for audience in audiences:
        if audience not in AUDIENCES:
            add(
                entry.line_of("audience"),
                f"{where}: audience '{audience}' is unknown (use chat and/or private)",
            )
    return audiences


class _Counter:
    """Counts the problems one prompt adds, so a broken prompt is left out as a whole."""

    def __init__(self, add: Callable[[int, str], None]) -> None:
        self._add = add
        self.count = 0

    def add(self, line: int, message: str) -> None:
        self.count += 1
        self._add(line, message)


def required_ids(prompt: Prompt) -> list[tuple[str, str | None]]:
    ids: list[tuple[str, str | None]] = [(prompt.text, None)]
    ids += [(prompt.text, option) for option in prompt.options]
    ids += [(i, None) for i in (prompt.explanation, prompt.tip) if i]
    return ids


def locale_problems(library: PromptLibrary, lookup: Lookup) -> list[FlowProblem]:
    """Missing texts in any language, and texts Telegram would refuse (length, markup, twins)."""
    problems: list[FlowProblem] = []
    for theme in library.themes.values():
        for lang in LANGUAGES:
            if lookup(lang, theme.title, None) is None:
                problems.append(
                    _problem(theme.path, 1, f"locale '{lang}' is missing message '{theme.title}'")
                )
        for prompt in theme.prompts:
            for lang in LANGUAGES:
                problems += _prompt_texts(prompt, lang, lookup)
    return problems


def _prompt_texts(prompt: Prompt, lang: str, lookup: Lookup) -> list[FlowProblem]:
    out: list[FlowProblem] = []

    def bad(message: str) -> None:
        out.append(_problem(prompt.path, prompt.line, f"prompt '{prompt.id}' ({lang}): {message}"))

    missing = False
    for msg_id, attr in required_ids(prompt):
        if lookup(lang, msg_id, attr) is None:
            shown = f"{msg_id}.{attr}" if attr else msg_id
            out.append(
                _problem(prompt.path, prompt.line, f"locale '{lang}' is missing message '{shown}'")
            )
            missing = True
    if missing:
        return out
    text = lookup(lang, prompt.text, None) or ""
    if not prompt.is_poll:
        if len(text) > MAX_TEXT_PROMPT:
            bad(f"the text is {len(text)} characters, at most {MAX_TEXT_PROMPT} fit")
        return out
    # Poll texts are sent as plain text: markup would show up literally.
    if not 1 <= len(text) <= MAX_QUESTION:
        bad(f"the question must be 1–{MAX_QUESTION} characters (is {len(text)})")
    labels = [lookup(lang, prompt.text, o) or "" for o in prompt.options]
    for option, label in zip(prompt.options, labels, strict=True):
        if not 1 <= len(label) <= MAX_OPTION:
            bad(f"option '{option}' must be 1–{MAX_OPTION} characters (is {len(label)})")
    if len(set(labels)) != len(labels):
        bad("two options have the same text (Telegram refuses that)")
    plain = [text, *labels]
    if prompt.explanation:
        explanation = lookup(lang, prompt.explanation, None) or ""
        plain.append(explanation)
        if len(explanation) > MAX_EXPLANATION or explanation.count("\n") > 2:
            bad(f"the explanation must be at most {MAX_EXPLANATION} characters and 3 lines")
    if any(_TAG.search(t) for t in plain):
        bad("poll texts are plain text: remove HTML tags and entities")
    return out


def translator_lookup(tr: Translator) -> Lookup:
    def find(lang: str, msg_id: str, attribute: str | None) -> str | None:
        return tr.plain(lang, msg_id, attribute) if tr.has(lang, msg_id, attribute) else None

    return find


def load_checked(directory: Path, tr: Translator) -> tuple[PromptLibrary, list[FlowProblem]]:
    """The library and every problem: in the files, and in their texts in every language."""
    library, problems = PromptLibrary.load(directory)
    return library, problems + locale_problems(library, translator_lookup(tr))


def describe(library: PromptLibrary, tr: Translator, lang: str) -> list[str]:
    """One line per prompt, by theme: what `kohtaamo prompts list` prints for schedulers."""
    lines = []
    for theme in library.themes.values():
        lines.append(f"{theme.id}: {tr.plain(lang, theme.title)}")
        for p in theme.prompts:
            where = "/".join(p.audiences)
            text = " ".join(tr.plain(lang, p.text).split())
            lines.append(f"  {p.id:<28} {p.type:<5} {where:<13} {text[:60]}")
    return lines
