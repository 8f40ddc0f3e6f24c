"""Unit status board: 2,000 units with 200 status changes a second — time per batch applied
to the real ``UnitBoardModel`` and painted in a QTableView (goal ≤ 10 ms per batch), beside a
naive board (QStandardItemModel behind a QSortFilterProxyModel, the baseline) measured in the
same run on the same batches.

Each simulated second 200 distinct units get a new status the hall's rule allows
(``allowed_next_statuses``; an available unit is as often dispatched, as dispatches do), with
the next version and ``status_since`` at that second. The new ``Unit`` objects are made with
``model_copy`` before the timed region (the sync engine hands them over made). One batch is
then what a board does once a second:

- ours (the pane's path): ``model.apply(False, changed)`` and the pane's 1 s ``model.tick(now)``
  (timers run, units turning overdue move to the top of their status) — ``set`` — then the
  paint that follows (``paint``). The model has the workstation's overdue rule
  (``desktop.state.unit_timers.overdue`` with the default ``StatusTargets``) and a simulated
  clock that advances one second per batch. The view is the board's own ``UnitTable`` (every
  cell painted by its ``BoardCellDelegate``, sorted by status, one row selected);
- the naive board: the same 9 columns' texts (``cell_text``) in a QStandardItemModel shown
  through a QSortFilterProxyModel with dynamic sorting on a hidden key (status rank, then
  callsign, in the status item's ``KEY_ROLE``), so its rows keep the board's order. Per batch
  each changed unit's row is found (id → its callsign item → ``row()``) and its 9 items get
  ``setText``, the status item its colour and sort key (``set``); then every row's "in status"
  text is set, which is what a naive board must do to make its timers tick; then the paint.

The paint is Qt's own: events are processed until the view's viewport has received its Paint
event (an event filter counts them), so it is timed inside the batch and happens exactly once;
paints that follow outside the timed region are counted (``extra_paints``). The two windows
stand side by side on one wide screen, neither covering the other; which board goes first
alternates each step (neither always runs on a warm cache) and a 30 ms pause follows each
timed batch so the X server has finished one window's picture before the other's is timed.

Figures are p50/p99/max over the measured steps after 5 warm-up steps; ``batch`` is ``set`` +
``paint`` (building the batch is not timed). The long-lived state is frozen out of the cycle
collector first, as the workstation's ``GcPacer`` does.

Usage: .venv/bin/python tests/benchmarks/bench_units.py [--units N] [--changes N] [--steps N]
[--profile]
Starts its own Xvfb when there is no DISPLAY. The last line printed is one JSON object; the
lines before it on stdout are a readable table (progress and profiles go to stderr). The goal
is reported, not asserted: the machine this runs on is small and shared, one run is one sample.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import random
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
)

from backend_client import schemas as s  # noqa: E402
from backend_client.unit_rules import allowed_next_statuses  # noqa: E402
from desktop.state import unit_timers  # noqa: E402
from tests.benchmarks.display import run_on_display  # noqa: E402
from tests.benchmarks.painting import (  # noqa: E402
    PaintCounter,
    display_floor,
    overlapping,
    paint_now,
    settle,
    stats,
)
from widgets.colors import UNIT_STATUS_COLORS  # noqa: E402
from widgets.unit_board.columns import (  # noqa: E402
    STATUS_RANK,
    BoardContext,
    Column,
    cell_text,
    header_label,
)
from widgets.unit_board.model import UnitBoardModel  # noqa: E402
from widgets.unit_board.table import COLUMN_WIDTHS, UnitTable  # noqa: E402

WINDOW_W, WINDOW_H = 1600, 900
UNITS = 2000
CHANGES = 200  # status changes per second
STEPS = 60
WARMUP = 5
GOAL_MS = 10.0
SEED = 20261129
BASE_TIME = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
# A working evening: most units free or busy, a fair share on alarms.
STATUS_MIX = {"available": 0.35, "dispatched": 0.06, "en_route": 0.09, "on_scene": 0.15,
              "busy": 0.15, "out_of_service": 0.07, "off_duty": 0.13}
DISPATCH_SHARE = 0.5  # an available unit changing status is dispatched this often
MAX_IN_STATUS_S = 1800.0  # at the start, units have had their status up to 30 min
MAX_POSITION_AGE_S = 90.0
CITIES = ["Frankfurt", "Offenbach", "Hanau", "Darmstadt", "Wiesbaden", "Mainz", "Bad Homburg",
          "Oberursel"]
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the naive board's hidden sort key
TARGETS = unit_timers.StatusTargets()
CTX = BoardContext()
SCREEN = f"{2 * WINDOW_W + 40}x{WINDOW_H + 60}x24"
GAP_S = 0.03  # between two timed updates: the X server finishes the last one's picture


# --- the hall's units ----------------------------------------------------------------------------


class Fleet:
    """The hall's units and a simulated clock; each step is one second's status changes
    (the simulation is not timed)."""

    def __init__(self, n: int, changes: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.changes = min(changes, n)
        self.now = BASE_TIME
        statuses = self.rng.choices(list(STATUS_MIX), weights=list(STATUS_MIX.values()), k=n)
        self.units: dict[str, s.Unit] = {}
        for i, status in enumerate(statuses):
            unit = s.Unit.model_validate({
                "id": f"U{i:05d}", "version": 1,
                "callsign": f"{CITIES[i % len(CITIES)]} {i // len(CITIES) + 1}/{i % 7 + 1}",
                "kind": s.UNIT_KINDS[self.rng.randrange(len(s.UNIT_KINDS))],
                "status": status,
                "status_since": BASE_TIME - timedelta(
                    seconds=self.rng.uniform(0.0, MAX_IN_STATUS_S)),
                "alarm_id": None, "home_grid_id": f"G{i % 132:03d}",
                "position": {"lat": 50.1 + self.rng.uniform(-0.2, 0.2),
                             "lon": 8.68 + self.rng.uniform(-0.3, 0.3),
                             "heading": self.rng.uniform(0.0, 360.0), "speed": 0.0,
                             "at": BASE_TIME - timedelta(
                                 seconds=self.rng.uniform(0.0, MAX_POSITION_AGE_S))},
                "members": [f"officer-{2 * i + 1}", f"officer-{2 * i + 2}"],
                "radio_channel": f"TG-{101 + i % 40}"})
            self.units[unit.id] = unit
        self.ids = list(self.units)

    def step(self) -> list[s.Unit]:
        """One second: the units whose status changed, as their new versions."""
        self.now += timedelta(seconds=1)
        changed = []
        for uid in self.rng.sample(self.ids, self.changes):
            unit = self.units[uid]
            if unit.status == "available" and self.rng.random() < DISPATCH_SHARE:
                status = "dispatched"
            else:
                status = self.rng.choice(allowed_next_statuses(unit.status))
            new = unit.model_copy(update={"status": status, "version": unit.version + 1,
                                          "status_since": self.now})
            self.units[uid] = new
            changed.append(new)
        return changed


# --- painting, counted ---------------------------------------------------------------------------


def setup_view(view: QTableView) -> None:
    """What ``UnitTable`` sets on its view, for the naive board."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    for column, width in COLUMN_WIDTHS.items():
        view.setColumnWidth(column, width)
    view.setSortingEnabled(True)
    header.setSortIndicator(Column.STATUS, Qt.SortOrder.AscendingOrder)


