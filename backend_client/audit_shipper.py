"""``audit(action, object_type, object_id, details)``: written locally first, then shipped.

The local record is hash-chained and durable before ``audit`` returns (see ``audit.py``); a
background task ships unshipped records in batches to ``POST /audit``, which stores them
idempotently by event id, so a batch resent after a lost answer is harmless.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from typing import Any

from backend_client import schemas as s
from backend_client.api import CentralApi
from backend_client.audit import AuditLog
from backend_client.background import BackgroundTasks, wait_at_most
from backend_client.backoff import Backoff
from backend_client.errors import ApiError, CentralError
from backend_client.writer import DiskWriter

log = logging.getLogger(__name__)


class Auditor:
    """The workstation's audit trail for the logged-in operator."""

    def __init__(self, api: CentralApi, audit_log: AuditLog, writer: DiskWriter, *,
                 batch_size: int = 200, interval: float = 5.0) -> None:
        self.api = api
        self.log = audit_log
        self.writer = writer
        self.batch_size = batch_size
        self.interval = interval
        self.backoff = Backoff(first=1.0, cap=60.0)
        self._wake = asyncio.Event()
        self._tasks = BackgroundTasks()

    async def audit(self, action: str, object_type: str, object_id: str | None,
                    details: dict[str, Any] | None = None) -> s.AuditEvent:
        """Record what the operator did or saw. Durable when it returns."""
        operator_id = self.api.operator.id if self.api.operator else "(not logged in)"
        event = await self.writer.run(self.log.record, operator_id, action, object_type,
                                      object_id, details or {})
        self._wake.set()
        return event

    def start(self) -> None:
        self._wake.set()
        self._tasks.start(self._run(), "ccw-audit")

    async def stop(self) -> None:
        await self._tasks.stop()

    async def _run(self) -> None:
        while True:
            await wait_at_most(self._wake, self.interval)
            self._wake.clear()
            try:
                await self.ship()
                self.backoff.reset()
            except CentralError as e:
                delay = self.backoff.next_delay()
                log.info("audit: shipping postponed %.0f s: %r", delay, e)
                await asyncio.sleep(delay)

    async def ship(self) -> int:
        """Ship every unshipped record; returns how many were shipped."""
        shipped = 0
        while True:
            events = await self.writer.run(self.log.unshipped, self.batch_size)
            if not events:
                return shipped
            try:
                await self.api.post_audit(events, str(uuid.uuid4()))
            except ApiError as e:
                if not e.is_final:
                    raise
                # The server refuses the batch for good (e.g. a record it finds invalid).
                # Keep it locally — the local chain is the record — and say so loudly.
                log.error("audit: server refused %d records (%r); they stay in the local log",
                          len(events), e)
                return shipped
            await self.writer.run(self.log.mark_shipped, [e.id for e in events])
            shipped += len(events)
