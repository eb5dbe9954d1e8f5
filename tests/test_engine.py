"""The flow loader and the engine: every condition kind, every question type, strict validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from textwrap import dedent

import pytest

from bot.engine.conditions import AnswerValue, parse_condition
from bot.engine.diagram import mermaid
from bot.engine.loader import load_flow_dir, parse_flow, required_locale_ids
from bot.engine.model import END, Flow
from bot.engine.runner import (
    SKIP,
    AnswerContext,
    AnswerError,
    Engine,
    toggle,
    value_from_button,
    value_from_text,
)

TODAY = date(2026, 11, 23)

FLOW = dedent(
    """\
    flow: testi
    version: 2
    first: mieli
    questions:
      mieli: {text: q-mieli, type: scale5, measures: wellbeing}
      tuki: {text: q-tuki, type: choice, options: [puhe, tauko, muu], scores: {puhe: 2, tauko: 3}}
      arki: {text: q-arki, type: multichoice, options: [uni, raha, ok]}
      ajatus: {text: q-ajatus, type: yesno, scores: {kylla: 1, ei: 5}, measures: quitting}
      vapaa: {text: q-vapaa, type: text, max_length: 20}
      pvm: {text: q-pvm, type: date, offsets: [0, -1], skippable: false}
    transitions:
      - {from: mieli, to: tuki, if: {answer_at_most: {mieli: 2}}}
      - {from: mieli, to: arki}
      - {from: tuki, to: arki}
      - {from: arki, to: ajatus, if: {any: [{answer: {arki: raha}}, {skipped: arki}]}}
      - {from: arki, to: vapaa}
      - {from: ajatus, to: vapaa}
      - {from: vapaa, to: pvm}
      - {from: pvm, to: end}
    closing:
      - {if: {all: [{answer_at_least: {mieli: 4}}, {not: {answer: {ajatus: kylla}}}]}, text: c-hyva}
      - {text: c-muu}
    escalation:
      - {id: quit, if: {answer: {ajatus: kylla}}, level: urgent, reason: r-q, tell_student: s-q}
      - id: low
        if: {measure_at_most: {measure: wellbeing, value: 2, checkins: 2}}
        level: concern
        reason: r-low
    """
)


def load(text: str = FLOW) -> Flow:
    flow, problems = parse_flow(text, "testi.yaml")
    assert problems == [], [str(p) for p in problems]
    assert flow is not None
    return flow


async def walk(flow: Flow, *values: object) -> tuple[list[str], str | None]:
    engine = Engine()
    state, answers, visited, closing = flow.first, {}, [], None
    for value in values:
        visited.append(state)
        step = await engine.step(flow, state, answers, value)
        answers[state] = step.answer
        state, closing = step.next_state, step.closing
    assert state == END
    return visited, closing


async def test_low_mood_branches_to_support_and_first_match_wins() -> None:
    flow = load()
    path, closing = await walk(flow, 1, "puhe", ["uni"], "hei", "2026-11-23")
    assert path == ["mieli", "tuki", "arki", "vapaa", "pvm"]
    assert closing == "c-muu"


async def test_good_week_skips_support_and_gets_the_warm_closing() -> None:
    flow = load()
    path, closing = await walk(flow, 5, ["raha"], "ei", "kiitos", "2026-11-23")
    assert path == ["mieli", "arki", "ajatus", "vapaa", "pvm"]
    assert closing == "c-hyva"


async def test_skipping_counts_as_skipped_not_as_an_answer() -> None:
    flow = load()
    path, closing = await walk(flow, 4, SKIP, "kylla", SKIP, "2026-11-22")
    assert path == ["mieli", "arki", "ajatus", "vapaa", "pvm"]
    assert closing == "c-muu"  # 'not kylla' failed


def test_buttons_map_to_values_and_forged_indexes_are_refused() -> None:
    flow = load()
    q = flow.questions
    assert value_from_button(q["mieli"], 4, TODAY) == 5
    assert value_from_button(q["ajatus"], 0, TODAY) == "kylla"
    assert value_from_button(q["tuki"], -1, TODAY) == SKIP
    assert value_from_button(q["pvm"], 1, TODAY) == "2026-11-22"
    for question, index in ((q["mieli"], 5), (q["tuki"], 99), (q["pvm"], 2)):
        with pytest.raises(AnswerError):
            value_from_button(question, index, TODAY)
    with pytest.raises(AnswerError, match="not-skippable"):
        value_from_button(q["pvm"], -1, TODAY)


def test_typed_answers_count_only_when_unambiguous() -> None:
    flow = load()
    q = flow.questions
    labels = {"kylla": ["Kyllä", "Ja", "Yes", "joo"], "ei": ["Ei", "Nej", "No"]}
    assert value_from_text(q["mieli"], " 4 ", {}, TODAY) == 4
    assert value_from_text(q["ajatus"], "Joo!", labels, TODAY) == "kylla"
    assert value_from_text(q["ajatus"], "nej", labels, TODAY) == "ei"
    assert value_from_text(q["tuki"], "2", {}, TODAY) == "tauko"
    assert value_from_text(q["pvm"], "24.11.", {}, TODAY) == "2026-11-24"
    assert value_from_text(q["pvm"], "1.2.27", {}, TODAY) == "2027-02-01"
    with pytest.raises(AnswerError, match="answer-type-hint"):
        value_from_text(q["ajatus"], "ehkä", labels, TODAY)
    with pytest.raises(AnswerError, match="answer-type-hint"):
        value_from_text(q["mieli"], "7", {}, TODAY)
    with pytest.raises(AnswerError, match="answer-date-hint"):
        value_from_text(q["pvm"], "31.2.", {}, TODAY)
    with pytest.raises(AnswerError, match="answer-use-buttons"):
        value_from_text(q["arki"], "uni", {}, TODAY)


def test_text_over_the_limit_is_refused_with_the_numbers() -> None:
    question = load().questions["vapaa"]
    assert value_from_text(question, "  lyhyt  ", {}, TODAY) == "lyhyt"
    with pytest.raises(AnswerError) as caught:
        value_from_text(question, "x" * 21, {}, TODAY)
    assert caught.value.reason == "answer-text-too-long"
    assert caught.value.args_for_message == {"limit": 20, "length": 21}
    with pytest.raises(AnswerError, match="empty"):
        value_from_text(question, "   ", {}, TODAY)


def test_multichoice_toggles_keep_option_order() -> None:
    question = load().questions["arki"]
    chosen = toggle(question, [], 1)
    chosen = toggle(question, chosen, 0)
    assert chosen == ["uni", "raha"]
    assert toggle(question, chosen, 1) == ["uni"]
    with pytest.raises(AnswerError):
        toggle(question, chosen, 3)


def ctx(**answers: object) -> AnswerContext:
    return AnswerContext(
        {k: AnswerValue(v, float(v) if isinstance(v, int) else None) for k, v in answers.items()}
    )


@pytest.mark.parametrize(
    ("raw", "answers", "expected"),
    [
        ({"answer": {"a": "x"}}, {"a": "x"}, True),
        ({"answer": {"a": ["x", "y"]}}, {"a": "y"}, True),
        ({"answer": {"a": "x"}}, {"a": ["z", "x"]}, True),
        ({"answer_in": {"a": ["x"]}}, {"a": "q"}, False),
        ({"answer_at_most": {"a": 2}}, {"a": 2}, True),
        ({"answer_at_most": {"a": 2}}, {"a": 3}, False),
        ({"answer_at_least": {"a": 4}}, {"a": 5}, True),
        ({"answer_at_least": {"a": 4}}, {}, False),
        ({"skipped": "a"}, {"a": None}, True),
        ({"answered": "a"}, {"a": None}, False),
        ({"not": {"answer": {"a": "x"}}}, {"a": "x"}, False),
        ({"all": [{"answered": "a"}, {"answer_at_least": {"a": 3}}]}, {"a": 3}, True),
        ({"any": [{"skipped": "a"}, {"answer": {"a": 1}}]}, {"a": 1}, True),
    ],
)
def test_every_answer_condition(raw: object, answers: dict[str, object], expected: bool) -> None:
    assert parse_condition(raw, allow_history=False).evaluate(ctx(**answers)) is expected


def test_history_conditions() -> None:
    history = {"wellbeing": [4, 2, 1], "studies": [5, 4, 3]}
    context = AnswerContext({}, history, missed=2, cues=frozenset({"crisis"}))

    def check(raw: object) -> bool:
        return parse_condition(raw, allow_history=True).evaluate(context)

    assert check({"measure_at_most": {"measure": "wellbeing", "value": 2, "checkins": 2}})
    assert not check({"measure_at_most": {"measure": "wellbeing", "value": 2, "checkins": 3}})
    assert check({"measure_drop": {"measure": "studies", "by": 2, "checkins": 3}})
    assert not check({"measure_drop": {"measure": "studies", "by": 2, "checkins": 2}})
    assert check({"missed_checkins": 2})
    assert not check({"missed_checkins": 3})
    assert check({"text_cue": "crisis"})
    assert not check({"text_cue": "money"})


def test_no_eval_and_unknown_conditions_are_refused() -> None:
    from bot.engine.conditions import ConditionError

    for raw in ({"python": "__import__('os')"}, {"answer": "x"}, {"all": []}, "answer"):
        with pytest.raises(ConditionError):
            parse_condition(raw, allow_history=True)
    with pytest.raises(ConditionError, match="only be used in escalation"):
        parse_condition({"missed_checkins": 2}, allow_history=False)


def problems_of(text: str) -> list[str]:
    flow, problems = parse_flow(dedent(text), "bad.yaml")
    assert flow is None
    return [str(p) for p in problems]


def test_loader_reports_file_line_and_a_clear_sentence() -> None:
    found = problems_of(
        """\
        flow: bad
        version: 1
        first: a
        colour: blue
        questions:
          a: {text: q-a, type: slider}
          b: {text: q-b, type: yesno}
          c: {text: q-c, type: choice, options: [x, y]}
          d: {text: q-d, type: yesno}
        transitions:
          - {from: b, to: c, if: {answer: {b: maybe}}}
          - {from: c, to: nowhere}
          - {from: d, to: end, if: {answer: {zz: kylla}}}
        """
    )
    text = "\n".join(found)
    assert "bad.yaml:4: unknown key 'colour'" in text
    assert "bad.yaml:6: question 'a' has unknown type 'slider'" in text
    assert "question 'b' has no option 'maybe'" in text
    assert "bad.yaml:11:" in text
    assert "transition to unknown question 'nowhere'" in text
    assert "refers to unknown question 'zz'" in text


def test_unreachable_dead_end_loop_and_duplicates_are_found() -> None:
    text = "\n".join(
        problems_of(
            """\
            flow: bad
            version: 1
            first: a
            questions:
              a: {text: q-a, type: yesno}
              b: {text: q-b, type: yesno}
              c: {text: q-c, type: yesno}
              d: {text: q-d, type: yesno}
            transitions:
              - {from: a, to: c, if: {answer: {a: kylla}}}
              - {from: a, to: d}
              - {from: a, to: b}
              - {from: c, to: c}
              - {from: d, to: end}
            """
        )
    )
    assert "question 'b' can never be reached" in text
    assert "transition a → b can never be used" in text
    assert "question 'c' can never reach the end" in text
    dup = problems_of("flow: x\nversion: 1\nfirst: a\nfirst: b\nquestions: {}\n")
    assert any("defined twice" in p and ":4:" in p for p in dup)


def test_no_fallback_transition_is_a_dead_end() -> None:
    text = "\n".join(
        problems_of(
            """\
            flow: bad
            version: 1
            first: a
            questions:
              a: {text: q-a, type: yesno}
            transitions:
              - {from: a, to: end, if: {answer: {a: kylla}}}
            """
        )
    )
    assert "no way forward when none of its conditions match" in text


def test_diagram_shows_every_transition() -> None:
    drawn = mermaid(load())
    assert drawn.startswith("stateDiagram-v2")
    assert "mieli --> tuki: mieli ≤ 2" in drawn
    assert "pvm --> [*]" in drawn


def test_escalation_rules_are_loaded_and_exposed() -> None:
    flow = load()
    rules = {r.id: r for r in flow.escalation}
    assert rules["quit"].level == "urgent"
    assert rules["quit"].tell_student == "s-q"
    assert rules["low"].condition.needs_history


ROTATING = """\
flow: rot
version: 1
first: a
max_questions: {limit}
questions:
  a: {{text: q-a, type: scale5}}
  extra: {{text: q-extra, type: yesno}}
  x: {{text: q-x, type: yesno}}
  y: {{text: q-y, type: yesno}}
  z: {{text: q-z, type: text}}
