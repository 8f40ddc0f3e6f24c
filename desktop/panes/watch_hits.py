"""``WatchHits``: the ``watchlist_hit`` alarms this workstation has seen, so the watchlist pane
can show per entry how often the automatic matching was confirmed or rejected by a person
(poor matching must be visible) and list an entry's recent sightings.

The contract's alarm history has no filter by kind or entry, so the hits are gathered from
what passes by anyway: the open alarms of the hall as they change, and the closed ones of the
alarm history (the local cache, completed from the server's history endpoint)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from backend_client import schemas as s
from widgets.watchlist.facts import HitCounts, Sighting


class WatchHits:
    def __init__(self) -> None:
        self._alarms: dict[str, s.Alarm] = {}

    def update(self, alarms: Iterable[s.Alarm]) -> set[str]:
        """Take the newest version of each hit among ``alarms``; returns the entry ids whose
        hits changed."""
        touched: set[str] = set()
        for alarm in alarms:
            if alarm.kind != "watchlist_hit" or not alarm.watchlist_id:
                continue
            held = self._alarms.get(alarm.id)
            if held is not None and held.version >= alarm.version:
                continue
            self._alarms[alarm.id] = alarm
            touched.add(alarm.watchlist_id)
            if held is not None and held.watchlist_id and held.watchlist_id != alarm.watchlist_id:
                touched.add(held.watchlist_id)
        return touched

    def counts(self) -> dict[str, HitCounts]:
        tally: dict[str, list[int]] = {}
        for alarm in self._alarms.values():
            row = tally.setdefault(alarm.watchlist_id or "", [0, 0, 0])
            if alarm.verified is True:
                row[0] += 1
            elif alarm.verified is False:
                row[1] += 1
            elif alarm.state != "closed":
                row[2] += 1  # a hit closed without a verdict (a duplicate) judged nothing
        return {entry: HitCounts(*row) for entry, row in tally.items()}

    def sightings(self, entry_id: str, cameras: Mapping[str, s.Camera],
                  limit: int = 50) -> list[Sighting]:
        """The entry's hits, newest first."""
        hits = sorted((a for a in self._alarms.values() if a.watchlist_id == entry_id),
                      key=lambda a: a.created_at, reverse=True)[:limit]
        return [Sighting(alarm_id=a.id, at=a.created_at, place=_place(a, cameras),
                         confidence=a.match_confidence, verified=a.verified,
                         closed=a.state == "closed") for a in hits]


def _place(alarm: s.Alarm, cameras: Mapping[str, s.Camera]) -> str:
    camera = next((cameras[c] for c in alarm.camera_ids if c in cameras), None)
    address = alarm.location.address or ""
    if camera is not None and address:
        return f"{address} ({camera.name})"
    return address or (camera.name if camera is not None else alarm.source.name or "")