# --- the two boards ------------------------------------------------------------------------------


class OurBoard:
    """``UnitBoardModel`` with the overdue rule and the simulated clock, in the board's own
    ``UnitTable``."""

    def __init__(self, fleet: Fleet) -> None:
        self.fleet = fleet
        self.model = UnitBoardModel(
            now=lambda: fleet.now,
            overdue=lambda u, now: unit_timers.overdue(u, now, TARGETS),
            due_in=lambda u, now: unit_timers.seconds_to_overdue(u, now, TARGETS))
        self.model.apply(True, list(fleet.units.values()))
        self.layouts = 0
        self.model.layoutChanged.connect(self._count_layout)
        self.view = UnitTable(self.model)
        self.changed: list[s.Unit] = []

    def _count_layout(self) -> None:
        self.layouts += 1

    def update(self) -> None:
        self.model.apply(False, self.changed)
        self.model.tick(self.fleet.now)

    def texts(self, uid: str) -> tuple[str, str]:
        row = self.model.row_of(uid)
        assert row is not None
        return (str(self.model.index(row, Column.STATUS).data()),
                str(self.model.index(row, Column.IN_STATUS).data()))


class NaiveBoard:
    """The same columns' texts in a QStandardItemModel, sorted by a QSortFilterProxyModel on
    a hidden key (status rank, then callsign), dynamically."""

    def __init__(self, fleet: Fleet) -> None:
        self.fleet = fleet
        self.units = dict(fleet.units)
        self.brushes = {st: QBrush(sw.background_color()) for st, sw in
                        UNIT_STATUS_COLORS.items()}
        self.model = QStandardItemModel(0, len(Column))
        self.model.setHorizontalHeaderLabels([header_label(c) for c in Column])
        self.items: dict[str, QStandardItem] = {}  # unit id → its callsign item
        for unit in self.units.values():
            row = [QStandardItem(cell_text(c, unit, fleet.now, CTX)) for c in Column]
            for item in row:
                item.setEditable(False)
            self.style_status(row[Column.STATUS], unit)
            self.model.appendRow(row)
            self.items[unit.id] = row[Column.CALLSIGN]
        # Source rows never move (the proxy sorts): the unit of each row, in append order.
        self.units_by_row = list(self.units)
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(KEY_ROLE)
        self.proxy.setDynamicSortFilter(True)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        setup_view(self.view)  # sorts the proxy by the status column's KEY_ROLE
        self.changed: list[s.Unit] = []

    def style_status(self, item: QStandardItem, unit: s.Unit) -> None:
        item.setBackground(self.brushes[unit.status])
        item.setData(f"{STATUS_RANK[unit.status]:02d}\t{unit.callsign.casefold()}\t{unit.id}",
                     KEY_ROLE)

    def update(self) -> None:
        now = self.fleet.now
        model = self.model
        for unit in self.changed:
            self.units[unit.id] = unit
            row = self.items[unit.id].row()
            for column in Column:
                model.item(row, column).setText(cell_text(column, unit, now, CTX))
            self.style_status(model.item(row, Column.STATUS), unit)
        # The timers tick: every row's "in status" text, once a second.
        units = self.units
        for row, uid in enumerate(self.units_by_row):
            model.item(row, Column.IN_STATUS).setText(
                cell_text(Column.IN_STATUS, units[uid], now, CTX))

    def texts(self, uid: str) -> tuple[str, str]:
        row = self.items[uid].row()
        return (self.model.item(row, Column.STATUS).text(),
                self.model.item(row, Column.IN_STATUS).text())

    def order_ok(self) -> bool:
        keys = [str(self.proxy.index(r, Column.STATUS).data(KEY_ROLE))
                for r in range(self.proxy.rowCount())]
        return keys == sorted(keys)


