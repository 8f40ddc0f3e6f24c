"""``OpenAlarms``: every open alarm the queue knows, whatever its filter shows (no Qt).

It decides which incoming versions count (the server's word wins: only a higher ``version``
replaces what is held, and a closed alarm does not come back through a stale event) and keeps
the small indexes the queue's header needs (unacknowledged alarms, fresh ones that flash).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from backend_client.schemas import Alarm

FLASH = timedelta(seconds=2)
# Closed ids remembered against stale events; a shift closes far fewer than this.
MAX_CLOSED = 100_000


def newest_per_id(alarms: Iterable[Alarm]) -> dict[str, Alarm]:
    latest: dict[str, Alarm] = {}
    for alarm in alarms:
        have = latest.get(alarm.id)
        if have is None or alarm.version > have.version:
            latest[alarm.id] = alarm
    return latest


class OpenAlarms:
    """``keep_closed``: closed alarms are held like open ones (the queue's history view)."""

    def __init__(self, keep_closed: bool = False) -> None:
        self.keep_closed = keep_closed
        self.by_id: dict[str, Alarm] = {}
        self.new_ids: set[str] = set()  # open and not yet acknowledged
        self._closed: dict[str, int] = {}  # id → the version it was closed at
        self._flash_until: dict[str, datetime] = {}

    def reset(self, alarms: Iterable[Alarm]) -> None:
        """The whole state (a snapshot): nothing in it flashes, it is not news."""
        latest = newest_per_id(alarms)
        self.by_id = {i: a for i, a in latest.items()
                      if a.state != "closed" or self.keep_closed}
        for i in self.by_id:
            self._closed.pop(i, None)
        self._closed.update((i, a.version) for i, a in latest.items() if a.state == "closed")
        self.new_ids = {i for i, a in self.by_id.items() if a.state == "new"}
        self._flash_until.clear()

    def fresh(self, alarms: Iterable[Alarm], *, same_version: bool = False) -> list[Alarm]:
        """Of a batch, the newest version per id, if newer than the one held or closed.
        ``same_version``: the held version may be replaced by another copy of it (the
        officer's optimistic view of an alarm comes and goes without a new version)."""
        out = []
        for alarm in newest_per_id(alarms).values():
            held = self.by_id.get(alarm.id)
            floor = held.version if held is not None else self._closed.get(alarm.id, -1)
            if alarm.version > floor or (same_version and held is not None
                                         and alarm.version == floor):
                out.append(alarm)
        return out

    def take(self, alarm: Alarm, now: datetime) -> None:
        """Hold ``alarm`` (a version ``fresh`` let through); a closed one is dropped."""
        if alarm.state == "closed" and not self.keep_closed:
            self.by_id.pop(alarm.id, None)
            self.new_ids.discard(alarm.id)
            self._flash_until.pop(alarm.id, None)
            self._closed[alarm.id] = alarm.version
            if len(self._closed) > MAX_CLOSED:
                del self._closed[next(iter(self._closed))]
            return
        if alarm.id not in self.by_id:
            self._flash_until[alarm.id] = now + FLASH
        self.by_id[alarm.id] = alarm
        if alarm.state == "new":
            self.new_ids.add(alarm.id)
        else:
            self.new_ids.discard(alarm.id)

    def is_flashing(self, alarm_id: str, now: datetime) -> bool:
        until = self._flash_until.get(alarm_id)
        return until is not None and until > now

    def expire_flashes(self, now: datetime) -> bool:
        """Forget flashes that are over; whether any flash was running."""
        running = bool(self._flash_until)
        if running:
            self._flash_until = {i: t for i, t in self._flash_until.items() if t > now}
        return running

    def overdue_count(self, now: datetime, targets: Mapping[int, float]) -> int:
        """Unacknowledged alarms past their target (created before ``now - target``): one
        comparison per alarm, as floods leave thousands unacknowledged."""
        before = {p: now - timedelta(seconds=t) for p, t in targets.items()}
        by_id = self.by_id
        return sum(1 for i in self.new_ids
                   if (a := by_id[i]).created_at < before.get(a.priority, now))
