"""An asyncio loop on a background thread, for the test servers that must keep running while
a test's own code (or a Qt event loop) blocks the main thread."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any


class LoopThread:
    def __init__(self, name: str) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True, name=name)

    def start(self) -> None:
        self._thread.start()

    def run[T](self, coro: Coroutine[Any, Any, T], timeout: float = 10.0) -> T:
        """Run ``coro`` on the loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        """Cancel what still runs (connections held open on purpose), then end the thread."""
        async def cancel_all() -> None:
            for task in asyncio.all_tasks(self.loop):
                if task is not asyncio.current_task():
                    task.cancel()

        if self._thread.is_alive():
            self.run(cancel_all(), 5)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(5)
