"""``AlarmSoundController``: the hall's alarms → ``AlarmSoundPolicy`` → ``SoundPlayer``.

It sounds what is *new*: the alarms the hall received live that it did not hold before
(``HallState.new_alarm_ids``), in state "new". The cache at start-up and snapshots only tell
what exists; sounding them would ring hundreds of old alarms after every restart or reconnect.
P1 alarms still unacknowledged are counted only once the hall shows the server's state: the
cache may be hours old, and a reminder for a P1 someone acknowledged meanwhile would teach the
hall to ignore the sound.

Runs on the UI thread (the hall notifies there); playing returns at once (the player has its
own thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from backend_client import schemas as s
from backend_client.changes import ChangeSet
from desktop.state.alarm_sounds import DEFAULT_MUTE_MINUTES, AlarmSoundPolicy
from desktop.state.hall import HallState

TICK_MS = 250  # how often the policy is asked; its own gaps are seconds


class Player(Protocol):
    """What the controller needs of ``SoundPlayer`` (tests give a recorder)."""

    problem: str | None

    def play(self, priority: int) -> None: ...
    def set_volume(self, volume: int) -> None: ...
    def close(self) -> None: ...


class AlarmSoundController(QObject):
    """Plays the alarm sounds for ``hall`` on ``player``. Owns neither: ``close()`` stops
    listening and ticking; the caller closes the player."""

    mute_changed = Signal(object)  # datetime | None: when the mute ends; None when not muted
    p1_waiting_changed = Signal(bool)  # any P1 unacknowledged (the mute indicator shows it)
    problem_changed = Signal(str)  # the player's sentence for the officer; "" when it is gone

    def __init__(self, hall: HallState, player: Player, *, enabled: bool = True,
                 volume: int = 80, policy: AlarmSoundPolicy | None = None,
                 effective: Callable[[s.Alarm], s.Alarm] = lambda a: a,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hall = hall
        self.player = player
        self.policy = policy if policy is not None else AlarmSoundPolicy()
        # The alarm as the officer left it: a P1 acknowledged while offline (queued) is
        # acknowledged for the ears too — its reminder stops at the officer's Space.
        self._effective = effective
        self._closed = False
        self._p1_waiting: set[str] = set()
        self._shown_muted_until: datetime | None = None
        self._shown_problem = ""
        self._shown_p1_waiting = False
        self.apply_settings(enabled, volume)
        self._recount_p1()
        self._tell_p1()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self._unsubscribe = hall.subscribe(self._changed)

    # --- the officer --------------------------------------------------------------------------

    def apply_settings(self, enabled: bool, volume: int) -> None:
        """The user settings ``sounds`` and ``sound_volume`` (0..100)."""
        self.policy.enabled = enabled
        self.player.set_volume(volume)

    def mute(self, minutes: int = DEFAULT_MUTE_MINUTES) -> None:
        self.policy.mute(minutes)
        self._report_mute()

    def unmute(self) -> None:
        self.policy.unmute()
        self._report_mute()
        self.tick()  # a waiting P1 reminder sounds at once

    @property
    def muted_until(self) -> datetime | None:
        return self.policy.muted_until

    @property
    def p1_waiting(self) -> bool:
        return self.policy.p1_waiting

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._unsubscribe()

    # --- the hall -----------------------------------------------------------------------------

    def _changed(self, changes: ChangeSet) -> None:
        if not (changes.alarms or changes.reset or self._live != (not self.hall.from_cache)):
            return  # units moving, cameras...: nothing for the ears
        if changes.reset or changes.from_cache:
            # What exists, not what just happened: no sound (the hall lists no news).
            self._recount_p1()
        else:
            new = set(self.hall.new_alarm_ids)
            self.policy.alarms_arrived(a for a in changes.alarms
                                       if a.id in new and a.state == "new")
            self.recount(a.id for a in changes.alarms)
        self._tell_p1()
        self.tick()  # a new alarm sounds now, not up to a tick later

    def recount(self, alarm_ids: Iterable[str]) -> None:
        """These alarms changed (on the server, or by the officer's pending commands)."""
        for alarm_id in alarm_ids:
            alarm = self.hall.alarms.get(alarm_id)
            if alarm is not None and _waiting_p1(self._effective(alarm)):
                self._p1_waiting.add(alarm_id)
            else:
                self._p1_waiting.discard(alarm_id)
        self._tell_p1()

    def _recount_p1(self) -> None:
        self._p1_waiting = {a.id for a in self.hall.alarms.values()
                            if _waiting_p1(self._effective(a))}

    def _tell_p1(self) -> None:
        self._live = not self.hall.from_cache
        self.policy.open_alarms_changed(self._p1_waiting if self._live else ())

    # --- the clock ----------------------------------------------------------------------------

    def tick(self) -> None:
        """Play what is due; tell the indicator about a mute that ended by itself."""
        if self._closed:
            return
        priority = self.policy.due()
        if priority is not None:
            self.player.play(priority)
        self._report_mute()
        if self.policy.p1_waiting != self._shown_p1_waiting:
            self._shown_p1_waiting = self.policy.p1_waiting
            self.p1_waiting_changed.emit(self._shown_p1_waiting)
        problem = self.player.problem or ""
        if problem != self._shown_problem:
            self._shown_problem = problem
            self.problem_changed.emit(problem)

    def _report_mute(self) -> None:
        until = self.policy.muted_until
        if until != self._shown_muted_until:
            self._shown_muted_until = until
            self.mute_changed.emit(until)


def _waiting_p1(alarm: s.Alarm) -> bool:
    return alarm.priority == 1 and alarm.state == "new"
