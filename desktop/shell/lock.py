"""The session lock: an idle watcher, and a lock that covers every window of the workstation.

While locked, each window gets an opaque native overlay (a native child window, so it covers
native video surfaces too) and its other children are disabled; an application event filter
swallows every shortcut and every input event meant for anything but the overlays. The main
window's overlay asks for the password; the others only say the workstation is locked.
Nothing is muted or paused: alarms still sound, video keeps running behind the cover.
Everything here runs on the GUI thread; password checks run as asyncio tasks (qasync).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from datetime import datetime

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.shell.icons import icon

log = logging.getLogger(__name__)

_T = QEvent.Type
_ACTIVITY = frozenset({_T.KeyPress, _T.MouseButtonPress, _T.MouseButtonDblClick, _T.Wheel,
                       _T.TouchBegin, _T.TabletPress, _T.InputMethod})
_INPUT = _ACTIVITY | {_T.KeyRelease, _T.MouseButtonRelease, _T.MouseMove, _T.TouchUpdate,
                      _T.TouchEnd, _T.ContextMenu, _T.TabletMove, _T.TabletRelease}
_COVERED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool)


class IdleWatcher(QObject):
    """Emits ``idle()`` once after the timeout passes without keyboard or mouse input to the
    application; input after that starts a new period. A timeout of 0 means never."""

    idle = Signal()

    def __init__(self, timeout_minutes: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = 0
        self._last_input = time.monotonic()
        self._last_pos: QPoint | None = None
        self._timer = QTimer(self, singleShot=True, timerType=Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._check)
        QApplication.instance().installEventFilter(self)
        self.set_timeout_minutes(timeout_minutes)

    def set_timeout_minutes(self, minutes: int) -> None:
        """Minutes without input before ``idle()``; 0 = never (a position the site exempts)."""
        if minutes < 0:
            raise ValueError("idle timeout must be 0 (never) or more minutes")
        self.set_timeout_ms(minutes * 60_000)

    def set_timeout_ms(self, ms: int) -> None:
        """The same in milliseconds (for tests); restarts the period."""
        self._timeout_ms = max(0, int(ms))
        self.reset()

    def timeout_ms(self) -> int:
        return self._timeout_ms

    def reset(self) -> None:
        """Start a new idle period now (as if the officer had touched the keyboard)."""
        self._last_input = time.monotonic()
        if self._timeout_ms:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        """Stop watching for good (removes the application event filter)."""
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        t = event.type()
        if t in _ACTIVITY or (t == _T.MouseMove and self._moved(event)):
            # Only a time stamp per event; the timer re-arms itself when it fires early.
            self._last_input = time.monotonic()
            if self._timeout_ms and not self._timer.isActive():
                self._timer.start(self._timeout_ms)
        return False

    def _moved(self, event: QEvent) -> bool:
        # Qt sends moves without motion when windows appear under a still pointer.
        pos = event.globalPosition().toPoint()
        moved = pos != self._last_pos
        self._last_pos = pos
        return moved

    def _check(self) -> None:
        if not self._timeout_ms:
            return
        left_ms = self._timeout_ms - (time.monotonic() - self._last_input) * 1000
        if left_ms > 1:
            self._timer.start(int(left_ms) + 1)
        else:
            self.idle.emit()


class _Overlay(QWidget):
    """An opaque native cover over one window. With ``form``, it asks for the password."""

    def __init__(self, window: QWidget, banner: str, hint: str, *, form: bool) -> None:
        super().__init__(window)
        self.setObjectName("LockOverlay")
        # A native window of its own, stacked above the native video surfaces underneath.
        self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), Qt.GlobalColor.black)
        self.setPalette(pal)  # opaque even without the theme's style sheet
        em = self.fontMetrics().height()  # sizes follow the font (large-text mode)
        card = self._card = QFrame(self, objectName="LockCard")
        self._card_width = max(360, em * 22)
        column = QVBoxLayout(card)
        column.setContentsMargins(2 * em, 2 * em, 2 * em, 2 * em)
        column.setSpacing(em * 3 // 4)
        mark = QLabel(card)
        mark.setPixmap(icon("lock").pixmap(3 * em, 3 * em))
        self.banner = QLabel(banner, card, objectName="LockName" if form else "LockBanner")
        self.banner.setWordWrap(True)
        hint_label = QLabel(hint, card)
        hint_label.setProperty("role", "dim")
        for w in (mark, self.banner, hint_label):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(w)
        QVBoxLayout(self).addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        self.password: QLineEdit | None = None
        if form:
            self.password = QLineEdit(card)
            self.password.setEchoMode(QLineEdit.EchoMode.Password)
            self.unlock_button = QPushButton(card)
            self.unlock_button.setDefault(True)
            self.message = QLabel(card)
            self.message.setProperty("role", "error")
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.message.setWordWrap(True)
            self.message.hide()
            for w in (self.password, self.unlock_button, self.message):
                column.addWidget(w)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.setFocusProxy(self.password)  # a click anywhere on the cover: type here
        window.installEventFilter(self)
        self._fit(window)

    def _fit(self, window: QWidget) -> None:
        self.setGeometry(window.rect())
        self._card.setFixedWidth(max(0, min(self._card_width, window.width() - 24)))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is self.parentWidget() and event.type() == _T.Resize:
            self._fit(obj)
        return False


class LockScreen(QObject):
    """Locks and unlocks the workstation.

    ``windows`` lists the top-level windows to cover (the main window and every extra-screen
    window); any other visible top-level window or dialog of the application is covered too.
    ``main_window`` carries the password form (default: the first listed window). ``verify``
    checks a password, e.g. against the central services; it runs as an asyncio task on the
    running (qasync) loop and may take as long as ``verify_timeout_s``.
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(self, windows: Callable[[], Iterable[QWidget]],
                 verify: Callable[[str], Awaitable[bool]], *,
                 operator_name: str | Callable[[], str] = "",
                 main_window: QWidget | None = None, verify_timeout_s: float = 30.0,
                 now: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._windows, self._verify, self._main = windows, verify, main_window
        self._name = operator_name
        self._verify_timeout_s, self._now = verify_timeout_s, now
        self._overlays: list[_Overlay] = []
        self._disabled: list[QWidget] = []
        self._form: _Overlay | None = None
        self._task: asyncio.Task[None] | None = None
        self._generation = 0
        self._focus_before: QWidget | None = None
        self._is_locked = False
        self._since: datetime | None = None
        # Re-cover windows that appear while locked and re-raise overlays above any native
        # video surface created since (a new X window starts on top of its siblings).
        self._keeper = QTimer(self, interval=500, timeout=self._keep_covered)

    def is_locked(self) -> bool:
        return self._is_locked

    def locked_since(self) -> datetime | None:
        return self._since

    def password_field(self) -> QLineEdit | None:
        """The password field while locked (for the shell's focus handling and for tests)."""
        return self._form.password if self._form is not None else None

    def message(self) -> str:
        """What the unlock form says under the password field ('' if nothing)."""
        return self._form.message.text() if self._form is not None else ""

    def lock(self) -> None:
        """Cover every window now (Ctrl+L, the idle watcher). Locking twice does nothing."""
        if self._is_locked:
            return
        self._is_locked, self._since = True, self._now()
        self._generation += 1
        self._focus_before = QApplication.focusWidget()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()
        self._keep_covered()
        QApplication.instance().installEventFilter(self)
        self._keeper.start()
        if self._form is not None:
            self._form.window().activateWindow()
            self._form.password.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("workstation locked")
        self.locked.emit()

    def force_unlock(self) -> None:
        """Unlock without a password: only for the shell when the session ends (log-out
        takes the officer to the log-in screen). Never bind a key to it."""
        if self._is_locked:
            self._unlock()

    def submit(self, password: str) -> asyncio.Task[None] | None:
        """Check ``password`` (what the Unlock button does); returns the running check."""
        if not self._is_locked or self._task is not None:
            return None
        if not password:
            self._say(self.tr("Enter your password."))
            return None
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            log.error("no running asyncio loop: the lock cannot check passwords")
            self._say(self.tr("The password cannot be checked right now. Call the supervisor."))
            return None
        self._set_busy(True)
        self._task = loop.create_task(self._check(password, self._generation))
        return self._task

    async def _check(self, password: str, generation: int) -> None:
        ok: bool | None = None
        try:
            async with asyncio.timeout(self._verify_timeout_s):
                ok = bool(await self._verify(password))
        except TimeoutError:
            log.warning("password check timed out after %.0f s", self._verify_timeout_s)
        except Exception:
            log.exception("password check failed")
        finally:
            if self._task is asyncio.current_task():
                self._task = None
        if generation != self._generation or not self._is_locked:
            return  # unlocked or re-locked meanwhile: this answer is stale
        self._set_busy(False)
        if ok:
            self._unlock()
        elif ok is None:
            self._say(self.tr("The password could not be checked. Try again."))
        else:
            self._say(self.tr("Wrong password. Try again."))

    def _say(self, text: str) -> None:
        if self._form is not None:
            self._form.message.setText(text)
            self._form.message.setVisible(bool(text))
            self._form.password.clear()
            self._form.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_busy(self, busy: bool) -> None:
        if self._form is not None:
            if busy:
                self._form.password.clear()  # the password lives no longer than needed
            self._form.password.setEnabled(not busy)
            self._form.unlock_button.setEnabled(not busy)
            self._form.unlock_button.setText(self.tr("Checking…") if busy else self.tr("Unlock"))
            if busy:
                self._form.message.hide()

    def _unlock(self) -> None:
        self._is_locked, self._since = False, None
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._keeper.stop()
        QApplication.instance().removeEventFilter(self)
        for w in self._disabled:
            if shiboken6.isValid(w):
                w.setEnabled(True)
        for overlay in self._overlays:
            if shiboken6.isValid(overlay):
                overlay.hide()
                overlay.deleteLater()
        self._overlays, self._disabled, self._form = [], [], None
        focus, self._focus_before = self._focus_before, None
        if focus is not None and shiboken6.isValid(focus):
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        log.info("workstation unlocked")
        self.unlocked.emit()

    def _targets(self) -> list[QWidget]:
        listed = [w for w in self._windows() if w is not None and shiboken6.isValid(w)]
        others = [w for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w.windowType() in _COVERED_TYPES and w not in listed]
        return listed + others

    def _keep_covered(self) -> None:
        self._overlays = [o for o in self._overlays if shiboken6.isValid(o)]
        covered = {o.parentWidget() for o in self._overlays}
        targets = self._targets()
        main = self._main if self._main is not None else (targets[0] if targets else None)
        for window in targets:
            if window not in covered:
                self._cover(window, is_main=window is main)
        for overlay in self._overlays:
            overlay.raise_()
            if (handle := overlay.windowHandle()) is not None:
                handle.raise_()  # restack the native window even if Qt's order is unchanged

    def _cover(self, window: QWidget, *, is_main: bool) -> None:
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        for child in window.findChildren(QWidget, options=direct):
            if child.isEnabled() and not child.isWindow():
                child.setEnabled(False)  # no focus, no clicks, no shortcuts underneath
                self._disabled.append(child)
        if is_main:
            name = self._name() if callable(self._name) else self._name
            since = self._since.strftime("%H:%M") if self._since else ""
            overlay = _Overlay(window, name or self.tr("Workstation locked"),
                               self.tr("Locked since {time}").format(time=since), form=True)
            overlay.password.setPlaceholderText(self.tr("Password"))
            overlay.password.setAccessibleName(self.tr("Password"))
            overlay.unlock_button.setText(self.tr("Unlock"))
            overlay.password.returnPressed.connect(self._submit_form)
            overlay.unlock_button.clicked.connect(self._submit_form)
            self._form = overlay
        else:
            overlay = _Overlay(window, self.tr("Workstation locked"),
                               self.tr("Unlock it on the main screen."), form=False)
        overlay.show()
        overlay.raise_()
        self._overlays.append(overlay)

    def _submit_form(self) -> None:
        if self._form is not None:
            self.submit(self._form.password.text())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        t = event.type()
        if t == _T.Shortcut:
            return True  # no window's shortcut fires while locked
        if t == _T.MouseButtonPress and isinstance(obj, QWidget) and self._form is not None \
                and not (obj is self._form or self._form.isAncestorOf(obj)):
            # A click on another screen's cover (or anywhere) brings back the password field.
            self._form.window().activateWindow()
            self._form.password.setFocus(Qt.FocusReason.MouseFocusReason)
        if t in _INPUT and isinstance(obj, QWidget) and not self._in_overlay(obj):
            return True
        if t == _T.Show and isinstance(obj, QWidget) and obj.isWindow():
            QTimer.singleShot(0, self._keep_covered)  # cover a window as soon as it shows
        return False

    def _in_overlay(self, widget: QWidget) -> bool:
        return any(o is widget or o.isAncestorOf(widget) for o in self._overlays)
