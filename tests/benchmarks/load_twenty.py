"""Twenty workstations and one real window against one reference server under a flood.

Twenty headless clients (the sync engine and the outbox, no Qt: a child process of this
script) and one real workstation window (this process, under Xvfb) follow the same server
while it floods; every headless client also acknowledges open alarms now and then, as
officers do, so commands race each other (a 409 for the slower one is normal). At the end
every one of the 21 must hold exactly the server's state. The server's side is measured
through the fault proxy with no faults set: its request rate and latency (time to the
response head; event streams left out).

Baseline, measured first in the same run: one headless client alone through the same flood.

Usage: .venv/bin/python tests/benchmarks/load_twenty.py [--clients 20] [--seconds 30]
       [--rate 200]
Starts its own Xvfb when there is no DISPLAY. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from backend_client.api import CentralApi  # noqa: E402
from backend_client.changes import ChangeSet  # noqa: E402
from backend_client.server.process import ServerProcess  # noqa: E402
from backend_client.session import CentralSession  # noqa: E402
from tests.benchmarks.display import run_on_display  # noqa: E402
from tests.support.compare import assert_same_state, wait_cursor, wait_quiet  # noqa: E402
from tests.support.fault_proxy import FaultProxy  # noqa: E402

TICK = 0.25
ACK_EVERY_S = 2.0  # each headless officer acknowledges an alarm about this often


# --- the headless side (a child process) ----------------------------------------------------


async def _officer(session: CentralSession, stop: asyncio.Event, rng: random.Random) -> int:
    """Acknowledge a random new alarm every couple of seconds; how many were queued."""
    new: dict[str, None] = {}

    def seen(changes: ChangeSet) -> None:
        for alarm in changes.alarms:
            if alarm.state == "new":
                new[alarm.id] = None
            else:
                new.pop(alarm.id, None)

    session.sync.on_change(seen)
    queued = 0
    while not stop.is_set():
        await asyncio.sleep(rng.uniform(0.5, 1.5) * ACK_EVERY_S)
        if new:
            alarm_id = rng.choice(list(new))
            new.pop(alarm_id, None)
            await session.command("POST", f"/alarms/{alarm_id}/acknowledge", {})
            queued += 1
    return queued


async def _headless(url: str, folder: Path, clients: int) -> dict[str, Any]:
    sessions = []
    for n in range(clients):
        session = await CentralSession.open(url, folder / f"ws-{n:02d}",
                                            workstation=f"load-{n:02d}")
        await session.login("duty", "demo")
        await session.start()
        sessions.append(session)
    print("started", flush=True)
    stop = asyncio.Event()
    officers = [asyncio.create_task(_officer(s, stop, random.Random(n)))
                for n, s in enumerate(sessions)]
    line = await asyncio.to_thread(sys.stdin.readline)  # "settle": the flood is over
    assert line.strip() == "settle", line
    stop.set()
    queued = sum(await asyncio.gather(*officers))
    for session in sessions:  # every officer's commands out first
        while await session.writer.run(session.outbox.pending_count):
            await asyncio.sleep(0.1)
    api = CentralApi(url)
    await api.login("supervisor", "demo")
    started = time.monotonic()
    cursor = await wait_quiet(api, settle=1.0, limit=120)
    identical = 0
    for session in sessions:
        await wait_cursor(session, cursor, limit=120)
        await assert_same_state(session, api)
        identical += 1
    caught_up = time.monotonic() - started
    for session in sessions:
        await session.close()
    await api.aclose()
    return {"clients": clients, "identical": identical, "acks_queued": queued,
            "cursor": cursor, "catch_up_s": round(caught_up, 2)}


# --- the conductor (this process) -------------------------------------------------------------


def _latency(proxy: FaultProxy, since: float, events_before: int) -> dict[str, float]:
    """Requests (not event streams) answered since ``since``: rate and latency; and the
    events the server streamed to all clients together, per second."""
    took = [e.took for e in proxy.log
            if e.at >= since and e.took is not None and e.path != "/api/v1/events"]
    span = max(1e-6, time.monotonic() - since)
    events_per_s = round((proxy.sse_events_sent - events_before) / span, 1)
    if not took:
        return {"requests": 0, "rate_per_s": 0.0, "p50_ms": 0.0, "p99_ms": 0.0,
                "events_per_s": events_per_s}
    took.sort()
    return {"requests": len(took), "rate_per_s": round(len(took) / span, 1),
            "p50_ms": round(statistics.median(took) * 1000, 1),
            "p99_ms": round(took[min(len(took) - 1, int(len(took) * 0.99))] * 1000, 1),
            "events_per_s": events_per_s}


def _run_phase(tmp: Path, name: str, clients: int, seconds: float, rate: float,
               window: bool) -> dict[str, Any]:
    server = ServerProcess("--flood", str(rate), "--tick", str(TICK), "--seed", "3",
                           "--sim-steps", str(int(seconds / TICK)),
                           workdir=tmp / f"server-{name}", start_timeout=60)
    try:
        with FaultProxy(server.url, max_seconds=3600) as proxy:
            child = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--headless", str(clients),
                 "--url", proxy.url, "--dir", str(tmp / f"clients-{name}")],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
            assert child.stdout is not None and child.stdin is not None
            assert child.stdout.readline().strip() == "started"
            since, events_before = time.monotonic(), proxy.sse_events_sent
            result: dict[str, Any] = {}

            def settle() -> None:
                """The flood is over: the officers stop acknowledging (else the server
                never goes quiet and nobody can be compared with it)."""
                result["server"] = _latency(proxy, since, events_before)
                child.stdin.write("settle\n")  # type: ignore[union-attr]
                child.stdin.flush()  # type: ignore[union-attr]

            if window:
                result["window_identical"] = _window(proxy.url, tmp / f"window-{name}",
                                                     server, seconds, settle)
            else:
                time.sleep(seconds)
                settle()
            out = child.stdout.readline()
            child.wait(300)
            if child.returncode != 0 or not out.startswith("{"):
                raise RuntimeError(f"the headless clients failed ({child.returncode})")
            result["headless"] = json.loads(out)
            return result
    finally:
        server.close()


def _window(url: str, profile: Path, server: ServerProcess, seconds: float,
            settle: Callable[[], None]) -> bool:
    """One real workstation window through the flood; True if it ends with the server's
    state (compared as the headless ones are)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop.app import prepare_application
    from desktop.shell.workstation import Options, Workstation

    options = Options(server=url, profile=str(profile), lang="en")
    app = QApplication.instance() or prepare_application(options)
    loop = qasync.QEventLoop(app)

    async def go() -> bool:
        ws = Workstation(options)
        await ws.start()
        await ws.login(url, "duty", "demo")
        await asyncio.sleep(seconds)
        settle()
        api = CentralApi(server.url)
        await api.login("supervisor", "demo")
        try:
            assert ws.service is not None
            cursor = await wait_quiet(api, settle=1.0, limit=120)
            await wait_cursor(ws.service.session, cursor, limit=120)
            await assert_same_state(ws.service.session, api)
            return True
        finally:
            await api.aclose()
            await ws.close()

    with loop:
        return loop.run_until_complete(go())


