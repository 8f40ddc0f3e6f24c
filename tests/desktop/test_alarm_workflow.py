"""The alarm workflow end to end under Xvfb against the reference server (real loopback HTTP):
each action by its keyboard shortcut, its outbox entry, its effect on the server and the row
reconciled; a refusal (409) rolled back with the server's message; offline → "queued" → sent
once when the server is back; a watchlist hit cannot be dispatched before it is verified."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.desktop.conftest import run_ui, until
from tests.support.central import Desk
from widgets.alarm_dialogs import CloseDialog, NoteDialog, RaiseAlarmDialog, VerifyDialog
from widgets.alarm_queue import Column
from widgets.unit_picker import UnitPickerDialog

QUIET = ("--sim-steps", "0", "--seed", "7")


async def _start(make_workstation):
    ws = await make_workstation(demo=True, demo_args=QUIET)
    await until(lambda: ws.state.connection.status == "online", 30, "online")
    await until(lambda: len(ws.hall.units) > 10, 10, "the snapshot")
    desk = ws.window.pane_widgets["alarm_queue"]
    other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
    return ws, desk, other


async def _raise(ws, other, **fields):
    alarm = await asyncio.to_thread(other.raise_alarm, **fields)
    await until(lambda: alarm["id"] in ws.hall.alarms, 10, "the new alarm")
    return alarm["id"]


async def _press(ws, desk, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key as the officer types it: into the queue's table, in the active window."""
    table = desk.view.table()
    ws.window.activateWindow()
    table.setFocus()
    await until(lambda: QApplication.focusWidget() is table, 5, "focus on the queue")
    QTest.keyClick(table, key, modifier)
    await asyncio.sleep(0)


def _state_cell(desk, alarm_id):
    row = desk.model.row_of(alarm_id)
    return None if row is None else desk.model.index(row, Column.STATE).data()


async def _server_alarm(other, alarm_id):
    r = await asyncio.to_thread(other.get, f"/alarms/{alarm_id}")
    assert r.status_code == 200, r.text
    return r.json()


async def _outbox(ws):
    """(path, state) of every command in the outbox, in order."""
    session = ws.service.session

    def read():
        with session.journal.engine.connect() as conn:
            return [tuple(r) for r in conn.exec_driver_sql(
                "SELECT path, state FROM outbox ORDER BY seq")]

    return await session.writer.run(read)


