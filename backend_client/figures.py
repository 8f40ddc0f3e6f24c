"""What the dashboard and the shift report show, as plain values (no Qt, no I/O).

``desktop.state.kpis`` computes these from the local cache; ``widgets.dashboard`` and
``widgets.report`` only draw them. They live here, below both layers, because the state may not
import widgets and widgets may not import the desktop.

Every figure carries the period it covers, and ``live`` says whether the workstation was
following the server when they were computed (if not, views write "as of <time>").

Percentiles are nearest-rank (the value at rank ⌈p/100 · n⌉ of the sorted samples), the way a
compliance statement reads: "90 % of alarms were acknowledged within P90". ``within_target`` is
the share of samples at or under the target.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

PRIORITIES: Final = (1, 2, 3, 4)
UNIT_STATUSES: Final = ("available", "dispatched", "en_route", "on_scene", "busy",
                        "out_of_service", "off_duty")
DISPOSITIONS: Final = ("resolved", "false_alarm", "duplicate", "transferred")
ALERT_LEVELS: Final = ("normal", "elevated", "high", "critical")


def nearest_rank(sorted_samples: Sequence[float], percent: float) -> float | None:
    """The nearest-rank percentile of already sorted samples; None when there are none."""
    n = len(sorted_samples)
    if n == 0:
        return None
    rank = max(1, math.ceil(percent / 100.0 * n))
    return float(sorted_samples[rank - 1])


@dataclass(frozen=True)
class Distribution:
    """Durations in seconds (time to acknowledge, or acknowledgement to dispatch) of the alarms
    of a period, against a target met by ``percent`` % of them."""

    samples: tuple[float, ...]  # sorted ascending; what the histogram draws
    target_s: float  # e.g. 10 s to acknowledge (NFPA 1225's answering time)
    percent: float  # e.g. 90
    median: float | None
    at_percent: float | None  # the ``percent``-th percentile (nearest rank)
    within_target: float | None  # share 0..1 of samples <= target_s
    unmeasured: int = 0  # alarms of the period whose times this workstation could not know

    @property
    def count(self) -> int:
        return len(self.samples)

    @property
    def meets_target(self) -> bool | None:
        """Whether ``percent`` % were within the target; None without samples."""
        if self.within_target is None:
            return None
        return self.within_target * 100.0 >= self.percent - 1e-9

    @classmethod
    def of(cls, samples: Sequence[float], target_s: float, percent: float,
           unmeasured: int = 0) -> Distribution:
        ordered = tuple(sorted(float(x) for x in samples))
        n = len(ordered)
        within = None if n == 0 else sum(1 for x in ordered if x <= target_s) / n
        return cls(ordered, float(target_s), float(percent), nearest_rank(ordered, 50),
                   nearest_rank(ordered, percent), within, unmeasured)


@dataclass(frozen=True)
class FloodFigures:
    """ISA-18.2's measure: more than ``threshold`` new alarms in 10 minutes is a flood."""

    threshold: int
    bucket_minutes: int  # 10
    bucket_starts: tuple[datetime, ...]  # the start of each bucket of the period, oldest first
    counts: tuple[int, ...]  # new alarms per bucket
    last_10_min: int  # new alarms in the 10 minutes before ``as_of`` (a sliding window)

    @property
    def in_flood(self) -> bool:
        return self.last_10_min > self.threshold

    @property
    def flood_buckets(self) -> int:
        return sum(1 for c in self.counts if c > self.threshold)

    @property
    def time_in_flood_s(self) -> float:
        """Time in flood over the period, counted in whole buckets."""
        return self.flood_buckets * self.bucket_minutes * 60.0


@dataclass(frozen=True)
class GridCount:
    grid_id: str
    name: str  # the grid's name, or its id when the grid is unknown
    count: int


@dataclass(frozen=True)
class DashboardFigures:
    as_of: datetime  # when these were computed
    live: bool  # False: from the cache while the server is not reachable
    period_start: datetime  # the figures "over the last 24 h" cover [period_start, as_of]
    # Now:
    open_by_priority: dict[int, int]  # open alarms per priority 1..4 (all keys present)
    unacknowledged: int
    overdue: int  # unacknowledged past their priority's acknowledgement target
    units_by_status: dict[str, int]  # every status of UNIT_STATUSES present
    cameras_online: int
    cameras_offline: int
    top_grids: tuple[GridCount, ...]  # most open alarms first, at most five
    # Over the period:
    hour_starts: tuple[datetime, ...]  # 24 hour buckets, oldest first
    hourly: tuple[tuple[int, int, int, int], ...]  # alarms created per hour, by priority 1..4
    ack: Distribution  # created → acknowledged
    dispatch: Distribution  # acknowledged → dispatched (NFPA 1225's processing time)
    flood: FloodFigures
    alarms_in_period: int = 0

    @property
    def open_total(self) -> int:
        return sum(self.open_by_priority.values())


@dataclass(frozen=True)
class ReportAlarm:
    """One alarm as the shift report lists it (and its CSV writes it)."""

    id: str
    priority: int
    kind: str
    title: str
    address: str
    grid: str
    state: str
    disposition: str | None
    created_at: datetime
    acknowledged_at: datetime | None
    dispatched_at: datetime | None
    closed_at: datetime | None
    units: tuple[str, ...]  # call signs
    notes: tuple[tuple[datetime, str, str], ...]  # (at, by, text)


@dataclass(frozen=True)
class ShiftReport:
    """The handover report of one period."""

    period_start: datetime
    period_end: datetime
    made_at: datetime
    made_by: str  # operator's name
    workstation: str
    live: bool  # False: made from the cache while offline ("as of" the last live moment)
    as_of: datetime | None
    # alarms raised in the period, by priority, and how the closed ones ended
    raised_by_priority: dict[int, int]
    closed_by_priority_disposition: dict[int, dict[str, int]]  # priority → disposition → n
    ack: Distribution
    dispatch: Distribution
    overdue: tuple[ReportAlarm, ...]  # acknowledged after their target, or still not at the end
    units_by_status: dict[str, int]  # at the time the report was made
    notable: tuple[ReportAlarm, ...]  # P1 alarms and alarms with notes, most urgent first
    handed_over: tuple[ReportAlarm, ...]  # still open at the end of the period
    alarms: tuple[ReportAlarm, ...] = field(default=())  # every alarm of the period (CSV)
    flood: FloodFigures | None = None
