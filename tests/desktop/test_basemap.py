"""The grid map's basemap: tile math, MBTiles files and a real loopback tile server, drawn in a
real pyqtgraph ViewBox (no mocks: placement is checked in view coordinates and in pixels)."""

from __future__ import annotations

import gc
import hashlib
import http.server
import re
import threading
import time
from pathlib import Path

import pyqtgraph as pg
import pytest
import shiboken6
from PySide6.QtCore import QPointF, QRectF, QTimer
from PySide6.QtGui import QColor, QImage

from desktop.basemap import BasemapLayer
from desktop.basemap_sources import MbtilesSource, XyzSource
from tests.desktop.basemap_support import (
    BAND,
    LAT,
    LON,
    PROJ,
    close_to,
    make_mbtiles,
    ref_rect,
    ref_tile,
    tile_colour,
    tile_png,
)
from widgets.geo_projection import LocalProjection

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
        self.answered = 0
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
                with owner.lock:
                    owner.answered += 1

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


def test_a_layer_deleted_with_fetches_in_flight_takes_nothing_down(qtbot, view, servers):
    """A map pane closed while a slow server still sends its tiles: the workers finish after
    the layer (a C++ object) is gone. They must not emit on anything that died with it (this
    once crashed the test run), and the next layer's tiles still arrive."""
    _win, vb = view
    set_view(vb, 6000)
    slow = servers(delay_s=0.5)
    layer = BasemapLayer(vb, PROJ, XyzSource(slow.template, max_zoom=12), None)
    layer.refresh()
    qtbot.waitUntil(lambda: slow.count() >= 2, timeout=5000)
    shiboken6.delete(layer)  # as a closed pane deletes its children: no close() first
    del layer
    gc.collect()
    qtbot.waitUntil(lambda: slow.answered >= 2, timeout=10_000)
    qtbot.wait(300)  # the workers hand over (or drop) what they fetched

    fast = servers()
    again = BasemapLayer(vb, PROJ, XyzSource(fast.template, max_zoom=12), None)
    try:
        qtbot.waitUntil(lambda: set(again.shown_tiles) == expected_tiles(vb, 12),
                        timeout=10_000)
        assert_placed(again)
    finally:
        again.close()


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
