"""The operator commands of the contract applied to the hall: raise, acknowledge, verify,
dispatch, add a note, close, set a unit's status, move a camera.

Each function checks the role and the rules first (``rules.py``) and changes nothing when it
refuses, then makes every change of the command; the caller wraps it in ``hall.changes()``.
The simulator's automated "other desk" uses the same functions, so it obeys the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend_client.schemas import (
    Acknowledge,
    AddNote,
    Alarm,
    AlarmSource,
    Camera,
    Close,
    Dispatch,
    Note,
    PtzMove,
    RaiseAlarm,
    SetUnitStatus,
    Unit,
    Verify,
    utcnow,
)

from . import rules
from .hall import Hall
from .problems import NotFound, NotImplementedHere, ValidationFailed


@dataclass(frozen=True)
class Actor:
    """Who acts: an operator's id, display name and roles (notes carry the name)."""

    id: str
    name: str
    roles: tuple[str, ...]


def _with_note(alarm: Alarm, actor: Actor, text: str | None) -> list[Note]:
    if not text or not text.strip():
        return list(alarm.notes)
    return [*alarm.notes, Note(at=utcnow(), by=actor.name, text=text.strip())]


def raise_alarm(hall: Hall, actor: Actor, body: RaiseAlarm) -> Alarm:
    rules.require(actor.roles, rules.RAISE_ALARM)
    unknown = [c for c in body.camera_ids if c not in hall.cameras]
    if unknown:
        raise ValidationFailed(f"camera_ids: unknown cameras {unknown}",
                               {"field": "camera_ids", "unknown": unknown})
    now = utcnow()
    alarm = Alarm(
        id=hall.next_alarm_id(), version=1, kind=body.kind, priority=body.priority,
        title=body.title, description=body.description,
        source=AlarmSource(type="operator", id=actor.id, name=actor.name),
        location=body.location, grid_id=hall.grid_at(body.location.lon, body.location.lat),
        camera_ids=body.camera_ids, state="new", created_at=now, updated_at=now)
    return hall.add_alarm(alarm)


def acknowledge(hall: Hall, actor: Actor, alarm_id: str, body: Acknowledge) -> Alarm:
    rules.require(actor.roles, rules.ACKNOWLEDGE)
    alarm = hall.find_alarm(alarm_id)
    rules.check_acknowledge(alarm)
    now = utcnow()
    return hall.update_alarm(alarm, now, state="acknowledged", acknowledged_at=now,
                             acknowledged_by=actor.id, notes=_with_note(alarm, actor, body.note))


def verify(hall: Hall, actor: Actor, alarm_id: str, body: Verify) -> Alarm:
    rules.require(actor.roles, rules.VERIFY)
    alarm = hall.find_alarm(alarm_id)
    rules.check_verify(alarm)
    now = utcnow()
    notes = _with_note(alarm, actor, body.note)
    if not body.match:
        alarm = hall.update_alarm(alarm, now, verified=False, notes=notes)
        return _close(hall, alarm, "false_alarm", now)
    changes: dict = {"verified": True, "notes": notes}
    if alarm.state == "new":
        changes.update(state="acknowledged", acknowledged_at=now, acknowledged_by=actor.id)
    return hall.update_alarm(alarm, now, **changes)


def dispatch(hall: Hall, actor: Actor, alarm_id: str, body: Dispatch) -> Alarm:
    rules.require(actor.roles, rules.DISPATCH)
    alarm = hall.find_alarm(alarm_id)
    rules.check_dispatch_alarm(alarm)
    units: list[tuple[Unit, bool]] = []
    for unit_id in dict.fromkeys(body.unit_ids):
        unit = hall.units.get(unit_id)
        if unit is None:
            raise NotFound(f"no unit {unit_id}", {"id": unit_id})
        other_open = bool(unit.alarm_id and unit.alarm_id != alarm.id
                          and unit.alarm_id in hall.alarms)
        units.append((unit, rules.check_dispatch_unit(alarm, unit, actor.roles, other_open)))
    now = utcnow()
    for unit, reassigned in units:
        if reassigned:
            other = hall.alarms[unit.alarm_id]  # type: ignore[index]
            hall.update_alarm(other, now, notes=_with_note(
                other, actor, f"{unit.callsign} 改派至警情 {alarm.id}"),
                assigned_unit_ids=[u for u in other.assigned_unit_ids if u != unit.id])
        if unit.alarm_id != alarm.id or unit.status not in ("dispatched", "en_route", "on_scene"):
            hall.update_unit(unit, now, status="dispatched", alarm_id=alarm.id)
    assigned = list(dict.fromkeys([*alarm.assigned_unit_ids, *(u.id for u, _ in units)]))
    state = "on_scene" if alarm.state == "on_scene" else "dispatched"
    return hall.update_alarm(alarm, now, state=state, assigned_unit_ids=assigned,
                             notes=_with_note(alarm, actor, body.note))


def add_note(hall: Hall, actor: Actor, alarm_id: str, body: AddNote) -> Alarm:
    rules.require(actor.roles, rules.ADD_NOTE)
    alarm = hall.find_alarm(alarm_id)
    return hall.update_alarm(alarm, notes=_with_note(alarm, actor, body.text))


def close(hall: Hall, actor: Actor, alarm_id: str, body: Close) -> Alarm:
    rules.require(actor.roles, rules.CLOSE)
    alarm = hall.find_alarm(alarm_id)
    rules.check_close(alarm, actor.id, actor.roles)
    now = utcnow()
    if body.note.strip():
        alarm = alarm.model_copy(update={"notes": _with_note(alarm, actor, body.note)})
    return _close(hall, alarm, body.disposition, now)


def _close(hall: Hall, alarm: Alarm, disposition: str, now: datetime) -> Alarm:
    """Close and free the units still on the alarm (its assigned list stays as the record)."""
    for unit in list(hall.units.values()):
        if unit.alarm_id == alarm.id:
            hall.update_unit(unit, now, status="available", alarm_id=None)
    return hall.update_alarm(alarm, now, state="closed", disposition=disposition, closed_at=now)


def set_unit_status(hall: Hall, actor: Actor | None, unit_id: str, body: SetUnitStatus) -> Unit:
    """A status change; ``actor`` None is the unit itself reporting (simulator), no role check."""
    if actor is not None:
        rules.require(actor.roles, rules.UNIT_STATUS)
    unit = hall.find("unit", unit_id)
    rules.check_unit_transition(unit, body.status)
    now = utcnow()
    alarm = hall.alarms.get(unit.alarm_id) if unit.alarm_id else None
    alarm_id = unit.alarm_id
    if body.status in rules.LEAVES_ALARM:
        alarm_id = None
        if alarm is not None and unit.id in alarm.assigned_unit_ids:
            hall.update_alarm(alarm, now, assigned_unit_ids=[
                u for u in alarm.assigned_unit_ids if u != unit.id])
    elif body.status == "on_scene" and alarm is not None and alarm.state == "dispatched":
        hall.update_alarm(alarm, now, state="on_scene")
    return hall.update_unit(unit, now, status=body.status, alarm_id=alarm_id)


def ptz(hall: Hall, actor: Actor, camera_id: str, body: PtzMove) -> Camera:
    """A PTZ move changes no contract field: the answer is the camera as it is."""
    rules.require(actor.roles, rules.PTZ)
    camera = hall.find("camera", camera_id)
    if not camera.ptz:
        raise NotImplementedHere(f"camera {camera.name} has no pan-tilt-zoom",
                                 {"camera_id": camera.id})
    return camera
