"""Soak: the demo workstation for a long time at a high alarm rate, with a tour running on a
16-tile wall of live streams. Each minute it samples the process's memory (RSS), its threads
and its open files (the median of a sample every 5 s), the longest UI-thread stall of that
minute and the push → painted latency of new alarms in the queue.

Goal: RSS growth ≤ 10 % after warm-up (the first samples, while caches fill, are the
baseline the growth is measured against), and no growth of threads or file handles.

Usage: .venv/bin/python tests/benchmarks/soak.py [--minutes N] [--warmup M] [--rate R]
       (default 30 minutes, or SOAK_MINUTES; the documented long run is --minutes 480)
Starts its own Xvfb when there is no DISPLAY. Not part of the test run. The last line printed
is one JSON object: rss_growth_pct, max_ui_stall_ms (wall clock), max_ui_busy_ms (of the
stalls over 100 ms, the longest time the UI thread itself was working in one: the heartbeat
also counts time the machine's other work took the cores), threads_growth, files_growth,
latency_p99_ms and the per-minute samples.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.display import run_on_display  # noqa: E402
from tests.benchmarks.flood_latency import _Heartbeat, _PaintClock  # noqa: E402
from tests.benchmarks.proc_stats import rss_mb  # noqa: E402

os.environ.setdefault("CCW_AUDIO_OUTPUT", "adummy")
TOUR_DWELL_S = 20.0
BUSY_LIMIT_MS = 100.0  # the stall watchdog's limit, as in the flood test


def _count(path: str) -> int:
    try:
        return len(os.listdir(path))
    except OSError:
        return -1


async def _soak(minutes: float, warmup: int, rate: float) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from desktop.app import prepare_application
    from desktop.shell.stall_watchdog import StallWatchdog
    from desktop.shell.workstation import Options, Workstation
    from desktop.state.tours import Tour

    profile = tempfile.mkdtemp(prefix="ccw-soak-")
    options = Options(demo=True, profile=profile, lang="en", demo_args=(
        "--alarm-rate", str(rate), "--seed", "8", "--streams"))
    prepare_application(options)
    ws = Workstation(options)
    await ws.start()
    ws.window.resize(1900, 1000)
    while ws.state.connection.status != "online":
        await asyncio.sleep(0.1)
    wall = ws.window.pane_widgets["video_wall"]
    wall.set_layout("16")
    cameras = sorted(c for c, cam in ws.hall.cameras.items() if cam.status == "online")
    wall.tours.start(Tour.of_cameras("soak", cameras, 16, TOUR_DWELL_S))
    desk = ws.window.pane_widgets["alarm_queue"]
    clock = _PaintClock(desk)
    beat = _Heartbeat()
    beat.start()
    # The heartbeat's figure is wall-clock: on two cores sixteen decoders take the CPU away
    # from the UI thread too. The watchdog says how much of each stall the UI thread itself
    # was busy (its own work, what this program can fix) and where it was.
    watchdog = StallWatchdog(BUSY_LIMIT_MS)
    watchdog.start()
    pid = os.getpid()
    samples: list[dict[str, Any]] = []
    started = time.monotonic()
    for minute in range(1, int(minutes) + 1):
        clock.latencies.clear()
        beat.worst = 0.0
        seen = len(watchdog.records)
        # Threads and files every 5 s, the minute's median kept: a tour step or a stream
        # reconnecting moves them by a player's worth for a moment; a leak moves the median.
        threads, files = [], []
        while (left := started + 60 * minute - time.monotonic()) > 0:
            await asyncio.sleep(min(5.0, left))
            threads.append(_count(f"/proc/{pid}/task"))
            files.append(_count(f"/proc/{pid}/fd"))
        lat = sorted(clock.latencies)
        stalls = watchdog.records[seen:]
        for stall in stalls:
            if stall.busy_ms > BUSY_LIMIT_MS:
                print(f"busy UI stall {stall.wall_ms:.0f} ms (busy {stall.busy_ms:.0f} ms, "
                      f"gc {stall.gc_ms:.0f} ms) in:\n{stall.stack[-1200:]}", file=sys.stderr)
        sample = {
            "minute": minute,
            "rss_mb": round(rss_mb(pid), 1),
            "threads": int(statistics.median(threads)) if threads else _count(
                f"/proc/{pid}/task"),
            "open_files": int(statistics.median(files)) if files else _count(
                f"/proc/{pid}/fd"),
            "max_ui_stall_ms": round(beat.worst * 1000, 1),
            "max_ui_busy_ms": max((st.busy_ms for st in stalls), default=0.0),
            "alarms_painted": len(lat),
            "latency_p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 1)
            if lat else None,
            "open_alarms": desk.model.open_count(),
            "tiles_live": sum(t.view_label() == "live" for t in wall.wall.tiles),
            # The simulator takes a camera offline about every 45 s (and back): those tiles
            # say "Camera offline"; any other tile not live is starting or stuck.
            "tiles_camera_offline": sum(t.view_label() == "offline" for t in wall.wall.tiles),
            "tiles_other": sorted(t.view_label() for t in wall.wall.tiles
                                  if t.view_label() not in ("live", "offline")),
        }
        samples.append(sample)
        print(json.dumps(sample), file=sys.stderr, flush=True)
    beat.timer.stop()
    watchdog.stop()
    await ws.close()
    QApplication.processEvents()

    base = samples[min(warmup, len(samples)) - 1] if samples else None
    last = samples[-1] if samples else None
    after = samples[min(warmup, len(samples) - 1):] if samples else []
    latencies = [s["latency_p99_ms"] for s in after if s["latency_p99_ms"] is not None]
    return {
        "minutes": len(samples),
        "warmup_minutes": warmup,
        "rss_mb_after_warmup": base["rss_mb"] if base else None,
        "rss_mb_at_end": last["rss_mb"] if last else None,
        "rss_growth_pct": round((last["rss_mb"] / base["rss_mb"] - 1) * 100, 1)
        if base and last and base["rss_mb"] else None,
        "threads_growth": last["threads"] - base["threads"] if base and last else None,
        "files_growth": last["open_files"] - base["open_files"] if base and last else None,
        "max_ui_stall_ms": max((s["max_ui_stall_ms"] for s in after), default=None),
        "max_ui_busy_ms": max((s["max_ui_busy_ms"] for s in after), default=None),
        "latency_p99_ms": max(latencies) if latencies else None,
        "latency_p99_median_ms": round(statistics.median(latencies), 1) if latencies else None,
        "goal_rss_growth_pct": 10,
        "samples": samples,
    }


def run(a: argparse.Namespace) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    loop = qasync.QEventLoop(app)
    with loop:
        result = loop.run_until_complete(_soak(a.minutes, max(1, a.warmup), a.rate))
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", type=float,
                    default=float(os.environ.get("SOAK_MINUTES", "30")))
    ap.add_argument("--warmup", type=int, default=5, help="minutes before the baseline sample")
    ap.add_argument("--rate", type=float, default=3.0, help="alarms per second")
    a = ap.parse_args()
    if a.minutes < 1:
        ap.error("--minutes must be at least 1")
    run_on_display("1920x1080x24", lambda: run(a))


if __name__ == "__main__":
    main()
