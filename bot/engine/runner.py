"""Runs flows: one `transitions` machine per flow version, a session model attached per step.

The engine is pure: it takes a session's saved state and answers plus one answer, and says
where the session goes next. Persisting and rendering are the caller's job.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from transitions import Machine

from bot.dates import parse_day
from bot.engine.conditions import AnswerValue, Condition
from bot.engine.model import END, Flow, Question

SKIP = "__skip__"


class AnswerError(ValueError):
    """The answer does not fit the question; `reason` is a locale id for a kind explanation."""

    def __init__(self, reason: str, **args: object) -> None:
        super().__init__(reason)
        self.reason = reason
        self.args_for_message = args


class _StepModel:
    """What the machine sees during one step; conditions read its answers."""

    state: str
    advance: Callable[[], bool]  # bound by the machine while the model is attached

    def __init__(self, answers: Mapping[str, AnswerValue], turn: int = 0) -> None:
        self.answers = answers
        self.turn = turn


@dataclass(frozen=True)
class AnswerContext:
    answers: Mapping[str, AnswerValue]
    history: Mapping[str, Sequence[float | None]] = field(default_factory=dict)
    missed: int = 0
    cues: frozenset[str] = frozenset()
    turn: int = 0  # the rotation turn (`turn` conditions): the ISO week of the session's start

    def measure_history(self, measure: str, checkins: int) -> Sequence[float | None]:
        return list(self.history.get(measure, ()))[-checkins:]

    def missed_checkins(self) -> int:
        return self.missed

    def cue_categories(self) -> frozenset[str]:
        return self.cues


def _condition_callback(condition: Condition) -> Any:
    def check(event: Any) -> bool:
        model: _StepModel = event.model
        return condition.evaluate(AnswerContext(model.answers, turn=model.turn))

    return check


class FlowMachine:
    """The state machine of one flow version, built once and shared by all its sessions.

    Synchronous on purpose: conditions are plain functions, and a step runs inside the write
    transaction that records the answer. transitions' AsyncMachine yielded to the event loop
    six times per step, and every yield held that transaction — and with it every other
    answer's commit — open while the loop ran other work (bench/README.md)."""

    def __init__(self, flow: Flow) -> None:
        self.flow = flow
        self._machine = Machine(
            model=None,
            states=[*flow.questions, END],
            initial=flow.first,
            auto_transitions=False,
            send_event=True,
        )
        for t in flow.transitions:
            self._machine.add_transition(
                "advance", t.source, t.dest, conditions=[_condition_callback(t.condition)]
            )

    async def next_state(
        self, state: str, answers: Mapping[str, AnswerValue], turn: int = 0
    ) -> str:
        model = _StepModel(answers, turn)
        self._machine.add_model(model, initial=state)
        try:
            model.advance()
            return model.state
        finally:
            self._machine.remove_model(model)


@dataclass(frozen=True)
class Step:
    question: str  # the question that was answered
    answer: AnswerValue
    next_state: str  # a question id or END
    closing: str | None  # closing locale id when the flow ended


class Engine:
    def __init__(self) -> None:
        self._machines: dict[tuple[str, int, str], FlowMachine] = {}

    def machine(self, flow: Flow) -> FlowMachine:
        key = (flow.id, flow.version, flow.digest)
        found = self._machines.get(key)
        if found is None:
            found = self._machines[key] = FlowMachine(flow)
        return found

    async def step(
        self,
        flow: Flow,
        state: str,
        answers: Mapping[str, AnswerValue],
        value: Any,
        turn: int = 0,
    ) -> Step:
        """Record `value` (already validated) for the current question and move on."""
        question = flow.questions[state]
        answer = AnswerValue(None if value == SKIP else value, question.score_of(value))
        updated = {**answers, state: answer}
        next_state = await self.machine(flow).next_state(state, updated, turn)
        closing = closing_for(flow, updated) if next_state == END else None
        return Step(state, answer, next_state, closing)


def closing_for(flow: Flow, answers: Mapping[str, AnswerValue]) -> str | None:
    ctx = AnswerContext(answers)
    for closing in flow.closings:
        if closing.condition.evaluate(ctx):
            return closing.text
    return None


def value_from_button(question: Question, index: int, today: date) -> Any:
    """A button press arrives as an index into the options the question offered."""
    if index == -1:
        if not question.skippable:
            raise AnswerError("answer-not-skippable")
        return SKIP
    if question.type == "date":
        if not 0 <= index < len(question.offsets):
            raise AnswerError("answer-invalid")
        return (today + timedelta(days=question.offsets[index])).isoformat()
    options = question.option_ids()
    if not 0 <= index < len(options):
        raise AnswerError("answer-invalid")
    option = options[index]
    return int(option) if question.type == "scale5" else option


def _normalise(text: str) -> str:
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] in "LNZ")
    return " ".join(kept.casefold().split())


def value_from_text(
    question: Question, text: str, labels: Mapping[str, Sequence[str]], today: date
) -> Any:
    """A typed answer. `labels` maps each option id to its labels in every language and any
    extra words the locale accepts ("joo", "ei"). Only an unambiguous match counts."""
    if question.type == "text":
        stripped = text.strip()
        if not stripped:
            raise AnswerError("answer-text-empty")
        if len(stripped) > question.max_length:
            raise AnswerError(
                "answer-text-too-long", limit=question.max_length, length=len(stripped)
            )
        return stripped
    if question.type == "date":
        return _typed_date(text, today)
    said = _normalise(text)
    if question.type == "scale5" and said in {"1", "2", "3", "4", "5"}:
        return int(said)
    options = question.option_ids()
    if question.type == "choice" and said.isdigit() and 1 <= int(said) <= len(options):
        return options[int(said) - 1]
    hits = {opt for opt in options for label in labels.get(opt, ()) if _normalise(label) == said}
    if len(hits) == 1:
        (option,) = hits
        return int(option) if question.type == "scale5" else option
    if question.type == "multichoice":
        raise AnswerError("answer-use-buttons")
    raise AnswerError("answer-type-hint")


def _typed_date(text: str, today: date) -> str:
    day = parse_day(text, today, without_year="this")
    if day is None:
        raise AnswerError("answer-date-hint")
    return day.isoformat()


def toggle(question: Question, selection: Sequence[str], index: int) -> list[str]:
    """Multichoice: a press toggles one option; the order of options is kept. Choosing an
    exclusive option ("👍 all fine") clears the others, and choosing another clears it."""
    options = question.option_ids()
    if not 0 <= index < len(options):
        raise AnswerError("answer-invalid")
    pressed = options[index]
    chosen = set(selection) ^ {pressed}
    if pressed in chosen:
        if pressed in question.exclusive:
            chosen = {pressed}
        else:
            chosen -= set(question.exclusive)
    return [o for o in options if o in chosen]
