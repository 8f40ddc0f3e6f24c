"""Named layouts: the files (Chinese names, rename, delete, damaged files set aside, migration)
and a real window with four docks whose arrangement, wall screens and pane states a layout
captures and restores — also when fewer monitors are connected than when it was saved."""

from __future__ import annotations

import json
import os
from pathlib import Path

import PySide6QtAds as ads
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop.shell.extra_screen import ExtraScreens
from desktop.shell.layouts import (
    FORMAT_VERSION,
    HALL,
    MIGRATIONS,
    Layout,
    LayoutError,
    LayoutManager,
    LayoutStore,
    slug,
)
from desktop.shell.monitors import MonitorWatcher, split_columns

PANES = {  # name: (title, default area, colour)
    "video_wall": ("Video wall", ads.CenterDockWidgetArea, "#1d3557"),
    "alarm_queue": ("Alarm queue", ads.LeftDockWidgetArea, "#9d0208"),
    "grid_map": ("Grid map", ads.RightDockWidgetArea, "#2a6f4e"),
    "unit_board": ("Unit board", ads.BottomDockWidgetArea, "#6c4a8a"),
}


def visible_top_levels() -> list:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def rect_of(widget) -> tuple[int, int, int, int]:
    g = widget.geometry()
    return (g.x(), g.y(), g.width(), g.height())


def inside(rect, area) -> bool:
    x, y, w, h = rect
    ax, ay, aw, ah = area
    return ax <= x and ay <= y and x + w <= ax + aw and y + h <= ay + ah


def close_colour(colour: QColor, name: str) -> bool:
    want = QColor(name)
    return all(abs(a - b) <= 8 for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3],
                                                strict=True))


