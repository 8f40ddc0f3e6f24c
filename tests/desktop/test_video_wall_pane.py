"""The video wall pane in the workstation: the hall's cameras in the tree, the alarm card's
"show on wall" puts an alarm's linked cameras on the wall (largest tile first, marked with the
alarm's priority), and the wall's layout and assignments are kept with the shell's layouts."""

from __future__ import annotations

import asyncio

from desktop.state.wall_layouts import BY_NAME
from desktop.state.wall_link import nearest_first
from tests.desktop.conftest import run_ui, until
from tests.support.central import Desk


async def _quiet_demo(make_workstation):
    """The demo workstation on a quiet server (no simulation), online with its cameras, and
    its video wall pane."""
    ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "5"))
    await until(lambda: ws.state.connection.status == "online", 30, "online")
    await until(lambda: len(ws.hall.cameras) > 10, 10, "the cameras")
    return ws, ws.window.pane_widgets["video_wall"]


def test_alarm_cameras_go_on_the_wall_and_the_wall_is_saved(make_workstation, qloop):
    async def go():
        ws, pane = await _quiet_demo(make_workstation)
        assert len(pane.tree.visible_camera_ids()) == len(ws.hall.cameras)
        assert pane.ctx.wall.available
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            cams = sorted(ws.hall.cameras)[:3]
            alarm = await asyncio.to_thread(other.raise_alarm, kind="fire", priority=1,
                                            title="烟感 测试", camera_ids=cams)
        finally:
            await asyncio.to_thread(other.close)
        await until(lambda: alarm["id"] in ws.hall.alarms, 10, "the alarm")
        desk = ws.window.pane_widgets["alarm_queue"]
        ws.selection.select_alarm(alarm["id"])
        await until(lambda: desk.card.alarm_id() == alarm["id"], 5, "the card")
        assert desk.card._wall.isVisibleTo(desk.card)
        desk.card._wall.click()
        nearest = tuple(nearest_first(ws.hall.alarms[alarm["id"]], ws.hall.cameras))
        assert sorted(nearest) == cams
        assert pane.wall.state.cameras[:3] == nearest  # the nearest on the largest tile
        assert pane._alarm_action.isVisible()
        # The wall's layout and tiles are part of the saved layout.
        pane.set_layout("1+5")
        saved = pane.pane_state()
        pane.set_layout("16")
        pane.restore_pane_state(saved)
        assert pane.wall.state.layout == BY_NAME["1+5"]
        assert pane.wall.state.cameras[:3] == nearest
        # A broken saved state gives the standard wall and says so.
        pane.restore_pane_state({"layout": {"name": "x"}})
        assert pane.wall.state.layout == BY_NAME["9"]
        assert any("video wall" in n.text for n in ws.state.notices)
        # With the setting on, a new P1 alarm puts its cameras on the wall by itself.
        from dataclasses import replace
        ws.preferences.update(replace(ws.preferences.settings, p1_cameras_on_wall=True))
        others = sorted(ws.hall.cameras)[5:7]
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            await asyncio.to_thread(other.raise_alarm, kind="panic", priority=1,
                                    title="一键报警 测试", camera_ids=others)
        finally:
            await asyncio.to_thread(other.close)
        await until(lambda: pane.wall.state.cameras[:2] == tuple(others), 10, "P1 cameras")

    run_ui(qloop, go(), timeout=120)


