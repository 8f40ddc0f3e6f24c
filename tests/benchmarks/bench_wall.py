"""Video wall: CPU (% of one core), RSS and displayed frame rate of the real ``VideoWall`` with
1, 4, 9 and 16 tiles of 640×360@25 HTTP MPEG-TS streams — beside a bare python-vlc grid of
the same streams (the baseline: one ``vlc.Instance`` with the wall's options, native QFrames,
no app code) and the decode floor (``ffmpeg -threads 1 -i URL -f null -`` per stream),
measured in the same run — and the time from assigning a camera to a tile of a playing wall
to its first displayed picture on loopback.

Streams come from one reference server started with ``--streams`` (its libVLC child loops test
clips; the server relays one HTTP MPEG-TS URL per camera). The sub URLs of distinct online
cameras are used for every tile, also as the main stream, so every tile decodes 640×360
whatever its size. The server's CPU is not counted (it is reported beside, for context).

Every configuration runs in its own child process (this script with ``--child app|bare N``),
so the app's and the baseline's CPU and RSS are their own and comparable. The baseline's
frames get the size of the app's picture surfaces (the app's tiles have a bar above the
picture): libVLC's X11 output scales each picture to its window, and that scaling's cost
depends steeply on the exact size (a 3 × 3 grid's full cell at 1600×900, ~532×299, costs
about twice what 528×279 does), so unequal sizes would measure swscale, not the app. The
same grid with frames filling their cells is reported beside (``fill_baseline_*``). After all tiles
show pictures and a warm-up, the child's CPU time (all threads, /proc) is taken over a steady
window; RSS at the end of it. The frame rate is libVLC's ``displayed_pictures`` per second
over the same window (``decoded_video`` reads double), the minimum over the tiles.

Usage: .venv/bin/python tests/benchmarks/bench_wall.py [--warmup S] [--window S] [--sizes 1,4]
Starts its own Xvfb when there is no DISPLAY. The last line printed is one JSON object; the
lines before it are a readable table. Goals are reported, not asserted: the machine this runs
on is small (often 2 cores) and shared, so one run is one sample.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from backend_client.server.process import die_with_parent, end_process  # noqa: E402
from tests.benchmarks.display import ensure_display  # noqa: E402
from tests.benchmarks.proc_stats import CpuMeter, rss_mb  # noqa: E402

SIZES = (1, 4, 9, 16)
WINDOW_W, WINDOW_H = 1600, 900  # a wall screen's pane, as on a hall PC
CACHING_MS = 300  # the bare grid's media option, as the app's tiles use (LOW_LATENCY_CACHING_MS)
FIRST_FRAME_TILES = 9  # first frame is timed on the default (3 × 3) wall, playing
FIRST_FRAME_RUNS = 5
GOAL_RATIO = 1.15
GOAL_FLOOR_RATIO = 1.4
GOAL_FPS = 25
GOAL_FIRST_FRAME_S = 1.0


# --- the children: one configuration each ------------------------------------------------------


def spin(ms: int) -> None:
    """Run the Qt event loop for ``ms`` (no busy wait: the idle loop must cost nothing)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], bool], timeout_s: float, step_ms: int = 20) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        spin(step_ms)
    return True


def anchor(counts: Callable[[], list[int]], timeout_s: float = 1.0) -> list[tuple[float, int]]:
    """Each tile's (time, displayed pictures) at the moment its counter next moves.

    libVLC refreshes its media statistics in steps (every 250 ms in 3.0), so a count read at
    an arbitrary instant is up to a step old; anchoring both ends of the window on a step
    keeps the frame rate's error to the 10 ms polling, not ±2.5 %."""
    start = counts()
    found: list[tuple[float, int] | None] = [None] * len(start)
    deadline = time.monotonic() + timeout_s
    while any(f is None for f in found) and time.monotonic() < deadline:
        spin(10)
        now, current = time.monotonic(), counts()
        for i, (c0, c) in enumerate(zip(start, current, strict=True)):
            if found[i] is None and c != c0:
                found[i] = (now, c)
    now, current = time.monotonic(), counts()
    return [f if f is not None else (now, c) for f, c in zip(found, current, strict=True)]


