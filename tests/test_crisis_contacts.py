"""The crisis contacts live in one data file per language (locales/<lang>/crisis.ftl, DESIGN.md
§5) with the date they were checked: every helpline number is written there once, as a Fluent
term, and every other text refers to the term — so a changed number is changed in one place."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bot.config import BASE_LANGUAGE, LANGUAGES, PROJECT_ROOT
from bot.i18n import Translator

LOCALES = PROJECT_ROOT / "locales"


class _Terms(visitor.Visitor):
    def __init__(self) -> None:
        self.defined: dict[str, str] = {}
        self.used: set[str] = set()

    def visit_Term(self, node: ast.Term) -> None:
        pattern = node.value
        if len(pattern.elements) == 1 and isinstance(pattern.elements[0], ast.TextElement):
            self.defined[node.id.name] = pattern.elements[0].value
        else:
            self.defined[node.id.name] = ""
        self.generic_visit(node)

    def visit_TermReference(self, node: ast.TermReference) -> None:
        self.used.add(node.id.name)
        self.generic_visit(node)


def _terms(paths: list[Path]) -> _Terms:
    found = _Terms()
    for path in paths:
        found.visit(FluentParser().parse(path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_helpline_number_is_in_the_crisis_file_only(lang: str) -> None:
    crisis = _terms([LOCALES / lang / "crisis.ftl"])
    numbers = {v for k, v in crisis.defined.items() if k.endswith("-number")}
    assert len(numbers) >= 4, numbers  # MIELI, Nollalinja, MLL, Poikien puhelin at least
    for path in sorted((LOCALES / lang).glob("*.ftl")):
        if path.name == "crisis.ftl":
            continue
        text = path.read_text(encoding="utf-8")
        written = [n for n in numbers if n in text]
        assert written == [], f"{path}: write {{ -…-number }} from crisis.ftl, not {written}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_term_used_is_defined_in_that_language(lang: str) -> None:
    terms = _terms(sorted((LOCALES / lang).glob("*.ftl")))
    assert terms.used - set(terms.defined) == set()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_contacts_say_when_they_were_checked(lang: str) -> None:
    checked = Translator(LOCALES).plain(lang, "crisis-checked")
    match = re.search(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", checked) or re.search(
        r"(\d{1,2}) (\w+) (\d{4})", checked
    )
    assert match, checked
    if "." in checked:
        day = date(int(match[3]), int(match[2]), int(match[1]))
        assert day.year >= 2026


def test_swedish_lines_are_the_swedish_language_ones() -> None:
    """Checked 2026-12: MIELI's Swedish crisis line is 09 2525 0112 (set hours; the Finnish one
    is 24/7); MLL's Swedish-language child and youth line is 0800 96 116 (116 111 is Finnish);
    Nollinjen answers in Swedish too; Pojkarnas telefon is Finnish-only since May 2024."""
    tr = Translator(LOCALES)
    contacts = tr.html("sv", "crisis-contacts")
    assert "MIELI:s Kristelefon på svenska 09 2525 0112" in contacts
    assert "0800 96 116" in contacts
    assert "116 111" not in contacts
    assert "Pojkarnas telefon 0800 94884" in contacts
    assert "bara på finska" in contacts
    assert "09 2525 0112" in tr.html("sv", "crisis-now")
    child = tr.html("sv", "child-contacts")
    assert "Nollinjen 080 005 005" in child
    assert "på svenska" in child.lower()


@pytest.mark.parametrize(("variant", "base"), sorted(BASE_LANGUAGE.items()))
def test_a_plain_language_variant_gives_the_same_helplines(variant: str, base: str) -> None:
    """Selkosuomi says it more simply, never differently: the same lines, numbers, web
    addresses and check date as Finnish, and every number its crisis texts show."""
    ours = _terms([LOCALES / variant / "crisis.ftl"]).defined
    theirs = _terms([LOCALES / base / "crisis.ftl"]).defined
    assert ours == theirs
    tr = Translator(LOCALES)
    assert tr.plain(variant, "crisis-checked") == tr.plain(base, "crisis-checked")
    numbers = re.compile(r"\b112\b|\d{2,4}(?: \d{2,4})+|[a-z]+\.fi")
    for msg_id in (
        "crisis-contacts", "crisis-now", "crisis-line-now", "crisis-violence-line",
        "child-contacts", "child-line-now", "storage-down", "rate-limited",
    ):  # fmt: skip
        shown = sorted(set(numbers.findall(tr.html(variant, msg_id))))
        assert shown == sorted(set(numbers.findall(tr.html(base, msg_id)))), msg_id
    assert "Nollalinja 080 005 005" in tr.html(variant, "crisis-contacts")
    assert "Sekasin-chat" in tr.html(variant, "crisis-now")
