"""The dashboard's tiles: a titled box saying the period it covers, and the count tiles
(open alarms by priority, acknowledgement, units by status, top grids, cameras).

Colours come from the view's style sheet (``look.view_style_sheet``) through two dynamic
properties: ``dashTile`` on a tile and ``dashSwatch`` on a chip; sizes are set as fonts here,
per look. Every widget is made once; ``show_figures`` only changes texts and, when a count
crosses zero, a swatch.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backend_client.figures import PRIORITIES, UNIT_STATUSES, DashboardFigures
from widgets.colors import SECONDARY_TEXT
from widgets.dashboard.look import Look
from widgets.i18n import tr
from widgets.unit_texts import unit_status_label

TOP_ROWS = 5


def set_text(label: QLabel, text: str) -> None:
    """Set a label's text only when it changed (no relayout for the same number)."""
    if label.text() != text:
        label.setText(text)


def set_swatch(widget: QWidget, key: str) -> None:
    """Dress ``widget`` (and the labels in it) in the swatch ``key`` of the view's style
    sheet ("none": an unfilled box of the same size)."""
    if widget.property("dashSwatch") == key:
        return
    widget.setProperty("dashSwatch", key)
    for w in (widget, *widget.findChildren(QLabel)):
        w.style().unpolish(w)
        w.style().polish(w)


