"""The reference server's camera test streams (``ccw-server --streams``): the clips, HTTP MPEG-TS
per camera played by libVLC, RTSP over UDP (libVLC's stream output) and over TCP (GStreamer)
opened by libavformat, offline cameras serving nothing, and a stream made to fail and recover."""

from __future__ import annotations

import json
import subprocess
import time

import httpx
import pytest
import vlc

from backend_client.server import clips
from tests.support.central import Desk
from tests.support.server import ServerProcess


def ffprobe(url: str, *args: str, timeout: float = 15.0) -> dict:
    """Streams of ``url`` as ffprobe (libavformat) sees them; {} when it cannot open it."""
    cmd = ["ffprobe", "-v", "error", *args, "-show_entries",
           "stream=codec_name,profile,width,height,avg_frame_rate:format=duration",
           "-of", "json", url]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {}
    return json.loads(done.stdout) if done.returncode == 0 and done.stdout.strip() else {}


@pytest.fixture(scope="module")
def made_clips() -> list[clips.Clip]:
    return clips.ensure_clips()  # made by installer/setup.sh; made here when missing


@pytest.fixture(scope="module")
def server(made_clips, tmp_path_factory):
    with ServerProcess("--streams", "--sim-steps", "0", "--log-level", "warning",
                       workdir=tmp_path_factory.mktemp("stream-server"),
                       start_timeout=60) as s:
        yield s


@pytest.fixture(scope="module")
def desk(server):
    d = Desk(server.api_url)
    yield d
    d.close()


@pytest.fixture(scope="module")
def streams(desk) -> dict[str, dict]:
    r = desk.get("/admin/streams")
    assert r.status_code == 200, r.text
    return {c["camera_id"]: c for c in r.json()["cameras"]}


@pytest.fixture
def vlc_instance():
    inst = vlc.Instance("--vout=dummy", "--aout=dummy", "--no-audio", "--quiet",
                        "--avcodec-hw=none", "--avcodec-threads=1")
    yield inst
    inst.release()


def online_camera(desk, n: int = 0) -> dict:
    cams = [c for c in desk.get("/snapshot").json()["cameras"] if c["status"] == "online"]
    return sorted(cams, key=lambda c: c["id"])[n]


def set_state(desk, cam_id: str, state: str) -> dict:
    r = desk.http.post(f"/admin/cameras/{cam_id}/stream", json={"state": state})
    assert r.status_code == 200, r.text
    return r.json()


class Watch:
    """A libVLC player on a URL: its state and displayed frames."""

    def __init__(self, inst: vlc.Instance, url: str) -> None:
        self.media = inst.media_new(url, ":network-caching=300")
        self.player = inst.media_player_new()
        self.player.set_media(self.media)
        self.player.play()

    def displayed(self) -> int:
        stats = vlc.MediaStats()
        self.media.get_stats(stats)
        return stats.displayed_pictures

    def wait(self, states: set, timeout: float) -> vlc.State:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.player.get_state()
            if state in states:
                return state
            time.sleep(0.05)
        return self.player.get_state()

    def playing_with_frames(self, timeout: float = 10.0) -> int:
        """Wait for Playing and for the displayed-frame count to grow; returns the growth."""
        assert self.wait({vlc.State.Playing}, timeout) == vlc.State.Playing
        deadline = time.monotonic() + timeout
        first = self.displayed()
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if self.displayed() - first >= 10:
                break
        return self.displayed() - first

    def close(self) -> None:
        self.player.stop()
        self.player.release()
        self.media.release()


def test_clips_are_looping_h264_with_short_gop(made_clips):
    assert len({c.label for c in made_clips}) >= 3
    sizes = {"main": (1280, 720), "sub": (640, 360)}
    for clip in made_clips:
        info = ffprobe(str(clip.path))
        (stream,) = info["streams"]
        assert stream["codec_name"] == "h264"
        assert (stream["width"], stream["height"]) == sizes[clip.variant]
        assert stream["avg_frame_rate"] == "25/1"
        assert 10 <= float(info["format"]["duration"]) <= 20
    sub = next(c for c in made_clips if c.variant == "sub")
    keys = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v", "-show_entries",
                           "frame=key_frame", "-of", "csv=p=0", str(sub.path)],
                          capture_output=True, text=True, timeout=60).stdout.split()
    positions = [i for i, k in enumerate(keys) if k.startswith("1")]
    # A key frame every 0.2 s: a new viewer waits for one before its first picture.
    assert positions[:3] == [0, clips.GOP, 2 * clips.GOP] and clips.GOP <= 5


def test_cameras_carry_the_servers_stream_urls(server, desk, streams):
    cameras = desk.get("/snapshot").json()["cameras"]
    assert len(streams) == len(cameras)
    for cam in cameras:
        assert cam["streams"] == {"main": f"{server.url}/streams/{cam['id']}/main.ts",
                                  "sub": f"{server.url}/streams/{cam['id']}/sub.ts"}
    # A handful of clips shared round-robin, not one per camera.
    assert len({s["clip"] for s in streams.values()}) <= len(clips.LABELS)
    assert httpx.get(f"{server.url}/streams/NOPE/main.ts").status_code == 404
    assert httpx.get(f"{server.url}/streams/{cameras[0]['id']}/huge.ts").status_code == 404


