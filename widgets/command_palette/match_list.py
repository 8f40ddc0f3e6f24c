"""The palette's list of matches: the model over the ranked ``Match``es and the delegate that
draws each row (title, argument hint, the reason a command is unavailable, and its shortcut
as key caps, right-aligned)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from widgets.command_palette.commands import Match

MatchRole = Qt.ItemDataRole.UserRole + 1  # the row's ``Match``
_Index = QModelIndex | QPersistentModelIndex


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    s = share_of_a
    return QColor(round(a.red() * s + b.red() * (1 - s)),
                  round(a.green() * s + b.green() * (1 - s)),
                  round(a.blue() * s + b.blue() * (1 - s)))


def shortcut_text(portable: str) -> str:
    """A shortcut as the platform writes it ("Ctrl+N"); text Qt cannot parse stays as it is."""
    if not portable:
        return ""
    native = QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText)
    return native or portable


class _MatchModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._matches: list[Match] = []

    def set_matches(self, matches: list[Match]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def match_at(self, row: int) -> Match | None:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._matches)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Unavailable commands stay selectable: the officer can go to one and read why.
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        m = self.match_at(index.row()) if index.isValid() else None
        if m is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return m.command.title
        if role == MatchRole:
            return m
        if role == Qt.ItemDataRole.ToolTipRole:
            if not m.enabled:
                return m.reason or self.tr("Not available right now.")
            return ", ".join(m.command.words) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [m.command.title, shortcut_text(m.command.shortcut)]
            if not m.enabled:
                parts.append(m.reason or self.tr("Not available right now."))
            return ", ".join(p for p in parts if p)
        return None


class _MatchDelegate(QStyledItemDelegate):
    """One row: the title, then (dimmed) the argument hint or why the command is unavailable,
    and the shortcut right-aligned in a key cap. Colours come from the palette only, so the
    row follows the theme."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802
        height = option.fontMetrics.height()
        return QSize(option.rect.width(), height + 2 * (height // 3))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        m = index.data(MatchRole)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""  # the background and the selection only; the texts are drawn below
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        if not isinstance(m, Match):
            return
        pal, group = opt.palette, QPalette.ColorGroup.Active
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ground = pal.color(group, QPalette.ColorRole.Highlight if selected
                           else QPalette.ColorRole.Base)
        text = pal.color(group, QPalette.ColorRole.HighlightedText if selected
                         else QPalette.ColorRole.Text)
        dim = _mix(text, ground, 0.7)
        if not m.enabled:
            text = dim if selected else pal.color(QPalette.ColorGroup.Disabled,
                                                  QPalette.ColorRole.Text)
            dim = _mix(text, ground, 0.85)
        fm = opt.fontMetrics
        pad = max(6, fm.height() // 2)
        room = opt.rect.adjusted(pad, 0, -pad, 0)
        painter.save()
        painter.setFont(opt.font)
        keys = shortcut_text(m.command.shortcut)
        if keys:
            cap_h = fm.height() + 2
            cap = QRect(0, 0, fm.horizontalAdvance(keys) + pad, cap_h)
            cap.moveCenter(room.center())
            cap.moveRight(room.right())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(_mix(dim, ground, 0.6))
            painter.drawRoundedRect(cap.adjusted(0, 0, -1, -1), 3, 3)
            painter.setPen(dim)
            painter.drawText(cap, Qt.AlignmentFlag.AlignCenter, keys)
            room.setRight(cap.left() - pad)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        title = fm.elidedText(m.command.title, Qt.TextElideMode.ElideRight, room.width())
        painter.setPen(text)
        painter.drawText(room, align, title)
        if not m.enabled:
            secondary = m.reason or self.tr("not available")
        elif m.command.argument_hint:
            secondary = self.tr("‹{hint}›").format(hint=m.command.argument_hint)
        else:
            secondary = ""
        room.setLeft(room.left() + fm.horizontalAdvance(title) + pad)
        if secondary and room.width() > fm.horizontalAdvance("…") * 3:
            painter.setPen(dim)
            painter.drawText(room, align, fm.elidedText(secondary, Qt.TextElideMode.ElideRight,
                                                        room.width()))
        painter.restore()