def px_font(base: QFont, px: int, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(px)
    font.setBold(bold)
    return font


def dim(label: QLabel) -> QLabel:
    label.setProperty("dashRole", "dim")
    return label


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when squeezed instead of widening its column (long
    grid names, titles on narrow tiles); it still asks for its whole text."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             rect.width())
        self.style().drawItemText(painter, rect, int(self.alignment()), self.palette(),
                                  self.isEnabled(), text, self.foregroundRole())


class Tile(QFrame):
    """A box with a title, the period it covers ("now", "last 24 h") at the top right, a body,
    and a footer row: an optional caption (and whatever a tile adds at its right)."""

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("dashTile", "true")
        self.title = ElidedLabel(title, self)
        self.period = dim(QLabel(self))
        self.period.setObjectName(f"{name}Period")
        self.period.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for label in (self.title, self.period):  # the body takes any height to spare
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 0, 0)
        self.header.addWidget(self.title, 1)
        self.header.addWidget(self.period)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.caption = dim(QLabel(self))
        self.caption.setWordWrap(True)
        self.caption.hide()
        self.footer = QHBoxLayout()  # the caption, and whatever a tile adds at its right
        self.footer.setContentsMargins(0, 0, 0, 0)
        self.footer.addWidget(self.caption, 1)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(self.header)
        self._layout.addLayout(self.body, 1)
        self._layout.addLayout(self.footer)

    def set_period(self, text: str) -> None:
        set_text(self.period, text)

    def set_caption(self, text: str) -> None:
        set_text(self.caption, text)
        self.caption.setVisible(bool(text))

    def apply_look(self, look: Look) -> None:
        m = look.margin_px
        self._layout.setContentsMargins(m + 2, m, m + 2, m)
        self._layout.setSpacing(m // 2 + 2)
        self.header.setSpacing(m)
        self.footer.setSpacing(m)
        self.title.setFont(px_font(self.font(), look.title_px, bold=True))
        self.period.setFont(px_font(self.font(), look.caption_px))
        self.caption.setFont(px_font(self.font(), look.caption_px))


class Chip(QFrame):
    """A word and a count in a swatch: ``P1  3``, ``Available  12``."""

    def __init__(self, word: str, swatch: str, count_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("dashSwatch", swatch)
        self.word = ElidedLabel(word, self)
        self.count = QLabel("0", self)
        self.count.setObjectName(count_name)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.word, 1)
        row.addWidget(self.count)

    def apply_look(self, look: Look) -> None:
        self.word.setFont(px_font(self.font(), look.chip_px))
        self.count.setFont(px_font(self.font(), round(look.chip_px * 1.25), bold=True))
        self.layout().setSpacing(look.chip_px // 2)

    def set_count(self, n: int) -> None:
        set_text(self.count, str(n))


class Figure(QWidget):
    """A number over its word (``3`` / ``overdue``)."""

    def __init__(self, word: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLabel("0", self)
        self.number.setObjectName(name)
        self.number.setProperty("dashSwatch", "none")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.word = dim(QLabel(word, self))
        self.word.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.number, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.word)

    def apply_look(self, look: Look) -> None:
        self.number.setFont(px_font(self.font(), look.figure_px, bold=True))
        self.word.setFont(px_font(self.font(), look.caption_px))

    def set_value(self, n: int, swatch: str = "none") -> None:
        set_text(self.number, str(n))
        set_swatch(self.number, swatch)


class OpenAlarmsTile(Tile):
    """The total of open alarms, big, and a chip per priority."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Open alarms"), "dashTileOpen", parent)
        self.total = QLabel("0", self)
        self.total.setObjectName("dashOpenTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chips = {p: Chip(tr("P{n}").format(n=p), f"p{p}", f"dashOpenP{p}", self)
                      for p in PRIORITIES}
        grid = QGridLayout()
        for i, p in enumerate(PRIORITIES):
            grid.addWidget(self.chips[p], i // 2, i % 2)
        self._grid = grid
        row = QHBoxLayout()
        row.addWidget(self.total, 1)
        row.addLayout(grid, 2)
        self.body.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)

    def apply_look(self, look: Look) -> None:
        super().apply_look(look)
        self.total.setFont(px_font(self.font(), look.number_px, bold=True))
        self._grid.setSpacing(look.margin_px // 2 + 2)
        for chip in self.chips.values():
            chip.apply_look(look)

    def show_figures(self, fig: DashboardFigures) -> None:
        set_text(self.total, str(fig.open_total))
        for p, chip in self.chips.items():
            chip.set_count(fig.open_by_priority.get(p, 0))


class PairTile(Tile):
    """Two figures side by side (unacknowledged / overdue; cameras online / offline)."""

    def __init__(self, title: str, name: str, first: Figure, second: Figure,
                 parent: QWidget | None = None) -> None:
        super().__init__(title, name, parent)
        self.first, self.second = first, second
        row = QHBoxLayout()
        row.addWidget(first, 1)
        row.addWidget(second, 1)
        self.body.addStretch(1)
        self.body.addLayout(row)
        self.body.addStretch(1)

    def apply_look(self, look: Look) -> None:
        super().apply_look(look)
        self.first.apply_look(look)
        self.second.apply_look(look)


def acknowledgement_tile(parent: QWidget | None = None) -> PairTile:
    return PairTile(tr("Acknowledgement"), "dashTileAck",
                    Figure(tr("unacknowledged"), "dashUnacknowledged"),
                    Figure(tr("overdue"), "dashOverdue"), parent)


def cameras_tile(parent: QWidget | None = None) -> PairTile:
    return PairTile(tr("Cameras"), "dashCameras",
                    Figure(tr("online"), "dashCamerasOnline"),
                    Figure(tr("offline"), "dashCamerasOffline"), parent)


class UnitsTile(Tile):
    """A chip per unit status, in the board's order, as many to a row as fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Units by status"), "dashTileUnits", parent)
        self.chips = {s: Chip(unit_status_label(s), f"unit-{s}", f"dashUnits_{s}", self)
                      for s in UNIT_STATUSES}
        self._grid = QGridLayout()
        self._columns = 0
        self.body.addLayout(self._grid)
        self.body.addStretch(1)
        self._place(2)

    def _chip_width(self) -> int:
        return max(chip.sizeHint().width() for chip in self.chips.values())

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for chip in self.chips.values():
            self._grid.removeWidget(chip)
        for i, status in enumerate(UNIT_STATUSES):
            self._grid.addWidget(self.chips[status], i // columns, i % columns)
        for c in range(len(UNIT_STATUSES)):
            self._grid.setColumnStretch(c, 1 if c < columns else 0)

    def _reflow(self) -> None:
        # Never fewer than two to a row: a transient narrow layout pass must not make the tile
        # seven chips tall (a window grows to its minimum and stays there).
        if self.width() <= 0:
            return
        spacing = self._grid.spacing()
        inner = self.contentsRect().width() - self._layout.contentsMargins().left() * 2
        fit = (inner + spacing) // (self._chip_width() + spacing)
        self._place(max(2, min(4, fit)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._reflow()

    def apply_look(self, look: Look) -> None:
        super().apply_look(look)
        self._grid.setSpacing(look.margin_px // 2 + 2)
        for chip in self.chips.values():
            chip.apply_look(look)
        self._reflow()

    def show_figures(self, fig: DashboardFigures) -> None:
        for status, chip in self.chips.items():
            chip.set_count(fig.units_by_status.get(status, 0))


class Bar(QWidget):
    """A small horizontal bar: ``fraction`` of the width, in the look's ink."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.color = SECONDARY_TEXT

    def set_fraction(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if fraction != self.fraction:
            self.fraction = fraction
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.fraction <= 0:
            return
        painter = QPainter(self)
        r = self.rect()
        h = max(4, r.height() // 2)
        painter.fillRect(r.x(), r.y() + (r.height() - h) // 2,
                         max(2, round(r.width() * self.fraction)), h, self.color)


class TopGridsTile(Tile):
    """Up to five grids with the most open alarms: name, a bar, the count."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Top grids by open alarms"), "dashTileTopGrids", parent)
        self.rows_box = QWidget(self)
        self.rows_box.setObjectName("dashTopGrids")
        grid = QGridLayout(self.rows_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        self._grid = grid
        self.rows: list[tuple[ElidedLabel, Bar, QLabel]] = []
        for i in range(TOP_ROWS):
            name = ElidedLabel(self.rows_box)
            name.setObjectName(f"dashTopGridName{i}")
            bar = Bar(self.rows_box)
            count = QLabel(self.rows_box)
            count.setObjectName(f"dashTopGridCount{i}")
            count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, w in enumerate((name, bar, count)):
                grid.addWidget(w, i, column)
            self.rows.append((name, bar, count))
        self.empty = dim(QLabel(tr("No open alarms"), self.rows_box))
        self.empty.setObjectName("dashTopGridsEmpty")
        grid.addWidget(self.empty, TOP_ROWS, 0, 1, 3)
        self.body.addWidget(self.rows_box)
        self.body.addStretch(1)

    def apply_look(self, look: Look) -> None:
        super().apply_look(look)
        self._grid.setHorizontalSpacing(look.margin_px)
        self._grid.setVerticalSpacing(look.margin_px // 2)
        for name, bar, count in self.rows:
            name.setFont(px_font(self.font(), look.chip_px))
            count.setFont(px_font(self.font(), look.chip_px, bold=True))
            bar.color = look.ink
            bar.setMinimumHeight(round(look.chip_px * 1.2))
            bar.update()
        self.empty.setFont(px_font(self.font(), look.chip_px))

    def show_figures(self, fig: DashboardFigures) -> None:
        grids = fig.top_grids[:TOP_ROWS]
        most = max((g.count for g in grids), default=0)
        for i, (name, bar, count) in enumerate(self.rows):
            shown = i < len(grids)
            for w in (name, bar, count):
                w.setVisible(shown)
            if shown:
                set_text(name, grids[i].name)
                name.setToolTip(grids[i].name)
                set_text(count, str(grids[i].count))
                bar.set_fraction(grids[i].count / most if most else 0.0)
        self.empty.setVisible(not grids)


def swatch_if(condition: bool, key: str) -> str:
    return key if condition else "none"
