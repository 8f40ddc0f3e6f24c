"""Grid and zone shapes for the map: GeoJSON files read feature by feature with what was wrong
said in words, point-in-polygon for clicks (holes and MultiPolygons), crossing outlines found
(no Qt).

A hall's GIS exports and the published district files have quirks (``geo_projection`` cleans
the rings). A file that is broken in part must still give the officer every grid that is
usable, and say which ones are not and why: a feature without coordinates is left out, one
whose coordinates are latitude/longitude the wrong way round (points beyond ±90° latitude that
would be valid swapped) is left out, and an outline that crosses itself is drawn as given
(even-odd) with a warning — its area is uncertain, its place is not.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widgets.geo_projection import LonLat, Polygon, polygons_of

NAME_KEYS = ("name", "NAME", "Name", "名称", "grid_name", "title")


@dataclass(frozen=True)
class GeoFeature:
    id: str
    name: str
    polygons: list[Polygon]  # (lon, lat) rings, exterior first
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
class GeoLoad:
    features: list[GeoFeature] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one sentence each, for the officer


def feature_name(properties: Mapping[str, Any], fallback: str) -> str:
    for key in NAME_KEYS:
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return fallback


def _positions(raw: Any) -> Iterable[Sequence[Any]]:
    """Every position (a list of numbers) in a nested coordinates array."""
    if isinstance(raw, list | tuple):
        if raw and all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw):
            yield raw
        else:
            for item in raw:
                yield from _positions(item)


def _swapped(coordinates: Any) -> bool:
    """Latitude and longitude the wrong way round: some latitudes beyond ±90°, and every
    position valid when swapped."""
    points = [p for p in _positions(coordinates) if len(p) >= 2]
    if not points or not any(abs(p[1]) > 90 for p in points):
        return False
    return all(abs(p[0]) <= 90 and abs(p[1]) <= 180 for p in points)


def read_geojson(source: str | bytes | Path) -> GeoLoad:
    """Read a GeoJSON FeatureCollection (or one Feature) from a path or text."""
    load = GeoLoad()
    try:
        text = source.read_bytes() if isinstance(source, Path) else source
        data = json.loads(text)
    except OSError as e:
        load.problems.append(f"The file cannot be read: {e.strerror or e}.")
        return load
    except (ValueError, UnicodeDecodeError) as e:
        load.problems.append(f"The file is not valid JSON ({e}); nothing was loaded.")
        return load
    if isinstance(data, dict) and data.get("type") == "Feature":
        data = {"type": "FeatureCollection", "features": [data]}
    if not isinstance(data, dict) or not isinstance(data.get("features"), list):
        load.problems.append("The file is not a GeoJSON FeatureCollection; nothing was loaded.")
        return load
    for n, raw in enumerate(data["features"], start=1):
        feature = _feature(raw, n, load.problems)
        if feature is not None:
            load.features.append(feature)
    return load


def _feature(raw: Any, n: int, problems: list[str]) -> GeoFeature | None:
    if not isinstance(raw, dict):
        problems.append(f"Feature {n} is not an object; left out.")
        return None
    properties = raw.get("properties") if isinstance(raw.get("properties"), dict) else {}
    name = feature_name(properties, f"#{n}")
    fid = raw.get("id", properties.get("id", properties.get("adcode", n)))
    geometry = raw.get("geometry")
    coords = geometry.get("coordinates") if isinstance(geometry, dict) else None
    if coords is None or (isinstance(coords, list) and not coords):
        problems.append(f"{name}: no coordinates; left out.")
        return None
    if _swapped(coords):
        problems.append(f"{name}: latitude and longitude seem swapped (latitudes beyond 90°); "
                        "left out.")
        return None
    polygons = polygons_of(geometry)
    if not polygons:
        problems.append(f"{name}: no usable outline (not a Polygon or MultiPolygon, or too few "
                        "valid points); left out.")
        return None
    if any(crosses_itself(ring) for polygon in polygons for ring in polygon):
        problems.append(f"{name}: its outline crosses itself; drawn as given, its area may be "
                        "wrong.")
    return GeoFeature(str(fid), name, polygons, dict(properties))


# --- point in polygon --------------------------------------------------------------------------


def ring_contains(ring: Sequence[tuple[float, float]], x: float, y: float) -> bool:
    """Even-odd ray casting (a point exactly on an edge may go either way)."""
    inside = False
    n = len(ring)
    for i in range(n - 1 if ring and ring[0] == ring[-1] else n):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < cross:
                inside = not inside
    return inside


def polygons_contain(polygons: Iterable[Sequence[Sequence[tuple[float, float]]]],
                     x: float, y: float) -> bool:
    """Inside one of the polygons and in none of its holes (MultiPolygon parts each with
    their holes). Coordinates in any plane: (lon, lat) or projected metres alike."""
    for polygon in polygons:
        if not polygon or not ring_contains(polygon[0], x, y):
            continue
        if not any(ring_contains(hole, x, y) for hole in polygon[1:]):
            return True
    return False


# --- outlines that cross themselves ------------------------------------------------------------


def _segments_cross(a: LonLat, b: LonLat, c: LonLat, d: LonLat) -> bool:
    def orient(p: LonLat, q: LonLat, r: LonLat) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    d1, d2 = orient(c, d, a), orient(c, d, b)
    d3, d4 = orient(a, b, c), orient(a, b, d)
    return ((d1 > 0) != (d2 > 0)) and ((d3 > 0) != (d4 > 0)) and 0 not in (d1, d2, d3, d4)


def crosses_itself(ring: Sequence[LonLat]) -> bool:
    """Whether two non-adjacent edges of a closed ring properly cross. Edges are bucketed in
    a grid over the ring's box, so real district outlines of thousands of points take
    milliseconds, not the seconds of comparing every pair."""
    points = list(ring)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    n = len(points)
    if n < 4:
        return False
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    width = max(xs) - min(xs) or 1e-12
    height = max(ys) - min(ys) or 1e-12
    cells = max(1, int(math.sqrt(n)))
    cw, ch = width / cells, height / cells
    x0, y0 = min(xs), min(ys)
    buckets: dict[tuple[int, int], list[int]] = {}
    for i in range(n):
        (ax, ay), (bx, by) = points[i], points[(i + 1) % n]
        c0 = int((min(ax, bx) - x0) / cw)
        c1 = int((max(ax, bx) - x0) / cw)
        r0 = int((min(ay, by) - y0) / ch)
        r1 = int((max(ay, by) - y0) / ch)
        for cx in range(c0, min(c1, cells) + 1):
            for cy in range(r0, min(r1, cells) + 1):
                buckets.setdefault((cx, cy), []).append(i)
    checked: set[tuple[int, int]] = set()
    for edges in buckets.values():
        for a_i, i in enumerate(edges):
            for j in edges[a_i + 1:]:
                if abs(i - j) <= 1 or {i, j} == {0, n - 1} or (i, j) in checked:
                    continue
                checked.add((i, j))
                if _segments_cross(points[i], points[(i + 1) % n], points[j],
                                   points[(j + 1) % n]):
                    return True
    return False
