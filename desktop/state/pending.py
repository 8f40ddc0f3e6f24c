"""``PendingCommands``: what the officer has done that the server has not confirmed yet.

An action is durable in the outbox before it is registered here; from then on every view shows
the alarm as the officer left it (acknowledged, dispatched, a note added) — the *optimistic*
alarm — with a "queued" mark while the command has not reached the server. The server's word
settles it: when the alarm arrives at (or past) the version the server answered with, the
pending command is forgotten and the server's alarm stands alone; when the server refuses, the
command is dropped at once, the alarm falls back to the server's version (the rollback) and the
refusal is kept for the alarm card to show.

Qt-free. Listeners get the set of alarm ids whose optimistic view changed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backend_client import schemas as s
from desktop.state.observable import Observable

log = logging.getLogger(__name__)

_ALARM_PATH = re.compile(r"^/alarms/(?P<id>[^/]+)/(?P<action>acknowledge|verify|dispatch|notes|"
                         r"close)$")


@dataclass
class PendingCommand:
    """One queued alarm command. ``answered_version``: the version the server answered with
    (the command is done once the alarm shown is at least that new)."""

    key: str  # the outbox item's idempotency key
    alarm_id: str
    action: str  # acknowledge | verify | dispatch | notes | close
    body: dict[str, Any]
    at: datetime
    operator_id: str
    operator_name: str
    answered_version: int | None = None

    @property
    def in_flight(self) -> bool:
        """Not yet answered by the server (offline, or on its way)."""
        return self.answered_version is None


@dataclass(frozen=True)
class Refusal:
    """The server refused a command: what the officer is told, on the alarm's card."""

    alarm_id: str
    action: str
    message: str
    at: datetime


def parse_alarm_command(path: str) -> tuple[str, str] | None:
    """``(alarm id, action)`` of an alarm command's path (relative to /api/v1), else None."""
    m = _ALARM_PATH.match(path)
    return (m["id"], m["action"]) if m else None


def optimistic(alarm: s.Alarm, command: PendingCommand) -> s.Alarm:
    """``alarm`` as it will be once the server has applied ``command`` (the server's rules,
    in brief: an illegal command is left for the server to refuse, and shows nothing).

    Closing is deliberately *not* shown as closed: a closed alarm leaves every view, and an
    officer must see which closings are still waiting for the server (the "closing" mark)."""
    body = command.body
    update: dict[str, Any] = {}
    note = body.get("text") if command.action == "notes" else body.get("note")
    if isinstance(note, str) and note.strip():
        update["notes"] = [*alarm.notes, s.Note(at=command.at, by=command.operator_name,
                                                  text=note.strip())]
    if command.action == "acknowledge" and alarm.state == "new":
        update.update(state="acknowledged", acknowledged_at=command.at,
                      acknowledged_by=command.operator_id)
    elif command.action == "verify":
        match = bool(body.get("match"))
        update["verified"] = match
        if match and alarm.state == "new":
            update.update(state="acknowledged", acknowledged_at=command.at,
                          acknowledged_by=command.operator_id)
    elif command.action == "dispatch" and alarm.state in ("acknowledged", "dispatched",
                                                          "on_scene"):
        units = [u for u in body.get("unit_ids", []) if isinstance(u, str)]
        update["assigned_unit_ids"] = list(dict.fromkeys([*alarm.assigned_unit_ids, *units]))
        if alarm.state != "on_scene":
            update["state"] = "dispatched"
    return alarm.model_copy(update=update) if update else alarm


