"""The unit board's columns: what each shows of a unit, its header, and how it sorts.

Sort keys never depend on the clock ("in status" sorts by when the status began), so the rows
stay sorted between batches; only a unit turning overdue moves it (to the top of its status).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TR_NOOP

from backend_client.schemas import Unit
from backend_client.unit_rules import STATUS_ORDER
from widgets.i18n import tr
from widgets.unit_texts import NO_VALUE, position_text, unit_kind_label, unit_status_label


class Column(IntEnum):
    CALLSIGN = 0
    KIND = 1
    STATUS = 2
    IN_STATUS = 3
    ALARM = 4
    HOME_GRID = 5
    MEMBERS = 6
    RADIO = 7
    POSITION = 8


HEADERS = {
    Column.CALLSIGN: QT_TR_NOOP("Callsign"), Column.KIND: QT_TR_NOOP("Kind"),
    Column.STATUS: QT_TR_NOOP("Status"), Column.IN_STATUS: QT_TR_NOOP("In status"),
    Column.ALARM: QT_TR_NOOP("Current alarm"), Column.HOME_GRID: QT_TR_NOOP("Home grid"),
    Column.MEMBERS: QT_TR_NOOP("Members"), Column.RADIO: QT_TR_NOOP("Radio"),
    Column.POSITION: QT_TR_NOOP("Position"),
}
HEADER_TIPS = {
    Column.IN_STATUS: QT_TR_NOOP("How long the unit has had its status; overdue units are "
                                 "marked and come first in their status"),
    Column.POSITION: QT_TR_NOOP("How old the last position report is (the map's limits)"),
}
STATUS_RANK = {status: i for i, status in enumerate(STATUS_ORDER)}


@dataclass(frozen=True)
class BoardContext:
    """What the board names that units only refer to: alarm titles and grid names, and the
    station each grid belongs to (for filters and grouping)."""

    alarm_titles: Mapping[str, str] = field(default_factory=dict)
    grid_names: Mapping[str, str] = field(default_factory=dict)
    grid_stations: Mapping[str, str] = field(default_factory=dict)

    def station_of(self, unit: Unit) -> str:
        return self.grid_stations.get(unit.home_grid_id or "", "")


def duration_text(seconds: float) -> str:
    """A ticking timer: ``4:05``, ``1:02:09``."""
    s = max(0, int(seconds))
    if s < 3600:
        return f"{s // 60}:{s % 60:02d}"
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def cell_text(column: Column, unit: Unit, now: datetime, ctx: BoardContext) -> str:
    if column == Column.CALLSIGN:
        return unit.callsign
    if column == Column.KIND:
        return unit_kind_label(unit.kind)
    if column == Column.STATUS:
        return unit_status_label(unit.status)
    if column == Column.IN_STATUS:
        return duration_text((now - unit.status_since).total_seconds())
    if column == Column.ALARM:
        if not unit.alarm_id:
            return ""
        return ctx.alarm_titles.get(unit.alarm_id, unit.alarm_id)
    if column == Column.HOME_GRID:
        grid = unit.home_grid_id or ""
        return ctx.grid_names.get(grid, grid) or NO_VALUE
    if column == Column.MEMBERS:
        return ", ".join(unit.members) or NO_VALUE
    if column == Column.RADIO:
        return unit.radio_channel or NO_VALUE
    return position_text(None if unit.position is None
                         else (now - unit.position.at).total_seconds(), stale=False)


def default_key(unit: Unit, overdue: bool) -> tuple[Any, ...]:
    """The board's own order: by status (the columns' order), overdue first, then callsign."""
    return (STATUS_RANK.get(unit.status, len(STATUS_RANK)), not overdue,
            unit.callsign.casefold(), unit.id)


def sort_key(column: Column, ctx: BoardContext) -> Callable[[Unit], Any]:
    """A column's key (ties are broken by ``default_key``)."""
    if column == Column.CALLSIGN:
        return lambda u: u.callsign.casefold()
    if column == Column.KIND:
        return lambda u: unit_kind_label(u.kind)
    if column == Column.STATUS:
        return lambda u: STATUS_RANK.get(u.status, len(STATUS_RANK))
    if column == Column.IN_STATUS:  # ascending: the longest in status first
        return lambda u: u.status_since
    if column == Column.ALARM:
        return lambda u: (not u.alarm_id, ctx.alarm_titles.get(u.alarm_id or "", ""))
    if column == Column.HOME_GRID:
        return lambda u: ctx.grid_names.get(u.home_grid_id or "", u.home_grid_id or "")
    if column == Column.MEMBERS:
        return lambda u: ", ".join(u.members)
    if column == Column.RADIO:
        return lambda u: u.radio_channel or ""
    # Position: the freshest first; none last.
    return lambda u: (u.position is None,
                      -u.position.at.timestamp() if u.position is not None else 0.0)


def header_label(column: Column) -> str:
    return tr(HEADERS[column])


def header_tooltip(column: Column) -> str:
    tip = HEADER_TIPS.get(column)
    return tr(tip) if tip else ""
