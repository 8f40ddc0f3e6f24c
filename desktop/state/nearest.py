"""Which units can go to a place, nearest first: the ranking behind the dispatch unit picker and
the unit board's "available near…" view (one implementation, so both list the same units in
the same order). Qt-free and pure: the same units, place and time always give the same list.

Distances are straight lines (haversine on the WGS84 mean sphere), not road distances; the ETA
is that distance at a nominal speed. Both are a first guide for the officer, who knows the
roads; the list never hides a unit because its position is unknown or old.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from backend_client.schemas import Unit

# The mean radius R1 = (2a + b) / 3 of the WGS84 ellipsoid, in metres. The sphere's error
# against the ellipsoid (≤ 0.5 %) is far below what a straight line misses of the roads.
EARTH_RADIUS_M: Final = 6_371_008.8

DEFAULT_SPEED_KMH: Final = 40.0  # a patrol car across town, lights and sirens or not
DEFAULT_STALE_AFTER_S: Final = 300.0

# Statuses listed at all, by group: 0 can be sent now, 1 only by reassigning (supervisors).
# out_of_service and off_duty are never listed: nobody can send them.
AVAILABLE_STATUSES: Final = frozenset({"available"})
BUSY_STATUSES: Final = frozenset({"dispatched", "en_route", "on_scene", "busy"})


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees (haversine)."""
    phi1 = math.radians(lat1)
    phi2 = math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    # min(): rounding can push h a hair above 1 for antipodal points, and asin would raise.
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, h)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One unit as a candidate for a place.

    ``distance_m``/``eta_s`` are None when the unit has no position; ``position_age_s`` is how
    old its position is (never negative: a position from a clock a little ahead counts as
    fresh). ``stale`` says the position is older than the ranking's limit, so the distance may
    be wrong. ``available`` is False for units that could only be reassigned; ``busy_with`` is
    the alarm such a unit is on (None for available units or when the server names none)."""

    unit: Unit
    distance_m: float | None
    eta_s: float | None
    position_age_s: float | None
    stale: bool
    available: bool
    busy_with: str | None


def rank_units(units: Iterable[Unit], lat: float, lon: float, now: datetime, *,
               speed_kmh: float = DEFAULT_SPEED_KMH, include_busy: bool = False,
               stale_after_s: float = DEFAULT_STALE_AFTER_S) -> list[Candidate]:
    """The units that could go to (``lat``, ``lon``), best first.

    Order: available units, then (only with ``include_busy``) dispatched, en-route, on-scene
    and busy ones; within each group units with a position by distance, then units without one
    (listed, never dropped: the officer may know where they are). A stale position is still
    ranked by its distance but flagged. Ties go by callsign, then id, so the order is
    deterministic. Out-of-service and off-duty units are never listed.

    ``now`` must be timezone-aware (the contract's times are UTC). Raises ``ValueError`` for a
    place that is not a finite coordinate or a speed that is not positive.
    """
    if not (math.isfinite(lat) and math.isfinite(lon)):
        raise ValueError(f"not a place: lat={lat!r}, lon={lon!r}")
    if not (speed_kmh > 0 and math.isfinite(speed_kmh)):
        raise ValueError(f"speed must be positive, not {speed_kmh!r}")
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    speed_ms = speed_kmh / 3.6

    # The haversine, inlined with the place's terms computed once: the unit board re-ranks on
    # every unit.moved batch, so 1,000 units must stay a small fraction of a frame.
    phi0 = math.radians(lat)
    cos0 = math.cos(phi0)
    lmb0 = math.radians(lon)
    radians, sin, cos, asin, sqrt = math.radians, math.sin, math.cos, math.asin, math.sqrt
    diameter = 2 * EARTH_RADIUS_M

    # One bucket per (group, has a position): each is sorted on its own, so the sort compares
    # floats first (CPython's fast path) rather than mixed tuples.
    placed: tuple[list[tuple[float, str, str, int, Candidate]], ...] = ([], [])
    unplaced: tuple[list[tuple[str, str, int, Candidate]], ...] = ([], [])
    for seq, unit in enumerate(units):
        status = unit.status
        if status in AVAILABLE_STATUSES:
            group = 0
        elif include_busy and status in BUSY_STATUSES:
            group = 1
        else:
            continue
        busy_with = None if group == 0 else unit.alarm_id
        pos = unit.position
        if pos is None:
            unplaced[group].append((unit.callsign, unit.id, seq, Candidate(
                unit, None, None, None, False, group == 0, busy_with)))
            continue
        phi = radians(pos.lat)
        h = (sin((phi - phi0) / 2) ** 2
             + cos0 * cos(phi) * sin((radians(pos.lon) - lmb0) / 2) ** 2)
        dist = diameter * asin(sqrt(h if h < 1.0 else 1.0))
        age = (now - pos.at).total_seconds()
        if age < 0.0:
            age = 0.0
        placed[group].append((dist, unit.callsign, unit.id, seq, Candidate(
            unit, dist, dist / speed_ms, age, age > stale_after_s, group == 0, busy_with)))
    ranked: list[Candidate] = []
    for group in (0, 1):
        # Ties go by callsign, then id; the input position (seq, unique) ends every key, so
        # the same unit given twice still sorts and a Candidate is never compared.
        placed[group].sort()
        unplaced[group].sort()
        ranked.extend(row[-1] for row in placed[group])
        ranked.extend(row[-1] for row in unplaced[group])
    return ranked
