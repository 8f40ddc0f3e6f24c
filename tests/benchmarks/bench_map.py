"""Grid map: 5,000 units moving at 1 Hz over the county's 132 patrol grids — time per batched
update and paint of the real ``GridMapView`` fed as the pane feeds it (goal ≤ 15 ms), beside
a naive map with one QGraphicsItem per unit (the baseline) measured in the same run, and the
same update zoomed in to 5 m/px where callsign labels are rebuilt with every batch.

Each simulated second the fleet moves and ~1 % of the units change status; the hall's state
(``HallState``) takes that as one change set of ``unit.moved`` events and unit updates, as the
sync engine hands it over (not timed: it is the same for both maps; its cost is reported as
``hall_apply_ms_p50``). One update is then what a map does once a second:

- ours (the pane's path): ``MapUnits`` writes the moved and changed units' rows, computes every
  unit's freshness in one numpy pass and hands the columns to ``GridMapView.set_unit_columns``
  (``build``, ``set``), then the paint that follows (``paint``);
- the naive map: a ``UnitMark`` built for every unit of the hall with its freshness (what the
  pane did before, ``build``), every unit's item moved, turned and restyled (``set``), paint.

The paint is Qt's own: events are processed until the map's viewport has received its Paint
event (an event filter counts them), so it is timed inside the update and happens exactly
once. ``viewport().repaint()`` is not used: it paints before the scene has processed its dirty
items, which then post a second full paint right after, so it would time half of what the
officer's machine does.

The steps run back to back (no 1 s wait, only a 30 ms pause after each timed update so the
X server has finished one map's picture before the other's is timed) on a simulated clock: a
moving unit's position is "now"; the few ageing, stale and lost units stay where they were
last seen with positions that old. The naive map gets the same hall in the same step (its
order against ours alternates, so neither always runs on a warm cache; the two windows side
by side, neither covering the other): a QGraphicsScene/QGraphicsView of the same size, scale
and centre, the same grid outlines as QGraphicsPathItems, and one dart-shaped
QGraphicsPathItem per unit (13 px, ignoring the view's scale like pyqtgraph's pxMode symbols)
given ``setPos``, ``setRotation``, ``setBrush`` and ``setPen`` for every unit in every batch.

Figures are p50/p99/max over the measured steps after 5 warm-up steps. The long-lived state
is frozen out of the cycle collector first, as the workstation's ``GcPacer`` does.

Usage: .venv/bin/python tests/benchmarks/bench_map.py [--units N] [--steps N] [--profile]
Starts its own Xvfb when there is no DISPLAY. The last line printed is one JSON object; the
lines before it on stdout are a readable table (progress and profiles go to stderr). Goals
are reported, not asserted: the machine this runs on is small and shared, one run is one
sample.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import math
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPointF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QTransform  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QFrame,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsView,
)

from backend_client import schemas as s  # noqa: E402
from backend_client.changes import ChangeSet  # noqa: E402
from desktop.panes.map_units import MapUnits  # noqa: E402
from desktop.state.freshness import FreshnessThresholds, freshness  # noqa: E402
from desktop.state.hall import HallState  # noqa: E402
from tests.benchmarks.display import run_on_display  # noqa: E402
from tests.benchmarks.painting import (  # noqa: E402
    PaintCounter,
    overlapping,
    paint_now,
    settle,
    stats,
)
from widgets.colors import SECONDARY_TEXT, UNIT_STATUS_COLORS  # noqa: E402
from widgets.geo_projection import EARTH_RADIUS_M, Bounds, LocalProjection, bounds_of  # noqa: E402
from widgets.geo_shapes import read_geojson  # noqa: E402
from widgets.grid_map.marks import GridShape, UnitColumns, UnitMark  # noqa: E402
from widgets.grid_map.view import BACKGROUND, GRID_OUTLINE, GridMapView  # noqa: E402

GRIDS_FILE = ROOT / "resources" / "geo" / "county-grids.geojson"
WINDOW_W, WINDOW_H = 1600, 1000  # the map pane on a hall PC's main screen
UNITS = 5000
STEPS = 60
WARMUP = 5
GOAL_MS = 15.0
ZOOM_M_PER_PX = 5.0  # zoomed in far enough for callsigns (CALLSIGN_MAX_M_PER_PX is 8)
MAX_MOVE_M = 15.0  # a car at 54 km/h in one second
MAX_TURN_DEG = 20.0
STATUS_CHANGE_SHARE = 0.01
SEED = 20261129
# Mostly fresh: in a working hall nearly every unit reports each second; a few have not lately.
FRESHNESS_SHARES = {"fresh": 0.94, "ageing": 0.03, "stale": 0.02, "lost": 0.01}
AGE_OF = {"fresh": 0.0, "ageing": 120.0, "stale": 900.0, "lost": 4000.0}  # seconds
THRESHOLDS = FreshnessThresholds()  # 60 s / 5 min / 30 min, the settings' defaults
KIND_MIX = (["patrol_car", "foot", "motorcycle", "traffic", "special", "ambulance", "fire"],
            [0.55, 0.2, 0.1, 0.07, 0.03, 0.03, 0.02])
BASE_TIME = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
M_PER_DEG = EARTH_RADIUS_M * math.pi / 180.0
SYMBOL_PX = 13  # the map's unit symbol size, for the naive map's darts
SCREEN = f"{2 * WINDOW_W + 40}x{WINDOW_H + 60}x24"
GAP_S = 0.03  # between two timed updates: the X server finishes the last one's picture


# --- the hall's units ----------------------------------------------------------------------------


class Fleet:
    """The hall's units, moved once per simulated second; each step is the change set the
    sync engine would apply (the simulation is not timed)."""

    def __init__(self, n: int, bounds: Bounds, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        self.bounds = bounds
        self.statuses = list(UNIT_STATUS_COLORS)
        self.ids = [f"U{i:05d}" for i in range(n)]
        self.callsigns = [f"巡{i:04d}" for i in range(n)]
        self.kinds = self.rng.choice(KIND_MIX[0], n, p=KIND_MIX[1]).tolist()
        self.lat = self.rng.uniform(bounds.min_lat, bounds.max_lat, n)
        self.lon = self.rng.uniform(bounds.min_lon, bounds.max_lon, n)
        self.heading = self.rng.uniform(0.0, 360.0, n)
        self.status = self.rng.integers(0, len(self.statuses), n)
        words = list(FRESHNESS_SHARES)
        picks = self.rng.choice(len(words), n, p=list(FRESHNESS_SHARES.values()))
        # Only fresh units report; the others' positions are as old as their word says.
        self.age_s = np.array([AGE_OF[words[i]] for i in picks], dtype=float)
        self.moving = self.age_s == 0
        self.now = BASE_TIME
        self.hall = HallState()
        self.hall.apply(ChangeSet(reset=True, units=[self.unit(i) for i in range(n)]))

    def unit(self, i: int) -> s.Unit:
        return s.Unit.model_validate({
            "id": self.ids[i], "version": 1, "callsign": self.callsigns[i],
            "kind": self.kinds[i], "status": self.statuses[int(self.status[i])],
            "status_since": BASE_TIME,
            "position": {"lat": float(self.lat[i]), "lon": float(self.lon[i]),
                         "heading": float(self.heading[i]),
                         "at": self.now - timedelta(seconds=float(self.age_s[i]))}})

    def step(self) -> ChangeSet:
        """One second: the change set (moves and status changes)."""
        n = len(self.ids)
        self.now += timedelta(seconds=1)
        self.heading = (self.heading + self.rng.uniform(-MAX_TURN_DEG, MAX_TURN_DEG, n)) % 360
        dist = self.rng.uniform(0.0, MAX_MOVE_M, n) * self.moving
        rad = np.radians(self.heading)
        lat = self.lat + dist * np.cos(rad) / M_PER_DEG
        lon = self.lon + dist * np.sin(rad) / (M_PER_DEG * np.cos(np.radians(self.lat)))
        b = self.bounds
        # Kept inside the county: a unit reaching the edge turns back (heading reflected).
        out_ns = (lat < b.min_lat) | (lat > b.max_lat)
        out_ew = (lon < b.min_lon) | (lon > b.max_lon)
        self.heading = np.where(out_ns, (180.0 - self.heading) % 360, self.heading)
        self.heading = np.where(out_ew, (360.0 - self.heading) % 360, self.heading)
        self.lat = np.where(out_ns, self.lat, lat)
        self.lon = np.where(out_ew, self.lon, lon)
        change = np.flatnonzero(self.rng.random(n) < STATUS_CHANGE_SHARE)
        self.status[change] = self.rng.integers(0, len(self.statuses), len(change))
        moved = np.flatnonzero(self.moving).tolist()
        at = self.now
        moves = [s.UnitMoved.model_construct(id=self.ids[i], lat=la, lon=lo, heading=h,
                                             speed=None, at=at)
                 for i, la, lo, h in zip(moved, self.lat[moved].tolist(),
                                         self.lon[moved].tolist(),
                                         self.heading[moved].tolist(), strict=True)]
        units = self.hall.units
        changed = [units[self.ids[i]].model_copy(update={
            "status": self.statuses[int(self.status[i])], "status_since": at})
            for i in change.tolist()]
        return ChangeSet(units=changed, moves=moves)


def naive_marks(hall: HallState, now: datetime) -> list[UnitMark]:
    """The naive pane's batch: a mark for every unit of the hall, each with its freshness."""
    return [UnitMark(u.id, u.callsign, u.kind, u.status, u.position.lat, u.position.lon,
                     u.position.heading, freshness(u.position.at, now, THRESHOLDS))
            for u in hall.units.values() if u.position is not None]


