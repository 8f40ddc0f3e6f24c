"""``KeyCache``: what the queue sorts and searches by, computed once per alarm version.

Sorting or filtering 100,000 alarms spends its time in Python calls per alarm (casefolding a
title, converting a time), not in the sort itself. Alarms are immutable objects and a new
version is a new object, so a value computed for one object stays right as long as that object
lives: the cache is keyed by the object's identity and holds the object, so the identity
cannot be reused while the entry exists. Lookups then run as C-level ``map`` calls. The cache
is pruned to the live alarms when it grows past twice their number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from backend_client.schemas import Alarm
from widgets.alarm_queue.columns import Column, address_text, sort_key, source_text

DEFAULT = "default"
HAYSTACK = "haystack"
_EPOCH_SPAN_US = 10**17  # microseconds up to the year 5138: the fixed width of the key


def default_order_key(alarm: Alarm) -> str:
    """The queue's own order (P1 first, newest first, the id breaking ties) as one string,
    so comparisons are a single C string compare instead of a tuple's."""
    us = int(alarm.created_at.timestamp() * 1_000_000)
    return f"{alarm.priority}{_EPOCH_SPAN_US - us:017d}{alarm.id}"


def haystack(alarm: Alarm) -> str:
    """Everything the free-text filter looks in, casefolded, joined by a separator no needle
    can span."""
    return "\x1f".join((alarm.title, alarm.location.address or "", alarm.description,
                        alarm.source.name or "", alarm.id)).casefold()


class KeyCache:
    def __init__(self, targets: Mapping[int, float] | None = None) -> None:
        self._fns: dict[Any, Callable[[Alarm], Any]] = {}
        self._cache: dict[Any, dict[int, Any]] = {}  # what → {id(alarm): value}
        self._alive: dict[int, Alarm] = {}  # id(alarm) → alarm: the identity stays taken
        self.set_targets(targets or {})

    def set_targets(self, targets: Mapping[int, float]) -> None:
        """The acknowledge targets changed: the acknowledge-timer keys depend on them."""
        self._fns = {c: sort_key(c, targets) for c in Column}
        self._fns[Column.TITLE] = lambda a: a.title.casefold()
        self._fns[Column.ADDRESS] = lambda a: address_text(a).casefold()
        self._fns[Column.SOURCE] = lambda a: source_text(a).casefold()
        self._fns[DEFAULT] = default_order_key
        self._fns[HAYSTACK] = haystack
        self._cache.pop(Column.ACK_TIMER, None)

    def values(self, what: Any, alarms: Sequence[Alarm]) -> list[Any]:
        """The key ``what`` (a ``Column``, ``DEFAULT`` or ``HAYSTACK``) of each alarm."""
        cache = self._cache.setdefault(what, {})
        try:
            return list(map(cache.__getitem__, map(id, alarms)))
        except KeyError:
            pass
        fn = self._fns[what]
        alive = self._alive
        for alarm in alarms:
            key = id(alarm)
            if key not in cache:
                cache[key] = fn(alarm)
                alive[key] = alarm
        return list(map(cache.__getitem__, map(id, alarms)))

    def value(self, what: Any, alarm: Alarm) -> Any:
        return self.values(what, (alarm,))[0]

    def size(self) -> int:
        return len(self._alive)

    def prune(self, live: Iterable[Alarm]) -> None:
        """Forget every alarm object not in ``live`` (old versions, closed alarms)."""
        keep = {id(a) for a in live}
        gone = [k for k in self._alive if k not in keep]
        for key in gone:
            del self._alive[key]
            for cache in self._cache.values():
                cache.pop(key, None)
