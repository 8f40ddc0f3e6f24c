"""Jittered exponential backoff, shared by the event stream, the outbox and call retries."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delays that double from ``first`` to ``cap`` seconds, each drawn with "equal jitter"
    (half fixed, half random) so twenty workstations that lost the server together do not come
    back in lock-step, yet none waits much less than the schedule says."""

    first: float = 0.5
    cap: float = 30.0
    attempt: int = 0
    rng: random.Random = field(default_factory=random.Random)

    def next_delay(self) -> float:
        """The delay before the next try; counts the attempt."""
        base = min(self.cap, self.first * (2 ** self.attempt))
        self.attempt += 1
        return base / 2 + self.rng.uniform(0, base / 2)

    def reset(self) -> None:
        self.attempt = 0
