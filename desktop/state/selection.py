"""``Selection``: what the officer has selected, shared by every pane (no Qt).

The queue selects an alarm, the card shows it, the map (later) centres on it; one object so
the panes never disagree about "the" alarm. Listeners get the name of what changed.
"""

from __future__ import annotations

from desktop.state.observable import Observable


class Selection(Observable):
    def __init__(self) -> None:
        super().__init__()
        self.alarm_id: str | None = None
        self.unit_id: str | None = None
        self.camera_id: str | None = None

    def select_alarm(self, alarm_id: str | None) -> None:
        if alarm_id != self.alarm_id:
            self.alarm_id = alarm_id
            self._notify("alarm")

    def select_unit(self, unit_id: str | None) -> None:
        if unit_id != self.unit_id:
            self.unit_id = unit_id
            self._notify("unit")

    def select_camera(self, camera_id: str | None) -> None:
        if camera_id != self.camera_id:
            self.camera_id = camera_id
            self._notify("camera")
