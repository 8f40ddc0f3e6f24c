"""Alarm sounds per priority: the policy (fake clock), the controller on a real ``HallState``,
and the real libVLC player writing what it plays into a WAV file (``--aout=afile``)."""

from __future__ import annotations

import array
import logging
import sys
import time
import wave
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from backend_client.changes import ChangeSet
from desktop.shell import alarm_sound_player as player_module
from desktop.shell.alarm_sound_player import (
    NO_DEVICE,
    NO_ENGINE,
    NO_FILES,
    SoundPlayer,
    default_sounds_dir,
    sound_file,
)
from desktop.shell.alarm_sounds import AlarmSoundController
from desktop.state.alarm_sounds import AlarmSoundPolicy
from desktop.state.hall import HallState
from tests.factories import BASE_TIME, make_alarm


class Clock:
    def __init__(self) -> None:
        self.t = BASE_TIME

    def __call__(self) -> datetime:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += timedelta(seconds=seconds)


def drain(policy: AlarmSoundPolicy, clock: Clock, seconds: float, step: float = 0.25
          ) -> list[int]:
    """Ask the policy every ``step`` s for ``seconds``, as the controller's timer does."""
    played = []
    for _ in range(round(seconds / step)):
        clock.advance(step)
        due = policy.due()
        if due is not None:
            played.append(due)
    return played


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def policy(clock: Clock) -> AlarmSoundPolicy:
    return AlarmSoundPolicy(now=clock)


# --- the policy -----------------------------------------------------------------------------


def test_each_new_alarm_sounds_once_with_its_priority(policy, clock):
    p3 = make_alarm(priority=3)
    policy.alarms_arrived([p3])
    assert policy.due() == 3
    assert drain(policy, clock, 10) == []
    policy.alarms_arrived([p3])  # delivered again: still the same alarm
    assert drain(policy, clock, 10) == []
    policy.alarms_arrived([make_alarm(priority=4)])
    assert drain(policy, clock, 2) == [4]


def test_an_alarm_already_acknowledged_makes_no_sound(policy, clock):
    policy.alarms_arrived([make_alarm(priority=2, state="acknowledged")])
    assert drain(policy, clock, 5) == []


def test_a_flood_of_500_alarms_in_one_batch_makes_one_sound(policy, clock):
    flood = [make_alarm(priority=[4, 3, 2, 2, 3][i % 5]) for i in range(500)]
    policy.alarms_arrived(flood)
    assert policy.due() == 2  # the most urgent of the batch
    assert drain(policy, clock, 30) == []


def test_sounds_are_at_least_the_gap_apart_in_a_continuous_flood(policy, clock):
    times = []
    for _ in range(40):  # a batch every 0.25 s for 10 s
        policy.alarms_arrived([make_alarm(priority=3) for _ in range(20)])
        clock.advance(0.25)
        if policy.due() is not None:
            times.append(clock.t)
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
    assert len(times) >= 5
    assert min(gaps) >= policy.min_gap.total_seconds()


def test_the_most_urgent_pending_sound_wins_within_the_gap(policy, clock):
    policy.alarms_arrived([make_alarm(priority=4)])
    assert policy.due() == 4
    clock.advance(0.5)
    policy.alarms_arrived([make_alarm(priority=3), make_alarm(priority=2)])
    assert policy.due() is None  # too soon after the last sound
    assert drain(policy, clock, 5) == [2]  # one sound, the P2; the P3 is not queued behind it


def test_p1_repeats_until_acknowledged_then_stops(policy, clock):
    p1 = make_alarm(priority=1)
    policy.alarms_arrived([p1])
    policy.open_alarms_changed({p1.id})
    assert policy.due() == 1
    played = drain(policy, clock, 12)
    assert played == [1, 1, 1]  # every 4 s
    policy.open_alarms_changed(set())  # acknowledged
    assert drain(policy, clock, 20) == []


def test_p1_waiting_from_a_snapshot_is_reminded_after_one_interval(policy, clock):
    policy.open_alarms_changed({"alarm-old-p1"})
    assert policy.due() is None
    assert drain(policy, clock, 3.5) == []
    assert drain(policy, clock, 1) == [1]


