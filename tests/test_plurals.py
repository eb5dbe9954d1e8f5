"""Every message of every locale, rendered with counts 0, 1, 2 and 5: a number meets its noun
in the right form ("1 kerta", "2 kertaa"; "1 student", "2 students"), never "1 kertaa".

Generic on purpose: it walks all message ids and attributes the Translator loaded, so a new
message is checked the day it is written. A variable counts as a number unless it is one of
the text variables below (names, dates, labels …); a new text variable that trips the check is
added there, a new number gets a Fluent plural selector.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.config import LANGUAGES, PROJECT_ROOT, base_language
from bot.i18n import Translator

COUNTS = (0, 1, 2, 5)
TEXT_VARS = {
    "name", "coach", "student", "who", "group", "date", "when", "title", "measure", "scope",
    "groups", "audience", "time", "theme", "status", "names", "backup", "what", "level",
    "label", "from", "flow", "category", "state", "start", "signal", "role", "reason", "prompt",
    "new", "last", "how", "example", "current", "answer", "verdict", "text", "short",
    "responsible", "range", "policy", "period", "link", "links", "kind", "first", "every",
    "badge", "tip", "stat", "since", "section", "resume", "question", "preset", "point",
    "option", "old", "note", "line", "levels", "language", "id", "holder", "found",
    "evaluation", "end", "due", "day", "contact", "command", "closure", "channel", "bucket",
    "weekday", "unit", "mm", "hh", "median", "p90", "ack", "before", "after", "to", "week",
    "baseline", "wellbeing", "percent", "rate", "actions", "evaluate", "declined",
    "invited", "joined", "relinked", "linked", "replaced", "muted", "valid", "max", "least",
    "most", "recent", "sent", "answered", "skipped", "active", "voters", "participants",
    "successor",
}  # fmt: skip
VARIABLE = re.compile(r"\$([A-Za-z_][\w-]*)")
AFTER_NUMBER = r"(?<![\w.,:/–-]){n}\s+([^\s<>()]+)"

FI_PARTITIVE = ("aa", "ää", "ta", "tä", "ia", "iä", "ua", "yä", "oa", "öä", "ea", "eä")
FI_OTHER_CASES = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä")
SV_NOT_PLURAL = {"eller", "efter", "över", "under", "per", "har", "var", "är", "hur", "för"}
EN_NOT_PLURAL = {"is", "was", "has", "does", "this", "its", "as", "us", "yes", "his", "plus"}


def looks_plural_after_one(lang: str, word: str) -> bool:
    """Is `word`, found unchanged after both 1 and 2, a form that only fits 2, 3 …?"""
    lang = base_language(lang)  # selkosuomi is Finnish
    word = word.lower().strip(".,:;!?")
    if not word.isalpha():
        return False
    if lang == "fi":  # 1 takes the nominative, 2+ the partitive: "1 kerta", "2 kertaa"
        if word.endswith(("usta", "ystä")):  # partitive of -us/-ys nouns ("tapausta")
            return True
        return word.endswith(FI_PARTITIVE) and not word.endswith(FI_OTHER_CASES)
    if lang == "sv":
        return len(word) > 3 and word.endswith(("ar", "or", "er")) and word not in SV_NOT_PLURAL
    return word.endswith("s") and word not in EN_NOT_PLURAL


def _variables() -> set[str]:
    found: set[str] = set()
    for path in (PROJECT_ROOT / "locales").glob("*/*.ftl"):
        found |= set(VARIABLE.findall(path.read_text(encoding="utf-8")))
    return found


TR = Translator(PROJECT_ROOT / "locales")
ALL_VARS = _variables()


def render(lang: str, msg_id: str, attr: str | None, n: int) -> str:
    args: dict[str, object] = {v: ("Xx" if v in TEXT_VARS else n) for v in ALL_VARS}
    return TR.plain(lang, msg_id, attr, **args)


def every_message(lang: str) -> Iterator[tuple[str, str | None]]:
    for msg_id, attrs in sorted(TR.message_ids(lang).items()):
        yield msg_id, None
        for attr in sorted(attrs):
            yield msg_id, attr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_count_of_one_never_meets_a_plural_noun(lang: str) -> None:
    wrong = []
    for msg_id, attr in every_message(lang):
        texts = {n: render(lang, msg_id, attr, n) for n in COUNTS}
        for n, text in texts.items():
            assert "{" not in text or "{ $" not in text, (msg_id, attr, n, text)
        after_one = re.findall(AFTER_NUMBER.format(n=1), texts[1])
        after_two = re.findall(AFTER_NUMBER.format(n=2), texts[2])
        for one, two in zip(after_one, after_two, strict=False):
            if one == two and looks_plural_after_one(lang, one):
                shown = f"{msg_id}.{attr}" if attr else msg_id
                wrong.append(f"{shown}: “1 {one}” in {texts[1][:120]!r}")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize(
    ("lang", "word", "plural"),
    [
        ("fi", "kertaa", True),
        ("fi", "opiskelijaa", True),
        ("fi", "riviä", True),
        ("fi", "tapausta", True),
        ("fi", "kerran", False),
        ("fi", "kerta", True),  # a nominative unchanged after 2 is as wrong as "1 kertaa"
        ("fi", "opiskelijasta", False),
        ("fi", "pv", False),
        ("sv", "gånger", True),
        ("sv", "elev", False),
        ("en", "students", True),
        ("en", "student", False),
    ],
)
def test_the_check_knows_singular_from_plural(lang: str, word: str, plural: bool) -> None:
    assert looks_plural_after_one(lang, word) is plural
