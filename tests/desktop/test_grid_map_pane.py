"""The grid map pane in the demo workstation against the reference server: grids, units,
alarms and cameras from the hall's state; clicks and the queue share one selection; overlays
with their legend; search; freshness from the settings (silent units turn stale, then lost,
and stay on the map); the viewport and overlay kept with the layout."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from tests.desktop.conftest import run_ui, until
from tests.support.central import Desk
from widgets.unit_texts import age_text


def test_the_map_shows_the_hall_and_shares_the_selection(make_workstation, qloop, tmp_path):
    shot_dir = tmp_path

    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "5"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        pane = ws.window.pane_widgets["grid_map"]
        hall = ws.hall
        await until(lambda: len(pane.map.grids) == len(hall.grids) > 100, 10, "the grids")
        with_position = [u for u in hall.units.values() if u.position is not None]
        await until(lambda: len(pane.map.units) == len(with_position) > 10, 10, "the units")
        assert len(pane.map.cameras) == len(hall.cameras)

        other = await asyncio.to_thread(Desk, ws.demo_server.api_url, "supervisor")
        try:
            alarm = await asyncio.to_thread(other.raise_alarm, kind="fire", priority=1,
                                            title="烟感 地图")
            second = await asyncio.to_thread(other.raise_alarm, kind="intrusion", priority=3,
                                             title="门磁 地图")
        finally:
            await asyncio.to_thread(other.close)
        await until(lambda: alarm["id"] in pane.map.alarms, 10, "the alarm on the map")
        mark = pane.map.alarms[alarm["id"]]
        assert mark.unacknowledged and mark.priority == 1
        # A click on the alarm's marker selects it for every pane (the card shows it).
        x, y = pane.map.xy(mark.lat, mark.lon)
        assert pane.map.hit(x, y) == ("alarm", alarm["id"])
        pane._clicked("alarm", alarm["id"])
        assert ws.selection.alarm_id == alarm["id"]
        desk = ws.window.pane_widgets["alarm_queue"]
        await until(lambda: desk.card.alarm_id() == alarm["id"], 5, "the card")
        # Chosen in the queue: the map marks it.
        await until(lambda: second["id"] in hall.alarms, 10, "the second alarm")
        other_id = second["id"]
        ws.selection.select_alarm(other_id)
        assert pane.map.selection == ("alarm", other_id)

        # Dispatch from the map's menu goes through the desk's command, with its rules.
        menu = pane.menu_for("alarm", alarm["id"], mark.lat, mark.lon)
        assert "Dispatch the nearest unit…" in [a.text() for a in menu.actions()]
        pane.dispatch_nearest(alarm["id"])
        assert ws.selection.alarm_id == alarm["id"]
        await until(lambda: any("Acknowledge the alarm first" in n.text
                                for n in ws.state.notices), 5, "the refusal")

        # Open alarms per grid: the alarm's grid is filled, the legend explains it.
        pane.overlay.setCurrentIndex(pane.overlay.findData("alarms"))
        grid_id = hall.alarms[alarm["id"]].grid_id
        assert grid_id in pane.map._overlay.colours
        assert "2–3" in pane.legend.text() and "7+" in pane.legend.text()
        # The screenshot: the P1 alarm in its colour, its grid filled, units in theirs.
        ws.window.resize(1600, 1000)
        pane.map.centre_on(mark.lat, mark.lon, metres_per_px=20.0)
        await asyncio.sleep(0.3)
        image = pane.map.plot.grab().toImage()
        image.save(str(shot_dir / "grid-map-alarms.png"))
        from widgets.colors import PRIORITY_COLORS, UNIT_STATUS_COLORS
        at = pane.map.pixel_of(mark.lat, mark.lon)
        assert image.pixelColor(at).name() == PRIORITY_COLORS[1].background.lower()
        colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
                   for y in range(0, image.height(), 3)}
        assert len(colours) > 20  # grids, fills, labels, markers: not an empty view
        unit = next(iter(pane.map.units.marks()))
        pane.map.centre_on(unit.lat, unit.lon, metres_per_px=5.0)
        await asyncio.sleep(0.3)
        image = pane.map.plot.grab().toImage()
        centre = pane.map.pixel_of(unit.lat, unit.lon)
        near = {image.pixelColor(centre.x() + dx, centre.y() + dy).name()
                for dx in range(-3, 4) for dy in range(-3, 4)}
        assert UNIT_STATUS_COLORS[hall.units[unit.id].status].background.lower() in near
        pane.overlay.setCurrentIndex(pane.overlay.findData("available"))
        assert pane.map._overlay.legend

        # Search: a grid by name.
        name = hall.grids[grid_id].properties.name
        assert pane.go_to(f"Grid {name}")
        assert pane.map.grid_at(*pane._where("grid", grid_id)) in (grid_id, None)

        # Layout: viewport, overlay and follow come back.
        saved = pane.pane_state()
        pane.overlay.setCurrentIndex(0)
        pane.map.fit()
        pane.restore_pane_state(saved)
        assert pane.overlay.currentData() == "available"
        assert pane.map.viewport()["lat"] == saved["viewport"]["lat"]

        # Freshness from the settings: with a quiet server nobody moves; after the lost
        # threshold every unit is lost, still drawn (hollow), none dropped.
        ws.preferences.update(replace(ws.preferences.settings,
                                      position_freshness_seconds=(1, 2, 3)))
        await until(lambda: "lost" in pane.status.text(), 10, "lost units")
        assert age_text(3) in pane.status.toolTip()  # the symbols' key says the new limits
        assert len(pane.map.units) == len(with_position)
        assert all(m.freshness == "lost" for m in pane.map.units.marks())
        lost = sum(count for key, count in pane.map.units_item.counts().items()
                   if key[1] == "lost")
        assert lost == len(with_position)

    run_ui(qloop, go(), timeout=120)


def _mbtiles(path, attribution):
    import sqlite3

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("#335577"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, "
                   "tile_row INTEGER, tile_data BLOB)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", [
            ("name", "hall"), ("format", "png"), ("minzoom", "0"), ("maxzoom", "12"),
            ("attribution", attribution)])
        db.execute("INSERT INTO tiles VALUES (0, 0, 0, ?)", (bytes(buffer.data()),))


def test_basemap_and_event_zones_from_files(make_workstation, qloop, tmp_path):
    import json

    tiles = tmp_path / "hall.mbtiles"
    _mbtiles(tiles, "© 市测绘院")
    zones = tmp_path / "event.geojson"

    async def go():
        ws = await make_workstation(demo=True, demo_args=("--sim-steps", "0", "--seed", "5"))
        await until(lambda: ws.state.connection.status == "online", 30, "online")
        pane = ws.window.pane_widgets["grid_map"]
        await until(lambda: len(pane.map.units) > 10, 10, "the units")
        # A basemap that cannot be used is said; the map stays a vector map.
        ws.preferences.update(replace(ws.preferences.settings,
                                      map_basemap=str(tmp_path / "gone.mbtiles")))
        assert pane.basemap is None
        assert any("map tiles cannot be used" in n.text for n in ws.state.notices)
        ws.preferences.update(replace(ws.preferences.settings, map_basemap=str(tiles)))
        assert pane.basemap is not None and pane.attribution.text() == "© 市测绘院"
        ws.preferences.update(replace(ws.preferences.settings, map_basemap=""))
        assert pane.basemap is None and pane.attribution.text() == ""

        # Event zones: one around every unit, one broken; the valid one is drawn and counted.
        lats = [m.lat for m in pane.map.units.marks()]
        lons = [m.lon for m in pane.map.units.marks()]
        box = [[min(lons) - 0.01, min(lats) - 0.01], [max(lons) + 0.01, min(lats) - 0.01],
               [max(lons) + 0.01, max(lats) + 0.01], [min(lons) - 0.01, max(lats) + 0.01],
               [min(lons) - 0.01, min(lats) - 0.01]]
        zones.write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "活动区"},
             "geometry": {"type": "Polygon", "coordinates": [box]}},
            {"type": "Feature", "properties": {"name": "坏区"}, "geometry": None}]}),
            encoding="utf-8")
        assert pane.load_zones(str(zones))
        assert pane.zones.counts == {"活动区": len(pane.map.units)}
        assert any("Event zones from event.geojson: 1 problem" in n.text
                   for n in ws.state.notices)
        assert pane.pane_state()["zones_file"] == str(zones)
        pane.load_zones(None)
        assert pane.zones.zones == []
        pane.restore_pane_state({"zones_file": str(tmp_path / "moved.geojson")})
        assert any("no longer there" in n.text for n in ws.state.notices)

    run_ui(qloop, go(), timeout=120)
