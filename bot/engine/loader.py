"""Load and strictly validate flow files. Every problem names the file, the line and what to fix."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.engine.conditions import (
    LEVELS,
    Always,
    AnswerValue,
    Condition,
    ConditionError,
    Turn,
    parse_condition,
    walk,
)
from bot.engine.model import (
    DEFAULT_TEXT_LIMIT,
    END,
    QUESTION_TYPES,
    Closing,
    EscalationRule,
    Flow,
    OnCrisis,
    Question,
    Transition,
)
from bot.engine.runner import AnswerContext

IDENT = re.compile(r"^[a-z][a-z0-9_-]*$", re.IGNORECASE)
FLOW_KEYS = {"flow", "version", "kind", "title", "intro", "first", "questions", "transitions"}
FLOW_KEYS |= {"closing", "escalation", "description", "max_questions", "on_crisis"}
QUESTION_KEYS = {"text", "type", "measures", "options", "scores", "scale", "skippable"}
QUESTION_KEYS |= {"max_length", "offsets", "exclusive"}
TRANSITION_KEYS = {"from", "to", "if"}
CLOSING_KEYS = {"text", "if"}
ON_CRISIS_KEYS = {"closing"}
RULE_KEYS = {"id", "if", "level", "reason", "tell_student", "facts"}


@dataclass(frozen=True)
class FlowProblem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class FlowError(Exception):
    def __init__(self, problems: list[FlowProblem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class LineMap(dict[Any, Any]):
    """A YAML mapping that remembers the line of itself and of each key."""

    line = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}

    def line_of(self, key: Any) -> int:
        return self.lines.get(key, self.line)


class _Duplicate(Exception):
    def __init__(self, key: Any, line: int) -> None:
        super().__init__(f"'{key}' is defined twice")
        self.line = line


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)
    result = LineMap()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            raise _Duplicate(key, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
    _construct_mapping,
)


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=_LineLoader)


class _Collector:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[FlowProblem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(FlowProblem(self.file, line, message))

    def unknown_keys(self, raw: LineMap, allowed: set[str], where: str) -> None:
        for key in raw:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add(raw.line_of(key), f"unknown key '{key}' in {where} (allowed: {known})")


def _line(raw: Any) -> int:
    return raw.line if isinstance(raw, LineMap) else 0


def parse_flow(text: str, file: str = "<flow>") -> tuple[Flow | None, list[FlowProblem]]:
    """Parse one flow's YAML. Returns the flow (None if unusable) and every problem found."""
    c = _Collector(file)
    try:
        raw = parse_yaml(text)
    except _Duplicate as dup:
        c.add(dup.line, f"{dup} (duplicate id)")
        return None, c.problems
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        c.add(mark.line + 1 if mark else 0, f"not valid YAML: {getattr(exc, 'problem', exc)}")
        return None, c.problems
    if not isinstance(raw, LineMap):
        c.add(1, "a flow file must be a mapping with keys flow, version, first, questions …")
        return None, c.problems
    c.unknown_keys(raw, FLOW_KEYS, "the flow")
    for key in ("flow", "version", "first", "questions"):
        if key not in raw:
            c.add(raw.line, f"missing required key '{key}'")
    flow_id = str(raw.get("flow", ""))
    if flow_id and not IDENT.match(flow_id):
        c.add(raw.line_of("flow"), f"flow id '{flow_id}' must be letters, digits, - or _")
    version = raw.get("version")
    if "version" in raw and (not isinstance(version, int) or version < 1):
        c.add(raw.line_of("version"), "version must be a positive whole number")
    kind = raw.get("kind", "checkin")
    if kind not in ("checkin", "staff"):
        c.add(raw.line_of("kind"), "kind must be 'checkin' or 'staff'")

    questions = _parse_questions(raw.get("questions"), raw, c)
    first = str(raw.get("first", ""))
    if "first" in raw and first not in questions:
        c.add(raw.line_of("first"), f"first question '{first}' is not defined under questions")
    transitions = _parse_transitions(raw.get("transitions", []), raw, questions, c)
    closings = _parse_closings(raw.get("closing", []), raw, questions, c)
    rules = _parse_rules(raw.get("escalation", []), raw, questions, c)
    on_crisis = _parse_on_crisis(raw, str(kind), c)
    if questions and first in questions:
        _check_graph(first, questions, transitions, raw, c)
    max_questions = raw.get("max_questions")
    if "max_questions" in raw and (
        not isinstance(max_questions, int) or isinstance(max_questions, bool) or max_questions < 1
    ):
        c.add(raw.line_of("max_questions"), "max_questions must be a positive whole number")
        max_questions = None
    if isinstance(max_questions, int) and not c.problems:
        _check_length(first, questions, transitions, max_questions, raw, c)
    if c.problems:
        return None, c.problems
    flow = Flow(
        id=flow_id,
        version=int(version),  # type: ignore[arg-type]
        kind=str(kind),
        title=str(raw.get("title", f"flow-{flow_id}")),
        intro=str(raw["intro"]) if raw.get("intro") else None,
        first=first,
        questions=questions,
        transitions=tuple(transitions),
        closings=tuple(closings),
        escalation=tuple(rules),
        source=text,
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
        path=file,
        max_questions=max_questions if isinstance(max_questions, int) else None,
        on_crisis=on_crisis,
    )
    return flow, []


