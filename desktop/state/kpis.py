"""``KpiBook``: the dashboard's figures, kept up to date alarm by alarm. Qt-free.

A full load takes the facts of the open alarms and of those created in the last 24 hours from
the local cache (``LocalCache.alarm_facts``, two indexed selects, however many alarms the
cache holds) and builds every aggregate in bulk. After that each change set only moves the
changed alarms' contributions: counters, per-hour and per-10-minute buckets, and sorted lists
of durations (``sortedcontainers``) from which percentiles are read by index. So a change set
costs in proportion to its size, not to the cache's, and ``figures`` is cheap enough to run
after every one.

The period is the 24 whole hours ending with the current one; as time passes, alarms created
before it leave the period's figures (``figures`` trims them).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sortedcontainers import SortedList

from backend_client import schemas as s
from backend_client.figures import (
    PRIORITIES,
    UNIT_STATUSES,
    DashboardFigures,
    Distribution,
    FloodFigures,
    GridCount,
    nearest_rank,
)

HOUR = 3600.0
FLOOD_BUCKET = 600.0  # ISA-18.2 counts alarms per 10 minutes
PERIOD_HOURS = 24
TOP_GRIDS = 5
OPEN_STATES = frozenset({"new", "acknowledged", "dispatched", "on_scene"})


@dataclass(frozen=True)
class KpiTargets:
    """The site's targets: NFPA 1225 asks 90 % of alarms answered within 10 s and processed
    (answer to dispatch) within 60 s; the queue's acknowledgement targets per priority make an
    unacknowledged alarm overdue; ISA-18.2's flood is more than 10 new alarms in 10 minutes."""

    answer_s: float = 10.0
    processing_s: float = 60.0
    percent: float = 90.0
    ack_by_priority: Mapping[int, float] = field(
        default_factory=lambda: {1: 10.0, 2: 30.0, 3: 60.0, 4: 120.0})
    flood_threshold: int = 10


class Fact(NamedTuple):
    """What the dashboard needs of one alarm (times in epoch seconds, None when unknown)."""

    id: str
    version: int
    priority: int
    state: str
    grid_id: str | None
    created: float
    acknowledged: float | None
    dispatched: float | None
    closed: float | None
    had_units: bool

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


def _epoch(t: datetime | None) -> float | None:
    return None if t is None else t.timestamp()


def dispatch_time(alarm: s.Alarm, before: Fact | None) -> float | None:
    """When the alarm was dispatched, as far as this workstation saw: kept from the fact it
    held of the same alarm, or the ``updated_at`` of the first dispatched version after a new or
    an acknowledged one. The cache's ``tables.DISPATCHED_AT`` is the same rule in SQL."""
    created = alarm.created_at.timestamp()
    if before is None or before.created != created:
        return None
    if before.dispatched is not None:
        return before.dispatched
    if alarm.state == "dispatched" and before.state in ("new", "acknowledged"):
        return alarm.updated_at.timestamp()
    return None


def fact_of(alarm: s.Alarm, before: Fact | None) -> Fact:
    return Fact(alarm.id, alarm.version, alarm.priority, alarm.state, alarm.grid_id,
                alarm.created_at.timestamp(), _epoch(alarm.acknowledged_at),
                dispatch_time(alarm, before), _epoch(alarm.closed_at),
                bool(alarm.assigned_unit_ids))


def fact_from_row(row: Sequence[Any]) -> Fact:
    """A row of ``LocalCache.alarm_facts``."""
    (i, version, priority, state, grid_id, created, acked, dispatched, closed,
     had_units) = row
    return Fact(i, int(version), int(priority), state, grid_id, float(created),
                None if acked is None else float(acked),
                None if dispatched is None else float(dispatched),
                None if closed is None else float(closed), bool(had_units))


def period_start(now: datetime) -> float:
    """The start of the 24 whole hours that end with the current one, in epoch seconds."""
    return math.floor(now.timestamp() / HOUR) * HOUR - (PERIOD_HOURS - 1) * HOUR


