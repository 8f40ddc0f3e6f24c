"""The unit board in the demo workstation against the reference server over real HTTP: it shows
every unit of the hall with counters per status; another desk's status change arrives; the
officer's own change is offered only where the rules allow it, is queued, and lands; a change the
server refuses rolls back with the server's words; a crew on scene falls due a welfare check,
which the officer confirms and the alarm's notes record; selection is shared; the layout keeps
the board's view and filters; offline, the board says as of when."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from backend_client import schemas as s
from backend_client.unit_rules import allowed_next_statuses
from desktop.state.session import ConnectionState
from tests.desktop.conftest import run_ui, until
from tests.support.central import Desk
from widgets.unit_board.columns import Column
from widgets.unit_board.model import UnitFilter
from widgets.unit_candidates import StatusRole
from widgets.unit_texts import unit_status_label


def shown_status(pane, unit_id: str) -> str | None:
    unit = pane.model.unit(unit_id)
    return unit.status if unit is not None else None


def test_the_board_follows_the_hall_and_the_officer_changes_statuses(make_workstation, qloop):
    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "7"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        pane = ws.window.pane_widgets["unit_board"]
        hall = ws.hall
        await until(lambda: pane.model.rowCount() == len(hall.units) > 20, 10, "the units")
        counts = pane.model.status_counts()
        assert sum(counts.values()) == len(hall.units)
        for status, button in pane.counter_buttons.items():
            assert button.text() == f"{unit_status_label(status)} {counts[status]}"
        for row in range(pane.model.rowCount()):  # the words belong to the status
            index = pane.model.index(row, Column.STATUS)
            assert index.data() == unit_status_label(index.data(StatusRole))

        # Another desk puts an available unit on a break: the board shows it.
        unit = next(u for u in hall.units.values() if u.status == "available")
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            r = await asyncio.to_thread(other.command, f"/units/{unit.id}/status",
                                        {"status": "busy"})
            assert r.status_code == 200, r.text
            await until(lambda: shown_status(pane, unit.id) == "busy", 10, "busy on the board")

            # The officer's menu offers exactly what may follow "busy".
            menu = pane.menu_for(unit.id)
            offered = [a.text().split("  ", 1)[1] for a in menu.actions()[0].menu().actions()]
            assert offered == [unit_status_label(st) for st in allowed_next_statuses("busy")]
            # Back to available from the board: queued at once, then the server's word.
            ws.selection.select_unit(unit.id)
            await until(lambda: pane.table.selected_unit() == unit.id, 5, "selected row")
            pane.change_status(unit.id, "available")
            await until(lambda: hall.units[unit.id].status == "available", 10, "at the server")
            await until(lambda: not ws.unit_pending.has_pending(unit.id), 10, "settled")
            assert shown_status(pane, unit.id) == "available"
            assert pane.table.selected_unit() == unit.id  # still selected after its move

            # A status the rules do not allow is refused here, never queued.
            before = ws.state.outbox_pending
            pane.change_status(unit.id, "en_route")
            assert ws.state.notices[-1].text.startswith("This status cannot follow")
            assert not ws.unit_pending.has_pending(unit.id)
            assert ws.state.outbox_pending == before

            # A change the server refuses (let past the board's own check here) rolls back,
            # with the server's words told.
            ws.unit_actions.why_not = lambda _unit, _status: ""  # type: ignore[method-assign]
            try:
                pane.change_status(unit.id, "on_scene")
                # (the optimistic "on scene" may last less than a poll: the server is near)
                await until(lambda: unit.id in ws.unit_pending.refusals, 10, "the refusal")
            finally:
                del ws.unit_actions.why_not
            await until(lambda: shown_status(pane, unit.id) == "available", 5, "rolled back")
            assert "cannot go from available to on_scene" in ws.state.notices[-1].text

            # Filters: by status (the counter button) and kept with the layout.
            pane.counter_buttons["available"].setChecked(True)
            assert {u.status for u in pane.model.shown_units()} == {"available"}
            state = pane.pane_state()
            assert state["filter"]["statuses"] == ["available"]
            pane.clear_filter()
            assert pane.model.rowCount() == len(hall.units)
            pane.restore_pane_state({**state, "view": "cards", "group": "station"})
            assert pane.model.unit_filter == UnitFilter(statuses=frozenset({"available"}))
            assert pane.stack.currentWidget() is pane.cards
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)


def test_welfare_check_offline_as_of_and_available_near(make_workstation, qloop):
    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "8"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        pane = ws.window.pane_widgets["unit_board"]
        hall = ws.hall
        await until(lambda: pane.model.rowCount() == len(hall.units) > 20, 10, "the units")
        unit = next(u for u in hall.units.values() if u.status == "available")
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            alarm = await asyncio.to_thread(other.raise_alarm, title="巡查 福利检查")
            for path, body in ((f"/alarms/{alarm['id']}/acknowledge", {}),
                               (f"/alarms/{alarm['id']}/dispatch", {"unit_ids": [unit.id]}),
                               (f"/units/{unit.id}/status", {"status": "on_scene"})):
                r = await asyncio.to_thread(other.command, path, body)
                assert r.status_code == 200, r.text
            await until(lambda: shown_status(pane, unit.id) == "on_scene", 10, "on scene")
            assert pane.model.unit(unit.id).alarm_id == alarm["id"]
            # Its alarm clicked on the board: the alarm is selected (the queue shows its card).
            ws.selection.select_alarm(None)
            pane.view_choice.setCurrentIndex(pane.view_choice.findData("table"))
            row = pane.model.row_of(unit.id)
            pane.table.scrollTo(pane.model.index(row, Column.ALARM))
            spot = pane.table.visualRect(pane.model.index(row, Column.ALARM)).center()
            QTest.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, spot)
            assert ws.selection.alarm_id == alarm["id"]
            assert ws.selection.unit_id == unit.id

            # "Available near the alarm": the dispatch picker's ranking, available units only.
            ws.selection.select_alarm(alarm["id"])
            pane.near_button.setChecked(True)
            await until(lambda: pane.near_model.rowCount() > 0, 5, "units near")
            near = [pane.near_model.candidate(r) for r in range(pane.near_model.rowCount())]
            assert all(c.available for c in near)
            distances = [c.distance_m for c in near]
            assert distances == sorted(distances)
            pane.near_button.setChecked(False)

            # Welfare checks every 2 s: the crew falls due, the officer confirms contact.
            ws.preferences.update(replace(ws.preferences.settings,
                                          unit_status_target_seconds=(60, 600, 2)))
            await until(lambda: pane.model.overdue_of(unit.id) == "welfare_due", 10, "due")
            await until(lambda: pane.welfare.isVisible(), 5, "the welfare prompt")
            assert unit.callsign in pane.welfare_text.text()
            pane.confirm_welfare(unit.id)
            await until(lambda: unit.id in ws.unit_actions.welfare_confirmed, 5, "confirmed")
            assert pane.model.overdue_of(unit.id) is None

            def noted() -> bool:
                notes = other.get(f"/alarms/{alarm['id']}").json()["notes"]
                return any(unit.callsign in n["text"] for n in notes)
            await until(lambda: noted(), 10, "the note at the server")
        finally:
            await asyncio.to_thread(other.close)

        # Offline: the board says since when it shows what it shows.
        since = s.utcnow() - timedelta(minutes=3)
        ws.state.set_connection(ConnectionState("offline", since))
        pane._second()
        assert pane.as_of.text().startswith("As of")

    run_ui(qloop, go(), timeout=120)
