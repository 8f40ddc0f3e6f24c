"""How old a unit's position is, in the four words the hall uses (no Qt, clock injected).

fresh → ageing (> 60 s) → stale (> 5 min: greyed, dashed) → lost (> 30 min: a hollow marker kept
at the last position). A unit is never dropped from the map for an old position: a patrol car
whose radio died is exactly the one the officer must still see. "none" is a unit that never
reported a position (listed, not drawn). The thresholds are settings; the map and the unit
board use this one function so they never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np

Freshness = Literal["fresh", "ageing", "stale", "lost", "none"]
FRESHNESS: tuple[Freshness, ...] = ("fresh", "ageing", "stale", "lost", "none")


@dataclass(frozen=True)
class FreshnessThresholds:
    ageing_s: float = 60.0
    stale_s: float = 300.0
    lost_s: float = 1800.0

    def __post_init__(self) -> None:
        if not 0 < self.ageing_s < self.stale_s < self.lost_s:
            raise ValueError("freshness thresholds must grow: ageing < stale < lost "
                             f"({self.ageing_s}, {self.stale_s}, {self.lost_s})")


def freshness(at: datetime | None, now: datetime,
              thresholds: FreshnessThresholds = FreshnessThresholds()) -> Freshness:
    """The freshness of a position taken ``at`` (None: no position ever). A position from
    the future (a unit's clock ahead of ours) counts as fresh."""
    if at is None:
        return "none"
    age = (now - at).total_seconds()
    if age > thresholds.lost_s:
        return "lost"
    if age > thresholds.stale_s:
        return "stale"
    if age > thresholds.ageing_s:
        return "ageing"
    return "fresh"


def freshness_codes(ages_s: np.ndarray,
                    thresholds: FreshnessThresholds = FreshnessThresholds()) -> np.ndarray:
    """``freshness`` over an array of position ages in seconds (NaN: no position), as
    indices into FRESHNESS: the map's path for thousands of units, with the same boundaries
    (an age equal to a threshold is still the younger word)."""
    ages = np.asarray(ages_s, dtype=float)
    bounds = np.array([thresholds.ageing_s, thresholds.stale_s, thresholds.lost_s])
    codes = np.searchsorted(bounds, ages, side="left")
    return np.where(np.isnan(ages), FRESHNESS.index("none"), codes).astype(np.intp)


def epoch_seconds(times: Sequence[datetime]) -> np.ndarray:
    """``[t.timestamp() for t in times]`` as an array, for aware times, at a third of the
    cost when they share one fixed-offset tzinfo object (as times parsed from the wire in
    UTC do): ``timestamp()`` asks the tzinfo for its offset each time — pydantic's tzinfo
    answers slowly, and that was the most of a 5,000-move map batch — while the difference
    of two times with the same tzinfo object is plain arithmetic."""
    n = len(times)
    if not n:
        return np.empty(0)
    tz = times[0].tzinfo
    offset = tz.utcoffset(None) if tz is not None else None  # None: not a fixed offset
    if offset is not None:
        nan = math.nan
        start = datetime(1970, 1, 1, tzinfo=tz)  # the epoch's wall clock in that offset
        since = np.fromiter(((t - start).total_seconds() if t.tzinfo is tz else nan
                             for t in times), float, n)
        if not np.isnan(since).any():  # else another tzinfo is among them: the plain way
            return since - offset.total_seconds()
    return np.fromiter((t.timestamp() for t in times), float, n)
