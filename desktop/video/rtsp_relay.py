"""RTSP for libVLC builds that cannot open it (Debian's and Ubuntu's: no live555).

Cameras and the hall's media servers offer RTSP; the distributions' libVLC cannot open
``rtsp://``. Where that is so, each RTSP stream goes through a supervised ``ffmpeg -c copy``
relay: libavformat speaks RTSP (over TCP or UDP), copies the packets — no decoding, a few
percent of a core — into MPEG-TS on a loopback UDP port, and libVLC plays that. Decoding and
drawing stay in libVLC. Where libVLC has its own RTSP (Windows and macOS builds ship live555)
it is used directly.

Why a child process rather than an in-process remux (PyAV): ffmpeg is already a set-up
dependency, a stuck or crashing demuxer cannot take the UI process with it, and killing a
relay is a clean way to drop a stalled camera. The relay is not restarted here: the tile's
stream lifecycle sees the stall and asks for a new relay with its backoff.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import threading
from collections import deque
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from backend_client.server.process import end_process

log = logging.getLogger(__name__)

# Where libVLC keeps its plugins on the platforms we know; VLC_PLUGIN_PATH first.
_PLUGIN_DIRS = ("/usr/lib/x86_64-linux-gnu/vlc/plugins", "/usr/lib/aarch64-linux-gnu/vlc/plugins",
                "/usr/lib/vlc/plugins", "/usr/lib64/vlc/plugins")


def has_live555(plugin_dirs: Sequence[str]) -> bool:
    """Whether libVLC's live555 plugin (its own RTSP) is in one of these plugin folders."""
    return any(any(Path(d).glob("**/liblive555_plugin.*")) for d in plugin_dirs
               if Path(d).is_dir())


@cache
def libvlc_has_rtsp() -> bool:
    """Whether this machine's libVLC can open ``rtsp://`` itself."""
    env = os.environ.get("VLC_PLUGIN_PATH")
    return has_live555([*(env.split(os.pathsep) if env else []), *_PLUGIN_DIRS])


def needs_relay(url: str, *, libvlc_rtsp: bool | None = None) -> bool:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("rtsp", "rtsps", "rtspt"):
        return False
    return not (libvlc_has_rtsp() if libvlc_rtsp is None else libvlc_rtsp)


def _free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RelayError(RuntimeError):
    """The relay could not start (no ffmpeg); ``str(e)`` says why."""


class RtspRelay:
    """One RTSP stream relayed to ``local_url`` (``udp://@127.0.0.1:PORT``) for libVLC.

    ``transport``: "tcp" (through firewalls and NAT, the default) or "udp" (lower latency on
    a clean LAN)."""

    def __init__(self, url: str, transport: str = "tcp", ffmpeg: str | None = None) -> None:
        if transport not in ("tcp", "udp"):
            raise ValueError(f"RTSP transport must be tcp or udp, not {transport!r}")
        self.url = url
        self.transport = transport
        self._ffmpeg = ffmpeg or shutil.which("ffmpeg")
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self.errors: deque[str] = deque(maxlen=20)  # ffmpeg's last complaints, for the log
        self._drainer: threading.Thread | None = None

    @property
    def local_url(self) -> str:
        return f"udp://@127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        assert self._ffmpeg is not None
        return [self._ffmpeg, "-hide_banner", "-loglevel", "error", "-nostdin",
                "-rtsp_transport", self.transport,
                # Low latency: no input buffering, give up on a silent camera in 5 s (the
                # lifecycle has noticed the stall long before and asks for a new relay).
                "-fflags", "nobuffer", "-flags", "low_delay", "-timeout", "5000000",
                "-i", self.url, "-map", "0:v:0", "-c", "copy", "-f", "mpegts",
                f"udp://127.0.0.1:{self.port}?pkt_size=1316"]

    def start(self) -> str:
        """Start relaying; the URL for libVLC. Raises ``RelayError`` without ffmpeg."""
        if self._ffmpeg is None:
            raise RelayError("ffmpeg is not installed: RTSP cameras cannot be shown on this "
                             "workstation (the set-up script installs it)")
        self.stop()
        self.port = _free_udp_port()
        self._proc = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Read ffmpeg's complaints as they come (a full pipe would stall the relay).
        self._drainer = threading.Thread(target=self._drain, args=(self._proc,), daemon=True,
                                         name="ccw-rtsp-relay-log")
        self._drainer.start()
        log.info("RTSP relay for %s (%s) on %s, pid %d", self.url, self.transport,
                 self.local_url, self._proc.pid)
        return self.local_url

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def stop(self, timeout: float = 2.0) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        end_process(proc, timeout)
        if self._drainer is not None:
            self._drainer.join(1.0)  # its last lines, before they are logged
        if self.errors:
            log.warning("RTSP relay for %s ended: %s", self.url, " | ".join(self.errors))

    def _drain(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stderr is not None
        with proc.stderr:
            for line in proc.stderr:
                self.errors.append(line.decode(errors="replace").strip())