def test_offline_cameras_serve_nothing(server, desk, streams):
    offline = [c for c in desk.get("/snapshot").json()["cameras"] if c["status"] == "offline"]
    assert offline, "the scenario marks some cameras offline"
    cam = offline[0]
    r = httpx.get(cam["streams"]["main"])
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    assert not streams[cam["id"]]["serving"]
    assert ffprobe(streams[cam["id"]]["urls"]["rtsp"]["sub"], "-rtsp_transport", "tcp") == {}


def test_http_ts_plays_in_libvlc_fails_and_recovers(desk, vlc_instance):
    cam = online_camera(desk, 0)
    watch = Watch(vlc_instance, cam["streams"]["sub"])
    try:
        assert watch.playing_with_frames() >= 10
        set_state(desk, cam["id"], "fail")
        began = time.monotonic()
        ended = watch.wait({vlc.State.Ended, vlc.State.Error, vlc.State.Stopped}, 3.0)
        assert ended in (vlc.State.Ended, vlc.State.Error), ended
        assert time.monotonic() - began < 3.0
        r = httpx.get(cam["streams"]["sub"])
        assert r.status_code == 503 and r.json()["error"]["code"] == "unavailable"
    finally:
        set_state(desk, cam["id"], "ok")
        watch.close()
    again = Watch(vlc_instance, cam["streams"]["main"])
    try:
        assert again.playing_with_frames() >= 10
    finally:
        again.close()


def test_rtsp_over_udp_from_libvlc(streams, desk):
    cam = online_camera(desk, 1)
    urls = streams[cam["id"]]["urls"]["rtsp_udp_clip"]
    info = ffprobe(urls["sub"], "-rtsp_transport", "udp")
    assert [(s["codec_name"], s["width"], s["height"]) for s in info["streams"]] == [
        ("h264", 640, 360)]


def test_rtsp_over_tcp_from_gstreamer_fails_and_recovers(streams, desk):
    cam = online_camera(desk, 2)
    urls = streams[cam["id"]]["urls"]["rtsp"]
    assert urls, "GStreamer's RTSP server runs (installer/setup.sh installs it)"
    info = ffprobe(urls["main"], "-rtsp_transport", "tcp")
    assert [(s["codec_name"], s["width"]) for s in info["streams"]] == [("h264", 1280)]
    # A client reading over TCP is cut off when the stream fails.
    reader = subprocess.Popen(["ffmpeg", "-v", "error", "-rtsp_transport", "tcp", "-i",
                               urls["sub"], "-f", "null", "-"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        time.sleep(4)
        assert reader.poll() is None
        set_state(desk, cam["id"], "fail")
        reader.wait(timeout=3)
        assert ffprobe(urls["main"], "-rtsp_transport", "tcp") == {}
    finally:
        reader.kill()
        reader.wait()
        set_state(desk, cam["id"], "ok")
    info = ffprobe(urls["sub"], "-rtsp_transport", "udp")
    assert [(s["codec_name"], s["width"]) for s in info["streams"]] == [("h264", 640)]


def test_admin_endpoint_checks_its_input(desk, server):
    cam = online_camera(desk, 0)
    r = desk.http.post(f"/admin/cameras/{cam['id']}/stream", json={"state": "broken"})
    assert r.status_code == 422 and r.json()["error"]["code"] == "validation_failed"
    assert desk.http.post("/admin/cameras/NOPE/stream", json={"state": "fail"}).status_code == 404
    assert httpx.post(f"{server.api_url}/admin/cameras/{cam['id']}/stream",
                      json={"state": "fail"}).status_code == 401


def test_a_dead_stream_child_is_started_again(desk, vlc_instance):
    import os
    import signal

    pid = desk.get("/admin/streams").json()["children"]["vlc"]
    os.kill(pid, signal.SIGKILL)
    cam = online_camera(desk, 3)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        children = desk.get("/admin/streams").json()["children"]
        if children["vlc"] not in (None, pid):
            break
        time.sleep(0.2)
    assert children["vlc"] not in (None, pid)
    watch = Watch(vlc_instance, cam["streams"]["sub"])
    try:
        assert watch.playing_with_frames() >= 10
    finally:
        watch.close()


def test_streams_are_off_by_default(quiet_server):
    desk = Desk(quiet_server.api_url)
    try:
        r = desk.http.post("/admin/cameras/C001/stream", json={"state": "fail"})
        assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        assert desk.get("/admin/streams").status_code == 404
        assert httpx.get(f"{quiet_server.url}/streams/C001/main.ts").status_code == 404
        cams = desk.get("/snapshot").json()["cameras"]
        assert all(c["streams"] == {"main": None, "sub": None} for c in cams)
    finally:
        desk.close()


def test_without_libvlc_the_server_runs_without_pictures(made_clips, tmp_path, monkeypatch):
    # The libVLC stream child cannot load its library (python-vlc exits): the hall and its
    # simulator still run, the cameras carry no stream URLs, and the log says why.
    monkeypatch.setenv("PYTHON_VLC_LIB_PATH", "/nonexistent/libvlc.so.5")
    with ServerProcess("--streams", "--no-rtsp-tcp", "--sim-steps", "0", workdir=tmp_path,
                       start_timeout=60) as server:
        desk = Desk(server.api_url)
        try:
            cams = desk.get("/snapshot").json()["cameras"]
            assert cams and all(c["streams"] == {"main": None, "sub": None} for c in cams)
            assert desk.get("/admin/streams").status_code == 404
        finally:
            desk.close()
        assert "camera streams are off: libVLC stream child did not start" in server.log_tail(
            200)
