"""A real small disk for the disk-full and read-only tests: a tmpfs mounted for the test
(root only — the machine the README sets up runs the tests as root), filled with a filler
file until the kernel says ENOSPC, emptied again, or mounted read-only."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


class SmallDisk:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._filler = path / "filler.bin"

    def fill(self) -> None:
        """Write until the disk is full (what a runaway log or a video export does), down
        to the last byte: not even a page of SQLite may fit anywhere."""
        with open(self._filler, "ab", buffering=0) as f:
            chunk = 1 << 16
            while chunk:
                try:
                    f.write(b"\0" * chunk)
                except OSError as e:
                    assert e.errno == 28, e  # ENOSPC, nothing else
                    chunk //= 2

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)

    def remount(self, mode: str) -> None:
        subprocess.run(["mount", "-o", f"remount,{mode}", str(self.path)], check=True)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root (as on the machine the README sets up)")
    path = tmp_path / "disk"
    path.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "ccw-test", str(path)],
                   check=True)
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)
