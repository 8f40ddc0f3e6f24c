"""Settings of one reference-server run (filled from the command line by ``cli.py``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

KEEP_EVENTS = 200_000  # events kept for resuming streams; older cursors get 410


@dataclass
class ServerConfig:
    host: str = "127.0.0.1"
    port: int = 8600
    db: Path = Path("ccw-server.sqlite")
    seed: int = 1
    alarm_rate: float = 0.2          # alarms per second of simulated time (Poisson)
    flood: float | None = None       # alarms per second in flood mode (bursts), None = off
    grids: Path | None = None        # GeoJSON FeatureCollection; None = the shipped county
    ping_interval: float = 15.0
    tick: float = 1.0                # simulated seconds per step (and wall seconds between steps)
    sim_steps: int | None = None     # None = simulate for ever, 0 = never
    token_ttl: float = 12 * 3600.0
    keep_events: int = KEEP_EVENTS
    log_level: str = "info"
    streams: bool = False            # serve the cameras' test streams (libVLC, GStreamer children)
    rtsp_tcp: bool = True            # with streams: also GStreamer's RTSP server (TCP and UDP)
    public_url: str | None = None    # this server's base URL as clients reach it (stream URLs)
