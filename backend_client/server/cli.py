"""``ccw-server``: run the reference server (contract v1 plus the scenario simulator).

Prints ``ccw-server listening on http://HOST:PORT`` on stdout once it accepts connections, so a
parent process started with ``--port 0`` learns the real port. Logs go to stderr.
"""

from __future__ import annotations

import argparse
import logging
import socket
import sys
from collections.abc import Callable
from pathlib import Path

import uvicorn

from .app import create_app
from .config import KEEP_EVENTS, ServerConfig


def parse_args(argv: list[str] | None = None) -> ServerConfig:
    p = argparse.ArgumentParser(prog="ccw-server", description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8600, help="0 picks a free port")
    p.add_argument("--db", type=Path, default=Path("ccw-server.sqlite"), help="SQLite file")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--alarm-rate", type=float, default=0.2, help="alarms per second")
    p.add_argument("--flood", type=float, nargs="?", const=300.0, default=None,
                   metavar="RATE", help="flood mode: RATE alarms per second in bursts "
                   "(default 300)")
    p.add_argument("--grids", type=Path, default=None,
                   help="GeoJSON FeatureCollection of grids (default: the shipped county)")
    p.add_argument("--ping-interval", type=float, default=15.0, help="seconds")
    p.add_argument("--tick", type=float, default=1.0, help="simulator step in seconds")
    p.add_argument("--sim-steps", type=int, default=None,
                   help="stop simulating after N steps (0: no simulation; default: for ever)")
    p.add_argument("--token-ttl", type=float, default=12 * 3600.0, help="seconds")
    p.add_argument("--keep-events", type=int, default=KEEP_EVENTS,
                   help="events kept for resuming streams")
    p.add_argument("--streams", action="store_true",
                   help="serve the cameras' looping test streams (HTTP MPEG-TS per camera in "
                   "the cameras' URLs; RTSP over UDP from libVLC; RTSP over TCP and UDP from "
                   "GStreamer) and the admin endpoint that makes one fail")
    p.add_argument("--no-rtsp-tcp", dest="rtsp_tcp", action="store_false",
                   help="with --streams: do not start GStreamer's RTSP server")
    p.add_argument("--log-level", default="info",
                   choices=["critical", "error", "warning", "info", "debug"])
    a = p.parse_args(argv)
    if a.tick <= 0 or a.ping_interval <= 0 or a.alarm_rate < 0 or a.keep_events < 1:
        p.error("--tick and --ping-interval must be > 0, --alarm-rate >= 0, --keep-events >= 1")
    return ServerConfig(host=a.host, port=a.port, db=a.db, seed=a.seed, alarm_rate=a.alarm_rate,
                        flood=a.flood, grids=a.grids, ping_interval=a.ping_interval,
                        tick=a.tick, sim_steps=a.sim_steps, token_ttl=a.token_ttl,
                        keep_events=a.keep_events, log_level=a.log_level, streams=a.streams,
                        rtsp_tcp=a.rtsp_tcp)


class HallServer(uvicorn.Server):
    """uvicorn, plus: announce the real address once started, and end the event streams as
    soon as shutdown begins (uvicorn waits for open responses before it stops)."""

    def __init__(self, config: uvicorn.Config, announce: str,
                 on_shutdown: Callable[[], None]) -> None:
        super().__init__(config)
        self._announce = announce
        self._on_shutdown = on_shutdown

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            print(self._announce, flush=True)

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        self._on_shutdown()
        await super().shutdown(sockets=sockets)


def bind(host: str, port: int) -> socket.socket:
    """Bind the listening socket ourselves, so ``--port 0`` reports the port really used."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.setblocking(False)
    return sock


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    logging.basicConfig(level=config.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        sock = bind(config.host, config.port)
    except OSError as e:
        logging.getLogger("ccw-server").error("cannot listen on %s:%s: %s", config.host,
                                              config.port, e)
        return 3
    port = sock.getsockname()[1]
    host = f"[{config.host}]" if ":" in config.host else config.host
    reach = {"0.0.0.0": "127.0.0.1", "::": "[::1]", "": "127.0.0.1"}.get(config.host, host)
    config.public_url = config.public_url or f"http://{reach}:{port}"
    app = create_app(config)
    server = HallServer(
        uvicorn.Config(app, log_level=config.log_level, timeout_graceful_shutdown=2,
                       access_log=config.log_level == "debug", log_config=None),
        f"ccw-server listening on http://{host}:{port}", app.state.ctx.begin_shutdown)
    server.run(sockets=[sock])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
