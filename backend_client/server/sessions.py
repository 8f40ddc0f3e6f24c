"""Demo operators and their bearer-token sessions (kept in the store, so a restarted server
keeps everyone logged in)."""

from __future__ import annotations

import hmac
import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from backend_client.schemas import LoginRequest, LoginResponse, Operator

from .commands import Actor
from .problems import Unauthorized
from .store import Store

DEMO_PASSWORD = "demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    role: str


DEMO_USERS = {u.username: u for u in (
    DemoUser("duty", "值班员 王磊", "duty_officer"),
    DemoUser("supervisor", "值班长 陈静", "supervisor"),
    DemoUser("patrol", "视频巡查员 李娜", "video_patrol"),
    DemoUser("leader", "指挥长 赵刚", "leadership"),
)}


@dataclass(frozen=True)
class Session:
    token: str
    actor: Actor
    workstation: str


def actor_of(user: DemoUser) -> Actor:
    return Actor(id=user.username, name=user.name, roles=(user.role,))


def login(store: Store, body: LoginRequest, ttl: float) -> LoginResponse:
    user = DEMO_USERS.get(body.username)
    if user is None or not hmac.compare_digest(body.password.encode(), DEMO_PASSWORD.encode()):
        raise Unauthorized("unknown user name or wrong password")
    token = secrets.token_urlsafe(32)
    expires = time.time() + ttl
    with store.transaction():
        store.add_session(token, user.username, body.workstation, expires)
    return LoginResponse(
        token=token, expires_at=datetime.fromtimestamp(expires, UTC),
        operator=Operator(id=user.username, name=user.name, roles=[user.role]))  # type: ignore[list-item]


def bearer_token(header: str | None) -> str:
    scheme, _, token = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("this request needs a bearer token; log in first")
    return token.strip()


def session_of(store: Store, header: str | None) -> Session:
    """The session of an ``Authorization`` header; 401 when missing, unknown or expired."""
    token = bearer_token(header)
    row = store.get_session(token)
    if row is None:
        raise Unauthorized("the session is unknown or has ended; log in again")
    operator_id, workstation, expires = row
    user = DEMO_USERS.get(operator_id)
    if expires <= time.time() or user is None:
        with store.transaction():
            store.drop_session(token)
        raise Unauthorized("the session has expired; log in again")
    return Session(token, actor_of(user), workstation)


def logout(store: Store, session: Session) -> None:
    with store.transaction():
        store.drop_session(session.token)
