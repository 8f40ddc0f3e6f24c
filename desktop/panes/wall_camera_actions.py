"""``WallCameraActions``: what an officer does with the camera on a wall tile — its menu, a
snapshot to a PNG file (audited), a patrol note (on an open alarm that links the camera, or a
new alarm with the camera linked), PTZ presets, and in the demo the fault menu.

Snapshots are evidence: the file is named by camera and time, and writing it leaves an audit
record (who, which camera, which file) before the officer is told where it is.
"""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from backend_client import schemas as s
from desktop.panes.pane_tasks import PaneTasks
from desktop.shell.pane_context import PaneContext
from desktop.video.tile import VideoTile
from desktop.video.wall import VideoWall
from widgets.alarm_dialogs import PatrolNoteDialog
from widgets.i18n import tr

log = logging.getLogger(__name__)

SNAPSHOT_KEYS = "Ctrl+Shift+S"
PATROL_NOTE_KEYS = "Ctrl+Shift+N"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')  # not in a file name on any of our platforms


def snapshot_name(camera: s.Camera, at: datetime) -> str:
    """``C012_北门卡口_20261129-171905.png``: sorts by camera, then by time."""
    name = _UNSAFE.sub("_", camera.name).strip("_.")[:60] or "camera"
    return f"{camera.id}_{name}_{at.strftime('%Y%m%d-%H%M%S')}.png"


