"""The project's API document: OpenAPI 3.1 for ``GET /api/v1/openapi.json``.

Component schemas come from the shared pydantic models, so the document cannot drift from what
client and server validate; the descriptions carry the decisions of CONTRACT-NOTES.md.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pydantic.json_schema import models_json_schema

from backend_client import schemas as s

from .config import KEEP_EVENTS
from .rules import ROLE_TABLE, UNIT_TRANSITIONS

REF = "#/components/schemas/{model}"
MODELS = [s.Alarm, s.Unit, s.Camera, s.Grid, s.WatchlistEntry, s.AuditEvent, s.Operator,
          s.LoginRequest, s.LoginResponse, s.ErrorBody, s.UnitMoved, s.WatchlistRemoved,
          s.Notice, s.RaiseAlarm, s.Acknowledge, s.Verify, s.Dispatch, s.AddNote, s.Close,
          s.SetUnitStatus, s.PtzMove, s.AuditBatch]

DESCRIPTION = f"""Central services of the command hall, version 1 (the contract in
`shared/contract/central-api.md`), as the reference server implements it.

Decisions where the contract is silent (CONTRACT-NOTES.md):

- **Cursors** are opaque; the reference server writes `<epoch>-<seq>` (epoch: random id of its
  database; seq: the event's number). A cursor of another epoch, a garbled one, or one older than
  the oldest kept event is `410 cursor_expired` (the reference server keeps the last
  {KEEP_EVENTS:,} events). `GET /events` takes the cursor from `Last-Event-ID`, then `?since=`,
  else streams from now. `: ping` comments come every 15 s (reference server: `--ping-interval`).
- **Idempotency keys** are stored per operator for at least 24 h with a hash of method, path and
  body and with the answer (refusals included). The same key again returns the same status and
  body; the same key with another request, or a command without the key, is
  `422 validation_failed`.
- **Acknowledge**: `new` → `acknowledged`. **Verify**: only `watchlist_hit`, only while not
  verified and not closed; `match: true` sets `verified: true` (and acknowledges a `new` alarm);
  `match: false` sets `verified: false` and closes it as `false_alarm`.
- **Dispatch**: from `acknowledged`/`dispatched`/`on_scene` (an `on_scene` alarm stays
  `on_scene`); every unit must be `available` or already on this alarm; a supervisor may take a
  unit off another open alarm (reassigning; a duty officer gets 403). A `watchlist_hit` needs
  `verified: true` first (409 `invalid_transition`).
- **Close**: any open state; a duty officer may close alarms they acknowledged or that nobody
  has; a supervisor closes any. Units still on the alarm become `available`; the closed alarm
  keeps `assigned_unit_ids` as its record.
- **Unit status** transitions (anything else is 409 `invalid_transition`; `dispatched` only
  comes from a dispatch): {"; ".join(f"{k} → {', '.join(sorted(v))}"
                                       for k, v in UNIT_TRANSITIONS.items())}.
  A unit with an alarm going `on_scene` moves a `dispatched` alarm to `on_scene`; a unit leaving
  its alarm (available, busy, out_of_service, off_duty) is taken off the alarm's assigned units.
- **Roles** (403 `forbidden` otherwise): {"; ".join(f"{k}: {', '.join(sorted(v))}"
                                                   for k, v in ROLE_TABLE.items())}.
- **History** `GET /alarms` pages with an opaque `next_page` token passed back as `page` (with the
  same filters). `acknowledged_by` holds the operator's id; a note's `by` holds their name.
- Errors are always `{{"error": {{"code", "message", "details"}}}}`; validation errors name the
  field in `message` and in `details.field`. A PTZ command to a camera without PTZ is
  `501 not_implemented`. `POST /audit` answers `{{"stored": n}}`, n = events of the batch the
  server holds (idempotent per event id).
- **Test streams** (reference server only, `ccw-server --streams`; not part of the contract): each
  camera's `streams` carries `http://<server>/streams/<id>/main.ts` and `…/sub.ts` (looping test
  clips as HTTP MPEG-TS, H.264 1280×720 and 640×360 at 25 fps, no auth, like a camera's own URL;
  404 while the camera is offline, 503 while its stream is made to fail, and an open stream ends
  at once when either happens). `GET /admin/streams` lists every camera's URLs by transport
  (RTSP over TCP and UDP per camera from GStreamer, RTSP over UDP per clip from libVLC);
  `POST /admin/cameras/{{id}}/stream` makes one camera's stream fail and recover (tests and the
  demo's fault menu). Without `--streams` both are `404 not_found` and `streams` stay null.
- **Alert level**: a `notice` may carry `alert_level` (`normal`, `elevated`, `high`,
  `critical`): the hall-wide alert level from then on. The snapshot carries the notice that set
  the current level as `alert` (null: normal). Clients ignore a level they do not know.
  `POST /admin/notice` (reference server only, supervisors) announces one.
