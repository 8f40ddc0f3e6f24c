"""The alarm queue pane: filter bar, layout state, selection, and a look at it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from desktop.shell.theme import apply_theme
from tests.factories import BASE_TIME, make_alarm
from widgets.alarm_queue import AlarmFilter, AlarmQueueModel, AlarmQueueView, Column

NOW = BASE_TIME + timedelta(minutes=10)


@pytest.fixture
def view(qtbot):
    model = AlarmQueueModel(now=lambda: NOW)
    model.apply(True, [make_alarm(priority=p, state=s, title=f"P{p} {s}",
                                  created_at=NOW - timedelta(seconds=30 * i))
                       for i, (p, s) in enumerate([(1, "new"), (2, "acknowledged"),
                                                   (3, "new"), (4, "dispatched"),
                                                   (2, "new")])])
    w = AlarmQueueView(model)
    qtbot.addWidget(w)
    w.resize(1400, 600)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_filter_bar_drives_the_model(view, qtbot):
    model = view.model()
    with qtbot.waitSignal(view.filter_changed) as sig:
        view._priority_buttons[4].click()
    assert model.alarm_filter().priorities == {1, 2, 3}
    assert sig.args[0]["priorities"] == [1, 2, 3]
    assert model.rowCount() == 4

    view._state_combo.setCurrentIndex(view._state_combo.findData("new"))
    assert model.alarm_filter().states == {"new"}
    assert model.rowCount() == 3

    view._search.setText("P3")  # applied after a short pause in typing
    qtbot.waitUntil(lambda: model.alarm_filter().text == "P3", timeout=2000)
    assert model.rowCount() == 1
    assert "1 shown" in view.summary_text()

    view._search.clear()
    for b in view._priority_buttons.values():
        b.setChecked(True)
    view._state_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: model.alarm_filter() == AlarmFilter(), timeout=2000)
    assert model.rowCount() == 5


def test_last_priority_cannot_be_switched_off(view):
    for p in (1, 2, 3):
        view._priority_buttons[p].click()
    view._priority_buttons[4].click()
    assert view._priority_buttons[4].isChecked()
    assert view.model().alarm_filter().priorities == {4}


def test_pane_state_round_trip(view, qtbot):
    model = view.model()
    view.restore_pane_state({
        "filter": {"priorities": [1, 2], "states": ["new"], "text": "", "kinds": []},
        "sort_column": "age", "sort_order": "descending"})
    state = view.pane_state()
    assert json.loads(json.dumps(state)) == state
    assert state["sort_column"] == "age" and state["sort_order"] == "descending"
    assert view.table().horizontalHeader().sortIndicatorSection() == Column.AGE
    assert model.alarm_filter().priorities == {1, 2}
    assert not view._priority_buttons[3].isChecked()
    assert view._state_combo.currentData() == "new"

    other = AlarmQueueView(AlarmQueueModel(now=lambda: NOW))
    qtbot.addWidget(other)
    other.restore_pane_state(state)
    assert other.pane_state() == state
    other.restore_pane_state({"sort_column": "nonsense", "filter": "junk"})  # no harm done
    assert other.pane_state()["sort_column"] == "age"


def test_selecting_a_row_emits_the_alarm_id(view, qtbot):
    model = view.model()
    with qtbot.waitSignal(view.alarm_selected) as sig:
        view.table().selectRow(2)
    assert sig.args == [model.alarm_at(2).id]

    # A priority raise moves the row; the selection follows it without a new signal.
    chosen = model.alarm_at(2)
    with qtbot.assertNotEmitted(view.alarm_selected):
        model.apply(False, [chosen.model_copy(update={"version": 2, "priority": 1})])
    selected = view.table().selectionModel().selectedRows()
    assert [i.row() for i in selected] == [model.row_of(chosen.id)]

    # A filter change keeps it selected if it is still shown.
    view._priority_buttons[4].click()
    assert [i.row() for i in view.table().selectionModel().selectedRows()] == [
        model.row_of(chosen.id)]


def test_header_click_sorts_on_the_model(view):
    header = view.table().horizontalHeader()
    header.setSortIndicator(Column.TITLE, Qt.SortOrder.AscendingOrder)
    titles = [view.model().alarm_at(r).title for r in range(view.model().rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_summary_counts(view):
    assert view.summary_text() == "5 open · 3 unacknowledged · 1 overdue"


def test_screenshot(qtbot):
    """~40 alarms of mixed priorities and states, some overdue, at 1400×600."""
    kinds = ["intrusion", "fire", "panic", "call", "video_analytics", "traffic",
             "watchlist_hit", "equipment_fault", "other"]
    titles = ["Intrusion alarm, east gate", "Smoke detector, depot hall 2", "Panic button",
              "Emergency call: break-in in progress", "Loitering at platform 3",
              "Collision, two vehicles", "Watchlist match: F-XY 123", "Camera 14 offline",
              "Unattended bag"]
    streets = ["Hauptstrasse 1", "Zeil 106", "Berger Str. 210", "Mainkai 12",
               "Hanauer Landstr. 89", None]
    states = ["new", "new", "acknowledged", "dispatched", "on_scene", "new", "acknowledged"]
    alarms = []
    for i in range(40):
        state = states[i % len(states)]
        created = NOW - timedelta(seconds=[4, 25, 70, 140, 400, 3900][i % 6] + i)
        street = streets[i % len(streets)]
        alarms.append(make_alarm(
            priority=1 + (i * 3) % 4, kind=kinds[i % len(kinds)], title=titles[i % len(titles)],
            state=state, created_at=created, grid_id=f"grid-{(i * 7) % 23 + 1}",
            location={"lat": 50.11, "lon": 8.68, "address": street},
            acknowledged_at=None if state == "new" else created + timedelta(seconds=6 + i),
            acknowledged_by=None if state == "new" else "op-2",
            assigned_unit_ids=["u1", "u2"][: i % 3] if state in ("dispatched", "on_scene")
            else [],
            source={"type": "camera", "id": f"cam-{i}", "name": f"Camera {i}, north side"}))
    model = AlarmQueueModel(now=lambda: NOW, unit_names={"u1": "Frankfurt 12/1",
                                                         "u2": "Frankfurt 14/2"})
    model.apply(True, alarms[:-3])
    model.apply(False, alarms[-3:])  # these flash as fresh arrivals
    app = QApplication.instance()
    saved = (app.style().name(), app.palette(), app.font(), app.styleSheet())
    apply_theme(app)  # as the workstation shows it: the operations-dark theme
    try:
        view = AlarmQueueView(model)
        qtbot.addWidget(view)
        view.resize(1400, 600)
        view.show()
        qtbot.waitExposed(view)
        view.table().selectionModel().select(
            model.index(6, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        qtbot.wait(50)
        assert view.grab().save("/tmp/alarm-queue.png")
    finally:
        app.setStyleSheet(saved[3])
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setFont(saved[2])


def test_closed_is_only_ever_the_history_view(view, qtbot):
    # Without a history model the choice is disabled, and a saved "closed" filter is not
    # turned into an empty-looking open queue.
    combo = view._state_combo
    assert not combo.model().item(combo.findData("closed")).isEnabled()
    view.restore_pane_state({"filter": {"states": ["closed"]}})
    assert view.model().alarm_filter().states == frozenset()
    assert view.model().rowCount() == 5
    history = AlarmQueueModel(now=lambda: NOW, keep_closed=True)
    history.apply(True, [make_alarm(state="closed", title="done")])
    view.set_history_model(history)
    with qtbot.waitSignal(view.history_requested):
        view.restore_pane_state({"filter": {"states": ["closed"]}})
    assert view.table().model() is history and history.rowCount() == 1
    assert view.summary_text() == "1 closed in the last 12 h (read only)"


def test_more_filters_menu(view):
    view._mine.setChecked(True)
    assert view.model().alarm_filter().mine
    assert view._more.text() == "Filters (1)"
    view._kind_actions["fire"].setChecked(True)
    assert view.model().alarm_filter().kinds == {"fire"}
    view.set_stations(["North", "South"])
    view._station_actions["South"].setChecked(True)
    assert view.pane_state()["filter"]["stations"] == ["South"]
    view._clear_more()
    f = view.model().alarm_filter()
    assert not (f.mine or f.kinds or f.stations) and view._more.text() == "Filters"
