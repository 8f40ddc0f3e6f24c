"""The session lock and the idle watcher, on a real X server (pytest-xvfb) with qasync."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import ctypes.util
from datetime import datetime

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop.shell import theme
from desktop.shell.lock import IdleWatcher, LockScreen
from tests.desktop.conftest import retire
from tests.desktop.test_theme import themed  # noqa: F401 (a fixture)

SECRET = QColor("#ff00ff")  # the names and faces a passer-by must not see
VIDEO = QColor("#00ff00")   # a native video surface


@pytest.fixture
def aio(qapp):
    """asyncio on the Qt loop, as in the application (qasync)."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    for task in asyncio.all_tasks(loop):
        task.cancel()
    for _ in range(5):
        qapp.processEvents()
    # Not loop.stop(): qasync's stop() calls QApplication.exit(), which leaves Qt's quitNow
    # flag set, so every later QEventLoop.exec() in the session returns at once (qtbot.wait
    # and waitSignal stop waiting, windows no longer activate).
    with contextlib.suppress(RuntimeError, TypeError):
        qapp.aboutToQuit.disconnect(loop._after_run_forever)
    loop._QEventLoop__is_running = False
    asyncio.events._set_running_loop(None)
    loop.close()
    retire(loop)
    asyncio.set_event_loop(None)


def painted(color: QColor, text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setAutoFillBackground(True)
    pal = label.palette()
    pal.setColor(QPalette.ColorRole.Window, color)
    label.setPalette(pal)
    label.setStyleSheet(f"background: {color.name()}; color: black; font-size: 20pt;")
    return label


class XSurface:
    """A window drawn by the X server itself inside ``widget``, as libVLC's video output is:
    Qt neither paints nor knows it, so only a native cover stacked above hides it."""

    def __init__(self, widget: QWidget, color: QColor) -> None:
        x = self.x = ctypes.CDLL(ctypes.util.find_library("X11"))
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XCreateSimpleWindow.restype = ctypes.c_ulong
        x.XCreateSimpleWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                                          ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                          ctypes.c_uint, ctypes.c_ulong, ctypes.c_ulong]
        for name in ("XMapWindow", "XDestroyWindow"):
            getattr(x, name).argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x.XFlush.argtypes = x.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.display = x.XOpenDisplay(None)
        assert self.display, "no X display"
        if QGuiApplication.primaryScreen().depth() == 16:
            pixel = ((color.red() >> 3) << 11) | ((color.green() >> 2) << 5) | (color.blue() >> 3)
        else:
            pixel = color.rgb() & 0xFFFFFF
        self.window = x.XCreateSimpleWindow(self.display, int(widget.winId()), 0, 0,
                                            widget.width(), widget.height(), 0, 0, pixel)
        x.XMapWindow(self.display, self.window)
        x.XFlush(self.display)

    def close(self) -> None:
        self.x.XDestroyWindow(self.display, self.window)
        self.x.XCloseDisplay(self.display)


class Hall:
    """A main window with secrets, a native 'video' child, a shortcut and an action, and an
    extra-screen window, placed side by side on the 800x600 Xvfb screen."""

    def __init__(self, qtbot) -> None:
        self.main = QMainWindow()
        self.main.setWindowTitle("main")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(painted(SECRET, "张三 13800000000"))
        self.video = QWidget()
        self.video.setMinimumSize(300, 120)
        self.video.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        layout.addWidget(self.video)
        self.main.setCentralWidget(central)
        self.shortcut_hits = 0
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_F8), self.main)
        self.shortcut.activated.connect(self._hit)
        self.action = QAction("dispatch", self.main)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action.triggered.connect(self._hit)
        self.main.addAction(self.action)
        self.main.setGeometry(10, 30, 460, 400)
        self.extra = QWidget()
        self.extra.setWindowTitle("extra screen")
        QVBoxLayout(self.extra).addWidget(painted(SECRET, "李四"))
        self.extra.setGeometry(490, 30, 280, 240)
        for w in (self.main, self.extra):
            qtbot.addWidget(w)
            w.show()
            qtbot.waitExposed(w)
        self.surfaces = [XSurface(self.video, VIDEO)]

    def close(self) -> None:
        for surface in self.surfaces:
            surface.close()

    def _hit(self) -> None:
        self.shortcut_hits += 1

    def windows(self) -> list[QWidget]:
        return [self.main, self.extra]


