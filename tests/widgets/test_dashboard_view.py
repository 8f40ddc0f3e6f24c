"""The dashboard under Xvfb, fed hand-made figures: an empty period, a single alarm and a busy
day. Numbers land in their tiles (and leave no stale values), the overdue and offline counts
take their warning swatches only when non-zero, captions carry the percentile, the target and
the share within it as ``Distribution`` computes them, an empty distribution says so instead
of drawing nothing, the flood badge and the offline line come and go, the wall's look is big,
nothing on the view takes input, and the charts print on white."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontInfo
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from backend_client.figures import (
    UNIT_STATUSES,
    DashboardFigures,
    Distribution,
    FloodFigures,
    GridCount,
)
from widgets.colors import NOTICE_COLORS, PRIORITY_COLORS, UNIT_STATUS_COLORS
from widgets.dashboard import DashboardView, chart_images
from widgets.dashboard.charts import MAX_BINS

AS_OF = datetime(2025, 3, 14, 15, 42, tzinfo=UTC)
START = AS_OF.replace(minute=0) - timedelta(hours=23)
HOURS = tuple(START + timedelta(hours=i) for i in range(24))
BUCKETS = tuple(START + timedelta(minutes=10 * i) for i in range(144))


def figures(*, open_by_priority=(0, 0, 0, 0), unacknowledged=0, overdue=0, units=(0,) * 7,
            cameras=(0, 0), top=(), hourly=None, ack=(), ack_target=10.0, ack_unmeasured=0,
            dispatch=(), flood_counts=None, last_10_min=0, live=True) -> DashboardFigures:
    return DashboardFigures(
        as_of=AS_OF, live=live, period_start=START,
        open_by_priority=dict(zip((1, 2, 3, 4), open_by_priority, strict=True)),
        unacknowledged=unacknowledged, overdue=overdue,
        units_by_status=dict(zip(UNIT_STATUSES, units, strict=True)),
        cameras_online=cameras[0], cameras_offline=cameras[1],
        top_grids=tuple(GridCount(f"g{i}", name, n) for i, (name, n) in enumerate(top)),
        hour_starts=HOURS, hourly=hourly or ((0, 0, 0, 0),) * 24,
        ack=Distribution.of(ack, ack_target, 90, ack_unmeasured),
        dispatch=Distribution.of(dispatch, 60, 90),
        flood=FloodFigures(10, 10, BUCKETS, flood_counts or (0,) * 144, last_10_min))


def empty() -> DashboardFigures:
    return figures()


def one_alarm() -> DashboardFigures:
    hourly = [(0, 0, 0, 0)] * 24
    hourly[-1] = (1, 0, 0, 0)
    counts = [0] * 144
    counts[-1] = 1
    return figures(open_by_priority=(1, 0, 0, 0), unacknowledged=0, units=(5, 1, 0, 0, 0, 0, 2),
                   cameras=(12, 0), top=(("Old Town", 1),), hourly=tuple(hourly), ack=(4.0,),
                   dispatch=(35.0,), flood_counts=tuple(counts), last_10_min=1)


def busy(*, live=True) -> DashboardFigures:
    hourly = tuple(((h * 7) % 4, (h * 5) % 9, 3 + h % 11, (h * 3) % 7) for h in range(24))
    counts = tuple(14 if i % 17 == 0 else (i * 7) % 9 for i in range(144))
    return figures(open_by_priority=(3, 11, 27, 9), unacknowledged=7, overdue=2,
                   units=(18, 4, 6, 9, 3, 2, 31), cameras=(212, 7),
                   top=(("Riverside North", 9), ("Old Town", 7), ("Harbour", 5),
                        ("东城区三号网格", 3), ("Airport", 1)),
                   hourly=hourly, ack=[1 + (i * 37) % 23 for i in range(120)] + [400.0],
                   ack_unmeasured=5, dispatch=[20 + (i * 13) % 70 for i in range(90)],
                   flood_counts=counts, last_10_min=14, live=live)


def text(view: QWidget, name: str) -> str:
    label = view.findChild(QLabel, name)
    assert label is not None, name
    return label.text().replace("\u00a0", " ")


@pytest.fixture(scope="module")
def shared_view(qapp):
    """One view for the module (building four plots costs a quarter of a second); each test
    starts it again in the console look at 1600 × 900 and feeds it its own figures."""
    v = DashboardView()
    yield v
    v.close()
    v.deleteLater()


@pytest.fixture
def view(shared_view, qtbot):
    shared_view.set_big(False)
    shared_view.resize(1600, 900)
    shared_view.show()
    qtbot.waitExposed(shared_view)
    return shared_view


def test_open_alarms_show_the_total_and_each_priority(view):
    view.show_figures(busy())
    assert text(view, "dashOpenTotal") == "50"
    assert [text(view, f"dashOpenP{p}") for p in (1, 2, 3, 4)] == ["3", "11", "27", "9"]
    assert text(view, "dashUnacknowledged") == "7"
    assert text(view, "dashOverdue") == "2"
    assert [text(view, f"dashUnits_{s}") for s in UNIT_STATUSES] == [
        "18", "4", "6", "9", "3", "2", "31"]
    assert (text(view, "dashCamerasOnline"), text(view, "dashCamerasOffline")) == ("212", "7")


def _fill_at_left(label: QLabel) -> QColor:
    """The colour just inside the label's left edge (its chip background, if it wears one)."""
    image = label.grab().toImage()
    return image.pixelColor(3, image.height() // 2)


def test_overdue_is_red_only_when_some_are_overdue(view, qtbot):
    overdue = view.findChild(QLabel, "dashOverdue")
    view.show_figures(busy())
    qtbot.wait(10)
    assert _fill_at_left(overdue) == PRIORITY_COLORS[1].background_color()
    view.show_figures(replace(busy(), overdue=0))
    qtbot.wait(10)
    assert text(view, "dashOverdue") == "0"
    assert _fill_at_left(overdue) != PRIORITY_COLORS[1].background_color()
    assert overdue.property("dashSwatch") == "none"


def test_offline_cameras_are_amber_only_when_some_are_offline(view, qtbot):
    offline = view.findChild(QLabel, "dashCamerasOffline")
    view.show_figures(busy())
    qtbot.wait(10)
    assert _fill_at_left(offline) == NOTICE_COLORS["warning"].background_color()
    view.show_figures(one_alarm())
    qtbot.wait(10)
    assert _fill_at_left(offline) != NOTICE_COLORS["warning"].background_color()
    assert text(view, "dashCamerasOffline") == "0"


def test_ack_caption_states_percentile_target_and_share(view):
    view.show_figures(figures(ack=range(1, 11), ack_target=9))
    assert text(view, "dashAckCaption") == (
        "P90 9 s \u00b7 target 9 s \u00b7 90 % within target \u00b7 n = 10")
    # 90 % within 9 s meets a 90 % target: the percentile line is green.
    green = UNIT_STATUS_COLORS["available"].background_color()
    assert view.ack_chart.percent_line.pen.color() == green
    assert view.ack_chart.percent_line.label.toPlainText().replace("\u00a0", " ") == "P90 9 s"
    assert view.ack_chart.target_line.label.toPlainText().replace("\u00a0", " ") == "target 9 s"

    view.show_figures(figures(ack=range(1, 11), ack_target=8, ack_unmeasured=5))
    assert text(view, "dashAckCaption") == ("P90 9 s \u00b7 target 8 s \u00b7 80 % within target"
                                           " \u00b7 n = 10 (+5 not measurable)")
    assert view.ack_chart.percent_line.pen.color() == PRIORITY_COLORS[1].background_color()


def test_one_alarm(view):
    view.show_figures(one_alarm())
    assert text(view, "dashOpenTotal") == "1"
    assert text(view, "dashAckCaption") == (
        "P90 4 s \u00b7 target 10 s \u00b7 100 % within target \u00b7 n = 1")
    assert text(view, "dashDispatchCaption") == (
        "P90 35 s \u00b7 target 1 min \u00b7 100 % within target \u00b7 n = 1")
    assert view.ack_chart.showing_plot and view.dispatch_chart.showing_plot
    heights = view.hourly.bars[1].opts["height"]
    assert list(heights).count(1) == 1 and heights[-1] == 1


def test_an_empty_period_says_so_instead_of_an_empty_plot(view, qtbot):
    view.show_figures(empty())
    qtbot.wait(10)
    for name in ("dashAckChart", "dashDispatchChart"):
        message = view.findChild(QLabel, f"{name}Empty")
        assert message.isVisible() and message.text() == "No alarms in this period"
    assert not view.ack_chart.plot.isVisible()
    assert text(view, "dashAckCaption") == "target 10 s \u00b7 n = 0"
    assert text(view, "dashOpenTotal") == "0"
    assert view.findChild(QLabel, "dashTopGridsEmpty").isVisible()
    assert not view.findChild(QLabel, "dashTopGridName0").isVisible()
    # And back: samples bring the plot.
    view.show_figures(busy())
    qtbot.wait(10)
    assert view.ack_chart.plot.isVisible()
    assert not view.findChild(QLabel, "dashAckChartEmpty").isVisible()


def test_histogram_is_clipped_and_binned(view):
    fig = busy()
    view.show_figures(fig)
    bars = view.ack_chart.bars.opts
    (left, right), _ = view.ack_chart.box.viewRange()
    limit = max(fig.ack.target_s * 3, fig.ack.at_percent * 1.2)
    assert limit <= right < limit * 1.2  # the 400 s straggler does not stretch the axis
    assert len(bars["height"]) <= MAX_BINS
    assert sum(bars["height"]) == fig.ack.count - 1  # all but the straggler
    assert view.ack_chart._beyond == 1


def test_flood_badge_and_caption(view):
    view.show_figures(busy())
    badge = view.findChild(QLabel, "dashFloodBadge")
    assert badge.isVisible() and badge.text() == "FLOOD"
    flood_buckets = sum(1 for i in range(144) if i % 17 == 0)  # 9 buckets of 14 (> 10)
    assert text(view, "dashFloodCaption") == (
        "now: 14 in the last 10 min \u00b7 time in flood (24 h): 1 h 30 min")
    over = view.flood.over.opts["height"]
    calm = view.flood.calm.opts["height"]
    assert sum(1 for h in over if h > 0) == flood_buckets
    assert all(h <= 10 for h in calm)
    assert view.flood.threshold.value() == 10
    assert view.flood.threshold.label.toPlainText() == "flood: > 10 / 10 min"

    view.show_figures(replace(busy(), flood=replace(busy().flood, last_10_min=10)))
    assert not badge.isVisible()  # 10 is the threshold, not over it
    view.show_figures(empty())
    assert not badge.isVisible()
    assert text(view, "dashFloodCaption") == (
        "now: 0 in the last 10 min \u00b7 time in flood (24 h): none")


def test_hourly_bars_stack_by_priority(view):
    fig = busy()
    view.show_figures(fig)
    bars = view.hourly.bars
    for hour in (0, 5, 23):
        p1, p2, p3, _ = fig.hourly[hour]
        assert bars[1].opts["y0"][hour] == 0
        assert bars[2].opts["y0"][hour] == p1
        assert bars[4].opts["y0"][hour] == p1 + p2 + p3
    ticks = view.hourly.plot.getPlotItem().getAxis("bottom")._tickLevels[0]
    assert all(label == h.astimezone().strftime("%H") for x, label in ticks
               for h in [HOURS[int(x)]])
    assert text(view, "dashHourlyCaption") == f"{sum(map(sum, fig.hourly))} alarms created"


def test_top_grids_list_names_and_counts(view):
    view.show_figures(busy())
    rows = [(text(view, f"dashTopGridName{i}"), text(view, f"dashTopGridCount{i}"))
            for i in range(5)]
    assert rows == [("Riverside North", "9"), ("Old Town", "7"), ("Harbour", "5"),
                    ("东城区三号网格", "3"), ("Airport", "1")]
    assert not view.findChild(QLabel, "dashTopGridsEmpty").isVisible()
    view.show_figures(one_alarm())
    assert view.findChild(QLabel, "dashTopGridName0").isVisible()
    assert not view.findChild(QLabel, "dashTopGridName1").isVisible()


def test_periods_and_the_offline_line(view, qtbot):
    view.show_figures(busy(live=True))
    qtbot.wait(10)
    as_of = view.findChild(QLabel, "dashAsOf")
    assert not as_of.isVisible()
    assert text(view, "dashTileOpenPeriod") == "now"
    assert text(view, "dashTileAckTimePeriod") == "last 24 h"
    assert text(view, "dashTileFloodPeriod") == "last 24 h"
    view.show_figures(busy(live=False))
    qtbot.wait(10)
    assert as_of.isVisible()
    assert as_of.text() == f"Offline \u2014 figures as of {AS_OF.astimezone():%H:%M}"
    assert _fill_at_left(as_of) == NOTICE_COLORS["warning"].background_color()
    view.show_figures(busy(live=True))
    assert not as_of.isVisible()


def test_big_mode_is_big(view, qtbot):
    view.show_figures(busy())
    total = view.findChild(QLabel, "dashOpenTotal")
    caption = view.findChild(QLabel, "dashAckCaption")
    normal, normal_caption = QFontInfo(total.font()).pixelSize(), caption.font().pixelSize()
    view.set_big(True)
    qtbot.wait(10)
    assert QFontInfo(total.font()).pixelSize() >= 2 * normal
    assert QFontInfo(total.font()).pixelSize() >= 72
    assert caption.font().pixelSize() >= max(24, normal_caption)
    assert view.ack_chart.percent_line.pen.widthF() > 2
    # White on black, and the number still fits in its label.
    page = view.grab().toImage().pixelColor(2, view.height() - 2)
    assert page == QColor("#000000")
    assert total.width() >= total.fontMetrics().horizontalAdvance(total.text())
    view.set_big(False)
    assert QFontInfo(total.font()).pixelSize() == normal


@pytest.mark.parametrize("big", [False, True])
def test_nothing_takes_input(view, big):
    view.set_big(big)
    view.show_figures(busy())
    for kind in (QAbstractButton, QLineEdit, QComboBox):
        assert view.findChildren(kind) == []
    plots = view.findChildren(pg.PlotWidget)
    assert len(plots) == 4
    for plot in plots:
        box = plot.getPlotItem().getViewBox()
        assert box.state["mouseEnabled"] == [False, False]
        assert not box.menuEnabled()
        assert not plot.getPlotItem().menuEnabled()
        assert plot.getPlotItem().buttonsHidden


def test_redraw_leaves_no_stale_values_and_makes_no_widgets(view):
    view.show_figures(busy())
    children = len(view.findChildren(QWidget))
    items = {id(i) for p in view.findChildren(pg.PlotWidget)
             for i in p.getPlotItem().getViewBox().addedItems}
    view.show_figures(one_alarm())
    assert text(view, "dashOpenTotal") == "1"
    assert text(view, "dashOpenP2") == "0"
    assert text(view, "dashUnacknowledged") == "0"
    assert text(view, "dashOverdue") == "0"
    assert text(view, "dashUnits_available") == "5"
    assert text(view, "dashAckCaption").startswith("P90 4 s")
    assert not view.findChild(QLabel, "dashFloodBadge").isVisible()
    view.show_figures(busy())
    assert text(view, "dashOpenTotal") == "50"
    assert len(view.findChildren(QWidget)) == children
    assert {id(i) for p in view.findChildren(pg.PlotWidget)
            for i in p.getPlotItem().getViewBox().addedItems} == items


@pytest.mark.parametrize("size", [(900, 600), (1920, 1080)])
def test_tiles_fit_without_overlapping(qtbot, size):
    v = DashboardView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    qtbot.waitExposed(v)
    v.show_figures(busy(live=False))
    qtbot.wait(20)
    assert (v.width(), v.height()) == size
    rects = [QRect(t.geometry()) for t in v.tiles.values()]
    for i, a in enumerate(rects):
        assert v.rect().contains(a)
        assert all(not a.intersects(b) for b in rects[i + 1:])


def test_chart_images_print_on_white(qtbot):
    images = chart_images(busy(), 800, 360)
    assert set(images) == {"hourly", "ack", "dispatch", "flood"}
    for name, image in images.items():
        assert (image.width(), image.height()) == (800, 360), name
        assert image.pixelColor(image.width() - 2, image.height() // 3).lightness() > 240, name
        pixels = [image.pixel(x, y) for x in range(0, 800, 2) for y in range(0, 360, 3)]
        assert len(set(pixels)) > 8, name
        dark = sum(1 for p in set(pixels) if QColor(p).lightness() < 80)
        assert dark > 3, name  # axis text and ticks in dark ink (anti-aliased: several greys)
    empty_images = chart_images(empty(), 400, 200)
    assert len({empty_images["ack"].pixel(x, y) for x in range(0, 400, 2)
                for y in range(0, 200, 2)}) > 2  # the sentence, not a blank page
