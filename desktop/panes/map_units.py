"""``MapUnits``: the hall's units as columns for the grid map, kept move by move.

A busy hall sends a position for every unit every second. Turning all of them into marks each
batch (an object per unit, read again by the map) was most of a map update; here a batch of
moves writes only the moved units' rows, the freshness of all of them is one numpy pass, and
the map gets arrays it can draw as they are. Breadcrumbs (each unit's last positions) are a
ring of rows per unit, written the same way. Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

import numpy as np

from backend_client import schemas as s
from desktop.state.freshness import (
    FRESHNESS,
    FreshnessThresholds,
    epoch_seconds,
    freshness_codes,
)
from widgets.grid_map import UnitColumns

TRAIL_POINTS = 20  # breadcrumbs kept per unit (the selected unit's are drawn)
_NONE = FRESHNESS.index("none")


class _Codes(dict[str, int]):
    """Words (kinds, statuses) → codes; an unseen word gets the next code."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def __missing__(self, word: str) -> int:
        self[word] = len(self.words)
        self.words = [*self.words, word]  # a new list: columns handed out keep theirs
        return self[word]


class MapUnits:
    """Every unit of the hall in rows (in the order first seen); units without a position
    have NaN there and are left out of ``columns``."""

    def __init__(self) -> None:
        self.reset([])

    def reset(self, units: Iterable[s.Unit]) -> None:
        self._row: dict[str, int] = {}
        self.ids: list[str] = []
        self.callsigns: list[str] = []
        self._kinds = _Codes()
        self._statuses = _Codes()
        self.lat = np.empty(0)
        self.lon = np.empty(0)
        self.heading = np.empty(0)
        self.at = np.empty(0)  # when the position was taken, epoch seconds
        self.kind = np.empty(0, dtype=np.intp)
        self.status = np.empty(0, dtype=np.intp)
        self._trail = np.full((0, TRAIL_POINTS, 2), np.nan)
        self._trail_len = np.empty(0, dtype=np.intp)  # positions written so far, per unit
        self.put(units)

    def __len__(self) -> int:
        return len(self.ids)

    def put(self, units: Iterable[s.Unit]) -> None:
        """New or changed units (status, callsign, kind, position)."""
        units = list({u.id: u for u in units}.values())  # the last version of each
        new = [u.id for u in units if u.id not in self._row]
        if new:
            self._grow(new)
        copied = bool(new)  # growing made a new list already
        callsigns = self.callsigns
        for unit in units:
            i = self._row[unit.id]
            if callsigns[i] != unit.callsign:
                if not copied:  # copy on write: columns handed out keep theirs
                    callsigns, copied = list(callsigns), True
                callsigns[i] = unit.callsign
            self.kind[i] = self._kinds[unit.kind]
            self.status[i] = self._statuses[unit.status]
            if unit.position is None:  # the hall no longer has a position for it
                self.lat[i] = self.lon[i] = self.heading[i] = self.at[i] = np.nan
        self.callsigns = callsigns
        self._place([(u.id, u.position) for u in units if u.position is not None])

    def move(self, moves: Sequence[s.UnitMoved]) -> None:
        """``unit.moved`` events, by the hall's rule: a move counts only when it is newer
        than the position held (of several moves of one unit, the newest; a unit the map
        does not know is left out, as the hall leaves it out)."""
        row = self._row
        n = len(moves)
        rows = np.fromiter((row.get(m.id, -1) for m in moves), np.intp, n)
        known: Sequence[s.UnitMoved] = moves
        if not (rows >= 0).all():
            keep = np.flatnonzero(rows >= 0)
            known, rows = [moves[i] for i in keep.tolist()], rows[keep]
            n = len(known)
        if not n:
            return
        at = epoch_seconds([m.at for m in known])
        pick = np.arange(n)
        if np.bincount(rows).max() > 1:  # the same unit twice: its newest (first of equals)
            order = np.lexsort((-pick, at, rows))
            last = np.append(rows[order][1:] != rows[order][:-1], True)
            pick = order[last]
        held = self.at[rows[pick]]
        pick = pick[np.isnan(held) | (at[pick] > held)]
        if not len(pick):
            return
        chosen = known if len(pick) == n else [known[i] for i in pick.tolist()]
        # (pick is in input order whenever it is everything)
        self._write(rows[pick],
                    np.fromiter((m.lat for m in chosen), float, len(chosen)),
                    np.fromiter((m.lon for m in chosen), float, len(chosen)),
                    np.fromiter((np.nan if m.heading is None else m.heading for m in chosen),
                                float, len(chosen)),
                    at[pick])

    def _grow(self, new_ids: list[str]) -> None:
        n = len(new_ids)
        for uid in new_ids:
            self._row[uid] = len(self._row)
        self.ids = self.ids + new_ids
        self.callsigns = self.callsigns + [""] * n
        nan = np.full(n, np.nan)
        self.lat = np.concatenate([self.lat, nan])
        self.lon = np.concatenate([self.lon, nan])
        self.heading = np.concatenate([self.heading, nan])
        self.at = np.concatenate([self.at, nan])
        self.kind = np.concatenate([self.kind, np.zeros(n, dtype=np.intp)])
        self.status = np.concatenate([self.status, np.zeros(n, dtype=np.intp)])
        self._trail = np.concatenate([self._trail, np.full((n, TRAIL_POINTS, 2), np.nan)])
        self._trail_len = np.concatenate([self._trail_len, np.zeros(n, dtype=np.intp)])

    def _place(self, places: list[tuple[str, s.Position]]) -> None:
        """Positions as given (a unit's own update carries the hall's position)."""
        if not places:
            return
        n = len(places)
        row = self._row
        self._write(np.fromiter((row[uid] for uid, _p in places), np.intp, n),
                    np.fromiter((p.lat for _u, p in places), float, n),
                    np.fromiter((p.lon for _u, p in places), float, n),
                    np.fromiter((np.nan if p.heading is None else p.heading
                                 for _u, p in places), float, n),
                    epoch_seconds([p.at for _u, p in places]))

    def _write(self, rows: np.ndarray, lat: np.ndarray, lon: np.ndarray, heading: np.ndarray,
               at: np.ndarray) -> None:
        # A breadcrumb only where the unit is somewhere new (a parked car adds none).
        moved = (lat != self.lat[rows]) | (lon != self.lon[rows])
        self.lat[rows] = lat
        self.lon[rows] = lon
        self.heading[rows] = heading
        self.at[rows] = at
        crumbs = rows[moved]
        slot = self._trail_len[crumbs] % TRAIL_POINTS
        self._trail[crumbs, slot, 0] = lat[moved]
        self._trail[crumbs, slot, 1] = lon[moved]
        self._trail_len[crumbs] += 1

    # --- reading ----------------------------------------------------------------------------

    def freshness(self, now: datetime, thresholds: FreshnessThresholds) -> np.ndarray:
        """Every row's freshness code (FRESHNESS; "none" without a position)."""
        return freshness_codes(now.timestamp() - self.at, thresholds)

    def columns(self, fresh: np.ndarray) -> UnitColumns:
        """The units with a position, with their freshness codes (``freshness``)."""
        placed = fresh != _NONE
        if placed.all():
            return UnitColumns(self.ids, self.callsigns, self.lat, self.lon, self.heading,
                               self.kind, self.status, fresh, self._kinds.words,
                               self._statuses.words, self._row)
        keep = np.flatnonzero(placed)
        ids, callsigns = self.ids, self.callsigns
        return UnitColumns([ids[i] for i in keep.tolist()],
                           [callsigns[i] for i in keep.tolist()], self.lat[keep],
                           self.lon[keep], self.heading[keep], self.kind[keep],
                           self.status[keep], fresh[keep], self._kinds.words,
                           self._statuses.words)

    def trail(self, unit_id: str) -> list[tuple[float, float]]:
        """The unit's last positions (lat, lon), oldest first."""
        i = self._row.get(unit_id)
        if i is None:
            return []
        n = int(self._trail_len[i])
        ring = self._trail[i]
        order = range(n) if n <= TRAIL_POINTS else [(n + k) % TRAIL_POINTS
                                                     for k in range(TRAIL_POINTS)]
        return [(float(ring[k, 0]), float(ring[k, 1])) for k in order]