class WallCameraActions(QObject):
    def __init__(self, host: QWidget, wall: VideoWall, ctx: PaneContext,
                 tasks: PaneTasks) -> None:
        super().__init__(host)
        self.host = host
        self.wall = wall
        self.ctx = ctx
        self.tasks = tasks
        self.dialog: PatrolNoteDialog | None = None  # the one open (tests look at it)
        wall.tile_menu.connect(self.show_menu)

    def _tell(self, text: str, level: s.NoticeLevel = "info") -> None:
        self.ctx.session.tell(level, text)

    def _tile(self, index: int | None) -> VideoTile | None:
        if index is None or not 0 <= index < len(self.wall.tiles):
            return None
        return self.wall.tiles[index]

    # --- the tile's menu ---------------------------------------------------------------------

    def show_menu(self, index: int, pos: QPoint) -> None:
        menu = self.menu_for(index)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(pos)

    def menu_for(self, index: int) -> QMenu:
        tile = self._tile(index)
        camera = tile.camera if tile is not None else None
        menu = QMenu(self.host)
        focused = self.wall.state.focused == index
        menu.addAction(tr("Back to the wall") if focused else tr("Fill the wall"),
                       QKeySequence("Enter"), lambda: self.wall.focus_tile(
                           None if focused else index))
        if camera is None:
            menu.addAction(tr("Type a camera number, then Enter")).setEnabled(False)
            return menu
        menu.addAction(tr("Snapshot"), QKeySequence(SNAPSHOT_KEYS), lambda: self.snapshot(index))
        menu.addAction(tr("Patrol note…"), QKeySequence(PATROL_NOTE_KEYS),
                       lambda: self.patrol_note(index))
        if camera.ptz:
            presets = menu.addMenu(tr("PTZ preset"))
            for n in range(1, 10):
                presets.addAction(tr("Preset {n}").format(n=n), QKeySequence(f"Alt+{n}"),
                                  lambda n=n: self.wall.ptz_requested.emit(camera.id,
                                                                           {"preset": n}))
        menu.addAction(tr("Remove from this tile"),
                       lambda: self.wall.assign_tile(index, None))
        if self.ctx.stream_fault is not None:
            demo = menu.addMenu(tr("Demo faults"))
            demo.addAction(tr("Make this stream fail"), lambda: self.fault(index, True))
            demo.addAction(tr("Let this stream recover"), lambda: self.fault(index, False))
        return menu

    # --- snapshot ------------------------------------------------------------------------------

    def snapshot(self, index: int | None = None) -> None:
        """The picture of tile ``index`` (default: the tile the officer works with)."""
        index = self.wall.current_tile() if index is None else index
        tile = self._tile(index)
        if tile is None or tile.camera is None:
            self._tell(tr("Click the tile to take a snapshot of first."), "warning")
            return
        camera = tile.camera
        folder = self.ctx.snapshots
        if folder is None:
            self._tell(tr("Snapshots cannot be saved at this workstation."), "warning")
            return
        path = folder / snapshot_name(camera, datetime.now())
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            log.error("snapshot folder %s: %s", folder, e)
            self._tell(tr("The snapshot folder cannot be written: {folder}").format(
                folder=folder), "critical")
            return
        if not tile.snapshot(str(path)):
            self._tell(tr("No picture to take: {camera} is not playing.").format(
                camera=camera.name), "warning")
            return
        self.tasks.spawn(self._saved(camera, path))

    async def _saved(self, camera: s.Camera, path: Path) -> None:
        # libVLC writes the file from its video thread; give it a moment to appear.
        for _ in range(30):
            if path.exists() and path.stat().st_size > 0:
                break
            await asyncio.sleep(0.1)
        else:
            log.error("snapshot %s of %s was not written", path, camera.id)
            self._tell(tr("The snapshot of {camera} could not be written.").format(
                camera=camera.name), "critical")
            return
        try:
            await self.ctx.audit("snapshot", "camera", camera.id,
                                 {"camera_name": camera.name, "file": str(path)})
        except Exception:
            log.exception("audit of the snapshot %s failed", path)
            self._tell(tr("Could not write the audit record; see the log."), "critical")
            return
        self._tell(tr("Snapshot of {camera} saved: {file}").format(camera=camera.name,
                                                                  file=path))

    # --- patrol note ---------------------------------------------------------------------------

    def linked_alarms(self, camera_id: str) -> list[s.Alarm]:
        """Open alarms that link this camera, the most urgent and newest first."""
        alarms = [a for a in self.ctx.hall.alarms.values()
                  if camera_id in a.camera_ids and a.state != "closed"]
        return sorted(alarms, key=lambda a: (a.priority, -a.created_at.timestamp()))

    def patrol_note(self, index: int | None = None) -> None:
        index = self.wall.current_tile() if index is None else index
        tile = self._tile(index)
        actions = self.ctx.actions
        if tile is None or tile.camera is None:
            self._tell(tr("Click the tile of the camera the note is about first."), "warning")
            return
        if actions is None:
            self._tell(tr("Not connected to the central services yet."), "warning")
            return
        camera = tile.camera
        alarms = [a for a in self.linked_alarms(camera.id) if not actions.why_not("add_note", a)]
        if not alarms and actions.why_not("raise_alarm", None):
            self._tell(tr(actions.why_not("raise_alarm", None)), "warning")
            return
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.reject()
        dialog = PatrolNoteDialog(camera.name, alarms, self.host)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._post(camera, dialog.values()))
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.open()

    def _forget(self, dialog: PatrolNoteDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _post(self, camera: s.Camera, values: dict[str, Any]) -> None:
        actions = self.ctx.actions
        if actions is None:
            self._tell(tr("Not connected to the central services yet."), "warning")
            return
        text = str(values["text"])
        alarm_id = values["alarm_id"]
        if alarm_id:
            self.tasks.run(actions.add_note(str(alarm_id), tr("Video patrol, {camera}: {text}")
                                            .format(camera=camera.name, text=text)),
                           done=lambda _r: self._tell(tr("Note added to {id}.").format(
                               id=alarm_id)))
            return
        title = text.splitlines()[0][:80]
        location = s.AlarmLocation(lat=camera.location.lat, lon=camera.location.lon)
        self.tasks.run(actions.raise_alarm(str(values["kind"]), int(values["priority"]),
                                           title, text, location, [camera.id]),
                       done=lambda _r: self._tell(tr("Alarm raised."), "info"))

    # --- the demo's faults ---------------------------------------------------------------------

    def fault(self, index: int, fail: bool) -> None:
        tile = self._tile(index)
        fault = self.ctx.stream_fault
        if tile is None or tile.camera is None or fault is None:
            return
        camera_id = tile.camera.id

        async def send() -> None:
            why = await fault(camera_id, fail)
            if why:
                self._tell(tr(why), "warning")

        self.tasks.spawn(send())
