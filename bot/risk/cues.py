"""Finnish free-text cue detector.

Given a student's free text, decide the safety outcome (crisis "yes" / "ask" / "no", and
whether it is about child protection) and find the cue categories (CATEGORY_ORDER in
bot/risk/lexicon.py) with the words that triggered them.

Two parts: the lexicon patterns below, and a small linear model (bot/risk/model.py, trained by
bot/risk/build_model.py) that weighs every message; bot/risk/decide.py combines them.

Design (see bot/risk/data/lexicon_fi.yaml for the pattern language and decisions):

* Matching is on lemmas, so Finnish inflection does not matter ("kuolisin" is "kuolla"). The
  lemma table is compiled at build time from simplemma (bot.risk.build_lexicon) into
  data/fi_forms.json; simplemma itself is never imported at run time because its Finnish data
  costs ~340 MB RSS. Unknown words fall back to light heuristics: repeated-letter collapsing,
  clitic stripping (-kaan, -kin, -ks...), hyphen and compound splitting (koulukiusaamista ->
  kiusaaminen) and stem-prefix matching for lemmas a school adds without compiling.
* Negation is modelled as a scope: a negative verb (ei, en, emmä, etten...) negates the rest of
  its clause. A cue inside the scope is kept as a review note (negated=True), not a category.
* Figures of speech ("tapan aikaa", "kuolin nauruun") are matched first and mask their words.
* Crisis recall comes first: ambiguous wishes to die are crisis; a crisis match absorbs weaker
  cues made of the same words.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.risk.decide import Decision, Outcome, PatternView, decide
from bot.risk.lexicon import (
    BASE_LEXICON_PATH,
    CATEGORY_ORDER,
    FORMS_PATH,
    SAFETY_CATEGORIES,
    TYPO_MIN_LEN,
    Alt,
    Level,
    Lexicon,
    PatternSpec,
    Term,
    edits1,
    load_lexicon,
    source_digest,
)
from bot.risk.model import MODEL_PATH, CueModel, features

log = logging.getLogger(__name__)

CATEGORIES: tuple[str, ...] = CATEGORY_ORDER

# Sentence ends: ., !, ?, … (possibly repeated) followed by space/end, and line breaks.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\s*\n+\s*")
# Words (letters/digits joined by inner hyphens, apostrophes or colons: "cs:ää", "itsemurha-
# ajatukset") and the punctuation that ends a clause.
# Emoji that draw a means (🔫, 🔪, 🩸, 💊) are words too: the lexicon's `forms` reads them.
_TOKEN = re.compile(
    r"(?P<w>[^\W_]+(?:[-'’:][^\W_]+)*|[\U0001F52A\U0001F52B\U0001FA78\U0001F48A])"
    r"|(?P<p>[,;:()\[\]\"“”«»]|\s[-–—]+\s)"
)
# Finnish compounds rarely pass 40 letters; longer "words" are not analysed.
LONGEST_ANALYSED_WORD = 60
EXCERPT_CHARS = 240  # a matched sentence longer than this is shown as an excerpt
# Recent texts whose result is kept: an answer is read at the crisis screen and again when its
# check-in completes, minutes later. Kept by count and by age, so a quiet school's bot does not
# hold what students wrote for weeks.
RESULT_CACHE_SIZE = 1024
RESULT_CACHE_SECONDS = 30 * 60
_TRIPLE = re.compile(r"(\w)\1{2,}")
_CLITICS = ("kaan", "kään", "kin", "kaa", "han", "hän", "pa", "pä", "ko", "kö", "ks", "s")
# Possessive suffixes on a case form the table knows: "elämääni" is "elämää" + "ni",
# "kehossani" "kehossa" + "ni". (The 3rd person's vowel + n is left out: "-an" would turn too
# many words into others.)
_POSSESSIVES = ("ni", "si", "mme", "nne", "nsa", "nsä")
# Function words never accepted as the last part of a compound ("puolet" is not "pu" + "olet").
_NO_COMPOUND_HEAD = frozenset(
    {"olla", "ei", "minä", "sinä", "itse", "tulla", "mennä", "saada", "tehdä", "jokin",
     "mikään", "kukaan", "kaikki", "tämä", "se", "hän", "ne", "mutta", "koko", "pois"}
)  # fmt: skip
_MIN_COMPOUND_HEAD = 4
_MIN_COMPOUND_MODIFIER = 3


@dataclass(frozen=True)
class CueMatch:
    category: str
    pattern_id: str  # lexicon pattern id
    evidence: str  # the matched words as the student wrote them
    sentence: str  # the whole sentence containing the match
    negated: bool  # True -> a review note, not a detected category
    # Safety kinds only: "ask" = a possible crisis the bot checks with the student first. An
    # ask-level match never puts its category into CueResult.categories.
    level: Level = "yes"


@dataclass(frozen=True)
class CueResult:
    """What one message says.

    `categories` holds what is detected for certain (not negated, and for the safety kinds
    crisis / child_protection only when `crisis` is "yes"), in CATEGORIES order. `crisis` is
    the three-way safety outcome over both safety kinds: "yes" = act at once, "ask" = the bot
    checks with the student, "no". `child_protection` tells which kind a yes/ask is about.
    """

    categories: tuple[str, ...]  # detected (non-negated), safety kinds first, CATEGORIES order
    matches: tuple[CueMatch, ...]  # all matches, negated and ask-level ones included
    crisis: Outcome = "no"
    # The yes/ask is (also) about child protection: abuse, violence at home, grooming,
    # sextortion, nowhere safe to sleep. With crisis "yes" both kinds may be in categories.
    child_protection: bool = False
    safety_probability: float | None = None  # the model's, when a model is loaded

    @property
    def is_crisis(self) -> bool:
        """Act at once (crisis == "yes"), of either safety kind."""
        return self.crisis == "yes"

    @property
    def ask_matches(self) -> tuple[CueMatch, ...]:
        """The matches behind an "ask" (pattern or model), empty otherwise."""
        if self.crisis != "ask":
            return ()
        return tuple(m for m in self.matches if not m.negated and m.category in SAFETY_CATEGORIES)

    @property
    def review_notes(self) -> tuple[CueMatch, ...]:
        """Negated matches (crisis first) that a coach may want to read anyway."""
        notes = [m for m in self.matches if m.negated]
        return tuple(sorted(notes, key=lambda m: CATEGORIES.index(m.category)))

    def to_json(self) -> dict[str, Any]:
        return {
            "categories": list(self.categories),
            "crisis": self.crisis,
            "child_protection": self.child_protection,
            "matches": [
                {
                    "category": m.category,
                    "pattern_id": m.pattern_id,
                    "evidence": m.evidence,
                    "sentence": m.sentence,
                    "negated": m.negated,
                    "level": m.level,
                }
                for m in self.matches
            ],
        }


# "my": a first-person word only when it does not stand before a person word ("mun kaveri" is
# about the friend; "pitäiskö mun tavata se" is about the writer).
_MY = frozenset({"mun", "minun", "miun", "mein", "meidän", "my"})
_WRITER_WINDOW = 3  # words either side of a match, within its clause
_TOLD_WINDOW = 5  # words from a verb of telling to the match it tells ("ne sano et mun pitäis …")
_I = frozenset({"mä", "mää", "mie", "minä", "i"})  # the writer as the teller: "mä sanoin et…"
# Somebody else as the subject of what is told: "mun sisko sano ettei se halua elää enää".
_THEY = frozenset({"se", "hän", "ne", "he", "she", "they"})
_TO_ME = frozenset({"mulle", "minulle", "miulle", "meille"})
_ENDED_WINDOW = 2  # words from "lopetin" to the act it ended ("lopetin viiltelyn")
_SOFT_BREAKERS = frozenset({"mut"})  # "mut" is as often "minut" as "mutta"
# The writer as the object of what is told ("se pyysi multa kuvia"). Not "meille": mostly
# "to our place" ("voiks se tulla meille yöks").
_WRITER_AS_OBJECT = frozenset(
    [
        "mua",
        "minua",
        "minut",
        "mulle",
        "minulle",
        "multa",
        "minulta",
        "mulla",
        "minulla",
        "mul",
        "miut",
        "miuta",
        "miulle",
        "miulla",
        "miulta",
        "mullekin",
    ]
)
# Words that open a clause after "mut" = "mutta" ("mut se pääsi pakoon", "mut ku…").
_CLAUSE_OPENERS = frozenset(
    [
        "se",
        "ne",
        "hän",
        "he",
        "mä",
        "mää",
        "mie",
        "minä",
        "sä",
        "sää",
        "sie",
        "sinä",
        "me",
        "te",
        "ku",
        "kun",
        "ko",
        "nyt",
        "sit",
        "sitten",
        "kyl",
        "kyllä",
        "silti",
        "onneks",
        "i",
    ]
)


@dataclass(frozen=True, slots=True)
class _Token:
    surface: str  # lower-cased word as written ("" for punctuation)
    start: int
    end: int
    lemmas: frozenset[str]
    hard: bool  # punctuation: nothing spans it
    breaker: bool  # starts a new clause (ends a negation scope)
    stop: bool  # no pattern may span it
    neg: bool
    finite: bool  # finite verb with a personal ending -> new clause inside a negation
    verb: bool  # a finite-looking verb form: the 2nd one after a negator starts a new clause
    subject: bool  # nominative subject pronoun


@dataclass(frozen=True, slots=True)
class _Hit:
    spec: PatternSpec
    idx: tuple[int, ...]
    negated: bool
    # A denied match that a relapse follows ("en oo viiltelly kuukauteen mut tänään tein
    # taas"), or a safety match under a condition ("jos en hyppää sillalta…"), is only asked
    # about, whatever its pattern's level.
    relapse: bool = False

    @property
    def level(self) -> Level:
        return "ask" if self.relapse else self.spec.level

    @property
    def span(self) -> tuple[int, int]:
        return self.idx[0], self.idx[-1]


@dataclass(frozen=True)
class _Forms:
    table: Mapping[str, tuple[str, ...]]
    finite: frozenset[str]
    verb_forms: frozenset[str]
    not_typos: frozenset[str]
    known_lemmas: frozenset[str]
    source_sha256: str


def _read_forms(path: Path) -> _Forms:
    data = json.loads(path.read_text(encoding="utf-8"))
    table: dict[str, list[str]] = {}
    for lemma, forms in data["lemmas"].items():
        for form in forms:
            table.setdefault(form, []).append(lemma)
    return _Forms(
        table={k: tuple(v) for k, v in table.items()},
        finite=frozenset(data.get("finite", ())),
        verb_forms=frozenset(data.get("verb_forms", ())),
        not_typos=frozenset(data.get("not_typos", ())),
        known_lemmas=frozenset(data["lemmas"]),
        source_sha256=str(data.get("source_sha256", "")),
    )


@lru_cache(maxsize=8)
def _cached_forms(path: Path) -> _Forms:
    return _read_forms(path)


@lru_cache(maxsize=2)
def _cached_model(path: Path) -> CueModel:
    return CueModel.load(path)


@lru_cache(maxsize=8)
def _cached_lexicon(key: tuple[tuple[Path, int], ...]) -> Lexicon:
    # Keyed on modification times too, so an edited school file is re-read on the next load().
    return load_lexicon([path for path, _ in key])


class CueDetector:
    """Lexicon-driven cue detector. Build with `CueDetector.load()`; `detect()` is thread-safe."""

    def __init__(
        self,
        lexicon: Lexicon,
        forms: Sequence[_Forms],
        model: CueModel | None = None,
        *,
        school_pattern_ids: frozenset[str] = frozenset(),
    ) -> None:
        self._lexicon = lexicon
        self._model = model
        # Patterns a school added or changed: the model never saw their words, so it cannot
        # confirm their everyday categories; the school's own word stands (see decide).
        self._school_ids = school_pattern_ids
        self._firm_ids = frozenset(p.id for p in lexicon.patterns if p.firm)
        neg = lexicon.negation
        self._neg = neg
        table: dict[str, tuple[str, ...]] = {}
        finite: set[str] = set()
        not_typos: set[str] = set()
        verb_forms: set[str] = set()
        known: set[str] = set()
        for f in forms:
            not_typos |= f.not_typos
            verb_forms |= f.verb_forms
            for surface, lemmas in f.table.items():
                old = table.get(surface, ())
                table[surface] = old + tuple(x for x in lemmas if x not in old)
            finite |= f.finite
            known |= f.known_lemmas
        # Explicit lexicon forms work even if the compiled table is stale (a school addition);
        # their lemmas still get the stem fallback below for the forms nobody listed.
        for surface, lemmas in lexicon.forms.items():
            old = table.get(surface, ())
            table[surface] = old + tuple(x for x in lemmas if x not in old)
        self._table = table
        self._finite = frozenset(finite)
        self._verb_forms = frozenset(verb_forms)
        # Typo tolerance: only for forms of lemmas whose entries say `typos: true`.
        typo_lemmas = lexicon.typo_lemmas()
        self._typo_table: dict[str, tuple[str, ...]] = {}
        for surface, lemmas in table.items():
            hit = tuple(x for x in lemmas if x in typo_lemmas)
            if hit:
                self._typo_table[surface] = hit
        self._not_typos = frozenset(not_typos)
        # Lemmas with no compiled forms (typically from an uncompiled school lexicon) match by
        # stem prefix: "vapettaa" -> "vapet", so vapetan/vapettaa/vapettanu all hit.
        self._stems: dict[str, str] = {}
        for lemma in lexicon.lemma_terms():
            if lemma not in known and len(lemma) >= 5:
                self._stems[lemma] = lemma[: max(4, len(lemma) - 3)]
        self._analysis_cache: dict[str, frozenset[str]] = {}
        # Whole results of the latest texts (why and how long: RESULT_CACHE_SIZE above).
        self._result_cache: dict[str, tuple[float, CueResult]] = {}
        self._forgotten = 0  # bumped by forget_results: a reading begun before is not kept
        self._cache_lock = threading.Lock()
        self._index_specs(lexicon.patterns)

    # ------------------------------------------------------------------ construction

    @classmethod
    def load(cls, extra_lexicons: Sequence[Path] = (), *, use_model: bool = True) -> CueDetector:
        """Base lexicon plus a school's additions, and the shipped model. Parsed data is cached
        per process. `use_model=False` (patterns only) is for the model's own build."""
        paths = (BASE_LEXICON_PATH, *(Path(p).resolve() for p in extra_lexicons))
        lexicon = _cached_lexicon(tuple((p, p.stat().st_mtime_ns) for p in paths))
        forms = [_cached_forms(FORMS_PATH)]
        if forms[0].source_sha256 != source_digest(BASE_LEXICON_PATH):
            log.warning(
                "fi_forms.json is stale for lexicon_fi.yaml; run python -m bot.risk.build_lexicon"
            )
        for extra in paths[1:]:
            # A school may compile its own table with build_lexicon --lexicon X.yaml.
            compiled = extra.with_suffix(".forms.json")
            if compiled.exists():
                forms.append(_cached_forms(compiled))
        base = set(_cached_lexicon(((paths[0], paths[0].stat().st_mtime_ns),)).patterns)
        school_ids = frozenset(p.id for p in lexicon.patterns if p not in base)
        return cls(
            lexicon,
            forms,
            _cached_model(MODEL_PATH) if use_model else None,
            school_pattern_ids=school_ids,
        )

    def _index_specs(self, specs: Iterable[PatternSpec]) -> None:
        # Index patterns by what their first term needs, so a sentence only tries patterns that
        # can start at one of its words.
        self._by_lemma: dict[str, list[PatternSpec]] = {}
        self._by_exact: dict[str, list[PatternSpec]] = {}
        self._by_neg: list[PatternSpec] = []
        self._by_affix: list[tuple[Alt, PatternSpec]] = []
        for spec in specs:
            for alt in spec.terms[0].alts:
                if alt.kind == "lemma" and alt.value not in self._stems:
                    self._by_lemma.setdefault(alt.value, []).append(spec)
                elif alt.kind == "exact":
                    self._by_exact.setdefault(alt.value, []).append(spec)
                elif alt.kind == "neg":
                    self._by_neg.append(spec)
                else:
                    self._by_affix.append((alt, spec))

    # ------------------------------------------------------------------ lexical analysis

    def _lookup(self, word: str) -> tuple[str, ...]:
        return self._table.get(word, ())

    def _analyse_word(self, word: str) -> frozenset[str]:
        cached = self._analysis_cache.get(word)
        if cached is not None:
            return cached
        lemmas = frozenset(self._analyse_uncached(word))
        with self._cache_lock:
            if len(self._analysis_cache) > 50_000:
                self._analysis_cache.clear()
            self._analysis_cache[word] = lemmas
        return lemmas

    def _analyse_uncached(self, word: str) -> set[str]:
        if len(word) > LONGEST_ANALYSED_WORD:
            # Not a word but a pasted string or keyboard mash: compound splitting and typo
            # variants grow with the square of its length (seconds for 4 KB), and find nothing.
            return set()
        candidates = [word]
        if _TRIPLE.search(word):
            # "kivaaaa", "eiiii": chat elongation.
            candidates += [_TRIPLE.sub(r"\1\1", word), _TRIPLE.sub(r"\1", word)]
        for cand in candidates:
            found = self._lookup(cand)
            if found:
                return set(found)
        for cand in candidates:
            found_set = self._analyse_unknown(cand)
            if found_set:
                return found_set
        return set()

    def _analyse_unknown(self, word: str) -> set[str]:
        if "-" in word:
            # itsemurha-ajatukset: the head decides the lemma; keep the whole compound too.
            modifier, _, head = word.rpartition("-")
            head_lemmas = self._lookup(head)
            if head_lemmas:
                return set(head_lemmas) | {f"{modifier}{h}" for h in head_lemmas}
        for clitic in _CLITICS:
            if word.endswith(clitic) and len(word) - len(clitic) >= 2:
                found = self._lookup(word[: -len(clitic)])
                if found:
                    return set(found)
        for suffix in _POSSESSIVES:
            stem = word[: -len(suffix)]
            # Only a noun's case form takes a possessive: "tapani" is not "tapa" (kill!).
            if word.endswith(suffix) and len(stem) >= 3 and stem not in self._verb_forms:
                found = self._lookup(stem)
                if found:
                    return set(found)
        # Compound: longest known last part ("koulukiusaamista" -> "kiusaamista").
        for i in range(_MIN_COMPOUND_MODIFIER, len(word) - _MIN_COMPOUND_HEAD + 1):
            head = word[i:]
            found = tuple(x for x in self._lookup(head) if x not in _NO_COMPOUND_HEAD)
            if found:
                return set(found) | {word[:i] + h for h in found}
        return self._typo(word)

    def _typo(self, word: str) -> set[str]:
        # One typing error away from a crisis word ("kuollaa", "itteni" -> "ittnei"), unless the
        # word is a real Finnish word (the build step lists those: "kuulla" is not "kuolla").
        if len(word) < TYPO_MIN_LEN or word in self._not_typos or not self._typo_table:
            return set()
        found: set[str] = set()
        for variant in edits1(word):
            found.update(self._typo_table.get(variant, ()))
        return found

    def _tokenise(self, text: str) -> list[_Token]:
        neg = self._neg
        raw: list[tuple[str, int, int]] = []
        for m in _TOKEN.finditer(text):
            raw.append(((m.group("w") or "").lower(), m.start(), m.end()))
        tokens: list[_Token] = []
        in_condition = False  # since the last punctuation, a clause opened with "jos"
        for i, (word, start, end) in enumerate(raw):
            if not word:
                # Only a pattern naming "että" may cross the comma before it, and only a pattern
                # whose next term is NEG may cross the comma that closes a "jos" clause (see
                # _match_from: any other pattern stops at the word after the comma, a clause
                # breaker or a negative verb).
                following = raw[i + 1][0] if i + 1 < len(raw) else ""
                crossable = text[start:end] == "," and (
                    following in neg.comma_crossers or (in_condition and following in neg.negators)
                )
                in_condition = False
                tokens.append(
                    _Token(
                        "",
                        start,
                        end,
                        frozenset(),
                        hard=True,
                        breaker=True,
                        stop=not crossable,
                        neg=False,
                        finite=False,
                        verb=False,
                        subject=False,
                    )
                )
                continue
            is_neg = word in neg.negators
            breaker = word in neg.clause_breakers
            if word in neg.condition_openers:
                in_condition = True
            if word in neg.second_person_et:
                # "sä et tuu" is negation, "mietin et lopetan" is spoken "että".
                before = {w for w, _, _ in raw[max(0, i - 2) : i]}
                is_neg = bool(before & neg.second_person_subjects)
                breaker = not is_neg
            elif word.startswith("ett") and is_neg:
                breaker = True  # "etten", "ettei": a new clause that is itself negative
            tokens.append(
                _Token(
                    surface=word,
                    start=start,
                    end=end,
                    lemmas=self._analyse_word(word),
                    hard=False,
                    breaker=breaker,
                    stop=breaker and word not in neg.soft_breakers,
                    neg=is_neg,
                    finite=word in self._finite,
                    verb=word in self._verb_forms,
                    subject=word in neg.subject_pronouns,
                )
            )
        return tokens

    def _negation_scope(self, tokens: Sequence[_Token]) -> list[int | None]:
        scope: list[int | None] = [None] * len(tokens)
        limit = self._neg.max_scope
        for i, tok in enumerate(tokens):
            if tok.surface in self._neg.privatives:
                for j in range(i + 1, min(len(tokens), i + 1 + self._neg.privative_scope)):
                    if tokens[j].hard or tokens[j].breaker or tokens[j].neg:
                        break
                    scope[j] = i
                continue
            if not tok.neg:
                continue
            seen_verb = False
            for j in range(i + 1, min(len(tokens), i + 1 + limit)):
                t = tokens[j]
                if t.hard or t.breaker or t.neg or t.finite:
                    break
                if t.subject and j >= i + 2:
                    break
                if t.verb:
                    if seen_verb:
                        break  # "en jaksa tätä mun PITÄIS vaan..." - a new clause
                    seen_verb = True
                scope[j] = i
                if t.lemmas & self._neg.object_verbs:
                    break  # "ettei kukaan nää uusia viiltoja": the cuts are there
        return scope

    def _released(
        self, tokens: Sequence[_Token], scope: Sequence[int | None], idx: tuple[int, ...]
    ) -> bool:
        """Not being able to stop something or to get rid of it asserts it ("en saa niitä
        ajatuksia pois", "en pysty lopettaa ajattelemasta itsaria"): a release word in the
        match's negation scope, outside the match itself, lifts the negation ("en halua
        lopettaa elämääni" stays denied: there "lopettaa" is the match's own word)."""
        negator = scope[idx[0]]
        return any(
            scope[j] == negator
            and j not in idx
            and self._is_word(tokens[j], self._neg.release_words)
            for j in range(len(tokens))
        )

    def _meaning_denied(self, tokens: Sequence[_Token], scope: Sequence[int | None]) -> set[int]:
        """Positions in a negation scope that says what something is not meant as or for
        ("en tarkota muuttoa", "enkä kiipeilyä varten"), and not that it is over ("ei oo enää
        harjottelua")."""
        out: set[int] = set()
        for negator in {s for s in scope if s is not None}:
            inside = [j for j, s in enumerate(scope) if s == negator]
            words = [tokens[j] for j in inside]
            if any(self._is_word(t, self._neg.meaning_denials) for t in words) and not any(
                self._is_word(t, self._neg.still_words) for t in words
            ):
                out.update(inside)
        return out

    def _relapse_after(self, tokens: Sequence[_Token], last: int) -> bool:
        """A contrast and then a relapse word after a denied match: "en oo viiltelly
        kuukauteen mut tänään tein taas", "lupasin etten viiltele enää mut eilen tein sen
        taas"."""
        rest = tokens[last + 1 :]
        for k, tok in enumerate(rest):
            if tok.surface in self._neg.relapse_contrasts:
                return any(self._is_word(t, self._neg.relapse_words) for t in rest[k + 1 :])
        return False

    @staticmethod
    def _conditional(tokens: Sequence[_Token], negator: int | None) -> bool:
        """A negative verb right after "jos" states a condition, not a denial: "jos en hyppää
        sillalta tänään, tuun kouluun" keeps the bridge (asked about, like a relapse)."""
        if negator is None:
            return False
        before = negator - 1
        if before >= 0 and tokens[before].subject:
            before -= 1  # "jos mä en…"
        return before >= 0 and tokens[before].surface == "jos"

    @staticmethod
    def _is_word(tok: _Token, words: frozenset[str]) -> bool:
        return tok.surface in words or bool(tok.lemmas & words)

    # ------------------------------------------------------------------ matching

    def _alt_matches(self, alt: Alt, tok: _Token) -> bool:
        if tok.hard:
            return False
        kind, value = alt.kind, alt.value
        if kind == "lemma":
            if value in tok.lemmas:
                return True
            stem = self._stems.get(value)
            return stem is not None and tok.surface.startswith(stem)
        if kind == "prefix":
            return tok.surface.startswith(value) or any(x.startswith(value) for x in tok.lemmas)
        if kind == "suffix":
            return tok.surface.endswith(value) or any(x.endswith(value) for x in tok.lemmas)
        if kind == "exact":
            return tok.surface == value
        return tok.neg

    def _term_matches(self, term: Term, tok: _Token) -> bool:
        return any(self._alt_matches(alt, tok) for alt in term.alts)

    def _match_from(
        self,
        spec: PatternSpec,
        tokens: Sequence[_Token],
        start: int,
        masked: Sequence[bool],
    ) -> tuple[int, ...] | None:
        """Nearest-first match of `spec` beginning at token `start` (with backtracking)."""
        terms = spec.terms

        def extend(k: int, prev: int, in_neg: bool, acc: tuple[int, ...]) -> tuple[int, ...] | None:
            if k == len(terms):
                return acc
            term = terms[k]
            for j in range(prev + 1, min(len(tokens), prev + 2 + spec.gap)):
                tok = tokens[j]
                if not masked[j] and self._term_matches(term, tok):
                    found = extend(k + 1, j, in_neg or term.is_neg, (*acc, j))
                    if found is not None:
                        return found
                crossable = tok.hard and not tok.stop  # the comma before "että" or an answer
                if tok.stop or tok.neg or (in_neg and tok.breaker and not crossable):
                    # A pattern stays inside its clause. It never skips a negative verb: the
                    # words after it are denied ("toivon että mun kissa ei kuole"), and a
                    # pattern with NEG stops at the next one ("ei oo kavereita eikä rahaa").
                    # A pattern with NEG also stops at "mut".
                    return None
            return None

        if masked[start] or not self._term_matches(terms[0], tokens[start]):
            return None
        return extend(1, start, terms[0].is_neg, (start,))

    def _candidates(self, tok: _Token) -> list[PatternSpec]:
        if tok.hard:
            return []
        out: list[PatternSpec] = []
        for lemma in tok.lemmas:
            out.extend(self._by_lemma.get(lemma, ()))
        out.extend(self._by_exact.get(tok.surface, ()))
        if tok.neg:
            out.extend(self._by_neg)
        for alt, spec in self._by_affix:
            if self._alt_matches(alt, tok):
                out.append(spec)
        return out

    def _sentence_hits(
        self, tokens: Sequence[_Token], scope: Sequence[int | None], blocked: set[str]
    ) -> list[_Hit]:
        """Hits in one sentence; categories whose match an `unless` word blocked go to
        `blocked` (the model may not add them on its own either)."""
        n = len(tokens)
        masked = [False] * n
        for fig in self._lexicon.figures:
            for i in range(n):
                idx = self._match_from(fig, tokens, i, masked)
                if idx is not None:
                    for j in idx:
                        masked[j] = True
        hits: list[_Hit] = []
        seen: set[tuple[int, int]] = set()
        unless_ok: dict[int, bool] = {}
        denied_meaning: set[int] | None = None  # found once per sentence, when first needed
        for i in range(n):
            for spec in self._candidates(tokens[i]):
                key = (id(spec), i)
                if key in seen:
                    continue
                seen.add(key)
                idx = self._match_from(spec, tokens, i, masked)
                if idx is None:
                    continue
                if spec.unless:
                    ok = unless_ok.get(id(spec))
                    if ok is None:
                        # A pattern with NEG of its own keeps its context in that scope
                        # ("en halua lopettaa elämääni"); for the rest a context word whose
                        # meaning is denied names nothing ("en tarkota muuttoa").
                        if denied_meaning is None and not spec.has_neg:
                            denied_meaning = self._meaning_denied(tokens, scope)
                        denied = denied_meaning if denied_meaning and not spec.has_neg else ()
                        ok = not any(
                            self._term_matches(t, tok)
                            for t in spec.unless
                            for j, tok in enumerate(tokens)
                            if j not in denied
                        )
                        unless_ok[id(spec)] = ok
                    if not ok:
                        blocked.add(spec.category)
                        continue
                # Negated when the whole match lies in one scope: one that the clause's end cuts
                # ("en voi mennä kotiin isä lyö mua") has its verb outside the negation.
                negated = (
                    spec.negatable
                    and not spec.has_neg
                    and scope[idx[0]] is not None
                    and scope[idx[-1]] == scope[idx[0]]
                )
                if negated and self._released(tokens, scope, idx):
                    negated = False
                relapse = negated and (
                    self._relapse_after(tokens, idx[-1])
                    or (
                        spec.category in SAFETY_CATEGORIES
                        and self._conditional(tokens, scope[idx[0]])
                    )
                )
                hits.append(_Hit(spec, idx, negated and not relapse, relapse))
        return _resolve(hits)

    # ------------------------------------------------------------------ public API

    def _pattern_matches(self, text: str) -> _Found:
        """The lexicon's matches in `text`, every lemma recognised in it, its softeners (joke,
        media, other_person, other_self, worry, past: lexicon_fi.yaml) and what `unless` blocked."""
        blocked: set[str] = set()
        matches: list[CueMatch] = []
        lemmas: set[str] = set()
        found: set[str] = set()
        relapse = denied_joke = False
        # Softener words in a sentence where a crisis or child-protection pattern matched:
        # "Ryhmätyö meni hyvin. Mutta pääni sisällä pyörii ajatus itseni tappamisesta" names
        # homework in another sentence than the crisis. The model learns what that difference
        # is worth (features "xf:"); the decision treats every softener alike.
        beside_match: set[str] = set()
        if any(e in text for e in self._lexicon.joke_emoji):
            found.add("joke_words")
            beside_match.add("joke_words")  # an emoji laughs at the whole message
        for s_start, s_end in _sentences(text):
            sentence = text[s_start:s_end]
            tokens = self._tokenise(sentence)
            scope = self._negation_scope(tokens)
            in_sentence: set[str] = set()
            for i, tok in enumerate(tokens):
                lemmas |= tok.lemmas
                for name, terms in self._lexicon.softeners.items():
                    if name in in_sentence and name != "joke_words":
                        continue  # (a joke word is looked at again: a later one may deny it)
                    if any(self._term_matches(t, tok) for t in terms):
                        # A denied joke ("ei oo läppä", "en vitsillä", "not even joking")
                        # insists the words are meant: nothing in the message softens them,
                        # not even a laugh beside it ("haluun kuolla lol, not joking").
                        if name == "joke_words" and self._joke_denied(tokens, i):
                            denied_joke = True
                            continue
                        in_sentence.add(name)
            found |= in_sentence
            hits = self._sentence_hits(tokens, scope, blocked)
            relapse |= any(h.relapse and h.spec.category in SAFETY_CATEGORIES for h in hits)
            if any(not h.negated and h.spec.category in SAFETY_CATEGORIES for h in hits):
                beside_match |= in_sentence
            for hit in hits:
                if hit.spec.category in SAFETY_CATEGORIES and self._writer_in_clause(tokens, hit):
                    found.add("writer_takes_part")
                marks = self._crisis_marks(tokens, hit)
                found |= marks.keys()
                beside_match |= set(marks.values())
                if (
                    hit.spec.category == "child_protection"
                    and not hit.negated
                    and self._writer_named(tokens)
                ):
                    found.add("writer_abused")
                first, last = tokens[hit.idx[0]], tokens[hit.idx[-1]]
                matches.append(
                    CueMatch(
                        category=hit.spec.category,
                        pattern_id=hit.spec.id,
                        evidence=sentence[first.start : last.end],
                        sentence=_excerpt(sentence, first.start, last.end),
                        negated=hit.negated,
                        level=hit.level,
                    )
                )
        if denied_joke:
            found.discard("joke_words")
            beside_match.discard("joke_words")
        softeners = _softeners(found)
        apart = frozenset(s for s in softeners if _SOFTENER_WORDS[s] not in beside_match)
        return _Found(matches, lemmas, softeners, apart, blocked, relapse)

    def _writer_named(self, tokens: Sequence[_Token]) -> bool:
        """The writer as the object of what is told anywhere in the sentence ("se pyysi
        multa kuvia"), not as its subject ("mä katoin leffan, jossa…"). "mut" is "me" only
        inside a clause ("se hakee mut autolla"); first in it, or before a subject or a
        negative verb, it is "but" ("…autoon mut se pääsi pakoon")."""
        return any(
            tok.surface in _WRITER_AS_OBJECT
            or (
                tok.surface == "mut"
                and 0 < i < len(tokens) - 1
                and not tokens[i - 1].hard
                and tokens[i + 1].surface not in _CLAUSE_OPENERS
                and not tokens[i + 1].neg
            )
            for i, tok in enumerate(tokens)
        )

    def _crisis_marks(self, tokens: Sequence[_Token], hit: _Hit) -> dict[str, str]:
        """What a crisis match says of itself: told to by somebody, somebody else's words,
        or a past the writer ended; each with the softener it counts as beside the match."""
        if hit.spec.category != "crisis" or hit.negated:
            return {}
        marks = {}
        if self._told_to(tokens, hit):
            marks["told_to"] = "told_to"
        if self._told_of_another(tokens, hit):
            marks["told_of_another"] = "told_of_another"
        if self._ended_before(tokens, hit):
            marks["ended_act"] = "past"  # not "ended": every softener list's name is found
        return marks

    def _told_to(self, tokens: Sequence[_Token], hit: _Hit) -> bool:
        """Somebody else told the writer to do it: a third-person verb of telling at most
        _TOLD_WINDOW words before the match, and either a verb of commanding ("se käski mun
        tappaa itteni") or a "should" or an imperative between ("ne sano et mun pitäis tappaa
        itteni", "ne huutelee et mee hirteen"). The conventions label that bullying; the
        student is asked, the protocol does not start at once. Not the writer's own telling
        ("mä sanoin et…"), not the writer's own head ("mun pää sanoo et mun pitäis…") and not
        a threat ("isä sano et se tappaa mut": no "should")."""
        softeners = self._lexicon.softeners
        told = softeners.get("told_words", ())
        commands = softeners.get("told_commands", ())
        shoulds = softeners.get("told_shoulds", ())
        own_mind = softeners.get("told_own_mind", ())
        acts = softeners.get("told_acts", ())
        if not any(any(self._term_matches(t, tokens[k]) for t in acts) for k in hit.idx):
            return False  # what was told is not dying ("sano et mun pitää lähettää kuvia")
        first = hit.idx[0]
        for n in range(max(0, first - _TOLD_WINDOW), first):
            tok = tokens[n]
            is_command = any(self._term_matches(t, tok) for t in commands)
            if tok.hard or not (is_command or any(self._term_matches(t, tok) for t in told)):
                continue
            before = tokens[n - 1] if n > 0 else None
            if before is not None and (
                (before.subject and before.surface in _I)
                or any(self._term_matches(t, before) for t in own_mind)
            ):
                return False
            return is_command or any(
                any(self._term_matches(t, tokens[k]) for t in shoulds)
                for k in range(n + 1, hit.idx[-1] + 1)
            )
        return False

    def _told_of_another(self, tokens: Sequence[_Token], hit: _Hit) -> bool:
        """Somebody else's words about themselves: a third-person verb of telling at most
        _TOLD_WINDOW words before the match, a third-person subject or verb after it and no
        word for the writer ("mun sisko sano ettei se halua elää enää", "poikaystävä kertoi
        että haluaa kuolla"). Family words are not `other_person` on purpose ("veli sano et
        se hakkaa mut" is about the writer); the pronoun after the telling says who it is
        about. The writer is asked, the protocol does not start at once."""
        softeners = self._lexicon.softeners
        told = softeners.get("told_words", ())
        them = softeners.get("third_person", ())
        me = (*softeners.get("first_person", ()), *softeners.get("writer_self", ()))
        first, last = hit.span
        for n in range(max(0, first - _TOLD_WINDOW), first + 1):
            if tokens[n].hard or not any(self._term_matches(t, tokens[n]) for t in told):
                continue
            if n > 0 and tokens[n - 1].surface in _I:
                return False  # the writer telling: "mä sanoin et en halua elää"
            end = last
            while end + 1 < len(tokens) and end - last < _WRITER_WINDOW:
                if tokens[end + 1].hard or tokens[end + 1].breaker:
                    break
                end += 1
            start = n + 1
            if start < len(tokens) and tokens[start].surface in _TO_ME:
                start += 1  # told to the writer: "mun veli sano mulle et se haluu kuolla"
            reported = tokens[start : end + 1]  # the telling's own clause, "mun sisko" aside
            if any(
                tok.surface in _MY or any(self._term_matches(t, tok) for t in me)
                for tok in reported
            ):
                return False
            return any(
                tok.surface in _THEY or any(self._term_matches(t, tok) for t in them)
                for tok in reported
            )
        return False

    def _ended_before(self, tokens: Sequence[_Token], hit: _Hit) -> bool:
        """The writer ended it: a word of `ended` right before the match ("lopetin viiltelyn
        vuosi sitten", "oon lopettanu itsetuhoisen käytöksen"), a past that is over."""
        ended = self._lexicon.softeners.get("ended", ())
        first = hit.idx[0]
        return any(
            any(self._term_matches(t, tokens[n]) for t in ended)
            # not denied: "en oo vieläkään lopettanu viiltelyä" goes on
            and not any(tokens[k].neg for k in range(max(0, n - _ENDED_WINDOW - 1), n))
            for n in range(max(0, first - _ENDED_WINDOW), first)
            if not tokens[n].hard
        ) and not any(  # back again: "lopetin viiltelyn mut nyt aloitin taas"
            self._is_word(t, self._neg.relapse_words) for t in tokens
        )

    def _joke_denied(self, tokens: Sequence[_Token], i: int) -> bool:
        """A negative verb or an English "not" right before the joke word, or with only
        fillers between ("ei oo läppä", "en vitsillä", "ei tää oo mikään vitsi", "not even
        joking"). A negation of something else is not ("tää jono ei liiku 😂 jk")."""
        denials = self._lexicon.softeners.get("joke_denials", ())
        fillers = self._lexicon.softeners.get("joke_denial_fillers", ())
        j = i - 1
        while j >= 0 and any(self._term_matches(t, tokens[j]) for t in fillers):
            j -= 1
        return j >= 0 and (tokens[j].neg or any(self._term_matches(t, tokens[j]) for t in denials))

    def _writer_in_clause(self, tokens: Sequence[_Token], hit: _Hit) -> bool:
        """A first-person word in the matched words or near them in the same clause ("se
        pakotti mua", "pitäiskö mun tavata se"): the writer is part of what happened. "mun"
        right before a person word is not ("mun kaveri sanoo…"), nor a word in another clause
        ("…, miten mä autan sitä")."""
        first, last = hit.span
        terms = self._lexicon.softeners.get("first_person", ())
        others = self._lexicon.softeners.get("other_person", ())
        lo = first
        while lo > 0 and first - lo < _WRITER_WINDOW:
            before = tokens[lo - 1]
            if before.hard or (before.breaker and before.surface not in _SOFT_BREAKERS):
                break
            lo -= 1
        hi = last
        while hi + 1 < len(tokens) and hi - last < _WRITER_WINDOW:
            nxt = tokens[hi + 1]
            if nxt.hard or (nxt.breaker and nxt.surface not in _SOFT_BREAKERS):
                break
            hi += 1
        for n in range(lo, hi + 1):
            tok = tokens[n]
            if tok.surface in _MY:
                after = tokens[n + 1] if n + 1 < len(tokens) else None
                if after is None or not any(self._term_matches(t, after) for t in others):
                    return True
            elif any(self._term_matches(t, tok) for t in terms):
                return True
        return False

    def pattern_features(self, text: str) -> tuple[set[str], PatternView]:
        """The model's features of `text` and what the patterns found (for the model build)."""
        found = self._pattern_matches(text)
        return _features(text, found), self._view(found)

    def _view(self, found: _Found) -> PatternView:
        ids = self._school_ids, self._firm_ids
        return _view(found, *ids)

    def detect(self, text: str) -> CueResult:
        # Monotonic time only ages the cache; it decides nothing about a student.
        now = time.monotonic()
        cached = self._result_cache.get(text)
        if cached is not None and now - cached[0] < RESULT_CACHE_SECONDS:
            return cached[1]
        generation = self._forgotten
        result = self._detect(text)
        with self._cache_lock:
            if generation != self._forgotten or text in self._result_cache:
                return result
            # Oldest first (dicts keep insertion order): drop the expired, then make room.
            cache = self._result_cache
            while cache and (
                len(cache) >= RESULT_CACHE_SIZE
                or now - next(iter(cache.values()))[0] >= RESULT_CACHE_SECONDS
            ):
                del cache[next(iter(cache))]
            cache[text] = (now, result)
        return result

    def forget_results(self) -> None:
        """Drop everything kept from earlier texts (results quote what students wrote, and the
        word analyses hold their words), e.g. after an erasure."""
        with self._cache_lock:
            self._forgotten += 1
            self._result_cache.clear()
            self._analysis_cache.clear()

    def _detect(self, text: str) -> CueResult:
        found = self._pattern_matches(text)
        matches, view = found.matches, self._view(found)
        probs = None
        if self._model is not None:
            probs = self._model.probabilities(_features(text, found))
        decision = decide(view, probs, self._model.thresholds if self._model else None)
        if decision.by_model and decision.kind is not None:
            matches.append(_model_match(text, decision))
        matches.sort(key=lambda m: (m.negated, m.level != "yes", CATEGORIES.index(m.category)))
        detected = set(decision.categories)
        if decision.outcome == "yes" and decision.kind is not None:
            # Every safety kind a yes-level pattern found, and the deciding kind.
            detected |= view.yes_kinds | {decision.kind}
        return CueResult(
            categories=tuple(c for c in CATEGORIES if c in detected),
            matches=tuple(matches),
            crisis=decision.outcome,
            child_protection=(
                "child_protection" in detected
                if decision.outcome == "yes"
                else decision.outcome == "ask" and decision.kind == "child_protection"
            ),
            safety_probability=None if probs is None else probs["safety"],
        )


