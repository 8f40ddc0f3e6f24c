"""How the server answers: JSON bodies in one encoding (so a replayed idempotent answer is
byte-identical), the contract's error body, and request bodies validated with the shared models."""

from __future__ import annotations

import json
import logging
from typing import Any

from pydantic import ValidationError
from starlette.requests import Request
from starlette.responses import Response

from backend_client.schemas import Model

from .problems import Problem, ValidationFailed

log = logging.getLogger(__name__)


def encode(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def json_reply(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return text_reply(encode(data), status, headers)


def text_reply(text: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(text.encode(), status_code=status, headers=headers,
                    media_type="application/json")


def problem_reply(problem: Problem) -> Response:
    headers = {"Allow": problem.details["allow"]} if "allow" in problem.details else None
    return json_reply(problem.body(), problem.status, headers)


def internal_reply() -> Response:
    return json_reply({"error": {"code": "internal", "message": "the server failed to answer "
                                 "this request; the log has the details", "details": {}}}, 500)


def parse_json(raw: bytes) -> Any:
    """The request body as JSON; an empty body counts as ``{}`` (commands without fields)."""
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValidationFailed(f"the body is not valid JSON: {e}", {"field": "(body)"}) from e


def parse_model[M: Model](model: type[M], raw: bytes) -> M:
    """Validate a request body; 422 ``validation_failed`` naming the first bad field."""
    data = parse_json(raw)
    if not isinstance(data, dict):
        raise ValidationFailed("the body must be a JSON object", {"field": "(body)"})
    try:
        return model.model_validate(data)
    except ValidationError as e:
        errors = [{"field": ".".join(str(p) for p in err["loc"]) or "(body)",
                   "message": err["msg"]} for err in e.errors()]
        first = errors[0]
        raise ValidationFailed(f"{first['field']}: {first['message']}",
                               {"field": first["field"], "errors": errors}) from e


def path_param(request: Request, name: str) -> str:
    return str(request.path_params[name])
