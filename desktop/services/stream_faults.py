"""``StreamFaults``: the demo's fault menu — make a camera's stream fail and recover on the
reference server, to show the wall saying "signal lost" and coming back by itself.

It calls the reference server's admin endpoint (``POST /admin/cameras/{id}/stream``), which a
real hall's central services do not have; the workstation offers it only in demo mode.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from backend_client.errors import CentralError
from desktop.services.alarm_actions import QT_TR_NOOP
from desktop.services.central import CentralService

log = logging.getLogger(__name__)


class StreamFaults:
    def __init__(self, service: Callable[[], CentralService | None]) -> None:
        self._service = service

    async def set(self, camera_id: str, fail: bool) -> str:
        """"" when the demo server took it, else a sentence for the officer."""
        service = self._service()
        if service is None:
            return QT_TR_NOOP("Not connected to the central services yet.")
        try:
            await service.session.api.send_command(
                "POST", f"/admin/cameras/{camera_id}/stream",
                {"state": "fail" if fail else "ok"}, str(uuid.uuid4()), retries=0)
        except CentralError as e:
            log.warning("demo stream fault %s fail=%s not taken: %r", camera_id, fail, e)
            return QT_TR_NOOP("The demo server did not take the fault.")
        log.info("demo: camera %s stream %s", camera_id, "failed" if fail else "recovered")
        return ""