_TOLD_ABOUT = frozenset({"media", "past"})
# The lexicon's softener list that names each softener's own words (the other lists of a pair
# — third_person, now — only confirm it).
_SOFTENER_WORDS = {
    "joke": "joke_words",
    "media": "media",
    "other_person": "other_person",
    "other_self": "other_self",
    "accident": "accident",
    "worry": "worry",
    "past": "past",
    "told_to": "told_to",
    "told_of_another": "told_of_another",
}


@dataclass(frozen=True)
class _Found:
    """What the lexicon found in one message."""

    matches: list[CueMatch]
    lemmas: set[str]
    softeners: frozenset[str]
    # Softeners whose words stand only in sentences where no safety pattern matched.
    apart: frozenset[str]
    blocked: set[str]
    relapse: bool = False  # a safety match asked about only: a relapse or a condition


def _softeners(found: set[str]) -> frozenset[str]:
    """The softeners of a message from the softener words found in it."""
    softeners = set()
    if "joke_words" in found:
        softeners.add("joke")
    if "media" in found and "writer_abused" not in found:
        # A game or an app names where somebody found the writer ("se mies pelistä sano et
        # se hakee mut autolla"), not a story the writer tells.
        softeners.add("media")
    if {"other_person", "third_person"} <= found and not {
        "writer_takes_part",
        "writer_abused",
    } & found:
        # Somebody else's trouble — unless the writer takes part in what was found
        # ("se tyyppi pakotti mua", "sanoin kaverille et mä haluun kuolla") or is the one
        # abused ("se tyyppi hakee mut autolla ja sanoo ettei saa kertoa").
        softeners.add("other_person")
    if "other_self" in found and not {"writer_self", "writer_abused"} & found:
        # Somebody hurting themselves, whoever it is ("mun veli tekee ittelleen jotain").
        softeners.add("other_self")
    if "accident" in found:
        softeners.add("accident")
    if "worry" in found:
        softeners.add("worry")
    if "told_to" in found:
        softeners.add("told_to")
    if "told_of_another" in found:
        softeners.add("told_of_another")
    if {"past", "now"} <= found or "ended_act" in found:
        softeners.add("past")
    return frozenset(softeners)


