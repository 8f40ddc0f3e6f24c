"""``BookDialog``: the frame of an editor of a ``NamedBook`` — the saved items on the left with
"New" and "Delete", the item's form on the right (the subclass's), a message line and "Save".

The saving rules are the same for tours and wall layouts: a name is required, a name taken
by another item (or ``reserved``) is refused, a disk that refuses is said in words and the
book stays as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.state.named_book import Named, NamedBook
from widgets.i18n import tr

log = logging.getLogger(__name__)


class BookDialog[T: Named](QDialog):
    def __init__(self, book: NamedBook[T], title: str, list_title: str, new_text: str,
                 save_text: str, parent: QWidget | None = None,
                 reserved: Collection[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.book = book
        self._reserved = reserved
        self._editing: str | None = None  # the saved name of the item in the form

        self.saved = QListWidget(self)
        self.saved.setObjectName("bookList")
        self.saved.currentTextChanged.connect(self._load_named)
        new = QPushButton(new_text, self)
        new.clicked.connect(self.new_item)
        self.delete = QPushButton(tr("Delete"), self)
        self.delete.clicked.connect(self.delete_item)
        left = QVBoxLayout()
        left.addWidget(QLabel(list_title, self))
        left.addWidget(self.saved, 1)
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(self.delete)
        left.addLayout(row)

        self.form = QVBoxLayout()  # the subclass's form
        self.message = QLabel(self)
        self.message.setObjectName("bookMessage")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(save_text, self)
        self.save_button.clicked.connect(self.save)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        right = QVBoxLayout()
        right.addLayout(self.form, 1)
        right.addWidget(self.message)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)

    # --- what a subclass provides ----------------------------------------------------------------

    def show_item(self, item: T | None) -> None:
        """Put ``item`` in the form (None: an empty form for a new one)."""
        raise NotImplementedError

    def edited(self) -> T | str:
        """The item as the form has it, or why it cannot be saved (translated)."""
        raise NotImplementedError

    # --- the frame -------------------------------------------------------------------------------

    def start(self) -> None:
        """Fill the list and show the first item (or an empty form): call after the form is
        built."""
        self._fill()
        if self.saved.count():
            self.saved.setCurrentRow(0)
        else:
            self.new_item()

    def _fill(self, select: str | None = None) -> None:
        self.saved.blockSignals(True)
        self.saved.clear()
        for item in self.book.items():
            self.saved.addItem(item.name)
        self.saved.blockSignals(False)
        if select is not None:
            found = self.saved.findItems(select, Qt.MatchFlag.MatchExactly)
            if found:
                self.saved.setCurrentItem(found[0])
        self.delete.setEnabled(self.saved.count() > 0)

    def new_item(self) -> None:
        self.saved.clearSelection()
        self._editing = None
        self.message.clear()
        self.show_item(None)

    def _load_named(self, name: str) -> None:
        item = self.book.get(name)
        if item is not None:
            self._editing = item.name
            self.message.clear()
            self.show_item(item)

    def save(self) -> bool:
        item = self.edited()
        if isinstance(item, str):
            self.message.setText(tr("Not saved: {why}.").format(why=item))
            return False
        if item.name in self._reserved or (item.name != self._editing
                                            and self.book.get(item.name) is not None):
            self.message.setText(tr("Not saved: the name {name} is taken already.").format(
                name=item.name))
            return False
        try:
            self.book.put(item, replacing=self._editing)
        except OSError as e:
            log.error("cannot save %s: %s", item.name, e)
            self.message.setText(tr("Could not be saved ({why}).").format(why=e.strerror or e))
            return False
        self._editing = item.name
        self._fill(select=item.name)
        self.message.setText(tr("Saved."))
        return True

    def delete_item(self) -> None:
        current = self.saved.currentItem()
        if current is None:
            return
        try:
            self.book.remove(current.text())
        except OSError as e:
            log.error("cannot delete %s: %s", current.text(), e)
            self.message.setText(tr("Could not be deleted ({why}).").format(
                why=e.strerror or e))
            return
        self.start()
