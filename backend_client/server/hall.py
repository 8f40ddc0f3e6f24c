"""The hall's current state in memory, written through to the store, with the event log.

Every change goes through ``Hall`` inside ``with hall.changes():`` so that the new object, its
version bump and its event are one commit, and streaming clients are woken once per commit.
Closed alarms leave memory (history lives in the store), so a long flood does not grow the heap.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from backend_client.schemas import (
    Alarm,
    Camera,
    Grid,
    Notice,
    Unit,
    UnitMoved,
    WatchlistEntry,
    WatchlistRemoved,
    format_time,
    utcnow,
)

from . import geo
from .config import KEEP_EVENTS
from .problems import CursorExpired, NotFound, Problem
from .store import Store

log = logging.getLogger(__name__)


def alarm_number(alarm_id: str) -> int:
    return int(alarm_id[1:])


class Hall:
    """Grids, units, cameras, current watchlist and open alarms of one server."""

    def __init__(self, store: Store, keep_events: int = KEEP_EVENTS) -> None:
        self.store = store
        self.keep_events = keep_events
        self.lock = asyncio.Lock()        # one command or simulator step at a time
        self.closing = asyncio.Event()    # set when the server shuts down: streams end
        self._wake = asyncio.Event()      # replaced at each commit: wakes waiting streams
        self.load()

    # --- loading -----------------------------------------------------------------------------

    def load(self) -> None:
        """(Re)read everything from the store: at start-up and after a failed change."""
        s = self.store
        self.grids = {g.id: g for g in map(Grid.model_validate, s.load_objects("grid"))}
        self.shapes = [geo.GridShape.of(g) for g in self.grids.values()]
        self.units = {u.id: u for u in map(Unit.model_validate, s.load_objects("unit"))}
        self.cameras = {c.id: c for c in map(Camera.model_validate, s.load_objects("camera"))}
        self.watchlist = {w.id: w for w in map(WatchlistEntry.model_validate,
                                               s.load_objects("watchlist"))}
        self.alarms = {a["id"]: Alarm.model_validate(a) for _, a in s.load_open_alarms()}

    @property
    def built(self) -> bool:
        return self.store.get_meta("world_built") == "1"

    @contextmanager
    def changes(self) -> Iterator[None]:
        """One commit for a command or a simulator step; wake the streams after it."""
        try:
            with self.store.transaction():
                yield
                self._trim()
        except Problem:
            raise  # refusals are decided before anything changes: memory is still right
        except BaseException:
            if not self.store._depth:
                self.load()  # memory may hold half a change: the store is the truth
            raise
        if not self.store._depth:
            self.wake()

    def _trim(self) -> None:
        """Keep the event log near ``keep_events`` long, trimming in slices, not every commit."""
        if self.store._depth == 1:
            slack = max(1, self.keep_events // 10)
            if self.store.last_seq - self.store.trimmed_through > self.keep_events + slack:
                self.store.trim_events(self.keep_events)

    def wake(self) -> None:
        self._wake.set()
        self._wake = asyncio.Event()

    async def wait_for_change(self, timeout: float) -> None:
        """Return after the next commit, at shutdown, or after ``timeout`` seconds."""
        wake = self._wake
        closing = asyncio.ensure_future(self.closing.wait())
        changed = asyncio.ensure_future(wake.wait())
        try:
            await asyncio.wait({closing, changed}, timeout=timeout,
                               return_when=asyncio.FIRST_COMPLETED)
        finally:
            closing.cancel()
            changed.cancel()

    # --- cursors -----------------------------------------------------------------------------

    def cursor(self, seq: int | None = None) -> str:
        return f"{self.store.epoch}-{self.store.last_seq if seq is None else seq}"

    def parse_cursor(self, cursor: str) -> int:
        """The event number after which a stream resumes; 410 for another epoch, a garbled
        cursor, or one older than the oldest kept event."""
        epoch, _, seq_text = cursor.strip().rpartition("-")
        if epoch != self.store.epoch or not seq_text.isdigit():
            raise CursorExpired("this cursor is not from this server's event log; take a new "
                                "snapshot", {"cursor": cursor})
        seq = int(seq_text)
        if seq < self.store.trimmed_through or seq > self.store.last_seq:
            raise CursorExpired("the server no longer keeps the events after this cursor; take "
                                "a new snapshot", {"cursor": cursor})
        return seq

    # --- events ------------------------------------------------------------------------------

    def emit(self, kind: str, data: dict[str, Any]) -> int:
        return self.store.append_event(kind, data, utcnow().timestamp())

    def notice(self, level: str, text: str, alert_level: str | None = None) -> None:
        """A hall-wide announcement; with ``alert_level`` it also sets the hall's alert level,
        which snapshots carry from then on (kept across restarts)."""
        data = Notice(level=level, text=text, at=utcnow(),
                      alert_level=alert_level).model_dump(mode="json", exclude_none=True)
        if alert_level is not None:
            self.store.set_meta("alert", json.dumps(data, ensure_ascii=False))
        self.emit("notice", data)

    def alert(self) -> dict[str, Any] | None:
        """The notice that set the current alert level, or None (normal, never set)."""
        raw = self.store.get_meta("alert")
        return json.loads(raw) if raw else None

    # --- alarms ------------------------------------------------------------------------------

    def find_alarm(self, alarm_id: str) -> Alarm:
        alarm = self.alarms.get(alarm_id)
        if alarm is None:
            raw = self.store.get_alarm(alarm_id)
            if raw is None:
                raise NotFound(f"no alarm {alarm_id}", {"id": alarm_id})
            alarm = Alarm.model_validate(raw)
        return alarm

    def next_alarm_id(self) -> str:
        return f"A{self.store.next_counter('alarm'):06d}"

    def add_alarm(self, alarm: Alarm) -> Alarm:
        self._store_alarm(alarm)
        self.emit("alarm.created", alarm.model_dump(mode="json"))
        return alarm

    def update_alarm(self, alarm: Alarm, now: datetime | None = None, **changes: Any) -> Alarm:
        new = alarm.model_copy(update={**changes, "version": alarm.version + 1,
                                       "updated_at": now or utcnow()})
        self._store_alarm(new)
        self.emit("alarm.updated", new.model_dump(mode="json"))
        return new

    def _store_alarm(self, alarm: Alarm) -> None:
        if alarm.state == "closed":
            self.alarms.pop(alarm.id, None)
        else:
            self.alarms[alarm.id] = alarm
        self.store.put_alarm(alarm_number(alarm.id), alarm.model_dump(mode="json"),
                             alarm.created_at.timestamp())

    # --- units, cameras, grids, watchlist ------------------------------------------------------

    def find(self, kind: str, ident: str) -> Any:
        table = {"unit": self.units, "camera": self.cameras, "watchlist": self.watchlist}[kind]
        obj = table.get(ident)
        if obj is None or (kind == "watchlist" and not obj.is_current()):
            raise NotFound(f"no {kind} {ident}", {"id": ident})
        return obj

    def _put[T: Unit | Camera | Grid | WatchlistEntry](
            self, kind: str, table: dict[str, T], obj: T, event: str | None) -> T:
        """Keep an object in memory and in the store, and stream it unless ``event`` is None."""
        table[obj.id] = obj
        data = obj.model_dump(mode="json")
        self.store.put_object(kind, obj.id, obj.version, data)
        if event:
            self.emit(event, data)
        return obj

    def put_unit(self, unit: Unit, event: str | None = "unit.updated") -> Unit:
        return self._put("unit", self.units, unit, event)

    def update_unit(self, unit: Unit, now: datetime | None = None, **changes: Any) -> Unit:
        now = now or utcnow()
        if "status" in changes and changes["status"] != unit.status:
            changes.setdefault("status_since", now)
        return self.put_unit(unit.model_copy(update={**changes, "version": unit.version + 1}))

    def move_unit(self, unit: Unit, moved: UnitMoved) -> Unit:
        """A position report: stored on the unit, streamed as ``unit.moved``, no version bump."""
        unit = unit.model_copy(update={"position": moved.position()})
        self.put_unit(unit, event=None)
        self.emit("unit.moved", moved.model_dump(mode="json"))
        return unit

    def put_camera(self, camera: Camera, event: str | None = "camera.updated") -> Camera:
        return self._put("camera", self.cameras, camera, event)

    def put_grid(self, grid: Grid, event: str | None = "grid.updated") -> Grid:
        return self._put("grid", self.grids, grid, event)

    def put_watchlist(self, entry: WatchlistEntry, event: str | None = "watchlist.upserted"
                      ) -> WatchlistEntry:
        entry = entry.model_copy(update={"photo_url": None})  # photos only on a logged read
        return self._put("watchlist", self.watchlist, entry, event)

    def remove_watchlist(self, entry_id: str, reason: str) -> None:
        """Purge an entry (the contract: expired entries are never shown and are purged)."""
        self.watchlist.pop(entry_id, None)
        self.store.delete_object("watchlist", entry_id)
        self.emit("watchlist.removed",
                  WatchlistRemoved(id=entry_id, reason=reason).model_dump(mode="json"))

    def grid_at(self, lon: float, lat: float) -> str | None:
        return geo.grid_at(self.shapes, lon, lat)

    # --- snapshot ------------------------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything a workstation starts from, with the cursor of exactly this state (built
        without yielding to the loop, so no change can slip between objects and cursor)."""
        now = utcnow()
        return {
            "cursor": self.cursor(),
            "server_time": format_time(now),
            "grids": {"type": "FeatureCollection",
                      "features": [g.model_dump(mode="json") for g in self.grids.values()]},
            "cameras": [c.model_dump(mode="json") for c in self.cameras.values()],
            "units": [u.model_dump(mode="json") for u in self.units.values()],
            "alarms": [a.model_dump(mode="json") for a in self.alarms.values()],
            "watchlist": [w.model_dump(mode="json", exclude={"photo_url"})
                          for w in self.watchlist.values() if w.is_current(now)],
            "alert": self.alert(),
        }
