"""The workstation's icons: hand-drawn 24x24 SVG line icons in ``resources/icons``.

Each icon strokes ``currentColor`` and sets ``color`` on its root to the theme's text colour,
so it reads on the dark theme as it is; Qt's SVG icon engine renders it sharply at any size
and greys it out when disabled. Call ``icon`` on the GUI thread after the QApplication exists.
"""

from __future__ import annotations

from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Final

from PySide6.QtGui import QIcon

ICON_NAMES: Final = (
    "ccw",
    "pane-video-wall", "pane-alarm-queue", "pane-grid-map", "pane-unit-board",
    "pane-watchlist", "pane-dashboard",
    "layout", "lock", "settings", "screen", "online", "offline", "notice", "outbox",
    "check",  # the tick of the theme's check boxes
)

# Keeps files extracted from a zipped bundle alive for the life of the process (a no-op for
# an ordinary installation, where the icons already are files).
_extracted = ExitStack()


@cache
def icon_path(name: str) -> Path:
    """The file of icon ``name`` (one of ``ICON_NAMES``, without ``.svg``), e.g. for a style
    sheet's ``url()``. Raises ``KeyError`` for an unknown name, ``FileNotFoundError`` if the
    file is missing."""
    if name not in ICON_NAMES:
        raise KeyError(f"no icon {name!r}; known: {', '.join(ICON_NAMES)}")
    resource = files("resources").joinpath(f"icons/{name}.svg")
    if not resource.is_file():
        raise FileNotFoundError(f"icon file resources/icons/{name}.svg is missing")
    return Path(_extracted.enter_context(as_file(resource)))


@cache
def icon(name: str) -> QIcon:
    """The icon ``name``: an error for an unknown or missing one, never a silent blank."""
    return QIcon(str(icon_path(name)))


def app_icon() -> QIcon:
    """The application's icon (window title bars, task bar)."""
    return icon("ccw")
