"""Parsing of the cue lexicon YAML (bot/risk/data/lexicon_fi.yaml and school additions).

Shared by the runtime detector (bot.risk.cues) and the build step (bot.risk.build_lexicon), so
both read patterns exactly the same way. The pattern language is documented at the top of
lexicon_fi.yaml.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
BASE_LEXICON_PATH = DATA_DIR / "lexicon_fi.yaml"
FORMS_PATH = DATA_DIR / "fi_forms.json"

CATEGORY_ORDER: tuple[str, ...] = (
    # Safety kinds: their entries are "yes" (act at once) or, with `level: ask`, "ask" (the bot
    # checks with the student first).
    "crisis",  # suicide, self-harm, threats to others
    "child_protection",  # sexual violence, grooming, sextortion, violence at home, no safe bed
    # Concern-level kinds: the coach hears of them as a concern, never the crisis path.
    "eating",
    "substance",
    "bullying",
    "hopelessness",
    "detachment",
    "absence",
    "loneliness",
    "money",
    "sleep",
    "positive",
)

SAFETY_CATEGORIES: tuple[str, ...] = ("crisis", "child_protection")

AltKind = Literal["lemma", "prefix", "suffix", "exact", "neg"]
Level = Literal["yes", "ask"]

# Fuzzy (one-edit) matching only for words at least this long: shorter ones collide too often.
TYPO_MIN_LEN = 6
TYPO_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"

# Default number of other words allowed between two consecutive terms of a pattern.
DEFAULT_GAP = 2


class LexiconError(ValueError):
    """The lexicon file is malformed (unknown category, bad term, duplicate id...)."""


@dataclass(frozen=True, slots=True)
class Alt:
    """One alternative of a term: a lemma, a prefix/suffix, an exact word or NEG."""

    kind: AltKind
    value: str


@dataclass(frozen=True, slots=True)
class Term:
    alts: tuple[Alt, ...]

    @property
    def is_neg(self) -> bool:
        return any(a.kind == "neg" for a in self.alts)


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One pattern string of a lexicon entry, compiled into terms."""

    id: str
    category: str  # "figure" for figures of speech
    source: str
    terms: tuple[Term, ...]
    gap: int
    unless: tuple[Term, ...]
    negatable: bool
    typos: bool = False
    level: Level = "yes"  # "ask": a safety cue the bot checks with the student first
    # A "yes" the model may not doubt and that somebody else's trouble, worry or a joke does
    # not soften: a threat to attack the school is acted on whoever reports it.
    firm: bool = False

    @property
    def has_neg(self) -> bool:
        return any(t.is_neg for t in self.terms)


