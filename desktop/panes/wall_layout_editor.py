"""``WallLayoutEditor``: the hall's own wall layouts — a grid of rows × columns where the
officer drags across cells and merges them into one larger tile (row and column spans), or
splits a merged tile again. Saved in the position's configuration (``NamedBook`` of
``WallLayout``) and offered beside the standard layouts.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from desktop.panes.book_dialog import BookDialog
from desktop.state.named_book import NamedBook
from desktop.state.wall_layouts import BY_NAME, MAX_CELLS, Tile, WallLayout, custom_layout
from widgets.colors import SECONDARY_TEXT
from widgets.i18n import tr


class _CellGrid(QWidget):
    """The layout drawn to scale; a drag across cells selects a rectangle of them."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setMinimumSize(360, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.layout_shown: WallLayout | None = None
        self._anchor: tuple[int, int] | None = None
        self.selection: Tile | None = None

    def show_layout(self, layout: WallLayout) -> None:
        self.layout_shown = layout
        self.selection = None
        self.selection_changed.emit()
        self.update()

    def select(self, first: tuple[int, int], last: tuple[int, int]) -> None:
        """Select the rectangle of cells between two corners (inclusive)."""
        r0, r1 = sorted((first[0], last[0]))
        c0, c1 = sorted((first[1], last[1]))
        self.selection = Tile(r0, c0, r1 - r0 + 1, c1 - c0 + 1)
        self.selection_changed.emit()
        self.update()

    def _cell_rect(self, row: int, column: int, rows: int = 1, columns: int = 1) -> QRect:
        layout = self.layout_shown
        assert layout is not None
        w, h = self.width() / layout.columns, self.height() / layout.rows
        return QRect(int(column * w) + 2, int(row * h) + 2, int(columns * w) - 4,
                     int(rows * h) - 4)

    def _cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        layout = self.layout_shown
        if layout is None:
            return None
        row = min(layout.rows - 1, max(0, int(pos.y() * layout.rows / max(1, self.height()))))
        column = min(layout.columns - 1,
                     max(0, int(pos.x() * layout.columns / max(1, self.width()))))
        return row, column

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._anchor = self._cell_at(event.position().toPoint())
        if self._anchor is not None:
            self.select(self._anchor, self._anchor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        cell = self._cell_at(event.position().toPoint())
        if self._anchor is not None and cell is not None:
            self.select(self._anchor, cell)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._anchor = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        layout = self.layout_shown
        if layout is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#0d0f12"))
        for i, tile in enumerate(layout.tiles):
            rect = self._cell_rect(tile.row, tile.column, tile.row_span, tile.column_span)
            painter.fillRect(rect, QColor("#263241" if tile.area() > 1 else "#1b222c"))
            painter.setPen(QPen(QColor(SECONDARY_TEXT)))
            painter.drawRect(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(i + 1))
        if self.selection is not None:
            s = self.selection
            painter.setPen(QPen(QColor("#3d8bfd"), 3))
            painter.drawRect(self._cell_rect(s.row, s.column, s.row_span, s.column_span))
        painter.end()


class WallLayoutEditor(BookDialog[WallLayout]):
    def __init__(self, book: NamedBook[WallLayout], parent: QWidget | None = None) -> None:
        super().__init__(book, tr("Wall layouts"), tr("Your layouts"), tr("New layout"),
                         tr("Save layout"), parent, reserved=BY_NAME)
        self.setMinimumSize(720, 440)
        self.merged: list[Tile] = []

        self.name = QLineEdit(self)
        self.name.setObjectName("wallLayoutName")
        self.rows = QSpinBox(self)
        self.rows.setRange(1, MAX_CELLS)
        self.columns = QSpinBox(self)
        self.columns.setRange(1, MAX_CELLS)
        for box in (self.rows, self.columns):
            box.setValue(4)
            box.valueChanged.connect(self._grid_changed)
        size = QHBoxLayout()
        size.addWidget(self.rows)
        size.addWidget(QLabel("\u00d7", self))
        size.addWidget(self.columns)
        size.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Rows × columns"), size)

        self.cells = _CellGrid(self)
        self.cells.selection_changed.connect(self._selection_changed)
        self.merge = QPushButton(tr("Merge into one tile"), self)
        self.merge.clicked.connect(self.merge_selection)
        self.split = QPushButton(tr("Split"), self)
        self.split.clicked.connect(self.split_selection)
        hint = QLabel(tr("Drag across cells, then merge them into one larger tile."), self)
        hint.setProperty("role", "dim")
        cell_buttons = QHBoxLayout()
        cell_buttons.addWidget(hint, 1)
        cell_buttons.addWidget(self.merge)
        cell_buttons.addWidget(self.split)
        self.form.addLayout(form)
        self.form.addWidget(self.cells, 1)
        self.form.addLayout(cell_buttons)
        self.start()

    # --- the grid --------------------------------------------------------------------------------

    def layout_now(self) -> WallLayout:
        """The layout as edited (the name may still be empty)."""
        return custom_layout(self.name.text().strip() or "?", self.rows.value(),
                             self.columns.value(), self.merged)

    def _redraw(self) -> None:
        self.cells.show_layout(self.layout_now())
        self._selection_changed()

    def _grid_changed(self) -> None:
        rows, columns = self.rows.value(), self.columns.value()
        # Merged tiles that no longer fit the smaller grid are dropped, never cut.
        self.merged = [t for t in self.merged if t.row + t.row_span <= rows
                       and t.column + t.column_span <= columns]
        self._redraw()

    def _selection_changed(self) -> None:
        sel = self.cells.selection
        self.merge.setEnabled(sel is not None and sel.area() > 1)
        self.split.setEnabled(sel is not None and any(t.cells() & sel.cells()
                                                      for t in self.merged))

    def merge_selection(self) -> None:
        sel = self.cells.selection
        if sel is None or sel.area() < 2:
            return
        # Merged tiles the rectangle touches become part of it only if they lie inside it;
        # one reaching out would overlap, so the officer is told instead.
        touching = [t for t in self.merged if t.cells() & sel.cells()]
        if any(not t.cells() <= sel.cells() for t in touching):
            self.message.setText(tr("That rectangle cuts through a merged tile: split it "
                                    "first or select around it."))
            return
        self.merged = [t for t in self.merged if t not in touching] + [sel]
        self.message.clear()
        self._redraw()

    def split_selection(self) -> None:
        sel = self.cells.selection
        if sel is None:
            return
        self.merged = [t for t in self.merged if not t.cells() & sel.cells()]
        self._redraw()

    # --- saved layouts ---------------------------------------------------------------------------

    def show_item(self, item: WallLayout | None) -> None:
        self.name.setText(item.name if item else "")
        self.merged = [t for t in item.tiles if t.area() > 1] if item else []
        for box, value in ((self.rows, item.rows if item else 4),
                           (self.columns, item.columns if item else 4)):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        self._redraw()
        if item is None:
            self.name.setFocus()

    def edited(self) -> WallLayout | str:
        name = self.name.text().strip()
        if not name:
            return tr("a layout needs a name")
        return custom_layout(name, self.rows.value(), self.columns.value(), self.merged)
