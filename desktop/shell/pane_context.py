"""What a pane's factory is given: the state to show and the session to act through."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.state.hall import HallState
from desktop.state.session import SessionState


@dataclass(frozen=True)
class PaneContext:
    hall: HallState
    session: SessionState
