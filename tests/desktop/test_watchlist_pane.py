"""The watchlist pane end to end under Xvfb against the reference server (real loopback HTTP,
real SQLite journal): each detail view, search and export writes exactly one audit record
with the right fields, before it happens; the chain verifies and a tampered record is found;
the records reach the server; roles without watchlist details see the reason and nothing
about anyone (and the server refuses them too); a hit is shown with both pictures, verified by
a person, and counted as confirmed or rejected."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit

from backend_client import schemas as s
from backend_client.profile import cache_path
from backend_client.server import media, rules
from desktop.state.session import ROLE_ACTIONS, SessionState
from tests.desktop.conftest import run_ui, until
from tests.support.central import Desk
from tests.support.hostile import HostileServer, Reply
from tests.support.pdf_text import pdf_text, searchable
from widgets.alarm_dialogs import VerifyDialog
from widgets.watchlist.facts import category_label
from widgets.watchlist.list_model import Column

QUIET = ("--sim-steps", "0", "--seed", "7")
# Alarms keep coming: watchlist hits among them (about one in twenty), with snapshots.
BUSY = ("--alarm-rate", "4", "--seed", "5")


async def _start(make_workstation, user: str = "duty", demo_args=QUIET):
    ws = await make_workstation(demo=True, demo_args=demo_args, user=user)
    await until(lambda: ws.state.connection.status == "online", 30, "online")
    await until(lambda: len(ws.hall.watchlist) > 5, 10, "the watchlist")
    return ws, ws.window.pane_widgets["watchlist"]


async def _audit(ws) -> list[dict]:
    """Every audit record of the workstation's journal, oldest first, as stored."""
    session = ws.service.session

    def read():
        with session.journal.engine.connect() as conn:
            return [json.loads(r[0]) for r in conn.exec_driver_sql(
                "SELECT data FROM audit ORDER BY seq")]

    return await session.writer.run(read)


async def _new_records(ws, before: int, count: int, what: str) -> list[dict]:
    """Wait for ``count`` records after the first ``before``; a little longer to be sure no
    second one follows."""
    records: list[dict] = []

    async def poll() -> bool:
        nonlocal records
        records = (await _audit(ws))[before:]
        return len(records) >= count

    loop = asyncio.get_running_loop()
    end = loop.time() + 10
    while not await poll():
        assert loop.time() < end, f"timed out waiting for the audit record of {what}"
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    records = (await _audit(ws))[before:]
    assert len(records) == count, records
    return records


