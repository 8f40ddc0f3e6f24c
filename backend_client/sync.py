"""The sync engine: snapshot → cache → change set; events → cache → change sets.

Runs on the asyncio loop (in the workstation, the Qt thread through qasync); every disk write
goes to the one writer thread. Listeners are called on the loop's thread.

- Events are batched (every ``batch_interval`` s or ``batch_max`` events) into one cache
  transaction that also stores the cursor, so after a crash the stream resumes exactly after
  the last event the cache holds: nothing lost, nothing applied twice.
- The stream reconnects from its cursor with jittered backoff (0.5 s doubling to 30 s); 45 s
  without a byte (the server pings every 15 s) counts as a dead connection; a 410 means the
  server no longer has our cursor, so a fresh snapshot replaces the cache.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

from backend_client import schemas as s
from backend_client.api import CentralApi, Snapshot
from backend_client.background import BackgroundTasks, wait_at_most
from backend_client.backoff import Backoff
from backend_client.cache import LocalCache
from backend_client.changes import ChangeSet, ConnectionState, ConnectionStatus
from backend_client.disk_health import DiskHealth
from backend_client.errors import BadResponse, CentralError, CursorExpired, SessionExpired
from backend_client.events import EventParser, ServerEvent, SseReader, read_stream
from backend_client.ledger import VersionLedger
from backend_client.login_gate import LoginGate
from backend_client.writer import DiskWriter

log = logging.getLogger(__name__)

ChangeListener = Callable[[ChangeSet], None]
StateListener = Callable[[ConnectionState], None]


class SyncEngine:
    """Keeps the local cache equal to the server's state and tells listeners what changed."""

    def __init__(self, api: CentralApi, cache: LocalCache, writer: DiskWriter, *,
                 batch_interval: float = 0.05, batch_max: int = 500, watchdog: float = 45.0,
                 backoff: Backoff | None = None, offline_after: float = 3.0,
                 purge_interval: float = 60.0, disk: DiskHealth | None = None) -> None:
        self.api = api
        self.cache = cache
        self.writer = writer
        self.batch_interval = batch_interval
        self.batch_max = batch_max
        self.watchdog = watchdog
        self.backoff = backoff or Backoff(first=0.5, cap=30.0)
        self.offline_after = offline_after
        self.purge_interval = purge_interval
        self.disk = disk if disk is not None else DiskHealth()
        self.ledger = VersionLedger()
        self.parser = EventParser()
        self.state = ConnectionState("connecting", s.utcnow())
        self.cursor: str | None = None
        self.events_applied = 0
        self._change_listeners: list[ChangeListener] = []
        self._state_listeners: list[StateListener] = []
        self._pending: list[ServerEvent] = []
        self._wake = asyncio.Event()
        self._full = asyncio.Event()
        self._tasks = BackgroundTasks()
        self._logins = LoginGate()
        self._lost_at: float | None = None
        self._cached: ChangeSet | None = None

    # --- listeners ------------------------------------------------------------------------

    def on_change(self, listener: ChangeListener) -> None:
        self._change_listeners.append(listener)

    def on_state(self, listener: StateListener) -> None:
        self._state_listeners.append(listener)

    def _emit(self, changes: ChangeSet) -> None:
        for listener in self._change_listeners:
            try:
                listener(changes)
            except Exception:  # a broken view must not stop the sync
                log.exception("change listener %r failed", listener)

    def _set_state(self, status: ConnectionStatus, *, attempt: int = 0, delay: float | None = None,
                   error: str = "") -> None:
        now = s.utcnow()
        keep_since = status == self.state.status or (
            status == "offline" and self.state.status == "reconnecting")
        since = self.state.since if keep_since else now
        next_try = now + timedelta(seconds=delay) if delay is not None else None
        self.state = ConnectionState(status, since, attempt, next_try, error)
        for listener in self._state_listeners:
            try:
                listener(self.state)
            except Exception:
                log.exception("state listener %r failed", listener)

    # --- start and stop -------------------------------------------------------------------

    def load_cached(self) -> ChangeSet:
        """The cached state as a ``reset`` change set, for the first paint before the network.
        Reads the disk: call it off the UI thread (e.g. through ``writer.run``)."""
        now = s.utcnow()
        self.cache.purge_expired_watchlist(now)
        objects = {kind: self.cache.load(kind) for kind in s.OBJECT_MODELS}
        objects["alarm"] = [a for a in objects["alarm"] if a.state != "closed"]
        self.ledger.reset(objects)
        self.cursor = self.cache.cursor()
        return ChangeSet(reset=True, cursor=self.cursor, from_cache=True,
                         alarms=objects["alarm"], units=objects["unit"],
                         cameras=objects["camera"], grids=objects["grid"],
                         watchlist=objects["watchlist"], alert=self.cache.alert())

    async def show_cached(self) -> ChangeSet:
        """Load the cache and announce it as the first change set (once): the first paint,
        before any network."""
        if self._cached is None:
            self._cached = await self.writer.run(self.load_cached)
            self._emit(self._cached)
        return self._cached

    async def start(self) -> None:
        """Show the cache (if not done yet), then follow the server."""
        await self.show_cached()
        self._tasks.start(self._follow(), "ccw-sync-stream")
        self._tasks.start(self._flush_loop(), "ccw-sync-flush")
        self._tasks.start(self._purge_loop(), "ccw-sync-purge")

    async def stop(self) -> None:
        await self._tasks.stop()
        if self._pending:
            await self._flush()

    def session_renewed(self) -> None:
        """The operator logged in again after a 401: resume the stream."""
        self._logins.renewed()

    # --- snapshot -------------------------------------------------------------------------

    async def take_snapshot(self) -> Snapshot:
        """Replace the cache with a fresh snapshot and announce it as a ``reset``."""
        snap = await self.api.snapshot()
        await self._flush()  # events before the snapshot are superseded by it
        self._pending.clear()
        objects = snap.objects()
        try:
            await self.writer.run(self.cache.replace_all, objects, snap.cursor, snap.server_time,
                                  snap.alert)
        except Exception as e:  # shown anyway: the server's word stands without the cache
            self.disk.failed("the snapshot to the local cache", e)
        else:
            self.disk.worked()
        self.ledger.reset(objects)
        self.cursor = snap.cursor
        self._emit(ChangeSet(reset=True, cursor=snap.cursor, alarms=snap.alarms,
                             units=snap.units, cameras=snap.cameras, grids=snap.grids,
                             watchlist=snap.watchlist, alert=snap.alert))
        log.info("snapshot at cursor %s: %d alarms, %d units, %d cameras, %d grids, "
                 "%d watchlist entries", snap.cursor, len(snap.alarms), len(snap.units),
                 len(snap.cameras), len(snap.grids), len(snap.watchlist))
        return snap

    # --- the stream -----------------------------------------------------------------------

    def _receive(self, event: ServerEvent) -> None:
        self._pending.append(event)
        if len(self._pending) == 1:
            self._wake.set()
        elif len(self._pending) >= self.batch_max:
            self._full.set()

    def _opened(self) -> None:
        self._lost_at = None
        self._set_state("online")

    async def _follow(self) -> None:
        reader = SseReader(self.parser, self._receive)
        while True:
            login = self._logins.generation
            try:
                if self.cursor is None:
                    await self.take_snapshot()
                async with self.api.open_event_stream(self.cursor) as response:
                    self._opened()
                    reader = SseReader(self.parser, self._receive)
                    opened_at = asyncio.get_running_loop().time()
                    await read_stream(response.aiter_text(), reader, self.watchdog)
                # The server ended the stream (restart, load balancer): come back soon.
                if asyncio.get_running_loop().time() - opened_at > 10:
                    self.backoff.reset()
                await self._retry_later("the server closed the event stream")
            except CursorExpired:
                log.warning("cursor %s expired on the server: taking a fresh snapshot",
                            self.cursor)
                await self._flush()
                self.cursor = None
            except SessionExpired:
                await self._flush()
                self._set_state("session_expired", error=SessionExpired.officer_message)
                await self._logins.wait_newer_than(login)
                self.backoff.reset()
            except (CentralError, BadResponse) as e:
                await self._retry_later(f"{e} ({e.detail})" if e.detail else str(e))
            except asyncio.CancelledError:
                raise
            except Exception as e:  # never let the sync die silently
                log.exception("event stream failed unexpectedly")
                await self._retry_later(f"unexpected error: {e!r}")

    async def _retry_later(self, why: str) -> None:
        await self._flush()
        loop = asyncio.get_running_loop()
        if self._lost_at is None:
            self._lost_at = loop.time()
        delay = self.backoff.next_delay()
        offline_at = self._lost_at + self.offline_after
        log.warning("event stream lost (%s); attempt %d in %.1f s", why,
                    self.backoff.attempt, delay)
        now = loop.time()
        if now >= offline_at:
            self._set_state("offline", attempt=self.backoff.attempt, delay=delay, error=why)
            await asyncio.sleep(delay)
            return
        self._set_state("reconnecting", attempt=self.backoff.attempt, delay=delay, error=why)
        if now + delay <= offline_at:
            await asyncio.sleep(delay)
            return
        # The officer is told "OFFLINE" when the time comes, not at the next failed attempt
        # (with the backoff doubling, that could be many seconds later).
        await asyncio.sleep(offline_at - now)
        remaining = now + delay - loop.time()
        self._set_state("offline", attempt=self.backoff.attempt, delay=max(0.0, remaining),
                        error=why)
        await asyncio.sleep(max(0.0, remaining))

    # --- batching -------------------------------------------------------------------------

    async def _flush_loop(self) -> None:
        while True:
            await self._wake.wait()
            # Wait out the batch window unless the batch fills first.
            await wait_at_most(self._full, self.batch_interval)
            self._wake.clear()
            self._full.clear()
            await self._flush()

    async def _flush(self) -> None:
        if not self._pending:
            return
        events, self._pending = self._pending, []
        await self.apply_events(events)

    async def apply_events(self, events: list[ServerEvent]) -> ChangeSet:
        """Write one batch of events to the cache (one transaction, cursor included) and
        announce what changed."""
        batch, changes = self.ledger.sort(events)
        try:
            await self.writer.run(self.cache.apply, batch)
        except Exception as e:
            # The server's word still stands on screen; the cursor was not saved, so after a
            # restart these events come again and the version rule absorbs them.
            self.disk.failed(f"{len(events)} events to the local cache", e)
        else:
            self.disk.worked()
        if batch.cursor:
            self.cursor = batch.cursor
        self.events_applied += len(events)
        if not changes.is_empty():
            self._emit(changes)
        return changes

    async def apply_objects(self, kind: str, objects: list[s.Model]) -> ChangeSet:
        """Objects the server returned from a command: the same rules as events (the event
        that follows finds the version already applied and is dropped)."""
        event_type = {"alarm": "alarm.updated", "unit": "unit.updated",
                      "camera": "camera.updated"}[kind]
        return await self.apply_events([ServerEvent("", event_type, o) for o in objects])

    # --- the watchlist's expiry sweep ------------------------------------------------------

    async def _purge_loop(self) -> None:
        while True:
            await asyncio.sleep(self.purge_interval)
            await self.purge_expired()

    async def purge_expired(self) -> list[str]:
        """Delete watchlist entries past ``valid_until`` and announce their removal."""
        try:
            ids = await self.writer.run(self.cache.purge_expired_watchlist, s.utcnow())
        except Exception as e:  # the entries stay hidden: the list model refuses them too
            self.disk.failed("the watchlist's expiry sweep", e)
            return []
        if ids:
            log.info("watchlist: purged %d expired entries", len(ids))
            self._emit(ChangeSet(watchlist_removed=list(ids)))
        return list(ids)
