"""Alarm queue model: sort and filter over 100,000 open alarms, and a flood batch into a full
queue — beside the same sort and filter through QSortFilterProxyModel over a
QStandardItemModel holding the same texts (the baseline), measured in the same run.

Not yet measured here (they need the alarm workflow's flood harness, issue 4): push → painted
row latency and the UI stall during a 200 alarms/s flood; their keys are null.

Usage: .venv/bin/python tests/benchmarks/bench_alarms.py [--alarms N]
Runs offscreen (no display needed). The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QRegularExpression, QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from backend_client.schemas import Alarm  # noqa: E402
from tests.factories import BASE_TIME, make_alarm  # noqa: E402
from widgets.alarm_queue import AlarmFilter, AlarmQueueModel  # noqa: E402
from widgets.alarm_queue.columns import Column  # noqa: E402

TITLES = ["一键报警", "门磁报警", "周界入侵报警", "110接警：求助", "110接警：纠纷", "交通事故",
          "烟感报警", "车辆违停", "布控比中", "设备离线"]
STREETS = ["洪兴路", "中山路", "南湖大道", "城南路", "庆丰路", "越秀路", "禾兴路", "文昌路"]
KINDS = ["panic", "intrusion", "call", "traffic", "fire", "other"]


def make_alarms(n: int, first: int = 0) -> list[Alarm]:
    template = make_alarm(id="A0", priority=2)
    out = []
    for i in range(first, first + n):
        out.append(template.model_copy(update={
            "id": f"A{i:07d}", "priority": 1 + i % 4, "kind": KINDS[i % len(KINDS)],
            "title": f"{TITLES[i % len(TITLES)]} {i}",
            "location": template.location.model_copy(update={
                "address": f"{STREETS[i % len(STREETS)]}{i % 997}号"}),
            "grid_id": f"G{i % 130:03d}",
            "created_at": BASE_TIME + timedelta(milliseconds=(i * 7919) % 10_000_000),
        }))
    return out


def timed(fn: object, repeat: int = 3) -> float:
    """Median wall time of ``fn()`` in ms."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--alarms", type=int, default=100_000)
    args = ap.parse_args()
    app = QApplication.instance() or QApplication([])
    alarms = make_alarms(args.alarms)

    model = AlarmQueueModel(now=lambda: BASE_TIME + timedelta(hours=3))
    model.apply(True, alarms)
    sorts = iter([(Column.TITLE, Qt.SortOrder.AscendingOrder),
                  (Column.ADDRESS, Qt.SortOrder.DescendingOrder),
                  (Column.TITLE, Qt.SortOrder.DescendingOrder)])
    sort_ms = timed(lambda: model.sort(*next(sorts)))
    texts = iter(["交通", "中山路", "布控"])
    filter_ms = timed(lambda: model.set_filter(AlarmFilter(text=next(texts))))
    model.set_filter(AlarmFilter())

    queue = AlarmQueueModel(now=lambda: BASE_TIME)
    queue.apply(True, alarms[:10_000])
    batch = make_alarms(500, first=args.alarms + 1)
    t0 = time.perf_counter()
    queue.apply(False, batch)
    batch_ms = (time.perf_counter() - t0) * 1000

    # Baseline: the same texts in a QStandardItemModel behind a QSortFilterProxyModel.
    t0 = time.perf_counter()
    std = QStandardItemModel(0, 4)
    for a in alarms:
        std.appendRow([QStandardItem(str(a.priority)), QStandardItem(a.title),
                       QStandardItem(a.location.address or ""), QStandardItem(a.grid_id or "")])
    build_baseline_ms = (time.perf_counter() - t0) * 1000
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(std)
    proxy.setFilterKeyColumn(-1)
    order = iter([(1, Qt.SortOrder.AscendingOrder), (2, Qt.SortOrder.DescendingOrder),
                  (1, Qt.SortOrder.DescendingOrder)])
    baseline_sort_ms = timed(lambda: proxy.sort(*next(order)))
    patterns = iter(["交通", "中山路", "布控"])
    baseline_filter_ms = timed(lambda: proxy.setFilterRegularExpression(
        QRegularExpression(QRegularExpression.escape(next(patterns)))))
    del app
    result = {
        "benchmark": "alarms",
        "alarms": args.alarms,
        "sort_100k_ms": round(sort_ms, 1),
        "filter_100k_ms": round(filter_ms, 1),
        "batch_500_into_10k_ms": round(batch_ms, 1),
        "baseline": "QSortFilterProxyModel over QStandardItemModel (4 text columns)",
        "baseline_sort_100k_ms": round(baseline_sort_ms, 1),
        "baseline_filter_100k_ms": round(baseline_filter_ms, 1),
        "baseline_build_ms": round(build_baseline_ms, 1),
        "ratio_sort": round(sort_ms / baseline_sort_ms, 2),
        "ratio_filter": round(filter_ms / baseline_filter_ms, 2),
        "goal_ms": 100,
        "latency_p50_ms": None,
        "latency_p99_ms": None,
        "max_ui_stall_ms": None,
        "not_measured": "push-to-paint latency and UI stall under a 200/s flood (issue 4)",
    }
    print(f"sort {sort_ms:.0f} ms, filter {filter_ms:.0f} ms (baseline {baseline_sort_ms:.0f} /"
          f" {baseline_filter_ms:.0f} ms); 500 into 10k: {batch_ms:.1f} ms", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
