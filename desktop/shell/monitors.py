"""The monitors of the workstation: the real screens Qt reports, or N virtual monitors cut out
of one screen (the ``--screens N`` test mode, for Xvfb), and the geometry rules that keep a
restored window on a monitor that is connected now."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QScreen

log = logging.getLogger(__name__)

Rect = tuple[int, int, int, int]

# A window that keeps at least this share of its area on some monitor stays where it is.
KEEP_FRACTION = 0.5


@dataclass(frozen=True)
class Monitor:
    """One monitor. ``geometry`` is (x, y, w, h) in Qt's virtual desktop coordinates."""

    key: str
    name: str
    geometry: Rect
    primary: bool = False
    virtual: bool = False


def screen_key(screen: QScreen) -> str:
    """A stable id for a real screen: the connector name plus what the monitor says it is, so
    the same monitor on the same port is recognised after a restart or a replug."""
    parts = [screen.name(), screen.manufacturer(), screen.model(), screen.serialNumber()]
    return "|".join(p.strip() for p in parts)


def monitor_of(screen: QScreen, primary: QScreen | None) -> Monitor:
    g = screen.geometry()
    return Monitor(key=screen_key(screen), name=screen.name() or screen_key(screen),
                   geometry=(g.x(), g.y(), g.width(), g.height()),
                   primary=screen is primary)


def split_columns(geometry: Rect, count: int) -> list[Monitor]:
    """``count`` virtual monitors side by side in ``geometry``; the last column takes the pixels
    an uneven division leaves over."""
    x, y, w, h = geometry
    base = w // count
    monitors = []
    for i in range(count):
        width = base if i < count - 1 else w - base * (count - 1)
        monitors.append(Monitor(key=f"virtual-{i + 1}", name=f"Virtual {i + 1}",
                                geometry=(x + i * base, y, width, h),
                                primary=i == 0, virtual=True))
    return monitors


def current_monitors(virtual_count: int | None = None) -> list[Monitor]:
    """The real screens, primary first; or, with ``virtual_count`` N >= 1, N virtual monitors
    made by splitting the primary screen into N equal columns."""
    primary = QGuiApplication.primaryScreen()
    if virtual_count is not None and virtual_count >= 1:
        if primary is None:
            return []
        g = primary.geometry()
        return split_columns((g.x(), g.y(), g.width(), g.height()), virtual_count)
    monitors = [monitor_of(s, primary) for s in QGuiApplication.screens()]
    return sorted(monitors, key=lambda m: not m.primary)


def primary_of(monitors: Iterable[Monitor]) -> Monitor | None:
    monitors = list(monitors)
    for m in monitors:
        if m.primary:
            return m
    return monitors[0] if monitors else None


def overlap(a: Rect, b: Rect) -> int:
    """Area of the intersection of two rectangles."""
    w = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    h = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(w, 0) * max(h, 0)


def monitor_at(rect: Rect, monitors: Iterable[Monitor]) -> Monitor | None:
    """The monitor holding the largest part of ``rect`` (None when it is on none)."""
    best, best_area = None, 0
    for m in monitors:
        area = overlap(rect, m.geometry)
        if area > best_area:
            best, best_area = m, area
    return best


