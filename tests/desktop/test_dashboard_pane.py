"""The dashboard, the big screen, the alert level and the shift report end to end under Xvfb
against the reference server (real loopback HTTP, real SQLite cache): the figures follow the
server's alarms as another desk handles them; the report's PDF (read back with pdftotext)
and CSV hold them and each export is audited; big-screen mode cycles its views and has no
controls; a supervisor's alert level reaches every window."""

from __future__ import annotations

import asyncio
import csv
import json
import subprocess
import time
from collections import Counter
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QToolBar, QWidget

from backend_client import schemas as s
from tests.desktop.conftest import until
from tests.support.central import Desk
from tests.support.pdf_text import searchable
from widgets.alert_band import AlertBand

QUIET = ("--sim-steps", "0", "--seed", "7")


async def _start(make_workstation, **options):
    ws = await make_workstation(demo=True, demo_args=QUIET, **options)
    await until(lambda: ws.state.connection.status == "online", 30, "online")
    await until(lambda: ws.kpis.loads >= 1 and ws.kpis.latest is not None, 15,
                "the dashboard's first figures")
    return ws


async def _audit(ws) -> list[dict]:
    session = ws.service.session

    def read():
        with session.journal.engine.connect() as conn:
            return [json.loads(r[0]) for r in conn.exec_driver_sql(
                "SELECT data FROM audit ORDER BY seq")]

    return await session.writer.run(read)


def _handle_alarms(desk: Desk, unit_id: str) -> dict[str, dict]:
    """Another desk raises three alarms and handles two: the server's words, by alarm. The
    steps are a moment apart, as a person's are: the workstation batches what comes within
    a tenth of a second into one change set, and a dispatch it never sees as a version of its
    own has no dispatch time (it is counted as not measurable)."""
    p1 = desk.raise_alarm(priority=1, title="商铺一键报警 <b>&", kind="panic")
    p2 = desk.raise_alarm(priority=2, title="周界入侵报警")
    p3 = desk.raise_alarm(priority=3, title="群众求助")
    out = {}
    r = desk.command(f"/alarms/{p1['id']}/acknowledge", {"note": "已受理"})
    assert r.status_code == 200, r.text
    time.sleep(0.5)
    r = desk.command(f"/alarms/{p1['id']}/dispatch", {"unit_ids": [unit_id], "note": "派车"})
    assert r.status_code == 200, r.text
    out["dispatched"] = r.json()
    time.sleep(0.5)
    r = desk.command(f"/alarms/{p1['id']}/close", {"disposition": "resolved",
                                                    "note": "已处置完毕"})
    assert r.status_code == 200, r.text
    out["p1"] = r.json()
    r = desk.command(f"/alarms/{p2['id']}/acknowledge", {})
    assert r.status_code == 200, r.text
    out["p2"] = r.json()
    out["p3"] = p3
    return out


def test_the_dashboard_follows_the_hall_and_the_report_holds_it(make_workstation, qloop,
                                                                tmp_path):
    async def go():
        ws = await _start(make_workstation, lang="zh_CN", user="supervisor")
        pane = ws.window.pane_widgets["dashboard"]
        before = ws.kpis.latest
        unit = next(u for u in ws.hall.units.values() if u.status == "available")
        desk = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            done = await asyncio.to_thread(_handle_alarms, desk, unit.id)
        finally:
            await asyncio.to_thread(desk.close)
        ids = {done[k]["id"] for k in ("p1", "p2", "p3")}
        await until(lambda: ids <= set(ws.hall.alarms) | {done["p1"]["id"]}
                    and done["p1"]["id"] not in ws.hall.alarms
                    and ws.hall.alarms[done["p2"]["id"]].state == "acknowledged", 10,
                    "the other desk's work in the hall")
        await until(lambda: ws.kpis.latest.alarms_in_period == before.alarms_in_period + 3
                    and ws.kpis.latest.ack.count == before.ack.count + 2
                    and ws.kpis.latest.open_total == len(ws.hall.alarms), 5,
                    "the figures of the three alarms")
        f = ws.kpis.latest

        # Hand-computed from the server's own records.
        p1, p2 = (s.Alarm.model_validate(done[k]) for k in ("p1", "p2"))
        dispatched = s.Alarm.model_validate(done["dispatched"])
        ack_p1 = (p1.acknowledged_at - p1.created_at).total_seconds()
        ack_p2 = (p2.acknowledged_at - p2.created_at).total_seconds()
        for sample in (ack_p1, ack_p2):
            assert any(abs(x - sample) < 0.01 for x in f.ack.samples), (sample, f.ack.samples)
        expected_dispatch = (dispatched.updated_at - p1.acknowledged_at).total_seconds()
        assert any(abs(x - expected_dispatch) < 0.01 for x in f.dispatch.samples)
        assert f.open_by_priority == {p: Counter(a.priority for a in ws.hall.alarms.values())[p]
                                      for p in (1, 2, 3, 4)}
        assert f.unacknowledged == sum(1 for a in ws.hall.alarms.values() if a.state == "new")
        assert f.units_by_status == {st: sum(1 for u in ws.hall.units.values()
                                             if u.status == st) for st in f.units_by_status}
        assert f.live
        # The view shows them once its tab is in front (hidden, it does not draw).
        ws.window.docks["dashboard"].setAsCurrentTab()
        await until(lambda: pane.view.findChild(QLabel, "dashOpenTotal").text()
                    == str(f.open_total), 5, "the open total on screen")

        # The shift report of the last hour.
        audit_before = len(await _audit(ws))
        written = []
        pane.report_written.connect(written.append)
        now = s.utcnow()
        pdf = tmp_path / "exports" / "交接班.pdf"
        pane.make_report(now - timedelta(hours=1), now + timedelta(minutes=1), pdf)
        await until(lambda: written, 30, "the report")
        assert pdf.exists() and pdf.with_suffix(".csv").exists()
        text = searchable(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                                         capture_output=True, text=True).stdout)
        assert "交接" in text  # the title, in the UI language
        assert "周界入侵报警" in text and "商铺一键报警 <b>&" in text  # escaped, not markup
        assert "已处置完毕" in text  # a notable alarm's note
        report = written[0].report
        assert report.raised_by_priority[1] >= 1 and report.raised_by_priority[3] >= 1
        assert report.closed_by_priority_disposition[1]["resolved"] >= 1
        assert any(a.id == done["p3"]["id"] for a in report.handed_over)
        assert f"{report.ack.at_percent:.0f}" in text or f"{report.ack.at_percent:.1f}" in text
        rows = list(csv.DictReader(pdf.with_suffix(".csv").open(encoding="utf-8-sig")))
        assert ids <= {r["id"] for r in rows}
        row = next(r for r in rows if r["id"] == done["p1"]["id"])
        assert abs(float(row["seconds_to_acknowledge"]) - ack_p1) < 0.01
        assert row["disposition"] == "resolved" and row["dispatched_at"]
        records = (await _audit(ws))[audit_before:]
        assert [(r["action"], r["details"]["format"]) for r in records] == [
            ("report_export", "pdf"), ("report_export", "csv")]
        assert records[0]["details"]["file"] == "交接班.pdf"
        assert records[0]["operator_id"] == "supervisor"

    qloop.run_until_complete(go())


