"""The durable outbox: every operator command is written here before the UI says "sent", and
stays until the server has answered it.

Rules the flusher relies on: pending items come back in enqueue order (``seq``); an item's
idempotency key is made once, at enqueue, and never changes; marking an item done (sent or
rejected) is idempotent and a done item never becomes pending again; enqueueing with a key
that is already there returns the existing item instead of a second command.

Writes run on the writer thread and are durable when they return; reads may come from any
thread.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import Connection

from backend_client import schemas
from backend_client.journal import Journal
from backend_client.sqlite_files import db_time

log = logging.getLogger(__name__)

OutboxState = Literal["pending", "sent", "rejected"]

_COLUMNS = ("seq, idempotency_key, method, path, body, created_at, operator_id, state, "
            "attempts, last_error, status_code, response, done_at")


@dataclass(frozen=True)
class OutboxItem:
    """One command as the outbox holds it. ``path`` is relative to ``/api/v1``."""

    seq: int
    idempotency_key: str
    method: str
    path: str
    body: dict[str, Any]
    created_at: datetime
    operator_id: str
    state: OutboxState
    attempts: int
    last_error: str | None
    status_code: int | None
    response: dict[str, Any] | None
    done_at: datetime | None

    @property
    def done(self) -> bool:
        return self.state != "pending"


class Outbox:
    """Operator commands waiting for (or answered by) the server, in ``journal.sqlite``."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    # --- writes (the writer thread) --------------------------------------------------------

    def enqueue(
        self,
        method: str,
        path: str,
        body: dict[str, Any],
        operator_id: str,
        key: str | None = None,
    ) -> OutboxItem:
        """Store a command; durable when this returns. ``key`` defaults to a new uuid4.

        A key already in the outbox returns the item stored under it (no second command).
        """
        if not path.startswith("/"):
            raise ValueError(f"outbox path must start with '/': {path!r}")
        method = method.upper()
        body_json = _dump(body)  # raises TypeError before anything is written
        key = key or str(uuid.uuid4())
        with self.journal.writer.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO outbox (idempotency_key, method, path, body, created_at, "
                "operator_id, state, attempts) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0) "
                "ON CONFLICT(idempotency_key) DO NOTHING",
                (key, method, path, body_json, db_time(schemas.utcnow()), operator_id))
            item = self._one(conn, "idempotency_key = ?", key)
        assert item is not None
        if (item.method, item.path, item.body) != (method, path, json.loads(body_json)):
            log.warning("outbox: key %s is already used by %s %s (seq %d); kept that command, "
                        "not %s %s", key, item.method, item.path, item.seq, method, path)
        return item

    def mark_sent(self, seq: int, status: int, response: dict[str, Any] | None) -> None:
        """The server accepted the command. No effect on an item already done."""
        self._finish(seq, "sent", status, None, response)

    def mark_rejected(
        self, seq: int, status: int, message: str, response: dict[str, Any] | None
    ) -> None:
        """The server refused the command for good. No effect on an item already done."""
        self._finish(seq, "rejected", status, message, response)

    def record_attempt(self, seq: int, error: str) -> None:
        """A send failed in a way worth retrying; counts it and keeps the error."""
        with self.journal.writer.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE outbox SET attempts = attempts + 1, last_error = ? "
                "WHERE seq = ? AND state = 'pending'", (error, seq))

    def prune_done(self, older_than: datetime) -> int:
        """Delete answered commands finished before ``older_than``; returns how many."""
        with self.journal.writer.begin() as conn:
            return conn.exec_driver_sql(
                "DELETE FROM outbox WHERE state != 'pending' AND done_at < ?",
                (db_time(older_than),)).rowcount

    def _finish(self, seq: int, state: OutboxState, status: int, error: str | None,
                response: dict[str, Any] | None) -> None:
        response_json = None if response is None else _dump(response)
        with self.journal.writer.begin() as conn:
            conn.exec_driver_sql(
                "UPDATE outbox SET state = ?, status_code = ?, "
                "last_error = coalesce(?, last_error), response = ?, done_at = ? "
                "WHERE seq = ? AND state = 'pending'",
                (state, status, error, response_json, db_time(schemas.utcnow()), seq))

    # --- reads (any thread) ----------------------------------------------------------------

    def pending(self) -> list[OutboxItem]:
        """Commands not yet answered, oldest first."""
        return self._many("WHERE state = 'pending' ORDER BY seq")

    def pending_count(self) -> int:
        with self.journal.engine.connect() as conn:
            return conn.exec_driver_sql(
                "SELECT count(*) FROM outbox WHERE state = 'pending'").scalar_one()

    def get(self, seq: int) -> OutboxItem | None:
        with self.journal.engine.connect() as conn:
            return self._one(conn, "seq = ?", seq)

    def get_by_key(self, key: str) -> OutboxItem | None:
        with self.journal.engine.connect() as conn:
            return self._one(conn, "idempotency_key = ?", key)

    def recent(self, limit: int = 50) -> list[OutboxItem]:
        """The newest commands, newest first, whatever their state (for the UI)."""
        return self._many("ORDER BY seq DESC LIMIT ?", (limit,))

    def _many(self, tail: str, args: tuple[Any, ...] = ()) -> list[OutboxItem]:
        with self.journal.engine.connect() as conn:
            rows = list(conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM outbox {tail}", args))
        items = []
        for r in rows:
            try:
                items.append(_item(r))
            except (ValueError, TypeError) as e:  # a row salvaged from a damaged file
                log.error("outbox: skipping unreadable command seq %s: %s", r[0], e)
        return items

    @staticmethod
    def _one(conn: Connection, where: str, arg: Any) -> OutboxItem | None:
        row = conn.exec_driver_sql(
            f"SELECT {_COLUMNS} FROM outbox WHERE {where}", (arg,)).first()
        return None if row is None else _item(row)


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _time(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _item(r: Any) -> OutboxItem:
    return OutboxItem(
        seq=r[0], idempotency_key=r[1], method=r[2], path=r[3], body=json.loads(r[4]),
        created_at=datetime.fromisoformat(r[5]), operator_id=r[6], state=r[7], attempts=r[8],
        last_error=r[9], status_code=r[10],
        response=None if r[11] is None else json.loads(r[11]), done_at=_time(r[12]))
