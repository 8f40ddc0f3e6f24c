"""A small north-up map of one alarm's place for the alarm card: its grid, nearby units and
cameras, and a scale bar.

Deliberately light: plain QPainter, no tiles, no network, no pyqtgraph (that is the grid map
pane's job). Everything is projected to metres once in ``show_place``; a paint only scales and
draws, and the grid's outline in pixels is kept until the widget's size changes, so a card
that redraws often (a ticking age timer beside it) costs next to nothing here. Nothing
animates: the widget repaints on ``show_place``, ``clear`` and resizes only.

Colours of priorities and unit statuses come from ``widgets.colors``, so a P1 on this map is
the red of a P1 in the queue. Call from the UI thread.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from backend_client.schemas import Grid
from widgets.colors import PRIORITY_COLORS, UNIT_STATUS_COLORS, WINDOW_BACKGROUND
from widgets.geo_projection import LocalProjection, rings_of
from widgets.unit_texts import distance_text, unit_status_label

# Map colours that are not statuses. The grid is a neutral grey-blue so that it never reads as
# a status colour (green = available, blue = en route); its fill is faint so that markers and
# holes stay plain on it.
GRID_OUTLINE: Final = "#9fb4c8"
GRID_FILL_ALPHA: Final = 46
CAMERA_COLOR: Final = "#cfd8dc"
NO_PRIORITY_COLOR: Final = "#e0e0e0"
_UNKNOWN_STATUS_COLOR: Final = "#9e9e9e"
_LABEL_TEXT: Final = "#eceff1"
_MUTED_TEXT: Final = "#90a4ae"
_CHIP: Final = QColor(12, 15, 19, 215)
_MARKER_EDGE: Final = QColor(10, 12, 15)
# Units get a light rim: the darker statuses (off duty, out of service) would otherwise sink
# into the dark background outside the grid.
_UNIT_EDGE: Final = QColor(236, 239, 241, 230)

_MARGIN: Final = 10.0  # px kept free around what the view must show
_MIN_HALF_EXTENT_M: Final = 150.0  # never zoom in further: a tiny grid must not fill a card
_DEFAULT_RADIUS_M: Final = 1500.0
_ALARM_DOT: Final = 6.5
_ALARM_RING: Final = 13.0
_UNIT_DOT: Final = 5.5
_CAMERA_SIZE: Final = 8.0
_EDGE_INSET: Final = 9.0  # off-view units sit this far inside the border

# Readable status words for the tooltips: colour is never the only sign of a status.
@dataclass(frozen=True, slots=True)
class _Mark:
    label: str
    x: float  # metres east of the alarm
    y: float  # metres north of the alarm
    status: str = ""

    @property
    def distance_m(self) -> float:
        return math.hypot(self.x, self.y)


@dataclass(slots=True)
class _Scene:
    """One place, in metres around the alarm (the view's centre)."""

    projection: LocalProjection
    priority: int | None
    radius_m: float
    grid_path: QPainterPath | None  # metres, y pointing down (screen orientation)
    grid_reach: tuple[float, float] | None  # half extents that show the whole grid
    grid_label: str
    units: list[_Mark]
    cameras: list[_Mark]


def format_distance(metres: float) -> str:
    """A short distance as officers read it: "850 m", "1.2 km", "12 km".

    SI symbols, not translated: they are the same in the hall's languages' maps."""
    if metres < 999.5:
        return f"{round(metres):d} m"
    km = metres / 1000
    if km >= 9.95:
        return f"{round(km):d} km"
    return f"{km:.1f}".removesuffix(".0") + " km"  # "1 km" on a scale bar, not "1.0 km"


def nice_scale_length(max_m: float) -> float:
    """The longest 1-2-5 × 10^n metres not above ``max_m`` (a scale bar reads best round)."""
    if not (max_m > 0 and math.isfinite(max_m)):
        return 0.0
    exponent = math.floor(math.log10(max_m))
    for step in (5, 2, 1):
        length = step * 10.0 ** exponent
        if length <= max_m * (1 + 1e-9):
            return length
    return 10.0 ** exponent


def _finite(*values: Any) -> bool:
    return all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
               for v in values)


