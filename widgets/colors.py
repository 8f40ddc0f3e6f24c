"""The one source of the hall's status colours: alarm priorities, unit statuses, the connection,
notices, watchlist categories and the hall's alert level.

Every view that colours a priority or a status takes it from here, so a chip, a map polygon and
a table cell can never disagree. Each ``Swatch`` pairs a background with the text colour to
write on it; ``tests/widgets/test_colors.py`` holds every pair to WCAG AA (4.5:1) and every
background to 3:1 against the theme's window colour, so a chip stays visible on the dark
theme. Colour is never the only sign: views also show the priority number or status text.

This module may import only ``PySide6.QtGui`` (the widgets layer uses it; the shell's theme
turns the same values into style-sheet rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from PySide6.QtGui import QColor

# The dark operations theme's window background; chips are checked against it.
WINDOW_BACKGROUND: Final = "#1b1f24"

# Named hues, used by more than one table below. Text on them: near-black on the light ones,
# white on the darker ones (white only on small saturated areas, never as a page colour).
_RED: Final = "#d32f2f"
_ORANGE: Final = "#f57c00"
_AMBER: Final = "#fbc02d"
_STEEL: Final = "#4a6fa5"
_GREEN: Final = "#2e7d32"
_BLUE: Final = "#0277bd"
_LAVENDER: Final = "#b07cd8"
_MAGENTA: Final = "#d81b60"
_BROWN: Final = "#8d6e63"
_SLATE: Final = "#5f6b77"
_WHITE: Final = "#ffffff"
_INK: Final = "#141414"


@dataclass(frozen=True)
class Swatch:
    """A background and the text colour to write on it, as ``#rrggbb`` strings (usable in
    style sheets); ``background_color()`` and ``text_color()`` give fresh ``QColor``s."""

    background: str
    text: str

    def background_color(self) -> QColor:
        return QColor(self.background)

    def text_color(self) -> QColor:
        return QColor(self.text)


def _frozen[K](table: dict[K, Swatch]) -> MappingProxyType[K, Swatch]:
    return MappingProxyType(table)


PRIORITY_COLORS: Final = _frozen({
    1: Swatch(_RED, _WHITE),
    2: Swatch(_ORANGE, _INK),
    3: Swatch(_AMBER, _INK),
    4: Swatch(_STEEL, _WHITE),
})

UNIT_STATUS_COLORS: Final = _frozen({
    "available": Swatch(_GREEN, _WHITE),
    "dispatched": Swatch(_AMBER, _INK),
    "en_route": Swatch(_BLUE, _WHITE),
    "on_scene": Swatch(_LAVENDER, _INK),
    "busy": Swatch(_MAGENTA, _WHITE),
    "out_of_service": Swatch(_BROWN, _WHITE),
    "off_duty": Swatch(_SLATE, _WHITE),
})

CONNECTION_COLORS: Final = _frozen({
    "connecting": Swatch(_STEEL, _WHITE),
    "online": Swatch(_GREEN, _WHITE),
    "reconnecting": Swatch(_AMBER, _INK),
    "offline": Swatch(_RED, _WHITE),
    "session_expired": Swatch(_LAVENDER, _INK),
})

NOTICE_COLORS: Final = _frozen({
    "info": Swatch(_BLUE, _WHITE),
    "warning": Swatch(_AMBER, _INK),
    "critical": Swatch(_RED, _WHITE),
})

# Watchlist categories, for the category badge in the watchlist list and an entry's detail.
WATCHLIST_CATEGORY_COLORS: Final = _frozen({
    "wanted": Swatch(_RED, _WHITE),
    "missing": Swatch(_BLUE, _WHITE),
    "bolo": Swatch(_ORANGE, _INK),
    "protection_order": Swatch(_LAVENDER, _INK),
    "event_ban": Swatch(_SLATE, _WHITE),
})

# The hall-wide alert level (a band across every window; "normal" shows no band).
ALERT_LEVEL_COLORS: Final = _frozen({
    "normal": Swatch(_GREEN, _WHITE),
    "elevated": Swatch(_AMBER, _INK),
    "high": Swatch(_ORANGE, _INK),
    "critical": Swatch(_RED, _WHITE),
})


# Text on the window background: secondary (labels, captions) and queued (the officer's
# commands not yet confirmed by the server). Both are held to 4.5:1 on WINDOW_BACKGROUND.
SECONDARY_TEXT: Final = "#9aa4ae"
QUEUED_TEXT: Final = _AMBER


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def relative_luminance(color: QColor | str) -> float:
    """WCAG 2 relative luminance (0 for black, 1 for white); alpha is ignored."""
    c = QColor(color)
    if not c.isValid():
        raise ValueError(f"not a colour: {color!r}")
    return (0.2126 * _linear(c.redF()) + 0.7152 * _linear(c.greenF())
            + 0.0722 * _linear(c.blueF()))


def contrast_ratio(fg: QColor | str, bg: QColor | str) -> float:
    """WCAG 2 contrast ratio of two colours, 1.0 to 21.0 (symmetric in its arguments)."""
    a, b = relative_luminance(fg), relative_luminance(bg)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)
