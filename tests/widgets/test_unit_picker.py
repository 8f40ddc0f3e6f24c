"""The dispatch unit picker: preselection, keyboard, filter, confirmation, and its guards
(unverified watchlist hit, reassignment), with real schema objects ranked by rank_units."""

from __future__ import annotations

import math
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox

from desktop.shell.theme import apply_theme
from desktop.state.nearest import EARTH_RADIUS_M, rank_units
from tests.factories import BASE_LAT, BASE_LON, BASE_TIME, make_alarm, make_unit
from widgets.unit_candidates import Column
from widgets.unit_picker import UnitPickerDialog
from widgets.unit_texts import distance_text, eta_text, position_text

NOW = BASE_TIME + timedelta(minutes=30)
M_DEG = 180 / (math.pi * EARTH_RADIUS_M)
ALARM_ID = "alarm-here"


def unit_at(north_m, callsign, *, age_s=20, **overrides):
    position = None if north_m is None else {
        "lat": BASE_LAT + north_m * M_DEG, "lon": BASE_LON, "at": NOW - timedelta(seconds=age_s)}
    return make_unit(id=callsign.replace(" ", "-"), callsign=callsign, position=position,
                     **overrides)


def hall_units():
    return [
        unit_at(300, "Frankfurt 11/1"),
        unit_at(150, "Frankfurt 11/2", kind="motorcycle", age_s=600),  # nearest, but stale
        unit_at(900, "Frankfurt 12/1"),
        unit_at(1500, "Frankfurt 12/2", kind="foot"),
        unit_at(2500, "Frankfurt 13/1", kind="motorcycle"),
        unit_at(4000, "Frankfurt 13/2", kind="traffic"),
        unit_at(None, "Frankfurt 14/1"),
        unit_at(200, "Frankfurt 20/1", status="en_route", alarm_id="alarm-other"),
        unit_at(100, "Frankfurt 20/2", status="busy"),
        unit_at(50, "Frankfurt 20/3", status="on_scene", alarm_id=ALARM_ID),
        unit_at(10, "Frankfurt 99/9", status="out_of_service"),
    ]


def the_alarm(**overrides):
    data = {"id": ALARM_ID, "state": "acknowledged", "priority": 1,
            "title": "Intrusion alarm, east gate",
            "location": {"lat": BASE_LAT, "lon": BASE_LON, "address": "Hauptstrasse 1"}}
    data.update(overrides)
    return make_alarm(**data)


@pytest.fixture
def open_picker(qtbot):
    def make(alarm=None, *, may_reassign=False, units=None, include_busy=True, **kw):
        alarm = alarm or the_alarm()
        candidates = rank_units(units or hall_units(), alarm.location.lat, alarm.location.lon,
                                NOW, include_busy=include_busy)
        dialog = UnitPickerDialog(alarm, candidates, may_reassign, **kw)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog
    return make


def callsign_at(dialog, row):
    return dialog.table().model().index(row, Column.CALLSIGN).data()


def shown_callsigns(dialog):
    return [callsign_at(dialog, r) for r in range(dialog.table().model().rowCount())]


def current_callsign(dialog):
    return callsign_at(dialog, dialog.table().currentIndex().row())


def ok_text(dialog):
    return dialog.dispatch_button().text()


# --- texts -----------------------------------------------------------------------------------


def test_cell_texts():
    assert distance_text(850) == "850 m"
    assert distance_text(854) == "850 m"
    assert distance_text(3240) == "3.2 km"
    assert distance_text(999.6) == "1.0 km"
    assert distance_text(4) == "< 10 m"
    assert distance_text(150_400) == "150 km"
    assert distance_text(None) == "\u2014"
    assert eta_text(240) == "~4 min"
    assert eta_text(180) == "~3 min"
    assert eta_text(20) == "< 1 min"
    assert eta_text(3900) == "~1 h 05 min"
    [stale, fresh, none] = rank_units(
        [unit_at(100, "a", age_s=360), unit_at(200, "b", age_s=45), unit_at(None, "c")],
        BASE_LAT, BASE_LON, NOW)
    assert position_text(stale.position_age_s, stale.stale) == "position 6 min old"
    assert position_text(fresh.position_age_s, fresh.stale) == "45 s ago"
    assert position_text(none.position_age_s, none.stale) == "no position"


