"""Typed objects of the central-services contract (../shared/contract/central-api.md, v1).

Client and reference server share these models, so they cannot drift apart. Unknown fields are
ignored (forward compatibility); an invalid object raises ``pydantic.ValidationError`` naming the
field, which callers turn into a skipped object and a log line, never a crash.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

log = logging.getLogger(__name__)

AlarmKind = Literal[
    "intrusion", "fire", "panic", "call", "video_analytics", "traffic",
    "watchlist_hit", "equipment_fault", "other",
]
ALARM_KINDS: tuple[str, ...] = AlarmKind.__args__  # type: ignore[attr-defined]
AlarmState = Literal["new", "acknowledged", "dispatched", "on_scene", "closed"]
ALARM_STATES: tuple[str, ...] = AlarmState.__args__  # type: ignore[attr-defined]
Disposition = Literal["resolved", "false_alarm", "duplicate", "transferred"]
DISPOSITIONS: tuple[str, ...] = Disposition.__args__  # type: ignore[attr-defined]
Priority = Literal[1, 2, 3, 4]
SourceType = Literal["camera", "sensor", "call", "unit", "operator", "system"]
UnitKind = Literal["patrol_car", "foot", "motorcycle", "special", "traffic", "ambulance", "fire"]
UNIT_KINDS: tuple[str, ...] = UnitKind.__args__  # type: ignore[attr-defined]
UnitStatus = Literal[
    "available", "dispatched", "en_route", "on_scene", "busy", "out_of_service", "off_duty",
]
UNIT_STATUSES: tuple[str, ...] = UnitStatus.__args__  # type: ignore[attr-defined]
CameraStatus = Literal["online", "offline"]
WatchlistCategory = Literal["wanted", "missing", "bolo", "protection_order", "event_ban"]
WATCHLIST_CATEGORIES: tuple[str, ...] = WatchlistCategory.__args__  # type: ignore[attr-defined]
Role = Literal["duty_officer", "supervisor", "video_patrol", "leadership"]
ROLES: tuple[str, ...] = Role.__args__  # type: ignore[attr-defined]
NoticeLevel = Literal["info", "warning", "critical"]

# Times must carry their offset (the contract sends UTC with "Z"): a naive time could not be
# compared with the others and is rejected. AwareDatetime is validated natively by
# pydantic-core — a Python validator per time cost a fifth of the event-ingest budget.
Time = AwareDatetime
Id = Annotated[str, Field(min_length=1, max_length=200)]
Lat = Annotated[float, Field(ge=-90, le=90)]
Lon = Annotated[float, Field(ge=-180, le=180)]


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC (every time in the contract is UTC)."""
    return datetime.now(UTC)


_TIME: TypeAdapter[datetime] = TypeAdapter(Time)


def parse_time(value: Any) -> datetime:
    """An RFC 3339 time from the wire, in UTC; raises ``ValidationError``."""
    return _TIME.validate_python(value).astimezone(UTC)


def format_time(t: datetime) -> str:
    """RFC 3339 in UTC with ``Z``, as the contract writes times (and as pydantic serialises
    them: microseconds only when non-zero)."""
    return t.astimezone(UTC).isoformat().replace("+00:00", "Z")


class Model(BaseModel):
    """Base of every contract object: unknown fields ignored (forward compatibility).

    Ids are strings, as the contract says; a number where a string belongs is invalid (it is
    not coerced: a huge number would make ``str()`` raise something other than a
    ``ValidationError``)."""

    model_config = ConfigDict(extra="ignore")


class Versioned(Model):
    id: Id
    version: int = Field(ge=0)


# --- Alarm -----------------------------------------------------------------------------------


class AlarmSource(Model):
    type: SourceType
    id: str | None = None
    name: str | None = None


class AlarmLocation(Model):
    lat: Lat
    lon: Lon
    address: str | None = None


class Note(Model):
    at: Time
    by: str
    text: str


class Alarm(Versioned):
    kind: AlarmKind
    priority: Priority
    title: str
    description: str = ""
    source: AlarmSource
    location: AlarmLocation
    grid_id: str | None = None
    camera_ids: list[str] = Field(default_factory=list)
    state: AlarmState
    disposition: Disposition | None = None
    created_at: Time
    updated_at: Time
    acknowledged_at: Time | None = None
    acknowledged_by: str | None = None
    closed_at: Time | None = None
    assigned_unit_ids: list[str] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    watchlist_id: str | None = None
    match_confidence: float | None = Field(default=None, ge=0, le=1)
    snapshot_url: str | None = None
    verified: bool | None = None


# --- Unit ------------------------------------------------------------------------------------


class Position(Model):
    lat: Lat
    lon: Lon
    heading: float | None = None
    speed: float | None = None
    at: Time


