"""The basemap's tile math, MBTiles and XYZ sources, settings and disk cache (no view)."""

from __future__ import annotations

import math
import os
import sqlite3

import pytest

from desktop.basemap_sources import (
    BasemapError,
    MbtilesSource,
    TileCache,
    XyzSource,
    lonlat_to_tile,
    source_from_setting,
    tile_for,
    tile_to_lonlat,
    tiles_covering,
    tms_row,
    zoom_for_resolution,
)
from tests.desktop.basemap_support import (
    LAT,
    LON,
    PROJ,
    make_mbtiles,
    ref_nw,
    ref_tile,
    tile_png,
)

# --- tile math ----------------------------------------------------------------------------


def test_zoom_zero_is_one_tile():
    for lon, lat in [(0, 0), (-179.9, 85), (179.9, -85), (LON, LAT)]:
        assert tile_for(lon, lat, 0) == (0, 0)
    assert tile_to_lonlat(0, 0, 0) == pytest.approx((-180.0, 85.0511287798))
    assert tile_to_lonlat(1, 1, 0) == pytest.approx((180.0, -85.0511287798))


@pytest.mark.parametrize("z", [1, 5, 10, 12, 15, 18])
@pytest.mark.parametrize("lon, lat", [(LON, LAT), (-0.1276, 51.5072), (151.2, -33.87),
                                      (-74.006, 40.7128)])
def test_tile_of_a_point_matches_the_slippy_map_formula(lon, lat, z):
    assert tile_for(lon, lat, z) == ref_tile(lon, lat, z)


def test_known_tiles():
    # Hand-checked: lon 120.75 → (300.75 / 360) · 1024 = 855.47; lat 30.75 → row 420.004.
    assert tile_for(LON, LAT, 10) == (855, 420)
    assert lonlat_to_tile(LON, LAT, 10) == pytest.approx((855.46667, 420.00423), abs=1e-4)
    assert tile_for(LON, LAT, 1) == (1, 0)  # north-east quadrant of the world
    assert tile_for(-10, -10, 1) == (0, 1)


def test_tile_corners_round_trip():
    for z, x, y in [(3, 6, 3), (10, 855, 420), (16, 54749, 26880)]:
        lon, lat = tile_to_lonlat(x, y, z)
        assert (lat, lon) == pytest.approx(ref_nw(x, y, z))
        # A point just inside the NW corner lies in that tile.
        fx, fy = lonlat_to_tile(lon + 1e-9, lat - 1e-9, z)
        assert (math.floor(fx), math.floor(fy)) == (x, y)


def test_tms_row_flip():
    assert tms_row(0, 0) == 0
    assert tms_row(0, 1) == 1 and tms_row(1, 1) == 0
    assert tms_row(420, 10) == 603
    assert all(tms_row(tms_row(y, 7), 7) == y for y in range(128))


def test_tiles_covering_a_box():
    tiles = tiles_covering(120.70, 30.70, 120.80, 30.80, 12)
    x0, y0 = ref_tile(120.70, 30.80, 12)
    x1, y1 = ref_tile(120.80, 30.70, 12)
    assert tiles == [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]
    assert len(tiles) >= 4


def test_zoom_for_resolution():
    per_deg = PROJ.to_xy(LAT, LON + 1)[0] - PROJ.to_xy(LAT, LON)[0]
    native_12 = 360 / 2**12 * per_deg / 256  # metres per pixel of a zoom-12 tile
    assert zoom_for_resolution(native_12, per_deg) == 12
    assert zoom_for_resolution(native_12 * 2, per_deg) == 11
    assert zoom_for_resolution(native_12 / 4, per_deg) == 14
    assert zoom_for_resolution(native_12 * 1.3, per_deg) == 12  # nearest in log scale
    assert zoom_for_resolution(native_12 / 1000, per_deg, max_zoom=16) == 16
    assert zoom_for_resolution(native_12 * 1000, per_deg, min_zoom=8) == 8
    assert zoom_for_resolution(0.0, per_deg, min_zoom=3) == 3


# --- sources and settings ----------------------------------------------------------------


