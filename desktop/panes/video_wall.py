"""The video wall pane: the camera tree beside the wall, a layout bar above it.

Cameras come from ``HallState`` (their streams and status follow every change set); the wall's
layout and tile assignments are the pane's state, saved in the shell's named layouts. Other
panes put cameras on the wall through ``PaneContext.wall`` (the alarm card's "show on wall").
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QMenu,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backend_client.changes import ChangeSet
from desktop.panes.pane_tasks import PaneTasks
from desktop.panes.tour_editor import TourEditor
from desktop.panes.wall_camera_actions import (
    PATROL_NOTE_KEYS,
    SNAPSHOT_KEYS,
    WallCameraActions,
)
from desktop.panes.wall_layout_editor import WallLayoutEditor
from desktop.panes.wall_memory import WallMemory
from desktop.panes.wall_tours import WallTours
from desktop.settings import UserSettings
from desktop.shell.pane_context import PaneContext
from desktop.state.named_book import NamedBook
from desktop.state.tours import Tour, TourPlan, groups_of
from desktop.state.wall_layouts import BY_NAME, STANDARD, WallLayout, WallState
from desktop.video.rendering import VideoMode, detect_gpu
from desktop.video.tile import VideoEngine
from desktop.video.wall import VideoWall
from widgets.camera_tree import CameraTree
from widgets.colors import PRIORITY_COLORS
from widgets.i18n import tr

log = logging.getLogger(__name__)

TREE_REFRESH_MS = 2000
TOURS_FILE = "wall-tours.json"
LAYOUTS_FILE = "wall-layouts.json"
LAST_WALL_FILE = "video-wall-last.json"
# Keys for the standard layouts, in the tool bar's order (1, 4, 9, 16, 25, 36, 1+5, 1+7,
# 2+8, 1+12); Ctrl+1..9 alone belong to the shell's named layouts.
LAYOUT_KEYS = (*(f"Ctrl+Alt+{n}" for n in range(1, 10)), "Ctrl+Alt+0")


class VideoWallPane(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoWallPane")
        self.ctx = ctx
        self.engine = VideoEngine.for_mode(self._video_mode(ctx.settings()))
        if self.engine.problem is not None:  # no libVLC: said once; each tile says it too
            ctx.session.tell("warning", self.engine.problem)
        self._shut = False
        self._chosen = False  # the officer (or a saved layout) has put cameras on the wall
        self.wall = VideoWall(self.engine, self)
        self.wall.state_changed.connect(self._state_changed)
        self.wall.ptz_requested.connect(self._ptz)
        self.tasks = PaneTasks(lambda text, level: ctx.session.tell(level, text))  # type: ignore[arg-type]
        self.camera_actions = WallCameraActions(self, self.wall, ctx, self.tasks)
        for keys, act in ((SNAPSHOT_KEYS, self.camera_actions.snapshot),
                          (PATROL_NOTE_KEYS, self.camera_actions.patrol_note)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda act=act: act())
        self.tree = CameraTree(self)
        self.tree.cameras_activated.connect(self._show_cameras)

        # A tool bar, not a row of buttons: on a narrow wall screen it folds the rest into
        # its overflow menu instead of forcing the pane wider than the monitor.
        self._buttons = QButtonGroup(self)
        self._buttons.setExclusive(True)
        bar = QToolBar(self)
        bar.setObjectName("videoWallLayouts")
        layout_label = tr("Layout")  # lupdate does not see tr() inside an f-string
        bar.addWidget(QLabel(f" {layout_label} ", self))
        for key, layout in zip(LAYOUT_KEYS, STANDARD, strict=True):
            button = QToolButton(self)
            button.setText(layout.name)
            button.setCheckable(True)
            button.setToolTip(tr("{n} tiles ({keys})").format(
                n=len(layout), keys=QKeySequence(key).toString(
                    QKeySequence.SequenceFormat.NativeText)))
            button.clicked.connect(lambda _=False, name=layout.name: self.set_layout(name))
            self._buttons.addButton(button)
            bar.addWidget(button)
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda name=layout.name: self.set_layout(name))
        # The hall's own layouts (row and column spans), beside the standard ones.
        self.layout_book: NamedBook[WallLayout] = NamedBook(
            ctx.config / LAYOUTS_FILE if ctx.config else None, "layouts", WallLayout.from_dict,
            "custom wall layouts")
        if self.layout_book.problem:
            ctx.session.tell("warning", tr("Some of your wall layouts could not be read; see "
                                           "the log."))
        self._custom = QToolButton(self)
        self._custom.setText(tr("Custom"))
        self._custom.setCheckable(True)
        self._custom.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.custom_menu = QMenu(self._custom)
        self.custom_menu.aboutToShow.connect(self._fill_custom_menu)
        self._custom.setMenu(self.custom_menu)
        bar.addWidget(self._custom)
        self.layout_editor: WallLayoutEditor | None = None
        self._alarm = QLabel(self)  # the alarm whose cameras are shown, in its colour
        self._alarm_action = bar.addWidget(self._alarm)
        self._alarm_action.setVisible(False)
        self._back = QToolButton(self)  # after an alarm interrupted a tour: back to it
        self._back.setText(tr("Back to the tour"))
        self._back_action = bar.addWidget(self._back)
        self._back_action.setVisible(False)
        bar.addSeparator()
        self.tour_book: NamedBook[TourPlan] = NamedBook(
            ctx.config / TOURS_FILE if ctx.config else None, "tours", TourPlan.from_dict,
            "saved tours")
        if self.tour_book.problem:
            ctx.session.tell("warning", tr("Some saved tours could not be read; see the log."))
        self.tours = WallTours(self, self.tree.visible_camera_ids,
                               lambda: len(self.wall.state.layout), self.tour_book,
                               lambda: groups_of(ctx.hall.cameras.values()),
                               self.wall.current_tile)
        self.tours.show.connect(self._tour_step)
        self.tours.edit_requested.connect(self.edit_tours)
        self.tour_editor: TourEditor | None = None
        self._back.clicked.connect(self._back_to_tour)
        bar.addWidget(self.tours.button)
        bar.addWidget(self.tours.label)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        right_layout.addWidget(bar)
        right_layout.addWidget(self.wall, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([240, 960])
        splitter.setCollapsible(0, True)  # a wall screen may hide the tree entirely
        self.tree.setMinimumWidth(0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.memory = WallMemory(ctx.config / LAST_WALL_FILE if ctx.config else None,
                                 self.pane_state, self)
        self.wall.shown.connect(self.memory.changed)
        self.tours.show.connect(lambda *_: self.memory.changed())

        self._tree_timer = QTimer(self)
        self._tree_timer.setSingleShot(True)
        self._tree_timer.setInterval(TREE_REFRESH_MS)
        self._tree_timer.timeout.connect(self._refresh_tree)
        self._unsubscribe = ctx.hall.subscribe(self._hall_changed)
        ctx.wall.attach(self.show_alarm_cameras)
        self.destroyed.connect(lambda *_: self._cleanup())
        if ctx.hall.loaded:
            self._hall_changed(ChangeSet(reset=True))
        self._mark_layout()

    # --- the layout's part ---------------------------------------------------------------------

    def pane_state(self) -> dict[str, Any]:
        return {**self.wall.pane_state(), "tour": self.tours.to_dict()}

    def restore_pane_state(self, state: dict[str, Any]) -> None:
        wall, problem = WallState.from_dict(state)
        if problem:
            log.warning("video wall state: %s", problem)
            self.ctx.session.tell("warning", tr("The saved video wall could not be used "
                                                "entirely; the standard wall is shown."))
        self.wall.show_state(wall)
        self._chosen = self._chosen or any(wall.cameras)
        self._mark_layout()
        tour = state.get("tour") if isinstance(state, dict) else None
        if tour:
            try:
                self.tours.start(Tour.from_dict(tour))
            except ValueError as e:
                log.warning("saved tour not usable: %s", e)

    def resume_last_state(self) -> None:
        """At start-up, unless a layout was asked for: the wall as it was when the
        workstation stopped."""
        last = self.memory.recall()
        if last is not None:
            self.restore_pane_state(last)

    # --- actions -------------------------------------------------------------------------------

    def set_layout(self, name: str) -> None:
        layout = BY_NAME.get(name) or self.layout_book.get(name)
        if layout is not None:
            self.wall.show_state(self.wall.state.with_layout(layout))
            self._mark_layout()

    def show_alarm_cameras(self, camera_ids: list[str], priority: int | None) -> None:
        """An alarm's linked cameras, nearest first, from the largest tile on (a running
        tour waits until the officer goes back to it)."""
        self._chosen = True
        self.tours.interrupt(camera_ids)
        self._back_action.setVisible(self.tours.running)
        self.wall.show_state(self.wall.state.show(camera_ids))
        if priority in PRIORITY_COLORS:
            swatch = PRIORITY_COLORS[priority]
            alarm_label = tr("Alarm cameras")
            self._alarm.setText(f" {alarm_label} ")
            self._alarm.setStyleSheet(f"background: {swatch.background}; color: {swatch.text};")
            self._alarm_action.setVisible(True)
        else:
            self._alarm_action.setVisible(False)

    def _tour_step(self, camera_ids: list[str], tile: int | None) -> None:
        self._chosen = True
        if tile is None:
            self.wall.show_state(self.wall.state.show(camera_ids))
        elif tile < len(self.wall.state.layout) and camera_ids:
            self.wall.show_state(self.wall.state.assign(tile, camera_ids[0], exclusive=False))

    def edit_tours(self) -> None:
        if self.tour_editor is not None and self.tour_editor.isVisible():
            self.tour_editor.raise_()
            return
        editor = TourEditor(self.tour_book, self.ctx.hall.cameras,
                            groups_of(self.ctx.hall.cameras.values()), self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.destroyed.connect(lambda *_: setattr(self, "tour_editor", None))
        self.tour_editor = editor
        editor.open()

    def _back_to_tour(self) -> None:
        self._back_action.setVisible(False)
        self._alarm_action.setVisible(False)
        self.tours.dismiss()

    def _show_cameras(self, camera_ids: list[str]) -> None:
        self._chosen = True
        self.wall.show_state(self.wall.state.show(camera_ids))
        self._alarm_action.setVisible(False)

    def _ptz(self, camera_id: str, body: dict[str, Any]) -> None:
        async def send() -> None:
            why = await self.ctx.ptz(camera_id, body)
            if why:
                self.ctx.session.tell("warning", tr(why))

        self.tasks.spawn(send())

    # --- settings ------------------------------------------------------------------------------

    @staticmethod
    def _video_mode(settings: UserSettings) -> VideoMode:
        gpu = detect_gpu() if settings.video_rendering == "auto" else None
        return VideoMode.choose(settings.video_rendering, settings.video_latency, gpu)

    def apply_settings(self, settings: UserSettings) -> None:
        """Rendering or latency changed: the wall plays on through a new engine (each tile
        restarts its stream; libVLC's options are fixed per instance)."""
        mode = self._video_mode(settings)
        if mode == self.engine.mode or self._shut:
            return
        old, self.engine = self.engine, VideoEngine.for_mode(mode)
        self.wall.set_engine(self.engine)
        old.release()

    def _state_changed(self, _state: WallState) -> None:
        self._chosen = True
        self._mark_layout()

    def _mark_layout(self) -> None:
        name = self.wall.state.layout.name
        for button in self._buttons.buttons():
            button.setChecked(button.text() == name)
        custom = name not in BY_NAME
        self._custom.setChecked(custom)
        self._custom.setText(name if custom else tr("Custom"))

    def _fill_custom_menu(self) -> None:
        menu = self.custom_menu
        menu.clear()
        for layout in self.layout_book.items():
            action = menu.addAction(tr("{name} ({n} tiles)").format(name=layout.name,
                                                                     n=len(layout)))
            action.triggered.connect(lambda _=False, name=layout.name: self.set_layout(name))
        if self.layout_book.items():
            menu.addSeparator()
        menu.addAction(tr("Edit layouts…"), self.edit_layouts)

    def edit_layouts(self) -> None:
        if self.layout_editor is not None and self.layout_editor.isVisible():
            self.layout_editor.raise_()
            return
        editor = WallLayoutEditor(self.layout_book, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.destroyed.connect(lambda *_: setattr(self, "layout_editor", None))
        self.layout_editor = editor
        editor.open()

    # --- from the state ------------------------------------------------------------------------

    def _hall_changed(self, changes: ChangeSet) -> None:
        hall = self.ctx.hall
        if changes.reset:
            self._tree_timer.stop()
            self.wall.set_cameras(hall.cameras)
            self._refresh_tree()
        elif changes.cameras or changes.grids:
            # The tree is rebuilt at most every two seconds: camera status flaps during a
            # flood must not rebuild a few hundred rows per change set.
            if not self._tree_timer.isActive():
                self._tree_timer.start()
            if changes.cameras:
                self.wall.set_cameras(hall.cameras)
    def _refresh_tree(self) -> None:
        hall = self.ctx.hall
        self.tree.set_cameras(hall.cameras, hall.grids)
        if not any(self.wall.state.cameras) and not self._chosen and hall.cameras:
            # A fresh workstation (nothing saved, nothing chosen yet) starts with the first
            # cameras of the tree rather than an empty wall.
            first = [c for c in self.tree.visible_camera_ids()
                     if hall.cameras[c].status == "online"]
            self.wall.show_state(self.wall.state.show(first[:len(self.wall.state.layout)]))

    def shutdown(self) -> None:
        """The workstation is closing: release every player, then libVLC (while the tiles
        still exist — a player outliving its window, or libVLC outliving its players, can
        crash at exit)."""
        if self._shut:
            return
        self._shut = True
        self.memory.save_now()  # with the running tour, before it stops
        self._tree_timer.stop()
        self.tours.stop()
        self._cleanup()
        self.tasks.cancel()
        self.wall.stop()
        self.engine.release()

    def _cleanup(self) -> None:
        # Python-only: this also runs from ``destroyed``, when the widgets are already gone.
        self._unsubscribe()
        self.ctx.wall.attach(None)


def build_video_wall(ctx: PaneContext) -> QWidget:
    return VideoWallPane(ctx)
