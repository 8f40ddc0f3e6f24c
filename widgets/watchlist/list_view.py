"""``WatchlistList``: the current entries in a table, a search line, a category picker and a
count line.

A search of personal data is accountable: typing does not filter. Enter commits the search:
the list emits ``search_requested`` and the pane records it in the audit log before it calls
``apply_search`` (or ``refuse_search``). Emptying the line shows all entries again at once
(that searches nobody). The category picker filters at once too.

Opening an entry (double click, Enter) is a request as well: ``entry_opened``; selecting a row
only says which entry the keyboard is on (``entry_selected``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Final

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import WatchlistEntry
from widgets.colors import NOTICE_COLORS
from widgets.i18n import tr
from widgets.watchlist.facts import CATEGORIES, HitCounts, category_label, valid_until_text
from widgets.watchlist.list_model import (
    THUMBNAIL_SIZE,
    Column,
    EntryIdRole,
    WatchlistFilter,
    WatchlistModel,
    hits_text,
)

# px at the theme's normal size; category, validity and hits are fitted to their words.
COLUMN_WIDTHS: Final = {Column.CATEGORY: 110, Column.PHOTO: THUMBNAIL_SIZE.width() + 8,
                        Column.NAME: 170, Column.PLATE: 85, Column.ISSUED_BY: 120,
                        Column.VALID_UNTIL: 170, Column.HANDLING: 140, Column.HITS: 100}
_OPEN_KEYS: Final = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WatchlistList(QWidget):
    search_requested = Signal(str)  # the committed search text (stripped, never empty)
    entry_selected = Signal(str)  # the current row's entry id (not emitted for no row)
    entry_opened = Signal(str)  # double click or Enter on a row: the officer opens the entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistList")
        self._model = WatchlistModel(self)
        self._proxy = WatchlistFilter(self)
        self._proxy.setSourceModel(self._model)
        self._current_id: str | None = None  # the selected entry, as last announced
        self._keep_id: str | None = None  # the selected entry across a reset
        self._resetting = False

        self._search = QLineEdit(self)
        self._search.setObjectName("watchlistSearch")
        self._search.setPlaceholderText(
            tr("Search name, alias, plate, description \u2014 Enter to search"))
        self._search.setClearButtonEnabled(True)
        self._search.returnPressed.connect(self._commit)
        self._search.textChanged.connect(self._text_changed)

        self._category = QComboBox(self)
        self._category.setObjectName("watchlistCategory")
        self._category.addItem(tr("All categories"), None)
        for category in CATEGORIES:
            self._category.addItem(category_label(category), category)
        self._category.currentIndexChanged.connect(self._category_changed)

        self._count = QLabel(self)
        self._count.setObjectName("watchlistCount")
        self._count.setTextFormat(Qt.TextFormat.PlainText)  # the search text is the officer's
        self._message = QLabel(self)
        self._message.setObjectName("watchlistSearchMessage")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        warning = NOTICE_COLORS["warning"]
        self._message.setStyleSheet(f"background-color: {warning.background};"
                                    f" color: {warning.text}; padding: 4px; font-weight: bold;")
        self._message.hide()

        self._table = QTableView(self)
        self._table.setObjectName("watchlistTable")
        self._table.setModel(self._proxy)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        self._table.verticalHeader().hide()
        self._table.setIconSize(THUMBNAIL_SIZE)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.PHOTO, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(Column.HANDLING, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(Column.CATEGORY, Qt.SortOrder.AscendingOrder)
        self._table.setSortingEnabled(True)
        self._fit()
        self._table.doubleClicked.connect(self._open)
        self._table.installEventFilter(self)
        self._table.selectionModel().currentRowChanged.connect(self._current_changed)
        self._proxy.modelAboutToBeReset.connect(self._before_reset)
        self._proxy.modelReset.connect(self._after_reset)
        for signal in (self._proxy.rowsInserted, self._proxy.rowsRemoved,
                       self._proxy.modelReset, self._proxy.layoutChanged):
            signal.connect(self._update_count)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._search, 1)
        bar.addWidget(self._category)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self._message)
        layout.addWidget(self._count)
        layout.addWidget(self._table, 1)
        self._update_count()

    # --- public ------------------------------------------------------------------------------

    def model(self) -> WatchlistModel:
        return self._model

    def proxy(self) -> WatchlistFilter:
        return self._proxy

    def table(self) -> QTableView:
        return self._table

    def search_line(self) -> QLineEdit:
        return self._search

    def category_combo(self) -> QComboBox:
        return self._category

    def count_text(self) -> str:
        return self._count.text()

    def message(self) -> str:
        """The refusal shown under the search line ("" when none)."""
        return self._message.text() if not self._message.isHidden() else ""

    def apply_search(self, text: str) -> None:
        """Filter by ``text`` (the pane calls this once it has recorded the search; "" shows
        all entries)."""
        text = text.strip()
        self._message.hide()
        if self._search.text().strip() != text:
            self._search.blockSignals(True)
            self._search.setText(text)
            self._search.blockSignals(False)
        self._proxy.set_query(text)
        self._update_count()

    def refuse_search(self, message: str) -> None:
        """The search was not allowed (or not recorded): say why; the list stays as it was."""
        self._message.setText(message)
        self._message.setVisible(bool(message))

    def select_entry(self, entry_id: str | None) -> bool:
        """Make ``entry_id``'s row current and selected (False if it is not shown)."""
        row = self._model.row_of(entry_id) if entry_id else None
        if row is None:
            return False
        # The first column: scrolling to it keeps the table scrolled to its left edge.
        index = self._proxy.mapFromSource(self._model.index(row, Column.CATEGORY))
        if not index.isValid():
            return False
        self._table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self._table.scrollTo(index)
        return True

    def selected_entry_id(self) -> str | None:
        rows = self._table.selectionModel().selectedRows()
        return str(rows[0].data(EntryIdRole)) if rows else None

    # Shorthands for the pane: the model's state, keeping the selection.

    def set_entries(self, entries: Iterable[WatchlistEntry], now: datetime) -> None:
        self._model.set_entries(entries, now)

    def update_entries(self, upserted: Iterable[WatchlistEntry], removed: Iterable[str],
                       now: datetime) -> None:
        self._model.update_entries(upserted, removed, now)

    # --- events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (watched is self._table and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in _OPEN_KEYS):
            index = self._table.currentIndex()
            if index.isValid():
                self._open(index)
                return True
        return super().eventFilter(watched, event)

    def _open(self, index: QModelIndex) -> None:
        entry_id = index.data(EntryIdRole)
        if entry_id:
            self.entry_opened.emit(str(entry_id))

    def _commit(self) -> None:
        text = self._search.text().strip()
        if not text:
            self.apply_search("")
            return
        self._message.hide()
        self.search_requested.emit(text)

    def _text_changed(self, text: str) -> None:
        # An emptied line (the clear button, or erased) shows everything again at once.
        if not text.strip() and (self._proxy.query() or not self._message.isHidden()):
            self.apply_search("")

    def _category_changed(self, _index: int) -> None:
        self._proxy.set_category(self._category.currentData())
        self._update_count()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry_id = current.data(EntryIdRole) if current.isValid() else None
        if entry_id is None:
            if not self._resetting:
                self._current_id = None
            return
        if entry_id != self._current_id:
            self._current_id = str(entry_id)
            self.entry_selected.emit(self._current_id)

    def _before_reset(self) -> None:
        self._resetting = True
        self._keep_id = self.selected_entry_id() or self._current_id

    def _after_reset(self) -> None:
        self._resetting = False
        keep, self._keep_id = self._keep_id, None
        if keep is None or not self.select_entry(keep):
            self._current_id = None

    def _fit(self) -> None:
        """Row height for the thumbnails; column widths for the font (large text too)."""
        metrics = self._table.fontMetrics()
        height = max(metrics.height() + 10, THUMBNAIL_SIZE.height() + 4)
        self._table.verticalHeader().setDefaultSectionSize(height)
        scale = max(1.0, self._table.font().pointSizeF() / 10)  # the theme's normal: 10 pt
        bold = QFont(self._table.font())
        bold.setBold(True)
        wide = QFontMetrics(bold)
        fitted = {
            Column.CATEGORY: max(wide.horizontalAdvance(category_label(c)) for c in CATEGORIES),
            Column.VALID_UNTIL: wide.horizontalAdvance(valid_until_text(
                datetime(2099, 12, 31, tzinfo=UTC), datetime(2099, 7, 1, tzinfo=UTC))),
            Column.HITS: metrics.horizontalAdvance(hits_text(HitCounts(10, 10, 10))),
        }
        for column, width in COLUMN_WIDTHS.items():
            if column == Column.PHOTO:
                self._table.setColumnWidth(column, width)
            else:
                self._table.setColumnWidth(column, max(round(width * scale),
                                                       fitted.get(column, 0) + 16))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:
            self._fit()
        super().changeEvent(event)

    def _update_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        text = (tr("{shown} of {total} entry") if total == 1
                else tr("{shown} of {total} entries")).format(shown=shown, total=total)
        query = self._proxy.query()
        if query:
            text += " \u00b7 " + tr("Search: \u201c{text}\u201d").format(text=query)
        self._count.setText(text)