def _parse_questions(raw: Any, top: LineMap, c: _Collector) -> dict[str, Question]:
    if not isinstance(raw, LineMap) or not raw:
        if "questions" in top:
            c.add(top.line_of("questions"), "questions must be a non-empty mapping")
        return {}
    out: dict[str, Question] = {}
    for qid, spec in raw.items():
        question = _parse_question(qid, spec, raw.line_of(qid), c)
        if question is not None:
            out[str(qid)] = question
    return out


def _parse_question(qid: Any, spec: Any, line: int, c: _Collector) -> Question | None:
    """One question, or None (with the problem noted) when it is unusable."""
    if not _question_head_ok(qid, spec, line, c):
        return None
    qtype = spec.get("type")
    options = spec.get("options", [])
    if not _options_ok(qid, qtype, options, spec, c):
        return None
    choice = qtype in ("choice", "multichoice")
    scores = _question_scores(qid, set(options) if choice else {"kylla", "ei"}, spec, c)
    max_length = spec.get("max_length", DEFAULT_TEXT_LIMIT)
    if not isinstance(max_length, int) or not 1 <= max_length <= 3000:
        c.add(spec.line_of("max_length"), "max_length must be a whole number 1–3000")
        max_length = DEFAULT_TEXT_LIMIT
    exclusive = _question_exclusive(qid, qtype, options, spec, c)
    offsets = spec.get("offsets", [0, -1, -2])
    if not isinstance(offsets, list) or not all(isinstance(o, int) for o in offsets):
        c.add(spec.line_of("offsets"), "offsets must be a list of day offsets like [0, -1, 7]")
        offsets = [0]
    return Question(
        id=str(qid),
        text=str(spec["text"]),
        type=str(qtype),
        measures=str(spec["measures"]) if spec.get("measures") else None,
        options=tuple(str(o) for o in options) if choice else (),
        scores={str(k): float(v) for k, v in scores.items()},
        scale=str(spec.get("scale", "mood")),
        skippable=bool(spec.get("skippable", True)),
        max_length=max_length,
        offsets=tuple(offsets),
        exclusive=exclusive,
    )


def _question_head_ok(qid: Any, spec: Any, line: int, c: _Collector) -> bool:
    """The id, the mapping, its keys, the type and the text: without these nothing else counts."""
    if not IDENT.match(str(qid)) or str(qid) == END:
        c.add(line, f"question id '{qid}' must be letters, digits, - or _ (and not '{END}')")
        return False
    if not isinstance(spec, LineMap):
        c.add(line, f"question '{qid}' must be a mapping with at least text and type")
        return False
    c.unknown_keys(spec, QUESTION_KEYS, f"question '{qid}'")
    qtype = spec.get("type")
    if qtype not in QUESTION_TYPES:
        c.add(
            spec.line_of("type"),
            f"question '{qid}' has unknown type '{qtype}' (known: {', '.join(QUESTION_TYPES)})",
        )
        return False
    if "text" not in spec:
        c.add(spec.line, f"question '{qid}' needs a text (a locale message id)")
        return False
    return True


def _options_ok(qid: Any, qtype: Any, options: Any, spec: LineMap, c: _Collector) -> bool:
    """Choice questions need two or more distinct identifier options; others take none."""
    if qtype not in ("choice", "multichoice"):
        if "options" in spec:
            c.add(spec.line_of("options"), f"'{qtype}' question '{qid}' takes no options")
        return True
    if not isinstance(options, list) or len(options) < 2:
        c.add(spec.line_of("options"), f"question '{qid}' needs at least two options")
        return False
    bad = [o for o in options if not isinstance(o, str) or not IDENT.match(o)]
    if bad:
        c.add(spec.line_of("options"), f"option ids {bad} in '{qid}' must be identifiers")
        return False
    if len(set(options)) != len(options):
        c.add(spec.line_of("options"), f"question '{qid}' lists an option twice")
        return False
    return True