def test_ptz_from_a_tile_reaches_the_server_and_is_never_queued(make_workstation, qloop,
                                                                 monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.services.ptz import PtzControl

    answers: list[tuple[str, dict, str]] = []
    original = PtzControl.send

    async def spy(self, camera_id, body):
        why = await original(self, camera_id, body)
        answers.append((camera_id, body, why))
        return why

    monkeypatch.setattr(PtzControl, "send", spy)

    async def go():
        ws, pane = await _quiet_demo(make_workstation)
        ptz = next(c for c in ws.hall.cameras.values() if c.ptz and c.status == "online")
        fixed = next(c for c in ws.hall.cameras.values() if not c.ptz)
        pane._show_cameras([ptz.id])
        tile = pane.wall.tiles[pane.wall.state.cameras.index(ptz.id)]
        assert not any(b.isVisibleTo(tile) for b in tile._ptz)  # until the tile is chosen
        ws.window.activateWindow()
        tile.setFocus()
        await until(tile.hasFocus, 5, "the tile's focus")
        assert all(b.isVisibleTo(tile) for b in tile._ptz)
        tile._ptz[3].pressed.emit()   # ▶ held …
        tile._ptz[3].released.emit()  # … and let go: a stop follows
        tile.setFocus()
        QTest.keyClick(tile, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # preset 3
        await until(lambda: len(answers) == 3, 10, "the PTZ answers")
        assert [a[1] for a in answers] == [{"pan": 0.5, "tilt": 0.0, "zoom": 0.0},
                                           {"pan": 0.0, "tilt": 0.0, "zoom": 0.0},
                                           {"preset": 3}]
        assert all(a[0] == ptz.id and a[2] == "" for a in answers)
        # A camera without PTZ: the server says 501 and the officer is told so.
        why = await pane.ctx.ptz(fixed.id, {"pan": 0.5, "tilt": 0, "zoom": 0})
        assert why == "This camera cannot be moved."
        assert ws.state.outbox_pending == 0  # nothing of this went through the outbox
        # Offline: not sent, and said so.
        await asyncio.to_thread(ws.demo_server.stop)
        why = await pane.ctx.ptz(ptz.id, {"pan": 0.5, "tilt": 0, "zoom": 0})
        assert why == "The camera move was not sent: no connection."
        assert ws.state.outbox_pending == 0

    run_ui(qloop, go(), timeout=120)


def test_wall_keeps_playing_when_floated_docked_and_sent_to_a_screen(make_workstation, qloop):
    from PySide6.QtGui import QGuiApplication

    async def go():
        ws = await make_workstation(demo=True, screens=2, demo_args=(
            "--sim-steps", "0", "--seed", "5", "--streams", "--no-rtsp-tcp"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        pane = ws.window.pane_widgets["video_wall"]
        await until(lambda: any(pane.wall.state.cameras), 10, "cameras on the wall")
        pane.set_layout("4")
        tiles = pane.wall.tiles

        def playing() -> bool:
            return all(t.view_label() == "live" for t in tiles if t.camera is not None)

        def frames() -> list[int]:
            return [t.displayed_pictures() for t in tiles if t.camera is not None]

        async def still_moving(what: str) -> None:
            await until(playing, 20, f"live tiles ({what})")
            before = frames()
            await asyncio.sleep(1.5)
            after = frames()
            assert all(b > a for a, b in zip(before, after, strict=True)), (what, before, after)
            # … and drawn where the officer looks: the tile's window on screen is a picture.
            for tile in tiles:
                if tile.camera is None:
                    continue
                at = tile.surface.mapToGlobal(tile.surface.rect().topLeft())
                image = QGuiApplication.primaryScreen().grabWindow(
                    0, at.x(), at.y(), tile.surface.width(), tile.surface.height()).toImage()
                colours = {image.pixel(x, y) for x in range(0, image.width(), 16)
                           for y in range(0, image.height(), 16)}
                assert len(colours) > 8, (what, tile.camera.id)

        await still_moving("docked")
        dock = ws.window.docks["video_wall"]
        dock.setFloating()
        await asyncio.sleep(0.5)
        await still_moving("floating")
        ws.screens.layouts.dock_back("video_wall")
        await asyncio.sleep(0.5)
        await still_moving("docked again")
        ws.window.send_to_screen_requested.emit("video_wall", "virtual-2")
        await until(lambda: ws.screens.extra.window("video_wall") is not None, 5, "the screen")
        await asyncio.sleep(0.5)
        await still_moving("on the second screen")

    run_ui(qloop, go(), timeout=150)


def test_tour_cycles_is_interrupted_by_an_alarm_and_resumes(make_workstation, qloop):
    from desktop.state.tours import Tour

    async def go():
        ws, pane = await _quiet_demo(make_workstation)
        pane.set_layout("4")
        ids = sorted(ws.hall.cameras)
        tour = Tour("夜巡", (tuple(ids[0:4]), tuple(ids[4:8])), dwell_s=3)
        assert pane.tours.start(tour)
        assert pane.wall.state.cameras == tuple(ids[0:4])
        assert pane.tours.label.text().startswith(" Tour 夜巡: step 1/2")
        await until(lambda: pane.wall.state.cameras == tuple(ids[4:8]), 6, "the next step")
        # An alarm's cameras interrupt the tour; it waits …
        pane.show_alarm_cameras([ids[10], ids[11]], 1)
        assert pane.wall.state.cameras[:2] == (ids[10], ids[11])
        assert pane._back_action.isVisible() and "waits for the alarm" in pane.tours.label.text()
        await asyncio.sleep(3.5)
        assert pane.wall.state.cameras[:2] == (ids[10], ids[11])
        # … and goes on where it was when the officer goes back to it.
        pane._back.click()
        assert pane.wall.state.cameras == tuple(ids[4:8])
        # The running tour is kept with the layout.
        saved = pane.pane_state()
        assert saved["tour"]["steps"][0] == ids[0:4]
        pane.tours.stop()
        pane.restore_pane_state(saved)
        assert pane.tours.running

    run_ui(qloop, go(), timeout=120)


def test_a_saved_one_tile_tour_cycles_on_the_selected_tile(make_workstation, qloop):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.state.tours import groups_of

    async def go():
        ws, pane = await _quiet_demo(make_workstation)
        pane.set_layout("4")
        ids = sorted(ws.hall.cameras)
        pane.wall.show_state(pane.wall.state.show(ids[:4]))
        # The officer makes a tour of two cameras and a camera group, on one tile.
        pane.edit_tours()
        editor = pane.tour_editor
        assert editor.save() is False and "name" in editor.message.text()
        editor.name.setText("东门轮巡")
        group = next(g for c in ws.hall.cameras.values() for g in c.groups)
        members = [c.id for c in sorted(ws.hall.cameras.values(), key=lambda c: c.id)
                   if group in c.groups]
        wanted = {ids[8], ids[9], "group:" + group}
        for row in range(editor.available.count()):
            entry = editor.available.item(row)
            entry.setSelected(entry.data(Qt.ItemDataRole.UserRole + 1) in wanted)
        editor.add_selected()
        assert set(editor.items()) == wanted
        editor.shows.setCurrentIndex(1)  # one tile
        editor.dwell.setValue(3)
        assert editor.save(), editor.message.text()
        editor.close()
        assert [p.name for p in pane.tour_book.items()] == ["东门轮巡"]
        assert (ws.config / "wall-tours.json").exists()
        # It is in the Tour menu; started with tile 3 selected, it cycles there alone.
        pane.tours.menu.aboutToShow.emit()
        assert any(a.text().startswith("东门轮巡") for a in pane.tours.menu.actions())
        QTest.mouseClick(pane.wall.tiles[2], Qt.MouseButton.LeftButton)
        await until(lambda: pane.wall.current_tile() == 2, 5, "tile 3 selected")
        assert pane.tours.start_plan("东门轮巡") == ""
        steps = pane.tour_book.get("东门轮巡").build(4, groups_of(ws.hall.cameras.values()),
                                                   2).steps
        assert [c for step in steps for c in step] == list(dict.fromkeys(
            [*members, ids[8], ids[9]]))  # groups are listed first in the editor
        assert pane.wall.state.cameras[2] == steps[0][0]
        assert pane.wall.state.cameras[:2] == tuple(ids[:2])
        assert pane.wall.state.cameras[3] == ids[3]
        assert "tile 3" in pane.tours.label.text()
        await until(lambda: pane.wall.state.cameras[2] == steps[1][0], 6, "the next step")
        assert pane.wall.state.cameras[:2] == tuple(ids[:2])  # the other tiles stay

    run_ui(qloop, go(), timeout=120)


def test_the_wall_and_its_tour_survive_a_restart(make_workstation, qloop, tmp_path):
    from desktop.state.tours import Tour

    profile = str(tmp_path / "restarted")

    async def go():
        ws = await make_workstation(demo=True, profile=profile,
                                    demo_args=("--sim-steps", "0", "--seed", "5"))
        await until(lambda: len(ws.hall.cameras) > 10, 30, "the cameras")
        pane = ws.window.pane_widgets["video_wall"]
        ids = sorted(ws.hall.cameras)
        pane.set_layout("1+5")
        pane.wall.show_state(pane.wall.state.show(ids[3:9]))
        pane.wall.assign_tile(5, ids[12])
        assert pane.tours.start(Tour("夜巡", ((ids[0],), (ids[1],)), dwell_s=600, tile=2))
        wall = pane.wall.state
        await ws.close()  # nothing saved by hand: the wall remembers itself

        again = await make_workstation(demo=True, profile=profile,
                                       demo_args=("--sim-steps", "0", "--seed", "5"))
        pane = again.window.pane_widgets["video_wall"]
        assert pane.wall.state.layout.name == "1+5"
        assert pane.wall.state.cameras == wall.cameras
        assert pane.tours.running and pane.tours.runner.tour.tile == 2
        await until(lambda: len(again.hall.cameras) > 10, 30, "the cameras again")
        await asyncio.sleep(2.5)  # the tree's first build must not replace a restored wall
        assert pane.wall.state.cameras == wall.cameras

    run_ui(qloop, go(), timeout=120)


def test_an_unreadable_remembered_wall_is_logged_and_ignored(qapp, tmp_path, caplog):
    from PySide6.QtCore import QObject

    from desktop.panes.wall_memory import WallMemory

    path = tmp_path / "video-wall-last.json"
    owner = QObject()
    state = {"layout": {"name": "4"}, "cameras": ["C001"]}
    memory = WallMemory(path, lambda: state, owner)
    assert memory.recall() is None  # nothing kept yet
    memory.save_now()
    assert WallMemory(path, dict, owner).recall() == state
    for text in ("{broken", "[1, 2]"):
        path.write_text(text, encoding="utf-8")
        assert WallMemory(path, dict, owner).recall() is None
    assert "not restored" in caplog.text
