"""``PtzControl``: pan, tilt, zoom and presets, sent straight to the central services.

PTZ commands do *not* go through the outbox: a "pan left" delivered minutes later, after a
reconnect, would swing a camera nobody is watching any more. A move that cannot be sent is
dropped and the officer is told why; a "stop" follows every move (the contract's moves are
continuous until all axes are 0).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Callable
from typing import Any

from backend_client.errors import ApiError, CentralError
from desktop.services.alarm_actions import QT_TR_NOOP
from desktop.services.central import CentralService
from desktop.state.session import SessionState

log = logging.getLogger(__name__)


class PtzControl:
    def __init__(self, service: Callable[[], CentralService | None],
                 state: SessionState) -> None:
        self._service = service
        self.state = state
        # One at a time, in the order given: a "stop" overtaking its "move" would leave the
        # camera turning.
        self._lock = asyncio.Lock()

    async def send(self, camera_id: str, body: dict[str, Any]) -> str:
        """``{"pan", "tilt", "zoom"}`` (each −1..1; all 0 stops) or ``{"preset": n}``.
        Returns "" when the server took it, else a sentence for the officer (in English,
        marked for translation)."""
        if not self.state.may("ptz"):
            return QT_TR_NOOP("Your role may not move cameras.")
        service = self._service()
        if service is None:
            return QT_TR_NOOP("Not connected to the central services yet.")
        try:
            async with self._lock:
                await service.session.api.send_command(
                    "POST", f"/cameras/{camera_id}/ptz", body, str(uuid.uuid4()), retries=0)
        except ApiError as e:
            log.warning("PTZ %s %s refused: %r", camera_id, body, e)
            if e.status == 501:
                return QT_TR_NOOP("This camera cannot be moved.")
            if e.status == 403:
                return QT_TR_NOOP("Your role may not move cameras.")
            return QT_TR_NOOP("The camera move was refused by the server.")
        except CentralError as e:
            log.warning("PTZ %s %s not sent: %r", camera_id, body, e)
            return QT_TR_NOOP("The camera move was not sent: no connection.")
        return ""