def measure(counts: Callable[[], list[int]], args: argparse.Namespace) -> dict[str, Any]:
    """Warm-up, then CPU/RSS/fps over the steady window, for this process."""
    spin(int(args.warmup * 1000))
    fps_start = anchor(counts)
    me = CpuMeter([os.getpid()])
    xvfb = CpuMeter([args.xvfb_pid]) if args.xvfb_pid else None
    server = CpuMeter(args.server_pids)
    spin(int(args.window * 1000))
    cpu = me.percent()
    result: dict[str, Any] = {
        "cpu_pct": round(cpu, 1),
        "rss_mb": round(rss_mb(os.getpid()), 1),
        "xvfb_cpu_pct": round(xvfb.percent(), 1) if xvfb else None,
        "server_cpu_pct": round(server.percent(), 1),
    }
    fps_end = anchor(counts)
    rates = [(c1 - c0) / (t1 - t0) if t1 > t0 else 0.0
             for (t0, c0), (t1, c1) in zip(fps_start, fps_end, strict=True)]
    result["fps_min"] = round(min(rates), 1)
    result["fps_mean"] = round(statistics.fmean(rates), 1)
    return result


def load_streams(path: str) -> list[tuple[str, str]]:
    return [(s["id"], s["url"]) for s in json.loads(Path(path).read_text())]


def child_app(n: int, args: argparse.Namespace) -> dict[str, Any]:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.state.wall_layouts import BY_NAME, WallState
    from desktop.video.tile import VideoEngine
    from desktop.video.wall import VideoWall
    from tests.factories import make_camera

    app = QApplication.instance() or QApplication([])
    streams = load_streams(args.streams)
    # main = sub: a 1-tile wall (1600 px wide) would otherwise take the main stream, and the
    # comparison is about the same 640×360 decode everywhere.
    cameras = {cid: make_camera(id=cid, name=cid, streams={"main": url, "sub": url})
               for cid, url in streams}
    engine = VideoEngine(software=True)
    wall = VideoWall(engine)
    wall.resize(*args.geometry)
    wall.show()
    QTest.qWaitForWindowExposed(wall)
    try:
        t0 = time.monotonic()
        wall.set_cameras(cameras)
        shown = [cid for cid, _ in streams[:n]]
        wall.show_state(WallState(BY_NAME[str(n)]).show(shown))
        playing = wait_until(lambda: all(t.displayed_pictures() > 0 for t in wall.tiles), 30)
        result: dict[str, Any] = {"all_playing_s": round(time.monotonic() - t0, 2),
                                  "all_playing": playing,
                                  "tile_px": [wall.tiles[0].surface.width(),
                                              wall.tiles[0].surface.height()]}
        result.update(measure(lambda: [t.displayed_pictures() for t in wall.tiles], args))
        result["labels"] = sorted({t.view_label() for t in wall.tiles})
        if args.first_frame:
            result.update(first_frame(wall, [cid for cid, _ in streams[n:]]))
        return result
    finally:
        wall.stop()
        engine.release()
        del app


def first_frame(wall: Any, spare: list[str]) -> dict[str, Any]:
    """Put cameras not yet on the wall onto tile 0 of the playing wall, one after another.

    Three times per assignment: libVLC's video output starting ("frame" event: the decoder
    has its first picture's format), the first displayed picture (``displayed_pictures() >
    0``; libVLC's counters move every 250 ms, so this can read up to that much late) and the
    tile's lifecycle saying "live" (its badge)."""
    tile = wall.tiles[0]
    vout: list[float] = []
    tile.events.event.connect(lambda _g, kind: vout.append(time.monotonic())
                              if kind == "frame" else None)
    runs: list[dict[str, float | None]] = []
    for cid in spare[:FIRST_FRAME_RUNS]:
        spin(1000)  # the previous camera settles: each assignment starts from a playing tile
        vout.clear()
        t0 = time.monotonic()
        wall.show_state(wall.state.assign(0, cid))
        assert tile.camera is not None and tile.camera.id == cid
        frame = live = None
        deadline = t0 + 10
        while (frame is None or live is None) and time.monotonic() < deadline:
            spin(5)
            now = time.monotonic()
            if frame is None and tile.displayed_pictures() > 0:
                frame = now - t0
            if live is None and tile.view_label() == "live":
                live = now - t0
        runs.append({"frame": frame, "live": live, "vout": vout[0] - t0 if vout else None})

    def times(key: str) -> list[float]:
        return [r[key] for r in runs if r[key] is not None]  # type: ignore[misc]

    frames = times("frame")
    return {
        "first_frame_s": round(statistics.median(frames), 2) if frames else None,
        "first_frame_max_s": round(max(frames), 2) if frames else None,
        "first_frame_runs_s": [round(f, 2) if f is not None else None
                               for f in (r["frame"] for r in runs)],
        "first_frame_missed": len(runs) - len(frames),
        "first_vout_s": round(statistics.median(times("vout")), 2) if times("vout") else None,
        "first_live_s": round(statistics.median(times("live")), 2) if times("live") else None,
    }


