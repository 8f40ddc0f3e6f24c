"""Grids from real-world GeoJSON (the shared district files) and from the shipped county."""

import json
from pathlib import Path

import pytest

from backend_client.schemas import Grid
from backend_client.server import geo

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data" / "geo"


def rings(grid):
    return [r for poly in geo.polygons(grid) for r in poly]


@pytest.mark.parametrize("name,count", [("jiaxing-districts.geojson", 7),
                                        ("shaoxing-districts.geojson", 6)])
def test_shared_district_files_load(name, count):
    grids = geo.load_grids(SHARED / name)
    assert len(grids) == count
    raw = json.loads((SHARED / name).read_text(encoding="utf-8"))
    for grid, feature in zip(grids, raw["features"], strict=True):
        assert grid.id == str(feature["id"])
        assert grid.properties.name == feature["properties"]["name"]
        assert grid.properties.station  # assigned by the server
        assert grid.properties.version == 1
        Grid.model_validate(grid.model_dump(mode="json"))
        for ring in rings(grid):
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(a != b for a, b in zip(ring, ring[1:], strict=False))
    assert "cp" not in json.dumps(grids[0].model_dump(mode="json"))


def test_jiaxing_multipolygon_survives():
    grids = {g.properties.name: g for g in geo.load_grids(SHARED / "jiaxing-districts.geojson")}
    pinghu = grids["平湖市"]
    assert pinghu.geometry.type == "MultiPolygon"
    assert len(pinghu.geometry.coordinates) > 1


def test_quirks(tmp_path):
    doc = {"type": "FeatureCollection", "crs": {"x": 1}, "features": [
        {"type": "Feature", "properties": {"NAME": "甲"}, "id": 7, "geometry": {
            "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1]],
                                               [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4]]]}},
        {"type": "Feature", "properties": {"id": "X"}, "geometry": None},
        {"type": "Feature", "properties": {"名称": "乙", "station": "某派出所"},
         "geometry": {"type": "Point", "coordinates": [0, 0]}},
        {"type": "Feature", "properties": {}, "geometry": {
            "type": "Polygon", "coordinates": [[[2, 2], [3, 2], [3, 3], [2, 2]]]}},
    ]}
    path = tmp_path / "q.geojson"
    path.write_text(json.dumps(doc))
    grids = geo.load_grids(path)
    assert [g.id for g in grids] == ["7", "3"]
    first = grids[0]
    assert first.properties.name == "甲"
    assert first.geometry.coordinates[0] == [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert len(first.geometry.coordinates) == 2  # the hole is kept and closed
    shape = geo.GridShape.of(first)
    assert shape.contains(0.8, 0.8) and not shape.contains(0.3, 0.3)
    assert grids[1].properties.name == "3"


def test_shipped_county():
    grids = geo.load_grids(geo.default_grids_file())
    assert 120 <= len(grids) <= 140
    assert len({g.id for g in grids}) == len(grids)
    for g in grids:
        Grid.model_validate(g.model_dump(mode="json"))
        assert g.properties.name.endswith("网格") and g.properties.station
        lon, lat = geo.centroid(geo.polygons(g))
        assert 30.5 < lat < 31.0 and 120.5 < lon < 121.0
    assert len({g.properties.station for g in grids}) >= 6


def test_random_point_lies_in_its_grid():
    import random
    rng = random.Random(3)
    shapes = [geo.GridShape.of(g) for g in geo.load_grids(geo.default_grids_file())]
    for shape in shapes[:30]:
        lon, lat = shape.random_point(rng)
        assert geo.grid_at(shapes, lon, lat) == shape.id


def test_county_generator_is_deterministic():
    from backend_client.server.make_county import build
    shipped = json.loads(geo.default_grids_file().read_text(encoding="utf-8"))
    assert build() == shipped
