"""How the lexicon patterns and the model's probabilities make one decision.

Shared by the detector (bot.risk.cues) and the model build (bot.risk.build_model), which
chooses the thresholds on cross-validated probabilities with exactly this rule.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from bot.risk.lexicon import CATEGORY_ORDER, SAFETY_CATEGORIES
from bot.risk.model import SAFETY_OUTPUT, Thresholds

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from bot.risk.build_model import Example

Outcome = Literal["yes", "ask", "no"]
OTHER_CATEGORIES = tuple(c for c in CATEGORY_ORDER if c not in SAFETY_CATEGORIES)

# Limits the thresholds are chosen under (issue 15 asks ≤ 3 % and ≤ 10 % on unseen messages;
# a margin is kept because cross-validated figures flatter a little).
MAX_FALSE_YES = 0.02
# ... and on every author's messages together (hard negatives included), a pattern's "yes" the
# model finds unlikely is asked about instead, until false "yes" stays within 2 %: the issue
# allows 3 % on unseen messages, and on the sets fresh authors wrote for evaluation only, the
# session-9 build made 1.1 to 2.0 times (1.5 on average) its out-of-fold false "yes"
# (bench/README.md, session 10). A vetoed "yes" is still asked about, never dropped. Session
# 20 lowered it from 2 % to 1.8 %: at 2 % the chooser took a veto of 0.05 (1.9 % out of fold)
# and two fresh unseen sets came in at 3.5 and 3.0 %; at 0.1 (1.6 % out of fold) they gave
# 2.9 and 2.5 % for 0.004 less "yes" alone on one of them.
MAX_FALSE_YES_ALL = 0.018
VETOES = (0.0, 0.05, 0.1, 0.2, 0.3)
ASK_VETOES = (0.0, 0.005, 0.01, 0.02, 0.03, 0.05)
MAX_FALSE_ASK = 0.07
MIN_CAT_ALONE = 0.6
# The model alone starts the crisis protocol only when very sure, and never on a softened
# message. With weak regularisation the model's probabilities are bolder: held out one author
# at a time, 0.9 keeps the model's own false "yes" under 1 % of the other messages
# (bench/README.md).
MODEL_YES_FLOOR = 0.9
# ... and asks only when it reads a crisis as more likely than not. On 21,919 messages the
# development part allowed 0.45, and at 0.45 a returning student's "Hei taas" was asked
# whether they are safe: with few words, one common word ("taas") carries the message.
MODEL_ASK_FLOOR = 0.5
# A pattern's "ask" the model finds this unlikely is not asked about, as long as no more than
# one crisis message in a thousand out of fold goes unasked for it. On session 13's
# out-of-fold predictions a veto of 0.05 instead of 0.01 dropped the question for 215 more of
# the 15,531 other messages (1.4 %) and for 5 of the 9,096 crisis messages; the questions it
# saves are spent on the model's `suspicion`, which caught 75 more crisis messages at 62.
MAX_ASK_VETO_LOSS = 0.001
# ... except about danger at home: a parent's threat said lightly ("mutsi tappaa mut jos se
# näkee tän todistuksen") is where a real one hides. There the veto stays at most 0.01, the
# one that lost no crisis message out of fold in sessions 9 to 13; on session 14's, 0.05
# would have saved only 9 questions there and lost a grooming message.
HOME_ASK_VETO = 0.01
# A wide pattern fired and the model, reading the whole message, is fairly sure: the protocol
# starts at once. On session 14's out-of-fold predictions 0.8 instead of the model-alone 0.9
# gave 170 more of the 9,456 crisis messages the protocol at once (yes alone 0.763 -> 0.781)
# for 14 more false "yes" among 15,912 other messages (1.65 -> 1.74 %); on session 15's unseen
# set it added 3 crisis messages and no false "yes".
PATTERN_YES = 0.8


@dataclass(frozen=True)
class PatternView:
    """What the lexicon found, reduced to what the decision needs."""

    yes_kinds: frozenset[str]  # safety categories with a non-negated level-yes match
    ask_kinds: frozenset[str]  # safety categories with a non-negated level-ask match
    categories: frozenset[str]  # other categories with a non-negated match
    # A joke, a film/game/news item or somebody else's trouble: a safety pattern's "yes" is
    # only a possible crisis, weighed like an ask-level match, and the model alone asks at most.
    softened: bool = False
    # Only negated safety matches ("en oo ikinä miettiny itsaria"): the student's own words
    # deny it, and the model (which reads the words, not the negation) does not ask alone.
    negated_only: bool = False
    # Categories found only negated ("ei ollu kiva päivä"): the model may not add them alone.
    negated_categories: frozenset[str] = frozenset()
    # Other categories a school's own pattern found: kept without the model's confirmation.
    school_categories: frozenset[str] = frozenset()
    # A firm "yes" (lexicon `firm: true`, a threat to attack the school) not told about as
    # news, fiction or the past: the protocol starts whoever writes it and however lightly.
    firm: bool = False
    # A denied match that a relapse follows ("en oo viiltelly kuukauteen mut tänään tein
    # taas"): asked about, never "yes" at once — the model does not see the denial.
    relapse: bool = False
    # Somebody else told the writer to die ("ne sano et mun pitäis tappaa itteni"): bullying
    # by the conventions, but the student is always asked whether they are safe.
    told_to: bool = False


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    kind: str | None  # "crisis" or "child_protection" when the outcome is yes or ask
    categories: frozenset[str]  # non-safety categories
    by_model: bool  # the model (not a pattern) made the outcome


def suspicion(probs: Mapping[str, float]) -> float:
    """How likely the model alone finds a crisis: the safety output (any crisis kind), moved
    halfway towards the likelier kind's own output when that one is surer. The kind outputs
    are trained on narrower targets and catch what the safety output dilutes, but alone they
    are noisier: the child-protection output gave "mua pelottaa koe" 0.58. On session 13's
    out-of-fold predictions, asking from 0.5 on this caught 75 of the 469 crisis messages the
    safety output alone let pass, at 62 more questions among 15,531 other messages; lowering
    the safety output's own threshold to 0.45 caught 65 at 95."""
    s = probs[SAFETY_OUTPUT]
    kind = max(probs.get("crisis", 0.0), probs.get("child_protection", 0.0))
    return max(s, (s + kind) / 2)


