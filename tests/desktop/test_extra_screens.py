"""Extra-screen windows on virtual monitors: send a pane to a wall screen, take it back, Esc and
the context menu, and a wall screen unplugged (panes kept on the main screen) and replugged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from desktop.shell.extra_screen import (
    DISPLACED_SHARE,
    ExtraScreens,
    ExtraScreenWindow,
    disconnected_notice,
)
from desktop.shell.monitors import MonitorWatcher, current_monitors


def visible_top_levels() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.fixture
def wall(qtbot):
    watcher = MonitorWatcher(3)
    extra = ExtraScreens(watcher.monitors)
    labels = {name: QLabel(name) for name in ("video_wall", "grid_map", "dashboard")}
    yield watcher, extra, labels
    for widget in extra.close_all().values():
        widget.deleteLater()
    for label in labels.values():
        label.deleteLater()
    qtbot.waitUntil(lambda: not visible_top_levels(), timeout=2000)
    assert visible_top_levels() == []


def inside(rect, area) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


def geometry(window) -> tuple[int, int, int, int]:
    g = window.geometry()
    return (g.x(), g.y(), g.width(), g.height())


def test_send_shows_the_pane_frameless_over_the_monitor_and_take_back_returns_it(qtbot, wall):
    watcher, extra, labels = wall
    monitor = watcher.monitors()[1]
    window = extra.send("video_wall", labels["video_wall"], monitor)
    qtbot.waitExposed(window)
    assert isinstance(window, ExtraScreenWindow)
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.isWindow() and window.pane_name == "video_wall"
    assert window.monitor_key == "virtual-2"
    assert geometry(window) == monitor.geometry
    qtbot.waitUntil(lambda: labels["video_wall"].size() == window.size())  # full size
    assert labels["video_wall"].window() is window and labels["video_wall"].isVisible()
    assert extra.windows() == [window] and extra.window("video_wall") is window

    widget = extra.take_back("video_wall")
    assert widget is labels["video_wall"]
    assert widget.parent() is None
    assert not window.isVisible()
    assert extra.windows() == [] and extra.take_back("video_wall") is None


@pytest.mark.parametrize("how", ["escape", "menu"])
def test_escape_or_return_action_closes_and_asks_to_dock_back(qtbot, wall, how):
    watcher, extra, labels = wall
    window = extra.send("grid_map", labels["grid_map"], watcher.monitors()[2])
    qtbot.waitExposed(window)
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert window.return_action in window.actions()
    assert window.return_action.text() == "Return to main window"
    closed, requested = [], []
    window.closed.connect(closed.append)
    extra.return_requested.connect(requested.append)
    if how == "escape":
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    else:
        window.return_action.trigger()
    assert closed == requested == ["grid_map"]
    assert not window.isVisible()
    # The widget is not lost: the shell takes it back to dock it.
    assert extra.take_back("grid_map") is labels["grid_map"]


def test_unplugged_wall_screen_moves_its_panes_to_the_main_screen(qtbot, wall):
    watcher, extra, labels = wall
    primary, second, third = watcher.monitors()
    on_second = [extra.send(name, labels[name], second) for name in ("video_wall", "dashboard")]
    on_third = extra.send("grid_map", labels["grid_map"], third)
    for window in [*on_second, on_third]:
        qtbot.waitExposed(window)

    moved = extra.on_monitor_removed(watcher.simulate_unplug("virtual-2"))
    assert moved == ["video_wall", "dashboard"]
    assert "Virtual 2" in disconnected_notice(second, moved)
    assert disconnected_notice(second, []) == ""
    for window in on_second:
        assert window.isVisible() and window.displaced
        assert window.monitor_key == "virtual-1" and window.home_key == "virtual-2"
        assert inside(geometry(window), primary.geometry)
        # A window on the main screen, not a frameless cover over the main window.
        assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert window.width() <= primary.geometry[2] * DISPLACED_SHARE + 1
    assert geometry(on_second[0]) != geometry(on_second[1])  # cascaded, not stacked
    assert geometry(on_third) == third.geometry and not on_third.displaced
    assert labels["video_wall"].window() is on_second[0]

    offered = extra.on_monitor_added(watcher.simulate_plug("virtual-2"))
    assert offered == ["video_wall", "dashboard"]
    assert extra.on_monitor_added(third) == []  # nothing of monitor 3 was displaced
    assert extra.return_home(second) == offered
    for window in on_second:
        qtbot.waitExposed(window)
        assert not window.displaced and window.monitor_key == "virtual-2"
        assert geometry(window) == second.geometry
        assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert extra.on_monitor_added(second) == []


def test_sending_a_pane_again_moves_it(qtbot, wall):
    watcher, extra, labels = wall
    first = extra.send("video_wall", labels["video_wall"], watcher.monitors()[1])
    again = extra.send("video_wall", labels["video_wall"], watcher.monitors()[2])
    qtbot.waitExposed(again)
    assert extra.windows() == [again] and not first.isVisible()
    assert geometry(again) == watcher.monitors()[2].geometry
    assert labels["video_wall"].window() is again


def test_a_real_screen_gets_a_full_screen_window(qtbot, wall):
    _, extra, labels = wall
    monitor = current_monitors()[0]  # the Xvfb screen itself
    window = extra.send("dashboard", labels["dashboard"], monitor)
    qtbot.waitExposed(window)
    assert window.isFullScreen()
    assert window.windowHandle().screen() is QGuiApplication.primaryScreen()
    qtbot.waitUntil(lambda: geometry(window) == monitor.geometry)
    assert extra.take_back("dashboard") is labels["dashboard"]
