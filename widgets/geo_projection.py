"""Lon/lat to local metres, and the rings of GeoJSON polygons as published files really are.

No Qt here: the mini map of the alarm card uses it today and the grid map pane will tomorrow, and
both must be testable without a display.

Views in the hall cover a patrol grid or a county (a few to a few tens of kilometres), so a local
equirectangular projection is enough: east and north metres from a centre, with longitude
shrunk by the cosine of the centre's latitude so that a kilometre east is as long on screen as
a kilometre north. Over 2 km at 30° N it stays within a few parts in 10 000 of the great-circle
distance; it is not meant for whole provinces.

District files arrive with quirks (the echarts-china-cities files in ``../shared/data/geo`` and
whatever a hall's GIS exports): MultiPolygons, thousands of repeated points, unclosed rings,
altitudes as a third coordinate, ``cp`` label points and other non-standard keys. ``rings_of``
and ``polygons_of`` take all of that, and anything that is not a polygon yields ``[]``: a broken
grid must cost its outline on the map, never the view.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

# Mean Earth radius (IUGG), the one the simulator's distances use too.
EARTH_RADIUS_M = 6_371_008.8

_M_PER_DEG = EARTH_RADIUS_M * math.pi / 180.0
# cos(89.99°): beyond it a "local" view makes no sense, but it must not divide by zero either.
_MIN_COS = math.cos(math.radians(89.99))

LonLat = tuple[float, float]
Ring = list[LonLat]
Polygon = list[Ring]  # exterior first, then holes


class Bounds(NamedTuple):
    """A lon/lat box. Longitudes are not wrapped: a box across the antimeridian is not
    supported (no hall sits on it)."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @property
    def centre(self) -> LonLat:
        """(lon, lat) of the box's middle."""
        return ((self.min_lon + self.max_lon) / 2, (self.min_lat + self.max_lat) / 2)


class LocalProjection:
    """East/north metres from a centre point, and back (equirectangular, scaled by the cosine
    of the centre's latitude). ``y`` grows northwards, as on a map; screens flip it."""

    __slots__ = ("centre_lat", "centre_lon", "_kx", "_ky")

    def __init__(self, centre_lat: float, centre_lon: float) -> None:
        if not (math.isfinite(centre_lat) and math.isfinite(centre_lon)):
            raise ValueError(f"not a position: {centre_lat!r}, {centre_lon!r}")
        self.centre_lat = max(-90.0, min(90.0, float(centre_lat)))
        self.centre_lon = _wrap_lon(float(centre_lon))
        self._ky = _M_PER_DEG
        self._kx = _M_PER_DEG * max(_MIN_COS, math.cos(math.radians(self.centre_lat)))

    @classmethod
    def centred_on(cls, bounds: Bounds) -> LocalProjection:
        """A projection centred on the middle of ``bounds`` (for a view of a whole area)."""
        lon, lat = bounds.centre
        return cls(lat, lon)

    def to_xy(self, lat: float, lon: float) -> tuple[float, float]:
        """Metres east and north of the centre."""
        # Wrapped so that a view near ±180° does not put its east half 40 000 km away.
        dlon = (lon - self.centre_lon + 180.0) % 360.0 - 180.0
        return dlon * self._kx, (lat - self.centre_lat) * self._ky

    def to_latlon(self, x_m: float, y_m: float) -> tuple[float, float]:
        """The (lat, lon) of a point ``x_m`` east and ``y_m`` north of the centre."""
        return self.centre_lat + y_m / self._ky, _wrap_lon(self.centre_lon + x_m / self._kx)

    def ring_to_xy(self, ring: Iterable[LonLat]) -> list[tuple[float, float]]:
        """A ring of (lon, lat) points (GeoJSON order, as ``rings_of`` gives) in metres."""
        return [self.to_xy(lat, lon) for lon, lat in ring]

    def __repr__(self) -> str:
        return f"LocalProjection({self.centre_lat!r}, {self.centre_lon!r})"


def _wrap_lon(lon: float) -> float:
    if -180.0 <= lon <= 180.0:
        return lon
    return (lon + 180.0) % 360.0 - 180.0


# --- GeoJSON polygons -------------------------------------------------------------------------


