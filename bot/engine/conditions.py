"""The closed, typed set of conditions a flow may use. Parsed from YAML once; never eval'd."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

LEVELS = ("info", "concern", "urgent", "crisis")
# The cue detector's categories (bot.risk.lexicon.CATEGORY_ORDER; a test keeps them equal).
CUE_CATEGORIES = (
    "crisis",
    "child_protection",
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


@dataclass(frozen=True)
class AnswerValue:
    value: Any  # int for scales, option id, list of option ids, text, None when skipped
    score: float | None


class Context(Protocol):
    """What a condition can look at. Answer conditions need only `answers`."""

    @property
    def answers(self) -> Mapping[str, AnswerValue]: ...

    def measure_history(self, measure: str, checkins: int) -> Sequence[float | None]:
        """Scores of the measure in the last N check-ins, newest last (None = not answered)."""
        ...

    def missed_checkins(self) -> int:
        """Consecutive missed check-ins, not counting pauses and school breaks."""
        ...

    def cue_categories(self) -> frozenset[str]: ...


class Condition:
    kind = ""
    needs_history = False  # only escalation rules may use history/silence/cue conditions

    def evaluate(self, ctx: Context) -> bool:
        raise NotImplementedError

    def questions(self) -> list[tuple[str, Any]]:
        """(question id, value or None) pairs this condition refers to, for validation."""
        return []

    def children(self) -> list[Condition]:
        return []


@dataclass(frozen=True)
class Always(Condition):
    kind = "always"

    def evaluate(self, _ctx: Context) -> bool:  # Condition's interface; always needs no context
        return True


@dataclass(frozen=True)
class AnswerIs(Condition):
    """answer: {q: value} or {q: [v1, v2]} — for multichoice: the selection contains one."""

    question: str
    values: tuple[Any, ...]
    kind = "answer"

    def evaluate(self, ctx: Context) -> bool:
        got = ctx.answers.get(self.question)
        if got is None or got.value is None:
            return False
        if isinstance(got.value, list):
            return any(v in got.value for v in self.values)
        return got.value in self.values

    def questions(self) -> list[tuple[str, Any]]:
        return [(self.question, v) for v in self.values]


@dataclass(frozen=True)
class ScoreBound(Condition):
    """answer_at_most / answer_at_least: {q: N} — compares the answer's score."""

    question: str
    bound: float
    at_most: bool

    @property
    def kind(self) -> str:  # type: ignore[override]
        return "answer_at_most" if self.at_most else "answer_at_least"

    def evaluate(self, ctx: Context) -> bool:
        got = ctx.answers.get(self.question)
        if got is None or got.score is None:
            return False
        return got.score <= self.bound if self.at_most else got.score >= self.bound

    def questions(self) -> list[tuple[str, Any]]:
        return [(self.question, None)]


@dataclass(frozen=True)
class Skipped(Condition):
    question: str
    kind = "skipped"

    def evaluate(self, ctx: Context) -> bool:
        got = ctx.answers.get(self.question)
        return got is not None and got.value is None

    def questions(self) -> list[tuple[str, Any]]:
        return [(self.question, None)]


@dataclass(frozen=True)
class Answered(Condition):
    question: str
    kind = "answered"

    def evaluate(self, ctx: Context) -> bool:
        got = ctx.answers.get(self.question)
        return got is not None and got.value not in (None, "", [])

    def questions(self) -> list[tuple[str, Any]]:
        return [(self.question, None)]


@dataclass(frozen=True)
class AllOf(Condition):
    items: tuple[Condition, ...]
    kind = "all"

    def evaluate(self, ctx: Context) -> bool:
        return all(c.evaluate(ctx) for c in self.items)

    def children(self) -> list[Condition]:
        return list(self.items)


@dataclass(frozen=True)
class AnyOf(Condition):
    items: tuple[Condition, ...]
    kind = "any"

    def evaluate(self, ctx: Context) -> bool:
        return any(c.evaluate(ctx) for c in self.items)

    def children(self) -> list[Condition]:
        return list(self.items)