@dataclass(frozen=True, slots=True)
class NegationConfig:
    negators: frozenset[str]
    second_person_et: frozenset[str]
    second_person_subjects: frozenset[str]
    clause_breakers: frozenset[str]
    soft_breakers: frozenset[str]
    subject_pronouns: frozenset[str]
    max_scope: int
    clause_verbs: frozenset[str] = frozenset()
    object_verbs: frozenset[str] = frozenset()  # their negation does not deny what follows
    privatives: frozenset[str] = frozenset()  # "ilman": deny only the next few words
    privative_scope: int = 2
    release_words: frozenset[str] = frozenset()  # "en saa ajatuksia pois": not a denial
    relapse_words: frozenset[str] = frozenset()  # "... mut tänään tein taas"
    relapse_contrasts: frozenset[str] = frozenset()
    # A comma right before these may be crossed by a pattern that names the word itself:
    # "toivon, että kuolisin" is one thought, as "toivon et kuolisin" is.
    comma_crossers: frozenset[str] = frozenset()
    # A condition's comma ("jos kuolen, ei se haittaa") may be crossed by a pattern whose next
    # term is NEG: the main clause after it answers the condition before it.
    condition_openers: frozenset[str] = frozenset()
    # A negation with one of these denies what a context word names ("en tarkota muuttoa",
    # "ostin köyden enkä kiipeilyä varten"), unless a "still" word says the thing ends ("ei
    # oo enää harjottelua"); an `unless` word so denied does not block its entry.
    meaning_denials: frozenset[str] = frozenset()
    still_words: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    forms: Mapping[str, tuple[str, ...]]
    negation: NegationConfig
    figures: tuple[PatternSpec, ...]
    patterns: tuple[PatternSpec, ...]
    sources: tuple[str, ...] = field(default=())
    # Context that softens a safety pattern's "yes" to a possible crisis the model weighs:
    # name -> terms (joke_words, media, other_person, third_person) or strings (joke_emoji).
    softeners: Mapping[str, tuple[Term, ...]] = field(default_factory=dict)
    joke_emoji: frozenset[str] = frozenset()

    def typo_lemmas(self) -> set[str]:
        """Lemmas of entries marked `typos: true`, long enough for fuzzy matching to be safe."""
        out: set[str] = set()
        for spec in self.patterns:
            if spec.typos:
                for term in spec.terms:
                    out.update(
                        a.value
                        for a in term.alts
                        if a.kind == "lemma" and len(a.value) >= TYPO_MIN_LEN
                    )
        return out

    def lemma_terms(self) -> set[str]:
        """Every plain lemma used by a pattern, figure or `unless` list, and the clause verbs."""
        neg = self.negation
        out: set[str] = set(neg.clause_verbs) | neg.object_verbs
        # Release and relapse words are matched by lemma too ("lopettanu", "repsahdin").
        out |= neg.release_words | neg.relapse_words | neg.meaning_denials
        for spec in (*self.figures, *self.patterns):
            for term in (*spec.terms, *spec.unless):
                out.update(a.value for a in term.alts if a.kind == "lemma")
        for terms in self.softeners.values():
            for term in terms:
                out.update(a.value for a in term.alts if a.kind == "lemma")
        return out


def parse_term(text: str, *, where: str) -> Term:
    alts: list[Alt] = []
    for raw in text.split("|"):
        item = raw.strip().lower()
        if not item:
            raise LexiconError(f"{where}: empty alternative in term {text!r}")
        if item == "neg":
            alts.append(Alt("neg", "NEG"))
        elif item.startswith("="):
            alts.append(Alt("exact", item[1:]))
        elif item.endswith("*") and item.startswith("*"):
            raise LexiconError(f"{where}: '*x*' is not supported in {text!r}")
        elif item.endswith("*"):
            alts.append(Alt("prefix", item[:-1]))
        elif item.startswith("*"):
            alts.append(Alt("suffix", item[1:]))
        else:
            alts.append(Alt("lemma", item))
        if not alts[-1].value or "*" in alts[-1].value or " " in alts[-1].value:
            raise LexiconError(f"{where}: bad term {text!r}")
    return Term(tuple(alts))


def parse_pattern(text: str, *, where: str) -> tuple[Term, ...]:
    parts = text.split()
    if not parts:
        raise LexiconError(f"{where}: empty pattern")
    return tuple(parse_term(p, where=where) for p in parts)


