"""A minimal observer list for Qt-free state: views subscribe, state notifies.

Qt signals would tie the state to Qt; plain callbacks keep it testable without a display. A
failing listener is logged and skipped: one broken view must not stop the others.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)


class Observable:
    def __init__(self) -> None:
        self._listeners: list[Callable[..., None]] = []

    def subscribe(self, listener: Callable[..., None]) -> Callable[[], None]:
        """Call ``listener`` on every change; returns a function that unsubscribes it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self, *args: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(*args)
            except Exception:
                log.exception("state listener %r failed", listener)
