"""The grid map's optional basemap: raster tiles from an intranet XYZ server or a local MBTiles
file, laid under the vector map in a pyqtgraph ``ViewBox`` whose coordinates are local metres
(``widgets.geo_projection.LocalProjection``).

Without a source the map is a clean vector map; a basemap is a nicety, so nothing here may
block the UI thread or take the view down. Tiles are fetched and decoded by a small thread pool
(HTTP over httpx, SQLite reads, disk-cache reads and writes) and their bytes put in the layer's
inbox, a plain thread-safe queue that a UI-thread timer empties while fetches are under way,
decoding a few milliseconds' worth of tiles per turn; only the UI thread makes images, pixmaps
and graphics items. Workers make no Qt call at all: a worker emitting a Qt signal while the UI
thread deleted its layer crashed a test run, and a worker decoding a PNG deadlocked a stress
run (Qt's image reader takes a Qt lock while the worker holds Python's; the UI thread,
deleting a layer, held that Qt lock and waited for Python's).

A tile server that keeps failing is reported once through ``BasemapLayer.problem`` and the map
goes on without tiles.

Tiles are standard Web-Mercator "slippy map" tiles (256 px, y counted from the north; MBTiles
store rows TMS-style, counted from the south). Each tile is drawn as a rectangle between its
projected north-west and south-east corners: at the scales of a command hall (a few to a few
tens of kilometres) the difference between Mercator and the local equirectangular projection
inside one tile is far below a pixel.

It lives in ``desktop`` and not in ``widgets``: it does network I/O (httpx), which the widgets
layer must not.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Final

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsPixmapItem

from desktop.basemap_sources import (
    WORKERS,
    MbtilesSource,
    TileCache,
    TileFetchError,
    TileKey,
    XyzSource,
    lonlat_to_tile,
    tile_rect,
    tiles_covering,
    zoom_for_resolution,
)
from widgets.geo_projection import LocalProjection
from widgets.i18n import tr

log = logging.getLogger(__name__)

MAX_TILES_PER_VIEW: Final = 64
TILE_Z_VALUE: Final = -100.0  # under every layer of the map
FAILURES_BEFORE_PROBLEM: Final = 5
_DEBOUNCE_MS: Final = 150
# After a failed fetch the visible tiles are asked for again this much later, so that a tile
# server that comes back fills the map without the officer having to pan it.
_RETRY_MS: Final = 15_000
_PIXMAP_CACHE_SIZE: Final = 256


# How often the UI thread looks in the inbox while fetches are under way: a tile arrives at
# most this late, and an idle layer does not wake at all.
_INBOX_MS: Final = 30
# Decoding per look (a 256 px PNG takes about a millisecond): the rest waits for the next one,
# so a screen of 64 tiles never stalls the UI.
_DECODE_BUDGET_S: Final = 0.008

# What a worker hands over: the tile, its bytes (None: the source has none) and an error text.
_Delivery = tuple[TileKey, bytes | None, str | None]
# How image files start: bytes without one of these are refused before any decoding.
_IMAGE_MAGIC: Final = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF8")


class BasemapLayer(QObject):
    """Raster tiles under everything else in ``view_box``, following its range.

    Call from the UI thread. Tiles are fetched ``MAX_TILES_PER_VIEW`` at most per view, four at
    a time, on worker threads; results come back through the layer's inbox. The layer owns its
    source: ``set_source`` and ``close`` close the previous one."""

    problem = Signal(str)

    def __init__(self, view_box: pg.ViewBox, projection: LocalProjection,
                 source: XyzSource | MbtilesSource | None, cache_dir: Path | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view_box = view_box
        self._projection = projection
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._source: XyzSource | MbtilesSource | None = None
        self._cache: TileCache | None = None
        self._executor: ThreadPoolExecutor | None = None
        # One inbox and one stop flag per executor: when the source changes or the layer
        # closes, the old workers' deliveries go to an inbox nobody reads any more.
        self._inbox: queue.SimpleQueue[_Delivery] = queue.SimpleQueue()
        self._stopped = threading.Event()
        self._closed = False
        # Decoded tiles (None: the source has no such tile), most recently used last.
        self._pixmaps: OrderedDict[TileKey, QPixmap | None] = OrderedDict()
        self._items: dict[TileKey, QGraphicsPixmapItem] = {}
        self._pending: dict[TileKey, Future[None]] = {}
        self._wanted: set[TileKey] = set()
        self._zoom: int | None = None
        self._failures = 0
        self._problem_reported = False

        self._inbox_timer = QTimer(self)
        self._inbox_timer.setInterval(_INBOX_MS)
        self._inbox_timer.timeout.connect(self._empty_inbox)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(_RETRY_MS)
        self._retry.timeout.connect(self.refresh)
        view_box.sigRangeChanged.connect(self._schedule)
        view_box.sigResized.connect(self._schedule)
        self.set_source(source)

    # public API

    @property
    def source(self) -> XyzSource | MbtilesSource | None:
        return self._source

    @property
    def attribution(self) -> str:
        """The source's attribution text ("" without a source or when it needs none)."""
        return self._source.attribution if self._source is not None else ""

    @property
    def zoom(self) -> int | None:
        """The zoom level of the tiles last asked for (None before the first refresh)."""
        return self._zoom

    @property
    def loading(self) -> bool:
        """True while fetches of this layer's current source are queued or running."""
        return bool(self._pending)

    @property
    def shown_tiles(self) -> dict[TileKey, QGraphicsPixmapItem]:
        """The tile items now in the view box, by (z, x, y) (a copy)."""
        return dict(self._items)

    def set_projection(self, projection: LocalProjection) -> None:
        """Use another projection (the map was re-centred): every tile is placed anew."""
        self._projection = projection
        for key, item in self._items.items():
            self._place(item, key)
        self._schedule()

    def set_source(self, source: XyzSource | MbtilesSource | None) -> None:
        """Show tiles of ``source`` instead (None: no basemap). The previous source is closed
        and its fetches still queued are cancelled."""
        if self._closed and source is not None:
            source.close()  # a closed layer shows nothing, but must not leak the source
            source = None
        self._stop_fetching()
        self._clear_items()
        self._pixmaps.clear()
        old, self._source = self._source, source
        if old is not None and old is not source:
            old.close()
        self._failures = 0
        self._problem_reported = False
        self._cache = None
        if source is None or self._closed:
            return
        key = source.cache_key
        if key is not None and self._cache_dir is not None:
            self._cache = TileCache(self._cache_dir, key)
        self._executor = ThreadPoolExecutor(max_workers=WORKERS,
                                            thread_name_prefix="basemap-tiles")
        self._schedule()

    def close(self) -> None:
        """Stop fetching (queued fetches are cancelled, running ones are ignored), remove every
        tile from the view and close the source. Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._debounce.stop()
        self._retry.stop()
        try:
            self._view_box.sigRangeChanged.disconnect(self._schedule)
            self._view_box.sigResized.disconnect(self._schedule)
        except (RuntimeError, TypeError):
            pass
        self.set_source(None)

    def refresh(self) -> None:
        """Work out the tiles of the current view now, show those at hand and ask the workers
        for the others. Cheap: no I/O on this thread. (Range changes call it, debounced.)"""
        if self._closed or self._source is None or self._executor is None:
            return
        view = self._view_box.viewRect()
        size = self._view_box.boundingRect()
        if view.width() <= 0 or view.height() <= 0 or size.width() < 1 or size.height() < 1:
            return  # not laid out yet; a resize will bring us back
        mpp = max(view.width() / size.width(), view.height() / size.height())
        lat_c, lon_c = self._projection.to_latlon(view.center().x(), view.center().y())
        per_deg = abs(self._projection.to_xy(lat_c, lon_c + 0.5)[0]
                      - self._projection.to_xy(lat_c, lon_c - 0.5)[0])
        source = self._source
        z = zoom_for_resolution(mpp, per_deg, source.min_zoom, source.max_zoom)
        corners = [self._projection.to_latlon(p.x(), p.y())
                   for p in (view.topLeft(), view.topRight(), view.bottomLeft(),
                             view.bottomRight())]
        lats = [c[0] for c in corners]
        lons = [c[1] for c in corners]
        west, east, south, north = min(lons), max(lons), min(lats), max(lats)
        tiles = tiles_covering(west, south, east, north, z)
        # Too many tiles (a big screen, or a view wider than the source's lowest zoom was made
        # for): coarser tiles while there are coarser ones, then the ones nearest the middle.
        while len(tiles) > MAX_TILES_PER_VIEW and z > source.min_zoom:
            z -= 1
            tiles = tiles_covering(west, south, east, north, z)
        if len(tiles) > MAX_TILES_PER_VIEW:
            cx, cy = lonlat_to_tile(lon_c, lat_c, z)
            tiles.sort(key=lambda t: (t[0] + 0.5 - cx) ** 2 + (t[1] + 0.5 - cy) ** 2)
            tiles = tiles[:MAX_TILES_PER_VIEW]
        self._zoom = z
        wanted = {(z, x, y) for x, y in tiles}
        self._wanted = wanted

        # Fetches for tiles no longer in view are dropped if they have not started yet, so that
        # a quick pan over a slow server does not leave a queue of stale tiles to wait for.
        for key in [k for k in self._pending if k not in wanted]:
            if self._pending[key].cancel():
                del self._pending[key]

        # Nearest to the middle first: that is where the officer looks.
        cx, cy = lonlat_to_tile(lon_c, lat_c, z)
        for key in sorted(wanted, key=lambda k: (k[1] + 0.5 - cx) ** 2 + (k[2] + 0.5 - cy) ** 2):
            if key in self._items:
                self._items[key].setVisible(True)
                continue
            if key in self._pixmaps:
                self._pixmaps.move_to_end(key)
                self._show(key, self._pixmaps[key])
            elif key not in self._pending:
                self._submit(key)
        self._drop_stale_items()

    # internals

    def _schedule(self, *_args: object) -> None:
        if not self._closed:
            self._debounce.start()

    def _submit(self, key: TileKey) -> None:
        assert self._executor is not None and self._source is not None
        try:
            future = self._executor.submit(_load_tile, self._source, self._cache, key,
                                           self._inbox, self._stopped)
        except RuntimeError:  # executor shut down (closing): nothing to fetch any more
            return
        self._pending[key] = future
        if not self._inbox_timer.isActive():
            self._inbox_timer.start()

    def _empty_inbox(self) -> None:
        end = time.perf_counter() + _DECODE_BUDGET_S
        while time.perf_counter() < end:
            try:
                delivery = self._inbox.get_nowait()
            except queue.Empty:
                break
            self._on_done(delivery)
            if self._closed:
                return
        if not self._pending and self._inbox.empty():
            self._inbox_timer.stop()

    def _on_done(self, delivery: _Delivery) -> None:
        key, data, error = delivery
        self._pending.pop(key, None)
        image = _decode(data) if data is not None and error is None else None
        if data is not None and error is None and image is None:
            error = f"tile {key} from {self._location()} is not an image"
            self._forget_cached(key)
        if error is not None:
            self._on_failure(key, error)
            return
        if self._failures or self._problem_reported:
            log.info("basemap: tiles from %s load again", self._location())
        self._failures = 0
        self._problem_reported = False
        pixmap = QPixmap.fromImage(image) if image is not None else None
        self._pixmaps[key] = pixmap
        self._pixmaps.move_to_end(key)
        while len(self._pixmaps) > _PIXMAP_CACHE_SIZE:
            old, _ = self._pixmaps.popitem(last=False)
            if old not in self._wanted:
                self._remove_item(old)
        if key in self._wanted:
            self._show(key, pixmap)
            self._drop_stale_items()

    def _on_failure(self, key: TileKey, error: str) -> None:
        self._failures += 1
        # One warning per run of failures, not one per tile: a dead server would otherwise
        # write 64 lines per pan.
        if self._failures == 1:
            log.warning("basemap: tile %s could not be loaded: %s", key, error)
        else:
            log.debug("basemap: tile %s could not be loaded: %s", key, error)
        if self._failures >= FAILURES_BEFORE_PROBLEM and not self._problem_reported:
            self._problem_reported = True
            message = tr("The map tiles cannot be loaded from {where}; the map is shown "
                         "without them.").format(where=self._location())
            log.warning("basemap: %s (%d failures in a row; last: %s)", message,
                        self._failures, error)
            self.problem.emit(message)
        if not self._retry.isActive():
            self._retry.start()

    def _forget_cached(self, key: TileKey) -> None:
        # A broken file in the disk cache would come back at every pan: gone, on a worker.
        cache, executor = self._cache, self._executor
        if cache is not None and executor is not None:
            try:
                executor.submit(cache.discard, *key)
            except RuntimeError:
                pass  # shutting down

    def _location(self) -> str:
        return self._source.location if self._source is not None else tr("the tile source")

    def _show(self, key: TileKey, pixmap: QPixmap | None) -> None:
        if pixmap is None or pixmap.isNull():
            return  # the source has no tile here: leave the vector map bare
        item = self._items.get(key)
        if item is None:
            item = QGraphicsPixmapItem(pixmap)
            item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            # ignoreBounds: tiles must never widen the view's auto-range.
            self._view_box.addItem(item, ignoreBounds=True)
            self._items[key] = item
        else:
            item.setPixmap(pixmap)
        self._place(item, key)
        item.setVisible(True)

    def _place(self, item: QGraphicsPixmapItem, key: TileKey) -> None:
        rect = tile_rect(key, self._projection)
        pixmap = item.pixmap()
        w, h = max(1, pixmap.width()), max(1, pixmap.height())
        item.setPos(rect.left(), rect.bottom())  # the NW corner: bottom() is the largest y
        # Negative y scale: pixmap row 0 is the tile's northern edge and y grows north here.
        item.setTransform(QTransform.fromScale(rect.width() / w, -rect.height() / h))
        # After addItem, which lifts items below the view box's own z to just above it; this
        # z is among the view box's children, where the vector layers are.
        z, _x, _y = key
        # Tiles of the current zoom above the coarser/finer ones still on screen as a backdrop.
        current = z if self._zoom is None else self._zoom
        item.setZValue(TILE_Z_VALUE - (0 if z == current else 1 + abs(z - current)))

    def _drop_stale_items(self) -> None:
        """Remove tiles that are not wanted. Tiles of another zoom stay as a backdrop under the
        current ones while those are still loading (no blank flash when zooming), but only
        where they are in view."""
        loading = any(k in self._pending for k in self._wanted)
        view = self._view_box.viewRect()
        for key in list(self._items):
            if key in self._wanted:
                continue
            if loading and key[0] != self._zoom:
                item = self._items[key]
                self._place(item, key)  # z value relative to the new zoom
                if tile_rect(key, self._projection).intersects(view):
                    continue
            self._remove_item(key)

    def _remove_item(self, key: TileKey) -> None:
        item = self._items.pop(key, None)
        if item is None:
            return
        try:
            self._view_box.removeItem(item)
            scene = item.scene()
            if scene is not None:
                scene.removeItem(item)
        except RuntimeError:  # the view box is already gone
            pass

    def _clear_items(self) -> None:
        for key in list(self._items):
            self._remove_item(key)
        self._wanted = set()

    def _stop_fetching(self) -> None:
        self._retry.stop()
        self._inbox_timer.stop()
        self._pending.clear()
        self._stopped.set()
        self._stopped = threading.Event()
        self._inbox = queue.SimpleQueue()
        if self._executor is not None:
            # Never wait: a fetch may hang for the whole HTTP timeout. What it brings goes to
            # the old inbox, which nobody reads.
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None


def _load_tile(source: XyzSource | MbtilesSource, cache: TileCache | None, key: TileKey,
               inbox: queue.SimpleQueue[_Delivery], stopped: threading.Event) -> None:
    """Worker thread: the tile's bytes (disk cache first, then the source) put in ``inbox``.
    No Qt call here (see the module's note); does nothing once ``stopped`` is set."""
    if stopped.is_set():
        return
    z, x, y = key
    data: bytes | None = None
    error: str | None = None
    try:
        data = cache.get(z, x, y) if cache is not None else None
        if data is not None and not _looks_like_image(data):
            cache.discard(z, x, y)  # type: ignore[union-attr]  # a broken file: fetch anew
            data = None
        if data is None:
            data = source.fetch(z, x, y)
            if data is not None:
                if not _looks_like_image(data):
                    raise TileFetchError(f"tile {key} from {source.location} is not an image")
                if cache is not None:
                    cache.put(z, x, y, data)
    except TileFetchError as exc:
        error = str(exc)
    except Exception as exc:  # a worker must report, never die silently
        error = f"{type(exc).__name__}: {exc}"
    if not stopped.is_set():
        inbox.put((key, data, error))


def _looks_like_image(data: bytes) -> bool:
    return data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _decode(data: bytes) -> QImage | None:
    """UI thread: the tile's image, or None if the bytes are no image after all."""
    image = QImage.fromData(data)
    return None if image.isNull() else image
