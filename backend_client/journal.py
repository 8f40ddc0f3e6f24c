"""``journal.sqlite``: the outbox of operator commands and the audit log, which must never be
lost. Shared by ``Outbox`` and ``AuditLog``.

Every commit is durable when it returns (WAL with ``synchronous=FULL``). The schema grows by
an ordered list of migrations that only ever add: no migration drops or rebuilds the outbox or
audit tables. A damaged file is moved aside and every row that can still be read from it is
copied into a fresh one.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from backend_client.sqlite_files import (
    SalvageCount,
    StorageUnavailable,
    check_file,
    is_corruption,
    move_aside,
    open_engine,
    salvage_rows,
    write_engine,
)

log = logging.getLogger(__name__)

ZERO_HASH = "0" * 64
JOURNAL_TABLES = ("outbox", "audit")


@dataclass(frozen=True)
class Migration:
    """Statements that take the journal from ``version - 1`` to ``version``."""

    version: int
    description: str
    statements: tuple[str, ...]


# Append only. Never edit a released migration, never drop the outbox or the audit table.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "outbox and audit log", (
        """CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotency_key TEXT NOT NULL UNIQUE,
            method TEXT NOT NULL,
            path TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            operator_id TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        )""",
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            data TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            shipped_at TEXT
        )""",
    )),
    Migration(2, "the server's answer to each command; audit chain head; indexes", (
        "ALTER TABLE outbox ADD COLUMN status_code INTEGER",
        "ALTER TABLE outbox ADD COLUMN response TEXT",
        "ALTER TABLE outbox ADD COLUMN done_at TEXT",
        # v1 kept no time of completion: the creation time is the best lower bound we have.
        "UPDATE outbox SET done_at = created_at WHERE state != 'pending' AND done_at IS NULL",
        "CREATE INDEX outbox_state ON outbox (state, seq)",
        "CREATE INDEX audit_unshipped ON audit (seq) WHERE shipped_at IS NULL",
        "CREATE TABLE journal_meta (key TEXT PRIMARY KEY, value TEXT)",
        """INSERT INTO journal_meta (key, value)
           SELECT 'audit_head', hash FROM audit ORDER BY seq DESC LIMIT 1""",
    )),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


@dataclass
class SalvageReport:
    """What was recovered when a damaged journal was replaced."""

    reason: str
    moved_to: Path
    counts: dict[str, SalvageCount] = field(default_factory=dict)
    pending_outbox: int = 0

    def summary(self) -> str:
        parts = [f"{table}: {c.salvaged} salvaged, up to {c.lost_upper} lost"
                 f"{'' if c.errors == 0 else f' ({c.errors} read errors)'}"
                 for table, c in self.counts.items()]
        return (f"journal was damaged ({self.reason}); moved to {self.moved_to.name}; "
                + "; ".join(parts) + f"; {self.pending_outbox} commands still to send")