class Unit(Versioned):
    callsign: str
    kind: UnitKind
    status: UnitStatus
    status_since: Time
    alarm_id: str | None = None
    home_grid_id: str | None = None
    position: Position | None = None
    members: list[str] = Field(default_factory=list)
    radio_channel: str | None = None


class UnitMoved(Model):
    """``unit.moved``: frequent, unversioned; the newest ``at`` wins."""

    id: Id
    lat: Lat
    lon: Lon
    heading: float | None = None
    speed: float | None = None
    at: Time

    def position(self) -> Position:
        return Position(lat=self.lat, lon=self.lon, heading=self.heading, speed=self.speed,
                        at=self.at)


# --- Camera ----------------------------------------------------------------------------------


class CameraLocation(Model):
    lat: Lat
    lon: Lon


class CameraStreams(Model):
    main: str | None = None
    sub: str | None = None


class Camera(Versioned):
    name: str
    location: CameraLocation
    grid_id: str | None = None
    streams: CameraStreams = Field(default_factory=CameraStreams)
    ptz: bool = False
    status: CameraStatus
    groups: list[str] = Field(default_factory=list)


# --- Grid (GeoJSON Feature) ------------------------------------------------------------------

Ring = list[Annotated[list[float], Field(min_length=2)]]


class PolygonGeometry(Model):
    type: Literal["Polygon"]
    coordinates: Annotated[list[Ring], Field(min_length=1)]


class MultiPolygonGeometry(Model):
    type: Literal["MultiPolygon"]
    coordinates: Annotated[list[list[Ring]], Field(min_length=1)]


class GridProperties(Model):
    id: Id
    name: str
    station: str | None = None
    duty_unit_ids: list[str] = Field(default_factory=list)
    version: int = Field(ge=0)


class Grid(Model):
    type: Literal["Feature"] = "Feature"
    properties: GridProperties
    geometry: Annotated[
        PolygonGeometry | MultiPolygonGeometry, Field(discriminator="type")
    ]

    @property
    def id(self) -> str:
        return self.properties.id

    @property
    def version(self) -> int:
        return self.properties.version


# --- Watchlist -------------------------------------------------------------------------------

# Keys a server must never send and the workstation never keeps or shows (data protection:
# special categories of personal data). They are dropped before validation; the model has no
# field for them, so they cannot reach the cache, the UI or an export.
PROTECTED_KEYS = frozenset({
    "ethnicity", "ethnic_origin", "race", "nationality_ethnic", "religion", "religious_belief",
    "politics", "political_opinion", "political_affiliation", "party", "health",
    "health_status", "medical", "medical_condition", "disability", "sexual_orientation",
    "sex_life", "trade_union", "union_membership", "genetic", "biometric_template",
    "minzu", "民族", "宗教", "政治面貌", "健康状况",
})
_protected_warned = False


class VehicleInfo(Model):
    plate: str | None = None
    description: str | None = None


class WatchlistEntry(Versioned):
    category: WatchlistCategory
    name: str
    aliases: list[str] = Field(default_factory=list)
    sex: Literal["f", "m", "x"] | None = None
    birth_year: int | None = Field(default=None, ge=1880, le=2200)
    description: str = ""
    vehicle: VehicleInfo | None = None
    legal_basis: Annotated[str, Field(min_length=1)]
    issued_by: str
    valid_until: Time
    handling: str = ""
    photo_url: str | None = None
    created_at: Time
    updated_at: Time

    @model_validator(mode="before")
    @classmethod
    def _drop_protected(cls, data: Any) -> Any:
        global _protected_warned
        if isinstance(data, dict):
            found = PROTECTED_KEYS.intersection(data)
            if found:
                if not _protected_warned:
                    _protected_warned = True
                    log.warning("server sent protected-category fields %s in a watchlist entry; "
                                "they are discarded and never stored or shown", sorted(found))
                data = {k: v for k, v in data.items() if k not in PROTECTED_KEYS}
            lb = data.get("legal_basis")
            if isinstance(lb, str) and not lb.strip():
                data = {**data, "legal_basis": ""}  # whitespace is no legal basis
        return data

    def is_current(self, now: datetime | None = None) -> bool:
        """Whether the entry may be shown: it has a legal basis and has not expired."""
        return bool(self.legal_basis.strip()) and self.valid_until > (now or utcnow())


class WatchlistRemoved(Model):
    id: Id
    reason: str = "withdrawn"


class Notice(Model):
    level: NoticeLevel
    text: str
    at: Time
    # Where the contract is silent (CONTRACT-NOTES.md): a notice may set the hall-wide alert
    # level, one of ALERT_LEVELS. Kept as text so an unknown level loses the level, not the
    # notice (``alert_level_of``).
    alert_level: str | None = None


