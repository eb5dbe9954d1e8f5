"""Compile the cue lexicon's inflection table from simplemma's Finnish dictionary.

simplemma's Finnish data costs ~340 MB RSS once loaded, more than the whole bot may use. The
detector only needs the inflected forms of the few hundred lemmas its lexicon mentions, so this
build step (run by a developer, not by the bot) collects exactly those forms, adds spoken
variants (haluun, miettiny, itsetuhosia, kipeenä...) and the lexicon's own `forms:` entries, and
writes bot/risk/data/fi_forms.json. At run time the detector reads only that file.

    python -m bot.risk.build_lexicon            # rebuild fi_forms.json
    python -m bot.risk.build_lexicon --check    # exit 1 if fi_forms.json is stale
    python -m bot.risk.build_lexicon --lexicon school.yaml --out school.forms.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from bot.risk.lexicon import (
    BASE_LEXICON_PATH,
    FORMS_PATH,
    TYPO_MIN_LEN,
    Lexicon,
    edits1,
    load_lexicon,
    source_digest,
)

# Bump when the variant rules or the output layout change: stored in the compiled file so that
# --check notices a table built by older rules.
BUILDER_VERSION = "4"
FORMAT = 1

# A lemma that looks like a Finnish verb infinitive (1st infinitive endings).
_VERB_LEMMA = re.compile(r"(?:[aeiouyäö][aä]|[dt][aä]|ll[aä]|nn[aä]|rr[aä]|st[aä])$")
# Personal endings of finite forms: 1sg -n, 2sg -t, 1pl -mme, 2pl -tte, 3pl -vat/-vät.
_PERSONAL = re.compile(r"(?:[aeiouyäö]n|mme|tte|v[aä]t|[aeiouyäö]t)$")
# ...but not participles (-nut/-nyt/-llut), the 3rd infinitive (-maan) or -neen.
_NOT_FINITE = re.compile(r"(?:[nlrs][uy]t|m[aä][aä]n|neen|[aä]en|ut|yt)$")
# Non-finite verb forms that stay inside a negated clause: participles (written and spoken),
# 2nd/3rd infinitives, agent participle. "en oo AJATELLU", "en jaksa MENNÄ", "en oo MENOSSA".
_NON_FINITE_VERB = re.compile(
    r"(?:[nlrs][uy]t?|[nlrs]ee[ts]?|tt?[uy]|tt?[uy]j[aä]|tt?[uy][aä]|v[aä]|v[aä][aä]|m[aä]|"
    r"m[aä][aä]n|m[aä]ss[aä]|m[aä]st[aä]|m[aä]ll[aä]|m[aä]tt[aä]|m[aä]ton|m[aä]t[oö]n|"
    r"ess[aä]|[aäe]en|kse[en]n?|ksee[ns])$"
)


def _spoken_rules() -> list[Callable[[str], str]]:
    """Regular spoken-Finnish / chat spellings, applied to dictionary forms."""

    def sub(pattern: str, repl: str) -> Callable[[str], str]:
        rx = re.compile(pattern)
        return lambda w: rx.sub(repl, w)

    return [
        sub(r"([nlrs])([uy])t$", r"\1\2"),  # miettinyt -> miettiny, ajatellut -> ajatellu
        sub(r"isi$", "is"),  # pitäisi -> pitäis (conditional)
        sub(r"ksi$", "ks"),  # yksinäiseksi -> yksinäiseks
        sub(r"ss([aä])$", "s"),  # koulussa -> koulus
        sub(r"uaa$", "uu"),  # haluaa -> haluu
        sub(r"yää$", "yy"),
        sub(r"([uyoöie])([aä])n$", r"\1\1n"),  # haluan -> haluun, kipeän -> kipeen
        sub(r"e[aä]", "ee"),  # vaikea -> vaikee, kipeänä -> kipeenä
        sub(r"o[aä]", "oo"),
        sub(r"i([aä])$", "ii"),  # tuntia -> tuntii, itsaria -> itsarii
        sub(r"u([aä])$", "uu"),  # halua -> haluu
        sub(r"y([aä])$", "yy"),
        sub(r"ua(?=t$)", "uu"),  # haluat -> haluut
        sub(r"ts", "tt"),  # itse -> itte
        sub(r"ois(?=[aeiouyäö])", "os"),  # itsetuhoisia -> itsetuhosia
        sub(r"äis(?=[aeiouyäö])", "äs"),
    ]


def spoken_variants(form: str) -> set[str]:
    """Forms reachable with up to two spoken-language rewrites."""
    rules = _spoken_rules()
    out: set[str] = set()
    frontier = {form}
    for _ in range(2):
        nxt: set[str] = set()
        for word in frontier:
            for rule in rules:
                variant = rule(word)
                if variant != word and variant not in out and len(variant) >= 2:
                    nxt.add(variant)
        out |= nxt
        frontier = nxt
    out.discard(form)
    return out


def _is_finite(form: str, lemma: str) -> bool:
    return (
        len(lemma) >= 4
        and form != lemma
        and _VERB_LEMMA.search(lemma) is not None
        and _PERSONAL.search(form) is not None
        and _NOT_FINITE.search(form) is None
    )


def _load_simplemma() -> tuple[Mapping[bytes, bytes], str]:
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import (
        _load_dictionary_from_disk,
    )

    version = str(getattr(simplemma, "__version__", "unknown"))
    # The raw bytes->bytes dict: iterating it is much faster than the str-decoding wrapper.
    return _load_dictionary_from_disk("fi"), version


def collect_forms(
    lexicon: Lexicon, dictionary: Mapping[bytes, bytes]
) -> tuple[dict[str, set[str]], set[str], set[str], set[str]]:
    """Map each needed lemma to its surface forms.

    Also returns the finite forms (personal endings), all finite-looking verb forms (for
    negation scope) and the lemmas the dictionary does not know.
    """
    needed = lexicon.lemma_terms() | {lemma for lems in lexicon.forms.values() for lemma in lems}
    needed_b = {lemma.encode() for lemma in needed}
    by_lemma: dict[str, set[str]] = {lemma: {lemma} for lemma in needed}
    for form_b, lemma_b in dictionary.items():
        # Some dictionary lemmas carry a stray trailing dot ("paras." for "parasta").
        lemma_b = lemma_b.rstrip(b".")
        if lemma_b in needed_b:
            form = form_b.decode().lower()
            if form.isalpha() or "-" in form:
                by_lemma[lemma_b.decode()].add(form)

    dict_forms: dict[str, set[str]] = {lemma: set(f) for lemma, f in by_lemma.items()}
    for lemma, forms in dict_forms.items():
        for form in forms:
            for variant in spoken_variants(form):
                other = dictionary.get(variant.encode())
                # A variant that is a real word of another lemma would create a false match
                # (e.g. a rewrite landing on an unrelated noun): keep only unambiguous ones.
                if other is None or other.rstrip(b".").decode() == lemma:
                    by_lemma[lemma].add(variant)

    for surface, lemmas in lexicon.forms.items():
        for lemma in lemmas:
            by_lemma.setdefault(lemma, {lemma}).add(surface)

    finite = {
        form for lemma, forms in by_lemma.items() for form in forms if _is_finite(form, lemma)
    }
    verb_forms = {
        form
        for lemma, forms in by_lemma.items()
        if len(lemma) >= 4 and _VERB_LEMMA.search(lemma)
        for form in forms
        if form != lemma and not _NON_FINITE_VERB.search(form)
    }
    # Explicit slang finite forms that the suffix heuristic misses.
    finite |= {f for f in lexicon.forms if f in {"oon", "oot", "tuun", "tuut", "meen", "meet"}}
    unknown = {lemma for lemma in needed if len(dict_forms.get(lemma, ())) <= 1}
    return by_lemma, finite, verb_forms, unknown


def real_word_neighbours(
    lexicon: Lexicon, by_lemma: Mapping[str, Iterable[str]], dictionary: Mapping[bytes, bytes]
) -> set[str]:
    """Real words one edit away from a typo-tolerant form: never to be read as a typo.

    Without this, "kuulla" (to hear) would be taken for a typo of "kuolla" (to die).
    """
    blocked: set[str] = set()
    for lemma in lexicon.typo_lemmas():
        own = {lemma}
        for form in by_lemma.get(lemma, ()):
            for variant in edits1(form):
                if len(variant) < TYPO_MIN_LEN:
                    continue
                other = dictionary.get(variant.encode())
                if other is not None and other.rstrip(b".").decode() not in own:
                    blocked.add(variant)
    return blocked


def render(
    by_lemma: Mapping[str, Iterable[str]],
    finite: Iterable[str],
    verb_forms: Iterable[str],
    not_typos: Iterable[str],
    *,
    source_sha256: str,
    simplemma_version: str,
) -> str:
    """Deterministic JSON, one lemma per line so diffs stay readable."""
    head: dict[str, Any] = {
        "format": FORMAT,
        "builder": BUILDER_VERSION,
        "source_sha256": source_sha256,
        "simplemma": simplemma_version,
    }
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},")
    lines.append(f'  "finite": {json.dumps(sorted(set(finite)), ensure_ascii=False)},')
    lines.append(f'  "verb_forms": {json.dumps(sorted(set(verb_forms)), ensure_ascii=False)},')
    lines.append(f'  "not_typos": {json.dumps(sorted(set(not_typos)), ensure_ascii=False)},')
    lines.append('  "lemmas": {')
    items = sorted((lemma, sorted(set(forms))) for lemma, forms in by_lemma.items())
    for i, (lemma, forms) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(
            f"    {json.dumps(lemma, ensure_ascii=False)}: "
            f"{json.dumps(forms, ensure_ascii=False)}{comma}"
        )
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def build(lexicon_path: Path) -> tuple[str, set[str]]:
    lexicon = load_lexicon([lexicon_path])
    dictionary, version = _load_simplemma()
    by_lemma, finite, verb_forms, unknown = collect_forms(lexicon, dictionary)
    not_typos = real_word_neighbours(lexicon, by_lemma, dictionary)
    text = render(
        by_lemma,
        finite,
        verb_forms,
        not_typos,
        source_sha256=source_digest(lexicon_path),
        simplemma_version=version,
    )
    return text, unknown


def check(lexicon_path: Path, out_path: Path, *, full: bool) -> list[str]:
    """Problems that make `out_path` stale for `lexicon_path` (empty list = in sync)."""
    if not out_path.exists():
        return [f"{out_path} does not exist"]
    try:
        stored = json.loads(out_path.read_text(encoding="utf-8"))
    except ValueError as exc:
        return [f"{out_path} is not valid JSON: {exc}"]
    problems: list[str] = []
    if stored.get("format") != FORMAT or stored.get("builder") != BUILDER_VERSION:
        problems.append("built by another version of build_lexicon")
    if stored.get("source_sha256") != source_digest(lexicon_path):
        problems.append(f"{lexicon_path.name} changed since the table was built")
    if problems or not full:
        return problems
    # Full rebuild only when the same simplemma is installed: another version's dictionary may
    # legitimately produce a slightly different table.
    try:
        import simplemma
    except ImportError:
        return problems
    if str(getattr(simplemma, "__version__", "")) != stored.get("simplemma"):
        return problems
    text, _ = build(lexicon_path)
    if text != out_path.read_text(encoding="utf-8"):
        problems.append("a rebuild differs from the committed table")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.risk.build_lexicon", description=__doc__)
    parser.add_argument("--lexicon", type=Path, default=BASE_LEXICON_PATH)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the table is stale")
    parser.add_argument(
        "--fast", action="store_true", help="with --check: compare hashes only, no rebuild"
    )
    args = parser.parse_args(argv)
    lexicon_path: Path = args.lexicon
    out_path: Path = args.out or (
        FORMS_PATH if lexicon_path == BASE_LEXICON_PATH else lexicon_path.with_suffix(".forms.json")
    )
    if args.check:
        problems = check(lexicon_path, out_path, full=not args.fast)
        for problem in problems:
            print(f"stale: {problem}", file=sys.stderr)
        if problems:
            print("run: python -m bot.risk.build_lexicon", file=sys.stderr)
            return 1
        print(f"{out_path.name} is in sync with {lexicon_path.name}")
        return 0
    text, unknown = build(lexicon_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(text, encoding="utf-8")
    data = json.loads(text)
    n_forms = sum(len(v) for v in data["lemmas"].values())
    print(f"wrote {out_path}: {len(data['lemmas'])} lemmas, {n_forms} forms, {len(text)} bytes")
    if unknown:
        # Not an error: prefix/suffix terms and explicit forms may cover them, but a typo in a
        # lemma shows up here.
        print("lemmas with no dictionary forms: " + ", ".join(sorted(unknown)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
