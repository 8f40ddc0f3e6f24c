"""Every pane of the workstation, registered in one place: name, title, icon, default place,
who may see it, and how it is built.

A pane whose issue has not landed yet has no factory: the shell shows a clear "not available
in this version" page in its place — never fake content. When a pane's issue lands, it adds its
factory here and nothing else in the shell changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import PySide6QtAds as ads
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.panes.alarm_queue import build_alarm_queue
from desktop.panes.big_screen import build_big_screen
from desktop.panes.dashboard import build_dashboard
from desktop.panes.grid_map import build_grid_map
from desktop.panes.unit_board import build_unit_board
from desktop.panes.video_wall import build_video_wall
from desktop.panes.watchlist import build_watchlist
from desktop.shell.pane_context import PaneContext

ALL_ROLES = frozenset({"duty_officer", "supervisor", "video_patrol", "leadership"})


@dataclass(frozen=True)
class PaneSpec:
    name: str
    title: str  # English source text, translated in the "Panes" context
    icon: str  # file name in resources/icons without .svg
    area: ads.DockWidgetArea
    tab_with: str | None  # open as a tab beside this pane by default
    roles: frozenset[str]
    issue: str  # the issue that builds it (shown while it is not available)
    factory: Callable[[PaneContext], QWidget] | None = None

    def translated_title(self) -> str:
        return QCoreApplication.translate("Panes", self.title)


# In the order they are docked by default: the wall takes the middle, the queue docks on its
# left, the map (with the dashboard as a tab) on its right, the board (with the watchlist) below.
PANES: tuple[PaneSpec, ...] = (
    PaneSpec("video_wall", QT_TRANSLATE_NOOP("Panes", "Video wall"), "pane-video-wall",
             ads.CenterDockWidgetArea, None, ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Video wall: live camera tiles"), build_video_wall),
    PaneSpec("alarm_queue", QT_TRANSLATE_NOOP("Panes", "Alarm queue"), "pane-alarm-queue",
             ads.LeftDockWidgetArea, None, ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Alarm queue and the alarm workflow"),
             build_alarm_queue),
    PaneSpec("grid_map", QT_TRANSLATE_NOOP("Panes", "Grid map"), "pane-grid-map",
             ads.RightDockWidgetArea, None, ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Grid map: districts and patrol grids"),
             build_grid_map),
    PaneSpec("dashboard", QT_TRANSLATE_NOOP("Panes", "Dashboard"), "pane-dashboard",
             ads.RightDockWidgetArea, "grid_map", ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Leadership and large-event overview"),
             build_dashboard),
    PaneSpec("big_screen", QT_TRANSLATE_NOOP("Panes", "Big screen"), "pane-dashboard",
             ads.RightDockWidgetArea, "grid_map", ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Big-screen mode for the hall wall"), build_big_screen),
    PaneSpec("unit_board", QT_TRANSLATE_NOOP("Panes", "Unit board"), "pane-unit-board",
             ads.BottomDockWidgetArea, None, ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Unit status board"), build_unit_board),
    PaneSpec("watchlist", QT_TRANSLATE_NOOP("Panes", "Watchlist"), "pane-watchlist",
             ads.BottomDockWidgetArea, "unit_board", ALL_ROLES,
             QT_TRANSLATE_NOOP("Panes", "Watchlist pane"), build_watchlist),
)


def pane(name: str) -> PaneSpec:
    return next(p for p in PANES if p.name == name)


def panes_for(roles: list[str]) -> list[PaneSpec]:
    """The panes any of ``roles`` may see (all of them before log-in: nothing is shown in
    them until data arrives, and the role is applied when the operator is known)."""
    if not roles:
        return list(PANES)
    return [p for p in PANES if p.roles.intersection(roles)]


class UnavailablePage(QWidget):
    """The honest placeholder of a pane whose issue has not landed."""

    def __init__(self, spec: PaneSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unavailablePage")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(spec.translated_title(), self)
        title.setObjectName("unavailableTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(QCoreApplication.translate(
            "Panes", "Not available in this version.\nIt comes with: {issue}").format(
                issue=QCoreApplication.translate("Panes", spec.issue)), self)
        text.setObjectName("unavailableText")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addStretch(2)
