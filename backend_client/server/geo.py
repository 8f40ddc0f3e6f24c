"""Patrol grids from any GeoJSON FeatureCollection, and the geometry the simulator needs.

Published district files have quirks (MultiPolygons, repeated points, unclosed rings, label points
and other non-standard keys); loading tolerates them and yields contract ``Grid`` features.
"""

from __future__ import annotations

import json
import logging
import math
import random
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from backend_client.schemas import Grid

log = logging.getLogger(__name__)

Ring = list[list[float]]
Polygon = list[Ring]  # outer ring first, then holes

STATION_NAMES = ["城东派出所", "城西派出所", "城南派出所", "城北派出所", "新区派出所",
                 "湖滨派出所", "高铁站派出所", "开发区派出所", "新塍派出所", "王江泾派出所"]


def default_grids_file() -> Path:
    """The county shipped with the product (package data, not the shared test files)."""
    return Path(str(resources.files("resources") / "geo" / "county-grids.geojson"))


def _clean_ring(raw: Any) -> Ring | None:
    """Numbers only, repeated consecutive points dropped, closed; None if too few points."""
    if not isinstance(raw, list):
        return None
    ring: Ring = []
    for p in raw:
        if (not isinstance(p, list | tuple) or len(p) < 2
                or not all(isinstance(c, int | float) for c in p[:2])):
            continue
        pt = [float(p[0]), float(p[1])]
        if not ring or ring[-1] != pt:
            ring.append(pt)
    if len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len({tuple(p) for p in ring}) < 3:
        return None
    return [*ring, list(ring[0])]


def _clean_polygon(raw: Any) -> Polygon | None:
    if not isinstance(raw, list) or not raw:
        return None
    outer = _clean_ring(raw[0])
    if outer is None:
        return None
    holes = [r for r in (_clean_ring(h) for h in raw[1:]) if r is not None]
    return [outer, *holes]


def _polygons_of(geometry: Any) -> list[Polygon]:
    if not isinstance(geometry, dict):
        return []
    kind, coords = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polys = [_clean_polygon(coords)]
    elif kind == "MultiPolygon" and isinstance(coords, list):
        polys = [_clean_polygon(c) for c in coords]
    else:
        return []
    return [p for p in polys if p is not None]


def _feature_name(props: dict[str, Any], fallback: str) -> str:
    for key in ("name", "NAME", "名称", "Name"):
        value = props.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return fallback


def load_grids(path: Path | str) -> list[Grid]:
    """Every usable feature of a FeatureCollection as a contract Grid (version 1).

    Ids come from ``properties.id``, else ``feature.id``, else the feature's index; names from
    ``name``/``NAME``/``名称``, else the id; stations from ``properties.station``, else neighbouring
    grids are grouped into about eight stations.
    """
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ValueError(f"{path} is not a GeoJSON FeatureCollection")
    raw: list[tuple[str, str, str | None, list[Polygon]]] = []
    seen: set[str] = set()
    for index, feature in enumerate(features):
        if not isinstance(feature, dict):
            continue
        props = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        ident = props.get("id", feature.get("id", index))
        ident = str(ident) if ident not in (None, "") else str(index)
        polys = _polygons_of(feature.get("geometry"))
        if not polys:
            log.warning("grid feature #%d (id=%s) has no usable polygon; skipped", index, ident)
            continue
        if ident in seen:
            ident = f"{ident}-{index}"
        seen.add(ident)
        station = props.get("station") if isinstance(props.get("station"), str) else None
        raw.append((ident, _feature_name(props, ident), station, polys))
    stations = _assign_stations([(r[0], r[3]) for r in raw if r[2] is None])
    grids = []
    for ident, name, station, polys in raw:
        geometry = ({"type": "Polygon", "coordinates": polys[0]} if len(polys) == 1
                    else {"type": "MultiPolygon", "coordinates": polys})
        grids.append(Grid.model_validate({
            "type": "Feature", "geometry": geometry,
            "properties": {"id": ident, "name": name, "station": station or stations[ident],
                           "duty_unit_ids": [], "version": 1}}))
    return grids


def _assign_stations(items: list[tuple[str, list[Polygon]]]) -> dict[str, str]:
    """Group grids into about eight stations by the angle of their centre around the middle
    (neighbours share a sector), so a file without stations still gets plausible ones."""
    if not items:
        return {}
    centres = {ident: centroid(polys) for ident, polys in items}
    mid_lon = sum(c[0] for c in centres.values()) / len(centres)
    mid_lat = sum(c[1] for c in centres.values()) / len(centres)
    count = max(1, min(8, len(items) // 8 or 1))
    out = {}
    for ident, (lon, lat) in centres.items():
        angle = (math.atan2(lat - mid_lat, lon - mid_lon) + math.pi) / (2 * math.pi)
        out[ident] = STATION_NAMES[min(count - 1, int(angle * count))]
    return out


# --- Geometry --------------------------------------------------------------------------------


def polygons(grid: Grid) -> list[Polygon]:
    g = grid.geometry
    return [g.coordinates] if g.type == "Polygon" else list(g.coordinates)  # type: ignore[list-item]


def centroid(polys: list[Polygon]) -> tuple[float, float]:
    """Mean of the outer-ring vertices of the largest polygon (good enough for labels)."""
    outer = max((p[0] for p in polys), key=len)
    pts = outer[:-1] or outer
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def _in_ring(lon: float, lat: float, ring: Ring) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(polys: list[Polygon], lon: float, lat: float) -> bool:
    """Point in (multi)polygon, holes excluded."""
    return any(_in_ring(lon, lat, p[0]) and not any(_in_ring(lon, lat, h) for h in p[1:])
               for p in polys)


@dataclass
class GridShape:
    """A grid's polygons with its bounding box, for fast point look-ups."""

    id: str
    polys: list[Polygon]
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

    @classmethod
    def of(cls, grid: Grid) -> GridShape:
        polys = polygons(grid)
        pts = [pt for p in polys for pt in p[0]]
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        return cls(grid.id, polys, (min(lons), min(lats), max(lons), max(lats)))

    def contains(self, lon: float, lat: float) -> bool:
        x0, y0, x1, y1 = self.bbox
        return x0 <= lon <= x1 and y0 <= lat <= y1 and contains(self.polys, lon, lat)

    def random_point(self, rng: random.Random) -> tuple[float, float]:
        """A uniformly random (lon, lat) inside the grid (rejection sampling in the bbox)."""
        x0, y0, x1, y1 = self.bbox
        for _ in range(200):
            lon, lat = rng.uniform(x0, x1), rng.uniform(y0, y1)
            if contains(self.polys, lon, lat):
                return lon, lat
        return centroid(self.polys)


def grid_at(shapes: list[GridShape], lon: float, lat: float) -> str | None:
    """The id of the grid that holds the point, or None outside every grid."""
    for shape in shapes:
        if shape.contains(lon, lat):
            return shape.id
    return None


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Metres between two nearby points (equirectangular; fine at county scale)."""
    dx = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    dy = math.radians(lat2 - lat1)
    return 6_371_000 * math.hypot(dx, dy)


def bearing_deg(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    dy = math.radians(lat2 - lat1)
    return (math.degrees(math.atan2(dx, dy)) + 360) % 360
