"""The cache's tables and, per kind of object, how an object becomes a row.

Times in query columns are fixed-width UTC text (``2025-03-01T08:00:00.000000Z``), so SQL
compares them correctly as text; ``data`` holds the object's JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Column, Index, Integer, MetaData, Table, Text

from backend_client import schemas
from backend_client.sqlite_files import db_time

SCHEMA_VERSION = 2  # 2: the alarm facts the dashboard and the shift report count

metadata = MetaData()


def _object_table(name: str, *columns: Column[Any]) -> Table:
    return Table(
        name, metadata,
        Column("id", Text, primary_key=True),
        Column("version", Integer, nullable=False),
        *columns,
        Column("data", Text, nullable=False),
    )


alarms = _object_table(
    "alarms",
    Column("state", Text, nullable=False),
    Column("priority", Integer, nullable=False),
    Column("grid_id", Text),
    Column("created_at", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
    Column("kind", Text),
    Column("acknowledged_at", Text),
    # The contract has no dispatch time: it is the ``updated_at`` of the first version this
    # workstation saw go from new/acknowledged to dispatched (see ``DISPATCHED_AT``).
    Column("dispatched_at", Text),
    Column("closed_at", Text),
    Column("disposition", Text),
)
Index("alarms_state", alarms.c.state, alarms.c.priority, alarms.c.created_at)
Index("alarms_grid", alarms.c.grid_id)
Index("alarms_created", alarms.c.created_at)
Index("alarms_closed", alarms.c.closed_at)

# Kept from the cached row when the alarm is the same one (same ``created_at``: a server
# replaced by an empty one reuses ids); set when a dispatched version follows a new or an
# acknowledged one. ``desktop.state.kpis.dispatch_time`` is the same rule for change sets.
DISPATCHED_AT = (
    "CASE WHEN alarms.created_at != excluded.created_at THEN NULL "
    "WHEN alarms.dispatched_at IS NOT NULL THEN alarms.dispatched_at "
    "WHEN excluded.state = 'dispatched' AND alarms.state IN ('new', 'acknowledged') "
    "THEN excluded.updated_at END"
)

units = _object_table(
    "units",
    Column("status", Text, nullable=False),
    Column("home_grid_id", Text),
    # The time of the unit's own position, to compare with unit_positions.at on load.
    Column("position_at", Text),
)

cameras = _object_table(
    "cameras",
    Column("status", Text, nullable=False),
    Column("grid_id", Text),
)
Index("cameras_grid", cameras.c.grid_id)

grids = _object_table("grids")

watchlist = _object_table(
    "watchlist",
    Column("category", Text, nullable=False),
    Column("valid_until", Text, nullable=False),
)
Index("watchlist_valid_until", watchlist.c.valid_until)

# unit.moved is frequent and unversioned: kept apart from the unit, the newest ``at`` wins.
unit_positions = Table(
    "unit_positions", metadata,
    Column("unit_id", Text, primary_key=True),
    Column("at", Text, nullable=False),
    Column("json", Text, nullable=False),
)

sync_state = Table(
    "sync_state", metadata,
    Column("key", Text, primary_key=True),
    Column("value", Text),
)


def object_json(obj: schemas.Model) -> str:
    """The JSON stored in ``data``: the object's fields as the contract writes them."""
    return obj.model_dump_json()


def moved_row(m: schemas.UnitMoved) -> tuple[str, str, str]:
    """(unit_id, at, json) of a ``unit.moved``; the JSON has the shape of ``schemas.Position``."""
    at = db_time(m.at)
    position = {"lat": m.lat, "lon": m.lon, "heading": m.heading, "speed": m.speed, "at": at}
    return (m.id, at, to_json(position).decode())


@dataclass(frozen=True)
class KindSpec:
    """One kind of cached object: its table, model, query columns and row builder."""

    kind: str
    table: Table
    model: type[schemas.Model]
    columns: tuple[str, ...]  # every column but ``data``, in row order; ``id`` first
    row: Callable[[Any], tuple[Any, ...]]  # object -> (*columns, data)
    # column -> SQL expression used instead of ``excluded.<column>`` on conflict
    derived: tuple[tuple[str, str], ...] = ()

    def upsert_sql(self, guarded: bool = True, from_json: bool = True) -> str:
        """INSERT … ON CONFLICT(id) DO UPDATE, only to a higher version when ``guarded``.

        ``from_json``: the one parameter is a JSON array of rows (see ``rows_param``), read
        with ``json_each``; else the statement takes one row of ``?`` for ``executemany``.
        """
        return upsert_sql(self.table.name, (*self.columns, "data"), "id",
                          f"excluded.version > {self.table.name}.version" if guarded else None,
                          from_json, dict(self.derived))


