"""Ranking units by straight-line distance: hand-computed distances, the order of groups, units
without positions, stale positions, ETA, and a property over random halls."""

from __future__ import annotations

import math
import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend_client.schemas import UNIT_STATUSES
from desktop.state.nearest import EARTH_RADIUS_M, Candidate, distance_m, rank_units
from tests.factories import BASE_LAT, BASE_LON, BASE_TIME, make_unit

NOW = BASE_TIME + timedelta(minutes=30)
# One metre of latitude in degrees on the mean sphere: 2 km north is 2000 * M_DEG.
M_DEG = 180 / (math.pi * EARTH_RADIUS_M)


def unit_at(north_m: float | None, *, age_s: float = 10, **overrides):
    """A unit ``north_m`` metres north of the base point (None: no position)."""
    position = None if north_m is None else {
        "lat": BASE_LAT + north_m * M_DEG, "lon": BASE_LON, "heading": 0.0, "speed": 0.0,
        "at": NOW - timedelta(seconds=age_s)}
    return make_unit(position=position, **overrides)


def rank(units, **kw) -> list[Candidate]:
    return rank_units(units, BASE_LAT, BASE_LON, NOW, **kw)


def callsigns(candidates: list[Candidate]) -> list[str]:
    return [c.unit.callsign for c in candidates]


# --- distance_m ------------------------------------------------------------------------------


def test_a_hundredth_of_a_degree_of_latitude():
    # 6,371,008.8 m × 0.01° × π/180 = 1,111.95 m, anywhere on the sphere.
    assert distance_m(50.0, 8.0, 50.01, 8.0) == pytest.approx(1111.95, abs=0.01)
    assert distance_m(0.0, 0.0, 0.01, 0.0) == pytest.approx(1111.95, abs=0.01)


def test_longitude_shrinks_with_the_cosine_of_latitude():
    assert distance_m(0.0, 8.0, 0.0, 8.01) == pytest.approx(1111.95, abs=0.01)
    # At 60° a degree of longitude is half as long (cos 60° = 0.5).
    assert distance_m(60.0, 8.0, 60.0, 8.01) == pytest.approx(555.97, abs=0.05)


def test_large_distances_and_symmetry():
    quarter_meridian = math.pi / 2 * EARTH_RADIUS_M  # 10,007,557 m
    assert distance_m(0.0, 0.0, 90.0, 0.0) == pytest.approx(quarter_meridian, rel=1e-12)
    # Antipodes: rounding must not push asin past 1.
    assert distance_m(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_RADIUS_M)
    assert distance_m(50.1, 8.6, 50.2, 8.7) == distance_m(50.2, 8.7, 50.1, 8.6)
    assert distance_m(50.1, 8.6, 50.1, 8.6) == 0.0


# --- rank_units ------------------------------------------------------------------------------


def test_available_units_nearest_first_with_distance_and_eta():
    units = [unit_at(3000, callsign="C"), unit_at(1000, callsign="A"),
             unit_at(2000, callsign="B")]
    ranked = rank(units)
    assert callsigns(ranked) == ["A", "B", "C"]
    assert [c.distance_m for c in ranked] == pytest.approx([1000, 2000, 3000], abs=1e-6)
    b = ranked[1]
    assert b.eta_s == pytest.approx(180.0)  # 2 km at 40 km/h: 2000 m / (40/3.6 m/s) = 180 s
    assert b.available and b.busy_with is None and not b.stale
    assert b.position_age_s == pytest.approx(10)
    assert rank(units, speed_kmh=80)[1].eta_s == pytest.approx(90.0)


def test_units_without_a_position_come_last_never_dropped():
    units = [unit_at(None, callsign="Z no fix"), unit_at(None, callsign="A no fix"),
             unit_at(50_000, callsign="far"), unit_at(100, callsign="near")]
    ranked = rank(units)
    assert callsigns(ranked) == ["near", "far", "A no fix", "Z no fix"]
    last = ranked[-1]
    assert last.distance_m is None and last.eta_s is None and last.position_age_s is None
    assert not last.stale


def test_stale_positions_are_ranked_by_distance_but_flagged():
    units = [unit_at(500, callsign="old", age_s=301), unit_at(800, callsign="fresh", age_s=299)]
    ranked = rank(units)
    assert callsigns(ranked) == ["old", "fresh"]
    assert [c.stale for c in ranked] == [True, False]
    assert ranked[0].position_age_s == pytest.approx(301)
    assert [c.stale for c in rank(units, stale_after_s=600)] == [False, False]


def test_a_position_from_a_clock_ahead_is_fresh_not_negative():
    [c] = rank([unit_at(100, age_s=-20)])
    assert c.position_age_s == 0.0 and not c.stale


def test_busy_units_only_on_request_and_after_every_available_one():
    units = [unit_at(100, callsign="on scene", status="on_scene", alarm_id="alarm-9"),
             unit_at(200, callsign="en route", status="en_route", alarm_id="alarm-8"),
             unit_at(300, callsign="dispatched", status="dispatched", alarm_id="alarm-7"),
             unit_at(400, callsign="busy", status="busy"),
             unit_at(9000, callsign="free far"), unit_at(None, callsign="free unknown")]
    assert callsigns(rank(units)) == ["free far", "free unknown"]
    ranked = rank(units, include_busy=True)
    assert callsigns(ranked) == ["free far", "free unknown", "on scene", "en route",
                                 "dispatched", "busy"]
    assert [c.available for c in ranked] == [True, True, False, False, False, False]
    assert [c.busy_with for c in ranked] == [None, None, "alarm-9", "alarm-8", "alarm-7", None]


