"""``HitPanel``: the part of the alarm card that a ``watchlist_hit`` needs before anyone is
dispatched — the camera's snapshot beside the entry's photo, the match confidence, whether a
person has verified the match, the entry's handling instruction and legal basis, and the
camera one click away from the wall.

The officer compares the two pictures and decides; the panel shows, the card's Verify button
acts. Roles without watchlist details see the snapshot and the confidence, and are told why
there is no photo."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from backend_client.schemas import Alarm, Camera, WatchlistEntry
from widgets.colors import NOTICE_COLORS, SECONDARY_TEXT
from widgets.i18n import tr

PICTURE_SIZE = (200, 200)  # each picture fits this box (px), so the two sit side by side


def chip(text: str, background: str, foreground: str) -> str:
    """A word on a coloured ground, for rich text labels."""
    return (f'<span style="background-color:{background}; color:{foreground};">'
            f'&nbsp;{html.escape(text)}&nbsp;</span>')


class HitPanel(QWidget):
    camera_to_wall = Signal(str)  # a camera id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmCardHit")
        self._camera_id: str | None = None
        self._snapshot, snapshot_box = self._picture(tr("Camera snapshot"))
        self._photo, photo_box = self._picture(tr("Watchlist photo"))
        self._text = QLabel(self)
        self._text.setObjectName("alarmCardHitText")
        self._text.setTextFormat(Qt.TextFormat.RichText)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._wall = QPushButton(self)
        self._wall.setObjectName("alarmCardHitWall")
        self._wall.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the queue
        self._wall.clicked.connect(
            lambda: self._camera_id and self.camera_to_wall.emit(self._camera_id))
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 6)
        grid.addWidget(snapshot_box, 0, 0)
        grid.addWidget(photo_box, 0, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(self._text, 1, 0, 1, 3)
        grid.addWidget(self._wall, 2, 0, 1, 2, Qt.AlignmentFlag.AlignLeft)

    def _picture(self, caption: str) -> tuple[QLabel, QWidget]:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(f"<b>{html.escape(caption)}</b>", box)
        picture = QLabel(box)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setFixedSize(*PICTURE_SIZE)
        picture.setStyleSheet(f"border: 1px solid {SECONDARY_TEXT}; color: {SECONDARY_TEXT};")
        picture.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(picture)
        return picture, box

    # --- public -------------------------------------------------------------------------------

    def snapshot_label(self) -> QLabel:
        return self._snapshot

    def photo_label(self) -> QLabel:
        return self._photo

    def text(self) -> str:
        return self._text.text()

    def wall_button(self) -> QPushButton:
        return self._wall

    def show_hit(self, alarm: Alarm, entry: WatchlistEntry | None, may_see_details: bool,
                 snapshot: QImage | None, photo: QImage | None, camera: Camera | None,
                 wall_available: bool) -> None:
        if alarm.kind != "watchlist_hit":
            self.hide()
            return
        self._show_picture(self._snapshot, snapshot, tr("No snapshot"))
        if may_see_details:
            self._show_picture(self._photo, photo, tr("No photo"))
        else:
            self._show_picture(self._photo, None, tr("Not shown for your role"))

        lines = []
        if entry is not None and may_see_details:
            lines.append(f"<b>{html.escape(entry.name)}</b>")
        if alarm.match_confidence is not None:
            lines.append(tr("Match confidence: {p} %").format(
                p=round(alarm.match_confidence * 100)))
        if alarm.verified is None:
            w = NOTICE_COLORS["warning"]
            lines.append(chip(tr("Not verified: verify the match before anyone is dispatched"),
                              w.background, w.text))
        else:
            lines.append(html.escape(tr("Verified by a person: a match") if alarm.verified
                                     else tr("Verified by a person: not a match")))
        if entry is not None and may_see_details:
            lines.append(tr("Handling: {h}").format(h=html.escape(entry.handling or "—")))
            lines.append(tr("Legal basis: {b} · valid until {d}").format(
                b=html.escape(entry.legal_basis),
                d=entry.valid_until.astimezone().strftime("%Y-%m-%d")))
        elif alarm.watchlist_id and not may_see_details:
            lines.append(html.escape(tr("Watchlist details are not shown for your role.")))
        elif alarm.watchlist_id:
            lines.append(html.escape(tr("The entry is no longer on the watchlist.")))
        self._text.setText("<br>".join(lines))

        self._camera_id = camera.id if camera is not None else None
        if camera is not None:
            self._wall.setText(tr("Put {camera} on the wall").format(camera=camera.name))
        self._wall.setVisible(camera is not None and wall_available)
        self.show()

    def _show_picture(self, label: QLabel, image: QImage | None, missing: str) -> None:
        if image is None or image.isNull():
            label.setPixmap(QPixmap())
            label.setText(missing)
            return
        w, h = PICTURE_SIZE
        label.setPixmap(QPixmap.fromImage(image).scaled(
            w - 2, h - 2, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))
