"""The unit board's card view: columns per status (all seven), station or grid; each unit in
exactly its group's column, in the model's order, also after changes; headers count right;
chips are painted in their status colour; an overdue card's frame flashes red/amber; drops
on another status column ask for the status change (and move nothing); clicks, selection and
the large rendering."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QPalette,
)
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QListView,
    QScrollArea,
    QStyleOptionViewItem,
)

from backend_client.unit_rules import STATUS_ORDER
from desktop.shell.theme import COLORS, apply_theme
from tests.factories import BASE_TIME, SetClock, make_unit
from widgets.colors import UNIT_STATUS_COLORS
from widgets.unit_board.card_list import MIME_TYPE, unit_id_of
from widgets.unit_board.cards import (
    OVERDUE_OFF,
    OVERDUE_ON,
    CardBoard,
)
from widgets.unit_board.columns import BoardContext
from widgets.unit_board.model import UnitBoardModel, UnitFilter, UnitIdRole
from widgets.unit_texts import unit_status_label

STATIONS = {"g1": "城东", "g2": "城东", "g3": "城西"}
GRID_NAMES = {"g1": "Grid One", "g2": "Grid Two", "g3": "Grid Three", "g9": "Grid Nine"}
CTX = BoardContext(grid_stations=STATIONS, grid_names=GRID_NAMES,
                   alarm_titles={"a1": "Burglary, Main St 4"})



def late_on_scene(unit, now):
    if unit.status == "en_route" and (now - unit.status_since).total_seconds() > 300:
        return "late_on_scene"
    return None


def unit(uid: str, status: str = "available", *, grid: str | None = "g1", version: int = 1,
         since_s: float = -60, alarm: str | None = None):
    return make_unit(id=uid, callsign=f"Car {uid}", status=status, home_grid_id=grid,
                     status_since=BASE_TIME + timedelta(minutes=30, seconds=since_s),
                     version=version, alarm_id=alarm)


# Two units per status (u0..u13), grids round-robin, one without a home grid and one in a
# grid of no station.
def initial_units():
    units = []
    for i in range(14):
        status = STATUS_ORDER[i % 7]
        grid = ("g1", "g2", "g3")[i % 3]
        units.append(unit(f"u{i}", status, grid=grid,
                          alarm="a1" if status in ("dispatched", "on_scene") else None))
    units.append(unit("u14", "available", grid=None))
    units.append(unit("u15", "busy", grid="g9"))
    return units


@pytest.fixture
def model():
    m = UnitBoardModel(now=SetClock(BASE_TIME + timedelta(minutes=30)), overdue=late_on_scene)
    m.set_context(CTX)
    m.apply(True, initial_units())
    return m


def show_board(qtbot, model, width=1900, height=700) -> CardBoard:
    board = CardBoard(model)
    board.set_context(CTX)
    qtbot.addWidget(board)
    board.resize(width, height)
    board.show()
    qtbot.waitExposed(board)
    return board


@pytest.fixture
def board(qtbot, model):
    return show_board(qtbot, model)


def model_order(model):
    return [model.unit_at(r).id for r in range(model.rowCount())]


def assert_columns_match(board, model, key):
    """Every shown unit is in exactly its group's column, in the model's order; headers
    count the cards."""
    order = model_order(model)
    seen = []
    for value in board.column_values():
        ids = board.column_units(value)
        assert ids == [uid for uid in order if key(model.unit(uid)) == value], value
        assert board.column_header(value).endswith(f"\u00b7 {len(ids)}")
        seen.extend(ids)
    assert sorted(seen) == sorted(order)


def header_texts(board):
    return {label.text() for label in board.findChildren(QLabel)}


def image_of(view: QListView) -> QImage:
    return view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)


def count_color(image: QImage, rect, color: str) -> int:
    want = QColor(color).rgb()
    return sum(1 for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
               for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
               if image.pixel(x, y) == want)


# --- grouping ---------------------------------------------------------------------------------


def test_status_columns_hold_each_unit_in_its_status(board, model):
    assert board.column_values() == list(STATUS_ORDER)
    assert_columns_match(board, model, lambda u: u.status)
    texts = header_texts(board)
    counts = {s: sum(1 for u in model.shown_units() if u.status == s) for s in STATUS_ORDER}
    assert counts["available"] == 3 and counts["busy"] == 3
    for status in STATUS_ORDER:
        assert f"{unit_status_label(status)} \u00b7 {counts[status]}" in texts


def test_all_seven_status_columns_even_empty(qtbot):
    m = UnitBoardModel(now=SetClock(BASE_TIME + timedelta(minutes=30)))
    m.apply(True, [unit("x1", "on_scene")])
    board = show_board(qtbot, m)
    assert board.column_values() == list(STATUS_ORDER)
    assert board.column_units("on_scene") == ["x1"]
    assert f"{unit_status_label('off_duty')} \u00b7 0" in header_texts(board)


def test_a_status_change_moves_the_card_and_keeps_it_selected(board, model, qtbot):
    board.select_unit("u0")  # available
    assert "u0" in board.column_units("available")
    model.apply(False, [unit("u0", "on_scene", version=2)])
    assert "u0" not in board.column_units("available")
    assert "u0" in board.column_units("on_scene")
    assert_columns_match(board, model, lambda u: u.status)
    assert f"{unit_status_label('available')} \u00b7 2" in header_texts(board)
    assert f"{unit_status_label('on_scene')} \u00b7 3" in header_texts(board)
    assert board.selected_unit() == "u0"
    view = board.column_view("on_scene")
    assert [i.data(UnitIdRole) for i in view.selectionModel().selectedIndexes()] == ["u0"]
    assert not board.column_view("available").selectionModel().hasSelection()


def test_overdue_cards_come_first_in_their_column(board, model):
    model.apply(False, [unit("u9", "en_route", version=2, since_s=-600)])  # u2 is en route too
    assert board.column_units("en_route")[0] == "u9"
    assert model.overdue_of("u9") == "late_on_scene"


def test_station_columns_and_no_station(qtbot, model):
    board = show_board(qtbot, model)
    board.set_group_by("station")
    assert board.column_values() == ["城东", "城西", ""]
    assert_columns_match(board, model, CTX.station_of)
    assert sorted(board.column_units("")) == ["u14", "u15"]
    assert "No station \u00b7 2" in header_texts(board)
    n_east = len(board.column_units("城东"))
    assert f"城东 \u00b7 {n_east}" in header_texts(board)
    # A unit moved to another grid in place (same status) changes column.
    model.apply(False, [unit("u0", "available", grid="g3", version=2)])
    assert "u0" in board.column_units("城西")
    assert_columns_match(board, model, CTX.station_of)
    # The no-station column goes once no unit is without a station.
    model.apply(False, [unit("u14", "available", grid="g1", version=2),
                        unit("u15", "busy", grid="g2", version=2)])
    assert board.column_values() == ["城东", "城西"]
    assert_columns_match(board, model, CTX.station_of)


def test_grid_columns_use_grid_names(board, model):
    board.set_group_by("grid")
    # Sorted by name: Grid Nine, Grid One, Grid Three, Grid Two; then "No grid".
    assert board.column_values() == ["g9", "g1", "g3", "g2", ""]
    assert_columns_match(board, model, lambda u: u.home_grid_id or "")
    assert "No grid \u00b7 1" in header_texts(board)
    assert "Grid Nine \u00b7 1" in header_texts(board)
    board.set_group_by("status")
    assert board.column_values() == list(STATUS_ORDER)
    assert_columns_match(board, model, lambda u: u.status)
    with pytest.raises(ValueError):
        board.set_group_by("colour")


def test_any_sequence_of_changes_keeps_every_column_right(board, model):
    testers = []

    def watch_proxies():
        testers.extend(QAbstractItemModelTester(board.column_view(v).model(),
                                                QAbstractItemModelTester.FailureReportingMode.Fatal)
                       for v in board.column_values())

    watch_proxies()
    rng = random.Random(7)
    versions = {u.id: 1 for u in model.shown_units()}
    keys = {"status": lambda u: u.status, "station": CTX.station_of,
            "grid": lambda u: u.home_grid_id or ""}
    for step in range(60):
        if step % 15 == 0:
            board.set_group_by(rng.choice(list(keys)))
            watch_proxies()
        batch = []
        for uid in rng.sample(sorted(versions), rng.randint(1, 4)):
            versions[uid] += 1
            batch.append(unit(uid, rng.choice(STATUS_ORDER), version=versions[uid],
                              grid=rng.choice(["g1", "g2", "g3", "g9", None]),
                              since_s=rng.choice([-60, -900])))
        if step % 7 == 3:
            new = f"n{step}"
            versions[new] = 1
            batch.append(unit(new, rng.choice(STATUS_ORDER)))
        model.apply(False, batch)
        if step % 11 == 5:
            model.set_filter(UnitFilter(stations=frozenset({"城东"})) if rng.random() < 0.5
                             else UnitFilter())
        assert_columns_match(board, model, keys[board.group_by()])


# --- painting ---------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["available", "en_route", "on_scene", "busy", "off_duty"])
def test_a_cards_chip_is_in_its_status_colour(board, model, status):
    view = board.column_view(status)
    image = image_of(view)
    others = [s for s in STATUS_ORDER if s != status]
    for uid in board.column_units(status):
        hit = board.card_rect(uid)
        assert hit is not None and hit[0] is view
        rect = hit[1]
        assert rect.width() >= 200 and rect.height() >= 60
        assert count_color(image, rect, UNIT_STATUS_COLORS[status].background) > 150
        for other in others:
            assert count_color(image, rect, UNIT_STATUS_COLORS[other].background) == 0


def test_cards_under_the_dark_theme(qtbot, model):
    app = QApplication.instance()
    saved = (app.style().name(), app.palette(), app.font(), app.styleSheet())
    apply_theme(app)
    try:
        board = show_board(qtbot, model)
        board.select_unit("u3")  # on scene
        view = board.column_view("on_scene")
        image = image_of(view)
        _, rect = board.card_rect("u3")
        assert count_color(image, rect, UNIT_STATUS_COLORS["on_scene"].background) > 150
        assert count_color(image, rect, COLORS["selection"]) > 100  # the selection frame
        _, other = board.card_rect("u10")
        assert count_color(image, other, COLORS["raised"]) > 2000  # a card, palette-coloured
        assert count_color(image, other, COLORS["selection"]) == 0
        assert image.save("/tmp/unit-board-cards.png")
    finally:
        style, palette, font, sheet = saved
        app.setStyleSheet(sheet)
        app.setStyle(style)
        app.setPalette(palette)
        app.setFont(font)


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_an_overdue_frame_flashes_red_and_amber(board, model, qtbot):
    model.apply(False, [unit("u2", "en_route", version=2, since_s=-600)])
    assert model.overdue_of("u2") == "late_on_scene"
    view = board.column_view("en_route")
    _, late = board.card_rect("u2")
    _, fine = board.card_rect("u9")

    def frame_pixel(rect):
        image = image_of(view)
        return QColor(image.pixel(rect.left() + 1, rect.center().y())).name()

    qtbot.wait(50)
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)
    for _ in range(3):
        expected = OVERDUE_ON if model.flash_on else OVERDUE_OFF
        assert frame_pixel(late) == expected
        assert frame_pixel(fine) not in (OVERDUE_ON, OVERDUE_OFF)
        before = counter.paints
        model.flash()
        # ... and on screen: the list repaints (not only a fresh grab shows the new colour).
        qtbot.waitUntil(lambda b=before: counter.paints > b, timeout=2000)
    assert frame_pixel(late) == (OVERDUE_ON if model.flash_on else OVERDUE_OFF)
    view.viewport().removeEventFilter(counter)


def test_large_rendering_makes_cards_bigger(board, model):
    view = board.column_view("available")
    index = view.model().index(0, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    hint = view.itemDelegate().sizeHint(option, index)
    rect = view.visualRect(index)
    column_width = view.parentWidget().width()
    board.set_large(True)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    big = view.itemDelegate().sizeHint(option, index)
    assert big.height() >= hint.height() * 1.4
    assert big.width() >= hint.width() * 1.5
    view.doItemsLayout()
    assert view.visualRect(index).height() >= rect.height() * 1.4
    assert view.parentWidget().width() > column_width * 1.4
    board.set_large(False)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    assert view.itemDelegate().sizeHint(option, index) == hint


def test_columns_scroll_sideways_when_they_do_not_fit(qtbot, model):
    board = show_board(qtbot, model, width=700, height=500)
    area = board.findChild(QScrollArea)
    assert area.horizontalScrollBar().maximum() > 0
    board.select_unit("u13")  # off duty: the last column
    qtbot.waitUntil(lambda: area.horizontalScrollBar().value() > 0, timeout=2000)
    view = board.column_view("off_duty")
    top_left = view.mapTo(area.viewport(), QPoint(0, 0))
    assert 0 <= top_left.x() < area.viewport().width()


# --- input ------------------------------------------------------------------------------------


def mime_for(uid: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, uid.encode())
    return mime


def drop(view: QListView, mime: QMimeData) -> QDropEvent:
    pos = QPointF(view.viewport().rect().center())
    event = QDropEvent(pos, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)
    return event


def drag_move(view: QListView, mime: QMimeData) -> QDragMoveEvent:
    """A drag entering the list and moving over it (Qt wants the enter first)."""
    centre = view.viewport().rect().center()
    enter = QDragEnterEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), enter)
    move = QDragMoveEvent(QPointF(centre), Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), move)
    return move


def test_a_drag_carries_the_unit_id(board):
    view = board.column_view("busy")
    index = view.model().index(0, 0)
    mime = view.model().mimeData([index])
    assert mime.hasFormat(MIME_TYPE)
    assert unit_id_of(mime) == board.column_units("busy")[0]
    assert view.dragEnabled()


def test_dropping_on_another_status_column_asks_for_that_status(board, model, qtbot):
    before = {v: board.column_units(v) for v in board.column_values()}
    target = board.column_view("busy")
    assert drag_move(target, mime_for("u0")).isAccepted()
    with qtbot.waitSignal(board.status_dropped, timeout=1000) as sig:
        event = drop(target, mime_for("u0"))
    assert sig.args == ["u0", "busy"]
    assert event.isAccepted()
    assert event.dropAction() == Qt.DropAction.CopyAction
    # Nothing moved: the pane decides and the server's answer moves the card.
    assert {v: board.column_units(v) for v in board.column_values()} == before
    assert model.unit("u0").status == "available"


def test_dropping_on_the_same_column_or_junk_does_nothing(board, qtbot):
    own = board.column_view("available")
    with qtbot.assertNotEmitted(board.status_dropped, wait=100):
        assert not drag_move(own, mime_for("u0")).isAccepted()
        drop(own, mime_for("u0"))
        drop(board.column_view("busy"), mime_for("nobody"))
        junk = QMimeData()
        junk.setText("u0")
        drop(board.column_view("busy"), junk)


def test_a_card_held_near_the_edge_scrolls_the_board_to_the_columns_off_screen(qtbot, model):
    board = show_board(qtbot, model, width=600, height=500)  # room for about two columns
    bar = board._scroll.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    view = board.column_view("available")
    mime = mime_for("u0")  # kept: the event holds no reference of its own

    def hold(x: int) -> None:
        """The card dragged to ``x`` in the board and held there (one move event)."""
        point = view.viewport().mapFrom(board, QPoint(x, board.height() // 2))
        move = QDragMoveEvent(QPointF(point), Qt.DropAction.CopyAction, mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(view.viewport(), move)

    drag_move(view, mime)
    hold(board.width() - 10)  # at the right edge: it keeps scrolling right
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)
    assert board.column_view("off_duty").visibleRegion().boundingRect().width() > 100
    hold(board.width() // 2)  # in the middle: it stops
    value = bar.value()
    hold(10)  # at the left edge: back to the first columns
    qtbot.waitUntil(lambda: bar.value() < value, timeout=5000)
    board.drag_ended()  # dropped (or the drag left): no more scrolling
    value = bar.value()
    qtbot.wait(150)
    assert bar.value() == value


def test_no_drops_when_grouped_by_station(board, qtbot):
    board.set_group_by("station")
    view = board.column_view("城西")
    assert not view.dragEnabled()
    with qtbot.assertNotEmitted(board.status_dropped, wait=100):
        drop(view, mime_for("u0"))


def test_clicking_a_cards_alarm_line_opens_the_alarm(board, qtbot):
    view = board.column_view("on_scene")
    uid = board.column_units("on_scene")[0]
    _, rect = board.card_rect(uid)
    line = board.delegate.alarm_line(rect, view.font())
    assert rect.contains(line)
    heard: list[tuple[str, str]] = []
    board.unit_clicked.connect(lambda u: heard.append(("unit", u)))
    board.alarm_clicked.connect(lambda a: heard.append(("alarm", a)))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(line.left() + 10, line.center().y()))
    assert heard == [("unit", uid), ("alarm", "a1")]
    # The title is written there, in the link colour.
    image = view.viewport().grab().toImage()
    link = view.palette().color(QPalette.ColorRole.Link)
    assert count_color(image, line, link.name()) > 5
    heard.clear()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,  # the callsign line
                     Qt.KeyboardModifier.NoModifier, QPoint(line.left() + 10, rect.top() + 8))
    assert heard == [("unit", uid)]
    # A unit without an alarm: its third line opens nothing.
    free = board.column_view("available")
    _, rect = board.card_rect(board.column_units("available")[0])
    line = board.delegate.alarm_line(rect, free.font())
    heard.clear()
    QTest.mouseClick(free.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(line.left() + 10, line.center().y()))
    assert [h[0] for h in heard] == ["unit"]


def test_clicking_a_card_emits_its_id_and_selects_it(board, qtbot):
    view = board.column_view("en_route")
    uid = board.column_units("en_route")[1]
    _, rect = board.card_rect(uid)
    with qtbot.waitSignal(board.unit_clicked, timeout=1000) as sig:
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, rect.center())
    assert sig.args == [uid]
    assert board.selected_unit() == uid
    # Selecting another card elsewhere clears this one.
    board.select_unit("u4")  # busy
    assert board.selected_unit() == "u4"
    busy = board.column_view("busy")
    assert busy.selectionModel().isSelected(busy.currentIndex())
    assert busy.currentIndex().data(UnitIdRole) == "u4"
    assert not view.selectionModel().hasSelection()
    board.select_unit(None)
    assert board.selected_unit() is None
    assert not busy.selectionModel().hasSelection()


def test_right_click_asks_for_the_cards_menu(board, qtbot):
    view = board.column_view("on_scene")
    uid = board.column_units("on_scene")[0]
    _, rect = board.card_rect(uid)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, rect.center(),
                              view.viewport().mapToGlobal(rect.center()))
    with qtbot.waitSignal(board.context_requested, timeout=1000) as sig:
        QApplication.sendEvent(view.viewport(), event)
    assert sig.args[0] == uid
    assert sig.args[1] == view.viewport().mapToGlobal(rect.center())
    assert board.selected_unit() == uid


def test_select_unit_scrolls_its_card_into_view(qtbot):
    m = UnitBoardModel(now=SetClock(BASE_TIME + timedelta(minutes=30)))
    m.apply(True, [unit(f"a{i:02d}", "available") for i in range(40)])
    board = show_board(qtbot, m, width=1900, height=400)
    view = board.column_view("available")
    _, rect = board.card_rect("a39")
    assert not view.viewport().rect().contains(rect)
    board.select_unit("a39")
    _, rect = board.card_rect("a39")
    assert view.viewport().rect().contains(rect)
    assert board.selected_unit() == "a39"
    # A unit that leaves the board is no longer selected.
    m.set_filter(UnitFilter(statuses=frozenset({"busy"})))
    assert board.selected_unit() is None
