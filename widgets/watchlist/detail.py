"""``EntryDetail``: one watchlist entry opened — first why it may be acted on (its legal basis,
how long it is valid), then the photo beside the person's facts and how to handle them, the
hits and the recent sightings, and a button to print the BOLO sheet.

The detail shows what the pane gives it (the pane fetched and audited the opening) and emits
the officer's requests. It shows the entry's fields one by one, by name, never by iterating over
them; every text of the entry is escaped before it goes into rich text (a name may hold "<").
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from typing import Final

from PySide6.QtCore import QT_TR_NOOP, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backend_client.schemas import WatchlistEntry
from widgets.colors import NOTICE_COLORS, SECONDARY_TEXT, WATCHLIST_CATEGORY_COLORS, Swatch
from widgets.i18n import tr
from widgets.watchlist.facts import (
    HitCounts,
    Sighting,
    category_label,
    expires_soon,
    valid_until_text,
)

PHOTO_SIZE: Final = QSize(240, 320)  # the largest the photo is shown
PHOTO_MIN_WIDTH: Final = 120  # beside the facts the photo shrinks to fit, down to this
FACTS_MIN_WIDTH: Final = 280  # less room beside the photo: the facts go below it
NO_PHOTO_SIZE: Final = QSize(160, 120)
_SEX_LABELS: Final = {"f": QT_TR_NOOP("female"), "m": QT_TR_NOOP("male"),
                      "x": QT_TR_NOOP("diverse")}
_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


def sex_label(sex: str) -> str:
    return tr(_SEX_LABELS.get(sex, sex))


def sighting_text(sighting: Sighting) -> str:
    """"2025-03-01 09:15 · Main St 4 · 87 % · confirmed · closed"."""
    parts = [sighting.at.astimezone().strftime("%Y-%m-%d %H:%M")]
    if sighting.place:
        parts.append(sighting.place)
    if sighting.confidence is not None:
        parts.append(tr("{p} %").format(p=round(sighting.confidence * 100)))
    parts.append(tr("not verified") if sighting.verified is None
                 else tr("confirmed") if sighting.verified else tr("rejected"))
    if sighting.closed:
        parts.append(tr("closed"))
    return " \u00b7 ".join(parts)


def hits_line(counts: HitCounts) -> str:
    return tr("Hits: {confirmed} confirmed \u00b7 {rejected} rejected \u00b7 {unverified} not "
              "yet verified").format(confirmed=counts.confirmed, rejected=counts.rejected,
                                     unverified=counts.unverified)


def _label(parent: QWidget, name: str, *, rich: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(_SELECTABLE)
    return label


def _chip(text: str, background: str, foreground: str) -> str:
    return (f'<span style="background-color:{background}; color:{foreground};">'
            f"&nbsp;{html.escape(text)}&nbsp;</span>")


class EntryDetail(QWidget):
    sighting_selected = Signal(str)  # a sighting's alarm id
    export_requested = Signal(str)  # the entry id whose BOLO sheet is to be printed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistDetail")
        self._entry_id: str | None = None

        # Why the entry may be acted on, first and large.
        self._legal_box = QFrame(self)
        self._legal_box.setObjectName("watchlistLegalBox")
        self._legal_box.setFrameShape(QFrame.Shape.Box)
        self._legal_box.setLineWidth(2)
        self._legal = _label(self._legal_box, "watchlistLegalBasis", rich=True)
        self._valid = _label(self._legal_box, "watchlistValidUntil", rich=True)
        for label in (self._legal, self._valid):
            label.setProperty("role", "heading")  # the theme's large bold text
            font = label.font()
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.25)
            label.setFont(font)
        box = QVBoxLayout(self._legal_box)
        box.setContentsMargins(10, 8, 10, 8)
        box.addWidget(self._legal)
        box.addWidget(self._valid)

        self._photo = QLabel(self)
        self._photo.setObjectName("watchlistPhoto")
        self._photo.setTextFormat(Qt.TextFormat.PlainText)
        self._photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._photo.setMaximumSize(PHOTO_SIZE)
        self._photo_full: QPixmap | None = None  # the photo shown, while it is shown
        self._name = _label(self, "watchlistName", rich=True)
        self._facts = _label(self, "watchlistFacts", rich=True)
        self._handling = _label(self, "watchlistHandling", rich=True)
        warning = NOTICE_COLORS["warning"]
        self._handling.setStyleSheet(f"border-left: 4px solid {warning.background};"
                                     " padding-left: 6px;")
        facts = QVBoxLayout()
        facts.setContentsMargins(0, 0, 0, 0)
        facts.addWidget(self._name)
        facts.addWidget(self._facts)
        facts.addWidget(self._handling)
        facts.addStretch(1)
        # The photo beside the facts (shrunk to fit), or above them when the detail is too
        # narrow for both.
        self._person = person = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        person.setContentsMargins(0, 0, 0, 0)
        person.addWidget(self._photo, 0, Qt.AlignmentFlag.AlignTop)
        person.addLayout(facts, 1)

        self._hits = _label(self, "watchlistHits")
        self._sightings_caption = QLabel(f"<b>{html.escape(tr('Recent sightings'))}</b>", self)
        self._sightings = QListWidget(self)
        self._sightings.setObjectName("watchlistSightings")
        self._sightings.setMinimumHeight(90)
        self._sightings.setWordWrap(True)  # a long place wraps rather than scrolls sideways
        self._sightings.setResizeMode(QListView.ResizeMode.Adjust)
        self._sightings.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._sightings.itemClicked.connect(self._sighting_chosen)
        self._sightings.itemActivated.connect(self._sighting_chosen)
        self._no_sightings = _label(self, "watchlistNoSightings")
        self._no_sightings.setText(tr("No sightings known to this workstation."))

        self._export = QPushButton(tr("Print BOLO sheet\u2026"), self)
        self._export.setObjectName("watchlistExport")
        self._export.clicked.connect(self._ask_export)
        self._actions = QWidget(self)  # below the scrolling part: always in reach
        buttons = QHBoxLayout(self._actions)
        buttons.setContentsMargins(0, 4, 0, 0)
        buttons.addWidget(self._export)
        buttons.addStretch(1)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._legal_box)
        column.addLayout(person)
        column.addWidget(self._hits)
        column.addWidget(self._sightings_caption)
        column.addWidget(self._sightings, 3)
        column.addWidget(self._no_sightings)
        column.addStretch(1)  # the space a short entry leaves goes below, not between
        self._scroll = QScrollArea(self)
        self._scroll.setWidget(body)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)

        # Instead of an entry: loading, a message, or what to do.
        self._notice = _label(self, "watchlistDetailNotice")
        self._notice.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._actions)
        layout.addWidget(self._notice, 1)
        self.set_export_enabled(True)
        self.clear()

    # --- public ------------------------------------------------------------------------------

    def entry_id(self) -> str | None:
        """The entry shown (None while loading, showing a message, or empty)."""
        return self._entry_id

    def export_button(self) -> QPushButton:
        return self._export

    def notice_text(self) -> str:
        """The text shown instead of an entry ("" while an entry is shown)."""
        return self._notice.text() if self._entry_id is None else ""

    def clear(self) -> None:
        self._show_notice(tr("Select an entry and press Enter (or double-click) to open its "
                             "details. Opening an entry is recorded in the audit log."), None)

    def show_loading(self, name: str) -> None:
        self._show_notice(tr("Opening {name}\u2026").format(name=name), None)

    def show_message(self, text: str, level: str = "warning") -> None:
        """A message instead of an entry (the role's explanation, a failure)."""
        self._show_notice(text, NOTICE_COLORS.get(level, NOTICE_COLORS["warning"]))

    def set_export_enabled(self, enabled: bool, why: str = "") -> None:
        self._export.setEnabled(enabled)
        self._export.setToolTip(tr("Print a one-page BOLO sheet of this entry") if enabled
                                else why)

    def show_entry(self, entry: WatchlistEntry, photo: QImage | None,
                   sightings: Sequence[Sighting], counts: HitCounts, now: datetime) -> None:
        if not entry.is_current(now):
            # Never shown: expired, or no legal basis to show it on.
            self.show_message(tr("This entry is no longer valid (expired or without a legal "
                                 "basis); it is not shown."))
            return
        self._entry_id = entry.id
        self._notice.hide()
        self._scroll.show()
        self._actions.show()
        self._scroll.verticalScrollBar().setValue(0)
        self._show_legal(entry, now)
        self._photo_full = (QPixmap.fromImage(photo) if photo is not None and not photo.isNull()
                            else None)
        self._fit_photo()
        self._show_person(entry)
        self._hits.setText(hits_line(counts))
        self._show_sightings(sightings)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._entry_id is not None:
            self._fit_photo()

    # --- parts -------------------------------------------------------------------------------

    def _show_notice(self, text: str, swatch: Swatch | None) -> None:
        self._entry_id = None
        self._scroll.hide()
        self._actions.hide()
        self._sightings.clear()
        self._photo.clear()
        self._photo_full = None
        if swatch is None:
            self._notice.setStyleSheet("")
            self._notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        else:
            self._notice.setStyleSheet(
                f"background-color: {swatch.background}; color: {swatch.text};"
                " padding: 8px; font-weight: bold;")
            self._notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._notice.setText(text)
        self._notice.show()

    def _show_legal(self, entry: WatchlistEntry, now: datetime) -> None:
        self._legal.setText(f"{html.escape(tr('Legal basis:'))} "
                            f"{html.escape(entry.legal_basis)}")
        until = html.escape(valid_until_text(entry.valid_until, now))
        if expires_soon(entry.valid_until, now):
            w = NOTICE_COLORS["warning"]
            until = (f'<span style="background-color:{w.background}; color:{w.text};">'
                     f"&nbsp;{until}&nbsp;</span>")
            self._valid.setToolTip(tr("Expires within a week: it must be renewed or it "
                                      "is withdrawn."))
        else:
            self._valid.setToolTip("")
        self._valid.setText(f"{html.escape(tr('Valid until:'))} {until}")

    def _fit_photo(self) -> None:
        """The photo at most 240 × 320 (keeping its aspect) beside the facts; narrower when
        room is short; above the facts when there is not even room for a small one."""
        width = self.width() - 30  # the margins and the scroll bar
        room = width - FACTS_MIN_WIDTH
        photo = self._photo_full
        beside = room >= (NO_PHOTO_SIZE.width() if photo is None else PHOTO_MIN_WIDTH)
        direction = (QBoxLayout.Direction.LeftToRight if beside
                     else QBoxLayout.Direction.TopToBottom)
        if self._person.direction() != direction:
            self._person.setDirection(direction)
        if photo is None:
            self._photo.setPixmap(QPixmap())
            self._photo.setText(tr("No photo"))
            self._photo.setStyleSheet(f"border: 1px dashed {SECONDARY_TEXT};"
                                      f" color: {SECONDARY_TEXT};")
            self._photo.setFixedSize(NO_PHOTO_SIZE)
            return
        self._photo.setStyleSheet("")
        box = QSize(max(PHOTO_MIN_WIDTH, min(PHOTO_SIZE.width(), room if beside else width)),
                    PHOTO_SIZE.height())
        scaled = photo.scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        self._photo.setFixedSize(scaled.size())
        self._photo.setPixmap(scaled)

    def _show_person(self, entry: WatchlistEntry) -> None:
        swatch = WATCHLIST_CATEGORY_COLORS.get(entry.category)
        label = category_label(entry.category)
        badge = (_chip(label, swatch.background, swatch.text) if swatch is not None
                 else html.escape(label))
        self._name.setText(f"{badge}&nbsp; <span style='font-size:large; font-weight:bold'>"
                           f"{html.escape(entry.name)}</span>")
        rows: list[tuple[str, str]] = []
        aliases = [a for a in entry.aliases if a.strip()]
        if aliases:
            rows.append((tr("Also known as"), ", ".join(aliases)))
        if entry.sex is not None:
            rows.append((tr("Sex"), sex_label(entry.sex)))
        if entry.birth_year is not None:
            rows.append((tr("Born"), str(entry.birth_year)))
        if entry.description:
            rows.append((tr("Description"), entry.description))
        vehicle = entry.vehicle
        if vehicle is not None and (vehicle.plate or vehicle.description):
            rows.append((tr("Vehicle"), " \u00b7 ".join(
                part for part in (vehicle.plate, vehicle.description) if part)))
        rows.append((tr("Issued by"), entry.issued_by))
        self._facts.setText("<table>" + "".join(
            f"<tr><td style='padding-right:10px; white-space:nowrap; color:{SECONDARY_TEXT}'>"
            f"{html.escape(k)}</td>"
            f"<td>{html.escape(v)}</td></tr>" for k, v in rows) + "</table>")
        handling = entry.handling or "\u2014"
        self._handling.setText(f"<b>{html.escape(tr('Handling:'))} "
                               f"{html.escape(handling)}</b>")

    def _show_sightings(self, sightings: Sequence[Sighting]) -> None:
        self._sightings.clear()
        for sighting in sorted(sightings, key=lambda s: s.at, reverse=True):
            item = QListWidgetItem(sighting_text(sighting))
            item.setData(Qt.ItemDataRole.UserRole, sighting.alarm_id)
            item.setToolTip(tr("Open alarm {id}").format(id=sighting.alarm_id))
            self._sightings.addItem(item)
        self._sightings.setVisible(bool(sightings))
        self._no_sightings.setVisible(not sightings)

    def _sighting_chosen(self, item: QListWidgetItem) -> None:
        alarm_id = item.data(Qt.ItemDataRole.UserRole)
        if alarm_id:
            self.sighting_selected.emit(str(alarm_id))

    def _ask_export(self) -> None:
        if self._entry_id is not None:
            self.export_requested.emit(self._entry_id)
