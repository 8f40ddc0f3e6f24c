"""The unit board's model: any sequence of server-side status changes, new units, moves and
filters leaves it equal to the state (checked row by row, with Qt's model tester watching every
signal); the status words always belong to the status; timers turn overdue at the right second
with an injected clock, and overdue units come first in their status; a selected unit stays
selected when its status changes."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QAbstractItemModelTester

from backend_client.schemas import UNIT_KINDS, UNIT_STATUSES
from backend_client.unit_rules import STATUS_ORDER
from tests.factories import BASE_TIME, SetClock, make_unit
from widgets.colors import UNIT_STATUS_COLORS
from widgets.unit_board.columns import BoardContext, Column, default_key, sort_key
from widgets.unit_board.model import OverdueRole, UnitBoardModel, UnitFilter
from widgets.unit_candidates import StatusRole
from widgets.unit_texts import unit_status_label

GRIDS = ("g1", "g2", "g3")
STATIONS = {"g1": "城东", "g2": "城东", "g3": "城西"}



def late_after(seconds: float):
    def overdue(unit, now):
        if unit.status == "en_route" and (now - unit.status_since).total_seconds() > seconds:
            return "late_on_scene"
        return None
    return overdue


def due_after(seconds: float, asked: list | None = None):
    """``late_after``'s deadline: seconds until an en-route unit turns late."""
    def due_in(unit, now):
        if asked is not None:
            asked.append(unit.id)
        if unit.status != "en_route":
            return None
        return max(0.0, seconds - (now - unit.status_since).total_seconds())
    return due_in


def unit(uid: str, status: str = "available", *, grid: str = "g1", kind: str = "patrol_car",
         since_s: float = 0, version: int = 1, callsign: str | None = None):
    return make_unit(id=uid, callsign=callsign or f"巡{uid}", status=status, kind=kind,
                     home_grid_id=grid, status_since=BASE_TIME + timedelta(seconds=since_s),
                     version=version)


def expected_rows(state: dict, late, now, flt: UnitFilter, ctx: BoardContext,
                  column: Column = Column.STATUS, descending: bool = False) -> list[str]:
    """The board's order worked out from the rule itself (not from what the model thinks
    is overdue): its own order, then the sort column's, ties kept."""
    shown = [u for u in state.values() if flt.admits(u, ctx)]
    shown.sort(key=lambda u: default_key(u, late(u, now) is not None))
    if column != Column.STATUS or descending:
        shown.sort(key=sort_key(column, ctx), reverse=descending)
    return [u.id for u in shown]


step = st.one_of(
    st.tuples(st.just("status"), st.integers(0, 14), st.sampled_from(UNIT_STATUSES)),
    st.tuples(st.just("new"), st.integers(15, 30), st.sampled_from(UNIT_STATUSES)),
    st.tuples(st.just("move"), st.integers(0, 14), st.floats(-0.01, 0.01)),
    st.tuples(st.just("filter"), st.sampled_from(["", "城东", "城西"]),
              st.sets(st.sampled_from(UNIT_STATUSES), max_size=2)),
    st.tuples(st.just("tick"), st.one_of(st.integers(1, 3), st.integers(1, 400)), st.none()),
    st.tuples(st.just("batch"), st.lists(st.integers(0, 14), min_size=2, max_size=8),
              st.sampled_from(UNIT_STATUSES)),
    st.tuples(st.just("sort"), st.sampled_from(list(Column)), st.booleans()),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.lists(step, min_size=1, max_size=25), st.integers(0, 6), st.booleans())
def test_any_sequence_leaves_the_board_equal_to_the_state(qapp, steps, stride, deadlines):
    """``deadlines``: the model is told when each unit may turn late (``due_in``, as the
    workstation does) and asks the rule only then; else it asks about every unit each tick.
    Either way the overdue units are those the rule says, every step."""
    clock = SetClock()
    ctx = BoardContext(grid_stations=STATIONS)
    late = late_after(300)
    model = UnitBoardModel(now=clock, overdue=late,
                           due_in=due_after(300) if deadlines else None)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_context(ctx)
    state = {f"{i}": unit(f"{i}", STATUS_ORDER[(i + stride) % 7], grid=GRIDS[i % 3],
                          kind=UNIT_KINDS[i % len(UNIT_KINDS)]) for i in range(15)}
    model.apply(True, state.values())
    flt = UnitFilter()
    column, descending = Column.STATUS, False
    for kind, a, b in steps:
        if kind == "batch":  # one change set with several units (a second of changes)
            changed = []
            for i in dict.fromkeys(a):
                old = state[f"{i}"]
                state[old.id] = unit(old.id, b, grid=GRIDS[i % 3], version=old.version + 1,
                                     since_s=(clock.now - BASE_TIME).total_seconds())
                changed.append(state[old.id])
            model.apply(False, changed)
        elif kind == "sort":
            column, descending = a, b
            model.sort(a, Qt.SortOrder.DescendingOrder if b else Qt.SortOrder.AscendingOrder)
        elif kind in ("status", "new"):
            uid = f"{a}"
            old = state.get(uid)
            version = old.version + 1 if old else 1
            state[uid] = unit(uid, b, grid=GRIDS[a % 3], version=version,
                              since_s=(clock.now - BASE_TIME).total_seconds())
            model.apply(False, [state[uid]])
        elif kind == "move":
            old = state[f"{a}"]
            moved = old.model_copy(update={"position": old.position.model_copy(
                update={"lat": old.position.lat + b})})
            state[old.id] = moved
            model.apply(False, [moved])
        elif kind == "filter":
            flt = UnitFilter(stations=frozenset({a}) if a else frozenset(),
                             statuses=frozenset(b))
            model.set_filter(flt)
        else:
            clock.now += timedelta(seconds=a)
            model.tick()
        rows = [model.unit_at(r).id for r in range(model.rowCount())]
        assert rows == expected_rows(state, late, clock.now, flt, ctx, column, descending)
        assert {uid for uid in state if model.overdue_of(uid)} == {
            uid for uid, u in state.items() if late(u, clock.now)}
        for r in range(model.rowCount()):
            shown = model.unit_at(r)
            assert shown == state[shown.id]
            status = model.index(r, Column.STATUS)
            # The words and the colour's key come from the one status.
            assert status.data() == unit_status_label(shown.status)
            assert status.data(StatusRole) == shown.status
        counts = model.status_counts()
        assert sum(counts.values()) == sum(1 for u in state.values()
                                           if flt.admits(u, ctx, status=False))


