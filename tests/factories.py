"""Small factories of valid contract objects for tests: ``make_alarm(priority=1, state="new")``.

Each returns a ``backend_client.schemas`` model with every field filled in plausibly. Keyword
overrides replace top-level fields (nested values may be dicts or models); ids are unique per
call unless given. For grids, the keys of ``GridProperties`` (id, name, station,
duty_unit_ids, version) go into ``properties``. Times are fixed (``BASE_TIME``) except a
watchlist entry's ``valid_until``, which is a year from now so it is current.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from backend_client import schemas

BASE_TIME = datetime(2025, 3, 1, 8, 0, 0, tzinfo=UTC)


class SetClock:
    """A clock the test sets: ``clock()`` answers ``clock.now``."""

    def __init__(self, now: datetime = BASE_TIME) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
# Around Frankfurt; any valid coordinates would do.
BASE_LAT = 50.11
BASE_LON = 8.68

_ids = itertools.count(1)


def _next_id(prefix: str) -> str:
    return f"{prefix}-{next(_ids)}"


def make_alarm(**overrides: Any) -> schemas.Alarm:
    data: dict[str, Any] = {
        "id": _next_id("alarm"),
        "version": 1,
        "kind": "intrusion",
        "priority": 2,
        "title": "Intrusion alarm, east gate",
        "description": "Door contact opened outside business hours",
        "source": {"type": "sensor", "id": "sensor-17", "name": "East gate contact"},
        "location": {"lat": BASE_LAT, "lon": BASE_LON, "address": "Hauptstrasse 1"},
        "grid_id": "grid-1",
        "camera_ids": ["camera-1", "camera-2"],
        "state": "new",
        "disposition": None,
        "created_at": BASE_TIME,
        "updated_at": BASE_TIME,
        "acknowledged_at": None,
        "acknowledged_by": None,
        "closed_at": None,
        "assigned_unit_ids": [],
        "notes": [{"at": BASE_TIME, "by": "op-1", "text": "Caller on the line"}],
        "watchlist_id": None,
        "match_confidence": None,
        "snapshot_url": None,
        "verified": None,
    }
    data.update(overrides)
    return schemas.Alarm.model_validate(data)


def make_unit(**overrides: Any) -> schemas.Unit:
    data: dict[str, Any] = {
        "id": _next_id("unit"),
        "version": 1,
        "callsign": "Frankfurt 12/1",
        "kind": "patrol_car",
        "status": "available",
        "status_since": BASE_TIME,
        "alarm_id": None,
        "home_grid_id": "grid-1",
        "position": {"lat": BASE_LAT, "lon": BASE_LON, "heading": 90.0, "speed": 0.0,
                     "at": BASE_TIME},
        "members": ["officer-1", "officer-2"],
        "radio_channel": "TG-101",
    }
    data.update(overrides)
    return schemas.Unit.model_validate(data)


def make_unit_moved(**overrides: Any) -> schemas.UnitMoved:
    data: dict[str, Any] = {
        "id": "unit-1",
        "lat": BASE_LAT + 0.01,
        "lon": BASE_LON + 0.01,
        "heading": 180.0,
        "speed": 12.5,
        "at": BASE_TIME + timedelta(minutes=1),
    }
    data.update(overrides)
    return schemas.UnitMoved.model_validate(data)


def make_camera(**overrides: Any) -> schemas.Camera:
    data: dict[str, Any] = {
        "id": _next_id("camera"),
        "version": 1,
        "name": "East gate, entrance",
        "location": {"lat": BASE_LAT, "lon": BASE_LON},
        "grid_id": "grid-1",
        "streams": {"main": "rtsp://cameras.example/east-gate/main",
                    "sub": "rtsp://cameras.example/east-gate/sub"},
        "ptz": True,
        "status": "online",
        "groups": ["east", "gates"],
    }
    data.update(overrides)
    return schemas.Camera.model_validate(data)


_GRID_PROPERTY_KEYS = frozenset(schemas.GridProperties.model_fields)


def make_grid(**overrides: Any) -> schemas.Grid:
    props: dict[str, Any] = {
        "id": _next_id("grid"),
        "name": "Innenstadt Nord",
        "station": "Revier 1",
        "duty_unit_ids": ["unit-1"],
        "version": 1,
    }
    top: dict[str, Any] = {
        "type": "Feature",
        "geometry": {
            "type": "Polygon",
            "coordinates": [[
                [BASE_LON, BASE_LAT], [BASE_LON + 0.02, BASE_LAT],
                [BASE_LON + 0.02, BASE_LAT + 0.01], [BASE_LON, BASE_LAT + 0.01],
                [BASE_LON, BASE_LAT],
            ]],
        },
    }
    for key, value in overrides.items():
        (props if key in _GRID_PROPERTY_KEYS else top)[key] = value
    return schemas.Grid.model_validate({**top, "properties": props})


def make_watchlist_entry(**overrides: Any) -> schemas.WatchlistEntry:
    data: dict[str, Any] = {
        "id": _next_id("watch"),
        "version": 1,
        "category": "wanted",
        "name": "Max Mustermann",
        "aliases": ["Maxi"],
        "sex": "m",
        "birth_year": 1985,
        "description": "About 1.80 m, scar on the left hand, dark jacket",
        "vehicle": {"plate": "F-XY 123", "description": "Blue hatchback"},
        "legal_basis": "Arrest warrant AG Frankfurt 931 Gs 123/25",
        "issued_by": "Staatsanwaltschaft Frankfurt",
        "valid_until": datetime.now(UTC) + timedelta(days=365),
        "handling": "Do not approach alone; call the duty officer",
        "photo_url": None,
        "created_at": BASE_TIME,
        "updated_at": BASE_TIME,
    }
    data.update(overrides)
    return schemas.WatchlistEntry.model_validate(data)


def make_audit_event(**overrides: Any) -> schemas.AuditEvent:
    data: dict[str, Any] = {
        "id": _next_id("audit"),
        "at": BASE_TIME,
        "operator_id": "op-1",
        "workstation": "ws-1",
        "action": "alarm.acknowledge",
        "object_type": "alarm",
        "object_id": "alarm-1",
        "details": {"note": "on it"},
    }
    data.update(overrides)
    return schemas.AuditEvent.model_validate(data)
