"""What an officer does with a wall tile, in the demo workstation against the reference server
with real streams (under Xvfb, real libVLC): type a camera number, take a snapshot (a real PNG
of the stream, audited), post a patrol note (on the alarm that links the camera, or as a new
alarm with the camera linked), make a stream fail and recover from the demo's fault menu, and
change the latency setting while the wall plays."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from desktop.panes.wall_camera_actions import snapshot_name
from desktop.video.rendering import SMOOTH_CACHING_MS
from tests.desktop.conftest import run_ui, until
from tests.factories import make_camera
from tests.support.central import Desk
from widgets.camera_tree import camera_number


def _menu_texts(menu) -> list[str]:
    out = []
    for action in menu.actions():
        out.append(action.text())
        if action.menu() is not None:
            out.extend(_menu_texts(action.menu()))
    return out


async def _audit_rows(ws) -> list[str]:
    session = ws.service.session

    def rows():
        with session.journal.engine.connect() as conn:
            return [r[0] for r in conn.exec_driver_sql("SELECT data FROM audit")]

    return await session.writer.run(rows)


def test_numbers_snapshots_patrol_notes_and_faults_on_a_live_tile(make_workstation, qloop):
    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "5",
                                                          "--streams"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        await until(lambda: len(ws.hall.cameras) > 10, 10, "the cameras")
        pane = ws.window.pane_widgets["video_wall"]
        pane.set_layout("4")
        camera = next(c for c in sorted(ws.hall.cameras.values(), key=lambda c: c.id)
                      if c.status == "online" and c.streams.sub and c.id not in
                      pane.wall.state.cameras)
        number = camera_number(camera.id)
        assert number is not None

        # Select tile 2, type the camera's number and Enter: the camera goes there.
        ws.window.activateWindow()
        tile = pane.wall.tiles[1]
        tile.setFocus()
        await until(tile.hasFocus, 5, "the tile's focus")
        QTest.keyClicks(tile, str(number))
        assert tile.typed_number() == str(number)
        assert str(number) in tile._state.text()
        QTest.keyClick(tile, Qt.Key.Key_Return)
        assert pane.wall.state.cameras[1] == camera.id
        assert pane.wall.state.focused is None  # Enter with a number does not focus
        # A number no camera has: said on the tile, nothing changes.
        QTest.keyClicks(tile, "9999")
        QTest.keyClick(tile, Qt.Key.Key_Enter)
        assert "9999" in tile._state.text() and pane.wall.state.cameras[1] == camera.id
        await until(lambda: tile.view_label() == "live", 20, "the tile playing")

        # Its menu offers what the officer can do, the demo's faults included.
        texts = _menu_texts(pane.camera_actions.menu_for(1))
        assert {"Snapshot", "Patrol note…", "Remove from this tile", "Demo faults",
                "Make this stream fail"} <= set(texts)
        assert ("PTZ preset" in texts) == camera.ptz

        # Snapshot: a PNG of the stream's own picture, named by camera and time, audited.
        await until(lambda: tile.displayed_pictures() > 10, 10, "pictures shown")
        pane.camera_actions.snapshot(1)
        folder = ws.profile / "snapshots"
        await until(lambda: any(folder.glob(f"{camera.id}_*.png")), 10, "the snapshot file")
        path = next(folder.glob(f"{camera.id}_*.png"))
        image = QImage(str(path))
        assert (image.width(), image.height()) == (640, 360)
        colours = {image.pixel(x, y) for x in range(0, 640, 40) for y in range(0, 360, 40)}
        assert len(colours) > 5  # a picture, not a black frame
        await until(lambda: any("saved" in n.text and str(path) in n.text
                                for n in ws.state.notices), 5, "the notice")
        rows = await _audit_rows(ws)
        assert any('"snapshot"' in r and camera.id in r and path.name in r for r in rows)
        assert ws.service.session.audit_log.verify().ok

        # Patrol note on the open alarm that links this camera.
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            alarm = await asyncio.to_thread(other.raise_alarm, kind="intrusion", priority=2,
                                            title="周界 测试", camera_ids=[camera.id])
            await until(lambda: alarm["id"] in ws.hall.alarms, 10, "the alarm")
            pane.camera_actions.patrol_note(1)
            dialog = pane.camera_actions.dialog
            assert dialog.alarm_id() == alarm["id"] and not dialog.kind.isEnabled()
            assert not dialog.ok.isEnabled()  # the note is required
            dialog.text.setPlainText("两人翻越围栏")
            dialog.ok.click()
            await until(lambda: any("两人翻越围栏" in n.text
                                    for n in ws.hall.alarms[alarm["id"]].notes), 10,
                        "the note on the server's alarm")
            # … or a new alarm with the camera linked, at the camera's place.
            pane.camera_actions.patrol_note(1)
            dialog = pane.camera_actions.dialog
            dialog.target.setCurrentIndex(dialog.target.count() - 1)
            assert dialog.alarm_id() is None and dialog.priority.isEnabled()
            dialog.priority.setCurrentIndex(1)  # P2
            dialog.text.setPlainText("路口车辆起火\n浓烟")
            dialog.ok.click()

            def raised():
                return [a for a in ws.hall.alarms.values()
                        if a.title == "路口车辆起火" and a.camera_ids == [camera.id]]

            await until(raised, 10, "the raised alarm")
            new = raised()[0]
            assert new.priority == 2 and "浓烟" in (new.description or "")
            assert (new.location.lat, new.location.lon) == (camera.location.lat,
                                                            camera.location.lon)
        finally:
            await asyncio.to_thread(other.close)

        # The demo's fault menu: the stream fails, the tile says so, then plays again.
        pane.camera_actions.fault(1, True)
        await until(lambda: tile.view_label() in ("signal_lost", "reconnecting"), 10,
                    "signal lost")
        pane.camera_actions.fault(1, False)
        await until(lambda: tile.view_label() == "live", 30, "playing again")

        # Smooth video: the wall plays on through a new engine with more caching.
        old_engine = pane.engine
        ws.preferences.update(replace(ws.preferences.settings, video_latency="smooth"))
        assert pane.engine is not old_engine
        assert pane.engine.caching_ms == SMOOTH_CACHING_MS and tile.engine is pane.engine
        await until(lambda: tile.view_label() == "live", 30, "playing in smooth mode")

    run_ui(qloop, go(), timeout=180)


def test_snapshot_names_are_safe_file_names():
    from datetime import datetime

    camera = make_camera(id="C007", name='北门/卡口: "东" 1')
    name = snapshot_name(camera, datetime(2026, 11, 29, 17, 5, 9))
    assert name == "C007_北门_卡口_东_1_20261129-170509.png"
    assert snapshot_name(make_camera(id="C1", name="///"), datetime(2026, 1, 1)).startswith(
        "C1_camera_")
