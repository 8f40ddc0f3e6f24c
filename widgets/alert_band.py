"""``AlertBand``: the hall-wide alert level as a coloured band across the top of a window.

Hidden at "normal": the band appears only when the hall has raised its level, so its arrival
is itself the signal (cf. the threat levels of video-management systems). The level is written
out in words, never shown by colour alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from widgets.colors import ALERT_LEVEL_COLORS
from widgets.i18n import tr

_LEVEL_LABELS = {
    "normal": QT_TR_NOOP("NORMAL"),
    "elevated": QT_TR_NOOP("ELEVATED"),
    "high": QT_TR_NOOP("HIGH"),
    "critical": QT_TR_NOOP("CRITICAL"),
}


def alert_level_label(level: str) -> str:
    return tr(_LEVEL_LABELS.get(level, level))


class AlertBand(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBand")
        self.level = "normal"
        self.label = QLabel(self)
        self.label.setObjectName("alertBandText")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 4, 16, 4)
        layout.addWidget(self.label, 1)
        self.hide()

    def show_level(self, level: str | None, text: str = "", since: datetime | None = None,
                   as_of: datetime | None = None) -> None:
        """Show ``level`` (None or "normal": hide); ``as_of`` when the workstation is offline
        and the level is the last one it knew."""
        self.level = level or "normal"
        if self.level == "normal" or self.level not in ALERT_LEVEL_COLORS:
            self.hide()
            return
        swatch = ALERT_LEVEL_COLORS[self.level]
        self.setStyleSheet(f"#alertBand {{ background: {swatch.background}; }} "
                           f"#alertBand QLabel {{ color: {swatch.text}; font-size: 14pt; "
                           "font-weight: bold; }")
        parts = [tr("ALERT LEVEL: {level}").format(level=alert_level_label(self.level))]
        if since is not None:
            parts.append(tr("since {time}").format(time=since.astimezone().strftime("%H:%M")))
        if text:
            parts.append(text)
        if as_of is not None:
            parts.append(tr("(last known, as of {time})").format(
                time=as_of.astimezone().strftime("%H:%M")))
        self.label.setText(" \u00b7 ".join(parts))
        self.show()
