"""The dashboard's charts on pyqtgraph: alarms per hour by priority, a distribution of
durations against its target, and the alarm rate against the flood threshold.

Each chart is built once and redrawn from figures with ``setData``/``setOpts`` (the dashboard
redraws several times a second). A chart wears a ``Look``: the console's, the wall's, or
paper's for the shift report (``widgets.dashboard.images`` renders them offscreen), so what is
printed is the very chart on the screen. None of them takes the mouse: this is a display.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from backend_client.figures import PRIORITIES, Distribution, FloodFigures
from widgets.colors import (
    NOTICE_COLORS,
    PRIORITY_COLORS,
    SECONDARY_TEXT,
    UNIT_STATUS_COLORS,
    Swatch,
)
from widgets.dashboard.look import NORMAL, Look, chip_style
from widgets.dashboard.texts import (
    flood_threshold_label,
    local_hh,
    no_samples_text,
    percentile_label,
    seconds_text,
    target_label,
)
from widgets.i18n import tr

MAX_BINS = 30
BAR_COLOR = SECONDARY_TEXT  # neutral bars: readable on the dark, black and white pages alike
MET = UNIT_STATUS_COLORS["available"]  # the percentile line when the target is met
MISSED = PRIORITY_COLORS[1]
FLOOD = PRIORITY_COLORS[1]
THRESHOLD = NOTICE_COLORS["warning"]
LABEL_EVERY_H = 3  # the time axes name every third hour (00, 03, 06 …)


class CountAxis(pg.AxisItem):
    """Counts of alarms: whole numbers only (no 0.5 tick on a chart of ones and twos)."""

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list[Any]:  # noqa: N802, N803
        levels = [(s, o) for s, o in super().tickSpacing(minVal, maxVal, size) if s >= 1]
        return levels or [(1.0, 0.0)]


class SecondsAxis(pg.AxisItem):
    """Durations: ``10 s``, ``20 s`` …"""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        return [tr("{s} s").format(s=f"{v:g}") for v in values]


def static_plot(parent: QWidget, left: pg.AxisItem, bottom: pg.AxisItem) -> pg.PlotWidget:
    """A plot nobody can pan, zoom or open a menu on."""
    plot = pg.PlotWidget(parent, axisItems={"left": left, "bottom": bottom})
    item = plot.getPlotItem()
    item.hideButtons()
    item.setMenuEnabled(False)
    box = item.getViewBox()
    box.setMouseEnabled(False, False)
    box.setMenuEnabled(False)
    plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    plot.setMinimumSize(120, 60)
    return plot


def style_plot(plot: pg.PlotWidget, look: Look) -> None:
    plot.setBackground(look.background)
    font = QFont(plot.font())
    font.setPixelSize(look.axis_px)
    item = plot.getPlotItem()
    for name in ("left", "bottom"):
        axis = item.getAxis(name)
        axis.setPen(pg.mkPen(look.ink, width=1))
        axis.setTextPen(pg.mkPen(look.ink))
        axis.setTickFont(font)
        axis.setStyle(tickTextOffset=max(3, look.axis_px // 3))
    item.getAxis("left").setWidth(int(look.axis_px * 2.8))
    item.getAxis("bottom").setHeight(int(look.axis_px * 1.6 + 8))
    item.showGrid(x=False, y=True, alpha=0.2)


def label_font(look: Look, base: QFont) -> QFont:
    font = QFont(base)
    font.setPixelSize(look.axis_px + 1)
    font.setBold(True)
    return font


def hour_ticks(starts: Sequence[datetime], index_of: Sequence[float]) -> list[Any]:
    """Major ticks named ``HH`` (local time) every LABEL_EVERY_H hours, a minor tick each
    hour; ``index_of[i]`` is where the hour starting at ``starts[i]`` sits on the x axis."""
    major, minor = [], []
    for start, x in zip(starts, index_of, strict=False):
        local = start.astimezone()
        if local.minute != 0:
            continue
        if local.hour % LABEL_EVERY_H == 0:
            major.append((x, local_hh(start)))
        else:
            minor.append((x, ""))
    return [major, minor]


class _Chart(QWidget):
    """A chart's frame: a background of the look's page colour and a plot."""

    def __init__(self, name: str, look: Look, parent: QWidget | None,
                 left: pg.AxisItem, bottom: pg.AxisItem) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.plot = static_plot(self, left, bottom)
        self.box: pg.ViewBox = self.plot.getPlotItem().getViewBox()
        self.look = look

    def set_look(self, look: Look) -> None:
        self.look = look
        self.setStyleSheet(f"#{self.objectName()} {{ background-color: {look.background}; }}")
        style_plot(self.plot, look)


class HourlyChart(_Chart):
    """Alarms created per hour, stacked by priority (P1 at the bottom), with a legend."""

    def __init__(self, look: Look = NORMAL, parent: QWidget | None = None) -> None:
        super().__init__("dashHourlyChart", look, parent, CountAxis("left"),
                         pg.AxisItem("bottom"))
        self.legend_box = QWidget(self)
        self.legend_box.setObjectName("dashHourlyLegend")
        self.legend: dict[int, QLabel] = {}
        legend_row = QHBoxLayout(self.legend_box)
        legend_row.setContentsMargins(0, 0, 0, 0)
        for p in PRIORITIES:
            chip = QLabel(tr("P{n}").format(n=p), self.legend_box)
            legend_row.addWidget(chip)
            self.legend[p] = chip
        legend_row.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addWidget(self.legend_box)
        self._layout.addWidget(self.plot, 1)
        self.bars: dict[int, pg.BarGraphItem] = {}
        for p in PRIORITIES:
            bar = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.8, pen=None,
                                  brush=PRIORITY_COLORS[p].background)
            self.box.addItem(bar)
            self.bars[p] = bar
        self._shown: tuple[Any, ...] | None = None
        self.set_look(look)

    def detach_legend(self) -> QWidget:
        """Take the legend out of the chart, for a caller to place (a tile puts it in its
        header, giving the bars the height)."""
        self._layout.removeWidget(self.legend_box)
        return self.legend_box

    def set_look(self, look: Look) -> None:
        super().set_look(look)
        font = label_font(look, self.font())
        self.legend_box.layout().setSpacing(max(4, look.margin_px // 2))
        for p, chip in self.legend.items():
            chip.setFont(font)
            chip.setStyleSheet(chip_style(PRIORITY_COLORS[p], look))

    def show_hours(self, starts: Sequence[datetime],
                   hourly: Sequence[tuple[int, int, int, int]]) -> None:
        key = (tuple(starts), tuple(hourly))
        if key == self._shown:
            return
        self._shown = key
        counts = np.asarray(hourly, dtype=float).reshape(-1, len(PRIORITIES))
        n = len(counts)
        x = np.arange(n, dtype=float)
        bottom = np.zeros(n)
        for i, p in enumerate(PRIORITIES):
            self.bars[p].setOpts(x=x, height=counts[:, i], y0=bottom.copy(), width=0.8)
            bottom += counts[:, i]
        self.plot.getPlotItem().getAxis("bottom").setTicks(hour_ticks(starts[:n], x))
        top = float(bottom.max()) if n else 0.0
        self.box.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        self.box.setYRange(0, max(top, 1.0) * 1.08, padding=0)


def nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 × 10^k at or above ``raw`` (bin widths people can read)."""
    if raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * power >= raw - 1e-12:
            return m * power
    return 10.0 * power