# --- opening ---------------------------------------------------------------------------------


def test_lists_the_ranking_and_shows_the_alarm(open_picker):
    dialog = open_picker()
    assert shown_callsigns(dialog) == [
        "Frankfurt 11/2", "Frankfurt 11/1", "Frankfurt 12/1", "Frankfurt 12/2",
        "Frankfurt 13/1", "Frankfurt 13/2", "Frankfurt 14/1",
        "Frankfurt 20/3", "Frankfurt 20/2", "Frankfurt 20/1"]
    model = dialog.table().model()
    assert model.index(0, Column.POSITION).data() == "position 10 min old"
    assert model.index(1, Column.DISTANCE).data() == "300 m"
    assert model.index(1, Column.ETA).data() == "< 1 min"
    assert model.index(1, Column.STATUS).data() == "Available"
    assert model.index(9, Column.ALARM).data() == "alarm-other"
    assert model.index(7, Column.ALARM).data() == "this alarm"
    assert model.index(0, Column.CHOSEN).data() == "1"
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert labels["unitPickerTitle"] == "Intrusion alarm, east gate"
    assert labels["unitPickerPriority"] == "P1"
    assert "Hauptstrasse 1" in labels["unitPickerAddress"]


def test_nearest_available_unit_with_a_current_position_is_chosen_and_focused(open_picker):
    dialog = open_picker()
    # 11/2 is nearer, but its position is ten minutes old: 11/1 is the one to send.
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1"]
    assert current_callsign(dialog) == "Frankfurt 11/1"
    assert dialog.focusWidget() is dialog.table()
    assert ok_text(dialog) == "Dispatch 1 unit"
    assert dialog.dispatch_button().isEnabled()


def test_nearest_is_row_one_when_fresh(open_picker):
    dialog = open_picker(units=[unit_at(700, "B"), unit_at(200, "A")])
    assert dialog.chosen_unit_ids() == ["A"]
    assert dialog.table().currentIndex().row() == 0


def test_preselected_ids_replace_the_nearest(open_picker):
    dialog = open_picker(preselected=["Frankfurt-12/2", "Frankfurt-13/1", "Frankfurt-20/2",
                                      "no-such-unit"])
    # 20/2 is busy and cannot be chosen, the last is no candidate: left out, not forced in.
    assert dialog.chosen_unit_ids() == ["Frankfurt-12/2", "Frankfurt-13/1"]
    assert dialog.status_text() == "2 chosen"
    assert current_callsign(dialog) == "Frankfurt 12/2"


def test_no_units_at_all(open_picker):
    dialog = open_picker(units=[unit_at(10, "gone", status="off_duty")])
    assert dialog.chosen_unit_ids() == []
    assert not dialog.dispatch_button().isEnabled()
    assert dialog.status_text() == "No unit can be sent"


# --- keyboard --------------------------------------------------------------------------------


def test_space_toggles_the_current_row(open_picker, qtbot):
    dialog = open_picker()
    table = dialog.table()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.chosen_unit_ids() == []
    assert ok_text(dialog) == "Dispatch 0 units"
    assert not dialog.dispatch_button().isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1", "Frankfurt-12/1"]
    assert ok_text(dialog) == "Dispatch 2 units"
    assert dialog.status_text() == "2 chosen"


