"""The commands of the contract over HTTP, with idempotency.

Every command needs an ``Idempotency-Key``. The key is stored per operator with a hash of
method, path and body and with the answer, in the same commit as the command's changes: the
same key again gets the same status and body and changes nothing; the same key with another
request is 422. Commands run one at a time under the hall's lock, so concurrent duplicates
cannot both apply.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from backend_client.schemas import (
    Acknowledge,
    AddNote,
    AuditBatch,
    Close,
    Dispatch,
    PtzMove,
    RaiseAlarm,
    SetUnitStatus,
    Verify,
)

from . import commands, rules
from .context import context, session
from .problems import Problem, ValidationFailed
from .replies import encode, parse_model, problem_reply, text_reply
from .sessions import Session

KEY_HEADER = "idempotency-key"

# What a command does given (context, session, path id, raw body): (status, answer body).
Handler = Callable[[Any, Session, str, bytes], tuple[int, Any]]


def request_hash(method: str, path: str, raw: bytes) -> str:
    """Hash of the request; JSON bodies are canonicalised so spacing does not matter."""
    try:
        body = json.dumps(json.loads(raw), sort_keys=True, separators=(",", ":")).encode()
    except (ValueError, UnicodeDecodeError):
        body = raw
    return hashlib.sha256(method.encode() + b" " + path.encode() + b"\n" + body).hexdigest()


def command(handler: Handler) -> Callable[[Request], Any]:
    async def endpoint(request: Request) -> Response:
        ctx = context(request)
        who = session(request)
        key = (request.headers.get(KEY_HEADER) or "").strip()
        if not key:
            raise ValidationFailed("Idempotency-Key: every command needs this header",
                                   {"field": "Idempotency-Key"})
        raw = await request.body()
        fingerprint = request_hash(request.method, request.url.path, raw)
        ident = str(request.path_params.get("id", ""))
        async with ctx.hall.lock:
            stored = ctx.store.get_idempotent(who.actor.id, key)
            if stored is not None:
                if stored[0] != fingerprint:
                    raise ValidationFailed("Idempotency-Key: this key was used for another "
                                           "request", {"field": "Idempotency-Key"})
                return text_reply(stored[2], stored[1])
            try:
                with ctx.hall.changes():
                    status, answer = handler(ctx, who, ident, raw)
                    text = encode(answer)
                    ctx.store.put_idempotent(who.actor.id, key, fingerprint, status, text)
            except Problem as problem:
                # A refusal is an answer too: the same key gets the same refusal.
                with ctx.store.transaction():
                    ctx.store.put_idempotent(who.actor.id, key, fingerprint, problem.status,
                                             encode(problem.body()))
                return problem_reply(problem)
        return text_reply(text, status)
    return endpoint


def _dump(obj: Any) -> Any:
    return obj.model_dump(mode="json")


@command
def raise_alarm(ctx: Any, who: Session, _: str, raw: bytes) -> tuple[int, Any]:
    rules.require(who.actor.roles, rules.RAISE_ALARM)
    return 201, _dump(commands.raise_alarm(ctx.hall, who.actor, parse_model(RaiseAlarm, raw)))


def _alarm_command(action: str, model: type, fn: Callable) -> Callable[[Request], Any]:
    def handler(ctx: Any, who: Session, alarm_id: str, raw: bytes) -> tuple[int, Any]:
        rules.require(who.actor.roles, action)  # 403 before 422: the role decides first
        return 200, _dump(fn(ctx.hall, who.actor, alarm_id, parse_model(model, raw)))
    return command(handler)


acknowledge = _alarm_command(rules.ACKNOWLEDGE, Acknowledge, commands.acknowledge)
verify = _alarm_command(rules.VERIFY, Verify, commands.verify)
dispatch = _alarm_command(rules.DISPATCH, Dispatch, commands.dispatch)
add_note = _alarm_command(rules.ADD_NOTE, AddNote, commands.add_note)
close = _alarm_command(rules.CLOSE, Close, commands.close)
unit_status = _alarm_command(rules.UNIT_STATUS, SetUnitStatus, commands.set_unit_status)
ptz = _alarm_command(rules.PTZ, PtzMove, commands.ptz)


@command
def audit(ctx: Any, who: Session, _: str, raw: bytes) -> tuple[int, Any]:
    """Store the workstation's audit events once per event id; ``stored`` counts the events
    of this batch the server now holds (all of them, new or already kept)."""
    rules.require(who.actor.roles, rules.AUDIT)
    batch = parse_model(AuditBatch, raw)
    ctx.store.add_audit_events(who.actor.id, [e.model_dump(mode="json") for e in batch.events])
    return 200, {"stored": len(batch.events)}
