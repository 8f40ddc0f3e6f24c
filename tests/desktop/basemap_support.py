"""Shared by the basemap tests: independent slippy-map formulas, test tiles and MBTiles files."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter

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