class PendingCommands(Observable):
    def __init__(self) -> None:
        super().__init__()
        self._by_alarm: dict[str, list[PendingCommand]] = {}
        self._by_key: dict[str, PendingCommand] = {}
        self.refusals: dict[str, Refusal] = {}  # alarm id → the latest refusal

    # --- what views ask ----------------------------------------------------------------------

    def effective(self, alarm: s.Alarm) -> s.Alarm:
        """The alarm as the officer should see it: the server's, plus what is still pending."""
        for command in self._by_alarm.get(alarm.id, ()):
            alarm = optimistic(alarm, command)
        return alarm

    def effective_all(self, alarms: Iterable[s.Alarm]) -> list[s.Alarm]:
        by_alarm = self._by_alarm
        return [self.effective(a) if a.id in by_alarm else a for a in alarms]

    def mark(self, alarm_id: str) -> str | None:
        """What a row shows beside its state: "closing" while a close (or a rejected match)
        waits, "queued" while anything else has not reached the server; else None."""
        commands = self._by_alarm.get(alarm_id)
        if not commands:
            return None
        if any(c.action == "close" or (c.action == "verify" and not c.body.get("match"))
               for c in commands):
            return "closing"
        return "queued" if any(c.in_flight for c in commands) else None

    def marks(self) -> dict[str, str]:
        out = {}
        for alarm_id in self._by_alarm:
            mark = self.mark(alarm_id)
            if mark:
                out[alarm_id] = mark
        return out

    def pending_for(self, alarm_id: str) -> list[PendingCommand]:
        return list(self._by_alarm.get(alarm_id, ()))

    def has_pending(self, alarm_id: str, action: str | None = None) -> bool:
        return any(action is None or c.action == action
                   for c in self._by_alarm.get(alarm_id, ()))

    def units_sent(self) -> dict[str, str]:
        """Units this desk has dispatched that the server has not confirmed yet: unit id →
        the alarm it was sent to (so a picker does not offer them as free meanwhile)."""
        return {unit_id: c.alarm_id for c in self._by_key.values() if c.action == "dispatch"
                for unit_id in c.body.get("unit_ids", ())}

    def __len__(self) -> int:
        return len(self._by_key)

    # --- what the service tells --------------------------------------------------------------

    def add(self, key: str, path: str, body: Mapping[str, Any], at: datetime,
            operator_id: str, operator_name: str) -> PendingCommand | None:
        """A command is durable in the outbox; show it. Non-alarm commands are not tracked."""
        parsed = parse_alarm_command(path)
        if parsed is None or key in self._by_key:
            return None
        alarm_id, action = parsed
        command = PendingCommand(key, alarm_id, action, dict(body), at, operator_id,
                                 operator_name)
        self._by_key[key] = command
        self._by_alarm.setdefault(alarm_id, []).append(command)
        self.refusals.pop(alarm_id, None)
        self._notify({alarm_id})
        return command

    def sent(self, key: str, answer: Mapping[str, Any] | None,
             held: s.Alarm | None) -> None:
        """The server accepted: keep the optimistic view until its alarm version arrives.
        ``held``: the alarm as the workstation holds it now (the event stream may have
        brought the answered version before the answer itself; ``None``: it left, closed)."""
        command = self._by_key.get(key)
        if command is None:
            return
        version = answer.get("version") if answer else None
        if not isinstance(version, int) or held is None or held.version >= version:
            self._drop(command)  # nothing left to wait for
        else:
            command.answered_version = version
        self._notify({command.alarm_id})

    def rejected(self, key: str, message: str, at: datetime) -> None:
        """The server refused: roll the alarm back to the server's version, keep why."""
        command = self._by_key.get(key)
        if command is None:
            return
        self._drop(command)
        self.refusals[command.alarm_id] = Refusal(command.alarm_id, command.action, message, at)
        self._notify({command.alarm_id})

    def reconcile(self, alarms: Iterable[s.Alarm]) -> set[str]:
        """Server versions arrived: forget commands they include (or that a closing made
        moot). Returns the ids whose optimistic view changed (listeners are told too)."""
        changed: set[str] = set()
        for alarm in alarms:
            commands = self._by_alarm.get(alarm.id)
            if not commands:
                continue
            for command in list(commands):
                done = (command.answered_version is not None
                        and alarm.version >= command.answered_version)
                if done or alarm.state == "closed":
                    self._drop(command)
                    changed.add(alarm.id)
        if changed:
            self._notify(changed)
        return changed

    def reconcile_all(self, alarms: Iterable[s.Alarm]) -> set[str]:
        """A whole state arrived (a snapshot holds the open alarms only): commands on alarms
        no longer in it are moot once answered; the rest reconcile as usual. Commands still
        in flight stay — the outbox will deliver them and the server will judge."""
        alarms = list(alarms)
        present = {a.id for a in alarms}
        changed = {c.alarm_id for c in list(self._by_key.values())
                   if c.alarm_id not in present and not c.in_flight}
        for command in [c for c in self._by_key.values() if c.alarm_id in changed]:
            if not command.in_flight:
                self._drop(command)
        if changed:
            self._notify(changed)
        return changed | self.reconcile(alarms)

    def _drop(self, command: PendingCommand) -> None:
        self._by_key.pop(command.key, None)
        commands = self._by_alarm.get(command.alarm_id)
        if commands is not None:
            commands[:] = [c for c in commands if c.key != command.key]
            if not commands:
                del self._by_alarm[command.alarm_id]
