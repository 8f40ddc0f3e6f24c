"""The order of the queue's rows, kept outside Qt so it can be reasoned about alone.

``RowOrder.key`` is a total order (the default key breaks every tie), and it never depends on
the time, so the visible list stays sorted between batches and a new row is placed by
bisection instead of a re-sort of the whole list.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from backend_client.schemas import Alarm
from widgets.alarm_queue.columns import Column, default_key, sort_key
from widgets.alarm_queue.keys import DEFAULT, KeyCache


class _Descending:
    """Wraps a key so that tuples holding it compare it in reverse."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Descending) -> bool:
        return other.value < self.value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and self.value == other.value

    __hash__ = None  # type: ignore[assignment]


class RowOrder:
    """Sort by one column, ascending or descending; ties always in the queue's default order
    (priority, newest first, id).

    ``anchors`` (id → head alarm) hangs the members of an expanded repeat group right under
    their head, in the queue's default order, wherever the sort puts the head."""

    def __init__(self, column: Column = Column.PRIORITY, descending: bool = False,
                 targets: Mapping[int, float] | None = None,
                 anchors: Mapping[str, Alarm] | None = None,
                 keys: KeyCache | None = None) -> None:
        self.column = column
        self.descending = descending
        self._col = sort_key(column, targets or {})
        self.anchors: Mapping[str, Alarm] = anchors if anchors is not None else {}
        self.keys = keys if keys is not None else KeyCache(targets)

    def key(self, alarm: Alarm) -> tuple[Any, ...]:
        """Ascending in this key is display order."""
        head = self.anchors.get(alarm.id)
        k = self._col(head or alarm)
        k = _Descending(k) if self.descending else k
        if head is None:
            return (k, default_key(alarm), 0)
        return (k, default_key(head), 1, default_key(alarm))

    def raw_key(self, alarm: Alarm) -> tuple[Any, ...]:
        """Equal for two versions of an alarm exactly when the row would stay in place."""
        head = self.anchors.get(alarm.id)
        if head is None:
            return (self._col(alarm), default_key(alarm))
        return (self._col(head), default_key(head), default_key(alarm))

    def default_order(self, rows: Sequence[Alarm]) -> list[Alarm]:
        """``rows`` in the queue's own order (cached keys, one C-level sort)."""
        keys = self.keys.values(DEFAULT, rows)
        return list(map(rows.__getitem__, sorted(range(len(rows)), key=keys.__getitem__)))

    def sort(self, rows: list[Alarm], by_default: list[Alarm] | None = None,
             aligned: dict[Column, list[Any]] | None = None) -> None:
        """Sort in place. ``by_default``: the same alarms already in the queue's own order
        (the model keeps it while the set does not change), so only the column's pass is
        left: a stable sort keeps ties in that order, also when reversed. ``aligned`` keeps
        each column's keys in ``by_default``'s order for the next sort of the same rows.
        With expanded groups, by the full key."""
        if self.anchors:
            rows.sort(key=self.key)
            return
        base = by_default if by_default is not None else self.default_order(rows)
        if self.column == Column.PRIORITY and not self.descending:
            rows[:] = base
            return
        keys = aligned.get(self.column) if aligned is not None else None
        if keys is None:
            keys = self.keys.values(self.column, base)
            if aligned is not None:
                aligned[self.column] = keys
        order = sorted(range(len(base)), key=keys.__getitem__, reverse=self.descending)
        rows[:] = map(base.__getitem__, order)

    def insert_blocks(self, rows: list[Alarm],
                      new: Iterable[Alarm]) -> list[tuple[int, list[Alarm]]]:
        """Where ``new`` goes in the sorted ``rows``: ``(position, block)`` pairs, ascending by
        position in ``rows`` as it is now, each block a run of rows that lands in one place
        (fresh alarms of a flood share the top of their priority band: a few blocks)."""
        blocks: list[tuple[int, list[Alarm]]] = []
        for alarm in sorted(new, key=self.key):
            pos = bisect_left(rows, self.key(alarm), key=self.key)
            if blocks and blocks[-1][0] == pos:
                blocks[-1][1].append(alarm)
            else:
                blocks.append((pos, [alarm]))
        return blocks


class DefaultOrder:
    """The shown rows in the queue's own order, kept up to date batch by batch (a bisection
    per changed row), so a header click sorts once — by its column — instead of twice.

    Held as the sorted default keys (unique: they end with the alarm id) and key → alarm."""

    def __init__(self, keys: KeyCache) -> None:
        self._keys = keys
        self._sorted: list[str] = []
        self._by_key: dict[str, Alarm] = {}

    def __len__(self) -> int:
        return len(self._sorted)

    def reset(self, rows: Sequence[Alarm]) -> None:
        self._by_key = dict(zip(self._keys.values(DEFAULT, rows), rows, strict=True))
        self._sorted = sorted(self._by_key)

    def add(self, alarm: Alarm) -> None:
        key = self._keys.value(DEFAULT, alarm)
        if key not in self._by_key:
            insort(self._sorted, key)
        self._by_key[key] = alarm

    def remove(self, alarm: Alarm) -> None:
        key = self._keys.value(DEFAULT, alarm)
        if self._by_key.pop(key, None) is not None:
            del self._sorted[bisect_left(self._sorted, key)]

    def replace(self, old: Alarm, new: Alarm) -> None:
        if self._keys.value(DEFAULT, old) != self._keys.value(DEFAULT, new):
            self.remove(old)
        self.add(new)

    def alarms(self) -> list[Alarm]:
        return list(map(self._by_key.__getitem__, self._sorted))


def contiguous_ranges_descending(rows: Iterable[int]) -> list[tuple[int, int]]:
    """``[(first, last), ...]`` of runs of consecutive row numbers, highest run first, so
    removing them one after another never shifts a run still to be removed."""
    ranges: list[tuple[int, int]] = []
    for row in sorted(set(rows), reverse=True):
        if ranges and ranges[-1][0] == row + 1:
            ranges[-1] = (row, ranges[-1][1])
        else:
            ranges.append((row, row))
    return ranges
