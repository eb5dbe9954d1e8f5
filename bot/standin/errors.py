"""Errors raised inside the stand-in and how they turn into HTTP answers.

`ApiError` is what a Bot API method raises: it carries the exact status, description and
response parameters Telegram would send, so handlers can fail anywhere without caring about
the wire format. `ControlError` is the control API's counterpart for misuse by a test.
"""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A Telegram-shaped failure: `{"ok": false, "error_code": ..., "description": ...}`."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, int] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = dict(self.parameters)
        return body


def bad_request(reason: str) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> ApiError:
    return ApiError(403, f"Forbidden: {reason}")


def conflict(reason: str) -> ApiError:
    return ApiError(409, f"Conflict: {reason}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


def unauthorized() -> ApiError:
    return ApiError(401, "Unauthorized")


def not_found() -> ApiError:
    return ApiError(404, "Not Found")


CHAT_NOT_FOUND = "chat not found"
MESSAGE_NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"


class ControlError(Exception):
    """A control API request the stand-in refuses; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra or {}


def control_bad_request(message: str) -> ControlError:
    return ControlError(400, message)


def control_not_found(message: str) -> ControlError:
    return ControlError(404, message)


def control_conflict(message: str) -> ControlError:
    return ControlError(409, message)
