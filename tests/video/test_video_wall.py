"""The wall with real libVLC under Xvfb: four tiles play real video, focusing one shows its
main stream alone (the others stop decoding), unfocusing brings them back, drops and swaps
change the state, and a layout change keeps the cameras in order."""

from __future__ import annotations

import pytest

from desktop.state.wall_layouts import BY_NAME, WallState
from desktop.video.tile import VideoEngine
from desktop.video.wall import VideoWall
from tests.factories import make_camera


@pytest.fixture
def clips(make_clip):
    return {"sub": make_clip("320x180").as_uri(), "main": make_clip("640x360").as_uri()}


@pytest.fixture
def wall(qtbot, clips):
    engine = VideoEngine(software=True)
    w = VideoWall(engine)
    qtbot.addWidget(w)
    w.resize(800, 460)
    w.show()
    qtbot.waitExposed(w)
    cameras = {f"c{i}": make_camera(id=f"c{i}", name=f"Camera {i}",
                                    streams={"main": clips["main"], "sub": clips["sub"]})
               for i in range(1, 6)}
    w.set_cameras(cameras)
    yield w
    w.stop()
    engine.release()


def test_four_tiles_play_and_focus_switches_streams(wall, qtbot, clips):
    wall.show_state(WallState(BY_NAME["4"]).show(["c1", "c2", "c3", "c4"]))
    qtbot.waitUntil(lambda: all(t.view_label() == "live" for t in wall.tiles), timeout=15_000)
    assert all(t.lifecycle.url == clips["sub"] for t in wall.tiles)  # small tiles: sub
    with qtbot.waitSignal(wall.state_changed):
        wall.tiles[2].activated.emit()  # a double-click
    assert wall.state.focused == 2
    focused = wall.tiles[2]
    assert focused.lifecycle.url == clips["main"] and focused.isVisible()
    assert all(t._player is None for i, t in enumerate(wall.tiles) if i != 2)
    qtbot.waitUntil(lambda: focused.view_label() == "live", timeout=10_000)
    wall.tiles[2].activated.emit()  # back to the layout: sub streams again
    assert wall.state.focused is None
    qtbot.waitUntil(lambda: all(t.view_label() == "live" for t in wall.tiles), timeout=15_000)
    assert focused.lifecycle.url == clips["sub"]


def test_drop_swap_and_layout_change(wall, qtbot):
    wall.show_state(WallState(BY_NAME["4"]))
    with qtbot.waitSignal(wall.state_changed) as sig:
        wall.tiles[1].dropped.emit(1, ["c5", "c2"])
    assert sig.args[0].cameras == (None, "c5", "c2", None)
    wall.tiles[3].swapped.emit(1, 3)
    assert wall.state.cameras == (None, None, "c2", "c5")
    tile = wall.tiles[3]
    assert tile.camera is not None and tile.camera.id == "c5"
    wall.show_state(wall.state.with_layout(BY_NAME["1"]))
    assert len(wall.tiles) == 1 and wall.state.cameras == ("c2",)
    assert wall.tiles[0].camera.id == "c2"
