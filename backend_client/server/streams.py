"""The reference server's camera streams (``ccw-server --streams``): test clips served in a loop.

Three pieces, all on loopback:

- **libVLC child** (this module run as ``python -m backend_client.server.streams CONFIG``, with
  python-vlc): one player per clip (a handful of clips, shared round-robin by the cameras), each
  looping (``input-repeat``, so open connections survive the loop) into
  ``#duplicate{dst=std{access=http,mux=ts,…},dst=rtp{sdp=rtsp://…}}``: HTTP MPEG-TS on one port
  and RTSP (RTP over UDP only: libVLC refuses RTP over TCP) on another, per clip.
- **HTTP per camera** (in the server itself, ``GET /streams/{camera}/{main|sub}.ts``): relays
  the camera's clip from the libVLC child, so a camera that is offline or made to fail serves
  nothing (404 / 503) and its open connections end at once. These are the URLs the cameras'
  ``streams`` carry.
- **GStreamer RTSP server** (``gst_rtsp.py`` under the system Python): RTSP over TCP and UDP per
  camera (``rtsp://…/C001/main``), relaying the same clips; a pipeline runs only while someone
  watches. Left out, with a log line, where GStreamer's RTSP server is not installed.

A test or the demo's fault menu makes one camera's stream fail and recover with
``POST /api/v1/admin/cameras/{id}/stream {"state": "fail" | "ok"}``; the GStreamer mounts follow
(the mount is removed and its clients disconnected), the per-clip libVLC RTSP URLs do not (they
are shared by every camera of the clip).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

from backend_client.schemas import CameraStreams

from . import clips as clipmod
from .process import die_with_parent, end_process

log = logging.getLogger(__name__)

VARIANTS = ("main", "sub")
SYSTEM_PYTHON = "/usr/bin/python3"
GST_SCRIPT = Path(__file__).with_name("gst_rtsp.py")
START_TIMEOUT = 20.0
def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def gst_available() -> bool:
    """Whether the system Python has GStreamer's RTSP server (Debian packages)."""
    if not os.access(SYSTEM_PYTHON, os.X_OK):
        return False
    probe = ("import gi; gi.require_version('GstRtspServer', '1.0'); "
             "from gi.repository import GstRtspServer")
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True,
                              timeout=20).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


