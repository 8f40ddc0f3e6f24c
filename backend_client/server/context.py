"""What every request handler of one server needs: settings, store, hall, simulator."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from .config import ServerConfig
from .hall import Hall
from .sessions import Session, session_of
from .simulator import Simulator
from .store import Store


@dataclass
class ServerContext:
    config: ServerConfig
    store: Store
    hall: Hall
    simulator: Simulator

    def begin_shutdown(self) -> None:
        """Let open event streams end now, so the server stops without waiting on them."""
        self.hall.closing.set()


def context(request: Request) -> ServerContext:
    return request.app.state.ctx


def session(request: Request) -> Session:
    """The caller's session (401 ``unauthorized`` without a valid bearer token)."""
    return session_of(context(request).store, request.headers.get("authorization"))
