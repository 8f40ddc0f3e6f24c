"""The basemap's tiles: slippy-map tile arithmetic, the two sources (an intranet XYZ server over
HTTP, a local MBTiles file) and the disk cache of fetched tiles. No Qt widgets, no UI thread:
these run on the basemap layer's worker threads (``desktop.basemap``).
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

import httpx
from PySide6.QtCore import QRectF

from widgets.geo_projection import LocalProjection
from widgets.i18n import tr

log = logging.getLogger(__name__)

TileKey = tuple[int, int, int]  # (z, x, y), y counted from the north (XYZ / slippy map)

TILE_SIZE: Final = 256
# Web Mercator is cut off here so that the world is a square; tiles do not go further.
MAX_MERCATOR_LAT: Final = 85.05112877980659
HTTP_TIMEOUT_S: Final = 5.0
CACHE_MAX_BYTES: Final = 200 * 1024 * 1024
CACHE_CHECK_INTERVAL_S: Final = 60.0
WORKERS: Final = 4  # the basemap layer's fetch threads (and this many kept connections)
_USER_AGENT: Final = "ccw-workstation/0.1 basemap"


class BasemapError(ValueError):
    """A basemap setting or file that cannot be used; ``str()`` is a sentence for the officer."""


class TileFetchError(Exception):
    """One tile could not be fetched (network error, server error, unreadable file)."""


# --- tile math ---------------------------------------------------------------------------------


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[float, float]:
    """Fractional slippy-map tile coordinates (x east, y south) of a point at zoom ``z``.

    Latitudes beyond Web Mercator's ±85.0511° are clamped to its edge."""
    n = 2.0**z
    lat = max(-MAX_MERCATOR_LAT, min(MAX_MERCATOR_LAT, lat))
    lat_rad = math.radians(lat)
    x = (lon + 180.0) / 360.0 * n
    y = (1.0 - math.asinh(math.tan(lat_rad)) / math.pi) / 2.0 * n
    return x, y


def tile_to_lonlat(x: float, y: float, z: int) -> tuple[float, float]:
    """(lon, lat) of the north-west corner of tile ``x``, ``y`` (fractional values give points
    inside it; ``x + 1, y + 1`` is the south-east corner)."""
    n = 2.0**z
    lon = x / n * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / n))))
    return lon, lat