def _str_list(value: Any, *, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise LexiconError(f"{where}: expected a string or a list of strings")


def _term_groups(
    raw: Any, known: Mapping[str, tuple[str, ...]], *, where: str
) -> dict[str, tuple[str, ...]]:
    """Named term lists an `unless` can name as "@name" (a later file may add its own)."""
    if raw is None:
        return dict(known)
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: term_groups must be a mapping name -> terms")
    groups = dict(known)
    for name, terms in raw.items():
        if str(name) in known:
            # Redefining would change the base entries' meaning in this file only.
            raise LexiconError(f"{where}: term group {name!r} is already defined")
        words = tuple(_str_list(terms, where=f"{where}.{name}"))
        for word in words:
            parse_term(word, where=f"{where}.{name}")  # a typo fails here, used or not
        groups[str(name)] = words
    return groups


def _expand_groups(
    items: list[str], groups: Mapping[str, tuple[str, ...]], *, where: str
) -> list[str]:
    out: list[str] = []
    for item in items:
        if not item.startswith("@"):
            out.append(item)
        elif item[1:] in groups:
            out.extend(groups[item[1:]])
        else:
            raise LexiconError(f"{where}: unknown term group {item!r}")
    return out


def _entries(
    raw: Any,
    *,
    category: str,
    where: str,
    groups: Mapping[str, tuple[str, ...]] | None = None,
) -> list[PatternSpec]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise LexiconError(f"{where}: expected a list of entries")
    specs: list[PatternSpec] = []
    for i, entry in enumerate(raw):
        loc = f"{where}[{i}]"
        if not isinstance(entry, dict):
            raise LexiconError(f"{loc}: expected a mapping")
        pid = entry.get("id")
        if not isinstance(pid, str) or not pid:
            raise LexiconError(f"{loc}: missing id")
        gap = entry.get("gap", DEFAULT_GAP)
        if not isinstance(gap, int) or gap < 0:
            raise LexiconError(f"{loc}: gap must be a non-negative integer")
        negatable = entry.get("negatable", True)
        typos = entry.get("typos", False)
        if not isinstance(negatable, bool) or not isinstance(typos, bool):
            raise LexiconError(f"{loc}: negatable and typos must be true/false")
        level = entry.get("level", "yes")
        if level not in ("yes", "ask"):
            raise LexiconError(f"{loc}: level must be yes or ask")
        firm = entry.get("firm", False)
        if not isinstance(firm, bool):
            raise LexiconError(f"{loc}: firm must be true/false")
        if firm and (level != "yes" or category != "crisis"):
            raise LexiconError(f"{loc}: firm is only for level yes in crisis")
        if level == "ask" and category not in SAFETY_CATEGORIES:
            raise LexiconError(f"{loc}: level ask is only for {', '.join(SAFETY_CATEGORIES)}")
        unless_words = _expand_groups(
            _str_list(entry.get("unless"), where=loc), groups or {}, where=f"{loc}.unless"
        )
        unless = tuple(parse_term(u, where=f"{loc}.unless") for u in unless_words)
        matches = _str_list(entry.get("match"), where=loc)
        if not matches:
            raise LexiconError(f"{loc}: no match patterns")
        for text in matches:
            specs.append(
                PatternSpec(
                    id=pid,
                    category=category,
                    source=text,
                    terms=parse_pattern(text, where=f"{loc} ({pid})"),
                    gap=gap,
                    unless=unless,
                    negatable=negatable,
                    typos=typos,
                    level=level,
                    firm=firm,
                )
            )
    return specs


def _negation(raw: Any, *, where: str) -> NegationConfig | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: negation must be a mapping")

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in _str_list(raw.get(key), where=f"{where}.{key}"))

    def positive_int(key: str, default: int) -> int:
        value = raw.get(key, default)
        if not isinstance(value, int) or value < 1:
            raise LexiconError(f"{where}.{key} must be a positive integer")
        return value

    return NegationConfig(
        negators=words("negators"),
        second_person_et=words("second_person_et"),
        second_person_subjects=words("second_person_subjects"),
        clause_breakers=words("clause_breakers"),
        soft_breakers=words("soft_breakers"),
        subject_pronouns=words("subject_pronouns"),
        max_scope=positive_int("max_scope", 8),
        clause_verbs=words("clause_verbs"),
        object_verbs=words("object_verbs"),
        privatives=words("privatives"),
        privative_scope=positive_int("privative_scope", 2),
        release_words=words("release_words"),
        relapse_words=words("relapse_words"),
        relapse_contrasts=words("relapse_contrasts"),
        comma_crossers=words("comma_crossers"),
        condition_openers=words("condition_openers"),
        meaning_denials=words("meaning_denials"),
        still_words=words("still_words"),
    )


def _forms(raw: Any, *, where: str) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: forms must be a mapping surface -> lemma(s)")
    out: dict[str, tuple[str, ...]] = {}
    for surface, lemmas in raw.items():
        lemma_list = _str_list(lemmas, where=f"{where}.{surface}")
        if not isinstance(surface, str) or not lemma_list:
            raise LexiconError(f"{where}: bad form entry {surface!r}")
        out[surface.lower()] = tuple(lemma.lower() for lemma in lemma_list)
    return out


