"""Whether this workstation can write its local files: the cache and the journal (outbox,
audit log), both in the profile directory on one disk.

A full disk or a read-only profile does not stop the live picture (the server's word is shown
whether or not the cache keeps it) but it does stop commands: one that is not durable in the
outbox is refused, never shown as queued. The officer must be told once, clearly, and told
again when it works again; the log gets the first failure with its detail, then a count —
not a traceback for every batch of events, once a second, for as long as the disk is full.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

log = logging.getLogger(__name__)

DiskReason = Literal["full", "read_only", "other"]

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


@dataclass(frozen=True)
class DiskProblem:
    reason: DiskReason
    detail: str  # the first error's own words, for the log and IT
    since: float  # time.monotonic() of the first failure


def classify(error: BaseException) -> DiskReason:
    """What kind of disk trouble ``error`` is, looking through SQLAlchemy's wrapping."""
    seen: BaseException | None = error
    for _ in range(8):  # a chain of causes, never a loop
        if seen is None:
            break
        if isinstance(seen, OSError) and seen.errno is not None:
            if seen.errno in _FULL_ERRNOS:
                return "full"
            if seen.errno in _READ_ONLY_ERRNOS:
                return "read_only"
        if isinstance(seen, sqlite3.Error):
            name = getattr(seen, "sqlite_errorname", "") or ""
            text = str(seen).lower()
            if name.startswith("SQLITE_FULL") or "disk is full" in text:
                return "full"
            if name.startswith("SQLITE_READONLY") or "readonly" in text:
                return "read_only"
        seen = getattr(seen, "orig", None) or seen.__cause__
    return "other"


def probe(folder: Path) -> DiskReason | None:
    """Try to write a small file in ``folder``: None if that works, else why not. SQLite says
    only "disk I/O error" or "unable to open database file" for a read-only folder."""
    try:
        with tempfile.TemporaryFile(dir=folder) as f:
            f.write(b"\0" * 4096)  # space is reserved at write(): a full disk says so here
            f.flush()
    except OSError as e:
        return classify(e)
    return None


class DiskHealth:
    """Told of every write to the local files that failed or worked; says when the state
    changes (``on_change``: the problem, or None when writing works again)."""

    def __init__(self, folder: Path | None = None) -> None:
        """``folder``: where the files are, probed when an error does not say what is wrong."""
        self.folder = folder
        self.problem: DiskProblem | None = None
        self.failures = 0  # in the current streak
        self._listeners: list[Callable[[DiskProblem | None], None]] = []

    def on_change(self, listener: Callable[[DiskProblem | None], None]) -> None:
        self._listeners.append(listener)

    def failed(self, what: str, error: BaseException) -> None:
        """A write of ``what`` (e.g. "12 events to the cache") failed with ``error``."""
        self.failures += 1
        if self.problem is not None:
            log.debug("could not write %s either (%d failures so far): %r", what,
                      self.failures, error)
            return
        reason = classify(error)
        if reason == "other" and self.folder is not None:
            reason = probe(self.folder) or reason
        self.problem = DiskProblem(reason, f"{type(error).__name__}: {error}"[:500],
                                   time.monotonic())
        # The one traceback of the streak: what failed first and how.
        log.error("could not write %s (local disk: %s); further failures are counted, not "
                  "logged", what, reason, exc_info=error)
        self._tell(self.problem)

    def worked(self) -> None:
        """A write to the local files went through."""
        if self.problem is None:
            return
        log.warning("the local disk takes writes again, after %d failed writes over %.0f s",
                    self.failures, time.monotonic() - self.problem.since)
        self.problem, self.failures = None, 0
        self._tell(None)

    def _tell(self, problem: DiskProblem | None) -> None:
        for listener in list(self._listeners):
            try:
                listener(problem)
            except Exception:  # a broken view must not stop the writes being counted
                log.exception("disk health listener %r failed", listener)
