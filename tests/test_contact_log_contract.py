"""What the contact log needs of `flows/yhteydenotto.yaml`, checked by `kohtaamo flows check`.

A school may edit the contact-log flow; an edit that drops or changes a question the code reads
is a problem on its line before the bot runs, not a KeyError in front of a coach.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.engine.loader import parse_flow
from bot.services.cases.contact_log import CONTRACT, contract_problems

SHIPPED = (PROJECT_ROOT / "flows" / "yhteydenotto.yaml").read_text(encoding="utf-8")


def flows_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flow: str = SHIPPED
) -> tuple[int, str]:
    """`kohtaamo flows check` on a copy of the shipped flows with `flow` as the contact log."""
    folder = tmp_path / "flows"
    shutil.copytree(PROJECT_ROOT / "flows", folder)
    (folder / "yhteydenotto.yaml").write_text(flow, encoding="utf-8")
    status = main(["flows", "--dir", str(folder), "check"])
    return status, capsys.readouterr().out


def test_the_shipped_flow_keeps_the_contract(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = flows_check(tmp_path, capsys)
    assert status == 0, out
    assert "yhteydenotto v2" in out
    flow, _ = parse_flow(SHIPPED, "yhteydenotto.yaml")
    assert flow is not None
    assert contract_problems(flow) == []
    assert {n.id for n in CONTRACT if n.required} <= set(flow.questions)


def test_a_renamed_closing_question_is_a_problem_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    renamed = re.sub(r"(?<!-)\bsulkemissyy\b", "syy", SHIPPED)  # the text key stays
    status, out = flows_check(tmp_path, capsys, renamed)
    assert status == 1
    questions_line = SHIPPED.splitlines().index("questions:") + 1
    assert (
        f"yhteydenotto.yaml:{questions_line}: the flow has no question 'sulkemissyy': the contact"
        " log needs it as a choice question for the reasons a case is closed with" in out
    ), out
    assert "1 problem(s) found" in out


def test_a_contact_log_without_not_reached_is_a_problem_naming_the_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A school that drops "Tried, didn't reach" with its transition and follow-up question."""
    edited = SHIPPED.replace(", ei_tavoitettu]", "]")
    edited = edited.replace(
        "  - {from: miten, to: yritys, if: {answer: {miten: ei_tavoitettu}}}\n", ""
    )
    edited = edited.replace("  - {from: yritys, to: seuraavaksi}\n", "")
    edited = re.sub(r"  yritys:.*\n(    .*\n)+", "", edited)
    status, out = flows_check(tmp_path, capsys, edited)
    assert status == 1
    assert (
        "question 'miten' has no option 'ei_tavoitettu', which the contact log needs for a try"
        " that did not reach the student" in out
    ), out
    assert "the flow has no question 'yritys'" in out


def test_the_option_removed_alone_is_caught_by_the_loader(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out = flows_check(tmp_path, capsys, SHIPPED.replace(", ei_tavoitettu]", "]"))
    assert status == 1
    assert "question 'miten' has no option 'ei_tavoitettu'" in out
    assert "there is no valid flow 'yhteydenotto'" in out  # and the contact log needs one


def test_a_follow_up_date_asked_as_text_is_a_problem_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = SHIPPED.replace("type: date, offsets: [1, 3, 7, 14]", "type: text")
    assert edited != SHIPPED
    status, out = flows_check(tmp_path, capsys, edited)
    assert status == 1
    assert (
        "question 'seuranta_pvm' is a text question, but the contact log needs a date question"
        " for the follow-up date" in out
    ), out


def test_a_skippable_closing_reason_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = SHIPPED.replace(
        "      - ei_tavoitettu\n    skippable: false\n", "      - ei_tavoitettu\n"
    )
    assert edited != SHIPPED
    status, out = flows_check(tmp_path, capsys, edited)
    assert status == 1
    assert "question 'sulkemissyy' needs 'skippable: false'" in out, out


def test_a_missing_contact_log_flow_is_a_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "flows"
    shutil.copytree(PROJECT_ROOT / "flows", folder)
    (folder / "yhteydenotto.yaml").unlink()
    assert main(["flows", "--dir", str(folder), "check"]) == 1
    assert "there is no valid flow 'yhteydenotto'" in capsys.readouterr().out


def test_a_schools_harmless_edits_still_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another text key, an extra option and an extra question: the contact log still works."""
    locales = tmp_path / "locales"
    shutil.copytree(PROJECT_ROOT / "locales", locales)
    for lang in ("fi", "sv", "en"):
        ftl = locales / lang / "contacts.ftl"
        text = ftl.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^(q-yht-miten = .*)$", r"\1\n    .video = Video", text)
        ftl.write_text(text + "q-yht-kesto = Kuinka kauan?\n", encoding="utf-8")
    monkeypatch.setenv("LOCALES_DIR", str(locales))
    edited = SHIPPED.replace("text: q-yht-muistiinpano", "text: q-yht-seuranta-mita")
    edited = edited.replace("kotikaynti, ei_tavoitettu]", "kotikaynti, video, ei_tavoitettu]")
    edited = edited.replace(
        "  muistiinpano: {", "  kesto: {text: q-yht-kesto, type: text}\n  muistiinpano: {"
    )
    edited = edited.replace("{from: muistiinpano, to: end}", "{from: muistiinpano, to: kesto}")
    edited = edited.replace("transitions:\n", "transitions:\n  - {from: kesto, to: end}\n")
    assert edited.count("kesto") == 4
    assert "video" in edited
    status, out = flows_check(tmp_path, capsys, edited)
    assert status == 0, out