def county_grids() -> list[GridShape]:
    load = read_geojson(GRIDS_FILE)
    if load.problems:
        raise SystemExit(f"{GRIDS_FILE}: {' '.join(load.problems)}")
    return [GridShape(f.id, f.name, str(f.properties.get("station", "")), f.polygons)
            for f in load.features]


# --- painting, counted ---------------------------------------------------------------------------


def dart_path() -> QPainterPath:
    """A 13 px dart pointing up (north at rotation 0), in pixels: drawn ignoring the view's
    scale, as the map's pxMode symbols are."""
    path = QPainterPath()
    s = SYMBOL_PX
    path.moveTo(0, -0.6 * s)
    path.lineTo(0.42 * s, 0.45 * s)
    path.lineTo(0, 0.22 * s)
    path.lineTo(-0.42 * s, 0.45 * s)
    path.closeSubpath()
    return path


class NaiveMap(QGraphicsView):
    """One QGraphicsPathItem per unit in a plain QGraphicsScene: what the map would be
    without grouping. It shows what ours shows (status colour, freshness look, heading)."""

    def __init__(self, grids: Sequence[GridShape], projection: LocalProjection) -> None:
        super().__init__()
        self.projection = projection
        self.setScene(QGraphicsScene(self))
        # As pyqtgraph's view: no frame or scroll bars, the same background, no antialiasing.
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setBackgroundBrush(QColor(BACKGROUND))
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        pen = QPen(QColor(GRID_OUTLINE))
        pen.setCosmetic(True)
        for grid in grids:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for polygon in grid.polygons:
                for ring in polygon:
                    xy = projection.ring_to_xy(ring)
                    path.moveTo(*xy[0])
                    for x, y in xy[1:]:
                        path.lineTo(x, y)
                    path.closeSubpath()
            item = QGraphicsPathItem(path)
            item.setPen(pen)
            item.setZValue(-10)
            self.scene().addItem(item)
        self.dart = dart_path()
        self.items_by_id: dict[str, QGraphicsPathItem] = {}
        self.looks: dict[tuple[str, str], tuple[QBrush, QPen]] = {}

    def show_area(self, centre_x: float, centre_y: float, m_per_px: float) -> None:
        """The same centre and scale as the map under test (y flipped: north up)."""
        self.setTransform(QTransform.fromScale(1 / m_per_px, -1 / m_per_px))
        self.centerOn(centre_x, centre_y)

    def look(self, status: str, fresh: str) -> tuple[QBrush, QPen]:
        """Brush and pen as the map's groups have them, cached (naive, not wasteful)."""
        key = (status, fresh)
        if key not in self.looks:
            swatch = UNIT_STATUS_COLORS.get(status)
            colour = QColor(swatch.background if swatch else SECONDARY_TEXT)
            pen = QPen(QColor("#e6edf3"), 1.0)
            brush = QBrush(colour)
            if fresh == "ageing":
                colour.setAlpha(190)
                brush = QBrush(colour)
            elif fresh == "stale":
                grey = QColor(SECONDARY_TEXT)
                grey.setAlpha(150)
                brush = QBrush(grey)
                pen = QPen(colour, 1.6, Qt.PenStyle.DashLine)
            elif fresh == "lost":
                brush = QBrush(Qt.BrushStyle.NoBrush)
                pen = QPen(colour, 2.0, Qt.PenStyle.DotLine)
            pen.setCosmetic(True)
            self.looks[key] = (brush, pen)
        return self.looks[key]

    def set_units(self, units: Sequence[UnitMark]) -> None:
        """A batch replaces the whole set, as ``GridMapView.set_units``: every unit's item
        is moved, turned and restyled; items of units no longer in the batch go."""
        proj = self.projection
        scene = self.scene()
        seen = set()
        for unit in units:
            item = self.items_by_id.get(unit.id)
            if item is None:
                item = QGraphicsPathItem(self.dart)
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                item.setZValue(10)
                scene.addItem(item)
                self.items_by_id[unit.id] = item
            item.setPos(*proj.to_xy(unit.lat, unit.lon))
            item.setRotation(unit.heading if unit.heading is not None else 0.0)
            brush, pen = self.look(unit.status, unit.freshness)
            item.setBrush(brush)
            item.setPen(pen)
            seen.add(unit.id)
        for uid in [u for u in self.items_by_id if u not in seen]:
            scene.removeItem(self.items_by_id.pop(uid))