def _kind(view: PatternView, probs: Mapping[str, float]) -> str:
    return (
        "child_protection"
        if probs.get("child_protection", 0.0) > probs.get("crisis", 0.0)
        else "crisis"
    )


def decide(view: PatternView, probs: Mapping[str, float] | None, th: Thresholds | None) -> Decision:
    """yes / ask / no for one message. A pattern says "yes" (the crisis protocol at once);
    the model alone says "yes" only when very sure (MODEL_YES_FLOOR) and nothing softens the
    message. What it merely suspects is asked about — "when unsure, check with the student"
    — and it can turn a pattern's "yes" into "ask"."""
    if probs is None or th is None:
        # Patterns only (no model shipped, or a school running without it).
        if view.firm:
            return Decision("yes", "crisis", view.categories, False)
        if view.yes_kinds:
            kind = "crisis" if "crisis" in view.yes_kinds else "child_protection"
            return Decision("ask" if view.softened else "yes", kind, view.categories, False)
        if view.ask_kinds:
            kind = "crisis" if "crisis" in view.ask_kinds else "child_protection"
            return Decision("ask", kind, view.categories, False)
        return Decision("no", None, view.categories, False)
    s = probs[SAFETY_OUTPUT]
    # Models built before the split have no softened thresholds: theirs confirms both.
    confirm = {
        c: th.cat_confirm_softened.get(c, th.cat_confirm[c]) if view.softened else th.cat_confirm[c]
        for c in view.categories
    }
    cats = frozenset(
        c
        for c in OTHER_CATEGORIES
        if c in view.school_categories
        or (c in view.categories and probs[c] >= confirm[c])
        or (probs[c] >= th.cat_alone[c] and c not in view.negated_categories)
    )
    if view.firm:
        # The model learned that somebody else's words are rarely the writer's danger; a
        # classmate's threat to shoot at school is the school's danger all the same.
        return Decision("yes", "crisis", cats, False)
    if view.yes_kinds and not view.softened and s >= th.veto:
        kind = "crisis" if "crisis" in view.yes_kinds else "child_protection"
        return Decision("yes", kind, cats, False)
    if view.yes_kinds and not view.softened:
        kind = "crisis" if "crisis" in view.yes_kinds else "child_protection"
        return Decision("ask", kind, cats, False)
    if view.yes_kinds and (s >= th.ask / 2 or view.told_to):
        kind = "crisis" if "crisis" in view.yes_kinds else "child_protection"
        return Decision("ask", kind, cats, False)
    ask_veto = (
        min(th.ask_veto, HOME_ASK_VETO) if "child_protection" in view.ask_kinds else th.ask_veto
    )
    if view.ask_kinds and s >= ask_veto:
        kind = "crisis" if "crisis" in view.ask_kinds else "child_protection"
        # A wide pattern fired and the model, reading the whole message, is fairly sure: the
        # pattern adds evidence, it must not hold the protocol back.
        sure = s >= min(th.yes, PATTERN_YES)
        outcome: Outcome = "yes" if sure and not (view.softened or view.relapse) else "ask"
        return Decision(outcome, kind, cats, outcome == "yes")
    if view.negated_only:
        # The student's own words deny it ("en mä halua kuolla"): no question (the match is
        # kept as a negated cue hit) — the model reads the words but not the negation. Unless
        # the model is sure of a crisis: then the denial may be of a detail, not of the act
        # ("en viillä syvälle, vaa sen verran et tuntuu jotain"), and the student is asked.
        # Danger at home denied ("ei se isä lyö mua enää") stays denied: out of fold those
        # were the false questions.
        if s >= th.yes and _kind(view, probs) == "crisis":
            return Decision("ask", "crisis", cats, True)
        return Decision("no", None, cats, False)
    if s >= th.yes and not view.softened:
        return Decision("yes", _kind(view, probs), cats, True)
    if suspicion(probs) >= th.ask:
        return Decision("ask", _kind(view, probs), cats, True)
    return Decision("no", None, cats, False)