def test_mbtiles_rows_are_tms_and_metadata_is_read(tmp_path):
    north, south = tile_png(0, 0), tile_png(0, 1, "JPEG")
    path = make_mbtiles(tmp_path / "world.mbtiles", {(1, 0, 0): north, (1, 0, 1): south},
                        meta={"name": "World", "format": "png", "minzoom": "0",
                              "maxzoom": "1", "attribution": "© Hall GIS"})
    before = path.read_bytes()
    src = MbtilesSource(path)
    try:
        assert src.fetch(1, 0, 0) == north  # stored at tile_row 1
        assert src.fetch(1, 0, 1) == south
        assert src.fetch(1, 1, 0) is None
        assert (src.attribution, src.min_zoom, src.max_zoom) == ("© Hall GIS", 0, 1)
    finally:
        src.close()
    assert path.read_bytes() == before  # opened read-only


def test_mbtiles_zoom_range_from_tiles_when_metadata_lacks_it(tmp_path):
    path = make_mbtiles(tmp_path / "a.mbtiles", {(5, 1, 1): b"x", (9, 2, 2): b"y"})
    src = MbtilesSource(path)
    assert (src.min_zoom, src.max_zoom, src.attribution) == (5, 9, "")
    src.close()


def test_corrupt_mbtiles_is_a_clear_error(tmp_path, caplog):
    path = tmp_path / "broken.mbtiles"
    path.write_bytes(os.urandom(8192))
    with pytest.raises(BasemapError, match=r"broken\.mbtiles is not a readable MBTiles file"):
        MbtilesSource(path)
    assert "broken.mbtiles" in caplog.text

    other = tmp_path / "not-tiles.mbtiles"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE foo (a)")
    db.commit()
    db.close()
    with pytest.raises(BasemapError, match="not a readable MBTiles file"):
        MbtilesSource(other)


def test_missing_mbtiles_is_a_clear_error(tmp_path, caplog):
    path = tmp_path / "nowhere.mbtiles"
    with pytest.raises(BasemapError, match="does not exist"):
        MbtilesSource(path)
    assert not path.exists()  # read-only: never created
    assert "nowhere.mbtiles" in caplog.text


def test_vector_mbtiles_are_refused(tmp_path):
    path = make_mbtiles(tmp_path / "v.mbtiles", {(0, 0, 0): b"\x1f\x8b"},
                        meta={"format": "pbf"})
    with pytest.raises(BasemapError, match="vector tiles"):
        MbtilesSource(path)


def test_source_from_setting(tmp_path):
    assert source_from_setting("") is None
    assert source_from_setting("   ") is None

    xyz = source_from_setting(" http://tiles.hall.local/osm/{z}/{x}/{y}.png ")
    assert isinstance(xyz, XyzSource)
    assert xyz.url(12, 3425, 1680) == "http://tiles.hall.local/osm/12/3425/1680.png"
    xyz.close()
    q = source_from_setting("https://gis.local/t?layer=a&z={z}&x={x}&y={y}")
    assert isinstance(q, XyzSource) and q.url(1, 2, 3).endswith("?layer=a&z=1&x=2&y=3")
    q.close()

    path = make_mbtiles(tmp_path / "hall.mbtiles", {(3, 1, 1): b"x"})
    assert isinstance(source_from_setting(str(path)), MbtilesSource)
    plain = make_mbtiles(tmp_path / "hall-map.db", {(3, 1, 1): b"x"})  # any existing file
    assert isinstance(source_from_setting(str(plain)), MbtilesSource)

    with pytest.raises(ValueError, match=r"lacks \{x\}, \{y\}"):
        source_from_setting("http://tiles.hall.local/osm/{z}.png")
    with pytest.raises(ValueError, match="does not exist"):
        source_from_setting(str(tmp_path / "gone.mbtiles"))
    with pytest.raises(ValueError, match="neither a tile address"):
        source_from_setting("the tile server")
    with pytest.raises(ValueError, match="neither a tile address"):
        source_from_setting("ftp://tiles/{z}/{x}/{y}.png")


def test_cache_is_trimmed_oldest_first(tmp_path):
    cache = TileCache(tmp_path, "http://t/{z}/{x}/{y}.png", max_bytes=10_000,
                      check_interval_s=0)
    for i in range(20):
        cache.put(5, 1, i, b"x" * 1000)
        os.utime(cache.path(5, 1, i), (1_000_000 + i, 1_000_000 + i))
    cache.maybe_trim()
    left = sorted(int(p.stem) for p in (cache.folder / "5" / "1").glob("*.png"))
    assert 0 < len(left) <= 10
    assert left == list(range(20 - len(left), 20))  # the newest survive
    assert not list(tmp_path.rglob("*.tmp"))
