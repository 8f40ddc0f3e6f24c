"""What the grid map draws, as plain values: the pane turns the hall's state into these (with
the freshness and the overlay already decided), the map only places and paints them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from widgets.geo_projection import Polygon

# The freshness words in code order (as desktop.state.freshness.FRESHNESS, without "none":
# a unit without a position is not drawn).
FRESHNESS = ("fresh", "ageing", "stale", "lost")


@dataclass(frozen=True)
class GridShape:
    id: str
    name: str
    station: str
    polygons: list[Polygon]  # (lon, lat) rings, exterior first
    label_at: tuple[float, float] | None = None  # (lon, lat) for the name, if the file says


@dataclass(frozen=True)
class UnitMark:
    id: str
    callsign: str
    kind: str
    status: str
    lat: float
    lon: float
    heading: float | None
    freshness: str  # fresh / ageing / stale / lost (desktop.state.freshness)


@dataclass(frozen=True, eq=False)
class UnitColumns:
    """Units as columns: one array per field, no object per unit. The pane keeps these up
    to date move by move and the map draws them as they are (5,000 units a second would
    otherwise mean 5,000 marks built and read again each batch). ``kind``, ``status`` and
    ``freshness`` are codes into ``kinds``, ``statuses`` and FRESHNESS."""

    ids: Sequence[str]
    callsigns: Sequence[str]
    lat: np.ndarray
    lon: np.ndarray
    heading: np.ndarray  # degrees clockwise from north; NaN when the unit gave none
    kind: np.ndarray
    status: np.ndarray
    freshness: np.ndarray
    kinds: Sequence[str]
    statuses: Sequence[str]
    rows: Mapping[str, int] | None = None  # id → index, when the caller keeps one

    @classmethod
    def from_marks(cls, marks: Sequence[UnitMark]) -> UnitColumns:
        kinds = sorted({m.kind for m in marks})
        statuses = sorted({m.status for m in marks})
        kind_code = {k: i for i, k in enumerate(kinds)}
        status_code = {st: i for i, st in enumerate(statuses)}
        n = len(marks)
        return cls(
            ids=[m.id for m in marks], callsigns=[m.callsign for m in marks],
            lat=np.fromiter((m.lat for m in marks), float, n),
            lon=np.fromiter((m.lon for m in marks), float, n),
            heading=np.fromiter((np.nan if m.heading is None else m.heading for m in marks),
                                float, n),
            kind=np.fromiter((kind_code[m.kind] for m in marks), np.intp, n),
            status=np.fromiter((status_code[m.status] for m in marks), np.intp, n),
            # An unknown word is drawn as lost: never fresher than what is known.
            freshness=np.fromiter((FRESHNESS.index(m.freshness) if m.freshness in FRESHNESS
                                   else len(FRESHNESS) - 1 for m in marks), np.intp, n),
            kinds=kinds, statuses=statuses)

    def __len__(self) -> int:
        return len(self.ids)

    def index(self, unit_id: str) -> int | None:
        if self.rows is None:
            object.__setattr__(self, "rows", {uid: i for i, uid in enumerate(self.ids)})
        assert self.rows is not None
        return self.rows.get(unit_id)

    def mark(self, i: int) -> UnitMark:
        heading = float(self.heading[i])
        return UnitMark(self.ids[i], self.callsigns[i], self.kinds[int(self.kind[i])],
                        self.statuses[int(self.status[i])], float(self.lat[i]),
                        float(self.lon[i]), None if np.isnan(heading) else heading,
                        FRESHNESS[int(self.freshness[i])])

    def get(self, unit_id: str) -> UnitMark | None:
        i = self.index(unit_id)
        return None if i is None else self.mark(i)

    def marks(self) -> list[UnitMark]:
        return [self.mark(i) for i in range(len(self.ids))]


@dataclass(frozen=True)
class AlarmMark:
    id: str
    priority: int
    lat: float
    lon: float
    unacknowledged: bool
    title: str = ""


@dataclass(frozen=True)
class CameraMark:
    id: str
    name: str
    lat: float
    lon: float
    online: bool


@dataclass(frozen=True)
class Overlay:
    """How the grids are filled: a colour per grid and the legend's (colour, text) rows."""

    colours: dict[str, str] = field(default_factory=dict)
    legend: list[tuple[str, str]] = field(default_factory=list)
    # How strongly the fill shows: a choropleth must read; station colours are background,
    # and units in similar hues must stand out on them.
    alpha: int = 150
