"""Grid files for the map: every real district file and the simulator's county load whole; a
broken file says what is wrong and still loads what is valid; clicks hit the right grid
(holes, MultiPolygons); crossing outlines are found."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.state.freshness import FreshnessThresholds, freshness
from widgets.geo_projection import LocalProjection
from widgets.geo_shapes import crosses_itself, polygons_contain, read_geojson, ring_contains

ROOT = Path(__file__).resolve().parents[2]
REAL_FILES = sorted((ROOT.parent / "shared" / "data" / "geo").glob("*.geojson"))
COUNTY = ROOT / "resources" / "geo" / "county-grids.geojson"


@pytest.mark.parametrize("path", [*REAL_FILES, COUNTY], ids=lambda p: p.name)
def test_real_files_load_every_feature(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    load = read_geojson(path)
    assert len(load.features) == len(raw["features"]) and load.features
    assert not [p for p in load.problems if "left out" in p], load.problems
    for feature in load.features:
        assert feature.name and not feature.name.startswith("#")
        assert all(len(ring) >= 4 for polygon in feature.polygons for ring in polygon)


def test_real_multipolygons_hit_their_own_parts():
    path = next(p for p in REAL_FILES if "jiaxing" in p.name)
    load = read_geojson(path)
    multi = [f for f in load.features if len(f.polygons) > 1]
    assert multi, "the Jiaxing file has MultiPolygon districts (islands)"
    for feature in multi:
        for polygon in feature.polygons:
            lon, lat = _inside_point(polygon[0])
            hits = [f.name for f in load.features if polygons_contain(f.polygons, lon, lat)]
            assert feature.name in hits


def _inside_point(ring):
    """A point inside a ring: the centre of a small box around a vertex, tried until one is in."""
    for lon, lat in ring:
        for dx, dy in ((1e-4, 1e-4), (-1e-4, 1e-4), (1e-4, -1e-4), (-1e-4, -1e-4)):
            if ring_contains(ring, lon + dx, lat + dy):
                return lon + dx, lat + dy
    raise AssertionError("no inside point found")


SQUARE = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
HOLE = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]


def _fc(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _f(name, geometry):
    return {"type": "Feature", "properties": {"name": name, "extra": {"x": 1}},
            "geometry": geometry}


def test_holes_and_multipolygons_in_hit_testing():
    load = read_geojson(_fc(
        _f("带孔", {"type": "Polygon", "coordinates": [SQUARE, HOLE]}),
        _f("群岛", {"type": "MultiPolygon", "coordinates": [
            [[[20, 0], [22, 0], [22, 2], [20, 2], [20, 0]]],
            [[[30, 0], [32, 0], [32, 2], [30, 2], [30, 0]]]]})))
    holed, islands = load.features
    assert polygons_contain(holed.polygons, 2, 2)
    assert not polygons_contain(holed.polygons, 5, 5)  # in the hole
    assert not polygons_contain(holed.polygons, 11, 5)
    assert polygons_contain(islands.polygons, 21, 1) and polygons_contain(islands.polygons, 31, 1)
    assert not polygons_contain(islands.polygons, 25, 1)
    # The same in projected metres (what the map's clicks use).
    proj = LocalProjection(5, 5)
    metres = [[proj.ring_to_xy(ring) for ring in polygon] for polygon in holed.polygons]
    assert polygons_contain(metres, *proj.to_xy(2, 2))
    assert not polygons_contain(metres, *proj.to_xy(5, 5))


def test_a_broken_file_says_what_is_wrong_and_loads_what_is_valid():
    bow_tie = [[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]
    load = read_geojson(_fc(
        _f("好网格", {"type": "Polygon", "coordinates": [SQUARE]}),
        _f("无坐标", {"type": "Polygon"}),
        _f("空坐标", {"type": "Polygon", "coordinates": []}),
        _f("颠倒", {"type": "Polygon", "coordinates": [[[30.7, 120.7], [30.8, 120.7],
                                                       [30.8, 120.8], [30.7, 120.7]]]}),
        _f("自交", {"type": "Polygon", "coordinates": [bow_tie]}),
        _f("点", {"type": "Point", "coordinates": [1, 2]}),
        "not a feature"))
    assert [f.name for f in load.features] == ["好网格", "自交"]
    text = "\n".join(load.problems)
    assert "无坐标: no coordinates" in text and "空坐标: no coordinates" in text
    assert "颠倒: latitude and longitude seem swapped" in text
    assert "自交: its outline crosses itself" in text
    assert "点: no usable outline" in text and "Feature 7 is not an object" in text
    assert load.features[0].properties["extra"] == {"x": 1}  # extra keys are kept, not fatal


@pytest.mark.parametrize("text, why", [
    ("{not json", "not valid JSON"), ("[1, 2]", "not a GeoJSON FeatureCollection"),
    (b"\xff\xfe\x00", "not valid JSON")])
def test_an_unreadable_file_loads_nothing_and_says_why(text, why):
    load = read_geojson(text)
    assert load.features == [] and why in load.problems[0]


def test_a_missing_file_says_so(tmp_path):
    load = read_geojson(tmp_path / "gone.geojson")
    assert load.features == [] and "cannot be read" in load.problems[0]


def test_crossing_outlines():
    assert crosses_itself([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])
    assert not crosses_itself([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)])
    assert not crosses_itself([(0, 0), (10, 0), (5, 5), (10, 10), (0, 10)])  # concave, fine
    # A long real-looking ring: a circle of 5,000 points, and the same with two swapped.
    import math
    circle = [(math.cos(t / 5000 * 2 * math.pi), math.sin(t / 5000 * 2 * math.pi))
              for t in range(5000)]
    assert not crosses_itself(circle)
    circle[100], circle[2600] = circle[2600], circle[100]
    assert crosses_itself(circle)


def test_freshness_with_time():
    now = datetime(2026, 11, 29, 12, tzinfo=UTC)
    t = FreshnessThresholds(60, 300, 1800)
    ages = {0: "fresh", 60: "fresh", 61: "ageing", 300: "ageing", 301: "stale", 1800: "stale",
            1801: "lost", 86400: "lost", -30: "fresh"}
    for seconds, expected in ages.items():
        assert freshness(now - timedelta(seconds=seconds), now, t) == expected, seconds
    assert freshness(None, now, t) == "none"
    with pytest.raises(ValueError):
        FreshnessThresholds(300, 60, 1800)
