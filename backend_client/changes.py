"""What the sync engine tells the rest of the workstation: change sets and connection state."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from backend_client import schemas as s

ConnectionStatus = Literal["connecting", "online", "reconnecting", "offline", "session_expired"]


@dataclass
class ChangeSet:
    """Everything that changed in one batch; views repaint once per change set.

    ``reset`` means "this is the whole state" (a fresh snapshot, or the cache at start-up):
    a view drops what it had and takes these lists as complete. Otherwise the lists hold only
    the objects that changed, each the newest version.
    """

    reset: bool = False
    cursor: str | None = None
    alarms: list[s.Alarm] = field(default_factory=list)
    units: list[s.Unit] = field(default_factory=list)
    cameras: list[s.Camera] = field(default_factory=list)
    grids: list[s.Grid] = field(default_factory=list)
    watchlist: list[s.WatchlistEntry] = field(default_factory=list)
    watchlist_removed: list[str] = field(default_factory=list)
    moves: list[s.UnitMoved] = field(default_factory=list)
    notices: list[s.Notice] = field(default_factory=list)
    # With ``reset``: the notice that set the hall's alert level (snapshot or cache), if any.
    alert: s.Notice | None = None
    from_cache: bool = False  # the state came from the local cache, not (yet) from the server

    def is_empty(self) -> bool:
        return not (self.reset or self.alarms or self.units or self.cameras or self.grids
                    or self.watchlist or self.watchlist_removed or self.moves or self.notices)

    def size(self) -> int:
        return (len(self.alarms) + len(self.units) + len(self.cameras) + len(self.grids)
                + len(self.watchlist) + len(self.watchlist_removed) + len(self.moves)
                + len(self.notices))


@dataclass(frozen=True)
class ConnectionState:
    """Whether the workstation shows the server's live state.

    ``online``: the event stream is open. ``reconnecting``: it was lost moments ago and the
    engine is retrying (``attempt``, ``next_try_at``). ``offline``: retries have failed for a
    while; the workstation shows cached state as of ``since``. ``session_expired``: the
    operator must log in again; nothing pending is lost.
    """

    status: ConnectionStatus
    since: datetime
    attempt: int = 0
    next_try_at: datetime | None = None
    error: str = ""

    @property
    def is_live(self) -> bool:
        return self.status == "online"
