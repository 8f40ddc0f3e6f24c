"""``DiskHealth``: what kind of disk trouble an error is (through SQLAlchemy's wrapping), one
log line with its traceback per streak of failures, listeners told only of changes."""

from __future__ import annotations

import errno
import logging
import sqlite3

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from backend_client.disk_health import DiskHealth, classify, probe


def _sqlalchemy_error(tmp_path, max_pages: int) -> OperationalError:
    """A real SQLITE_FULL, raised by SQLite through SQLAlchemy (max_page_count: a full disk
    as SQLite sees it)."""
    engine = create_engine(f"sqlite:///{tmp_path / 'full.sqlite'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (x BLOB)"))
    with pytest.raises(OperationalError) as caught, engine.begin() as conn:
        conn.execute(text(f"PRAGMA max_page_count = {max_pages}"))
        conn.execute(text("INSERT INTO t VALUES (zeroblob(100000))"))
    engine.dispose()
    return caught.value


def test_what_kind_of_trouble(tmp_path):
    assert classify(OSError(errno.ENOSPC, "No space left on device")) == "full"
    assert classify(OSError(errno.EROFS, "Read-only file system")) == "read_only"
    assert classify(PermissionError(errno.EACCES, "Permission denied")) == "read_only"
    assert classify(_sqlalchemy_error(tmp_path, 2)) == "full"
    assert classify(sqlite3.OperationalError("attempt to write a readonly database")) == \
        "read_only"
    assert classify(ValueError("something else")) == "other"
    wrapped = RuntimeError("outer")
    wrapped.__cause__ = OSError(errno.ENOSPC, "full")
    assert classify(wrapped) == "full"


def test_a_probe_of_a_writable_folder_finds_nothing_and_of_a_missing_one_says_so(tmp_path):
    assert probe(tmp_path) is None
    assert probe(tmp_path / "gone") == "other"


def test_one_log_line_per_streak_and_listeners_told_of_changes(caplog):
    health = DiskHealth()
    told = []
    health.on_change(told.append)
    caplog.set_level(logging.DEBUG, logger="backend_client.disk_health")
    health.worked()  # nothing wrong: nothing to say
    for n in range(5):
        health.failed(f"batch {n}", OSError(errno.ENOSPC, "No space left on device"))
    assert health.problem is not None and health.problem.reason == "full"
    assert health.failures == 5
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is not None
    assert "batch 0" in errors[0].getMessage()
    assert [p.reason if p else None for p in told] == ["full"]
    health.worked()
    health.worked()
    assert told[-1] is None and len(told) == 2 and health.failures == 0
    assert any("after 5 failed writes" in r.getMessage() for r in caplog.records)
    health.failed("again", OSError(errno.EROFS, "Read-only file system"))
    assert [p.reason if p else None for p in told] == ["full", None, "read_only"]


def test_a_broken_listener_does_not_stop_the_counting(caplog):
    health = DiskHealth()

    def broken(_problem):
        raise RuntimeError("view gone")

    health.on_change(broken)
    health.failed("x", OSError(errno.ENOSPC, "full"))
    health.failed("y", OSError(errno.ENOSPC, "full"))
    assert health.failures == 2
    assert any("listener" in r.getMessage() for r in caplog.records)