# --- timing --------------------------------------------------------------------------------------


class Timings:
    """Per-step milliseconds of the three parts of one update."""

    def __init__(self) -> None:
        self.build: list[float] = []
        self.set: list[float] = []
        self.paint: list[float] = []

    @property
    def update(self) -> list[float]:
        return [b + s + p for b, s, p in zip(self.build, self.set, self.paint, strict=True)]

    def drop_warmup(self, n: int) -> None:
        del self.build[:n], self.set[:n], self.paint[:n]


class OursFed:
    """Our map fed as the pane feeds it: the hall's change set into ``MapUnits``, the
    columns with every unit's freshness into the view."""

    def __init__(self, fleet: Fleet, view: GridMapView) -> None:
        self.fleet = fleet
        self.view = view
        self.units = MapUnits()
        self.units.reset(fleet.hall.units.values())
        self.changes = ChangeSet()

    def build(self) -> UnitColumns:
        self.units.put(self.changes.units)
        self.units.move(self.changes.moves)
        return self.units.columns(self.units.freshness(self.fleet.now, THRESHOLDS))

    def apply(self, columns: UnitColumns) -> None:
        self.view.set_unit_columns(columns)


def timed_update(app: QApplication, build: Callable[[], Any], apply: Callable[[Any], None],
                 counter: PaintCounter, into: Timings) -> int:
    """Build, set and paint once; the number of paints that followed outside the timed
    region (0 when the timed paint was the only one this update caused)."""
    t0 = time.perf_counter()
    batch = build()
    t1 = time.perf_counter()
    apply(batch)
    t2 = time.perf_counter()
    paint_now(app, counter)
    t3 = time.perf_counter()
    into.build.append((t1 - t0) * 1000)
    into.set.append((t2 - t1) * 1000)
    into.paint.append((t3 - t2) * 1000)
    after = counter.count
    app.processEvents()  # anything left over is not the update's paint: counted, not timed
    return counter.count - after