def test_each_action_by_its_shortcut(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        try:
            alarm_id = await _raise(ws, other, kind="intrusion", priority=2, title="门磁报警 测试")
            ws.selection.select_alarm(alarm_id)
            await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")
            assert desk.view.selected_alarm_id() == alarm_id

            # Space acknowledges: the outbox holds it, the server has it, the row follows.
            await _press(ws, desk, Qt.Key.Key_Space)
            await until(lambda: ws.hall.alarms[alarm_id].state == "acknowledged", 10, "ack")
            server = await _server_alarm(other, alarm_id)
            assert server["state"] == "acknowledged" and server["acknowledged_by"] == "duty"
            assert await _outbox(ws) == [(f"/alarms/{alarm_id}/acknowledge", "sent")]
            await until(lambda: _state_cell(desk, alarm_id) == "Acknowledged", 5, "the row")
            assert not desk.card.button("acknowledge").isEnabled()

            # N: a note, through the dialog.
            await _press(ws, desk, Qt.Key.Key_N)
            note = desk.commands.dialog
            assert isinstance(note, NoteDialog) and not note.ok.isEnabled()
            note.text.setPlainText("现场保安已到门口")
            note.ok.click()
            await until(lambda: any(n.text == "现场保安已到门口"
                                    for n in ws.hall.alarms[alarm_id].notes), 10, "the note")

            # D: the picker offers the nearest available unit first, preselected.
            await _press(ws, desk, Qt.Key.Key_D)
            picker = desk.commands.dialog
            assert isinstance(picker, UnitPickerDialog)
            chosen = picker.chosen_unit_ids()
            assert len(chosen) == 1 and ws.hall.units[chosen[0]].status == "available"
            picker.accept()
            await until(lambda: ws.hall.alarms[alarm_id].state == "dispatched", 10, "dispatch")
            assert ws.hall.alarms[alarm_id].assigned_unit_ids == chosen
            await until(lambda: ws.hall.units[chosen[0]].status == "dispatched", 10, "unit")
            callsign = ws.hall.units[chosen[0]].callsign
            assert any(callsign in n.text for n in ws.hall.alarms[alarm_id].notes)

            # C: closing needs a disposition and a note; the button says what it does.
            await _press(ws, desk, Qt.Key.Key_C)
            close = desk.commands.dialog
            assert isinstance(close, CloseDialog) and not close.ok.isEnabled()
            close.disposition.setCurrentIndex(close.disposition.findData("resolved"))
            assert not close.ok.isEnabled()  # the note is still missing
            close.text.setPlainText("已处置完毕")
            assert close.ok.isEnabled() and "1" in close.ok.text()
            close.ok.click()
            await until(lambda: alarm_id not in ws.hall.alarms, 10, "closed")
            assert desk.model.row_of(alarm_id) is None
            server = await _server_alarm(other, alarm_id)
            assert server["state"] == "closed" and server["disposition"] == "resolved"
            await until(lambda: ws.hall.units[chosen[0]].status == "available", 10, "freed")

            # Ctrl+N raises an alarm by hand.
            await _press(ws, desk, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            raise_dialog = desk.commands.dialog
            assert isinstance(raise_dialog, RaiseAlarmDialog)
            raise_dialog.title.setText("视频巡查发现：可疑车辆")
            raise_dialog.ok.click()
            await until(lambda: any(a.title == "视频巡查发现：可疑车辆"
                                    for a in ws.hall.alarms.values()), 10, "the raised alarm")
            raised = next(a for a in ws.hall.alarms.values() if a.title == "视频巡查发现：可疑车辆")
            assert raised.source.type == "operator" and raised.source.id == "duty"
            # Every command went through the outbox, each once.
            paths = [p for p, state in await _outbox(ws) if state == "sent"]
            assert paths.count(f"/alarms/{alarm_id}/acknowledge") == 1
            assert paths.count(f"/alarms/{alarm_id}/close") == 1
            assert paths.count("/alarms") == 1
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)


def test_watchlist_hit_is_verified_before_dispatch(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        try:
            alarm_id = await _raise(ws, other, kind="watchlist_hit", priority=2,
                                    title="布控比中 测试")
            ws.selection.select_alarm(alarm_id)
            await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")
            await _press(ws, desk, Qt.Key.Key_Space)
            await until(lambda: ws.hall.alarms[alarm_id].state == "acknowledged", 10, "ack")
            await until(lambda: not ws.pending.pending_for(alarm_id), 10, "settled")

            # The UI refuses to dispatch, and says why …
            assert not desk.card.button("dispatch").isEnabled()
            assert desk.card.button("dispatch").toolTip() == "Verify the watchlist match first."
            await _press(ws, desk, Qt.Key.Key_D)
            assert desk.commands.dialog is None or not desk.commands.dialog.isVisible()
            assert desk.card.message() == "Verify the watchlist match first."
            # … and so does the server.
            unit = next(u for u in ws.hall.units.values() if u.status == "available")
            r = await asyncio.to_thread(other.command, f"/alarms/{alarm_id}/dispatch",
                                        {"unit_ids": [unit.id]})
            assert r.status_code == 409 and r.json()["error"]["code"] == "invalid_transition"

            # V: a person verifies (a choice and a note are both required).
            await _press(ws, desk, Qt.Key.Key_V)
            verify = desk.commands.dialog
            assert isinstance(verify, VerifyDialog) and not verify.ok.isEnabled()
            verify.text.setPlainText("与照片比对一致")
            assert not verify.ok.isEnabled()
            verify.match.setChecked(True)
            verify.ok.click()
            await until(lambda: ws.hall.alarms[alarm_id].verified is True, 10, "verified")
            await until(lambda: desk.card.button("dispatch").isEnabled(), 5, "dispatch enabled")
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)


def test_refusal_rolls_back_and_shows_the_message(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        try:
            alarm_id = await _raise(ws, other, kind="fire", priority=1, title="烟感报警 测试")
            ws.selection.select_alarm(alarm_id)
            await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")
            # This workstation stops hearing the server; another desk acknowledges meanwhile.
            await ws.service.session.sync.stop()
            r = await asyncio.to_thread(other.command, f"/alarms/{alarm_id}/acknowledge", {})
            assert r.status_code == 200
            seen: list[str] = []  # the row's state each time the officer's view changed
            ws.pending.subscribe(lambda _ids: seen.append(_state_cell(desk, alarm_id)))
            await _press(ws, desk, Qt.Key.Key_Space)
            # Optimistic at once (when the outbox has it) …
            await until(lambda: seen, 5, "the optimistic row")
            assert seen[0] == "Acknowledged \u00b7 queued"
            # … then the server's 409 rolls the row back and the card says why.
            await until(lambda: ws.pending.refusals.get(alarm_id) is not None, 10, "refusal")
            assert _state_cell(desk, alarm_id) == "New"
            assert desk.card.message().startswith("Refused by the server: ")
            assert "acknowledge" in desk.card.message()
            assert await _outbox(ws) == [(f"/alarms/{alarm_id}/acknowledge", "rejected")]
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)


def test_offline_actions_queue_and_are_sent_once(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        alarm_id = await _raise(ws, other, kind="intrusion", priority=3, title="离线测试")
        await asyncio.to_thread(other.close)
        ws.selection.select_alarm(alarm_id)
        await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")
        await asyncio.to_thread(ws.demo_server.stop)
        await until(lambda: ws.state.connection.status != "online", 10, "offline")

        await _press(ws, desk, Qt.Key.Key_Space)
        await until(lambda: _state_cell(desk, alarm_id) == "Acknowledged \u00b7 queued", 5,
                    "the queued mark")
        assert ws.state.outbox_pending == 1
        assert "(queued)" in desk.card._header.text()

        await asyncio.to_thread(ws.demo_server.restart)
        await until(lambda: ws.state.connection.status == "online", 40, "online again")
        await until(lambda: ws.state.outbox_pending == 0, 20, "sent")
        await until(lambda: _state_cell(desk, alarm_id) == "Acknowledged", 10, "settled")
        back = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            server = await _server_alarm(back, alarm_id)
        finally:
            await asyncio.to_thread(back.close)
        assert server["state"] == "acknowledged" and server["acknowledged_by"] == "duty"
        acks = [r for r in await _outbox(ws) if r[0].endswith("/acknowledge")]
        assert len(acks) == 1 and acks[0][1] == "sent"

    run_ui(qloop, go(), timeout=150)


def test_a_unit_sent_while_offline_is_not_offered_again_as_free(make_workstation, qloop):
    """Offline, the server cannot say a unit is taken: the desk's own queued dispatch does
    (found by the crash loop's officer, whose second dispatches the server refused)."""
    async def go():
        ws, desk, other = await _start(make_workstation)
        first = await _raise(ws, other, kind="intrusion", priority=2, title="离线派警一")
        second = await _raise(ws, other, kind="intrusion", priority=2, title="离线派警二")
        await asyncio.to_thread(other.close)
        for alarm_id in (first, second):  # a dispatch needs an acknowledged alarm
            ws.selection.select_alarm(alarm_id)
            await until(lambda a=alarm_id: desk.card.alarm_id() == a, 5, "the card")
            await _press(ws, desk, Qt.Key.Key_Space)
            await until(lambda a=alarm_id: ws.hall.alarms[a].state == "acknowledged", 10,
                        "the ack")
        await asyncio.to_thread(ws.demo_server.stop)
        await until(lambda: ws.state.connection.status != "online", 10, "offline")

        ws.selection.select_alarm(first)
        await until(lambda: desk.card.alarm_id() == first, 5, "the card")
        await _press(ws, desk, Qt.Key.Key_D)
        picker = desk.commands.dialog
        assert isinstance(picker, UnitPickerDialog)
        sent = picker.chosen_unit_ids()
        assert len(sent) == 1
        picker.accept()
        await until(lambda: ws.state.outbox_pending == 1, 5, "the queued dispatch")
        assert ws.hall.units[sent[0]].status == "available"  # the server has not said

        ws.selection.select_alarm(second)
        await until(lambda: desk.card.alarm_id() == second, 5, "the card")
        await _press(ws, desk, Qt.Key.Key_D)
        picker = desk.commands.dialog
        assert isinstance(picker, UnitPickerDialog)
        offered = {picker._model.candidate(r).unit.id
                   for r in range(picker._model.rowCount())}
        assert offered and sent[0] not in offered
        assert sent[0] not in picker.chosen_unit_ids()
        picker.reject()

    run_ui(qloop, go(), timeout=150)


def test_command_palette_reaches_the_actions(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        try:
            alarm_id = await _raise(ws, other, kind="traffic", priority=3, title="交通事故 测试")
            ws.selection.select_alarm(alarm_id)
            await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")
            action = next(a for a in ws.window.actions()
                          if a.objectName() == "commandPaletteAction")
            assert action.shortcut().toString() == "Ctrl+K"
            palette = action.command_palette()

            async def type_in(text):
                ws.window.activateWindow()
                action.trigger()
                await until(palette.isVisible, 5, "the palette")
                palette.input().setText(text)
                QTest.keyClick(palette.input(), Qt.Key.Key_Return)
                await until(lambda: not palette.isVisible(), 5, "the palette to close")

            await type_in("ack")
            await until(lambda: ws.hall.alarms[alarm_id].state == "acknowledged", 10, "ack")

            unit = next(c for c in sorted(ws.hall.units.values(), key=lambda u: u.callsign)
                        if c.status == "available")
            await type_in(f"disp {unit.callsign}")
            await until(lambda: isinstance(desk.commands.dialog, UnitPickerDialog), 5, "picker")
            assert desk.commands.dialog.chosen_unit_ids() == [unit.id]
            desk.commands.dialog.reject()

            await type_in("close false")
            await until(lambda: isinstance(desk.commands.dialog, CloseDialog), 5, "close")
            assert desk.commands.dialog.chosen() == "false_alarm"
            desk.commands.dialog.reject()
            # Menu actions are there too, with their shortcuts.
            titles = {m.command.title: m.command.shortcut for m in palette.registry().match("")}
            assert titles.get("Lock") == "Ctrl+L"
            # Workflow settings apply at once: acknowledge targets and grouping.
            ws.preferences.update(replace(ws.preferences.settings,
                                          ack_target_seconds=(5, 20, 40, 90),
                                          repeat_window_minutes=0))
            assert desk.model.ack_targets == {1: 5.0, 2: 20.0, 3: 40.0, 4: 90.0}
            assert desk.model.group_info(alarm_id) is None and desk.model._groups is None
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)


def test_recently_closed_alarms_by_filter(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        try:
            alarm_id = await _raise(ws, other, kind="call", priority=3, title="已结束 测试")
            for path, body in ((f"/alarms/{alarm_id}/acknowledge", {}),
                               (f"/alarms/{alarm_id}/close",
                                {"disposition": "duplicate", "note": "同一起警情"})):
                r = await asyncio.to_thread(other.command, path, body)
                assert r.status_code == 200, r.text
            await until(lambda: alarm_id not in ws.hall.alarms, 10, "closed")
            assert desk.model.row_of(alarm_id) is None
            # The state filter's last choice shows the recently closed alarms, read only.
            combo = desk.view._state_combo
            combo.setCurrentIndex(combo.findData("closed"))
            await until(lambda: desk.history.row_of(alarm_id) is not None, 10, "the history")
            assert desk.view.table().model() is desk.history
            assert desk.view.summary_text().endswith("(read only)")
            ws.selection.select_alarm(alarm_id)
            await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")
            assert not desk.card.button("acknowledge").isEnabled()
            assert desk.card.button("close").toolTip() == "This alarm is closed."
            assert desk.view.pane_state()["filter"]["states"] == ["closed"]
            # Back to the open alarms; the live queue was never filtered to "closed".
            combo.setCurrentIndex(combo.findData("open"))
            assert desk.view.table().model() is desk.model
            assert desk.model.alarm_filter().states == frozenset()
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)


def test_shelving_a_source_is_audited_and_hides_its_alarms(make_workstation, qloop):
    async def go():
        ws, desk, other = await _start(make_workstation)
        try:
            # Hand-raised alarms have the raising operator as their source: shelve it.
            first = await _raise(ws, other, kind="intrusion", priority=3, title="门磁 1")
            ws.selection.select_alarm(first)
            await until(lambda: desk.card.alarm_id() == first, 5, "the card")
            desk.commands.shelve()
            dialog = desk.commands.dialog
            assert not dialog.ok.isEnabled()  # a reason is required
            dialog.text.setPlainText("雨天误报频繁")
            dialog.ok.click()
            await until(lambda: ws.shelves.keys(), 5, "the shelf")
            assert desk.model.row_of(first) is None
            assert desk.shelf_line.isVisible() and "1 source shelved" in desk.shelf_line.text()
            # A P1 from the shelved source is still shown.
            p1 = await _raise(ws, other, kind="panic", priority=1, title="一键报警")
            await until(lambda: desk.model.row_of(p1) is not None, 5, "the P1")

            session = ws.service.session

            def audit_rows():
                with session.journal.engine.connect() as conn:
                    return [r[0] for r in conn.exec_driver_sql("SELECT data FROM audit")]

            rows = await session.writer.run(audit_rows)
            assert any('"shelve_source"' in r and "雨天误报频繁" in r for r in rows)
            assert session.audit_log.verify().ok
            ws.shelves.unshelve(next(iter(ws.shelves.keys())))
            await until(lambda: desk.model.row_of(first) is not None, 5, "back")
        finally:
            await asyncio.to_thread(other.close)

    run_ui(qloop, go(), timeout=120)
