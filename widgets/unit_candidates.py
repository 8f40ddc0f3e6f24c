"""Ranked unit candidates as a Qt table: ``UnitCandidateModel`` and its delegates.

The rows are candidates as ``desktop.state.nearest.rank_units`` ranks them, nearest first;
this module takes anything shaped like them (``UnitCandidate``) because widgets do not import
the application. The model filters by text and keeps which units are chosen across filtering;
the delegates draw the status as a chip in its colour with its name on it, write uncertain
values (stale positions) and units that cannot be chosen dim, and draw the choose box from the
view's palette. Used by the dispatch unit picker; made to be used by the unit board's
"available near…" list too. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from backend_client.schemas import Unit
from widgets.colors import UNIT_STATUS_COLORS
from widgets.i18n import tr
from widgets.unit_texts import (
    age_text,
    distance_text,
    eta_text,
    position_text,
    unit_kind_label,
    unit_status_label,
)


class UnitCandidate(Protocol):
    """What the views read of a candidate; ``desktop.state.nearest.Candidate`` is one."""

    @property
    def unit(self) -> Unit: ...
    @property
    def distance_m(self) -> float | None: ...
    @property
    def eta_s(self) -> float | None: ...
    @property
    def position_age_s(self) -> float | None: ...
    @property
    def stale(self) -> bool: ...
    @property
    def available(self) -> bool: ...
    @property
    def busy_with(self) -> str | None: ...


class Column(IntEnum):
    CHOSEN = 0
    CALLSIGN = 1
    KIND = 2
    STATUS = 3
    DISTANCE = 4
    ETA = 5
    POSITION = 6
    ALARM = 7


HEADERS = {
    Column.CHOSEN: "#", Column.CALLSIGN: QT_TR_NOOP("Callsign"), Column.KIND: QT_TR_NOOP("Kind"),
    Column.STATUS: QT_TR_NOOP("Status"), Column.DISTANCE: QT_TR_NOOP("Distance"),
    Column.ETA: QT_TR_NOOP("ETA"), Column.POSITION: QT_TR_NOOP("Position"),
    Column.ALARM: QT_TR_NOOP("Current alarm"),
}
_HEADER_TIPS = {
    Column.CHOSEN: QT_TR_NOOP("Space or the row's number chooses a unit"),
    Column.DISTANCE: QT_TR_NOOP("Straight-line distance to the alarm, not by road"),
    Column.ETA: QT_TR_NOOP("Straight-line distance at a nominal speed: a first guess"),
}
# Roles of the delegates: the unit's status (for the chip) and whether to write a cell dim.
StatusRole = int(Qt.ItemDataRole.UserRole) + 1
DimRole = int(Qt.ItemDataRole.UserRole) + 2
_STALE_COLUMNS = frozenset({Column.DISTANCE, Column.ETA, Column.POSITION})
_NO_INDEX = QModelIndex()
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class UnitCandidateModel(QAbstractTableModel):
    """The candidates in their ranked order, filtered by text; which ones are chosen survives
    filtering and fresh rankings. ``set_candidates`` takes, beside the candidates, why each
    unit that cannot be chosen cannot be (the caller's rules: roles, this alarm); rows of those
    units are shown dim with a disabled box, and ``why_not(unit_id)`` gives the sentence.
    ``alarm_titles`` names the alarms in the "current alarm" column (ids otherwise)."""

    chosen_changed = Signal()

    def __init__(self, alarm_titles: Mapping[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[UnitCandidate] = []
        self._rows: list[UnitCandidate] = []
        self._why_not: dict[str, str] = {}
        self._known: set[str] = set()
        self._chosen: set[str] = set()
        self._text = ""
        self._alarm_titles = alarm_titles

    # --- content ---------------------------------------------------------------------------

    def set_candidates(self, candidates: Iterable[UnitCandidate],
                       why_not: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._all = list(candidates)
        self._why_not = dict(why_not)
        self._known = {c.unit.id for c in self._all}
        self._chosen = {i for i in self._chosen if i in self._known and i not in self._why_not}
        self._rows = self._filtered()
        self.endResetModel()
        self.chosen_changed.emit()

    def set_filter(self, text: str) -> None:
        if text == self._text:
            return
        self.beginResetModel()
        self._text = text
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[UnitCandidate]:
        # Every word must match the callsign or the kind (its key or its label), so
        # "12 car" finds the patrol cars of section 12.
        words = self._text.casefold().split()
        if not words:
            return list(self._all)
        rows = []
        for c in self._all:
            hay = f"{c.unit.callsign}\n{c.unit.kind}\n{unit_kind_label(c.unit.kind)}".casefold()
            if all(w in hay for w in words):
                rows.append(c)
        return rows

    def candidate(self, row: int) -> UnitCandidate | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, unit_id: str) -> int | None:
        for row, c in enumerate(self._rows):
            if c.unit.id == unit_id:
                return row
        return None

    def total_count(self) -> int:
        return len(self._all)

    def why_not(self, unit_id: str) -> str | None:
        return self._why_not.get(unit_id)

    # --- choosing --------------------------------------------------------------------------

    def chosen_ids(self) -> list[str]:
        """In ranked order (nearest first), hidden rows included."""
        return [c.unit.id for c in self._all if c.unit.id in self._chosen]

    def chosen_candidates(self) -> list[UnitCandidate]:
        return [c for c in self._all if c.unit.id in self._chosen]

    def hidden_chosen_count(self) -> int:
        shown = {c.unit.id for c in self._rows}
        return len(self._chosen - shown)

    def set_chosen(self, unit_id: str, on: bool) -> bool:
        """Choose or drop a unit; False (and nothing changes) when it cannot be chosen or is
        not a candidate at all."""
        if on and (unit_id in self._why_not or unit_id not in self._known):
            return False
        if (unit_id in self._chosen) == on:
            return True
        (self._chosen.add if on else self._chosen.discard)(unit_id)
        row = self.row_of(unit_id)
        if row is not None:
            index = self.index(row, Column.CHOSEN)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.chosen_changed.emit()
        return True

    def toggle(self, row: int) -> bool:
        c = self.candidate(row)
        if c is None:
            return False
        return self.set_chosen(c.unit.id, c.unit.id not in self._chosen)

    # --- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(HEADERS[column])
        if role == Qt.ItemDataRole.ToolTipRole and column in _HEADER_TIPS:
            return tr(_HEADER_TIPS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.DISTANCE, Column.ETA):
            return _RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        c = self.candidate(index.row())
        if c is None:
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.CHOSEN:
            if c.unit.id in self._why_not:
                return Qt.ItemFlag.ItemIsSelectable  # a disabled box: it cannot be chosen
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.candidate(index.row())
        if c is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text_of(column, c, index.row())
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.CHOSEN:
            return (Qt.CheckState.Checked if c.unit.id in self._chosen
                    else Qt.CheckState.Unchecked)
        if role == StatusRole:
            return c.unit.status
        if role == DimRole:
            return c.unit.id in self._why_not or (c.stale and column in _STALE_COLUMNS)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(c)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.DISTANCE, Column.ETA):
            return _RIGHT
        return None

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        c = self.candidate(index.row())
        if c is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else int(value)
        return self.set_chosen(c.unit.id, state == Qt.CheckState.Checked.value)

    def _text_of(self, column: Column, c: UnitCandidate, row: int) -> str:
        match column:
            case Column.CHOSEN:
                return str(row + 1) if row < 9 else ""  # the number key that toggles it
            case Column.CALLSIGN:
                return c.unit.callsign
            case Column.KIND:
                return unit_kind_label(c.unit.kind)
            case Column.STATUS:
                return unit_status_label(c.unit.status)
            case Column.DISTANCE:
                return distance_text(c.distance_m)
            case Column.ETA:
                return eta_text(c.eta_s)
            case Column.POSITION:
                return position_text(c.position_age_s, c.stale)
            case Column.ALARM:
                if c.busy_with is None:
                    return ""
                return self._alarm_titles.get(c.busy_with, c.busy_with)
        return ""

    def _tooltip(self, c: UnitCandidate) -> str:
        lines = [f"{c.unit.callsign} \u00b7 {unit_status_label(c.unit.status)}"]
        if c.unit.id in self._why_not:
            lines.append(self._why_not[c.unit.id])
        if c.position_age_s is None:
            lines.append(tr("This unit has not reported a position: ask it where it is."))
        elif c.stale:
            lines.append(tr("Its last position is {t} old: the distance may be wrong.").format(
                t=age_text(c.position_age_s)))
        return "\n".join(lines)


def dim_color(pal: QPalette) -> QColor:
    """The colour of uncertain text: the palette's text mixed toward its base, so it suits the
    dark theme and any other."""
    text, base = pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base)
    return QColor.fromRgbF(*(0.6 * t + 0.4 * b for t, b in zip(
        text.getRgbF()[:3], base.getRgbF()[:3], strict=True)))


def chip_margin(fm: QFontMetrics) -> int:
    """How much wider a status chip is than its words."""
    return 2 * fm.horizontalAdvance(" ") + 12


def paint_status_chip(painter: QPainter, rect: QRect, fm: QFontMetrics, font: QFont,
                      status: str, text: str) -> None:
    """A unit's status as a chip in its colour from ``widgets.colors`` with its words on it
    (colour is never the only sign), at the left of ``rect``; it keeps its colour on the
    selected row. An unknown status is written plain."""
    swatch = UNIT_STATUS_COLORS.get(status)
    if swatch is None or not text:
        painter.drawText(rect.adjusted(4, 0, -4, 0),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)
        return
    pad = fm.horizontalAdvance(" ")
    height = fm.height() + 4
    width = min(fm.horizontalAdvance(text) + 2 * pad + 4, rect.width() - 8)
    chip = QRect(rect.left() + 4, rect.center().y() - height // 2 + 1, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(swatch.background_color())
    painter.drawRoundedRect(chip, 3, 3)
    painter.setPen(swatch.text_color())
    chip_font = QFont(font)
    chip_font.setItalic(False)  # a chip is a label, never "uncertain"
    painter.setFont(chip_font)
    painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter),
                     fm.elidedText(text, Qt.TextElideMode.ElideRight, width - 2 * pad))
    painter.restore()


class CellDelegate(QStyledItemDelegate):
    """Writes dim (and italic) what is uncertain or cannot be chosen."""

    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: Index) -> None:
        super().initStyleOption(option, index)
        if index.data(DimRole):
            pal = option.palette
            pal.setColor(QPalette.ColorRole.Text, dim_color(pal))
            option.palette = pal
            option.font.setItalic(True)


class CheckDelegate(CellDelegate):
    """The choose box and the row's number key. Drawn here from the view's palette: Fusion
    draws item-view boxes in a shade of the window colour, invisible on the dark theme. A
    click anywhere in the cell toggles (a large target for a hurried hand)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        number, opt.text = opt.text, ""
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        enabled = bool(index.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        pal = opt.palette
        side = opt.fontMetrics.height() - 2
        box = QRect(opt.rect.left() + 6, opt.rect.center().y() - side // 2 + 1, side, side)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        if enabled:
            # On the selected row the box would vanish into the selection colour: outline it.
            edge = (QPalette.ColorRole.HighlightedText if selected
                    else QPalette.ColorRole.Highlight if checked else QPalette.ColorRole.Text)
            painter.setPen(QPen(pal.color(edge), 1.5))
            painter.setBrush(pal.color(QPalette.ColorRole.Highlight) if checked
                             else pal.color(QPalette.ColorRole.Base))
            painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            if checked:
                tick = QPainterPath()
                tick.moveTo(box.left() + side * 0.22, box.top() + side * 0.52)
                tick.lineTo(box.left() + side * 0.42, box.top() + side * 0.72)
                tick.lineTo(box.left() + side * 0.78, box.top() + side * 0.30)
                painter.setPen(QPen(pal.color(QPalette.ColorRole.HighlightedText), 2.0,
                                    Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                    Qt.PenJoinStyle.RoundJoin))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(tick)
        else:  # cannot be chosen: a dashed outline, plainly not a box to tick
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Text), 1.0, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        if number:
            painter.setPen(pal.color(QPalette.ColorRole.HighlightedText if selected
                                     else QPalette.ColorRole.Text))
            painter.setFont(opt.font)
            text_rect = opt.rect.adjusted(box.right() - opt.rect.left() + 8, 0, 0, 0)
            painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignLeft
                                            | Qt.AlignmentFlag.AlignVCenter), number)
        painter.restore()

    def editorEvent(self, event: QEvent, model: QAbstractItemModel,
                    option: QStyleOptionViewItem, index: Index) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            return True  # the first click toggled already; the second must not undo it
        if (kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent)
                and event.button() == Qt.MouseButton.LeftButton
                and option.rect.contains(event.position().toPoint())):
            if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                return False
            checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            model.setData(index, (Qt.CheckState.Unchecked if checked
                                  else Qt.CheckState.Checked).value,
                          Qt.ItemDataRole.CheckStateRole)
            return True
        return False


class StatusChipDelegate(CellDelegate):
    """The status cell: the row's background as any cell, then ``paint_status_chip``."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if text:
            paint_status_chip(painter, opt.rect, opt.fontMetrics, opt.font,
                              str(index.data(StatusRole)), text)

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + chip_margin(option.fontMetrics), size.height())
