"""Stream fail/recover cycles leak nothing (real server, real libVLC, under Xvfb).

The issue's acceptance: "50 fail/recover cycles leave no leaked players or threads". Two
tiles — one on an HTTP MPEG-TS sub stream, one on an RTSP-over-TCP sub stream through the
ffmpeg relay — go through ``CYCLES`` rounds of: the admin endpoint fails the streams, each
tile says it lost the signal (within the issue's 3 s), the streams recover, each tile is live
again with its picture count going up, without anyone touching it. Native threads, file
descriptors, child processes, live ``TilePlayer``/``RtspRelay`` objects, libVLC media not yet
freed and RSS are measured after a few warm-up cycles and again at the end.

What "fail" does to a client that is already connected (backend_client/server/stream_api.py,
streams.py, gst_rtsp.py), and so what each tile sees:

- HTTP: the server's per-camera relay notices within 0.5 s and ends the response; libVLC
  reports "end" ~1 s after the command, and the 503s of the retries "error".
- RTSP (GStreamer): the mount is removed and its clients are kicked; the ffmpeg relay ends,
  and the tile notices at its next tick (libVLC, reading the relay's loopback UDP, would only
  see the packets stop).

Speed: the tiles get a fast restart policy (``VideoTile(policy=…)``, 0.2–0.4 s; the product's
1 → 8 s schedule is unit-tested in tests/desktop/test_stream_lifecycle.py), which does not
change what this test is about: every cycle really makes and drops players (and relays). An
HTTP cycle takes ~3 s; the RTSP tile's restart (a new relay: ffmpeg's RTSP set-up and probe,
GStreamer's on-demand pipeline) ~3.5 s, so it takes part in every ``RTSP_EVERY``-th cycle (10
of the 50). ``CCW_FAIL_CYCLES=N`` runs another number of cycles.
"""

from __future__ import annotations

import ctypes
import gc
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.state.stream_lifecycle import RestartPolicy
from desktop.video.player import TilePlayer
from desktop.video.rtsp_relay import RtspRelay, needs_relay
from desktop.video.tile import VideoEngine, VideoTile
from tests.factories import make_camera
from tests.support.central import Desk

CYCLES = int(os.environ.get("CCW_FAIL_CYCLES", "50"))
RTSP_EVERY = 5  # the RTSP tile fails in every 5th cycle (10 of 50): its relay restarts slowly
WARM_UP = 2  # cycles before the baseline: libVLC's and Qt's one-off allocations and pools
# Tolerances between the warm-up baseline and the end. Threads and fds: libVLC and Qt may keep
# a few pooled helpers (measured: no change at all over 50 cycles); players left unreleased
# added ~9 threads and ~6 fds a cycle, so a leak shows within a cycle or two.
THREAD_SLACK = 6
FD_SLACK = 8
RSS_GROWTH_MB = 80  # over the second half of the cycles; see the assertion


class MediaCount:
    """Counts the libVLC media the players make (``instance.media_new``) and those libVLC
    frees (its ``MediaFreed`` event). A TilePlayer's Python object goes away whatever libVLC
    still holds; a media kept alive by a stray reference (``get_media()`` retains) does not."""

    def __init__(self, instance: Any) -> None:
        import vlc

        self.made = 0
        self.freed = 0
        self._callbacks: list[Any] = []  # ctypes must not collect them while libVLC holds them
        media_new = instance.media_new

        def counted(*args: Any) -> Any:
            media = media_new(*args)

            def freed(_event: Any) -> None:
                self.freed += 1

            self._callbacks.append(freed)
            media.event_manager().event_attach(vlc.EventType.MediaFreed, freed)
            self.made += 1
            return media

        instance.media_new = counted

    @property
    def live(self) -> int:
        return self.made - self.freed


@dataclass(frozen=True)
class Snapshot:
    threads: int
    fds: int
    children: tuple[str, ...]  # "pid comm state" of each child of this process
    players: int
    relays: int
    media: int  # libVLC media not yet freed
    rss_mb: float

    def __str__(self) -> str:
        return (f"threads={self.threads} fds={self.fds} players={self.players} "
                f"relays={self.relays} media={self.media} rss={self.rss_mb:.1f} MB "
                f"children={list(self.children)}")