def test_mute_silences_everything_and_ends_by_itself(policy, clock):
    p1 = make_alarm(priority=1)
    until = policy.mute()
    assert until == clock.t + timedelta(minutes=5)
    assert policy.muted_until == until
    policy.alarms_arrived([p1, make_alarm(priority=2)])  # muting with P1 waiting is allowed
    policy.open_alarms_changed({p1.id})
    assert policy.p1_waiting
    assert drain(policy, clock, 299) == []
    assert policy.muted_until == until
    assert drain(policy, clock, 2) == [1]  # the mute ended: the P1 reminder, no P2 burst
    assert policy.muted_until is None


def test_unmute_and_a_clock_set_back_do_not_stretch_the_mute(policy, clock):
    policy.mute(1)
    clock.advance(-3600)  # the wall clock jumps back an hour
    assert policy.is_muted()
    clock.advance(61)
    assert not policy.is_muted()
    policy.mute()
    policy.unmute()
    assert policy.muted_until is None
    policy.alarms_arrived([make_alarm(priority=3)])
    assert policy.due() == 3
    with pytest.raises(ValueError):
        policy.mute(0)


def test_disabled_means_no_sound_at_all(policy, clock):
    policy.enabled = False
    p1 = make_alarm(priority=1)
    policy.alarms_arrived([p1, make_alarm(priority=2)])
    policy.open_alarms_changed({p1.id})
    assert drain(policy, clock, 20) == []
    policy.enabled = True  # switched on again: the P1 still waits and is reminded
    assert drain(policy, clock, 1) == [1]


# --- the controller -------------------------------------------------------------------------


class RecordingPlayer:
    def __init__(self) -> None:
        self.problem: str | None = None
        self.played: list[int] = []
        self.volume: int | None = None
        self.closed = False

    def play(self, priority: int) -> None:
        self.played.append(priority)

    def set_volume(self, volume: int) -> None:
        self.volume = volume

    def close(self) -> None:
        self.closed = True


@pytest.fixture
def controlled(qapp, clock):
    hall = HallState()
    player = RecordingPlayer()
    controller = AlarmSoundController(hall, player, policy=AlarmSoundPolicy(now=clock),
                                      volume=35)
    yield hall, player, controller
    controller.close()


def tick_for(controller: AlarmSoundController, clock: Clock, seconds: float) -> None:
    for _ in range(round(seconds / 0.25)):
        clock.advance(0.25)
        controller.tick()


def test_controller_sounds_a_live_new_alarm_once(controlled, clock):
    hall, player, controller = controlled
    assert player.volume == 35
    hall.apply(ChangeSet(reset=True))  # the server's snapshot: live from here
    alarm = make_alarm(priority=2)
    hall.apply(ChangeSet(alarms=[alarm]))
    assert player.played == [2]  # at once, not a tick later
    tick_for(controller, clock, 5)
    hall.apply(ChangeSet(alarms=[alarm.model_copy(update={"version": 2, "title": "x"})]))
    hall.apply(ChangeSet(alarms=[make_alarm(priority=3, state="dispatched")]))
    tick_for(controller, clock, 5)
    assert player.played == [2]


def test_controller_cache_and_snapshots_make_no_sound(controlled, clock):
    hall, player, controller = controlled
    cached = [make_alarm(priority=p) for p in (1, 1, 2, 3, 4)]
    hall.apply(ChangeSet(reset=True, from_cache=True, alarms=cached))
    tick_for(controller, clock, 20)  # cached P1s may be long acknowledged: no reminder either
    hall.apply(ChangeSet(from_cache=True, alarms=[make_alarm(priority=2)]))  # a cache delta
    tick_for(controller, clock, 5)
    snapshot = [make_alarm(priority=p) for p in (2, 3, 4)] + cached[2:]
    hall.apply(ChangeSet(reset=True, alarms=snapshot))
    tick_for(controller, clock, 20)
    # Alarms the snapshot already had are not new when the stream repeats them.
    hall.apply(ChangeSet(alarms=[snapshot[0].model_copy(update={"version": 2})]))
    tick_for(controller, clock, 5)
    assert player.played == []


