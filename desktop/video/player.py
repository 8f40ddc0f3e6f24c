"""``TilePlayer``: one libVLC media player drawing into one native window, with its events
brought to the UI thread.

libVLC calls its event callbacks on its own threads; touching a widget there crashes Qt
sooner or later. The callbacks here only emit a Qt signal of a QObject living on the UI
thread; Qt queues a cross-thread emission, so every handler runs on the UI thread. Each event
carries the player's *generation* (which start it belongs to), so the stream lifecycle can
ignore a replaced player's late events.

The options are the platform notes' cheapest wall: no audio, no OSD or title, software
decoding in one thread, and on a machine without a GPU the plain X11 output (libVLC would
otherwise pick OpenGL for a window, ~10× the CPU under llvmpipe).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.video.rendering import LOW_LATENCY_CACHING_MS

log = logging.getLogger(__name__)

BASE_ARGS = ("--no-audio", "--aout=dummy", "--no-osd", "--no-video-title-show", "--no-spu",
             "--swscale-mode=0", "--avcodec-threads=1", "--no-xlib", "--quiet")
SOFTWARE_ARGS = ("--avcodec-hw=none", "--gl=none", "--gles2=none")


def instance_args(software: bool, extra: Sequence[str] = ()) -> list[str]:
    return [*BASE_ARGS, *(SOFTWARE_ARGS if software else ()), *extra]


def _is_mpeg_ts(url: str) -> bool:
    """HTTP MPEG-TS (a ``.ts`` path) or the RTSP relay's UDP MPEG-TS."""
    path = url.split("?", 1)[0].casefold()
    return path.endswith(".ts") or path.startswith("udp://")


class PlayerEvents(QObject):
    """Emitted on the UI thread: (generation, kind) with kind one of "opening", "playing",
    "frame" (the video output started), "error", "end". Ongoing pictures are counted by
    polling ``TilePlayer.displayed_pictures`` (libVLC sends no per-frame event)."""

    event = Signal(int, str)
    retired = Signal()  # a replaced player (and relay) of this tile has been stopped and freed


_KINDS = {
    "MediaPlayerOpening": "opening",
    "MediaPlayerPlaying": "playing",
    "MediaPlayerVout": "frame",
    "MediaPlayerEncounteredError": "error",
    "MediaPlayerEndReached": "end",
}


class TilePlayer:
    """One start of one stream: a libVLC player for ``generation``. A restart makes a new
    TilePlayer (a new generation), so a replaced player's late events can never be taken
    for the new one's."""

    def __init__(self, instance: Any, events: PlayerEvents, generation: int) -> None:
        import vlc

        self._vlc = vlc
        self.player = instance.media_player_new()
        self.instance = instance
        self.events = events
        self.generation = generation
        self._window: int | None = None
        manager = self.player.event_manager()
        # Keep the callbacks referenced: ctypes must not collect them while libVLC holds them.
        self._callbacks = []
        for name, kind in _KINDS.items():
            def callback(_event: Any, kind: str = kind) -> None:
                # On a libVLC thread: only the (thread-safe, queued) signal emission here.
                events.event.emit(generation, kind)
            self._callbacks.append(callback)
            manager.event_attach(getattr(vlc.EventType, name), callback)

    def set_window(self, window_id: int) -> None:
        """Draw into this native window (again after the tile was re-parented: floating or
        docking a pane gives its widgets new native windows)."""
        self._window = window_id
        if sys.platform.startswith("win"):
            self.player.set_hwnd(window_id)
        elif sys.platform == "darwin":
            self.player.set_nsobject(window_id)
        else:
            self.player.set_xwindow(window_id)

    def play(self, url: str, caching_ms: int = LOW_LATENCY_CACHING_MS) -> None:
        media = self.instance.media_new(url)
        media.add_option(f":network-caching={caching_ms}")
        media.add_option(":no-audio")
        if _is_mpeg_ts(url):
            # Straight to the TS demuxer: probing the others first costs time to first
            # picture on every start and every reconnect.
            media.add_option(":demux=ts")
        self.player.set_media(media)
        media.release()
        self.player.video_set_mouse_input(False)  # clicks and keys go to the tile widget
        self.player.video_set_key_input(False)
        self.player.play()

    def stop(self) -> None:
        """Stop (blocks until libVLC's threads have stopped: tens of ms)."""
        self.player.stop()

    def displayed_pictures(self) -> int:
        """Pictures shown since the media started (libVLC's ``decoded_video`` reads double)."""
        media = self.player.get_media()
        if media is None:
            return 0
        try:
            stats = self._vlc.MediaStats()
            if not media.get_stats(stats):
                return 0
            return int(stats.displayed_pictures)
        finally:
            # libVLC's get_media() retains the media and python-vlc never releases it: without
            # this, one reference per call (every tick) and the media of every player ever
            # started stayed allocated (no MediaFreed event after the player's release).
            media.release()

    def snapshot(self, path: str) -> bool:
        """The current picture at the stream's size as a PNG (libVLC writes it at once)."""
        return int(self.player.video_take_snapshot(0, path, 0, 0)) == 0

    def detach(self) -> None:
        """Nothing from this player reaches the UI any more (cheap: the UI thread does it
        before handing the player to ``release`` elsewhere)."""
        if self._callbacks:
            manager = self.player.event_manager()
            for name in _KINDS:
                manager.event_detach(getattr(self._vlc.EventType, name))
            self._callbacks = []

    def release(self) -> None:
        """Stop and free the player, its callbacks detached first. ``stop`` waits for
        libVLC's threads (tens of ms, more on a busy machine), which is why the wall does
        this off the UI thread (``VideoEngine.retire``)."""
        self.detach()
        self.player.stop()
        self.player.release()
