"""The benchmark harness runs end to end on a tiny school: processes start and stop, every
answer lands, every round message arrives once. Correctness only — benchmarks are not tests,
so nothing here looks at a timing."""

from __future__ import annotations

from pathlib import Path

from bench import scenarios as sc

STUDENTS = 4


async def test_dialog_harness_counts_every_answer_and_reaction(tmp_path: Path) -> None:
    result = await sc.kohtaamo_dialog(tmp_path, STUDENTS, latency_fraction=1.0)
    assert result.answers > 0
    assert result.answers % STUDENTS == 0
    # presses and a typed answer, plus a multichoice toggle in the weeks whose rotation asks
    # about everyday life (the bench runs on the real clock, so not every week)
    assert result.updates >= result.answers
    # both check-ins (throughput, then latency) are in the database, answer for answer
    assert result.answers_in_db == 2 * result.answers
    # every answer of the latency phase got its next question (or the closing) matched
    assert len(result.question_ms) == result.answers
    assert all(ms > 0 for ms in result.first_ms)


async def test_fanout_harness_sees_each_message_once(tmp_path: Path) -> None:
    result = await sc.kohtaamo_fanout(tmp_path, STUDENTS, rate=1000.0, settle=0)
    assert result.delivery is not None
    assert (result.delivery.delivered, result.delivery.lost, result.delivery.duplicates) == (
        STUDENTS,
        0,
        0,
    )


async def test_echo_baseline_answers_every_message(tmp_path: Path) -> None:
    result = await sc.echo_dialog(tmp_path, 2, 2)
    assert result.answers == result.updates == 4
