"""The outbox flusher: durable before "done", sent in order with the original keys, retried
through 5xx and 429 storms, finished only by a 2xx or a final 4xx — and exactly once across a
SIGKILL of the workstation."""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from backend_client.commands import CommandResult, answer_kind
from backend_client.session import CentralSession
from tests.conftest import run_async
from tests.factories import make_alarm
from tests.support.hostile import HostileServer, Reply

ROOT = Path(__file__).resolve().parents[2]


def note_answer(alarm_id="a1", version=2):
    return Reply.json(make_alarm(id=alarm_id, version=version).model_dump(mode="json"))


def test_answer_kinds():
    assert answer_kind("/alarms") == "alarm"
    assert answer_kind("/alarms/x/close") == "alarm"
    assert answer_kind("/units/u1/status") == "unit"
    assert answer_kind("/cameras/c1/ptz") == "camera"
    assert answer_kind("/audit") is None


async def open_offline_session(url, profile) -> CentralSession:
    session = await CentralSession.open(url, profile, workstation="ws")
    session.api.token = "t"  # the hostile server does not check it
    session.commands.backoff.first, session.commands.backoff.cap = 0.05, 0.2
    return session


def test_storms_are_retried_with_the_same_key_and_order_is_kept(tmp_path):
    seen = []

    def storm(method, target, headers):
        seen.append((target, headers.get("idempotency-key")))
        n = sum(1 for t, _ in seen if t == target)
        if target.endswith("/a1/notes") and n <= 3:
            return Reply.json({"error": {"code": "unavailable", "message": "busy"}}, status=503)
        if target.endswith("/a1/notes") and n == 4:
            return Reply.json({"error": {"code": "rate_limited", "message": "slow"}},
                              status=429, headers={"Retry-After": "1"})
        return note_answer(target.split("/")[4])

    routes = {f"POST /api/v1/alarms/{a}/notes": storm for a in ("a1", "a2", "a3")}
    with HostileServer(routes) as srv:
        async def go():
            session = await open_offline_session(srv.url, tmp_path / "p")
            results: list[CommandResult] = []
            session.commands.on_result(results.append)
            try:
                items = [await session.command("POST", f"/alarms/{a}/notes", {"text": a})
                         for a in ("a1", "a2", "a3")]
                t0 = time.monotonic()
                session.commands.start()
                while len(results) < 3:
                    await asyncio.sleep(0.02)
                waited = time.monotonic() - t0
                pending = await session.writer.run(session.outbox.pending)
                return items, results, waited, pending
            finally:
                await session.close()

        items, results, waited, pending = run_async(go())
    a1_keys = {k for t, k in seen if t.endswith("/a1/notes")}
    assert a1_keys == {items[0].idempotency_key}, "every retry carried the original key"
    order = [t.split("/")[4] for t, _ in seen]
    assert order == ["a1"] * 5 + ["a2", "a3"], "nothing overtook the command being retried"
    assert [r.outcome for r in results] == ["sent"] * 3
    assert waited >= 0.95, "Retry-After was honoured"
    assert pending == []


def test_a_final_refusal_is_visible_and_the_queue_moves_on(tmp_path):
    routes = {
        "POST /api/v1/alarms/a1/acknowledge": Reply.json(
            {"error": {"code": "invalid_transition", "message": "警情已关闭，不能确认",
                       "details": {}}}, status=409),
        "POST /api/v1/alarms/a2/notes": note_answer("a2"),
    }
    with HostileServer(routes) as srv:
        async def go():
            session = await open_offline_session(srv.url, tmp_path / "p")
            results: list[CommandResult] = []
            session.commands.on_result(results.append)
            try:
                first = await session.command("POST", "/alarms/a1/acknowledge", {})
                await session.command("POST", "/alarms/a2/notes", {"text": "x"})
                session.commands.start()
                while len(results) < 2:
                    await asyncio.sleep(0.02)
                stored = await session.writer.run(session.outbox.get, first.seq)
                cached = await session.writer.run(session.cache.get, "alarm", "a2")
                return results, stored, cached
            finally:
                await session.close()

        results, stored, cached = run_async(go())
    assert [(r.outcome, r.status) for r in results] == [("rejected", 409), ("sent", 200)]
    assert results[0].message == "警情已关闭，不能确认"
    assert stored.state == "rejected" and stored.status_code == 409
    assert cached is not None and cached.id == "a2", "the answer went into the cache"


