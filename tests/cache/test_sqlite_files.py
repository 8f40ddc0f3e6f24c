"""sqlite_files: pragmas on every connection, the file check, moving aside, salvage."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import text

import backend_client.sqlite_files as sf
from backend_client.journal import Journal
from backend_client.sqlite_files import (
    SalvageCount,
    check_file,
    db_time,
    move_aside,
    open_engine,
    salvage_rows,
    write_engine,
)


def test_pragmas_are_set_on_every_connection_in_every_thread(tmp_path):
    engine = open_engine(tmp_path / "x.sqlite", synchronous="FULL")
    seen = []

    def probe():
        with engine.connect() as conn:
            seen.append(tuple(conn.exec_driver_sql(f"PRAGMA {p}").scalar()
                              for p in ("journal_mode", "synchronous", "foreign_keys",
                                        "busy_timeout")))

    threads = [threading.Thread(target=probe) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    probe()
    assert seen == [("wal", 2, 1, 5000)] * 5
    engine.dispose()


def test_transactions_are_real_and_writers_begin_immediate(tmp_path):
    engine = open_engine(tmp_path / "x.sqlite")
    with write_engine(engine).begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    try:
        with write_engine(engine).begin() as conn:
            conn.exec_driver_sql("INSERT INTO t VALUES (2)")
            raise RuntimeError("roll back")
    except RuntimeError:
        pass
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM t")).scalar() == 1
    engine.dispose()


def test_check_file(tmp_path):
    assert check_file(tmp_path / "absent.sqlite") is None
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert check_file(empty) is None
    good = tmp_path / "good.sqlite"
    con = sqlite3.connect(good)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    assert check_file(good) is None
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"hello" * 1000)
    assert "not a SQLite database" in check_file(junk)
    short = tmp_path / "short.sqlite"
    short.write_bytes(good.read_bytes()[:5000])
    assert "truncated" in check_file(short)


def test_move_aside_takes_the_side_files(tmp_path, caplog):
    db = tmp_path / "cache.sqlite"
    db.write_bytes(b"x")
    (tmp_path / "cache.sqlite-wal").write_bytes(b"w")
    target = move_aside(db, "testing")
    assert not db.exists() and target.read_bytes() == b"x"
    assert target.with_name(target.name + "-wal").read_bytes() == b"w"
    assert not (tmp_path / "cache.sqlite-wal").exists()
    assert "testing" in caplog.text and caplog.records[-1].levelname == "ERROR"


def test_salvage_rows_of_a_healthy_file_and_of_a_missing_table(tmp_path):
    db = tmp_path / "x.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE t (seq INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)")
    con.executemany("INSERT INTO t (v) VALUES (?)", [(str(i),) for i in range(100)])
    con.execute("DELETE FROM t WHERE seq % 10 = 0")  # gaps are not losses
    con.commit()
    con.close()
    stats = SalvageCount()
    got = list(salvage_rows(db, "t", stats))
    assert [r["v"] for r in got] == [str(i) for i in range(100) if (i + 1) % 10]
    assert stats.salvaged == 90 and stats.errors == 0 and stats.lost_upper == 0
    assert list(salvage_rows(db, "absent")) == []


def test_db_time_is_fixed_width_utc():
    assert db_time(datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)) == "2025-01-02T03:04:05.000000Z"
    assert db_time(datetime(2025, 1, 2, 5, 4, 5, 7, tzinfo=timezone(timedelta(hours=2)))) == \
        "2025-01-02T03:04:05.000007Z"
    assert db_time(datetime(2025, 1, 2, 3, 4, 5)) == "2025-01-02T03:04:05.000000Z"


def test_a_locked_file_is_not_taken_for_a_damaged_one(tmp_path, monkeypatch):
    path = tmp_path / "journal.sqlite"
    Journal(path).close()
    monkeypatch.setattr(sf, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(sf.StorageUnavailable, match="locked"):
            Journal(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [p.name for p in tmp_path.iterdir() if "corrupt" in p.name] == []
    Journal(path).close()
