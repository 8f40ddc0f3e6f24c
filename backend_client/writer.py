"""The one writer: every write to the local SQLite files runs on this single thread.

SQLite allows one writer at a time; funnelling writes through one thread means no "database is
locked" retries, batches commit in order, and the asyncio loop (the Qt thread, through qasync)
never waits on the disk: it awaits a future instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

log = logging.getLogger(__name__)


class DiskWriter:
    """A single background thread that runs write jobs in submission order."""

    def __init__(self, name: str = "ccw-writer") -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._closed = False

    async def run[T](self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the writer thread and await its result (or its exception)."""
        if self._closed:
            raise RuntimeError("the disk writer is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, fn, *args)

    def run_blocking[T](self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(*args)`` on the writer thread and wait for it (start-up, tests, scripts)."""
        return self._pool.submit(fn, *args).result()

    def close(self) -> None:
        """Finish the queued jobs, then stop the thread."""
        if not self._closed:
            self._closed = True
            self._pool.shutdown(wait=True)
