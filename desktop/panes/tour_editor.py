"""``TourEditor``: the hall's named tours (轮巡方案) — which cameras and camera groups, in which
order, how long each step stays, and whether the tour takes the whole wall or cycles on one
tile. Saved in the position's configuration (``NamedBook`` of ``TourPlan``).

Groups are kept as groups: a camera added to "东门卡口" later is in the next run of the tour.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TR_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
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
from desktop.panes.book_dialog import BookDialog
from desktop.state.named_book import NamedBook
from desktop.state.tours import GROUP_PREFIX, MAX_DWELL_S, MIN_DWELL_S, TourPlan
from widgets.camera_tree import camera_number
from widgets.i18n import tr

ItemRole = int(Qt.ItemDataRole.UserRole) + 1  # the tour item: a camera id or "group:NAME"
# TourPlan.problem()'s sentences, for the translators (shown through tr()).
_PROBLEMS = (QT_TR_NOOP("a tour needs a name"),
             QT_TR_NOOP("a tour needs at least one camera or group"),
             QT_TR_NOOP("a step must stay 3 s to 1 h"))


class TourEditor(BookDialog[TourPlan]):
    def __init__(self, book: NamedBook[TourPlan], cameras: Mapping[str, Camera],
                 groups: Mapping[str, list[str]], parent: QWidget | None = None) -> None:
        super().__init__(book, tr("Tours"), tr("Saved tours"), tr("New tour"), tr("Save tour"),
                         parent)
        self.setMinimumSize(760, 480)
        self.cameras = cameras
        self.groups = groups

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
        middle = QVBoxLayout()
        middle.addStretch(1)
        for glyph, tip, act in (("\u25b6", tr("Add to the tour"), self.add_selected),
                                ("\u25c0", tr("Take out of the tour"), self.remove_selected),
                                ("\u25b2", tr("Earlier"), lambda: self._move(-1)),
                                ("\u25bc", tr("Later"), lambda: self._move(1))):
            button = QPushButton(glyph, self)
            button.setToolTip(tip)
            button.clicked.connect(act)
            middle.addWidget(button)
        middle.addStretch(1)
        lists = QGridLayout()
        lists.addWidget(QLabel(tr("Cameras and groups"), self), 0, 0)
        lists.addWidget(QLabel(tr("In this tour, in order"), self), 0, 2)
        lists.addWidget(self.search, 1, 0)
        lists.addWidget(self.available, 2, 0)
        lists.addLayout(middle, 2, 1)
        lists.addWidget(self.chosen, 1, 2, 2, 1)
        self.form.addLayout(form)
        self.form.addLayout(lists, 1)

        self._fill_available()
        self.start()

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

    def show_item(self, item: TourPlan | None) -> None:
        self.name.setText(item.name if item else "")
        self.dwell.setValue(int(item.dwell_s) if item else 15)
        self.shows.setCurrentIndex(1 if item and item.one_tile else 0)
        self.chosen.clear()
        for entry in item.items if item else ():
            self.chosen.addItem(self._list_item(entry))
        if item is None:
            self.name.setFocus()

    def edited(self) -> TourPlan | str:
        plan = self.plan()
        problem = plan.problem()
        return tr(problem) if problem else plan
