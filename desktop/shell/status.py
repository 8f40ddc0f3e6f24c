"""Connection truth on screen: the status bar (operator, connection, queued commands, notices,
clock) and the banners that cannot be missed (offline, session expired, critical notice, alarm
flood)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from backend_client import schemas as s
from desktop.shell.i18n import plural, tr
from desktop.state.flood import FloodMeter, FloodReading
from desktop.state.hall import HallState
from desktop.state.session import SessionState
from widgets.colors import CONNECTION_COLORS, NOTICE_COLORS, PRIORITY_COLORS, Swatch
from widgets.mute_button import MuteButton

ROLE_NAMES = {
    "duty_officer": QT_TRANSLATE_NOOP("Roles", "Duty officer"),
    "supervisor": QT_TRANSLATE_NOOP("Roles", "Supervisor"),
    "video_patrol": QT_TRANSLATE_NOOP("Roles", "Video patrol"),
    "leadership": QT_TRANSLATE_NOOP("Roles", "Leadership"),
}



# How long the newest notice stays in the status bar (critical ones stay as a banner).
NOTICE_SHOWN_S = 600


def role_name(role: str) -> str:
    return QCoreApplication.translate("Roles", ROLE_NAMES.get(role, role))


def chip(swatch: Swatch) -> str:
    """The style of a status-bar chip in a colour of the one palette (widgets.colors)."""
    return (f"background: {swatch.background}; color: {swatch.text}; padding: 1px 8px; "
            "font-weight: bold;")


def local_time(t: datetime) -> str:
    """A time as the officer reads it: local, with seconds."""
    return t.astimezone().strftime("%H:%M:%S")


def seconds_until(t: datetime | None) -> int:
    if t is None:
        return 0
    return max(0, round((t - s.utcnow()).total_seconds()))


def connection_text(state: SessionState) -> str:
    """One line for the status bar; the banner says more when offline."""
    c = state.connection
    if c.status == "online":
        return tr("Online")
    if c.status == "connecting":
        return tr("Connecting…")
    if c.status == "reconnecting":
        return tr("Reconnecting in {n} s (attempt {a})").format(
            n=seconds_until(c.next_try_at), a=c.attempt)
    if c.status == "offline":
        return tr("OFFLINE since {t}").format(t=local_time(c.since))
    return tr("Session expired — log in again")


def banner_text(state: SessionState) -> str | None:
    """The offline/session banner's text, or None when the workstation is live."""
    c = state.connection
    if c.status == "offline":
        as_of = state.live_as_of
        shown = (tr("OFFLINE — showing cached data as of {t}").format(t=local_time(as_of))
                 if as_of else tr("OFFLINE — no data from the server yet"))
        return shown + " · " + tr("next attempt in {n} s").format(n=seconds_until(c.next_try_at))
    if c.status == "session_expired":
        return tr("Your session has expired. Log in again — nothing you did is lost; queued "
                  "commands wait.")
    return None


def _clock(d: timedelta) -> str:
    total = int(d.total_seconds())
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def flood_text(reading: FloodReading, threshold: int) -> str:
    """"ALARM FLOOD: 132 new alarms in 10 min (over 10) · 45 per minute · 0:03:12 in flood"."""
    since = datetime.now(UTC) - reading.flood_since if reading.flood_since else timedelta()
    return tr("ALARM FLOOD: {n} new alarms in 10 min (flood above {t}) \u00b7 {rate} per "
              "minute now \u00b7 in flood for {since} (this shift {total})").format(
        n=reading.count, t=threshold, rate=round(reading.per_minute), since=_clock(since),
        total=_clock(reading.time_in_flood))


class Banner(QFrame):
    """A full-width coloured band with a message and an optional button."""

    action = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.label = QLabel(self)
        self.label.setObjectName(name + "Text")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()

    def show_message(self, text: str, background: str, foreground: str,
                     button: str | None = None) -> None:
        # Called on every batch of data (the flood banner's figures): a style sheet set
        # again re-polishes the banner and its children, ~100 ms of UI thread in a flood
        # with a full wall (soak.py), so only real changes are applied.
        style = (f"#{self.objectName()} {{ background: {background}; }} "
                 f"#{self.objectName()} QLabel {{ color: {foreground}; "
                 "font-size: 16pt; font-weight: bold; }")
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        if self.label.text() != text:
            self.label.setText(text)
        self.button.setVisible(button is not None)
        if button and self.button.text() != button:
            self.button.setText(button)
        self.show()


