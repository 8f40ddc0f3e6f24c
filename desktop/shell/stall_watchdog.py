"""Debug mode: log any stall of the UI thread over 50 ms, with the stack it was stuck in.

A timer on the UI thread stamps a heartbeat every 10 ms; a watcher thread checks the stamp
and, when it is older than the limit, logs the UI thread's current stack once per stall (from
``sys._current_frames``, which is exactly the frame the UI thread is executing). Cheap enough
to leave on in debug builds; off by default.

Each stall also records how much CPU time the UI thread itself spent in it. A stall in which
the UI thread was busy for longer than the limit is the application's own work (``busy``);
one in which it mostly waited was the machine's (other processes had the cores: a shared
test machine, a video decoder) or another thread's (the GIL). The flood test holds the
application to the first; the benchmark reports the wall-clock figure.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stall:
    wall_ms: float  # how long the heartbeat was late
    busy_ms: float  # how much of it the UI thread spent on the CPU
    gc_ms: float  # how much of it went to Python's cycle collector on the UI thread
    stack: str  # where the UI thread was when the stall was first seen


class StallWatchdog(QObject):
    def __init__(self, limit_ms: float = 50.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit_ms / 1000.0
        self.stalls = 0
        self.records: list[Stall] = []  # the stalls that have ended, in order
        self._ui_thread = threading.get_ident()
        self._beat = time.monotonic()
        self._beat_cpu = time.thread_time()  # the UI thread's CPU time at the last beat
        self._gc_total = 0.0  # seconds of cycle collection on the UI thread
        self._gc_started = 0.0
        self._beat_gc = 0.0
        self._stop = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._stamp)
        self._thread = threading.Thread(target=self._watch, name="ccw-stall-watchdog",
                                        daemon=True)

    @property
    def busy_stalls(self) -> list[Stall]:
        """The ended stalls in which the UI thread itself worked for longer than the limit."""
        return [s for s in self.records if s.busy_ms > self.limit * 1000]

    def start(self) -> None:
        gc.callbacks.append(self._collecting)
        self._stamp()
        self._timer.start()
        self._thread.start()

    def stop(self) -> None:
        if self._collecting in gc.callbacks:
            gc.callbacks.remove(self._collecting)
        self._timer.stop()
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(1.0)

    def _stamp(self) -> None:
        # The CPU time first: the watcher reads the pair after seeing the new beat.
        self._beat_cpu = time.thread_time()
        self._beat_gc = self._gc_total
        self._beat = time.monotonic()

    def _collecting(self, phase: str, _info: dict[str, int]) -> None:
        if threading.get_ident() != self._ui_thread:
            return
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            self._gc_total += time.perf_counter() - self._gc_started

    def _watch(self) -> None:
        # While late: (the beat, its CPU and GC times, the stack).
        stalled: tuple[float, float, float, str] | None = None
        while not self._stop.wait(self.limit / 2):
            beat, beat_cpu, beat_gc = self._beat, self._beat_cpu, self._beat_gc
            if stalled is not None and beat != stalled[0]:  # the stall is over: measure it
                self.records.append(Stall(round((beat - stalled[0]) * 1000, 1),
                                          round((beat_cpu - stalled[1]) * 1000, 1),
                                          round((beat_gc - stalled[2]) * 1000, 1), stalled[3]))
                stalled = None
            late = time.monotonic() - beat
            if stalled is not None or late <= self.limit + 0.010:  # (the timer's own period)
                continue
            self.stalls += 1
            frame = sys._current_frames().get(self._ui_thread)
            stack = "".join(traceback.format_stack(frame)) if frame else "(no frame)"
            stalled = (beat, beat_cpu, beat_gc, stack)
            log.warning("UI thread stalled for over %.0f ms; it is in:\n%s", late * 1000, stack)
