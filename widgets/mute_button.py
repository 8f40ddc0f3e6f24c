"""``MuteButton``: the alarm sounds' mute toggle and the indicator that they are muted.

Normally a speaker icon. Muted, it reads "Muted 4:59" on amber, counting down each second, so
nobody forgets that the hall's workstation is silent; with a P1 alarm waiting it says so too.
A click mutes for ``minutes`` (the mute ends by itself) or unmutes.

The button shows the state and asks for changes (``mute_requested``, ``unmute_requested``);
whoever owns the sounds answers with ``set_muted_until``. It also updates itself at once on a
click, so it never looks unresponsive.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QToolButton, QWidget

from widgets.colors import NOTICE_COLORS

DEFAULT_MINUTES = 5


def _utcnow() -> datetime:
    return datetime.now(UTC)


def countdown(seconds: float) -> str:
    """``m:ss`` rounded up, so it never shows 0:00 while still muted."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def speaker_icon(color: QColor | str, *, muted: bool, size: int = 16) -> QIcon:
    """A speaker with sound waves, or with a cross when muted, drawn in ``color`` (the
    style's own media icons are near-black: invisible on the dark operations theme)."""
    scale = 2  # sharp on high-DPI screens too
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(color))
    p.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in
                             ((1, 6), (4, 6), (8, 2), (8, 14), (4, 10), (1, 10))]))
    p.setPen(QPen(QColor(color), 1.5 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(Qt.BrushStyle.NoBrush)
    if muted:
        p.drawLine(QPointF(10.5 * s, 5.5 * s), QPointF(15 * s, 10.5 * s))
        p.drawLine(QPointF(15 * s, 5.5 * s), QPointF(10.5 * s, 10.5 * s))
    else:
        for r in (3.0, 5.5):
            p.drawArc(QRectF((8 - r) * s, (8 - r) * s, 2 * r * s, 2 * r * s), -45 * 16, 90 * 16)
    p.end()
    return QIcon(pixmap)


class MuteButton(QToolButton):
    mute_requested = Signal(int)  # minutes
    unmute_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, minutes: int = DEFAULT_MINUTES,
                 now: Callable[[], datetime] = _utcnow) -> None:
        super().__init__(parent)
        self.setObjectName("muteButton")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a status-bar click must not steal focus
        self.minutes = minutes
        self._now = now
        self._muted_until: datetime | None = None
        self._p1_waiting = False
        self._sounds_enabled = True
        # Single-shot, re-armed for the moment the shown second changes: exact, and idle
        # when not muted.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.clicked.connect(self.toggle_mute)
        self.refresh()

    # --- state from the owner -----------------------------------------------------------------

    @property
    def muted_until(self) -> datetime | None:
        return self._muted_until

    def is_muted(self) -> bool:
        return self._muted_until is not None and self._remaining() > 0

    def set_muted_until(self, until: datetime | None) -> None:
        self._muted_until = until
        self.refresh()

    def set_p1_waiting(self, waiting: bool) -> None:
        self._p1_waiting = waiting
        self.refresh()

    def set_sounds_enabled(self, enabled: bool) -> None:
        """The officer's setting: with sounds off there is nothing to mute, and the button
        says so instead."""
        self._sounds_enabled = enabled
        self.setEnabled(enabled)
        self.refresh()

    # --- the officer --------------------------------------------------------------------------

    def toggle_mute(self) -> None:
        if self.is_muted():
            self._muted_until = None
            self.refresh()
            self.unmute_requested.emit()
        else:
            self._muted_until = self._now() + timedelta(minutes=self.minutes)
            self.refresh()
            self.mute_requested.emit(self.minutes)

    # --- showing it ---------------------------------------------------------------------------

    def _remaining(self) -> float:
        if self._muted_until is None:
            return 0.0
        return (self._muted_until - self._now()).total_seconds()

    def refresh(self) -> None:
        """Show the current state (each second by itself while muted)."""
        self._timer.stop()
        remaining = self._remaining()
        if self._muted_until is not None and remaining <= 0:
            self._muted_until = None  # it ended by itself
        swatch = NOTICE_COLORS["warning"]
        muted_icon = speaker_icon(swatch.text, muted=True)
        if not self._sounds_enabled:
            self._show(muted_icon, self.tr("Sounds off"), amber=True,
                       tip=self.tr("Alarm sounds are turned off in Workstation → Settings."))
        elif self._muted_until is None:
            on_icon = speaker_icon(self.palette().buttonText().color(), muted=False)
            self._show(on_icon, "", amber=False,
                       tip=self.tr("Alarm sounds are on. Click to mute them for {n} minutes.")
                       .format(n=self.minutes))
        else:
            text = self.tr("Muted {time}").format(time=countdown(remaining))
            tip = self.tr("Alarm sounds are muted until {t}; they come back by themselves. "
                          "Click to turn them on now.").format(
                t=self._muted_until.astimezone().strftime("%H:%M:%S"))
            if self._p1_waiting:
                text += " · " + self.tr("P1 waiting")
                tip += "\n" + self.tr("A priority 1 alarm waits for acknowledgement; its "
                                      "reminder sounds again when the mute ends.")
            self._show(muted_icon, text, amber=True, tip=tip)
            # Wake when the shown (rounded-up) second changes.
            fraction = remaining - (math.ceil(remaining) - 1)
            self._timer.start(max(1, math.ceil(fraction * 1000)) + 5)

    def _show(self, icon: QIcon, text: str, *, amber: bool, tip: str) -> None:
        self.setIcon(icon)
        self.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(text or self.tr("Alarm sounds on"))
        if amber:
            swatch = NOTICE_COLORS["warning"]
            self.setStyleSheet(f"#muteButton {{ background: {swatch.background}; "
                               f"color: {swatch.text}; font-weight: bold; padding: 1px 8px; }}")
        else:
            self.setStyleSheet("")
