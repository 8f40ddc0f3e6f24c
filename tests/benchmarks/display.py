"""A display for the benchmarks that need one: the current one, or an Xvfb of their own."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from backend_client.server.process import die_with_parent


def ensure_display(screen: str = "1920x1080x24") -> subprocess.Popen[bytes] | None:
    """Start Xvfb (one screen of ``screen``: width x height x depth) on a free display number
    unless DISPLAY is set; the process to terminate."""
    if os.environ.get("DISPLAY"):
        return None
    n = next(n for n in range(90, 110) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    # It dies with the benchmark, even a killed one (no Xvfb left behind on a shared machine).
    xvfb = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", screen, "-nolisten",
                             "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=die_with_parent)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            break
        time.sleep(0.05)
    os.environ["DISPLAY"] = f":{n}"
    return xvfb


def run_on_display(screen: str, run: Callable[[], None]) -> None:
    """``run`` with a display of ``screen`` (Xvfb of its own when there is none), after a
    note of the machine's load: this machine is shared, and one run is one sample."""
    xvfb = ensure_display(screen)
    try:
        load = os.getloadavg()
        print(f"machine: {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} at"
              " start; shared: one run is one sample", file=sys.stderr, flush=True)
        run()
    finally:
        if xvfb is not None:
            xvfb.terminate()
