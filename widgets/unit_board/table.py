"""``UnitTable``: the unit board's dense view, one row per unit.

Every cell is painted by ``BoardCellDelegate`` from the row's look: the status a chip in its
colour with its words on it (the unit picker's chip: one look for a status everywhere), an
overdue unit's "in status" cell blinking amber, a stale position written dim. Clicks and
right-clicks say which unit; the header sorts.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from widgets.unit_board.columns import Column
from widgets.unit_board.model import UnitBoardModel, UnitIdRole
from widgets.unit_board.table_delegate import BoardCellDelegate

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
LARGE_SCALE = 1.6  # the large-text rendering for a hall wall screen
COLUMN_WIDTHS = {Column.CALLSIGN: 110, Column.KIND: 100, Column.STATUS: 120,
                 Column.IN_STATUS: 80, Column.ALARM: 200, Column.HOME_GRID: 100,
                 Column.MEMBERS: 160, Column.RADIO: 80}  # px at normal size


class ColumnHeads(QAbstractTableModel):
    """The column header's own model: the board's column labels without its rows. A header
    is a view of its model, and on the board's model every reordering of rows (each second,
    when units change status) made it lay out and repaint its sections — about 2 ms a time
    on the hall's machines, for labels that never change."""

    def __init__(self, board: UnitBoardModel) -> None:
        super().__init__(board)
        self._board = board

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008, N802 - Qt's name
        return 0

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else self._board.columnCount()

    def data(self, index: Index, role: int = 0) -> object:
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = int(Qt.ItemDataRole.DisplayRole)) -> object:
        return self._board.headerData(section, orientation, role)

    def relabel(self) -> None:
        """The language changed."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)


class UnitTable(QTableView):
    unit_clicked = Signal(str)
    alarm_clicked = Signal(str)  # a unit's current alarm was clicked
    context_requested = Signal(str, QPoint)

    def __init__(self, model: UnitBoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitTable")
        self.setModel(model)
        self.board = model
        self.heads = ColumnHeads(model)
        self.horizontalHeader().setModel(self.heads)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(Column.STATUS, Qt.SortOrder.AscendingOrder)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.cells = BoardCellDelegate(model, self)
        self.setItemDelegate(self.cells)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context)
        self.clicked.connect(self._clicked)
        self.setMouseTracking(True)
        self._base_point_size = self.font().pointSizeF()
        self.set_large(False)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The rows on screen in one pass. Qt's own table paint calls the Python delegate
        through a wrapped style option for every cell and asks the model for its flags twice
        per cell: with ~300 cells repainted every second that was most of the board's time.
        Here each cell is one ``paint_cell`` call with its rectangle, then the grid. Laid out
        as ``QTableView`` lays out (the cell inside its grid line), so the delegate's other
        uses (size hints, right-to-left) stay Qt's."""
        self.cells.begin_paint()
        if self.isRightToLeft():
            super().paintEvent(event)
            return
        area = event.rect()
        rows = self.board.rowCount()
        first = self.rowAt(area.top())
        if first < 0:
            return  # no rows here (the viewport's own background is drawn already)
        last = self.rowAt(area.bottom())
        last = rows - 1 if last < 0 else last
        header = self.horizontalHeader()
        grid = 1 if self.showGrid() else 0
        columns = []
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            if header.isSectionHidden(column):
                continue
            x, width = header.sectionViewportPosition(column), header.sectionSize(column)
            if x + width > area.left() and x <= area.right():
                columns.append((column, x, width - grid))
        if not columns:
            return
        painter = QPainter(self.viewport())
        top = self.rowViewportPosition(first)
        height = self.rowHeight(first) - grid  # every row is as high (one font, no wrap)
        self.cells.paint_rows(painter, range(first, last + 1), top, height, height + grid,
                              columns)
        if grid:  # as Qt draws it: right of and below each cell, in the style's colour
            option = QStyleOptionViewItem()
            option.initFrom(self)
            color = QColor.fromRgba(self.style().styleHint(
                QStyle.StyleHint.SH_Table_GridLineColor, option, self) & 0xFFFFFFFF)
            bottom = top + (last + 1 - first) * (height + grid)
            left, right = columns[0][1], columns[-1][1] + columns[-1][2]
            for _, x, width in columns:
                painter.fillRect(x + width, area.top(), 1, bottom - area.top(), color)
            for y in range(top + height, bottom, height + grid):
                painter.fillRect(left, y, right - left + 1, 1, color)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.board.retranslate()
            self.heads.relabel()
        super().changeEvent(event)

    def set_large(self, on: bool) -> None:
        """Large text for a wall screen (read from across the hall)."""
        scale = LARGE_SCALE if on else 1.0
        font = self.font()
        font.setPointSizeF(self._base_point_size * scale)
        self.setFont(font)
        header = self.horizontalHeader()
        header.setFont(font)  # a style sheet gives the header (and its viewport) their own
        header.viewport().setFont(font)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        for column, width in COLUMN_WIDTHS.items():  # the columns grow with their words
            self.setColumnWidth(column, round(width * scale))
        self.large = on

    def unit_id_at(self, row: int) -> str | None:
        unit = self.board.unit_at(row)
        return unit.id if unit is not None else None

    def select_unit(self, unit_id: str | None) -> None:
        row = self.board.row_of(unit_id) if unit_id else None
        if row is None:
            self.clearSelection()
            return
        index = self.board.index(row, Column.CALLSIGN)
        if self.currentIndex().row() != row:
            self.setCurrentIndex(index)
        self.scrollTo(index)

    def selected_unit(self) -> str | None:
        rows = self.selectionModel().selectedRows()
        return str(rows[0].data(UnitIdRole)) if rows else None

    def _clicked(self, index: QModelIndex) -> None:
        unit_id = index.data(UnitIdRole)
        if unit_id:
            self.unit_clicked.emit(str(unit_id))
        alarm_id = self._alarm_at(index)
        if alarm_id:
            self.alarm_clicked.emit(alarm_id)

    def _alarm_at(self, index: QModelIndex) -> str | None:
        """The alarm written in ``index``'s cell (the current alarm column), if any."""
        if not index.isValid() or index.column() != Column.ALARM:
            return None
        unit = self.board.unit_at(index.row())
        return unit.alarm_id if unit is not None else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        # A hand over an alarm: it opens on a click, like a link.
        over_alarm = self._alarm_at(self.indexAt(event.position().toPoint())) is not None
        if over_alarm != (self.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor):
            if over_alarm:
                self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self.viewport().unsetCursor()
        super().mouseMoveEvent(event)

    def _context(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        self.selectRow(index.row())
        self.context_requested.emit(str(index.data(UnitIdRole)),
                                    self.viewport().mapToGlobal(pos))
