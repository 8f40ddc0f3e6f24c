"""What the watchlist widgets show besides the entries themselves: the words for categories,
the days left, an entry's hit counts and sightings.

An entry is shown field by field, by name: no widget or sheet ever iterates over an entry's
fields, so nothing the client's schema does not name can reach the screen or paper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from PySide6.QtCore import QT_TR_NOOP

from widgets.i18n import plural, tr

# An entry expiring within this many days is marked: someone must renew it or let it go.
EXPIRY_WARNING_DAYS: Final = 7

_CATEGORY_LABELS: Final = {
    "wanted": QT_TR_NOOP("Wanted"),
    "missing": QT_TR_NOOP("Missing"),
    "bolo": QT_TR_NOOP("BOLO"),
    "protection_order": QT_TR_NOOP("Protection order"),
    "event_ban": QT_TR_NOOP("Event ban"),
}
CATEGORIES: Final = tuple(_CATEGORY_LABELS)


def category_label(category: str) -> str:
    return tr(_CATEGORY_LABELS.get(category, category))


def days_left(valid_until: datetime, now: datetime) -> int:
    """Whole days until ``valid_until`` (0 on its last day)."""
    return max(0, int((valid_until - now).total_seconds() // 86_400))


def expires_soon(valid_until: datetime, now: datetime) -> bool:
    return (valid_until - now).total_seconds() <= EXPIRY_WARNING_DAYS * 86_400


def valid_until_text(valid_until: datetime, now: datetime) -> str:
    """"2026-12-03 · 4 days left" in the officer's time zone."""
    days = days_left(valid_until, now)
    left = tr("expires today") if days == 0 else plural(
        tr("%n day left"), tr("%n days left"), days)
    return f"{valid_until.astimezone().strftime('%Y-%m-%d')} · {left}"


@dataclass(frozen=True)
class HitCounts:
    """An entry's automatic matches as people judged them: confirmed, rejected, not yet."""

    confirmed: int = 0
    rejected: int = 0
    unverified: int = 0

    @property
    def total(self) -> int:
        return self.confirmed + self.rejected + self.unverified


@dataclass(frozen=True)
class Sighting:
    """One ``watchlist_hit`` alarm of an entry, as the detail view lists it."""

    alarm_id: str
    at: datetime
    place: str  # the alarm's address, or its camera's name
    confidence: float | None
    verified: bool | None
    closed: bool
