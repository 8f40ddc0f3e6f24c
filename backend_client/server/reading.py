"""The reading side of the API: session, snapshot, event stream, history, objects, media."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime

from starlette.requests import Request
from starlette.responses import Response

from backend_client.schemas import ALARM_STATES, LoginRequest, utcnow

from . import media, rules, sessions
from .context import context, session
from .problems import NotFound, ValidationFailed
from .replies import json_reply, parse_model, path_param
from .streaming import event_stream

MAX_PAGE = 500
DEFAULT_PAGE = 100


async def health(request: Request) -> Response:
    return json_reply({"status": "ok"})


async def login(request: Request) -> Response:
    ctx = context(request)
    body = parse_model(LoginRequest, await request.body())
    answer = sessions.login(ctx.store, body, ctx.config.token_ttl)
    return json_reply(answer.model_dump(mode="json"))


async def logout(request: Request) -> Response:
    sessions.logout(context(request).store, session(request))
    return Response(status_code=204)


async def snapshot(request: Request) -> Response:
    ctx = context(request)
    rules.require(session(request).actor.roles, rules.READ)
    async with ctx.hall.lock:  # no command or step between the objects and the cursor
        data = ctx.hall.snapshot()
    return json_reply(data)


async def events(request: Request) -> Response:
    ctx = context(request)
    rules.require(session(request).actor.roles, rules.READ)
    return event_stream(ctx.hall, request, ctx.config.ping_interval)


def _time_param(request: Request, name: str) -> float | None:
    text = request.query_params.get(name)
    if not text:
        return None
    try:
        t = datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError as e:
        raise ValidationFailed(f"{name}: not an RFC 3339 time: {text!r}", {"field": name}) from e
    return (t if t.tzinfo else t.replace(tzinfo=UTC)).timestamp()


def _page_token(before: int) -> str:
    return base64.urlsafe_b64encode(f"before:{before}".encode()).decode().rstrip("=")


def _page_before(token: str) -> int:
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        prefix, _, number = text.partition(":")
        if prefix == "before" and number.isdigit():
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ValidationFailed("page: not a page token from this server", {"field": "page"})


async def alarm_history(request: Request) -> Response:
    ctx = context(request)
    rules.require(session(request).actor.roles, rules.READ)
    q = request.query_params
    states = [s for s in (q.get("state") or "").split(",") if s]
    bad = [s for s in states if s not in ALARM_STATES]
    if bad:
        raise ValidationFailed(f"state: unknown alarm states {bad}", {"field": "state"})
    try:
        limit = int(q.get("limit") or DEFAULT_PAGE)
    except ValueError as e:
        raise ValidationFailed("limit: not an integer", {"field": "limit"}) from e
    if not 1 <= limit <= MAX_PAGE:
        raise ValidationFailed(f"limit: must be 1..{MAX_PAGE}", {"field": "limit"})
    before = _page_before(q["page"]) if q.get("page") else None
    rows = ctx.store.alarm_history(states=states, grid_id=q.get("grid_id") or None,
                                   since=_time_param(request, "since"),
                                   until=_time_param(request, "until"), before_n=before,
                                   limit=limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    return json_reply({"items": [a for _, a in rows],
                       "next_page": _page_token(rows[-1][0]) if more else None})


async def get_alarm(request: Request) -> Response:
    ctx = context(request)
    rules.require(session(request).actor.roles, rules.READ)
    return json_reply(ctx.hall.find_alarm(path_param(request, "id")).model_dump(mode="json"))


def _object_reader(kind: str):  # noqa: ANN202 - a Starlette endpoint
    async def read(request: Request) -> Response:
        ctx = context(request)
        rules.require(session(request).actor.roles, rules.READ)
        return json_reply(ctx.hall.find(kind, path_param(request, "id")).model_dump(mode="json"))
    return read


get_unit = _object_reader("unit")
get_camera = _object_reader("camera")


async def get_watchlist_entry(request: Request) -> Response:
    """A watchlist entry with its photo; supervisors and duty officers only, and every read is
    written to the server's access log (who, from which workstation, which entry, when)."""
    ctx = context(request)
    who = session(request)
    rules.require(who.actor.roles, rules.READ_WATCHLIST)
    entry = ctx.hall.find("watchlist", path_param(request, "id"))
    with ctx.store.transaction():
        ctx.store.log_watchlist_read(who.actor.id, who.workstation, entry.id)
    data = entry.model_dump(mode="json")
    data["photo_url"] = f"/api/v1/media/watchlist/{entry.id}.png"
    return json_reply(data)


async def get_media(request: Request) -> Response:
    ctx = context(request)
    rules.require(session(request).actor.roles, rules.READ)
    path = path_param(request, "path")
    folder, _, name = path.partition("/")
    ident = name.removesuffix(".png")
    if name.endswith(".png") and folder == "watchlist":
        # A watchlist photo is part of the entry's details: the same roles as the detail.
        rules.require(session(request).actor.roles, rules.READ_WATCHLIST)
        entry = ctx.hall.watchlist.get(ident)
        if entry is not None and entry.is_current(utcnow()):
            return _png(media.placeholder(path, 120, 160, portrait=True))
    elif name.endswith(".png") and folder == "snapshots":
        ctx.hall.find_alarm(ident)  # 404 for an unknown alarm
        return _png(media.placeholder(path, 320, 180))
    raise NotFound(f"no media {path}", {"path": path})


def _png(data: bytes) -> Response:
    return Response(data, media_type="image/png",
                    headers={"Cache-Control": "private, max-age=3600"})