def _question_scores(qid: Any, allowed: set[Any], spec: LineMap, c: _Collector) -> dict[Any, Any]:
    scores = spec.get("scores", {})
    if not isinstance(scores, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in scores.values()
    ):
        c.add(spec.line_of("scores"), f"scores of '{qid}' must map option ids to numbers")
        scores = {}
    for key in scores:
        if key not in allowed:
            c.add(spec.line_of("scores"), f"scores of '{qid}' name unknown option '{key}'")
    return scores


def _question_exclusive(
    qid: Any, qtype: Any, options: Any, spec: LineMap, c: _Collector
) -> tuple[str, ...]:
    exclusive = spec.get("exclusive", [])
    if exclusive is None:  # "exclusive:" left empty: none
        exclusive = []
    if not isinstance(exclusive, list) or (
        exclusive and (qtype != "multichoice" or any(o not in options for o in exclusive))
    ):
        c.add(
            spec.line_of("exclusive"),
            f"exclusive of '{qid}' must list some of its options (multichoice only)",
        )
        exclusive = []
    return tuple(str(o) for o in exclusive)


def _condition(
    raw: Any,
    where: str,
    line: int,
    questions: dict[str, Question],
    c: _Collector,
    *,
    allow_history: bool,
) -> Condition | None:
    try:
        cond = parse_condition(raw, allow_history=allow_history)
    except ConditionError as exc:
        c.add(line, f"{where}: {exc}")
        return None
    for node in walk(cond):
        for qid, value in node.questions():
            question = questions.get(qid)
            if question is None:
                c.add(line, f"{where}: condition refers to unknown question '{qid}'")
            elif (
                value is not None
                and question.type in ("choice", "multichoice", "yesno")
                and str(value) not in question.option_ids()
            ):
                c.add(line, f"{where}: question '{qid}' has no option '{value}'")
    return cond


def _entries(raw: Any, top: LineMap, key: str, c: _Collector) -> list[LineMap]:
    if not isinstance(raw, list):
        c.add(top.line_of(key), f"'{key}' must be a list")
        return []
    good = []
    for entry in raw:
        if isinstance(entry, LineMap):
            good.append(entry)
        else:
            c.add(top.line_of(key), f"every entry of '{key}' must be a mapping")
    return good


def _parse_transitions(
    raw: Any, top: LineMap, questions: dict[str, Question], c: _Collector
) -> list[Transition]:
    out = []
    for entry in _entries(raw, top, "transitions", c):
        c.unknown_keys(entry, TRANSITION_KEYS, "a transition")
        src, dest = str(entry.get("from", "")), str(entry.get("to", ""))
        if src not in questions:
            c.add(entry.line, f"transition from unknown question '{src}'")
            continue
        if dest != END and dest not in questions:
            c.add(entry.line, f"transition to unknown question '{dest}' (use '{END}' to finish)")
            continue
        cond: Condition | None = Always()
        if "if" in entry:
            cond = _condition(
                entry["if"],
                f"transition {src} → {dest}",
                entry.line,
                questions,
                c,
                allow_history=False,
            )
        if cond is not None:
            out.append(Transition(src, dest, cond, entry.line))
    return out


def _parse_closings(
    raw: Any, top: LineMap, questions: dict[str, Question], c: _Collector
) -> list[Closing]:
    out = []
    entries = _entries(raw, top, "closing", c)
    for entry in entries:
        c.unknown_keys(entry, CLOSING_KEYS, "a closing")
        if "text" not in entry:
            c.add(entry.line, "a closing needs a text (a locale message id)")
            continue
        cond: Condition | None = Always()
        if "if" in entry:
            cond = _condition(entry["if"], "closing", entry.line, questions, c, allow_history=False)
        if cond is not None:
            out.append(Closing(str(entry["text"]), cond))
    if entries and not isinstance(out[-1].condition if out else None, Always):
        c.add(entries[-1].line, "the last closing must have no 'if', so every check-in ends kindly")
    return out


