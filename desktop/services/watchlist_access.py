"""``WatchlistAccess``: every look at watchlist details goes through here, and each one is
written to the audit log before anything is shown.

- ``open_entry``: one audit record ("watchlist_view"), then ``GET /watchlist/{id}`` and its
  photo. Offline, the cached entry is shown without its photo (the officer still needs the
  legal basis and the handling instruction in the worst minute); the record is written all
  the same, since the officer saw the entry.
- ``record_search`` and ``record_export``: one record each ("watchlist_search",
  "watchlist_export"); the pane runs the search or writes the file only after the record is
  durable.
- Photos are kept in memory only (never in the cache or on disk), per entry version, and
  forgotten when the operator changes.

A record that cannot be written stops the look: ``WatchlistRefused`` says why, in English
marked for translation, like every refusal here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from backend_client import schemas as s
from backend_client.errors import ApiError, CentralError, ServerUnreachable
from desktop.services.central import CentralService
from desktop.services.commanding import QT_TR_NOOP, ActionRefused
from desktop.state.hall import HallState
from desktop.state.session import SessionState

log = logging.getLogger(__name__)

# The audit log's words for the three kinds of look.
VIEW: str = "watchlist_view"
SEARCH: str = "watchlist_search"
EXPORT: str = "watchlist_export"
ENTRY: str = "watchlist_entry"


class WatchlistRefused(ActionRefused):
    """The look did not happen; ``message`` (also ``str(e)``) is for the officer, marked for
    translation."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class OpenedEntry:
    entry: s.WatchlistEntry
    photo: bytes | None
    offline: bool = False  # the server could not be asked: the cached entry, no photo


class WatchlistAccess:
    def __init__(self, service: Callable[[], CentralService | None], hall: HallState,
                 state: SessionState) -> None:
        self._service = service
        self.hall = hall
        self.state = state
        self._photos: dict[str, tuple[int, bytes]] = {}
        self._operator_id: str | None = None
        state.subscribe(self._session_changed)

    def may_see(self) -> bool:
        return self.state.may("watchlist_details")

    def workstation(self) -> str:
        """This workstation's name as the audit log writes it ("" before a session)."""
        service = self._service()
        return service.session.audit_log.workstation if service is not None else ""

    def photo(self, entry_id: str) -> bytes | None:
        """The photo loaded with the entry's current version this shift, if any."""
        entry = self.hall.watchlist.get(entry_id)
        kept = self._photos.get(entry_id)
        if entry is None or kept is None or kept[0] != entry.version:
            return None
        return kept[1]

    async def open_entry(self, entry_id: str, via: str = "pane",
                         alarm_id: str | None = None) -> OpenedEntry:
        """The entry with its photo, after its audit record is durable."""
        service = self._checked()
        details: dict[str, Any] = {"via": via}
        if alarm_id is not None:
            details["alarm_id"] = alarm_id
        await self._record(service, VIEW, entry_id, details)
        try:
            entry = await service.session.api.get_watchlist_entry(entry_id)
        except ApiError as e:
            log.warning("watchlist entry %s not given: %r", entry_id, e)
            if e.status == 403:
                raise WatchlistRefused(QT_TR_NOOP(
                    "The central services refuse watchlist details to your role.")) from e
            if e.status == 404:
                raise WatchlistRefused(QT_TR_NOOP(
                    "This entry is no longer on the watchlist.")) from e
            raise WatchlistRefused(QT_TR_NOOP(
                "The entry could not be loaded from the central services; see the log.")) from e
        except ServerUnreachable as e:
            cached = self.hall.watchlist.get(entry_id)
            log.warning("watchlist entry %s: server unreachable (%r); cached entry shown: %s",
                        entry_id, e, cached is not None)
            if cached is None or not cached.is_current():
                raise WatchlistRefused(QT_TR_NOOP(
                    "The entry cannot be loaded: no connection to the central services.")
                                       ) from e
            return OpenedEntry(cached, self.photo(entry_id), offline=True)
        except CentralError as e:  # a malformed answer: nothing half-read is shown
            log.warning("watchlist entry %s: unusable answer: %r", entry_id, e)
            raise WatchlistRefused(QT_TR_NOOP(
                "The entry could not be loaded from the central services; see the log.")) from e
        if not entry.is_current():
            log.warning("watchlist entry %s came back expired or without legal basis: "
                        "not shown", entry_id)
            raise WatchlistRefused(QT_TR_NOOP("This entry is no longer valid."))
        return OpenedEntry(entry, await self._photo(service, entry))

    async def record_search(self, query: str, category: str | None) -> None:
        await self._record(self._checked(), SEARCH, None,
                           {"query": query, "category": category})

    async def record_export(self, entry_id: str, file_name: str) -> None:
        await self._record(self._checked(), EXPORT, entry_id,
                           {"format": "pdf", "kind": "bolo_sheet", "file": file_name})

    async def snapshot(self, url: str) -> bytes | None:
        """A hit's camera snapshot (any role that sees the alarm); None if not to be had."""
        service = self._service()
        if service is None or not url:
            return None
        try:
            return await service.session.api.get_media(url)
        except CentralError as e:
            log.warning("snapshot %s not loaded: %r", url, e)
            return None

    # --- internals --------------------------------------------------------------------------

    def _checked(self) -> CentralService:
        if not self.may_see():
            raise WatchlistRefused(QT_TR_NOOP(
                "Watchlist details are shown to duty officers and supervisors only."))
        service = self._service()
        if service is None:
            raise WatchlistRefused(QT_TR_NOOP("Not connected to the central services yet."))
        return service

    async def _record(self, service: CentralService, action: str, entry_id: str | None,
                      details: dict[str, Any]) -> None:
        try:
            await service.audit(action, ENTRY, entry_id, details)
        except Exception as e:
            log.exception("audit record %s %s could not be written", action, entry_id)
            raise WatchlistRefused(QT_TR_NOOP(
                "The audit record could not be written, so this was not done; see the log.")
                                   ) from e

    async def _photo(self, service: CentralService, entry: s.WatchlistEntry) -> bytes | None:
        if not entry.photo_url:
            return None
        try:
            data = await service.session.api.get_media(entry.photo_url)
        except CentralError as e:
            log.warning("photo of watchlist entry %s not loaded: %r", entry.id, e)
            return self.photo(entry.id)
        self._photos[entry.id] = (entry.version, data)
        return data

    def _session_changed(self, what: str) -> None:
        if what != "operator":
            return
        operator = self.state.operator
        operator_id = operator.id if operator is not None else None
        if operator_id != self._operator_id:
            # Another officer at the desk (or none): what the last one loaded is not theirs.
            self._photos.clear()
            self._operator_id = operator_id
