"""The grid map's basemap: tile math, MBTiles files and a real loopback tile server, drawn in a
real pyqtgraph ViewBox (no mocks: placement is checked in view coordinates and in pixels)."""

from __future__ import annotations

import hashlib
import http.server
import math
import os
import re
import sqlite3
import threading
import time
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QTimer
from PySide6.QtGui import QColor, QImage, QPainter

from widgets.basemap import (
    BasemapError,
    BasemapLayer,
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
from widgets.geo_projection import LocalProjection

LAT, LON = 30.75, 120.75
PROJ = LocalProjection(LAT, LON)
BAND = QColor(255, 255, 0)  # the northern quarter of every test tile


# --- reference slippy-map formulas (written independently of the module) -------------------


def ref_tile(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The OSM wiki's formula."""
    n = 2**z
    lat_r = math.radians(lat)
    x = int((lon + 180.0) / 360.0 * n)
    y = int((1.0 - math.log(math.tan(lat_r) + 1.0 / math.cos(lat_r)) / math.pi) / 2.0 * n)
    return x, y


def ref_nw(x: int, y: int, z: int) -> tuple[float, float]:
    """(lat, lon) of a tile's north-west corner (inverse Gudermannian written as 2·atan(e^t))."""
    n = 2**z
    lon = x / n * 360.0 - 180.0
    lat = math.degrees(2.0 * math.atan(math.exp(math.pi * (1.0 - 2.0 * y / n))) - math.pi / 2)
    return lat, lon


def ref_rect(z: int, x: int, y: int, proj: LocalProjection = PROJ) -> tuple[float, ...]:
    """(west, south, east, north) of a tile in local metres."""
    x_w, y_n = proj.to_xy(*ref_nw(x, y, z))
    x_e, y_s = proj.to_xy(*ref_nw(x + 1, y + 1, z))
    return x_w, y_s, x_e, y_n


def tile_colour(x: int, y: int) -> QColor:
    return QColor(30 + (x % 7) * 30, 30 + (y % 7) * 30, 160)


def tile_png(x: int, y: int, fmt: str = "PNG") -> bytes:
    """A 256×256 tile of its own colour with a yellow northern quarter."""
    img = QImage(256, 256, QImage.Format.Format_RGB32)
    img.fill(tile_colour(x, y))
    p = QPainter(img)
    p.fillRect(0, 0, 256, 64, BAND)
    p.end()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert img.save(buf, fmt)
    buf.close()
    return bytes(data.data())


def close_to(a: QColor, b: QColor, tol: int = 12) -> bool:
    return (abs(a.red() - b.red()) <= tol and abs(a.green() - b.green()) <= tol
            and abs(a.blue() - b.blue()) <= tol)


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


def make_mbtiles(path: Path, tiles: dict[tuple[int, int, int], bytes], *,
                 meta: dict[str, str] | None = None) -> Path:
    """An MBTiles file; ``tiles`` keyed by slippy-map (z, x, y), stored with TMS rows."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
               "tile_row INTEGER, tile_data BLOB)")
    db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", list((meta or {}).items()))
    db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)",
                   [(z, x, 2**z - 1 - y, data) for (z, x, y), data in tiles.items()])
    db.commit()
    db.close()
    return path


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


# --- the layer in a real view --------------------------------------------------------------


@pytest.fixture
def view(qtbot):
    win = pg.GraphicsLayoutWidget()
    win.ci.setContentsMargins(0, 0, 0, 0)
    vb = win.addViewBox(lockAspect=True, enableMenu=False)
    win.resize(640, 480)
    win.show()
    qtbot.waitExposed(win)
    yield win, vb
    win.close()


def set_view(vb: pg.ViewBox, half_width_m: float) -> None:
    vb.setRange(xRange=(-half_width_m, half_width_m),
                yRange=(-half_width_m * 0.75, half_width_m * 0.75), padding=0)


def set_native_view(vb: pg.ViewBox, z: int) -> None:
    """A view 640 screen pixels wide at zoom z's own resolution (so the layer picks z)."""
    per_deg = PROJ.to_xy(LAT, LON + 1)[0] - PROJ.to_xy(LAT, LON)[0]
    set_view(vb, 320 * 360 / 2**z * per_deg / 256)


def expected_tiles(vb: pg.ViewBox, z: int, proj: LocalProjection = PROJ) -> set:
    r = vb.viewRect()
    lat_n, lon_w = proj.to_latlon(r.left(), r.bottom())
    lat_s, lon_e = proj.to_latlon(r.right(), r.top())
    x0, y0 = ref_tile(lon_w, lat_n, z)
    x1, y1 = ref_tile(lon_e, lat_s, z)
    return {(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)}


def item_rect(item) -> QRectF:
    return item.mapRectToParent(item.boundingRect())


def assert_placed(layer: BasemapLayer, proj: LocalProjection = PROJ) -> None:
    for (z, x, y), item in layer.shown_tiles.items():
        r = item_rect(item)
        west, south, east, north = ref_rect(z, x, y, proj)
        assert r.left() == pytest.approx(west, abs=0.01)
        assert r.right() == pytest.approx(east, abs=0.01)
        assert r.top() == pytest.approx(south, abs=0.01)
        assert r.bottom() == pytest.approx(north, abs=0.01)
        assert item.zValue() == -100


def pixel_at(win, vb, img: QImage, x_m: float, y_m: float) -> QColor | None:
    p = win.mapFromScene(vb.mapViewToScene(QPointF(x_m, y_m)))
    dpr = img.devicePixelRatio()
    px, py = round(p.x() * dpr), round(p.y() * dpr)
    if not (3 <= px < img.width() - 3 and 3 <= py < img.height() - 3):
        return None
    return img.pixelColor(px, py)


def assert_drawn_north_up(win, vb, layer: BasemapLayer) -> int:
    """Pixels: each tile's colour inside it, its yellow band at its northern edge. Returns how
    many tiles were checked."""
    img = win.grab().toImage()
    checked = 0
    for (z, x, y) in layer.shown_tiles:
        west, south, east, north = ref_rect(z, x, y)
        mid_x, height = (west + east) / 2, north - south
        near_north = pixel_at(win, vb, img, mid_x, north - 0.1 * height)
        near_south = pixel_at(win, vb, img, mid_x, south + 0.2 * height)
        if near_north is not None:
            assert close_to(near_north, BAND), (x, y, near_north.name())
            checked += 1
        if near_south is not None:
            assert close_to(near_south, tile_colour(x, y)), (x, y, near_south.name())
            checked += 1
    return checked


@pytest.fixture
def area_mbtiles(tmp_path) -> Path:
    """Zoom-12 tiles around (LAT, LON), enough for a 20 km view, and only zoom 12."""
    cx, cy = ref_tile(LON, LAT, 12)
    tiles = {(12, x, y): tile_png(x, y) for x in range(cx - 3, cx + 4)
             for y in range(cy - 3, cy + 4)}
    return make_mbtiles(tmp_path / "area.mbtiles", tiles,
                        meta={"name": "Area", "format": "png", "minzoom": "12",
                              "maxzoom": "12", "attribution": "© Hall GIS, OpenStreetMap"})


def test_mbtiles_layer_places_tiles_at_their_projected_corners(qtbot, view, area_mbtiles):
    win, vb = view
    set_view(vb, 6000)
    layer = BasemapLayer(vb, PROJ, MbtilesSource(area_mbtiles), cache_dir=None)
    try:
        assert layer.attribution == "© Hall GIS, OpenStreetMap"
        want = expected_tiles(vb, 12)
        assert len(want) >= 4
        qtbot.waitUntil(lambda: set(layer.shown_tiles) == want, timeout=5000)
        assert layer.zoom == 12
        assert_placed(layer)
        for item in layer.shown_tiles.values():
            assert item.scene() is vb.scene() and item.isVisible()
            assert item not in vb.addedItems  # tiles never widen auto-range
        assert assert_drawn_north_up(win, vb, layer) >= 4

        # Pan east by two tiles: the new tiles come, the far ones go.
        r = vb.viewRect()
        shift = 2 * (ref_rect(12, 0, 0)[2] - ref_rect(12, 0, 0)[0])
        vb.setRange(xRange=(r.left() + shift, r.right() + shift),
                    yRange=(r.top(), r.bottom()), padding=0)
        want = expected_tiles(vb, 12)
        qtbot.waitUntil(lambda: set(layer.shown_tiles) == want, timeout=5000)
        assert_placed(layer)

        # A new centre: every tile moves to where the new projection puts it.
        moved = LocalProjection(LAT + 0.02, LON - 0.03)
        layer.set_projection(moved)
        assert layer.shown_tiles
        assert_placed(layer, moved)

        items = list(layer.shown_tiles.values())
        layer.set_source(None)
        assert layer.shown_tiles == {} and layer.attribution == ""
        assert all(item.scene() is None for item in items)
    finally:
        layer.close()
        layer.close()  # idempotent


def test_layer_picks_the_zoom_of_the_view(qtbot, view, tmp_path):
    _win, vb = view
    cx, cy = ref_tile(LON, LAT, 10)
    tiles = {(z, x, y): tile_png(x, y) for z in (10, 11, 12, 13)
             for x in range(cx * 2 ** (z - 10) - 2, (cx + 1) * 2 ** (z - 10) + 2)
             for y in range(cy * 2 ** (z - 10) - 2, (cy + 1) * 2 ** (z - 10) + 2)}
    path = make_mbtiles(tmp_path / "z.mbtiles", tiles, meta={"minzoom": "10", "maxzoom": "13"})
    layer = BasemapLayer(vb, PROJ, MbtilesSource(path), cache_dir=None)
    try:
        for z in (13, 11, 12):
            set_native_view(vb, z)
            want = expected_tiles(vb, z)
            qtbot.waitUntil(lambda want=want: set(layer.shown_tiles) == want, timeout=5000)
            assert layer.zoom == z
            assert_placed(layer)
        # Far beyond the file's deepest zoom: its tiles, stretched.
        set_view(vb, 100)
        qtbot.waitUntil(lambda: layer.zoom == 13 and bool(layer.shown_tiles), timeout=5000)
        assert set(layer.shown_tiles) == expected_tiles(vb, 13)
    finally:
        layer.close()


# --- a real tile server on loopback -------------------------------------------------------


class TileServer:
    """Serves ``/{z}/{x}/{y}.png`` of ``tile_png``; 404 for tiles in ``missing``; optionally
    slow or failing with 500. Counts requests by path."""

    def __init__(self, delay_s: float = 0.0, missing: set | None = None) -> None:
        self.delay_s = delay_s
        self.missing = missing or set()
        self.fail = False
        self.requests: list[str] = []
        self.lock = threading.Lock()
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                try:
                    self._answer()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the layer was closed with this fetch in flight

            def _answer(self):
                with owner.lock:
                    owner.requests.append(self.path)
                m = re.fullmatch(r"/(\d+)/(\d+)/(\d+)\.png", self.path)
                if owner.delay_s:
                    time.sleep(owner.delay_s)
                if owner.fail:
                    self.send_error(500)
                    return
                if m is None or tuple(map(int, m.groups())) in owner.missing:
                    self.send_error(404)
                    return
                _z, x, y = map(int, m.groups())
                body = tile_png(x, y)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.template = f"http://127.0.0.1:{self.port}/{{z}}/{{x}}/{{y}}.png"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.stopped = False

    def count(self) -> int:
        with self.lock:
            return len(self.requests)

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            self.server.shutdown()
            self.server.server_close()


@pytest.fixture
def servers():
    started: list[TileServer] = []

    def start(**kwargs) -> TileServer:
        s = TileServer(**kwargs)
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()


def test_xyz_tiles_appear_are_cached_and_served_from_the_cache(qtbot, view, servers,
                                                                tmp_path):
    win, vb = view
    set_view(vb, 6000)
    want = expected_tiles(vb, 12)
    assert len(want) >= 4
    gap = sorted(want)[0]
    server = servers(missing={gap})
    cache = tmp_path / "cache"
    layer = BasemapLayer(vb, PROJ, XyzSource(server.template, max_zoom=12), cache)
    problems: list[str] = []
    layer.problem.connect(problems.append)
    try:
        qtbot.waitUntil(lambda: set(layer.shown_tiles) == want - {gap} and not layer.loading,
                        timeout=10_000)
        assert_placed(layer)
        assert assert_drawn_north_up(win, vb, layer) >= 2
        # Where the server had no tile the map stays bare (the view box's black).
        west, south, east, north = ref_rect(*gap)
        bare = [c for c in (pixel_at(win, vb, win.grab().toImage(), x_m, y_m)
                            for x_m in (west * 0.3 + east * 0.7, west * 0.7 + east * 0.3)
                            for y_m in (south * 0.3 + north * 0.7, south * 0.7 + north * 0.3))
                if c is not None]
        assert bare and all(c.lightness() < 20 for c in bare), [c.name() for c in bare]
        folder = cache / hashlib.sha1(server.template.encode()).hexdigest()[:12]
        for z, x, y in want - {gap}:
            assert (folder / str(z) / str(x) / f"{y}.png").read_bytes() == tile_png(x, y)
        assert not (folder / str(gap[0]) / str(gap[1]) / f"{gap[2]}.png").exists()
        assert not list(cache.rglob("*.tmp"))
        assert problems == []  # a 404 is no tile, not a failure
        first = server.count()
        assert first == len(want)
    finally:
        layer.close()

    # A second layer on the same cache: only the tile the server lacks is asked for again.
    layer2 = BasemapLayer(vb, PROJ, XyzSource(server.template, max_zoom=12), cache)
    try:
        qtbot.waitUntil(lambda: set(layer2.shown_tiles) == want - {gap} and not layer2.loading,
                        timeout=10_000)
        assert_placed(layer2)
        z, x, y = gap
        assert server.requests[first:] == [f"/{z}/{x}/{y}.png"]
    finally:
        layer2.close()


def test_stopped_server_is_reported_once(qtbot, view, servers, tmp_path, caplog):
    _win, vb = view
    set_native_view(vb, 12)
    assert len(expected_tiles(vb, 12)) >= 5
    server = servers()
    server.stop()  # nothing listens on its port any more
    layer = BasemapLayer(vb, PROJ, XyzSource(server.template, max_zoom=12), tmp_path / "c")
    problems: list[str] = []
    layer.problem.connect(problems.append)
    try:
        with qtbot.waitSignal(layer.problem, timeout=10_000) as blocker:
            pass
        assert blocker.args == [
            "The map tiles cannot be loaded from 127.0.0.1; the map is shown without them."]
        qtbot.waitUntil(lambda: not layer.loading, timeout=10_000)
        layer.refresh()  # more failures: no second report
        qtbot.waitUntil(lambda: not layer.loading, timeout=10_000)
        qtbot.wait(100)
        assert problems == [blocker.args[0]]
        assert layer.shown_tiles == {}
        assert not list((tmp_path / "c").rglob("*.png"))  # failures are not cached
        assert "could not be loaded" in caplog.text
    finally:
        layer.close()


def test_problem_is_reported_again_after_a_recovery(qtbot, view, servers):
    _win, vb = view
    set_native_view(vb, 12)
    server = servers()
    server.fail = True
    layer = BasemapLayer(vb, PROJ, XyzSource(server.template, max_zoom=12), None)
    problems: list[str] = []
    layer.problem.connect(problems.append)
    try:
        qtbot.waitUntil(lambda: len(problems) == 1 and not layer.loading, timeout=10_000)
        server.fail = False
        layer.refresh()
        want = expected_tiles(vb, 12)
        qtbot.waitUntil(lambda: set(layer.shown_tiles) == want, timeout=10_000)
        assert len(problems) == 1
        server.fail = True
        # Tiles not fetched yet: a view further east.
        r = vb.viewRect()
        vb.setRange(xRange=(r.left() + 40_000, r.right() + 40_000),
                    yRange=(r.top(), r.bottom()), padding=0)
        qtbot.waitUntil(lambda: len(problems) == 2, timeout=10_000)
    finally:
        layer.close()


def test_a_slow_server_never_blocks_the_ui_thread(qtbot, view, servers):
    _win, vb = view
    set_view(vb, 6000)
    want = expected_tiles(vb, 12)
    server = servers(delay_s=1.0)
    layer = BasemapLayer(vb, PROJ, XyzSource(server.template, max_zoom=12), None)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    try:
        t0 = time.perf_counter()
        layer.refresh()
        elapsed = time.perf_counter() - t0
        assert elapsed < 0.2, elapsed
        assert layer.loading

        timer.start()
        qtbot.waitUntil(lambda: set(layer.shown_tiles) == want, timeout=15_000)
        timer.stop()
        # The event loop kept turning while the server slept: no gap near a second.
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        assert len(ticks) > 20 and max(gaps) < 0.5, max(gaps)
        assert_placed(layer)

        # Closing with fetches in flight returns at once.
        r = vb.viewRect()
        vb.setRange(xRange=(r.left() + 40_000, r.right() + 40_000),
                    yRange=(r.top(), r.bottom()), padding=0)
        layer.refresh()
        assert layer.loading
        t0 = time.perf_counter()
        layer.close()
        assert time.perf_counter() - t0 < 0.2
        assert layer.shown_tiles == {}
    finally:
        layer.close()


def test_at_most_64_tiles_per_view_nearest_the_middle_first(qtbot, view, servers):
    _win, vb = view
    set_view(vb, 10_000)  # ≈ 20 × 15 tiles of zoom 15, a zoom the source insists on
    server = servers()
    layer = BasemapLayer(vb, PROJ, XyzSource(server.template, min_zoom=15, max_zoom=15), None)
    try:
        qtbot.waitUntil(lambda: len(layer.shown_tiles) == 64 and not layer.loading,
                        timeout=15_000)
        assert server.count() == 64
        assert layer.zoom == 15
        assert_placed(layer)
        # The kept tiles are the ones around the view's middle: the middle's own tile is
        # among them, the view's corner tiles are not.
        cx, cy = ref_tile(LON, LAT, 15)
        assert (15, cx, cy) in layer.shown_tiles
        everything = expected_tiles(vb, 15)
        assert len(everything) > 200
        assert min(everything) not in layer.shown_tiles
        assert max(everything) not in layer.shown_tiles
    finally:
        layer.close()
