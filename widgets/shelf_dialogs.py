"""Shelving a chattering alarm source: the dialog that asks for how long and why, and the list
of shelved sources with "bring back now"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from widgets.alarm_dialogs import _TextDialog
from widgets.i18n import tr


class ShelfLike(Protocol):
    """A shelved source as the dialogs show it (desktop.state.shelves.Shelf)."""

    source_key: str
    source_name: str
    reason: str
    by: str
    until: datetime


def minutes_text(minutes: int) -> str:
    if minutes < 60:
        return tr("{n} min").format(n=minutes)
    return tr("{h} h").format(h=minutes // 60) if minutes % 60 == 0 else \
        tr("{h} h {m} min").format(h=minutes // 60, m=minutes % 60)


class ShelveDialog(_TextDialog):
    """Hide one source's alarms (never P1) for a chosen time, with a required reason."""

    def __init__(self, source_name: str, open_count: int, choices: Sequence[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(
            tr("Shelve alarm source"),
            tr("Hide the alarms of \u201c{source}\u201d ({n} open) from the queue for a while. "
               "P1 alarms from it are still shown. The source comes back by itself; "
               "shelving is recorded in the audit log.").format(source=source_name,
                                                                n=open_count),
            tr("Shelve"), parent)
        self.duration = QComboBox(self)
        self.duration.setObjectName("shelfDuration")
        for minutes in choices:
            self.duration.addItem(minutes_text(minutes), minutes)
        self.duration.setCurrentIndex(1)
        self.form.addRow(tr("For"), self.duration)
        self.form.addRow(QLabel(tr("Reason (required):"), self))
        self._validate()
        self.text.setFocus()

    def minutes(self) -> int:
        return int(self.duration.currentData())


class ShelvesDialog(QDialog):
    """The shelved sources, when each comes back, and a button to bring one back now."""

    unshelve_requested = Signal(str)  # source key

    def __init__(self, shelves: Sequence[ShelfLike], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Shelved alarm sources"))
        self.setMinimumSize(640, 260)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("shelvesTable")
        self.table.setHorizontalHeaderLabels(
            [tr("Source"), tr("Reason"), tr("By"), tr("Back at"), ""])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.empty = QLabel(tr("No source is shelved."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.show_shelves(shelves)

    def show_shelves(self, shelves: Sequence[ShelfLike]) -> None:
        self.table.setRowCount(len(shelves))
        for row, shelf in enumerate(shelves):
            for col, text in enumerate((shelf.source_name, shelf.reason, shelf.by,
                                        _local(shelf.until))):
                self.table.setItem(row, col, QTableWidgetItem(text))
            button = QPushButton(tr("Bring back now"), self.table)
            button.clicked.connect(lambda _=False, k=shelf.source_key:
                                   self.unshelve_requested.emit(k))
            self.table.setCellWidget(row, 4, button)
        self.table.resizeColumnToContents(0)
        self.table.setVisible(bool(shelves))
        self.empty.setVisible(not shelves)


def _local(t: datetime) -> str:
    return t.astimezone().strftime("%H:%M")