def upsert_sql(table: str, columns: tuple[str, ...], key: str, where: str | None,
               from_json: bool, derived: dict[str, str] | None = None) -> str:
    """An upsert of ``columns`` into ``table`` on conflict of ``key``, guarded by ``where``.

    Why JSON: ``sqlite3`` releases the GIL around every step of every row of an
    ``executemany``. While another thread is busy in Python (the asyncio loop parsing the
    event stream) each release costs up to a GIL switch interval (5 ms), so a 500-row batch
    took 1.5 s instead of 2 ms. A single statement over ``json_each`` steps once per statement
    whatever the number of rows. ``WHERE true`` lets SQLite parse ON CONFLICT after a SELECT.
    """
    derived = derived or {}
    sets = ", ".join(f"{c} = {derived.get(c, f'excluded.{c}')}" for c in columns if c != key)
    head = f"INSERT INTO {table} ({', '.join(columns)}) "
    if from_json:
        values = ", ".join(f"json_extract(value, '$[{i}]')" for i in range(len(columns)))
        head += f"SELECT {values} FROM json_each(?) WHERE true "
    else:
        head += f"VALUES ({', '.join('?' for _ in columns)}) "
    tail = f" WHERE {where}" if where else ""
    return f"{head}ON CONFLICT({key}) DO UPDATE SET {sets}{tail}"


def delete_sql(table: str, key: str, from_json: bool) -> str:
    """A delete by ``key``: of every value of a JSON array, or of one ``?``."""
    if from_json:
        return f"DELETE FROM {table} WHERE {key} IN (SELECT value FROM json_each(?))"
    return f"DELETE FROM {table} WHERE {key} = ?"


def rows_param(rows: list[Any], from_json: bool) -> Any:
    """The parameters of a statement made with ``from_json``: one JSON array of all rows."""
    return (to_json(rows).decode(),) if from_json else rows


POSITION_COLUMNS = ("unit_id", "at", "json")
POSITION_WHERE = "excluded.at > unit_positions.at"


def _alarm_row(a: schemas.Alarm) -> tuple[Any, ...]:
    return (a.id, a.version, a.state, a.priority, a.grid_id, db_time(a.created_at),
            db_time(a.updated_at), a.kind, _time_or_none(a.acknowledged_at), None,
            _time_or_none(a.closed_at), a.disposition, object_json(a))


def _time_or_none(at: Any) -> str | None:
    return None if at is None else db_time(at)


def _unit_row(u: schemas.Unit) -> tuple[Any, ...]:
    at = db_time(u.position.at) if u.position is not None else None
    return (u.id, u.version, u.status, u.home_grid_id, at, object_json(u))


def _camera_row(c: schemas.Camera) -> tuple[Any, ...]:
    return (c.id, c.version, c.status, c.grid_id, object_json(c))


def _grid_row(g: schemas.Grid) -> tuple[Any, ...]:
    return (g.id, g.version, object_json(g))


def _watchlist_row(w: schemas.WatchlistEntry) -> tuple[Any, ...]:
    return (w.id, w.version, w.category, db_time(w.valid_until), object_json(w))


KINDS: dict[str, KindSpec] = {
    "alarm": KindSpec("alarm", alarms, schemas.Alarm,
                      ("id", "version", "state", "priority", "grid_id", "created_at",
                       "updated_at", "kind", "acknowledged_at", "dispatched_at", "closed_at",
                       "disposition"), _alarm_row, (("dispatched_at", DISPATCHED_AT),)),
    "unit": KindSpec("unit", units, schemas.Unit,
                     ("id", "version", "status", "home_grid_id", "position_at"), _unit_row),
    "camera": KindSpec("camera", cameras, schemas.Camera,
                       ("id", "version", "status", "grid_id"), _camera_row),
    "grid": KindSpec("grid", grids, schemas.Grid, ("id", "version"), _grid_row),
    "watchlist": KindSpec("watchlist", watchlist, schemas.WatchlistEntry,
                          ("id", "version", "category", "valid_until"), _watchlist_row),
}
assert set(KINDS) == set(schemas.OBJECT_MODELS), "a cache kind is missing"


def spec(kind: str) -> KindSpec:
    """The spec of ``kind``; raises ``ValueError`` naming the known kinds."""
    try:
        return KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}") from None
