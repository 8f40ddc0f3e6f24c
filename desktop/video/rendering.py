"""How the wall decodes and draws: hardware decoding and OpenGL output where this PC has a GPU,
libVLC's plain X11 output and software decoding where OpenGL itself is software.

Why it matters: on a PC without a GPU (and under Xvfb) Mesa renders OpenGL with llvmpipe on
the CPU, and libVLC's OpenGL output then costs ~57 % of a core per 640×360 stream against
5.5 % for the X11 output (platform notes). So the wall asks Qt which OpenGL renderer it gets
and goes software when that renderer is a software rasteriser. The officer's setting
("automatic", "software", "hardware") overrides the detection, for the PC whose driver lies.

``VideoMode`` also carries the caching: "low latency" (about 300 ms, the desk default: a
PTZ move shows at once) or "smooth" (1.5 s, for wall screens where nobody steers a camera
and a steadier picture on a busy network matters more).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Literal

log = logging.getLogger(__name__)

Rendering = Literal["auto", "software", "hardware"]
Latency = Literal["low", "smooth"]
RENDERINGS: tuple[Rendering, ...] = ("auto", "software", "hardware")
LATENCIES: tuple[Latency, ...] = ("low", "smooth")

LOW_LATENCY_CACHING_MS = 300
SMOOTH_CACHING_MS = 1500

# Substrings of GL_RENDERER that mean "OpenGL on the CPU" (Mesa, Windows, Chrome's).
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "software rasterizer", "swrast",
                      "swiftshader", "microsoft basic render", "gdi generic", "lavapipe")


@dataclass(frozen=True)
class Gpu:
    renderer: str  # GL_RENDERER, or why there is none
    hardware: bool


@dataclass(frozen=True)
class VideoMode:
    software: bool
    caching_ms: int

    @classmethod
    def choose(cls, rendering: str, latency: str, gpu: Gpu | None) -> VideoMode:
        """The officer's settings over the detected GPU (``None``: not detected yet)."""
        if rendering == "software":
            software = True
        elif rendering == "hardware":
            software = False
        else:
            software = gpu is None or not gpu.hardware
        caching = SMOOTH_CACHING_MS if latency == "smooth" else LOW_LATENCY_CACHING_MS
        return cls(software, caching)


def is_software_renderer(renderer: str) -> bool:
    name = renderer.casefold()
    return not name or any(s in name for s in SOFTWARE_RENDERERS)


_detected: Gpu | None = None


def detect_gpu() -> Gpu:
    """Ask Qt for an OpenGL context and read its renderer (once per process; needs a
    QGuiApplication). No context at all counts as no GPU."""
    global _detected
    if _detected is not None:
        return _detected
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

    gl_renderer = 0x1F01
    context = QOpenGLContext()
    surface = QOffscreenSurface()
    try:
        if not context.create():
            _detected = Gpu("no OpenGL context", False)
        else:
            surface.setFormat(context.format())
            surface.create()
            if not context.makeCurrent(surface):
                _detected = Gpu("OpenGL context not usable", False)
            else:
                renderer = str(context.functions().glGetString(gl_renderer) or "")
                context.doneCurrent()
                _detected = Gpu(renderer, not is_software_renderer(renderer))
    except Exception as e:  # noqa: BLE001 - a driver fault must not stop the wall
        log.warning("video: OpenGL detection failed: %s", e)
        _detected = Gpu(f"detection failed: {e}", False)
    finally:
        surface.destroy()
    log.info("video: OpenGL renderer %r → %s rendering", _detected.renderer,
             "hardware" if _detected.hardware else "software")
    return _detected