class Journal:
    """The journal file, migrated to ``SCHEMA_VERSION`` and checked on open.

    ``engine`` serves reads from any thread; ``writer`` (same pool) starts its transactions
    with ``BEGIN IMMEDIATE`` and is for the writer thread. ``salvage`` tells what happened if
    the file was damaged (the app should record it in the audit log and tell the officer).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.salvage: SalvageReport | None = None
        self.engine: Engine = self._open()
        self.writer: Engine = write_engine(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def version(self) -> int:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA user_version").scalar_one()

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT value FROM journal_meta WHERE key = ?", (key,)).scalar_one_or_none()

    # --- opening ---------------------------------------------------------------------------

    def _open(self) -> Engine:
        reason = check_file(self.path)
        if reason is None:
            try:
                return self._open_migrated()
            except DBAPIError as e:
                if not is_corruption(e):  # locked, unwritable: the journal must stay put
                    raise StorageUnavailable(f"cannot open the journal {self.path}: {e}") from e
                reason = f"opening failed: {e.orig or e}"
        aside = move_aside(self.path, reason)
        try:
            engine = self._open_migrated()
        except DBAPIError as e:
            raise StorageUnavailable(f"cannot create the journal {self.path}: {e}") from e
        self.salvage = self._salvage(engine, aside, reason)
        return engine

    def _open_migrated(self) -> Engine:
        engine = open_engine(self.path, synchronous="FULL")
        try:
            migrate(engine, self.path)
        except BaseException:
            engine.dispose()
            raise
        return engine

    def _salvage(self, engine: Engine, aside: Path, reason: str) -> SalvageReport:
        report = SalvageReport(reason=reason, moved_to=aside)
        with write_engine(engine).begin() as conn:
            for table in JOURNAL_TABLES:
                count = report.counts[table] = SalvageCount()
                columns = _columns(conn, table)
                for row in salvage_rows(aside, table, count):
                    problem = _ROW_CHECKS[table](row)
                    if problem:  # read, but damaged: a half page reads as zeros, for one
                        log.warning("salvage of %s: dropping row %s: %s", table,
                                    row.get("seq"), problem)
                        count.salvaged -= 1
                        count.lost_upper += 1
                        continue
                    values = {k: v for k, v in row.items() if k in columns}
                    names = ", ".join(values)
                    marks = ", ".join("?" for _ in values)
                    result = conn.exec_driver_sql(
                        f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})",
                        tuple(values.values()))
                    if result.rowcount != 1:  # a row too damaged to keep (NULLs, duplicates)
                        count.salvaged -= 1
                        count.lost_upper += 1
            # Keep the damaged file's chain head if it can be read, so that verify() reports
            # newest records that were lost; else the last salvaged record is the head.
            head = next((r.get("value") for r in salvage_rows(aside, "journal_meta")
                         if r.get("key") == "audit_head"), None)
            if head is None:
                head = conn.exec_driver_sql(
                    "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").scalar_one_or_none()
            if head is not None:
                conn.exec_driver_sql(
                    "INSERT OR REPLACE INTO journal_meta (key, value) VALUES ('audit_head', ?)",
                    (head,))
            report.pending_outbox = conn.exec_driver_sql(
                "SELECT count(*) FROM outbox WHERE state = 'pending'").scalar_one()
        log.error("journal %s: %s", self.path, report.summary())
        return report


def migrate(engine: Engine, path: Path | str = "journal") -> int:
    """Bring the journal behind ``engine`` to ``SCHEMA_VERSION``; returns the version found.

    Each migration runs in its own transaction together with the new ``user_version``, so an
    interrupted upgrade resumes where it stopped. A file from a newer program is left as is.
    """
    with engine.connect() as conn:
        found = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
    if found > SCHEMA_VERSION:
        log.warning("journal %s has schema version %d, newer than this program's %d; "
                    "using it as it is", path, found, SCHEMA_VERSION)
        return found
    for m in MIGRATIONS:
        if m.version <= found:
            continue
        with write_engine(engine).begin() as conn:
            for statement in m.statements:
                conn.exec_driver_sql(statement)
            conn.exec_driver_sql(f"PRAGMA user_version = {m.version}")
        if found:
            log.info("journal %s migrated to version %d: %s", path, m.version, m.description)
    return found


def _outbox_row_problem(row: dict[str, Any]) -> str | None:
    """Why a salvaged outbox row cannot be trusted, or None. A damaged command must never be
    sent, so every field the flusher uses is checked."""
    if _has_nul(row):
        return "contains NUL bytes"
    if row.get("state") not in ("pending", "sent", "rejected"):
        return f"bad state {row.get('state')!r}"
    method, path, key = row.get("method"), row.get("path"), row.get("idempotency_key")
    if not (isinstance(method, str) and method.isalpha() and method.isupper()):
        return "bad method"
    if not (isinstance(path, str) and path.startswith("/")):
        return "bad path"
    if not (isinstance(key, str) and key):
        return "bad idempotency key"
    try:
        if not isinstance(json.loads(row.get("body") or ""), dict):
            return "body is not a JSON object"
        datetime.fromisoformat(row.get("created_at") or "")
    except (ValueError, TypeError) as e:
        return f"unreadable: {e}"
    return None


def _audit_row_problem(row: dict[str, Any]) -> str | None:
    """Why a salvaged audit row cannot be trusted: its own hash must still match its content."""
    if _has_nul(row):
        return "contains NUL bytes"
    data, prev, digest = row.get("data"), row.get("prev_hash"), row.get("hash")
    if not all(isinstance(v, str) for v in (data, prev, digest)):
        return "missing content or hashes"
    if hashlib.sha256((prev + data).encode("utf-8")).hexdigest() != digest:
        return "content does not match its hash"
    return None


def _has_nul(row: dict[str, Any]) -> bool:
    return any(isinstance(v, str) and "\x00" in v for v in row.values())


_ROW_CHECKS: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "outbox": _outbox_row_problem,
    "audit": _audit_row_problem,
}


def _columns(conn: Connection, table: str) -> set[str]:
    return {r[1] for r in conn.exec_driver_sql(f'PRAGMA table_info("{table}")')}