def _view(
    found: _Found,
    school_ids: frozenset[str] = frozenset(),
    firm_ids: frozenset[str] = frozenset(),
) -> PatternView:
    matches, softeners, blocked = found.matches, found.softeners, found.blocked
    live = [m for m in matches if not m.negated]
    return PatternView(
        # A news item, a film or a past event is still only told about, not threatened.
        firm=any(m.pattern_id in firm_ids for m in live) and not softeners & _TOLD_ABOUT,
        school_categories=frozenset(
            m.category
            for m in live
            if m.pattern_id in school_ids and m.category not in SAFETY_CATEGORIES
        ),
        yes_kinds=frozenset(
            m.category for m in live if m.category in SAFETY_CATEGORIES and m.level == "yes"
        ),
        ask_kinds=frozenset(
            m.category for m in live if m.category in SAFETY_CATEGORIES and m.level == "ask"
        ),
        categories=frozenset(m.category for m in live if m.category not in SAFETY_CATEGORIES),
        softened=bool(softeners),
        negated_categories=frozenset({m.category for m in matches if m.negated} | blocked)
        - {m.category for m in live},
        negated_only=not any(m.category in SAFETY_CATEGORIES for m in live)
        and any(m.category in SAFETY_CATEGORIES and m.negated for m in matches),
        relapse=found.relapse,
        told_to="told_to" in softeners,
    )


