"""Waiting for the officer to log in again after the server answered 401.

A request can be in flight while the officer logs in again (the event stream's 401 opened the
dialog first): its late 401 belongs to the old session and must not wait for yet another login.
So each waiter remembers which login its request went out under and waits only for a newer one.
"""

from __future__ import annotations

import asyncio


class LoginGate:
    """Counts logins; ``wait_newer_than`` returns once a login after ``generation`` happened."""

    def __init__(self) -> None:
        self.generation = 0
        self._renewed = asyncio.Event()

    def renewed(self) -> None:
        """The officer logged in again."""
        self.generation += 1
        self._renewed.set()

    async def wait_newer_than(self, generation: int) -> None:
        while self.generation == generation:
            self._renewed.clear()
            await self._renewed.wait()
