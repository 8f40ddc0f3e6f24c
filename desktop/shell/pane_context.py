"""What a pane's factory is given: the state to show and the means to act on it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from backend_client.schemas import Alarm
from desktop.services.alarm_actions import AlarmActions
from desktop.services.unit_actions import UnitActions
from desktop.services.watchlist_access import WatchlistAccess
from desktop.settings import UserSettings
from desktop.state.flood import FloodMeter
from desktop.state.hall import HallState
from desktop.state.pending import PendingCommands
from desktop.state.pending_units import PendingUnitStatus
from desktop.state.selection import Selection
from desktop.state.session import SessionState
from desktop.state.shelves import Shelves
from desktop.state.wall_link import WallLink

AuditFn = Callable[[str, str, str | None, dict[str, Any]], Awaitable[object]]
HistoryFn = Callable[[datetime], Awaitable[list[Alarm]]]
PtzFn = Callable[[str, dict[str, Any]], Awaitable[str]]
FaultFn = Callable[[str, bool], Awaitable[str]]


async def _no_history(since: datetime) -> list[Alarm]:
    return []


async def _no_facts(since: datetime) -> list[tuple[Any, ...]]:
    return []


async def _no_alarms(start: datetime, end: datetime) -> list[tuple[Alarm, datetime | None]]:
    return []


async def _no_ptz(camera_id: str, body: dict[str, Any]) -> str:
    return "Not connected to the central services yet."


async def _no_audit(action: str, object_type: str, object_id: str | None,
                    details: dict[str, Any]) -> None:
    raise RuntimeError(f"no audit log here for {action} {object_type} {object_id}")


@dataclass(frozen=True)
class PaneContext:
    hall: HallState
    session: SessionState
    selection: Selection = field(default_factory=Selection)
    pending: PendingCommands = field(default_factory=PendingCommands)
    shelves: Shelves = field(default_factory=Shelves)
    flood: FloodMeter = field(default_factory=FloodMeter)
    actions: AlarmActions | None = None
    audit: AuditFn = _no_audit
    settings: Callable[[], UserSettings] = UserSettings
    # Ctrl+K: a pane registers its commands here (widgets.command_palette.CommandRegistry).
    commands: Any = None
    # Closed alarms since a time: the local cache's, completed from the history endpoint.
    history: HistoryFn = _no_history
    # Putting cameras on the video wall from other panes (the wall pane attaches itself).
    wall: WallLink = field(default_factory=WallLink)
    # A PTZ move, sent at once (never queued); "" or why it was not.
    ptz: PtzFn = _no_ptz
    # This position's configuration folder (saved tours, custom wall layouts); None: kept
    # in memory only.
    config: Path | None = None
    # The map's tile cache (a basemap's tiles kept on disk); None: not cached.
    tiles: Path | None = None
    # Where the wall's snapshots are written (None: nowhere, the officer is told).
    snapshots: Path | None = None
    # The demo's fault menu (make a camera's stream fail or recover); None outside the demo.
    stream_fault: FaultFn | None = None
    # The unit board's commands (status changes, welfare checks) and what is pending of them.
    units: UnitActions | None = None
    unit_pending: PendingUnitStatus = field(default_factory=PendingUnitStatus)
    # Every look at watchlist details (audited); None: no watchlist details here.
    watchlist: WatchlistAccess | None = None
    # Where exported sheets are offered to be saved (None: the home folder).
    exports: Path | None = None
    # The dashboard's facts from the local cache (``LocalCache.alarm_facts``), read off the
    # UI thread; and a shift report's alarms with their dispatch times (``alarms_between``).
    alarm_facts: Callable[[datetime], Awaitable[list[tuple[Any, ...]]]] = _no_facts
    report_alarms: Callable[[datetime, datetime],
                            Awaitable[list[tuple[Alarm, datetime | None]]]] = _no_alarms
    # The dashboard's figures, shared by the dashboard and big-screen panes
    # (``desktop.panes.dashboard_feed.DashboardFeed``); None: each pane keeps its own.
    kpis: Any = None
