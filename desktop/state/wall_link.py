"""``WallLink``: how other panes put cameras on the video wall (no Qt).

The alarm card's "show on wall" (and, later, the map's "cameras near here") calls ``show``;
the wall pane registers the handler when it exists. Without a wall (a role or a layout
without it) ``available`` is False and the card hides its button.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from backend_client.schemas import Alarm, Camera
from desktop.state.nearest import distance_m
from desktop.state.observable import Observable

ShowHandler = Callable[[list[str], int | None], None]


class WallLink(Observable):
    def __init__(self) -> None:
        super().__init__()
        self._handler: ShowHandler | None = None

    @property
    def available(self) -> bool:
        return self._handler is not None

    def attach(self, handler: ShowHandler | None) -> None:
        self._handler = handler
        self._notify(self.available)

    def show(self, camera_ids: list[str], priority: int | None = None) -> bool:
        """Put these cameras (nearest first) on the wall, marked with an alarm's priority;
        whether a wall took them."""
        if self._handler is None or not camera_ids:
            return False
        self._handler(list(dict.fromkeys(camera_ids)), priority)
        return True

    def show_alarm(self, alarm: Alarm, cameras: Mapping[str, Camera]) -> bool:
        """An alarm's linked cameras, nearest to the alarm first (the first gets the largest
        tile), marked with its priority. Cameras the hall does not know go last, in the
        alarm's order."""
        return self.show(nearest_first(alarm, cameras), alarm.priority)


def nearest_first(alarm: Alarm, cameras: Mapping[str, Camera]) -> list[str]:
    lat, lon = alarm.location.lat, alarm.location.lon

    def distance(camera_id: str) -> float:
        camera = cameras.get(camera_id)
        if camera is None:
            return float("inf")
        return distance_m(lat, lon, camera.location.lat, camera.location.lon)

    return sorted(dict.fromkeys(alarm.camera_ids), key=distance)  # stable for equals
