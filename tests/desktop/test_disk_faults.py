"""A full disk and a read-only profile, for real: the profile lives on a small tmpfs that the
test fills to ENOSPC or mounts read-only (tests/support/small_disk.py); the server is a real
reference server elsewhere. The officer must be told plainly, commands must be refused where
they can be seen rather than lost, the picture must stay live, the log must say it once, and
everything must work again when the disk does."""

from __future__ import annotations

import asyncio
import logging

import httpx
from PySide6.QtCore import Qt

from tests.desktop.conftest import run_ui, until
from tests.desktop.test_alarm_workflow import _outbox, _press
from tests.support.small_disk import SmallDisk

LIVE = ("--tick", "0.2", "--alarm-rate", "2", "--seed", "5")


def _server_alarm(server, alarm_id: str) -> dict:
    with httpx.Client(base_url=server.api_url, timeout=10) as api:
        token = api.post("/auth/login", json={"username": "supervisor", "password": "demo",
                                              "workstation": "check"}).json()["token"]
        r = api.get(f"/alarms/{alarm_id}", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.text
        return r.json()


def test_a_full_disk_refuses_commands_where_the_officer_sees_it_and_recovers(
        small_disk: SmallDisk, server_factory, make_workstation, qloop, caplog):
    server = server_factory(*LIVE)
    caplog.set_level(logging.DEBUG, logger="backend_client.disk_health")

    async def go():
        ws = await make_workstation(server=server.url, profile=str(small_disk.path / "p"))
        await ws.login(server.url, "duty", "demo")
        await until(lambda: ws.state.connection.status == "online"
                    and any(a.state == "new" for a in ws.hall.alarms.values()), 30, "alarms")
        desk = ws.window.pane_widgets["alarm_queue"]
        banner = ws.window.banners.critical
        alarm_id = next(a.id for a in ws.hall.alarms.values() if a.state == "new")
        ws.selection.select_alarm(alarm_id)
        await until(lambda: desk.card.alarm_id() == alarm_id, 5, "the card")

        small_disk.fill()
        await _press(ws, desk, Qt.Key.Key_Space)
        message = desk.card._message
        await until(lambda: message.isVisibleTo(desk.card) and "NOT sent" in message.text(),
                    5, "the refusal on the card")
        await until(lambda: banner.isVisibleTo(ws.window), 5, "the disk banner")
        assert "cannot save to its disk: the disk is full" in banner.label.text()
        assert ws.hall.alarms[alarm_id].state == "new", "a refused command must not look done"
        # The picture stays live while the cache cannot keep it: new alarms keep coming.
        seen = set(ws.hall.alarms)
        await until(lambda: set(ws.hall.alarms) - seen, 15, "a new alarm while the disk is full")
        assert (await asyncio.to_thread(_server_alarm, server, alarm_id))["state"] == "new"
        errors = [r for r in caplog.records
                  if r.name == "backend_client.disk_health" and r.levelno >= logging.ERROR]
        failures = ws.service.session.disk.failures
        assert len(errors) == 1 and failures > 2, (len(errors), failures)  # said once, counted

        small_disk.free()
        await until(lambda: not banner.isVisibleTo(ws.window), 10, "the banner taken back")
        assert "can save to its disk again" in ws.state.notices[-1].text
        await _press(ws, desk, Qt.Key.Key_Space)
        await until(lambda: ws.hall.alarms[alarm_id].state == "acknowledged", 10, "the ack")
        assert (await asyncio.to_thread(_server_alarm, server, alarm_id))["state"] == \
            "acknowledged"
        assert [p for p, _state in await _outbox(ws)] == [f"/alarms/{alarm_id}/acknowledge"]

    run_ui(qloop, go(), timeout=90)


def test_a_read_only_profile_at_start_is_explained_and_the_window_stays(
        small_disk: SmallDisk, server_factory, make_workstation, qloop):
    server = server_factory(*LIVE)
    profile = small_disk.path / "p"
    profile.mkdir()
    small_disk.remount("ro")  # as the kernel does to a file system after errors

    async def go():
        ws = await make_workstation(server=server.url, profile=str(profile))
        await ws.login(server.url, "duty", "demo")
        banner = ws.window.banners.critical
        await until(lambda: banner.isVisibleTo(ws.window), 5, "the banner")
        assert "cannot open its files" in banner.label.text()
        assert "read-only" in banner.label.text()
        dialog = ws.login_dialog
        assert dialog is not None and dialog.isVisible(), "the log-in dialog asks again"
        assert ws.service is None and ws.window.isVisible()

        small_disk.remount("rw")  # IT fixed it; the officer logs in again
        await ws.login(server.url, "duty", "demo", dialog)
        await until(lambda: ws.state.connection.status == "online" and ws.hall.alarms,
                    30, "online after the fix")

    run_ui(qloop, go(), timeout=90)
