"""The journal's migrations: a version-1 file, made here by hand, is upgraded with its rows."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from backend_client.audit import AuditLog
from backend_client.journal import MIGRATIONS, SCHEMA_VERSION, Journal
from backend_client.outbox import Outbox

# The journal as version 1 of the program wrote it. Written out here on purpose: the test must
# not depend on the migration code it checks.
V1_SCHEMA = """
CREATE TABLE outbox (
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
);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    shipped_at TEXT
);
PRAGMA user_version = 1;
"""


def make_v1_journal(path) -> tuple[list[tuple], list[str]]:
    con = sqlite3.connect(path)
    con.executescript(V1_SCHEMA)
    commands = [
        (f"key-{i}", "POST", f"/alarms/a{i}/acknowledge", json.dumps({"note": f"n{i}"}),
         f"2025-03-01T08:0{i}:00.000000Z", "op-1", "sent" if i == 1 else "pending", i, None)
        for i in range(5)
    ]
    con.executemany(
        "INSERT INTO outbox (idempotency_key, method, path, body, created_at, operator_id, "
        "state, attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", commands)
    prev = "0" * 64
    ids = []
    for i in range(4):
        event = {"action": "alarm.acknowledge", "at": f"2025-03-01T08:0{i}:00Z",
                 "details": {"i": i}, "id": f"ev-{i}", "object_id": f"a{i}",
                 "object_type": "alarm", "operator_id": "op-1", "workstation": "ws-1"}
        data = json.dumps(event, sort_keys=True, separators=(",", ":"))
        digest = hashlib.sha256((prev + data).encode()).hexdigest()
        con.execute("INSERT INTO audit (id, data, prev_hash, hash, shipped_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (f"ev-{i}", data, prev, digest, "2025-03-01T09:00:00.000000Z" if i < 2
                     else None))
        prev = digest
        ids.append(f"ev-{i}")
    con.commit()
    con.close()
    return commands, ids


def test_v1_journal_is_upgraded_with_its_rows(tmp_path, caplog):
    path = tmp_path / "journal.sqlite"
    commands, audit_ids = make_v1_journal(path)
    with caplog.at_level("INFO"):
        j = Journal(path)
    try:
        assert j.version() == SCHEMA_VERSION
        assert j.salvage is None
        assert "migrated to version 2" in caplog.text
        outbox = Outbox(j)
        pending = outbox.pending()
        assert [p.idempotency_key for p in pending] == ["key-0", "key-2", "key-3", "key-4"]
        assert [p.seq for p in pending] == [1, 3, 4, 5]
        assert pending[0].body == {"note": "n0"} and pending[0].attempts == 0
        sent = outbox.get(2)
        assert sent.state == "sent" and sent.done_at == sent.created_at  # back-filled
        new = outbox.enqueue("POST", "/alarms/a9/acknowledge", {}, "op-1")
        assert new.seq == 6

        audit = AuditLog(j, "ws-1")
        assert [e.id for e in audit.unshipped()] == audit_ids[2:]
        assert audit.verify().ok
        audit.record("op-1", "alarm.close", "alarm", "a1", {})
        check = audit.verify()
        assert check.ok and check.checked == 5
    finally:
        j.close()
    # Reopening an upgraded journal changes nothing.
    j = Journal(path)
    assert j.version() == SCHEMA_VERSION and len(Outbox(j).pending()) == 5
    j.close()


def test_a_new_journal_is_at_the_current_version(tmp_path):
    j = Journal(tmp_path / "journal.sqlite")
    assert j.version() == SCHEMA_VERSION
    with j.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    j.close()


def test_migrations_are_ordered_and_never_drop_the_journal_tables():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    for m in MIGRATIONS:
        for statement in m.statements:
            text = " ".join(statement.upper().split())
            assert "DROP TABLE" not in text and "DELETE FROM" not in text, statement
