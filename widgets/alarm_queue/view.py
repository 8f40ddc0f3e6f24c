"""``AlarmQueueView``: the alarm queue pane — counts, a filter bar and the table.

The view is given its ``AlarmQueueModel`` (it makes no data) and drives only its clock and its
filter. It emits ``alarm_selected(id)`` when the officer picks an alarm and
``filter_changed(dict)`` when the filter bar changes; ``pane_state``/``restore_pane_state``
give the shell what to keep in a layout. GUI thread only.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import ALARM_KINDS
from widgets.alarm_queue.columns import Column, kind_label
from widgets.alarm_queue.filters import AlarmFilter
from widgets.alarm_queue.model import AlarmIdRole, AlarmQueueModel
from widgets.colors import NOTICE_COLORS, PRIORITY_COLORS

TICK_MS = 1000
TEXT_DEBOUNCE_MS = 250  # typing does not refilter 10,000 rows per key press
_STATE_CHOICES: tuple[tuple[str, frozenset[str]], ...] = (
    ("open", frozenset()), ("new", frozenset({"new"})),
    ("acknowledged", frozenset({"acknowledged"})), ("dispatched", frozenset({"dispatched"})),
    ("on_scene", frozenset({"on_scene"})),
    ("closed", frozenset({"closed"})),
)
HISTORY_HOURS = 12  # "recently closed": about a shift
_STATES_BY_KEY = dict(_STATE_CHOICES)


def _key_of(states: frozenset[str]) -> str:
    """The combo's item data for a set of states (a string: QVariant keeps it intact)."""
    for key, choice in _STATE_CHOICES:
        if choice == states:
            return key
    return "+".join(sorted(states))


def _states_of(key: object) -> frozenset[str]:
    if not isinstance(key, str) or not key:
        return frozenset()
    return _STATES_BY_KEY.get(key, frozenset(key.split("+")))


# The widest text a column usually holds, so it is not cut off at the first look.
_SAMPLES: dict[Column, str] = {
    Column.PRIORITY: "P 8", Column.KIND: "\u2699  Equipment fault", Column.GRID: "grid-000",
    Column.ADDRESS: "Hanauer Landstr. 189", Column.STATE: "Acknowledged",
    Column.AGE: "23 h 59 min", Column.ACK_TIMER: "overdue +59 min 59 s",
    Column.UNITS: "Frankfurt 12/1", Column.SOURCE: "Camera 12, north side",
}