def child_bare(n: int, args: argparse.Namespace) -> dict[str, Any]:
    import vlc
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QWidget

    from desktop.video.player import instance_args

    app = QApplication.instance() or QApplication([])
    urls = [url for _, url in load_streams(args.streams)[:n]]
    instance = vlc.Instance(instance_args(True))
    window = QWidget()
    grid = QGridLayout(window)
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setSpacing(2)
    side = math.isqrt(n)
    frames = []
    for i in range(n):
        frame = QFrame()
        frame.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
        if args.tile:
            frame.setFixedSize(*args.tile)  # the app's picture size (see run())
        grid.addWidget(frame, i // side, i % side)
        frames.append(frame)
    window.resize(*args.geometry)
    window.show()
    QTest.qWaitForWindowExposed(window)
    players = []
    t0 = time.monotonic()
    for frame, url in zip(frames, urls, strict=True):
        player = instance.media_player_new()
        media = instance.media_new(url)
        media.add_option(f":network-caching={CACHING_MS}")
        player.set_media(media)
        player.set_xwindow(int(frame.winId()))
        player.play()
        players.append(player)

    def counts() -> list[int]:
        out = []
        for player in players:
            stats = vlc.MediaStats()
            media = player.get_media()
            out.append(int(stats.displayed_pictures)
                       if media is not None and media.get_stats(stats) else 0)
        return out

    try:
        playing = wait_until(lambda: all(c > 0 for c in counts()), 30)
        result: dict[str, Any] = {"all_playing_s": round(time.monotonic() - t0, 2),
                                  "all_playing": playing,
                                  "tile_px": [frames[0].width(), frames[0].height()]}
        result.update(measure(counts, args))
        if args.first_frame:
            result.update(bare_first_frame(instance, players[0],
                                           [url for _, url in load_streams(args.streams)[n:]]))
        return result
    finally:
        for player in players:
            player.stop()
            player.release()
        instance.release()
        del app


def bare_first_frame(instance: Any, player: Any, spare: list[str]) -> dict[str, Any]:
    """The baseline for the first frame: the same switch done straight on a python-vlc player
    of the playing bare grid (stop, new media, play), timed the same way, so what the
    streams and libVLC take is told apart from what the app adds."""
    import vlc

    def displayed() -> int:
        stats = vlc.MediaStats()
        media = player.get_media()
        return int(stats.displayed_pictures) if media is not None and media.get_stats(stats) \
            else 0

    frames: list[float] = []
    for url in spare[:FIRST_FRAME_RUNS]:
        spin(1000)
        t0 = time.monotonic()
        player.stop()
        media = instance.media_new(url)
        media.add_option(f":network-caching={CACHING_MS}")
        player.set_media(media)
        player.play()
        if wait_until(lambda: displayed() > 0, 10, step_ms=5):
            frames.append(time.monotonic() - t0)
    return {"first_frame_s": round(statistics.median(frames), 2) if frames else None,
            "first_frame_max_s": round(max(frames), 2) if frames else None,
            "first_frame_runs_s": [round(f, 2) for f in frames],
            "first_frame_missed": FIRST_FRAME_RUNS - len(frames)}


def run_child(args: argparse.Namespace) -> None:
    kind, n = args.child[0], int(args.child[1])
    result = child_app(n, args) if kind == "app" else child_bare(n, args)
    print(json.dumps(result), flush=True)


# --- the parent ----------------------------------------------------------------------------------


class Interrupted(Exception):
    pass


def _raise_interrupted(signum: int, _frame: FrameType | None) -> None:
    raise Interrupted(f"signal {signum}")


def spawn(cmd: list[str], **kw: Any) -> subprocess.Popen[Any]:
    # A parent-death signal: if this script is killed outright, no child decodes on.
    return subprocess.Popen(cmd, preexec_fn=die_with_parent, **kw)


def run_config(kind: str, n: int, streams_path: Path, args: argparse.Namespace,
               xvfb_pid: int | None, server_pids: list[int], log_dir: Path,
               first: bool = False, tile: Sequence[int] = ()) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind, str(n),
           "--streams", str(streams_path), "--warmup", str(args.warmup),
           "--window", str(args.window), "--geometry", "x".join(map(str, args.geometry)),
           "--server-pids", ",".join(map(str, server_pids))]
    if xvfb_pid:
        cmd += ["--xvfb-pid", str(xvfb_pid)]
    if first:
        cmd.append("--first-frame")
    if tile:
        cmd += ["--tile", "x".join(map(str, tile))]
    log_path = log_dir / f"{kind}-{n}{'-tile' if tile else ''}.log"
    timeout = 45 + args.warmup + args.window + (40 if first else 0)
    with open(log_path, "wb") as log:
        proc = spawn(cmd, stdout=subprocess.PIPE, stderr=log, cwd=ROOT)
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            end_process(proc, 2)
            raise RuntimeError(f"{kind} {n}: no result within {timeout:.0f} s; log tail:\n"
                               + tail(log_path)) from None
        finally:
            end_process(proc, 2)
    lines = out.decode(errors="replace").strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{kind} {n}: exit status {proc.returncode}; log tail:\n"
                           + tail(log_path))
    return json.loads(lines[-1])


