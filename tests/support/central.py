"""Small synchronous helpers for talking to a running reference server in tests."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

import httpx


def login(api_url: str, username: str = "duty", workstation: str = "test-ws") -> str:
    r = httpx.post(f"{api_url}/auth/login", json={"username": username, "password": "demo",
                                                  "workstation": workstation})
    r.raise_for_status()
    return r.json()["token"]


class Desk:
    """An operator's HTTP client: bearer token set, commands get a fresh Idempotency-Key."""

    def __init__(self, api_url: str, username: str = "duty") -> None:
        self.token = login(api_url, username)
        self.http = httpx.Client(base_url=api_url, timeout=10.0,
                                 headers={"Authorization": f"Bearer {self.token}"})

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.http.get(path, **kw)

    def command(self, path: str, body: Any = None, key: str | None = None) -> httpx.Response:
        return self.http.post(path, json=body if body is not None else {},
                              headers={"Idempotency-Key": key or str(uuid.uuid4())})

    def raise_alarm(self, **fields: Any) -> dict[str, Any]:
        body = {"kind": "call", "priority": 3, "title": "测试警情", "description": "",
                "location": {"lat": 30.75, "lon": 120.75, "address": "解放路1号"},
                "camera_ids": [], **fields}
        r = self.command("/alarms", body)
        assert r.status_code == 201, r.text
        return r.json()

    def close(self) -> None:
        self.http.close()


def read_events(desk: Desk, cursor: str | None = None, *, quiet_s: float = 1.0,
                max_s: float = 10.0, stop_after: int | None = None,
                params: dict[str, str] | None = None) -> tuple[list[dict], int]:
    """Read the event stream until ``quiet_s`` passes without an event (or ``max_s``, or
    ``stop_after`` events); returns the events (id, event, data) and how many pings came."""
    headers = {"Accept": "text/event-stream"}
    if cursor:
        headers["Last-Event-ID"] = cursor
    events: list[dict] = []
    pings = 0
    current: dict[str, Any] = {}
    start = last = time.monotonic()
    with desk.http.stream("GET", "/events", headers=headers, params=params,
                          timeout=httpx.Timeout(10.0, read=quiet_s + 2)) as r:
        assert r.status_code == 200, r.read()
        assert r.headers["content-type"].startswith("text/event-stream")
        for line in r.iter_lines():
            now = time.monotonic()
            if line.startswith(": ping"):
                pings += 1
            elif line.startswith("id: "):
                current["id"] = line[4:]
            elif line.startswith("event: "):
                current["event"] = line[7:]
            elif line.startswith("data: "):
                current["data"] = json.loads(line[6:])
            elif line == "" and current:
                events.append(current)
                current = {}
                last = now
                if stop_after and len(events) >= stop_after:
                    break
            if now - last > quiet_s or now - start > max_s:
                break
    return events, pings
