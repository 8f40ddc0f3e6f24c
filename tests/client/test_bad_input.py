"""A hostile server: malformed JSON, wrong types, unknown fields and event types, slow drip,
a connection closed mid-response. The client must answer each with a clear error or a skipped
object — never a crash, never a hang."""

from __future__ import annotations

import asyncio
import json
import logging
import time

import pytest

from backend_client import schemas as s
from backend_client.api import CentralApi
from backend_client.errors import (
    ApiError,
    BadResponse,
    DeadlineExceeded,
    ServerUnreachable,
    SessionExpired,
)
from backend_client.events import EventParser, ServerEvent, SseReader, StreamStalled, read_stream
from tests.factories import make_alarm, make_unit
from tests.support.hostile import HostileServer, Reply


def run(coro, timeout=30):
    async def guarded():
        async with asyncio.timeout(timeout):
            return await coro
    return asyncio.run(guarded())


def alarm_json(**kw):
    return make_alarm(**kw).model_dump(mode="json")


def api_for(server, **kw):
    api = CentralApi(server.url, workstation="test", **kw)
    api.token = "t"
    return api


def test_malformed_json_is_a_bad_response():
    with HostileServer({"GET /api/v1/alarms/a1": Reply(
            headers={"Content-Type": "application/json"}, chunks=[b'{"id": "a1", "vers'])}) as srv:
        async def go():
            api = api_for(srv, retries=0)
            try:
                with pytest.raises(BadResponse) as e:
                    await api.get_alarm("a1")
                assert "not JSON" in e.value.detail
                assert "cannot read" in str(e.value)  # the officer's sentence
            finally:
                await api.aclose()
        run(go())


def test_wrong_types_name_the_field():
    bad = alarm_json(id="a1")
    bad["priority"] = "urgent"
    with HostileServer({"GET /api/v1/alarms/a1": Reply.json(bad)}) as srv:
        async def go():
            api = api_for(srv, retries=0)
            try:
                with pytest.raises(BadResponse) as e:
                    await api.get_alarm("a1")
                assert "priority" in e.value.detail
            finally:
                await api.aclose()
        run(go())


def test_unknown_fields_are_ignored():
    body = alarm_json(id="a1")
    body["shiny_new_field"] = {"nested": [1, 2]}
    body["source"]["extra"] = "x"
    with HostileServer({"GET /api/v1/alarms/a1": Reply.json(body)}) as srv:
        async def go():
            api = api_for(srv)
            try:
                alarm = await api.get_alarm("a1")
                assert alarm.id == "a1"
                assert not hasattr(alarm, "shiny_new_field")
            finally:
                await api.aclose()
        run(go())


def test_snapshot_skips_bad_objects_and_keeps_good_ones(caplog):
    good = alarm_json(id="good")
    bad = alarm_json(id="bad")
    bad["state"] = "exploded"
    snap = {"cursor": "e-1", "server_time": "2026-11-29T10:00:00Z",
            "grids": {"type": "FeatureCollection", "features": ["not a feature"]},
            "cameras": "oops", "units": [make_unit(id="u1").model_dump(mode="json")],
            "alarms": [good, bad, 17], "watchlist": []}
    with HostileServer({"GET /api/v1/snapshot": Reply.json(snap)}) as srv:
        async def go():
            api = api_for(srv)
            try:
                return await api.snapshot()
            finally:
                await api.aclose()
        with caplog.at_level(logging.WARNING):
            result = run(go())
    assert [a.id for a in result.alarms] == ["good"]
    assert [u.id for u in result.units] == ["u1"]
    assert result.cameras == [] and result.grids == []
    text = "\n".join(result.rejected)
    assert "id='bad'" in text and "state" in text
    assert "cameras: missing or not a list" in text
    assert "not an object" in text
    assert "skipped invalid object" in caplog.text


def test_slow_drip_respects_the_deadline():
    body = json.dumps(alarm_json(id="a1")).encode()
    drip = Reply(headers={"Content-Type": "application/json"},
                 chunks=[body[i:i + 1] for i in range(len(body))], pause=0.2)
    with HostileServer({"GET /api/v1/alarms/a1": drip}) as srv:
        async def go():
            api = api_for(srv, deadline=1.0, retries=0)
            try:
                t0 = time.monotonic()
                with pytest.raises(DeadlineExceeded):
                    await api.get_alarm("a1")
                return time.monotonic() - t0
            finally:
                await api.aclose()
        elapsed = run(go())
    # The drip would take over a minute; the call gives up at its deadline (generous bound:
    # this proves "does not hang", not a speed).
    assert elapsed < 10


def test_connection_closed_mid_response_is_unreachable():
    body = json.dumps(alarm_json(id="a1")).encode()
    cut = Reply(headers={"Content-Type": "application/json"}, chunks=[body[:40]],
                close_early=True)
    cut.headers["Content-Length"] = str(len(body))
    with HostileServer({"GET /api/v1/alarms/a1": cut}) as srv:
        async def go():
            api = api_for(srv, retries=1)
            try:
                with pytest.raises(ServerUnreachable):
                    await api.get_alarm("a1")
            finally:
                await api.aclose()
        run(go())
        gets = [r for r in srv.requests if r[1] == "/api/v1/alarms/a1"]
        assert len(gets) == 2  # a safe GET was retried once


