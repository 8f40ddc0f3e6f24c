"""The user-interface language: Simplified Chinese or English, following the system locale
unless ``--lang`` or the user's setting says otherwise.

Translations are Qt Linguist files: ``resources/i18n/ccw_<lang>.ts`` (source, committed) built
into ``.qm`` by the set-up (``pyside6-lrelease``); Qt's own strings (standard buttons, dialogs)
come from the ``qtbase`` translations that PySide6 ships.
"""

from __future__ import annotations

import logging
from importlib.resources import files

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from widgets.i18n import plural, tr

__all__ = ["LANGUAGES", "Translations", "plural", "qm_path", "resolve_language", "tr"]

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


def resolve_language(requested: str | None) -> str:
    """``zh_CN`` or ``en``: the requested one, else the system locale's (Chinese → zh_CN)."""
    if requested in LANGUAGES:
        return requested  # type: ignore[return-value]
    system = QLocale.system().name()
    return "zh_CN" if system.startswith("zh") else "en"


def qm_path(language: str) -> str:
    return str(files("resources") / "i18n" / f"ccw_{language}.qm")


class Translations:
    """Installs and swaps the application's translators. One per application: use
    ``Translations.of(app)``, so a new language replaces the old one instead of stacking."""

    _current: Translations | None = None

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    @classmethod
    def of(cls, app: QApplication) -> Translations:
        if cls._current is None or cls._current.app is not app:
            cls._current = cls(app)
        return cls._current

    def install(self, requested: str | None) -> str:
        """Switch to ``requested`` (or the system's language); returns the language in use."""
        language = resolve_language(requested)
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        if language == "en":
            return language  # the source strings are English
        ours = QTranslator(self.app)
        if ours.load(qm_path(language)):
            self.app.installTranslator(ours)
            self._installed.append(ours)
        else:
            log.warning("no translation file %s (run installer/setup.sh to build it); "
                        "showing English", qm_path(language))
        qt = QTranslator(self.app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(f"qtbase_{language}", qt_dir):
            self.app.installTranslator(qt)
            self._installed.append(qt)
        QLocale.setDefault(QLocale(language))
        return language
