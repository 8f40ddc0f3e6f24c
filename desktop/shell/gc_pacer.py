"""``GcPacer``: keeps Python's cycle collector from freezing the UI thread in a flood.

A full (generation 2) collection walks every tracked object; with a shift's worth of alarms,
units and their versions that is hundreds of thousands of objects and took 74 ms on the UI
thread in the 200-alarms-a-second flood test — a visible stall, at the worst moment. Nearly
all of these objects are long-lived state that never forms garbage cycles (plain data, freed
by reference counting when replaced).

So the pacer moves the surviving objects out of the collector's sight (``gc.freeze()``) every
minute, which keeps automatic full collections small (they only see what is newer), and runs
the real full collection (``unfreeze`` + ``collect``) only when the hall is quiet — no change
set for a few seconds — so cycles do not pile up. Young cycles are still collected at once by
the automatic generation 0/1 collections.
"""

from __future__ import annotations

import gc
import logging
import time

from PySide6.QtCore import QObject, QTimer

from backend_client.changes import ChangeSet
from desktop.state.hall import HallState

log = logging.getLogger(__name__)

FREEZE_EVERY_S = 60.0
QUIET_S = 3.0  # no change set for this long: a full collection will not be noticed
FULL_AT_MOST_EVERY_S = 600.0


class GcPacer(QObject):
    def __init__(self, hall: HallState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._last_change = time.monotonic()
        self._last_full = time.monotonic()
        self.full_collections = 0
        self.freezes = 0
        self._unsubscribe = hall.subscribe(self._changed)
        self._timer = QTimer(self)
        self._timer.setInterval(int(FREEZE_EVERY_S * 1000))
        self._timer.timeout.connect(self.pace)
        self._timer.start()
        gc.freeze()  # what start-up made lives as long as the workstation

    def _changed(self, changes: ChangeSet) -> None:
        self._last_change = time.monotonic()
        if changes.reset:  # a snapshot (or the cache): the bulk of the state, to be kept
            gc.freeze()
            self.freezes += 1

    def pace(self) -> None:
        now = time.monotonic()
        if now - self._last_change >= QUIET_S and now - self._last_full >= FULL_AT_MOST_EVERY_S:
            started = time.perf_counter()
            gc.unfreeze()
            found = gc.collect()
            gc.freeze()
            self._last_full = now
            self.full_collections += 1
            log.info("full garbage collection while quiet: %d objects freed in %.0f ms",
                     found, (time.perf_counter() - started) * 1000)
        else:
            gc.freeze()
            self.freezes += 1

    def close(self) -> None:
        """Stop pacing and hand everything back to the collector (a test run opens many
        workstations in one process; their frozen leftovers must not pile up)."""
        self._timer.stop()
        self._unsubscribe()
        gc.unfreeze()