def test_big_screen_cycles_its_views_and_has_no_controls(make_workstation, qloop):
    async def go():
        ws = await _start(make_workstation)
        desk = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            cams = sorted(c for c, cam in ws.hall.cameras.items() if cam.status == "online")[:2]
            alarm = await asyncio.to_thread(desk.raise_alarm, priority=1, camera_ids=cams)
        finally:
            await asyncio.to_thread(desk.close)
        await until(lambda: alarm["id"] in ws.hall.alarms, 10, "the P1 alarm")
        ws.window.docks["big_screen"].setAsCurrentTab()
        big = ws.window.pane_widgets["big_screen"]

        def no_controls() -> None:
            for kind in (QAbstractButton, QLineEdit, QComboBox, QToolBar):
                shown = [w for w in big.findChildren(kind) if w.isVisibleTo(big)]
                assert shown == [], (big.current, shown)
            assert big.focusPolicy() == Qt.FocusPolicy.NoFocus

        assert big.current == "dashboard"
        no_controls()
        big.cycle.setInterval(400)
        seen = [big.current]

        async def next_seen() -> None:
            await until(lambda: big.current != seen[-1], 5, "the next view")
            seen.append(big.current)
            no_controls()
            if big.current == "wall":
                assert big.wall.state.cameras[0] == cams[0]  # the P1 alarm's nearest camera
            else:
                assert not any(big.wall.state.cameras)  # no video decoded off screen

        for _ in range(3):
            await next_seen()
        assert seen == ["dashboard", "map", "wall", "dashboard"]
        assert big.dashboard.findChild(QLabel, "dashOpenTotal").font().pixelSize() >= 48 or \
            big.dashboard.findChild(QLabel, "dashOpenTotal").font().pointSize() >= 36

    qloop.run_until_complete(go())


def test_a_supervisors_alert_level_reaches_every_window(make_workstation, qloop):
    async def go():
        ws = await _start(make_workstation)
        band = ws.window.alert_band
        assert band.isHidden()  # normal: no band
        monitor = ws.screens.watcher.monitors()[0]
        extra = ws.screens.extra.send("test-pane", QWidget(), monitor)
        try:
            extra_band = extra.findChild(AlertBand)
            assert extra_band is not None and extra_band.isHidden()
            desk = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
            try:
                r = await asyncio.to_thread(desk.command, "/admin/notice", {
                    "level": "critical", "text": "全县启动二级勤务", "alert_level": "high"})
                assert r.status_code == 200, r.text
                duty = await asyncio.to_thread(Desk, ws.demo_server.api_url, "duty")
                refused = await asyncio.to_thread(duty.command, "/admin/notice", {
                    "level": "info", "text": "x", "alert_level": "normal"})
                await asyncio.to_thread(duty.close)
                assert refused.status_code == 403
                bad = await asyncio.to_thread(desk.command, "/admin/notice", {
                    "level": "info", "text": "x", "alert_level": "purple"})
                assert bad.status_code == 422
            finally:
                await asyncio.to_thread(desk.close)
            await until(lambda: band.isVisible() and extra_band.isVisible(), 10, "the bands")
            assert ws.state.alert_level == "high"
            for b in (band, extra_band):
                assert "全县启动二级勤务" in b.label.text() and b.level == "high"
            # The cache remembers it for a start without the server.
            cached = await asyncio.to_thread(ws.service.session.cache.alert)
            assert cached is not None and cached.alert_level == "high"
        finally:
            ws.screens.extra.take_back("test-pane")

    qloop.run_until_complete(go())
