"""``CardBoard``: the unit board's card view — the same ``UnitBoardModel`` as cards in columns.

Grouped by status (a column for each of the seven statuses, in the board's order, empty ones
too), by station or by home grid (a column for each that has units, plus "No station" /
"No grid"). Each column is a ``CardList`` over a ``GroupProxy`` (``card_list``) that
admits the model's rows of its group in the model's own order (the proxy never sorts); only
the model's column 0 is shown. A card shows the callsign, the kind, the status as a chip in
its colour with its words (colour is never the only sign), the time in status, the current
alarm and the members; an overdue card has a frame that flashes red/amber with the model's
``flash_on`` and says what it is late for. Colours come from the palette apart from the
status and overdue colours.

Dragging a card from one status column onto another emits ``status_dropped(unit id, status)``
(the pane checks the transition and sends the command); the lists never move rows themselves.
GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backend_client.unit_rules import STATUS_ORDER
from widgets.colors import UNIT_STATUS_COLORS
from widgets.i18n import tr
from widgets.unit_board.card_delegate import (
    OVERDUE_OFF as OVERDUE_OFF,
)
from widgets.unit_board.card_delegate import (
    OVERDUE_ON as OVERDUE_ON,
)
from widgets.unit_board.card_delegate import (
    CardDelegate,
    scaled_font,
)
from widgets.unit_board.card_list import SPACING, CardList, GroupKey, GroupProxy
from widgets.unit_board.columns import BoardContext
from widgets.unit_board.model import (
    UnitBoardModel,
    UnitIdRole,
)
from widgets.unit_texts import unit_status_label

GROUP_BYS = ("status", "station", "grid")
LARGE_SCALE = 1.6  # the hall's wall screens
EDGE_PX = 48  # a dragged card this near the board's left or right edge scrolls it
EDGE_STEP_PX = 24
EDGE_SCROLL_MS = 30
Index = QModelIndex | QPersistentModelIndex


class _Strip(QWidget):
    """The small status-colour strip in a status column's header."""

    def __init__(self, color: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = color
        self.setFixedWidth(6)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._color)


class _Column(QFrame):
    """A header (colour strip for statuses, the group's name and count) over a card list."""

    def __init__(self, board: CardBoard, value: str, key: GroupKey, status: str | None) -> None:
        super().__init__()
        self.value = value
        self.status = status
        self.title = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        header = QWidget(self)
        row = QHBoxLayout(header)
        row.setContentsMargins(2, 0, 2, 0)
        row.setSpacing(6)
        if status is not None and status in UNIT_STATUS_COLORS:
            row.addWidget(_Strip(UNIT_STATUS_COLORS[status].background_color(), header))
        self.label = QLabel(header)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.label, 1)
        layout.addWidget(header)
        self.proxy = GroupProxy(key, value, self)
        self.proxy.setSourceModel(board.model)
        self.view = CardList(board, value, self)
        self.view.setItemDelegate(board.delegate)
        self.view.setModel(self.proxy)
        self.view.setModelColumn(0)
        layout.addWidget(self.view, 1)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self.update_header)

    def set_title(self, title: str) -> None:
        self.title = title
        self.update_header()

    def count(self) -> int:
        return self.proxy.rowCount()

    def header_text(self) -> str:
        return tr("{name} \u00b7 {count}").format(name=self.title, count=self.count())

    def update_header(self, *args: Any) -> None:
        self.label.setText(self.header_text())

    def index_of(self, unit_id: str) -> QModelIndex:
        model = self.proxy.sourceModel()
        if not isinstance(model, UnitBoardModel):
            return QModelIndex()
        row = model.row_of(unit_id)
        if row is None:
            return QModelIndex()
        return self.proxy.mapFromSource(model.index(row, 0))

    def unit_ids(self) -> list[str]:
        return [str(self.proxy.index(r, 0).data(UnitIdRole))
                for r in range(self.proxy.rowCount())]

    def detach(self) -> None:
        self.proxy.setSourceModel(None)  # type: ignore[arg-type]


