"""The audit log's hash chain: intact, then altered by hand, and the record it names."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid

import pytest

from backend_client.audit import AuditLog, canonical_json
from backend_client.journal import Journal


@pytest.fixture
def journal(tmp_path):
    j = Journal(tmp_path / "journal.sqlite")
    yield j
    j.close()


@pytest.fixture
def audit(journal):
    log = AuditLog(journal, "ws-7")
    for i in range(5):
        log.record("op-1", "alarm.acknowledge", "alarm", f"a{i}", {"note": f"n{i}", "i": i})
    return log


def rows(journal):
    con = sqlite3.connect(journal.path)
    try:
        return con.execute(
            "SELECT seq, id, data, prev_hash, hash FROM audit ORDER BY seq").fetchall()
    finally:
        con.close()


def raw_sql(journal, sql, *args):
    con = sqlite3.connect(journal.path)
    with con:
        con.execute(sql, args)
    con.close()


def test_record_returns_the_event_and_stores_the_chain(journal):
    log = AuditLog(journal, "ws-7")
    event = log.record("op-1", "camera.ptz", "camera", "c1", {"preset": 3, "ü": "ß"})
    assert uuid.UUID(event.id).version == 4
    assert event.workstation == "ws-7" and event.at.utcoffset().total_seconds() == 0
    ((_, rid, data, prev, digest),) = rows(journal)
    assert rid == event.id and prev == "0" * 64
    assert data == canonical_json(event)
    assert " " not in data and json.loads(data)["details"] == {"preset": 3, "ü": "ß"}
    assert list(json.loads(data)) == sorted(json.loads(data))
    assert digest == hashlib.sha256((prev + data).encode()).hexdigest()
    second = log.record("op-1", "camera.ptz", "camera", "c1", None)
    assert second.details == {} and rows(journal)[1][3] == digest


def test_intact_chain_verifies(audit):
    check = audit.verify()
    assert check.ok and check.checked == 5 and check.first_bad_id is None


def test_empty_log_verifies(journal):
    assert AuditLog(journal, "ws").verify().ok


def test_edited_record_is_named(journal, audit):
    target = rows(journal)[2]
    data = json.loads(target[2])
    data["details"]["note"] = "something else"
    raw_sql(journal, "UPDATE audit SET data = ? WHERE seq = ?",
            json.dumps(data, sort_keys=True, separators=(",", ":")), target[0])
    check = audit.verify()
    assert not check.ok and check.first_bad_id == target[1]
    assert "altered" in check.reason and check.checked == 3


def test_deleted_record_names_the_next_one(journal, audit):
    before = rows(journal)
    raw_sql(journal, "DELETE FROM audit WHERE seq = ?", before[1][0])
    check = audit.verify()
    assert not check.ok and check.first_bad_id == before[2][1]
    assert "deleted" in check.reason


def test_deleted_first_record_names_the_second(journal, audit):
    before = rows(journal)
    raw_sql(journal, "DELETE FROM audit WHERE seq = ?", before[0][0])
    assert audit.verify().first_bad_id == before[1][1]


def test_reordered_records_are_named(journal, audit):
    before = rows(journal)
    a, b = before[1], before[2]
    # Swap the two records' places in the log.
    raw_sql(journal, "UPDATE audit SET seq = -1 WHERE seq = ?", a[0])
    raw_sql(journal, "UPDATE audit SET seq = ? WHERE seq = ?", a[0], b[0])
    raw_sql(journal, "UPDATE audit SET seq = ? WHERE seq = -1", b[0])
    check = audit.verify()
    assert not check.ok and check.first_bad_id == b[1]


def test_changed_id_column_is_named(journal, audit):
    target = rows(journal)[3]
    raw_sql(journal, "UPDATE audit SET id = 'forged' WHERE seq = ?", target[0])
    check = audit.verify()
    assert not check.ok and check.first_bad_id == "forged"


def test_deleting_the_newest_record_is_noticed(journal, audit):
    before = rows(journal)
    raw_sql(journal, "DELETE FROM audit WHERE seq = ?", before[-1][0])
    check = audit.verify()
    assert not check.ok and check.first_bad_id is None and "newest" in check.reason


def test_chain_continues_across_reopen(tmp_path):
    j = Journal(tmp_path / "journal.sqlite")
    AuditLog(j, "ws").record("op-1", "login", "session", None, {})
    j.close()
    j = Journal(tmp_path / "journal.sqlite")
    log = AuditLog(j, "ws")
    log.record("op-1", "logout", "session", None, {})
    assert log.verify().ok and log.verify().checked == 2
    j.close()


def test_unshipped_and_mark_shipped(audit):
    events = audit.unshipped()
    assert [e.object_id for e in events] == ["a0", "a1", "a2", "a3", "a4"]
    assert [e.object_id for e in audit.unshipped(limit=2)] == ["a0", "a1"]
    assert audit.mark_shipped([events[0].id, events[2].id, "unknown"]) == 2
    assert audit.mark_shipped([events[0].id]) == 0  # idempotent
    assert [e.object_id for e in audit.unshipped()] == ["a1", "a3", "a4"]
    assert audit.count() == 5 and audit.count(unshipped_only=True) == 3
    assert audit.verify().ok  # shipping is not part of the chain