def hall_step(fleet: Fleet, fed: OursFed, into: list[float]) -> None:
    """One simulated second applied to the hall (timed apart: both maps read the result)."""
    changes = fleet.step()
    t0 = time.perf_counter()
    fleet.hall.apply(changes)
    into.append((time.perf_counter() - t0) * 1000)
    fed.changes = changes


# --- the run -------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--units", type=int, default=UNITS)
    ap.add_argument("--steps", type=int, default=STEPS, help="measured steps per case")
    ap.add_argument("--profile", action="store_true",
                    help="also run the map's steps under cProfile and print the top costs")
    args = ap.parse_args()
    # Wide enough for both maps side by side: a map covered by the other would be flushed
    # to the screen only in part, which would flatter whichever is underneath.
    run_on_display(SCREEN, lambda: run(args))


def run(args: argparse.Namespace) -> None:
    started = time.monotonic()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    grids = county_grids()
    bounds = bounds_of([ring for g in grids for p in g.polygons for ring in p])
    assert bounds is not None
    fleet = Fleet(args.units, bounds, SEED)

    ours = GridMapView()
    ours.setGeometry(0, 0, WINDOW_W, WINDOW_H)
    ours.show()
    ours.set_grids(grids)
    ours_paints = PaintCounter(ours.plot.viewport())
    fed = OursFed(fleet, ours)
    fed.apply(fed.build())  # the first batch places the units (not timed: start-up)
    settle(app, 0.5)  # shown, laid out and fitted (auto-fit runs after the first resize)
    assert ours.projection is not None
    fit_m_per_px = ours.metres_per_pixel()
    centre = ours.vb.viewRect().center()

    naive = NaiveMap(grids, ours.projection)
    naive.setGeometry(WINDOW_W + 20, 0, WINDOW_W, WINDOW_H)
    naive.show()
    overlap = overlapping(ours, naive)
    if overlap:
        print(f"note: the screen is too small for both maps side by side ({overlap});"
              " they overlap", file=sys.stderr, flush=True)
    naive.show_area(centre.x(), centre.y(), fit_m_per_px)
    naive_paints = PaintCounter(naive.viewport())
    settle(app, 0.3)

    gc.collect()
    gc.freeze()  # as GcPacer: start-up's objects are out of the collector's sight

    # Whole county: ours and the naive map alternate who goes first in each step.
    fit, base = Timings(), Timings()
    hall_ms: list[float] = []
    extra = {"ours": 0, "baseline": 0}
    print("whole county …", file=sys.stderr, flush=True)

    def naive_build() -> list[UnitMark]:
        return naive_marks(fleet.hall, fleet.now)

    for step in range(WARMUP + args.steps):
        hall_step(fleet, fed, hall_ms)
        pair = [("ours", fed.build, fed.apply, ours_paints, fit),
                ("baseline", naive_build, naive.set_units, naive_paints, base)]
        for name, build, apply, counter, into in pair if step % 2 == 0 else reversed(pair):
            extra[name] += timed_update(app, build, apply, counter, into)
            settle(app, GAP_S)
    fit.drop_warmup(WARMUP)
    base.drop_warmup(WARMUP)
    styles_drawn = sum(1 for n in ours.units_item.counts().values() if n)

    profile_text = ""
    if args.profile:
        profile_text = profile_steps(app, fleet, fed, ours_paints, args.steps, hall_ms)

    # Zoomed in on the county's middle: callsigns shown and rebuilt with every batch.
    naive.hide()
    lon, lat = bounds.centre
    ours.centre_on(lat, lon, metres_per_px=ZOOM_M_PER_PX)
    settle(app, 0.4)  # the map's debounced zoom work (120 ms) has run
    zoom_m_per_px = ours.metres_per_pixel()
    zoomed = Timings()
    print("zoomed in …", file=sys.stderr, flush=True)
    for _ in range(WARMUP + args.steps):
        hall_step(fleet, fed, hall_ms)
        extra["ours"] += timed_update(app, fed.build, fed.apply, ours_paints, zoomed)
        settle(app, GAP_S)
    zoomed.drop_warmup(WARMUP)
    callsigns = len(ours.callsigns_item.texts())
    rect = ours.vb.viewRect()
    in_view = sum(1 for u in ours.units.marks()
                  if rect.contains(QPointF(*ours.xy(u.lat, u.lon))))
    gc.unfreeze()

    u, z, b = stats(fit.update), stats(zoomed.update), stats(base.update)
    result: dict[str, Any] = {
        "benchmark": "map", "units": args.units, "grids": len(grids), "steps": args.steps,
        "window": f"{WINDOW_W}x{WINDOW_H}", "maps_overlap": bool(overlap),
        "m_per_px": round(fit_m_per_px, 2),
        "unit_styles_drawn": styles_drawn,
        "update_ms_p50": u["p50"], "update_ms_p99": u["p99"], "update_ms_max": u["max"],
        "build_ms_p50": stats(fit.build)["p50"], "set_ms_p50": stats(fit.set)["p50"],
        "set_ms_p99": stats(fit.set)["p99"], "paint_ms_p50": stats(fit.paint)["p50"],
        "paint_ms_p99": stats(fit.paint)["p99"],
        "zoomed_m_per_px": round(zoom_m_per_px, 2), "zoomed_units_in_view": in_view,
        "zoomed_callsigns": callsigns,
        "zoomed_update_ms_p50": z["p50"], "zoomed_update_ms_p99": z["p99"],
        "zoomed_update_ms_max": z["max"], "zoomed_set_ms_p50": stats(zoomed.set)["p50"],
        "zoomed_paint_ms_p50": stats(zoomed.paint)["p50"],
        "baseline": "QGraphicsScene/QGraphicsView, one QGraphicsPathItem dart per unit "
                    "(setPos, setRotation, setBrush, setPen each batch), grid outlines as "
                    "QGraphicsPathItems",
        "baseline_update_ms_p50": b["p50"], "baseline_update_ms_p99": b["p99"],
        "baseline_update_ms_max": b["max"],
        "baseline_set_ms_p50": stats(base.set)["p50"],
        "baseline_paint_ms_p50": stats(base.paint)["p50"],
        "ratio_update_p50": round(u["p50"] / b["p50"], 2),
        "hall_apply_ms_p50": stats(hall_ms)["p50"], "hall_apply_ms_p99": stats(hall_ms)["p99"],
        "extra_paints": extra,
        "goal_ms": GOAL_MS,
        "runtime_s": round(time.monotonic() - started, 1),
    }
    report(result, fit, zoomed, base)
    if profile_text:
        print(profile_text, file=sys.stderr, flush=True)
    print(json.dumps(result, ensure_ascii=False), flush=True)