class CardBoard(QWidget):
    """The unit board as cards in columns (see the module's doc). ``set_context`` must be
    called with the same ``BoardContext`` as the model's (station and grid names, alarm
    titles)."""

    unit_clicked = Signal(str)
    alarm_clicked = Signal(str)  # a card's current alarm was clicked
    context_requested = Signal(str, QPoint)
    status_dropped = Signal(str, str)

    def __init__(self, model: UnitBoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.context = BoardContext()
        self.delegate = CardDelegate(self)
        self._by = "status"
        self._large = False
        self._columns: list[_Column] = []
        self._selected: str | None = None
        self._syncing = False

        # A card dragged near the board's left or right edge scrolls it that way, to reach
        # a status column off screen (drag events come only when the mouse moves: a timer
        # keeps it going while the card is held there).
        self._edge = 0
        self._edge_timer = QTimer(self)
        self._edge_timer.setInterval(EDGE_SCROLL_MS)
        self._edge_timer.timeout.connect(self._edge_step)

        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self._strip = QWidget()
        self._row = QHBoxLayout(self._strip)
        self._row.setContentsMargins(4, 4, 4, 4)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self._scroll.setWidget(self._strip)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)

        # A structure check after changes that come without counts_changed (set_context).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._refresh)

        model.counts_changed.connect(self._refresh)
        model.modelReset.connect(self._later.start)
        model.dataChanged.connect(self._repaint)
        self._rebuild()

    # --- public API ---------------------------------------------------------------------------

    def set_context(self, ctx: BoardContext) -> None:
        """The model's context (call with the model's ``set_context``)."""
        self.context = ctx
        key = self._key_function()
        for column in self._columns:
            column.proxy.set_key(key)
        self._refresh()
        self._later.start()  # again once the model has its context too, whichever was first

    def set_group_by(self, by: str) -> None:
        """Columns by ``"status"``, ``"station"`` or ``"grid"``."""
        if by not in GROUP_BYS:
            raise ValueError(f"unknown grouping {by!r}")
        if by == self._by:
            return
        self._by = by
        self._rebuild()

    def group_by(self) -> str:
        return self._by

    def set_large(self, on: bool) -> None:
        """The large-text rendering for a wall screen: fonts and cards ×1.6."""
        if on == self._large:
            return
        self._large = on
        self.delegate.scale = LARGE_SCALE if on else 1.0
        for column in self._columns:
            self._style_column(column)

    def is_large(self) -> bool:
        return self._large

    def select_unit(self, unit_id: str | None) -> None:
        """Select that unit's card (no other) and scroll it into view; None clears."""
        self._selected = unit_id
        column = self._select(unit_id)
        if column is not None and unit_id is not None:
            column.view.scrollTo(column.index_of(unit_id))
            self._scroll.ensureWidgetVisible(column, 0, 0)

    def selected_unit(self) -> str | None:
        return self._selected

    def column_values(self) -> list[str]:
        """The columns' group values, left to right ("" is the no-station/no-grid column)."""
        return [c.value for c in self._columns]

    def column_header(self, value: str) -> str:
        """A column's header text: its name and count."""
        return self._column(value).header_text()

    def column_view(self, value: str) -> QListView:
        return self._column(value).view

    def column_units(self, value: str) -> list[str]:
        """The unit ids of a column's cards, top to bottom."""
        return self._column(value).unit_ids()

    def card_rect(self, unit_id: str) -> tuple[QListView, QRect] | None:
        """The list showing a unit's card and the card's rectangle in its viewport."""
        for column in self._columns:
            index = column.index_of(unit_id)
            if index.isValid():
                return column.view, column.view.visualRect(index)
        return None

    # --- dragging near an edge ----------------------------------------------------------------

    def drag_at(self, global_pos: QPoint) -> None:
        """A card is dragged over the board at ``global_pos`` (screen coordinates)."""
        viewport = self._scroll.viewport()
        x = viewport.mapFromGlobal(global_pos).x()
        self._edge = (-1 if x < EDGE_PX else 1 if x > viewport.width() - EDGE_PX else 0)
        if self._edge and not self._edge_timer.isActive():
            self._edge_timer.start()
        elif not self._edge:
            self._edge_timer.stop()

    def drag_ended(self) -> None:
        self._edge = 0
        self._edge_timer.stop()

    def _edge_step(self) -> None:
        bar = self._scroll.horizontalScrollBar()
        end = bar.minimum() if self._edge < 0 else bar.maximum()
        if not self._edge or bar.value() == end:
            self._edge_timer.stop()
            return
        bar.setValue(bar.value() + self._edge * EDGE_STEP_PX)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            for column in self._columns:
                column.title = ""  # titled anew in the new language
            self._refresh()
        super().changeEvent(event)

    # --- columns ------------------------------------------------------------------------------

    def _column(self, value: str) -> _Column:
        for column in self._columns:
            if column.value == value:
                return column
        raise KeyError(value)

    def _key_function(self) -> GroupKey:
        if self._by == "station":
            ctx = self.context
            return ctx.station_of
        if self._by == "grid":
            return lambda unit: unit.home_grid_id or ""
        return lambda unit: unit.status

    def _groups(self) -> list[tuple[str, str]]:
        """(value, title) of each column, left to right."""
        if self._by == "status":
            return [(s, unit_status_label(s)) for s in STATUS_ORDER]
        key = self._key_function()
        values = {key(unit) for unit in self.model.shown_units()}
        if self._by == "station":
            titles = {v: v for v in values if v}
            none = tr("No station")
        else:
            titles = {v: self.context.grid_names.get(v, v) for v in values if v}
            none = tr("No grid")
        groups = sorted(titles.items(), key=lambda item: (item[1].casefold(), item[0]))
        if "" in values:
            groups.append(("", none))
        return groups

    def _rebuild(self) -> None:
        """New grouping: all columns anew."""
        for column in self._columns:
            self._drop_column(column)
        self._columns = []
        self._refresh()

    def _refresh(self) -> None:
        """Columns for the groups there are now (kept where they stay), headers, selection."""
        groups = self._groups()
        if [(c.value, c.title) for c in self._columns] != groups:
            old = {c.value: c for c in self._columns}
            key = self._key_function()
            columns = []
            for value, title in groups:
                column = old.pop(value, None)
                if column is None:
                    column = _Column(self, value, key,
                                     value if self._by == "status" else None)
                    self._wire(column)
                    self._style_column(column)
                column.set_title(title)
                columns.append(column)
            for column in old.values():
                self._drop_column(column)
            self._columns = columns
            for column in columns:
                self._row.removeWidget(column)
            for i, column in enumerate(columns):
                self._row.insertWidget(i, column)
        for column in self._columns:
            column.update_header()
        self._restore_selection()

    def _drop_column(self, column: _Column) -> None:
        self._row.removeWidget(column)
        column.hide()
        column.detach()
        column.deleteLater()

    def _wire(self, column: _Column) -> None:
        view = column.view
        view.set_draggable(self._by == "status")
        view.clicked.connect(lambda index, v=view: self._clicked(v, index))
        view.customContextMenuRequested.connect(
            lambda pos, v=view: self._context_menu(v, pos))
        view.selectionModel().selectionChanged.connect(
            lambda selected, deselected, c=column: self._selection_changed(c, selected))

    def _style_column(self, column: _Column) -> None:
        scale = LARGE_SCALE if self._large else 1.0
        font = scaled_font(self.font(), scale)
        column.view.setFont(font)
        header_font = QFont(font)
        header_font.setBold(True)
        column.label.setFont(header_font)
        card = self.delegate.card_size(font)
        frame = 2 * column.view.frameWidth()
        scrollbar = column.view.verticalScrollBar().sizeHint().width()
        column.setFixedWidth(card.width() + 2 * SPACING + frame + scrollbar + 4
                             + column.layout().contentsMargins().left()
                             + column.layout().contentsMargins().right())
        column.view.doItemsLayout()

    # --- painting and input -------------------------------------------------------------------

    def _repaint(self, *args: Any) -> None:
        # Timers and the overdue flash change only columns the lists do not show (the model's
        # column 0 is theirs); the cards show them all, so repaint the visible lists.
        for column in self._columns:
            if column.isVisible():
                column.view.viewport().update()

    def _clicked(self, view: CardList, index: QModelIndex) -> None:
        unit_id = index.data(UnitIdRole)
        if not unit_id:
            return
        self.unit_clicked.emit(str(unit_id))
        unit = self.model.unit(str(unit_id))
        line = self.delegate.alarm_line(view.visualRect(index), view.font())
        if unit is not None and unit.alarm_id and line.contains(view.pressed_at):
            self.alarm_clicked.emit(unit.alarm_id)

    def _context_menu(self, view: QListView, pos: QPoint) -> None:
        index = view.indexAt(pos)
        unit_id = index.data(UnitIdRole) if index.isValid() else None
        if unit_id:
            self.select_unit(str(unit_id))
            self.context_requested.emit(str(unit_id), view.viewport().mapToGlobal(pos))

    def _selection_changed(self, column: _Column, selected: QItemSelection) -> None:
        if self._syncing:
            return
        ids = [i.data(UnitIdRole) for i in column.view.selectionModel().selectedIndexes()]
        if ids and ids[0]:
            self._selected = str(ids[0])
            self._clear_others(column)
        elif (self._selected is not None
              and column.index_of(self._selected).isValid()):
            self._selected = None  # deselected where it still is: by the officer

    def _clear_others(self, keep: _Column | None) -> None:
        self._syncing = True
        try:
            for column in self._columns:
                if column is not keep:
                    column.view.selectionModel().clear()
        finally:
            self._syncing = False

    def _select(self, unit_id: str | None) -> _Column | None:
        """Select ``unit_id``'s card only; the column holding it, if any."""
        target: _Column | None = None
        index = QModelIndex()
        if unit_id is not None:
            for column in self._columns:
                index = column.index_of(unit_id)
                if index.isValid():
                    target = column
                    break
        self._clear_others(target)
        if target is not None:
            self._syncing = True
            try:
                target.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            finally:
                self._syncing = False
        return target

    def _restore_selection(self) -> None:
        """Keep the selected unit selected when its card moves column (or columns are
        rebuilt); forget it once it has left the board."""
        if self._selected is None:
            return
        if self.model.row_of(self._selected) is None:
            self._selected = None
            self._clear_others(None)
            return
        for column in self._columns:
            index = column.index_of(self._selected)
            if index.isValid():
                if not column.view.selectionModel().isSelected(index):
                    self._select(self._selected)
                return