# --- timing --------------------------------------------------------------------------------------


class Timings:
    """Per-step milliseconds of the two parts of one batch."""

    def __init__(self) -> None:
        self.set: list[float] = []
        self.paint: list[float] = []

    @property
    def batch(self) -> list[float]:
        return [a + b for a, b in zip(self.set, self.paint, strict=True)]

    def drop_warmup(self, n: int) -> None:
        del self.set[:n], self.paint[:n]


def timed_update(app: QApplication, update: Callable[[], None], counter: PaintCounter,
                 into: Timings) -> int:
    """Set and paint once; the number of paints that followed outside the timed region
    (0 when the timed paint was the only one this batch caused)."""
    t0 = time.perf_counter()
    update()
    t1 = time.perf_counter()
    paint_now(app, counter)
    t2 = time.perf_counter()
    into.set.append((t1 - t0) * 1000)
    into.paint.append((t2 - t1) * 1000)
    after = counter.count
    app.processEvents()  # anything left over is not the batch's paint: counted, not timed
    return counter.count - after


# --- the run -------------------------------------------------------------------------------------


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--units", type=int, default=UNITS)
    ap.add_argument("--changes", type=int, default=CHANGES, help="status changes per batch")
    ap.add_argument("--steps", type=int, default=STEPS, help="measured steps")
    ap.add_argument("--profile", action="store_true",
                    help="also run our board's batches under cProfile and print the top costs")
    args = ap.parse_args()
    # Wide enough for both boards side by side: a window covered by the other would be
    # flushed to the screen only in part, which would flatter whichever is underneath.
    run_on_display(SCREEN, lambda: run(args))


