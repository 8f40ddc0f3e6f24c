"""``CentralSession``: the central-services side of one workstation, wired together.

One profile directory (cache.sqlite, journal.sqlite), one disk writer, one ``CentralApi``, the
sync engine, the outbox flusher and the auditor. The desktop layer creates one of these and
talks to it; tests do the same against the reference server.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path
from typing import Any

from backend_client import schemas as s
from backend_client.api import CentralApi
from backend_client.audit import AuditLog
from backend_client.audit_shipper import Auditor
from backend_client.cache import LocalCache
from backend_client.changes import ConnectionState
from backend_client.commands import CommandSender
from backend_client.disk_health import DiskHealth
from backend_client.journal import Journal
from backend_client.outbox import Outbox, OutboxItem
from backend_client.profile import cache_path, journal_path, profile_dir
from backend_client.sync import SyncEngine
from backend_client.writer import DiskWriter

log = logging.getLogger(__name__)


class CentralSession:
    """Create with ``await CentralSession.open(...)`` (the files are opened off the loop)."""

    def __init__(self, server_url: str, profile: Path, workstation: str, writer: DiskWriter,
                 cache: LocalCache, journal: Journal, **engine_options: Any) -> None:
        self.profile = profile
        self.writer = writer
        self.cache = cache
        self.journal = journal
        self.outbox = Outbox(journal)
        self.audit_log = AuditLog(journal, workstation)
        self.api = CentralApi(server_url, workstation=workstation)
        # One disk for both files: whichever write fails or works says how the disk is.
        self.disk = DiskHealth(profile)
        self.sync = SyncEngine(self.api, cache, writer, disk=self.disk, **engine_options)
        self.commands = CommandSender(self.api, self.outbox, writer,
                                      on_object=self.sync.apply_objects)
        self.auditor = Auditor(self.api, self.audit_log, writer)
        self.sync.on_state(self._connection_changed)
        self._started = False

    @classmethod
    async def open(cls, server_url: str, profile: str | Path | None = None,
                   workstation: str | None = None, **engine_options: Any) -> CentralSession:
        """Open (or create, or repair) the profile's files and wire the session."""
        folder = profile_dir(profile)
        writer = DiskWriter()
        cache = await writer.run(LocalCache, cache_path(folder))
        journal = await writer.run(Journal, journal_path(folder))
        return cls(server_url, folder, workstation or socket.gethostname(), writer, cache,
                   journal, **engine_options)

    async def login(self, username: str, password: str) -> s.LoginResponse:
        result = await self.api.login(username, password)
        if self._started:  # a new login after a 401: everything waiting goes on
            self.sync.session_renewed()
            self.commands.session_renewed()
        return result

    async def start(self) -> None:
        """Show the cache, follow the server, send what the outbox holds, ship the audit.
        Starting a started session does nothing."""
        if self._started:
            return
        await self.sync.start()
        self.commands.start()
        self.auditor.start()
        self._started = True

    async def close(self) -> None:
        """Stop the tasks, finish the queued writes and close the files. Queued commands stay
        in the outbox for the next start."""
        await self.sync.stop()
        await self.commands.stop()
        await self.auditor.stop()
        await self.api.aclose()
        await self.writer.run(self.cache.close)
        await self.writer.run(self.journal.close)
        self.writer.close()

    # --- what the desktop's services call --------------------------------------------------

    async def command(self, method: str, path: str, body: dict[str, Any]) -> OutboxItem:
        """Queue an operator command (durable on return; raises when it is not)."""
        try:
            item = await self.commands.submit(method, path, body)
        except Exception as e:
            self.disk.failed(f"the command {method} {path} to the outbox", e)
            raise
        self.disk.worked()
        return item

    async def audit(self, action: str, object_type: str, object_id: str | None,
                    details: dict[str, Any] | None = None) -> s.AuditEvent:
        """Write one audit record (durable on return; raises when it is not)."""
        try:
            event = await self.auditor.audit(action, object_type, object_id, details)
        except Exception as e:
            self.disk.failed(f"the audit record {action} to the journal", e)
            raise
        self.disk.worked()
        return event

    def _connection_changed(self, state: ConnectionState) -> None:
        if state.status == "online":
            # The server is back: what waited in the outbox goes now, not at its next backoff.
            self.commands.wake(reset_backoff=True)
