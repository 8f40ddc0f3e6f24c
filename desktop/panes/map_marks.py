"""The hall's state as the grid map's marks (pure functions, tested without the pane): grids as
shapes, units with their freshness, alarms, cameras, and the overlays' colours and legends."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable

from backend_client import schemas as s
from desktop.settings import UserSettings
from desktop.state.freshness import FreshnessThresholds
from widgets.geo_projection import polygons_of
from widgets.geo_shapes import feature_name
from widgets.grid_map import AlarmMark, CameraMark, GridMapView, GridShape, Overlay
from widgets.i18n import tr

log = logging.getLogger(__name__)

# Categorical colours for stations (distinct, readable under the grid names).
STATION_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948",
                   "#ff9da7", "#9c755f", "#e15759", "#bab0ac")
# Sequential classes for counts (choropleth): 0, 1, 2–3, 4–6, 7+.
COUNT_CLASSES = ((0, 0, None), (1, 1, "#fde0c5"), (2, 3, "#facba6"), (4, 6, "#f59e72"),
                 (7, 10**9, "#e8553f"))


def thresholds_of(settings: UserSettings) -> FreshnessThresholds:
    ageing, stale, lost = settings.position_freshness_seconds
    try:
        return FreshnessThresholds(ageing, stale, lost)
    except ValueError:
        log.warning("position freshness thresholds %r not usable; the standard ones apply",
                    settings.position_freshness_seconds)
        return FreshnessThresholds()


def grid_shapes(grids: Iterable[s.Grid]) -> list[GridShape]:
    shapes = []
    for grid in grids:
        geometry = grid.geometry.model_dump()
        polygons = polygons_of(geometry)
        if not polygons:
            log.warning("grid %s has no usable outline; not drawn", grid.id)
            continue
        props = grid.properties.model_dump()
        cp = props.get("cp")
        label_at = (float(cp[0]), float(cp[1])) if (
            isinstance(cp, list) and len(cp) == 2
            and all(isinstance(v, int | float) for v in cp)) else None
        shapes.append(GridShape(grid.id, feature_name(props, grid.id),
                                grid.properties.station or "", polygons, label_at))
    return shapes


def alarm_marks(alarms: Iterable[s.Alarm]) -> list[AlarmMark]:
    return [AlarmMark(a.id, a.priority, a.location.lat, a.location.lon, a.state == "new",
                      a.title) for a in alarms if a.state != "closed"]


def camera_marks(cameras: Iterable[s.Camera]) -> list[CameraMark]:
    return [CameraMark(c.id, c.name, c.location.lat, c.location.lon, c.status == "online")
            for c in cameras]


def station_overlay(grids: Iterable[s.Grid]) -> Overlay:
    stations = sorted({g.properties.station or "" for g in grids})
    colours = {st: STATION_PALETTE[i % len(STATION_PALETTE)] for i, st in enumerate(stations)}
    return Overlay({g.id: colours[g.properties.station or ""] for g in grids},
                   [(colours[st], st or tr("No station")) for st in stations], alpha=70)


def count_overlay(counts: Counter[str] | dict[str, int], grids: dict[str, s.Grid]) -> Overlay:
    """A choropleth of counts per grid in five classes, with the legend."""
    colours: dict[str, str] = {}
    for grid_id in grids:
        n = counts.get(grid_id, 0)
        for low, high, colour in COUNT_CLASSES:
            if low <= n <= high and colour:
                colours[grid_id] = colour
    legend = [(colour or "#2a323c", (f"{low}" if low == high else
                                      f"{low}+" if high > 10**8 else f"{low}–{high}"))
              for low, high, colour in COUNT_CLASSES]
    return Overlay(colours, legend)


def available_per_grid(view: GridMapView, units: Iterable[s.Unit]) -> Counter[str]:
    """Available units by the grid their position is in (hit-tested like a click)."""
    counts: Counter[str] = Counter()
    for unit in units:
        if unit.status == "available" and unit.position is not None:
            grid_id = view.grid_at(unit.position.lat, unit.position.lon)
            if grid_id:
                counts[grid_id] += 1
    return counts