def _point(raw: Any) -> LonLat | None:
    """(lon, lat) of a GeoJSON position, or None for anything that is not a usable one.

    A third (altitude) or fourth coordinate is ignored. Booleans are not numbers here although
    Python says they are ints; non-finite and out-of-range values are dropped, since one wild
    point would otherwise stretch a view's bounds around the globe."""
    if not isinstance(raw, list | tuple) or len(raw) < 2:
        return None
    lon, lat = raw[0], raw[1]
    if (isinstance(lon, bool) or isinstance(lat, bool)
            or not isinstance(lon, int | float) or not isinstance(lat, int | float)):
        return None
    lon, lat = float(lon), float(lat)
    if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):  # also False for NaN
        return None
    return lon, lat


def _ring(raw: Any) -> Ring | None:
    """A clean closed ring: bad points and consecutive repeats dropped, first point repeated
    at the end. None when fewer than three distinct points remain (nothing to draw or fill)."""
    if not isinstance(raw, list | tuple):
        return None
    ring: Ring = []
    for item in raw:
        p = _point(item)
        if p is not None and (not ring or ring[-1] != p):
            ring.append(p)
    while len(ring) > 1 and ring[0] == ring[-1]:
        ring.pop()
    if len(ring) < 3 or len(set(ring)) < 3:
        return None
    ring.append(ring[0])
    return ring


def _polygon(raw: Any) -> Polygon | None:
    if not isinstance(raw, list | tuple) or not raw:
        return None
    exterior = _ring(raw[0])
    if exterior is None:
        # Holes without their exterior would be drawn as filled islands: drop them all.
        return None
    return [exterior, *(r for r in (_ring(h) for h in raw[1:]) if r is not None)]


def polygons_of(geometry: Any) -> list[Polygon]:
    """Every polygon of a GeoJSON Polygon or MultiPolygon, each as [exterior, *holes] of clean
    closed (lon, lat) rings (see ``rings_of``). A Feature stands for its geometry.

    Never raises: anything else (None, a Point, a broken coordinates array) gives ``[]``, and a
    broken part of a MultiPolygon drops only that part."""
    try:
        if not isinstance(geometry, Mapping):
            return []
        if geometry.get("type") == "Feature":
            return polygons_of(geometry.get("geometry"))
        kind, coords = geometry.get("type"), geometry.get("coordinates")
        if kind == "Polygon":
            parts = [_polygon(coords)]
        elif kind == "MultiPolygon" and isinstance(coords, list | tuple):
            parts = [_polygon(c) for c in coords]
        else:
            return []
        return [p for p in parts if p is not None]
    except Exception:  # a hostile mapping (a raising __getitem__) costs its outline, no more
        return []


def rings_of(geometry: Any) -> list[Ring]:
    """Every ring, exteriors and holes alike, of a GeoJSON Polygon or MultiPolygon as lists of
    (lon, lat) tuples: what an odd-even fill needs to draw holes as holes.

    Each ring is cleaned: positions that are not two finite in-range numbers are skipped, a
    third coordinate is ignored, consecutive repeated points are dropped, the ring is closed
    (last point == first), and a ring with fewer than three distinct points is left out (a
    polygon whose exterior is left out loses its holes too). Never raises; anything that is not
    a usable Polygon or MultiPolygon (or a Feature holding one) gives ``[]``."""
    return [ring for polygon in polygons_of(geometry) for ring in polygon]


def bounds_of(shape: Mapping[str, Any] | Iterable[Sequence[LonLat]] | None) -> Bounds | None:
    """The lon/lat box of a GeoJSON geometry (or Feature), or of rings as ``rings_of`` gives
    them; None when there is no usable point. Never raises."""
    try:
        rings: Iterable[Sequence[Any]]
        if shape is None:
            return None
        rings = rings_of(shape) if isinstance(shape, Mapping) else shape
        min_lon = min_lat = math.inf
        max_lon = max_lat = -math.inf
        for ring in rings:
            for item in ring:
                p = _point(item)
                if p is None:
                    continue
                lon, lat = p
                min_lon, max_lon = min(min_lon, lon), max(max_lon, lon)
                min_lat, max_lat = min(min_lat, lat), max(max_lat, lat)
    except Exception:  # the same promise as rings_of
        return None
    if min_lon > max_lon:
        return None
    return Bounds(min_lon, min_lat, max_lon, max_lat)