def test_number_keys_toggle_the_nth_row(open_picker, qtbot):
    dialog = open_picker()
    table = dialog.table()
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1", "Frankfurt-12/2"]
    assert current_callsign(dialog) == "Frankfurt 12/2"
    qtbot.keyClick(table, Qt.Key.Key_4)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1"]
    qtbot.keyClick(table, Qt.Key.Key_1, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/2", "Frankfurt-11/1"]
    qtbot.keyClick(table, Qt.Key.Key_9)  # past the last row: nothing happens
    assert len(dialog.chosen_unit_ids()) == 2


def test_typing_filters_and_esc_clears_the_filter_first(open_picker, qtbot):
    dialog = open_picker()
    table, edit = dialog.table(), dialog.filter_edit()
    qtbot.keyClick(table, Qt.Key.Key_M)
    assert edit.text() == "m" and dialog.focusWidget() is edit
    qtbot.keyClicks(edit, "oto")
    assert shown_callsigns(dialog) == ["Frankfurt 11/2", "Frankfurt 13/1"]
    assert dialog.status_text() == (
        "1 chosen \u00b7 1 hidden by the filter \u00b7 2 of 10 units shown")
    # Down goes back to the list, where number keys choose among what is shown.
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert dialog.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_2)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1", "Frankfurt-13/1"]
    # In the filter field digits are text ("12/1"), and words narrow further.
    edit.setFocus()
    edit.clear()
    qtbot.keyClicks(edit, "12/1")
    assert shown_callsigns(dialog) == ["Frankfurt 12/1"]
    edit.setText("frankfurt foot")
    assert shown_callsigns(dialog) == ["Frankfurt 12/2"]
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == "" and dialog.isVisible()
    assert len(shown_callsigns(dialog)) == 10
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1", "Frankfurt-13/1"]


def test_enter_dispatches_with_the_note(open_picker, qtbot):
    dialog = open_picker()
    dialog.note_edit().setText("  Approach from the north side  ")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.table(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1"]
    assert dialog.note() == "Approach from the north side"


def test_enter_in_the_filter_dispatches_too(open_picker, qtbot):
    dialog = open_picker()
    qtbot.keyClicks(dialog.filter_edit(), "11/1")
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.filter_edit(), Qt.Key.Key_Enter)