"""


def _ref(name: str) -> dict[str, str]:
    return {"$ref": REF.format(model=name)}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {code: _json(_ref("ErrorBody"), text) for code, text in {
    "401": "unauthorized: no, unknown or expired token", "403": "forbidden: the role may not",
    "404": "not_found", "422": "validation_failed"}.items()}


def _op(summary: str, ok: dict[str, Any], *, body: str | None = None, params: list | None = None,
        extra: dict[str, Any] | None = None, auth: bool = True, command: bool = False
        ) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": {**ok, **(extra or {})}}
    if auth:
        op["responses"].update({k: v for k, v in ERRORS.items() if k in ("401", "403", "404")})
    else:
        op["security"] = []
    params = list(params or [])
    if command:
        params.append({"name": "Idempotency-Key", "in": "header", "required": True,
                       "schema": {"type": "string"},
                       "description": "A UUID made when the operator acted."})
        op["responses"]["409"] = _json(_ref("ErrorBody"), "invalid_transition")
    if body:
        op["requestBody"] = {"required": True,
                             "content": {"application/json": {"schema": _ref(body)}}}
        op["responses"]["422"] = ERRORS["422"]
    if params:
        op["parameters"] = params
    return op


def _path_id(what: str) -> dict[str, Any]:
    return {"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
            "description": f"the {what}'s id"}


def _query(name: str, description: str, schema: dict | None = None) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False,
            "schema": schema or {"type": "string"}, "description": description}


URL_PAIR = {"type": ["object", "null"], "properties": {"main": {"type": "string"},
                                                      "sub": {"type": "string"}}}
STREAM_STATE = {
    "type": "object", "required": ["camera_id", "state", "serving", "urls"],
    "properties": {
        "camera_id": {"type": "string"}, "clip": {"type": "string"},
        "state": {"enum": ["fail", "ok"]},
        "serving": {"type": "boolean", "description": "online and not made to fail"},
        "urls": {"type": "object", "properties": {
            "http": URL_PAIR | {"description": "per camera (what Camera.streams carries)"},
            "rtsp": URL_PAIR | {"description": "per camera, RTSP over TCP and UDP (GStreamer); "
                                               "null when not installed"},
            "rtsp_udp_clip": URL_PAIR | {"description": "per clip, RTSP over UDP (libVLC); "
                                                        "shared by the clip's cameras"},
            "http_clip": URL_PAIR | {"description": "per clip, HTTP MPEG-TS (libVLC)"}}}}}


def _paths() -> dict[str, Any]:
    alarm = {"200": _json(_ref("Alarm"))}
    snapshot = {"type": "object", "required": ["cursor", "server_time", "grids", "cameras",
                                               "units", "alarms", "watchlist"],
                "properties": {
                    "cursor": {"type": "string"}, "server_time": {"type": "string",
                                                                  "format": "date-time"},
                    "grids": {"type": "object", "properties": {
                        "type": {"const": "FeatureCollection"},
                        "features": {"type": "array", "items": _ref("Grid")}}},
                    "cameras": {"type": "array", "items": _ref("Camera")},
                    "units": {"type": "array", "items": _ref("Unit")},
                    "alarms": {"type": "array", "items": _ref("Alarm"),
                               "description": "open alarms only"},
                    "watchlist": {"type": "array", "items": _ref("WatchlistEntry"),
                                  "description": "current entries only, photo_url omitted"},
                    "alert": {"anyOf": [_ref("Notice"), {"type": "null"}],
                              "description": "the notice that set the hall's alert level "
                                             "(absent or null: normal, never set)"}}}
    page = {"type": "object", "properties": {"items": {"type": "array", "items": _ref("Alarm")},
                                             "next_page": {"type": ["string", "null"]}}}
    alarm_cmd = {
        "acknowledge": ("Acknowledge: new → acknowledged", "Acknowledge"),
        "verify": ("Verify a watchlist hit (match or not)", "Verify"),
        "dispatch": ("Dispatch units", "Dispatch"),
        "notes": ("Add a note", "AddNote"),
        "close": ("Close with a disposition", "Close"),
    }
    paths: dict[str, Any] = {
        "/health": {"get": _op("Readiness (no auth)", {"200": _json(
            {"type": "object", "properties": {"status": {"const": "ok"}}})}, auth=False)},
        "/openapi.json": {"get": _op("This document (no auth)", {"200": _json({"type": "object"})},
                                     auth=False)},
        "/auth/login": {"post": _op("Log in", {"200": _json(_ref("LoginResponse"))},
                                    body="LoginRequest", auth=False,
                                    extra={"401": ERRORS["401"]})},
        "/auth/logout": {"post": _op("Log out (ends the session)",
                                     {"204": {"description": "logged out"}})},
        "/snapshot": {"get": _op("Current state with its cursor", {"200": _json(snapshot)})},
        "/events": {"get": _op(
            "Server-Sent Events after a cursor",
            {"200": {"description": "`id: <cursor>`, `event: <type>`, `data: <JSON>`; `: ping`",
                     "content": {"text/event-stream": {"schema": {"type": "string"}}}}},
            params=[{"name": "Last-Event-ID", "in": "header", "required": False,
                     "schema": {"type": "string"}}, _query("since", "cursor")],
            extra={"410": _json(_ref("ErrorBody"), "cursor_expired")})},
        "/alarms": {
            "get": _op("Alarm history, newest first", {"200": _json(page)}, params=[
                _query("state", "alarm state(s), comma-separated"),
                _query("grid_id", "grid"),
                _query("since", "created at or after (RFC 3339)"),
                _query("until", "created before (RFC 3339)"),
                _query("limit", "1..500, default 100", {"type": "integer", "minimum": 1,
                                                        "maximum": 500}),
                _query("page", "next_page token of the previous answer")],
                extra={"422": ERRORS["422"]}),
            "post": _op("Raise an alarm by hand", {"201": _json(_ref("Alarm"))},
                        body="RaiseAlarm", command=True)},
        "/alarms/{id}": {"get": _op("One alarm", alarm, params=[_path_id("alarm")])},
        "/units/{id}": {"get": _op("One unit", {"200": _json(_ref("Unit"))},
                                   params=[_path_id("unit")])},
        "/cameras/{id}": {"get": _op("One camera", {"200": _json(_ref("Camera"))},
                                     params=[_path_id("camera")])},
        "/watchlist/{id}": {"get": _op(
            "One current watchlist entry with photo_url (supervisor, duty_officer; every read "
            "is logged)", {"200": _json(_ref("WatchlistEntry"))},
            params=[_path_id("watchlist entry")])},
        "/media/{path}": {"get": _op(
            "Binary media: watchlist/<id>.png (photos: supervisor and duty_officer only), "
            "snapshots/<alarm id>.png",
            {"200": {"description": "PNG", "content": {"image/png": {"schema": {
                "type": "string", "contentMediaType": "image/png"}}}}},
            params=[{"name": "path", "in": "path", "required": True,
                     "schema": {"type": "string"}}])},
        "/units/{id}/status": {"post": _op("Set a unit's status", {"200": _json(_ref("Unit"))},
                                           body="SetUnitStatus", params=[_path_id("unit")],
                                           command=True)},
        "/cameras/{id}/ptz": {"post": _op(
            "Pan/tilt/zoom (continuous, −1..1, all 0 stops) or a preset",
            {"200": _json(_ref("Camera"))}, body="PtzMove", params=[_path_id("camera")],
            command=True, extra={"501": _json(_ref("ErrorBody"), "not_implemented: no PTZ")})},
        "/audit": {"post": _op("Store audit events (idempotent per event id)", {"200": _json(
            {"type": "object", "properties": {"stored": {"type": "integer"}}})},
            body="AuditBatch", command=True)},
        "/admin/streams": {"get": _op(
            "Reference server with --streams only: every camera's stream URLs and fault state",
            {"200": _json({"type": "object", "properties": {"cameras": {
                "type": "array", "items": STREAM_STATE}}})})},
        "/admin/notice": {"post": {
            **_op("Reference server only: a supervisor announces a notice to the hall; with "
                  "alert_level it sets the hall-wide alert level (snapshots carry it as "
                  "`alert`); no Idempotency-Key needed",
                  {"200": _json({"type": "object", "properties": {
                      "alert": {"anyOf": [_ref("Notice"), {"type": "null"}]}}})},
                  extra={"403": ERRORS["403"], "422": ERRORS["422"]}),
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["level", "text"],
                "properties": {"level": {"enum": ["info", "warning", "critical"]},
                               "text": {"type": "string"},
                               "alert_level": {"enum": ["normal", "elevated", "high",
                                                        "critical"]}}}}}}}},
        "/admin/cameras/{id}/stream": {"post": {
            **_op("Reference server with --streams only (tests, the demo's fault menu): make "
                  "the camera's stream fail (its relay answers 503 and open streams and RTSP "
                  "sessions end) or recover; no Idempotency-Key needed",
                  {"200": _json(STREAM_STATE)}, params=[_path_id("camera")],
                  extra={"422": ERRORS["422"]}),
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["state"],
                "properties": {"state": {"enum": ["fail", "ok"]}}}}}}}},
    }
    for name, (summary, model) in alarm_cmd.items():
        paths[f"/alarms/{{id}}/{name}"] = {"post": _op(summary, alarm, body=model,
                                                       params=[_path_id("alarm")], command=True)}
    return paths


@cache
def document() -> dict[str, Any]:
    _, defs = models_json_schema([(m, "validation") for m in MODELS], ref_template=REF)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Command hall central services", "version": "1",
                 "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": _paths(),
        "components": {"schemas": defs.get("$defs", {}),
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
    }