class StatusBar(QStatusBar):
    """Operator and role · connection · queued commands · latest notice · clock."""

    def __init__(self, state: SessionState, parent: QWidget | None = None,
                 hall: HallState | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.hall = hall
        self.waiting = QLabel(self)
        self.waiting.setObjectName("statusUnacknowledged")
        self.operator = QLabel(self)
        self.operator.setObjectName("statusOperator")
        self.connection = QLabel(self)
        self.connection.setObjectName("statusConnection")
        self.outbox = QLabel(self)
        self.outbox.setObjectName("statusOutbox")
        self.notice = QLabel(self)
        self.notice.setObjectName("statusNotice")
        self.clock = QLabel(self)
        self.clock.setObjectName("statusClock")
        self.addWidget(self.operator)
        self.addWidget(self.connection)
        self.addWidget(self.waiting)
        self.addWidget(self.outbox)
        self.addWidget(self.notice)
        self.addWidget(QWidget(self), 1)
        self.mute = MuteButton(self)  # the alarm sounds' mute, left of the clock
        self.addPermanentWidget(self.mute)
        self.addPermanentWidget(self.clock)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(1000)
        self._unsubscribe = state.subscribe(lambda _what: self.refresh())
        self._unsubscribe_hall = hall.subscribe(lambda _c: self.refresh_waiting()) if hall \
            else (lambda: None)
        self.refresh()
        self.refresh_waiting()

    def refresh_waiting(self) -> None:
        """Alarms waiting for acknowledgement, visible from every pane."""
        waiting = self.hall.unacknowledged_count() if self.hall else 0
        self.waiting.setVisible(waiting > 0)
        self.waiting.setText(plural(tr("%n alarm unacknowledged"), tr("%n alarms unacknowledged"),
                                    waiting))
        self.waiting.setStyleSheet(chip(PRIORITY_COLORS[1]))

    def tick(self) -> None:
        self.clock.setText(QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm:ss"))
        if self.state.connection.status in ("reconnecting", "offline"):
            self.refresh()  # the countdown

    def refresh(self) -> None:
        st = self.state
        if st.operator:
            roles = ", ".join(role_name(r) for r in st.operator.roles)
            self.operator.setText(f"{st.operator.name} · {roles}")
        else:
            self.operator.setText(tr("Not logged in"))
        swatch = CONNECTION_COLORS.get(st.connection.status, CONNECTION_COLORS["reconnecting"])
        self.connection.setText(connection_text(st))
        self.connection.setStyleSheet(chip(swatch))
        self.outbox.setVisible(st.outbox_pending > 0)
        self.outbox.setText(plural(tr("%n command queued"), tr("%n commands queued"),
                                   st.outbox_pending))
        latest = st.notices[-1] if st.notices else None
        if latest is not None and (s.utcnow() - latest.at).total_seconds() > NOTICE_SHOWN_S:
            latest = None
        if st.last_outcome and st.last_outcome.outcome == "rejected" and (
                latest is None or st.last_outcome.at >= latest.at):
            self.notice.setText(tr("Refused by the server: {m}").format(
                m=st.last_outcome.message))
            self.notice.setStyleSheet(chip(NOTICE_COLORS["warning"]))
        elif latest is not None:
            self.notice.setText(f"{local_time(latest.at)} {latest.text}")
            self.notice.setStyleSheet(chip(NOTICE_COLORS[latest.level]))
        else:
            self.notice.clear()
            self.notice.setStyleSheet("")

    def closeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        self._timer.stop()
        self._unsubscribe()
        self._unsubscribe_hall()


class Banners(QWidget):
    """The offline/session banner and the critical-notice banner, stacked above the panes."""

    login_requested = Signal()

    def __init__(self, state: SessionState, parent: QWidget | None = None,
                 flood: FloodMeter | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.flood_meter = flood
        self.connection = Banner("connectionBanner", self)
        self.connection.action.connect(self.login_requested)
        self.critical = Banner("criticalBanner", self)
        self.critical.action.connect(state.dismiss_critical)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.connection)
        layout.addWidget(self.critical)
        self.flood = Banner("floodBanner", self)
        layout.addWidget(self.flood)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(1000)
        self._unsubscribe = state.subscribe(lambda _what: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        text = banner_text(self.state)
        if text is None:
            self.connection.hide()
        else:
            status = self.state.connection.status
            swatch = CONNECTION_COLORS[status]
            self.connection.show_message(text, swatch.background, swatch.text,
                                         tr("Log in") if status == "session_expired" else None)
        notice = self.state.critical_notice()
        if notice is None:
            self.critical.hide()
        else:
            swatch = NOTICE_COLORS["critical"]
            self.critical.show_message(f"{local_time(notice.at)} {notice.text}",
                                       swatch.background, swatch.text, tr("Dismiss"))
        self._show_flood()
        self.setVisible(any(b.isVisibleTo(self) for b in (self.connection, self.critical,
                                                           self.flood)))

    def _show_flood(self) -> None:
        meter = self.flood_meter
        reading = meter.reading() if meter is not None else None
        if meter is None or reading is None or not reading.in_flood:
            self.flood.hide()
            return
        swatch = PRIORITY_COLORS[2]
        self.flood.show_message(flood_text(reading, meter.threshold),
                                swatch.background, swatch.text)

