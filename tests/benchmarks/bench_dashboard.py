"""Dashboard figures over 1,000,000 cached alarms: the full recompute (the cache's two indexed
selects, then ``KpiBook.load`` and ``figures``) and the incremental update per change set
(``apply`` of 20 alarms, then ``figures``), beside a naive full recompute in Python over every
cached row (the baseline), measured in the same run. Goals: full ≤ 200 ms, incremental ≤ 5 ms.

The cache is a real ``cache.sqlite`` (``LocalCache``) holding a year of history (1,000,000
alarms, ~2,700 a day) and 1,500 open alarms; rows are written straight into its table so that
building it takes seconds, not the minutes that a million pydantic objects would.

Usage: .venv/bin/python tests/benchmarks/bench_dashboard.py [--alarms N] [--runs R]
No display needed. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from backend_client.cache.store import LocalCache  # noqa: E402
from backend_client.sqlite_files import db_time  # noqa: E402
from desktop.state.kpis import KpiBook, fact_from_row, period_start  # noqa: E402
from tests.factories import make_alarm  # noqa: E402

OPEN = 1500
CHANGE_SET = 20
YEAR_S = 365 * 86400.0
OPEN_STATES = ("new", "acknowledged", "dispatched", "on_scene")


def build_cache(path: Path, n: int, now: datetime, rng: random.Random) -> LocalCache:
    """``n`` closed alarms over the past year and ``OPEN`` open ones in the last hours."""
    cache = LocalCache(path)
    template = make_alarm(id="T", assigned_unit_ids=["U1"]).model_dump_json()
    t_now = now.timestamp()
    rows = []
    for i in range(n + OPEN):
        is_open = i >= n
        created = t_now - (rng.uniform(0, 6 * 3600) if is_open else rng.uniform(0, YEAR_S))
        state = rng.choice(OPEN_STATES) if is_open else "closed"
        ack = created + rng.expovariate(1 / 20) if state != "new" else None
        disp = (ack + rng.expovariate(1 / 45)
                if ack is not None and state != "acknowledged" and rng.random() < 0.7 else None)
        closed = (disp or ack or created) + rng.uniform(60, 3600) if state == "closed" else None

        def text(t: float | None) -> str | None:
            return None if t is None else db_time(datetime.fromtimestamp(t, UTC))

        rows.append((f"A{i:07d}", 5, state, rng.randint(1, 4), f"G{rng.randint(1, 300):03d}",
                     text(created), text(closed or ack or created), "intrusion", text(ack),
                     text(disp), text(closed), "resolved" if closed else None, template))
    with cache.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO alarms (id, version, state, priority, grid_id, created_at, "
            "updated_at, kind, acknowledged_at, dispatched_at, closed_at, disposition, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    with cache.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    return cache


def full(cache: LocalCache, now: datetime) -> tuple[float, KpiBook, object]:
    start = time.perf_counter()
    since = datetime.fromtimestamp(period_start(now), UTC)
    book = KpiBook()
    book.load([fact_from_row(r) for r in cache.alarm_facts(since)], now)
    figures = book.figures(now, live=True)
    return (time.perf_counter() - start) * 1000, book, figures


def naive(cache: LocalCache, now: datetime) -> tuple[float, dict[str, object]]:
    """The baseline: every cached row into Python, every figure by loops and sorting."""
    start = time.perf_counter()
    with cache.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT id, priority, state, grid_id, created_at, acknowledged_at, dispatched_at "
            "FROM alarms").fetchall()

    def epoch(text: str | None) -> float | None:
        return None if text is None else datetime.fromisoformat(text).timestamp()

    t0 = period_start(now)
    open_by_p: Counter[int] = Counter()
    grids: Counter[str] = Counter()
    hourly: Counter[tuple[int, int]] = Counter()
    buckets: Counter[int] = Counter()
    ack, disp = [], []
    unack = 0
    for _id, p, state, grid, c, a, d in rows:
        created = epoch(c)
        if state != "closed":
            open_by_p[p] += 1
            grids[grid] += 1
            unack += state == "new"
        if created is not None and created >= t0:
            hourly[(int(created // 3600), p)] += 1
            buckets[int(created // 600)] += 1
            acked = epoch(a)
            if acked is not None:
                ack.append(acked - created)
                dispatched = epoch(d)
                if dispatched is not None:
                    disp.append(dispatched - acked)
    ack.sort()
    disp.sort()

    def rank(xs: list[float], p: float) -> float | None:
        return xs[max(1, math.ceil(p / 100 * len(xs))) - 1] if xs else None

    out = {"open": sum(open_by_p.values()), "unacknowledged": unack,
           "ack_p90": rank(ack, 90), "dispatch_p90": rank(disp, 90), "in_period": sum(
               buckets.values()), "top": grids.most_common(5)}
    return (time.perf_counter() - start) * 1000, out


def change_sets(book: KpiBook, now: datetime, count: int, rng: random.Random) -> list[list]:
    """Change sets as the stream brings them: new alarms, and open ones moving on."""
    open_ids = [f for f in book.facts.values() if f.is_open]
    sets = []
    serial = 0
    for _ in range(count):
        batch = []
        for _ in range(CHANGE_SET):
            if rng.random() < 0.5 or not open_ids:
                serial += 1
                batch.append(make_alarm(id=f"N{serial:06d}", priority=rng.randint(1, 4),
                                        state="new", created_at=now, updated_at=now))
            else:
                f = open_ids.pop()
                created = datetime.fromtimestamp(f.created, UTC)
                batch.append(make_alarm(
                    id=f.id, version=f.version + 1, priority=f.priority, state="acknowledged",
                    grid_id=f.grid_id, created_at=created,
                    acknowledged_at=created + timedelta(seconds=9), updated_at=now))
        sets.append(batch)
    return sets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alarms", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--change-sets", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(9)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        cache = build_cache(Path(tmp) / "cache.sqlite", args.alarms, now, rng)
        print(f"built a cache of {cache.count('alarm'):,} alarms in "
              f"{time.perf_counter() - t:.1f} s", flush=True)
        full_runs = []
        for _ in range(args.runs):
            ms, book, figures = full(cache, now)
            full_runs.append(ms)
        print(f"full: {[round(x, 1) for x in full_runs]} ms", flush=True)
        base_ms, base = naive(cache, now)
        print(f"naive: {base_ms:.0f} ms", flush=True)
        # The same figures both ways (the baseline must compute what the dashboard shows).
        assert base["open"] == figures.open_total, (base["open"], figures.open_total)
        assert base["unacknowledged"] == figures.unacknowledged
        assert base["in_period"] == figures.alarms_in_period
        assert math.isclose(base["ack_p90"], figures.ack.at_percent, abs_tol=0.01)
        inc = []
        for batch in change_sets(book, now, args.change_sets, rng):
            start = time.perf_counter()
            book.apply(batch, now)
            book.figures(now, live=True)
            inc.append((time.perf_counter() - start) * 1000)
        cache.close()
    full_ms = statistics.median(full_runs)
    inc_ms = statistics.median(inc)
    result = {
        "alarms": args.alarms + OPEN,
        "alarms_in_period": figures.alarms_in_period,
        "full_ms": round(full_ms, 2),
        "incremental_ms": round(inc_ms, 3),
        "incremental_p95_ms": round(sorted(inc)[int(0.95 * len(inc))], 3),
        "change_set_size": CHANGE_SET,
        "baseline_full_ms": round(base_ms, 1),
        "ratio_baseline_to_full": round(base_ms / full_ms, 1),
        "goal_full_ms": 200, "goal_incremental_ms": 5,
        "full_ok": full_ms <= 200, "incremental_ok": inc_ms <= 5,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
