"""The command palette (Ctrl+K): every command reachable by typing (``ack``, ``disp U12``,
``close false``), each shown with its shortcut.

Panes and the shell register ``PaletteCommand``s in a ``CommandRegistry``;
``install_palette(main_window, registry)`` adds the Ctrl+K action that opens the
``CommandPalette``. ``match`` (the ranking) lives in ``commands``, which is pure Python: the Qt
names below are imported only when first used, so ``widgets.command_palette.commands`` can be
imported (and tested) without Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from widgets.command_palette.commands import (
    Match,
    MatchKind,
    PaletteCommand,
    availability,
    complete_words,
    match,
)

if TYPE_CHECKING:
    from widgets.command_palette.palette import (
        CommandPalette,
        CommandRegistry,
        MatchRole,
        PaletteAction,
        command_from_action,
        install_palette,
    )

_QT_NAMES = frozenset({"CommandPalette", "CommandRegistry", "MatchRole", "PaletteAction",
                       "command_from_action", "install_palette"})

__all__ = ["CommandPalette", "CommandRegistry", "Match", "MatchKind", "MatchRole",
           "PaletteAction", "PaletteCommand", "availability", "command_from_action",
           "complete_words", "install_palette", "match"]


def __getattr__(name: str) -> Any:
    if name in _QT_NAMES:
        from widgets.command_palette import palette

        return getattr(palette, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
