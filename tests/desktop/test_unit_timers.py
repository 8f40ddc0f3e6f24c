"""The unit board's status timers: late exactly one second after the target, never at it;
a welfare check restarts the on-scene clock; and ``seconds_to_overdue`` (which the board uses
to ask about a unit only when its time comes) agrees with ``overdue`` for any unit and clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from backend_client.schemas import UNIT_STATUSES
from desktop.state.unit_timers import StatusTargets, overdue, seconds_to_overdue
from tests.factories import BASE_TIME, make_unit

TARGETS = StatusTargets(dispatched_s=120, en_route_s=600, welfare_s=1200)


@pytest.mark.parametrize(("status", "limit", "late"), [
    ("dispatched", 120, "late_en_route"), ("en_route", 600, "late_on_scene"),
    ("on_scene", 1200, "welfare_due")])
def test_late_one_second_after_the_target(status, limit, late):
    unit = make_unit(status=status, status_since=BASE_TIME)
    assert overdue(unit, BASE_TIME + timedelta(seconds=limit), TARGETS) is None
    assert overdue(unit, BASE_TIME + timedelta(seconds=limit + 1), TARGETS) == late


def test_no_timer_for_the_other_statuses():
    for status in ("available", "busy", "out_of_service", "off_duty"):
        unit = make_unit(status=status, status_since=BASE_TIME)
        assert overdue(unit, BASE_TIME + timedelta(days=2), TARGETS) is None
        assert seconds_to_overdue(unit, BASE_TIME, TARGETS) is None


def test_a_welfare_check_restarts_the_on_scene_clock():
    unit = make_unit(status="on_scene", status_since=BASE_TIME)
    confirmed = BASE_TIME + timedelta(minutes=25)
    now = BASE_TIME + timedelta(minutes=30)
    assert overdue(unit, now, TARGETS) == "welfare_due"
    assert overdue(unit, now, TARGETS, confirmed) is None
    assert seconds_to_overdue(unit, now, TARGETS, confirmed) == 900
    # A confirmation from before the unit arrived does not count.
    assert overdue(unit, now, TARGETS, BASE_TIME - timedelta(minutes=5)) == "welfare_due"


@given(st.sampled_from(UNIT_STATUSES), st.integers(0, 5000), st.integers(-60, 5000),
       st.one_of(st.none(), st.integers(0, 5000)))
def test_seconds_to_overdue_agrees_with_overdue(status, since_s, now_s, confirmed_s):
    unit = make_unit(status=status, status_since=BASE_TIME + timedelta(seconds=since_s))
    now = BASE_TIME + timedelta(seconds=since_s + now_s)
    confirmed = None if confirmed_s is None else BASE_TIME + timedelta(seconds=confirmed_s)
    due = seconds_to_overdue(unit, now, TARGETS, confirmed)
    if due is None:
        assert overdue(unit, now + timedelta(days=3), TARGETS, confirmed) is None
        return
    at = now + timedelta(seconds=due)
    if due > 0:
        assert overdue(unit, now, TARGETS, confirmed) is None
        assert overdue(unit, at, TARGETS, confirmed) is None  # at the target: not yet
    assert overdue(unit, at + timedelta(seconds=1), TARGETS, confirmed) is not None
