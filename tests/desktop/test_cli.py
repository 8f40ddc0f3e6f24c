"""``ccw`` as a real process: options, and ``--demo`` end to end — the embedded server starts,
the window paints, the demo officer goes online, and on SIGTERM the workstation closes
cleanly with no server left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from desktop.cli import parse_args

ROOT = Path(__file__).resolve().parents[2]


def test_options():
    with pytest.raises(SystemExit) as e:
        parse_args(["--version"])
    assert e.value.code == 0
    with pytest.raises(SystemExit) as e:
        parse_args(["--screens", "9"])
    assert e.value.code == 2
    args = parse_args(["--server", "http://h:1", "--profile", "/tmp/p", "--layout", "夜班",
                       "--lang", "zh_CN", "--screens", "3"])
    assert (args.server, args.layout, args.lang, args.screens) == ("http://h:1", "夜班",
                                                                   "zh_CN", 3)


def test_demo_process_paints_goes_online_and_stops_cleanly(tmp_path):
    assert os.environ.get("DISPLAY"), "pytest-xvfb provides the display"
    profile = tmp_path / "p"
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--demo", "--profile", str(profile),
         "--report-startup"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True)
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 60
        for line in proc.stderr:
            seen.append(line)
            if line.startswith("startup online") or time.monotonic() > deadline:
                break
        assert any(x.startswith("startup first-paint") for x in seen), "".join(seen[-20:])
        assert any(x.startswith("startup online") for x in seen), "".join(seen[-20:])
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, "".join(seen[-20:])
    online = next(x for x in seen if x.startswith("startup online"))
    api = online.split("server=", 1)[1].strip()
    assert api.startswith("http://127.0.0.1:")
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{api}/health", timeout=2)
