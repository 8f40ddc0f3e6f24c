"""Named layouts (perspectives) on the running window: capture the docking, the main window's
place, the panes on wall screens and each pane's own state; apply them again on whatever
monitors are connected now, and say in plain words what had to be moved.

The files are ``LayoutStore`` (``desktop.shell.layout_store``, re-exported here).
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

import PySide6QtAds as ads
from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow

from desktop.shell.extra_screen import ExtraScreens
from desktop.shell.i18n import plural, tr
from desktop.shell.layout_store import (
    FORMAT_VERSION,
    HALL,
    MIGRATIONS,
    Layout,
    LayoutError,
    LayoutStore,
    slug,
)
from desktop.shell.monitors import Monitor, Rect, clamp_rect, find_monitor, monitor_at

__all__ = ["FORMAT_VERSION", "HALL", "MIGRATIONS", "Layout", "LayoutError", "LayoutManager",
           "LayoutStore", "slug"]

log = logging.getLogger(__name__)


def _qrect(r: Any) -> Rect:
    return (r.x(), r.y(), r.width(), r.height())


class LayoutManager(QObject):
    """Captures and applies layouts for one main window. All methods run on the GUI thread.

    ``get_pane_state(name) -> dict`` and ``set_pane_state(name, dict)`` read and write a pane's
    own state (wall layout, map viewport); a pane without state returns ``{}``.
    """

    layout_applied = Signal(str)  # name of the layout now shown

    def __init__(self, main_window: QMainWindow, dock_manager: ads.CDockManager,
                 panes: dict[str, ads.CDockWidget], extra: ExtraScreens,
                 monitors: Callable[[], list[Monitor]], store: LayoutStore,
                 get_pane_state: Callable[[str], dict[str, Any]] | None = None,
                 set_pane_state: Callable[[str, dict[str, Any]], None] | None = None,
                 role: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.main_window, self.dock_manager = main_window, dock_manager
        self.panes, self.extra, self.monitors, self.store = panes, extra, monitors, store
        self.get_pane_state, self.set_pane_state = get_pane_state, set_pane_state
        self.role = role
        self.current: str | None = None
        self._default: Layout | None = None
        extra.return_requested.connect(self.dock_back)
        for name, dock in panes.items():
            dock.viewToggled.connect(partial(self._view_toggled, name))

    # --- panes on extra screens ------------------------------------------------------------

    def send_to_screen(self, pane: str, monitor: Monitor) -> None:
        """Show ``pane`` full-size on ``monitor``; its dock in the main window closes."""
        widget = self._take_widget(pane)
        self.extra.send(pane, widget, monitor, self.panes[pane].windowTitle())

    def dock_back(self, pane: str) -> None:
        """Bring a pane back from its extra screen into its dock."""
        widget = self.extra.take_back(pane)
        if widget is None:
            return
        dock = self.panes[pane]
        dock.setWidget(widget)
        if dock.isClosed():
            dock.toggleView(True)

    def _take_widget(self, pane: str) -> Any:
        dock = self.panes[pane]
        widget = self.extra.take_back(pane)
        if widget is None:
            widget = dock.takeWidget()
        if not dock.isClosed():
            dock.toggleView(False)
        return widget

    def _view_toggled(self, pane: str, opened: bool) -> None:
        # Reopening a pane from the Panes menu while it is on a wall screen brings it back.
        if opened and self.extra.window(pane) is not None:
            self.dock_back(pane)

    # --- capture ------------------------------------------------------------------------------

    def capture(self, name: str) -> Layout:
        """The window as it is now, as a layout called ``name`` (not saved)."""
        mw = self.main_window
        maximized = mw.isMaximized()
        geometry = _qrect(mw.normalGeometry() if maximized else mw.geometry())
        monitors = self.monitors()
        main_monitor = monitor_at(geometry, monitors)
        floating = []
        for container in self.dock_manager.floatingWidgets():
            if container.isVisible():
                for dock in container.dockWidgets():
                    floating.append({"pane": dock.objectName(),
                                     "geometry": list(_qrect(container.geometry()))})
        extra = [{"pane": w.pane_name, "monitor_key": w.home_key, "monitor_name": w.home_name,
                  "monitor_geometry": list(w.home_geometry)} for w in self.extra.windows()]
        state = bytes(self.dock_manager.saveState().data())
        return Layout(
            name=name, saved_at=datetime.now(UTC).isoformat(timespec="seconds"),
            main_geometry=geometry, main_monitor_key=main_monitor.key if main_monitor else None,
            maximized=maximized, dock_state=base64.b64encode(state).decode("ascii"),
            floating=floating, extra_screens=extra, pane_states=self._pane_states(),
            role_default=None,
            monitors=[{"key": m.key, "name": m.name, "geometry": list(m.geometry),
                       "primary": m.primary} for m in monitors])

    def _pane_states(self) -> dict[str, dict[str, Any]]:
        states: dict[str, dict[str, Any]] = {}
        if self.get_pane_state is None:
            return states
        for name in self.panes:
            try:
                state = self.get_pane_state(name)
                json.dumps(state)
            except Exception:  # a pane's bug must not stop the officer saving a layout
                log.exception("pane %s could not give its state", name)
                continue
            if isinstance(state, dict) and state:
                states[name] = state
        return states

    # --- apply --------------------------------------------------------------------------------

    def apply(self, layout: Layout) -> list[str]:
        """Show ``layout``; returns sentences for the officer about what had to change."""
        notices: list[str] = []
        monitors = self.monitors()
        for window in self.extra.windows():
            self.dock_back(window.pane_name)
        if layout.dock_state:
            state = QByteArray(base64.b64decode(layout.dock_state))
            if not self.dock_manager.restoreState(state):
                log.error("dock state of layout %s was refused", layout.name)
                notices.append(tr("The arrangement of the panes in “{name}” could not be "
                                  "restored; the panes stay where they are.")
                               .format(name=layout.name))
        moved = self._place_main_window(layout, monitors)
        for container in self.dock_manager.floatingWidgets():
            if container.isVisible():
                rect, was_moved = clamp_rect(_qrect(container.geometry()), monitors)
                if was_moved:
                    container.setGeometry(*rect)
                    moved += 1
        moved += self._place_extra_screens(layout, monitors, notices)
        self._restore_pane_states(layout, notices)
        if moved:
            notices.insert(0, self._moved_notice(layout, monitors, moved))
        self.current = layout.name
        log.info("layout %s applied; %d window(s) moved", layout.name, moved)
        self.layout_applied.emit(layout.name)
        return notices

    def _place_main_window(self, layout: Layout, monitors: list[Monitor]) -> int:
        mw = self.main_window
        rect, moved = clamp_rect(layout.main_geometry, monitors)
        home = monitor_at(rect, monitors) or find_monitor(layout.main_monitor_key, None,
                                                          monitors)
        # Window states rather than show*(): a window not shown yet stays hidden.
        big = Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen
        if mw.windowState() & big:
            mw.setWindowState(mw.windowState() & ~big)
        mw.setGeometry(*rect)
        if layout.maximized:
            if home is not None and home.virtual:
                mw.setGeometry(*home.geometry)  # "maximised" on a virtual monitor
            else:
                mw.setWindowState(mw.windowState() | Qt.WindowState.WindowMaximized)
        return int(moved)

    def _place_extra_screens(self, layout: Layout, monitors: list[Monitor],
                             notices: list[str]) -> int:
        moved = 0
        for entry in layout.extra_screens:
            pane = entry["pane"]
            if pane not in self.panes:
                log.warning("layout %s names unknown pane %s", layout.name, pane)
                continue
            monitor = find_monitor(entry["monitor_key"], entry.get("monitor_geometry"),
                                   monitors)
            if monitor is not None:
                self.send_to_screen(pane, monitor)
                continue
            title = self.panes[pane].windowTitle()
            screen = entry.get("monitor_name") or entry["monitor_key"]
            window = self.extra.send_displaced(
                pane, self._take_widget(pane), entry["monitor_key"], screen,
                tuple(entry["monitor_geometry"]) if entry.get("monitor_geometry") else None,
                title)
            if window is None:
                continue
            moved += 1
            notices.append(tr("“{pane}” belongs on the screen {screen}, which is not "
                              "connected; it is shown in a window on the main screen.")
                           .format(pane=title, screen=screen))
        return moved

    def _restore_pane_states(self, layout: Layout, notices: list[str]) -> None:
        if self.set_pane_state is None:
            return
        for name, state in layout.pane_states.items():
            if name not in self.panes:
                continue
            try:
                self.set_pane_state(name, state)
            except Exception:  # one pane's bug must not stop the others
                log.exception("pane %s could not restore its state", name)
                notices.append(tr("“{pane}” could not restore its own settings; it shows "
                                  "its defaults.").format(pane=self.panes[name].windowTitle()))

    def _moved_notice(self, layout: Layout, monitors: list[Monitor], moved: int) -> str:
        expected = len(layout.monitors)
        moved_text = plural(tr("%n window was moved to the main screen."),
                            tr("%n windows were moved to the main screen."), moved)
        if expected <= len(monitors):
            return moved_text
        return " ".join([
            plural(tr("The layout expected %n screen;"), tr("The layout expected %n screens;"),
                   expected),
            plural(tr("%n is connected."), tr("%n are connected."), len(monitors)),
            moved_text])

    # --- named layouts ------------------------------------------------------------------------

    def save_current(self, name: str) -> Layout:
        layout = self.capture(name)
        if self.store.exists(name):
            try:  # keep what the officer did not change by saving again
                layout.role_default = self.store.load(name).role_default
            except LayoutError:
                pass
        self.store.save(layout)
        self.current = layout.name
        return layout

    def switch(self, name: str) -> list[str]:
        """Apply the saved layout ``name``; raises LayoutError (a sentence) if it cannot."""
        return self.apply(self.store.load(name))

    def switch_by_index(self, index: int) -> list[str]:
        """Apply the ``index``-th (0-based: Ctrl+1 is 0) name of ``store.list()``."""
        names = self.store.list()
        if not 0 <= index < len(names):
            raise LayoutError(tr("No layout is saved under Ctrl+{key}.").format(key=index + 1))
        return self.switch(names[index])

    def default_layout(self, role: str | None = None) -> Layout:
        """The current docking as the layout of ``role`` (the shell calls this once at the
        first start, before any layout file exists); ``restore_hall`` falls back to it."""
        layout = self.capture(HALL)
        layout.role_default = role or self.role
        self._default = layout
        return layout

    def restore_hall(self) -> list[str]:
        """The saved "hall" layout, else the one saved as this role's default, else the
        default built at start-up."""
        if self.store.exists(HALL):
            return self.switch(HALL)
        role = self.role or (self._default.role_default if self._default else None)
        if role:
            for name in self.store.list():
                try:
                    layout = self.store.load(name)
                except LayoutError:
                    continue
                if layout.role_default == role:
                    return self.apply(layout)
        if self._default is not None:
            return self.apply(self._default)
        raise LayoutError(tr("There is no hall layout yet: save one as “{name}”.")
                          .format(name=HALL))