def _parse_on_crisis(top: LineMap, kind: str, c: _Collector) -> OnCrisis | None:
    """`on_crisis: {closing: <locale id>}`: how a check-in ends when a crisis comes up in it."""
    if "on_crisis" not in top:
        return None
    raw = top["on_crisis"]
    line = top.line_of("on_crisis")
    if kind != "checkin":
        c.add(line, "on_crisis is for check-ins (staff texts are not read for crisis)")
        return None
    if not isinstance(raw, LineMap):
        c.add(line, "on_crisis must be a mapping, e.g. {closing: close-kriisi}")
        return None
    c.unknown_keys(raw, ON_CRISIS_KEYS, "on_crisis")
    closing = raw.get("closing")
    if not isinstance(closing, str) or not IDENT.match(closing):
        c.add(line, "on_crisis needs a closing (a locale message id) that fits after a crisis")
        return None
    return OnCrisis(closing)


def _parse_rules(
    raw: Any, top: LineMap, questions: dict[str, Question], c: _Collector
) -> list[EscalationRule]:
    out: list[EscalationRule] = []
    seen: set[str] = set()
    for entry in _entries(raw, top, "escalation", c):
        c.unknown_keys(entry, RULE_KEYS, "an escalation rule")
        rule_id = str(entry.get("id", ""))
        if not IDENT.match(rule_id):
            c.add(entry.line, "an escalation rule needs an id (letters, digits, - or _)")
            continue
        if rule_id in seen:
            c.add(entry.line, f"escalation rule id '{rule_id}' is used twice (duplicate id)")
            continue
        seen.add(rule_id)
        level = entry.get("level")
        if level not in LEVELS:
            c.add(entry.line_of("level"), f"rule '{rule_id}': level must be one of {LEVELS}")
            continue
        if "reason" not in entry or "if" not in entry:
            c.add(entry.line, f"rule '{rule_id}' needs 'if' and 'reason'")
            continue
        facts = entry.get("facts", [])
        if not isinstance(facts, list) or any(f not in questions for f in facts):
            c.add(entry.line_of("facts"), f"rule '{rule_id}': facts must list question ids")
            facts = []
        cond = _condition(
            entry["if"], f"rule '{rule_id}'", entry.line, questions, c, allow_history=True
        )
        if cond is not None:
            tell = entry.get("tell_student")
            out.append(
                EscalationRule(
                    rule_id,
                    cond,
                    str(level),
                    str(entry["reason"]),
                    str(tell) if tell else None,
                    tuple(str(f) for f in facts),
                )
            )
    return out


def _check_graph(
    first: str,
    questions: dict[str, Question],
    transitions: list[Transition],
    top: LineMap,
    c: _Collector,
) -> None:
    by_source: dict[str, list[Transition]] = {}
    for t in transitions:
        by_source.setdefault(t.source, []).append(t)
    # Only transitions that can ever fire count for reachability: nothing after a fallback.
    usable: dict[str, list[Transition]] = {}
    for source, outgoing in by_source.items():
        cut = next((i for i, t in enumerate(outgoing) if isinstance(t.condition, Always)), None)
        usable[source] = outgoing if cut is None else outgoing[: cut + 1]
    reachable = {first}
    stack = [first]
    while stack:
        for t in usable.get(stack.pop(), []):
            if t.dest != END and t.dest not in reachable:
                reachable.add(t.dest)
                stack.append(t.dest)
    qlines = top["questions"] if isinstance(top.get("questions"), LineMap) else LineMap()
    for qid in questions:
        line = qlines.line_of(qid)
        if qid not in reachable:
            c.add(line, f"question '{qid}' can never be reached from '{first}'")
        outgoing = by_source.get(qid, [])
        if not outgoing:
            c.add(line, f"question '{qid}' has no way forward (add a transition, or to: {END})")
        elif not any(isinstance(t.condition, Always) for t in outgoing):
            c.add(
                line,
                f"question '{qid}' has no way forward when none of its conditions match "
                "(add a last transition without 'if')",
            )
        else:
            first_always = next(
                i for i, t in enumerate(outgoing) if isinstance(t.condition, Always)
            )
            for dead in outgoing[first_always + 1 :]:
                c.add(
                    dead.line,
                    f"transition {dead.source} → {dead.dest} can never be used: "
                    "an earlier one from the same question has no 'if'",
                )
    # Every question must be able to finish: walk backwards from 'end'.
    can_finish = {END}
    changed = True
    while changed:
        changed = False
        for t in (t for outgoing in usable.values() for t in outgoing):
            if t.dest in can_finish and t.source not in can_finish:
                can_finish.add(t.source)
                changed = True
    for qid in reachable - can_finish:
        c.add(qlines.line_of(qid), f"question '{qid}' can never reach the end (a loop?)")


