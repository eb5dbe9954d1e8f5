"""Plain data describing a loaded flow."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine.conditions import Condition

QUESTION_TYPES = ("scale5", "choice", "multichoice", "yesno", "text", "date")
YESNO_OPTIONS = ("kylla", "ei")
DEFAULT_TEXT_LIMIT = 600
END = "end"


@dataclass(frozen=True)
class Question:
    id: str
    text: str  # locale id
    type: str
    measures: str | None = None
    options: tuple[str, ...] = ()
    scores: dict[str, float] = field(default_factory=dict)
    scale: str = "mood"  # scale5: labels come from locale `scale-<scale>` attributes s1..s5
    skippable: bool = True
    max_length: int = DEFAULT_TEXT_LIMIT
    offsets: tuple[int, ...] = (0, -1, -2)  # date: day offsets offered as buttons
    exclusive: tuple[str, ...] = ()  # multichoice: options that rule out every other one

    def option_ids(self) -> tuple[str, ...]:
        if self.type == "yesno":
            return YESNO_OPTIONS
        if self.type == "scale5":
            return ("1", "2", "3", "4", "5")
        return self.options

    def score_of(self, value: object) -> float | None:
        if self.type == "scale5" and isinstance(value, int):
            return float(value)
        if isinstance(value, str) and value in self.scores:
            return self.scores[value]
        return None


@dataclass(frozen=True)
class Transition:
    source: str
    dest: str
    condition: Condition
    line: int


@dataclass(frozen=True)
class Closing:
    text: str
    condition: Condition


@dataclass(frozen=True)
class OnCrisis:
    """What a check-in does when a crisis comes up during it (a crisis message, or "not safe"
    to the safety question): the questions left are not asked, what was answered is kept (and
    its rules run), and the check-in ends with `closing` instead of its usual closing."""

    closing: str  # locale id


@dataclass(frozen=True)
class EscalationRule:
    id: str
    condition: Condition
    level: str
    reason: str  # locale id, for the coach
    tell_student: str | None  # locale id: what the student is told will be shared, before it is
    facts: tuple[str, ...] = ()  # question ids whose answers the alert may show


@dataclass(frozen=True)
class Flow:
    id: str
    version: int
    kind: str  # 'checkin' or 'staff'
    title: str
    intro: str | None
    first: str
    questions: dict[str, Question]
    transitions: tuple[Transition, ...]
    closings: tuple[Closing, ...]
    escalation: tuple[EscalationRule, ...]
    source: str = ""
    digest: str = ""
    path: str = ""
    max_questions: int | None = None  # checked by the loader on every path, per rotation turn
    on_crisis: OnCrisis | None = None  # required of check-in flows in the flows folder

    def measures(self) -> dict[str, str]:
        return {q.id: q.measures for q in self.questions.values() if q.measures}
