"""``UnitActions``: the unit board's commands — a unit's status, and the welfare check.

As the alarm actions: checked first (the operator's role, the hall's allowed transitions, so a
menu only offers what the server would accept), durable in the outbox, shown optimistically
through ``PendingUnitStatus`` until the server's answer settles it; a refusal rolls back and
its message is shown.

A welfare check — the officer confirmed contact with a crew on scene — resets the unit's timer
here and is recorded as a note on the alarm the unit is on (through the alarm actions, so the
card shows it at once), so every desk reads who checked and when.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from backend_client import schemas as s
from backend_client.unit_rules import allowed_next_statuses
from desktop.services.alarm_actions import AlarmActions
from desktop.services.central import CentralService
from desktop.services.commanding import QT_TR_NOOP, ActionRefused, queue_command
from desktop.state.hall import HallState
from desktop.state.observable import Observable
from desktop.state.pending_units import PendingUnitStatus
from desktop.state.session import SessionState

log = logging.getLogger(__name__)


class UnitActions(Observable):
    """Listeners get the id of a unit whose welfare check was confirmed."""

    def __init__(self, hall: HallState, state: SessionState, pending: PendingUnitStatus,
                 alarms: AlarmActions, service: Callable[[], CentralService | None]) -> None:
        super().__init__()
        self.hall = hall
        self.alarms = alarms
        self.state = state
        self.pending = pending
        self._service = service
        self.welfare_confirmed: dict[str, datetime] = {}  # unit id → last contact confirmed

    def unit(self, unit_id: str) -> s.Unit | None:
        """The unit as the officer sees it (the server's, with a pending status)."""
        unit = self.hall.units.get(unit_id)
        return self.pending.effective(unit) if unit is not None else None

    def next_statuses(self, unit: s.Unit) -> list[str]:
        """The statuses the officer may put the unit in now (none without the role)."""
        if not self.state.may("unit_status"):
            return []
        return allowed_next_statuses(unit.status)

    def why_not(self, unit: s.Unit | None, status: str) -> str:
        if self.state.operator is None:
            return QT_TR_NOOP("Log in first.")
        if not self.state.may("unit_status"):
            return QT_TR_NOOP("Your role may not change a unit's status.")
        if unit is None:
            return QT_TR_NOOP("Select a unit first.")
        if status == unit.status:
            return QT_TR_NOOP("The unit has this status already.")
        if status == "dispatched":
            return QT_TR_NOOP("Units are dispatched from an alarm (the alarm queue).")
        if status not in allowed_next_statuses(unit.status):
            return QT_TR_NOOP("This status cannot follow the unit's present one.")
        return ""

    async def set_status(self, unit_id: str, status: str, note: str = "") -> None:
        unit = self.unit(unit_id)
        why = self.why_not(unit, status)
        if why:
            raise ActionRefused(why)
        body = {"status": status, **({"note": note.strip()} if note.strip() else {})}
        path = f"/units/{unit_id}/status"
        # The central service shows it as pending (``PendingUnitStatus``) once queued.
        await queue_command(self._service, self.state, path, body)

    async def confirm_welfare(self, unit_id: str, note: str) -> None:
        """Contact with the crew confirmed: the timer starts again, and ``note`` (the view
        writes it, in the officer's language) goes on the unit's alarm."""
        unit = self.unit(unit_id)
        if unit is None:
            raise ActionRefused(QT_TR_NOOP("Select a unit first."))
        if self.state.operator is None:
            raise ActionRefused(QT_TR_NOOP("Log in first."))
        if unit.alarm_id and unit.alarm_id in self.hall.alarms:
            await self.alarms.add_note(unit.alarm_id, note)
        else:
            log.info("welfare check of %s confirmed (no open alarm to note it on)",
                     unit.callsign)
        self.welfare_confirmed[unit_id] = s.utcnow()
        self._notify(unit_id)
