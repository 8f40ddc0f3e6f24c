"""The alarm queue's columns: their labels, the texts of their cells and their sort keys.

Pure functions of an ``Alarm`` (and the current time where a cell ticks), so the model stays a
thin adapter. Sort keys never depend on the time, so a sorted list stays sorted as the clock
runs and a new row can be placed by bisection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TR_NOOP

from backend_client.schemas import ALARM_STATES, Alarm
from widgets.i18n import tr

# Seconds an officer has to acknowledge a new alarm, per priority (the defaults).
DEFAULT_ACK_TARGETS: Mapping[int, float] = {1: 10.0, 2: 30.0, 3: 60.0, 4: 120.0}




class Column(IntEnum):
    PRIORITY = 0
    KIND = 1
    TITLE = 2
    GRID = 3
    ADDRESS = 4
    STATE = 5
    AGE = 6
    ACK_TIMER = 7
    UNITS = 8
    SOURCE = 9


# English source strings; translated when asked for (the language may change at run time).
_HEADERS: dict[Column, str] = {
    Column.PRIORITY: QT_TR_NOOP("P"),
    Column.KIND: QT_TR_NOOP("Kind"),
    Column.TITLE: QT_TR_NOOP("Title"),
    Column.GRID: QT_TR_NOOP("Grid"),
    Column.ADDRESS: QT_TR_NOOP("Address"),
    Column.STATE: QT_TR_NOOP("State"),
    Column.AGE: QT_TR_NOOP("Age"),
    Column.ACK_TIMER: QT_TR_NOOP("Ack timer"),
    Column.UNITS: QT_TR_NOOP("Units"),
    Column.SOURCE: QT_TR_NOOP("Source"),
}
_HEADER_TIPS: dict[Column, str] = {
    Column.PRIORITY: QT_TR_NOOP("Priority (1 is the most urgent)"),
    Column.ACK_TIMER: QT_TR_NOOP(
        "Time left to acknowledge; for acknowledged alarms, the time it took"),
}
_KIND_LABELS: dict[str, str] = {
    "intrusion": QT_TR_NOOP("Intrusion"),
    "fire": QT_TR_NOOP("Fire"),
    "panic": QT_TR_NOOP("Panic"),
    "call": QT_TR_NOOP("Call"),
    "video_analytics": QT_TR_NOOP("Video analytics"),
    "traffic": QT_TR_NOOP("Traffic"),
    "watchlist_hit": QT_TR_NOOP("Watchlist hit"),
    "equipment_fault": QT_TR_NOOP("Equipment fault"),
    "other": QT_TR_NOOP("Other"),
}
# A glyph per kind that DejaVu Sans and Noto carry, so a kind can be found at a glance; the
# word stays next to it (a glyph alone is a riddle).
KIND_GLYPHS: dict[str, str] = {
    "intrusion": "\u2302", "fire": "\u2668", "panic": "\u203c", "call": "\u260e",
    "video_analytics": "\u25c9", "traffic": "\u26a0", "watchlist_hit": "\u2691",
    "equipment_fault": "\u2699", "other": "\u2022",
}
_STATE_LABELS: dict[str, str] = {
    "new": QT_TR_NOOP("New"),
    "acknowledged": QT_TR_NOOP("Acknowledged"),
    "dispatched": QT_TR_NOOP("Dispatched"),
    "on_scene": QT_TR_NOOP("On scene"),
    "closed": QT_TR_NOOP("Closed"),
}
_STATE_ORDER = {state: i for i, state in enumerate(ALARM_STATES)}
NO_VALUE = "\u2014"


def header_label(column: Column) -> str:
    return tr(_HEADERS[column])


def header_tooltip(column: Column) -> str:
    return tr(_HEADER_TIPS.get(column, _HEADERS[column]))


def kind_label(kind: str) -> str:
    return tr(_KIND_LABELS.get(kind, kind))


def state_label(state: str) -> str:
    return tr(_STATE_LABELS.get(state, state))


def format_duration(seconds: float) -> str:
    """Short form for a table cell: ``45 s``, ``2 min 05 s``, ``1 h 03 min``, ``2 d 04 h``."""
    s = max(0, int(seconds))
    if s < 60:
        return tr("{s} s").format(s=s)
    if s < 3600:
        return tr("{m} min {s:02d} s").format(m=s // 60, s=s % 60)
    if s < 86400:
        return tr("{h} h {m:02d} min").format(h=s // 3600, m=s % 3600 // 60)
    return tr("{d} d {h:02d} h").format(d=s // 86400, h=s % 86400 // 3600)


def address_text(alarm: Alarm) -> str:
    loc = alarm.location
    return loc.address or f"{loc.lat:.5f}, {loc.lon:.5f}"


def source_text(alarm: Alarm) -> str:
    src = alarm.source
    return src.name or src.id or src.type


def units_text(alarm: Alarm, unit_names: Mapping[str, str] | None) -> str:
    ids = alarm.assigned_unit_ids
    if not ids:
        return NO_VALUE
    if unit_names:
        return ", ".join(unit_names.get(i, i) for i in ids)
    return str(len(ids))


def age_seconds(alarm: Alarm, now: datetime) -> float:
    return (now - alarm.created_at).total_seconds()


def is_overdue(alarm: Alarm, now: datetime, targets: Mapping[int, float]) -> bool:
    return alarm.state == "new" and age_seconds(alarm, now) > targets.get(alarm.priority, 0)


def ack_timer_text(alarm: Alarm, now: datetime, targets: Mapping[int, float]) -> str:
    """Counts down to the target while new, then ``overdue +N s``; for an acknowledged alarm
    the time the acknowledgement took."""
    if alarm.state == "new":
        left = targets.get(alarm.priority, 0) - age_seconds(alarm, now)
        if left >= 0:
            return format_duration(left)
        return tr("overdue +{t}").format(t=format_duration(-left))
    if alarm.acknowledged_at is None:
        return NO_VALUE
    return tr("took {t}").format(
        t=format_duration((alarm.acknowledged_at - alarm.created_at).total_seconds()))


def cell_text(column: Column, alarm: Alarm, now: datetime, targets: Mapping[int, float],
              unit_names: Mapping[str, str] | None) -> str:
    match column:
        case Column.PRIORITY:
            return str(alarm.priority)
        case Column.KIND:
            return f"{KIND_GLYPHS.get(alarm.kind, KIND_GLYPHS['other'])}  {kind_label(alarm.kind)}"
        case Column.TITLE:
            return alarm.title
        case Column.GRID:
            return alarm.grid_id or NO_VALUE
        case Column.ADDRESS:
            return address_text(alarm)
        case Column.STATE:
            return state_label(alarm.state)
        case Column.AGE:
            return format_duration(age_seconds(alarm, now))
        case Column.ACK_TIMER:
            return ack_timer_text(alarm, now, targets)
        case Column.UNITS:
            return units_text(alarm, unit_names)
        case Column.SOURCE:
            return source_text(alarm)
    return ""


def default_key(alarm: Alarm) -> tuple[int, float, str]:
    """The queue's own order: P1 first, newest first within a priority, the id breaking ties
    (so the order is total and a new row has exactly one place)."""
    return (alarm.priority, -alarm.created_at.timestamp(), alarm.id)


def _ack_key(targets: Mapping[int, float]) -> Callable[[Alarm], tuple[int, float]]:
    # New alarms by deadline (most urgent first; a deadline does not move as time passes),
    # then acknowledged ones by how long the acknowledgement took.
    def key(alarm: Alarm) -> tuple[int, float]:
        if alarm.state == "new":
            return (0, alarm.created_at.timestamp() + targets.get(alarm.priority, 0))
        if alarm.acknowledged_at is not None:
            return (1, (alarm.acknowledged_at - alarm.created_at).total_seconds())
        return (2, 0.0)
    return key


def sort_key(column: Column, targets: Mapping[int, float]) -> Callable[[Alarm], Any]:
    """The key of ``column`` (ascending); ties are left to ``default_key``."""
    if column == Column.ACK_TIMER:
        return _ack_key(targets)
    return _SORT_KEYS[column]


_SORT_KEYS: dict[Column, Callable[[Alarm], Any]] = {
    Column.PRIORITY: lambda a: a.priority,
    Column.KIND: lambda a: a.kind,
    Column.TITLE: lambda a: a.title.casefold(),
    Column.GRID: lambda a: a.grid_id or "",
    Column.ADDRESS: lambda a: address_text(a).casefold(),
    Column.STATE: lambda a: _STATE_ORDER.get(a.state, 99),
    Column.AGE: lambda a: -a.created_at.timestamp(),
    Column.UNITS: lambda a: len(a.assigned_unit_ids),
    Column.SOURCE: lambda a: source_text(a).casefold(),
}