def run(args: argparse.Namespace) -> None:
    started = time.monotonic()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    fleet = Fleet(args.units, args.changes, SEED)

    ours = OurBoard(fleet)
    ours.view.setGeometry(0, 0, WINDOW_W, WINDOW_H)
    ours.view.show()
    ours.view.selectRow(5)  # a selected unit stays selected: the persistent-index path
    naive = NaiveBoard(fleet)
    naive.view.setGeometry(WINDOW_W + 20, 0, WINDOW_W, WINDOW_H)
    naive.view.show()
    naive.view.selectRow(5)
    overlap = overlapping(ours.view, naive.view)
    if overlap:
        print(f"note: the screen is too small for both boards side by side ({overlap});"
              " they overlap", file=sys.stderr, flush=True)
    ours_paints = PaintCounter(ours.view.viewport())
    naive_paints = PaintCounter(naive.view.viewport())
    settle(app, 0.5)

    gc.collect()
    gc.freeze()  # as GcPacer: start-up's objects are out of the collector's sight

    mine, base = Timings(), Timings()
    extra = {"ours": 0, "baseline": 0}
    layouts_before = 0
    print(f"{WARMUP + args.steps} batches …", file=sys.stderr, flush=True)
    for step in range(WARMUP + args.steps):
        if step == WARMUP:
            layouts_before = ours.layouts
        changed = fleet.step()
        ours.changed = naive.changed = changed
        pair = [("ours", ours.update, ours_paints, mine),
                ("baseline", naive.update, naive_paints, base)]
        for name, update, counter, into in pair if step % 2 == 0 else reversed(pair):
            extra[name] += timed_update(app, update, counter, into)
            settle(app, GAP_S)
    mine.drop_warmup(WARMUP)
    base.drop_warmup(WARMUP)
    layouts = ours.layouts - layouts_before

    # Both boards show the same: every unit's status and "in status" text agree.
    mismatches = sum(1 for uid in fleet.ids if ours.texts(uid) != naive.texts(uid))
    order_ok = naive.order_ok()
    overdue_units = ours.model.overdue_count()
    selected = ours.view.selectionModel().selectedRows()
    gc.unfreeze()
    floor = stats(display_floor(app, ours.view, args.steps, GAP_S))

    profile_text = ""
    if args.profile:
        profile_text = profile_steps(app, fleet, ours, ours_paints, args.steps)

    b, n = stats(mine.batch), stats(base.batch)
    result: dict[str, Any] = {
        "benchmark": "units", "units": args.units, "changes_per_batch": fleet.changes,
        "steps": args.steps, "window": f"{WINDOW_W}x{WINDOW_H}",
        "windows_overlap": bool(overlap),
        "batch_ms_p50": b["p50"], "batch_ms_p99": b["p99"], "batch_ms_max": b["max"],
        "set_ms_p50": stats(mine.set)["p50"], "set_ms_p99": stats(mine.set)["p99"],
        "paint_ms_p50": stats(mine.paint)["p50"], "paint_ms_p99": stats(mine.paint)["p99"],
        "baseline": "QStandardItemModel (9 text columns from cell_text, status item with its "
                    "colour as background) behind a QSortFilterProxyModel with dynamic sort "
                    "on a hidden key (status rank, callsign) in QTableView; per batch setText "
                    "of the changed units' 9 items + status colour and key, then setText of "
                    "every row's 'in status' item (position column not refreshed); default "
                    "delegate",
        "baseline_batch_ms_p50": n["p50"], "baseline_batch_ms_p99": n["p99"],
        "baseline_batch_ms_max": n["max"],
        "baseline_set_ms_p50": stats(base.set)["p50"],
        "baseline_paint_ms_p50": stats(base.paint)["p50"],
        "ratio_batch_p50": round(b["p50"] / n["p50"], 3),
        "display_floor_ms_p50": floor["p50"], "display_floor_ms_p99": floor["p99"],
        "goal_ms": GOAL_MS,
        "layouts_per_batch": round(layouts / args.steps, 2),
        "overdue_units_at_end": overdue_units,
        "selection_kept": len(selected) == 1,
        "text_mismatches": mismatches, "baseline_order_sorted": order_ok,
        "extra_paints": extra,
        "runtime_s": round(time.monotonic() - started, 1),
    }
    report(result, mine, base)
    if profile_text:
        print(profile_text, file=sys.stderr, flush=True)
    print(json.dumps(result, ensure_ascii=False), flush=True)


