"""``CentralApi``: typed async calls to the central services over one ``httpx.AsyncClient``.

Every call has an overall deadline (a server that drips one byte a second must not hang a call:
httpx's timeouts are per read, so the deadline is enforced with ``asyncio.timeout`` around the
whole exchange). Idempotent reads and commands (which carry an ``Idempotency-Key``, so a repeat
cannot act twice) are retried with backoff on network errors, 5xx and 429 (honouring
``Retry-After``). A 401 becomes ``SessionExpired``; other error bodies become ``ApiError``.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import httpx
from pydantic import ValidationError

from backend_client import schemas as s
from backend_client.backoff import Backoff
from backend_client.errors import (
    ApiError,
    BadResponse,
    CentralError,
    CursorExpired,
    DeadlineExceeded,
    LoginFailed,
    ServerUnreachable,
    SessionExpired,
)

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
# A Retry-After longer than this is treated as "not now": the caller's own backoff takes over.
MAX_RETRY_AFTER = 60.0


@dataclass
class Snapshot:
    """``GET /snapshot``, validated object by object: one bad object is skipped, not the lot."""

    cursor: str
    server_time: datetime
    grids: list[s.Grid] = field(default_factory=list)
    cameras: list[s.Camera] = field(default_factory=list)
    units: list[s.Unit] = field(default_factory=list)
    alarms: list[s.Alarm] = field(default_factory=list)
    watchlist: list[s.WatchlistEntry] = field(default_factory=list)
    alert: s.Notice | None = None  # the notice that set the hall's alert level (CONTRACT-NOTES)
    rejected: list[str] = field(default_factory=list)  # one line per skipped object

    def objects(self) -> dict[str, list[Any]]:
        """The objects by cache kind (see ``schemas.OBJECT_MODELS``)."""
        return {"grid": self.grids, "camera": self.cameras, "unit": self.units,
                "alarm": self.alarms, "watchlist": self.watchlist}


def retry_after_seconds(value: str | None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP date; ``None`` if absent or bad."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - s.utcnow()).total_seconds())


def error_from_response(response: httpx.Response) -> ApiError:
    """The contract's error body as an exception; a body that is not one still gives a
    useful error (status and the start of the text)."""
    status = response.status_code
    retry_after = retry_after_seconds(response.headers.get("Retry-After"))
    try:
        body = s.ErrorBody.model_validate_json(response.content)
        code, message, details = body.error.code, body.error.message, body.error.details
    except ValidationError:
        code, message, details = f"http_{status}", response.text[:200], {}
    if status == 401:
        return SessionExpired(message, details)
    if status == 410:
        return CursorExpired(message)
    return ApiError(status, code, message, details, retry_after)


def _is_retryable(err: CentralError) -> bool:
    if isinstance(err, ServerUnreachable):
        return True
    if isinstance(err, ApiError):
        return err.status == 429 or (err.status >= 500 and err.status != 501)
    return False


class CentralApi:
    """The central services, one typed method per endpoint. Create it on the asyncio loop that
    will use it; all methods are coroutines for that loop."""

    def __init__(self, base_url: str, *, workstation: str = "ccw", deadline: float = 15.0,
                 retries: int = 3, transport: httpx.AsyncBaseTransport | None = None) -> None:
        root = base_url.rstrip("/")
        if not root.endswith(API_PREFIX):
            root += API_PREFIX
        self.base_url = root
        self.workstation = workstation
        self.deadline = deadline
        self.retries = retries
        self.token: str | None = None
        self.operator: s.Operator | None = None
        # Per-read timeouts catch a silent server; ``deadline`` catches a dripping one.
        self._client = httpx.AsyncClient(
            base_url=root, transport=transport,
            timeout=httpx.Timeout(connect=5.0, read=10.0, write=10.0, pool=5.0),
            headers={"User-Agent": "ccw-workstation/0.1"},
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    # --- plumbing -------------------------------------------------------------------------

    def _headers(self, key: str | None = None) -> dict[str, str]:
        h = {}
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        if key:
            h["Idempotency-Key"] = key
        return h

    async def _once(self, method: str, path: str, *, json_body: Any = None,
                    params: dict[str, Any] | None = None, key: str | None = None,
                    deadline: float | None = None) -> httpx.Response:
        try:
            async with asyncio.timeout(deadline or self.deadline):
                response = await self._client.request(
                    method, path, json=json_body, params=params, headers=self._headers(key))
                await response.aread()
        except TimeoutError as e:
            raise DeadlineExceeded(detail=f"{method} {path}: no complete answer within "
                                          f"{deadline or self.deadline:.1f} s") from e
        except httpx.TransportError as e:
            raise ServerUnreachable(detail=f"{method} {path}: {type(e).__name__}: {e}") from e
        if response.status_code >= 400:
            raise error_from_response(response)
        return response

    async def request(self, method: str, path: str, *, json_body: Any = None,
                      params: dict[str, Any] | None = None, key: str | None = None,
                      retries: int | None = None, deadline: float | None = None
                      ) -> httpx.Response:
        """One call with retries. Only safe requests (GET) and commands with an idempotency key
        are retried: a repeat of those cannot act twice."""
        tries = self.retries if retries is None else retries
        if method != "GET" and not key:
            tries = 0
        backoff = Backoff(first=0.25, cap=4.0)
        while True:
            try:
                return await self._once(method, path, json_body=json_body, params=params,
                                        key=key, deadline=deadline)
            except CentralError as err:
                if tries <= 0 or not _is_retryable(err):
                    raise
                tries -= 1
                delay = backoff.next_delay()
                if isinstance(err, ApiError) and err.retry_after is not None:
                    if err.retry_after > MAX_RETRY_AFTER:
                        raise
                    delay = max(delay, err.retry_after)
                log.info("retrying %s %s in %.2f s after %r", method, path, delay, err)
                await asyncio.sleep(delay)

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        try:
            return json.loads(response.content)
        except ValueError as e:
            raise BadResponse(detail=f"{response.request.method} {response.request.url.path}: "
                                     f"not JSON: {e}") from e

    @classmethod
    def _model[M: s.Model](cls, model: type[M], response: httpx.Response) -> M:
        data = cls._json(response)
        try:
            return model.model_validate(data)
        except ValidationError as e:
            raise BadResponse(detail=f"{response.request.url.path}: {model.__name__}: "
                                     f"{s.describe_error(e)}") from e

    # --- session --------------------------------------------------------------------------

    async def login(self, username: str, password: str) -> s.LoginResponse:
        body = s.LoginRequest(username=username, password=password, workstation=self.workstation)
        try:
            response = await self.request("POST", "/auth/login", json_body=body.model_dump(),
                                          retries=0)
        except SessionExpired as e:
            raise LoginFailed(e.message, e.details) from e
        result = self._model(s.LoginResponse, response)
        self.token = result.token
        self.operator = result.operator
        return result

    async def logout(self) -> None:
        try:
            await self.request("POST", "/auth/logout", retries=0)
        finally:
            self.token = None

    # --- state ----------------------------------------------------------------------------

    async def snapshot(self) -> Snapshot:
        # A county's snapshot is a few MB; give it more time than a command.
        response = await self.request("GET", "/snapshot", deadline=max(self.deadline, 60.0))
        data = self._json(response)
        if not isinstance(data, dict):
            raise BadResponse(detail="/snapshot: not a JSON object")
        try:
            cursor = str(data["cursor"])
            server_time = s.parse_time(data["server_time"])
        except (KeyError, ValidationError) as e:
            raise BadResponse(detail=f"/snapshot: bad cursor or server_time: {e}") from e
        snap = Snapshot(cursor=cursor, server_time=server_time)
        grids = data.get("grids")
        features = grids.get("features") if isinstance(grids, dict) else None
        for attr, model, items in (
            ("grids", s.Grid, features), ("cameras", s.Camera, data.get("cameras")),
            ("units", s.Unit, data.get("units")), ("alarms", s.Alarm, data.get("alarms")),
            ("watchlist", s.WatchlistEntry, data.get("watchlist")),
        ):
            if not isinstance(items, list):
                snap.rejected.append(f"{attr}: missing or not a list")
                continue
            good, bad = s.parse_many(model, items, attr)
            setattr(snap, attr, good)
            snap.rejected.extend(bad)
        alert = data.get("alert")
        if alert is not None:
            try:
                snap.alert = s.Notice.model_validate(alert)
            except ValidationError as e:
                snap.rejected.append(f"alert: {s.describe_error(e)}")
        now = s.utcnow()
        expired = [w.id for w in snap.watchlist if not w.is_current(now)]
        if expired:
            log.warning("snapshot: dropped %d watchlist entries past valid_until: %s",
                        len(expired), expired[:10])
            snap.watchlist = [w for w in snap.watchlist if w.is_current(now)]
        for line in snap.rejected:
            log.warning("snapshot: skipped invalid object: %s", line)
        return snap

    @asynccontextmanager
    async def open_event_stream(self, cursor: str | None) -> AsyncIterator[httpx.Response]:
        """Open ``GET /events`` from ``cursor``; yields the response once its status is 200.
        The caller reads it (with its own heartbeat watchdog: there is no read timeout here)."""
        headers = self._headers()
        headers["Accept"] = "text/event-stream"
        headers["Cache-Control"] = "no-cache"
        if cursor:
            headers["Last-Event-ID"] = cursor
        timeout = httpx.Timeout(connect=5.0, read=None, write=10.0, pool=5.0)
        try:
            async with asyncio.timeout(self.deadline):
                request = self._client.build_request("GET", "/events", headers=headers,
                                                     timeout=timeout)
                response = await self._client.send(request, stream=True)
        except TimeoutError as e:
            raise DeadlineExceeded(detail="GET /events: no answer") from e
        except httpx.TransportError as e:
            raise ServerUnreachable(detail=f"GET /events: {type(e).__name__}: {e}") from e
        try:
            if response.status_code != 200:
                await response.aread()
                raise error_from_response(response)
            ctype = response.headers.get("content-type", "")
            if not ctype.startswith("text/event-stream"):
                raise BadResponse(detail=f"GET /events: content-type {ctype!r}")
            yield response
        finally:
            await response.aclose()

    async def alarm_history(self, *, state: str | None = None, grid_id: str | None = None,
                            since: datetime | None = None, until: datetime | None = None,
                            limit: int = 100, page: str | None = None
                            ) -> tuple[list[s.Alarm], str | None]:
        params: dict[str, Any] = {"limit": min(max(limit, 1), 500)}
        for name, value in (("state", state), ("grid_id", grid_id), ("page", page)):
            if value:
                params[name] = value
        if since:
            params["since"] = s.format_time(since)
        if until:
            params["until"] = s.format_time(until)
        page_ = self._model(s.AlarmPage, await self.request("GET", "/alarms", params=params))
        alarms, bad = s.parse_many(s.Alarm, page_.items, "alarm")
        for line in bad:
            log.warning("alarm history: skipped invalid alarm: %s", line)
        return alarms, page_.next_page

    async def get_alarm(self, alarm_id: str) -> s.Alarm:
        return self._model(s.Alarm, await self.request("GET", f"/alarms/{alarm_id}"))

    async def get_unit(self, unit_id: str) -> s.Unit:
        return self._model(s.Unit, await self.request("GET", f"/units/{unit_id}"))

    async def get_camera(self, camera_id: str) -> s.Camera:
        return self._model(s.Camera, await self.request("GET", f"/cameras/{camera_id}"))

    async def get_watchlist_entry(self, entry_id: str) -> s.WatchlistEntry:
        return self._model(s.WatchlistEntry,
                           await self.request("GET", f"/watchlist/{entry_id}"))

    async def get_media(self, path: str) -> bytes:
        path = path.removeprefix(self.base_url).removeprefix(API_PREFIX).lstrip("/")
        if not path.startswith("media/"):
            path = "media/" + path
        return (await self.request("GET", "/" + path)).content

    # --- commands -------------------------------------------------------------------------

    async def send_command(self, method: str, path: str, body: dict[str, Any], key: str,
                           *, retries: int | None = None) -> tuple[int, dict[str, Any]]:
        """Send one command with its idempotency key: the status and the server's answer."""
        response = await self.request(method, path, json_body=body, key=key, retries=retries)
        data = self._json(response)
        if not isinstance(data, dict):
            raise BadResponse(detail=f"{method} {path}: answer is not a JSON object")
        return response.status_code, data

    async def command(self, method: str, path: str, body: dict[str, Any], key: str,
                      *, retries: int | None = None) -> dict[str, Any]:
        """Send one command with its idempotency key; the server's JSON answer."""
        return (await self.send_command(method, path, body, key, retries=retries))[1]

    async def raise_alarm(self, body: s.RaiseAlarm, key: str) -> s.Alarm:
        return s.Alarm.model_validate(
            await self.command("POST", "/alarms", body.model_dump(mode="json"), key))

    async def acknowledge(self, alarm_id: str, key: str, note: str | None = None) -> s.Alarm:
        body = s.Acknowledge(note=note).model_dump(mode="json", exclude_none=True)
        return s.Alarm.model_validate(
            await self.command("POST", f"/alarms/{alarm_id}/acknowledge", body, key))

    async def verify(self, alarm_id: str, key: str, match: bool, note: str = "") -> s.Alarm:
        body = s.Verify(match=match, note=note).model_dump(mode="json")
        return s.Alarm.model_validate(
            await self.command("POST", f"/alarms/{alarm_id}/verify", body, key))

    async def dispatch(self, alarm_id: str, key: str, unit_ids: list[str],
                       note: str | None = None) -> s.Alarm:
        body = s.Dispatch(unit_ids=unit_ids, note=note).model_dump(mode="json",
                                                                   exclude_none=True)
        return s.Alarm.model_validate(
            await self.command("POST", f"/alarms/{alarm_id}/dispatch", body, key))

    async def add_note(self, alarm_id: str, key: str, text: str) -> s.Alarm:
        body = s.AddNote(text=text).model_dump(mode="json")
        return s.Alarm.model_validate(
            await self.command("POST", f"/alarms/{alarm_id}/notes", body, key))

    async def close(self, alarm_id: str, key: str, disposition: str, note: str = "") -> s.Alarm:
        body = s.Close.model_validate({"disposition": disposition, "note": note})
        return s.Alarm.model_validate(await self.command(
            "POST", f"/alarms/{alarm_id}/close", body.model_dump(mode="json"), key))

    async def set_unit_status(self, unit_id: str, key: str, status: str,
                              note: str | None = None) -> s.Unit:
        body = s.SetUnitStatus.model_validate({"status": status, "note": note})
        return s.Unit.model_validate(await self.command(
            "POST", f"/units/{unit_id}/status", body.model_dump(mode="json", exclude_none=True),
            key))

    async def ptz(self, camera_id: str, key: str, *, pan: float = 0.0, tilt: float = 0.0,
                  zoom: float = 0.0, preset: int | None = None) -> s.Camera:
        body: dict[str, Any] = ({"preset": preset} if preset is not None
                                else {"pan": pan, "tilt": tilt, "zoom": zoom})
        s.PtzMove.model_validate(body)
        return s.Camera.model_validate(
            await self.command("POST", f"/cameras/{camera_id}/ptz", body, key))

    async def post_audit(self, events: list[s.AuditEvent], key: str) -> dict[str, Any]:
        body = s.AuditBatch(events=events).model_dump(mode="json")
        return await self.command("POST", "/audit", body, key)
