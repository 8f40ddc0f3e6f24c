"""What the map draws over the hall's state on request: a selected unit's breadcrumbs, the
measuring tape, and a large event's perimeter and zones with the units inside each.

Each is a small layer on the ``GridMapView``'s ViewBox, in the view's metres.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from widgets.geo_projection import LocalProjection, bounds_of
from widgets.geo_shapes import GeoFeature, polygons_contain
from widgets.grid_map.paths import polygons_path
from widgets.grid_map.view import GridMapView
from widgets.mini_map import format_distance

TRAIL_COLOUR = "#e6edf3"
TAPE_COLOUR = "#ffd166"
ZONE_COLOUR = "#ff9f1c"


class Trail:
    """The last positions of the selected unit: a dashed line through small dots, oldest
    faintest, ending at the unit."""

    def __init__(self, view: GridMapView) -> None:
        self.view = view
        pen = pg.mkPen(TRAIL_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)
        self.line = pg.PlotCurveItem(pen=pen)
        self.dots = pg.ScatterPlotItem(pxMode=True, size=5, pen=None,
                                       brush=pg.mkBrush(TRAIL_COLOUR))
        for item, z in ((self.line, 8), (self.dots, 9)):
            item.setZValue(z)
            view.vb.addItem(item)

    def show(self, points: Sequence[tuple[float, float]]) -> None:
        """(lat, lon) oldest first; fewer than two points clears it."""
        if len(points) < 2 or self.view.projection is None:
            self.line.setData([], [])
            self.dots.setData(x=[], y=[])
            return
        xy = np.asarray([self.view.xy(lat, lon) for lat, lon in points])
        self.line.setData(xy[:, 0], xy[:, 1])
        brushes = []
        for i in range(len(points)):
            c = QColor(TRAIL_COLOUR)
            c.setAlpha(int(60 + 195 * (i + 1) / len(points)))
            brushes.append(pg.mkBrush(c))
        self.dots.setData(x=xy[:, 0], y=xy[:, 1], brush=brushes)

    @property
    def length(self) -> int:
        return len(self.dots.points())


class Tape:
    """The measuring tape: points added by clicks, the total along them shown at the end."""

    def __init__(self, view: GridMapView) -> None:
        self.view = view
        self.points: list[tuple[float, float]] = []  # metres
        self.line = pg.PlotCurveItem(pen=pg.mkPen(TAPE_COLOUR, width=2))
        self.dots = pg.ScatterPlotItem(pxMode=True, size=7, pen=pg.mkPen("#0d0f12"),
                                       brush=pg.mkBrush(TAPE_COLOUR))
        self.label = pg.TextItem("", color=TAPE_COLOUR, anchor=(-0.1, 1.1))
        for item, z in ((self.line, 40), (self.dots, 41), (self.label, 42)):
            item.setZValue(z)
            view.vb.addItem(item)

    def add(self, x: float, y: float) -> None:
        self.points.append((x, y))
        self._draw()

    def clear(self) -> None:
        self.points.clear()
        self._draw()

    def total_m(self) -> float:
        return sum(math.dist(a, b) for a, b in zip(self.points, self.points[1:], strict=False))

    def text(self) -> str:
        return format_distance(self.total_m()) if len(self.points) > 1 else ""

    def _draw(self) -> None:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        self.line.setData(xs, ys)
        self.dots.setData(x=xs, y=ys)
        self.label.setText(self.text())
        if self.points:
            self.label.setPos(*self.points[-1])


class EventZones:
    """A large event's perimeter and zones (a GeoJSON file), outlined on top of everything,
    each labelled with its name and how many units are inside it now."""

    def __init__(self, view: GridMapView) -> None:
        self.view = view
        self.zones: list[GeoFeature] = []
        self._items: list[QGraphicsPathItem] = []
        self._labels: list[pg.TextItem] = []
        self.counts: dict[str, int] = {}

    def set_zones(self, zones: Sequence[GeoFeature]) -> None:
        for item in self._items:
            self.view.vb.removeItem(item)
        for label in self._labels:
            self.view.vb.removeItem(label)
        self._items.clear()
        self._labels.clear()
        self.zones = list(zones)
        self.counts = {}
        if not zones:
            return
        proj = self.view.projection
        if proj is None:  # zones before any grid: they set the map's centre
            bounds = bounds_of([ring for z in zones for p in z.polygons for ring in p])
            if bounds is None:
                return
            proj = self.view.projection = LocalProjection.centred_on(bounds)
        pen = QPen(QColor(ZONE_COLOUR), 3.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        for zone in zones:
            path = polygons_path([[proj.ring_to_xy(ring) for ring in polygon]
                                  for polygon in zone.polygons])
            item = QGraphicsPathItem(path)
            item.setPen(pen)
            item.setZValue(25)
            self.view.vb.addItem(item)
            self._items.append(item)
            label = pg.TextItem(zone.name, color=ZONE_COLOUR, anchor=(0.5, 0.5),
                                fill=pg.mkBrush(13, 15, 18, 200))
            centre = path.boundingRect().center()
            label.setPos(centre.x(), centre.y())
            label.setZValue(26)
            self.view.vb.addItem(label)
            self._labels.append(label)

    def count_units(self, positions: Iterable[tuple[float, float]]) -> dict[str, int]:
        """Units inside each zone ((lat, lon) of each unit); the labels say it."""
        points = list(positions)
        self.counts = {}
        for zone, label in zip(self.zones, self._labels, strict=True):
            n = sum(1 for lat, lon in points if polygons_contain(zone.polygons, lon, lat))
            self.counts[zone.name] = n
            label.setText(f"{zone.name}: {n}")
        return self.counts
