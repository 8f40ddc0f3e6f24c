"""The alarm queue's model: batches against an independently computed truth, signal counts,
order, the acknowledge clock, and a timing print for floods."""

from __future__ import annotations

import functools
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from backend_client.schemas import Alarm
from tests.factories import BASE_TIME, make_alarm
from tests.widgets.queue_truth import OpenTruth
from widgets.alarm_queue import (
    AlarmFilter,
    AlarmIdRole,
    AlarmQueueModel,
    AlarmRole,
    Column,
    format_duration,
)
from widgets.alarm_queue.columns import sort_key
from widgets.colors import PRIORITY_COLORS

BG = Qt.ItemDataRole.BackgroundRole
TITLES = ("Intrusion alarm, east gate", "Fire alarm, depot", "Panic button, kiosk",
          "Call: break-in")
STATES = ("new", "acknowledged", "dispatched", "on_scene")


class Clock:
    def __init__(self, t=BASE_TIME):
        self.t = t

    def __call__(self):
        return self.t

    def advance(self, seconds):
        self.t += timedelta(seconds=seconds)


def visible_ids(model):
    return [model.index(r, 0).data(AlarmIdRole) for r in range(model.rowCount())]


def expected_ids(truth: dict[str, Alarm], alarm_filter: AlarmFilter, column: Column,
                 descending: bool) -> list[str]:
    """Filter and sort the truth from scratch with a comparator (not the model's bisection)."""
    col = sort_key(column, {1: 10.0, 2: 30.0, 3: 60.0, 4: 120.0})

    def default(a):
        return (a.priority, -a.created_at.timestamp(), a.id)

    def cmp(a, b):
        ka, kb = col(a), col(b)
        if ka != kb:
            return (-1 if ka < kb else 1) * (-1 if descending else 1)
        da, db = default(a), default(b)
        return -1 if da < db else (1 if da > db else 0)

    shown = [a for a in truth.values() if alarm_filter.matches(a)]
    return [a.id for a in sorted(shown, key=functools.cmp_to_key(cmp))]


# --- the truth test -------------------------------------------------------------------------

POOL = 24  # ids alarm-q0 .. alarm-q23; versions and fields vary per event

item = st.tuples(
    st.integers(0, POOL - 1),                 # which alarm
    st.sampled_from([-1, 0, 1, 1, 1, 2]),     # version step: <=0 stale/duplicate, >0 newer
    st.integers(1, 4),                        # priority
    st.sampled_from(STATES + ("closed",)),    # state
    st.integers(0, len(TITLES) - 1),          # title
)
filters = st.builds(
    AlarmFilter,
    states=st.frozensets(st.sampled_from(STATES), max_size=2),
    priorities=st.frozensets(st.integers(1, 4), max_size=3),
    kinds=st.frozensets(st.sampled_from(["intrusion", "fire"]), max_size=1),
    text=st.sampled_from(["", "", "gate", "FIRE", "q1"]),
)
step = st.one_of(
    st.tuples(st.just("batch"), st.lists(item, min_size=1, max_size=12)),
    st.tuples(st.just("filter"), filters),
    st.tuples(st.just("sort"), st.tuples(st.sampled_from(list(Column)), st.booleans())),
)


def event(seen: dict[str, int], spec) -> Alarm:
    idx, step_, priority, state, title = spec
    alarm_id = f"alarm-q{idx}"
    version = max(seen.get(alarm_id, 0) + step_, 0)
    kind = "fire" if title == 1 else "intrusion"
    # A few shared creation times, so the id has to break ties.
    created = BASE_TIME + timedelta(seconds=(idx % 5) * 7)
    return make_alarm(id=alarm_id, version=version, priority=priority, state=state,
                      title=TITLES[title], kind=kind, created_at=created,
                      updated_at=created, assigned_unit_ids=["u1"] * (idx % 3))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(initial=st.lists(item, max_size=10), steps=st.lists(step, max_size=12))
def test_batches_match_truth(qtmodeltester, initial, steps):
    model = AlarmQueueModel(now=Clock())
    state = OpenTruth()
    seen, truth, take = state.seen, state.open, state.take
    alarm_filter, column, descending = AlarmFilter(), Column.PRIORITY, False

    first = [event({}, spec) for spec in initial]
    model.apply(True, first)
    take(first)
    qtmodeltester.check(model, force_py=True)  # and from now on after every signal
    assert visible_ids(model) == expected_ids(truth, alarm_filter, column, descending)

    for kind, arg in steps:
        if kind == "batch":
            batch = [event(seen, spec) for spec in arg]
            if len(batch) > 1:
                batch.append(batch[0])  # a duplicate in the same batch
            model.apply(False, batch)
            take(batch)
        elif kind == "filter":
            alarm_filter = arg
            model.set_filter(arg)
        else:
            column, descending = arg
            model.sort(column, Qt.SortOrder.DescendingOrder if descending
                       else Qt.SortOrder.AscendingOrder)
        want = expected_ids(truth, alarm_filter, column, descending)
        assert visible_ids(model) == want
        assert model.rowCount() == len(want)
        assert model.open_count() == len(truth)
        assert model.unacknowledged_count() == sum(a.state == "new" for a in truth.values())
        assert all(model.row_of(i) == r for r, i in enumerate(want))


