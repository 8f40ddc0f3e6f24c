"""``GridMapView``: the hall's map in a pyqtgraph ViewBox — patrol grids filled by an overlay,
units by status and freshness with a heading arrow, open alarms pulsing until acknowledged,
cameras when zoomed in (clustered when dense).

Scene coordinates are metres east/north of a centre (``LocalProjection``): distances on screen
are true at the hall's scale and the ViewBox keeps a 1:1 aspect. Units are drawn by one item,
``UnitsItem``, from plain arrays: each unit a sprite (look by status × freshness, a dart per
heading sector) out of one pre-rendered atlas, all painted in one drawPixmapFragments call, so
a batch of 5,000 moves costs a few array operations, not 5,000 items. (One ScatterPlotItem per
look, up to 28, spent most of an update in pyqtgraph's fixed costs per item — setData,
boundingRect, paint; see tests/benchmarks/bench_map.py.)

Clicks are hit-tested here, in one place: the nearest unit, alarm or camera within a few pixels,
else the grid under the pointer (holes and MultiPolygons respected).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSimpleTextItem,
    QVBoxLayout,
    QWidget,
)

from widgets.colors import PRIORITY_COLORS, SECONDARY_TEXT
from widgets.geo_projection import Bounds, LocalProjection, bounds_of
from widgets.geo_shapes import polygons_contain
from widgets.grid_map.callsigns_item import CallsignsItem
from widgets.grid_map.marks import (
    FRESHNESS,
    AlarmMark,
    CameraMark,
    GridShape,
    Overlay,
    UnitColumns,
    UnitMark,
)
from widgets.grid_map.paths import polygons_path
from widgets.grid_map.units_item import DOT, HEADING_SECTORS, UnitsItem, shape_of

BACKGROUND = "#12161b"
GRID_OUTLINE = "#5c6b7a"
LABEL_MAX_M_PER_PX = 40.0  # grid names when a grid is big enough on screen to carry one
CALLSIGN_MAX_M_PER_PX = 8.0  # callsigns only when zoomed in (and not too many)
CAMERA_MAX_M_PER_PX = 25.0  # cameras below this zoom only
CLUSTER_PX = 28  # cameras closer than this on screen are one cluster
HIT_PX = 9  # a click this close to a marker takes it
MAX_LABELS = 150


class GridMapView(QWidget):
    clicked = Signal(str, str)  # kind ("unit", "alarm", "camera", "grid"), id
    context_requested = Signal(str, str, float, float, QPoint)  # kind, id, lat, lon, screen pos
    view_changed = Signal()
    measure_clicked = Signal(float, float)  # while measuring: a point of the tape (metres)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gridMapView")
        self.plot = pg.PlotWidget(self, background=BACKGROUND)
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.hideButtons()
        self.vb: pg.ViewBox = item.getViewBox()
        self.vb.setAspectLocked(True, ratio=1.0)
        self.vb.setMenuEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)

        self.projection: LocalProjection | None = None
        self.grids: dict[str, GridShape] = {}
        self._grid_items: dict[str, QGraphicsPathItem] = {}
        self._grid_xy: dict[str, list[list[list[tuple[float, float]]]]] = {}
        self._grid_labels: dict[str, QGraphicsSimpleTextItem] = {}
        self._overlay = Overlay()
        self.units = UnitColumns.from_marks([])
        self.alarms: dict[str, AlarmMark] = {}
        self.cameras: dict[str, CameraMark] = {}
        self.units_item = UnitsItem()
        self.units_item.setZValue(10)
        self.vb.addItem(self.units_item)
        self._unit_xy: tuple[np.ndarray, np.ndarray] = (np.empty(0), np.empty(0))
        self._alarm_items: dict[tuple[int, bool], pg.ScatterPlotItem] = {}
        self._camera_item = pg.ScatterPlotItem(pxMode=True, symbol="s", size=7,
                                               pen=pg.mkPen("#0d0f12"),
                                               brush=pg.mkBrush("#8fb3d9"))
        self._camera_item.setZValue(5)
        self.vb.addItem(self._camera_item)
        self._cluster_labels: list[pg.TextItem] = []
        self.callsigns_item = CallsignsItem()
        self.callsigns_item.setZValue(14)
        self.vb.addItem(self.callsigns_item)
        self._selected = pg.ScatterPlotItem(pxMode=True, symbol="o", size=26,
                                            pen=pg.mkPen("#ffffff", width=2), brush=None)
        self._selected.setZValue(30)
        self.vb.addItem(self._selected)
        self.selection: tuple[str, str] | None = None
        self._outlined: str | None = None  # the grid drawn with the selected outline
        self.measuring = False  # clicks add points to the measuring tape instead of selecting
        # Arrays for hit-testing: ids and metres, rebuilt with each batch.
        self._hit: dict[str, tuple[Sequence[str], np.ndarray, np.ndarray]] = {}

        self._pulse_big = False
        self._pulse = QTimer(self)
        self._pulse.setInterval(500)
        self._pulse.timeout.connect(self._pulse_alarms)
        self._pulse.start()
        self._zoom_timer = QTimer(self)  # labels and clusters follow the zoom, debounced
        self._zoom_timer.setSingleShot(True)
        self._zoom_timer.setInterval(120)
        self._zoom_timer.timeout.connect(self._zoom_dependent)
        self.vb.sigRangeChanged.connect(lambda *_: self._view_moved())
        self.plot.scene().sigMouseClicked.connect(self._scene_clicked)
        # Until the officer pans, zooms or a viewport is restored, the whole area stays
        # fitted as the pane is laid out and resized (it is first filled while hidden).
        self.auto_fit = True
        self.plot.viewport().installEventFilter(self)

    def eventFilter(self, watched: Any, event: Any) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.Wheel):
            self.auto_fit = False
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.auto_fit and self.grids:
            QTimer.singleShot(0, self.fit)

    # --- the projection and the viewport -------------------------------------------------------

    def _ensure_projection(self, bounds: Bounds | None) -> LocalProjection | None:
        if self.projection is None and bounds is not None:
            self.projection = LocalProjection.centred_on(bounds)
        return self.projection

    def xy(self, lat: float, lon: float) -> tuple[float, float]:
        assert self.projection is not None
        return self.projection.to_xy(lat, lon)

    def metres_per_pixel(self) -> float:
        size = self.vb.viewPixelSize()
        return float(max(size[0], size[1]))

    def fit(self, bounds: Bounds | None = None) -> None:
        """Show ``bounds`` (default: every grid) whole."""
        bounds = bounds or self.grid_bounds()
        if bounds is None or self._ensure_projection(bounds) is None:
            return
        x0, y0 = self.xy(bounds.min_lat, bounds.min_lon)
        x1, y1 = self.xy(bounds.max_lat, bounds.max_lon)
        self.vb.setRange(QRectF(QPointF(x0, y0), QPointF(x1, y1)).normalized(), padding=0.04)

    def grid_bounds(self) -> Bounds | None:
        rings = [ring for g in self.grids.values() for p in g.polygons for ring in p]
        return bounds_of(rings) if rings else None

    def centre_on(self, lat: float, lon: float, metres_per_px: float | None = None) -> None:
        self.auto_fit = False
        if self.projection is None:
            self.projection = LocalProjection(lat, lon)
        x, y = self.xy(lat, lon)
        rect = self.vb.viewRect()
        scale = 1.0
        if metres_per_px is not None and self.metres_per_pixel() > 0:
            scale = metres_per_px / self.metres_per_pixel()
        w, h = rect.width() * scale, rect.height() * scale
        self.vb.setRange(QRectF(x - w / 2, y - h / 2, w, h), padding=0)

    def viewport(self) -> dict[str, float]:
        """The view as the layout keeps it: centre and scale (metres per pixel)."""
        if self.projection is None:
            return {}
        centre = self.vb.viewRect().center()
        lat, lon = self.projection.to_latlon(centre.x(), centre.y())
        return {"lat": round(lat, 6), "lon": round(lon, 6),
                "m_per_px": round(self.metres_per_pixel(), 3)}

    def set_viewport(self, viewport: dict[str, Any]) -> bool:
        try:
            lat, lon = float(viewport["lat"]), float(viewport["lon"])
            m_per_px = float(viewport["m_per_px"])
        except (KeyError, TypeError, ValueError):
            return False
        if not (-90 <= lat <= 90 and -180 <= lon <= 180 and 0.01 <= m_per_px <= 50_000):
            return False
        self.centre_on(lat, lon, m_per_px)
        return True

    # --- grids ------------------------------------------------------------------------------------

    def set_grids(self, grids: Sequence[GridShape]) -> None:
        """The grids (a new set replaces the old; the same set again costs nothing — every
        snapshot and resync brings them all, and rebuilding 130 outlines and names then was
        a 100 ms stall in the flood test)."""
        if {g.id: g for g in grids} == self.grids and self._grid_items:
            return
        first = not self.grids
        for item in self._grid_items.values():
            self.vb.removeItem(item)
        for label in self._grid_labels.values():
            self.vb.removeItem(label)
        self._grid_items.clear()
        self._grid_labels.clear()
        self._grid_xy.clear()
        self.grids = {g.id: g for g in grids}
        if not self.grids:
            return
        proj = self._ensure_projection(self.grid_bounds())
        assert proj is not None
        pen = _outline_pen(False)
        self._outlined = None
        label_brush = QBrush(QColor(SECONDARY_TEXT))
        for grid in self.grids.values():
            xy = [[proj.ring_to_xy(ring) for ring in polygon] for polygon in grid.polygons]
            self._grid_xy[grid.id] = xy
            item = QGraphicsPathItem(polygons_path(xy))
            item.setPen(pen)
            item.setZValue(-10)
            self.vb.addItem(item)
            self._grid_items[grid.id] = item
            # A plain text item that ignores the view's scale (pg.TextItem costs ~0.5 ms
            # each to make and follows every view change), centred on its point.
            label = QGraphicsSimpleTextItem(grid.name)
            label.setBrush(label_brush)
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            box = label.boundingRect()
            label.setTransform(QTransform.fromTranslate(-box.width() / 2, -box.height() / 2))
            label.setZValue(-5)
            at = grid.label_at or _label_point(grid)
            label.setPos(*proj.to_xy(at[1], at[0]))
            self.vb.addItem(label)
            self._grid_labels[grid.id] = label
        self.set_overlay(self._overlay)
        if first:
            self.fit()
        self._zoom_dependent()

    def set_overlay(self, overlay: Overlay) -> None:
        self._overlay = overlay
        for grid_id, item in self._grid_items.items():
            colour = overlay.colours.get(grid_id)
            if colour:
                c = QColor(colour)
                c.setAlpha(overlay.alpha)
                item.setBrush(QBrush(c))
            else:
                item.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._mark_selected()

    def grid_at(self, lat: float, lon: float) -> str | None:
        if self.projection is None:
            return None
        x, y = self.xy(lat, lon)
        return self._grid_at_xy(x, y)

    def _grid_at_xy(self, x: float, y: float) -> str | None:
        for grid_id, polygons in self._grid_xy.items():
            if polygons_contain(polygons, x, y):
                return grid_id
        return None

    # --- units, alarms, cameras ------------------------------------------------------------------

    def set_units(self, units: Sequence[UnitMark]) -> None:
        """Every unit with a position (a batch replaces the whole set: moves come batched)."""
        self.set_unit_columns(UnitColumns.from_marks(units))

    def set_unit_columns(self, units: UnitColumns) -> None:
        """``set_units`` for the pane's columns: projected, styled and handed to the sprite
        item with numpy, nothing done per unit in Python."""
        self.units = units
        if self.projection is None and len(units):
            self._ensure_projection(Bounds(float(units.lon.min()), float(units.lat.min()),
                                           float(units.lon.max()), float(units.lat.max())))
        if self.projection is None:
            return
        xs, ys = _project(self.projection, units.lat, units.lon)
        self._unit_xy = (xs, ys)
        # Style numbers through a table over the (few) codes: status × freshness × kind.
        styles = self.units_item.styles  # an unseen style gets a new number
        table = np.array([[[styles[status, fresh, shape_of(kind)] for kind in units.kinds]
                           for fresh in FRESHNESS] for status in units.statuses],
                         dtype=np.intp).reshape(len(units.statuses), len(FRESHNESS),
                                                len(units.kinds))
        style = table[units.status, units.freshness, units.kind] if len(units) else \
            np.empty(0, dtype=np.intp)
        width = 360 / HEADING_SECTORS
        headings = units.heading
        finite = np.isfinite(headings)
        sectors = np.where(finite, ((np.where(finite, headings, 0.0) % 360 + width / 2)
                                    // width) % HEADING_SECTORS, DOT).astype(np.intp)
        self.units_item.set_data(xs, ys, style, sectors)
        self._hit["unit"] = (units.ids, xs, ys)
        self._mark_selected()
        if self.metres_per_pixel() <= CALLSIGN_MAX_M_PER_PX:
            self._show_callsigns()

    def set_alarms(self, alarms: Sequence[AlarmMark]) -> None:
        self.alarms = {a.id: a for a in alarms}
        if self._ensure_projection(_bounds_of_marks(alarms)) is None:
            return
        groups: dict[tuple[int, bool], tuple[list[float], list[float]]] = {}
        for alarm in alarms:
            xs, ys = groups.setdefault((alarm.priority, alarm.unacknowledged), ([], []))
            x, y = self.xy(alarm.lat, alarm.lon)
            xs.append(x)
            ys.append(y)
        for key, item in self._alarm_items.items():
            if key not in groups:
                item.setData(x=[], y=[])
        for key, (xs, ys) in groups.items():
            item = self._alarm_items.get(key)
            if item is None:
                swatch = PRIORITY_COLORS.get(key[0], PRIORITY_COLORS[4])
                item = pg.ScatterPlotItem(pxMode=True, symbol="o", size=14,
                                          pen=pg.mkPen("#ffffff", width=1.5),
                                          brush=pg.mkBrush(swatch.background))
                item.setZValue(20 - key[0])
                self.vb.addItem(item)
                self._alarm_items[key] = item
            item.setData(x=np.asarray(xs), y=np.asarray(ys))
        self._hit["alarm"] = _hit_arrays([(a.id, *self.xy(a.lat, a.lon)) for a in alarms])
        self._mark_selected()

    def set_cameras(self, cameras: Sequence[CameraMark]) -> None:
        self.cameras = {c.id: c for c in cameras}
        if self._ensure_projection(_bounds_of_marks(cameras)) is None:
            return
        self._hit["camera"] = _hit_arrays([(c.id, *self.xy(c.lat, c.lon)) for c in cameras])
        self._zoom_dependent()

    # --- selection --------------------------------------------------------------------------------

    def select(self, kind: str | None, item_id: str | None) -> None:
        self.selection = (kind, item_id) if kind and item_id else None
        self._mark_selected()

    def _mark_selected(self) -> None:
        sel = self.selection
        point = None
        if sel is not None and self.projection is not None:
            mark: Any = {"unit": self.units, "alarm": self.alarms,  # (all have .get)
                         "camera": self.cameras}.get(sel[0], {}).get(sel[1])
            if mark is not None:
                point = self.xy(mark.lat, mark.lon)
        self._selected.setData(x=[point[0]] if point else [], y=[point[1]] if point else [])
        # Only the grids whose outline changes get a new pen (this runs with every batch).
        grid = sel[1] if sel is not None and sel[0] == "grid" else None
        for grid_id in {self._outlined, grid} - {None}:
            item = self._grid_items.get(grid_id)  # type: ignore[arg-type]
            if item is not None:
                item.setPen(_outline_pen(grid_id == grid))
        self._outlined = grid

    # --- clicks -----------------------------------------------------------------------------------

    def hit(self, x: float, y: float) -> tuple[str, str] | None:
        """What a click at view point (x, y) in metres takes: the nearest marker within
        HIT_PX pixels (alarms first, then units, then cameras when shown), else the grid."""
        radius = HIT_PX * self.metres_per_pixel()
        kinds = ["alarm", "unit"] + (["camera"] if self._camera_item.isVisible() else [])
        for kind in kinds:
            ids, xs, ys = self._hit.get(kind, ([], np.empty(0), np.empty(0)))
            if not ids:
                continue
            d2 = (xs - x) ** 2 + (ys - y) ** 2
            i = int(np.argmin(d2))
            if d2[i] <= radius * radius:
                return kind, ids[i]
        grid = self._grid_at_xy(x, y)
        return ("grid", grid) if grid else None

    def _scene_clicked(self, event: Any) -> None:
        pos = self.vb.mapSceneToView(event.scenePos())
        if self.measuring and event.button() == Qt.MouseButton.LeftButton:
            self.measure_clicked.emit(pos.x(), pos.y())
            event.accept()
            return
        hit = self.hit(pos.x(), pos.y())
        if event.button() == Qt.MouseButton.RightButton and self.projection is not None:
            lat, lon = self.projection.to_latlon(pos.x(), pos.y())
            kind, item_id = hit if hit else ("place", "")
            screen = event.screenPos()
            self.context_requested.emit(kind, item_id, lat, lon,
                                        QPoint(int(screen.x()), int(screen.y())))
            event.accept()
        elif event.button() == Qt.MouseButton.LeftButton and hit is not None:
            self.select(*hit)
            self.clicked.emit(*hit)
            event.accept()

    def pixel_of(self, lat: float, lon: float) -> QPoint:
        """Where (lat, lon) is on the widget (tests click there)."""
        scene = self.vb.mapViewToScene(QPointF(*self.xy(lat, lon)))
        return self.plot.mapFromScene(scene)

    # --- zoom-dependent layers --------------------------------------------------------------------

    def _view_moved(self) -> None:
        self._zoom_timer.start()
        self.view_changed.emit()

    def _zoom_dependent(self) -> None:
        m_per_px = self.metres_per_pixel()
        show_labels = m_per_px <= LABEL_MAX_M_PER_PX
        for label in self._grid_labels.values():
            label.setVisible(show_labels)
        self._show_cameras(m_per_px)
        self._show_callsigns()

    def _show_cameras(self, m_per_px: float) -> None:
        for label in self._cluster_labels:
            self.vb.removeItem(label)
        self._cluster_labels.clear()
        visible = m_per_px <= CAMERA_MAX_M_PER_PX and bool(self.cameras)
        self._camera_item.setVisible(visible)
        if not visible or self.projection is None:
            return
        cell = CLUSTER_PX * m_per_px
        clusters: dict[tuple[int, int], list[tuple[float, float]]] = {}
        for camera in self.cameras.values():
            x, y = self.xy(camera.lat, camera.lon)
            clusters.setdefault((int(x // cell), int(y // cell)), []).append((x, y))
        xs, ys, sizes = [], [], []
        for members in clusters.values():
            cx = sum(p[0] for p in members) / len(members)
            cy = sum(p[1] for p in members) / len(members)
            xs.append(cx)
            ys.append(cy)
            sizes.append(7 if len(members) == 1 else min(22, 11 + 2 * len(members)))
            if len(members) > 1 and len(self._cluster_labels) < MAX_LABELS:
                label = pg.TextItem(str(len(members)), color="#0d0f12", anchor=(0.5, 0.5))
                label.setPos(cx, cy)
                label.setZValue(6)
                self.vb.addItem(label)
                self._cluster_labels.append(label)
        self._camera_item.setData(x=np.asarray(xs), y=np.asarray(ys), size=np.asarray(sizes))

    def _show_callsigns(self) -> None:
        """Callsigns of the units in view (at most MAX_LABELS) when zoomed in: with every
        batch, so one item takes their points and texts (no item per label)."""
        if self.metres_per_pixel() > CALLSIGN_MAX_M_PER_PX or self.projection is None:
            if self.callsigns_item.texts():
                self.callsigns_item.set_labels(np.empty(0), np.empty(0), [])
            return
        rect = self.vb.viewRect()
        xs, ys = self._unit_xy
        inside = np.flatnonzero((xs >= rect.left()) & (xs <= rect.right())
                                & (ys >= rect.top()) & (ys <= rect.bottom()))[:MAX_LABELS]
        callsigns = self.units.callsigns
        self.callsigns_item.set_labels(xs[inside], ys[inside],
                                       [callsigns[i] for i in inside.tolist()])

    def _pulse_alarms(self) -> None:
        """Unacknowledged alarms pulse (size), acknowledged ones stay still."""
        self._pulse_big = not self._pulse_big
        for (_priority, unacked), item in self._alarm_items.items():
            if unacked:
                item.setSize(19 if self._pulse_big else 13)


def _outline_pen(selected: bool) -> QPen:
    pen = QPen(QColor("#ffffff" if selected else GRID_OUTLINE))
    pen.setCosmetic(True)
    pen.setWidthF(2.5 if selected else 1.0)
    return pen


def _label_point(grid: GridShape) -> tuple[float, float]:
    """(lon, lat) for a grid's name: the middle of its largest part's box."""
    largest = max(grid.polygons, key=lambda p: len(p[0]))
    b = bounds_of([largest[0]])
    assert b is not None
    return b.centre


def _project(projection: LocalProjection, lat: np.ndarray, lon: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray]:
    """``LocalProjection.to_xy`` over arrays (the same equirectangular formula, its scales
    taken from the projection itself)."""
    c_lat, c_lon = projection.centre_lat, projection.centre_lon
    kx = projection.to_xy(c_lat, c_lon + 1.0)[0]
    ky = projection.to_xy(c_lat + 1.0, c_lon)[1]
    return ((lon - c_lon + 180.0) % 360.0 - 180.0) * kx, (lat - c_lat) * ky


def _bounds_of_marks(marks: Sequence[Any]) -> Bounds | None:
    if not marks:
        return None
    return Bounds(min(m.lon for m in marks), min(m.lat for m in marks),
                  max(m.lon for m in marks), max(m.lat for m in marks))


def _hit_arrays(points: list[tuple[str, float, float]]
                ) -> tuple[list[str], np.ndarray, np.ndarray]:
    return ([p[0] for p in points], np.asarray([p[1] for p in points], dtype=float),
            np.asarray([p[2] for p in points], dtype=float))
