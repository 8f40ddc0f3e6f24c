"""The map view with real grids under Xvfb: a click inside a grid selects that grid (holes and
MultiPolygons respected), a click on a unit or an alarm takes it, units are drawn by status and
freshness (stale and lost ones kept, never dropped), cameras show only when zoomed in, the
viewport round-trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from widgets.colors import UNIT_STATUS_COLORS
from widgets.geo_shapes import read_geojson
from widgets.grid_map import AlarmMark, CameraMark, GridMapView, GridShape, UnitMark
from widgets.grid_map.units_item import DOT

ROOT = Path(__file__).resolve().parents[2]
SQUARE = [(120.00, 30.00), (120.02, 30.00), (120.02, 30.02), (120.00, 30.02), (120.00, 30.00)]
HOLE = [(120.008, 30.008), (120.012, 30.008), (120.012, 30.012), (120.008, 30.012),
        (120.008, 30.008)]
ISLAND_A = [(120.03, 30.00), (120.04, 30.00), (120.04, 30.01), (120.03, 30.01), (120.03, 30.00)]
ISLAND_B = [(120.03, 30.015), (120.04, 30.015), (120.04, 30.02), (120.03, 30.02),
            (120.03, 30.015)]


@pytest.fixture
def view(qtbot):
    v = GridMapView()
    qtbot.addWidget(v)
    v.resize(700, 500)
    v.show()
    qtbot.waitExposed(v)
    v.set_grids([GridShape("holed", "带孔网格", "城东", [[SQUARE, HOLE]]),
                 GridShape("islands", "群岛网格", "城西", [[ISLAND_A], [ISLAND_B]])])
    qtbot.wait(50)
    return v


def _click(qtbot, view, lat, lon, button=Qt.MouseButton.LeftButton):
    with qtbot.waitSignal(view.clicked, timeout=2000) as blocker:
        QTest.mouseClick(view.plot.viewport(), button, Qt.KeyboardModifier.NoModifier,
                         view.pixel_of(lat, lon))
    return tuple(blocker.args)


def test_the_same_grids_again_cost_nothing(view):
    items = dict(view._grid_items)
    view.set_grids(list(view.grids.values()))  # a snapshot or resync brings them all again
    assert view._grid_items == items and all(view._grid_items[k] is items[k] for k in items)
    view.set_grids([g for g in view.grids.values() if g.id == "holed"])
    assert list(view._grid_items) == ["holed"]


def test_clicks_select_grids_with_holes_and_islands(qtbot, view):
    assert _click(qtbot, view, 30.004, 120.004) == ("grid", "holed")
    assert _click(qtbot, view, 30.005, 120.035) == ("grid", "islands")
    assert _click(qtbot, view, 30.017, 120.035) == ("grid", "islands")
    assert view.selection == ("grid", "islands")
    # In the hole, or between the islands: nothing is selected by the click.
    with qtbot.assertNotEmitted(view.clicked, wait=200):
        QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, view.pixel_of(30.010, 120.010))
        QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.NoModifier, view.pixel_of(30.0125, 120.035))
    assert view.grid_at(30.010, 120.010) is None and view.grid_at(30.004, 120.004) == "holed"


def test_markers_win_over_the_grid_under_them(qtbot, view):
    view.set_units([UnitMark("u1", "巡1", "car", "available", 30.004, 120.004, 45.0, "fresh")])
    view.set_alarms([AlarmMark("a1", 1, 30.015, 120.015, True, "火警")])
    assert _click(qtbot, view, 30.004, 120.004) == ("unit", "u1")
    assert _click(qtbot, view, 30.015, 120.015) == ("alarm", "a1")
    assert view.selection == ("alarm", "a1")


def test_units_by_status_and_freshness_none_dropped(qtbot, view):
    units = [UnitMark(f"u{i}", f"U{i}", "car", status, 30.001 + i * 0.001, 120.001, None, fresh)
             for i, (status, fresh) in enumerate([("available", "fresh"), ("busy", "ageing"),
                                                  ("en_route", "stale"), ("on_scene", "lost")])]
    view.set_units(units)
    item = view.units_item
    shown = {key: count for key, count in item.counts().items() if count}
    assert shown == {("available", "fresh"): 1, ("busy", "ageing"): 1,
                     ("en_route", "stale"): 1, ("on_scene", "lost"): 1}
    pen, _brush = item.style_of("en_route", "stale")
    assert pen.style() == Qt.PenStyle.DashLine  # greyed and dashed
    _pen, brush = item.style_of("on_scene", "lost")
    assert brush is None  # hollow, at its last place
    _pen, brush = item.style_of("available", "fresh")
    assert brush is not None
    assert brush.color().name() == UNIT_STATUS_COLORS["available"].background.lower()
    # Drawn lost below stale below ageing below fresh.
    assert [item.styles.get((*k, "car")) for k in [("on_scene", "lost"), ("en_route", "stale"),
                                                   ("busy", "ageing"), ("available", "fresh")]] \
        == item.data["style"].tolist()
    # A later batch without the busy unit empties its style; nothing else changes.
    view.set_units([u for u in units if u.id != "u1"])
    assert item.counts()[("busy", "ageing")] == 0
    assert sum(item.counts().values()) == 3
    # Pixels: the fresh unit is painted in its status colour where it is.
    view.set_units(units)
    qtbot.wait(50)
    image = view.plot.grab().toImage()
    p = view.pixel_of(units[0].lat, units[0].lon)
    assert image.pixelColor(p).name() == UNIT_STATUS_COLORS["available"].background.lower()


def test_cameras_only_when_zoomed_in_and_clustered(qtbot, view):
    cams = [CameraMark(f"c{i}", f"cam{i}", 30.005 + i * 0.00002, 120.005, True)
            for i in range(5)] + [CameraMark("far", "far", 30.018, 120.018, True)]
    view.set_cameras(cams)
    view.centre_on(30.01, 120.01, metres_per_px=60.0)  # a county's view: too far out
    qtbot.waitUntil(lambda: not view._camera_item.isVisible(), timeout=2000)
    view.centre_on(30.01, 120.01, metres_per_px=3.0)
    qtbot.waitUntil(lambda: view._camera_item.isVisible(), timeout=2000)
    assert view._camera_item.points().size == 2  # five close ones clustered, one alone
    assert [label.toPlainText() for label in view._cluster_labels] == ["5"]
    view.centre_on(30.005, 120.005, metres_per_px=0.05)
    qtbot.waitUntil(lambda: view._camera_item.points().size >= 5, timeout=2000)


def test_viewport_round_trip(qtbot, view):
    view.centre_on(30.01, 120.01, metres_per_px=4.0)
    saved = view.viewport()
    assert saved["lat"] == pytest.approx(30.01, abs=1e-5)
    assert saved["m_per_px"] == pytest.approx(4.0, rel=0.05)
    view.fit()
    assert view.set_viewport(saved)
    again = view.viewport()
    assert again["lat"] == pytest.approx(30.01, abs=1e-5)
    assert again["m_per_px"] == pytest.approx(4.0, rel=0.05)
    assert not view.set_viewport({"lat": "x"}) and not view.set_viewport({"lat": 95, "lon": 0,
                                                                          "m_per_px": 1})


def test_the_real_district_files_draw_and_hit(qtbot):
    v = GridMapView()
    qtbot.addWidget(v)
    v.resize(800, 600)
    v.show()
    qtbot.waitExposed(v)
    for path in sorted((ROOT.parent / "shared" / "data" / "geo").glob("*.geojson")):
        load = read_geojson(path)
        shapes = [GridShape(f.id, f.name, "", f.polygons) for f in load.features]
        v.projection = None
        v.grids = {}
        v.set_grids(shapes)
        assert len(v._grid_items) == len(shapes)
        for shape in shapes:
            outer = max(shape.polygons, key=lambda p: len(p[0]))[0]
            lon = sum(p[0] for p in outer) / len(outer)
            lat = sum(p[1] for p in outer) / len(outer)
            hit = v.grid_at(lat, lon)
            assert hit is None or hit in {s.id for s in shapes}
        assert sum(v.grid_at(*reversed(s.label_at or _mid(s))) == s.id for s in shapes) >= \
            len(shapes) // 2


def _mid(shape):
    outer = max(shape.polygons, key=lambda p: len(p[0]))[0]
    xs, ys = [p[0] for p in outer], [p[1] for p in outer]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


def test_measuring_tape_by_clicks(qtbot, view):
    from widgets.grid_map.extras import Tape

    tape = Tape(view)
    view.measure_clicked.connect(tape.add)
    view.measuring = True
    with qtbot.assertNotEmitted(view.clicked, wait=100):
        for lat, lon in ((30.0, 120.0), (30.0, 120.02), (30.02, 120.02)):
            QTest.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton,
                             Qt.KeyboardModifier.NoModifier, view.pixel_of(lat, lon))
    # 0.02° of longitude at 30° N ≈ 1,926 m, 0.02° of latitude ≈ 2,224 m; a click lands
    # within a pixel (~6 m here) of the point.
    assert tape.total_m() == pytest.approx(1926 + 2224, abs=30)
    assert tape.text() == "4.2 km" or tape.text() == "4.1 km"
    view.measuring = False
    assert _click(qtbot, view, 30.004, 120.004) == ("grid", "holed")


def test_event_zones_count_the_units_inside(qtbot, view):
    from widgets.geo_shapes import GeoFeature
    from widgets.grid_map.extras import EventZones, Trail

    zones = EventZones(view)
    zones.set_zones([GeoFeature("z1", "东广场", [[SQUARE]]),
                     GeoFeature("z2", "北入口", [[ISLAND_A]])])
    counts = zones.count_units([(30.005, 120.005), (30.011, 120.011), (30.005, 120.035),
                                (31.0, 121.0)])
    assert counts == {"东广场": 2, "北入口": 1}
    assert [label.toPlainText() for label in zones._labels] == ["东广场: 2", "北入口: 1"]
    trail = Trail(view)
    trail.show([(30.001, 120.001), (30.002, 120.002), (30.003, 120.004)])
    assert trail.length == 3
    trail.show([(30.001, 120.001)])
    assert trail.length == 0


def test_each_unit_points_its_heading(qtbot, view):
    units = [UnitMark("n", "N", "car", "available", 30.001, 120.001, 0.0, "fresh"),
             UnitMark("e", "E", "car", "available", 30.002, 120.002, 91.0, "fresh"),
             UnitMark("w", "W", "car", "available", 30.003, 120.003, -90.0, "fresh"),
             UnitMark("x", "X", "car", "available", 30.004, 120.004, None, "fresh")]
    view.set_units(units)
    assert view.units_item.sectors().tolist() == [0, 2, 6, DOT]
    # Zoomed in: the callsigns, drawn just right of their units (light text read off the
    # screen there); a later batch replaces them; zoomed out there are none.
    view.centre_on(30.0025, 120.0025, metres_per_px=1.0)
    qtbot.waitUntil(lambda: len(view.callsigns_item.texts()) == 4, timeout=2000)
    assert sorted(view.callsigns_item.texts()) == ["E", "N", "W", "X"]
    qtbot.wait(100)
    assert _light_pixels_right_of(view, units[0]) > 3
    view.set_units(units[:2])
    assert view.callsigns_item.texts() == ["N", "E"]
    view.centre_on(30.0025, 120.0025, metres_per_px=50.0)
    qtbot.waitUntil(lambda: not view.callsigns_item.texts(), timeout=2000)
    qtbot.wait(100)
    assert _light_pixels_right_of(view, units[0]) == 0


def _light_pixels_right_of(view: GridMapView, unit: UnitMark) -> int:
    image = view.grab().toImage()
    p = view.pixel_of(unit.lat, unit.lon)
    return sum(1 for dx in range(10, 24) for dy in range(-7, 8)
               if QColor(image.pixel(p.x() + dx, p.y() + dy)).lightness() > 170)


def test_units_are_drawn_by_kind(qtbot, view):
    """Cars a dart, motorcycles a slim one, officers on foot a disc with a nose, ambulances
    and fire engines a block; an unknown kind as a car. Read from the screen: the block
    covers most, the slim dart least."""
    kinds = ["patrol_car", "motorcycle", "foot", "ambulance", "hovercraft"]
    units = [UnitMark(k, k, k, "available", 30.004 + 0.003 * i, 120.004, 0.0, "fresh")
             for i, k in enumerate(kinds)]
    view.set_units(units)
    assert view.units_item.shapes() == ["car", "motorcycle", "foot", "rescue", "car"]
    view.centre_on(30.010, 120.004, metres_per_px=4.0)
    qtbot.wait(200)
    image = view.grab().toImage()
    green = QColor(UNIT_STATUS_COLORS["available"].background)

    def covered(unit: UnitMark) -> int:
        p = view.pixel_of(unit.lat, unit.lon)
        return sum(1 for dx in range(-8, 9) for dy in range(-8, 9)
                   if _near(QColor(image.pixel(p.x() + dx, p.y() + dy)), green))

    area = {u.kind: covered(u) for u in units}
    assert area["ambulance"] > area["foot"] > area["motorcycle"] > 3, area
    assert area["ambulance"] > area["patrol_car"] > area["motorcycle"], area
    assert abs(area["hovercraft"] - area["patrol_car"]) <= 3, area


def _near(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40
