"""Big-screen mode: a read-only view for the hall's wall and for leadership.

Large type, high contrast and no controls at all: it cycles on a timer (the setting
``big_screen_seconds``) through the dashboard, the map of open alarms and a wall of the cameras
at the most urgent open alarms. It is a pane like any other, so the shell sends it to an extra
screen. The video plays only while the wall view is on screen (a wall screen should not decode
four streams nobody sees).
"""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from desktop.panes.dashboard_feed import DashboardFeed
from desktop.panes.map_marks import alarm_marks, count_overlay, grid_shapes
from desktop.settings import UserSettings
from desktop.shell.pane_context import PaneContext
from desktop.state.wall_layouts import BY_NAME, WallState
from desktop.video.rendering import VideoMode, detect_gpu
from desktop.video.tile import VideoEngine
from desktop.video.wall import VideoWall
from widgets.dashboard import DashboardView
from widgets.grid_map import GridMapView
from widgets.i18n import tr

log = logging.getLogger(__name__)

VIEWS = ("dashboard", "map", "wall")
WALL_LAYOUT = "4"  # 2 × 2: legible across a hall
MAP_REFRESH_MS = 1000


def urgent_cameras(alarms: list[s.Alarm], count: int) -> list[str]:
    """The nearest camera of each of the most urgent open alarms (priority, then oldest),
    each camera once."""
    chosen: list[str] = []
    for alarm in sorted(alarms, key=lambda a: (a.priority, a.created_at, a.id)):
        camera = next((c for c in alarm.camera_ids if c not in chosen), None)
        if camera is not None:
            chosen.append(camera)
        if len(chosen) == count:
            break
    return chosen


class BigScreen(QWidget):
    def __init__(self, ctx: PaneContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bigScreen")
        self.ctx = ctx
        self.setStyleSheet("#bigScreen { background: #000000; } "
                           "#bigScreenTitle, #bigScreenClock { color: #ffffff; "
                           "font-size: 28pt; font-weight: bold; }")
        self.feed = ctx.kpis if ctx.kpis is not None else DashboardFeed(ctx, self)
        self.title = QLabel(self)
        self.title.setObjectName("bigScreenTitle")
        self.clock = QLabel(self)
        self.clock.setObjectName("bigScreenClock")
        head = QHBoxLayout()
        head.setContentsMargins(24, 8, 24, 8)
        head.addWidget(self.title, 1)
        head.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignRight)

        self.dashboard = DashboardView(self)
        self.dashboard.set_big(True)
        self.map = GridMapView(self)
        self.map.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.engine = VideoEngine.for_mode(_video_mode(ctx.settings()))
        self.wall = VideoWall(self.engine, self)
        self.wall.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.views = QStackedWidget(self)
        for view in (self.dashboard, self.map, self.wall):
            self.views.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(head)
        layout.addWidget(self.views, 1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._shut = False
        self._grids_version: tuple[int, ...] = ()
        self.feed.figures_changed.connect(self._figures)
        if self.feed.latest is not None:
            self.dashboard.show_figures(self.feed.latest)
        self._unsubscribe = ctx.hall.subscribe(self._changed)
        self._map_timer = QTimer(self)
        self._map_timer.setSingleShot(True)
        self._map_timer.setInterval(MAP_REFRESH_MS)
        self._map_timer.timeout.connect(self._refresh_map)
        self.cycle = QTimer(self)
        self.cycle.timeout.connect(self.next_view)
        self._clock_timer = QTimer(self)
        self._clock_timer.timeout.connect(self._tick_clock)
        self._clock_timer.start(1000)
        self.apply_settings(ctx.settings())
        self.destroyed.connect(lambda *_: self._unsubscribe())
        self.show_view("dashboard")
        self._tick_clock()

    # --- cycling ------------------------------------------------------------------------------

    @property
    def current(self) -> str:
        return VIEWS[self.views.currentIndex()]

    def next_view(self) -> None:
        # A big screen behind another tab does not cycle: refreshing its map and filling its
        # wall off screen cost the visible panes UI time (and decoded video no one saw).
        if not self.isVisible():
            return
        self.show_view(VIEWS[(self.views.currentIndex() + 1) % len(VIEWS)])

    def show_view(self, name: str) -> None:
        self.views.setCurrentIndex(VIEWS.index(name))
        self.title.setText({"dashboard": tr("Are we on top of it? — overview"),
                            "map": tr("Open alarms on the map"),
                            "wall": tr("Cameras at the most urgent alarms")}[name])
        if name == "map":
            self._refresh_map()
        if name == "wall":
            self._fill_wall()
        elif any(self.wall.state.cameras):
            self.wall.show_state(WallState(BY_NAME[WALL_LAYOUT], ()))  # stops the players
        self.views.currentWidget().update()

    def apply_settings(self, settings: UserSettings) -> None:
        self.cycle.start(settings.big_screen_seconds * 1000)
        if self.feed.parent() is self:  # its own feed (the shared one follows the workstation)
            self.feed.apply_settings(settings)

    # --- what is shown ------------------------------------------------------------------------

    def _figures(self, figures: object) -> None:
        self.dashboard.show_figures(figures)  # type: ignore[arg-type]

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shut:
            self.show_view(self.current)  # what changed while hidden

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        if not self._shut and any(self.wall.state.cameras):
            self.wall.show_state(WallState(BY_NAME[WALL_LAYOUT], ()))  # stops the players

    def _changed(self, changes: ChangeSet) -> None:
        if not self.isVisible():
            return
        if self.current == "map" and not self._map_timer.isActive():
            self._map_timer.start()
        if changes.cameras and self.current == "wall":
            self.wall.set_cameras(self.ctx.hall.cameras)

    def _refresh_map(self) -> None:
        hall = self.ctx.hall
        versions = tuple(sorted(g.version for g in hall.grids.values()))
        if versions != self._grids_version:
            self._grids_version = versions
            self.map.set_grids(grid_shapes(hall.grids.values()))
            self.map.fit()
        open_alarms = list(hall.alarms.values())
        self.map.set_overlay(count_overlay(Counter(a.grid_id for a in open_alarms if a.grid_id),
                                           hall.grids))
        self.map.set_alarms(alarm_marks(open_alarms))

    def _fill_wall(self) -> None:
        hall = self.ctx.hall
        layout = BY_NAME[WALL_LAYOUT]
        online = {c for c, cam in hall.cameras.items() if cam.status == "online"}
        alarms = [a.model_copy(update={"camera_ids": [c for c in a.camera_ids if c in online]})
                  for a in hall.alarms.values()]
        self.wall.set_cameras(hall.cameras)
        self.wall.show_state(WallState(layout, tuple(urgent_cameras(alarms, len(layout)))))

    def _tick_clock(self) -> None:
        self.clock.setText(s.utcnow().astimezone().strftime("%H:%M:%S"))

    def shutdown(self) -> None:
        """Release the players, then libVLC (see the video wall pane)."""
        if self._shut:
            return
        self._shut = True
        self.cycle.stop()
        self._unsubscribe()
        self.wall.stop()
        self.engine.release()


def _video_mode(settings: UserSettings) -> VideoMode:
    gpu = detect_gpu() if settings.video_rendering == "auto" else None
    return VideoMode.choose(settings.video_rendering, "smooth", gpu)  # a wall screen


def build_big_screen(ctx: PaneContext) -> QWidget:
    return BigScreen(ctx)
