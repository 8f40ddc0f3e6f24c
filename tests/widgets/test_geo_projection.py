"""The local projection and the GeoJSON ring reader, on real district files and on broken ones."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.geo_projection import (
    EARTH_RADIUS_M,
    Bounds,
    LocalProjection,
    bounds_of,
    polygons_of,
    rings_of,
)

SHARED_GEO = Path(__file__).parents[2].parent / "shared" / "data" / "geo"
COUNTY = Path(__file__).parents[2] / "resources" / "geo" / "county-grids.geojson"


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def shared_files() -> list[Path]:
    files = sorted(SHARED_GEO.glob("*.geojson"))
    assert files, f"no district files in {SHARED_GEO}"
    return files


# --- projection --------------------------------------------------------------------------------


@pytest.mark.parametrize("bearing", range(0, 360, 15))
def test_distances_match_haversine_at_30_north(bearing):
    proj = LocalProjection(30.0, 120.75)
    # A point 2 km away from the centre in every direction...
    lat = 30.0 + 2000 * math.cos(math.radians(bearing)) / 111_195
    lon = 120.75 + 2000 * math.sin(math.radians(bearing)) / (111_195 * math.cos(math.radians(30)))
    x, y = proj.to_xy(lat, lon)
    assert math.hypot(x, y) == pytest.approx(haversine_m(30.0, 120.75, lat, lon), rel=0.005)
    # ...and between two points 2 km apart that are both off the centre.
    lat2, lon2 = 30.004, 120.762
    x2, y2 = proj.to_xy(lat2, lon2)
    lat3, lon3 = proj.to_latlon(x2 + 2000 * math.sin(math.radians(bearing)),
                                y2 + 2000 * math.cos(math.radians(bearing)))
    assert haversine_m(lat2, lon2, lat3, lon3) == pytest.approx(2000, rel=0.005)


def test_axes_are_east_and_north_in_metres():
    proj = LocalProjection(30.0, 120.0)
    assert proj.to_xy(30.0, 120.0) == (0.0, 0.0)
    x, y = proj.to_xy(30.01, 120.0)
    assert x == 0 and y == pytest.approx(1112, rel=0.01)  # north is positive
    x, y = proj.to_xy(30.0, 120.01)
    assert y == 0 and x == pytest.approx(1112 * math.cos(math.radians(30)), rel=0.01)
    x, _ = proj.to_xy(30.0, 119.99)
    assert x < 0  # west is negative


@given(lat0=st.floats(-80, 80), lon0=st.floats(-180, 180),
       dx=st.floats(-50_000, 50_000), dy=st.floats(-50_000, 50_000))
def test_round_trip(lat0, lon0, dx, dy):
    proj = LocalProjection(lat0, lon0)
    lat, lon = proj.to_latlon(dx, dy)
    assert -180 <= lon <= 180
    x, y = proj.to_xy(lat, lon)
    assert x == pytest.approx(dx, abs=1e-6) and y == pytest.approx(dy, abs=1e-6)


def test_views_across_the_antimeridian_stay_local():
    proj = LocalProjection(-17.0, 179.99)
    x, _ = proj.to_xy(-17.0, -179.99)
    assert 0 < x < 3000  # a couple of km east, not 40 000 km west
    lat, lon = proj.to_latlon(x, 0)
    assert lon == pytest.approx(-179.99) and lat == pytest.approx(-17.0)


def test_poles_and_nonsense_centres():
    LocalProjection(90.0, 0.0).to_latlon(10.0, 10.0)  # no division by zero
    with pytest.raises(ValueError):
        LocalProjection(math.nan, 0.0)


def test_centred_on_bounds():
    proj = LocalProjection.centred_on(Bounds(120.0, 30.0, 121.0, 31.0))
    assert (proj.centre_lat, proj.centre_lon) == (30.5, 120.5)
    assert proj.ring_to_xy([(120.5, 30.5)]) == [(0.0, 0.0)]


# --- rings of real files -----------------------------------------------------------------------


def assert_clean(ring):
    assert len(ring) >= 4
    assert ring[0] == ring[-1], "rings come back closed"
    assert all(a != b for a, b in zip(ring, ring[1:], strict=False)), "no repeated points"
    assert len(set(ring)) >= 3
    for lon, lat in ring:
        assert isinstance(lon, float) and isinstance(lat, float)
        assert -180 <= lon <= 180 and -90 <= lat <= 90


@pytest.mark.parametrize("path", shared_files(), ids=lambda p: p.name)
def test_every_district_of_the_shared_files(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "UTF8Encoding" in data  # the non-standard top-level key of these files is harmless
    for feature in data["features"]:
        geometry = feature["geometry"]
        raw = ([geometry["coordinates"]] if geometry["type"] == "Polygon"
               else geometry["coordinates"])
        raw_repeats = sum(a == b for poly in raw for ring in poly
                          for a, b in zip(ring, ring[1:], strict=False))
        rings = rings_of(geometry)
        assert len(rings) == sum(len(poly) for poly in raw), feature["id"]
        assert len(polygons_of(geometry)) == len(raw)
        for ring in rings:
            assert_clean(ring)
        assert sum(len(r) for r in rings) <= sum(len(r) for p in raw for r in p) - raw_repeats
        # The file's "cp" label point lies inside the district's box.
        box = bounds_of(geometry)
        cp_lon, cp_lat = feature["properties"]["cp"]
        assert box.min_lon <= cp_lon <= box.max_lon and box.min_lat <= cp_lat <= box.max_lat
        # A Feature stands for its geometry.
        assert rings_of(feature) == rings


def test_the_shared_files_have_their_quirks():
    # If these files are ever cleaned up, the test above stops proving anything.
    feats = [f for path in shared_files() for f in features(path)]
    assert any(f["geometry"]["type"] == "MultiPolygon" for f in feats)
    multi = next(f for f in feats if f["geometry"]["type"] == "MultiPolygon")
    assert len(rings_of(multi["geometry"])) == len(multi["geometry"]["coordinates"]) > 1


def test_district_sizes_are_plausible():
    # Jiaxing's Nanhu district is a few hundred km²: the projection's areas are in metres.
    nanhu = next(f for f in features(SHARED_GEO / "jiaxing-districts.geojson")
                 if f["id"] == "330402")
    box = bounds_of(nanhu["geometry"])
    proj = LocalProjection.centred_on(box)
    (ring,) = rings_of(nanhu["geometry"])
    pts = proj.ring_to_xy(ring)
    area = abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False)))
    assert 200e6 < area / 2 < 800e6


def test_every_county_grid():
    feats = features(COUNTY)
    assert len(feats) > 100
    county = Bounds(180.0, 90.0, -180.0, -90.0)
    for feature in feats:
        rings = rings_of(feature["geometry"])
        assert rings, feature["properties"]["id"]
        for ring in rings:
            assert_clean(ring)
        box = bounds_of(rings)
        assert box == bounds_of(feature["geometry"])
        county = Bounds(min(county.min_lon, box.min_lon), min(county.min_lat, box.min_lat),
                        max(county.max_lon, box.max_lon), max(county.max_lat, box.max_lat))
    proj = LocalProjection.centred_on(county)
    x0, y0 = proj.to_xy(county.min_lat, county.min_lon)
    x1, y1 = proj.to_xy(county.max_lat, county.max_lon)
    assert 10_000 < x1 - x0 < 100_000 and 10_000 < y1 - y0 < 100_000  # a county, in metres


# --- quirks and broken input -------------------------------------------------------------------


SQUARE = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]


def test_unclosed_repeated_and_3d_rings_are_cleaned():
    geometry = {"type": "Polygon", "coordinates": [
        [[0, 0, 12.5], [0, 0, 13], [1, 0, 9], [1, 1], [1, 1], [0, 1]],  # unclosed, repeats, 3D
    ]}
    assert rings_of(geometry) == [[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]]


def test_holes_come_after_their_exterior():
    hole = [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]]
    rings = rings_of({"type": "Polygon", "coordinates": [SQUARE, hole]})
    assert len(rings) == 2 and rings[1][0] == (0.25, 0.25)
    polys = polygons_of({"type": "MultiPolygon",
                         "coordinates": [[SQUARE, hole], [[[5, 5], [6, 5], [6, 6]]]]})
    assert [len(p) for p in polys] == [2, 1]


def test_bad_parts_are_dropped_alone():
    geometry = {"type": "MultiPolygon", "coordinates": [
        [SQUARE],
        [[[0, 0], [0, 0], [0, 0]]],              # degenerate: one distinct point
        "nonsense",
        [[[2, 2], [3, 2]], SQUARE],               # exterior too short: its hole goes too
        [SQUARE, [[9, 9], ["a", "b"], [9, 9]]],   # a broken hole is dropped, the exterior kept
    ]}
    rings = rings_of(geometry)
    assert len(rings) == 2
    assert bounds_of(geometry) == Bounds(0.0, 0.0, 1.0, 1.0)


def test_bad_points_are_skipped():
    ring = [[0, 0], [True, 1], [math.nan, 1], [1, math.inf], [500, 1], [1, 0], [1, 95],
            ["1", "1"], [1], None, [1, 1], [0, 1]]
    assert rings_of({"type": "Polygon", "coordinates": [ring]}) == [
        [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0)]]


@pytest.mark.parametrize("geometry", [
    None, {}, [], "Polygon", 42, {"type": "Polygon"}, {"type": "Polygon", "coordinates": None},
    {"type": "Polygon", "coordinates": []}, {"type": "Polygon", "coordinates": [[]]},
    {"type": "Polygon", "coordinates": "[[[0,0],[1,0],[1,1]]]"},
    {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]},
    {"type": "MultiPolygon", "coordinates": [[[]]]},
    {"type": "MultiPolygon", "coordinates": {"a": 1}},
    {"type": "Point", "coordinates": [0, 0]},
    {"type": "LineString", "coordinates": SQUARE},
    {"type": "GeometryCollection", "geometries": []},
    {"type": "Feature", "geometry": None},
    {"type": "Feature"},
    {"coordinates": [SQUARE]},
], ids=repr)
def test_malformed_geometries_give_nothing(geometry):
    assert rings_of(geometry) == []
    assert polygons_of(geometry) == []
    assert bounds_of(geometry) is None


def test_collinear_points_are_a_ring_not_an_error():
    # Three distinct points on a line make a zero-area ring: harmless to draw, nothing to refuse.
    line = {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2], [1, 1], [0, 0]]]}
    assert len(rings_of(line)) == 1


def test_hostile_mappings_do_not_raise():
    class Hostile(dict):
        def get(self, key, default=None):
            raise RuntimeError("boom")

    assert rings_of(Hostile(type="Polygon")) == []
    assert bounds_of(Hostile(type="Polygon")) is None
    deep: dict = {"type": "Feature", "geometry": None}
    for _ in range(5000):
        deep = {"type": "Feature", "geometry": deep}
    assert rings_of(deep) == []
    assert bounds_of([[(1, "x")], 5]) is None


JSON = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers() | st.text(max_size=5),
    lambda children: st.lists(children, max_size=6) | st.dictionaries(
        st.sampled_from(["type", "coordinates", "geometry"]) | st.text(max_size=3), children,
        max_size=3),
    max_leaves=40,
)


@settings(max_examples=300)
@given(coords=JSON, kind=st.sampled_from(["Polygon", "MultiPolygon", "Feature", "Point"]))
def test_never_raises_on_anything(coords, kind):
    geometry = {"type": kind, "coordinates": coords, "geometry": coords}
    for ring in rings_of(geometry):
        assert_clean(ring)
    box = bounds_of(geometry)
    assert box is None or (box.min_lon <= box.max_lon and box.min_lat <= box.max_lat)