class Station:
    """A small real window: QMainWindow + CDockManager + four docks of QLabels."""

    def __init__(self, tmp_path: Path, monitors, watcher=None) -> None:
        self.watcher = watcher
        self.window = QMainWindow()
        self.window.setWindowTitle("Workstation")
        self.dock_manager = ads.CDockManager(self.window)
        self.docks: dict[str, ads.CDockWidget] = {}
        for name, (title, area, colour) in PANES.items():
            dock = ads.CDockWidget(self.dock_manager, title)
            dock.setObjectName(name)
            label = QLabel(title)
            label.setStyleSheet(f"background: {colour}; color: white; font-size: 18px;")
            dock.setWidget(label)
            dock.setFeature(ads.CDockWidget.DockWidgetDeleteOnClose, False)
            self.dock_manager.addDockWidget(area, dock)
            self.docks[name] = dock
        self.extra = ExtraScreens(monitors)
        self.store = LayoutStore(tmp_path / "layouts")
        self.states: dict[str, dict] = {"grid_map": {"centre": [120.1, 30.2], "zoom": 11}}
        self.manager = LayoutManager(
            self.window, self.dock_manager, self.docks, self.extra, monitors, self.store,
            get_pane_state=lambda name: dict(self.states.get(name, {})),
            set_pane_state=self.states.__setitem__, role="duty_officer")
        self.window.setGeometry(*monitors()[0].geometry)
        self.window.show()

    def signature(self) -> dict[str, tuple]:
        """Per dock: closed, floating, the docks sharing its area, and where its area is in
        its container (a coarse 3 x 3 grid)."""
        out = {}
        for name, dock in self.docks.items():
            area = dock.dockAreaWidget()
            if dock.isClosed() or area is None:
                out[name] = ("closed",)
                continue
            container = dock.dockContainer()
            centre = area.mapTo(container, area.rect().center())
            cell = (3 * centre.x() // max(container.width(), 1),
                    3 * centre.y() // max(container.height(), 1))
            tabs = frozenset(d.objectName() for d in area.dockWidgets())
            out[name] = ("open", container.isFloating(), tabs,
                         None if container.isFloating() else cell)
        return out

    def close(self) -> None:
        for widget in self.extra.close_all().values():
            widget.deleteLater()
        for container in self.dock_manager.floatingWidgets():
            container.close()
        self.window.close()
        self.window.deleteLater()


@pytest.fixture
def station(qtbot, tmp_path):
    watcher = MonitorWatcher(3)
    st = Station(tmp_path, watcher.monitors, watcher)
    qtbot.waitExposed(st.window)
    yield st
    st.close()
    qtbot.waitUntil(lambda: not visible_top_levels(), timeout=3000)
    assert visible_top_levels() == []


# --- the files -------------------------------------------------------------------------------


def test_save_load_round_trip_with_chinese_names(tmp_path):
    store = LayoutStore(tmp_path)
    for name in ("大厅", "夜班", "Day shift"):
        store.save(Layout(name=name, main_geometry=(1, 2, 300, 400), pane_states={
            "grid_map": {"区": "西湖"}}, extra_screens=[
                {"pane": "video_wall", "monitor_key": "HDMI-1", "monitor_geometry": None}]))
    files = sorted(p.name for p in tmp_path.iterdir())
    assert len(files) == 3 and all(f.isascii() and f.endswith(".json") for f in files)
    assert slug("大厅") != slug("夜班") and slug("Hall") != slug("hall")
    assert slug("Day shift").startswith("day-shift-")
    layout = store.load("夜班")
    assert layout.name == "夜班" and layout.version == FORMAT_VERSION
    assert layout.main_geometry == (1, 2, 300, 400)
    assert layout.pane_states == {"grid_map": {"区": "西湖"}}
    assert "夜班" in store.path_for("夜班").read_text(encoding="utf-8")  # display name inside
    assert layout.saved_at.endswith("+00:00")
    assert store.exists("大厅") and not store.exists("早班")
    assert not list(tmp_path.glob("*.part"))


def test_list_order_rename_and_delete(tmp_path):
    store = LayoutStore(tmp_path)
    for name in ("night", "Day", "大厅", "hall"):
        store.save(Layout(name=name))
    assert store.list() == ["Day", "hall", "night", "大厅"]
    store.rename("night", "夜班")
    assert store.list() == ["Day", "hall", "夜班", "大厅"] or store.list() == [
        "Day", "hall", "大厅", "夜班"]
    assert not store.exists("night") and store.load("夜班").name == "夜班"
    with pytest.raises(LayoutError, match="already exists"):
        store.rename("夜班", "Day")
    store.delete("大厅")
    assert "大厅" not in store.list()
    with pytest.raises(LayoutError, match="no saved layout named “大厅”"):
        store.delete("大厅")
    with pytest.raises(LayoutError, match="no saved layout named “大厅”"):
        store.load("大厅")
    with pytest.raises(LayoutError, match="needs a name"):
        store.save(Layout(name="   "))


GOOD = Layout(name="x").to_dict()


@pytest.mark.parametrize("content, moved_aside, message", [
    (os.urandom(64) + b"\xff\xfe", True, "damaged"),
    (json.dumps(GOOD).encode()[:-20], True, "damaged"),
    (json.dumps([1, 2, 3]).encode(), True, "damaged"),
    (json.dumps({**GOOD, "main_geometry": "big"}).encode(), True, "damaged"),
    (json.dumps({**GOOD, "extra_screens": [{"pane": 3}]}).encode(), True, "damaged"),
    (json.dumps({**GOOD, "dock_state": "%%% not base64"}).encode(), True, "damaged"),
    (json.dumps({**GOOD, "version": FORMAT_VERSION + 1}).encode(), False, "newer version"),
], ids=["random-bytes", "truncated", "list", "bad-geometry", "bad-extra", "bad-state",
        "future"])
def test_damaged_or_too_new_file_is_refused_clearly(tmp_path, caplog, content, moved_aside,
                                                    message):
    store = LayoutStore(tmp_path)
    path = store.path_for("夜班")
    path.write_bytes(content)
    with pytest.raises(LayoutError, match=message) as err:
        store.load("夜班")
    assert "“夜班”" in str(err.value)
    aside = list(tmp_path.glob("*.corrupt-*"))
    if moved_aside:
        assert not path.exists() and len(aside) == 1
        assert aside[0].read_bytes() == content  # kept for the support desk
        assert aside[0].name in str(err.value)
        assert any("damaged" in r.getMessage() for r in caplog.records)
        assert "夜班" not in store.list()
    else:  # a newer workstation on this profile can still open it
        assert path.read_bytes() == content and aside == []


def test_unreadable_file_is_reported_and_left_alone(tmp_path):
    store = LayoutStore(tmp_path)
    store.path_for("Day").mkdir(parents=True)  # a directory where the file should be
    with pytest.raises(LayoutError, match="could not be read"):
        store.load("Day")
    assert store.path_for("Day").is_dir()


def test_failed_save_keeps_the_old_file_and_no_temp(tmp_path, monkeypatch):
    store = LayoutStore(tmp_path)
    store.save(Layout(name="Day", main_geometry=(0, 0, 100, 100)))

    def no_space(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(LayoutError, match="could not be saved .No space left on device."):
        store.save(Layout(name="Day", main_geometry=(0, 0, 999, 999)))
    monkeypatch.undo()
    assert store.load("Day").main_geometry == (0, 0, 100, 100)
    assert [p.name for p in tmp_path.iterdir()] == [store.path_for("Day").name]


def test_migration_from_format_0(tmp_path):
    assert 0 in MIGRATIONS
    store = LayoutStore(tmp_path)
    store.path_for("大厅").write_text(json.dumps({
        "name": "大厅", "geometry": [10, 20, 1600, 900], "maximized": True, "state": "AAAA",
        "screens": {"video_wall": "HDMI-1||DELL|42"}, "role": "duty_officer",
    }), encoding="utf-8")
    layout = store.load("大厅")
    assert layout.version == FORMAT_VERSION == 1
    assert layout.main_geometry == (10, 20, 1600, 900) and layout.maximized
    assert layout.dock_state == "AAAA" and layout.role_default == "duty_officer"
    assert layout.extra_screens == [
        {"pane": "video_wall", "monitor_key": "HDMI-1||DELL|42", "monitor_geometry": None}]
    store.save(layout)  # written back in the current format
    assert json.loads(store.path_for("大厅").read_text(encoding="utf-8"))["version"] == 1


# --- a running window ---------------------------------------------------------------------------


def test_switch_restores_the_docking(qtbot, station):
    m, docks = station.manager, station.docks
    original = station.signature()
    m.save_current("Day")

    area = docks["video_wall"].dockAreaWidget()
    station.dock_manager.addDockWidgetTabToArea(docks["alarm_queue"], area)
    docks["unit_board"].setFloating()
    docks["unit_board"].floatingDockContainer().setGeometry(30, 300, 200, 150)
    station.dock_manager.addDockWidget(ads.TopDockWidgetArea, docks["grid_map"])
    qtbot.waitUntil(lambda: station.signature() != original)
    changed = station.signature()
    assert changed["unit_board"][1] is True  # floating
    assert changed["alarm_queue"][2] == {"alarm_queue", "video_wall"}
    m.save_current("Night")

    with qtbot.waitSignal(m.layout_applied) as applied:
        notices = m.switch("Day")
    assert applied.args == ["Day"] and m.current == "Day" and notices == []
    qtbot.waitUntil(lambda: station.signature() == original)
    assert not any(c.isVisible() for c in station.dock_manager.floatingWidgets())

    m.switch("Night")
    qtbot.waitUntil(lambda: station.signature() == changed)
    floating = docks["unit_board"].floatingDockContainer()
    assert floating is not None and floating.isVisible()
    assert rect_of(floating) == (30, 300, 200, 150)


def test_ctrl_index_follows_the_list_order(qtbot, station):
    m = station.manager
    for name in ("夜班", "b-shift", "A-shift"):
        m.save_current(name)
    assert station.store.list() == ["A-shift", "b-shift", "夜班"]
    m.switch_by_index(2)
    assert m.current == "夜班"
    m.switch_by_index(0)
    assert m.current == "A-shift"
    with pytest.raises(LayoutError, match="Ctrl.4"):
        m.switch_by_index(3)


def test_main_window_geometry_and_pane_states(qtbot, station):
    m = station.manager
    station.window.setGeometry(20, 40, 230, 500)
    qtbot.waitUntil(lambda: rect_of(station.window) == (20, 40, 230, 500))
    layout = m.save_current("Day")
    assert layout.pane_states == {"grid_map": {"centre": [120.1, 30.2], "zoom": 11}}
    assert layout.main_monitor_key == "virtual-1" and len(layout.monitors) == 3

    station.window.setGeometry(300, 10, 200, 300)
    station.states["grid_map"] = {"zoom": 3}
    assert m.switch("Day") == []
    qtbot.waitUntil(lambda: rect_of(station.window) == (20, 40, 230, 500))
    assert station.states["grid_map"] == {"centre": [120.1, 30.2], "zoom": 11}

    # Saved somewhere no monitor is now: moved onto the primary, and said so.
    layout.main_geometry = (5000, 40, 230, 500)
    assert m.apply(layout) == ["1 window was moved to the main screen."]
    primary = station.watcher.monitors()[0].geometry
    qtbot.waitUntil(lambda: inside(rect_of(station.window), primary))

    def broken(_name, _state):
        raise RuntimeError("pane bug")

    m.set_pane_state = broken
    assert m.apply(layout)[-1] == "“Grid map” could not restore its own settings; it shows " \
                                  "its defaults."


def test_layout_of_three_screens_on_one(qtbot, station):
    m, watcher, docks = station.manager, station.watcher, station.docks
    _, second, third = watcher.monitors()
    m.send_to_screen("video_wall", second)
    m.send_to_screen("grid_map", third)
    docks["unit_board"].setFloating()
    docks["unit_board"].floatingDockContainer().setGeometry(
        third.geometry[0] + 20, 100, 150, 200)  # on monitor 3
    assert docks["video_wall"].isClosed() and docks["video_wall"].widget() is None
    layout = m.save_current("Wall")
    assert [(e["pane"], e["monitor_key"]) for e in layout.extra_screens] == [
        ("video_wall", "virtual-2"), ("grid_map", "virtual-3")]

    for name in ("video_wall", "grid_map"):
        m.dock_back(name)
    assert m.extra.windows() == [] and not docks["video_wall"].isClosed()
    watcher.simulate_unplug("virtual-2")
    watcher.simulate_unplug("virtual-3")
    primary = watcher.monitors()[0].geometry

    notices = m.switch("Wall")
    assert notices[0] == ("The layout expected 3 screens; 1 is connected. 3 windows were "
                          "moved to the main screen.")
    assert "“Video wall” belongs on the screen Virtual 2, which is not connected" in notices[1]
    assert "“Grid map” belongs on the screen Virtual 3" in notices[2]
    windows = {w.pane_name: w for w in m.extra.windows()}
    assert set(windows) == {"video_wall", "grid_map"}
    for window in windows.values():
        qtbot.waitExposed(window)
        assert window.displaced and inside(rect_of(window), primary)
    floating = docks["unit_board"].floatingDockContainer()
    assert floating.isVisible() and inside(rect_of(floating), primary)
    assert docks["video_wall"].isClosed()

    # The wall screen comes back: the panes are offered, and a layout saved now still
    # remembers where they belong.
    assert m.extra.on_monitor_added(watcher.simulate_plug("virtual-2")) == ["video_wall"]
    again = m.capture("Wall again")
    assert {e["pane"]: e["monitor_key"] for e in again.extra_screens} == {
        "video_wall": "virtual-2", "grid_map": "virtual-3"}

    # Reopening a pane from the Panes menu brings it home from a wall screen.
    docks["grid_map"].toggleView(True)
    assert m.extra.window("grid_map") is None
    assert docks["grid_map"].widget() is not None and not docks["grid_map"].isClosed()
    # Closing a wall window (Esc) docks the pane back too.
    windows["video_wall"].close()
    assert m.extra.windows() == [] and not docks["video_wall"].isClosed()


def test_restore_hall_uses_the_file_or_the_role_default(qtbot, station):
    m, docks = station.manager, station.docks
    with pytest.raises(LayoutError, match="no hall layout"):
        m.restore_hall()
    original = station.signature()
    default = m.default_layout("duty_officer")
    assert default.name == HALL and default.role_default == "duty_officer"
    assert not station.store.exists(HALL)  # the shell decides whether to save it

    docks["alarm_queue"].toggleView(False)
    qtbot.waitUntil(lambda: station.signature() != original)
    m.restore_hall()
    qtbot.waitUntil(lambda: station.signature() == original)

    docks["grid_map"].setFloating()
    qtbot.waitUntil(lambda: station.signature()["grid_map"][1] is True)
    floated = station.signature()
    m.save_current(HALL)
    m.apply(default)
    qtbot.waitUntil(lambda: station.signature() == original)
    m.restore_hall()  # the saved file wins over the built-in default
    qtbot.waitUntil(lambda: station.signature() == floated)


def test_screenshot_three_monitors(qtbot, tmp_path):
    """Main window on monitor 1, two wall screens; saved to /tmp/layouts-3-monitors.png.
    Xvfb here is one small screen, so the picture is composed from the windows' own
    renderings at their places on a 1920 x 600 virtual desktop."""
    monitors = split_columns((0, 0, 1920, 600), 3)
    st = Station(tmp_path, lambda: monitors)
    try:
        st.manager.send_to_screen("video_wall", monitors[1])
        st.manager.send_to_screen("grid_map", monitors[2])
        windows = [st.window, *st.extra.windows()]
        qtbot.waitUntil(lambda: all(w.isVisible() for w in windows))
        qtbot.wait(100)
        image = QImage(1920, 600, QImage.Format.Format_RGB32)
        image.fill(QColor("#202020"))
        painter = QPainter(image)
        for window in windows:
            painter.drawPixmap(window.geometry().topLeft(), window.grab())
        painter.setPen(QColor("#ffcc00"))
        for m in monitors:
            painter.drawRect(QRect(*m.geometry).adjusted(0, 0, -1, -1))
            painter.drawText(QPoint(m.geometry[0] + 8, m.geometry[3] - 10), m.key)
        painter.end()
        assert image.save("/tmp/layouts-3-monitors.png")
        # The wall screens are filled with their pane (Xvfb's 16-bit colour rounds a little).
        assert close_colour(image.pixelColor(960, 300), PANES["video_wall"][2])
        assert close_colour(image.pixelColor(1600, 300), PANES["grid_map"][2])
        assert not close_colour(image.pixelColor(320, 300), PANES["video_wall"][2])
        assert rect_of(st.window) == monitors[0].geometry
    finally:
        st.close()
    qtbot.waitUntil(lambda: not visible_top_levels(), timeout=3000)


def test_maximised_on_a_virtual_monitor_fills_that_monitor(qtbot, station):
    layout = station.manager.capture("Big")
    layout.maximized = True
    second = station.watcher.monitors()[1].geometry
    layout.main_geometry = (second[0] + 30, 50, 200, 200)  # on monitor 2
    assert station.manager.apply(layout) == []
    qtbot.waitUntil(lambda: rect_of(station.window) == station.watcher.monitors()[1].geometry)