def tail(path: Path, lines: int = 25) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def processes(cmds: list[list[str]]) -> Iterator[list[subprocess.Popen[Any]]]:
    procs: list[subprocess.Popen[Any]] = []
    try:
        for cmd in cmds:
            procs.append(spawn(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL))
        yield procs
    finally:
        for proc in procs:
            end_process(proc, 2)


def floor(n: int, urls: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """The decode floor: N single-threaded ffmpeg decodes to nowhere, CPU summed."""
    cmds = [["ffmpeg", "-nostdin", "-v", "error", "-threads", "1", "-i", url, "-f", "null",
             "-"] for url in urls[:n]]
    with processes(cmds) as procs:
        time.sleep(args.warmup)
        dead = [p for p in procs if p.poll() is not None]
        meter = CpuMeter([p.pid for p in procs])
        time.sleep(args.window)
        cpu = meter.percent()
        rss = sum(rss_mb(p.pid) for p in procs)
        dead += [p for p in procs if p.poll() is not None and p not in dead]
    return {"cpu_pct": round(cpu, 1), "rss_mb": round(rss, 1), "ended_early": len(dead)}


def get_streams(server: Any, needed: int) -> tuple[list[tuple[str, str]], list[int], str]:
    from tests.support.central import Desk

    desk = Desk(server.api_url, "supervisor")
    try:
        listing = desk.get("/admin/streams").json()
    finally:
        desk.close()
    online = [(c["camera_id"], c["urls"]["http"]["sub"]) for c in listing["cameras"]
              if c["serving"]]
    clips = {c["clip"] for c in listing["cameras"] if c["serving"]}
    note = f"{len(online)} online cameras serving {len(clips)} clips"
    if len(online) < needed:
        note += f"; FEWER than {needed}: reusing cameras (the same URL on several tiles)"
        online = [online[i % len(online)] for i in range(needed)]
    pids = [int(p) for p in listing.get("children", {}).values() if p]
    return online, pids, note


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--warmup", type=float, default=5.0, help="s after all tiles play")
    ap.add_argument("--window", type=float, default=10.0, help="s of steady measurement")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="tile counts")
    ap.add_argument("--geometry", default=f"{WINDOW_W}x{WINDOW_H}", help="window WxH")
    ap.add_argument("--child", nargs=2, metavar=("KIND", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--streams", help=argparse.SUPPRESS)
    ap.add_argument("--xvfb-pid", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--server-pids", default="", help=argparse.SUPPRESS)
    ap.add_argument("--first-frame", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--tile", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    args.server_pids = [int(p) for p in args.server_pids.split(",") if p]
    args.geometry = tuple(int(v) for v in args.geometry.lower().split("x"))
    args.tile = tuple(int(v) for v in args.tile.split("x")) if args.tile else ()
    if args.child:
        run_child(args)
        return
    # SIGTERM/SIGHUP end the run through the finally blocks (Xvfb, server, ffmpeg stopped).
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _raise_interrupted)
    if not os.environ.get("XDG_RUNTIME_DIR"):
        os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="ccw-xdg-")  # 0700
    xvfb = ensure_display()
    try:
        run(args, xvfb.pid if xvfb is not None else None)
    finally:
        if xvfb is not None:
            end_process(xvfb, 5)


def run(args: argparse.Namespace, xvfb_pid: int | None) -> None:
    from tests.support.server import ServerProcess

    sizes = [int(s) for s in args.sizes.split(",") if s]
    started = time.monotonic()
    cores = os.cpu_count() or 1
    load = os.getloadavg()
    print(f"machine: {cores} cores, load average {load[0]:.2f} {load[1]:.2f} at start; shared:"
          " one run is one sample", file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="ccw-bench-wall-") as tmp:
        tmpdir = Path(tmp)
        server = ServerProcess("--streams", "--sim-steps", "0", "--seed", "3",
                               workdir=tmpdir / "server")
        try:
            needed = max(sizes) + FIRST_FRAME_RUNS
            streams, child_pids, note = get_streams(server, needed)
            server_pids = [server.proc.pid, *child_pids] if server.proc else child_pids
            print(f"streams: {note}", file=sys.stderr, flush=True)
            streams_path = tmpdir / "streams.json"
            streams_path.write_text(json.dumps([{"id": i, "url": u} for i, u in streams]))
            urls = [u for _, u in streams]
            rows: dict[int, dict[str, dict[str, Any]]] = {}
            for n in sizes:
                first = n == FIRST_FRAME_TILES or (FIRST_FRAME_TILES not in sizes
                                                   and n == sizes[-1])
                row = rows[n] = {}
                print(f"{n} tiles: app …", file=sys.stderr, flush=True)
                row["app"] = run_config("app", n, streams_path, args, xvfb_pid, server_pids,
                                        tmpdir, first)
                # The baseline's pictures get the app's picture size: libVLC scales each
                # picture to its window, and that scaling's cost jumps with the exact size
                # (640×360 → ~532×299, a 3 × 3 grid's cell at 1600×900, costs twice what
                # → 528×279 does), so unequal sizes would compare swscale, not the app.
                print(f"{n} tiles: bare grid …", file=sys.stderr, flush=True)
                row["bare"] = run_config("bare", n, streams_path, args, xvfb_pid, server_pids,
                                         tmpdir, first, tile=row["app"]["tile_px"])
                # The same grid with frames filling their cells (no bar above the picture):
                # what the platform notes measured; reported beside, not compared.
                print(f"{n} tiles: bare grid, frames filling the cells …", file=sys.stderr,
                      flush=True)
                row["fill"] = run_config("bare", n, streams_path, args, xvfb_pid,
                                         server_pids, tmpdir)
                print(f"{n} tiles: ffmpeg floor …", file=sys.stderr, flush=True)
                row["floor"] = floor(n, urls, args)
        finally:
            server.close()
    report(rows, note, cores, load, time.monotonic() - started, args)


def report(rows: dict[int, dict[str, dict[str, Any]]], note: str, cores: int,
           load: tuple[float, float, float], runtime_s: float, args: argparse.Namespace) -> None:
    result: dict[str, Any] = {"benchmark": "wall", "cores": cores,
                              "load_avg_1m_at_start": round(load[0], 2),
                              "streams": note, "stream": "640x360@25 H.264 HTTP MPEG-TS",
                              "window_px": list(args.geometry), "warmup_s": args.warmup,
                              "window_s": args.window}
    print(f"Video wall, {args.geometry[0]}×{args.geometry[1]}, 640×360@25 HTTP-TS sub streams;"
          f" {cores} cores,"
          f" shared (load {load[0]:.2f} at start); CPU in % of one core over {args.window:.0f} s"
          f" after {args.warmup:.0f} s warm-up; RSS in MiB")
    head = (f"{'N':>3} | {'app cpu':>7} {'rss':>6} {'fps':>5} | {'bare cpu':>8} {'rss':>6}"
            f" {'fps':>5} | {'floor':>6} | {'cpu×':>5} {'rss×':>5} {'flr×':>5} |"
            f" {'xvfb a/b':>10} | {'server':>6} | {'fill cpu':>8} {'rss':>6} {'fps':>5}")
    print(head)
    print("-" * len(head))
    first: dict[str, Any] = {}
    for n, row in rows.items():
        app, bare, flo, fill = row["app"], row["bare"], row["floor"], row["fill"]
        result.update({
            f"cpu_pct_{n}": app["cpu_pct"], f"rss_mb_{n}": app["rss_mb"],
            f"fps_min_{n}": app["fps_min"],
            f"baseline_cpu_pct_{n}": bare["cpu_pct"], f"baseline_rss_mb_{n}": bare["rss_mb"],
            f"baseline_fps_min_{n}": bare["fps_min"],
            f"floor_cpu_pct_{n}": flo["cpu_pct"], f"floor_rss_mb_{n}": flo["rss_mb"],
            f"cpu_ratio_{n}": ratio(app["cpu_pct"], bare["cpu_pct"]),
            f"rss_ratio_{n}": ratio(app["rss_mb"], bare["rss_mb"]),
            f"floor_ratio_{n}": ratio(app["cpu_pct"], flo["cpu_pct"]),
            f"baseline_floor_ratio_{n}": ratio(bare["cpu_pct"], flo["cpu_pct"]),
            f"xvfb_cpu_pct_{n}": app["xvfb_cpu_pct"],
            f"baseline_xvfb_cpu_pct_{n}": bare["xvfb_cpu_pct"],
            f"server_cpu_pct_{n}": app["server_cpu_pct"],
            f"all_playing_s_{n}": app["all_playing_s"],
            f"baseline_all_playing_s_{n}": bare["all_playing_s"],
            f"tile_px_{n}": app["tile_px"],
            f"fill_baseline_cpu_pct_{n}": fill["cpu_pct"],
            f"fill_baseline_rss_mb_{n}": fill["rss_mb"],
            f"fill_baseline_fps_min_{n}": fill["fps_min"],
            f"fill_baseline_xvfb_cpu_pct_{n}": fill["xvfb_cpu_pct"],
            f"fill_tile_px_{n}": fill["tile_px"],
        })
        if not (app["all_playing"] and bare["all_playing"] and fill["all_playing"]) \
                or flo["ended_early"]:
            result[f"warning_{n}"] = (f"all playing: app {app['all_playing']}, bare "
                                      f"{bare['all_playing']}, fill {fill['all_playing']};"
                                      f" ffmpeg ended early: {flo['ended_early']}")
        if "first_frame_s" in app:
            first = {k: v for k, v in app.items() if k.startswith("first_")}
            first["first_frame_tiles"] = n
            first.update({f"baseline_{k}": v for k, v in bare.items()
                          if k.startswith("first_")})
        xv = f"{app['xvfb_cpu_pct']}/{bare['xvfb_cpu_pct']}" if app["xvfb_cpu_pct"] else "-"
        print(f"{n:>3} | {app['cpu_pct']:>6}% {app['rss_mb']:>6} {app['fps_min']:>5} |"
              f" {bare['cpu_pct']:>7}% {bare['rss_mb']:>6} {bare['fps_min']:>5} |"
              f" {flo['cpu_pct']:>5}% | {result[f'cpu_ratio_{n}']!s:>5}"
              f" {result[f'rss_ratio_{n}']!s:>5} {result[f'floor_ratio_{n}']!s:>5} |"
              f" {xv:>10} | {app['server_cpu_pct']:>5}% |"
              f" {fill['cpu_pct']:>7}% {fill['rss_mb']:>6} {fill['fps_min']:>5}")
    print("(fps = minimum over tiles of displayed pictures/s; bare = python-vlc grid with"
          " frames of the app's picture-surface size"
          f" { {n: rows[n]['app']['tile_px'] for n in rows} }; fill = the same grid with frames"
          f" filling their cells { {n: rows[n]['fill']['tile_px'] for n in rows} }; ratios are"
          " app/bare and app/floor; xvfb a/b = Xvfb's CPU during app/bare; server CPU not"
          " counted)")
    result.update(first)
    if first:
        print(f"first frame after assigning a camera to a tile of a playing "
              f"{first['first_frame_tiles']}-tile wall: median {first['first_frame_s']} s, max"
              f" {first['first_frame_max_s']} s (runs {first['first_frame_runs_s']}); video"
              f" output up {first['first_vout_s']} s; badge 'live' {first['first_live_s']} s;"
              f" bare python-vlc player: median {first.get('baseline_first_frame_s')} s, max"
              f" {first.get('baseline_first_frame_max_s')} s")
    result.update({"goal_cpu_ratio": GOAL_RATIO, "goal_rss_ratio": GOAL_RATIO,
                   "goal_floor_ratio": GOAL_FLOOR_RATIO, "goal_fps": GOAL_FPS,
                   "goal_first_frame_s": GOAL_FIRST_FRAME_S,
                   "runtime_s": round(runtime_s, 1)})
    print(f"runtime {runtime_s:.0f} s")
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    try:
        main()
    except Interrupted as e:
        sys.exit(f"bench_wall: interrupted ({e})")
