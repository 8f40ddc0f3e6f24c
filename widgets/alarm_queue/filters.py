"""What the alarm queue shows: ``AlarmFilter``, a value the shell can save in a layout."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backend_client.schemas import ALARM_KINDS, ALARM_STATES, Alarm


def _strings(value: Any, allowed: tuple[str, ...] | None = None) -> frozenset[str]:
    if not isinstance(value, list | tuple | set | frozenset):
        return frozenset()
    return frozenset(v for v in value
                     if isinstance(v, str) and (allowed is None or v in allowed))


@dataclass(frozen=True)
class AlarmFilter:
    """Which open alarms to show. An empty set means "any"; ``text`` matches, ignoring case,
    the title, address, description, source name or id."""

    states: frozenset[str] = field(default_factory=frozenset)
    priorities: frozenset[int] = field(default_factory=frozenset)
    kinds: frozenset[str] = field(default_factory=frozenset)
    grid_ids: frozenset[str] = field(default_factory=frozenset)
    text: str = ""

    def is_empty(self) -> bool:
        return not (self.states or self.priorities or self.kinds or self.grid_ids
                    or self.text.strip())

    def matches(self, alarm: Alarm) -> bool:
        if self.states and alarm.state not in self.states:
            return False
        if self.priorities and alarm.priority not in self.priorities:
            return False
        if self.kinds and alarm.kind not in self.kinds:
            return False
        if self.grid_ids and alarm.grid_id not in self.grid_ids:
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
                "text": self.text}

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
                   text=text if isinstance(text, str) else "")