class KpiBook:
    def __init__(self, targets: KpiTargets | None = None) -> None:
        self.targets = targets or KpiTargets()
        self._clear(0.0)

    def _clear(self, start: float) -> None:
        self._start = start  # the period's start; facts created before it are not in it
        self.facts: dict[str, Fact] = {}
        self._in_period: set[str] = set()
        self._period = SortedList()  # (created, id) of the facts in the period
        self._open = Counter[int]()  # priority → open alarms
        self._open_grids = Counter[str]()
        self._new = {p: SortedList() for p in PRIORITIES}  # created of unacknowledged alarms
        self._hourly: dict[int, list[int]] = {}  # hour number → counts by priority
        self._buckets = Counter[int]()  # 10-minute bucket number → alarms created
        self._ack = SortedList()  # seconds created → acknowledged
        self._dispatch = SortedList()  # seconds acknowledged → dispatched
        self._unmeasured = 0  # alarms of the period that had units but no known dispatch time

    # --- loading and updating ---------------------------------------------------------------

    def load(self, facts: Iterable[Fact], now: datetime) -> None:
        """Start again from these facts (the cache's, after a start or a snapshot)."""
        self._clear(period_start(now))
        start = self._start
        facts = [f for f in facts if f.is_open or f.created >= start]
        self.facts = {f.id: f for f in facts}
        in_period = [f for f in self.facts.values() if f.created >= start]
        self._in_period = {f.id for f in in_period}
        self._period = SortedList((f.created, f.id) for f in in_period)
        open_facts = [f for f in self.facts.values() if f.is_open]
        self._open = Counter(f.priority for f in open_facts)
        self._open_grids = Counter(f.grid_id for f in open_facts if f.grid_id)
        for p in PRIORITIES:
            self._new[p] = SortedList(f.created for f in open_facts
                                      if f.state == "new" and f.priority == p)
        for f in in_period:
            row = self._hourly.setdefault(int(f.created // HOUR), [0, 0, 0, 0])
            row[f.priority - 1] += 1
        self._buckets = Counter(int(f.created // FLOOD_BUCKET) for f in in_period)
        self._ack = SortedList(a for f in in_period if (a := _ack_s(f)) is not None)
        self._dispatch = SortedList(d for f in in_period if (d := _dispatch_s(f)) is not None)
        self._unmeasured = sum(1 for f in in_period if _unmeasured(f))

    def apply(self, alarms: Iterable[s.Alarm], now: datetime) -> None:
        """Newer versions of alarms (a change set's); older or equal versions are ignored."""
        for alarm in alarms:
            before = self.facts.get(alarm.id)
            if before is not None and alarm.version <= before.version:
                continue
            self.put(fact_of(alarm, before), now)

    def put(self, fact: Fact, now: datetime) -> None:
        before = self.facts.get(fact.id)
        if before is not None:
            self._count(before, -1)
        if fact.id not in self._in_period and before is None:
            self._trim(now)
            if fact.created >= self._start:
                self._in_period.add(fact.id)
                self._period.add((fact.created, fact.id))
        if fact.is_open or fact.id in self._in_period:
            self.facts[fact.id] = fact
            self._count(fact, +1)
        else:
            self.facts.pop(fact.id, None)

    def _count(self, f: Fact, sign: int) -> None:
        """Add (+1) or take away (-1) one fact's part in every aggregate."""
        if f.is_open:
            self._open[f.priority] += sign
            if f.grid_id:
                self._open_grids[f.grid_id] += sign
            if f.state == "new":
                _sorted_change(self._new[f.priority], f.created, sign)
        if f.id in self._in_period:
            self._hourly.setdefault(int(f.created // HOUR), [0, 0, 0, 0])[f.priority - 1] += sign
            self._buckets[int(f.created // FLOOD_BUCKET)] += sign
            if (a := _ack_s(f)) is not None:
                _sorted_change(self._ack, a, sign)
            if (d := _dispatch_s(f)) is not None:
                _sorted_change(self._dispatch, d, sign)
            if _unmeasured(f):
                self._unmeasured += sign

    def _trim(self, now: datetime) -> None:
        """Let alarms created before the period's start leave its figures."""
        start = period_start(now)
        if start <= self._start:
            return
        self._start = start
        while self._period and self._period[0][0] < start:
            _, fact_id = self._period.pop(0)
            f = self.facts[fact_id]
            self._count(f, -1)
            self._in_period.discard(fact_id)
            if f.is_open:
                self._count(f, +1)  # still open: it counts in the figures of "now"
            else:
                del self.facts[fact_id]
        for hour in [h for h in self._hourly if h * HOUR < start]:
            del self._hourly[hour]
        for bucket in [b for b in self._buckets if b * FLOOD_BUCKET < start]:
            del self._buckets[bucket]

    # --- reading -----------------------------------------------------------------------------

    def figures(self, now: datetime, *, live: bool, units: Iterable[s.Unit] = (),
                cameras: Iterable[s.Camera] = (),
                grid_names: Mapping[str, str] | None = None) -> DashboardFigures:
        self._trim(now)
        t = self.targets
        grid_names = grid_names or {}
        start = self._start
        first_hour = int(start // HOUR)
        hours = range(first_hour, first_hour + PERIOD_HOURS)
        first_bucket = int(start // FLOOD_BUCKET)
        buckets = range(first_bucket, int(now.timestamp() // FLOOD_BUCKET) + 1)
        ten_min_ago = now.timestamp() - FLOOD_BUCKET
        statuses = Counter(u.status for u in units)
        camera_status = Counter(c.status for c in cameras)
        overdue = sum(self._new[p].bisect_left(now.timestamp() - t.ack_by_priority.get(p, 0.0))
                      for p in PRIORITIES)
        top = sorted(((n, g) for g, n in self._open_grids.items() if n > 0),
                     key=lambda x: (-x[0], x[1]))[:TOP_GRIDS]
        return DashboardFigures(
            as_of=now, live=live, period_start=_time(start),
            open_by_priority={p: self._open[p] for p in PRIORITIES},
            unacknowledged=sum(len(v) for v in self._new.values()),
            overdue=overdue,
            units_by_status={st: statuses[st] for st in UNIT_STATUSES},
            cameras_online=camera_status["online"], cameras_offline=camera_status["offline"],
            top_grids=tuple(GridCount(g, grid_names.get(g, g), n) for n, g in top),
            hour_starts=tuple(_time(h * HOUR) for h in hours),
            hourly=tuple(tuple(self._hourly.get(h, (0, 0, 0, 0))) for h in hours),  # type: ignore[misc]
            ack=_distribution(self._ack, t.answer_s, t.percent, 0),
            dispatch=_distribution(self._dispatch, t.processing_s, t.percent,
                                   self._unmeasured),
            flood=FloodFigures(
                threshold=t.flood_threshold, bucket_minutes=int(FLOOD_BUCKET // 60),
                bucket_starts=tuple(_time(b * FLOOD_BUCKET) for b in buckets),
                counts=tuple(self._buckets.get(b, 0) for b in buckets),
                last_10_min=len(self._period) - self._period.bisect_right(
                    (ten_min_ago, "\U0010ffff"))),
            alarms_in_period=len(self._period),
        )


def _ack_s(f: Fact) -> float | None:
    return None if f.acknowledged is None else max(0.0, f.acknowledged - f.created)


def _dispatch_s(f: Fact) -> float | None:
    if f.dispatched is None or f.acknowledged is None:
        return None
    return max(0.0, f.dispatched - f.acknowledged)


def _unmeasured(f: Fact) -> bool:
    """Dispatched at some point, but this workstation did not see when."""
    return _dispatch_s(f) is None and (
        f.had_units or f.state in ("dispatched", "on_scene"))


def _sorted_change(values: SortedList, value: float, sign: int) -> None:
    if sign > 0:
        values.add(value)
    else:
        values.discard(value)


def _distribution(values: SortedList, target: float, percent: float,
                  unmeasured: int) -> Distribution:
    n = len(values)
    samples = tuple(values)
    within = None if n == 0 else values.bisect_right(target) / n
    return Distribution(samples, target, percent, nearest_rank(samples, 50),
                        nearest_rank(samples, percent), within, unmeasured)


def _time(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)

