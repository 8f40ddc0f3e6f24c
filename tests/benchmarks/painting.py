"""What the benchmarks that paint share: counting a viewport's real paints, waiting for one,
letting timers run, checking two windows do not cover each other, and the p50/p99 figures."""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

PAINT_TIMEOUT_S = 5.0


class PaintCounter(QObject):
    """Counts Paint events reaching a viewport: the proof that a timed paint happened."""

    def __init__(self, viewport: QWidget) -> None:
        super().__init__()
        self.count = 0
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def paint_now(app: QApplication, counter: PaintCounter) -> None:
    """Process events until the viewport has painted once (the scene's deferred dirty-item
    pass and the UpdateRequest it posts normally land in one processEvents call)."""
    before = counter.count
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while counter.count == before:
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the viewport did not paint after an update")


def display_floor(app: QApplication, window: QWidget, steps: int, gap_s: float) -> list[float]:
    """Milliseconds to repaint an empty window as large as ``window``, in its place, ``steps``
    times: what any board pays on this display (event delivery, filling the background, the
    X server taking the picture) before drawing anything. ``window`` is hidden meanwhile."""
    blank = QWidget()
    blank.setAutoFillBackground(True)
    blank.setGeometry(window.geometry())
    window.hide()
    blank.show()
    counter = PaintCounter(blank)
    settle(app, 0.3)
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        blank.update()
        paint_now(app, counter)
        times.append((time.perf_counter() - t0) * 1000)
        settle(app, gap_s)
    blank.hide()
    window.show()
    settle(app, 0.3)
    return times


def settle(app: QApplication, seconds: float) -> None:
    """Let timers (the map's debounced zoom work, auto-fit) and first paints run."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def overlapping(a: QWidget, b: QWidget) -> str:
    """How two shown windows overlap on the screen ("" when they do not)."""
    ra, rb = a.frameGeometry(), b.frameGeometry()
    screen = a.screen().geometry()
    if not ra.intersects(rb) and screen.contains(ra) and screen.contains(rb):
        return ""
    return (f"screen {screen.width()}x{screen.height()}, windows at {ra.x()},{ra.y()} and"
            f" {rb.x()},{rb.y()}")


# --- the naive baseline --------------------------------------------------------------------------


def stats(values: Sequence[float]) -> dict[str, float]:
    arr = np.asarray(values, dtype=float)
    return {"p50": round(float(np.percentile(arr, 50)), 2),
            "p99": round(float(np.percentile(arr, 99)), 2),
            "max": round(float(arr.max()), 2),
            "mean": round(float(arr.mean()), 2)}
