"""Looping test clips for the reference server's camera streams (build artefacts, not committed).

A few distinct clips (``CAM-A``, ``CAM-B``, …), each in a main (1280×720) and a sub (640×360)
variant, made with ffmpeg's lavfi ``testsrc2`` and the label plus a running clock burned in by
``drawtext`` (a fixed CJK-capable font; without the font or the filter the clip has no text and
a log line says so). H.264 in MPEG-TS, 25 fps, a key frame every 0.4 s (GOP 10: a new viewer waits
for one before its first picture), no B-frames.
Cameras share them round-robin: there are a handful of files however many cameras there are.

Made once into a cache directory (``CCW_CLIPS_DIR``, else ``<repo>/build/clips``; installed from
the .deb, ``/var/cache/ccw/clips``) and reused;
``python -m backend_client.server.clips`` makes them ahead of time (the set-up script does).
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
LABELS = ("CAM-A", "CAM-B", "CAM-C", "CAM-D")
FPS = 25
GOP = 5
SECONDS = 12
# variant: (width, height, video bit rate)
VARIANTS = {"main": (1280, 720, "1500k"), "sub": (640, 360, "400k")}
FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)


@dataclass(frozen=True)
class Clip:
    label: str      # e.g. "CAM-A"
    variant: str    # "main" or "sub"
    path: Path

    @property
    def name(self) -> str:
        """The clip's stream name: ``cam-a-main``."""
        return f"{self.label.lower()}-{self.variant}"


# Where the .deb's postinst makes them (the installed bundle cannot write under /opt, and
# making them at the demo's first start would outlast the server's start-up timeout).
INSTALLED_CLIPS = Path("/var/cache/ccw/clips")


def clips_dir() -> Path:
    if os.environ.get("CCW_CLIPS_DIR"):
        return Path(os.environ["CCW_CLIPS_DIR"])
    if getattr(sys, "frozen", False):  # the packaged workstation (installer/ccw.spec)
        if any(INSTALLED_CLIPS.glob("*.ts")):
            return INSTALLED_CLIPS
        return platformdirs.user_cache_path("ccw") / "clips"
    return REPO / "build" / "clips"


@functools.cache
def find_font() -> str | None:
    """A CJK-capable font file: a known Noto CJK path, else whatever fontconfig picks for
    Simplified Chinese."""
    for path in FONT_CANDIDATES:
        if Path(path).is_file():
            return path
    if shutil.which("fc-match"):
        try:
            out = subprocess.run(["fc-match", "-f", "%{file}", "sans-serif:lang=zh-cn"],
                                 capture_output=True, text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            out = ""
        if out and Path(out).is_file():
            return out
    return None


@functools.cache
def has_drawtext() -> bool:
    try:
        out = subprocess.run(["ffmpeg", "-hide_banner", "-filters"], capture_output=True,
                             text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return " drawtext " in out


def _filter(label: str, variant: str, width: int, height: int) -> tuple[str, bool]:
    """The lavfi graph for one clip, and whether it burns in text."""
    src = f"testsrc2=size={width}x{height}:rate={FPS}:duration={SECONDS}"
    font = find_font()
    if font is None or not has_drawtext():
        return src, False
    size = max(14, height // 12)
    caption = f"{label} {'主码流' if variant == 'main' else '子码流'} {width}x{height}"
    common = (f"fontfile='{font}':fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=6:"
              f"fontsize={size}")
    # drawtext's own escaping: ':' in the expansion must be escaped inside the filter graph.
    return (f"{src},drawtext={common}:x=12:y=12:text='{caption}',"
            f"drawtext={common}:x=12:y=h-th-12:text='%{{pts\\:hms}}  #%{{n}}'"), True


def _clip_path(label: str, variant: str) -> Path:
    width, height, rate = VARIANTS[variant]
    key = f"{label}|{variant}|{width}x{height}|{rate}|{FPS}|{GOP}|{SECONDS}|{find_font()}"
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    return clips_dir() / f"{label.lower()}-{variant}-{digest}.ts"


def make_clip(label: str, variant: str) -> Path:
    """Make one clip unless it is already there; returns its path."""
    path = _clip_path(label, variant)
    if path.is_file() and path.stat().st_size > 0:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    width, height, rate = VARIANTS[variant]
    graph, text = _filter(label, variant, width, height)
    if not text:
        log.warning("clip %s %s: no CJK font or no drawtext filter; making it without text",
                    label, variant)
    tmp = path.with_suffix(f".tmp{os.getpid()}.ts")
    cmd = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
           "-f", "lavfi", "-i", graph,
           "-c:v", "libx264", "-preset", "veryfast", "-tune", "zerolatency",
           "-profile:v", "main", "-pix_fmt", "yuv420p", "-bf", "0",
           "-g", str(GOP), "-keyint_min", str(GOP), "-sc_threshold", "0",
           "-b:v", rate, "-maxrate", rate, "-bufsize", rate,
           "-f", "mpegts", str(tmp)]
    log.info("making clip %s", path.name)
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(f"ffmpeg could not make {path.name}: {done.stderr.strip()[-2000:]}")
    tmp.replace(path)
    return path


def ensure_clips(labels: int = len(LABELS)) -> list[Clip]:
    """The first ``labels`` clips of each variant, made if missing (main and sub per label)."""
    return [Clip(label, variant, make_clip(label, variant))
            for label in LABELS[:labels] for variant in VARIANTS]


def clip_for(camera_index: int, labels: int = len(LABELS)) -> str:
    """The label that camera number ``camera_index`` (0-based) shares, round-robin."""
    return LABELS[camera_index % min(labels, len(LABELS))]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m backend_client.server.clips",
                                description="Make the reference server's test clips.")
    p.add_argument("--labels", type=int, default=len(LABELS), choices=range(1, len(LABELS) + 1))
    a = p.parse_args(argv)
    logging.basicConfig(level="INFO", stream=sys.stderr, format="%(levelname)s %(message)s")
    for clip in ensure_clips(a.labels):
        print(clip.path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
