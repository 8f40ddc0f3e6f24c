"""A libVLC player drawing real video into a native Qt window under Xvfb: events reach the UI
thread with their generation, pictures are displayed, the window's pixels are not black and
change over time, and a released player goes quiet."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.video.player import PlayerEvents, TilePlayer, instance_args


@pytest.fixture
def clip(make_clip):
    return make_clip("320x180")


def _pixels(widget: QWidget):
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    image = QGuiApplication.primaryScreen().grabWindow(
        0, top_left.x(), top_left.y(), widget.width(), widget.height()).toImage()
    return image, {image.pixel(x, y) for x in range(0, image.width(), 16)
                   for y in range(0, image.height(), 16)}


def test_player_draws_into_a_native_window_and_reports_on_the_ui_thread(qtbot, clip):
    import vlc

    tile = QWidget()
    tile.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    tile.setStyleSheet("background: black;")
    tile.resize(320, 180)
    tile.move(40, 40)
    qtbot.addWidget(tile)
    tile.show()
    qtbot.waitExposed(tile)

    instance = vlc.Instance(instance_args(software=True))
    assert instance is not None, "libVLC refused the instance options"
    events = PlayerEvents()
    seen: list[tuple[int, str, bool]] = []
    main = threading.get_ident()
    events.event.connect(lambda gen, kind: seen.append((gen, kind,
                                                        threading.get_ident() == main)))
    player = TilePlayer(instance, events, generation=7)
    try:
        player.set_window(int(tile.winId()))
        player.play(clip.as_uri())
        qtbot.waitUntil(lambda: any(k == "playing" for _, k, _ in seen), timeout=10_000)
        qtbot.waitUntil(lambda: player.displayed_pictures() > 10, timeout=10_000)
        assert all(gen == 7 and on_ui for gen, _, on_ui in seen)
        qtbot.wait(300)
        first, colours = _pixels(tile)
        assert len(colours) > 8, "the tile is flat: no picture drawn"
        qtbot.wait(600)
        second, _ = _pixels(tile)
        assert first != second, "the picture does not move"
    finally:
        player.release()
        instance.release()
    count = len(seen)
    qtbot.wait(300)
    assert len(seen) == count  # a released player sends nothing more