@dataclass(frozen=True)
class Not(Condition):
    item: Condition
    kind = "not"

    def evaluate(self, ctx: Context) -> bool:
        return not self.item.evaluate(ctx)

    def children(self) -> list[Condition]:
        return [self.item]


@dataclass(frozen=True)
class MeasureAtMost(Condition):
    """measure_at_most: {measure: wellbeing, value: 2, checkins: 2} — every one of the last N."""

    measure: str
    value: float
    checkins: int
    kind = "measure_at_most"
    needs_history = True

    def evaluate(self, ctx: Context) -> bool:
        scores = ctx.measure_history(self.measure, self.checkins)
        return len(scores) >= self.checkins and all(
            s is not None and s <= self.value for s in scores
        )


@dataclass(frozen=True)
class MeasureDrop(Condition):
    """measure_drop: {measure: studies, by: 2, checkins: 3} — newest `by` below an earlier one."""

    measure: str
    by: float
    checkins: int
    kind = "measure_drop"
    needs_history = True

    def evaluate(self, ctx: Context) -> bool:
        scores = [s for s in ctx.measure_history(self.measure, self.checkins) if s is not None]
        return len(scores) >= 2 and max(scores[:-1]) - scores[-1] >= self.by


@dataclass(frozen=True)
class MissedCheckins(Condition):
    count: int
    kind = "missed_checkins"
    needs_history = True

    def evaluate(self, ctx: Context) -> bool:
        return ctx.missed_checkins() >= self.count


@dataclass(frozen=True)
class TextCue(Condition):
    category: str
    kind = "text_cue"
    needs_history = True

    def evaluate(self, ctx: Context) -> bool:
        return self.category in ctx.cue_categories()


@dataclass(frozen=True)
class Turn(Condition):
    """turn: {of: 3, is: 0} — this check-in's turn in a rotation of N (the ISO week of the
    session's start, modulo N). Lets a flow ask less urgent items every Nth week, so one
    check-in stays short while every item is still asked regularly — and every student of a
    school gets the same items in the same week, so weekly aggregates stay comparable."""

    of: int
    is_: int
    kind = "turn"

    def evaluate(self, ctx: Context) -> bool:
        return int(getattr(ctx, "turn", 0)) % self.of == self.is_


class ConditionError(ValueError):
    pass


def _single_mapping(raw: Any, what: str) -> tuple[str, Any]:
    if not isinstance(raw, Mapping) or len(raw) != 1:
        raise ConditionError(f"{what} must be a mapping with exactly one condition key")
    ((key, value),) = raw.items()
    return str(key), value


def _question_mapping(value: Any, key: str) -> tuple[str, Any]:
    if not isinstance(value, Mapping) or len(value) != 1:
        raise ConditionError(f"'{key}' takes one question: {{question_id: value}}")
    ((question, arg),) = value.items()
    return str(question), arg


def _measure_args(value: Any, key: str, fields: Sequence[str]) -> dict[str, Any]:
    if not isinstance(value, Mapping) or set(value) != {"measure", *fields}:
        wanted = ", ".join(["measure", *fields])
        raise ConditionError(f"'{key}' takes exactly: {wanted}")
    for field in fields:
        if not isinstance(value[field], int | float) or value[field] < 1:
            raise ConditionError(f"'{key}.{field}' must be a positive number")
    return dict(value)


def _answer(key: str, value: Any, _allow_history: bool) -> Condition:
    question, arg = _question_mapping(value, key)
    values = tuple(arg) if isinstance(arg, list) else (arg,)
    if not values:
        raise ConditionError("'answer' needs at least one value")
    return AnswerIs(question, values)


def _answer_in(key: str, value: Any, _allow_history: bool) -> Condition:
    question, arg = _question_mapping(value, key)
    if not isinstance(arg, list) or not arg:
        raise ConditionError("'answer_in' takes {question_id: [value, ...]}")
    return AnswerIs(question, tuple(arg))


