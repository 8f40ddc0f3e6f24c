"""``HallScreens``: the window's layouts and monitors, wired to the officer's commands.

Named layouts (save, rename, delete, switch with Ctrl+1..9, F12 for the hall layout), panes
sent to wall screens, and monitors coming and going — each outcome told to the officer as a
notice in plain words.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from desktop.shell.alert_level import alert_band
from desktop.shell.extra_screen import ExtraScreens, disconnected_notice
from desktop.shell.i18n import tr
from desktop.shell.layouts import HALL, LayoutError, LayoutManager, LayoutStore
from desktop.shell.main_window import MainWindow
from desktop.shell.monitors import Monitor, MonitorWatcher
from desktop.state.session import SessionState

log = logging.getLogger(__name__)



class HallScreens(QObject):
    def __init__(self, window: MainWindow, state: SessionState, folder: Path,
                 virtual_screens: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.state = state
        self.watcher = MonitorWatcher(virtual_screens, self)
        self.extra = ExtraScreens(self.watcher.monitors, self,
                                  band=lambda parent: alert_band(state, parent))
        self.store = LayoutStore(folder)
        self.layouts = LayoutManager(window, window.dock_manager, window.docks, self.extra,
                                     self.watcher.monitors, self.store,
                                     get_pane_state=self._pane_state,
                                     set_pane_state=self._restore_pane_state, parent=self)
        window.save_layout_requested.connect(self.ask_save)
        window.manage_layouts_requested.connect(self.ask_manage)
        window.switch_layout_requested.connect(self.switch_by_index)
        window.hall_layout_requested.connect(self.restore_hall)
        window.send_to_screen_requested.connect(self.send_to_screen)
        self.watcher.monitor_removed.connect(self._monitor_removed)
        self.watcher.monitor_added.connect(self._monitor_added)
        self.watcher.monitors_changed.connect(lambda _m: self._refresh_menus())
        self._refresh_menus()

    # --- start-up ---------------------------------------------------------------------------

    def open_initial(self, requested: str | None, role: str | None) -> None:
        """Place the window on the primary monitor with the default docking, then open the
        requested layout, else the saved hall layout."""
        primary = next(m for m in self.watcher.monitors() if m.primary)
        x, y, w, h = primary.geometry
        self.window.setGeometry(x, y, w, h)
        self.layouts.role = role
        self.layouts.default_layout(role)
        name = requested or (HALL if self.store.exists(HALL) else None)
        if name:
            self._run(lambda: self.layouts.switch(name))

    def raise_extra_windows(self) -> None:
        for window in self.extra.windows():
            window.raise_()

    # --- the officer's commands ---------------------------------------------------------------

    def ask_save(self) -> None:
        name, ok = QInputDialog.getText(
            self.window, tr("Save layout"),
            tr("Name of the layout (save as “{hall}” for the F12 hall layout):").format(
                hall=HALL), QLineEdit.EchoMode.Normal, self.layouts.current or HALL)
        if ok and name.strip() and self._run(lambda: self.layouts.save_current(name.strip())):
            self.state.tell("info", tr("Layout “{name}” saved.").format(name=name.strip()))

    def ask_manage(self) -> None:
        names = self.store.list()
        if not names:
            self.state.tell("info", tr("No layouts are saved yet."))
            return
        name, ok = QInputDialog.getItem(self.window, tr("Layouts"), tr("Layout:"), names, 0,
                                        False)
        if not ok:
            return
        new, ok = QInputDialog.getText(
            self.window, tr("Rename or delete"),
            tr("New name for “{name}” (leave empty to delete it):").format(name=name),
            QLineEdit.EchoMode.Normal, name)
        if not ok:
            return
        if new.strip():
            self._run(lambda: self.store.rename(name, new.strip()))
        elif QMessageBox.question(self.window, tr("Delete layout"),
                                  tr("Delete the layout “{name}”?").format(name=name)
                                  ) == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.store.delete(name))
        self._refresh_menus()

    def switch_by_index(self, index: int) -> None:
        self._run(lambda: self.layouts.switch_by_index(index))

    def restore_hall(self) -> None:
        self._run(self.layouts.restore_hall)

    def send_to_screen(self, pane: str, monitor_key: str) -> None:
        monitor = next((m for m in self.watcher.monitors() if m.key == monitor_key), None)
        if monitor is None:
            self.state.tell("warning", tr("That screen is no longer connected."))
            return
        self.layouts.send_to_screen(pane, monitor)

    # --- monitors ---------------------------------------------------------------------------

    def _monitor_removed(self, monitor: Monitor) -> None:
        moved = self.extra.on_monitor_removed(monitor)
        if moved:
            self.state.tell("warning", disconnected_notice(monitor, moved))

    def _monitor_added(self, monitor: Monitor) -> None:
        panes = self.extra.on_monitor_added(monitor)
        if not panes:
            return
        box = QMessageBox(QMessageBox.Icon.Question, tr("Screen connected"),
                          tr("The screen {screen} is connected again. Put its panes back on "
                             "it?").format(screen=monitor.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setObjectName("restoreScreenQuestion")
        box.accepted.connect(lambda: self.extra.return_home(monitor))
        box.open()

    # --- each pane's own state (wall layout, map viewport) ----------------------------------

    def _pane_state(self, name: str) -> dict[str, object]:
        """A pane keeps its own state in layouts by having ``pane_state() -> dict`` and
        ``restore_pane_state(dict)``; panes without them have none."""
        widget = self.window.pane_widgets.get(name)
        getter = getattr(widget, "pane_state", None)
        return dict(getter()) if callable(getter) else {}

    def _restore_pane_state(self, name: str, state: dict[str, object]) -> None:
        widget = self.window.pane_widgets.get(name)
        setter = getattr(widget, "restore_pane_state", None)
        if callable(setter) and state:
            setter(state)

    # --- helpers ----------------------------------------------------------------------------

    def _run(self, action: Callable[[], object]) -> bool:
        """Do a layout action; the notices it returns (or its error, a sentence) go to the
        officer. Whether it succeeded."""
        try:
            result = action()
        except LayoutError as e:
            log.warning("layout action failed: %s", e)
            self.state.tell("warning", str(e))
            return False
        # The status bar shows the newest notice: add the summary (first) last.
        for text in reversed(result) if isinstance(result, list) else []:
            self.state.tell("warning", text)
        self._refresh_menus()
        return True


    def _refresh_menus(self) -> None:
        self.window.refresh_layouts_menu(self.store.list())
        self.window.refresh_screens_menu([(m.key, m.name) for m in self.watcher.monitors()])
