"""The sync engine against a simulating reference server: the client ends with exactly the
server's state, through a stream cut by a server crash and restart, and through a server
replaced by an empty one (cursor expired → 410 → fresh snapshot)."""

from __future__ import annotations

import asyncio

from backend_client.api import CentralApi
from backend_client.session import CentralSession
from tests.conftest import run_async
from tests.support.compare import ChangeLog, assert_same_state, wait_cursor, wait_quiet

SIM = ("--tick", "0.1", "--alarm-rate", "15", "--seed", "5")


async def open_session(server, profile, **options) -> tuple[CentralSession, ChangeLog]:
    session = await CentralSession.open(server.url, profile, workstation="ws-test",
                                        **options)
    log = ChangeLog()
    session.sync.on_change(log)
    await session.login("duty", "demo")
    await session.start()
    return session, log


def test_client_follows_the_simulation_to_the_servers_state(server_factory, tmp_path):
    server = server_factory(*SIM, "--sim-steps", "40")

    async def go():
        session, log = await open_session(server, tmp_path / "profile")
        api = CentralApi(server.url)
        await api.login("supervisor", "demo")
        try:
            cursor = await wait_quiet(api)
            await wait_cursor(session, cursor)
            counts = await assert_same_state(session, api)
            assert session.sync.state.status == "online"
            return counts, log
        finally:
            await api.aclose()
            await session.close()

    counts, log = run_async(go())
    assert counts["alarm"] > 0 and counts["unit"] >= 50
    assert log.sets[0].reset and log.sets[0].from_cache  # first paint from the (empty) cache
    assert any(c.reset and not c.from_cache for c in log.sets)  # then the snapshot
    assert log.events() > 50  # and live events after it
    assert log.repeats == []


def test_resume_after_a_server_crash_loses_nothing_and_applies_nothing_twice(
        server_factory, tmp_path):
    server = server_factory(*SIM, "--sim-steps", "30")
    states: list[str] = []

    async def go():
        session, log = await open_session(server, tmp_path / "profile",
                                          backoff=None, watchdog=5.0)
        session.sync.on_state(lambda st: states.append(st.status))
        session.sync.backoff.first, session.sync.backoff.cap = 0.2, 1.0
        api = CentralApi(server.url)
        try:
            # Mid-stream: events are flowing when the server dies.
            while log.events() < 30:
                await asyncio.sleep(0.05)
            cursor_before = session.sync.cursor
            await asyncio.to_thread(server.kill)
            await asyncio.sleep(1.0)
            assert session.sync.state.status in ("reconnecting", "offline")
            await asyncio.to_thread(server.restart)  # same database, same port, sim goes on
            await api.login("supervisor", "demo")
            cursor = await wait_quiet(api)
            await wait_cursor(session, cursor)
            await assert_same_state(session, api)
            resets = [c for c in log.sets if c.reset and not c.from_cache]
            return cursor_before, resets, log
        finally:
            await api.aclose()
            await session.close()

    cursor_before, resets, log = run_async(go(), timeout=120)
    assert len(resets) == 1, "resumed from the cursor: no second snapshot"
    assert log.repeats == []
    assert states.count("online") >= 2 and "reconnecting" in states
    assert cursor_before


def test_restart_of_the_workstation_resumes_from_its_cache(server_factory, tmp_path):
    server = server_factory(*SIM, "--sim-steps", "30")
    profile = tmp_path / "profile"

    async def first_run():
        session, log = await open_session(server, profile)
        while log.events() < 20:
            await asyncio.sleep(0.05)
        await session.close()
        return session.sync.cursor

    async def second_run():
        session, log = await open_session(server, profile)
        api = CentralApi(server.url)
        await api.login("duty", "demo")
        try:
            cursor = await wait_quiet(api)
            await wait_cursor(session, cursor)
            await assert_same_state(session, api)
            return log
        finally:
            await api.aclose()
            await session.close()

    assert run_async(first_run())
    log = run_async(second_run())
    cached = log.sets[0]
    assert cached.reset and cached.from_cache and cached.units  # first paint had the cache
    assert not [c for c in log.sets if c.reset and not c.from_cache], "no new snapshot needed"
    assert log.repeats == []


def test_server_replaced_by_an_empty_one_means_a_fresh_snapshot(server_factory, tmp_path):
    server = server_factory("--sim-steps", "0", "--seed", "8")

    async def go():
        session, log = await open_session(server, tmp_path / "profile")
        api = CentralApi(server.url)
        try:
            await api.login("duty", "demo")
            cursor = await wait_quiet(api, settle=0.2)
            await wait_cursor(session, cursor)
            old_cursor = session.sync.cursor
            # Replace the server's database: a new epoch, our cursor means nothing there.
            await asyncio.to_thread(server.stop)
            server.db.unlink()
            for side in ("-wal", "-shm"):
                    (server.db.parent / (server.db.name + side)).unlink(missing_ok=True)
            server.args = ["--sim-steps", "0", "--seed", "9"]
            await asyncio.to_thread(server.restart)
            # The new server knows neither our cursor nor our token: the operator is asked
            # to log in again, and the stream waits for that.
            while session.sync.state.status != "session_expired":
                await asyncio.sleep(0.05)
            await session.login("duty", "demo")
            await api.login("duty", "demo")
            cursor = await wait_quiet(api, settle=0.2)
            await wait_cursor(session, cursor)
            await assert_same_state(session, api)
            return old_cursor, cursor, log
        finally:
            await api.aclose()
            await session.close()

    old, new, log = run_async(go(), timeout=120)
    assert old.split("-")[0] != new.split("-")[0]
    fresh = [c for c in log.sets if c.reset and not c.from_cache]
    assert len(fresh) == 2, "one snapshot at start, one after the 410"
