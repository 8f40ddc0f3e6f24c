"""How old a unit's position is, in the four words the hall uses (no Qt, clock injected).

fresh → ageing (> 60 s) → stale (> 5 min: greyed, dashed) → lost (> 30 min: a hollow marker kept
at the last position). A unit is never dropped from the map for an old position: a patrol car
whose radio died is exactly the one the officer must still see. "none" is a unit that never
reported a position (listed, not drawn). The thresholds are settings; the map and the unit
board use this one function so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

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
