"""The hall's rules exactly as CONTRACT-NOTES.md states them."""

from datetime import UTC, datetime

import pytest

from backend_client.schemas import Alarm, Unit
from backend_client.server import rules
from backend_client.server.problems import Conflict, Forbidden

NOTES_TABLE = {
    "available": {"busy", "out_of_service", "off_duty"},
    "dispatched": {"en_route", "on_scene", "available", "out_of_service"},
    "en_route": {"on_scene", "available", "out_of_service"},
    "on_scene": {"available", "busy", "out_of_service"},
    "busy": {"available", "out_of_service", "off_duty"},
    "out_of_service": {"available", "off_duty"},
    "off_duty": {"available"},
}
STATUSES = ["available", "dispatched", "en_route", "on_scene", "busy", "out_of_service",
            "off_duty"]
NOW = datetime(2026, 5, 1, tzinfo=UTC)


def unit(status="available", alarm_id=None):
    return Unit(id="U1", version=1, callsign="巡11", kind="patrol_car", status=status,
                status_since=NOW, alarm_id=alarm_id)


def alarm(state="new", kind="call", verified=None, acknowledged_by=None):
    return Alarm(id="A1", version=1, kind=kind, priority=3, title="t",
                 source={"type": "system"}, location={"lat": 30.7, "lon": 120.7}, state=state,
                 created_at=NOW, updated_at=NOW, verified=verified,
                 acknowledged_by=acknowledged_by)


@pytest.mark.parametrize("current,new", [(c, n) for c, ns in NOTES_TABLE.items() for n in ns])
def test_every_allowed_unit_transition(current, new):
    assert rules.unit_may_become(current, new)
    rules.check_unit_transition(unit(current), new)


@pytest.mark.parametrize("current,new", [(c, n) for c in STATUSES for n in STATUSES
                                         if n not in NOTES_TABLE[c]])
def test_every_other_unit_transition_is_refused(current, new):
    assert not rules.unit_may_become(current, new)
    with pytest.raises(Conflict) as e:
        rules.check_unit_transition(unit(current), new)
    assert e.value.status == 409 and e.value.code == "invalid_transition"


def test_dispatched_only_comes_from_a_dispatch():
    assert not any("dispatched" in targets for targets in rules.UNIT_TRANSITIONS.values())


ROLE_NOTES = {  # action: (duty_officer, supervisor, video_patrol, leadership)
    rules.READ: (1, 1, 1, 1), rules.READ_WATCHLIST: (1, 1, 0, 0),
    rules.RAISE_ALARM: (1, 1, 1, 0), rules.ADD_NOTE: (1, 1, 1, 0),
    rules.ACKNOWLEDGE: (1, 1, 0, 0), rules.VERIFY: (1, 1, 0, 0), rules.DISPATCH: (1, 1, 0, 0),
    rules.CLOSE: (1, 1, 0, 0), rules.UNIT_STATUS: (1, 1, 0, 0), rules.PTZ: (1, 1, 1, 0),
    rules.AUDIT: (1, 1, 1, 1),
}


@pytest.mark.parametrize("action", sorted(ROLE_NOTES))
def test_role_table(action):
    roles = ["duty_officer", "supervisor", "video_patrol", "leadership"]
    for role, allowed in zip(roles, ROLE_NOTES[action], strict=True):
        assert rules.may([role], action) is bool(allowed), (action, role)
        if not allowed:
            with pytest.raises(Forbidden):
                rules.require([role], action)


def test_alarm_command_rules():
    rules.check_acknowledge(alarm("new"))
    with pytest.raises(Conflict):
        rules.check_acknowledge(alarm("acknowledged"))
    with pytest.raises(Conflict):
        rules.check_verify(alarm("new", kind="call"))
    rules.check_verify(alarm("new", kind="watchlist_hit"))
    with pytest.raises(Conflict):
        rules.check_verify(alarm("acknowledged", kind="watchlist_hit", verified=True))
    with pytest.raises(Conflict):
        rules.check_verify(alarm("closed", kind="watchlist_hit"))
    for state in ("acknowledged", "dispatched", "on_scene"):
        rules.check_dispatch_alarm(alarm(state))
    for state in ("new", "closed"):
        with pytest.raises(Conflict):
            rules.check_dispatch_alarm(alarm(state))
    with pytest.raises(Conflict):
        rules.check_dispatch_alarm(alarm("acknowledged", kind="watchlist_hit"))
    rules.check_dispatch_alarm(alarm("acknowledged", kind="watchlist_hit", verified=True))


def test_dispatch_unit_rules():
    a = alarm("acknowledged")
    assert rules.check_dispatch_unit(a, unit("available"), ["duty_officer"], False) is False
    assert rules.check_dispatch_unit(a, unit("en_route", "A1"), ["duty_officer"], False) is False
    with pytest.raises(Conflict):
        rules.check_dispatch_unit(a, unit("busy"), ["supervisor"], False)
    with pytest.raises(Forbidden):
        rules.check_dispatch_unit(a, unit("dispatched", "A9"), ["duty_officer"], True)
    assert rules.check_dispatch_unit(a, unit("on_scene", "A9"), ["supervisor"], True) is True


def test_close_rules():
    rules.check_close(alarm("new"), "duty", ["duty_officer"])
    rules.check_close(alarm("acknowledged", acknowledged_by="duty"), "duty", ["duty_officer"])
    with pytest.raises(Forbidden):
        rules.check_close(alarm("acknowledged", acknowledged_by="other"), "duty",
                          ["duty_officer"])
    rules.check_close(alarm("dispatched", acknowledged_by="other"), "sup", ["supervisor"])
    with pytest.raises(Conflict):
        rules.check_close(alarm("closed"), "sup", ["supervisor"])
