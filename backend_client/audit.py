"""The workstation's audit log: what each operator did, kept in ``journal.sqlite`` as a hash
chain so that an edited, deleted or reordered record can be found.

Each row holds the event's canonical JSON (sorted keys, no spaces, UTF-8), ``prev_hash`` (the
hash of the row before it; 64 zeros for the first) and ``hash = sha256(prev_hash +
canonical_json)``. The newest hash is also kept in ``journal_meta`` ("audit_head"), so that
deleting the newest records is noticed too. Shipping to the server is the sync engine's job
(``unshipped`` / ``mark_shipped``).

``record`` and ``mark_shipped`` run on the writer thread and are durable when they return.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from backend_client import schemas
from backend_client.journal import ZERO_HASH, Journal
from backend_client.sqlite_files import db_time

log = logging.getLogger(__name__)

_CHUNK = 500  # ids per UPDATE, well below SQLite's limit on bound variables


@dataclass(frozen=True)
class AuditVerification:
    """The result of checking the chain: ``first_bad_id`` names the first record whose content
    or link does not match (None if the chain is intact or only its tail is missing)."""

    ok: bool
    checked: int
    first_bad_id: str | None
    reason: str


def canonical_json(event: schemas.AuditEvent) -> str:
    """The event as hashed and stored: sorted keys, no spaces, times in UTC with ``Z``."""
    return json.dumps(event.model_dump(mode="json"), sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def chain_hash(prev_hash: str, canonical: str) -> str:
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


class AuditLog:
    """Records operator actions of this workstation into the journal's hash-chained log."""

    def __init__(self, journal: Journal, workstation: str) -> None:
        self.journal = journal
        self.workstation = workstation

    def record(
        self,
        operator_id: str,
        action: str,
        object_type: str,
        object_id: str | None,
        details: dict[str, Any] | None = None,
    ) -> schemas.AuditEvent:
        """Append an event (new uuid4 id, ``at`` now in UTC); durable when this returns."""
        event = schemas.AuditEvent(
            id=str(uuid.uuid4()), at=schemas.utcnow(), operator_id=operator_id,
            workstation=self.workstation, action=action, object_type=object_type,
            object_id=object_id, details=details or {})
        canonical = canonical_json(event)
        # BEGIN IMMEDIATE: the head read below and the insert must not interleave with another
        # writer's, or two records would claim the same predecessor.
        with self.journal.writer.begin() as conn:
            prev = conn.exec_driver_sql(
                "SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").scalar_one_or_none()
            prev = prev or ZERO_HASH
            digest = chain_hash(prev, canonical)
            conn.exec_driver_sql(
                "INSERT INTO audit (id, data, prev_hash, hash) VALUES (?, ?, ?, ?)",
                (event.id, canonical, prev, digest))
            conn.exec_driver_sql(
                "INSERT INTO journal_meta (key, value) VALUES ('audit_head', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (digest,))
        return event

    def unshipped(self, limit: int = 500) -> list[schemas.AuditEvent]:
        """The oldest events not yet accepted by the server, oldest first."""
        with self.journal.engine.connect() as conn:
            rows = list(conn.exec_driver_sql(
                "SELECT id, data FROM audit WHERE shipped_at IS NULL ORDER BY seq LIMIT ?",
                (limit,)))
        events = []
        for event_id, data in rows:
            try:
                events.append(schemas.AuditEvent.model_validate_json(data))
            except ValidationError as e:
                log.error("audit: record %s cannot be read and is not shipped: %s", event_id,
                          schemas.describe_error(e))
        return events

    def mark_shipped(self, ids: Iterable[str]) -> int:
        """Mark events as accepted by the server; returns how many were newly marked."""
        ids = list(ids)
        now = db_time(schemas.utcnow())
        marked = 0
        with self.journal.writer.begin() as conn:
            for i in range(0, len(ids), _CHUNK):
                chunk = ids[i:i + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                marked += conn.exec_driver_sql(
                    f"UPDATE audit SET shipped_at = ? WHERE shipped_at IS NULL AND id IN ({marks})",
                    (now, *chunk)).rowcount
        return marked

    def count(self, unshipped_only: bool = False) -> int:
        where = " WHERE shipped_at IS NULL" if unshipped_only else ""
        with self.journal.engine.connect() as conn:
            return conn.exec_driver_sql(f"SELECT count(*) FROM audit{where}").scalar_one()

    def verify(self) -> AuditVerification:
        """Recompute the chain and name the first record that was altered, removed from before
        it, or moved. Reads in one transaction, so a concurrent ``record`` does not confuse it."""
        with self.journal.engine.connect() as conn, conn.begin():
            rows = conn.exec_driver_sql(
                "SELECT id, data, prev_hash, hash FROM audit ORDER BY seq")
            expected_prev = ZERO_HASH
            checked = 0
            for record_id, data, prev_hash, stored_hash in rows:
                checked += 1
                bad = _check_row(record_id, data, prev_hash, stored_hash, expected_prev)
                if bad:
                    return AuditVerification(False, checked, record_id, bad)
                expected_prev = stored_hash
            head = conn.exec_driver_sql(
                "SELECT value FROM journal_meta WHERE key = 'audit_head'").scalar_one_or_none()
        if head is not None and head != expected_prev:
            return AuditVerification(
                False, checked, None,
                "the newest record(s) are missing: the last record is not the recorded head")
        return AuditVerification(True, checked, None, f"{checked} records, chain intact")


def _check_row(
    record_id: str, data: str, prev_hash: str, stored_hash: str, expected_prev: str
) -> str | None:
    if prev_hash != expected_prev:
        return ("its link does not match the record before it "
                "(a record before it was deleted, or records were reordered or inserted)")
    if chain_hash(prev_hash, data) != stored_hash:
        return "its content was altered (hash mismatch)"
    try:
        content_id = json.loads(data).get("id")
    except (ValueError, AttributeError):
        return "its content is not a JSON object"
    if content_id != record_id:
        return f"its id column was altered ({record_id!r} is not the content's {content_id!r})"
    return None
