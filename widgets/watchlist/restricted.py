"""``RestrictedNotice``: what the watchlist pane shows to roles that may not see entries (video
patrol, leadership): why, and how many entries there are per category — no names, no photos,
nothing about any person."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from widgets.i18n import tr
from widgets.watchlist.facts import CATEGORIES, category_label


def counts_text(counts_by_category: Mapping[str, int]) -> str:
    """"Current entries: 7 (4 Wanted · 2 Missing · 1 BOLO)"; categories without entries are
    left out."""
    order = [c for c in CATEGORIES if c in counts_by_category]
    order += sorted(c for c in counts_by_category if c not in CATEGORIES)
    parts = [f"{n} {category_label(c)}" for c in order if (n := int(counts_by_category[c])) > 0]
    total = sum(max(0, int(n)) for n in counts_by_category.values())
    if not parts:
        return tr("Current entries: none")
    return tr("Current entries: {total} ({parts})").format(total=total,
                                                           parts=" \u00b7 ".join(parts))


class RestrictedNotice(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchlistRestricted")
        self._explanation = QLabel(self)
        self._explanation.setObjectName("watchlistRestrictedExplanation")
        self._explanation.setTextFormat(Qt.TextFormat.PlainText)
        self._explanation.setWordWrap(True)
        self._explanation.setProperty("role", "heading")
        self._counts = QLabel(self)
        self._counts.setObjectName("watchlistRestrictedCounts")
        self._counts.setTextFormat(Qt.TextFormat.PlainText)
        self._counts.setWordWrap(True)
        for label in (self._explanation, self._counts):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(self._explanation)
        layout.addWidget(self._counts)
        layout.addStretch(1)
        self.show_counts({}, "")

    def show_counts(self, counts_by_category: Mapping[str, int], role_names: str) -> None:
        self._explanation.setText(tr(
            "Watchlist entries are shown to duty officers and supervisors only. Your role "
            "({roles}) does not see names, photos or details; the central services refuse "
            "them too.").format(roles=role_names or "\u2014"))
        self._counts.setText(counts_text(counts_by_category))

    def explanation_text(self) -> str:
        return self._explanation.text()

    def counts_line(self) -> str:
        return self._counts.text()
