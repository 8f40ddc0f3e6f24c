"""Extra-screen windows: one pane shown full-size on a wall monitor, and the manager that keeps
them, moves them to the main screen when their monitor goes away and offers them back when it
returns."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.shell.i18n import tr
from desktop.shell.monitors import Monitor, Rect, current_monitors, fit_centred, primary_of
from desktop.shell.monitors import screen_key as key_of_screen

log = logging.getLogger(__name__)

# A window whose monitor went away is shown this large (at most) on the main screen, so that
# it does not hide the main window completely.
DISPLACED_SHARE = 0.6
CASCADE = 32



def disconnected_notice(monitor: Monitor, panes: Iterable[str]) -> str:
    """The sentence the shell shows when a wall screen goes away (empty if no pane was on it)."""
    if not list(panes):
        return ""
    return tr("The wall screen {screen} was disconnected; its panes moved to the main "
              "screen.").format(screen=monitor.name)


def real_screen(monitor: Monitor) -> QScreen | None:
    if monitor.virtual:
        return None
    for screen in QGuiApplication.screens():
        if key_of_screen(screen) == monitor.key:
            return screen
    return None


class ExtraScreenWindow(QWidget):
    """A frameless top-level window showing one pane's widget over a whole monitor.

    Esc or the context-menu action "Return to main window" close it; ``closed`` then carries the
    pane's name (GUI thread) so the shell can dock the pane back. The widget stays inside the
    hidden window until someone takes it back: closing never loses it.
    """

    closed = Signal(str)

    def __init__(self, pane_name: str, widget: QWidget, monitor: Monitor,
                 title: str | None = None, show: bool = True,
                 band: Callable[[QWidget], QWidget] | None = None) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.pane_name = pane_name
        self.setObjectName(f"extra-screen-{pane_name}")
        self.setWindowTitle(title or pane_name)
        self.monitor_key = monitor.key
        # Where the pane belongs, which stays the same while it is displaced to the primary.
        self.home_key = monitor.key
        self.home_name = monitor.name
        self.home_geometry: Rect = monitor.geometry
        self.displaced = False
        self._quiet = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if band is not None:
            layout.addWidget(band(self))  # the hall's alert level, on every screen
        layout.addWidget(widget, 1)
        self._widget: QWidget | None = widget
        self.return_action = QAction(tr("Return to main window"), self)
        self.return_action.triggered.connect(self.close)
        self.addAction(self.return_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        if show:
            self.place(monitor)

    def widget(self) -> QWidget | None:
        return self._widget

    def place(self, monitor: Monitor) -> None:
        """Cover ``monitor``, which becomes the pane's home."""
        self.monitor_key = self.home_key = monitor.key
        self.home_name, self.home_geometry = monitor.name, monitor.geometry
        self.displaced = False
        self._set_flags(Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setGeometry(*monitor.geometry)
        screen = real_screen(monitor)
        if screen is not None:
            self.winId()  # makes the native window, so that it can be given its screen
            self.windowHandle().setScreen(screen)
            self.setGeometry(*monitor.geometry)
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def displace(self, primary: Monitor, offset: int = 0) -> None:
        """Show as an ordinary framed window on the primary monitor (its own has gone), smaller
        than the screen so that the main window stays visible; the home is kept."""
        self.monitor_key = primary.key
        self.displaced = True
        x, y, w, h = primary.geometry
        size = (0, 0, int(w * DISPLACED_SHARE), int(h * DISPLACED_SHARE))
        rx, ry, rw, rh = fit_centred(size, primary.geometry)
        rect = (min(rx + offset, x + w - rw), min(ry + offset, y + h - rh), rw, rh)
        self._set_flags(Qt.WindowType.Window)
        self.showNormal()
        self.setGeometry(*rect)
        self.raise_()

    def take_widget(self) -> QWidget | None:
        """Remove the pane's widget (now without parent) and close quietly."""
        widget, self._widget = self._widget, None
        if widget is not None:
            self.layout().removeWidget(widget)
            widget.setParent(None)
        self._quiet = True
        self.close()
        return widget

    def _set_flags(self, flags: Qt.WindowType) -> None:
        if self.windowFlags() != flags:
            self.setWindowFlags(flags)  # hides the window; the caller shows it again

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        event.accept()
        if not self._quiet:
            self.closed.emit(self.pane_name)


class ExtraScreens(QObject):
    """Keeps the extra-screen windows (and so their widgets) alive while they are shown.

    ``return_requested(pane_name)`` is emitted when the officer closed a window (Esc, the
    context menu); the widget stays in the manager until ``take_back``.
    """

    return_requested = Signal(str)

    def __init__(self, monitors: Callable[[], list[Monitor]] | None = None,
                 parent: QObject | None = None,
                 band: Callable[[QWidget], QWidget] | None = None) -> None:
        super().__init__(parent)
        self._monitors = monitors or current_monitors
        self._band = band  # makes each window's alert band
        self._windows: dict[str, ExtraScreenWindow] = {}

    def send(self, pane_name: str, widget: QWidget, monitor: Monitor,
             title: str | None = None, _show: bool = True) -> ExtraScreenWindow:
        """Show ``widget`` full-size on ``monitor`` in a new window for ``pane_name``."""
        if pane_name in self._windows:
            old = self.take_back(pane_name)
            if old is not None and old is not widget:
                log.warning("pane %s sent again with another widget; the old one is dropped",
                            pane_name)
        window = ExtraScreenWindow(pane_name, widget, monitor, title, _show, self._band)
        window.closed.connect(self.return_requested)
        self._windows[pane_name] = window
        log.info("pane %s shown on monitor %s", pane_name, monitor.key)
        return window

    def send_displaced(self, pane_name: str, widget: QWidget, home_key: str, home_name: str,
                       home_geometry: Rect | None = None,
                       title: str | None = None) -> ExtraScreenWindow | None:
        """Show a pane whose monitor ``home_key`` is not connected as a window on the primary
        (None without any monitor); ``on_monitor_added`` offers it back when it returns."""
        primary = primary_of(self._monitors())
        if primary is None:
            return None
        window = self.send(pane_name, widget, primary, title, _show=False)
        window.home_key, window.home_name = home_key, home_name
        window.home_geometry = home_geometry or primary.geometry
        window.displace(primary, self._cascade())
        return window

    def take_back(self, pane_name: str) -> QWidget | None:
        """The pane's widget (parentless, for the shell to dock); its window is closed."""
        window = self._windows.pop(pane_name, None)
        if window is None:
            return None
        widget = window.take_widget()
        window.deleteLater()
        log.info("pane %s taken back from monitor %s", pane_name, window.home_key)
        return widget

    def window(self, pane_name: str) -> ExtraScreenWindow | None:
        return self._windows.get(pane_name)

    def windows(self) -> list[ExtraScreenWindow]:
        return list(self._windows.values())

    def on_monitor_removed(self, monitor: Monitor) -> list[str]:
        """Move the windows of a disconnected monitor onto the primary (as windows, not lost);
        returns the names of the panes moved."""
        primary = primary_of(m for m in self._monitors() if m.key != monitor.key)
        moved = []
        for window in self.windows():
            if window.monitor_key == monitor.key and primary is not None:
                window.displace(primary, self._cascade())
                moved.append(window.pane_name)
        if moved:
            log.warning("monitor %s disconnected; panes %s moved to %s", monitor.key, moved,
                        primary.key if primary else None)
        return moved

    def on_monitor_added(self, monitor: Monitor) -> list[str]:
        """The panes that were on ``monitor`` before it went away (the shell may offer to put
        them back with ``return_home``)."""
        return [w.pane_name for w in self.windows()
                if w.displaced and (w.home_key == monitor.key
                                    or w.home_geometry == monitor.geometry)]

    def return_home(self, monitor: Monitor) -> list[str]:
        """Put the panes that belong on ``monitor`` back on it."""
        panes = self.on_monitor_added(monitor)
        for name in panes:
            self._windows[name].place(monitor)
        return panes

    def close_all(self) -> dict[str, QWidget]:
        """Take every pane back (for shutting down or applying a layout)."""
        taken = {name: self.take_back(name) for name in list(self._windows)}
        return {name: w for name, w in taken.items() if w is not None}

    def _cascade(self) -> int:
        return CASCADE * sum(1 for w in self._windows.values() if w.displaced)
