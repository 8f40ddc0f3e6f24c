"""What every operator action shares: the refusal an officer reads, and the outbox.

An action is durable in the outbox before anything on screen changes; if the journal cannot
take it (disk full, read-only profile) the officer is told loudly that it was NOT sent.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from backend_client.outbox import OutboxItem
from desktop.services.central import CentralService
from desktop.state.session import SessionState

log = logging.getLogger(__name__)


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks an officer's sentence for translation; the views translate it when shown
    (this layer has no Qt)."""
    return text


class ActionRefused(Exception):
    """An action the workstation will not queue; ``str(e)`` is for the officer, in English
    (marked for translation: show it through ``tr``)."""


async def queue_command(service: Callable[[], CentralService | None], state: SessionState,
                        path: str, body: dict[str, Any]) -> OutboxItem:
    """Put the command in the outbox (sent when the server can be reached)."""
    central = service()
    if central is None or state.operator is None:
        raise ActionRefused(QT_TR_NOOP("Not connected to the central services yet."))
    try:
        return await central.command("POST", path, body)
    except Exception as e:  # noqa: BLE001 - whatever the journal raised, the officer must know
        # An action that is not durable must not look done.
        # (The session's disk health logged the first such failure with its traceback.)
        log.error("command %s could not be queued: %r", path, e)
        raise ActionRefused(QT_TR_NOOP("The command could not be saved on this workstation "
                                       "and was NOT sent. Check the disk, then try again.")) from e
