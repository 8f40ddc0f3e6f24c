"""``SoundPlayer``: the alarm sounds (``resources/sounds/alarm-p<N>.wav``) through libVLC, the
product's media engine (QtMultimedia is not installed).

Every libVLC call happens on one worker thread of this player, never on the UI thread:
creating the instance scans the plugins (~150 ms here, more on a cold disk) and ``stop()``
waits for libVLC's input thread. ``play()`` and ``set_volume()`` only put a request on a queue.
One ``vlc.Instance`` and one media player per priority are made once and reused.

Nothing here may take the workstation down or make it wait. Without libVLC, with options it
refuses, without a sound file or without any audio device the player does what it still can,
logs the cause once at warning level and keeps a sentence for the officer in ``problem``.
A missing audio device is seen after the first sound: libVLC decodes the file but its media
statistics show no audio buffer played.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import QT_TR_NOOP

log = logging.getLogger(__name__)

PRIORITIES: Final = (1, 2, 3, 4)
# --quiet: libVLC's own messages would repeat every missing-device error on every sound; what
# matters is logged here, once. --no-video: these are sounds; never open a window.
BASE_ARGS: Final = ("--quiet", "--no-video", "--no-osd", "--no-sub-autodetect-file")

# Sentences for the officer (translated where they are shown).
NO_ENGINE: Final = QT_TR_NOOP(
    "Alarm sounds cannot play: the media engine (libVLC) could not be started on this "
    "workstation. Watch the alarm queue; ask the technician to check the installation.")
NO_DEVICE: Final = QT_TR_NOOP(
    "Alarm sounds cannot be heard: this workstation has no working sound output. Watch the "
    "alarm queue; ask the technician to check the speakers.")
NO_FILES: Final = QT_TR_NOOP(
    "Some alarm sounds are missing from the installation; those priorities stay silent. Ask "
    "the technician to reinstall.")


def default_sounds_dir() -> Path:
    """``resources/sounds`` of the installed package (package data is installed as plain
    files, also in the bundle, so libVLC can open them by path)."""
    return Path(str(files("resources").joinpath("sounds")))


def sound_file(sounds_dir: Path, priority: int) -> Path:
    return sounds_dir / f"alarm-p{priority}.wav"


class SoundPlayer:
    """Plays one priority's sound at a time, without blocking the caller.

    ``vlc_args``: extra libVLC options after the product's own (tests pass ``--aout=afile
    --audiofile-file=PATH`` to capture what was played). ``problem`` is None or a sentence for
    the officer; ``finished`` counts sounds that have ended, ``played`` those of them that
    reached an audio output. Attributes are written on the worker thread and read from any
    thread (single assignments).
    """

    def __init__(self, vlc_args: Sequence[str] = (), *, sounds_dir: Path | None = None,
                 volume: int = 80) -> None:
        self._args = [*BASE_ARGS, *vlc_args]
        self._sounds_dir = sounds_dir if sounds_dir is not None else default_sounds_dir()
        self._volume = _clamp(volume)
        self._requests: queue.SimpleQueue[tuple[str, int] | None] = queue.SimpleQueue()
        self._ready = threading.Event()
        self._closed = False
        self.problem: str | None = None
        self.available = False  # libVLC started and at least one sound file is there
        self.finished = 0
        self.played = 0
        self._device_reported = False
        self._thread = threading.Thread(target=self._run, name="alarm-sounds", daemon=True)
        self._thread.start()

    # --- any thread ---------------------------------------------------------------------------

    def play(self, priority: int) -> None:
        """Start the priority's sound (stopping one still playing). Returns at once."""
        if priority not in PRIORITIES:
            raise ValueError(f"no alarm sound for priority {priority!r}")
        if not self._closed:
            self._requests.put(("play", priority))

    def set_volume(self, volume: int) -> None:
        """0..100 (values outside are clamped); applies to the next sound."""
        self._volume = _clamp(volume)
        if not self._closed:
            self._requests.put(("volume", self._volume))

    @property
    def volume(self) -> int:
        return self._volume

    def wait_ready(self, timeout: float = 10.0) -> bool:
        """Wait until the engine has started or given up (tests, diagnostics). Not on the UI
        thread in the product."""
        return self._ready.wait(timeout)

    def close(self, timeout: float = 3.0) -> None:
        """Stop and release everything. Waits at most ``timeout`` s for the worker (on a
        healthy machine a few milliseconds); closing twice does nothing."""
        if self._closed:
            return
        self._closed = True
        self._requests.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("alarm sounds: libVLC did not stop within %.1f s; left behind", timeout)

    # --- the worker thread --------------------------------------------------------------------

    def _run(self) -> None:
        engine = self._start_engine()
        self._ready.set()
        try:
            while True:
                batch = [self._requests.get()]
                while not self._requests.empty():  # a burst of requests: act on the last word
                    batch.append(self._requests.get_nowait())
                if None in batch:
                    break
                if engine is not None:
                    self._handle(engine, batch)
        finally:
            if engine is not None:
                try:
                    engine.release()
                except Exception:  # at shutdown: log it, never take the process with it
                    log.exception("alarm sounds: releasing libVLC failed")

    def _start_engine(self) -> _Engine | None:
        try:
            import vlc  # loads libvlc.so through ctypes; may raise anything when it is absent
        except Exception as e:  # any failure to load means the same: no sound
            self._fail(NO_ENGINE, "python-vlc/libVLC could not be loaded: %r", e)
            return None
        try:
            engine = _Engine(vlc, self._args, self._sounds_dir, self._volume, self)
        except Exception as e:
            self._fail(NO_ENGINE, "libVLC did not start with %s: %s", self._args, e)
            return None
        if engine.missing:
            names = ", ".join(sound_file(self._sounds_dir, p).name for p in engine.missing)
            self._fail(NO_FILES, "alarm sound files missing in %s: %s",
                       self._sounds_dir, names)
        self.available = bool(engine.players)
        return engine

    def _handle(self, engine: _Engine, batch: list[tuple[str, int] | None]) -> None:
        plays = [value for kind, value in filter(None, batch) if kind == "play"]
        volumes = [value for kind, value in filter(None, batch) if kind == "volume"]
        ended = [value for kind, value in filter(None, batch) if kind == "ended"]
        try:
            if volumes:
                engine.set_volume(volumes[-1])
            for priority in ended:
                self._check_output(engine, priority)
            if plays:
                engine.play(min(plays))  # two at once: the more urgent one
        except Exception:
            log.exception("alarm sounds: libVLC call failed")

    def _check_output(self, engine: _Engine, priority: int) -> None:
        decoded, played = engine.stats(priority)
        if decoded == 0 and played == 0:
            return  # still playing, or no statistics: nothing learnt
        self.finished += 1
        if played > 0:
            self.played += 1
            if self._device_reported:
                log.info("alarm sounds: the sound output works again")
                self._device_reported = False
                if self.problem == NO_DEVICE:
                    self.problem = None
        elif not self._device_reported:
            self._device_reported = True
            self._fail(NO_DEVICE, "alarm sounds: libVLC found no working audio output (%s)",
                       " ".join(self._args))

    def _fail(self, problem: str, message: str, *args: Any) -> None:
        log.warning(message, *args)
        self.problem = problem

    def _ended(self, priority: int) -> None:
        # On a libVLC event thread: no libVLC call here (it may deadlock); hand it over.
        if not self._closed:
            self._requests.put(("ended", priority))


