"""``VideoWall``: the tiles of a ``WallState`` laid out on a grid, each playing its camera.

Tiles are kept across changes: a camera that stays on its tile keeps its player (no black
flash when another tile changes), and a layout change only creates or removes the tiles it
must. A focused tile fills the wall with the camera's main stream while the other tiles stop
decoding (16 hidden players would still cost their CPU); unfocusing restores them.

Cameras are dropped onto tiles from the camera tree (``widgets.camera_tree.CAMERA_MIME``);
dragging a tile onto another swaps them. The wall reports what the officer did as a new
``WallState`` (``state_changed``); the pane keeps it and saves it with the layout.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QGridLayout, QWidget

from backend_client.schemas import Camera
from desktop.state.wall_layouts import WallState
from desktop.video.tile import VideoEngine, VideoTile
from widgets.camera_tree import CAMERA_MIME, camera_number
from widgets.i18n import tr

TILE_MIME = "application/x-ccw-wall-tile"  # the index of a dragged tile
SELECTED_TILE_STYLE = "#videoTile { border: 2px solid #3d8bfd; }"
MAIN_STREAM_MIN_WIDTH = 900  # a tile at least this wide shows the main stream


class _WallTile(VideoTile):
    """A tile that takes camera drops and can be dragged onto another tile."""

    dropped = Signal(int, list)  # this tile's index, camera ids
    number_typed = Signal(int, int)  # this tile's index, the camera number typed
    menu_at = Signal(int, QPoint)  # this tile's index, where its menu was asked for
    chosen = Signal(int)  # the officer clicked or tabbed to this tile
    swapped = Signal(int, int)  # from tile, to tile (this one)
    focus_requested = Signal(int)

    def __init__(self, index: int, engine: VideoEngine, parent: QWidget) -> None:
        super().__init__(engine, parent)
        self.index = index
        self.setAcceptDrops(True)
        self._press: QPoint | None = None
        self.activated.connect(lambda: self.focus_requested.emit(self.index))
        self.number_entered.connect(lambda n: self.number_typed.emit(self.index, n))
        self.menu_requested.connect(lambda pos: self.menu_at.emit(self.index, pos))

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().focusInEvent(event)
        self.chosen.emit(self.index)

    def set_selected(self, selected: bool) -> None:
        style = SELECTED_TILE_STYLE if selected else ""
        if self.styleSheet() != style:  # only on a change: a style sheet re-polishes the tile
            self.setStyleSheet(style)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasFormat(CAMERA_MIME) or event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        data = event.mimeData()
        if data.hasFormat(TILE_MIME):
            source = int(bytes(data.data(TILE_MIME)).decode() or -1)
            if source >= 0 and source != self.index:
                self.swapped.emit(source, self.index)
        elif data.hasFormat(CAMERA_MIME):
            ids = [i for i in bytes(data.data(CAMERA_MIME)).decode().split("\n") if i]
            if ids:
                self.dropped.emit(self.index, ids)
        event.acceptProposedAction()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self._press = event.position().toPoint()
        self.chosen.emit(self.index)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if (self._press is not None and self.camera is not None
                and (event.position().toPoint() - self._press).manhattanLength() > 12):
            drag = QDrag(self)
            mime = QMimeData()
            mime.setData(TILE_MIME, str(self.index).encode())
            drag.setMimeData(mime)
            self._press = None
            drag.exec(Qt.DropAction.MoveAction)
        super().mouseMoveEvent(event)


class VideoWall(QWidget):
    state_changed = Signal(object)  # WallState after the officer dropped, swapped or focused
    ptz_requested = Signal(str, dict)  # a tile's PTZ move: camera id, body
    tile_menu = Signal(int, QPoint)  # the officer asked for a tile's menu: index, where
    shown = Signal()  # a new state is shown (whoever changed it): the pane remembers it

    def __init__(self, engine: VideoEngine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoWall")
        self.engine = engine
        self.state = WallState()
        self.cameras: dict[str, Camera] = {}
        self.tiles: list[_WallTile] = []
        self.selected: int | None = None  # the tile the officer works with (menus, numbers)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.show_state(self.state)

    # --- what the pane asks -------------------------------------------------------------------

    def show_state(self, state: WallState) -> None:
        """Lay out ``state``'s tiles and give each its camera."""
        layout_changed = state.layout != self.state.layout or len(self.tiles) != len(state.layout)
        focus_changed = state.focused != self.state.focused
        self.state = state
        if layout_changed:
            self._build_tiles()
        if layout_changed or focus_changed:
            self._place()
        self._assign()
        self.shown.emit()

    def set_cameras(self, cameras: Mapping[str, Camera]) -> None:
        """The hall's cameras (new streams, status): tiles follow their camera."""
        self.cameras = dict(cameras)
        for tile in self.tiles:
            if tile.camera is not None and tile.camera.id in self.cameras:
                tile.camera_changed(self.cameras[tile.camera.id])
        self._assign()

    def stop(self) -> None:
        for tile in self.tiles:
            tile.stop()

    def set_engine(self, engine: VideoEngine) -> None:
        """Play through another engine from now on (every playing tile restarts with it)."""
        self.engine = engine
        for tile in self.tiles:
            tile.set_engine(engine)

    # --- building -----------------------------------------------------------------------------

    def _build_tiles(self) -> None:
        layout = self.state.layout
        while len(self.tiles) > len(layout):
            tile = self.tiles.pop()
            tile.stop()
            self._grid.removeWidget(tile)
            tile.deleteLater()
        while len(self.tiles) < len(layout):
            tile = _WallTile(len(self.tiles), self.engine, self)
            tile.dropped.connect(self._dropped)
            tile.swapped.connect(self._swapped)
            tile.focus_requested.connect(self._focus)
            tile.ptz_requested.connect(self.ptz_requested)
            tile.number_typed.connect(self._number_typed)
            tile.menu_at.connect(self.tile_menu)
            tile.chosen.connect(self.select_tile)
            self.tiles.append(tile)

    def _place(self) -> None:
        """Put the tiles on the grid: the layout's places, or the focused tile on all of it."""
        layout = self.state.layout
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for r in range(max(self._grid.rowCount(), layout.rows)):
            self._grid.setRowStretch(r, 1 if r < layout.rows else 0)
        for c in range(max(self._grid.columnCount(), layout.columns)):
            self._grid.setColumnStretch(c, 1 if c < layout.columns else 0)
        focused = self.state.focused
        for i, (tile, place) in enumerate(zip(self.tiles, layout.tiles, strict=True)):
            if focused is None:
                self._grid.addWidget(tile, place.row, place.column, place.row_span,
                                     place.column_span)
            elif i == focused:
                self._grid.addWidget(tile, 0, 0, layout.rows, layout.columns)

    def _assign(self) -> None:
        focused = self.state.focused
        for i, tile in enumerate(self.tiles):
            camera_id = self.state.cameras[i] if i < len(self.state.cameras) else None
            camera = self.cameras.get(camera_id) if camera_id else None
            visible = focused is None or focused == i
            tile.setVisible(visible)
            if not visible:
                tile.set_camera(None)  # hidden tiles stop decoding
                continue
            main = focused == i or self._tile_width(i) >= MAIN_STREAM_MIN_WIDTH
            tile.set_camera(camera, main_stream=main)

    def _tile_width(self, index: int) -> int:
        place = self.state.layout.tiles[index]
        return self.width() * place.column_span // max(1, self.state.layout.columns)

    # --- the officer ----------------------------------------------------------------------------

    def _dropped(self, index: int, camera_ids: list[str]) -> None:
        state = self.state
        for offset, camera_id in enumerate(camera_ids):
            if index + offset < len(state.layout):
                state = state.assign(index + offset, camera_id)
        self._changed(state)

    def _number_typed(self, index: int, number: int) -> None:
        camera = next((c for c in self.cameras.values() if camera_number(c.id) == number), None)
        if camera is None:
            self.tiles[index].tell(tr("No camera {n}").format(n=number))
            return
        self._changed(self.state.assign(index, camera.id))

    def assign_tile(self, index: int, camera_id: str | None) -> None:
        """Put a camera on a tile (or clear it), as the officer's own change."""
        if 0 <= index < len(self.state.layout):
            self._changed(self.state.assign(index, camera_id))

    def select_tile(self, index: int | None) -> None:
        """The tile the officer works with; it keeps a blue frame while the officer is in the
        tree or a menu (keyboard focus moves, the choice stays)."""
        if index is not None and not 0 <= index < len(self.tiles):
            index = None
        self.selected = index
        for tile in self.tiles:
            tile.set_selected(tile.index == index)

    def current_tile(self) -> int | None:
        """The tile the officer last clicked or typed on."""
        return self.selected if self.selected is not None and \
            self.selected < len(self.tiles) else None

    def _swapped(self, source: int, target: int) -> None:
        self._changed(self.state.swap(source, target))

    def _focus(self, index: int) -> None:
        self._changed(self.state.focus(None if self.state.focused == index else index))

    def _changed(self, state: WallState) -> None:
        self.show_state(state)
        self.state_changed.emit(state)

    def focus_tile(self, index: int | None) -> None:
        """Keys: Enter focuses the selected tile, Esc returns to the layout."""
        self._changed(self.state.focus(index))

    def pane_state(self) -> dict[str, Any]:
        return self.state.to_dict()
