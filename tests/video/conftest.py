"""Test clips for the video tests: short H.264 streams made once per session with ffmpeg."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def make_clip(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """``make_clip("320x180")``: a 30 s testsrc2 clip of that size (made once per size)."""
    folder = tmp_path_factory.mktemp("clips")
    made: dict[str, Path] = {}

    def make(size: str) -> Path:
        if size not in made:
            path = folder / f"clip-{size}.ts"
            subprocess.run([shutil.which("ffmpeg") or "ffmpeg", "-v", "error", "-f", "lavfi",
                            "-i", f"testsrc2=size={size}:rate=25", "-t", "30", "-c:v",
                            "libx264", "-preset", "veryfast", "-g", "25", "-pix_fmt",
                            "yuv420p", str(path)], check=True, timeout=60)
            made[size] = path
        return made[size]

    return make


@pytest.fixture(scope="module")
def stream_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The reference server serving its cameras' test streams (HTTP-TS, RTSP over TCP and
    UDP), quiet (no simulation), one per test module."""
    from tests.support.server import ServerProcess

    server = ServerProcess("--streams", "--sim-steps", "0", "--seed", "3",
                           workdir=tmp_path_factory.mktemp("stream-server"))
    yield server
    server.close()
