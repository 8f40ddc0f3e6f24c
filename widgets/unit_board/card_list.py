"""One column of the card board: ``CardList``, a list of cards over a ``GroupProxy`` (the
board model's rows of one group, in the model's order). Cards are dragged as their unit id
(``MIME_TYPE``); a card dropped on another status column is handed to the board, never moved
here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyleOptionViewItem, QWidget

from backend_client.schemas import Unit
from widgets.unit_board.model import UnitIdRole, UnitRole

if TYPE_CHECKING:
    from widgets.unit_board.cards import CardBoard

MIME_TYPE = "application/x-ccw-unit-id"
SPACING = 4
Index = QModelIndex | QPersistentModelIndex
GroupKey = Callable[[Unit], str]


class GroupProxy(QSortFilterProxyModel):
    """The source's rows whose group value is ``value``, in the source's order. It stays
    dynamic (with no sort column nothing is sorted) so that a row whose group changes in
    place (a ``dataChanged``) still leaves or enters; layout changes re-filter anyway."""

    def __init__(self, key: GroupKey, value: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._value = value

    @property
    def value(self) -> str:
        return self._value

    def set_key(self, key: GroupKey) -> None:
        self.beginFilterChange()
        self._key = key
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        source = self.sourceModel()
        if source is None:
            return False
        unit = source.index(source_row, 0, source_parent).data(UnitRole)
        return isinstance(unit, Unit) and self._key(unit) == self._value

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        for index in indexes:
            unit_id = index.data(UnitIdRole)
            if unit_id:
                mime.setData(MIME_TYPE, str(unit_id).encode("utf-8"))
                break
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.CopyAction

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        return False  # never insert or move rows: the board emits status_dropped instead


def unit_id_of(mime: QMimeData) -> str | None:
    """The unit id a card drag carries, or None."""
    if not mime.hasFormat(MIME_TYPE):
        return None
    text = bytes(mime.data(MIME_TYPE).data()).decode("utf-8", "replace").strip()
    return text or None



class CardList(QListView):
    """One column's cards. Starts card drags with the unit id; takes drops of cards from
    other status columns and hands them to the board (never moving rows itself)."""

    def __init__(self, board: CardBoard, value: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._board = board
        self.value = value
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSpacing(SPACING)
        self.setMouseTracking(True)
        self.setDropIndicatorShown(False)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.set_draggable(False)
        self.pressed_at = QPoint(-1, -1)  # where the last click began (which line of a card)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.pressed_at = event.position().toPoint()
        super().mousePressEvent(event)

    def set_draggable(self, on: bool) -> None:
        self.setDragEnabled(on)
        self.setAcceptDrops(on)
        self.viewport().setAcceptDrops(on)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop if on
                             else QAbstractItemView.DragDropMode.NoDragDrop)

    # --- dragging out -----------------------------------------------------------------------

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802 - Qt's name
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or model is None:
            return
        drag = QDrag(self)
        drag.setMimeData(model.mimeData([index]))
        pixmap = self._card_pixmap(index)
        if pixmap is not None:
            drag.setPixmap(pixmap)
            drag.setHotSpot(QPoint(pixmap.width() // 2, pixmap.height() // 2))
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def _card_pixmap(self, index: QModelIndex) -> QPixmap | None:
        delegate = self.itemDelegate()
        rect = self.visualRect(index)
        if rect.isEmpty() or delegate is None:
            return None
        pixmap = QPixmap(rect.size())
        pixmap.fill(Qt.GlobalColor.transparent)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(QPoint(0, 0), rect.size())
        option.state |= QStyle.StateFlag.State_Selected
        painter = QPainter(pixmap)
        delegate.paint(painter, option, index)
        painter.end()
        return pixmap

    # --- dropping in --------------------------------------------------------------------------

    def _wanted(self, mime: QMimeData | None) -> str | None:
        """The unit id of a card that may be dropped here (from another status column)."""
        if mime is None or self._board.group_by() != "status":
            return None
        unit_id = unit_id_of(mime)
        unit = self._board.model.unit(unit_id) if unit_id else None
        if unit is None or unit.status == self.value:
            return None
        return unit_id

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        self._board.drag_at(self.mapToGlobal(event.position().toPoint()))
        if self._board.group_by() == "status" and event.mimeData().hasFormat(MIME_TYPE):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        self._board.drag_at(self.mapToGlobal(event.position().toPoint()))
        if self._wanted(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 - Qt's name
        self._board.drag_ended()
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        self._board.drag_ended()
        unit_id = self._wanted(event.mimeData())
        if unit_id is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._board.status_dropped.emit(unit_id, self.value)


