"""Errors the central-services client raises, each with a sentence an officer understands.

``str(error)`` is for the officer; the log gets ``repr`` and the server's details.
"""

from __future__ import annotations

from typing import Any


class CentralError(Exception):
    """Base of every error the client raises."""

    officer_message = "The central services could not complete the request."

    def __init__(self, message: str | None = None, *, detail: str = "") -> None:
        super().__init__(message or self.officer_message)
        self.detail = detail


class ServerUnreachable(CentralError):
    """No answer: connection refused, reset, DNS, or the call's deadline passed."""

    officer_message = "The central server cannot be reached. Work continues from the local cache."


class DeadlineExceeded(ServerUnreachable):
    officer_message = "The central server is answering too slowly. Work continues from the cache."


class BadResponse(CentralError):
    """The server answered something that is not what the contract says (bad JSON, wrong types)."""

    officer_message = "The central server sent data this workstation cannot read."


class ApiError(CentralError):
    """The server answered with an error body (``{"error": {"code", "message", "details"}}``)."""

    def __init__(self, status: int, code: str, message: str,
                 details: dict[str, Any] | None = None, retry_after: float | None = None) -> None:
        super().__init__(message or code, detail=f"HTTP {status} {code}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details or {}
        self.retry_after = retry_after

    @property
    def is_final(self) -> bool:
        """A final answer: repeating the same request cannot succeed (4xx but 408/425/429)."""
        return 400 <= self.status < 500 and self.status not in (401, 408, 425, 429)

    def __repr__(self) -> str:
        return f"ApiError({self.status}, {self.code!r}, {self.message!r}, {self.details!r})"


class SessionExpired(ApiError):
    """401: the token is gone or expired. The operator must log in again; pending work is kept."""

    officer_message = "Your session has expired. Please log in again; nothing you did is lost."

    def __init__(self, message: str = "", details: dict[str, Any] | None = None) -> None:
        super().__init__(401, "unauthorized", message or self.officer_message, details)

    def __str__(self) -> str:
        return self.officer_message


class LoginFailed(ApiError):
    """401 at log-in: the user name or password is wrong (not an expired session)."""

    def __init__(self, message: str = "", details: dict[str, Any] | None = None) -> None:
        super().__init__(401, "unauthorized", message or "Wrong user name or password.",
                         details)

    def __str__(self) -> str:
        return "Wrong user name or password."


class CursorExpired(ApiError):
    """410: the server no longer keeps events after our cursor; a fresh snapshot is needed."""

    def __init__(self, message: str = "cursor expired") -> None:
        super().__init__(410, "cursor_expired", message)
