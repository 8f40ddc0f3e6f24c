"""``Shelves``: alarm sources an officer has shelved — hidden from the queue for a chosen
time, with a required reason — and when each comes back (no Qt).

Shelving is ISA-18.2's answer to a chattering detector: it must be deliberate (a reason),
visible (the list, and the queue says how many alarms it hides), bounded (every shelf expires
by itself) and accountable (the caller writes each shelve and unshelve to the audit log). The
shelves are saved in the profile so a restart does not silently bring a chattering source back
— nor keep one hidden past its time.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from backend_client.schemas import parse_time, utcnow
from desktop.state.files import write_text_atomic
from desktop.state.observable import Observable

log = logging.getLogger(__name__)

SHELF_MINUTES = (15, 30, 60, 120, 240, 480)  # what the officer may choose; never "forever"
FILE_NAME = "shelved-sources.json"


@dataclass(frozen=True)
class Shelf:
    source_key: str  # "camera:cam-12" — see widgets.alarm_queue.model.source_key
    source_name: str
    reason: str
    by: str  # operator id
    at: datetime
    until: datetime


class Shelves(Observable):
    """Listeners get the list of shelves after every change (an expiry included)."""

    def __init__(self, folder: Path | None = None, now: Callable[[], datetime] = utcnow) -> None:
        super().__init__()
        self._now = now
        self._path = folder / FILE_NAME if folder is not None else None
        self._shelves: dict[str, Shelf] = {}
        self.problem = ""  # for the officer, when the saved shelves could not be read
        self._load()

    def active(self) -> list[Shelf]:
        return sorted(self._shelves.values(), key=lambda s: s.until)

    def keys(self) -> frozenset[str]:
        return frozenset(self._shelves)

    def shelve(self, source_key: str, source_name: str, reason: str, minutes: int,
               by: str) -> Shelf:
        reason = reason.strip()
        if not reason:
            raise ValueError("a shelf needs a reason")
        if not 1 <= minutes <= max(SHELF_MINUTES):
            raise ValueError(f"shelf time out of range: {minutes} min")
        now = self._now()
        shelf = Shelf(source_key, source_name, reason, by, now,
                      now + timedelta(minutes=minutes))
        self._shelves[source_key] = shelf
        self._changed()
        return shelf

    def unshelve(self, source_key: str) -> Shelf | None:
        shelf = self._shelves.pop(source_key, None)
        if shelf is not None:
            self._changed()
        return shelf

    def expire(self) -> list[Shelf]:
        """Shelves whose time is up come back by themselves (call every few seconds)."""
        now = self._now()
        gone = [s for s in self._shelves.values() if s.until <= now]
        for shelf in gone:
            del self._shelves[shelf.source_key]
        if gone:
            self._changed()
        return gone

    def _changed(self) -> None:
        self._save()
        self._notify(self.active())

    # --- the file ------------------------------------------------------------------------------

    def _load(self) -> None:
        if self._path is None or not self._path.exists():
            return
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            for item in data.get("shelves", []):
                shelf = Shelf(str(item["source_key"]), str(item["source_name"]),
                              str(item["reason"]), str(item["by"]),
                              parse_time(item["at"]), parse_time(item["until"]))
                if shelf.until > self._now():
                    self._shelves[shelf.source_key] = shelf
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
            log.warning("shelved sources in %s unreadable, starting with none: %r",
                        self._path, e)
            self.problem = "The list of shelved alarm sources could not be read; none are shelved."

    def _save(self) -> None:
        if self._path is None:
            return
        data = {"shelves": [{**asdict(s), "at": s.at.isoformat(), "until": s.until.isoformat()}
                            for s in self.active()]}
        try:
            write_text_atomic(self._path, json.dumps(data, ensure_ascii=False, indent=1))
        except OSError as e:
            log.warning("could not save shelved sources to %s: %r", self._path, e)