def test_cpp_model_tester_is_quiet(qtmodeltester, qtlog):
    model = AlarmQueueModel(now=Clock())
    qtmodeltester.check(model)  # Qt's own QAbstractItemModelTester, reporting as warnings
    model.apply(True, [make_alarm(priority=p) for p in (1, 2, 3, 4, 2)])
    a = make_alarm(priority=3)
    model.apply(False, [a, make_alarm(priority=1)])
    model.apply(False, [a.model_copy(update={"version": 2, "priority": 1})])
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    model.set_filter(AlarmFilter(priorities=frozenset({1})))
    model.apply(False, [a.model_copy(update={"version": 3, "state": "closed"})])
    model.tick()
    assert not [r for r in qtlog.records if "FAIL" in r.message]


# --- signals per batch ----------------------------------------------------------------------


def count_signals(model):
    counts = {"inserted": 0, "removed": 0, "changed": 0, "layout": 0, "reset": 0}
    for name, sig in (("inserted", model.rowsInserted), ("removed", model.rowsRemoved),
                      ("changed", model.dataChanged), ("layout", model.layoutChanged),
                      ("reset", model.modelReset)):
        sig.connect(lambda *_, n=name: counts.__setitem__(n, counts[n] + 1))
    return counts


def flood(n, start, **overrides):
    base = make_alarm(**overrides)
    return [base.model_copy(update={
        "id": f"flood-{start + i}", "priority": 1 + i % 4,
        "created_at": BASE_TIME + timedelta(milliseconds=start + i)}) for i in range(n)]


def test_flood_batch_costs_a_handful_of_signals():
    model = AlarmQueueModel(now=Clock())
    model.apply(True, flood(2000, 0))
    counts = count_signals(model)
    model.apply(False, flood(200, 10_000))
    assert model.rowCount() == 2200
    assert sum(counts.values()) <= 5, counts
    assert counts["inserted"] <= 4  # the top of each priority band

    # Updates, closings and a priority change in one batch: still a handful.
    counts.update(dict.fromkeys(counts, 0))
    rows = model.alarms()
    batch = [a.model_copy(update={"version": 2, "state": "acknowledged"}) for a in rows[:150]]
    batch += [a.model_copy(update={"version": 2, "state": "closed"}) for a in rows[300:400]]
    batch.append(rows[1000].model_copy(update={"version": 2, "priority": 1}))
    model.apply(False, batch)
    assert model.rowCount() == 2100
    assert counts["removed"] == 1 and counts["layout"] == 1 and counts["changed"] == 1, counts


def test_stale_and_duplicate_versions_are_ignored():
    model = AlarmQueueModel(now=Clock())
    a = make_alarm(version=3, title="three")
    model.apply(True, [a])
    counts = count_signals(model)
    model.apply(False, [a.model_copy(update={"version": 2, "title": "two"}), a])
    assert sum(counts.values()) == 0
    closed = a.model_copy(update={"version": 4, "state": "closed"})
    model.apply(False, [closed])
    model.apply(False, [a])  # an old event arriving late does not bring it back
    assert model.rowCount() == 0


# --- order ----------------------------------------------------------------------------------


def test_new_alarm_lands_at_top_of_its_band():
    clock = Clock()
    model = AlarmQueueModel(now=clock)
    old = [make_alarm(priority=p, created_at=BASE_TIME + timedelta(seconds=s))
           for p, s in ((1, 0), (1, 5), (2, 0), (2, 5), (3, 1))]
    model.apply(True, old)
    fresh = make_alarm(priority=2, created_at=BASE_TIME + timedelta(seconds=60))
    model.apply(False, [fresh])
    order = [model.alarm_at(r) for r in range(model.rowCount())]
    assert [a.priority for a in order] == [1, 1, 2, 2, 2, 3]
    assert order[2].id == fresh.id  # above the older P2s, below every P1
    assert model.is_flashing(2)
    clock.advance(3)
    model.tick()
    assert not model.is_flashing(2)


def test_sort_by_column_and_back():
    model = AlarmQueueModel(now=Clock())
    alarms = [make_alarm(priority=p, title=t, created_at=BASE_TIME + timedelta(seconds=i))
              for i, (p, t) in enumerate([(3, "b"), (1, "d"), (2, "a"), (1, "c")])]
    model.apply(True, alarms)
    default = visible_ids(model)
    model.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, Column.TITLE).data() for r in range(4)] == ["a", "b", "c", "d"]
    model.sort(Column.TITLE, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, Column.TITLE).data() for r in range(4)] == ["d", "c", "b", "a"]
    model.sort(Column.PRIORITY, Qt.SortOrder.AscendingOrder)
    assert visible_ids(model) == default


