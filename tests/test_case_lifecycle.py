"""A case's status follows one table (bot/services/cases/lifecycle.py), and no other code
writes it. The expectations here are the rules as a coach would state them, written out
independently of the table."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.services.cases import lifecycle as life
from bot.services.cases.lifecycle import (
    ACKNOWLEDGE,
    ACKNOWLEDGED,
    CLOSE,
    CLOSED,
    CONTACT_NOT_REACHED,
    CONTACT_REACHED,
    CONTACTED,
    FOLLOWUP,
    FOLLOWUP_AGREED,
    FOLLOWUP_HELD_NOT_REACHED,
    FOLLOWUP_HELD_REACHED,
    OPEN,
    REOPEN,
    after,
)

EXPECTED = {
    # "I'll get in touch" only on a case nobody has taken yet
    (OPEN, ACKNOWLEDGE): ACKNOWLEDGED,
    # a contact that reached the student makes it contacted; a later one changes nothing
    (OPEN, CONTACT_REACHED): CONTACTED,
    (ACKNOWLEDGED, CONTACT_REACHED): CONTACTED,
    (CONTACTED, CONTACT_REACHED): CONTACTED,
    (FOLLOWUP, CONTACT_REACHED): FOLLOWUP,
    # a try that did not reach them still shows someone has taken the case
    (OPEN, CONTACT_NOT_REACHED): ACKNOWLEDGED,
    (ACKNOWLEDGED, CONTACT_NOT_REACHED): ACKNOWLEDGED,
    (CONTACTED, CONTACT_NOT_REACHED): CONTACTED,
    (FOLLOWUP, CONTACT_NOT_REACHED): FOLLOWUP,
    # a follow-up can be agreed at any point of an open case
    (OPEN, FOLLOWUP_AGREED): FOLLOWUP,
    (ACKNOWLEDGED, FOLLOWUP_AGREED): FOLLOWUP,
    (CONTACTED, FOLLOWUP_AGREED): FOLLOWUP,
    (FOLLOWUP, FOLLOWUP_AGREED): FOLLOWUP,
    # a follow-up held goes back to where the case was
    (FOLLOWUP, FOLLOWUP_HELD_REACHED): CONTACTED,
    (FOLLOWUP, FOLLOWUP_HELD_NOT_REACHED): ACKNOWLEDGED,
    # a higher level or a new crisis needs someone again
    (OPEN, REOPEN): OPEN,
    (ACKNOWLEDGED, REOPEN): OPEN,
    (CONTACTED, REOPEN): OPEN,
    (FOLLOWUP, REOPEN): OPEN,
    # any open case can be closed
    (OPEN, CLOSE): CLOSED,
    (ACKNOWLEDGED, CLOSE): CLOSED,
    (CONTACTED, CLOSE): CLOSED,
    (FOLLOWUP, CLOSE): CLOSED,
}


@pytest.mark.parametrize("status", life.STATUSES)
@pytest.mark.parametrize("event", life.EVENTS)
def test_every_event_from_every_status(status: str, event: str) -> None:
    # Whatever is not listed does not apply: e.g. nothing moves a closed case, and a case
    # already taken is not "acknowledged" again.
    assert after(status, event) == EXPECTED.get((status, event))


def test_a_closed_case_stays_closed_whatever_happens() -> None:
    assert all(after(CLOSED, event) is None for event in life.EVENTS)


def test_an_unknown_event_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown case event"):
        after(OPEN, "acknowledged")


def status_writes(source: str) -> list[int]:
    """Lines of string literals (adjacent ones joined, as Python does) that set a concern's
    status."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and WRITES_STATUS.search(node.value)
    ]


# the SET clause only: "WHERE status = ..." reads the status, it does not write it
WRITES_STATUS = re.compile(
    r"UPDATE\s+concerns\s+SET\b(?:(?!\bWHERE\b).)*?[\s,]status\s*=", re.I | re.S
)


def test_the_check_sees_a_status_write_split_over_literals() -> None:
    source = 'tx.execute("UPDATE concerns SET level = ?,"\n " status = ? WHERE id = ?")\n'
    assert status_writes(source) == [1]
    assert status_writes('x = "UPDATE concerns SET level = ? WHERE status = 1"') == []


def test_no_other_code_writes_a_case_status() -> None:
    found = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}"
        for path in sorted((PROJECT_ROOT / "bot").rglob("*.py"))
        if path != Path(life.__file__)
        for line in status_writes(path.read_text(encoding="utf-8"))
    ]
    assert found == []