class Child:
    """A supervised helper process: started with a parent-death signal, ``ready`` awaited on
    its stdout, commands written to its stdin, stopped by closing stdin, then SIGTERM."""

    def __init__(self, name: str, cmd: list[str], log_path: Path) -> None:
        self.name = name
        self.cmd = cmd
        self.log_path = log_path
        self.proc: subprocess.Popen[str] | None = None
        self.ready = False               # said "ready" (and has not been stopped since)
        self._lock = threading.Lock()

    def start(self) -> None:
        self.ready = False
        with open(self.log_path, "ab") as err:
            self.proc = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=err, text=True, bufsize=1,
                                         preexec_fn=die_with_parent)
        ready: list[str] = []

        def read() -> None:
            assert self.proc is not None and self.proc.stdout is not None
            for line in self.proc.stdout:
                if line.strip() == "ready":
                    ready.append(line)
                    break
            threading.Thread(target=self._drain, daemon=True).start()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        reader.join(START_TIMEOUT)
        if not ready:
            self.stop()
            raise RuntimeError(f"{self.name} did not start; see {self.log_path}")
        self.ready = True
        log.info("%s started (pid %d)", self.name, self.proc.pid)

    def _drain(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for _ in self.proc.stdout:
            pass

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def send(self, line: str) -> None:
        with self._lock:
            if self.running and self.proc is not None and self.proc.stdin is not None:
                try:
                    self.proc.stdin.write(line + "\n")
                    self.proc.stdin.flush()
                except OSError:
                    log.warning("%s: could not send %r", self.name, line)

    def stop(self, timeout: float = 3.0) -> None:
        proc = self.proc
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(OSError):
                if proc.stdin is not None:
                    proc.stdin.close()
            try:
                proc.wait(timeout)  # closing its stdin asks it to stop
            except subprocess.TimeoutExpired:
                end_process(proc, timeout)


class StreamService:
    """The streams of one server run: children, per-camera URLs and fault states."""

    def __init__(self, base_url: str, workdir: Path | None = None, host: str = "127.0.0.1",
                 labels: int = len(clipmod.LABELS), gst: bool = True) -> None:
        self.base_url = base_url.rstrip("/")
        self.host = host
        self.labels = labels
        self.want_gst = gst
        self._tmp = tempfile.TemporaryDirectory(prefix="ccw-streams-", dir=workdir)
        self.dir = Path(self._tmp.name)
        self.clips: dict[str, clipmod.Clip] = {}
        self.vlc_http_port = 0
        self.vlc_rtsp_port = 0
        self.gst_port: int | None = None
        self.vlc: Child | None = None
        self.gst: Child | None = None
        self.failed: set[str] = set()
        self._told_gst: set[str] = set()   # cameras whose GStreamer mounts are off
        self.generation: dict[str, int] = {}  # bumped at each fail: open relays end
        self.camera_ids: list[str] = []

    # --- life cycle --------------------------------------------------------------------------

    def start(self, camera_ids: list[str]) -> None:
        self.camera_ids = sorted(camera_ids)
        for clip in clipmod.ensure_clips(self.labels):
            self.clips[clip.name] = clip
        self.vlc_http_port, self.vlc_rtsp_port = free_port(), free_port()
        config = self.dir / "vlc.json"
        config.write_text(json.dumps({
            "host": self.host, "http_port": self.vlc_http_port, "rtsp_port": self.vlc_rtsp_port,
            "clips": {name: str(c.path) for name, c in self.clips.items()}}))
        self.vlc = Child("libVLC stream child",
                         [sys.executable, "-m", "backend_client.server.streams", str(config)],
                         self.dir / "vlc.log")
        self.vlc.start()
        if self.want_gst and gst_available():
            self.gst_port = free_port()
            gconf = self.dir / "gst.json"
            mounts = {f"/{cam}/{v}": self.clip_http_url(cam, v)
                      for cam in self.camera_ids for v in VARIANTS}
            gconf.write_text(json.dumps({"host": self.host, "port": self.gst_port,
                                         "mounts": mounts}))
            self.gst = Child("GStreamer RTSP server", [SYSTEM_PYTHON, str(GST_SCRIPT), str(gconf)],
                             self.dir / "gst.log")
            try:
                self.gst.start()
            except RuntimeError:
                log.exception("RTSP over TCP is not served")
                self.gst, self.gst_port = None, None
        elif self.want_gst:
            log.warning("GStreamer's RTSP server (gir1.2-gst-rtsp-server-1.0, python3-gi) is not "
                        "installed: no RTSP over TCP; run installer/setup.sh")
        log.info("streams: %d clips, libVLC HTTP :%d RTSP :%d, GStreamer RTSP :%s",
                 len(self.clips), self.vlc_http_port, self.vlc_rtsp_port, self.gst_port)

    def stop(self) -> None:
        for child in (self.gst, self.vlc):
            if child is not None:
                child.stop()
        self._tmp.cleanup()

    # --- URLs --------------------------------------------------------------------------------

    def clip_of(self, camera_id: str) -> str:
        """The label of the clip a camera shows: round-robin over the cameras' sorted ids."""
        try:
            index = self.camera_ids.index(camera_id)
        except ValueError:
            index = sum(map(ord, camera_id))
        return clipmod.clip_for(index, self.labels)

    def clip_name(self, camera_id: str, variant: str) -> str:
        return f"{self.clip_of(camera_id).lower()}-{variant}"

    def clip_http_url(self, camera_id: str, variant: str) -> str:
        return f"http://{self.host}:{self.vlc_http_port}/{self.clip_name(camera_id, variant)}"

    def camera_streams(self, camera_id: str) -> CameraStreams:
        """What the camera's ``streams`` carries: the server's per-camera HTTP relay."""
        return CameraStreams(main=f"{self.base_url}/streams/{camera_id}/main.ts",
                             sub=f"{self.base_url}/streams/{camera_id}/sub.ts")

    def urls(self, camera_id: str) -> dict[str, dict[str, str] | None]:
        """Every URL of a camera, by transport (for tests and the admin listing)."""
        http = self.camera_streams(camera_id)
        return {
            "http": {"main": http.main or "", "sub": http.sub or ""},
            "rtsp_udp_clip": {v: f"rtsp://{self.host}:{self.vlc_rtsp_port}/"
                                 f"{self.clip_name(camera_id, v)}" for v in VARIANTS},
            "http_clip": {v: self.clip_http_url(camera_id, v) for v in VARIANTS},
            "rtsp": ({v: f"rtsp://{self.host}:{self.gst_port}/{camera_id}/{v}"
                      for v in VARIANTS} if self.gst_port else None),
        }

    # --- faults ------------------------------------------------------------------------------

    def set_failed(self, camera_id: str, failed: bool) -> None:
        if failed:
            self.failed.add(camera_id)
            self.generation[camera_id] = self.generation.get(camera_id, 0) + 1
        else:
            self.failed.discard(camera_id)

    def sync_gst(self, blocked: set[str]) -> None:
        """Tell the GStreamer server which cameras serve nothing (failed or offline)."""
        if self.gst is None:
            return
        for cam in sorted(blocked - self._told_gst):
            for v in VARIANTS:
                self.gst.send(f"fail /{cam}/{v}")
        for cam in sorted(self._told_gst - blocked):
            for v in VARIANTS:
                self.gst.send(f"ok /{cam}/{v}")
        self._told_gst = set(blocked)

    def supervise(self) -> list[str]:
        """Start again any child that died (same ports, same clips); returns their names."""
        restarted = []
        for child in (self.vlc, self.gst):
            if child is not None and not child.running:
                log.warning("%s exited (status %s); starting it again", child.name,
                            child.proc.poll() if child.proc else None)
                try:
                    child.start()
                except RuntimeError:
                    log.exception("%s did not come back", child.name)
                    continue
                if child is self.gst:
                    self._told_gst = set()  # a fresh server serves every mount
                restarted.append(child.name)
        return restarted

    def pids(self) -> dict[str, int | None]:
        return {name: (c.proc.pid if c is not None and c.ready and c.running and c.proc else None)
                for name, c in (("vlc", self.vlc), ("gst", self.gst))}

    async def relay(self, camera_id: str, variant: str) -> AsyncIterator[bytes]:
        """The clip's bytes from the libVLC child for as long as the camera serves."""
        gen = self.generation.get(camera_id, 0)
        reader, writer = await asyncio.open_connection(self.host, self.vlc_http_port)
        try:
            writer.write(f"GET /{self.clip_name(camera_id, variant)} HTTP/1.0\r\n"
                         f"Host: {self.host}\r\n\r\n".encode())
            await writer.drain()
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10.0)
            if b" 200 " not in head.split(b"\r\n", 1)[0]:
                return
            while self.generation.get(camera_id, 0) == gen and camera_id not in self.failed:
                try:
                    chunk = await asyncio.wait_for(reader.read(65536), 0.5)
                except TimeoutError:
                    continue
                if not chunk:
                    return
                yield chunk
        finally:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