def conduct(a: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="ccw-load-") as tmp_name:
        tmp = Path(tmp_name)
        base = _run_phase(tmp, "one", 1, a.seconds, a.rate, window=False)
        print(f"baseline, one client: {base}", file=sys.stderr, flush=True)
        full = _run_phase(tmp, "all", a.clients, a.seconds, a.rate, window=True)
        print(f"{a.clients} clients and a window: {full}", file=sys.stderr, flush=True)
    out = {
        "clients": a.clients, "flood_per_s": a.rate, "seconds": a.seconds,
        "all_identical": full["headless"]["identical"] == a.clients
        and full["window_identical"],
        "server_requests_per_s": full["server"]["rate_per_s"],
        "server_p50_ms": full["server"]["p50_ms"],
        "server_p99_ms": full["server"]["p99_ms"],
        "server_events_streamed_per_s": full["server"]["events_per_s"],
        "catch_up_s": full["headless"]["catch_up_s"],
        "acks_queued": full["headless"]["acks_queued"],
        "baseline_server_p99_ms": base["server"]["p99_ms"],
        "baseline_catch_up_s": base["headless"]["catch_up_s"],
        "ratio_p99": round(full["server"]["p99_ms"] / base["server"]["p99_ms"], 2)
        if base["server"]["p99_ms"] else None,
    }
    print(json.dumps(out))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--rate", type=float, default=200.0)
    ap.add_argument("--headless", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--url", help=argparse.SUPPRESS)
    ap.add_argument("--dir", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.headless is not None:
        print(json.dumps(asyncio.run(_headless(a.url, a.dir, a.headless))), flush=True)
        return
    run_on_display("1920x1080x24", lambda: conduct(a))


if __name__ == "__main__":
    main()