def choose_ask_veto(
    examples: Sequence[Example],
    views: Sequence[PatternView],
    probs: npt.NDArray[np.float64],
    outputs: Sequence[str],
) -> float:
    """The largest ask veto at which at most MAX_ASK_VETO_LOSS of the crisis messages out of
    fold go unasked that a veto of 0 would ask about.

    Ask-level patterns are wide on purpose (a rope, a bridge, "lopullisesti"); on the
    out-of-fold predictions a veto of 0.01 dropped a tenth of the false questions and no
    crisis (bench/README.md, session 9)."""
    no_cats = dict.fromkeys(OTHER_CATEGORIES, 1.0)
    rows = [dict(zip(outputs, map(float, p), strict=True)) for p in probs]
    crisis = [
        (view, pr)
        for e, view, pr in zip(examples, views, rows, strict=True)
        if SAFETY_OUTPUT in e.labels
    ]

    def caught(ask_veto: float) -> int:
        th = Thresholds(0.5, MODEL_YES_FLOOR, 0.0, no_cats, no_cats, ask_veto)
        return sum(decide(view, pr, th).outcome != "no" for view, pr in crisis)

    everything = caught(0.0)
    allowed = MAX_ASK_VETO_LOSS * len(crisis)
    return max(v for v in ASK_VETOES if everything - caught(v) <= allowed)


def choose_thresholds(
    examples: Sequence[Example],
    views: Sequence[PatternView],
    probs: npt.NDArray[np.float64],
    outputs: Sequence[str],
    ask_veto: float = 0.0,
) -> Thresholds:
    """Safety thresholds from out-of-fold probabilities: the highest recall (yes or ask, then
    yes alone) within the false-alarm limits. The category ones are placeholders here
    (choose_category_thresholds). (Build time only: the detector never imports numpy.)"""
    import numpy as np

    no_cats = dict.fromkeys(OTHER_CATEGORIES, 1.0)

    rows = [dict(zip(outputs, map(float, p), strict=True)) for p in probs]
    gold = [SAFETY_OUTPUT in e.labels for e in examples]
    n_pos = sum(gold) or 1
    n_neg = (len(gold) - sum(gold)) or 1
    grid = [round(float(x), 2) for x in np.arange(0.05, 1.0, 0.05)]
    # Within the limits: the highest recall (yes or ask), then the highest "yes" recall. If no
    # setting keeps within the limits, the one that exceeds them least.
    best: tuple[tuple[float, float, float], Thresholds] | None = None
    # The veto stays small: a clear pattern ("haluun kuolla") must not be argued away, and a
    # vetoed "yes" is still asked about.
    for ask, yes, veto in itertools.product(grid, grid, VETOES[:3]):
        if yes <= ask or yes < MODEL_YES_FLOOR or ask < MODEL_ASK_FLOOR:
            continue
        th = Thresholds(ask, yes, veto, no_cats, no_cats, ask_veto)
        hit = hit_yes = false_yes = false_ask = 0
        for g, view, pr in zip(gold, views, rows, strict=True):
            out = decide(view, pr, th).outcome
            if g:
                hit += out != "no"
                hit_yes += out == "yes"
            else:
                false_yes += out == "yes"
                false_ask += out == "ask"
        excess = max(0.0, false_yes / n_neg - MAX_FALSE_YES) * 3 + max(
            0.0, false_ask / n_neg - MAX_FALSE_ASK
        )
        key = (-excess, hit / n_pos, hit_yes / n_pos)
        if best is None or key > best[0]:
            best = (key, th)
    assert best is not None
    return best[1]


