"""The dashboard's figures from a known cached data set equal hand-computed values: counts,
nearest-rank percentiles, shares within target, rates and time in flood; empty periods and
periods with one alarm; a real SQLite cache; incremental updates agree with a full load."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backend_client.cache.store import CacheBatch, LocalCache
from backend_client.figures import Distribution, nearest_rank
from desktop.state.kpis import Fact, KpiBook, KpiTargets, fact_from_row, fact_of, period_start
from tests.factories import make_alarm, make_unit

NOW = datetime(2026, 11, 30, 12, 30, tzinfo=UTC)
T = NOW.timestamp()


def fact(i: int, *, p: int = 2, state: str = "closed", ago: float = 3600.0,
         ack: float | None = None, disp: float | None = None, grid: str = "G1",
         units: bool = False) -> Fact:
    """An alarm created ``ago`` seconds before NOW, acknowledged ``ack`` s after creation and
    dispatched ``disp`` s after the acknowledgement."""
    created = T - ago
    acked = None if ack is None else created + ack
    dispatched = None if disp is None or acked is None else acked + disp
    closed = created + 3000 if state == "closed" else None
    return Fact(f"A{i}", 1, p, state, grid, created, acked, dispatched, closed,
                units or dispatched is not None)


def figures(facts: list[Fact], **targets: object):
    book = KpiBook(KpiTargets(**targets))  # type: ignore[arg-type]
    book.load(facts, NOW)
    return book.figures(NOW, live=True)


def test_nearest_rank_by_hand():
    assert nearest_rank([], 90) is None
    assert nearest_rank([7.0], 90) == 7.0
    ten = [float(x) for x in range(1, 11)]
    assert nearest_rank(ten, 90) == 9.0  # rank ⌈0.9 · 10⌉ = 9
    assert nearest_rank(ten, 50) == 5.0
    assert nearest_rank(ten, 91) == 10.0  # rank ⌈9.1⌉ = 10
    assert nearest_rank([float(x) for x in range(1, 21)], 90) == 18.0


def test_an_empty_period():
    f = figures([])
    assert f.open_total == 0 and f.unacknowledged == 0 and f.overdue == 0
    assert f.ack.count == 0 and f.ack.at_percent is None and f.ack.within_target is None
    assert f.ack.meets_target is None
    assert f.dispatch.count == 0 and f.dispatch.unmeasured == 0
    assert len(f.hourly) == 24 and all(sum(h) == 0 for h in f.hourly)
    assert f.flood.last_10_min == 0 and f.flood.time_in_flood_s == 0 and not f.flood.in_flood
    assert f.top_grids == ()
    assert f.period_start == datetime(2026, 11, 29, 13, 0, tzinfo=UTC)
    assert f.hour_starts[-1] == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_a_period_with_one_alarm():
    f = figures([fact(1, p=1, ago=1800, ack=12, disp=40)])
    assert f.ack.samples == (12.0,) and f.ack.at_percent == 12.0 and f.ack.median == 12.0
    assert f.ack.within_target == 0.0 and f.ack.meets_target is False  # 12 s > 10 s
    assert f.dispatch.samples == (40.0,) and f.dispatch.within_target == 1.0
    assert f.dispatch.meets_target is True
    assert f.hourly[-1] == (1, 0, 0, 0)  # 12:00 hour: created 12:00
    assert sum(sum(h) for h in f.hourly) == 1
    assert f.open_total == 0  # closed
    assert f.alarms_in_period == 1


def test_hand_computed_distributions_and_counts():
    # Twenty closed alarms acknowledged after 1..20 s; every second one dispatched 30·k s
    # later; two with units whose dispatch this workstation did not see.
    facts = [fact(i, p=1 + i % 4, ago=600 + 60 * i, ack=float(i),
                  disp=30.0 * i if i % 2 == 0 else None) for i in range(1, 21)]
    facts += [fact(21, ago=5000, ack=5.0, units=True), fact(22, ago=5100, ack=6.0, units=True)]
    f = figures(facts)
    ack = sorted([float(i) for i in range(1, 21)] + [5.0, 6.0])
    assert list(f.ack.samples) == ack
    assert f.ack.at_percent == ack[19]  # ⌈0.9 · 22⌉ = 20th value
    assert f.ack.median == ack[10]  # ⌈0.5 · 22⌉ = 11th
    assert f.ack.within_target == pytest.approx(12 / 22)  # 1..10 plus 5 and 6
    disp = [30.0 * i for i in range(2, 21, 2)]  # 60 … 600
    assert list(f.dispatch.samples) == disp
    assert f.dispatch.at_percent == 540.0  # ⌈0.9 · 10⌉ = 9th
    assert f.dispatch.within_target == pytest.approx(1 / 10)  # only 60 s ≤ 60 s
    assert f.dispatch.unmeasured == 2
    assert f.alarms_in_period == 22
    assert sum(sum(h) for h in f.hourly) == 22
    per_priority = [sum(h[p] for h in f.hourly) for p in range(4)]
    assert per_priority == [5 + 0, 5 + 2, 5, 5]  # i % 4: 0→P1…; the two extras are P2


def test_open_unacknowledged_overdue_and_top_grids():
    facts = [
        fact(1, p=1, state="new", ago=11, grid="G1"),  # P1 target 10 s: overdue
        fact(2, p=1, state="new", ago=9, grid="G1"),  # not yet
        fact(3, p=2, state="new", ago=31, grid="G2"),  # P2 target 30 s: overdue
        fact(4, p=3, state="acknowledged", ago=500, ack=5, grid="G2"),
        fact(5, p=4, state="dispatched", ago=90000, ack=5, disp=20, grid="G3"),  # before period
        fact(6, p=4, state="new", ago=100, grid="G2"),  # P4 target 120 s
        fact(7, p=2, state="closed", ago=100, ack=3, grid="G9"),
    ]
    book = KpiBook()
    book.load(facts, NOW)
    f = book.figures(NOW, live=False, grid_names={"G2": "东关"})
    assert f.open_by_priority == {1: 2, 2: 1, 3: 1, 4: 2}
    assert f.unacknowledged == 4 and f.overdue == 2
    assert [(g.grid_id, g.name, g.count) for g in f.top_grids] == [
        ("G2", "东关", 3), ("G1", "G1", 2), ("G3", "G3", 1)]
    assert f.alarms_in_period == 6  # all but the one from yesterday
    assert f.live is False
    # Ten seconds later the P1 at 9 s is overdue too; the P4 at 100 s is not yet.
    later = book.figures(NOW + timedelta(seconds=10), live=True)
    assert later.overdue == 3


def test_flood_rate_and_time_in_flood():
    # 12 alarms in the 10 minutes before NOW (over ISA-18.2's 10), 11 in one bucket two hours
    # ago, 10 (not over) in another.
    facts = [fact(i, ago=30 + 40 * i) for i in range(12)]
    facts += [fact(100 + i, ago=7200 + i) for i in range(11)]
    facts += [fact(200 + i, ago=14400 + i) for i in range(10)]
    f = figures(facts, flood_threshold=10)
    assert f.flood.last_10_min == 12 and f.flood.in_flood
    assert max(f.flood.counts) >= 11
    assert f.flood.flood_buckets == sum(1 for c in f.flood.counts if c > 10)
    assert f.flood.time_in_flood_s == f.flood.flood_buckets * 600
    assert sum(f.flood.counts) == 33
    assert f.flood.bucket_starts[0] == f.period_start
    assert len(f.flood.counts) == len(f.flood.bucket_starts) == (
        int(T // 600) - int(period_start(NOW) // 600) + 1)


def test_the_period_moves_on_and_old_alarms_leave_it():
    book = KpiBook()
    book.load([fact(1, ago=23 * 3600, ack=4), fact(2, state="new", ago=23 * 3600)], NOW)
    assert book.figures(NOW, live=True).alarms_in_period == 2
    two_hours_on = NOW + timedelta(hours=2)
    f = book.figures(two_hours_on, live=True)
    assert f.alarms_in_period == 0 and f.ack.count == 0
    assert f.open_by_priority[2] == 1 and f.unacknowledged == 1  # still open: still counted
    assert "A1" not in book.facts and "A2" in book.facts


def test_change_sets_move_only_what_changed_and_versions_win():
    created = NOW - timedelta(minutes=5)
    book = KpiBook()
    book.load([], NOW)
    new = make_alarm(id="X1", version=1, priority=1, state="new", created_at=created,
                     updated_at=created)
    book.apply([new], NOW)
    f = book.figures(NOW, live=True)
    assert f.open_by_priority[1] == 1 and f.unacknowledged == 1 and f.ack.count == 0
    acked = new.model_copy(update={"version": 2, "state": "acknowledged",
                                   "acknowledged_at": created + timedelta(seconds=8),
                                   "updated_at": created + timedelta(seconds=8)})
    dispatched = acked.model_copy(update={"version": 3, "state": "dispatched",
                                          "assigned_unit_ids": ["U1"],
                                          "updated_at": created + timedelta(seconds=50)})
    book.apply([acked], NOW)
    book.apply([dispatched], NOW)
    book.apply([acked], NOW)  # an old version again: ignored
    f = book.figures(NOW, live=True)
    assert f.ack.samples == (8.0,) and f.dispatch.samples == (42.0,)
    assert f.unacknowledged == 0 and f.open_by_priority[1] == 1
    closed = dispatched.model_copy(update={"version": 4, "state": "closed",
                                           "closed_at": NOW, "disposition": "resolved"})
    book.apply([closed], NOW)
    f = book.figures(NOW, live=True)
    assert f.open_total == 0 and f.dispatch.samples == (42.0,)  # kept: in the period
    assert sum(sum(h) for h in f.hourly) == 1


def test_a_dispatch_not_seen_is_not_measured():
    created = NOW - timedelta(minutes=5)
    seen_late = make_alarm(id="X2", version=3, state="on_scene", created_at=created,
                           acknowledged_at=created + timedelta(seconds=4),
                           assigned_unit_ids=["U1"], updated_at=created + timedelta(seconds=90))
    book = KpiBook()
    book.load([], NOW)
    book.apply([seen_late], NOW)
    f = book.figures(NOW, live=True)
    assert f.dispatch.count == 0 and f.dispatch.unmeasured == 1 and f.ack.count == 1


def test_units_and_cameras_are_counted_by_status():
    from tests.factories import make_camera
    units = [make_unit(status="available"), make_unit(status="available"),
             make_unit(status="on_scene")]
    cameras = [make_camera(status="online"), make_camera(status="offline"),
               make_camera(status="online")]
    book = KpiBook()
    book.load([], NOW)
    f = book.figures(NOW, live=True, units=units, cameras=cameras)
    assert f.units_by_status["available"] == 2 and f.units_by_status["on_scene"] == 1
    assert f.units_by_status["off_duty"] == 0
    assert (f.cameras_online, f.cameras_offline) == (2, 1)


def test_distribution_of_agrees_with_the_book():
    samples = [3.0, 14.0, 9.0, 10.0, 1.0]
    d = Distribution.of(samples, 10, 90)
    assert d.samples == (1.0, 3.0, 9.0, 10.0, 14.0)
    assert d.at_percent == 14.0 and d.median == 9.0 and d.within_target == 0.8
    assert d.meets_target is False
    assert Distribution.of([1.0] * 9 + [99.0], 10, 90).meets_target is True


# --- the real cache ------------------------------------------------------------------------


def _versions(alarm_id: str, created: datetime):
    """new → acknowledged → dispatched → on_scene → closed, ten seconds apart."""
    steps = [("new", {}), ("acknowledged", {"acknowledged_at": created + timedelta(seconds=7)}),
             ("dispatched", {"assigned_unit_ids": ["U1"]}), ("on_scene", {}),
             ("closed", {"closed_at": created + timedelta(seconds=40), "disposition": "resolved"})]
    out, data = [], {}
    for v, (state, extra) in enumerate(steps, start=1):
        data.update(extra)
        out.append(make_alarm(id=alarm_id, version=v, state=state, created_at=created,
                              updated_at=created + timedelta(seconds=10 * (v - 1)), **data))
    return out


def test_the_cache_keeps_the_dispatch_time_it_saw(tmp_path):
    cache = LocalCache(tmp_path / "cache.sqlite")
    try:
        created = NOW - timedelta(hours=1)
        watched = _versions("W1", created)
        for version in watched:  # one batch per event, as a live stream brings them
            cache.apply(CacheBatch(upserts={"alarm": [version]}))
        late = _versions("L1", created)[3]  # first seen on scene
        cache.apply(CacheBatch(upserts={"alarm": [late]}))
        rows = {r[0]: fact_from_row(r) for r in cache.alarm_facts(NOW - timedelta(hours=2))}
        assert rows["W1"].dispatched == pytest.approx((created + timedelta(seconds=20))
                                                      .timestamp(), abs=0.01)
        assert rows["L1"].dispatched is None and rows["L1"].had_units
        # The same versions through the book give the same facts.
        book = KpiBook()
        book.load([], NOW)
        for version in watched:
            book.apply([version], NOW)
        assert book.facts["W1"].dispatched == pytest.approx(rows["W1"].dispatched, abs=0.01)
        assert book.facts["W1"].acknowledged == pytest.approx(rows["W1"].acknowledged,
                                                              abs=0.01)
        # A snapshot after a restart keeps the dispatch time of an alarm still open …
        open_w2 = _versions("W2", created)
        for version in open_w2[:3]:
            cache.apply(CacheBatch(upserts={"alarm": [version]}))
        cache.replace_all({"alarm": [open_w2[3]]}, "c-9", NOW)
        rows = {r[0]: fact_from_row(r) for r in cache.alarm_facts(NOW - timedelta(hours=2))}
        assert rows["W2"].dispatched is not None and rows["W2"].state == "on_scene"
        # … but not for another alarm under the same id (a server replaced by an empty one).
        other = make_alarm(id="W2", version=1, state="dispatched",
                           created_at=created + timedelta(minutes=1),
                           updated_at=created + timedelta(minutes=2))
        cache.replace_all({"alarm": [other]}, "d-1", NOW)
        rows = {r[0]: fact_from_row(r) for r in cache.alarm_facts(NOW - timedelta(hours=2))}
        assert rows["W2"].dispatched is None
        assert "W1" in rows  # closed alarms stay as local history
        assert "L1" not in rows  # open in the cache, not in the snapshot: gone
        # A full load from the cache equals the hand count (W1 closed, W2 the other one).
        book = KpiBook()
        book.load(rows.values(), NOW)
        f = book.figures(NOW, live=True)
        assert f.ack.samples == pytest.approx((7.0,), abs=0.01)
        assert f.dispatch.samples == pytest.approx((13.0,), abs=0.01)
        assert f.dispatch.unmeasured == 1 and f.open_by_priority[2] == 1
    finally:
        cache.close()


def test_the_cache_remembers_the_alert_level(tmp_path):
    from backend_client import schemas as s
    path = tmp_path / "cache.sqlite"
    cache = LocalCache(path)
    notice = s.Notice(level="warning", text="三级勤务", at=NOW, alert_level="elevated")
    cache.apply(CacheBatch(alert=notice))
    cache.close()
    cache = LocalCache(path)
    try:
        assert cache.alert() == notice
        cache.replace_all({}, "c-1", NOW, None)  # the server says: no alert
        assert cache.alert() is None
    finally:
        cache.close()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 4), st.sampled_from(
    ["new", "acknowledged", "dispatched", "on_scene", "closed"]),
    st.floats(0, 30 * 3600), st.one_of(st.none(), st.floats(0, 600)),
    st.one_of(st.none(), st.floats(0, 900))), max_size=40))
def test_incremental_updates_equal_a_full_load(rows):
    """Putting facts one by one gives the same figures as loading them at once."""
    facts = [fact(i, p=p, state=state, ago=ago, ack=ack, disp=disp)
             for i, (p, state, ago, ack, disp) in enumerate(rows)]
    full = KpiBook()
    full.load(facts, NOW)
    step = KpiBook()
    step.load([], NOW)
    for f in facts:
        step.put(f, NOW)
    a, b = full.figures(NOW, live=True), step.figures(NOW, live=True)
    assert a == b


def test_fact_of_reads_an_alarm():
    created = NOW - timedelta(minutes=3)
    alarm = make_alarm(id="F1", priority=3, state="acknowledged", created_at=created,
                       acknowledged_at=created + timedelta(seconds=5), grid_id="G4")
    f = fact_of(alarm, None)
    assert (f.priority, f.state, f.grid_id) == (3, "acknowledged", "G4")
    assert f.acknowledged - f.created == pytest.approx(5.0)
    assert f.dispatched is None and not f.had_units