def test_each_detail_view_search_and_export_is_audited_once(make_workstation, qloop, tmp_path):
    async def go():
        ws, pane = await _start(make_workstation)
        session = ws.service.session
        model = pane.list.model()
        current = [e for e in ws.hall.watchlist.values() if e.is_current()]
        await until(lambda: model.rowCount() == len(current), 5, "every current entry listed")
        entry = sorted(current, key=lambda e: e.id)[0]
        before = len(await _audit(ws))

        # Opening: one record, then the details with the photo.
        pane.open_entry(entry.id)
        await until(lambda: pane.opened_entry_id() == entry.id, 10, "the entry's details")
        [view] = await _new_records(ws, before, 1, "the detail view")
        assert view["action"] == "watchlist_view" and view["object_type"] == "watchlist_entry"
        assert view["object_id"] == entry.id and view["operator_id"] == "duty"
        assert view["workstation"] == session.audit_log.workstation
        assert view["details"] == {"via": "pane"}
        assert pane.detail.entry_id() == entry.id
        row = model.row_of(entry.id)
        assert model.index(row, Column.PHOTO).data(Qt.ItemDataRole.DecorationRole) is not None

        # A search: typing alone neither filters nor records; Enter does both, once.
        line = pane.list.findChild(QLineEdit)
        proxy = pane.list.proxy()
        word = entry.name[:2]
        line.setFocus()
        line.insert(word)  # typed (QTest.keyClicks cannot type Chinese)
        await asyncio.sleep(0.3)
        assert proxy.rowCount() == len(current)
        assert len(await _audit(ws)) == before + 1
        QTest.keyClick(line, Qt.Key.Key_Return)
        [search] = await _new_records(ws, before + 1, 1, "the search")
        assert search["action"] == "watchlist_search" and search["object_id"] is None
        assert search["details"] == {"query": word, "category": None}
        assert search["operator_id"] == "duty"
        await until(lambda: proxy.rowCount() < len(current), 5, "the search applied")
        assert proxy.rowCount() >= 1

        # The BOLO sheet: recorded, written, with the legal basis and valid-until on it.
        sheet = tmp_path / "bolo.pdf"
        pane.export_entry(entry.id, sheet)
        [export] = await _new_records(ws, before + 2, 1, "the export")
        assert export["action"] == "watchlist_export" and export["object_id"] == entry.id
        assert export["details"]["file"] == "bolo.pdf"
        await until(sheet.exists, 5, "the sheet")
        text = pdf_text(sheet)
        assert searchable(entry.legal_basis) in text
        assert entry.valid_until.astimezone().strftime("%Y-%m-%d") in text

        # Locally first, then shipped: the server holds the same three events.
        ours = [view["id"], search["id"], export["id"]]
        await until(lambda: session.audit_log.count(unshipped_only=True) == 0, 20, "shipped")
        with sqlite3.connect(f"file:{ws.demo_server.db}?mode=ro", uri=True) as db:
            shipped = {r[0] for r in db.execute("SELECT id FROM audit_events")}
            reads = db.execute("SELECT operator_id, entry_id FROM watchlist_access").fetchall()
        assert set(ours) <= shipped
        assert ("duty", entry.id) in reads

        # The chain verifies; one altered record is found.
        assert session.audit_log.verify().ok

        def tamper():
            with session.journal.writer.begin() as conn:
                conn.exec_driver_sql(
                    "UPDATE audit SET data = replace(data, ?, ?) WHERE id = ?",
                    (f"\"query\":\"{word}\"", "\"query\":\"someone else\"", search["id"]))

        await session.writer.run(tamper)
        check = session.audit_log.verify()
        assert not check.ok and check.first_bad_id == search["id"]

    run_ui(qloop, go(), timeout=120)


def test_roles_without_details_see_the_reason_and_nobody(make_workstation, qloop):
    async def go():
        ws, pane = await _start(make_workstation, user="patrol")
        assert not ws.state.may("watchlist_details")
        assert pane.stack.currentWidget() is pane.restricted
        assert pane.list.model().rowCount() == 0
        shown = _texts(pane.restricted)
        assert "duty officers and supervisors" in shown
        by_category: dict[str, int] = {}
        for e in ws.hall.watchlist.values():
            if e.is_current():
                by_category[e.category] = by_category.get(e.category, 0) + 1
        for category, n in by_category.items():
            assert f"{n} {category_label(category).lower()}" in shown.lower(), (category, shown)
        for entry in ws.hall.watchlist.values():
            assert entry.name not in shown
        before = len(await _audit(ws))
        pane.open_entry(next(iter(ws.hall.watchlist)))
        await asyncio.sleep(0.3)
        assert pane.opened_entry_id() is None
        assert len(await _audit(ws)) == before
        # The server agrees.
        desk = await asyncio.to_thread(Desk, ws.demo_server.api_url, "patrol")
        try:
            r = await asyncio.to_thread(desk.get, f"/watchlist/{next(iter(ws.hall.watchlist))}")
            assert r.status_code == 403
        finally:
            await asyncio.to_thread(desk.close)

    run_ui(qloop, go(), timeout=90)


def test_role_gating_of_the_ui_matches_the_server():
    state = SessionState()
    for role in ROLE_ACTIONS:
        state.set_operator(s.Operator(id="x", name="x", roles=[role]))
        assert state.may("watchlist_details") == rules.may([role], rules.READ_WATCHLIST), role


