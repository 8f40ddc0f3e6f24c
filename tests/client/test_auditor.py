"""audit(): written locally first (hash-chained), then shipped to the server in batches."""

from __future__ import annotations

import asyncio

from backend_client.session import CentralSession
from tests.conftest import run_async


def test_audit_is_local_first_then_shipped(quiet_server, tmp_path):
    async def go():
        # Server unreachable first: the records are kept, durable and chained.
        session = await CentralSession.open("http://127.0.0.1:9", tmp_path / "p",
                                            workstation="ws-audit")
        try:
            for i in range(3):
                await session.audit("watchlist.search", "watchlist", None, {"query": f"张{i}"})
            assert len(await session.writer.run(session.audit_log.unshipped)) == 3
        finally:
            await session.close()
        # Next start, with the server: they are shipped, and the chain still verifies.
        session = await CentralSession.open(quiet_server.url, tmp_path / "p",
                                            workstation="ws-audit")
        try:
            await session.login("duty", "demo")
            event = await session.audit("watchlist.view", "watchlist", "w-1", {})
            assert event.operator_id == session.api.operator.id
            assert event.workstation == "ws-audit"
            await session.start()
            for _ in range(200):
                if not await session.writer.run(session.audit_log.unshipped):
                    break
                await asyncio.sleep(0.05)
            left = await session.writer.run(session.audit_log.unshipped)
            check = await session.writer.run(session.audit_log.verify)
            return left, check
        finally:
            await session.close()

    left, check = run_async(go())
    assert left == []
    assert check.ok and check.checked == 4