def test_out_of_service_and_off_duty_are_never_listed():
    units = [unit_at(10, status="out_of_service"), unit_at(20, status="off_duty"),
             unit_at(None, status="off_duty"), unit_at(30, callsign="ok")]
    assert callsigns(rank(units, include_busy=True)) == ["ok"]


def test_ties_go_by_callsign_then_id():
    units = [unit_at(700, callsign="B", id="u3"), unit_at(700, callsign="A", id="u9"),
             unit_at(700, callsign="B", id="u1"), unit_at(700, callsign="C", id="u2")]
    ranked = rank(units)
    assert [(c.unit.callsign, c.unit.id) for c in ranked] == [
        ("A", "u9"), ("B", "u1"), ("B", "u3"), ("C", "u2")]
    assert rank(list(reversed(units))) == ranked  # the input order does not matter


def test_bad_arguments_are_refused():
    units = [unit_at(100)]
    with pytest.raises(ValueError, match="timezone"):
        rank_units(units, BASE_LAT, BASE_LON, datetime(2025, 3, 1, 8, 30))
    with pytest.raises(ValueError, match="speed"):
        rank(units, speed_kmh=0)
    with pytest.raises(ValueError, match="place"):
        rank_units(units, math.nan, BASE_LON, NOW)
    assert rank([]) == []


def test_a_thousand_units_in_well_under_ten_milliseconds():
    units = [unit_at((i * 37) % 20_000, callsign=f"Unit {i}", age_s=i % 600,
                     status=UNIT_STATUSES[i % len(UNIT_STATUSES)]) for i in range(1000)]
    best = math.inf
    for _ in range(5):  # the best of a few runs: the machine's noise is not the code's cost
        start = time.perf_counter()
        rank(units, include_busy=True)
        best = min(best, time.perf_counter() - start)
    assert best < 0.010, f"ranking 1,000 units took {best * 1000:.1f} ms"


# --- property --------------------------------------------------------------------------------

_positions = st.one_of(
    st.none(),
    st.tuples(st.floats(-0.3, 0.3), st.floats(-0.3, 0.3), st.integers(-30, 3600)))
_units = st.lists(st.tuples(st.sampled_from(UNIT_STATUSES), _positions,
                            st.sampled_from(["A", "B", "Frankfurt 12/1", "Frankfurt 2/1"])),
                  max_size=25)


@settings(max_examples=150, deadline=None)
@given(spec=_units, include_busy=st.booleans(), stale_after=st.sampled_from([60.0, 300.0]))
def test_ranking_is_a_sorted_permutation_of_the_eligible_units(spec, include_busy, stale_after):
    units = []
    for i, (status, pos, callsign) in enumerate(spec):
        position = None if pos is None else {
            "lat": BASE_LAT + pos[0], "lon": BASE_LON + pos[1],
            "at": NOW - timedelta(seconds=pos[2])}
        units.append(make_unit(id=f"u{i}", status=status, callsign=callsign, position=position,
                               alarm_id="alarm-1" if status != "available" else None))
    ranked = rank_units(units, BASE_LAT, BASE_LON, NOW, include_busy=include_busy,
                        stale_after_s=stale_after)

    eligible = {"available"} | ({"dispatched", "en_route", "on_scene", "busy"}
                                if include_busy else set())
    assert sorted(c.unit.id for c in ranked) == sorted(
        u.id for u in units if u.status in eligible)

    def key(c: Candidate) -> tuple[int, int, float]:
        return (0 if c.available else 1, c.distance_m is None, c.distance_m or 0.0)

    keys = [key(c) for c in ranked]
    assert keys == sorted(keys)
    for c in ranked:
        assert c.available == (c.unit.status == "available")
        pos = c.unit.position
        if pos is None:
            assert c.distance_m is None and c.eta_s is None and not c.stale
        else:
            assert c.distance_m == pytest.approx(
                distance_m(BASE_LAT, BASE_LON, pos.lat, pos.lon), rel=1e-9, abs=1e-6)
            assert c.eta_s == pytest.approx(c.distance_m / (40 / 3.6))
            age = (NOW - pos.at).total_seconds()
            assert c.stale == (age > stale_after)
    # Deterministic: the same input in another order ranks the same.
    assert rank_units(list(reversed(units)), BASE_LAT, BASE_LON, NOW, include_busy=include_busy,
                      stale_after_s=stale_after) == ranked


def test_now_in_another_zone_is_the_same_instant():
    units = [unit_at(100, age_s=400)]
    tokyo = NOW.astimezone(timezone(timedelta(hours=9)))
    assert rank_units(units, BASE_LAT, BASE_LON, tokyo) == rank(units)


def test_an_alarms_cameras_go_on_the_wall_nearest_first():
    from desktop.state.wall_link import WallLink, nearest_first
    from tests.factories import make_alarm, make_camera

    alarm = make_alarm(camera_ids=["far", "gone", "near", "mid", "near"],
                       location={"lat": 30.0, "lon": 120.0})
    cameras = {"far": make_camera(id="far", location={"lat": 30.05, "lon": 120.0}),
               "mid": make_camera(id="mid", location={"lat": 30.01, "lon": 120.0}),
               "near": make_camera(id="near", location={"lat": 30.0, "lon": 120.001})}
    assert nearest_first(alarm, cameras) == ["near", "mid", "far", "gone"]
    shown = []
    link = WallLink()
    assert not link.show_alarm(alarm, cameras)  # no wall: nothing taken
    link.attach(lambda ids, priority: shown.append((ids, priority)))
    assert link.show_alarm(alarm, cameras)
    assert shown == [(["near", "mid", "far", "gone"], alarm.priority)]
