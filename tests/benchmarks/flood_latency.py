"""Push → painted latency and the longest UI stall of the demo workstation under the reference
server's flood (used by bench_alarms.py; needs a display)."""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime
from typing import Any

import qasync
from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop.app import prepare_application
from desktop.shell.workstation import Options, Workstation

os.environ.setdefault("CCW_AUDIO_OUTPUT", "adummy")  # no sound card needed
TICK = 0.1  # the simulator steps ten times a second: alarms are pushed as they are made


class _PaintClock(QObject):
    """Notes when each inserted alarm's row was first part of a painted viewport."""

    def __init__(self, desk: Any) -> None:
        super().__init__()
        self.model = desk.model
        self.waiting: dict[str, float] = {}  # alarm id → its created_at (epoch seconds)
        self.latencies: list[float] = []
        self.seen: set[str] = set()
        self.model.rowsInserted.connect(self._inserted)
        desk.view.table().viewport().installEventFilter(self)

    def _inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            alarm = self.model.alarm_at(row)
            if alarm is not None and alarm.id not in self.seen:
                self.seen.add(alarm.id)
                self.waiting[alarm.id] = alarm.created_at.timestamp()

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self.waiting:
            now = datetime.now(UTC).timestamp()
            self.latencies.extend((now - t) * 1000 for t in self.waiting.values())
            self.waiting.clear()
        return False


class _Heartbeat(QObject):
    """A 5 ms timer on the UI thread; the longest gap between its beats is the worst stall."""

    def __init__(self) -> None:
        super().__init__()
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()


async def _flood(seconds: float, rate: float, video: bool) -> dict[str, Any]:
    profile = tempfile.mkdtemp(prefix="ccw-bench-flood-")
    # With video, the demo's wall plays its nine live streams through the flood (native
    # video windows are what made relayouts expensive before).
    options = Options(demo=True, profile=profile, lang="en", demo_args=(
        "--flood", str(rate), "--seed", "4", "--tick", str(TICK),
        "--sim-steps", str(int((seconds + 15) / TICK)), *(("--streams",) if video else ())))
    prepare_application(options)
    ws = Workstation(options)
    await ws.start()
    ws.window.resize(1900, 1000)
    while ws.state.connection.status != "online":
        await asyncio.sleep(0.05)
    desk = ws.window.pane_widgets["alarm_queue"]
    clock = _PaintClock(desk)
    beat = _Heartbeat()
    await asyncio.sleep(2.0)  # past the snapshot: only pushed alarms are measured
    wall = ws.window.pane_widgets.get("video_wall")
    if video and wall is not None:
        for _ in range(200):  # until the wall plays (its tiles start with the cameras)
            if wall.wall.tiles and all(t.view_label() == "live" for t in wall.wall.tiles):
                break
            await asyncio.sleep(0.1)
    clock.latencies.clear()
    clock.waiting.clear()
    beat.start()
    await asyncio.sleep(seconds)
    beat.timer.stop()
    latencies = sorted(clock.latencies)
    open_alarms = desk.model.open_count()
    tiles_live = sum(t.view_label() == "live" for t in wall.wall.tiles) if wall else 0
    await ws.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if not latencies:
        raise RuntimeError("no alarm was painted during the flood")
    return {
        "flood_rate_per_s": rate,
        "flood_seconds": seconds,
        "alarms_measured": len(latencies),
        "open_alarms_at_end": open_alarms,
        "latency_p50_ms": round(statistics.median(latencies), 1),
        "latency_p99_ms": round(latencies[min(len(latencies) - 1,
                                              int(len(latencies) * 0.99))], 1),
        "latency_max_ms": round(latencies[-1], 1),
        "max_ui_stall_ms": round(beat.worst * 1000, 1),
        "video_tiles_live": tiles_live,
    }


def measure_flood(seconds: float, rate: float, video: bool = False) -> dict[str, Any]:
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(_flood(seconds, rate, video))
    finally:
        loop.close()
