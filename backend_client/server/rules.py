"""The hall's rules as pure functions, exactly as CONTRACT-NOTES.md states them: who may do what,
which unit status may follow which, and which alarm commands each alarm state allows.

Nothing here touches the store; a refusal raises ``Forbidden`` or ``Conflict`` from
``problems.py`` so that the server answers 403/409 with the contract's error body.
"""

from __future__ import annotations

from collections.abc import Iterable

from backend_client.schemas import Alarm, Unit

# The transitions live with the client too (it offers only these); re-exported for the server.
from backend_client.unit_rules import LEAVES_ALARM as LEAVES_ALARM
from backend_client.unit_rules import UNIT_TRANSITIONS as UNIT_TRANSITIONS
from backend_client.unit_rules import unit_may_become as unit_may_become

from .problems import Conflict, Forbidden

# --- Roles ----------------------------------------------------------------------------------

READ = "read"                      # snapshot, events, GET objects, history, media
READ_WATCHLIST = "read_watchlist"  # GET /watchlist/{id}
RAISE_ALARM = "raise_alarm"
ADD_NOTE = "add_note"
ACKNOWLEDGE = "acknowledge"
VERIFY = "verify"
DISPATCH = "dispatch"
CLOSE = "close"
UNIT_STATUS = "unit_status"
PTZ = "ptz"
AUDIT = "audit"

_ALL = frozenset({"duty_officer", "supervisor", "video_patrol", "leadership"})
_DESK = frozenset({"duty_officer", "supervisor"})

ROLE_TABLE: dict[str, frozenset[str]] = {
    READ: _ALL,
    READ_WATCHLIST: _DESK,
    RAISE_ALARM: _DESK | {"video_patrol"},
    ADD_NOTE: _DESK | {"video_patrol"},
    ACKNOWLEDGE: _DESK,
    VERIFY: _DESK,
    DISPATCH: _DESK,
    CLOSE: _DESK,
    UNIT_STATUS: _DESK,
    PTZ: _DESK | {"video_patrol"},
    AUDIT: _ALL,
}


def may(roles: Iterable[str], action: str) -> bool:
    """Whether any of ``roles`` allows ``action`` (a key of ``ROLE_TABLE``)."""
    return bool(ROLE_TABLE[action].intersection(roles))


def require(roles: Iterable[str], action: str) -> None:
    roles = list(roles)
    if not may(roles, action):
        raise Forbidden(f"your role may not {action.replace('_', ' ')}",
                        {"action": action, "roles": roles})


# --- Units ----------------------------------------------------------------------------------

def check_unit_transition(unit: Unit, new: str) -> None:
    if not unit_may_become(unit.status, new):
        raise Conflict(f"unit {unit.callsign} cannot go from {unit.status} to {new}",
                       {"unit_id": unit.id, "from": unit.status, "to": new,
                        "allowed": sorted(UNIT_TRANSITIONS.get(unit.status, ()))})


# --- Alarms ---------------------------------------------------------------------------------

OPEN_STATES = frozenset({"new", "acknowledged", "dispatched", "on_scene"})
DISPATCHABLE_STATES = frozenset({"acknowledged", "dispatched", "on_scene"})


def _refuse(alarm: Alarm, command: str, why: str) -> Conflict:
    return Conflict(f"cannot {command} alarm {alarm.id}: {why}",
                    {"alarm_id": alarm.id, "state": alarm.state, "command": command})


def check_acknowledge(alarm: Alarm) -> None:
    if alarm.state != "new":
        raise _refuse(alarm, "acknowledge", f"it is {alarm.state}, not new")


def check_verify(alarm: Alarm) -> None:
    if alarm.kind != "watchlist_hit":
        raise _refuse(alarm, "verify", "only watchlist hits are verified")
    if alarm.state == "closed":
        raise _refuse(alarm, "verify", "it is closed")
    if alarm.verified is not None:
        raise _refuse(alarm, "verify", "it has been verified already")


def check_dispatch_alarm(alarm: Alarm) -> None:
    if alarm.state not in DISPATCHABLE_STATES:
        raise _refuse(alarm, "dispatch", f"it is {alarm.state}; acknowledge it first"
                      if alarm.state == "new" else f"it is {alarm.state}")
    if alarm.kind == "watchlist_hit" and alarm.verified is not True:
        raise _refuse(alarm, "dispatch", "a watchlist hit must be verified as a match first")


def check_dispatch_unit(alarm: Alarm, unit: Unit, roles: Iterable[str],
                        other_alarm_open: bool) -> bool:
    """Whether ``unit`` may go to ``alarm``; returns True when it is taken off another open
    alarm (reassigning, supervisors only). Raises ``Conflict``/``Forbidden`` otherwise."""
    if unit.alarm_id == alarm.id and unit.status in ("dispatched", "en_route", "on_scene"):
        return False
    if unit.status == "available":
        return False
    if unit.alarm_id and other_alarm_open and unit.status in ("dispatched", "en_route",
                                                               "on_scene"):
        if "supervisor" in roles:
            return True
        raise Forbidden(f"unit {unit.callsign} is on alarm {unit.alarm_id}; only a supervisor "
                        "may reassign it", {"unit_id": unit.id, "alarm_id": unit.alarm_id})
    raise Conflict(f"unit {unit.callsign} is {unit.status}, not available",
                   {"unit_id": unit.id, "status": unit.status})


def check_close(alarm: Alarm, operator_id: str, roles: Iterable[str]) -> None:
    if alarm.state == "closed":
        raise _refuse(alarm, "close", "it is closed already")
    if "supervisor" in roles:
        return
    if alarm.acknowledged_by not in (None, operator_id):
        raise Forbidden(f"alarm {alarm.id} was acknowledged by {alarm.acknowledged_by}; "
                        "only they or a supervisor may close it",
                        {"alarm_id": alarm.id, "acknowledged_by": alarm.acknowledged_by})
