"""A tile's stream lifecycle without VLC: a fake clock, made-up player events and the effects the
lifecycle asks for (random sequences of all of it: test_stream_lifecycle_machine.py)."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

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


def make(clock: FakeClock, **policy) -> StreamLifecycle:
    """A lifecycle without jitter (exact delays), unless ``policy`` says otherwise."""
    policy.setdefault("jitter", 0.0)
    return StreamLifecycle(policy=RestartPolicy(**policy), clock=clock, wall=clock.wall)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def lc(clock) -> StreamLifecycle:
    return make(clock)


def play(lc: StreamLifecycle, clock: FakeClock, seconds: float, every: float = 0.04) -> None:
    """Frames keep coming for ``seconds`` (ticks in between, as the adapter's timer would)."""
    end = clock.t + seconds
    while clock.t < end:
        clock.advance(every)
        assert lc.on_event(lc.generation, "frame") == []
        lc.tick()


def retry_due(lc: StreamLifecycle, clock: FakeClock) -> list:
    assert lc.retry_at is not None
    clock.t = lc.retry_at
    return lc.tick()


# --- the normal path -------------------------------------------------------------------------

def test_start_connects_then_goes_live(lc, clock):
    assert lc.state is StreamState.IDLE and lc.view().label == "idle"
    assert lc.start(URL) == [StartPlayer(1, URL)]
    assert lc.state is StreamState.STARTING and lc.view().label == "connecting"
    assert lc.on_event(1, "opening") == [] and lc.on_event(1, "buffering") == []
    assert lc.state is StreamState.STARTING
    clock.advance(0.8)
    # Playback began, but no picture yet: not "live" over a black tile.
    assert lc.on_event(1, "playing") == []
    assert lc.state is StreamState.STARTING and lc.view().label == "connecting"
    clock.advance(1.2)
    assert lc.on_event(1, "frame") == []
    view = lc.view()
    assert view.state is StreamState.PLAYING and view.label == "live"
    assert view.retry_in is None and view.lost_at is None and view.generation == 1
    play(lc, clock, 30)
    assert lc.state is StreamState.PLAYING and lc.live_generation == 1


def test_a_first_frame_also_means_live(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    assert lc.state is StreamState.PLAYING


def test_unknown_event_kinds_are_a_programming_error(lc):
    lc.start(URL)
    with pytest.raises(ValueError):
        lc.on_event(1, "Playing")


# --- failures and the backoff ----------------------------------------------------------------

def test_errors_back_off_1_2_4_8_8(lc, clock):
    lc.start(URL)
    delays = []
    for generation in range(1, 7):
        effects = lc.on_event(generation, "error")
        assert effects[0] == StopPlayer(generation)
        assert isinstance(effects[1], ScheduleRetry) and len(effects) == 2
        assert lc.state is StreamState.RECONNECTING and lc.live_generation is None
        delays.append(effects[1].at - clock.t)
        assert lc.view().label == "reconnecting" and lc.view().retry_in == delays[-1]
        assert retry_due(lc, clock) == [StartPlayer(generation + 1, URL)]
        assert lc.state is StreamState.STARTING
    assert delays == [1, 2, 4, 8, 8, 8]


def test_a_retry_is_not_started_early_and_counts_down(lc, clock):
    lc.start(URL)
    (_, retry) = lc.on_event(1, "error")
    lc.on_event(2, "error")  # no player 2 yet: ignored
    clock.advance(0.6)
    assert lc.tick() == [] and lc.state is StreamState.RECONNECTING
    assert lc.view().retry_in == pytest.approx(0.4)
    clock.advance(0.4)
    assert lc.tick() == [StartPlayer(2, URL)]
    assert lc.view().retry_in is None


def test_end_of_stream_is_a_failure_too(lc, clock):
    lc.start(URL)
    lc.on_event(1, "playing")
    assert lc.on_event(1, "end") == [StopPlayer(1), ScheduleRetry(clock.t + 1)]


def test_a_player_that_never_shows_a_picture_times_out(lc, clock):
    lc.start(URL)
    lc.on_event(1, "opening")
    clock.advance(9.9)
    assert lc.tick() == [] and lc.state is StreamState.STARTING
    clock.advance(0.1)
    assert lc.tick() == [StopPlayer(1), ScheduleRetry(clock.t + 1)]
    assert lc.view().lost_at is None  # there never was a picture to lose


@pytest.mark.parametrize("seed", range(20))
def test_jitter_stays_within_bounds(seed):
    policy = RestartPolicy(rng=random.Random(seed))
    delays = [policy.next_delay() for _ in range(12)]
    schedule = [1, 2, 4, 8] + [8] * 8
    for delay, base in zip(delays, schedule, strict=True):
        assert 1.0 <= delay <= 8.0
        assert base * 0.9 <= delay <= base * 1.1
    assert len(set(delays)) > 1  # it does jitter


def test_jitter_spreads_tiles_that_failed_together():
    firsts = {RestartPolicy(rng=random.Random(i)).next_delay() for i in range(50)}
    later = set()
    for i in range(50):
        policy = RestartPolicy(rng=random.Random(i))
        for _ in range(5):
            delay = policy.next_delay()
        later.add(delay)
    assert len(firsts) > 40 and len(later) > 40
    assert min(firsts) >= 1.0 and max(firsts) <= 1.1
    assert min(later) >= 7.2 and max(later) <= 8.0


def test_backoff_resets_only_after_steady_play(lc, clock):
    lc.start(URL)
    for generation in (1, 2, 3):
        lc.on_event(generation, "error")
        retry_due(lc, clock)
    assert lc.view().attempt == 3
    # It plays, but flaps after 5 s: the backoff keeps growing (4 s before: now 8 s).
    lc.on_event(4, "playing")
    play(lc, clock, 5)
    (_, retry) = lc.on_event(4, "error")
    assert retry.at - clock.t == 8 and lc.view().attempt == 4
    retry_due(lc, clock)
    # It plays steadily for 10 s: past failures are forgotten.
    lc.on_event(5, "playing")
    play(lc, clock, 9.9)
    assert lc.view().attempt == 4
    play(lc, clock, 0.2)
    assert lc.view().attempt == 0
    (_, retry) = lc.on_event(5, "error")
    assert retry.at - clock.t == 1


def test_steady_reset_also_happens_on_ticks():
    policy = RestartPolicy(attempt=3)
    assert not policy.played_steadily(9.99) and policy.attempt == 3
    assert policy.played_steadily(10) and policy.attempt == 0


def test_max_attempts_ends_in_failed_until_started_again(clock):
    lc = make(clock, max_attempts=2)
    lc.start(URL)
    lc.on_event(1, "error")
    retry_due(lc, clock)
    lc.on_event(2, "error")
    retry_due(lc, clock)
    assert lc.on_event(3, "error") == [StopPlayer(3)]
    assert lc.state is StreamState.FAILED and lc.view().label == "failed"
    assert lc.retry_at is None
    clock.advance(60)
    assert lc.tick() == []
    assert lc.start(URL) == [StartPlayer(4, URL)] and lc.view().attempt == 0


def test_by_default_an_online_camera_is_retried_for_ever(lc, clock):
    lc.start(URL)
    for generation in range(1, 101):
        lc.on_event(generation, "error")
        assert lc.state is StreamState.RECONNECTING
        retry_due(lc, clock)
    assert lc.view().attempt == 100 and lc.state is StreamState.STARTING


def test_a_camera_without_a_stream_url_fails_at_once(lc):
    assert lc.start(None) == []
    assert lc.state is StreamState.FAILED and lc.retry_at is None
    assert lc.start("") == [] and lc.state is StreamState.FAILED


# --- stalls: "signal lost" within 3 s --------------------------------------------------------

def test_no_frames_for_2_5_s_is_signal_lost_with_the_time_it_was_lost(lc, clock):
    lc.start(URL)
    lc.on_event(1, "playing")
    play(lc, clock, 4)
    last_frame = clock.wall()
    for _ in range(8):  # the adapter ticks every 0.4 s
        clock.advance(0.4)
        lc.tick()
        if lc.state is StreamState.STALLED:
            break
    assert lc.state is StreamState.STALLED
    assert clock.wall() - last_frame <= timedelta(seconds=3)
    view = lc.view()
    assert view.label == "signal_lost" and view.retry_in is None
    assert view.lost_at == last_frame  # when the picture froze, not when the tick noticed


def test_stall_boundary(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    clock.advance(2.49)
    lc.tick()
    assert lc.state is StreamState.PLAYING
    clock.advance(0.01)
    assert lc.tick() == [] and lc.state is StreamState.STALLED


def test_frames_that_keep_coming_never_stall(lc, clock):
    lc.start(URL)
    lc.on_event(1, "playing")
    for _ in range(200):
        clock.advance(2.4)
        lc.tick()
        lc.on_event(1, "frame")
        assert lc.state is StreamState.PLAYING


def test_buffering_is_no_sign_of_life(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    clock.advance(1.5)
    lc.on_event(1, "buffering")
    lc.on_event(1, "playing")
    clock.advance(1.0)
    lc.tick()
    assert lc.state is StreamState.STALLED


def test_a_stall_recovers_by_itself_when_frames_return(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    clock.advance(3)
    lc.tick()
    assert lc.state is StreamState.STALLED
    assert lc.on_event(1, "frame") == []
    assert lc.state is StreamState.PLAYING and lc.view().lost_at is None
    assert lc.live_generation == 1


def test_a_stall_that_lasts_replaces_the_player(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    lost = clock.wall()
    clock.advance(3)
    lc.tick()
    clock.advance(1.9)
    assert lc.tick() == []
    clock.advance(0.1)  # 5 s without a frame
    assert lc.tick() == [StopPlayer(1), ScheduleRetry(clock.t + 1)]
    view = lc.view()
    assert view.label == "reconnecting" and view.retry_in == 1 and view.lost_at == lost
    retry_due(lc, clock)
    assert lc.view().lost_at == lost  # still lost while connecting again
    lc.on_event(2, "frame")
    assert lc.view().lost_at is None and lc.view().label == "live"


def test_a_long_gap_between_ticks_goes_straight_to_reconnecting(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    lost = clock.wall()
    clock.advance(30)
    assert lc.tick() == [StopPlayer(1), ScheduleRetry(clock.t + 1)]
    assert lc.view().lost_at == lost


def test_an_error_while_live_is_signal_lost_at_once(lc, clock):
    lc.start(URL)
    lc.on_event(1, "playing")
    play(lc, clock, 2)
    lc.on_event(1, "error")
    view = lc.view()
    assert view.state is StreamState.RECONNECTING
    assert view.lost_at == clock.wall()


# --- generations -----------------------------------------------------------------------------

def test_a_replaced_players_late_events_are_ignored(lc, clock):
    lc.start(URL)
    lc.on_event(1, "playing")
    assert lc.start(URL) == [StopPlayer(1), StartPlayer(2, URL)]
    # Player 1's last words arrive after the restart: they change nothing.
    for kind in EVENT_KINDS:
        assert lc.on_event(1, kind) == []
    assert lc.state is StreamState.STARTING and lc.live_generation == 2
    lc.on_event(2, "frame")
    lc.on_event(1, "error")
    assert lc.state is StreamState.PLAYING


def test_a_failed_players_events_after_its_stop_are_ignored(lc, clock):
    lc.start(URL)
    lc.on_event(1, "error")
    lc.on_event(1, "error")  # libVLC often reports twice
    lc.on_event(1, "frame")  # a last picture decoded before the stop
    assert lc.state is StreamState.RECONNECTING and lc.policy.attempt == 1


def test_events_from_a_future_generation_are_ignored(lc):
    lc.start(URL)
    assert lc.on_event(7, "error") == [] and lc.state is StreamState.STARTING


# --- stop ------------------------------------------------------------------------------------

def _to(lc: StreamLifecycle, clock: FakeClock, state: StreamState) -> None:
    lc.start(URL)
    if state in (StreamState.PLAYING, StreamState.STALLED):
        lc.on_event(1, "frame")
    if state is StreamState.STALLED:
        clock.advance(3)
        lc.tick()
    if state is StreamState.RECONNECTING:
        lc.on_event(1, "error")
    assert lc.state is state


@pytest.mark.parametrize("state", sorted(PLAYER_STATES, key=lambda s: s.value))
def test_stop_stops_the_live_player(lc, clock, state):
    _to(lc, clock, state)
    assert lc.stop() == [StopPlayer(1)]
    assert lc.state is StreamState.STOPPED and lc.view().label == "stopped"
    assert lc.live_generation is None and lc.retry_at is None


def test_stop_while_reconnecting_cancels_the_retry(lc, clock):
    _to(lc, clock, StreamState.RECONNECTING)
    assert lc.stop() == []  # player 1 was stopped when it failed
    assert lc.retry_at is None and lc.view().retry_in is None
    clock.advance(60)
    assert lc.tick() == [] and lc.state is StreamState.STOPPED


def test_stopped_is_absorbing_until_start(lc, clock):
    _to(lc, clock, StreamState.PLAYING)
    lc.stop()
    for kind in EVENT_KINDS:
        assert lc.on_event(1, kind) == []
    clock.advance(100)
    assert lc.tick() == []
    assert lc.camera_offline() == [] and lc.camera_online() == []
    assert lc.stop() == []
    assert lc.state is StreamState.STOPPED
    assert lc.start(URL) == [StartPlayer(2, URL)]


def test_stop_from_idle_and_failed(lc):
    assert lc.stop() == [] and lc.state is StreamState.STOPPED
    lc.start(None)
    assert lc.stop() == [] and lc.state is StreamState.STOPPED


# --- offline cameras -------------------------------------------------------------------------

def test_an_offline_camera_is_not_retried_until_online(lc, clock):
    lc.start(URL)
    lc.on_event(1, "frame")
    play(lc, clock, 3)
    lost = clock.wall()
    assert lc.camera_offline() == [StopPlayer(1)]
    view = lc.view()
    assert view.state is StreamState.STOPPED and view.label == "offline"
    assert view.lost_at == lost and view.retry_in is None
    clock.advance(600)
    assert lc.tick() == []
    assert lc.camera_offline() == []  # told again: nothing new
    assert lc.camera_online() == [StartPlayer(2, URL)]
    assert lc.state is StreamState.STARTING and lc.view().attempt == 0


def test_offline_while_reconnecting_cancels_the_retry_and_resets_backoff(lc, clock):
    lc.start(URL)
    for generation in (1, 2, 3):
        lc.on_event(generation, "error")
        retry_due(lc, clock)
    lc.on_event(4, "error")
    assert lc.camera_offline() == [] and lc.retry_at is None
    assert lc.state is StreamState.STOPPED and lc.view().label == "offline"
    assert lc.camera_online() == [StartPlayer(5, URL)]
    (_, retry) = lc.on_event(5, "error")
    assert retry.at - clock.t == 1


def test_starting_an_offline_camera_waits_for_it(lc):
    lc.camera_offline()
    assert lc.state is StreamState.IDLE
    assert lc.start(URL) == []
    assert lc.state is StreamState.STOPPED and lc.view().label == "offline"
    assert lc.camera_online() == [StartPlayer(1, URL)]


def test_online_repeated_does_not_restart(lc):
    lc.start(URL)
    lc.on_event(1, "frame")
    assert lc.camera_online() == [] and lc.live_generation == 1


def test_an_offline_camera_the_operator_stopped_stays_stopped(lc):
    lc.start(URL)
    lc.camera_offline()
    lc.stop()
    assert lc.camera_online() == [] and lc.state is StreamState.STOPPED
    assert lc.view().label == "stopped"