def test_every_status_has_its_colour_and_words(qapp):
    model = UnitBoardModel()
    model.apply(True, [unit(s, s) for s in UNIT_STATUSES])
    seen = {}
    for r in range(model.rowCount()):
        index = model.index(r, Column.STATUS)
        status = index.data(StatusRole)
        seen[status] = index.data()
        assert status in UNIT_STATUS_COLORS  # the chip has a colour for it
    assert seen == {s: unit_status_label(s) for s in UNIT_STATUSES}
    # In the board's order of statuses, left to right as the columns.
    assert [model.unit_at(r).status for r in range(model.rowCount())] == list(STATUS_ORDER)


def test_a_unit_turns_overdue_at_the_right_second_and_comes_first(qapp):
    clock = SetClock()
    model = UnitBoardModel(now=clock, overdue=late_after(600))
    model.apply(True, [unit("a", "en_route", callsign="A", since_s=0),
                       unit("b", "en_route", callsign="B", since_s=-30)])
    assert [model.unit_at(r).id for r in range(2)] == ["a", "b"]  # by callsign
    clock.now = BASE_TIME + timedelta(seconds=599)
    model.tick()
    assert model.overdue_count() == 1 and model.overdue_of("b") == "late_on_scene"
    assert [model.unit_at(r).id for r in range(2)] == ["b", "a"]  # the late one first
    clock.now = BASE_TIME + timedelta(seconds=600)  # exactly the target: not late yet
    model.tick()
    assert model.overdue_of("a") is None
    clock.now += timedelta(seconds=1)
    model.tick()
    assert model.overdue_of("a") == "late_on_scene"
    # Both late now: by callsign again.
    assert [model.unit_at(r).id for r in range(2)] == ["a", "b"]
    assert model.index(0, Column.IN_STATUS).data(OverdueRole) == "late_on_scene"
    assert model.index(0, Column.IN_STATUS).data() == "10:01"
    # On scene now: the timer is gone, and the unit moves to its new status.
    model.apply(False, [unit("a", "on_scene", callsign="A", since_s=601, version=2)])
    assert model.overdue_of("a") is None
    assert [model.unit_at(r).id for r in range(2)] == ["b", "a"]


def test_with_deadlines_the_rule_is_asked_about_a_unit_only_when_its_time_comes(qapp):
    clock = SetClock()
    asked: list[str] = []
    model = UnitBoardModel(now=clock, overdue=late_after(600), due_in=due_after(600, asked))
    model.apply(True, [unit("a", "en_route", callsign="A"),
                       unit("b", "available", callsign="B")])
    asked.clear()
    for second in range(1, 601):  # ten minutes of ticks: nobody is due yet
        clock.now = BASE_TIME + timedelta(seconds=second)
        model.tick()
    assert asked == ["a"]  # at 600 s, its deadline: exactly the target, not late yet
    assert model.overdue_of("a") is None
    clock.now += timedelta(seconds=1)
    model.tick()
    assert model.overdue_of("a") == "late_on_scene"
    # A changed unit gets a new deadline; the units left alone are not asked.
    asked.clear()
    model.apply(False, [unit("a", "en_route", callsign="A", since_s=601, version=2)])
    assert model.overdue_of("a") is None and asked == ["a"]
    # New targets: everyone is asked anew.
    asked.clear()
    model.set_overdue_rule(late_after(0), due_after(0, asked))
    assert sorted(asked) == ["a", "b"]
    clock.now += timedelta(seconds=1)
    model.tick()
    assert model.overdue_of("a") == "late_on_scene"


def test_the_selected_unit_stays_selected_when_its_status_changes(qapp):
    from PySide6.QtWidgets import QTableView
    model = UnitBoardModel()
    units = [unit(f"{i}", "available", callsign=f"U{i:02d}") for i in range(10)]
    model.apply(True, units)
    view = QTableView()
    view.setModel(model)
    view.selectionModel().setCurrentIndex(
        model.index(model.row_of("3"), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    model.apply(False, [unit("3", "off_duty", callsign="U03", version=2)])
    assert model.row_of("3") == 9  # off duty is the last status
    selected = view.selectionModel().selectedRows()
    assert [model.data(i, Qt.ItemDataRole.DisplayRole) for i in selected] == ["U03"]
