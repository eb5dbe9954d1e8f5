"""A small linear classifier beside the lexicon patterns (runtime side).

Why: patterns are precise but only catch the wordings someone thought of; students write in
many more ways (spoken forms, typos, learners' Finnish, English mixed in, methods without the
word "suicide"). A logistic-regression model over character n-grams, words, the lexicon's
lemmas (alone and in pairs) and the patterns that fired generalises to nearby wordings. It is
trained at build time (`python -m bot.risk.build_model`) on the committed labelled messages
and shipped as package data (data/cue_model.json: the vocabulary and float32 weights); at run
time it is a sparse dot product in plain Python (numpy only trains it, so the bot does not
load numpy at start): no download, no extra dependency, well under a millisecond per message.

How the detector uses it (bot.risk.cues): the model's safety probability turns "no" into
"ask" (and a very confident one into "yes"), and can turn a pattern's "yes" down to "ask" when
the message looks like the hard negatives it was trained on (a friend's worry, a film, a joke).
For the everyday categories a pattern hit needs the model's agreement and a confident model
alone adds a category. The thresholds are chosen by cross-validation at build time and stored
with the weights.
"""

from __future__ import annotations

import base64
import itertools
import json
import math
import re
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.risk.lexicon import DATA_DIR

MODEL_PATH = DATA_DIR / "cue_model.json"

# Outputs of the model: the safety target (gold_crisis: crisis or child protection) first,
# then one per category.
SAFETY_OUTPUT = "safety"

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_TRIPLE = re.compile(r"(\w)\1{2,}")
_SYMBOL = re.compile(r"[^\w\s]", re.UNICODE)
CHAR_NGRAMS = (3, 4, 5)
LONGEST_WORD = 60
# Lemmas too common to pair: pronouns, "olla", conjunctions and fillers.
_FUNCTION_LEMMAS = frozenset(
    {"minä", "sinä", "hän", "se", "ne", "tämä", "tää", "olla", "on", "ja", "et", "ku", "kun",
     "mutta", "vaan", "jos", "joka", "mikä", "mitä", "niin", "nyt", "ihan", "tosi", "paljon"}
)  # fmt: skip


