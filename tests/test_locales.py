"""Every message id used by flows and code exists in every language, and the locales match.

A language variant written for students (selkosuomi, bot.config.BASE_LANGUAGE) has every
student-facing message of its base language — the rule is bot.i18n.STAFF_ONLY — with the same
variables and attributes; staff-only messages fall back to the base language."""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from pathlib import Path

from fluent.syntax import FluentParser, ast, visitor

from bot.config import BASE_LANGUAGE, LANGUAGES, PROJECT_ROOT
from bot.engine.loader import load_flow_dir, locale_problems
from bot.i18n import SEEN_BY_STUDENTS, STAFF_ONLY, Translator, staff_only
from bot.telegram.commands import COMMANDS

FULL_LANGUAGES = [lang for lang in LANGUAGES if lang not in BASE_LANGUAGE]

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
    for lang in FULL_LANGUAGES:
        ids = tr.message_ids(lang)
        assert set(ids) == set(reference), f"{lang}: {set(ids) ^ set(reference)}"
        for msg_id, attributes in reference.items():
            assert ids[msg_id] == attributes, f"{lang}: attributes of {msg_id} differ"


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)


def _messages(lang: str) -> dict[str, tuple[str, set[str], set[str]]]:
    """id → (file, attributes, variables) as written in locales/<lang>/."""
    found: dict[str, tuple[str, set[str], set[str]]] = {}
    for path in sorted((PROJECT_ROOT / "locales" / lang).glob("*.ftl")):
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.Message):
                variables = _Variables()
                variables.visit(entry)
                attributes = {a.id.name for a in entry.attributes}
                found[entry.id.name] = (path.name, attributes, variables.names)
    return found


def test_a_variant_has_every_student_facing_message_with_the_same_variables() -> None:
    assert BASE_LANGUAGE == {"fi-x-selko": "fi"}
    for variant, base in BASE_LANGUAGE.items():
        assert (PROJECT_ROOT / "locales" / variant).is_dir()
        reference, written = _messages(base), _messages(variant)
        assert set(written) - set(reference) == set(), f"{variant}: ids that {base} does not have"
        student_facing = [i for i in reference if not staff_only(i)]
        assert len(student_facing) > 300, "the rule should leave most messages to students"
        missing = [f"{reference[i][0]}: {i}" for i in student_facing if i not in written]
        assert missing == [], f"{variant} lacks student-facing messages:\n" + "\n".join(missing)
        for msg_id, (path, attributes, variables) in written.items():
            assert attributes == reference[msg_id][1], f"{variant}/{path}: attributes of {msg_id}"
            assert variables == reference[msg_id][2], f"{variant}/{path}: variables of {msg_id}"


def test_the_student_facing_rule_names_only_real_messages() -> None:
    """Every STAFF_ONLY pattern and SEEN_BY_STUDENTS id matches a Finnish message, so the rule
    cannot drift from the files it sorts."""
    ids = set(_messages("fi"))
    for pattern in STAFF_ONLY:
        assert any(fnmatchcase(i, pattern) for i in ids), f"{pattern!r} matches nothing"
    for msg_id in SEEN_BY_STUDENTS:
        assert msg_id in ids, msg_id
        assert any(fnmatchcase(msg_id, p) for p in STAFF_ONLY), f"{msg_id} needs no exception"


def test_the_rule_sorts_known_messages_the_right_way() -> None:
    for student in (
        "crisis-now", "safety-ask", "consent-others", "help-student", "language-set",
        "checkin-reminder", "q-viikko-jaksaminen", "r-quitting", "risk-crisis-told",
        "risk-talk-ask", "peer-private-prompt-footer", "vp-raha-huoli", "mydata-audit-row",
        "erase-ask", "storage-down", "invite-staff-link-for-student", "trend-privacy",
    ):  # fmt: skip
        assert not staff_only(student), student
    for staff in (
        "risk-alert-head", "risk-digest-title", "help-staff", "admin-menu-groups",
        "q-yht-miten", "schedule-saved", "report-title", "vp-raha-huoli-vinkki",
        "peer-send-compose", "invite-staff-coach", "erase-coach-note",
    ):  # fmt: skip
        assert staff_only(staff), staff


def test_a_variant_falls_back_to_its_base_language_for_staff_only_messages() -> None:
    tr = Translator(PROJECT_ROOT / "locales", default_language="en")
    assert tr.has("fi-x-selko", "risk-digest-footer")
    assert tr.plain("fi-x-selko", "risk-digest-footer") == tr.plain("fi", "risk-digest-footer")
    assert tr.plain("fi-x-selko", "language-name") == "Selkosuomi (helppo suomi)"
    assert tr.plain("fi-x-selko", "crisis-now") != tr.plain("fi", "crisis-now")


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
