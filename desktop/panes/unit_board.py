"""The unit board pane: every unit's status, how long it has had it, what it is on, and whether
it is late — as a dense table or as cards in columns (by status, station or grid).

Fed from ``HallState`` in batches (at most every ``BATCH_MS``), each unit as the officer should
see it: the server's, with status changes still pending (``PendingUnitStatus``), marked
"queued" until the server's word. Counters per status head the board (a click filters by
that status); overdue units blink and come first in their status; a crew on scene is due a
welfare check every so often, which the officer confirms (a note on the unit's alarm).

Status changes — the menu, a card dropped on another status, or keys 1–7 — offer only what
the hall's rules allow, go through the outbox like every command, and a refusal by the server
rolls the unit back with the server's words. "Available near the alarm" ranks the available
units by distance to the selected alarm with the dispatch picker's ranking and table.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from backend_client.unit_rules import STATUS_ORDER
from desktop.panes.map_marks import thresholds_of
from desktop.panes.pane_tasks import PaneTasks
from desktop.settings import UserSettings
from desktop.shell.pane_context import PaneContext
from desktop.state.freshness import freshness
from desktop.state.nearest import rank_units
from desktop.state.unit_timers import StatusTargets, overdue, seconds_to_overdue
from widgets.colors import SECONDARY_TEXT, UNIT_STATUS_COLORS
from widgets.i18n import tr
from widgets.unit_board.cards import CardBoard
from widgets.unit_board.columns import BoardContext
from widgets.unit_board.model import UnitBoardModel, UnitFilter
from widgets.unit_board.table import UnitTable
from widgets.unit_candidates import Column as CandidateColumn
from widgets.unit_candidates import StatusChipDelegate, UnitCandidateModel
from widgets.unit_texts import unit_kind_label, unit_status_label

log = logging.getLogger(__name__)

BATCH_MS = 250
TICK_MS = 1000
FLASH_MS = 500
VIEWS = ("table", "cards")
GROUPS = ("status", "station", "grid")


def targets_of(settings: UserSettings) -> StatusTargets:
    dispatched, en_route, welfare = settings.unit_status_target_seconds
    try:
        return StatusTargets(dispatched, en_route, welfare)
    except ValueError:
        log.warning("unit status targets %r not usable; the standard ones apply",
                    settings.unit_status_target_seconds)
        return StatusTargets()


def _swatch_icon(status: str) -> QIcon:
    pixmap = QPixmap(10, 10)
    swatch = UNIT_STATUS_COLORS.get(status)
    pixmap.fill(swatch.background_color() if swatch else QColor(SECONDARY_TEXT))
    return QIcon(pixmap)


class UnitBoardPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unitBoardPane")
        self.ctx = ctx
        self.tasks = PaneTasks(lambda text, level: ctx.session.tell(
            "warning" if level == "warning" else "critical", text))
        settings = ctx.settings()
        self._targets = targets_of(settings)
        self._thresholds = thresholds_of(settings)
        self.model = UnitBoardModel(self, now=s.utcnow, overdue=self._overdue,
                                    due_in=self._due_in, freshness=self._freshness)
        self.model.counts_changed.connect(self._counts_changed)

        # The counters: one per status, each also the status filter.
        self.counters = QToolBar(self)
        self.counters.setObjectName("unitCounters")
        self.counter_buttons: dict[str, QToolButton] = {}
        for status in STATUS_ORDER:
            button = QToolButton(self)
            button.setCheckable(True)
            button.setIcon(_swatch_icon(status))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.toggled.connect(lambda _on: self._filter_changed())
            self.counters.addWidget(button)
            self.counter_buttons[status] = button
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("unitOverdue")
        self.counters.addWidget(self.overdue_label)

        tools = QToolBar(self)
        tools.setObjectName("unitBoardTools")
        self.view_choice = QComboBox(self)
        self.view_choice.addItem(tr("Table"), "table")
        self.view_choice.addItem(tr("Cards"), "cards")
        self.view_choice.currentIndexChanged.connect(lambda _i: self._show_view())
        self.group_choice = QComboBox(self)
        self.group_choice.addItem(tr("By status"), "status")
        self.group_choice.addItem(tr("By station"), "station")
        self.group_choice.addItem(tr("By grid"), "grid")
        self.group_choice.currentIndexChanged.connect(lambda _i: self._show_view())
        self.filter_button = QToolButton(self)
        self.filter_button.setText(tr("Filter"))
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = QMenu(self.filter_button)
        self.filter_button.setMenu(self.filter_menu)
        self._filter_actions: dict[str, dict[str, QAction]] = {"station": {}, "grid": {},
                                                                "kind": {}}
        self.near_button = QToolButton(self)
        self.near_button.setText(tr("Available near the alarm"))
        self.near_button.setCheckable(True)
        self.near_button.setToolTip(tr("The available units nearest the selected alarm, as "
                                       "the dispatch picker ranks them"))
        self.near_button.toggled.connect(lambda _on: self._show_view())
        self.large_button = QToolButton(self)
        self.large_button.setText(tr("Large text"))
        self.large_button.setCheckable(True)
        self.large_button.setToolTip(tr("Large text, to be read from across the hall (for a "
                                        "wall screen)"))
        self.large_button.toggled.connect(self._set_large)
        for widget in (self.view_choice, self.group_choice, self.filter_button,
                       self.near_button, self.large_button):
            tools.addWidget(widget)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("unitAsOf")
        tools.addWidget(self.as_of)

        self.welfare = QWidget(self)  # "welfare check due: …" with its button
        self.welfare_text = QLabel(self.welfare)
        self.welfare_text.setWordWrap(True)
        self.welfare_button = QPushButton(tr("Contact confirmed…"), self.welfare)
        self.welfare_button.clicked.connect(lambda: self.confirm_welfare(self._welfare_next()))
        row = QHBoxLayout(self.welfare)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.welfare_text, 1)
        row.addWidget(self.welfare_button)
        self.welfare.setStyleSheet("background: #5a3d00; color: #ffe2a8;")
        self.welfare.hide()

        self.table = UnitTable(self.model, self)
        self.cards = CardBoard(self.model, self)
        self._alarm_titles: dict[str, str] = {}
        self._context: BoardContext | None = None
        self.near_model = UnitCandidateModel(self._alarm_titles, self)
        self.near_table = QTableView(self)
        self.near_table.setObjectName("unitsNear")
        self.near_table.setModel(self.near_model)
        self.near_table.setColumnHidden(CandidateColumn.CHOSEN, True)
        self.near_table.setItemDelegateForColumn(CandidateColumn.STATUS,
                                                 StatusChipDelegate(self.near_table))
        self.near_table.verticalHeader().hide()
        self.near_table.horizontalHeader().setStretchLastSection(True)
        self.near_title = QLabel(self)
        near = QWidget(self)
        near_layout = QVBoxLayout(near)
        near_layout.setContentsMargins(0, 0, 0, 0)
        near_layout.addWidget(self.near_title)
        near_layout.addWidget(self.near_table, 1)
        self.stack = QStackedWidget(self)
        for widget in (self.table, self.cards, near):
            self.stack.addWidget(widget)
        self._near = near

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.counters)
        layout.addWidget(tools)
        layout.addWidget(self.welfare)
        layout.addWidget(self.stack, 1)

        for view in (self.table, self.cards):
            view.unit_clicked.connect(self._clicked)
            view.alarm_clicked.connect(self._alarm_clicked)
            view.context_requested.connect(self._context_menu)
        self.cards.status_dropped.connect(self.change_status)
        self.near_table.clicked.connect(self._near_clicked)
        for n, status in enumerate(STATUS_ORDER, start=1):  # keys 1–7: the status columns
            shortcut = QShortcut(QKeySequence(str(n)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda st=status: self._key_status(st))

        self._pending_changes = ChangeSet()
        self._settled: set[str] = set()  # units whose pending status changed, to draw
        self._batch = QTimer(self)
        self._batch.setSingleShot(True)
        self._batch.setInterval(BATCH_MS)
        self._batch.timeout.connect(self._apply_batch)
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._second)
        self._tick.start()
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self.model.flash)
        self._flash.start()
        self._unsubscribe = [ctx.hall.subscribe(self._hall_changed),
                             ctx.selection.subscribe(self._selection_changed),
                             ctx.unit_pending.subscribe(self._pending_changed),
                             ctx.session.subscribe(self._session_changed)]
        if ctx.units is not None:
            self._unsubscribe.append(ctx.units.subscribe(lambda _id: self._second()))
        self.destroyed.connect(lambda *_: self._cleanup())
        self._show_view()
        if ctx.hall.loaded:
            self._hall_changed(ChangeSet(reset=True))
        self._counts_changed()

    # --- rules the model asks ---------------------------------------------------------------

    def _overdue(self, unit: s.Unit, now: Any) -> str | None:
        confirmed = self.ctx.units.welfare_confirmed.get(unit.id) if self.ctx.units else None
        return overdue(unit, now, self._targets, confirmed)

    def _due_in(self, unit: s.Unit, now: Any) -> float | None:
        confirmed = self.ctx.units.welfare_confirmed.get(unit.id) if self.ctx.units else None
        return seconds_to_overdue(unit, now, self._targets, confirmed)

    def _freshness(self, at: Any, now: Any) -> str:
        return freshness(at, now, self._thresholds)

    # --- from the state ---------------------------------------------------------------------

    def _effective(self, units: Iterable[s.Unit]) -> list[s.Unit]:
        pending = self.ctx.unit_pending
        return [pending.effective(u) for u in units]

    def _hall_changed(self, changes: ChangeSet) -> None:
        pending = self._pending_changes
        pending.reset = pending.reset or changes.reset
        pending.units += changes.units
        pending.alarms += changes.alarms
        pending.grids += changes.grids
        if not self._batch.isActive():
            self._batch.start()

    def _apply_batch(self) -> None:
        changes, self._pending_changes = self._pending_changes, ChangeSet()
        hall = self.ctx.hall
        if changes.reset or changes.grids or changes.alarms or changes.units:
            self._set_context()
        if changes.reset:
            self.model.apply(True, self._effective(hall.units.values()))
            self._fill_filter_menu()
        elif changes.units:
            ids = dict.fromkeys(u.id for u in changes.units)
            self.model.apply(False, self._effective(hall.units[i] for i in ids
                                                    if i in hall.units))
        if changes.reset or changes.grids:
            self._fill_filter_menu()
        if self.near_button.isChecked():
            self._refresh_near()

    def _set_context(self) -> None:
        # Only the titles of alarms a unit is on: during a flood the hall's alarms change
        # many times a second while the board's context does not, and a new context re-keys
        # and repaints every card and row (it cost the flood test UI stalls of 40–130 ms).
        hall = self.ctx.hall
        context = BoardContext(
            alarm_titles={a.id: a.title for u in hall.units.values()
                          if u.alarm_id and (a := hall.alarms.get(u.alarm_id)) is not None},
            grid_names={g.id: g.properties.name for g in hall.grids.values()},
            grid_stations={g.id: g.properties.station or "" for g in hall.grids.values()})
        if context == self._context:
            return
        self._context = context
        self.model.set_context(context)
        self.cards.set_context(context)
        self._alarm_titles.clear()  # the "available near" list's alarm names
        self._alarm_titles.update(context.alarm_titles)

    def _pending_changed(self, unit_ids: set[str]) -> None:
        # Drawn once the current call is done: the service settles pending changes just
        # before the hall takes the server's new version, and the board must not show the
        # old one in between.
        self._settled |= unit_ids
        QTimer.singleShot(0, self._show_pending)

    def _show_pending(self) -> None:
        unit_ids, self._settled = self._settled, set()
        if not unit_ids:
            return
        hall = self.ctx.hall
        pending = self.ctx.unit_pending
        self.model.set_queued(uid for uid in hall.units if pending.queued(uid))
        self.model.apply(False, self._effective(hall.units[i] for i in unit_ids
                                                if i in hall.units))
        for unit_id in unit_ids:
            refusal = pending.refusals.get(unit_id)
            if refusal is not None and (s.utcnow() - refusal.at).total_seconds() < 5:
                unit = hall.units.get(unit_id)
                name = unit.callsign if unit else unit_id
                self.ctx.session.tell("warning", tr(
                    "{unit} was not set to {status}: the central services refused "
                    "({why}).").format(unit=name, status=unit_status_label(refusal.status),
                                       why=refusal.message))

    def _session_changed(self, what: str) -> None:
        if what in ("connection", "data"):
            self._show_as_of()

    def _show_as_of(self) -> None:
        state = self.ctx.session
        live = state.connection.status == "online" and not self.ctx.hall.from_cache
        if live or state.live_as_of is None:
            self.as_of.clear()
            return
        as_of = state.live_as_of.astimezone().strftime("%H:%M:%S")
        self.as_of.setText(tr("As of {time} (not live)").format(time=as_of))
        self.as_of.setStyleSheet("color: #f5a623; font-weight: bold;")

    def _second(self) -> None:
        self.model.tick()
        self._show_welfare()
        self._show_as_of()

    def _counts_changed(self) -> None:
        counts = self.model.status_counts()
        for status, button in self.counter_buttons.items():
            button.setText(f"{unit_status_label(status)} {counts.get(status, 0)}")
        late = self.model.overdue_count()
        self.overdue_label.setText(tr("{n} overdue").format(n=late) if late else "")
        self.overdue_label.setStyleSheet("color: #e5484d; font-weight: bold;" if late else "")

    # --- filters and views ------------------------------------------------------------------

    def _fill_filter_menu(self) -> None:
        hall = self.ctx.hall
        chosen = {kind: {k for k, a in actions.items() if a.isChecked()}
                  for kind, actions in self._filter_actions.items()}
        self.filter_menu.clear()
        stations = sorted({g.properties.station or "" for g in hall.grids.values()} - {""})
        grids = sorted((g.properties.name, g.id) for g in hall.grids.values())
        kinds = sorted({u.kind for u in hall.units.values()})
        sections = (("station", tr("Station"), [(st, st) for st in stations]),
                    ("grid", tr("Home grid"), grids),
                    ("kind", tr("Kind"), [(unit_kind_label(k), k) for k in kinds]))
        for kind, title, entries in sections:
            menu = self.filter_menu.addMenu(title)
            self._filter_actions[kind] = {}
            for text, value in entries:
                action = menu.addAction(text)
                action.setCheckable(True)
                action.setChecked(value in chosen[kind])
                action.toggled.connect(lambda _on: self._filter_changed())
                self._filter_actions[kind][value] = action
        self.filter_menu.addSeparator()
        self.filter_menu.addAction(tr("Show all units"), self.clear_filter)

    def current_filter(self) -> UnitFilter:
        def picked(kind: str) -> frozenset[str]:
            return frozenset(k for k, a in self._filter_actions[kind].items() if a.isChecked())
        return UnitFilter(stations=picked("station"), grids=picked("grid"),
                          kinds=picked("kind"),
                          statuses=frozenset(st for st, b in self.counter_buttons.items()
                                             if b.isChecked()))

    def set_filter(self, unit_filter: UnitFilter) -> None:
        for kind, values in (("station", unit_filter.stations), ("grid", unit_filter.grids),
                             ("kind", unit_filter.kinds)):
            for value, action in self._filter_actions[kind].items():
                action.blockSignals(True)
                action.setChecked(value in values)
                action.blockSignals(False)
        for status, button in self.counter_buttons.items():
            button.blockSignals(True)
            button.setChecked(status in unit_filter.statuses)
            button.blockSignals(False)
        self._wanted_filter = unit_filter
        self._filter_changed()

    def clear_filter(self) -> None:
        self.set_filter(UnitFilter())

    def _filter_changed(self) -> None:
        wanted = getattr(self, "_wanted_filter", None)
        current = self.current_filter()
        # Values the menu does not list yet (a layout restored before the grids arrived)
        # are kept until it does.
        if wanted is not None:
            current = UnitFilter(stations=current.stations or wanted.stations,
                                 grids=current.grids or wanted.grids,
                                 kinds=current.kinds or wanted.kinds,
                                 statuses=current.statuses)
            self._wanted_filter = None
        self.model.set_filter(current)
        active = current.active
        self.filter_button.setText(tr("Filter (on)") if active else tr("Filter"))

    def _show_view(self) -> None:
        cards = self.view_choice.currentData() == "cards"
        self.group_choice.setEnabled(cards)
        self.cards.set_group_by(self.group_choice.currentData())
        if self.near_button.isChecked():
            self._refresh_near()
            self.stack.setCurrentWidget(self._near)
        else:
            self.stack.setCurrentWidget(self.cards if cards else self.table)
        self._selection_changed("unit")

    def _set_large(self, on: bool) -> None:
        self.table.set_large(on)
        self.cards.set_large(on)

    def _refresh_near(self) -> None:
        alarm = self.ctx.hall.alarms.get(self.ctx.selection.alarm_id or "")
        if alarm is None:
            self.near_title.setText(tr("Select an alarm: the available units nearest it are "
                                       "listed here."))
            self.near_model.set_candidates([], {})
            return
        settings = self.ctx.settings()
        ranked = rank_units(self._effective(self.ctx.hall.units.values()),
                            alarm.location.lat, alarm.location.lon, s.utcnow(),
                            speed_kmh=float(settings.nominal_speed_kmh))
        self.near_title.setText(tr("Available units nearest {alarm}").format(alarm=alarm.title))
        self.near_model.set_candidates([c for c in ranked if c.available], {})

    # --- the officer ------------------------------------------------------------------------

    def _clicked(self, unit_id: str) -> None:
        self.ctx.selection.select_unit(unit_id)

    def _alarm_clicked(self, alarm_id: str) -> None:
        """A unit's current alarm clicked: the alarm queue shows its card."""
        if alarm_id in self.ctx.hall.alarms:
            self.ctx.selection.select_alarm(alarm_id)

    def _near_clicked(self, index: Any) -> None:
        candidate = self.near_model.candidate(index.row())
        if candidate is not None:
            self.ctx.selection.select_unit(candidate.unit.id)

    def _selection_changed(self, what: str) -> None:
        if what == "alarm" and self.near_button.isChecked():
            self._refresh_near()
        if what != "unit":
            return
        unit_id = self.ctx.selection.unit_id
        self.table.select_unit(unit_id)
        self.cards.select_unit(unit_id)

    def selected_unit(self) -> s.Unit | None:
        unit_id = self.ctx.selection.unit_id
        return self.model.unit(unit_id) if unit_id else None

    def menu_for(self, unit_id: str) -> QMenu:
        menu = QMenu(self)
        unit = self.model.unit(unit_id)
        if unit is None or self.ctx.units is None:
            return menu
        allowed = self.ctx.units.next_statuses(unit)
        status_menu = menu.addMenu(tr("Set status"))
        for n, status in enumerate(STATUS_ORDER, start=1):
            if status in allowed:
                action = status_menu.addAction(_swatch_icon(status),
                                               f"{n}  {unit_status_label(status)}")
                action.triggered.connect(lambda _c=False, st=status: self.change_status(
                    unit_id, st))
        status_menu.setEnabled(bool(allowed))
        if unit.status == "on_scene":
            menu.addAction(tr("Contact confirmed (welfare check)…"),
                           lambda: self.confirm_welfare(unit_id))
        if unit.alarm_id and unit.alarm_id in self.ctx.hall.alarms:
            menu.addAction(tr("Show its alarm"),
                           lambda: self.ctx.selection.select_alarm(unit.alarm_id))
        return menu

    def _context_menu(self, unit_id: str, pos: QPoint) -> None:
        self.ctx.selection.select_unit(unit_id)
        menu = self.menu_for(unit_id)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pos)

    def _key_status(self, status: str) -> None:
        unit_id = self.ctx.selection.unit_id
        if unit_id:
            self.change_status(unit_id, status)

    def change_status(self, unit_id: str, status: str) -> None:
        """The officer wants the unit in ``status``: the rules first, a confirmation where
        an alarm would lose its unit, then the outbox."""
        actions = self.ctx.units
        unit = self.model.unit(unit_id)
        if actions is None:
            return
        why = actions.why_not(unit, status)
        if why:
            self.ctx.session.tell("warning", tr(why))
            return
        assert unit is not None
        if status == "out_of_service" and unit.alarm_id and not self._confirm_out_of_service(
                unit):
            return
        self.tasks.run(actions.set_status(unit_id, status))

    def _confirm_out_of_service(self, unit: s.Unit) -> bool:
        alarm = self.ctx.hall.alarms.get(unit.alarm_id or "")
        title = alarm.title if alarm else unit.alarm_id
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Out of service"), tr(
            "{unit} is on the alarm {alarm}. Put it out of service anyway? The alarm will "
            "need another unit.").format(unit=unit.callsign, alarm=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirmation = box  # tests answer it
        return box.exec() == QMessageBox.StandardButton.Yes

    def _welfare_due(self) -> list[s.Unit]:
        return [u for u in self.model.shown_units()
                if self.model.overdue_of(u.id) == "welfare_due"]

    def _welfare_next(self) -> str | None:
        due = self._welfare_due()
        selected = self.ctx.selection.unit_id
        if any(u.id == selected for u in due):
            return selected
        return due[0].id if due else None

    def _show_welfare(self) -> None:
        due = self._welfare_due()
        if not due:
            self.welfare.hide()
            return
        names = ", ".join(u.callsign for u in due[:6]) + (" …" if len(due) > 6 else "")
        self.welfare_text.setText(tr("Welfare check due: {units}. Call the crew, then "
                                     "confirm contact.").format(units=names))
        self.welfare.show()

    def confirm_welfare(self, unit_id: str | None) -> None:
        actions = self.ctx.units
        unit = self.model.unit(unit_id) if unit_id else None
        if actions is None or unit is None:
            return
        note = tr("\u2713 {unit}: welfare check, contact with the crew confirmed").format(
            unit=unit.callsign)
        self.tasks.run(actions.confirm_welfare(unit.id, note))

    # --- the layout's part ------------------------------------------------------------------

    def pane_state(self) -> dict[str, Any]:
        flt = self.current_filter()
        return {"view": self.view_choice.currentData(),
                "group": self.group_choice.currentData(),
                "large": self.large_button.isChecked(), "near": self.near_button.isChecked(),
                "sort": [int(self.model.sort_column()),
                         self.table.horizontalHeader().sortIndicatorOrder().value],
                "filter": {"stations": sorted(flt.stations), "grids": sorted(flt.grids),
                           "kinds": sorted(flt.kinds), "statuses": sorted(flt.statuses)}}

    def restore_pane_state(self, state: dict[str, Any]) -> None:
        if not isinstance(state, dict):
            return
        if state.get("view") in VIEWS:
            self.view_choice.setCurrentIndex(self.view_choice.findData(state["view"]))
        if state.get("group") in GROUPS:
            self.group_choice.setCurrentIndex(self.group_choice.findData(state["group"]))
        self.large_button.setChecked(bool(state.get("large", False)))
        self.near_button.setChecked(bool(state.get("near", False)))
        sort = state.get("sort")
        if (isinstance(sort, list) and len(sort) == 2 and all(type(v) is int for v in sort)
                and 0 <= sort[0] < self.model.columnCount() and sort[1] in (0, 1)):
            self.table.sortByColumn(sort[0], Qt.SortOrder(sort[1]))
        flt = state.get("filter")
        if isinstance(flt, dict):
            def words(key: str) -> frozenset[str]:
                value = flt.get(key, [])
                return frozenset(v for v in value if isinstance(v, str)) if isinstance(
                    value, list) else frozenset()
            self.set_filter(UnitFilter(stations=words("stations"), grids=words("grids"),
                                       kinds=words("kinds"),
                                       statuses=words("statuses") & set(STATUS_ORDER)))

    def apply_settings(self, settings: UserSettings) -> None:
        self._targets = targets_of(settings)
        self._thresholds = thresholds_of(settings)
        # New targets move every unit's deadline: all are asked anew.
        self.model.set_overdue_rule(self._overdue, self._due_in)
        self.model.set_freshness_rule(self._freshness)

    def _cleanup(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self.tasks.cancel()


def build_unit_board(ctx: PaneContext) -> QWidget:
    return UnitBoardPane(ctx)