def test_controller_p1_in_a_snapshot_is_not_new_but_is_reminded(controlled, clock):
    hall, player, controller = controlled
    hall.apply(ChangeSet(reset=True, alarms=[make_alarm(priority=1)]))
    tick_for(controller, clock, 3.5)
    assert player.played == []  # the snapshot itself is silent
    tick_for(controller, clock, 1)
    assert player.played == [1]  # but an unacknowledged P1 is not forgotten


def test_controller_flood_of_500_makes_one_sound(controlled, clock):
    hall, player, controller = controlled
    hall.apply(ChangeSet(reset=True))
    hall.apply(ChangeSet(alarms=[make_alarm(priority=3 + i % 2) for i in range(500)]))
    tick_for(controller, clock, 10)
    assert player.played == [3]


def test_controller_p1_repeats_until_acknowledged(controlled, clock):
    hall, player, controller = controlled
    waiting = []
    controller.p1_waiting_changed.connect(waiting.append)
    hall.apply(ChangeSet(reset=True))
    p1 = make_alarm(priority=1)
    hall.apply(ChangeSet(alarms=[p1]))
    tick_for(controller, clock, 8.5)
    assert player.played == [1, 1, 1]
    assert waiting == [True]
    hall.apply(ChangeSet(alarms=[p1.model_copy(update={"state": "acknowledged", "version": 2})]))
    tick_for(controller, clock, 20)
    assert player.played == [1, 1, 1]
    assert waiting == [True, False]


def test_controller_p1_closed_unacknowledged_stops_the_reminder(controlled, clock):
    hall, player, controller = controlled
    hall.apply(ChangeSet(reset=True))
    p1 = make_alarm(priority=1)
    hall.apply(ChangeSet(alarms=[p1]))
    hall.apply(ChangeSet(alarms=[p1.model_copy(update={"state": "closed", "version": 2})]))
    tick_for(controller, clock, 10)
    assert player.played == [1]


def test_controller_mute_signals_and_expiry(controlled, clock):
    hall, player, controller = controlled
    changes = []
    controller.mute_changed.connect(changes.append)
    hall.apply(ChangeSet(reset=True))
    controller.mute()
    assert changes == [clock.t + timedelta(minutes=5)]
    hall.apply(ChangeSet(alarms=[make_alarm(priority=1)]))
    assert controller.p1_waiting
    tick_for(controller, clock, 299.5)
    assert player.played == []
    tick_for(controller, clock, 1)
    assert changes[-1] is None  # ended by itself, and the indicator was told
    assert player.played == [1]
    controller.mute(1)
    assert changes[-1] == clock.t + timedelta(minutes=1)
    controller.unmute()
    assert changes[-1] is None and controller.muted_until is None


def test_controller_settings_off_and_close(controlled, clock):
    hall, player, controller = controlled
    hall.apply(ChangeSet(reset=True))
    controller.apply_settings(False, 60)
    assert player.volume == 60
    hall.apply(ChangeSet(alarms=[make_alarm(priority=1)]))
    tick_for(controller, clock, 10)
    assert player.played == []
    controller.apply_settings(True, 60)
    tick_for(controller, clock, 1)
    assert player.played == [1]
    controller.close()
    hall.apply(ChangeSet(alarms=[make_alarm(priority=2)]))
    tick_for(controller, clock, 10)
    assert player.played == [1]
    assert not player.closed  # the caller owns the player


def test_controller_timer_plays_reminders_by_itself(qtbot):
    hall = HallState()
    player = RecordingPlayer()
    policy = AlarmSoundPolicy(min_gap=timedelta(seconds=0.1),
                              p1_repeat=timedelta(seconds=0.3))
    controller = AlarmSoundController(hall, player, policy=policy)
    try:
        hall.apply(ChangeSet(reset=True))
        hall.apply(ChangeSet(alarms=[make_alarm(priority=1)]))
        assert player.played == [1]
        qtbot.waitUntil(lambda: len(player.played) >= 3, timeout=3000)
    finally:
        controller.close()


