"""``PaneTasks``: a pane's asyncio work started from the UI — an action's coroutine run with its
refusal or failure told to the officer, kept referenced until done, cancelled with the pane.

Every pane that acts (the alarm desk, the wall's PTZ, snapshots and patrol notes) needs the
same three things; one implementation keeps their error handling alike.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from desktop.services.alarm_actions import ActionRefused
from widgets.i18n import tr

log = logging.getLogger(__name__)

Tell = Callable[[str, str], None]  # (text, level): where the pane shows a sentence


class PaneTasks:
    def __init__(self, tell: Tell) -> None:
        self._tell = tell
        self._tasks: set[asyncio.Task[Any]] = set()

    def run(self, coro: Coroutine[Any, Any, Any],
            done: Callable[[Any], object] | None = None) -> None:
        """Run ``coro``; a refusal (``ActionRefused``) is told as a warning in the officer's
        words, anything else as "failed; see the log" with the detail logged."""
        async def guarded() -> None:
            try:
                result = await coro
            except ActionRefused as e:
                self._tell(tr(str(e)), "warning")
                return
            except Exception:
                log.exception("pane action failed")
                self._tell(tr("The action failed; see the log."), "critical")
                return
            if done is not None:
                done(result)

        self.spawn(guarded())

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Start ``coro`` and keep it referenced (asyncio holds tasks only weakly)."""
        task = asyncio.get_event_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def cancel(self) -> None:
        """The pane is closing: work still running is abandoned with it (what an action
        had already written to the outbox stays there and is sent)."""
        for task in list(self._tasks):
            task.cancel()
