"""The officer's preferences and the session lock, wired into a running workstation.

``Preferences`` keeps the user's settings (``desktop.settings``; apart from layouts, and on top
of the site configuration, ``desktop.site_config``), opens the settings dialog, applies what
can change at once (large text, idle lock, sounds) and says what applies at the next start
(language). ``SessionGuard`` locks every window on Ctrl+L or after the idle time (never on a
position the site exempts), and unlocks with the operator's password (checked offline against
a salted hash held in memory since log-in).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.settings import SettingsStore, UserSettings
from desktop.shell.i18n import tr
from desktop.shell.lock import IdleWatcher, LockScreen
from desktop.shell.settings_dialog import SettingsDialog, problem_text, site_problem_text
from desktop.shell.theme import apply_theme
from desktop.site_config import SiteConfig
from desktop.state.session import SessionState

log = logging.getLogger(__name__)



class Preferences(QObject):
    def __init__(self, profile: Path, state: SessionState, parent: QWidget | None = None,
                 site_exempt_idle_lock: bool = False, site: SiteConfig | None = None) -> None:
        super().__init__(parent)
        self.site = site if site is not None else SiteConfig()
        self.store = SettingsStore.in_profile(profile, self.site)
        self.state = state
        self.window = parent
        self.site_exempt = site_exempt_idle_lock or self.site.idle_lock_exempt
        self.settings = self.store.load()  # a few hundred bytes, once, before the first paint
        if self.site.problem is not None:
            self.state.tell("warning", site_problem_text(self.site))
        if self.store.problem is not None:
            self.state.tell("warning", problem_text(self.store.problem))
        self.changed: list[Callable[[UserSettings], None]] = []

    def edit(self) -> None:
        dialog = SettingsDialog(self.settings, site_exempt=self.site_exempt, site=self.site,
                                parent=self.window)
        dialog.setObjectName("settingsDialog")
        dialog.finished.connect(lambda code: self._edited(dialog, code))
        dialog.open()

    def _edited(self, dialog: SettingsDialog, code: int) -> None:
        if code != QDialog.DialogCode.Accepted:
            return
        new = dialog.result_settings()
        if new.language != self.settings.language:
            self.state.tell("info", tr("The new language applies the next time the workstation "
                                    "starts."))
        if new.large_text != self.settings.large_text:
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, large_text=new.large_text)
        self.update(new)

    def update(self, new: UserSettings) -> None:
        """Keep and save ``new`` (the file is written off the UI thread)."""
        self.settings = new
        for listener in self.changed:
            listener(new)
        asyncio.get_running_loop().run_in_executor(None, self._save, new)

    def remember_login(self, server: str, user: str, remember: bool) -> None:
        self.update(replace(self.settings, remember_server=remember,
                            last_server=server if remember else None,
                            last_user=user if remember else None))

    def _save(self, settings: UserSettings) -> None:
        try:
            self.store.save(settings)
        except Exception:  # a full disk must not take the workstation down
            log.exception("could not save the user settings")



class SessionGuard(QObject):
    """Ctrl+L and the idle timer lock every window until the operator's password is given."""

    def __init__(self, windows: Callable[[], Iterable[QWidget]], main_window: QWidget,
                 state: SessionState, verify: Callable[[str], bool], idle_minutes: int,
                 site_exempt: bool = False) -> None:
        super().__init__(main_window)
        self.state = state
        self._verify = verify
        self.screen = LockScreen(windows, self._check, operator_name=self._operator_name,
                                 main_window=main_window, parent=self)
        self.idle = IdleWatcher(0 if site_exempt else idle_minutes, parent=self)
        self.idle.idle.connect(self.lock)
        self.site_exempt = site_exempt

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle.set_timeout_minutes(0 if self.site_exempt else minutes)

    def close(self) -> None:
        """The session ends: stop watching input (an application-wide event filter) and lift
        the lock."""
        self.idle.stop()
        self.screen.force_unlock()

    def lock(self) -> None:
        """Lock now — only with someone logged in, whose password can unlock it again."""
        if self.state.operator is None:
            return
        self.screen.lock()

    def _operator_name(self) -> str:
        return self.state.operator.name if self.state.operator else ""

    async def _check(self, password: str) -> bool:
        return self._verify(password)
