"""Every message id used by flows and code exists in every language, and the locales match."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import LANGUAGES, PROJECT_ROOT
from bot.engine.loader import load_flow_dir, locale_problems
from bot.i18n import Translator
from bot.telegram.commands import COMMANDS

CALL = re.compile(
    r"(?:\.html|\.plain|self\.text|say_text|AnswerError|CallbackRefused)\("
    r"(?:[^()\"]*?,\s*)?\"([a-z][a-z0-9]*(?:-[a-z0-9_]+)+)\""
)


def translator() -> Translator:
    return Translator(PROJECT_ROOT / "locales")


def test_locale_files_parse_and_have_the_same_ids_and_attributes() -> None:
    tr = translator()
    assert tr.syntax_errors == []
    reference = tr.message_ids("fi")
    assert len(reference) > 100
    for lang in LANGUAGES:
        ids = tr.message_ids(lang)
        assert set(ids) == set(reference), f"{lang}: {set(ids) ^ set(reference)}"
        for msg_id, attributes in reference.items():
            assert ids[msg_id] == attributes, f"{lang}: attributes of {msg_id} differ"


def test_every_id_the_flows_need_exists_in_every_language() -> None:
    flows, problems = load_flow_dir(PROJECT_ROOT / "flows")
    assert problems == []
    assert {"viikkokysely", "aloituskysely", "tyossaoppiminen"} <= set(flows)
    assert locale_problems(flows.values(), translator().has) == []


def test_every_id_the_code_uses_exists_in_every_language() -> None:
    tr = translator()
    used: set[str] = set()
    for path in Path(PROJECT_ROOT / "bot").rglob("*.py"):
        used |= set(CALL.findall(path.read_text(encoding="utf-8")))
    used |= {c.description for c in COMMANDS}
    assert len(used) > 30, "the pattern should find the ids the code uses"
    missing = [(lang, i) for i in sorted(used) for lang in LANGUAGES if not tr.has(lang, i)]
    assert missing == []


def test_arguments_are_escaped_in_html_messages() -> None:
    tr = translator()
    text = tr.html("fi", "start-welcome-back", name="<b>&<3")
    assert "&lt;b&gt;&amp;&lt;3" in text
    assert tr.plain("fi", "start-welcome-back", name="<b>").count("<b>") == 1
