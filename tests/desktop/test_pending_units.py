"""Pending status changes: shown at once, kept until the server's version includes them,
rolled back with the server's words when refused; other commands are not tracked."""

from __future__ import annotations

from datetime import timedelta

from desktop.state.pending_units import PendingUnitStatus
from tests.factories import BASE_TIME, make_unit

AT = BASE_TIME + timedelta(minutes=5)


def test_a_change_shows_at_once_and_settles_with_the_servers_version():
    pending = PendingUnitStatus()
    told: list[set[str]] = []
    pending.subscribe(told.append)
    unit = make_unit(id="u1", status="available", version=3)
    pending.add("k1", "/alarms/a1/notes", {"text": "x"}, AT)  # not a status command
    pending.add("k1", "/units/u1/status", {"status": "busy"}, AT)
    assert told == [{"u1"}]
    shown = pending.effective(unit)
    assert (shown.status, shown.status_since) == ("busy", AT)
    assert pending.queued("u1")
    pending.sent("k1", {"id": "u1", "version": 4}, unit)  # the event is not in yet
    assert not pending.queued("u1") and pending.effective(unit).status == "busy"
    assert pending.reconcile([unit]) == set()  # an older version settles nothing
    newer = unit.model_copy(update={"status": "busy", "version": 4})
    assert pending.reconcile([newer]) == {"u1"}
    assert not pending.has_pending("u1") and pending.effective(newer) == newer


def test_a_refusal_rolls_back_and_keeps_why():
    pending = PendingUnitStatus()
    unit = make_unit(id="u1", status="dispatched")
    pending.add("k1", "/units/u1/status", {"status": "off_duty"}, AT)
    assert pending.effective(unit).status == "off_duty"
    pending.rejected("k1", "unit cannot go from dispatched to off_duty", AT)
    assert pending.effective(unit) == unit
    assert pending.refusals["u1"].message.startswith("unit cannot go")
    # A later change of the same unit clears the old refusal; the newest change wins.
    pending.add("k2", "/units/u1/status", {"status": "en_route"}, AT)
    pending.add("k3", "/units/u1/status", {"status": "on_scene"}, AT)
    assert "u1" not in pending.refusals and pending.effective(unit).status == "on_scene"
    assert len(pending) == 1
