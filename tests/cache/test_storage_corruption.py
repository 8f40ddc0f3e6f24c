"""Damaged files: moved aside with a log line, replaced by a fresh file; the journal keeps every
outbox and audit row that can still be read."""

from __future__ import annotations

import logging
import random
import re
import sqlite3
from pathlib import Path

import pytest

from backend_client.audit import AuditLog
from backend_client.cache import CacheBatch, LocalCache
from backend_client.journal import Journal
from backend_client.outbox import Outbox
from tests.factories import make_alarm, make_unit

PAGE = 4096
CORRUPTIONS = ["random_bytes", "truncated", "truncated_on_page_boundary", "garbage_page"]


def corrupt(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    size = len(data)
    assert size >= 8 * PAGE, "the file is too small to damage meaningfully"
    rng = random.Random(how)
    if how == "random_bytes":
        data = bytearray(rng.randbytes(size))
    elif how == "truncated":
        data = data[: int(size * 0.6) - 1000]
    elif how == "truncated_on_page_boundary":
        data = data[: (size // PAGE // 2) * PAGE]
    elif how == "garbage_page":
        page = size // PAGE // 2
        data[page * PAGE:(page + 1) * PAGE] = rng.randbytes(PAGE)
    else:
        raise AssertionError(how)
    path.write_bytes(bytes(data))


def moved_aside(path: Path) -> list[Path]:
    pattern = re.compile(re.escape(path.name) + r"\.corrupt-\d{8}T\d{6}(-\d+)?$")
    return [p for p in path.parent.iterdir() if pattern.match(p.name)]


# --- the cache ---------------------------------------------------------------------------------


def make_cache_file(path: Path) -> None:
    c = LocalCache(path)
    c.apply(CacheBatch(upserts={"alarm": [make_alarm() for _ in range(150)],
                                "unit": [make_unit() for _ in range(50)]}, cursor="e-1"))
    c.close()
    assert not path.with_name(path.name + "-wal").exists()


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_damaged_cache_is_moved_aside_and_rebuilt(tmp_path, caplog, how):
    path = tmp_path / "cache.sqlite"
    make_cache_file(path)
    corrupt(path, how)
    with caplog.at_level(logging.ERROR):
        c = LocalCache(path)
    try:
        assert len(moved_aside(path)) == 1
        assert "damaged" in caplog.text and str(path) in caplog.text
        assert c.count("alarm") == 0 and c.cursor() is None
        c.apply(CacheBatch(upserts={"alarm": [make_alarm()]}, cursor="e-2"))
        assert c.count("alarm") == 1 and c.cursor() == "e-2"
    finally:
        c.close()


def test_a_zero_length_file_is_a_new_cache(tmp_path):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"")
    c = LocalCache(path)
    assert c.count("unit") == 0 and moved_aside(path) == []
    c.close()


def test_two_damaged_files_in_the_same_second_are_both_kept(tmp_path):
    path = tmp_path / "cache.sqlite"
    for _ in range(2):
        path.write_bytes(b"not a database at all" * 500)
        LocalCache(path).close()
    assert len(moved_aside(path)) == 2


# --- the journal -------------------------------------------------------------------------------


def make_journal_file(path: Path) -> tuple[dict[int, dict], dict[str, dict]]:
    """300 commands (a third answered) and 300 audit records; returns the rows as stored."""
    j = Journal(path)
    outbox, audit = Outbox(j), AuditLog(j, "ws-1")
    for i in range(300):
        item = outbox.enqueue("POST", f"/alarms/a{i}/notes", {"text": f"note {i} " + "x" * 140},
                              "op-1")
        if i % 3 == 0:
            outbox.mark_sent(item.seq, 200, {"id": f"a{i}"})
        audit.record("op-1", "alarm.note", "alarm", f"a{i}", {"text": "y" * 100})
    j.close()
    assert not path.with_name(path.name + "-wal").exists()
    return rows_of(path, "outbox", "seq"), rows_of(path, "audit", "id")


def rows_of(path: Path, table: str, key: str) -> dict:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        return {r[key]: dict(r) for r in con.execute(f"SELECT * FROM {table}")}
    finally:
        con.close()


@pytest.mark.parametrize("how", CORRUPTIONS)
def test_damaged_journal_is_salvaged(tmp_path, caplog, how):
    path = tmp_path / "journal.sqlite"
    outbox_before, audit_before = make_journal_file(path)
    corrupt(path, how)
    with caplog.at_level(logging.ERROR):
        j = Journal(path)
    try:
        assert len(moved_aside(path)) == 1
        report = j.salvage
        assert report is not None and report.reason
        assert "salvaged" in caplog.text and "damaged" in caplog.text

        outbox_after = rows_of(path, "outbox", "seq")
        audit_after = rows_of(path, "audit", "id")
        # Whatever was salvaged is exactly what was stored: same seq, key, body, state.
        for seq, row in outbox_after.items():
            assert row == outbox_before[seq]
        for record_id, row in audit_after.items():
            assert row == audit_before[record_id]
        assert report.counts["outbox"].salvaged == len(outbox_after)
        assert report.counts["audit"].salvaged == len(audit_after)

        if how == "random_bytes":
            assert not outbox_after and not audit_after
        elif how == "garbage_page":  # one page lost: at most a leaf's worth of rows
            assert len(outbox_after) + len(audit_after) >= 550
        else:  # the first part of the file survives
            assert len(outbox_after) >= 100 and len(audit_after) >= 100

        # Salvaged pending commands come back in order with their keys; new ones go after.
        outbox = Outbox(j)
        pending = outbox.pending()
        assert [p.seq for p in pending] == sorted(
            s for s, r in outbox_after.items() if r["state"] == "pending")
        assert all(p.idempotency_key == outbox_before[p.seq]["idempotency_key"]
                   for p in pending)
        new = outbox.enqueue("POST", "/alarms/new/acknowledge", {}, "op-1")
        assert new.seq > max(outbox_after, default=0)

        # The chain reports what was lost; recording goes on.
        check = AuditLog(j, "ws-1").verify()
        lost_audit = len(audit_before) - len(audit_after)
        assert check.ok == (lost_audit == 0 or not audit_after)
        AuditLog(j, "ws-1").record("op-1", "journal.salvaged", "journal", None,
                                   {"moved_to": report.moved_to.name})
    finally:
        j.close()


def test_garbage_page_in_the_audit_chain_names_the_record_after_the_gap(tmp_path):
    path = tmp_path / "journal.sqlite"
    _, audit_before = make_journal_file(path)
    corrupt(path, "garbage_page")
    j = Journal(path)
    try:
        audit_after = rows_of(path, "audit", "seq")
        seqs = sorted(audit_after)
        gaps = [b for a, b in zip(seqs, seqs[1:], strict=False) if b != a + 1]
        check = AuditLog(j, "ws-1").verify()
        if gaps:
            assert not check.ok and check.first_bad_id == audit_after[gaps[0]]["id"]
        else:
            assert check.ok or check.first_bad_id is None
    finally:
        j.close()
