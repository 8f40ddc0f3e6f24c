"""``UnitTable``: the unit board's dense view, one row per unit.

The status is a chip in its colour with its words on it (the unit picker's delegate: one look
for a status everywhere); an overdue unit's "in status" cell blinks amber; a stale position is
written dim. Clicks and right-clicks say which unit; the header sorts.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from widgets.unit_board.columns import Column
from widgets.unit_board.model import UnitBoardModel, UnitIdRole
from widgets.unit_candidates import CellDelegate, StatusChipDelegate

LARGE_SCALE = 1.6  # the large-text rendering for a hall wall screen


class UnitTable(QTableView):
    unit_clicked = Signal(str)
    context_requested = Signal(str, QPoint)

    def __init__(self, model: UnitBoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitTable")
        self.setModel(model)
        self.board = model
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
        self.setItemDelegate(CellDelegate(self))
        self.setItemDelegateForColumn(Column.STATUS, StatusChipDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context)
        self.clicked.connect(self._clicked)
        self._base_point_size = self.font().pointSizeF()
        self.set_large(False)
        widths = {Column.CALLSIGN: 110, Column.KIND: 100, Column.STATUS: 120,
                  Column.IN_STATUS: 80, Column.ALARM: 200, Column.HOME_GRID: 100,
                  Column.MEMBERS: 160, Column.RADIO: 80}
        for column, width in widths.items():
            self.setColumnWidth(column, width)

    def set_large(self, on: bool) -> None:
        """Large text for a wall screen (read from across the hall)."""
        font = self.font()
        font.setPointSizeF(self._base_point_size * (LARGE_SCALE if on else 1.0))
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
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

    def _context(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        if not index.isValid():
            return
        self.selectRow(index.row())
        self.context_requested.emit(str(index.data(UnitIdRole)),
                                    self.viewport().mapToGlobal(pos))
