"""Typed button payloads (bot/services/messaging/callbacks.py): what a press reads back is what
its action declares, or the press is refused like a forged one. End to end, a stale payload's
press is in tests/test_checkin_e2e.py; here, the shapes one by one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.services.messaging.callbacks import Callback, CallbackRefused, Options, Payload

ACTION = "test-action"


@dataclass(frozen=True, kw_only=True)
class Sample(Payload, action=ACTION):
    concern: int
    names: list[str]
    note: str | None = None
    ids: list[int] = field(default_factory=list)


def pressed(payload: dict[str, Any], action: str = ACTION) -> Callback:
    return Callback("t", 1, action, payload, datetime(2027, 1, 1, tzinfo=UTC), used=False)


def test_a_payload_reads_back_what_was_stored() -> None:
    stored = Sample(concern=7, names=["a", "b"], ids=[3])
    assert Sample.of(pressed(stored.as_json())) == stored


def test_missing_optional_fields_take_their_defaults() -> None:
    assert Sample.of(pressed({"concern": 1, "names": []})) == Sample(concern=1, names=[])


@pytest.mark.parametrize(
    "payload",
    [
        {"names": []},  # a required field missing
        {"concern": "7", "names": []},  # a string where an id was
        {"concern": True, "names": []},  # a bool is not an id
        {"concern": 7, "names": ["a", 3]},  # one item of the wrong type
        {"concern": 7, "names": "ab"},  # not a list
        {"concern": 7, "names": [], "ids": [None]},
    ],
)
def test_a_payload_of_another_shape_is_refused(payload: dict[str, Any]) -> None:
    with pytest.raises(CallbackRefused) as refused:
        Sample.of(pressed(payload))
    assert refused.value.reason == "callback-invalid"
    assert refused.value.hostile


def test_another_actions_payload_is_refused() -> None:
    with pytest.raises(CallbackRefused):
        Sample.of(pressed({"concern": 7, "names": []}, action="other"))


@dataclass(frozen=True, kw_only=True)
class Choice(Options, action="test-options"):
    pass


def test_an_option_never_offered_is_a_forged_press() -> None:
    choice = Choice.of(pressed({"opts": ["send", "cancel"]}, action="test-options"))
    assert choice.chosen(1) == "cancel"
    for index in (2, -1):
        with pytest.raises(CallbackRefused):
            choice.chosen(index)
