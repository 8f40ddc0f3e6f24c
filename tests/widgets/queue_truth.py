"""The alarm queue's truth, kept independently of the model for its property tests: the
newest version of each alarm wins, and a closed alarm leaves the open ones."""

from __future__ import annotations

from backend_client.schemas import Alarm


class OpenTruth:
    def __init__(self) -> None:
        self.seen: dict[str, int] = {}  # the newest version known per id, open or closed
        self.open: dict[str, Alarm] = {}

    def take(self, batch: list[Alarm]) -> None:
        newest: dict[str, Alarm] = {}
        for a in batch:
            if a.id not in newest or a.version > newest[a.id].version:
                newest[a.id] = a
        for a in newest.values():
            if a.version > self.seen.get(a.id, -1):
                self.seen[a.id] = a.version
                if a.state == "closed":
                    self.open.pop(a.id, None)
                else:
                    self.open[a.id] = a
