"""One reading of a student's message: the Finnish detector, then the Swedish and English phrases.

The bot (bot/services/cases/crisis.py), `kohtaamo cues` and the benchmark all read a message
here, so what the command prints and the benchmark measures is what the bot does with it.

The Finnish detector reads first. When it finds no crisis, the Swedish and English reader
(bot/risk/other_languages.py) reads too: a Swedish-speaking student, or one who writes "i punch
myself kun en jaksa", gets the same protection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.risk import other_languages
from bot.risk.cues import CueDetector, CueResult, default_detector
from bot.risk.decide import Outcome
from bot.risk.lexicon import SAFETY_CATEGORIES
from bot.risk.other_languages import OtherLanguageFinding

OTHER_LANGUAGE_PATTERN = "other_language"  # pattern_id of a Swedish or English finding


@dataclass(frozen=True)
class Reading:
    finnish: CueResult
    other: OtherLanguageFinding  # NOTHING when the Finnish reading alone says "yes"

    @property
    def finnish_weighed_it(self) -> bool:
        """The Finnish reading found safety words too and judged them no crisis. Its model read
        them in their context ("a project about self-harm for health class", "used to self harm,
        mut nyt oon clean"), which a phrase cannot: a Swedish or English phrase then only makes
        the bot ask the student."""
        return self.finnish.crisis == "no" and any(
            m.category in SAFETY_CATEGORIES for m in self.finnish.matches
        )

    @property
    def crisis(self) -> Outcome:
        """The outcome over both readers: "yes" = act at once, "ask" = check with the student
        first, "no"."""
        if self.finnish.is_crisis:
            return "yes"
        if self.other and not self.other.unsure and not self.finnish_weighed_it:
            return "yes"
        if self.other or self.finnish.crisis == "ask":
            return "ask"
        return "no"

    @property
    def other_sentences(self) -> tuple[str, ...]:
        """The Swedish or English sentences found, safety ones first."""
        return tuple(dict.fromkeys([*self.other.crisis, *self.other.child]))

    @property
    def safety_kinds(self) -> tuple[str, ...]:
        """What a "yes" or "ask" is about: ("crisis",), ("child_protection",) or both ("he hits
        me and I want to die": the child-protection reply and alerts, and the crisis line too).
        Empty for "no"."""
        if self.crisis == "no":
            return ()
        result = self.finnish
        if result.is_crisis:
            child = result.child_protection
            crisis = "crisis" in result.categories or not child
        else:  # an "ask" (its kind from the detector), or a Swedish or English phrase
            child = bool(self.other.child) or (result.child_protection and not self.other.crisis)
            crisis = bool(self.other.crisis) or not child
        return tuple(k for k, on in (("crisis", crisis), ("child_protection", child)) if on)

    @property
    def categories(self) -> tuple[str, ...]:
        """The Finnish categories, and the safety kinds of a Swedish or English "yes"."""
        extra = self.safety_kinds if self.crisis == "yes" and not self.finnish.is_crisis else ()
        return tuple(dict.fromkeys([*extra, *self.finnish.categories]))

    def to_json(self) -> dict[str, Any]:
        """The detector's JSON, with the outcome over both readers. A Swedish or English finding
        is listed among the matches with pattern_id "other_language"."""
        data = self.finnish.to_json()
        data["categories"] = list(self.categories)
        data["crisis"] = self.crisis
        data["child_protection"] = "child_protection" in self.safety_kinds
        level = "yes" if self.crisis == "yes" else "ask"
        for category, sentences in (
            ("crisis", self.other.crisis),
            ("child_protection", self.other.child),
        ):
            data["matches"].extend(
                {
                    "category": category,
                    "pattern_id": OTHER_LANGUAGE_PATTERN,
                    "evidence": sentence,
                    "sentence": sentence,
                    "negated": False,
                    "level": level,
                }
                for sentence in sentences
            )
        return data


def read(text: str, detector: CueDetector | None = None) -> Reading:
    """Both readings of one message (thread-safe, as both readers are)."""
    result = (detector or default_detector()).detect(text)
    if result.is_crisis:
        return Reading(result, other_languages.NOTHING)
    return Reading(result, other_languages.find(text))