def test_queued_commands_survive_sigkill_and_are_sent_exactly_once(server_factory, tmp_path):
    server = server_factory("--sim-steps", "0", "--seed", "4")
    profile = tmp_path / "profile"
    desk = httpx.Client(base_url=server.api_url, timeout=10)
    token = desk.post("/auth/login", json={"username": "duty", "password": "demo",
                                           "workstation": "t"}).json()["token"]
    desk.headers["Authorization"] = f"Bearer {token}"
    alarm = desk.post("/alarms", headers={"Idempotency-Key": "raise-1"}, json={
        "kind": "call", "priority": 3, "title": "测试", "camera_ids": [],
        "location": {"lat": 30.75, "lon": 120.75, "address": "x"}}).json()
    n = 25
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.outbox_child", server.url, str(profile),
         alarm["id"], str(n)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True)
    try:
        assert child.stdout.readline().strip() == "logged-in"
        server.stop()  # the server goes down; the officer keeps working
        child.stdin.write("go\n")
        child.stdin.flush()
        line = child.stdout.readline()
        assert line.startswith("queued "), line
        keys = json.loads(line[len("queued "):])
        time.sleep(0.3)  # the flusher tries (and fails) against the dead server
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL

    server.restart()
    desk.headers["Authorization"] = "Bearer " + desk.post("/auth/login", json={
        "username": "duty", "password": "demo", "workstation": "t"}).json()["token"]

    async def go():
        session = await CentralSession.open(server.url, profile, workstation="ws-2")
        try:
            pending = await session.writer.run(session.outbox.pending)
            # The killed process might have got the first one through before dying with no
            # time to mark it: send it by hand with its key, as that process would have.
            first = pending[0]
            r = await asyncio.to_thread(desk.post, first.path, json=first.body,
                                        headers={"Idempotency-Key": first.idempotency_key})
            assert r.status_code == 200, r.text
            await session.login("duty", "demo")
            await session.start()
            while await session.writer.run(session.outbox.pending_count):
                await asyncio.sleep(0.05)
            return pending
        finally:
            await session.close()

    pending = run_async(go())
    assert [p.idempotency_key for p in pending] == keys, "every command, in order, same keys"
    notes = [note["text"] for note in desk.get(f"/alarms/{alarm['id']}").json()["notes"]]
    desk.close()
    sent = [t for t in notes if t.startswith("note ")]
    assert sent == [f"note {i:03d}" for i in range(n)], "each exactly once, in order"


def test_a_late_401_from_before_the_new_login_does_not_wait_for_another_login(tmp_path):
    """The event stream's 401 opens the log-in dialog; the officer logs in again while the
    outbox's request (sent with the old session) is still in flight. Its 401 arrives after the
    new login: the command is sent again at once, not held until a login that never comes."""
    in_flight, renewed = threading.Event(), threading.Event()
    calls = []

    def late_401(method, target, headers):
        calls.append(headers.get("authorization"))
        if len(calls) == 1:
            in_flight.set()
            renewed.wait(10)  # the answer is held until the officer has logged in again
            return Reply.json({"error": {"code": "unauthenticated", "message": "expired"}},
                              status=401)
        return note_answer()

    with HostileServer({"POST /api/v1/alarms/a1/notes": late_401}) as srv:
        async def go():
            session = await open_offline_session(srv.url, tmp_path / "p")
            results: list[CommandResult] = []
            session.commands.on_result(results.append)
            try:
                await session.command("POST", "/alarms/a1/notes", {"text": "x"})
                session.commands.start()
                while not in_flight.is_set():
                    await asyncio.sleep(0.01)
                session.api.token = "t2"  # the new login
                session.commands.session_renewed()
                renewed.set()
                for _ in range(1000):  # 10 s: a hang detector, not a speed check
                    if results:
                        break
                    await asyncio.sleep(0.01)
                return results
            finally:
                await session.close()

        results = run_async(go())
    assert [r.outcome for r in results] == ["sent"], "the command waited for another login"
    assert calls == ["Bearer t", "Bearer t2"]