class _Engine:
    """The libVLC objects; used on the player's worker thread only."""

    def __init__(self, vlc: Any, args: list[str], sounds_dir: Path, volume: int,
                 owner: SoundPlayer) -> None:
        self._vlc = vlc
        self._volume = volume
        self.instance = vlc.Instance(args)
        if self.instance is None:
            raise RuntimeError("libVLC refused its options")
        self.players: dict[int, Any] = {}
        self.media: dict[int, Any] = {}
        self.missing: list[int] = []
        # python-vlc keeps an event callback alive only as long as its EventManager wrapper;
        # a collected wrapper leaves libVLC calling freed memory.
        self._events: list[Any] = []
        self._current: Any = None
        for priority in PRIORITIES:
            path = sound_file(sounds_dir, priority)
            if not path.is_file():
                self.missing.append(priority)
                continue
            media = self.instance.media_new_path(str(path))
            player = self.instance.media_player_new()
            player.set_media(media)
            events = player.event_manager()
            events.event_attach(vlc.EventType.MediaPlayerEndReached,
                                lambda _e, p=priority: owner._ended(p))
            self._events.append(events)
            self.media[priority] = media
            self.players[priority] = player
        self.set_volume(volume)

    def set_volume(self, volume: int) -> None:
        self._volume = volume
        for player in self.players.values():
            player.audio_set_volume(volume)

    def play(self, priority: int) -> None:
        player = self.players.get(priority)
        if player is None:
            return  # its file is missing: reported once at start
        if self._current is not None and self._current is not player:
            self._current.stop()  # one sound at a time
        # A player that reached the end keeps its finished input; play() alone would not
        # start it again.
        player.stop()
        player.audio_set_volume(self._volume)
        if player.play() == -1:
            log.warning("alarm sounds: libVLC could not start the P%d sound", priority)
        self._current = player

    def stats(self, priority: int) -> tuple[int, int]:
        """(decoded audio blocks, played audio buffers) of the priority's last playback, once
        it has ended; (0, 0) while it still plays or when libVLC has none."""
        player = self.players[priority]
        if player.get_state() != self._vlc.State.Ended:
            return 0, 0  # a newer playback already runs; it will report its own end
        # End-reached is sent before libVLC's input thread writes the final statistics;
        # stop() waits for that thread (the file has ended: a few milliseconds at most).
        player.stop()
        stats = self._vlc.MediaStats()
        if not self.media[priority].get_stats(stats):
            return 0, 0
        return stats.decoded_audio, stats.played_abuffers

    def release(self) -> None:
        for player in self.players.values():
            player.stop()
            player.release()
        for media in self.media.values():
            media.release()
        self.players.clear()
        self.media.clear()
        self._events.clear()
        self.instance.release()


def _clamp(volume: int) -> int:
    return max(0, min(100, int(volume)))
