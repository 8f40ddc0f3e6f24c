"""The alarm card's mini map, by its pixels: marker, grid outline, holes, units, broken input."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage

from backend_client.schemas import Grid, GridProperties
from backend_client.server.geo import default_grids_file, load_grids
from tests.factories import make_grid
from widgets.colors import PRIORITY_COLORS, UNIT_STATUS_COLORS, WINDOW_BACKGROUND
from widgets.geo_projection import LocalProjection
from widgets.mini_map import (
    CAMERA_COLOR,
    GRID_OUTLINE,
    MiniMap,
    format_distance,
    nice_scale_length,
)

LAT, LON = 30.58, 120.72
PROJ = LocalProjection(LAT, LON)
BACKGROUND = QColor(WINDOW_BACKGROUND)


def ring_m(x0: float, y0: float, x1: float, y1: float) -> list[list[float]]:
    """A rectangle given in metres around (LAT, LON), as a GeoJSON ring (lon, lat)."""
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    return [[lon, lat] for lat, lon in (PROJ.to_latlon(x, y) for x, y in corners)]


def latlon_m(x: float, y: float) -> tuple[float, float]:
    return PROJ.to_latlon(x, y)


@pytest.fixture
def mini(qtbot):
    w = MiniMap()
    qtbot.addWidget(w)
    w.resize(320, 200)
    return w


def image(w: MiniMap) -> QImage:
    img = w.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert img.width() == round(w.width() * img.devicePixelRatio())
    return img


def color_at(img: QImage, p: QPointF) -> QColor:
    ratio = img.devicePixelRatio()
    return img.pixelColor(int(p.x() * ratio), int(p.y() * ratio))


def close(a: QColor, b: QColor, tol: int = 24) -> bool:
    return (abs(a.red() - b.red()) <= tol and abs(a.green() - b.green()) <= tol
            and abs(a.blue() - b.blue()) <= tol)


def count_pixels(img: QImage, color: QColor, tol: int = 0) -> int:
    return sum(close(img.pixelColor(x, y), color, tol)
               for y in range(img.height()) for x in range(img.width()))


def near(img: QImage, p: QPointF, color: QColor, radius: int = 2, tol: int = 24) -> bool:
    return any(close(color_at(img, QPointF(p.x() + dx, p.y() + dy)), color, tol)
               for dx in range(-radius, radius + 1) for dy in range(-radius, radius + 1))


def test_size_hint_fits_a_card(mini):
    hint = mini.sizeHint()
    assert (hint.width(), hint.height()) == (320, 200)


@pytest.mark.parametrize("priority", [1, 2, 3, 4])
def test_alarm_marker_has_its_priority_colour_at_the_centre(mini, priority):
    mini.show_place(LAT, LON, priority=priority)
    img = image(mini)
    centre = QPointF(mini.width() / 2, mini.height() / 2)
    assert mini.pixel_of(LAT, LON) == centre
    assert color_at(img, centre) == PRIORITY_COLORS[priority].background_color()
    # The ring around it is drawn too: the colour appears well away from the dot.
    assert near(img, QPointF(centre.x() + 13, centre.y()), PRIORITY_COLORS[priority]
                .background_color(), radius=1, tol=10)


def test_no_priority_is_a_neutral_marker(mini):
    mini.show_place(LAT, LON, priority=None)
    img = image(mini)
    assert all(count_pixels(img, s.background_color()) == 0 for s in PRIORITY_COLORS.values())
    assert color_at(img, QPointF(160, 100)) != BACKGROUND


def test_grid_outline_is_drawn(mini):
    grid = {"type": "Polygon", "coordinates": [ring_m(-800, -500, 900, 600)]}
    mini.show_place(LAT, LON, priority=2, grid=grid, grid_label="凌塘一网格")
    img = image(mini)
    outline = QColor(GRID_OUTLINE)
    for x, y in [(-800, 0), (900, 0), (0, -500), (0, 600)]:  # the middle of each edge
        p = mini.pixel_of(*latlon_m(x, y))
        assert near(img, p, outline), (x, y)
    assert count_pixels(img, outline, tol=24) > 200
    # Inside, the fill tints the background; outside it is the bare theme colour.
    inside, outside = mini.pixel_of(*latlon_m(-400, 300)), QPointF(2, 60)
    assert color_at(img, outside) == BACKGROUND
    assert color_at(img, inside) != BACKGROUND


def test_a_hole_is_not_filled(mini):
    hole = ring_m(200, -200, 700, 250)
    grid = {"type": "Polygon", "coordinates": [ring_m(-900, -600, 900, 600), hole]}
    mini.show_place(LAT, LON, priority=1, grid=grid)
    img = image(mini)
    in_hole = mini.pixel_of(*latlon_m(450, 25))
    in_fill = mini.pixel_of(*latlon_m(-450, 25))
    assert color_at(img, in_hole) == BACKGROUND
    assert color_at(img, in_fill) != BACKGROUND
    # The hole's own edge is outlined like the exterior.
    assert near(img, mini.pixel_of(*latlon_m(700, 25)), QColor(GRID_OUTLINE))


def test_every_part_of_a_multipolygon_is_filled(mini):
    grid = {"type": "MultiPolygon", "coordinates": [[ring_m(-900, -500, -100, 500)],
                                                     [ring_m(100, -500, 900, 500)]]}
    mini.show_place(LAT, LON, priority=3, grid=grid)
    img = image(mini)
    fill = color_at(img, mini.pixel_of(*latlon_m(-500, 0)))
    assert fill != BACKGROUND
    assert color_at(img, mini.pixel_of(*latlon_m(500, 0))) == fill
    assert color_at(img, mini.pixel_of(*latlon_m(0, 450))) == BACKGROUND  # between the parts


def test_a_real_county_grid(mini):
    grid = load_grids(default_grids_file())[40]
    lon, lat = grid.geometry.coordinates[0][0]
    # The alarm sits near the grid's first corner, so half of the view is outside the grid.
    mini.show_place(lat, lon, priority=1, grid=grid)
    img = image(mini)
    assert color_at(img, QPointF(160, 100)) == PRIORITY_COLORS[1].background_color()
    assert count_pixels(img, QColor(GRID_OUTLINE), tol=24) > 100


def test_clear_shows_no_marker(mini):
    mini.show_place(LAT, LON, priority=1, units=[("巡11", LAT, LON + 0.003, "available")])
    assert count_pixels(image(mini), PRIORITY_COLORS[1].background_color()) > 0
    mini.clear("No location")
    assert not mini.has_place() and mini.pixel_of(LAT, LON) is None
    img = image(mini)
    assert count_pixels(img, PRIORITY_COLORS[1].background_color(), tol=10) == 0
    assert count_pixels(img, UNIT_STATUS_COLORS["available"].background_color(), tol=10) == 0
    assert count_pixels(img, QColor(GRID_OUTLINE), tol=10) == 0
    assert 0 < img.width() * img.height() - count_pixels(img, BACKGROUND) < 3000  # the message


def test_a_new_map_is_cleared(mini):
    assert not mini.has_place() and mini.metres_per_pixel() is None


def test_an_unusable_alarm_position_clears(mini):
    mini.show_place(LAT, LON, priority=1)
    mini.show_place(math.nan, LON, priority=1)
    assert not mini.has_place()
    mini.show_place(95.0, LON, priority=1)
    assert not mini.has_place()


def broken_grids() -> list[object]:
    good = make_grid()
    broken_model = Grid.model_construct(
        type="Feature",
        properties=GridProperties(id="g", name="Broken", version=1),
        geometry=good.geometry.model_construct(type="Polygon", coordinates=[[["x", None]]]))
    no_geometry = Grid.model_construct(type="Feature",
                                       properties=GridProperties(id="g", name="N", version=1))
    return [
        {"type": "Polygon", "coordinates": "junk"},
        {"type": "Polygon", "coordinates": [[[LON, LAT], [LON, LAT]]]},
        {"type": "MultiPolygon", "coordinates": [[[]], None]},
        {"type": "Feature", "properties": {"name": "Nowhere"}, "geometry": None},
        {"type": "Point", "coordinates": [LON, LAT]},
        {"type": "Polygon", "coordinates": [[[math.nan, math.inf], [1e308, -1e308], [LON, 95]]]},
        broken_model,
        no_geometry,
        "not a grid",
        42,
    ]


@pytest.mark.parametrize("grid", broken_grids(), ids=lambda g: type(g).__name__)
def test_a_broken_grid_costs_only_its_outline(mini, grid):
    mini.show_place(LAT, LON, priority=1, grid=grid, grid_label="Broken",
                    units=[("巡11", LAT + 0.006, LON, "en_route"), ("bad",), None,
                           ("nan", math.nan, LON, "busy")],
                    cameras=[("cam", LAT - 0.002, LON), ("broken", "x", None)])
    img = image(mini)
    assert color_at(img, QPointF(160, 100)) == PRIORITY_COLORS[1].background_color()
    assert count_pixels(img, QColor(GRID_OUTLINE), tol=10) == 0
    assert near(img, mini.pixel_of(LAT + 0.006, LON),
                UNIT_STATUS_COLORS["en_route"].background_color(), radius=1, tol=6)


def test_units_and_cameras_are_drawn_in_their_colours(mini):
    units = [("巡11", *latlon_m(600, 300), "available"), ("步14", *latlon_m(-700, -200), "busy"),
             ("摩12", *latlon_m(200, -600), "mystery")]
    cameras = [("东门", *latlon_m(-300, 500))]
    mini.show_place(LAT, LON, priority=2, units=units, cameras=cameras)
    img = image(mini)
    for _label, lat, lon, status in units[:2]:
        assert color_at(img, mini.pixel_of(lat, lon)) == UNIT_STATUS_COLORS[status] \
            .background_color()
    assert color_at(img, mini.pixel_of(*units[2][1:3])) == QColor("#9e9e9e")  # unknown status
    assert near(img, mini.pixel_of(*cameras[0][1:3]), QColor(CAMERA_COLOR), radius=1, tol=6)


def test_a_unit_beyond_the_view_is_pinned_to_its_edge(mini):
    far = latlon_m(6000, 0)  # 6 km east, far beyond a 1.5 km view
    mini.show_place(LAT, LON, priority=2, units=[("交16", *far, "busy")])
    p = mini.pixel_of(*far)
    assert p.x() > mini.width()
    img = image(mini)
    busy = UNIT_STATUS_COLORS["busy"].background_color()
    right_edge = [img.pixelColor(x, y) for x in range(mini.width() - 24, mini.width())
                  for y in range(80, 120)]
    assert any(close(c, busy, 6) for c in right_edge)


def test_the_view_fits_the_radius_or_a_closer_grid(mini):
    # 320×200 with a 10 px margin: 1500 m fit into the 90 px from the centre to the bottom.
    mini.show_place(LAT, LON, priority=1)
    assert mini.metres_per_pixel() == pytest.approx(1500 / 90)
    mini.show_place(LAT, LON, priority=1, radius_m=3000)
    assert mini.metres_per_pixel() == pytest.approx(3000 / 90)
    # A small grid around the alarm fills the view instead.
    small = {"type": "Polygon", "coordinates": [ring_m(-300, -200, 250, 180)]}
    mini.show_place(LAT, LON, priority=1, grid=small)
    assert mini.metres_per_pixel() == pytest.approx(max(300 / 150, 200 / 90))
    # A grid larger than the radius does not zoom out: the radius is what matters.
    big = {"type": "Polygon", "coordinates": [ring_m(-9000, -9000, 9000, 9000)]}
    mini.show_place(LAT, LON, priority=1, grid=big)
    assert mini.metres_per_pixel() == pytest.approx(1500 / 90)
    # A tiny grid does not zoom in without limit.
    tiny = {"type": "Polygon", "coordinates": [ring_m(-10, -10, 10, 10)]}
    mini.show_place(LAT, LON, priority=1, grid=tiny)
    assert mini.metres_per_pixel() == pytest.approx(150 / 90)
    # The aspect is kept on resize (north-up, square metres).
    mini.resize(600, 200)
    mini.show_place(LAT, LON, priority=1)
    e, n = mini.pixel_of(*latlon_m(500, 0)), mini.pixel_of(*latlon_m(0, 500))
    assert e.x() - 300 == pytest.approx(100 - n.y())


def test_a_feature_dict_gives_its_name_and_geometry(mini):
    feature = {"type": "Feature", "properties": {"name": "南湖区", "cp": [LON, LAT]},
               "geometry": {"type": "Polygon", "coordinates": [ring_m(-500, -400, 500, 400)]}}
    mini.show_place(LAT, LON, priority=4, grid=feature)
    assert count_pixels(image(mini), QColor(GRID_OUTLINE), tol=24) > 100


def test_paints_only_when_told(qtbot):
    class Counting(MiniMap):
        paints = 0

        def paintEvent(self, event):
            Counting.paints += 1
            super().paintEvent(event)

    w = Counting()
    qtbot.addWidget(w)
    w.resize(320, 200)
    w.show()
    qtbot.waitExposed(w)
    w.show_place(LAT, LON, priority=1, grid=make_grid())
    qtbot.waitUntil(lambda: Counting.paints > 0)
    settled = Counting.paints
    qtbot.wait(300)
    assert Counting.paints == settled  # nothing animates
    w.show_place(LAT, LON, priority=2)
    qtbot.waitUntil(lambda: Counting.paints > settled)


@pytest.mark.parametrize("metres, text", [
    (50, "50 m"), (500, "500 m"), (999.4, "999 m"), (999.6, "1 km"), (1000, "1 km"),
    (1200, "1.2 km"), (2000, "2 km"), (9960, "10 km"), (12_400, "12 km"),
])
def test_format_distance(metres, text):
    assert format_distance(metres) == text


@pytest.mark.parametrize("limit, length", [
    (93.0, 50.0), (520.0, 500.0), (499.0, 200.0), (1999.0, 1000.0), (2000.0, 2000.0),
    (7.0, 5.0), (0.0, 0.0), (math.inf, 0.0),
])
def test_scale_bar_lengths_are_round(limit, length):
    assert nice_scale_length(limit) == length
