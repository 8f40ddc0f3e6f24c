"""Monitors: the virtual split of ``--screens N``, the clamping of restored windows onto the
monitors connected now, finding the monitor a saved placement meant, and plug/unplug."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.shell.monitors import (
    Monitor,
    MonitorWatcher,
    clamp_rect,
    current_monitors,
    find_monitor,
    monitor_at,
    split_columns,
)

THREE = split_columns((0, 0, 1920, 1080), 3)  # 640 x 1080 each


@pytest.mark.parametrize("n", [1, 2, 3])
def test_virtual_split_covers_the_primary_screen_in_equal_columns(qapp, n):
    g = QGuiApplication.primaryScreen().geometry()
    monitors = current_monitors(n)
    assert [m.key for m in monitors] == [f"virtual-{i + 1}" for i in range(n)]
    assert [m.primary for m in monitors] == [True] + [False] * (n - 1)
    assert all(m.virtual for m in monitors)
    # Side by side, no gap, no overlap, together exactly the screen.
    x = g.x()
    for m in monitors:
        mx, my, mw, mh = m.geometry
        assert (mx, my, mh) == (x, g.y(), g.height())
        assert g.width() // n <= mw <= g.width() // n + n
        x += mw
    assert x == g.x() + g.width()


def test_uneven_split_gives_the_rest_to_the_last_column():
    assert [m.geometry for m in split_columns((10, 20, 800, 600), 3)] == [
        (10, 20, 266, 600), (276, 20, 266, 600), (542, 20, 268, 600)]


def test_real_monitors_are_the_qscreens_primary_first(qapp):
    monitors = current_monitors()
    screens = QGuiApplication.screens()
    assert len(monitors) == len(screens) >= 1
    assert monitors[0].primary and not monitors[0].virtual
    assert sum(m.primary for m in monitors) == 1
    g = QGuiApplication.primaryScreen().geometry()
    assert monitors[0].geometry == (g.x(), g.y(), g.width(), g.height())
    assert monitors[0].key.startswith(QGuiApplication.primaryScreen().name())


def test_a_window_on_a_monitor_stays():
    rect = (700, 100, 400, 300)  # wholly on monitor 2
    assert clamp_rect(rect, THREE) == (rect, False)
    half = (1920 - 200, 100, 400, 300)  # half on monitor 3, half off the desktop
    assert clamp_rect(half, THREE) == (half, False)
    spanning = (100, 100, 1700, 800)  # across all three, no monitor holds half of it
    assert clamp_rect(spanning, THREE) == (spanning, False)


def test_a_window_off_the_monitors_moves_centred_onto_the_primary():
    rect, moved = clamp_rect((2500, 200, 400, 300), THREE)
    assert moved
    assert rect == ((640 - 400) // 2, (1080 - 300) // 2, 400, 300)
    # Less than half visible also counts as off screen.
    rect, moved = clamp_rect((1920 - 100, 0, 400, 300), THREE)
    assert moved and rect[2:] == (400, 300) and rect[0] < 640


def test_a_window_on_a_disconnected_monitor_moves_to_the_primary():
    only_first = THREE[:1]
    rect, moved = clamp_rect((1400, 100, 500, 400), only_first)
    assert moved and rect == (70, 340, 500, 400)


def test_a_window_too_big_for_the_primary_is_shrunk():
    rect, moved = clamp_rect((5000, 5000, 3000, 2000), THREE)
    assert moved and rect == (0, 0, 640, 1080)
    rect, moved = clamp_rect((5000, 0, 500, 2000), THREE)
    assert moved and rect == (70, 0, 500, 1080)


def test_clamp_without_monitors_leaves_the_window_alone():
    assert clamp_rect((5000, 0, 10, 10), []) == ((5000, 0, 10, 10), False)


def test_find_monitor_by_key_then_by_geometry():
    wall = Monitor("HDMI-1|DEL|U2720Q|ABC123", "HDMI-1", (1920, 0, 2560, 1440))
    main = Monitor("DP-1|DEL|P2419H|XYZ", "DP-1", (0, 0, 1920, 1080), primary=True)
    monitors = [main, wall]
    assert find_monitor(wall.key, (0, 0, 1920, 1080), monitors) is wall  # key wins
    assert find_monitor("HDMI-2|DEL|U2720Q|OTHER", [1920, 0, 2560, 1440], monitors) is wall
    assert find_monitor("gone", (5000, 0, 800, 600), monitors) is None
    assert find_monitor(None, None, monitors) is None
    assert monitor_at((1800, 0, 400, 300), monitors) is wall  # the larger share


def test_virtual_watcher_unplugs_and_replugs(qapp):
    watcher = MonitorWatcher(3)
    removed, added, changed = [], [], []
    watcher.monitor_removed.connect(removed.append)
    watcher.monitor_added.connect(added.append)
    watcher.monitors_changed.connect(changed.append)
    assert [m.key for m in watcher.monitors()] == ["virtual-1", "virtual-2", "virtual-3"]

    gone = watcher.simulate_unplug("virtual-2")
    assert removed == [gone] and gone.key == "virtual-2"
    assert [m.key for m in watcher.monitors()] == ["virtual-1", "virtual-3"]
    assert [m.key for m in changed[-1]] == ["virtual-1", "virtual-3"]
    watcher.simulate_unplug("virtual-2")  # already gone: no second signal
    assert len(removed) == 1

    back = watcher.simulate_plug("virtual-2")
    assert added == [back] and back == gone
    assert [m.key for m in watcher.monitors()] == ["virtual-1", "virtual-2", "virtual-3"]
    with pytest.raises(ValueError):
        watcher.simulate_unplug("virtual-1")
    with pytest.raises(KeyError):
        watcher.simulate_unplug("virtual-9")


def test_real_watcher_follows_qscreens_and_refuses_simulation(qapp):
    watcher = MonitorWatcher()
    assert not watcher.virtual
    assert watcher.monitors() == current_monitors()
    with pytest.raises(RuntimeError):
        watcher.simulate_unplug("anything")
    watcher.deleteLater()
