"""``NamedBook``: a hall position's own named things kept in one JSON file of the profile — the
wall's named tours and custom wall layouts (no Qt).

Each item has a ``name`` and ``to_dict()``; the book reads them back with the item type's
``from_dict``, which raises ``ValueError`` for one that does not hold together. A broken item
is skipped with a log line (the others stay usable); a file that is not JSON at all is moved
aside and the book starts empty. ``problem`` says which happened ("partly" or "unreadable"),
for the pane to tell the officer in their language.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Protocol

from backend_client.sqlite_files import StorageUnavailable, move_aside
from desktop.state.files import write_text_atomic
from desktop.state.observable import Observable

log = logging.getLogger(__name__)


class Named(Protocol):
    @property
    def name(self) -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


class NamedBook[T: Named](Observable):
    """Items by name, in the order they were added; listeners get the list after a change."""

    def __init__(self, path: Path | None, key: str, read: Callable[[Any], T],
                 what: str) -> None:
        super().__init__()
        self._path = path
        self._key = key
        self._read = read
        self._what = what  # "saved tours", for the log
        self._items: dict[str, T] = {}
        self.problem: Literal["", "partly", "unreadable"] = ""
        self._load()

    def items(self) -> list[T]:
        return list(self._items.values())

    def get(self, name: str) -> T | None:
        return self._items.get(name)

    def put(self, item: T, replacing: str | None = None) -> None:
        """Add or change ``item`` (``replacing``: its old name, when it was renamed).
        Raises ``OSError`` when the file cannot be written (the book is unchanged)."""
        items = dict(self._items)
        if replacing is not None and replacing != item.name:
            items = {(item.name if k == replacing else k): (item if k == replacing else v)
                     for k, v in items.items()}
        items[item.name] = item
        self._save(items)

    def remove(self, name: str) -> None:
        if name in self._items:
            self._save({k: v for k, v in self._items.items() if k != name})

    def _save(self, items: dict[str, T]) -> None:
        if self._path is not None:
            data = {self._key: [item.to_dict() for item in items.values()]}
            write_text_atomic(self._path, json.dumps(data, ensure_ascii=False, indent=1))
        self._items = items
        self._notify(self.items())

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            entries = data[self._key]
            if not isinstance(entries, list):
                raise TypeError(f"{self._key} is not a list")
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.error("%s in %s unreadable: %r", self._what, self._path, e)
            try:
                move_aside(self._path, str(e))
            except StorageUnavailable as moved:
                log.error("%s", moved)
            self.problem = "unreadable"
            return
        broken = 0
        for entry in entries:
            try:
                item = self._read(entry)
            except (ValueError, TypeError) as e:
                log.warning("%s in %s: skipping one: %s", self._what, self._path, e)
                broken += 1
                continue
            self._items[item.name] = item
        if broken:
            self.problem = "partly"
