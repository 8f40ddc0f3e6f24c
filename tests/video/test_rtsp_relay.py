"""The RTSP relay's decisions and its process handling (its end-to-end test plays the
reference server's RTSP streams through it: tests/video/test_rtsp_relay_live.py)."""

from __future__ import annotations

import sys

import pytest

from desktop.video.rtsp_relay import RelayError, RtspRelay, has_live555, needs_relay


def test_only_rtsp_without_live555_needs_a_relay(tmp_path):
    assert needs_relay("rtsp://cam/1", libvlc_rtsp=False)
    assert needs_relay("RTSPT://cam/1", libvlc_rtsp=False)
    assert not needs_relay("rtsp://cam/1", libvlc_rtsp=True)
    assert not needs_relay("http://cam/1.ts", libvlc_rtsp=False)
    assert not needs_relay("file:///clips/a.mp4", libvlc_rtsp=False)
    assert not has_live555([str(tmp_path)])
    (tmp_path / "demux").mkdir()
    (tmp_path / "demux" / "liblive555_plugin.so").write_bytes(b"")
    assert has_live555([str(tmp_path), "/nonexistent"])


def test_this_debian_libvlc_has_no_rtsp():
    # The platform notes' fact this module exists for; if a future libVLC gains live555,
    # the relay simply stops being used.
    assert needs_relay("rtsp://127.0.0.1/x") == (not has_live555(
        ["/usr/lib/x86_64-linux-gnu/vlc/plugins"]))


def test_command_copies_video_to_loopback_udp():
    relay = RtspRelay("rtsp://10.0.0.5/main", "udp", ffmpeg="/usr/bin/ffmpeg")
    relay.port = 50000
    cmd = relay.command()
    assert cmd[cmd.index("-rtsp_transport") + 1] == "udp"
    assert cmd[cmd.index("-c") + 1] == "copy"
    assert cmd[-1] == "udp://127.0.0.1:50000?pkt_size=1316"
    assert relay.local_url == "udp://@127.0.0.1:50000"
    with pytest.raises(ValueError):
        RtspRelay("rtsp://x", "http")


def test_without_ffmpeg_the_relay_says_so():
    relay = RtspRelay("rtsp://x/y")
    relay._ffmpeg = None
    with pytest.raises(RelayError, match="ffmpeg is not installed"):
        relay.start()


def test_a_relay_that_dies_is_seen_and_stopping_is_clean(tmp_path):
    # A stand-in "ffmpeg" that complains and exits: the relay notices and keeps the complaint.
    fake = tmp_path / "ffmpeg"
    fake.write_text(f"#!{sys.executable}\nimport sys\nsys.stderr.write('no route\\n')\n"
                    "sys.exit(1)\n")
    fake.chmod(0o755)
    relay = RtspRelay("rtsp://127.0.0.1:9/none", ffmpeg=str(fake))
    url = relay.start()
    assert url.startswith("udp://@127.0.0.1:")
    relay._proc.wait(5)
    assert not relay.running()
    relay.stop()
    assert list(relay.errors) == ["no route"]
    relay.stop()  # twice is fine
