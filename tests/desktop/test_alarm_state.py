"""The alarm workflow's Qt-free state: pending commands (optimistic view, reconciliation,
rollback), the flood meter, shelves (expiry, persistence, a corrupt file), the actions' own
checks, and the garbage-collection pacer."""

from __future__ import annotations

import gc
import json
from datetime import timedelta

import pytest

from backend_client.changes import ChangeSet
from backend_client.schemas import Operator
from desktop.services.alarm_actions import AlarmActions
from desktop.shell import gc_pacer
from desktop.state.flood import FloodMeter
from desktop.state.hall import HallState
from desktop.state.pending import PendingCommands, optimistic, parse_alarm_command
from desktop.state.session import SessionState
from desktop.state.shelves import FILE_NAME, Shelves
from tests.factories import BASE_TIME, make_alarm


class Clock:
    def __init__(self):
        self.t = BASE_TIME

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += timedelta(seconds=seconds)


# --- pending commands -------------------------------------------------------------------------

def test_parse_alarm_command():
    assert parse_alarm_command("/alarms/A1/acknowledge") == ("A1", "acknowledge")
    assert parse_alarm_command("/alarms/A1/notes") == ("A1", "notes")
    assert parse_alarm_command("/alarms") is None
    assert parse_alarm_command("/units/U1/status") is None


def test_optimistic_views_follow_the_servers_rules():
    new = make_alarm(id="A1", state="new", notes=[])
    pending = PendingCommands()
    c = pending.add("k1", "/alarms/A1/acknowledge", {"note": "on it"}, BASE_TIME, "op1", "王")
    acked = optimistic(new, c)
    assert acked.state == "acknowledged" and acked.acknowledged_by == "op1"
    assert [n.text for n in acked.notes] == ["on it"] and acked.version == new.version
    # Dispatch on a new alarm shows nothing (the server will refuse); on an acknowledged one
    # it shows the units and the state.
    d = pending.add("k2", "/alarms/A1/dispatch", {"unit_ids": ["U1", "U2"]}, BASE_TIME, "op1",
                    "王")
    assert optimistic(new, d) == new
    assert optimistic(acked, d).assigned_unit_ids == ["U1", "U2"]
    assert optimistic(acked, d).state == "dispatched"
    # Closing is never shown as closed: the row stays, marked "closing".
    pending.add("k3", "/alarms/A1/close", {"disposition": "resolved", "note": "done"},
                BASE_TIME, "op1", "王")
    assert pending.effective(new).state == "dispatched"
    assert pending.mark("A1") == "closing"


def test_sent_waits_for_the_answered_version_then_forgets():
    alarm = make_alarm(id="A1", version=3, state="new")
    pending = PendingCommands()
    told: list[set[str]] = []
    pending.subscribe(told.append)
    pending.add("k1", "/alarms/A1/acknowledge", {}, BASE_TIME, "op1", "王")
    assert pending.mark("A1") == "queued" and told == [{"A1"}]
    pending.sent("k1", {"id": "A1", "version": 4}, held=alarm)
    assert pending.mark("A1") is None  # sent: no "queued", but still the optimistic view
    assert pending.effective(alarm).state == "acknowledged"
    assert pending.reconcile([alarm]) == set()  # an older version settles nothing
    done = alarm.model_copy(update={"version": 4, "state": "acknowledged"})
    assert pending.reconcile([done]) == {"A1"}
    assert len(pending) == 0 and pending.effective(alarm) is alarm


def test_sent_after_the_event_already_arrived_forgets_at_once():
    pending = PendingCommands()
    pending.add("k1", "/alarms/A1/acknowledge", {}, BASE_TIME, "op1", "王")
    held = make_alarm(id="A1", version=5, state="acknowledged")
    pending.sent("k1", {"id": "A1", "version": 5}, held=held)
    assert len(pending) == 0


def test_rejection_rolls_back_and_keeps_the_message():
    alarm = make_alarm(id="A1", state="new")
    pending = PendingCommands()
    pending.add("k1", "/alarms/A1/acknowledge", {}, BASE_TIME, "op1", "王")
    pending.rejected("k1", "it is acknowledged, not new", BASE_TIME)
    assert pending.effective(alarm) is alarm
    assert pending.refusals["A1"].message == "it is acknowledged, not new"
    # A new command on the alarm clears the old refusal.
    pending.add("k2", "/alarms/A1/notes", {"text": "x"}, BASE_TIME, "op1", "王")
    assert "A1" not in pending.refusals


def test_snapshot_drops_answered_commands_on_vanished_alarms_only():
    pending = PendingCommands()
    pending.add("k1", "/alarms/A1/close", {"disposition": "resolved", "note": "n"}, BASE_TIME,
                "op1", "王")
    pending.add("k2", "/alarms/A2/acknowledge", {}, BASE_TIME, "op1", "王")
    pending.sent("k1", {"id": "A1", "version": 9}, held=make_alarm(id="A1", version=8))
    changed = pending.reconcile_all([])  # neither alarm is open on the server any more
    assert changed == {"A1"}
    assert pending.has_pending("A2")  # still in flight: the server will judge it


# --- flood meter --------------------------------------------------------------------------------

