"""What the alarm queue shows: ``AlarmFilter``, a value the shell can save in a layout."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from backend_client.schemas import ALARM_KINDS, ALARM_STATES, Alarm


def _strings(value: Any, allowed: tuple[str, ...] | None = None) -> frozenset[str]:
    if not isinstance(value, list | tuple | set | frozenset):
        return frozenset()
    return frozenset(v for v in value
                     if isinstance(v, str) and (allowed is None or v in allowed))


@dataclass(frozen=True)
class FilterContext:
    """What some filters need to know beyond the alarm: who is logged in (for "mine") and
    which station owns each grid (for the station filter)."""

    operator_id: str | None = None
    station_of: Mapping[str, str] = field(default_factory=dict)


NO_CONTEXT = FilterContext()


@dataclass(frozen=True)
class AlarmFilter:
    """Which open alarms to show. An empty set means "any"; ``text`` matches, ignoring case,
    the title, address, description, source name or id. ``mine``: alarms this operator
    acknowledged or raised."""

    states: frozenset[str] = field(default_factory=frozenset)
    priorities: frozenset[int] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    grid_ids: frozenset[str] = field(default_factory=frozenset)
    text: str = ""
    stations: frozenset[str] = field(default_factory=frozenset)
    mine: bool = False

    def is_empty(self) -> bool:
        return not (self.states or self.priorities or self.kinds or self.grid_ids
                    or self.stations or self.mine or self.text.strip())

    def matches(self, alarm: Alarm, ctx: FilterContext = NO_CONTEXT) -> bool:
        if self.states and alarm.state not in self.states:
            return False
        if self.priorities and alarm.priority not in self.priorities:
            return False
        if self.kinds and alarm.kind not in self.kinds:
            return False
        if self.grid_ids and alarm.grid_id not in self.grid_ids:
            return False
        if self.stations and ctx.station_of.get(alarm.grid_id or "") not in self.stations:
            return False
        if self.mine and not _is_mine(alarm, ctx.operator_id):
            return False
        needle = self.text.strip().casefold()
        if not needle:
            return True
        return any(needle in hay.casefold() for hay in (
            alarm.title, alarm.location.address or "", alarm.description,
            alarm.source.name or "", alarm.id))

    def to_dict(self) -> dict[str, Any]:
        """JSON-able, in a stable order (sorted lists)."""
        return {"states": sorted(self.states), "priorities": sorted(self.priorities),
                "kinds": sorted(self.kinds), "grid_ids": sorted(self.grid_ids),
                "stations": sorted(self.stations), "mine": self.mine, "text": self.text}

    @classmethod
    def from_dict(cls, data: Any) -> AlarmFilter:
        """The filter saved by ``to_dict``; unknown or malformed parts (an old layout, a
        hand-edited file) fall back to "any" rather than fail."""
        if not isinstance(data, dict):
            return cls()
        prios = data.get("priorities")
        priorities = frozenset(
            p for p in (prios if isinstance(prios, list | tuple) else ())
            if isinstance(p, int) and not isinstance(p, bool) and 1 <= p <= 4)
        text = data.get("text")
        return cls(states=_strings(data.get("states"), ALARM_STATES),
                   priorities=priorities,
                   kinds=_strings(data.get("kinds"), ALARM_KINDS),
                   grid_ids=_strings(data.get("grid_ids")),
                   stations=_strings(data.get("stations")),
                   mine=data.get("mine") is True,
                   text=text if isinstance(text, str) else "")


def _is_mine(alarm: Alarm, operator_id: str | None) -> bool:
    if not operator_id:
        return False
    return alarm.acknowledged_by == operator_id or (
        alarm.source.type == "operator" and alarm.source.id == operator_id)
