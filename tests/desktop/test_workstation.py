"""The workstation end to end under Xvfb (real xcb): the demo starts its server, logs in, live
state arrives; the server stops → the OFFLINE banner within 5 s with cached data still shown;
a command queued while offline; the server restarts → online, state reconciled, the queued
command sent."""

from __future__ import annotations

import asyncio
import time

from backend_client.api import CentralApi
from desktop.shell.panes import PANES, UnavailablePage
from tests.desktop.conftest import run_ui, until
from tests.support.compare import assert_same_state, wait_cursor, wait_quiet


def test_demo_goes_live_offline_and_back(make_workstation, qloop):
    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "21"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        await until(lambda: len(ws.hall.units) >= 50, 10, "the snapshot")
        assert ws.state.operator is not None and "duty_officer" in ws.state.operator.roles
        window = ws.window
        assert window.status.connection.text() == "Online"
        assert "王磊" in window.status.operator.text()
        assert not window.banners.connection.isVisible()
        # Every registered pane is there; the ones not built yet say so honestly.
        assert set(window.docks) == {p.name for p in PANES}
        built = {"alarm_queue", "video_wall", "grid_map", "unit_board", "watchlist", "dashboard",
                 "big_screen"}
        assert all(isinstance(w, UnavailablePage) for n, w in window.pane_widgets.items()
                   if n not in built)
        queue = window.pane_widgets["alarm_queue"]
        await until(lambda: queue.model.open_count() == len(ws.hall.alarms), 10, "the queue")
        units_before = dict(ws.hall.units)
        alarm_id = next(iter(ws.hall.alarms), None)

        # The server goes away: the banner says OFFLINE within 5 s; cached data stays.
        t0 = time.monotonic()
        await asyncio.to_thread(ws.demo_server.stop)
        await until(lambda: window.banners.connection.isVisible(), 5, "the offline banner")
        took = time.monotonic() - t0
        text = window.banners.connection.label.text()
        assert text.startswith("OFFLINE — showing cached data as of "), text
        assert ws.hall.units == units_before

        # The officer keeps working: a command is queued, and the status bar says so.
        if alarm_id is None:
            alarm_id = "none"
        await ws.service.command("POST", "/alarms", {
            "kind": "call", "priority": 3, "title": "离线期间登记的警情", "camera_ids": [],
            "location": {"lat": 30.75, "lon": 120.75, "address": "中山路 1 号"}})
        await until(lambda: window.status.outbox.isVisible(), 5, "the queued count")
        assert window.status.outbox.text() == "1 command queued"

        # The server is back: online, the queued command sent, state equal to the server's.
        await asyncio.to_thread(ws.demo_server.restart)
        await until(lambda: ws.state.connection.status == "online", 40, "online again")
        await until(lambda: ws.state.outbox_pending == 0, 20, "the outbox to drain")
        assert not window.banners.connection.isVisible()
        api = CentralApi(ws.demo_server.url)
        await api.login("supervisor", "demo")
        try:
            cursor = await wait_quiet(api, settle=0.2)
            await wait_cursor(ws.service.session, cursor)
            await assert_same_state(ws.service.session, api)
            titles = [a.title for a in ws.hall.alarms.values()]
            assert "离线期间登记的警情" in titles
            # Waiting alarms are counted on the queue's tab and in the status bar.
            waiting = ws.hall.unacknowledged_count()
            await until(lambda: window.docks["alarm_queue"].windowTitle()
                        == f"Alarm queue ({waiting})", 5, "the count on the tab")
            assert window.status.waiting.isVisible()
            assert window.status.waiting.text().startswith(f"{waiting} alarm")
        finally:
            await api.aclose()
        return took

    took = run_ui(qloop, go(), timeout=120)
    assert took <= 5.0
