"""``CardDelegate``: a unit painted as a card of the card board — callsign, kind, the status
as a chip in its colour with its words, time in status, what it is late for, the current
alarm and the members; an overdue card's frame blinks with the model's ``flash_on``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from backend_client.schemas import Unit
from widgets.colors import UNIT_STATUS_COLORS
from widgets.i18n import tr
from widgets.unit_board.columns import duration_text
from widgets.unit_board.model import (
    OVERDUE_TEXT,
    OverdueRole,
    QueuedRole,
    UnitRole,
)
from widgets.unit_texts import unit_kind_label, unit_status_label

if TYPE_CHECKING:
    from widgets.unit_board.cards import CardBoard

OVERDUE_ON = "#e5484d"  # the overdue frame while the model's flash is on
OVERDUE_OFF = "#f5a623"  # ... and while it is off
CARD_WIDTH = 220  # at normal size
CARD_HEIGHT = 64  # at least, at normal size (more when the font needs it)
FRAME_PX = 3
Index = QModelIndex | QPersistentModelIndex


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """``t`` of ``a`` and the rest of ``b``."""
    return QColor.fromRgbF(*(t * x + (1 - t) * y for x, y in zip(
        a.getRgbF()[:3], b.getRgbF()[:3], strict=True)))


def scaled_font(font: QFont, scale: float) -> QFont:
    out = QFont(font)
    if out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * scale)
    elif out.pixelSize() > 0:
        out.setPixelSize(round(out.pixelSize() * scale))
    return out


class CardDelegate(QStyledItemDelegate):
    """Paints a unit as a card. Its fonts are the view's (``CardBoard.set_large`` scales
    them); ``scale`` scales the card's width and least height."""

    def __init__(self, board: CardBoard) -> None:
        super().__init__(board)
        self._board = board
        self.scale = 1.0

    # --- geometry -------------------------------------------------------------------------

    def _metrics(self, font: QFont) -> tuple[QFont, QFont, int, int]:
        bold = QFont(font)
        bold.setBold(True)
        small = scaled_font(font, 0.85)
        height = QFontMetrics(font).height()
        pad = max(4, round(height / 3))
        return bold, small, height, pad

    def card_size(self, font: QFont) -> QSize:
        bold, _, height, pad = self._metrics(font)
        lines = QFontMetrics(bold).height() + (height + 2) + height + 2 * 2
        return QSize(round(CARD_WIDTH * self.scale),
                     max(round(CARD_HEIGHT * self.scale), lines + 2 * pad))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return self.card_size(option.font)

    def _lines(self, rect: QRect, font: QFont) -> tuple[QRect, int, int, int]:
        """The card's inner rectangle and the tops of its three lines."""
        bold, _, height, pad = self._metrics(font)
        inner = rect.adjusted(pad, pad - 1, -pad, -pad + 1)
        first = inner.top()
        second = first + QFontMetrics(bold).height() + 2
        third = second + height + 2 + 2
        return inner, first, second, third

    def alarm_line(self, rect: QRect, font: QFont) -> QRect:
        """Where a card at ``rect`` writes its current alarm (a click there opens it)."""
        inner, _, _, third = self._lines(rect, font)
        return QRect(inner.left(), third, inner.width(), QFontMetrics(font).height())

    # --- painting -------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        unit = index.data(UnitRole)
        if not isinstance(unit, Unit):
            return
        late = index.data(OverdueRole)
        queued = bool(index.data(QueuedRole))
        pal: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        font = QFont(option.font)
        bold, small, height, pad = self._metrics(font)
        fm, fm_bold, fm_small = QFontMetrics(font), QFontMetrics(bold), QFontMetrics(small)
        text = pal.color(QPalette.ColorRole.Text)
        # The card is raised above the list: the board's button colour (a style sheet's
        # list background also sets the list's own button colour, hiding the card).
        board_pal = self._board.palette()
        card_bg = board_pal.color(QPalette.ColorRole.Midlight if hover
                                  else QPalette.ColorRole.Button)
        dim = _mix(text, card_bg, 0.65)
        rect = QRect(option.rect)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = 4.0
        painter.setPen(QPen(board_pal.color(QPalette.ColorRole.Mid), 1.0))
        painter.setBrush(card_bg)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        inset = 0
        if late:
            color = QColor(OVERDUE_ON if self._board.model.flash_on else OVERDUE_OFF)
            painter.setPen(QPen(color, FRAME_PX))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FRAME_PX / 2
            painter.drawRoundedRect(QRectF(rect).adjusted(half, half, -half, -half),
                                    radius, radius)
            inset = FRAME_PX
        if selected:
            painter.setPen(QPen(pal.color(QPalette.ColorRole.Highlight), 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(inset + 1, inset + 1,
                                                          -inset - 1, -inset - 1),
                                    radius, radius)

        inner, y, second, third = self._lines(rect, font)
        left, width = inner.left(), inner.width()
        align_left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        align_right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # Line 1: callsign (bold), kind (dim) ... time in status (right).
        line1 = fm_bold.height()
        since = duration_text((self._board.model.now() - unit.status_since).total_seconds())
        since_w = fm.horizontalAdvance(since)
        painter.setFont(font)
        painter.setPen(text)
        painter.drawText(QRect(left, y, width, line1), align_right, since)
        room = width - since_w - pad
        callsign = fm_bold.elidedText(unit.callsign, Qt.TextElideMode.ElideRight, room)
        painter.setFont(bold)
        painter.drawText(QRect(left, y, room, line1), align_left, callsign)
        used = fm_bold.horizontalAdvance(callsign) + fm.horizontalAdvance("  ")
        if used < room:
            kind = fm.elidedText(unit_kind_label(unit.kind), Qt.TextElideMode.ElideRight,
                                 room - used)
            painter.setFont(font)
            painter.setPen(dim)
            painter.drawText(QRect(left + used, y, room - used, line1), align_left, kind)
        y = second

        # Line 2: the status chip (colour and words), "queued", what it is late for.
        chip_h = height + 2
        words = unit_status_label(unit.status)
        chip_pad = fm.horizontalAdvance(" ")
        chip_w = min(fm.horizontalAdvance(words) + 2 * chip_pad + 4, width)
        chip = QRect(left, y, chip_w, chip_h)
        swatch = UNIT_STATUS_COLORS.get(unit.status)
        painter.setFont(font)
        if swatch is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(swatch.background_color())
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(swatch.text_color())
        else:
            painter.setPen(QPen(text, 1.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(chip, 3, 3)
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter),
                         fm.elidedText(words, Qt.TextElideMode.ElideRight,
                                       chip_w - 2 * chip_pad))
        x = chip.right() + 1 + pad
        if queued:
            queued_text = tr("queued")
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(dim)
            q_w = QFontMetrics(italic).horizontalAdvance(queued_text)
            painter.drawText(QRect(x, y, max(0, left + width - x), chip_h), align_left,
                             queued_text)
            x += q_w + pad
        if late and x < left + width:
            late_text = tr(OVERDUE_TEXT.get(str(late), str(late)))
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(QRect(x, y, left + width - x, chip_h), align_left,
                             fm_bold.elidedText(late_text, Qt.TextElideMode.ElideRight,
                                                left + width - x))
        y = third

        # Line 3: the current alarm (in the link colour: a click opens it), then the
        # members (dim).
        x = left
        ctx = self._board.context
        if unit.alarm_id:
            title = ctx.alarm_titles.get(unit.alarm_id, unit.alarm_id)
            members_w = fm_small.horizontalAdvance(", ".join(unit.members)) if unit.members else 0
            alarm_room = width if not members_w else max(width // 2, width - members_w - pad)
            alarm = fm.elidedText(title, Qt.TextElideMode.ElideRight, alarm_room)
            painter.setFont(font)
            painter.setPen(pal.color(QPalette.ColorRole.Link))
            painter.drawText(QRect(x, y, alarm_room, height), align_left, alarm)
            x += fm.horizontalAdvance(alarm) + pad
        if unit.members and x < left + width:
            members = fm_small.elidedText(", ".join(unit.members), Qt.TextElideMode.ElideRight,
                                          left + width - x)
            painter.setFont(small)
            painter.setPen(dim)
            painter.drawText(QRect(x, y, left + width - x, height), align_left, members)
        painter.restore()
