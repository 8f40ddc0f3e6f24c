"""A wall tile under Xvfb with real libVLC: a camera's stream plays ("live", pictures drawn),
a dead stream says "reconnecting" and keeps retrying, an offline camera is not tried, and
clearing the tile releases its player."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.video.tile import VideoEngine, VideoTile
from tests.factories import make_camera


@pytest.fixture
def clip(make_clip):
    return make_clip("320x180")


@pytest.fixture
def engine():
    e = VideoEngine(software=True)
    yield e
    e.release()


@pytest.fixture
def tile(qtbot, engine):
    t = VideoTile(engine)
    qtbot.addWidget(t)
    t.resize(400, 260)
    t.move(30, 30)
    t.show()
    qtbot.waitExposed(t)
    yield t
    t.stop()


def _distinct_colours(widget) -> int:
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    image = QGuiApplication.primaryScreen().grabWindow(
        0, top_left.x(), top_left.y(), widget.width(), widget.height()).toImage()
    return len({image.pixel(x, y) for x in range(0, image.width(), 12)
                for y in range(0, image.height(), 12)})


def test_a_camera_plays_live(tile, qtbot, clip):
    camera = make_camera(streams={"main": clip.as_uri(), "sub": clip.as_uri()})
    tile.set_camera(camera)
    qtbot.waitUntil(lambda: tile.view_label() == "live", timeout=10_000)
    qtbot.waitUntil(lambda: tile.displayed_pictures() > 25, timeout=10_000)
    qtbot.wait(600)
    assert _distinct_colours(tile.surface) > 8
    assert tile._state.text().strip().startswith("live")
    tile.set_camera(None)
    assert tile._player is None and tile.view_label() == "stopped"


def test_a_dead_stream_reconnects_with_backoff(tile, qtbot):
    camera = make_camera(streams={"main": "http://127.0.0.1:9/none.ts",
                                  "sub": "http://127.0.0.1:9/none.ts"})
    tile.set_camera(camera)
    qtbot.waitUntil(lambda: tile.view_label() == "reconnecting", timeout=10_000)
    assert "reconnecting in" in tile._card.text()
    first = tile.lifecycle.generation
    qtbot.waitUntil(lambda: tile.lifecycle.generation > first, timeout=10_000)  # it retries


def test_an_offline_camera_is_not_tried(tile, qtbot, clip):
    camera = make_camera(status="offline", streams={"main": clip.as_uri(), "sub": None})
    tile.set_camera(camera)
    assert tile.view_label() == "offline" and tile._player is None
    assert tile._card.text() == "Camera offline"
    tile.camera_changed(camera.model_copy(update={"status": "online", "version": 2}))
    qtbot.waitUntil(lambda: tile.view_label() == "live", timeout=10_000)
