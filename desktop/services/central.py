"""``CentralService``: the bridge between the central-services session and the Qt-free state.

It lives on the asyncio loop (the UI thread, through qasync): change sets go into
``HallState``, connection changes, notices and outbox counts into ``SessionState``; operator
actions become durable outbox commands. Nothing here waits on the network or the disk on the
UI thread: the session's disk work runs on its writer thread, its HTTP on asyncio.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
from datetime import datetime
from typing import Any

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from backend_client.commands import CommandResult
from backend_client.outbox import OutboxItem
from backend_client.session import CentralSession
from desktop.state.hall import HallState
from desktop.state.pending import PendingCommands
from desktop.state.pending_units import PendingUnitStatus, parse_status_command
from desktop.state.session import CommandOutcome, SessionState

log = logging.getLogger(__name__)


class CentralService:
    def __init__(self, session: CentralSession, hall: HallState, state: SessionState,
                 pending: PendingCommands | None = None,
                 unit_pending: PendingUnitStatus | None = None) -> None:
        self.session = session
        self.hall = hall
        self.state = state
        self.pending = pending if pending is not None else PendingCommands()
        self.unit_pending = unit_pending if unit_pending is not None else PendingUnitStatus()
        self._password_check: tuple[bytes, bytes] | None = None  # (salt, pbkdf2) — memory only
        self._cache_as_of: datetime | None = None
        self.state.server_url = session.api.base_url
        session.sync.on_change(self._changed)
        session.sync.on_state(self.state.set_connection)
        session.commands.on_result(self._command_finished)

    @classmethod
    async def open(cls, server_url: str, profile: str | None, hall: HallState,
                   state: SessionState, workstation: str | None = None,
                   pending: PendingCommands | None = None,
                   unit_pending: PendingUnitStatus | None = None) -> CentralService:
        session = await CentralSession.open(server_url, profile, workstation)
        return cls(session, hall, state, pending, unit_pending)

    # --- life cycle -------------------------------------------------------------------------

    async def show_cached(self) -> None:
        """The first paint's data: whatever the cache holds (maybe nothing)."""
        as_of = await self.session.writer.run(self.session.cache.sync_value, "snapshot_at")
        self._cache_as_of = s.parse_time(as_of) if as_of else None
        await self.session.sync.show_cached()
        await self.refresh_outbox()
        # Commands a previous run left queued are still the officer's: show them as such.
        for item in await self.session.writer.run(self.session.outbox.pending):
            self._show_pending(item, item.operator_id)

    async def login(self, username: str, password: str) -> s.Operator:
        """Log in (raises ``LoginFailed``, ``ServerUnreachable`` …). Remembers a salted hash of
        the password in memory so the lock screen can check it offline."""
        result = await self.session.login(username, password)
        salt = os.urandom(16)
        self._password_check = (salt, _digest(password, salt))
        self.state.set_operator(result.operator)
        return result.operator

    async def start(self) -> None:
        await self.session.start()

    async def close(self) -> None:
        await self.session.close()

    def verify_password(self, password: str) -> bool:
        """Whether ``password`` is the logged-in operator's (for unlocking; works offline)."""
        if self._password_check is None:
            return False
        salt, digest = self._password_check
        return hmac.compare_digest(digest, _digest(password, salt))

    # --- operator actions ------------------------------------------------------------------

    async def command(self, method: str, path: str, body: dict[str, Any]) -> OutboxItem:
        """Queue a command: durable when this returns, sent when the server can be reached."""
        item = await self.session.command(method, path, body)
        # Shown as pending before anything else can run: the flusher may send it at the next
        # await, and its answer must find it registered.
        operator = self.state.operator
        self._show_pending(item, operator.name if operator is not None else item.operator_id)
        await self.refresh_outbox()
        return item

    def _show_pending(self, item: OutboxItem, operator_name: str) -> None:
        """A queued command the officer sees as pending until the server's word."""
        self.pending.add(item.idempotency_key, item.path, item.body, item.created_at,
                         item.operator_id, operator_name)
        self.unit_pending.add(item.idempotency_key, item.path, item.body, item.created_at)

    async def audit(self, action: str, object_type: str, object_id: str | None,
                    details: dict[str, Any] | None = None) -> None:
        await self.session.audit(action, object_type, object_id, details)

    async def refresh_outbox(self) -> None:
        count = await self.session.writer.run(self.session.outbox.pending_count)
        self.state.set_outbox_pending(count)

    # --- from the session (on the loop) ------------------------------------------------------

    def _changed(self, changes: ChangeSet) -> None:
        # Settle the officer's pending commands first, so no view draws a new server
        # version with an already-included optimistic change (a note twice) on top.
        if changes.reset:
            self.pending.reconcile_all(changes.alarms)
        else:
            self.pending.reconcile(changes.alarms)
        self.unit_pending.reconcile(changes.units)
        self.hall.apply(changes)
        if changes.reset and (changes.alert is not None or not changes.from_cache):
            self.state.set_alert(changes.alert)  # a snapshot's word, even "none": normal
        for notice in changes.notices:
            self.state.add_notice(notice)
            if s.alert_level_of(notice) is not None:
                self.state.set_alert(notice)
        if changes.from_cache:
            self.state.data_arrived(False, self._cache_as_of)
        else:
            self.state.data_arrived(True)

    def _command_finished(self, result: CommandResult) -> None:
        key = result.item.idempotency_key
        unit_id = parse_status_command(result.item.path)
        if unit_id is not None:
            if result.outcome == "sent":
                self.unit_pending.sent(key, result.response, self.hall.units.get(unit_id))
            else:
                self.unit_pending.rejected(key, result.message, s.utcnow())
        elif result.outcome == "sent":
            held = None
            alarm_id = (result.response or {}).get("id")
            if isinstance(alarm_id, str):
                held = self.hall.alarms.get(alarm_id)
            self.pending.sent(key, result.response, held)
        else:
            self.pending.rejected(key, result.message, s.utcnow())
        self.state.command_finished(CommandOutcome(result.item.path, result.outcome,
                                                   result.message, s.utcnow()))
        # The count changes with every finished command (read on the writer thread).
        asyncio.get_running_loop().create_task(self.refresh_outbox())


def _digest(password: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 100_000)