# --- the libVLC child --------------------------------------------------------------------------

def serve(config_path: str) -> int:
    """The child: serve every clip in a loop until stdin ends."""
    import vlc

    config = json.loads(Path(config_path).read_text())
    host = config["host"]
    instance = vlc.Instance("--no-audio", "--no-video-title-show", "--quiet", "--vout=dummy",
                            "--aout=dummy", "--no-sout-all", "--sout-keep")
    players = []
    for name, path in config["clips"].items():
        sout = (f"#duplicate{{dst=std{{access=http,mux=ts,dst={host}:{config['http_port']}/"
                f"{name}}},dst=rtp{{sdp=rtsp://{host}:{config['rtsp_port']}/{name}}}}}")
        media = instance.media_new(path, f"sout={sout}", "sout-keep", "input-repeat=65535",
                                   "no-sout-all")
        player = instance.media_player_new()
        player.set_media(media)
        player.play()
        players.append((player, media))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
            p.get_state() not in (vlc.State.Playing,) for p, _ in players):
        time.sleep(0.05)
    print("ready", flush=True)
    for _ in sys.stdin:  # no commands yet; end of input (the server gone) ends the child
        pass
    for player, media in players:
        player.stop()
        player.release()
        media.release()
    instance.release()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level="INFO", stream=sys.stderr)
    raise SystemExit(serve(sys.argv[1]))
