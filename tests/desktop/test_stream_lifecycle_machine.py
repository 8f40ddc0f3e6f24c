"""The stream lifecycle under random sequences of everything (Hypothesis state machine): starts,
stops, player events of any generation, time, the camera going offline and online; a fake
player set checks every effect the lifecycle asks for."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from desktop.state.stream_lifecycle import (
    EVENT_KINDS,
    PLAYER_STATES,
    RestartPolicy,
    ScheduleRetry,
    StartPlayer,
    StopPlayer,
    StreamLifecycle,
    StreamState,
)
from tests.desktop.lifecycle_clock import URL, FakeClock

# --- random sequences ------------------------------------------------------------------------

# Pictures and playback are most of what a player says; errors and ends are rarer.
KINDS = st.sampled_from(["frame"] * 4 + ["playing"] * 2 + list(EVENT_KINDS))
LABELS = {
    StreamState.IDLE: {"idle"},
    StreamState.STARTING: {"connecting"},
    StreamState.PLAYING: {"live"},
    StreamState.STALLED: {"signal_lost"},
    StreamState.RECONNECTING: {"reconnecting"},
    StreamState.FAILED: {"failed"},
    StreamState.STOPPED: {"stopped", "offline"},
}


class LifecycleMachine(RuleBasedStateMachine):
    """Drive a lifecycle with everything at random; a fake player set checks its effects."""

    def __init__(self) -> None:
        super().__init__()
        self.clock = FakeClock()
        self.lc = StreamLifecycle(policy=RestartPolicy(rng=random.Random(0)),
                                  clock=self.clock, wall=self.clock.wall)
        self.players: set[int] = set()  # generations with a player, as the adapter would hold
        self.max_generation = 0
        self.operator_stopped = False
        self.wants_stream = False  # a start with a URL not undone by a stop

    def apply(self, effects: list) -> None:
        for effect in effects:
            if isinstance(effect, StartPlayer):
                assert not self.players, "a second live player"
                assert effect.generation > self.max_generation
                assert effect.url == URL and not self.lc.offline
                self.max_generation = effect.generation
                self.players.add(effect.generation)
            elif isinstance(effect, StopPlayer):
                assert effect.generation in self.players, "stopping a player that is gone"
                self.players.remove(effect.generation)
            else:
                assert isinstance(effect, ScheduleRetry)
                assert 1.0 <= effect.at - self.clock.t <= 8.0
                assert effect.at == self.lc.retry_at

    def check_stopped_stays(self, before: StreamState, effects: list) -> None:
        if before is StreamState.STOPPED:
            assert self.lc.state is StreamState.STOPPED
            assert effects == []

    @initialize(first=st.sampled_from(["start", "start", "offline, then start", "nothing"]),
                max_attempts=st.sampled_from([None, None, 3]))
    def begin(self, first, max_attempts):
        """Most runs begin with a tile showing its camera (idle runs teach little); some
        give up after three tries."""
        self.lc.policy.max_attempts = max_attempts
        if first == "offline, then start":
            self.apply(self.lc.camera_offline())
        if first != "nothing":
            self.apply(self.lc.start(URL))
            self.wants_stream = True

    # One rule per source of inputs, weighted inside (Hypothesis picks rules uniformly): stops
    # and offline cameras are rarer than starts, so runs get to stalls and retries.
    @rule(action=st.sampled_from(["start"] * 4 + ["start without URL", "stop"]))
    def operator(self, action):
        if action == "stop":
            self.apply(self.lc.stop())
            self.operator_stopped, self.wants_stream = True, False
            assert self.lc.state is StreamState.STOPPED and not self.players
            return
        url = URL if action == "start" else None
        self.apply(self.lc.start(url))
        self.operator_stopped, self.wants_stream = False, url is not None

    @rule(online=st.sampled_from([True, True, False]))
    def server(self, online):
        before = self.lc.state
        if not online:
            self.apply(self.lc.camera_offline())
            self.check_stopped_stays(before, [])
            assert not self.players or not self.wants_stream
            assert self.lc.retry_at is None
            return
        effects = self.lc.camera_online()
        self.apply(effects)
        if self.operator_stopped:
            self.check_stopped_stays(before, effects)

    @rule(kind=KINDS, age=st.sampled_from([0] * 6 + [1, 2, -1]))
    def event(self, kind, age):
        """An event of the current generation, an older one, or one not handed out."""
        before, live = self.lc.state, self.lc.live_generation
        generation = self.lc.generation - age
        effects = self.lc.on_event(generation, kind)
        self.apply(effects)
        if generation != live:  # not the live player's: ignored entirely
            assert effects == [] and self.lc.state is before
        self.check_stopped_stays(before, effects)

    @rule(dt=st.sampled_from([0.04, 0.3, 0.5, 1.0, 2.5, 3.0, 4.0, 8.0, 30.0]))
    def tick(self, dt):
        before = self.lc.state
        self.clock.advance(dt)
        effects = self.lc.tick()
        self.apply(effects)
        self.check_stopped_stays(before, effects)

    @precondition(lambda self: self.lc.live_generation is not None)
    @rule(seconds=st.sampled_from([1.0, 5.0, 12.0]))
    def plays_a_while(self, seconds):
        """The live player shows frames for a while (the adapter ticking in between)."""
        for _ in range(int(seconds / 0.5)):
            self.clock.advance(0.5)
            self.apply(self.lc.on_event(self.lc.live_generation, "frame"))
            self.apply(self.lc.tick())
            assert self.lc.state is StreamState.PLAYING

    @precondition(lambda self: self.lc.retry_at is not None)
    @rule()
    def retry_falls_due(self):
        self.clock.t = self.lc.retry_at
        effects = self.lc.tick()
        self.apply(effects)
        assert [type(e) for e in effects] == [StartPlayer]

    @invariant()
    def at_most_one_live_generation(self):
        assert len(self.players) <= 1
        live = self.lc.live_generation
        assert self.players == (set() if live is None else {live})
        assert (live is not None) == (self.lc.state in PLAYER_STATES)
        if live is not None:
            assert live == self.lc.generation == self.max_generation

    @invariant()
    def retry_scheduled_iff_reconnecting(self):
        assert (self.lc.retry_at is not None) == (self.lc.state is StreamState.RECONNECTING)

    @invariant()
    def no_retries_for_an_offline_camera_or_a_stopped_tile(self):
        if self.lc.offline or self.operator_stopped:
            assert self.lc.state not in PLAYER_STATES | {StreamState.RECONNECTING}

    @invariant()
    def view_matches_state(self):
        view = self.lc.view()
        state = self.lc.state
        assert view.state is state and view.label in LABELS[state]
        assert view.generation == self.lc.generation
        assert view.attempt == self.lc.policy.attempt >= 0
        if state is StreamState.RECONNECTING:
            assert view.retry_in is not None and 0 <= view.retry_in <= 8
        else:
            assert view.retry_in is None
        if state is StreamState.STALLED:
            assert view.lost_at is not None and view.lost_at <= self.clock.wall()
        if state in (StreamState.PLAYING, StreamState.IDLE):
            assert view.lost_at is None
        if view.label == "offline":
            assert self.lc.offline and self.wants_stream
        if state is StreamState.STOPPED and self.lc.offline and self.wants_stream:
            assert view.label == "offline"


LifecycleMachine.TestCase.settings = settings(
    max_examples=300, stateful_step_count=60, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
TestLifecycleMachine = LifecycleMachine.TestCase
