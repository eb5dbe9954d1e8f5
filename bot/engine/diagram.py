"""Draw a flow as a Mermaid state diagram (for flow authors and reviews)."""

from __future__ import annotations

from bot.engine.conditions import (
    AllOf,
    Always,
    Answered,
    AnswerIs,
    AnyOf,
    Condition,
    Not,
    ScoreBound,
    Skipped,
)
from bot.engine.model import END, Flow


def describe(condition: Condition) -> str:
    if isinstance(condition, AnswerIs):
        return f"{condition.question} = {'/'.join(str(v) for v in condition.values)}"
    if isinstance(condition, ScoreBound):
        op = "≤" if condition.at_most else "≥"
        return f"{condition.question} {op} {condition.bound:g}"
    if isinstance(condition, Skipped):
        return f"{condition.question} skipped"
    if isinstance(condition, Answered):
        return f"{condition.question} answered"
    if isinstance(condition, AllOf):
        return " and ".join(f"({describe(c)})" for c in condition.items)
    if isinstance(condition, AnyOf):
        return " or ".join(f"({describe(c)})" for c in condition.items)
    if isinstance(condition, Not):
        return f"not ({describe(condition.item)})"
    return condition.kind


def mermaid(flow: Flow) -> str:
    lines = ["stateDiagram-v2", f"    [*] --> {flow.first}"]
    for q in flow.questions.values():
        measure = f" · {q.measures}" if q.measures else ""
        lines.append(f"    {q.id}: {q.id} ({q.type}{measure})")
    for t in flow.transitions:
        dest = "[*]" if t.dest == END else t.dest
        label = "" if isinstance(t.condition, Always) else f": {describe(t.condition)}"
        lines.append(f"    {t.source} --> {dest}{label}")
    return "\n".join(lines) + "\n"