def test_filter_keeps_hidden_alarms():
    model = AlarmQueueModel(now=Clock())
    a, b = make_alarm(priority=1, title="Fire, depot"), make_alarm(priority=3)
    model.apply(True, [a, b])
    model.set_filter(AlarmFilter(text="DEPOT"))
    assert visible_ids(model) == [a.id]
    model.apply(False, [b.model_copy(update={"version": 2, "title": "Depot door"})])
    assert visible_ids(model) == [a.id, b.id]
    model.set_filter(AlarmFilter(priorities=frozenset({3})))
    assert visible_ids(model) == [b.id]
    model.set_filter(AlarmFilter())
    assert model.rowCount() == 2


def test_filter_round_trips_and_tolerates_junk():
    f = AlarmFilter(states=frozenset({"new"}), priorities=frozenset({1, 2}),
                    kinds=frozenset({"fire"}), grid_ids=frozenset({"grid-4"}), text="gate")
    assert AlarmFilter.from_dict(f.to_dict()) == f
    junk = {"states": ["new", "eaten"], "priorities": [0, 2, "3", True], "text": 5}
    assert AlarmFilter.from_dict(junk) == AlarmFilter(states=frozenset({"new"}),
                                                      priorities=frozenset({2}))
    assert AlarmFilter.from_dict(None) == AlarmFilter()


# --- the acknowledge clock ------------------------------------------------------------------


def test_overdue_p1_is_red_until_acknowledged():
    clock = Clock(BASE_TIME + timedelta(seconds=5))
    model = AlarmQueueModel(now=clock)
    p1 = make_alarm(priority=1, created_at=BASE_TIME)
    model.apply(True, [p1])
    ack = model.index(0, Column.ACK_TIMER)
    assert ack.data() == "5 s"  # counting down to the 10 s target
    assert model.overdue_count() == 0
    # P1 waiting: highlighted in a P1 tint, but not (yet) overdue red.
    assert model.index(0, Column.TITLE).data(BG) is not None
    clock.advance(7)  # 12 s old
    model.tick()
    assert model.is_overdue(0)
    assert model.overdue_count() == 1
    assert ack.data() == "overdue +2 s"
    red = QColor(ack.data(BG))
    assert red.red() > 150 and red.green() < 80
    assert model.index(0, Column.TITLE).data(BG).red() > 150

    model.apply(False, [p1.model_copy(update={
        "version": 2, "state": "acknowledged", "acknowledged_by": "op-7",
        "acknowledged_at": BASE_TIME + timedelta(seconds=14)})])
    model.tick()
    assert not model.is_overdue(0)
    assert model.overdue_count() == 0
    assert model.index(0, Column.TITLE).data(BG) is None
    assert ack.data() == "took 14 s"
    assert "op-7" in ack.data(Qt.ItemDataRole.ToolTipRole)


def test_ack_targets_are_settable():
    clock = Clock(BASE_TIME + timedelta(seconds=20))
    model = AlarmQueueModel(now=clock)
    model.apply(True, [make_alarm(priority=2, created_at=BASE_TIME)])
    assert not model.is_overdue(0)
    model.ack_targets = {2: 15}
    assert model.ack_targets[2] == 15 and model.ack_targets[1] == 10
    assert model.is_overdue(0)


def test_priority_cell_uses_the_hall_colours():
    model = AlarmQueueModel(now=Clock())
    model.apply(True, [make_alarm(priority=p) for p in (1, 2, 3, 4)])
    for row in range(4):
        idx = model.index(row, Column.PRIORITY)
        swatch = PRIORITY_COLORS[model.alarm_at(row).priority]
        assert idx.data() == str(model.alarm_at(row).priority)
        assert QColor(idx.data(BG)).name() == swatch.background
        assert QColor(idx.data(Qt.ItemDataRole.ForegroundRole)).name() == swatch.text
        assert idx.data(AlarmRole) is model.alarm_at(row)


@pytest.mark.parametrize("seconds, text", [
    (0, "0 s"), (59, "59 s"), (125, "2 min 05 s"), (3780, "1 h 03 min"),
    (90_000, "1 d 01 h"), (-3, "0 s"),
])
def test_age_formats(seconds, text):
    assert format_duration(seconds) == text


def test_age_column_ticks_in_one_signal():
    clock = Clock(BASE_TIME + timedelta(seconds=125))
    model = AlarmQueueModel(now=clock)
    model.apply(True, [make_alarm(priority=p, state="acknowledged") for p in (1, 2, 3)])
    assert model.index(0, Column.AGE).data() == "2 min 05 s"
    counts = count_signals(model)
    clock.advance(3655)
    model.tick()
    assert counts["changed"] == 1
    assert model.index(0, Column.AGE).data() == "1 h 03 min"


def test_units_show_callsigns_when_known():
    model = AlarmQueueModel(now=Clock())
    model.apply(True, [make_alarm(assigned_unit_ids=["u1", "u2"])])
    assert model.index(0, Column.UNITS).data() == "2"
    model.set_unit_names({"u1": "Frankfurt 12/1"})
    assert model.index(0, Column.UNITS).data() == "Frankfurt 12/1, u2"


# --- timing (printed, not asserted) ---------------------------------------------------------
