"""Shared fixtures: reference servers on loopback (real child processes, real HTTP)."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Coroutine, Iterator
from typing import Any

import pytest

from tests.support.server import ServerProcess

# Keep libVLC and Qt quiet about a missing runtime dir in tests.
if "XDG_RUNTIME_DIR" not in os.environ:
    _runtime = f"/tmp/ccw-runtime-{os.getuid()}"
    os.makedirs(_runtime, mode=0o700, exist_ok=True)
    os.environ["XDG_RUNTIME_DIR"] = _runtime
# Test workstations play their alarm sounds into libVLC's dummy output (CI machines have no
# sound card; tests/desktop/test_alarm_sounds.py checks real playback into a file).
os.environ.setdefault("CCW_AUDIO_OUTPUT", "adummy")
# A machine with the .deb installed has /etc/ccw/site.toml: the tests' workstations follow
# only the site files the tests write (tests/desktop/test_site_policy.py).
os.environ.setdefault("CCW_SITE_CONFIG", "/nonexistent/ccw-tests/site.toml")


def run_async[T](coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
    """Run a coroutine on a fresh loop with a hard time limit (a hung test fails, not hangs)."""

    async def guarded() -> T:
        async with asyncio.timeout(timeout):
            return await coro

    return asyncio.run(guarded())


@pytest.fixture(scope="session")
def quiet_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A reference server whose simulator does not run: only the tests change its state."""
    with ServerProcess("--sim-steps", "0", "--seed", "11",
                       workdir=tmp_path_factory.mktemp("quiet-server")) as server:
        yield server


@pytest.fixture
def server_factory(tmp_path: Any) -> Iterator[Any]:
    """Start servers of a test's own (``server_factory("--alarm-rate", "5")``); all stopped
    at the end of the test."""
    started: list[ServerProcess] = []

    def start(*args: str, name: str = "server") -> ServerProcess:
        server = ServerProcess(*args, workdir=tmp_path / f"{name}-{len(started)}")
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()
