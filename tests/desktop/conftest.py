"""Fixtures for the workstation's GUI tests (run under Xvfb by pytest-xvfb, real xcb)."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop.app import make_application, prepare_application
from desktop.shell.workstation import Options, Workstation
from tests.support.small_disk import small_disk  # noqa: F401 - a fixture of the disk tests

# Closed qasync loops are kept for the whole session. A loop's timer object is a QObject; if
# Python collected a closed loop while Qt was delivering a late timer event to that object
# (garbage collection can start inside any callback), Qt would return into a deleted object:
# the segfaults seen in later tests' qtbot.wait().
RETIRED_LOOPS: list[qasync.QEventLoop] = []


def retire(loop: qasync.QEventLoop) -> None:
    RETIRED_LOOPS.append(loop)


@pytest.fixture
def qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """asyncio on the Qt loop, as in the application."""
    make_application()
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()  # stops qasync's executor threads (asyncio.to_thread) before Qt goes
    retire(loop)
    asyncio.set_event_loop(None)


def run_ui[T](loop: qasync.QEventLoop, coro: Coroutine[Any, Any, T], timeout: float = 60) -> T:
    """Run a coroutine on the Qt loop (events are processed meanwhile), with a time limit.

    Not ``loop.run_until_complete``: qasync's version processes Qt events once more *after*
    it has unset the running loop, so a live workstation's pending asyncio callbacks would run
    outside their loop ("bound to a different event loop", a test erroring at random)."""

    async def guarded() -> T:
        async with asyncio.timeout(timeout):
            return await coro

    future = asyncio.ensure_future(guarded(), loop=loop)
    future.add_done_callback(lambda _f: loop.stop())
    loop.run_forever()
    if not future.done():
        future.cancel()
        raise RuntimeError("the Qt loop stopped before the coroutine finished")
    return future.result()


async def until(condition: Any, timeout: float = 20.0, what: str = "condition") -> None:
    """Wait (processing events) until ``condition()`` is true."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.05)


# Workstations still open when a test's body ends, with the loop they run on.
_OPEN: list[tuple[qasync.QEventLoop, Workstation]] = []


def _close_open_workstations() -> None:
    while _OPEN:
        loop, ws = _OPEN.pop()
        if not loop.is_closed():
            run_ui(loop, ws.close())


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    """Close the test's workstations as soon as its body ends — before pytest-qt's hooks run
    ``processEvents()`` (after the call, and again before any fixture is torn down): Qt would
    otherwise run the live sessions' asyncio callbacks outside their loop, a task step with no
    running loop fails ("bound to a different event loop") and a test errors at random.
    (trylast: this wrapper is inside pytest-qt's, so it finishes first.)"""
    try:
        return (yield)
    finally:
        _close_open_workstations()


@pytest.fixture
def make_workstation(qapp: QApplication, qloop: qasync.QEventLoop, tmp_path: Any
                     ) -> Iterator[Any]:
    """``await make_workstation(server=url | demo=True, ...)``: a started workstation on a fresh
    profile; closed at the end of the test, which fails if a top-level window leaked."""
    made: list[Workstation] = []

    async def make(**options: Any) -> Workstation:
        options.setdefault("profile", str(tmp_path / f"profile-{len(made)}"))
        prepare_application(Options(**options))
        ws = Workstation(Options(**options))
        made.append(ws)
        _OPEN.append((qloop, ws))
        await ws.start()
        await until(lambda: ws.window.isVisible() and ws.window.windowHandle() is not None
                    and ws.window.windowHandle().isExposed(), what="the main window")
        return ws

    yield make
    for ws in made:
        run_ui(qloop, ws.close())  # deletes the windows (deleteLater): processed just below
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in leaked:
        w.close()
    assert not leaked, f"top-level windows left open: {leaked}"
