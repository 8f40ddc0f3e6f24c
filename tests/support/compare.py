"""Compare a workstation's local state with the server's, object by object."""

from __future__ import annotations

import asyncio

from backend_client.api import CentralApi
from backend_client.changes import ChangeSet
from backend_client.session import CentralSession


async def wait_quiet(api: CentralApi, settle: float = 0.6, limit: float = 60.0) -> str:
    """Wait until the server's cursor stops moving (its simulator finished); the cursor."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    last = (await api.snapshot()).cursor
    while loop.time() < end:
        await asyncio.sleep(settle)
        now = (await api.snapshot()).cursor
        if now == last:
            return now
        last = now
    raise AssertionError("the server never went quiet")


async def wait_cursor(session: CentralSession, cursor: str, limit: float = 30.0) -> None:
    """Wait until the session's cache holds everything up to ``cursor``."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    while loop.time() < end:
        if session.sync.cursor == cursor and session.cache.cursor() == cursor:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"client at {session.sync.cursor}, server at {cursor}")


async def assert_same_state(session: CentralSession, api: CentralApi) -> dict[str, int]:
    """The session's cache equals the server's state, object by object; returns the counts."""
    snap = await api.snapshot()
    cache = session.cache
    counts = {}
    for kind, objects in snap.objects().items():
        mine = {o.id: o for o in cache.load(kind)}
        theirs = {o.id: o for o in objects}
        if kind == "alarm":
            # The snapshot has open alarms; the cache also keeps closed ones as history.
            closed = {i: a for i, a in mine.items() if a.state == "closed"}
            mine = {i: a for i, a in mine.items() if a.state != "closed"}
            for alarm_id, alarm in closed.items():
                assert await api.get_alarm(alarm_id) == alarm, f"closed alarm {alarm_id}"
        assert mine.keys() == theirs.keys(), (
            f"{kind}: only here {sorted(mine.keys() - theirs.keys())[:5]}, "
            f"only on the server {sorted(theirs.keys() - mine.keys())[:5]}")
        for object_id, obj in theirs.items():
            assert mine[object_id] == obj, f"{kind} {object_id} differs:\n{mine[object_id]}\n{obj}"
        counts[kind] = len(theirs)
    return counts


class ChangeLog:
    """Records every change set a session emits and checks that, outside a reset, no version
    of an object is ever announced twice or after a newer one."""

    def __init__(self) -> None:
        self.sets: list[ChangeSet] = []
        self.seen: dict[tuple[str, str], int] = {}
        self.repeats: list[tuple[str, str, int]] = []

    def __call__(self, changes: ChangeSet) -> None:
        self.sets.append(changes)
        for kind, objs in (("alarm", changes.alarms), ("unit", changes.units),
                           ("camera", changes.cameras)):
            for obj in objs:
                k = (kind, obj.id)
                if changes.reset:
                    self.seen[k] = obj.version
                    continue
                if obj.version <= self.seen.get(k, -1):
                    self.repeats.append((kind, obj.id, obj.version))
                self.seen[k] = obj.version

    def events(self) -> int:
        return sum(c.size() for c in self.sets if not c.reset)
