"""``PendingUnitStatus``: status changes the officer gave that the server has not confirmed.

As ``PendingCommands`` does for alarms: a status command is durable in the outbox before it is
registered here; from then on the board shows the unit in its new status (the *optimistic*
unit, marked "queued" while the command has not reached the server). The server's word
settles it: when the unit arrives at (or past) the version the server answered with, the
pending change is forgotten; when the server refuses, it is dropped at once, the unit falls
back to the server's status (the rollback) and the refusal is kept for the board to show.

Qt-free. Listeners get the set of unit ids whose optimistic view changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backend_client import schemas as s
from desktop.state.observable import Observable

_STATUS_PATH = re.compile(r"^/units/(?P<id>[^/]+)/status$")


@dataclass
class PendingStatus:
    key: str  # the outbox item's idempotency key
    unit_id: str
    status: str
    at: datetime
    answered_version: int | None = None

    @property
    def in_flight(self) -> bool:
        return self.answered_version is None


@dataclass(frozen=True)
class UnitRefusal:
    unit_id: str
    status: str  # the status that was refused
    message: str
    at: datetime


def parse_status_command(path: str) -> str | None:
    """The unit id of a unit status command's path, else None."""
    m = _STATUS_PATH.match(path)
    return m["id"] if m else None


class PendingUnitStatus(Observable):
    def __init__(self) -> None:
        super().__init__()
        self._by_unit: dict[str, PendingStatus] = {}  # the newest per unit wins
        self._by_key: dict[str, PendingStatus] = {}
        self.refusals: dict[str, UnitRefusal] = {}

    # --- what views ask ----------------------------------------------------------------------

    def effective(self, unit: s.Unit) -> s.Unit:
        """The unit as the officer should see it: the server's, with a pending status."""
        pending = self._by_unit.get(unit.id)
        if pending is None or pending.status == unit.status:
            return unit
        return unit.model_copy(update={"status": pending.status, "status_since": pending.at})

    def queued(self, unit_id: str) -> bool:
        """A status change for the unit has not reached the server yet."""
        pending = self._by_unit.get(unit_id)
        return pending is not None and pending.in_flight

    def has_pending(self, unit_id: str) -> bool:
        return unit_id in self._by_unit

    def __len__(self) -> int:
        return len(self._by_key)

    # --- what the service tells --------------------------------------------------------------

    def add(self, key: str, path: str, body: Mapping[str, Any], at: datetime) -> None:
        """A command is durable in the outbox; show it. Other commands are not tracked."""
        unit_id = parse_status_command(path)
        status = body.get("status")
        if unit_id is None or not isinstance(status, str) or key in self._by_key:
            return
        older = self._by_unit.get(unit_id)
        if older is not None:
            self._by_key.pop(older.key, None)
        pending = PendingStatus(key, unit_id, status, at)
        self._by_key[key] = pending
        self._by_unit[unit_id] = pending
        self.refusals.pop(unit_id, None)
        self._notify({unit_id})

    def sent(self, key: str, answer: Mapping[str, Any] | None, held: s.Unit | None) -> None:
        """The server accepted: keep the optimistic status until its unit version arrives."""
        pending = self._by_key.get(key)
        if pending is None:
            return
        version = answer.get("version") if answer else None
        if not isinstance(version, int) or held is None or held.version >= version:
            self._drop(pending)
        else:
            pending.answered_version = version
        self._notify({pending.unit_id})

    def rejected(self, key: str, message: str, at: datetime) -> None:
        """The server refused: back to the server's status, and keep why."""
        pending = self._by_key.get(key)
        if pending is None:
            return
        self._drop(pending)
        self.refusals[pending.unit_id] = UnitRefusal(pending.unit_id, pending.status, message,
                                                     at)
        self._notify({pending.unit_id})

    def reconcile(self, units: Iterable[s.Unit]) -> set[str]:
        """Server versions arrived: forget the changes they include."""
        changed = set()
        for unit in units:
            pending = self._by_unit.get(unit.id)
            if (pending is not None and pending.answered_version is not None
                    and unit.version >= pending.answered_version):
                self._drop(pending)
                changed.add(unit.id)
        if changed:
            self._notify(changed)
        return changed

    def _drop(self, pending: PendingStatus) -> None:
        self._by_key.pop(pending.key, None)
        if self._by_unit.get(pending.unit_id) is pending:
            del self._by_unit[pending.unit_id]
