"""The alarm queue pane: the queue (``widgets.alarm_queue``) and, beside it, the selected
alarm's card, fed from ``HallState`` one batch per change set (the model turns each batch into
a handful of Qt signals, so a flood repaints in batches, not per alarm).

What is shown is the *effective* alarm: the server's version plus the officer's commands not
yet confirmed (``PendingCommands``), marked "queued" until the server's word arrives. The
selection is the hall-wide one (``Selection``), so other panes follow the queue.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from desktop.panes.alarm_commands import AlarmCommands
from desktop.panes.hit_pictures import HitPictures
from desktop.settings import UserSettings, ack_targets
from desktop.shell.pane_context import PaneContext
from desktop.state.nearest import rank_units
from widgets.alarm_card import AlarmCard, CardData
from widgets.alarm_queue import AlarmQueueModel, AlarmQueueView
from widgets.alarm_queue.filters import FilterContext
from widgets.alarm_queue.model import source_key
from widgets.alarm_queue.view import HISTORY_HOURS
from widgets.colors import NOTICE_COLORS
from widgets.i18n import plural, tr

log = logging.getLogger(__name__)

SIDE_BY_SIDE_WIDTH = 1000  # narrower than this, the card goes under the queue
SHELF_CHECK_MS = 5000
NEARBY_UNITS_ON_MAP = 5
# (key, action); the card's buttons show the same keys.
SHORTCUTS = (("Space", "acknowledge"), ("N", "add_note"), ("D", "dispatch"), ("V", "verify"),
             ("C", "close"))


class AlarmDesk(QWidget):
    """The pane: queue and card. ``commands`` holds the actions (shortcuts, menus, palette)."""

    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmDesk")
        self.ctx = ctx
        settings = ctx.settings()
        window = settings.repeat_window_minutes
        self.model = AlarmQueueModel(
            ack_targets=ack_targets(settings),
            group_window=timedelta(minutes=window) if window > 0 else None)
        self.view = AlarmQueueView(self.model, self)
        self.model.setParent(self.view)
        # Recently closed alarms, read only: the state filter's "closed in the last hours".
        self.history = AlarmQueueModel(keep_closed=True, parent=self.view)
        self.view.set_history_model(self.history)
        self.view.history_requested.connect(self._load_history)
        self._history_task: asyncio.Task[None] | None = None
        self.card = AlarmCard(self)
        self.hit_pictures = HitPictures(ctx.watchlist, self._hit_loaded)
        self.commands = AlarmCommands(ctx, self.model, self, self.card.show_message)

        self.shelf_line = QLabel(self)
        self.shelf_line.setObjectName("alarmDeskShelves")
        self.shelf_button = QPushButton(tr("Shelved sources…"), self)
        self.shelf_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.shelf_button.clicked.connect(self.commands.show_shelves)
        shelf_bar = QHBoxLayout()
        shelf_bar.setContentsMargins(4, 0, 4, 0)
        shelf_bar.addWidget(self.shelf_line, 1)
        shelf_bar.addWidget(self.shelf_button)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("alarmDeskSplitter")
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self._split_done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(shelf_bar)
        layout.addWidget(self.splitter, 1)

        self._shortcuts: list[QShortcut] = []
        for key, action in SHORTCUTS:
            self._shortcut(key, getattr(self.commands, action),
                           Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._shortcut("Ctrl+N", self.commands.raise_alarm, Qt.ShortcutContext.WindowShortcut)

        self.view.alarm_selected.connect(ctx.selection.select_alarm)
        self.view.alarm_activated.connect(self._toggle_group)
        self.view.context_menu_requested.connect(self._row_menu)
        self.card.action_requested.connect(self._card_action)
        self.card.member_selected.connect(self._select_member)
        self.card.group_toggled.connect(self._toggle_group)
        self.card.show_on_wall.connect(self._show_on_wall)
        self.model.counts_changed.connect(self._show_count)

        self._unsubscribe = [
            ctx.hall.subscribe(self._hall_changed),
            ctx.pending.subscribe(self._pending_changed),
            ctx.selection.subscribe(self._selection_changed),
            ctx.session.subscribe(self._session_changed),
            ctx.shelves.subscribe(lambda _shelves: self._shelves_changed()),
        ]
        self.destroyed.connect(lambda *_: self._cleanup())  # a lambda: self is going away
        if ctx.commands is not None:
            for command in self.commands.palette_commands():
                ctx.commands.register(command)
        self._shelf_timer = QTimer(self)
        self._shelf_timer.timeout.connect(ctx.shelves.expire)
        self._shelf_timer.start(SHELF_CHECK_MS)

        self._session_changed("operator")
        self._shelves_changed()
        if ctx.hall.loaded:
            self._hall_changed(ChangeSet(reset=True, alarms=list(ctx.hall.alarms.values())))
        self._show_card()

    def apply_settings(self, settings: UserSettings) -> None:
        """The officer changed the workflow settings: targets and grouping apply at once."""
        self.model.ack_targets = ack_targets(settings)
        window = settings.repeat_window_minutes
        self.model.set_group_window(timedelta(minutes=window) if window > 0 else None)

    def _cleanup(self, *_: object) -> None:
        """The pane is going: stop listening, and stop work that would write into it."""
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        if self._history_task is not None:
            self._history_task.cancel()
        self.commands.cancel_tasks()
        self.hit_pictures.forget()

    # --- the layout's part --------------------------------------------------------------------

    def pane_state(self) -> dict[str, Any]:
        return self.view.pane_state()

    def restore_pane_state(self, state: dict[str, Any]) -> None:
        self.view.restore_pane_state(state)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        wide = event.size().width() >= SIDE_BY_SIDE_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation or not self._split_done:
            # The card needs room for its details and map: beside the queue two fifths of the
            # width, under it half the height (the officer's own drag is kept until the
            # orientation changes).
            self.splitter.setOrientation(orientation)
            size = event.size().width() if wide else event.size().height()
            queue = size * 3 // 5 if wide else size // 2
            self.splitter.setSizes([queue, size - queue])
            self._split_done = size > 100

    def _shortcut(self, key: str, slot: Any, context: Qt.ShortcutContext) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(context)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)

    # --- from the state -----------------------------------------------------------------------

    def _effective(self, alarms: Iterable[s.Alarm]) -> list[s.Alarm]:
        return self.ctx.pending.effective_all(alarms)

    def _load_history(self) -> None:
        if self._history_task is not None and not self._history_task.done():
            return

        async def load() -> None:
            since = s.utcnow() - timedelta(hours=HISTORY_HOURS)
            try:
                closed = await self.ctx.history(since)
            except Exception:
                log.exception("could not load the alarm history")
                self.card.show_message(tr("The closed alarms could not be loaded; see the "
                                          "log."), "warning")
                return
            if self.ctx.actions is not None:
                self.ctx.actions.closed = {a.id: a for a in closed}
            self.history.apply(True, closed)

        self._history_task = asyncio.get_event_loop().create_task(load())

    def _hall_changed(self, changes: ChangeSet) -> None:
        hall = self.ctx.hall
        if changes.reset:
            self.model.apply(True, self._effective(hall.alarms.values()))
        elif changes.alarms:
            self.model.apply(False, self._effective(changes.alarms))  # closed ones leave
            closed = [a for a in changes.alarms if a.state == "closed"]
            if closed and self.view.showing_history():
                if self.ctx.actions is not None:
                    self.ctx.actions.closed.update((a.id, a) for a in closed)
                self.history.apply(False, closed)
        if changes.reset or changes.units:
            self.model.set_unit_names({u.id: u.callsign for u in hall.units.values()})
        if changes.reset or changes.grids:
            self._grids_changed()
        selected = self.ctx.selection.alarm_id
        if selected is not None and (changes.reset or changes.units or any(
                a.id == selected for a in changes.alarms)):
            self._show_card()

    def _pending_changed(self, alarm_ids: set[str]) -> None:
        held = [a for i in alarm_ids if (a := self.ctx.hall.alarms.get(i)) is not None]
        self.model.apply(False, self._effective(held), same_version=True)
        self.model.set_marks(self.ctx.pending.marks())
        if self.ctx.selection.alarm_id in alarm_ids:
            self._show_card()

    def _selection_changed(self, what: str) -> None:
        if what == "alarm":
            self.view.select_alarm(self.ctx.selection.alarm_id)
            self._show_card()

    def _hit_loaded(self, alarm_id: str) -> None:
        if self.ctx.selection.alarm_id == alarm_id:
            self._show_card()

    def _session_changed(self, what: str) -> None:
        if what == "operator":
            self.hit_pictures.forget()
            self._set_context()
            self._show_card()

    def _grids_changed(self) -> None:
        self.view.set_stations(sorted({g.properties.station for g in self.ctx.hall.grids.values()
                                       if g.properties.station}))
        self._set_context()

    def _set_context(self) -> None:
        operator = self.ctx.session.operator
        stations = {g.id: g.properties.station for g in self.ctx.hall.grids.values()
                    if g.properties.station}
        self.model.set_context(FilterContext(operator.id if operator else None, stations))

    def _shelves_changed(self) -> None:
        shelves = self.ctx.shelves
        self.model.set_shelved(shelves.keys())
        count = len(shelves.active())
        hidden = self.model.shelved_hidden_count()
        self.shelf_line.setText(tr("{sources}, {alarms} hidden (P1 always shown)").format(
            sources=plural(tr("%n source shelved"), tr("%n sources shelved"), count),
            alarms=plural(tr("%n alarm"), tr("%n alarms"), hidden)) if count else "")
        swatch = NOTICE_COLORS["warning"]
        self.shelf_line.setStyleSheet(
            f"background-color: {swatch.background}; color: {swatch.text}; padding: 2px 6px;"
            if count else "")
        self.shelf_line.setVisible(bool(count))
        self.shelf_button.setVisible(bool(count))

    def _show_count(self) -> None:
        # The dock shows the pane's window title: "Alarm queue (3)" while alarms wait for
        # acknowledgement; the main window puts it on the dock's tab.
        waiting = self.model.unacknowledged_count()
        title = tr("Alarm queue")
        self.setWindowTitle(f"{title} ({waiting})" if waiting else title)
        if self.ctx.shelves.active():
            self._shelves_changed()  # "N hidden" follows the queue

    # --- the card -----------------------------------------------------------------------------

    def _show_card(self) -> None:
        alarm_id = self.ctx.selection.alarm_id
        server = None
        if alarm_id is not None:
            server = (self.ctx.hall.alarms.get(alarm_id)
                      or self.history.all_alarms().get(alarm_id))
        if server is None:
            self.card.clear(tr("Select an alarm in the queue to see it here.") if alarm_id is None
                            else tr("This alarm is closed or no longer known."))
            return
        self.card.show_alarm(self._card_data(self.ctx.pending.effective(server)))

    def _card_data(self, alarm: s.Alarm) -> CardData:
        ctx = self.ctx
        hall = ctx.hall
        refusal = ctx.pending.refusals.get(alarm.id)
        info = self.model.group_info(alarm.id)
        members = self.model.group_members(alarm.id) if info is not None else []
        nearby = [c.unit for c in rank_units(hall.units.values(), alarm.location.lat,
                                             alarm.location.lon, s.utcnow())
                  if c.distance_m is not None][:NEARBY_UNITS_ON_MAP]
        pending = [(c.action, c.at, _pending_detail(c.action, c.body, hall))
                   for c in ctx.pending.pending_for(alarm.id)]
        actions = ("acknowledge", "add_note", "dispatch", "verify", "close")
        snapshot, photo = self.hit_pictures.get(alarm)
        return CardData(
            alarm=alarm, mark=ctx.pending.mark(alarm.id),
            refusal=refusal.message if refusal else "",
            members=members, group_expanded=bool(info and info.expanded),
            units=hall.units, cameras=hall.cameras, grid=hall.grids.get(alarm.grid_id or ""),
            watch_entry=hall.watchlist.get(alarm.watchlist_id or ""),
            may_see_watchlist=ctx.session.may("watchlist_details"),
            hit_snapshot=snapshot, hit_photo=photo,
            pending=pending, why_not={a: self.commands.why_not(a) for a in actions},
            wall_available=ctx.wall.available,
            nearby_units=[*[hall.units[u] for u in alarm.assigned_unit_ids if u in hall.units],
                          *nearby])

    def _card_action(self, action: str) -> None:
        getattr(self.commands, action)()

    def _show_on_wall(self, camera_ids: list[str]) -> None:
        alarm = self.commands.selected()
        if alarm is not None and set(camera_ids) <= set(alarm.camera_ids):
            self.ctx.wall.show_alarm(alarm, self.ctx.hall.cameras)
        else:
            self.ctx.wall.show(camera_ids, alarm.priority if alarm is not None else None)

    def _select_member(self, alarm_id: str) -> None:
        self.ctx.selection.select_alarm(alarm_id)

    def _toggle_group(self, alarm_id: str) -> None:
        head = self.model.head_of(alarm_id) or alarm_id
        if self.model.toggle_group(head):
            self.view.select_alarm(head)
            self._show_card()

    def _row_menu(self, alarm_id: str, where: QPoint) -> None:
        menu = QMenu(self)
        for key, action in SHORTCUTS:
            label = {"acknowledge": tr("Acknowledge"), "add_note": tr("Add note…"),
                     "dispatch": tr("Dispatch…"), "verify": tr("Verify match…"),
                     "close": tr("Close…")}[action]
            item = menu.addAction(f"{label}\t{key}", getattr(self.commands, action))
            why = self.commands.why_not(action)
            item.setEnabled(not why)
            item.setToolTip(why)
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        info = self.model.group_info(alarm_id)
        if info is not None:
            menu.addAction(tr("Fold the group") if info.expanded
                           else tr("Show the {n} alarms of the group").format(n=info.count),
                           lambda: self._toggle_group(alarm_id))
        alarm = self.ctx.hall.alarms.get(alarm_id)
        if alarm is not None and source_key(alarm) not in self.ctx.shelves.keys():
            menu.addAction(tr("Shelve this source…"), self.commands.shelve)
        menu.addAction(tr("Shelved sources…"), self.commands.show_shelves)
        menu.exec(where)


def _pending_detail(action: str, body: dict[str, Any], hall: Any) -> str:
    if action == "notes":
        return str(body.get("text", ""))
    if action == "dispatch":
        return ", ".join(hall.units[u].callsign if u in hall.units else u
                         for u in body.get("unit_ids", []))
    if action == "close":
        return str(body.get("disposition", ""))
    return ""


def build_alarm_queue(ctx: PaneContext) -> QWidget:
    return AlarmDesk(ctx)