transitions:
  - {{from: a, to: extra, if: {{answer_at_most: {{a: 2}}}}}}
  - {{from: a, to: x, if: {{turn: {{of: 2, is: 0}}}}}}
  - {{from: a, to: y}}
  - {{from: extra, to: x, if: {{turn: {{of: 2, is: 0}}}}}}
  - {{from: extra, to: y}}
  - {{from: x, to: z}}
  - {{from: y, to: z, if: {{answer_at_most: {{a: 2}}}}}}
  - {{from: y, to: end}}
  - {{from: z, to: end}}
"""


async def test_turn_conditions_rotate_questions_by_the_check_in_turn() -> None:
    flow = load(ROTATING.format(limit=4))
    engine = Engine()
    assert (await engine.step(flow, "a", {}, 4, turn=10)).next_state == "x"  # even week
    assert (await engine.step(flow, "a", {}, 4, turn=11)).next_state == "y"  # odd week


def test_max_questions_is_checked_on_every_path_in_every_turn() -> None:
    load(ROTATING.format(limit=4))  # longest: a, extra, x|y, z
    problems = "\n".join(problems_of(ROTATING.format(limit=3)))
    assert "can ask 4 questions (turn 0: a, extra, x, z)" in problems
    assert "can ask 4 questions (turn 1: a, extra, y, z)" in problems
    bad_turn = ROTATING.format(limit=4).replace("{of: 2, is: 0}", "{of: 2, is: 2}", 1)
    assert any("'turn' takes {of: N, is: K}" in p for p in problems_of(bad_turn))


def test_exclusive_option_clears_the_others_and_is_cleared_by_them() -> None:
    flow = parse_flow(
        "flow: m\nversion: 1\nfirst: q\nquestions:\n"
        "  q: {text: q-q, type: multichoice, options: [uni, raha, ok], exclusive: [ok]}\n"
        "transitions:\n  - {from: q, to: end}\n"
    )[0]
    assert flow is not None
    question = flow.questions["q"]
    chosen = toggle(question, toggle(question, [], 0), 1)
    assert chosen == ["uni", "raha"]
    assert toggle(question, chosen, 2) == ["ok"]  # "all fine" alone
    assert toggle(question, ["ok"], 1) == ["raha"]  # a difficulty clears "all fine"
    bad = (
        "flow: m\nversion: 1\nfirst: q\nquestions:\n"
        "  q: {text: q-q, type: yesno, exclusive: [x]}\n"
        "transitions:\n  - {from: q, to: end}\n"
    )
    assert any("exclusive of 'q'" in p for p in problems_of(bad))


@pytest.mark.parametrize("value", ["0", "false", "ok", "{ok: 1}"])
def test_exclusive_that_is_not_a_list_is_a_problem_with_its_line(value: str) -> None:
    bad = (
        "flow: m\nversion: 1\nfirst: q\nquestions:\n"
        "  q:\n    text: q-q\n    type: multichoice\n    options: [uni, ok]\n"
        f"    exclusive: {value}\n"
        "transitions:\n  - {from: q, to: end}\n"
    )
    flow, problems = parse_flow(bad, "bad.yaml")
    assert flow is None
    assert [(p.line, "exclusive of 'q'" in p.message) for p in problems] == [(9, True)]


def test_exclusive_left_empty_means_none() -> None:
    flow, problems = parse_flow(
        "flow: m\nversion: 1\nfirst: q\nquestions:\n"
        "  q:\n    text: q-q\n    type: multichoice\n    options: [uni, ok]\n"
        "    exclusive:\n"
        "transitions:\n  - {from: q, to: end}\n"
    )
    assert problems == []
    assert flow is not None
    assert flow.questions["q"].exclusive == ()


def test_on_crisis_declares_how_a_check_in_ends_after_a_crisis(tmp_path: Path) -> None:
    flow, problems = parse_flow(FLOW + "on_crisis: {closing: close-kriisi}\n")
    assert problems == []
    assert flow is not None
    assert flow.on_crisis is not None
    assert flow.on_crisis.closing == "close-kriisi"
    assert ("close-kriisi", None) in required_locale_ids(flow)  # `flows check` wants its text
    for bad, says in [
        ("on_crisis: close-kriisi\n", "on_crisis must be a mapping"),
        ("on_crisis: {}\n", "on_crisis needs a closing"),
        ("on_crisis: {closing: x, then: jatka}\n", "unknown key 'then' in on_crisis"),
    ]:
        flow, problems = parse_flow(FLOW + bad)
        assert flow is None, bad
        assert any(says in p.message for p in problems), bad
    staff = FLOW.replace("version: 2\n", "version: 2\nkind: staff\n")
    _, problems = parse_flow(staff + "on_crisis: {closing: close-kriisi}\n")
    assert any("on_crisis is for check-ins" in p.message for p in problems)
    # A check-in in the flows folder without on_crisis is refused by `kohtaamo flows check`.
    (tmp_path / "testi.yaml").write_text(FLOW, encoding="utf-8")
    flows, problems = load_flow_dir(tmp_path)
    assert flows == {}
    assert [p.message for p in problems] == [
        "a check-in needs on_crisis: {closing: <locale id>} — how it ends when a crisis comes"
        " up during it"
    ]
