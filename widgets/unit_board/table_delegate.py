"""``BoardCellDelegate``: paints every cell of the unit board's table from the row's look.

A board with 2,000 units repaints its whole screen of rows every second (the "in status"
timers tick), and a Python delegate is called for each of the ~300 cells on screen, so a cell
must cost a few microseconds. Hence:

- one delegate for all columns, asking the model for the row's look (texts and signs worked
  out once per row and tick, the same texts ``data`` answers) instead of a ``data`` call per
  role per cell;
- what is the same for every cell of a paint (colours, fonts, which row is selected) is taken
  once, by ``begin_paint`` from the table's paint event, not from each cell's style option;
- text is drawn as cached ``QStaticText`` (laid out once, not shaped anew each paint), and a
  status chip as a cached pixmap.

What it draws is what Qt's item delegate drew before: the selection and alternate-row
background, the text elided at the right, the status as a chip in its colour with its words
(``paint_status_chip``, the same chip as the dispatch picker's), the stale position dim and
italic, an overdue timer blinking amber; and the current alarm in the link colour (a click
opens it).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPixmap,
    QStaticText,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

from widgets.colors import UNIT_STATUS_COLORS
from widgets.unit_board.columns import Column
from widgets.unit_board.model import UnitBoardModel
from widgets.unit_candidates import chip_margin, dim_color, paint_status_chip

Index = QModelIndex | QPersistentModelIndex
_AMBER = UNIT_STATUS_COLORS["dispatched"]  # the colour of "late"
_CACHE_MAX = 6000  # static texts kept (a screen of rows is ~300; timers add ~1 a second)
_PAD = 4  # px between the cell's edge and its text, as Qt's item delegate leaves
_STATUS, _IN_STATUS, _POSITION = int(Column.STATUS), int(Column.IN_STATUS), int(Column.POSITION)
_ALARM = int(Column.ALARM)
_TICKING = frozenset({_IN_STATUS, _POSITION})  # texts that change with the clock


class BoardCellDelegate(QStyledItemDelegate):
    def __init__(self, board: UnitBoardModel, view: QTableView) -> None:
        super().__init__(view)
        self._board = board
        self._view = view
        self._texts: dict[tuple[str, int, bool], QStaticText] = {}
        self._chips: dict[tuple[str, str, int], QPixmap] = {}
        self._font_key = ""
        self._palette_key = -1
        self._font = QFont()
        self._italic = QFont()
        self._metrics = QFontMetrics(self._font)
        self._italic_metrics = QFontMetrics(self._italic)
        self._selected: frozenset[int] = frozenset()
        self._highlight = self._alternate = self._text = self._highlighted = QColor()
        self._link = QColor()
        self._dim = self._amber_bg = self._amber_text = QColor()
        self._dpr = 1.0

    # --- once per paint ------------------------------------------------------------------------

    def begin_paint(self) -> None:
        """Take what every cell of this paint shares from the view."""
        view = self._view
        self._use_font(view.font())
        palette = view.palette()
        group = (QPalette.ColorGroup.Active if view.isActiveWindow()
                 else QPalette.ColorGroup.Inactive)
        key = palette.cacheKey() * 2 + (group == QPalette.ColorGroup.Active)
        if key != self._palette_key:
            self._palette_key = key
            palette.setCurrentColorGroup(group)
            self._highlight = palette.color(group, QPalette.ColorRole.Highlight)
            self._alternate = palette.color(group, QPalette.ColorRole.AlternateBase)
            self._text = palette.color(group, QPalette.ColorRole.Text)
            self._highlighted = palette.color(group, QPalette.ColorRole.HighlightedText)
            self._link = palette.color(group, QPalette.ColorRole.Link)
            self._dim = dim_color(palette)
            self._amber_bg, self._amber_text = _AMBER.background_color(), _AMBER.text_color()
        selection = view.selectionModel()
        self._selected = (frozenset(i.row() for i in selection.selectedRows())
                          if selection is not None else frozenset())
        dpr = view.viewport().devicePixelRatioF()
        if dpr != self._dpr:
            self._dpr = dpr
            self._chips.clear()

    def _use_font(self, font: QFont) -> None:
        """The view's font changed (large text): laid-out texts are for the old one."""
        key = font.key()
        if key == self._font_key:
            return
        self._font_key = key
        self._font = QFont(font)
        self._italic = QFont(font)
        self._italic.setItalic(True)
        self._metrics = QFontMetrics(self._font)
        self._italic_metrics = QFontMetrics(self._italic)
        self._texts.clear()
        self._chips.clear()

    # --- caches -----------------------------------------------------------------------------

    def _static(self, text: str, width: int, italic: bool) -> QStaticText:
        key = (text, width, italic)
        static = self._texts.get(key)
        if static is None:
            if len(self._texts) >= _CACHE_MAX:
                self._texts.clear()
            metrics = self._italic_metrics if italic else self._metrics
            static = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=self._italic if italic else self._font)
            self._texts[key] = static
        return static

    def _chip(self, status: str, text: str, width: int, height: int) -> QPixmap:
        key = (status, text, width * 4096 + height)
        chip = self._chips.get(key)
        if chip is None:
            if len(self._chips) >= 200:
                self._chips.clear()
            chip = QPixmap(round(width * self._dpr), round(height * self._dpr))
            chip.setDevicePixelRatio(self._dpr)
            chip.fill(Qt.GlobalColor.transparent)
            painter = QPainter(chip)
            painter.setPen(self._text)  # an unknown status is written plain
            paint_status_chip(painter, QRect(0, 0, width, height), self._metrics, self._font,
                              status, text)
            painter.end()
            self._chips[key] = chip
        return chip

    # --- each cell ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """One cell, for Qt's own table paint (right to left)."""
        self.begin_paint()
        row, rect = index.row(), option.rect
        self.paint_rows(painter, range(row, row + 1), rect.top(), rect.height(), 0,
                        [(index.column(), rect.left(), rect.width())])

    def paint_rows(self, painter: QPainter, rows: range, top: int, height: int, step: int,
                   columns: list[tuple[int, int, int]]) -> None:
        """Rows ``rows`` from ``top`` down (``begin_paint`` first): each ``height`` high,
        ``step`` apart, its cells at ``columns`` (column, x, width). The table paints this way:
        a row's background in one fill, then its cells; the pen and font are set only when
        they change (one loop, no call per cell: this is the board's hot path)."""
        if not columns:
            return
        row_look, static, chip = self._board.row_look, self._static, self._chip
        flash = self._board.flash_on
        font, italic_font = self._font, self._italic
        plain_metrics, italic_metrics = self._metrics, self._italic_metrics
        text_y = (height - plain_metrics.height()) // 2
        italic_y = (height - italic_metrics.height()) // 2
        text_base = text_y + plain_metrics.ascent()
        italic_base = italic_y + italic_metrics.ascent()
        left = columns[0][1]
        span = columns[-1][1] + columns[-1][2] - left
        pen: QColor | None = None
        painter.setFont(font)
        in_italic = False
        y = top
        for row in rows:
            selected = row in self._selected
            if selected:
                painter.fillRect(left, y, span, height, self._highlight)
            elif row & 1:  # the view's alternating rows (no hidden or moved rows here)
                painter.fillRect(left, y, span, height, self._alternate)
            look = row_look(row)
            texts = look.texts
            plain = self._highlighted if selected else self._text
            for column, x, width in columns:
                text = texts[column]
                if not text:
                    continue
                if column == _STATUS:
                    painter.drawPixmap(x, y, chip(look.unit.status, text, width, height))
                    continue
                italic = False
                color = plain
                if column == _IN_STATUS and look.overdue and flash:
                    painter.fillRect(x, y, width, height, self._amber_bg)
                    color = self._amber_text
                elif column == _POSITION and look.dim_position:
                    italic = True
                    if not selected:
                        color = self._dim
                elif column == _ALARM and not selected:
                    color = self._link  # a click opens the alarm
                if color is not pen:
                    painter.setPen(color)
                    pen = color
                if italic is not in_italic:
                    painter.setFont(italic_font if italic else font)
                    in_italic = italic
                metrics = italic_metrics if italic else plain_metrics
                if column in _TICKING and metrics.horizontalAdvance(text) <= width - 2 * _PAD:
                    # A new text every second: laying it out for reuse costs more than
                    # drawing it once, at its baseline (too long: elided as the others).
                    painter.drawText(x + _PAD, y + (italic_base if italic else text_base), text)
                else:
                    painter.drawStaticText(x + _PAD, y + (italic_y if italic else text_y),
                                           static(text, width - 2 * _PAD, italic))
            y += step

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        if index.column() == Column.STATUS:  # the chip's margins
            return QSize(size.width() + chip_margin(option.fontMetrics), size.height())
        return size
