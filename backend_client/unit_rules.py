"""Which unit status may follow which: the hall's rule, shared by the reference server (which
enforces it, 409 ``invalid_transition``) and the workstation (which offers only these, so an
officer is never shown a choice the server would refuse).

``dispatched`` is never a target here: a unit is dispatched from an alarm (the dispatch
command), not by a status change.
"""

from __future__ import annotations

from backend_client.schemas import UNIT_STATUSES

UNIT_TRANSITIONS: dict[str, frozenset[str]] = {
    "available": frozenset({"busy", "out_of_service", "off_duty"}),
    "dispatched": frozenset({"en_route", "on_scene", "available", "out_of_service"}),
    "en_route": frozenset({"on_scene", "available", "out_of_service"}),
    "on_scene": frozenset({"available", "busy", "out_of_service"}),
    "busy": frozenset({"available", "out_of_service", "off_duty"}),
    "out_of_service": frozenset({"available", "off_duty"}),
    "off_duty": frozenset({"available"}),
}
# A unit in one of these states is no longer on its alarm.
LEAVES_ALARM = frozenset({"available", "busy", "out_of_service", "off_duty"})
# The board's order of statuses (its columns, left to right): the contract's order.
STATUS_ORDER = UNIT_STATUSES


def unit_may_become(current: str, new: str) -> bool:
    """Whether a status command may move a unit from ``current`` to ``new``."""
    return new in UNIT_TRANSITIONS.get(current, frozenset())


def allowed_next_statuses(current: str) -> list[str]:
    """The statuses a unit in ``current`` may be given, in the board's order."""
    allowed = UNIT_TRANSITIONS.get(current, frozenset())
    return [status for status in STATUS_ORDER if status in allowed]
