"""Running the workstation: the QApplication, asyncio on the Qt loop (qasync), and a clean
stop that leaves queued commands in the outbox and no demo server behind."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

import qasync
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from backend_client.profile import config_dir
from desktop.settings import SettingsStore
from desktop.shell.i18n import Translations
from desktop.shell.stall_watchdog import StallWatchdog
from desktop.shell.theme import apply_theme
from desktop.shell.workstation import Options, Workstation

log = logging.getLogger(__name__)


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("ccw")
    app.setApplicationDisplayName("CCW")
    app.setOrganizationName("ccw")
    # The workstation decides when it has finished (after closing its session), not Qt.
    app.setQuitOnLastWindowClosed(False)
    return app


async def run_workstation(options: Options) -> int:
    watchdog = None
    if options.debug:
        watchdog = StallWatchdog(50.0)
        watchdog.start()
    workstation = Workstation(options)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, workstation.closed.set)
    try:
        await workstation.start()
        await workstation.closed.wait()
    finally:
        await workstation.close()
        if watchdog is not None:
            watchdog.stop()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the window, now
    return 0


def prepare_application(options: Options) -> QApplication:
    """The application as the workstation runs it: language and theme installed (``--lang``
    first, then the officer's setting, then the system's language)."""
    app = make_application()
    settings = SettingsStore.in_profile(config_dir(options.profile)).load()
    language = options.lang or (None if settings.language == "system" else settings.language)
    Translations.of(app).install(language)
    apply_theme(app, large_text=settings.large_text)
    return app


def run(options: Options) -> int:
    app = prepare_application(options)
    return asyncio.run(run_workstation(options), loop_factory=lambda: qasync.QEventLoop(app))
