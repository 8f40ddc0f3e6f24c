"""The reference server's SQLite file: objects, alarms, the event log, sessions, idempotency
keys, audit events and the watchlist access log.

One connection on the event-loop thread (the server handles one command at a time anyway); WAL
so readers in other processes never block it. Callers group writes with ``transaction()``: a
simulator step or a command is one commit, which is what lets ``--flood`` keep up.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS objects (
    kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS alarms (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, state TEXT NOT NULL, grid_id TEXT,
    created_ts REAL NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS alarms_open ON alarms (state) WHERE state != 'closed';
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY, type TEXT NOT NULL, at REAL NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY, operator_id TEXT NOT NULL, workstation TEXT NOT NULL,
    expires_ts REAL NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    operator_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
    status INTEGER NOT NULL, body TEXT NOT NULL, at REAL NOT NULL,
    PRIMARY KEY (operator_id, key));
CREATE TABLE IF NOT EXISTS audit_events (
    id TEXT PRIMARY KEY, operator_id TEXT NOT NULL, received_ts REAL NOT NULL, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS watchlist_access (
    n INTEGER PRIMARY KEY, at REAL NOT NULL, operator_id TEXT NOT NULL, workstation TEXT NOT NULL,
    entry_id TEXT NOT NULL);
"""
IDEMPOTENCY_KEEP_S = 48 * 3600  # the contract asks for at least 24 h


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class Store:
    """All persistent state of one server; ``epoch`` names this database in every cursor."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._depth = 0
        with self.transaction():
            epoch = self.get_meta("epoch")
            if epoch is None:
                epoch = secrets.token_hex(4)
                self.set_meta("epoch", epoch)
                self.set_meta("trimmed_through", "0")
        self.epoch: str = epoch
        self.last_seq = self._last_seq()
        self.db.execute("DELETE FROM idempotency WHERE at < ?", (time.time() - IDEMPOTENCY_KEEP_S,))

    def close(self) -> None:
        self.db.close()

    def _last_seq(self) -> int:
        row = self.db.execute("SELECT MAX(seq) FROM events").fetchone()
        return max(row[0] or 0, int(self.get_meta("trimmed_through") or 0))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One commit for everything inside (nested uses join the outer one)."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            self.last_seq = self._last_seq()
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._depth = 0

    # --- meta ------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def next_counter(self, name: str) -> int:
        value = int(self.get_meta(f"counter.{name}") or 0) + 1
        self.set_meta(f"counter.{name}", str(value))
        return value

    # --- objects and alarms ------------------------------------------------------------------

    def put_object(self, kind: str, ident: str, version: int, data: dict[str, Any]) -> None:
        self.db.execute("INSERT OR REPLACE INTO objects (kind, id, version, json) "
                        "VALUES (?, ?, ?, ?)", (kind, ident, version, dumps(data)))

    def delete_object(self, kind: str, ident: str) -> None:
        self.db.execute("DELETE FROM objects WHERE kind = ? AND id = ?", (kind, ident))

    def load_objects(self, kind: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT json FROM objects WHERE kind = ? ORDER BY id", (kind,))
        return [json.loads(r[0]) for r in rows]

    def put_alarm(self, n: int, data: dict[str, Any], created_ts: float) -> None:
        self.db.execute(
            "INSERT INTO alarms (n, id, state, grid_id, created_ts, version, json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (n) DO UPDATE SET state = excluded.state, "
            "grid_id = excluded.grid_id, version = excluded.version, json = excluded.json",
            (n, data["id"], data["state"], data.get("grid_id"), created_ts, data["version"],
             dumps(data)))

    def get_alarm(self, ident: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT json FROM alarms WHERE id = ?", (ident,)).fetchone()
        return json.loads(row[0]) if row else None

    def load_open_alarms(self) -> list[tuple[int, dict[str, Any]]]:
        rows = self.db.execute("SELECT n, json FROM alarms WHERE state != 'closed' ORDER BY n")
        return [(n, json.loads(j)) for n, j in rows]

    def alarm_history(self, *, states: list[str] | None, grid_id: str | None,
                      since: float | None, until: float | None, before_n: int | None,
                      limit: int) -> list[tuple[int, dict[str, Any]]]:
        """Alarms newest first (by creation), filtered; ``before_n`` continues a page."""
        where, args = [], []
        if states:
            where.append(f"state IN ({','.join('?' * len(states))})")
            args += states
        for clause, value in (("grid_id = ?", grid_id), ("created_ts >= ?", since),
                              ("created_ts < ?", until), ("n < ?", before_n)):
            if value is not None:
                where.append(clause)
                args.append(value)
        sql = "SELECT n, json FROM alarms"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self.db.execute(sql + " ORDER BY n DESC LIMIT ?", (*args, limit))
        return [(n, json.loads(j)) for n, j in rows]

    # --- events ------------------------------------------------------------------------------

    def append_event(self, kind: str, data: dict[str, Any], at: float) -> int:
        self.last_seq += 1
        self.db.execute("INSERT INTO events (seq, type, at, json) VALUES (?, ?, ?, ?)",
                        (self.last_seq, kind, at, dumps(data)))
        return self.last_seq

    def events_after(self, seq: int, limit: int = 1000) -> list[tuple[int, str, str]]:
        """``(seq, type, json text)`` of the events after ``seq``, oldest first."""
        return self.db.execute("SELECT seq, type, json FROM events WHERE seq > ? ORDER BY seq "
                               "LIMIT ?", (seq, limit)).fetchall()

    @property
    def trimmed_through(self) -> int:
        return int(self.get_meta("trimmed_through") or 0)

    def trim_events(self, keep: int) -> None:
        """Forget all but the newest ``keep`` events; cursors before them then get 410."""
        cut = self.last_seq - keep
        if cut > self.trimmed_through:
            self.db.execute("DELETE FROM events WHERE seq <= ?", (cut,))
            self.set_meta("trimmed_through", str(cut))

    # --- sessions, idempotency, audit, access log ----------------------------------------------

    def add_session(self, token: str, operator_id: str, workstation: str, expires: float) -> None:
        self.db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?)",
                        (token, operator_id, workstation, expires))

    def get_session(self, token: str) -> tuple[str, str, float] | None:
        return self.db.execute("SELECT operator_id, workstation, expires_ts FROM sessions "
                               "WHERE token = ?", (token,)).fetchone()

    def drop_session(self, token: str) -> None:
        self.db.execute("DELETE FROM sessions WHERE token = ?", (token,))

    def get_idempotent(self, operator_id: str, key: str) -> tuple[str, int, str] | None:
        return self.db.execute("SELECT request_hash, status, body FROM idempotency "
                               "WHERE operator_id = ? AND key = ?", (operator_id, key)).fetchone()

    def put_idempotent(self, operator_id: str, key: str, request_hash: str, status: int,
                       body: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO idempotency VALUES (?, ?, ?, ?, ?, ?)",
                        (operator_id, key, request_hash, status, body, time.time()))

    def add_audit_events(self, operator_id: str, events: list[dict[str, Any]]) -> int:
        """Store audit events once per id; returns how many were new."""
        before = self.db.total_changes
        self.db.executemany("INSERT OR IGNORE INTO audit_events VALUES (?, ?, ?, ?)",
                            [(e["id"], operator_id, time.time(), dumps(e)) for e in events])
        return self.db.total_changes - before

    def count_audit_events(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM audit_events").fetchone()[0]

    def log_watchlist_read(self, operator_id: str, workstation: str, entry_id: str) -> None:
        self.db.execute("INSERT INTO watchlist_access (at, operator_id, workstation, entry_id) "
                        "VALUES (?, ?, ?, ?)", (time.time(), operator_id, workstation, entry_id))

    def watchlist_reads(self) -> list[tuple[str, str, str]]:
        return self.db.execute("SELECT operator_id, workstation, entry_id FROM watchlist_access "
                               "ORDER BY n").fetchall()
