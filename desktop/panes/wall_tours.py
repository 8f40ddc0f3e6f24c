"""``WallTours``: the wall pane's tour (轮巡) control — start a tour of the cameras the tree
shows, pause and resume it, let an alarm interrupt it, go back to it.

The cycling itself is ``desktop.state.tours.TourRunner`` (pure, tested alone); this runs its
clock on a one-second timer and asks the wall to show each step (``show``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from desktop.state.tours import Tour, TourRunner
from widgets.i18n import tr

DEFAULT_DWELL_S = 15.0


class WallTours(QObject):
    show = Signal(list)  # camera ids for the wall (a tour step, or back to it)

    def __init__(self, parent: QWidget, cameras: Callable[[], list[str]],
                 tiles: Callable[[], int]) -> None:
        super().__init__(parent)
        self._cameras = cameras  # what a new tour goes through (the tree's cameras)
        self._tiles = tiles  # how many cameras a step shows (the wall's tiles)
        self.runner: TourRunner | None = None
        self.button = QToolButton(parent)
        self.button.setText(tr("Tour"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.button)
        self._start = menu.addAction(tr("Tour the cameras shown in the tree"), self.start)
        self._pause = menu.addAction(tr("Pause the tour"), self.toggle_pause)
        self._stop = menu.addAction(tr("Stop the tour"), self.stop)
        self.button.setMenu(menu)
        self.label = QLabel(parent)
        self.label.setObjectName("videoWallTour")
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self._show_state()

    @property
    def running(self) -> bool:
        return self.runner is not None

    def start(self, tour: Tour | None = None) -> bool:
        """Start ``tour`` (default: the tree's cameras, a wall's worth per step)."""
        if tour is None:
            cameras = self._cameras()
            if not cameras:
                return False
            tour = Tour.of_cameras(tr("Tree"), cameras, self._tiles(), DEFAULT_DWELL_S)
        self.runner = TourRunner(tour, time.monotonic)
        self._timer.start()
        self.show.emit(list(self.runner.shown()))
        self._show_state()
        return True

    def stop(self) -> None:
        self.runner = None
        self._timer.stop()
        self._show_state()

    def toggle_pause(self) -> None:
        if self.runner is None:
            return
        if self.runner.paused:
            self.runner.resume()
        else:
            self.runner.pause()
        self._show_state()

    def interrupt(self, camera_ids: list[str]) -> None:
        """An alarm's cameras take the wall; the tour waits until ``dismiss``."""
        if self.runner is not None:
            self.runner.interrupt(camera_ids)
            self._show_state()

    def dismiss(self) -> None:
        if self.runner is not None and self.runner.interruption is not None:
            self.runner.dismiss()
            self.show.emit(list(self.runner.shown()))
            self._show_state()

    def to_dict(self) -> dict[str, Any] | None:
        return self.runner.tour.to_dict() if self.runner is not None else None

    def _tick(self) -> None:
        runner = self.runner
        if runner is not None and runner.tick():
            self.show.emit(list(runner.shown()))
        self._show_state()

    def _show_state(self) -> None:
        runner = self.runner
        self._pause.setEnabled(runner is not None)
        self._stop.setEnabled(runner is not None)
        if runner is None:
            self.label.setText("")
            self._pause.setText(tr("Pause the tour"))
            return
        self._pause.setText(tr("Resume the tour") if runner.paused else tr("Pause the tour"))
        step = tr("step {i}/{n}").format(i=runner.index + 1, n=len(runner.tour.steps))
        if runner.interruption is not None:
            state = tr("waits for the alarm")
        elif runner.paused:
            state = tr("paused")
        else:
            state = tr("next in {s} s").format(s=int(runner.left_s() + 0.999))
        self.label.setText(f" {tr('Tour')}: {step} · {state} ")
