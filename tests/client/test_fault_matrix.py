"""The fault matrix, headless: the sync engine and the outbox talk to a simulating reference
server through the fault proxy (real loopback HTTP and SSE). Whatever the route does — cut,
stall, duplicate or reorder the event stream, storm the commands, drip — the client ends with
exactly the server's state, no version applied twice or after a newer one, and every command
applied once. (Server down at start, restarted, replaced by an empty one: test_sync_live.py
and test_offline_start.py; malformed payloads: test_bad_input.py.)"""

from __future__ import annotations

import asyncio
import time

from backend_client.api import CentralApi
from backend_client.session import CentralSession
from tests.conftest import run_async
from tests.support.central import Desk
from tests.support.compare import ChangeLog, assert_same_state, wait_cursor, wait_quiet
from tests.support.fault_proxy import FaultProxy, Storm

SIM = ("--tick", "0.1", "--alarm-rate", "15", "--seed", "7", "--ping-interval", "1")


async def open_via(proxy: FaultProxy, profile, states: list[str] | None = None
                   ) -> tuple[CentralSession, ChangeLog]:
    session = await CentralSession.open(proxy.url, profile, workstation="ws-faults",
                                        watchdog=3.0)
    session.sync.backoff.first, session.sync.backoff.cap = 0.2, 1.0
    log = ChangeLog()
    session.sync.on_change(log)
    if states is not None:
        session.sync.on_state(lambda st: states.append(st.status))
    await session.login("duty", "demo")
    await session.start()
    return session, log


async def settle(session: CentralSession, server, exact_cursor: bool = True
                 ) -> dict[str, int]:
    """Wait for the simulation to end and the client to hold its last event; compare.

    ``exact_cursor=False``: events came out of order, so the last cursor the client saw
    need not be the server's last (cursors are opaque: the client cannot tell which is
    newer, and resuming from an older one only replays what the version rule drops).
    Then the states are compared until they agree."""
    api = CentralApi(server.url)
    try:
        await api.login("supervisor", "demo")
        cursor = await wait_quiet(api, limit=90)
        if exact_cursor:
            await wait_cursor(session, cursor, limit=60)
            return await assert_same_state(session, api)
        deadline = time.monotonic() + 30
        while True:
            try:
                return await assert_same_state(session, api)
            except AssertionError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.5)
    finally:
        await api.aclose()


def test_duplicated_and_reordered_events_change_nothing_twice(server_factory, tmp_path):
    server = server_factory(*SIM, "--sim-steps", "80")

    async def go():
        with FaultProxy(server.url) as proxy:
            proxy.set(sse_duplicate=True, sse_reorder=4)
            session, log = await open_via(proxy, tmp_path / "profile")
            try:
                counts = await settle(session, server, exact_cursor=False)
                return counts, log, proxy.sse_events_sent
            finally:
                await session.close()

    counts, log, sent = run_async(go(), timeout=150)
    assert counts["alarm"] > 0
    assert sent > 2 * 40  # the stream really was doubled
    assert log.repeats == [], log.repeats[:5]


def test_an_event_stream_cut_every_second_and_a_half_resumes_each_time(server_factory,
                                                                      tmp_path, caplog):
    server = server_factory(*SIM, "--sim-steps", "120")  # 12 s of simulation
    states: list[str] = []

    async def go():
        with FaultProxy(server.url) as proxy:
            proxy.set(sse_cut_every=1.5)
            session, log = await open_via(proxy, tmp_path / "profile", states)
            try:
                counts = await settle(session, server)
                streams = sum(1 for e in proxy.log if e.path == "/api/v1/events")
                return counts, log, streams
            finally:
                await session.close()

    counts, log, streams = run_async(go(), timeout=150)
    assert streams >= 6  # cut and opened again, again and again
    resets = [c for c in log.sets if c.reset and not c.from_cache]
    assert len(resets) == 1, "each reconnection resumed from the cursor, no new snapshot"
    assert log.repeats == []
    assert counts["alarm"] > 0
    # A stream cut mid-message (the peer closed it without ending the chunked body) is a
    # lost stream like any other, not an "unexpected" error with a traceback.
    unexpected = [r.getMessage() for r in caplog.records if "unexpected" in r.getMessage()]
    assert unexpected == []