def test_enter_with_nothing_chosen_says_so(open_picker, qtbot):
    dialog = open_picker()
    qtbot.keyClick(dialog.table(), Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "Choose at least one unit" in dialog.status_text()


def test_a_click_on_the_box_toggles(open_picker, qtbot):
    dialog = open_picker()
    table = dialog.table()
    rect = table.visualRect(table.model().index(2, Column.CHOSEN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1", "Frankfurt-12/1"]


# --- confirmation ----------------------------------------------------------------------------


class Asked:
    def __init__(self, answer):
        self.answer = answer
        self.questions = []

    def __call__(self, question):
        self.questions.append(question)
        return self.answer


def test_more_than_three_units_asks_first(open_picker, qtbot):
    dialog = open_picker()
    dialog.confirm = asked = Asked(False)
    for key in (Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_6):
        qtbot.keyClick(dialog.table(), key)
    assert ok_text(dialog) == "Dispatch 5 units"
    qtbot.keyClick(dialog.table(), Qt.Key.Key_Return)
    assert asked.questions == ["Dispatch 5 units to Intrusion alarm, east gate?"]
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    asked.answer = True
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        dialog.dispatch_button().click()
    assert len(dialog.chosen_unit_ids()) == 5


def test_three_units_go_without_asking(open_picker, qtbot):
    dialog = open_picker()
    dialog.confirm = asked = Asked(False)
    qtbot.keyClick(dialog.table(), Qt.Key.Key_3)
    qtbot.keyClick(dialog.table(), Qt.Key.Key_4)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.table(), Qt.Key.Key_Return)
    assert asked.questions == []


# --- guards ----------------------------------------------------------------------------------


@pytest.mark.parametrize("verified", [None, False])
def test_unverified_watchlist_hit_cannot_be_dispatched(open_picker, qtbot, verified):
    alarm = the_alarm(kind="watchlist_hit", verified=verified, watchlist_id="watch-1",
                      match_confidence=0.91)
    dialog = open_picker(alarm)
    assert not dialog.dispatch_button().isEnabled()
    assert dialog.refusal() == "Verify the watchlist match first"
    assert dialog.dispatch_button().toolTip() == "Verify the watchlist match first"
    assert dialog.chosen_unit_ids() == []  # nothing suggests it could go
    dialog.confirm = Asked(True)
    qtbot.keyClick(dialog.table(), Qt.Key.Key_2)
    qtbot.keyClick(dialog.table(), Qt.Key.Key_Return)
    dialog.accept()  # the button's guard is not the only one
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted


def test_verified_watchlist_hit_can_be_dispatched(open_picker):
    dialog = open_picker(the_alarm(kind="watchlist_hit", verified=True))
    assert dialog.refusal() is None
    assert dialog.dispatch_button().isEnabled()


def test_reassigning_needs_a_supervisor(open_picker, qtbot):
    dialog = open_picker(may_reassign=False)
    table = dialog.table()
    table.setCurrentIndex(table.model().index(9, Column.CALLSIGN))  # 20/1, en route elsewhere
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1"]
    assert "only a supervisor may reassign it" in dialog.status_text()
    assert "only a supervisor" in table.model().index(9, Column.CALLSIGN).data(
        Qt.ItemDataRole.ToolTipRole)


def test_a_supervisor_reassigns_after_confirming(open_picker, qtbot):
    dialog = open_picker(may_reassign=True, alarm_titles={"alarm-other": "Break-in, Zeil 106"})
    model = dialog.table().model()
    assert model.index(9, Column.ALARM).data() == "Break-in, Zeil 106"
    dialog.table().setCurrentIndex(model.index(9, Column.CALLSIGN))
    qtbot.keyClick(dialog.table(), Qt.Key.Key_Space)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1", "Frankfurt-20/1"]
    dialog.confirm = asked = Asked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.table(), Qt.Key.Key_Return)
    assert asked.questions == [
        "Dispatch 2 units to Intrusion alarm, east gate?\n\n"
        "This takes Frankfurt 20/1 off their current alarm."]


@pytest.mark.parametrize("row, why", [(7, "Already on this alarm"),
                                      (8, "Busy and on no alarm")])
def test_some_units_cannot_be_chosen_even_by_a_supervisor(open_picker, qtbot, row, why):
    dialog = open_picker(may_reassign=True)
    table = dialog.table()
    table.setCurrentIndex(table.model().index(row, Column.CALLSIGN))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1"]
    assert why in dialog.status_text()


def test_update_candidates_keeps_the_choice(open_picker, qtbot):
    dialog = open_picker()
    qtbot.keyClick(dialog.table(), Qt.Key.Key_3)
    units = hall_units()
    units[2] = unit_at(900, "Frankfurt 12/1", status="busy")  # it took a call meanwhile
    dialog.note_edit().setFocus()
    dialog.update_candidates(rank_units(units, BASE_LAT, BASE_LON, NOW, include_busy=True))
    assert dialog.chosen_unit_ids() == ["Frankfurt-11/1"]
    assert current_callsign(dialog) == "Frankfurt 12/1"
    assert dialog.focusWidget() is dialog.note_edit()  # the officer's typing is not disturbed


def test_confirm_asks_with_no_as_default(open_picker, qtbot, monkeypatch):
    seen = {}

    def fake_exec(box):
        seen["default"] = box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        seen["text"] = box.text()
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    dialog = open_picker()
    assert dialog.confirm("Dispatch 5 units to X?") is False
    assert seen == {"default": True, "text": "Dispatch 5 units to X?"}


# --- a look at it ----------------------------------------------------------------------------


def test_screenshot(open_picker, qtbot):
    app = QApplication.instance()
    saved = (app.style().name(), app.palette(), app.font(), app.styleSheet())
    apply_theme(app)  # as the workstation shows it: the operations-dark theme
    try:
        dialog = open_picker(may_reassign=True,
                             alarm_titles={"alarm-other": "Break-in, Zeil 106"})
        qtbot.keyClick(dialog.table(), Qt.Key.Key_3)
        qtbot.wait(50)
        assert dialog.grab().save("/tmp/unit-picker.png")
    finally:
        app.setStyleSheet(saved[3])
        app.setStyle(saved[0])
        app.setPalette(saved[1])
        app.setFont(saved[2])
