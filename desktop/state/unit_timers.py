"""Status timers of the unit board: is a unit late for its next step, or due a welfare check?

A dispatched unit should be on its way within ``dispatched_s`` (the crew acknowledged and left),
en route it should be on scene within ``en_route_s``, and a unit on scene gets a welfare check
every ``welfare_s``: the officer confirms contact with the crew, and that resets the clock.
Targets are settings. Qt-free, the clock injected (``now``), so the moment a unit turns overdue
can be tested to the second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from backend_client import schemas as s

Overdue = Literal["late_en_route", "late_on_scene", "welfare_due"]


@dataclass(frozen=True)
class StatusTargets:
    dispatched_s: float = 120.0  # dispatched → en route
    en_route_s: float = 600.0  # en route → on scene
    welfare_s: float = 1200.0  # on scene: confirm contact this often

    def __post_init__(self) -> None:
        if min(self.dispatched_s, self.en_route_s, self.welfare_s) <= 0:
            raise ValueError("status targets must be positive "
                             f"({self.dispatched_s}, {self.en_route_s}, {self.welfare_s})")


def seconds_in_status(unit: s.Unit, now: datetime) -> float:
    """How long the unit has been in its status (never negative: a clock ahead of ours)."""
    return max(0.0, (now - unit.status_since).total_seconds())


def clock_start(unit: s.Unit, welfare_confirmed: datetime | None = None) -> datetime:
    """Where the unit's timer counts from: its status change, or for a unit on scene the
    last confirmed contact when that is later."""
    if (unit.status == "on_scene" and welfare_confirmed is not None
            and welfare_confirmed > unit.status_since):
        return welfare_confirmed
    return unit.status_since


_LATE_FOR: dict[str, Overdue] = {"dispatched": "late_en_route", "en_route": "late_on_scene",
                                  "on_scene": "welfare_due"}


def _timer(unit: s.Unit, now: datetime, targets: StatusTargets,
           welfare_confirmed: datetime | None) -> tuple[float, float] | None:
    """(seconds waited, seconds allowed) of the unit's running timer, None without one."""
    status = unit.status
    if status == "dispatched":
        limit = targets.dispatched_s
    elif status == "en_route":
        limit = targets.en_route_s
    elif status == "on_scene":
        limit = targets.welfare_s
    else:  # no timer runs (asked about every unit of a batch: kept cheap)
        return None
    return (now - clock_start(unit, welfare_confirmed)).total_seconds(), limit


def overdue(unit: s.Unit, now: datetime, targets: StatusTargets,
            welfare_confirmed: datetime | None = None) -> Overdue | None:
    """What the unit is late for at ``now`` (None when nothing). Exactly at the target is
    not yet late."""
    timer = _timer(unit, now, targets, welfare_confirmed)
    if timer is None or timer[0] <= timer[1]:
        return None
    return _LATE_FOR[unit.status]


def seconds_to_overdue(unit: s.Unit, now: datetime, targets: StatusTargets,
                       welfare_confirmed: datetime | None = None) -> float | None:
    """Seconds until the unit turns overdue (None: no timer for its status; 0: due now)."""
    timer = _timer(unit, now, targets, welfare_confirmed)
    return None if timer is None else max(0.0, timer[1] - timer[0])
