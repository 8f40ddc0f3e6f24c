"""The order of the queue's rows, kept outside Qt so it can be reasoned about alone.

``RowOrder.key`` is a total order (the default key breaks every tie), and it never depends on
the time, so the visible list stays sorted between batches and a new row is placed by
bisection instead of a re-sort of the whole list.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from typing import Any

from backend_client.schemas import Alarm
from widgets.alarm_queue.columns import Column, default_key, sort_key


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
                 anchors: Mapping[str, Alarm] | None = None) -> None:
        self.column = column
        self.descending = descending
        self._col = sort_key(column, targets or {})
        self.anchors: Mapping[str, Alarm] = anchors if anchors is not None else {}

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

    def sort(self, rows: list[Alarm]) -> None:
        """Sort in place: two stable passes (a reversed sort keeps ties in order), so no
        wrapper objects are made for 100,000 rows; with expanded groups, by the full key."""
        if self.anchors:
            rows.sort(key=self.key)
            return
        rows.sort(key=default_key)
        if self.column != Column.PRIORITY or self.descending:
            rows.sort(key=self._col, reverse=self.descending)

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
