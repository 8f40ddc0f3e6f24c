"""``DashboardView``: leadership's "are we on top of it?" — open alarms, acknowledgement,
units, cameras and top grids now; alarms per hour, time to acknowledge and to dispatch, and the
alarm rate against the flood threshold over the last 24 hours.

A display only: no buttons, no fields, plots that ignore the mouse (it may hang on a hall
wall, where nobody should be able to knock a chart off its range). ``show_figures`` only
changes texts and chart data. The tiles sit in three columns; on a wide view the top row gives
the unit chips half its width (and the chips reflow within their tile). ``set_big`` switches to
the wall's look: much larger type, white on black, thicker lines.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from backend_client.figures import DashboardFigures
from widgets.dashboard.charts import DistributionChart, FloodChart, HourlyChart
from widgets.dashboard.look import BIG, NORMAL, Look, view_style_sheet
from widgets.dashboard.texts import (
    as_of_text,
    cameras_caption,
    distribution_caption,
    flood_caption,
    now_text,
    period_text,
)
from widgets.dashboard.tiles import (
    OpenAlarmsTile,
    Tile,
    TopGridsTile,
    UnitsTile,
    acknowledgement_tile,
    cameras_tile,
    px_font,
    set_text,
    swatch_if,
)
from widgets.i18n import plural, tr

WIDE_PX: Final = 1280  # from this width on, the top row gives the unit chips half the width
GRID_COLUMNS: Final = 12
# Where each tile goes on a 12-column grid: (row, column, row span, column span). Only the top
# row differs: on a wide view the units' seven chips take half of it.
_BELOW: Final = {"hourly": (1, 0, 1, 4), "flood": (1, 4, 1, 4), "top": (1, 8, 1, 4),
                 "ack_time": (2, 0, 1, 4), "dispatch_time": (2, 4, 1, 4),
                 "cameras": (2, 8, 1, 4)}
PLACES: Final[dict[bool, dict[str, tuple[int, int, int, int]]]] = {
    False: {"open": (0, 0, 1, 3), "ack": (0, 3, 1, 3), "units": (0, 6, 1, 6), **_BELOW},
    True: {"open": (0, 0, 1, 3), "ack": (0, 3, 1, 3), "units": (0, 6, 1, 6), **_BELOW},
}


class DashboardView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.look: Look = NORMAL

        self.as_of = QLabel(self)
        self.as_of.setObjectName("dashAsOf")
        self.as_of.setProperty("dashSwatch", "notice-warning")
        self.as_of.hide()

        self.open_tile = OpenAlarmsTile(self)
        self.ack_tile = acknowledgement_tile(self)
        self.units_tile = UnitsTile(self)
        self.cameras_tile = cameras_tile(self)
        self.top_tile = TopGridsTile(self)

        self.hourly = HourlyChart(parent=self)
        self.hourly_tile = self._chart_tile(tr("Alarms per hour"), "dashTileHourly",
                                            self.hourly, "dashHourlyCaption")
        self.hourly_tile.footer.addWidget(self.hourly.detach_legend(), 0,
                                          Qt.AlignmentFlag.AlignBottom)
        self.ack_chart = DistributionChart("dashAckChart", parent=self)
        self.ack_time_tile = self._chart_tile(tr("Time to acknowledge"), "dashTileAckTime",
                                              self.ack_chart, "dashAckCaption")
        self.dispatch_chart = DistributionChart("dashDispatchChart", parent=self)
        self.dispatch_time_tile = self._chart_tile(
            tr("Acknowledged \u2192 dispatched"), "dashTileDispatchTime", self.dispatch_chart,
            "dashDispatchCaption")
        self.flood = FloodChart(parent=self)
        self.flood_tile = self._chart_tile(tr("Alarm rate"),
                                           "dashTileFlood", self.flood, "dashFloodCaption")
        self.flood_badge = QLabel(tr("FLOOD"), self.flood_tile)
        self.flood_badge.setObjectName("dashFloodBadge")
        self.flood_badge.setProperty("dashSwatch", "notice-critical")
        self.flood_badge.hide()
        self.flood_tile.header.insertWidget(1, self.flood_badge)

        self.tiles: dict[str, Tile] = {
            "open": self.open_tile, "ack": self.ack_tile, "units": self.units_tile,
            "cameras": self.cameras_tile, "top": self.top_tile, "hourly": self.hourly_tile,
            "ack_time": self.ack_time_tile, "dispatch_time": self.dispatch_time_tile,
            "flood": self.flood_tile,
        }
        self.grid = QGridLayout()
        self._wide: bool | None = None
        self._figures: DashboardFigures | None = None  # the latest, drawn or not
        outer = QVBoxLayout(self)
        outer.addWidget(self.as_of)
        outer.addLayout(self.grid, 1)
        self._outer = outer
        self._apply_look()
        self._reflow()

    @staticmethod
    def _chart_tile(title: str, name: str, chart: QWidget, caption_name: str) -> Tile:
        tile = Tile(title, name, chart.parentWidget())
        chart.setParent(tile)
        tile.body.addWidget(chart, 1)
        tile.caption.setObjectName(caption_name)
        return tile

    # --- figures --------------------------------------------------------------------------

    def show_figures(self, fig: DashboardFigures) -> None:
        """Redraw everything from ``fig`` (texts and chart data only). A hidden view (a tab
        behind another) keeps them and draws when it is shown: in a flood the figures come
        four times a second, and drawing them unseen took UI time from the visible panes."""
        self._figures = fig
        if self.isVisible():
            self._draw(fig)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._figures is not None:
            self._draw(self._figures)

    def _draw(self, fig: DashboardFigures) -> None:
        now, period = now_text(), period_text(fig)
        for key in ("open", "ack", "units", "cameras", "top"):
            self.tiles[key].set_period(now)
        for key in ("hourly", "ack_time", "dispatch_time", "flood"):
            self.tiles[key].set_period(period)

        self.open_tile.show_figures(fig)
        self.ack_tile.first.set_value(fig.unacknowledged)
        self.ack_tile.second.set_value(fig.overdue, swatch_if(fig.overdue > 0, "p1"))
        self.units_tile.show_figures(fig)
        self.cameras_tile.first.set_value(fig.cameras_online)
        self.cameras_tile.second.set_value(fig.cameras_offline,
                                           swatch_if(fig.cameras_offline > 0, "notice-warning"))
        self.cameras_tile.set_caption(cameras_caption(fig))
        self.top_tile.show_figures(fig)

        self.hourly.show_hours(fig.hour_starts, fig.hourly)
        created = sum(sum(hour) for hour in fig.hourly)
        self.hourly_tile.set_caption(plural(tr("%n alarm created"), tr("%n alarms created"),
                                            created))
        self.ack_chart.show_distribution(fig.ack)
        self.ack_time_tile.set_caption(distribution_caption(fig.ack))
        self.dispatch_chart.show_distribution(fig.dispatch)
        self.dispatch_time_tile.set_caption(distribution_caption(fig.dispatch))
        self.flood.show_flood(fig.flood)
        self.flood_tile.set_caption(flood_caption(fig.flood, fig))
        self.flood_badge.setVisible(fig.flood.in_flood)

        if not fig.live:
            set_text(self.as_of, as_of_text(fig))
        self.as_of.setVisible(not fig.live)

    # --- look and layout ------------------------------------------------------------------

    def set_big(self, big: bool) -> None:
        """The wall's look (much larger type, white on black, thicker lines) or the console's."""
        look = BIG if big else NORMAL
        if look is not self.look:
            self.look = look
            self._apply_look()

    def _apply_look(self) -> None:
        look = self.look
        self.setStyleSheet(view_style_sheet(look))
        for tile in self.tiles.values():
            tile.apply_look(look)
        for chart in (self.hourly, self.ack_chart, self.dispatch_chart, self.flood):
            chart.set_look(look)
        bold = px_font(self.font(), look.caption_px, bold=True)
        self.as_of.setFont(bold)
        self.flood_badge.setFont(px_font(self.font(), look.title_px, bold=True))
        m = look.margin_px
        self._outer.setContentsMargins(m, m, m, m)
        self._outer.setSpacing(m)
        self.grid.setSpacing(m)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._reflow()

    def _reflow(self) -> None:
        wide = self.width() >= WIDE_PX
        if wide == self._wide:
            return
        self._wide = wide
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for key, (row, col, rows, cols) in PLACES[wide].items():
            self.grid.addWidget(self.tiles[key], row, col, rows, cols)
        for c in range(GRID_COLUMNS):
            self.grid.setColumnStretch(c, 1)
        for row, stretch in enumerate((0, 1, 1)):
            self.grid.setRowStretch(row, stretch)
