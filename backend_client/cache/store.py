"""``LocalCache``: the server's objects kept in ``cache.sqlite`` so the workstation can show
them at start-up and while the server is unreachable.

Everything here can be rebuilt from a snapshot, so a damaged file or a file of another schema
version is simply replaced. Writes are synchronous and meant for the one writer thread
(``backend_client.writer.DiskWriter``); reads may come from any thread (each thread gets its
own pooled connection).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from backend_client import schemas
from backend_client.cache import tables as t
from backend_client.sqlite_files import (
    StorageUnavailable,
    check_file,
    is_corruption,
    move_aside,
    open_engine,
    write_engine,
)

log = logging.getLogger(__name__)

_OBJECT_TABLES = tuple(s.table.name for s in t.KINDS.values())
_SYNC_SET = (
    "INSERT INTO sync_state (key, value) VALUES (?, ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)
_OPEN_STATES = "'new', 'acknowledged', 'dispatched', 'on_scene'"
# Fixed-width UTC text → seconds since the epoch (SQLite's julianday reads the 'Z' form).
_EPOCH = "(julianday({0}) - 2440587.5) * 86400.0"
# Units joined with a newer unit.moved position, if there is one.
_UNITS_SELECT = (
    "SELECT u.id, u.data, p.json FROM units u LEFT JOIN unit_positions p "
    "ON p.unit_id = u.id AND (u.position_at IS NULL OR p.at > u.position_at)"
)


@dataclass
class CacheBatch:
    """One transaction's worth of changes from the server.

    Applied in this order: upserts (kind -> objects; an object only replaces one of a lower
    version), deletes (kind -> ids), positions (the newest ``at`` per unit wins), then the
    cursor if not None. Within a batch the caller collapses an object's events (an upsert
    after a delete of the same id should drop the delete).
    """

    upserts: dict[str, list[Any]] = field(default_factory=dict)
    deletes: dict[str, list[str]] = field(default_factory=dict)
    positions: list[schemas.UnitMoved] = field(default_factory=list)
    cursor: str | None = None
    alert: schemas.Notice | None = None  # the notice that set the hall's alert level

    def upsert(self, kind: str, obj: Any) -> None:
        self.upserts.setdefault(kind, []).append(obj)

    def delete(self, kind: str, object_id: str) -> None:
        self.deletes.setdefault(kind, []).append(object_id)

    def move(self, moved: schemas.UnitMoved) -> None:
        self.positions.append(moved)

    def is_empty(self) -> bool:
        return (not any(self.upserts.values()) and not any(self.deletes.values())
                and not self.positions and self.cursor is None and self.alert is None)


class LocalCache:
    """The rebuildable cache file: objects of every kind, unit positions, the sync cursor."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.engine: Engine = self._open()
        self._writer = write_engine(self.engine)
        self._json = _has_json(self.engine)
        if not self._json:
            log.warning("this SQLite has no JSON functions: cache writes use executemany")
        j = self._json
        self._upsert_sql = {kind: s.upsert_sql(from_json=j) for kind, s in t.KINDS.items()}
        self._replace_alarm_sql = t.spec("alarm").upsert_sql(guarded=False, from_json=j)
        self._delete_sql = {kind: t.delete_sql(s.table.name, "id", j)
                            for kind, s in t.KINDS.items()}
        self._position_sql = t.upsert_sql("unit_positions", t.POSITION_COLUMNS, "unit_id",
                                          t.POSITION_WHERE, j)
        self._position_delete_sql = t.delete_sql("unit_positions", "unit_id", j)
        purged = self.purge_expired_watchlist(schemas.utcnow())
        if purged:
            log.info("purged %d expired watchlist entries from the cache", len(purged))

    # --- opening ---------------------------------------------------------------------------

    def _open(self) -> Engine:
        reason = check_file(self.path)
        if reason:
            move_aside(self.path, reason)
        try:
            return self._open_schema()
        except DBAPIError as e:
            if not is_corruption(e):
                raise StorageUnavailable(f"cannot open the cache {self.path}: {e}") from e
            move_aside(self.path, f"opening failed: {e.orig or e}")  # damage quick_check missed
        try:
            return self._open_schema()
        except DBAPIError as e:
            raise StorageUnavailable(f"cannot create the cache {self.path}: {e}") from e

    def _open_schema(self) -> Engine:
        engine = open_engine(self.path, synchronous="NORMAL")
        try:
            with write_engine(engine).begin() as conn:
                found = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
                if found != t.SCHEMA_VERSION:
                    self._rebuild(conn, found)
        except BaseException:
            engine.dispose()
            raise
        return engine

    def _rebuild(self, conn: Connection, found: int) -> None:
        existing = [r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        if existing:
            log.info("cache %s has schema version %d, this version uses %d: rebuilding it",
                     self.path, found, t.SCHEMA_VERSION)
        for name in existing:
            conn.exec_driver_sql(f'DROP TABLE "{name}"')
        t.metadata.create_all(conn)
        conn.exec_driver_sql(f"PRAGMA user_version = {t.SCHEMA_VERSION}")

    def close(self) -> None:
        """Close every connection. The cache must not be used afterwards."""
        self.engine.dispose()

    # --- writes (the writer thread) --------------------------------------------------------

    def apply(self, batch: CacheBatch) -> None:
        """Apply a batch of server changes in one transaction (see ``CacheBatch``)."""
        writes: list[tuple[str, Any]] = []
        for kind, objs in batch.upserts.items():
            row = t.spec(kind).row
            if objs:
                writes.append((self._upsert_sql[kind], self._param([row(o) for o in objs])))
        for kind, ids in batch.deletes.items():
            t.spec(kind)
            if ids:
                keys = [(i,) for i in ids] if not self._json else list(ids)
                writes.append((self._delete_sql[kind], self._param(keys)))
                if kind == "unit":
                    writes.append((self._position_delete_sql, self._param(keys)))
        if batch.positions:
            writes.append((self._position_sql,
                           self._param([t.moved_row(m) for m in batch.positions])))
        with self._writer.begin() as conn:
            for sql, param in writes:
                conn.exec_driver_sql(sql, param)
            if batch.upserts.get("watchlist"):
                # An entry that arrives already expired must never be shown.
                self._purge_expired(conn, schemas.utcnow())
            if batch.alert is not None:
                conn.exec_driver_sql(_SYNC_SET, ("alert", batch.alert.model_dump_json()))
            if batch.cursor is not None:
                conn.exec_driver_sql(_SYNC_SET, ("cursor", batch.cursor))

    def _param(self, rows: list[Any]) -> Any:
        return t.rows_param(rows, self._json)

    def replace_all(
        self, objects: dict[str, list[Any]], cursor: str, server_time: datetime,
        alert: schemas.Notice | None = None,
    ) -> None:
        """Replace the cache with a fresh snapshot, in one transaction.

        Every object table and the unit positions are cleared, except alarms: the snapshot
        holds open alarms only, so closed ones are kept as local history until
        ``prune_closed``, and open ones it no longer holds are dropped. An alarm in the
        snapshot replaces a cached one of the same id whatever its version (the snapshot is
        the server's word now).
        """
        rows = {kind: [t.spec(kind).row(o) for o in objs] for kind, objs in objects.items()}
        now = schemas.utcnow()
        alarm_rows = rows.pop("alarm", [])
        with self._writer.begin() as conn:
            for name in _OBJECT_TABLES:
                if name != "alarms":
                    conn.exec_driver_sql(f"DELETE FROM {name}")
            conn.exec_driver_sql("DELETE FROM unit_positions")
            self._drop_open_alarms_but(conn, {r[0] for r in alarm_rows})
            if alarm_rows:
                # Unguarded (the snapshot is the server's word), yet an alarm still in the
                # cache keeps the dispatch time this workstation saw.
                conn.exec_driver_sql(self._replace_alarm_sql, self._param(alarm_rows))
            for kind, kind_rows in rows.items():
                if kind_rows:
                    conn.exec_driver_sql(self._upsert_sql[kind], self._param(kind_rows))
            self._purge_expired(conn, now)
            conn.exec_driver_sql(_SYNC_SET, [
                ("cursor", cursor),
                ("server_time", schemas.format_time(server_time)),
                ("snapshot_at", schemas.format_time(now)),
                ("alert", alert.model_dump_json() if alert is not None else None),
            ])

    def _drop_open_alarms_but(self, conn: Connection, keep: set[str]) -> None:
        if self._json:
            conn.exec_driver_sql(
                "DELETE FROM alarms WHERE state != 'closed' "
                "AND id NOT IN (SELECT value FROM json_each(?))", self._param(sorted(keep)))
            return
        gone = [(i,) for (i,) in conn.exec_driver_sql(
            "SELECT id FROM alarms WHERE state != 'closed'") if i not in keep]
        if gone:
            conn.exec_driver_sql(self._delete_sql["alarm"], gone)

    def set_sync_value(self, key: str, value: str | None) -> None:
        """Set one value of the sync state (e.g. ``epoch``)."""
        with self._writer.begin() as conn:
            conn.exec_driver_sql(_SYNC_SET, (key, value))

    def purge_expired_watchlist(self, now: datetime) -> list[str]:
        """Delete the watchlist entries whose ``valid_until`` is at or before ``now``."""
        with self._writer.begin() as conn:
            return self._purge_expired(conn, now)

    def _purge_expired(self, conn: Connection, now: datetime) -> list[str]:
        result = conn.exec_driver_sql(
            "DELETE FROM watchlist WHERE valid_until <= ? RETURNING id", (t.db_time(now),))
        return sorted(r[0] for r in result)

    def prune_closed(self, older_than: datetime) -> int:
        """Delete closed alarms last updated before ``older_than``; returns how many."""
        with self._writer.begin() as conn:
            result = conn.exec_driver_sql(
                "DELETE FROM alarms WHERE state = 'closed' AND updated_at < ?",
                (t.db_time(older_than),))
            return result.rowcount

    # --- reads (any thread) ----------------------------------------------------------------

    def cursor(self) -> str | None:
        """The event-stream cursor the cache reflects, or None before the first snapshot."""
        return self.sync_value("cursor")

    def sync_value(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT value FROM sync_state WHERE key = ?", (key,)).scalar_one_or_none()

    def alert(self) -> schemas.Notice | None:
        """The notice that set the hall's alert level, as last known; None if never set or
        unreadable (logged)."""
        raw = self.sync_value("alert")
        if not raw:
            return None
        try:
            return schemas.Notice.model_validate_json(raw)
        except ValidationError as e:
            log.warning("cache: unreadable alert level %r: %s", raw[:200],
                        schemas.describe_error(e))
            return None

    def versions(self, kind: str) -> dict[str, int]:
        """Id -> version of every cached object of ``kind``."""
        name = t.spec(kind).table.name
        with self.engine.connect() as conn:
            return {i: v for i, v in conn.exec_driver_sql(f"SELECT id, version FROM {name}")}

    def count(self, kind: str) -> int:
        name = t.spec(kind).table.name
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one()

    def load(self, kind: str) -> list[Any]:
        """Every cached object of ``kind`` (ordered by id); unreadable rows are skipped and
        logged. Units carry the newer of their own position and the last ``unit.moved``."""
        s = t.spec(kind)
        if kind == "unit":
            return self._units(_UNITS_SELECT + " ORDER BY u.id", ())
        return self._parse(kind, self._rows(f"SELECT id, data FROM {s.table.name} ORDER BY id"))

    def get(self, kind: str, object_id: str) -> Any | None:
        """One cached object, or None."""
        s = t.spec(kind)
        if kind == "unit":
            found = self._units(_UNITS_SELECT + " WHERE u.id = ?", (object_id,))
        else:
            found = self._parse(kind, self._rows(
                f"SELECT id, data FROM {s.table.name} WHERE id = ?", (object_id,)))
        return found[0] if found else None

    def alarms(
        self,
        state: str | Collection[str] | None = None,
        grid_id: str | None = None,
        open_only: bool = False,
        limit: int | None = None,
    ) -> list[schemas.Alarm]:
        """Cached alarms, most urgent first (priority, then oldest first).

        ``state`` is one state or several; ``open_only`` leaves out closed ones.
        """
        where: list[str] = []
        args: list[Any] = []
        if state is not None:
            states = [state] if isinstance(state, str) else list(state)
            where.append(f"state IN ({', '.join('?' for _ in states)})")
            args += states
        if open_only:
            where.append("state != 'closed'")
        if grid_id is not None:
            where.append("grid_id = ?")
            args.append(grid_id)
        sql = "SELECT id, data FROM alarms"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY priority, created_at, id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return self._parse("alarm", self._rows(sql, tuple(args)))

    def alarm_facts(self, since: datetime) -> list[tuple[Any, ...]]:
        """The facts the dashboard counts, of every open alarm and every alarm created at or
        after ``since``: (id, version, priority, state, grid_id, created, acknowledged,
        dispatched, closed, had_units), times as epoch seconds (None when unknown).

        Two indexed selects rather than one ``OR`` (which would scan a million rows)."""
        cols = ("id, version, priority, state, grid_id, " + ", ".join(
            _EPOCH.format(c) for c in ("created_at", "acknowledged_at", "dispatched_at",
                                       "closed_at"))
                + ", instr(data, '\"assigned_unit_ids\":[]') = 0")
        return self._rows(
            f"SELECT {cols} FROM alarms WHERE state IN ({_OPEN_STATES}) UNION ALL "
            # "+state": not by the state index, which would walk every closed alarm
            f"SELECT {cols} FROM alarms WHERE created_at >= ? AND +state = 'closed'",
            (t.db_time(since),))

    def alarms_between(self, start: datetime, end: datetime
                       ) -> list[tuple[schemas.Alarm, datetime | None]]:
        """Alarms a shift report of [start, end) covers — created or closed in it, or open
        now — each with the dispatch time this workstation saw (or None)."""
        a, b = t.db_time(start), t.db_time(end)
        rows = self._rows(
            "SELECT id, data, dispatched_at FROM alarms WHERE (created_at >= ? AND created_at < ?)"
            " OR (closed_at >= ? AND closed_at < ?) OR (state != 'closed' AND created_at < ?)"
            " ORDER BY created_at, id", (a, b, a, b, b))
        out = []
        for object_id, data, dispatched in rows:
            try:
                alarm = schemas.Alarm.model_validate_json(data)
            except ValidationError as e:
                log.warning("cache: skipping unreadable alarm %r: %s", object_id,
                            schemas.describe_error(e))
                continue
            out.append((alarm, schemas.parse_time(dispatched) if dispatched else None))
        return out

    # --- helpers ---------------------------------------------------------------------------

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self.engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(sql, args)]

    def _parse(self, kind: str, rows: Iterable[tuple[Any, ...]]) -> list[Any]:
        model = t.spec(kind).model
        out = []
        for object_id, data in rows:
            try:
                out.append(model.model_validate_json(data))
            except ValidationError as e:
                log.warning("cache: skipping unreadable %s %r: %s", kind, object_id,
                            schemas.describe_error(e))
        return out

    def _units(self, sql: str, args: tuple[Any, ...]) -> list[schemas.Unit]:
        out = []
        for object_id, data, moved in self._rows(sql, args):
            try:
                unit = schemas.Unit.model_validate_json(data)
                if moved is not None:
                    unit = unit.model_copy(
                        update={"position": schemas.Position.model_validate_json(moved)})
            except ValidationError as e:
                log.warning("cache: skipping unreadable unit %r: %s", object_id,
                            schemas.describe_error(e))
                continue
            out.append(unit)
        return out


def _has_json(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT json_extract('[7]', '$[0]')").scalar() == 7
    except DBAPIError:
        return False
