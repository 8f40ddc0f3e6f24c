"""How a row looks: colours, fonts, alignment and tooltips of the queue's cells.

Colours come from ``widgets.colors`` (priority swatches; the critical notice red for overdue),
so a P1 here is the same red as a P1 on the map. Row tints are translucent so they sit on the
dark theme and on a light one alike, and the default text colour stays readable on them.
Colour is never the only sign: the priority number, the state and "overdue +N s" are text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from backend_client.schemas import Alarm
from widgets.alarm_queue.columns import (
    Column,
    ack_timer_text,
    format_duration,
    is_overdue,
)
from widgets.colors import NOTICE_COLORS, PRIORITY_COLORS
from widgets.i18n import tr


def _tint(color: str, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


_PRIORITY_BG = {p: s.background_color() for p, s in PRIORITY_COLORS.items()}
_PRIORITY_FG = {p: s.text_color() for p, s in PRIORITY_COLORS.items()}
_CRITICAL = NOTICE_COLORS["critical"]
_OVERDUE_CELL_BG = _CRITICAL.background_color()
_OVERDUE_CELL_FG = _CRITICAL.text_color()
# Overdue rows pulse between these two; both are plainly red.
_OVERDUE_ROW = (_tint(_CRITICAL.background, 140), _tint(_CRITICAL.background, 80))
_P1_WAITING_ROW = _tint(PRIORITY_COLORS[1].background, 60)
# Fresh rows pulse in their priority's colour for the first seconds.
_FRESH_ROW = {p: (_tint(s.background, 150), _tint(s.background, 45))
              for p, s in PRIORITY_COLORS.items()}

_BOLD = QFont()
_BOLD.setBold(True)

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN = {Column.PRIORITY: _CENTER, Column.AGE: _RIGHT, Column.ACK_TIMER: _RIGHT}

_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)




def row_background(alarm: Alarm, overdue: bool, flashing: bool, phase: bool) -> QColor | None:
    if overdue:
        return _OVERDUE_ROW[0 if phase else 1]
    if flashing:
        return _FRESH_ROW[alarm.priority][0 if phase else 1]
    if alarm.priority == 1 and alarm.state == "new":
        return _P1_WAITING_ROW
    return None


def tooltip(column: Column, alarm: Alarm, now: datetime, targets: Mapping[int, float]) -> str:
    if column == Column.PRIORITY:
        return tr("Priority {p}").format(p=alarm.priority)
    if column == Column.ACK_TIMER:
        if alarm.state == "new":
            target = format_duration(targets.get(alarm.priority, 0))
            return tr("To be acknowledged within {t}: {state}").format(
                t=target, state=ack_timer_text(alarm, now, targets))
        if alarm.acknowledged_at is not None:
            return tr("Acknowledged by {who} after {t}").format(
                who=alarm.acknowledged_by or "?",
                t=format_duration((alarm.acknowledged_at - alarm.created_at).total_seconds()))
    if column == Column.UNITS and alarm.assigned_unit_ids:
        return ", ".join(alarm.assigned_unit_ids)
    lines = [alarm.title]
    if alarm.description:
        lines.append(alarm.description)
    lines.append(alarm.id)
    return "\n".join(lines)


def role_value(role: int, column: Column, alarm: Alarm, now: datetime,
               targets: Mapping[int, float], *, flashing: bool, phase: bool) -> object:
    """The value of a styling role (background, foreground, font, alignment, tooltip)."""
    if role == _BACKGROUND:
        if column == Column.PRIORITY:
            return _PRIORITY_BG.get(alarm.priority)
        overdue = is_overdue(alarm, now, targets)
        if overdue and column == Column.ACK_TIMER:
            return _OVERDUE_CELL_BG
        return row_background(alarm, overdue, flashing, phase)
    if role == _FOREGROUND:
        if column == Column.PRIORITY:
            return _PRIORITY_FG.get(alarm.priority)
        if column == Column.ACK_TIMER and is_overdue(alarm, now, targets):
            return _OVERDUE_CELL_FG
        return None
    if role == _FONT:
        if column == Column.PRIORITY or (column == Column.ACK_TIMER
                                         and is_overdue(alarm, now, targets)):
            return _BOLD
        if alarm.state == "new" and column == Column.TITLE:
            return _BOLD
        return None
    if role == _ALIGNMENT:
        return _ALIGN.get(column, _LEFT)
    if role == _TOOLTIP:
        return tooltip(column, alarm, now, targets)
    return None
