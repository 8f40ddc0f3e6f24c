"""``ServerProcess``: the reference server as a child process (the demo's embedded server,
and every integration test's).

Started with ``--port 0`` (it announces the real port on stdout), a database in a temporary
directory and whatever extra arguments a test needs; waits for ``/api/v1/health``. The child
gets SIGKILL when the test process dies (``PR_SET_PDEATHSIG``), so an aborted pytest run never
leaves a server behind. Its output goes to a log file whose tail is shown when start-up fails.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx

PR_SET_PDEATHSIG = 1
LISTENING = "ccw-server listening on "


def die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


def end_process(proc: subprocess.Popen[Any], timeout: float = 5.0) -> int | None:
    """SIGTERM, wait up to ``timeout`` s, then SIGKILL; the exit status (one way to end a
    child for the server, its stream children and the workstation's RTSP relays)."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


class ServerStartError(RuntimeError):
    pass


class ServerProcess:
    """A running ``ccw-server``; ``url``/``api_url`` once started. Use as a context manager."""

    def __init__(self, *args: str, db: Path | str | None = None,
                 workdir: Path | str | None = None, start_timeout: float = 20.0,
                 start: bool = True) -> None:
        self._tmp = None if workdir else tempfile.TemporaryDirectory(prefix="ccw-server-")
        self.workdir = Path(workdir or self._tmp.name)  # type: ignore[union-attr]
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.db = Path(db) if db else self.workdir / "server.sqlite"
        self.args = list(args)
        self.log_path = self.workdir / "server.log"
        self.start_timeout = start_timeout
        self.port: int | None = None
        self._base_url: str | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        if start:
            self.start()

    # --- life cycle ------------------------------------------------------------------------------

    def start(self, port: int = 0) -> None:
        if self.proc is not None and self.proc.poll() is None:
            raise RuntimeError("the server is already running")
        cmd = [sys.executable, "-m", "backend_client.server.cli", "--port", str(port),
               "--db", str(self.db), *self.args]
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps writing to it
        log.write(f"\n=== {' '.join(cmd)}\n".encode())
        log.flush()
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log,
                                     cwd=str(self.workdir), env=env,
                                     preexec_fn=die_with_parent)
        log.close()
        self._base_url = self._read_announcement()
        self.port = int(self._base_url.rsplit(":", 1)[1])
        # Keep draining stdout into the log so the child never blocks on a full pipe.
        threading.Thread(target=self._drain, args=(self.proc,), daemon=True).start()
        self._wait_healthy()

    def _read_announcement(self) -> str:
        assert self.proc is not None and self.proc.stdout is not None
        found: list[str] = []

        def read() -> None:
            for raw in self.proc.stdout:  # type: ignore[union-attr]
                text = raw.decode(errors="replace").strip()
                if text.startswith(LISTENING):
                    found.append(text[len(LISTENING):])
                    return

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(self.start_timeout)
        if not found:
            self._fail("did not announce its address")
        return found[0]

    def _drain(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        with open(self.log_path, "ab") as log:
            for raw in proc.stdout:
                log.write(raw)
                log.flush()

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.proc is None or self.proc.poll() is not None:
                self._fail("exited during start-up")
            try:
                if httpx.get(f"{self.api_url}/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        self._fail("did not become healthy")

    def _fail(self, what: str) -> None:
        code = self.proc.poll() if self.proc else None
        self.kill()
        raise ServerStartError(f"ccw-server {what} (exit status {code}); log tail:\n"
                               f"{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def stop(self, timeout: float = 5.0) -> int | None:
        """SIGTERM, wait, then SIGKILL; returns the exit status."""
        if self.proc is None:
            return None
        return end_process(self.proc, timeout)

    def kill(self) -> None:
        """SIGKILL at once (a crash)."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def restart(self, attempts: int = 20) -> None:
        """Stop and start again on the same database and, if it can be bound, the same port."""
        port = self.port or 0
        self.stop()
        for attempt in range(attempts):
            try:
                self.start(port)
                return
            except ServerStartError:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.25)  # the port may still be held (TIME_WAIT or a slow exit)

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def url(self) -> str:
        if self._base_url is None:
            raise RuntimeError("the server has not started")
        return self._base_url

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/v1"

    def close(self) -> None:
        self.stop()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> ServerProcess:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