def profile_steps(app: QApplication, fleet: Fleet, fed: OursFed, counter: PaintCounter,
                  steps: int, hall_ms: list[float]) -> str:
    """Our whole-county update under cProfile (own and cumulative time, top entries)."""
    print("profiling …", file=sys.stderr, flush=True)
    profiler = cProfile.Profile()
    sink = Timings()
    for _ in range(steps):
        hall_step(fleet, fed, hall_ms)
        profiler.enable()
        timed_update(app, fed.build, fed.apply, counter, sink)
        settle(app, GAP_S)
        profiler.disable()
    out = io.StringIO()
    st = pstats.Stats(profiler, stream=out)
    st.sort_stats("tottime").print_stats(18)
    st.sort_stats("cumulative").print_stats(22)
    return f"cProfile over {steps} whole-county updates:\n{out.getvalue()}"


def report(r: dict[str, Any], fit: Timings, zoomed: Timings, base: Timings) -> None:
    print(f"Grid map: {r['units']} units, {r['grids']} grids, {r['window']} window,"
          f" {r['steps']} steps after {WARMUP} warm-up; whole county at {r['m_per_px']} m/px"
          f" ({r['unit_styles_drawn']} unit styles in one item),"
          f" zoomed at {r['zoomed_m_per_px']} m/px"
          f" ({r['zoomed_units_in_view']} units in view, {r['zoomed_callsigns']} callsigns)")
    head = f"{'ms per update':<26}|{'p50':>8}{'p99':>8}{'max':>8}{'mean':>8}"
    print(head)
    print("-" * len(head))
    for label, t in (("ours, whole county", fit), ("ours, zoomed 5 m/px", zoomed),
                     ("naive items, whole county", base)):
        for part, values in (("update", t.update), ("  build", t.build),
                             ("  set", t.set), ("  paint", t.paint)):
            f = stats(values)
            name = f"{label}" if part == "update" else part
            print(f"{name:<26}|{f['p50']:>8}{f['p99']:>8}{f['max']:>8}{f['mean']:>8}")
    print(f"the hall's state taking each second's change set (both maps read it, not in"
          f" the update): p50 {r['hall_apply_ms_p50']} ms, p99 {r['hall_apply_ms_p99']} ms")
    verdict = "meets" if r["update_ms_p50"] <= GOAL_MS else "misses"
    print(f"ours / naive (p50): {r['ratio_update_p50']}; goal ≤ {GOAL_MS:g} ms per update:"
          f" {verdict} at p50; paints outside the timed region: {r['extra_paints']};"
          f" runtime {r['runtime_s']} s")


if __name__ == "__main__":
    main()
