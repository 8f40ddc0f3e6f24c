"""The dashboard's charts as images for the printed shift report: the same chart classes as
the view, in the paper look (dark on white), rendered offscreen at the size asked for."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from backend_client.figures import DashboardFigures
from widgets.dashboard.charts import DistributionChart, FloodChart, HourlyChart
from widgets.dashboard.look import PRINT


def _hourly(fig: DashboardFigures) -> QWidget:
    chart = HourlyChart(PRINT)
    chart.show_hours(fig.hour_starts, fig.hourly)
    return chart


def _ack(fig: DashboardFigures) -> QWidget:
    chart = DistributionChart("dashAckChart", PRINT)
    chart.show_distribution(fig.ack)
    return chart


def _dispatch(fig: DashboardFigures) -> QWidget:
    chart = DistributionChart("dashDispatchChart", PRINT)
    chart.show_distribution(fig.dispatch)
    return chart


def _flood(fig: DashboardFigures) -> QWidget:
    chart = FloodChart(PRINT)
    chart.show_flood(fig.flood)
    return chart


CHARTS: dict[str, Callable[[DashboardFigures], QWidget]] = {
    "hourly": _hourly, "ack": _ack, "dispatch": _dispatch, "flood": _flood,
}


def render(widget: QWidget, width: int, height: int) -> QImage:
    """``widget`` laid out at width × height and painted into an image of exactly that size,
    without ever appearing on a screen."""
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    widget.resize(width, height)
    widget.show()
    # Layouts (the widget's, and pyqtgraph's inside its scene) settle on posted layout
    # requests; only those are sent (no queued slot of the app runs from here).
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(PRINT.background))
    widget.render(image)
    widget.hide()
    return image


def chart_images(fig: DashboardFigures, width: int, height: int) -> dict[str, QImage]:
    """Images of the charts "hourly", "ack", "dispatch" and "flood", white-backed with dark
    text, each ``width`` × ``height`` pixels. Call on the GUI thread."""
    images: dict[str, QImage] = {}
    for name, make in CHARTS.items():
        chart = make(fig)
        try:
            images[name] = render(chart, width, height)
        finally:
            chart.deleteLater()
    return images