def render(widget: QWidget) -> QImage:
    image = QImage(widget.size(), QImage.Format.Format_ARGB32)
    widget.render(image)
    return image


def on_screen(widget: QWidget) -> QImage:
    """What the X server really shows where the window is (native windows included)."""
    g = widget.geometry()
    return QGuiApplication.primaryScreen().grabWindow(0, g.x(), g.y(), g.width(),
                                                      g.height()).toImage()


def count(image: QImage, color: QColor, tolerance: int = 24) -> int:
    n = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            c = image.pixelColor(x, y)
            if (abs(c.red() - color.red()) + abs(c.green() - color.green())
                    + abs(c.blue() - color.blue())) <= tolerance:
                n += 1
    return n


def visible(widget: QWidget, color: QColor) -> bool:
    return count(on_screen(widget), color) > 0 or count(render(widget), color) > 0


async def check_demo(password: str) -> bool:
    await asyncio.sleep(0.02)  # an answer that takes a while, like the server's
    return password == "demo"


@pytest.fixture
def hall(qtbot, request, aio):
    theme.apply_theme(request.getfixturevalue("themed"))
    h = Hall(qtbot)
    h.lock = LockScreen(h.windows, check_demo, operator_name="值班员 张伟 (duty)",
                        now=lambda: datetime(2025, 3, 1, 14, 5))
    yield h
    h.lock.force_unlock()
    h.close()


def unlock_with(qtbot, lock: LockScreen, password: str) -> None:
    field = lock.password_field()
    assert field is not None
    qtbot.waitUntil(field.hasFocus)  # the lock activates the main window and focuses here
    qtbot.keyClicks(field, password)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_lock_covers_every_window_and_unlocks_with_the_right_password(qtbot, hall):
    qtbot.waitUntil(lambda: visible(hall.main, SECRET) and visible(hall.main, VIDEO))
    assert visible(hall.extra, SECRET)  # the test can see the secrets before locking

    with qtbot.waitSignal(hall.lock.locked, timeout=1000):
        hall.lock.lock()
    qtbot.waitUntil(lambda: not visible(hall.main, SECRET), timeout=2000)
    for w in hall.windows():
        for color in (SECRET, VIDEO):
            assert count(render(w), color) == 0, (w.windowTitle(), color.name())
            assert count(on_screen(w), color) == 0, (w.windowTitle(), color.name())
    labels = [lbl.text() for lbl in hall.main.findChildren(QLabel) if lbl.isVisible()]
    assert "值班员 张伟 (duty)" in labels and "Locked since 14:05" in labels
    assert render(hall.main).save("/tmp/lock-screen.png")

    unlock_with(qtbot, hall.lock, "wrong")
    qtbot.waitUntil(lambda: "Wrong password" in hall.lock.message(), timeout=2000)
    assert hall.lock.is_locked() and hall.lock.password_field().text() == ""
    assert count(on_screen(hall.main), SECRET) == 0
    render(hall.main).save("/tmp/lock-screen-wrong.png")
    render(hall.extra).save("/tmp/lock-screen-extra.png")

    with qtbot.waitSignal(hall.lock.unlocked, timeout=2000):
        unlock_with(qtbot, hall.lock, "demo")
    assert not hall.lock.is_locked() and hall.lock.password_field() is None
    qtbot.waitUntil(lambda: visible(hall.main, SECRET) and visible(hall.main, VIDEO))
    assert visible(hall.extra, SECRET)
    assert hall.main.centralWidget().isEnabled()


