"""``WallLink``: how other panes put cameras on the video wall (no Qt).

The alarm card's "show on wall" (and, later, the map's "cameras near here") calls ``show``;
the wall pane registers the handler when it exists. Without a wall (a role or a layout
without it) ``available`` is False and the card hides its button.
"""

from __future__ import annotations

from collections.abc import Callable

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