def test_flood_meter_counts_a_window_and_time_in_flood():
    clock = Clock()
    meter = FloodMeter(threshold=10, now=clock)
    meter.arrived(10)
    assert not meter.reading().in_flood  # 10 is not more than 10
    meter.arrived(1)
    r = meter.reading()
    assert r.in_flood and r.count == 11 and r.per_minute == 11 and r.flood_since == clock.t
    clock.advance(120)
    r = meter.reading()
    assert r.in_flood and r.per_minute == 0 and r.time_in_flood == timedelta(seconds=120)
    clock.advance(600)  # the window has passed: the flood is over, its time kept
    r = meter.reading()
    assert not r.in_flood and r.count == 0 and r.time_in_flood == timedelta(seconds=720)
    meter.arrived(0)
    assert meter.reading().count == 0


# --- shelves --------------------------------------------------------------------------------------

def test_shelves_expire_by_themselves_and_survive_a_restart(tmp_path):
    clock = Clock()
    shelves = Shelves(tmp_path, now=clock)
    told = []
    shelves.subscribe(told.append)
    with pytest.raises(ValueError):
        shelves.shelve("camera:c1", "Camera 1", "  ", 30, "op1")
    with pytest.raises(ValueError):
        shelves.shelve("camera:c1", "Camera 1", "chattering", 100_000, "op1")
    shelf = shelves.shelve("camera:c1", "Camera 1", "chattering in the rain", 30, "op1")
    assert shelves.keys() == {"camera:c1"} and shelf.until == BASE_TIME + timedelta(minutes=30)
    again = Shelves(tmp_path, now=clock)
    assert [s.reason for s in again.active()] == ["chattering in the rain"]
    clock.advance(30 * 60)
    assert [s.source_key for s in shelves.expire()] == ["camera:c1"]
    assert shelves.keys() == frozenset() and told[-1] == []
    assert Shelves(tmp_path, now=clock).keys() == frozenset()  # expired on disk too


def test_corrupt_shelves_file_means_none_shelved_with_a_message(tmp_path):
    (tmp_path / FILE_NAME).write_text("{not json", encoding="utf-8")
    shelves = Shelves(tmp_path)
    assert shelves.keys() == frozenset() and "could not be read" in shelves.problem
    (tmp_path / FILE_NAME).write_text(json.dumps({"shelves": [{"source_key": 1}]}))
    assert Shelves(tmp_path).keys() == frozenset()


# --- the actions' own checks ---------------------------------------------------------------------

def _actions(roles, alarm):
    hall = HallState()
    hall.apply(ChangeSet(reset=True, alarms=[alarm]))
    state = SessionState()
    state.set_operator(Operator(id="op1", name="王", roles=roles))
    return AlarmActions(hall, state, PendingCommands(), lambda: None)


@pytest.mark.parametrize("roles, action, alarm, why", [
    (["leadership"], "acknowledge", {"state": "new"}, "Your role may not do this."),
    (["duty_officer"], "acknowledge", {"state": "acknowledged"}, "Already acknowledged."),
    (["duty_officer"], "dispatch", {"state": "new"}, "Acknowledge the alarm first."),
    (["duty_officer"], "dispatch", {"state": "acknowledged", "kind": "watchlist_hit"},
     "Verify the watchlist match first."),
    (["duty_officer"], "dispatch", {"state": "acknowledged", "kind": "watchlist_hit",
                                    "verified": True}, ""),
    (["duty_officer"], "verify", {"kind": "fire"}, "Only watchlist hits are verified."),
    (["duty_officer"], "close", {"state": "acknowledged", "acknowledged_by": "op2"},
     "Acknowledged by another officer: only they or a supervisor may close it."),
    (["supervisor"], "close", {"state": "acknowledged", "acknowledged_by": "op2"}, ""),
    (["video_patrol"], "add_note", {}, ""),
    (["video_patrol"], "close", {}, "Your role may not do this."),
])
def test_actions_say_why_not(roles, action, alarm, why):
    a = make_alarm(id="A1", **alarm)
    actions = _actions(roles, a)
    assert actions.why_not(action, actions.alarm("A1")) == why


def test_actions_refuse_without_a_session():
    from desktop.services.alarm_actions import ActionRefused
    actions = _actions(["duty_officer"], make_alarm(id="A1", state="new"))

    async def go():
        with pytest.raises(ActionRefused, match="Not connected"):
            await actions.acknowledge(["A1"])

    import asyncio
    asyncio.run(go())


# --- garbage-collection pacer ------------------------------------------------------------------

def test_gc_pacer_freezes_and_collects_only_when_quiet(qapp, monkeypatch):
    hall = HallState()
    pacer = gc_pacer.GcPacer(hall)
    try:
        assert gc.get_freeze_count() > 0
        hall.apply(ChangeSet(reset=True))  # a snapshot is frozen at once
        assert pacer.freezes == 1
        hall.apply(ChangeSet(alarms=[make_alarm()]))
        pacer.pace()  # busy: only a freeze
        assert pacer.full_collections == 0 and pacer.freezes == 2
        monkeypatch.setattr(gc_pacer, "QUIET_S", 0.0)
        monkeypatch.setattr(gc_pacer, "FULL_AT_MOST_EVERY_S", 0.0)
        pacer.pace()
        assert pacer.full_collections == 1
    finally:
        pacer.close()
        gc.unfreeze()