def _candidates(question: Question) -> list[Any]:
    """Answers that can steer a flow: each option alone, and no answer."""
    if question.type == "scale5":
        return [None, 1, 2, 3, 4, 5]
    if question.type == "multichoice":
        return [None, *([o] for o in question.options)]
    if question.type in ("choice", "yesno"):
        return [None, *question.option_ids()]
    return [None, "x"]


def _longest_path(
    qid: str,
    questions: dict[str, Question],
    by_source: dict[str, list[Transition]],
    steering: set[str],
    answers: dict[str, AnswerValue],
    turn: int,
) -> list[str]:
    """The longest run of questions from `qid`, trying every answer that a condition reads."""
    if qid == END or qid in answers:
        return []
    question = questions[qid]
    best: list[str] = []
    for value in _candidates(question) if qid in steering else [None]:
        given = {**answers, qid: AnswerValue(value, question.score_of(value))}
        ctx = AnswerContext(given, turn=turn)
        dest = next((t.dest for t in by_source.get(qid, []) if t.condition.evaluate(ctx)), END)
        tail = _longest_path(dest, questions, by_source, steering, given, turn)
        if len(tail) > len(best):
            best = tail
    return [qid, *best]


def _check_length(
    first: str,
    questions: dict[str, Question],
    transitions: list[Transition],
    limit: int,
    top: LineMap,
    c: _Collector,
) -> None:
    """No check-in may ask more than `max_questions`, whatever the answers, in any turn."""
    by_source: dict[str, list[Transition]] = {}
    rotations = {1}
    steering: set[str] = set()
    for t in transitions:
        by_source.setdefault(t.source, []).append(t)
        for node in walk(t.condition):
            steering |= {qid for qid, _ in node.questions()}
            if isinstance(node, Turn):
                rotations.add(node.of)
    for turn in range(math.lcm(*rotations)):
        path = _longest_path(first, questions, by_source, steering, {}, turn)
        if len(path) > limit:
            c.add(
                top.line_of("max_questions"),
                f"a check-in can ask {len(path)} questions (turn {turn}: {', '.join(path)}); "
                f"max_questions is {limit}",
            )


def required_locale_ids(flow: Flow) -> list[tuple[str, str | None]]:
    """Every (message id, attribute) a flow needs in each locale."""
    ids: list[tuple[str, str | None]] = [(flow.title, None)]
    if flow.intro:
        ids.append((flow.intro, None))
    for q in flow.questions.values():
        ids.append((q.text, None))
        if q.type in ("choice", "multichoice"):
            ids += [(q.text, o) for o in q.options]
        elif q.type == "scale5":
            ids += [(f"scale-{q.scale}", f"s{i}") for i in range(1, 6)]
    ids += [(closing.text, None) for closing in flow.closings]
    if flow.on_crisis is not None:
        ids.append((flow.on_crisis.closing, None))
    for rule in flow.escalation:
        ids.append((rule.reason, None))
        if rule.tell_student:
            ids.append((rule.tell_student, None))
    return ids


def load_flow_dir(directory: Path) -> tuple[dict[str, Flow], list[FlowProblem]]:
    """Every `*.yaml` directly under `directory` (sub-folders hold other data, e.g. prompts)."""
    flows: dict[str, Flow] = {}
    problems: list[FlowProblem] = []
    for path in sorted(directory.glob("*.yaml")):
        flow, found = parse_flow(path.read_text(encoding="utf-8"), str(path))
        problems += found
        if flow is None:
            continue
        if flow.kind == "checkin" and flow.on_crisis is None:
            # A check-in must never go on to its cheerful closing after a crisis.
            problems.append(
                FlowProblem(
                    str(path),
                    1,
                    "a check-in needs on_crisis: {closing: <locale id>} — how it ends when a"
                    " crisis comes up during it",
                )
            )
            continue
        if flow.id in flows:
            problems.append(
                FlowProblem(
                    str(path),
                    1,
                    f"flow id '{flow.id}' is already used by {flows[flow.id].path} (duplicate id)",
                )
            )
            continue
        flows[flow.id] = flow
    return flows, problems


def locale_problems(flows: Iterable[Flow], has: Any) -> list[FlowProblem]:
    """`has(lang, id, attr)` is Translator.has; one problem per missing id per language."""
    from bot.config import LANGUAGES

    problems = []
    for flow in flows:
        for msg_id, attr in required_locale_ids(flow):
            for lang in LANGUAGES:
                if not has(lang, msg_id, attr):
                    shown = f"{msg_id}.{attr}" if attr else msg_id
                    problems.append(
                        FlowProblem(flow.path, 1, f"locale '{lang}' is missing message '{shown}'")
                    )
    return problems