ALERT_LEVELS = ("normal", "elevated", "high", "critical")


def alert_level_of(notice: Notice) -> str | None:
    """The notice's alert level if it is one this client knows, else None."""
    level = notice.alert_level
    return level if level in ALERT_LEVELS else None


# --- Session, snapshot, pages, errors ---------------------------------------------------------


class Operator(Model):
    id: Id
    name: str
    roles: list[Role]


class LoginRequest(Model):
    username: str
    password: str
    workstation: str


class LoginResponse(Model):
    token: str
    expires_at: Time
    operator: Operator


class AlarmPage(Model):
    items: list[dict[str, Any]]  # validated one by one by the caller: one bad item is skipped
    next_page: str | None = None


class ErrorInfo(Model):
    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorBody(Model):
    error: ErrorInfo


class AuditEvent(Model):
    id: Id
    at: Time
    operator_id: str
    workstation: str
    action: str
    object_type: str
    object_id: str | None = None
    details: dict[str, Any] = Field(default_factory=dict)


# --- Command bodies ----------------------------------------------------------------------------


class RaiseAlarm(Model):
    kind: AlarmKind
    priority: Priority
    title: Annotated[str, Field(min_length=1)]
    description: str = ""
    location: AlarmLocation
    camera_ids: list[str] = Field(default_factory=list)


class Acknowledge(Model):
    note: str | None = None


class Verify(Model):
    match: bool
    note: str = ""


class Dispatch(Model):
    unit_ids: Annotated[list[Id], Field(min_length=1)]
    note: str | None = None


class AddNote(Model):
    text: Annotated[str, Field(min_length=1)]


class Close(Model):
    disposition: Disposition
    note: str = ""


class SetUnitStatus(Model):
    status: UnitStatus
    note: str | None = None


class PtzMove(Model):
    pan: Annotated[float, Field(ge=-1, le=1)] = 0.0
    tilt: Annotated[float, Field(ge=-1, le=1)] = 0.0
    zoom: Annotated[float, Field(ge=-1, le=1)] = 0.0
    preset: int | None = Field(default=None, ge=0)


class AuditBatch(Model):
    events: Annotated[list[AuditEvent], Field(max_length=1000)]


# --- Events ------------------------------------------------------------------------------------

# Event type → the model of its data. Anything else is an unknown type: ignored, logged once.
EVENT_MODELS: dict[str, type[Model]] = {
    "alarm.created": Alarm,
    "alarm.updated": Alarm,
    "unit.updated": Unit,
    "unit.moved": UnitMoved,
    "camera.updated": Camera,
    "grid.updated": Grid,
    "watchlist.upserted": WatchlistEntry,
    "watchlist.removed": WatchlistRemoved,
    "notice": Notice,
}

# The cache's kinds of object and the model of each.
OBJECT_MODELS: dict[str, type[Model]] = {
    "alarm": Alarm,
    "unit": Unit,
    "camera": Camera,
    "grid": Grid,
    "watchlist": WatchlistEntry,
}

_adapters: dict[type[Model], TypeAdapter[Any]] = {}


def parse_object[M: Model](model: type[M], raw: str | bytes | dict[str, Any]) -> M:
    """Validate one object from JSON text or a decoded dict; raises ``ValidationError``."""
    if isinstance(raw, dict):
        return model.model_validate(raw)
    return model.model_validate_json(raw)


def parse_many[M: Model](
    model: type[M], items: list[Any], what: str
) -> tuple[list[M], list[str]]:
    """Validate a list item by item: good items are kept, each bad one becomes an error line
    naming the item and the field (``alarm #3 (id=a9): priority: Input should be 1, 2, 3 or 4``)."""
    good: list[M] = []
    errors: list[str] = []
    for i, item in enumerate(items):
        try:
            good.append(model.model_validate(item))
        except ValidationError as e:
            errors.append(f"{what} #{i} ({describe_item(item)}): {describe_error(e)}")
    return good, errors


def describe_item(item: Any) -> str:
    if isinstance(item, dict):
        ident = item.get("id")
        if ident is None and isinstance(item.get("properties"), dict):
            ident = item["properties"].get("id")
        # Only a string id is quoted (shortened): repr() of a hostile value can itself fail.
        if isinstance(ident, str):
            return f"id={ident[:60]!r}"
        return f"id of type {type(ident).__name__}"
    return f"not an object: {type(item).__name__}"


def describe_error(e: ValidationError) -> str:
    """A short, human sentence naming the bad fields of a validation error."""
    parts = []
    for err in e.errors()[:3]:
        loc = ".".join(str(p) for p in err["loc"]) or "(object)"
        parts.append(f"{loc}: {err['msg']}")
    more = e.error_count() - 3
    return "; ".join(parts) + (f" (+{more} more)" if more > 0 else "")