def histogram(d: Distribution) -> tuple[np.ndarray, np.ndarray, float, int]:
    """Bin edges, counts, bin width and how many samples lie beyond the last edge. The x range
    stops at max(3 × target, 1.2 × percentile), so one stray hour does not squash the rest."""
    upper = max(d.target_s * 3.0, (d.at_percent or 0.0) * 1.2)
    if upper <= 0:
        upper = 1.0
    width = nice_step(upper / MAX_BINS)
    bins = max(1, math.ceil(upper / width - 1e-9))
    samples = np.asarray(d.samples, dtype=float)
    counts, edges = np.histogram(samples, bins=bins, range=(0.0, bins * width))
    beyond = int(np.count_nonzero(samples > bins * width))
    return edges, counts, width, beyond


class DistributionChart(_Chart):
    """A histogram of durations with the target and the percentile as vertical lines (the
    percentile green when the target is met, red when not); a sentence instead of an empty
    plot when the period has no samples."""

    def __init__(self, name: str, look: Look = NORMAL, parent: QWidget | None = None) -> None:
        super().__init__(name, look, parent, CountAxis("left"), SecondsAxis("bottom"))
        self.empty = QLabel(no_samples_text(), self)
        self.empty.setObjectName(f"{name}Empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)
        self._stack.addWidget(self.plot)
        self._stack.addWidget(self.empty)
        self.bars = pg.BarGraphItem(x0=np.zeros(0), height=np.zeros(0), width=1.0, pen=None,
                                    brush=BAR_COLOR)
        self.box.addItem(self.bars)
        self.target_line = self._line()
        self.percent_line = self._line()
        self.beyond = pg.TextItem("", anchor=(1, 0))
        self.box.addItem(self.beyond)
        self._shown: Distribution | None = None
        self._beyond = 0  # samples right of the x range
        self.set_look(look)
        self.box.sigResized.connect(self._place_labels)

    def _line(self) -> pg.InfiniteLine:
        line = pg.InfiniteLine(angle=90, movable=False, label="",
                               labelOpts={"position": 0.95, "anchors": [(0, 0)] * 2})
        line.setZValue(10)
        self.box.addItem(line)
        return line

    def _place_labels(self) -> None:
        """The target's label at the top, the percentile's just under it (in pixels, so they
        never overlap however short the plot); each right of its line, or left of it in the
        right part of the plot (kept inside)."""
        height = max(1.0, self.box.height())
        label_h = self.target_line.label.boundingRect().height()
        (_, right), (_, top) = self.box.viewRange()
        for i, line in enumerate((self.target_line, self.percent_line)):
            side = 1 if line.value() > 0.6 * right else 0
            line.label.anchors = [(side, 0)] * 2
            line.label.setPosition(max(0.0, 1.0 - (2 + i * (label_h + 2)) / height))
        # The note of samples beyond the x range: a third row at the right, if there is room.
        row = 2 + 2 * (label_h + 2)
        self.beyond.setPos(right, top * (1.0 - row / height))
        self.beyond.setVisible(self._beyond > 0 and row + label_h <= height)

    @property
    def showing_plot(self) -> bool:
        return self._stack.currentWidget() is self.plot

    def set_look(self, look: Look) -> None:
        super().set_look(look)
        font = label_font(look, self.font())
        self.target_line.setPen(pg.mkPen(look.ink, width=look.line_px,
                                         style=Qt.PenStyle.DashLine))
        self.target_line.label.setColor(look.ink)
        self.target_line.label.fill = pg.mkBrush(look.background)
        for item in (self.target_line.label, self.percent_line.label, self.beyond):
            item.setFont(font)
        self.beyond.setColor(look.ink)
        self.beyond.fill = pg.mkBrush(look.background)
        empty_font = QFont(self.font())
        empty_font.setPixelSize(look.caption_px + 2)
        self.empty.setFont(empty_font)
        self.empty.setStyleSheet(f"color: {look.ink}; background: transparent;")
        self._color_percentile()
        self._place_labels()

    def _color_percentile(self) -> None:
        d = self._shown
        swatch: Swatch = MET if d is not None and d.meets_target else MISSED
        self.percent_line.setPen(pg.mkPen(swatch.background, width=self.look.line_px))
        self.percent_line.label.setColor(swatch.text)
        self.percent_line.label.fill = pg.mkBrush(swatch.background)
        self.percent_line.label.update()

    def show_distribution(self, d: Distribution) -> None:
        if d == self._shown:
            return
        self._shown = d
        if d.count == 0 or d.at_percent is None:
            self._stack.setCurrentWidget(self.empty)
            return
        self._stack.setCurrentWidget(self.plot)
        edges, counts, width, beyond = histogram(d)
        self.bars.setOpts(x0=edges[:-1], width=width * 0.92, height=counts.astype(float))
        right = float(edges[-1])
        top = max(float(counts.max()), 1.0) * 1.3
        self.box.setXRange(0, right, padding=0)
        self.box.setYRange(0, top, padding=0)
        self.target_line.setValue(d.target_s)
        self.target_line.label.setFormat(target_label(d))
        self.percent_line.setValue(d.at_percent)
        self.percent_line.label.setFormat(percentile_label(d))
        self._beyond = beyond
        if beyond:
            self.beyond.setText(tr("+{n} beyond {t}").format(n=beyond, t=seconds_text(right)))
        self._place_labels()
        self._color_percentile()


class FloodChart(_Chart):
    """New alarms per 10-minute bucket over the period against ISA-18.2's flood threshold;
    buckets over it in red."""

    def __init__(self, look: Look = NORMAL, parent: QWidget | None = None) -> None:
        super().__init__("dashFloodChart", look, parent, CountAxis("left"),
                         pg.AxisItem("bottom"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.calm = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.85, pen=None,
                                    brush=BAR_COLOR)
        self.over = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=0.85, pen=None,
                                    brush=FLOOD.background)
        self.box.addItem(self.calm)
        self.box.addItem(self.over)
        self.threshold = pg.InfiniteLine(angle=0, movable=False, label="",
                                         labelOpts={"position": 0.01,
                                                    "anchors": [(0, 1)] * 2})
        self.threshold.setZValue(10)
        self.box.addItem(self.threshold)
        self._shown: FloodFigures | None = None
        self.set_look(look)

    def set_look(self, look: Look) -> None:
        super().set_look(look)
        self.threshold.setPen(pg.mkPen(THRESHOLD.background, width=look.line_px,
                                       style=Qt.PenStyle.DashLine))
        label = self.threshold.label
        label.setFont(label_font(look, self.font()))
        label.setColor(THRESHOLD.text)
        label.fill = pg.mkBrush(THRESHOLD.background)
        label.update()

    def show_flood(self, f: FloodFigures) -> None:
        if f == self._shown:
            return
        self._shown = f
        counts = np.asarray(f.counts, dtype=float)
        x = np.arange(len(counts), dtype=float)
        flooded = counts > f.threshold
        self.calm.setOpts(x=x, height=np.where(flooded, 0.0, counts))
        self.over.setOpts(x=x, height=np.where(flooded, counts, 0.0))
        self.plot.getPlotItem().getAxis("bottom").setTicks(
            hour_ticks(f.bucket_starts[:len(counts)], x))
        self.threshold.setValue(f.threshold)
        self.threshold.label.setFormat(flood_threshold_label(f))
        top = max(float(counts.max()) if len(counts) else 0.0, f.threshold + 1.0) * 1.2
        self.box.setXRange(-0.6, max(len(counts), 1) - 0.4, padding=0)
        self.box.setYRange(0, top, padding=0)
