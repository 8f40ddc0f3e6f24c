"""Tours (轮巡): named lists of cameras cycled through the wall (or one tile) at a set dwell
time, with pause, resume, and an alarm's interruption (no Qt, clock injected).

A tour is a list of *steps*; each step is the cameras shown together (a whole wall's worth,
or one camera for a single-tile tour). A camera group in a tour is expanded to its cameras
when the tour is built, so a step never names a group. An alarm with linked cameras
interrupts the tour: its cameras are shown until the officer dismisses them, then the tour
goes on from where it was, with the rest of that step's dwell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GROUP_PREFIX = "group:"  # a tour item naming a camera group, not a camera
MIN_DWELL_S = 3.0  # shorter than this, nobody can look at a picture
MAX_DWELL_S = 3600.0


@dataclass(frozen=True)
class Tour:
    name: str
    steps: tuple[tuple[str, ...], ...]
    dwell_s: float = 15.0
    tile: int | None = None  # a one-tile tour's tile; None: the tour takes the whole wall

    def __post_init__(self) -> None:
        if not self.steps or any(not step for step in self.steps):
            raise ValueError(f"tour {self.name!r} has an empty step")
        if self.tile is not None and self.tile < 0:
            raise ValueError(f"tour {self.name!r}: tile {self.tile} does not exist")
        if not MIN_DWELL_S <= self.dwell_s <= MAX_DWELL_S:
            raise ValueError(f"tour {self.name!r}: dwell {self.dwell_s} s outside "
                             f"{MIN_DWELL_S:.0f}..{MAX_DWELL_S:.0f} s")

    @classmethod
    def of_cameras(cls, name: str, items: Iterable[str], per_step: int, dwell_s: float,
                   groups: Mapping[str, list[str]] | None = None,
                   tile: int | None = None) -> Tour:
        """Cameras (or ``group:NAME`` items, expanded from ``groups``) cut into steps of
        ``per_step`` — a wall's tile count, or 1 for a single tile."""
        cameras: list[str] = []
        for item in items:
            if item.startswith(GROUP_PREFIX):
                cameras.extend((groups or {}).get(item.removeprefix(GROUP_PREFIX), []))
            else:
                cameras.append(item)
        cameras = list(dict.fromkeys(cameras))
        per_step = max(1, per_step)
        steps = tuple(tuple(cameras[i:i + per_step]) for i in range(0, len(cameras), per_step))
        return cls(name, steps, dwell_s, tile)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "steps": [list(s) for s in self.steps],
                "dwell_s": self.dwell_s, "tile": self.tile}

    @classmethod
    def from_dict(cls, data: Any) -> Tour:
        if not isinstance(data, dict):
            raise ValueError("a tour must be an object")
        try:
            steps = tuple(tuple(str(c) for c in step) for step in data["steps"])
            tile = data.get("tile")
            return cls(str(data["name"]), steps, float(data.get("dwell_s", 15.0)),
                       None if tile is None else int(tile))
        except (KeyError, TypeError) as e:
            raise ValueError(f"a tour needs a name and steps ({e})") from e


class TourRunner:
    """Which cameras a running tour shows now. Call ``tick()`` from a timer (a second is
    fine); ``shown()`` says what the wall should show."""

    def __init__(self, tour: Tour, now: Callable[[], float]) -> None:
        self.tour = tour
        self._now = now
        self.index = 0
        self._step_started = now()
        self._paused_left: float | None = None  # dwell left when paused or interrupted
        self.interruption: tuple[str, ...] | None = None  # an alarm's cameras, until dismissed
        self.paused = False

    def shown(self) -> tuple[str, ...]:
        return self.interruption if self.interruption else self.tour.steps[self.index]

    def left_s(self) -> float:
        """Seconds until the next step (frozen while paused or interrupted)."""
        if self._paused_left is not None:
            return self._paused_left
        return max(0.0, self.tour.dwell_s - (self._now() - self._step_started))

    def tick(self) -> bool:
        """Advance if the dwell is over; whether the shown cameras changed."""
        if self.paused or self.interruption or self.left_s() > 0:
            return False
        self.index = (self.index + 1) % len(self.tour.steps)
        self._step_started = self._now()
        return len(self.tour.steps) > 1

    def pause(self) -> None:
        if not self.paused:
            self._freeze()
            self.paused = True

    def resume(self) -> None:
        if self.paused:
            self.paused = False
            if not self.interruption:
                self._thaw()

    def interrupt(self, camera_ids: Iterable[str]) -> None:
        """An alarm's linked cameras take the wall (nearest first); the tour waits."""
        cameras = tuple(dict.fromkeys(camera_ids))
        if not cameras:
            return
        if self.interruption is None and not self.paused:
            self._freeze()
        self.interruption = cameras

    def dismiss(self) -> None:
        """The officer is done with the alarm's cameras: the tour goes on where it was."""
        if self.interruption is None:
            return
        self.interruption = None
        if not self.paused:
            self._thaw()

    def _freeze(self) -> None:
        self._paused_left = self.left_s()

    def _thaw(self) -> None:
        left = self._paused_left if self._paused_left is not None else self.tour.dwell_s
        self._step_started = self._now() - (self.tour.dwell_s - left)
        self._paused_left = None


# --- named tours: what the hall saves, built into a Tour when started -------------------------

@dataclass(frozen=True)
class TourPlan:
    """A named tour as the officer edits and saves it: cameras and camera groups in order, the
    dwell, and whether it takes the whole wall or cycles on one tile. Groups stay groups
    here (a camera added to a group later is in the next run of the tour)."""

    name: str
    items: tuple[str, ...]
    dwell_s: float = 15.0
    one_tile: bool = False

    def problem(self) -> str:
        """Why this plan cannot be saved ("" when it can; the sentences are translated by
        the tour editor)."""
        if not self.name.strip():
            return "a tour needs a name"
        if not self.items:
            return "a tour needs at least one camera or group"
        if not MIN_DWELL_S <= self.dwell_s <= MAX_DWELL_S:
            return "a step must stay 3 s to 1 h"
        return ""

    def build(self, wall_tiles: int, groups: Mapping[str, list[str]],
              tile: int | None = None) -> Tour:
        """The tour to run now: a wall's worth of cameras per step, or one per step on
        ``tile``. Raises ``ValueError`` when no camera is left (an emptied group)."""
        one = self.one_tile
        return Tour.of_cameras(self.name, self.items, 1 if one else wall_tiles, self.dwell_s,
                               groups, tile if one else None)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "items": list(self.items), "dwell_s": self.dwell_s,
                "one_tile": self.one_tile}

    @classmethod
    def from_dict(cls, data: Any) -> TourPlan:
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise ValueError("a saved tour needs a name and a list of items")
        plan = cls(str(data.get("name", "")), tuple(str(i) for i in data["items"]),
                   float(data.get("dwell_s", 15.0)), bool(data.get("one_tile", False)))
        problem = plan.problem()
        if problem:
            raise ValueError(f"saved tour {plan.name!r}: {problem}")
        return plan


def groups_of(cameras: Iterable[Any]) -> dict[str, list[str]]:
    """Camera group → its cameras' ids (``Camera.groups``), in the cameras' order."""
    groups: dict[str, list[str]] = {}
    for camera in cameras:
        for group in camera.groups:
            groups.setdefault(group, []).append(camera.id)
    return groups
