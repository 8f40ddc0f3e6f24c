"""``TourEditor``: the hall's named tours (轮巡方案) — which cameras and camera groups, in which
order, how long each step stays, and whether the tour takes the whole wall or cycles on one
tile. Saved in the position's configuration (``NamedBook`` of ``TourPlan``).

Groups are kept as groups: a camera added to "东门卡口" later is in the next run of the tour.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import Camera
from desktop.state.named_book import NamedBook
from desktop.state.tours import GROUP_PREFIX, MAX_DWELL_S, MIN_DWELL_S, TourPlan
from widgets.camera_tree import camera_number
from widgets.i18n import tr

log = logging.getLogger(__name__)

ItemRole = int(Qt.ItemDataRole.UserRole) + 1  # the tour item: a camera id or "group:NAME"
# TourPlan.problem()'s sentences, for the translators (shown through tr()).
_PROBLEMS = (QT_TR_NOOP("a tour needs a name"),
             QT_TR_NOOP("a tour needs at least one camera or group"),
             QT_TR_NOOP("a step must stay 3 s to 1 h"))


class TourEditor(QDialog):
    def __init__(self, book: NamedBook[TourPlan], cameras: Mapping[str, Camera],
                 groups: Mapping[str, list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Tours"))
        self.setMinimumSize(760, 480)
        self.book = book
        self.cameras = cameras
        self.groups = groups
        self._editing: str | None = None  # the saved name of the tour in the form

        self.tours = QListWidget(self)
        self.tours.setObjectName("tourList")
        self.tours.currentItemChanged.connect(lambda *_: self._load_selected())
        new = QPushButton(tr("New tour"), self)
        new.clicked.connect(self.new_tour)
        self.delete = QPushButton(tr("Delete"), self)
        self.delete.clicked.connect(self.delete_tour)
        left = QVBoxLayout()
        left.addWidget(QLabel(tr("Saved tours"), self))
        left.addWidget(self.tours, 1)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(self.delete)
        left.addLayout(row)

        self.name = QLineEdit(self)
        self.name.setObjectName("tourName")
        self.dwell = QSpinBox(self)
        self.dwell.setRange(int(MIN_DWELL_S), int(MAX_DWELL_S))
        self.dwell.setValue(15)
        self.dwell.setSuffix(tr(" s per step"))
        self.shows = QComboBox(self)
        self.shows.addItem(tr("The whole wall (a wall's worth of cameras per step)"), False)
        self.shows.addItem(tr("One tile (the tile selected when it starts)"), True)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Dwell"), self.dwell)
        form.addRow(tr("Shows on"), self.shows)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Find a camera or group"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.available = QListWidget(self)
        self.available.setObjectName("tourAvailable")
        self.available.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.available.itemDoubleClicked.connect(lambda _i: self.add_selected())
        self.chosen = QListWidget(self)
        self.chosen.setObjectName("tourItems")
        self.chosen.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.chosen.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.chosen.itemDoubleClicked.connect(lambda _i: self.remove_selected())
        add = QPushButton("\u25b6", self)
        add.setToolTip(tr("Add to the tour"))
        add.clicked.connect(self.add_selected)
        remove = QPushButton("\u25c0", self)
        remove.setToolTip(tr("Take out of the tour"))
        remove.clicked.connect(self.remove_selected)
        up = QPushButton("\u25b2", self)
        up.setToolTip(tr("Earlier"))
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton("\u25bc", self)
        down.setToolTip(tr("Later"))
        down.clicked.connect(lambda: self._move(1))
        middle = QVBoxLayout()
        middle.addStretch(1)
        for button in (add, remove, up, down):
            middle.addWidget(button)
        middle.addStretch(1)
        lists = QGridLayout()
        lists.addWidget(QLabel(tr("Cameras and groups"), self), 0, 0)
        lists.addWidget(QLabel(tr("In this tour, in order"), self), 0, 2)
        lists.addWidget(self.search, 1, 0)
        lists.addWidget(self.available, 2, 0)
        lists.addLayout(middle, 2, 1)
        lists.addWidget(self.chosen, 1, 2, 2, 1)

        self.message = QLabel(self)
        self.message.setObjectName("tourMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(tr("Save tour"), self)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)

        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(lists, 1)
        right.addWidget(self.message)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

        self._fill_available()
        self._fill_tours()
        if self.tours.count():
            self.tours.setCurrentRow(0)
        else:
            self.new_tour()

    # --- texts -----------------------------------------------------------------------------------

    def item_text(self, item: str) -> str:
        if item.startswith(GROUP_PREFIX):
            group = item.removeprefix(GROUP_PREFIX)
            return tr("Group {name} ({n} cameras)").format(
                name=group, n=len(self.groups.get(group, [])))
        camera = self.cameras.get(item)
        if camera is None:
            return tr("{id} (no longer known)").format(id=item)
        number = camera_number(camera.id)
        return f"{number} \u00b7 {camera.name}" if number is not None else camera.name

    def _list_item(self, item: str) -> QListWidgetItem:
        entry = QListWidgetItem(self.item_text(item))
        entry.setData(ItemRole, item)
        return entry

    # --- lists -----------------------------------------------------------------------------------

    def _fill_available(self) -> None:
        self.available.clear()
        for group in sorted(self.groups):
            self.available.addItem(self._list_item(GROUP_PREFIX + group))
        for camera in sorted(self.cameras.values(), key=lambda c: (camera_number(c.id) or 0,
                                                                   c.id)):
            self.available.addItem(self._list_item(camera.id))

    def _fill_tours(self, select: str | None = None) -> None:
        self.tours.blockSignals(True)
        self.tours.clear()
        for plan in self.book.items():
            self.tours.addItem(plan.name)
        self.tours.blockSignals(False)
        if select is not None:
            matches = self.tours.findItems(select, Qt.MatchFlag.MatchExactly)
            if matches:
                self.tours.setCurrentItem(matches[0])
        self.delete.setEnabled(self.tours.count() > 0)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.available.count()):
            entry = self.available.item(row)
            entry.setHidden(bool(needle) and needle not in
                            f"{entry.text()}\u001f{entry.data(ItemRole)}".casefold())

    def items(self) -> list[str]:
        return [self.chosen.item(r).data(ItemRole) for r in range(self.chosen.count())]

    def add_selected(self) -> None:
        have = set(self.items())
        for entry in self.available.selectedItems():
            item = entry.data(ItemRole)
            if item not in have:
                self.chosen.addItem(self._list_item(item))
                have.add(item)

    def remove_selected(self) -> None:
        for entry in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(entry))

    def _move(self, by: int) -> None:
        row = self.chosen.currentRow()
        if row < 0 or not 0 <= row + by < self.chosen.count():
            return
        entry = self.chosen.takeItem(row)
        self.chosen.insertItem(row + by, entry)
        self.chosen.setCurrentRow(row + by)

    # --- tours -----------------------------------------------------------------------------------

    def plan(self) -> TourPlan:
        return TourPlan(self.name.text().strip(), tuple(self.items()), float(self.dwell.value()),
                        bool(self.shows.currentData()))

    def new_tour(self) -> None:
        self.tours.clearSelection()
        self._editing = None
        self.name.clear()
        self.dwell.setValue(15)
        self.shows.setCurrentIndex(0)
        self.chosen.clear()
        self.message.clear()
        self.name.setFocus()

    def _load_selected(self) -> None:
        current = self.tours.currentItem()
        plan = self.book.get(current.text()) if current is not None else None
        if plan is None:
            return
        self._editing = plan.name
        self.name.setText(plan.name)
        self.dwell.setValue(int(plan.dwell_s))
        self.shows.setCurrentIndex(1 if plan.one_tile else 0)
        self.chosen.clear()
        for item in plan.items:
            self.chosen.addItem(self._list_item(item))
        self.message.clear()

    def save(self) -> bool:
        plan = self.plan()
        problem = plan.problem()
        if problem:
            self.message.setText(tr("Not saved: {why}.").format(why=tr(problem)))
            return False
        if plan.name != self._editing and self.book.get(plan.name) is not None:
            self.message.setText(tr("Not saved: a tour named {name} exists already.").format(
                name=plan.name))
            return False
        try:
            self.book.put(plan, replacing=self._editing)
        except OSError as e:
            log.error("cannot save tour %s: %s", plan.name, e)
            self.message.setText(tr("The tour could not be saved ({why}).").format(
                why=e.strerror or e))
            return False
        self._editing = plan.name
        self._fill_tours(select=plan.name)
        self.message.setText(tr("Saved."))
        return True

    def delete_tour(self) -> None:
        current = self.tours.currentItem()
        if current is None:
            return
        try:
            self.book.remove(current.text())
        except OSError as e:
            log.error("cannot delete tour %s: %s", current.text(), e)
            self.message.setText(tr("The tour could not be deleted ({why}).").format(
                why=e.strerror or e))
            return
        self._fill_tours()
        if self.tours.count():
            self.tours.setCurrentRow(0)
        else:
            self.new_tour()