def features(text: str, lemmas: Iterable[str], patterns: Iterable[str]) -> set[str]:
    """The feature strings of one message.

    `lemmas` are the lexicon lemmas the detector recognised in it; `patterns` the lexicon
    entries that fired, as "p:<id>" (or "n:<id>" when negated) — both come from the detector,
    so the model sees Finnish inflection through the compiled lemma table.
    """
    low = _TRIPLE.sub(r"\1\1", text.lower())
    # A "word" longer than any real one is a pasted string: no features (as in the lexicon).
    words = [w for w in _WORD.findall(low) if len(w) <= LONGEST_WORD]
    out: set[str] = {"bias"}
    for w in words:
        out.add("w:" + w)
        padded = f" {w} "
        for n in CHAR_NGRAMS:
            if len(padded) < n:
                continue
            for i in range(len(padded) - n + 1):
                out.add("c:" + padded[i : i + n])
    for a, b in itertools.pairwise(words):
        out.add(f"b:{a} {b}")
    for sym in _SYMBOL.findall(low):
        if not sym.isascii() or sym in "!?":
            out.add("s:" + sym)
    known = sorted(set(lemmas))
    out.update("l:" + x for x in known)
    # Pairs of the lexicon's lemmas in one message: a wish and an end ("haluta" + "kuolla"),
    # a method and an intent, whatever the words between them and however they are inflected.
    # ("L:" for a pair beside "l:" for one lemma.)
    content = [x for x in known if x not in _FUNCTION_LEMMAS]
    out.update(f"L:{a}|{b}" for a, b in itertools.combinations(content, 2))
    out.update(patterns)
    return out


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds on the model's probabilities (chosen by cross-validation)."""

    ask: float  # safety probability from which "no" becomes "ask"
    yes: float  # safety probability from which the model alone says "yes"
    veto: float  # a pattern's "yes" with a safety probability below this becomes "ask"
    # Per category, because the patterns are not equally precise: a bullying pattern
    # ("koulukiusaaminen") is nearly always right, a positive one ("kiva") often is not.
    cat_confirm: Mapping[str, float]  # a pattern hit needs at least this probability
    cat_alone: Mapping[str, float]  # the model alone adds the category from this probability
    # A pattern's "ask" with a safety probability below this is not asked about: the model,
    # reading the whole message, is sure it is harmless ("köysi kiipeilyyn", "hyvästit
    # vaihtarille"). Chosen so that no crisis message out of fold is lost (decide.py).
    ask_veto: float = 0.0
    # A pattern hit in a softened message (a film, homework, a friend, the past) needs at least
    # this; empty in models built before the split, which used cat_confirm for both.
    cat_confirm_softened: Mapping[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {
            "ask": self.ask,
            "yes": self.yes,
            "veto": self.veto,
            "cat_confirm": dict(sorted(self.cat_confirm.items())),
            "cat_alone": dict(sorted(self.cat_alone.items())),
            "ask_veto": self.ask_veto,
            "cat_confirm_softened": dict(sorted(self.cat_confirm_softened.items())),
        }


@dataclass(frozen=True)
class _Vocabulary:
    """Feature string -> weights row, held as sorted 64-bit hashes instead of a dict of strings.

    Why: the model has over 100,000 features, and a dict of their strings (with an int object
    per row) kept 15 MB resident, a tenth of the bot's 150 MB (issue 22: a whole school on the
    smallest VM). The hashes and rows take 1.4 MB. `hash()` is salted per process, so they
    are computed at load time. Two vocabulary features with one hash (about one process start
    in a billion) are kept in a small dict; an unknown feature that shares a known one's hash
    (about 10^-12 per message) would be read as that feature."""

    hashes: array[int]  # sorted
    rows: array[int]  # rows[i] is the weights row of hashes[i]
    collided: dict[str, int]

    @classmethod
    def build(cls, features: Sequence[str]) -> _Vocabulary:
        keys = [hash(f) for f in features]
        order = sorted(range(len(keys)), key=keys.__getitem__)
        shared = {keys[a] for a, b in itertools.pairwise(order) if keys[a] == keys[b]}
        unique = [row for row in order if keys[row] not in shared] if shared else order
        return cls(
            hashes=array("q", (keys[row] for row in unique)),
            rows=array("I", unique),
            collided={f: row for row, f in enumerate(features) if keys[row] in shared},
        )

    def row(self, feature: str) -> int | None:
        if self.collided and feature in self.collided:
            return self.collided[feature]
        h = hash(feature)
        i = bisect_left(self.hashes, h)
        if i < len(self.hashes) and self.hashes[i] == h:
            return self.rows[i]
        return None


@dataclass(frozen=True)
class CueModel:
    vocabulary: _Vocabulary
    weights: array[float]  # float32, row-major (features x outputs)
    outputs: tuple[str, ...]
    thresholds: Thresholds
    source_sha256: str

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> CueModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = array("f")
        weights.frombytes(base64.b64decode(data.pop("weights_f32_le")))
        if sys.byteorder == "big":
            weights.byteswap()
        vocab = data.pop("vocabulary")
        outputs = tuple(data["outputs"])
        if len(weights) != len(vocab) * len(outputs):
            raise ValueError(f"{path}: weights do not match the vocabulary")
        return cls(
            vocabulary=_Vocabulary.build(vocab),
            weights=weights,
            outputs=outputs,
            thresholds=Thresholds(**data["thresholds"]),
            source_sha256=str(data["source_sha256"]),
        )

    def probabilities(self, feats: Iterable[str]) -> dict[str, float]:
        k = len(self.outputs)
        row = self.vocabulary.row
        idx = [i for f in feats if (i := row(f)) is not None]
        if not idx:
            return dict.fromkeys(self.outputs, 0.0)
        z = [0.0] * k
        w = self.weights
        for i in idx:
            base = i * k
            for j in range(k):
                z[j] += w[base + j]
        scale = 1.0 / math.sqrt(len(idx))
        return {
            name: 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, v * scale))))
            for name, v in zip(self.outputs, z, strict=True)
        }


def save_model(
    path: Path,
    vocabulary: Sequence[str],
    weights: Any,  # numpy array (features x outputs); numpy is only needed to build
    outputs: Sequence[str],
    thresholds: Thresholds,
    source_sha256: str,
) -> None:
    flat = array("f", (float(x) for x in weights.astype("<f4").ravel()))
    if sys.byteorder == "big":
        flat.byteswap()
    data = {
        "format": 1,
        "outputs": list(outputs),
        "thresholds": thresholds.to_json(),
        "source_sha256": source_sha256,
        "vocabulary": list(vocabulary),
        "weights_f32_le": base64.b64encode(flat.tobytes()).decode("ascii"),
    }
    path.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
