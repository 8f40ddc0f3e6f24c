"""Starting without the server (cached state first, "offline since T", then sync), and
starting on a corrupt cache file (moved aside, rebuilt from the server)."""

from __future__ import annotations

import asyncio

from backend_client.api import CentralApi
from backend_client.changes import ConnectionState
from backend_client.profile import cache_path
from backend_client.session import CentralSession
from tests.conftest import run_async
from tests.support.compare import ChangeLog, assert_same_state, wait_cursor, wait_quiet


def test_server_down_at_start_then_back(server_factory, tmp_path):
    server = server_factory("--sim-steps", "0", "--seed", "12")
    profile = tmp_path / "p"

    async def fill_cache():
        session = await CentralSession.open(server.url, profile)
        await session.login("duty", "demo")
        await session.start()
        while session.sync.cursor is None:
            await asyncio.sleep(0.05)
        await session.close()

    run_async(fill_cache())
    server.stop()
    states: list[ConnectionState] = []

    async def go():
        session = await CentralSession.open(server.url, profile, offline_after=0.5)
        session.sync.backoff.first, session.sync.backoff.cap = 0.1, 0.3
        log = ChangeLog()
        session.sync.on_change(log)
        session.sync.on_state(states.append)
        session.api.token = "stale"  # as after a restart: the log-in waits for the server
        try:
            await session.start()
            first = log.sets[0]
            while not states or states[-1].status != "offline":
                await asyncio.sleep(0.05)
            await asyncio.to_thread(server.restart)
            # The stale token gets a 401: the operator logs in, and the sync goes on.
            while states[-1].status != "session_expired":
                await asyncio.sleep(0.05)
            await session.login("duty", "demo")
            api = CentralApi(server.url)
            await api.login("duty", "demo")
            cursor = await wait_quiet(api, settle=0.2)
            await wait_cursor(session, cursor)
            await assert_same_state(session, api)
            await api.aclose()
            return first
        finally:
            await session.close()

    first = run_async(go(), timeout=90)
    assert first.reset and first.from_cache and len(first.units) >= 50, "cached first paint"
    kinds = [s.status for s in states]
    assert kinds[0] == "reconnecting" and "offline" in kinds
    offline = next(s for s in states if s.status == "offline")
    reconnecting = next(s for s in states if s.status == "reconnecting")
    assert offline.since == reconnecting.since, "offline since the connection was lost"
    assert offline.next_try_at is not None and offline.attempt >= 2
    assert "cannot be reached" in offline.error
    assert kinds[-1] == "online"


def test_corrupt_cache_is_moved_aside_and_rebuilt(quiet_server, tmp_path):
    profile = tmp_path / "p"
    profile.mkdir()
    cache_path(profile).write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 3000)

    async def go():
        session = await CentralSession.open(quiet_server.url, profile)
        try:
            await session.login("duty", "demo")
            await session.start()
            api = CentralApi(quiet_server.url)
            await api.login("duty", "demo")
            await wait_cursor(session, (await api.snapshot()).cursor)
            counts = await assert_same_state(session, api)
            await api.aclose()
            return counts
        finally:
            await session.close()

    counts = run_async(go())
    assert counts["unit"] >= 50
    assert list(profile.glob("cache.sqlite.corrupt-*")), "the bad file was kept for inspection"
