"""``AlarmQueueModel``: the open alarms as a Qt table, fed one change set at a time.

The rows are a Python list in display order plus an id → row dict; sorting and filtering are
done here, on the data, not by a proxy. A batch costs a few signals however many alarms it
holds: contiguous removal ranges, one layout change for rows that move, one insertion range
per place new rows land (a flood's fresh alarms share the top of their priority band), and
one ``dataChanged`` over the rows updated in place. All methods run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from backend_client.schemas import Alarm, utcnow
from widgets.alarm_queue import styles
from widgets.alarm_queue.columns import (
    DEFAULT_ACK_TARGETS,
    Column,
    cell_text,
    header_label,
    header_tooltip,
    is_overdue,
)
from widgets.alarm_queue.filters import AlarmFilter
from widgets.alarm_queue.rows import RowOrder, contiguous_ranges_descending
from widgets.alarm_queue.store import OpenAlarms

AlarmRole = int(Qt.ItemDataRole.UserRole) + 1  # the Alarm object
AlarmIdRole = int(Qt.ItemDataRole.UserRole) + 2  # its id
_TICK_ROLES = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole]
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_COLUMNS = tuple(Column)
_NO_INDEX = QModelIndex()
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)

Index = QModelIndex | QPersistentModelIndex


class AlarmQueueModel(QAbstractTableModel):
    """The open alarms (``apply``), of which those passing the filter are the rows."""

    counts_changed = Signal()  # open / unacknowledged / overdue counts may have changed

    def __init__(self, parent: QObject | None = None, *,
                 now: Callable[[], datetime] = utcnow,
                 unit_names: Mapping[str, str] | None = None,
                 ack_targets: Mapping[int, float] | None = None) -> None:
        super().__init__(parent)
        self._now = now
        self._clock = now()  # the time cells are drawn at; moves on with tick()
        self._phase = False  # flips every tick: flashing rows alternate strong and faint
        self._targets: dict[int, float] = dict(ack_targets or DEFAULT_ACK_TARGETS)
        self._unit_names: dict[str, str] = dict(unit_names or {})
        self._open = OpenAlarms()  # every open alarm, whatever the filter shows
        self._overdue_cache: tuple[datetime, int] | None = None  # (clock, count)
        self._rows: list[Alarm] = []
        self._index: dict[str, int] = {}
        self._filter = AlarmFilter()
        self._order = RowOrder(Column.PRIORITY, False, self._targets)

    # --- Qt model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_label(_COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tooltip(_COLUMNS[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(_COLUMNS)):
            return None
        alarm = self._rows[row]
        column = _COLUMNS[col]
        if role == _DISPLAY:
            return cell_text(column, alarm, self._clock, self._targets, self._unit_names)
        if role == AlarmRole:
            return alarm
        if role == AlarmIdRole:
            return alarm.id
        return styles.role_value(role, column, alarm, self._clock, self._targets,
                                 flashing=self._is_flashing(alarm.id), phase=self._phase)

    # --- feeding ---------------------------------------------------------------------------

    def apply(self, reset: bool, alarms: Iterable[Alarm]) -> None:
        """Take one change set's alarms. ``reset``: they are the whole state. Otherwise each
        is the newest version of a changed alarm; versions not newer than the one held (or
        closed) are ignored, closed alarms leave the queue."""
        now = self._clock = self._now()
        if reset:
            self.beginResetModel()
            self._open.reset(alarms)
            self._rebuild_rows()
            self.endResetModel()
            self._counts_changed()
            return
        removed: list[int] = []
        inserted: list[Alarm] = []
        in_place: list[Alarm] = []
        moved: list[Alarm] = []
        for alarm in self._open.fresh(alarms):
            self._open.take(alarm, now)
            row = self._index.get(alarm.id)
            visible = alarm.state != "closed" and self._filter.matches(alarm)
            if row is None:
                if visible:
                    inserted.append(alarm)
            elif not visible:
                removed.append(row)
            else:
                # Held rows are swapped for their new versions at once (no signal can run in
                # between); the signals below tell the views.
                (moved if self._order.raw_key(self._rows[row]) != self._order.raw_key(alarm)
                 else in_place).append(alarm)
                self._rows[row] = alarm
        if not (removed or inserted or in_place or moved):
            return
        self._remove_rows(removed)
        self._move_rows(moved)
        self._insert_rows(inserted)
        if in_place:
            rows = [self._index[a.id] for a in in_place]
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(_COLUMNS) - 1))
        self._counts_changed()

    def _rebuild_rows(self) -> None:
        self._rows = [a for a in self._open.by_id.values() if self._filter.matches(a)]
        self._order.sort(self._rows)
        self._reindex()

    def _reindex(self) -> None:
        self._index = {a.id: i for i, a in enumerate(self._rows)}

    def _remove_rows(self, rows: list[int]) -> None:
        if not rows:
            return
        for first, last in contiguous_ranges_descending(rows):
            self.beginRemoveRows(_NO_INDEX, first, last)
            del self._rows[first:last + 1]
            self.endRemoveRows()
        self._reindex()

    def _move_rows(self, moved: list[Alarm]) -> None:
        """Rows whose sort key changed go to their new place in one layout change, so a
        selected alarm stays selected when, say, its priority is raised."""
        if not moved:
            return
        self._relayout(lambda: self._resort_some({a.id for a in moved}))

    def _resort_some(self, ids: set[str]) -> None:
        keep = [a for a in self._rows if a.id not in ids]
        out = [a for a in self._rows if a.id in ids]
        for pos, block in reversed(self._order.insert_blocks(keep, out)):
            keep[pos:pos] = block
        self._rows = keep

    def _insert_rows(self, alarms: list[Alarm]) -> None:
        if not alarms:
            return
        shift = 0
        for pos, block in self._order.insert_blocks(self._rows, alarms):
            first = pos + shift
            self.beginInsertRows(_NO_INDEX, first, first + len(block) - 1)
            self._rows[first:first] = block
            self.endInsertRows()
            shift += len(block)
        self._reindex()

    def _relayout(self, reorder: Callable[[], None]) -> None:
        """Reorder the rows (same rows, new order) and carry persistent indexes along."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._rows[p.row()].id for p in persistent]
        reorder()
        self._reindex()
        moved_to = [self.index(self._index[i], p.column())
                    for p, i in zip(persistent, ids, strict=True)]
        self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()

    # --- sorting and filtering -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_COLUMNS):
            return
        self._order = RowOrder(_COLUMNS[column], order == Qt.SortOrder.DescendingOrder,
                               self._targets)
        self._relayout(lambda: self._order.sort(self._rows))

    def sort_column(self) -> Column:
        return self._order.column

    def sort_order(self) -> Qt.SortOrder:
        return (Qt.SortOrder.DescendingOrder if self._order.descending
                else Qt.SortOrder.AscendingOrder)

    def alarm_filter(self) -> AlarmFilter:
        return self._filter

    def set_filter(self, alarm_filter: AlarmFilter) -> None:
        """Show the open alarms passing ``alarm_filter`` (the others are kept, not lost)."""
        if alarm_filter == self._filter:
            return
        self.beginResetModel()
        self._filter = alarm_filter
        self._rebuild_rows()
        self.endResetModel()
        self._counts_changed()

    # --- time ------------------------------------------------------------------------------

    def tick(self, now: datetime | None = None) -> None:
        """Move the clock on (the view's 1 s timer): one ``dataChanged`` over all rows, the
        whole width while anything flashes or waits for acknowledgement, else only the age
        and acknowledge-timer columns."""
        now = self._clock = now if now is not None else self._now()
        self._phase = not self._phase
        flashed = self._open.expire_flashes(now)
        if self._rows:
            wide = flashed or bool(self._open.new_ids)
            first, last = (0, len(_COLUMNS) - 1) if wide else (Column.AGE, Column.ACK_TIMER)
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last),
                                  _TICK_ROLES)
        self._counts_changed()

    def _counts_changed(self) -> None:
        self._overdue_cache = None
        self.counts_changed.emit()

    def now(self) -> datetime:
        return self._now()

    def _is_flashing(self, alarm_id: str) -> bool:
        return self._open.is_flashing(alarm_id, self._clock)

    @property
    def ack_targets(self) -> dict[int, float]:
        """Seconds to acknowledge, per priority (a copy; assign a new dict to change)."""
        return dict(self._targets)

    @ack_targets.setter
    def ack_targets(self, targets: Mapping[int, float]) -> None:
        self._targets = {**DEFAULT_ACK_TARGETS, **targets}
        if self._order.column == Column.ACK_TIMER:
            self.sort(Column.ACK_TIMER, self.sort_order())
        else:
            self._order = RowOrder(self._order.column, self._order.descending, self._targets)
        self.tick(self._clock)

    def set_unit_names(self, unit_names: Mapping[str, str]) -> None:
        """Show assigned units by callsign (id → callsign) instead of a count."""
        self._unit_names = dict(unit_names)
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.UNITS),
                                  self.index(len(self._rows) - 1, Column.UNITS))

    # --- queries ---------------------------------------------------------------------------

    def alarm_at(self, row: int) -> Alarm | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, alarm_id: str) -> int | None:
        return self._index.get(alarm_id)

    def alarms(self) -> list[Alarm]:
        """The visible rows, in display order."""
        return list(self._rows)

    def all_alarms(self) -> dict[str, Alarm]:
        """Every open alarm, whether the filter shows it or not (a copy)."""
        return dict(self._open.by_id)

    def open_count(self) -> int:
        return len(self._open.by_id)

    def unacknowledged_count(self) -> int:
        """Open alarms not yet acknowledged, shown or not (a filter must not hide work)."""
        return len(self._open.new_ids)

    def overdue_count(self, now: datetime | None = None) -> int:
        now = now if now is not None else self._clock
        cached = self._overdue_cache
        if cached is not None and cached[0] == now:
            return cached[1]
        count = self._open.overdue_count(now, self._targets)
        self._overdue_cache = (now, count)
        return count

    def is_overdue(self, row: int) -> bool:
        alarm = self.alarm_at(row)
        return alarm is not None and is_overdue(alarm, self._clock, self._targets)

    def is_flashing(self, row: int) -> bool:
        alarm = self.alarm_at(row)
        return alarm is not None and self._is_flashing(alarm.id)
