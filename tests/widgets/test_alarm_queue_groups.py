"""Repeat groups, shelves and the officer's marks in the alarm queue's model, against a truth
computed from scratch (runs of one source and kind within the window, heads shown, expanded
members right under their head)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend_client.schemas import Alarm
from tests.factories import BASE_TIME, make_alarm
from tests.widgets.queue_truth import OpenTruth
from widgets.alarm_queue import AlarmFilter, AlarmIdRole, AlarmQueueModel, Column
from widgets.alarm_queue.groups import RepeatGroups, group_key
from widgets.alarm_queue.model import source_key

WINDOW = timedelta(minutes=5)
SOURCES = ("cam-1", "cam-2", "sensor-9")


def visible_ids(model):
    return [model.index(r, 0).data(AlarmIdRole) for r in range(model.rowCount())]


def default_key(a: Alarm):
    return (a.priority, -a.created_at.timestamp(), a.id)


def expected(truth: dict[str, Alarm], alarm_filter: AlarmFilter, expanded_firsts: set[str],
             shelved: frozenset[str] = frozenset()) -> list[str]:
    shown = [a for a in truth.values() if alarm_filter.matches(a)
             and (a.priority == 1 or source_key(a) not in shelved)]
    by_key: dict = {}
    for a in shown:
        by_key.setdefault(group_key(a), []).append(a)
    rows: list[tuple] = []
    for members in by_key.values():
        members.sort(key=lambda a: (a.created_at.timestamp(), a.id))
        runs: list[list[Alarm]] = []
        for a in members:
            if runs and (a.created_at - runs[-1][-1].created_at) <= WINDOW:
                runs[-1].append(a)
            else:
                runs.append([a])
        for run in runs:
            head = run[-1]
            rows.append((default_key(head), 0, (), head.id))
            if len(run) > 1 and run[0].id in expanded_firsts:
                rows.extend((default_key(head), 1, default_key(m), m.id) for m in run[:-1])
    return [r[-1] for r in sorted(rows)]


item = st.tuples(
    st.integers(0, 19),                  # which alarm
    st.sampled_from([0, 1, 1, 2]),       # version step
    st.integers(1, 3),                   # priority
    st.sampled_from(["new", "acknowledged", "closed"]),
    st.integers(0, len(SOURCES) - 1),    # source
    st.integers(0, 30),                  # created, in minutes after BASE_TIME
)
step = st.one_of(
    st.tuples(st.just("batch"), st.lists(item, min_size=1, max_size=8)),
    st.tuples(st.just("toggle"), st.integers(0, 19)),
    st.tuples(st.just("filter"), st.sampled_from(
        [AlarmFilter(), AlarmFilter(states=frozenset({"new"})),
         AlarmFilter(priorities=frozenset({1, 2}))])),
)


def event(seen, spec) -> Alarm:
    idx, step_, priority, state, source, minute = spec
    alarm_id = f"alarm-g{idx:02d}"
    version = max(seen.get(alarm_id, 0) + step_, 0)
    created = BASE_TIME + timedelta(minutes=minute)
    return make_alarm(id=alarm_id, version=version, priority=priority, state=state,
                      source={"type": "camera", "id": SOURCES[source], "name": SOURCES[source]},
                      created_at=created, updated_at=created)


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(initial=st.lists(item, max_size=12), steps=st.lists(step, max_size=12))
def test_groups_match_truth(qtmodeltester, initial, steps):
    model = AlarmQueueModel(now=lambda: BASE_TIME, group_window=WINDOW)
    state = OpenTruth()
    seen, truth, take = state.seen, state.open, state.take
    alarm_filter = AlarmFilter()

    first = [event({}, s) for s in initial]
    # One alarm per id in a reset (the newest), as a snapshot would hold.
    newest: dict[str, Alarm] = {}
    for a in first:
        if a.id not in newest or a.version > newest[a.id].version:
            newest[a.id] = a
    model.apply(True, list(newest.values()))
    take(list(newest.values()))
    qtmodeltester.check(model, force_py=True)
    for kind, arg in steps:
        if kind == "batch":
            batch = [event(seen, s) for s in arg]
            model.apply(False, batch)
            take(batch)
        elif kind == "toggle":
            model.toggle_group(f"alarm-g{arg:02d}")
        else:
            alarm_filter = arg
            model.set_filter(arg)
        firsts = set(model._groups.expanded)  # which runs are open is the model's choice
        assert visible_ids(model) == expected(truth, alarm_filter, firsts)
        assert model.open_count() == len(truth)
        assert all(model.row_of(i) == r for r, i in enumerate(visible_ids(model)))


def _repeat(i: int, minute: float, source: str = "cam-1", **kw) -> Alarm:
    t = BASE_TIME + timedelta(minutes=minute)
    return make_alarm(id=f"alarm-r{i}", source={"type": "camera", "id": source, "name": source},
                      created_at=t, updated_at=t, **kw)


def test_repeats_fold_into_one_row_with_count_and_times():
    model = AlarmQueueModel(now=lambda: BASE_TIME, group_window=WINDOW)
    model.apply(True, [_repeat(1, 0), _repeat(2, 2), _repeat(3, 4), _repeat(4, 20),
                       _repeat(5, 1, source="cam-9")])
    # Two runs of cam-1 (0-4 min, then 20 min) and one lone cam-9 alarm.
    assert model.rowCount() == 3
    info = model.group_info("alarm-r3")
    assert info is not None and info.count == 3 and not info.expanded
    title = model.index(model.row_of("alarm-r3"), Column.TITLE).data()
    assert "3\u00d7" in title and "\u25b8" in title
    assert [a.id for a in model.group_members("alarm-r1")] == ["alarm-r1", "alarm-r2",
                                                                 "alarm-r3"]
    # A new repeat becomes the head; the count grows, rows do not.
    model.apply(False, [_repeat(6, 5)])
    assert model.rowCount() == 3 and model.row_of("alarm-r3") is None
    assert model.group_info("alarm-r6").count == 4
    # Expanding shows the members right under the head, folding hides them again.
    assert model.toggle_group("alarm-r6")
    head = model.row_of("alarm-r6")
    assert visible_ids(model)[head:head + 4] == ["alarm-r6", "alarm-r3", "alarm-r2", "alarm-r1"]
    assert "\u21b3" in model.index(head + 1, Column.TITLE).data()
    assert model.toggle_group("alarm-r2")
    assert model.rowCount() == 3
    assert not model.toggle_group("alarm-r5")  # a lone alarm has nothing to expand


def test_shelved_source_is_hidden_but_p1_never():
    model = AlarmQueueModel(now=lambda: BASE_TIME)
    model.apply(True, [_repeat(1, 0, priority=3), _repeat(2, 1, priority=1),
                       _repeat(3, 2, source="cam-2")])
    model.set_shelved({"camera:cam-1"})
    assert set(visible_ids(model)) == {"alarm-r2", "alarm-r3"}
    assert model.shelved_hidden_count() == 1
    model.apply(False, [_repeat(4, 3, priority=2)])  # still shelved: stays hidden
    assert "alarm-r4" not in visible_ids(model)
    model.set_shelved(set())
    assert len(visible_ids(model)) == 4


def test_marks_show_beside_the_state():
    model = AlarmQueueModel(now=lambda: BASE_TIME)
    model.apply(True, [_repeat(1, 0)])
    row = model.row_of("alarm-r1")
    changed = []
    model.dataChanged.connect(lambda a, b, roles: changed.append((a.row(), b.row())))
    model.set_marks({"alarm-r1": "queued"})
    assert model.index(row, Column.STATE).data() == "New \u00b7 queued"
    assert changed == [(row, row)]
    model.set_marks({})
    assert model.index(row, Column.STATE).data() == "New"


def test_same_version_copy_replaces_only_when_asked():
    model = AlarmQueueModel(now=lambda: BASE_TIME)
    a = _repeat(1, 0)
    model.apply(True, [a])
    acked = a.model_copy(update={"state": "acknowledged"})
    model.apply(False, [acked])
    assert model.unacknowledged_count() == 1  # same version: not news
    model.apply(False, [acked], same_version=True)
    assert model.unacknowledged_count() == 0
    assert model.index(0, Column.STATE).data() == "Acknowledged"


def test_mine_and_station_filters():
    from widgets.alarm_queue.filters import FilterContext
    model = AlarmQueueModel(now=lambda: BASE_TIME)
    mine = _repeat(1, 0, state="acknowledged", acknowledged_by="op-7", grid_id="g1")
    other = _repeat(2, 1, grid_id="g2")
    model.apply(True, [mine, other])
    model.set_context(FilterContext("op-7", {"g1": "North", "g2": "South"}))
    model.set_filter(AlarmFilter(mine=True))
    assert visible_ids(model) == ["alarm-r1"]
    model.set_filter(AlarmFilter(stations=frozenset({"South"})))
    assert visible_ids(model) == ["alarm-r2"]
    f = AlarmFilter(stations=frozenset({"South"}), mine=True)
    assert AlarmFilter.from_dict(f.to_dict()) == f


def test_repeat_groups_reset_keeps_open_runs():
    groups = RepeatGroups(WINDOW)
    alarms = [_repeat(i, i) for i in range(3)]
    groups.reset(alarms)
    assert groups.toggle("alarm-r1") is not None
    groups.reset(alarms)
    assert groups.is_expanded("alarm-r2")


def test_group_window_can_change_and_turn_off():
    model = AlarmQueueModel(now=lambda: BASE_TIME, group_window=WINDOW)
    model.apply(True, [_repeat(1, 0), _repeat(2, 3), _repeat(3, 9)])
    assert model.rowCount() == 2  # 0-3 min fold; 9 min is past the 5-minute window
    model.set_group_window(timedelta(minutes=10))
    assert model.rowCount() == 1 and model.group_info("alarm-r3").count == 3
    model.set_group_window(None)
    assert model.rowCount() == 3 and model.group_info("alarm-r3") is None
