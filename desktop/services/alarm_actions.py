"""``AlarmActions``: the alarm workflow's commands, as the officer gives them.

Each action is checked first against the operator's role and the alarm's state (so a button
can say *why* it is disabled, and nothing doomed is queued), then written to the outbox —
durable before anything on screen changes — then shown optimistically through
``PendingCommands`` until the server's answer and event settle it. The server stays the
judge: a command it refuses is rolled back and its message shown.

Notes ride on the commands that change who does what (dispatch, close) so the alarm's own
history records who did it and when, for every desk that reads it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from backend_client import schemas as s
from desktop.services.central import CentralService
from desktop.services.commanding import QT_TR_NOOP, ActionRefused, queue_command
from desktop.state.hall import HallState
from desktop.state.pending import PendingCommands
from desktop.state.session import SessionState

log = logging.getLogger(__name__)


class AlarmActions:
    def __init__(self, hall: HallState, state: SessionState, pending: PendingCommands,
                 service: Callable[[], CentralService | None]) -> None:
        self.hall = hall
        self.state = state
        self.pending = pending
        self._service = service
        self.closed: dict[str, s.Alarm] = {}  # recently closed alarms a history view shows

    # --- what may be done ----------------------------------------------------------------------

    def alarm(self, alarm_id: str) -> s.Alarm | None:
        """The alarm as the officer sees it (the server's, plus what is pending); a closed
        one only while a history view holds it (``closed``)."""
        alarm = self.hall.alarms.get(alarm_id) or self.closed.get(alarm_id)
        return self.pending.effective(alarm) if alarm is not None else None

    def why_not(self, action: str, alarm: s.Alarm | None) -> str:
        """Why ``action`` cannot be done to ``alarm`` now, for the officer ("" if it can).
        ``action``: acknowledge, add_note, dispatch, verify, close, raise_alarm."""
        if self.state.operator is None:
            return QT_TR_NOOP("Log in first.")
        if not self.state.may(action):
            return QT_TR_NOOP("Your role may not do this.")
        if action == "raise_alarm":
            return ""
        if alarm is None:
            return QT_TR_NOOP("Select an alarm first.")
        if alarm.state == "closed":
            return QT_TR_NOOP("This alarm is closed.")
        if self.pending.mark(alarm.id) == "closing":
            return QT_TR_NOOP("This alarm is being closed.")
        if action == "acknowledge" and alarm.state != "new":
            return QT_TR_NOOP("Already acknowledged.")
        if action == "verify":
            if alarm.kind != "watchlist_hit":
                return QT_TR_NOOP("Only watchlist hits are verified.")
            if alarm.verified is not None or self.pending.has_pending(alarm.id, "verify"):
                return QT_TR_NOOP("Already verified.")
        if action == "dispatch":
            if alarm.kind == "watchlist_hit" and alarm.verified is not True:
                return QT_TR_NOOP("Verify the watchlist match first.")
            if alarm.state == "new":
                return QT_TR_NOOP("Acknowledge the alarm first.")
        if action == "close" and not self.state.may("close_any"):
            operator = self.state.operator
            if alarm.acknowledged_by not in (None, operator.id):
                return QT_TR_NOOP("Acknowledged by another officer: only they or a supervisor "
                                  "may close it.")
        return ""

    def _check(self, action: str, alarm_id: str) -> s.Alarm:
        alarm = self.alarm(alarm_id)
        why = self.why_not(action, alarm)
        if why:
            raise ActionRefused(why)
        assert alarm is not None
        return alarm

    # --- the actions ---------------------------------------------------------------------------

    async def acknowledge(self, alarm_ids: Iterable[str], note: str | None = None) -> int:
        """Acknowledge each alarm still new (a group's members one by one); how many."""
        count = 0
        for alarm_id in alarm_ids:
            alarm = self.alarm(alarm_id)
            if alarm is None or alarm.state != "new" or self.why_not("acknowledge", alarm):
                continue
            body: dict[str, Any] = {"note": note} if note else {}
            await self._queue(f"/alarms/{alarm_id}/acknowledge", body)
            count += 1
        if not count:
            raise ActionRefused(QT_TR_NOOP("Nothing to acknowledge."))
        return count

    async def add_note(self, alarm_id: str, text: str) -> None:
        self._check("add_note", alarm_id)
        if not text.strip():
            raise ActionRefused(QT_TR_NOOP("A note cannot be empty."))
        await self._queue(f"/alarms/{alarm_id}/notes", {"text": text.strip()})

    async def dispatch(self, alarm_id: str, unit_ids: list[str], note: str = "") -> None:
        self._check("dispatch", alarm_id)
        if not unit_ids:
            raise ActionRefused(QT_TR_NOOP("Choose at least one unit."))
        # The note that records on the alarm whom this desk sent (read by every desk).
        text = "\u2192 " + ", ".join(self._callsign(u) for u in unit_ids)
        if note.strip():
            text = f"{text}: {note.strip()}"
        await self._queue(f"/alarms/{alarm_id}/dispatch", {"unit_ids": unit_ids, "note": text})

    async def verify(self, alarm_id: str, match: bool, note: str) -> None:
        self._check("verify", alarm_id)
        if not note.strip():
            raise ActionRefused(QT_TR_NOOP("Say why: a verification needs a note."))
        await self._queue(f"/alarms/{alarm_id}/verify", {"match": match, "note": note.strip()})

    async def close(self, alarm_ids: Iterable[str], disposition: str, note: str) -> int:
        """Close each alarm (a group's members one by one); how many were queued."""
        if disposition not in s.DISPOSITIONS:
            raise ActionRefused(QT_TR_NOOP("Choose how the alarm ended."))
        if not note.strip():
            raise ActionRefused(QT_TR_NOOP("Closing needs a note."))
        count = 0
        refusals = []
        for alarm_id in alarm_ids:
            alarm = self.alarm(alarm_id)
            why = self.why_not("close", alarm)
            if why:
                refusals.append(why)
                continue
            await self._queue(f"/alarms/{alarm_id}/close",
                              {"disposition": disposition, "note": note.strip()})
            count += 1
        if not count:
            raise ActionRefused(refusals[0] if refusals else QT_TR_NOOP("Nothing to close."))
        return count

    async def raise_alarm(self, kind: str, priority: int, title: str, description: str,
                          location: s.AlarmLocation, camera_ids: list[str]) -> None:
        why = self.why_not("raise_alarm", None)
        if why:
            raise ActionRefused(why)
        if not title.strip():
            raise ActionRefused(QT_TR_NOOP("An alarm needs a title."))
        await self._queue("/alarms", {
            "kind": kind, "priority": priority, "title": title.strip(),
            "description": description.strip(), "location": location.model_dump(mode="json"),
            "camera_ids": camera_ids})

    # --- the outbox ----------------------------------------------------------------------------

    async def _queue(self, path: str, body: dict[str, Any]) -> None:
        """Queued; the central service shows it as pending (``PendingCommands``)."""
        await queue_command(self._service, self.state, path, body)

    def _callsign(self, unit_id: str) -> str:
        unit = self.hall.units.get(unit_id)
        return unit.callsign if unit is not None else unit_id
