"""``WallMemory``: the wall as it was when the workstation stopped — layout, cameras on each
tile, focus and running tour — written to the position's configuration a moment after every
change and once more at shutdown, and put back at the next start.

A crash, a power cut or a restart must not cost the officer the wall they had built; a named
layout (saved on purpose) is something else and is still what a layout switch applies.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from desktop.state.files import write_text_atomic

log = logging.getLogger(__name__)

SAVE_AFTER_MS = 1500  # a tour step or a burst of drops is written once


class WallMemory(QObject):
    def __init__(self, path: Path | None, state: Callable[[], dict[str, Any]],
                 parent: QObject) -> None:
        super().__init__(parent)
        self.path = path
        self._state = state
        self._written: dict[str, Any] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self._save_later)

    def changed(self) -> None:
        if self.path is not None and not self._timer.isActive():
            self._timer.start()

    def recall(self) -> dict[str, Any] | None:
        """The wall saved last time, or None (none saved, or unreadable: logged)."""
        if self.path is None or not self.path.exists():
            return None
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            log.warning("last video wall in %s unreadable, not restored: %r", self.path, e)
            return None
        if not isinstance(data, dict):
            log.warning("last video wall in %s is not an object, not restored", self.path)
            return None
        self._written = data
        return data

    def save_now(self) -> None:
        """At shutdown: write what is shown now (on this thread: the loop is ending)."""
        self._timer.stop()
        state = self._state()
        if self.path is not None and state != self._written:
            self._write(state)

    def _save_later(self) -> None:
        state = self._state()
        if state == self._written:
            return
        try:
            asyncio.get_running_loop().run_in_executor(None, self._write, state)
        except RuntimeError:  # no loop running (a bare widget test): write here
            self._write(state)

    def _write(self, state: dict[str, Any]) -> None:
        assert self.path is not None
        try:
            write_text_atomic(self.path, json.dumps(state, ensure_ascii=False, indent=1))
            self._written = state
        except OSError as e:
            log.warning("could not keep the video wall in %s: %r", self.path, e)
