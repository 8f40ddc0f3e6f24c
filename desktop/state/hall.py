"""``HallState``: the hall's objects as this workstation knows them — alarms, units, cameras,
grids, watchlist — kept from the sync engine's change sets. Qt-free.

Listeners get each change set after it has been applied, so a view can refresh only what
changed (or everything, on ``reset``). Called on the thread that applies (the UI thread).
"""

from __future__ import annotations

from datetime import datetime

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from desktop.state.observable import Observable


class HallState(Observable):
    def __init__(self) -> None:
        super().__init__()
        self.alarms: dict[str, s.Alarm] = {}
        self.units: dict[str, s.Unit] = {}
        self.cameras: dict[str, s.Camera] = {}
        self.grids: dict[str, s.Grid] = {}
        self.watchlist: dict[str, s.WatchlistEntry] = {}
        self.loaded = False  # any state at all (cache or server) has arrived
        self.from_cache = True  # what is shown came from the local cache, not the server yet
        self.updated_at: datetime | None = None
        # Alarms the last change set brought that this workstation did not hold before
        # (live news: 0 for the cache and for snapshots) — the flood meter counts these.
        self.new_alarm_ids: list[str] = []

    def apply(self, changes: ChangeSet) -> None:
        self.new_alarm_ids = [] if changes.reset or changes.from_cache else [
            a.id for a in changes.alarms if a.state != "closed" and a.id not in self.alarms]
        if changes.reset:
            self.alarms.clear()
            self.units.clear()
            self.cameras.clear()
            self.grids.clear()
            self.watchlist.clear()
        for alarm in changes.alarms:
            if alarm.state == "closed":
                self.alarms.pop(alarm.id, None)
            else:
                self.alarms[alarm.id] = alarm
        self.units.update((u.id, u) for u in changes.units)
        for moved in changes.moves:
            unit = self.units.get(moved.id)
            if unit is not None and (unit.position is None or moved.at > unit.position.at):
                self.units[moved.id] = unit.model_copy(update={"position": moved.position()})
        self.cameras.update((c.id, c) for c in changes.cameras)
        self.grids.update((g.id, g) for g in changes.grids)
        self.watchlist.update((w.id, w) for w in changes.watchlist)
        for entry_id in changes.watchlist_removed:
            self.watchlist.pop(entry_id, None)
        self.loaded = True
        if not changes.from_cache:
            self.from_cache = False
        self.updated_at = s.utcnow()
        self._notify(changes)

    def open_alarm_count(self, priority: int | None = None) -> int:
        if priority is None:
            return len(self.alarms)
        return sum(1 for a in self.alarms.values() if a.priority == priority)

    def unacknowledged_count(self) -> int:
        return sum(1 for a in self.alarms.values() if a.state == "new")