class _PriorityDelegate(QStyledItemDelegate):
    """Paints the priority cell in its colour even on the selected row: the selection
    highlight must not hide how urgent the selected alarm is."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.state &= ~QStyle.StateFlag.State_Selected


class AlarmQueueView(QWidget):
    alarm_selected = Signal(str)  # the id of the alarm the officer selected
    alarm_activated = Signal(str)  # double-click or Enter on a row (a group folds/unfolds)
    context_menu_requested = Signal(str, QPoint)  # alarm id, global position
    filter_changed = Signal(dict)  # AlarmFilter.to_dict() after the filter bar changed
    history_requested = Signal()  # "recently closed" chosen: the pane fills the history model

    def __init__(self, model: AlarmQueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._live = model  # the open alarms
        self._history: AlarmQueueModel | None = None  # recently closed ones, when offered
        self._selected_id: str | None = None
        self._reselect_id: str | None = None
        self.setObjectName("alarmQueue")

        self._summary = QLabel(self)
        self._summary.setObjectName("alarmQueueSummary")
        self._summary.setTextFormat(Qt.TextFormat.RichText)

        self._search = QLineEdit(self)
        self._search.setObjectName("alarmQueueSearch")
        self._search.setClearButtonEnabled(True)
        self._search.setPlaceholderText(self.tr("Search title, address, source or id"))
        self._priority_buttons: dict[int, QToolButton] = {}
        for priority, swatch in PRIORITY_COLORS.items():
            button = QToolButton(self)
            button.setText(self.tr("P{p}").format(p=priority))
            button.setCheckable(True)
            button.setChecked(True)
            button.setToolTip(self.tr("Show priority {p} alarms").format(p=priority))
            button.setStyleSheet(
                f"QToolButton {{ border: 2px solid {swatch.background}; border-radius: 3px;"
                f" padding: 2px 10px; font-weight: bold; }}"
                f" QToolButton:checked {{ background-color: {swatch.background};"
                f" color: {swatch.text}; }}")
            button.toggled.connect(lambda on, p=priority: self._on_priority_toggled(p, on))
            self._priority_buttons[priority] = button
        self._state_combo = QComboBox(self)
        self._state_combo.setObjectName("alarmQueueState")
        labels = {"open": self.tr("All open"), "new": self.tr("New only"),
                  "acknowledged": self.tr("Acknowledged"), "dispatched": self.tr("Dispatched"),
                  "on_scene": self.tr("On scene"),
                  "closed": self.tr("Closed in the last {h} h").format(h=HISTORY_HOURS)}
        for key, _states in _STATE_CHOICES:
            self._state_combo.addItem(labels[key], key)
        self._closed_item = self._state_combo.findData("closed")
        self._offer_history(False)
        self._state_combo.currentIndexChanged.connect(self._apply_filter)
        # Less used filters behind one button: "mine", kinds, stations.
        self._more = QToolButton(self)
        self._more.setObjectName("alarmQueueMoreFilters")
        self._more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._more_menu = QMenu(self._more)
        self._mine = self._more_menu.addAction(self.tr("Only mine (acknowledged or raised by me)"))
        self._mine.setCheckable(True)
        self._mine.toggled.connect(self._apply_filter)
        self._kinds_menu = self._more_menu.addMenu(self.tr("Kinds"))
        self._kind_actions: dict[str, QAction] = {}
        for kind in ALARM_KINDS:
            action = self._kinds_menu.addAction(kind_label(kind))
            action.setCheckable(True)
            action.toggled.connect(self._apply_filter)
            self._kind_actions[kind] = action
        self._stations_menu = self._more_menu.addMenu(self.tr("Stations"))
        self._station_actions: dict[str, QAction] = {}
        self._more_menu.addSeparator()
        self._more_menu.addAction(self.tr("Clear these filters"), self._clear_more)
        self._more.setMenu(self._more_menu)
        self._show_more_label()

        self._table = QTableView(self)
        self._table.setObjectName("alarmQueueTable")
        self._table.setModel(model)
        self._setup_table()

        bar = QHBoxLayout()
        bar.addWidget(self._search, 1)
        for button in self._priority_buttons.values():
            bar.addWidget(button)
        bar.addWidget(self._state_combo)
        bar.addWidget(self._more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._summary)
        layout.addLayout(bar)
        layout.addWidget(self._table, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._apply_filter)
        self._search.textChanged.connect(self._debounce.start)
        self._search.returnPressed.connect(self._apply_filter)
        self._clock = QTimer(self)
        self._clock.setInterval(TICK_MS)
        self._clock.timeout.connect(self._tick)
        self._clock.start()

        self._connect(model)
        self._table.activated.connect(self._on_activated)
        self._table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._table.customContextMenuRequested.connect(self._on_context_menu)
        self._update_summary()

    def _setup_table(self) -> None:
        t = self._table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setShowGrid(False)
        # Breathing room: a right-aligned timer must not run into the next column's text.
        t.setStyleSheet("QTableView::item { padding-left: 6px; padding-right: 6px; }")
        t.setAlternatingRowColors(True)
        t.setCornerButtonEnabled(False)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = t.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform row heights
        rows.setDefaultSectionSize(t.fontMetrics().height() + 10)
        t.setItemDelegateForColumn(Column.PRIORITY, _PriorityDelegate(t))
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        fm = t.fontMetrics()
        for column in Column:
            label = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            sample = _SAMPLES.get(column, "")
            header.resizeSection(column, max(fm.horizontalAdvance(sample),
                                             fm.horizontalAdvance(label)) + 28)
        # The title is what the officer reads: room for about fourteen Chinese characters
        # even in a narrow pane (a stretched column shrinks to nothing when the table is
        # wider than the pane); the last column takes whatever width is left.
        title_room = fm.horizontalAdvance("南湖路与中山路口交通事故两车") + 28
        header.resizeSection(Column.TITLE, title_room)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(fm.horizontalAdvance("P 8") + 16)
        header.setSortIndicator(self._model.sort_column(), self._model.sort_order())
        t.setSortingEnabled(True)  # the header's clicks go to model.sort

    # --- public ----------------------------------------------------------------------------

    def model(self) -> AlarmQueueModel:
        return self._model

    def table(self) -> QTableView:
        return self._table

    def summary_text(self) -> str:
        return self._summary_plain

    def selected_alarm_id(self) -> str | None:
        rows = self._table.selectionModel().selectedRows()
        return rows[0].data(AlarmIdRole) if rows else None

    def select_alarm(self, alarm_id: str | None) -> bool:
        """Select (and scroll to) ``alarm_id``'s row; False if the queue does not show it."""
        row = self._model.row_of(alarm_id) if alarm_id else None
        if row is None:
            return False
        if self.selected_alarm_id() != alarm_id:
            self._table.selectRow(row)
        self._table.scrollTo(self._model.index(row, 0))
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        alarm_id = index.data(AlarmIdRole)
        if alarm_id:
            self.alarm_activated.emit(alarm_id)

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self._table.indexAt(pos)
        alarm_id = index.data(AlarmIdRole) if index.isValid() else None
        if alarm_id:
            self._table.selectRow(index.row())
            self.context_menu_requested.emit(alarm_id,
                                             self._table.viewport().mapToGlobal(pos))

    def pane_state(self) -> dict[str, Any]:
        """The filter and the sort order, JSON-able (the shell keeps it in layouts)."""
        descending = self._model.sort_order() == Qt.SortOrder.DescendingOrder
        return {"filter": self._model.alarm_filter().to_dict(),
                "sort_column": self._model.sort_column().name.lower(),
                "sort_order": "descending" if descending else "ascending"}

    def restore_pane_state(self, state: dict[str, Any]) -> None:
        """Take back what ``pane_state`` gave; unknown or broken parts are left as they are."""
        if not isinstance(state, dict):
            return
        if "filter" in state:
            alarm_filter = AlarmFilter.from_dict(state["filter"])
            if "closed" in alarm_filter.states and (self._history is None
                                                    or len(alarm_filter.states) > 1):
                # Closed alarms are only in the history view; never an empty "open" queue.
                alarm_filter = replace(alarm_filter, states=frozenset())
            self._show_filter(alarm_filter)
            self._route(alarm_filter)
            self.set_stations(list(self._station_actions))
            self._show_more_label()
        column = Column.__members__.get(str(state.get("sort_column", "")).upper())
        if column is not None:
            order = (Qt.SortOrder.DescendingOrder if state.get("sort_order") == "descending"
                     else Qt.SortOrder.AscendingOrder)
            self._table.sortByColumn(column, order)

    def set_stations(self, stations: list[str]) -> None:
        """The stations the station filter offers (from the grids); chosen ones stay."""
        chosen = self._model.alarm_filter().stations
        wanted = sorted(set(stations) | chosen)
        if wanted == sorted(self._station_actions):
            return
        self._stations_menu.clear()
        self._station_actions.clear()
        for station in wanted:
            action = self._stations_menu.addAction(station)
            action.setCheckable(True)
            action.setChecked(station in chosen)
            action.toggled.connect(self._apply_filter)
            self._station_actions[station] = action

    # --- filter bar ------------------------------------------------------------------------

    def _clear_more(self) -> None:
        actions = [self._mine, *self._kind_actions.values(), *self._station_actions.values()]
        for a in actions:
            a.blockSignals(True)
            a.setChecked(False)
            a.blockSignals(False)
        self._apply_filter()

    def _show_more_label(self) -> None:
        f = self._model.alarm_filter()
        count = len(f.kinds) + len(f.stations) + (1 if f.mine else 0)
        self._more.setText(self.tr("Filters ({n})").format(n=count) if count
                           else self.tr("Filters"))

    def _on_priority_toggled(self, priority: int, on: bool) -> None:
        if not on and not any(b.isChecked() for b in self._priority_buttons.values()):
            # Hiding every priority would show an empty queue that looks calm: refuse.
            button = self._priority_buttons[priority]
            button.blockSignals(True)
            button.setChecked(True)
            button.blockSignals(False)
            return
        self._apply_filter()

    def _filter_from_bar(self) -> AlarmFilter:
        checked = frozenset(p for p, b in self._priority_buttons.items() if b.isChecked())
        states = _states_of(self._state_combo.currentData())
        return replace(self._model.alarm_filter(),
                       priorities=frozenset() if len(checked) == len(PRIORITY_COLORS)
                       else checked,
                       states=states, text=self._search.text(),
                       mine=self._mine.isChecked(),
                       kinds=frozenset(k for k, a in self._kind_actions.items()
                                       if a.isChecked()),
                       stations=frozenset(s for s, a in self._station_actions.items()
                                          if a.isChecked()))

    def _apply_filter(self) -> None:
        self._debounce.stop()
        if self._route(self._filter_from_bar()):
            self._show_more_label()
            self.filter_changed.emit(self._model.alarm_filter().to_dict())

    def _route(self, alarm_filter: AlarmFilter) -> bool:
        """Show ``alarm_filter`` on the model it is for (the history for "closed"); whether
        anything changed."""
        history = alarm_filter.states == frozenset({"closed"}) and self._history is not None
        target = self._history if history and self._history is not None else self._live
        switched = target is not self._model
        if switched:
            self._show_model(target)
            if history:
                self.history_requested.emit()
        if alarm_filter == self._model.alarm_filter():
            return switched
        self._model.set_filter(alarm_filter)
        return True

    def _show_filter(self, alarm_filter: AlarmFilter) -> None:
        widgets = [self._search, self._state_combo, *self._priority_buttons.values(),
                   self._mine, *self._kind_actions.values()]
        for w in widgets:
            w.blockSignals(True)
        try:
            self._search.setText(alarm_filter.text)
            for p, button in self._priority_buttons.items():
                button.setChecked(not alarm_filter.priorities or p in alarm_filter.priorities)
            key = _key_of(alarm_filter.states)
            index = self._state_combo.findData(key)
            if index < 0:  # a saved filter with a mix of states: offer it as it is
                self._state_combo.addItem(", ".join(sorted(alarm_filter.states)), key)
                index = self._state_combo.count() - 1
            self._state_combo.setCurrentIndex(index)
            self._mine.setChecked(alarm_filter.mine)
            for kind, action in self._kind_actions.items():
                action.setChecked(kind in alarm_filter.kinds)
        finally:
            for w in widgets:
                w.blockSignals(False)

    # --- selection, clock, counts ----------------------------------------------------------

    def _on_selection_changed(self, _selected: QItemSelection,
                              _deselected: QItemSelection) -> None:
        rows = self._table.selectionModel().selectedRows()
        if not rows:
            return
        alarm_id = rows[0].data(AlarmIdRole)
        if alarm_id and alarm_id != self._selected_id:
            self._selected_id = alarm_id
            self.alarm_selected.emit(alarm_id)

    def _remember_selection(self) -> None:
        self._reselect_id = self._selected_id

    # --- the history (recently closed) ---------------------------------------------------------

    def set_history_model(self, model: AlarmQueueModel) -> None:
        """Offer "closed in the last hours": ``model`` holds them (the pane fills it)."""
        self._history = model
        self._offer_history(True)

    def showing_history(self) -> bool:
        return self._model is self._history

    def _offer_history(self, on: bool) -> None:
        item = self._state_combo.model().item(self._closed_item)  # type: ignore[attr-defined]
        if item is not None:
            item.setEnabled(on)

    def _connect(self, model: AlarmQueueModel) -> None:
        model.counts_changed.connect(self._update_summary)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self._table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _show_model(self, model: AlarmQueueModel) -> None:
        """Show the live queue or the history in the same table, filter bar and header."""
        if model is self._model:
            return
        old = self._model
        old.counts_changed.disconnect(self._update_summary)
        old.modelAboutToBeReset.disconnect(self._remember_selection)
        old.modelReset.disconnect(self._restore_selection)
        column, order = old.sort_column(), old.sort_order()
        self._model = model
        self._table.setModel(model)
        self._connect(model)
        self._table.sortByColumn(column, order)
        self._update_summary()

    def _restore_selection(self) -> None:
        """A reset (new filter, fresh snapshot) keeps the officer's alarm selected if it is
        still shown."""
        row = self._model.row_of(self._reselect_id) if self._reselect_id else None
        if row is not None:
            self._table.selectRow(row)
        else:
            self._selected_id = None

    def _tick(self) -> None:
        self._model.tick()

    def _update_summary(self) -> None:
        m = self._model
        if m is self._history:
            self._summary_plain = self.tr("{n} closed in the last {h} h (read only)").format(
                n=m.rowCount(), h=HISTORY_HOURS)
            self._summary.setText(f"<b>{self._summary_plain}</b>")
            return
        parts = [self.tr("{n} open").format(n=m.open_count()),
                 self.tr("{n} unacknowledged").format(n=m.unacknowledged_count())]
        overdue = self.tr("{n} overdue").format(n=m.overdue_count())
        if not m.alarm_filter().is_empty():
            parts.insert(0, self.tr("{n} shown").format(n=m.rowCount()))
        self._summary_plain = " \u00b7 ".join([*parts, overdue])
        if m.overdue_count():
            swatch = NOTICE_COLORS["critical"]
            overdue = (f'<span style="background-color:{swatch.background};'
                       f' color:{swatch.text};">&nbsp;{overdue}&nbsp;</span>')
        self._summary.setText(f"<b>{' &middot; '.join(parts)} &middot; {overdue}</b>")
