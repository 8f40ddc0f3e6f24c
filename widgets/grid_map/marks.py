"""What the grid map draws, as plain values: the pane turns the hall's state into these (with
the freshness and the overlay already decided), the map only places and paints them."""

from __future__ import annotations

from dataclasses import dataclass, field

from widgets.geo_projection import Polygon


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
