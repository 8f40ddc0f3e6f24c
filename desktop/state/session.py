"""``SessionState``: who is logged in, whether the workstation is live, what waits in the outbox,
and the server's notices. Qt-free; the status bar and the banners show it.

Listeners are called with the name of what changed: "operator", "connection", "outbox",
"notice", "alert", "data".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from backend_client import schemas as s
from backend_client.changes import ConnectionState
from desktop.state.observable import Observable

# What each role may do, as the contract's server enforces it (CONTRACT-NOTES.md's table).
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "duty_officer": frozenset({"read", "watchlist_details", "raise_alarm", "add_note",
                               "acknowledge", "verify", "dispatch", "close", "unit_status",
                               "ptz"}),
    "supervisor": frozenset({"read", "watchlist_details", "raise_alarm", "add_note",
                             "acknowledge", "verify", "dispatch", "close", "unit_status", "ptz",
                             "reassign", "close_any"}),
    "video_patrol": frozenset({"read", "raise_alarm", "add_note", "ptz"}),
    "leadership": frozenset({"read"}),
}


@dataclass(frozen=True)
class CommandOutcome:
    """A queued command finished: sent, or refused by the server (``message`` says why)."""

    path: str
    outcome: str  # "sent" | "rejected"
    message: str
    at: datetime


class SessionState(Observable):
    def __init__(self) -> None:
        super().__init__()
        self.operator: s.Operator | None = None
        self.server_url: str = ""
        self.connection = ConnectionState("connecting", s.utcnow())
        self.outbox_pending = 0
        self.notices: list[s.Notice] = []
        # The notice that set the hall's alert level (None: normal, or never told).
        self.alert: s.Notice | None = None
        self.last_outcome: CommandOutcome | None = None
        # When the shown state was last known to equal the server's (live), for
        # "OFFLINE — showing cached data as of …".
        self.live_as_of: datetime | None = None

    # --- who --------------------------------------------------------------------------------

    def set_operator(self, operator: s.Operator | None) -> None:
        self.operator = operator
        self._notify("operator")

    @property
    def roles(self) -> list[str]:
        return list(self.operator.roles) if self.operator else []

    def may(self, action: str) -> bool:
        """Whether the operator's roles allow ``action`` (hide or disable what they do not)."""
        return any(action in ROLE_ACTIONS.get(role, ()) for role in self.roles)

    # --- connection and data ---------------------------------------------------------------

    def set_connection(self, state: ConnectionState) -> None:
        if self.connection.status == "online" and state.status != "online":
            self.live_as_of = state.since
        self.connection = state
        self._notify("connection")

    def data_arrived(self, live: bool, as_of: datetime | None = None) -> None:
        """New state was shown: from the server (``live``) or from the cache (``as_of``)."""
        if live:
            self.live_as_of = s.utcnow()
        elif as_of is not None and self.live_as_of is None:
            self.live_as_of = as_of
        self._notify("data")

    # --- outbox and notices -----------------------------------------------------------------

    def set_outbox_pending(self, count: int) -> None:
        if count != self.outbox_pending:
            self.outbox_pending = count
            self._notify("outbox")

    def command_finished(self, outcome: CommandOutcome) -> None:
        self.last_outcome = outcome
        self._notify("outcome")

    def add_notice(self, notice: s.Notice) -> None:
        self.notices.append(notice)
        del self.notices[:-50]  # the last fifty are plenty for a shift's status bar
        self._notify("notice")

    def set_alert(self, notice: s.Notice | None) -> None:
        """The hall's alert level changed (a notice that sets it, or a snapshot's word)."""
        if notice is not None and s.alert_level_of(notice) is None:
            return
        if notice != self.alert:
            self.alert = notice
            self._notify("alert")

    @property
    def alert_level(self) -> str:
        return (s.alert_level_of(self.alert) if self.alert is not None else None) or "normal"

    def tell(self, level: s.NoticeLevel, text: str) -> s.Notice:
        """A notice of this workstation's own (a layout moved, a setting unreadable), shown
        like the server's."""
        notice = s.Notice(level=level, text=text, at=s.utcnow())
        self.add_notice(notice)
        return notice

    def withdraw(self, notice: s.Notice) -> None:
        """Take back a notice whose condition has ended (the disk takes writes again)."""
        if notice in self.notices:
            self.notices = [n for n in self.notices if n is not notice]
            self._notify("notice")

    def critical_notice(self) -> s.Notice | None:
        """The newest critical notice, shown as a banner until dismissed."""
        return next((n for n in reversed(self.notices) if n.level == "critical"), None)

    def dismiss_critical(self) -> None:
        self.notices = [n for n in self.notices if n.level != "critical"]
        self._notify("notice")
