"""``AlarmQueueModel``: the open alarms as a Qt table, fed one change set at a time.

The rows are a Python list in display order plus an id → row dict; sorting and filtering are
done here, on the data, not by a proxy. A batch costs a few signals however many alarms it
holds: contiguous removal ranges, one layout change for rows that move, one insertion range
per place new rows land (a flood's fresh alarms share the top of their priority band), and
one ``dataChanged`` over the rows updated in place. All methods run on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from operator import attrgetter
from typing import Any

from PySide6.QtCore import (
    QT_TR_NOOP,
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
from widgets.alarm_queue.filters import NO_CONTEXT, AlarmFilter, FilterContext
from widgets.alarm_queue.groups import GroupKey, RepeatGroups
from widgets.alarm_queue.keys import DEFAULT, HAYSTACK, KeyCache
from widgets.alarm_queue.rows import DefaultOrder, RowOrder, contiguous_ranges_descending
from widgets.alarm_queue.store import OpenAlarms
from widgets.i18n import tr

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
_ID = attrgetter("id")
MARK_LABELS = {"queued": QT_TR_NOOP("queued"), "closing": QT_TR_NOOP("closing, queued")}


def source_key(alarm: Alarm) -> str:
    """What a shelf names: one source (a detector, a camera, a caller line)."""
    src = alarm.source
    return f"{src.type}:{src.id or src.name or ''}"


@dataclass(frozen=True)
class GroupInfo:
    """A folded run of repeats, as its head row shows it."""

    count: int
    first: datetime
    last: datetime
    expanded: bool


class AlarmQueueModel(QAbstractTableModel):
    """The open alarms (``apply``), of which those passing the filter are the rows."""

    counts_changed = Signal()  # open / unacknowledged / overdue counts may have changed

    def __init__(self, parent: QObject | None = None, *,
                 now: Callable[[], datetime] = utcnow,
                 unit_names: Mapping[str, str] | None = None,
                 ack_targets: Mapping[int, float] | None = None,
                 group_window: timedelta | None = None, keep_closed: bool = False) -> None:
        super().__init__(parent)
        self._now = now
        self._clock = now()  # the time cells are drawn at; moves on with tick()
        self._phase = False  # flips every tick: flashing rows alternate strong and faint
        self._targets: dict[int, float] = dict(ack_targets or DEFAULT_ACK_TARGETS)
        self._unit_names: dict[str, str] = dict(unit_names or {})
        # Every open alarm, whatever the filter shows (and the closed ones too in a history
        # model: ``keep_closed``).
        self._open = OpenAlarms(keep_closed)
        self._overdue_cache: tuple[datetime, int] | None = None  # (clock, count)
        self._rows: list[Alarm] = []
        self._row_index: dict[str, int] | None = {}  # id → row; None: to be rebuilt
        self._filter = AlarmFilter()
        self._context: FilterContext = NO_CONTEXT
        self._shelved: frozenset[str] = frozenset()  # source keys hidden for a while
        self._marks: dict[str, str] = {}  # id → "queued" | "closing" (the officer's, unsent)
        # Repeats folded into one row (None: every alarm its own row).
        self._groups = RepeatGroups(group_window) if group_window is not None else None
        self._anchors: dict[str, Alarm] = {}  # expanded members → their head
        self._group_info: dict[str, GroupInfo] = {}  # head id → its run
        self._keys = KeyCache(self._targets)  # per-alarm sort and search keys, shared
        self._order = self._make_order(Column.PRIORITY, False)
        # The shown rows in the queue's own order while the set of rows does not change: a
        # header click then sorts once, not twice (cleared by every change of the rows).
        self._by_default: list[Alarm] | None = None
        self._aligned: dict[Column, list[Any]] = {}  # column keys in _by_default's order
        self._default_order = DefaultOrder(self._keys)  # the shown rows, own order, kept

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
            text = cell_text(column, alarm, self._clock, self._targets, self._unit_names)
            if column == Column.TITLE:
                return self._title_text(alarm, text)
            if column == Column.STATE and alarm.id in self._marks:
                return f"{text} \u00b7 {tr(MARK_LABELS[self._marks[alarm.id]])}"
            return text
        if role == AlarmRole:
            return alarm
        if role == AlarmIdRole:
            return alarm.id
        return styles.role_value(role, column, alarm, self._clock, self._targets,
                                 flashing=self._is_flashing(alarm.id), phase=self._phase)

    # --- feeding ---------------------------------------------------------------------------

    def apply(self, reset: bool, alarms: Iterable[Alarm], *, same_version: bool = False) -> None:
        """Take one change set's alarms. ``reset``: they are the whole state. Otherwise each
        is the newest version of a changed alarm; versions not newer than the one held (or
        closed) are ignored, closed alarms leave the queue. ``same_version``: also take
        another copy of the version held (the officer's optimistic view changed)."""
        now = self._clock = self._now()
        if reset:
            self.beginResetModel()
            self._open.reset(alarms)
            self._precompute_keys(list(self._open.by_id.values()))
            self._rebuild_rows()
            self.endResetModel()
            self._counts_changed()
            return
        fresh = self._open.fresh(alarms, same_version=same_version)
        if not fresh:
            return
        self._precompute_keys(fresh)
        if self._groups is None:
            self._apply_plain(fresh, now)
        else:
            self._apply_grouped(fresh, now)
        self._counts_changed()

    def _precompute_keys(self, alarms: list[Alarm]) -> None:
        """The sort keys and search text of arriving alarms, computed as they come (a few
        microseconds each) instead of all at the officer's first filter or header click;
        old versions are forgotten now and then."""
        for what in (DEFAULT, HAYSTACK, *_COLUMNS):
            self._keys.values(what, alarms)
        if self._keys.size() > 2 * len(self._open.by_id) + 1024:
            self._keys.prune(self._open.by_id.values())

    def _apply_plain(self, fresh: list[Alarm], now: datetime) -> None:
        self._by_default = None
        removed: list[int] = []
        inserted: list[Alarm] = []
        in_place: list[Alarm] = []
        moved: list[Alarm] = []
        for alarm in fresh:
            self._open.take(alarm, now)
            row = self._idx().get(alarm.id)
            visible = self._held(alarm) and self._shows(alarm)
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
                self._default_order.replace(self._rows[row], alarm)
                self._rows[row] = alarm
        self._emit_changes(removed, moved, inserted, in_place)

    def _apply_grouped(self, fresh: list[Alarm], now: datetime) -> None:
        """Like ``_apply_plain``, over the groups the batch touched: what each shows now (a
        head per run, the members of expanded runs) against the rows it showed."""
        groups = self._groups
        assert groups is not None
        self._by_default = None
        touched: set[GroupKey] = set()
        ids: set[str] = set()
        for alarm in fresh:
            self._open.take(alarm, now)
            ids.add(alarm.id)
            key = groups.remove(alarm.id)
            if key is not None:
                touched.add(key)
            if self._held(alarm) and self._shows(alarm):
                touched.add(groups.add(alarm))
        want: dict[str, Alarm] = {}
        anchors: dict[str, Alarm] = {}
        for key in touched:
            ids.update(a.id for a in groups.alarms_of(key))
            for alarm_id, (alarm, head) in groups.shown(key).items():
                want[alarm_id] = alarm
                if head is not None:
                    anchors[alarm_id] = head
        expanded = bool(anchors) or any(i in self._anchors for i in ids)
        for alarm_id in ids:
            self._anchors.pop(alarm_id, None)
            self._group_info.pop(alarm_id, None)
        self._anchors.update(anchors)
        for key in touched:
            self._note_groups(key)
        removed: list[int] = []
        inserted: list[Alarm] = []
        in_place: list[Alarm] = []
        moved: list[Alarm] = []
        for alarm_id in ids:
            row = self._idx().get(alarm_id)
            alarm = want.get(alarm_id)
            if row is None:
                if alarm is not None:
                    inserted.append(alarm)
            elif alarm is None:
                removed.append(row)
            else:
                if not expanded and (self._order.raw_key(self._rows[row])
                                     != self._order.raw_key(alarm)):
                    moved.append(alarm)
                else:
                    in_place.append(alarm)  # a head's count may have changed
                self._default_order.replace(self._rows[row], alarm)
                self._rows[row] = alarm
        if not expanded:
            self._emit_changes(removed, moved, inserted, in_place)
            return
        # An expanded run's members follow their head: place everything, then one resort.
        self._remove_rows(removed)
        if inserted:
            first = len(self._rows)
            self.beginInsertRows(_NO_INDEX, first, first + len(inserted) - 1)
            self._rows.extend(inserted)
            for alarm in inserted:
                self._default_order.add(alarm)
            self.endInsertRows()
        self._by_default = None
        self._relayout(self._sort_rows)
        self._emit_in_place(in_place)

    def _emit_changes(self, removed: list[int], moved: list[Alarm], inserted: list[Alarm],
                      in_place: list[Alarm]) -> None:
        self._remove_rows(removed)
        self._move_rows(moved)
        self._insert_rows(inserted)
        self._emit_in_place(in_place)

    def _emit_in_place(self, in_place: list[Alarm]) -> None:
        rows = [r for a in in_place if (r := self._idx().get(a.id)) is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(_COLUMNS) - 1))

    def _held(self, alarm: Alarm) -> bool:
        return alarm.state != "closed" or self._open.keep_closed

    def _shows(self, alarm: Alarm) -> bool:
        """Whether the filter lets ``alarm`` through and its source is not shelved (a P1 is
        never hidden by a shelf: a shelved detector can still raise the alarm that matters)."""
        if not self._filter.matches(alarm, self._context):
            return False
        return alarm.priority == 1 or source_key(alarm) not in self._shelved

    def _make_order(self, column: Column, descending: bool) -> RowOrder:
        return RowOrder(column, descending, self._targets, self._anchors, self._keys)

    def _sort_rows(self) -> None:
        if self._by_default is None or len(self._by_default) != len(self._rows):
            if len(self._default_order) != len(self._rows):  # never expected: start over
                self._default_order.reset(self._rows)
            self._by_default = self._default_order.alarms()
            self._aligned.clear()
        self._order.sort(self._rows, self._by_default, self._aligned)

    def _shown_alarms(self) -> list[Alarm]:
        """The open alarms the filter and the shelves let through. The free text is matched
        first against cached haystacks (the costly part of a filter over 100,000 alarms)."""
        alarms = list(self._open.by_id.values())
        needle = self._filter.text.strip().casefold()
        if needle:
            hays = self._keys.values(HAYSTACK, alarms)
            alarms = [a for a, h in zip(alarms, hays, strict=True) if needle in h]
        rest = replace(self._filter, text="")
        if not rest.is_empty():
            alarms = [a for a in alarms if rest.matches(a, self._context)]
        if self._shelved:
            shelved = self._shelved
            alarms = [a for a in alarms if a.priority == 1 or source_key(a) not in shelved]
        return alarms

    def _rebuild_rows(self) -> None:
        self._by_default = None
        shown = self._shown_alarms()
        self._anchors.clear()
        self._group_info.clear()
        if self._groups is not None:
            self._groups.reset(shown)
            shown = []
            for key in self._groups.keys():
                for alarm_id, (alarm, head) in self._groups.shown(key).items():
                    shown.append(alarm)
                    if head is not None:
                        self._anchors[alarm_id] = head
                self._note_groups(key)
        self._rows = shown
        self._default_order.reset(shown)
        self._sort_rows()
        self._reindex()

    def _note_groups(self, key: GroupKey) -> None:
        """Remember the count and first/last time of each run of ``key`` (under its head)."""
        assert self._groups is not None
        for run in self._groups.runs(key):
            if len(run) > 1:
                self._group_info[run[-1].id] = GroupInfo(
                    len(run), run[0].created_at, run[-1].created_at,
                    run[0].id in self._groups.expanded)

    def _reindex(self) -> None:
        """The rows moved: the id → row index is rebuilt when next asked for (a sort of
        100,000 rows need not pay for it at once)."""
        self._row_index = None

    def _idx(self) -> dict[str, int]:
        if self._row_index is None:
            self._row_index = dict(zip(map(_ID, self._rows), range(len(self._rows)),
                                       strict=True))
        return self._row_index

    def _remove_rows(self, rows: list[int]) -> None:
        if not rows:
            return
        for first, last in contiguous_ranges_descending(rows):
            self.beginRemoveRows(_NO_INDEX, first, last)
            for alarm in self._rows[first:last + 1]:
                self._default_order.remove(alarm)
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
            for alarm in block:
                self._default_order.add(alarm)
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
        wanted = set(ids)
        # Only the persistent rows' new places are needed now (a selection: a handful).
        where: dict[str, int] = {}
        if wanted:
            where = ({a.id: r for r, a in enumerate(self._rows) if a.id in wanted}
                     if self._row_index is None and len(wanted) < 64 else self._idx())
        moved_to = [self.index(where[i], p.column())
                    for p, i in zip(persistent, ids, strict=True)]
        self.changePersistentIndexList(persistent, moved_to)
        self.layoutChanged.emit()

    # --- sorting and filtering -------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(_COLUMNS):
            return
        self._order = self._make_order(_COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        self._relayout(self._sort_rows)

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

    def set_context(self, context: FilterContext) -> None:
        """Who is logged in and which station owns which grid (for "mine" and stations)."""
        if context == self._context:
            return
        self._context = context
        if self._filter.mine or self._filter.stations:
            self._refilter()

    def set_shelved(self, source_keys: Iterable[str]) -> None:
        """Hide the alarms of these sources (``source_key``), P1 excepted, until changed."""
        keys = frozenset(source_keys)
        if keys != self._shelved:
            self._shelved = keys
            self._refilter()

    def shelved_hidden_count(self) -> int:
        """Open alarms a shelf hides now (the queue says so: hidden is not gone)."""
        if not self._shelved:
            return 0
        return sum(1 for a in self._open.by_id.values()
                   if a.priority != 1 and source_key(a) in self._shelved)

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rebuild_rows()
        self.endResetModel()
        self._counts_changed()

    # --- the officer's unsent commands ---------------------------------------------------------

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Rows whose commands wait: id → "queued" or "closing" (shown beside the state)."""
        changed = {i for i in set(marks) | set(self._marks)
                   if marks.get(i) != self._marks.get(i)}
        self._marks = dict(marks)
        rows = [r for i in changed if (r := self._idx().get(i)) is not None]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(_COLUMNS) - 1))

    def mark(self, alarm_id: str) -> str | None:
        return self._marks.get(alarm_id)

    # --- repeat groups -----------------------------------------------------------------------

    def set_group_window(self, window: timedelta | None) -> None:
        """Fold repeats within ``window`` (None: every alarm its own row)."""
        current = self._groups.window if self._groups is not None else None
        if window == current:
            return
        self._groups = RepeatGroups(window) if window is not None else None
        self._refilter()

    def group_info(self, alarm_id: str) -> GroupInfo | None:
        """The run a head row stands for (None for a lone alarm or a member)."""
        return self._group_info.get(alarm_id)

    def group_members(self, alarm_id: str) -> list[Alarm]:
        """Every alarm of the run holding ``alarm_id``, oldest first (just it when alone)."""
        if self._groups is None or alarm_id not in self._groups:
            alarm = self._open.by_id.get(alarm_id)
            return [alarm] if alarm is not None else []
        return self._groups.run_of(alarm_id)

    def head_of(self, alarm_id: str) -> str | None:
        """The head row an expanded member hangs under."""
        head = self._anchors.get(alarm_id)
        return head.id if head is not None else None

    def toggle_group(self, alarm_id: str) -> bool:
        """Expand or fold the run holding ``alarm_id``; False when it is a lone alarm."""
        if self._groups is None:
            return False
        key = self._groups.toggle(alarm_id)
        if key is None:
            return False
        # Re-take the run's alarms as they are: the grouped path shows or hides its members.
        run = self._groups.alarms_of(key)
        self._apply_grouped(run, self._clock)
        self._counts_changed()
        return True

    def _title_text(self, alarm: Alarm, title: str) -> str:
        info = self._group_info.get(alarm.id)
        if info is not None:
            fold = "\u25be" if info.expanded else "\u25b8"
            first = info.first.astimezone().strftime("%H:%M")
            last = info.last.astimezone().strftime("%H:%M")
            return tr("{fold} {n}\u00d7 {first}\u2013{last} \u00b7 {title}").format(
                fold=fold, n=info.count, first=first, last=last, title=title)
        if alarm.id in self._anchors:
            return f"    \u21b3 {title}"
        return title

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
        self._keys.set_targets(self._targets)
        self._aligned.pop(Column.ACK_TIMER, None)
        if self._order.column == Column.ACK_TIMER:
            self.sort(Column.ACK_TIMER, self.sort_order())
        else:
            self._order = self._make_order(self._order.column, self._order.descending)
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
        return self._idx().get(alarm_id)

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