def test_controller_reports_the_players_problem(controlled):
    hall, player, controller = controlled
    problems = []
    controller.problem_changed.connect(problems.append)
    player.problem = NO_DEVICE
    controller.tick()
    controller.tick()
    player.problem = None
    controller.tick()
    assert problems == [NO_DEVICE, ""]


# --- the real libVLC player -----------------------------------------------------------------


def wait_for(condition, timeout: float = 10.0, what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def samples(path: Path) -> tuple[array.array, int]:
    with wave.open(str(path), "rb") as w:
        assert w.getsampwidth() == 2
        data = array.array("h", w.readframes(w.getnframes()))
        return data, w.getframerate() * w.getnchannels()


def test_sound_files_are_short_distinct_and_small():
    lengths = {}
    for priority in (1, 2, 3, 4):
        path = sound_file(default_sounds_dir(), priority)
        assert path.stat().st_size < 60_000
        with wave.open(str(path), "rb") as w:
            assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
            lengths[priority] = w.getnframes() / 22050
    assert lengths[1] == pytest.approx(0.8, abs=0.05)
    assert lengths[1] > lengths[2] > lengths[3] > lengths[4] >= 0.2


def test_player_really_plays_the_wav_through_libvlc(tmp_path):
    out = tmp_path / "played.wav"
    player = SoundPlayer(["--aout=afile", f"--audiofile-file={out}"], volume=70)
    try:
        assert player.wait_ready()
        assert player.problem is None and player.available
        started = time.monotonic()
        player.play(1)
        assert time.monotonic() - started < 0.05  # the caller never waits for libVLC
        wait_for(lambda: player.played >= 1, what="the P1 sound to reach the audio output")
    finally:
        player.close()
    assert player.problem is None
    got, rate = samples(out)
    source, _ = samples(sound_file(default_sounds_dir(), 1))
    assert len(got) / rate == pytest.approx(0.8, abs=0.1)  # the whole sound, not a click
    peak = max(abs(v) for v in got)
    assert peak > 0.5 * max(abs(v) for v in source)  # not silence
    assert sum(1 for v in got if abs(v) > 1000) > len(got) // 2


def test_player_reports_no_audio_output_once(tmp_path, caplog):
    caplog.set_level(logging.WARNING, logger=player_module.__name__)
    # An audio output module that does not exist: libVLC decodes but plays nowhere, as on a
    # machine without a sound card.
    player = SoundPlayer(["--aout=ccw-no-such-output"])
    try:
        player.play(3)
        wait_for(lambda: player.finished >= 1, what="the first sound to end")
        player.play(2)
        wait_for(lambda: player.finished >= 2, what="the second sound to end")
    finally:
        player.close()
    assert player.problem == NO_DEVICE and player.played == 0
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1, warnings


def test_player_with_options_libvlc_refuses_does_not_raise(caplog):
    caplog.set_level(logging.WARNING, logger=player_module.__name__)
    player = SoundPlayer(["--ccw-no-such-option"])
    assert player.wait_ready()
    player.play(1)
    player.set_volume(150)
    assert player.volume == 100
    player.close()
    player.close()
    player.play(2)  # after close: still nothing raised
    assert player.problem == NO_ENGINE and not player.available
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) == 1


def test_player_without_sound_files_stays_silent_and_says_so(tmp_path):
    player = SoundPlayer(["--aout=afile", f"--audiofile-file={tmp_path / 'out.wav'}"],
                         sounds_dir=tmp_path / "nothing-here")
    try:
        assert player.wait_ready()
        player.play(1)
        with pytest.raises(ValueError):
            player.play(5)
    finally:
        player.close()
    assert not player.available
    assert player.problem == NO_FILES
    assert not (tmp_path / "out.wav").exists()


def test_player_without_libvlc_is_a_quiet_no_op(monkeypatch):
    monkeypatch.setitem(sys.modules, "vlc", None)  # "import vlc" now fails, as without libVLC
    player = SoundPlayer()
    assert player.wait_ready()
    player.play(1)
    player.close()
    assert player.problem == NO_ENGINE and not player.available
