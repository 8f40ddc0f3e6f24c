"""A hand-moved clock for the stream lifecycle's tests (monotonic seconds and the matching
wall time) and the stream they play."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

URL = "rtsp://cams.example/c17/main"
WALL0 = datetime(2026, 11, 29, 17, 21, 0, tzinfo=UTC)


class FakeClock:
    """Monotonic seconds and the matching wall time, moved by hand."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t

    def wall(self) -> datetime:
        return WALL0 + timedelta(seconds=self.t - 1000.0)

    def advance(self, seconds: float) -> None:
        self.t += seconds
