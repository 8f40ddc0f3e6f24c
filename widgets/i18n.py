"""Translating the user interface's strings outside QObject methods.

Write ``tr("…")`` (and ``QT_TR_NOOP("…")`` for strings kept in tables and translated later):
Qt's ``lupdate`` files both under the empty context, so that is where they are looked up.
Inside a QObject method, ``self.tr("…")`` (context: the class name) is fine too.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def plural(one: str, many: str, n: int) -> str:
    """The singular or the plural form (each already translated with ``tr``); %n becomes
    ``n``. Chinese has one form; both English ones are in the translation files."""
    return (one if n == 1 else many).replace("%n", str(n))