def _geometry_and_name(grid: Any) -> tuple[Any, str]:
    """The GeoJSON geometry and name of a contract Grid, a Feature dict or a bare geometry."""
    if isinstance(grid, Grid):
        geometry = getattr(grid, "geometry", None)
        # Held as-is rather than model_dump()ed: no copy of thousands of points per alarm.
        raw = {"type": getattr(geometry, "type", None),
               "coordinates": getattr(geometry, "coordinates", None)}
        props = getattr(grid, "properties", None)
        return raw, str(getattr(props, "name", "") or "")
    if isinstance(grid, Mapping) and grid.get("type") == "Feature":
        props = grid.get("properties")
        name = ""
        if isinstance(props, Mapping):
            for key in ("name", "NAME", "名称"):
                if isinstance(props.get(key), str):
                    name = props[key]
                    break
        return grid.get("geometry"), name
    return grid, ""


class MiniMap(QWidget):
    """A north-up sketch of one alarm's surroundings, centred on the alarm.

    ``show_place`` gives it a place; ``clear`` shows a centred message instead. The view fits a
    circle of ``radius_m`` around the alarm, or the alarm's grid when the whole grid fits closer;
    units beyond the view are pinned to its edge with an arrow and their distance, so no unit
    the caller passed is hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The whole rect is painted every time: Qt need not clear it first.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._scene: _Scene | None = None
        self._message = ""
        self._grid_px: tuple[tuple[int, int], QPainterPath] | None = None
        self._hits: list[tuple[QRectF, str]] = []
        self._label_font = QFont(self.font())
        self._label_font.setPixelSize(12)
        self._label_font.setBold(True)
        self._small_font = QFont(self.font())
        self._small_font.setPixelSize(12)
        self.setAccessibleName(self.tr("Mini map"))
        self.clear()

    # --- public API ----------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(320, 200)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, 100)

    def show_place(self, lat: float, lon: float, *, priority: int | None,
                   grid: Grid | Mapping[str, Any] | None = None, grid_label: str = "",
                   units: Iterable[tuple[str, float, float, str]] = (),
                   cameras: Iterable[tuple[str, float, float]] = (),
                   radius_m: float = _DEFAULT_RADIUS_M) -> None:
        """Show the alarm at (lat, lon) with its priority's colour (None: a neutral marker).

        ``grid`` is the alarm's grid (a contract Grid, a GeoJSON Feature or its geometry);
        a broken geometry costs only its outline. ``grid_label`` defaults to the grid's name.
        ``units`` are (callsign, lat, lon, status) and ``cameras`` (name, lat, lon); entries
        without a usable position are skipped. Without a usable alarm position the map is
        cleared instead."""
        if not _finite(lat, lon) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            self.clear()
            return
        proj = LocalProjection(lat, lon)
        geometry, name = _geometry_and_name(grid)
        path, reach = self._grid_in_metres(proj, geometry)
        self._scene = _Scene(
            projection=proj,
            priority=priority if priority in PRIORITY_COLORS else None,
            radius_m=float(radius_m) if _finite(radius_m) and radius_m > 0
            else _DEFAULT_RADIUS_M,
            grid_path=path, grid_reach=reach,
            grid_label=grid_label or name,
            units=self._marks(proj, units, with_status=True),
            cameras=self._marks(proj, cameras, with_status=False),
        )
        self._grid_px = None
        self.setToolTip("")
        self.update()

    def clear(self, text: str | None = None) -> None:
        """No place: an empty map with ``text`` (default "No location") in the middle."""
        self._scene = None
        self._grid_px = None
        self._hits = []
        self._message = self.tr("No location") if text is None else text
        self.update()

    def has_place(self) -> bool:
        return self._scene is not None

    def pixel_of(self, lat: float, lon: float) -> QPointF | None:
        """Where (lat, lon) is drawn at the widget's current size; None while cleared."""
        if self._scene is None or not _finite(lat, lon):
            return None
        x, y = self._scene.projection.to_xy(lat, lon)
        return self._to_px(x, y, self._scale())

    def metres_per_pixel(self) -> float | None:
        """The current scale; None while cleared."""
        return None if self._scene is None else 1.0 / self._scale()

    # --- building the scene (once per show_place) ----------------------------------------

    @staticmethod
    def _grid_in_metres(proj: LocalProjection, geometry: Any,
                        ) -> tuple[QPainterPath | None, tuple[float, float] | None]:
        rings = rings_of(geometry)
        if not rings:
            return None, None
        # Odd-even: a hole's ring cancels the fill of the exterior around it, and the parts
        # of a MultiPolygon (which never overlap) are filled each on their own.
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        reach_x = reach_y = 0.0
        for ring in rings:
            pts = proj.ring_to_xy(ring)
            polygon = QPolygonF([QPointF(x, -y) for x, y in pts])
            path.addPolygon(polygon)
            path.closeSubpath()
            for x, y in pts:
                reach_x, reach_y = max(reach_x, abs(x)), max(reach_y, abs(y))
        return path, (reach_x, reach_y)

    @staticmethod
    def _marks(proj: LocalProjection, items: Iterable[Sequence[Any]], *,
               with_status: bool) -> list[_Mark]:
        marks = []
        for item in items or ():
            try:
                label, lat, lon = item[0], item[1], item[2]
                status = str(item[3]) if with_status and len(item) > 3 else ""
            except (TypeError, IndexError, KeyError):
                continue
            if not _finite(lat, lon):
                continue
            x, y = proj.to_xy(lat, lon)
            marks.append(_Mark(str(label), x, y, status))
        # Nearest first: when labels compete for room, the nearest units get it.
        marks.sort(key=lambda m: m.distance_m)
        return marks

    # --- geometry of the view -------------------------------------------------------------

    def _scale(self) -> float:
        """Pixels per metre: the radius fits, or the whole grid when it fits closer."""
        scene = self._scene
        assert scene is not None
        half_w = max(1.0, self.width() / 2 - _MARGIN)
        half_h = max(1.0, self.height() / 2 - _MARGIN)
        scale = min(half_w, half_h) / scene.radius_m
        if scene.grid_reach is not None:
            rx, ry = scene.grid_reach
            fit_grid = min(half_w / max(rx, _MIN_HALF_EXTENT_M),
                           half_h / max(ry, _MIN_HALF_EXTENT_M))
            scale = max(scale, fit_grid)
        return scale

    def _to_px(self, x: float, y: float, scale: float) -> QPointF:
        return QPointF(self.width() / 2 + x * scale, self.height() / 2 - y * scale)

    def _grid_pixels(self, scale: float) -> QPainterPath | None:
        scene = self._scene
        if scene is None or scene.grid_path is None:
            return None
        key = (self.width(), self.height())
        if self._grid_px is None or self._grid_px[0] != key:
            t = QTransform(scale, 0, 0, scale, self.width() / 2, self.height() / 2)
            self._grid_px = (key, t.map(scene.grid_path))
        return self._grid_px[1]

    # --- Qt events ---------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._grid_px = None
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            pos = QPointF(event.pos())
            for rect, text in reversed(self._hits):  # the topmost drawn first
                if rect.contains(pos):
                    QToolTip.showText(event.globalPos(), text, self)
                    return True
            QToolTip.hideText()
            event.ignore()
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            painter.fillRect(self.rect(), QColor(WINDOW_BACKGROUND))
            if self._scene is None:
                self._paint_message(painter)
            else:
                self._paint_scene(painter, self._scene)
        finally:
            painter.end()

    # --- painting ------------------------------------------------------------------------------

    def _paint_message(self, painter: QPainter) -> None:
        self._hits = []
        painter.setPen(QColor(_MUTED_TEXT))
        font = QFont(self.font())
        font.setPixelSize(13)
        painter.setFont(font)
        painter.drawText(QRectF(self.rect()).adjusted(8, 8, -8, -8),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                         self._message)

    def _paint_scene(self, painter: QPainter, scene: _Scene) -> None:
        scale = self._scale()
        view = QRectF(self.rect())
        hits: list[tuple[QRectF, str]] = []
        taken: list[QRectF] = []  # what labels must not cover

        grid = self._grid_pixels(scale)
        if grid is not None:
            fill = QColor(GRID_OUTLINE)
            fill.setAlpha(GRID_FILL_ALPHA)
            # 2 px: an edge on any sub-pixel position keeps one pixel of the full colour, so
            # the outline stays crisp on a 320 px card instead of a grey antialiased smear.
            painter.setPen(QPen(QColor(GRID_OUTLINE), 2.0))
            painter.setBrush(fill)
            painter.drawPath(grid)

        # Chrome first in the "taken" list, so unit labels keep off it.
        chrome: list[QRectF] = []
        if scene.grid_label:
            # The key says "this outline is that grid"; without an outline there is nothing
            # to key, but the name alone still tells the officer where the alarm is.
            key = QColor(GRID_OUTLINE) if grid is not None else None
            chrome.append(self._paint_chip(painter, QPointF(6, 6), scene.grid_label,
                                           self._label_font, swatch=key))
        chrome.append(self._paint_scale_bar(painter, scale))
        chrome.append(self._paint_north(painter))
        taken.extend(chrome)

        painter.setPen(QPen(_MARKER_EDGE, 1.2))
        painter.setBrush(QColor(CAMERA_COLOR))
        for cam in scene.cameras:
            p = self._to_px(cam.x, cam.y, scale)
            if not view.contains(p):
                continue  # cameras are context: the ones beyond the view are not pinned
            s = _CAMERA_SIZE
            tri = QPolygonF([QPointF(p.x(), p.y() - s * 0.6),
                             QPointF(p.x() + s / 2, p.y() + s * 0.4),
                             QPointF(p.x() - s / 2, p.y() + s * 0.4)])
            painter.drawPolygon(tri)
            hits.append((QRectF(p.x() - s, p.y() - s, 2 * s, 2 * s), cam.label))
            taken.append(tri.boundingRect())

        centre = self._to_px(0, 0, scale)
        alarm_box = QRectF(centre.x() - _ALARM_RING - 2, centre.y() - _ALARM_RING - 2,
                           2 * _ALARM_RING + 4, 2 * _ALARM_RING + 4)
        taken.append(alarm_box)

        inner = view.adjusted(_EDGE_INSET, _EDGE_INSET, -_EDGE_INSET, -_EDGE_INSET)
        # The ring goes under the units, so a unit a few metres from the alarm still shows;
        # the dot goes over them, so the alarm itself is never hidden.
        self._paint_alarm_ring(painter, centre, scene.priority)
        placed: list[tuple[_Mark, QPointF, bool]] = []
        for unit in scene.units:
            p = self._to_px(unit.x, unit.y, scale)
            inside = inner.contains(p)
            if not inside:
                p = self._pin_to_edge(centre, p, inner, chrome)
            placed.append((unit, p, inside))
            taken.append(QRectF(p.x() - _UNIT_DOT - 1, p.y() - _UNIT_DOT - 1,
                                2 * _UNIT_DOT + 2, 2 * _UNIT_DOT + 2))
        for unit, p, inside in placed:
            color = self._status_color(unit.status)
            if inside:
                painter.setPen(QPen(_UNIT_EDGE, 1.3))
                painter.setBrush(color)
                painter.drawEllipse(p, _UNIT_DOT, _UNIT_DOT)
            else:
                self._paint_edge_arrow(painter, centre, p, color)
            words = unit_status_label(unit.status)
            hits.append((QRectF(p.x() - 8, p.y() - 8, 16, 16),
                         f"{unit.label} · {words} · {distance_text(unit.distance_m)}"))

        self._paint_alarm_dot(painter, centre, scene.priority)

        for unit, p, inside in placed:
            text = unit.label if inside else f"{unit.label} {distance_text(unit.distance_m)}"
            rect = self._place_label(p, text, taken, view)
            self._paint_chip(painter, rect.topLeft(), text, self._small_font)
            taken.append(rect)
        self._hits = hits

    @staticmethod
    def _alarm_color(priority: int | None) -> QColor:
        return (PRIORITY_COLORS[priority].background_color() if priority is not None
                else QColor(NO_PRIORITY_COLOR))

    def _paint_alarm_ring(self, painter: QPainter, centre: QPointF, priority: int | None) -> None:
        # A dark halo under the ring keeps it visible on the grid's fill and beside amber units.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(_MARKER_EDGE, 5.0))
        painter.drawEllipse(centre, _ALARM_RING, _ALARM_RING)
        painter.setPen(QPen(self._alarm_color(priority), 2.6))
        painter.drawEllipse(centre, _ALARM_RING, _ALARM_RING)

    def _paint_alarm_dot(self, painter: QPainter, centre: QPointF, priority: int | None) -> None:
        painter.setPen(QPen(QColor("#ffffff"), 1.8))
        painter.setBrush(self._alarm_color(priority))
        painter.drawEllipse(centre, _ALARM_DOT, _ALARM_DOT)

    @staticmethod
    def _status_color(status: str) -> QColor:
        swatch = UNIT_STATUS_COLORS.get(status)
        return swatch.background_color() if swatch else QColor(_UNKNOWN_STATUS_COLOR)

    @staticmethod
    def _pin_to_edge(centre: QPointF, p: QPointF, inner: QRectF,
                     chrome: list[QRectF]) -> QPointF:
        """Where the line from the centre to ``p`` leaves ``inner``, slid along that edge off
        the corner chips (scale bar, north arrow, grid name) that would cover it."""
        dx, dy = p.x() - centre.x(), p.y() - centre.y()
        t = 1.0
        if dx:
            t = min(t, ((inner.right() if dx > 0 else inner.left()) - centre.x()) / dx)
        if dy:
            t = min(t, ((inner.bottom() if dy > 0 else inner.top()) - centre.y()) / dy)
        x, y = centre.x() + dx * t, centre.y() + dy * t
        on_side = abs(x - inner.left()) < 0.5 or abs(x - inner.right()) < 0.5
        for chip in chrome:
            if not chip.adjusted(-8, -8, 8, 8).contains(QPointF(x, y)):
                continue
            if on_side:  # slide vertically, towards the middle of the side
                y = chip.top() - 8 if chip.center().y() > centre.y() else chip.bottom() + 8
            else:
                x = chip.left() - 8 if chip.center().x() > centre.x() else chip.right() + 8
        return QPointF(x, y)

    @staticmethod
    def _paint_edge_arrow(painter: QPainter, centre: QPointF, p: QPointF, color: QColor) -> None:
        """A notched dart pointing away from the alarm: an equilateral triangle would not say
        which way the unit is."""
        angle = math.atan2(p.y() - centre.y(), p.x() - centre.x())
        ux, uy = math.cos(angle), math.sin(angle)

        def at(along: float, across: float) -> QPointF:
            return QPointF(p.x() + ux * along - uy * across, p.y() + uy * along + ux * across)

        painter.setPen(QPen(_UNIT_EDGE, 1.3))
        painter.setBrush(color)
        painter.drawPolygon(QPolygonF([at(8, 0), at(-6, 6), at(-2.5, 0), at(-6, -6)]))

    def _place_label(self, anchor: QPointF, text: str, taken: list[QRectF],
                     view: QRectF) -> QRectF:
        """The first spot around ``anchor`` that covers nothing, else the least bad one."""
        w, h = self._chip_size(text, self._small_font)
        gap = _UNIT_DOT + 3
        x, y = anchor.x(), anchor.y()
        candidates = [
            QRectF(x + gap, y - h / 2, w, h),          # right
            QRectF(x - gap - w, y - h / 2, w, h),      # left
            QRectF(x - w / 2, y - gap - h, w, h),      # above
            QRectF(x - w / 2, y + gap, w, h),          # below
            QRectF(x + gap - 2, y - gap - h + 2, w, h),  # up right
            QRectF(x + gap - 2, y + gap - 2, w, h),    # down right
            QRectF(x - gap - w + 2, y - gap - h + 2, w, h),  # up left
            QRectF(x - gap - w + 2, y + gap - 2, w, h),  # down left
        ]
        best, best_cost = candidates[0], math.inf
        for rect in candidates:
            clipped = rect.intersected(view)
            # Leaving the widget is worse than covering something: a cut label is unreadable.
            cost = 4 * (rect.width() * rect.height() - clipped.width() * clipped.height())
            for other in taken:
                overlap = rect.intersected(other)
                cost += overlap.width() * overlap.height()
            if cost == 0:
                return rect
            if cost < best_cost:
                best, best_cost = rect, cost
        return best

    @staticmethod
    def _chip_size(text: str, font: QFont) -> tuple[float, float]:
        fm = QFontMetricsF(font)
        return fm.horizontalAdvance(text) + 8, fm.height() + 2

    def _paint_chip(self, painter: QPainter, top_left: QPointF, text: str, font: QFont, *,
                    swatch: QColor | None = None) -> QRectF:
        """Light text on a dark translucent chip: readable over the grid's fill and over
        markers alike. A ``swatch`` adds a small key of that colour before the text."""
        fm = QFontMetricsF(font)
        max_w = max(40.0, self.width() * 0.6)
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, max_w)
        w, h = self._chip_size(text, font)
        key = 0.0 if swatch is None else 12.0
        rect = QRectF(top_left.x(), top_left.y(), w + key, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_CHIP)
        painter.drawRoundedRect(rect, 3, 3)
        if swatch is not None:
            painter.setPen(QPen(swatch, 1.6))
            fill = QColor(swatch)
            fill.setAlpha(GRID_FILL_ALPHA * 2)
            painter.setBrush(fill)
            painter.drawRect(QRectF(rect.x() + 5, rect.center().y() - 4, 8, 8))
        painter.setFont(font)
        painter.setPen(QColor(_LABEL_TEXT))
        painter.drawText(rect.adjusted(4 + key, 0, -4, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        return rect

    def _paint_scale_bar(self, painter: QPainter, scale: float) -> QRectF:
        """A round length (1-2-5) about a quarter of the width, bottom left, with its label."""
        length_m = nice_scale_length(max(40.0, self.width() * 0.28) / scale)
        bar_px = length_m * scale
        text = format_distance(length_m)
        fm = QFontMetricsF(self._small_font)
        text_w = fm.horizontalAdvance(text)
        h = fm.height() + 12
        w = max(bar_px, text_w) + 12
        rect = QRectF(6, self.height() - 6 - h, w, h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_CHIP)
        painter.drawRoundedRect(rect, 3, 3)
        x0, y = rect.left() + 6, rect.bottom() - 5
        pen = QPen(QColor(_LABEL_TEXT), 2.0)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y), QPointF(x0 + bar_px, y))
        painter.drawLine(QPointF(x0, y - 5), QPointF(x0, y + 1))
        painter.drawLine(QPointF(x0 + bar_px, y - 5), QPointF(x0 + bar_px, y + 1))
        painter.setFont(self._small_font)
        painter.drawText(QRectF(x0, rect.top() + 1, w - 12, fm.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        return rect

    def _paint_north(self, painter: QPainter) -> QRectF:
        """A small "N" arrow, top right: the map is always north-up, and says so."""
        size = 20.0
        rect = QRectF(self.width() - 6 - size, 6, size, size + 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_CHIP)
        painter.drawRoundedRect(rect, 3, 3)
        cx = rect.center().x()
        painter.setBrush(QColor(_LABEL_TEXT))
        painter.drawPolygon(QPolygonF([QPointF(cx, rect.top() + 3), QPointF(cx + 4, rect.top() + 9),
                                       QPointF(cx - 4, rect.top() + 9)]))
        painter.setPen(QColor(_LABEL_TEXT))
        painter.setFont(self._small_font)
        painter.drawText(QRectF(rect.left(), rect.top() + 9, size, size - 6),
                         int(Qt.AlignmentFlag.AlignCenter), "N")
        return rect
