"""``AlarmSoundPolicy``: when the alarm queue makes a sound, and which one. Qt-free.

Rules (issue 4, "sound per priority"):

- An alarm new to this workstation plays its priority's sound once.
- Never more than one sound per ``MIN_GAP``: a flood of hundreds of alarms in one batch makes
  one sound, the most urgent pending one; lesser sounds waiting at that moment are dropped, not
  queued (a queue of hundreds of beeps would go on for minutes and teach the hall to ignore
  them).
- While any P1 alarm is unacknowledged the P1 sound repeats every ``P1_REPEAT``.
- Mute silences everything until it ends by itself (``DEFAULT_MUTE_MINUTES``); it is allowed
  while P1 alarms wait (the indicator shows it), and the reminder sounds again when it ends.
- ``enabled`` is the officer's setting: off means no sound at all.

The caller feeds it (``alarms_arrived``, ``open_alarms_changed``) and asks ``due()`` a few
times a second; nothing here plays anything or keeps a timer. Times come from ``now`` (UTC,
injectable so tests can move time). Not thread-safe: use from one thread (the UI thread).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Final

from backend_client import schemas as s

MIN_GAP: Final = timedelta(seconds=1.5)
P1_REPEAT: Final = timedelta(seconds=4)
DEFAULT_MUTE_MINUTES: Final = 5
PRIORITIES: Final = (1, 2, 3, 4)
# Alarm ids remembered so a repeated delivery of the same new alarm never sounds twice; bounded
# so a twelve-hour shift with floods does not grow it without end.
_REMEMBERED_IDS: Final = 20_000


class _RecentIds:
    """A bounded set: the oldest ids are forgotten first."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._order: deque[str] = deque()
        self._ids: set[str] = set()

    def add(self, alarm_id: str) -> bool:
        """True if ``alarm_id`` was not remembered yet."""
        if alarm_id in self._ids:
            return False
        self._ids.add(alarm_id)
        self._order.append(alarm_id)
        if len(self._order) > self._limit:
            self._ids.discard(self._order.popleft())
        return True


class AlarmSoundPolicy:
    def __init__(self, now: Callable[[], datetime] = s.utcnow, *, enabled: bool = True,
                 min_gap: timedelta = MIN_GAP, p1_repeat: timedelta = P1_REPEAT) -> None:
        self._now = now
        self._enabled = enabled
        self.min_gap = min_gap
        self.p1_repeat = p1_repeat
        self._pending: set[int] = set()  # priorities, never alarms: a flood stays 4 entries
        self._heard = _RecentIds(_REMEMBERED_IDS)
        self._last_sound_at: datetime | None = None
        self._p1_waiting: frozenset[str] = frozenset()
        self._next_p1_at: datetime | None = None
        self._muted_until: datetime | None = None
        self._mute_length = timedelta(minutes=DEFAULT_MUTE_MINUTES)

    # --- inputs -------------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """The officer's setting ``sounds``."""
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        self._enabled = bool(value)
        if not self._enabled:
            self._pending.clear()  # switched back on later, old announcements stay unsaid

    def alarms_arrived(self, alarms: Iterable[s.Alarm]) -> None:
        """Alarms that are new to this workstation from the live stream (not the cache and not
        a snapshot: those were not "just raised"). Each sounds at most once, ever."""
        for alarm in alarms:
            # An alarm someone already acknowledged needs no call for attention.
            if alarm.state == "new" and self._heard.add(alarm.id) \
                    and alarm.priority in PRIORITIES:
                self._pending.add(alarm.priority)
        if not self._enabled or self.is_muted():
            self._pending.clear()  # silenced now means never: no burst when the mute ends

    def open_alarms_changed(self, unacknowledged_p1_ids: Iterable[str]) -> None:
        """The ids of the P1 alarms still unacknowledged (state "new"), all of them, each time
        they may have changed. Empty stops the reminder."""
        was_waiting = bool(self._p1_waiting)
        self._p1_waiting = frozenset(unacknowledged_p1_ids)
        if not self._p1_waiting:
            self._next_p1_at = None
        elif not was_waiting:
            # P1s that were never announced here (e.g. in a snapshot after a restart): the
            # reminder starts one interval from now rather than at once, so a snapshot itself
            # is silent but an unacknowledged P1 is still not forgotten. A P1 announced a
            # moment ago keeps its own schedule.
            now = self._now()
            if self._next_p1_at is None or self._next_p1_at <= now:
                self._next_p1_at = now + self.p1_repeat

    @property
    def p1_waiting(self) -> bool:
        """Whether any P1 alarm waits for acknowledgement."""
        return bool(self._p1_waiting)

    # --- mute ---------------------------------------------------------------------------------

    def mute(self, minutes: float = DEFAULT_MUTE_MINUTES) -> datetime:
        """Silence everything for ``minutes``; returns when the mute ends by itself."""
        if minutes <= 0:
            raise ValueError(f"mute for a positive number of minutes, not {minutes!r}")
        self._mute_length = timedelta(minutes=minutes)
        self._muted_until = self._now() + self._mute_length
        self._pending.clear()
        return self._muted_until

    def unmute(self) -> None:
        self._muted_until = None

    @property
    def muted_until(self) -> datetime | None:
        """When the mute ends, or None when not muted (an expired mute reads as None)."""
        return self._muted_until if self.is_muted() else None

    def is_muted(self, now: datetime | None = None) -> bool:
        if self._muted_until is None:
            return False
        now = now or self._now()
        if self._muted_until - now > self._mute_length:
            # The wall clock was set back: never let that stretch a mute beyond its length.
            self._muted_until = now + self._mute_length
        if now >= self._muted_until:
            self._muted_until = None
            return False
        return True

    # --- output -------------------------------------------------------------------------------

    def due(self, now: datetime | None = None) -> int | None:
        """The priority whose sound to play now, or None. Asking counts as playing it: the
        caller plays what it gets (or the sound is lost, never repeated late)."""
        now = now or self._now()
        if not self._enabled or self.is_muted(now):
            self._pending.clear()
            return None
        if self._last_sound_at is not None:
            if now < self._last_sound_at:
                self._last_sound_at = None  # the clock was set back; don't wait for it
            elif now - self._last_sound_at < self.min_gap:
                return None
        choice = min(self._pending) if self._pending else None
        if self._p1_waiting and self._next_p1_at is not None:
            if self._next_p1_at - now > self.p1_repeat:
                self._next_p1_at = now + self.p1_repeat  # clock set back
            if now >= self._next_p1_at:
                choice = 1
        if choice is None:
            return None
        self._pending.clear()
        self._last_sound_at = now
        if choice == 1:
            self._next_p1_at = now + self.p1_repeat
        return choice
