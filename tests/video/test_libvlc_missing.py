"""Without libVLC the workstation does not die: the probe names the packages to install, a
tile shows that sentence instead of a picture and starts no player. (The packaged bundle
started with the system's libVLC hidden is tests/installer/test_bundle.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.video import libvlc
from desktop.video import tile as tile_module
from desktop.video.tile import VideoEngine, VideoTile
from tests.factories import make_camera

ROOT = Path(__file__).resolve().parents[2]
PROBE = "from desktop.video.libvlc import libvlc_problem; print('PROBLEM:', libvlc_problem())"


def _probe(**env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env={**os.environ, **env})


def test_an_unloadable_libvlc_is_a_sentence_not_an_exit():
    # python-vlc itself calls sys.exit(1) when PYTHON_VLC_LIB_PATH names nothing loadable.
    done = _probe(PYTHON_VLC_LIB_PATH="/nonexistent/libvlc.so.5")
    assert done.returncode == 0, done.stderr
    assert "PROBLEM: Video is off" in done.stdout
    assert "libvlc5, vlc-plugin-base" in done.stdout
    assert "libVLC could not be loaded" in done.stderr  # the log line, with the detail


def test_the_installed_libvlc_is_found():
    done = _probe()
    assert done.returncode == 0, done.stderr
    assert "PROBLEM: None" in done.stdout


@pytest.fixture
def no_libvlc(monkeypatch):
    monkeypatch.setattr(tile_module, "libvlc_problem", libvlc.missing_text)


def test_a_tile_without_libvlc_says_so_and_plays_nothing(qtbot, no_libvlc):
    engine = VideoEngine(software=True)
    assert engine.instance is None and engine.problem == libvlc.missing_text()
    tile = VideoTile(engine)
    qtbot.addWidget(tile)
    tile.resize(400, 260)
    tile.show()
    qtbot.waitExposed(tile)
    tile.set_camera(make_camera(streams={"main": "http://127.0.0.1:9/a.ts",
                                         "sub": "http://127.0.0.1:9/a.ts"}))
    qtbot.wait(1200)  # a few of the tile's ticks: still nothing started, still said
    assert tile._player is None
    assert tile._card.text() == libvlc.missing_text()
    assert tile._stack.currentWidget() is tile._card
    assert tile._state.text().strip() == "no video"
    tile.set_camera(None)  # an empty tile is just empty
    assert tile._card.text() != libvlc.missing_text()
    tile.stop()
    engine.release()