def _score_bound(key: str, value: Any, _allow_history: bool) -> Condition:
    question, arg = _question_mapping(value, key)
    if not isinstance(arg, int | float) or isinstance(arg, bool):
        raise ConditionError(f"'{key}' needs a number")
    return ScoreBound(question, float(arg), key == "answer_at_most")


def _skipped_or_answered(key: str, value: Any, _allow_history: bool) -> Condition:
    if not isinstance(value, str):
        raise ConditionError(f"'{key}' takes a question id")
    return Skipped(value) if key == "skipped" else Answered(value)


def _all_or_any(key: str, value: Any, allow_history: bool) -> Condition:
    if not isinstance(value, list) or not value:
        raise ConditionError(f"'{key}' takes a non-empty list of conditions")
    items = tuple(parse_condition(v, allow_history=allow_history) for v in value)
    return AllOf(items) if key == "all" else AnyOf(items)


def _not(_key: str, value: Any, allow_history: bool) -> Condition:
    return Not(parse_condition(value, allow_history=allow_history))


def _turn(_key: str, value: Any, _allow_history: bool) -> Condition:
    if (
        not isinstance(value, Mapping)
        or set(value) != {"of", "is"}
        or not all(isinstance(value[k], int) and not isinstance(value[k], bool) for k in value)
        or value["of"] < 2
        or not 0 <= value["is"] < value["of"]
    ):
        raise ConditionError("'turn' takes {of: N, is: K} with N ≥ 2 and 0 ≤ K < N")
    return Turn(int(value["of"]), int(value["is"]))


def _measure_at_most(key: str, value: Any, _allow_history: bool) -> Condition:
    args = _measure_args(value, key, ("value", "checkins"))
    return MeasureAtMost(str(args["measure"]), float(args["value"]), int(args["checkins"]))


def _measure_drop(key: str, value: Any, _allow_history: bool) -> Condition:
    args = _measure_args(value, key, ("by", "checkins"))
    if args["checkins"] < 2:
        raise ConditionError("'measure_drop.checkins' must be at least 2")
    return MeasureDrop(str(args["measure"]), float(args["by"]), int(args["checkins"]))


def _missed_checkins(_key: str, value: Any, _allow_history: bool) -> Condition:
    if not isinstance(value, int) or value < 1:
        raise ConditionError("'missed_checkins' takes a positive whole number")
    return MissedCheckins(value)


def _text_cue(_key: str, value: Any, _allow_history: bool) -> Condition:
    if value not in CUE_CATEGORIES:
        raise ConditionError(f"'text_cue' must be one of: {', '.join(CUE_CATEGORIES)}")
    return TextCue(str(value))


# Each condition key and its parser (key, value, allow_history), in the order the error for an
# unknown key lists them.
_PARSERS: dict[str, Callable[[str, Any, bool], Condition]] = {
    "answer": _answer,
    "answer_in": _answer_in,
    "answer_at_most": _score_bound,
    "answer_at_least": _score_bound,
    "skipped": _skipped_or_answered,
    "answered": _skipped_or_answered,
    "all": _all_or_any,
    "any": _all_or_any,
    "not": _not,
    "turn": _turn,
    "measure_at_most": _measure_at_most,
    "measure_drop": _measure_drop,
    "missed_checkins": _missed_checkins,
    "text_cue": _text_cue,
}
# Conditions that look past this check-in: allowed only in escalation rules.
_HISTORY_KINDS = ("measure_at_most", "measure_drop", "missed_checkins", "text_cue")


def parse_condition(raw: Any, *, allow_history: bool) -> Condition:
    key, value = _single_mapping(raw, "a condition")
    parser = _PARSERS.get(key)
    if parser is None:
        raise ConditionError(f"unknown condition '{key}' (known: {', '.join(_PARSERS)})")
    if key in _HISTORY_KINDS and not allow_history:
        raise ConditionError(f"'{key}' can only be used in escalation rules")
    return parser(key, value, allow_history)


def walk(condition: Condition) -> list[Condition]:
    out = [condition]
    for child in condition.children():
        out.extend(walk(child))
    return out
