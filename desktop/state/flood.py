"""``FloodMeter``: is this operator in an alarm flood, by ISA-18.2's measure? (no Qt)

ISA-18.2 calls it a flood when an operator gets more than 10 new alarms in 10 minutes. The
meter counts the new alarms this workstation receives live (not those a snapshot or the cache
brings back) in one-second buckets, so a 200-per-second flood costs 600 numbers, and keeps the
time spent in flood over the shift.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from backend_client.schemas import utcnow

DEFAULT_WINDOW = timedelta(minutes=10)
DEFAULT_THRESHOLD = 10  # more than this many new alarms per window is a flood


@dataclass(frozen=True)
class FloodReading:
    in_flood: bool
    count: int  # new alarms in the window
    per_minute: float  # over the last minute
    flood_since: datetime | None
    time_in_flood: timedelta  # over the whole shift, the current flood included


class FloodMeter:
    def __init__(self, *, threshold: int = DEFAULT_THRESHOLD,
                 window: timedelta = DEFAULT_WINDOW,
                 now: Callable[[], datetime] = utcnow) -> None:
        self.threshold = threshold
        self.window = window
        self._now = now
        self._buckets: deque[list[int]] = deque()  # [epoch second, count], oldest first
        self._count = 0
        self._flood_since: datetime | None = None
        self._past_floods = timedelta()

    def arrived(self, count: int, at: datetime | None = None) -> None:
        """``count`` new alarms arrived (live) at ``at`` (default: now)."""
        if count <= 0:
            return
        second = int((at or self._now()).timestamp())
        if self._buckets and self._buckets[-1][0] == second:
            self._buckets[-1][1] += count
        else:
            self._buckets.append([second, count])
        self._count += count

    def reading(self, now: datetime | None = None) -> FloodReading:
        now = now or self._now()
        oldest = int((now - self.window).timestamp())
        while self._buckets and self._buckets[0][0] <= oldest:
            self._count -= self._buckets.popleft()[1]
        in_flood = self._count > self.threshold
        if in_flood and self._flood_since is None:
            self._flood_since = now
        elif not in_flood and self._flood_since is not None:
            self._past_floods += now - self._flood_since
            self._flood_since = None
        minute_ago = int(now.timestamp()) - 60
        last_minute = sum(c for s, c in self._buckets if s > minute_ago)
        current = now - self._flood_since if self._flood_since else timedelta()
        return FloodReading(in_flood, self._count, float(last_minute), self._flood_since,
                            self._past_floods + current)