def _texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def _hit(ws):
    return next((a for a in ws.hall.alarms.values() if a.kind == "watchlist_hit"
                 and a.state == "new" and a.watchlist_id in ws.hall.watchlist), None)


def _has_picture(label) -> bool:
    pixmap = label.pixmap()
    return pixmap is not None and not pixmap.isNull()


def test_a_hit_shows_both_pictures_is_verified_and_counted(make_workstation, qloop):
    async def go():
        ws, pane = await _start(make_workstation, demo_args=BUSY)
        desk = ws.window.pane_widgets["alarm_queue"]
        await until(lambda: _hit(ws) is not None, 90, "a watchlist hit from the simulator")
        hit = _hit(ws)
        entry = ws.hall.watchlist[hit.watchlist_id]
        before = len(await _audit(ws))

        # The card: the camera's snapshot beside the entry's photo, the confidence, the
        # handling; loading the photo is a detail view, recorded once for this alarm.
        ws.selection.select_alarm(hit.id)
        panel = desk.card._hit
        await until(lambda: _has_picture(panel.photo_label()), 20, "the entry's photo")
        assert _has_picture(panel.snapshot_label())
        assert f"{round(hit.match_confidence * 100)} %" in panel.text()
        assert entry.handling in panel.text()
        desk._show_card()
        [view] = await _new_records(ws, before, 1, "the photo's detail view")
        assert view["action"] == "watchlist_view" and view["object_id"] == entry.id
        assert view["details"] == {"via": "alarm", "alarm_id": hit.id}

        # A person decides: not a match. The server closes the alarm as a false alarm and
        # the entry's rejected hits go up by one.
        rejected = pane.hits.counts().get(entry.id)
        rejected = rejected.rejected if rejected else 0
        desk.commands.verify()
        dialog = desk.commands.dialog
        assert isinstance(dialog, VerifyDialog)
        dialog.no_match.setChecked(True)
        dialog.text.setPlainText("衣着与照片不符")
        dialog.ok.click()
        await until(lambda: hit.id not in ws.hall.alarms, 15, "the hit closed")
        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            r = await asyncio.to_thread(other.get, f"/alarms/{hit.id}")
        finally:
            await asyncio.to_thread(other.close)
        assert r.json()["state"] == "closed" and r.json()["disposition"] == "false_alarm"
        assert r.json()["verified"] is False
        await until(lambda: pane.hits.counts()[entry.id].rejected == rejected + 1, 10,
                    "the rejected hit counted")
        row = pane.list.model().row_of(entry.id)
        tip = pane.list.model().index(row, Column.HITS).data(Qt.ItemDataRole.ToolTipRole)
        assert f"{rejected + 1} rejected" in tip

    run_ui(qloop, go(), timeout=150)


# --- a hostile server: protected categories, expired and baseless entries -----------------

PROTECTED = {"religion": "X-RELIGION", "ethnicity": "X-ETHNIC", "health": "X-HEALTH",
             "political_opinion": "X-POLITICS"}


def _entry(entry_id: str, valid_until: datetime, **extra) -> dict:
    return {"id": entry_id, "version": 1, "category": "wanted", "name": f"Name {entry_id}",
            "aliases": [], "sex": None, "birth_year": None, "description": "grey coat",
            "vehicle": None, "legal_basis": "Warrant 12/26", "issued_by": "Court",
            "valid_until": valid_until.isoformat(), "handling": "Call the duty officer",
            "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z",
            **extra}


