"""The operations-dark theme: palette, style sheet and font, with a large-text mode for the
hall's wall screens.

One call, ``apply_theme(app, large_text=...)``, sets everything and may be called again when
the officer changes the setting (widgets without fonts of their own follow at once). The style
sheet is a template (``resources/style/operations-dark.qss``) filled from ``COLORS`` and from
sizes scaled by ``font_scale``; the priority and status chip rules are generated from
``widgets.colors``, the single source of those colours. Call on the GUI thread.
"""

from __future__ import annotations

import logging
from importlib.resources import files
from string import Template
from types import MappingProxyType
from typing import Final

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from desktop.shell.icons import icon_path
from widgets.colors import (
    CONNECTION_COLORS,
    NOTICE_COLORS,
    PRIORITY_COLORS,
    UNIT_STATUS_COLORS,
    WINDOW_BACKGROUND,
    Swatch,
)

log = logging.getLogger(__name__)

THEME_NAME: Final = "operations-dark"

# Soft light grey on dark blue-grey: about 12:1, far from the glare of white on black.
COLORS: Final = MappingProxyType({
    "window": WINDOW_BACKGROUND,
    "base": "#14181d",           # text fields, lists: a step darker than the window
    "alternate": "#1f242a",
    "raised": "#2a3038",         # buttons, menus, cards
    "raised_hover": "#353d47",
    "sunken": "#15191e",
    "border": "#333b44",
    "border_strong": "#4a545f",
    "text": "#d8dde3",
    "text_dim": "#9aa4af",
    "text_disabled": "#6b7480",
    "accent": "#5cb8ff",
    "accent_dim": "#3d7fb3",
    "focus": "#5cb8ff",          # the focus ring: 7.7:1 on the window colour
    "selection": "#1f5f99",
    "selection_text": "#ffffff",
    "link": "#7cc4ff",
    "error_text": "#ff8a80",     # wrong password and the like: 7.6:1 on the window colour
    "overlay": "#0e1114",        # the session lock's opaque cover
})

# Points at scale 1; large-text mode multiplies every size (fonts, padding, controls).
BASE_POINT_SIZE: Final = 10
LARGE_TEXT_SCALE: Final = 1.6
# First the font the set-up installs (fonts-noto-cjk), then the usual CJK fonts of other
# systems; Qt falls back glyph by glyph through this list.
FONT_FAMILIES: Final = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI",
                        "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "Noto Sans")

_CHIP_TABLES: Final = (("priority", PRIORITY_COLORS), ("unitStatus", UNIT_STATUS_COLORS),
                       ("connection", CONNECTION_COLORS), ("notice", NOTICE_COLORS))


def font_scale(*, large_text: bool = False) -> float:
    """The factor every size of the theme is multiplied by (for views that paint text)."""
    return LARGE_TEXT_SCALE if large_text else 1.0


def _sizes(scale: float) -> dict[str, str]:
    def px(n: float) -> str:
        return f"{round(n * scale)}px"

    return {
        "heading_pt": f"{round(BASE_POINT_SIZE * 1.3 * scale)}pt",
        "heading_gap": px(14),
        "pad_small": px(3),
        "pad_large": px(8),
        "control_height": px(20),
        "focus_px": "3px" if scale > 1.0 else "2px",
        "border_px": "1px",
        "icon_px": px(18),
        "indicator_px": px(14),
        "indicator_radius": px(7),
    }


def _chip_rule(prop: str, value: object, swatch: Swatch) -> str:
    return (f'*[chip="true"][{prop}="{value}"] {{ background-color: {swatch.background}; '
            f"color: {swatch.text}; }}")


def chip_rules() -> str:
    """Style-sheet rules for chips, generated from ``widgets.colors``."""
    return "\n".join(_chip_rule(prop, value, swatch)
                     for prop, table in _CHIP_TABLES for value, swatch in table.items())


def style_sheet(*, large_text: bool = False) -> str:
    """The filled-in application style sheet (raises ``KeyError`` on an unknown ``$name``)."""
    template = files("resources").joinpath(f"style/{THEME_NAME}.qss").read_text("utf-8")
    values = {**COLORS, **_sizes(font_scale(large_text=large_text)),
              "check_icon": icon_path("check").as_posix()}
    return Template(template).substitute(values) + "\n" + chip_rules() + "\n"


def build_palette() -> QPalette:
    """The theme's palette (for Fusion and for widgets that paint with palette roles)."""
    c = {name: QColor(value) for name, value in COLORS.items()}
    pal = QPalette()
    role = QPalette.ColorRole
    for r, name in ((role.Window, "window"), (role.WindowText, "text"), (role.Base, "base"),
                    (role.AlternateBase, "alternate"), (role.Text, "text"),
                    (role.Button, "raised"), (role.ButtonText, "text"),
                    (role.ToolTipBase, "raised"), (role.ToolTipText, "text"),
                    (role.PlaceholderText, "text_disabled"), (role.Highlight, "selection"),
                    (role.HighlightedText, "selection_text"), (role.Link, "link"),
                    (role.LinkVisited, "link"), (role.BrightText, "error_text"),
                    (role.Light, "border_strong"), (role.Midlight, "raised_hover"),
                    (role.Mid, "border"), (role.Dark, "sunken"), (role.Shadow, "overlay")):
        pal.setColor(r, c[name])
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(disabled, r, c["text_disabled"])
    pal.setColor(disabled, role.Button, c["window"])
    pal.setColor(disabled, role.Highlight, c["border"])
    return pal


def ui_font(*, large_text: bool = False) -> QFont:
    """The application font: the first installed of ``FONT_FAMILIES`` (others as fallbacks),
    at the theme's size."""
    installed = set(QFontDatabase.families())
    available = [f for f in FONT_FAMILIES if f in installed]
    font = QFont(QApplication.font())
    if available:
        font.setFamilies(available)
    else:
        log.warning("none of the fonts %s is installed; Chinese text may show as boxes "
                    "(install fonts-noto-cjk)", ", ".join(FONT_FAMILIES))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(BASE_POINT_SIZE * font_scale(large_text=large_text))
    return font


def apply_theme(app: QApplication, *, large_text: bool = False) -> None:
    """Apply style, palette, font and style sheet to the whole application."""
    app.setStyle("Fusion")  # the one style that honours a dark palette on every platform
    app.setPalette(build_palette())
    app.setFont(ui_font(large_text=large_text))
    app.setStyleSheet(style_sheet(large_text=large_text))
    app.setProperty("largeText", large_text)


def mark_chip(widget: QWidget, prop: str, value: object) -> None:
    """Make ``widget`` a chip coloured by the theme for ``prop`` (``priority``,
    ``unitStatus``, ``connection`` or ``notice``) and ``value``, e.g.
    ``mark_chip(label, "connection", "offline")``; call again when the value changes."""
    if prop not in dict(_CHIP_TABLES):
        raise ValueError(f"unknown chip property {prop!r}")
    widget.setProperty("chip", "true")
    widget.setProperty(prop, str(value))
    widget.style().unpolish(widget)
    widget.style().polish(widget)
