"""``WatchlistModel``: the current watchlist entries as a Qt table; ``WatchlistFilter``: the
officer's committed search and the category picked.

The model keeps only current entries (a legal basis and not expired): the pane filters too, but
an expired entry or one without a legal basis is never a row here, and ``tick`` removes an
entry the moment it expires. Rows are in the list's own order (category as in
``facts.CATEGORIES``, then name); the proxy sorts by a column on a header click.

Every cell is built from named fields of the entry (never by iterating over its fields), so
nothing the client's schema does not name can reach the screen; sex, birth year and
description are not shown in the list (the detail shows them to whoever opens the entry).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QImage

from backend_client.schemas import WatchlistEntry, utcnow
from widgets.colors import NOTICE_COLORS, WATCHLIST_CATEGORY_COLORS
from widgets.i18n import tr
from widgets.watchlist.facts import (
    CATEGORIES,
    EXPIRY_WARNING_DAYS,
    HitCounts,
    category_label,
    expires_soon,
    valid_until_text,
)


class Column(IntEnum):
    CATEGORY = 0
    PHOTO = 1
    NAME = 2
    PLATE = 3
    ISSUED_BY = 4
    VALID_UNTIL = 5
    HANDLING = 6
    HITS = 7


_HEADERS: Final = {
    Column.CATEGORY: QT_TR_NOOP("Category"),
    Column.PHOTO: QT_TR_NOOP("Photo"),
    Column.NAME: QT_TR_NOOP("Name"),
    Column.PLATE: QT_TR_NOOP("Plate"),
    Column.ISSUED_BY: QT_TR_NOOP("Issued by"),
    Column.VALID_UNTIL: QT_TR_NOOP("Valid until"),
    Column.HANDLING: QT_TR_NOOP("Handling"),
    Column.HITS: QT_TR_NOOP("Hits"),
}

EntryIdRole: Final = int(Qt.ItemDataRole.UserRole)  # the entry's id, on every cell
SortRole: Final = int(Qt.ItemDataRole.UserRole) + 1  # what the proxy sorts a column by
THUMBNAIL_SIZE: Final = QSize(36, 40)  # the photo column's picture: 40 px high at most

_COLUMNS: Final = tuple(Column)
_NO_INDEX = QModelIndex()
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CATEGORY_ORDER: Final = {c: i for i, c in enumerate(CATEGORIES)}
_PLATE_NOISE = re.compile(r"[\s\-_.·]+")
_ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
              | Qt.ItemFlag.ItemNeverHasChildren)

Index = QModelIndex | QPersistentModelIndex


def normalize_plate(text: str) -> str:
    """A plate as searched: no spaces or hyphens, case-folded ("F-XY 123" → "fxy123")."""
    return _PLATE_NOISE.sub("", text).casefold()


def name_text(entry: WatchlistEntry) -> str:
    """"Max Mustermann (aka Maxi, M.)"."""
    aliases = [a for a in entry.aliases if a.strip()]
    if not aliases:
        return entry.name
    return tr("{name} (aka {aliases})").format(name=entry.name, aliases=", ".join(aliases))


def hits_text(counts: HitCounts) -> str:
    """"✓ 3 · ✗ 1 · ? 2" (the last part only when some are not yet verified)."""
    text = f"\u2713 {counts.confirmed} \u00b7 \u2717 {counts.rejected}"
    if counts.unverified:
        text += f" \u00b7 ? {counts.unverified}"
    return text


def hits_tooltip(counts: HitCounts) -> str:
    return tr("{confirmed} confirmed, {rejected} rejected, {unverified} not yet verified").format(
        confirmed=counts.confirmed, rejected=counts.rejected, unverified=counts.unverified)


def _sort_key(entry: WatchlistEntry) -> tuple[int, str, str]:
    return (_CATEGORY_ORDER.get(entry.category, len(_CATEGORY_ORDER)), entry.name.casefold(),
            entry.id)


class WatchlistModel(QAbstractTableModel):
    """The current entries, in the list's own order (category, then name)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: dict[str, WatchlistEntry] = {}
        self._rows: list[str] = []  # entry ids in display order
        self._keys: list[tuple[int, str, str]] = []  # the sort key of each row, in step
        self._row_index: dict[str, int] | None = {}
        self._counts: dict[str, HitCounts] = {}
        self._thumbnails: dict[str, QImage] = {}
        self._texts: dict[str, tuple[str, ...]] = {}  # per entry, until it or the clock changes
        self._search: dict[str, tuple[str, str]] = {}  # per entry: its words, its plate
        self._soon: dict[str, bool] = {}
        self._now = utcnow()
        self._bold = QFont()
        self._bold.setBold(True)

    # --- Qt's model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:  # noqa: B008, N802 - Qt's name
        return 0 if parent.isValid() else len(_COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = _DISPLAY) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        if role == _DISPLAY:
            return "" if section == Column.PHOTO else tr(_HEADERS[_COLUMNS[section]])
        if role == _TOOLTIP:
            return tr(_HEADERS[_COLUMNS[section]])
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> object:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        uid = self._rows[row]
        if role == _DISPLAY:
            return self._row_texts(uid)[column]
        if role == EntryIdRole:
            return uid
        entry = self._entries[uid]
        if role == SortRole:
            return self._sort_value(entry, column)
        if column == Column.CATEGORY:
            swatch = WATCHLIST_CATEGORY_COLORS.get(entry.category)
            if swatch is not None and role == _BACKGROUND:
                return swatch.background_color()
            if swatch is not None and role == _FOREGROUND:
                return swatch.text_color()
            if role == _ALIGN:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if column == Column.PHOTO:
            if role == _DECORATION:
                return self._thumbnails.get(uid)
            if role == _ALIGN:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if column == Column.VALID_UNTIL:
            soon = self._expires_soon(uid)
            if soon and role == _BACKGROUND:
                return NOTICE_COLORS["warning"].background_color()
            if soon and role == _FOREGROUND:
                return NOTICE_COLORS["warning"].text_color()
            if soon and role == _FONT:
                return self._bold
            if role == _TOOLTIP:
                if soon:
                    return tr("Expires within {n} days").format(n=EXPIRY_WARNING_DAYS)
                return tr("Valid until {time}").format(
                    time=entry.valid_until.astimezone().strftime("%Y-%m-%d %H:%M"))
            return None
        if column == Column.NAME and role == _TOOLTIP:
            return name_text(entry)
        if column == Column.HANDLING and role == _TOOLTIP:
            return entry.handling or None
        if column == Column.ISSUED_BY and role == _TOOLTIP:
            return entry.issued_by or None
        if column == Column.HITS:
            counts = self._counts.get(uid)
            if role == _TOOLTIP and counts is not None:
                return hits_tooltip(counts)
            if role == _ALIGN:
                return Qt.AlignmentFlag.AlignCenter
        return None

    def _row_texts(self, uid: str) -> tuple[str, ...]:
        texts = self._texts.get(uid)
        if texts is None:
            entry = self._entries[uid]
            counts = self._counts.get(uid)
            texts = self._texts[uid] = (
                category_label(entry.category),
                "",
                name_text(entry),
                (entry.vehicle.plate or "") if entry.vehicle is not None else "",
                entry.issued_by,
                valid_until_text(entry.valid_until, self._now),
                " ".join(entry.handling.split()),  # one line; the tooltip shows it whole
                hits_text(counts) if counts is not None else "",
            )
        return texts

    def _expires_soon(self, uid: str) -> bool:
        soon = self._soon.get(uid)
        if soon is None:
            soon = self._soon[uid] = expires_soon(self._entries[uid].valid_until, self._now)
        return soon

    def _sort_value(self, entry: WatchlistEntry, column: int) -> object:
        name = entry.name.casefold()
        if column == Column.CATEGORY:
            return f"{_CATEGORY_ORDER.get(entry.category, 99):02d} {name}"
        if column == Column.PHOTO:
            return f"{0 if entry.id in self._thumbnails else 1} {name}"
        if column == Column.NAME:
            return name
        if column == Column.PLATE:
            plate = entry.vehicle.plate if entry.vehicle is not None else None
            return normalize_plate(plate or "")
        if column == Column.ISSUED_BY:
            return f"{entry.issued_by.casefold()} {name}"
        if column == Column.VALID_UNTIL:
            return entry.valid_until.timestamp()
        if column == Column.HANDLING:
            return entry.handling.casefold()
        if column == Column.HITS:
            counts = self._counts.get(entry.id)
            return counts.total if counts is not None else 0
        return None

    # --- the state ----------------------------------------------------------------------------

    def set_entries(self, entries: Iterable[WatchlistEntry], now: datetime) -> None:
        """All entries anew; those not current at ``now`` are left out."""
        self.beginResetModel()
        self._now = now
        self._entries = {e.id: e for e in entries if e.is_current(now)}
        self._rows = sorted(self._entries, key=lambda uid: _sort_key(self._entries[uid]))
        self._keys = [_sort_key(self._entries[uid]) for uid in self._rows]
        self._row_index = None
        self._texts.clear()
        self._search.clear()
        self._soon.clear()
        self._thumbnails = {uid: image for uid, image in self._thumbnails.items()
                            if uid in self._entries}
        self.endResetModel()

    def update_entries(self, upserted: Iterable[WatchlistEntry], removed: Iterable[str],
                       now: datetime) -> None:
        """Entries changed or new (``upserted``) and withdrawn (``removed``, ids). Rows are
        changed, inserted, moved and removed one by one, so a selected row stays selected."""
        self._set_clock(now)
        for uid in removed:
            self._remove(uid)
        for entry in upserted:
            if not entry.is_current(now):
                self._remove(entry.id)
                continue
            old = self._entries.get(entry.id)
            if old is None:
                self._insert(entry)
            else:
                self._replace(old, entry)

    def tick(self, now: datetime) -> None:
        """The clock moved: "days left" anew; entries expired by now are removed."""
        self._set_clock(now)
        for uid in [uid for uid in self._rows if not self._entries[uid].is_current(now)]:
            self._remove(uid)
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.VALID_UNTIL),
                                  self.index(len(self._rows) - 1, Column.VALID_UNTIL))

    def set_counts(self, counts: Mapping[str, HitCounts]) -> None:
        """Each entry's hit counts (the whole mapping; entries not in it show no counts)."""
        self._counts = dict(counts)
        self._texts.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, Column.HITS),
                                  self.index(len(self._rows) - 1, Column.HITS))

    def set_thumbnail(self, entry_id: str, image: QImage | None) -> None:
        """The small photo of an entry in the list (None removes it). Kept in memory only,
        and only while the entry is a row."""
        row = self.row_of(entry_id)
        if row is None:
            return
        if image is None or image.isNull():
            self._thumbnails.pop(entry_id, None)
        else:
            self._thumbnails[entry_id] = image.scaled(
                THUMBNAIL_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)
        index = self.index(row, Column.PHOTO)
        self.dataChanged.emit(index, index)

    def _set_clock(self, now: datetime) -> None:
        if now != self._now:
            self._now = now
            self._texts.clear()
            self._soon.clear()

    def _idx(self) -> dict[str, int]:
        if self._row_index is None:
            self._row_index = {uid: r for r, uid in enumerate(self._rows)}
        return self._row_index

    def _remove(self, uid: str) -> None:
        row = self._idx().get(uid)
        if row is None:
            return
        self.beginRemoveRows(_NO_INDEX, row, row)
        del self._rows[row]
        del self._keys[row]
        self._row_index = None
        del self._entries[uid]
        self._forget(uid)
        self._thumbnails.pop(uid, None)
        self.endRemoveRows()

    def _forget(self, uid: str) -> None:
        self._texts.pop(uid, None)
        self._search.pop(uid, None)
        self._soon.pop(uid, None)

    def _insert(self, entry: WatchlistEntry) -> None:
        key = _sort_key(entry)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(_NO_INDEX, row, row)
        self._rows.insert(row, entry.id)
        self._keys.insert(row, key)
        self._row_index = None
        self._entries[entry.id] = entry
        self.endInsertRows()

    def _replace(self, old: WatchlistEntry, entry: WatchlistEntry) -> None:
        uid = entry.id
        if entry.photo_url != old.photo_url:
            self._thumbnails.pop(uid, None)  # another photo: the pane fetches it anew
        self._entries[uid] = entry
        self._forget(uid)
        row = self._idx()[uid]
        key = _sort_key(entry)
        if key != self._keys[row]:
            rest = self._keys[:row] + self._keys[row + 1:]
            target = bisect_left(rest, key)  # its row once moved
            if target != row:
                # beginMoveRows counts the destination in rows before the move.
                self.beginMoveRows(_NO_INDEX, row, row, _NO_INDEX,
                                   target if target < row else target + 1)
                del self._rows[row]
                del self._keys[row]
                self._rows.insert(target, uid)
                self._keys.insert(target, key)
                self._row_index = None
                self.endMoveRows()
                row = target
            else:
                self._keys[row] = key
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(_COLUMNS) - 1))

    # --- reading ------------------------------------------------------------------------------

    def entry_at(self, row: int) -> WatchlistEntry:
        """The entry of ``row`` (raises ``IndexError`` for a row not in the model)."""
        if not 0 <= row < len(self._rows):
            raise IndexError(row)
        return self._entries[self._rows[row]]

    def row_of(self, entry_id: str) -> int | None:
        return self._idx().get(entry_id)

    def entries(self) -> list[WatchlistEntry]:
        """The entries in row order."""
        return [self._entries[uid] for uid in self._rows]

    def now(self) -> datetime:
        return self._now

    def search_text(self, row: int) -> tuple[str, str]:
        """What a search looks in for ``row``'s entry: its name, aliases, description and
        vehicle description (case-folded), and its plate (``normalize_plate``)."""
        uid = self._rows[row]
        found = self._search.get(uid)
        if found is None:
            entry = self._entries[uid]
            vehicle = entry.vehicle
            words = "\n".join([entry.name, *entry.aliases, entry.description,
                               (vehicle.description or "") if vehicle is not None else "",
                               (vehicle.plate or "") if vehicle is not None else ""])
            plate = normalize_plate((vehicle.plate or "") if vehicle is not None else "")
            found = self._search[uid] = (words.casefold(), plate)
        return found


class WatchlistFilter(QSortFilterProxyModel):
    """The rows a committed search and the category picked let through; sorts by
    ``SortRole`` (a date by the date, hits by their total)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""
        self._words: tuple[tuple[str, str], ...] = ()  # (folded word, as a plate)
        self._category: str | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def query(self) -> str:
        return self._query

    def category(self) -> str | None:
        return self._category

    def set_query(self, text: str) -> None:
        """Every whitespace-separated word must occur (case-insensitive) in the name, an alias,
        the description, the vehicle's description or its plate (a plate ignoring spaces,
        hyphens and case)."""
        text = " ".join(text.split())
        if text == self._query:
            return
        self.beginFilterChange()
        self._query = text
        self._words = tuple((w.casefold(), normalize_plate(w)) for w in text.split())
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_category(self, category: str | None) -> None:
        if category == self._category:
            return
        self.beginFilterChange()
        self._category = category
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, WatchlistModel):
            return True
        if self._category is not None and model.entry_at(source_row).category != self._category:
            return False
        if not self._words:
            return True
        words, plate = model.search_text(source_row)
        return all(word in words or (as_plate and as_plate in plate)
                   for word, as_plate in self._words)
