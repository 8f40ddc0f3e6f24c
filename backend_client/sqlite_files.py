"""Opening the workstation's SQLite files: pragmas, integrity check, moving a bad file aside,
and reading what can still be read from a damaged one.

Every connection of an engine made here gets the same pragmas (WAL, the synchronous level,
foreign keys, busy timeout) from a pool ``connect`` listener, so it does not matter which
thread opens it. SQLAlchemy, not the ``sqlite3`` module, emits ``BEGIN``: reads get a real
transaction, and ``write_engine(engine)`` gives ``BEGIN IMMEDIATE`` to writers, so the writer
takes the lock first instead of failing to upgrade a read lock half way through.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine, create_engine, event

log = logging.getLogger(__name__)

Synchronous = Literal["OFF", "NORMAL", "FULL", "EXTRA"]

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
# Side files that belong to a database and move with it.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class StorageUnavailable(RuntimeError):
    """A local file can neither be opened nor moved aside (disk full, permissions)."""


def open_engine(path: Path, synchronous: Synchronous = "NORMAL") -> Engine:
    """An engine on the SQLite file ``path`` with the workstation's pragmas on every connection.

    The default pool (QueuePool, ``check_same_thread`` off) hands each thread its own
    connection, so the engine may be used from the writer thread and reader threads alike.
    """
    if synchronous not in ("OFF", "NORMAL", "FULL", "EXTRA"):
        raise ValueError(f"bad synchronous level {synchronous!r}")
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Take BEGIN away from the sqlite3 module; the "begin" listener below emits it.
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute(f"PRAGMA synchronous = {synchronous}")
            cur.execute("PRAGMA foreign_keys = ON")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine (same pool) whose transactions start with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def db_time(t: datetime) -> str:
    """A time as fixed-width UTC text that sorts correctly (naive times are taken as UTC)."""
    text = t.isoformat(timespec="microseconds")
    if text.endswith("+00:00"):  # the common case, and the cheapest
        return text[:-6] + "Z"
    offset = t.utcoffset()
    if offset:
        t = t - offset
    return t.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def is_corruption(error: BaseException) -> bool:
    """Whether an error (sqlite3's, or SQLAlchemy's wrapping one) says the file is damaged or
    not a database, as opposed to locked, unwritable or out of space."""
    orig = getattr(error, "orig", None) or error
    name = getattr(orig, "sqlite_errorname", "") or ""
    if name:
        return name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB"
    text = str(orig).lower()
    return "malformed" in text or "not a database" in text


def check_file(path: Path) -> str | None:
    """Why the file at ``path`` cannot be used as a database, or None if it can (or is absent).

    Checks the header, opens it, and runs ``PRAGMA quick_check``. Raises
    ``StorageUnavailable`` only when the file cannot be checked for a reason that is not
    damage (locked by another process, I/O error), so that a sound file is never moved aside.
    """
    try:
        if not path.exists():
            return None
        size = path.stat().st_size
        if size == 0:
            return None  # SQLite treats an empty file as a new database
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as e:
        return f"cannot read the file: {e}"
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return "not a SQLite database (bad header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"bad page size {page_size} in the header"
    if size % page_size:
        return f"truncated: size {size} is not a multiple of the page size {page_size}"
    wal = path.with_name(path.name + "-wal")
    header_pages = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    change_counter = int.from_bytes(header[24:28], "big")
    if (header_pages and valid_for == change_counter and size < header_pages * page_size
            and not wal.exists()):
        return f"truncated: {size} bytes, the header says {header_pages * page_size}"
    try:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            rows = [r[0] for r in con.execute("PRAGMA quick_check(20)")]
        finally:
            con.close()
    except sqlite3.Error as e:
        if is_corruption(e):
            return f"quick_check failed: {e}"
        # Locked by another process, I/O error, no permission: the file may be fine, so it
        # must not be moved aside (and, for the journal, must not be replaced).
        raise StorageUnavailable(f"cannot open {path}: {e}") from e
    if rows != ["ok"]:
        return "quick_check: " + "; ".join(str(r) for r in rows[:5])
    return None


def move_aside(path: Path, reason: str) -> Path:
    """Rename a bad database (and its -wal/-shm side files) to ``NAME.corrupt-YYYYmmddTHHMMSS``.

    Logs an error naming the file and the reason; returns the new path. Raises
    ``StorageUnavailable`` if the file cannot be moved.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():  # two in the same second: never overwrite an earlier one
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as e:
        raise StorageUnavailable(f"cannot move the damaged file {path} aside: {e}") from e
    for suffix in SIDE_SUFFIXES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            try:
                os.replace(side, target.with_name(target.name + suffix))
            except OSError as e:  # a stale side file must not be applied to the new database
                log.warning("could not move %s aside (%s); deleting it", side, e)
                side.unlink(missing_ok=True)
    log.error("local database %s is damaged (%s); moved it to %s and starting a fresh one",
              path, reason, target)
    return target


