"""Cold start to first paint: ``ccw`` from process start until the window shows the cached
state, with a warm cache (a county's worth of objects) and with an empty one.

The central server is unreachable on purpose: first paint must not wait for the network.
Baseline, measured in the same run: ``python -c "import PySide6.QtWidgets"`` — the floor any
Qt application pays before it can draw anything. Goal: warm first paint ≤ 1.5 s on 2 cores.

Usage: .venv/bin/python tests/benchmarks/bench_startup.py [--runs N]
Starts its own Xvfb when there is no DISPLAY. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from backend_client.server.process import ServerProcess  # noqa: E402
from backend_client.session import CentralSession  # noqa: E402
from tests.benchmarks.display import ensure_display  # noqa: E402

GOAL_S = 1.5
DEAD_SERVER = "http://127.0.0.1:9"


async def fill_cache(profile: Path, url: str) -> int:
    session = await CentralSession.open(url, profile, workstation="bench")
    await session.login("duty", "demo")
    await session.start()
    while session.sync.cursor is None:
        await asyncio.sleep(0.05)
    units = session.cache.count("unit")
    await session.close()
    return units


def time_first_paint(profile: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli", "--server", DEAD_SERVER, "--profile",
         str(profile), "--report-startup"], cwd=ROOT, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # type: ignore[union-attr]
            if line.startswith("startup first-paint"):
                return time.perf_counter() - t0
        raise RuntimeError("ccw exited before its first paint")
    finally:
        proc.terminate()
        proc.wait(10)


def time_import_qt() -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    xvfb = ensure_display()
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.mkdtemp(prefix="ccw-xdg-"))
    try:
        with tempfile.TemporaryDirectory(prefix="ccw-bench-start-") as tmp:
            warm = Path(tmp) / "warm"
            with ServerProcess("--sim-steps", "0", workdir=Path(tmp) / "server") as server:
                units = asyncio.run(fill_cache(warm, server.url))
            warm_runs, cold_runs, qt_runs = [], [], []
            for i in range(args.runs):
                qt_runs.append(time_import_qt())
                warm_runs.append(time_first_paint(warm))
                cold = Path(tmp) / f"cold-{i}"
                cold_runs.append(time_first_paint(cold))
                shutil.rmtree(cold, ignore_errors=True)
    finally:
        if xvfb is not None:
            xvfb.terminate()
    warm_s, cold_s, qt_s = (statistics.median(r) for r in (warm_runs, cold_runs, qt_runs))
    result = {
        "benchmark": "startup",
        "runs": args.runs,
        "cached_units": units,
        "first_paint_warm_s": round(warm_s, 3),
        "first_paint_cold_s": round(cold_s, 3),
        "import_qt_s": round(qt_s, 3),
        "baseline": 'python -c "import PySide6.QtWidgets"',
        "ratio_warm_to_import_qt": round(warm_s / qt_s, 2),
        "goal_warm_s": GOAL_S,
        "meets_goal": warm_s <= GOAL_S,
    }
    print(f"first paint: warm {warm_s:.2f} s, cold {cold_s:.2f} s; import Qt {qt_s:.2f} s",
          file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