def profile_steps(app: QApplication, fleet: Fleet, ours: OurBoard, counter: PaintCounter,
                  steps: int) -> str:
    """Our batches (set and paint) under cProfile (own and cumulative time, top entries)."""
    print("profiling …", file=sys.stderr, flush=True)
    profiler = cProfile.Profile()
    sink = Timings()
    for _ in range(steps):
        ours.changed = fleet.step()
        profiler.enable()
        timed_update(app, ours.update, counter, sink)
        profiler.disable()
        settle(app, GAP_S)
    out = io.StringIO()
    st = pstats.Stats(profiler, stream=out)
    st.sort_stats("tottime").print_stats(18)
    st.sort_stats("cumulative").print_stats(22)
    return f"cProfile over {steps} batches of our board:\n{out.getvalue()}"


def report(r: dict[str, Any], mine: Timings, base: Timings) -> None:
    print(f"Unit board: {r['units']} units, {r['changes_per_batch']} status changes per batch,"
          f" {r['window']} window, {r['steps']} steps after {WARMUP} warm-up")
    head = f"{'ms per batch':<26}|{'p50':>8}{'p99':>8}{'max':>8}{'mean':>8}"
    print(head)
    print("-" * len(head))
    for label, t in (("ours (UnitBoardModel)", mine), ("naive (QStandardItemModel)", base)):
        for part, values in (("batch", t.batch), ("  set", t.set), ("  paint", t.paint)):
            f = stats(values)
            name = label if part == "batch" else part
            print(f"{name:<26}|{f['p50']:>8}{f['p99']:>8}{f['max']:>8}{f['mean']:>8}")
    print(f"{'empty window repainted':<26}|{r['display_floor_ms_p50']:>8}"
          f"{r['display_floor_ms_p99']:>8}   (the display's share of any paint here)")
    verdict = "meets" if r["batch_ms_p50"] <= GOAL_MS else "misses"
    print(f"ours / naive (p50): {r['ratio_batch_p50']}; goal ≤ {GOAL_MS:g} ms per batch:"
          f" {verdict} at p50 ({'meets' if r['batch_ms_p99'] <= GOAL_MS else 'misses'} at"
          f" p99); layouts per batch {r['layouts_per_batch']}, {r['overdue_units_at_end']}"
          f" overdue at the end; texts differing between the boards:"
          f" {r['text_mismatches']}; paints outside the timed region: {r['extra_paints']};"
          f" runtime {r['runtime_s']} s")


if __name__ == "__main__":
    main()