def _children() -> tuple[str, ...]:
    """This process's child processes, zombies included (an un-reaped relay is a leak too).
    psutil is not in the venv: PPid from /proc/PID/stat."""
    me = os.getpid()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # ended meanwhile
        # "pid (comm) state ppid …": comm may hold spaces and parentheses.
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
        if int(ppid) == me:
            found.append(f"{entry.name} {comm} {state}")
    return tuple(sorted(found))


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def _trim_malloc() -> None:
    """Give glibc's free pages back to the system: libVLC's threads each get a malloc arena
    (up to 8 per core), and freed pictures left in them made RSS climb ~4 MB a cycle for the
    first 15 cycles with no leak at all (flat from cycle 5 with MALLOC_ARENA_MAX=2)."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc: RSS is then only looser


def _snapshot(media: MediaCount) -> Snapshot:
    gc.collect()  # count what is really kept, not what a reference cycle holds for a moment
    _trim_malloc()
    objects = gc.get_objects()
    return Snapshot(threads=len(os.listdir("/proc/self/task")),
                    fds=len(os.listdir("/proc/self/fd")),
                    children=_children(),
                    players=sum(isinstance(o, TilePlayer) for o in objects),
                    relays=sum(isinstance(o, RtspRelay) for o in objects),
                    media=media.live,
                    rss_mb=_rss_mb())


# Its own timeout: the suite's 120 s is too short for 50 cycles, and pytest-timeout's alarm
# raised inside Qt's event loop does not end the test — it hung instead (seen here).
@pytest.mark.timeout(120 + 8 * CYCLES)
def test_fail_recover_cycles_leak_no_players_threads_or_processes(qtbot, stream_server):
    desk = Desk(stream_server.api_url, "supervisor")
    engine = VideoEngine(software=True)
    media = MediaCount(engine.instance)
    tiles: list[VideoTile] = []
    try:
        listing = desk.get("/admin/streams").json()["cameras"]
        online = [c for c in listing if c["serving"]][:2]
        assert len(online) == 2 and online[0]["urls"]["rtsp"], "GStreamer RTSP is not running"
        urls = [online[0]["urls"]["http"]["sub"], online[1]["urls"]["rtsp"]["sub"]]
        assert urls[0].startswith("http://") and needs_relay(urls[1])
        camera_ids = [entry["camera_id"] for entry in online]
        for camera_id, url in zip(camera_ids, urls, strict=True):
            # 0.2–0.4 s between tries (the product's: 1 → 8 s).
            tile = VideoTile(engine, policy=RestartPolicy(first=0.2, cap=0.4, jitter=0.1))
            qtbot.addWidget(tile)
            tile.resize(320, 200)
            tile.move(40 + 340 * len(tiles), 40)
            tile.show()  # libVLC draws into the tile's native window: it must be mapped
            qtbot.waitExposed(tile)
            tile.set_camera(make_camera(id=camera_id, name=camera_id,
                                        streams={"main": url, "sub": url}))
            tiles.append(tile)
        http_tile, rtsp_tile = tiles

        def each_until(done: Callable[[int, VideoTile], bool], timeout_ms: int,
                       which: list[VideoTile]) -> dict[int, float]:
            """Wait until ``done`` holds for each tile of ``which``; the seconds each took,
            by tile index."""
            t0 = time.monotonic()
            took: dict[int, float] = {}

            def check() -> bool:
                for tile in which:
                    i = tiles.index(tile)
                    if i not in took and done(i, tile):
                        took[i] = time.monotonic() - t0
                return len(took) == len(which)

            qtbot.waitUntil(check, timeout=timeout_ms)
            return took

        def live_and_moving(which: list[VideoTile]) -> dict[int, float]:
            """Live with the displayed-picture count going up (pictures really drawn)."""
            first: dict[int, int] = {}

            def moving(i: int, tile: VideoTile) -> bool:
                count = tile.displayed_pictures()
                if tile.view_label() != "live" or count == 0:
                    first.pop(i, None)
                    return False
                return count > first.setdefault(i, count)

            return each_until(moving, 15_000, which)

        def set_streams(which: list[VideoTile], state: str) -> None:
            for tile in which:
                camera_id = camera_ids[tiles.index(tile)]
                r = desk.command(f"/admin/cameras/{camera_id}/stream", {"state": state})
                assert r.status_code == 200, r.text

        live_and_moving(tiles)
        baseline: Snapshot | None = None
        rss_curve: list[int] = []
        rss_levelled = 0.0  # RSS half-way, once the malloc arenas have filled
        lost: dict[int, list[float]] = {0: [], 1: []}
        back: dict[int, list[float]] = {0: [], 1: []}
        started = time.monotonic()
        for cycle in range(CYCLES):
            if cycle == WARM_UP:
                baseline = _snapshot(media)
                started = time.monotonic()
            if cycle == max(WARM_UP, CYCLES // 2):
                _trim_malloc()
                rss_levelled = _rss_mb()
            if cycle % 5 == 0:  # the RSS curve, for the message: climbing, or levelled off
                _trim_malloc()
                rss_curve.append(round(_rss_mb()))
            cycling = tiles if cycle % RTSP_EVERY == 0 else [http_tile]
            generations = {t: t.lifecycle.generation for t in cycling}
            set_streams(cycling, "fail")
            for i, took in each_until(lambda _i, t: t.view_label() in (
                    "signal_lost", "reconnecting"), 6_000, cycling).items():
                lost[i].append(took)
            set_streams(cycling, "ok")
            for i, took in live_and_moving(cycling).items():
                back[i].append(took)
            # Every cycle really replaced the players (and the RTSP tile's relay).
            assert all(t.lifecycle.generation > g for t, g in generations.items()), \
                f"cycle {cycle}: a tile was not restarted"
        assert baseline is not None, f"CCW_FAIL_CYCLES must be more than {WARM_UP}"
        per_cycle = (time.monotonic() - started) / (CYCLES - WARM_UP)
        end = _snapshot(media)
        print(f"\n{CYCLES} cycles, {per_cycle:.2f} s each after warm-up; signal lost after "
              f"max {max(lost[0]):.2f} s (HTTP) / {max(lost[1]):.2f} s (RTSP, "
              f"{len(lost[1])} cycles); live again after max {max(back[0]):.2f} s (HTTP) / "
              f"{max(back[1]):.2f} s (RTSP)\nwarm-up: {baseline}\nend:     {end}\n"
              f"RSS every 5 cycles (MB): {rss_curve}")

        # The product's thresholds: the 3 s, every cycle, on both tiles.
        assert max(lost[0]) <= 3.0, f"HTTP tile: signal lost after {lost[0]}"
        assert max(lost[1]) <= 3.0, f"RTSP tile: signal lost after {lost[1]}"
        assert http_tile._relay is None and rtsp_tile._relay is not None
        # Every check at once, so a failure shows the whole picture of what leaked.
        ffmpeg = [c for c in end.children if c.split()[1] == "ffmpeg"]
        leaks = [
            what for what, leaked in (
                ("live TilePlayers are not one per tile", end.players != len(tiles)),
                ("live RtspRelays are not one (the RTSP tile's)", end.relays != 1),
                ("libVLC media not freed (not one per tile)", end.media != len(tiles)),
                ("not exactly one running ffmpeg relay",
                 len(ffmpeg) != 1 or ffmpeg[0].split()[2] == "Z"),
                ("child processes leaked", len(end.children) > len(baseline.children)),
                (f"threads leaked (> {THREAD_SLACK} more)",
                 end.threads > baseline.threads + THREAD_SLACK),
                (f"file descriptors leaked (> {FD_SLACK} more)", end.fds > baseline.fds + FD_SLACK),
                # RSS: glibc keeps freed pictures in per-thread malloc arenas, so RSS climbs
                # for ~20 cycles and then levels off: 55–75 MB up alone, but 102 MB once in
                # the whole suite's process (a 1 GB heap by then). So it is measured over the
                # second half: +15 MB alone. Players left unreleased added ~23 MB a cycle
                # (575 MB over 25 cycles) and kept climbing.
                (f"memory grew by {RSS_GROWTH_MB} MB or more over the second half",
                 end.rss_mb - rss_levelled >= RSS_GROWTH_MB),
            ) if leaked]
        assert not leaks, (f"after {CYCLES} cycles: {'; '.join(leaks)}\n"
                           f"warm-up: {baseline}\nend:     {end}")
    finally:
        for tile in tiles:
            tile.stop()
        engine.release()
        desk.close()


FULL_WALL_CYCLES = int(os.environ.get("CCW_FULL_WALL_CYCLES", "2"))


@pytest.mark.timeout(120 + 40 * FULL_WALL_CYCLES)
def test_a_full_wall_whose_streams_all_fail_and_recover_leaks_nothing(qtbot, stream_server):
    """The fault matrix's "camera streams failing and recovering while the wall is full": a
    3 × 3 ``VideoWall`` (the product's tiles, with the product's 1 → 8 s restart schedule)
    on nine live HTTP streams; all nine fail at once and recover, ``FULL_WALL_CYCLES``
    times. Every tile says it lost the signal, every tile is live again by itself, and the
    players, media, threads, files and child processes are where they were after the first
    cycle."""
    from desktop.state.wall_layouts import BY_NAME, WallState
    from desktop.video.wall import VideoWall

    desk = Desk(stream_server.api_url, "supervisor")
    engine = VideoEngine(software=True)
    media = MediaCount(engine.instance)
    wall = VideoWall(engine)
    qtbot.addWidget(wall)
    try:
        listing = [c for c in desk.get("/admin/streams").json()["cameras"] if c["serving"]]
        assert len(listing) >= 9, f"only {len(listing)} cameras serve streams"
        cameras = {c["camera_id"]: make_camera(id=c["camera_id"], name=c["camera_id"], streams={
            "main": c["urls"]["http"]["sub"], "sub": c["urls"]["http"]["sub"]})
            for c in listing[:9]}
        wall.resize(960, 600)
        wall.show()
        qtbot.waitExposed(wall)
        wall.set_cameras(cameras)
        wall.show_state(WallState(BY_NAME["9"], tuple(cameras)))
        tiles = wall.tiles
        assert len(tiles) == 9 and all(t.camera is not None for t in tiles)

        def all_show(labels: tuple[str, ...], timeout_ms: int) -> None:
            qtbot.waitUntil(lambda: all(t.view_label() in labels for t in tiles),
                            timeout=timeout_ms)

        def set_all(state: str) -> None:
            for camera_id in cameras:
                r = desk.command(f"/admin/cameras/{camera_id}/stream", {"state": state})
                assert r.status_code == 200, r.text

        all_show(("live",), 30_000)
        baseline: Snapshot | None = None
        for cycle in range(FULL_WALL_CYCLES + 1):
            if cycle == 1:
                baseline = _snapshot(media)
            set_all("fail")
            all_show(("signal_lost", "reconnecting", "connecting"), 10_000)
            set_all("ok")
            all_show(("live",), 40_000)  # the 1 → 8 s schedule: the last try may be 8 s off
            qtbot.waitUntil(lambda: all(t.displayed_pictures() > 0 for t in tiles),
                            timeout=10_000)
        assert baseline is not None
        end = _snapshot(media)
        print(f"\nfull wall, {FULL_WALL_CYCLES} cycles after the first\nfirst:  {baseline}\n"
              f"end:    {end}")
        leaks = [what for what, leaked in (
            ("live TilePlayers are not one per tile", end.players != len(tiles)),
            ("libVLC media not freed (not one per tile)", end.media != len(tiles)),
            ("child processes leaked", len(end.children) > len(baseline.children)),
            (f"threads leaked (> {THREAD_SLACK} more)",
             end.threads > baseline.threads + THREAD_SLACK),
            (f"file descriptors leaked (> {FD_SLACK} more)", end.fds > baseline.fds + FD_SLACK),
        ) if leaked]
        assert not leaks, f"{'; '.join(leaks)}\nfirst: {baseline}\nend:   {end}"
    finally:
        wall.stop()
        set_all_ok = [c["camera_id"] for c in desk.get("/admin/streams").json()["cameras"]]
        for camera_id in set_all_ok:
            desk.command(f"/admin/cameras/{camera_id}/stream", {"state": "ok"})
        engine.release()
        desk.close()
