"""One video-wall tile's stream lifecycle: a pure state machine and its restart policy (no Qt,
no VLC).

``StreamLifecycle`` decides; the caller (the tile's Qt adapter) acts. Every input returns the
*effects* to carry out — ``StartPlayer``, ``StopPlayer``, ``ScheduleRetry`` — so the whole
lifecycle can be tested with a fake clock and made-up player events, and no decision depends
on what libVLC happens to do on which thread.

States::

    IDLE ──start──▶ STARTING ──first frame────▶ PLAYING ──no frame 2.5 s──▶ STALLED
                       │                          │   ◀──────frame────────────┘ │
                       └──error/end/timeout───────┴──error/end──┐ no frame 5 s, error
                                                                ▼               │
                              STARTING ◀──retry due── RECONNECTING ◀────────────┘
    any ──stop──▶ STOPPED (operator; absorbing until start)
    any ──camera offline──▶ STOPPED ("offline"; no retries until the camera is online again)
    start without a URL, or ``max_attempts`` used up ──▶ FAILED (until start)

Generations: every (re)start gets a new, larger generation, carried in ``StartPlayer`` and
in every event the player reports. A replaced player's late events (libVLC keeps delivering
for a moment after stop, and a stop/start pair can cross its "error" or "end") carry an old
generation and are ignored, so they can never kill or "revive" the new player.

FAILED versus retrying: a wall tile must recover without operator action, so by default
(``max_attempts=None``) a camera the server says is online is retried for ever, the delay
growing 1, 2, 4, 8, 8… s. The tile already tells the truth meanwhile ("signal lost at
17:21:05 · reconnecting in 8 s", and ``attempt`` for how long it has been failing). FAILED is
for what retrying cannot fix: a camera without a stream URL, or a caller that opted into
``max_attempts`` (e.g. a one-off clip). An *offline* camera (the server's ``Camera.status``)
is not retried at all: STOPPED with the label "offline", started afresh (backoff reset) when
``camera_online()`` says it is back. Hammering a camera the server knows is down would only
load the media server and flicker the tile between "connecting" and "reconnecting".

Threads: libVLC calls its event callbacks on its own threads. This module is *not*
thread-safe, by design: the Qt adapter must marshal each event to the UI thread (a signal
carrying ``(generation, kind)``, delivered by a queued connection) before calling
``on_event``, and must carry out effects there too — never touch widgets from a libVLC
thread, and never call libVLC (e.g. stop a player) from inside a libVLC event callback, which
can deadlock.

Time: ``clock`` gives monotonic seconds (all timing); ``wall`` gives the aware UTC time, used
only for ``lost_at``, which the tile shows. The adapter calls ``tick()`` at least every 0.5 s
while a stream is wanted (stall detection, the countdown) and also when a ``ScheduleRetry``
falls due, so a frozen picture says "signal lost" within 3 s.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum
from typing import Literal

from backend_client.schemas import utcnow

STALL_AFTER = 2.5  # s without a frame before "signal lost" (the tile must say so within 3 s)
STALL_RESTART_AFTER = 5.0  # s without a frame before a stalled player is replaced
START_TIMEOUT = 10.0  # s for a player to show its first picture

EventKind = Literal["opening", "buffering", "playing", "frame", "error", "end"]
EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]


class StreamState(Enum):
    IDLE = "idle"
    STARTING = "starting"
    PLAYING = "playing"
    STALLED = "stalled"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    STOPPED = "stopped"


# --- effects: what the caller carries out ----------------------------------------------------

@dataclass(frozen=True)
class StartPlayer:
    generation: int
    url: str


@dataclass(frozen=True)
class StopPlayer:
    generation: int


@dataclass(frozen=True)
class ScheduleRetry:
    at: float  # monotonic seconds; call tick() then (a retry not yet due is simply kept)


Effect = StartPlayer | StopPlayer | ScheduleRetry


# --- the restart policy ----------------------------------------------------------------------

@dataclass
class RestartPolicy:
    """Delays that double from ``first`` to ``cap`` seconds, each jittered by up to
    ``±jitter`` of itself within [first, cap], so 200 tiles that lost one media server come
    back spread out, yet never faster than 1 s or slower than 8 s. (Not
    ``backend_client.backoff.Backoff``: its equal jitter goes down to half the schedule, below
    the 1 s floor.)

    ``attempt`` counts consecutive failures; it is reset only once a stream has played
    steadily for ``steady_after`` seconds, so a stream that flaps (plays a second, dies) still
    backs off."""

    first: float = 1.0
    cap: float = 8.0
    jitter: float = 0.1
    steady_after: float = 10.0
    max_attempts: int | None = None  # None: retry for ever (a wall tile must recover)
    rng: random.Random = field(default_factory=random.Random)
    attempt: int = 0

    def next_delay(self) -> float:
        """The delay before the next try; counts the attempt."""
        base = min(self.cap, self.first * 2 ** min(self.attempt, 32))
        self.attempt += 1
        # Drawn from what is left of base ± jitter inside [first, cap]: clamping a draw instead
        # would put half of all first retries at exactly ``first``, in lock-step again.
        low = max(self.first, base * (1 - self.jitter))
        high = min(self.cap, base * (1 + self.jitter))
        return self.rng.uniform(low, high) if high > low else base

    @property
    def exhausted(self) -> bool:
        """No try left (only ever with ``max_attempts``)."""
        return self.max_attempts is not None and self.attempt >= self.max_attempts

    def played_steadily(self, seconds: float) -> bool:
        """A stream has played without a stall for ``seconds``: forget past failures once that
        is long enough. True if it reset."""
        if seconds >= self.steady_after and self.attempt:
            self.reset()
            return True
        return False

    def reset(self) -> None:
        self.attempt = 0


# --- what the tile shows ---------------------------------------------------------------------

Label = Literal["idle", "connecting", "live", "signal_lost", "reconnecting", "failed",
                "offline", "stopped"]


@dataclass(frozen=True)
class TileView:
    state: StreamState
    label: Label  # the key of the tile's text (translated by the widget)
    retry_in: float | None  # seconds until the next try (RECONNECTING only); show it rounded up
    lost_at: datetime | None  # when the picture was lost (STALLED, RECONNECTING, offline)
    attempt: int  # consecutive failed tries
    generation: int


_LABELS: dict[StreamState, Label] = {
    StreamState.IDLE: "idle",
    StreamState.STARTING: "connecting",
    StreamState.PLAYING: "live",
    StreamState.STALLED: "signal_lost",
    StreamState.RECONNECTING: "reconnecting",
    StreamState.FAILED: "failed",
    StreamState.STOPPED: "stopped",
}

# States in which a player exists (and its generation is "live").
PLAYER_STATES = frozenset({StreamState.STARTING, StreamState.PLAYING, StreamState.STALLED})


# --- the lifecycle ---------------------------------------------------------------------------

class StreamLifecycle:
    def __init__(self, *, policy: RestartPolicy | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], datetime] = utcnow,
                 stall_after: float = STALL_AFTER,
                 stall_restart_after: float = STALL_RESTART_AFTER,
                 start_timeout: float = START_TIMEOUT) -> None:
        self.policy = policy or RestartPolicy()
        self._clock = clock
        self._wall = wall
        self.stall_after = stall_after
        self.stall_restart_after = max(stall_restart_after, stall_after)
        self.start_timeout = start_timeout
        self._state = StreamState.IDLE
        self._url: str | None = None
        self._offline = False  # the server says the camera is offline
        self._generation = 0  # the latest generation handed out (0: none yet)
        self._live: int | None = None  # the generation whose player exists
        self._started_at = 0.0  # monotonic: when the live player was started
        self._last_frame = 0.0  # monotonic: the last sign of a picture
        self._playing_since = 0.0  # monotonic: when the picture (re)appeared
        self._retry_at: float | None = None
        self._lost_at: datetime | None = None

    # --- what the caller reads ---------------------------------------------------------------

    @property
    def state(self) -> StreamState:
        return self._state

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def live_generation(self) -> int | None:
        """The generation whose player should exist now (None: no player)."""
        return self._live

    @property
    def retry_at(self) -> float | None:
        return self._retry_at

    @property
    def lost_at(self) -> datetime | None:
        return self._lost_at

    @property
    def url(self) -> str | None:
        return self._url

    @property
    def offline(self) -> bool:
        return self._offline

    def view(self) -> TileView:
        label = _LABELS[self._state]
        if self._state is StreamState.STOPPED and self._offline and self._url is not None:
            label = "offline"
        retry_in = (max(0.0, self._retry_at - self._clock())
                    if self._retry_at is not None else None)
        return TileView(self._state, label, retry_in, self._lost_at, self.policy.attempt,
                        self._generation)

    # --- operator and server inputs ----------------------------------------------------------

    def start(self, url: str | None) -> list[Effect]:
        """Show this stream (again): replaces any player, forgets past failures. A camera
        without a URL is FAILED (retrying cannot help); an offline camera waits, STOPPED,
        for ``camera_online``."""
        effects = self._drop_player()
        self._url = url or None
        self._retry_at = None
        self._lost_at = None
        self.policy.reset()
        if self._url is None:
            self._state = StreamState.FAILED
        elif self._offline:
            self._state = StreamState.STOPPED
        else:
            effects += self._start_player()
        return effects

    def stop(self) -> list[Effect]:
        """The tile no longer wants the stream: STOPPED, no retries, until ``start``.
        ``StopPlayer`` comes only if a player exists (not while RECONNECTING: the failed
        player was stopped then); a pending ``ScheduleRetry`` just finds nothing to do."""
        effects = self._drop_player()
        self._url = None  # camera_online must not bring back what the operator stopped
        self._state = StreamState.STOPPED
        self._retry_at = None
        self._lost_at = None
        return effects

    def camera_offline(self) -> list[Effect]:
        """The server says the camera is offline: stop trying until it is online again."""
        self._offline = True
        if self._state in (StreamState.IDLE, StreamState.STOPPED) or self._url is None:
            return []
        self._note_lost()
        effects = self._drop_player()
        self._state = StreamState.STOPPED
        self._retry_at = None
        return effects

    def camera_online(self) -> list[Effect]:
        """The server says the camera is online: if it was offline and the tile still wants
        it, start afresh (backoff reset). Otherwise nothing changes (an "online" repeated on
        every camera update must not restart a player)."""
        was_offline, self._offline = self._offline, False
        if was_offline and self._state is StreamState.STOPPED and self._url is not None:
            self.policy.reset()
            return self._start_player()
        return []

    # --- player events (on the UI thread!) ---------------------------------------------------

    def on_event(self, generation: int, kind: str) -> list[Effect]:
        """The player of ``generation`` reports ``kind``: "opening"/"buffering" (no picture
        yet), "playing" (playback began), "frame" (a picture was shown: libVLC's time
        changing, or its displayed-pictures count growing), "error", "end". Events of any
        player but the live one are ignored."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown player event {kind!r}")
        if generation != self._live:
            return []
        now = self._clock()
        if kind in ("error", "end"):  # a live camera's stream has no end: treat as a failure
            return self._fail(now)
        if kind == "frame":
            self._last_frame = now
            if self._state is not StreamState.PLAYING:
                self._enter_playing(now)
            self.policy.played_steadily(now - self._playing_since)
        # "playing" (libVLC began playback) is no picture yet: it comes ~1.5 s before the
        # first one on a live stream, and a tile saying "live" over a black surface would not
        # be the truth. STARTING waits for a frame, within the start timeout.
        return []

    def tick(self) -> list[Effect]:
        """Time passed: detect stalls and start timeouts, start a retry that is due."""
        now = self._clock()
        effects: list[Effect] = []
        for _ in range(3):  # a long gap can need stall → restart → nothing more
            step = self._step(now)
            if step is None:
                break
            effects += step
        return effects

    # --- inside ------------------------------------------------------------------------------

    def _step(self, now: float) -> list[Effect] | None:
        state = self._state
        if state is StreamState.STARTING and now - self._started_at >= self.start_timeout:
            return self._fail(now)
        if state is StreamState.PLAYING:
            if now - self._last_frame >= self.stall_after:
                self._note_lost()
                self._state = StreamState.STALLED
                return []
            self.policy.played_steadily(now - self._playing_since)
        if state is StreamState.STALLED and now - self._last_frame >= self.stall_restart_after:
            return self._fail(now)
        if state is StreamState.RECONNECTING and self._retry_at is not None \
                and now >= self._retry_at:
            self._retry_at = None
            return self._start_player()
        return None

    def _enter_playing(self, now: float) -> None:
        self._state = StreamState.PLAYING
        self._playing_since = now
        self._lost_at = None

    def _note_lost(self) -> None:
        """Keep when the picture was lost: the wall time of its last frame (not of the tick
        that noticed), and the first loss only — a stall that turns into a restart is one
        loss."""
        if self._state is StreamState.PLAYING and self._lost_at is None:
            ago = max(0.0, self._clock() - self._last_frame)
            self._lost_at = self._wall() - timedelta(seconds=ago)

    def _fail(self, now: float) -> list[Effect]:
        self._note_lost()
        effects = self._drop_player()
        if self.policy.exhausted:
            self._state = StreamState.FAILED
            self._retry_at = None
            return effects
        self._retry_at = now + self.policy.next_delay()
        self._state = StreamState.RECONNECTING
        return [*effects, ScheduleRetry(self._retry_at)]

    def _start_player(self) -> list[Effect]:
        assert self._url is not None and self._live is None
        self._generation += 1
        self._live = self._generation
        self._started_at = self._clock()
        self._state = StreamState.STARTING
        return [StartPlayer(self._generation, self._url)]

    def _drop_player(self) -> list[Effect]:
        if self._live is None:
            return []
        generation, self._live = self._live, None
        return [StopPlayer(generation)]
