"""Reference-server-only administration: the hall's notices and alert level
(CONTRACT-NOTES.md, "Alert level"). A real hall sets these from its own console."""

from __future__ import annotations

import logging

from starlette.requests import Request
from starlette.responses import Response

from backend_client.schemas import ALERT_LEVELS

from .context import context, session
from .problems import Forbidden, ValidationFailed
from .replies import json_reply, parse_json

log = logging.getLogger(__name__)


async def post_notice(request: Request) -> Response:
    """``POST /admin/notice {"level", "text", "alert_level"?}``: a supervisor announces to the
    hall; with ``alert_level`` the hall's alert level changes too."""
    ctx = context(request)
    who = session(request)
    if "supervisor" not in who.actor.roles:
        raise Forbidden("only a supervisor announces to the hall")
    body = parse_json(await request.body())
    if not isinstance(body, dict):
        raise ValidationFailed("the body must be a JSON object")
    level, text, alert = body.get("level"), body.get("text"), body.get("alert_level")
    if level not in ("info", "warning", "critical"):
        raise ValidationFailed('level: one of "info", "warning", "critical"', {"field": "level"})
    if not isinstance(text, str) or not text.strip():
        raise ValidationFailed("text: a non-empty string", {"field": "text"})
    if alert is not None and alert not in ALERT_LEVELS:
        raise ValidationFailed(f"alert_level: one of {', '.join(ALERT_LEVELS)}",
                               {"field": "alert_level"})
    with ctx.hall.changes():
        ctx.hall.notice(level, text.strip(), alert)
    log.info("notice by %s: %s %r (alert level %s)", who.actor.id, level, text, alert)
    return json_reply({"alert": ctx.hall.alert()})
