"""The fault proxy itself, against the real reference server: it passes requests through
untouched, and each fault does what it says and no more (the fault matrix relies on it)."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from tests.support.central import Desk, login
from tests.support.fault_proxy import FaultProxy, Storm


@pytest.fixture
def proxy(quiet_server):
    with FaultProxy(quiet_server.url, max_seconds=60) as p:
        yield p


@pytest.fixture
def desk(quiet_server):
    d = Desk(quiet_server.api_url)  # straight to the server: the test's own hand
    yield d
    d.close()


def _api(proxy: FaultProxy) -> str:
    return f"{proxy.url}/api/v1"


def test_requests_pass_through_unchanged(proxy, quiet_server):
    direct = httpx.get(f"{quiet_server.api_url}/snapshot",
                       headers={"Authorization": f"Bearer {login(quiet_server.api_url)}"})
    token = login(_api(proxy))  # a POST with a body, through the proxy
    via = httpx.get(f"{_api(proxy)}/snapshot", headers={"Authorization": f"Bearer {token}"})
    assert via.status_code == direct.status_code == 200
    assert via.json()["cursor"] == direct.json()["cursor"]
    assert len(via.content) == len(direct.content) > 10_000
    assert [(e.method, e.path, e.status) for e in proxy.log] == [
        ("POST", "/api/v1/auth/login", 200), ("GET", "/api/v1/snapshot", 200)]
    assert not any(e.injected for e in proxy.log)


def test_latency_and_drip_slow_a_response_down_but_keep_it_whole(proxy, quiet_server):
    proxy.set(latency=0.4)
    t0 = time.monotonic()
    assert httpx.get(f"{_api(proxy)}/health").status_code == 200
    assert time.monotonic() - t0 >= 0.4
    proxy.set(latency=0.0, drip=20_000)  # bytes a second
    t0 = time.monotonic()
    r = httpx.get(f"{_api(proxy)}/openapi.json", timeout=30)
    took = time.monotonic() - t0
    assert r.status_code == 200 and r.json()["openapi"].startswith("3.1")
    assert took >= len(r.content) / 20_000 * 0.8, (took, len(r.content))


def test_a_cut_response_is_short_of_its_length(proxy):
    proxy.set(cut_after=100)
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(f"{_api(proxy)}/openapi.json")
    proxy.heal()
    assert httpx.get(f"{_api(proxy)}/openapi.json").status_code == 200


def test_refused_then_accepted_again_on_the_same_port(proxy):
    port = proxy.port
    proxy.refuse()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{_api(proxy)}/health")
    proxy.accept()
    assert proxy.port == port
    assert httpx.get(f"{_api(proxy)}/health").status_code == 200


def test_a_storm_answers_for_the_server_then_passes(proxy, desk, quiet_server):
    token = login(quiet_server.api_url)
    proxy.set(storm=Storm(status=429, count=2, method="POST", path_prefix="/api/v1/alarms",
                          retry_after=1.5))
    body = {"kind": "call", "priority": 3, "title": "风暴测试", "description": "",
            "location": {"lat": 30.75, "lon": 120.75, "address": "解放路1号"},
            "camera_ids": []}
    headers = {"Authorization": f"Bearer {token}", "Idempotency-Key": "storm-key-1"}
    statuses = []
    for _ in range(3):
        r = httpx.post(f"{_api(proxy)}/alarms", json=body, headers=headers)
        statuses.append(r.status_code)
        if r.status_code == 429:
            assert r.headers["Retry-After"] == "1.5"
            assert r.json()["error"]["code"] == "rate_limited"
    assert statuses == [429, 429, 201]
    assert proxy.storms_left() == 0
    # Other paths and methods were never in the storm's way.
    assert httpx.get(f"{_api(proxy)}/health").status_code == 200
    keys = [(e.key, e.injected) for e in proxy.log if e.path == "/api/v1/alarms"]
    assert keys == [("storm-key-1", True), ("storm-key-1", True), ("storm-key-1", False)]


class _Events:
    """An event stream read through the proxy on a thread: event ids and ping count."""

    def __init__(self, url: str, token: str) -> None:
        self.ids: list[str] = []
        self.pings = 0
        self.ended = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._read, args=(url, token), daemon=True)
        self._thread.start()

    def _read(self, url: str, token: str) -> None:
        try:
            with httpx.stream("GET", url, headers={"Authorization": f"Bearer {token}"},
                              timeout=httpx.Timeout(30.0)) as r:
                for line in r.iter_lines():
                    if self._stop:
                        return
                    if line.startswith("id:"):
                        self.ids.append(line[3:].strip())
                    elif line.startswith(":"):
                        self.pings += 1
        except httpx.HTTPError:
            pass
        finally:
            self.ended.set()

    def close(self) -> None:
        self._stop = True


def _wait(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _stream(proxy: FaultProxy, quiet_server) -> _Events:
    token = login(quiet_server.api_url)
    cursor = httpx.get(f"{quiet_server.api_url}/snapshot",
                       headers={"Authorization": f"Bearer {token}"}).json()["cursor"]
    events = _Events(f"{_api(proxy)}/events?cursor={cursor}", token)
    _wait(lambda: events.pings >= 1)  # connected
    return events


def test_events_duplicated_and_reordered(proxy, desk, quiet_server):
    proxy.set(sse_duplicate=True)
    events = _stream(proxy, quiet_server)
    desk.raise_alarm(title="一")
    _wait(lambda: len(events.ids) >= 2)
    assert events.ids[0] == events.ids[1]  # the same event, twice
    events.close()

    proxy.set(sse_duplicate=False, sse_reorder=3)
    events = _stream(proxy, quiet_server)
    for n in range(3):
        desk.raise_alarm(title=f"次序{n}")
        time.sleep(0.2)  # three separate commits, three events
    _wait(lambda: len(events.ids) >= 3)
    seqs = [int(i.rsplit("-", 1)[1]) for i in events.ids[:3]]
    assert seqs == sorted(seqs, reverse=True)
    events.close()


def test_a_stalled_stream_stays_open_and_says_nothing(proxy, desk, quiet_server):
    events = _stream(proxy, quiet_server)
    proxy.set(sse_stall=True)
    pings = events.pings
    desk.raise_alarm(title="静默")
    time.sleep(1.5)
    assert events.ids == [] and events.pings == pings and not events.ended.is_set()
    events.close()


def test_a_stream_is_cut_after_so_many_seconds(proxy, quiet_server):
    proxy.set(sse_cut_every=1.0)
    t0 = time.monotonic()
    events = _stream(proxy, quiet_server)
    assert events.ended.wait(5)
    assert 0.9 <= time.monotonic() - t0 < 4