@dataclass
class SalvageCount:
    """What ``salvage_rows`` read: rows salvaged, read errors met, and an upper bound on the
    rows lost (rowid gaps around unreadable pages; rows pruned earlier also leave gaps)."""

    salvaged: int = 0
    errors: int = 0
    lost_upper: int = 0


def salvage_rows(
    path: Path, table: str, stats: SalvageCount | None = None
) -> Iterator[dict[str, Any]]:
    """Yield, in rowid order, every row of ``table`` that can still be read from a damaged file.

    Reads row by row; where a page cannot be read it seeks past it by rowid, so one bad page
    loses only the rows on it. Never raises for a damaged file: it yields what it can, and
    counts in ``stats`` what it salvaged and met. Open the moved-aside copy, not a live file.
    """
    count = stats if stats is not None else SalvageCount()
    try:
        con = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as e:
        count.errors += 1
        log.error("salvage of %s from %s: cannot open (%s)", table, path, e)
        return
    try:
        con.row_factory = sqlite3.Row
        try:
            con.execute("PRAGMA cell_size_check = ON")
            # Lets SQLite read a file shorter than its header says (a truncated file) up to
            # its end instead of refusing it; nothing is written through this connection.
            con.execute("PRAGMA writable_schema = ON")
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
        except sqlite3.Error as e:
            count.errors += 1
            log.error("salvage of %s from %s: schema unreadable (%s)", table, path, e)
            return
        if not columns:
            count.errors += 1
            log.warning("salvage of %s from %s: no readable table of that name", table, path)
            return
        highest = _highest_rowid(con, table)
        query = f'SELECT rowid AS "__rowid", * FROM "{table}" WHERE rowid > ? ORDER BY rowid'
        last = 0  # rowids here are positive: INTEGER PRIMARY KEY / AUTOINCREMENT start at 1
        failed_from: int | None = None
        misses = 0
        while True:
            try:
                for row in con.execute(query, (last,)):
                    rowid = row["__rowid"]
                    values = {k: row[k] for k in row.keys() if k != "__rowid"}
                    if failed_from is not None:
                        count.lost_upper += rowid - failed_from - 1
                        failed_from = None
                    last = rowid
                    count.salvaged += 1
                    misses = 0
                    yield values
                break  # read to the end
            except sqlite3.Error as e:
                count.errors += 1
                if failed_from is None:
                    failed_from = last
                    log.warning("salvage of %s from %s: unreadable after rowid %d (%s)",
                                table, path, last, e)
                last += 1
                misses += 1
                # Past the highest rowid (or, when that is unknown, after a long run of
                # failures) there is nothing more to find.
                if (highest is not None and last >= highest) or misses > 100_000:
                    if failed_from is not None:
                        count.lost_upper += max((highest or last) - failed_from, 0)
                    break
    finally:
        con.close()


def _highest_rowid(con: sqlite3.Connection, table: str) -> int | None:
    for sql, args in (
        ("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)),
        (f'SELECT max(rowid) FROM "{table}"', ()),
    ):
        try:
            row = con.execute(sql, args).fetchone()
        except sqlite3.Error:
            continue
        if row and row[0] is not None:
            return int(row[0])
    return None