def test_a_silently_stalled_stream_is_noticed_and_replaced(server_factory, tmp_path):
    server = server_factory(*SIM, "--sim-steps", "120")
    states: list[str] = []

    async def go():
        with FaultProxy(server.url) as proxy:
            session, log = await open_via(proxy, tmp_path / "profile", states)
            try:
                while log.events() < 20:
                    await asyncio.sleep(0.05)
                proxy.set(sse_stall=True)  # the route goes dead; nothing is closed
                stalled_at = time.monotonic()
                while "reconnecting" not in states[-1:] and time.monotonic() - stalled_at < 15:
                    await asyncio.sleep(0.05)
                noticed = time.monotonic() - stalled_at
                proxy.set(sse_stall=False)
                counts = await settle(session, server)
                return counts, log, noticed
            finally:
                await session.close()

    counts, log, noticed = run_async(go(), timeout=150)
    assert noticed < 6, f"the watchdog took {noticed:.1f} s to notice"
    assert "reconnecting" in states and states[-1] == "online"
    assert log.repeats == []


def test_command_storms_are_retried_with_the_same_key_and_applied_once(server_factory,
                                                                        tmp_path):
    server = server_factory("--sim-steps", "0", "--seed", "7")
    desk = Desk(server.api_url)
    alarm = desk.raise_alarm(title="风暴中的警情")

    async def go():
        with FaultProxy(server.url) as proxy:
            session, _ = await open_via(proxy, tmp_path / "profile")
            try:
                proxy.set(storm=Storm(status=503, count=3, method="POST",
                                      path_prefix="/api/v1/alarms/", retry_after=0.5))
                items = [await session.command("POST", f"/alarms/{alarm['id']}/notes",
                                               {"text": f"note {i}"}) for i in range(3)]
                while await session.writer.run(session.outbox.pending_count):
                    await asyncio.sleep(0.05)
                proxy.set(storm=Storm(status=429, count=2, method="POST",
                                      path_prefix="/api/v1/alarms/", retry_after=1.0))
                items.append(await session.command("POST", f"/alarms/{alarm['id']}/acknowledge",
                                                   {}))
                while await session.writer.run(session.outbox.pending_count):
                    await asyncio.sleep(0.05)
                return items, list(proxy.log)
            finally:
                await session.close()

    items, log = run_async(go(), timeout=120)
    server_alarm = desk.get(f"/alarms/{alarm['id']}").json()
    desk.close()
    assert [n["text"] for n in server_alarm["notes"]] == ["note 0", "note 1", "note 2"]
    assert server_alarm["state"] == "acknowledged"
    sent = [e for e in log if e.path.startswith("/api/v1/alarms/")]
    # Every attempt of a command carried its one key; each key got through exactly once.
    keys = [i.idempotency_key for i in items]
    assert [e.key for e in sent if not e.injected] == keys
    assert sum(e.injected for e in sent) == 5
    assert {e.key for e in sent if e.injected} <= set(keys)
    # After each injected answer, the same command came again no sooner than Retry-After.
    for before, after in zip(sent, sent[1:], strict=False):
        if before.injected and after.key == before.key:
            wait = 1.0 if before.status == 429 else 0.5
            assert after.at - before.at >= wait * 0.9, (before, after)


def test_a_slow_jittery_route_still_ends_in_the_servers_state(server_factory, tmp_path):
    server = server_factory(*SIM, "--sim-steps", "60")

    async def go():
        with FaultProxy(server.url) as proxy:
            proxy.set(latency=0.05, jitter=0.25, drip=200_000)
            session, log = await open_via(proxy, tmp_path / "profile")
            try:
                counts = await settle(session, server)
                return counts, log
            finally:
                await session.close()

    counts, log = run_async(go(), timeout=150)
    assert counts["unit"] >= 50
    assert log.repeats == []
