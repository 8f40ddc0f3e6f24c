"""Which version of every object the workstation holds: the rule that the server's newest word
wins, and that no event is applied twice or overtaken by an older one.

Pure bookkeeping (no I/O), so the sync engine's hot path is a few dict look-ups per event and
the rule can be tested on its own.
"""

from __future__ import annotations

import logging
from datetime import datetime

from backend_client import schemas as s
from backend_client.cache import CacheBatch
from backend_client.changes import ChangeSet
from backend_client.events import ServerEvent

log = logging.getLogger(__name__)

# Versioned event types → the cache kind they upsert.
UPSERT_KINDS = {
    "alarm.created": "alarm",
    "alarm.updated": "alarm",
    "unit.updated": "unit",
    "camera.updated": "camera",
    "grid.updated": "grid",
    "watchlist.upserted": "watchlist",
}
CHANGESET_FIELD = {"alarm": "alarms", "unit": "units", "camera": "cameras", "grid": "grids",
                   "watchlist": "watchlist"}


class VersionLedger:
    """Highest version seen per (kind, id), and the newest position per unit."""

    def __init__(self) -> None:
        self.versions: dict[str, dict[str, int]] = {k: {} for k in CHANGESET_FIELD}
        self.positions: dict[str, s.Position] = {}

    def reset(self, objects: dict[str, list[s.Model]]) -> None:
        """Start over from a complete state (snapshot or cache)."""
        self.versions = {k: {o.id: o.version for o in objects.get(k, [])}
                         for k in CHANGESET_FIELD}
        self.positions = {u.id: u.position for u in objects.get("unit", [])
                          if u.position is not None}

    def version(self, kind: str, object_id: str) -> int:
        return self.versions[kind].get(object_id, -1)

    def newest_position(self, unit: s.Unit) -> s.Unit:
        """The unit with the newer of its own position and the last ``unit.moved``."""
        known = self.positions.get(unit.id)
        if known is not None and (unit.position is None or known.at > unit.position.at):
            return unit.model_copy(update={"position": known})
        return unit

    def sort(self, events: list[ServerEvent], now: datetime | None = None
             ) -> tuple[CacheBatch, ChangeSet]:
        """Split a batch of events into what must be written and what changed, dropping
        duplicates and older versions. The ledger is updated as it goes (the caller writes
        the batch next; the server's word stands even if the disk fails)."""
        now = now or s.utcnow()
        upserts: dict[str, dict[str, s.Model]] = {k: {} for k in CHANGESET_FIELD}
        removed: dict[str, None] = {}
        moves: dict[str, s.UnitMoved] = {}
        notices: list[s.Notice] = []
        cursor = None
        dropped = 0
        for ev in events:
            cursor = ev.cursor or cursor
            data = ev.data
            if data is None:
                continue
            kind = UPSERT_KINDS.get(ev.type)
            if kind is not None:
                book = self.versions[kind]
                oid = data.id
                version = data.version
                if version <= book.get(oid, -1):
                    dropped += 1
                    continue
                book[oid] = version
                if kind == "watchlist" and not data.is_current(now):
                    log.info("watchlist entry %s arrived past valid_until: not kept", oid)
                    upserts[kind].pop(oid, None)
                    removed[oid] = None
                    continue
                if kind == "watchlist":
                    removed.pop(oid, None)
                upserts[kind][oid] = data
            elif ev.type == "unit.moved":
                known = self.positions.get(data.id)
                if known is not None and data.at <= known.at:
                    dropped += 1
                    continue
                self.positions[data.id] = data.position()
                moves[data.id] = data
            elif ev.type == "watchlist.removed":
                upserts["watchlist"].pop(data.id, None)
                removed[data.id] = None
            elif ev.type == "notice":
                notices.append(data)
        if dropped:
            log.debug("dropped %d duplicate or older events", dropped)
        # A unit's own position may be older than a move in the same batch: emit the newest.
        units = [self.newest_position(u) for u in upserts["unit"].values()]
        alerts = [n for n in notices if s.alert_level_of(n) is not None]
        batch = CacheBatch(
            upserts={k: list(v.values()) for k, v in upserts.items() if v},
            deletes={"watchlist": list(removed)} if removed else {},
            positions=list(moves.values()),
            cursor=cursor,
            alert=alerts[-1] if alerts else None,
        )
        changes = ChangeSet(
            cursor=cursor,
            alarms=list(upserts["alarm"].values()),
            units=units,
            cameras=list(upserts["camera"].values()),
            grids=list(upserts["grid"].values()),
            watchlist=list(upserts["watchlist"].values()),
            watchlist_removed=list(removed),
            moves=list(moves.values()),
            notices=notices,
        )
        return batch, changes
