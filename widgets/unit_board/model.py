"""``UnitBoardModel``: the hall's units as a Qt table, fed one change set at a time.

The rows are a list of unit ids in display order plus an id → row dict; filtering and sorting
are done here, on the data (no proxy). A batch costs a few signals however many units it
holds: removal ranges for units leaving the filter, one insertion range for units entering
it, one layout change for rows whose place changed (a status change moves a unit to its new
status; a selected unit stays selected), and one ``dataChanged`` over the rows updated in
place. ``tick`` makes the timers run: the "in status" column, overdue units turning overdue
(they come first in their status and flash).

The status cell's colour and its words come from the unit's one status in one ``data`` call
(``StatusRole`` for the delegate's chip, the label for the text): they cannot disagree.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from backend_client.schemas import Unit, utcnow
from backend_client.unit_rules import STATUS_ORDER
from widgets.alarm_queue.rows import contiguous_ranges_descending
from widgets.colors import UNIT_STATUS_COLORS
from widgets.i18n import tr
from widgets.unit_board.columns import (
    BoardContext,
    Column,
    cell_text,
    default_key,
    duration_text,
    header_label,
    header_tooltip,
    sort_key,
)
from widgets.unit_candidates import DimRole, StatusRole
from widgets.unit_texts import position_text, unit_status_label

UnitRole = int(Qt.ItemDataRole.UserRole) + 10  # the Unit
UnitIdRole = int(Qt.ItemDataRole.UserRole) + 11
OverdueRole = int(Qt.ItemDataRole.UserRole) + 12  # what it is late for, or None
QueuedRole = int(Qt.ItemDataRole.UserRole) + 13  # a status change not yet at the server
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_COLUMNS = tuple(Column)
_NO_INDEX = QModelIndex()
_ROWS_ONLY = QAbstractTableModel.LayoutChangeHint.VerticalSortHint
_HINTED = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"  # the overload
_TIMED = frozenset({"dispatched", "en_route", "on_scene"})  # statuses with a timer
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren | Qt.ItemFlag.ItemIsDragEnabled)
Index = QModelIndex | QPersistentModelIndex
FLASH_ROLES = [Qt.ItemDataRole.BackgroundRole]
OVERDUE_TEXT = {"late_en_route": QT_TR_NOOP("not en route yet"),
                "late_on_scene": QT_TR_NOOP("not on scene yet"),
                "welfare_due": QT_TR_NOOP("welfare check due")}


@dataclass(frozen=True)
class UnitFilter:
    """Which units the board shows; an empty set lets all through."""

    stations: frozenset[str] = frozenset()
    grids: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()

    def admits(self, unit: Unit, ctx: BoardContext, *, status: bool = True) -> bool:
        return ((not self.stations or ctx.station_of(unit) in self.stations)
                and (not self.grids or (unit.home_grid_id or "") in self.grids)
                and (not self.kinds or unit.kind in self.kinds)
                and (not status or not self.statuses or unit.status in self.statuses))

    @property
    def active(self) -> bool:
        return bool(self.stations or self.grids or self.kinds or self.statuses)


class RowLook(NamedTuple):
    """What one row shows, worked out once per unit and clock tick: the texts of every
    column (``data`` and the table's painter both read these, so they cannot disagree) and the
    signs drawn beside them."""

    unit: Unit
    clock: datetime
    texts: tuple[str, ...]
    dim_position: bool  # the position report is stale or missing
    overdue: str | None  # what the unit is late for
    queued: bool  # a status change not yet at the server


Overdue = Callable[[Unit, datetime], str | None]
DueIn = Callable[[Unit, datetime], float | None]
Freshness = Callable[[datetime | None, datetime], str]


class UnitBoardModel(QAbstractTableModel):
    counts_changed = Signal()

    def __init__(self, parent: QObject | None = None, *,
                 now: Callable[[], datetime] = utcnow,
                 overdue: Overdue = lambda unit, now: None,
                 due_in: DueIn | None = None,
                 freshness: Freshness = lambda at, now: "fresh" if at else "none") -> None:
        super().__init__(parent)
        self._now = now
        self._clock = now()
        self._overdue_of = overdue
        # When each unit not yet overdue may turn overdue (``due_in``: seconds until then,
        # None without a timer), so a tick asks the rule about those units only, not about
        # every unit on a timer. Without ``due_in`` every unit on a timer is asked each tick.
        self._due_in = due_in
        self._due: dict[str, datetime] = {}
        self._freshness_of = freshness
        self._units: dict[str, Unit] = {}
        self._overdue: dict[str, str] = {}  # unit id → what it is late for
        self._rows: list[str] = []
        self._row_index: dict[str, int] | None = {}
        self._keys: dict[str, tuple[Any, ...]] = {}  # default keys
        self._ctx = BoardContext()
        self._filter = UnitFilter()
        self._column = Column.STATUS
        self._descending = False
        self._queued: frozenset[str] = frozenset()
        self._looks: dict[str, RowLook] = {}
        self._position_texts: dict[tuple[int, bool], str] = {}  # (age s, stale) → its words
        self.flash_on = False

    # --- Qt's model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(_COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = _DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        if role == _DISPLAY:
            return header_label(_COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tooltip(_COLUMNS[section]) or None
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        if role == _DISPLAY:
            return self.row_look(row).texts[index.column()]
        unit = self._units[self._rows[row]]
        if role == StatusRole:
            return unit.status
        if role == UnitRole:
            return unit
        if role == UnitIdRole:
            return unit.id
        if role == OverdueRole:
            return self._overdue.get(unit.id)
        if role == QueuedRole:
            return unit.id in self._queued
        if role == DimRole:
            return index.column() == Column.POSITION and self.row_look(row).dim_position
        if role == Qt.ItemDataRole.BackgroundRole:
            if (unit.id in self._overdue and index.column() == Column.IN_STATUS
                    and self.flash_on):
                return UNIT_STATUS_COLORS["dispatched"].background_color()  # amber: late
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(unit)
        return None

    def row_look(self, row: int) -> RowLook:
        """The row's texts and signs, kept until its unit or the clock changes (a paint asks
        for each of a row's cells; only the first works them out). A tick redoes only the
        texts that run with the clock."""
        uid = self._rows[row]
        unit = self._units[uid]
        look = self._looks.get(uid)
        if look is None or look.unit is not unit:
            look = self._look(unit, None)
            self._looks[uid] = look
        elif look.clock is not self._clock:
            look = self._look(unit, look.texts)
            self._looks[uid] = look
        return look

    def _look(self, unit: Unit, still: tuple[str, ...] | None) -> RowLook:
        """``still``: the unit's texts at an earlier tick (those not running with the clock
        are still right)."""
        now = self._clock
        queued = unit.id in self._queued
        if still is None:
            texts = [cell_text(column, unit, now, self._ctx) for column in _COLUMNS]
            if queued:
                texts[Column.STATUS] = tr("{status} (queued)").format(
                    status=texts[Column.STATUS])
        else:
            texts = list(still)
            texts[Column.IN_STATUS] = duration_text((now - unit.status_since).total_seconds())
        position = unit.position
        dim = position is None
        if position is not None:
            dim = self._freshness_of(position.at, now) in ("stale", "lost")
            age = int((now - position.at).total_seconds())
            text = self._position_texts.get((age, dim))
            if text is None:  # "12 s ago": the same words for every unit as old
                if len(self._position_texts) > 5000:
                    self._position_texts.clear()
                text = self._position_texts[age, dim] = position_text(age, dim)
            texts[Column.POSITION] = text
        return RowLook(unit, now, tuple(texts), dim, self._overdue.get(unit.id), queued)

    def _tooltip(self, unit: Unit) -> str:
        lines = [f"{unit.callsign} \u00b7 {unit_status_label(unit.status)}"]
        late = self._overdue.get(unit.id)
        if late:
            lines.append(tr(OVERDUE_TEXT[late]))
        if unit.id in self._queued:
            lines.append(tr("The status change is queued: it has not reached the central "
                            "services yet."))
        return "\n".join(lines)

    # --- the state ----------------------------------------------------------------------------

    def apply(self, reset: bool, units: Iterable[Unit]) -> None:
        """Take one change set's units (as the officer should see them: with pending status
        changes). ``reset``: they are the whole state."""
        self._clock = self._now()
        if reset:
            self.beginResetModel()
            self._units = {u.id: u for u in units}
            self._looks.clear()
            self._overdue = {}
            self._due = {}
            for unit in self._units.values():
                self._note_overdue(unit)
            self._keys = {uid: default_key(u, uid in self._overdue)
                          for uid, u in self._units.items()}
            self._rows = self._sorted([uid for uid, u in self._units.items() if self._shows(u)])
            self._row_index = None
            self.endResetModel()
            self.counts_changed.emit()
            return
        removed: list[int] = []
        entered: list[str] = []
        moved: set[str] = set()
        in_place: list[int] = []
        # The board's own order is the default key (status first): then a changed key is
        # all that moves a row; another sort column may move it too.
        column_key = None if self._column == Column.STATUS else sort_key(self._column,
                                                                          self._ctx)
        rows_of, all_units, keys, overdue = self._idx(), self._units, self._keys, self._overdue
        shows = self._shows if self._filter.active else None
        for unit in units:
            uid = unit.id
            old = all_units.get(uid)
            all_units[uid] = unit
            self._note_overdue(unit)
            key = default_key(unit, uid in overdue)
            old_key = keys.get(uid)
            keys[uid] = key
            row = rows_of.get(uid)
            visible = shows is None or shows(unit)
            if row is None:
                if visible:
                    entered.append(uid)
            elif not visible:
                removed.append(row)
            elif old is None or key != old_key or (
                    column_key is not None and column_key(old) != column_key(unit)):
                moved.add(uid)
            else:
                in_place.append(row)
        self._remove_rows(removed)
        if entered:
            first = len(self._rows)
            self.beginInsertRows(_NO_INDEX, first, first + len(entered) - 1)
            self._rows.extend(entered)
            self._row_index = None
            self.endInsertRows()
        if moved or entered:
            self._relayout(moved.union(entered))
        elif in_place:
            self.dataChanged.emit(self.index(min(in_place), 0),
                                  self.index(max(in_place), len(_COLUMNS) - 1))
        self.counts_changed.emit()

    def _note_overdue(self, unit: Unit) -> None:
        late = self._overdue_of(unit, self._clock)
        if late:
            self._overdue[unit.id] = late
            self._due.pop(unit.id, None)
            return
        self._overdue.pop(unit.id, None)
        due_in = (self._due_in(unit, self._clock) if self._due_in is not None
                  else 0.0 if unit.status in _TIMED else None)
        if due_in is None:
            self._due.pop(unit.id, None)
        else:
            self._due[unit.id] = self._clock + timedelta(seconds=due_in)

    def tick(self, now: datetime | None = None) -> None:
        """A second passed: timers run; units turning overdue (or no longer) move. The rule
        is asked about overdue units (a welfare check may have ended theirs) and units whose
        time has come."""
        self._clock = now if now is not None else self._now()
        clock = self._clock
        changed = set()
        ask = [uid for uid, at in self._due.items() if at <= clock]
        ask.extend(self._overdue)
        for uid in ask:
            unit = self._units.get(uid)
            if unit is None:
                continue
            was = self._overdue.get(uid)
            self._note_overdue(unit)
            if self._overdue.get(uid) != was:
                changed.add(uid)
                self._keys[uid] = default_key(unit, uid in self._overdue)
        shown = changed & self._idx().keys()
        if shown:
            self._relayout(shown)
        if changed:
            self.counts_changed.emit()
        if self._rows:
            for column in (Column.IN_STATUS, Column.POSITION):
                self.dataChanged.emit(self.index(0, column),
                                      self.index(len(self._rows) - 1, column))

    def flash(self) -> None:
        """Overdue rows blink (the views call this on their blink timer)."""
        self.flash_on = not self.flash_on
        rows = [r for uid in self._overdue if (r := self._idx().get(uid)) is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows), Column.IN_STATUS),
                                  self.index(max(rows), Column.IN_STATUS), FLASH_ROLES)

    def set_context(self, ctx: BoardContext) -> None:
        self._ctx = ctx
        self._looks.clear()
        if self._filter.stations or self._column in (Column.ALARM, Column.HOME_GRID):
            self._refilter()
        elif self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(_COLUMNS) - 1))

    def retranslate(self) -> None:
        """The language changed: every text anew."""
        self._looks.clear()
        self._position_texts.clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(_COLUMNS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(_COLUMNS) - 1))

    def set_queued(self, unit_ids: Iterable[str]) -> None:
        self._queued = frozenset(unit_ids)
        self._looks.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.STATUS),
                                  self.index(len(self._rows) - 1, Column.STATUS))

    def set_overdue_rule(self, overdue: Overdue, due_in: DueIn | None = None) -> None:
        self._overdue_of = overdue
        self._due_in = due_in
        self._looks.clear()
        self._due = dict.fromkeys(self._units, self._clock)  # everyone asked anew
        self.tick(self._clock)

    def set_freshness_rule(self, freshness: Freshness) -> None:
        self._freshness_of = freshness
        self._looks.clear()
        self.tick(self._clock)

    # --- filtering and sorting --------------------------------------------------------------

    @property
    def unit_filter(self) -> UnitFilter:
        return self._filter

    def set_filter(self, unit_filter: UnitFilter) -> None:
        if unit_filter != self._filter:
            self._filter = unit_filter
            self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._sorted([uid for uid, u in self._units.items() if self._shows(u)])
        self._row_index = None
        self.endResetModel()
        self.counts_changed.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_COLUMNS):
            return
        self._column = _COLUMNS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._relayout()

    def sort_column(self) -> Column:
        return self._column

    def _shows(self, unit: Unit) -> bool:
        return self._filter.admits(unit, self._ctx)

    def _sorted(self, ids: list[str]) -> list[str]:
        """Ids in display order: the board's own order, then the sort column's (stable, so
        ties keep the board's order, also when descending)."""
        ids.sort(key=self._keys.__getitem__)
        if self._column != Column.STATUS or self._descending:
            key = sort_key(self._column, self._ctx)
            units = self._units
            ids.sort(key=lambda uid: key(units[uid]), reverse=self._descending)
        return ids

    def _idx(self) -> dict[str, int]:
        if self._row_index is None:
            self._row_index = {uid: r for r, uid in enumerate(self._rows)}
        return self._row_index

    def _remove_rows(self, rows: list[int]) -> None:
        if not rows:
            return
        for first, last in contiguous_ranges_descending(rows):
            self.beginRemoveRows(_NO_INDEX, first, last)
            del self._rows[first:last + 1]
            self._row_index = None
            self.endRemoveRows()

    def _relayout(self, moved: Collection[str] | None = None) -> None:
        """Same rows, new order; persistent indexes (the selection) carried along.
        ``moved``: the only rows whose place may have changed (the rest are in order)."""
        # Rows only: the vertical-sort hint spares the column header the work (and the
        # repaint) a layout change otherwise costs it.
        self.layoutAboutToBeChanged[_HINTED].emit([], _ROWS_ONLY)
        persistent = self.persistentIndexList()
        ids = [self._rows[p.row()] for p in persistent]
        if (moved is not None and self._column == Column.STATUS and not self._descending
                and len(moved) * 8 < len(self._rows)):
            # The board's own order and a few rows moved (a second's status changes): put
            # those back in place by bisection rather than sort all rows again.
            key = self._keys.__getitem__
            rows = [uid for uid in self._rows if uid not in moved]
            for uid in moved:
                insort(rows, uid, key=key)
            self._rows = rows
        else:
            self._rows = self._sorted(self._rows)
        self._row_index = None
        where = self._idx()
        self.changePersistentIndexList(
            persistent, [self.index(where[i], p.column()) for p, i in
                         zip(persistent, ids, strict=True)])
        self.layoutChanged[_HINTED].emit([], _ROWS_ONLY)

    # --- reading ------------------------------------------------------------------------------

    def unit_at(self, row: int) -> Unit | None:
        return self._units[self._rows[row]] if 0 <= row < len(self._rows) else None

    def row_of(self, unit_id: str) -> int | None:
        return self._idx().get(unit_id)

    def unit(self, unit_id: str) -> Unit | None:
        return self._units.get(unit_id)

    def shown_units(self) -> list[Unit]:
        return [self._units[uid] for uid in self._rows]

    def all_units(self) -> Mapping[str, Unit]:
        return self._units

    def overdue_of(self, unit_id: str) -> str | None:
        return self._overdue.get(unit_id)

    def status_counts(self) -> dict[str, int]:
        """Units per status among those the filter lets through, apart from its status part
        (the header's counters stay whole when one status is picked)."""
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for unit in self._units.values():
            if self._filter.admits(unit, self._ctx, status=False):
                counts[unit.status] = counts.get(unit.status, 0) + 1
        return counts

    def overdue_count(self) -> int:
        return sum(1 for uid in self._overdue if uid in self._units
                   and self._filter.admits(self._units[uid], self._ctx))

    def now(self) -> datetime:
        return self._clock