def test_error_bodies_become_api_errors():
    routes = {
        "POST /api/v1/alarms/a1/acknowledge": Reply.json(
            {"error": {"code": "invalid_transition", "message": "already closed",
                       "details": {"state": "closed"}}}, status=409),
        "GET /api/v1/units/u1": Reply.json({"error": {"code": "unauthorized",
                                                      "message": "expired"}}, status=401),
        "GET /api/v1/cameras/c1": Reply(status=502, headers={"Content-Type": "text/html"},
                                        chunks=[b"<html>bad gateway</html>"]),
    }
    with HostileServer(routes) as srv:
        async def go():
            api = api_for(srv, retries=0)
            try:
                with pytest.raises(ApiError) as e:
                    await api.acknowledge("a1", "key-1")
                assert (e.value.status, e.value.code) == (409, "invalid_transition")
                assert e.value.details == {"state": "closed"} and e.value.is_final
                with pytest.raises(SessionExpired) as e2:
                    await api.get_unit("u1")
                assert "log in again" in str(e2.value)
                with pytest.raises(ApiError) as e3:
                    await api.get_camera("c1")
                assert e3.value.status == 502 and "bad gateway" in e3.value.message
            finally:
                await api.aclose()
        run(go())
        # The command carried its idempotency key.
        assert srv.requests[0][2]["idempotency-key"] == "key-1"


def test_429_honours_retry_after():
    calls = []

    def limited(method, target, headers):
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Reply.json({"error": {"code": "rate_limited", "message": "slow down"}},
                              status=429, headers={"Retry-After": "1"})
        return Reply.json(alarm_json(id="a1"))

    with HostileServer({"POST /api/v1/alarms/a1/notes": limited}) as srv:
        async def go():
            api = api_for(srv)
            try:
                return await api.add_note("a1", "k", "hello")
            finally:
                await api.aclose()
        alarm = run(go())
    assert alarm.id == "a1" and len(calls) == 2
    assert calls[1] - calls[0] >= 0.95  # waited as the server asked


def sse_text(events):
    return "".join(f"id: {c}\nevent: {t}\ndata: {d}\n\n" for c, t, d in events)


def test_event_stream_skips_bad_events_and_logs_each_kind_once(caplog):
    a1 = json.dumps(alarm_json(id="a1", version=1))
    bad_type = alarm_json(id="a2")
    bad_type["priority"] = 9
    events = [
        ("e-1", "alarm.created", a1),
        ("e-2", "alarm.teleported", "{}"),
        ("e-3", "alarm.teleported", "{}"),
        ("e-4", "alarm.updated", "{not json"),
        ("e-5", "alarm.updated", "{not json either"),
        ("e-6", "alarm.updated", json.dumps(bad_type)),
        ("e-7", "unit.moved", json.dumps({"id": "u1", "lat": 30.1, "lon": 120.1,
                                          "at": "2026-11-29T10:00:00Z", "future": 1})),
    ]
    got: list[ServerEvent] = []
    parser = EventParser()
    reader = SseReader(parser, got.append)
    text = ": ping\n\n" + sse_text(events) + ": ping\n\n"
    with caplog.at_level(logging.WARNING):
        # Feed in awkward pieces: a message split across chunks, CRLF line ends.
        text = text.replace("\n", "\r\n")
        for i in range(0, len(text), 7):
            reader.feed(text[i:i + 7])
    assert [e.cursor for e in got] == [f"e-{i}" for i in range(1, 8)]
    assert [e.data is not None for e in got] == [True, False, False, False, False, False, True]
    assert parser.skipped == 5
    assert caplog.text.count("'alarm.teleported'") == 1
    assert caplog.text.count("not JSON") == 1
    assert caplog.text.count("invalid event 'alarm.updated'") == 1
    assert "priority" in caplog.text


def test_unicode_line_separator_inside_data_does_not_split_the_message():
    alarm = make_alarm(id="a1", title="桥下\u2028积水")
    data = json.dumps(alarm.model_dump(mode="json"), ensure_ascii=False)
    got: list[ServerEvent] = []
    SseReader(EventParser(), got.append).feed(sse_text([("e-1", "alarm.created", data)]))
    assert got[0].data is not None and got[0].data.title == "桥下\u2028积水"


def test_stalled_stream_trips_the_watchdog():
    stalled = Reply.sse(sse_text([("e-1", "alarm.created",
                                   json.dumps(alarm_json(id="a1")))]), hold=20)
    with HostileServer({"GET /api/v1/events": stalled}) as srv:
        async def go():
            api = api_for(srv)
            got: list[ServerEvent] = []
            try:
                async with api.open_event_stream("e-0") as response:
                    t0 = time.monotonic()
                    with pytest.raises(StreamStalled):
                        await read_stream(response.aiter_text(),
                                          SseReader(EventParser(), got.append), watchdog=0.5)
                    return got, time.monotonic() - t0
            finally:
                await api.aclose()
        got, elapsed = run(go())
        assert [e.cursor for e in got] == ["e-1"]
        assert elapsed < 10  # well before the server's 20 s of silence ended
        assert srv.requests[0][2]["last-event-id"] == "e-0"


def test_watchlist_protected_fields_are_dropped(caplog):
    from tests.factories import make_watchlist_entry

    raw = make_watchlist_entry(id="w1").model_dump(mode="json")
    raw.update({"religion": "x", "ethnicity": "y", "health": "z"})
    with caplog.at_level(logging.WARNING):
        entry = s.WatchlistEntry.model_validate(raw)
    dumped = entry.model_dump_json()
    for key in ("religion", "ethnicity", "health"):
        assert key not in dumped