def _features(text: str, found: _Found) -> set[str]:
    ids = {("n:" if m.negated else "p:") + m.pattern_id for m in found.matches}
    ids |= {"x:" + s for s in found.softeners}
    ids |= {"xf:" + s for s in found.apart}
    return features(text, found.lemmas, ids)


def _model_match(text: str, decision: Decision) -> CueMatch:
    """The model's decision shown like a match: the whole message is its evidence."""
    assert decision.kind is not None
    excerpt = _excerpt(text, 0, min(len(text), EXCERPT_CHARS))
    return CueMatch(
        category=decision.kind,
        pattern_id="model",
        evidence=excerpt,
        sentence=excerpt,
        negated=False,
        level="yes" if decision.outcome == "yes" else "ask",
    )


def _excerpt(sentence: str, start: int, end: int) -> str:
    """The sentence a match was found in, as a coach may be shown it: a long one is cut to
    the words around the match, and strings too long to be words become "…"."""
    if len(sentence) > EXCERPT_CHARS:
        left = max(0, start - EXCERPT_CHARS // 2)
        right = min(len(sentence), end + EXCERPT_CHARS // 2)
        sentence = (
            ("… " if left else "") + sentence[left:right] + (" …" if right < len(sentence) else "")
        )
    words = ["…" if len(w) > LONGEST_ANALYSED_WORD else w for w in sentence.split()]
    return " ".join(w for i, w in enumerate(words) if not (w == "…" and i and words[i - 1] == "…"))


def _resolve(hits: list[_Hit]) -> list[_Hit]:
    """Drop duplicate and absorbed hits.

    Within a category, overlapping hits collapse to one: a non-negated hit always beats a
    negated one (a wide negated match must never hide a real crisis), a "yes" beats an "ask",
    then the widest wins. A non-safety hit lying entirely inside a safety hit (crisis or child
    protection, level yes) is absorbed by it: "en jaksa enää elää" is crisis only, not also
    detachment ("en jaksa"). A positive hit sharing any word with a safety hit is absorbed too:
    "ois kiva vaan kadota" is not good news.
    """
    hits = sorted(
        hits,
        key=lambda h: (h.negated, h.level != "yes", -(h.span[1] - h.span[0]), h.span[0]),
    )
    kept: list[_Hit] = []
    for hit in hits:
        idx = set(hit.idx)
        if any(k.spec.category == hit.spec.category and idx & set(k.idx) for k in kept):
            continue
        if hit.spec.category not in SAFETY_CATEGORIES and any(
            k.spec.category in SAFETY_CATEGORIES
            and k.level == "yes"
            and (
                (k.span[0] <= hit.span[0] and hit.span[1] <= k.span[1])
                or (hit.spec.category == "positive" and idx & set(k.idx))
            )
            for k in kept
        ):
            continue
        kept.append(hit)
    return sorted(kept, key=lambda h: h.span[0])


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_default: CueDetector | None = None
_default_lock = threading.Lock()


def default_detector() -> CueDetector:
    """Process-wide detector over the base lexicon, loaded on first use."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = CueDetector.load()
    return _default


def forget_recent_texts() -> None:
    """The process-wide detector keeps no result of any text read before this call."""
    if _default is not None:
        _default.forget_results()
