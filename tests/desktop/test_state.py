"""The Qt-free state: what each role may do matches the server's role table, and HallState
keeps the newest of everything from change sets."""

from __future__ import annotations

import pytest

from backend_client.changes import ChangeSet
from backend_client.schemas import ROLES, Operator
from backend_client.server import rules
from desktop.state.hall import HallState
from desktop.state.session import ROLE_ACTIONS, SessionState
from tests.factories import make_alarm, make_unit, make_unit_moved, make_watchlist_entry

# The client's names for the server's actions.
SERVER_ACTION = {"read": rules.READ, "watchlist_details": rules.READ_WATCHLIST,
                 "raise_alarm": rules.RAISE_ALARM, "add_note": rules.ADD_NOTE,
                 "acknowledge": rules.ACKNOWLEDGE, "verify": rules.VERIFY,
                 "dispatch": rules.DISPATCH, "close": rules.CLOSE,
                 "unit_status": rules.UNIT_STATUS, "ptz": rules.PTZ}


@pytest.mark.parametrize("role", ROLES)
def test_role_actions_match_the_servers_table(role):
    state = SessionState()
    state.set_operator(Operator(id="x", name="x", roles=[role]))
    for client_action, server_action in SERVER_ACTION.items():
        assert state.may(client_action) == rules.may([role], server_action), \
            (role, client_action)
    assert set(ROLE_ACTIONS) == set(ROLES)


def test_hall_state_applies_change_sets():
    hall = HallState()
    seen = []
    hall.subscribe(seen.append)
    a1, a2 = make_alarm(id="a1"), make_alarm(id="a2", priority=1)
    u1 = make_unit(id="u1")
    hall.apply(ChangeSet(reset=True, from_cache=True, alarms=[a1, a2], units=[u1],
                         watchlist=[make_watchlist_entry(id="w1")]))
    assert hall.from_cache and hall.open_alarm_count() == 2 and hall.open_alarm_count(1) == 1
    closed = a1.model_copy(update={"state": "closed", "version": 2})
    move = make_unit_moved(id="u1", lat=30.5, at=u1.position.at.replace(year=2030))
    hall.apply(ChangeSet(alarms=[closed], moves=[move], watchlist_removed=["w1"]))
    assert set(hall.alarms) == {"a2"} and hall.units["u1"].position.lat == 30.5
    assert hall.watchlist == {} and not hall.from_cache and len(seen) == 2