def fit_centred(rect: Rect, area: Rect) -> Rect:
    """``rect``'s size (shrunk to ``area`` if larger), centred in ``area``."""
    w, h = min(rect[2], area[2]), min(rect[3], area[3])
    return (area[0] + (area[2] - w) // 2, area[1] + (area[3] - h) // 2, w, h)


def clamp_rect(rect: Rect, monitors: Iterable[Monitor]) -> tuple[Rect, bool]:
    """Where a window of geometry ``rect`` should go: where it is if at least half of it is on
    connected monitors, else centred on the primary (shrunk if too big). Returns the
    rectangle and whether it was moved. Without any monitor the rectangle is left alone.

    The visible share is summed over the monitors, so a window the officer stretched across
    two or three monitors (each holding less than half of it) stays where it is."""
    monitors = list(monitors)
    rect = tuple(int(v) for v in rect)  # type: ignore[assignment]
    area = max(rect[2], 1) * max(rect[3], 1)
    visible = min(sum(overlap(rect, m.geometry) for m in monitors), area)
    if monitors and visible >= KEEP_FRACTION * area:
        return rect, False
    primary = primary_of(monitors)
    if primary is None:
        return rect, False
    return fit_centred(rect, primary.geometry), True


def find_monitor(key: str | None, geometry: Iterable[int] | None,
                 monitors: Iterable[Monitor]) -> Monitor | None:
    """The monitor a saved placement meant: the same key, else the same geometry, else None."""
    monitors = list(monitors)
    for m in monitors:
        if key and m.key == key:
            return m
    if geometry is not None:
        wanted = tuple(int(v) for v in geometry)
        for m in monitors:
            if m.geometry == wanted:
                return m
    return None


class MonitorWatcher(QObject):
    """Follows monitors being connected and disconnected.

    Real screens: QGuiApplication.screenAdded/screenRemoved (arrive on the GUI thread).
    Virtual monitors (``virtual_count``): fixed at construction; ``simulate_unplug`` and
    ``simulate_plug`` take one away and bring it back, for tests and ``--screens N``.
    """

    monitor_added = Signal(object)
    monitor_removed = Signal(object)
    monitors_changed = Signal(list)

    def __init__(self, virtual_count: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._virtual = virtual_count is not None and virtual_count >= 1
        self._all = current_monitors(virtual_count)
        self._unplugged: set[str] = set()
        self._known = list(self._all)
        if not self._virtual:
            app = QGuiApplication.instance()
            app.screenAdded.connect(self._refresh)
            app.screenRemoved.connect(self._on_screen_removed)
            app.primaryScreenChanged.connect(self._refresh)

    @property
    def virtual(self) -> bool:
        return self._virtual

    def monitors(self) -> list[Monitor]:
        """The monitors connected now, primary first."""
        return list(self._known)

    def simulate_unplug(self, key: str) -> Monitor:
        """Disconnect virtual monitor ``key`` (the primary cannot be unplugged)."""
        monitor = self._virtual_monitor(key)
        if monitor.primary:
            raise ValueError("the primary virtual monitor cannot be unplugged")
        if key not in self._unplugged:
            self._unplugged.add(key)
            self._known = [m for m in self._all if m.key not in self._unplugged]
            log.info("virtual monitor %s unplugged", key)
            self.monitor_removed.emit(monitor)
            self.monitors_changed.emit(self.monitors())
        return monitor

    def simulate_plug(self, key: str) -> Monitor:
        """Reconnect virtual monitor ``key``."""
        monitor = self._virtual_monitor(key)
        if key in self._unplugged:
            self._unplugged.discard(key)
            self._known = [m for m in self._all if m.key not in self._unplugged]
            log.info("virtual monitor %s plugged", key)
            self.monitor_added.emit(monitor)
            self.monitors_changed.emit(self.monitors())
        return monitor

    def _virtual_monitor(self, key: str) -> Monitor:
        if not self._virtual:
            raise RuntimeError("simulate_plug/unplug only work with virtual monitors")
        for m in self._all:
            if m.key == key:
                return m
        raise KeyError(key)

    def _on_screen_removed(self, screen: QScreen) -> None:
        self._refresh(gone=screen)

    def _refresh(self, *_args: object, gone: QScreen | None = None) -> None:
        # Compare by key; a screen being removed may still be listed while the signal runs.
        primary = QGuiApplication.primaryScreen()
        now = [monitor_of(s, primary) for s in QGuiApplication.screens() if s is not gone]
        now.sort(key=lambda m: not m.primary)
        before = {m.key: m for m in self._known}
        after = {m.key: m for m in now}
        self._known = now
        for key, m in before.items():
            if key not in after:
                log.info("monitor %s disconnected", key)
                self.monitor_removed.emit(m)
        for key, m in after.items():
            if key not in before:
                log.info("monitor %s connected", key)
                self.monitor_added.emit(m)
        if before != after:
            self.monitors_changed.emit(self.monitors())
