"""The map's units as columns, kept from the hall move by move: rows follow the hall, the
freshness of all units in one pass agrees with the one-unit rule, units without a position are
counted but not drawn, breadcrumbs ring, and columns already handed to the map do not change
shape under it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from backend_client.changes import ChangeSet
from desktop.panes.map_units import TRAIL_POINTS, MapUnits
from desktop.state.freshness import (
    FRESHNESS,
    FreshnessThresholds,
    epoch_seconds,
    freshness,
    freshness_codes,
)
from desktop.state.hall import HallState
from tests.factories import BASE_LAT, BASE_LON, BASE_TIME, make_unit, make_unit_moved

THRESHOLDS = FreshnessThresholds(60, 300, 1800)


def words(codes: np.ndarray) -> list[str]:
    return [FRESHNESS[c] for c in codes.tolist()]


@given(st.lists(st.one_of(st.none(), st.floats(-100, 4000, allow_nan=False)), max_size=40))
def test_freshness_of_many_agrees_with_the_rule_for_one(ages):
    now = BASE_TIME
    expected = [freshness(None if a is None else now - timedelta(seconds=a), now, THRESHOLDS)
                for a in ages]
    codes = freshness_codes(np.array([np.nan if a is None else a for a in ages], dtype=float),
                            THRESHOLDS)
    assert words(codes) == expected


def test_freshness_boundaries_belong_to_the_younger_word():
    ages = np.array([0, 60, 60.001, 300, 300.001, 1800, 1800.001, -5, np.nan])
    assert words(freshness_codes(ages, THRESHOLDS)) == [
        "fresh", "fresh", "ageing", "ageing", "stale", "stale", "lost", "fresh", "none"]


@given(st.lists(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1)),
                min_size=1, max_size=30),
       st.sampled_from([UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-3.5)),
                        ZoneInfo("Europe/Berlin")]),
       st.booleans())
def test_epoch_seconds_are_the_timestamps(naive, tz, mixed):
    """One shared fixed offset takes the fast way; a zone with summer time, or times with
    different tzinfo objects, the plain one: the figures are the same either way."""
    times = [t.replace(tzinfo=tz) for t in naive]
    if mixed:
        times[0] = times[0].astimezone(timezone(timedelta(hours=2)))
    assert np.allclose(epoch_seconds(times), [t.timestamp() for t in times], rtol=0,
                       atol=1e-6)


def test_parsed_times_take_the_fast_way():
    moves = [make_unit_moved(at=f"2026-11-29T20:00:0{i}.25Z") for i in range(3)]
    assert moves[0].at.tzinfo is moves[2].at.tzinfo  # what the fast way relies on
    for zone in ("Z", "+08:00"):  # (parsed +08:00 times each have their own tzinfo)
        moves = [make_unit_moved(at=f"2026-11-29T20:00:0{i}.25{zone}") for i in range(3)]
        assert epoch_seconds([m.at for m in moves]).tolist() == [
            m.at.timestamp() for m in moves]
    assert epoch_seconds([]).size == 0


def hall_with(*units) -> HallState:
    hall = HallState()
    hall.apply(ChangeSet(reset=True, units=list(units)))
    return hall


def test_moves_write_only_the_moved_rows_newest_wins_as_in_the_hall():
    a = make_unit(id="a", callsign="巡1")
    b = make_unit(id="b", callsign="巡2", kind="foot", status="busy")
    hall = hall_with(a, b)
    units = MapUnits()
    units.reset(hall.units.values())
    assert units.ids == ["a", "b"]
    newer = make_unit_moved(id="b", lat=BASE_LAT + 0.02, heading=None,
                            at=BASE_TIME + timedelta(minutes=2))
    older = make_unit_moved(id="b", lat=BASE_LAT + 0.05, at=BASE_TIME + timedelta(minutes=1))
    ghost = make_unit_moved(id="ghost")  # a unit the hall does not know: left out
    hall.apply(ChangeSet(moves=[newer, older, ghost]))
    units.move([newer, older, ghost])
    assert units.lat.tolist() == [BASE_LAT, BASE_LAT + 0.02] == [
        hall.units[uid].position.lat for uid in ("a", "b")]
    # A late move older than the position held changes nothing, as in the hall.
    units.move([make_unit_moved(id="b", lat=BASE_LAT + 0.09,
                                at=BASE_TIME + timedelta(seconds=90))])
    assert units.lat[1] == BASE_LAT + 0.02
    assert units.ids == ["a", "b"]
    assert np.isnan(units.heading[1]) and units.heading[0] == 90.0
    assert units.at[1] == (BASE_TIME + timedelta(minutes=2)).timestamp()

    now = BASE_TIME + timedelta(minutes=3)  # a: 180 s old, b: 60 s old
    shown = units.columns(units.freshness(now, THRESHOLDS))
    assert [m.freshness for m in shown.marks()] == ["ageing", "fresh"]
    b_mark = shown.get("b")
    assert b_mark is not None
    assert (b_mark.kind, b_mark.status, b_mark.callsign, b_mark.heading) == (
        "foot", "busy", "巡2", None)


def test_units_without_a_position_are_counted_not_drawn():
    hall = hall_with(make_unit(id="a"), make_unit(id="nowhere", position=None),
                     make_unit(id="c", callsign="C"))
    units = MapUnits()
    units.reset(hall.units.values())
    fresh = units.freshness(BASE_TIME, THRESHOLDS)
    assert words(fresh) == ["fresh", "none", "fresh"]
    shown = units.columns(fresh)
    assert list(shown.ids) == ["a", "c"] and list(shown.callsigns) == ["Frankfurt 12/1", "C"]
    assert shown.index("c") == 1 and shown.get("nowhere") is None
    # It reports a position later: drawn from then on.
    units.move([make_unit_moved(id="nowhere")])
    assert list(units.columns(units.freshness(BASE_TIME, THRESHOLDS)).ids) == [
        "a", "nowhere", "c"]


def test_changed_and_new_units_leave_columns_already_handed_out_as_they_were():
    units = MapUnits()
    units.reset([make_unit(id="a", callsign="A")])
    before = units.columns(units.freshness(BASE_TIME, THRESHOLDS))
    units.put([make_unit(id="a", callsign="A2", status="on_scene"),
               make_unit(id="n", callsign="N", kind="ambulance", status="en_route")])
    assert list(before.ids) == ["a"] and list(before.callsigns) == ["A"]
    assert len(before.lat) == len(before.ids) == 1
    after = units.columns(units.freshness(BASE_TIME, THRESHOLDS))
    assert [(m.id, m.callsign, m.kind, m.status) for m in after.marks()] == [
        ("a", "A2", "patrol_car", "on_scene"), ("n", "N", "ambulance", "en_route")]
    # A unit the server sends without its position again is no longer drawn.
    units.put([make_unit(id="a", callsign="A2", position=None)])
    assert list(units.columns(units.freshness(BASE_TIME, THRESHOLDS)).ids) == ["n"]


def test_breadcrumbs_ring_and_a_parked_unit_adds_none():
    hall = hall_with(make_unit(id="a"))
    units = MapUnits()
    units.reset(hall.units.values())
    assert units.trail("a") == [(BASE_LAT, BASE_LON)]
    for k in range(1, TRAIL_POINTS + 5):
        at = BASE_TIME + timedelta(seconds=k)
        here = make_unit_moved(id="a", lat=BASE_LAT + k * 0.001, lon=BASE_LON, at=at)
        # Then the same place again (a parked car reporting): no new breadcrumb.
        again = make_unit_moved(id="a", lat=BASE_LAT + k * 0.001, lon=BASE_LON,
                                at=at + timedelta(milliseconds=500))
        units.move([here])
        units.move([again])
    trail = units.trail("a")
    assert len(trail) == TRAIL_POINTS
    assert [round((lat - BASE_LAT) / 0.001) for lat, _lon in trail] == list(
        range(5, TRAIL_POINTS + 5))
    assert units.trail("ghost") == []