@dataclass(frozen=True)
class _RawLexicon:
    forms: dict[str, tuple[str, ...]]
    negation: NegationConfig | None
    figures: list[PatternSpec]
    patterns: list[PatternSpec]
    softeners: dict[str, tuple[Term, ...]]
    joke_emoji: frozenset[str]
    term_groups: dict[str, tuple[str, ...]]


def _parse(
    data: Any, *, where: str, groups: Mapping[str, tuple[str, ...]] | None = None
) -> _RawLexicon:
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: top level must be a mapping")
    groups = _term_groups(data.get("term_groups"), groups or {}, where=f"{where}:term_groups")
    cats = data.get("categories") or {}
    if not isinstance(cats, dict):
        raise LexiconError(f"{where}: categories must be a mapping")
    patterns: list[PatternSpec] = []
    for category, raw in cats.items():
        if category not in CATEGORY_ORDER:
            raise LexiconError(f"{where}: unknown category {category!r}")
        patterns.extend(
            _entries(raw, category=category, where=f"{where}:{category}", groups=groups)
        )
    return _RawLexicon(
        forms=_forms(data.get("forms"), where=f"{where}:forms"),
        negation=_negation(data.get("negation"), where=f"{where}:negation"),
        figures=_entries(
            data.get("figures"), category="figure", where=f"{where}:figures", groups=groups
        ),
        patterns=patterns,
        softeners=_softeners(data.get("softeners"), where=f"{where}:softeners"),
        joke_emoji=frozenset(
            _str_list((data.get("softeners") or {}).get("joke_emoji"), where=where)
        ),
        term_groups=groups,
    )


def _softeners(raw: Any, *, where: str) -> dict[str, tuple[Term, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: softeners must be a mapping name -> terms")
    return {
        str(name): tuple(parse_term(t, where=f"{where}.{name}") for t in _str_list(v, where=where))
        for name, v in raw.items()
        if name != "joke_emoji"
    }


def _merge_specs(base: Iterable[PatternSpec], extra: Sequence[PatternSpec]) -> list[PatternSpec]:
    # An id present in the extra file replaces every pattern of that id in the base, so a school
    # can both add entries and override a default entry it disagrees with.
    replaced = {s.id for s in extra}
    return [s for s in base if s.id not in replaced] + list(extra)


def read_yaml(path: Path) -> Any:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)


def load_lexicon(paths: Sequence[Path]) -> Lexicon:
    """Parse and merge lexicon files; the first must define `negation`."""
    if not paths:
        raise LexiconError("no lexicon files given")
    forms: dict[str, tuple[str, ...]] = {}
    negation: NegationConfig | None = None
    figures: list[PatternSpec] = []
    patterns: list[PatternSpec] = []
    softeners: dict[str, tuple[Term, ...]] = {}
    joke_emoji: frozenset[str] = frozenset()
    groups: dict[str, tuple[str, ...]] = {}
    for path in paths:
        # A school's file may name the base file's term groups, and add its own.
        raw = _parse(read_yaml(path), where=str(path), groups=groups)
        groups = raw.term_groups
        for surface, lemmas in raw.forms.items():
            merged = forms.get(surface, ())
            forms[surface] = merged + tuple(lemma for lemma in lemmas if lemma not in merged)
        if raw.negation is not None:
            negation = raw.negation
        figures = _merge_specs(figures, raw.figures)
        for name, terms in raw.softeners.items():
            softeners[name] = softeners.get(name, ()) + terms
        joke_emoji |= raw.joke_emoji
        patterns = _merge_specs(patterns, raw.patterns)
    if negation is None:
        raise LexiconError("the lexicon has no negation section")
    return Lexicon(
        forms=forms,
        negation=negation,
        figures=tuple(figures),
        softeners=softeners,
        joke_emoji=joke_emoji,
        patterns=tuple(patterns),
        sources=tuple(str(p) for p in paths),
    )


def source_digest(path: Path) -> str:
    """sha256 of a lexicon file with normalised line endings (stored in the compiled table)."""
    text = path.read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(text).hexdigest()


def edits1(word: str) -> set[str]:
    """All strings one deletion, transposition, substitution or insertion away from `word`."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in TYPO_ALPHABET}
    out |= {a + c + b for a, b in splits for c in TYPO_ALPHABET}
    out.discard(word)
    return out