def tile_for(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The tile (x, y) holding a point at zoom ``z``, clamped to the world's tiles."""
    fx, fy = lonlat_to_tile(lon, lat, z)
    last = 2**z - 1
    return max(0, min(last, math.floor(fx))), max(0, min(last, math.floor(fy)))


def tms_row(y: int, z: int) -> int:
    """The MBTiles (TMS) row of slippy-map row ``y``: TMS counts rows from the south. The flip
    is its own inverse."""
    return 2**z - 1 - y


def tiles_covering(west: float, south: float, east: float, north: float,
                   z: int) -> list[tuple[int, int]]:
    """The tiles (x, y) at zoom ``z`` that a lon/lat box touches, row by row from the north."""
    x0, y0 = tile_for(west, north, z)
    x1, y1 = tile_for(east, south, z)
    return [(x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def zoom_for_resolution(metres_per_pixel: float, metres_per_degree_lon: float,
                        min_zoom: int = 0, max_zoom: int = 19) -> int:
    """The zoom level whose tile pixels are closest (in log scale) to ``metres_per_pixel`` of
    the screen, where a degree of longitude is ``metres_per_degree_lon`` long on the map.

    A zoom-z tile spans 360 / 2^z degrees of longitude over 256 pixels."""
    if not (metres_per_pixel > 0 and metres_per_degree_lon > 0):
        return min_zoom
    exact = math.log2(360.0 * metres_per_degree_lon / (TILE_SIZE * metres_per_pixel))
    if not math.isfinite(exact):
        return min_zoom
    return max(min_zoom, min(max_zoom, round(exact)))


def tile_rect(key: TileKey, projection: LocalProjection) -> QRectF:
    """The rectangle of a tile in local metres (y north), from its projected NW and SE corners."""
    z, x, y = key
    west, north = tile_to_lonlat(x, y, z)
    east, south = tile_to_lonlat(x + 1, y + 1, z)
    x_w, y_n = projection.to_xy(north, west)
    x_e, y_s = projection.to_xy(south, east)
    return QRectF(x_w, y_s, x_e - x_w, y_n - y_s)


# --- sources -----------------------------------------------------------------------------------


class XyzSource:
    """Tiles from an HTTP(S) server by a URL template such as
    ``http://tiles.hall.local/osm/{z}/{x}/{y}.png``.

    ``fetch`` may be called from several threads at once (httpx's ``Client`` is thread-safe).
    A 404 (or 204, or an empty body) means "no tile here" and is not an error: tile servers
    answer so outside the area they were built for."""

    def __init__(self, template: str, attribution: str = "", max_zoom: int = 19,
                 min_zoom: int = 0) -> None:
        template = template.strip()
        parts = urlsplit(template)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise BasemapError(tr("The basemap address {address} is not an http:// or "
                                  "https:// address.").format(address=repr(template)))
        missing = [p for p in ("{z}", "{x}", "{y}") if p not in template]
        if missing:
            raise BasemapError(tr(
                "The basemap address {address} lacks {missing}; a tile address needs {{z}}, "
                "{{x}} and {{y}}, as in http://tiles.example/{{z}}/{{x}}/{{y}}.png.").format(
                    address=repr(template), missing=", ".join(missing)))
        if not 0 <= min_zoom <= max_zoom <= 30:
            raise BasemapError(tr("The basemap zoom levels {low}–{high} are not usable.")
                               .format(low=min_zoom, high=max_zoom))
        self.template = template
        self.attribution = attribution
        self.min_zoom = min_zoom
        self.max_zoom = max_zoom
        self._host = parts.hostname or parts.netloc
        self._client = httpx.Client(
            timeout=httpx.Timeout(HTTP_TIMEOUT_S),
            follow_redirects=True,
            headers={"User-Agent": _USER_AGENT},
            # One connection per worker is enough; more would only queue at the server.
            limits=httpx.Limits(max_connections=WORKERS * 2, max_keepalive_connections=WORKERS),
        )

    @property
    def location(self) -> str:
        return self._host

    @property
    def cache_key(self) -> str | None:
        return self.template

    def url(self, z: int, x: int, y: int) -> str:
        # str.replace, not str.format: templates may hold other braces (query strings, {s}).
        return (self.template.replace("{z}", str(z)).replace("{x}", str(x))
                .replace("{y}", str(y)))

    def fetch(self, z: int, x: int, y: int) -> bytes | None:
        url = self.url(z, x, y)
        try:
            response = self._client.get(url)
        except (httpx.HTTPError, OSError, RuntimeError) as exc:
            # RuntimeError: the client was closed under an in-flight fetch (source swapped).
            raise TileFetchError(f"GET {url}: {type(exc).__name__}: {exc}") from exc
        if response.status_code in (404, 204):
            return None
        if response.status_code != 200:
            raise TileFetchError(f"GET {url}: HTTP {response.status_code}")
        return response.content or None

    def close(self) -> None:
        self._client.close()

    def __repr__(self) -> str:
        return f"XyzSource({self.template!r})"


class MbtilesSource:
    """Tiles from a local MBTiles file (SQLite; ``tiles(zoom_level, tile_column, tile_row,
    tile_data)`` with TMS rows; ``metadata(name, value)``), opened read-only.

    A missing, unreadable or non-MBTiles file raises ``BasemapError`` with a sentence for the
    officer. Reads are serialised on one connection: they are small and quick, and SQLite
    connections must not be used by two threads at once."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        name = self.path.name
        if not self.path.is_file():
            log.warning("basemap: MBTiles file %s does not exist", self.path)
            raise BasemapError(tr("The map tile file {file} does not exist.").format(
                file=self.path))
        self._lock = threading.Lock()
        try:
            # mode=ro: the workstation must never change (or create) a hall's map file.
            uri = self.path.resolve().as_uri() + "?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            log.warning("basemap: cannot open MBTiles file %s: %s", self.path, exc)
            raise BasemapError(tr("The map tile file {file} cannot be opened ({why}).").format(
                file=name, why=exc)) from exc
        try:
            meta = dict(self._db.execute("SELECT name, value FROM metadata").fetchall())
            self._db.execute(
                "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles LIMIT 1"
            ).fetchall()
            fmt = str(meta.get("format", "")).lower()
            if fmt in ("pbf", "mvt"):
                raise BasemapError(tr(
                    "The map tile file {file} holds vector tiles; only image tiles (PNG or "
                    "JPEG) can be shown.").format(file=name))
            min_zoom, max_zoom = _int_or_none(meta.get("minzoom")), _int_or_none(
                meta.get("maxzoom"))
            if min_zoom is None or max_zoom is None:
                lo, hi = self._db.execute(
                    "SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
                if lo is None:
                    raise BasemapError(tr("The map tile file {file} holds no tiles.").format(
                        file=name))
                min_zoom = int(lo) if min_zoom is None else min_zoom
                max_zoom = int(hi) if max_zoom is None else max_zoom
        except BasemapError as exc:
            log.warning("basemap: unusable MBTiles file %s: %s", self.path, exc)
            self._db.close()
            raise
        except (sqlite3.Error, ValueError, TypeError) as exc:
            log.warning("basemap: unusable MBTiles file %s: %s", self.path, exc)
            self._db.close()
            raise BasemapError(tr(
                "The map tile file {file} is not a readable MBTiles file ({why}).").format(
                    file=name, why=exc)) from exc
        self.attribution = str(meta.get("attribution") or "")
        self.min_zoom = max(0, min_zoom)
        self.max_zoom = max(self.min_zoom, max_zoom)
        self.name = str(meta.get("name") or name)

    @property
    def location(self) -> str:
        return self.path.name

    @property
    def cache_key(self) -> str | None:
        return None

    def fetch(self, z: int, x: int, y: int) -> bytes | None:
        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? "
                    "AND tile_row=?", (z, x, tms_row(y, z))).fetchone()
        except sqlite3.Error as exc:  # also "closed database" after a swap
            raise TileFetchError(f"{self.path.name} z{z}/{x}/{y}: {exc}") from exc
        if row is None or not row[0]:
            return None
        return bytes(row[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __repr__(self) -> str:
        return f"MbtilesSource({str(self.path)!r})"


def _int_or_none(value: object) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def source_from_setting(text: str) -> XyzSource | MbtilesSource | None:
    """The basemap source a setting names: "" → none (a plain vector map); a path ending in
    ``.mbtiles``, or any existing file → ``MbtilesSource``; an http(s) URL with ``{z}``, ``{x}``
    and ``{y}`` → ``XyzSource``. Anything else raises ``ValueError`` (``BasemapError``) with a
    sentence for the officer."""
    text = (text or "").strip()
    if not text:
        return None
    lowered = text.lower()
    if lowered.startswith(("http://", "https://")):
        return XyzSource(text)
    path = Path(text).expanduser()
    if lowered.endswith(".mbtiles") or path.is_file():
        return MbtilesSource(path)
    raise BasemapError(tr(
        "The basemap setting {setting} is neither a tile address such as "
        "http://tiles.example/{{z}}/{{x}}/{{y}}.png nor an .mbtiles file.").format(
            setting=repr(text)))


# --- disk cache --------------------------------------------------------------------------------


class TileCache:
    """Tiles of one XYZ template on disk: ``root / sha1(template)[:12] / z / x / y.png``.

    Used from worker threads. Writes are atomic (a temporary file, then ``os.replace``), so a
    crash leaves no half tile behind. The whole ``root`` (every template) is kept loosely under
    ``max_bytes``: at most every ``check_interval_s`` the oldest files (by modification time;
    reads refresh it) are deleted until it is under 80 % of the limit."""

    _trim_lock = threading.Lock()
    _last_check: dict[Path, float] = {}

    def __init__(self, root: Path, template: str, max_bytes: int = CACHE_MAX_BYTES,
                 check_interval_s: float = CACHE_CHECK_INTERVAL_S) -> None:
        self.root = Path(root)
        self.folder = self.root / hashlib.sha1(template.encode("utf-8")).hexdigest()[:12]
        self.max_bytes = max_bytes
        self.check_interval_s = check_interval_s

    def path(self, z: int, x: int, y: int) -> Path:
        return self.folder / str(z) / str(x) / f"{y}.png"

    def get(self, z: int, x: int, y: int) -> bytes | None:
        path = self.path(z, x, y)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            os.utime(path)  # least recently used goes first when the cache is trimmed
        except OSError:
            pass
        return data or None

    def discard(self, z: int, x: int, y: int) -> None:
        try:
            self.path(z, x, y).unlink()
        except OSError:
            pass

    def put(self, z: int, x: int, y: int, data: bytes) -> None:
        target = self.path(z, x, y)
        tmp: str | None = None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{y}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
            tmp = None
        except OSError as exc:
            # A full or read-only disk costs the cache, not the map.
            log.debug("basemap: cannot cache tile %s: %s", target, exc)
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
        self.maybe_trim()

    def maybe_trim(self) -> None:
        now = time.monotonic()
        with self._trim_lock:
            last = self._last_check.get(self.root)
            if last is not None and now - last < self.check_interval_s:
                return
            self._last_check[self.root] = now
            self._trim()

    def _trim(self) -> None:
        files: list[tuple[float, int, str]] = []
        total = 0
        for dirpath, _dirs, names in os.walk(self.root):
            for name in names:
                full = os.path.join(dirpath, name)
                try:
                    st = os.stat(full)
                except OSError:
                    continue
                files.append((st.st_mtime, st.st_size, full))
                total += st.st_size
        if total <= self.max_bytes:
            return
        goal = self.max_bytes * 0.8
        files.sort()
        removed = 0
        for _mtime, size, full in files:
            if total <= goal:
                break
            try:
                os.unlink(full)
            except OSError:
                continue
            total -= size
            removed += 1
        log.info("basemap: tile cache %s trimmed by %d files", self.root, removed)


# --- the layer ---------------------------------------------------------------------------------

