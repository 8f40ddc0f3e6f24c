"""``CameraTree``: the hall's cameras beside the wall — by station and grid, or by camera group —
searchable, each showing whether it is online, draggable onto a wall tile.

A few hundred cameras: a QStandardItemModel under a recursive-filtering proxy is plenty here
(the alarm queue's own model is for floods of 100,000). Rebuilt when the cameras or grids
change; the expanded branches and the selection survive a rebuild.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import (
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTreeView, QVBoxLayout, QWidget

from backend_client.schemas import Camera, Grid
from widgets.colors import CONNECTION_COLORS, SECONDARY_TEXT
from widgets.i18n import tr

CAMERA_MIME = "application/x-ccw-camera-ids"  # newline-separated camera ids
CameraIdRole = int(Qt.ItemDataRole.UserRole) + 1
BranchRole = int(Qt.ItemDataRole.UserRole) + 2  # a station, grid or group name (untranslated)
_ONLINE = QBrush(QColor(CONNECTION_COLORS["online"].background))
_OFFLINE = QBrush(QColor(SECONDARY_TEXT))

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Placement:
    path: tuple[str, ...]  # the branch labels above the camera


def camera_number(camera_id: str) -> int | None:
    """The number an officer types for a camera: the digits of its id (C012 → 12), the
    number painted on the hall's camera list and on the camera's pole."""
    digits = "".join(ch for ch in camera_id if ch.isdigit())
    return int(digits) if digits else None


def _placements(camera: Camera, grids: Mapping[str, Grid], by: str) -> list[_Placement]:
    if by == "group":
        groups = camera.groups or [""]
        return [_Placement((g or _no_group(),)) for g in groups]
    grid = grids.get(camera.grid_id or "")
    station = (grid.properties.station if grid is not None else None) or _no_station()
    grid_name = grid.properties.name if grid is not None else (camera.grid_id or _no_grid())
    return [_Placement((station, grid_name))]


def _no_group() -> str:
    return tr("No group")


def _no_station() -> str:
    return tr("No station")


def _no_grid() -> str:
    return tr("No grid")


class _CameraModel(QStandardItemModel):
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [CAMERA_MIME]

    def mimeData(self, indexes: Iterable[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = [i.data(CameraIdRole) for i in indexes if i.data(CameraIdRole)]
        data = QMimeData()
        data.setData(CAMERA_MIME, "\n".join(dict.fromkeys(ids)).encode())
        data.setText(", ".join(dict.fromkeys(ids)))
        return data


class _Filter(QSortFilterProxyModel):
    """Matches camera rows by name or id; branches stay when a camera under them matches."""

    def __init__(self) -> None:
        super().__init__()
        self.needle = ""
        self.setRecursiveFilteringEnabled(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_needle(self, text: str) -> None:
        self.beginFilterChange()
        self.needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802
        needle = self.needle
        if not needle:
            return True
        index = self.sourceModel().index(row, 0, parent)
        camera_id = index.data(CameraIdRole)
        if not camera_id:
            return False  # a branch: recursive filtering keeps it for a matching child
        return needle in f"{index.data()}\u001f{camera_id}".casefold()


class CameraTree(QWidget):
    cameras_activated = Signal(list)  # camera ids: double-click or Enter (put on the wall)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cameraTree")
        self._cameras: dict[str, Camera] = {}
        self._grids: dict[str, Grid] = {}
        self._model = _CameraModel(self)
        self._proxy = _Filter()
        self._proxy.setParent(self)
        self._proxy.setSourceModel(self._model)

        self._search = QLineEdit(self)
        self._search.setObjectName("cameraTreeSearch")
        self._search.setClearButtonEnabled(True)
        self._search.setPlaceholderText(self.tr("Find a camera by name or number"))
        self._search.textChanged.connect(self._filter)
        self._by = QComboBox(self)
        self._by.addItem(self.tr("By station"), "station")
        self._by.addItem(self.tr("By group"), "group")
        self._by.currentIndexChanged.connect(lambda _i: self._rebuild())

        self._view = QTreeView(self)
        self._view.setObjectName("cameraTreeView")
        self._view.setModel(self._proxy)
        self._view.setHeaderHidden(True)
        self._view.setUniformRowHeights(True)
        self._view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self._view.setDragEnabled(True)
        self._view.setDragDropMode(QTreeView.DragDropMode.DragOnly)
        self._view.setSortingEnabled(True)
        self._view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self._view.activated.connect(self._activated)

        bar = QHBoxLayout()
        bar.addWidget(self._search, 1)
        bar.addWidget(self._by)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self._view, 1)

    # --- public ---------------------------------------------------------------------------

    def view(self) -> QTreeView:
        return self._view

    def set_cameras(self, cameras: Mapping[str, Camera], grids: Mapping[str, Grid]) -> None:
        self._cameras = dict(cameras)
        self._grids = dict(grids)
        self._rebuild()

    def selected_camera_ids(self) -> list[str]:
        ids = [i.data(CameraIdRole) for i in self._view.selectionModel().selectedRows()]
        return [i for i in dict.fromkeys(ids) if i]

    def visible_camera_ids(self) -> list[str]:
        """The cameras the search shows, in tree order."""
        out: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self._proxy.rowCount(parent)):
                index = self._proxy.index(row, 0, parent)
                camera_id = index.data(CameraIdRole)
                if camera_id:
                    out.append(camera_id)
                walk(index)

        walk(QModelIndex())
        return list(dict.fromkeys(out))

    # --- building -----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        expanded = self._expanded_paths()
        selected = set(self.selected_camera_ids())
        self._model.clear()
        by = str(self._by.currentData())
        branches: dict[tuple[str, ...], QStandardItem] = {}
        root = self._model.invisibleRootItem()
        for camera in self._cameras.values():
            for placement in _placements(camera, self._grids, by):
                parent = root
                for depth in range(len(placement.path)):
                    key = placement.path[:depth + 1]
                    if key not in branches:
                        item = QStandardItem(key[-1])
                        item.setData(key[-1], BranchRole)
                        item.setEditable(False)
                        item.setDragEnabled(False)
                        parent.appendRow(item)
                        branches[key] = item
                    parent = branches[key]
                parent.appendRow(self._camera_item(camera))
        for key, item in branches.items():
            online = sum(1 for c in self._cameras_under(item) if c.status == "online")
            total = len(self._cameras_under(item))
            item.setText(self.tr("{name}  ({online}/{total} online)").format(
                name=key[-1], online=online, total=total))
        self._restore(expanded, selected)

    def _camera_item(self, camera: Camera) -> QStandardItem:
        online = camera.status == "online"
        number = camera_number(camera.id)
        name = f"{number} \u00b7 {camera.name}" if number is not None else camera.name
        text = name if online else self.tr("{name} (offline)").format(name=name)
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(camera.id, CameraIdRole)
        item.setForeground(_ONLINE if online else _OFFLINE)
        item.setToolTip(f"{camera.name}\n{camera.id}" + ("\nPTZ" if camera.ptz else ""))
        return item

    def _cameras_under(self, item: QStandardItem) -> list[Camera]:
        out: list[Camera] = []
        for row in range(item.rowCount()):
            child = item.child(row)
            camera_id = child.data(CameraIdRole)
            if camera_id and camera_id in self._cameras:
                out.append(self._cameras[camera_id])
            out.extend(self._cameras_under(child))
        return out

    def _expanded_paths(self) -> set[str]:
        paths: set[str] = set()

        def walk(parent: QModelIndex, prefix: str) -> None:
            for row in range(self._proxy.rowCount(parent)):
                index = self._proxy.index(row, 0, parent)
                if self._view.isExpanded(index):
                    key = f"{prefix}/{self._branch_name(index)}"
                    paths.add(key)
                    walk(index, key)

        walk(QModelIndex(), "")
        return paths

    def _branch_name(self, index: QModelIndex) -> str:
        return str(index.data(BranchRole) or "")

    def _restore(self, expanded: set[str], selected: set[str]) -> None:
        selection = self._view.selectionModel()

        def walk(parent: QModelIndex, prefix: str) -> None:
            for row in range(self._proxy.rowCount(parent)):
                index = self._proxy.index(row, 0, parent)
                camera_id = index.data(CameraIdRole)
                if camera_id in selected:
                    selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                     | QItemSelectionModel.SelectionFlag.Rows)
                key = f"{prefix}/{self._branch_name(index)}"
                if key in expanded:
                    self._view.setExpanded(index, True)
                walk(index, key)

        walk(QModelIndex(), "")

    def _filter(self, text: str) -> None:
        self._proxy.set_needle(text)
        if text.strip():
            self._view.expandAll()

    def _activated(self, index: QModelIndex) -> None:
        camera_id = index.data(CameraIdRole)
        ids = self.selected_camera_ids() or ([camera_id] if camera_id else [])
        if ids:
            self.cameras_activated.emit(ids)
