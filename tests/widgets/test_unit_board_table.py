"""The unit board's table, as painted on screen (it paints its rows itself, for speed): each
status chip in its colour, the words in every column, the selected row in the selection
colour, alternate rows, the grid, an overdue timer blinking amber, a stale position dim; the
column header (a model of its own) still sorts on a click and keeps its labels; large text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from backend_client.unit_rules import STATUS_ORDER
from desktop.shell.theme import apply_theme
from tests.factories import BASE_TIME, SetClock, make_unit
from widgets.colors import UNIT_STATUS_COLORS
from widgets.unit_board.columns import BoardContext, Column, header_label
from widgets.unit_board.model import UnitBoardModel
from widgets.unit_board.table import UnitTable

CTX = BoardContext(alarm_titles={"a1": "Burglary, Main St 4"}, grid_names={"g1": "Grid One"})



def late_en_route(unit, now):
    if unit.status == "dispatched" and (now - unit.status_since).total_seconds() > 120:
        return "late_en_route"
    return None


def stale_after_5_min(at, now):
    return "stale" if (now - at).total_seconds() > 300 else "fresh"


@pytest.fixture
def board(qtbot):
    clock = SetClock(BASE_TIME + timedelta(minutes=30))
    model = UnitBoardModel(now=clock, overdue=late_en_route, freshness=stale_after_5_min)
    model.set_context(CTX)
    units = [make_unit(id=f"u{i}", callsign=f"巡{i}", status=status, home_grid_id="g1",
                       status_since=clock.now - timedelta(seconds=60 * (i + 1)),
                       alarm_id="a1" if status == "on_scene" else None,
                       position={"lat": 30.7, "lon": 120.7, "heading": 0, "speed": 0,
                                 "at": clock.now - timedelta(seconds=20)})
             for i, status in enumerate(STATUS_ORDER)]
    # One dispatched unit late to leave, one with a position ten minutes old.
    units.append(make_unit(id="late", callsign="巡99", status="dispatched",
                           status_since=clock.now - timedelta(minutes=5)))
    units.append(make_unit(id="old", callsign="巡98", status="busy",
                           position={"lat": 30.7, "lon": 120.7, "heading": 0, "speed": 0,
                                     "at": clock.now - timedelta(minutes=10)}))
    model.apply(True, units)
    table = UnitTable(model)
    qtbot.addWidget(table)
    table.resize(1200, 500)
    table.show()
    qtbot.waitExposed(table)
    return table


def shot(table: UnitTable) -> QImage:
    return table.viewport().grab().toImage()


def cell(table: UnitTable, unit_id: str, column: Column):
    row = table.board.row_of(unit_id)
    assert row is not None
    return table.visualRect(table.board.index(row, column))


def ink(image: QImage, rect, background: QColor) -> int:
    """Pixels in ``rect`` far from ``background``: the text (or chip) drawn there."""
    count = 0
    for x in range(rect.left() + 1, rect.right() - 1):
        for y in range(rect.top() + 1, rect.bottom() - 1):
            c = image.pixelColor(x, y)
            if (abs(c.red() - background.red()) + abs(c.green() - background.green())
                    + abs(c.blue() - background.blue())) > 120:
                count += 1
    return count


def background_of(table: UnitTable, row: int) -> QColor:
    role = QPalette.ColorRole.AlternateBase if row & 1 else QPalette.ColorRole.Base
    return table.palette().color(QPalette.ColorGroup.Active, role)


def test_every_row_shows_its_status_chip_in_its_colour_and_its_words(board):
    board.clearSelection()
    image = shot(board)
    for unit in board.board.shown_units():
        rect = cell(board, unit.id, Column.STATUS)
        chip = image.pixelColor(rect.left() + 8, rect.center().y())
        assert chip == QColor(UNIT_STATUS_COLORS[unit.status].background), unit.status
        row = board.board.row_of(unit.id)
        assert ink(image, rect, chip) > 15  # the status's words on the chip
        for column in (Column.CALLSIGN, Column.KIND, Column.IN_STATUS, Column.RADIO):
            assert ink(image, cell(board, unit.id, column), background_of(board, row)) > 15, (
                unit.id, column)
    # The on-scene unit's alarm title is written; the available one has no alarm: blank.
    on_scene = next(u for u in board.board.shown_units() if u.status == "on_scene")
    free = next(u for u in board.board.shown_units() if u.status == "available")
    assert ink(image, cell(board, on_scene.id, Column.ALARM),
               background_of(board, board.board.row_of(on_scene.id))) > 30
    assert ink(image, cell(board, free.id, Column.ALARM),
               background_of(board, board.board.row_of(free.id))) == 0


def test_the_selected_row_and_the_alternate_rows_and_the_grid(board):
    board.select_unit("u0")
    image = shot(board)
    row = board.board.row_of("u0")
    highlight = board.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    inactive = board.palette().color(QPalette.ColorGroup.Inactive, QPalette.ColorRole.Highlight)
    rect = cell(board, "u0", Column.RADIO)
    assert image.pixelColor(rect.right() - 3, rect.top() + 2) in (highlight, inactive)
    for other in ("u1", "u2"):
        r = board.board.row_of(other)
        rect = cell(board, other, Column.RADIO)
        assert r != row
        assert image.pixelColor(rect.right() - 3, rect.top() + 2) == background_of(board, r)
    # The grid: a line right of each cell and below each row, not the cell's background.
    rect = cell(board, "u1", Column.KIND)
    r = board.board.row_of("u1")
    assert image.pixelColor(rect.right() + 1, rect.center().y()) != background_of(board, r)
    assert image.pixelColor(rect.center().x(), rect.bottom() + 1) != background_of(board, r)


def test_an_overdue_timer_blinks_amber_and_a_stale_position_is_dim(board):
    board.clearSelection()
    model = board.board
    assert model.overdue_of("late") == "late_en_route"
    amber = QColor(UNIT_STATUS_COLORS["dispatched"].background)
    rect = cell(board, "late", Column.IN_STATUS)
    corner = QPoint(rect.right() - 3, rect.top() + 2)
    if not model.flash_on:
        model.flash()
    assert shot(board).pixelColor(corner) == amber
    model.flash()
    assert shot(board).pixelColor(corner) == background_of(board, model.row_of("late"))
    # A unit on time has no amber whatever the blink.
    rect = cell(board, "u1", Column.IN_STATUS)
    model.flash()
    assert shot(board).pixelColor(rect.right() - 3, rect.top() + 2) != amber

    # The stale position says so, written nearer the background than a fresh one.
    assert model.index(model.row_of("old"), Column.POSITION).data() == "position 10 min old"
    image = shot(board)
    text = board.palette().color(QPalette.ColorRole.Text)
    base = board.palette().color(QPalette.ColorRole.Base)
    sign = 1 if text.lightness() < base.lightness() else -1  # the ink: darker or lighter

    def strongest_ink(unit_id: str) -> int:
        r = cell(board, unit_id, Column.POSITION)
        return min(sign * image.pixelColor(x, y).lightness() for x in range(r.left(), r.right())
                   for y in range(r.top() + 1, r.bottom()))

    assert strongest_ink("old") > strongest_ink("u3") + 20


def test_a_header_click_sorts_and_the_header_keeps_its_labels(board, qtbot):
    header = board.horizontalHeader()
    assert header.model() is not board.board  # its own model: rows moving leave it alone
    assert [header.model().headerData(c, Qt.Orientation.Horizontal)
            for c in Column] == [header_label(c) for c in Column]
    x = header.sectionViewportPosition(Column.CALLSIGN) + 20
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))
    assert board.board.sort_column() == Column.CALLSIGN
    callsigns = [u.callsign.casefold() for u in board.board.shown_units()]
    assert callsigns == sorted(callsigns) or callsigns == sorted(callsigns, reverse=True)
    # Clicking the status header brings back the board's own order.
    x = header.sectionViewportPosition(Column.STATUS) + 20
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(x, header.height() // 2))
    assert board.board.sort_column() == Column.STATUS


def test_large_text_makes_rows_taller_and_the_words_bigger(board):
    board.clearSelection()
    normal_row = board.rowHeight(0)
    normal_header = board.horizontalHeader().fontMetrics().height()
    normal_width = board.columnWidth(Column.HOME_GRID)
    rect = cell(board, "u0", Column.CALLSIGN)
    normal_ink = ink(shot(board), rect, background_of(board, board.board.row_of("u0")))
    board.set_large(True)
    assert board.rowHeight(0) > normal_row * 1.3
    # The header and the columns grow too (a grid's name is not cut short on the wall).
    assert board.horizontalHeader().fontMetrics().height() > normal_header * 1.3
    assert board.columnWidth(Column.HOME_GRID) > normal_width * 1.3
    rect = cell(board, "u0", Column.CALLSIGN)
    assert ink(shot(board), rect, background_of(board, board.board.row_of("u0"))) > (
        normal_ink * 1.5)


def test_large_text_under_the_dark_theme_reaches_the_header_labels(qtbot):
    """The hall's style sheet gives the header's viewport a font of its own: the labels
    stayed small on the wall while the rows grew."""
    app = QApplication.instance()
    saved = (app.style().name(), app.palette(), app.font(), app.styleSheet())
    apply_theme(app)
    try:
        model = UnitBoardModel()
        model.apply(True, [make_unit(id="a")])
        table = UnitTable(model)
        qtbot.addWidget(table)
        table.resize(900, 300)
        table.show()
        qtbot.waitExposed(table)
        header = table.horizontalHeader()

        def label_height() -> int:
            image = header.grab().toImage()
            section = QRect(header.sectionViewportPosition(Column.CALLSIGN), 0,
                            header.sectionSize(Column.CALLSIGN), header.height())
            back = image.pixelColor(section.left() + 2, 2)
            rows = [y for y in range(section.top(), section.bottom())
                    if any(abs(image.pixelColor(x, y).lightness() - back.lightness()) > 60
                           for x in range(section.left() + 2, section.right() - 12))]
            return rows[-1] - rows[0]

        normal = label_height()
        table.set_large(True)
        assert label_height() > normal * 1.3
    finally:
        style, palette, font, sheet = saved
        app.setStyleSheet(sheet)
        app.setStyle(style)
        app.setPalette(palette)
        app.setFont(font)


def test_clicking_a_units_alarm_opens_it_and_other_cells_only_select_the_unit(board, qtbot):
    on_scene = next(u for u in board.board.shown_units() if u.status == "on_scene")
    free = next(u for u in board.board.shown_units() if u.status == "available")
    alarm_cell = cell(board, on_scene.id, Column.ALARM)
    heard: list[tuple[str, str]] = []
    board.unit_clicked.connect(lambda uid: heard.append(("unit", uid)))
    board.alarm_clicked.connect(lambda aid: heard.append(("alarm", aid)))
    QTest.mouseClick(board.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, alarm_cell.center())
    assert heard == [("unit", on_scene.id), ("alarm", "a1")]
    with qtbot.assertNotEmitted(board.alarm_clicked, wait=100):
        QTest.mouseClick(board.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         cell(board, on_scene.id, Column.CALLSIGN).center())
        QTest.mouseClick(board.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier,
                         cell(board, free.id, Column.ALARM).center())  # no alarm there
    # The alarm is written in the link colour, and the pointer is a hand over it.
    board.clearSelection()
    link = board.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Link)
    image = shot(board)
    assert any(image.pixelColor(x, y) == link for x in range(alarm_cell.left(),
                                                               alarm_cell.right())
               for y in range(alarm_cell.top(), alarm_cell.bottom()))

    def hover(point: QPoint) -> Qt.CursorShape:
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(point), QPointF(point),
                           Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(board.viewport(), move)
        return board.viewport().cursor().shape()

    assert hover(alarm_cell.center()) == Qt.CursorShape.PointingHandCursor
    assert hover(cell(board, free.id, Column.ALARM).center()) != (
        Qt.CursorShape.PointingHandCursor)
    assert hover(alarm_cell.center()) == Qt.CursorShape.PointingHandCursor
