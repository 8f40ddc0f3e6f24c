"""``ccw``: --help/--version, a refusal without a server, and the demo end to end — the
embedded server starts, the client goes online with the county's data, and on SIGINT both
stop (no server left behind)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import httpx
import pytest

from desktop.cli import parse_args


def test_version_and_missing_server():
    with pytest.raises(SystemExit) as e:
        parse_args(["--version"])
    assert e.value.code == 0
    with pytest.raises(SystemExit) as e:
        parse_args([])
    assert e.value.code == 2


def test_demo_goes_online_and_stops_cleanly(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--demo", "--profile", str(tmp_path / "p"),
         "--interval", "0.5"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if line.startswith("online |") and "grids 132" in line:
                break
        assert any(line.startswith("online |") and "units 60" in line for line in lines), \
            "".join(lines)
        server_line = next(line for line in lines if "demo reference server at" in line)
        proc.send_signal(signal.SIGINT)
        proc.wait(20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, "".join(lines)
    assert "logged in as" in "".join(lines)
    # The embedded server is gone with the app.
    url = server_line.split("demo reference server at ", 1)[1].split()[0]
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/api/v1/health", timeout=2)
