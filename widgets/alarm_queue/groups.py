"""``RepeatGroups``: repeats from one source of one kind, folded into one row (no Qt).

A chattering detector or a caller who rings ten times makes ten alarms; in a flood those
repeats bury the alarms that differ. Alarms with the same source and kind whose creation
times lie within ``window`` of the previous one form a *run*; the queue shows the run's newest
alarm (its head) with the count and first/last time, and the members when the officer expands
it. Only the alarms the queue's filter lets through are grouped, so a filter never leaves a
group without its head.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from datetime import timedelta

from backend_client.schemas import Alarm

DEFAULT_WINDOW = timedelta(minutes=5)
GroupKey = tuple[str, str, str]


def group_key(alarm: Alarm) -> GroupKey:
    """Same source (by type and id, or name when a source has no id) and same kind."""
    src = alarm.source
    return (src.type, src.id or src.name or "", alarm.kind)


def _created(alarm: Alarm) -> tuple[float, str]:
    return (alarm.created_at.timestamp(), alarm.id)


class RepeatGroups:
    def __init__(self, window: timedelta = DEFAULT_WINDOW) -> None:
        self.window = window
        self._members: dict[GroupKey, list[tuple[float, str]]] = {}  # sorted by creation
        self._alarms: dict[str, Alarm] = {}
        self.expanded: set[str] = set()  # runs the officer opened, by their first member's id

    def reset(self, alarms: Iterable[Alarm]) -> None:
        self._members.clear()
        self._alarms = {a.id: a for a in alarms}
        for alarm in self._alarms.values():
            self._members.setdefault(group_key(alarm), []).append(_created(alarm))
        for members in self._members.values():
            members.sort()
        alive = {m[0][1] for m in self._members.values()} | set(self._alarms)
        self.expanded &= alive

    def keys(self) -> list[GroupKey]:
        return list(self._members)

    def __contains__(self, alarm_id: str) -> bool:
        return alarm_id in self._alarms

    def add(self, alarm: Alarm) -> GroupKey:
        key = group_key(alarm)
        if alarm.id in self._alarms:
            self.remove(alarm.id)
        self._alarms[alarm.id] = alarm
        insort(self._members.setdefault(key, []), _created(alarm))
        return key

    def remove(self, alarm_id: str) -> GroupKey | None:
        alarm = self._alarms.pop(alarm_id, None)
        if alarm is None:
            return None
        key = group_key(alarm)
        members = self._members.get(key)
        if members is not None:
            members.remove(_created(alarm))
            if not members:
                del self._members[key]
        return key

    def alarms_of(self, key: GroupKey) -> list[Alarm]:
        return [self._alarms[i] for _, i in self._members.get(key, ())]

    def runs(self, key: GroupKey) -> list[list[Alarm]]:
        """The runs of one source and kind, oldest first, each oldest member first."""
        gap = self.window.total_seconds()
        runs: list[list[Alarm]] = []
        last = None
        for created, alarm_id in self._members.get(key, ()):
            if last is None or created - last > gap:
                runs.append([])
            runs[-1].append(self._alarms[alarm_id])
            last = created
        return runs

    def run_of(self, alarm_id: str) -> list[Alarm]:
        """The run holding ``alarm_id`` (just the alarm when it is alone; [] if unknown)."""
        alarm = self._alarms.get(alarm_id)
        if alarm is None:
            return []
        for run in self.runs(group_key(alarm)):
            if any(a.id == alarm_id for a in run):
                return run
        return [alarm]

    def shown(self, key: GroupKey) -> dict[str, tuple[Alarm, Alarm | None]]:
        """What the queue shows of one source and kind: id → (alarm, the head it hangs under
        when it is an expanded member, else None). Collapsed runs show their head only."""
        out: dict[str, tuple[Alarm, Alarm | None]] = {}
        for run in self.runs(key):
            head = run[-1]
            out[head.id] = (head, None)
            if len(run) > 1 and run[0].id in self.expanded:
                for member in run[:-1]:
                    out[member.id] = (member, head)
        return out

    def toggle(self, alarm_id: str) -> GroupKey | None:
        """Expand or fold the run holding ``alarm_id``; its key, or None for a lone alarm."""
        run = self.run_of(alarm_id)
        if len(run) < 2:
            return None
        first = run[0].id
        if first in self.expanded:
            self.expanded.discard(first)
        else:
            self.expanded.add(first)
        return group_key(run[0])

    def is_expanded(self, alarm_id: str) -> bool:
        run = self.run_of(alarm_id)
        return len(run) > 1 and run[0].id in self.expanded
