"""The session in the running workstation: the lock hides every pane (checked on a screenshot)
and unlocks with the password; a 401 brings the log-in back without losing queued work; the
log-in remembers server and user, never the password."""

from __future__ import annotations

import asyncio
import json

from PySide6.QtGui import QColor, QGuiApplication

from tests.desktop.conftest import run_ui, until
from tests.desktop.test_shell_layouts import SHOTS


def bright_points(image, box):
    """Pixels of text (bright on the dark theme) outside ``box`` (the lock card's area)."""
    points = []
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                continue
            if QColor(image.pixel(x, y)).lightness() > 140:
                points.append((x, y))
    return points


def test_lock_hides_everything_and_unlocks(make_workstation, qloop, quiet_server):
    async def go():
        ws = await make_workstation(server=quiet_server.url)
        await ws.login(quiet_server.url, "duty", "demo")
        await until(lambda: ws.state.connection.status == "online", 20, "online")
        window = ws.window
        await asyncio.sleep(0.3)
        before = window.grab().toImage()
        w, h = before.width(), before.height()
        card = (w * 0.25, h * 0.2, w * 0.75, h * 0.8)
        text_before = bright_points(before, card)
        assert len(text_before) > 50, "the panes show text before locking"
        window.lock_requested.emit()  # Ctrl+L
        assert ws.guard.screen.is_locked()
        await asyncio.sleep(0.3)
        shot = QGuiApplication.primaryScreen().grabWindow(0).toImage().copy(
            window.geometry())
        SHOTS.mkdir(parents=True, exist_ok=True)
        shot.save(str(SHOTS / "locked.png"))
        still = [p for p in text_before if QColor(shot.pixel(*p)).lightness() > 140]
        assert still == [], f"{len(still)} bright pixels of pane content visible while locked"
        # Wrong password: still locked. Right one: unlocked, content back.
        await ws.guard.screen.submit("wrong")
        assert ws.guard.screen.is_locked() and ws.guard.screen.message()
        await ws.guard.screen.submit("demo")
        assert not ws.guard.screen.is_locked()
        await asyncio.sleep(0.3)
        after = window.grab().toImage()
        assert len(bright_points(after, card)) > 0.8 * len(text_before)

    run_ui(qloop, go())


def test_session_expiry_asks_to_log_in_again_and_keeps_queued_work(make_workstation, qloop,
                                                                    server_factory, tmp_path):
    server = server_factory("--sim-steps", "0", "--seed", "31")

    async def go():
        ws = await make_workstation(server=server.url)
        ws.login_dialog.user.setText("duty")
        ws.login_dialog.password.setText("demo")
        ws.login_dialog.remember.setChecked(True)
        ws.login_dialog.buttons.accepted.emit()
        await until(lambda: ws.state.connection.status == "online", 20, "online")
        # The server forgets every session (a new database): the next request is a 401.
        await asyncio.to_thread(server.stop)
        server.db.unlink()
        await asyncio.to_thread(server.restart)
        await ws.service.command("POST", "/alarms", {
            "kind": "call", "priority": 2, "title": "会话过期时登记", "camera_ids": [],
            "location": {"lat": 30.75, "lon": 120.75, "address": "x"}})
        await until(lambda: ws.state.connection.status == "session_expired", 30, "the 401")
        await until(lambda: ws.login_dialog is not None and ws.login_dialog.isVisible(), 5,
                    "the log-in dialog")
        assert "expired" in ws.login_dialog.reason.text()
        assert ws.state.outbox_pending == 1
        ws.login_dialog.password.setText("demo")
        ws.login_dialog.buttons.accepted.emit()
        await until(lambda: ws.state.connection.status == "online", 30, "online again")
        await until(lambda: ws.state.outbox_pending == 0, 20, "the queued command sent")
        await until(lambda: any(a.title == "会话过期时登记" for a in ws.hall.alarms.values()),
                    10, "the alarm from the server")
        await asyncio.sleep(0.2)  # the settings file is written off the UI thread
        return ws.config

    profile = run_ui(qloop, go(), timeout=120)
    saved = json.loads((profile / "user-settings.json").read_text())
    assert saved["last_user"] == "duty" and saved["last_server"].startswith("http://127.0.0.1")
    assert "demo" not in json.dumps(saved)
