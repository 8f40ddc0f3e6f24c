"""``WallTours``: the wall pane's tour (轮巡) control — start a tour of the cameras the tree
shows or a saved named tour (on the whole wall or one tile), pause and resume it, let an alarm
interrupt it, go back to it, and edit the saved tours.

The cycling itself is ``desktop.state.tours.TourRunner`` (pure, tested alone); this runs its
clock on a one-second timer and asks the wall to show each step (``show``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QToolButton, QWidget

from desktop.state.named_book import NamedBook
from desktop.state.tours import Tour, TourPlan, TourRunner
from widgets.i18n import tr

DEFAULT_DWELL_S = 15.0


class WallTours(QObject):
    # Camera ids for the wall (a tour step, or back to it) and the tile of a one-tile tour
    # (None: the whole wall).
    show = Signal(list, object)
    edit_requested = Signal()  # "Edit tours…"

    def __init__(self, parent: QWidget, cameras: Callable[[], list[str]],
                 tiles: Callable[[], int], book: NamedBook[TourPlan],
                 groups: Callable[[], dict[str, list[str]]],
                 current_tile: Callable[[], int | None]) -> None:
        super().__init__(parent)
        self._cameras = cameras  # what a new tour goes through (the tree's cameras)
        self._tiles = tiles  # how many cameras a step shows (the wall's tiles)
        self.book = book
        self._groups = groups
        self._current_tile = current_tile  # where a one-tile tour runs
        self.runner: TourRunner | None = None
        self.button = QToolButton(parent)
        self.button.setText(tr("Tour"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self.button)
        self.menu.aboutToShow.connect(self._fill_menu)
        self.button.setMenu(self.menu)
        self._pause = QAction(tr("Pause the tour"), self)
        self._pause.triggered.connect(self.toggle_pause)
        self._stop = QAction(tr("Stop the tour"), self)
        self._stop.triggered.connect(self.stop)
        self._fill_menu()
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
        self._emit()
        self._show_state()
        return True

    def start_plan(self, name: str) -> str:
        """Start the saved tour ``name``: "" when it runs, else why not (for the officer)."""
        plan = self.book.get(name)
        if plan is None:
            return tr("There is no saved tour named {name}.").format(name=name)
        tile = self._current_tile() if plan.one_tile else None
        if plan.one_tile and tile is None:
            tile = 0
        try:
            tour = plan.build(self._tiles(), self._groups(), tile)
        except ValueError:
            return tr("The tour {name} has no cameras left (its groups are empty).").format(
                name=name)
        self.start(tour)
        return ""

    def _emit(self) -> None:
        if self.runner is not None:
            tile = None if self.runner.interruption else self.runner.tour.tile
            self.show.emit(list(self.runner.shown()), tile)

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        menu.addAction(tr("Tour the cameras shown in the tree"), self.start)
        plans = self.book.items()
        if plans:
            menu.addSection(tr("Saved tours"))
        for plan in plans:
            where = tr("one tile") if plan.one_tile else tr("whole wall")
            menu.addAction(tr("{name} ({where}, {s} s)").format(
                name=plan.name, where=where, s=int(plan.dwell_s)),
                lambda name=plan.name: self._start_from_menu(name))
        menu.addAction(tr("Edit tours…"), self.edit_requested.emit)
        menu.addSeparator()
        menu.addAction(self._pause)
        menu.addAction(self._stop)

    def _start_from_menu(self, name: str) -> None:
        why = self.start_plan(name)
        if why:
            self.label.setText(f" {why} ")

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
            self._emit()
            self._show_state()

    def to_dict(self) -> dict[str, Any] | None:
        return self.runner.tour.to_dict() if self.runner is not None else None

    def _tick(self) -> None:
        runner = self.runner
        if runner is not None and runner.tick():
            self._emit()
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
        tour = runner.tour
        where = "" if tour.tile is None else tr(" on tile {n}").format(n=tour.tile + 1)
        tour_label = tr("Tour")
        self.label.setText(f" {tour_label} {tour.name}{where}: {step} · {state} ")