def choose_category_thresholds(
    examples: Sequence[Example],
    views: Sequence[PatternView],
    probs: npt.NDArray[np.float64],
    outputs: Sequence[str],
) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Per category, the (confirm, confirm when softened, alone) thresholds with the best F1
    on out-of-fold probabilities.

    A pattern's match in a softened message (a film, homework, a friend's trouble, the past:
    "esitelmä koulukiusaamisesta") is right far less often than in a plain one (bullying,
    session 11: 15 % against 83 % of the training messages), so the model confirms the two
    apart; with one threshold for both, the plain matches paid for the softened ones and
    "koulukiusaamista on ollu jo vuoden" went unread. The model alone adds a category only
    when fairly sure: short messages have few features and a middling probability on them is
    noise ("ope valvoo koetta" is not about sleep)."""
    import numpy as np

    grid = [round(float(x), 2) for x in np.arange(0.05, 1.0, 0.05)]
    softened = np.array([v.softened for v in views])
    confirm: dict[str, float] = {}
    confirm_softened: dict[str, float] = {}
    alone: dict[str, float] = {}
    for cat in OTHER_CATEGORIES:
        p = probs[:, list(outputs).index(cat)]
        gold = np.array([cat in e.labels for e in examples])
        hit = np.array([cat in v.categories for v in views])
        allowed = np.array([cat not in v.negated_categories for v in views])
        plain_hit, softened_hit, n_gold = hit & ~softened, hit & softened, int(gold.sum())
        best: tuple[float, float, float, float] | None = None
        # A softened match never needs less than a plain one; on a tie the two stay equal
        # (the grid runs upwards and only a better F1 replaces the best). At cs == a a
        # softened match counts only as far as the model alone would add the category.
        for c, cs, a in itertools.product(grid, grid, grid):
            if cs < c or a < max(cs, MIN_CAT_ALONE):
                continue
            pred = (plain_hit & (p >= c)) | (softened_hit & (p >= cs)) | ((p >= a) & allowed)
            tp = int((pred & gold).sum())
            f1 = 2 * tp / (int(pred.sum()) + n_gold) if tp else 0.0
            if best is None or f1 > best[0]:
                best = (f1, c, cs, a)
        assert best is not None
        _, confirm[cat], confirm_softened[cat], alone[cat] = best
    return confirm, confirm_softened, alone


def guard_veto(
    th: Thresholds,
    examples: Sequence[Example],
    views: Sequence[PatternView],
    probs: npt.NDArray[np.float64],
    outputs: Sequence[str],
) -> Thresholds:
    """The smallest veto (from th.veto up) that keeps false "yes" within MAX_FALSE_YES_ALL on
    all the out-of-fold predictions: the development part alone has few hard negatives, and
    the other authors' sets show how patterns fire on them."""
    rows = [dict(zip(outputs, map(float, p), strict=True)) for p in probs]
    negatives = [
        (view, pr)
        for e, view, pr in zip(examples, views, rows, strict=True)
        if SAFETY_OUTPUT not in e.labels
    ]
    chosen = th
    for veto in (v for v in VETOES if v >= th.veto):
        chosen = replace(th, veto=veto)
        false_yes = sum(decide(v, pr, chosen).outcome == "yes" for v, pr in negatives)
        if false_yes <= MAX_FALSE_YES_ALL * max(1, len(negatives)):
            break
    return chosen
