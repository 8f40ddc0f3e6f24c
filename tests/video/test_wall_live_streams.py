"""The wall against the reference server's streams (real HTTP, real RTSP over TCP through the
relay, real libVLC, under Xvfb): four tiles play and their pixels move; a camera's stream made
to fail shows "signal lost" within 3 s and comes back by itself when it recovers."""

from __future__ import annotations

import time

from PySide6.QtGui import QGuiApplication

from desktop.state.wall_layouts import BY_NAME, WallState
from desktop.video.tile import VideoEngine
from desktop.video.wall import VideoWall
from tests.factories import make_camera
from tests.support.central import Desk


def _grab(widget):
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return QGuiApplication.primaryScreen().grabWindow(
        0, top_left.x(), top_left.y(), widget.width(), widget.height()).toImage()


def test_http_and_rtsp_tiles_play_and_recover(qtbot, stream_server):
    desk = Desk(stream_server.api_url, "supervisor")
    try:
        listing = desk.get("/admin/streams").json()["cameras"]
        online = [c for c in listing if c["serving"]][:4]
        assert len(online) == 4 and online[0]["urls"]["rtsp"], "GStreamer RTSP is not running"
        cameras = {}
        for i, entry in enumerate(online):
            urls = entry["urls"]["rtsp"] if i < 2 else entry["urls"]["http"]  # 2 RTSP, 2 HTTP
            cameras[entry["camera_id"]] = make_camera(id=entry["camera_id"],
                                                      name=entry["camera_id"],
                                                      streams={"main": urls["main"],
                                                               "sub": urls["sub"]})
        engine = VideoEngine(software=True)
        wall = VideoWall(engine)
        qtbot.addWidget(wall)
        wall.resize(900, 520)
        wall.show()
        qtbot.waitExposed(wall)
        try:
            wall.set_cameras(cameras)
            wall.show_state(WallState(BY_NAME["4"]).show(list(cameras)))
            qtbot.waitUntil(lambda: all(t.view_label() == "live" for t in wall.tiles),
                            timeout=20_000)
            assert wall.tiles[0].lifecycle.url.startswith("rtsp://")
            assert wall.tiles[0]._relay is not None and wall.tiles[0]._relay.running()
            qtbot.wait(800)
            before = [_grab(t.surface) for t in wall.tiles]
            qtbot.wait(1200)
            after = [_grab(t.surface) for t in wall.tiles]
            for i, (a, b) in enumerate(zip(before, after, strict=True)):
                colours = {a.pixel(x, y) for x in range(0, a.width(), 16)
                           for y in range(0, a.height(), 16)}
                assert len(colours) > 8, f"tile {i} is flat"
                assert a != b, f"tile {i} does not move"
            # The bar's rate is the displayed one: 25 fps streams, give or take a burst.
            qtbot.waitUntil(lambda: all(20 <= t.fps <= 30 for t in wall.tiles),
                            timeout=10_000)

            # The HTTP camera of tile 2 fails on demand: "signal lost" within 3 s …
            failing = wall.tiles[2]
            camera_id = failing.camera.id
            r = desk.command(f"/admin/cameras/{camera_id}/stream", {"state": "fail"})
            assert r.status_code == 200, r.text
            t0 = time.monotonic()
            qtbot.waitUntil(lambda: failing.view_label() in ("signal_lost", "reconnecting"),
                            timeout=5_000)
            assert time.monotonic() - t0 <= 3.0
            # … and plays again by itself once it recovers.
            assert desk.command(f"/admin/cameras/{camera_id}/stream",
                                {"state": "ok"}).status_code == 200
            qtbot.waitUntil(lambda: failing.view_label() == "live", timeout=20_000)
        finally:
            wall.stop()
            engine.release()
    finally:
        desk.close()
