"""Debug mode: log any stall of the UI thread over 50 ms, with the stack it was stuck in.

A timer on the UI thread stamps a heartbeat every 10 ms; a watcher thread checks the stamp
and, when it is older than the limit, logs the UI thread's current stack once per stall (from
``sys._current_frames``, which is exactly the frame the UI thread is executing). Cheap enough
to leave on in debug builds; off by default.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class StallWatchdog(QObject):
    def __init__(self, limit_ms: float = 50.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.limit = limit_ms / 1000.0
        self.stalls = 0
        self._ui_thread = threading.get_ident()
        self._beat = time.monotonic()
        self._stop = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._stamp)
        self._thread = threading.Thread(target=self._watch, name="ccw-stall-watchdog",
                                        daemon=True)

    def start(self) -> None:
        self._beat = time.monotonic()
        self._timer.start()
        self._thread.start()

    def stop(self) -> None:
        self._timer.stop()
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(1.0)

    def _stamp(self) -> None:
        self._beat = time.monotonic()

    def _watch(self) -> None:
        reported = False
        while not self._stop.wait(self.limit / 2):
            late = time.monotonic() - self._beat
            if late <= self.limit + 0.010:  # the timer's own 10 ms period is not a stall
                reported = False
                continue
            if reported:
                continue
            reported = True
            self.stalls += 1
            frame = sys._current_frames().get(self._ui_thread)
            stack = "".join(traceback.format_stack(frame)) if frame else "(no frame)"
            log.warning("UI thread stalled for over %.0f ms; it is in:\n%s", late * 1000, stack)
