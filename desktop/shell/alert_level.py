"""The hall's alert level on every window: an ``AlertBand`` that follows ``SessionState``.

The main window and each extra-screen window get their own band; while the workstation is not
live the band says the level is the last one known, and as of when.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.state.session import SessionState
from widgets.alert_band import AlertBand


def alert_band(state: SessionState, parent: QWidget | None = None) -> AlertBand:
    """A band that shows ``state``'s alert level from now on (until it is destroyed)."""
    band = AlertBand(parent)

    def refresh(what: str = "alert") -> None:
        if what not in ("alert", "connection"):
            return
        notice = state.alert
        live = state.connection.is_live
        band.show_level(state.alert_level, notice.text if notice else "",
                        notice.at if notice else None,
                        None if live or notice is None else (state.live_as_of or notice.at))

    unsubscribe = state.subscribe(refresh)
    band.destroyed.connect(lambda *_: unsubscribe())
    refresh()
    return band
