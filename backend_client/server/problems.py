"""The errors a request can end in, each with the contract's status and error code.

Domain code (rules, commands) raises these; ``app.py`` turns them into the contract's error body
``{"error": {"code", "message", "details"}}``, so no handler formats an error by hand.
"""

from __future__ import annotations

from typing import Any


class Problem(Exception):
    """A request that cannot be answered with success; ``status``/``code`` from the contract."""

    status = 500
    code = "internal"

    def __init__(self, message: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}

    def body(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class Unauthorized(Problem):
    status, code = 401, "unauthorized"


class Forbidden(Problem):
    status, code = 403, "forbidden"


class NotFound(Problem):
    status, code = 404, "not_found"


class MethodNotAllowed(Problem):
    status, code = 405, "method_not_allowed"


class Conflict(Problem):
    """409 ``invalid_transition``: the object's state does not allow the command."""

    status, code = 409, "invalid_transition"


class VersionConflict(Problem):
    status, code = 409, "version_conflict"


class CursorExpired(Problem):
    status, code = 410, "cursor_expired"


class ValidationFailed(Problem):
    status, code = 422, "validation_failed"


class NotImplementedHere(Problem):
    """501: the contract allows the command, but this object cannot do it (a camera without PTZ)."""

    status, code = 501, "not_implemented"


class Unavailable(Problem):
    status, code = 503, "unavailable"
