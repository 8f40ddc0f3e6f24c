"""``UnitsItem``: every unit on the grid map in one graphics item, drawn from numpy arrays.

Each unit is a sprite — its look (status × freshness × the shape of its kind, the *style*)
and its heading sector (pointing in one of eight directions, or without a point when it has
no heading) — copied out of one atlas pixmap rendered once. A batch is ``set_data`` with four
arrays; a paint maps the points to device pixels with numpy and draws every sprite in one
``QPainter.drawPixmapFragments`` call, through pyqtgraph's numpy-backed fragment array (no
Python object per point). Sprites are not scaled by the zoom (pyqtgraph's pxMode).

(Before: one ScatterPlotItem per style with per-point symbols — ~28 items whose fixed costs,
setData, boundingRect and paint, made most of an update; see tests/benchmarks/bench_map.py.)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTransform

from widgets.colors import SECONDARY_TEXT, UNIT_STATUS_COLORS
from widgets.grid_map.marks import FRESHNESS
from widgets.grid_map.points_item import PointsItem

SYMBOL_PX = 13  # a unit's sprite, in logical pixels
HEADING_SECTORS = 8
DOT = HEADING_SECTORS  # the sector of a unit without a heading: drawn without a point
# A unit's kind as the officer tells it at a glance: cars (patrol, traffic, special) a dart,
# motorcycles a slim dart, officers on foot a disc with a nose, ambulances and fire engines
# a block with a nose. A kind the map does not know is drawn as a car.
SHAPES = ("car", "motorcycle", "foot", "rescue")
KIND_SHAPES = {"patrol_car": "car", "traffic": "car", "special": "car", "car": "car",
               "motorcycle": "motorcycle", "foot": "foot", "ambulance": "rescue",
               "fire": "rescue"}
# Draw order: lost below stale below ageing below fresh (unknown words with the lost).
_RANK = {"fresh": 3, "ageing": 2, "stale": 1, "lost": 0}
_CELL_PX = SYMBOL_PX + 5  # an atlas cell: the sprite, its rim and a pixel to spare


def shape_of(kind: str) -> str:
    return KIND_SHAPES.get(kind, "car")


def _outline(shape: str) -> list[tuple[float, float]] | None:
    """The pointed outline of a shape in a unit box, pointing north (device y down); None
    for the disc of a unit on foot, which gets its nose added."""
    if shape == "motorcycle":
        return [(0, -0.62), (0.22, 0.44), (0, 0.24), (-0.22, 0.44)]
    if shape == "rescue":
        return [(0, -0.62), (0.3, -0.28), (0.3, 0.42), (-0.3, 0.42), (-0.3, -0.28)]
    if shape == "foot":
        return None
    # Longer than wide, with a deep notch: at 13 px a diagonal dart must not read as
    # pointing backwards (the wings used to reach as far as the tip).
    return [(0, -0.62), (0.34, 0.44), (0, 0.16), (-0.34, 0.44)]


def unit_path(sector: int, shape: str = "car") -> QPainterPath:
    """A unit symbol in a unit box (scaled to SYMBOL_PX when drawn), pointing to sector × 45°
    clockwise from north; for DOT (no heading) the shape without its point: a disc for cars
    and motorcycles (smaller), a disc for a unit on foot, a square for rescue."""
    path = QPainterPath()
    if sector == DOT:
        if shape == "rescue":
            path.addRect(QRectF(-0.36, -0.36, 0.72, 0.72))
        else:
            r = {"motorcycle": 0.34, "foot": 0.36}.get(shape, 0.5)
            path.addEllipse(QRectF(-r, -r, 2 * r, 2 * r))
        return path
    points = _outline(shape)
    if points is None:  # on foot: a disc with a short nose towards the heading
        path.addEllipse(QRectF(-0.34, -0.24, 0.68, 0.68))
        nose = QPainterPath()
        nose.moveTo(0, -0.62)
        nose.lineTo(0.24, -0.12)
        nose.lineTo(-0.24, -0.12)
        nose.closeSubpath()
        path = path.united(nose)
    else:
        path.moveTo(*points[0])
        for x, y in points[1:]:
            path.lineTo(x, y)
        path.closeSubpath()
    return QTransform().rotate(sector * 360 / HEADING_SECTORS).map(path)


def unit_look(status: str, fresh: str) -> tuple[QPen, QBrush | None]:
    """Rim and fill of a unit by status and freshness: fresh filled in the status colour
    with a light rim, ageing a little faded, stale greyed with a dashed rim, lost hollow
    with a dotted rim. The pen is cosmetic: the symbol is drawn scaled to its size."""
    swatch = UNIT_STATUS_COLORS.get(status)
    colour = QColor(swatch.background if swatch else SECONDARY_TEXT)
    pen = QPen(QColor("#e6edf3"), 1.0)  # a light rim: readable on any grid fill
    brush: QBrush | None = QBrush(colour)
    if fresh == "ageing":
        colour.setAlpha(190)
        brush = QBrush(colour)
    elif fresh == "stale":  # greyed and dashed: the position is old
        grey = QColor(SECONDARY_TEXT)
        grey.setAlpha(150)
        brush = QBrush(grey)
        pen = QPen(colour, 1.6, Qt.PenStyle.DashLine)
    elif fresh == "lost":  # hollow, kept at the last known place
        brush = None
        pen = QPen(colour, 2.0, Qt.PenStyle.DotLine)
    pen.setCosmetic(True)
    return pen, brush


class StyleIndex(dict[tuple[str, str, str], int]):
    """(status, freshness, shape) → style number; an unseen one gets the next number on
    lookup (and a row in the atlas at the next paint)."""

    def __missing__(self, key: tuple[str, str, str]) -> int:
        index = len(self)
        self[key] = index
        return index


class UnitsItem(PointsItem):
    PAD_X_PX = PAD_Y_PX = _CELL_PX / 2

    """All units as sprites from one atlas; ``set_data`` replaces the whole set."""

    def __init__(self) -> None:
        super().__init__()
        self.styles = StyleIndex()
        for status in UNIT_STATUS_COLORS:
            for fresh in FRESHNESS:
                for shape in SHAPES:
                    self.styles[(status, fresh, shape)]  # noqa: B018 - the known styles
        self._atlas: QPixmap | None = None
        self._atlas_styles = 0
        self._atlas_dpr = 0.0
        self._atlas_rows: set[int] = set()  # the styles drawn into the atlas so far
        self._style_rank = np.empty(0, dtype=np.intp)
        # Sorted into draw order; x, y in view units (metres).
        self.data = np.empty(0, dtype=[("x", float), ("y", float), ("style", np.intp),
                                       ("sector", np.intp)])
        self._order = np.empty(0, dtype=np.intp)  # data[i] is the input's unit _order[i]
        self._template = np.empty((0, 10))  # the fragments' source rects, scale and opacity
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)

    # --- data -------------------------------------------------------------------------------------

    def set_data(self, x: np.ndarray, y: np.ndarray, style: np.ndarray,
                 sector: np.ndarray) -> None:
        """Units at (x, y) in view units, each with a style (``styles``' numbers) and a
        heading sector (0..7 clockwise from north, DOT for none)."""
        n = len(x)
        style = np.asarray(style, dtype=np.intp)
        if len(self.styles) != len(self._style_rank):
            self._style_rank = np.array([_RANK.get(key[1], 0) for key in self.styles],
                                        dtype=np.intp)
        order = np.argsort(self._style_rank[style], kind="stable")
        data = np.empty(n, dtype=self.data.dtype)
        data["x"] = np.asarray(x, dtype=float)[order]
        data["y"] = np.asarray(y, dtype=float)[order]
        data["style"] = style[order]
        data["sector"] = np.asarray(sector, dtype=np.intp)[order]
        self.data = data
        self._order = order
        self._template = np.empty((0, 10))  # rebuilt at the next paint
        self.set_extent(data["x"], data["y"])
        self.update()

    def counts(self) -> dict[tuple[str, str], int]:
        """Units shown per (status, freshness), every known pair (0 when none)."""
        tally = np.bincount(self.data["style"], minlength=len(self.styles))
        out: dict[tuple[str, str], int] = {}
        for (status, fresh, _shape), i in self.styles.items():
            out[status, fresh] = out.get((status, fresh), 0) + int(tally[i])
        return out

    def shapes(self) -> list[str]:
        """Each unit's shape, in the order given to ``set_data``."""
        keys = list(self.styles)
        out = [""] * len(self._order)
        for i, style in zip(self._order.tolist(), self.data["style"].tolist(), strict=True):
            out[i] = keys[style][2]
        return out

    def style_of(self, status: str, fresh: str) -> tuple[QPen, QBrush | None]:
        """The rim and fill the sprites of this status and freshness are drawn with."""
        return unit_look(status, fresh)

    def sectors(self) -> np.ndarray:
        """Each unit's heading sector, in the order given to ``set_data``."""
        out = np.empty(len(self._order), dtype=np.intp)
        out[self._order] = self.data["sector"]
        return out

    # --- geometry ---------------------------------------------------------------------------------

    def dataBounds(self, ax: int, frac: float = 1.0,  # noqa: N802 - pyqtgraph's name
                   orthoRange: Any = None) -> tuple[float | None, float | None]:  # noqa: N803
        if self._extent is None:
            return None, None
        return (self._extent[0], self._extent[1]) if ax == 0 else (self._extent[2],
                                                                   self._extent[3])

    def pixelPadding(self) -> float:  # noqa: N802 - pyqtgraph's name
        return _CELL_PX / 2

    # --- painting ---------------------------------------------------------------------------------

    def _ensure_atlas(self, dpr: float, rows: Iterable[int]) -> None:
        """One row per style, one column per sector (DOT last), each cell a sprite centred,
        rendered at the device pixel ratio. Rows are drawn when a style is first shown:
        all ~100 known styles at once cost a first map paint 60–160 ms of UI time, and a
        hall shows a dozen of them."""
        cell = math.ceil(_CELL_PX * dpr)
        if self._atlas is None or self._atlas_styles != len(self.styles) \
                or self._atlas_dpr != dpr:
            self._atlas = QPixmap(cell * (HEADING_SECTORS + 1), cell * len(self.styles))
            self._atlas.fill(Qt.GlobalColor.transparent)
            self._atlas_styles = len(self.styles)
            self._atlas_dpr = dpr
            self._atlas_rows = set()
            self._template = np.empty((0, 10))
        missing = set(rows) - self._atlas_rows
        if not missing:
            return
        keys = list(self.styles)
        painter = QPainter(self._atlas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for row in sorted(missing):
            status, fresh, shape = keys[row]
            pen, brush = unit_look(status, fresh)
            pen.setWidthF(pen.widthF() * dpr)
            painter.setPen(pen)
            painter.setBrush(brush if brush is not None else QBrush(Qt.BrushStyle.NoBrush))
            for sector in range(HEADING_SECTORS + 1):
                painter.resetTransform()
                painter.translate((sector + 0.5) * cell, (row + 0.5) * cell)
                painter.scale(SYMBOL_PX * dpr, SYMBOL_PX * dpr)
                painter.drawPath(unit_path(sector, shape if shape in SHAPES else "car"))
        painter.end()
        self._atlas_rows |= missing

    def paint(self, painter: QPainter, option: Any, widget: Any = None) -> None:
        n = len(self.data)
        if not n:
            return
        dpr = widget.devicePixelRatioF() if widget is not None else 1.0
        self._ensure_atlas(dpr, np.unique(self.data["style"]).tolist())
        assert self._atlas is not None
        if len(self._template) != n:
            cell = math.ceil(_CELL_PX * dpr)
            template = np.empty((n, 10))
            template[:, 2] = self.data["sector"] * cell  # source left, top, width, height
            template[:, 3] = self.data["style"] * cell
            template[:, 4:6] = cell
            template[:, 6:10] = (1 / dpr, 1 / dpr, 0.0, 1.0)  # scale x, y, rotation, opacity
            self._template = template
        # View units to device pixels (the item's scene-to-viewport transform), then the
        # sprites are drawn unscaled around those points.
        t = painter.transform()
        x, y = self.data["x"], self.data["y"]
        dx = t.m11() * x + t.m21() * y + t.dx()
        dy = t.m12() * x + t.m22() * y + t.dy()
        painter.resetTransform()
        margin = _CELL_PX
        if widget is not None:
            w, h = widget.width(), widget.height()
        else:
            rect = painter.viewport()
            w, h = rect.width(), rect.height()
        inside = (dx > -margin) & (dx < w + margin) & (dy > -margin) & (dy < h + margin)
        shown = int(np.count_nonzero(inside))
        if not shown:
            return
        self._fragments.resize(shown)
        frags = self._fragments.ndarray()
        if shown == n:
            frags[:] = self._template
            frags[:, 0] = np.rint(dx)
            frags[:, 1] = np.rint(dy)
        else:
            frags[:] = self._template[inside]
            frags[:, 0] = np.rint(dx[inside])
            frags[:, 1] = np.rint(dy[inside])
        painter.drawPixmapFragments(*self._fragments.drawargs(), self._atlas)