def _hostile_central(now: datetime) -> dict:
    year = now + timedelta(days=365)
    good = _entry("w-good", year, **PROTECTED)
    soon = _entry("w-soon", now + timedelta(seconds=8))
    snapshot = {"cursor": "e-1", "server_time": now.isoformat(),
                "grids": {"type": "FeatureCollection", "features": []},
                "cameras": [], "units": [], "alarms": [],
                "watchlist": [good, soon, _entry("w-expired", now - timedelta(days=1)),
                              _entry("w-baseless", year, legal_basis="  ")]}
    events = "\n\n".join(
        f"id: e-{i}\nevent: watchlist.upserted\ndata: {json.dumps(e)}" for i, e in enumerate([
            _entry("w-late-expired", now - timedelta(minutes=5)),
            _entry("w-late-baseless", year, legal_basis=""),
            _entry("w-late-protected", year, ethnicity="X-ETHNIC", 宗教="X-RELIGION")], 2))
    login = {"token": "t", "expires_at": (now + timedelta(hours=8)).isoformat(),
             "operator": {"id": "duty", "name": "Duty", "roles": ["duty_officer"]}}
    return {
        "POST /api/v1/auth/login": Reply.json(login),
        "GET /api/v1/snapshot": Reply.json(snapshot),
        "GET /api/v1/events": Reply.sse(events, hold=60),
        "GET /api/v1/watchlist/w-good": Reply.json(
            {**good, "photo_url": "/api/v1/media/watchlist/w-good.png"}),
        "GET /api/v1/media/watchlist/w-good.png": Reply(
            headers={"Content-Type": "image/png"},
            chunks=[media.placeholder("watchlist/w-good.png", 120, 160, portrait=True)]),
        "GET /api/v1/alarms": Reply.json({"items": [], "next_page": None}),
        "POST /api/v1/audit": Reply.json({"stored": 1}),
    }


def _cache_rows(ws) -> dict[str, str]:
    with sqlite3.connect(f"file:{cache_path(ws.profile)}?mode=ro", uri=True) as db:
        return dict(db.execute("SELECT id, data FROM watchlist").fetchall())


def _model_texts(model) -> str:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return " ".join(str(model.index(r, c).data(role)) for r in range(model.rowCount())
                    for c in range(model.columnCount()) for role in roles)


def test_a_hostile_server_cannot_put_protected_expired_or_baseless_entries_anywhere(
        make_workstation, qloop, tmp_path):
    async def go():
        with HostileServer(_hostile_central(s.utcnow())) as server:
            ws = await make_workstation(server=server.url)
            await ws.login(server.url, "duty", "demo")
            pane = ws.window.pane_widgets["watchlist"]
            model = pane.list.model()
            await until(lambda: "w-late-protected" in ws.hall.watchlist, 20, "the events")
            shown = {model.entry_at(r).id for r in range(model.rowCount())}
            assert shown == {"w-good", "w-soon", "w-late-protected"}
            # Not in the cache file either, and no protected key or value in what it holds.
            rows = await asyncio.to_thread(_cache_rows, ws)
            assert set(rows) == {"w-good", "w-soon", "w-late-protected"}
            for data in rows.values():
                for key, value in PROTECTED.items():
                    assert key not in data and value not in data
                assert "宗教" not in data

            # Details and the sheet of an entry the server sent with protected fields.
            pane.open_entry("w-good")
            await until(lambda: pane.opened_entry_id() == "w-good", 10, "the details")
            sheet = tmp_path / "sheet.pdf"
            pane.export_entry("w-good", sheet)
            await until(sheet.exists, 10, "the sheet")
            seen = " ".join([_texts(pane), _model_texts(model), pdf_text(sheet)])
            assert "Warrant 12/26" in seen  # the texts are really read
            for key, value in PROTECTED.items():
                assert value not in seen and key not in seen.lower()

            # "w-soon" expires while shown: the minute's tick takes it off the list and the
            # sweep out of the cache file.
            await asyncio.sleep(max(0.0, (ws.hall.watchlist["w-soon"].valid_until
                                          - s.utcnow()).total_seconds()) + 0.2)
            pane._minute()
            assert model.row_of("w-soon") is None
            assert "w-soon" in await ws.service.session.sync.purge_expired()
            assert "w-soon" not in await asyncio.to_thread(_cache_rows, ws)
            assert "w-soon" not in ws.hall.watchlist

    run_ui(qloop, go(), timeout=90)
