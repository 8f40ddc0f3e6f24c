"""Operator commands: durable in the outbox first, then sent in order until the server answers.

An officer's action is written to the journal (synchronous=FULL) before the UI may say it was
done; a flusher then sends queued commands in their original order with their original
``Idempotency-Key``, so a repeat after a crash or a lost answer cannot act twice. A command is
finished only by a 2xx (sent) or a final 4xx (rejected, with the server's message for the
officer); anything else — no answer, 5xx, 429 — is retried with backoff, and later commands
wait behind it so the server sees them in the order the officer gave them.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import ValidationError

from backend_client import schemas as s
from backend_client.api import CentralApi
from backend_client.background import BackgroundTasks, wait_at_most
from backend_client.backoff import Backoff
from backend_client.errors import ApiError, CentralError, SessionExpired
from backend_client.login_gate import LoginGate
from backend_client.outbox import Outbox, OutboxItem
from backend_client.writer import DiskWriter

log = logging.getLogger(__name__)

# Which kind of object a command's answer is, by its path (relative to /api/v1).
_ANSWER_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^/alarms(/[^/]+/(acknowledge|verify|dispatch|notes|close))?$"), "alarm"),
    (re.compile(r"^/units/[^/]+/status$"), "unit"),
    (re.compile(r"^/cameras/[^/]+/ptz$"), "camera"),
]


def answer_kind(path: str) -> str | None:
    """The cache kind of the object a command answers with (``None`` for /audit)."""
    for pattern, kind in _ANSWER_KINDS:
        if pattern.match(path):
            return kind
    return None


@dataclass(frozen=True)
class CommandResult:
    """How a queued command ended. ``message`` is for the officer."""

    item: OutboxItem
    outcome: Literal["sent", "rejected"]
    status: int
    message: str
    response: dict[str, Any] | None


ObjectSink = Callable[[str, list[s.Model]], Awaitable[object]]
ResultListener = Callable[[CommandResult], None]


class CommandSender:
    """The outbox flusher. ``submit`` is what a view's action calls (through a service)."""

    def __init__(self, api: CentralApi, outbox: Outbox, writer: DiskWriter, *,
                 on_object: ObjectSink | None = None, backoff: Backoff | None = None) -> None:
        self.api = api
        self.outbox = outbox
        self.writer = writer
        self.on_object = on_object
        self.backoff = backoff or Backoff(first=0.5, cap=30.0)
        # The server's Retry-After (429, 503): no command goes before this (loop time), even
        # when a new command or a reconnection wakes the flusher early.
        self._hold_until = 0.0
        self.last_error = ""
        self._listeners: list[ResultListener] = []
        self._wake = asyncio.Event()
        self._logins = LoginGate()
        self._tasks = BackgroundTasks()

    def on_result(self, listener: ResultListener) -> None:
        self._listeners.append(listener)

    async def submit(self, method: str, path: str, body: dict[str, Any],
                     key: str | None = None) -> OutboxItem:
        """Queue a command durably and wake the flusher. When this returns the command will
        reach the server even if the workstation is killed the next moment."""
        operator_id = self.api.operator.id if self.api.operator else ""
        item = await self.writer.run(self.outbox.enqueue, method, path, body, operator_id, key)
        self._wake.set()
        return item

    def wake(self, *, reset_backoff: bool = False) -> None:
        """Try now (e.g. the connection came back)."""
        if reset_backoff:
            self.backoff.reset()
        self._wake.set()

    def session_renewed(self) -> None:
        self._logins.renewed()
        self._wake.set()

    def start(self) -> None:
        self._wake.set()  # whatever a previous run left queued goes first
        self._tasks.start(self._run(), "ccw-outbox")

    async def stop(self) -> None:
        await self._tasks.stop()

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            self._wake.clear()
            delay = await self.flush()
            if delay is not None:
                # Sleep, but let a wake (connection back, new command) cut it short.
                await wait_at_most(self._wake, delay)
                self._wake.set()

    async def flush(self) -> float | None:
        """Send every pending command in order. Returns ``None`` when the outbox is empty,
        or the delay before the next try when a command could not be sent."""
        while True:
            items = await self.writer.run(self.outbox.pending)
            if not items:
                return None
            hold = self._hold_until - asyncio.get_running_loop().time()
            if hold > 0:
                return hold
            for item in items:
                delay = await self._send(item)
                if delay is not None:
                    return delay

    async def _send(self, item: OutboxItem) -> float | None:
        login = self._logins.generation
        try:
            status, answer = await self.api.send_command(
                item.method, item.path, item.body, item.idempotency_key, retries=0)
        except SessionExpired:
            self.last_error = SessionExpired.officer_message
            log.warning("outbox: session expired; %s %s waits for a new login",
                        item.method, item.path)
            await self._logins.wait_newer_than(login)
            return 0.0
        except ApiError as e:
            if e.is_final:
                await self.writer.run(self.outbox.mark_rejected, item.seq, e.status, e.message,
                                      {"error": {"code": e.code, "message": e.message,
                                                 "details": e.details}})
                log.warning("outbox: %s %s rejected by the server: %r", item.method, item.path, e)
                self._tell(CommandResult(item, "rejected", e.status, e.message, None))
                return None
            return await self._failed(item, e, e.retry_after)
        except CentralError as e:
            return await self._failed(item, e, None)
        await self.writer.run(self.outbox.mark_sent, item.seq, status, answer)
        self.backoff.reset()
        self.last_error = ""
        self._tell(CommandResult(item, "sent", status, "", answer))
        await self._apply_answer(item, answer)
        return None

    async def _failed(self, item: OutboxItem, err: CentralError,
                      retry_after: float | None) -> float:
        why = f"{err} ({err.detail})" if err.detail else repr(err)
        self.last_error = str(err)
        await self.writer.run(self.outbox.record_attempt, item.seq, why[:500])
        delay = self.backoff.next_delay()
        if retry_after is not None:
            delay = max(delay, min(retry_after, 300.0))
            self._hold_until = asyncio.get_running_loop().time() + min(retry_after, 300.0)
        log.warning("outbox: %s %s not sent (%s); next try in %.1f s",
                    item.method, item.path, why, delay)
        return delay

    async def _apply_answer(self, item: OutboxItem, answer: dict[str, Any]) -> None:
        kind = answer_kind(item.path)
        if kind is None or self.on_object is None:
            return
        try:
            obj = s.OBJECT_MODELS[kind].model_validate(answer)
        except ValidationError as e:
            log.warning("outbox: answer to %s is not a valid %s: %s", item.path, kind,
                        s.describe_error(e))
            return
        await self.on_object(kind, [obj])

    def _tell(self, result: CommandResult) -> None:
        for listener in self._listeners:
            try:
                listener(result)
            except Exception:
                log.exception("command result listener %r failed", listener)
