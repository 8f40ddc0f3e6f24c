"""The main window: banners above the docked panes, the status bar below, the menus.

Panes are Qt Advanced Docking widgets (PySide6-QtAds): they float, tab, split and move to
another monitor; the dock manager's saved state is what named layouts store. The window
knows nothing of the network: it shows ``HallState``/``SessionState`` and emits what the
officer asked for; ``Workstation`` does the rest.
"""

from __future__ import annotations

import PySide6QtAds as ads
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QVBoxLayout, QWidget

from desktop.shell.alert_level import alert_band
from desktop.shell.i18n import tr
from desktop.shell.icons import icon
from desktop.shell.pane_context import PaneContext
from desktop.shell.panes import PANES, PaneSpec, UnavailablePage
from desktop.shell.status import Banners, StatusBar
from desktop.state.hall import HallState
from desktop.state.session import SessionState
from widgets.command_palette import CommandRegistry, command_from_action, install_palette


class MainWindow(QMainWindow):
    """Signals are the officer's requests; the workstation acts on them."""

    login_requested = Signal()
    lock_requested = Signal()
    settings_requested = Signal()
    save_layout_requested = Signal()
    manage_layouts_requested = Signal()
    switch_layout_requested = Signal(int)  # Ctrl+1..9 → index 0..8
    hall_layout_requested = Signal()  # F12
    send_to_screen_requested = Signal(str, str)  # pane name, monitor key
    closing = Signal()

    def __init__(self, hall: HallState, session: SessionState,
                 ctx: PaneContext | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(tr("Command-center workstation"))
        self.setWindowIcon(icon("ccw"))
        self.hall = hall
        self.session = session
        ads.CDockManager.setConfigFlags(ads.CDockManager.DefaultOpaqueConfig)
        ads.CDockManager.setConfigFlag(ads.CDockManager.FocusHighlighting, True)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        ctx = ctx if ctx is not None else PaneContext(hall, session)
        self.ctx = ctx
        self.alert_band = alert_band(session, central)
        layout.addWidget(self.alert_band)
        self.banners = Banners(session, central, ctx.flood)
        self.banners.login_requested.connect(self.login_requested)
        layout.addWidget(self.banners)
        self.dock_manager = ads.CDockManager(central)
        layout.addWidget(self.dock_manager, 1)
        self.setCentralWidget(central)
        self.docks: dict[str, ads.CDockWidget] = {}
        self.pane_widgets: dict[str, QWidget] = {}
        self._build_panes(ctx)
        self.status = StatusBar(session, self, hall)
        self.setStatusBar(self.status)
        self.screens_menu: QMenu | None = None
        self._build_menus()
        self._build_palette(ctx.commands)
        self.resize(1600, 900)

    # --- panes ------------------------------------------------------------------------------

    def _build_panes(self, ctx: PaneContext) -> None:
        areas: dict[str, ads.CDockAreaWidget] = {}
        for spec in PANES:
            widget = spec.factory(ctx) if spec.factory else UnavailablePage(spec)
            dock = ads.CDockWidget(self.dock_manager, spec.translated_title())
            dock.setObjectName(spec.name)  # the dock manager's saved state names panes by this
            dock.setWidget(widget)
            dock.setIcon(icon(spec.icon))
            dock.setFeature(ads.CDockWidget.DockWidgetDeleteOnClose, False)
            target = areas.get(spec.tab_with) if spec.tab_with else None
            if target is not None:
                areas[spec.name] = self.dock_manager.addDockWidgetTabToArea(dock, target)
            else:
                areas[spec.name] = self.dock_manager.addDockWidget(spec.area, dock)
            self.docks[spec.name] = dock
            self.pane_widgets[spec.name] = widget
            # A pane may put live figures in its tab ("Alarm queue (3)") via its window title.
            widget.windowTitleChanged.connect(
                lambda text, d=dock, s=spec: d.setWindowTitle(text or s.translated_title()))
        for spec in PANES:  # the first pane of each tab group is the one shown
            if spec.tab_with:
                self.docks[spec.tab_with].setAsCurrentTab()
        # The queue (where the officer lives) a third of the width, the wall the middle, the map
        # the rest; the board below takes a third of the height.
        self._default_sizes = [(areas["video_wall"], [3, 4, 2]), (areas["unit_board"], [2, 1])]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._default_sizes:  # once, when the sizes are known; a layout may override them
            for area, shares in self._default_sizes:
                total = sum(self.dock_manager.splitterSizes(area)) or 1
                self.dock_manager.setSplitterSizes(
                    area, [total * share // sum(shares) for share in shares])
            self._default_sizes = []

    def apply_roles(self) -> None:
        """Hide the panes the operator's roles may not see (all panes allow every role today;
        actions inside panes check ``SessionState.may``)."""
        roles = set(self.session.roles)
        for spec in PANES:
            allowed = not roles or bool(spec.roles & roles)
            dock = self.docks[spec.name]
            if not allowed and not dock.isClosed():
                dock.toggleView(False)
            dock.toggleViewAction().setEnabled(allowed)

    def pane_spec(self, name: str) -> PaneSpec:
        return next(p for p in PANES if p.name == name)

    # --- menus ------------------------------------------------------------------------------

    def _action(self, menu: QMenu, text: str, signal: object, shortcut: str | None = None,
                icon_name: str | None = None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda: signal.emit())  # type: ignore[attr-defined]
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        self.addAction(action)  # shortcuts work wherever focus is in the window
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        station = self.station_menu = bar.addMenu(tr("&Workstation"))
        self._action(station, tr("Log in…"), self.login_requested)
        self._action(station, tr("Lock"), self.lock_requested, "Ctrl+L", "lock")
        self._action(station, tr("Settings…"), self.settings_requested, None, "settings")
        station.addSeparator()
        quit_action = station.addAction(tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.layouts_menu = bar.addMenu(tr("&Layouts"))
        self.refresh_layouts_menu([])
        panes = bar.addMenu(tr("&Panes"))
        for spec in PANES:
            panes.addAction(self.docks[spec.name].toggleViewAction())
        panes.addSeparator()
        self.screens_menu = panes.addMenu(icon("screen"), tr("Send to screen"))

    def _build_palette(self, registry: CommandRegistry | None) -> None:
        """Ctrl+K reaches every menu action too (keyboard-first operation)."""
        self._registry = registry
        if registry is None:
            return
        registry.setParent(self)
        palette = install_palette(self, registry)
        palette.setText(tr("Command palette…"))
        self.station_menu.insertAction(self.station_menu.actions()[0], palette)
        self.station_menu.insertSeparator(self.station_menu.actions()[1])
        self._register_actions()
        for spec in PANES:
            toggle = self.docks[spec.name].toggleViewAction()
            registry.register(command_from_action(
                toggle, name=f"pane.{spec.name}", words=("pane", spec.name),
                title=tr("Show or hide: {pane}").format(pane=spec.translated_title())))

    def _register_actions(self) -> None:
        """The window's actions in the palette (again whenever the layouts menu is rebuilt:
        its actions are new objects then)."""
        registry = getattr(self, "_registry", None)
        if registry is None:
            return
        for command in registry.commands():
            if command.name.startswith("window."):
                registry.unregister(command.name)
        for i, action in enumerate(self.actions()):
            if action.text() and action.objectName() != "commandPaletteAction":
                registry.register(command_from_action(action, name=f"window.{i}"))

    def refresh_layouts_menu(self, names: list[str]) -> None:
        menu = self.layouts_menu
        for action in menu.actions():
            self.removeAction(action)
        menu.clear()
        self._action(menu, tr("Save layout as…"), self.save_layout_requested, "Ctrl+Shift+S",
                     "layout")
        self._action(menu, tr("Rename or delete layouts…"), self.manage_layouts_requested)
        self._action(menu, tr("Restore hall layout"), self.hall_layout_requested, "F12")
        menu.addSeparator()
        for i, name in enumerate(names[:9]):
            action = menu.addAction(name)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, i=i: self.switch_layout_requested.emit(i))
            self.addAction(action)
        self._register_actions()

    def refresh_screens_menu(self, monitors: list[tuple[str, str]]) -> None:
        """``monitors``: (key, label) of the monitors a pane can be sent to."""
        assert self.screens_menu is not None
        self.screens_menu.clear()
        for spec in PANES:
            sub = self.screens_menu.addMenu(spec.translated_title())
            for key, label in monitors:
                action = sub.addAction(label)
                action.triggered.connect(
                    lambda _=False, p=spec.name, k=key: self.send_to_screen_requested.emit(p, k))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.closing.emit()
        super().closeEvent(event)
