"""``ccw``: the workstation's command line.

The workstation window arrives with the shell (issue "Workstation shell"). Until then ``ccw``
runs the real central-services client without a window: it logs in, takes the snapshot into
the local cache, follows the live event stream and prints what it holds and whether it is
live. ``--demo`` first starts the embedded reference server on a free loopback port.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from importlib.metadata import PackageNotFoundError, version

from backend_client.background import wait_at_most
from backend_client.changes import ChangeSet, ConnectionState
from backend_client.errors import CentralError
from backend_client.profile import profile_dir
from backend_client.server.process import ServerProcess, ServerStartError
from backend_client.session import CentralSession

log = logging.getLogger("ccw")


def app_version() -> str:
    try:
        return version("command-center-workstation")
    except PackageNotFoundError:
        return "0+unknown"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        prog="ccw", description="Command-center workstation (this version runs without a "
                                "window: it follows the central services in the terminal).")
    ap.add_argument("--demo", action="store_true",
                    help="start the embedded reference server and log in as the demo duty "
                         "officer")
    ap.add_argument("--server", metavar="URL", help="central services, e.g. http://host:8600")
    ap.add_argument("--profile", metavar="DIR", help="profile directory (cache, journal)")
    ap.add_argument("--user", default="duty", help="user name (default: duty)")
    ap.add_argument("--password", default="demo", help="password (default: demo)")
    ap.add_argument("--interval", type=float, default=5.0, metavar="S",
                    help="seconds between status lines (default 5)")
    ap.add_argument("--log-level", default="warning",
                    choices=["debug", "info", "warning", "error"])
    ap.add_argument("--version", action="version", version=f"ccw {app_version()}")
    args = ap.parse_args(argv)
    if not args.demo and not args.server:
        ap.error("say which central services to use: --server URL, or --demo")
    return args


class TerminalView:
    """Counts what the cache holds, from the change sets, and prints a status line."""

    def __init__(self) -> None:
        self.open_alarms: dict[str, int] = {}
        self.units: dict[str, str] = {}
        self.cameras = 0
        self.grids = 0
        self.watchlist: set[str] = set()
        self.events = 0
        self.state: ConnectionState | None = None

    def changed(self, cs: ChangeSet) -> None:
        if cs.reset:
            self.open_alarms.clear()
            self.units.clear()
            self.watchlist.clear()
            self.cameras, self.grids = len(cs.cameras), len(cs.grids)
        else:
            self.events += cs.size()
        for a in cs.alarms:
            if a.state == "closed":
                self.open_alarms.pop(a.id, None)
            else:
                self.open_alarms[a.id] = a.priority
        self.units.update({u.id: u.status for u in cs.units})
        self.watchlist.update(w.id for w in cs.watchlist)
        self.watchlist.difference_update(cs.watchlist_removed)
        for notice in cs.notices:
            print(f"[notice {notice.level}] {notice.text}", flush=True)

    def connection(self, state: ConnectionState) -> None:
        self.state = state
        print(f"connection: {describe(state)}", flush=True)

    def line(self) -> str:
        p1 = sum(1 for p in self.open_alarms.values() if p == 1)
        available = sum(1 for s in self.units.values() if s == "available")
        return (f"{describe(self.state) if self.state else 'starting'} | open alarms "
                f"{len(self.open_alarms)} (P1 {p1}) | units {len(self.units)} "
                f"({available} available) | cameras {self.cameras} | grids {self.grids} | "
                f"watchlist {len(self.watchlist)} | events {self.events}")


def describe(state: ConnectionState) -> str:
    since = state.since.astimezone().strftime("%H:%M:%S")
    if state.status == "online":
        return "online"
    if state.status == "reconnecting":
        return f"reconnecting (attempt {state.attempt})"
    if state.status == "offline":
        return f"OFFLINE since {since}, showing cached state (attempt {state.attempt})"
    if state.status == "session_expired":
        return "session expired: log in again"
    return state.status


async def follow(url: str, args: argparse.Namespace) -> int:
    session = await CentralSession.open(url, args.profile)
    view = TerminalView()
    session.sync.on_change(view.changed)
    session.sync.on_state(view.connection)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        try:
            result = await session.api.login(args.user, args.password)
            print(f"logged in as {result.operator.name} ({', '.join(result.operator.roles)})",
                  flush=True)
        except CentralError as e:
            print(f"could not log in: {e}", file=sys.stderr, flush=True)
            log.warning("log-in failed: %r (%s)", e, e.detail)
        await session.start()
        while not stop.is_set():
            await wait_at_most(stop, args.interval)
            print(view.line(), flush=True)
    finally:
        await session.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    folder = profile_dir(args.profile)
    args.profile = str(folder)
    print("ccw: the workstation window comes with the shell issue; this version follows the "
          "central services in the terminal.", flush=True)
    server = None
    if args.demo:
        try:
            server = ServerProcess("--alarm-rate", "0.3", db=folder / "demo-server.sqlite",
                                   workdir=folder / "demo-server")
        except ServerStartError as e:
            print(f"ccw: the demo server did not start:\n{e}", file=sys.stderr)
            return 1
        print(f"ccw: demo reference server at {server.url} (log: {server.log_path})",
              flush=True)
    try:
        return asyncio.run(follow(server.url if server else args.server, args))
    finally:
        if server is not None:
            server.close()


if __name__ == "__main__":
    sys.exit(main())