def test_shortcuts_underneath_do_not_fire_while_locked(qtbot, hall):
    hall.main.activateWindow()
    qtbot.waitUntil(hall.main.isActiveWindow)
    qtbot.keyClick(hall.main.centralWidget(), Qt.Key.Key_F8)
    assert hall.shortcut_hits == 1  # the shortcut works when unlocked

    hall.lock.lock()
    field = hall.lock.password_field()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_F8)
    qtbot.keyClick(field, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(hall.main.centralWidget(), Qt.Key.Key_F8)
    qtbot.keyClick(hall.main, Qt.Key.Key_Tab)
    assert hall.shortcut_hits == 1
    assert not hall.main.centralWidget().isEnabled()
    assert field.hasFocus()  # Tab cannot reach the disabled panes underneath

    hall.lock.force_unlock()
    qtbot.keyClick(hall.main.centralWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert hall.shortcut_hits == 2


def test_a_failing_check_keeps_it_locked_and_says_so(qtbot, hall):
    async def broken(password: str) -> bool:
        raise ConnectionError("server unreachable")

    hall.lock._verify = broken
    hall.lock.lock()
    unlock_with(qtbot, hall.lock, "demo")
    qtbot.waitUntil(lambda: "could not be checked" in hall.lock.message(), timeout=2000)
    assert hall.lock.is_locked()
    assert hall.lock.password_field().isEnabled()


def test_empty_password_and_double_lock(qtbot, hall):
    locked = []
    hall.lock.locked.connect(lambda: locked.append(1))
    hall.lock.lock()
    hall.lock.lock()
    assert locked == [1]
    qtbot.keyClick(hall.lock.password_field(), Qt.Key.Key_Return)
    assert "Enter your password" in hall.lock.message() and hall.lock.is_locked()


def test_a_late_answer_after_force_unlock_is_ignored(qtbot, hall, aio):
    gate = asyncio.Event()

    async def slow(password: str) -> bool:
        await gate.wait()
        return False

    hall.lock._verify = slow
    hall.lock.lock()
    task = hall.lock.submit("demo")
    assert task is not None and hall.lock.submit("again") is None  # one check at a time
    hall.lock.force_unlock()
    gate.set()
    qtbot.waitUntil(task.done)
    assert not hall.lock.is_locked()


def test_a_window_shown_while_locked_is_covered(qtbot, hall):
    hall.lock.lock()
    dialog = QDialog(hall.main)
    QVBoxLayout(dialog).addWidget(painted(SECRET, "派警确认 王五"))
    dialog.setGeometry(520, 320, 240, 160)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: count(render(dialog), SECRET) == 0, timeout=2000)
    qtbot.waitUntil(lambda: count(on_screen(dialog), SECRET) == 0, timeout=2000)
    dialog.close()


def test_a_video_surface_created_while_locked_stays_covered(qtbot, hall):
    hall.lock.lock()
    qtbot.waitUntil(lambda: not visible(hall.extra, SECRET), timeout=2000)
    # A tile that starts playing while locked: a new native window with an X surface in it,
    # one made the usual way and one without native ancestors (a direct X child of the
    # top-level's window, created after the cover).
    for parent, no_ancestors in ((hall.main.centralWidget(), False),
                                 (hall.extra.findChild(QLabel), True)):
        late = QWidget(parent)
        late.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors, no_ancestors)
        late.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        late.setGeometry(10, 10, 200, 150)
        late.show()
        hall.surfaces.append(XSurface(late, VIDEO))
    qtbot.wait(700)  # more than one turn of the lock's keeper
    for w in hall.windows():
        assert count(on_screen(w), VIDEO) == 0, w.windowTitle()
    hall.lock.force_unlock()
    qtbot.waitUntil(lambda: count(on_screen(hall.extra), VIDEO) > 0, timeout=2000)


def test_idle_watcher_fires_after_the_timeout_and_resets_on_input(qtbot, qapp):
    target = QLabel("input target")
    qtbot.addWidget(target)
    target.show()
    qtbot.waitExposed(target)
    watcher = IdleWatcher(timeout_minutes=30)
    try:
        fired = []
        watcher.idle.connect(lambda: fired.append(1))
        watcher.set_timeout_ms(300)
        for _ in range(6):  # 600 ms of typing: never idle
            qtbot.wait(100)
            qtbot.keyClick(target, Qt.Key.Key_A)
        assert fired == []
        with qtbot.waitSignal(watcher.idle, timeout=1500):
            pass
        qtbot.wait(400)
        assert fired == [1]  # once per idle period, not every timeout
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(watcher.idle, timeout=1500):
            pass
        watcher.set_timeout_minutes(0)  # a position the site exempts
        qtbot.wait(400)
        assert len(fired) == 2 and watcher.timeout_ms() == 0
        with pytest.raises(ValueError):
            watcher.set_timeout_minutes(-1)
    finally:
        watcher.stop()


def test_idle_locks_the_workstation(qtbot, hall):
    watcher = IdleWatcher()
    try:
        watcher.idle.connect(hall.lock.lock)
        watcher.set_timeout_ms(150)
        with qtbot.waitSignal(hall.lock.locked, timeout=2000):
            pass
        assert hall.lock.is_locked()
    finally:
        watcher.stop()
